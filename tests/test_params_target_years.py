"""A goal's targets per year keyed as an application writes the years ('år 1', 'År 2'), a key that is no year
told how a year is written (not a value's example), and the unit of the amounts said once where a file's unit is
wrong."""
from __future__ import annotations

import evaltools as et

from .conftest import params_refusal

GOAL = """\
    goals:
      - id: g
        kind: participant_count
        label: Deltagare per år
        targets: %s
    """


def test_years_written_as_words_and_numbers_are_the_project_years(tiny_project):
    project = et.load_project(tiny_project(GOAL % "{år 1: 10, 'År 2': 12}"))
    assert project.params.goals[0].targets == {1: 10, 2: 12}
    same = et.load_project(tiny_project(GOAL % "{1: 10, 2: 12}"))
    assert same.params.goals[0].targets == project.params.goals[0].targets


def test_a_key_that_is_no_year_is_told_how_to_write_a_year(tiny_project):
    msg = params_refusal(tiny_project(GOAL % "{år tre: 10, första året: 12}"))
    assert "targets, år tre: står 'år tre'; ett år i targets skrivs som ett tal" in msg
    assert "targets, första året: står 'första året'" in msg
    assert "t.ex. 40 eller 0.8" not in msg  # (a value's example, not a year's)
    en = params_refusal(tiny_project(GOAL % "{år tre: 10}"), "en")
    assert "a year in targets is written as a number" in en


def test_a_unit_per_file_that_is_no_unit_is_one_problem(tiny_project):
    block = "data:\n  participants: data/participants.csv\n  budget: data/budget.csv\n  amount_unit: {budget: miljoner}\n"
    msg = params_refusal(tiny_project(data_block=block))
    assert "1 problem" in msg
    assert "data, amount_unit, budget: står 'miljoner'" in msg
