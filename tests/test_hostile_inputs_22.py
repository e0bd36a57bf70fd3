"""A hostile or careless user's input on a goal's target: a thousand written with a point in quotes (``'1.000'``,
read as 1), a count of persons that is no whole number (``12.5``), thousands of years under ``targets:`` echoed
whole, and a funder cell naming a municipality of any length echoed whole. Each ends in one clear message naming
the goal (or cell), the value and what to write."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from .conftest import params_refusal, write_csv

GOAL = """\
goals:
  - id: deltagare
    kind: {kind}
    label: Deltagare per år
    {target}
    period: project_year
"""
SHARE = """\
    numerator: outcome
    success_outcomes: [arbete]
"""


def _params(tiny_project, target: str, kind: str = "participant_count"):
    # the tiny project runs 2022-01-01 to 2023-12-31: project years 1 and 2
    return tiny_project(GOAL.format(kind=kind, target=target) + (SHARE if kind == "share" else ""))


def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x)


# --- a thousand written with a point, in quotes ----------------------------------------------------------------------

def test_a_quoted_thousand_with_a_point_is_refused_not_read_as_one(tiny_project):
    # '1.000' is 1 000 as Swedish text writes it, and 1 to a number field: the goal was judged against 1 person
    msg = params_refusal(_params(tiny_project, "target: '1.000'"))
    line = _line(msg, "'1.000'")
    assert line.strip().startswith("- mål 1 (id: deltagare), target: står '1.000'; en punkt före tre siffror")
    assert line.rstrip().endswith("skriv 1000 om det är tusental, 1 om det är decimaler (talet utan citattecken, "
                                  "mellanrum och tusentalsavgränsare, med decimalpunkt)")


def test_a_years_quoted_thousand_with_a_point_names_the_year_and_both_readings(tiny_project):
    # '12.500': 12 500 (12 + 500) or 12.5 (12 and 500 thousandths)
    msg = params_refusal(_params(tiny_project, "targets: {1: '12.500', 2: 20}"))
    line = _line(msg, "'12.500'")
    assert "mål 1 (id: deltagare), targets: står 1: '12.500';" in line
    assert "skriv 12500 om det är tusental, 12.5 om det är decimaler" in line


def test_a_quoted_thousand_with_a_point_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "target: '2.000'"), "en")
    line = _line(msg, "'2.000'")
    assert "goal 1 (id: deltagare), target: got '2.000'; a point before three digits" in line
    assert "write 2000 if it is thousands, 2 if it is decimals" in line


def test_a_quoted_share_with_a_leading_zero_is_no_thousand(tiny_project):
    # '0.125' is an eighth and nothing else (no thousand begins with 0): read as the share 0.125
    p = et.load_project(_params(tiny_project, "target: '0.125'", kind="share"))
    assert p.params.goals[0].target == 0.125


# --- a count of persons that is no whole number ----------------------------------------------------------------------

def test_a_count_target_of_half_a_person_is_refused(tiny_project):
    msg = params_refusal(_params(tiny_project, "target: 0.5"))
    line = _line(msg, "0.5")
    assert "mål 1 (id: deltagare): target: står 0.5, men ett mål som räknar personer" in line
    assert "helt antal personer som målvärde: skriv target: 0 eller target: 1 (" in line


def test_a_years_count_target_that_is_no_whole_number_names_the_year(tiny_project):
    # 12.5 lies between 12 and 13
    msg = params_refusal(_params(tiny_project, "targets: {1: 12.5, 2: 20}", kind="outcome_count"))
    line = _line(msg, "12.5")
    assert "mål 1 (id: deltagare): targets, 1: står 12.5, men" in line and "skriv 1: 12 eller 1: 13 (" in line


def test_a_count_target_that_is_no_whole_number_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "target: 7.25", kind="outcome_count"), "en")
    line = _line(msg, "7.25")
    assert "target: got 7.25, but a goal that counts persons" in line and "write target: 7 or target: 8 (" in line


def test_a_share_target_of_a_half_is_read(tiny_project):
    p = et.load_project(_params(tiny_project, "targets: {1: 0.5, 2: 0.6}", kind="share"))
    assert p.params.goals[0].targets == {1: 0.5, 2: 0.6}


def test_a_whole_count_target_written_with_a_point_is_read(tiny_project):
    # 20.0 is 20 persons
    p = et.load_project(_params(tiny_project, "target: 20.0"))
    assert p.params.goals[0].target == 20


# --- long values echoed whole ----------------------------------------------------------------------------------------

def test_thousands_of_years_under_targets_are_not_all_listed(tiny_project):
    # years 1 to 3000 for a goal counted in project years 1 and 2: the message listed all 3000 (about 17 KB)
    years = ", ".join(f"{y}: 10" for y in range(1, 3001))
    msg = params_refusal(_params(tiny_project, "targets: {" + years + "}"))
    line = _line(msg, "targets")
    assert line.strip() == ("- parameterfilen som helhet: mål 1 (id: deltagare) har målvärden (targets) för åren 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 …, "
                            "men målet räknas med period: project_year och har åren 1, 2: skriv ett målvärde för "
                            "varje år och inga andra, targets: {1: 10, 2: 10} (ett ? där ansökan inte anger något)")


def test_a_few_wrong_years_are_all_listed(tiny_project):
    msg = params_refusal(_params(tiny_project, "targets: {1: 10, 2: 10, 3: 10}"))
    assert "för åren 1, 2, 3, men" in msg


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_funder_naming_a_municipality_of_any_length_is_shortened(tiny_project, tmp_path, lang):
    # a name of 200 letters before ' kommun': echoed as its first 57 characters and an ellipsis, as a cell is
    name = "A" * 200 + " kommun"
    p = tiny_project("")
    write_csv(tmp_path / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000, "funder": "förbund"},
        {"period": "2022", "category": "Personal", "budget": 20000, "actual": 25000, "funder": name},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(p, lang=lang)
    note = next(x for x in e.value.problems if x.column == "funder").note(lang)
    assert "'Personal, " + "A" * 57 + "…'" in note
    assert "A" * 58 not in note
