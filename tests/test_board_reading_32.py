"""A board's reading of the rendered samples, thirty-second round: the budget note that told twice of the
lines without utfall. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the rows written here."""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et
from evaltools.present.sections import budget as budget_section

from .conftest import write_csv
from .test_unseen_projects import _params, _person

PROJECT = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/%s%s}
    """


def _plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _budget_notes(project, lang: str) -> list[str]:
    [[_, table, *_]] = budget_section.blocks(et.Report(project, lang=lang))
    return [_plain(n) for n in table.notes]


def _kr_project(tmp_path):
    """Four lines in kr, one per period and category; the 2024 Lokaler line has no utfall yet.
    Utfall 400 000 + 90 000 + 380 000 = 870 000 kr of the budget of the same lines, 400 000 + 100 000 +
    400 000 = 900 000 kr: 96,7 %, said as 97 %."""
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2023", "category": "Personal", "budget": 400_000, "actual": 400_000},
        {"period": "2023", "category": "Lokaler", "budget": 100_000, "actual": 90_000},
        {"period": "2024", "category": "Personal", "budget": 400_000, "actual": 380_000},
        {"period": "2024", "category": "Lokaler", "budget": 100_000, "actual": None}])
    return et.load_project(_params(tmp_path, PROJECT % ("budget.csv", "")))


def _tkr_per_year_project(tmp_path):
    """The förbund's follow-up layout: a column per year in tkr, total columns and a total row; the 2024
    utfall of Lokaler and Övrigt not yet booked (two of six lines). Utfall 780 + 100 + 90 + 600 = 1 570 tkr of
    the budget of the same lines, 800 + 100 + 100 + 800 = 1 800 tkr: 87,2 %, said as 87 %."""
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "budget"
    ws.append(["Kostnadsslag", "Budget 2023", "Utfall 2023", "Budget 2024", "Utfall 2024", "Budget totalt",
               "Utfall totalt"])
    ws.append(["Personal", 800, 780, 800, 600, 1600, 1380])
    ws.append(["Lokaler", 100, 100, 100, None, 200, 100])
    ws.append(["Övrigt", 100, 90, 100, None, 200, 90])
    ws.append(["Summa", 1000, 970, 1000, 600, 2000, 1570])
    wb.save(tmp_path / "data/budget.xlsx")
    return et.load_project(_params(tmp_path, PROJECT % ("budget.xlsx", ", amount_unit: tkr")))


# --- 1. the lines without utfall are told of once --------------------------------------------------------------
@pytest.mark.parametrize("lang, once, twice", [
    ("sv", "Förbrukat jämför utfallet med budgeten för samma poster: 1 av 4 poster saknar ännu utfall och räknas "
           "inte i andelen (97 %); i kostnadsnyttoanalysen räknas budgeten för dem.", "Utfall saknas"),
    ("en", "Used compares the actual costs with the budget of the same lines: 1 of 4 lines have no actual costs "
           "yet and are not counted in the share (97%); the cost-benefit analysis counts their budget.",
     "Actual costs are missing")])
def test_the_budget_note_tells_of_the_lines_without_utfall_once(tmp_path, lang, once, twice):
    notes = _budget_notes(_kr_project(tmp_path), lang)
    assert once in notes
    assert not any(twice in n for n in notes)


@pytest.mark.parametrize("lang, once, twice", [
    ("sv", "2 av 6 poster saknar ännu utfall och räknas inte i andelen (87 %); i kostnadsnyttoanalysen räknas "
           "budgeten för dem.", "Utfall saknas"),
    ("en", "2 of 6 lines have no actual costs yet and are not counted in the share (87%); the cost-benefit "
           "analysis counts their budget.", "Actual costs are missing")])
def test_a_follow_up_per_year_in_tkr_with_a_total_row_tells_of_them_once_too(tmp_path, lang, once, twice):
    notes = " ".join(_budget_notes(_tkr_per_year_project(tmp_path), lang))
    assert notes.count(once) == 1
    assert twice not in notes
