"""The event study estimates all months at once; here every month is refitted on its own with
statsmodels (OLS, household-clustered, t(G - 1)), as the event study used to be computed, and the
two must agree within 1e-6."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.linear_model import OLS

import evaltools as et
from evaltools.analysis import comparison

from .conftest import PARAMS


def _per_month(panel: pd.DataFrame, reference: int) -> pd.DataFrame:
    """One clustered OLS per month for the group means and one for the change since ``reference``."""
    wide = panel.pivot_table(index="person", columns="event_time", values="amount", aggfunc="sum")
    first = panel.drop_duplicates("person").set_index("person").loc[wide.index]
    treated = first["treated"].to_numpy()
    household = pd.factorize(first["household"])[0]
    rows = []
    for e in wide.columns:
        y = wide[e].to_numpy()
        ok = ~np.isnan(y)
        if len(np.unique(treated[ok])) < 2:
            continue
        x = np.column_stack([treated == 1, treated == 0]).astype(float)
        fit = OLS(y[ok], x[ok]).fit(cov_type="cluster", cov_kwds={"groups": household[ok]}, use_t=True)
        ci = fit.conf_int()
        row = {"event_time": e, "participants": fit.params[0], "participants_low": ci[0, 0],
               "participants_high": ci[0, 1], "comparison": fit.params[1], "comparison_low": ci[1, 0],
               "comparison_high": ci[1, 1]}
        if e != reference:
            change = y - wide[reference].to_numpy()
            ok2 = ~np.isnan(change)
            x2 = np.column_stack([np.ones(len(y)), treated]).astype(float)
            fit = OLS(change[ok2], x2[ok2]).fit(cov_type="cluster", cov_kwds={"groups": household[ok2]}, use_t=True)
            row.update(difference=fit.params[1], difference_low=fit.conf_int()[1, 0],
                       difference_high=fit.conf_int()[1, 1])
        else:  # the contrast is measured from the reference month: zero there by definition
            row.update(difference=0.0, difference_low=0.0, difference_high=0.0)
        rows.append(row)
    return pd.DataFrame(rows).set_index("event_time")


def _no_hiding(panel: pd.DataFrame) -> pd.DataFrame:
    cells = panel[["treated", "event_time"]].drop_duplicates()
    return cells.assign(mean_amount=1.0)


def _compare(panel: pd.DataFrame, reference: int) -> None:
    got = comparison.event_study(panel, reference, _no_hiding(panel)).set_index("event_time")
    want = _per_month(panel, reference)
    assert list(got.index) == list(want.index)
    for column in want.columns:
        np.testing.assert_allclose(got.loc[want.index, column], want[column], rtol=0, atol=1e-6, err_msg=column)


def test_event_study_equals_one_regression_per_month_on_the_demo():
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    panel = comparison.build_panel(project)
    _compare(panel, -project.params.comparison.anticipation_months - 1)


def test_event_study_equals_one_regression_per_month_with_gaps_and_shared_households():
    # 40 persons in households of one to three, some months unobserved (outside the payment
    # file's coverage), so that every month has its own observations and clusters
    rng = np.random.default_rng(7)
    persons = np.arange(40)
    household = np.repeat(np.arange(18), [3, 1, 2, 3, 2, 1, 3, 2, 2, 3, 1, 2, 3, 2, 3, 2, 3, 2])[:40]
    rows = []
    for p in persons:
        for e in range(-6, 7):
            if rng.random() < 0.15:
                continue
            rows.append({"person": f"p{p}", "household": f"h{household[p]}", "event_time": e, "treated": int(p < 17),
                         "amount": float(rng.normal(5000, 1500) - 800 * (p < 17) * (e >= 0))})
    panel = pd.DataFrame(rows)
    _compare(panel, -2)


def test_a_month_with_one_group_only_is_left_out():
    panel = pd.DataFrame({"person": ["a", "b", "c", "d", "a", "b"], "household": ["h1", "h2", "h3", "h4", "h1", "h2"],
                          "event_time": [-1, -1, -1, -1, 0, 0], "treated": [1, 1, 0, 0, 1, 1],
                          "amount": [10.0, 20.0, 30.0, 50.0, 5.0, 5.0]})
    got = comparison.event_study(panel, -1, _no_hiding(panel))
    assert list(got["event_time"]) == [-1]
    # month -1: the group means by hand, the reference month's contrast is 0 by definition
    assert got.loc[0, "participants"] == pytest.approx(15.0)
    assert got.loc[0, "comparison"] == pytest.approx(40.0)
    assert got.loc[0, "difference"] == 0.0


def test_panel_sums_a_persons_payments_per_month_by_hand():
    persons = pd.DataFrame({"person_id": ["A", "B"], "household_id": ["h1", "h2"],
                            "start_date": pd.to_datetime(["2022-03-15", "2022-05-01"])})
    payments = pd.DataFrame({"person_id": ["A", "A", "A", "A", "B", "B", "X"],
                             "month": pd.to_datetime(["2022-02-01", "2022-02-01", "2022-04-01", "2022-09-01",
                                                      "2022-04-01", "2022-06-01", "2022-03-01"]),
                             "amount": [100.0, 50.5, 200.0, 999.0, 300.0, np.nan, 7.0]})
    panel = comparison._panel(persons, payments, before=1, after=1, treated=1)
    got = panel.set_index(["person", "event_time"])["amount"]
    # A starts in March: Feb 100 + 50.5, March nothing, April 200 (September is outside the window);
    # B starts in May: April 300, May nothing, June a missing amount counts as 0; X is nobody here
    want = {("A", -1): 150.5, ("A", 0): 0.0, ("A", 1): 200.0, ("B", -1): 300.0, ("B", 0): 0.0, ("B", 1): 0.0}
    assert got.to_dict() == pytest.approx(want)
    assert set(panel["month_idx"] - panel["event_time"]) == {2022 * 12 + 2, 2022 * 12 + 4}
