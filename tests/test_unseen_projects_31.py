"""Thirtieth sweep of projects unlike the samples, from files made in Excel: a family project (familjecoachning) for
parents of young children on försörjningsstöd, both parents of a household enrolled as participants with one
``household_id``, owned by a municipality with the region's family centre and Arbetsförmedlingen. A participant,
outcome or share goal whose words count households or families ("Minst 12 hushåll ska ha blivit självförsörjande",
"20 nya familjer per år", "40 % av hushållen") is refused with what to write, since the goal counts persons and the
two parents of one household would be counted as two households; a household named as the participants' own
("föräldrar i hushåll med försörjningsstöd") is read as written. Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt

import pytest

import evaltools as et
from evaltools.words.labels import note_text

from .conftest import ONE_GOAL, excel_participants, params_refusal

PARAMS = """\
id: familjelyftet
kind: individ
title: Familjelyftet
forbund: Samordningsförbundet Ådalen
owner: Kramfors kommun, Arbetsmarknad och integration
partners: [Region Västernorrland (familjecentralen), Arbetsförmedlingen]
period: {start: 2024-01-15, planned_end: 2025-12-31}
data_as_of: 2026-02-15
granted_sek: 300000
data: {participants: data/familjelyftet.xlsx}
""" + ONE_GOAL

# three households: H1 and H2 are two parents each, H3 one parent; five persons
# (person, sex, household type, household, outcome)
ROWS = [("FL001", "kvinna", "sambo_med_barn", "H1", "arbete"),
        ("FL002", "man", "sambo_med_barn", "H1", "studier"),
        ("FL003", "kvinna", "sambo_med_barn", "H2", "arbete"),
        ("FL004", "man", "sambo_med_barn", "H2", "kvar_försörjningsstöd"),
        ("FL005", "kvinna", "ensamstående_med_barn", "H3", "arbetssökande")]


def _familj(tmp_path, kind="outcome_count",
            label="Minst 3 hushåll ska ha blivit självförsörjande vid projektets slut", target="3",
            extra="    success_outcomes: [arbete, arbete_med_stöd, studier]\n"):
    """The five parents of ``ROWS`` on the participants sheet of a workbook as Excel saves it (a title row, the
    header, dates as date cells, a birth year typed as text), each on försörjningsstöd at start, started
    2024-03-01 and ended 2025-06-30."""
    excel_participants(tmp_path / "data" / "familjelyftet.xlsx", "Deltagare i Familjelyftet, utdrag ur ärendesystemet",
                       ["person_id", "sex", "birth_year", "household_type", "n_children", "start_date", "end_date",
                        "outcome", "support_start", "household_id"],
                       [[pid, sex, "1990" if i == 0 else 1988 + i, htype, 2, dt.datetime(2024, 3, 1),
                         dt.datetime(2025, 6, 30), out, "försörjningsstöd", hh]
                        for i, (pid, sex, htype, hh, out) in enumerate(ROWS)])
    p = tmp_path / "familjelyftet.yaml"
    p.write_text(PARAMS % (kind, label, target, extra), encoding="utf-8")
    return p


# --- a goal counted in households is no count of persons ----------------------------------------------------------
# Counted as written, "Minst 3 hushåll ska ha blivit självförsörjande" would count the persons FL001, FL002 and FL003
# (arbete, studier, arbete): 3, "uppnått", though they are two households (H1 and H2).
@pytest.mark.parametrize("kind, label, target, extra, words", [
    ("outcome_count", "Minst 3 hushåll ska ha blivit självförsörjande vid projektets slut", "3",
     "    success_outcomes: [arbete, arbete_med_stöd, studier]\n", "3 hushåll"),
    ("participant_count", "Minst 20 nya familjer per år ska delta", "20", "", "20 nya familjer"),
    ("share", "Minst 40 % av hushållen ska gå till egen försörjning", "0.4", "    denominator: exits\n",
     "40 % av hushållen"),
    ("outcome_count", "Minst tolv familjer ska ha lämnat försörjningsstödet", "12", "", "tolv familjer"),
])
def test_a_goal_counted_in_households_is_refused_with_what_to_write(tmp_path, kind, label, target, extra, words):
    p = _familj(tmp_path, kind, label, target, extra)
    sv = params_refusal(p)
    assert f"målets text räknar '{words}', hushåll eller familjer" in sv
    assert f"ett mål av slaget {kind} räknar personer" in sv
    assert "två föräldrar i samma hushåll räknas som två" in sv
    # (a participant, outcome or share goal counts households with counts: households)
    assert "Lägg till raden 'counts: households'" in sv and "household_id" in sv
    en = params_refusal(p, "en")
    assert f"the goal's text counts '{words}', households or families" in en
    assert "two parents of one household are counted as two" in en


def test_the_same_goal_in_english_words_is_refused(tmp_path):
    p = _familj(tmp_path, label="At least 3 households shall become self-sufficient")
    assert "the goal's text counts '3 households'" in params_refusal(p, "en")


# A household named as the participants' own is read as written: the goal counts the parents. Those with arbete,
# arbete med stöd or studier among the five: FL001, FL002, FL003 = 3 persons.
@pytest.mark.parametrize("label", [
    "Minst 3 föräldrar i hushåll med försörjningsstöd ska gå till arbete eller studier",
    "Minst 3 deltagare ur familjer med barn 0–6 år ska gå till arbete eller studier",
])
def test_a_household_named_as_the_participants_own_is_read_as_written(tmp_path, label):
    project = et.load_project(_familj(tmp_path, label=label))
    goal = et.assess_goals(project).raw
    row = goal[goal["goal_id"] == "mål"].iloc[0]
    assert row["value"] == 3


# --- the children's age band of the riksnorm level: a band the riksnorm has, and said beside the level -----------------
def _with_level(tmp_path, level: str):
    p = _familj(tmp_path, label="Minst 3 föräldrar ska gå till arbete eller studier")
    budget = tmp_path / "data" / "budget.csv"
    budget.write_text("period;category;budget;actual;funder\n2024;Familjecoacher;150000;150000;förbund\n",
                      encoding="cp1252")
    text = p.read_text(encoding="utf-8").replace(
        "data: {participants: data/familjelyftet.xlsx}",
        "data: {participants: data/familjelyftet.xlsx, budget: data/budget.csv}")
    p.write_text(text + f"cost_benefit:\n  price_year: 2024\n  monthly_level: {level}\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("band", ["0-6", "0–6 år", "småbarn"])
def test_a_childrens_age_band_the_riksnorm_lacks_is_refused_with_its_bands(tmp_path, band):
    p = _with_level(tmp_path, f"{{method: riksnorm, child_age_band: '{band}'}}")
    sv = params_refusal(p)
    assert "child_age_band" in sv
    assert f"står '{band}', men riksnormen har inget belopp för barn i den åldern" in sv
    assert "<1, 1-2, 3, 4-6, 7-10, 11-14, 15-18, 19-20" in sv
    assert f"got '{band}', but the riksnorm has no amount for children of that age" in params_refusal(p, "en")


def _level(project):
    a = et.cost_benefit(project).assumptions
    return a[a["name"] == "monthly_level"].iloc[0]


def test_the_childrens_age_band_is_read_as_typed_and_named_beside_the_level(tmp_path):
    default = _level(et.load_project(_with_level(tmp_path / "a", "{method: riksnorm}")))
    small = _level(et.load_project(_with_level(tmp_path / "b", "{method: riksnorm, child_age_band: '4–6 år'}")))
    # the leavers' households (H1, H2) are couples with 2 children each; the 2024 riksnorm for a child is 3 670 kr
    # aged 7–10 (the default band) and 2 930 kr aged 4–6 (evaltools/data/riksnorm.csv): 2 × (3 670 − 2 930) = 1 480 kr
    assert default["value"] - small["value"] == pytest.approx(1480)
    assert "barnen räknade med riksnormens belopp för ett barn 4–6 år, eftersom deltagarfilen inte anger barnens " \
           "ålder" in note_text(small["source"], "sv")
    assert "barn 7–10 år" in note_text(default["source"], "sv")
    assert "children counted at the national norm's amount for a child aged 4–6" in note_text(small["source"], "en")


# --- a target population of households is no count of persons ---------------------------------------------------------
# Counted as written, 'size: 10' beside "hushåll med barn 0–6 år" would give a reach of 5 persons / 10 = 50 %, though
# the five are parents of three households (H1, H2, H3): 30 % of the households.
@pytest.mark.parametrize("description, words", [
    ("hushåll med barn 0–6 år och försörjningsstöd i Kramfors", "hushåll"),
    ("ca 140 barnfamiljer med försörjningsstöd", "barnfamiljer"),
    ("Familjer med små barn och ekonomiskt bistånd", "Familjer"),
])
def test_a_target_population_of_households_is_refused_with_the_persons_to_write(tmp_path, description, words):
    p = _familj(tmp_path, label="Minst 3 föräldrar ska gå till arbete eller studier")
    p.write_text(p.read_text(encoding="utf-8") + f"target_population:\n  size: 10\n  description: {description}\n",
                 encoding="utf-8")
    sv = params_refusal(p)
    assert f"beskrivningen räknar '{words}', men storleken 10 läses som personer" in sv
    assert "Skriv antalet personer i målgruppen som size" in sv
    assert f"the description counts '{words}', but the size 10 is read as persons" in params_refusal(p, "en")


def test_a_target_population_of_parents_in_households_is_read_as_persons(tmp_path):
    p = _familj(tmp_path, label="Minst 3 föräldrar ska gå till arbete eller studier")
    p.write_text(p.read_text(encoding="utf-8") + "target_population:\n  size: 20\n"
                 "  description: föräldrar i hushåll med barn 0–6 år och försörjningsstöd i Kramfors\n", encoding="utf-8")
    project = et.load_project(p)
    assert project.params.target_population.size == 20  # five parents of 20: a reach of 25 %
