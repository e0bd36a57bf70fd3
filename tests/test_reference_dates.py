"""The reference-date sensitivity builds the panel once and shifts event time per reference date;
here every shift is refitted as it used to be (the comparison persons' dates moved, the panel
rebuilt, the two-way within transform and statsmodels' clustered OLS), and on a small synthetic
project also by brute force (OLS with person and calendar-month dummies). They must agree
within 1e-6."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.linear_model import OLS

import evaltools as et
from evaltools.analysis import comparison
from evaltools.data import schema as S
from evaltools.data import synthetic
from evaltools.data.params import ProjectParams
from evaltools.data.project import Project
from evaltools.data.validation import derive_person_columns

from .conftest import PARAMS


def _shifted_panel(project: Project, k: int) -> pd.DataFrame:
    """The DiD's rows with every comparison household's reference date moved ``k`` months, the panel rebuilt
    (persons without payment rows left out, as the payments rule of the data contract says)."""
    c = project.params.comparison
    # the DiD's units are households (one series per household from its first member's start)
    units, paid, _ = comparison.household_units(project.paid_persons(), project.payments)
    persons, cpaid, _ = comparison.household_units(project.paid_persons(comparison=True), project.comparison_payments)
    persons = persons.copy()
    persons[S.START_DATE] = persons[S.START_DATE] + pd.DateOffset(months=k)
    panel = comparison._stack([
        comparison._panel(units, paid, c.months_before, c.months_after, 1),
        comparison._panel(persons, cpaid, c.months_before, c.months_after, 0)])
    panel["after"] = (panel["event_time"] >= 0).astype(float)
    panel["treated_after"] = panel["after"] * panel["treated"]
    a = c.anticipation_months
    return panel[(panel["event_time"] >= 0) | (panel["event_time"] < -a)]


def _old(project: Project, k: int) -> tuple[float, float, float, int]:
    """One shift as the sensitivity used to compute it: within transform, then statsmodels."""
    used = _shifted_panel(project, k)
    dm = comparison._within(used, ["amount", "after", "treated_after"])
    fit = OLS(dm["amount"], dm[["after", "treated_after"]]).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(used["household"])[0]}, use_t=True)
    lo, hi = fit.conf_int().loc["treated_after"]
    return float(fit.params["treated_after"]), float(lo), float(hi), int(fit.nobs)


def _dummies(project: Project, k: int) -> float:
    """The DiD coefficient by brute force: OLS with a dummy for every person and calendar month."""
    used = _shifted_panel(project, k)
    x = pd.concat([used[["after", "treated_after"]],
                   pd.get_dummies(used["person"].astype(str), prefix="p", dtype=float),
                   pd.get_dummies(used["month_idx"], prefix="m", drop_first=True, dtype=float)], axis=1)
    return float(OLS(used["amount"].to_numpy(), x.to_numpy()).fit().params[1])


def _check(project: Project) -> pd.DataFrame:
    got = comparison.reference_date_sensitivity(project).set_index("shift_months")
    assert list(got.index) == [-3, -2, -1, 0, 1, 2, 3]
    for k in got.index:
        effect, lo, hi, n = _old(project, k)
        assert got.loc[k, "n_obs"] == n
        np.testing.assert_allclose(got.loc[k, ["effect", "ci_low", "ci_high"]].to_numpy(float), [effect, lo, hi],
                                   rtol=0, atol=1e-6, err_msg=f"shift {k}")
    return got


@pytest.mark.parametrize("name", ["kompassen-demo", "sprangbradan-demo"])
def test_equals_the_rebuilt_panel_per_shift_on_the_samples(name):
    _check(et.load_project(PARAMS / f"{name}.yaml"))


def _synthetic() -> Project:
    """60 participants and 40 comparison persons over 30 months: shared households, one person
    enrolled twice, one person in both groups and gaps in the payment months."""
    frames = synthetic.national_scale(60, 30, seed=3)
    params = ProjectParams.model_validate({
        "id": "synthetic", "title": "Synthetic", "forbund": "-", "owner": "-",
        "period": {"start": "2020-01-01", "planned_end": "2022-12-31"}, "data_as_of": "2023-12-31",
        "goals": [{"id": "n", "kind": "participant_count", "label": "n", "target": 50, "period": "project_year"}],
    })
    p, c = frames["participants"].copy(), frames["comparison"].iloc[:40].copy()
    p[S.HOUSEHOLD_ID] = [f"H{i // 3}" for i in range(len(p))]  # households of three
    c[S.HOUSEHOLD_ID] = [f"K{i // 2}" for i in range(len(c))]  # households of two
    again = p.iloc[[5]].copy()
    again[S.START_DATE] = again[S.START_DATE] + pd.DateOffset(months=7)
    p = pd.concat([p, again], ignore_index=True)  # P5 enrolled twice
    c.loc[c.index[0], S.PERSON_ID] = p[S.PERSON_ID].iloc[10]  # one id in both groups: one person
    rng = np.random.default_rng(11)
    pay, cpay = frames["payments"], frames["comparison_payments"]
    pay = pay[rng.random(len(pay)) > 0.1]
    cpay = cpay[cpay[S.PERSON_ID].isin(frames["comparison"][S.PERSON_ID].iloc[:40])]
    cpay = cpay[rng.random(len(cpay)) > 0.1]
    budget = pd.DataFrame({"period": ["2020"], "category": "Personal", "budget": [1e6], "actual": [1e6],
                           "funder": "förbund"})
    return Project(params, derive_person_columns(p, params), pay.reset_index(drop=True),
                   derive_person_columns(c, params), cpay.reset_index(drop=True), budget)


def test_equals_the_rebuilt_panel_and_dummy_regressions_on_a_small_synthetic_project():
    project = _synthetic()
    got = _check(project)
    for k in (-3, 0, 2):
        assert got.loc[k, "effect"] == pytest.approx(_dummies(project, k), abs=1e-6)
    # the shifts move the comparison persons' windows: the estimates are not all the same
    assert got["effect"].max() - got["effect"].min() > 1.0
