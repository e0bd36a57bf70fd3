"""Caveats that follow the evidence: a calculated saving is called calculated, and a comparison design
the placebo test rejects marks the figures built on it as unreliable (page 1 and the cost-benefit section)."""
from __future__ import annotations

import matplotlib
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary as summary_section
from tests.conftest import PARAMS, sample_project, sample_report, shown_chunks

matplotlib.use("Agg")


def _report(pid: str, lang: str = "sv") -> et.Report:
    return sample_report(pid, lang)  # (shared: read, never changed)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_rejected_comparison_design_marks_the_cost_benefit_unreliable(lang):
    r = _report("sprangbradan-demo", lang)
    # the payments' placebo test before the start rejects the design, and the deadweight comes from it
    assert r.payments.parallel_trends_doubtful and r.cba.summary.deadweight_source == "comparison"
    page_one = " ".join(summary_section.worth(r) + summary_section.effect(r))
    assert r.msg("summary.did_unreliable_all") in page_one
    assert "beräknad besparing" in page_one or "calculated saving" in page_one
    section = " ".join(shown_chunks(cb_section.blocks(r)))
    assert r.msg("costbenefit.unreliable_comparison") in section


def test_a_comparison_design_that_holds_is_not_marked_but_the_saving_is_still_calculated():
    r = _report("kompassen-demo")
    assert not r.payments.parallel_trends_doubtful
    page_one = " ".join(summary_section.worth(r) + summary_section.effect(r))
    assert r.msg("summary.did_unreliable_all") not in page_one and r.msg("summary.did_unreliable") not in page_one
    # the försörjningsstöd saved is calculated, never said as if measured; the register data measure the rest
    assert "delvis uppmätt i registeruppgifter och delvis beräknad" in page_one and "undvikna" not in page_one


def test_without_a_comparison_group_the_saving_is_called_calculated():
    r = _report("timra-vagen-ut")
    page_one = " ".join(summary_section.worth(r))
    assert r.msg("summary.worth_calculated") in page_one


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
    from evaltools.analysis.costbenefit.uncertainty import _split_uniform
    x = _split_uniform(np.random.default_rng(3), 0.0, 0.25, 0.75, 100_000)
    assert x.min() >= 0.0 and x.max() <= 0.75
    assert np.median(x) == pytest.approx(0.25, abs=0.005)
    assert (x < 0.25).mean() == pytest.approx(0.5, abs=0.01)  # half below the base, half above


def test_an_application_s_outcome_mix_moves_the_public_saving_and_is_stated():
    from evaltools.present.sections.costbenefit import expected_mix
    project = et.load_project(PARAMS / "eskilstuna-ansokan.yaml")
    e = project.params.expected
    work = et.cost_benefit(project, monte_carlo=False, effect=False)
    mixed_project = project.with_params(expected={**e.model_dump(exclude_none=True),
                                                  "outcome_mix": {"arbete": 0.5, "sjuk_aktivitetsersättning": 0.5}})
    mixed = et.cost_benefit(mixed_project, monte_carlo=False, effect=False)
    w, m = work.table.set_index("perspective"), mixed.table.set_index("perspective")
    # the municipality saves the same either way; half the exits paid by Försäkringskassan instead halve
    # the public financiers' benefit (every success at the same level, the same exit months in pairs)
    assert m.loc["kommun", "pv_benefit"] == pytest.approx(w.loc["kommun", "pv_benefit"])
    assert m.loc["offentliga", "pv_benefit"] == pytest.approx(w.loc["offentliga", "pv_benefit"] / 2, rel=0.02)
    assert "arbete" in expected_mix(et.Report(mixed_project)) and "50" in expected_mix(et.Report(mixed_project))
    assert "ansökan anger inte" in expected_mix(et.Report(project))


def test_an_outcome_mix_that_does_not_add_up_is_refused():
    project = et.load_project(PARAMS / "eskilstuna-ansokan.yaml")
    with pytest.raises(Exception, match=r"tillsammans bli 1 \(100 %\); summan är 0.8"):
        project.with_params(expected={"successes_per_year": 10, "outcome_mix": {"arbete": 0.5, "studier": 0.3}})


def test_the_effect_based_simulation_draws_the_reference_date_too():
    import pandas as pd
    from evaltools.analysis.comparison import compare_payments
    project = sample_project("kompassen-demo")
    payments = compare_payments(project)
    effect = payments.did.effect
    only_main = pd.DataFrame({"shift_months": [0], "effect": [effect]})
    # two reference dates 1 000 kr a month either side: the spread of the simulated NPVs must widen
    wide = pd.DataFrame({"shift_months": [-1, 0, 1], "effect": [effect - 1000, effect, effect + 1000]})
    a = et.cost_benefit(project, payments=payments, reference_dates=only_main).effect_based
    b = et.cost_benefit(project, payments=payments, reference_dates=wide).effect_based
    assert (b.npv_p95 - b.npv_p05) > 2 * (a.npv_p95 - a.npv_p05)
    assert (b.reference_low, b.reference_high) == (effect - 1000, effect + 1000)
    assert a.npv == b.npv  # the point figure stays the main estimate's


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "kompassen-demo", "eskilstuna-ansokan"])
def test_page_one_says_who_gains_and_who_pays(pid):
    import re

    from .test_board_reading_8 import _kr, _unit
    r = _report(pid)
    said = summary_section.worth(r)[0]
    rows = r.cba.table.set_index("perspective")
    for actor, name in (("kommun", "kommunen"), ("region", "regionen"), ("stat", "staten")):
        v = rows.loc[actor, "npv"]
        verb = "vinna" if r.cba.summary.mode == "ex_ante" and v > 0 else "betala" if r.cba.summary.mode == "ex_ante" \
            else "vinner" if v > 0 else "betalar"
        # the actor's amount, rounded with the total beside it (test_board_reading_9), at its last shown digit
        m = re.search(f"{name} {'skulle ' if r.cba.summary.mode == 'ex_ante' else ''}{verb} "
                      r"([\d ,\u00a0]+(?:miljon(?:er)?\s*kronor|kr))", said)
        assert m, said
        assert abs(_kr(m.group(1)) - abs(v)) <= _unit(m.group(1)) / 2 + 0.5, (actor, said)
    # the municipality gains what the state pays out in benefits instead: the signs the board asks about
    assert rows.loc["kommun", "npv"] > 0 > rows.loc["stat", "npv"]
