"""A budget table's subtotal (a period's, a funder's) over lines of which some have no actual amount yet
reads as the table's total does: the lines with an actual amount (budget, actual, difference and share
used over the same lines, so that the row subtracts), then all lines' budget. Before, the subtotal's
budget counted every line and its difference only those with an actual ("1 895 000 kr, 1 244 900 kr,
−45 100 kr")."""
from __future__ import annotations

import evaltools as et
from evaltools.present.sections import budget

from .conftest import write_csv


def _rows(tiny_project, lang: str = "sv") -> list[list[str]]:
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000, "funder": "förbund"},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000, "funder": "kommun"},
        {"period": "2023", "category": "Lön", "budget": 110000, "actual": 100000, "funder": "förbund"},
        {"period": "2023", "category": "Övrigt", "budget": 30000, "actual": "", "funder": "kommun"}])
    [[_, table, _chart]] = budget.blocks(et.Report(tiny_project(), lang=lang))
    return [[" ".join(str(c).split()) for c in row] for row in table.frame.astype(str).to_numpy().tolist()]


def _row(rows: list[list[str]], label: str) -> list[str]:
    [row] = [r for r in rows if label in r]
    return row


def test_a_period_with_a_line_without_actual_gets_two_subtotal_rows(tiny_project):
    rows = _rows(tiny_project)
    # 2022: both lines have actuals — one row, 120 000 budget, 115 000 actual, −5 000, 96 %
    assert _row(rows, "Summa 2022")[-4:] == ["120 000 kr", "115 000 kr", "−5 000 kr", "96 %"]
    # 2023: the line with an actual (Lön 110 000 / 100 000: −10 000, 91 %), then all lines' budget 140 000
    assert _row(rows, "Summa 2023, poster med utfall")[-4:] == ["110 000 kr", "100 000 kr", "−10 000 kr", "91 %"]
    assert _row(rows, "Summa 2023, alla poster")[-4:] == ["140 000 kr", "", "", ""]
    assert not [r for r in rows if "Summa 2023" in r]  # no subtotal mixing the two


def test_a_funders_part_reads_the_same_way(tiny_project):
    rows = _rows(tiny_project)
    # the municipality: Övrigt 2022 (20 000 / 25 000) has an actual, Övrigt 2023 (30 000) not
    assert _row(rows, "varav kommunens medfinansiering, poster med utfall")[-4:] == [
        "20 000 kr", "25 000 kr", "5 000 kr", "125 %"]
    assert _row(rows, "varav kommunens medfinansiering, alla poster")[-4:] == ["50 000 kr", "", "", ""]
    # the förbund: both its lines have actuals (210 000 / 190 000)
    assert _row(rows, "varav samordningsförbundet")[-4:] == ["210 000 kr", "190 000 kr", "−20 000 kr", "90 %"]


def test_in_english(tiny_project):
    rows = _rows(tiny_project, "en")
    assert _row(rows, "Total 2023, lines with actual costs")[-4:-2] == ["SEK 110,000", "SEK 100,000"]
    assert _row(rows, "Total 2023, all lines")[-4] == "SEK 140,000"
