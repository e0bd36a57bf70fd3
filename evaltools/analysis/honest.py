"""How far the comparison design's result survives a departure from parallel trends: honest-DiD
sensitivity bounds (Rambachan & Roth 2023, "A More Credible Approach to Parallel Trends").

The placebo test before the start says yes or no; these bounds say how large a departure from
parallel trends would overturn the result. The input is the event study of
:func:`evaltools.analysis.comparison.event_study`: for every month relative to the start, the
participants' change in payments since the reference month (the last month before the
anticipation window) minus the comparison group's. Months before the reference month are the
pre-period coefficients, every later month (the anticipation months and the months from the start)
a post-period coefficient. The target is the main post-period effect: the mean of the contrasts
from the start month on, in kr per person and month (the anticipation months weigh nothing).

Their joint covariance comes from one statsmodels OLS of each person's change since the reference
month on month indicators and participant x month indicators, with standard errors clustered by
household (CR1); the participant x month coefficients are the event study's contrasts.

The restriction is smoothness (Δ^SD): after the start the difference between the groups' trends
may bend away from a straight continuation of its course before the start by at most M kr per
month, from one month to the next. M = 0 allows only a linear difference in trends, extrapolated
from before the start; a larger M allows more. For each M on a grid the ``honestdid`` package (the
Python port of the authors' R package HonestDiD) gives the fixed-length confidence interval
(FLCI) for the target. The breakdown value is the largest M on the grid at which the interval,
and that of every smaller M, still excludes zero.

``honestdid`` needs torch and cvxpy: the optional extra ``[robust]``. Without it no bounds are
computed (:func:`honest_bounds` returns ``None``) and the report says how to get them.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS

from ..data.project import Project
from .comparison import build_panel, compare_payments, person_months

# The default grid of M: 0 (a straight-line difference in trends) and this many steps of a tenth of
# the target's standard error. Each M costs one FLCI (a few seconds; docs/benchmarks.md). The
# intervals widen fast with M (a bend accumulates over every month after the start), so an effect of
# many standard errors breaks down within these steps, as Kompassen's does at 20 kr.
GRID_STEPS = 6


@dataclass(frozen=True)
class Bound:
    """The 95 % interval for the target when the trends may bend by at most ``m`` per month."""

    m: float
    low: float
    high: float

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


@dataclass(frozen=True)
class EventStudyCoefficients:
    """The event study as honest-DiD takes it: contrasts, their covariance, and where they lie."""

    months: tuple[int, ...]  # month relative to the start of each contrast (the reference month left out)
    beta: np.ndarray
    sigma: np.ndarray
    n_pre: int  # contrasts before the reference month
    weights: np.ndarray  # over the post-period contrasts: the target is their weighted sum

    @property
    def n_post(self) -> int:
        return len(self.months) - self.n_pre


@dataclass(frozen=True)
class HonestBounds:
    """The honest-DiD bounds for the mean effect from the start on, in kr per person and month."""

    effect: float  # the target's estimate (the mean of the post-start contrasts)
    original_low: float  # its 95 % interval under exact parallel trends
    original_high: float
    bounds: tuple[Bound, ...]  # smoothness (Δ^SD) FLCIs, M ascending from 0
    reference: int  # the reference month (relative to the start)
    n_pre: int
    n_post: int

    @property
    def breakdown(self) -> float | None:
        """The largest M on the grid at which the interval, and that of every smaller M, excludes
        zero; ``None`` when even M = 0 does not."""
        return breakdown(self.bounds)

    @property
    def holds_on_whole_grid(self) -> bool:
        return bool(self.bounds) and all(b.excludes_zero for b in self.bounds)


def breakdown(bounds: tuple[Bound, ...]) -> float | None:
    """The largest ``m`` such that the interval at it and at every smaller ``m`` excludes zero."""
    out = None
    for b in sorted(bounds, key=lambda x: x.m):
        if not b.excludes_zero:
            break
        out = b.m
    return out


def event_study_coefficients(panel: pd.DataFrame, reference: int) -> EventStudyCoefficients | None:
    """The event-study contrasts against ``reference`` and their household-clustered covariance.

    One OLS (statsmodels) of each person's payment in month e minus that in the reference month, on
    an indicator for every month and one for every participant x month, clustered by household: the
    participant x month coefficients are the contrasts (participants' mean change minus the
    comparison group's) and their covariance is joint. ``None`` without the reference month, with
    fewer than two months before it or with no month from the start on.
    """
    wide, months, treated, household = person_months(panel)
    if reference not in months:
        return None
    r = int(np.searchsorted(months, reference))
    others = [j for j in range(len(months)) if j != r]
    n_pre = sum(1 for j in others if months[j] < reference)
    if n_pre < 2 or len(others) - n_pre < 1 or not (months >= 0).any():
        return None
    change = wide[:, others] - wide[:, [r]]
    person, col = np.nonzero(~np.isnan(change))
    y = change[person, col]
    k = len(others)
    x = np.zeros((len(y), 2 * k))
    x[np.arange(len(y)), col] = 1.0
    x[np.arange(len(y)), k + col] = treated[person].astype(float)
    fit = OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": household[person]})
    beta = np.asarray(fit.params)[k:]
    sigma = np.asarray(fit.cov_params())[k:, k:]
    post = np.array([months[j] for j in others[n_pre:]])
    weights = (post >= 0) / float((post >= 0).sum())
    return EventStudyCoefficients(tuple(int(months[j]) for j in others), beta, sigma, n_pre, weights)


def smoothness_bounds(es: EventStudyCoefficients, grid: tuple[float, ...]) -> tuple[Bound, ...]:
    """The FLCI under smoothness (Δ^SD) for each M in ``grid``, with ``honestdid``.

    Each M costs seconds (docs/benchmarks.md), so the intervals are kept for the process: the
    report's two languages, and a report's sections, compute them once.
    Raises ``ImportError`` without the optional extra ``[robust]``.
    """
    return _smoothness_bounds(es.beta.tobytes(), es.sigma.tobytes(), es.n_pre, es.weights.tobytes(), tuple(grid))


@lru_cache(maxsize=16)
def _smoothness_bounds(beta: bytes, sigma: bytes, n_pre: int, weights: bytes, grid: tuple[float, ...]) -> tuple[Bound, ...]:
    b, w = np.frombuffer(beta), np.frombuffer(weights)
    v = np.frombuffer(sigma).reshape(len(b), len(b))
    with warnings.catch_warnings():
        # the package's, torch's and cvxpy's own warnings (solver notices, deprecations) are not the report's
        warnings.simplefilter("ignore")
        import honestdid  # heavy optional dependency (torch, cvxpy): the extra [robust]
        res = honestdid.createSensitivityResults(betahat=b, sigma=v, numPrePeriods=n_pre, numPostPeriods=len(w),
                                                 Mvec=list(grid), l_vec=w, alpha=0.05)
    return tuple(Bound(float(m), float(lo), float(hi)) for m, lo, hi in zip(res["M"], res["lb"], res["ub"]))


def default_grid(es: EventStudyCoefficients) -> tuple[float, ...]:
    """M from 0 in steps of a tenth of the target's standard error under parallel trends, rounded to
    a whole number of kronor per month where that is not zero (the report shows kronor)."""
    se = float(np.sqrt(es.weights @ es.sigma[es.n_pre:, es.n_pre:] @ es.weights))
    step = max(1.0, float(np.round(se / 10))) if se >= 5 else se / 10
    return tuple(step * i for i in range(GRID_STEPS + 1))


def honest_bounds(project: Project, grid: tuple[float, ...] | None = None,
                  event_study: pd.DataFrame | None = None) -> HonestBounds | None:
    """Honest-DiD sensitivity bounds for the comparison design's mean effect from the start on.

    Parameters
    ----------
    project
        A loaded project with payment data and a comparison group.
    grid
        The values of M (kr per person and month, per month) to compute intervals for; default:
        :func:`default_grid`.
    event_study
        The event study as the report shows it (:func:`evaltools.analysis.comparison.event_study`,
        contrasts hidden by the privacy rules); default: computed here.

    Returns
    -------
    HonestBounds or None
        ``None`` without a comparison group, without enough months on either side of the reference
        month, without the optional extra ``[robust]`` (``honestdid``), or when the privacy rules
        hide a contrast of the event study (the mean of the contrasts and the shown ones would tell it).
    """
    if project.payments is None or project.comparison is None or not project.has_participants:
        return None
    if not robust_available():
        return None
    a = project.params.comparison.anticipation_months
    es = event_study_coefficients(build_panel(project), -a - 1)
    if es is None:
        return None
    if event_study is None:
        event_study = compare_payments(project).event_study
    shown = event_study.set_index("event_time")["difference"] if event_study is not None else pd.Series(dtype=float)
    if shown.reindex(list(es.months)).isna().any():
        return None
    grid = default_grid(es) if grid is None else grid
    post = es.sigma[es.n_pre:, es.n_pre:]
    effect = float(es.weights @ es.beta[es.n_pre:])
    se = float(np.sqrt(es.weights @ post @ es.weights))
    from scipy import stats  # start-up: scipy.stats only where bounds are computed
    z = float(stats.norm.ppf(0.975))
    return HonestBounds(effect, effect - z * se, effect + z * se, smoothness_bounds(es, grid), -a - 1, es.n_pre, es.n_post)


def robust_available() -> bool:
    """Is the optional extra ``[robust]`` (``honestdid``) installed?"""
    from importlib.util import find_spec  # start-up: only reports with a comparison group ask
    return find_spec("honestdid") is not None
