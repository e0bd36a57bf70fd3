"""The workbook's first sheet as an evaluator opens it: each value stands beside its label.

The first sheet is a list of labels and values (project, period, data up to, households, created, sources). Its
dates and counts are date and number cells, which Excel sets at the right of their cell unless told otherwise:
in a column a hundred characters wide, "Data till och med" and "Skapad" stood at one edge of the sheet and their
dates at the other, beside nothing, while the texts around them started at the label.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest

from evaltools.publish.workbook import Column, Sheet, write_workbook

ABOUT = (("Projekt", "Kompassen (fiktivt exempel)"), ("Period", "2021-01-01 – 2023-12-31"),
         ("Data till och med", dt.date(2025, 6, 30)), ("Hushåll som deltagarna bor i", 159),
         ("Skapad", dt.date(2026, 12, 6)))


def _workbook(tmp_path):
    frame = pd.DataFrame({"Kön": ["Kvinna", "Man"], "Antal": [26, 26]})
    sheet = Sheet("deltagare", "workbook.sheets.deltagare.title", "workbook.sheets.deltagare.description", frame,
                  [Column("Kön"), Column("Antal", kind="count")])
    return write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5, about=ABOUT)


def test_the_first_sheets_dates_and_counts_stand_at_the_left_beside_their_labels(tmp_path):
    ws = openpyxl.load_workbook(_workbook(tmp_path)).worksheets[0]
    values = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    # still a date and a number, as Excel reads and sorts them
    assert values["Data till och med"].is_date and values["Data till och med"].value.date() == dt.date(2025, 6, 30)
    assert values["Skapad"].is_date
    assert values["Hushåll som deltagarna bor i"].value == 159
    for label, _ in ABOUT:
        assert values[label].alignment.horizontal == "left", label
    # the sheets' table keeps numbers at the right (Excel's own): only the first sheet's list is set left
    table = openpyxl.load_workbook(_workbook(tmp_path)).worksheets[1]
    assert table["B2"].value == 26 and table["B2"].alignment.horizontal in (None, "general")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_the_date_beside_its_label(tmp_path):
    """Printed by LibreOffice Calc, the date starts where the project's name starts (column B's left edge),
    not at the right edge of the column."""
    path = _workbook(tmp_path)
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path.with_suffix(".pdf")), "-"],
                           capture_output=True, text=True, check=True).stdout
    left = {word: float(x) for x, word in re.findall(r'<word xMin="([0-9.]+)"[^>]*>([^<]+)</word>', boxes)}
    assert abs(left["2025-06-30"] - left["Kompassen"]) < 2, left
    assert abs(left["159"] - left["Kompassen"]) < 2, left
