"""Thirtieth sweep of projects unlike the samples: a samverkansteam for persons on sickness benefit or activity
compensation, with Försäkringskassan, the region's primary care and the municipality. Under the default successes an
exit to sickness benefit or compensation is a step for a participant who came from försörjningsstöd, but no change
for one who started on the same benefit: such an exit is no success (the goals, page 1's share and the outcome rates
count one definition). An evaluator's own ``success_outcomes`` are read as written. A goal of an assessment or a
mapping to be made ("klarlagd arbetsförmåga", "genomgått arbetsförmågebedömning", "gemensam kartläggning") is refused
with the kind to write, since the participant file holds each person's outcome at exit, not an assessment; a target
group described that way is read as written. Each fixture is a tiny project written in tmp_path; expected values are
worked out by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.goals import project_successes
from evaltools.data.errors import ParamsError
from evaltools.present.sections import summary

from .conftest import ONE_GOAL

PARAMS = """\
id: vidga
kind: individ
title: Vidga
forbund: Samordningsförbundet Norrvik
owner: Vidsels kommun
partners: [Region Norrbotten, Försäkringskassan]
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 200000
data: {participants: data/vidga.csv}
""" + ONE_GOAL

# (support at start, outcome at exit) of eight participants, every one ended
ROWS = [("sjukpenning", "arbete"),                           # V001 success
        ("sjukpenning", "sjukpenning"),                      # V002 same support: no change
        ("sjukpenning", "sjukpenning"),                      # V003 same support: no change
        ("försörjningsstöd", "sjukpenning"),                 # V004 success: from försörjningsstöd, a step
        ("sjuk_aktivitetsersättning", "sjuk_aktivitetsersättning"),  # V005 same support: no change
        ("sjukpenning", "sjuk_aktivitetsersättning"),        # V006 success: another support
        ("försörjningsstöd", "avbrott"),                     # V007 no success
        ("sjukpenning", "studier")]                          # V008 success


def _vidga(tmp_path, kind="share", label="Minst 40 % av de avslutade ska ha ett lyckat utfall", target="0.4",
           extra="    denominator: exits\n", support=True, rows=ROWS):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    head = "person_id;sex;birth_year;household_type;start_date;end_date;outcome" + (";support_start" if support else "")
    lines = [f"V{i + 1:03d};kvinna;{1970 + i};ensamstående;2024-02-01;2024-09-30;{out}" + (f";{start}" if support else "")
             for i, (start, out) in enumerate(rows)]
    (data / "vidga.csv").write_text("\n".join([head, *lines]) + "\n", encoding="utf-8")
    p = tmp_path / "vidga.yaml"
    p.write_text(PARAMS % (kind, label, target, extra), encoding="utf-8")
    return p


# --- an exit to the support one started on is no success under the default ---------------------------------------
def test_a_default_share_goal_does_not_count_an_exit_to_the_support_at_start(tmp_path):
    # default successes among the eight: V001 arbete, V004 fs -> sjukpenning, V006 sjukpenning -> sjuk_aktivitets-
    # ersättning, V008 studier = 4 of 8 ended = 50 %; V002, V003, V005 ended on their support at start (counted,
    # the share would be 7 of 8 = 87,5 %)
    project = et.load_project(_vidga(tmp_path))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(4 / 8)


def test_page_one_counts_the_same_successes_as_the_goal(tmp_path):
    # the project's own definition (its main goal) counts the same four of eight
    sc = project_successes(et.load_project(_vidga(tmp_path)))
    assert (sc.successes, sc.base) == (4, 8)


def test_without_a_main_goal_the_generic_definition_leaves_them_out_too(tmp_path):
    # a participant count goal only: the generic definition (leaving försörjningsstöd, the default outcomes without
    # the active plan) counts V001, V004, V006, V008 = 4 of 8
    sc = project_successes(et.load_project(_vidga(tmp_path, kind="participant_count", label="Minst 5 deltagare",
                                                  target="5", extra="")))
    assert sc.definition.kind == "leaves_fs"
    assert (sc.successes, sc.base) == (4, 8)


def test_the_evaluators_own_outcomes_are_read_as_written(tmp_path):
    # success_outcomes given: arbete V001, sjukpenning V002 V003 V004, sjuk_aktivitetsersättning V005 V006 = 6 of 8
    project = et.load_project(_vidga(tmp_path, extra="    denominator: exits\n    success_outcomes: "
                                     "[arbete, sjukpenning, sjuk_aktivitetsersättning]\n"))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(6 / 8)
    sc = project_successes(project)
    assert (sc.successes, sc.base) == (6, 8)
    # of which V002, V003, V005 ended on the support they started on
    assert int(sc.definition.same_support(project.participants).sum()) == 3


def test_without_support_at_start_every_default_exit_counts(tmp_path):
    # no support_start column: nothing says who started on sickness benefit; 7 of 8 (all but V007 avbrott)
    project = et.load_project(_vidga(tmp_path, support=False))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(7 / 8)


def test_the_outcome_rates_count_the_same_successes(tmp_path):
    # the rate comparison's overall successes are the definition's: 4 of 8
    project = et.load_project(_vidga(tmp_path))
    d = project_successes(project).definition
    assert int(d.is_success(project.participants).sum()) == 4


# sixteen: the eight, two more who started and ended on sjukpenning (V009, V010), two more to work (V011, V012)
# and four more who broke off (V013-V016): the numbers page 1 states split no count into a part under 5
SIXTEEN = [*ROWS, ("sjukpenning", "sjukpenning"), ("sjukpenning", "sjukpenning"), ("sjukpenning", "arbete"),
           ("försörjningsstöd", "arbete"), *[("försörjningsstöd", "avbrott")] * 4]


def _page_one(path, lang):
    return summary.participation(et.Report(et.load_project(path), lang=lang))


@pytest.mark.parametrize("lang, said", [
    ("sv", "5 avslutade gick till samma ersättning som de hade vid start (sjuk- eller aktivitetsersättning "
           "och sjukpenning) och räknas inte som lyckat utfall: de har inte bytt försörjning."),
    ("en", "5 who ended went to the same benefit they had at start (sickness or activity compensation "
           "and sickness benefit) and are not counted as a successful outcome: their support did not change."),
])
def test_page_one_says_how_many_the_default_left_out(tmp_path, lang, said):
    # same support at exit as at start: V002, V003, V005, V009, V010 = 5 (not under 5: the number is said);
    # successes V001, V004, V006, V008, V011, V012 = 6 of 16; the others who ended, V007 and V013-V016 = 16 - 6 - 5 = 5
    sentences = _page_one(_vidga(tmp_path, rows=SIXTEEN), lang)
    assert said in sentences


def test_page_one_says_how_many_of_the_evaluators_successes_did_not_change_support(tmp_path):
    # success_outcomes given: the same five count, and page 1 says they are among the successes (11 of 16: all but
    # V007 and V013-V016 who broke off; 11 - 5 = 6 other successes)
    sentences = _page_one(_vidga(tmp_path, rows=SIXTEEN, extra="    denominator: exits\n    success_outcomes: "
                                 "[arbete, studier, sjukpenning, sjuk_aktivitetsersättning]\n"), "sv")
    assert ("5 av dem som räknas som lyckade hade samma ersättning vid avslut som vid start (sjuk- eller "
            "aktivitetsersättning och sjukpenning); målet räknar dem som lyckat utfall.") in sentences


def test_page_one_says_some_where_the_rest_would_be_fewer_than_five(tmp_path):
    # the first twelve of the sixteen: five on the same support, six successes, and 12 - 6 - 5 = 1 other (V007), a
    # count the number five would give away beside "6 of 12": said as "some"
    sentences = _page_one(_vidga(tmp_path, rows=SIXTEEN[:12]), "sv")
    assert [s for s in sentences if "samma ersättning" in s] == [
        "Några (färre än 5) avslutade gick till samma ersättning som de hade vid start (sjuk- eller "
        "aktivitetsersättning och sjukpenning) och räknas inte som lyckat utfall: de har inte bytt försörjning."]


def test_page_one_says_some_where_fewer_than_five_were_left_out(tmp_path):
    # the sixteen without V009, V010: three on the same support (V002, V003, V005), under 5, said as "some"
    # (six successes of 14, and 14 - 6 - 3 = 5 others)
    sentences = _page_one(_vidga(tmp_path, rows=SIXTEEN[:8] + SIXTEEN[10:]), "sv")
    assert [s for s in sentences if "samma ersättning" in s] == [
        "Några (färre än 5) avslutade gick till samma ersättning som de hade vid start (sjuk- eller "
        "aktivitetsersättning och sjukpenning) och räknas inte som lyckat utfall: de har inte bytt försörjning."]


# --- an assessment to be made is no exit outcome ------------------------------------------------------------------
@pytest.mark.parametrize("kind, label, target, words", [
    ("share", "Minst 80 % av deltagarna ska ha klarlagd arbetsförmåga vid avslut", "0.8", "klarlagd arbetsförmåga"),
    ("share", "Minst 70 % ska ha fått sin arbetsförmåga bedömd", "0.7", "fått sin arbetsförmåga bedömd"),
    ("outcome_count", "Minst 20 deltagare ska ha genomgått arbetsförmågebedömning", "20",
     "genomgått arbetsförmågebedömning"),
    ("participant_count", "Minst 30 deltagare per år ska få en gemensam kartläggning av FK, vården och kommunen", "30",
     "gemensam kartläggning"),
    ("share", "At least 70% should have had their work capacity assessed", "0.7", "had their work capacity assessed"),
])
def test_a_goal_of_an_assessment_is_refused_with_the_kind_to_write(tmp_path, kind, label, target, words):
    # read as an outcome share, the default outcomes would count V001-V006 and V008 as assessed
    extra = "    denominator: exits\n" if kind == "share" else ""
    with pytest.raises(ParamsError) as e:
        et.load_project(_vidga(tmp_path, kind, label, target, extra))
    for text in (e.value.message("sv"), e.value.message("en")):
        assert f"'{words}'" in text and f"{kind} " in text and "kind: qualitative" in text


@pytest.mark.parametrize("label", ["Minst 30 % av deltagarna med klarlagd arbetsförmåga ska gå till arbete",
                                   "Minst 30 % av dem som fått sin arbetsförmåga bedömd ska gå till arbete",
                                   "Minst 30 % av deltagarna som genomgått arbetsförmågebedömning ska gå till arbete"])
def test_a_target_group_described_by_an_assessment_is_read_as_written(tmp_path, label):
    # work: V001 only = 1 of 8 exits
    project = et.load_project(_vidga(tmp_path, label=label, target="0.3",
                                     extra="    denominator: exits\n    success_outcomes: [arbete]\n"))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(1 / 8)


def test_the_assessment_written_as_qualitative_is_read_as_written(tmp_path):
    project = et.load_project(_vidga(tmp_path, kind="qualitative", label="Klarlagd arbetsförmåga för deltagarna",
                                     target="null", extra="    assessment: delvis\n    evidence: 6 av 8 enligt akterna\n"))
    assert project.params.goals[0].kind == "qualitative"


def test_page_one_says_it_in_the_generic_definitions_words(tmp_path):
    # no main goal: page 1 counts those who left försörjningsstöd (the six of sixteen), so the five who ended on
    # the benefit they started on are said not to be among them, without the word for the main goal's success
    sentences = _page_one(_vidga(tmp_path, kind="participant_count", label="Minst 5 deltagare", target="5", extra="",
                                 rows=SIXTEEN), "sv")
    assert [s for s in sentences if "samma ersättning" in s] == [
        "5 avslutade gick till samma ersättning som de hade vid start (sjuk- eller aktivitetsersättning och "
        "sjukpenning) och räknas inte bland dem som gick till arbete, studier eller en ersättning: de har inte bytt "
        "försörjning."]  # (some had no försörjningsstöd to leave: page 1 says where they went)
