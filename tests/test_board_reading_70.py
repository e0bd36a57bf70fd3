"""Reading the reports as the board that decides on money: what a reader stumbled over after the round that
counted goals after exit, protected the pre-study's outcomes and reworded page 1's successes."""
from __future__ import annotations

import html
import re

import pytest

from evaltools.present.sections import evaluator

from .conftest import sample_report


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang, partly, uncertain", [
    ("sv", r"övriga nåddes delvis", r"felmarginalen"),
    ("en", r"others\s+were reached in part", r"margin of error"),
])
def test_kompassens_assessment_says_of_its_uncertain_goals_what_the_goal_table_says(lang, partly, uncertain):
    # The goal table's verdicts, read per goal from its rows: a goal whose every period is "reached, but
    # uncertain" (the interval spans the target) was not "reached in part"; the text must say it is uncertain.
    r = sample_report("kompassen-demo", lang)
    tab = r.goals.table
    verdicts = {g: set(rows["status"]) for g, rows in tab.groupby("goal_id")}
    uncertain_goals = [g for g, s in verdicts.items() if s == {"uppnått_osäkert"}]
    assert len(uncertain_goals) == 2, verdicts  # (the share going on and the share with an action plan)
    said = _plain(evaluator.part_html(r, "assessment"))
    assert not re.search(partly, said), said
    assert uncertain in said, said
    # the one goal reached clearly is the one the text names
    assert [g for g, s in verdicts.items() if s == {"uppnått"}] == ["jämställdhet"]
