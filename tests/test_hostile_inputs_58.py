"""Odd and hostile inputs against a budget's 'varav' rows, cost lines grouped under their financiers' names, share
goals written 'från X % till Y %', data_as_of and the analysis plan's heading: each a tiny project written in
tmp_path, as an evaluator's Excel or a careless params file holds it. Expected values are worked out by hand from the
rows written here."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data import budget_shapes

from .conftest import load_problems, params_refusal

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


def test_varav_rows_that_together_are_more_than_their_line_are_a_note(tmp_path):
    """'varav tolk' and 'varav resor', 600 000 kr each in the budget (500 000 kr each in the utfall), under
    'Jobbcoacher' of 1 000 000 kr (900 000 kr): each is smaller than the line, together they are 1 200 000 kr
    (1 000 000 kr), more than it can hold. One note per column, naming both rows; the cost is the lines' all the same
    (900 000 + 450 000 = 1 350 000 kr)."""
    _sheet(tmp_path, [WIDE, ["Jobbcoacher", "förbund", 1_000_000, 900_000], ["varav tolk", "förbund", 600_000, 500_000],
                      ["varav resor", "förbund", 600_000, 500_000], ["SFI-samordnare", "kommun", 450_000, 450_000]])
    p = et.load_project(_params(tmp_path, BUDGET))
    assert float(p.budget["actual"].sum()) == 1_350_000
    notes = [w for w in p.warnings if w.key == "budget.parts_above_line"]
    assert [w.column for w in notes] == ["Budget 2023/24", "Utfall 2023/24"] and {w.row for w in notes} == {3}
    said = " ".join(notes[0].text("sv").split())
    assert "'varav tolk', 'varav resor' på rad 3, 4 står tillsammans 1 200 000 kr" in said and "på rad 2" in said
    assert "hold 1 000 000 kr together" in " ".join(notes[1].text("en").split())
    assert not [w for w in p.warnings if w.key == "budget.part_above_line"]


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


# --- 3. a share goal written 'från X % till Y %' whose shares fall --------------------------------------------------
def _goal(tmp_path: Path, label: str, target: str, outcomes: str = "[arbete, studier]") -> Path:
    return _params(tmp_path, f"""\
        goals:
          - id: g
            kind: share
            label: {json.dumps(label, ensure_ascii=False)}
            target: {target}
            period: whole_period
            denominator: exits
            success_outcomes: {outcomes}
        """)


@pytest.mark.parametrize("label, target", [
    ("Minska från 30 % till 15 %", "0.15"),  # read: 15 % reached as soon as the share was at least 15 %, 30 % before
    ("Minska från 30 % till 15 %", "0.85"),  # told to write target: 0.15, as if 15 % were a share to rise to
    ("Andelen ska öka från 35 % till 20 %", "0.2"),  # a rise with its shares swapped, read as reached at 20 %
])
def test_a_share_falling_from_to_is_refused_not_read_as_a_rise(tmp_path, label, target):
    """A share goal is reached at or above its target: 'från 30 % till 15 %' as target 0.15 was reached by a share that
    stayed at 30 %. Refused with the others' share to write, 1 - 0.15 = 0.85 (85 %), and the order to check."""
    said = " ".join(params_refusal(_goal(tmp_path, label, target)).split())
    assert "andelen går ned, från " in said and f"target: {target} skulle räknas som nått" in said
    assert "skriv den lägre andelen först" in said
    if label.startswith("Minska"):
        assert "minst 0.85" in said and "'Minst 85 % ska fullfölja insatsen" in said
        assert "skriv target: 0.15" not in said
    said_en = " ".join(params_refusal(_goal(tmp_path, label, target), "en").split())
    assert "the share goes down, from " in said_en and "write the lower share first" in said_en


def test_the_fall_stated_beside_the_others_floor_is_read(tmp_path):
    """The label the refusals suggest, a floor of the others with the fall beside it and 'högst' left out: it was
    refused with 'write target: 0.1', the ceiling of the drop-outs as a share to rise to."""
    p = _goal(tmp_path, "Minst 90 % ska fullfölja insatsen (andelen avbrott ska minska från 20 % till 10 %)", "0.9")
    assert et.load_params(p).goals[0].target == 0.9


@pytest.mark.parametrize("label", ["=HYPERLINK(\"http://x\";\"öka från 20 % till 35 %\")",
                                   "<script>alert(1)</script> Andelen ska öka från 20 % till 35 %"])
def test_a_refused_rise_echoes_only_its_shares(tmp_path, label):
    said = params_refusal(_goal(tmp_path, label, "0.3"))
    assert "'från 20 % till 35 %'" in said and "skriv target: 0.35" in said
    assert "<script" not in said and "HYPERLINK" not in said


# --- 4. data_as_of before the project's start ----------------------------------------------------------------------
def test_data_as_of_before_the_start_is_one_message_not_one_per_participant(tmp_path):
    """data_as_of 2023-06-30 is before the start 2023-09-01: every participant's start after it was refused row by row,
    its cause unnamed (without participants it was read without a word). Refused once, naming both days."""
    said = " ".join(params_refusal(_params(tmp_path, "data_as_of: 2023-06-30\n")).split())
    assert "data_as_of är 2023-06-30, före projektets start 2023-09-01" in said
    assert "from 2023-09-01" in " ".join(params_refusal(_params(tmp_path, "data_as_of: 2023-06-30\n"), "en").split())


def test_data_as_of_on_the_start_day_is_read(tmp_path):
    assert str(et.load_params(_params(tmp_path, "data_as_of: 2023-09-01\n")).data_as_of) == "2023-09-01"


# --- 5. the analysis plan's heading -------------------------------------------------------------------------------
@pytest.mark.parametrize("heading", [
    "Analysplan \u202eevil\u202c",  # turns the text's direction
    "Analys\u200bplan",  # shows nothing
    "Plan för 19800101\u200b-1234",  # a personnummer split from the check by a zero-width space
    "Plan\x07",  # a control character
    "Plan https://example.invalid/x",  # a web address, a link in a PDF reader
    "Plan, frågor till namn@example.invalid",  # an e-mail address
])
def test_a_plan_heading_with_unseen_characters_or_an_address_is_not_shown(heading):
    from evaltools.present.plan import plan_title
    assert plan_title(f"# {heading}\n\nFastställd: 2021-11-30\n") is None


def test_a_plain_plan_heading_is_shown():
    from evaltools.present.plan import plan_title
    assert plan_title("# Analysplan för Etableringslyftet & co\n") == "Analysplan för Etableringslyftet & co"


def test_a_plan_the_report_cannot_read_is_cited_without_a_date(tmp_path, monkeypatch):
    """A plan file without read rights raised PermissionError out of the appendix, a traceback instead of a report."""
    from evaltools.present.plan import citation, plan_path
    params = _params(tmp_path, "")
    path = plan_path(params, "sv")
    path.parent.mkdir()
    path.write_text("# Analysplan\n\nFastställd: 2021-11-30\n", encoding="utf-8")
    real = Path.read_bytes

    def refused(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    said = citation(et.Report(params))
    assert said is not None and said.startswith("Utvärderingen har en analysplan (utan datum för när den fastställdes).")
