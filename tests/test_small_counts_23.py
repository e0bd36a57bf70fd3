"""Amounts proportional to a withheld count of 5 or more exits: where the exits from försörjningsstöd are k or more
but the report withholds their number all the same (those who ended without leaving it are 1 to k − 1, so the
number with the number ended would tell their outcome), the exact benefit would give the number back (benefit ÷
value of one exit). The benefit, NPV and ratio are then given as a range over the counts the published figures
leave open, through the same published result, on page 1, in the cost-benefit section, the workbook, the what-if
panel and the portfolio.

Every project is written in tmp_path. Expected values are worked out by hand in the comments."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import RangeVerdict, cost_benefit
from evaltools.analysis.disclosure import Secondary, exit_counts
from evaltools.present import portfolio, whatif
from evaltools.present.sections import appendix, method
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary as page_one
from evaltools.publish.workbook import export_report, portfolio_sheet

from .conftest import write_csv
from .test_small_counts_22 import _project as _small

# As in test_small_counts_22: a fixed level of 9 000 kr a month (2022 prices) for two years, no drop-off,
# deadweight or discounting: one exit to work is worth 9 000 × 24 = 216 000 kr to the municipality and to the
# public financiers together, who bear the whole cost (one budget line of 2022, actual = budget).
PER_EXIT = 9_000 * 24  # 216 000

WORK_GOAL = """\
goals:
  - {id: arbete, kind: outcome_count, label: Minst fem till arbete, target: 5, period: whole_period,
     count_by: exit, success_outcomes: [arbete]}
"""


def _project(root: Path, cost: int, exits: int, stayed: int, ongoing: int = 5, goal: bool = False,
             extra: str = "") -> Path:
    """tests/test_small_counts_22.py's project, with the goal on work where ``goal``."""
    return _small(root, cost, exits, stayed, ongoing, extra=(WORK_GOAL if goal else "") + extra)


def _report(root: Path, cost: int, exits: int, stayed: int, **kw) -> et.Report:
    root.mkdir(parents=True, exist_ok=True)
    return et.Report(et.load_project(_project(root, cost, exits, stayed, **kw)))


@pytest.fixture
def six_of_eight(tmp_path):
    """6 exits of 8 ended (2 stayed: few), 5 still enrolled, 13 in all, at a cost of 1 500 000 kr."""
    return _report(tmp_path, 1_500_000, 6, 2)


def test_the_count_is_withheld_and_the_figures_are_a_range_over_the_counts_left_open(six_of_eight):
    r = six_of_eight
    # 8 ended, 6 left: 8 − 6 = 2 did not leave, 1–4, so the 6 is withheld (rule 4); 8 ended is shown
    assert r.disclosure.hides(Secondary.EXITS) and r.disclosure.shows(Secondary.ENDED)
    # the number ended shown, the counts left open are those that leave 1 to 4 who did not: 8 − 4 = 4 to 8 − 1 = 7
    assert exit_counts(r.project, r.goals.table) == (4, 7)
    exact = cost_benefit(r.project, monte_carlo=False, effect=False)
    assert exact.summary.exit_range is None  # (6 is not few: the analysis keeps its exact figures)
    # exact: 6 × 216 000 = 1 296 000, and 1 296 000 / 216 000 = 6, the withheld count, so it cannot be printed
    assert exact.summary.pv_benefit == pytest.approx(6 * PER_EXIT)
    er = r.cba.summary.exit_range
    assert (er.low, er.high, er.few) == (4, 7, False)
    lead = er.lead
    # 4 exits: 864 000 and 864 000 − 1 500 000 = −636 000; 7 exits: 1 512 000 and 12 000
    assert (lead.benefit_low, lead.benefit_high) == pytest.approx((864_000, 1_512_000))
    assert (lead.npv_low, lead.npv_high) == pytest.approx((-636_000, 12_000))
    assert lead.verdict is RangeVerdict.DEPENDS
    for figure in ("pv_benefit", "npv", "bcr", "payback_months", "switching_deadweight"):
        assert np.isnan(getattr(r.cba.summary, figure))
    assert r.cba.monte_carlo is None


def test_the_range_cannot_be_worked_back_to_the_count(tmp_path):
    # 5, 6 or 7 exits of 8 ended (3, 2 or 1 did not leave) publish the same range over 4 to 7: its ends follow
    # from the 8 ended and k = 5 only, so nothing printed tells the three projects apart
    ranges = set()
    for exits in (5, 6, 7):
        er = _report(tmp_path / str(exits), 1_500_000, exits, 8 - exits).cba.summary.exit_range
        ranges.add((er.low, er.high, round(er.lead.benefit_low), round(er.lead.benefit_high),
                    round(er.lead.npv_low), round(er.lead.npv_high)))
    assert ranges == {(4, 7, 864_000, 1_512_000, -636_000, 12_000)}


def test_page_one_says_the_count_is_withheld_not_that_it_is_few(six_of_eight):
    said = " ".join(page_one.worth(six_of_eight)).replace("\xa0", " ")
    assert "Hur många av deltagarna som har lämnat försörjningsstödet redovisas inte" in said
    assert "Färre än 5 av deltagarna har lämnat" not in said
    # 864 000 and 1 512 000 in one unit (0,86 and 1,5 miljoner); −636 000 and 12 000 likewise
    assert "Med 4 till 7 personer blir besparingen mellan" in said
    # break-even 1 500 000 / 216 000 = 6,94: from 7 persons
    assert "kalkylen går ihop från 7 personer" in said
    # nor in the sentence on the support at start, which said "alla 6 som räknas som att de lämnat …"
    assert "Kalkylen antar att de som räknas som att de lämnat försörjningsstödet hade försörjningsstöd" in said
    assert "alla 6 som" not in said
    # the exact benefit 1 296 000 (1,3 miljoner) and NPV −204 000 (−200 000, −0,2 miljoner) are nowhere
    for exact in ("1 296 000", "1,3 miljoner", "204 000", "200 000", "0,2 miljoner"):
        assert exact not in said


@pytest.mark.parametrize("cost, words", [
    # 4 exits: 864 000 − 700 000 = 164 000 > 0: covered at every count of the range
    (700_000, "Redan 4 personer bär kostnaden på 700 000 kr, så besparingen bär kostnaden för de offentliga "
              "finansiärerna, hur många av de 4 till 7 det än är"),
    # 7 exits: 1 512 000 − 2 000 000 = −488 000 ≤ 0; 2 000 000 / 216 000 = 9,26: 10 persons
    (2_000_000, "Det krävs 10 personer för att bära kostnaden på 2 miljoner kronor, så besparingen bär inte "
                "kostnaden för de offentliga finansiärerna, hur många av de 4 till 7 det än är"),
])
def test_a_verdict_over_the_whole_range_names_its_counts(tmp_path, cost, words):
    said = " ".join(page_one.worth(_report(tmp_path, cost, 6, 2))).replace("\xa0", " ")
    assert words in said


def test_the_cost_section_the_method_and_the_appendix(six_of_eight):
    r = six_of_eight
    table = cb_section.key_figures(r)
    values = dict(zip(table.frame.iloc[:, 0], (v.replace("\xa0", " ") for v in table.frame.iloc[:, 1])))
    # 864 000 and 1 512 000, exact in a table (sentences round them); the ratio 864 000 / 1 500 000 = 0,576 and
    # 1 512 000 / 1 500 000 = 1,008
    assert next(v for k, v in values.items() if k.startswith("Nytta för de offentliga")) == "864 000 till 1 512 000 kr"
    assert next(v for k, v in values.items() if k.startswith("Nytta per satsad krona")) == "0,58 till 1,01"
    assert not any(v in ("1 296 000 kr", "−204 000 kr", "0,86") for v in values.values())  # (0,86 = 1 296 000 / 1 500 000)
    note = " ".join(table.notes).replace("\n", " ")
    assert "anges därför för 4 till 7 personer" in note and "Färre än 5 personer har lämnat" not in note
    [rule] = [p for p in method.paragraphs(r) if p.startswith("Osäkerhet")]
    assert "anges för 4 till 7 personer i stället för exakt" in rule
    assert appendix.simulation(r) == []
    assert "Ingen simulering visas, eftersom den skulle visa hur många som har lämnat försörjningsstödet" in \
        appendix.heading_html(r).replace("\n", " ")


def _numbers(path: Path) -> list[float]:
    wb = openpyxl.load_workbook(path)
    return [float(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row
            if isinstance(v, (int, float)) and not isinstance(v, bool)]


def test_the_workbook_what_if_and_portfolio_read_the_same_range(six_of_eight, tmp_path):
    r = six_of_eight
    xlsx = next(p for p in export_report(r, tmp_path / "out") if p.suffix == ".xlsx")
    numbers = _numbers(xlsx)
    for end in (864_000, 1_512_000, -636_000, 12_000):
        assert any(abs(v - end) < 1 for v in numbers), end
    # the exact benefit 1 296 000, NPV −204 000, ratio 0,864 and the municipality's 1 296 000 − 375 000 = 921 000
    for exact in (1_296_000, -204_000, 921_000):
        assert not any(abs(v - exact) < 1 for v in numbers), exact
    assert not any(abs(v - 0.864) < 1e-6 for v in numbers)
    # the what-if panel: its NPV over 4 to 7
    figures = whatif.key_figures(whatif.evaluate(r.project), lang="sv")
    values = " | ".join(figures.iloc[:, 1]).replace("\xa0", " ")
    assert "(med 4 till 7 personer som lämnat försörjningsstödet" in values and "204 000" not in values
    # the portfolio's row, and its conclusion without "färre än 5 … har lämnat"
    row = portfolio._row(r.project)
    assert np.isnan(row["npv_public"]) and row["exits_few"] is False
    assert (row["npv_public_low"], row["npv_public_high"]) == pytest.approx((-636_000, 12_000))
    pf = portfolio.Portfolio([r.project.params.source_path])
    said = pf._conclusion(pf.table.iloc[0].to_dict()).replace("\xa0", " ")
    assert "hur många deltagare som har lämnat försörjningsstödet redovisas inte" in said
    assert "färre än 5 deltagare har lämnat" not in said


def test_with_the_number_ended_withheld_too_the_range_runs_from_k_to_the_participants(tmp_path):
    # a goal of 7 to work beside 9 ended: 9 − 7 = 2 is small, so the 9 ended is withheld too (rule 2). One of the 7
    # was on sjukpenning at start, so 6 left försörjningsstöd: 9 − 6 = 3 did not, and the goal does not state the 6
    # (a goal that states it makes it public: tests/test_small_counts_26.py). A range over 9 − 4 to 9 − 1 would give
    # the 9 ended back (8 + 1); it runs from k = 5 to the 14 participants instead
    path = _project(tmp_path, 1_500_000, 7, 2, goal=True)
    df = pd.read_csv(tmp_path / "data/participants.csv", dtype=str, keep_default_na=False)
    df["support_start"] = ["sjukpenning"] + ["försörjningsstöd"] * (len(df) - 1)  # (P1 is one of the 7 to work)
    df.to_csv(tmp_path / "data/participants.csv", index=False)
    r = et.Report(et.load_project(path))
    assert r.cba.summary.successes == 6
    assert r.disclosure.hides(Secondary.ENDED) and r.disclosure.hides(Secondary.EXITS)
    er = r.cba.summary.exit_range
    assert (er.low, er.high) == (5, 14)
    # 5 exits: 5 × 216 000 = 1 080 000 and 1 080 000 − 1 500 000 = −420 000; 14 exits: 3 024 000 and 1 524 000
    assert (er.lead.benefit_low, er.lead.benefit_high) == pytest.approx((1_080_000, 3_024_000))
    assert (er.lead.npv_low, er.lead.npv_high) == pytest.approx((-420_000, 1_524_000))


def test_a_count_shown_stays_exact(tmp_path):
    # 6 exits of 11 ended (5 stayed: not small): shown, and the benefit 6 × 216 000 = 1 296 000 is stated
    r = _report(tmp_path, 1_500_000, 6, 5)
    assert r.disclosure.shows(Secondary.EXITS)
    assert exit_counts(r.project, r.goals.table) is None
    assert r.cba.summary.exit_range is None and r.cba.summary.pv_benefit == pytest.approx(1_296_000)


def _range_headings(rows: list[dict], lang: str) -> list[str]:
    sheet = portfolio_sheet(pd.DataFrame(rows))
    return [c.heading(lang) for c in sheet.columns if c.source.startswith(("npv_", "bcr_")) and
            c.source.endswith(("_low", "_high"))]


def test_the_portfolio_workbook_headings_name_the_projects_own_threshold(tmp_path):
    # a threshold of 4: 2 exits are 1 to 3, a range; its headings say "färre än 4", not a threshold in words
    four = portfolio._row(_report(tmp_path / "four", 1_500_000, 2, 2, extra="privacy: {min_count: 4}\n").project)
    assert four["min_count"] == 4 and pd.notna(four["npv_public_low"])
    sv, en = _range_headings([four], "sv"), _range_headings([four], "en")
    assert len(sv) == 6 and all("utfallet för färre än 4 personer" in h for h in sv), sv
    assert all("the outcome of fewer than 4 persons" in h for h in en), en
    assert not any("för få" in h for h in sv) and not any("too few" in h for h in en)
    # beside a project of the default 5 (3 exits): the larger, 5, which is true of both (fewer than 4 is fewer than 5)
    five = portfolio._row(_report(tmp_path / "five", 1_500_000, 3, 2).project)
    assert all("färre än 5 personer" in h for h in _range_headings([four, five], "sv"))


def test_at_a_threshold_of_2_the_range_is_never_the_count_itself(tmp_path):
    # 3 exits of 4 ended, 1 stayed (a small count at k = 2): the counts leaving 1 to k − 1 = 1 who did not leave
    # are 4 − 1 = 3 alone, the count itself; the range runs from k = 2 to the 4 + 5 = 9 participants instead
    r = _report(tmp_path, 1_500_000, 3, 1, extra="privacy: {min_count: 2}\n")
    assert r.disclosure.hides(Secondary.EXITS) and r.disclosure.shows(Secondary.ENDED)
    er = r.cba.summary.exit_range
    assert (er.low, er.high, er.few) == (2, 9, False)
    # 2 exits: 432 000 − 1 500 000 = −1 068 000; 9 exits: 1 944 000 − 1 500 000 = 444 000
    assert (er.lead.npv_low, er.lead.npv_high) == pytest.approx((-1_068_000, 444_000))


def test_the_table_of_those_followed_after_exit_does_not_give_the_count_back(tmp_path):
    # payments of 9 000 kr a month from June 2021 to October 2023 for everyone but the 6 who left for work, whose
    # payments stop at their exit: all 6 are followed 3, 6 and 12 months, and the table's "Följda så länge" said 6
    r = _report(tmp_path, 1_500_000, 6, 2)
    people = pd.read_csv(tmp_path / "data/participants.csv")
    rows = [{"person_id": p.person_id, "month": str(m), "amount": 9000}
            for p in people.itertuples() for m in pd.period_range("2021-06", "2023-10", freq="M")
            if not (p.outcome == "arbete" and m.to_timestamp() > pd.Timestamp(p.end_date))]
    write_csv(tmp_path / "data/payments.csv", rows)
    params = tmp_path / "tiny.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n", "  budget: data/budget.csv\n  payments: data/payments.csv\n"), encoding="utf-8")
    r = et.Report(et.load_project(params))
    assert list(r.cba.persistence["observed"]) == [6, 6, 6]  # (the analysis keeps them)
    [part] = cb_section.persistence_table(r)
    said = " ".join(part.paragraphs).replace("\n", " ")
    assert said.startswith("Hur många av dem som lämnat försörjningsstödet som har följts i utbetalningarna")
    assert not hasattr(part, "frame")
