"""The workbook as the förbund's controller reads it in Excel beside the report, and the Word document as the
evaluator finishes it.

* The key figures (*Kostnad och nytta*) are a list of labelled figures, not a table of records. Excel sets a number
  at the right of its cell, and the column of values is as wide as its longest text (what a success is counted
  as): "Total kostnad, löpande priser" had its amount some sixty characters away, at the column's far edge, while
  "Uppmätt utfall" and "Nej" stood at its left beside their labels. Each value now stands at the left of its cell,
  as on the first sheet, and stays a number in its format. The list gets no filter: sorted, its rows no longer
  stood under the row saying whose figures they are ("Ledande perspektiv (nyckeltalen nedan gäller det)").
"""
from __future__ import annotations

import openpyxl
import pandas as pd

from evaltools.publish.workbook import Column, Sheet, export_report, write_workbook

from .conftest import sample_report


def _key_figures(tmp_path, pid: str):
    written = export_report(sample_report(pid), tmp_path)
    book = next(p for p in written if p.suffix == ".xlsx")
    return openpyxl.load_workbook(book)["Kostnad och nytta"]


def test_the_key_figures_stand_beside_their_labels_and_stay_numbers(tmp_path):
    ws = _key_figures(tmp_path, "timra-vagen-ut")
    rows = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    # Timrå's final report (its budget table's sum row): budget 1 276 000 kr, spent 1 128 000 kr
    assert rows["Budget, summa"].value == 1_276_000 and rows["Utfall, summa"].value == 1_128_000
    assert "kr" in rows["Utfall, summa"].number_format  # (still an amount Excel adds up, shown in kronor)
    texts = [c for c in rows.values() if isinstance(c.value, str)]
    numbers = [c for c in rows.values() if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    assert texts and len(numbers) > 10
    # every value at the left of its cell, the figures as the texts ("Uppmätt utfall", "Nej")
    assert {c.alignment.horizontal for c in texts + numbers} == {"left"}
    # (the long text that makes the column wide still wraps within it, its row's values at the top)
    long = rows["Lyckat utfall räknat som"]
    assert long.alignment.wrap_text and long.alignment.vertical == "top"


def test_the_key_figures_get_no_filter_to_sort_them_by(tmp_path):
    ws = _key_figures(tmp_path, "timra-vagen-ut")
    assert ws.max_row > 21  # (longer than a table that gets a filter)
    assert ws.auto_filter.ref is None
    assert ws.freeze_panes == "A2"  # (the headings stay in view)


def _sheet(tmp_path, listing: bool):
    frame = pd.DataFrame({"key": [f"Nyckeltal {i}" for i in range(25)], "value": list(range(1000, 1025))})
    sheet = Sheet("nyckeltal", "workbook.sheets.kostnad_nytta.title", "workbook.sheets.kostnad_nytta.description",
                  frame, [Column("key"), Column("value", kind="kr")], listing=listing)
    return openpyxl.load_workbook(write_workbook(tmp_path / f"{listing}.xlsx", [sheet], "sv", 5)).worksheets[1]


def test_a_table_of_records_keeps_its_filter_and_its_figures_at_the_right(tmp_path):
    table, listing = _sheet(tmp_path, False), _sheet(tmp_path, True)
    assert table.auto_filter.ref == "A1:B26" and listing.auto_filter.ref is None
    assert {table.cell(r, 2).alignment.horizontal for r in range(2, 27)} == {None}  # (Excel's: numbers at the right)
    assert {listing.cell(r, 2).alignment.horizontal for r in range(2, 27)} == {"left"}
    assert [listing.cell(r, 2).value for r in (2, 26)] == [1000, 1024]
