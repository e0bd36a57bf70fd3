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
