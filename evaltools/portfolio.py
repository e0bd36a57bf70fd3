"""Portfolio: every project side by side — participants, success rates with intervals, costs,
budget use and cost-benefit."""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from .costbenefit import cost_benefit
from .goals import CI_METHOD, project_successes
from .errors import EvaltoolsError
from .io import load_project
from .formats import fmt_budget_share, fmt_int, fmt_kr, fmt_num, fmt_pct
from .paths import all_params
from .privacy import DEFAULT_MIN_COUNT
from .display import Table, Text, show
from .text import msg


# A project the portfolio names with its kind: an application check and a structural project have no
# participants of their own to count (their row shows "–", never 0 of 0).
NAME_KEYS = {"ex_ante": "portfolio.ex_ante", "structural": "portfolio.structural"}


def has_participants(mode: str) -> bool:
    """Does a portfolio row of this cost-benefit mode count participants of its own?"""
    return mode not in NAME_KEYS


class Portfolio:
    """All projects in a params folder, compared. Projects that fail to load are listed, not hidden."""

    def __init__(self, params_paths: list[str | Path], lang: str = "sv"):
        self.lang = lang
        rows, failed = [], []
        for path in params_paths:
            try:
                project = load_project(path)
            except EvaltoolsError as e:
                failed.append((Path(path).stem, str(e).splitlines()[0]))
                continue
            rows.append(_row(project, lang))
        self.table = pd.DataFrame(rows)
        self.failed = failed

    @classmethod
    def from_dir(cls, params_dir: str | Path | None = None, lang: str = "sv") -> Portfolio:
        paths = sorted(Path(params_dir).glob("*.yaml")) if params_dir else all_params()
        return cls(paths, lang)

    def msg(self, key: str, **values) -> str:
        return msg(key, self.lang, **values)

    def title(self) -> None:
        from IPython.display import HTML, display
        display(HTML(f"<div class='et-title'><h1>{html.escape(self.msg('portfolio.heading'))}</h1>"
                     f"<p class='et-sub'>{html.escape(self.msg('portfolio.subtitle'))}</p></div>"))

    def overview(self) -> None:
        lang, tab, m = self.lang, self.table, self.msg
        if tab.empty:
            show(Text([m("portfolio.none")]))
            return
        names = [m(NAME_KEYS[mode], title=title) if mode in NAME_KEYS else title
                 for title, mode in zip(tab["title"], tab["mode"])]
        counted = [has_participants(mode) for mode in tab["mode"]]
        people = pd.DataFrame({
            m("portfolio.project"): names,
            m("portfolio.period"): tab["period"],
            m("portfolio.participants"): [fmt_int(v, lang) if c else "–" for v, c in zip(tab["participants"], counted)],
            m("portfolio.successes_ended"): [f"{fmt_int(a, lang)}/{fmt_int(b, lang)}" if c else "–"
                                             for a, b, c in zip(tab["successes"], tab["ended"], counted)],
            m("portfolio.success_rate"): [
                "–" if np.isnan(r) else f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang, 0)}–{fmt_pct(hi, lang, 0)})"
                for r, lo, hi in zip(tab["success_rate"], tab["ci_low"], tab["ci_high"])],
            m("portfolio.success_definition"): [m("portfolio.structural_definition") if mode == "structural" else d
                                                for d, mode in zip(tab["success_definition"], tab["mode"])],
        })
        money = pd.DataFrame({
            m("portfolio.project"): names,
            m("portfolio.cost"): [fmt_kr(v, lang) for v in tab["cost"]],
            m("portfolio.budget_used"): [fmt_budget_share(v, lang) if mode != "ex_ante" and not np.isnan(v) else "–"
                                         for v, mode in zip(tab["budget_used"], tab["mode"])],
            m("portfolio.per_participant"): [fmt_kr(v, lang) for v in tab["cost_per_participant"]],
            m("portfolio.per_success"): [fmt_kr(v, lang) for v in tab["cost_per_success"]],
            m("portfolio.npv"): [fmt_kr(v, lang) for v in tab["npv_public"]],
            m("portfolio.npv_society"): [fmt_kr(v, lang) for v in tab["npv_society"]],
            m("portfolio.bcr"): [fmt_num(v, 2, lang) for v in tab["bcr_public"]],
        })
        show(Text([], m("portfolio.people_heading")),
             Table(people, notes=(m("portfolio.note"),), numeric=tuple(people.columns[2:5])),
             Text([], m("portfolio.money_heading")),
             Table(money, notes=(m("portfolio.money_note"),), numeric=tuple(money.columns[1:])))
        if self.failed:
            show(Text([f"{pid}: {err}" for pid, err in self.failed], m("portfolio.failed"), 3))

    def charts(self) -> None:
        from .plots import plot_portfolio
        if self.table.empty:
            return
        show(Text([self.msg("portfolio.charts_caption")], self.msg("portfolio.charts_heading")),
             plot_portfolio(self.table, self.lang))

    def export_tables(self, output_dir: str | Path | None) -> list[Path]:
        """Write the portfolio table as ``portfolio.xlsx`` (with a first sheet explaining it), as CSV
        for Excel (``portfolio.csv``) and as machine-readable CSV (``portfolio-data.csv``)."""
        if not output_dir:
            return []
        from . import __version__
        from .workbook import portfolio_sheet, write_csv, write_workbook
        lang = self.lang
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)
        sheet = portfolio_sheet(self.table)
        note = self.msg("portfolio.money_note") + " " + self.msg("portfolio.note_short")
        about = [(self.msg("workbook.made"), f"{pd.Timestamp.today():%Y-%m-%d}"), (self.msg("workbook.toolkit"), f"evaltools {__version__}"),
                 (self.msg("portfolio.about_figures"), note),
                 (self.msg("workbook.sources"), self.msg("portfolio.sources"))]
        if self.failed:
            about.append((self.msg("portfolio.failed"), "; ".join(f"{pid}: {err}" for pid, err in self.failed)))
        return [write_csv(out / "portfolio.csv", sheet, lang, "excel"),
                write_csv(out / "portfolio-data.csv", sheet, lang, "data"),
                write_workbook(out / "portfolio.xlsx", [sheet], lang, DEFAULT_MIN_COUNT, about)]


def _row(project, lang: str = "sv") -> dict:
    p = project.params
    result = cost_benefit(project, monte_carlo=False, effect=False)
    cb = result.summary
    persp = result.table.set_index("perspective")
    sc = project_successes(project, lang)  # as the project defines success (its main goal's numerator)
    k, n = sc.successes, sc.base
    lo, hi = proportion_confint(k, n, method=CI_METHOD) if n else (np.nan, np.nan)
    budget = cb["budget_total"]
    use = result.budget_use  # the one share used: the same on the project's page 1 and in its budget table
    return {"id": p.id, "title": p.title, "period": f"{p.period.start:%Y-%m} – {p.period.end:%Y-%m}",
            "participants": len(project.participants), "ended": n, "successes": k,
            "success_definition": sc.definition.describe(lang),
            "success_rate": k / n if n else np.nan, "ci_low": lo, "ci_high": hi, "cost": cb["total_cost_nominal"],
            "budget": budget, "budget_used": use.share,
            "cost_per_participant": cb["cost_per_participant"], "cost_per_success": cb["cost_per_success"],
            "npv_public": persp.loc["offentliga", "npv"], "npv_society": persp.loc["samhälle", "npv"],
            "bcr_public": persp.loc["offentliga", "bcr"], "mode": cb["mode"]}
