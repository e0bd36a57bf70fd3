"""What Excel and a Swedish evaluator's habits put in the files, one thing at a time: amounts typed with a point
between thousands and a decimal comma ("1.234,50", "12.000"); a time of day alone, Excel's 0 and its 1900-02-29
(the number 60) in a date column; rows hidden by a height of 0 and hidden rows named in one message; a SUS
report covering several insatser; and the ``data.codes`` line given with the ``data.columns`` line in the first
``validate``. Each must read correctly (the figures checked by hand) or end in one clear message naming file,
row, column and value, never a traceback, the input file never changed."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.reading import row_ranges
from evaltools.data.validation import _parse_amount
from evaltools.publish import cli

from .conftest import PARTICIPANT_ROWS, participants_frame, write_csv, params_with_files as _params, load_problems as _problems
from .test_sus_export import COLUMNS, CODES, ROWS, sus_project

COLS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. a point between thousands, a decimal comma ----------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1.234,50", 1234.5),        # a point between thousands, a decimal comma: one reading only
    ("12.000,00", 12000.0),
    ("1.234.567", 1234567.0),    # two points: no decimal has two
    ("-1.200,50", -1200.5),
    ("1.234,50 kr", 1234.5),     # with its currency, as before
    ("1,234.50", 1234.5),        # the English habit: commas between thousands, a decimal point
    ("8 500,50", 8500.5),        # as before
    ("12.5", 12.5),              # a decimal point alone, as before
    ("1234.567", 1234.567),      # four digits before the point: no thousand is written so
    ("0.125", 0.125),            # nor with a 0 before the point
    ("150,1250", 150.125),       # a decimal comma with four decimals (three alone, '150,125', may be a thousand)
])
def test_amounts_written_with_points_between_thousands_read_as_the_one_number_they_can_be(text, number):
    assert _parse_amount(pd.Series([text])).tolist() == [number]


@pytest.mark.parametrize("text", ["12.000", "1.234", "-1.500", "450.000 kr"])
def test_one_point_before_three_digits_is_never_read(text):
    """'12.000' is 12 000 with a point between thousands or 12 with three decimals: not read (before, 12)."""
    assert _parse_amount(pd.Series([text])).isna().all()


def test_a_negative_amount_in_parentheses_with_one_point_gets_both_readings(tiny_project):
    """'(1.200)', how the accounting format shows a negative number, with one point: -1200 or -1,2, not guessed
    (before, the hint said to write -1.200, which is read as -1,2)."""
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Rättelse", "budget": "", "actual": "(1.200)"},
    ])
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"), "en")
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "actual", "(1.200)")]
    assert problems[0].note("en").endswith("write -1200 if it is thousands, -1,2 if it is decimals")


def test_a_swedish_csv_with_points_between_thousands_reads_them_and_names_the_ambiguous_cell(tiny_project, capsys):
    data = tiny_project.dir / "data"
    rows = [("P1", "2022-01", "9.000,00"), ("P1", "2022-02", "12.000"), ("P2", "2022-02", "1.234,50")]
    path = data / "utbetalningar.csv"
    path.write_text("person_id;month;amount\n" + "".join(";".join(r) + "\n" for r in rows), encoding="cp1252")
    before = _sha(path)
    params = _params(tiny_project, participants="participants.csv", payments="utbetalningar.csv")
    problems = _problems(params)
    # only row 3's '12.000' (row 2 '9.000,00' and row 4 '1.234,50' have one reading each)
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "amount", "12.000")]
    assert problems[0].note("sv").endswith(
        " – en punkt före tre siffror kan vara tusental (12000) eller decimaler (12); det gissas inte: skriv 12000 om "
        "det är tusental, 12 om det är decimaler")
    assert problems[0].note("en").endswith(
        " – a point before three digits may separate thousands (12000) or decimals (12); it is not guessed: write "
        "12000 if it is thousands, 12 if it is decimals")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before
    # written as meant, 12000: 9 000 + 12 000 for P1 and 1 234,50 for P2
    path.write_text(path.read_text(encoding="cp1252").replace(";12.000", ";12000"), encoding="cp1252")
    project = et.load_project(params)
    assert project.payments["amount"].tolist() == [9000.0, 12000.0, 1234.5]


def test_a_number_excel_stores_is_read_as_the_number_whatever_it_shows(tiny_project):
    """An amount Excel stores as the number 1.234 (a number cell, not text) is that number: only text is
    judged for points between thousands. The text cell '1.234,50' beside it is 1 234,50."""
    data = tiny_project.dir / "data"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["person_id", "month", "amount"], ["P1", "2022-01", 9000], ["P1", "2022-02", 1.234],
                ["P2", "2022-02", "1.234,50"], ["P2", "2022-03", 12000]):
        ws.append(row)
    wb.save(data / "payments.xlsx")
    project = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"))
    assert project.payments["amount"].tolist() == [9000.0, 1.234, 1234.5, 12000.0]


def test_a_tkr_budget_of_numbers_with_three_decimals_is_read_in_a_column_per_year(tiny_project):
    """A budget in tkr with a column per year (reshaped, so with no mark of which cells Excel stored as
    numbers): the number 100.125 is 100,125 tkr, never refused as a thousand written with a point."""
    data = tiny_project.dir / "data"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kostnadsslag", "Budget 2022", "Utfall 2022"])
    ws.append(["Lön", 100.125, 90.5])
    wb.save(data / "budget.xlsx")
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n  budget: data/budget.xlsx\n"
                                     "  amount_unit: tkr\n")
    budget = et.load_project(params).budget
    # 100,125 tkr = 100 125 kr budgeted, 90,5 tkr = 90 500 kr spent
    assert [(r.budget, r.actual) for r in budget.itertuples()] == [(100125.0, 90500.0)]


# --- 2. a time of day alone, Excel's 0 and its 1900-02-29 in a date column ----------------------------

def _participants(path: Path) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLS)
    for r, row in enumerate(PARTICIPANT_ROWS, 2):
        for c, v in enumerate(row, 1):
            if c in (5, 6) and v:
                ws.cell(r, c, dt.datetime.fromisoformat(v)).number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, c, v if v != "" else None)
    return wb


def test_a_time_alone_excels_0_and_its_1900_02_29_are_refused_never_read_as_a_date(tiny_project):
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    ws = wb.active
    ws["E2"] = dt.time(12, 0)  # 12:00 typed in a start date: the number 0.5
    ws["E2"].number_format = "hh:mm"
    ws["F3"] = 0  # 0 under a date format (Excel shows 1900-01-00)
    ws["F3"].number_format = "yyyy-mm-dd"
    ws["F5"] = 60  # Excel's 1900-02-29, a day that never was (openpyxl reads it as 1900-02-28)
    ws["F5"].number_format = "yyyy-mm-dd"
    wb.save(path)
    before = _sha(path)
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "start_date", "12:00:00"), (3, "end_date", "00:00:00"), (5, "end_date", "1900-02-28")]
    assert problems[0].note("sv") == (
        "står '12:00:00'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – cellen har bara ett klockslag (12:00), inget "
        "datum: så visar Excel ett tal under 1 (en del av ett dygn, och 0 som 00:00); skriv datumet som ÅÅÅÅ-MM-DD")
    assert "the cell holds a time of day only (00:00), no date" in problems[1].note("en")
    assert problems[2].note("sv").endswith(
        " – ett datum före 1900-03-01 hör inte till något projekt: i Excel är det ett tal från 1 till 60 i en "
        "datumformaterad cell, och Excel räknar där med en 29 februari 1900 som aldrig fanns (talet 60), så att "
        "datumet inte kan litas på; skriv det riktiga datumet som ÅÅÅÅ-MM-DD")
    assert _sha(path) == before


@pytest.mark.parametrize(("typed", "hint"), [
    ("1900-02-29", "a date before 1900-03-01 belongs to no project"),  # no such day: Excel's own
    ("1900-01-15", "a date before 1900-03-01 belongs to no project"),
    ("1899-12-31", "the year 1899 is outside 1900–2100; is it a typo?"),
    ("12:00", "the cell holds a time of day only (12:00), no date"),
])
def test_a_date_before_march_1900_or_a_time_typed_in_a_text_file_is_refused_with_what_it_is(typed, hint, tiny_project):
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[1][5] = typed  # P2's end date
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    problems = _problems(_params(tiny_project, participants="participants.csv"), lang="en")
    assert [(p.row, p.column) for p in problems] == [(3, "end_date")]
    assert hint in problems[0].note("en")


def test_a_date_and_time_in_a_date_column_is_read_as_its_day_with_a_note(tiny_project):
    """A case system's timestamp (an Excel date-and-time cell) is its day, said once for the column."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _participants(path)
    wb.active["E3"] = dt.datetime(2022, 3, 15, 8, 30)
    wb.active["E3"].number_format = "yyyy-mm-dd hh:mm"
    wb.save(path)
    project = et.load_project(_params(tiny_project, participants="deltagare.xlsx"))
    assert project.participants.loc[project.participants["person_id"] == "P2", "start_date"].tolist() == [
        pd.Timestamp("2022-03-15")]
    (note,) = [w for w in project.warnings if w.key == "date.time_read"]
    assert note.row == 3


def test_a_date_and_time_or_a_time_alone_in_the_month_column_is_refused_with_the_month_to_write(tiny_project):
    """A payment month as a case system's timestamp (a date-and-time cell) or a time alone: refused naming the
    cell, with the month the timestamp is in to write (the month of a payment is not guessed from its day)."""
    data = tiny_project.dir / "data"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    ws.append(["P1", dt.datetime(2022, 3, 15, 8, 30), 9000])
    ws["B2"].number_format = "yyyy-mm-dd hh:mm"
    ws.append(["P1", dt.time(12, 0), 9000])
    ws["B3"].number_format = "hh:mm"
    ws.append(["P2", dt.datetime(2022, 4, 1), 9000])  # (a first of the month is its month, as before)
    ws["B4"].number_format = "yyyy-mm-dd"
    wb.save(data / "payments.xlsx")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"), "en")
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "month", "2022-03-15 08:30:00"),
                                                             (3, "month", "12:00:00")]
    assert problems[0].note("en").endswith(" – the cell holds a date and a time of day; a month is written YYYY-MM: "
                                           "write 2022-03 if that is the month the row is for")
    assert problems[1].note("sv").endswith("skriv månaden som ÅÅÅÅ-MM")


# --- 3. rows hidden by a height of 0, and hidden rows in one message ------------------------------------

def _many_participants(path: Path) -> openpyxl.Workbook:
    """Twelve enrolments (rows 2–13), one person each, as Excel saves them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLS)
    for i in range(1, 13):
        ws.append([f"P{i}", "kvinna" if i % 2 else "man", 1980, "ensamstående", dt.datetime(2022, 2, i), None, None])
        ws.cell(i + 1, 5).number_format = "yyyy-mm-dd"
    return wb


def _zero_height(path: Path, rows: list[int]) -> None:
    """Rows made 0 high (dragged shut), as Excel saves them: ht="0" customHeight="1", without hidden="1"
    (openpyxl does not write a height of 0 itself)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode("utf-8")
                for r in rows:
                    xml, n = re.subn(rf'<row r="{r}"', f'<row r="{r}" ht="0" customHeight="1"', xml)
                    assert n == 1
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    shutil.move(tmp, path)


def test_rows_hidden_by_a_height_of_0_are_hidden_rows_named_in_one_message(tiny_project, capsys):
    path = tiny_project.dir / "data/deltagare.xlsx"
    wb = _many_participants(path)
    for r in (5, 6, 7):
        wb.active.row_dimensions[r].hidden = True
    wb.save(path)
    _zero_height(path, [8, 9, 12])  # (rows 5–7 hidden, 8, 9 and 12 0 high: 5–9 and 12)
    assert not openpyxl.load_workbook(path).active.row_dimensions[8].hidden
    before = _sha(path)
    params = _params(tiny_project, participants="deltagare.xlsx")
    problems = _problems(params)
    assert [(p.row, p.key) for p in problems] == [(None, "rows.hidden")]
    assert problems[0].note("sv") == (
        "raderna 5–9, 12 (6 rader) är dolda i Excel (dolda, bortfiltrerade, i en ihopfälld grupp eller med höjden 0) "
        "men skulle läsas in som data; visa dem och ta bort de rader som inte ska räknas")
    assert problems[0].note("en").startswith("rows 5–9, 12 (6 rows) are hidden in Excel")
    code = cli.main(["validate", str(params)])
    out = capsys.readouterr()
    said = out.out + out.err
    assert code == cli.EXIT_FAILED and said.count("dolda i Excel") == 1 and "Traceback" not in said
    assert _sha(path) == before


def test_one_row_0_high_is_the_one_hidden_row(tiny_project):
    path = tiny_project.dir / "data/deltagare.xlsx"
    _many_participants(path).save(path)
    _zero_height(path, [4])
    problems = _problems(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(4, "row.hidden")]


@pytest.mark.parametrize(("rows", "shown"), [
    ([5, 6, 7, 8, 9, 12], "5–9, 12"), ([3], "3"), ([3, 4], "3, 4"), ([12, 2, 3, 4], "2–4, 12"), ([7, 9], "7, 9")])
def test_row_numbers_are_listed_as_runs(rows, shown):
    assert row_ranges(rows) == shown


# --- 4. a SUS report of several insatser -----------------------------------------------------------------

D = dt.date
# two rows of another insats: S03 again (in 'Nästa steg' while also in 'Steget vidare', overlapping its
# first spell 2023-03-13 – 2023-05-31) and S09, who is in no row of 'Steget vidare'
OTHER = [("S03", "Man", "25-29 år", "Söderå", D(2023, 4, 3), D(2023, 12, 1), "Enligt plan", "Grundskola", "3-4 år",
          "Försörjningsstöd", "Försörjningsstöd", "Övriga", None, "Övriga", None),
         ("S09", "Kvinna", "35-39 år", "Söderå", D(2023, 4, 3), D(2023, 12, 1), "Enligt plan", "Grundskola", "3-4 år",
          "Försörjningsstöd", "Försörjningsstöd", "Övriga", None, "Övriga", None)]


def _two_insatser(tmp_path: Path, lines: str) -> Path:
    params = sus_project(tmp_path, data_lines=lines)
    path = tmp_path / "data" / "sus.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r in OTHER:
        ws.append([r[0], "Nästa steg", *r[1:]])
        for c in ws[ws.max_row]:
            if isinstance(c.value, dt.datetime):
                c.number_format = "yyyy-mm-dd"
    wb.save(path)
    return params


def test_several_insatser_without_the_key_are_one_message_listing_them_and_the_line(tmp_path):
    params = _two_insatser(tmp_path, f"  columns: {COLUMNS}\n  codes: {CODES}\n")
    problems = _problems(params)
    # one message: not S03's overlapping spells row by row
    assert [(p.row, p.column, p.key) for p in problems] == [(None, "Insats", "person.insatser")]
    # 10 rows of 'Steget vidare' (ROWS), 2 of 'Nästa steg' (OTHER); the suggestion is the project's title
    assert problems[0].note("sv").startswith(
        "deltagarfilen har rader för 2 insatser i kolumnen 'Insats': 'Steget vidare' (10 rader), 'Nästa steg' "
        "(2 rader); skriv i params-filen, under data, vilken som är projektets: insats: 'Steget vidare'")
    assert "which one is the project's: insats: 'Steget vidare'" in problems[0].note("en")


def test_the_projects_insats_is_read_and_the_others_rows_left_out_with_a_note(tmp_path):
    path = _two_insatser(tmp_path, f"  columns: {COLUMNS}\n  codes: {CODES}\n  insats: steget VIDARE\n")
    before = _sha(tmp_path / "data/sus.xlsx")
    project = et.load_project(path)
    p = project.participants
    # the 10 rows of 'Steget vidare' less its 1 'Felregistrering': 9 enrolments of 8 persons (S03 twice), as
    # without the other insats; S09 (only in 'Nästa steg') is not among them
    assert len(p) == 9 and p["person_id"].nunique() == 8 and "S09" not in set(p["person_id"])
    assert sorted(p.loc[p["person_id"] == "S03", "start_date"].dt.date) == [D(2023, 3, 13), D(2023, 10, 2)]
    (note,) = [w for w in project.warnings if w.key == "person.other_insatser"]
    assert note.note("sv") == ("deltagarfilen gäller också andra insatser ('Nästa steg'); deras 2 rader lämnades "
                               "utanför, och bara insatsen 'Steget vidare' läses")
    assert note.note("en") == ("the participants file covers other insatser too ('Nästa steg'); their 2 rows were "
                               "left out, and only the insats 'Steget vidare' is read")
    # the column read so is not named as a column left unread
    assert not [w for w in project.notices if "'Insats'" in w.note("en") and w.key != "person.other_insatser"]
    assert _sha(tmp_path / "data/sus.xlsx") == before


def test_an_insats_the_file_does_not_have_is_named_with_the_ones_it_has(tmp_path):
    problems = _problems(_two_insatser(tmp_path, f"  columns: {COLUMNS}\n  codes: {CODES}\n  insats: Stegvis\n"),
                         lang="en")
    assert [p.note("en") for p in problems] == [
        "data.insats in the params file is 'Stegvis', but the column 'Insats' has only 'Steget vidare' (10 rows), "
        "'Nästa steg' (2 rows); write one of them"]


def test_an_insats_named_for_a_file_without_the_column_is_refused(tiny_project):
    problems = _problems(tiny_project(data_block="data:\n  participants: data/participants.csv\n  insats: Steget\n"))
    assert [p.key for p in problems] == ["person.insats_no_column"]


def test_one_insats_in_the_file_needs_no_line(tmp_path):
    project = et.load_project(sus_project(tmp_path))
    assert len(project.participants) == 9  # (as test_sus_export: 10 rows, 1 'Felregistrering')
    assert not [w for w in project.warnings if "insats" in w.key]


# --- 5. the data.codes line in the same message as the data.columns line -------------------------------

def test_the_first_validate_gives_the_codes_line_with_the_columns_line_and_both_read_the_export(tmp_path):
    params = sus_project(tmp_path, data_lines="")
    [p] = _problems(params, lang="en")
    en = p.text("en")
    columns = re.search(r"under data: columns: (\{.*?\}) \(check each heading\)", en).group(1)
    codes = re.search(r"under data: codes: (\{.*\}) – the texts of the code columns", en).group(1)
    assert columns == COLUMNS
    # every text of a code column that is no code, in the file's order, each with its probable code ('?' where
    # none is known); 'Studier', 'Försörjningsstöd', 'Sjukpenning', 'Eftergymnasial' are codes and need none
    assert codes == ("{education: {'Gymnasium': gymnasial, 'Grundskola': förgymnasial, "
                     "'Grundskola ej fullföljd': förgymnasial_ej_fullföljd}, support_start: {'A-kassa': a_kassa}, "
                     "support_exit: {'Ingen offentlig försörjning': ingen_offentlig, "
                     "'Sjuk- och aktivitetsersättning': sjuk_aktivitetsersättning}, "
                     "occupation_before: {'Övriga': övrigt, 'Aktivt arbetssökande': arbetssökande}, "
                     "outcome: {'Förvärvsarbete': ?, 'Övriga': ?}}")
    assert "Skriv också, under data: codes: {education:" in p.text("sv")
    # the evaluator writes a code where it says ?, pastes both lines once, and the export reads in one more round
    codes = codes.replace("'Förvärvsarbete': ?", "'Förvärvsarbete': arbete").replace("'Övriga': ?", "'Övriga': annat")
    text = params.read_text(encoding="utf-8") + f"  columns: {columns}\n  codes: {codes}\n"
    params.write_text(text, encoding="utf-8")
    project = et.load_project(params)
    # as test_sus_export counts by hand: Förvärvsarbete -> arbete for S01, S04, S05, S08; Övriga -> annat for
    # S02, S03's first spell, S06; Studier for S03's second; S07 still enrolled
    assert project.participants["outcome"].value_counts().to_dict() == {"arbete": 4, "annat": 3, "studier": 1}


def test_the_codes_line_leaves_out_texts_already_translated(tmp_path):
    """With a data.codes already written (the columns not yet), its texts are not asked for again."""
    [p] = _problems(sus_project(tmp_path, data_lines="  codes: {education: {'Gymnasium': gymnasial}}\n"), lang="en")
    codes = re.search(r"under data: codes: (\{.*\}) – the texts", p.text("en")).group(1)
    assert codes.startswith("{education: {'Grundskola': förgymnasial, 'Grundskola ej fullföljd': ")


def test_columns_without_texts_to_translate_give_no_codes_line(tmp_path):
    rows = [tuple("" if isinstance(v, str) and i in (7, 9, 10, 11, 13) else v for i, v in enumerate(r))
            for r in ROWS]
    # (no education, försörjning or sysselsättning texts at all: nothing to translate)
    [p] = _problems(sus_project(tmp_path, data_lines="", rows=rows), lang="en")
    assert "under data: codes:" not in p.text("en")
