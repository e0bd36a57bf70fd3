"""Statistics recomputed by an independent method: the cost-benefit Monte Carlo's share of draws with a positive
net present value and its percentiles per perspective, at the held horizon and with the horizon drawn (a simulation
of our own from the distributions docs/methods.md documents), the effect-based estimate's simulation (its exact
distribution, a mixture of normals), the wild cluster bootstrap test and interval of the DiD (a restricted wild
cluster bootstrap written here in numpy on the regression with explicit household and month dummies), the event
study on Språngbrädan (one regression per month), the Sun–Abraham estimate (a regression with cohort × month
interactions and explicit dummies), and the honest-DiD interval at M = 0 (the least-variance estimator that no
straight-line difference in trends can bias, in closed form). The expected values are computed here from the data
and, where a figure starts from another (the effect-based simulation from the DiD and its reference-date estimates,
the honest-DiD bounds from the event study's coefficients), from that figure, which is checked elsewhere; never
read from the figure under test."""
from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis import comparison
from evaltools.analysis.comparison import IntervalMethod
from evaltools.analysis.costbenefit import cost_benefit

from .conftest import PARAMS, demo_comparison_project, write_csv
from .test_event_study_regressions import _compare
from .test_recompute_unseen import _months

# ---------------------------------------------------------------------------------------------------------------
# 1. The Monte Carlo of the cost-benefit analysis
#
# Ten participants start 2023-01-10 and end 2023-05-15, all on försörjningsstöd at start; D1–D6 leave for work
# (6 of 10), D7–D10 stay. Ten comparison persons with the same start, K1–K3 leave for work (3 of 10). The level is
# fixed at 9 000 kr a month, the horizon one year, no drop-off and no discounting; the budget's one line of
# 600 000 kr is the förbund's, shared 50/25/25, so the municipality bears 150 000 kr, the public financiers the
# whole 600 000 kr. Earnings are not valued. The municipality's benefit is the försörjningsstöd saved,
#   S = 9 000 × 12 × successes × (1 − deadweight) × level multiplier,
# at the base 9 000 × 12 × 6 × (1 − (3/10)/(6/10)) = 324 000 kr; the public financiers' benefit is the same S (the
# exits are to work: no benefit paid instead); society's is 0 (the saving is a transfer) plus the skattefaktor's
# (1,3 − 1) × (S − 600 000). docs/methods.md, rule 9, documents the draws:
#   successes  n × Beta(k + ½, n − k + ½)      (Jeffreys posterior of the success rate, k = 6 of n = 10)
#   deadweight  Beta(3,5; 7,5) / (successes / n) (Jeffreys posteriors of the comparison's and the participants'
#              rates, the latter the same draw as the successes' since both count the same 6 of 10; clipped to
#              0–95 %, comparison.DEADWEIGHT_MAX)
#   level      Normal(1; 0,10), kept within 0,5–1,5 (±10 %, normal)
#   drop-off   held (its base is 0), horizon held at one year, discount rate fixed, no optimism bias.
# ---------------------------------------------------------------------------------------------------------------
MC_PARAMS = """\
id: rakna54
title: Räknat för hand
forbund: Testförbundet
owner: Testkommun
period: {start: 2023-01-01, planned_end: 2023-12-31}
data_as_of: 2024-06-30
data:
  participants: data/participants.csv
  payments: data/payments.csv
  budget: data/budget.csv
  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}
cost_benefit:
  price_year: 2023
  monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2023, source: testkälla}
  horizon_years: 1
  dropoff_per_year: 0
  discount_rate: 0
  monte_carlo_draws: 100000
reference:
  kpi: {2022: 400, 2023: 400, 2024: 400}
privacy:
  min_count: 2
"""
COST = 600_000.0
MY_DRAWS = 2_000_000


def _mc_project(tmp_path):
    base = {"sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående", "start_date": "2023-01-10"}
    write_csv(tmp_path / "data/participants.csv", [
        {"person_id": f"D{i}", **base, "end_date": "2023-05-15", "outcome": "arbete" if i <= 6 else "kvar_försörjningsstöd",
         "support_start": "försörjningsstöd"} for i in range(1, 11)])
    write_csv(tmp_path / "data/comparison.csv", [
        {"person_id": f"K{i}", **base, "end_date": "2024-01-10", "outcome": "arbete" if i <= 3 else "kvar_försörjningsstöd",
         "support_start": "försörjningsstöd"} for i in range(1, 11)])
    write_csv(tmp_path / "data/payments.csv", [
        {"person_id": f"D{i}", "month": m, "amount": 10000} for i in range(1, 11)
        for m in _months((2022, 1), (2023, 5) if i <= 6 else (2024, 6))])
    write_csv(tmp_path / "data/comparison_payments.csv", [
        {"person_id": f"K{i}", "month": m, "amount": 10000} for i in range(1, 11)
        for m in _months((2022, 1), (2023, 7) if i <= 3 else (2024, 6))])
    write_csv(tmp_path / "data/budget.csv", [{"period": "2023", "category": "Personal", "budget": COST, "actual": COST}])
    path = tmp_path / "rakna54.yaml"
    path.write_text(MC_PARAMS, encoding="utf-8")
    return et.load_project(path)


def _my_npvs(seed: int = 54, draws: int = MY_DRAWS, horizon_drawn: bool = False) -> dict[str, np.ndarray]:
    """Each perspective's NPV per draw, from the documented distributions (not the toolkit's code); with
    ``horizon_drawn`` the months of saving are drawn too, whole months uniform over the horizon range's 1–5 years
    (12–60 months; with no drop-off and no discounting each month saves the whole level)."""
    rng = np.random.default_rng(seed)
    rate = rng.beta(6.5, 4.5, draws)  # the participants' rate, once: the successes' and the deadweight's
    successes = 10 * rate
    deadweight = np.clip(rng.beta(3.5, 7.5, draws) / rate, 0.0, 0.95)
    level = np.clip(rng.normal(1.0, 0.10, draws), 0.5, 1.5)
    months = rng.integers(12, 61, draws) if horizon_drawn else 12
    saved = 9000 * months * successes * (1 - deadweight) * level
    return {"kommun": saved - COST / 4, "offentliga": saved - COST,
            "samhälle": 0.0 - COST + (1.3 - 1) * (saved - COST)}


def _quantile_se(x: np.ndarray, q: float, n: int) -> float:
    """The standard error of the q-quantile of n draws: √(q(1 − q)/n) over the density at the quantile, the density
    read off the large sample ``x`` as a difference quotient over ±1 percentage point."""
    lo, hi = np.quantile(x, [q - 0.01, q + 0.01])
    return float((hi - lo) / 0.02 * np.sqrt(q * (1 - q) / n))


@pytest.fixture(scope="module")
def mc_project(tmp_path_factory):
    return _mc_project(tmp_path_factory.mktemp("mc54"))


@pytest.fixture(scope="module")
def mc(mc_project):
    cba = cost_benefit(mc_project, effect=False)
    return cba, _my_npvs()


def test_the_monte_carlo_s_base_is_the_hand_computed_npv(mc):
    # the simulation's centre: 324 000 − 150 000 = 174 000 kr for the municipality, 324 000 − 600 000 = −276 000 kr
    # for the public financiers, −600 000 + 0,3 × (324 000 − 600 000) = −682 800 kr for society
    cba, _ = mc
    npv = cba.table.set_index("perspective")["npv"]
    assert npv["kommun"] == pytest.approx(174_000)
    assert npv["offentliga"] == pytest.approx(-276_000)
    assert npv["samhälle"] == pytest.approx(-682_800)
    # the simulation varies what the methods say and holds the rest: drop-off at its base 0, the horizon at one year
    draws = cba.simulation.draws
    assert np.all(draws.dropoff == 0) and np.all(draws.horizon_years == 1) and np.all(draws.cost_mult == 1)


@pytest.mark.parametrize("perspective", ["kommun", "offentliga", "samhälle"])
def test_the_share_of_positive_npvs_agrees_with_an_independent_simulation(mc, perspective):
    # Tolerance: both shares are means of independent Bernoulli draws, so their difference has the standard error
    # √(p(1 − p)(1/100 000 + 1/2 000 000)); four standard errors (about 0,006 at p = 0,5) fail by chance once in
    # 16 000 runs, and the draws are seeded, so a pass is a pass on every run. A share that would put a wrong
    # distribution in (the successes' posterior without the ½, a uniform level, the clip missing) moves it by more.
    cba, mine = mc
    spread = cba.monte_carlo.by_perspective[perspective]
    p = float((mine[perspective] > 0).mean())
    se = np.sqrt(max(p * (1 - p), 1e-6) * (1 / cba.monte_carlo.draws + 1 / MY_DRAWS))
    assert spread.p_npv_positive == pytest.approx(p, abs=4 * se)


@pytest.mark.parametrize("perspective", ["kommun", "offentliga", "samhälle"])
def test_the_percentiles_agree_with_an_independent_simulation(mc, perspective):
    # The 5th, 50th and 95th percentiles: four times the combined standard error of the two sample quantiles
    # (√(q(1 − q)/n) over the density at the quantile, read off our two million draws)
    cba, mine = mc
    spread = cba.monte_carlo.by_perspective[perspective]
    x = mine[perspective]
    for q, theirs in ((0.05, spread.npv_p05), (0.5, spread.npv_median), (0.95, spread.npv_p95)):
        se = np.hypot(_quantile_se(x, q, cba.monte_carlo.draws), _quantile_se(x, q, MY_DRAWS))
        assert theirs == pytest.approx(float(np.quantile(x, q)), abs=4 * se), q


@pytest.mark.parametrize("perspective", ["kommun", "offentliga", "samhälle"])
def test_the_share_with_the_horizon_drawn_agrees_with_an_independent_simulation(mc, perspective):
    # the separate result over the horizon range (1–5 years, the default): the same tolerance as above
    cba, _ = mc
    ranged = cba.simulation.horizon_range
    assert (ranged.horizon_low, ranged.horizon_high) == (1, 5)
    p = float((_my_npvs(seed=5454, horizon_drawn=True)[perspective] > 0).mean())
    se = np.sqrt(max(p * (1 - p), 1e-6) * (1 / cba.monte_carlo.draws + 1 / MY_DRAWS))
    assert ranged.p_npv_positive[perspective] == pytest.approx(p, abs=4 * se)


def test_the_lead_perspective_s_figures_are_the_public_financiers(mc):
    # page 1 leads with the public financiers (lead_perspective's default): the headline share is theirs
    cba, mine = mc
    assert cba.monte_carlo.perspective == "offentliga"
    p = float((mine["offentliga"] > 0).mean())
    assert cba.monte_carlo.p_npv_positive == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / cba.monte_carlo.draws))


# ---------------------------------------------------------------------------------------------------------------
# 2. The wild cluster bootstrap interval of the DiD
#
# Below the few-clusters threshold the main interval inverts the restricted wild cluster bootstrap test (WCR-11,
# Rademacher weights, 9 999 draws). Here the same test is written out on the regression with explicit dummies:
# payment on treated_after, after, a dummy per household unit and per calendar month (but one), residuals
# clustered by household. For the null b0 the restricted residuals u are those of y − b0·treated_after on the
# other regressors; a bootstrap sample is their fitted values plus u times one weight ±1 per household, and the
# whole model is fitted to it again. With a = the row of (X'X)⁻¹X' that gives the coefficient, the bootstrap
# estimate less b0 is a·(u∘v) and its cluster scores are Σ_{i in h} a_i (M(u∘v))_i, M the residual maker of the
# whole model: both linear in the household weights v, so every draw is two small matrix products. The
# small-sample factor of the clustered variance is the same in the statistic and in every bootstrap statistic, so
# it cancels from the p-value, P(|t*| > |t|).
# ---------------------------------------------------------------------------------------------------------------
MY_WILD_DRAWS = 99_999


@pytest.fixture(scope="module")
def few(tmp_path_factory):
    """5 participants (5 households) and 30 comparison persons, no effect, the default anticipation window."""
    d = tmp_path_factory.mktemp("few54")
    demo_comparison_project(d, "few", 7, 5, 30, 0.0, "{anticipation_months: 3, small_cluster_threshold: 50}")
    project = et.load_project(d / "p.yaml")
    panel = comparison.build_panel(project)
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -3)].copy()
    return project, used


def _my_wild_test(used: pd.DataFrame, seed: int = 54, draws: int = MY_WILD_DRAWS):
    """The restricted wild cluster bootstrap p-value of treated_after = b0, as a function of b0."""
    y = used["amount"].to_numpy(float)
    after = (used["event_time"] >= 0).to_numpy(float)
    ta = after * used["treated"].to_numpy(float)
    unit, month = pd.factorize(used["person"])[0], pd.factorize(used["month_idx"])[0]
    household = pd.factorize(used["household"])[0]
    dummies = np.column_stack([np.eye(unit.max() + 1)[unit], np.eye(month.max() + 1)[month][:, 1:]])
    x, x_restricted = np.column_stack([ta, after, dummies]), np.column_stack([after, dummies])
    xtx_inv = np.linalg.pinv(x.T @ x)
    a = (xtx_inv @ x.T)[0]
    member = np.zeros((household.max() + 1, len(y)))
    member[household, np.arange(len(y))] = 1.0
    scores = member * a  # row h: a on household h's rows
    beta = a @ y
    resid = y - x @ (xtx_inv @ (x.T @ y))
    se = np.sqrt(np.sum((scores @ resid) ** 2))
    v = np.random.default_rng(seed).choice([-1.0, 1.0], size=(len(member), draws))

    def p(b0: float) -> float:
        yr = y - b0 * ta
        u = yr - x_restricted @ np.linalg.lstsq(x_restricted, yr, rcond=None)[0]
        per_household = member.T * u[:, None]  # column g: the restricted residuals of household g
        m_u = per_household - x @ (xtx_inv @ (x.T @ per_household))
        t_star = (a @ per_household) @ v / np.sqrt(np.sum((scores @ m_u @ v) ** 2, axis=0))
        return float(np.mean(np.abs(t_star) > abs((beta - b0) / se)))
    return p


@pytest.fixture(scope="module")
def wild(few):
    _, used = few
    fits = [comparison._fit(used, "amount", ["after", "treated_after"], "treated_after", 50, seed)
            for seed in (1, 2, 3, 4)]
    return fits, _my_wild_test(used)


def test_the_report_s_interval_is_the_wild_bootstrap_one(few):
    project, _ = few
    did = comparison.compare_payments(project).did
    assert did.n_treated_clusters == 5 and did.ci_method is IntervalMethod.WILD_BOOTSTRAP
    assert (did.ci_low, did.ci_high) == (did.wild_ci_low, did.wild_ci_high)


def test_the_wild_p_value_agrees_with_an_own_bootstrap_on_the_model_with_dummies(wild):
    # Tolerance: the mean of the toolkit's p-values over four seeds (4 × 9 999 draws) against ours (99 999):
    # four standard errors of the difference of two shares, about 0,011 here. Before, the bootstrap ran on the
    # two-way within-transformed regression without the month effects, and its p-value was 0,436 against the
    # model's 0,466 (seven standard errors).
    fits, p = wild
    theirs = float(np.mean([f.wild_p_value for f in fits]))
    mine = p(0.0)
    se = np.sqrt(mine * (1 - mine) * (1 / (len(fits) * comparison.WILD_BOOTSTRAP_DRAWS) + 1 / MY_WILD_DRAWS))
    assert theirs == pytest.approx(mine, abs=4 * se)


def test_the_interval_ends_are_where_an_own_bootstrap_test_starts_to_reject(wild):
    # At the toolkit's ends our test's p-value is 0,05 up to simulation error: the mean over the four seeds' ends,
    # within four standard errors of the difference (about 0,005). Before, the ends lay where our test still gave
    # 0,058 and 0,060: the interval was about 5 % narrower than the bootstrap's.
    fits, p = wild
    se = np.sqrt(0.05 * 0.95 * (1 / (len(fits) * comparison.WILD_BOOTSTRAP_DRAWS) + 1 / MY_WILD_DRAWS))
    for end in ("ci_low", "ci_high"):
        at_ends = float(np.mean([p(getattr(f, end)) for f in fits]))
        assert at_ends == pytest.approx(0.05, abs=4 * se), end
    # and the wild interval is wider than the t(G − 1) interval (with five participating households it must be)
    assert all(f.ci_low < f.t_ci_low and f.ci_high > f.t_ci_high for f in fits)


# ---------------------------------------------------------------------------------------------------------------
# 3. The event study on the other sample with a comparison group (Kompassen and a synthetic panel are in
#    tests/test_event_study_regressions.py): one clustered OLS per month, within 1e-6
# ---------------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sprangbradan():
    project = et.load_project(PARAMS / "sprangbradan-demo.yaml")
    return project, comparison.build_panel(project)


def test_the_event_study_equals_one_regression_per_month_on_sprangbradan(sprangbradan):
    project, panel = sprangbradan
    _compare(panel, -project.params.comparison.anticipation_months - 1)


# ---------------------------------------------------------------------------------------------------------------
# 4. Sun–Abraham, against the interaction regression written out: payment on a dummy per household unit and per
#    calendar month (but one), a dummy per month since the reference month from the start on (both groups, where
#    comparison persons have that month) and one per intake year × month since the start for participants, on the
#    months outside the anticipation window; household-clustered errors. The overall effect weights each cohort ×
#    month coefficient by its participant-months, the effect by month since start and by cohort likewise.
#    The estimate is the same as on the within-transformed panel (Frisch–Waugh–Lovell); the clustered variance of
#    the regression with dummies counts its K_d coefficients in the small-sample factor (N − 1)/(N − K), the
#    within-transformed one only its own K_w, so the toolkit's standard error is ours × √((N − K_d)/(N − K_w)), as
#    for the main DiD (docs/methods.md).
# ---------------------------------------------------------------------------------------------------------------
def _hand_sun_abraham(panel: pd.DataFrame, anticipation: int) -> dict:
    from scipy import stats
    from statsmodels.regression.linear_model import OLS

    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -anticipation)].reset_index(drop=True)
    treated = used["treated"].to_numpy() == 1
    e = used["event_time"].to_numpy()
    cohort = (used["month_idx"] - used["event_time"]).to_numpy() // 12  # the calendar year of the start month
    shared = sorted(set(e[(e >= 0) & ~treated]))
    cells = sorted({(int(g), int(k)) for g, k in zip(cohort[treated & (e >= 0)], e[treated & (e >= 0)])})
    unit = pd.get_dummies(used["person"].astype(str), dtype=float)
    month = pd.get_dummies(used["month_idx"], dtype=float).iloc[:, 1:]
    effects = {f"e{k}": (e == k).astype(float) for k in shared}
    cell_cols = {f"g{g}_e{k}": ((cohort == g) & (e == k) & treated).astype(float) for g, k in cells}
    x = pd.concat([pd.DataFrame({**effects, **cell_cols}), unit, month.add_prefix("m")], axis=1)
    fit = OLS(used["amount"].to_numpy(float), x.to_numpy(), hasconst=True).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(used["household"])[0]})
    assert np.linalg.matrix_rank(x.to_numpy()) == x.shape[1]  # (every coefficient is identified)
    n_obs, k_d, k_w = len(used), x.shape[1], len(effects) + len(cell_cols)
    cov = fit.cov_params() * (n_obs - k_d) / (n_obs - k_w)
    n_groups = used["household"].nunique()
    crit = stats.t.ppf(0.975, n_groups - 1)
    counts = {c: float(((cohort == g) & (e == k) & treated).sum()) for c, (g, k) in zip(cell_cols, cells)}
    first = len(effects)

    def combine(chosen: list[tuple[int, int]]) -> tuple[float, float, float, float]:
        w = np.zeros(x.shape[1])
        for g, k in chosen:
            w[first + cells.index((g, k))] = counts[f"g{g}_e{k}"]
        w /= w.sum()
        est, se = float(w @ fit.params), float(np.sqrt(w @ cov @ w))
        return est, se, est - crit * se, est + crit * se

    return {"overall": combine(cells),
            "by_event_time": {k: combine([c for c in cells if c[1] == k]) for k in sorted({k for _, k in cells})},
            "by_cohort": {g: combine([c for c in cells if c[0] == g]) for g in sorted({g for g, _ in cells})}}


def _check_sun_abraham(project, panel):
    from evaltools.analysis import staggered
    got = staggered.staggered_effect(project)
    want = _hand_sun_abraham(panel, project.params.comparison.anticipation_months)
    scale = max(1.0, abs(want["overall"][0]))
    assert (got.effect, got.se, got.ci_low, got.ci_high) == pytest.approx(want["overall"], abs=1e-6 * scale)
    by_e = got.by_event_time.set_index("event_time")
    assert list(by_e.index) == list(want["by_event_time"])
    for k, (est, _, lo, hi) in want["by_event_time"].items():
        assert (by_e.loc[k, "effect"], by_e.loc[k, "ci_low"], by_e.loc[k, "ci_high"]) == pytest.approx(
            (est, lo, hi), abs=1e-6 * scale), k
    by_g = got.by_cohort.set_index("cohort")
    assert list(by_g.index) == list(want["by_cohort"])
    for g, (est, _, lo, hi) in want["by_cohort"].items():
        assert (by_g.loc[g, "effect"], by_g.loc[g, "ci_low"], by_g.loc[g, "ci_high"]) == pytest.approx(
            (est, lo, hi), abs=1e-6 * scale), g


def test_sun_abraham_equals_the_interaction_regression_with_dummies_on_a_small_staggered_panel(tmp_path):
    # 12 participants starting 2021–2023 (three intake years), 30 comparison persons, an effect of −2 000 kr
    d = tmp_path / "stag"
    demo_comparison_project(d, "stag", 11, 12, 30, -2000.0)
    project = et.load_project(d / "p.yaml")
    panel = comparison.build_panel(project)
    assert ((panel["month_idx"] - panel["event_time"])[panel["treated"] == 1] // 12).nunique() == 3
    _check_sun_abraham(project, panel)


def test_sun_abraham_equals_the_interaction_regression_with_dummies_on_sprangbradan(sprangbradan):
    _check_sun_abraham(*sprangbradan)


# ---------------------------------------------------------------------------------------------------------------
# 5. Honest-DiD: the smoothness interval at M = 0, solved in closed form
#
# Under Δ^SD(0) the difference in trends is a straight line through the reference month: δ_t = s·t at the
# event-study positions t = −n_pre … −1 before it and 1 … n_post after it, for any slope s. An affine estimator
# l'β̂_post + w'β̂_pre of the target l'τ (l: the mean over the months from the start on) has the bias
# s·(l'p_post + w'p_pre), finite for every s only when w'p_pre = −l'p_post; so the fixed-length interval at M = 0
# is the least-variance such estimator ± z(0,975) times its standard deviation: w = Σ_pp⁻¹(λ p_pre − Σ_pq l), with
# λ chosen to meet the constraint. Tolerance: honestdid takes its critical value as a quantile of 10⁶ simulated
# |N(0, 1)| (seeded), whose standard error is √(0,025 · 0,975 / 10⁶) / (2 φ(1,96)) = 0,0013, 0,07 % of 1,96; and it
# finds the optimum by a search over the estimator's standard deviation. Both ends are held to 4 × 0,07 % of the
# half-length (about 1 kr on these samples).
# ---------------------------------------------------------------------------------------------------------------
def _closed_form_m0(es) -> tuple[float, float]:
    from scipy import stats
    n_pre, b, sigma, l_post = es.n_pre, es.beta, es.sigma, es.weights
    p_pre, p_post = np.arange(-n_pre, 0, dtype=float), np.arange(1, len(l_post) + 1, dtype=float)
    s_pp, s_pq = sigma[:n_pre, :n_pre], sigma[:n_pre, n_pre:]
    a_p, a_q = np.linalg.solve(s_pp, p_pre), np.linalg.solve(s_pp, s_pq @ l_post)
    lam = (-l_post @ p_post + p_pre @ a_q) / (p_pre @ a_p)
    v = np.concatenate([lam * a_p - a_q, l_post])
    assert v[:n_pre] @ p_pre == pytest.approx(-(l_post @ p_post))  # no linear trend biases it
    est, half = float(v @ b), float(stats.norm.ppf(0.975) * np.sqrt(v @ sigma @ v))
    return est - half, est + half


@pytest.mark.slow  # (about 6 s each: torch, cvxpy and the bounds' grid)
@pytest.mark.parametrize("name", ["kompassen-demo", "sprangbradan-demo"])
def test_the_smoothness_interval_at_m_0_is_the_least_variance_trend_free_estimate(name):
    pytest.importorskip("honestdid")
    from evaltools.analysis import honest
    project = et.load_project(PARAMS / f"{name}.yaml")
    bounds = honest.honest_bounds(project)
    assert bounds is not None and not bounds.unsolved and bounds.bounds[0].m == 0
    # the event study's months are consecutive (the positions above are months): −12 … −5 and −3 … 12 around −4
    a = project.params.comparison.anticipation_months
    es = honest.event_study_coefficients(comparison.build_panel(project), -a - 1)
    assert list(es.months) == [m for m in range(-12, 13) if m != -a - 1]
    low, high = _closed_form_m0(es)
    tol = 4 * 0.00068 * (high - low) / 2
    assert (bounds.bounds[0].low, bounds.bounds[0].high) == pytest.approx((low, high), abs=tol)
    # the target is the mean of the contrasts from the start month on (the anticipation months weigh nothing)
    assert bounds.effect == pytest.approx(float(np.mean(es.beta[es.n_pre:][np.array(es.months[es.n_pre:]) >= 0])))



def test_the_wild_p_value_where_every_reference_month_is_the_same(tmp_path):
    # The Monte Carlo's project above: every participant and comparison person has the reference month 2023-01, so
    # "after" is a set of calendar months, in the span of the month dummies; 10 participating households of 20.
    # Our bootstrap (least squares of any rank) against the toolkit's, with the tolerance above for one seed.
    # (A singular design handed to the library gave 0,66 here, and an interval of −5 497 to 18 194 kr.)
    project = _mc_project(tmp_path)
    did = comparison.compare_payments(project).did
    assert did.n_treated_clusters == 10 and did.ci_method is IntervalMethod.WILD_BOOTSTRAP
    used = comparison.build_panel(project)
    used = used[(used["event_time"] >= 0) | (used["event_time"] < -project.params.comparison.anticipation_months)]
    p = _my_wild_test(used)
    mine = p(0.0)
    se = np.sqrt(mine * (1 - mine) * (1 / comparison.WILD_BOOTSTRAP_DRAWS + 1 / MY_WILD_DRAWS))
    assert did.wild_p_value == pytest.approx(mine, abs=4 * se)
    se_end = np.sqrt(0.05 * 0.95 * (1 / comparison.WILD_BOOTSTRAP_DRAWS + 1 / MY_WILD_DRAWS))
    assert p(did.ci_low) == pytest.approx(0.05, abs=4 * se_end)
    assert p(did.ci_high) == pytest.approx(0.05, abs=4 * se_end)


def test_the_effect_based_simulation_agrees_with_its_exact_distribution(mc_project):
    # The effect-based estimate of the Monte Carlo's project: the DiD's fall in payments for each of the 10
    # participating households over the year's 12 months (no drop-off, no discounting, prices alike), all of it the
    # public financiers' benefit (exits to work: no benefit paid instead), against their 600 000 kr. Its simulation
    # draws the effect from a normal around the estimate with the main interval's half-width over 1,96 as spread (the
    # wild bootstrap interval here) and adds one of the reference-date shifts' estimates less the main one, each
    # equally likely (docs/methods.md). So NPV = −120 × effect − 600 000, and its distribution is an exact mixture
    # of seven normals: no simulation of ours needed. Tolerance: four standard errors of the toolkit's 100 000 draws.
    from scipy import optimize, stats
    eb = cost_benefit(mc_project).effect_based
    assert eb is not None and eb.perspective == "offentliga" and eb.households == 10 and eb.draws == 100_000
    shifted = comparison.reference_date_sensitivity(mc_project)["effect"].to_numpy(float)
    assert len(shifted) == 7  # (−3 … +3 months)
    spread = (eb.did_ci_high - eb.did_ci_low) / 2 / stats.norm.ppf(0.975)
    centres = -120 * shifted - COST  # the NPV's mean under each shift: the estimate plus the shift's offset
    sd = 120 * spread

    def cdf(v):
        return float(np.mean(stats.norm.cdf((v - centres) / sd)))

    def pdf(v):
        return float(np.mean(stats.norm.pdf((v - centres) / sd)) / sd)

    p = 1 - cdf(0.0)
    assert eb.p_npv_positive == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / eb.draws))
    for q, theirs in ((0.05, eb.npv_p05), (0.95, eb.npv_p95)):
        exact = optimize.brentq(lambda v: cdf(v) - q, centres.min() - 10 * sd, centres.max() + 10 * sd)
        se = np.sqrt(q * (1 - q) / eb.draws) / pdf(exact)
        assert theirs == pytest.approx(exact, abs=4 * se), q
