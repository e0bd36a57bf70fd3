"""Three projects of kinds the samples never had, as an evaluator writes their params from the application's words:
a youth project whose goal is that participants have "en planering för sin framtid", a language project whose goal
is a Swedish level raised a step and whose targets differ by year, and a prolonged rehabilitation project whose data
were taken after its end. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the words and rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

from .conftest import write_csv
from .test_unseen_projects import _params, _person

GOAL = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data: {participants: data/participants.csv}
    goals:
      - id: mal
        kind: %s
        label: %s
        target: %s
        denominator: exits
        period: whole_period
    """


def _participants(tmp_path) -> None:
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 4)])


# --- a language level raised a step is a step on a scale, not an exit code --------------------------------------
@pytest.mark.parametrize("label", [
    "Minst 70 % ska ha höjt sin svensknivå ett steg",
    "Minst 70 % av deltagarna ska ha gått upp en nivå i svenska",
    "At least 70% should have raised their Swedish level by one step",
])
def test_a_share_goal_of_a_language_level_raised_a_step_is_refused_with_the_survey_goal_to_write(tmp_path, label):
    # counted as a share of exits it would take every exit to work, studies or a benefit for a raised level
    _participants(tmp_path)
    with pytest.raises(ParamsError) as e:
        et.load_params(_params(tmp_path, GOAL % ("share", label, "0.7")))
    text = str(e.value)
    assert "kind: survey" in text and "measure: change" in text and "qualitative" in text


def test_a_share_goal_of_work_or_studies_is_no_step_on_a_scale(tmp_path):
    _participants(tmp_path)
    p = et.load_params(_params(tmp_path, GOAL % ("share", "Minst 40 % av de avslutade ska gå till arbete eller studier",
                                                 "0.4")))
    assert p.goals[0].target == 0.4


# --- a plan for the future is a plan, not the exits' outcomes -----------------------------------------------------
@pytest.mark.parametrize("label", [
    "Minst 60 % av deltagarna ska ha en planering för sin framtid",
    "Minst 60 % av de avslutade ska ha en framtidsplan",
    "At least 60% of those who ended should have a plan for their future",
])
def test_a_share_goal_of_a_plan_for_the_future_is_refused_with_numerator_action_plan(tmp_path, label):
    # counting outcomes, each exit to work, studies, a benefit or an active plan would be counted as a plan
    _participants(tmp_path)
    with pytest.raises(ParamsError) as e:
        et.load_params(_params(tmp_path, GOAL % ("share", label, "0.6")))
    text = str(e.value)
    assert "numerator: action_plan" in text and "qualitative" in text


@pytest.mark.parametrize("label", [
    "Minst 30 % av de avslutade ska gå till en aktiv planering med annan part",
    "Minst 30 % av de avslutade ska gå till arbete, studier eller en aktiv planering",
    "Minst 30 % av de avslutade ska gå vidare till en planering hos Arbetsförmedlingen",
])
def test_an_active_plan_with_another_party_is_read_as_the_outcome_its_words_name(tmp_path, label):
    _participants(tmp_path)
    body = (GOAL % ("share", label, "0.3")).rstrip(" ") \
        + "        success_outcomes: [aktiv_planering_annan_part]\n"
    assert list(et.load_params(_params(tmp_path, body)).goals[0].success_outcomes) == ["aktiv_planering_annan_part"]


# --- targets a year written in one text under target ----------------------------------------------------------------
def test_targets_a_year_written_in_the_applications_words_under_target_get_the_targets_line(tmp_path):
    # the application's "år 1: 20 deltagare, år 2: 35, år 3: 35" copied into target: the three years, in order
    _participants(tmp_path)
    body = """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2025-12-31}
        data: {participants: data/participants.csv}
        goals:
          - id: deltagare
            kind: participant_count
            label: Deltagare per projektår
            target: 'år 1: 20 deltagare, år 2: 35, år 3: 35'
        """
    with pytest.raises(ParamsError) as e:
        et.load_params(_params(tmp_path, body))
    assert "targets: {1: 20, 2: 35, 3: 35}" in str(e.value)
    assert "targets: {1: 20, 2: 35, 3: 35}" in e.value.message("en")


# --- an end date after the end of a prolonged project, with the data taken later ---------------------------------
PROLONGED = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2023-12-31, actual_end: 2024-06-30}
    data_as_of: 2024-09-30
    data: {participants: data/participants.csv}
    """


def test_an_end_date_after_the_projects_end_names_the_end_not_an_analysis_date_the_evaluator_never_wrote(tmp_path):
    # the data were taken 2024-09-30, three months after the prolonged end 2024-06-30; the second participant
    # (file row 3) ended 2024-08-15, after the end: the message names the end and the day the data were taken
    write_csv(tmp_path / "data/participants.csv", [
        _person(1, start="2023-03-01", end="2023-09-01"), _person(2, start="2024-02-01", end="2024-08-15")])
    project = et.load_project(_params(tmp_path, PROLONGED))
    [late] = [w for w in project.warnings if w.code == "late_end"]
    assert (late.row, late.value) == (3, "2024-08-15")
    sv = late.note("sv")
    assert "projektets slut 2024-06-30" in sv and "2024-09-30" in sv and "period.actual_end" in sv
    assert "analysdatum" not in sv
    assert "project's end 2024-06-30" in late.note("en")


def test_an_end_date_after_the_data_were_taken_in_a_running_project_still_names_that_day(tmp_path):
    # running: data taken 2024-03-31, before the end 2024-06-30; an end date 2024-05-01 lies after that day
    write_csv(tmp_path / "data/participants.csv", [
        _person(1, start="2023-03-01", end="2023-09-01"), _person(2, start="2024-02-01", end="2024-05-01")])
    project = et.load_project(_params(tmp_path, PROLONGED.replace("2024-09-30", "2024-03-31")))
    [late] = [w for w in project.warnings if w.code == "late_end"]
    assert late.row == 3 and "2024-03-31" in late.note("sv") and "projektets slut" not in late.note("sv")


# --- targets that differ from the targets a year the words state ---------------------------------------------------
YEARS = """\
    kind: individ
    period: {start: 2023-08-01, planned_end: 2026-07-31}
    data: {participants: data/participants.csv}
    goals:
      - id: deltagare
        kind: participant_count
        label: 'Antal deltagare: år 1: 20 deltagare, år 2: 35, år 3: 35'
        targets: %s
        period: project_year
    """


def test_targets_other_than_the_words_state_for_the_same_years_are_refused_with_the_words_targets(tmp_path):
    # the words: year 1 20, year 2 35, year 3 35; targets give year 2 30: year 2 would be judged against 30, not 35
    _participants(tmp_path)
    with pytest.raises(ParamsError) as e:
        et.load_params(_params(tmp_path, YEARS % "{1: 20, 2: 30, 3: 35}"))
    text = str(e.value)
    assert "targets: {1: 20, 2: 35, 3: 35}" in text and "{1: 20, 2: 30, 3: 35}" in text
    assert "targets: {1: 20, 2: 35, 3: 35}" in e.value.message("en")


def test_targets_as_the_words_state_them_are_read_as_written(tmp_path):
    _participants(tmp_path)
    p = et.load_params(_params(tmp_path, YEARS % "{1: 20, 2: 35, 3: 35}"))
    assert p.goals[0].targets == {1: 20, 2: 35, 3: 35}
