"""Goal fulfilment: each goal in params, per period, with status and (for shares) an exact interval and test.

Status rules (parameterised by ``partial_band``, default 0.8):

* counts: *uppnått* when the value reaches the target for the time the period actually ran
  (pro-rated when a period was cut short or is still running); *delvis* when it reaches
  ``partial_band`` of it; otherwise *ej uppnått*;
* shares: the same rule on the observed share; shares are not pro-rated. The exact
  (Clopper–Pearson) 95 % interval and the one-sided exact binomial tests against the target say
  whether the shortfall or surplus is clear (``ci_verdict``: ``över``, ``osäkert`` when the
  interval spans the target, ``under``). Interval and test are one family: the interval lies
  wholly above the target exactly when the one-sided test of "above" gives p < 2.5 %;
* a period that has not started, or a share with no one in its denominator: *ej bedömt*; a share
  whose denominator is below the privacy threshold (``privacy.min_count``) is not assessed either,
  and its counts are hidden (``too_few``): its value would tell single persons' outcomes;
* qualitative goals: the evaluator's own assessment from params, with its evidence;
* context goals (a municipal statistic): shown as a series, never assessed as the project's result
  (status ``sammanhang``).

Counts are attributed to the project year of intake (as the Timrå final report does) unless a
goal says ``count_by: exit``. Goal totals are the project's public accounting to its funder and
are shown; breakdowns beneath them are small-count suppressed (see :mod:`evaltools.data.privacy`).

:func:`success_definition` says what the project counts as a success (its main goal's numerator)
and :func:`project_successes` counts it; page 1, the cost per success, the portfolio and the
exports use them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

from ..data import schema as S
from ..data.params import Goal, ProjectParams
from ..data.errors import DataValidationError
from ..data.project import Project
from ..data.validation import add_years
from ..words.labels import fmt_int, fmt_num, fmt_p, fmt_pct, t
from .result import Result

GOAL_COLUMNS = ["goal_id", "kind", "label", "period_key", "period_label", "period_first", "period_last", "observed_last",
                "fraction_run", "cut", "mode", "value", "numerator", "denominator", "target", "target_prorated", "ci_low",
                "ci_high", "p_below_target", "p_above_target", "ci_verdict", "too_few", "status", "evidence", "note", "source",
                "main"]
CI_METHOD = "beta"  # Clopper–Pearson, the inversion of the exact binomial test (see docs/methods.md)


@dataclass(frozen=True)
class PeriodWindow:
    key: str
    label: str
    first: dt.date
    last: dt.date  # planned last day
    observed_last: dt.date | None  # last day with data (None: not started)
    full_days: int  # days of a full period (a year for yearly targets)

    @property
    def fraction(self) -> float:
        """Share of the full period's target that applies to the time actually run."""
        if self.observed_last is None:
            return 0.0
        return ((self.observed_last - self.first).days + 1) / self.full_days

    @property
    def cut(self) -> bool:
        return self.observed_last is not None and self.fraction < 1 - 1e-9


def period_windows(params: ProjectParams, unit: str, lang: str = "sv") -> list[PeriodWindow]:
    """The periods a goal is evaluated over, each cut at the analysis date (``params.as_of``)."""
    start, planned_end, as_of = params.period.start, params.period.planned_end, params.as_of
    wins = []
    if unit == "whole_period":
        bounds = [("hela", t("whole_period", lang), start, planned_end, (planned_end - start).days + 1)]
    elif unit == "project_year":
        bounds, k = [], 1
        while add_years(start, k - 1) <= planned_end:
            first = add_years(start, k - 1)
            full_last = add_years(start, k) - dt.timedelta(days=1)
            bounds.append((f"år{k}", t("year_n", lang, n=k), first, min(full_last, planned_end),
                           (full_last - first).days + 1))
            k += 1
    else:
        bounds = []
        for y in range(start.year, planned_end.year + 1):
            first, full_last = dt.date(y, 1, 1), dt.date(y, 12, 31)
            bounds.append((str(y), str(y), max(first, start), min(full_last, planned_end), (full_last - first).days + 1))
    for key, label, first, last, full in bounds:
        observed = None if first > as_of else min(last, as_of)
        shown_last = observed if observed is not None and observed < last else last
        text = f"{label} ({first:%Y-%m-%d} – {shown_last:%Y-%m-%d})"
        wins.append(PeriodWindow(key, text, first, last, observed, full))
    return wins


def _status(value: float, target: float, band: float) -> str:
    if value >= target - 1e-9:
        return "uppnått"
    if value >= band * target - 1e-9:
        return "delvis"
    return "ej_uppnått"


# An ex-ante check reads the application's expected volumes against its goals: nothing is achieved
# yet, so its statuses say whether the stated volumes reach the target, never that a goal was met.
EX_ANTE_STATUS = {"uppnått": "nås_med_volymer", "delvis": "nås_delvis_med_volymer", "ej_uppnått": "nås_inte_med_volymer"}


def restates_target(value: float, target: float) -> bool:
    """True when the expected value simply equals the goal's target (within rounding): the check
    then only repeats the application and cannot test it."""
    return bool(np.isfinite(value) and np.isfinite(target) and abs(value - target) <= 1e-6 * max(1.0, abs(target)))


def _in_window(dates: pd.Series, w: PeriodWindow) -> pd.Series:
    if w.observed_last is None:
        return pd.Series(False, index=dates.index)
    return (dates >= pd.Timestamp(w.first)) & (dates <= pd.Timestamp(w.observed_last))


class GoalAssessment(Result):
    """Result of :func:`assess_goals`. ``table`` has one row per goal and period."""

    def display(self, lang: str | None = None, min_count: int = 5) -> pd.DataFrame:
        """The table as a board reads it: formatted values in the report language (default: the
        project's). Context goals are left out (they are shown as series)."""
        lang = lang or self.lang
        rows = []
        for r in self.table.itertuples(index=False):
            if r.kind == "context":
                continue
            uncertainty = "–"
            if r.kind == "qualitative":
                value = target = ci = "–"
            elif r.kind == "share":
                if r.too_few:
                    value = t("too_few", lang, k=min_count)
                else:
                    value = f"{fmt_pct(r.value, lang)} ({fmt_int(r.numerator, lang)}/{fmt_int(r.denominator, lang)})" \
                        if not np.isnan(r.value) else "–"
                target = fmt_pct(r.target, lang, 0)
                ci = (f"{fmt_pct(r.ci_low, lang)}–{fmt_pct(r.ci_high, lang)}" if not np.isnan(r.ci_low) else "–")
                if r.ci_verdict:
                    uncertainty = f"{t(r.ci_verdict, lang)}, p\u00a0=\u00a0{fmt_p(side_p(r), lang)}"
            else:
                value = fmt_int(r.value, lang) if not np.isnan(r.value) else "–"
                target = fmt_int(r.target, lang)
                if r.cut and not np.isnan(r.target_prorated):
                    target += f" ({fmt_num(r.target_prorated, 1, lang)})"
                ci = "–"
            value_col = t("expected_by_application" if r.mode == "ex_ante" else "value", lang)
            label = r.label if r.source == "ansökan" else f"{r.label} ({t(SOURCE_LABELS[r.source], lang).lower()})"
            rows.append({t("goal", lang): label, t("period", lang): r.period_label, value_col: value,
                         t("target", lang): target, t("ci", lang): ci, t("status", lang): status_text(r, lang),
                         t("uncertainty", lang): uncertainty})
        return pd.DataFrame(rows)


def status_text(row, lang: str) -> str:
    """The assessment as the goal table shows it: a share whose interval spans its target is not
    simply "Uppnått" or "Ej uppnått" — the point verdict is marked as uncertain."""
    status = t(row.status, lang)
    if row.kind == "share" and row.mode == "observed" and row.ci_verdict == "osäkert" \
            and row.status in ("uppnått", "delvis", "ej_uppnått"):
        return t("status_uncertain", lang, status=status)
    return status


def side_p(row) -> float:
    """The one-sided exact p-value in the direction of the result: for a share at or above its
    target, the p-value of "above the target"; below it, of "below the target"."""
    return row.p_above_target if row.value >= row.target else row.p_below_target


def _successes(df: pd.DataFrame, goal: Goal) -> pd.Series:
    if goal.numerator == "action_plan":
        return df[S.ACTION_PLAN] == "ja"
    return df[S.OUTCOME].isin(goal.success_outcomes)


def _evaluate(goal: Goal, w: PeriodWindow, project: Project, mode: str, band: float, lang: str,
              min_count: int = 5) -> dict:
    row = {"goal_id": goal.id, "kind": goal.kind, "label": goal.label if lang == "sv" else (goal.label_en or goal.label),
           "period_key": w.key, "period_label": w.label, "period_first": w.first, "period_last": w.last,
           "observed_last": w.observed_last, "fraction_run": w.fraction, "cut": w.cut, "mode": mode,
           "value": np.nan, "numerator": np.nan, "denominator": np.nan, "target": goal.target or np.nan,
           "target_prorated": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_below_target": np.nan,
           "p_above_target": np.nan, "ci_verdict": "", "too_few": False, "status": "ej_bedömt", "evidence": "",
           "note": "", "source": goal.source, "main": goal.main}
    if goal.kind == "qualitative":
        row["status"] = goal.assessment or "ej_bedömt"
        row["evidence"] = (goal.evidence if lang == "sv" else (goal.evidence_en or goal.evidence)) or ""
        return row
    if w.observed_last is None:
        row["note"] = t("not_started", lang)
        return row
    if goal.kind in ("participant_count", "outcome_count"):
        target = goal.target * (w.fraction if goal.period != "whole_period" or w.cut else 1.0)
        row["target_prorated"] = target
    if w.cut:
        row["note"] = t("cut_short", lang)
    if mode == "ex_ante":
        e = project.params.expected
        # a project or calendar year carries the whole yearly expectation (pro-rated like the
        # target when the year is cut); the whole period counts its length in years
        years = w.fraction if goal.period != "whole_period" else ((w.observed_last - w.first).days + 1) / 365.25
        if goal.kind == "participant_count" and e.participants_per_year is not None:
            row["value"] = e.participants_per_year * years
        elif goal.kind == "outcome_count" and e.successes_per_year is not None:
            row["value"] = e.successes_per_year * years
        elif goal.kind == "share" and e.successes_per_year and e.participants_per_year:
            row["value"] = e.successes_per_year / e.participants_per_year
        else:
            row["note"] = t("no_participants", lang)
            return row
        ref = row["target_prorated"] if goal.kind != "share" else goal.target
        row["status"] = EX_ANTE_STATUS[_status(row["value"], ref, band)]
        if restates_target(row["value"], ref):
            row["note"] = t("restates_target", lang)
        return row

    df = project.participants
    date_col = S.START_DATE if goal.count_by == "intake" else S.END_DATE
    in_w = _in_window(df[date_col], w)
    if goal.kind == "participant_count":
        row["value"] = float(in_w.sum())
        row["status"] = _status(row["value"], row["target_prorated"], band)
        return row
    # an outcome only counts once the person has ended; an action plan is recorded at exit too
    succ = _successes(df, goal) & df[S.END_DATE].notna()
    if goal.kind == "outcome_count":
        row["value"] = float((in_w & succ).sum())
        row["status"] = _status(row["value"], row["target_prorated"], band)
        return row
    # share
    denom = in_w.copy()
    if goal.denominator == "exits":
        denom &= df[S.END_DATE].notna()
    if goal.exclude_from_denominator:
        denom &= ~df[S.OUTCOME].isin(goal.exclude_from_denominator)
    n, k = int(denom.sum()), int((denom & succ).sum())
    if 0 < n < min_count:  # a share of one to four persons tells their outcomes: not assessed, not shown
        row["too_few"] = True
        row["note"] = t("too_few_note", lang, k=min_count)
        return row
    row["numerator"], row["denominator"] = float(k), float(n)
    if n == 0:
        return row
    row.update(share_test(k, n, goal.target))
    row["status"] = _status(row["value"], goal.target, band)
    return row


def share_test(k: int, n: int, target: float, alpha: float = 0.05) -> dict:
    """A share ``k / n`` against its ``target``: the exact (Clopper–Pearson) interval, the two
    one-sided exact binomial p-values and the interval's verdict.

    The Clopper–Pearson interval is the set of proportions the exact binomial test does not reject
    at ``alpha / 2`` on either side, so the verdict and the p-values never disagree: ``över``
    exactly when ``p_above_target`` < ``alpha / 2``, ``under`` exactly when ``p_below_target`` <
    ``alpha / 2``, else ``osäkert`` (the interval spans the target).

    Returns
    -------
    dict
        value, ci_low, ci_high, p_below_target, p_above_target, ci_verdict.
    """
    lo, hi = proportion_confint(k, n, alpha=alpha, method=CI_METHOD)
    lo, hi = float(lo), float(hi)
    return {"value": k / n, "ci_low": lo, "ci_high": hi,
            "p_below_target": float(binomtest(k, n, p=target, alternative="less").pvalue),
            "p_above_target": float(binomtest(k, n, p=target, alternative="greater").pvalue),
            "ci_verdict": "över" if lo > target else ("under" if hi < target else "osäkert")}


def assess_goals(project: Project, *, partial_band: float | None = None, lang: str | None = None) -> GoalAssessment:
    """Did the project reach the goals in its application? Every goal, for every period.

    Counts are compared with their target for the time a period actually ran (pro-rated when a
    period was cut short); shares get an exact (Clopper–Pearson) 95 % interval and one-sided exact binomial tests
    against the target; qualitative goals carry the evaluator's assessment from params. With no
    participant data but ``expected`` volumes in params, goals are evaluated ex ante against the
    application's expected volumes (``mode == "ex_ante"``).

    Parameters
    ----------
    project
        A loaded project (:func:`evaltools.load_project`).
    partial_band
        Share of a target from which a goal counts as partly achieved; default
        ``params.partial_band`` (0.8).
    lang
        ``"sv"`` or ``"en"`` for labels; default: the params file's ``language``.

    Returns
    -------
    GoalAssessment
        ``table`` columns: goal_id, kind, label, period_key, period_label, period_first,
        period_last, observed_last, fraction_run, cut, mode, value, numerator, denominator,
        target, target_prorated, ci_low, ci_high, p_below_target, ci_verdict, status,
        evidence, note. ``display()`` gives the table as the report shows it.

    Examples
    --------
    >>> import evaltools as et
    >>> goals = et.assess_goals(et.load_project("kompassen-demo"))  # doctest: +SKIP
    >>> goals.table[["goal_id", "period_key", "value", "status"]]  # doctest: +SKIP
    """
    partial_band = project.params.partial_band if partial_band is None else partial_band
    if not 0 < partial_band <= 1:
        raise ValueError(f"partial_band must be between 0 and 1, got {partial_band!r}")
    lang = lang or project.params.language
    mode = "observed" if project.has_participants else ("ex_ante" if project.params.expected else "none")
    k = project.params.privacy.min_count
    rows = []
    for goal in project.params.goals:
        if goal.kind == "context":
            rows.append(_context_row(goal, project.params, lang))
            continue
        windows = period_windows(project.params, "whole_period" if goal.kind == "qualitative" else goal.period, lang)
        for w in windows:
            r = _evaluate(goal, w, project, mode, partial_band, lang, k)
            if mode == "none" and goal.kind != "qualitative":
                r["note"] = t("no_participants", lang)
            rows.append(r)
    notes = (t("goal_ci_note", lang),)
    return GoalAssessment(pd.DataFrame(rows, columns=GOAL_COLUMNS), None, notes)


# --- the project's own definition of success ---------------------------------------------------
SUCCESS_LABELS = {"action_plan": "success_action_plan", "goal_outcomes": "success_goal_outcomes",
                  "leaves_fs": "success_leaves_fs"}
SOURCE_LABELS = {"ansökan": "source_ansokan", "slutrapport": "source_slutrapport", "utvärderare": "source_utvarderare"}


@dataclass(frozen=True)
class SuccessDefinition:
    """What the project counts as a success: its main goal's numerator, or (where it sets no
    outcome goal) the generic definition, leaving försörjningsstöd.

    ``kind`` is ``action_plan`` (an exit with a documented action plan), ``goal_outcomes`` (an exit
    to one of the main goal's outcomes) or ``leaves_fs`` (the generic one).
    """

    kind: str
    outcomes: tuple[str, ...]
    goal_id: str | None = None
    goal_label: str | None = None
    denominator: str = "exits"
    exclude: tuple[str, ...] = ()

    def describe(self, lang: str = "sv") -> str:
        """What was counted, as a label for tables and exports."""
        from ..words.labels import code_label
        outcomes = ", ".join(code_label(S.OUTCOME, c, lang).lower() for c in self.outcomes)
        values = {"action_plan": {"goal": self.goal_label or ""},
                  "goal_outcomes": {"outcomes": outcomes, "goal": self.goal_label or ""},
                  "leaves_fs": {"outcomes": outcomes}}[self.kind]
        return t(SUCCESS_LABELS[self.kind], lang, **values)

    def is_success(self, df: pd.DataFrame) -> pd.Series:
        """Which rows of a participants frame are successes under this definition (ended only)."""
        ended = df[S.END_DATE].notna()
        if self.kind == "action_plan":
            return ended & (df[S.ACTION_PLAN] == "ja")
        return ended & df[S.OUTCOME].isin(self.outcomes)


@dataclass(frozen=True)
class SuccessCount:
    """The project's successes under its own definition: ``successes`` of ``base`` ended participants
    (those the main goal's denominator excludes are left out of ``base``)."""

    definition: SuccessDefinition
    successes: int
    base: int

    @property
    def share(self) -> float:
        return self.successes / self.base if self.base else float("nan")


def main_goal(params: ProjectParams) -> Goal | None:
    """The goal whose numerator defines success: the one marked ``main: true``, else the first
    outcome or share goal of the application (``source: ansökan``); ``None`` when there is none."""
    marked = [g for g in params.goals if g.main]
    if marked:
        return marked[0]
    for g in params.goals:
        if g.kind in ("outcome_count", "share") and g.source == "ansökan":
            return g
    return None


def success_definition(params: ProjectParams, lang: str | None = None) -> SuccessDefinition:
    """What the project counts as a success (see :class:`SuccessDefinition`).

    Examples
    --------
    >>> success_definition(et.load_params("params/kompassen-demo.yaml")).describe("sv")  # doctest: +SKIP
    """
    lang = lang or params.language
    g = main_goal(params)
    if g is None:
        return SuccessDefinition("leaves_fs", tuple(params.cost_benefit.success_outcomes))
    label = g.label if lang == "sv" else (g.label_en or g.label)
    kind = "action_plan" if g.numerator == "action_plan" else "goal_outcomes"
    return SuccessDefinition(kind, tuple(g.success_outcomes), g.id, label, g.denominator,
                             tuple(g.exclude_from_denominator))


def project_successes(project: Project, lang: str | None = None) -> SuccessCount:
    """How many of the project's ended participants were a success under its own definition, over
    the whole period (0 of 0 without participant data)."""
    d = success_definition(project.params, lang)
    if not project.has_participants:
        return SuccessCount(d, 0, 0)
    df = project.participants
    ended = df[S.END_DATE].notna()
    base = ended & ~df[S.OUTCOME].isin(d.exclude) if d.exclude else ended
    return SuccessCount(d, int((d.is_success(df) & base).sum()), int(base.sum()))


# --- context goals: municipal statistics -----------------------------------------------------
def context_series(goal: Goal, params: ProjectParams) -> pd.DataFrame:
    """A context goal's series as a frame: period (year), value, unit, source; sorted by year.

    From ``series`` in params, or from ``series_file`` (a CSV with columns ``period`` and ``value``,
    relative to the params file's folder). Problems in the file are reported by file, row and column.
    """
    unit = goal.unit or ""
    source = goal.series_source or ""
    if goal.series:
        frame = pd.DataFrame({"period": [p.period for p in goal.series], "value": [p.value for p in goal.series]})
    else:
        frame = _read_series_file(goal, params)
    frame = frame.sort_values("period").reset_index(drop=True)
    frame["unit"], frame["source"] = unit, source
    return frame


def _read_series_file(goal: Goal, params: ProjectParams) -> pd.DataFrame:
    from ..data.errors import Problem
    path = goal.series_file
    if not path.is_absolute():
        base = params.source_path.parent if params.source_path else Path.cwd()
        path = (base / path).resolve()
    if not path.is_file():
        raise DataValidationError([Problem(str(path), None, None, None,
                                           f"a CSV file with the series of goal '{goal.id}' (series_file); "
                                           "there is no such file")])
    raw = pd.read_csv(path, sep=None, engine="python", dtype=str, encoding="utf-8-sig")
    raw.columns = [c.strip().lower() for c in raw.columns]
    problems = [Problem(str(path), 1, c, None, f"a column '{c}' (the series of goal '{goal.id}')")
                for c in ("period", "value") if c not in raw.columns]
    if problems:
        raise DataValidationError(problems)
    periods, values = [], []
    for i, (p_, v) in enumerate(zip(raw["period"], raw["value"]), start=2):  # row 1 is the header
        p_s, v_s = str(p_).strip(), str(v).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        if not (p_s.isdigit() and len(p_s) == 4):
            problems.append(Problem(str(path), i, "period", p_s, "a year such as 2019"))
        try:
            fv = float(v_s)
            if not np.isfinite(fv):
                raise ValueError
        except ValueError:
            problems.append(Problem(str(path), i, "value", v_s, "a number such as 412 or 3,5"))
            fv = np.nan
        periods.append(int(p_s) if p_s.isdigit() else 0)
        values.append(fv)
    if problems:
        raise DataValidationError(problems)
    return pd.DataFrame({"period": periods, "value": values})


def _context_row(goal: Goal, params: ProjectParams, lang: str) -> dict:
    label = goal.label if lang == "sv" else (goal.label_en or goal.label)
    series = context_series(goal, params)
    last = series.iloc[-1] if len(series) else None
    row = dict.fromkeys(GOAL_COLUMNS, np.nan)
    row.update({"goal_id": goal.id, "kind": "context", "label": label, "period_key": "hela",
                "period_label": t("whole_period", lang), "period_first": params.period.start,
                "period_last": params.period.end, "observed_last": None, "fraction_run": np.nan, "cut": False,
                "mode": "context", "value": float(last["value"]) if last is not None else np.nan,
                "target": goal.target if goal.target is not None else np.nan, "ci_verdict": "", "too_few": False,
                "status": "sammanhang", "evidence": "", "note": t("context_note", lang), "source": goal.source,
                "main": False})
    return row
