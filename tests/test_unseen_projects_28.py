"""Twenty-eighth sweep of projects unlike the samples, from files made in Excel: a project for persons with a
dependence on alcohol or drugs and psychiatric problems, owned by a municipality's addiction unit with the region's
psychiatry and addiction clinic and Arbetsförmedlingen, whose application promises that participants "ska ha minskat
eller upphört med sitt missbruk" and "ska ha påbörjat behandling för sitt beroende". A participant, outcome or share
goal of a change in the use of alcohol or drugs, or in psychiatric symptoms, is refused with the kind to write, since
the participant file holds each person's outcome at exit, not whether they cut down, and the default outcomes would be
counted as persons who did; so is such a goal of a treatment or care begun, which the file does not hold either. A
target group described by its use ("deltagare med missbruk") is read as written (a dependence on support, "minskat
beroende av försörjningsstöd", is no use of a substance: test_unseen_projects_54). Each fixture is a tiny project written in tmp_path; expected values are
worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

from .conftest import ONE_GOAL, excel_participants

PARAMS = """\
id: framat
kind: individ
title: Vägen framåt
forbund: Samordningsförbundet Mälarbygd
owner: Västerås stad, beroendeenheten
partners: [Region Västmanland (beroendemottagningen), Arbetsförmedlingen]
period: {start: 2024-02-01, planned_end: 2026-01-31}
data_as_of: 2026-03-31
granted_sek: 300000
data: {participants: data/framat.xlsx}
""" + ONE_GOAL

# six exits: two to work, one to sickness compensation, one active plan, two still on försörjningsstöd
SIX = ["arbete", "arbete", "sjuk_aktivitetsersättning", "aktiv_planering_annan_part", "kvar_försörjningsstöd",
       "kvar_försörjningsstöd"]


def _framat(tmp_path, kind="share", label="Minst 40 % av deltagarna ska ha minskat eller upphört med sitt missbruk "
            "vid avslut", target="0.4", extra="    denominator: exits\n"):
    """Six participants on the participants sheet of a workbook as Excel saves it (a title row, the header,
    dates as date cells, one birth year typed as text), each on försörjningsstöd at start and ended 2025-06-30
    with the outcomes of ``SIX``."""
    excel_participants(tmp_path / "data" / "framat.xlsx", "Deltagare i Vägen framåt, utdrag ur ärendesystemet",
                       ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                        "support_start"],
                       [[f"VF{i + 1:03d}", "man" if i % 2 else "kvinna", "1980" if i == 0 else 1970 + i, "ensamstående",
                         dt.datetime(2024, 3, 1), dt.datetime(2025, 6, 30), out, "försörjningsstöd"]
                        for i, out in enumerate(SIX)])
    p = tmp_path / "framat.yaml"
    p.write_text(PARAMS % (kind, label, target, extra), encoding="utf-8")
    return p


# --- a change in the use of alcohol or drugs is no exit code ------------------------------------------------------
@pytest.mark.parametrize("kind, label, target, words", [
    ("share", "Minst 40 % av deltagarna ska ha minskat eller upphört med sitt missbruk vid avslut", "0.4",
     "minskat eller upphört med sitt missbruk"),
    ("share", "Minst 50 % ska ha minskad alkoholkonsumtion enligt AUDIT", "0.5", "minskad alkoholkonsumtion"),
    ("share", "Missbruket ska ha upphört för minst hälften av deltagarna", "0.5", "Missbruket ska ha upphört"),
    ("share", "Minst 30 % av deltagarna ska vara drogfria vid avslut", "0.3", "vara drogfria"),
    ("outcome_count", "Minst 10 deltagare ska ha slutat med sitt drogbruk", "10", "slutat med sitt drogbruk"),
    ("share", "Minst 40 % ska ha minskad psykisk ohälsa vid avslut", "0.4", "minskad psykisk ohälsa"),
    ("share", "At least 40% of the participants should have reduced their substance use", "0.4",
     "reduced their substance use"),
    ("participant_count", "Minst 20 deltagare ska ha minskat sitt spelande", "20", "minskat sitt spelande"),
])
def test_a_goal_of_a_change_in_the_use_of_substances_is_refused_with_the_kind_to_write(tmp_path, kind, label, target,
                                                                                       words):
    # read as an outcome share, the six exits' two to work, one to sickness compensation and one active plan would
    # make 4 of 6 = 66,7 % "minskat eller upphört med sitt missbruk" with the default outcomes, a change nobody measured
    extra = "    denominator: exits\n" if kind == "share" else ""
    with pytest.raises(ParamsError) as e:
        et.load_project(_framat(tmp_path, kind, label, target, extra))
    for text in (e.value.message("sv"), e.value.message("en")):
        assert f"'{words}'" in text and f"{kind} " in text and "kind: survey" in text \
            and "measure: change" in text and "kind: qualitative" in text and "AUDIT" in text


def test_the_application_goal_read_unchecked_would_count_the_exits_as_persons_who_cut_down(tmp_path):
    # the same six exits counted as a share of work, sickness compensation and active plans: 4 of 6 = 0,667 — the
    # figure the report printed as "minskat eller upphört med sitt missbruk" before the label was checked
    project = et.load_project(_framat(tmp_path, label="Minst 40 % av deltagarna ska gå vidare", target="0.4",
                                      extra="    denominator: exits\n"
                                            "    success_outcomes: [arbete, sjuk_aktivitetsersättning, "
                                            "aktiv_planering_annan_part]\n"))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(4 / 6)


@pytest.mark.parametrize("label, outcomes, expected", [
    # the target group described by its use: work is 2 of the 6 exits
    ("Minst 30 % av deltagarna med missbruk ska gå till arbete", "[arbete]", 2 / 6),
    ("Minst 30 % av deltagarna med beroendeproblematik och psykisk ohälsa ska gå till arbete", "[arbete]", 2 / 6),
    # those who began treatment are the goal's group, not its promise (everyone is counted without among:)
    ("Minst 30 % av deltagarna som påbörjat behandling ska gå till arbete", "[arbete]", 2 / 6),
])
def test_a_target_group_described_by_its_use_is_read_as_written(tmp_path, label, outcomes, expected):
    project = et.load_project(_framat(tmp_path, label=label, target="0.3",
                                      extra=f"    denominator: exits\n    success_outcomes: {outcomes}\n"))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(expected)


# --- a treatment begun is no exit code either ---------------------------------------------------------------------
@pytest.mark.parametrize("kind, label, target, words", [
    ("share", "Minst 70 % av deltagarna ska ha påbörjat behandling för sitt beroende", "0.7", "påbörjat behandling"),
    ("share", "Minst 60 % ska ha fått kontakt med psykiatrin", "0.6", "fått kontakt med psykiatrin"),
    ("outcome_count", "Minst 15 deltagare ska ha genomgått avgiftning", "15", "genomgått avgiftning"),
    ("participant_count", "Minst 20 deltagare ska påbörja behandling", "20", "påbörja behandling"),
    ("share", "At least 70% of the participants should have started treatment", "0.7", "started treatment"),
])
def test_a_goal_of_a_treatment_begun_is_refused_with_the_kind_to_write(tmp_path, kind, label, target, words):
    # counted as exits to the default outcomes it would call 4 of 6 (66,7 %) treatment begun
    extra = "    denominator: exits\n" if kind == "share" else ""
    with pytest.raises(ParamsError) as e:
        et.load_project(_framat(tmp_path, kind, label, target, extra))
    for text in (e.value.message("sv"), e.value.message("en")):
        assert f"'{words}'" in text and f"{kind} " in text and "kind: qualitative" in text
    assert "journal" in e.value.message("sv") and "records" in e.value.message("en")


def test_the_treatment_written_as_qualitative_is_read_as_written(tmp_path):
    project = et.load_project(_framat(
        tmp_path, kind="qualitative", label="Minst 70 % av deltagarna ska ha påbörjat behandling för sitt beroende",
        target="null", extra="    assessment: uppnått\n    evidence: 5 av 6 enligt beroendemottagningens journaler\n"))
    assert project.params.goals[0].kind == "qualitative"


# --- "arbete, studier eller arbetsförberedande insats" names no benefit ------------------------------------------
STEPS_GOAL = ("Minst 30 % av de avslutade deltagarna ska ha gått vidare till arbete, studier eller arbetsförberedande "
              "insats")


@pytest.mark.parametrize("lang, said", [
    ("sv", "”Minst 30\u00a0% av de avslutade deltagarna ska ha gått vidare till arbete, studier eller "
           "arbetsförberedande insats” nämner arbete eller studier och steg mot dem (en insats eller planering), men "
           "målet räknar också sjuk- eller aktivitetsersättning, sjukpenning och annan ersättning."),
    ("en", "“Minst 30\u00a0% av de avslutade deltagarna ska ha gått vidare till arbete, studier eller arbetsförberedande "
           "insats” names work or studies and steps towards them (an effort or a plan), but the goal also counts "
           "sickness or activity compensation, sickness benefit and other benefit."),
])
def test_a_goal_of_work_studies_or_an_effort_says_it_counts_the_benefits_too(tmp_path, lang, said):
    from evaltools.present.sections.goals import beyond_words_sentences
    project = et.load_project(_framat(tmp_path, label=STEPS_GOAL, target="0.3"))
    row = et.assess_goals(project).raw.iloc[0]
    # the default successes: two to work, one to sickness compensation, one active plan = 4 of the 6 exits; the words
    # name three of them, the sickness compensation is counted without them (before, nothing was said: "insats"
    # silenced the note as a benefit's words would)
    assert (row["numerator"], row["denominator"]) == (4, 6)
    assert beyond_words_sentences(et.Report(project, lang=lang)) == [said]


@pytest.mark.parametrize("label, outcomes", [
    # counting what its words name (work, studies, the active plan) says nothing more
    (STEPS_GOAL, "[arbete, arbete_med_stöd, studier, aktiv_planering_annan_part]"),
    # job seeking is a step towards work too
    (STEPS_GOAL, "[arbete, studier, aktiv_planering_annan_part, arbetssökande]"),
    # words that name a benefit name more than work and steps: read as written
    ("Minst 30 % av de avslutade ska gå vidare till arbete, studier, insats hos annan part eller rätt ersättning", None),
])
def test_a_goal_counting_what_its_words_name_says_nothing_more(tmp_path, label, outcomes):
    from evaltools.present.sections.goals import beyond_words_sentences
    extra = "    denominator: exits\n" + (f"    success_outcomes: {outcomes}\n" if outcomes else "")
    project = et.load_project(_framat(tmp_path, label=label, target="0.3", extra=extra))
    assert beyond_words_sentences(et.Report(project, lang="sv")) == []
