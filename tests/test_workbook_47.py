"""A note under a sheet printed over several pages side by side stays on the first page: merged across all
the table's columns, its text ran on over the next page, where the first column (printed again on every
page) covered it."""
from __future__ import annotations

import openpyxl
import pandas as pd

from evaltools.publish.workbook import Column, Sheet, write_workbook

# A4 lying less Excel's default side margins (0.75 inch each): 297 - 38.1 = 258.9 mm; a column of width 1 is
# 7 pixels at 96 per inch, 1.852 mm: 139.8 characters at full size, 199.7 at the smallest scale (70 %)
NOTE = "Anm. " + "en lång förklaring av tabellens siffror " * 12  # about 480 characters


def _book(tmp_path, n_columns: int):
    """A sheet of ``n_columns`` text columns 42 wide (40 characters and 2 of air) with the note under it."""
    frame = pd.DataFrame({f"Kolumn {j}": ["x" * 40] * 3 for j in range(1, n_columns + 1)})
    sheet = Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame,
                  [Column(name) for name in frame.columns], notes=(NOTE,))
    path = write_workbook(tmp_path / f"n{n_columns}.xlsx", [sheet], "sv", 5)
    return openpyxl.load_workbook(path)["Per perspektiv"]


def _note_range(ws) -> str:
    (merged,) = [str(r) for r in ws.merged_cells.ranges if ws.cell(r.min_row, r.min_col).value == NOTE]
    return merged


def test_a_note_under_a_sheet_printed_over_pages_side_by_side_is_merged_across_the_first_pages_columns(tmp_path):
    ws = _book(tmp_path, 12)
    # twelve columns, 504 characters: more than a lying page holds at 70 % (199.7), so printed over pages
    # side by side; at full size the first page holds 3 columns (126 <= 139.8 < 168), at 70 % four: the note
    # is merged across B:C (beside the first column, printed on every page), on the first page whatever the scale
    assert ws.page_setup.fitToWidth > 1 and ws.print_title_cols == "$A:$A"
    note = _note_range(ws)
    assert note.startswith("B") and note.split(":")[1].rstrip("0123456789") == "C"
    # its row as high as the note wrapped in B:C's 84 characters needs: about 480 / 84, 6 lines or more
    row = int(note.split(":")[0][1:])
    assert ws.row_dimensions[row].height >= 6 * 15 - 1


def test_a_note_under_a_sheet_printed_one_page_wide_is_merged_across_the_whole_table(tmp_path):
    ws = _book(tmp_path, 4)
    # four columns, 168 characters: within 199.7, so one page wide (made smaller): merged across A:D
    assert ws.page_setup.fitToWidth == 1
    assert _note_range(ws).split(":")[1].rstrip("0123456789") == "D"
