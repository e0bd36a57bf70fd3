"""The portfolio's conclusions say when a goal's verdict rests on the periods that have ended while one still runs,
as page 1 of the project's report and the portfolio's goal table say it: Specialistteamet's one judged goal was
said "nådde det enda mål som är bedömt", read as final, while its last project year had not ended. Verdict lists
and the sentences are written by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from evaltools.analysis.goals import GoalVerdict as V
from evaltools.present.portfolio import Portfolio


def _words(verdicts: list[tuple[V, bool]], lang: str) -> str:
    pf = Portfolio.__new__(Portfolio)  # only the goal list is needed, not projects on disk
    pf.lang = lang
    pf.goals = pd.DataFrame({"id": ["p"] * len(verdicts), "verdict": [v.value for v, _ in verdicts],
                             "verdict_so_far": [f for _, f in verdicts]})
    return pf._goals_words("p", ex_ante=False)


@pytest.mark.parametrize("lang, expected", [
    ("sv", "nådde det enda mål som är bedömt under de perioder som har slutat (två mål pågår ännu)"),
    ("en", "reached the one goal assessed so far, judged over the periods that have ended (two goals still running)"),
])
def test_the_one_goal_judged_on_its_ended_periods_is_not_said_as_final(lang, expected):
    # Specialistteamet's goals: one reached on its ended project years (year 3 runs), two not judged until they end
    assert _words([(V.REACHED, True), (V.RUNNING, False), (V.RUNNING, False)], lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("sv", "nådde ett av tre bedömda mål (för två av dem gäller bedömningen de perioder som har slutat)"),
    ("en", "reached one of three assessed goals (two of them judged over the periods that have ended)"),
])
def test_some_goals_judged_on_their_ended_periods_are_counted(lang, expected):
    # the goal still running is not judged, so it is not one of those judged so far
    assert _words([(V.REACHED, True), (V.NOT_REACHED, False), (V.PARTLY, True), (V.RUNNING, False)],
                  lang) == expected + (" (ett mål pågår ännu)" if lang == "sv" else " (one goal still running)")


def test_a_goal_judged_on_every_period_says_nothing_more():
    assert _words([(V.REACHED, False), (V.NOT_REACHED, False)], "sv") == "nådde ett av två bedömda mål"
