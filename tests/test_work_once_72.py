"""Work a report does once: the DiD's household units and panel are built once per project, and the
persistence table matches the leavers' households to the other members once for all its months.
The results are those computed independently (statsmodels' OLS with dummies, a household by hand)."""
from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

import evaltools as et
from evaltools.analysis import comparison
from evaltools.data.crosscheck import other_member_enrolled

from .conftest import PARAMS

persistence_module = importlib.import_module("evaltools.analysis.costbenefit.persistence")


def _counting(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)
    monkeypatch.setattr(module, name, wrapper)
    return calls


@pytest.fixture(scope="module")
def kompassen():
    """Kompassen loaded afresh (nothing kept on it yet)."""
    return et.load_project(PARAMS / "kompassen-demo.yaml")


def test_the_payment_analyses_build_the_panel_and_the_units_once(monkeypatch):
    from evaltools.analysis.staggered import staggered_effect
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    panels = _counting(monkeypatch, comparison, "_build_panel")
    units = _counting(monkeypatch, comparison, "household_units")
    comparison.compare_payments(project)
    staggered_effect(project)
    comparison.reference_date_sensitivity(project)
    comparison.payment_phases(project)
    comparison.build_panel(project)
    # before: three panels (the DiD, the Sun–Abraham check, the event study's bounds) and twelve unit builds
    assert panels[0] == 1
    assert units[0] == 2  # (the participants' households and the comparison group's)
    # a project with other settings has a panel of its own
    comparison.build_panel(project.with_params(comparison={"months_before": 6}))
    assert panels[0] == 2


def test_a_column_one_caller_adds_is_not_in_the_next_callers_panel(kompassen):
    first = comparison.build_panel(kompassen)
    first["extra"] = 1.0
    first.loc[first.index[0], "amount"] = -1.0
    second = comparison.build_panel(kompassen)
    assert "extra" not in second
    assert second["amount"].iloc[0] != -1.0


def test_the_did_from_the_kept_panel_is_statsmodels_ols_with_person_and_month_dummies(kompassen):
    from evaltools.analysis.staggered import staggered_effect
    staggered_effect(kompassen)  # (uses the kept panel first and adds its cohort column to its copy)
    did = comparison.compare_payments(kompassen).did
    # independently: the panel built anew on a project loaded anew, and the two-way fixed effects by dummies
    fresh = comparison._build_panel(et.load_project(PARAMS / "kompassen-demo.yaml"))
    a = kompassen.params.comparison.anticipation_months
    used = fresh[(fresh["event_time"] >= 0) | (fresh["event_time"] < -a)].copy()
    used["person"] = used["person"].astype(str)
    fit = smf.ols("amount ~ treated_after + after + C(person) + C(month_idx)", data=used).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(used["household"])[0]})
    assert did.effect == pytest.approx(fit.params["treated_after"], rel=1e-9)
    # the within transform's CR1 factor counts the two slopes, the dummies' every coefficient: (N − 1)/(N − K)
    n, k = fit.nobs, fit.df_model + 1
    assert did.se == pytest.approx(fit.bse["treated_after"] * np.sqrt((n - k) / (n - 2)), rel=1e-6)


def test_the_persistence_table_asks_for_the_other_members_once(monkeypatch, kompassen):
    asked = _counting(monkeypatch, persistence_module, "other_member_enrolled")
    table = persistence_module.persistence(kompassen, months=(1, 2, 3, 6, 12)).table
    assert asked[0] == 1  # (before: once for each of the five months)
    assert list(table["months_after"]) == [1, 2, 3, 6, 12]


def _month(year: int, month: int) -> float:
    return year * 12 + month - 1


def test_another_member_enrolled_in_several_months_at_once_by_hand():
    # household H: A enrolled Jan–Mar 2022, B Feb–May 2022; K alone; G: C Jan 2022 onwards and D from Jun 2022
    participants = pd.DataFrame({
        "person_id": ["A", "B", "K", "C", "D"],
        "household_id": ["H", "H", "K", "G", "G"],
        "start_date": pd.to_datetime(["2022-01-10", "2022-02-01", "2022-01-01", "2022-01-01", "2022-06-15"]),
        "end_date": pd.to_datetime(["2022-03-31", "2022-05-20", "2022-04-30", pd.NaT, pd.NaT])})
    months = np.array([[_month(2022, 4), _month(2022, 5), _month(2022, 6)],   # A: B enrolled in Apr, May; not Jun
                       [_month(2022, 3), _month(2022, 4), _month(2022, 1)],   # B: A enrolled in Mar, Jan; not Apr
                       [_month(2022, 5), _month(2022, 6), _month(2022, 7)],   # K: nobody else
                       [_month(2022, 5), _month(2022, 6), _month(2023, 1)]])  # C: D from Jun 2022
    expected = np.array([[True, True, False], [True, False, True], [False, False, False], [False, True, True]])
    got = other_member_enrolled(participants, participants["person_id"].iloc[:4], participants["household_id"].iloc[:4],
                                months)
    np.testing.assert_array_equal(got, expected)
    # one month per leaver, as before: the same answers
    for j in range(3):
        np.testing.assert_array_equal(
            other_member_enrolled(participants, participants["person_id"].iloc[:4], participants["household_id"].iloc[:4],
                                  months[:, j]), expected[:, j])
