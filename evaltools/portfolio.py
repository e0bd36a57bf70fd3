"""Portfolio: every project side by side — participants, success rates with intervals, costs,
budget use and cost-benefit."""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from . import schema as S
from .config import primary_success_outcomes
from .costbenefit import cost_benefit
from .errors import EvaltoolsError
from .io import load_project
from .labels import fmt_int, fmt_kr, fmt_num, fmt_pct
from .paths import all_params
from .privacy import DEFAULT_MIN_COUNT
from .report import Table, Text, _display, _sv


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
            rows.append(_row(project))
        self.table = pd.DataFrame(rows)
        self.failed = failed

    @classmethod
    def from_dir(cls, params_dir: str | Path | None = None, lang: str = "sv") -> Portfolio:
        paths = sorted(Path(params_dir).glob("*.yaml")) if params_dir else all_params()
        return cls(paths, lang)

    def title(self) -> None:
        from IPython.display import HTML, display
        lang = self.lang
        display(HTML(f"<div class='et-title'><h1>{_sv(lang, 'Portföljöversikt', 'Portfolio overview')}</h1>"
                     f"<p class='et-sub'>{html.escape(_sv(lang, 'Alla utvärderade projekt sida vid sida', 'All evaluated projects side by side'))}"
                     "</p></div>"))

    def overview(self) -> None:
        lang, tab = self.lang, self.table
        if tab.empty:
            _display(Text([_sv(lang, "Inga projekt kunde läsas in.", "No project could be loaded.")]))
            return
        names = [f"{title} ({_sv(lang, 'ex ante', 'ex ante')})" if mode == "ex_ante" else title
                 for title, mode in zip(tab["title"], tab["mode"])]
        people = pd.DataFrame({
            _sv(lang, "Projekt", "Project"): names,
            _sv(lang, "Period", "Period"): tab["period"],
            _sv(lang, "Deltagare", "Participants"): [fmt_int(v, lang) for v in tab["participants"]],
            _sv(lang, "Lyckade / avslutade", "Successes / ended"): [f"{fmt_int(a, lang)}/{fmt_int(b, lang)}" for a, b in zip(tab["successes"], tab["ended"])],
            _sv(lang, "Andel lyckade (95\u00a0% KI)", "Success rate (95% CI)"): [
                "–" if np.isnan(r) else f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang, 0)}–{fmt_pct(hi, lang, 0)})"
                for r, lo, hi in zip(tab["success_rate"], tab["ci_low"], tab["ci_high"])],
        })
        money = pd.DataFrame({
            _sv(lang, "Projekt", "Project"): names,
            _sv(lang, "Kostnad", "Cost"): [fmt_kr(v, lang) for v in tab["cost"]],
            _sv(lang, "Förbrukat av budget", "Budget used"): [fmt_pct(v, lang, 0) if mode != "ex_ante" else "–"
                                                              for v, mode in zip(tab["budget_used"], tab["mode"])],
            _sv(lang, "Per deltagare", "Per participant"): [fmt_kr(v, lang) for v in tab["cost_per_participant"]],
            _sv(lang, "Per lyckat utfall", "Per success"): [fmt_kr(v, lang) for v in tab["cost_per_success"]],
            _sv(lang, "Nettonuvärde", "NPV"): [fmt_kr(v, lang) for v in tab["npv"]],
            _sv(lang, "Nytta/kostnad", "BCR"): [fmt_num(v, 2, lang) for v in tab["bcr"]],
        })
        notes = (_sv(lang, "Varje projekt definierar lyckat utfall i sina mål; jämför andelar med det i minnet.",
                     "Each project defines success in its goals; compare rates with that in mind."),)
        money_notes = (_sv(lang, "Kostnad = utfall, annars budget, i löpande priser. Nettonuvärdet gäller undvikt försörjningsstöd "
                                 "mot hela kostnaden, i varje projekts prisår och med dess antaganden.",
                           "Cost = actual, else budget, in current prices. The NPV is avoided social assistance against the whole "
                           "cost, in each project's price year and with its assumptions."),)
        _display(Text([], _sv(lang, "Deltagare och utfall", "Participants and outcomes")),
                 Table(people, notes=notes, numeric=tuple(people.columns[2:])),
                 Text([], _sv(lang, "Kostnader", "Costs")),
                 Table(money, notes=money_notes, numeric=tuple(money.columns[1:])))
        if self.failed:
            _display(Text([f"{pid}: {msg}" for pid, msg in self.failed],
                          _sv(lang, "Projekt som inte kunde läsas in", "Projects that could not be loaded"), 3))

    def charts(self) -> None:
        from .plots import plot_portfolio
        if self.table.empty:
            return
        lang = self.lang
        caption = _sv(lang, "Andel lyckade utfall bland avslutade deltagare med 95 % Wilsonintervall, och kostnad per "
                            "deltagare. Ett projekt utan avslutade deltagare har ingen punkt.",
                      "Success rate among participants who have ended, with 95% Wilson intervals, and cost per "
                      "participant. A project with no ended participants has no point.")
        _display(Text([caption], _sv(lang, "Projekten i diagram", "The projects in charts")),
                 plot_portfolio(self.table, lang))

    def export_tables(self, output_dir: str | Path | None) -> list[Path]:
        """Write the portfolio table as ``portfolio.xlsx`` (with a first sheet explaining it), as CSV
        for Excel (``portfolio.csv``) and as machine-readable CSV (``portfolio-data.csv``)."""
        if not output_dir:
            return []
        from . import __version__
        from .workbook import portfolio_sheet, write_csv, write_workbook
        from .workbook import text as wtext
        lang = self.lang
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)
        sheet = portfolio_sheet(self.table)
        note = _sv(lang, "Kostnad = utfall, annars budget, i löpande priser. Nettonuvärdet gäller undvikt försörjningsstöd "
                         "mot hela kostnaden, i varje projekts prisår och med dess antaganden. Varje projekt definierar "
                         "lyckat utfall i sina mål.",
                   "Cost = actual, else budget, in current prices. The NPV is avoided social assistance against the whole "
                   "cost, in each project's price year and with its assumptions. Each project defines success in its goals.")
        about = [(wtext("made", lang), f"{pd.Timestamp.today():%Y-%m-%d}"), (wtext("toolkit", lang), f"evaltools {__version__}"),
                 (_sv(lang, "Om siffrorna", "About the figures"), note),
                 (wtext("sources", lang), _sv(lang, "Varje projekts parameterfil och datafiler; se projektens rapporter.",
                                              "Each project's params file and data files; see the projects' reports."))]
        if self.failed:
            about.append((_sv(lang, "Projekt som inte kunde läsas in", "Projects that could not be loaded"),
                          "; ".join(f"{pid}: {msg}" for pid, msg in self.failed)))
        return [write_csv(out / "portfolio.csv", sheet, lang, "excel"),
                write_csv(out / "portfolio-data.csv", sheet, lang, "data"),
                write_workbook(out / "portfolio.xlsx", [sheet], lang, DEFAULT_MIN_COUNT, about)]


def _row(project) -> dict:
    p = project.params
    cb = cost_benefit(project, monte_carlo=False, effect=False).summary
    if project.has_participants:
        df = project.participants
        ended = df[~df[S.ONGOING]]
        k, n = int(ended[S.OUTCOME].isin(primary_success_outcomes(p)).sum()), len(ended)
    else:
        k = n = 0
    lo, hi = proportion_confint(k, n, method="wilson") if n else (np.nan, np.nan)
    budget, actual = cb["budget_total"], cb["actual_total"]
    return {"id": p.id, "title": p.title, "period": f"{p.period.start:%Y-%m} – {p.period.end:%Y-%m}",
            "participants": len(project.participants), "ended": n, "successes": k,
            "success_rate": k / n if n else np.nan, "ci_low": lo, "ci_high": hi, "cost": cb["total_cost_nominal"],
            "budget": budget, "budget_used": actual / budget if budget and not np.isnan(actual) else np.nan,
            "cost_per_participant": cb["cost_per_participant"], "cost_per_success": cb["cost_per_success"],
            "npv": cb["npv"], "bcr": cb["bcr"], "mode": cb["mode"]}
