"""Comparison with other försörjningsstöd recipients: payments before, during and after, and a
difference-in-differences (DiD) estimate of the project's effect in kr per household and month over the
start month and the ``months_after`` months after it (the household as unit: :func:`household_units`).

Design. Every person has a reference month: the start month for participants, and for a
comparison person the date given in the comparison file's ``start_date`` (chosen to match the
participants' start dates in calendar time). The panel holds each person's payments from
``months_before`` months before to ``months_after`` months after that month (a month without
a payment row counts as 0 kr). The model is

    payment = person effect + calendar-month effect + b1 * after + DiD * (participant x after)

estimated by OLS on the two-way within-transformed panel (statsmodels), with standard errors
clustered by household (försörjningsstöd is paid per household).

Staggered entry. Participants start in different months. Because "after" is defined from each
person's own reference month and the comparison persons have their own reference months spread
over the same calendar time, the contrast compares participants' before/after change with the
comparison group's before/after change around equivalent dates; calendar-month effects absorb
price changes and season. The rise in need just before enrolment (people enrol when their need
peaks) is shared by both groups and is therefore not counted as an effect, as it would be by a
plain before/after comparison. A placebo estimate on the months before the reference month checks
the parallel-trends assumption: it should be near zero.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from enum import Enum

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS

from ..data import schema as S
from ..data.project import Project, month_index
from ..data.privacy import dominated, hides
from .goals import CI_METHOD
from .result import Note, Result

# the distinct person ids of a payments table, each payment row's code among them and its month index
Codes = tuple[pd.Index, np.ndarray, np.ndarray]


def _panel(persons: pd.DataFrame, payments: pd.DataFrame, before: int, after: int, treated: int,
           codes: Codes | None = None) -> pd.DataFrame:
    """The person x month panel of one group (see :func:`build_panel`). ``codes``: the distinct ids of
    ``persons``, each payment row's position among them and its month index, where the project has
    them already (:meth:`~evaltools.data.project.Project.payment_persons`, ``payment_months``)."""
    ref_idx = month_index(persons[S.START_DATE]).astype(np.int64)
    n_e = before + after + 1
    e = np.tile(np.arange(-before, after + 1), len(persons))
    midx = np.repeat(ref_idx, n_e) + e
    person_ids = persons[S.PERSON_ID].to_numpy()
    # payments belong to a person, not to an enrolment: a person enrolled twice has one code and
    # both enrolments see the same payments
    if codes is None:
        people = pd.Index(pd.unique(person_ids))
        pay_code = people.get_indexer(payments[S.PERSON_ID].to_numpy())
        pay_m = month_index(payments[S.MONTH])
    else:
        people, pay_code, pay_m = codes
    codes_e = np.repeat(people.get_indexer(person_ids), n_e)
    keep = pay_code >= 0
    every = bool(keep.all())  # (every payment row of a paid person: no copies to select them)
    lo, hi = pay_m.min(), pay_m.max()
    if len(people) == len(persons):
        # one enrolment per person (the usual case): each payment's row in the panel follows from its
        # month relative to the person's reference month, and the rows are summed with bincount
        code = pay_code if every else pay_code[keep]
        e_pay = (pay_m if every else pay_m[keep]) - ref_idx[code]
        e_pay += before  # (the row's position in the person's window)
        window = (e_pay >= 0) & (e_pay <= before + after)
        row = code[window].astype(np.int64) * n_e + e_pay[window]
        paid = payments[S.AMOUNT].to_numpy(float, na_value=np.nan)
        paid = np.nan_to_num((paid if every else paid[keep])[window])  # a missing amount adds 0, as in a sum
        amount = np.bincount(row, weights=paid, minlength=len(persons) * n_e)
    else:
        # payments keyed by (person code, month index) as one integer, summed per key
        pay_key = pay_code[keep].astype(np.int64) * 100_000 + pay_m[keep]
        sums = pd.Series(payments[S.AMOUNT].to_numpy()[keep]).groupby(pay_key).sum()
        pos = pd.Index(sums.index).get_indexer(codes_e.astype(np.int64) * 100_000 + midx)
        amount = np.where(pos >= 0, sums.to_numpy()[np.clip(pos, 0, None)], 0.0)
    inside = (midx >= lo) & (midx <= hi)
    # person and household as categoricals: every later grouping of the (large) panel by them then
    # works on integer codes instead of hashing the ids again
    hh_codes, households = pd.factorize(persons[S.HOUSEHOLD_ID])
    # (the rows inside the file's months selected before the frame is made: one copy of each column)
    hh_e = np.repeat(hh_codes, n_e)
    if not inside.all():
        codes_e, hh_e, midx, e, amount = (v[inside] for v in (codes_e, hh_e, midx, e, amount))
    return pd.DataFrame({"person": pd.Categorical.from_codes(codes_e, categories=people),
                         "household": pd.Categorical.from_codes(hh_e, categories=households),
                         "month_idx": midx, "event_time": e, "amount": amount, "treated": treated},
                        index=np.flatnonzero(inside))


def _stack(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The panels of the two groups one below the other, person and household still categoricals
    (over the union of both groups' ids: an id in both groups is one person or household)."""
    from pandas.api.types import union_categoricals
    if len(parts) == 1:
        return parts[0].reset_index(drop=True)
    ids = ["person", "household"]
    out = pd.concat([p.drop(columns=ids) for p in parts], ignore_index=True)
    for col in ids:
        out[col] = union_categoricals([p[col] for p in parts])
    return out[list(parts[0].columns)]


def _codes(project: Project, comparison: bool = False) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """The paid persons' ids, each payment row's person code and month index, kept on the project."""
    people, code = project.payment_persons(comparison)
    return people, code, project.payment_months(comparison)


def _units(project: Project, comparison: bool = False) -> tuple[pd.DataFrame, pd.DataFrame, Codes | None]:
    """The paid persons and payments of one group as :func:`household_units` makes them, with the
    project's codes for :func:`_panel` where nothing changed."""
    payments = project.comparison_payments if comparison else project.payments
    assert payments is not None
    enrolled = project.paid_persons(comparison)
    # (kept on the project: the DiD's panel, the reference-date check and the payment phases ask for the
    # same units, each group's twice or more in a report)
    persons, paid, codes = project.derived(("household_units", comparison), (enrolled, payments),
                                           lambda: household_units(enrolled, payments))
    if paid is payments:
        codes = _codes(project, comparison)
    return persons, paid, codes


def _household_of(persons: pd.DataFrame) -> pd.Series:
    """Each enrolment's household (its person id where the household is not given)."""
    return persons[S.HOUSEHOLD_ID].astype(object).where(persons[S.HOUSEHOLD_ID].notna(), persons[S.PERSON_ID]).astype(str)


def households_merged(project: Project) -> bool:
    """Whether a household of the payment analyses has more than one enrolment (two members, or one
    person enrolled twice) in either group, so that the DiD's units are households, not persons."""
    groups = [project.paid_persons()] + ([project.paid_persons(comparison=True)] if project.comparison is not None else [])
    return any(not _household_of(g).is_unique for g in groups)


def household_units(persons: pd.DataFrame, payments: pd.DataFrame,
                    codes: Codes | None = None) -> tuple[pd.DataFrame, pd.DataFrame, Codes | None]:
    """The units of the payments DiD: one per household, since försörjningsstöd is paid per household.

    ``persons`` (one row per enrolment) become one row per household (``household_id``; the loader
    gives a person without one a household of their own): the row of the household's first enrolment,
    so that its reference month is the first member's start and its person id and covariates are that
    member's. The household's payment in a month is the largest that any of its members' rows in
    ``payments`` gives for it: each member's rows are the household's payments (the data contract), so
    members' rows for one month are the same payment, never added up; where only one member's rows carry
    it, those count. A person enrolled twice is one household with one series, from the first start.

    Where every household has one enrolment (the usual case) the tables are returned as they are, with
    ``codes`` (the payments' person codes and months, :func:`_codes`); otherwise ``codes`` is None.
    """
    hh = _household_of(persons)
    if hh.is_unique:
        return persons, payments, codes
    first = persons.assign(_hh=hh.to_numpy()).sort_values(S.START_DATE, kind="stable").drop_duplicates("_hh")
    units = first.drop(columns="_hh").sort_index()
    # every member's payments under the household's first member's id, one amount per month
    member_of = pd.Series(hh.to_numpy(), index=persons[S.PERSON_ID].to_numpy())
    member_of = member_of[~member_of.index.duplicated()]
    lead = pd.Series(first[S.PERSON_ID].to_numpy(), index=first["_hh"].to_numpy())
    unit_id = lead.reindex(member_of.reindex(payments[S.PERSON_ID].to_numpy()).to_numpy()).to_numpy()
    known = pd.notna(unit_id)
    rows = pd.DataFrame({S.PERSON_ID: unit_id[known], S.MONTH: payments[S.MONTH].to_numpy()[known],
                         S.AMOUNT: payments[S.AMOUNT].to_numpy(float)[known]})
    paid = rows.groupby([S.PERSON_ID, S.MONTH], sort=False, as_index=False)[S.AMOUNT].max()
    return units, paid, None


def build_panel(project: Project) -> pd.DataFrame:
    """Household x month panel around each household's reference month (the first member's start),
    participants and comparison persons (:func:`household_units`); a household of one person is that
    person. The ``person`` column holds the household's first member's id.

    Built once per project and kept on it (the DiD, its robust checks and the weighting's balance all
    start from it); each call returns a copy of its own, so that a column one caller adds or changes
    is not the next one's (copy-on-write: the columns are copied only where changed)."""
    sources = (project.paid_persons(), project.payments, project.comparison,
               project.paid_persons(comparison=True) if project.comparison is not None else None,
               project.comparison_payments)
    return project.derived(("did_panel",), sources, lambda: _build_panel(project)).copy(deep=False)


def _build_panel(project: Project) -> pd.DataFrame:
    """:func:`build_panel`, built anew."""
    c = project.params.comparison
    # (persons without payment rows are in only when the params say the file covers everyone)
    persons, paid, codes = _units(project)
    parts = [_panel(persons, paid, c.months_before, c.months_after, 1, codes)]
    if project.comparison is not None:
        persons, paid, codes = _units(project, comparison=True)
        parts.append(_panel(persons, paid, c.months_before, c.months_after, 0, codes))
    panel = _stack(parts)
    panel["after"] = (panel["event_time"] >= 0).astype(float)
    panel["treated_after"] = panel["after"] * panel["treated"]
    return panel


def _did(panel: pd.DataFrame, project: Project, codes: _PanelCodes | None = None) -> DidEstimate:
    """The DiD coefficient on a panel of :func:`build_panel`'s shape: the months of the anticipation
    window (months -a..-1, when need peaks before enrolment) left out of "before", person and
    calendar-month fixed effects, household-clustered, the wild bootstrap below the params' threshold
    of participating households. The one estimator of the payments DiD and the register outcomes'.
    ``codes``: the panel's :class:`_PanelCodes`, where the caller has them."""
    c = project.params.comparison
    codes = codes or _PanelCodes.of(panel)
    event = panel["event_time"].to_numpy()
    used = (event >= 0) | (event < -c.anticipation_months)
    cols = {name: panel[name].to_numpy(float)[used] for name in ("amount", "after", "treated_after")}
    return _fit_arrays(cols, "amount", ["after", "treated_after"], "treated_after", codes.take(used),
                       c.small_cluster_threshold, project.params.cost_benefit.seed)


def outcome_panel(project: Project, outcome: pd.DataFrame) -> pd.DataFrame:
    """The person x month panel of :func:`build_panel` for another monthly outcome (a register file's
    person, month and amount), over every participant and comparison person: a register extract
    covers them all, so a month without a row inside the file's months is 0 kr."""
    c = project.params.comparison
    assert project.comparison is not None  # (a register outcome is estimated only with a comparison group)
    parts = [_panel(project.participants, outcome, c.months_before, c.months_after, 1),
             _panel(project.comparison, outcome, c.months_before, c.months_after, 0)]
    panel = _stack(parts)
    panel["after"] = (panel["event_time"] >= 0).astype(float)
    panel["treated_after"] = panel["after"] * panel["treated"]
    return panel


def outcome_did(project: Project, outcome: pd.DataFrame) -> tuple[DidEstimate, pd.DataFrame]:
    """The payments DiD (:func:`_did`: same window, anticipation months, fixed effects, clustering and
    interval) on another monthly outcome, with its panel (:func:`outcome_panel`)."""
    panel = outcome_panel(project, outcome)
    return _did(panel, project), panel


def _codes_of(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes ``0 .. n − 1`` of a panel column and ``n``: a categorical's own codes (a category
    without rows here is a code without rows), else the values factorized."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy().astype(np.int64), len(values.cat.categories)
    codes = pd.factorize(values)[0]
    return codes, int(codes.max()) + 1 if len(codes) else 0


def _month_codes(month_idx: np.ndarray) -> tuple[np.ndarray, int]:
    """Calendar months as codes ``0 .. n − 1`` in calendar order, and ``n`` (the months with rows)."""
    if len(month_idx) and month_idx.dtype.kind in "iu":
        lo = int(month_idx.min())
        offset = month_idx - lo
        present = np.bincount(offset) > 0
        # (every month from the first to the last has rows: the offsets are the codes)
        return (offset if present.all() else (np.cumsum(present) - 1)[offset]), int(present.sum())
    codes = pd.factorize(month_idx)[0]
    return codes, int(codes.max()) + 1 if len(codes) else 0


_DENSE_CELLS = 40_000_000  # person x month counts kept as a dense matrix up to this many cells


class _PersonMonthCounts:
    """The rows' person x calendar-month counts C, for the two-way within transform: the month x
    month matrix C' diag(w) C and the products C g.

    Persons share their rows of C (the months they have rows in: mostly given by the reference
    month): C is kept as its distinct rows U and each person's row of U, so C' diag(w) C is
    U' diag(W) U with W the summed weights of the persons of each row of U, a small product. The
    distinct rows are found by an integer signature per person and checked exactly (a person whose
    row differs from its signature's first person's gets a row of its own). Above
    :data:`_DENSE_CELLS` cells C is a sparse matrix instead.
    """

    def __init__(self, person: np.ndarray, month: np.ndarray, n_p: int, n_m: int) -> None:
        self.sparse = n_p * n_m > _DENSE_CELLS
        if self.sparse:
            from scipy import sparse
            self.c = sparse.csr_matrix((np.ones(len(person)), (person, month)), shape=(n_p, n_m))
            return
        # only the persons with rows here (the others share one row of zeros, the last of U)
        here = np.bincount(person, minlength=n_p) > 0
        n_here = int(here.sum())
        local = (np.cumsum(here) - 1)[person] if n_here < n_p else person
        c = np.bincount(local * n_m + month, minlength=n_here * n_m).reshape(n_here, n_m)
        # (a signature shared by different rows, by chance or by overflow, only puts persons in one
        # group whose rows the check below then separates)
        sig = c @ np.random.default_rng(0).integers(0, 2**31, n_m)
        row, _ = pd.factorize(sig)
        # each signature's first person: factorize numbers them in order of appearance, so where the
        # running maximum of the codes rises
        first = np.flatnonzero(row > np.maximum.accumulate(np.concatenate([[-1], row[:-1]])))
        differs = np.flatnonzero((c != c[first[row]]).any(axis=1))
        row[differs] = len(first) + np.arange(len(differs))
        self.u = np.vstack([c[np.concatenate([first, differs])], np.zeros((1, n_m), c.dtype)]).astype(float)
        self.row = np.full(n_p, len(self.u) - 1)
        self.row[here] = row

    def cross(self, w: np.ndarray) -> np.ndarray:
        """C' diag(w) C, dense."""
        if self.sparse:
            from scipy import sparse
            return (self.c.T @ sparse.diags(w) @ self.c).toarray()
        weight = np.bincount(self.row, weights=w, minlength=len(self.u))
        return (self.u * weight[:, None]).T @ self.u

    def __matmul__(self, g: np.ndarray) -> np.ndarray:
        if self.sparse:
            return np.asarray(self.c @ g)
        return (self.u @ g)[self.row]


def _within_arrays(xs: list[np.ndarray], person: np.ndarray, n_p: int, month: np.ndarray,
                   n_m: int) -> list[np.ndarray]:
    """The exact two-way within transform of :func:`_within` on arrays: ``xs`` the columns, ``person``
    and ``month`` integer codes below ``n_p`` and ``n_m`` (a person code without rows is allowed)."""
    size_p = np.bincount(person, minlength=n_p).astype(float)
    inv_p = 1 / np.maximum(size_p, 1.0)  # (a code without rows has nothing to demean)
    # (one buffer for the gathered means and effects, and the results written in place: a temporary
    # of this many rows costs as much in page faults as in arithmetic)
    buf = np.empty(len(person))
    xp = []
    for z in xs:
        np.take(np.bincount(person, weights=z, minlength=n_p) * inv_p, person, out=buf)
        xp.append(np.subtract(z, buf))
    counts = _PersonMonthCounts(person, month, n_p, n_m)
    a = np.diag(np.bincount(month, minlength=n_m).astype(float)) - counts.cross(inv_p)
    rhs = np.column_stack([np.bincount(month, weights=z, minlength=n_m) for z in xp])
    g = np.linalg.lstsq(a, rhs, rcond=None)[0]
    # the month effects, person-demeaned: g[m] minus each person's mean of it, the latter from the
    # person x month counts (no second pass over the rows)
    back = (counts @ g) * inv_p[:, None]
    for j, z in enumerate(xp):
        np.take(np.ascontiguousarray(g[:, j]), month, out=buf)
        np.subtract(z, buf, out=z)
        np.take(np.ascontiguousarray(back[:, j]), person, out=buf)
        z += buf
    return xp


def _within(panel: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """Residuals of ``cols`` on person and calendar-month fixed effects (exact two-way within transform).

    Person means are removed directly; the month effects then solve the small normal equations
    (D_m' M_p D_m) g = D_m' M_p x, with one row and column per calendar month, built from the
    person x month counts. No dummy matrix of persons is ever formed.
    """
    person, n_p = _codes_of(panel["person"])
    month, n_m = _month_codes(panel["month_idx"].to_numpy())
    out = _within_arrays([panel[c].to_numpy(float) for c in cols], person, n_p, month, n_m)
    return pd.DataFrame(dict(zip(cols, out)), index=panel.index)


WILD_BOOTSTRAP_DRAWS = 9999


class NotComputable(str, Enum):
    """Why a DiD estimate cannot be computed from the data at hand."""

    # the change after the start cannot be told apart from the change in both groups: one group has payment
    # months only on one side of its start (a payments file that begins or ends there, or too few persons)
    NO_CONTRAST = "no_contrast"
    # the payments do not vary beyond the person and calendar-month effects (the same amount every month):
    # the estimate is 0 by construction and no test of it says anything
    NO_VARIATION = "no_variation"


class IntervalMethod(str, Enum):
    """Which 95 % interval a DiD estimate's ``ci_low``/``ci_high`` are."""

    CLUSTER_T = "cluster_t"  # cluster-robust standard error, t(G − 1) critical values
    WILD_BOOTSTRAP = "wild_bootstrap"  # the wild cluster bootstrap test inverted (few participating households)


@dataclass(frozen=True)
class DidEstimate:
    """A DiD coefficient with household-clustered inference.

    ``p_value`` and ``t_ci_low``/``t_ci_high`` use the cluster-robust standard error with t(G − 1)
    critical values (G = households). Where fewer than the threshold of participating households
    take part, ``wild_p_value`` is the wild cluster bootstrap p-value (restricted, Rademacher
    weights, ``wildboottest``), which holds its level with few treated clusters, and
    ``wild_ci_low``/``wild_ci_high`` the interval from inverting that test (every effect the test
    at the 5 % level does not reject); else ``None``.

    ``ci_low``/``ci_high`` are the main interval, the one every report shows: the wild bootstrap
    interval where it was computed and is bounded, else the t interval; ``ci_method`` says which.
    """

    effect: float
    se: float
    ci_low: float
    ci_high: float
    p_value: float
    n_obs: int
    n_clusters: int
    n_treated_clusters: int = 0
    df: int = 0
    wild_p_value: float | None = None
    t_ci_low: float = float("nan")
    t_ci_high: float = float("nan")
    wild_ci_low: float | None = None
    wild_ci_high: float | None = None
    ci_method: IntervalMethod = IntervalMethod.CLUSTER_T
    # why the estimate says nothing, where it does not (:class:`NotComputable`), else None
    not_computable: NotComputable | None = None

    @property
    def rejects(self) -> bool:
        """Whether the estimate differs from zero at the 5 % level (by the wild bootstrap where it was run)."""
        p = self.wild_p_value if self.wild_p_value is not None else self.p_value
        return bool(p < 0.05)


@dataclass(frozen=True)
class _PanelCodes:
    """A panel's rows as the integer codes a fit needs: person (below ``n_persons``), calendar month
    index, household (``0 .. G − 1`` over the households with rows, −1 for a missing one) and the group
    (1 participant, 0 comparison person). Taken once from a panel; :meth:`take` selects rows."""

    person: np.ndarray
    n_persons: int
    month_idx: np.ndarray
    household: np.ndarray
    treated: np.ndarray

    @classmethod
    def of(cls, panel: pd.DataFrame, household: np.ndarray | None = None) -> _PanelCodes:
        """The codes of ``panel`` (of :func:`build_panel`'s layout unless ``household`` gives the households' codes)."""
        person, n_p = _codes_of(panel["person"])
        if household is None:
            household = _dense(_codes_of(panel["household"])[0])
        return cls(person, n_p, panel["month_idx"].to_numpy(), household, panel["treated"].to_numpy())

    def take(self, rows: np.ndarray) -> _PanelCodes:
        return _PanelCodes(self.person[rows], self.n_persons, self.month_idx[rows], _dense(self.household[rows]),
                           self.treated[rows])


def _dense(codes: np.ndarray) -> np.ndarray:
    """Codes renumbered ``0 .. G − 1`` over those that occur, in the codes' order (−1 stays −1)."""
    ok = codes >= 0
    if not ok.any():
        return codes.astype(np.int64)
    present = np.bincount(codes[ok]) > 0
    if ok.all():
        # (every code from 0 to the largest occurs: already dense, no renumbering)
        return codes.astype(np.int64, copy=False) if present.all() else (np.cumsum(present) - 1)[codes]
    remap = np.cumsum(present) - 1
    return np.where(ok, remap[np.where(ok, codes, 0)], -1)


def _fit(panel: pd.DataFrame, y: str, x: list[str], term: str, small_clusters: int = 0, seed: int = 0) -> DidEstimate:
    # (any panel: its households numbered in order of appearance by factorizing them)
    codes = _PanelCodes.of(panel, pd.factorize(panel["household"])[0])
    return _fit_arrays({c: panel[c].to_numpy(float) for c in [y, *x]}, y, x, term, codes, small_clusters, seed)


def _fit_arrays(cols: dict[str, np.ndarray], y: str, x: list[str], term: str, codes: _PanelCodes,
                small_clusters: int = 0, seed: int = 0) -> DidEstimate:
    """OLS of ``y`` on ``x`` after the two-way within transform (:func:`_within_arrays`), with
    household-clustered errors and t(G − 1) (statsmodels), the wild cluster bootstrap below
    ``small_clusters`` participating households."""
    month, n_m = _month_codes(codes.month_idx)
    dm = dict(zip(cols, _within_arrays(list(cols.values()), codes.person, codes.n_persons, month, n_m)))
    groups = codes.household  # (0 .. G − 1: the households with rows here)
    # use_t: statsmodels takes t(G - 1) for clustered errors, not the normal distribution. hasconst:
    # the within-transformed columns sum to zero, so no constant lies in their span (statsmodels'
    # own check, two SVDs of the rows, would find the same)
    # (arrays, not frames: statsmodels' frame handling is skipped, and the households go in as 32-bit
    # codes, which statsmodels counts by a sort instead of its slower hash of 64-bit ones)
    k = x.index(term)
    design = np.column_stack([dm[c] for c in x])
    problem = _not_computable(design, k, dm[y], cols[term], cols[y])
    model = OLS(dm[y], design, hasconst=False)
    with warnings.catch_warnings():
        if problem is not None:  # (the note on the estimate says why; statsmodels' warning would only reach a notebook)
            warnings.simplefilter("ignore")
        fit = model.fit(cov_type="cluster", cov_kwds={"groups": groups.astype(np.int32) if len(groups) < 2**31 else groups},
                        use_t=True)
    lo, hi = fit.conf_int()[k]
    effect, se, p_value = float(fit.params[k]), float(fit.bse[k]), float(fit.pvalues[k])
    # households counted from their codes (a missing household, code −1, is one group to statsmodels, none here)
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    in_treated = (codes.treated == 1) & (groups >= 0)
    n_treated = int(np.count_nonzero(np.bincount(groups[in_treated], minlength=n_groups)))
    wild = w_lo = w_hi = None
    if 0 < n_treated < small_clusters and problem is None:
        # the bootstrap draws one weight per household in their order: households in order of appearance
        ok = groups >= 0
        groups = groups.copy()
        groups[ok] = pd.factorize(groups[ok])[0]
        endog, exog = _bootstrap_design(cols, y, x, term, codes.person, codes.n_persons, month, n_m)
        try:
            wild = _wild_bootstrap_p(OLS(endog, exog, hasconst=False), groups, term, seed)
            w_lo, w_hi = _wild_bootstrap_ci(endog, exog, groups, term, seed, effect, se, float(hi - lo) / 2)
        except np.linalg.LinAlgError:  # (a design the checks above let through but the library cannot invert)
            wild = w_lo = w_hi = None
            problem = NotComputable.NO_CONTRAST
    # (an interval the bootstrap cannot bound, or cannot compute on data without variation, is kept
    # beside the t interval but not shown as the main one)
    wild_main = w_lo is not None and w_hi is not None and bool(np.isfinite([w_lo, w_hi]).all())
    main = (w_lo, w_hi) if wild_main else (float(lo), float(hi))
    return DidEstimate(effect, se, float(main[0]), float(main[1]),
                       p_value, int(fit.nobs), n_groups + int((groups < 0).any()), n_treated,
                       int(fit.df_resid_inference), wild, float(lo), float(hi), w_lo, w_hi,
                       IntervalMethod.WILD_BOOTSTRAP if wild_main else IntervalMethod.CLUSTER_T, problem)


# the note saying why, per reason
NOT_COMPUTABLE_NOTES = {NotComputable.NO_CONTRAST: "note.did_not_computable_no_contrast",
                        NotComputable.NO_VARIATION: "note.did_not_computable_no_variation"}


def _not_computable(design: np.ndarray, k: int, y_within: np.ndarray, term_raw: np.ndarray,
                    y_raw: np.ndarray) -> NotComputable | None:
    """Why the coefficient of column ``k`` of the within-transformed ``design`` cannot be estimated, or None.

    No contrast: the part of the term that the fixed effects and the other columns do not span is nil (within
    a millionth of the raw column's size), so the data hold no change of the participants' payments that is not
    also the comparison group's (the library's X'X is then singular). No variation: the within-transformed
    payments are nil (the same amount every month, or changes the person and calendar-month effects take up
    whole), so the estimate is 0 by construction and no test of it says anything (the bootstrap's p came out 0).
    Payments that change only with the term itself (a constructed step) keep their exact estimate."""
    size = max(float(np.linalg.norm(term_raw)), 1.0)
    col = design[:, k]
    if design.shape[1] > 1:
        # (the projection from the small normal equations: a least-squares solve on the rows themselves
        # decomposed a matrix of millions of rows for one or two coefficients; lstsq on the Gram matrix
        # keeps the pseudo-inverse where the other columns are nil or collinear)
        others = np.delete(design, k, axis=1)
        col = col - others @ np.linalg.lstsq(others.T @ others, others.T @ col, rcond=None)[0]
    if not len(col) or float(np.linalg.norm(col)) <= 1e-6 * size:
        return NotComputable.NO_CONTRAST
    if float(np.linalg.norm(y_within)) <= 1e-9 * max(float(np.linalg.norm(y_raw)), 1.0):
        return NotComputable.NO_VARIATION
    return None


def _bootstrap_design(cols: dict[str, np.ndarray], y: str, x: list[str], term: str, person: np.ndarray, n_p: int,
                      month: np.ndarray, n_m: int) -> tuple[pd.Series, pd.DataFrame]:
    """The regression the wild cluster bootstrap resamples: ``y`` on ``x`` and a dummy for every calendar month but
    the first, all person-demeaned.

    The person effects are swept out (each person lies in one household, a bootstrap cluster, so a household's
    weight keeps its residuals person-demeaned and every bootstrap regression sweeps them out as well). The month
    effects are not nested in the households: swept out beforehand (the two-way within transform), the bootstrap
    regressions left them out, and their residuals kept the month means of the resampled residuals that the
    estimate itself removes (the WCR bootstrap re-estimates the whole model on every sample, fixed effects
    included). With them as regressors each bootstrap regression is the model's; the estimate, its residuals and
    the restricted residuals are those of the two-way model (Frisch–Waugh–Lovell).

    A column in the span of those before it (``x`` first) is dropped, ``term`` never: where every reference month
    is the same calendar month, "after" is a set of calendar months, and the library inverts X'X as it is (with
    the singular one the p-value came out 0,66 where the test's is 0,08).
    """
    size = np.bincount(person, minlength=n_p).astype(float)
    inv = 1 / np.maximum(size, 1.0)

    def demeaned(z: np.ndarray) -> np.ndarray:
        return z - (np.bincount(person, weights=z, minlength=n_p) * inv)[person]

    exog = {c: demeaned(cols[c]) for c in x}
    for j in range(1, n_m):
        exog[f"_month_{j}"] = demeaned((month == j).astype(float))
    frame = pd.DataFrame(exog)
    # (R's diagonal of an unpivoted QR: the part of each column that the columns before it do not span)
    values = frame.to_numpy()
    r = np.abs(np.diag(np.linalg.qr(values, mode="r"))) if values.shape[1] else np.zeros(0)
    norms = np.linalg.norm(values, axis=0)
    keep = [c for c, rjj, n in zip(frame.columns, r, norms) if c == term or rjj > 1e-9 * max(n, 1e-300)]
    return pd.Series(demeaned(cols[y]), name=y), frame[keep]  # (the library finds the term by name)


def _wild_bootstrap_ci(y: pd.Series, x: pd.DataFrame, groups: np.ndarray, term: str, seed: int, effect: float,
                       se: float, t_half: float, level: float = 0.95) -> tuple[float, float]:
    """The wild cluster bootstrap confidence interval by test inversion: every null value b0 of
    ``term`` that the restricted wild bootstrap test (:func:`_wild_bootstrap_p`, the library's
    statistic and p-value, same seed and so the same weights for every b0) does not reject at
    1 − ``level``.

    The test of ``term`` = b0 is the library's test of ``term`` = 0 in the regression of
    y − b0·x_term on the same regressors (the restricted estimate then imposes b0). Each end is the
    root of p(b0) − (1 − level), found with :func:`scipy.optimize.brentq` between the estimate
    (p = 1) and a value outside the interval, searched from one and a half times the t interval's
    half-width (``t_half``; the bootstrap interval is mostly the wider) outward in steps of two
    standard errors; ends within 1 % of a standard error (at least 1 kr).
    """
    from scipy.optimize import brentq
    alpha = 1 - level
    memo: dict[float, float] = {}

    def f(b0: float) -> float:
        if b0 not in memo:
            memo[b0] = _wild_bootstrap_p(OLS(y - b0 * x[term], x), groups, term, seed) - alpha
        return memo[b0]

    step = max(se, 1.0)
    tol = max(0.01 * se, 1.0)
    if not f(effect) > 0:  # no variation to resample (a constructed file): the test says nothing, no interval
        return np.nan, np.nan
    ends = []
    for sign in (-1.0, 1.0):
        inner, outer = effect, effect + sign * max(1.5 * t_half, step)
        for _ in range(40):  # (the bootstrap t is bounded with few clusters: the search outward stops in time)
            if np.isnan(f(outer)):  # no variation to resample (a constructed file): no interval
                return np.nan, np.nan
            if f(outer) < 0:
                break
            inner, outer = outer, outer + sign * step * 2
        else:  # the test rejects no value this far out: the interval is unbounded on this side
            ends.append(sign * np.inf)
            continue
        ends.append(float(brentq(f, min(inner, outer), max(inner, outer), xtol=tol)))
    return ends[0], ends[1]


_KERNELS: dict = {}  # the library's denominator kernel, compiled once per (code, options)


def _njit_once(*args, **kwargs):
    """``numba.njit`` that compiles a function without free variables once per code object.

    ``wildboottest`` defines its denominator kernel inside a method and decorates it on every call,
    so numba compiles the same code again each time (about 0,75 s of a 0,8 s test). The kernel takes
    everything as arguments, so the compiled function is the same for every call; a test inversion
    runs the test a dozen times. Functions with free variables are compiled as numba would.
    """
    from numba import njit

    def decorate(f):
        if f.__code__.co_freevars:
            return njit(*args, **kwargs)(f)
        key = (f.__code__, args, tuple(sorted(kwargs.items())))
        if key not in _KERNELS:
            _KERNELS[key] = njit(*args, **kwargs)(f)
        return _KERNELS[key]
    return decorate


def _wild_bootstrap_p(model: OLS, groups: np.ndarray, term: str, seed: int) -> float:
    """Wild cluster bootstrap p-value (WCR-11, Rademacher weights; Roodman et al. 2019) of ``term``
    in the within-transformed regression, from the ``wildboottest`` package, seeded."""
    import contextlib
    import io
    from unittest import mock

    from wildboottest import wildboottest as wbt_module
    from wildboottest.wildboottest import wildboottest
    # (np.errstate: where nothing varies the library divides 0 by 0 and warns; the p-value is then NaN,
    # which the callers read as "no interval", so the warning would only reach a notebook's reader)
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings(), \
            np.errstate(divide="ignore", invalid="ignore"), mock.patch.object(wbt_module, "njit", _njit_once):
        # with 2^G below the draws it enumerates every sign pattern instead (exact), and says so
        warnings.filterwarnings("ignore", message=".*full_enumeration.*")
        res = wildboottest(model, B=WILD_BOOTSTRAP_DRAWS, cluster=groups, param=term, seed=seed,
                           parallel=False, show=False)
    return float(np.ravel(res["p-value"].to_numpy())[0])


@dataclass(frozen=True)
class ComparisonResult(Result):
    """Payments around the reference month by group, the 2x2 means and the DiD estimate."""

    did: DidEstimate | None = None
    placebo: DidEstimate | None = None
    event_means: pd.DataFrame | None = None
    has_comparison: bool = False
    event_study: pd.DataFrame | None = None
    anticipation_months: int = 0
    # True when some household has more than one enrolment in a group: the panel's units (and the
    # table's counts) are then households, not persons (:func:`household_units`)
    households_merged: bool = False
    # participating units (persons, or households where merged) with no payment in any month of the window
    # before the start: in the table's means at 0 kr, which pull the participants' means down
    unpaid_before: int = 0

    @property
    def parallel_trends_doubtful(self) -> bool:
        """True when the placebo test before the start rejects zero: the groups moved apart
        before anything could have been an effect, so the DiD estimate is not reliable."""
        return self.placebo is not None and self.placebo.rejects


def _largest_person_sums(cell: np.ndarray, person: np.ndarray, amount: np.ndarray, n_cells: int, n_p: int) -> np.ndarray:
    """Per cell (integer codes ``0 .. n_cells − 1``), the largest of its persons' summed amounts (the
    one contribution :func:`~evaltools.data.privacy.dominated` weighs against the cell's total);
    NaN for a cell without rows."""
    key = cell.astype(np.int64) * n_p + person
    per_person = np.bincount(key, weights=amount, minlength=n_cells * n_p).reshape(n_cells, n_p)
    seen = np.bincount(key, minlength=n_cells * n_p).reshape(n_cells, n_p) > 0
    with np.errstate(invalid="ignore"):
        return np.where(seen.any(axis=1), np.where(seen, per_person, -np.inf).max(axis=1, initial=-np.inf), np.nan)


def compare_payments(project: Project, lang: str | None = None) -> ComparisonResult:
    """Did the participants' försörjningsstöd fall more than a comparison group's?

    Payments before and after each person's start month; with a comparison group, a
    difference-in-differences estimate (person and calendar-month fixed effects, standard errors
    clustered by household) and a placebo estimate on the months before the start. Without a
    comparison group only the participants' before/after means are given, with a note that a
    fall is not an effect (people enrol when their need peaks).

    Parameters
    ----------
    project
        A loaded project with payment data.
    lang
        ``"sv"`` or ``"en"``: the language the result displays in (:mod:`evaltools.present.results`);
        default: the params file's.

    Returns
    -------
    ComparisonResult
        ``did`` and ``placebo``: effect in kr per household and month (``did`` over months 0 to
        ``months_after`` from each household's first participant's start; ``placebo`` over a fake start
        in the months before), its standard error, 95 %
        interval and p-value (``None`` without a comparison group); ``table``: mean payments
        before and after by group in whole kronor and their difference (hidden for few persons or one
        dominating person; with a comparison group "before" leaves out the anticipation months, as the
        DiD does);
        ``event_means``: means by month relative to the start, for
        :func:`evaltools.present.plots.plot_payments`.

    Examples
    --------
    >>> payments = et.compare_payments(project)  # doctest: +SKIP
    >>> payments.did.effect, payments.did.ci_low, payments.did.ci_high  # doctest: +SKIP
    """
    if project.payments is None or not project.has_participants:
        return ComparisonResult(pd.DataFrame(), None, (Note.of("note.no_payments"),))
    panel = build_panel(project)
    k, share = project.params.privacy.min_count, project.params.privacy.dominance
    treated = panel["treated"].to_numpy()
    event = panel["event_time"].to_numpy()
    amount = panel["amount"].to_numpy(float)
    person = panel["person"].cat.codes.to_numpy()
    n_p = len(panel["person"].cat.categories)
    one_enrolment = project.participants[S.PERSON_ID].is_unique and (
        project.comparison is None or project.comparison[S.PERSON_ID].is_unique)
    # the cells (group, month relative to the start) as one integer code, summed with bincount
    e0 = int(event.min()) if len(event) else 0
    n_e = int(event.max()) - e0 + 1 if len(event) else 1
    cell = treated.astype(np.int64) * n_e + (event - e0)
    rows_in = np.bincount(cell, minlength=2 * n_e)
    sums = np.bincount(cell, weights=amount, minlength=2 * n_e)
    present = np.flatnonzero(rows_in)
    if one_enrolment:
        # one enrolment per person: a person has one row in each (group, month) cell, so the cell's
        # persons are its rows, and the largest person's sum in a cell is the cell's largest amount
        persons_in = rows_in
        largest = pd.Series(amount).groupby(cell).max().reindex(range(2 * n_e)).to_numpy()
    else:
        pairs = np.unique(cell * n_p + person)
        persons_in = np.bincount(pairs // n_p, minlength=2 * n_e)
        largest = _largest_person_sums(cell, person, amount, 2 * n_e, n_p)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = sums / rows_in
    ev = pd.DataFrame({"treated": present // n_e, "event_time": present % n_e + e0, "mean_amount": mean[present],
                       "persons": persons_in[present]})
    hidden = (ev["persons"] < k).to_numpy() | dominated(largest[present], sums[present], share)
    ev.loc[hidden, "mean_amount"] = np.nan
    # the 2x2 means: group by before/after; with a comparison group "before" leaves out the anticipation
    # months as the DiD does (:func:`_did`), so that the table and the estimate compare the same months
    a_table = project.params.comparison.anticipation_months if project.comparison is not None else 0
    used = (event >= 0) | (event < -a_table)
    after = (event[used] >= 0).astype(np.int64)
    cell2 = treated[used].astype(np.int64) * 2 + after
    n2 = np.bincount(cell2, minlength=4)
    with np.errstate(invalid="ignore", divide="ignore"):
        # whole kronor, as the table shows them, so that the change is the difference a reader computes
        mean2 = _whole_kronor(np.bincount(cell2, weights=amount[used], minlength=4) / n2)
    largest2 = _largest_person_sums(cell2, person[used], amount[used], 4, n_p)
    dom2 = dominated(largest2, np.bincount(cell2, weights=amount[used], minlength=4), share)
    rows = []
    for tr, name in ((1, "participants"), (0, "comparison")):
        if n2[2 * tr] + n2[2 * tr + 1]:
            row = {"group": name, "before": mean2[2 * tr], "after": mean2[2 * tr + 1],
                   "change": mean2[2 * tr + 1] - mean2[2 * tr],
                   "persons": int(np.count_nonzero(np.bincount(person[treated == tr], minlength=n_p)))}
            # a mean over few persons, or one that one person's payments dominate, is hidden (with the change)
            for col, af in (("before", 0), ("after", 1)):
                if row["persons"] < k or bool(dom2[2 * tr + af]):
                    row[col] = row["change"] = np.nan
            rows.append(row)
    table = pd.DataFrame(rows)
    has_comp = project.comparison is not None
    did = placebo = None
    notes = []
    c = project.params.comparison
    a = c.anticipation_months
    seed = project.params.cost_benefit.seed
    study = None
    if has_comp:
        codes = _PanelCodes.of(panel)
        did = _did(panel, project, codes)
        if did.not_computable is not None:
            # (no estimate, placebo or event study on data that cannot give one: the note says why)
            notes.append(Note.of(NOT_COMPUTABLE_NOTES[did.not_computable]))
            did = None
        else:
            pre = event < -a
            # placebo: the later half of the remaining months before against the earlier half
            half = -a - (c.months_before - a) // 2
            pre_after = (event[pre] >= half).astype(float)
            cols = {"amount": amount[pre], "after": pre_after, "treated_after": pre_after * treated[pre]}
            placebo = _fit_arrays(cols, "amount", ["after", "treated_after"], "treated_after", codes.take(pre),
                                  c.small_cluster_threshold, seed)
            study = event_study(panel, -a - 1, ev)
            notes.append(Note.of("note.did"))
    else:
        notes.append(Note.of("note.no_comparison"))
    # participating units without a krona in the months before the start (their months count as 0 kr)
    part = treated == 1
    before = part & (event < 0)
    paid_before = np.bincount(person[before], weights=amount[before], minlength=n_p)
    # (the participating units as a mask over the person codes: no sort of the rows)
    units = np.bincount(person[part], minlength=n_p) > 0
    unpaid_before = int(np.count_nonzero(units & (paid_before == 0)))
    return ComparisonResult(table, table, tuple(notes), did=did, placebo=placebo, event_means=ev, has_comparison=has_comp,
                            event_study=study, anticipation_months=a, households_merged=households_merged(project),
                            unpaid_before=unpaid_before)


def _whole_kronor(x: np.ndarray) -> np.ndarray:
    """Amounts rounded to whole kronor with a half away from zero, as a person (and Excel) rounds."""
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


REFERENCE_SHIFTS = (-3, -2, -1, 1, 2, 3)  # months the comparison persons' reference dates are moved


def reference_date_sensitivity(project: Project, shifts: tuple[int, ...] = REFERENCE_SHIFTS) -> pd.DataFrame | None:
    """How much the DiD estimate depends on the comparison persons' reference dates.

    The comparison file gives each comparison person a reference date chosen to match the
    participants' start dates; that choice adds variation the standard error does not show. Here
    every comparison person's reference date is moved by the same number of months (each of
    ``shifts``, and 0 for the estimate itself) and the estimate is made again with the same model,
    window and anticipation months.

    Moving a reference date by ``k`` months moves the person's window of months, not the calendar
    months or the amounts in it, so the panel is built once: the participants' panel and the
    comparison persons' panel widened by the largest shifts. The participants' rows (of persons
    who are not also comparison persons) are the same in every fit, and so is their share of the
    two-way within transform (person means, their part of the month effects' normal equations);
    each shift only selects the comparison persons' rows by event time and adds theirs
    (:class:`_TwoWayPart`, :func:`_did_from_parts`).

    Parameters
    ----------
    project
        A loaded project with payments and a comparison group.
    shifts
        Months to move the comparison persons' reference dates (negative: earlier).

    Returns
    -------
    pandas.DataFrame or None
        One row per shift: ``shift_months``, ``effect``, ``ci_low``, ``ci_high`` (kr per person and
        month) and ``n_obs``; None without a comparison group or payments.
    """
    if project.comparison is None or project.payments is None or not project.has_participants:
        return None
    c = project.params.comparison
    a = c.anticipation_months
    ks = sorted({0, *shifts})
    # (the units of the DiD: one per household, :func:`household_units`)
    persons, paid, codes = _units(project)
    treated = _panel(persons, paid, c.months_before, c.months_after, 1, codes)
    # with its reference date moved k months later, a comparison person's month at event time e
    # (from the file's date) is at event time e - k: the widened panel covers every shift's window
    persons, paid, codes = _units(project, comparison=True)
    wide = _panel(persons, paid, c.months_before - min(ks), c.months_after + max(ks), 0, codes)
    panel = _stack([treated, wide])
    # (the codes as numpy's index type once: every gather and count over the rows below would
    # otherwise convert the categoricals' 32-bit codes again, for each shift)
    person = panel["person"].cat.codes.to_numpy().astype(np.intp)
    household = panel["household"].cat.codes.to_numpy().astype(np.intp)
    month = pd.factorize(panel["month_idx"])[0]
    is_treated = panel["treated"].to_numpy() == 1
    event = panel["event_time"].to_numpy()
    amount = panel["amount"].to_numpy(float)
    sizes = (int(person.max()) + 1, int(month.max()) + 1, int(household.max()) + 1)
    # persons with a comparison row (an id in both groups is one person) change from shift to shift
    varies = np.zeros(sizes[0], bool)
    varies[person[~is_treated]] = True
    fixed = is_treated & ~varies[person] & ((event >= 0) | (event < -a))
    after = (event[fixed] >= 0).astype(float)
    base = _TwoWayPart(amount[fixed], after, after, person[fixed], month[fixed], household[fixed], sizes)
    rest = varies[person]
    amount, person, month, household, event, is_treated = (v[rest] for v in (amount, person, month, household, event,
                                                                                is_treated))
    rows = []
    for k in ks:
        e = np.where(is_treated, event, event - k)
        # the window, without the anticipation months (as in compare_payments' DiD)
        sel = (e >= -c.months_before) & (e <= c.months_after) & ((e >= 0) | (e < -a))
        after = (e[sel] >= 0).astype(float)
        part = _TwoWayPart(amount[sel], after, after * is_treated[sel], person[sel], month[sel], household[sel], sizes)
        effect, lo, hi, n = _did_from_parts(base, part)
        rows.append({"shift_months": k, "effect": effect, "ci_low": lo, "ci_high": hi, "n_obs": n})
    return pd.DataFrame(rows)


class _TwoWayPart:
    """Rows of a DiD panel (amount, ``after``, ``treated_after``; integer codes for person,
    calendar month and household) and their share of the two-way within transform: per person the
    rows and sums, per month the rows and sums of the person-demeaned columns, and the month x month
    matrix D_m' D_p diag(1/n_p) D_p' D_m. Parts over disjoint sets of persons add up to the whole
    panel's transform (:func:`_did_from_parts`)."""

    def __init__(self, y: np.ndarray, after: np.ndarray, treated_after: np.ndarray, person: np.ndarray,
                 month: np.ndarray, household: np.ndarray, sizes: tuple[int, int, int]) -> None:
        n_p, n_m, _ = sizes
        self.x = (y, after, treated_after)
        self.person, self.month, self.household = person, month, household
        self.size_p = np.bincount(person, minlength=n_p).astype(float)
        inv_p = 1 / np.maximum(self.size_p, 1.0)  # a person without rows here has none to demean
        self.means = [np.bincount(person, weights=z, minlength=n_p) * inv_p for z in self.x]
        buf = np.empty(len(person))
        self.xp = [np.subtract(z, np.take(m, person, out=buf)) for z, m in zip(self.x, self.means)]
        self.counts = _PersonMonthCounts(person, month, n_p, n_m)
        self.size_m = np.bincount(month, minlength=n_m).astype(float)
        self.cross = self.counts.cross(inv_p)
        self.rhs = np.column_stack([np.bincount(month, weights=z, minlength=n_m) for z in self.xp])
        self.inv_p, self.n_households = inv_p, sizes[2]


def _did_from_parts(*parts: _TwoWayPart) -> tuple[float, float, float, int]:
    """The DiD coefficient of ``treated_after`` with its 95 % interval and the observations, from
    parts of one panel over disjoint sets of persons.

    The same model and inference as :func:`_fit`: the exact two-way within transform of
    :func:`_within` (month effects from (D_m' M_p D_m) g = D_m' M_p x, summed over the parts),
    OLS of the transformed amount on ``after`` and ``treated_after``, household-clustered CR1
    errors with statsmodels' factor G/(G − 1) · (N − 1)/(N − K), K = 2, and t(G − 1) intervals.
    tests/test_reference_dates.py checks it against statsmodels' OLS on the rebuilt panels.
    """
    from scipy import stats
    a = np.diag(sum(p.size_m for p in parts)) - sum(p.cross for p in parts)
    g = np.linalg.lstsq(a, sum(p.rhs for p in parts), rcond=None)[0]
    dms = []
    for p in parts:
        # the month effects, person-demeaned within the part's own persons (each column gathered from
        # a contiguous copy, and the rows' arrays written in place: fewer passes and allocations)
        back = (p.counts @ g) * p.inv_p[:, None]
        d = []
        for j in range(3):
            z = np.take(np.ascontiguousarray(g[:, j]), p.month)
            np.subtract(p.xp[j], z, out=z)
            z += np.take(np.ascontiguousarray(back[:, j]), p.person)
            d.append(z)
        dms.append(d)
    # (X'X is symmetric: its corner computed once)
    x11, x12, x22 = (sum(d[i] @ d[j] for d in dms) for i, j in ((1, 1), (1, 2), (2, 2)))
    xtx = np.array([[x11, x12], [x12, x22]])
    xty = np.array([sum(d[i] @ d[0] for d in dms) for i in (1, 2)])
    bread = np.linalg.pinv(xtx)
    beta = bread @ xty
    n_h = parts[0].n_households
    scores = np.zeros((n_h, 2))
    seen = np.zeros(n_h, bool)
    n_rows = 0
    for p, d in zip(parts, dms):
        tmp = np.multiply(d[1], beta[0])
        resid = np.subtract(d[0], tmp)
        resid -= np.multiply(d[2], beta[1], out=tmp)
        for j in (0, 1):
            d[j + 1] *= resid
            scores[:, j] += np.bincount(p.household, weights=d[j + 1], minlength=n_h)
        seen[p.household] = True
        n_rows += len(p.household)
    n_groups = int(seen.sum())
    factor = n_groups / (n_groups - 1.0) * (n_rows - 1.0) / (n_rows - 2.0)
    cov = factor * bread @ (scores.T @ scores) @ bread
    half = float(stats.t.ppf(0.975, n_groups - 1)) * float(np.sqrt(cov[1, 1]))
    return float(beta[1]), float(beta[1]) - half, float(beta[1]) + half, n_rows


def event_study(panel: pd.DataFrame, reference: int, shown: pd.DataFrame) -> pd.DataFrame:
    """Payments by month relative to the start for both groups, and the event-study contrast.

    For each month ``e`` relative to the reference month: each group's mean with a 95 % interval
    (OLS on the two group indicators, household-clustered, t(G − 1)), and the participants'
    change since the ``reference`` month (the last month before the anticipation window) minus
    the comparison group's change over the same months, per person, with its clustered 95 %
    interval. Before the start the contrast shows pre-trends (it should be near zero); after the
    start it shows how the effect evolves. Means hidden by the privacy rules in ``shown`` (the
    suppressed event means) are hidden here, with their intervals and every contrast built on them.

    All months are estimated at once (:func:`_group_means_clustered`): the per-month regressions
    share their design, so their clustered covariances are sums over one person x month matrix.
    """
    cols = ["event_time", "participants", "participants_low", "participants_high", "comparison", "comparison_low",
            "comparison_high", "difference", "difference_low", "difference_high"]
    wide, months, treated, household = person_months(panel)
    hidden = shown.set_index(["treated", "event_time"])["mean_amount"].isna()
    r_col = int(np.searchsorted(months, reference)) if reference in months else None

    level = _group_means_clustered(wide, treated, household)
    change = _group_means_clustered(wide - wide[:, [r_col]], treated, household) if r_col is not None else None
    rows = []
    for j, e in enumerate(months):
        if level.n1[j] == 0 or level.n0[j] == 0:
            continue
        row = {"event_time": int(e)}
        for name, b, se in (("participants", level.b1, level.se1), ("comparison", level.b0, level.se0)):
            row[name], row[f"{name}_low"], row[f"{name}_high"] = b[j], b[j] - level.t[j] * se[j], b[j] + level.t[j] * se[j]
        if change is not None and j != r_col:
            d, se, t = change.b1[j] - change.b0[j], change.se_diff[j], change.t[j]
            row["difference"], row["difference_low"], row["difference_high"] = d, d - t * se, d + t * se
        elif j == r_col:
            row["difference"] = row["difference_low"] = row["difference_high"] = 0.0
        for g, name in ((1, "participants"), (0, "comparison")):
            if bool(hidden.get((g, e), False)):
                row[name] = row[f"{name}_low"] = row[f"{name}_high"] = np.nan
                row["difference"] = row["difference_low"] = row["difference_high"] = np.nan
            if r_col is not None and j != r_col and bool(hidden.get((g, reference), False)):
                row["difference"] = row["difference_low"] = row["difference_high"] = np.nan
        rows.append(row)
    return pd.DataFrame(rows, columns=cols).sort_values("event_time").reset_index(drop=True)


def person_months(panel: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The panel's payments as a person x month matrix (NaN outside the payment file's coverage),
    built with bincount: the matrix, the months relative to the reference month (its columns), and
    per person (its rows) whether a participant and the household's code."""
    person = pd.factorize(panel["person"])[0]
    months = np.sort(panel["event_time"].unique())
    col = np.searchsorted(months, panel["event_time"].to_numpy())
    n_p, n_e = person.max() + 1, len(months)
    key = person.astype(np.int64) * n_e + col
    sums = np.bincount(key, weights=panel["amount"].to_numpy(float), minlength=n_p * n_e).reshape(n_p, n_e)
    seen = np.bincount(key, minlength=n_p * n_e).reshape(n_p, n_e) > 0
    wide = np.where(seen, sums, np.nan)
    # each person's first row: factorize numbers persons in order of appearance, so a person's first
    # row is where the running maximum of the codes rises
    first = np.flatnonzero(person > np.maximum.accumulate(np.concatenate([[-1], person[:-1]])))
    treated = panel["treated"].to_numpy()[first] == 1
    household = pd.factorize(panel["household"], use_na_sentinel=False)[0][first]
    return wide, months, treated, household


@dataclass(frozen=True)
class _ColumnMeans:
    """Per column of a person x month matrix: the two groups' means, their clustered standard
    errors and that of their difference, the observations and the t(G − 1) critical value."""

    b1: np.ndarray
    b0: np.ndarray
    se1: np.ndarray
    se0: np.ndarray
    se_diff: np.ndarray
    n1: np.ndarray
    n0: np.ndarray
    t: np.ndarray


def _group_means_clustered(wide: np.ndarray, treated: np.ndarray, household: np.ndarray) -> _ColumnMeans:
    """For every column of ``wide`` (persons x months, NaN where a person is not observed), the
    regression of the column on the two group indicators with household-clustered errors.

    This is, column by column, what ``statsmodels`` OLS gives with ``cov_type="cluster"`` and
    ``use_t=True`` (CR1: the factor G/(G − 1) · (N − 1)/(N − K), K = 2, and t with G − 1 degrees
    of freedom, G the households observed in that column), computed for all columns at once: with
    group indicators as the design the coefficients are the group means, the bread is
    diag(1/n1, 1/n0) and the meat is the sums over households of each group's residuals.
    tests/test_event_study_regressions.py checks it against statsmodels column by column.
    """
    from scipy import sparse, stats
    # (each group's rows taken once: every pass below is over that group's persons only, with no
    # masks of the whole matrix)
    n_h = int(household.max()) + 1 if len(household) else 0
    parts = []
    for g in (True, False):
        w = wide[treated == g]
        ok = ~np.isnan(w)
        y = np.nan_to_num(w, nan=0.0)
        n = ok.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            b = y.sum(axis=0) / n
        y -= b
        y[~ok] = 0.0
        hh = household[treated == g]
        # households x persons: sums each household's residuals, per column
        by_household = sparse.csr_matrix((np.ones(len(hh)), (hh, np.arange(len(hh)))), shape=(n_h, len(hh)))
        parts.append((b, n, by_household @ y, by_household @ ok.astype(float)))
    (b1, n1, s1, c1), (b0, n0, s0, c0) = parts
    with np.errstate(invalid="ignore", divide="ignore"):
        n_groups = ((c1 + c0) > 0).sum(axis=0)
        n_obs = n1 + n0
        factor = n_groups / (n_groups - 1.0) * (n_obs - 1.0) / (n_obs - 2.0)
        v1 = factor * (s1 ** 2).sum(axis=0) / n1 ** 2
        v0 = factor * (s0 ** 2).sum(axis=0) / n0 ** 2
        cov = factor * (s1 * s0).sum(axis=0) / (n1 * n0)
        t = stats.t.ppf(0.975, n_groups - 1)
        return _ColumnMeans(b1, b0, np.sqrt(v1), np.sqrt(v0), np.sqrt(v1 + v0 - 2 * cov), n1, n0, t)


def _participants_who_left(project: Project, success_outcomes) -> tuple[int, int]:
    """(Those who left försörjningsstöd, of how many could): the ended participants who had försörjningsstöd
    at start, and of them those who left it as the cost-benefit model counts an exit. A participant on
    sickness benefit or wages at start who went to work did not leave försörjningsstöd: counted, the share
    beside the comparison group's (and the deadweight worked out from the two) was not the share of the
    exits the calculation values, and the table gave a count of leavers the key figures do not."""
    from .costbenefit.persistence import leavers, on_fs_at_start  # (costbenefit imports this module: not at the top)
    ended = project.participants[~project.participants[S.ONGOING]]
    could = ended[on_fs_at_start(project, ended)]
    return int(leavers(project, could, success_outcomes).sum()), len(could)


def exit_base_tells_few(project: Project) -> bool:
    """Whether the participants' base of the share who left försörjningsstöd (the ended who had it at start,
    :func:`_participants_who_left`) is 1 to ``privacy.min_count − 1`` fewer than all the ended: beside the number
    ended, which the report states, that base would tell how many ended participants had another support at start
    (sickness or activity compensation, wages), a small count the participants table withholds. Then neither the
    base nor the share (the exits it is worked out from are stated, or the deadweight gives it back) is published.
    """
    from .costbenefit.persistence import on_fs_at_start  # (costbenefit imports this module: not at the top)
    if not project.has_participants:
        return False
    ended = project.participants[~project.participants[S.ONGOING]]
    return hides(len(ended) - int(on_fs_at_start(project, ended).sum()), project.params.privacy.min_count)


def comparison_could_leave(project: Project) -> pd.DataFrame:
    """The comparison persons with a status at follow-up who had försörjningsstöd at their reference date, as
    :func:`_participants_who_left` counts the participants: a comparison person on sickness or activity compensation
    whose status at follow-up is that compensation left no försörjningsstöd, and counted as one who did, the
    comparison group's share (and the deadweight worked out from it against the participants') measured another
    population than the participants' share beside it."""
    from .costbenefit.persistence import on_fs_at_start  # (costbenefit imports this module: not at the top)
    c = project.comparison
    if c is None:
        return pd.DataFrame(columns=[S.OUTCOME])
    c = c[c[S.OUTCOME].notna()]
    return c[on_fs_at_start(project, c, comparison=True)]


def comparison_success_rates(project: Project, success_outcomes: tuple[str, ...]) -> tuple[float, float, int, int] | None:
    """The share who left försörjningsstöd among the ended participants who had it at start
    (:func:`_participants_who_left`) and among comparison persons who had it at their reference date (status at
    follow-up, :func:`comparison_could_leave`)."""
    if project.comparison is None or not project.has_participants:
        return None
    kp, n_p = _participants_who_left(project, success_outcomes)
    c = comparison_could_leave(project)
    if n_p == 0 or len(c) == 0:
        return None
    return kp / n_p, float(c[S.OUTCOME].isin(success_outcomes).mean()), n_p, len(c)


def comparison_rate_tells_few(rates: tuple[float, float, int, int], k: int) -> bool:
    """Whether the comparison group's share who left (``rates`` from :func:`comparison_success_rates`)
    would tell the outcome of fewer than ``k`` persons: the group, those who left or those who did not
    number 1 to ``k - 1`` ("0 of 4 left" says it of each of the four), the rule of the outcome-rate
    tables. Such a share is not published, nor a deadweight worked out from it (the participants'
    share beside it would give it back)."""
    n = int(rates[3])
    left = int(round(rates[1] * n))
    return hides(n, k) or hides(left, k) or hides(n - left, k)


@dataclass(frozen=True)
class SupportNeed:
    """How the ended participants' försörjningsstöd changed, person by person, by the payments file: the evidence
    a goal of a need of it lessened ("minskat sitt behov av försörjningsstöd") is written with, as a qualitative goal,
    since no exit code measures it. ``ended`` enrolments ended; ``had`` of them were paid försörjningsstöd in the
    ``months`` months before the start and can be followed after the exit; ``less`` of those were paid less a month
    after the exit (at most ``months`` months) than before the start, ``none`` of them nothing at all; ``not_paid``
    were paid none before the start; ``unknown`` cannot be followed (no rows in the payments file while it does not
    cover every participant, or no month of the file before the start or after the exit). A measured change, no
    effect."""

    ended: int
    had: int
    less: int
    none: int
    not_paid: int
    unknown: int
    months: int


def support_need(project: Project, months: int | None = None) -> SupportNeed | None:
    """Each ended enrolment's mean försörjningsstöd a month in the ``months`` months before its start month and in
    the ``months`` months after its end month (a month without a row is 0 kr; only the months the payments file
    covers, its first to its last month, count), compared (:class:`SupportNeed`); ``None`` without payments."""
    if project.payments is None or not project.has_participants or project.payments.empty:
        return None
    months = months or project.params.comparison.months_before
    pay = project.payments
    pay_m = month_index(pay[S.MONTH]).astype(np.int64)
    lo, hi = int(pay_m.min()), int(pay_m.max())
    paid = pd.Series(pay[S.AMOUNT].to_numpy(float)).groupby([pay[S.PERSON_ID].to_numpy(), pay_m]).sum()
    by_person = {pid: dict(zip(grp.index.get_level_values(1), grp.to_numpy())) for pid, grp in paid.groupby(level=0)}
    cover_all = project.params.data.payments_cover_all_participants
    ended = project.participants[project.participants[S.END_DATE].notna()]
    had = less = none = not_paid = unknown = 0
    for pid, start, end in zip(ended[S.PERSON_ID], ended[S.START_DATE], ended[S.END_DATE]):
        own = by_person.get(pid)
        if own is None and not cover_all:
            unknown += 1
            continue
        own = own or {}
        s, e = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
        b0, b1, a0, a1 = max(s - months, lo), min(s - 1, hi), max(e + 1, lo), min(e + months, hi)
        if b1 < b0 or a1 < a0:
            unknown += 1
            continue
        before = sum(own.get(m, 0.0) for m in range(b0, b1 + 1)) / (b1 - b0 + 1)
        after = sum(own.get(m, 0.0) for m in range(a0, a1 + 1)) / (a1 - a0 + 1)
        if before <= 0:
            not_paid += 1
            continue
        had += 1
        less += int(after < before)
        none += int(after <= 0)
    return SupportNeed(len(ended), had, less, none, not_paid, unknown, months)


PHASES = ("before", "during", "after")


def _phase_means(persons: pd.DataFrame, payments: pd.DataFrame, window: int,
                 codes: tuple[pd.Index, np.ndarray, np.ndarray] | None = None) -> pd.DataFrame:
    """Mean försörjningsstöd per person-month in the ``window`` months before the start, during the
    enrolment (start month to end month) and the ``window`` months after the end month.

    A month without a payment row counts as 0 kr; only months inside the payments file's coverage
    count. Persons still enrolled have no 'after' months.
    """
    ended = persons[S.END_DATE].notna()
    start = (persons[S.START_DATE].dt.year * 12 + persons[S.START_DATE].dt.month - 1).to_numpy()
    end_dt = persons[S.END_DATE]
    end = np.where(ended, end_dt.dt.year.fillna(0) * 12 + end_dt.dt.month.fillna(1) - 1, np.iinfo(np.int32).max).astype(np.int64)
    pay_m = month_index(payments[S.MONTH]) if codes is None else codes[2]
    lo, hi = int(pay_m.min()), int(pay_m.max())
    # months each person has in each phase, clipped to the file's coverage
    b0, b1 = np.maximum(start - window, lo), np.minimum(start - 1, hi)
    d0, d1 = np.maximum(start, lo), np.minimum(np.where(ended, end, hi), hi)
    a0, a1 = np.maximum(end + 1, lo), np.minimum(end + window, hi)
    n_months = {ph: np.clip(e - s + 1, 0, None) for ph, (s, e) in zip(PHASES, ((b0, b1), (d0, d1), (a0, a1)))}
    n_months["after"] = np.where(ended, n_months["after"], 0)
    # each payment row with each enrolment of its person (a person enrolled twice has two)
    ids = persons[S.PERSON_ID].to_numpy()
    if pd.Index(ids).is_unique:
        # (with unique ids the distinct ids are the ids, in order: the project's codes are the rows)
        code = pd.Index(ids).get_indexer(payments[S.PERSON_ID].to_numpy()) if codes is None else codes[1]
        ok = code >= 0
        m, c, amt = pay_m[ok], code[ok], payments[S.AMOUNT].to_numpy(float)[ok]
    else:
        pairs = pd.DataFrame({"id": payments[S.PERSON_ID].to_numpy(), "m": pay_m,
                              "amt": payments[S.AMOUNT].to_numpy(float)}).merge(
            pd.DataFrame({"id": ids, "c": np.arange(len(ids))}), on="id")
        m, c, amt = pairs["m"].to_numpy(), pairs["c"].to_numpy(), pairs["amt"].to_numpy()
    person_of = pd.factorize(ids)[0]  # enrolment -> person, for counting persons and their shares
    phase = np.full(len(m), -1)
    phase[(m >= start[c] - window) & (m < start[c])] = 0
    phase[(m >= start[c]) & (m <= end[c])] = 1
    phase[(m > end[c]) & (m <= end[c] + window) & ended.to_numpy()[c]] = 2
    rows = []
    for i, ph in enumerate(PHASES):
        sel = phase == i
        total = amt[sel].sum()
        months = n_months[ph].sum()
        largest = np.bincount(person_of[c[sel]], weights=amt[sel]).max() if sel.any() else 0.0
        rows.append({"phase": ph, "persons": int(len(np.unique(person_of[n_months[ph] > 0]))), "person_months": int(months),
                     "mean_amount": total / months if months else np.nan, "largest": largest, "total": total})
    return pd.DataFrame(rows)


def payment_phases(project: Project, window: int | None = None) -> pd.DataFrame:
    """Mean monthly försörjningsstöd before, during and after participation, by group, per household and
    month: the units of :func:`compare_payments` (:func:`household_units`), since försörjningsstöd is paid
    per household. A household with several enrolments is one unit with the household's payments, its
    phases those of its first enrolment (the DiD's reference month is that start too); a person who shares
    no household is one unit, as before. ``persons`` counts these units.

    For comparison persons the same phases are measured around the dates in their file
    (``start_date`` and ``end_date``, the follow-up date). A phase with fewer units than the
    privacy threshold, or whose total one unit's payments dominate, is hidden. ``months`` is ``window``,
    the months before the start and after the exit that the phases take, on every row.
    """
    window = window or project.params.comparison.months_before
    if project.payments is None or not project.has_participants:
        return pd.DataFrame(columns=["group", "phase", "persons", "person_months", "mean_amount", "months"])
    units, paid, codes = _units(project)
    parts = [_phase_means(units, paid, window, codes).assign(group="participants")]
    if project.comparison is not None:
        units, paid, codes = _units(project, comparison=True)
        parts.append(_phase_means(units, paid, window, codes).assign(group="comparison"))
    out = pd.concat(parts, ignore_index=True)
    k, share = project.params.privacy.min_count, project.params.privacy.dominance
    hide = (out["persons"] < k) | dominated(out["largest"].to_numpy(), out["total"].to_numpy(), share)
    out.loc[hide, "mean_amount"] = np.nan
    # a phase no one of a group was in (comparison persons without an end date have no 'after') is no row
    out = out[out["persons"] > 0].reset_index(drop=True)
    out["months"] = window  # (the months before the start and after the exit that the phases take)
    return out[["group", "phase", "persons", "person_months", "mean_amount", "months"]]


def compare_exit_rates(project: Project, success_outcomes: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Share who left försörjningsstöd: ended participants who had it at start (:func:`_participants_who_left`)
    against comparison persons who had it at their reference date (status at follow-up), with exact (Clopper–Pearson) intervals, the goal table's, and one test of the difference (Fisher's exact test when an
    expected count is below 5, chi-square otherwise). Empty without a comparison group, and when either group
    has no one to count (no participant has ended, or no comparison person has an outcome at follow-up)."""
    from scipy import stats
    from statsmodels.stats.proportion import proportion_confint
    cols = ["group", "n", "successes", "rate", "ci_low", "ci_high", "test", "p_value"]
    if project.comparison is None or not project.has_participants:
        return pd.DataFrame(columns=cols)
    codes = success_outcomes or project.params.cost_benefit.success_outcomes
    kp, n_p = _participants_who_left(project, codes)
    c = comparison_could_leave(project)
    counts = [("participants", n_p, kp), ("comparison", len(c), int(c[S.OUTCOME].isin(codes).sum()))]
    if not all(n for _, n, _k in counts):  # (a test against a group of no one is no comparison)
        return pd.DataFrame(columns=cols)
    table = np.array([[k, n - k] for _, n, k in counts])
    if (stats.contingency.expected_freq(table) < 5).any():
        test, pval = "Fisher", float(stats.fisher_exact(table).pvalue)
    else:
        test, pval = "chi2", float(stats.chi2_contingency(table).pvalue)
    rows = []
    for g, n, k in counts:
        lo, hi = proportion_confint(k, n, method=CI_METHOD) if n else (np.nan, np.nan)
        rows.append({"group": g, "n": n, "successes": k, "rate": k / n if n else np.nan, "ci_low": lo, "ci_high": hi,
                     "test": test, "p_value": pval})
    out = pd.DataFrame(rows, columns=cols)
    k_min = project.params.privacy.min_count
    small = (out["successes"].between(1, k_min - 1)) | ((out["n"] - out["successes"]).between(1, k_min - 1))
    for col in ("rate", "ci_low", "ci_high"):
        out[col] = out[col].astype(object)
        out.loc[small, col] = ".."
    return out
