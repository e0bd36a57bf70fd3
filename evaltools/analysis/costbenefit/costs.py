"""Project costs in one price year (budget against utfall) and the one share of the budget used."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...data.arguments import check_choice
from ...data import schema as S
from ...data.project import Project
from ...data.reference import price_factor
from ..result import Result
from .model import _cost_months



# a municipality named in a budget line's category ('Personal, Härnösands kommun', 'Timrå kommun'): the capitalised
# word before 'kommun'
_MUNICIPALITY_NAMED = re.compile(r"\b([A-ZÅÄÖÉ][\w-]*)\s+kommun\b")


def co_financing_municipalities(costs: pd.DataFrame | None) -> int:
    """How many municipalities the budget's co-financing lines (funder ``kommun``) name in their category:
    the lines of a förbund's member municipalities are all written with the code ``kommun`` and told apart by
    the name in the category ('Personal, Härnösands kommun', 'Personal, Timrå kommun').

    Examples
    --------
    >>> lines = pd.DataFrame({"category": ["Personal, Härnösands kommun", "Personal, Timrå kommun", "Lokal"],
    ...                       "funder": ["kommun", "kommun", "förbund"]})
    >>> co_financing_municipalities(lines), co_financing_municipalities(lines.iloc[1:])
    (2, 1)
    """
    if costs is None or costs.empty or S.FUNDER not in costs:
        return 0
    lines = costs.loc[costs[S.FUNDER].astype(str) == "kommun", S.CATEGORY].astype(str)
    return len({m.group(1).lower() for c in lines for m in _MUNICIPALITY_NAMED.finditer(c)})


def partners_in_budget(costs: pd.DataFrame | None) -> bool:
    """Whether the budget holds a cost line of a partner's own contribution (funder ``egen``, ``kommun``, ``region``,
    ``försäkringskassan`` or ``arbetsförmedlingen``: money or staff time given in kind) that costs anything: the
    calculation then counts the partners' contributions the budget names, and only those outside it are left out.

    Examples
    --------
    >>> lines = pd.DataFrame({"funder": ["förbund", "egen", "eu"], "used": [500.0, 300.0, 0.0]})
    >>> partners_in_budget(lines), partners_in_budget(lines.iloc[[0, 2]])
    (True, False)
    """
    if costs is None or costs.empty or S.FUNDER not in costs:
        return False
    partner = costs[S.FUNDER].astype(str).isin([f for f, actor in S.FUNDER_ACTOR.items() if f != "eu"])
    amount = costs["used"] if "used" in costs else costs[S.BUDGET]  # (what the calculation counts, where known)
    return bool((partner & pd.to_numeric(amount, errors="coerce").fillna(0).gt(0)).any())


# --- costs ----------------------------------------------------------------------------
def _period_year(period: str, params) -> int:
    """The price year of a budget period label: a calendar year its own, a project year the calendar year it begins
    in, the whole period the end year."""
    kind, n = S.budget_period(period) or ("whole", 0)  # (a period the loader refuses never gets here)
    if kind == "year":
        return n
    if kind == "project_year" and n == 0 and params.period.prestudy is not None:
        return params.period.start.year  # (a pre-study's own lines: the year it began)
    if kind == "project_year":
        return params.period.years_start.year + n - 1  # (from the implementation's start after a pre-study)
    return params.period.end.year


def _discount_years(period: str, params) -> float:
    """The years from the project's start at which a line's cost, discounted once, has the present value the
    calculation gives it. The calculation spreads the line evenly over its months (:func:`~.model._cost_months`) and
    discounts month k by (1 + rate)^(−k/12), so t = −ln(the mean of those factors) / ln(1 + rate); at a rate of 0, the
    mean of k/12. (The years to the period's first day, shown before, put a 2024 line of a project starting 2023-04-01
    at 0,75 years and a 2023 line at 0, so the workbook's lines discounted so gave 3 262 096 kr where the report
    gives 3 224 774 kr.)"""
    a, b = _cost_months(period, params)
    k = np.arange(a, b + 1) / 12
    r = float(params.cost_benefit.discount_rate)
    if r <= 0:
        return float(k.mean())
    return float(-np.log(np.mean((1 + r) ** -k)) / np.log1p(r))


def _period_start(period: str, params) -> dt.date | None:
    """The first day of a budget period (a calendar year or a project year); None for the whole period."""
    kind, n = S.budget_period(period) or ("whole", 0)
    start = params.period.years_start  # (project years count from the implementation's start after a pre-study)
    if kind == "year":
        return dt.date(n, 1, 1)
    if kind == "project_year" and n == 0 and params.period.prestudy is not None:
        return params.period.start  # (a pre-study's own lines)
    if kind == "project_year":
        year = start.year + n - 1
        return start.replace(year=year) if (start.month, start.day) != (2, 29) else dt.date(year, 3, 1)
    return None


def after_end(periods: pd.Series, params) -> pd.Series:
    """Whether each budget period begins after the day a project ended early (``period.actual_end``): a line of
    such a period without an actual amount was never spent, so its budget is no cost of the project."""
    end = params.period.actual_end
    if end is None:
        return pd.Series(False, index=periods.index)
    return periods.map(lambda p: (d := _period_start(str(p), params)) is not None and d > end).astype(bool)


def price_references(project: Project) -> list:
    """The KPI values that restate the budget's lines in the price year (``costs``' factors), for
    the report's list of estimated or uncertain reference values; none for a line already in the
    price year (its factor is 1 whatever the KPI)."""
    b, params = project.budget, project.params
    if b is None or b.empty:
        return []
    years = sorted({_period_year(p, params) for p in b[S.PERIOD]} - {params.price_year})
    overrides = dict(params.reference.kpi)
    return [r for y in years for r in price_factor(y, params.price_year, overrides)[1]]


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
        cost-benefit analysis counts), price_year_factor, used_fixed (in the price year), t_years,
        unspent (a line without an actual amount of a period that begins after the project ended early:
        its budget was never spent, so ``used`` is 0) and actual_so_far (the utfall so far of a period not
        over when the data were taken, which is not its actual amount: see
        :func:`evaltools.data.project.load_project`).

    Examples
    --------
    >>> et.costs(project).table["used"].sum()  # doctest: +SKIP
    """
    check_choice("cost_basis", cost_basis, ("actual_else_budget", "budget"), "costs", project.params.language)
    b = project.budget
    if b is None or b.empty:
        return CostTable(pd.DataFrame(columns=["period", "category", "budget", "actual", "difference", "used_pct",
                                               "used", "price_year_factor", "used_fixed", "t_years", "funder",
                                               "unspent", S.ACTUAL_SO_FAR]))
    params = project.params
    df = b[[S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL, S.FUNDER]].copy()
    df["difference"] = df[S.ACTUAL] - df[S.BUDGET]
    df["used_pct"] = df[S.ACTUAL] / df[S.BUDGET]
    if cost_basis == "budget":
        df["used"] = df[S.BUDGET].fillna(0.0)
    else:
        df["used"] = df[S.ACTUAL].where(df[S.ACTUAL].notna(), df[S.BUDGET]).fillna(0.0)
    # a period not over when the data were taken: its utfall so far (set aside by the loader), and it counts
    # at its budget, or at that utfall where it is already more
    df[S.ACTUAL_SO_FAR] = b[S.ACTUAL_SO_FAR] if S.ACTUAL_SO_FAR in b else np.nan
    if cost_basis != "budget":
        df["used"] = np.fmax(df["used"], df[S.ACTUAL_SO_FAR].fillna(0.0))
    # (the ex-ante view counts every line's budget: nothing is unspent there)
    df["unspent"] = (after_end(df[S.PERIOD], params) & df[S.ACTUAL].isna()) if cost_basis != "budget" else False
    df.loc[df["unspent"], "used"] = 0.0
    overrides = dict(params.reference.kpi)
    df["price_year_factor"] = [price_factor(_period_year(p, params), params.price_year, overrides)[0]
                               for p in df[S.PERIOD]]
    df["used_fixed"] = df["used"] * df["price_year_factor"]
    df["t_years"] = [_discount_years(p, params) for p in df[S.PERIOD]]
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


def settled_lines(costs: pd.DataFrame) -> pd.Series:
    """A budget line counts as settled when it has an actual amount, or no amounts at all, or is a line of a
    period after the project ended early that was never spent (``unspent``)."""
    settled = costs[S.ACTUAL].notna() | costs[S.BUDGET].isna()
    return settled | costs["unspent"].astype(bool) if "unspent" in costs else settled


@dataclass(frozen=True)
class CostSoFar:
    """The cost paid so far of a running project, and the persons it is paid for.

    Attributes
    ----------
    paid
        The settled lines' actual amounts, and the utfall so far of a period not over where the budget has
        one (current prices).
    through
        The last day of the budget periods those lines are (calendar or project years): a cost per
        person divides ``paid`` by the persons who had started by then, and a cost per success by the
        successes that had ended by then. ``None`` when the settled lines are not whole periods before
        the unsettled ones (a line for the whole period, or a period only partly settled): the persons
        are then those so far.
    """

    paid: float
    through: dt.date | None


def _period_end(period: str, params) -> dt.date | None:
    """The last day of a budget period (a calendar year or a project year); None for the whole period."""
    if (S.budget_period(period) or ("whole", 0))[0] == "whole":
        return None
    return S.budget_period_end(period, params.period.years_start, params.period.end)


def settled_through(table: pd.DataFrame, params) -> dt.date | None:
    """The last day of the budget periods whose lines are all settled, when those periods come before every
    period with a line not yet settled; None when the settled lines are not such whole periods."""
    settled = settled_lines(table)
    ends: dict[str, dt.date] = {}
    for period in table[S.PERIOD].astype(str).unique():
        if (end := _period_end(period, params)) is None:
            return None
        ends[period] = end
    done = settled.groupby(table[S.PERIOD].astype(str)).all()
    closed = [ends[str(p)] for p, ok in done.items() if ok]
    open_ = [ends[str(p)] for p, ok in done.items() if not ok]
    if not closed or not open_ or max(closed) >= min(open_):
        return None
    return max(closed)


def cost_so_far(table: pd.DataFrame, running: bool, cost_basis: str, params) -> CostSoFar | None:
    """The cost paid so far — the settled lines' actual amounts — when a cost per person should use it:
    the project still runs and only some of its lines are settled, so the total holds budget for what
    remains while the persons are only those so far. ``None`` otherwise (the total is the numerator). Where
    a period not over has utfall so far (``actual_so_far``), that is paid too, and the persons are those so
    far (no :attr:`CostSoFar.through`)."""
    if not running or cost_basis == "budget" or not len(table):
        return None
    settled = settled_lines(table)
    so_far = table[S.ACTUAL_SO_FAR].notna() if S.ACTUAL_SO_FAR in table else pd.Series(False, index=table.index)
    if so_far.any():  # the running period's utfall so far too: the cost up to the data's day, over the persons so far
        return CostSoFar(float(table.loc[settled & ~so_far, "used"].sum() + table.loc[so_far, S.ACTUAL_SO_FAR].sum()),
                         None)
    if settled.all() or not settled.any():
        return None
    return CostSoFar(float(table.loc[settled, "used"].sum()), settled_through(table, params))


def paid_through(project: Project, cost_basis: str | None = None) -> dt.date | None:
    """The last day of the budget periods a running project's costs per person are paid for
    (:attr:`CostSoFar.through`), or None: what :attr:`CostSummary.per_person_through` holds, without the
    rest of the cost-benefit analysis."""
    basis = cost_basis or project.params.cost_benefit.cost_basis
    so_far = cost_so_far(costs(project, basis).table, project.params.runs_on, basis, project.params)
    return so_far.through if so_far is not None else None


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


