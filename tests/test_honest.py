"""Honest-DiD sensitivity bounds (evaltools.analysis.honest): the honestdid package reproduces the
R package's published example, the breakdown value on an event study whose answer is derived by
hand, the joint covariance against the event study's own intervals, and the section on Kompassen."""
from __future__ import annotations

from decimal import Decimal
from importlib.util import find_spec

import numpy as np
import pytest

import evaltools as et
from evaltools.analysis import honest as H
from evaltools.analysis.comparison import build_panel
from evaltools.data import schema as S
from evaltools.present.sections import designs, method
from tests.conftest import PARAMS

needs_honestdid = pytest.mark.skipif(find_spec("honestdid") is None,
                                     reason='honestdid is not installed (pip install "finsam-evaltools[robust]")')

# The R package's published example (asheshrambachan/HonestDiD, README, "Example usage – Medicaid
# expansions"): the two-way event study of insurance coverage (dins) on Medicaid expansion in 2014,
# years 2008–2015, reference year 2013, standard errors clustered by state (fixest::feols). The
# coefficients and covariance below were estimated here from the same data
# (Mixtape-Sessions/Advanced-DID, Exercises/Data/ehec_data.csv: years before 2016, the 2015 cohort
# dropped) by OLS with state and year dummies and the CR1 cluster covariance with fixest's small-sample
# factor G/(G − 1) · (n − 1)/(n − K), G = 43 states, n = 344, K = 15 (the states nested in the
# clusters not counted). honestdid's own test notebook (anzonyquispe/honestdid,
# tests/test_honestdid.ipynb) prints R's export of this estimation: the coefficients to six decimals
# and the R package's ordinary 95 % interval of the 2014 effect, [0.02851, 0.064384]; both are
# checked below.
MEDICAID_BETA = (-5.2853424242e-03, -1.1297318398e-02, -2.6759755411e-03, -1.4193119048e-03, 3.3967748918e-04,
                 4.6446864502e-02, 6.9206180303e-02)
MEDICAID_SIGMA = (
    (7.4884847104e-05, 6.0398755244e-05, 4.4446186905e-05, 3.3857655990e-05, 4.3280135087e-05, 4.7658821838e-05, 2.4251295373e-05),
    (6.0398755244e-05, 7.2664990608e-05, 3.7893281157e-05, 2.8665763072e-05, 4.5433213431e-05, 4.4288526852e-05, 2.8246557930e-05),
    (4.4446186905e-05, 3.7893281157e-05, 5.0520507244e-05, 2.6736779514e-05, 2.7781938330e-05, 3.0606454243e-05, 9.6375480162e-06),
    (3.3857655990e-05, 2.8665763072e-05, 2.6736779514e-05, 4.0032217795e-05, 2.4128608688e-05, 2.3808693711e-05, 2.9239019091e-06),
    (4.3280135087e-05, 4.5433213431e-05, 2.7781938330e-05, 2.4128608688e-05, 5.4626653871e-05, 3.6825353164e-05, 9.7229777900e-06),
    (4.7658821838e-05, 4.4288526852e-05, 3.0606454243e-05, 2.3808693711e-05, 3.6825353164e-05, 8.3756740285e-05, 6.3214033034e-05),
    (2.4251295373e-05, 2.8246557930e-05, 9.6375480162e-06, 2.9239019091e-06, 9.7229777900e-06, 6.3214033034e-05, 1.0712358153e-04),
)
# The README's createSensitivityResults output (smoothness, FLCI, first post-period effect):
# M, lb, ub as printed (three significant figures)
MEDICAID_SMOOTHNESS = ((0.00, "0.0259", "0.0607"), (0.01, "0.0132", "0.0787"), (0.02, "0.00286", "0.0907"),
                       (0.03, "-0.00714", "0.101"), (0.04, "-0.0171", "0.111"), (0.05, "-0.0271", "0.121"))


def _printed(value: str) -> tuple[float, float]:
    """A printed figure and the tolerance it allows: half a unit in its last digit, plus 5e-5 for
    the difference between honestdid's FLCI search and R's (honestdid's own comparison with R on the
    package's other example differs by up to 1e-4 on intervals four times as wide)."""
    exponent = Decimal(value).as_tuple().exponent
    assert isinstance(exponent, int)
    return float(value), 0.5 * 10.0 ** exponent + 5e-5


def _coefficients(beta, sigma, n_pre: int, weights) -> H.EventStudyCoefficients:
    beta = np.asarray(beta, float)
    months = tuple(range(-n_pre, 0)) + tuple(range(1, len(beta) - n_pre + 1))
    return H.EventStudyCoefficients(months, beta, np.asarray(sigma, float), n_pre, np.asarray(weights, float))


def test_the_medicaid_coefficients_are_r_s_and_give_the_r_package_s_ordinary_interval():
    # checks the input above (no honestdid needed): R's coefficients, and effect 2014 ± 1.96 standard errors
    from_r = (-0.005285, -0.011297, -0.002676, -0.001419, 0.00034, 0.046447, 0.069206)
    np.testing.assert_allclose(MEDICAID_BETA, from_r, atol=5e-7)
    from scipy import stats
    b, v = MEDICAID_BETA[5], MEDICAID_SIGMA[5][5]
    z = stats.norm.ppf(0.975)
    assert b - z * np.sqrt(v) == pytest.approx(0.02851, abs=5e-6)
    assert b + z * np.sqrt(v) == pytest.approx(0.064384, abs=5e-7)


@needs_honestdid
def test_the_smoothness_bounds_match_the_published_medicaid_example():
    es = _coefficients(MEDICAID_BETA, MEDICAID_SIGMA, 5, (1.0, 0.0))
    bounds = H.smoothness_bounds(es, tuple(m for m, _, _ in MEDICAID_SMOOTHNESS))
    for b, (m, lb, ub) in zip(bounds, MEDICAID_SMOOTHNESS):
        assert b.m == m
        for got, printed in ((b.low, lb), (b.high, ub)):
            want, tolerance = _printed(printed)
            assert got == pytest.approx(want, abs=tolerance), (m, printed)
    # "the breakdown value for a significant effect is M ≈ 0.03": on this grid the last M whose
    # interval excludes zero is 0.02, and at 0.03 it includes zero
    assert H.breakdown(bounds) == 0.02


@needs_honestdid
@pytest.mark.parametrize(("weights", "half_width_per_m", "grid", "expected"), [
    ((1.0, 0.0), 1.0, (0.0, 1.0, 3.0, 3.9, 4.1, 5.0), 3.9),  # first month after: 4 ± M
    ((0.5, 0.5), 2.0, (0.0, 1.0, 1.9, 2.1, 3.0), 1.9),  # mean of both: 4 ± 2M
])
def test_the_breakdown_value_of_an_event_study_with_a_known_answer(weights, half_width_per_m, grid, expected):
    # Pre-period contrasts −2, −1 (reference month 0): the difference in trends rises 1 a month.
    # After the start 5 and 6. Under smoothness the difference in trends continues at slope 1 give or
    # take a bend of at most M a month: δ1 ∈ 1 ± M and δ2 = 2δ1 − δ0 ± M ∈ 2 ± 3M, so the effects are
    # 4 ∓ M and 4 ∓ 3M, their mean 4 ∓ 2M. With almost no noise the interval is that set (plus
    # 1.96 standard errors, 0.014 or less), and it holds zero from M = 4 (first month) or M = 2 (mean) on.
    es = _coefficients((-2.0, -1.0, 5.0, 6.0), np.eye(4) * 1e-4, 2, weights)
    bounds = H.smoothness_bounds(es, grid)
    for b in bounds:
        assert b.low == pytest.approx(4 - half_width_per_m * b.m, abs=0.05)
        assert b.high == pytest.approx(4 + half_width_per_m * b.m, abs=0.05)
    assert H.breakdown(bounds) == expected


def test_the_breakdown_is_the_last_m_before_the_first_interval_with_zero():
    b = H.Bound
    assert H.breakdown((b(0, 1, 3), b(1, 0.5, 3), b(2, -1, 4), b(3, 0.1, 5))) == 1  # not 3: zero was in at 2
    assert H.breakdown((b(0, -1, 3),)) is None
    assert H.breakdown((b(0, -3, -1), b(1, -4, -0.5))) == 1


def test_the_joint_covariance_agrees_with_the_event_study_s_own_intervals():
    # the event study's contrasts and intervals come from a closed form per month (tested against
    # statsmodels in tests/test_event_study_regressions.py); the joint regression gives the same
    # contrasts and, up to the small-sample factor over all months instead of one, the same errors
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    a = project.params.comparison.anticipation_months
    es = H.event_study_coefficients(build_panel(project), -a - 1)
    table = et.compare_payments(project).event_study.set_index("event_time")
    assert es.n_pre == 12 - a - 1 and es.n_post == a + 13
    assert list(es.months) == [m for m in table.index if m != -a - 1]
    np.testing.assert_allclose(es.beta, table.loc[list(es.months), "difference"], atol=1e-6)
    from scipy import stats
    households = len(set(project.participants[S.HOUSEHOLD_ID]) | set(project.comparison[S.HOUSEHOLD_ID]))
    half = (table.loc[list(es.months), "difference_high"] - table.loc[list(es.months), "difference"]).to_numpy()
    np.testing.assert_allclose(np.sqrt(np.diag(es.sigma)), half / stats.t.ppf(0.975, households - 1), rtol=0.01)
    assert np.allclose(es.sigma, es.sigma.T) and np.linalg.eigvalsh(es.sigma).min() > 0
    # the target weighs the months from the start equally, the anticipation months not at all
    assert es.weights.sum() == pytest.approx(1.0) and (es.weights[:a] == 0).all()


@needs_honestdid
def test_on_kompassen_every_interval_covers_the_true_effect_and_the_section_says_where_it_breaks():
    # the sample's payments have a known true effect with parallel trends (evaltools/data/synthetic.py):
    # its mean over months 0-12 (against month −4, where it is 0) is what the bounds' target estimates,
    # and every interval must cover it
    from evaltools.data import synthetic
    truth = synthetic.true_effect(synthetic.demo_project(counterfactual=True)).mean()
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    h = H.honest_bounds(project, grid=(0.0, 10.0, 20.0, 40.0))
    assert h.original_low < truth < h.original_high
    for b in h.bounds:
        assert b.low < truth < b.high
    assert all(b.high - b.low > h.original_high - h.original_low for b in h.bounds)  # never narrower
    assert h.bounds[0].excludes_zero and not h.bounds[-1].excludes_zero
    r = et.Report(PARAMS / "kompassen-demo.yaml")
    r.__dict__["honest"] = h
    text, table = designs.honest_blocks(r)
    b = h.breakdown
    assert b in (10.0, 20.0)
    assert f"ändras med högst {b:.0f}\u00a0kr per månad från en månad till nästa" in text.paragraphs[0]
    assert list(table.frame.iloc[:, 2]) == ["ja"] + ["ja" if x.m <= b else "nej" for x in h.bounds]
    assert any("Rambachan & Roth" in p for p in method.paragraphs(r))


def test_without_honestdid_there_are_no_bounds_and_the_appendix_says_how_to_get_them(monkeypatch):
    monkeypatch.setattr(H, "robust_available", lambda: False)
    monkeypatch.setattr(method, "robust_available", lambda: False)
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    assert H.honest_bounds(project) is None
    r = et.Report(PARAMS / "kompassen-demo.yaml")
    assert designs.honest_blocks(r) == []
    [line] = [p for p in method.paragraphs(r) if "Rambachan" in p]
    assert 'pip install "finsam-evaltools[robust]"' in line


def test_without_a_comparison_group_there_are_no_bounds():
    project = et.load_project(PARAMS / "nasta-steg.yaml")
    assert H.honest_bounds(project) is None


def _bounds(*rows: tuple[float, float, float]) -> H.HonestBounds:
    return H.HonestBounds(-1000.0, -1100.0, -900.0, tuple(H.Bound(*x) for x in rows), -4, 8, 16)


def test_the_section_words_each_case_and_warns_where_the_check_before_the_start_failed():
    # the intervals are given, so no honestdid is needed: this checks the words only
    r = et.Report(PARAMS / "kompassen-demo.yaml", lang="en")
    r.__dict__["honest"] = _bounds((0, -1200, -800), (10, -1500, -100), (20, -1800, 50))
    [text, _] = designs.honest_blocks(r)
    assert "changes by at most SEK\u00a010 per month" in text.paragraphs[0]
    assert "At SEK\u00a020 per month it no longer does" in text.paragraphs[0]
    assert "moved apart before the start" not in text.paragraphs[0]  # Kompassen's check before the start passes
    r.__dict__["honest"] = _bounds((0, -1200, -800), (10, -1500, -100))
    assert "the largest departure tried" in designs.honest_blocks(r)[0].paragraphs[0]
    r.__dict__["honest"] = _bounds((0, -1200, 30), (10, -1500, 100))
    assert "does not stand once the trend before the start" in designs.honest_blocks(r)[0].paragraphs[0]
    # Språngbrädan's groups moved apart before the start: the bounds lean on continuing that movement
    s = et.Report(PARAMS / "sprangbradan-demo.yaml", lang="en")
    assert s.payments.parallel_trends_doubtful
    s.__dict__["honest"] = _bounds((0, -1200, -800), (10, -1500, -100))
    assert "they do not make the estimate reliable" in designs.honest_blocks(s)[0].paragraphs[0]


def test_no_bounds_when_the_privacy_rules_hide_a_contrast_of_the_event_study(monkeypatch):
    # the mean of the contrasts from the start and the contrasts shown would tell a hidden one
    monkeypatch.setattr(H, "robust_available", lambda: True)
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    study = et.compare_payments(project).event_study.copy()
    study.loc[study["event_time"] == 5, ["difference", "difference_low", "difference_high"]] = np.nan
    assert H.honest_bounds(project, grid=(0.0,), event_study=study) is None
