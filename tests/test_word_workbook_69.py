"""The workbook as the förbund's controller opens it in Excel, and the Word document as the evaluator finishes it.

Excel shows a number wider than its column as "#####", however wide the text beside it: a column's width must
fit each figure as its number format shows it ("SEK 12,000", ten characters), not as its digits ("12000").
"""
from __future__ import annotations

import openpyxl
import pandas as pd

from evaltools.publish.workbook import Column, Sheet, write_workbook


def _widths(tmp_path, frame: pd.DataFrame, columns: list[Column], lang: str) -> dict[str, float]:
    sheet = Sheet("antaganden", "workbook.sheets.antaganden.title", "workbook.sheets.antaganden.description",
                  frame, columns)
    path = write_workbook(tmp_path / f"w-{lang}.xlsx", [sheet], lang, 5)
    ws = openpyxl.load_workbook(path).worksheets[-1]
    return {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}


def test_a_column_of_values_of_several_kinds_is_as_wide_as_its_widest_figure_is_shown(tmp_path):
    """The assumptions' value column holds an amount in one row and a share in the next (each row its own
    format): it was as wide as the digits "12000" and two of air, 9, and Excel showed the English
    "SEK 12,000" (10 characters) as "#####"."""
    frame = pd.DataFrame({"Namn": ["Lön", "Ränta"], "Värde": [12000.0, 0.035], "_kind": ["kr", "pct"]})
    columns = [Column("Namn"), Column("Värde", kind_from="_kind")]
    # each figure as Excel shows it, written out by hand: the widest of each language's column
    for lang, widest in (("en", "SEK 12,000"), ("sv", "12 000 kr")):
        width = _widths(tmp_path, frame, columns, lang)["Värde"]
        assert width >= len(widest) + 1, (lang, width)


def test_an_amount_column_is_as_wide_as_its_largest_amount_is_shown(tmp_path):
    """An amount column was 16 wide whatever its amounts; a loss of a hundred million kronor, shown
    "SEK −123,456,789" (16 characters), does not fit 16 with its cell's margins."""
    frame = pd.DataFrame({"Post": ["Förlust", "Vinst"], "Nuvärde": [-123_456_789.0, 5.0]})
    columns = [Column("Post"), Column("Nuvärde", kind="kr")]
    assert _widths(tmp_path, frame, columns, "en")["Nuvärde"] >= len("SEK −123,456,789") + 1
    assert _widths(tmp_path, frame, columns, "sv")["Nuvärde"] >= len("−123 456 789 kr") + 1
    # an ordinary amount column keeps its width (an amount of millions with air): nothing else moved
    small = pd.DataFrame({"Post": ["Lön"], "Nuvärde": [1_086_000.0]})
    assert _widths(tmp_path, small, columns, "sv")["Nuvärde"] == 16
