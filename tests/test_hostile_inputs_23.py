"""A hostile or careless user's input on the surfaces added last: an application's expected volumes (negative, huge,
more successes than participants a year), an application's goal counting action plans, and a goal's words with a
year written against its "år" ("år 1 och år2"). Each ends in one clear message naming the key, the value and what
to write, or in a report; never in a traceback. Tiny projects in tmp_path; expected values by hand."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.present.sections import goals as goals_section

from .conftest import params_refusal
from .test_application_volumes import PLAN_SHARE
from .test_application_volumes import application_params as _application_params


PLAN_COUNT = textwrap.dedent("""\
    - id: planer
      kind: outcome_count
      label: Minst 30 avslutade per år med handlingsplan
      target: 30
      numerator: action_plan
      count_by: exit
    """)


def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x)


# --- an application's goal counting action plans ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_expected_share_of_plans_is_noted_without_a_participant_count(tmp_path, lang):
    # the goal table's note of a share of plans named participants its words do not take: every application with
    # such a goal and exits_with_action_plan_share stopped its report (TypeError in the goal section)
    p = et.load_project(_application_params(tmp_path, "participants_per_year: 90, exits_with_action_plan_share: 0.85",
                                            PLAN_SHARE), lang=lang)
    r = et.Report(p, lang=lang)
    notes = goals_section.expected_share_notes(r)
    # 0,85 -> 85 %, the application's own share
    want = {"sv": "Minst 80\u00a0% av de avslutade har en handlingsplan: den förväntade andelen är ansökans förväntade "
                  "andel avslutade med handlingsplan, 85\u00a0%.",
            # (English writes a percentage without a space, the label's too)
            "en": "Minst 80\u00a0% av de avslutade har en handlingsplan: the expected share is the application's "
                  "expected share of exits with an action plan, 85%."}[lang]
    assert notes == [want]
    assert goals_section.blocks(r)  # (the whole goal section is built)


def test_an_expected_count_of_plans_still_names_the_participants(tmp_path):
    p = et.load_project(_application_params(tmp_path, "participants_per_year: 40, exits_with_action_plan_share: 0.75",
                                            PLAN_COUNT))
    notes = goals_section.expected_share_notes(et.Report(p, lang="sv"))
    # 40 participants a year x 0,75 = 30 exits with a plan a year
    assert notes == ["Minst 30 avslutade per år med handlingsplan: det förväntade antalet är ansökans 40 förväntade "
                     "deltagare per år gånger dess förväntade andel avslutade med handlingsplan, 75\u00a0%, som om "
                     "alla deltagare avslutar under året."]
    rows = assess_goals(p).table
    assert rows["value"].tolist() == [30, 30]


def test_a_count_of_plans_without_expected_participants_is_not_set_against_the_successes(tmp_path):
    # a share of plans but no participants a year: the count of plans cannot be made, and the 40 expected
    # successes a year are no plans (before: 40 a year, 'reached' against 30)
    p = et.load_project(_application_params(tmp_path, "successes_per_year: 40, exits_with_action_plan_share: 0.75",
                                            PLAN_COUNT))
    rows = assess_goals(p).table
    assert rows["value"].isna().all()
    assert (rows["status"] == GoalStatus.NOT_ASSESSED).all()
    assert goals_section.expected_share_notes(et.Report(p, lang="sv")) == []


# --- an application's expected volumes -------------------------------------------------------------------------------

def test_negative_expected_volumes_are_refused_both_at_once(tmp_path):
    # -40 participants and -5 successes a year were read, and the goal table showed '-5' persons to work
    msg = params_refusal(_application_params(tmp_path, "participants_per_year: -40, successes_per_year: -5",
                                             PLAN_SHARE))
    assert _line(msg, "participants_per_year").strip() == \
        "- expected, participants_per_year: står -40; förväntat ett tal som är minst 0"
    assert _line(msg, "successes_per_year").strip() == \
        "- expected, successes_per_year: står -5; förväntat ett tal som är minst 0"


def test_a_huge_expected_volume_is_refused(tmp_path):
    # 1e30 participants a year passed the check and stopped the report (the minimum detectable effect's solver)
    msg = params_refusal(_application_params(tmp_path, "participants_per_year: 1.0e+30", PLAN_SHARE))
    assert _line(msg, "participants_per_year").strip() == \
        "- expected, participants_per_year: står 1e+30; förväntat ett tal som är högst 100 000"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_more_expected_successes_than_participants_a_year_are_refused(tmp_path, lang):
    # 40 successes among 10 participants a year: an expected share of 400 %
    msg = params_refusal(_application_params(tmp_path, "participants_per_year: 10, successes_per_year: 40",
                                             PLAN_SHARE), lang)
    line = _line(msg, "successes_per_year").strip()
    assert line.startswith({"sv": "- expected: successes_per_year är 40, fler än participants_per_year, 10:",
                            "en": "- expected: successes_per_year is 40, more than participants_per_year, 10:"}[lang])


def test_zero_and_equal_expected_volumes_are_read(tmp_path):
    p = et.load_project(_application_params(tmp_path, "participants_per_year: 20, successes_per_year: 20",
                                            PLAN_SHARE))
    assert p.params.expected.successes_per_year == 20
    q = et.load_project(_application_params(tmp_path, "participants_per_year: 0, successes_per_year: 0", PLAN_SHARE))
    assert q.params.expected.participants_per_year == 0


# --- a year written against its "år" in a goal's words ---------------------------------------------------------------

def _labelled(tiny_project, label: str, target: int):
    # the tiny project runs 2022-01-01 to 2023-12-31: project years 1 and 2
    return tiny_project(textwrap.dedent(f"""\
        goals:
          - id: deltagare
            kind: participant_count
            label: "{label}"
            target: {target}
            period: project_year
        """))


def test_years_joined_with_a_year_written_against_its_ar_are_read(tiny_project):
    # 'år2' stopped validate with KeyError: 'år2' (a traceback); 'år 1 och år2: 20' is 20 for years 1 and 2, the
    # goal's target
    p = et.load_project(_labelled(tiny_project, "År 1 och år2: 20 deltagare", 20))
    assert p.params.goals[0].target == 20 and p.params.goals[0].targets is None


def test_a_year_written_against_its_ar_with_its_own_target_is_refused_with_the_line_to_write(tiny_project):
    # 20 in year 1 and 30 in year 2, against one target of 20 for both
    msg = params_refusal(_labelled(tiny_project, "år 1: 20, år2: 30", 20))
    line = _line(msg, "(id: deltagare)").strip()
    assert line == ("- parameterfilen som helhet: mål 1 (id: deltagare) sätter olika mål för olika år ('år 1: 20', "
                    "'år2: 30'), men target: 20 är samma målvärde för varje år, så varje år bedöms mot det: skriv i "
                    "stället för target ett målvärde per år, targets: {1: 20, 2: 30}, och behåll ansökans ord i label")


def test_a_year_written_against_its_ar_before_a_number_that_may_be_a_target_is_refused(tiny_project):
    # '20 deltagare år 1 och år2 30': 20 for years 1 and 2, or 20 for year 1 and 30 for year 2: not guessed
    msg = params_refusal(_labelled(tiny_project, "Minst 20 deltagare år 1 och år2 30", 10))
    line = _line(msg, "(id: deltagare)").strip()
    assert "'Minst 20 deltagare år 1 och år2 30' kan läsas på två sätt: som ett målvärde för åren 1, 2," in line
    assert line.endswith("targets: {1: ?, 2: ?} (skriv ett tal där det står ?), och behåll ansökans ord i label")
