"""Page by page as the board reads the samples, a fifty-seventh time, in Swedish and in English: a survey goal read on
one round of its questionnaire (``answered_from``) was labelled "Hela perioden" with the project's dates; the sentence
on the tests per group counted four breakdowns above a table of three (one left out, none of its groups telling
anything of its successes); the chart per group listed as "dolt" groups the table beside it leaves out; and the
English report and portfolio kept the Latin "(ex ante)" where the Swedish says "förhandsbedömning".
Expected words are the catalog's as a reader should see them; dates and breakdowns are read from the params files
and from the table the report shows beside them, not from the code's output.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import pandas as pd
import pytest
import yaml

from evaltools.present.display import Table, Text
from evaltools.present.sections import facts, goals, outcomes, summary, title

from .conftest import PARAMS, sample_portfolio, sample_report, shown_chunks

matplotlib.use("Agg")
NBSP = "\u00a0"


def _plain(text: str) -> str:
    return " ".join(str(text).replace(NBSP, " ").split())


# --- 1. a survey goal read on one round says so, not "Hela perioden" ------------------------------------------------

def test_a_survey_goals_period_names_the_answers_it_counts_not_the_whole_period():
    from evaltools.words.labels import answered_since, period_label, period_name
    goal = SimpleNamespace(id="känner", kind="survey", answered_from=dt.date(2025, 8, 1))
    other = SimpleNamespace(id="kvalitet", kind="qualitative", answered_from=None)
    since = answered_since(SimpleNamespace(goals=[goal, other]))
    assert since == {"känner": dt.date(2025, 8, 1)}
    row = SimpleNamespace(period_key="hela", period_first=pd.Timestamp("2023-09-01"),
                          period_last=pd.Timestamp("2025-09-30"), observed_last=None)
    assert period_label(row, "sv", since["känner"]) == "Enkätsvar (2025-08-01 – 2025-09-30)"
    assert period_label(row, "en", since["känner"]) == "Answers (2025-08-01 – 2025-09-30)"
    assert period_name("hela", "sv", since["känner"]) == "Enkätsvar från 2025-08-01"
    # a goal over the whole period keeps its name
    assert period_label(row, "sv") == "Hela perioden (2023-09-01 – 2025-09-30)"


@pytest.mark.parametrize("answered, said", [
    ((None,), "whole_period"),                          # a questionnaire's answers over the whole period
    ((dt.date(2025, 8, 1),), "survey_round"),           # one round, from a day on
    ((dt.date(2025, 8, 1), None), "whole_or_survey_round"),
])
def test_the_goal_sections_intro_says_how_survey_goals_are_counted(answered, said):
    from evaltools.present.sections.goals import counted_periods
    params = SimpleNamespace(goals=[SimpleNamespace(kind="survey", period="whole_period", answered_from=a)
                                    for a in answered])
    assert counted_periods(params) == said
    # beside a goal per project year, a round is one more "as each goal says"
    params.goals.append(SimpleNamespace(kind="share", period="project_year", answered_from=None))
    assert counted_periods(params) == "project_year_or_whole"


@pytest.mark.parametrize("lang, period, intro", [
    ("sv", "Enkätsvar (2025-08-01 – 2025-09-30)", "Ansökans mätbara mål redovisas nedan, bedömda utifrån enkätsvaren från det datum som står vid varje mål."),
    ("en", "Answers (2025-08-01 – 2025-09-30)", "judged on the survey answers from the date given at each goal"),
])
def test_samverkans_survey_goals_are_labelled_by_the_round_they_count(lang, period, intro):
    # params/samverkan-i-praktiken.yaml: both survey goals read the answers from 2025-08-01 on (answered_from, "the
    # follow-up in September 2025"); the project ends 2025-09-30. Its answers before then are the 2023 baseline.
    params = yaml.safe_load((PARAMS / "samverkan-i-praktiken.yaml").read_text(encoding="utf-8"))
    survey = [g for g in params["goals"] if g["kind"] == "survey"]
    assert [str(g["answered_from"]) for g in survey] == ["2025-08-01", "2025-08-01"]
    r = sample_report("samverkan-i-praktiken", lang)
    [table] = [p for block in goals.blocks(r) for p in block if isinstance(p, Table)][:1]
    cells = [_plain(c) for c in table.frame.iloc[:, 1]]
    assert cells.count(period) == 2
    whole = "Hela perioden" if lang == "sv" else "Whole period"
    said = " ".join(_plain(c) for c in shown_chunks(goals.blocks(r)))
    assert intro in said
    # nowhere in the goal section, its chart's text alternative or the sentences on uncertainty is a survey goal's
    # figure set beside "the whole period" (the qualitative goals, judged over the whole period, are in their own table)
    assert whole not in " ".join(cells)
    assert not re.search(f"{whole.lower()} \\(2023-09-01", said)
    # the workbook's goal sheet says the same period
    mal = r.key_tables()["mal"]
    assert list(mal.loc[mal["kind"] == "share", "period_label"]) == [period, period]


# --- 2. the sentence on the tests names the breakdowns the table leaves out -------------------------------------------

def _rates_parts(r):
    parts = [p for block in outcomes.blocks(r) for p in block]
    [table] = [p for p in parts if isinstance(p, Table) and "Kategori" in p.frame.columns]
    [verdict] = [p.paragraphs[0] for p in parts if isinstance(p, Text) and p.paragraphs
                 and p.paragraphs[0].startswith("Justerat för att")]
    return parts, table, verdict


@pytest.mark.parametrize("pid, in_table, left_out", [
    # Specialistteamet's intake years: every group's successes hidden, the breakdown left out of the table
    ("eskilstuna-specialistteamet", ["Kön", "Åldersgrupp", "Hushållstyp"], "Projektår för start prövas också"),
    # Nästa steg: one breakdown shown of four tested
    ("nasta-steg", ["Projektår för start"], "Kön, åldersgrupp och hushållstyp prövas också"),
])
def test_the_sentence_on_the_tests_speaks_of_the_breakdowns_the_table_shows(pid, in_table, left_out):
    r = sample_report(pid, "sv")
    _, table, verdict = _rates_parts(r)
    headings = list(dict.fromkeys(str(v).split(" (")[0] for v in table.frame["Variabel"]))
    assert headings == in_table
    # four breakdowns tested (intake year, sex, age group, household type: the participants table's four with more
    # than one group); the sentence counts four, and names the ones the table leaves out
    assert "fyra uppdelningar" in verdict
    assert left_out in verdict and "står inte i tabellen" in verdict
    named = left_out.replace(" prövas också", "").replace(" och ", ", ").split(", ")
    assert len(headings) + len(named) == 4


def test_a_table_that_shows_every_tested_breakdown_says_nothing_of_one_left_out():
    r = sample_report("kompassen-demo", "sv")
    _, _, verdict = _rates_parts(r)
    assert "prövas också" not in verdict


# --- 3. the chart per group draws the rows the table shows ---------------------------------------------------------

@pytest.mark.parametrize("pid", ["eskilstuna-specialistteamet", "timra-vagen-ut", "sprangbradan-demo"])
def test_the_chart_per_group_lists_the_groups_the_table_lists(pid):
    r = sample_report(pid, "sv")
    parts, table, _ = _rates_parts(r)
    [fig] = [p for p in parts if getattr(p, "et_alt", None) and "andel lyckade utfall" in p.et_alt.lower()]
    alt = fig.et_alt
    # every group of the table is in the chart's text alternative ...
    for category in table.frame["Kategori"]:
        assert f"{category} " in alt
    # ... and no group the table leaves out: the chart's groups are the table's, "dolt" only beside a row the table
    # shows with its share hidden
    chart = outcomes.chart_rates(r).table
    shown = [str(c) for c in table.frame["Kategori"]]
    from evaltools.words.breakdowns import labelled
    assert [str(c) for c in labelled(chart, "sv")["category_label"]] == shown
    hidden_in_chart = alt.count(" dolt")
    assert hidden_in_chart == sum(v == ".." for v in table.frame["Andel lyckade utfall"])


def test_specialistteamets_chart_no_longer_lists_the_age_groups_the_table_leaves_out():
    # the table per group shows ages 18–29, 50–59 and 60+ (its share hidden); 30–39 and 40–49 are named in the note
    # on groups hidden here, and were "dolt" in the chart above the table
    r = sample_report("eskilstuna-specialistteamet", "sv")
    parts, table, _ = _rates_parts(r)
    ages = list(table.frame.loc[table.frame["Variabel"] == "Åldersgrupp", "Kategori"])
    assert ages == ["18–29", "50–59", "60+"]
    [fig] = [p for p in parts if getattr(p, "et_alt", None) and "Åldersgrupp" in p.et_alt]
    assert "30–39" not in fig.et_alt and "40–49" not in fig.et_alt and "60+ dolt" in fig.et_alt
    assert ("Grupper där alla siffror är dolda, och uppdelningar där ingen grupps andel visas, står varken i tabellen "
            "eller i diagrammet.") in [_plain(n) for n in table.notes]


# --- 4. the English report says "before start", as the Swedish says "förhandsbedömning" ------------------------------

def _values(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _values(v)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v)
    elif isinstance(node, str):
        yield node


def test_no_english_wording_keeps_the_latin_ex_ante():
    en = yaml.safe_load((Path(__file__).parents[1] / "evaltools" / "locales" / "en.yaml").read_text(encoding="utf-8"))
    latin = [v for v in _values(en) if re.search(r"\bex[ -]ante\b", v, re.I)]
    assert latin == []


def test_the_english_application_check_reads_plainly():
    r = sample_report("eskilstuna-ansokan", "en")
    head = title.html_block(r)
    said = " ".join(shown_chunks(facts.blocks(r)) + shown_chunks(summary.blocks(r)))
    assert "Assessment before start ·" in head
    assert "check of an application before start" in said
    assert "This is an assessment of an application before start" in said
    assert not re.search(r"ex[ -]ante", head + said, re.I)


# --- 5. the portfolio's chart says an application's bar is what it expects, as its table does ---------------------------

@pytest.mark.parametrize("lang, words", [
    ("sv", "För Specialistteamet – prövning av ansökan är kostnaden per deltagare ansökans budget delad med de deltagare "
           "den förväntar sig, inte ett utfall."),
    ("en", "For Specialistteamet – application check the cost per participant is the application's budget divided by the "
           "participants it expects, not an outturn."),
])
def test_the_portfolio_chart_says_an_applications_cost_per_participant_is_expected(lang, words, monkeypatch):
    from evaltools.present import portfolio as pf_module
    parts: list = []
    monkeypatch.setattr(pf_module, "show", lambda *p: parts.extend(p))
    # params/eskilstuna-ansokan.yaml: a budget of 3 863 075 kr and 248 expected participants (the table's 15 577 kr,
    # "förväntat enligt ansökan"); Timrå's bar is its outturn
    sample_portfolio(("timra-vagen-ut", "eskilstuna-ansokan"), lang).charts()
    [caption] = [p.paragraphs[0] for p in parts if isinstance(p, Text) and p.heading]
    assert words in _plain(caption)
    parts.clear()
    sample_portfolio(("timra-vagen-ut",), lang).charts()
    [caption] = [p.paragraphs[0] for p in parts if isinstance(p, Text) and p.heading]
    assert ("förväntar" if lang == "sv" else "expects") not in caption


# --- 6. the English structural sample names the förbund in English, as the toolkit's own English does ------------------

def test_the_english_structural_sample_says_coordination_association_not_forbund():
    r = sample_report("samverkan-i-praktiken", "en")
    said = " ".join(shown_chunks(facts.blocks(r)) + shown_chunks(summary.blocks(r)) + shown_chunks(goals.blocks(r)))
    assert "förbund's" not in said
    assert "the coordination association's member municipalities" in said


# --- 7. a share whose interval spans its target in several years is said once, not once a year --------------------------

@pytest.mark.parametrize("lang, words", [
    ("sv", "Minst 40 % av de avslutade går till arbete, studier eller rätt ersättning: för år 1, år 2 och år 3 spänner "
           "intervallet över målvärdet 40 % (p = 0,063, 0,095 och 0,381 mot målvärdet), så det går inte att säga säkert "
           "om målet nåddes; andelarna och intervallen står i tabellen ovan."),
    ("en", "At least 40% of exits go to work, studies or the right benefit: for year 1, year 2 and year 3 the interval "
           "spans the target 40% (p = 0.063, 0.095 and 0.381 against the target), so it cannot be said with certainty "
           "whether the goal was reached; the shares and intervals are in the table above."),
])
def test_kompassens_three_uncertain_years_are_one_sentence(lang, words):
    from scipy.stats import binom

    from evaltools.present.sections.goals import uncertain_goal_sentences
    # Kompassen's goal table: 29 of 57, 40 of 84 and 17 of 39 above the 40 % target, each interval spanning it; the
    # one-sided exact p of as many or more at a true share of 40 %
    assert [round(float(binom.sf(k - 1, n, 0.4)), 3) for k, n in ((29, 57), (40, 84), (17, 39))] == [0.063, 0.095, 0.381]
    said = [_plain(s) for s in uncertain_goal_sentences(sample_report("kompassen-demo", lang))]
    assert words in said
    label = words.split(":")[0]
    assert len([s for s in said if s.startswith(label)]) == 1  # (it was three sentences, one a year)
    # a goal with one such period keeps its sentence with the share and its interval
    assert [s for s in said if "(145 " in s]


# --- 8. the goal table's note does not call a survey's respondents "alla som målet räknar, inte ett urval" ---------------

def test_samverkans_goal_table_says_its_survey_goals_count_those_who_answered():
    # Samverkan's two share goals are survey goals: 212 of the 450 asked answered the 2025 round (its survey section)
    r = sample_report("samverkan-i-praktiken", "sv")
    [table] = [p for block in goals.blocks(r) for p in block if isinstance(p, Table)][:1]
    note = _plain(table.notes[-1])
    assert "inte ett urval" not in note
    assert "Enkätmålen räknar dem som svarade, inte alla tillfrågade" in note
    assert "212 av 450 tillfrågade svarade" in " ".join(_plain(c) for c in shown_chunks(goals.blocks(r)))


@pytest.mark.parametrize("modes, says_all, says_survey", [
    (["observed", "observed"], True, False),
    (["survey", "survey"], False, True),
    (["observed", "survey"], True, True),  # both: the note on outcomes, and the survey goals' exception after it
])
def test_the_goal_tables_note_on_intervals_follows_what_its_shares_count(modes, says_all, says_survey):
    from evaltools.present.sections.goals import _ci_note
    from evaltools.words.text import msg
    r = SimpleNamespace(msg=lambda key, **v: msg(key, "sv", **v))
    tab = pd.DataFrame({"kind": ["share"] * len(modes) + ["participant_count"], "mode": [*modes, "observed"]})
    note = _plain(_ci_note(r, tab))
    assert ("inte ett urval" in note) == says_all
    assert ("Enkätmålen räknar dem som svarade" in note) == says_survey


@pytest.mark.parametrize("pid, lang, said", [
    ("samverkan-i-praktiken", "sv", "Ett enkätmål räknar dem som svarade på frågans skala, inte alla tillfrågade"),
    ("samverkan-i-praktiken", "en", "A survey goal counts those who answered on the question's scale, not everyone asked"),
    ("timra-vagen-ut", "sv", None),  # (no survey goal: nothing said of one)
])
def test_the_method_appendix_says_a_survey_goal_counts_those_who_answered(pid, lang, said):
    from evaltools.present.sections import method
    r = sample_report(pid, lang)
    text = " ".join(_plain(c) for c in shown_chunks(method.blocks(r)))
    if said is None:
        assert "enkätmål räknar" not in text.lower()
    else:
        assert said in text
        assert ("under 50 % svarsfrekvens" if lang == "sv" else "below a 50% response rate") in text


def test_the_english_portfolio_heads_its_application_checks_in_plain_english():
    from evaltools.words.text import msg
    assert msg("portfolio.kind_ex_ante", "en") == msg("portfolio.applications_heading", "en") == \
        "Applications checked before they start"


def test_the_models_note_on_terms_not_shown_speaks_of_groups_the_table_leaves_out_too():
    # Specialistteamet: five terms (intake years 2 and 3, ages 30–39, 40–49 and 60+) are not in the model's table; the
    # intake years and ages 30–39 and 40–49 are not in the table per group at all (left out), so not "dolda" there
    from evaltools.words.text import plural
    r = sample_report("eskilstuna-specialistteamet", "sv")
    said = " ".join(_plain(c) for c in shown_chunks(outcomes.blocks(r)))
    assert "Fem termer visas inte, eftersom andelarna de jämför inte visas i tabellen ovan." in said
    assert plural("note.terms_hidden", "en", 1, n=1) == \
        "One term is not shown, because the rate it compares is not shown in the table above."
