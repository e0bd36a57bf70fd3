"""A questionnaire goal of a change without a target ("Deltagarnas självskattade hälsa ska öka"): the refusal says
what a change goal's target is (the share answering better than before) and what to write where the application
states none, not only that a target is a share between 0 and 1."""
from __future__ import annotations

import pytest

from .conftest import params_refusal
from .test_survey_data import DATA

CHANGE = """\
goals:
  - {id: halsa, kind: survey, measure: change, label: Deltagarnas självskattade hälsa ska öka, question: F1}
"""
LEVEL = """\
goals:
  - {id: kanner, kind: survey, label: Personalen känner till uppdraget, question: F1, group: personal, level: 4}
"""


@pytest.mark.parametrize("lang, says", [
    ("sv", ("measure: change", "svar är bättre än förut", "kind: qualitative", "står –")),
    ("en", ("measure: change", "answer is better than before", "kind: qualitative", "got –")),
])
def test_a_change_goal_without_a_target_is_told_what_its_target_is_and_what_to_write(tiny_project, lang, says):
    said = params_refusal(tiny_project(CHANGE, data_block=DATA), lang).replace("\n", " ")
    assert all(s in said for s in says), said


def test_a_level_goal_without_a_target_keeps_the_share_of_respondents_message(tiny_project):
    said = params_refusal(tiny_project(LEVEL, data_block=DATA), "sv")
    assert "en andel av de svarande mellan 0 och 1" in said and "measure: change" not in said
