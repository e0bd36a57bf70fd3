"""The files a municipality's case system and a förbund's economy system export, as an evaluator opens, tidies and
saves them in Excel: a credit written with its minus after the number (``2 345,00-``, as Agresso, Visma and SAP
write it), a count made under the list on the same sheet after an empty row, and the messages about a payments
file's months named by the file's own headings (``Beslutsmånad``) where ``data.columns`` reads them. Each ends in one
clear message naming file, row, column and value with what to write, the input never changed, never a traceback."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.validation import _parse_amount
from evaltools.publish import cli

from .conftest import load_problems as _problems
from .conftest import params_with_files as _params


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _workbook(path: Path, sheet: str, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
        for col, value in enumerate(row, 1):
            if isinstance(value, dt.datetime):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    wb.save(path)
    return path


# --- 1. a credit written with its minus after the number ---------------------------------------------------------

@pytest.mark.parametrize("text", ["2 345,00-", "2345-", "2 345 kr-", "1 200,50 -"])
def test_a_minus_after_the_number_is_never_read(text):
    """Read as the number, a repayment would count as a payment (its sign lost); it is refused, not guessed."""
    assert _parse_amount(pd.Series([text])).isna().all()


@pytest.mark.parametrize(("text", "number"), [("450,-", 450.0), ("12 000:-", 12000.0), ("-2 345,00", -2345.0)])
def test_a_price_mark_and_a_minus_before_are_read_as_before(text, number):
    assert _parse_amount(pd.Series([text])).tolist() == [number]


def test_a_payment_with_its_minus_after_it_names_the_cell_and_the_number_to_write(tiny_project, capsys):
    path = _workbook(tiny_project.dir / "data" / "utbetalningar.xlsx", "Utbetalningar", [
        ["person_id", "payment_date", "amount"],
        ["P1", dt.datetime(2022, 1, 3), 9000],
        ["P1", dt.datetime(2022, 1, 20), "2 345,00-"],       # row 3: a repayment as Agresso writes it
        ["P2", dt.datetime(2022, 2, 3), "1 200 kr-"],        # row 4: with its currency
        ["P2", dt.datetime(2022, 2, 4), "450,-"],            # row 5: a price mark, read as 450
    ])
    before = _sha(path)
    params = _params(tiny_project, participants="participants.csv", payments="utbetalningar.xlsx")
    problems = _problems(params)
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "amount", "2 345,00-"), (4, "amount", "1 200 kr-")]
    assert problems[0].note("sv").endswith(
        " – ett minustecken efter talet är så ekonomisystem (Agresso, Visma, SAP) skriver ett negativt tal, "
        "-2345,00: skriv -2345,00 (med minustecken)")
    assert problems[1].note("en").endswith(
        " – a minus sign after the number is how economy systems (Agresso, Visma, SAP) write a negative number, "
        "-1200: write -1200 (with a minus sign)")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before


def test_a_monthly_payment_with_its_minus_after_it_says_how_a_repayment_is_read(tiny_project):
    """In a file of a row per person and month the amount is 0 or more: the credit's number to write, then how a
    repayment is read there."""
    path = tiny_project.dir / "data" / "utbetalningar.csv"
    path.write_text("person_id;month;amount\nP1;2022-01;9 000,00\nP1;2022-02;1 500,00-\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "amount", "1 500,00-")]
    note = problems[0].note("sv")
    assert " – ett minustecken efter talet är så ekonomisystem (Agresso, Visma, SAP) skriver ett negativt tal, " \
        "-1500,00 – beloppet är negativt; är det en återbetalning?" in note


# --- 2. a second table under the list ----------------------------------------------------------------------------

def test_a_count_under_the_participants_is_one_message_naming_its_rows(tiny_project, capsys):
    """Four persons on rows 2–5, an empty row 6, a title on row 7, a count by sex on rows 8–10: one message at
    row 8 naming its headings and rows 7–10, instead of an empty sex, start date ... for each of its rows."""
    header = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
    persons = [["P1", "kvinna", 1980, "ensamstående", dt.datetime(2022, 2, 1), dt.datetime(2022, 8, 1), "arbete"],
               ["P2", "man", 1975, "sambo_med_barn", dt.datetime(2022, 3, 15), dt.datetime(2022, 12, 1),
                "kvar_försörjningsstöd"],
               ["P3", "kvinna", 1990, "ensamstående_med_barn", dt.datetime(2022, 6, 1), None, None],
               ["P4", "man", 1968, "ensamstående", dt.datetime(2023, 1, 10), dt.datetime(2023, 5, 1),
                "sjuk_aktivitetsersättning"]]
    path = _workbook(tiny_project.dir / "data" / "deltagare.xlsx", "Deltagare", [
        header, *persons, [], ["Sammanställning"], ["Kön", "Antal"], ["kvinna", 2], ["man", 2]])
    before = _sha(path)
    params = _params(tiny_project, participants="deltagare.xlsx")
    problems = _problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(8, None, "rows.second_table")]
    assert problems[0].note("sv") == (
        "raden börjar en andra tabell under listan, efter en tom rad (rubrikerna 'Kön', 'Antal'); filen läses som "
        "en enda lista, så tabellens rader skulle läsas som data: flytta den till ett eget blad, eller ta bort den "
        "(raderna 7–10 lästes inte)")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before


def test_a_sum_per_person_under_the_payments_is_one_message(tiny_project):
    _workbook(tiny_project.dir / "data" / "utbetalningar.xlsx", "Utbetalningar", [
        ["person_id", "month", "amount"],
        ["P1", "2022-01", 9000], ["P1", "2022-02", 8000], ["P2", "2022-02", 12000],
        [], ["Person", "Summa"], ["P1", 17000], ["P2", 12000]])
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(6, "rows.second_table")]
    assert problems[0].note("en").endswith("(rows 6–8 were not read)")


def test_rows_after_an_empty_row_with_digits_are_read_as_before(tiny_project):
    """An empty row inside the list (persons on both sides of it) is no second table: every row read."""
    path = tiny_project.dir / "data" / "utbetalningar.xlsx"
    _workbook(path, "Utbetalningar", [["person_id", "month", "amount"], ["P1", "2022-01", 9000], [],
                                      ["P2", "2022-02", 12000], ["P1", "2022-02", 8000]])
    project = et.load_project(_params(tiny_project, participants="participants.csv", payments="utbetalningar.xlsx"))
    assert sorted(project.payments["amount"].tolist()) == [8000, 9000, 12000]


# --- 3. a payments file's months named by its own headings -------------------------------------------------------

_OWN = "  columns: {'Person': person_id, 'Beslutsmånad': month, 'Utbetalt': amount}\n"


def test_a_duplicate_month_is_named_by_the_files_heading(tiny_project):
    path = _workbook(tiny_project.dir / "data" / "utbetalningar.xlsx", "Utbetalningar", [
        ["Person", "Beslutsmånad", "Utbetalt"], ["P1", "2022-01", 1000], ["P1", "2022-01", 3000]])
    before = _sha(path)
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                     "  payments: data/utbetalningar.xlsx\n" + _OWN)
    problems = _problems(params)
    assert [(p.row, p.column, p.value, p.key) for p in problems] == [(3, "Beslutsmånad", "2022-01",
                                                                       "payment.duplicate")]
    assert _sha(path) == before


def test_a_repayment_larger_than_the_month_is_named_by_the_files_heading(tiny_project):
    _workbook(tiny_project.dir / "data" / "utbetalningar.xlsx", "Utbetalningar", [
        ["Person", "Beslutsmånad", "Utbetalt"], ["P1", "2022-01", 1000], ["P1", "2022-01", -3000]])
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                     "  payments: data/utbetalningar.xlsx\n" + _OWN)
    problems = _problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "Beslutsmånad", "payment.negative_net_month")]


def test_a_payment_dates_messages_are_named_by_the_files_heading(tiny_project):
    """A file of a row per payment read through data.columns: the month its payments sum to below 0 and a month
    outside the ten years around the project, each named by the heading 'Utbetalningsdag', not payment_date."""
    _workbook(tiny_project.dir / "data" / "utbetalningar.xlsx", "Utbetalningar", [
        ["Person", "Utbetalningsdag", "Utbetalt"],
        ["P1", dt.datetime(2022, 1, 3), 1000], ["P1", dt.datetime(2022, 1, 20), -3000],
        ["P2", dt.datetime(2002, 1, 3), 1000]])
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                     "  payments: data/utbetalningar.xlsx\n"
                                     "  columns: {'Person': person_id, 'Utbetalningsdag': payment_date, "
                                     "'Utbetalt': amount}\n")
    problems = _problems(params)
    assert sorted((p.row, p.column, p.key) for p in problems) == [(2, "Utbetalningsdag", "payment.negative_month"),
                                                                  (4, "Utbetalningsdag", "payment.month_range")]


# --- 4. an economy system's month as a budget's period ----------------------------------------------------------

def test_a_month_written_as_an_economy_system_writes_it_gets_its_year_to_write(tiny_project):
    """Raindance and Agresso write the period 202203 (March 2022): refused with the year, 2022, to write, and the
    total row under it not told to be corrected (its lines' sum without the refused line, 100 000, would differ from
    the stated 120 000 only because that line's period is unread)."""
    path = tiny_project.dir / "data" / "budget.csv"
    path.write_text("period,category,budget,actual\n2022,Lön,100000,90000\n202203,Övrigt,20000,25000\n"
                    "2022,Summa,120000,115000\n", encoding="utf-8")
    before = _sha(path)
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.column, p.value, p.key) for p in problems] == [(3, "period", "202203", "budget.period_write")]
    assert problems[0].note("sv").startswith("står '202203'; skriv 2022 (")
    assert _sha(path) == before


@pytest.mark.parametrize("period", ["202213", "202200", "20220"])
def test_six_digits_that_are_no_month_get_no_year(tiny_project, period):
    """202213 is no month: no year is offered for it (the message lists the periods that are read)."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        f"period,category,budget,actual\n2022,Lön,100000,90000\n{period},Övrigt,20000,25000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.key) for p in problems] == [(3, "budget.period")]


def test_a_total_over_lines_of_readable_periods_is_still_checked(tiny_project):
    """A refused period of 2023 leaves the total of 2022 checked: 100 000 + 20 000 is not the stated 125 000."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period,category,budget,actual\n2022,Lön,100000,90000\n2022,Övrigt,20000,25000\n"
        "2022,Summa,125000,115000\n202301,Resor,5000,4000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert sorted((p.row, p.key) for p in problems) == [(4, "budget.total"), (5, "budget.period_write")]
    total = next(p for p in problems if p.key == "budget.total")
    assert total.column == "budget" and "120 000" in total.note("sv")


# --- 5. a colour in a cell's place ------------------------------------------------------------------------------

_HEADER = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]


def _persons_with_colours(path: Path, coloured: list[str], rows: list[list] | None = None) -> Path:
    """The tiny project's four persons (P2's outcome and P4's sex left empty) on a sheet, ``coloured`` (cells as
    Excel names them, 'G3') filled green as an evaluator marks 'grön = arbete'."""
    from openpyxl.styles import PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(_HEADER)
    for row in rows or [["P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"],
                        ["P2", "man", 1975, "sambo_med_barn", "2022-03-15", "2022-12-01", None],
                        ["P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01", None, None],
                        ["P4", None, 1968, "ensamstående", "2023-01-10", "2023-05-01", "sjuk_aktivitetsersättning"]]:
        ws.append(row)
    for cell in coloured:
        ws[cell].fill = PatternFill("solid", fgColor="FF00B050")
    wb.save(path)
    return path


def test_an_empty_coloured_cell_says_a_colour_is_not_read(tiny_project, capsys):
    """P2's outcome (G3) and P4's sex (B5) are empty and green: each refused saying the colour is not read."""
    path = _persons_with_colours(tiny_project.dir / "data" / "deltagare.xlsx", ["G3", "B5"])
    before = _sha(path)
    params = _params(tiny_project, participants="deltagare.xlsx")
    problems = _problems(params)
    assert sorted((p.row, p.column, p.key) for p in problems) == [(3, "outcome", "person.no_outcome_coloured"),
                                                                  (5, "sex", "cell.empty_coloured")]
    sex = next(p for p in problems if p.column == "sex")
    assert sex.note("sv").startswith("cellen är tom men färgad; en färg läses inte")
    assert sex.note("en").startswith("the cell is empty but coloured; a colour is not read")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before


def test_an_empty_cell_without_colour_keeps_its_message(tiny_project):
    """The same empty cells, not coloured (a white fill is none): the messages as before."""
    path = _persons_with_colours(tiny_project.dir / "data" / "deltagare.xlsx", [])
    from openpyxl.styles import PatternFill
    wb = openpyxl.load_workbook(path)
    wb.active["G3"].fill = PatternFill("solid", fgColor="FFFFFFFF")
    wb.save(path)
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert sorted((p.row, p.column, p.key) for p in problems) == [(3, "outcome", "person.no_outcome"),
                                                                  (5, "sex", "cell.empty_unknown")]


def test_coloured_empty_cells_a_column_may_leave_empty_are_told_once(tiny_project):
    """P3 (row 4) is still enrolled, its end date and outcome empty and coloured (F4, G4): read as enrolled, with
    one note for the evaluator naming both cells; a coloured cell that holds a value (A2) is no such cell."""
    rows = [["P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"],
            ["P2", "man", 1975, "sambo_med_barn", "2022-03-15", "2022-12-01", "kvar_försörjningsstöd"],
            ["P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01", None, None],
            ["P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01", "sjuk_aktivitetsersättning"]]
    _persons_with_colours(tiny_project.dir / "data" / "deltagare.xlsx", ["F4", "G4", "A2"], rows)
    project = et.load_project(_params(tiny_project, participants="deltagare.xlsx"))
    (note,) = [n for n in project.notices if n.key == "cell.coloured_empty"]
    assert note.row == 4
    assert "2 tomma celler" in note.note("sv") and "4 'end_date', 4 'outcome'" in note.note("sv")
    assert project.participants["outcome"].isna().sum() == 1


def test_a_summary_under_a_budget_of_a_row_per_line_is_one_message(tiny_project):
    """Lines on rows 2–3, an empty row 4, a title on row 5 and a share per financier on rows 6–7: one message at
    row 6 (rows 5–7 not read), not 'Finansiär' and 'förbund' refused as periods."""
    path = _workbook(tiny_project.dir / "data" / "budget.xlsx", "Budget", [
        ["period", "category", "budget", "actual"], ["2022", "Lön", 100000, 90000], ["2023", "Lön", 100000, 95000],
        [], ["Fördelning per finansiär"], ["Finansiär", "Andel"], ["förbund", "100 %"]])
    before = _sha(path)
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(6, "rows.second_table")]
    assert "'Finansiär', 'Andel'" in problems[0].note("sv") and problems[0].note("sv").endswith("(raderna 5–7 lästes inte)")
    assert _sha(path) == before


def test_a_financiers_heading_row_of_dashes_after_an_empty_row_is_no_second_table(tiny_project):
    """'Kommunen' with its amounts shown as dashes under an empty row: a financier's heading row, which has its own
    message, not a second table (one cell has a letter)."""
    _workbook(tiny_project.dir / "data" / "budget.xlsx", "Budget", [
        ["period", "category", "budget", "actual"], ["2022", "Lön", 100000, 90000], [],
        ["", "Kommunen", "-", "-"], ["2023", "Lön", 100000, 95000]])
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert "rows.second_table" not in [p.key for p in problems]


# --- 6. a month written as Statistics Sweden's tables or an export writes it ---------------------------------------

@pytest.mark.parametrize(("written", "month"), [("2022 03", "2022-03"), ("2022M03", "2022-03"), ("2022m3", "2022-03"),
                                                ("202203", "2022-03"), ("2022/03", "2022-03")])
def test_a_month_written_otherwise_gets_the_month_to_write(tiny_project, written, month):
    (tiny_project.dir / "data" / "utbetalningar.csv").write_text(
        f"person_id;month;amount\nP1;2022-01;9000\nP1;{written};8000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "month", written)]
    assert problems[0].note("sv").endswith(f" – skriv {month}")


@pytest.mark.parametrize("written", ["2022 13", "2022M00", "22-03"])
def test_a_month_that_is_none_gets_no_month_to_write(tiny_project, written):
    (tiny_project.dir / "data" / "utbetalningar.csv").write_text(
        f"person_id;month;amount\nP1;2022-01;9000\nP1;{written};8000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.value) for p in problems] == [(3, written)] and " – skriv" not in problems[0].note("sv")


# --- 7. a CSV cell written as Excel's formula of a text ---------------------------------------------------------

def test_ids_written_as_excel_text_formulas_are_read_as_excel_shows_them(tiny_project):
    """A case system's CSV writes ="P1" so that Excel keeps it as text (a field quoted whole too, the P2 row). Excel
    shows P1 and P2; read as '="P1"', every payment was left out as a person the participants file lacks, validate
    passing."""
    path = tiny_project.dir / "data" / "utbetalningar.csv"
    path.write_text('person_id;month;amount\n="P1";="2022-01";="9 000"\n"=""P2""";2022-02;12000\n', encoding="utf-8")
    before = _sha(path)
    project = et.load_project(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    paid = project.payments.sort_values("person_id")
    assert paid["person_id"].tolist() == ["P1", "P2"]
    assert paid["amount"].tolist() == [9000, 12000]
    assert [m.strftime("%Y-%m") for m in paid["month"]] == ["2022-01", "2022-02"]
    assert not [w for w in project.warnings if "person_id" == w.column]
    assert _sha(path) == before


def test_a_formula_that_is_no_text_is_still_refused(tiny_project):
    (tiny_project.dir / "data" / "utbetalningar.csv").write_text(
        'person_id;month;amount\nP1;2022-01;=4500*2\n', encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "amount", "=4500*2")]


def test_a_credit_in_a_file_of_a_column_per_month_says_to_write_the_months_net(tiny_project):
    """A column per month: the repayment's advice is the month's net in its cell, not a payment_date column the
    file of a column per month cannot have."""
    (tiny_project.dir / "data" / "utbetalningar.csv").write_text(
        "person_id;2022-01;2022-02\nP1;9 000;500,00-\nP2;12 000;12 000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "2022-02", "500,00-")]
    assert problems[0].note("sv").endswith(
        "-500,00 – beloppet är negativt; i en fil med en kolumn per månad är cellen personens belopp den månaden: skriv "
        "det som betalades ut minus det som betalades tillbaka (0 eller mer); gäller återbetalningen en annan månad, "
        "dra av den där")
    assert "payment_date" not in problems[0].note("en")
