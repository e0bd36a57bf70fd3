"""Tests of the cohort inference: exact Fisher for r x 2 tables, Holm adjustment, tests that follow
suppression, and the rule for counts already published by the goal table."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import evaltools as et
from evaltools.analysis import cohorts
from evaltools.data.privacy import already_published, suppression_mask

from .conftest import PARAMS, sample_project


@pytest.fixture(scope="module")
def timra():
    return et.load_project(PARAMS / "timra-vagen-ut.yaml")


def test_fisher_r_by_2_by_hand():
    # rows of 1, 1 and 2 persons, 2 successes in all. The tables (first column) and their
    # hypergeometric probabilities C(1,a)C(1,b)C(2,c)/C(4,2), enumerated by hand:
    # (1,1,0): 1/6, (1,0,1): 2/6, (0,1,1): 2/6, (0,0,2): 1/6.
    assert cohorts.fisher_r_by_2(np.array([[1, 0], [0, 1], [1, 1]])).pvalue == pytest.approx(1.0)
    # observed (0,0,2), probability 1/6: the two tables of probability 1/6 are as extreme -> p = 1/3
    res = cohorts.fisher_r_by_2(np.array([[0, 1], [0, 1], [2, 0]]))
    assert res.pvalue == pytest.approx(1 / 3) and res.method == "exact"


@pytest.mark.parametrize("table", [[[1, 2], [2, 0], [0, 2]], [[0, 3], [3, 0], [1, 0]], [[2, 0], [0, 2], [1, 1], [0, 1]]])
def test_fisher_r_by_2_matches_scipys_exhaustive_permutation_test(table):
    # reference implementation: SciPy's r x c Fisher test with an exhaustive permutation distribution
    # (every permutation of the 7 persons), an independent way to the exact conditional p-value
    table = np.array(table)
    ref = stats.fisher_exact(table, method=stats.PermutationMethod(n_resamples=np.inf)).pvalue
    assert cohorts.fisher_r_by_2(table).pvalue == pytest.approx(float(np.ravel(ref)[0]), rel=1e-9)


def test_fisher_r_by_2_agrees_with_scipy_on_2x2_and_with_a_large_monte_carlo():
    assert cohorts.fisher_r_by_2(np.array([[3, 7], [8, 2]])).pvalue == pytest.approx(stats.fisher_exact([[3, 7], [8, 2]]).pvalue)
    table = np.array([[5, 2], [5, 8], [9, 6], [10, 3], [2, 2]])  # Timrå's age groups (successes, others)
    exact = cohorts.fisher_r_by_2(table)
    mc = stats.fisher_exact(table, method=stats.MonteCarloMethod(n_resamples=400_000, rng=np.random.default_rng(5)))
    # the Monte Carlo estimate's standard error is about sqrt(p(1-p)/400000) = 0.00075
    assert exact.method == "exact" and exact.pvalue == pytest.approx(float(np.ravel(mc.pvalue)[0]), abs=0.003)


def test_fisher_r_by_2_is_deterministic_and_labels_its_monte_carlo_fallback():
    table = np.array([[8, 12], [10, 15], [5, 12], [12, 6], [5, 12]])
    first = cohorts.fisher_r_by_2(table, seed=7, limit=1000)
    second = cohorts.fisher_r_by_2(table, seed=7, limit=1000)
    assert first.method == "monte_carlo" and first.draws == cohorts.MONTE_CARLO_DRAWS and first.seed == 7
    assert first.pvalue == second.pvalue
    # the same table enumerated exactly lies inside the Monte Carlo estimate's error
    exact = cohorts.fisher_r_by_2(table, limit=10**8)
    assert exact.method == "exact" and abs(exact.pvalue - first.pvalue) < 4 * np.sqrt(max(exact.pvalue, 1e-5) / first.draws) + 1e-5


def test_counting_the_tables():
    # rows 3, 2, 4 with 4 successes: 11 tables (listed by enumerating every (a, b, c), a+b+c = 4, a<=3, b<=2, c<=4)
    brute = sum(1 for a in range(4) for b in range(3) for c in range(5) if a + b + c == 4)
    assert cohorts._count_tables(np.array([3, 2, 4]), 4) == brute == len(cohorts._tables(np.array([3, 2, 4]), 4))


def test_holm_adjustment_by_hand(timra):
    res = cohorts.outcome_rates(timra)
    per_var = res.raw.drop_duplicates("variable").set_index("variable")
    p = per_var["p_value"].sort_values()
    # Holm by hand: the i-th smallest of m p-values times (m - i + 1), made non-decreasing, capped at 1
    m = len(p)
    steps = np.minimum(1, np.maximum.accumulate([(m - i) * v for i, v in enumerate(p.to_numpy())]))
    assert per_var.loc[p.index, "p_holm"].to_numpy() == pytest.approx(steps)
    # Timrå: the lowest p-value (intake year, 0,026) is no longer below 5 % after Holm with four tests
    assert per_var.loc["project_year", "p_value"] == pytest.approx(0.0265, abs=5e-4)
    assert per_var.loc["project_year", "p_holm"] == pytest.approx(4 * per_var.loc["project_year", "p_value"])


def test_a_test_is_shown_only_where_every_rate_it_compares_is_shown(timra):
    res = cohorts.outcome_rates(timra)
    for var, g in res.table.groupby("variable"):
        any_hidden = any(isinstance(r, str) for r in g["rate"])
        assert (g["test"] == "–").all() == any_hidden, var
        assert g["p_value"].isna().all() == any_hidden, var
    # the evaluator still sees every test in .raw
    assert res.raw["p_value"].notna().all()


def test_model_terms_follow_the_rate_table():
    demo = sample_project("kompassen-demo")
    model = cohorts.success_model(demo)
    rates = cohorts.outcome_rates(demo, by=("sex", "age_group", "project_year")).table
    hidden = {(v, str(c)) for v, c, r in zip(rates["variable"], rates["category"], rates["rate"]) if isinstance(r, str)}
    assert len(model.raw) >= len(model.table)
    for var, cat in zip(model.table["variable"], model.table["category"]):
        assert (var, str(cat)) not in hidden


def test_already_published_cells_are_not_suppressed():
    counts = pd.DataFrame({"success": [13, 18], "other": [2, 19], "ongoing": [0, 0]})
    # without the goal table: 2 is small and hidden, and 13 with it (the row total is published)
    plain = suppression_mask(counts, 5)
    assert plain.loc[0, "other"] and plain.loc[0, "success"]
    published = already_published(counts, pd.DataFrame({"success": [13, 18], "other": [2, 19], "ongoing": [0, 0]}))
    assert not suppression_mask(counts, 5, published=published).to_numpy().any()
    # a goal figure with another definition (3, not 2) publishes nothing about this cell
    other_def = already_published(counts, pd.DataFrame({"success": [np.nan] * 2, "other": [3, np.nan], "ongoing": [np.nan] * 2}))
    assert suppression_mask(counts, 5, published=other_def).loc[0, "other"]


def test_a_published_cell_is_never_chosen_to_protect_another():
    # the 3 is small; its row's other cells are 13 (published) and 40: the 40 is hidden, not the 13
    counts = pd.DataFrame({"a": [3], "b": [13], "c": [40]})
    published = pd.DataFrame({"a": [False], "b": [True], "c": [False]})
    mask = suppression_mask(counts, 5, col_totals=False, published=published)
    assert mask.loc[0, "a"] and not mask.loc[0, "b"] and mask.loc[0, "c"]


def test_cumulative_incidence_by_hand():
    # six persons: exit types 1 (success) and 2 (other), 0 = still enrolled (censored)
    time = np.array([10, 20, 20, 30, 40, 50.])
    status = np.array([1, 2, 0, 1, 0, 2])
    cif = cohorts._cumulative_incidence(time, status).set_index("day")
    # Aalen–Johansen by hand: day 10, 6 at risk, one success: S = 5/6, F1 = 1/6. Day 20, 5 at risk, one other
    # exit (the censoring at 20 comes after it): F2 = 5/6 * 1/5 = 1/6, S = 4/6. Day 30, 3 at risk, one success:
    # F1 = 1/6 + 4/6 * 1/3 = 7/18, S = 4/9. Day 50, 1 at risk, one other exit: F2 = 1/6 + 4/9 = 11/18.
    assert cif.loc[10, "success"] == pytest.approx(1 / 6)
    assert cif.loc[20, "other_exit"] == pytest.approx(1 / 6)
    assert cif.loc[30, "success"] == pytest.approx(7 / 18)
    assert cif.loc[50, "other_exit"] == pytest.approx(11 / 18)
    assert cif.loc[30, "surv"] == pytest.approx(4 / 9)
    # the naive 1 - Kaplan-Meier with other exits censored overstates the success incidence: 1 - (5/6)(2/3) = 4/9 > 7/18
    assert 1 - (5 / 6) * (2 / 3) > cif.loc[30, "success"]


def test_cumulative_incidence_matches_lifelines_on_a_sample():
    # reference implementation: lifelines' AalenJohansenFitter (Aalen & Johansen 1978), on Timrå's participants
    lifelines = pytest.importorskip("lifelines")
    timra = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    d = timra.participants
    from evaltools.data.params import primary_success_outcomes
    codes = primary_success_outcomes(timra.params)
    # lifelines breaks tied times by random jitter; a fixed, tiny tie-break gives both estimators the same untied data
    time = d["days_in_project"].to_numpy(float) + np.arange(len(d)) * 1e-3
    status = np.where(d["ongoing"], 0, np.where(d["outcome"].isin(codes), 1, 2))
    ours = cohorts._cumulative_incidence(time, status).set_index("day")
    for event, col in ((1, "success"), (2, "other_exit")):
        ajf = lifelines.AalenJohansenFitter(calculate_variance=False, seed=0)
        ajf.fit(time, status, event_of_interest=event)
        ref = ajf.cumulative_density_.iloc[:, 0]
        at = ref.reindex(ours.index, method="ffill")
        assert ours[col].to_numpy() == pytest.approx(at.to_numpy(), abs=1e-9)


def test_time_to_exit_medians_have_intervals_and_curves_stop_at_small_risk_sets(timra):
    tte = cohorts.time_to_exit(timra)
    raw = tte.raw.drop_duplicates("group").set_index("group")
    assert (raw["median_ci_low"] <= raw["median_days"]).all() and (raw["median_days"] <= raw["median_ci_high"]).all()
    # success + other + still in project = 1 (the Aalen–Johansen estimates add up to one minus Kaplan–Meier)
    total = tte.raw["success"] + tte.raw["other_exit"] + tte.raw["still_in_project"]
    assert total.to_numpy() == pytest.approx(1.0)
    for curve in tte.curves.values():
        assert (curve["at_risk"] >= 5).all()
