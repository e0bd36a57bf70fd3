"""Portfolio: every project side by side — participants, success rates with intervals, costs,
budget use and cost-benefit."""
from __future__ import annotations

from .markup import render
from pathlib import Path

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from ..analysis.costbenefit import cost_benefit
from ..analysis.goals import CI_METHOD, project_successes, assess_goals
from ..analysis.disclosure import Secondary, disclosure
from ..data.privacy import SECONDARY, suppressed_label
from ..data.errors import EvaltoolsError
from ..data.project import load_project
from ..words.formats import fmt_int, fmt_kr, fmt_num, fmt_pct, fmt_budget_share
from ..data.paths import all_params
from .display import Table, Text, show
from ..words.labels import success_definition_text
from .narrative import is_draft
from ..words.text import msg
from ..data.params import project_kind
from ..words.verdicts import verdict_words
from .plots import plot_portfolio


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
        rows, goals, failed = [], [], []
        for path in params_paths:
            try:
                project = load_project(path)
            except EvaltoolsError as e:
                failed.append((Path(path).stem, str(e).splitlines()[0]))
                continue
            rows.append(_row(project, lang))
            goals.extend(goal_rows(project, lang))
        self.table = pd.DataFrame(rows)
        self.goals = pd.DataFrame(goals, columns=GOAL_ROW_COLUMNS)
        self.failed = failed

    @classmethod
    def from_dir(cls, params_dir: str | Path | None = None, lang: str = "sv") -> Portfolio:
        paths = sorted(Path(params_dir).glob("*.yaml")) if params_dir else all_params()
        return cls(paths, lang)

    def msg(self, key: str, **values) -> str:
        return msg(key, self.lang, **values)

    def title(self) -> None:
        from IPython.display import HTML, display
        display(HTML(render("title.html.j2", title=self.msg("portfolio.heading"), lines=[self.msg("portfolio.subtitle")])))

    def overview(self) -> None:
        lang, tab, m = self.lang, self.table, self.msg
        if tab.empty:
            show(Text([m("portfolio.none")]))
            return
        names = [m(NAME_KEYS[mode], title=title) if mode in NAME_KEYS else title
                 for title, mode in zip(tab["title"], tab["mode"])]
        # a report the evaluator has not assessed says so here too, as on its every page
        names = [m("portfolio.draft", name=n) if d else n for n, d in zip(names, tab["draft"])]
        counted = [has_participants(mode) for mode in tab["mode"]]
        # the differencing rule (analysis.disclosure): a figure withheld in the project's report is withheld here
        held = [frozenset(w) for w in tab["withheld"]]
        people = pd.DataFrame({
            m("portfolio.project"): names,
            m("portfolio.period"): tab["period"],
            m("portfolio.participants"): [(suppressed_label(k) if Secondary.PARTICIPANTS in w else fmt_int(v, lang))
                                          if c else "–" for v, c, w, k in zip(tab["participants"], counted, held,
                                                                               tab["min_count"])],
            m("portfolio.successes_ended"): [(SECONDARY if Secondary.SUCCESSES in w else
                                              f"{fmt_int(a, lang)}/{fmt_int(b, lang)}") if c else "–"
                                             for a, b, c, w in zip(tab["successes"], tab["ended"], counted, held)],
            m("portfolio.success_rate"): [
                SECONDARY if Secondary.SUCCESSES in w else
                "–" if np.isnan(r) else f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})"
                for r, lo, hi, w in zip(tab["success_rate"], tab["ci_low"], tab["ci_high"], held)],
            m("portfolio.success_definition"): [m("portfolio.structural_definition") if mode == "structural" else d
                                                for d, mode in zip(tab["success_definition"], tab["mode"])],
        })
        money = pd.DataFrame({
            m("portfolio.project"): names,
            m("portfolio.cost"): [fmt_kr(v, lang) for v in tab["cost"]],
            m("portfolio.budget_used"): [fmt_budget_share(v, lang) if mode != "ex_ante" and not np.isnan(v) else "–"
                                         for v, mode in zip(tab["budget_used"], tab["mode"])],
            m("portfolio.per_participant"): [SECONDARY if Secondary.COST_PER_PARTICIPANT in w else fmt_kr(v, lang)
                                             for v, w in zip(tab["cost_per_participant"], held)],
            m("portfolio.per_success"): [SECONDARY if Secondary.COST_PER_SUCCESS in w else fmt_kr(v, lang)
                                         for v, w in zip(tab["cost_per_success"], held)],
            m("portfolio.npv"): [fmt_kr(v, lang) for v in tab["npv_public"]],
            m("portfolio.npv_society"): [fmt_kr(v, lang) for v in tab["npv_society"]],
            m("portfolio.bcr"): [fmt_num(v, 2, lang) for v in tab["bcr_public"]],
        })
        withheld = (m("portfolio.withheld", k=str(min(tab["min_count"]))),) if any(held) else ()
        show(Text([], m("portfolio.people_heading")),
             Table(people, notes=(m("portfolio.note"), *withheld), numeric=tuple(people.columns[2:5])),
             Text([], m("portfolio.money_heading")),
             Table(money, notes=(m("portfolio.money_note"), *withheld), numeric=tuple(money.columns[1:])))
        goals = self.goal_table()
        if len(goals):
            show(Text([], m("portfolio.goals_heading")),
                 Table(goals, notes=(m("portfolio.goals_note"),), group=m("portfolio.project")))
        if self.failed:
            show(Text([f"{pid}: {err}" for pid, err in self.failed], m("portfolio.failed"), 3))

    def goal_table(self) -> pd.DataFrame:
        """Each project's own goals with the verdict its report gives them, in the same words
        (:mod:`evaltools.words.verdicts`): project, goal, verdict."""
        m, g = self.msg, self.goals
        if g.empty:
            return pd.DataFrame(columns=[m("portfolio.project"), m("portfolio.goal"), m("portfolio.verdict")])
        return pd.DataFrame({m("portfolio.project"): g["title"], m("portfolio.goal"): g["label"],
                             m("portfolio.verdict"): [verdict_words(v, self.lang) for v in g["verdict"]]})

    def charts(self) -> None:
        if self.table.empty:
            return
        show(Text([self.msg("portfolio.charts_caption")], self.msg("portfolio.charts_heading")),
             plot_portfolio(self.table, self.lang))


GOAL_ROW_COLUMNS = ["id", "title", "goal_id", "label", "kind", "verdict", "verdict_so_far"]


def goal_rows(project, lang: str = "sv") -> list[dict]:
    """The project's own goals (the application's, as page 1 counts them; no context goals), one row
    each with the verdict computed by :func:`evaltools.analysis.goals.assess_goals`."""
    tab = assess_goals(project, lang=lang).table
    tab = tab[(tab["source"] == "ansökan") & (tab["kind"] != "context")]
    first = tab.drop_duplicates("goal_id")
    title = NAME_KEYS.get(_mode(project))
    name = msg(title, lang, title=project.params.title) if title else project.params.title
    return [{"id": project.params.id, "title": name, "goal_id": r.goal_id, "label": r.label.rstrip("."),
             "kind": r.kind, "verdict": r.verdict, "verdict_so_far": bool(r.verdict_so_far)}
            for r in first.itertuples(index=False)]


def _mode(project) -> str:
    """The portfolio's mode of a project (as its cost-benefit result names it) from its kind."""
    return {"struktur": "structural", "ansökan": "ex_ante"}.get(project_kind(project), "observed")


def _row(project, lang: str = "sv") -> dict:
    p = project.params
    result = cost_benefit(project, monte_carlo=False, effect=False)
    cb = result.summary
    persp = result.table.set_index("perspective")
    sc = project_successes(project, lang)  # as the project defines success (its main goal's numerator)
    k, n = sc.successes, sc.base
    lo, hi = proportion_confint(k, n, method=CI_METHOD) if n else (np.nan, np.nan)
    budget = cb.budget_total
    use = result.budget_use  # the one share used: the same on the project's page 1 and in its budget table
    held = disclosure(project, assess_goals(project, lang=lang).table).withheld
    return {"withheld": tuple(sorted(held)), "min_count": p.privacy.min_count, **withhold(held, {"id": p.id, "title": p.title, "draft": bool(p.source_path) and is_draft(p.source_path, lang), "period": f"{p.period.start:%Y-%m} – {p.period.end:%Y-%m}",
            "participants": len(project.participants), "ended": n, "successes": k,
            "success_definition": success_definition_text(sc.definition, lang),
            "success_rate": k / n if n else np.nan, "ci_low": lo, "ci_high": hi, "cost": cb.total_cost_nominal,
            "budget": budget, "budget_used": use.share,
            "cost_per_participant": cb.cost_per_participant, "cost_per_success": cb.cost_per_success,
            "npv_public": persp.loc["offentliga", "npv"], "npv_society": persp.loc["samhälle", "npv"],
            "bcr_public": persp.loc["offentliga", "bcr"], "mode": cb.mode})}


# the row's numbers each secondary figure takes with it when the differencing rule withholds it
WITHHELD_COLUMNS = {Secondary.PARTICIPANTS: ("participants",),
                    Secondary.COST_PER_PARTICIPANT: ("cost_per_participant",), Secondary.ENDED: ("ended",),
                    Secondary.SUCCESSES: ("ended", "successes", "success_rate", "ci_low", "ci_high"),
                    Secondary.COST_PER_SUCCESS: ("cost_per_success",)}


def withhold(held: frozenset, row: dict) -> dict:
    """A portfolio row with the numbers the differencing rule withholds set to NaN (not in the table,
    the workbook, the CSV files or the charts; the overview shows their mark)."""
    for figure in held:
        for c in WITHHELD_COLUMNS.get(figure, ()):
            row[c] = np.nan
    return row
