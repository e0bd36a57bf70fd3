"""A count goal's period hidden as ".." (k or more persons, hidden so that a "<k" beside it cannot be worked out
from the goal's total) kept its verdict. Where the verdict would narrow the "<k": "Uppnått" at a target of 12, beside
a total of 29 of which 14 are shown, tells that the hidden period holds at least 12 of the 15 hidden, so the "<5"
holds at most 3 (it may hold 1 to 4). Such a period is now not judged, with a note saying why; where the verdict is
the same whatever the "<5" holds, it stays. Expected values by hand from the intakes written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.words.labels import goal_note

from .test_small_counts_3 import project


def _goal(target: int) -> str:
    return f"""\
goals:
  - id: deltagare
    kind: participant_count
    label: Minst {target} deltagare per år
    target: {target}
    period: project_year
"""


def _rows(tmp_path, target: int):
    # intake 13 in year 1, 14 in year 2, 2 in year 3 (three months of twelve: its target is a quarter of the year's)
    t = et.assess_goals(et.load_project(project(tmp_path, ((13, 0), (14, 0), (2, 0)), _goal(target)))).table
    return t[t["goal_id"] == "deltagare"].set_index("period_key")


def test_a_hidden_periods_verdict_that_would_narrow_a_small_count_is_withheld(tmp_path):
    rows = _rows(tmp_path, 12)
    hidden = rows[rows["suppression"] == "secondary"]
    assert len(hidden) == 1 and (rows["suppression"] == "small").sum() == 1
    assert rows["total"].iloc[0] == 29  # the goal's total, as published beside the periods
    # the ".." period holds 13 or 14 (the hidden 15 less a "<5" of 1 to 4: 11 to 14): at a target of 12, 11 is
    # partly reached and 12 to 14 reached, so the verdict would tell which; it is not given
    (status,), (note,) = hidden["status"], hidden["note"]
    assert status == "ej_bedömt"
    assert "bedöms inte" in goal_note(note, "sv") and "not judged" in goal_note(note, "en")


@pytest.mark.parametrize("target", [10, 20])
def test_a_verdict_that_holds_over_every_count_the_figures_allow_stays(tmp_path, target):
    rows = _rows(tmp_path, target)
    hidden = rows[rows["suppression"] == "secondary"]
    # 11 to 14 against 10: reached at every count; against 20 (partly from 16): not reached at every count
    assert hidden["status"].tolist() == [{10: "uppnått", 20: "ej_uppnått"}[target]]
    assert hidden["note"].tolist() == ["withheld_period_note"]
