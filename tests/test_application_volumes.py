"""An application's check compares each goal with the volumes the application states. A goal that counts action
plans is compared with the application's expected share of exits with a plan (``expected.exits_with_action_plan_share``),
never with its expected successes (a plan is not a success); without that share it is not assessed, and page 1 and
the goal table say why. A share goal's expected share is the expected successes a year over the expected participants
a year, as if every participant ended within the year, and the goal table says so. Tiny applications in tmp_path;
expected values by hand in the comments."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.data.params import ParamsError
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections import kind


def application_params(tmp_path, expected: str, goals: str):
    """A tiny application's params file in tmp_path: the ``expected:`` volumes (a mapping's inside) and ``goals``
    (the goals list's YAML items)."""
    p = tmp_path / "ansokan.yaml"
    p.write_text(textwrap.dedent("""\
        id: ansokan
        title: Nya vägar (ansökan)
        forbund: Testförbundet
        owner: Testkommun
        kind: ansökan
        period: {start: 2026-01-01, planned_end: 2027-12-31}
        expected: {%s}
        goals:
        """) % expected + textwrap.indent(goals, "  "), encoding="utf-8")
    return p


def _application(tmp_path, expected: str, goals: str) -> et.Project:
    return et.load_project(application_params(tmp_path, expected, goals))


PLAN_SHARE = textwrap.dedent("""\
    - id: plan
      kind: share
      label: Minst 80 % av de avslutade har en handlingsplan
      target: 0.8
      numerator: action_plan
      denominator: exits
    """)
PLAN_COUNT = textwrap.dedent("""\
    - id: planer
      kind: outcome_count
      label: Minst 50 avslutade per år med handlingsplan
      target: 50
      numerator: action_plan
      count_by: exit
    """)
MAIN = textwrap.dedent("""\
    - id: egen
      kind: outcome_count
      label: 40 personer per år till egen försörjning
      target: 40
      count_by: exit
      main: true
      success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning, annan_ersättning]
    """)
PARTICIPANTS = textwrap.dedent("""\
    - id: deltagare
      kind: participant_count
      label: Minst 80 deltagare per år
      target: 80
    """)
WORK_SHARE = textwrap.dedent("""\
    - id: arbete
      kind: share
      label: Minst 40 % går till arbete eller studier
      target: 0.4
      denominator: participants
      success_outcomes: [arbete, arbete_med_stöd, studier]
    """)


def _rows(table, gid):
    return table[table["goal_id"] == gid]


def test_a_plan_share_is_compared_with_the_expected_share_of_exits_with_a_plan(tmp_path):
    p = _application(tmp_path, "participants_per_year: 90, successes_per_year: 40, exits_with_action_plan_share: 0.85",
                     PLAN_SHARE + PLAN_COUNT)
    table = assess_goals(p).table
    # the application's 85 % against 80 %: reached by the volumes, each of the two years; not 40 / 90 = 44,4 %
    share = _rows(table, "plan")
    assert share["value"].tolist() == [0.85, 0.85]
    assert (share["status"] == GoalStatus.VOLUMES_REACH).all()
    # a count of plans: 90 participants a year x 0,85 = 76,5 -> 77 exits with a plan a year, against 50
    count = _rows(table, "planer")
    assert count["value"].tolist() == [77, 77]
    assert (count["status"] == GoalStatus.VOLUMES_REACH).all()


def test_without_the_expected_share_a_plan_goal_is_not_assessed_and_page_one_says_why(tmp_path):
    p = _application(tmp_path, "participants_per_year: 90, successes_per_year: 40", PLAN_SHARE + PARTICIPANTS)
    table = assess_goals(p).table
    plan = _rows(table, "plan")
    assert plan["value"].isna().all()  # (before: 40 / 90 = 44,4 %, the successes taken for plans)
    assert (plan["note"] == "plans_not_expected").all()
    assert (plan["status"] == GoalStatus.NOT_ASSESSED).all()
    r = et.Report(p, lang="sv")
    sentence = kind.unexpected_outcomes_sentence(r)
    # one of the two measurable goals, for the one reason
    assert sentence == ("Ett av de två mätbara målen kan inte jämföras med ansökans volymer: ansökan anger inte hur "
                        "stor andel av de avslutade som förväntas ha en handlingsplan.")
    notes = goals_section.unexpected_outcome_notes(r)
    assert len(notes) == 1 and notes[0].startswith("Minst 80\u00a0% av de avslutade har en handlingsplan: inte bedömt.")


def test_an_expected_share_says_how_it_is_made(tmp_path):
    p = _application(tmp_path, "participants_per_year: 90, successes_per_year: 40, "
                               "outcome_mix: {arbete: 0.5, studier: 0.2, sjuk_aktivitetsersättning: 0.3}", MAIN + WORK_SHARE)
    table = assess_goals(p).table
    # (the main goal counts every expected success, the share goal its part by the mix)
    # 40 successes a year, 70 % of them to work or studies: 28 a year over 90 participants = 31,1 %
    rows = _rows(table, "arbete")
    assert rows["value"].round(4).tolist() == [0.3111, 0.3111]
    notes = goals_section.expected_share_notes(et.Report(p, lang="sv"))
    assert notes == ["Minst 40\u00a0% går till arbete eller studier: den förväntade andelen är ansökans 28 förväntade "
                     "avslut per år till målets utfall delat med dess 90 förväntade deltagare per år, som om alla "
                     "deltagare avslutar under året."]


def test_an_expected_share_of_plans_above_one_is_refused(tmp_path):
    with pytest.raises(ParamsError) as e:
        _application(tmp_path, "participants_per_year: 90, exits_with_action_plan_share: 70", PLAN_SHARE)
    assert "exits_with_action_plan_share" in str(e.value) and "70" in str(e.value)
