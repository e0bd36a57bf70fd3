"""An application's goals that count the main goal's successes: a share goal over the same outcomes as the main
goal (work or studies, not every exit from försörjningsstöd) is judged on the application's expected successes, as
the main goal is, not left unassessed for want of an outcome mix (the expected successes are the main goal's)."""
from __future__ import annotations

import pytest

import evaltools as et

from .test_application_volumes import application_params

GOALS = """\
- id: egen
  kind: outcome_count
  label: 40 personer per år till arbete eller studier
  target: 40
  count_by: exit
  success_outcomes: [arbete, studier]
- id: andel
  kind: share
  label: Minst 40 % av de avslutade ska gå till arbete eller studier
  target: 0.4
  denominator: exits
  success_outcomes: [OUTCOMES]
"""


def _share_rows(tmp_path, outcomes: str):
    params = application_params(tmp_path, "participants_per_year: 90, successes_per_year: 40", GOALS.replace("OUTCOMES", outcomes))
    table = et.Report(et.load_project(params), lang="sv").goals.table
    return table[table["goal_id"] == "andel"]


def test_a_share_goal_over_the_main_goals_outcomes_is_judged_on_the_expected_successes(tmp_path):
    # 40 successes a year over 90 participants a year: 40 / 90 = 0.444…, over the target 0.4, in each project year
    rows = _share_rows(tmp_path, "studier, arbete")  # (the same outcomes, in another order)
    assert list(rows["value"]) == pytest.approx([40 / 90, 40 / 90])
    assert not (rows["note"].astype(str) == "outcomes_not_expected").any()


def test_a_share_goal_over_other_outcomes_still_says_the_volumes_do_not_divide_them(tmp_path):
    # studies alone: the application's 40 successes a year are not divided between work and studies
    rows = _share_rows(tmp_path, "studier")
    assert (rows["note"].astype(str) == "outcomes_not_expected").all()
    assert rows["value"].isna().all()
