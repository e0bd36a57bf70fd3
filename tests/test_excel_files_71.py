"""Amounts whose unit Excel shows beside them: a budget kept in tkr with a cell typed '100 000 kr', an amount typed
with its unit ('12,5 tkr', '1,2 Mkr'), and a number under a format that shows a unit or divides by 1000 ('# ##0 "kr"',
'#,##0, "tkr"', '#,##0,'), which Excel shows in one unit and holds in another; and a date written as Swedish text
writes it ('15/1 2024'). Each is read as the evaluator means it or refused in one message naming the file, the cells
and what to write, never read 1 000 times wrong without a word."""
from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data.reading import format_unit, one_line
from evaltools.data.written_dates import written_date_hint
from evaltools.publish import cli

from .conftest import load_problems as _problems


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _params(tiny_project, unit: str, **files: str) -> Path:
    """The tiny project's params naming ``files`` in data/, its amounts read in ``unit`` (``amount_unit``)."""
    return tiny_project(data_block=f"data:\n  amount_unit: {unit}\n" + "".join(f"  {k}: data/{v}\n" for k, v in files.items()))


def _budget_csv(tiny_project, budget: str, actual: str) -> None:
    (tiny_project.dir / "data" / "budget.csv").write_text(
        f"period;category;budget;actual\n2022;Lön;{budget};{actual}\n2023;Lön;50;40\n", encoding="utf-8")


def _budget_xlsx(tiny_project, fmt: str, budget: float, actual: float) -> Path:
    """A budget sheet whose first line's two amounts (C2, D2) are numbers under the number format ``fmt``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in (["period", "category", "budget", "actual"], [2022, "Lön", budget, actual], [2023, "Lön", 50, 40]):
        ws.append(row)
    ws["C2"].number_format = ws["D2"].number_format = fmt
    path = tiny_project.dir / "data" / "budget.xlsx"
    wb.save(path)
    return path


# --- 1. kronor typed in a file read in tkr ---------------------------------------------------------------------------

def test_kronor_typed_in_a_budget_read_in_tkr_gets_the_tkr_to_write(tiny_project, capsys):
    """'100 000 kr' in a budget read in tkr was read as 100 000 tkr (100 million kronor) without a word: refused, with
    100 (tkr) to write; '90 000 kr' likewise with 90. The input is not changed, and validate says so without a
    traceback."""
    _budget_csv(tiny_project, "100 000 kr", "90 000 kr")
    path = tiny_project.dir / "data" / "budget.csv"
    before = _sha(path)
    params = _params(tiny_project, "tkr", budget="budget.csv")
    problems = [p for p in _problems(params) if p.file.endswith("budget.csv")]
    assert [(p.row, p.column) for p in problems] == [(2, "budget"), (2, "actual")]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "står '100 000 kr'" in sv and "filen läses i tkr" in sv and "skriv 100, beloppet i tkr utan 'kr'" in sv
    assert "write 100, the amount in tkr without 'kr'" in en and "1 000 times too large" in en
    assert "skriv 90, beloppet i tkr" in problems[1].text("sv")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before


def test_the_same_budget_without_kr_is_read_in_tkr(tiny_project):
    """'100 000' and '90 000' without the mark, read in tkr: 100 000 000 and 90 000 000 kr, as declared."""
    _budget_csv(tiny_project, "100 000", "90 000")
    project = et.load_project(_params(tiny_project, "tkr", budget="budget.csv"))
    assert project.budget["budget"].tolist()[:1] == [100_000_000.0]
    assert project.budget["actual"].tolist()[:1] == [90_000_000.0]


def test_kronor_typed_in_payments_read_in_tkr_are_refused(tiny_project):
    """A payment of '12 500 kr' in a payments file read in tkr would be 12,5 million kronor: 12,5 (tkr) to write."""
    (tiny_project.dir / "data" / "payments.csv").write_text(
        "person_id;month;amount\nP1;2022-03;12 500 kr\nP2;2022-04;9\n", encoding="utf-8")
    params = tiny_project(data_block="data:\n  amount_unit: {budget: kr, payments: tkr}\n"
                                     "  participants: data/participants.csv\n  payments: data/payments.csv\n")
    problems = _problems(params)
    assert [(p.row, p.column) for p in problems] == [(2, "amount")]
    assert "skriv 12,5, beloppet i tkr" in problems[0].note("sv")


# --- 2. an amount typed with its unit ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("unit", "text", "fix"), [
    ("kr", "12,5 tkr", "12500"),        # 12,5 thousand kronor, in kronor
    ("tkr", "12,5 tkr", "12,5"),        # the same in a file read in tkr: the number alone
    ("kr", "1,2 Mkr", "1200000"),       # 1,2 million kronor
    ("tkr", "1,2 Mkr", "1200"),         # 1 200 thousand
    ("kr", "100 tusen kr", "100000"),
])
def test_a_unit_typed_in_the_cell_gets_the_number_in_the_files_unit(tiny_project, unit, text, fix):
    _budget_csv(tiny_project, text, "40")
    problems = [p for p in _problems(_params(tiny_project, unit, budget="budget.csv")) if p.column == "budget"]
    assert [p.row for p in problems] == [2]
    assert problems[0].note("sv").endswith(f"filen läses i {unit} (data.amount_unit), så skriv {fix}, bara talet")
    assert f"the file is read in {unit} (data.amount_unit), so write {fix}, the number alone" in problems[0].note("en")


# --- 3. a number under a format that shows another unit ---------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "shows"), [
    ("#,##0", None), ("General", None), ("0.00", None), ('"P"000', None),
    ("#,##0,", (None, 1, 0)),                           # shown in thousands, no unit
    ('#,##0, "tkr"', (1, 1, 0)),                        # kronor shown as tkr
    ('# ##0 "tkr"', (1, 0, 0)),
    ('#,##0 "kr"', (0, 0, 0)), ("[$kr-41D] #,##0", (0, 0, 0)), ("#,##0\\ \\k\\r", (0, 0, 0)),
    ('_-* #,##0 "kr"_-;-* #,##0 "kr"_-;_-* "-"?? "kr"_-;_-@_-', (0, 0, 0)),   # Swedish Excel's accounting format
    ('#,##0.0 "Mkr"', (2, 0, 1)), ('#,##0,," Mkr"', (2, 2, 0)),
])
def test_what_a_number_format_says_of_the_unit(fmt, shows):
    assert format_unit(fmt) == shows


@pytest.mark.parametrize(("unit", "fmt", "amounts", "stored", "size", "line"), [
    # 100 000 kr shown as 100 tkr, read in tkr: 1 000 times too large; the line that reads the numbers as stored
    ("tkr", '#,##0, "tkr"', (100000, 90000), "kr", "stort", "amount_unit: {budget: kr}"),
    ("tkr", "#,##0,", (100000, 90000), "kr", "stort", "amount_unit: {budget: kr}"),
    ("tkr", '#,##0 "kr"', (100000, 90000), "kr", "stort", "amount_unit: {budget: kr}"),
    # 100 shown as 100 tkr, read in kr: 1 000 times too small
    ("kr", '# ##0 "tkr"', (100, 90), "tkr", "litet", "amount_unit: {budget: tkr}"),
])
def test_a_number_shown_in_another_unit_than_the_file_is_read_in_is_one_message(tiny_project, unit, fmt, amounts,
                                                                                stored, size, line):
    path = _budget_xlsx(tiny_project, fmt, *amounts)
    before = _sha(path)
    problems = _problems(_params(tiny_project, unit, budget="budget.xlsx"))
    assert [(p.row, p.column, p.key) for p in problems] == [(None, None, "cell.format_unit")]
    sv, en = problems[0].note("sv"), problems[0].note("en")
    assert sv.startswith(f"2 belopp har ett talformat som visar dem i en annan enhet än den filen läses i (C2, D2; C2 är "
                         f"{amounts[0]}, som formatet '{fmt}' visar som ")
    assert f"Excel håller talen i {stored}, men filen läses i {unit}" in sv and f"1\u00a0000 gånger för {size}" in sv
    assert f"Skriv {line} i params-filen" in sv and f"Write {line} in the params file" in en
    assert _sha(path) == before


def test_the_line_to_write_keeps_the_payments_in_their_unit(tiny_project):
    """A project reading budget and payments in tkr whose budget Excel holds in kronor: the line reads the budget in
    kr and keeps the payments in tkr, as they were."""
    _budget_xlsx(tiny_project, '#,##0, "tkr"', 100000, 90000)
    (tiny_project.dir / "data" / "payments.csv").write_text("person_id;month;amount\nP1;2022-03;9\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, "tkr", budget="budget.xlsx", payments="payments.csv"))
    (said,) = [p.note("sv") for p in problems if p.key == "cell.format_unit"]
    assert "Skriv amount_unit: {budget: kr, payments: tkr} i params-filen" in said


def test_the_shown_number_is_the_one_excel_shows(tiny_project):
    """100000 under '#,##0, "tkr"' is shown '100 tkr'; 100 under '# ##0 "tkr"' is '100 tkr' too."""
    _budget_xlsx(tiny_project, '#,##0, "tkr"', 100000, 90000)
    sv = _problems(_params(tiny_project, "tkr", budget="budget.xlsx"))[0].note("sv")
    assert "C2 är 100000, som formatet '#,##0, \"tkr\"' visar som 100 tkr)" in sv


def test_millions_shown_are_told_to_be_written_in_the_files_unit(tiny_project):
    """1,2 under '#,##0.0 "Mkr"' is 1,2 million kronor, read as 1,2 kr: no amount_unit reads millions, so the fix is
    the amounts in kr, 1 000 000 times too small."""
    _budget_xlsx(tiny_project, '#,##0.0 "Mkr"', 1.2, 0.9)
    sv = _problems(_params(tiny_project, "kr", budget="budget.xlsx"))[0].note("sv")
    assert "C2 är 1,2, som formatet '#,##0.0 \"Mkr\"' visar som 1,2 Mkr" in sv
    assert "Excel håller talen i Mkr" in sv and "1\u00a0000\u00a0000 gånger för litet" in sv
    assert sv.endswith("Ge cellerna formatet Tal och skriv beloppen i kr")


@pytest.mark.parametrize(("unit", "fmt", "amounts", "read"), [
    ("kr", '#,##0 "kr"', (100000, 90000), [100000.0, 90000.0]),      # kronor shown as kronor
    ("kr", "#,##0,", (100000, 90000), [100000.0, 90000.0]),           # kronor shown in thousands: the kronor held
    ("kr", '#,##0, "tkr"', (100000, 90000), [100000.0, 90000.0]),
    ("tkr", '# ##0 "tkr"', (100, 90), [100000.0, 90000.0]),           # tkr shown as tkr
])
def test_a_number_shown_in_the_files_own_unit_is_read_as_held(tiny_project, unit, fmt, amounts, read):
    _budget_xlsx(tiny_project, fmt, *amounts)
    project = et.load_project(_params(tiny_project, unit, budget="budget.xlsx"))
    assert project.budget["budget"].tolist()[0] == read[0] and project.budget["actual"].tolist()[0] == read[1]


def test_a_column_not_read_keeps_its_kronor_format(tiny_project):
    """A budget in tkr (100 and 90 on the 2022 line: 100 000 and 90 000 kr) with the evaluator's hourly rate beside it,
    'Timpris', under Excel's currency format '# ##0 kr': the column is not read, so its format says nothing of the
    amounts, and the budget loads."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in (["period", "category", "budget", "actual", "Timpris"], [2022, "Lön", 100, 90, 450], [2023, "Lön", 50, 40, 460]):
        ws.append(row)
    ws["E2"].number_format = ws["E3"].number_format = "# ##0 kr"
    wb.save(tiny_project.dir / "data" / "budget.xlsx")
    project = et.load_project(_params(tiny_project, "tkr", budget="budget.xlsx"))
    assert project.budget["budget"].tolist() == [100000.0, 50000.0]


def test_a_budget_of_a_column_per_year_shown_in_tkr_and_held_in_kronor_is_one_message(tiny_project):
    """'Budget 2022' and 'Utfall 2022' hold 100 000 and 90 000 kr under '#,##0, "tkr"' (shown 100 and 90 tkr): read in
    tkr they would be 100 and 90 million kronor."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in (["Kostnadsslag", "Budget 2022", "Utfall 2022"], ["Lön", 100000, 90000]):
        ws.append(row)
    ws["B2"].number_format = ws["C2"].number_format = '#,##0, "tkr"'
    wb.save(tiny_project.dir / "data" / "budget.xlsx")
    problems = [p for p in _problems(_params(tiny_project, "tkr", budget="budget.xlsx")) if p.key == "cell.format_unit"]
    assert len(problems) == 1 and problems[0].note("sv").startswith("2 belopp") and "(B2, C2; B2 är 100000" in (
        problems[0].note("sv"))


def test_a_payment_shown_in_kronor_in_a_file_read_in_tkr_is_refused(tiny_project):
    """A payments sheet whose amounts Excel's currency format shows in kronor, read in tkr (12 500 would be 12,5
    million kronor)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Utbetalningar"
    for row in (["person_id", "month", "amount"], ["P1", "2022-03", 12500], ["P2", "2022-04", 9000]):
        ws.append(row)
    ws["C2"].number_format = ws["C3"].number_format = '#,##0 "kr"'
    wb.save(tiny_project.dir / "data" / "payments.xlsx")
    params = tiny_project(data_block="data:\n  amount_unit: {budget: kr, payments: tkr}\n"
                                     "  participants: data/participants.csv\n  payments: data/payments.xlsx\n")
    problems = [p for p in _problems(params) if p.key == "cell.format_unit"]
    assert len(problems) == 1 and "(C2, C3; C2 är 12500" in problems[0].note("sv")
    assert "Skriv amount_unit: {budget: kr, payments: kr} i params-filen" in problems[0].note("sv")


# --- 4. a date as Swedish text writes it --------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "said"), [
    ("15/1 2024", ("hint.write_as", {"date": "2024-01-15"})),           # day first: there is no 15th month
    ("15/1-2024", ("hint.write_as", {"date": "2024-01-15"})),
    ("5/3 2024", ("hint.day_or_month", {"day_month": "2024-03-05", "month_day": "2024-05-03"})),  # never guessed
    ("15/1 24", ("", {})),                                              # a year of two digits: no date offered
])
def test_a_date_written_with_a_space_before_its_year(written, said):
    assert written_date_hint(written) == said


def test_a_start_date_written_so_names_the_cell_and_the_date_to_write(tiny_project):
    (tiny_project.dir / "data" / "participants.csv").write_text(
        "person_id,sex,birth_year,household_type,start_date,end_date,outcome\n"
        "P1,kvinna,1980,ensamstående,15/2 2022,,\n", encoding="utf-8")
    problems = _problems(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    assert [(p.row, p.column) for p in problems] == [(2, "start_date")]
    assert problems[0].note("sv").endswith("skriv 2022-02-15")


# --- 5. a heading broken with a hyphen over two lines of its cell -----------------------------------------------------

@pytest.mark.parametrize(("written", "read"), [
    ("Start-\ndatum", "Startdatum"),          # a word broken at the line's end: one word
    ("Start-  \r\n datum", "Startdatum"),
    ("Start\ndatum", "Start datum"),          # two words on two lines, as before
    ("FK-\nhandläggare", "FK-handläggare"),   # a hyphen after a capital is the word's own
    ("Budget-\n2024", "Budget- 2024"),        # before a digit: not a broken word
    ("  Utfall \n 2024 ", "Utfall 2024"),
])
def test_a_heading_on_two_lines_is_read_on_one(written, read):
    assert one_line(written) == read


def test_headings_broken_with_a_hyphen_are_read_by_the_names_data_columns_gives(tiny_project):
    """A case system's export opened in Excel, its narrow columns' headings broken 'Start-' over 'datum': the params
    file's data.columns names them as they read, 'Startdatum', and the file loads with P1's start 2022-02-01."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Löpnr", "Kön", "Födelse-\når", "Hushåll", "Start-\ndatum", "Slut-\ndatum", "Avslut"])
    ws.append(["P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"])
    wb.save(tiny_project.dir / "data" / "deltagare.xlsx")
    params = tiny_project(data_block=(
        "data:\n  participants: data/deltagare.xlsx\n  columns: {Löpnr: person_id, Kön: sex, Födelseår: birth_year, "
        "Hushåll: household_type, Startdatum: start_date, Slutdatum: end_date, Avslut: outcome}\n"))
    project = et.load_project(params)
    assert project.participants["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-02-01"]
    assert project.participants["birth_year"].tolist() == [1980]


# --- 6. one subtotal row is named as one row ---------------------------------------------------------------------------

def test_one_subtotal_row_is_named_as_a_row(tiny_project):
    """Lön 100 000 and Resor 20 000 under 'Summa personal' 100 000 (row 3) and the total 120 000 (row 5): the cost is
    the two lines, and the note names 'raden 3', not 'raderna 3'."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period;category;budget;actual\n2022;Lön;100000;90000\n2022;Summa personal;100000;90000\n"
        "2022;Resor;20000;15000\n2022;Summa;120000;105000\n2023;Lön;1000;1000\n", encoding="utf-8")
    project = et.load_project(tiny_project(data_block="data:\n  budget: data/budget.csv\n"))
    assert project.budget.query("period == '2022'")["actual"].sum() == 105000
    (read,) = [n for n in project.notices if n.key in ("budget.subtotal_read", "budget.subtotals_read")]
    assert read.note("sv") == ("raden 3 ('Summa personal') läses som en delsumma, inte som en kostnadspost, och "
                               "kontrolleras mot raderna ovanför den")
    assert read.note("en").startswith("the row 3 ('Summa personal') is read as a subtotal")


# --- 7. an instruction page before the list on a sheet of another name ---------------------------------------------

def test_a_list_on_another_sheet_after_an_instruction_page_is_one_message_naming_it(tiny_project):
    """An instruction page ('Läs mig') first and the list on 'Blad1': the instruction page is read (the first visible
    sheet) and has no rows. One message names 'Blad1' and the names read; not also 'the file has no rows, delete
    data.participants', which would have the evaluator drop the data."""
    wb = openpyxl.Workbook()
    wb.active.title = "Instruktioner"
    wb.active.append(["Läs mig"])
    ws = wb.create_sheet("Blad1")
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    ws.append(["P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"])
    wb.save(tiny_project.dir / "data" / "deltagare.xlsx")
    problems = _problems(tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n"))
    assert [p.key for p in problems] == ["sheet.others_one"]
    assert "'Blad1'" in problems[0].note("sv") and "data.excel_sheet" in problems[0].note("sv")


def test_a_workbook_of_one_empty_sheet_still_says_it_has_no_rows(tiny_project):
    """One sheet with its headings and no one under them: no other sheet to name, so the file has no rows."""
    wb = openpyxl.Workbook()
    wb.active.title = "Deltagare"
    wb.active.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    wb.save(tiny_project.dir / "data" / "deltagare.xlsx")
    problems = _problems(tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n"))
    assert [p.key for p in problems] == ["rows.none"]
