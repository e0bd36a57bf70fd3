"""Known limits of the params file's goals: a goal's own number in its words ("Mål 2 år 1, 30 år 2") taken as a year's
target, per-year targets written in number words ("år ett: 20, år två: 30") not read as per-year, and an unquoted
number with a point before three digits (``target: 1.000``, which YAML reads as 1.0) taken as a target of 1. Each
ends in one clear message naming the goal, the words or value as written and what to write. Expected values are
worked out by hand from the words written here."""
from __future__ import annotations

import pytest

import evaltools as et

from .conftest import params_refusal

GOAL = """\
goals:
  - id: antal
    kind: {kind}
    label: "{label}"
    {target}
    period: project_year
"""
SHARE = """\
    numerator: outcome
    success_outcomes: [arbete]
"""


def _params(tiny_project, label: str, target: str = "target: 30", kind: str = "participant_count", years: int = 2):
    """The tiny project (2022-01-01 to 2023-12-31: project years 1 and 2, or to 2024-12-31 with ``years=3``) with one
    goal."""
    p = tiny_project(GOAL.format(kind=kind, label=label, target=target) + (SHARE if kind == "share" else ""))
    if years == 3:
        p.write_text(p.read_text(encoding="utf-8").replace("planned_end: 2023-12-31", "planned_end: 2024-12-31"),
                     encoding="utf-8")
    return p


def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x)


# --- a goal's own number is no year's target -------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Mål 2 år 1, 30 år 2", "Delmål 3 år 1, 30 år 2", "Mål nr 2 år 1, 30 år 2"])
def test_a_goals_own_number_beside_a_year_is_no_target(tiny_project, label):
    # 'Mål 2 år 1' names no target for year 1 (the 2 is the goal's number); year 2's is 30, as target: 30 says.
    # Before, year 1 was read as a target of 2 and the goal refused with targets: {1: 2, 2: 30} to write
    p = et.load_project(_params(tiny_project, label))
    assert p.params.goals[0].target == 30


def test_a_goals_own_number_leaves_the_years_number_as_its_target(tiny_project):
    # 'Mål 2: 20 år 1' held two numbers, 2 and 20, and neither was taken, so the 20 of year 1 was lost and target: 30
    # accepted for both years; the 2 is the goal's, so year 1's target is 20 and year 2's 30
    msg = params_refusal(_params(tiny_project, "Mål 2: 20 år 1, 30 år 2"))
    line = _line(msg, "olika år")
    assert "sätter olika mål för olika år ('Mål 2: 20 år 1', '30 år 2'), men target: 30" in line
    assert "skriv i stället för target ett målvärde per år, targets: {1: 20, 2: 30}, och behåll" in line


def test_a_goals_own_number_leaves_its_year_to_be_written(tiny_project):
    # three project years (2022-2024): year 1 has no target stated (the 2 is the goal's number), year 2 20, year 3 30;
    # the line to write asks for year 1's number instead of giving it 2
    msg = params_refusal(_params(tiny_project, "Mål 2 år 1, 20 år 2, 30 år 3", "target: 20", years=3))
    line = _line(msg, "olika år")
    assert "('20 år 2', '30 år 3'), men target: 20" in line
    assert "targets: {1: ?, 2: 20, 3: 30} (skriv ett tal där det står ?)" in line


def test_a_goals_own_number_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "Goal 2: 20 in year 1, 30 in year 2"), "en")
    assert "instead of target write a target per year, targets: {1: 20, 2: 30}, and keep" in _line(msg, "years")


def test_a_number_of_persons_after_the_goal_word_is_a_target(tiny_project):
    # 'Mål 20 deltagare år 1': 20 counts persons, so it is year 1's target, not a goal's number
    msg = params_refusal(_params(tiny_project, "Mål 20 deltagare år 1, 30 år 2"))
    assert "targets: {1: 20, 2: 30}, och behåll" in _line(msg, "olika år")
