"""Goal fulfilment: each goal in params, per period, with status and (for shares) a Wilson interval.

Status rules (parameterised by ``partial_band``, default 0.8):

* counts: *uppnått* when the value reaches the target for the time the period actually ran
  (pro-rated when a period was cut short or is still running); *delvis* when it reaches
  ``partial_band`` of it; otherwise *ej uppnått*;
* shares: the same rule on the observed share; shares are not pro-rated. The Wilson 95 %
  interval and a one-sided exact binomial test against the target say whether the shortfall or
  surplus is clear (``ci_verdict``);
* a period that has not started, or a share with no one in its denominator: *ej bedömt*;
* qualitative goals: the evaluator's own assessment from params, with its evidence.

Counts are attributed to the project year of intake (as the Timrå final report does) unless a
goal says ``count_by: exit``. Goal results are the project's public accounting to its funder and
are not small-count suppressed; breakdowns beneath them are (see :mod:`evaltools.privacy`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

from . import schema as S
from .config import Goal, ProjectParams
from .io import Project, _add_years
from .labels import fmt_int, fmt_num, fmt_pct, t
from .results import Result

GOAL_COLUMNS = ["goal_id", "kind", "label", "period_key", "period_label", "period_first", "period_last", "observed_last",
                "fraction_run", "cut", "mode", "value", "numerator", "denominator", "target", "target_prorated", "ci_low",
                "ci_high", "p_below_target", "ci_verdict", "status", "evidence", "note"]


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
        while _add_years(start, k - 1) <= planned_end:
            first = _add_years(start, k - 1)
            full_last = _add_years(start, k) - dt.timedelta(days=1)
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


def _in_window(dates: pd.Series, w: PeriodWindow) -> pd.Series:
    if w.observed_last is None:
        return pd.Series(False, index=dates.index)
    return (dates >= pd.Timestamp(w.first)) & (dates <= pd.Timestamp(w.observed_last))


class GoalAssessment(Result):
    """Result of :func:`assess_goals`. ``table`` has one row per goal and period."""

    def display(self, lang: str | None = None) -> pd.DataFrame:
        """The table as a board reads it: formatted values in the report language (default: the project's)."""
        lang = lang or self.lang
        rows = []
        for r in self.table.itertuples(index=False):
            if r.kind == "qualitative":
                value = target = ci = "–"
            elif r.kind == "share":
                value = f"{fmt_pct(r.value, lang)} ({fmt_int(r.numerator, lang)}/{fmt_int(r.denominator, lang)})" \
                    if not np.isnan(r.value) else "–"
                target = fmt_pct(r.target, lang, 0)
                ci = (f"{fmt_pct(r.ci_low, lang)}–{fmt_pct(r.ci_high, lang)}" if not np.isnan(r.ci_low) else "–")
            else:
                value = fmt_int(r.value, lang) if not np.isnan(r.value) else "–"
                target = fmt_int(r.target, lang)
                if r.cut and not np.isnan(r.target_prorated):
                    target += f" ({fmt_num(r.target_prorated, 1, lang)})"
                ci = "–"
            if r.mode == "ex_ante" and r.kind != "qualitative":
                value += f" [{t('ex_ante', lang)}]"
            rows.append({t("goal", lang): r.label, t("period", lang): r.period_label, t("value", lang): value,
                         t("target", lang): target, t("ci", lang): ci, t("status", lang): t(r.status, lang)})
        return pd.DataFrame(rows)


def _successes(df: pd.DataFrame, goal: Goal) -> pd.Series:
    if goal.numerator == "action_plan":
        return df[S.ACTION_PLAN] == "ja"
    return df[S.OUTCOME].isin(goal.success_outcomes)


def _evaluate(goal: Goal, w: PeriodWindow, project: Project, mode: str, band: float, lang: str) -> dict:
    row = {"goal_id": goal.id, "kind": goal.kind, "label": goal.label if lang == "sv" else (goal.label_en or goal.label),
           "period_key": w.key, "period_label": w.label, "period_first": w.first, "period_last": w.last,
           "observed_last": w.observed_last, "fraction_run": w.fraction, "cut": w.cut, "mode": mode,
           "value": np.nan, "numerator": np.nan, "denominator": np.nan, "target": goal.target or np.nan,
           "target_prorated": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_below_target": np.nan,
           "ci_verdict": "", "status": "ej_bedömt", "evidence": "", "note": ""}
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
        row["status"] = _status(row["value"], ref, band)
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
    row["numerator"], row["denominator"] = float(k), float(n)
    if n == 0:
        return row
    row["value"] = k / n
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    row["ci_low"], row["ci_high"] = float(lo), float(hi)
    row["p_below_target"] = float(binomtest(k, n, p=goal.target, alternative="less").pvalue)
    row["ci_verdict"] = "över" if lo >= goal.target else ("under" if hi < goal.target else "osäkert")
    row["status"] = _status(row["value"], goal.target, band)
    return row


def assess_goals(project: Project, *, partial_band: float | None = None, lang: str | None = None) -> GoalAssessment:
    """Did the project reach the goals in its application? Every goal, for every period.

    Counts are compared with their target for the time a period actually ran (pro-rated when a
    period was cut short); shares get a Wilson 95 % interval and a one-sided exact binomial test
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
    rows = []
    for goal in project.params.goals:
        windows = period_windows(project.params, "whole_period" if goal.kind == "qualitative" else goal.period, lang)
        for w in windows:
            r = _evaluate(goal, w, project, mode, partial_band, lang)
            if mode == "none" and goal.kind != "qualitative":
                r["note"] = t("no_participants", lang)
            rows.append(r)
    notes = [
        "Intervallen är Wilsonintervall (95 %). Uppgifterna omfattar alla deltagare, så intervallet beskriver "
        "osäkerheten om vad samma arbetssätt kan väntas ge, inte ett urvalsfel."
        if lang == "sv" else
        "Intervals are Wilson 95% intervals. The data cover every participant, so an interval describes the "
        "uncertainty about what the same way of working can be expected to give, not sampling error.",
    ]
    return GoalAssessment(pd.DataFrame(rows, columns=GOAL_COLUMNS), None, tuple(notes))
