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
from evaltools.words.formats import fmt_kr_prose_range

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


# --- 2. a range in a sentence: an end below a million in kronor ---------------------------------------------------

@pytest.mark.parametrize("low, high, lang, said", [
    # the public financiers' NPV at 1 and 4 exits: 216 000 − 1 500 000 = −1 284 000 (−1,3 miljoner) and
    # 4 × 216 000 − 1 500 000 = −636 000 (−640 000 kronor)
    (-1_284_000.0, -636_000.0, "sv", "mellan −1,3 miljoner och −640 000 kronor"),
    (-1_284_000.0, -636_000.0, "en", "between SEK −1.3 million and SEK −640,000"),
    # −880 000 beside 6 312 000 (6,3 miljoner): the smaller end in kronor, the unit once at the end
    (-880_000.0, 6_312_000.0, "sv", "mellan −880 000 och 6,3 miljoner kronor"),
    # both ends of a million or more: one unit, as before
    (1_240_000.0, 6_312_000.0, "sv", "mellan 1,2 och 6,3 miljoner kronor"),
    # both below a million: kronor, the unit once
    (-533_363.0, 130_400.0, "sv", "mellan −530 000 och 130 000 kr"),
])
def test_a_range_says_an_end_below_a_million_in_kronor(low, high, lang, said):
    a, b = fmt_kr_prose_range(low, high, lang)
    word = "mellan {} och {}" if lang == "sv" else "between {} and {}"
    assert word.format(a, b).replace("\xa0", " ") == said


def test_page_one_says_the_npv_range_in_kronor_below_a_million(tmp_path):
    said = _said(tmp_path, 3)
    # NPV at 1 and 4 exits: −1 284 000 and −636 000 (see above)
    assert "nettonuvärdet mellan −1,3 miljoner och −640 000 kronor" in said
    assert "0,64 miljoner" not in said


# --- 3. society's break-even names the amount it is computed against ----------------------------------------------

@pytest.mark.parametrize("lang, words", [
    # 1 950 000 / 64 800 = 30,09: 31 persons, against 1 950 000 kr (1,95 miljoner), the cost 1,5 miljoner with the
    # skattefaktor's mark-up 0,3 × 1 500 000 = 450 000
    ("sv", "Det krävs 31 personer för att bära kostnaden på 1,95 miljoner kronor (1,5 miljoner kronor och "
           "skattefaktorns påslag på det), så besparingen bär inte kostnaden för samhället som helhet"),
    ("en", "It takes 31 persons to cover the cost of SEK 1.95 million (SEK 1.5 million plus the tax factor's "
           "mark-up on it), so the saving does not cover the cost for society as a whole"),
])
def test_societys_break_even_names_the_cost_with_the_skattefaktor(tmp_path, lang, words):
    said = _said(tmp_path, 3, lang)
    assert words in said


def test_the_public_financiers_break_even_still_names_the_cost_alone(tmp_path):
    said = _said(tmp_path, 3)
    # 1 500 000 / 216 000 = 6,94: 7 persons against the cost alone (no skattefaktor outside society)
    assert "Det krävs 7 personer för att bära kostnaden på 1,5 miljoner kronor, så besparingen bär inte" in said
