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
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from . import schema as S
from .comparison import comparison_success_rates
from .goals import project_successes, success_definition
from .io import Project
from .formats import fmt_kr, fmt_pct
from .text import msg
from .reference import RefValue, household_norm, price_factor
from .results import Result

ACTORS = ("kommun", "region", "stat", "individ", "samhälle")


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


# --- assumptions ------------------------------------------------------------------------
@dataclass(frozen=True)
class Assumption:
    name: str
    value: float
    unit: str
    source: str
    flagged: bool = False


def _monthly_levels(project: Project, succ: pd.DataFrame, lang: str = "sv") -> tuple[np.ndarray, list[Assumption], list[RefValue]]:
    """Monthly försörjningsstöd avoided per successful exit, in price-year prices."""
    params, cb = project.params, project.params.cost_benefit
    ml = cb.monthly_level
    py = params.price_year
    kpi_over = dict(params.reference.kpi)
    used_refs: list[RefValue] = []
    method = ml.method
    if method == "own_payments" and project.payments is None:
        method = "fixed" if ml.amount_sek else "riksnorm"
    if method == "fixed":
        amount, year = (ml.amount_sek, ml.amount_year) if ml.amount_sek else (8900.0, 2023)
        f, refs = price_factor(year, py, kpi_over)
        used_refs += refs
        level = np.full(len(succ), amount * f)
        src = ml.source or msg("assumption.params_file", lang)
        return level, [Assumption("monthly_level", float(amount * f), msg("assumption.monthly_level_fixed_unit", lang, price_year=str(py)),
                                  msg("assumption.monthly_level_fixed_source", lang, amount=fmt_kr(amount, lang),
                                      year=str(year), source=src),
                                  flagged=ml.method == "own_payments")], used_refs
    if method == "riksnorm":
        fh, refs = price_factor(ml.housing_year, py, kpi_over)
        used_refs += refs
        known = ("ensamstående", "ensamstående_med_barn", "sambo_utan_barn", "sambo_med_barn")
        types = succ[S.HOUSEHOLD_TYPE].where(succ[S.HOUSEHOLD_TYPE].isin(known), "ensamstående")
        kids = succ[S.N_CHILDREN].fillna(0).astype(int)
        combos = pd.DataFrame({"ht": types, "kids": kids}).drop_duplicates()
        norms = []
        for ht, nk in combos.itertuples(index=False):  # one lookup per household kind, not per person
            norm, vals = household_norm(py, ht, int(nk), ml.child_age_band, dict(params.reference.riksnorm))
            used_refs += vals
            norms.append(norm + ml.housing_sek * fh)
        combos["level"] = norms
        level = (pd.DataFrame({"ht": types.to_numpy(), "kids": kids.to_numpy()})
                 .merge(combos, on=["ht", "kids"], how="left")["level"].to_numpy(float))
        flag = any(v.flagged for v in used_refs)
        return level, [Assumption("monthly_level", float(level.mean()) if len(level) else np.nan,
                                  msg("assumption.monthly_level_mean_unit", lang, price_year=str(py)),
                                  msg("assumption.monthly_level_riksnorm_source", lang, price_year=str(py),
                                      housing=fmt_kr(ml.housing_sek, lang), housing_year=str(ml.housing_year)),
                                  flag)], used_refs
    # own payments in the months before start, deflated to the price year
    pay = project.payments
    start_m = succ[[S.PERSON_ID, S.START_DATE]].copy()
    start_m["m0"] = start_m[S.START_DATE].dt.year * 12 + start_m[S.START_DATE].dt.month - 1
    p = pay[pay[S.PERSON_ID].isin(start_m[S.PERSON_ID])].merge(start_m[[S.PERSON_ID, "m0"]], on=S.PERSON_ID)
    p["m"] = p[S.MONTH].dt.year * 12 + p[S.MONTH].dt.month - 1
    p = p[(p["m"] < p["m0"]) & (p["m"] >= p["m0"] - ml.months_before_start)]
    years = p[S.MONTH].dt.year
    fac = {y: price_factor(int(y), py, kpi_over)[0] for y in years.unique()}
    p["fixed"] = p[S.AMOUNT] * years.map(fac)
    # per enrolment: a person who left twice has two start months, each with its own months before
    per_enrolment = p.groupby([S.PERSON_ID, "m0"])["fixed"].sum() / ml.months_before_start
    level = per_enrolment.reindex(pd.MultiIndex.from_frame(start_m[[S.PERSON_ID, "m0"]])).to_numpy(float)
    missing = np.isnan(level)
    if missing.all():
        level = np.full(len(succ), 8900.0 * price_factor(2023, py, kpi_over)[0])
    elif missing.any():
        level[missing] = np.nanmedian(level)
    return level, [Assumption("monthly_level", float(np.nanmean(level)) if len(level) else np.nan,
                              msg("assumption.monthly_level_mean_unit", lang, price_year=str(py)),
                              msg("assumption.monthly_level_own_source", lang, months=str(ml.months_before_start))
                              + (msg("assumption.monthly_level_own_missing", lang, n=str(int(missing.sum())))
                                 if missing.any() else ""),
                              bool(missing.any()))], used_refs


def annuity_factor(horizon_years: float, dropoff: float | np.ndarray, rate: float | np.ndarray) -> np.ndarray:
    """Sum over the horizon's months of (1 − dropoff)^(whole years passed) / (1 + rate)^(months/12)."""
    m = np.arange(int(round(horizon_years * 12)))
    d = np.asarray(dropoff, float)[..., None]
    r = np.asarray(rate, float)[..., None]
    return ((1 - d) ** (m // 12) / (1 + r) ** (m / 12)).sum(axis=-1)


# --- the analysis ---------------------------------------------------------------------
@dataclass(frozen=True)
class CostBenefitResult(Result):
    """NPV, BCR, payback and break-even, per actor, with the assumptions used.

    ``table`` is the per-actor table; the headline figures are attributes.
    """

    summary: dict = field(default_factory=dict)
    assumptions: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    monte_carlo: dict | None = None
    reference_values: pd.DataFrame | None = None
    effect_based: dict | None = None

    def to_dict(self) -> dict:
        from .results import _jsonable, frame_records
        d = super().to_dict()
        mc = {k: v for k, v in (self.monte_carlo or {}).items() if k != "npv_draws"}
        d.update({"summary": {k: _jsonable(v) for k, v in self.summary.items()},
                  "assumptions": frame_records(self.assumptions), "sensitivity": frame_records(self.sensitivity),
                  "monte_carlo": mc,
                  "effect_based": {k: _jsonable(v) for k, v in (self.effect_based or {}).items()} or None})
        return d


@dataclass(frozen=True)
class _Model:
    """Everything the NPV needs, so sensitivity and Monte Carlo can re-run it cheaply."""

    level_by_exit: np.ndarray  # kr/month per success
    t_exit: np.ndarray  # years from project start to each success's exit
    is_transfer: np.ndarray
    is_work: np.ndarray
    cost_fixed: np.ndarray  # per budget line, price-year kr
    cost_t: np.ndarray
    cost_own: np.ndarray  # own-financing flag per line
    horizon: float
    dropoff: float
    deadweight: float
    rate: float
    earnings: float
    tax: float
    shares: dict

    def pv_costs(self, rate=None) -> float:
        r = self.rate if rate is None else rate
        return float((self.cost_fixed / (1 + r) ** self.cost_t).sum())

    def pv_fs(self, level_mult=1.0, horizon=None, dropoff=None, deadweight=None, rate=None, success_mult=1.0) -> float:
        r = self.rate if rate is None else rate
        a = annuity_factor(self.horizon if horizon is None else horizon, self.dropoff if dropoff is None else dropoff, r)
        dw = self.deadweight if deadweight is None else deadweight
        return float((self.level_by_exit * level_mult / (1 + r) ** self.t_exit).sum() * a * (1 - dw) * success_mult)

    def npv(self, **kw) -> float:
        return self.pv_fs(**{k: v for k, v in kw.items() if k != "cost_mult"}) - self.pv_costs(kw.get("rate")) * kw.get("cost_mult", 1.0)


def _build(project: Project, cost_basis: str, lang: str = "sv") -> tuple[_Model, list[Assumption], pd.DataFrame, list[RefValue], dict]:
    params, cb = project.params, project.params.cost_benefit
    ct = costs(project, cost_basis).table
    info: dict = {}
    ex_ante = not project.has_participants
    if ex_ante:
        e = params.expected
        per_year = (e.successes_per_year or 0.0) if e else 0.0
        years = (params.period.planned_end - params.period.start).days / 365.25
        n = int(round(per_year * years))
        succ = pd.DataFrame({S.PERSON_ID: [f"x{i}" for i in range(n)], S.HOUSEHOLD_TYPE: "ensamstående",
                             S.N_CHILDREN: 0.0, S.OUTCOME: "arbete", S.START_DATE: pd.Timestamp(params.period.start)})
        t_exit = (np.arange(n) + 0.5) / max(n, 1) * years
        info.update(n_ended=0, n_success=n, mode="ex_ante")
    else:
        df = project.participants
        ended = df[~df[S.ONGOING]]
        succ = ended[ended[S.OUTCOME].isin(cb.success_outcomes)]
        t_exit = ((succ[S.END_DATE] - pd.Timestamp(params.period.start)).dt.days / 365.25).clip(lower=0).to_numpy()
        info.update(n_ended=len(ended), n_success=len(succ), n_participants=len(df), mode="observed")
    levels, assumptions, refs = _monthly_levels(project, succ, lang)

    if cb.deadweight is not None:
        dw, dw_src, dw_flag = cb.deadweight, msg("assumption.params_file", lang), False
    else:
        rates = comparison_success_rates(project, cb.success_outcomes)
        if rates and rates[0] > 0:
            dw = float(min(max(rates[1] / rates[0], 0.0), 0.95))
            dw_src = msg("assumption.deadweight_comparison", lang, comparison=fmt_pct(rates[1], lang),
                         participants=fmt_pct(rates[0], lang))
            dw_flag = False
            info["deadweight_rates"] = rates
        else:
            dw, dw_src, dw_flag = cb.deadweight_default, msg("assumption.deadweight_default", lang), True
    model = _Model(levels, t_exit, succ[S.OUTCOME].isin(S.STATE_TRANSFER_OUTCOMES).to_numpy(),
                   succ[S.OUTCOME].isin(S.WORK_OUTCOMES).to_numpy(),
                   ct["used_fixed"].to_numpy(float), ct["t_years"].to_numpy(float),
                   (ct[S.FUNDER] == "egen").to_numpy(), cb.horizon_years, cb.dropoff_per_year, dw,
                   cb.discount_rate, cb.work_earnings_sek_month, cb.tax_rate, dict(cb.cost_shares))
    assumptions += [
        Assumption("horizon_years", cb.horizon_years, msg("assumption.horizon_unit", lang),
                   msg("assumption.horizon_source", lang)),
        Assumption("dropoff_per_year", cb.dropoff_per_year, msg("assumption.dropoff_unit", lang),
                   msg("assumption.dropoff_source", lang), True),
        Assumption("deadweight", dw, msg("assumption.deadweight_unit", lang), dw_src, dw_flag),
        Assumption("discount_rate", cb.discount_rate, msg("assumption.discount_unit", lang),
                   msg("assumption.discount_source", lang)),
        Assumption("price_year", params.price_year, msg("assumption.price_year_unit", lang),
                   msg("assumption.price_year_source", lang)),
        Assumption("work_earnings_sek_month", cb.work_earnings_sek_month, msg("assumption.earnings_unit", lang),
                   msg("assumption.not_valued", lang) if cb.work_earnings_sek_month == 0 else msg("assumption.params_file", lang),
                   cb.work_earnings_sek_month == 0),
    ]
    for r in refs:
        if r.flagged:
            info.setdefault("flagged_refs", []).append(r)
    return model, assumptions, ct, refs, info


def _per_actor(m: _Model, lang: str = "sv") -> pd.DataFrame:
    a = annuity_factor(m.horizon, m.dropoff, m.rate) * (1 - m.deadweight)
    disc = 1 / (1 + m.rate) ** m.t_exit
    fs = m.level_by_exit * a * disc
    earn = m.earnings * a * disc * m.is_work
    benefits = {
        "kommun": fs.sum(),
        "region": 0.0,
        "stat": -(fs * m.is_transfer).sum() + m.tax * earn.sum(),
        "individ": ((1 - m.tax) * earn - fs * m.is_work).sum(),
    }
    valued = m.earnings > 0 or not m.is_work.any()
    if not valued:
        # earnings from work are not valued: the individual's gain and society's production are unknown,
        # so the individual row is left empty and society counts transfers only (a lower bound)
        benefits["individ"] = np.nan
    benefits["samhälle"] = benefits["kommun"] + benefits["region"] + benefits["stat"] + (
        benefits["individ"] if valued else -float((fs * m.is_work).sum()))
    pv_line = m.cost_fixed / (1 + m.rate) ** m.cost_t
    own, fund = pv_line[m.cost_own].sum(), pv_line[~m.cost_own].sum()
    cost = {a_: fund * m.shares.get(a_, 0.0) for a_ in ("kommun", "region", "stat")}
    cost["kommun"] += own
    cost["individ"] = 0.0
    cost["samhälle"] = fund + own
    rows = []
    for actor in ACTORS:
        b, c = float(benefits[actor]), float(cost[actor])
        note = ""
        if not valued and actor in ("individ", "samhälle"):
            note = msg("assumption.actor_individual" if actor == "individ" else "assumption.actor_society", lang)
        rows.append({"actor": actor, "pv_benefit": b, "pv_cost": c, "npv": b - c,
                     "bcr": b / c if c > 0 and not np.isnan(b) else np.nan, "note": note})
    return pd.DataFrame(rows)


def _payback_month(m: _Model) -> float:
    """Months from the project start until discounted avoided försörjningsstöd covers the discounted cost."""
    n_months = int(np.ceil((m.t_exit.max() if len(m.t_exit) else 0) * 12 + m.horizon * 12)) + 1
    grid = np.zeros(n_months + 1)
    rel = np.arange(int(round(m.horizon * 12)))
    keep = (1 - m.dropoff) ** (rel // 12) * (1 - m.deadweight)
    idx = np.floor(m.t_exit * 12).astype(int)[:, None] + rel[None, :]  # success x month
    np.add.at(grid, idx.ravel(), (m.level_by_exit[:, None] * keep[None, :]).ravel())
    months = np.arange(n_months + 1)
    cum = np.cumsum(grid / (1 + m.rate) ** (months / 12))
    hit = np.flatnonzero(cum >= m.pv_costs())
    return float(hit[0] + 1) if len(hit) else np.nan


def _sensitivity(m: _Model, info: dict) -> pd.DataFrame:
    base = m.npv()
    n, k = info.get("n_ended", 0), info.get("n_success", 0)
    dw_lo, dw_hi = min(0.9, m.deadweight + 0.25), max(0.0, m.deadweight - 0.25)
    rows = [  # parameter, (low value, npv kwargs), (high value, npv kwargs): low = worse for the NPV
        ("monthly_level", (0.75, dict(level_mult=0.75)), (1.25, dict(level_mult=1.25))),
        ("horizon_years", (1, dict(horizon=1)), (5, dict(horizon=5))),
        ("dropoff_per_year", (0.5, dict(dropoff=0.5)), (0.0, dict(dropoff=0.0))),
        ("deadweight", (dw_lo, dict(deadweight=dw_lo)), (dw_hi, dict(deadweight=dw_hi))),
        ("discount_rate", (0.06, dict(rate=0.06)), (0.0, dict(rate=0.0))),
        ("cost", (1.1, dict(cost_mult=1.1)), (0.9, dict(cost_mult=0.9))),
    ]
    if n > 0 and k > 0:
        lo, hi = proportion_confint(k, n, method="wilson")
        rows.append(("successes", (lo * n, dict(success_mult=lo * n / k)), (hi * n, dict(success_mult=hi * n / k))))
    out = []
    for name, (lo_v, lo_kw), (hi_v, hi_kw) in rows:
        a, b = m.npv(**lo_kw), m.npv(**hi_kw)
        out.append({"parameter": name, "low_value": float(lo_v), "high_value": float(hi_v), "npv_low": a,
                    "npv_high": b, "range": abs(b - a), "npv_base": base})
    return pd.DataFrame(out).sort_values("range", ascending=False).reset_index(drop=True)


def _monte_carlo(m: _Model, info: dict, draws: int, seed: int, lang: str = "sv") -> dict:
    rng = np.random.default_rng(seed)
    n, k = info.get("n_ended", 0), info.get("n_success", 0)
    success_mult = rng.beta(k + 0.5, n - k + 0.5, draws) * n / k if (n > 0 and k > 0) else np.ones(draws)
    dw_sd = 0.1
    mu = min(max(m.deadweight, 0.01), 0.99)
    conc = max(mu * (1 - mu) / dw_sd ** 2 - 1, 2.0)
    deadweight = rng.beta(mu * conc, (1 - mu) * conc, draws)
    dropoff = rng.uniform(0, min(2 * m.dropoff, 0.9), draws) if m.dropoff > 0 else np.zeros(draws)
    rate = rng.uniform(0, 2 * m.rate, draws) if m.rate > 0 else np.zeros(draws)
    level = rng.normal(1.0, 0.1, draws).clip(0.5, 1.5)
    a = annuity_factor(m.horizon, dropoff, rate)
    # exits on the same day share a discount factor: sum their levels first (keeps memory small)
    t_unique, inverse = np.unique(m.t_exit, return_inverse=True)
    level_sum = np.bincount(inverse, weights=m.level_by_exit, minlength=len(t_unique))
    disc_b = (level_sum[None, :] / (1 + rate[:, None]) ** t_unique[None, :]).sum(axis=1)
    pv_b = disc_b * a * (1 - deadweight) * success_mult * level
    pv_c = (m.cost_fixed[None, :] / (1 + rate[:, None]) ** m.cost_t[None, :]).sum(axis=1)
    npv = pv_b - pv_c
    return {"draws": draws, "seed": seed, "p_npv_positive": float((npv > 0).mean()),
            "npv_p05": float(np.quantile(npv, 0.05)), "npv_median": float(np.median(npv)),
            "npv_p95": float(np.quantile(npv, 0.95)), "npv_draws": npv,
            "varied": msg("assumption.monte_carlo_varied", lang)}


def cost_benefit(project: Project, *, cost_basis: str | None = None, monte_carlo: bool = True,
                 effect: bool = True, payments=None, lang: str | None = None) -> CostBenefitResult:
    """Does the project pay for itself? Costs against the försörjningsstöd it avoided, per actor.

    Parameters
    ----------
    project
        A loaded project (for what-if assumptions: ``project.with_params(cost_benefit={...})``).
    cost_basis
        ``"actual_else_budget"`` or ``"budget"``; default from ``params.cost_benefit.cost_basis``.
    monte_carlo
        Also draw the assumptions at random (seeded) for P(NPV > 0) and a 90 % interval.
    effect
        Also compute the effect-based estimate from the comparison group (see :func:`effect_based`).
    payments
        A :class:`~evaltools.comparison.ComparisonResult` already computed for this project, so the
        difference-in-differences is not estimated a second time.
    lang
        ``"sv"`` or ``"en"`` for the sources, units and notes in the tables; default: the params file's.

    Returns
    -------
    CostBenefitResult
        ``table``: PV of benefits and costs, NPV and BCR per actor (kommun, region, stat,
        individ, samhälle). ``summary``: total cost, cost per participant and per success
        (nominal kr, as in the budget), NPV and BCR of avoided försörjningsstöd against the whole
        cost, payback months, break-even number of successful exits and person-years.
        ``assumptions``, ``sensitivity`` (one at a time, sorted for a tornado chart) and
        ``monte_carlo`` (P(NPV > 0) and a 90 % interval; seeded).

    Examples
    --------
    >>> cba = et.cost_benefit(project)  # doctest: +SKIP
    >>> cba.summary["npv"], cba.summary["break_even_exits"]  # doctest: +SKIP
    >>> et.cost_benefit(project.with_params(cost_benefit={"deadweight": 0.5}))  # doctest: +SKIP
    """
    lang = lang or project.params.language
    cost_basis = cost_basis or project.params.cost_benefit.cost_basis
    m, assumptions, ct, refs, info = _build(project, cost_basis, lang)
    cb = project.params.cost_benefit
    total_nominal = float(ct["used"].sum()) if len(ct) else 0.0
    pv_c, pv_b = m.pv_costs(), m.pv_fs()
    mean_level = float(m.level_by_exit.mean()) if len(m.level_by_exit) else float("nan")
    per_success_pv = mean_level * float(annuity_factor(m.horizon, m.dropoff, m.rate)) * (1 - m.deadweight)
    n_p = info.get("n_participants", 0)
    n_s = info.get("n_success", 0)
    if project.has_participants:  # successes as the project itself defines them (its main goal's numerator)
        successes = project_successes(project, lang)
        n_goal, success_label = successes.successes, successes.definition.describe(lang)
    else:
        n_goal, success_label = n_s, success_definition(project.params, lang).describe(lang)
    switching_dw = 1 - pv_c / (pv_b / (1 - m.deadweight)) if pv_b > 0 and m.deadweight < 1 else np.nan
    summary = {
        "mode": info["mode"],
        "price_year": project.params.price_year,
        "total_cost_nominal": total_nominal,
        "total_cost_fixed": float(ct["used_fixed"].sum()) if len(ct) else 0.0,
        "budget_total": float(ct[S.BUDGET].sum()) if len(ct) else 0.0,
        "actual_total": float(ct[S.ACTUAL].sum()) if len(ct) and ct[S.ACTUAL].notna().any() else np.nan,
        "participants": n_p,
        "ended": info.get("n_ended", 0),
        "successes": n_s,
        "cost_per_participant": total_nominal / n_p if n_p else np.nan,
        "success_definition": success_label,
        "goal_successes": n_goal,
        "cost_per_success": total_nominal / n_goal if n_goal else np.nan,
        "cost_per_exit_from_fs": total_nominal / n_s if n_s else np.nan,
        "monthly_level": mean_level,
        "pv_cost": pv_c,
        "pv_avoided_fs": pv_b,
        "npv": pv_b - pv_c,
        "bcr": pv_b / pv_c if pv_c > 0 else np.nan,
        "payback_months": _payback_month(m) if n_s else np.nan,
        "break_even_exits": pv_c / per_success_pv if per_success_pv > 0 else np.nan,
        "break_even_person_years": float(ct["used_fixed"].sum()) / (mean_level * 12) if mean_level > 0 else np.nan,
        "switching_deadweight": switching_dw,
        "deadweight": m.deadweight,
    }
    if not len(ct):  # no budget file: the cost is unknown, not 0 kr, and so is every figure built on it
        summary.update(dict.fromkeys(("total_cost_nominal", "total_cost_fixed", "budget_total", "cost_per_participant",
                                      "cost_per_success", "cost_per_exit_from_fs", "pv_cost", "npv", "bcr",
                                      "payback_months", "break_even_exits", "break_even_person_years",
                                      "switching_deadweight"), np.nan))
    result_table = _per_actor(m, lang)
    sens = _sensitivity(m, info)
    mc = _monte_carlo(m, info, cb.monte_carlo_draws, cb.seed, lang) if monte_carlo else None
    a_df = pd.DataFrame([a.__dict__ for a in assumptions])
    ref_df = pd.DataFrame([r.__dict__ for r in {(r.value, r.year, r.source, r.note): r for r in refs}.values()])
    eb = effect_based(project, m, draws=cb.monte_carlo_draws if monte_carlo else 0, seed=cb.seed,
                      payments=payments) if effect else None
    return CostBenefitResult(result_table, result_table, (), summary=summary, assumptions=a_df, costs=ct,
                             sensitivity=sens, monte_carlo=mc, reference_values=ref_df, effect_based=eb)


def effect_based(project: Project, m: _Model | None = None, draws: int = 5000, seed: int = 0,
                 payments=None) -> dict | None:
    """A second estimate of the benefit, from the project's own measured effect.

    Where a comparison group exists, the difference-in-differences estimate (kr per participant
    and month after the start) replaces the exits-times-level model: every participant's payments
    are taken to fall by that amount from their start month, for the same horizon, drop-off and
    discounting. No deadweight is applied: the comparison group already shows what would have
    happened anyway. The Monte Carlo draws the effect from its sampling distribution (normal,
    the DiD's cluster-robust standard error) together with drop-off and discount rate, so the
    estimate's own uncertainty reaches P(NPV > 0). ``None`` without a comparison group.
    """
    from .comparison import compare_payments
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
    t_start = ((start - pd.Timestamp(params.period.start)).dt.days / 365.25).clip(lower=0).to_numpy()
    t_unique, inverse = np.unique(t_start, return_inverse=True)
    count = np.bincount(inverse, minlength=len(t_unique)).astype(float)

    def pv(effect, dropoff, rate):
        effect, dropoff, rate = (np.asarray(x, float) for x in (effect, dropoff, rate))
        disc = (count[None, :] / (1 + rate.reshape(-1, 1)) ** t_unique[None, :]).sum(axis=1)
        return -effect.ravel() * factor * annuity_factor(m.horizon, dropoff.ravel(), rate.ravel()) * disc

    pv_b = float(pv(did.effect, m.dropoff, m.rate)[0])
    pv_c = m.pv_costs()
    out = {"did_effect": did.effect, "did_se": did.se, "did_ci_low": did.ci_low, "did_ci_high": did.ci_high,
           "price_factor": factor, "pv_benefit": pv_b, "pv_cost": pv_c, "npv": pv_b - pv_c,
           "bcr": pv_b / pv_c if pv_c > 0 else np.nan, "participants": int(len(start)),
           # the placebo before the start rejected: the DiD, and this estimate built on it, are not reliable
           "unreliable": bool(payments.parallel_trends_doubtful)}
    if draws:
        rng = np.random.default_rng(seed + 1)
        eff = rng.normal(did.effect, did.se, draws)
        dropoff = rng.uniform(0, min(2 * m.dropoff, 0.9), draws) if m.dropoff > 0 else np.zeros(draws)
        rate = rng.uniform(0, 2 * m.rate, draws) if m.rate > 0 else np.zeros(draws)
        pv_cost = (m.cost_fixed[None, :] / (1 + rate[:, None]) ** m.cost_t[None, :]).sum(axis=1)
        npv = pv(eff, dropoff, rate) - pv_cost
        out.update({"p_npv_positive": float((npv > 0).mean()), "npv_p05": float(np.quantile(npv, 0.05)),
                    "npv_p95": float(np.quantile(npv, 0.95)), "draws": draws})
    return out
