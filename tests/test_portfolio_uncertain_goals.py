"""The portfolio's conclusions count a goal reached "men osäkert" among the goals reached, as the goal
table does, but say that it is uncertain: a project's own page 1 never calls such a goal simply
reached, so the portfolio's first page must not either (one voice). Verdict lists are written by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from evaltools.analysis.goals import GoalVerdict as V
from evaltools.present.portfolio import Portfolio


def _words(verdicts: list[V], lang: str) -> str:
    pf = Portfolio.__new__(Portfolio)  # only the goal list is needed, not projects on disk
    pf.lang = lang
    pf.goals = pd.DataFrame({"id": ["p"] * len(verdicts), "verdict": [v.value for v in verdicts]})
    return pf._goals_words("p", ex_ante=False)


@pytest.mark.parametrize("lang, expected", [
    ("sv", "nådde tre av fyra bedömda mål (men osäkert för två av de nådda)"),
    ("en", "reached three of four assessed goals (but uncertain for two of those reached)"),
])
def test_two_of_three_reached_goals_are_uncertain(lang, expected):
    # Kompassen's goals: partly; reached but uncertain; reached but uncertain; reached
    verdicts = [V.PARTLY, V.REACHED_UNCERTAIN, V.REACHED_UNCERTAIN, V.REACHED]
    assert _words(verdicts, lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("sv", "nådde ett av två bedömda mål (men osäkert)"),
    ("en", "reached one of two assessed goals (but uncertain)"),
])
def test_the_only_reached_goal_is_uncertain(lang, expected):
    assert _words([V.NOT_REACHED, V.REACHED_UNCERTAIN], lang) == expected


def test_the_one_assessed_goal_reached_uncertainly():
    assert _words([V.REACHED_UNCERTAIN, V.RUNNING], "sv") == (
        "nådde det enda mål som är bedömt (men osäkert) (ett mål pågår ännu)")


def test_goals_reached_without_reservation_are_not_qualified():
    # Timrå: reached, not reached twice, partly, not assessed
    verdicts = [V.REACHED, V.NOT_REACHED, V.NOT_REACHED, V.PARTLY, V.NOT_ASSESSED]
    assert _words(verdicts, "sv") == "nådde ett av fyra bedömda mål"
