"""Files as evaluators have them: saved by Excel (date cells, serial dates, numbers, formulas,
hidden rows), CSV from Swedish Excel (Windows-1252, semicolons), Excel's "Unicode text"
(UTF-16 with tabs), and the Excel template written by ``evaltools new`` filled in and read back."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest

import evaltools as et
from evaltools.data import survey as SV
from evaltools.publish import cli
from evaltools.data import schema as S
from evaltools.data.errors import DataValidationError

from .conftest import PARTICIPANT_ROWS, save_formula_results

COLS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]


def _excel_participants(path, rows=PARTICIPANT_ROWS, as_dates=True, serial=False):
    """A participant sheet the way Excel saves typed dates: date cells with a date format."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLS)
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row, 1):
            if c in (5, 6) and v and as_dates:
                d = dt.date.fromisoformat(v)
                # Excel stores a date as the number of days since 1899-12-30, formatted as a date
                v = (d - dt.date(1899, 12, 30)).days if serial else dt.datetime(d.year, d.month, d.day)
                cell = ws.cell(r, c, v)
                cell.number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, c, v if v != "" else None)
    wb.save(path)
    return path


def _xlsx_params(tiny_project, name="participants.xlsx", extra=""):
    return tiny_project(extra, data_block=f"data:\n  participants: data/{name}\n")


@pytest.mark.parametrize("serial", [False, True], ids=["date cells", "serial numbers in date-formatted cells"])
def test_excel_date_cells_read_as_dates(tiny_project, serial):
    _excel_participants(tiny_project.dir / "data/participants.xlsx", serial=serial)
    df = et.load_project(_xlsx_params(tiny_project)).participants
    # PARTICIPANT_ROWS: P1 2022-02-01 – 2022-08-01; P3 has no end date
    assert df["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-02-01", "2022-03-15", "2022-06-01", "2023-01-10"]
    assert df["end_date"].isna().tolist() == [False, False, True, False]
    assert df["birth_year"].tolist() == [1980, 1975, 1990, 1968]  # stored as numbers, read as 1980 not 1980.0


def test_excel_month_cells_and_numbers_in_payments(tiny_project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    for pid, month, amount in (("P1", dt.datetime(2022, 1, 1), 9000), ("P1", dt.datetime(2022, 2, 1), 8500.5)):
        ws.append([pid, month, amount])
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm"
    wb.save(tiny_project.dir / "data/payments.xlsx")
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n  payments: data/payments.xlsx\n")
    pay = et.load_project(params).payments
    assert pay["month"].dt.strftime("%Y-%m").tolist() == ["2022-01", "2022-02"]
    assert pay["amount"].tolist() == [9000, 8500.5]


def _participants_with_formulas(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLS + ["age_formula"])
    for row in PARTICIPANT_ROWS:
        ws.append(list(row) + [None])
    ws["C2"] = "=2022-42"  # birth year computed in Excel
    ws["C3"] = "=2022-47"
    wb.save(path)
    return path


def test_formulas_with_saved_values_are_read(tiny_project):
    path = _participants_with_formulas(tiny_project.dir / "data/participants.xlsx")
    save_formula_results(path, {"C2": "1980", "C3": "1975"})
    df = et.load_project(_xlsx_params(tiny_project)).participants
    assert df["birth_year"].tolist() == [1980, 1975, 1990, 1968]


def test_formulas_without_saved_values_are_reported_not_read_as_empty(tiny_project):
    _participants_with_formulas(tiny_project.dir / "data/participants.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_xlsx_params(tiny_project))
    lines = e.value.message("en").splitlines()[1:]
    assert lines[0].endswith("participants.xlsx, row 2, column 'birth_year': the cell C2 on the sheet 'Sheet' holds the "
                             "formula '=2022-42' but no calculated value was saved with it; open the file in Excel and save it again (or paste "
                             "the values)")
    assert {(p.row, p.column) for p in e.value.problems} == {(2, "birth_year"), (3, "birth_year")}


def test_hidden_rows_are_reported(tiny_project):
    path = _excel_participants(tiny_project.dir / "data/participants.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.row_dimensions[4].hidden = True
    wb.save(path)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_xlsx_params(tiny_project))
    assert [(p.row, p.key) for p in e.value.problems] == [(4, "row.hidden")]
    assert e.value.problems[0].note("sv") == ("raden är dold i Excel (dold eller bortfiltrerad) men skulle läsas in som "
                                              "data; visa den och ta bort den om den inte ska räknas")


def test_missing_sheet_is_a_message(tiny_project):
    _excel_participants(tiny_project.dir / "data/participants.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project(data_block="data:\n  participants: data/participants.xlsx\n  excel_sheet: Deltagare\n"))
    assert e.value.message("en").splitlines()[1].endswith(
        "participants.xlsx: the workbook has no sheet 'Deltagare'; write one of its sheets under data: excel_sheet: in "
        "the params file, as the workbook spells it (sheets: 'Sheet')")


def test_windows_1252_csv_with_semicolons_loads_with_a_note(tiny_project):
    text = ("person_id;sex;birth_year;household_type;start_date;end_date;outcome;municipality\r\n"
            + "".join(";".join(map(str, r)) + ";Härnösand\r\n" for r in PARTICIPANT_ROWS))
    (tiny_project.dir / "data/participants.csv").write_bytes(text.encode("cp1252"))
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    assert project.participants["municipality"].tolist() == ["Härnösand"] * 4
    assert project.participants["outcome"].tolist()[3] == "sjuk_aktivitetsersättning"
    note = [w for w in project.warnings if w.code == "encoding"]
    assert len(note) == 1
    assert note[0].note("sv") == ("filen är inte sparad som UTF-8 och lästes som Windows-1252; kontrollera att å, ä "
                                  "och ö ser rätt ut (eller spara den som 'CSV UTF-8')")


def test_excel_unicode_text_utf16_with_tabs_loads(tiny_project):
    text = "\t".join(COLS) + "\r\n" + "".join("\t".join(map(str, r)) + "\r\n" for r in PARTICIPANT_ROWS)
    (tiny_project.dir / "data/participants.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.txt\n"))
    assert project.participants["household_type"].tolist() == [r[3] for r in PARTICIPANT_ROWS]
    assert not project.warnings


def test_utf8_with_and_without_bom(tiny_project):
    text = ",".join(COLS) + "\n" + "".join(",".join(map(str, r)) + "\n" for r in PARTICIPANT_ROWS)
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        (tiny_project.dir / "data/participants.csv").write_bytes(data)
        project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
        assert project.participants["person_id"].tolist() == ["P1", "P2", "P3", "P4"]
        assert not project.warnings


def test_person_ids_stored_as_numbers_are_noted_and_lost_zeros_refused(tiny_project):
    rows = [("00" + str(i),) + r[1:] for i, r in enumerate(PARTICIPANT_ROWS, 1)]  # ids 001 … 004 as text
    path = _excel_participants(tiny_project.dir / "data/participants.xlsx", rows=rows)
    wb = openpyxl.Workbook()
    wb.active.append(["person_id", "month", "amount"])
    wb.active.append([1, "2022-03", 9000])  # Excel turned 001 into the number 1
    wb.save(tiny_project.dir / "data/payments.xlsx")
    params = tiny_project(data_block="data:\n  participants: data/participants.xlsx\n  payments: data/payments.xlsx\n")
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    assert [p.text("en").split("payments.xlsx, ")[1] for p in e.value.problems] == [
        "row 2, column 'person_id': ids in the column person_id that the person file has only with leading zeros: 1 "
        "(row 2; the first: got '1', the person file has '001'); the zeros were lost (Excel turns 007 into 7): format "
        "the column as text and type the ids again, or export the file from the case system again"]
    assert path.exists()


TYPICAL = [
    # (column, value, Swedish message, English message) for participant row 3 (data row 2)
    ("household_type", "ensamstående med barn",
     "står 'ensamstående med barn'; förväntat en av ensamstående, ensamstående_med_barn, sambo_utan_barn, "
     "sambo_med_barn, bor_med_föräldrar, annat, okänt – det är etiketten; koden är 'ensamstående_med_barn'",
     "got 'ensamstående med barn'; expected one of ensamstående, ensamstående_med_barn, sambo_utan_barn, "
     "sambo_med_barn, bor_med_föräldrar, annat, okänt – that is the label; the code is 'ensamstående_med_barn'"),
    ("household_type", "sambo med barn",
     "står 'sambo med barn'; förväntat en av ensamstående, ensamstående_med_barn, sambo_utan_barn, sambo_med_barn, "
     "bor_med_föräldrar, annat, okänt – menar du 'sambo_med_barn'?",
     "got 'sambo med barn'; expected one of ensamstående, ensamstående_med_barn, sambo_utan_barn, sambo_med_barn, "
     "bor_med_föräldrar, annat, okänt – did you mean 'sambo_med_barn'?"),
    ("sex", "kvinan",
     "står 'kvinan'; förväntat en av kvinna, man, annat, okänt – menar du 'kvinna'?",
     "got 'kvinan'; expected one of kvinna, man, annat, okänt – did you mean 'kvinna'?"),
    ("start_date", "2022-03-15 00:00:00", None, None),  # a date cell written out by another program: accepted
    ("start_date", "15/3/2022",
     "står '15/3/2022'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – skriv 2022-03-15",
     "got '15/3/2022'; expected a date written YYYY-MM-DD – write 2022-03-15"),
    ("start_date", "44635",
     "står '44635'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – 44635 ser ut som ett datumnummer från Excel (2022-03-15): "
     "formatera cellen som datum",
     "got '44635'; expected a date written YYYY-MM-DD – 44635 looks like an Excel date serial number (2022-03-15): "
     "format the cell as a date"),
    ("end_date", "9999-12-31",
     "står '9999-12-31'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – 9999-12-31 brukar betyda 'inget slutdatum': lämna "
     "cellen tom så länge personen är inskriven",
     "got '9999-12-31'; expected a date written YYYY-MM-DD – 9999-12-31 often stands for 'no end date': leave the "
     "cell empty while the person is still enrolled"),
    ("end_date", "0222-12-01",
     "står '0222-12-01'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – året 0222 ligger utanför 1900–2100; är det ett skrivfel?",
     "got '0222-12-01'; expected a date written YYYY-MM-DD – the year 0222 is outside 1900–2100; is it a typo?"),
    ("birth_year", "1875",
     "står '1875'; förväntat ett heltal från 1900 till 2015",
     "got '1875'; expected a whole number from 1900 to 2015"),
]


@pytest.mark.parametrize("column,value,sv,en", TYPICAL, ids=[f"{c}={v}" for c, v, _s, _e in TYPICAL])
def test_typical_mistakes_word_for_word_in_both_languages(tiny_project, column, value, sv, en):
    from .conftest import participants_frame, write_csv
    df = participants_frame().astype(object)
    df.loc[1, column] = value
    write_csv(tiny_project.dir / "data/participants.csv", df)
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n")
    if sv is None:
        et.load_project(params)
        return
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    # one message for the cell, none for the outcome or dates that depend on it
    assert [(p.row, p.column) for p in e.value.problems] == [(3, column)]
    where = str(tiny_project.dir / "data/participants.csv")
    assert e.value.problems[0].text("sv") == f"{where}, rad 3, kolumn '{column}': {sv}"
    assert e.value.problems[0].text("en") == f"{where}, row 3, column '{column}': {en}"
    assert str(e.value).splitlines()[1] == f"  - {where}, rad 3, kolumn '{column}': {sv}"
    with pytest.raises(DataValidationError) as e2:
        et.load_project(params, lang="en")
    assert str(e2.value).splitlines() == [
        f"1 problem in {where}. Fix it in the file and load again; the file was not changed.",
        f"  - {where}, row 3, column '{column}': {en}"]


def test_a_bad_outcome_code_gives_one_message_not_a_second_for_the_end_date(tiny_project):
    from .conftest import participants_frame, write_csv
    df = participants_frame()
    df.loc[0, "outcome"] = "Arbete med stöd"  # the Swedish label, for P1 who has an end date
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    assert [(p.row, p.column, p.key) for p in e.value.problems] == [(2, "outcome", "cell.bad")]
    assert e.value.problems[0].note("sv").endswith("– det är etiketten; koden är 'arbete_med_stöd'")


def test_new_writes_an_excel_template_that_reads_back_once_filled(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "mall-test"]) == 0
    book = tmp_path / "data" / "mall-test" / "mall-test.xlsx"
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["participants", "payments", "budget", "responses", "questions", "earnings", "benefits", "Koder",
                            "Kolumner"]
    ws = wb["participants"]
    header = [c.value for c in ws[3]]
    assert header == [c.name for c in S.PARTICIPANTS.columns]
    assert ws["A2"].value == "P001" and ws["A2"].font.i  # the example row, in italics above the header
    assert "Rad 2 är ett exempel och läses inte in" in ws["A1"].value
    start = header.index("start_date") + 1
    # each column's format is the whole column's, as Excel stores it (a cell typed into it takes it)
    start_col = openpyxl.utils.get_column_letter(start)
    assert ws.column_dimensions[start_col].number_format == "yyyy-mm-dd" and ws.column_dimensions["A"].number_format == "@"
    assert wb["payments"].column_dimensions["B"].number_format == "yyyy-mm"
    assert ws.max_row == 3 and wb["payments"].max_row == 3, "no formatted empty rows below the header"
    # a drop-down on every code column, from the codes sheet, where each code has its Swedish label beside it
    lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    code_cols = [openpyxl.utils.get_column_letter(j + 1) for j, c in enumerate(S.PARTICIPANTS.columns) if c.kind == "code"]
    assert sorted(lists) == sorted(code_cols)
    sex_range = lists[openpyxl.utils.get_column_letter(header.index("sex") + 1)]
    sheet, cells = sex_range.split("!")
    first, last = cells.replace("$", "").split(":")
    codes_ws = wb[sheet.strip("'")]
    pairs = [(codes_ws[f"{first[0]}{r}"].value, codes_ws.cell(r, codes_ws[first].column + 1).value)
             for r in range(int(first[1:]), int(last[1:]) + 1)]
    assert pairs == [("kvinna", "Kvinna"), ("man", "Man"), ("annat", "Annat"), ("okänt", "Okänt")]
    # the column sheet explains every column of every table with the loader's own words
    explained = [(r[0].value, r[1].value, r[4].value) for r in wb["Kolumner"].iter_rows(min_row=2)]
    assert len(explained) == sum(len(t.columns) for t in (S.PARTICIPANTS, S.PAYMENTS, S.BUDGET_TABLE,
                                                          SV.RESPONSES, SV.QUESTIONS, S.EARNINGS, S.BENEFITS))
    assert ("participants", "start_date", "ett datum skrivet ÅÅÅÅ-MM-DD") in explained
    # a column that may be empty never says, in the next column, that its cell may not be empty
    rows = [[c.value for c in r] for r in wb["Kolumner"].iter_rows(min_row=2)]
    assert [r[:2] for r in rows if r[3] == "ja" and "inte vara tom" in (r[4] or "")] == []
    assert ["participants", "project_id", "nej", "ja", "valfri text eller tom cell"] in [r[:5] for r in rows]

    # fill it in as an evaluator would: typed dates become date cells, ids typed in the text column
    for r, (pid, sex, born, house, start, end, outcome) in enumerate(PARTICIPANT_ROWS, 4):
        for name, v in (("person_id", pid), ("sex", sex), ("birth_year", born), ("household_type", house),
                        ("start_date", start), ("end_date", end), ("outcome", outcome)):
            if name.endswith("_date") and v:
                v = dt.datetime.fromisoformat(v)
            ws.cell(r, header.index(name) + 1, v or None)
    pay = wb["payments"]
    pay.cell(4, 1, "P1"), pay.cell(4, 2, dt.datetime(2022, 3, 1)), pay.cell(4, 3, 9150)
    bud = wb["budget"]
    for r, row in enumerate((("2022", "Lön", 100000, 90000), ("2022", "Övrigt", 20000, 25000)), 4):
        for j, v in enumerate(row, 1):
            bud.cell(r, j, v)
    wb.save(book)
    params = tmp_path / "params" / "mall-test.yaml"
    text = params.read_text(encoding="utf-8")  # every 'FYLL I' placeholder filled in
    for key, value in (("kind", "individ"), ("title", "Malltest"), ("forbund", "Samordningsförbundet Test"),
                       ("owner", "Testkommun"), ("start", "2022-01-01"), ("planned_end", "2023-12-31"),
                       ("granted_sek", "120000")):
        text = re.sub(rf"^(\s*){key}: FYLL I.*$", rf"\g<1>{key}: {value}", text, flags=re.M)
    params.write_text(text, encoding="utf-8")
    project = et.load_project(params)
    assert project.participants["person_id"].tolist() == ["P1", "P2", "P3", "P4"]  # not the example's P001
    assert project.participants["start_date"].dt.strftime("%Y-%m-%d").tolist() == [r[4] for r in PARTICIPANT_ROWS]
    assert project.payments[["person_id", "amount"]].values.tolist() == [["P1", 9150]]
    assert project.budget["budget"].tolist() == [100000, 20000]
    # the example's payments are P1's only: P2–P4 are left out of the payment analyses, with a note
    assert [(w.key, dict(w.values)["n"]) for w in project.warnings if w.key != "budget.periods_missing"] == [
        ("payment.not_covered", 3)]
    # the budget's lines are for 2022 only, of a period 2022–2023: named too
    assert [dict(w.values)["periods_sv"] for w in project.warnings if w.key == "budget.periods_missing"] == ["2023"]
    # the three tables are sheets of one workbook: reading the project loads it once, not once per sheet
    from evaltools.data import reading
    loaded = []
    real = reading.openpyxl.load_workbook
    monkeypatch.setattr(reading.openpyxl, "load_workbook", lambda *a, **k: loaded.append(a[0]) or real(*a, **k))
    again = et.load_project(params)
    assert loaded == [book] and again.budget["budget"].tolist() == [100000, 20000]
    assert reading._WORKBOOKS is None  # let go once the project is read
