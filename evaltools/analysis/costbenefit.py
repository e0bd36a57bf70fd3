"""Cost-benefit: what the project cost against the försörjningsstöd it avoided, and for whom.

Method (every number is a parameter in ``params.cost_benefit`` with a sourced default; see
``docs/methods.md``):

* **Costs**: utfall (actual) where known, else budget, in one price year (KPI). A budget
  period that is a calendar year is priced in that year; ``hela`` (whole period) in the year the
  project ended; costs are discounted from the start of their period (``hela``: the project start).
* **Successful exits**: participants whose outcome is in ``success_outcomes`` (by default the
  outcomes that leave försörjningsstöd: work, subsidised work, studies, sickness or activity
  compensation, sickness benefit, another benefit). An active plan with another party does not
  end försörjningsstöd and saves nothing.
* **Benefit per exit**: the monthly försörjningsstöd avoided (own payments before start, riksnorm
  for the household plus housing, or a fixed amount), for ``horizon_years``, falling by
  ``dropoff_per_year`` each year, times (1 − deadweight), discounted monthly at ``discount_rate``
  from the exit month to the project start.
* **Deadweight**: from params if given; else from the comparison group (its success rate over the
  participants'); else the default 25 %, flagged as an assumption.
* **Perspectives**: the municipality saves the försörjningsstöd. A move to sickness or activity
  compensation, sickness benefit, studies or another benefit is paid by the state instead: a
  transfer, so the society total does not count it as a gain. Work adds earnings (only if
  ``work_earnings_sek_month`` is set): tax to the state, the rest to the individual, the whole to
  society. Project costs are shared by the Finsam members (``cost_shares``; own financing falls on
  the municipality).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from ..data import schema as S
from ..data.assumptions import REGISTRY, Range, bounds, tested_range
from .comparison import comparison_success_rates
from .goals import CI_METHOD, SuccessDefinition, project_successes, success_definition
from ..data.project import Project
from ..data.reference import RefValue, default, household_norm, price_factor
from .result import Money, Note, Result, Share, _jsonable, frame_records
from ..data.params import project_kind
from .comparison import compare_payments, reference_date_sensitivity


# --- costs ----------------------------------------------------------------------------
def _period_year(period: str, params) -> tuple[int, float]:
    """(price year, years from project start to the period's start) for a budget period label."""
    p = str(period).strip().lower()
    start = params.period.start
    if p.isdigit() and len(p) == 4:
        y = int(p)
        t0 = max(0.0, (dt.date(y, 1, 1) - start).days / 365.25)
        return y, t0
    if p.startswith("år") or p.startswith("year"):
        digits = "".join(ch for ch in p if ch.isdigit())
        n = int(digits) if digits else 1
        return start.year + n - 1, float(n - 1)
    return params.period.end.year, 0.0


class CostTable(Result):
    """Budget vs utfall per period and category, with differences, in nominal and fixed prices."""


def costs(project: Project, cost_basis: str = "actual_else_budget") -> CostTable:
    """What did the project cost? Budget and utfall per line, in current and fixed prices.

    Parameters
    ----------
    project
        A loaded project with a budget file.
    cost_basis
        ``"actual_else_budget"`` (default: utfall where known) or ``"budget"`` (ex-ante view).

    Returns
    -------
    CostTable
        ``table``: period, category, budget, actual, funder, difference, used_pct, used (what the
        cost-benefit analysis counts), price_year_factor, used_fixed (in the price year), t_years.

    Examples
    --------
    >>> et.costs(project).table["used"].sum()  # doctest: +SKIP
    """
    if cost_basis not in ("actual_else_budget", "budget"):
        raise ValueError(f"cost_basis must be 'actual_else_budget' or 'budget', got {cost_basis!r}")
    b = project.budget
    if b is None or b.empty:
        return CostTable(pd.DataFrame(columns=["period", "category", "budget", "actual", "difference", "used_pct",
                                               "used", "price_year_factor", "used_fixed", "t_years", "funder"]))
    params = project.params
    df = b[[S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL, S.FUNDER]].copy()
    df["difference"] = df[S.ACTUAL] - df[S.BUDGET]
    df["used_pct"] = df[S.ACTUAL] / df[S.BUDGET]
    if cost_basis == "budget":
        df["used"] = df[S.BUDGET].fillna(0.0)
    else:
        df["used"] = df[S.ACTUAL].where(df[S.ACTUAL].notna(), df[S.BUDGET]).fillna(0.0)
    years, ts = zip(*(_period_year(p, params) for p in df[S.PERIOD])) if len(df) else ((), ())
    overrides = dict(params.reference.kpi)
    df["price_year_factor"] = [price_factor(y, params.price_year, overrides)[0] for y in years]
    df["used_fixed"] = df["used"] * df["price_year_factor"]
    df["t_years"] = list(ts)
    return CostTable(df.reset_index(drop=True))


@dataclass(frozen=True)
class BudgetUse:
    """How much of the budget has been used, counted once for page 1, the budget table and the portfolio.

    The share compares like with like: the actual amounts against the budget of the same lines. A line
    without an actual amount yet is left out of both (its budget is not "unused", it is not yet
    accounted for).

    Attributes
    ----------
    budget_total
        The budget of every line (current prices).
    lines_with_actual, lines_without_actual
        Budgeted lines with and without an actual amount.
    budget_with_actual
        The budget of the lines that have an actual amount.
    actual_total
        The actual amounts (NaN when no line has one).
    share
        ``actual_total / budget_with_actual``; NaN when no line has an actual or their budget is 0.
    """

    budget_total: float
    budget_with_actual: float
    actual_total: float
    lines_with_actual: int
    lines_without_actual: int

    @property
    def share(self) -> float:
        if not self.lines_with_actual or not self.budget_with_actual > 0 or np.isnan(self.actual_total):
            return float("nan")
        return self.actual_total / self.budget_with_actual

    @property
    def difference(self) -> float:
        """Actual minus budget over the lines that have an actual amount."""
        return self.actual_total - self.budget_with_actual if self.lines_with_actual else float("nan")


def budget_use(table: pd.DataFrame) -> BudgetUse:
    """:class:`BudgetUse` of a cost table (:func:`costs`), or of any frame with budget and actual columns."""
    if table is None or not len(table):
        return BudgetUse(0.0, 0.0, float("nan"), 0, 0)
    has = table[S.ACTUAL].notna()
    budgeted = table[S.BUDGET].notna()
    return BudgetUse(budget_total=float(table[S.BUDGET].sum()),
                     budget_with_actual=float(table.loc[has, S.BUDGET].sum()),
                     actual_total=float(table.loc[has, S.ACTUAL].sum()) if has.any() else float("nan"),
                     lines_with_actual=int(has.sum()), lines_without_actual=int((~has & budgeted).sum()))


# --- assumptions ------------------------------------------------------------------------
@dataclass(frozen=True)
class UsedAssumption:
    """The value one assumption of :data:`evaltools.data.assumptions.REGISTRY` took in a calculation,
    where it came from, and whether that source is weak (``flagged``)."""

    name: str
    value: float
    source: Note | str  # the evaluator's own text from the params file, else a note worded by the words layer
    flagged: bool = False


def _riksnorm_levels(project: Project, succ: pd.DataFrame) -> tuple[np.ndarray, list[RefValue], float]:
    """Riksnorm for each leaver's household plus housing, in price-year prices; with no leavers,
    the level of one adult living alone (what a requirement is counted at)."""
    params, ml = project.params, project.params.cost_benefit.monthly_level
    py, kpi_over = params.price_year, dict(params.reference.kpi)
    fh, used_refs = price_factor(ml.housing_year, py, kpi_over)
    known = ("ensamstående", "ensamstående_med_barn", "sambo_utan_barn", "sambo_med_barn")
    if len(succ):
        types = succ[S.HOUSEHOLD_TYPE].where(succ[S.HOUSEHOLD_TYPE].isin(known), "ensamstående")
        kids = succ[S.N_CHILDREN].fillna(0).astype(int)
    else:
        types, kids = pd.Series(["ensamstående"]), pd.Series([0])
    combos = pd.DataFrame({"ht": types.to_numpy(), "kids": kids.to_numpy()}).drop_duplicates()
    norms = []
    for ht, nk in combos.itertuples(index=False):  # one lookup per household kind, not per person
        norm, vals = household_norm(py, ht, int(nk), ml.child_age_band, dict(params.reference.riksnorm))
        used_refs = [*used_refs, *vals]
        norms.append(norm + ml.housing_sek * fh)
    combos["level"] = norms
    level = (pd.DataFrame({"ht": types.to_numpy(), "kids": kids.to_numpy()})
             .merge(combos, on=["ht", "kids"], how="left")["level"].to_numpy(float))
    return (level if len(succ) else level[:0]), used_refs, float(level.mean())


def _monthly_levels(project: Project, succ: pd.DataFrame) -> tuple[np.ndarray, list[UsedAssumption], list[RefValue]]:
    """Monthly försörjningsstöd avoided per successful exit, in price-year prices.

    Without leavers the assumption row carries the level a requirement is counted at: the fixed
    amount where the params give one, else riksnorm for one adult living alone plus housing.
    """
    params, cb = project.params, project.params.cost_benefit
    ml = cb.monthly_level
    py = params.price_year
    kpi_over = dict(params.reference.kpi)
    used_refs: list[RefValue] = []
    method = ml.method
    if method == "own_payments" and (project.payments is None or not len(succ)):
        method = "fixed" if ml.amount_sek else "riksnorm"
    if method == "fixed":  # (the params require both with method fixed; a fallback takes the price year)
        amount, year = float(ml.amount_sek or 0.0), ml.amount_year or py
        f, refs = price_factor(year, py, kpi_over)
        used_refs += refs
        level = np.full(len(succ), amount * f)
        src = ml.source or Note.of("assumption.params_file")
        return level, [UsedAssumption("monthly_level", float(amount * f),
                                      Note.of("assumption.monthly_level_fixed_source", amount=Money(amount),
                                              year=str(year), source=src),
                                      flagged=ml.method == "own_payments")], used_refs
    if method == "riksnorm":
        level, used_refs, mean = _riksnorm_levels(project, succ)
        flag = any(v.flagged for v in used_refs)
        # (with no leavers: the level of one adult living alone, what a requirement is counted at)
        key = "assumption.monthly_level_riksnorm_source" if len(succ) else "assumption.monthly_level_riksnorm_single_source"
        return level, [UsedAssumption("monthly_level", mean,
                                      Note.of(key, price_year=str(py),
                                              housing=Money(ml.housing_sek), housing_year=str(ml.housing_year)),
                                      flag)], used_refs
    # own payments in the months before start, deflated to the price year
    pay = project.payments
    assert pay is not None  # (checked above: without payments the method falls back)
    start_m = succ[[S.PERSON_ID, S.START_DATE]].copy()
    start_m["m0"] = start_m[S.START_DATE].dt.year * 12 + start_m[S.START_DATE].dt.month - 1
    p = pay[pay[S.PERSON_ID].isin(start_m[S.PERSON_ID])].merge(start_m[[S.PERSON_ID, "m0"]], on=S.PERSON_ID)
    p["m"] = p[S.MONTH].dt.year * 12 + p[S.MONTH].dt.month - 1
    # the window ends gap_before_start months before the start: payments rise as enrolment nears
    # (the samples: about 18 % higher in the 6 months before the start than in months −12 to −7)
    hi = p["m0"] - ml.gap_before_start
    p = p[(p["m"] < hi) & (p["m"] >= hi - ml.months_before_start)]
    years = p[S.MONTH].dt.year
    fac = {y: price_factor(int(y), py, kpi_over)[0] for y in years.unique()}
    p["fixed"] = p[S.AMOUNT] * years.map(fac)
    # per enrolment: a person who left twice has two start months, each with its own months before
    per_enrolment = p.groupby([S.PERSON_ID, "m0"])["fixed"].sum() / ml.months_before_start
    level = per_enrolment.reindex(pd.MultiIndex.from_frame(start_m[[S.PERSON_ID, "m0"]])).to_numpy(float)
    missing = np.isnan(level)
    if missing.all():  # nobody's own payments in the window: riksnorm for their households (a general source)
        level, used_refs, _ = _riksnorm_levels(project, succ)
        return level, [UsedAssumption("monthly_level", float(level.mean()),
                                      Note.of("assumption.monthly_level_riksnorm_source", price_year=str(py),
                                              housing=Money(ml.housing_sek), housing_year=str(ml.housing_year)),
                                      True)], used_refs
    if missing.any():
        level[missing] = np.nanmedian(level)
    return level, [UsedAssumption("monthly_level", float(np.nanmean(level)) if len(level) else np.nan,
                                  Note.of("assumption.monthly_level_own_source",
                                          first=str(ml.months_before_start + ml.gap_before_start),
                                          last=str(ml.gap_before_start + 1),
                                          missing=(Note.of("assumption.monthly_level_own_missing", n=int(missing.sum()))
                                                   if missing.any() else "")),
                                  bool(missing.any()))], used_refs


def annuity_factor(horizon_years: float | np.ndarray, dropoff: float | np.ndarray, rate: float | np.ndarray) -> np.ndarray:
    """Sum over the horizon's months of (1 − dropoff)^(whole years passed) / (1 + rate)^(months/12).

    ``horizon_years`` may be an array (one horizon per draw): months beyond a draw's horizon count 0.
    """
    h_months = np.round(np.asarray(horizon_years, float) * 12).astype(int)
    m = np.arange(int(h_months.max()) if h_months.size else 0)
    d = np.asarray(dropoff, float)[..., None]
    r = np.asarray(rate, float)[..., None]
    inside = m < h_months[..., None]
    return ((1 - d) ** (m // 12) / (1 + r) ** (m / 12) * inside).sum(axis=-1)


# --- actors, perspectives and the ledger ----------------------------------------------------
# The ledger's actors: every flow is booked on them, so each transfer sums to zero over them.
LEDGER_ACTORS = ("kommun", "region", "stat", "fk", "individ", "arbetsgivare")
# A perspective is a set of ledger actors ("samhälle": all of them, plus the skattefaktor).
PERSPECTIVES: dict[str, tuple[str, ...]] = {
    "kommun": ("kommun",), "region": ("region",), "stat": ("stat", "fk"), "fk": ("fk",), "individ": ("individ",),
    "offentliga": ("kommun", "region", "stat", "fk"), "samhälle": LEDGER_ACTORS,  # (employers count only in society's)
}
# The outcome whose wage the state subsidises (lönebidrag, nystartsjobb and the like, through Arbetsförmedlingen).
SUBSIDISED_WORK = "arbete_med_stöd"
# Which actor pays instead when a person leaves försörjningsstöd for a benefit: a transfer.
BENEFIT_PAYER = {"sjuk_aktivitetsersättning": "fk", "sjukpenning": "fk", "studier": "stat", "annan_ersättning": "stat"}


def is_structural(project: Project) -> bool:
    """A structural project: no participant work to count and no expected volumes to check.

    Such a project changes how the members work together (a method, a routine, a coordination
    function). Its cost is real, but there are no exits to value, so the toolkit states the cost
    and what it would take to carry it, and computes no NPV, Monte Carlo or tornado.
    """
    if project_kind(project) == "struktur":
        return True
    if project.has_participants:
        return False
    e = project.params.expected  # (a project with neither participants nor volumes yet: nothing to value)
    return e is None or not (e.successes_per_year or e.participants_per_year)


def _month(ts: pd.Timestamp | dt.date) -> int:
    return ts.year * 12 + ts.month - 1


def _months(dates: pd.Series) -> pd.Series:
    """:func:`_month` of every date in a column, vectorised (no Python call per row)."""
    d = pd.to_datetime(dates)
    return d.dt.year * 12 + d.dt.month - 1


def _first_month_from(day: pd.Timestamp) -> int:
    """The first whole month starting on or after ``day`` (an exit on the 1st saves that month)."""
    return _month(day) + (0 if day.day == 1 else 1)


def _cost_months(period: str, params) -> tuple[int, int]:
    """(first, last) month index from the project start over which a budget line is spread."""
    p = str(period).strip().lower()
    s0, end = _month(params.period.start), _month(params.period.end)
    last_project = max(end - s0, 0)
    if p.isdigit() and len(p) == 4:
        y = int(p)
        a, b = max(y * 12 - s0, 0), min(y * 12 + 11 - s0, last_project)
        return (a, b) if b >= a else (max(y * 12 - s0, 0),) * 2
    if p.startswith("år") or p.startswith("year"):
        digits = "".join(ch for ch in p if ch.isdigit())
        n = int(digits) if digits else 1
        a, b = 12 * (n - 1), min(12 * n - 1, last_project)
        return (a, b) if b >= a else (a, a)
    return 0, last_project


# --- the analysis ---------------------------------------------------------------------
_NO_COST = ("total_cost_nominal", "total_cost_fixed", "budget_total", "cost_per_participant", "cost_per_success",
            "cost_per_exit_from_fs", "pv_cost", "npv", "bcr", "payback_months", "break_even_exits",
            "break_even_person_years", "break_even_person_years_application", "switching_deadweight")
_NO_BENEFIT = ("pv_benefit", "npv", "bcr", "payback_months", "break_even_exits", "switching_deadweight")


def _unknown(names: tuple[str, ...]) -> dict[str, Any]:
    """The figures ``names`` as unknown (NaN), for :func:`dataclasses.replace`."""
    return dict.fromkeys(names, np.nan)


@dataclass(frozen=True)
class CostSummary:
    """The cost-benefit's headline figures for the lead perspective (``perspective``), one object
    that page 1, the cost-benefit section, the workbook, the what-if panel and the portfolio read.

    Costs are in kronor: ``*_nominal`` and ``cost_per_*`` in current prices (what was paid),
    ``*_fixed`` in ``price_year`` prices, ``pv_*`` and ``npv`` present values in ``price_year``
    prices at the params' discount rate and horizon. A figure that cannot be computed (no budget
    file, a structural project's benefit) is NaN, never 0.

    Attributes
    ----------
    mode
        ``"observed"``, ``"ex_ante"`` (an application check) or ``"structural"``.
    success_definition
        What the project's main goal counts as a success (``goal_successes`` counts them;
        ``cost_per_success`` divides by them). ``successes`` counts exits from försörjningsstöd,
        the benefit's basis (``cost_per_exit_from_fs`` divides by them).
    deadweight_source, dropoff_source
        Codes: ``params`` / ``comparison`` / ``default``; ``observed`` / ``assumed``.
    level_source
        Where the monthly level a requirement is counted at comes from (structural projects and
        projects without leavers), else ``None``.
    """

    mode: str
    perspective: str
    price_year: int
    total_cost_nominal: float
    total_cost_fixed: float
    budget_total: float
    actual_total: float
    participants: int
    ended: int
    successes: int
    cost_per_participant: float
    success_definition: SuccessDefinition
    goal_successes: int
    cost_per_success: float
    cost_per_exit_from_fs: float
    monthly_level: float
    pv_cost: float
    pv_avoided_fs: float
    pv_benefit: float
    npv: float
    bcr: float
    payback_months: float
    break_even_exits: float
    break_even_person_years: float
    break_even_person_years_application: float
    switching_deadweight: float
    deadweight: float
    deadweight_source: str
    dropoff_source: str
    earnings_valued: bool
    skattefaktor: float
    has_comparison: bool
    level_source: Note | str | None = None

    def as_dict(self) -> dict:
        """The figures by name (for exports)."""
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


@dataclass(frozen=True)
class NpvSpread:
    """One perspective's simulated NPVs: the share of draws above zero and the 5th, 50th and 95th
    percentiles (kronor, present value)."""

    p_npv_positive: float
    npv_p05: float
    npv_median: float
    npv_p95: float


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """The Monte Carlo at the params horizon: ``draws`` seeded draws (``seed``) of the uncertain
    assumptions (``varied`` says which); the lead perspective's spread (``p_npv_positive`` …,
    ``npv_draws`` every draw) and each perspective's (``by_perspective``). ``ex_ante`` for an
    application check."""

    draws: int
    seed: int
    perspective: str
    p_npv_positive: float
    npv_p05: float
    npv_median: float
    npv_p95: float
    npv_draws: np.ndarray
    by_perspective: dict[str, NpvSpread]
    ex_ante: bool
    varied: Note

    def as_dict(self) -> dict:
        return {"draws": self.draws, "seed": self.seed, "perspective": self.perspective,
                "p_npv_positive": self.p_npv_positive, "npv_p05": self.npv_p05, "npv_median": self.npv_median,
                "npv_p95": self.npv_p95, "ex_ante": self.ex_ante,
                "by_perspective": {p: s.__dict__ for p, s in self.by_perspective.items()}}


@dataclass(frozen=True)
class EffectBased:
    """The benefit from the project's own measured effect (see :func:`effect_based`), for one
    ``perspective``: the DiD effect per participant and month (``did_*``, kronor, current prices),
    the present values at ``horizon_years`` in price-year prices, and, when simulated, the share of
    ``draws`` with a positive NPV and its 5th and 95th percentiles. ``unreliable`` when the placebo
    test rejected the comparison design."""

    did_effect: float
    did_se: float
    did_ci_low: float
    did_ci_high: float
    price_factor: float
    perspective: str
    horizon_years: float
    pv_avoided_fs: float
    share_of_saving: float
    pv_benefit: float
    pv_cost: float
    npv: float
    bcr: float
    participants: int
    unreliable: bool
    p_npv_positive: float | None = None
    npv_p05: float | None = None
    npv_p95: float | None = None
    draws: int = 0
    reference_low: float | None = None  # the DiD's range over the reference dates tried (drawn in the simulation)
    reference_high: float | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CostBenefitResult(Result):
    """NPV, BCR, payback and break-even per perspective, the ledger they come from, and the
    assumptions used.

    ``table`` has one row per perspective (kommun, region, stat, of which Försäkringskassan,
    individ, the public financiers together, society); ``ledger`` every flow per actor;
    ``summary`` the lead perspective's figures (``summary.perspective`` says whose).
    """

    summary: CostSummary | None = None
    assumptions: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    sensitivity_by_perspective: dict | None = None  # perspective -> its one-at-a-time sensitivity
    monte_carlo: MonteCarlo | None = None
    reference_values: pd.DataFrame | None = None
    effect_based: EffectBased | None = None
    ledger: pd.DataFrame | None = None
    persistence: pd.DataFrame | None = None
    simulation: Simulation | None = None  # the horizon of every simulated probability, and the draws
    budget_use: BudgetUse | None = None  # the one share of the budget used (page 1, budget table, portfolio)

    def to_dict(self) -> dict:
        d = super().to_dict()
        mc = self.monte_carlo.as_dict() if self.monte_carlo is not None else {}
        summary = self.summary.as_dict() if self.summary is not None else {}
        d.update({"summary": {k: _jsonable(v) for k, v in summary.items()},
                  "assumptions": frame_records(self.assumptions), "sensitivity": frame_records(self.sensitivity),
                  "ledger": frame_records(self.ledger), "monte_carlo": mc,
                  "effect_based": ({k: _jsonable(v) for k, v in self.effect_based.as_dict().items()}
                                   if self.effect_based is not None else None)})
        sim = self.simulation
        if sim is not None:  # the horizon the probabilities belong to, and the separate range result
            hr = sim.horizon_range
            d["simulation"] = {"horizon_years": sim.horizon_years, "horizon_range": None if hr is None else {
                "horizon_low": hr.horizon_low, "horizon_high": hr.horizon_high, "perspective": hr.perspective,
                "p_npv_positive": dict(hr.p_npv_positive)}}
        if self.budget_use is not None:
            bu = self.budget_use
            d["budget_use"] = {"budget_total": bu.budget_total, "budget_with_actual": bu.budget_with_actual,
                               "actual_total": _jsonable(bu.actual_total), "share": _jsonable(bu.share),
                               "lines_with_actual": bu.lines_with_actual, "lines_without_actual": bu.lines_without_actual}
        return d


@dataclass(frozen=True)
class _Model:
    """Everything the per-perspective NPV needs, so sensitivity and Monte Carlo can re-run it cheaply.

    All flows sit on one monthly grid counted from the project's start month: costs spread over
    their budget period's months, benefits from the first whole month after each exit. Month k is
    discounted by (1 + rate)^(−k/12).
    """

    level_by_exit: np.ndarray  # kr/month per success (price-year prices)
    exit_m: np.ndarray  # month index of each success's first month without försörjningsstöd
    payer: np.ndarray  # ledger actor that pays a benefit instead ("" for work)
    is_work: np.ndarray
    cost_actual: dict  # ledger actor -> monthly cost from settled lines (price-year kr)
    cost_budget: dict  # ledger actor -> monthly cost from budget-only lines
    horizon: float
    dropoff: float
    deadweight: float
    rate: float
    earnings: float
    tax: float
    skattefaktor: float
    shares: dict
    tax_share_region: float = 0.0  # the regional part of the income tax on earnings; the rest is the municipality's
    subsidy: float = 0.0  # kr/month the state pays an employer for each exit to subsidised work (price-year prices)
    subsidy_years: float = 1.0  # for how long after the exit (at most the horizon)
    is_subsidised: np.ndarray | None = None  # per success: an exit to subsidised work (arbete_med_stöd)

    def sub_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr of wage subsidy (a transfer from the state,
        through Arbetsförmedlingen, to the employer)."""
        sub = self.is_subsidised if self.is_subsidised is not None else np.zeros(len(self.payer), bool)
        return sub.astype(float) * {"stat": -1.0, "arbetsgivare": 1.0}.get(actor, 0.0)

    @property
    def t_exit(self) -> np.ndarray:  # (years; kept for callers)
        return self.exit_m / 12

    def fs_coef(self, actor: str) -> np.ndarray:
        """Per success: the ledger actor's share of each kr of försörjningsstöd not paid."""
        if actor == "kommun":
            return np.ones(len(self.payer))
        if actor == "individ":
            return -1.0 + (self.payer != "")
        return -(self.payer == actor).astype(float)

    def earn_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr earned. Income tax on earnings at this level is
        municipal and regional tax (no state income tax below the threshold)."""
        w = self.is_work.astype(float) if self.earnings > 0 else np.zeros(len(self.payer))
        return w * self._tax_split().get(actor, 0.0)

    def _tax_split(self) -> dict[str, float]:
        return {"individ": 1 - self.tax, "kommun": self.tax * (1 - self.tax_share_region),
                "region": self.tax * self.tax_share_region}

    def weights(self, perspective: str, level_mult: float = 1.0) -> np.ndarray:
        """Per success: the perspective's monthly gain for as long as the exit lasts (kr)."""
        actors = PERSPECTIVES[perspective]
        return sum(self.fs_coef(a) * self.level_by_exit * level_mult + self.earn_coef(a) * self.earnings
                   for a in actors)

    def sub_weights(self, perspective: str, subsidy: float | None = None) -> np.ndarray:
        """Per success: the perspective's monthly wage-subsidy flow, for the subsidy's first ``subsidy_years``."""
        sub = self.subsidy if subsidy is None else subsidy
        return sum((self.sub_coef(a) * sub for a in PERSPECTIVES[perspective]), np.zeros(len(self.payer)))

    def cost_stream(self, perspective: str, cost_mult: float = 1.0) -> np.ndarray:
        """The project's cost borne by the perspective's actors, per month (price-year kr)."""
        actors = PERSPECTIVES[perspective]
        n = max(len(v) for v in self.cost_actual.values())
        out = np.zeros(n)
        for a in actors:
            out += self.cost_actual.get(a, 0.0) + self.cost_budget.get(a, 0.0) * cost_mult
        return out

    def pv_costs(self, perspective: str = "samhälle", rate=None, cost_mult=1.0) -> float:
        """Present value of the project's cost borne by the perspective (without the skattefaktor)."""
        r = self.rate if rate is None else rate
        c = self.cost_stream(perspective, cost_mult)
        return float((c / (1 + r) ** (np.arange(len(c)) / 12)).sum())

    def excess_burden(self, skattefaktor: float | None = None, cost_mult: float = 1.0, **kw) -> float:
        """Present value of the marginal cost of public funds in society's account: (skattefaktor − 1)
        times the *net* effect on public budgets (the public cost minus the public savings it brings;
        negative when the public budgets gain). ``kw`` as :meth:`pv_benefit`."""
        sf = self.skattefaktor if skattefaktor is None else skattefaktor
        net = self.pv_costs("offentliga", kw.get("rate"), cost_mult) - self.pv_benefit("offentliga", **kw)
        return (sf - 1) * net

    def pv_benefit(self, perspective: str, level_mult=1.0, horizon=None, dropoff=None, deadweight=None, rate=None,
                   success_mult=1.0, subsidy=None) -> float:
        r = self.rate if rate is None else rate
        a = annuity_factor(self.horizon if horizon is None else horizon, self.dropoff if dropoff is None else dropoff, r)
        dw = self.deadweight if deadweight is None else deadweight
        disc = (1 + r) ** (-self.exit_m / 12)
        h = self.horizon if horizon is None else horizon
        a_sub = annuity_factor(np.minimum(h, self.subsidy_years), self.dropoff if dropoff is None else dropoff, r)
        flows = (self.weights(perspective, level_mult) * disc).sum() * a
        flows = flows + (self.sub_weights(perspective, subsidy) * disc).sum() * a_sub
        return float(flows * (1 - dw) * success_mult)

    def pv_fs(self, **kw) -> float:
        """The municipality's avoided försörjningsstöd (gross of any cost), present value."""
        return self.pv_benefit("kommun", **kw)

    def npv(self, perspective: str = "offentliga", skattefaktor: float | None = None, cost_mult: float = 1.0,
            **kw) -> float:
        out = self.pv_benefit(perspective, **kw) - self.pv_costs(perspective, kw.get("rate"), cost_mult)
        if perspective == "samhälle":
            out -= self.excess_burden(skattefaktor, cost_mult, **kw)
        return out

    def keep(self) -> np.ndarray:
        """Share of a success's monthly saving kept in each month after exit (drop-off and deadweight)."""
        m = np.arange(int(round(self.horizon * 12)))
        return (1 - self.dropoff) ** (m // 12) * (1 - self.deadweight)

    def benefit_stream(self, actor: str, item: str) -> np.ndarray:
        """Monthly flow of one ledger item to one actor, undiscounted."""
        keep = self.keep()
        n = int(self.exit_m.max() + len(keep) + 1) if len(self.exit_m) else 1
        grid = np.zeros(n)
        if item == "forsorjningsstod":
            per = self.level_by_exit * (1.0 if actor == "kommun" else -1.0 if actor == "individ" else 0.0)
        elif item.startswith("ersattning_"):
            payer = item.removeprefix("ersattning_")
            per = self.level_by_exit * (self.payer == payer) * (-1.0 if actor == payer else 1.0 if actor == "individ" else 0.0)
        elif item == "arbetsinkomst":
            per = self.earnings * self.is_work * (1.0 if actor == "individ" else 0.0)
        elif item == "lonestod":
            per = self.subsidy * self.sub_coef(actor)
            keep = keep[:int(round(min(self.horizon, self.subsidy_years) * 12))]
        elif item == "skatt":
            split = self._tax_split()
            per = self.earnings * self.is_work * (-self.tax if actor == "individ" else split.get(actor, 0.0)
                                                  if actor in ("kommun", "region") else 0.0)
        else:
            raise ValueError(item)
        if len(self.exit_m) and np.any(per):
            idx = self.exit_m[:, None] + np.arange(len(keep))[None, :]
            np.add.at(grid, idx.ravel(), (per[:, None] * keep[None, :]).ravel())
        return grid


BENEFIT_ITEMS = {"forsorjningsstod": "transfer", "ersattning_fk": "transfer", "ersattning_stat": "transfer",
                 "lonestod": "transfer", "arbetsinkomst": "resource", "skatt": "transfer"}


def _ledger(m: _Model) -> tuple[pd.DataFrame, dict[tuple[str, str], np.ndarray]]:
    """Every flow per ledger actor (present values, price-year kr), and the monthly streams.

    Transfers (försörjningsstöd, the benefit paid instead, tax on earnings) move money between
    actors and sum to zero over them; resources (the project's cost, earnings from work, the
    skattefaktor's excess burden of the tax-financed cost) are real gains or losses. Rows with no
    flow are left out.
    """
    rows, streams = [], {}

    def disc(n: int) -> np.ndarray:
        return (1 + m.rate) ** (-np.arange(n) / 12)

    for item, kind in BENEFIT_ITEMS.items():
        if item in ("arbetsinkomst", "skatt") and not m.earnings > 0 or item == "lonestod" and not m.subsidy > 0:
            continue
        for actor in LEDGER_ACTORS:
            s = m.benefit_stream(actor, item)
            if np.any(s):
                streams[(item, actor)] = s
                rows.append({"item": item, "kind": kind, "actor": actor, "pv": float((s * disc(len(s))).sum())})
    for actor in LEDGER_ACTORS:
        c = m.cost_actual[actor] + m.cost_budget[actor]
        if np.any(c):
            streams[("projektkostnad", actor)] = -c
            rows.append({"item": "projektkostnad", "kind": "resource", "actor": actor, "pv": -float((c * disc(len(c))).sum())})
    # the skattefaktor on the net effect on public budgets: public cost minus the public savings
    public = [a for a in PERSPECTIVES["offentliga"]]
    total = sum(m.cost_actual[a] + m.cost_budget[a] for a in public)
    gained = [s for (item, a), s in streams.items() if a in public and item != "projektkostnad"]
    if m.skattefaktor != 1 and np.ndim(total) and np.any(total):
        extra = -(m.skattefaktor - 1) * _padded_sum([total, *(-g for g in gained)])
        streams[("skattefaktor", "samhälle")] = extra
        rows.append({"item": "skattefaktor", "kind": "resource", "actor": "samhälle",
                     "pv": float((extra * disc(len(extra))).sum())})
    return pd.DataFrame(rows, columns=["item", "kind", "actor", "pv"]), streams


def _padded_sum(streams: list[np.ndarray]) -> np.ndarray:
    """Monthly streams of different lengths summed on one grid from month 0."""
    out = np.zeros(max([1, *(len(s) for s in streams)]))
    for s in streams:
        out[:len(s)] += s
    return out


def _payback(benefit: np.ndarray, cost: np.ndarray, rate: float) -> float:
    """Months from the project start until the discounted cumulative net stays at or above zero
    (benefits and costs on the same monthly grid); NaN when it never does."""
    n = max(len(benefit), len(cost))
    net = np.zeros(n)
    net[:len(benefit)] += benefit
    net[:len(cost)] -= cost
    if not np.any(cost):
        return np.nan
    cum = np.cumsum(net / (1 + rate) ** (np.arange(n) / 12))
    if cum[-1] < 0:
        return np.nan
    below = np.flatnonzero(cum < -1e-6)
    return float(below[-1] + 2) if len(below) else 1.0


def _perspectives(m: _Model, ledger: pd.DataFrame, streams: dict, n_success: int) -> pd.DataFrame:
    """One row per perspective: cost borne, benefit, NPV, BCR, payback, break-even, switching deadweight."""
    earnings_unvalued = not m.earnings > 0 and bool(m.is_work.any())
    rows = []
    for p, actors in PERSPECTIVES.items():
        in_p = ledger["actor"].isin(actors) | ((ledger["actor"] == "samhälle") & (p == "samhälle"))
        cost_rows = in_p & ledger["item"].isin(["projektkostnad", "skattefaktor"])
        c = -float(ledger.loc[cost_rows, "pv"].sum())
        b = float(ledger.loc[in_p & ~cost_rows, "pv"].sum())
        b_stream = _padded_sum([s for (item, a), s in streams.items()
                                if (a in actors) and item not in ("projektkostnad", "skattefaktor")])
        c_stream = -_padded_sum([s for (item, a), s in streams.items()
                                 if (a in actors or (p == "samhälle" and a == "samhälle"))
                                 and item in ("projektkostnad", "skattefaktor")])
        note: Note | str = ""
        if earnings_unvalued and p == "individ":
            b, note = np.nan, Note.of("assumption.actor_individual")
        elif earnings_unvalued and p == "samhälle":
            note = Note.of("assumption.actor_society")
        npv = b - c
        b0 = b / (1 - m.deadweight) if m.deadweight < 1 and not np.isnan(b) else np.nan
        switching = 1 - c / b0 if (c > 0 and b0 > 0) else np.nan
        rows.append({
            "perspective": p, "pv_cost": c, "pv_benefit": b, "npv": npv,
            "bcr": b / c if c > 0 and not np.isnan(b) else np.nan,
            "payback_months": _payback(b_stream, c_stream, m.rate) if n_success and not np.isnan(b) else np.nan,
            "break_even_exits": c / (b / n_success) if (n_success and b > 0 and c > 0) else np.nan,
            "switching_deadweight": switching if 0 <= switching <= 1 else np.nan,
            "lower_bound": bool(earnings_unvalued and p == "samhälle"),
            "note": note,
        })
    return pd.DataFrame(rows)


# the model's argument that each varied assumption of the registry sets, and the model's value of it
_MODEL_VALUES = {"horizon_years": "horizon", "dropoff_per_year": "dropoff", "deadweight": "deadweight",
                 "discount_rate": "rate", "skattefaktor": "skattefaktor", "wage_subsidy_sek_month": "subsidy"}
_MODEL_ARGS = {"monthly_level": "level_mult", "horizon_years": "horizon", "dropoff_per_year": "dropoff",
               "deadweight": "deadweight", "discount_rate": "rate", "cost": "cost_mult",
               "skattefaktor": "skattefaktor", "successes": "success_mult", "wage_subsidy_sek_month": "subsidy"}
SENSITIVITY_COLUMNS = ["parameter", "low_value", "high_value", "npv_low", "npv_high", "range", "npv_base", "perspective"]


def _sensitivity_ends(m: _Model, info: dict, cb) -> list[tuple[str, float, float, dict, dict]]:
    """For each assumption the registry varies: (name, lower value, upper value, model arguments at
    the lower end, at the upper end). Relative ranges multiply the calculation's own value; the
    number of exits is its exact 95 % interval, the goal table's (ex ante: a range around the application's figure)."""
    n, k = info.get("n_ended", 0), info.get("n_success", 0)
    out = []
    for name in REGISTRY.varied:
        a, arg = REGISTRY[name], _MODEL_ARGS[name]
        if a.range is Range.INTERVAL:
            if info.get("mode") == "ex_ante" and k > 0:
                lo, hi = bounds(name, cb)
                out.append((name, lo * k, hi * k, {arg: lo}, {arg: hi}))
            elif n > 0 and k > 0:
                lo, hi = proportion_confint(k, n, method=CI_METHOD)
                out.append((name, lo * n, hi * n, {arg: lo * n / k}, {arg: hi * n / k}))
            continue
        value = getattr(m, _MODEL_VALUES[name]) if name in _MODEL_VALUES else None
        lo, hi = tested_range(name, value, cb)
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


def _assumption_frame(assumptions: list[UsedAssumption], cb, tested: bool = True) -> pd.DataFrame:
    """The assumptions used, in the registry's order, with the registry's unit code and the range
    the sensitivity analysis tests (``lower``, ``upper``; empty when it is not varied, and for every
    assumption when no sensitivity analysis was run: ``tested`` false)."""
    by_name = {a.name: a for a in assumptions}
    rows = []
    for name in REGISTRY.table:
        if name not in by_name:
            continue
        a, reg = by_name[name], REGISTRY[name]
        lo, hi = (tested_range(name, a.value, cb) if tested and reg.range in (Range.ABSOLUTE, Range.RELATIVE)
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


@dataclass(frozen=True, eq=False)
class SimulationDraws:
    """What the Monte Carlo drew, one value per draw, so that any simulated figure can be recomputed.

    ``horizon_years`` is the horizon of every draw in the main simulation (the params horizon, held
    fixed); ``horizon_varied`` the horizon drawn over the range, used only by
    :class:`HorizonRangeSimulation`. The other arrays are shared by both.
    """

    success_mult: np.ndarray
    deadweight: np.ndarray
    dropoff: np.ndarray
    level_mult: np.ndarray
    cost_mult: np.ndarray
    horizon_years: np.ndarray
    horizon_varied: np.ndarray


@dataclass(frozen=True, eq=False)
class HorizonRangeSimulation:
    """The same draws with the horizon also varied over a range: a figure of its own, stated as over
    that range and never beside a point figure at one horizon.

    ``p_npv_positive`` maps each perspective to its share of draws with NPV > 0; ``npv_draws`` are
    the lead perspective's.
    """

    horizon_low: float
    horizon_high: float
    perspective: str
    p_npv_positive: dict
    npv_draws: np.ndarray


@dataclass(frozen=True, eq=False)
class Simulation:
    """How the Monte Carlo's figures relate to the point figures.

    Every probability in ``CostBenefitResult.monte_carlo`` comes from draws at ``horizon_years``,
    the horizon of the NPV it is shown beside; ``horizon_range`` is the separate result over a range.
    """

    horizon_years: float
    draws: SimulationDraws
    horizon_range: HorizonRangeSimulation | None


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
    n, k = info.get("n_ended", 0), info.get("n_success", 0)
    if info.get("mode") == "ex_ante":  # around the application's own figure, which stays the median
        lo, hi = info["ex_ante_success_range"]
        success_mult = _split_uniform(rng, lo, 1.0, hi, draws)
    elif n > 0 and k > 0:
        success_mult = rng.beta(k + 0.5, n - k + 0.5, draws) * n / k
    else:
        success_mult = np.ones(draws)
    rates = info.get("deadweight_counts")
    if rates:
        kp, np_, kc, nc = rates
        pr = rng.beta(kp + 0.5, np_ - kp + 0.5, draws)
        cr = rng.beta(kc + 0.5, nc - kc + 0.5, draws)
        deadweight = np.clip(cr / pr, 0.0, 0.95)
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
        step = max(1, 5_000_000 // max(n, 1))  # draws per block: memory stays bounded at national scale
        for a in range(0, draws, step):
            idx = rng.integers(0, n, (min(step, draws - a), n))
            ratio[a:a + len(idx)] = paid[idx].sum(axis=1) / level[idx].sum(axis=1)
        dropoff = np.clip(ratio, 0.0, 1.0)
    else:
        dropoff = _draw_dropoff(rng, m.dropoff, draws)
    level = rng.normal(1.0, REGISTRY["monthly_level"].mc_sd or 0.0, draws).clip(0.5, 1.5)
    cost_mult = rng.uniform(1.0, 1.0 + optimism_bias, draws) if optimism_bias > 0 else np.ones(draws)
    horizon = np.full(draws, float(m.horizon))
    disc = (1 + m.rate) ** (-m.exit_m / 12)
    common = (1 - deadweight) * success_mult
    keep = annuity_factor(horizon, dropoff, m.rate) * common
    keep_varied = annuity_factor(horizon_varied, dropoff, m.rate) * common
    keep_sub = annuity_factor(np.minimum(horizon, m.subsidy_years), dropoff, m.rate) * common
    keep_sub_varied = annuity_factor(np.minimum(horizon_varied, m.subsidy_years), dropoff, m.rate) * common
    out, varied, parts = {}, {}, {}
    for p in PERSPECTIVES:
        fs = sum(m.fs_coef(x) * m.level_by_exit for x in PERSPECTIVES[p])
        ea = sum(m.earn_coef(x) * m.earnings for x in PERSPECTIVES[p])
        per_keep = (fs * disc).sum() * level + (ea * disc).sum()  # benefit per unit of "keep", per draw
        per_sub = float((m.sub_weights(p) * disc).sum())  # the wage subsidy, over its own shorter span
        grid = (1 + m.rate) ** (-np.arange(len(m.cost_stream(p))) / 12)
        fixed = float((sum(m.cost_actual.get(x, 0.0) for x in PERSPECTIVES[p]) * grid).sum())
        var = float((sum(m.cost_budget.get(x, 0.0) for x in PERSPECTIVES[p]) * grid).sum())
        cost = fixed + var * cost_mult
        parts[p] = (per_keep * keep + per_sub * keep_sub, per_keep * keep_varied + per_sub * keep_sub_varied, cost)
        out[p] = parts[p][0] - cost
        varied[p] = parts[p][1] - cost
    # society also bears the skattefaktor on the net effect on public budgets (see _Model.excess_burden)
    pub, pub_varied, pub_cost = parts["offentliga"]
    out["samhälle"] = out["samhälle"] - (m.skattefaktor - 1) * (pub_cost - pub)
    varied["samhälle"] = varied["samhälle"] - (m.skattefaktor - 1) * (pub_cost - pub_varied)
    npv = out[lead]
    by = {p: NpvSpread(float((v > 0).mean()), float(np.quantile(v, 0.05)), float(np.median(v)), float(np.quantile(v, 0.95)))
          for p, v in out.items() if np.ptp(v) > 0 or np.any(v)}
    mc = MonteCarlo(draws, seed, lead, float((npv > 0).mean()), float(np.quantile(npv, 0.05)), float(np.median(npv)),
                    float(np.quantile(npv, 0.95)), npv, by, info.get("mode") == "ex_ante",
                    Note.of("assumption.monte_carlo_varied"))
    ranged = (HorizonRangeSimulation(float(h_lo), float(h_hi), lead,
                                     {p: float((v > 0).mean()) for p, v in varied.items() if p in by}, varied[lead])
              if h_hi > h_lo else None)
    sim = Simulation(float(m.horizon), SimulationDraws(success_mult, deadweight, dropoff, level, cost_mult, horizon,
                                                       horizon_varied), ranged)
    return mc, sim


# --- persistence after exit -------------------------------------------------------------
PERSISTENCE_MONTHS = (3, 6, 12)


class Persistence(Result):
    """Did the successful leavers stay off försörjningsstöd? Observed in the payments after exit."""


# the last leavers' payments computed, for the same payments and leavers: the persistence table and
# the observed drop-off of one calculation both need them (a group-by over every payment row)
_LEAVERS_SEEN: list = []


def _leaver_payments(project: Project, succ: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The successful leavers' payments with their month index and price-year amount, and the same
    summed per person and month; computed once for all follow-up months (only the leavers' rows)."""
    pay = project.payments
    assert pay is not None  # (persistence is computed only where there are payments)
    key = (tuple(succ[S.PERSON_ID]), project.params.price_year, tuple(sorted(dict(project.params.reference.kpi).items())))
    if _LEAVERS_SEEN and _LEAVERS_SEEN[0] is pay and _LEAVERS_SEEN[1] == key:
        return _LEAVERS_SEEN[2]
    out = _leaver_payments_of(project, succ)
    _LEAVERS_SEEN[:] = [pay, key, out]  # (the payments frame is kept alive with it, so identity is safe)
    return out


def _leaver_payments_of(project: Project, succ: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    params = project.params
    pay = project.payments
    assert pay is not None
    pay = pay[pay[S.PERSON_ID].isin(pd.unique(succ[S.PERSON_ID]))]
    kpi_over = dict(params.reference.kpi)
    pm = pay.assign(_m=_months(pay[S.MONTH]))
    years = pm[S.MONTH].dt.year
    fac = {y: price_factor(int(y), params.price_year, kpi_over)[0] for y in years.unique()}
    pm["_fixed"] = pm[S.AMOUNT] * years.map(fac)
    return pm, pm.groupby([S.PERSON_ID, "_m"])[[S.AMOUNT, "_fixed"]].sum()


def _persistence_pairs(project: Project, succ: pd.DataFrame, mm: int,
                       prepared: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the leavers the payments file covers ``mm`` months after their exit month: their payment
    that month (current prices), the same in the price year's prices, and their own level before the
    start (price-year prices, the own-payments window: ``months_before_start`` months ending
    ``gap_before_start`` months before the start; 0 kr when nothing was paid then)."""
    ml = project.params.cost_benefit.monthly_level
    pay = project.payments
    assert pay is not None  # (persistence is computed only where there are payments)
    last = _month(pay[S.MONTH].max())
    exit_m = _months(succ[S.END_DATE]).to_numpy()
    start_m = _months(succ[S.START_DATE]).to_numpy()
    covered = exit_m + mm <= last
    ids, target, m0 = succ[S.PERSON_ID].to_numpy()[covered], exit_m[covered] + mm, start_m[covered]
    pm, by_month = prepared if prepared is not None else _leaver_payments(project, succ)
    now = by_month.reindex(pd.MultiIndex.from_arrays([ids, target])).fillna(0.0)
    hi = m0 - ml.gap_before_start  # the own-payments window, before the peak as enrolment nears
    level = np.zeros(len(ids))
    if len(ids):
        key = pd.DataFrame({S.PERSON_ID: ids, "hi": hi, "i": np.arange(len(ids))})
        w = pm[[S.PERSON_ID, "_m", "_fixed"]].merge(key, on=S.PERSON_ID)
        w = w[(w["_m"] < w["hi"]) & (w["_m"] >= w["hi"] - ml.months_before_start)]
        np.add.at(level, w["i"].to_numpy(int), w["_fixed"].to_numpy(float))
        level /= ml.months_before_start
    return now[S.AMOUNT].to_numpy(float), now["_fixed"].to_numpy(float), level


def persistence(project: Project, months: tuple[int, ...] = PERSISTENCE_MONTHS) -> Persistence:
    """How much of the saving the successful leavers kept ``m`` months after their exit.

    For each of 3, 6 and 12 months after the exit month, among the successful leavers the payments
    file covers that long (a month without a payment row counts as 0 kr): how many had no
    försörjningsstöd that month, their mean payment, and the **share of their own level before the
    start that was still saved** — one minus their payments that month over their own monthly level
    before the start (the own-payments window), both in the price year's prices, summed over the
    leavers who had a level (a ratio of means, so one large payment weighs as its amount). The
    share without any payment is shown but not used: a person who left for work and still gets a
    small top-up has kept most of the saving, which a yes/no count would call lost.

    Returns
    -------
    Persistence
        ``table``: months_after, observed (leavers covered that long), without_fs, share_without,
        mean_payment (kr, current prices), with_level (of them, with payments in the window before
        the start), kept_share (share of the pre-start level still saved; NaN without such leavers),
        max_months_observed (the longest follow-up any leaver has). Empty without payments or
        successful leavers.
    """
    cols = ["months_after", "observed", "without_fs", "share_without", "mean_payment", "with_level", "kept_share",
            "max_months_observed"]
    pay = project.payments
    if pay is None or pay.empty or not project.has_participants:
        return Persistence(pd.DataFrame(columns=cols))
    df = project.participants
    succ = df[~df[S.ONGOING] & df[S.OUTCOME].isin(project.params.cost_benefit.success_outcomes)
              & df[S.END_DATE].notna()]
    if succ.empty:
        return Persistence(pd.DataFrame(columns=cols))
    longest = int(max(_month(pay[S.MONTH].max()) - _months(succ[S.END_DATE]).min(), 0))
    rows = []
    prepared = _leaver_payments(project, succ)
    for mm in months:
        amounts, fixed, level = _persistence_pairs(project, succ, mm, prepared)
        n, has = len(amounts), level > 0
        rows.append({"months_after": mm, "observed": n, "without_fs": int((amounts <= 0).sum()),
                     "share_without": float((amounts <= 0).mean()) if n else np.nan,
                     "mean_payment": float(amounts.mean()) if n else np.nan,
                     "with_level": int(has.sum()),
                     "kept_share": float(1 - fixed[has].sum() / level[has].sum()) if has.any() else np.nan,
                     "max_months_observed": longest})
    return Persistence(pd.DataFrame(rows, columns=cols))


def observed_dropoff(table: pd.DataFrame, min_observed: int) -> tuple[float, float, int] | None:
    """(drop-off per year, share of the saving kept, leavers it rests on) from the 12-month
    persistence figure, when at least ``min_observed`` leavers with a pre-start level are covered
    12 months.

    The benefit model saves a leaver's whole level in the first year and (1 − drop-off) of it in the
    second; the share still saved 12 months after exit is what the data say about the second year,
    so the observed drop-off is one minus it, kept within 0–100 %.
    """
    if table is None or table.empty or "kept_share" not in table:
        return None
    row = table[table["months_after"] == 12]
    if row.empty or row["with_level"].iloc[0] < min_observed or pd.isna(row["kept_share"].iloc[0]):
        return None
    kept = float(row["kept_share"].iloc[0])
    return float(min(max(1 - kept, 0.0), 1.0)), kept, int(row["with_level"].iloc[0])


# the optional, sourced wage level used when value_earnings is set and no wage is given
# (defaults.csv: Medlingsinstitutet, lönestrukturstatistik 2021, P10 of monthly wages)
EARNINGS_DEFAULT = (default("work_earnings_default").value, default("work_earnings_default").year)


def _weak_default(name: str, value: float) -> bool:
    """True when ``value`` is the shipped default and defaults.csv marks its source weak (L or EST)."""
    d = default(name)
    return abs(float(value) - d.value) < 1e-12 and d.confidence in ("L", "EST")


def expected_outcomes(mix: dict[str, float] | None, n: int) -> list[str]:
    """The outcome of each of an application's ``n`` expected successes: ``mix``'s shares as whole
    persons (largest remainder), interleaved so that each outcome is spread over the period; without
    a mix every one is an exit to work."""
    if not mix:
        return ["arbete"] * n
    exact = {k: v * n for k, v in mix.items()}
    counts = {k: int(np.floor(x)) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:n - sum(counts.values())]:
        counts[k] += 1
    # interleave: the i-th person of an outcome with count c sits at (i + 0.5) / c of the way through
    slots = sorted((((i + 0.5) / c), k) for k, c in counts.items() for i in range(c))
    return [k for _, k in slots]


def _build(project: Project, cost_basis: str) -> tuple[_Model, list[UsedAssumption], pd.DataFrame, list[RefValue], dict]:
    params, cb = project.params, project.params.cost_benefit
    ct = costs(project, cost_basis).table
    info: dict = {"deadweight_range": tuple(cb.deadweight_range), "horizon_range": tuple(cb.horizon_range),
                  "ex_ante_success_range": tuple(cb.ex_ante_success_range)}
    s0 = _month(params.period.start)
    ex_ante = not project.has_participants
    if ex_ante:
        e = params.expected
        per_year = (e.successes_per_year or 0.0) if e else 0.0
        years = (params.period.planned_end - params.period.start).days / 365.25
        n = int(round(per_year * years))
        succ = pd.DataFrame({S.PERSON_ID: [f"x{i}" for i in range(n)], S.HOUSEHOLD_TYPE: "ensamstående",
                             S.N_CHILDREN: 0.0, S.OUTCOME: expected_outcomes(e.outcome_mix if e else None, n),
                             S.START_DATE: pd.Timestamp(params.period.start)})
        # the application's successes spread evenly over the planned period, month by month
        exit_m = np.floor((np.arange(n) + 0.5) / max(n, 1) * years * 12).astype(int)
        info.update(n_ended=0, n_success=n, mode="structural" if is_structural(project) else "ex_ante")
    else:
        df = project.participants
        ended = df[~df[S.ONGOING]]
        succ = ended[ended[S.OUTCOME].isin(cb.success_outcomes)]
        exit_m = np.array([max(_first_month_from(d) - s0, 0) for d in succ[S.END_DATE]], int)
        info.update(n_ended=len(ended), n_success=len(succ), n_participants=len(df), mode="observed")
    levels, assumptions, refs = _monthly_levels(project, succ)

    rates = None
    if cb.deadweight is not None:
        dw, dw_src, dw_flag = cb.deadweight, Note.of("assumption.params_file"), False
    else:
        rates = comparison_success_rates(project, cb.success_outcomes)
        if rates and rates[0] > 0:
            dw = float(min(max(rates[1] / rates[0], 0.0), 0.95))
            dw_src = Note.of("assumption.deadweight_comparison", comparison=Share(rates[1]),
                             participants=Share(rates[0]))
            dw_flag = False
            info["deadweight_rates"] = rates
            info["deadweight_counts"] = (round(rates[0] * rates[2]), rates[2], round(rates[1] * rates[3]), rates[3])
        else:
            dw, dw_src, dw_flag = cb.deadweight_default, Note.of("assumption.deadweight_default"), True
    info["deadweight_source"] = "params" if cb.deadweight is not None else ("comparison" if "deadweight_counts" in info else "default")

    # drop-off: observed persistence after exit where the payments cover enough leavers 12 months
    dropoff, drop_src, drop_flag = cb.dropoff_per_year, Note.of("assumption.dropoff_source"), True
    pers = persistence(project).table if project.has_participants else None
    obs = observed_dropoff(pers, cb.persistence_min_observed) if cb.dropoff_from_payments else None
    if obs:
        dropoff = obs[0]
        drop_src = Note.of("assumption.dropoff_observed", kept=Share(obs[1], 0), n=int(obs[2]))
        drop_flag = False
        df_ = project.participants
        succ_ = df_[~df_[S.ONGOING] & df_[S.OUTCOME].isin(cb.success_outcomes) & df_[S.END_DATE].notna()]
        _, paid, level = _persistence_pairs(project, succ_, 12)
        info["persistence_pairs"] = (paid[level > 0], level[level > 0])  # drawn again in the Monte Carlo
    info["dropoff_source"] = "observed" if obs else "assumed"
    info["persistence"] = pers

    # earnings from work: the params' wage, else the optional sourced default, else not valued
    earnings, earn_src, earn_flag = float(cb.work_earnings_sek_month), Note.of("assumption.params_file"), False
    if earnings == 0 and cb.value_earnings:
        f, r_ = price_factor(EARNINGS_DEFAULT[1], params.price_year, dict(params.reference.kpi))
        refs = [*refs, *r_]
        earnings = EARNINGS_DEFAULT[0] * f
        earn_src, earn_flag = Note.of("assumption.earnings_default", amount=Money(EARNINGS_DEFAULT[0]),
                                      year=str(EARNINGS_DEFAULT[1])), True
    elif earnings == 0:
        earn_src, earn_flag = Note.of("assumption.not_valued"), True

    # costs on the monthly grid, by ledger actor: Finsam shares of the förbund's lines, own financing on the kommun
    n_cost = max([_cost_months(p, params)[1] for p in ct[S.PERIOD]] + [0]) + 1
    cost_actual = {a: np.zeros(n_cost) for a in LEDGER_ACTORS}
    cost_budget = {a: np.zeros(n_cost) for a in LEDGER_ACTORS}
    settled = ct[S.ACTUAL].notna().to_numpy() if cost_basis != "budget" else np.zeros(len(ct), bool)
    for i, line in enumerate(ct.itertuples(index=False)):
        a, b = _cost_months(getattr(line, S.PERIOD), params)
        per_month = np.zeros(n_cost)
        per_month[a:b + 1] = line.used_fixed / (b - a + 1)
        target = cost_actual if settled[i] else cost_budget
        if getattr(line, S.FUNDER) == "egen":
            target["kommun"] += per_month
        else:
            for actor, share in cb.cost_shares.items():
                target["stat" if actor == "stat" else actor] += per_month * share

    payer = succ[S.OUTCOME].map(BENEFIT_PAYER).fillna("").to_numpy(str) if len(succ) else np.array([], str)
    subsidised = (succ[S.OUTCOME] == SUBSIDISED_WORK).to_numpy() if len(succ) else np.zeros(0, bool)
    model = _Model(np.asarray(levels, float), np.asarray(exit_m, int), payer,
                   succ[S.OUTCOME].isin(S.WORK_OUTCOMES).to_numpy(), cost_actual, cost_budget,
                   cb.horizon_years, dropoff, dw, cb.discount_rate, earnings, cb.tax_rate, cb.skattefaktor,
                   dict(cb.cost_shares), cb.tax_share_region, float(cb.wage_subsidy_sek_month),
                   cb.wage_subsidy_months / 12, subsidised)
    assumptions += [
        UsedAssumption("horizon_years", cb.horizon_years, Note.of("assumption.horizon_source")),
        UsedAssumption("dropoff_per_year", dropoff, drop_src, drop_flag),
        UsedAssumption("deadweight", dw, dw_src, dw_flag),
        UsedAssumption("discount_rate", cb.discount_rate, Note.of("assumption.discount_source")),
        UsedAssumption("skattefaktor", cb.skattefaktor,
                       Note.of("assumption.skattefaktor_source") if cb.skattefaktor != 1 else Note.of("assumption.params_file"),
                       _weak_default("skattefaktor", cb.skattefaktor)),
        UsedAssumption("price_year", params.price_year, Note.of("assumption.price_year_source")),
        UsedAssumption("work_earnings_sek_month", earnings, earn_src, earn_flag),
    ]
    if subsidised.any():  # (listed only where an exit to subsidised work makes it count)
        default = "wage_subsidy_sek_month" not in cb.model_fields_set
        assumptions.append(UsedAssumption(
            "wage_subsidy_sek_month", float(cb.wage_subsidy_sek_month),
            Note.of("assumption.wage_subsidy_source", n=int(subsidised.sum())) if default else Note.of("assumption.params_file"),
            default))
    for r in refs:
        if r.flagged:
            info.setdefault("flagged_refs", []).append(r)
    return model, assumptions, ct, refs, info


def cost_benefit(project: Project, *, cost_basis: str | None = None, monte_carlo: bool = True,
                 effect: bool = True, payments=None, reference_dates: pd.DataFrame | None = None,
                 lang: str | None = None) -> CostBenefitResult:
    """Does the project pay for itself, and for whom? Costs against the försörjningsstöd it
    avoided, per perspective, from one ledger of flows between actors.

    Parameters
    ----------
    project
        A loaded project (for what-if assumptions: ``project.with_params(cost_benefit={...})``).
    cost_basis
        ``"actual_else_budget"`` or ``"budget"``; default from ``params.cost_benefit.cost_basis``.
    monte_carlo
        Also draw the uncertain assumptions at random (seeded) for P(NPV > 0) per perspective.
    effect
        Also compute the effect-based estimate from the comparison group (see :func:`effect_based`).
    payments
        A :class:`~evaltools.analysis.comparison.ComparisonResult` already computed for this project, so the
        difference-in-differences is not estimated a second time.
    reference_dates
        :func:`~evaltools.analysis.comparison.reference_date_sensitivity` already computed for this
        project (the effect-based simulation draws the reference date too).
    lang
        ``"sv"`` or ``"en"``: the language of the main goal's name in the success definition;
        default: the params file's. (Sources and notes are worded where they are shown.)

    Returns
    -------
    CostBenefitResult
        ``table``: one row per perspective (kommun, region, stat, fk, individ, offentliga,
        samhälle) with cost borne, benefit, NPV, BCR, payback, break-even exits and switching
        deadweight, all present values in the price year's prices. ``ledger``: every flow per
        actor. ``summary``: costs (nominal and price-year), counts, and the lead perspective's
        figures (:class:`CostSummary`; ``summary.perspective`` says whose). ``assumptions``, ``sensitivity`` (lead perspective,
        one at a time), ``monte_carlo`` (P(NPV > 0) per perspective; seeded), ``persistence``.

    Examples
    --------
    >>> cba = et.cost_benefit(project)  # doctest: +SKIP
    >>> cba.table.set_index("perspective").loc["offentliga", "npv"]  # doctest: +SKIP
    >>> et.cost_benefit(project.with_params(cost_benefit={"deadweight": 0.5}))  # doctest: +SKIP
    """
    lang = lang or project.params.language
    cost_basis = cost_basis or project.params.cost_benefit.cost_basis
    m, assumptions, ct, refs, info = _build(project, cost_basis)
    cb = project.params.cost_benefit
    lead = cb.lead_perspective
    structural = info["mode"] == "structural"
    total_nominal = float(ct["used"].sum()) if len(ct) else 0.0
    total_fixed = float(ct["used_fixed"].sum()) if len(ct) else 0.0
    ledger, streams = _ledger(m)
    n_p = info.get("n_participants", 0)
    n_s = info.get("n_success", 0)
    persp = _perspectives(m, ledger, streams, n_s)
    mean_level = float(m.level_by_exit.mean()) if len(m.level_by_exit) else float("nan")
    level_note = None
    if structural or not len(m.level_by_exit):  # the level a requirement is counted at, with its source
        used = next(a for a in assumptions if a.name == "monthly_level")
        mean_level, level_note = used.value, used.source
    if project.has_participants:  # successes as the project itself defines them (its main goal's numerator)
        successes = project_successes(project, lang)
        n_goal, definition = successes.successes, successes.definition
    else:
        n_goal, definition = n_s, success_definition(project.params, lang)
    row = persp.set_index("perspective").loc[lead]
    ml = cb.monthly_level
    # (only where the params state the application's own level: never the shipped default's)
    app_terms = (info["mode"] in ("ex_ante", "structural") and ml.method == "fixed" and ml.amount_sek
                 and "monthly_level" in cb.model_fields_set)
    no_cost = not len(ct)  # no budget file: the cost is unknown, not 0 kr, and so is every figure built on it
    summary = CostSummary(
        mode=info["mode"],
        perspective=lead,
        price_year=project.params.price_year,
        total_cost_nominal=total_nominal,
        total_cost_fixed=total_fixed,
        budget_total=float(ct[S.BUDGET].sum()) if len(ct) else 0.0,
        actual_total=float(ct[S.ACTUAL].sum()) if len(ct) and ct[S.ACTUAL].notna().any() else np.nan,
        participants=n_p,
        ended=info.get("n_ended", 0),
        successes=n_s,
        cost_per_participant=total_nominal / n_p if n_p else np.nan,
        success_definition=definition,
        goal_successes=n_goal,
        cost_per_success=total_nominal / n_goal if n_goal else np.nan,
        cost_per_exit_from_fs=total_nominal / n_s if n_s else np.nan,
        monthly_level=mean_level,
        pv_cost=float(row["pv_cost"]),
        pv_avoided_fs=m.pv_fs() if n_s else 0.0,
        pv_benefit=float(row["pv_benefit"]),
        npv=float(row["npv"]),
        bcr=float(row["bcr"]),
        payback_months=float(row["payback_months"]),
        break_even_exits=float(row["break_even_exits"]),
        # person-years without försörjningsstöd (and without another public benefit) that carry the
        # cost for the public financiers: price-year cost over the price-year level, same basis
        break_even_person_years=total_fixed / (mean_level * 12) if mean_level > 0 else np.nan,
        # the same in the application's own terms: its nominal budget over its own monthly level
        break_even_person_years_application=(total_nominal / (ml.amount_sek * 12)) if app_terms and ml.amount_sek else np.nan,
        switching_deadweight=float(row["switching_deadweight"]),
        deadweight=m.deadweight,
        deadweight_source=info["deadweight_source"],
        dropoff_source=info["dropoff_source"],
        earnings_valued=bool(m.earnings > 0),
        skattefaktor=m.skattefaktor,
        has_comparison=project.comparison is not None,
        level_source=level_note,
    )
    if no_cost:
        summary = replace(summary, **_unknown(_NO_COST))
        persp[["pv_cost", "npv", "bcr", "payback_months", "break_even_exits", "switching_deadweight"]] = np.nan
    if structural:  # no exits to value: the cost and what it would take to carry it, nothing more
        persp[list(_NO_BENEFIT)] = np.nan
        summary = replace(summary, **_unknown(_NO_BENEFIT))
    # one perspective at a time (the what-if panel's tornado follows the perspective chosen); the lead's is the report's
    sens_by = {p: (_sensitivity(m, info, p, cb) if (n_s and not structural) else pd.DataFrame(columns=SENSITIVITY_COLUMNS))
               for p in PERSPECTIVES}
    sens = sens_by[lead]
    mc, sim = (_monte_carlo(m, info, cb.monte_carlo_draws, cb.seed, lead, cb.optimism_bias)
               if monte_carlo and not structural and len(ct) else (None, None))
    by = mc.by_perspective if mc is not None else {}
    persp["p_npv_positive"] = [by[p].p_npv_positive if p in by and not pd.isna(n) else np.nan
                               for p, n in zip(persp["perspective"], persp["npv"])]
    a_df = _assumption_frame(assumptions, cb, tested=bool(n_s) and not structural)
    ref_df = pd.DataFrame([r.__dict__ for r in {(r.value, r.year, r.source, r.note): r for r in refs}.values()])
    eb = effect_based(project, m, draws=cb.monte_carlo_draws if monte_carlo else 0, seed=cb.seed,
                      payments=payments, perspective=lead, reference_dates=reference_dates) if effect else None
    return CostBenefitResult(persp, persp, (), summary=summary, assumptions=a_df, costs=ct,
                             sensitivity=sens, sensitivity_by_perspective=sens_by, monte_carlo=mc,
                             reference_values=ref_df, effect_based=eb,
                             ledger=ledger, persistence=info.get("persistence"), simulation=sim,
                             budget_use=budget_use(ct))


def effect_based(project: Project, m: _Model | None = None, draws: int = 5000, seed: int = 0,
                 payments=None, perspective: str = "offentliga",
                 reference_dates: pd.DataFrame | None = None) -> EffectBased | None:
    """A second estimate of the benefit, from the project's own measured effect.

    Where a comparison group exists, the difference-in-differences estimate (kr per participant
    and month after the start) replaces the exits-times-level model: every participant's payments
    are taken to fall by that amount from their start month, for the same horizon, drop-off and
    discounting. No deadweight is applied: the comparison group already shows what would have
    happened anyway. The Monte Carlo draws the effect from its sampling distribution (normal,
    the DiD's cluster-robust standard error) together with drop-off and discount rate, so the
    estimate's own uncertainty reaches P(NPV > 0); each draw also takes one of the comparison
    persons' reference dates that :func:`~evaltools.analysis.comparison.reference_date_sensitivity`
    tries (the estimate at that date, minus the main estimate, is added), so the matching of dates
    adds its uncertainty too. The horizon is held at the NPV's. ``None`` without a comparison group.

    The measured fall in försörjningsstöd is the municipality's gross saving (``pv_avoided_fs``).
    For ``perspective`` it is split between the actors as the main calculation splits its exits'
    saving (``share_of_saving``: the perspective's benefit per kr of the municipality's saving,
    e.g. less the state benefits paid instead for the public financiers, 0 for society when
    earnings are not valued); the cost is the same perspective's. So ``pv_benefit − pv_cost = npv``
    for one perspective, comparable row by row with the main calculation.
    """
    if project.comparison is None or project.payments is None or not project.has_participants:
        return None
    payments = payments if payments is not None else compare_payments(project)
    did = payments.did
    if did is None:
        return None
    if m is None:
        m = _build(project, project.params.cost_benefit.cost_basis)[0]
    params = project.params
    start = project.participants[S.START_DATE]
    year = int(start.dt.year.median())
    factor = price_factor(year, params.price_year, dict(params.reference.kpi))[0]
    t_start = np.array([max(_month(d) - _month(params.period.start), 0) for d in start], float) / 12
    t_unique, inverse = np.unique(t_start, return_inverse=True)
    count = np.bincount(inverse, minlength=len(t_unique)).astype(float)

    def pv(effect, dropoff, rate):
        effect, dropoff, rate = (np.asarray(x, float) for x in (effect, dropoff, rate))
        disc = (count[None, :] / (1 + rate.reshape(-1, 1)) ** t_unique[None, :]).sum(axis=1)
        return -effect.ravel() * factor * annuity_factor(m.horizon, dropoff.ravel(), rate.ravel()) * disc

    pv_fs = float(pv(did.effect, m.dropoff, m.rate)[0])
    base_fs = m.pv_fs()
    share = m.pv_benefit(perspective) / base_fs if base_fs else np.nan
    pv_b = pv_fs * share
    pv_c = m.pv_costs(perspective)
    if perspective == "samhälle":  # the skattefaktor on the net public effect, with the measured saving
        public_share = m.pv_benefit("offentliga") / base_fs if base_fs else np.nan
        pv_c += (m.skattefaktor - 1) * (m.pv_costs("offentliga") - pv_fs * public_share)
    out = EffectBased(did.effect, did.se, did.ci_low, did.ci_high, factor, perspective, float(m.horizon), pv_fs, share,
                      pv_b, pv_c, pv_b - pv_c, pv_b / pv_c if pv_c > 0 else np.nan, int(len(start)),
                      # the placebo before the start rejected: the DiD, and this estimate built on it, are not reliable
                      bool(payments.parallel_trends_doubtful))
    if draws and not np.isnan(share):
        rng = np.random.default_rng(seed + 1)
        eff = rng.normal(did.effect, did.se, draws)
        dropoff = _draw_dropoff(rng, m.dropoff, draws)
        rate = np.full(draws, m.rate)  # the discount rate is a fixed choice, varied one at a time only
        ref = reference_dates if reference_dates is not None else reference_date_sensitivity(project)
        if ref is not None and len(ref):  # the reference date drawn among those tried, each equally likely
            offsets = ref["effect"].to_numpy(float) - did.effect
            eff = eff + rng.choice(offsets, draws)
            out = replace(out, reference_low=float(ref["effect"].min()), reference_high=float(ref["effect"].max()))
        npv = pv(eff, dropoff, rate) * share - pv_c
        out = replace(out, p_npv_positive=float((npv > 0).mean()), npv_p05=float(np.quantile(npv, 0.05)),
                      npv_p95=float(np.quantile(npv, 0.95)), draws=draws)
    return out
