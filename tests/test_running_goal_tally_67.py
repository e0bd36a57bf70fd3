"""Page 1's tally of a project's own goals says a goal whose every period still runs is running, as its row in the goal
table says ("Pågår"), not that it is not assessed (found: a questionnaire goal of a structural project shown as
"Pågår" in its table and counted "ett är inte bedömt" on page 1)."""
from __future__ import annotations

import pytest

from evaltools.analysis.goals import GoalCount
from evaltools.present.sections.kind import own_goals_sentence

from .conftest import sample_report


@pytest.mark.parametrize("lang, said", [
    ("sv", "ett delvis uppnått; ett pågår ännu och ett är inte bedömt."),
    ("en", "one is partly achieved; one is still running and one is not assessed."),
])
def test_a_running_goal_is_counted_as_running_and_the_rest_as_not_assessed(lang, said):
    r = sample_report("samverkan-i-praktiken", lang)
    # four goals: one reached, one partly, one running in every period, one the evaluator has not assessed
    count = GoalCount(judged=2, reached=1, partly=1, not_reached=0, uncertain=0, running=1)
    text = own_goals_sentence(r, count, 4).replace("\xa0", " ")
    assert text.endswith(said), text


def test_without_a_running_goal_the_tally_is_as_before():
    r = sample_report("samverkan-i-praktiken", "sv")
    count = GoalCount(judged=3, reached=3, partly=0, not_reached=0, uncertain=0, running=0)
    assert own_goals_sentence(r, count, 4).endswith("; ett är inte bedömt.")
