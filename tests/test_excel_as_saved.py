"""Input as Excel and Windows really save it, one variation at a time: formulas filled down below the
data, a file Excel or OneDrive keeps locked, Excel's lock file beside an open workbook, numbers written
with the spaces a web page or PDF puts between thousands, invisible characters pasted with a value,
Excel's truth values in a yes/no column. Each must read correctly (the figures checked by hand) or
end in one clear message naming file, row, column and value, never a traceback."""
from __future__ import annotations

import builtins
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.publish import cli

from .conftest import PARTICIPANT_ROWS, participants_frame, save_formula_results, write_csv, params_with_files as _params

COLS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]


def _workbook(path: Path, rows=PARTICIPANT_ROWS, extra: dict[str, object] | None = None,
              header: list[str] = COLS) -> Path:
    """A participant sheet as Excel saves typed values: dates as date cells, numbers as numbers;
    ``extra`` sets further cells by reference ('H1': 'action_plan')."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row, 1):
            if c in (5, 6) and v:
                cell = ws.cell(r, c, dt.datetime.fromisoformat(v))
                cell.number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, c, v if v != "" else None)
    for ref, v in (extra or {}).items():
        ws[ref] = v
    wb.save(path)
    return path


def _validate(params: Path, capsys) -> tuple[int, str]:
    code = cli.main(["validate", str(params)])
    out = capsys.readouterr()
    said = out.out + out.err
    assert "Traceback" not in said, said
    return code, said


# --- formulas filled down below the data -----------------------------------------------------------

def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell(tiny_project):
    """A helper column of =OM(...;"";...) filled down past the last person, as evaluators keep them: its
    empty results are empty cells, the rows below the data are no persons, and no cell is called a formula
    without a saved value."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    extra = {"H1": "municipality"}
    for r in range(2, 6):  # the four persons: a formula that gives their municipality
        extra[f"H{r}"] = f'=IF(A{r}="","","Norrby")'
    for r in range(6, 9):  # three rows below them, every column a formula giving ""
        for c in "ABCDEFGH":
            extra[f"{c}{r}"] = f'=IF(Z{r}="","",Z{r})'
    _workbook(path, extra=extra)
    save_formula_results(path, {**{f"H{r}": "Norrby" for r in range(2, 6)},
                              **{f"{c}{r}": "" for r in range(6, 9) for c in "ABCDEFGH"}}, text=True)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["person_id"].tolist() == ["P1", "P2", "P3", "P4"]
    assert df["municipality"].tolist() == ["Norrby"] * 4


def test_a_formula_saved_without_any_result_is_still_refused_beside_ones_with_empty_text(tiny_project):
    path = tiny_project.dir / "data/deltagare.xlsx"
    _workbook(path, extra={"H1": "municipality", "H2": '=IF(A2="","","Norrby")', "H3": '=IF(A3="","","Norrby")'})
    save_formula_results(path, {"H2": ""}, text=True)  # H2 saved with its (empty) result, H3 as another program writes it
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column, p.key) for p in e.value.problems] == [(3, "municipality", "cell.formula")]


# --- a file that cannot be opened ------------------------------------------------------------------

@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_file_the_system_will_not_open_is_a_message_with_the_other_files_problems(suffix, tiny_project,
                                                                                    monkeypatch, capsys):
    """On Windows a file Excel keeps open, or one OneDrive has not downloaded, cannot be opened: the
    evaluator is told which file and what to do, with every other file's problems, never a traceback."""
    data = tiny_project.dir / "data"
    if suffix == "xlsx":
        _workbook(data / "participants.xlsx")
    else:
        write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "payments.csv", [{"person_id": "P1", "month": "2022-13", "amount": 9000}])
    locked = data / f"participants.{suffix}"
    real_open = builtins.open

    def excel_has_it(file, *args, **kwargs):
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", excel_has_it)
    monkeypatch.setattr(io, "open", excel_has_it)
    params = _params(tiny_project, participants=f"participants.{suffix}", payments="payments.csv")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED
    with pytest.raises(DataValidationError) as e:
        et.load_project(params, lang="en")
    by_key = {p.key: p for p in e.value.problems}
    assert set(by_key) == {"file.unreadable", "cell.bad"}  # the payments file's bad month too, at once
    assert by_key["file.unreadable"].file == str(locked)
    assert by_key["file.unreadable"].note("en") == (
        "the file cannot be opened (Permission denied); close it if it is open in Excel or another program, "
        "and if it is in OneDrive, right-click it and choose 'Always keep on this device' so that it is on "
        "the computer")
    assert (by_key["cell.bad"].row, by_key["cell.bad"].column) == (2, "month")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_excels_lock_file_named_in_params_is_told_apart_from_the_workbook(suffix, tiny_project, capsys):
    """``~$deltagare.xlsx`` is what Excel keeps beside ``deltagare.xlsx`` while it is open (the owner's
    name and blanks): picked in its place, the message names the file to give."""
    data = tiny_project.dir / "data"
    _workbook(data / "deltagare.xlsx")
    (data / f"~$deltagare.{suffix}").write_bytes(b"\x0bA. Andersson" + b"\x00" * 40 + b" " * 110)
    params = _params(tiny_project, participants=f"~$deltagare.{suffix}")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED
    with pytest.raises(DataValidationError) as e:
        et.load_project(params, lang="sv")
    assert [p.key for p in e.value.problems] == ["file.excel_lock"]
    assert e.value.problems[0].note("sv") == (
        f"är den låsfil Excel lägger bredvid en arbetsbok som är öppen, inte arbetsboken; ange arbetsboken "
        f"'deltagare.{suffix}' i params-filen")


def test_a_lock_file_beside_the_workbook_changes_nothing(tiny_project):
    data = tiny_project.dir / "data"
    _workbook(data / "deltagare.xlsx")
    (data / "~$deltagare.xlsx").write_bytes(b"\x0bA. Andersson" + b"\x00" * 40)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["person_id"].tolist() == ["P1", "P2", "P3", "P4"]


# --- numbers and codes as pasted ---------------------------------------------------------------------

@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u2007", " "],
                         ids=["no-break", "narrow no-break", "thin", "figure", "space"])
@pytest.mark.parametrize("how", ["xlsx", "csv"])
def test_thousands_written_with_any_space_are_read_as_the_number(space, how, tiny_project):
    """'1 234,50' as text: Swedish Excel writes a no-break space between thousands, a number copied from
    a web page or a PDF a narrow, thin or figure space; all of them show as a space."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    rows = [["person_id", "month", "amount"], ["P1", "2022-01", f"1{space}234,50"],
            ["P2", "2022-02", f"12{space}000{space}kr"]]
    if how == "xlsx":
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(data / "payments.xlsx")
    else:
        (data / "payments.csv").write_text("\r\n".join(";".join(r) for r in rows) + "\r\n", encoding="cp1252"
                                           if space in " \u00a0" else "utf-8-sig")
    pay = et.load_project(_params(tiny_project, participants="participants.csv", payments=f"payments.{how}")).payments
    assert pay["amount"].tolist() == [1234.5, 12000.0]  # 1 234,50 and 12 000 kr, by hand


def test_invisible_characters_around_a_pasted_value_are_not_part_of_it(tiny_project):
    """A zero-width space or a byte-order mark at the end of a pasted id or code: Excel shows 'P1' and 'man',
    and so they are read; otherwise the payment would belong to no participant."""
    data = tiny_project.dir / "data"
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[1][1] = "man\u200b"
    rows[0][0] = "\ufeffP1"
    write_csv(data / "participants.csv", participants_frame(rows))
    write_csv(data / "payments.csv", [{"person_id": "P1\u200b", "month": "2022-01", "amount": 9000},
                                      {"person_id": "P2\u2060", "month": "2022-02", "amount": 8000}])
    project = et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.csv"))
    assert project.participants["sex"].tolist() == ["kvinna", "man", "kvinna", "man"]
    assert project.payments["person_id"].tolist() == ["P1", "P2"]
    assert not [w for w in project.warnings if w.key.startswith("payment.unknown")]


@pytest.mark.parametrize("cell, written, code", [(True, "TRUE", "ja"), (False, "FALSE", "nej"),
                                                 ("SANT", "SANT", "ja"), ("falskt", "falskt", "nej")])
def test_excels_truth_values_in_a_yes_no_column_are_refused_with_the_code_to_write(cell, written, code, tiny_project):
    """A check box linked to a cell, or a formula, gives TRUE/FALSE (SANT/FALSKT in Swedish Excel): not
    guessed as ja or nej, but the message says it is Excel's truth value and which code to write."""
    path = _workbook(tiny_project.dir / "data/deltagare.xlsx", extra={"H1": "action_plan", "H3": cell})
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants=path.name))
    (p,) = e.value.problems
    assert (p.row, p.column) == (3, "action_plan")
    assert p.note("sv") == (f"står '{written}'; förväntat en av ja, nej, okänt – {written} är ett sanningsvärde "
                            f"från Excel (SANT/FALSKT eller TRUE/FALSE), till exempel från en kryssruta eller en "
                            f"formel, inte en kod: skriv '{code}'")


# --- a budget follow-up with its headings on two rows -------------------------------------------------

def _two_row_budget(path: Path, total_actual_2023: int, kind_over_years: bool = True) -> Path:
    """A förbund's follow-up as it is often laid out: a title merged over the table, 'Kostnadsslag' merged
    down over both header rows, 'Budget' merged over the years 2022 and 2023, 'Utfall' over the same years."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budgetuppföljning"
    ws["A1"] = "Budget och utfall, Projekt X"
    ws.merge_cells("A1:E1")
    ws["A2"] = "Kostnadsslag"
    ws.merge_cells("A2:A3")
    ws["B2"], ws["D2"] = ("Budget", "Utfall") if kind_over_years else ("2022", "2023")
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    ws["B3"], ws["C3"], ws["D3"], ws["E3"] = (2022, 2023, 2022, 2023) if kind_over_years else ("Budget", "Utfall") * 2
    for row in (["Lön", 100000, 110000, 90000, 50000], ["Övrigt", 20000, 20000, 25000, 10000],
                ["Summa", 120000, 130000, 115000, total_actual_2023]):
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("kind_over_years, total, expected", [
    # columns B-E are Budget 2022, Budget 2023, Utfall 2022, Utfall 2023: Lön 100 000 / 110 000 budgeted,
    # 90 000 / 50 000 spent; Övrigt 20 000 / 20 000 and 25 000 / 10 000; the Summa row checked and dropped
    (True, 60000, {("2022", "Lön"): (100000, 90000), ("2023", "Lön"): (110000, 50000),
                   ("2022", "Övrigt"): (20000, 25000), ("2023", "Övrigt"): (20000, 10000)}),
    # columns B-E are 2022 Budget, 2022 Utfall, 2023 Budget, 2023 Utfall: the same cells read so, Lön 100 000
    # budgeted and 110 000 spent in 2022, ...; Summa's last cell (2023 Utfall) is 50 000 + 10 000
    (False, 60000, {("2022", "Lön"): (100000, 110000), ("2023", "Lön"): (90000, 50000),
                    ("2022", "Övrigt"): (20000, 20000), ("2023", "Övrigt"): (25000, 10000)}),
], ids=["kind over years", "years over kind"])
def test_a_budget_with_its_headings_merged_over_two_rows_is_read_per_year(kind_over_years, total, expected,
                                                                            tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    _two_row_budget(data / "budget.xlsx", total, kind_over_years)
    budget = et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.xlsx")).budget
    assert {(r.period, r.category): (r.budget, r.actual) for r in budget.itertuples()} == expected


def test_a_wrong_total_under_two_header_rows_is_named_by_its_excel_row_and_heading(tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    _two_row_budget(data / "budget.xlsx", 70000)  # 50 000 + 10 000 is 60 000
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.xlsx"), lang="en")
    (p,) = e.value.problems
    assert (p.row, p.column) == (6, "Utfall 2023")  # title row 1, headings 2-3, Lön 4, Övrigt 5, Summa 6


def test_a_title_merged_over_a_header_row_of_whole_headings_is_left_as_it_is(tiny_project):
    """'Budget och utfall' merged over 'Budget 2022', 'Utfall 2022', ...: a title, not the first half of them."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Budget och utfall"
    ws.merge_cells("A1:E1")
    ws.append(["Kostnadsslag", "Budget 2022", "Utfall 2022", "Budget 2023", "Utfall 2023"])
    ws.append(["Lön", 100000, 90000, 110000, 50000])
    wb.save(data / "budget.xlsx")
    budget = et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.xlsx")).budget
    assert {(r.period, r.category): (r.budget, r.actual) for r in budget.itertuples()} == {
        ("2022", "Lön"): (100000, 90000), ("2023", "Lön"): (110000, 50000)}


# --- ids kept with their zeros by a number format ------------------------------------------------------

@pytest.mark.parametrize("number_format, shown", [("000", "007"), ('"P"000', "P007"), ("0000", "0007")])
def test_an_id_stored_as_a_number_under_a_format_of_leading_zeros_is_read_as_excel_shows_it(number_format, shown,
                                                                                           tiny_project):
    """The custom format '000' is how many keep 007 in a column of numbers: Excel shows 007, the finance
    system's file says 007, and they are the same person (no note that zeros may have been lost)."""
    data = tiny_project.dir / "data"
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[0][0] = 7
    path = _workbook(data / "deltagare.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    wb.active["A2"].number_format = number_format
    wb.save(path)
    write_csv(data / "payments.csv", [{"person_id": shown, "month": "2022-01", "amount": 9000}])
    project = et.load_project(_params(tiny_project, participants="deltagare.xlsx", payments="payments.csv"))
    assert project.participants["person_id"].tolist() == [shown, "P2", "P3", "P4"]
    assert project.payments["person_id"].tolist() == [shown]
    assert not [w for w in project.warnings if w.key == "person.id_number"]


def test_an_id_stored_as_a_number_without_such_a_format_is_still_noted(tiny_project):
    data = tiny_project.dir / "data"
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[0][0] = 7
    _workbook(data / "deltagare.xlsx", rows)
    project = et.load_project(_params(tiny_project, participants="deltagare.xlsx"))
    assert project.participants["person_id"].tolist() == ["7", "P2", "P3", "P4"]
    assert [(w.key, w.row) for w in project.warnings if w.key == "person.id_number"] == [("person.id_number", 2)]


# --- cells merged down over rows ----------------------------------------------------------------------

def test_a_value_merged_down_over_rows_is_read_in_each_row_as_excel_shows_it(tiny_project):
    """'Norrby' merged over the rows of P1 and P2, 'Södertuna' over P3 and P4: Excel shows each beside both
    persons; read otherwise, P2 and P4 would silently count as living in a municipality not known."""
    data = tiny_project.dir / "data"
    rows = [list(r) + [m] for r, m in zip(PARTICIPANT_ROWS, ["Norrby", None, "Södertuna", None])]
    path = _workbook(data / "deltagare.xlsx", rows, header=[*COLS, "municipality"])
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("H2:H3")
    wb.active.merge_cells("H4:H5")
    wb.save(path)
    df = et.load_project(_params(tiny_project, participants="deltagare.xlsx")).participants
    assert df["municipality"].tolist() == ["Norrby", "Norrby", "Södertuna", "Södertuna"]


def test_a_budget_period_merged_down_is_each_lines_period_and_an_amount_merged_down_counts_once(tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["period", "category", "budget", "actual"], [2022, "Lön", 100000, 90000],
                [None, "Lön, sociala avgifter", None, 25000], ["2023", "Lön", 100000, 50000],
                [None, "Övrigt", 20000, 10000]):
        ws.append(row)
    ws.merge_cells("A2:A3")  # the year as a number
    ws.merge_cells("A4:A5")  # the year as text
    ws.merge_cells("C2:C3")  # one budget of 100 000 for both lines of 2022
    wb.save(data / "budget.xlsx")
    budget = et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.xlsx")).budget
    assert budget["period"].tolist() == ["2022", "2022", "2023", "2023"]
    # the budget: 100 000 (2022, once) + 100 000 + 20 000 (2023) = 220 000; the utfall 90 000 + 25 000 +
    # 50 000 + 10 000 = 175 000
    assert budget["budget"].sum() == 220000
    assert budget["actual"].sum() == 175000


def test_a_csv_whose_first_line_names_its_separator_is_numbered_as_excel_shows_it(tiny_project):
    """'sep=;' on the first line (written by programs that export for Excel): Excel reads it and shows the
    header as row 1, so a message names the row Excel shows, 3 for the second person."""
    rows = [[str(v) for v in r] for r in PARTICIPANT_ROWS]
    rows[1][1] = "mann"
    text = "sep=;\r\n" + "\r\n".join(";".join(r) for r in [COLS, *rows]) + "\r\n"
    (tiny_project.dir / "data/deltagare.csv").write_text(text, encoding="utf-8-sig")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="deltagare.csv"))
    assert [(p.row, p.column, p.value) for p in e.value.problems] == [(3, "sex", "mann")]


@pytest.mark.parametrize("streams, key", [(["EncryptedInfo", "EncryptedPackage"], "file.encrypted"),
                                          (["Workbook", "SummaryInformation"], "file.old_excel")],
                         ids=["saved with a password", "an .xls renamed"])
def test_a_workbook_saved_with_a_password_or_in_the_old_format_is_named_as_such(streams, key, tiny_project):
    """Both are Compound Files (the magic number d0cf11e0a1b11ae1 and a directory of streams named in
    UTF-16), not the zip an .xlsx is: the message says which, not that the file is no workbook."""
    body = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504 + b"".join(
        name.encode("utf-16-le") + b"\x00" * (128 - 2 * len(name)) for name in streams)
    (tiny_project.dir / "data/deltagare.xlsx").write_bytes(body + b"\x00" * 2048)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="deltagare.xlsx"), lang="en")
    assert [p.key for p in e.value.problems] == [key]


# --- what the toolkit writes, when the last report is still open ---------------------------------------

def test_a_previous_workbook_that_cannot_be_read_does_not_stop_the_new_report(tmp_path, monkeypatch):
    """The last report's workbook open in Excel, or in OneDrive but not on the computer, may refuse to be
    read: the new report is still put in place (here the old one could be replaced), never a traceback."""
    import hashlib
    import json
    import os

    from evaltools.publish import render

    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    final.mkdir()
    tmp.mkdir()
    old = {"k.html": b"<old>", "k-tabeller.xlsx": b"old1"}
    for name, data in old.items():
        (final / name).write_bytes(data)
    (final / "status.json").write_text(json.dumps({
        "project_id": "k", "ok": True, "files": sorted(old),
        "sha256": {n: hashlib.sha256(d).hexdigest() for n, d in old.items()}}), encoding="utf-8")
    (tmp / "k.html").write_bytes(b"<new>")
    (tmp / "k-tabeller.xlsx").write_bytes(b"new1")  # the same size as the old: compared by content
    real_open, rename = builtins.open, Path.rename
    locked = final / "k-tabeller.xlsx"

    def no_reading(file, mode="r", *args, **kwargs):
        if Path(str(file)) == locked and "r" in mode:
            raise PermissionError(13, "The process cannot access the file", str(file))
        return real_open(file, mode, *args, **kwargs)

    def no_renaming(self, target):  # (Windows: a folder with an open file in it cannot be renamed)
        if Path(self) == final:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return rename(self, target)

    monkeypatch.setattr(builtins, "open", no_reading)
    monkeypatch.setattr(Path, "rename", no_renaming)
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "xlsx"), "sv")
    monkeypatch.undo()
    assert notes == []
    assert (final / "k.html").read_bytes() == b"<new>"
    assert (final / "k-tabeller.xlsx").read_bytes() == b"new1"
    assert not [p for p in os.listdir(final) if "redigerad" in p]  # not taken for a file edited since


# --- where the header is, and how it is written ----------------------------------------------------------

def test_a_header_row_below_a_page_of_instructions_is_found(tiny_project):
    """Twenty rows of instructions above the table (the förbund's own template): the header is found there,
    and the rows are named as Excel numbers them (the header is row 21, the second person row 23)."""
    data = tiny_project.dir / "data"
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(20):
        ws.append([f"Instruktion {i + 1}: fyll i en rad per inskrivning"])
    ws.append(COLS)
    for r in PARTICIPANT_ROWS:
        ws.append(list(r))
    ws["B23"] = "mann"
    wb.save(data / "deltagare.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="deltagare.xlsx"))
    assert [(p.row, p.column, p.value) for p in e.value.problems] == [(23, "sex", "mann")]


@pytest.mark.parametrize("heading, column", [("amount (kr)", "amount"), ("Amount\n(kr)", "amount"),
                                             ("month [ÅÅÅÅ-MM]", "month")])
def test_a_heading_with_its_unit_in_brackets_is_refused_with_the_heading_to_write(heading, column, tiny_project):
    """Not read in the column's place (the unit is the params file's), but one message names the heading, on one
    line, and the params line that reads it as the column."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([heading if c == column else c for c in ("person_id", "month", "amount")])
    ws.append(["P1", "2022-01", 9000])
    wb.save(data / "payments.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"), lang="en")
    (p,) = e.value.problems
    shown = " ".join(heading.split())
    assert p.key == "column.own_headings_file"
    assert f"columns: {{'{shown}': {column}}}" in p.note("en")


@pytest.mark.parametrize("heading, unit", [("amount (tkr)", "tkr"), ("Belopp (tkr)", "tkr"), ("Belopp (EUR)", "EUR")])
def test_a_payments_heading_in_another_unit_is_not_suggested_as_the_amount(heading, unit, tiny_project):
    """'Belopp (tkr)' pasted as the amount would read every payment a thousand times too small (the file is read in
    kr): the line to paste leaves it '?', and a message says the unit and what to write."""
    data = tiny_project.dir / "data"
    write_csv(data / "participants.csv", participants_frame())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", heading])
    ws.append(["P1", "2022-01", 9])
    wb.save(data / "payments.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="participants.csv", payments="payments.xlsx"), lang="en")
    keys = {p.key: p for p in e.value.problems}
    assert f"'{heading}': ?" in keys["column.own_headings_file"].note("en")
    said = keys["payment.heading_unit"].note("en")
    assert f"'{heading}' gives the amounts in {unit}" in said and "amount_unit: {payments: tkr}" in said


def test_a_text_longer_than_an_excel_cell_holds_is_cut_so_that_excel_opens_the_workbook_without_repair(tmp_path):
    """A budget line's name may be a page long in a CSV file; Excel holds 32 767 characters in a cell and
    calls a workbook with more damaged. The cell keeps 32 766 of them and an ellipsis; other cells are whole."""
    import pandas as pd

    from evaltools.publish.workbook import Column, Sheet, write_workbook
    long = "Lön " + "x" * 40_000
    frame = pd.DataFrame({"text": [long, "=kort"], "amount": [1.0, 2.0]})
    sheet = Sheet("t", "workbook.sheets.budget.title", "workbook.sheets.budget.description", frame,
                  [Column("text", "workbook.column.budget.category"), Column("amount", "workbook.column.budget.budget", "kr")])
    write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5)
    cells = [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx")["Budget"]["A"]]
    assert max(len(str(v)) for v in cells if v is not None) == 32767
    assert long[:32766] + "…" in cells and "=kort" in cells
