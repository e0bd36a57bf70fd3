"""Budget and actual costs per line, with a total row and a chart."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ...analysis.cohorts import several_municipalities
from ...analysis.costbenefit import budget_use
from ...analysis.costbenefit.costs import co_financing_municipalities
from ...analysis.goals import period_windows
from ...data import schema as S
from .contents import applies
from ..display import Table, Text
from ..markup import written
from ...words.formats import fmt_date, fmt_kr, fmt_pct, fmt_budget_share, fmt_int, round_half_up
from ...words.labels import budget_period_label, code_label, t
from ...words.verdicts import lower_first
from . import basis as B
from ..plots import plot_budget


def shown_difference(actual: float, budget: float, lang: str) -> str:
    """The difference between an utfall and its budget as the figures beside it show them: each amount in whole
    kronor first, then subtracted, so that a reader who subtracts the row's budget from its utfall gets the
    difference shown (an utfall of 812 345,50 kr is shown 812 346 kr; beside a budget of 850 000 kr the
    difference is −37 654 kr, not the exact −37 654,50 kr that would round to −37 655 kr)."""
    if pd.isna(actual) or pd.isna(budget):
        return fmt_kr(np.nan, lang)
    return fmt_kr(round_half_up(float(actual)) - round_half_up(float(budget)), lang)


def _unspent(costs: pd.DataFrame) -> pd.Series:
    """The lines of periods after a project ended early that were never spent (no cost; see ``costs``)."""
    return costs["unspent"].astype(bool) if "unspent" in costs else pd.Series(False, index=costs.index)


def _so_far(costs: pd.DataFrame) -> pd.Series:
    """The lines of a period not over when the data were taken, with utfall so far (``costs``' actual_so_far)."""
    return costs[S.ACTUAL_SO_FAR].notna() if S.ACTUAL_SO_FAR in costs else pd.Series(False, index=costs.index)


def missing_actuals(costs: pd.DataFrame) -> int:
    """Budgeted lines with no actual amount yet (not the lines of a time after the project ended early, nor
    those with utfall so far of a period not over, which :func:`so_far_note` tells of)."""
    return int((costs[S.ACTUAL].isna() & costs[S.BUDGET].notna() & ~_unspent(costs) & ~_so_far(costs)).sum())


def so_far_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """When some lines hold the utfall so far of a period not over when the data were taken: which periods,
    and how the share used and the cost count them."""
    part = costs[_so_far(costs)]
    if part.empty:
        return ()
    labels = (budget_period_label(str(p), r.lang) for p in part[S.PERIOD])
    # (in a sentence: "the whole period", not "The whole period" as the table's first column has it)
    periods = r.words.join(list(dict.fromkeys(x[:1].lower() + x[1:] if x[:1].isalpha() else x for x in labels)))
    return (r.msg("budget.so_far_note", periods=periods, as_of=r.params.as_of.isoformat()),)


def _actual_cell(line: pd.Series, lang: str, msg) -> str:
    """A line's utfall; the utfall so far of a period not over, marked as such."""
    so_far = line.get(S.ACTUAL_SO_FAR)
    if pd.isna(line[S.ACTUAL]) and so_far is not None and pd.notna(so_far):
        return msg("budget.actual_so_far", amount=fmt_kr(so_far, lang))
    return fmt_kr(line[S.ACTUAL], lang)


def unspent_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """When the project ended early: the budget lines of the time after it, which have no actual amount and
    are no cost, with their periods and amount."""
    never = costs[_unspent(costs) & costs[S.BUDGET].notna()]
    if never.empty or r.params.period.actual_end is None:
        return ()
    periods = r.words.join(list(dict.fromkeys(budget_period_label(str(p), r.lang) for p in never[S.PERIOD])))
    return (r.plural("budget.unspent", len(never), n=str(len(never)), end=r.params.period.actual_end.isoformat(),
                     periods=periods, amount=fmt_kr(float(never[S.BUDGET].sum()), r.lang)),)


def per_year_note(r) -> tuple[str, ...]:
    """When the budget was given per year: how the yearly amounts were counted for the project's years."""
    b = r.project.budget
    fractions = () if b is None else b.attrs.get("per_year", ())
    if not fractions:
        return ()
    lang = r.lang
    shares = r.words.join([r.msg("budget.year_share", year=str(k), share=fmt_pct(sh, lang, 1)) for k, sh in fractions])
    return (r.msg("budget.per_year", shares=shares),)


def revised_note(r) -> tuple[str, ...]:
    """When the board revised the budget: the years whose budget is the revision, each with the application's
    budget beside it, so that the share used is read against the budget it is counted with."""
    b = r.project.budget
    revised = () if b is None else b.attrs.get("revised", ())
    if not revised:
        return ()
    lang = r.lang
    amounts = [r.msg("budget.revised_year", year=str(year), revised=fmt_kr(after, lang), original=fmt_kr(before, lang))
               for year, before, after in revised]
    return (r.msg("budget.revised", amounts=r.words.join(amounts)),)


def project_years_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """When the budget is kept per project year (``år 2``): each of those years' dates, the same the goal table gives
    its project years (:func:`evaltools.analysis.goals.period_windows`). A project year need not be a calendar year
    (a project starting on 1 September), and "År 1" alone is read as the year the project began."""
    years = sorted({read[1] for p in costs[S.PERIOD] if (read := S.budget_period(p)) and read[0] == "project_year"})
    windows = {int(w.key[2:]): w for w in period_windows(r.params, "project_year")}
    dates = [r.msg("budget.project_year_dates", n=str(n), first=f"{windows[n].first:%Y-%m-%d}",
                   last=f"{windows[n].last:%Y-%m-%d}") for n in years if n in windows]
    return (r.msg("budget.project_years", years=r.words.join(dates)),) if dates else ()


def prestudy_note(r, years_said: bool = False) -> tuple[str, ...]:
    """After a pre-study (``period.implementation_start``): the cost counts the pre-study's lines, and project years
    (a budget's ``år 1``) count from the implementation's start; that alone where ``years_said``, the note of the
    project years' dates (:func:`project_years_note`) standing before it."""
    pre = r.params.period.prestudy
    if pre is None:
        return ()
    if years_said:
        return (r.msg("budget.prestudy_cost", first=fmt_date(pre[0]), last=fmt_date(pre[1])),)
    return (r.msg("budget.prestudy", first=fmt_date(pre[0]), last=fmt_date(pre[1]),
                  implementation=fmt_date(r.params.period.years_start)),)


def note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """The amounts' basis, how the share used is counted, and what the cost-benefit analysis takes
    from this table when it is not simply the actual costs."""
    cba = applies(r.kind, "costbenefit") and r.kind != "ansökan"
    # the lines without utfall are told of once: where the share note counts them, it also says that the
    # cost-benefit analysis takes their budget, and the basis note does not count them again
    budget_where_missing = cba and _budget_where_missing(r, costs)
    share = share_note(r, costs, budget_where_missing)
    years = project_years_note(r, costs)
    return (amounts_note(r, costs) + years + prestudy_note(r, years_said=bool(years)) + share
            + per_year_note(r) + revised_note(r)
            + so_far_note(r, costs)
            + (_basis_note(r, costs, said=bool(share)) if cba else ())
            + unspent_note(r, costs) + granted_note(r, costs))


def amounts_note(r, costs: pd.DataFrame) -> tuple[str]:
    """The amounts' basis; with it, the lines with neither a budget nor an utfall (a blank row of the template the
    förbund's report used, such as Timrå's "Resekostnader"), whose row of dashes would otherwise stand without a
    word, and that the totals count them as nothing."""
    basis = B.basis_words(B.CURRENT, r.lang)
    empty = costs[costs[S.BUDGET].isna() & costs[S.ACTUAL].isna() & ~_unspent(costs) & ~_so_far(costs)]
    if empty.empty:
        return (r.msg("budget.amounts", basis=basis),)
    lines = r.words.join(list(dict.fromkeys(str(c) for c in empty[S.CATEGORY])))
    return (r.msg("budget.amounts_empty", basis=basis, lines=lines),)


def granted_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """When the förbund's lines cost more than the förbund granted (``granted_sek``): by how much, as the
    table's own figures show it (the utfall of the förbund's lines, current prices). A board that granted
    1,6 million and reads 2,5 million spent on its lines asks who paid the rest; the table alone leaves the
    sum to the reader. Nothing for an application, or where no line has an utfall."""
    granted = r.params.granted_sek
    if not granted or r.kind == "ansökan" or not has_actuals(costs):
        return ()
    ours = costs[costs[S.FUNDER].astype(str) == "förbund"] if S.FUNDER in costs else costs
    spent = float(ours[S.ACTUAL].sum())  # (lines without an utfall yet count nothing)
    if spent <= granted:
        return ()
    return (r.msg("budget.over_granted", spent=fmt_kr(spent, r.lang), over=fmt_kr(spent - granted, r.lang),
                  granted=fmt_kr(granted, r.lang)),)


def share_note(r, costs: pd.DataFrame, budget_where_missing: bool = False) -> tuple[str, ...]:
    """When some lines have no actual amount yet: the share used is over the lines that have one; with
    ``budget_where_missing``, also that the cost-benefit analysis counts those lines at their budget (the
    one sentence that tells of them)."""
    use = r.cba.budget_use
    # (a line with utfall so far of a period not over is told of by so_far_note: it does not lack utfall)
    missing = (use.lines_without_actual - int((_unspent(costs) & costs[S.BUDGET].notna()).sum())
               - int((_so_far(costs) & costs[S.ACTUAL].isna() & costs[S.BUDGET].notna()).sum()))
    if not use.lines_with_actual or missing <= 0 or r.kind == "ansökan":
        return ()
    key = "budget.share_note_budget_counted" if budget_where_missing else "budget.share_note"
    return (r.msg(key, n_missing=str(missing),
                  n_lines=str(use.lines_with_actual + use.lines_without_actual), share=fmt_budget_share(use.share, r.lang)),)


def _period_in_text(period: object, lang: str) -> str:
    """A budget period as its subtotal's label says it, inside a phrase: a project year or the whole
    period in lower case (``Summa år 1``, ``Total year 1``), as a sentence writes them, not ``Summa År 1``
    as the period column's own cell has it; a calendar year or the file's own text (``Kv3 2024``) as it is."""
    label = budget_period_label(period, lang)
    kind, _ = S.budget_period(str(period).strip()) or ("", 0)
    return label[:1].lower() + label[1:] if kind in ("project_year", "whole") else label


def total_rows(r, budget_only: bool = False) -> list[list[str]]:
    """The table's total: one row when every line has an actual amount; else the lines with an actual
    amount (budget, actual, difference and the share used, all over the same lines), then all lines'
    budget. The share is :attr:`evaltools.analysis.costbenefit.BudgetUse.share`, the one page 1 and the portfolio show."""
    lang, use = r.lang, r.cba.budget_use
    if budget_only or not use.lines_with_actual:
        return [["", t("total", lang), fmt_kr(use.budget_total, lang), fmt_kr(np.nan, lang), fmt_kr(np.nan, lang),
                 fmt_pct(np.nan, lang, 0)]]
    done = ["", t("total", lang) if not use.lines_without_actual else r.msg("budget.total_with_actual"),
            fmt_kr(use.budget_with_actual, lang), fmt_kr(use.actual_total, lang),
            shown_difference(use.actual_total, use.budget_with_actual, lang),
            fmt_budget_share(use.share, lang)]
    if not use.lines_without_actual:
        return [done]
    return [done, ["", r.msg("budget.total_all"), fmt_kr(use.budget_total, lang), "", "", ""]]


def has_actuals(costs: pd.DataFrame) -> bool:
    """Does any line have an actual amount? Without one (a project not yet accounted for) the table
    shows the budget only, with no empty actual, difference and use columns."""
    return bool(costs[S.ACTUAL].notna().any())


def _budget_where_missing(r, costs: pd.DataFrame) -> bool:
    """Does the cost-benefit analysis count some lines at their budget because they have no utfall yet
    (the cost basis is the utfall, and some lines have one)?"""
    return (has_actuals(costs) and r.params.cost_benefit.cost_basis != "budget"
            and missing_actuals(costs) > 0)


def _basis_note(r, costs: pd.DataFrame, said: bool = False) -> tuple[str, ...]:
    """What the cost-benefit analysis takes from the table when it is not simply the utfall; ``said``: the
    share note has already told of the lines without utfall, and of their budget in the analysis."""
    missing = missing_actuals(costs)
    if not has_actuals(costs):  # the budget is all there is: nothing to say about lines with actuals
        return ()
    if r.params.cost_benefit.cost_basis == "budget":
        return (r.msg("budget.basis_budget"),)
    if missing and not said:
        return (r.plural("budget.missing_actuals", missing, n=str(missing)),)
    return ()


def _sum_rows(r, label: str, group: pd.DataFrame, budget_only: bool) -> list[list[str]]:
    """A subtotal of some lines (a period's, a funder's), counted as the table's total is (:func:`total_rows`):
    one row when every line has an actual amount (or none has); else the lines with an actual amount (budget,
    actual, difference and the share used, all over the same lines, so that the row's figures subtract),
    then all lines' budget."""
    lang, use = r.lang, budget_use(group)
    if budget_only or not use.lines_with_actual:
        # a period not over whose every line has utfall so far: their sum, marked as the lines are
        so_far = group[S.ACTUAL_SO_FAR] if S.ACTUAL_SO_FAR in group else pd.Series(dtype=float)
        actual = (r.msg("budget.actual_so_far", amount=fmt_kr(float(so_far.sum()), lang))
                  if not budget_only and len(group) and so_far.notna().all() else fmt_kr(np.nan, lang))
        return [["", label, fmt_kr(use.budget_total, lang), actual, fmt_kr(np.nan, lang), fmt_pct(np.nan, lang, 0)]]
    done = ["", label if not use.lines_without_actual else r.msg("budget.part_with_actual", label=label),
            fmt_kr(use.budget_with_actual, lang), fmt_kr(use.actual_total, lang),
            shown_difference(use.actual_total, use.budget_with_actual, lang),
            fmt_budget_share(use.share, lang)]
    if not use.lines_without_actual:
        return [done]
    return [done, ["", r.msg("budget.part_all", label=label), fmt_kr(use.budget_total, lang), "", "", ""]]


def _funders(ct: pd.DataFrame) -> list[str]:
    """The funders of the budget's lines, in the order they first appear ([] when the file names none)."""
    if S.FUNDER not in ct:
        return []
    return list(dict.fromkeys(str(f) for f in ct[S.FUNDER].dropna()))


# a municipality named in the params file's owner or partners ('Timrå kommun', 'Arbetsmarknadsenheten Timrå kommun'):
# the capitalised word before 'kommun'
_MUNICIPALITY_NAMED = re.compile(r"\b([A-ZÅÄÖÉ][\w-]*?)s?\s+kommun\b")


def named_municipalities(params) -> int:
    """How many municipalities the params file's owner and partners name ('Härnösands kommun', 'Timrå kommun',
    'Sundsvalls kommun': three; 'Timrå kommun, IFO' and 'Arbetsmarknadsenheten Timrå kommun': one)."""
    names = [str(params.owner), *(str(p) for p in params.partners)]
    return len({m.group(1).casefold() for n in names for m in _MUNICIPALITY_NAMED.finditer(n)})


def municipalities_together(project) -> bool:
    """Whether the municipal actor of the cost-benefit is several municipalities together ("kommunerna"): the
    participants come from two or more (their municipality column), or the budget's co-financing of municipalities
    is several's (:func:`co_financing_of_several`)."""
    return several_municipalities(project) or co_financing_of_several(project.budget, project.params)


def co_financing_of_several(costs: pd.DataFrame | None, params) -> bool:
    """Whether the budget's co-financing lines of municipalities (funder ``kommun``) are several municipalities':
    the lines name two or more ('Personal, Härnösands kommun', 'Personal, Timrå kommun'), or name none and the
    params file's owner and partners name two or more (a förbund's three member municipalities)."""
    if costs is None or costs.empty or S.FUNDER not in costs or not (costs[S.FUNDER].astype(str) == "kommun").any():
        return False
    named = co_financing_municipalities(costs)
    return named > 1 or (named == 0 and named_municipalities(params) > 1)


def funder_label(r, funder: str, costs: pd.DataFrame) -> str:
    """A funder's name for its part of the cost: the municipalities' co-financing in the plural where the
    lines written with the code ``kommun`` name two or more municipalities ('Personal, Härnösands kommun',
    'Personal, Timrå kommun'), or name none and the params file's owner and partners name two or more (a project of
    a förbund's three municipalities); one municipality's is said as the code's label."""
    if str(funder) == "kommun" and co_financing_of_several(costs, r.params):
        return r.msg("budget.funder_kommuner")
    return code_label(S.FUNDER, funder, r.lang)


# the funders whose name is a common noun ("Egen finansiering", "Kommunens medfinansiering"): lower-case after
# "varav" in the middle of a row; Försäkringskassan's, Arbetsförmedlingen's and the EU's keep their capital
_COMMON_FUNDERS = ("förbund", "egen", "kommun", "region")


def funder_in_row(r, funder: str, costs: pd.DataFrame) -> str:
    """A funder's name after "varav" in the budget table's row of its part ("varav egen finansiering"): a common
    noun in lower case, a proper noun ("Försäkringskassans medfinansiering") as it is written."""
    name = funder_label(r, funder, costs)
    return lower_first(name) if str(funder) in _COMMON_FUNDERS else name


# the most budget lines the report's table lists one by one; a longer budget (hundreds of lines, as a ledger's
# export) is given by its sums, and every line is in the workbook's budget sheet (a table of thousands of rows
# took the PDF past several gigabytes of memory and a hundred pages)
LINES_LISTED = 60


def lines_listed(costs: pd.DataFrame) -> bool:
    """Whether the report's budget table lists every line (at most :data:`LINES_LISTED`); else it gives the sums
    per period and funder, and the workbook's budget sheet every line."""
    return len(costs) <= LINES_LISTED


def summarised_note(r, costs: pd.DataFrame) -> tuple[str, ...]:
    """Where the table gives only sums: how many lines the budget has, and where each is."""
    if lines_listed(costs):
        return ()
    return (r.msg("budget.summarised", n=fmt_int(len(costs), r.lang),
                  sheet=r.msg("workbook.sheets.budget.title")),)


def blocks(r) -> list[list]:
    lang, msg = r.lang, r.msg
    ct = r.cba.costs
    if ct is None or ct.empty:
        return [[Text([msg("budget.absent")], msg("budget.heading"))]]
    # an application is judged on its budget: actual amounts booked since (the same budget file may
    # carry them) are not what the board was asked to decide on
    budget_only = r.kind == "ansökan" or not (has_actuals(ct) or _so_far(ct).any())
    periods = list(dict.fromkeys(ct[S.PERIOD]))
    funders = _funders(ct)
    named_in_lines = co_financing_municipalities(ct) > 0
    rows: list[list[str]] = []
    funder_of: list[str] = []
    listed = lines_listed(ct)
    # lines grouped by period (in the order the file first names them), each period with its subtotal
    for period in periods:
        group = ct[ct[S.PERIOD] == period]
        for _, line in (group.iterrows() if listed else ()):
            # (a period in one line of the narrow column: "Pre-study" is not broken at its hyphen, as the whole
            # period is not at its space)
            rows.append([budget_period_label(line[S.PERIOD], lang).replace("-", "\u2011"), written(line[S.CATEGORY], lang),
                         fmt_kr(line[S.BUDGET], lang),
                         _actual_cell(line, lang, msg),
                         shown_difference(line[S.ACTUAL], line[S.BUDGET], lang),
                         fmt_pct(line["used_pct"], lang, 0)])
            # (a line of the member municipalities that names none of them is theirs together, as their total)
            funder_of.append((funder_label(r, line[S.FUNDER], ct) if not named_in_lines
                              else code_label(S.FUNDER, line[S.FUNDER], lang)) if len(funders) > 1 else "")
        if len(periods) > 1:  # (one period: its sum is the total below, listed or not)
            for row in _sum_rows(r, msg("budget.total_period", period=_period_in_text(period, lang)), group,
                                 budget_only):
                rows.append(row)
                funder_of.append("")
    for row in total_rows(r, budget_only):
        rows.append(row)
        funder_of.append("")
    if len(funders) > 1:  # whose money: each funder's part of the total
        for f in funders:
            for row in _sum_rows(r, msg("budget.total_funder", funder=funder_in_row(r, f, ct)),
                                 ct[ct[S.FUNDER].astype(str) == f], budget_only):
                rows.append(row)
                funder_of.append("")
    columns = [t("period", lang), msg("budget.category"), t("budget", lang), t("actual", lang), t("difference", lang),
               t("used_pct", lang)]
    frame = pd.DataFrame(rows, columns=columns)
    if len(funders) > 1:
        frame.insert(2, msg("budget.funder"), funder_of)
    if budget_only:
        frame = frame[[c for c in frame.columns if c not in (t("actual", lang), t("difference", lang), t("used_pct", lang))]]
    return [[Text([], msg("budget.heading_budget_only" if budget_only else "budget.heading")),
             # (with the column of funders, in smaller type: seven columns of Swedish words and whole kronor took the
             # last column past the right margin)
             Table(frame, notes=summarised_note(r, ct) + note(r, ct) + funder_note(r, funders),
                   numeric=(t("budget", lang), t("actual", lang), t("difference", lang), t("used_pct", lang)),
                   wide=len(funders) > 1),
             # (budget only: the table says it all; the chart would show an empty actual series)
             None if budget_only else plot_budget(ct, lang)]]


def funder_note(r, funders: list[str]) -> tuple[str, ...]:
    """With several funders: whose money each line is, and how the cost-benefit analysis books it."""
    if len(funders) < 2:
        return ()
    # an EU fund's grant is booked on the state (evaltools.data.schema.FUNDER_ACTOR): the note says so
    eu = " " + r.msg("budget.funders_note_eu") if "eu" in funders else ""
    return (r.msg("budget.funders_note") + eu,)
