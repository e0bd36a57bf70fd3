"""Counts a reader can work out by difference, in small projects (16–21 participants).

(a) Still enrolled: page 1 states the participants P and the ended E; the number still enrolled, P − E, is public
    whatever the sentence says, and is not sensitive. It is said as the number, not as "färre än 5", which hid nothing.
(b) Cost per success: where page 1 states P and the successes S, P − S is public; a small P − S is no reason to
    withhold the cost per success. It is still withheld where it divides by counts the report does not state.
(c) Outcomes left out of the success share (a main goal that does not count those who moved away): page 1 and the
    goal table state B ended of whom S succeeded; beside the number ended E, E − B = 1 would tell that one person
    moved. The number ended (and still enrolled) is held back everywhere it is said, and the outcome table's shares
    (n ÷ E) with it.

Every project is written in tmp_path with test_small_counts_22's builder (a cost of 1 500 000 kr). Expected values
by hand in the comments."""
from __future__ import annotations

import re

import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.disclosure import Counts, Secondary, rule
from evaltools.present.sections import outcomes as outcome_section
from evaltools.present.sections import participants as participant_section
from evaltools.present.sections import summary as page_one
from evaltools.publish.workbook import export_report

from .conftest import write_csv
from .test_small_counts_22 import _project

# a main goal of the share of ended who left, not counting those who moved away
GOAL = """goals:
  - id: andel
    kind: share
    label: Minst 50 procent av de avslutade ska lämna försörjningsstödet
    target: 0.5
    denominator: exits
    exclude_from_denominator: [flyttat]
    period: whole_period
"""


def _write(root, outcomes: list[str], extra: str = ""):
    """One participant per outcome ("" = still enrolled), all started 2022-02-01."""
    path = _project(root, 1_500_000, 0, 0, 0, extra=extra)
    write_csv(root / "data/participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
         "household_type": "ensamstående", "start_date": "2022-02-01",
         "end_date": f"2022-{3 + i % 9:02d}-15" if o else "", "outcome": o} for i, o in enumerate(outcomes, 1)])
    return et.Report(et.load_project(path))


def _text(lines) -> str:
    return " ".join(lines).replace("\xa0", " ")


def _blocks_text(blocks) -> str:
    out = []
    for block in blocks:
        for item in block:
            if hasattr(item, "frame"):
                out.append(item.frame.astype(str).to_string())
            for line in [*(getattr(item, "paragraphs", None) or ()), *(getattr(item, "notes", None) or ())]:
                out.append(str(line))
    return " ".join(out).replace("\xa0", " ")


# (a) 16 participants: 9 left försörjningsstöd (6 work, 2 studies, 1 sickness benefit), 3 stayed on it, 1 moved,
# 1 other ("annat", e.g. died), 2 still enrolled. E = 14, O = 2.
A = ["arbete"] * 6 + ["studier"] * 2 + ["sjukpenning"] + ["kvar_försörjningsstöd"] * 3 + ["flyttat", "annat", "", ""]


def test_a_still_enrolled_is_said_as_the_number_page_one_gives_away(tmp_path):
    r = _write(tmp_path, A)
    said = _text(page_one.participation(r))
    # published on page 1: P = 16 and E = 14 ("Av 14 avslutade"); 16 − 14 = 2 by hand
    assert "Projektet har haft 16 deltagare" in said and "Av 14 avslutade deltagare" in said
    assert "var 2 deltagare fortfarande inskrivna" in said
    assert "Färre än 5 deltagare var fortfarande inskrivna" not in said
    # the sensitive small counts (1 moved, 1 other, 1 sickness benefit) are not said on page 1
    assert "flyttat" not in said.lower().split("försörjningsstödet (")[0]


def test_a_one_still_enrolled_is_said_in_the_singular(tmp_path):
    r = _write(tmp_path, A[:-1])  # 15 participants, 14 ended, 1 still enrolled
    said = _text(page_one.participation(r))
    assert "var 1 deltagare fortfarande inskriven" in said


# (b) 16 participants: 14 ended, every one of them to work; 2 still enrolled. P − S = 2, public from page 1.
B = ["arbete"] * 14 + ["", ""]


def test_b_cost_per_success_is_given_where_page_one_states_participants_and_successes(tmp_path):
    r = _write(tmp_path, B)
    said = _text(page_one.participation(r))
    assert "Projektet har haft 16 deltagare" in said and "Av 14 avslutade deltagare lämnade 14" in said
    assert r.disclosure.shows(Secondary.COST_PER_SUCCESS)
    cost = _text(page_one.cost(r))
    # 1 500 000 / 16 = 93 750 → "94 000"; 1 500 000 / 14 = 107 143 → "110 000" (two significant figures)
    assert "94 000 kr per deltagare" in cost and "110 000 kr per person som lämnat försörjningsstödet" in cost
    assert "redovisas inte" not in cost


def test_b_the_rule_still_withholds_it_over_counts_the_report_does_not_state():
    c = Counts(16, 2, 14, 14, 14, 14)
    assert rule(c, 5).shows(Secondary.COST_PER_SUCCESS)
    # a cost of the periods paid so far divides by the participants and successes by that day: not stated
    assert rule(c, 5, published=False).hides(Secondary.COST_PER_SUCCESS)
    # 16 and 9 successes: P − S = 7, nothing to protect either way
    assert rule(Counts(16, 2, 14, 9, 14, 9), 5, published=False).shows(Secondary.COST_PER_SUCCESS)


# (c) 21 participants: 9 left (6 work, 2 studies, 1 sickness benefit), 5 stayed on försörjningsstöd, 1 moved,
# 6 still enrolled. The goal leaves the move out: B = 14, S = 9; E = 15, O = 6; E − B = 1 (the move).
C = ["arbete"] * 6 + ["studier"] * 2 + ["sjukpenning"] + ["kvar_försörjningsstöd"] * 5 + ["flyttat"] + [""] * 6


@pytest.fixture
def moved(tmp_path):
    return _write(tmp_path, C, GOAL)


def test_c_the_number_ended_is_held_back_not_the_successes(moved):
    assert moved.disclosure.hides(Secondary.ENDED) and moved.disclosure.hides(Secondary.ONGOING)
    assert moved.disclosure.shows(Secondary.SUCCESSES) and moved.disclosure.shows(Secondary.PARTICIPANTS)
    said = _text(page_one.participation(moved))
    # published: P = 21, "Av 14 avslutade … fick 9"; not 15 ended nor 6 still enrolled (21 − 6 − 14 = 1 moved)
    assert "Projektet har haft 21 deltagare" in said and "Av 14 avslutade deltagare fick 9" in said
    assert not re.search(r"\b(15|6) deltagare", said) and "fortfarande var inskrivna vid analysdatumet 2023-12-31 redovisas inte" in said
    goals = moved.goals.display("sv").astype(str).to_string()
    assert "9/14" in goals


def test_c_the_outcome_table_gives_no_share_of_the_number_ended(moved):
    text = _blocks_text(outcome_section.blocks(moved))
    # 6 to work of 15 ended would be 40,0 %: 6 ÷ 0,4 = 15, and 15 − 14 = the one who moved
    assert "40,0 %" not in text
    assert re.search(r"Arbete\s+6\s+\.\.", text)
    flows = _blocks_text(participant_section.blocks(moved))
    assert "Avslutade" in flows and not re.search(r"\b15\b", flows)


def test_c_the_workbook_states_no_number_ended(moved, tmp_path):
    xlsx = next(p for p in export_report(moved, tmp_path / "out") if p.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx, data_only=True)
    # every number 15 (E) or 6 (O) in a cell whose row names the ended or still enrolled
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            label = " ".join(str(v) for v in row if isinstance(v, str)).lower()
            if any(v in (15, 6) for v in row if isinstance(v, int | float)) and (
                    "avslutade" in label or "inskrivna" in label or "pågående" in label):
                found.append((ws.title, row))
    assert not found, found


def test_c_the_time_section_gives_no_number_ended(moved):
    from evaltools.present.sections import time_in_project
    text = _blocks_text(time_in_project.blocks(moved))
    # everyone started 2022-02-01 and ended by 2022-11-15: at 365 days 9 of 21 had succeeded (42,9 %), 6 of 21
    # had left another way (28,6 %) and 6 were still enrolled (28,6 %, "Antal kvar 6"): E = 21 − 6 = 15
    assert "42,9 %" in text  # the successes (9, public) stay
    assert "28,6 %" not in text and not re.search(r"\b6\b", text)
    assert "Andelen med annat avslut, andelen kvar i projektet och antalet kvar redovisas inte" in text
    # the introduction speaks of the one way shown, not of "each of two ways"
    assert "andelen som hade avslutat med lyckat utfall" in text and "två sätt" not in text


def test_c_the_time_chart_draws_no_other_exit(moved):
    stay = moved.survival
    assert not stay.other_exits_shown
    for curve in stay.curves.values():
        assert "other_exit" not in curve and "at_risk" not in curve and "surv" not in curve
    from evaltools.present.plots import plot_time_to_exit
    fig = plot_time_to_exit(stay, "sv")
    assert len(fig.axes) == 1  # the successes' panel only
    # the unsuppressed figures stay for the evaluator's own exploration: 6 still in at 365 days
    assert int(stay.raw.loc[stay.raw["day"] == 365, "at_risk"].sum()) == 6


def test_c_the_time_sheet_and_csv_state_no_number_ended(moved, tmp_path):
    paths = export_report(moved, tmp_path / "out")
    wb = openpyxl.load_workbook(next(p for p in paths if p.suffix == ".xlsx"), data_only=True)
    sheet = wb["Tid i projektet"]
    numbers = [v for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, int | float)]
    # 6/21 = 0.2857 (other exit, still in) and 6 at risk are nowhere; the day 365 and 9/21 are
    assert not any(abs(v - 6 / 21) < 1e-3 for v in numbers) and 6 not in numbers
    assert 365 in numbers and any(abs(v - 9 / 21) < 1e-3 for v in numbers)
    for csv in (p for p in paths if p.suffix == ".csv" and "tid" in p.name):
        body = csv.read_text(encoding="utf-8-sig")
        assert "0.2857" not in body and "0,2857" not in body


# (d) 21 participants: 10 left (8 work, 2 studies), 4 stayed on försörjningsstöd, 1 moved, 6 still enrolled. The goal
# leaves the move out: B = 14, S = 10, B − S = 4, so page 1 withholds the successes; the goal table states its
# denominator 14 all the same (the project's accounting), and beside E = 15 ended, 15 − 14 = 1 person moved. (E − G =
# 15 − 10 = 5 is not small: the rule on a goal's successes beside the number ended does not withhold it.)
D = ["arbete"] * 8 + ["studier"] * 2 + ["kvar_försörjningsstöd"] * 4 + ["flyttat"] + [""] * 6


def test_d_a_goal_stating_its_base_withholds_the_number_ended(tmp_path):
    r = _write(tmp_path, D, GOAL)
    assert r.disclosure.hides(Secondary.SUCCESSES)
    goals = r.goals.display("sv").astype(str).to_string()
    assert "10/14" in goals  # the goal table's accounting: B = 14 is public
    assert r.disclosure.hides(Secondary.ENDED) and r.disclosure.hides(Secondary.ONGOING)
    said = _text(page_one.participation(r))
    assert "Projektet har haft 21 deltagare" in said and not re.search(r"\b(15|6) (avslutade|deltagare)", said)


def test_d_the_rule_on_the_counts():
    # P 21, O 6, B 14, S 10, E 15, X 10; with and without the goal table stating B
    c = dict(participants=21, ongoing=6, base=14, successes=10, ended=15, exits=10, goal_successes=(10,))
    assert rule(Counts(**c, base_in_goals=True), 5).hides(Secondary.ENDED)
    assert rule(Counts(**c), 5).shows(Secondary.ENDED)  # B then stated nowhere: 15 tells nothing more


def test_the_number_at_risk_is_explained_where_it_is_shown_only(tmp_path, moved):
    from evaltools.present.sections import time_in_project
    said = "Antal kvar räknar dem som deltog när dagen började"
    # (a): nothing withheld, the column "Antal kvar" shown and explained; (c): withheld, neither
    shown = _blocks_text(time_in_project.blocks(_write(tmp_path / "a", A)))
    assert "Antal kvar" in shown and said in shown
    assert said not in _blocks_text(time_in_project.blocks(moved))
