"""A hostile or careless user's input on the newest paths: goals for groups that lie one within another (those
under 25 and those under 30; women in one municipality and the whole municipality), whose two figures differ by a
few persons. Each ends in the right figure, a withheld one, or one clear message naming file, key, value and what
to write, never a traceback."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.analysis.goals import AMONG_FEW_BEYOND, hide_small_periods
from evaltools.present import sections
from evaltools.words.labels import goal_note

from .conftest import shown_chunks, write_csv

HEAD = """\
id: inre
title: Grupper i grupper
forbund: Samordningsförbundet Inre
owner: Härnösands kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-06-30
data: {participants: data/participants.csv}
"""


def _people(groups: list[tuple[str, str, int, int, str]]) -> list[dict]:
    """Participants, ``n`` of each (municipality, sex, age at start, n, outcome); each starts in 2024 (project
    year 1) and ends 100 days later."""
    rows, i = [], 0
    for town, sex, age, n, outcome in groups:
        for _ in range(n):
            start = dt.date(2024, 2, 1) + dt.timedelta(days=3 * i)
            rows.append({"person_id": f"P{i:03d}", "sex": sex, "birth_year": 2024 - age,
                         "household_type": "ensamstående", "start_date": start.isoformat(),
                         "end_date": (start + dt.timedelta(days=100)).isoformat(), "outcome": outcome,
                         "municipality": town})
            i += 1
    return rows


def _goal(gid: str, among: str, kind: str = "participant_count", target: float = 3) -> str:
    extra = {"participant_count": "",
             "outcome_count": "    success_outcomes: [arbete]\n",
             "share": "    numerator: outcome\n    success_outcomes: [arbete]\n    denominator: exits\n"}[kind]
    return (f"  - id: {gid}\n    kind: {kind}\n    label: \"Mål {gid}\"\n    target: {target}\n"
            f"    period: project_year\n    among: {among}\n{extra}")


def _params(tmp_path: Path, people: list[dict], goals: str) -> Path:
    write_csv(tmp_path / "data/participants.csv", people)
    p = tmp_path / "inre.yaml"
    p.write_text(HEAD + "goals:\n" + goals, encoding="utf-8")
    return p


def _table(params: Path) -> pd.DataFrame:
    return hide_small_periods(et.assess_goals(et.load_project(params)).raw, 5).set_index("goal_id")


# --- 1. goals for groups one within another: the difference of their figures is a small count -------------------

def test_a_group_within_another_goals_group_is_withheld_where_the_rest_of_that_group_is_small(tmp_path):
    # 10 aged 22 and 2 aged 27 (all women), 8 men aged 40. Under 25: 10; under 30: 10 + 2 = 12; 12 − 10 = 2
    # persons aged 25–29 (1 to 4): the smaller group's figure is withheld, the larger one's shown (outside it
    # 8 men, enough)
    people = _people([("A", "kvinna", 22, 10, "arbete"), ("A", "kvinna", 27, 2, "arbete"),
                      ("A", "man", 40, 8, "arbete")])
    tab = _table(_params(tmp_path, people, _goal("u25", "{age_below: 25}") + _goal("u30", "{age_below: 30}")))
    assert tab.at["u30", "value"] == 12 and tab.at["u30", "suppression"] == ""
    assert np.isnan(tab.at["u25", "value"]) and tab.at["u25", "note"] == AMONG_FEW_BEYOND
    assert str(tab.at["u25", "status"]) == "ej_bedömt"


def test_the_same_across_keys_and_for_outcome_counts_and_shares(tmp_path):
    # municipality A: 10 women and 2 men; B: 8 men. Women in A: 10, all A: 12; 12 − 10 = 2 men of A
    people = _people([("A", "kvinna", 30, 10, "arbete"), ("A", "man", 30, 2, "arbete"), ("B", "man", 30, 8, "arbete")])
    for kind in ("participant_count", "outcome_count", "share"):
        target = 0.5 if kind == "share" else 3
        tab = _table(_params(tmp_path, people, _goal("a", "{municipality: A}", kind, target)
                             + _goal("aw", "{municipality: A, sex: kvinna}", kind, target)))
        # everyone ended in work: the counts, the successes and the exits are the persons, 12 and 10
        shown = "value" if kind != "share" else "denominator"
        assert tab.at["a", shown] == 12, kind
        assert np.isnan(tab.at["aw", "value"]) and tab.at["aw", "note"] == AMONG_FEW_BEYOND, kind


def test_groups_within_one_another_that_differ_by_five_or_none_are_both_shown(tmp_path):
    # 12 − 7 = 5 aged 25–29: enough; and the same group under two labels (age below 25 twice) differs by 0
    people = _people([("A", "kvinna", 22, 7, "arbete"), ("A", "kvinna", 27, 5, "arbete"),
                      ("A", "man", 40, 8, "arbete")])
    tab = _table(_params(tmp_path, people, _goal("u25", "{age_below: 25}") + _goal("u30", "{age_below: 30}")
                         + _goal("unga", "{age_below: 25}")))
    assert (tab.at["u25", "value"], tab.at["u30", "value"], tab.at["unga", "value"]) == (7, 12, 7)
    # two groups that overlap, neither holding the other: women (7 aged 22 + 5 aged 27 = 12) and those under 25
    # (the 7 women and 3 men aged 22 = 10); 12 − 10 counts no one. Both shown (outside them: 8 + 3 = 11 men;
    # 5 + 8 = 13 aged 27 or 40)
    people += _people([("A", "man", 22, 3, "arbete")])
    for row, k in zip(people[-3:], range(3)):
        row["person_id"] = f"M{k}"
    tab = _table(_params(tmp_path, people, _goal("w", "{sex: kvinna}") + _goal("u25", "{age_below: 25}")))
    assert (tab.at["w", "value"], tab.at["u25", "value"]) == (12, 10)


def test_the_goal_table_says_why_in_both_languages(tmp_path):
    people = _people([("A", "kvinna", 22, 10, "arbete"), ("A", "kvinna", 27, 2, "arbete"),
                      ("A", "man", 40, 8, "arbete")])
    params = _params(tmp_path, people, _goal("u25", "{age_below: 25}") + _goal("u30", "{age_below: 30}"))
    chunks = shown_chunks(sections.goals.blocks(et.Report(params, lang="sv")))
    (said,) = [c for c in chunks if c.startswith("Mål u25, år 1:")]
    assert said == ("Mål u25, år 1: visas som .. och bedöms inte: ett annat mål räknar samma mått för en grupp som "
                    "rymmer hela målets grupp och där färre än 5 personer till, vars antal eller utfall annars kunde "
                    "räknas fram som skillnaden mellan de två målens siffror.")
    chunks = shown_chunks(sections.goals.blocks(et.Report(params, lang="en")))
    assert [c for c in chunks if c.startswith("Mål u25, year 1: shown as .. and not assessed: another goal")]
    assert "färre än 5 personer till" in goal_note(AMONG_FEW_BEYOND, "sv")
    assert "fewer than 5 persons more" in goal_note(AMONG_FEW_BEYOND, "en")


# --- 2. yes, no, true or false where a number goes: YAML's true is not 1 ------------------------------------------

def _params_problems(tmp_path: Path, extra: str, lang: str = "sv") -> list[str]:
    """The params file's problems, one line each, of the tiny project with ``extra`` at its end."""
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n" + extra, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    return e.value.in_lang(lang).messages


BOOLEAN_SV = ("står true; förväntat ett tal: YAML läser yes, no, on, off, true och false utan citattecken som sant "
              "eller falskt, inte som ett tal, och det tas inte som 1 eller 0: skriv talet (t.ex. 40 eller 0.8)")


@pytest.mark.parametrize("written", ["yes", "true", "on", "True"])
def test_a_count_target_of_yes_is_refused_not_read_as_one_person(tmp_path, written):
    # before: target 1, and the 12 participants 'reached' it
    goals = ("goals:\n  - id: g\n    kind: participant_count\n    label: Deltagare\n"
             f"    target: {written}\n    period: whole_period\n")
    assert _params_problems(tmp_path, goals) == [f"mål 1 (id: g), target: {BOOLEAN_SV}"]


def test_a_share_target_of_true_and_a_grant_of_true_are_refused_in_both_languages(tmp_path):
    # before: a share target of true was 100 %, and a grant of true was '1 kr ... for example 1000'
    goals = ("goals:\n  - id: andel\n    kind: share\n    label: Andel i arbete\n    numerator: outcome\n"
             "    success_outcomes: [arbete]\n    denominator: exits\n    target: true\n    period: whole_period\n")
    assert _params_problems(tmp_path, "granted_sek: true\n" + goals) == [
        f"granted_sek: {BOOLEAN_SV}", f"mål 1 (id: andel), target: {BOOLEAN_SV}"]
    (line,) = _params_problems(tmp_path, "granted_sek: no\n", lang="en")
    assert line == ("granted_sek: got false; expected a number: YAML reads yes, no, on, off, true and false without "
                    "quotes as true or false, not as a number, and it is not taken as 1 or 0: write the number (such "
                    "as 40 or 0.8)")


def test_true_or_false_where_true_or_false_goes_is_still_read(tmp_path):
    # a key that takes true or false (a goal's main: true) is untouched by the check
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\ngranted_sek: 500000\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n"
                    "goals:\n  - id: g\n    kind: outcome_count\n    label: I arbete\n    target: 10\n"
                    "    success_outcomes: [arbete]\n    period: whole_period\n    main: true\n", encoding="utf-8")
    prm = et.load_params(path)
    assert prm.goals[0].main is True and prm.goals[0].target == 10 and prm.granted_sek == 500000


# --- 3. an amount with points between the thousands ----------------------------------------------------------------

@pytest.mark.parametrize(("written", "number"), [("1.000.000", "1000000"), ("'1.200.000 kr'", "1200000"),
                                                  ("'1.200,50'", "1200.5")])
def test_an_amount_with_points_between_thousands_gets_the_number_to_write(tmp_path, written, number):
    # YAML reads 1.000.000 as a text (two points): before, 'expected a number (such as 40 or 0.8)'
    (line,) = _params_problems(tmp_path, f"granted_sek: {written}\n")
    said = written.strip("'")
    assert line == (f"granted_sek: står '{said}'; skriv talet utan mellanrum, enhet och tusentalsavgränsare, med "
                    f"decimalpunkt: {number}")
