"""Fifth sweep of projects unlike the samples, about budgets and the cost-benefit chapter: a budget in
the layout a förbund's budget follow-up has (a row per cost line, a column per year for the budget and
for the utfall, in tkr, with a total column and a total row as formulas), a budget with several
financiers, a repayment written as a negative line, a project whose successful leavers had no
försörjningsstöd to leave, and a price year after the last published KPI. Each fixture is a tiny
project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import re

import numpy as np
import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.present.sections import budget as budget_section
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary
from evaltools.words.labels import NBSP, note_text

from .conftest import save_formula_results, write_csv
from .test_unseen_projects import _params, _person

PROJECT = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    granted_sek: 2300000
    data_as_of: 2025-11-30
    data: {participants: data/participants.csv, budget: data/%s, amount_unit: {budget: tkr}}
    """


def _wide_budget(path, *, lokaler_total: int = 200, summa_budget_2024: int = 1100, heading_2025: str = "Budget 2025"):
    """The förbund's layout, tkr: a title row, an empty row, the header on row 3, two cost lines, a
    total row. Utfall 2025 is not known yet (empty cells; Excel's SUM shows 0 on the total row).

    By hand: Personal 2024 1 000 / 950, 2025 1 100 / –; Lokaler 2024 100 / 120, 2025 100 / –;
    Summa 2024 1 100 / 1 070, 2025 1 200 / 0; Budget totalt 2 100 and 200 (sum 2 300), Utfall totalt
    950 and 120 (sum 1 070)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = "Budget och utfall, tkr"
    ws.append([])
    ws.append(["Kostnadsslag", "Budget 2024", "Utfall 2024", heading_2025, "Utfall 2025", "Budget totalt", "Utfall totalt"])
    ws.append(["Personal", 1000, 950, 1100, None, "=B4+D4", "=C4+E4"])
    ws.append(["Lokaler", 100, 120, 100, None, "=B5+D5", "=C5+E5"])
    ws.append(["Summa", "=SUM(B4:B5)", "=SUM(C4:C5)", "=SUM(D4:D5)", "=SUM(E4:E5)", "=SUM(F4:F5)", "=SUM(G4:G5)"])
    wb.save(path)
    save_formula_results(path, {"F4": 2100, "G4": 950, "F5": lokaler_total, "G5": 120, "B6": summa_budget_2024, "C6": 1070,
                   "D6": 1200, "E6": 0, "F6": 2300, "G6": 1070})


def _kr(cell: str) -> int:
    """An amount as a table cell shows it ('−10 000 kr', 'SEK 800,000') as a number of kronor."""
    digits = re.sub(r"[^0-9]", "", cell)
    return -int(digits) if cell.strip().startswith(("−", "-")) or "SEK −" in cell or "SEK -" in cell else int(digits)


def _participants(tmp_path, n: int = 6, **kw) -> None:
    write_csv(tmp_path / "data/participants.csv",
              [{**_person(i + 1, start="2024-03-01", end="2024-09-01", **kw), "project_id": "unseen"}
               for i in range(n)])


# --- the förbund's own layout: a column per year for budget and utfall ----------------------------
def test_a_budget_with_a_column_per_year_and_kind_is_read_as_its_lines(tmp_path):
    _participants(tmp_path)
    _wide_budget(tmp_path / "data/budget.xlsx")
    p = et.load_project(_params(tmp_path, PROJECT % "budget.xlsx"))
    b = p.budget
    # one row per line and year, the year's lines together; tkr × 1 000
    assert b["period"].tolist() == ["2024", "2024", "2025", "2025"]
    assert b["category"].tolist() == ["Personal", "Lokaler", "Personal", "Lokaler"]
    assert b["budget"].tolist() == [1_000_000, 100_000, 1_100_000, 100_000]
    assert b["actual"].iloc[:2].tolist() == [950_000, 120_000] and b["actual"].iloc[2:].isna().all()
    # the total row and the total columns are checked and not counted: 2 300 000 kr, not twice that
    assert b["budget"].sum() == 2_300_000
    # the note counts the cost lines' rows (2 lines × 2 years = 4), not the total row's
    [note] = [w for w in p.warnings if w.code == "budget_wide"]
    assert "2 kostnadsposter för perioderna 2024, 2025 gav 4 rader" in note.note("sv")


def test_a_wide_budgets_wrong_total_column_and_total_row_are_named_by_their_cells(tmp_path):
    _participants(tmp_path)
    # Lokaler's total typed 250 (its cells sum to 100 + 100 = 200); Summa Budget 2024 typed 1 150 (1 000 + 100)
    _wide_budget(tmp_path / "data/budget.xlsx", lokaler_total=250, summa_budget_2024=1150)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % "budget.xlsx"))
    found = {(p.row, p.column, p.key) for p in e.value.problems}
    assert found == {(5, "Budget totalt", "budget.wide_total"), (6, "Budget 2024", "budget.total")}
    lines = {p.key: p.note("sv") for p in e.value.problems}
    assert "200" in lines["budget.wide_total"] and "1 100 tkr" in lines["budget.total"]


def test_a_wide_budgets_unreadable_heading_is_one_problem_without_follow_on_totals(tmp_path):
    _participants(tmp_path)
    _wide_budget(tmp_path / "data/budget.xlsx", heading_2025="Budget 2025 prel.")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % "budget.xlsx"))
    [only] = e.value.problems
    assert (only.row, only.column, only.key) == (3, "Budget 2025 prel.", "budget.wide_heading")
    assert "Budget år 1" in only.note("sv") and "Budget år 1" in only.note("en")


def test_a_wide_budget_without_a_heading_over_its_cost_lines_reads_them_from_the_first_column(tmp_path):
    # Excel users often leave the cell above the cost lines' names empty: the first column is then read
    # as the names, and a message about them names it by its letter
    _participants(tmp_path)
    path = tmp_path / "data/budget.xlsx"
    _wide_budget(path)
    wb = openpyxl.load_workbook(path)
    wb.active["A3"] = None
    wb.active["A5"] = None  # Lokaler's name deleted by mistake
    wb.save(path)
    save_formula_results(path, {"F4": 2100, "G4": 950, "F5": 200, "G5": 120, "B6": 1100, "C6": 1070, "D6": 1200, "E6": 0,
                   "F6": 2300, "G6": 1070})
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % "budget.xlsx"))
    # one cell of the file, read for 2024 and for 2025: one message
    [only] = e.value.problems
    assert (only.row, only.column, only.key) == (5, "A", "cell.empty")
    wb = openpyxl.load_workbook(path)
    wb.active["A5"] = "Lokaler"
    wb.save(path)
    save_formula_results(path, {"F4": 2100, "G4": 950, "F5": 200, "G5": 120, "B6": 1100, "C6": 1070, "D6": 1200, "E6": 0,
                   "F6": 2300, "G6": 1070})
    b = et.load_project(_params(tmp_path, PROJECT % "budget.xlsx")).budget
    assert b["category"].tolist() == ["Personal", "Lokaler", "Personal", "Lokaler"]
    assert b["budget"].sum() == 2_300_000


def test_a_wide_budget_with_no_names_at_all_is_one_problem(tmp_path):
    # a budget whose amounts start in column A has no column of names: one problem says what to write
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [{"Budget 2024": 1000, "Utfall 2024": 950},
                                             {"Budget 2024": 100, "Utfall 2024": 120}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % "budget.csv"))
    [only] = e.value.problems
    assert (only.row, only.key) == (1, "budget.wide_no_category") and "Kostnadsslag" in only.note("sv")


def test_a_total_of_0_over_cells_not_yet_filled_in_is_not_a_mismatch(tmp_path):
    # the long layout: the running year's total row shows Excel's 0 over empty utfall cells
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 1000, "actual": 950},
        {"period": "2025", "category": "Personal", "budget": 1100, "actual": ""},
        {"period": "2025", "category": "Summa", "budget": 1100, "actual": 0}])
    p = et.load_project(_params(tmp_path, PROJECT % "budget.csv"))
    assert p.budget["actual"].isna().tolist() == [False, True]


def test_a_repayment_written_as_a_negative_budget_line_says_what_to_write(tmp_path):
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 600000, "actual": 580000},
        {"period": "2025", "category": "Återbetalning", "budget": "", "actual": -20000}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, body))
    [only] = e.value.problems
    assert (only.row, only.column) == (3, "actual")
    assert "återbetalning" in only.note("sv") and "ta bort raden" in only.note("sv")
    assert "repayment" in only.note("en")


# --- whose money: funders and a subtotal per year -------------------------------------------------
FUNDED = [  # kr
    {"period": "2024", "category": "Personal", "budget": 600000, "actual": 580000, "funder": "förbund"},
    {"period": "2024", "category": "Socialsekreterare (arbetstid)", "budget": 200000, "actual": 210000, "funder": "kommun"},
    {"period": "2025", "category": "Personal", "budget": 620000, "actual": 640000, "funder": "förbund"},
    {"period": "2025", "category": "Arbetsterapeut (arbetstid)", "budget": 100000, "actual": "", "funder": "region"},
]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_budget_table_sums_each_year_and_says_whose_money_each_line_is(tmp_path, lang):
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", FUNDED)
    # (data taken after 2025 ended: 2025's utfall is the year's, not the utfall so far of a year still running)
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "").replace("2025-11-30", "2026-02-28")
    r = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
    [[_, table, _]] = budget_section.blocks(r)
    f = table.frame
    rows = {str(row.iloc[1]): [c.replace(NBSP, " ") for c in row.tolist()] for _, row in f.iterrows()}
    total, of_which = ("Summa", "varav") if lang == "sv" else ("Total", "of which")
    # by hand: 2024 budget 600 000 + 200 000 = 800 000, utfall 580 000 + 210 000 = 790 000 (99 %)
    assert [_kr(c) for c in rows[f"{total} 2024"][3:6]] == [800_000, 790_000, -10_000]
    assert rows[f"{total} 2024"][6].startswith("99")
    # 2025: utfall only on Personal, 640 000 against its 620 000 (a row whose figures subtract); then the
    # budget of both lines, 620 000 + 100 000 = 720 000
    with_actual, every = (("poster med utfall", "alla poster") if lang == "sv"
                          else ("lines with actual costs", "all lines"))
    assert [_kr(c) for c in rows[f"{total} 2025, {with_actual}"][3:6]] == [620_000, 640_000, 20_000]
    assert _kr(rows[f"{total} 2025, {every}"][3]) == 720_000
    # each funder's part: förbund 600 000 + 620 000 = 1 220 000 budget, 580 000 + 640 000 = 1 220 000 utfall;
    # kommun 200 000 / 210 000; region 100 000 budget, no utfall yet
    funders = [v for k, v in rows.items() if k.startswith(of_which)]
    assert [_kr(v[3]) for v in funders] == [1_220_000, 200_000, 100_000]
    assert [v[4] for v in funders][2] == "–" and [_kr(v[4]) for v in funders[:2]] == [1_220_000, 210_000]
    # the parts add up to the table's budget total: 1 220 000 + 200 000 + 100 000 = 1 520 000
    assert sum(_kr(v[3]) for v in funders) == 1_520_000
    funder_col = r.msg("budget.funder")
    assert funder_col in f.columns
    assert f[funder_col].iloc[1] == ("Kommunens medfinansiering" if lang == "sv" else "Municipality's co-financing")
    assert any(r.msg("budget.funders_note") == n for n in table.notes)
    # page 1 says whose money the cost is, as the cost is counted (utfall, else budget): förbund
    # 580 000 + 640 000 = 1 220 000, kommun 210 000, region 100 000 (its budget: no utfall yet)
    said = summary.cost_sentence(r, r.cba.summary, r.cba.costs).replace(NBSP, " ")
    expected = {"sv": "Kostnaden per finansiär: samordningsförbundet 1,2 miljoner kronor, kommunens medfinansiering "
                      "210 000 kr och regionens medfinansiering 100 000 kr.",
                "en": "The cost by funder: coordination association SEK 1.2 million, municipality's co-financing "
                      "SEK 210,000 and region's co-financing SEK 100,000."}[lang]
    assert expected in said


def test_a_budget_of_one_funder_and_one_period_has_no_subtotals(tmp_path):
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "Personal", "budget": 500000,
                                             "actual": 450000}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "")
    r = et.Report(et.load_project(_params(tmp_path, body)))
    [[_, table, _]] = budget_section.blocks(r)
    assert len(table.frame) == 2 and r.msg("budget.funder") not in table.frame.columns
    assert "finansiär" not in summary.cost_sentence(r, r.cba.summary, r.cba.costs)


def test_page_one_leaves_the_forbunds_and_the_owners_own_money_to_the_budget_section(tmp_path):
    # förbund and egen only: no partner co-finances, so page 1 keeps to the total (it must hold on one
    # page); the budget table still shows each funder's part
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 500000, "actual": 450000, "funder": "förbund"},
        {"period": "2024", "category": "Lokaler", "budget": 100000, "actual": 100000, "funder": "egen"}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "")
    r = et.Report(et.load_project(_params(tmp_path, body)))
    assert "finansiär" not in summary.cost_sentence(r, r.cba.summary, r.cba.costs)
    [[_, table, _]] = budget_section.blocks(r)
    assert r.msg("budget.funder") in table.frame.columns


# --- successful leavers who had no försörjningsstöd to leave ----------------------------------
def test_no_simulated_probability_is_shown_when_no_benefit_was_counted(tmp_path):
    # six who left for work, each on sjukpenning at the start: no saving is counted, so the section
    # says it shows the cost only, and its per-actor table has no column of simulated shares
    _participants(tmp_path, n=6)
    rows = [{**_person(i + 1, start="2024-03-01", end="2024-09-01"), "support_start": "sjukpenning"} for i in range(6)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 600000,
                                             "actual": 580000}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "")
    r = et.Report(et.load_project(_params(tmp_path, body)))
    assert r.cba.summary.successes == 0
    # nothing was simulated, so the workbook's per-perspective sheet has no share of draws either
    assert r.cba.monte_carlo is None and r.cba.table["p_npv_positive"].isna().all()
    table = cb_section.perspective_table(r)
    assert r.msg("costbenefit.eb.p_positive") not in table.frame.columns
    assert not any("simuleringar" in n for n in table.notes)


@pytest.mark.parametrize(("other", "on_fs", "said"), [(10, 5, True), (5, 10, False)])
def test_page_one_says_a_negative_result_is_the_calculations_reach_when_most_had_no_fs_to_leave(
        tmp_path, other, on_fs, said):
    # every participant left for work; `other` of them were on sjukpenning at the start (no saving),
    # `on_fs` on försörjningsstöd. A cost of 2 000 000 kr against at most 10 leavers' saving over three
    # years (about 10 × 12 000 kr × 36 months = 4,3 million before deadweight and sharing) is negative for
    # the public financiers with 5 leavers; the extra sentence comes only when the others are the majority
    rows = [{**_person(i + 1, start="2024-03-01", end="2024-09-01"),
             "support_start": "sjukpenning" if i < other else "försörjningsstöd"} for i in range(other + on_fs)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 2_000_000,
                                             "actual": 2_000_000}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "").replace("2300000", "2000000")
    r = et.Report(et.load_project(_params(tmp_path, body)))
    assert r.cba.summary.successes == on_fs
    npv = r.cba.table.set_index("perspective").loc["offentliga", "npv"]
    page_one = " ".join(summary.worth(r))
    assert (r.msg("summary.other_support_most") in page_one) == (said and npv < 0)
    if said:
        assert npv < 0


# --- a price year after the last published KPI ----------------------------------------------------
def test_a_price_year_without_a_published_kpi_is_flagged_in_the_assumptions(tmp_path):
    _participants(tmp_path)
    write_csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 600000,
                                             "actual": 580000}])
    body = (PROJECT % "budget.csv").replace(", amount_unit: {budget: tkr}", "") + "cost_benefit: {price_year: 2031}\n"
    r = et.Report(et.load_project(_params(tmp_path, body)))
    a = r.cba.assumptions.set_index("name").loc["price_year"]
    last = int(et.data.reference.kpi_table()["year"].max())
    assert bool(a["flagged"])
    said = note_text(a["source"], "sv")
    assert "KPI för 2031 finns inte" in said and f"{last} års index" in said
    # a published year is not flagged
    body_ok = body.replace("price_year: 2031", "price_year: 2023")
    ok = et.Report(et.load_project(_params(tmp_path, body_ok))).cba.assumptions.set_index("name").loc["price_year"]
    assert not bool(ok["flagged"]) and np.isclose(ok["value"], 2023)
