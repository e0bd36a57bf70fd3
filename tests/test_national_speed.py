"""The faster paths of the national-scale analyses give what the plain computation gives.

Each test computes the same figure a second way, the plain one (a gather per draw, the
coefficients by hand, a model without kept values), on small synthetic data written here, and
compares.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest


def _synthetic_project(n_persons: int):
    """A generated project of ``n_persons`` participants (the benchmark's layout, small)."""
    from evaltools.data import synthetic
    from evaltools.data.params import ProjectParams
    from evaltools.data.project import Project
    from evaltools.data.validation import derive_person_columns
    frames = synthetic.national_scale(n_persons, 50)
    params = ProjectParams.model_validate({
        "id": "national", "title": "National scale", "forbund": "-", "owner": "-",
        "period": {"start": "2020-01-01", "planned_end": "2022-12-31"}, "data_as_of": "2023-12-31",
        "goals": [{"id": "n", "kind": "participant_count", "label": "n", "target": 60, "period": "project_year"}],
        "cost_benefit": {"monthly_level": {"method": "riksnorm"}, "price_year": 2022, "monte_carlo_draws": 400},
    })
    budget = pd.DataFrame({"period": ["2020", "2021", "2022"], "category": "Personal", "budget": [4e6, 4e6, 4e6],
                           "actual": [3.9e6, 4.1e6, 4.0e6], "funder": "förbund"})
    return Project(params, derive_person_columns(frames["participants"], params), frames["payments"],
                   derive_person_columns(frames["comparison"], params), frames["comparison_payments"], budget)


class _RecordingGenerator:
    """numpy's generator, recording the blocks of leaver indices the bootstrap draws (2-D integer draws)."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng, self.blocks = rng, []

    def integers(self, *args, **kwargs):
        out = self.rng.integers(*args, **kwargs)
        if np.ndim(out) == 2:
            self.blocks.append(out.copy())
        return out

    def __getattr__(self, name):
        return getattr(self.rng, name)


@pytest.mark.parametrize("block_draws", [None, 7])
def test_monte_carlo_bootstrap_equals_a_gather_per_draw(monkeypatch, block_draws) -> None:
    # each draw's drop-off is the resampled leavers' payments a year after exit over their levels
    # before the start, summed over the drawn leavers: here by plain indexing, draw by draw. With
    # blocks of 7 draws (58 blocks: the next drawn in a second thread while one is gathered, as at
    # national scale) the draws are the same numbers in the same order
    from evaltools.analysis import costbenefit
    from evaltools.analysis.costbenefit import uncertainty
    if block_draws:
        monkeypatch.setattr(uncertainty, "BOOTSTRAP_BLOCK", 1)  # (at least one draw a block; replaced below)
    seen: dict = {}
    original_mc, original_rng = costbenefit._monte_carlo, np.random.default_rng

    def recording_rng(seed=None):
        seen["rng"] = _RecordingGenerator(original_rng(seed))
        return seen["rng"]

    def mc(m, info, *args):
        seen["pairs"] = info.get("persistence_pairs")
        if block_draws:
            monkeypatch.setattr(uncertainty, "BOOTSTRAP_BLOCK", block_draws * len(seen["pairs"][1]))
        monkeypatch.setattr(uncertainty.np.random, "default_rng", recording_rng)
        try:
            return original_mc(m, info, *args)
        finally:
            monkeypatch.setattr(uncertainty.np.random, "default_rng", original_rng)

    monkeypatch.setattr(costbenefit, "_monte_carlo", mc)
    result = costbenefit.cost_benefit(_synthetic_project(2000))
    paid, level = seen["pairs"]
    drawn = np.vstack(seen["rng"].blocks)
    assert drawn.shape == (400, len(level)) and len(level) > 100
    assert len(seen["rng"].blocks) == (1 if block_draws is None else -(-400 // block_draws))
    expected = np.clip(np.array([paid[i].sum() / level[i].sum() for i in drawn]), 0.0, 1.0)
    got = result.simulation.draws.dropoff
    assert 0 < expected.min() < expected.max() < 1
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0)


def _model(**changes):
    from evaltools.analysis.costbenefit.model import _Model
    fields = dict(level_by_exit=np.array([8000.0, 9000.0, 10000.0]), exit_m=np.array([0, 6, 18]),
                  payer=np.array(["", "fk", "stat"]), is_work=np.array([True, False, False]),
                  cost_actual={"kommun": np.full(12, 1000.0)}, cost_budget={}, horizon=3.0, dropoff=0.2,
                  deadweight=0.1, rate=0.035, earnings=20000.0, tax=0.32, skattefaktor=1.3, shares={},
                  tax_share_region=0.35, subsidy=5000.0, is_subsidised=np.array([True, False, False]))
    return _Model(**(fields | changes))


def test_model_coefficients_and_discount_factors_by_hand_when_asked_again() -> None:
    m = _model()
    for _ in range(2):  # (the second time from what the model keeps)
        assert m.fs_coef("kommun").tolist() == [1.0, 1.0, 1.0]
        assert m.fs_coef("individ").tolist() == [-1.0, 0.0, 0.0]  # a benefit replaces it: no loss
        assert m.fs_coef("fk").tolist() == [0.0, -1.0, 0.0]
        assert m.fs_coef("stat").tolist() == [0.0, 0.0, -1.0]
        np.testing.assert_allclose(m.earn_coef("individ"), [0.68, 0.0, 0.0], rtol=1e-15)
        np.testing.assert_allclose(m.earn_coef("kommun"), [0.32 * 0.65, 0.0, 0.0], rtol=1e-15)
        np.testing.assert_allclose(m.earn_coef("region"), [0.32 * 0.35, 0.0, 0.0], rtol=1e-15)
        assert m.sub_coef("stat").tolist() == [-1.0, 0.0, 0.0]
        assert m.sub_coef("arbetsgivare").tolist() == [1.0, 0.0, 0.0]
        for rate in (0.035, 0.0, 0.07):
            np.testing.assert_allclose(m.discount_at_exit(rate), [1.0, (1 + rate) ** -0.5, (1 + rate) ** -1.5],
                                       rtol=1e-15)
    # what a model keeps cannot be changed by a caller, and a changed model keeps its own
    assert not m.fs_coef("fk").flags.writeable
    from dataclasses import replace
    other = replace(m, payer=np.array(["fk", "fk", ""]))
    assert other.fs_coef("fk").tolist() == [-1.0, -1.0, 0.0]
    assert m.fs_coef("fk").tolist() == [0.0, -1.0, 0.0]


def test_model_npv_the_same_from_kept_values_as_from_a_fresh_model() -> None:
    # every NPV of the sensitivity's kind, asked of one model in turn, equals the same asked of a new model
    m = _model()
    asks = [dict(rate=r, level_mult=lm, dropoff=d) for r in (0.0, 0.035, 0.05) for lm in (0.9, 1.1) for d in (0.1, 0.3)]
    for perspective in ("kommun", "offentliga", "samhälle", "individ"):
        for kw in asks:
            assert m.npv(perspective, **kw) == _model().npv(perspective, **kw)
