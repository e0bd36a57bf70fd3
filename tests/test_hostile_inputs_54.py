"""Odd and hostile input files: a CSV whose title line holds a comma above a table separated by semicolons; a workbook
written by a program (formulas without a saved result) in a column the toolkit does not read, and in one it reads; a
workbook with one other sheet named in the singular. Tiny projects in tmp_path; expected values worked out by hand
from the rows written here."""
from __future__ import annotations

import builtins
import io
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.present import narrative
from evaltools.publish import cli

from .conftest import load_problems, params_refusal

HEADER = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
PEOPLE = [["U001", "kvinna", 1990, "ensamstående", "2023-02-01", "2023-09-01", "arbete"],
          ["U002", "man", 1985, "ensamstående", "2023-03-01", "2023-10-01", "studier"],
          ["U003", "kvinna", 1979, "sambo_utan_barn", "2023-04-01", "2023-11-01", "arbete"]]


def _params(tmp_path: Path, data: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("id: udda\ntitle: Udda\nforbund: Testförbundet\nowner: Testkommun\nkind: individ\n"
                    "period: {start: 2023-01-01, planned_end: 2024-12-31}\n" + data, encoding="utf-8")
    return path


def _csv(tmp_path: Path, lines: list[str], name: str = "deltagare.csv") -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _params(tmp_path, f"data: {{participants: data/{name}}}\n")


def _rows(sep: str) -> list[str]:
    return [sep.join(HEADER), *(sep.join(str(v) for v in row) for row in PEOPLE)]


# --- 1. a title line with a comma above a table separated by semicolons --------------------------------------------
@pytest.mark.parametrize("title", ["Deltagare, Vägen ut 2024", "Deltagare, Vägen ut, uttag 2024-06-30",
                                   '"Deltagare, Vägen ut 2024"'])
def test_a_title_with_a_comma_does_not_make_the_comma_the_separator(tmp_path, title):
    """The separator was the one the first line holding any wrote most: the title's comma, so every row read as
    one cell and all seven columns were 'missing'. The header and the rows decide it; the title is skipped as a
    title row is in Excel, and the three persons are read with their seven values."""
    project = et.load_project(_csv(tmp_path, [title, *_rows(";")]))
    df = project.participants
    assert df["person_id"].tolist() == ["U001", "U002", "U003"]
    assert df["birth_year"].tolist() == [1990, 1985, 1979]
    assert df["outcome"].tolist() == ["arbete", "studier", "arbete"]


def test_decimal_commas_in_every_row_of_a_semicolon_table_do_not_make_the_comma_the_separator(tmp_path):
    """A budget separated by semicolons with a decimal comma in both amounts of every row (two commas a row, as
    many as the semicolons) and a title holding a comma: the header has no comma, so the semicolon splits one
    line more into the same cells. Budget 120 000,50 + 30 000,25 = 150 000,75 kr."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_text(
        "Budget, Vägen ut\nperiod;category;budget;actual\n2023;Lön;120000,50;110000,25\n2023;Lokaler;30000,25;"
        "29000,75\n", encoding="utf-8")
    project = et.load_project(_params(tmp_path, "data: {budget: data/budget.csv}\n"))
    assert project.budget["budget"].sum() == pytest.approx(150_000.75)
    assert project.budget["actual"].sum() == pytest.approx(139_001.00)


@pytest.mark.parametrize("sep", [",", "\t"])
def test_a_comma_or_tab_table_below_a_title_is_read_as_before(tmp_path, sep):
    """The same list separated by commas (the title's comma one of them), read as before, or by tabs, which the
    title's comma had made one cell a row as well."""
    df = et.load_project(_csv(tmp_path, ["Deltagare, Vägen ut 2024", *_rows(sep)])).participants
    assert df["sex"].tolist() == ["kvinna", "man", "kvinna"]


# --- 2. formulas without a saved result ----------------------------------------------------------------------------
def _workbook(tmp_path: Path, extra: dict[str, object], sheet: str = "Deltagare", others: tuple[str, ...] = ()) -> Path:
    """The three persons on the sheet ``sheet``, a heading 'Kommentar' in H (a column the contract does not read),
    and the cells ``extra`` ({'H2': '=A2&B2'}) as openpyxl writes a formula: without a saved result."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([*HEADER, "Kommentar"])
    for row in PEOPLE:
        ws.append(row)
    for ref, value in extra.items():
        ws[ref] = value
    for name in others:
        wb.create_sheet(name).append(["Anteckningar"])
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / "deltagare.xlsx")
    return _params(tmp_path, "data: {participants: data/deltagare.xlsx}\n")


def test_a_formula_without_its_result_in_a_column_not_read_does_not_refuse_the_file(tmp_path):
    """A helper column 'Kommentar' of formulas (=A2&" "&B2) in a workbook a script wrote: before, the whole file was
    refused for a column whose values are never read. Now the persons are read; the column is named as not read."""
    project = et.load_project(_workbook(tmp_path, {"H2": '=A2&" "&B2', "H4": "=LEN(A4)"}))
    assert project.participants["person_id"].tolist() == ["U001", "U002", "U003"]
    assert any(w.code == "unread_columns" and "'Kommentar'" in w.note("sv") for w in project.notices)


def test_a_formula_without_its_result_in_a_column_read_names_the_sheet_the_cell_and_the_fix(tmp_path):
    """The birth year of row 3 computed (=2023-38) and saved without a result, beside a formula in 'Kommentar':
    one message, for C3 on the sheet 'Deltagare', with what to do; the comment's formula says nothing."""
    problems = load_problems(_workbook(tmp_path, {"C3": "=2023-38", "H2": "=A2"}))
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "birth_year", "cell.formula")]
    sv, en = problems[0].note("sv"), problems[0].note("en")
    assert sv.startswith("cellen C3 på bladet 'Deltagare' har formeln '=2023-38'")
    assert "öppna filen i Excel och spara den igen" in sv
    assert en.startswith("the cell C3 on the sheet 'Deltagare' holds the formula '=2023-38'")
    assert "open the file in Excel and save it again" in en


def test_a_heading_mapped_by_the_params_file_is_a_column_read(tmp_path):
    """'Kommentar' read as municipality (data.columns): a formula there is a column read, and is named."""
    params = _workbook(tmp_path, {"H2": "=\"Timrå\""})
    params.write_text(params.read_text(encoding="utf-8").replace(
        "data: {participants: data/deltagare.xlsx}", "data: {participants: data/deltagare.xlsx, columns: {Kommentar: "
        "municipality}}"), encoding="utf-8")
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "Kommentar", "cell.formula")]
    assert "cellen H2 på bladet 'Deltagare'" in problems[0].note("sv")


# --- 3. one other sheet is 'bladet', several 'bladen' ---------------------------------------------------------------
def _empty_first(tmp_path: Path, others: tuple[str, ...]) -> list:
    wb = openpyxl.Workbook()
    wb.active.title = "Info"
    for name in others:
        ws = wb.create_sheet(name)
        ws.append(HEADER)
        ws.append(PEOPLE[0])
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / "d.xlsx")
    return load_problems(_params(tmp_path, "data: {participants: data/d.xlsx}\n"))


def test_one_other_sheet_is_named_in_the_singular(tmp_path):
    problems = _empty_first(tmp_path, ("Export",))
    [said] = [p for p in problems if p.key.startswith("sheet.others")]
    assert said.note("sv").startswith("arbetsboken har också bladet 'Export'; för den här filen läses bladet som heter")
    assert said.note("en").startswith("the workbook also has the sheet 'Export'; for this file the sheet named")


def test_two_other_sheets_are_named_in_the_plural(tmp_path):
    problems = _empty_first(tmp_path, ("Export", "Export 2"))
    [said] = [p for p in problems if p.key.startswith("sheet.others")]
    assert said.note("sv").startswith("arbetsboken har också bladen 'Export', 'Export 2'; för den här filen")
    assert said.note("en").startswith("the workbook also has the sheets 'Export', 'Export 2'; for this file")


# --- a params file or an evaluator's text the system will not open (open in a program that locks it) ---------------
def _locked(monkeypatch, locked: Path) -> None:
    """Opening ``locked`` fails as Windows fails it while another program holds the file."""
    real_open = builtins.open

    def held(file, *args, **kwargs):
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", held)
    monkeypatch.setattr(io, "open", held)


def test_a_params_file_that_cannot_be_opened_is_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    """The params file held by another program: validate stopped with a PermissionError's traceback. Now one line
    names the file, the system's reason and what to do, in the exit code of a refused project."""
    params = _csv(tmp_path, _rows(";"))
    _locked(monkeypatch, params)
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "Traceback" not in said.out + said.err
    assert f"{params}: 1 problem" in said.out + said.err
    assert "filen kan inte öppnas (Permission denied); stäng den om den är öppen i ett annat program" in said.out + said.err
    with pytest.raises(ParamsError) as e:
        et.load_params(params)
    assert "the file cannot be opened (Permission denied)" in e.value.message("en")


def test_an_evaluators_text_that_cannot_be_opened_is_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    """The evaluator's text held by Word or OneDrive: validate stopped with a traceback, and render said to check that
    the report folder can be written. Now the text's file is named with the reason and what to do."""
    params = _csv(tmp_path, _rows(";"))
    text = tmp_path / "text" / "p.sv.md"
    text.parent.mkdir()
    text.write_text("## Sammanfattande bedömning\n\nProjektet nådde sina mål.\n", encoding="utf-8")
    assert narrative.text_path(params, "sv") == text  # (where the report looks for it)
    _locked(monkeypatch, text)
    with pytest.raises(narrative.NarrativeError) as e:
        narrative.load(params, "sv")
    assert str(e.value) == (f"{text}: filen kan inte öppnas (Permission denied); stäng den om den är öppen i ett "
                            "annat program, och ligger den i OneDrive: högerklicka och välj 'Behåll alltid på den här "
                            "enheten' så att den finns på datorn")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "Traceback" not in said.out + said.err and f"{text}: filen kan inte öppnas" in said.out + said.err


# --- a text file of empty lines is no file of 0 bytes -------------------------------------------------------------
@pytest.mark.parametrize(("data", "size"), [(b"\r\n\r\n  \r\n", "8"), (b"\xef\xbb\xbf", "3"), (b"", None)])
def test_a_file_of_empty_lines_is_not_called_a_file_of_0_bytes(tmp_path, data, size):
    """Empty lines and spaces, or Excel's byte-order mark alone, were 'the file is empty (0 bytes)' beside a file of
    8 or 3 bytes in the evaluator's folder; now the message says what is in it. A file of 0 bytes is said as before."""
    params = _csv(tmp_path, [])
    (tmp_path / "data" / "deltagare.csv").write_bytes(data)
    [said] = load_problems(params)
    if size is None:
        assert said.key == "file.empty" and said.note("sv") == "filen är tom (0 byte); spara den igen med rubrikraden och data"
    else:
        assert said.note("sv") == (f"filen har inga uppgifter, bara tomma rader eller mellanslag ({size} byte); spara "
                                   "den igen med rubrikraden och data")
        assert f"({size} bytes)" in said.note("en")


# --- characters of no width, or that turn text around, in an id or a municipality ----------------------------------
@pytest.mark.parametrize(("column", "typed", "code"), [
    ("municipality", "\u202eåmirT", "U+202E"),   # shown 'Timrå' (turned around), and another group than Timrå
    ("municipality", "Tim\u200drå", "U+200D"),   # (one around the value is trimmed, as Excel shows it)
    ("person_id", "\u2067U002\u2069", "U+2067"),
    ("person_id", "U00\u200b2", "U+200B"),       # shown 'U002', and another person than U002
])
def test_an_id_or_municipality_with_a_character_that_does_not_show_is_refused(tmp_path, column, typed, code):
    """'U00\u200b2' was read as another person than U002 though both show 'U002' (in Excel, the report and every
    message), and a municipality written with a right-to-left override showed as 'Timrå' while it was a group of its
    own. Each is named by row, column and the character's code point (never echoed), as an invisible control
    character is."""
    rows = [list(r) for r in PEOPLE]
    header = [*HEADER, "municipality"]
    for r in rows:
        r.append("Timrå")
    rows[1][header.index(column)] = typed
    problems = load_problems(_csv(tmp_path, [";".join(header), *(";".join(map(str, r)) for r in rows)]))
    assert [(p.row, p.column, p.key) for p in problems] == [(3, column, "cell.control")]
    assert problems[0].note("sv") == (f"cellen har ett osynligt styrtecken ({code}); ta bort det (skriv in värdet igen "
                                      "eller klistra in det som oformaterad text)")


def test_a_character_of_no_width_inside_a_budget_lines_name_is_read(tmp_path):
    """A zero-width space inside a budget line's name (pasted from a web page) tells no person or group apart: read as
    it is, as Excel shows it."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_text("period;category;budget;actual\n2023;Lön\u200bcoach;400000;380000\n",
                                                  encoding="utf-8")
    budget = et.load_project(_params(tmp_path, "data: {budget: data/budget.csv}\n")).budget
    assert budget["category"].tolist() == ["Lön\u200bcoach"]


# --- a budget line beyond any project's cost -------------------------------------------------------------------------
def _budget(tmp_path: Path, amount: str, unit: str = "") -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "budget.csv").write_text(
        f"period;category;budget;actual\n2023;Lön;{amount};400000\n2023;Lokaler;100000;90000\n", encoding="utf-8")
    return _params(tmp_path, f"data: {{budget: data/budget.csv{unit}}}\n")


def test_a_budget_line_of_ten_to_the_twentieth_kronor_is_refused(tmp_path):
    """10**20 kr on a line was read, and the report said the project cost '100 000 000 000 miljarder kronor', its
    total 98 304 kr off the lines' sum (a float's digits run out). The line is named with the amount and the limit,
    one thousand million kronor."""
    [said] = load_problems(_budget(tmp_path, "99999999999999999999"))
    assert (said.row, said.column, said.key) == (2, "budget", "budget.too_large")
    assert said.note("sv").startswith("står '99999999999999999999'; 100\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000"
                                      "\u00a0000 kr på en budgetrad är mer än något projekt hos ett samordningsförbund "
                                      "kostar (över 1\u00a0000\u00a0000\u00a0000 kr)")


@pytest.mark.parametrize(("amount", "unit", "refused"), [("1000000000", "", False), ("1000000001", "", True),
                                                         ("1000000", ", amount_unit: {budget: tkr}", False),
                                                         ("2000000", ", amount_unit: {budget: tkr}", True)])
def test_the_budget_limit_is_a_thousand_million_kronor_in_the_unit_read(tmp_path, amount, unit, refused):
    """At the limit a line is read; a krona above it, or 2 000 000 tkr (2 000 million kr: kronor in a budget read in
    tkr), it is refused."""
    params = _budget(tmp_path, amount, unit)
    if refused:
        assert [p.key for p in load_problems(params)] == ["budget.too_large"]
    else:
        factor = 1000 if unit else 1
        budget = et.load_project(params).budget
        assert budget["budget"].max() == int(amount) * factor


# --- a page of text in an id or a municipality ----------------------------------------------------------------------
@pytest.mark.parametrize(("column", "limit"), [("person_id", 100), ("municipality", 50)])
def test_a_page_of_text_in_an_id_or_a_municipality_is_refused_with_its_length(tmp_path, column, limit):
    """40 000 characters in six persons' municipality were read, and the report stopped in its chart of groups with
    matplotlib's 'left cannot be >= right'; a 10 000-character id was read as a person. Each is named by row and
    column with its length and start; at the limit the value is read."""
    header = [*HEADER, "municipality"]
    rows = [[*r, "Timrå"] for r in PEOPLE]
    at = header.index(column)
    rows[0][at] = "K" * limit
    rows[1][at] = "K" * (limit + 1)
    rows[2][at] = "Lång" + "x" * 39_996
    problems = load_problems(_csv(tmp_path, [";".join(header), *(";".join(map(str, r)) for r in rows)]))
    assert [(p.row, p.column, p.key) for p in problems] == [(3, column, "cell.too_long"), (4, column, "cell.too_long")]
    assert problems[1].note("sv") == ("cellen har 40 000 tecken och börjar 'Lång" + "x" * 53 + "…'; här ryms högst "
                                      f"{limit} tecken (en kod eller ett namn, inget stycke text): korta värdet, eller "
                                      "flytta texten till en kolumn som inte läses")
    assert problems[0].note("en").startswith(f"the cell has {limit + 1} characters and begins 'KKK")


# --- a project period or data day in year 1, 1900, 2100 or 9999 ------------------------------------------------------
@pytest.mark.parametrize(("key", "day"), [("start", "0001-01-01"), ("start", "1900-01-01"), ("planned_end", "2100-01-01"),
                                          ("planned_end", "9999-12-31"), ("data_as_of", "9999-12-31")])
def test_a_project_day_outside_1990_to_2099_is_refused_not_a_traceback(tmp_path, capsys, key, day):
    """A start in year 1 or an end in 9999 stopped validate with a traceback (dateutil's 'year -9 is out of range')
    and render in the report's third cell; 1900 and 2100 were read as a project of 124 years. Each is named, with the
    days a project may have."""
    params = _csv(tmp_path, _rows(";"))
    text = params.read_text(encoding="utf-8")
    if key == "data_as_of":
        text += f"data_as_of: {day}\n"
    else:
        text = text.replace("start: 2023-01-01" if key == "start" else "planned_end: 2024-12-31", f"{key}: {day}")
    params.write_text(text, encoding="utf-8")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    where = f"period, {key}" if key != "data_as_of" else key
    assert f"{where}: står {day}; förväntat ett datum från 1990-01-01 till 2099-12-31 (ÅÅÅÅ-MM-DD)" in said.out + said.err


@pytest.mark.parametrize("day", ["1990-01-01", "2099-12-31"])
def test_the_first_and_last_project_days_are_read(tmp_path, day):
    params = _csv(tmp_path, _rows(";"))
    key = "start" if day < "2023" else "planned_end"
    params.write_text(params.read_text(encoding="utf-8").replace(
        "start: 2023-01-01" if key == "start" else "planned_end: 2024-12-31", f"{key}: {day}"), encoding="utf-8")
    assert str(getattr(et.load_params(params).period, key)) == day


def test_a_formula_without_its_result_beside_a_budgets_lines_does_not_refuse_the_budget(tmp_path):
    """A budget of the contract's columns with a column 'Kommentar' of formulas a script wrote: the budget is read
    (400 000 + 100 000 = 500 000 kr); a formula in its amounts is still named, by cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in (["period", "category", "budget", "actual", "Kommentar"], [2023, "Lön", 400000, 380000, '=B2&" 2023"'],
                [2023, "Lokaler", 100000, 90000, "=LEN(B3)"]):
        ws.append(row)
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data" / "budget.xlsx")
    params = _params(tmp_path, "data: {budget: data/budget.xlsx}\n")
    assert et.load_project(params).budget["budget"].sum() == 500_000
    ws["D3"] = "=C3*0.9"
    wb.save(tmp_path / "data" / "budget.xlsx")
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "actual", "cell.formula")]
    assert problems[0].note("sv").startswith("cellen D3 på bladet 'Budget' har formeln '=C3*0.9'")


# --- a project name longer than the system allows ---------------------------------------------------------------------
def test_a_project_name_longer_than_the_system_allows_is_no_params_file_not_a_traceback(tmp_path, capsys, monkeypatch):
    """'evaltools validate' with a name of 300 letters stopped with OSError 'File name too long' (the system refuses
    to look such a name up); load_project did the same. It is a params file that is not there, as any other name."""
    monkeypatch.setenv("EVALTOOLS_ROOT", str(tmp_path))
    (tmp_path / "params").mkdir()
    with pytest.raises(SystemExit) as e:
        cli.main(["validate", "a" * 300])
    said = capsys.readouterr()
    assert e.value.code == cli.EXIT_USAGE and "Traceback" not in said.out + said.err
    assert "ingen parameterfil" in said.err
    with pytest.raises(ParamsError):
        et.load_project(tmp_path / ("a" * 300 + ".yaml"))
    with pytest.raises(ParamsError):
        et.load_project("a" * 300)


@pytest.mark.parametrize("line", ["data: {participants: data/%s.csv}\n", "word_template: %s.docx\n"])
def test_a_data_file_or_word_template_named_longer_than_the_system_allows_is_a_file_not_found(tmp_path, line):
    """A data file or Word template of 300 letters in the params file stopped load_project with OSError 'File name
    too long'; it is a file that is not there, named in the params file's message."""
    params = _csv(tmp_path, _rows(";"))
    if line.startswith("data"):
        text = params.read_text(encoding="utf-8").replace("data: {participants: data/deltagare.csv}\n", line % ("a" * 300))
    else:
        text = params.read_text(encoding="utf-8") + line % ("b" * 300)
    params.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_project(params)
    assert len(e.value.lines) == 1 and "finns inte" in e.value.message("sv")


# --- a value or heading echoed in a message shows its invisible characters by code ----------------------------------
def test_a_value_echoed_shows_its_invisible_characters_by_code(tmp_path):
    """An outcome 'arbete' + U+202C and a heading 'sex' + U+202E were echoed as they are: the first looked like a
    valid code in the message, and the second turned the rest of the message's line around on screen. Each such
    character is written as its code."""
    header = [h + "\u202e" if h == "sex" else h for h in HEADER]
    rows = [list(r) for r in PEOPLE]
    rows[0][HEADER.index("outcome")] = "arbete\u202c"
    problems = load_problems(_csv(tmp_path, [";".join(header), *(";".join(map(str, r)) for r in rows)]))
    said = " ".join(p.text("sv") for p in problems)
    assert not set(said) & {"\u202c", "\u202e"}
    assert "står 'arbete[U+202C]'" in said
    assert "kolumnen 'sex[U+202E]' är troligen den" in said


# --- a count goal's target outside what any project can count is refused with its range ---------------------------

@pytest.mark.parametrize("target", ["-5", "1e20", "1000001"])
def test_a_count_target_below_zero_or_beyond_any_project_is_refused(tiny_project, target):
    goals = ("goals:\n  - {id: m1, kind: outcome_count, label: Till arbete, target: " + target + "}\n")
    said = params_refusal(tiny_project(goals)).replace("\u00a0", " ")
    assert "målvärde från 0 till 1 000 000 personer" in said and "target" in said


def test_a_count_target_per_year_beyond_any_project_is_refused(tiny_project):
    goals = ("goals:\n  - {id: m1, kind: participant_count, label: Inskrivna, period: calendar_year,"
             " targets: {2022: 20, 2023: 5000000}}\n")
    said = params_refusal(tiny_project(goals), "en").replace("\u00a0", " ")
    assert "targets, 2023" in said and "a target from 0 to 1 000 000 persons" in said


def test_a_count_target_of_a_million_is_still_read(tiny_project):
    goals = "goals:\n  - {id: m1, kind: participant_count, label: Inskrivna, target: 1000000}\n"
    assert et.load_params(tiny_project(goals)).goals[0].target == 1_000_000


# --- the appendix's params file as written shows a direction override by its code, not reversing the lines after it

def test_the_appendix_shows_a_direction_override_in_the_params_file_by_its_code(tiny_project):
    from evaltools.present.sections.footer import params_text
    path = tiny_project()
    text = path.read_text(encoding="utf-8").replace("title: Litet testprojekt", "title: Litet \u202etestprojekt")
    path.write_text("\ufeff" + text, encoding="utf-8")  # (saved by Notepad with a byte-order mark)
    params = et.load_params(path)
    assert params.title == "Litet testprojekt"  # (the loader removes it from the text it reads)
    shown = params_text(params)
    assert "title: Litet [U+202E]testprojekt" in shown
    assert "\u202e" not in shown and not shown.startswith(("\ufeff", "[U+FEFF]"))


# --- a data path written from the project folder, and a folder named as a data file ------------------------------

def _in_params_folder(tmp_path: Path, participants: str) -> Path:
    """A project folder laid out as the samples are (params/ and data/ side by side) whose params file names its
    participants ``participants``."""
    (tmp_path / "params").mkdir()
    (tmp_path / "data" / "mapp").mkdir(parents=True)
    (tmp_path / "data" / "deltagare.csv").write_text("person_id\nP1\n", encoding="utf-8")
    path = tmp_path / "params" / "p.yaml"
    path.write_text("id: p\ntitle: T\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
                    f"data:\n  participants: {participants}\n", encoding="utf-8")
    return path


def test_a_data_path_written_from_the_project_folder_gets_the_path_to_write(tmp_path):
    """'data/deltagare.csv' is looked for beside the params file (params/data/...); the file is in the project
    folder's data/: the message says where paths are counted from and gives '../data/deltagare.csv'."""
    said = params_refusal(_in_params_folder(tmp_path, "data/deltagare.csv"))
    assert "skriv ../data/deltagare.csv" in said and "parameterfilens egen mapp" in said


def test_a_folder_named_as_a_data_file_is_said_to_be_a_folder(tmp_path):
    said = params_refusal(_in_params_folder(tmp_path, "../data/mapp"), "en")
    assert "'../data/mapp' is a folder, not a file" in said and "../data/mapp/deltagare.xlsx" in said
    assert "does not exist" not in said


def test_a_nul_in_the_params_file_is_named_by_line_column_and_code(tmp_path):
    path = tmp_path / "p.yaml"
    # line 2, 'title: Test' is 11 characters: the NUL is the 12th
    path.write_text("id: p\ntitle: Test\x00x\nforbund: F\n", encoding="utf-8")
    said = params_refusal(path)
    assert "rad 2, kolumn 12: tecknet U+0000" in said and "?" not in said
