"""The workbook as an evaluator prints it and hands it on, round 55: the notes under a wide sheet.

A sheet wider than a screen keeps its first column (what each row is: the perspective, the budget's period) frozen
on the screen and prints it again on every page side by side. Its notes stood in that first column, merged across
the columns of the first page: printed, every page after the first repeated the first column's slice of each note,
its lines cut off at the column's edge, and on the screen the frozen column's edge cut each note in two as the
reader scrolled to the right. On such a sheet the notes now stand from the second column on, beside an empty first
column, merged across the first page's other columns; on a sheet that is neither frozen at its first column nor
printed with it on every page, they stay in the first column, merged across the table.
"""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.publish.workbook import Column, Sheet, write_workbook

from .conftest import write_csv

# A4 lying less Excel's default side margins (0.75 inch each): 297 - 38.1 = 258.9 mm; a column of width 1 is
# 7 pixels at 96 per inch, 1.852 mm: 139.8 characters at full size, 199.7 at the smallest scale (70 %)
LONG = "Anm. " + "en lång förklaring av tabellens siffror " * 12  # 485 characters
SHORT = "Kort anmärkning."


def _sheet(tmp_path, n_columns: int):
    """A sheet of ``n_columns`` text columns 42 wide (40 characters and 2 of air), the two notes under it."""
    frame = pd.DataFrame({f"Kolumn {j}": ["x" * 40] * 3 for j in range(1, n_columns + 1)})
    sheet = Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame,
                  [Column(name) for name in frame.columns], notes=(SHORT, LONG))
    path = write_workbook(tmp_path / f"n{n_columns}.xlsx", [sheet], "sv", 5)
    return openpyxl.load_workbook(path)["Per perspektiv"]


def test_a_wide_sheets_notes_stand_beside_the_first_column_it_prints_on_every_page(tmp_path):
    ws = _sheet(tmp_path, 12)
    # twelve columns of 42, 504 characters: wider than a screen (160) and than a lying page at 70 % (199.7), so
    # the first column is frozen and printed on every page side by side
    assert ws.freeze_panes == "B2" and ws.print_title_cols == "$A:$A" and ws.page_setup.fitToWidth > 1
    # the table on rows 1-4, an empty row 5, the notes on rows 6 and 8: in column B, the first column empty
    assert [ws.cell(r, 2).value for r in (6, 8)] == [SHORT, LONG]
    assert all(ws.cell(r, 1).value is None for r in range(5, ws.max_row + 1))
    # no merged range reaches into the first column; the long note is merged across B:C, the columns besides
    # the first that the first page holds at full size (3 * 42 = 126 <= 139.8 < 168)
    merged = [str(r) for r in ws.merged_cells.ranges]
    assert merged == ["B8:C8"]
    assert ws["B8"].alignment.wrap_text and ws["B8"].alignment.vertical == "top"
    # its row as high as the note wrapped in 84 characters needs: 485 / 83 is more than 5, so 6 lines of 15 points
    assert ws.row_dimensions[8].height >= 6 * 15


def test_a_sheet_that_fits_the_screen_keeps_its_notes_in_the_first_column(tmp_path):
    ws = _sheet(tmp_path, 3)
    # three columns, 126 characters: within a screen, nothing frozen but the header row, no repeated column
    assert ws.freeze_panes == "A2" and ws.print_title_cols is None
    assert [ws.cell(r, 1).value for r in (6, 8)] == [SHORT, LONG]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A8:C8"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_reports_wide_sheets_keep_the_first_column_clear_under_their_tables(tiny_project, lang):
    """The tiny project's own workbook: on every sheet that prints its first column on every page, no text and no
    merged note stands in that column under the table, and every note is still on the sheet, beside it."""
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Personal", "budget": 100000, "actual": 90000, "funder": "förbund"},
        {"period": "2022", "category": "Arbetstid", "budget": 20000, "actual": 25000, "funder": "kommun"},
    ])
    report = et.Report(tiny_project(), lang=lang)
    out = tiny_project.dir / "out"
    et.export_report(report, out)
    wb = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")
    wide = [ws for ws in wb.worksheets[1:] if ws.print_title_cols]
    assert wide, "no sheet of the tiny project's workbook prints its first column on every page"
    notes_seen = 0
    for ws in wide:
        assert ws.freeze_panes == "B2", ws.title
        end = next(r for r in range(2, ws.max_row + 2) if all(c.value is None for c in ws[r]))  # the empty row
        assert all(ws.cell(r, 1).value is None for r in range(end, ws.max_row + 1)), ws.title
        assert not [m for m in ws.merged_cells.ranges if m.min_row >= end and m.min_col == 1], ws.title
        notes_seen += sum(1 for r in range(end, ws.max_row + 1) if ws.cell(r, 2).value)
    # the budget of two funders has its note under the Budget sheet (a wide sheet: its price-index columns)
    assert notes_seen >= 1
