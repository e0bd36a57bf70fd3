"""Goals for several groups of the same kind taken together: a goal per municipality, each of which leaves many
outside its own group, can still tell a small count. With Härnösand 12 and Timrå 7 published beside the 21
participants, 21 − 12 − 7 = 2 from Kramfors. The smallest group's figure is then withheld for that period, so that
what is left outside the published groups is at least five."""
from __future__ import annotations

import datetime as dt
import textwrap

import numpy as np

import evaltools as et
from evaltools.analysis.goals import AMONG_FEW_OTHERS, hide_small_periods

from .conftest import write_csv

HEAD = """\
id: tre
title: Tre kommuner
forbund: Samordningsförbundet Tre
owner: Härnösands kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-06-30
data: {participants: data/participants.csv}
goals:
"""


def _project(tmp_path, towns: dict[str, int], goals: str):
    """Every person starts in 2024 (year 1) and ends 100 days later in work; the goals as the report shows them
    (five the smallest count shown)."""
    rows = []
    for town, n in towns.items():
        for k in range(n):
            start = dt.date(2024, 2, 1) + dt.timedelta(days=5 * k)
            rows.append({"person_id": f"{town[:2]}{k:02d}", "sex": ("kvinna", "man")[k % 2], "birth_year": 1980 + k,
                         "household_type": "ensamstående", "start_date": start.isoformat(),
                         "end_date": (start + dt.timedelta(days=100)).isoformat(), "outcome": "arbete",
                         "municipality": town})
    write_csv(tmp_path / "data/participants.csv", rows)
    p = tmp_path / "tre.yaml"
    p.write_text(HEAD + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return hide_small_periods(et.assess_goals(et.load_project(p)).raw, 5).set_index("goal_id")


def _goal(gid: str, town: str, target: int, kind: str = "participant_count") -> str:
    extra = "  success_outcomes: [arbete]\n" if kind == "outcome_count" else ""
    return (f"- id: {gid}\n  kind: {kind}\n  label: \"{town}: {target} deltagare\"\n  target: {target}\n"
            f"  period: project_year\n  among: {{municipality: {town}}}\n{extra}")


def test_the_smallest_of_two_municipality_goals_is_withheld_where_the_rest_is_small(tmp_path):
    tab = _project(tmp_path, {"Härnösand": 12, "Timrå": 7, "Kramfors": 2},
                   _goal("h", "Härnösand", 10) + _goal("t", "Timrå", 5))
    # Härnösand's 12 shown (outside it: 7 + 2 = 9); Timrå's 7 withheld, since 21 − 12 − 7 = 2 < 5
    assert tab.at["h", "value"] == 12 and tab.at["h", "suppression"] == ""
    assert np.isnan(tab.at["t", "value"]) and tab.at["t", "note"] == AMONG_FEW_OTHERS
    assert str(tab.at["t", "status"]) == "ej_bedömt"


def test_the_same_for_outcome_counts(tmp_path):
    tab = _project(tmp_path, {"Härnösand": 12, "Timrå": 7, "Kramfors": 2},
                   _goal("h", "Härnösand", 10, "outcome_count") + _goal("t", "Timrå", 5, "outcome_count"))
    # everyone went to work: 12, 7 and 2 successes, the same as above
    assert tab.at["h", "value"] == 12 and np.isnan(tab.at["t", "value"])


def test_where_the_rest_is_large_enough_or_none_both_are_shown(tmp_path):
    # 21 − 12 − 7 = 2 from Kramfors becomes 6: nothing small is left to tell
    tab = _project(tmp_path, {"Härnösand": 12, "Timrå": 7, "Kramfors": 6},
                   _goal("h", "Härnösand", 10) + _goal("t", "Timrå", 5))
    assert (tab.at["h", "value"], tab.at["t", "value"]) == (12, 7)
    # no one outside the two groups: the total less them is 0, which tells nothing about anyone
    tab = _project(tmp_path, {"Härnösand": 12, "Timrå": 7}, _goal("h", "Härnösand", 10) + _goal("t", "Timrå", 5))
    assert (tab.at["h", "value"], tab.at["t", "value"]) == (12, 7)


def test_one_municipality_goal_alone_keeps_its_own_rule(tmp_path):
    # Timrå alone: outside it 12 + 2 = 14 persons, so nothing is withheld
    tab = _project(tmp_path, {"Härnösand": 12, "Timrå": 7, "Kramfors": 2}, _goal("t", "Timrå", 5))
    assert tab.at["t", "value"] == 7
