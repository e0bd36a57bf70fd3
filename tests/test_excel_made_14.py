"""What an evaluator does in Excel to the participant, payments and budget files, one thing at a time:
an Excel table with its total row, a filter that hides rows, rows grouped and folded, frozen panes and
notes; a workbook whose formulas were written by another program without saved results, or saved in
Excel for Mac's 1904 date system; dates and months typed as text, amounts written the Swedish way
("12 000:-", "(1 200)" for a negative number); a macro workbook; and the toolkit's own workbook opened
as Excel opens it. Each must read correctly (the figures checked by hand) or end in one clear message
naming file, row, column and value, never a traceback and never a row dropped without a word."""
from __future__ import annotations

import datetime as dt
import re
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table, TableStyleInfo

import evaltools as et
from evaltools.publish import cli

from .conftest import PARTICIPANT_ROWS, participants_frame, save_formula_results, write_csv, params_with_files as _params, load_problems as _problems

COLS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]


def _participants(path: Path, rows=PARTICIPANT_ROWS, epoch: dt.datetime | None = None) -> openpyxl.Workbook:
    """The participant sheet as Excel saves typed values (dates as date cells); returned unsaved."""
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.append(COLS)
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row, 1):
            if c in (5, 6) and v:
                ws.cell(r, c, dt.datetime.fromisoformat(v)).number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, c, v if v != "" else None)
    return wb


def _validate(params: Path, capsys) -> tuple[int, str]:
    code = cli.main(["validate", str(params)])
    out = capsys.readouterr()
    said = out.out + out.err
    assert "Traceback" not in said, said
    return code, said


# --- an Excel table with a total row ----------------------------------------------------------------

def _payments_table(path: Path, saved: bool) -> None:
    """The payments as an Excel table (Insert > Table) with "Total row" ticked: 'Summa' under the ids and
    =SUBTOTAL(109,...) under the amounts, saved by Excel with its result or by another program without."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    for row in (["P1", "2022-01", 9000], ["P1", "2022-02", 8500], ["P2", "2022-02", 12000]):
        ws.append(row)
    ws.append(["Summa", None, "=SUBTOTAL(109,Tabell1[amount])"])
    table = Table(displayName="Tabell1", ref="A1:C5", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    wb.save(path)
    if saved:
        save_formula_results(path, {"C5": 29500})


@pytest.mark.parametrize("saved", [True, False], ids=["saved by Excel", "written without results"])
def test_an_excel_tables_total_row_is_not_read_as_a_payment_and_is_said(saved, tiny_project):
    """Before, the total row was refused as a total row at the foot of a file of persons (and, without its
    saved result, also as a formula without a value), although the table's own total row is no data by
    Excel's definition: now it is left out, and ``validate`` says which row and table."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    _payments_table(data / "payments.xlsx", saved)
    project = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"))
    # the three payments above it: 9 000 + 8 500 + 12 000 = 29 500 kr, the total row's 29 500 not added again
    assert project.payments["amount"].tolist() == [9000, 8500, 12000]
    assert project.payments["amount"].sum() == 29500
    (said,) = [w for w in project.notices if w.key == "sheet.table_total"]  # (validate's, not the report's)
    assert not [w for w in project.warnings if w.key == "sheet.table_total"]
    assert said.row == 5
    assert said.note("sv") == "raden är summaraden i Excel-tabellen 'Tabell1' och lästes inte (rapporten räknar summorna själv)"
    assert said.note("en") == "the row is the total row of the Excel table 'Tabell1' and was not read (the report makes its own sums)"


def test_a_table_without_a_total_row_is_read_whole_and_a_summa_row_under_it_still_refused(tiny_project):
    """Only a table's own total row is left out: a 'Summa' row typed under a table without one is refused
    as before (it could be a person's row with a mistake)."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["person_id", "month", "amount"], ["P1", "2022-01", 9000], ["P2", "2022-02", 12000]):
        ws.append(row)
    ws.add_table(Table(displayName="Tabell1", ref="A1:C3"))
    ws.append(["Summa", None, 21000])
    wb.save(data / "payments.xlsx")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(4, "row.total")]


# --- rows a filter or a group hides, panes and notes --------------------------------------------------

@pytest.mark.parametrize("how", ["filtered out", "grouped and folded"])
def test_rows_a_filter_or_a_folded_group_hides_are_named_never_dropped(how, tiny_project, capsys):
    """A filter left on (Data > Filter) or a group folded (Data > Group) hides rows that are still data:
    each is named by its row, as Excel numbers it, and the project is not read without them."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    ws = wb.active
    if how == "filtered out":
        ws.auto_filter.ref = "A1:G5"
        ws.auto_filter.add_filter_column(1, ["kvinna"])
        ws.row_dimensions[3].hidden = ws.row_dimensions[5].hidden = True  # P2 and P4, the men
    else:
        ws.row_dimensions.group(3, 5, outline_level=1, hidden=True)
    wb.save(path)
    params = _params(tiny_project, participants="deltagare.xlsx")
    problems = _problems(params)
    # (one message for the sheet, every hidden row named in it: rows 3 and 5, or the run 3–5)
    rows, n = ("3, 5", 2) if how == "filtered out" else ("3–5", 3)
    assert [(p.row, p.key) for p in problems] == [(None, "rows.hidden")]
    assert problems[0].note("sv") == (f"raderna {rows} ({n} rader) är dolda i Excel (dolda, bortfiltrerade, i en "
                                      "ihopfälld grupp eller med höjden 0) men skulle läsas in som data; visa dem och "
                                      "ta bort de rader som inte ska räknas")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED and f"raderna {rows} " in said


def test_frozen_panes_and_notes_change_nothing_that_is_read(tiny_project):
    """Panes frozen under the headings and a note (comment) on a cell: the cells read are the values."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    ws = wb.active
    ws.freeze_panes = "B2"
    ws["A2"].comment = Comment("Kolla startdatum med handläggaren", "FoU")
    ws["G2"].comment = Comment("studier?", "FoU")
    wb.save(path)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["person_id"].tolist() == ["P1", "P2", "P3", "P4"]
    assert df["outcome"].tolist()[0] == PARTICIPANT_ROWS[0][6]


# --- formulas without saved results ----------------------------------------------------------------

def test_formulas_another_program_wrote_are_named_cell_by_cell_with_what_to_do(tiny_project):
    """A workbook made by a script (openpyxl, pandas) holds formulas without results: each cell is named
    with its formula and the fix (open and save in Excel), in one message, never read as empty."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    wb.active["C2"] = "=1970+10"
    wb.active["C4"] = "=YEAR(E4)-32"
    wb.save(path)
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"), lang="en")
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "birth_year", "cell.formula"),
                                                            (4, "birth_year", "cell.formula")]
    # (openpyxl's one sheet is 'Sheet'; the formula is in column C, row 4)
    assert problems[1].note("en") == ("the cell C4 on the sheet 'Sheet' holds the formula '=YEAR(E4)-32' but no "
                                      "calculated value was saved with it; open the file in Excel and save it again (or paste the values)")


def _with_saved_results(path: Path, results: dict[str, object], marked: bool) -> None:
    """The workbook ``path`` with ``results`` saved beside its formulas, as XlsxWriter writes them (0 for each
    formula) or a script that changed an Excel file leaves them, and with or without the mark to calculate
    it when opened (``fullCalcOnLoad``), which such programs set and Excel removes when it saves."""
    save_formula_results(path, results)  # (as Excel saves it: without the mark)
    if marked:
        tmp = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/workbook.xml":
                    data, n = re.subn(rb"<calcPr ", b'<calcPr fullCalcOnLoad="1" ', data)
                    assert n == 1
                zout.writestr(item, data)
        tmp.replace(path)


def test_results_saved_by_a_program_that_calculates_no_formulas_are_not_read(tiny_project):
    """XlsxWriter saves 0 beside every formula, and marks the workbook to be calculated when opened; before,
    the 0 was read as the cell's value (a birth year 0 here; an amount would have been 0 kr without a word).
    Each such cell is now named with its formula and the fix, and its value is not read (no second message)."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    wb.active["C2"] = "=1970+10"
    wb.active["C4"] = "=YEAR(E4)-32"
    wb.save(path)
    _with_saved_results(path, {"C2": 0, "C4": 0}, marked=True)
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "birth_year", "cell.formula_not_calculated"),
                                                            (4, "birth_year", "cell.formula_not_calculated")]
    assert problems[0].note("en") == (
        "the cell C2 on the sheet 'Sheet' holds the formula '=1970+10', but the workbook was saved by a program that does not calculate "
        "formulas (it is marked to be recalculated when opened), so the value saved with it is not Excel's result; "
        "open the file in Excel and save it again (or paste the values)")


def test_results_excel_saved_are_read_as_saved(tiny_project):
    """The same workbook saved by Excel (no mark): the saved results are Excel's, and read (1980 = 1970 + 10,
    1990 = the year of 2022-06-01 minus 32)."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    wb.active["C2"] = "=1970+10"
    wb.active["C4"] = "=YEAR(E4)-32"
    wb.save(path)
    _with_saved_results(path, {"C2": 1980, "C4": 1990}, marked=False)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["birth_year"].tolist() == [1980, 1975, 1990, 1968]


def test_a_heading_made_by_a_formula_without_its_result_is_named_not_left_unread(tiny_project):
    """A budget follow-up whose heading is a formula (="Utfall "&2022) written by a program that saves no
    results: before, the heading read as empty and the utfall column was left out without a word (the budget
    was read with no utfall at all); now the heading's cell is named by its row and letter."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["Kostnadsslag", "Budget 2022", '="Utfall "&2022'], ["Lön", 100000, 90000], ["Övrigt", 20000, 25000]):
        ws.append(row)
    wb.save(data / "budget.xlsx")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.row, p.column, p.key) for p in problems] == [(1, "C", "cell.formula")]
    assert problems[0].note("sv") == ("cellen C1 på bladet 'Sheet' har formeln '=\"Utfall \"&2022' men inget beräknat värde sparat; "
                                      "öppna filen i Excel och spara den igen (eller klistra in värdena)")


# --- the 1904 date system ----------------------------------------------------------------------------

def test_a_1904_workbooks_date_cells_are_its_dates(tiny_project):
    path = tiny_project.dir / "data/deltagare.xlsx"
    _participants(path, epoch=CALENDAR_MAC_1904).save(path)
    assert openpyxl.load_workbook(path).epoch == CALENDAR_MAC_1904  # (saved so: the test means something)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert [d.date().isoformat() for d in df["start_date"]] == [r[4] for r in PARTICIPANT_ROWS]


def test_a_serial_number_in_a_1904_workbook_is_named_as_the_date_it_is_there(tiny_project):
    """Before, a date serial number in a General cell of a workbook in the 1904 date system (Excel for Mac,
    or "Use 1904 date system") was named as the date it is in the 1900 system, four years and a day too early.
    2022-02-01 is 44 593 in the 1900 system (2022-01-01 is 44 562, + 31 days) and 1 462 days less in the
    1904 system: 44 593 - 1 462 = 43 131."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path, epoch=CALENDAR_MAC_1904)
    wb.active["E2"] = 43131
    wb.active["E2"].number_format = "General"
    wb.save(path)
    (p,) = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert (p.row, p.column) == (2, "start_date")
    assert p.note("sv").endswith("– 43131 ser ut som ett datumnummer från Excel (2022-02-01): formatera cellen som datum")


def test_a_month_column_heading_as_a_serial_number_in_a_1904_workbook_is_its_month(tiny_project):
    """A payments file with one column per month whose headings are serial numbers: in the 1904 date system
    43 131 is 2022-02 (above), 43 159 is 28 days later, 2022-03-01."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    for row in (["person_id", 43131, 43159], ["P1", 9000, 8500], ["P2", None, 12000]):
        ws.append(row)
    wb.save(data / "payments.xlsx")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx")).payments
    got = [(pid, str(m)[:7], a) for pid, m, a in zip(pay["person_id"], pay["month"], pay["amount"])]
    assert got == [("P1", "2022-02", 9000), ("P1", "2022-03", 8500), ("P2", "2022-03", 12000)]


# --- dates shown as their month ------------------------------------------------------------------

@pytest.mark.parametrize("number_format", ["yyyy-mm", "mmm-yy", "mmmm yyyy", "[$-41D]mmmm yyyy;@"])
def test_a_payment_date_shown_as_its_month_is_that_month(number_format, tiny_project):
    """A finance export's payment date (2022-05-15) in the month column, formatted to show the month: Excel
    shows 2022-05 (maj-22, maj 2022), and so it is read; before, it was refused as a month with a day."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["person_id", "month", "amount"], ["P1", dt.datetime(2022, 5, 15), 9000],
                ["P1", dt.datetime(2022, 6, 1), 8500]):
        ws.append(row)
    for r in (2, 3):
        ws.cell(r, 2).number_format = number_format
    wb.save(data / "payments.xlsx")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx")).payments
    assert [str(m)[:7] for m in pay["month"]] == ["2022-05", "2022-06"]


def test_a_payment_date_shown_with_its_day_in_the_month_column_is_still_refused(tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    ws.append(["P1", dt.datetime(2022, 5, 15), 9000])
    ws["B2"].number_format = "yyyy-mm-dd"
    wb.save(data / "payments.xlsx")
    (p,) = _problems(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"))
    assert (p.row, p.column, p.value) == (2, "month", "2022-05-15")


def test_a_start_date_shown_as_its_month_is_still_read_as_its_day(tiny_project):
    """Only the month column takes a date as its month: a start date formatted 'mmm-yy' keeps its day."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    for r in range(2, 6):
        wb.active.cell(r, 5).number_format = "mmm-yy"
    wb.save(path)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert [d.date().isoformat() for d in df["start_date"]] == [r[4] for r in PARTICIPANT_ROWS]


# --- numbers in a column formatted as dates ----------------------------------------------------------

@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904], ids=["1900 date system", "1904 date system"])
def test_a_year_typed_in_a_column_formatted_as_dates_is_named_with_the_number_typed(epoch, tiny_project):
    """A date format copied over the birth year column: Excel shows 1980 as 1905-06-02 (1904 system:
    1909-06-03). Before, the message said to write the birth year 1905; now it names the number typed and
    the fix (the year is never taken from the date shown)."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path, epoch=epoch)
    for r in range(2, 6):
        wb.active.cell(r, 3).number_format = "yyyy-mm-dd"
    wb.save(path)
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column) for p in problems] == [(r, "birth_year") for r in range(2, 6)]
    assert [p.note("sv").split(" – ", 1)[1] for p in problems] == [
        f"cellen är formaterad som datum: {p.value} är hur Excel visar talet {year}; formatera kolumnen som tal "
        "(Start > Talformat > Allmänt)" for p, year in zip(problems, [r[2] for r in PARTICIPANT_ROWS])]


def test_an_amount_and_a_count_in_cells_formatted_as_dates_are_named_with_their_numbers(tiny_project):
    """9 000 kr under a date format shows as 1924-08-21; 12 months as 1900-01-12 (Excel's serial 12, before
    the 29 February 1900 Excel counts)."""
    data = tiny_project.dir / "data"
    path = data / "deltagare.xlsx"
    wb = _participants(path)
    wb.active["H1"] = "months_on_support_before"
    wb.active["H2"] = 12
    wb.active["H2"].number_format = "yyyy-mm-dd"
    wb.save(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    ws.append(["P1", "2022-05", 9000])
    ws["C2"].number_format = "yyyy-mm-dd"
    wb.save(data / "payments.xlsx")
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx", payments="payments.xlsx"), lang="en")
    got = {p.column: (p.value, p.note("en").split(" – ", 1)[1]) for p in problems}
    assert got == {
        "months_on_support_before": ("1900-01-12", "the cell is formatted as a date: 1900-01-12 is how Excel shows "
                                     "the number 12; format the column as numbers (Home > Number Format > General)"),
        "amount": ("1924-08-21", "the cell is formatted as a date: 1924-08-21 is how Excel shows the number 9000; "
                   "format the column as numbers (Home > Number Format > General)")}


def test_a_birth_date_typed_as_a_date_still_gets_the_year_to_write(tiny_project):
    """1985-04-12 typed in Excel is a date cell holding 31149, no birth year: the year to write, as before."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    wb.active["C2"] = dt.datetime(1985, 4, 12)
    wb.active["C2"].number_format = "yyyy-mm-dd"
    wb.save(path)
    (p,) = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert p.note("sv").endswith("– skriv bara födelseåret, 1985: rapporten behöver inte mer, och ett födelsedatum "
                                 "säger mer om personen")


# --- dates and months typed as text ----------------------------------------------------------------

@pytest.mark.parametrize("typed, month", [("mars 2022", "2022-03"), ("2022-03", "2022-03"), ("202203", "2022-03"),
                                          ("Mar-22", "2022-03")])
def test_a_month_typed_where_a_date_is_asked_for_is_named_as_a_month(typed, month, tiny_project):
    """Before, 'mars 2022' or '202203' in a start date got no hint at all: the day is never guessed, the
    message says it is a month and how to write the date."""
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[1][4] = typed
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    (p,) = _problems(_params(tiny_project, participants="participants.csv"))
    assert (p.row, p.column, p.value) == (3, "start_date", typed)
    assert p.note("sv").endswith(f"– det är en månad; ett datum behöver också dagen: skriv {month}-DD med dagen det gällde")
    assert p.note("en").endswith(f"– that is a month; a date needs its day too: write {month}-DD with the day it was")


@pytest.mark.parametrize("typed, hint", [
    ("1/3/2022", "skriv 2022-03-01 om det första talet är dagen, 2022-01-03 om det är månaden"),
    ("1 mars 2022", "skriv 2022-03-01"),
    ("20220301", "skriv 2022-03-01"),
])
def test_dates_typed_the_swedish_way_keep_their_hints(typed, hint, tiny_project):
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[1][4] = typed
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    (p,) = _problems(_params(tiny_project, participants="participants.csv"))
    assert p.note("sv").endswith("– " + hint)


def test_a_date_with_midnight_as_text_is_its_day(tiny_project):
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[1][4] = PARTICIPANT_ROWS[1][4] + " 00:00"
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    df = et.load_project(_params(tiny_project, participants="participants.csv")).participants
    assert df["start_date"].iloc[1].date().isoformat() == PARTICIPANT_ROWS[1][4]


# --- amounts written as a person writes them --------------------------------------------------------

def test_an_amount_with_the_price_mark_is_read_as_kronor(tiny_project):
    """'12 000:-' and '450,-' are how a Swedish price is written, as '9 000 kr' is: the number is read."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "payments.csv").write_text(
        "person_id;month;amount\r\nP1;2022-01;12 000:-\r\nP1;2022-02;450,-\r\nP2;2022-02;9\u00a0000 kr\r\n"
        "P2;2022-03;0 kr\r\n", encoding="utf-8-sig")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.csv")).payments
    assert pay["amount"].tolist() == [12000, 450, 9000, 0]


@pytest.mark.parametrize("written", ["9 000 SEK", "9000 Kr", "9 000 kronor", "kr 9 000", "SEK 9000", "9 000,00 kr"])
def test_an_amount_with_its_currency_written_any_way_is_read_as_kronor(written, tiny_project):
    """Before, only a lower-case 'kr' was read: '9 000 SEK', '9000 Kr' and '9 000 kronor' were refused."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "payments.csv").write_text(f"person_id;month;amount\r\nP1;2022-01;{written}\r\n", encoding="utf-8-sig")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.csv")).payments
    assert pay["amount"].tolist() == [9000]


def test_thousands_of_kronor_are_never_read_as_kronor(tiny_project):
    """'9 tkr' is a thousand times '9 kr': the unit is the params file's, and such a cell is refused."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "payments.csv").write_text("person_id;month;amount\r\nP1;2022-01;9 tkr\r\nP1;2022-02;9 TKR\r\n",
                                       encoding="utf-8-sig")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="payments.csv"))
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "amount", "cell.bad"), (3, "amount", "cell.bad")]


def test_a_minus_sign_copied_from_a_web_page_is_a_minus(tiny_project):
    """'−1 200' with the typographic minus (U+2212) of a web page or PDF: a repayment in a file of one row
    per payment, netted in its month as one written '-1 200' is: 9 000 − 1 200 = 7 800 kr."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "payments.csv").write_text(
        "person_id;payment_date;amount\r\nP1;2022-01-10;9 000\r\nP1;2022-01-20;\u22121 200\r\n", encoding="utf-8-sig")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.csv")).payments
    assert pay["amount"].tolist() == [7800]


def test_a_number_in_parentheses_is_named_as_excels_negative_number(tiny_project):
    """'(5 000)' is how Excel's accounting format shows -5 000; before, the message said only that a number
    was expected. In a budget, where a negative utfall is refused, the message says what it is and why."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "budget.csv").write_text(
        "period;category;budget;actual\r\n2022;Lön;100 000;90 000\r\n2022;Återbetalning;0;(5 000 kr)\r\n",
        encoding="utf-8-sig")
    (p,) = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert (p.row, p.column, p.value) == (3, "actual", "(5 000 kr)")
    assert p.note("sv") == (
        "står '(5 000 kr)'; förväntat ett tal, 0 eller mer (utan valutatecken; decimalkomma eller -punkt) – ett tal "
        "inom parentes är så Excels format Redovisning visar ett negativt tal, -5000 – beloppet är negativt; en "
        "budgetrad är en kostnad. Är det en återbetalning av medel som inte använts, visar utfallet redan vad som "
        "kostade: ta bort raden. Är det en rättelse, sänk utfallet på raden den gäller")


def test_a_repayment_in_parentheses_in_a_file_per_payment_gets_the_number_to_write(tiny_project):
    """In a file of one row per payment a negative amount is a repayment: '(1 200,50)' is refused with the
    number to write, -1200,50."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    (data / "payments.csv").write_text(
        "person_id;payment_date;amount\r\nP1;2022-01-10;9 000\r\nP1;2022-01-20;(1 200,50)\r\n", encoding="utf-8-sig")
    (p,) = _problems(_params(tiny_project, participants="participants.csv", payments="payments.csv"), lang="en")
    assert (p.row, p.column) == (3, "amount")
    assert p.note("en").endswith("– a number in parentheses is how Excel's Accounting format shows a negative "
                                 "number, -1200,50: write -1200,50 (with a minus sign)")


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_dash_in_an_amount_is_named_as_excels_zero(dash, tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "payments.csv", [{"person_id": "P1", "month": "2022-01", "amount": dash}])
    (p,) = _problems(_params(tiny_project, participants="participants.csv", payments="payments.csv"))
    assert p.note("sv").endswith("– ett streck är så Excels format Redovisning visar 0: skriv 0, eller lämna "
                                 "cellen tom om beloppet inte är känt än")


def test_a_share_column_in_percent_format_is_the_percent_shown(tiny_project):
    """0,25 in a cell formatted 0% shows 25 %: read as 25 (the column is in whole percents)."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    ws = wb.active
    ws["H1"] = "extent_before_pct"
    for r in range(2, 6):
        ws.cell(r, 8, 0.25).number_format = "0%"
    wb.save(path)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["extent_before_pct"].tolist() == [25, 25, 25, 25]


# --- ids as Excel's CSV saves them ----------------------------------------------------------------------

def test_an_id_saved_in_scientific_notation_is_refused_not_read_as_one_person(tiny_project):
    """Ids of nine digits in a General column: Excel shows 123456789 and 123457001 both as 1,23457E+08, and a
    CSV file saves what it shows. Before, the two were read as one person enrolled twice; now each cell is
    named with why and the fix."""
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[0][0] = rows[1][0] = "1,23457E+08"
    data = tiny_project.dir / "data"
    lines = [";".join(COLS)] + [";".join(map(str, r)) for r in rows]
    (data / "participants.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    problems = _problems(_params(tiny_project, participants="participants.csv"), lang="en")
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "person_id", "1,23457E+08"),
                                                              (3, "person_id", "1,23457E+08")]
    assert problems[0].note("en").endswith(
        "– that is how Excel shows a long number (in scientific notation), and how the CSV file saved it: the "
        "digits after the first are lost, and several persons may now share the id; format the column as text in "
        "the workbook and save the CSV file again")


# --- file types Excel saves -------------------------------------------------------------------------

def test_a_macro_workbook_is_read_as_a_workbook(tiny_project):
    path = tiny_project.dir / "data/deltagare.xlsm"
    _participants(path).save(path)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsm")).participants
    assert df["person_id"].tolist() == ["P1", "P2", "P3", "P4"]


@pytest.mark.parametrize("suffix", [".xls", ".xlsb", ".ods"])
def test_a_workbook_of_another_format_is_named_with_what_to_save_it_as(suffix, tiny_project):
    """Before, an .xlsb or .ods file was told to 'save an .xls workbook as .xlsx'."""
    data = tiny_project.dir / "data"
    (data / f"deltagare{suffix}").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    (p,) = _problems(_params(tiny_project, participants=f"deltagare{suffix}"))
    assert p.note("sv") == (f"filtypen '{suffix}' kan inte läsas; förväntat en Excel-arbetsbok (.xlsx, .xlsm) eller en "
                            "textfil (.csv, .txt, .tsv): öppna arbetsboken i Excel (eller LibreOffice) och spara den som "
                            "Excel-arbetsbok (.xlsx)")


def test_a_pdf_is_not_told_to_be_saved_as_a_workbook(tiny_project):
    data = tiny_project.dir / "data"
    (data / "deltagare.pdf").write_bytes(b"%PDF-1.7\n")
    (p,) = _problems(_params(tiny_project, participants="deltagare.pdf"))
    assert p.note("sv") == ("filtypen '.pdf' kan inte läsas; förväntat en Excel-arbetsbok (.xlsx, .xlsm) eller en textfil "
                            "(.csv, .txt, .tsv)")


def test_a_workbook_saved_as_strict_open_xml_is_named_so(tiny_project, capsys):
    """Excel's "Strict Open XML" .xlsx uses other namespaces, which openpyxl reads as a workbook without a
    sheet: before, the message said to unhide the sheet with the data (and a warning of openpyxl's was printed)."""
    data = tiny_project.dir / "data"
    plain = data / "plain.xlsx"
    _participants(plain).save(plain)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(data / "deltagare.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            xml = zin.read(item.filename)
            for transitional, strict in STRICT_NAMESPACES:
                xml = xml.replace(transitional, strict)
            zout.writestr(item, xml)
    params = _params(tiny_project, participants="deltagare.xlsx")
    (p,) = _problems(params)
    assert p.note("sv") == ("arbetsboken är sparad i formatet Strict Open XML, som inte kan läsas; öppna den i Excel "
                            "och spara den som Excel-arbetsbok (.xlsx)")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED and "UserWarning" not in said


STRICT_NAMESPACES = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                      b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
                     (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                      b"http://purl.oclc.org/ooxml/officeDocument/relationships")]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_semicolon_csv_from_swedish_excel_is_read(encoding, tiny_project):
    data = tiny_project.dir / "data"
    lines = [";".join(COLS)] + [";".join(map(str, r)) for r in PARTICIPANT_ROWS]
    (data / "participants.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    project = et.load_project(_params(tiny_project, participants="participants.csv"))
    assert project.participants["household_type"].tolist() == [r[3] for r in PARTICIPANT_ROWS]
    noted = [w for w in project.warnings if w.key == "file.encoding_note"]
    assert len(noted) == (encoding == "cp1252")


# --- the toolkit's own workbook, as Excel opens it ----------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://x\";\"klicka\")", "+SUM(1;2)", "-2+3", "@SUM(A1)"]


@pytest.fixture(scope="module")
def written_workbook(tmp_path_factory) -> Path:
    """A tiny project rendered to its workbook alone, its goals and budget lines starting as formulas do."""
    from evaltools.publish import render
    root = tmp_path_factory.mktemp("book")
    data = root / "data"
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "budget.csv", [{"period": "2022", "category": h, "budget": 1000 * (i + 1), "actual": 900 * (i + 1)}
                                    for i, h in enumerate(HOSTILE)])
    goals = "".join(f"  - {{id: g{i}, kind: qualitative, label: '{h.replace(chr(39), chr(39) * 2)}', "
                    f"assessment: delvis, evidence: '{h.replace(chr(39), chr(39) * 2)}'}}\n" for i, h in enumerate(HOSTILE))
    (root / "bok.yaml").write_text(textwrap.dedent("""\
        id: bok
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        granted_sek: 10000
        data: {participants: data/participants.csv, budget: data/budget.csv}
        goals:
        """) + goals, encoding="utf-8")
    res = render.render_project(root / "bok.yaml", root / "reports", formats=("xlsx",))
    assert res.ok, res.error
    (book,) = (root / "reports" / "bok").glob("*.xlsx")
    return book


def test_the_written_workbook_is_one_excel_reads_as_meant(written_workbook):
    """Every sheet: a legal name of at most 31 characters, no formula, a number stored as a number with a
    number format (never text that looks like one), a date as a date cell, and a width for every column
    used; a text that starts as a formula does is text (shown as written, quoted so that editing keeps it)."""
    wb = openpyxl.load_workbook(written_workbook)
    assert len(wb.sheetnames) > 2
    for ws in wb.worksheets:
        assert 0 < len(ws.title) <= 31 and not re.search(r"[\[\]:*?/\\]", ws.title), ws.title
        widths = {k for k, d in ws.column_dimensions.items() if d.width}
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and c.row > 1:
                    assert c.number_format != "General", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not re.fullmatch(r"-?\d[\d \u00a0]*(,\d+)?( kr| %)?", c.value), (ws.title, c.coordinate)
                    assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.value), (ws.title, c.coordinate)
                    if c.value[:1] in "=+-@":
                        assert c.quotePrefix, (ws.title, c.coordinate, c.value)
                if c.value is not None:
                    assert c.column_letter in widths, (ws.title, c.column_letter)
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert set(HOSTILE) <= texts  # the goals' and budget lines' own words, kept as text
