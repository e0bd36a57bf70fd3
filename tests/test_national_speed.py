"""The faster paths of the national-scale analyses give what the plain computation gives.

Each test computes the same figure a second way, the plain one (a loop over the rows, a gather
per draw), on a small synthetic table written here, and compares.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from evaltools.analysis.costbenefit.model import shared_households
from evaltools.data import schema as S


def _shared_by_loop(succ: pd.DataFrame) -> np.ndarray:
    """Leaver by leaver in the order they left: a household's first leaver keeps its saving, every
    later leaver of it who is another person shares it (the rule of shared_households, as a loop)."""
    shared = np.zeros(len(succ), bool)
    first: dict[str, str] = {}
    order = sorted(range(len(succ)), key=lambda i: (pd.isna(succ[S.END_DATE].iloc[i]), succ[S.END_DATE].iloc[i]
                                                   if not pd.isna(succ[S.END_DATE].iloc[i]) else 0, i))
    for i in order:
        hh = succ[S.HOUSEHOLD_ID].iloc[i]
        if hh is None or pd.isna(hh) or str(hh).strip() == "":
            continue
        person = str(succ[S.PERSON_ID].iloc[i])
        if str(hh) not in first:
            first[str(hh)] = person
        shared[i] = first[str(hh)] != person
    return shared


def test_shared_households_by_hand() -> None:
    # H1: p2 left first (March), so p1 (June) shares; H2: p3 twice is one person, p4 on the same day
    # as p3's second exit but later in the file shares; blank, missing and None households share nothing
    succ = pd.DataFrame({
        S.PERSON_ID: ["p1", "p2", "p3", "p3", "p4", "p5", "p6", "p7", "p8"],
        S.HOUSEHOLD_ID: ["H1", "H1", "H2", "H2", "H2", " ", None, np.nan, "H3"],
        S.END_DATE: pd.to_datetime(["2021-06-30", "2021-03-31", "2021-01-31", "2021-05-31", "2021-05-31",
                                    "2021-02-28", "2021-02-28", "2021-02-28", None]),
    })
    expected = [True, False, False, False, True, False, False, False, False]
    assert shared_households(succ).tolist() == expected
    assert _shared_by_loop(succ).tolist() == expected


def test_shared_households_equals_the_loop_on_a_synthetic_table() -> None:
    rng = np.random.default_rng(11)
    n = 3000
    households = np.array([f"H{i}" for i in rng.integers(0, 900, n)], dtype=object)
    households[rng.random(n) < 0.05] = ""
    households[rng.random(n) < 0.05] = None
    persons = np.array([f"P{i}" for i in rng.integers(0, 2500, n)], dtype=object)  # some leave twice
    ends = pd.Series(pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"))
    ends[rng.random(n) < 0.02] = pd.NaT
    succ = pd.DataFrame({S.PERSON_ID: persons, S.HOUSEHOLD_ID: households, S.END_DATE: ends})
    got = shared_households(succ)
    assert got.any() and not got.all()
    assert (got == _shared_by_loop(succ)).all()


def test_shared_households_without_any_household() -> None:
    succ = pd.DataFrame({S.PERSON_ID: ["a", "b"], S.HOUSEHOLD_ID: ["", None],
                         S.END_DATE: pd.to_datetime(["2021-01-31", "2021-02-28"])})
    assert shared_households(succ).tolist() == [False, False]


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


def test_monte_carlo_bootstrap_equals_a_gather_per_draw(monkeypatch) -> None:
    # each draw's drop-off is the resampled leavers' payments a year after exit over their levels
    # before the start, summed over the drawn leavers: here by plain indexing, draw by draw
    from evaltools.analysis import costbenefit
    from evaltools.analysis.costbenefit import uncertainty
    seen: dict = {}
    original_mc, original_rng = costbenefit._monte_carlo, np.random.default_rng

    def recording_rng(seed=None):
        seen["rng"] = _RecordingGenerator(original_rng(seed))
        return seen["rng"]

    def mc(m, info, *args):
        seen["pairs"] = info.get("persistence_pairs")
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
