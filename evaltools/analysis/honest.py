"""How far the comparison design's result survives a departure from parallel trends: honest-DiD
sensitivity bounds (Rambachan & Roth 2023, "A More Credible Approach to Parallel Trends").

The placebo test before the start says yes or no; these bounds say how large a departure from
parallel trends would overturn the result. The input is the event study of
:func:`evaltools.analysis.comparison.event_study`: for every month relative to the start, the
participants' change in payments since the reference month (the last month before the
anticipation window) minus the comparison group's. Months before the reference month are the
pre-period coefficients, every later month (the anticipation months and the months from the start)
a post-period coefficient. The target is the main post-period effect: the mean of the contrasts
from the start month to `months_after` after it, in kr per household and month (the panel of
:func:`~evaltools.analysis.comparison.build_panel` is one of households; the anticipation months weigh nothing).

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

import hashlib
import math
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS

from ..data.project import Project
from .comparison import build_panel, compare_payments, person_months

# The default grid of M: 0 (a straight-line difference in trends) and this many steps of a tenth of
# the target's standard error. Each M costs one FLCI (with :func:`faster_honestdid` about a tenth of
# a CPU second on the samples, 1.5 s where the package falls back to a search over 1 000 values of h;
# docs/benchmarks.md). The intervals widen fast with M (a bend accumulates over every month after the
# start), so an effect of many standard errors breaks down within these steps, as Kompassen's does at
# 20 kr.
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
    """The honest-DiD bounds for the mean effect from the start on, in kr per household and month."""

    effect: float  # the target's estimate (the mean of the post-start contrasts)
    original_low: float  # its 95 % interval under exact parallel trends
    original_high: float
    bounds: tuple[Bound, ...]  # smoothness (Δ^SD) FLCIs, M ascending from 0
    reference: int  # the reference month (relative to the start)
    n_pre: int
    n_post: int
    unsolved: bool = False  # honestdid's optimisation failed: no intervals (``bounds`` is empty)

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
    # the month indicators sum to one on every row: a constant, which statsmodels would otherwise find by
    # a rank check of the whole design (a third of this function's time on Kompassen; the same bits)
    fit = OLS(y, x, hasconst=True).fit(cov_type="cluster", cov_kwds={"groups": household[person]})
    beta = np.asarray(fit.params)[k:]
    sigma = np.asarray(fit.cov_params())[k:, k:]
    post = np.array([months[j] for j in others[n_pre:]])
    weights = (post >= 0) / float((post >= 0).sum())
    return EventStudyCoefficients(tuple(int(months[j]) for j in others), beta, sigma, n_pre, weights)


def smoothness_bounds(es: EventStudyCoefficients, grid: tuple[float, ...]) -> tuple[Bound, ...]:
    """The FLCI under smoothness (Δ^SD) for each M in ``grid``, with ``honestdid``.

    The package runs with the speed-ups of :func:`faster_honestdid` (the same bits). Its FLCIs
    still cost up to two CPU seconds for a grid (docs/benchmarks.md), so the intervals are kept for
    the process: a report's sections, and two languages rendered in one process, compute them once.
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
        from cvxpy.error import DCPError

        def solve():
            with faster_honestdid():
                return honestdid.createSensitivityResults(betahat=b, sigma=v, numPrePeriods=n_pre,
                                                          numPostPeriods=len(w), Mvec=list(grid), l_vec=w, alpha=0.05)
        try:
            res = solve()
        except DCPError:
            # the package shifts its variance matrix until its smallest eigenvalue is positive and then hands
            # it to cvxpy, whose own numerical check can still find it not positive semidefinite (seen on a
            # matrix with rows of zeros beside entries of 10^5): solved again with the package's assumption
            # stated to cvxpy (``assume_PSD``); the package's result is otherwise unchanged
            with _quad_forms_assumed_psd():
                res = solve()
    return tuple(Bound(float(m), float(lo), float(hi)) for m, lo, hi in zip(res["M"], res["lb"], res["ub"]))


@contextmanager
def _quad_forms_assumed_psd() -> Iterator[None]:
    """Inside the block, honestdid's ``cp.quad_form(x, P)`` is ``cvxpy.quad_form(x, P, assume_PSD=True)``:
    the package makes ``P`` positive semidefinite itself before calling it."""
    import cvxpy
    from honestdid import core

    class _Cvxpy:
        def __getattr__(self, name: str) -> Any:
            return getattr(cvxpy, name)

        @staticmethod
        def quad_form(x: Any, p: Any, assume_PSD: bool = True) -> Any:  # noqa: N803 - cvxpy's name
            return cvxpy.quad_form(x, p, assume_PSD=True)

    with _PATCH_LOCK:
        saved = core.cp
        setattr(core, "cp", _Cvxpy())  # noqa: B010 - the module attribute, for its functions
        try:
            yield
        finally:
            setattr(core, "cp", saved)  # noqa: B010


# --- The same numbers, faster --------------------------------------------------------------------
# honestdid 0.1.1 spends nearly all of an FLCI's time in private functions of honestdid.core,
# called hundreds of times per value of M with arguments that repeat:
# * ``_qfoldednormal`` (the quantile of a folded normal) draws 10^6 normals with a fixed seed on
#   every call and takes ``np.quantile`` of their absolute values shifted by mu;
# * ``_find_worst_case_bias_given_h`` builds and solves one cvxpy problem per standard error h (it
#   does not depend on M: it is always called with M = 1), and ``_find_lowest_h`` one per M.
# :func:`faster_honestdid` stands in for them during our call only, with versions that return the
# same bits (docs/methods.md, "Speed"; tests/test_honest_speed.py compares with the package unpatched):
# the draws made once; the quantile read off the sorted draws exactly as ``np.quantile`` computes
# it (checked against ``np.quantile`` on the draws once per call); the bias problem built once per
# covariance with h² a cvxpy Parameter and re-solved from scratch for each h (warm_start=False: the
# solver gets the same data as from the package's own problem and gives the same solution; where it
# reports no optimum, the package's own function runs, with its further solvers); every result kept
# for the call, since the same h and the same lowest h recur for every M.

# honestdid's version and the SHA-256 of its honestdid/core.py that the stand-ins were written and
# checked against; with any other file the package runs unpatched.
HONESTDID_VERSION = "0.1.1"
HONESTDID_CORE_SHA256 = "a56c7a6e023567b76c09e4d7a2d16fdbfaeff91d0972afeaad1229570d8a9368"
_PATCH_LOCK = threading.RLock()  # one thread patches at a time: the patch is on the shared module
_patched_calls = 0  # blocks open (nested ones in the thread that holds the lock)


def _core_if_known() -> Any:
    """``honestdid.core`` when it is the version the stand-ins were checked against, else ``None``."""
    import honestdid
    from honestdid import core
    if getattr(honestdid, "__version__", None) != HONESTDID_VERSION:
        return None
    try:
        digest = hashlib.sha256(Path(core.__file__).read_bytes()).hexdigest()
    except OSError:
        return None
    return core if digest == HONESTDID_CORE_SHA256 else None


@contextmanager
def faster_honestdid(enabled: bool = True) -> Iterator[bool]:
    """Run honestdid's smoothness FLCIs with the stand-ins above inside the ``with`` block.

    The originals are restored on leaving the block (also after an error); a lock keeps two threads
    from patching at once (another thread that calls honestdid directly meanwhile gets the stand-ins,
    and so the same numbers), and a block inside another uses the outer one's stand-ins. Yields whether the stand-ins are in place: ``False`` when ``enabled`` is
    false or honestdid is not the checked version (:data:`HONESTDID_VERSION`,
    :data:`HONESTDID_CORE_SHA256`), and the package then runs unpatched.
    """
    core = _core_if_known() if enabled else None
    if core is None:
        yield False
        return
    global _patched_calls
    with _PATCH_LOCK:
        if _patched_calls:  # inside another block of this thread: its stand-ins are in place
            yield True
            return
        names = ("_qfoldednormal", "_find_worst_case_bias_given_h", "_find_lowest_h")
        originals = {name: getattr(core, name) for name in names}
        stand_ins = _StandIns(core, originals).functions()
        _patched_calls += 1
        try:
            for name in names:
                setattr(core, name, stand_ins[name])
            yield True
        finally:
            for name, fn in originals.items():
                setattr(core, name, fn)
            _patched_calls -= 1


class _StandIns:
    """The stand-ins for honestdid.core's three functions, with caches that live for one patched call.

    Each method takes the arguments of the function it stands in for (the package's names and
    defaults) and returns what that function returns, bit for bit.
    """

    def __init__(self, core: Any, originals: dict[str, Callable]) -> None:
        import cvxpy as cp  # installed with honestdid

        self.core, self.cp, self.originals = core, cp, originals
        self.draws: dict[tuple, tuple[np.ndarray, np.ndarray, bool]] = {}
        self.biases: dict[tuple, dict] = {}
        self.problems: dict[tuple, tuple] = {}
        self.lowest: dict[tuple, float] = {}
        self.interned: dict[bytes, bytes] = {}

    def functions(self) -> dict[str, Callable]:
        return {"_qfoldednormal": self.qfoldednormal, "_find_lowest_h": self.find_lowest_h,
                "_find_worst_case_bias_given_h": self.find_worst_case_bias_given_h}

    def tensor_key(self, x: Any) -> tuple:
        """A key that tells tensors (or arrays) apart by shape and every bit of their values."""
        t = self.core._ensure_tensor(x).contiguous()
        b = t.numpy().tobytes()
        return tuple(t.shape), self.interned.setdefault(b, b)  # one copy of each matrix's bytes for all keys

    def folded_normal_draws(self, sd: Any, num_sims: Any, seed: Any) -> tuple[np.ndarray, np.ndarray, bool]:
        """The package's draws, sorted, and whether :func:`_folded_quantile` gives ``np.quantile``'s
        bits on them (checked here, once per call, on a few shifts and levels)."""
        key = (type(sd), sd, type(num_sims), num_sims, type(seed), seed)
        if key not in self.draws:
            d = np.random.RandomState(seed).normal(scale=sd, size=num_sims)  # as _qfoldednormal draws
            d.setflags(write=False)
            s = np.sort(d)
            exact = d.ndim == 1 and len(d) >= 2 and not np.isnan(s).any() and all(
                _folded_quantile(s, q, mu) == np.quantile(np.abs(d + mu), q)
                for q, mu in ((0.95, 0.0), (0.95, 1.7), (0.9, -0.35), (0.975, 12.5)))
            self.draws[key] = (d, s, exact)
        return self.draws[key]

    def qfoldednormal(self, p, mu=0.0, sd=1.0, numSims=10**6, seed=0):  # the package's names
        d, s, exact = self.folded_normal_draws(sd, numSims, seed)
        if exact and isinstance(mu, float) and math.isfinite(mu) and isinstance(p, float) and 0.0 < p < 1.0:
            return _folded_quantile(s, p, mu)
        if isinstance(mu, (list, np.ndarray, self.core.torch.Tensor)):  # as the package, on the same draws
            return np.array([np.quantile(np.abs(d + m), p) for m in np.asarray(mu).ravel()])
        return np.quantile(np.abs(d + mu), p)

    def find_lowest_h(self, sigma, numPrePeriods, numPostPeriods, l_vec, sigmascale=10, maxscale=10):
        key = (self.tensor_key(sigma), numPrePeriods, numPostPeriods, self.tensor_key(l_vec), sigmascale, maxscale)
        if key not in self.lowest:
            self.lowest[key] = self.originals["_find_lowest_h"](sigma, numPrePeriods, numPostPeriods, l_vec,
                                                                sigmascale, maxscale)
        return self.lowest[key]

    def find_worst_case_bias_given_h(self, h, sigma, numPrePeriods, numPostPeriods, l_vec, M=1.0,
                                     returnDF=False):
        # h enters the package's function only as h ** 2: results are kept by that value (the lowest h
        # comes as a float from the bisection and as a NumPy float from the grid search)
        h_squared = h ** 2
        if not isinstance(h_squared, float):  # (np.float64 is one) the package's callers pass floats only
            return self.originals["_find_worst_case_bias_given_h"](h, sigma, numPrePeriods, numPostPeriods, l_vec, M,
                                                                   returnDF)
        key = (h_squared, self.tensor_key(sigma), numPrePeriods, numPostPeriods, self.tensor_key(l_vec),
               type(M), M, returnDF)
        if key not in self.biases:
            self.biases[key] = self._solve_bias(h, h_squared, sigma, numPrePeriods, numPostPeriods, l_vec, M, returnDF)
        return _copied(self.biases[key])

    def _solve_bias(self, h, h_squared, sigma, K, n_post, l_vec, M, returnDF) -> dict:
        cp = self.cp
        prob, UW, parameter = self.bias_problem(sigma, K, n_post, l_vec)
        parameter.value = h_squared
        try:
            prob.solve(solver=cp.CLARABEL, warm_start=False)  # the package's first solver, from scratch
            status = prob.status
        except Exception:  # as the package: any error of a solver
            status = None
        if status not in ("optimal", "optimal_inaccurate"):  # the package's own function: its solvers in turn
            return self.originals["_find_worst_case_bias_given_h"](h, sigma, K, n_post, l_vec, M, returnDF)
        val = prob.value * M
        opt_x = np.array(UW.value)  # a copy: the next solve sets UW.value anew
        opt_w = opt_x[K:]
        opt_l = self.core._w_to_l_fn(self.core.torch.tensor(opt_w)).numpy()
        return {"status": status, "value": val / M if M != 0 else val, "value_scaled": val,
                "optimal_x": opt_x, "optimal_w": opt_w, "optimal_l": opt_l}

    def bias_problem(self, sigma, K, n_post, l_vec) -> tuple:
        """``_find_worst_case_bias_given_h``'s problem, built line for line as the package builds it,
        with h² a Parameter: built once for each covariance and target."""
        key = (self.tensor_key(sigma), K, n_post, self.tensor_key(l_vec))
        if key not in self.problems:
            # the package's own cvxpy name (``core.cp``), as its function would use it: inside
            # _quad_forms_assumed_psd that states the package's assumption to cvxpy
            self.problems[key] = _bias_problem(self.core, self.core.cp, sigma, K, n_post, l_vec)
        return self.problems[key]


def _bias_problem(core: Any, cp: Any, sigma: Any, K: int, n_post: int, l_vec: Any) -> tuple:
    """honestdid 0.1.1's ``_find_worst_case_bias_given_h`` up to its solve, with ``h ** 2`` replaced by
    a cvxpy Parameter: (problem, variable, parameter)."""
    sigma = core._ensure_tensor(sigma)
    l_vec = core._to_col(core._ensure_tensor(l_vec))
    dim = 2 * K
    UW = cp.Variable(dim)
    lowerTriMat = np.tril(np.ones((K, K)))
    I_K = np.eye(K)
    A_abs = np.vstack([np.hstack([-I_K, lowerTriMat]), np.hstack([-I_K, -lowerTriMat])])
    abs_constraint = A_abs @ UW <= 0
    sum_coef = np.zeros(dim)
    sum_coef[K:] = 1.0
    l_np = l_vec.numpy().ravel()
    sum_target = float(np.arange(1, n_post + 1) @ l_np)
    sum_constraint = sum_coef @ UW == sum_target
    A_quad, A_lin, A_const = core._create_matrices_for_variance_from_w(sigma, K, l_vec)
    A_quad_np = A_quad.numpy()
    A_lin_np = A_lin.numpy().ravel()
    A_const_val = A_const.item()
    A_quad_np = (A_quad_np + A_quad_np.T) / 2.0
    eigvals = np.linalg.eigvalsh(A_quad_np)
    if np.min(eigvals) < -1e-10:
        A_quad_np += (-np.min(eigvals) + 1e-10) * np.eye(dim)
    elif np.min(eigvals) < 0:
        A_quad_np += 1e-10 * np.eye(dim)
    h_squared = cp.Parameter()
    quad_constraint = cp.quad_form(UW, A_quad_np) + A_lin_np @ UW + A_const_val <= h_squared
    constant = 0.0
    for s in range(1, n_post + 1):
        constant += abs(float(np.arange(1, s + 1) @ l_np[(n_post - s):]))
    constant -= float(np.arange(1, n_post + 1) @ l_np)
    obj_coef = np.zeros(dim)
    obj_coef[:K] = 1.0
    objective = cp.Minimize(constant + obj_coef @ UW)
    return cp.Problem(objective, [abs_constraint, sum_constraint, quad_constraint]), UW, h_squared


def _copied(result: dict) -> dict:
    """A kept result as the package's function returns it: a new dict with new arrays."""
    return {k: v.copy() if isinstance(v, np.ndarray) else v for k, v in result.items()}


def _folded_quantile(s: np.ndarray, p: float, mu: float) -> np.float64:
    """``np.quantile(np.abs(d + mu), p)`` (method "linear") from ``s``, the draws ``d`` sorted.

    The same bits in microseconds instead of a pass over every draw: the values ``|d + mu|`` are the
    same multiset in any order, so their order statistics can be read off ``s``. With ``x = s + mu``
    (rounded like the package's ``d + mu``, and as ``s`` ascending), the negative ones reversed and
    the others form two ascending runs of ``|x|``, and the k-th smallest of both is found by
    bisection. The two order statistics around index ``p (n − 1)`` are then interpolated with NumPy's
    own formula (``numpy.lib._function_base_impl._lerp``).
    """
    n = len(s)
    lo, hi = 0, n  # j: the first draw with s + mu >= 0
    while lo < hi:
        mid = (lo + hi) // 2
        if s[mid] + mu >= 0:
            hi = mid
        else:
            lo = mid + 1
    j = lo
    virtual = np.float64((n - 1) * p)
    below = math.floor(virtual)
    gamma = np.float64(virtual - below)
    a = np.float64(_kth_smallest_abs(s, mu, j, below))
    b = np.float64(_kth_smallest_abs(s, mu, j, below + 1))
    diff = b - a
    return b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma


def _kth_smallest_abs(s: np.ndarray, mu: float, j: int, k: int) -> float:
    """The k-th smallest (from 0) of ``|s + mu|``: the merge of the runs ``-(s[j-1-i] + mu)`` and
    ``s[j+i] + mu`` (i = 0, 1, …), both ascending."""
    n_neg, n_pos = j, len(s) - j

    def neg(i: int) -> float:
        return -math.inf if i < 0 else math.inf if i >= n_neg else -(s[j - 1 - i] + mu)

    def pos(i: int) -> float:
        return -math.inf if i < 0 else math.inf if i >= n_pos else s[j + i] + mu

    lo, hi = max(0, k - n_pos), min(k, n_neg)  # i: how many of the k smaller ones come from the first run
    while lo < hi:
        i = (lo + hi) // 2
        if neg(i) < pos(k - i - 1):
            lo = i + 1
        else:
            hi = i
    return min(neg(lo), pos(k - lo))


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
        The values of M (kr per household and month, per month) to compute intervals for; default:
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
    try:
        bounds, unsolved = smoothness_bounds(es, grid), False
    except Exception:  # noqa: BLE001 - any failure of the package's solvers: the report says the bounds are missing
        bounds, unsolved = (), True
    return HonestBounds(effect, effect - z * se, effect + z * se, bounds, -a - 1, es.n_pre, es.n_post, unsolved)


def robust_available() -> bool:
    """Is the optional extra ``[robust]`` (``honestdid``) installed?"""
    from importlib.util import find_spec  # start-up: only reports with a comparison group ask
    return find_spec("honestdid") is not None
