"""Budgets made in Excel as förbund keep them, of kinds not tried before: a follow-up with a forecast column
("Prognos 2026") beside the running year's budget and utfall, which a reader must be told is not the budget, or be
told it is not counted when it is the only figure the year has; a prolonged project whose extension's budget
for a year was added as a second "Budget 2026" column beside the original year's, refused with both columns named and
what to write; and budgets whose amounts sit under headings read as neither budget nor utfall, a column per month
or per co-funding municipality, or the utfall month by month beside the year's budget, each refused once with what to
write (or, beside the year's utfall column, said not to be read); a budget on a sheet per year whose year is only in
the sheets' names; and one whose amounts are said to be in tkr on a line above the headings. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the
rows written here."""
from __future__ import annotations

import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data import budget_shapes

from .conftest import load_problems
from .test_budget_unseen_47 import _workbook as _budget_sheet

HEAD = """\
id: unseen48
title: Nya spår
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31, actual_end: 2026-06-30}
data_as_of: 2026-04-30
granted_sek: 2800000
"""


def _params(tmp_path, body: str = "data: {budget: data/budget.xlsx}\n"):
    p = tmp_path / "unseen48.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


def _workbook(tmp_path, header: list, rows: list[list], name: str = "budget.xlsx"):
    """The budget sheet as an evaluator keeps it (the sweep before this one's layout: a merged title, 'Belopp i
    kronor', the header on row 4, a frozen pane and a comment)."""
    return _budget_sheet(tmp_path, header, rows, name, title="Nya spår – budgetuppföljning",
                         comment="Prognosen gjord i april")


# --- a forecast beside the running year's budget ---------------------------------------------------------------------
FORECAST_HEADER = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025", "Budget 2026",
                   "Utfall 2026", "Prognos 2026"]
FORECAST_ROWS = [["Personal", 900000, 880000, 950000, 940000, 500000, 160000, 480000],
                 ["Övrigt", 100000, 95000, 100000, "98 000", 60000, 12000, 55000],
                 ["Summa", 1000000, 975000, 1050000, 1038000, 560000, 172000, 535000]]


def test_a_forecast_beside_the_years_budget_is_not_read_and_the_note_names_it(tmp_path):
    """'Prognos 2026' holds 480 000 + 55 000 = 535 000 kr, the running year's forecast; 2026's budget is the
    'Budget 2026' column's 500 000 + 60 000 = 560 000 kr. By hand, the budget of the three years is 1 000 000 +
    1 050 000 + 560 000 = 2 610 000 kr (with the forecast read as a budget it would be 3 145 000 kr)."""
    _workbook(tmp_path, FORECAST_HEADER, FORECAST_ROWS)
    p = et.load_project(_params(tmp_path))
    assert float(p.budget["budget"].sum()) == 2_610_000
    assert p.budget.set_index(["period", "category"]).loc[("2026", "Personal"), "budget"] == 500_000
    (note,) = [w for w in p.warnings if w.key == "budget.wide_forecast"]
    assert note.severity == "warning"
    sv, en = note.text("sv"), note.text("en")
    assert "'Prognos 2026'" in sv and "'Budget 2026'" in sv and "läses inte" in sv
    assert "'Prognos 2026'" in en and "'Budget 2026'" in en and "not read" in en


def test_a_forecast_that_is_the_years_only_figure_is_not_read_and_the_note_says_what_to_write(tmp_path):
    """Without a 'Budget 2026' column the forecast (480 000 kr) is the only figure 2026 has: it is not read as the
    budget under another heading, so the budget is 2025's 950 000 kr alone, and the note says so and names the
    heading to write ('Budget 2026': a forecast is the period's budget with the utfall left empty)."""
    header = ["Kostnadsslag", "Budget 2025", "Utfall 2025", "Prognos 2026"]
    _workbook(tmp_path, header, [["Personal", 950000, 940000, 480000]])
    p = et.load_project(_params(tmp_path))
    assert p.budget[["period", "budget", "actual"]].values.tolist() == [["2025", 950_000, 940_000]]
    (note,) = [w for w in p.warnings if w.key == "budget.wide_forecast_only"]
    assert note.column == "Prognos 2026" and "'Budget 2026'" in note.text("sv") and "'Budget 2026'" in note.text("en")
    assert "räknas inte" in note.text("sv") and "not counted" in note.text("en")


@pytest.mark.parametrize("heading, period", [
    ("Prognos 2026", "2026"), ("Helårsprognos 2026", "2026"), ("Prognos helår 2026", "2026"),
    ("Forecast 2026", "2026"), ("2026 prognos", "2026"), ("Prognos år 3", "år 3"), ("Prognosmetod", None),
    ("Budget 2026", None)])
def test_a_forecasts_heading_is_read_with_its_period(heading, period):
    assert budget_shapes.forecast_period(heading) == period


# --- the extension's budget in a second column for the same year --------------------------------------------------
def test_two_budget_columns_for_one_year_are_refused_naming_both_and_what_to_write(tmp_path):
    """'Budget 2026' twice: the original plan's half year (300 000 kr) in F and the extension's (200 000 kr) in H.
    Which holds (added up, 500 000 kr, or the second in place of the first) is not guessed: the message names both
    columns and both ways to write it."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025", "Budget 2026",
              "Utfall 2026", "Budget 2026"]
    _workbook(tmp_path, header, [["Personal", 900000, 880000, 950000, 940000, 300000, 160000, 200000]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.wide_same_budget" and pr.column == "Budget 2026"
    sv, en = pr.text("sv"), pr.text("en")
    assert "F" in sv and "H" in sv and "'Reviderad budget 2026'" in sv and "en kolumn" in sv
    assert "'Revised budget 2026'" in en or "'Reviderad budget 2026'" in en


def test_the_extensions_budget_headed_as_such_beside_the_years_is_refused_naming_both(tmp_path):
    header = ["Kostnadsslag", "Budget 2025", "Utfall 2025", "Budget 2026", "Budget 2026 (förlängning)",
              "Utfall 2026"]
    _workbook(tmp_path, header, [["Personal", 950000, 940000, 300000, 200000, 160000]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.wide_same_budget" and pr.column == "Budget 2026 (förlängning)"
    sv = pr.text("sv")
    assert "'Budget 2026'" in sv and "'Budget 2026 (förlängning)'" in sv and "'Reviderad budget 2026'" in sv


# --- amounts under headings read as neither budget nor utfall ---------------------------------------------------
def test_a_follow_up_with_a_column_per_month_is_refused_once_with_what_to_write(tmp_path):
    """Twelve month columns, 'jan' … 'dec', per cost line and a 'Summa' column: one message naming the months and
    the year's headings to write, not 'period' and 'budget' missing."""
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    _workbook(tmp_path, ["Kostnadsslag", *months, "Summa"],
              [["Personal", *[50000] * 12, 600000], ["Övrigt", *["5 000"] * 12, 60000]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.month_columns" and pr.column == "jan" and pr.row == 4
    sv, en = pr.text("sv"), pr.text("en")
    assert "12 kolumner" in sv and "'jan' – 'dec'" in sv and "Budget 2025" in sv
    assert "12 columns" in en and "Budget 2025" in en


def test_municipalities_co_funding_in_a_column_each_are_refused_naming_them_and_what_to_write(tmp_path):
    """'Sundsvall', 'Timrå' and 'Nordanstig' each pay part of a line, with a 'Totalt' column and a row per year
    ('År'): whose money each amount is would be lost in any guess, so one message names the three columns (not
    'Totalt', a total) and says to write a row per part, the financier in Finansiär, under Budget and Utfall."""
    _workbook(tmp_path, ["Kostnadsslag", "År", "Sundsvall", "Timrå", "Nordanstig", "Totalt"],
              [["Personal", 2024, 400000, 200000, 100000, 700000], ["Personal", 2025, 420000, 210000, 105000, 735000],
               ["Summa", None, 820000, 410000, 205000, 1435000]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.amount_columns" and pr.column == "Sundsvall"
    sv = pr.text("sv")
    assert "'Sundsvall', 'Timrå', 'Nordanstig'" in sv and "'Totalt'" not in sv
    assert "'Personal Sundsvall'" in sv and "Finansiär" in sv and "Budget och Utfall" in sv
    assert "Budget and Utfall" in pr.text("en")


def test_an_amount_headed_belopp_keeps_its_own_message(tmp_path):
    _workbook(tmp_path, ["År", "Kostnadsslag", "Belopp", "Sundsvall"], [[2025, "Personal", 500000, 250000]])
    keys = [p.key for p in load_problems(_params(tmp_path))]
    assert "budget.amount_columns" not in keys and "budget.month_columns" not in keys


# --- a sheet per year ------------------------------------------------------------------------------------------
def _sheet_per_year(tmp_path, header: list, years: dict[str, list[list]]):
    """A workbook with a sheet per year ('Budget 2024', 'Budget 2025'), each with a title row and the same
    headings, as a follow-up copied year by year keeps it."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in years.items():
        ws = wb.create_sheet(name)
        ws["A1"] = f"Budgetuppföljning {name}"
        ws.append([])
        ws.append(header)
        for row in rows:
            ws.append(row)
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data/budget.xlsx")


def test_a_budget_on_a_sheet_per_year_without_a_period_column_is_refused_once_saying_where_the_year_goes(tmp_path):
    """The year is only in the sheets' names: copying the rows onto one sheet, as a list kept per year is asked to be,
    would lose it. One message names the sheets and the two ways to write the year; 'period' missing and 'rename
    the sheet' are not said besides."""
    _sheet_per_year(tmp_path, ["Kostnadsslag", "Budget", "Utfall"],
                    {"Budget 2024": [["Personal", 900000, 880000], ["Summa", 900000, 880000]],
                     "Budget 2025": [["Personal", 950000, 940000], ["Summa", 950000, 940000]]})
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.sheet_per_year"
    sv, en = pr.text("sv"), pr.text("en")
    assert "'Budget 2024', 'Budget 2025'" in sv and "Budget 2024, Utfall 2024" in sv and "År" in sv
    assert "'Budget 2024', 'Budget 2025'" in en and "a column År" in en


def test_a_budget_on_a_sheet_per_year_with_its_year_on_every_row_keeps_the_sheets_message(tmp_path):
    _sheet_per_year(tmp_path, ["År", "Kostnadsslag", "Budget", "Utfall"],
                    {"Budget 2024": [[2024, "Personal", 900000, 880000]],
                     "Budget 2025": [[2025, "Personal", 950000, 940000]]})
    assert [p.key for p in load_problems(_params(tmp_path))] == ["sheet.alike"]


# --- the utfall month by month beside the year's budget --------------------------------------------------------
MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def test_the_utfall_month_by_month_beside_the_years_budget_without_an_utfall_column_is_refused(tmp_path):
    """'Budget 2025' 600 000 kr and twelve months of 48 000 kr spent (576 000 kr): with the months left out the cost
    would be counted as the budget, 600 000 kr, 24 000 kr more than was spent; refused with the heading to write."""
    _workbook(tmp_path, ["Kostnadsslag", "Budget 2025", *MONTHS], [["Personal", 600000, *[48000] * 12]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.wide_months" and pr.column == "jan" and pr.row == 4
    assert "'Utfall 2025'" in pr.text("sv") and "'jan' – 'dec'" in pr.text("sv") and "'Utfall 2025'" in pr.text("en")


def test_the_utfall_month_by_month_beside_the_years_utfall_is_not_read_and_the_note_says_so(tmp_path):
    """The months (12 × 48 000 = 576 000 kr) beside 'Utfall 2025' 576 000 kr: the year's column is read, once."""
    _workbook(tmp_path, ["Kostnadsslag", "Budget 2025", *MONTHS, "Utfall 2025"],
              [["Personal", 600000, *[48000] * 12, 576000]])
    p = et.load_project(_params(tmp_path))
    assert p.budget[["budget", "actual"]].values.tolist() == [[600_000, 576_000]]
    (note,) = [w for w in p.warnings if w.key == "budget.wide_months_unread"]
    assert "'Utfall 2025'" in note.text("sv") and "12 kolumner" in note.text("sv") and "12 columns" in note.text("en")


# --- the unit said on a line above the headings ----------------------------------------------------------------
def test_amounts_said_in_tkr_on_a_line_above_the_headings_are_refused_when_the_params_file_reads_kr(tmp_path):
    """'Belopp i tkr' on row 2 and amounts '1 234,5' (tkr): read as kronor the budget would be 1 234,5 + 100,5 =
    1 335 kr instead of 1 335 000 kr, a thousand times too small. Refused naming the line and what to write; with
    amount_unit: tkr it is read as 1 234 500 + 100 500 = 1 335 000 kr."""
    path = _workbook(tmp_path, ["Kostnadsslag", "Budget 2025", "Utfall 2025"],
                     [["Personal", "1 234,5", 1200.4], ["Övrigt", 100.5, 95.25]])
    wb = openpyxl.load_workbook(path)
    wb.active["A2"] = "Belopp i tkr"
    wb.save(path)
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.unit_above" and pr.value == "Belopp i tkr"
    assert "amount_unit: {budget: tkr}" in pr.text("sv") and "amount_unit: {budget: tkr}" in pr.text("en")
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx, amount_unit: {budget: tkr}}\n"))
    assert float(p.budget["budget"].sum()) == pytest.approx(1_335_000)
    assert float(p.budget["actual"].sum()) == pytest.approx(1_295_650)  # 1 200 400 + 95 250


@pytest.mark.parametrize("line, unit", [("Belopp i tkr", "tkr"), ("Alla belopp anges i tusental kronor", "tkr"),
                                        ("(tkr)", "tkr"), ("Belopp i kronor", "kr"), ("Belopp i Mkr", "Mkr"),
                                        ("Beviljat 2,8 Mkr av förbundet", None), ("Nya spår – budget", None)])
def test_a_line_saying_the_unit_is_told_from_a_title(line, unit):
    assert budget_shapes.stated_unit(line) == unit


def test_a_line_saying_kronor_above_amounts_read_in_tkr_and_one_saying_mkr_are_refused_each_with_its_fix(tmp_path):
    _workbook(tmp_path, ["Kostnadsslag", "Budget 2025", "Utfall 2025"], [["Personal", 1234.5, 1200.4]])
    (pr,) = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx, amount_unit: {budget: tkr}}\n"))
    assert pr.key == "budget.unit_above" and pr.value == "Belopp i kronor"  # (the sheet's row 2)
    assert "amount_unit: {budget: kr}" in pr.text("sv")
    path = _workbook(tmp_path, ["Kostnadsslag", "Budget 2025", "Utfall 2025"], [["Personal", 1.2345, 1.2004]])
    wb = openpyxl.load_workbook(path)
    wb.active["A2"] = "Alla belopp i Mkr"
    wb.save(path)
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.unit_above_unread" and "räkna om beloppen till kr" in pr.text("sv")


def test_a_budget_and_utfall_per_municipality_in_the_headings_is_refused_with_the_part_in_the_line_to_write(tmp_path):
    """'Budget 2025 Sundsvall', 'Budget 2025 Timrå', 'Utfall 2025 Sundsvall', 'Utfall 2025 Timrå': no period is read
    from them, so the one message names the four and gives the line to write as 'Personal Sundsvall'."""
    _workbook(tmp_path, ["Kostnadsslag", "Budget 2025 Sundsvall", "Budget 2025 Timrå", "Utfall 2025 Sundsvall",
                         "Utfall 2025 Timrå", "Totalt"], [["Personal", 400000, 200000, 390000, 180000, 570000]])
    (pr,) = load_problems(_params(tmp_path))
    assert pr.key == "budget.amount_columns" and "'Personal Sundsvall'" in pr.text("sv")
    assert "'Utfall 2025 Timrå'" in pr.text("sv") and "Budget 2025 och Utfall 2025" in pr.text("sv")
