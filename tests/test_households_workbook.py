"""The workbook says the households the participants live in as page 1 and the facts table do: one count, one
rule (a number, "färre än 5", or nothing where each lives alone but for a few)."""
from __future__ import annotations

import openpyxl

import evaltools as et

from .test_households_33 import COUPLES, _page_one


def _households_cell(tmp_path):
    """The value beside "Hushåll som deltagarna bor i" in the workbook the last built report exports, or None."""
    report = et.Report(et.load_project(tmp_path / "unseen.yaml"))
    written = et.export_report(report, tmp_path / "out")
    book = openpyxl.load_workbook(next(p for p in written if str(p).endswith(".xlsx")))
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            if row and row[0] == "Hushåll som deltagarna bor i":
                return row[1]
    return None


def test_the_workbook_gives_the_households_page_one_gives(tmp_path):
    assert _page_one(tmp_path, COUPLES)[0] == "Projektet har haft 12 deltagare i 7 hushåll."
    assert _households_cell(tmp_path) == 7  # (a number cell, as Excel counts with it)


def test_few_households_are_fewer_than_five_in_the_workbook_too(tmp_path):
    assert "färre än 5 hushåll" in _page_one(tmp_path, ["H1", "H1", "H2", "H2", "H3", "H3"])[0]
    assert _households_cell(tmp_path) == "färre än 5"


def test_no_households_row_where_each_lives_alone(tmp_path):
    _page_one(tmp_path, [f"H{i}" for i in range(6)])
    assert _households_cell(tmp_path) is None
