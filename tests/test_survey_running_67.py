"""A questionnaire goal while the project runs is *running*, as a share goal over the same period: its share so far
with its interval, and no test against the target while answers still come in (found: the goal table showed
"Pågår" beside "Över målet, p < 0,001", a verdict and a test on one row, and page 1 said the goal was not assessed)."""
from __future__ import annotations

import numpy as np

import evaltools as et
from evaltools.analysis.goals import GoalStatus

from .conftest import write_csv
from .test_board_reading_21 import SURVEY_GOALS
from .test_survey import _responses
from .test_survey_data import DATA, QUESTIONS


def _goal_row(tiny_project, as_of: str | None):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    extra = SURVEY_GOALS + (f"data_as_of: {as_of}\n" if as_of else "")
    table = et.assess_goals(et.load_project(tiny_project(extra, data_block=DATA))).table
    return table[table["goal_id"] == "kanner"].iloc[0]


def test_a_running_questionnaire_goal_has_its_share_and_interval_but_no_test(tiny_project):
    row = _goal_row(tiny_project, "2023-06-30")  # (the project runs to 2023-12-31)
    assert row["status"] == GoalStatus.RUNNING and bool(row["running"])
    assert 0 <= row["ci_low"] <= row["value"] <= row["ci_high"] <= 1
    assert np.isnan(row["p_above_target"]) and np.isnan(row["p_below_target"]) and row["ci_verdict"] == ""


def test_an_ended_projects_questionnaire_goal_is_tested(tiny_project):
    row = _goal_row(tiny_project, None)
    assert row["status"] != GoalStatus.RUNNING
    assert not np.isnan(row["p_above_target"]) and row["ci_verdict"] != ""


def test_the_goal_tables_note_says_answers_still_come_in_not_that_persons_are_enrolled(tiny_project):
    from evaltools.present.sections import goals as goal_section

    from .conftest import shown_chunks
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    r = et.Report(et.load_project(tiny_project(SURVEY_GOALS + "data_as_of: 2023-06-30\n", data_block=DATA)), lang="sv")
    text = " ".join(shown_chunks(goal_section.blocks(r))).replace("\xa0", " ")
    assert "eftersom enkätsvaren ännu kommer in" in text, text
    assert "fortfarande är inskrivna" not in text
