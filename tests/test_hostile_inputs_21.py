"""A hostile or careless user's input on a goal's target per year (``targets:``): true or false where a year's
target goes, and a year's target that is no number. Each ends in one clear message naming the file, the goal,
the year and what to write, never a target read from true or a message pointing at another year."""
from __future__ import annotations

from .conftest import params_refusal

GOAL = """\
goals:
  - id: deltagare
    kind: {kind}
    label: Deltagare per år
    targets: {targets}
    period: project_year
"""
SHARE = """\
    numerator: outcome
    success_outcomes: [arbete]
"""


def _goal(tiny_project, targets: str, kind: str = "participant_count") -> str:
    # the tiny project runs 2022-01-01 to 2023-12-31: project years 1 and 2
    extra = SHARE if kind == "share" else ""
    return params_refusal(tiny_project(GOAL.format(kind=kind, targets=targets) + extra))


def test_a_years_target_written_yes_is_refused_not_read_as_one_person(tiny_project):
    # 'yes' is true to YAML, which a number takes as 1: year 1 was a target of 1 person and 'uppnått'
    msg = _goal(tiny_project, "{1: yes, 2: 20}")
    line = next(x for x in msg.splitlines() if "targets" in x)
    assert "tiny.yaml" in msg.splitlines()[0]
    assert "mål 1 (id: deltagare), targets: står 1: true;" in line and "skriv talet" in line


def test_a_shares_years_target_written_true_is_refused_not_read_as_100_percent(tiny_project):
    msg = _goal(tiny_project, "{1: 0.4, 2: true}", kind="share")
    line = next(x for x in msg.splitlines() if "targets" in x)
    assert "står 2: true;" in line and "skriv talet" in line


def test_a_year_written_true_is_refused_not_read_as_year_one(tiny_project):
    msg = _goal(tiny_project, "{true: 10, 2: 20}")
    assert "står true: 10;" in msg


def test_a_years_target_in_english_names_the_year_too(tiny_project):
    p = tiny_project(GOAL.format(kind="participant_count", targets="{1: 20, 2: no}"))
    msg = params_refusal(p, "en")
    assert "goal 1 (id: deltagare), targets: " in msg and "2: false" in msg


def test_a_years_target_that_is_no_number_is_placed_at_its_year_not_at_an_item(tiny_project):
    # {1: 'tio', 2: 20}: the problem is year 1's target; the message said 'targets nr 2' (the year read as the
    # place of an item in a list, counted from 0), pointing at year 2's 20
    msg = _goal(tiny_project, "{1: 'tio', 2: 20}")
    line = next(x for x in msg.splitlines() if "'tio'" in x)
    assert line.strip().startswith("- mål 1 (id: deltagare), targets, 1: står 'tio'")
    assert "nr 2" not in line


def test_a_years_target_written_as_swedish_decimal_is_placed_at_its_year(tiny_project):
    msg = _goal(tiny_project, "{1: 20, 2: '12,5'}")
    line = next(x for x in msg.splitlines() if "'12,5'" in x)
    assert "targets, 2: står '12,5'" in line and line.rstrip().endswith("12.5")
    assert "nr 3" not in line


# --- a label's targets per year: a number beside the year that is no target ---------------------------------------

LABEL_GOAL = """\
goals:
  - id: deltagare
    kind: {kind}
    label: "{label}"
    target: {target}
    period: project_year
"""


def _label_refusal(tiny_project, label: str, target: str = "20", kind: str = "participant_count") -> str:
    extra = SHARE if kind == "share" else ""
    return params_refusal(tiny_project(LABEL_GOAL.format(kind=kind, label=label, target=target) + extra))


def test_a_goals_own_number_before_the_years_is_not_written_as_year_ones_target(tiny_project):
    # "Mål 2: år 1: 20, år 2: 30": year 1's target is 20, the number after it; the line to write said
    # targets: {1: 2, 2: 30} (the goal's number 2, the first number of the clause)
    msg = _label_refusal(tiny_project, "Mål 2: år 1: 20 deltagare, år 2: 30")
    assert "targets: {1: 20, 2: 30}" in msg
    assert "{1: 2," not in msg


def test_an_age_range_before_the_years_is_not_written_as_year_ones_target(tiny_project):
    # "Unga 16–29 år: år 1: 20 deltagare": 16 is an age, not year 1's target (20)
    msg = _label_refusal(tiny_project, "Unga 16–29 år: år 1: 20 deltagare, år 2: 30")
    assert "targets: {1: 20, 2: 30}" in msg and "{1: 16," not in msg


def test_a_number_in_a_formula_like_label_is_not_written_as_a_target(tiny_project):
    # the 0 of 'A0' was year 1's target: targets: {1: 0, 2: 30}
    msg = _label_refusal(tiny_project, "=cmd|' /C calc'!A0 år 1: 20, år 2: 30")
    assert "targets: {1: 20, 2: 30}" in msg and "{1: 0," not in msg


def test_a_shares_years_after_the_goals_number_are_both_read(tiny_project):
    # "Mål 2: 30 % år 1, 40 % år 2": year 1's clause began with the number 2 (no per cent sign), so year 1 was
    # left without a target (targets: {1: ?, 2: 0.4}); 30 % = 0.3, 40 % = 0.4
    msg = _label_refusal(tiny_project, "Mål 2: 30 % år 1, 40 % år 2", target="0.3", kind="share")
    assert "targets: {1: 0.3, 2: 0.4}" in msg


def test_several_numbers_none_of_them_beside_the_year_give_no_target_for_it(tiny_project):
    # "Steg 2, nivå 3 år 1, 30 deltagare år 2": year 1's clause holds 2 and 3, neither beside the year nor counting
    # persons: year 1 gets a ?, never 2 or 3
    msg = _label_refusal(tiny_project, "Steg 2 nivå 3 år 1, 30 deltagare år 2, 40 deltagare år 3", target="30")
    assert "targets: {1: ?, 2: 30}" in msg
