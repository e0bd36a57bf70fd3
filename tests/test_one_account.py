"""Every cost-benefit figure in one account: a probability belongs to the NPV beside it, a table keeps to
one perspective, the budget's share used is one figure, a cost names its price basis, and "lyckat" is
kept for the main goal's success. Expected values are worked out by hand or from the draws."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.data import schema as S
from evaltools.analysis.costbenefit import _build
from evaltools.words.formats import NBSP, fmt_probability
from evaltools.present.portfolio import Portfolio
from evaltools.analysis.pricebasis import PriceBasis
from evaltools.present.sections import budget, costbenefit, summary
from evaltools.present.sections.basis import basis_words

from .conftest import PARAMS, PARTICIPANT_ROWS, participants_frame, sample_project, sample_report, write_csv

ONE_YEAR = """\
cost_benefit:
  horizon_years: 1
  monte_carlo_draws: 2000
"""


@pytest.fixture(scope="module")
def reports():
    return {lang: sample_report("kompassen-demo", lang) for lang in ("sv", "en")}


def _kr(cell: str) -> float:
    """A table's amount (``−1 187 871 kr``) as a number."""
    return float(cell.replace("kr", "").replace(NBSP, "").replace(" ", "").replace("\u2212", "-"))


def _budget(tiny_project, rows: list[dict], extra: str = "") -> et.Report:
    write_csv(tiny_project.dir / "data" / "budget.csv", rows)
    return et.Report(tiny_project(extra))


# --- 1. a probability belongs to its figure ---------------------------------------------------------
def test_page_one_probability_is_the_share_of_draws_at_the_npvs_horizon(tiny_project):
    write_csv(tiny_project.dir / "data" / "budget.csv", [  # a small cost, so that the answer is not 0 or 1
        {"period": "2022", "category": "Lön", "budget": 30000, "actual": 30000}])
    # (the tiny project's 2 exits are shown with a threshold of 2: with 1 to 4 valued exits the report gives their
    # range and no simulation, tests/test_small_counts_22.py; P5, like P2, ends still on försörjningsstöd, so that
    # those who did not leave it are 2, not 1, which would hide the count of exits too, tests/test_small_counts_23.py)
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(
        [*PARTICIPANT_ROWS, ("P5", "man", 1985, "ensamstående", "2022-04-01", "2022-10-01", "kvar_försörjningsstöd")]))
    path = tiny_project(ONE_YEAR + "privacy: {min_count: 2}\n")
    r = et.Report(path)
    cba = r.cba
    sim, mc = cba.simulation, cba.monte_carlo
    lead = cba.summary.perspective
    # every draw of the main simulation is at the NPV's horizon, 1 year ...
    assert sim.horizon_years == 1.0 and np.all(sim.draws.horizon_years == 1.0)
    # ... and each draw's NPV is the model's NPV at that horizon with that draw's other values
    m = _build(et.load_project(path), "actual_else_budget")[0]
    d = sim.draws
    for i in range(0, len(mc.npv_draws), 97):
        expected = m.npv(lead, level_mult=d.level_mult[i], horizon=1.0, dropoff=d.dropoff[i],
                         deadweight=d.deadweight[i], success_mult=d.success_mult[i], cost_mult=d.cost_mult[i])
        assert mc.npv_draws[i] == pytest.approx(expected)
    share = float((mc.npv_draws > 0).mean())
    assert 0.01 < share < 0.99  # (a test that can tell one share from another)
    # the separate result draws the horizon over 1–5 years from the same draws, and differs
    hr = sim.horizon_range
    assert (hr.horizon_low, hr.horizon_high) == (1.0, 5.0) and d.horizon_varied.max() > 1.0
    assert hr.p_npv_positive[lead] == pytest.approx(float((hr.npv_draws > 0).mean()))
    assert hr.p_npv_positive[lead] != pytest.approx(share)
    # page 1 gives that share, names the horizon and says what the figure is
    [sentence] = summary.probability(r)
    assert f"i {fmt_probability(share, 'sv')} av simuleringarna" in sentence
    assert f"tidshorisonten 1{NBSP}år" in sentence or "tidshorisonten 1 år" in sentence
    assert "sannolikhet" not in sentence.lower()
    # the cost-benefit section's own sentence agrees, and states the horizon-varied share apart
    main, ranged = costbenefit.simulation_text(r, "x")
    assert fmt_probability(share, "sv") in main and "1 år" in main.replace(NBSP, " ")
    assert fmt_probability(hr.p_npv_positive[lead], "sv") in ranged and "mellan 1 och 5 år" in ranged
    # English names the horizon too
    [en] = summary.probability(et.Report(path, lang="en"))
    assert "horizon of 1 year" in en.replace(NBSP, " ") and "of the simulations" in en


def test_the_effect_based_simulation_holds_the_same_horizon():
    r = et.cost_benefit(sample_project("kompassen-demo"))
    assert r.effect_based.horizon_years == r.simulation.horizon_years == 3.0


# --- 2. one table, one perspective ----------------------------------------------------------------
def test_two_ways_to_count_the_benefit_is_one_perspective_on_every_row(reports):
    r = reports["sv"]
    heading, table = costbenefit.effect_based(r)
    lead = r.cba.summary.perspective
    assert "de offentliga finansiärerna" in heading.heading  # the perspective is stated
    row = r.cba.table.set_index("perspective").loc[lead]
    frame = table.frame
    benefit, cost, npv = frame.columns[1:4]
    for _, line in frame.iterrows():
        # benefit − cost = NPV on each row (rounded amounts: within 1 kr)
        assert _kr(line[benefit]) - _kr(line[cost]) == pytest.approx(_kr(line[npv]), abs=1.0)
        # the cost is the lead perspective's, the same on both rows
        assert _kr(line[cost]) == pytest.approx(row["pv_cost"], abs=0.5)
    # the main row is the lead perspective's benefit, not the municipality's gross saving
    assert _kr(frame.iloc[0][benefit]) == pytest.approx(row["pv_benefit"], abs=0.5)
    kommun = r.cba.table.set_index("perspective").loc["kommun", "pv_benefit"]
    assert abs(_kr(frame.iloc[0][benefit]) - kommun) > 1000
    assert any("de offentliga finansiärerna" in n for n in table.notes)


# --- 3. one share of the budget used --------------------------------------------------------------
def test_the_budget_share_is_actual_over_the_budget_of_the_same_lines(tiny_project):
    rows = [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
            {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
            {"period": "2023", "category": "Lön", "budget": 100000, "actual": None}]
    r = _budget(tiny_project, rows)
    # by hand: (90 000 + 25 000) / (100 000 + 20 000) = 115/120 = 95,8 % -> 96 %, not 115/220 = 52 %
    expected = 115000 / 120000
    assert r.cba.budget_use.share == pytest.approx(expected)
    assert r.cba.budget_use.difference == pytest.approx(-5000)
    said = f"96{NBSP}%"
    # page 1
    assert said in summary.cost_sentence(r, r.cba.summary, r.cba.costs)
    # the budget table's total row (the lines with an actual), then all lines' budget apart
    [[_, tab, _]] = budget.blocks(r)
    last = tab.frame.iloc[-2:]
    assert last.iloc[0].tolist()[-1] == said and "52" not in " ".join(tab.frame.iloc[:, -1].astype(str))
    assert _kr(last.iloc[0].tolist()[2]) == 120000 and _kr(last.iloc[1].tolist()[2]) == 220000
    # the portfolio
    port = Portfolio([tiny_project.dir / "tiny.yaml"])
    assert port.table["budget_used"].iloc[0] == pytest.approx(expected)


def test_a_fully_settled_budget_has_one_total_row(tiny_project):
    rows = [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
            {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000}]
    r = _budget(tiny_project, rows)
    [[_, tab, _]] = budget.blocks(r)
    assert tab.frame.iloc[-1].tolist()[-1] == f"96{NBSP}%" and tab.frame.iloc[-2].tolist()[1] == "Övrigt"


# --- 4. one way of naming a cost's basis ----------------------------------------------------------
@pytest.mark.parametrize(("basis", "lang", "words"), [
    (PriceBasis.current(), "sv", "löpande priser"),
    (PriceBasis.fixed(2025), "sv", "2025 års priser"),
    (PriceBasis.present_value(2023, 0.035), "sv", f"nuvärde i 2023 års priser, diskonterat med 3,5{NBSP}% per år"),
    (PriceBasis.current(), "en", "current prices"),
    (PriceBasis.present_value(2023, 0.035), "en", "present value in 2023 prices, discounted at 3.5% a year"),
])
def test_a_basis_is_named_one_way(basis, lang, words):
    assert basis_words(basis, lang) == words


def test_page_one_says_why_its_present_values_differ_from_the_current_price_total(reports):
    r = reports["sv"]
    said = " ".join(summary.cost(r) + summary.worth(r))
    assert "i löpande priser" in said
    assert basis_words(PriceBasis.present_value(2023, 0.035), "sv", short=True) in said
    assert "kostnaden ovan räknad som nuvärde" in said  # the same cost, counted another way


def test_the_applications_own_terms_only_where_the_params_state_its_level():
    no_level = sample_report("samverkan-i-praktiken")  # the params state no monthly level
    said = " ".join(summary.worth(no_level)) + " ".join(costbenefit.key_figures(no_level).frame.iloc[:, 0])
    assert "ansökans egna termer" not in said and np.isnan(no_level.cba.summary.break_even_person_years_application)
    stated = sample_report("eskilstuna-ansokan")  # the params give 8 900 kr a month in 2023 prices
    key = costbenefit.key_figures(stated)
    labels = " ".join(key.frame.iloc[:, 0])
    assert "ansökans egna termer" in labels and "2023 års priser" in labels
    assert any("bara skiljer sig i prisomräkningen" in n for n in key.notes)  # the two figures: why they differ


# --- 5. "lyckat" only for the main goal's success -------------------------------------------------
def test_break_even_counts_exits_from_forsorjningsstod_and_the_section_gives_both_counts():
    r = sample_report("nasta-steg")
    labels = " ".join(costbenefit.key_figures(r).frame.iloc[:, 0])
    assert "Personer som behöver lämna försörjningsstödet för att täcka kostnaden" in labels
    assert "Lyckade avslut" not in labels and "Kostnad per lyckat utfall" in labels
    df = et.load_project(PARAMS / "nasta-steg.yaml").participants
    ended = df[~df[S.ONGOING]]
    exits = int(ended[S.OUTCOME].isin(r.params.cost_benefit.success_outcomes).sum())  # by hand from the data
    successes = round(r.cba.summary.total_cost_nominal / r.cba.summary.cost_per_success)
    assert exits != successes  # (Nästa steg: the main goal counts action plans)
    [said] = costbenefit.benefit_count(r)
    numbers = set(re.findall(r"\d+", said))
    assert {str(exits), str(successes)} <= numbers and "lämnat försörjningsstödet" in said


def test_without_a_goal_of_its_own_the_cost_per_exit_is_not_called_successful(tiny_project):
    r = et.Report(tiny_project())
    labels = " ".join(costbenefit.key_figures(r).frame.iloc[:, 0])
    assert "lyckat" not in labels.lower() and "Kostnad per person som lämnat försörjningsstödet" in labels
    assert pd.notna(r.cba.summary.cost_per_success)
