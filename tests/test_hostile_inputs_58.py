"""Odd and hostile inputs against a budget's 'varav' rows, cost lines grouped under their financiers' names, share
goals written 'från X % till Y %', data_as_of and the analysis plan's heading: each a tiny project written in
tmp_path, as an evaluator's Excel or a careless params file holds it. Expected values are worked out by hand from the
rows written here."""
from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data import budget_shapes

from .conftest import load_problems

HEAD = """\
id: hostile58
title: Etableringslyftet
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2023-09-01, planned_end: 2025-08-31}
granted_sek: 2000000
"""
BUDGET = "data: {budget: data/budget.xlsx}\n"


def _params(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "hostile58.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


def _sheet(tmp_path: Path, rows: list[list]) -> Path:
    """A one-sheet budget workbook, its header on the first row, as the rows are given."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in rows:
        ws.append(row)
    (tmp_path / "data").mkdir(exist_ok=True)
    path = tmp_path / "data" / "budget.xlsx"
    wb.save(path)
    return path


WIDE = ["Kostnadsslag", "Finansiär", "Budget 2023/24", "Utfall 2023/24"]
LONG = ["År", "Kostnadsslag", "Finansiär", "Budget", "Utfall"]


# --- 1. a varav row with no cost line above it ---------------------------------------------------------------------
@pytest.mark.parametrize("rows, at", [
    # the table's first row: no line above it to be a part of
    ([WIDE, ["varav tolk", "förbund", 100_000, 90_000], ["Jobbcoacher", "förbund", 1_000_000, 900_000]], 2),
    # under the total row: the total is no line either
    ([WIDE, ["Jobbcoacher", "förbund", 1_000_000, 900_000], ["Summa", None, 1_000_000, 900_000],
      ["varav tolk", "förbund", 100_000, 90_000]], 4),
    # a layout with a row per year: the same
    ([LONG, ["år 1", "varav tolk", "förbund", 100_000, 90_000], ["år 1", "Jobbcoacher", "förbund", 1_000_000, 900_000]],
     2),
])
def test_a_varav_row_without_a_line_above_it_is_refused(tmp_path, rows, at):
    """Read as a part of the line above it, a varav row with no line above had its 90 000 kr counted nowhere: the cost
    was 900 000 kr without a word. Refused, naming its row and its name."""
    before = _sheet(tmp_path, rows).read_bytes()
    problems = load_problems(_params(tmp_path, BUDGET))
    (pr,) = [p for p in problems if p.key == "budget.part_no_line"]
    assert pr.row == at and pr.column == "Kostnadsslag"
    said = " ".join(pr.text("sv").split())
    assert "rad " + str(at) in said and "står 'varav tolk', en varav-rad utan kostnadspost direkt ovanför sig" in said
    assert "holds 'varav tolk', a 'varav' (of which) row with no cost line" in " ".join(pr.text("en").split())
    assert (tmp_path / "data" / "budget.xlsx").read_bytes() == before  # the input never modified


@pytest.mark.parametrize("name", ["VARAV: tolk", "Of which: interpreters", "  - därav resor"])
def test_varav_rows_in_a_row_in_any_case_are_parts_of_the_line_above(tmp_path, name):
    """Two varav rows under one line (100 000 + 40 000 kr) are both parts of it: the cost is the lines', 900 000 +
    450 000 = 1 350 000 kr, and a total of the lines (1 350 000) is right."""
    _sheet(tmp_path, [WIDE, ["Jobbcoacher", "förbund", 1_000_000, 900_000], [name, "förbund", 120_000, 100_000],
                      ["varav OH", "förbund", 50_000, 40_000], ["SFI-samordnare", "kommun", 450_000, 450_000],
                      ["Summa", None, 1_450_000, 1_350_000]])
    p = et.load_project(_params(tmp_path, BUDGET))
    assert float(p.budget["actual"].sum()) == 1_350_000
    assert list(p.budget["category"]) == ["Jobbcoacher", "SFI-samordnare"]


# --- 2. financier headings filled in with 0 or a dash, or written in English -----------------------------------------
@pytest.mark.parametrize("empty", [0, "0", "-", "–", "0,00"])
def test_financier_headings_with_zero_or_a_dash_are_headings_all_the_same(tmp_path, empty):
    """'Förbundet' and 'Kommunen' rows whose amounts are typed 0 or a dash (Excel's accounting format shows 0 so) were
    read as cost lines of 0 kr, and every line booked on the förbund (SFI-samordnare's 450 000 kr too), or their
    dashes refused as amounts to correct. Refused once as headings, rows 2 and 4, and nothing else."""
    _sheet(tmp_path, [["Kostnadsslag", "Budget 2023/24", "Utfall 2023/24"], ["Förbundet", empty, empty],
                      ["Jobbcoacher", 1_000_000, 900_000], ["Kommunen", empty, empty], ["SFI-samordnare", 450_000, 450_000]])
    (pr,) = load_problems(_params(tmp_path, BUDGET))
    assert pr.key == "budget.financier_headings" and pr.row == 2
    assert "rad 2, 4 är rubriker" in pr.text("sv") and "'Kommunen' → kommun" in pr.text("sv")


def test_financier_headings_with_zero_in_a_layout_with_a_year_column(tmp_path):
    """The same with a year column, the headings' years left empty and their amounts 0: not 'the year is empty', the
    one message on headings."""
    _sheet(tmp_path, [["År", "Kostnadsslag", "Budget", "Utfall"], [None, "Förbundet", 0, 0],
                      ["år 1", "Jobbcoacher", 1_000_000, 900_000], [None, "Kommunen", "-", "-"],
                      ["år 1", "SFI-samordnare", 450_000, 450_000]])
    (pr,) = load_problems(_params(tmp_path, BUDGET))
    assert pr.key == "budget.financier_headings" and "rad 2, 4 är rubriker" in pr.text("sv")


def test_financier_headings_in_english_are_read_as_headings(tmp_path):
    """A follow-up written for an English-speaking board: its headings were read as nothing, all 900 000 + 450 000 +
    300 000 kr booked on the förbund."""
    _sheet(tmp_path, [["Cost item", "Budget 2023/24", "Outturn 2023/24"], ["Coordination association"],
                      ["Job coaches", 1_000_000, 900_000], ["The municipality's co-financing"],
                      ["SFI coordinator", 450_000, 450_000], ["Public Employment Service"],
                      ["Employment officer", 300_000, 300_000]])
    problems = load_problems(_params(tmp_path, BUDGET), "en")
    (pr,) = [p for p in problems if p.key == "budget.financier_headings"]
    said = " ".join(pr.text("en").split())
    assert said.count("→") == 3 and "rows 2, 4, 6 are headings" in said
    assert ("'Coordination association' → förbund; 'The municipality’s co-financing' → kommun; "
            "'Public Employment Service' → arbetsförmedlingen") in said


@pytest.mark.parametrize("name, code", [("Municipality", "kommun"), ("Region's contribution", "region"),
                                        ("The Social Insurance Agency", "försäkringskassan"),
                                        ("Own contribution", "egen"), ("Municipal staff", None),
                                        ("Employment service officer", None)])
def test_english_financier_heading_names(name, code):
    assert budget_shapes.financier_heading(name) == code


@pytest.mark.parametrize("cell, empty", [("", True), (None, True), (0, True), ("0", True), ("0,00", True),
                                         (" - ", True), ("—", True), ("0 kr", True), ("5", False), ("ca 0", False),
                                         (12.5, False)])
def test_a_heading_rows_empty_amount(cell, empty):
    assert budget_shapes.no_amount(cell) is empty
