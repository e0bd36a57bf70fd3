"""A share or outcome goal that gives no ``success_outcomes`` and whose words name work or studies only ("Minst 25 %
ska ha gått till arbete eller studier") is judged on its words: it counts work (arbete, arbete_med_stöd) and studies,
never the default successes (which add sickness benefit, other benefits and an active plan with another party). The
goal table, page 1 and the goal section show that one figure; the goal section and `validate` say which outcomes the
goal counts and how many exits to the other default successes it leaves out. The cost-benefit's leavers are another
definition and do not move. Each fixture is a tiny project written in tmp_path; expected figures are counted by hand
from the rows written here."""
from __future__ import annotations

import csv

import pytest

import evaltools as et
from evaltools.analysis.goals import exits_beyond_words, success_definition
from evaltools.data.params import DEFAULT_SUCCESS, Goal
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections.summary import goal_fulfilment

HEAD = """\
id: vagen
kind: individ
title: Vägen
forbund: Samordningsförbundet Mittland
owner: Mittlands kommun
partners: [Mittlands kommun, Arbetsförmedlingen]
period: {start: 2025-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 300000
data: {participants: data/deltagare.csv}
goals:
  - id: mal
    kind: %s
    label: %s
    target: %s
    period: whole_period
"""
COLUMNS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "support_start"]
# twenty exits, all on försörjningsstöd at start: 3 to work, 1 to subsidised work, 1 to studies (5 named by "work or
# studies"), 6 to sickness benefit and 2 to an active plan with another party (8 more among the default successes),
# and 7 who stayed on försörjningsstöd
EXITS = (["arbete"] * 3 + ["arbete_med_stöd"] + ["studier"] + ["sjukpenning"] * 6
         + ["aktiv_planering_annan_part"] * 2 + ["kvar_försörjningsstöd"] * 7)


def _project(tmp_path, label, kind="share", target="0.4", extra="", exits=EXITS):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    with open(data / "deltagare.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i, out in enumerate(exits):
            w.writerow([f"V{i + 1:02d}", "kvinna" if i % 2 else "man", 1980 + i % 20, "ensamstående", "2025-02-01",
                        "2025-09-30", out, "försörjningsstöd"])
    p = tmp_path / "vagen.yaml"
    p.write_text(HEAD % (kind, label, target) + extra, encoding="utf-8")
    return et.load_project(p)


WORK_STUDIES = ("arbete", "arbete_med_stöd", "studier")
SHARE_SV = "Minst 40 % ska ha gått till arbete eller studier"
SHARE_EN = "At least 40% should have gone on to work or studies"
# what the default successes would count: the 5 of work or studies, 6 to sickness benefit (from försörjningsstöd, so no
# exit to the support they started on) and 2 active plans = 13 of 20, 65 %
ALL = "[" + ", ".join(DEFAULT_SUCCESS) + "]"


def _row(project):
    return et.assess_goals(project).table.iloc[0]


# --- the figure and the verdict: the goal's words, not the default successes ------------------------------------
@pytest.mark.parametrize("label", [SHARE_SV, SHARE_EN])
def test_a_share_goal_of_work_or_studies_counts_work_and_studies_only(tmp_path, label):
    project = _project(tmp_path, label)
    assert project.params.goals[0].success_outcomes == WORK_STUDIES
    row = _row(project)
    # 3 arbete + 1 arbete_med_stöd + 1 studier of 20 who took part: 5/20 = 25 %, under the target of 40 %
    assert (row["numerator"], row["denominator"]) == (5, 20)
    assert row["value"] == pytest.approx(0.25)
    assert str(row["status"]).startswith("ej_uppnått")
    # the same goal with the default successes written out is read as written: 13 of 20, 65 %, over the target
    written = _row(_project(tmp_path / "written", label, extra=f"    success_outcomes: {ALL}\n"))
    assert (written["numerator"], written["denominator"]) == (13, 20)
    assert str(written["status"]).startswith("uppnått")


def test_an_outcome_count_goal_of_work_or_studies_counts_work_and_studies_only(tmp_path):
    project = _project(tmp_path, "Minst 8 deltagare ska gå till arbete eller studier", kind="outcome_count",
                       target="8")
    row = _row(project)
    # 5 to work or studies, under the target of 8 (the default successes would have been 13, over it)
    assert row["value"] == 5 and row["status"] == "ej_uppnått"
    en = _project(tmp_path / "en", "At least 8 participants should go to work or studies", kind="outcome_count",
                  target="8")
    assert _row(en)["value"] == 5


@pytest.mark.parametrize("label, target, outcomes, successes", [
    ("Minst 15 % ska få ett arbete", "0.15", ("arbete", "arbete_med_stöd"), 4),    # subsidised work is work: 3 + 1
    ("At least 15% should find a job", "0.15", ("arbete", "arbete_med_stöd"), 4),
    ("Minst 5 % ska börja studera", "0.05", ("studier",), 1),
    ("Minst 5 % av de unga ska återgå till skolan", "0.05", ("studier",), 1),
])
def test_a_goal_of_work_or_of_studies_counts_what_its_words_name(tmp_path, label, target, outcomes, successes):
    project = _project(tmp_path, label, target=target)
    assert project.params.goals[0].success_outcomes == outcomes
    assert _row(project)["numerator"] == successes


@pytest.mark.parametrize("label", [
    "Minst 40 % ska ha närmat sig arbete eller studier",            # a step towards work: read as before
    "Minst 40 % ska ha kommit närmare arbetsmarknaden",
    "Minst 40 % ska gå till egen försörjning",
    "Minst 40 % ska bli självförsörjande",
    "Minst 40 % ska gå till arbete, studier eller rätt ersättning",   # a benefit besides
    "Minst 40 % ska gå vidare till arbete, studier eller arbetsförberedande insats",  # a step besides: as before
    "At least 40% should have come closer to work or studies",
])
def test_words_that_name_more_than_work_or_studies_keep_the_default_successes(label):
    g = Goal(id="g", kind="share", label=label, target=0.4)
    assert g.named_in_words == "" and g.success_outcomes == DEFAULT_SUCCESS and g.default_successes


def test_a_goals_own_success_outcomes_are_read_as_written():
    g = Goal(id="g", kind="share", label=SHARE_SV, target=0.4, success_outcomes=("arbete", "studier"))
    assert g.named_in_words == "" and g.success_outcomes == ("arbete", "studier")
    # an action plan goal counts no outcomes
    plan = Goal(id="p", kind="share", label="80 % ska ha en handlingsplan för arbete", target=0.8,
                numerator="action_plan")
    assert plan.named_in_words == ""


# --- one definition: page 1, the success definition, the goal section -------------------------------------------
@pytest.mark.parametrize("lang, figure, other", [("sv", "25,0\u00a0% under hela perioden (5 av 20", "65,0"),
                                                 ("en", "25.0% over the whole period (5 of 20", "65.0")])
def test_page_one_gives_the_words_figure_and_verdict(tmp_path, lang, figure, other):
    r = et.Report(_project(tmp_path, SHARE_SV), lang=lang)
    said = " ".join(goal_fulfilment(r))
    assert figure in said and other not in said
    assert ("inte uppnått" if lang == "sv" else "not achieved") in said
    # (no sentence that the goal counts more than its words)
    assert "räknar också" not in said and "also counts" not in said
    # the project's definition of success (page 1's count of successes, the outcome section, the workbook and the
    # portfolio read it) is the goal's: work and studies, with no rule for an exit to the support one started on
    d = success_definition(r.params)
    assert d.outcomes == WORK_STUDIES and not d.same_support_rule


@pytest.mark.parametrize("lang, said", [
    ("sv", "”Minst 40\u00a0% ska ha gått till arbete eller studier” räknar arbete, arbete med stöd och studier, de "
           "utfall som målets ord nämner; åtta avslut till sjukpenning och aktiv planering med annan part räknas inte, "
           "eftersom målets ord inte nämner dem."),
    ("en", "“Minst 40\u00a0% ska ha gått till arbete eller studier”, as worded, counts exits to work, subsidised work and "
           "studies; eight exits to sickness benefit and active plan with another agency are not counted, "
           "since the goal's words do not name them."),
])
def test_the_goal_section_says_what_the_goal_counts_and_how_many_it_leaves_out(tmp_path, lang, said):
    r = et.Report(_project(tmp_path, SHARE_SV), lang=lang)
    # 6 to sickness benefit + 2 active plans = 8 exits to the other default successes, named by the outcomes they
    # went to (none went to sickness compensation or another benefit)
    assert goals_section.words_counted_sentences(r) == [said]
    assert goals_section.beyond_words_sentences(r) == []


@pytest.mark.parametrize("exits", [
    # two to sickness benefit: a count under 5, not given
    ["arbete"] * 5 + ["sjukpenning"] * 2 + ["kvar_försörjningsstöd"] * 13,
    # thirteen to sickness benefit and two others: the rest beside them would be a count under 5
    ["arbete"] * 5 + ["sjukpenning"] * 13 + ["kvar_försörjningsstöd"] * 2,
])
def test_a_small_count_left_out_is_not_given(tmp_path, exits):
    r = et.Report(_project(tmp_path, SHARE_SV, exits=exits), lang="sv")
    # (with no count, every other outcome among the default successes is named: not which of them the few went to)
    assert goals_section.words_counted_sentences(r) == [
        "”Minst 40\u00a0% ska ha gått till arbete eller studier” räknar arbete, arbete med stöd och studier, de utfall "
        "som målets ord nämner; avslut till sjuk- eller aktivitetsersättning, sjukpenning, annan ersättning och aktiv "
        "planering med annan part räknas inte, eftersom målets ord inte nämner dem."]


def test_without_exits_to_other_successes_the_goal_section_names_what_it_counts(tmp_path):
    r = et.Report(_project(tmp_path, SHARE_SV, exits=["arbete"] * 8 + ["kvar_försörjningsstöd"] * 12), lang="sv")
    assert goals_section.words_counted_sentences(r) == [
        "”Minst 40\u00a0% ska ha gått till arbete eller studier” räknar arbete, arbete med stöd och studier, de utfall "
        "som målets ord nämner."]


def test_an_exit_to_the_support_one_started_on_is_not_among_those_left_out(tmp_path):
    project = _project(tmp_path, SHARE_SV)
    df = project.participants
    # two of the six to sickness benefit had it at start: no success under the default either
    df.loc[df.index[df["outcome"] == "sjukpenning"][:2], "support_start"] = "sjukpenning"
    # left out: the other 4 to sickness benefit and the 2 plans; the rest: the 7 who stayed on försörjningsstöd and
    # the 2 who ended on the sickness benefit they started on
    assert exits_beyond_words(project.params.goals[0], project) == (6, 9, ("sjukpenning", "aktiv_planering_annan_part"))


# --- validate tells the evaluator; the cost-benefit's leavers do not move ----------------------------------------
def test_validate_says_what_the_goal_counts_and_what_to_write(tmp_path):
    project = _project(tmp_path, SHARE_SV)
    [note] = [n for n in project.notices if n.code == "goal_words_successes"]
    sv = note.note("sv")
    assert "målet 'mal'" in sv and "arbete, arbete_med_stöd, studier, inte standardvalets" in sv
    assert "8 av de avslutade i filen gick till sjukpenning, aktiv_planering_annan_part och räknas inte" in sv
    assert f"skriv success_outcomes: {ALL} i målet" in sv
    assert f"write success_outcomes: {ALL} in the goal" in note.note("en")
    # no exit to the other default outcomes: it names them all, with no count
    none = _project(tmp_path / "none", SHARE_SV, exits=["arbete"] * 8 + ["kvar_försörjningsstöd"] * 12)
    [note] = [n for n in none.notices if n.code == "goal_words_successes"]
    assert note.key == "column.goal_words_successes_none"
    assert ("inte standardvalets utfall (sjuk_aktivitetsersättning, sjukpenning, annan_ersättning, "
            "aktiv_planering_annan_part)") in note.note("sv")
    # a goal with success_outcomes of its own: nothing to say
    written = _project(tmp_path / "w", SHARE_SV, extra="    success_outcomes: [arbete, arbete_med_stöd, studier]\n")
    assert not [n for n in written.notices if n.code == "goal_words_successes"]


def test_the_cost_benefits_leavers_do_not_move(tmp_path):
    # the leavers are those who left försörjningsstöd for work, subsidised work, studies or a benefit: 3 + 1 + 1 + 6
    words = et.cost_benefit(_project(tmp_path, SHARE_SV)).summary.successes
    written = et.cost_benefit(_project(tmp_path / "w", SHARE_SV, extra=f"    success_outcomes: {ALL}\n")).summary.successes
    assert words == written == 11
