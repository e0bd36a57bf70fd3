"""Thirty-fifth sweep of projects unlike the samples, from files made in Excel on Windows. A participant file whose
headings lie below the rows looked at for them (under a page of instructions) or on no row is told so once, with the
headings it must have (those the params file's ``data.columns`` names, where it names them) and the first row's
cells, not once per column; a date cell holding a number beyond Excel's days (1e12) is said to hold that number, not
Excel's error value #VALUE!. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap
import warnings
from pathlib import Path

import pytest

from .conftest import load_problems

HEADINGS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
ROWS = [["P1", "kvinna", 1980, "ensamstående", dt.datetime(2024, 2, 1), dt.datetime(2024, 8, 1), "arbete"],
        ["P2", "man", 1975, "ensamstående", dt.datetime(2024, 3, 1), None, ""],
        ["P3", "man", 1985, "sambo_med_barn", dt.datetime(2024, 4, 1), None, ""]]


def _participants(path: Path, above: list[list], headings: list[str] | None, rows=ROWS) -> None:
    """The participant list as a coordinator keeps it in Excel: ``above`` (instructions) over the headings, dates as
    date cells shown ``yyyy-mm-dd``, a frozen pane under the headings."""
    import openpyxl  # (only the Excel-made projects need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    for row in above:
        ws.append(row)
    if headings is not None:
        ws.append(headings)
        ws.freeze_panes = f"A{ws.max_row + 1}"
    for row in rows:
        ws.append(row)
        for col, value in enumerate(row, 1):
            if isinstance(value, (dt.datetime, float)):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    wb.save(path)


def _params(tmp_path: Path, name: str, extra: str = "") -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: p
        title: Vägen vidare
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2024-01-01, planned_end: 2025-12-31}}
        data:
          participants: data/{name}
        """) + extra, encoding="utf-8")
    return path


# --- Task A: a participant file whose headings are on no row looked at -------------------------------------------
INSTRUCTIONS = [[f"Instruktion {i}: skriv en rad per deltagare"] for i in range(1, 66)]


@pytest.mark.parametrize("above, headings, first, lang", [
    (INSTRUCTIONS, HEADINGS, "Instruktion 1: skriv en rad per deltagare", "sv"),
    ([], None, "P1, kvinna, 1980, ensamstående, 2024-02-01, 2024-08-01, arbete", "en"),
], ids=["below-row-60", "no-heading-row"])
def test_a_participant_file_whose_headings_are_on_no_row_read_is_told_once(tmp_path, above, headings, first, lang):
    """Headings on row 66, below 65 rows of instructions (the first 60 rows are looked at), or on no row (the first
    person's row then taken for the headings): seven 'column missing' messages, each listing the first row's cells
    as the file's columns. Now one, naming the seven columns, the 60 rows, the first row's cells and data.columns."""
    _participants(tmp_path / "data" / "deltagare.xlsx", above, headings)
    problems = load_problems(_params(tmp_path, "deltagare.xlsx"), lang)
    assert [p.key for p in problems] == ["column.no_heading_row_persons"]
    said = problems[0].note(lang)
    assert ("'person_id', 'sex', 'birth_year', 'household_type', 'start_date', 'end_date', 'outcome'" in said
            and " 60 " in said and first in said and "data: columns" in said)
    assert "Instruktion 2" not in said


def test_a_participant_file_whose_own_headings_are_below_row_60_names_them(tmp_path):
    """With data.columns naming the case system's headings, the headings no row holds are those (as the params file
    has them, in lower case), and the message does not tell the evaluator to write data.columns again."""
    own = ["Personnr", "Kön", "Född", "Hushåll", "Inskriven", "Utskriven", "Avslut"]
    _participants(tmp_path / "data" / "deltagare.xlsx", INSTRUCTIONS, own)
    params = _params(tmp_path, "deltagare.xlsx", "  columns: {Personnr: person_id, Kön: sex, Född: birth_year, "
                     "Hushåll: household_type, Inskriven: start_date, Utskriven: end_date, Avslut: outcome}\n")
    problems = load_problems(params)
    assert [p.key for p in problems] == ["column.no_heading_row"]
    said = problems[0].note("sv")
    assert "'personnr', 'kön', 'född', 'hushåll', 'inskriven', 'utskriven', 'avslut'" in said
    assert "data: columns" not in said and "Instruktion 1" in said


def test_a_participant_file_with_headings_in_other_words_keeps_the_advice_to_map_them(tmp_path):
    """A file whose heading row is read but holds 'Id', 'Kön' and 'Födelseår' (person_id, sex, birth year in another
    system's words) and nothing for the rest is no file without headings: it keeps the message with the data.columns
    line to write, and the start date, end date and outcome are each missing (the household type is read as okänt)."""
    _participants(tmp_path / "data" / "deltagare.xlsx", [], ["Id", "Kön", "Födelseår", "A", "B", "C", "D"])
    problems = load_problems(_params(tmp_path, "deltagare.xlsx"))
    assert sorted((p.key, p.column) for p in problems) == [
        ("column.missing", "end_date"), ("column.missing", "outcome"), ("column.missing", "start_date"),
        ("column.own_headings_no_outcome", None)]


# --- Task A: a date cell holding a number beyond Excel's days ------------------------------------------------------
@pytest.mark.parametrize("lang, holds", [("sv", "står '1000000000000'"), ("en", "got '1000000000000'")])
def test_a_date_cell_holding_a_number_beyond_excels_days_is_said_to_hold_it(tmp_path, lang, holds):
    """A start date cell formatted as a date and holding 1e12 (a number pasted into it) was read by openpyxl as
    Excel's error #VALUE! (which the cell does not hold), and the message spoke of a formula that gave no value. Now
    it names the row (3: the headings on row 1), the column, the number and the date expected; openpyxl's warning is
    not passed on to the evaluator's screen."""
    rows = [ROWS[0], ["P2", "man", 1975, "ensamstående", 1e12, None, ""]]
    _participants(tmp_path / "data" / "deltagare.xlsx", [], HEADINGS, rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        problems = load_problems(_params(tmp_path, "deltagare.xlsx"), lang)
    assert [(p.key, p.row, p.column) for p in problems] == [("cell.bad", 3, "start_date")]
    said = problems[0].note(lang)
    assert holds in said and "2958465" in said and "#VALUE!" not in said
