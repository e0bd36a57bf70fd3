"""What a board member stumbles over when reading the samples a fourteenth time: page 1 giving two shares for the
same successes (Specialistteamet's 46,3 % of every exit beside its share goal's 47,5 % with those who moved left
out), a payback equal to the horizon (checked: a real crossing, not a cap), a simulation's range written in two
units ("mellan −880 000 kr och 6,3 miljoner kronor"), a running year's bar in the goal chart without its figure, a
logistic regression's "21 händelser för 7 parametrar" in the body, and a reference value's source that strings
two derivations together. Expected values are worked out by hand from the small inputs built here, not taken
from the code's output.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis import cohorts
from evaltools.analysis.goals import project_successes, success_definition

from .conftest import write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\n", " ")


# --- 1. one share of the exits, the share goal's, on page 1, at the goal, in the figures and the portfolio ------

COUNT_GOAL = ("{id: arbete, kind: outcome_count, label: Tio per år till arbete, target: 10, count_by: exit, "
              "success_outcomes: [arbete]}")
SHARE_GOAL = ("{id: andel, kind: share, label: Minst hälften av de avslutade till arbete, target: 0.5, "
              "period: whole_period, denominator: exits, exclude_from_denominator: [flyttat], "
              "success_outcomes: [arbete]}")


def _exits_project(tmp_path, goals: list[str]):
    """25 exits in 2023: 12 to work, 8 dropped out, 5 moved; goals as given (the count goal first: the main)."""
    kinds = ["arbete"] * 12 + ["avbrott"] * 8 + ["flyttat"] * 5
    rows = [_person(i + 1, outcome=o, sex="kvinna" if i % 2 else "man") for i, o in enumerate(kinds)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    body = PROJECT.rstrip(" ") % "" + "    goals:\n" + "".join(f"      - {g}\n" for g in goals)
    return et.load_project(_params(tmp_path, body))


def test_a_count_goals_share_of_the_exits_is_the_share_goals_over_its_denominator(tmp_path):
    project = _exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL])
    # the share goal leaves the 5 who moved out: 12 of 25 − 5 = 20, 60 %; never 12 of 25 (48 %)
    sc = project_successes(project)
    assert (sc.successes, sc.base) == (12, 20) and sc.share == pytest.approx(0.6)
    assert success_definition(project.params).share_goal_id == "andel"
    goals = et.assess_goals(project).table
    row = goals[goals["goal_id"] == "andel"].iloc[0]
    assert (row["numerator"], row["denominator"]) == (12, 20)
    # the portfolio's row gives the same share (and so the same interval as the goal table)
    from evaltools.present.portfolio import _row
    port = _row(project, "sv")
    assert (port["successes"], port["ended"]) == (12, 20)
    assert port["ci_low"] == pytest.approx(row["ci_low"]) and port["ci_high"] == pytest.approx(row["ci_high"])


@pytest.mark.parametrize("lang, counted, left_out, share", [
    ("sv", "Av 25 avslutade deltagare fick 12 ett utfall", "Målet om andelen räknar 20 av dem: avslut med utfallet "
     "flyttat räknas inte.", "60,0 % under hela perioden (12 av 20;"),
    ("en", "Of 25 participants who ended, 12 had an outcome", "The share goal counts 20 of them: exits marked as moved "
     "away are not counted.", "60.0% over the whole period (12 of 20;")])
def test_page_one_gives_the_share_once_at_its_goal_and_says_what_is_left_out(tmp_path, lang, counted, left_out,
                                                                            share):
    from evaltools.present.sections import summary
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL]), lang=lang)
    said = [_plain(s) for s in summary.participation(r)]
    # the count of everyone who ended (25, as the other goals and the facts count them), without a share: 48,0 %
    # would be a second one; beside it, once, the share goal's count and what it leaves out (25 − 5 who moved);
    # 60,0 % (12 of 20) is the share goal's, said once, at that goal
    assert any(s.startswith(counted) for s in said), said
    assert left_out in said, said
    assert not any("%" in s for s in said), said
    goals = _plain(" ".join(summary.goal_fulfilment(r)))
    assert share in goals and ("48,0" not in goals and "48.0" not in goals)


def test_without_a_share_goal_page_one_gives_the_count_goals_share_of_every_exit(tmp_path):
    from evaltools.present.sections import summary
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL]), lang="sv")
    said = [_plain(s) for s in summary.participation(r)]
    # 12 of all 25 exits: 48,0 %
    assert any(s.startswith("Av 25 avslutade deltagare fick 12 (48,0 %)") for s in said), said


# --- 2. payback is counted on the whole grid: beyond the horizon it is a larger figure, never the horizon --------

def test_payback_past_any_horizon_is_its_own_month_and_never_reached_is_none():
    from evaltools.analysis.costbenefit.ledger import _payback
    # 100 kr of cost in month 1 and 1 kr of benefit a month for 200 months, undiscounted: the running net is
    # −100 + n after n months, below zero until month 100
    assert _payback(np.ones(200), np.array([100.0]), 0.0) == 100.0
    # 12 months of 1 kr against 100 kr: never paid back (not "12 months")
    assert np.isnan(_payback(np.ones(12), np.array([100.0]), 0.0))


# --- 3. a range of amounts in one unit -----------------------------------------------------------------------------

@pytest.mark.parametrize("low, high, lang, said", [
    # −880 000 kr beside 6,3 miljoner: the end below a million in kronor (nobody says −0,88 miljoner), the unit
    # once at the end in Swedish
    (-880_000.0, 6_312_000.0, "sv", "mellan −880 000 och 6,3 miljoner kronor"),
    (-880_000.0, 6_312_000.0, "en", "between SEK −880,000 and SEK 6.3 million"),
    # both below a million: kronor, the unit once
    (-533_363.0, 130_400.0, "sv", "mellan −530 000 och 130 000 kr"),
    # 500 000 and 1 000 000: "500 000 och 1 miljon", not "0,5 och 1 miljon"
    (500_000.0, 1_000_000.0, "sv", "mellan 500 000 och 1 miljon kronor"),
])
def test_a_range_of_amounts_is_said_in_one_unit(low, high, lang, said):
    from evaltools.present.sections.costbenefit import prose_range
    got = prose_range(low, high, lang)
    word = "mellan {low} och {high}" if lang == "sv" else "between {low} and {high}"
    assert _plain(word.format(**got)) == said


# --- 4. a running year's bar has its figure, readable -------------------------------------------------------------

def test_a_running_years_bar_at_its_pro_rated_target_has_a_readable_label(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.colors import to_rgb

    from evaltools.present.plots import plot_goals
    # data to 2023-06-30: year 1 (2023) runs; 20 exits to work by then against 40 a year, pro-rated to
    # 40 × 181/365 = 19,8, 20 whole persons: the bar reaches its target mark
    rows = [_person(i + 1, start="2023-02-01", end="2023-05-01") for i in range(20)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    goal = "{id: arbete, kind: outcome_count, label: Fyrtio per år till arbete, target: 40, count_by: exit, success_outcomes: [arbete]}"
    body = PROJECT.rstrip(" ") % "" + "    data_as_of: 2023-06-30\n    goals:\n      - " + goal + "\n"
    assessment = et.assess_goals(et.load_project(_params(tmp_path, body)))
    year1 = assessment.table.iloc[0]
    assert bool(year1["running"]) and year1["value"] == 20
    fig = plot_goals(assessment, "sv")
    labels = [a for a in fig.axes[0].texts if a.get_text() == "20"]
    assert labels, "the running bar has no value label"
    # not white on the bar's white hatching
    assert all(to_rgb(a.get_color()) != (1.0, 1.0, 1.0) for a in labels)


# --- 5. too few exits for a model: said in words, not "händelser för parametrar" -----------------------------------

@pytest.mark.parametrize("lang, said", [
    ("sv", "den behöver minst 20 avslut av det ovanligare slaget, med eller utan det utfall som räknas, och här är de 6."),
    ("en", "it needs at least 20 exits in the smaller of two groups – those with the outcome counted and those "
           "without – and here there are 6.")])
def test_too_few_exits_for_the_model_are_said_in_words(tmp_path, lang, said):
    from evaltools.words.labels import note_text
    # 12 exits, 6 to work and 6 dropping out, by sex: two parameters (a constant and one for sex) need 2 × 10 = 20
    # of the rarer kind; there are 6
    kinds = ["arbete"] * 6 + ["avbrott"] * 6
    rows = [_person(i + 1, outcome=o, sex="kvinna" if i % 2 else "man") for i, o in enumerate(kinds)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    model = cohorts.success_model(et.load_project(_params(tmp_path, PROJECT % "")), covariates=("sex",))
    [text] = [_plain(note_text(n, lang)) for n in model.notes if "no_model" in n.key]
    assert said in text
    assert not any(w in text for w in ("händelser", "parametrar", "events", "parameters", "lyckat", "success"))


# --- 6. a stand-in reference value: one derivation, in the order it was made --------------------------------------

@pytest.mark.parametrize("lang, said", [
    ("sv", "Riksnormen för 2025 saknas; 2024 års värde uppräknat med KPI. 2024 års värde är i sin tur uppskattat: "
           "2023 års delposter × 1,087 (Regeringen 2023-11: +8,7 % på varje post)."),
    ("en", "The national norm for 2025 is missing; 2024's value uprated by CPI. 2024's value is in turn an estimate: "
           "the 2023 items × 1.087 (the Government, 2023-11: +8.7% on each item)."),
])
def test_a_stand_in_riksnorm_says_one_derivation(lang, said):
    from types import SimpleNamespace

    from evaltools.present.sections import quality
    from evaltools.words.text import catalog
    row = {"year": 2025, "what": "riksnorm:adult_single:", "fallback_from": 2024, "base_confidence": "EST",
           "source": "Uppskattning: 2023 års delposter × 1,087 (Regeringen 2023-11: +8,7 % på varje post)",
           "source_en": "Estimate: the 2023 items × 1.087 (the Government, 2023-11: +8.7% on each item)"}
    r = SimpleNamespace(lang=lang, msg=catalog(lang).msg)
    assert _plain(quality.reference_source(r, row)) == said


def test_a_stand_in_riksnorm_carries_the_confidence_of_the_value_it_is_uprated_from():
    from evaltools.data import reference
    table = reference.riksnorm_table()
    single = table[(table["component"] == "adult_single")]
    last = int(single["year"].max())
    base = single[single["year"] == last].iloc[0]
    stand_in = reference.riksnorm(last + 1, "adult_single", "")
    assert stand_in.confidence == "FALLBACK" and stand_in.fallback_from == last
    assert stand_in.base_confidence == base["confidence"]
    # the stand-in is the base year's value uprated by KPI, to tens of kronor
    factor = reference.kpi(last + 1).value / reference.kpi(last).value
    assert stand_in.value == pytest.approx(round(float(base["amount_sek_month"]) * factor, -1))
    assert isinstance(pd.Series([stand_in.value]).iloc[0], float)
