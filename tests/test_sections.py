"""The report's sections: the small decisions each makes, and that each renders in both languages."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from evaltools.data import schema as S
from evaltools.present import sections
from evaltools.present.sections import budget, costbenefit, goals, participants, payments, summary, title

from .conftest import sample_report


def test_summary_counts_goals_not_periods():
    from evaltools.analysis.goals import count_goals
    # one verdict per goal: reached, partly, not reached, and one not assessed (left out)
    count = count_goals(["uppnått", "delvis", "ej_uppnått", "ej_bedömt"])
    assert (count.judged, count.reached, count.partly, count.not_reached, count.volumes_only) == (3, 1, 1, 1, False)
    assert count_goals(["ej_bedömt"]).judged == 0


@pytest.mark.parametrize(("basis", "actual", "budget_total", "key"), [
    ("budget", [1.0, None], True, "summary.cost_budget"),
    ("actual", [1.0, 2.0], True, "summary.cost_settled_share"),
    ("actual", [1.0, 2.0], False, "summary.cost_settled"),
    ("actual", [1.0, None], True, "summary.cost_partial"),
    ("actual", [None, None], True, "summary.cost_counted"),
])
def test_summary_picks_the_cost_sentence(basis, actual, budget_total, key):
    costs = pd.DataFrame({S.ACTUAL: actual, S.BUDGET: [5.0, 5.0]})
    assert summary.cost_key(basis, summary.settled_lines(costs), budget_total) == key


def test_a_line_without_amounts_counts_as_settled():
    costs = pd.DataFrame({S.ACTUAL: [None, 3.0], S.BUDGET: [None, 4.0]})
    assert summary.settled_lines(costs).tolist() == [True, True]


def test_title_kind():
    assert title.kind_key("ansökan") == "title.kind_ex_ante"
    assert title.kind_key("individ") == "title.kind_report"
    assert title.kind_key("struktur") == "title.kind_structural"


def test_cost_benefit_says_why_there_is_no_benefit_yet():
    assert costbenefit.too_early(True, SimpleNamespace(successes=0, ended=0)) == "costbenefit.too_early_no_ended"
    assert costbenefit.too_early(True, SimpleNamespace(successes=0, ended=4)) == "costbenefit.too_early_no_exit"
    assert costbenefit.too_early(True, SimpleNamespace(successes=2, ended=4)) is None
    assert costbenefit.too_early(False, SimpleNamespace(successes=0, ended=0)) is None  # ex ante: the expected volumes


def test_small_decisions():
    from evaltools.words.formats import fmt_persons
    assert fmt_persons(3, 5, "sv") == "<5" and fmt_persons(0, 5, "sv") == "0"
    assert fmt_persons(12, 5, "sv") == "12" and fmt_persons(1200, 5, "sv") == "1\xa0200"
    assert not payments.chart_shown(None)
    assert not payments.chart_shown(pd.DataFrame({"mean_amount": [float("nan")]}))
    assert participants.has_chart(pd.DataFrame({"n": ["<5", 0]})) is False
    assert participants.has_chart(pd.DataFrame({"n": ["<5", 7]})) is True
    costs = pd.DataFrame({S.ACTUAL: [1.0, None, None], S.BUDGET: [2.0, 3.0, None]})
    assert budget.missing_actuals(costs) == 1
    assert goals.show_chart(pd.DataFrame({"kind": ["qualitative"], "mode": ["observed"]})) is False


@pytest.fixture(scope="module")
def reports():
    return {lang: sample_report("kompassen-demo", lang) for lang in ("sv", "en")}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("module", [sections.summary, sections.facts, sections.goals, sections.participants,
                                    sections.outcomes, sections.time_in_project, sections.payments, sections.budget,
                                    sections.costbenefit, sections.appendix, sections.quality, sections.method,
                                    sections.footer])
def test_every_section_gives_blocks_with_its_heading(reports, module, lang):
    import matplotlib.pyplot as plt
    r = reports[lang]
    blocks = module.blocks(r)
    html = "".join(part._repr_html_() for block in blocks for part in block
                   if hasattr(part, "_repr_html_") and not hasattr(part, "savefig"))
    plt.close("all")
    heading = r.msg(module.__name__.rsplit(".", 1)[-1].replace("time_in_project", "time") + ".heading")
    # the appendix's parts are third-level headings under its own
    level = 3 if module in (sections.quality, sections.method, sections.footer) else 2
    assert f">{heading}</h{level}>" in html
    assert "{" not in html.replace("{{", "")  # no placeholder left unfilled
