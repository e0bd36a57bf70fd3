"""Hostile or careless budget and list files the last sweep left: a small number (project year 1, or 2024.5) typed in
a period cell formatted as a date; the note of lines split by a column not read, for one such line; a heading of 300
characters; a file whose headings are on no row read (row 500, or none); a heading that is a formula with no saved
value. Each ends in one clear message naming the file, row and what to write, never wrong advice. Tiny projects in
tmp_path; expected words worked out by hand."""
from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest

import evaltools as et

from .conftest import load_problems

PROJECT = """\
    id: lyftet
    title: Lyftet
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {budget: data/NAME}
    """
HEADINGS = ["År", "Kostnadsslag", "Budget", "Utfall"]


def _params(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "lyftet.yaml"
    path.write_text(textwrap.dedent(PROJECT).replace("NAME", name), encoding="utf-8")
    return path


def _workbook(tmp_path: Path, *rows, date_cell: str | None = None) -> Path:
    """data/budget.xlsx with ``rows`` on its one sheet; ``date_cell`` formatted yyyy-mm-dd, as Excel formats a cell
    a date was once typed in."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    if date_cell is not None:
        wb.active[date_cell].number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data" / "budget.xlsx")
    return _params(tmp_path, "budget.xlsx")


# --- a small number typed in a period cell formatted as a date ---------------------------------------------------
@pytest.mark.parametrize("typed, shown, number, fix, lang", [
    (1, "1900-01-01", "1", "skriv år 1", "sv"),  # Excel's day 1 is 1900-01-01
    (2, "1900-01-02", "2", "write år 2", "en"),
    (2024.5, "1905-07-16 12:00:00", "2024,5", "skriv perioden som ett kalenderår", "sv"),  # 1899-12-30 + 2024 days
    (2024.5, "1905-07-16 12:00:00", "2024.5", "write the period as a calendar year", "en"),
])
def test_a_small_number_typed_in_a_date_cell_is_answered_with_the_number_it_holds(tmp_path, typed, shown, number, fix,
                                                                                   lang):
    """Project year 1 typed in a cell formatted as a date shows as 1900-01-01, and 2024,5 as 1905-07-16 12:00: the
    message said 'skriv 1900' / 'skriv 1905', a year the evaluator never meant."""
    params = _workbook(tmp_path, HEADINGS, [typed, "Lön coach", 480000, 455500], [2024, "Lokaler", 60000, 61200],
                       date_cell="A2")
    problems = load_problems(params, lang)
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "År", shown)]
    said = problems[0].note(lang)
    assert f" {number}" in said and fix in said
    assert "skriv 1900" not in said and "skriv 1905" not in said and "write 1900" not in said and "write 1905" not in said


# --- one cost line split by a column not read ---------------------------------------------------------------------
@pytest.mark.parametrize("lang, said_here", [
    ("sv", "(kostnadsposten 'Lön coach' 2024 på raderna 2, 3)"),
    ("en", "(the cost line 'Lön coach' 2024 on rows 2, 3)"),
])
def test_one_line_split_by_a_column_not_read_is_one_line_not_1_lines(tmp_path, lang, said_here):
    """Rows 2 and 3 are 'Lön coach' 2024 of Sundsvall and of Timrå: one line split; the note said '1 kostnadsposter,
    till exempel'."""
    params = _workbook(tmp_path, ["År", "Kommun", "Kostnadsslag", "Budget", "Utfall"],
                       [2024, "Sundsvall", "Lön coach", 300000, 290000],
                       [2024, "Timrå", "Lön coach", 200000, 195000],
                       [2024, "Sundsvall", "Lokaler", 30000, 30000])
    said = [n for n in et.load_project(params).notices if n.code == "lines_split_by"]
    assert [n.column for n in said] == ["Kommun"]
    text = said[0].note(lang)
    assert said_here in text and " 1 " not in text


# --- a heading of 300 characters ------------------------------------------------------------------------------------
def test_a_very_long_heading_is_shortened_in_the_list_of_headings(tmp_path):
    """A heading of 300 characters beside a budget without Budget was echoed in full in the list of the file's
    columns; it is cut as a cell is: its first 57 characters and an ellipsis."""
    long = "Kommentar " + "x" * 290
    params = _workbook(tmp_path, ["År", "Kostnadsslag", "Utfall", long], [2024, "Lön coach", 480000, "ok"])
    problems = [p for p in load_problems(params) if p.key == "column.missing"]
    assert [p.column for p in problems] == ["budget"]
    said = problems[0].note("sv")
    assert long not in said and "Kommentar " + "x" * 47 + "…" in said


# --- headings on no row read ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("above, lang", [(498, "sv"), (0, "en")])
def test_a_file_whose_headings_are_on_no_row_read_is_told_once(tmp_path, above, lang):
    """Headings on row 499, below 498 rows of instructions (only the first 60 rows are looked at for them), or on no
    row: it gave one 'column missing' message per column, each listing 'instruktion 0' as the file's columns."""
    rows = [[f"instruktion {i}"] for i in range(above)] + ([HEADINGS] if above else [["instruktion 0", "fyll i"]])
    params = _workbook(tmp_path, *rows, [2024, "Lön coach", 480000, 455500])
    problems = load_problems(params, lang)
    assert [p.key for p in problems] == ["column.no_heading_row"]
    said = problems[0].note(lang)
    assert "'period', 'category', 'budget'" in said and " 60 " in said and "instruktion 0" in said
    assert "instruktion 1" not in said


# --- a heading made by a formula saved without its result ---------------------------------------------------------
@pytest.mark.parametrize("formula", ['="Bud"&"get"', "=A1"])
def test_a_heading_formula_without_its_result_has_that_message_alone(tmp_path, formula):
    """openpyxl saves a formula without its result, as a program that calculates no formulas does: the heading of
    column C is unknown until Excel saves the file again. It said both that and 'kolumnen budget saknas'."""
    params = _workbook(tmp_path, ["År", "Kostnadsslag", formula, "Utfall"], [2024, "Lön coach", 480000, 455500])
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(1, "C", "cell.formula")]


def test_a_heading_formula_leaves_another_missing_column_said(tmp_path):
    """The formula spells 'Budget'; the file has no 'Kostnadsslag' either, which is still said."""
    params = _workbook(tmp_path, ["År", '="Bud"&"get"', "Utfall"], [2024, 480000, 455500])
    problems = load_problems(params)
    assert [(p.column, p.key) for p in problems] == [("B", "cell.formula"), ("category", "column.missing")]
