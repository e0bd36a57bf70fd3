"""Each leaver's own payments before the start (the cost-benefit's own-payments level and the check of the riksnorm
against them), now read from the person codes and month index the project keeps instead of a copy of the payments
per enrolment (a merge that took a second at national scale): the same values as that merge, computed here with
pandas as the code computed them before, on a project with a person whose window has no rows (NaN), a person with
two enrolments (each its own window) and a person without a start date."""
from __future__ import annotations

import numpy as np
import pandas as pd

import evaltools as et
from evaltools.analysis.costbenefit.model import _own_levels
from evaltools.analysis.pricebasis import price_factor
from evaltools.data import schema as S

from .test_fixes_66 import START, _did_project


def _by_merge(project, succ: pd.DataFrame) -> np.ndarray:
    params, ml = project.params, project.params.cost_benefit.monthly_level
    pay = project.payments
    start_m = succ[[S.PERSON_ID, S.START_DATE]].copy()
    start_m["m0"] = start_m[S.START_DATE].dt.year * 12 + start_m[S.START_DATE].dt.month - 1
    p = pay[pay[S.PERSON_ID].isin(start_m[S.PERSON_ID])].merge(start_m[[S.PERSON_ID, "m0"]], on=S.PERSON_ID)
    p["m"] = p[S.MONTH].dt.year * 12 + p[S.MONTH].dt.month - 1
    hi = p["m0"] - ml.gap_before_start
    p = p[(p["m"] < hi) & (p["m"] >= hi - ml.months_before_start)].copy()
    years = p[S.MONTH].dt.year
    fac = {y: price_factor(int(y), params.price_year, dict(params.reference.kpi))[0] for y in years.unique()}
    p["fixed"] = p[S.AMOUNT] * years.map(fac)
    per = p.groupby([S.PERSON_ID, "m0"])["fixed"].sum() / ml.months_before_start
    return per.reindex(pd.MultiIndex.from_frame(start_m[[S.PERSON_ID, "m0"]])).to_numpy(float, copy=True)


def test_the_own_levels_are_those_of_the_payments_in_each_enrolments_window(tmp_path):
    path = _did_project(tmp_path)
    pay_file = tmp_path / "data" / "payments.csv"
    pay = pd.read_csv(pay_file)
    first = pay["person_id"].iloc[0]
    # the first participant has no payment before the start: no row in the window, a level of NaN
    pay[~((pay["person_id"] == first) & (pay["month"] < START))].to_csv(pay_file, index=False)
    project = et.load_project(path)
    succ = project.participants.copy()
    # a second enrolment of the second participant a year later (its own window), and one without a start date
    again = succ.iloc[[1]].assign(**{S.START_DATE: succ[S.START_DATE].iloc[1] + pd.DateOffset(years=1)})
    undated = succ.iloc[[2]].assign(**{S.START_DATE: pd.NaT})
    succ = pd.concat([succ, again, undated], ignore_index=True)
    expected = _by_merge(project, succ)
    got = _own_levels(project, succ)
    assert np.isnan(got[0]) and np.isnan(expected[0])
    assert np.isnan(got[-1])  # (no start date: no months before it)
    np.testing.assert_allclose(got[:-1], expected[:-1], rtol=0, atol=1e-9)
    # the second enrolment's window is a year later: other months, another level than the first's when prices moved
    assert not np.isnan(got[len(succ) - 2])
