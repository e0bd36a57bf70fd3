"""Caveats that follow the evidence: a calculated saving is called calculated, and a comparison design
the placebo test rejects marks the figures built on it as unreliable (page 1 and the cost-benefit section)."""
from __future__ import annotations

import matplotlib
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary as summary_section
from tests.conftest import PARAMS, shown_chunks

matplotlib.use("Agg")


def _report(pid: str, lang: str = "sv") -> et.Report:
    return et.Report(et.load_project(PARAMS / f"{pid}.yaml"), lang=lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_rejected_comparison_design_marks_the_cost_benefit_unreliable(lang):
    r = _report("sprangbradan-demo", lang)
    # the payments' placebo test before the start rejects the design, and the deadweight comes from it
    assert r.payments.parallel_trends_doubtful and r.cba.summary.deadweight_source == "comparison"
    page_one = " ".join(summary_section.worth(r))
    assert r.msg("summary.worth_unreliable") in page_one
    assert r.msg("summary.worth_calculated_comparison") in page_one
    section = " ".join(shown_chunks(cb_section.blocks(r)))
    assert r.msg("costbenefit.unreliable_comparison") in section


def test_a_comparison_design_that_holds_is_not_marked_but_the_saving_is_still_calculated():
    r = _report("kompassen-demo")
    assert not r.payments.parallel_trends_doubtful
    page_one = " ".join(summary_section.worth(r))
    assert r.msg("summary.worth_unreliable") not in page_one
    assert r.msg("summary.worth_calculated_comparison") in page_one
    assert "beräknade besparing" in page_one  # never "undvikna" as if measured


def test_without_a_comparison_group_the_saving_is_called_calculated():
    r = _report("timra-vagen-ut")
    page_one = " ".join(summary_section.worth(r))
    assert r.msg("summary.worth_calculated") in page_one and r.msg("summary.worth_unreliable") not in page_one


def test_the_application_check_s_simulation_is_centred_on_its_own_figure():
    import numpy as np
    r = et.cost_benefit(et.load_project(PARAMS / "eskilstuna-ansokan.yaml"))
    s, mc = r.summary, r.monte_carlo
    assert s.mode == "ex_ante" and mc.ex_ante
    # the horizon is held at the NPV's own, and the expected successes and the deadweight are drawn
    # half below and half above their base values: the median NPV stays within 25 % of the stated one
    horizon = et.load_project(PARAMS / "eskilstuna-ansokan.yaml").params.cost_benefit.horizon_years
    assert np.all(r.simulation.draws.horizon_years == horizon)
    assert abs(mc.npv_median - s.npv) <= 0.25 * abs(s.npv)
    d = r.simulation.draws
    assert np.median(d.success_mult) == pytest.approx(1.0, abs=0.02)
    assert np.median(d.deadweight) == pytest.approx(s.deadweight, abs=0.02)


def test_split_uniform_draws_have_the_base_as_median_and_stay_in_range():
    import numpy as np
    from evaltools.analysis.costbenefit import _split_uniform
    x = _split_uniform(np.random.default_rng(3), 0.0, 0.25, 0.75, 100_000)
    assert x.min() >= 0.0 and x.max() <= 0.75
    assert np.median(x) == pytest.approx(0.25, abs=0.005)
    assert (x < 0.25).mean() == pytest.approx(0.5, abs=0.01)  # half below the base, half above
