"""Known limits of the params file's goals: a goal's own number in its words ("Mål 2 år 1, 30 år 2") taken as a year's
target, per-year targets with their years in words ("år ett: 20, år två och tre 30") not read as per-year, and an unquoted
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


# --- per-year targets with the years in words ------------------------------------------------------------------------

@pytest.mark.parametrize("label", [
    "år ett: 20, år två: 30, år tre: 30",
    "år ett: 20, år två och tre 30",
    "Antal deltagare år ett 20, år två och tre: 30",
    "första året 20, andra året 30, tredje året 30",
    "år ett: 20 deltagare, år två–tre: 30 deltagare",
])
def test_years_in_words_with_their_targets_are_refused_beside_one_target(tiny_project, label):
    # three project years (2022-2024): year 1 20, years 2 and 3 30 each, so target: 30 judged year 1 against 30;
    # 'år ett: 20, år två och tre 30' was not read as per year at all and accepted
    msg = params_refusal(_params(tiny_project, label, years=3))
    line = _line(msg, "olika år")
    assert "men target: 30 är samma målvärde för varje år" in line
    assert "skriv i stället för target ett målvärde per år, targets: {1: 20, 2: 30, 3: 30}, och behåll" in line


def test_years_in_words_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "year one: 20, years two and three: 30", years=3), "en")
    assert "targets: {1: 20, 2: 30, 3: 30}, and keep" in _line(msg, "different years")


def test_years_in_words_name_the_words_and_ask_for_a_missing_year(tiny_project):
    # year 2 has no target in the words: its place in the line to write is a ?
    msg = params_refusal(_params(tiny_project, "år ett: 20, år tre: 30", years=3))
    line = _line(msg, "olika år")
    assert "sätter olika mål för olika år ('år ett: 20', 'år tre: 30'), men target: 30" in line
    assert "targets: {1: 20, 2: ?, 3: 30} (skriv ett tal där det står ?)" in line


@pytest.mark.parametrize("label", ["år ett och två: 30", "Minst 30 deltagare per år, tre handläggare",
                                   "30 deltagare per år, varav tre deltagare år ett"])
def test_years_in_words_with_one_target_are_read(tiny_project, label):
    # one target for the years named (30), or a count of persons in words ('tre deltagare') that is no year's target
    assert et.load_project(_params(tiny_project, label)).params.goals[0].target == 30


# --- an unquoted number with a point before three digits -------------------------------------------------------------

def test_an_unquoted_thousand_with_a_point_is_refused_not_read_as_one(tiny_project):
    # target: 1.000 is the number 1.0 to YAML: the goal was judged against 1 person. It is 1 000 (1 and 000) as
    # Swedish text writes it, or 1 (1 and 000 thousandths)
    msg = params_refusal(_params(tiny_project, "Deltagare per år", "target: 1.000"))
    line = _line(msg, "1.000")
    assert line.strip() == ("- mål 1 (id: antal), target: står 1.000, som läses som 1; en punkt före tre siffror kan "
                            "skilja tusental, som svensk text och svenska Excel skriver dem, eller vara en "
                            "decimalpunkt, och det gissas inte: skriv 1000 om det är tusental, 1 om det är decimaler "
                            "(talet utan mellanrum och tusentalsavgränsare, med decimalpunkt)")


def test_a_years_unquoted_thousand_with_a_point_names_the_year_and_both_readings(tiny_project):
    # 12.500: 12 500 (12 and 500) or 12.5 (12 and 500 thousandths)
    msg = params_refusal(_params(tiny_project, "Deltagare per år", "targets: {1: 12.500, 2: 20}"))
    line = _line(msg, "12.500")
    assert "mål 1 (id: antal), targets: står 1: 12.500, som läses som 12.5;" in line
    assert "skriv 12500 om det är tusental, 12.5 om det är decimaler" in line


def test_an_unquoted_thousand_with_a_point_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "Participants per year", "target: 2.000"), "en")
    line = _line(msg, "2.000")
    assert "goal 1 (id: antal), target: got 2.000, which is read as 2; a point before three digits" in line
    assert "write 2000 if it is thousands, 2 if it is decimals (the number without spaces" in line


def test_an_amount_in_kronor_with_an_unquoted_thousands_point_is_refused(tiny_project):
    # work_earnings_sek_month: 25.000 was 25 kr a month; 25 000 kr (25 and 000) or 25 (25 and 000 thousandths)
    p = tiny_project("cost_benefit: {work_earnings_sek_month: 25.000}\n")
    line = _line(params_refusal(p), "25.000")
    assert "work_earnings_sek_month: står 25.000, som läses som 25;" in line
    assert "skriv 25000 om det är tusental, 25 om det är decimaler" in line


@pytest.mark.parametrize(("target", "kind", "expected"), [
    ("target: 0.25", "share", 0.25),        # a share: no thousand begins with 0
    ("target: 0.125", "share", 0.125),      # an eighth
    ("target: 12", "participant_count", 12),
    ("target: 20.0", "participant_count", 20),   # one decimal: no thousands point
    ("target: 1000", "participant_count", 1000),
])
def test_numbers_that_are_no_thousands_point_are_read(tiny_project, target, kind, expected):
    p = et.load_project(_params(tiny_project, "Deltagare per år", target, kind=kind))
    assert p.params.goals[0].target == expected


def test_a_share_of_one_and_a_half_is_not_called_a_thousands_point(tiny_project):
    # 1.5 has one decimal: refused as no share (above 1), never with a thousands reading
    msg = params_refusal(_params(tiny_project, "Andel till arbete", "target: 1.5", kind="share"))
    assert "1.5" in msg and "tusental" not in _line(msg, "1.5")


def test_a_factor_with_three_decimals_is_read_as_written(tiny_project):
    # skattefaktor 1.312 is a factor between 1 and 3, where no thousands point is plausible
    p = et.load_project(tiny_project("cost_benefit: {skattefaktor: 1.312}\n"))
    assert p.params.cost_benefit.skattefaktor == 1.312
    assert type(p.params.cost_benefit.skattefaktor) is float
