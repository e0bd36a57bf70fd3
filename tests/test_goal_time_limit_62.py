"""A share goal with a time limit counted from each participant's start ("Minst 40 % ska ha gått till arbete eller
studier inom 12 månader från start", "inom sex månader efter inskrivning", "inom ett år"), written with
``within_months``: a participant reached it who ended with one of its outcomes on or before the start plus that many
months; those whose months had not passed at the data's date are left out of the base and counted apart. Every
expected figure is counted by hand from the ten rows below."""
from __future__ import annotations

import textwrap

import pytest
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.goals import assess_goals
from evaltools.data.params import months_said
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections.summary import goal_fulfilment

from .conftest import params_refusal, write_csv

# (start, end, outcome); data_as_of 2024-12-31, the project running to 2025-12-31. With 12 months:
#   P1 ends to work 2023-06-01, before its day 2024-01-10: reached
#   P2 ends to studies 2024-03-01, after its day 2024-02-01: counted, not reached
#   P3 ends to work 2024-03-15, on its day 2024-03-15: reached
#   P4 ends on försörjningsstöd: counted, not reached
#   P5 still enrolled, its day 2024-05-01 passed: counted, not reached
#   P6 ends to work 2023-12-01: reached
#   P7 ends to sickness benefit (not among the goal's outcomes): counted, not reached
#   P8 started 2024-01-01, its day 2025-01-01 after the data's date: left out (though already at work)
#   P9 started 2024-06-01, still enrolled: left out
#   P10 started 2023-12-31, its day 2024-12-31 the data's date itself: counted, reached (work 2024-12-30)
# so 4 reached of 8 counted, 2 left out
ROWS = [("2023-01-10", "2023-06-01", "arbete"), ("2023-02-01", "2024-03-01", "studier"),
        ("2023-03-15", "2024-03-15", "arbete"), ("2023-04-01", "2023-09-01", "kvar_försörjningsstöd"),
        ("2023-05-01", "", ""), ("2023-06-01", "2023-12-01", "arbete"), ("2023-08-01", "2024-02-01", "sjukpenning"),
        ("2024-01-01", "2024-03-01", "arbete"), ("2024-06-01", "", ""), ("2023-12-31", "2024-12-30", "arbete")]
LABEL = "Minst 40 % ska ha gått till arbete eller studier inom 12 månader från start"


def _params(tmp_path, label: str = LABEL, extra: str = "within_months: 12", period: str = "whole_period",
            end: str = "2025-12-31", denominator: str = "participants", kind: str = "share",
            target: str = "0.4") -> object:
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
         "household_type": "ensamstående", "start_date": start, "end_date": stop, "outcome": outcome}
        for i, (start, stop, outcome) in enumerate(ROWS)])
    path = tmp_path / "tid.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: tid
        kind: individ
        title: Tidsprov
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2023-01-01, planned_end: {end}}}
        data_as_of: 2024-12-31
        data:
          participants: data/participants.csv
        goals:
          - id: g1
            kind: {kind}
            label: "{label}"
            target: {target}
            success_outcomes: [arbete, studier]
            denominator: {denominator}
            period: {period}
        """) + (f"    {extra}\n" if extra else ""), encoding="utf-8")
    return path


def _rows(tmp_path, **kw):
    return assess_goals(et.load_project(_params(tmp_path, **kw))).table


def test_a_share_within_twelve_months_counts_those_whose_months_have_passed(tmp_path):
    row = _rows(tmp_path).iloc[0]
    assert (row["numerator"], row["denominator"], row["not_yet_due"]) == (4, 8, 2)
    assert row["value"] == 0.5
    # the exact (Clopper–Pearson) interval of 4 of 8, from the beta distribution's quantiles
    assert row["ci_low"] == pytest.approx(beta.ppf(0.025, 4, 5)) and row["ci_high"] == pytest.approx(beta.ppf(0.975, 5, 4))


def test_without_the_limit_the_same_rows_give_another_figure(tmp_path):
    # the goal without within_months (and words without the limit): 6 of the 10 ended to work or studies, whenever
    row = _rows(tmp_path, label="Minst 40 % ska ha gått till arbete eller studier", extra="").iloc[0]
    assert (row["numerator"], row["denominator"]) == (6, 10)


def test_of_those_who_ended_the_base_is_the_ended_whose_months_have_passed(tmp_path):
    # ended and counted: P1, P2, P3, P4, P6, P7, P10 (7), reached: P1, P3, P6, P10; left out: P8 (P9 never ended)
    row = _rows(tmp_path, denominator="exits").iloc[0]
    assert (row["numerator"], row["denominator"], row["not_yet_due"]) == (4, 7, 1)


def test_per_project_year_a_year_whose_intake_has_not_had_its_months_is_not_judged(tmp_path):
    t = _rows(tmp_path, period="project_year").set_index("period_key")
    # year 1 (2023): P1–P7 and P10, as the whole period; year 2 (2024): P8 and P9, both left out
    assert (t.loc["år1", "numerator"], t.loc["år1", "denominator"], t.loc["år1", "not_yet_due"]) == (4, 8, 0)
    assert (t.loc["år2", "denominator"], t.loc["år2", "not_yet_due"]) == (0, 2)
    assert t.loc["år2", "status"] == "ej_bedömt"


def test_once_the_project_has_ended_everyone_is_counted_as_they_ended(tmp_path):
    # ended 2024-12-31: no one can be brought further; P8 reached (work two months after the start), P9 did not
    row = _rows(tmp_path, end="2024-12-31").iloc[0]
    assert (row["numerator"], row["denominator"], row["not_yet_due"]) == (5, 10, 0)


@pytest.mark.parametrize(("words", "months"), [
    ("inom 12 månader från start", 12), ("inom sex månader efter inskrivning", 6), ("inom ett år", 12),
    ("inom ett halvår från start", 6), ("inom 18 månader från inskrivningsdatum", 18), ("inom tolv månader", 12),
    ("within 12 months of enrolment", 12), ("within half a year of the start", 6), ("inom två år", 24),
    ("inom 4 veckor från start", None), ("inom 30 dagar", None),
])
def test_the_months_a_time_limit_says(words, months):
    assert months_said(words) == months


@pytest.mark.parametrize(("label", "words", "months"), [
    (LABEL, "inom 12 månader från start", "12"),
    ("Minst 40 % av deltagarna ska ha gått till arbete eller studier inom sex månader efter inskrivning",
     "inom sex månader efter inskrivning", "6"),
    ("Minst 40 % ska ha gått till arbete eller studier inom ett år", "inom ett år", "12"),
    ("Inom ett år ska 40 % ha gått till arbete eller studier", "Inom ett år", "12"),
    ("At least 40 % should be in work or studies within 12 months of enrolment", "within 12 months of enrolment", "12"),
])
def test_a_time_limit_without_within_months_is_refused_with_the_line_to_write(tmp_path, label, words, months):
    said = params_refusal(_params(tmp_path, label=label, extra=""))
    assert f"tidsgräns, '{words}'" in said and f"skriv within_months: {months}," in said
    assert "kind: qualitative" in said
    english = params_refusal(_params(tmp_path, label=label, extra=""), "en")
    assert f"'{words}'" in english and f"write within_months: {months}," in english


def test_a_time_limit_read_with_within_months_of_other_months_is_refused(tmp_path):
    said = params_refusal(_params(tmp_path, extra="within_months: 6"))
    assert "tidsgränsen 'inom 12 månader från start', 12 månader, men within_months: 6" in said


@pytest.mark.parametrize(("kind", "target", "extra"), [
    ("outcome_count", "5", "within_months: 12"),
    ("share", "0.8", "within_months: 12\n    numerator: action_plan"),
])
def test_within_months_is_refused_on_a_goal_that_counts_no_outcome_share(tmp_path, kind, target, extra):
    said = params_refusal(_params(tmp_path, label="Minst 5 deltagare", kind=kind, target=target, extra=extra))
    assert "within_months gäller ett andelsmål som räknar utfall" in said


@pytest.mark.parametrize(("lang", "figure", "counted", "left_out"), [
    ("sv", "50,0\u00a0% under hela perioden (4 av 8)",
     "Målet räknas inom 12 månader från start: som nått räknas den som avslutades med ett av målets utfall senast 12 "
     "månader efter sin start.",
     "2 som hade varit inskrivna kortare än 12 månader när uppgifterna togs ut räknas inte än, eftersom deras tid inte "
     "har gått ut."),
    ("en", "50.0% over the whole period (4 of 8)",
     "The goal is counted within 12 months of the start: a participant who ended with one of the goal's outcomes at "
     "most 12 months after their start counts as reaching it.",
     "2 who had been enrolled for less than 12 months when the data were taken are not counted yet, since their time "
     "has not run out."),
])
def test_page_one_states_the_limit_and_the_number_left_out(tmp_path, lang, figure, counted, left_out):
    r = et.Report(et.load_project(_params(tmp_path)), lang=lang)
    said = goal_fulfilment(r)
    text = " ".join(said)
    assert figure in text and counted in said and left_out in said


@pytest.mark.parametrize(("lang", "note"), [
    ("sv", "”Minst 40\u00a0% ska ha gått till arbete eller studier inom 12 månader från start” räknas inom 12 månader "
           "från start: som nått räknas den som avslutades med ett av målets utfall senast 12 månader efter sin start, "
           "och basen är de vars 12 månader hade gått när uppgifterna togs ut (alla, när projektet har slutat). 2 "
           "deltagare som hade varit inskrivna kortare än 12 månader räknas inte i basen."),
    ("en", "“Minst 40\u00a0% ska ha gått till arbete eller studier inom 12 månader från start” is counted within 12 months "
           "of the start: a participant who ended with one of the goal's outcomes at most 12 months after their start "
           "counts as reaching it, and the base is those whose 12 months had passed when the data were taken "
           "(everyone, once the project has ended). 2 participants enrolled for less than 12 months are not counted "
           "in the base."),
])
def test_the_goal_tables_note_says_what_was_counted(tmp_path, lang, note):
    r = et.Report(et.load_project(_params(tmp_path)), lang=lang)
    assert goals_section.within_months_notes(r) == [note]


def test_once_ended_page_one_names_no_one_left_out(tmp_path):
    r = et.Report(et.load_project(_params(tmp_path, end="2024-12-31")), lang="sv")
    said = goal_fulfilment(r)
    assert any(s.startswith("Målet räknas inom 12 månader från start") for s in said)
    assert not any("räknas inte än" in s for s in said)
