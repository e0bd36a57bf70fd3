"""A hostile or careless user's input on the newest paths: a project prolonged by a fortnight past its planned
end; a count per quarter written in words above twenty; a personnummer pasted into a params text. Each ends in the
right figure or one clear message naming file, key, value and what to write, never a traceback."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.analysis.goals import GoalStatus, GoalVerdict, assess_goals
from evaltools.words.labels import goal_note

from .conftest import PARTICIPANT_ROWS, write_csv


def _project(tmp_path: Path, period: str, goals: str, rows: list[tuple]) -> Path:
    """A small project in ``tmp_path``: its params with ``period`` and ``goals``, and participants ``rows``."""
    data = tmp_path / "data"
    write_csv(data / "participants.csv", pd.DataFrame(rows, columns=[
        "person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]))
    write_csv(data / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    params = tmp_path / "tiny.yaml"
    params.write_text(textwrap.dedent(f"""\
        id: tiny
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        {period}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """) + textwrap.dedent(goals), encoding="utf-8")
    return params


# --- 1. a project prolonged by a fortnight: the extra period's target is 0 whole persons ---------------------

_TEN_A_YEAR = """\
    goals:
      - id: arbete
        label: Minst 10 deltagare per år ska börja arbeta
        kind: outcome_count
        success_outcomes: [arbete]
        target: 10
        period: project_year
    """
# twelve who started and ended in project year 1, six of them to work
_YEAR_ONE = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01",
              "arbete" if i < 6 else "kvar_försörjningsstöd") for i in range(12)]


def _goal_rows(tmp_path: Path, period: str) -> pd.DataFrame:
    table = assess_goals(et.load_project(_project(tmp_path, period, _TEN_A_YEAR, _YEAR_ONE))).table
    return table[table["goal_id"] == "arbete"].set_index("period_key")


def test_a_fortnight_past_the_planned_end_does_not_make_a_goal_reached_by_nobody(tmp_path):
    rows = _goal_rows(tmp_path, "period: {start: 2022-01-01, planned_end: 2022-12-31, actual_end: 2023-01-15}")
    # year 2 runs 2023-01-01..2023-01-15, 15 of 365 days: 10 × 15 / 365 = 0,41, 0 whole persons, which the
    # nobody who went to work in it would 'reach'
    assert rows.loc["år2", "target_prorated"] == 0
    assert rows.loc["år2", "value"] == 0
    assert rows.loc["år2", "status"] == GoalStatus.NOT_ASSESSED
    assert goal_note(rows.loc["år2", "note"], "sv") == (
        "för kort period för att bedömas: målvärdet för periodens längd avrundas till 0 personer")
    assert goal_note(rows.loc["år2", "note"], "en") == (
        "too short a period to be judged: the target for its length rounds to 0 persons")
    # year 1: 6 went to work, below 0,8 × 10 = 8 (the partial band): not reached, and so is the goal
    assert rows.loc["år1", "status"] == GoalStatus.NOT_REACHED
    assert set(rows["verdict"]) == {GoalVerdict.NOT_REACHED}


def test_a_prolonged_period_with_a_target_of_one_person_or_more_is_still_judged(tmp_path):
    rows = _goal_rows(tmp_path, "period: {start: 2022-01-01, planned_end: 2022-12-31, actual_end: 2023-03-31}")
    # year 2 runs 90 of 365 days: 10 × 90 / 365 = 2,47, 2 whole persons; nobody went to work in it
    assert rows.loc["år2", "target_prorated"] == 2
    assert rows.loc["år2", "status"] == GoalStatus.NOT_REACHED


# --- 2. a count per quarter in words above twenty ------------------------------------------------------------

def _count_goal(label: str, target: int) -> str:
    return f"""\
    goals:
      - id: nya
        label: {label}
        kind: participant_count
        target: {target}
        period: project_year
    """


@pytest.mark.parametrize("label, target, fix", [
    ("Minst tjugofem nya deltagare per kvartal", 25, 100),  # 4 quarters × 25
    ("Minst trettio nya deltagare per kvartal", 30, 120),  # 4 × 30
    ("Hundra nya deltagare per halvår", 100, 200),  # 2 half-years × 100
    ("Två hundra nya deltagare per halvår", 200, 400),  # 2 × 200
    ("At least twenty-five new participants per quarter", 25, 100),  # 4 × 25
])
def test_a_count_per_quarter_in_words_above_twenty_gets_the_years_target(tmp_path, label, target, fix):
    params = _project(tmp_path, "period: {start: 2022-01-01, planned_end: 2023-12-31}", _count_goal(label, target),
                      PARTICIPANT_ROWS)
    with pytest.raises(ParamsError) as e:
        et.load_project(params)
    [line] = e.value.lines
    assert f"målvärde, target: {fix} (" in line["sv"]
    assert f"ett år med {target} räknas som nått" in line["sv"]
    # the year's target is taken as written
    (tmp_path / "tiny.yaml").write_text(params.read_text(encoding="utf-8").replace(
        f"target: {target}\n", f"target: {fix}\n"), encoding="utf-8")
    assert et.load_project(params).params.goals[0].target == fix


# --- 3. a personnummer pasted into a params text: refused in the report's language, placed as the evaluator counts

@pytest.mark.parametrize("extra, sv, en", [
    ("goals:\n  - {id: utb, kind: qualitative, label: 'Minst 40 handläggare, t.ex. 811218-9876, ska utbildas'}\n",
     "mål 1 (id: utb), label", "goal 1 (id: utb), label"),
    ("partners: [Arbetsförmedlingen, 'Kontakt 811218-9876']\n", "samverkanspart 2", "partner 2"),
    # a key holding one is named by where it is, never by itself
    ("reference:\n  riksnorm: {'811218-9876': 5}\n", "en nyckel i reference, riksnorm", "a key in reference, riksnorm"),
])
def test_a_personnummer_in_a_params_text_is_refused_in_the_reports_words(tiny_project, extra, sv, en):
    with pytest.raises(ParamsError) as e:
        et.load_project(tiny_project(extra))
    [line] = e.value.lines
    assert line["sv"] == (f"{sv}: innehåller något som liknar ett personnummer (visas inte här); rapporten publiceras "
                          "och får inte kunna peka ut en person: ta bort det")
    assert line["en"] == (f"{en}: holds something shaped like a personnummer (not shown here); a report is published "
                          "and must not identify a person: remove it")


def test_the_goal_section_says_a_period_may_be_too_short_to_judge(tmp_path):
    from evaltools.present.sections.goals import one_period_notes
    project = et.load_project(_project(
        tmp_path, "period: {start: 2022-01-01, planned_end: 2022-12-31, actual_end: 2023-01-15}", _TEN_A_YEAR, _YEAR_ONE))
    assert one_period_notes(et.Report(project, lang="sv")) == [
        "Minst 10 deltagare per år ska börja arbeta: inte uppnått, bedömt enbart på år 1. De andra perioderna kan "
        "inte bedömas: de redovisas inte, har för få deltagare, är för korta för att bedömas eller har inte slutat."]
