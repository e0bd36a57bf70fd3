"""Portfolio: every project side by side — participants, success rates with intervals, costs,
budget use and cost-benefit."""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .markup import render

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from ..analysis.comparison import compare_payments
from ..analysis.goals import (CI_METHOD, GoalCount, GoalVerdict, assess_goals, count_goals, main_goal, own_goals,
                              project_successes, sole_judged_period, volumes_not_comparable)
from ..analysis.power import expected_participants
from ..analysis.pricebasis import PriceBasis, restate
from ..data import schema as S
from ..data.validation import persons_of
from ..analysis.disclosure import Counts, Disclosure, Secondary, counts, disclosure, published_cost_benefit
from ..data.privacy import SECONDARY, suppressed_label
from ..data.errors import EvaltoolsError
from ..data.project import load_project
from ..words.formats import fmt_int, fmt_kr, fmt_kr_prose_range, fmt_num, fmt_pct, fmt_budget_share, number_word
from ..data.paths import all_params
from .display import Numbering, Table, Text, number_parts, show
from ..words.labels import code_label, period_name, same_support_rule, success_definition_text, t, time_limit_words, \
    household_goal_label
from .narrative import is_draft
from ..words.text import join, msg, plural
from ..data.params import project_kind
from ..words.verdicts import lower_first, verdict_words
from ..words.assumptions import years as years_text
from .plots import plot_portfolio
from .sections.summary import total_and_parts
from .sections.costbenefit import range_text
from .sections.goals import sole_period_hidden, timed_words
from ..analysis.costbenefit.persistence import some_had_no_fs


# the short words of the success column (each project's full definition is in a note below the table)
SHORT_DEFINITION = {"goal_outcomes": "portfolio.short_goal_outcomes", "action_plan": "portfolio.short_action_plan",
                    "leaves_fs": "portfolio.short_leaves_fs"}
# an actor's result in words, as page 1 says it (an application check speaks of what would happen)
ACTOR_WORDS = {False: {"gains": "summary.actor_gains", "pays": "summary.actor_pays", "even": "summary.actor_even"},
               True: {"gains": "summary.actor_gains_ex_ante", "pays": "summary.actor_pays_ex_ante",
                      "even": "summary.actor_even_ex_ante"}}

# the class of a heading that starts a new printed page (the print style sheet and the Word writer know it)
NEW_PAGE = "et-newpage"

# A project the portfolio names with its kind: an application check and a structural project have no
# participants of their own to count (their row shows "–", never 0 of 0).
NAME_KEYS = {"ex_ante": "portfolio.tag_ex_ante", "structural": "portfolio.tag_structural"}


def tagged_name(title: str, mode: str, lang: str, running: bool = False, draft: bool = False) -> str:
    """A project's name as the portfolio writes it: its title and, in one bracket, what kind of report it
    is (an application checked before a start, a structural project), whether it is still running and
    whether it is a draft ("Samverkan (strukturinriktad, utkast)"), never a bracket per tag."""
    tags = [msg(NAME_KEYS[mode], lang)] if mode in NAME_KEYS else []
    tags += [msg("portfolio.tag_running", lang)] * running + [msg("portfolio.tag_draft", lang)] * draft
    if not tags:
        return title
    own = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", title)  # a title ending in a bracket of its own: one bracket
    if own:  # ("Samverkan (fiktivt exempel; strukturinriktad, utkast)", not two brackets side by side)
        return msg("portfolio.tagged", lang, name=own.group(1), tags=f"{own.group(2)}; {', '.join(tags)}")
    return msg("portfolio.tagged", lang, name=title, tags=", ".join(tags))


def has_participants(mode: str) -> bool:
    """Does a portfolio row of this cost-benefit mode count participants of its own?"""
    return mode not in NAME_KEYS


class Portfolio:
    """All projects in a params folder, compared. Projects that fail to load are listed, not hidden."""

    def __init__(self, params_paths: list[str | Path], lang: str = "sv", entries: str | Path | None = None):
        self.lang = lang
        # the numbers the next chart's and table's captions give them, in the order shown (:func:`number_parts`)
        self.numbers = Numbering()
        rows, goals, failed = [], [], []
        # each project's row as its own report computed it, where a batch's reports left one
        # (:func:`write_entry`); any other project is loaded and computed here
        known = read_entries(entries, lang) if entries else {}
        self.reused = 0  # projects whose row came from their report
        for path in params_paths:
            entry = known.get(str(Path(path).resolve()))
            if entry is not None and entry["params_sha256"] == _sha256(path):
                rows.append(entry["row"])
                goals.extend(entry["goals"])
                self.reused += 1
                continue
            try:
                project = load_project(path)
            except EvaltoolsError as e:
                failed.append((Path(path).stem, str(e).splitlines()[0]))
                continue
            table = assess_goals(project, lang=lang).table  # (once: the row and the goal rows read the same)
            rows.append(_row(project, lang, goals=table))
            goals.extend(goal_rows(project, lang, table))
        # results first, then the applications checked before a start (listed apart, never among results)
        rows = sorted(rows, key=lambda row: row["mode"] == "ex_ante")
        order = {row["id"]: i for i, row in enumerate(rows)}
        self.table, self.price_year = one_price_year(pd.DataFrame(rows))
        self.goals = pd.DataFrame(sorted(goals, key=lambda g: order.get(g["id"], 0)), columns=GOAL_ROW_COLUMNS)
        self.failed = failed
        if not self.table.empty:  # (the workbook's column beside the share, as the overview's "Pågår – hittills")
            self.table["success_goal_running"] = running = self.share_goal_running()
            # a share that pools the years its goal judges one by one says so (a running goal's says "hittills")
            self.table["success_pooled"] = [p and not r for p, r in zip(_flags(self.table, "success_pooled"), running)]

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
            self._show(Text([m("portfolio.none")]))
            return
        # a project whose period runs on past its data says so, as its page 1 does, and a report the
        # evaluator has not assessed says so here too, as on its every page
        names = [tagged_name(title, mode, lang, r, bool(d))
                 for title, mode, r, d in zip(tab["title"], tab["mode"], _flags(tab, "running"), tab["draft"])]
        counted = [has_participants(mode) for mode in tab["mode"]]
        # the differencing rule (analysis.disclosure): a figure withheld in the project's report is withheld here
        held = [frozenset(w) for w in tab["withheld"]]
        # a running project's costs per person count the outturn so far (CostSummary.per_person_so_far)
        so_far = _flags(tab, "per_person_so_far")
        # (and, where the outturn is whole budget periods, the persons up to their end: CostSummary.per_person_through)
        days = list(tab["per_person_through"]) if "per_person_through" in tab else [""] * len(tab)

        def per_person(v: float, f: bool, mode: str = "", day: object = "") -> str:
            if mode == "ex_ante" and pd.notna(v):  # an application's figure is expected, as its report says
                return f"{fmt_kr(v, lang)} ({t('ex_ante', lang)})"
            if f and pd.notna(v) and isinstance(day, str) and day:
                return m("portfolio.through", amount=fmt_kr(v, lang), through=day)
            return m("portfolio.so_far", amount=fmt_kr(v, lang)) if f and pd.notna(v) else fmt_kr(v, lang)
        self._show(*self.conclusions())
        kind_col = m("portfolio.kind")
        kinds = [m("portfolio.kind_ex_ante" if mode == "ex_ante" else "portfolio.kind_results") for mode in tab["mode"]]
        people = pd.DataFrame({
            m("portfolio.project"): names,
            # (the first month keeps its dash on a narrow column's line: "2018-02 –" above "2019-10")
            m("portfolio.period"): tab["period"].str.replace(" – ", "\u00a0– ", regex=False),
            # (an application's: the volumes its cost per participant divides by, as expected, as that cost is)
            m("portfolio.participants"): [(suppressed_label(k) if Secondary.PARTICIPANTS in w else fmt_int(v, lang))
                                          if c else f"{fmt_int(x, lang)} ({t('ex_ante', lang)})"
                                          if mode == "ex_ante" and pd.notna(x) else "–"
                                          for v, c, w, k, mode, x in zip(tab["participants"], counted, held, tab["min_count"],
                                                                         tab["mode"], _values(tab, "expected_participants"))],
            m("portfolio.successes_ended"): [(SECONDARY if Secondary.SUCCESSES in w else
                                              f"{fmt_int(a, lang)}/{fmt_int(b, lang)}") if c else "–"
                                             for a, b, c, w in zip(tab["successes"], tab["ended"], counted, held)],
            # (a share whose goal runs on is the figure so far, as the project's page 1 says it: "pågår – hittills")
            # (a share over every year of a goal judged year by year is no figure the report judges: it says so)
            # (an application's: the expected share its goal section judges against its share goal, as expected)
            m("portfolio.success_rate"): [
                f"{fmt_pct(x, lang)} ({t('ex_ante', lang)})" if mode == "ex_ante" and pd.notna(x) else
                SECONDARY if Secondary.SUCCESSES in w else "–" if np.isnan(r) else
                m("portfolio.share_running", verdict=verdict_words(GoalVerdict.RUNNING, lang), share=f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})")
                if running else
                m("portfolio.share_pooled", share=f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})")
                if pooled else f"{fmt_pct(r, lang)} ({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})"
                for r, lo, hi, w, running, pooled, mode, x in zip(
                    tab["success_rate"], tab["ci_low"], tab["ci_high"], held, self.share_goal_running(),
                    _flags(tab, "success_pooled"), tab["mode"], _values(tab, "expected_share"))],
            m("portfolio.success_definition"): [m("portfolio.structural_definition") if mode == "structural" else
                                                "–" if mode == "ex_ante" else m(SHORT_DEFINITION[kind])
                                                for kind, mode in zip(tab["success_kind"], tab["mode"])],
            kind_col: kinds,
        })
        money = pd.DataFrame({
            m("portfolio.project"): names,
            m("portfolio.cost"): [fmt_kr(v, lang) for v in tab["cost"]],
            m("portfolio.budget_used"): [fmt_budget_share(v, lang) if mode != "ex_ante" and not np.isnan(v) else "–"
                                         for v, mode in zip(tab["budget_used"], tab["mode"])],
            m("portfolio.per_participant"): [SECONDARY if Secondary.COST_PER_PARTICIPANT in w
                                             else per_person(v, f, mode, day)
                                             for v, w, f, mode, day in zip(tab["cost_per_participant"], held, so_far,
                                                                           tab["mode"], days)],
            m("portfolio.per_success"): [SECONDARY if Secondary.COST_PER_SUCCESS in w else per_person(v, f, mode, day)
                                         for v, w, f, mode, day in zip(tab["cost_per_success"], held, so_far,
                                                                       tab["mode"], days)],
            # (a project of 1 to k − 1 exits: its range over them, as its report gives it)
            m("portfolio.npv"): [_or_range(tab, i, "npv_public", fmt_kr(v, lang), lang) for i, v in enumerate(tab["npv_public"])],
            m("portfolio.npv_society"): [_or_range(tab, i, "npv_society", fmt_kr(v, lang), lang)
                                         for i, v in enumerate(tab["npv_society"])],
            m("portfolio.bcr"): [_or_range(tab, i, "bcr_public", fmt_num(v, 2, lang), lang) for i, v in enumerate(tab["bcr_public"])],
            kind_col: kinds,
        })
        withheld = (m("portfolio.withheld", k=str(min(tab["min_count"]))),) if any(held) else ()
        money_note = m("portfolio.money_note", year=str(self.price_year), sf_on=self.skattefaktor_on())
        # the conclusions are the board's page: the tables start on a page of their own, never as a
        # heading and two rows at the foot of page 1
        self._show(Text([], m("portfolio.people_heading"), css=NEW_PAGE),
             # (in smaller type, as the costs' table below: a structural project's "strukturinriktad" in its last
             # column and a pooled share's qualifier pushed the Swedish table 8 mm past the right margin)
             Table(people, notes=(m("portfolio.note"), *self.pooled_note(), *self.definitions(), *withheld),
                   numeric=tuple(people.columns[2:5]), group=kind_col, wide=True),
             Text([], m("portfolio.money_heading")),
             Table(money, notes=(money_note, *self.horizons_note(), *self.society_earnings_note(), *((m("portfolio.through_note"),) if any(d for d in days if isinstance(d, str))
                                               else ()), *withheld),
                   numeric=tuple(money.columns[1:-1]), group=kind_col))
        goals = self.goal_table()
        if len(goals):
            self._show(Text([], m("portfolio.goals_heading")),
                 Table(goals, notes=(m("portfolio.goals_note"),), group=m("portfolio.project")))
        if self.failed:
            self._show(Text([f"{pid}: {err}" for pid, err in self.failed], m("portfolio.failed"), 3))

    def pooled_projects(self) -> list[str]:
        """The projects whose share of the exits pools every year of a goal that their report judges year by
        year (``success_pooled``): the share is no figure the report judges against the goal."""
        tab = self.table
        return [title for title, f in zip(tab["title"], _flags(tab, "success_pooled")) if f] if not tab.empty else []

    def pooled_note(self) -> list[str]:
        """The sentence under the table that names a share over all years as what it is, where any row has one."""
        names = self.pooled_projects()
        return [self.msg("portfolio.pooled_note", projects=join(names, self.lang))] if names else []

    def definitions(self) -> list[str]:
        """What each project's main goal counts as a successful outcome, one line per project that counts
        outcomes (the column says it in two words)."""
        tab, by_outcomes = self.table, {}
        excluded = tab["success_excluded"] if "success_excluded" in tab else [()] * len(tab)
        # (whose words leave them out: the main goal's, or, where it counts successes, its share goal's)
        by_share = tab["success_excluded_by_share"] if "success_excluded_by_share" in tab else [False] * len(tab)
        same = _flags(tab, "success_same_support")
        for name, kind, outcomes, left_out, share, mode, rule in zip(tab["title"], tab["success_kind"],
                                                                     tab["success_outcomes"], excluded, by_share,
                                                                     tab["mode"], same):
            if mode in NAME_KEYS or kind == "action_plan":  # (no outcomes of its own, or none counted)
                continue
            # projects with the same definition: one line; one that leaves exits out of its base says which, and one
            # under the same-support rule says it (the same outcomes listed by hand count more)
            by_outcomes.setdefault((tuple(outcomes), bool(rule), tuple(left_out), bool(share) and bool(left_out)),
                                   []).append(name)

        def labels(codes, rule: bool = False) -> str:
            listed = ", ".join(code_label(S.OUTCOME, c, self.lang).lower() for c in codes)
            return t("success_same_support", self.lang, definition=listed, rule=same_support_rule(self.lang)) \
                if rule else listed
        return [self.msg("portfolio.definition_excluded_share" if share else "portfolio.definition_excluded",
                         name=join(names, self.lang), outcomes=labels(outcomes, rule),
                         excluded=join([code_label(S.OUTCOME, c, self.lang).lower() for c in left_out], self.lang))
                if left_out else
                self.msg("portfolio.definition", name=join(names, self.lang), outcomes=labels(outcomes, rule))
                for (outcomes, rule, left_out, share), names in by_outcomes.items()]

    def skattefaktor_on(self) -> str:
        """What society's skattefaktor falls on, as each project's page 1 says it: the public budgets' net cost,
        or their surplus where the public financiers come out ahead (``society_surplus``); where the projects
        differ, those with a surplus are named."""
        tab = self.table
        if tab.empty or "title" not in tab:  # (no project read: every one failed, or none given)
            return self.msg("portfolio.sf_on_cost")
        shown = tab[tab["npv_society"].notna()] if "npv_society" in tab else tab.iloc[:0]
        surplus = [title for title, f in zip(shown["title"], _flags(shown, "society_surplus")) if f]
        if not surplus:
            return self.msg("portfolio.sf_on_cost")
        if len(surplus) == len(shown):
            return self.msg("portfolio.sf_on_surplus")
        return self.msg("portfolio.sf_on_mixed", projects=join(surplus, self.lang))

    def society_earnings_note(self) -> list[str]:
        """Which projects' NPV for society counts the participants' earnings (and over how many months where
        they are measured for fewer than the horizon), said where some do and some do not: one column then
        holds figures that count different things (Kompassen's earnings of 13 months beside projects whose
        earnings are not valued)."""
        tab = self.table
        if tab.empty or "society_earnings" not in tab:
            return []
        shown = tab[tab["npv_society"].notna() & tab["society_earnings"].isin(("none", "short", "valued"))]
        counted = shown[shown["society_earnings"] != "none"]
        if counted.empty or len(counted) == len(shown):
            return []
        names = [self.msg("portfolio.society_earnings_short", name=name, months=fmt_int(months, self.lang))
                 if kind == "short" else name
                 for name, kind, months in zip(counted["title"], counted["society_earnings"],
                                               counted["society_earnings_months"])]
        return [self.msg("portfolio.society_earnings_differ", projects=join(names, self.lang))]

    def conclusions(self) -> list[Text]:
        """The first page's conclusions: for each project with results, which goals it reached and who
        gains and who pays; then, apart, the applications checked before a start."""
        tab, m = self.table, self.msg
        results = [self._conclusion(row) for row in tab.to_dict("records") if row["mode"] != "ex_ante"]
        checks = [self._conclusion(row) for row in tab.to_dict("records") if row["mode"] == "ex_ante"]
        intro = [m("portfolio.conclusions_intro", year=str(self.price_year)), *self.own_price_years()]
        if len(self.horizons()) > 1:
            intro.append(m("portfolio.conclusions_horizons_differ"))
        out = [Text([" ".join(intro)], m("portfolio.conclusions_heading"))]
        if results:
            out.append(Text(results, m("portfolio.results_heading"), 3))
        if checks:
            out.append(Text(checks, m("portfolio.applications_heading"), 3))
        return out

    def _money_rows(self) -> pd.DataFrame:
        """The rows whose conclusion states a net present value (not a structural project's requirement)."""
        tab = self.table
        if tab.empty:
            return tab
        has = tab["npv_public"].notna()
        if "npv_public_low" in tab:
            has |= tab["npv_public_low"].notna()
        return tab[has & (tab["mode"] != "structural")]

    def horizons(self) -> set[float]:
        """The horizons the conclusions' net present values are counted over (a row written before the
        horizon was has none)."""
        rows = self._money_rows()
        if "horizon_years" not in rows:
            return set()
        return {float(h) for h in rows["horizon_years"] if pd.notna(h)}

    def horizons_note(self) -> list[str]:
        """Under the costs' table, where the projects' horizons differ: which project's net present values are
        counted over which horizon ("3 år för Kompassen och Vägen ut; 1 år för Nästa steg"), as the table has no
        column for it."""
        if len(self.horizons()) < 2:
            return []
        rows = self._money_rows()
        by: dict[float, list[str]] = {}
        for t_, mode, h in zip(rows["title"], rows["mode"], rows["horizon_years"]):
            if pd.notna(h):
                by.setdefault(float(h), []).append(tagged_name(t_, mode, self.lang))
        said = [self.msg("portfolio.horizon_of", horizon=years_text(h, self.lang), names=join(by[h], self.lang))
                for h in sorted(by, reverse=True)]
        return [self.msg("portfolio.money_horizons", horizons="; ".join(said))]

    def own_price_years(self) -> list[str]:
        """Where a project's own report states its amounts in another price year than the portfolio's, a sentence
        naming them: the board that reads "3 308 000 kr" on Vägen ut's page 1 and "4 141 000 kr" here sees why."""
        rows = self._money_rows()
        others = rows[rows["price_year"] != self.price_year] if len(rows) else rows
        if not len(others):
            return []
        by_year: dict[int, list[str]] = {}
        for t_, mode, y in zip(others["title"], others["mode"], others["price_year"]):
            by_year.setdefault(int(y), []).append(tagged_name(t_, mode, self.lang))
        years = [self.msg("portfolio.price_year_of", year=str(y), names=join(by_year[y], self.lang)) for y in sorted(by_year)]
        return [self.msg("portfolio.conclusions_own_price_years", years="; ".join(years))]

    def _goals_words(self, pid: str, ex_ante: bool) -> str:
        """How many of a project's own goals its report judges reached, in words."""
        verdicts = [GoalVerdict(v) for v in self.goals.loc[self.goals["id"] == pid, "verdict"]]
        # one verdict per goal, counted as page 1 of its report counts them (analysis.goals.count_goals)
        count = count_goals(verdicts)
        reached, judged, running = count.reached, count.judged, count.running
        # a goal reached "men osäkert" (its interval spans the target) is counted as reached, as the goal
        # table counts it, but the sentence says so: page 1 of its report never calls it simply reached
        uncertain = count.uncertain
        if ex_ante:  # goals the application's volumes cannot be compared with, as page 1 of its report counts them
            unknown = self._not_comparable(pid, count)
            if unknown:
                return unknown
        if not judged:
            return self.msg("portfolio.goals_running" if running else "portfolio.goals_none")
        if judged == 1 and not ex_ante:  # ("nådde det enda bedömda målet", not "ett av ett")
            text = self.msg("portfolio.goals_reached_only" if reached else "portfolio.goals_missed_only")
            if uncertain:
                text += self.msg("portfolio.goals_uncertain_only")
        elif not reached:  # "nådde noll av två" reads as a slip: none of them, and "fully" where some were partly
            partly = any(v in (GoalVerdict.PARTLY, GoalVerdict.PARTLY_UNCERTAIN) for v in verdicts)
            key = ("portfolio.goals_ex_ante_none" if ex_ante else
                   "portfolio.goals_reached_none_fully" if partly else "portfolio.goals_reached_none")
            text = self.msg(key, n=number_word(judged, self.lang, neuter=True))
        else:
            if reached == judged:  # "nådde båda", "nådde alla fyra", never "två av två"
                key = ("portfolio.goals_ex_ante_only" if judged == 1 else
                       "portfolio.goals_ex_ante_both" if judged == 2 and ex_ante else
                       "portfolio.goals_reached_both" if judged == 2 else
                       "portfolio.goals_ex_ante_all" if ex_ante else "portfolio.goals_reached_all")
                text = self.msg(key, **({"n": number_word(judged, self.lang, neuter=True)} if judged > 2 else {}))
            else:
                text = self.msg("portfolio.goals_ex_ante" if ex_ante else "portfolio.goals_reached",
                                k=number_word(reached, self.lang, neuter=True), n=number_word(judged, self.lang, neuter=True))
            if uncertain == 1 and reached == 1:
                text += self.msg("portfolio.goals_uncertain_only")
            elif uncertain == reached:  # ("alla de nådda": no count to say)
                text += self.msg("portfolio.goals_uncertain_all")
            elif uncertain:
                text += self.msg("portfolio.goals_uncertain", n=number_word(uncertain, self.lang, neuter=True))
        # a verdict that rests on the periods that ended while one still runs is said so, as page 1 of its report and
        # the goal table below say it, not read as final
        rows = self.goals[self.goals["id"] == pid]
        so_far = int(sum(bool(f) for v, f in zip(rows["verdict"], rows.get("verdict_so_far", [False] * len(rows)))
                         if count_goals([v]).judged)) if not ex_ante else 0
        if so_far and judged == 1:
            text += self.msg("portfolio.goals_so_far_only")
        elif so_far:
            text += self.msg("portfolio.goals_so_far", n=number_word(so_far, self.lang, neuter=True))
        if running:
            text += plural("portfolio.goals_also_running", self.lang, running,  # (of goals: "två mål pågår ännu",
                           n=number_word(running, self.lang, neuter=True))  # not read as the periods just named)
        return text

    def _not_comparable(self, pid: str, count: GoalCount) -> str:
        """An application's goals in words where its volumes cannot be compared with some of its measurable
        goals (:func:`evaltools.analysis.goals.volumes_not_comparable`), the counts page 1 of its report gives:
        "två av de fyra mätbara målen kan inte jämföras med ansökans volymer, och båda de andra nås med dem";
        "" where there is no such goal. ``count``: its own goals' verdicts counted as page 1 counts them."""
        g = self.goals[self.goals["id"] == pid]
        # (an entry written before goal rows said so has none: its goals are counted as before)
        unknown = int(g["volumes_unknown"].eq(True).sum()) if "volumes_unknown" in g else 0
        if not unknown:
            return ""
        measured = int((~g["kind"].isin(("qualitative", "survey"))).sum())
        if unknown >= measured:
            return self.msg("portfolio.goals_ex_ante_unknown_all")
        said = self.msg("portfolio.goals_ex_ante_unknown", k=number_word(unknown, self.lang, neuter=True),
                        n=number_word(measured, self.lang, neuter=True))
        n, ok = count.judged, count.reached
        if not n:
            return said
        word = {"n": number_word(n, self.lang, neuter=True)}
        if ok == n:
            rest = (self.msg("portfolio.goals_ex_ante_others_one") if n == 1 else
                    self.msg("portfolio.goals_ex_ante_others_both") if n == 2 else
                    self.msg("portfolio.goals_ex_ante_others_all", **word))
        elif not ok:
            rest = (self.msg("portfolio.goals_ex_ante_others_one_not") if n == 1 else
                    self.msg("portfolio.goals_ex_ante_others_none", **word))
        else:
            rest = self.msg("portfolio.goals_ex_ante_others", k=number_word(ok, self.lang, neuter=True), **word)
        return said + rest

    def _conclusion(self, row: dict) -> str:
        """One project's conclusion: its goals and, where it has a result, who gains and who pays."""
        lang, m = self.lang, self.msg
        name = tagged_name(row["title"], row["mode"], lang)
        goals = self._goals_words(row["id"], row["mode"] == "ex_ante")
        if row["mode"] == "structural":
            money = (m("portfolio.money_structural", years=fmt_num(row["break_even_person_years"], 1, lang))
                     if pd.notna(row["break_even_person_years"]) else "")
        elif pd.isna(row["npv_public"]) and pd.notna(row.get("npv_public_low", np.nan)):
            # 1 to k − 1 exits: the range over them, as the project's page 1 says it (never the count)
            low, high = fmt_kr_prose_range(float(row["npv_public_low"]), float(row["npv_public_high"]), lang)
            # (k or more withheld all the same: the count is not said, and not said to be few)
            key = "portfolio.money_range" if row.get("exits_few", True) else "portfolio.money_range_withheld"
            money = m(key, low=low, high=high, k=str(row["min_count"]))
        elif pd.isna(row["npv_public"]):
            money = ""
        else:
            words = ACTOR_WORDS[row["mode"] == "ex_ante"]
            # the actors' amounts in the total's rounding, so that they add up to it (as on page 1)
            values = {a: float(row[f"npv_{a}"]) for a in ACTORS if pd.notna(row[f"npv_{a}"])}
            said = total_and_parts(float(row["npv_public"]), values, lang)
            parts = []
            for a, v in values.items():
                key = words["gains"] if v >= 500 else words["pays"] if v <= -500 else words["even"]
                amount = {} if key == words["even"] else {"amount": said[a]}
                parts.append(msg(key, lang, who=msg(f"summary.who_{a}", lang), **amount))
            horizon = row.get("horizon_years", np.nan)
            if len(self.horizons()) > 1 and pd.notna(horizon):  # (the horizons differ: each says its own)
                money = m("portfolio.money_ex_ante_over" if row["mode"] == "ex_ante" else "portfolio.money_public_over",
                          npv=said["npv"], parts=join(parts, lang), horizon=years_text(float(horizon), lang))
            else:
                money = m("portfolio.money_ex_ante" if row["mode"] == "ex_ante" else "portfolio.money_public",
                          npv=said["npv"], parts=join(parts, lang))
            if row.get("comparison_unreliable") is True:  # (as the project's own page 1 says)
                money += m("portfolio.money_unreliable")
        if not money:
            return m("portfolio.conclusion_goals", name=name, goals=goals)
        return m("portfolio.conclusion", name=name, goals=goals, money=money)

    def share_goal_running(self) -> list[bool]:
        """Per row, whether the goal its share is (``success_goal``: the share goal whose figure the row's share
        of the exits is) has the verdict "pågår" in the project's report, so that the overview says the same."""
        tab, g = self.table, self.goals
        goal_ids = tab["success_goal"] if "success_goal" in tab else [""] * len(tab)
        running = {(pid, gid) for pid, gid, v in zip(g["id"], g["goal_id"], g["verdict"]) if v == GoalVerdict.RUNNING}
        return [(pid, gid) in running for pid, gid in zip(tab["id"], goal_ids)]

    def goal_table(self) -> pd.DataFrame:
        """Each project's own goals with the verdict its report gives them, in the same words
        (:mod:`evaltools.words.verdicts`): project, goal, verdict."""
        m, g = self.msg, self.goals
        if g.empty:
            return pd.DataFrame(columns=[m("portfolio.project"), m("portfolio.goal"), m("portfolio.verdict")])
        return pd.DataFrame({m("portfolio.project"): g["title"], m("portfolio.goal"): g["label"],
                             m("portfolio.verdict"): [self._verdict(v, bool(so_far), sole, hidden is True)
                                                      for v, so_far, sole, hidden in zip(
                                                          g["verdict"], g["verdict_so_far"], g["sole_period"],
                                                          g["sole_period_hidden"])]})

    def _verdict(self, verdict: GoalVerdict, so_far: bool, sole: object, hidden: bool = False) -> str:
        """A goal's verdict as its report's page 1 qualifies it: resting on one judged period, it names
        that period ("Inte uppnått (bedömt enbart på år 1; en period pågår)"), and says where that period's
        figure is not shown, as page 1 does; judged on the periods that ended while another runs, it says so."""
        words = verdict_words(verdict, self.lang)
        if isinstance(sole, str) and sole:
            period = lower_first(period_name(sole, self.lang))
            if hidden:
                return self.msg("portfolio.verdict_one_period_hidden", verdict=words, period=period)
            key = "portfolio.verdict_one_period_so_far" if so_far else "portfolio.verdict_one_period"
            return self.msg(key, verdict=words, period=period)
        return self.msg("portfolio.verdict_so_far", verdict=words) if so_far else words

    def charts(self) -> None:
        if self.table.empty:
            return
        labels = self.chart_labels()
        # the shares side by side count different things: the chart marks where, and a sentence under it says so
        # (under it: the caption above stays short, on the chart's page)
        marked = labels is not None and any(lab != title for lab, title in zip(labels, self.chart_titles()))
        # (the same kind of success with other outcomes marks no name: the sentence then names no brackets)
        differ = (Text([self.msg("portfolio.charts_definitions_differ" if marked
                                 else "portfolio.charts_definitions_differ_unmarked")])
                  if labels is not None else None)
        caption = [self.msg("portfolio.charts_caption")]
        tab = self.table
        if any(_flags(tab, "per_person_so_far")) or any(_flags(tab, "running")):
            caption.append(self.msg("portfolio.charts_so_far"))  # a running project's point and bar: so far
        if self.pooled_projects():  # (the same share as the table's, named as the table names it)
            caption.append(self.msg("portfolio.charts_pooled", projects=join(self.pooled_projects(), self.lang)))
        # an application's bar stands among outturns: said to be what its table calls it, expected by the application
        applications = [title for title, mode, n in zip(tab["title"], tab["mode"], tab["cost_per_participant"])
                        if mode == "ex_ante" and pd.notna(n)]
        if applications:
            caption.append(self.msg("portfolio.charts_ex_ante", projects=join(applications, self.lang)))
        chart = plot_portfolio(self.table, self.lang, labels if labels is not None else self.chart_titles())
        self._show(Text([" ".join(caption)], self.msg("portfolio.charts_heading")), chart, differ)

    def _show(self, *parts) -> None:
        """Show ``parts`` as one block, their charts and tables numbered on from those shown before."""
        number_parts(parts, self.numbers, self.msg)
        show(*parts)

    def chart_titles(self) -> list[str]:
        """The projects' names on the chart: a project still running says so, as the tables name it
        ("Specialistteamet (pågår)"), so that its share and cost so far are not read as its result; an application
        checked before its start and a structural project say what they are, as the tables name them, so that an
        application's expected cost per participant is not read as an outturn and a row without a point or a bar
        says why (whatever the project's own title says)."""
        tab = self.table
        return [tagged_name(title, mode, self.lang, running=running)
                for title, mode, running in zip(tab["title"], tab["mode"], _flags(tab, "running"))]

    def chart_labels(self) -> list[str] | None:
        """The chart's project names where the projects with a success rate count success in different ways:
        a project whose kind of success differs from most has its short words beside its name (a share of
        exits with an action plan is not a share of exits to work set beside it); None where all count alike."""
        tab = self.table
        rated = tab[~tab["success_rate"].isna()]
        if len({(k, tuple(o), bool(f)) for k, o, f in zip(rated["success_kind"], rated["success_outcomes"],
                                                          _flags(rated, "success_same_support"))}) < 2:
            return None
        common = rated["success_kind"].value_counts().index[0]
        return [f"{title} ({self.msg(SHORT_DEFINITION[kind])})"
                if not np.isnan(rate) and kind != common and kind in SHORT_DEFINITION else title
                for title, kind, rate in zip(self.chart_titles(), tab["success_kind"], tab["success_rate"])]


GOAL_ROW_COLUMNS = ["id", "title", "goal_id", "label", "kind", "verdict", "verdict_so_far", "sole_period",
                    "volumes_unknown", "sole_period_hidden"]


def write_entry(project, lang: str, path: str | Path, *, cba=None, goals: pd.DataFrame | None = None,
                payments=None, counted: Counts | None = None, shown: Disclosure | None = None) -> Path:
    """Write the project's portfolio row and goal rows (as :class:`Portfolio` computes them) as JSON to
    ``path``, with the params file they were computed from: a batch's portfolio then takes them
    instead of loading and analysing the project a second time.

    ``cba`` and ``goals``: the project's cost-benefit as its report publishes it
    (:func:`~evaltools.analysis.disclosure.published_cost_benefit`, ``Report.cba``) and
    :func:`~evaltools.analysis.goals.assess_goals` table in ``lang`` where a report has them already (the
    row reads only the point figures, which the simulation and the effect-based estimate leave as they
    are); computed here otherwise. ``payments``: its :func:`~evaltools.analysis.comparison.compare_payments`
    result, where a report has it (the placebo test before the start says whether the NPVs hold). ``counted`` and
    ``shown``: the report's :func:`~evaltools.analysis.disclosure.counts` with ``goals`` and the
    :func:`~evaltools.analysis.disclosure.disclosure` it withholds by, where a report has them (the row withholds
    what the report does); worked out here otherwise."""
    source = project.params.source_path
    if goals is None:
        goals = assess_goals(project, lang=lang).table
    entry = {"params_path": str(Path(source).resolve()) if source else "", "params_sha256": _sha256(source) if source else "",
             "lang": lang, "row": _row(project, lang, cba, goals, payments, counted, shown), "goals": goal_rows(project, lang, goals)}
    out = Path(path)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(entry, ensure_ascii=False, default=_json_value), encoding="utf-8")
    os.replace(tmp, out)  # a portfolio never reads half an entry
    return out


def read_entries(folder: str | Path, lang: str) -> dict[str, dict]:
    """The entries in ``folder`` written in ``lang`` (:func:`write_entry`), by their params file; an
    entry that cannot be read is left out (its project is then loaded)."""
    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry["lang"] != lang or not entry["params_path"]:
                continue
            row = entry["row"]
            row["withheld"] = tuple(Secondary(x) for x in row["withheld"])
            row["success_outcomes"] = tuple(row["success_outcomes"])
            row["success_excluded"] = tuple(row.get("success_excluded", ()))
            row["success_excluded_by_share"] = bool(row.get("success_excluded_by_share", False))
            for g in entry["goals"]:
                g["verdict"] = GoalVerdict(g["verdict"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        out[entry["params_path"]] = entry
    return out


def _sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _json_value(value: object) -> object:
    """NumPy's integers and booleans as JSON numbers and booleans (its floats are Python floats)."""
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def goal_rows(project, lang: str = "sv", goals: pd.DataFrame | None = None) -> list[dict]:
    """The project's own goals (the application's, as page 1 counts them; no context goals), one row
    each with the verdict computed by :func:`evaltools.analysis.goals.assess_goals` (``goals``: its table
    in ``lang``, where it is at hand)."""
    tab = assess_goals(project, lang=lang).table if goals is None else goals
    first = own_goals(tab)  # (the goals page 1 counts, by the same function)
    unknown = set(volumes_not_comparable(tab))  # (an application's goals its volumes cannot be compared with)
    name = tagged_name(project.params.display_title(lang), _mode(project), lang)
    # a share goal with a time limit is named with it, in the words its report's page 1 and goal table use
    limits = {g.id: g.within_months for g in project.params.goals if g.within_months is not None}
    # ... and a goal counted per household with it, where its words do not say so
    counted = {g.id: g.counts for g in project.params.goals if getattr(g, "counts", "persons") != "persons"}
    return [{"id": project.params.id, "title": name, "goal_id": r.goal_id,
             "label": household_goal_label(r.label.rstrip("."), counted.get(r.goal_id), lang)
             + (f" ({time_limit_words(limits[r.goal_id], lang)})" if r.goal_id in limits else ""),
             "kind": r.kind, "verdict": r.verdict, "verdict_so_far": bool(r.verdict_so_far),
             # the one period a verdict rests on, named as page 1 names it ("" where it rests on more)
             "sole_period": ("" if r.kind in ("qualitative", "context") else
                             sole_judged_period(tab[tab["goal_id"] == r.goal_id]) or ""),
             "volumes_unknown": r.goal_id in unknown,
             # (that one period's figure withheld in the report: the verdict says the reader cannot see it)
             "sole_period_hidden": sole_period_hidden(tab[tab["goal_id"] == r.goal_id])}
            for r in first.itertuples(index=False)]


def _values(tab: pd.DataFrame, column: str) -> list[float]:
    """A column of numbers of the portfolio's rows: NaN where a row has none (a row kept from an earlier version)."""
    return list(tab[column]) if column in tab else [np.nan] * len(tab)


def _flags(tab: pd.DataFrame, column: str) -> list[bool]:
    """A yes/no column of the portfolio's rows as booleans: False where a row has no such value (a row
    kept from an earlier version, or a figure withheld)."""
    if column not in tab:
        return [False] * len(tab)
    return [bool(v) if isinstance(v, (bool, np.bool_)) else False for v in tab[column]]


def _mode(project) -> str:
    """The portfolio's mode of a project (as its cost-benefit result names it) from its kind."""
    return {"struktur": "structural", "ansökan": "ex_ante"}.get(project_kind(project), "observed")


def _row(project, lang: str = "sv", cba=None, goals: pd.DataFrame | None = None, payments=None,
         counted: Counts | None = None, shown: Disclosure | None = None) -> dict:
    p = project.params
    # (as the project's report publishes it: where 1 to k − 1 exits are valued, the range over them, not the figures)
    goal_table = assess_goals(project, lang=lang).table if goals is None else goals
    c = counts(project, goal_table) if counted is None else counted  # (once: every question below reads them)
    # (and where k or more exits are withheld all the same, the range over the counts the report leaves open);
    # a report's result is published already (Report.cba), so it is taken as it is
    result = cba if cba is not None else published_cost_benefit(project, goal_table, counted=c, monte_carlo=False,
                                                                 effect=False)
    cb = result.summary
    # the deadweight taken from a comparison group that moved apart from the participants before the start:
    # the project's report calls its NPVs not reliable (present.sections.summary.comparison_unreliable)
    unreliable = False
    if cb.mode == "observed" and cb.deadweight_source == "comparison":
        pay = payments if payments is not None else compare_payments(project, lang=lang)
        unreliable = pay.did is not None and bool(pay.parallel_trends_doubtful)
    persp = result.table.set_index("perspective")
    sc = project_successes(project, lang)  # as the project defines success (its main goal's numerator)
    main = main_goal(p)
    main_is_share = main is not None and main.kind == "share" and main.id == sc.definition.goal_id
    k, n = sc.successes, sc.base
    lo, hi = proportion_confint(k, n, method=CI_METHOD) if n else (np.nan, np.nan)
    # the outcomes the main goal leaves out of those who ended, where any exit has one (the base is smaller)
    left_out = sc.definition.left_out(project.participants) if project.has_participants else ()
    budget = cb.budget_total
    use = result.budget_use  # the one share used: the same on the project's page 1 and in its budget table
    held = (disclosure(project, goal_table, cb.per_person_through, counted=c) if shown is None else shown).withheld
    # the goal whose share of the exits the row's share is (a share goal beside a main goal that counts, or the
    # main goal itself where it is a share); judged per year (more than one period), the row's share over every
    # year is not the figure its report judges (page 1 gives each year's share and one verdict over them)
    success_goal = sc.definition.share_goal_id or (sc.definition.goal_id if main_is_share else "")
    pooled = bool(success_goal) and int(((goal_table["goal_id"] == success_goal)
                                         & (goal_table["mode"] == "observed")).sum()) > 1
    # an application's share is the one its goal section judges against that goal: the expected share on the
    # application's volumes (the same in every period), shown as expected; none where the volumes do not say it
    expected = goal_table.loc[(goal_table["goal_id"] == success_goal) & (goal_table["mode"] == "ex_ante"), "value"] \
        if success_goal and cb.mode == "ex_ante" else pd.Series(dtype=float)
    expected = expected.dropna()
    expected_share = float(expected.iloc[0]) if len(expected) and np.allclose(expected, expected.iloc[0]) else np.nan
    return {"withheld": tuple(sorted(held)), "min_count": p.privacy.min_count, **withhold(held, {"id": p.id, "title": p.display_title(lang), "draft": bool(p.source_path) and is_draft(p.source_path, lang),
            # (the period runs on past the data, as the project's page 1 says: summary.running)
            "running": cb.mode == "observed" and p.runs_on, "period": f"{p.period.start:%Y-%m} – {p.period.end:%Y-%m}",
            # every exit, as the project's report counts its ended ("Av 242 avslutade"), beside the main goal's
            # base the share is of (Specialistteamet's 236: those who moved left out), each under its own label
            "participants": persons_of(project.participants), "ended_all": cb.ended, "ended": n, "successes": k,
            "success_definition": success_definition_text(sc.definition, lang, left_out, timed_words(p, lang),
                                                          moved=some_had_no_fs(project)),
            "success_rate": k / n if n else np.nan, "ci_low": lo, "ci_high": hi, "cost": cb.total_cost_nominal,
            "budget": budget, "budget_used": use.share,
            "cost_per_participant": cb.cost_per_participant, "cost_per_success": cb.cost_per_success,
            "per_person_so_far": cb.per_person_so_far,
            "per_person_through": cb.per_person_through.isoformat() if cb.per_person_through else "",
            "npv_public": persp.loc["offentliga", "npv"], "npv_society": persp.loc["samhälle", "npv"],
            **society_earnings(persp.loc["samhälle", "note"]), "comparison_unreliable": unreliable,
            # the skattefaktor falls on a public surplus, not a net cost (as page 1 words it: summary.sf_on_surplus)
            "society_surplus": bool(persp.loc["samhälle"].get("pv_skattefaktor", np.nan) > 0),
            **{f"npv_{a}": persp.loc[a, "npv"] if a in persp.index else np.nan for a in ACTORS},
            "bcr_public": persp.loc["offentliga", "bcr"], "mode": cb.mode, **exit_range_columns(cb.exit_range),
            # (a range over the few exits themselves, or over a count of k or more withheld all the same)
            "exits_few": cb.exit_range is None or cb.exit_range.few,
            "price_year": int(cb.price_year), "discount_rate": float(p.cost_benefit.discount_rate),
            # the horizon its NPVs are counted over, as its page 1 says ("över 3 år")
            "horizon_years": float(p.cost_benefit.horizon_years),
            "break_even_person_years": cb.break_even_person_years, "break_even_cost": cb.total_cost_fixed,
            "success_kind": sc.definition.kind,
            "success_outcomes": tuple(sc.definition.outcomes), "success_excluded": left_out,
            # (part of the definition's identity: the same outcomes under the same-support rule count fewer)
            "success_same_support": sc.definition.same_support_rule,
            "success_excluded_by_share": sc.definition.share_goal_id is not None,
            # the goal whose share of the exits the row's share is: its verdict is the share's, as the report gives
            # it, and where it judges year by year the share pools the years (``success_pooled``)
            "success_goal": success_goal, "success_pooled": pooled, "expected_share": expected_share,
            # an application's participants: the volumes its costs per participant divide by, shown as expected
            "expected_participants": (float(expected_participants(project) or np.nan) if cb.mode == "ex_ante" else np.nan)})}


def _or_range(tab: pd.DataFrame, i: int, column: str, exact: str, lang: str) -> str:
    """Row ``i``'s ``column`` as the overview shows it: its range over 1 to k − 1 exits where the row has one
    (``<column>_low``, ``<column>_high``), else ``exact``."""
    low, high = (tab[f"{column}_{end}"].iloc[i] if f"{column}_{end}" in tab else np.nan for end in ("low", "high"))
    if pd.isna(low) or pd.isna(high):
        return exact
    return range_text(float(low), float(high), "bcr" if column.startswith("bcr") else "npv", lang)


def society_earnings(note: object) -> dict:
    """What society's NPV holds of the participants' earnings, from its note in the cost-benefit table:
    ``"none"`` (not valued), ``"short"`` (measured for ``society_earnings_months`` months from the start
    only) or ``"valued"``."""
    key = getattr(note, "key", "")
    if key == "assumption.actor_society_short":
        return {"society_earnings": "short", "society_earnings_months": int(dict(note.values)["months"])}  # type: ignore[attr-defined]
    return {"society_earnings": "none" if key == "assumption.actor_society" else "valued", "society_earnings_months": 0}


def exit_range_columns(er) -> dict:
    """A portfolio row's range where 1 to k − 1 exits are valued (:class:`~evaltools.analysis.costbenefit.ExitRange`):
    the public financiers' and society's net present value and the public financiers' ratio at the lowest and the
    highest count, which the row shows in place of its exact figures (NaN, as the report publishes them)."""
    out = dict.fromkeys(RANGE_COLUMNS, np.nan)
    if er is None:
        return out
    for col, p in (("public", "offentliga"), ("society", "samhälle")):
        pr = er.of(p)
        if pr is not None:
            out.update({f"npv_{col}_low": pr.npv_low, f"npv_{col}_high": pr.npv_high})
    public = er.of("offentliga")
    if public is not None:
        out.update({"bcr_public_low": public.bcr_low, "bcr_public_high": public.bcr_high})
    return out


# the actors whose own result the conclusions name (who gains and who pays), as page 1 does
ACTORS = ("kommun", "region", "stat")
# the present values the portfolio restates in one price year (the BCR is a ratio and needs none)
NPV_COLUMNS = ("npv_public", "npv_society", *(f"npv_{a}" for a in ACTORS),
               "npv_public_low", "npv_public_high", "npv_society_low", "npv_society_high")
# a row's range over 1 to k − 1 exits (:func:`exit_range_columns`), NaN where its exact figures are shown
RANGE_COLUMNS = ("npv_public_low", "npv_public_high", "npv_society_low", "npv_society_high", "bcr_public_low",
                 "bcr_public_high")


def one_price_year(table: pd.DataFrame) -> tuple[pd.DataFrame, int | None]:
    """The portfolio's present values restated in one price year, the latest of the projects' own
    (:func:`evaltools.analysis.pricebasis.restate`, KPI), and that year."""
    if table.empty or "price_year" not in table:
        return table, None
    year = int(table["price_year"].max())
    out = table.copy()
    for c in NPV_COLUMNS:
        if c not in table:  # (a row written before the ranges were)
            continue
        out[c] = [restate(v, PriceBasis.present_value(py, rate), year)[0] if pd.notna(v) else v
                  for v, py, rate in zip(table[c], table["price_year"], table["discount_rate"])]
    out["npv_price_year"] = year
    return out, year


# the row's numbers each secondary figure takes with it when the differencing rule withholds it
WITHHELD_COLUMNS = {Secondary.PARTICIPANTS: ("participants",),
                    Secondary.COST_PER_PARTICIPANT: ("cost_per_participant",), Secondary.ENDED: ("ended_all",),
                    Secondary.SUCCESSES: ("ended", "successes", "success_rate", "ci_low", "ci_high"),
                    Secondary.COST_PER_SUCCESS: ("cost_per_success",)}


def withhold(held: frozenset, row: dict) -> dict:
    """A portfolio row with the numbers the differencing rule withholds set to NaN (not in the table,
    the workbook, the CSV files or the charts; the overview shows their mark)."""
    for figure in held:
        for c in WITHHELD_COLUMNS.get(figure, ()):
            row[c] = np.nan
    return row
