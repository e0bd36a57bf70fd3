"""Comparison-group weighting (analysis.weighting): on a simulated project whose comparison persons
differ from the participants in what also drives the change in payments, inverse-probability
weights bring every standardised difference below 0.1 and recover the true effect that the
unweighted comparison misses. Expected values come from the simulation's construction."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.weighting import (AGE, BALANCED, HOUSEHOLD_PREFIX, PRE_MEAN, WOMAN, comparison_weighting,
                                          standardised_difference, weighted_did)
from tests.conftest import sample_project

TRUE_EFFECT = -1500.0
TYPES = ("ensamstående", "ensamstående_med_barn", "sambo_med_barn")


def imbalanced(seed: int = 7, n: int = 4000) -> pd.DataFrame:
    """A pool of försörjningsstöd recipients; who takes part depends (logistically) on the payment
    before, age, sex and household type, so participants had higher payments, are younger and more
    often single parents. The change in payments falls with a higher payment before and rises for
    single parents (regression to the mean, children growing up), and the project lowers it by
    1 500 kr a month: the unweighted comparison confuses the two."""
    rng = np.random.default_rng(seed)
    pre = rng.normal(8000, 2000, n)
    age = rng.uniform(20, 60, n)
    woman = rng.binomial(1, 0.5, n).astype(float)
    household = rng.choice(TYPES, size=n, p=[0.5, 0.25, 0.25])
    parent = (household == "ensamstående_med_barn").astype(float)
    logit = -1.5 + 0.0006 * (pre - 8000) - 0.04 * (age - 40) + 0.3 * woman + 1.0 * parent
    treated = rng.binomial(1, 1 / (1 + np.exp(-logit)))
    change = -0.3 * (pre - 8000) + 600 * parent + TRUE_EFFECT * treated + rng.normal(0, 800, n)
    frame = pd.DataFrame({"treated": treated, "household": np.arange(n), "change": change, PRE_MEAN: pre,
                          AGE: age, WOMAN: woman})
    for code in TYPES:
        frame[HOUSEHOLD_PREFIX + code] = (household == code).astype(float)
    return frame


COVARIATES = [PRE_MEAN, AGE, WOMAN, *[HOUSEHOLD_PREFIX + c for c in TYPES]]


@pytest.fixture(scope="module")
def result():
    frame = imbalanced()
    return frame, weighted_did(frame, COVARIATES)


def test_the_groups_start_out_unlike(result):
    _, res = result
    before = res.balance.set_index("covariate")["smd_before"]
    assert before[PRE_MEAN] > 0.2 and before[HOUSEHOLD_PREFIX + "ensamstående_med_barn"] > 0.2


def test_weighting_balances_every_covariate(result):
    _, res = result
    assert (res.balance["smd_after"].abs() < BALANCED).all()
    assert res.balanced and res.max_smd_after < 0.1
    # the weighted comparison group's means are the participants' (to within a tenth of a standard deviation)
    b = res.balance.set_index("covariate")
    assert b.loc[PRE_MEAN, "comparison_weighted"] == pytest.approx(b.loc[PRE_MEAN, "participants"], abs=200)


def test_weighting_recovers_the_true_effect_the_plain_comparison_misses(result):
    _, res = result
    assert res.ci_low < TRUE_EFFECT < res.ci_high
    assert res.effect == pytest.approx(TRUE_EFFECT, abs=150)
    plain, plain_low, plain_high = res.unweighted
    # without weights the participants' higher payments before (and their falling back) count as effect
    assert plain < TRUE_EFFECT - 200 and not plain_low < TRUE_EFFECT < plain_high


def test_the_standardised_difference_by_hand():
    x = np.array([1.0, 3.0, 2.0, 4.0])
    treated = np.array([1, 1, 0, 0])
    # means 2 and 3, variances (ddof 1) 2 and 2: (2 − 3) / √2
    assert standardised_difference(x, treated) == pytest.approx(-1 / np.sqrt(2))
    # weights 3:1 on the comparison persons: weighted mean (3·2 + 4)/4 = 2.5 → (2 − 2.5) / √2
    assert standardised_difference(x, treated, np.array([1, 1, 3, 1.0])) == pytest.approx(-0.5 / np.sqrt(2))


def test_weighting_is_a_params_option():
    project = sample_project("kompassen-demo")
    assert project.params.comparison.weighting == "none" and comparison_weighting(project) is None
    on = project.with_params(comparison={"weighting": "ipw"})
    res = comparison_weighting(on)
    # the DiD's units are households: the files' distinct household ids (180 participants, 540 comparison persons)
    households = (project.participants["household_id"].nunique(), project.comparison["household_id"].nunique())
    assert households != (180, 540) and (res.n_participants, res.n_comparison) == households
    # the sample's groups are drawn alike, with a known true effect (its mean over months 0-12, from the
    # generator's payments without the project): weighting keeps it
    from evaltools.data import synthetic
    truth = synthetic.true_effect(synthetic.demo_project(counterfactual=True)).mean()
    assert res.ci_low < truth < res.ci_high and res.balanced


def test_the_report_shows_the_weighted_row_the_balance_table_and_hides_few_persons_traits():
    from evaltools.analysis.weighting import WeightedDid
    from evaltools.present.sections import designs
    project = sample_project("kompassen-demo").with_params(comparison={"weighting": "ipw"})
    r = et.Report(project)
    [table] = designs.robustness_blocks(r)
    assert table.frame.iloc[-1, 0] == "Viktad jämförelsegrupp (liknar deltagarna före start)"
    [sentence] = designs.weighting_sentences(r)
    assert sentence.startswith("Viktas jämförelsegruppen så att den liknar deltagarna")
    assert "grupperna är då lika i allt som vägs in" in sentence
    # a household type 2 of 100 participants have (a count below the privacy threshold of 5) is left out
    balance = pd.DataFrame({"covariate": [PRE_MEAN, HOUSEHOLD_PREFIX + "annat", HOUSEHOLD_PREFIX + "ensamstående"],
                            "participants": [9000.0, 0.02, 0.5], "comparison": [8000.0, 0.1, 0.5],
                            "comparison_weighted": [8990.0, 0.03, 0.5], "smd_before": [0.5, -0.3, 0.0],
                            "smd_after": [0.01, -0.05, 0.0]})
    r.__dict__["weighting"] = WeightedDid(-1900.0, 40.0, -1980.0, -1820.0, 0.0, (-2100.0, -2180.0, -2020.0), balance,
                                          100, 300, 250.0)
    [_, shown] = designs.balance_blocks(r)
    assert list(shown.frame.iloc[:, 0]) == ["Försörjningsstöd före start, kr per månad", "Hushållstyp: ensamstående utan barn"]
    assert "Kännetecken som färre än 5 personer i en grupp har visas inte." in shown.notes[0]
    assert "de 300 jämförelsepersonerna väger som ungefär 250" in shown.notes[0]
