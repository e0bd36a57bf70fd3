"""Amounts proportional to a hidden count of exits: where 1–4 participants left försörjningsstöd, the benefit, NPV
and ratio are given as the range over 1 to 4 exits (the exact figures are the count times the stated value of one
exit), on page 1, in the cost-benefit section, the workbook, the what-if panel and the portfolio; 5 exits stay exact.

Every project is written in tmp_path. Expected values are worked out by hand in the comments."""
from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import RangeVerdict, cost_benefit, published
from evaltools.present import portfolio, whatif
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary as page_one
from evaltools.publish.workbook import export_report

from .conftest import write_csv

# The arithmetic of every project below: a fixed level of 9 000 kr a month (2022 prices, price year 2022) for two
# years, no drop-off, deadweight or discounting. One exit to work saves the municipality 9 000 × 24 = 216 000 kr;
# earnings are not valued and work moves no state benefit, so the public financiers' benefit of one exit is
# 216 000 kr too. The cost (one budget line of 2022, actual = budget) is shared by the Finsam act (state 50 %,
# region and municipality 25 % each), all of it public: the public financiers bear the whole cost.
PER_EXIT = 9_000 * 24  # 216 000


def _project(root: Path, cost: int, exits: int, stayed: int = 2, ongoing: int = 5, extra: str = "") -> Path:
    """``exits`` ended to work, ``stayed`` ended still on försörjningsstöd, ``ongoing`` still enrolled; ``extra``
    params lines after the others."""
    rows = []
    outcomes = ["arbete"] * exits + ["kvar_försörjningsstöd"] * stayed + [""] * ongoing
    for i, outcome in enumerate(outcomes, 1):
        rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
                     "household_type": "ensamstående", "start_date": "2022-02-01",
                     "end_date": f"2022-{3 + i % 9:02d}-15" if outcome else "", "outcome": outcome})
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/budget.csv", [{"period": "2022", "category": "Lön", "budget": cost, "actual": cost}])
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent("""\
        id: tiny
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        cost_benefit:
          price_year: 2022
          monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
          horizon_years: 2
          dropoff_per_year: 0
          deadweight: 0
          discount_rate: 0
        """) + extra, encoding="utf-8")
    return path


@pytest.fixture
def expensive(tmp_path):
    """3 exits (hidden: 3 of the 5 ended, the 2 who stayed are small too) at a cost of 1 500 000 kr."""
    return et.Report(et.load_project(_project(tmp_path, 1_500_000, 3)))


def test_the_analysis_computes_the_range_once_and_keeps_the_exact_figures(expensive):
    exact = cost_benefit(expensive.project, monte_carlo=False, effect=False)
    # exact: 3 × 216 000 = 648 000 benefit, 648 000 − 1 500 000 = −852 000 NPV
    assert exact.summary.pv_benefit == pytest.approx(3 * PER_EXIT)
    assert exact.summary.npv == pytest.approx(3 * PER_EXIT - 1_500_000)
    lead = exact.summary.exit_range.lead
    assert (exact.summary.exit_range.low, exact.summary.exit_range.high) == (1, 4)
    assert lead.perspective == "offentliga"
    assert lead.per_exit == pytest.approx(216_000)
    # 1 exit: 216 000 and 216 000 − 1 500 000 = −1 284 000; 4 exits: 864 000 and −636 000
    assert (lead.benefit_low, lead.benefit_high) == pytest.approx((216_000, 864_000))
    assert (lead.npv_low, lead.npv_high) == pytest.approx((-1_284_000, -636_000))
    assert (lead.bcr_low, lead.bcr_high) == pytest.approx((216_000 / 1_500_000, 864_000 / 1_500_000))
    # break-even 1 500 000 / 216 000 = 6,94 exits: more than 4, the cost is not carried at any count
    assert lead.break_even_exits == pytest.approx(1_500_000 / 216_000)
    assert lead.verdict is RangeVerdict.NOT_COVERED
    # the report's result has the range and none of the figures that give the count
    shown = expensive.cba
    assert shown.summary.exit_range.lead == lead  # (the same object the analysis computed)
    for figure in ("pv_benefit", "npv", "bcr", "payback_months", "switching_deadweight"):
        assert np.isnan(getattr(shown.summary, figure))
        assert shown.table[figure].isna().all()
    assert shown.monte_carlo is None and shown.sensitivity.empty


def test_page_one_states_the_range_and_the_verdict_not_the_exact_benefit(expensive):
    said = " ".join(page_one.worth(expensive)).replace("\xa0", " ")
    # one exit, 216 000, said as a person says it: 220 000 kr
    assert "i snitt värd 220 000 kr för de offentliga finansiärerna" in said
    # 216 000 and 864 000 in one unit: "mellan 220 000 och 860 000 kr"; NPV −1 284 000 and −636 000 in millions
    assert "besparingen mellan 220 000 och 860 000 kr" in said
    assert "nettonuvärdet mellan −1,3 miljoner och −640 000 kronor" in said  # (−636 000: in kronor, not −0,64 miljoner)
    # the break-even (7 persons) beside the verdict: not covered, however many of the fewer than 5 they are
    assert "Det krävs 7 personer för att bära kostnaden på 1,5 miljoner kronor, så besparingen bär inte kostnaden" in said
    # the exact benefit 648 000 (said 650 000) and NPV −852 000 (said −850 000 or −0,85 miljoner) are nowhere
    for exact in ("648 000", "650 000", "852 000", "850 000", "0,85 miljoner", "0,65 miljoner"):
        assert exact not in said


def test_the_cost_section_gives_the_range_and_the_break_even(expensive):
    kf = cb_section.key_figures(expensive).frame
    values = dict(zip(kf.iloc[:, 0], (v.replace("\xa0", " ") for v in kf.iloc[:, 1])))
    benefit = next(v for k, v in values.items() if k.startswith("Nytta för de offentliga"))
    npv = next(v for k, v in values.items() if k.startswith("Nettonuvärde för de offentliga"))
    # exact, as the table states the value of one exit (216 000) and the cost beside them: 216 000 and 864 000,
    # 216 000 − 1 500 000 = −1 284 000 and 864 000 − 1 500 000 = −636 000
    assert benefit == "216 000 till 864 000 kr"
    assert npv == "−1 284 000 till −636 000 kr"
    assert next(v for k, v in values.items() if k.startswith("Nytta av en person")) == "216 000 kr"
    # 216 000 / 1 500 000 = 0,144 and 864 000 / 1 500 000 = 0,576
    assert next(v for k, v in values.items() if k.startswith("Nytta per satsad krona")) == "0,14 till 0,58"
    assert next(v for k, v in values.items() if "(brytpunkt)" in k) == "7"
    assert not any("Återbetalningstid" in k or "Dödvikt där" in k for k in values)
    cells = " | ".join(values.values()) + " | " + cb_section.perspective_table(expensive).frame.to_string()
    for exact in ("648 000", "852 000", "0,43"):  # (0,43 = 648 000 / 1 500 000)
        assert exact not in cells.replace("\xa0", " ")
    # the municipality bears a quarter, 375 000: 216 000 − 375 000 = −159 000 at 1 exit, 864 000 − 375 000 = 489 000 at 4
    table = cb_section.perspective_table(expensive).frame
    kommun = table[table.iloc[:, 0] == "Kommunen"].iloc[0]
    assert kommun["Netto"].replace("\xa0", " ") == "−159 000 till 489 000 kr"


def _numbers(path: Path) -> list[float]:
    wb = openpyxl.load_workbook(path)
    return [float(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row
            if isinstance(v, (int, float)) and not isinstance(v, bool)]


def test_the_workbook_holds_the_range_and_not_the_exact_figures(expensive, tmp_path):
    xlsx = next(p for p in export_report(expensive, tmp_path / "out") if p.suffix == ".xlsx")
    numbers = _numbers(xlsx)
    # the range's ends (1 and 4 exits) are there ...
    for end in (216_000, 864_000, -1_284_000, -636_000):
        assert any(abs(v - end) < 1 for v in numbers), end
    # ... the exact benefit 648 000, NPV −852 000 and ratio 0,432 are not, nor the municipality's
    # 648 000 − 375 000 = 273 000
    for exact in (648_000, -852_000, 273_000):
        assert not any(abs(v - exact) < 1 for v in numbers), exact
    assert not any(abs(v - 0.432) < 1e-6 for v in numbers)


@pytest.mark.parametrize("cost, verdict, words", [
    # 500 000 / 216 000 = 2,31: from 3 persons; at 1 exit −284 000, at 4 exits 364 000: it depends
    (500_000, RangeVerdict.DEPENDS, "beror på det exakta antalet, som rapporten inte visar för att skydda deltagarna: "
                                    "kalkylen går ihop från 3 personer"),
    # 150 000 / 216 000 = 0,69: one person carries it; at 1 exit 216 000 − 150 000 = 66 000 > 0
    (150_000, RangeVerdict.COVERED, "Redan en person bär kostnaden på 150 000 kr, så besparingen bär kostnaden för de "
                                    "offentliga finansiärerna"),
])
def test_a_cheaper_project_depends_on_the_number_or_is_covered_at_any(tmp_path, cost, verdict, words):
    r = et.Report(et.load_project(_project(tmp_path, cost, 3)))
    assert r.cba.summary.exit_range.lead.verdict is verdict
    said = " ".join(page_one.worth(r)).replace("\xa0", " ")
    assert words in said
    # the exact benefit 648 000 (650 000) and NPV 148 000 / 498 000 (150 000, 500 000 less the cost) are not said;
    # society's break-even is set against 500 000 × 1,3 = 650 000 kr, the cost with the skattefaktor, which is no count
    said = said.replace("650 000 kr (500 000 kr och skattefaktorns påslag på det)", "")
    assert "650 000" not in said and "648 000" not in said


def test_the_what_if_panel_and_the_portfolio_show_the_same_range(expensive):
    figures = whatif.key_figures(whatif.evaluate(expensive.project), lang="sv")
    values = " | ".join(figures.iloc[:, 1]).replace("\xa0", " ")
    assert "−1 284 000 till −636 000 kr (med 1 till 4 personer" in values
    assert "852 000" not in values and "Återbetalningstid" not in " ".join(figures.iloc[:, 0])
    grid = whatif.grid(expensive.project, "deadweight", (0.0,), "horizon_years", (2,))
    assert grid.iloc[0, 1].replace("\xa0", " ") == "−1 284 000 till −636 000 kr"
    row = portfolio._row(expensive.project)
    assert np.isnan(row["npv_public"]) and np.isnan(row["bcr_public"])
    assert (row["npv_public_low"], row["npv_public_high"]) == pytest.approx((-1_284_000, -636_000))


def test_five_exits_stay_exact(tmp_path):
    # 5 exits (and 5 who stayed, so none of the counts is small): 5 × 216 000 = 1 080 000 benefit,
    # 1 080 000 − 1 500 000 = −420 000 NPV, stated as they are
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 5, stayed=5)))
    assert r.cba.summary.exit_range is None
    assert r.cba.summary.pv_benefit == pytest.approx(1_080_000)
    assert published(r.cba) is r.cba
    kf = cb_section.key_figures(r).frame
    values = dict(zip(kf.iloc[:, 0], (v.replace("\xa0", " ") for v in kf.iloc[:, 1])))
    assert next(v for k, v in values.items() if k.startswith("Nytta för de offentliga")) == "1 080 000 kr"
    assert next(v for k, v in values.items() if k.startswith("Nettonuvärde för de offentliga")) == "−420 000 kr"


def test_the_appendix_promises_no_simulation_and_the_method_says_why(expensive):
    from evaltools.present.sections import appendix, method
    assert appendix.simulation(expensive) == []
    assert "simuleringens inställningar" not in appendix.heading_html(expensive)
    assert "Ingen simulering visas, eftersom färre än 5 personer har lämnat försörjningsstödet" in appendix.heading_html(
        expensive).replace("\n", " ")
    [rule] = [p for p in method.paragraphs(expensive) if p.startswith("Osäkerhet")]
    assert "anges för 1 till 4 personer i stället för exakt" in rule
