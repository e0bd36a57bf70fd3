"""Page 1 of a project where fewer than five left försörjningsstöd, read as its board reads it: the sentence on
support at start says "alla de (färre än 5)", a range in a sentence gives an end below a million in kronor
(−640 000, never −0,64 miljoner), and society's break-even names the amount it is computed against (the cost with
the skattefaktor on it).

Every project is written in tmp_path. Expected values are worked out by hand in the comments."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.present.sections import summary as page_one

from .conftest import write_csv

# As in test_small_counts_22: a fixed level of 9 000 kr a month (2022 prices) for two years, no drop-off,
# deadweight or discounting: one exit to work saves the municipality (and the public financiers) 9 000 × 24 =
# 216 000 kr. The cost, 1 500 000 kr in 2022, is all public (Finsam act shares). Society's benefit of one exit is
# only the skattefaktor's effect on that public saving, (1,3 − 1) × 216 000 = 64 800 kr, and its cost carries the
# skattefaktor too: 1 500 000 + 0,3 × 1 500 000 = 1 950 000 kr.


def _project(root: Path, exits: int, lang: str = "sv", support: list[str] | None = None) -> Path:
    """``exits`` ended to work, 2 ended still on försörjningsstöd, 5 still enrolled; cost 1 500 000 kr; no
    payments file. ``support``: the support at start of each person (omitted: no such column)."""
    outcomes = ["arbete"] * exits + ["kvar_försörjningsstöd"] * 2 + [""] * 5
    rows = []
    for i, outcome in enumerate(outcomes, 1):
        row = {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
               "household_type": "ensamstående", "start_date": "2022-02-01",
               "end_date": f"2022-{3 + i % 9:02d}-15" if outcome else "", "outcome": outcome}
        if support is not None:
            row["support_start"] = support[i - 1]
        rows.append(row)
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/budget.csv", [{"period": "2022", "category": "Lön", "budget": 1_500_000, "actual": 1_500_000}])
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: tiny
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        language: {lang}
        period: {{start: 2022-01-01, planned_end: 2023-12-31}}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        cost_benefit:
          price_year: 2022
          monthly_level: {{method: fixed, amount_sek: 9000, amount_year: 2022}}
          horizon_years: 2
          dropoff_per_year: 0
          deadweight: 0
          discount_rate: 0
        """), encoding="utf-8")
    return path


def _said(root: Path, exits: int = 3, lang: str = "sv", support: list[str] | None = None) -> str:
    r = et.Report(et.load_project(_project(root, exits, lang, support)))
    return " ".join(page_one.worth(r)).replace("\xa0", " ")


# --- 1. support at start for fewer than 5 counted: "alla de (färre än 5)" -----------------------------------------

@pytest.mark.parametrize("lang, sentence", [
    ("sv", "Kalkylen antar att alla de (färre än 5) som räknas som att de lämnat försörjningsstödet hade "
           "försörjningsstöd vid start:"),
    ("en", "The calculation assumes that all those counted as leaving social assistance (fewer than 5) had social "
           "assistance at start:"),
])
def test_the_support_at_start_of_fewer_than_five_is_said_as_a_board_member_says_it(tmp_path, lang, sentence):
    # 3 exits, no support column and no payments: all 3 (fewer than 5) are assumed to have had försörjningsstöd
    said = _said(tmp_path, 3, lang)
    assert sentence in said
    assert "alla färre än" not in said and "all fewer than" not in said


def test_some_of_fewer_than_five_is_not_said_as_fewer_than_five_of_fewer_than_five(tmp_path):
    # 3 exits: P1 has försörjningsstöd at start, P2 and P3 no stated support: 2 of the 3 (both fewer than 5) assumed
    support = ["försörjningsstöd", "", ""] + ["försörjningsstöd"] * 7
    said = _said(tmp_path, 3, "sv", support)
    assert "färre än 5 av de färre än 5" not in said
    assert ("Kalkylen antar att några av dem (färre än 5) som räknas som att de lämnat försörjningsstödet hade "
            "försörjningsstöd vid start:") in said
