"""The DiD's wild cluster bootstrap interval (test inversion) is the main interval below the
few-clusters threshold; its ends checked against the library's own test run directly."""
from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.linear_model import OLS

from evaltools.analysis import comparison
from evaltools.analysis.comparison import IntervalMethod
from evaltools.data.project import load_project

from .conftest import demo_comparison_project


@pytest.fixture(scope="module")
def few(tmp_path_factory):
    """5 participants (5 households) and 30 comparison persons, no effect."""
    d = tmp_path_factory.mktemp("few")
    demo_comparison_project(d, "few", 7, 5, 30, 0.0, "{anticipation_months: 3, small_cluster_threshold: 50}")
    project = load_project(d / "p.yaml")
    panel = comparison.build_panel(project)
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -3)]
    return used, comparison._fit(used, "amount", ["after", "treated_after"], "treated_after", 50, 3)


def _library_p(used: pd.DataFrame, b0: float, seed: int) -> float:
    """wildboottest's own p-value for treated_after = b0: its test of 0 with y − b0·x (not the package's code), on the
    model's regression: person-demeaned, with a dummy per calendar month but the first (the month effects are not
    nested in the household clusters, so each bootstrap regression must estimate them again)."""
    from wildboottest.wildboottest import wildboottest
    months = pd.get_dummies(used["month_idx"], prefix="m", dtype=float).iloc[:, 1:]
    data = pd.concat([used[["amount", "after", "treated_after"]].astype(float), months], axis=1)
    dm = data - data.groupby(used["person"].to_numpy()).transform("mean").to_numpy()
    groups = pd.factorize(used["household"])[0]
    y = dm["amount"] - b0 * dm["treated_after"]
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = wildboottest(OLS(y, dm.drop(columns="amount")), B=comparison.WILD_BOOTSTRAP_DRAWS, cluster=groups,
                           param="treated_after", seed=seed, parallel=False, show=False)
    return float(np.ravel(res["p-value"].to_numpy())[0])


def test_below_the_threshold_the_main_interval_is_the_wild_bootstrap_one(few):
    _, d = few
    assert d.n_treated_clusters == 5 and d.ci_method is IntervalMethod.WILD_BOOTSTRAP
    assert (d.ci_low, d.ci_high) == (d.wild_ci_low, d.wild_ci_high)
    assert d.ci_low < d.effect < d.ci_high
    # the t(G − 1) interval is kept beside it: estimate ± t(0,975; G − 1) × se
    from scipy.stats import t
    half = t.ppf(0.975, d.n_clusters - 1) * d.se
    assert (d.t_ci_low, d.t_ci_high) == pytest.approx((d.effect - half, d.effect + half))


def test_the_interval_ends_are_where_the_library_s_test_starts_to_reject(few):
    used, d = few
    eps = max(0.05 * d.se, 5.0)  # a little inside and a little outside each end
    for end, inward in ((d.ci_low, 1.0), (d.ci_high, -1.0)):
        assert _library_p(used, end + inward * eps, 3) >= 0.05
        assert _library_p(used, end - inward * eps, 3) < 0.05
    # the test does not reject zero exactly when the interval holds zero
    assert (d.wild_p_value >= 0.05) == (d.ci_low <= 0 <= d.ci_high)


def test_above_the_threshold_the_t_interval_stays_the_main_one(few):
    used, _ = few
    d = comparison._fit(used, "amount", ["after", "treated_after"], "treated_after", 0, 3)
    assert d.ci_method is IntervalMethod.CLUSTER_T and d.wild_ci_low is None and d.wild_p_value is None
    assert (d.ci_low, d.ci_high) == (d.t_ci_low, d.t_ci_high)
