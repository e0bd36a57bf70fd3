from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import evaltools as et
from evaltools.analysis import goals as goals_module
from evaltools.analysis import cohorts
from evaltools.words.labels import note_text

from .conftest import PARAMS, sample_project


@pytest.fixture(scope="module")
def timra():
    return et.load_project(PARAMS / "timra-vagen-ut.yaml")


@pytest.fixture(scope="module")
def demo():
    return sample_project("kompassen-demo")


def test_composition_counts_and_suppression(timra):
    comp = cohorts.composition(timra)
    raw = comp.raw.set_index(["variable", "category"])
    df = timra.participants
    assert raw.loc[("project_year", 1), "n"] == 37
    for (var, cat), n in raw["n"].items():
        assert n == (df[var] == cat).sum()
    # every published count is either >= 5, 0, or hidden
    shown = comp.table["n"]
    assert all(isinstance(v, str) or v == 0 or v >= 5 for v in shown)
    # "<5" only on counts that are small; no breakdown hides exactly one cell
    for label, n in zip(shown, comp.raw["n"]):
        assert label != "<5" or 0 < n < 5
    for _, g in comp.table.groupby("variable"):
        assert g["n"].isin(["<5", ".."]).sum() != 1


def test_outcome_rates_by_sex_match_a_hand_count(demo):
    res = cohorts.outcome_rates(demo, by=("sex",))
    df = demo.participants[~demo.participants["ongoing"]]
    success = df["outcome"].isin(["arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning",
                                  "sjukpenning", "annan_ersättning"])
    table = pd.crosstab(df["sex"], success)
    raw = res.raw.set_index("category")
    for sex in ("kvinna", "man"):
        assert raw.loc[sex, "successes"] == table.loc[sex, True]
        assert raw.loc[sex, "n"] == table.loc[sex].sum()
    # all expected counts >= 5 here, so the chi-square test with Yates correction for 2x2
    expected = stats.chi2_contingency(table.to_numpy()).pvalue
    assert raw["test"].iloc[0] == "chi2" and raw["p_value"].iloc[0] == pytest.approx(expected)


def test_test_choice_follows_expected_counts(timra):
    res = cohorts.outcome_rates(timra, by=("project_year",))
    # expected counts 22.06, 14.94, 8.94, 6.06 are all >= 5 -> chi-square with Yates correction
    assert res.raw["test"].iloc[0] == "chi2"
    assert res.raw["p_value"].iloc[0] == pytest.approx(stats.chi2_contingency([[18, 19], [13, 2]]).pvalue)
    # 13 of 15 with 2 non-successes (< 5) would be hidden, but the goal table publishes exactly these counts
    # (år 2: 13 of 15, Timrå final report), so hiding them protects no one and the rates are shown
    shown = res.table.set_index("category")
    assert shown.loc[2, "rate"] == pytest.approx(13 / 15) and shown.loc[1, "rate"] == pytest.approx(18 / 37)


def test_rates_hide_rows_whose_ongoing_count_is_small():
    project = et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml")
    res = cohorts.outcome_rates(project, by=("age_group",))
    total = project.participants["age_group"].value_counts()
    for r, shown in zip(res.raw.itertuples(), res.table.itertuples()):
        ongoing = total[r.category] - r.n
        if 0 < ongoing < 5 or 0 < r.successes < 5 or 0 < r.n - r.successes < 5:
            assert shown.rate == "..", r.category


def test_fisher_for_small_expected_counts_matches_hypergeometric_sum():
    table = np.array([[1, 9], [8, 2]])
    name, p = cohorts._test(table)
    # two-sided Fisher p by hand: sum of hypergeometric probabilities no larger than the observed one
    rv = stats.hypergeom(20, 9, 10)  # population 20, 9 successes in column 1, 10 drawn (row 1)
    probs = rv.pmf(np.arange(0, 10))
    hand = probs[probs <= rv.pmf(1) * (1 + 1e-7)].sum()
    assert name == "Fisher" and p == pytest.approx(hand)


def test_logit_odds_ratios_are_exp_of_coefficients(demo):
    res = cohorts.success_model(demo, covariates=("sex",))
    df = demo.participants[~demo.participants["ongoing"]].copy()
    df["y"] = df["outcome"].isin(["arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning",
                                  "sjukpenning", "annan_ersättning"]).astype(int)
    # a single binary covariate: the odds ratio equals the cross-product ratio of the 2x2 table
    tab = pd.crosstab(df["sex"], df["y"])
    or_hand = (tab.loc["man", 1] * tab.loc["kvinna", 0]) / (tab.loc["man", 0] * tab.loc["kvinna", 1])
    assert res.table["odds_ratio"].iloc[0] == pytest.approx(or_hand)


def test_logit_refuses_too_few_events(timra):
    res = cohorts.success_model(timra)
    assert res.table.empty and res.notes[0].key == "note.no_model"
    assert "logistic regression): it needs at least" in note_text(res.notes[0], "en")


def test_time_to_exit_matches_hand_kaplan_meier():
    rows = [("A", 10, True), ("B", 20, True), ("C", 20, False), ("D", 30, True), ("E", 40, False)]
    df = pd.DataFrame(rows, columns=["person_id", "days_in_project", "ended"])
    # KM by hand: t=10: 4/5; t=20: one event of 4 at risk -> 4/5*3/4 = 0.6; t=30: 2 at risk -> 0.3
    from statsmodels.duration.survfunc import SurvfuncRight
    sf = SurvfuncRight(df["days_in_project"], df["ended"].astype(int))
    assert list(np.round(sf.surv_prob, 6)) == [0.8, 0.6, 0.3]


def test_time_to_exit_hides_small_risk_sets(timra):
    res = cohorts.time_to_exit(timra)
    shown = res.table
    kept = res.raw[res.raw["at_risk"] > 0]  # (a day by which everyone had left has no row in the table)
    assert len(shown) == len(kept) and list(shown["day"]) == list(kept["day"])
    assert all(v == "–" for v, n in zip(shown["still_in_project"], kept["at_risk"]) if n < 5)
    for curve in res.curves.values():
        assert len(curve) == 0 or curve["day"].max() <= timra.participants["days_in_project"].max()


def test_flows_add_up(timra):
    f = cohorts.flows(timra)
    assert f.raw["intake"].sum() == 52 and f.raw["exits"].sum() == 52


def test_median_time_is_shown_only_where_the_published_curve_reaches_it(tiny_project):
    from .conftest import participants_frame, write_csv
    # eleven women who stayed 10, 20, ..., 110 days and three men who stayed 10, 20 and 30 days, all ended.
    # Women: the share still in the project falls by 1/11 at each exit, from 6/11 to 5/11 on day 60,
    # when six remain (>= 5): median 60 days, shown. Men: three persons, no curve, so their median (20)
    # is hidden.
    import datetime as dt
    start = dt.date(2022, 2, 1)
    def row(i, sex, days):
        return (f"{sex[0].upper()}{i}", sex, 1980, "ensamstående", str(start), str(start + dt.timedelta(days=days)), "arbete")
    rows = [row(i, "kvinna", 10 * i) for i in range(1, 12)] + [row(i, "man", 10 * i) for i in range(1, 4)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    tte = et.time_to_exit(et.load_project(tiny_project()), by="sex", lang="sv")
    medians = tte.table.groupby("group")["median_days"].first()
    assert medians["kvinna"] == 60
    assert medians["man"] == ".."
    assert tte.raw.groupby("group")["median_days"].first()["man"] == 20  # the evaluator still sees it
    assert len(tte.curves["man"]) == 0


def test_a_share_has_one_interval_in_the_goal_table_and_the_cohort_table(timra):
    # Timrå, intake year 1: 18 of 37 self-supporting (the seed final report). The exact (Clopper–Pearson)
    # 95 % interval from the beta quantiles: lower = Beta(18, 20).ppf(0.025), upper = Beta(19, 19).ppf(0.975)
    low, high = stats.beta.ppf(0.025, 18, 37 - 18 + 1), stats.beta.ppf(0.975, 18 + 1, 37 - 18)
    assert low == pytest.approx(0.319, abs=5e-4) and high == pytest.approx(0.656, abs=5e-4)
    goals = et.assess_goals(timra).table
    row = goals[(goals["goal_id"] == "andel_självförsörjande") & (goals["period_key"] == "år1")].iloc[0]
    assert (row["numerator"], row["denominator"]) == (18, 37)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    rates = cohorts.outcome_rates(timra, by=("project_year",)).table.set_index("category")
    assert (rates.loc[1, "successes"], rates.loc[1, "n"]) == (18, 37)
    assert (rates.loc[1, "ci_low"], rates.loc[1, "ci_high"]) == (pytest.approx(low), pytest.approx(high))


def test_the_interval_method_is_defined_once():
    import inspect

    from evaltools.analysis import goals
    from evaltools.analysis.costbenefit import uncertainty as costbenefit

    from evaltools.present import portfolio
    assert goals.CI_METHOD == "beta"
    for module in (cohorts, costbenefit, portfolio):
        source = inspect.getsource(module)
        assert 'method="wilson"' not in source, module.__name__  # every share's interval: the goal table's method
        assert module.CI_METHOD is goals.CI_METHOD


def test_cohort_rates_count_the_main_goals_success_as_page_one_does():
    # Nästa steg's main goal: an exit with a documented action plan. Counted by hand from the data file:
    # ended participants (an end date) and, of them, those with action_plan "ja".
    project = et.load_project(PARAMS / "nasta-steg.yaml")
    df = project.participants
    ended = df[df["end_date"].notna()]
    k, n = int((ended["action_plan"] == "ja").sum()), len(ended)
    res = cohorts.outcome_rates(project, by=("project_year",))
    assert res.definition is not None and res.definition.kind == "action_plan"
    assert (int(res.raw["successes"].sum()), int(res.raw["n"].sum())) == (k, n)
    page_one = goals_module.project_successes(project)
    assert (page_one.successes, page_one.base) == (k, n)
    # time in the project splits exits by the same definition
    assert cohorts.time_to_exit(project, by=None).definition == res.definition


def test_the_main_goals_exclusions_leave_the_cohort_base_too():
    # Specialistteamet's share goal leaves those who moved away out of its denominator; the rates do too
    project = et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml")
    d = goals_module.success_definition(project.params)
    ended = project.participants[project.participants["end_date"].notna()]
    base = ended[~ended["outcome"].isin(d.exclude)]
    res = cohorts.outcome_rates(project, by=("sex",))
    assert int(res.raw["n"].sum()) == len(base)
    assert int(res.raw["successes"].sum()) == int(base["outcome"].isin(d.outcomes).sum())


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "nasta-steg"])
def test_rates_hidden_beside_the_goal_table_given_or_computed_are_the_same(pid):
    # the report hands its own goal table (worded in English here) to the rate table instead of
    # having it computed again: the same rows are hidden either way
    project = sample_project(pid)
    own = cohorts.outcome_rates(project)
    given = cohorts.outcome_rates(project, goals=et.assess_goals(project, lang="en"))
    pd.testing.assert_frame_equal(own.table, given.table)
    hidden = own.table["rate"].map(lambda v: isinstance(v, str))  # (a hidden rate is a mark, not a number)
    assert hidden.any() == (pid != "kompassen-demo")  # the comparison is of tables that hide rows
