"""Uncertainty: one assumption at a time (the tornado) and all drawn together (the Monte Carlo),
both from the registry of assumptions."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from ...data.assumptions import REGISTRY, Range, bounds, tested_range
from ..comparison import DidEstimate, IntervalMethod
from ..goals import CI_METHOD, whole_persons
from ..result import Note, Share
from .model import PERSPECTIVES, UsedAssumption, _Model, annuity_factor
from .summary import HorizonRangeSimulation, MonteCarlo, NpvSpread, Simulation, SimulationDraws



# the model's argument that each varied assumption of the registry sets, and the model's value of it
_MODEL_VALUES = {"horizon_years": "horizon", "dropoff_per_year": "dropoff", "deadweight": "deadweight",
                 "discount_rate": "rate", "skattefaktor": "skattefaktor", "wage_subsidy_sek_month": "subsidy"}
_MODEL_ARGS = {"monthly_level": "level_mult", "horizon_years": "horizon", "dropoff_per_year": "dropoff",
               "deadweight": "deadweight", "discount_rate": "rate", "cost": "cost_mult",
               "skattefaktor": "skattefaktor", "successes": "success_mult", "wage_subsidy_sek_month": "subsidy"}
SENSITIVITY_COLUMNS = ["parameter", "low_value", "high_value", "npv_low", "npv_high", "range", "npv_base", "perspective"]


DEADWEIGHT_MAX = 0.95  # the largest deadweight a comparison group's rates give (as the estimate is clipped)


def effect_spread(did: DidEstimate) -> float:
    """The spread a simulation draws a DiD estimate with (a normal around the estimate): its standard error, or
    with few participating households the main (wild bootstrap) interval's half-width over 1,96, so that the
    draws are as wide as the interval the report shows. 0 where neither is known (the estimate is then held)."""
    wide = did.ci_high - did.ci_low
    spread = wide / (2 * 1.959963984540054) if did.ci_method is IntervalMethod.WILD_BOOTSTRAP and np.isfinite(wide) \
        else did.se
    return float(spread) if np.isfinite(spread) else 0.0


def measured_draws(m: _Model, rng: np.random.Generator, draws: int) -> np.ndarray | None:
    """One standard normal draw per register estimate and simulation draw (estimates × draws), where the model
    has flows measured with a spread (:attr:`_Model.measured_spread`); None where it has none."""
    spread = m.measured_spread or {}
    if not any(rel for _, rel in spread.values()):
        return None
    return rng.standard_normal((1 + max(i for i, _ in spread.values()), draws))


def pv_measured_drawn(m: _Model, perspective: str, z: np.ndarray | None) -> np.ndarray | float:
    """The present value of the perspective's measured flows in each draw: each flow scaled as its estimate is
    drawn (the estimate plus its spread times the draw of :func:`measured_draws`); held at the estimates where
    ``z`` is None."""
    if z is None:
        return m.pv_measured(perspective)
    spread = m.measured_spread or {}
    return sum((pv * (1 + rel * z[i]) for key, pv in m.pv_measured_flows(perspective).items()
                for i, rel in (spread.get(key, (0, 0.0)),)), np.zeros(z.shape[1]))


def assumption_range(name: str, value: float | None, info: dict, cb) -> tuple[float, float]:
    """The ends the one-at-a-time sensitivity tests for one assumption, and the assumptions table states.

    :func:`evaltools.data.assumptions.tested_range` (the range in the params or the defaults, widened to
    take in the value used); a deadweight estimated from a comparison group (the comparison's share that
    left over the participants') is tested over that range and the 95 % interval of the ratio of the two
    shares (statsmodels' ``confint_proportions_2indep``, ``compare="ratio"``), within 0–95 %, whichever
    reaches further: an estimate above the range (Språngbrädan's 84 % against 0–75 %) was tested only
    from 0 % up to itself, never at a larger deadweight, though it is uncertain both ways. A monthly level valued by
    the riksnorm where the leavers' own payments before the start were lower (``info["own_level_observed"]``) is
    tested down to them.
    """
    lo, hi = tested_range(name, value, cb)
    observed = info.get("own_level_observed")
    if name == "monthly_level" and observed and observed[1] > 0:
        # the riksnorm values the saving, and the leavers' own payments before the start were lower: tested down to
        # them (9 179 kr against 13 783 kr is 0.67 of the level, below the range's 0.75), as the assumptions table says
        lo = min(lo, observed[0] / observed[1])
    counts = info.get("deadweight_counts")
    if name == "deadweight" and counts and info.get("deadweight_source") == "comparison":
        kp, n_p, kc, n_c = counts
        ci_lo, ci_hi = confint_proportions_2indep(kc, n_c, kp, n_p, compare="ratio")
        lo = max(0.0, min(lo, float(ci_lo)))
        hi = min(DEADWEIGHT_MAX, max(hi, float(ci_hi)))
    return lo, hi


def _sensitivity_ends(m: _Model, info: dict, cb) -> list[tuple[str, float, float, dict, dict]]:
    """For each assumption the registry varies: (name, lower value, upper value, model arguments at
    the lower end, at the upper end). Relative ranges multiply the calculation's own value; the
    number of exits is its exact 95 % interval, the goal table's, as k exits of the ``n_could`` ended participants
    who had försörjningsstöd to leave (ex ante: a range around the application's figure), each end in whole
    persons, halves up (:func:`~evaltools.analysis.goals.whole_persons`): the number the tornado, its text and the
    workbook name is the number its net present value is computed at (72,53 exits named "73" gave the net present
    value of 72,53)."""
    n, k = info.get("n_could", 0), info.get("n_success", 0)
    out = []
    for name in REGISTRY.varied:
        a, arg = REGISTRY[name], _MODEL_ARGS[name]
        if a.range is Range.INTERVAL:
            if info.get("mode") == "ex_ante" and k > 0:
                lo, hi = bounds(name, cb)
                low, high = whole_persons(lo * k), whole_persons(hi * k)
                out.append((name, low, high, {arg: low / k}, {arg: high / k}))
            elif n > 0 and k > 0:
                lo, hi = proportion_confint(k, n, method=CI_METHOD)
                low, high = whole_persons(lo * n), whole_persons(hi * n)
                out.append((name, low, high, {arg: low / k}, {arg: high / k}))
            continue
        value = getattr(m, _MODEL_VALUES[name]) if name in _MODEL_VALUES else None
        lo, hi = assumption_range(name, value, info, cb)
        out.append((name, lo, hi, {arg: lo}, {arg: hi}))
    return out


def _sensitivity(m: _Model, info: dict, perspective: str, cb=None) -> pd.DataFrame:
    """One assumption at a time at both ends of its range (:data:`evaltools.data.assumptions.REGISTRY`),
    for one perspective's NPV; ``low`` is the end that gives the lower NPV."""
    base = m.npv(perspective)
    out = []
    for name, lo_v, hi_v, lo_kw, hi_kw in _sensitivity_ends(m, info, cb):
        a, b = m.npv(perspective, **lo_kw), m.npv(perspective, **hi_kw)
        if abs(b - a) < 0.5:  # an assumption that does not move this perspective's NPV: no zero-width bar
            continue
        if b < a:  # the worse end first
            (lo_v, a), (hi_v, b) = (hi_v, b), (lo_v, a)
        out.append({"parameter": name, "low_value": float(lo_v), "high_value": float(hi_v), "npv_low": a,
                    "npv_high": b, "range": abs(b - a), "npv_base": base, "perspective": perspective})
    return (pd.DataFrame(out, columns=SENSITIVITY_COLUMNS).sort_values("range", ascending=False, kind="stable")
            .reset_index(drop=True))


class SensitivityByPerspective(Mapping):
    """Perspective → its one-at-a-time sensitivity (:func:`_sensitivity`), each computed when first
    read: a report reads the lead perspective's only, the what-if panel the one chosen. A perspective
    whose NPV is not valued (``unvalued``: the individual's when earnings are not) has no bars: an
    empty table, as its NPV is no figure. Pickled (and compared) as the plain dict of every perspective's."""

    def __init__(self, m: _Model, info: dict, cb, unvalued: frozenset[str] = frozenset()):
        self._m, self._info, self._cb, self._unvalued = m, info, cb, unvalued
        self._done: dict[str, pd.DataFrame] = {}

    def __getitem__(self, perspective: str) -> pd.DataFrame:
        if perspective not in PERSPECTIVES:
            raise KeyError(perspective)
        if perspective not in self._done:
            self._done[perspective] = (pd.DataFrame(columns=SENSITIVITY_COLUMNS) if perspective in self._unvalued
                                       else _sensitivity(self._m, self._info, perspective, self._cb))
        return self._done[perspective]

    def __iter__(self) -> Iterator[str]:
        return iter(PERSPECTIVES)

    def __len__(self) -> int:
        return len(PERSPECTIVES)

    def __reduce__(self):
        return dict, (dict(self.items()),)

    def __repr__(self) -> str:
        return f"SensitivityByPerspective({', '.join(PERSPECTIVES)})"


def _assumption_frame(assumptions: list[UsedAssumption], cb, tested: bool = True, info: dict | None = None) -> pd.DataFrame:
    """The assumptions used, in the registry's order, with the registry's unit code and the range
    the sensitivity analysis tests (``lower``, ``upper``; empty when it is not varied, and for every
    assumption when no sensitivity analysis was run: ``tested`` false)."""
    by_name = {a.name: a for a in assumptions}
    rows = []
    for name in REGISTRY.table:
        if name not in by_name:
            continue
        a, reg = by_name[name], REGISTRY[name]
        lo, hi = (assumption_range(name, a.value, info or {}, cb) if tested and reg.range in (Range.ABSOLUTE, Range.RELATIVE)
                  else (np.nan, np.nan))
        rows.append({"name": name, "value": a.value, "unit": reg.unit.value, "lower": lo, "upper": hi,
                     "source": a.source, "flagged": a.flagged})
    return pd.DataFrame(rows, columns=["name", "value", "unit", "lower", "upper", "source", "flagged"])


def _split_uniform(rng, lo: float, mid: float, hi: float, draws: int) -> np.ndarray:
    """Draws between ``lo`` and ``hi`` whose median is ``mid``: half uniform below it, half above.

    For an assumption with a base value and a plausible range but no data to shape it (the
    deadweight without a comparison group, the application's expected successes): the base value
    is the central estimate, as likely too high as too low, so the simulation's median NPV stays
    near the NPV the report states beside it (a triangular or a plain uniform draw over an
    asymmetric range would move it).
    """
    u = rng.uniform(0.0, 1.0, draws)
    return np.where(u < 0.5, lo + (mid - lo) * u * 2, mid + (hi - mid) * (u - 0.5) * 2)


def _draw_dropoff(rng, d: float, draws: int) -> np.ndarray:
    """Drop-off drawn uniformly and symmetrically around ``d``: 0 to 2d, capped at 90 %."""
    if d <= 0 or d >= 0.9:
        return np.full(draws, float(d))
    return rng.uniform(max(0.0, 2 * d - 0.9), min(2 * d, 0.9), draws)


BOOTSTRAP_BLOCK = 5_000_000
"""Resampled indices drawn at a time in the persistence bootstrap (20 MB as 32-bit integers)."""


def _index_blocks(rng: np.random.Generator, n: int, draws: int, step: int,
                  dtype: type) -> Iterator[tuple[int, np.ndarray]]:
    """The bootstrap's resampled indices, ``step`` draws at a time: (first draw, block of indices).

    With more than one block the next block is drawn in a second thread while the caller gathers
    the current one (the generator releases the interpreter while it draws, and is used by that one
    thread at a time, in order): the numbers are the same as drawn in turn, and at national scale the
    drawing, about a third of the simulation, runs beside the gathering on a second core.
    """
    starts = range(0, draws, step)
    if len(starts) < 2:
        for a in starts:
            yield a, rng.integers(0, n, (min(step, draws - a), n), dtype=dtype)
        return
    from concurrent.futures import ThreadPoolExecutor  # (only at national scale: most projects draw one block)
    with ThreadPoolExecutor(1) as pool:
        ahead = pool.submit(rng.integers, 0, n, (min(step, draws), n), dtype=dtype)
        for i, a in enumerate(starts):
            block = ahead.result()
            if i + 1 < len(starts):
                b = starts[i + 1]
                ahead = pool.submit(rng.integers, 0, n, (min(step, draws - b), n), dtype=dtype)
            yield a, block


def _monte_carlo(m: _Model, info: dict, draws: int, seed: int, lead: str,
                 optimism_bias: float) -> tuple[MonteCarlo, Simulation]:
    """Draw what is uncertain together; the discount rate stays fixed (varied one at a time only).

    Varied: the number of successes (observed: Jeffreys beta on the success rate; ex ante: uniform
    over a range around the application's expectation), deadweight (from the comparison group's
    and the participants' rates, else triangular over a wide range with the mode at the base
    value), drop-off (observed persistence: the leavers resampled; else uniform and symmetric
    around the base), the monthly level (±10 %, normal) and, as an option, cost overruns on lines
    not yet settled (Green Book optimism bias: uniform 0 to the uplift).

    The horizon is held at the model's horizon, so that each probability belongs to the NPV at the
    same horizon. The same draws are evaluated a second time with the horizon drawn over
    ``info["horizon_range"]`` (whole months, uniform): a separate result, at almost no extra cost.
    """
    rng = np.random.default_rng(seed)
    n, k = info.get("n_could", 0), info.get("n_success", 0)  # (k exits of those who could leave, as above)
    rates = info.get("deadweight_counts")
    # (the participants' rate in the deadweight is the success rate itself where both count the same persons: one
    # draw of it, not two independent ones, so that the additional exits, successes × (1 − deadweight) =
    # n × (participants' rate − comparison's rate), vary as the difference of the two rates does)
    shared = None
    if info.get("mode") == "ex_ante":  # around the application's own figure, which stays the median
        lo, hi = info["ex_ante_success_range"]
        success_mult = _split_uniform(rng, lo, 1.0, hi, draws)
    elif n > 0 and k > 0:
        rate = rng.beta(k + 0.5, n - k + 0.5, draws)
        success_mult = rate * n / k
        shared = rate if rates and (rates[0], rates[1]) == (k, n) else None
    else:
        success_mult = np.ones(draws)
    if rates:
        kp, np_, kc, nc = rates
        pr = shared if shared is not None else rng.beta(kp + 0.5, np_ - kp + 0.5, draws)
        cr = rng.beta(kc + 0.5, nc - kc + 0.5, draws)
        deadweight = np.clip(cr / pr, 0.0, DEADWEIGHT_MAX)
    else:
        lo, hi = info["deadweight_range"]
        mid = min(max(m.deadweight, lo), hi)
        deadweight = _split_uniform(rng, lo, mid, hi, draws)
    h_lo, h_hi = info["horizon_range"]
    # (drawn here, in the stream's old place, so the other draws are the same as before)
    horizon_varied = rng.integers(int(round(h_lo * 12)), int(round(h_hi * 12)) + 1, draws) / 12
    pairs = info.get("persistence_pairs")
    if pairs:  # the observed share kept, resampling the leavers it rests on (bootstrap of the ratio)
        paid, level = pairs
        n = len(level)
        ratio = np.empty(draws)
        step = max(1, BOOTSTRAP_BLOCK // max(n, 1))  # draws per block: memory stays bounded at national scale
        # (32-bit indices where they fit: the generator draws the same numbers as for 64-bit ones, in
        # half the memory; each draw's resampled leavers are gathered into one reused row, which stays
        # in the cache, and summed as a row of the block would be. The payment and the level of each
        # leaver sit side by side as one complex number, so one gather fetches both: their sums, over
        # the row's real and imaginary parts, are the same pairwise sums as over two rows)
        dtype = np.int32 if n < 2**31 else np.int64
        pair = np.empty(n, complex)
        pair.real, pair.imag = paid, level
        row = np.empty(n, complex)
        row_paid, row_level = row.real, row.imag
        for a, idx in _index_blocks(rng, n, draws, step, dtype):
            for j, drawn in enumerate(idx):
                # (the indices lie in 0..n-1 by construction: "wrap" skips the bounds check, same result)
                np.take(pair, drawn, out=row, mode="wrap")
                ratio[a + j] = row_paid.sum() / row_level.sum()
        dropoff = np.clip(ratio, 0.0, 1.0)
    else:
        dropoff = _draw_dropoff(rng, m.dropoff, draws)
    level = rng.normal(1.0, REGISTRY["monthly_level"].mc_sd or 0.0, draws).clip(0.5, 1.5)
    cost_mult = rng.uniform(1.0, 1.0 + optimism_bias, draws) if optimism_bias > 0 else np.ones(draws)
    # (flows measured from register outcomes: each estimate drawn around its value, after the draws above so that
    # those stay as they were)
    z = measured_draws(m, rng, draws)
    horizon = np.full(draws, float(m.horizon))
    disc = m.discount_at_exit(m.rate)
    disc_fs = m.discount_at_fs(m.rate)  # (försörjningsstöd from the household's exit, :func:`household_parts`)
    common = (1 - deadweight) * success_mult
    # (the observed first year, where used, is held: the drawn drop-off applies from month 13 on)
    fy = m.first_year
    # the annuity over the whole horizon, per draw, computed once: with the horizon held and drawn, and the wage
    # subsidy's shorter span; a success that reaches the age of äldreförsörjningsstöd first has its own
    # (:meth:`_Model.over_horizon`)
    spans = {"held": (horizon, None), "drawn": (horizon_varied, None),
             "sub_held": (horizon, m.subsidy_years), "sub_drawn": (horizon_varied, m.subsidy_years)}
    whole = {k: annuity_factor(h if lim is None else np.minimum(h, lim), dropoff, m.rate, fy)
             for k, (h, lim) in spans.items()}

    def over(values: np.ndarray, start: np.ndarray, span: str) -> np.ndarray:
        h, lim = spans[span]
        return np.asarray(m.over_horizon(values, start, h, dropoff, m.rate, lim, whole[span]))

    def benefit(p: str, span: str) -> np.ndarray:
        """The perspective's benefit per draw, before deadweight and the number of successes."""
        actors = PERSPECTIVES[p]
        if m.fs_exit_m is None:
            fs = sum(m.fs_coef(x) * m.level_by_exit for x in actors)
            levelled = over(fs * disc, m.exit_m, span)
        else:  # (a household's försörjningsstöd from its first exit, what replaces it from each success's own)
            instead = sum(m.instead_coef(x) * m.level_by_exit for x in actors)
            levelled = over(m.saved_weights(p) * disc_fs, m.fs_m, span) + over(instead * disc, m.exit_m, span)
        earned = sum(m.earn_coef(x) * m.earnings for x in actors) * disc
        # (the wage subsidy over its own shorter span)
        return (levelled * level + over(earned, m.exit_m, span)
                + over(m.sub_weights(p) * disc, m.exit_m, "sub_" + span))

    out, varied, parts = {}, {}, {}
    for p in PERSPECTIVES:
        grid = (1 + m.rate) ** (-np.arange(len(m.cost_stream(p))) / 12)
        fixed = float((sum(m.cost_actual.get(x, 0.0) for x in PERSPECTIVES[p]) * grid).sum())
        var = float((sum(m.cost_budget.get(x, 0.0) for x in PERSPECTIVES[p]) * grid).sum())
        cost = fixed + var * cost_mult
        # (flows measured from register outcomes: observed months, no drawn assumption, the estimates drawn; those of
        # the participants' employment in the project: held, they happen in it)
        measured = pv_measured_drawn(m, p, z) + m.pv_employed(p)
        parts[p] = (benefit(p, "held") * common + measured, benefit(p, "drawn") * common + measured, cost)
        out[p] = parts[p][0] - cost
        varied[p] = parts[p][1] - cost
    # society also bears the skattefaktor on the net effect on public budgets (see _Model.excess_burden)
    pub, pub_varied, pub_cost = parts["offentliga"]
    out["samhälle"] = out["samhälle"] - (m.skattefaktor - 1) * (pub_cost - pub)
    varied["samhälle"] = varied["samhälle"] - (m.skattefaktor - 1) * (pub_cost - pub_varied)
    npv = out[lead]
    # (the deadweight drawn from the two groups' rates where a comparison group gives it, else over its range: the
    # note says which, as the 5–95 % range it describes rests on it)
    if rates:
        key = ("assumption.monte_carlo_varied_measured_comparison" if z is not None
               else "assumption.monte_carlo_varied_comparison")
    else:
        key = "assumption.monte_carlo_varied_measured" if z is not None else "assumption.monte_carlo_varied"
    varied_note = Note.of(key,
                          sd=Share(REGISTRY["monthly_level"].mc_sd or 0.0, 0),
                          tested=Share((REGISTRY["monthly_level"].upper or 1.0) - 1, 0))
    if m.employed:  # (the flows of the participants' employment in the project are held, and said to be)
        varied_note = Note.of("assumption.monte_carlo_varied_employed", varied=varied_note)
    by = {p: NpvSpread(float((v > 0).mean()), float(np.quantile(v, 0.05)), float(np.median(v)), float(np.quantile(v, 0.95)))
          for p, v in out.items() if np.ptp(v) > 0 or np.any(v)}
    mc = MonteCarlo(draws, seed, lead, float((npv > 0).mean()), float(np.quantile(npv, 0.05)), float(np.median(npv)),
                    float(np.quantile(npv, 0.95)), npv, by, info.get("mode") == "ex_ante",
                    # (the monthly level's spread in the draws, and the range the tornado tests it over)
                    varied_note)
    ranged = (HorizonRangeSimulation(float(h_lo), float(h_hi), lead,
                                     {p: float((v > 0).mean()) for p, v in varied.items() if p in by}, varied[lead])
              if h_hi > h_lo else None)
    sim = Simulation(float(m.horizon), SimulationDraws(success_mult, deadweight, dropoff, level, cost_mult, horizon,
                                                       horizon_varied), ranged)
    return mc, sim


