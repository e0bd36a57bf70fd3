"""Goal fulfilment against the Timrå final report, computed by hand from the report."""
from __future__ import annotations

import datetime as dt

import pytest
from scipy.stats import beta

import evaltools as et

from .conftest import PARAMS


@pytest.fixture(scope="module")
def timra_goals():
    return et.assess_goals(et.load_project(PARAMS / "timra-vagen-ut.yaml")).table.set_index(["goal_id", "period_key"])


def test_timra_counts_and_targets(timra_goals):
    g = timra_goals
    assert g.loc[("handlagda", "år1"), "value"] == 37 and g.loc[("handlagda", "år1"), "target"] == 50
    assert g.loc[("handlagda", "år2"), "value"] == 15
    assert g.loc[("självförsörjande", "år1"), "value"] == 18
    assert g.loc[("självförsörjande", "år2"), "value"] == 13
    # the report answers "Nej" to both count goals in both years
    assert set(g.loc[["handlagda", "självförsörjande"], "status"]) == {"ej_uppnått"}


def test_timra_year_two_target_is_prorated_for_the_months_run(timra_goals):
    # year 2 ran 2019-02-01..2019-10-15: 257 of 365 days
    days = (dt.date(2019, 10, 15) - dt.date(2019, 2, 1)).days + 1
    assert days == 257
    row = timra_goals.loc[("handlagda", "år2")]
    assert row["cut"] and row["target_prorated"] == pytest.approx(50 * 257 / 365)
    assert timra_goals.loc[("självförsörjande", "år2"), "target_prorated"] == pytest.approx(25 * 257 / 365)
    assert "2019-10-15" in row["period_label"]


def test_timra_shares_with_exact_intervals(timra_goals):
    y1 = timra_goals.loc[("andel_självförsörjande", "år1")]
    y2 = timra_goals.loc[("andel_självförsörjande", "år2")]
    whole = timra_goals.loc[("andel_hela_perioden", "hela")]
    # report: 48,6 %, 86,6 % (truncated; 13/15 = 86,67 % rounds to 86,7 %), 59,6 % (31 of 52)
    assert round(y1["value"] * 100, 1) == 48.6 and (y1["numerator"], y1["denominator"]) == (18, 37)
    assert round(y2["value"] * 100, 1) == 86.7
    assert round(whole["value"] * 100, 1) == 59.6 and (whole["numerator"], whole["denominator"]) == (31, 52)
    # Clopper–Pearson by its beta-quantile form (Clopper & Pearson 1934), not the library call the code uses
    for k, n, row in ((18, 37, y1), (13, 15, y2), (31, 52, whole)):
        assert row["ci_low"] == pytest.approx(beta.ppf(0.025, k, n - k + 1), abs=1e-9)
        assert row["ci_high"] == pytest.approx(beta.ppf(0.975, k + 1, n - k), abs=1e-9)
    # 48,6 % against a 50 % target: within the 80 % band -> partly; the interval spans the target
    assert y1["status"] == "delvis" and y1["ci_verdict"] == "osäkert"
    # 13 of 15: the exact interval (59,5 %–98,3 %) lies above 50 %
    assert y2["status"] == "uppnått" and y2["ci_verdict"] == "över"
    assert whole["status"] == "uppnått" and whole["ci_verdict"] == "osäkert"


@pytest.mark.parametrize("k, n, low, high, source", [
    # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 5 (exact, Clopper–Pearson)
    (15, 148, 0.0578, 0.1617, "Newcombe 1998"),
    (0, 20, 0.0, 0.1684, "Newcombe 1998"),
    (1, 29, 0.0009, 0.1776, "Newcombe 1998"),
    # Conover (1999), Practical Nonparametric Statistics, Table A4: 5 of 25
    (5, 25, 0.068, 0.407, "Conover 1999"),
])
def test_exact_interval_matches_published_values(k, n, low, high, source):
    from evaltools.goals import share_test
    r = share_test(k, n, 0.5)
    places = 4 if source.startswith("Newcombe") else 3
    assert round(r["ci_low"], places) == low and round(r["ci_high"], places) == high


@pytest.mark.parametrize("k, n, target", [(18, 37, 0.5), (13, 15, 0.5), (31, 52, 0.5), (2, 30, 0.2), (29, 30, 0.8),
                                          (40, 50, 0.6), (10, 50, 0.3)])
def test_interval_verdict_and_one_sided_p_never_disagree(k, n, target):
    from evaltools.goals import share_test
    r = share_test(k, n, target)
    assert (r["ci_verdict"] == "över") == (r["p_above_target"] < 0.025)
    assert (r["ci_verdict"] == "under") == (r["p_below_target"] < 0.025)
    # the one-sided exact p-values by the binomial tail sums, computed independently
    from scipy.stats import binom
    assert r["p_above_target"] == pytest.approx(binom.sf(k - 1, n, target), rel=1e-9)
    assert r["p_below_target"] == pytest.approx(binom.cdf(k, n, target), rel=1e-9)


def test_binomial_shortfall_test_matches_beta_identity(timra_goals):
    # P(X <= 18 | n=37, p=0.5) equals the regularised incomplete beta I_{0.5}(19, 37-18) complement
    y1 = timra_goals.loc[("andel_självförsörjande", "år1")]
    assert y1["p_below_target"] == pytest.approx(beta.sf(0.5, 19, 37 - 18), rel=1e-9)


def test_qualitative_goals_carry_the_assessment(timra_goals):
    q = timra_goals.loc[("samarbete", "hela")]
    assert q["status"] == "delvis" and "Försäkringskassan" in q["evidence"]
    assert timra_goals.loc[("rätt_stöd", "hela"), "status"] == "uppnått"


def test_ex_ante_mode_uses_expected_volumes():
    params = et.load_params(PARAMS / "eskilstuna-specialistteamet.yaml")
    params = params.model_copy(update={"data": params.data.model_copy(update={"participants": None}),
                                       "data_as_of": None})
    project = et.load_project(params)
    g = et.assess_goals(project).table.set_index(["goal_id", "period_key"])
    row = g.loc[("egen_försörjning", "år1")]
    assert row["mode"] == "ex_ante"
    # the application expects 40 exits a year and the goal is 40 a year: a full project year meets it
    assert row["value"] == 40 and row["status"] == "uppnått"
    # year 3 runs 2026-04-01..2026-12-31 (275 of 365 days): expectation and target pro-rated alike
    y3 = g.loc[("egen_försörjning", "år3")]
    assert y3["target_prorated"] == pytest.approx(40 * 275 / 365)
    assert y3["value"] == pytest.approx(40 * 275 / 365) and y3["status"] == "uppnått"


def test_display_uses_swedish_formatting(timra_goals):
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    shown = et.assess_goals(project).display("sv")
    values = shown["Utfall"].tolist()
    assert "48,6\u00a0% (18/37)" in values and "59,6\u00a0% (31/52)" in values
    en = et.assess_goals(project, lang="en").display("en")
    assert "48.6% (18/37)" in en["Result"].tolist()


def test_partial_band_is_validated():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    with pytest.raises(ValueError, match="partial_band must be between 0 and 1, got 80"):
        et.assess_goals(project, partial_band=80)


def test_project_without_goals_gives_an_empty_table_with_columns(tiny_project):
    g = et.assess_goals(et.load_project(tiny_project()))
    assert g.table.empty and "status" in g.table.columns


def test_partial_band_from_params_changes_the_status():
    params = et.load_params(PARAMS / "timra-vagen-ut.yaml").model_copy(update={"partial_band": 0.7})
    g = et.assess_goals(et.load_project(params)).table.set_index(["goal_id", "period_key"])
    # 37 of 50 = 74 % of the target: 'delvis' with a 70 % band, 'ej uppnått' with the default 80 %
    assert g.loc[("handlagda", "år1"), "status"] == "delvis"
