"""Files as Excel on Windows writes them and as the evaluator sees them: a budget's period held as a date and shown as
its year ('yyyy'), a register extract whose amounts Excel shows in another unit than kronor, a code typed with Alt+Enter
(a line break in its cell). Each is read as the evaluator sees it, or refused in a message that says what the cell
shows, on one line."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data.messages import quote
from evaltools.data.reading import shows_year

from .conftest import excel_sheet, params_with_files, save_formula_results
from .conftest import load_problems as _problems


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. a budget's period held as a date and shown as its year ----------------------------------------------------------

@pytest.mark.parametrize(("fmt", "year_alone"), [
    ("yyyy", True), ("yy", True), ('"År "yyyy', True), ("[$-41D]yyyy;@", True), ("\\Å\\r yyyy", True),
    ("yyyy-mm-dd", False), ("yyyy-mm", False), ("mmm yyyy", False), ("General", False), ("0", False),
    ("d/m/yyyy", False), ("yyyy hh:mm", False),
])
def test_which_formats_show_the_year_alone(fmt, year_alone):
    assert shows_year(fmt) is year_alone


def _budget_dates(tiny_project, fmt: str, periods: list, heading: str = "period") -> Path:
    """A budget sheet whose period cells (A2, A3) hold ``periods`` under the number format ``fmt``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append([heading, "category", "budget", "actual"])
    ws.append([periods[0], "Lön", 100000, 90000])
    ws.append([periods[1], "Lön", 50000, 40000])
    ws["A2"].number_format = ws["A3"].number_format = fmt
    path = tiny_project.dir / "data" / "budget.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("fmt", ["yyyy", "yy", '"År "yyyy'])
def test_a_period_held_as_a_date_and_shown_as_its_year_is_that_year(tiny_project, fmt):
    """2022-01-01 and 2023-07-01 under 'yyyy' show as 2022 and 2023 in Excel: read as those years (before, refused with
    'står 2022-01-01; skriv 2022'). Under 'yy' Excel shows 22 and 23, the years 2022 and 2023 the cells hold."""
    path = _budget_dates(tiny_project, fmt, [dt.datetime(2022, 1, 1), dt.datetime(2023, 7, 1)])
    before = _sha(path)
    project = et.load_project(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert project.budget["period"].tolist() == ["2022", "2023"]
    assert project.budget["budget"].tolist() == [100000.0, 50000.0]
    assert _sha(path) == before


def test_a_period_headed_in_swedish_and_merged_down_is_read_as_its_year(tiny_project):
    """'År' over a year merged down beside its two lines (A2:A3, the date 2022-01-01 shown 2022): both lines 2022."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall"])
    ws.append([dt.datetime(2022, 1, 1), "Lön", 100000, 90000])
    ws.append([None, "Lokaler", 20000, 25000])
    ws["A2"].number_format = "yyyy"
    ws.merge_cells("A2:A3")
    wb.save(tiny_project.dir / "data" / "budget.xlsx")
    project = et.load_project(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert project.budget["period"].tolist() == ["2022", "2022"]
    assert project.budget["actual"].sum() == 115000


def test_a_budget_of_a_column_per_year_whose_years_are_dates_shown_as_years_is_read(tiny_project):
    """'Budget' merged over 2022 and 2023, 'Utfall' likewise, each year a date (2022-01-01) under 'yyyy': the headings
    read as Excel shows them, 'Budget 2022', ..., and Lön's 100 and 90 in 2022 (before, four columns 'Budget
    2022-01-01', ... refused as amounts of no budget or utfall)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    years = [dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)]
    for row in (["Kostnadsslag", "Budget", None, "Utfall", None], [None, *years, *years], ["Lön", 100, 50, 90, 40]):
        ws.append(row)
    for ref in ("B2", "C2", "D2", "E2"):
        ws[ref].number_format = "yyyy"
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    wb.save(tiny_project.dir / "data" / "budget.xlsx")
    project = et.load_project(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert project.budget[["period", "budget", "actual"]].values.tolist() == [["2022", 100.0, 90.0],
                                                                             ["2023", 50.0, 40.0]]


def test_a_full_date_in_a_period_column_is_still_refused(tiny_project):
    """2022-01-01 shown as 2022-01-01 is a day, no period: refused as before, with the year to write."""
    _budget_dates(tiny_project, "yyyy-mm-dd", [dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)])
    problems = _problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(2, "budget.period_write"), (3, "budget.period_write")]
    assert "står '2022-01-01'; skriv 2022" in problems[0].text("sv")


def test_a_year_typed_under_a_year_format_is_not_read_as_1905(tiny_project):
    """2024 typed in a cell formatted 'yyyy' is the serial 2024, the day 1905-07-16, which Excel shows as 1905: never
    read as 1905, but answered as a number under a date format (the column to format as numbers)."""
    _budget_dates(tiny_project, "yyyy", [2024, 2023])
    problems = _problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert {p.key for p in problems} == {"budget.period_date_formatted"}
    assert sorted(p.row for p in problems) == [2, 3]


# --- 2. a register extract whose amounts Excel shows in another unit ---------------------------------------------------

def _earnings(tiny_project, fmt: str, amounts: tuple[float, float], unit: str = "kr") -> Path:
    """An earnings sheet (P1 and P2, March and April 2022) whose amounts (C2, C3) are under ``fmt``; the params file's
    ``amount_unit`` is ``unit``, which a register extract does not follow."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "earnings"
    for row in (["person_id", "month", "amount"], ["P1", "2022-03", amounts[0]], ["P2", "2022-04", amounts[1]]):
        ws.append(row)
    ws["C2"].number_format = ws["C3"].number_format = fmt
    path = tiny_project.dir / "data" / "earnings.xlsx"
    wb.save(path)
    return tiny_project(data_block=f"data:\n  amount_unit: {unit}\n  participants: data/participants.csv\n"
                                   "  earnings: data/earnings.xlsx\n")


@pytest.mark.parametrize("unit", ["kr", "tkr"])
def test_earnings_shown_in_tkr_and_held_as_tkr_are_one_message(tiny_project, unit):
    """25 and 30 under '0 "tkr"' show as 25 tkr and 30 tkr: read as the register's kronor they would be 25 kr, 1 000
    times too small. One message for the file, as a budget or payments file gets, saying the extract is in kr whatever
    amount_unit says, and never the amount_unit line to write (it does not apply)."""
    params = _earnings(tiny_project, '0 "tkr"', (25, 30), unit)
    problems = _problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(None, None, "cell.format_unit")]
    sv, en = problems[0].note("sv"), problems[0].note("en")
    assert sv.startswith("2 belopp har ett talformat som visar dem i en annan enhet än den filen läses i (C2, C3; C2 är "
                         "25, som formatet '0 \"tkr\"' visar som 25 tkr)")
    assert "men filen läses i kr (ett registeruttag är alltid i kr)" in sv and "1\u00a0000 gånger för litet" in sv
    assert sv.endswith("Ge cellerna formatet Tal och skriv beloppen i kr") and "amount_unit:" not in sv
    assert "but the file is read in kr (a register extract is always in kr)" in en


def test_benefits_shown_in_kronor_by_their_format_are_read(tiny_project):
    """The same check on the benefits file: amounts under '#,##0 "kr"' (kronor shown as kronor) load as held, and
    amounts under '#,##0, "tkr"' (25 000 shown as 25 tkr) too, since Excel holds them in kronor."""
    for fmt in ('#,##0 "kr"', '#,##0, "tkr"', "#,##0,"):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "benefits"
        for row in (["person_id", "month", "kind", "amount"], ["P1", "2022-03", "sjukpenning", 25000]):
            ws.append(row)
        ws["D2"].number_format = fmt
        wb.save(tiny_project.dir / "data" / "benefits.xlsx")
        project = et.load_project(tiny_project(data_block="data:\n  amount_unit: tkr\n  participants: "
                                                          "data/participants.csv\n  benefits: data/benefits.xlsx\n"))
        assert project.benefits["amount"].tolist() == [25000.0], fmt


def test_benefits_held_in_tkr_are_refused(tiny_project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "benefits"
    for row in (["person_id", "month", "kind", "amount"], ["P1", "2022-03", "sjukpenning", 12.5]):
        ws.append(row)
    ws["D2"].number_format = '#,##0.0 "tkr"'
    wb.save(tiny_project.dir / "data" / "benefits.xlsx")
    problems = _problems(tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                                 "  benefits: data/benefits.xlsx\n"))
    assert [p.key for p in problems] == ["cell.format_unit"] and "(D2; D2 är 12,5" in problems[0].note("sv")


def test_a_unit_typed_in_a_register_cell_says_the_extract_is_in_kronor(tiny_project):
    """'25 tkr' typed in an earnings file: the number in kronor to write, 25000, and why (the extract is always in kr),
    not that the params file's amount_unit says so."""
    (tiny_project.dir / "data" / "earnings.csv").write_text("person_id;month;amount\nP1;2022-03;25 tkr\n",
                                                             encoding="utf-8")
    problems = _problems(tiny_project(data_block="data:\n  amount_unit: tkr\n  participants: data/participants.csv\n"
                                                 "  earnings: data/earnings.csv\n"))
    assert [(p.row, p.column) for p in problems] == [(2, "amount")]
    assert problems[0].note("sv").endswith("ett registeruttag är alltid i kr, och enheten står inte i cellen: skriv "
                                           "25000, bara talet")
    assert "data.amount_unit" not in problems[0].note("sv") + problems[0].note("en")


# --- 3. a code typed with Alt+Enter -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "said"), [
    ("arb\nete", "'arb⏎ete'"), ("man\r\nkvinna", "'man⏎kvinna'"), ("a\rb", "'a⏎b'"),
    ("P00\u200b3", "'P00[U+200B]3'"),   # (as before: a character that shows nothing, by its code)
])
def test_a_line_break_in_a_value_is_shown_as_a_mark_on_one_line(value, said):
    assert quote(value) == said


def _participants_sheet(tiny_project, sex: str, outcome: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    ws.append(["P1", sex, 1980, "ensamstående", "2022-02-01", "2022-08-01", outcome])
    ws.append(["P2", "man", 1985, "ensamstående", "2022-03-01", "2022-09-01", "studier"])
    wb.save(tiny_project.dir / "data" / "participants.xlsx")
    return params_with_files(tiny_project, participants="participants.xlsx")


def test_a_code_broken_over_two_lines_of_its_cell_is_named_on_one_line(tiny_project):
    """'arb' Alt+Enter 'ete' in the outcome cell: the message names the cell as 'arb⏎ete', whole on its line, with
    the code meant; the message itself has no line break."""
    problems = _problems(_participants_sheet(tiny_project, "kvinna", "arb\nete"))
    assert [(p.row, p.column) for p in problems] == [(2, "outcome")]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "står 'arb⏎ete'; förväntat en av arbete" in sv and "menar du 'arbete'?" in sv
    assert "got 'arb⏎ete'" in en
    assert "\n" not in sv and "\n" not in en


@pytest.mark.parametrize(("sex", "outcome"), [("kvinna\n", "arbete\n"), ("kvinna\r\n", " arbete \n\n")])
def test_a_code_ending_in_alt_enter_is_read_as_the_code(tiny_project, sex, outcome):
    """A line break after the code (Alt+Enter before leaving the cell, or a system's export) shows nothing after the
    code in Excel: the code is read."""
    project = et.load_project(_participants_sheet(tiny_project, sex, outcome))
    assert project.participants["sex"].tolist() == ["kvinna", "man"]
    assert project.participants["outcome"].tolist() == ["arbete", "studier"]


# --- 4. a participants workbook as an evaluator's Excel keeps it -------------------------------------------------------

def _evaluators_workbook(path: Path) -> Path:
    """A summary sheet first, then 'Deltagare': a title merged over the columns, a table object (Insert > Table) with
    its filter, a birth year stored as text (the green triangle), 'Ja'/'Nej' in action_plan, a birth year made by a
    formula with the result Excel saved, and a hidden empty column."""
    from openpyxl.worksheet.table import Table, TableStyleInfo
    wb, ws = excel_sheet(
        ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "action_plan"],
        [["P1", "kvinna", "1980", "ensamstående", dt.datetime(2022, 2, 1), dt.datetime(2022, 8, 1), "arbete", "Ja"],
         ["P2", "man", "=1970+15", "sambo_med_barn", dt.datetime(2022, 3, 1), None, None, "Nej"]],
        title="Deltagare Vägen ut 2022", sheet="Deltagare")
    ws.merge_cells("A1:H1")
    table = Table(displayName="Tabell1", ref="A2:H4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.column_dimensions["I"].hidden = True
    summary = wb.create_sheet("Sammanställning", 0)
    summary.append(["Antal deltagare", 2])
    wb.save(path)
    return path


def test_a_workbook_as_an_evaluator_keeps_it_is_read_as_excel_shows_it(tiny_project):
    path = _evaluators_workbook(tiny_project.dir / "data" / "deltagare.xlsx")
    # (the formula's result as Excel saves it; the helper edits the first sheet's part, so the list is moved there)
    wb = openpyxl.load_workbook(path)
    wb.move_sheet("Deltagare", offset=-1)
    wb.save(path)
    save_formula_results(path, {"C4": 1985})
    before = _sha(path)
    project = et.load_project(params_with_files(tiny_project, participants="deltagare.xlsx"))
    frame = project.participants
    assert frame["person_id"].tolist() == ["P1", "P2"]
    assert frame["birth_year"].tolist() == [1980, 1985]
    assert frame["action_plan"].tolist() == ["ja", "nej"]
    assert frame["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-02-01", "2022-03-01"]
    assert _sha(path) == before


def test_the_same_workbook_saved_by_a_program_that_computes_nothing_is_refused_at_the_formula(tiny_project):
    """The formula without a saved result (openpyxl, a script): its cell, sheet and formula named, and what to do."""
    path = _evaluators_workbook(tiny_project.dir / "data" / "deltagare.xlsx")
    problems = _problems(params_with_files(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column) for p in problems] == [(4, "birth_year")]
    sv = problems[0].text("sv")
    assert "cellen C4 på bladet 'Deltagare'" in sv and "'=1970+15'" in sv and "spara den igen" in sv
    assert path.exists()


def test_an_old_xls_workbook_is_refused_with_the_format_to_save_it_in(tiny_project):
    (tiny_project.dir / "data" / "deltagare.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))
    problems = _problems(params_with_files(tiny_project, participants="deltagare.xls"))
    assert [p.key for p in problems] == ["file.type_workbook"]
    assert "spara den som Excel-arbetsbok (.xlsx)" in problems[0].text("sv")


def test_a_macro_workbook_is_read_as_a_workbook(tiny_project):
    wb, _ = excel_sheet(
        ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
        [["P1", "kvinna", 1980, "ensamstående", dt.datetime(2022, 2, 1), dt.datetime(2022, 8, 1), "arbete"]])
    wb.save(tiny_project.dir / "data" / "deltagare.xlsm")
    project = et.load_project(params_with_files(tiny_project, participants="deltagare.xlsm"))
    assert project.participants["outcome"].tolist() == ["arbete"]


# --- 5. an id typed with Alt+Enter inside it ---------------------------------------------------------------------------

def _persons_csv(tiny_project, person_id: str) -> Path:
    (tiny_project.dir / "data" / "participants.csv").write_text(
        "person_id,sex,birth_year,household_type,start_date,end_date,outcome\n"
        f'"{person_id}",kvinna,1980,ensamstående,2022-02-01,2022-08-01,arbete\n'
        "P2,man,1985,ensamstående,2022-03-01,2022-09-01,studier\n", encoding="utf-8")
    (tiny_project.dir / "data" / "payments.csv").write_text("person_id;month;amount\nP1;2022-03;9000\n",
                                                            encoding="utf-8")
    return params_with_files(tiny_project, participants="participants.csv", payments="payments.csv")


def test_an_id_broken_over_two_lines_of_its_cell_is_refused(tiny_project):
    """'P' Alt+Enter '1': Excel shows P over 1, and the payments file's P1 would be another person (before, read as the
    id 'P\\n1' without a word, P1's payments belonging to no participant)."""
    problems = _problems(_persons_csv(tiny_project, "P\n1"))
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "person_id", "cell.line_break_in_key")]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "står 'P⏎1': en radbrytning (Alt+Enter) mitt i värdet" in sv and sv.endswith("så skriv det på en rad")
    assert "got 'P⏎1': a line break (Alt+Enter) inside the value" in en and "\n" not in sv + en


def test_an_id_with_a_line_break_after_it_is_the_id(tiny_project):
    project = et.load_project(_persons_csv(tiny_project, "P1\r\n"))
    assert project.participants["person_id"].tolist() == ["P1", "P2"]


def test_a_personnummer_over_two_lines_is_refused_as_one_and_never_echoed(tiny_project):
    from evaltools.data.errors import PersonalIdentityNumberError
    with pytest.raises(PersonalIdentityNumberError) as e:
        et.load_project(_persons_csv(tiny_project, "811218\n9876"))
    said = e.value.message("sv") + e.value.message("en")
    assert "9876" not in said and "811218" not in said and "Alt+Enter" not in said


def test_payments_with_a_column_per_month_shown_as_its_year_keep_their_months(tiny_project):
    """Month headings held as the months' first days (2022-03-01, 2022-04-01) but formatted 'yyyy', so that Excel
    shows 2022 over both: the year alone would make two columns alike, so the headings are read as the days held,
    each its month, and the amounts land in March and April."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "payments"
    ws.append(["person_id", dt.datetime(2022, 3, 1), dt.datetime(2022, 4, 1)])
    ws.append(["P1", 9000, 8000])
    ws["B1"].number_format = ws["C1"].number_format = "yyyy"
    wb.save(tiny_project.dir / "data" / "payments.xlsx")
    project = et.load_project(params_with_files(tiny_project, participants="participants.csv", payments="payments.xlsx"))
    paid = project.payments.sort_values("month")
    assert paid["month"].dt.strftime("%Y-%m").tolist() == ["2022-03", "2022-04"]
    assert paid["amount"].tolist() == [9000.0, 8000.0]
