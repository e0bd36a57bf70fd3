"""The minimum detectable effect of an application (analysis.power): the formula against the normal
approximation worked by hand, the power it claims against a simulation, and the volumes it reads
from a tiny application's params."""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

import evaltools as et
from evaltools.analysis.power import SdSource, application_power, expected_participants, minimum_detectable_effect


def test_the_standardised_effect_is_near_the_normal_approximation():
    # by hand: (z_0.975 + z_0.80) · √(1/n1 + 1/n0) = (1.95996 + 0.84162) · √(2/100) = 0.39621; the t
    # distribution's heavier tails make the exact value slightly larger
    effect, d = minimum_detectable_effect(100, 100, 1.0)
    assert 0.3962 < d < 0.3962 * 1.01
    assert effect == pytest.approx(d)
    # unequal groups: √(1/50 + 1/200) = 0.15811 → 2.80158 × 0.15811 = 0.44296
    _, d2 = minimum_detectable_effect(50, 200, 1.0)
    assert 0.4430 < d2 < 0.4430 * 1.01
    # the effect is in the outcome's unit: d times the standard deviation
    kr, d3 = minimum_detectable_effect(100, 100, 5700.0)
    assert kr == pytest.approx(d3 * 5700.0)


def test_an_effect_of_the_stated_size_is_detected_four_times_in_five():
    """Simulated trials with the true effect set to the MDE: the pooled t test at 5 % rejects in
    about 80 % of them (4 000 trials: the simulation's own standard error is 0.6 points)."""
    n1, n0, sd = 40, 60, 5700.0
    effect, _ = minimum_detectable_effect(n1, n0, sd)
    rng = np.random.default_rng(27)
    trials = 4000
    treated = rng.normal(effect, sd, size=(trials, n1))
    control = rng.normal(0.0, sd, size=(trials, n0))
    p = stats.ttest_ind(treated, control, axis=1).pvalue
    assert np.mean(p < 0.05) == pytest.approx(0.80, abs=0.025)
    # and half the effect is detected far less often: the power is not a property of any effect
    p_half = stats.ttest_ind(treated - effect / 2, control, axis=1).pvalue
    assert np.mean(p_half < 0.05) < 0.4


def test_too_few_persons_is_an_error():
    with pytest.raises(ValueError):
        minimum_detectable_effect(1, 10, 1.0)


def _application(tiny_project, expected: str):
    path = tiny_project("kind: ansökan\nexpected:\n" + expected, data_block="data:\n  budget: data/budget.csv\n")
    return et.load_project(path)


def test_the_application_s_volumes_and_the_default_spread(tiny_project):
    # the tiny project runs 2022-01-01 to 2023-12-31: 729 days = 1.996 years; 30 a year → 60 persons
    project = _application(tiny_project, "  participants_per_year: 30\n  successes_per_year: 10\n")
    mde = application_power(project)
    assert (mde.n_participants, mde.n_comparison) == (60, 60)
    assert mde.sd_source is SdSource.DEFAULT and mde.sd == 5700.0  # defaults.csv's payment_sd row
    # normal approximation by hand: 2.80158 · √(2/60) · 5700 = 2 915.6 kr; t makes it a little larger
    assert 2915.6 < mde.effect < 2915.6 * 1.01
    assert (mde.alpha, mde.power) == (0.05, 0.80)


def test_the_params_spread_and_comparison_group_are_used(tiny_project):
    project = _application(tiny_project, "  participants_per_year: 30\n  comparison_persons: 240\n"
                                         "  payment_sd_sek: 4000\n  payment_sd_source: förbundets utbetalningar 2024\n")
    mde = application_power(project)
    assert mde.n_comparison == 240 and mde.sd_source is SdSource.PARAMS
    assert mde.sd_note == "förbundets utbetalningar 2024"
    # 2.80158 · √(1/60 + 1/240) · 4000 = 2.80158 · 0.144338 · 4000 = 1 617.5 kr
    assert 1617.5 < mde.effect < 1617.5 * 1.01
    assert math.isclose(mde.standardised, mde.effect / 4000)


def test_no_volumes_no_effect(tiny_project):
    project = _application(tiny_project, "  successes_per_year: 10\n")
    assert application_power(project) is None


def test_the_participants_are_the_sum_of_the_years_the_goal_table_shows():
    # Eskilstuna's application: 90 a year, 2024-04-01 – 2026-12-31. Project years 1 and 2 are whole
    # (90 + 90); year 3 runs 2026-04-01 – 2026-12-31, 275 of 365 days: 90 · 275/365 = 67.8 → 68 persons,
    # as its goal table shows. 90 + 90 + 68 = 248 (not 90 · 1004/365.25 = 247.4 → 247).
    from tests.conftest import PARAMS
    project = et.load_project(PARAMS / "eskilstuna-ansokan.yaml")
    assert expected_participants(project) == 248
