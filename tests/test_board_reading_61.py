"""Reading the reports as a board does: a survey goal on page 1 says what each of its two counts is (those who
answered on the question's scale both times, and those asked who answered both times); a count hidden by the
small-count rule is said in words in running text, and never as "fewer than 5 of the 5"; goals set for a group
each (one per municipality) say once on page 1 that each counts its group only.

Expected values are worked out by hand in the comments, never copied from the code's output."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.words.formats import fmt_persons_of

from .conftest import write_csv
from .test_survey_data import DATA, QUESTIONS, _row


# --- 1. a change goal with a "vet ej": the share's denominator is those on the scale ---------------------------

CHANGE_GOAL = """\
survey:
  invited: {personal: 24}
goals:
  - {id: battre, kind: survey, measure: change, label: Minst hälften av handläggarna svarar bättre än förra gången,
     question: F1, before_group: personal, group: personal, target: 0.5, answered_from: 2023-01-01}
"""


@pytest.fixture
def staff(tiny_project):
    """Ten staff (S1–S10) answer F1 with 2 in 2022; in 2023 S1–S6 answer 4, S7–S9 answer 2 again and S10
    answers "vet ej". Asked: 24 both times."""
    rows = [_row(f"S{i}", "personal", "2022-10-01", "F1", "2") for i in range(1, 11)]
    rows += [_row(f"S{i}", "personal", "2023-10-01", "F1", "4" if i <= 6 else "2") for i in range(1, 10)]
    rows.append(_row("S10", "personal", "2023-10-01", "F1", "vet ej"))
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    return et.load_project(tiny_project(CHANGE_GOAL, data_block=DATA))


@pytest.mark.parametrize("lang, start, on_scale, both", [
    # 6 of the 9 pairs on the scale answered better (S1–S6); 10 of the 24 asked answered both times (S10's
    # "vet ej" is an answer, not one on the scale): 10 / 24 = 42 %
    ("sv", "Minst hälften", "(6 av 9 som svarade på frågans skala båda gångerna;",
     "10 av 24 tillfrågade svarade båda gångerna (svarsfrekvens 42\u00a0%)"),
    ("en", "", "(6 of 9 who answered on the question's scale both times;",
     "10 of 24 asked answered both times (response rate 42%)"),
])
def test_page_one_says_the_change_goals_denominator_is_those_on_the_scale(staff, lang, start, on_scale, both):
    r = et.Report(staff, lang=lang)
    line = next(x for x in r.key_findings() if "10 " in x and ("24" in x) and x.startswith(start))
    # before: "6 av 9 som svarade båda gångerna … 10 av 24 tillfrågade svarade båda gångerna", two counts of
    # "answered both times" that differ
    assert on_scale in line and both in line


# --- 2. a hidden count in running text ------------------------------------------------------------------------

@pytest.mark.parametrize("part, whole, lang, said", [
    (3, 86, "sv", "färre än 5 av de 86"),  # (was "<5 av de 86" in running text)
    (3, 86, "en", "fewer than 5 of the 86"),
    (3, 5, "sv", "några av de 5"),  # (was "<5 av de 5"; "färre än 5 av de 5" says only "not all")
    (1, 5, "en", "some of the 5"),
    (2, 3, "sv", "färre än 5"),  # (was "<5 av de <5")
    (0, 3, "en", "fewer than 5"),  # (a hidden group is never "none of the 3")
    (5, 5, "sv", "alla 5"),
    (0, 5, "sv", "ingen av de 5"),
    (40, 86, "en", "40 of the 86"),
])
def test_a_count_of_a_group_in_running_text_says_a_hidden_count_in_words(part, whole, lang, said):
    assert fmt_persons_of(part, whole, 5, lang) == said


def test_the_persist_sentence_says_no_raw_suppressed_count():
    from evaltools.words.text import catalog
    # the sentence under "Stannade de utanför försörjningsstödet?" with 3 of 5 followed for 12 months without
    sentence = catalog("sv").msg("costbenefit.persist.coded", coded="12", share="40\u00a0%",
                                 paid=fmt_persons_of(2, 10, 5), without=fmt_persons_of(3, 5, 5))
    assert "<5" not in sentence and "färre än 5 av de 5" not in sentence
    assert "fick färre än 5 av de 10 som kan följas" in sentence and "var några av de 5 utan" in sentence


# --- 3. one goal per municipality: page 1 says once that each counts its group -------------------------------

TWO = """\
id: tva
title: Gemensam väg
forbund: Samordningsförbundet Norr-Söder
owner: Norrby kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-06-30
data: {participants: data/deltagare.xlsx}
goals:
"""

GOALS = """\
- id: norrby
  kind: participant_count
  label: "Norrby: 5 deltagare per år"
  target: 5
  among: {municipality: Norrby}
- id: soderby
  kind: participant_count
  label: "Söderby: 5 deltagare per år"
  target: 5
  among: {municipality: Söderby}
- id: vasterby
  kind: participant_count
  label: "Västerby: 5 deltagare per år"
  target: 5
  among: {municipality: Västerby}
"""


def _three_towns(tmp_path, goals: str = GOALS):
    """Three municipalities of six participants each, three starting in 2024 and three in 2025, each ending
    100 days after the start: the even-numbered to work, the odd-numbered still on försörjningsstöd."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "municipality"])
    for town in ("Norrby", "Söderby", "Västerby"):
        for k in range(6):
            start = dt.date(2024 if k < 3 else 2025, 2, 1) + dt.timedelta(days=10 * k)
            ws.append([f"{town[0]}{k:02d}", ("kvinna", "man")[k % 2], 1980 + k, "ensamstående", start,
                       start + dt.timedelta(days=100), ("arbete", "kvar_försörjningsstöd")[k % 2], town])
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "tva.yaml"
    p.write_text(TWO + textwrap.indent(goals, "  "), encoding="utf-8")
    return et.load_project(p)


@pytest.mark.parametrize("lang, each, once", [
    ("sv", "Målet räknar bara sin grupp", "Målen som är satta för en grupp räknar bara den gruppens deltagare "
     "(från Norrby, från Söderby och från Västerby)."),
    ("en", "The goal counts its group", "The goals set for a group count that group's participants only "
     "(from Norrby, from Söderby and from Västerby)."),
])
def test_three_goals_for_a_municipality_each_say_so_once_on_page_one(tmp_path, lang, each, once):
    from evaltools.present.sections.goals import page_one
    said = page_one(et.Report(_three_towns(tmp_path), lang=lang))
    assert not any(x.startswith(each) for x in said)  # (was said after each of the three goals)
    assert said.count(once) == 1
    assert sum(x.startswith(("Norrby", "Söderby", "Västerby")) for x in said) == 3  # (each goal still has its line)


def test_one_goal_for_a_group_still_says_it_beside_the_goal(tmp_path):
    from evaltools.present.sections.goals import page_one
    said = page_one(et.Report(_three_towns(tmp_path, GOALS.split("- id: soderby")[0]), lang="sv"))
    i = next(i for i, x in enumerate(said) if x.startswith("Norrby"))
    assert said[i + 1] == "Målet räknar bara sin grupp av deltagarna (från Norrby)."


# --- 4. the Swedish names an English reader cannot follow are in the report's terms ---------------------------

def test_the_national_norm_and_the_finsam_act_are_terms_an_english_report_explains():
    from evaltools.words import glossary
    # (the sentences page 1 and the table by actor give in the samples)
    text = ("A person-year counts as twelve months of SEK 9,517 (the national norm for 2025 for one adult living "
            "alone plus housing). The cost is shared as the Finsam act says: the state 50%.")
    assert {"riksnorm", "finsam"} <= {t.id for t in glossary.used_in(text, "en", glossary.terms_for(True, True, "en"))}
    assert not {"riksnorm", "finsam"} & {t.id for t in glossary.used_in("Participants by sex and age", "en")}
    # a Swedish board knows riksnormen and finsamlagen: its report's terms do not explain them
    assert not {"riksnorm", "finsam"} & {t.id for t in glossary.terms_for(True, True, "sv")}


def test_the_english_terms_say_what_socialstyrelsen_and_a_samordningsforbund_are():
    from evaltools.words import glossary
    assert "Socialstyrelsen (the National Board of Health and Welfare)" in glossary.definition("riksnorm", "en")
    assert "coordination association (samordningsförbund)" in glossary.definition("finsam", "en")


def test_an_english_reports_terms_explain_the_finsam_act_its_table_by_actor_names(tiny_project, monkeypatch):
    from evaltools.present import report as report_module
    from evaltools.present.sections import method
    monkeypatch.setattr(report_module, "_display", lambda *parts: None)
    r = et.Report(et.load_project(tiny_project()), lang="en")
    r.summary()
    r.costbenefit_section()  # (its table by actor: "The cost is shared as the Finsam act says")
    terms = {row[0]: row[1] for row in method.glossary_block(r)[1].frame.itertuples(index=False)}
    assert terms["Finsam act"].startswith("The Swedish act (2003:1210) on financial coordination")


# --- 5. the partners' Swedish agency names in an English report ---------------------------------------------------

@pytest.mark.parametrize("lang, said", [
    ("en", "Arbetsförmedlingen (the Public Employment Service), Försäkringskassan (the Social Insurance Agency), "
           "Region Exempel"),
    ("sv", "Arbetsförmedlingen, Försäkringskassan, Region Exempel"),
])
def test_the_facts_give_a_national_agencys_english_name_in_english(tiny_project, lang, said):
    from evaltools.present.sections.facts import rows
    r = et.Report(et.load_project(tiny_project("partners: [Arbetsförmedlingen, 'försäkringskassan ', Region Exempel]\n")),
                  lang=lang)
    partners = dict(rows(r))["Partners" if lang == "en" else "Samverkansparter"]
    # (the params' own spelling kept, trimmed: 'försäkringskassan ' is the agency too)
    assert partners == said.replace("Försäkringskassan", "försäkringskassan")
