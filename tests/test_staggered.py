"""The heterogeneity-robust (Sun–Abraham) estimate for staggered entry (analysis.staggered).

Expected values come from the simulations' construction (the true effect of every cohort in every
period is known), never from the estimator's own output."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.staggered import COHORT, Agreement, StaggeredEstimate, staggered_effect, sun_abraham
from evaltools.analysis.comparison import DidEstimate
from evaltools.present.sections import designs
from tests.conftest import PARAMS, sample_project


def df_het_like(seed: int = 0, n_units: int = 600) -> pd.DataFrame:
    """A staggered panel like pyfixest's ``df_het``: years 1990–2020, a third of the units treated from
    2000, a third from 2010, a third never; unit and year effects; the effect of treatment is 2.0
    (cohort 2000) or 1.0 (cohort 2010) in its first year and grows by 0.3 a year after that."""
    rng = np.random.default_rng(seed)
    years = np.arange(1990, 2021)
    g = rng.choice([2000, 2010, 0], size=n_units)
    parts = []
    for u in range(n_units):
        treated = g[u] != 0
        e = years - g[u] if treated else np.full(len(years), -99)
        te = np.where(treated & (e >= 0), (2.0 if g[u] == 2000 else 1.0) + 0.3 * np.maximum(e, 0), 0.0)
        y = rng.normal(0, 1) + 0.1 * (years - 1990) + te + rng.normal(0, 0.5, len(years))
        parts.append(pd.DataFrame({"person": u, "household": u, "month_idx": years, "event_time": e, "amount": y,
                                   "treated": int(treated), COHORT: g[u] if treated else -1, "true": te}))
    return pd.concat(parts, ignore_index=True)


@pytest.fixture(scope="module")
def het():
    panel = df_het_like()
    return panel, sun_abraham(panel, anticipation=0)


def test_the_robust_estimator_recovers_each_cohort_s_effect(het):
    panel, res = het
    # by construction: cohort 2000 is treated 2000–2020 (e = 0..20): mean of 2.0 + 0.3e = 2.0 + 0.3 · 10 = 5.0;
    # cohort 2010, 2010–2020 (e = 0..10): 1.0 + 0.3 · 5 = 2.5
    by = res.by_cohort.set_index("cohort")
    assert by.loc[2000, "effect"] == pytest.approx(5.0, abs=0.05)
    assert by.loc[2010, "effect"] == pytest.approx(2.5, abs=0.05)
    for g, true in ((2000, 5.0), (2010, 2.5)):
        assert by.loc[g, "ci_low"] < true < by.loc[g, "ci_high"]
    # the overall effect: the true effects' mean over the treated unit-years after treatment
    true_att = panel.loc[(panel["treated"] == 1) & (panel["event_time"] >= 0), "true"].mean()
    assert res.effect == pytest.approx(true_att, abs=0.05)
    assert res.ci_low < true_att < res.ci_high


def test_the_robust_estimator_recovers_the_effect_year_by_year(het):
    _, res = het
    e = res.by_event_time.set_index("event_time")
    # year 0: both cohorts (2.0 and 1.0, equally many units in expectation); year 15: only cohort 2000
    assert e.loc[0, "effect"] == pytest.approx(1.5, abs=0.1)
    assert e.loc[15, "effect"] == pytest.approx(2.0 + 0.3 * 15, abs=0.1)
    assert e["weight"].sum() == pytest.approx(1.0)


def test_the_two_way_estimate_is_biased_and_the_disagreement_is_flagged(het):
    panel, res = het
    true_att = panel.loc[(panel["treated"] == 1) & (panel["event_time"] >= 0), "true"].mean()
    # the single two-way coefficient weights the growing effects unevenly: more than 0.5 too small
    # (about a quarter of the effect), and outside the robust estimate's interval
    assert res.main.effect < true_att - 0.5
    assert not res.ci_low <= res.main.effect <= res.ci_high
    assert res.agreement is Agreement.SIZE_DIFFERS


def _package_design(seed: int = 3, n_per_cohort: int = 100, n_comparison: int = 200) -> pd.DataFrame:
    """The toolkit's own design: participants start in 2021, 2022 or 2023 (any month of the year);
    comparison persons have reference dates spread over the same years; both groups share a rise
    in the three months before the reference month and a fall of 500 kr after it; the participants'
    effect is −(300 + 100e) kr in month e after the start, 1.5 times that for the 2022 cohort and
    twice it for the 2023 cohort."""
    rng = np.random.default_rng(seed)
    e = np.arange(-12, 13)
    people = [(1, 2021 + k, (2021 + k) * 12 + int(rng.integers(0, 12)), 1 + 0.5 * k)
              for k in range(3) for _ in range(n_per_cohort)]
    people += [(0, -1, int(rng.integers(2021 * 12, 2024 * 12)), 0.0) for _ in range(n_comparison)]
    parts = []
    for pid, (treated, cohort, ref, scale) in enumerate(people):
        m = ref + e
        true = np.where(e >= 0, -(300 + 100 * e) * scale, 0.0)
        y = (rng.normal(6000, 1500) + 20 * (m - 2021 * 12) + np.where((e >= -3) & (e < 0), 800, 0)
             + np.where(e >= 0, -500, 0) + true + rng.normal(0, 1000, len(e)))
        parts.append(pd.DataFrame({"person": pid, "household": pid, "month_idx": m, "event_time": e, "amount": y,
                                   "treated": treated, COHORT: cohort, "true": true}))
    return pd.concat(parts, ignore_index=True)


def test_with_reference_dated_comparison_persons_the_shared_change_is_not_an_effect():
    panel = _package_design()
    res = sun_abraham(panel, anticipation=3)
    # true mean effect: months 0..12 average −(300 + 600) = −900 kr, times the cohorts' 1, 1.5 and 2
    # (equally many persons): −900 · 1.5 = −1 350 kr; the shared −500 kr after the reference month is
    # the comparison group's too and is not counted
    assert res.ci_low < -1350 < res.ci_high
    assert res.effect == pytest.approx(-1350, abs=100)
    by = res.by_cohort.set_index("cohort")
    for cohort, true in ((2021, -900), (2022, -1350), (2023, -1800)):
        assert by.loc[cohort, "effect"] == pytest.approx(true, abs=150), cohort
        assert by.loc[cohort, "persons"] == 100


def test_without_comparison_persons_there_is_no_estimate():
    panel = _package_design(n_comparison=0)
    assert sun_abraham(panel, anticipation=3) is None


def test_on_kompassen_the_robust_estimate_agrees_with_the_main_one():
    # the sample's payments have a known true effect (evaltools/data/synthetic.py), growing with the months
    # since the start as participants leave försörjningsstöd, alike in every intake year: both estimates
    # cover its mean over months 0-12 and agree
    from evaltools.data import synthetic
    truth = synthetic.true_effect(synthetic.demo_project(counterfactual=True)).mean()
    project = sample_project("kompassen-demo")
    res = staggered_effect(project)
    assert res.n_cohorts == 3  # starts in 2021, 2022 and 2023
    assert res.ci_low < truth < res.ci_high
    assert res.agreement is Agreement.AGREE
    main = et.compare_payments(project).did
    assert res.main.effect == pytest.approx(main.effect) and res.main.ci_low == pytest.approx(main.ci_low)


def _estimate(effect: float, lo: float, hi: float, agreement: Agreement) -> StaggeredEstimate:
    main = DidEstimate(-2000.0, 50.0, -2100.0, -1900.0, 0.0, 1000, 100)
    return StaggeredEstimate(effect, 30.0, lo, hi, 0.0, 3, pd.DataFrame(), pd.DataFrame(), main, agreement)


def test_the_report_says_so_only_when_the_two_disagree(monkeypatch):
    r = et.Report(PARAMS / "kompassen-demo.yaml")
    r.__dict__["staggered"] = _estimate(-2030.0, -2090.0, -1970.0, Agreement.AGREE)
    assert designs.staggered_sentences(r) == []
    [table] = designs.robustness_blocks(r)
    assert list(table.frame.iloc[:, 0]) == ["Huvudskattning (skillnad-i-skillnader)",
                                            "Tål att effekten varierar över tid och mellan startår (Sun–Abraham)"]
    assert table.frame.iloc[1, 1] == "−2\u00a0030\u00a0kr"
    r.__dict__["staggered"] = _estimate(-2600.0, -2700.0, -2500.0, Agreement.SIZE_DIFFERS)
    [sentence] = designs.staggered_sentences(r)
    assert "ger −2\u00a0600\u00a0kr per hushåll och månad (−2\u00a0700\u00a0kr till −2\u00a0500\u00a0kr)" in sentence
    assert "Den robusta skattningen är den säkrare." in sentence
    r.__dict__["staggered"] = _estimate(-100.0, -300.0, 100.0, Agreement.CONCLUSION_DIFFERS)
    [sentence] = designs.staggered_sentences(r)
    assert "olika svar på om försörjningsstödet minskade" in sentence


def test_above_the_size_limit_there_is_no_robust_row(monkeypatch):
    import evaltools.analysis.staggered as st
    project = sample_project("kompassen-demo")
    monkeypatch.setattr(st, "MAX_PANEL_ROWS", 1000)  # Kompassen has 18 000 person-months
    assert staggered_effect(project) is None
