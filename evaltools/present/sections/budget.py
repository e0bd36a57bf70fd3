"""Budget and actual costs per line, with a total row and a chart."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import schema as S
from .contents import applies
from ..display import Table, Text
from ...words.formats import fmt_kr, fmt_pct, fmt_budget_share
from ...words.labels import budget_period_label, t
from . import basis as B
from ..plots import plot_budget


def missing_actuals(costs: pd.DataFrame) -> int:
    """Budgeted lines with no actual amount yet."""
    return int((costs[S.ACTUAL].isna() & costs[S.BUDGET].notna()).sum())


def per_year_note(r) -> tuple[str, ...]:
    """When the budget was given per year: how the yearly amounts were counted for the project's years."""
    b = r.project.budget
    fractions = () if b is None else b.attrs.get("per_year", ())
    if not fractions:
        return ()
    lang = r.lang
    shares = r.words.join([r.msg("budget.year_share", year=str(k), share=fmt_pct(sh, lang, 1)) for k, sh in fractions])
    return (r.msg("budget.per_year", shares=shares),)


def note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """The amounts' basis, how the share used is counted, and what the cost-benefit analysis takes
    from this table when it is not simply the actual costs."""
    return ((r.msg("budget.amounts", basis=B.basis_words(B.CURRENT, r.lang)),) + share_note(r, costs) + per_year_note(r)
            + (_basis_note(r, costs) if applies(r.kind, "costbenefit") and r.kind != "ansökan" else ()))


def share_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """When some lines have no actual amount yet: the share used is over the lines that have one."""
    use = r.cba.budget_use
    if not use.lines_with_actual or not use.lines_without_actual or r.kind == "ansökan":
        return ()
    return (r.msg("budget.share_note", n_missing=str(use.lines_without_actual),
                  n_lines=str(use.lines_with_actual + use.lines_without_actual), share=fmt_budget_share(use.share, r.lang)),)


def total_rows(r, budget_only: bool = False) -> list[list[str]]:
    """The table's total: one row when every line has an actual amount; else the lines with an actual
    amount (budget, actual, difference and the share used, all over the same lines), then all lines'
    budget. The share is :attr:`evaltools.analysis.costbenefit.BudgetUse.share`, the one page 1 and the portfolio show."""
    lang, use = r.lang, r.cba.budget_use
    if budget_only or not use.lines_with_actual:
        return [["", t("total", lang), fmt_kr(use.budget_total, lang), fmt_kr(np.nan, lang), fmt_kr(np.nan, lang),
                 fmt_pct(np.nan, lang, 0)]]
    done = ["", t("total", lang) if not use.lines_without_actual else r.msg("budget.total_with_actual"),
            fmt_kr(use.budget_with_actual, lang), fmt_kr(use.actual_total, lang), fmt_kr(use.difference, lang),
            fmt_budget_share(use.share, lang)]
    if not use.lines_without_actual:
        return [done]
    return [done, ["", r.msg("budget.total_all"), fmt_kr(use.budget_total, lang), "", "", ""]]


def has_actuals(costs: pd.DataFrame) -> bool:
    """Does any line have an actual amount? Without one (a project not yet accounted for) the table
    shows the budget only, with no empty actual, difference and use columns."""
    return bool(costs[S.ACTUAL].notna().any())


def _basis_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    missing = missing_actuals(costs)
    if not has_actuals(costs):  # the budget is all there is: nothing to say about lines with actuals
        return ()
    if r.params.cost_benefit.cost_basis == "budget":
        return (r.msg("budget.basis_budget"),)
    if missing:
        return (r.plural("budget.missing_actuals", missing, n=str(missing)),)
    return ()


def blocks(r) -> list[list]:
    lang, msg = r.lang, r.msg
    ct = r.cba.costs
    if ct is None or ct.empty:
        return [[Text([msg("budget.absent")], msg("budget.heading"))]]
    frame = pd.DataFrame({
        t("period", lang): [budget_period_label(v, lang) for v in ct[S.PERIOD]], msg("budget.category"): ct[S.CATEGORY],
        t("budget", lang): [fmt_kr(v, lang) for v in ct[S.BUDGET]],
        t("actual", lang): [fmt_kr(v, lang) for v in ct[S.ACTUAL]],
        t("difference", lang): [fmt_kr(v, lang) for v in ct["difference"]],
        t("used_pct", lang): [fmt_pct(v, lang, 0) for v in ct["used_pct"]],
    })
    # an application is judged on its budget: actual amounts booked since (the same budget file may
    # carry them) are not what the board was asked to decide on
    budget_only = r.kind == "ansökan" or not has_actuals(ct)
    for row in total_rows(r, budget_only):
        frame.loc[len(frame)] = row
    if budget_only:
        frame = frame[[t("period", lang), msg("budget.category"), t("budget", lang)]]
    return [[Text([], msg("budget.heading_budget_only" if budget_only else "budget.heading")),
             Table(frame, notes=note(r, ct), numeric=(t("budget", lang), t("actual", lang), t("difference", lang),
                                                      t("used_pct", lang))),
             # (budget only: the table says it all; the chart would show an empty actual series)
             None if budget_only else plot_budget(ct, lang)]]
