"""Goal fulfilment: each goal in params, per period, with status and (for shares) an exact interval and test.

A period's status is a :class:`GoalStatus`, a goal's verdict over its periods a :class:`GoalVerdict`;
both are computed here once and stored in the goal table (columns ``status`` and ``verdict``). The
words for each member are in the catalogs (``goal_status.*``, looked up through
:mod:`evaltools.words.verdicts`), so page 1, the goal tables, the workbook and the portfolio say the
same thing about the same goal.

Status rules (parameterised by ``partial_band``, default 0.8):

* counts: *reached* (``uppnått``) when the value reaches the target for the time the period ran;
  *partly* (``delvis``) when it reaches ``partial_band`` of it; otherwise *not reached*;
* shares: the same rule on the observed share, never pro-rated, read together with the exact
  (Clopper–Pearson) 95 % interval. An interval wholly above the target is *reached*; wholly below,
  *partly* or *not reached* by the rule above; an interval that spans the target keeps the point
  verdict but marks it uncertain: *reached, but uncertain*, *partly reached, but uncertain* or
  *not reached, but uncertain*. Interval and one-sided exact binomial tests are one family: the
  interval lies wholly above the target exactly when the test of "above" gives p < 2.5 %
  (``ci_verdict``, an :class:`IntervalVerdict`);
* a period that has started but not ended at the analysis date (``params.as_of``) while the project
  goes on is *running* (``pågår``): its value so far and the target pro-rated for the time run so far
  are shown, and it is not judged (a share so far keeps its interval but is not tested against its
  target: those still enrolled have no outcome yet). A period the project really left early (``period.actual_end``
  inside it) is *cut* and judged against the target for the time it ran;
* a period that has not started, or a share with no one in its denominator: *not assessed*; a share
  whose denominator is below the privacy threshold (``privacy.min_count``) is not assessed either,
  and its counts are hidden (``too_few``): its value would tell single persons' outcomes;
* an application check (``mode == "ex_ante"``) reads the application's expected volumes against
  its goals: *the volumes reach / partly reach / do not reach the target*, never "reached";
* qualitative goals: the evaluator's own assessment from params (reached, partly, not reached,
  not assessed), with its evidence; their basis (``mode``) is ``assessed``, never a measurement;
* survey goals (``kind: survey``): a share of the respondents to a questionnaire (answering at a
  level or better, or better at exit than at start; :mod:`evaltools.analysis.survey`), judged over
  the whole period by the share rule above with its exact interval; their row has kind ``share``
  and mode ``survey``, and a respondent group under the privacy threshold is not assessed (``too_few``);
  while the project runs the goal is *running*, with its share so far, as a share goal over the period;
* context goals (a municipal statistic): shown as a series, never assessed as the project's result
  (status *context*).

Rounding rule (one rule everywhere, the application check included): a target pro-rated for part
of a period, and an expected count from the application's yearly volumes, are rounded to whole
persons, halves up (:func:`whole_persons`); that whole number is what the report shows and what the
value is compared with. A share is compared as shown, rounded to a tenth of a percentage point
(:func:`share_as_shown`). So "30 against 30,1" cannot count as reached while it reads as below, and
"23 against 23" cannot read as partly.

A goal's verdict over its periods (:func:`goal_verdict`) considers the periods that were judged
(not running, not unassessed): when all have one status the verdict is that status; reached and
uncertainly reached periods together give *reached, but uncertain* (likewise for partly and not
reached); any other mix is *partly reached* (*but uncertain* when a period is). With no judged
period the verdict is *running* when a period is running, else *not assessed*. ``verdict_so_far``
says that a period is still running beside the judged ones.

Counts are attributed to the project year of intake (as the Timrå final report does) unless a
goal says ``count_by: exit``. A participant goal counts persons (a row is an enrolment): a person
enrolled twice in a period counts once in it, and once in the goal's total over its periods
(``total_persons``, with ``total_enrolments`` and ``returned`` for the goal table's note). A goal set
for a group (``among:``) counts the participants of its group only (:func:`in_group`); where the same
count outside the group (``group_others``) is 1 to ``min_count − 1`` its period is hidden, since a goal
over everyone less the group's figure would give it. Goal totals are the project's public accounting to its funder and
are shown; breakdowns beneath them are small-count suppressed (see :mod:`evaltools.data.privacy`),
a goal's periods too: a period with a count of 1 to ``min_count − 1`` persons is hidden in every goal
over the same periods, with one more period where the goal's total would give it back
(:func:`hide_small_periods`; ``.raw`` keeps every count).

A goal with ``counts: households`` counts households, each once, in the period its first participant started: those
that took part (a participant goal), or those that left, when every participant of it ended with one of the goal's
outcomes (:func:`household_goal_counts`). Its periods are on the same line of the small-count rule as the persons'
goals, and a share or count of households that would tell how few participants share a household is hidden beside
them (:func:`hide_household_bases`).

:func:`success_definition` says what the project counts as a success (its main goal's numerator)
and :func:`project_successes` counts it; page 1, the cost per success, the portfolio and the
exports use them.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

from ..data import schema as S
from ..data.followup import months_passed
from ..data.params import DEFAULT_SUCCESS, Goal, ProjectParams
from ..data.ages import AGE_OPEN_END, age_group_bounds
from ..data.errors import DataValidationError
from ..data.project import Project
from ..data.validation import add_years, enrolment_counts, households_of, in_goal_group, persons_of
from ..data.households import household_keys
from .result import Codes, Note, Result
from .survey import goal_counts
from ..data.errors import Problem
from ..data.privacy import hides, suppression_mask

GOAL_COLUMNS = ["goal_id", "kind", "label", "period_key", "period_first", "period_last", "observed_last",
                "fraction_run", "cut", "running", "mode", "value", "numerator", "denominator", "target", "target_prorated", "ci_low",
                "ci_high", "p_below_target", "p_above_target", "ci_verdict", "too_few", "suppression", "total", "status", "verdict", "verdict_so_far",
                "evidence", "note", "source", "main", "composition",
                "enrolments", "total_persons", "total_enrolments", "returned", "group_others",
                "group_within", "not_yet_due", "followup_unknown", "still_enrolled", "still_enrolled_firm", "counts"]
CI_METHOD = "beta"  # Clopper–Pearson, the inversion of the exact binomial test (see docs/methods.md)


class GoalStatus(StrEnum):
    """A goal's status for one period (see the module docstring for the rules)."""

    REACHED = "uppnått"
    REACHED_UNCERTAIN = "uppnått_osäkert"  # a share: point at or above the target, interval spans it
    PARTLY = "delvis"
    PARTLY_UNCERTAIN = "delvis_osäkert"
    NOT_REACHED = "ej_uppnått"
    NOT_REACHED_UNCERTAIN = "ej_uppnått_osäkert"
    VOLUMES_REACH = "nås_med_volymer"  # an application check: the application's volumes reach the target
    VOLUMES_PARTLY = "nås_delvis_med_volymer"
    VOLUMES_SHORT = "nås_inte_med_volymer"
    RUNNING = "pågår"  # started, not ended at the analysis date: shown, not judged
    NOT_ASSESSED = "ej_bedömt"
    CONTEXT = "sammanhang"  # a municipal statistic: context, never the project's result

    @property
    def judged(self) -> bool:
        """Whether the period was judged against its target (or, for a qualitative goal, assessed)."""
        return self not in (GoalStatus.RUNNING, GoalStatus.NOT_ASSESSED, GoalStatus.CONTEXT)

    @property
    def uncertain(self) -> bool:
        return self in _UNCERTAIN

    @property
    def certain(self) -> GoalStatus:
        """The status without its uncertainty mark (``REACHED_UNCERTAIN`` -> ``REACHED``)."""
        return _CERTAIN.get(self, self)


class GoalVerdict(StrEnum):
    """A goal's verdict over all its periods (:func:`goal_verdict`). The members mirror
    :class:`GoalStatus`, so a goal with one period has the verdict of its status, in the same words."""

    REACHED = "uppnått"
    REACHED_UNCERTAIN = "uppnått_osäkert"
    PARTLY = "delvis"
    PARTLY_UNCERTAIN = "delvis_osäkert"
    NOT_REACHED = "ej_uppnått"
    NOT_REACHED_UNCERTAIN = "ej_uppnått_osäkert"
    VOLUMES_REACH = "nås_med_volymer"
    VOLUMES_PARTLY = "nås_delvis_med_volymer"
    VOLUMES_SHORT = "nås_inte_med_volymer"
    RUNNING = "pågår"
    NOT_ASSESSED = "ej_bedömt"
    CONTEXT = "sammanhang"


class IntervalVerdict(StrEnum):
    """Where a share's exact 95 % interval lies against its target."""

    ABOVE = "över"
    SPANS = "osäkert"
    BELOW = "under"


_UNCERTAIN = {GoalStatus.REACHED_UNCERTAIN: GoalStatus.REACHED, GoalStatus.PARTLY_UNCERTAIN: GoalStatus.PARTLY,
              GoalStatus.NOT_REACHED_UNCERTAIN: GoalStatus.NOT_REACHED}
_CERTAIN = dict(_UNCERTAIN)
UNCERTAIN_OF = {v: k for k, v in _UNCERTAIN.items()}
# An ex-ante check reads the application's expected volumes against its goals: nothing is achieved
# yet, so its statuses say whether the stated volumes reach the target, never that a goal was met.
EX_ANTE_STATUS = {GoalStatus.REACHED: GoalStatus.VOLUMES_REACH, GoalStatus.PARTLY: GoalStatus.VOLUMES_PARTLY,
                  GoalStatus.NOT_REACHED: GoalStatus.VOLUMES_SHORT}
VOLUME_STATUSES = frozenset(EX_ANTE_STATUS.values())
# why an application's volumes cannot be compared with a goal: they do not say how many of the expected exits
# go to the goal's outcomes, or how many of the exits are expected to have an action plan
# or, for a share goal with a time limit (within_months), how many of the expected exits come within it, or for one
# counted some months after exit (after_exit_months), what the situation of the expected exits is then, or, for a goal
# counted per household (counts: households), how many households the expected participants, persons, live in, or,
# for a goal set for a group (among:), how many of the expected participants belong to it
NOT_EXPECTED = ("outcomes_not_expected", "plans_not_expected", "time_not_expected", "later_not_expected",
                "households_ex_ante", "among_ex_ante")


def whole_persons(x: float) -> float:
    """A pro-rated target or expected count as the report shows it and compares it: whole persons,
    halves up (23,5 -> 24; 30,1 -> 30). ``nan`` stays ``nan``."""
    return float(math.floor(x + 0.5)) if np.isfinite(x) else float("nan")


def share_as_shown(x: float) -> float:
    """A share as the report shows it: to a tenth of a percentage point, halves up (0,44996 -> 0,450)."""
    return math.floor(x * 1000 + 0.5) / 1000 if np.isfinite(x) else float("nan")


@dataclass(frozen=True)
class PeriodWindow:
    key: str  # ``år1``, ``år2``, ... (project years), ``hela`` (the whole period) or a calendar year
    first: dt.date
    last: dt.date  # planned last day
    observed_last: dt.date | None  # last day with data (None: not started)
    full_days: int  # days of a full period (a year for yearly targets)
    project_end: dt.date | None = None  # the day the project ended (actual, else planned)

    @property
    def fraction(self) -> float:
        """Share of the full period's target that applies to the time actually run."""
        if self.observed_last is None:
            return 0.0
        return ((self.observed_last - self.first).days + 1) / self.full_days

    @property
    def planned_fraction(self) -> float:
        """Share of the period as planned (to its planned last day, not a full year) that was run."""
        if self.observed_last is None:
            return 0.0
        return ((self.observed_last - self.first).days + 1) / ((self.last - self.first).days + 1)

    @property
    def prorated(self) -> bool:
        """The period is shorter than a full one (planned so, cut short or still running): its target is pro-rated."""
        return self.observed_last is not None and self.fraction < 1 - 1e-9

    @property
    def running(self) -> bool:
        """Started, not ended at the analysis date, and the project goes on."""
        return (self.observed_last is not None and self.observed_last < self.last
                and (self.project_end is None or self.observed_last < self.project_end))

    @property
    def cut(self) -> bool:
        """The project really ended inside the period, before its planned last day."""
        return (self.observed_last is not None and self.observed_last < self.last and not self.running)


def period_windows(params: ProjectParams, unit: str) -> list[PeriodWindow]:
    """The periods a goal is evaluated over, each cut at the analysis date (``params.as_of``). A project prolonged
    (``period.actual_end`` after ``planned_end``, a förlängning) is counted to its new end: the extra time has its
    project or calendar years, with the yearly target, and the whole period runs to the new end. Project years count
    from the implementation's start after a pre-study (``period.implementation_start``); the whole period and the
    calendar years from ``period.start``, the pre-study's included."""
    start, as_of = params.period.start, params.as_of
    planned_end = max(params.period.planned_end, params.period.end)  # (the last day counted)
    wins = []
    if unit == "whole_period":
        bounds = [("hela", start, planned_end, (planned_end - start).days + 1)]
    elif unit == "project_year":
        bounds, k, years_start = [], 1, params.period.years_start
        while add_years(years_start, k - 1) <= planned_end:
            first = add_years(years_start, k - 1)
            full_last = add_years(years_start, k) - dt.timedelta(days=1)
            bounds.append((f"år{k}", first, min(full_last, planned_end), (full_last - first).days + 1))
            k += 1
    else:
        bounds = []
        for y in range(start.year, planned_end.year + 1):
            first, full_last = dt.date(y, 1, 1), dt.date(y, 12, 31)
            bounds.append((str(y), max(first, start), min(full_last, planned_end), (full_last - first).days + 1))
    for key, first, last, full in bounds:
        observed = None if first > as_of else min(last, as_of)
        wins.append(PeriodWindow(key, first, last, observed, full, params.period.end))
    return wins


def _status(value: float, target: float, band: float) -> GoalStatus:
    """The point rule: both sides as the report shows them (see the rounding rule above)."""
    if value >= target - 1e-9:
        return GoalStatus.REACHED
    if value >= band * target - 1e-9:
        return GoalStatus.PARTLY
    return GoalStatus.NOT_REACHED


def share_status(value: float, target: float, band: float, interval: IntervalVerdict) -> GoalStatus:
    """A share's status from its point (as shown) and its exact interval (see the module docstring)."""
    point = _status(share_as_shown(value), target, band)
    if interval == IntervalVerdict.ABOVE:
        return GoalStatus.REACHED
    if interval == IntervalVerdict.BELOW:
        return GoalStatus.PARTLY if point == GoalStatus.REACHED else point
    return UNCERTAIN_OF[point]


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


def side_p(row) -> float:
    """The one-sided exact p-value in the direction of the result: for a share at or above its
    target, the p-value of "above the target"; below it, of "below the target"."""
    return row.p_above_target if row.value >= row.target else row.p_below_target


def trait(df: pd.DataFrame, goal: Goal) -> tuple[pd.Series, pd.Series]:
    """For a goal on who takes part (:attr:`Goal.composition`), which participants have the trait it counts and
    which are known: a sex among ``goal.sex`` (``okänt`` is not known), or an age at start (the start year less
    the birth year, as the age breakdown counts it) below ``age_below`` and from ``age_from``."""
    if goal.numerator == "sex":
        return df[S.SEX].isin(goal.sex), df[S.SEX] != S.UNKNOWN
    age = df[S.AGE_AT_START]
    has = age.notna()
    if goal.age_below is not None:
        has &= age < goal.age_below
    if goal.age_from is not None:
        has &= age >= goal.age_from
    known = age.notna()
    if S.AGE_GROUP in df and age.isna().any():
        # ages given as groups ('19–24', as a SUS report writes them): a group wholly inside the limits has the trait,
        # one wholly outside them has not; one on both sides of a limit is not known, as an unknown age is
        low, high = goal.age_from or 0, goal.age_below or AGE_OPEN_END + 1
        bounds = [age_group_bounds(g) if isinstance(g, str) and pd.isna(a) else None
                  for g, a in zip(df[S.AGE_GROUP], age)]
        inside = pd.Series([b is not None and low <= b[0] and b[1] < high for b in bounds], index=df.index)
        outside = pd.Series([b is not None and (b[1] < low or b[0] >= high) for b in bounds], index=df.index)
        has, known = has | inside, known | inside | outside
    return has, known


# the outcome codes that are also a support at start (``support_start``): an exit to one of them by a participant
# who started on it is no change of support
_SUPPORT_OUTCOMES = tuple(c for c in S.OUTCOMES if c in S.SUPPORT_SOURCES and c != S.UNKNOWN)


def same_support(df: pd.DataFrame) -> pd.Series:
    """Which rows of a participants frame ended on the support they started on: an outcome that is also a support
    source (``sjukpenning``, ``sjuk_aktivitetsersättning``) equal to the row's ``support_start``. All ``False``
    where the file has no ``support_start`` column.

    Under the default successes (``success_outcomes`` not given) such an exit is no success: a participant on
    sickness benefit who ends on sickness benefit has not moved, though moving there from försörjningsstöd is
    a step (docs/data-contract.md, *Success*). An evaluator's own ``success_outcomes`` are read as written.
    """
    if S.SUPPORT_START not in df.columns or S.OUTCOME not in df.columns:
        return pd.Series(False, index=df.index)
    out = df[S.OUTCOME].astype(object)
    return (out.isin(_SUPPORT_OUTCOMES) & (out == df[S.SUPPORT_START].astype(object))).fillna(False).astype(bool)


def applies_same_support(outcomes, default: bool) -> bool:
    """Whether a definition of success with these outcomes applies the same-support rule (:func:`same_support`):
    it counts the default successes (``default``) and among its outcomes is a support one can start on
    (``sjukpenning``, ``sjuk_aktivitetsersättning``). The rule is part of what such a definition counts, so the
    report states it wherever it states the definition, and two definitions that differ in it are not one."""
    return bool(default) and any(o in _SUPPORT_OUTCOMES for o in outcomes)


def goal_same_support(goal: Goal) -> bool:
    """Whether ``goal`` applies the same-support rule (:func:`applies_same_support`): it counts the default
    outcomes, not the action plan nor who takes part."""
    return (goal.kind in ("outcome_count", "share") and goal.numerator == "outcome" and not goal.composition
            and applies_same_support(goal.success_outcomes, goal.default_successes))


def _successes(df: pd.DataFrame, goal: Goal) -> pd.Series:
    if goal.numerator == "action_plan":
        return df[S.ACTION_PLAN] == "ja"
    hit = df[S.OUTCOME].isin(goal.success_outcomes)
    return hit & ~same_support(df) if goal.default_successes else hit


def expected_part(goal: Goal, params: ProjectParams) -> float | None:
    """The part of an application's expected successes (``expected.successes_per_year``, exits from
    försörjningsstöd) that an outcome or share goal counts: all of them for the main goal (its successes
    are the application's) and for a goal that counts every outcome they may go to; else the part of
    ``expected.outcome_mix`` in the goal's outcomes; ``None`` where no mix says how many go to the goal's
    outcomes (a goal of studies among successes the application does not divide). A goal counting action
    plans or who takes part is not divided so (1)."""
    main = main_goal(params)
    if goal.numerator == "action_plan" or goal.composition or (main is not None and goal.id == main.id):
        return 1.0
    if main is not None and _same_successes(goal, main):  # (the main goal's successes, counted by another goal)
        return 1.0
    mix = params.expected.outcome_mix if params.expected is not None else None
    if mix:
        return float(sum(v for k, v in mix.items() if k in goal.success_outcomes))
    return 1.0 if set(S.LEAVES_SOCIAL_ASSISTANCE) <= set(goal.success_outcomes) else None


def _same_successes(goal: Goal, main: Goal) -> bool:
    """Whether ``goal`` counts the successes the main goal ``main`` counts, of every participant: the same
    outcomes under the same rule for an exit to the support one started on (:func:`goal_same_support`)."""
    return (goal.numerator == main.numerator == "outcome" and goal.among is None and main.among is None
            and not goal.per_household and not main.per_household
            and not goal.composition and not main.composition
            and set(goal.success_outcomes) == set(main.success_outcomes)
            and goal_same_support(goal) == goal_same_support(main))


def expected_participants_in(params: ProjectParams, w: PeriodWindow) -> float | None:
    """The participants an application expects a year in the project year ``w`` (its key ``år1``, ...): that year's
    own volume where the application states one per year (``expected.participants_by_year``), else the one
    number a year (``None`` without expected participants)."""
    e = params.expected
    if e is None:
        return None
    if e.participants_by_year and w.key.startswith("år"):
        return e.participants_by_year.get(int(w.key[2:]), e.participants_per_year)
    if e.participants_by_year and w.key != "hela":
        # a calendar year: the project years' volumes it overlaps, each by its days in it (2027 of a project from
        # 2026-07-01 is half year 1's volume and half year 2's)
        days = [(min(w.last, y.last) - max(w.first, y.first)).days + 1 for y in period_windows(params, "project_year")]
        total = sum(d for d in days if d > 0)
        if total > 0:
            return sum(e.participants_by_year.get(i, 0.0) * d
                       for i, d in enumerate(days, 1) if d > 0) / total
    return e.participants_per_year


def _evaluate_ex_ante(row: dict, goal: Goal, w: PeriodWindow, project: Project, band: float, lang: str) -> dict:
    """An application's check: the volumes the application states for the period against its target."""
    e = project.params.expected
    # a project or calendar year carries the whole yearly expectation (pro-rated like the
    # target when the year is shorter); the whole period counts its length in years
    years = w.fraction if goal.period != "whole_period" else ((w.observed_last - w.first).days + 1) / 365.25
    part = expected_part(goal, project.params) if goal.kind in ("outcome_count", "share") else 1.0
    plans = goal.kind in ("outcome_count", "share") and goal.numerator == "action_plan"
    per_year = expected_participants_in(project.params, w) if goal.period != "whole_period" else None
    if goal.kind == "participant_count" and goal.period == "whole_period" and e.participants_by_year:
        # (the whole period carries each project year's own volume, as many of them as it has run)
        row["value"] = sum(whole_persons(e.participants_by_year.get(int(y.key[2:]), 0.0) * y.fraction)
                           for y in period_windows(project.params, "project_year"))
    elif goal.kind == "participant_count" and per_year is not None:
        row["value"] = whole_persons(per_year * years)
    elif goal.kind == "participant_count" and e.participants_per_year is not None:
        row["value"] = whole_persons(e.participants_per_year * years)
    elif plans and e.exits_with_action_plan_share is None:
        # an action plan is not a success: the expected successes say nothing of how many exits have one
        row["note"] = "plans_not_expected"
        return row
    elif plans and goal.kind == "share":
        row["value"] = e.exits_with_action_plan_share
    elif plans and e.participants_per_year is not None:
        # the exits with a plan, as if every participant of the year ended in it (as an expected share assumes)
        row["value"] = whole_persons((per_year if per_year is not None else e.participants_per_year)
                                     * (e.exits_with_action_plan_share or 0.0) * years)
    elif plans:  # (a count of plans without expected participants: the expected successes are no plans)
        row["note"] = "no_participants"
        return row
    elif goal.kind == "share" and goal.within_months is not None:
        # the expected exits a year say nothing of how soon after each start they come: a share within some months
        # of the start would be judged as the share at exit however long it took
        row["note"] = "time_not_expected"
        return row
    elif goal.kind == "share" and goal.after_exit_months is not None:
        # nor what becomes of them months after the exit: the expected share at exit is not the situation then
        row["note"] = "later_not_expected"
        return row
    elif goal.kind in ("outcome_count", "share") and e.successes_per_year is not None and part is None:
        row["note"] = "outcomes_not_expected"  # the volumes do not say how many go where this goal counts
        return row
    elif goal.kind == "outcome_count" and e.successes_per_year is not None:
        row["value"] = whole_persons(e.successes_per_year * (part or 0.0) * years)
    elif goal.kind == "share" and e.successes_per_year and e.participants_per_year and not goal.composition:
        row["value"] = e.successes_per_year * (part or 0.0) / e.participants_per_year
    else:
        row["note"] = "no_participants"
        return row
    ref = row["target_prorated"] if goal.kind != "share" else goal.target
    shown = row["value"] if goal.kind != "share" else share_as_shown(row["value"])
    row["status"] = EX_ANTE_STATUS[_status(shown, ref, band)]
    if restates_target(shown, ref):
        row["note"] = "restates_target"
    return row


def _counted(goal: Goal, df: pd.DataFrame, in_w: pd.Series, row: dict) -> tuple[pd.Series, pd.Series]:
    """The persons of the period ``in_w`` a goal counts, and its successes among them. An outcome only counts once
    the person has ended (an action plan is recorded at exit too, except in a share of the participants, where the
    plan of one still enrolled is counted as the file records it); a goal on who takes part counts a trait of
    those enrolled, ended or not, and its share leaves out (with a note in ``row``) those whose sex or age is not
    known, since an unknown is no one's trait; its count of participants counts those with the trait."""
    if not goal.composition:
        hit = _successes(df, goal)
        if goal.numerator == "action_plan" and goal.kind == "share" and goal.denominator == "participants":
            # a share of the participants with a plan: a plan recorded for one still enrolled is there ("Åtta av tio
            # deltagare ska ha en upprättad handlingsplan"), and counting the ended alone set them against it
            return in_w, hit
        return in_w, hit & df[S.END_DATE].notna()
    has, known = trait(df, goal)
    if goal.kind == "share" and (in_w & ~known).any():
        in_w = in_w & known
        row["note"] = row["note"] or {"sex": "unknown_sex_left_out", "age": "unknown_age_left_out"}[goal.numerator]
    if goal.kind == "participant_count":
        in_w = in_w & has
    return in_w, has


def _evaluate(goal: Goal, w: PeriodWindow, project: Project, mode: str, band: float, lang: str,
              min_count: int = 5) -> dict:
    if goal.targets is not None:  # a target per year: the period is judged against its own
        goal = goal.model_copy(update={"target": goal.target_in(w.key)})
    row = {"goal_id": goal.id, "kind": goal.kind, "label": goal.label_for(lang),
           "period_key": w.key, "period_first": w.first, "period_last": w.last,
           "observed_last": w.observed_last, "fraction_run": w.fraction, "cut": w.cut, "running": False, "mode": mode,
           "value": np.nan, "numerator": np.nan, "denominator": np.nan, "target": goal.target or np.nan,
           "target_prorated": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_below_target": np.nan,
           "p_above_target": np.nan, "ci_verdict": "", "too_few": False, "suppression": "",
           "total": np.nan, "status": GoalStatus.NOT_ASSESSED,
           "verdict": GoalVerdict.NOT_ASSESSED, "verdict_so_far": False, "evidence": "",
           "note": "", "source": goal.source, "main": False,  # (set by assess_goals: the main goal may be inferred)
           "composition": goal.composition,  # (who takes part, not where they went: no outcome among the ended)
           "enrolments": np.nan, "total_persons": np.nan, "total_enrolments": np.nan, "returned": np.nan,
           "group_others": np.nan, "group_within": np.nan, "not_yet_due": np.nan, "followup_unknown": np.nan,
           "still_enrolled": np.nan, "still_enrolled_firm": np.nan, "counts": getattr(goal, "counts", "persons")}  # (what one counted is: a person, or a household)
    if goal.kind == "survey":  # a share of respondents to a questionnaire
        return _evaluate_survey(row, goal, project, band, min_count, w.running)
    if goal.kind == "qualitative":  # the evaluator's assessment, never a measurement
        row["mode"] = "assessed"
        row["cut"] = False
        row["status"] = GoalStatus(goal.assessment) if goal.assessment else GoalStatus.NOT_ASSESSED
        row["evidence"] = (goal.evidence if lang == "sv" else (goal.evidence_en or goal.evidence)) or ""
        return row
    if w.observed_last is None:
        # a period that would have begun after the project ended early never ran; any other has not begun yet
        ended = project.params.period.actual_end
        row["note"] = "not_run" if ended is not None and w.first > ended else "not_started"
        planned = ((w.last - w.first).days + 1) / w.full_days if goal.targets is None else 1.0
        if goal.kind in ("participant_count", "outcome_count") and planned < 1 - 1e-9:
            # a period shorter by plan (the last part of a year) has its part of the target, run or not
            row["target_prorated"] = whole_persons(goal.target * planned)
        return row
    if goal.kind in ("participant_count", "outcome_count"):
        # the target for the time the period ran (a full period: the target itself), in whole persons; a year's own
        # target (targets:) is the year's as planned, so a year shorter by plan (the half year a project ends in, the
        # months a prolonging adds) is judged against it whole, and only a year cut short or still running is pro-rated
        row["target_prorated"] = whole_persons(goal.target * (w.fraction if goal.targets is None else w.planned_fraction))
    if w.cut:
        row["note"] = "cut_short"
    if mode == "ex_ante" and goal.among is not None:  # the application's volumes are everyone's, not the group's
        row["note"] = "among_ex_ante"
        return row
    if mode == "ex_ante" and goal.per_household:  # the application's volumes count persons, not households
        row["note"] = "households_ex_ante"
        return row
    if mode == "ex_ante":
        return _too_short(_evaluate_ex_ante(row, goal, w, project, band, lang), goal)
    return _too_short(_evaluate_observed(row, goal, w, project, band, min_count), goal)


def _too_short(row: dict, goal: Goal) -> dict:
    """A count period too short to judge: its target for the time it ran is 0 whole persons (a prolonged or
    shortened project's last two weeks of a goal of 10 a year), which no one, or anyone, reaches; its count is
    shown but not judged (``TOO_SHORT_NOTE``), so that nobody in a fortnight does not make the goal reached."""
    if (goal.kind in ("participant_count", "outcome_count") and goal.target and row["target_prorated"] == 0
            and GoalStatus(row["status"]).judged):
        row["status"] = GoalStatus.NOT_ASSESSED
        row["note"] = TOO_SHORT_NOTE
    return row


def _evaluate_observed(row: dict, goal: Goal, w: PeriodWindow, project: Project, band: float, min_count: int) -> dict:
    """A participant, outcome or share goal's period counted in the participant data (of its group, where
    the goal has one: ``group_others`` holds what the same count gives outside it)."""
    row["running"] = w.running
    df = project.participants
    if goal.per_household:  # each household once (``counts: households``)
        k, n = household_goal_counts(goal, df, w)
        if goal.kind == "participant_count":  # the households that took part, each in its first participant's period
            row["value"] = float(n)
            row["status"] = GoalStatus.RUNNING if w.running else _status(row["value"], row["target_prorated"], band)
            return row
        if goal.kind == "outcome_count":
            row["value"] = float(k)
            row["status"] = GoalStatus.RUNNING if w.running else _status(row["value"], row["target_prorated"], band)
            return row
        return _share_row(row, goal, k, n, w, band, min_count)
    group = in_group(df, goal.among)  # (every row when the goal is set for everyone)
    date_col = S.START_DATE if goal.count_by == "intake" else S.END_DATE
    in_w = _in_window(df[date_col], w)
    in_w, succ = _counted(goal, df, in_w, row)
    siblings, kin = _siblings(goal, project, df), _kin(goal, project, df)
    if goal.kind == "participant_count":  # persons, each once in the period (a row is an enrolment)
        row["value"] = float(persons_of(df[in_w & group]))
        row["enrolments"] = float((in_w & group).sum())
        if goal.among is not None:  # those the same count would hold outside the group
            row["group_others"] = _others(goal, group, siblings, lambda m: float(persons_of(df[in_w & m])), min_count)
            row["group_within"] = _within(group, kin, lambda m: float(persons_of(df[in_w & m])), min_count)
        row["status"] = GoalStatus.RUNNING if w.running else _status(row["value"], row["target_prorated"], band)
        return row
    if goal.kind == "outcome_count":
        row["value"] = float((in_w & succ & group).sum())
        if goal.among is not None:
            row["group_others"] = _others(goal, group, siblings, lambda m: float((in_w & succ & m).sum()), min_count)
            row["group_within"] = _within(group, kin, lambda m: float((in_w & succ & m).sum()), min_count)
        row["status"] = GoalStatus.RUNNING if w.running else _status(row["value"], row["target_prorated"], band)
        return row
    # share
    denom = in_w.copy()
    if goal.denominator == "exits":
        denom &= df[S.END_DATE].notna()
    if goal.exclude_from_denominator:
        denom &= ~df[S.OUTCOME].isin(goal.exclude_from_denominator)
    if (goal.denominator == "exits" and not w.running and goal.within_months is None and goal.after_exit_months is None
            and project.params.as_of < project.params.period.end):
        # a period that has ended in a project still running whose intake is partly still enrolled (an interim report's
        # first year): its share of the ended is judged, but those still enrolled have no outcome yet and the share may
        # move when they end (counted by exit, nobody of the period is still enrolled; at the project's end those
        # without an end date are the data-quality section's)
        row["still_enrolled"] = float((in_w & group & df[S.END_DATE].isna()).sum())
    if goal.within_months is not None:  # "inom 12 månader från start": reached in time, and only those whose time ran
        due, closed = within_due(df, goal.within_months, project.params)
        succ = succ & (df[S.END_DATE] <= due)
        row["not_yet_due"] = float((denom & group & ~closed).sum())
        denom &= closed
    if goal.after_exit_months is not None:  # "6 månader efter avslut": the situation then, where it is known
        later, due = followup_due(df, goal.after_exit_months, project.params)
        succ = later.isin(goal.success_outcomes) & due
        row["not_yet_due"] = float((denom & group & ~due).sum())
        row["followup_unknown"] = float((denom & group & due & later.isna()).sum())
        denom &= due & later.notna()
    if goal.among is not None:
        row["group_others"] = _others(goal, group, siblings, lambda m: float((denom & m).sum()), min_count)
        row["group_within"] = _within(group, kin, lambda m: float((denom & m).sum()), min_count)
        denom &= group
    # who takes part, or a plan of the participants ("Samtliga deltagare ska ha en samordnad plan"): persons, each once
    # (a row is an enrolment; page 1's participants are persons), with a plan where any enrolment counted records one
    if goal.composition or (goal.numerator == "action_plan" and goal.denominator == "participants"):
        n, k = persons_of(df[denom]), persons_of(df[denom & succ])
    else:
        n, k = int(denom.sum()), int((denom & succ).sum())
    return _share_row(row, goal, k, n, w, band, min_count)


def _share_row(row: dict, goal: Goal, k: int, n: int, w: PeriodWindow, band: float, min_count: int) -> dict:
    """A share goal's period from its ``k`` successes of ``n`` (persons, enrolments or households): hidden and not
    assessed under ``min_count``, else the exact interval and test against the target, judged once the period
    has ended."""
    row["numerator"], row["denominator"] = float(k), float(n)
    if 0 < n < min_count:  # a share of one to four persons tells their outcomes: not assessed, not shown
        row["too_few"] = True  # (its counts are hidden with the period's others, :func:`hide_small_periods`)
        row["note"] = "too_few_note"
        return row
    if n == 0:
        row["status"] = GoalStatus.RUNNING if w.running else GoalStatus.NOT_ASSESSED
        return row
    row.update(share_test(k, n, goal.target))
    if w.running:  # the share so far, with its interval; no test against the target while persons are still in it
        row.update(p_below_target=np.nan, p_above_target=np.nan, ci_verdict="", status=GoalStatus.RUNNING)
        return row
    row["status"] = share_status(row["value"], goal.target, band, row["ci_verdict"])
    m = row.get("still_enrolled", np.nan)
    if pd.notna(m) and m > 0:  # whether those still enrolled could move the share across the point rule's bounds:
        # none of them a success (k of n + m) and all of them one (k + m of n + m) judged alike is a verdict that stands
        low, high = k / (n + m), (k + m) / (n + m)
        row["still_enrolled_firm"] = (_status(share_as_shown(low), goal.target, band)
                                      == _status(share_as_shown(high), goal.target, band))
    return row


def household_goal_counts(goal: Goal, df: pd.DataFrame, w: PeriodWindow) -> tuple[int, int]:
    """A goal counted per household (``counts: households``) in the period ``w``: how many households left (``k``)
    of those it counts (``n``, the households that took part in the period: a participant goal's figure), each
    household once (:func:`evaltools.data.households.household_keys`).

    A household is counted in the period its first participant started (its earliest ``start_date``), however
    many of its members started later or in another period. It has *left* when every participant of it (in the
    whole file, not only those who started in the period) has ended, each on their latest enrolment, with an
    outcome the goal counts as a success (its ``success_outcomes``; under the default successes an exit to the
    support one started on is none, :func:`same_support`). A household with a member still enrolled, or one who
    ended otherwise, has not left. The participants file tells where each person went at exit, not whether the
    household's payments stopped: that is what it supports, and what docs/methods.md states."""
    hh = household_keys(df)
    first = df[S.START_DATE].groupby(hh).transform("min")
    counted = set(hh[_in_window(first, w)])
    ok = _successes(df, goal) & df[S.END_DATE].notna()
    latest = df.sort_values(S.START_DATE, kind="stable").groupby(S.PERSON_ID, sort=False).tail(1).index
    left = ok[latest].groupby(hh[latest]).all()
    k = sum(bool(left.get(h, False)) for h in counted)
    return k, len(counted)


def within_due(df: pd.DataFrame, months: int, params: ProjectParams) -> tuple[pd.Series, pd.Series]:
    """For a share goal with a time limit (``within_months``): each enrolment's last day to reach the goal, its start
    plus ``months`` calendar months (2024-01-31 plus one month is 2024-02-29), and whether its time has run at the
    analysis date (:attr:`~evaltools.data.params.ProjectParams.as_of`), so that it is counted: one whose months had
    not passed could still reach the goal, and counting only those of them who were already decided would count the
    quick exits, to a job or out of the project, and not the others. Once the project has ended every enrolment is
    decided (it can be brought no further) and counted as it ended."""
    start = pd.to_datetime(df[S.START_DATE])
    due = start.map(lambda d: d + pd.DateOffset(months=months) if pd.notna(d) else pd.NaT)
    due = pd.to_datetime(due)
    if not params.runs_on:
        return due, pd.Series(True, index=df.index)
    return due, due <= pd.Timestamp(params.as_of)


def followup_due(df: pd.DataFrame, months: int, params: ProjectParams) -> tuple[pd.Series, pd.Series]:
    """For a share goal counted some months after exit (``after_exit_months``): each enrolment's situation then (the
    participants file's follow-up column, :func:`~evaltools.data.schema.followup_column`; empty where not known) and
    whether its months after exit had passed by the data's date (:attr:`~evaltools.data.params.ProjectParams.data_until`:
    the situation can be known only then)."""
    column = S.followup_column(months)
    later = df[column] if column in df.columns else pd.Series(None, index=df.index, dtype=object)
    return later, months_passed(df[S.END_DATE], months, params.data_until)


def _count_rule(g: Goal, keys: bool = True) -> tuple:
    """What a goal counts (kind, period, count and, with ``keys``, the keys its group is chosen by): two goals
    with the same rule count the same thing, each for its own group."""
    on = tuple(sorted(key for key, _ in g.among.items())) if keys and g.among is not None else ()
    return (g.kind, g.period, g.count_by, on, g.numerator, tuple(g.success_outcomes),
            g.denominator, tuple(g.exclude_from_denominator), g.composition, g.within_months, g.after_exit_months)


def _siblings(goal: Goal, project: Project, df: pd.DataFrame) -> list[tuple[str, pd.Series]]:
    """The goals that count the same thing as ``goal`` for groups of the same kind (a goal per municipality, one
    for women and one for men): the same kind, period and count, ``among:`` on the same keys; ``goal`` among them.
    Each as (goal id, its group's rows), in the params file's order; empty where no other goal is such."""
    if goal.among is None:
        return []
    family = [(g.id, in_group(df, g.among)) for g in project.params.goals
              if g.among is not None and _count_rule(g) == _count_rule(goal)]
    return family if len(family) > 1 else []


def _kin(goal: Goal, project: Project, df: pd.DataFrame) -> list[pd.Series]:
    """The groups (their rows) of the other goals set for a group that count the same thing as ``goal``, whatever
    keys their groups are chosen by (women, and women under 25; those under 25, and those under 30); empty where
    ``goal`` has no group."""
    if goal.among is None:
        return []
    return [in_group(df, g.among) for g in project.params.goals
            if g.among is not None and g.id != goal.id and _count_rule(g, keys=False) == _count_rule(goal, keys=False)]


def _within(group: pd.Series, kin: list[pd.Series], count, k: int) -> float:
    """The fewest that the same count holds in another goal's group beyond this goal's, where that group holds
    all of this one's (``count`` of a row mask): women under 25 within women, those under 25 within those under
    30. The two published figures differ by exactly that many, so where it is 1 to ``k − 1`` it tells their count
    or outcomes (12 under 30 less 10 under 25: 2 aged 25–29). NaN where no other group holds this one."""
    beyond = [count(rows & ~group) for rows in kin if count(group & ~rows) == 0]
    small = [n for n in beyond if 0 < n < k]
    return min(small) if small else (min(beyond) if beyond else np.nan)


def _others(goal: Goal, group: pd.Series, family: list[tuple[str, pd.Series]], count, k: int) -> float:
    """Those the goal's count holds outside its group (``count`` of a row mask). Where goals for other groups of the
    same kind count the same (``family``: a goal per municipality), the total less all their published figures
    tells those outside every one of the groups: where they are 1 to ``k − 1``, the goals of the smallest groups
    (the first in the params file where two are as small), as many as it takes for those outside and those hidden
    to be ``k`` or more, get that number, so that their period is hidden and the others can be shown."""
    own = count(~group)
    if not family:
        return own
    union = group.copy()
    for _, rows in family:
        union |= rows
    outside = count(~union)
    if not 0 < outside < k:
        return own
    hidden, left = [], float(outside)
    for i in sorted(range(len(family)), key=lambda i: (count(family[i][1]), i)):
        if left >= k:
            break
        hidden.append(family[i][0])
        left += count(family[i][1])
    return outside if goal.id in hidden else own


def exits_to(goal: Goal, project: Project, outcome: str) -> int:
    """How many of the ended enrolments ``goal`` counts (its group, its base: those left out of its denominator
    are not) ended in ``outcome``: an exit its words may name that the goal does not count as a success (subsidised
    work beside "arbete")."""
    df = project.participants
    if df is None or df.empty:
        return 0
    return int((_ended_counted(goal, project) & (df[S.OUTCOME] == outcome)).sum())


def _ended_counted(goal: Goal, project: Project) -> pd.Series:
    """The ended enrolments ``goal`` counts, over the project's participants (a non-empty frame): dated in the
    period to the analysis day (by intake or by exit, as the goal counts), in its group, and in its base (those
    left out of its denominator are not)."""
    df = project.participants
    date_col = S.START_DATE if goal.count_by == "intake" else S.END_DATE
    seen = (df[date_col] >= pd.Timestamp(project.params.period.start)) & (df[date_col] <= pd.Timestamp(project.params.as_of))
    ended = seen & in_group(df, goal.among) & df[S.END_DATE].notna()
    if goal.exclude_from_denominator:
        ended &= ~df[S.OUTCOME].isin(goal.exclude_from_denominator)
    return ended


def exits_beyond_words(goal: Goal, project: Project) -> tuple[int, int, tuple[str, ...]]:
    """For a goal that counts the outcomes its words name (:attr:`~evaltools.data.params.Goal.named_in_words`): how
    many of the ended enrolments it counts (its group, its base, as :func:`exits_to`) went to another of the
    default successes (sickness benefit, another benefit, an active plan with another party; an exit to the support
    one started on is none, :func:`same_support`), which the goal does not count because its words do not name
    them; how many of them went elsewhere, neither counted nor such (so that a sentence giving the first can tell
    whether the rest would be a small count); and which of those outcomes they went to, in the default's order.
    A goal counted months after exit (``after_exit_months``) reads the situation then instead of the outcome at exit,
    among those of its base (ended that long before the data's date, the situation known), as the goal counts them.
    ``(0, 0, ())`` for any other goal."""
    df = project.participants
    if not goal.named_in_words or goal.per_household or df is None or df.empty:  # (exits are persons' outcomes)
        return 0, 0, ()
    ended = _ended_counted(goal, project)
    others = [o for o in DEFAULT_SUCCESS if o not in goal.success_outcomes]
    outcome, moved = df[S.OUTCOME], ~same_support(df)
    if goal.after_exit_months is not None:  # (counted from the situation months after exit, where known: its base)
        later, due = followup_due(df, goal.after_exit_months, project.params)
        ended &= due & later.notna()
        outcome = later.astype(object)
        moved = ~same_support(df.assign(**{S.OUTCOME: outcome}))
    beyond = ended & outcome.isin(others) & moved
    rest = ended & ~outcome.isin(goal.success_outcomes) & ~beyond
    went = set(outcome[beyond])
    return int(beyond.sum()), int(rest.sum()), tuple(o for o in others if o in went)


def in_group(df: pd.DataFrame, among) -> pd.Series:
    """Which rows (enrolments) of a participants frame belong to a goal's group (``among:``, a
    :class:`~evaltools.data.params.GoalGroup`): each of its filters met, a value not known (``okänt``, an
    unknown age) never in the group; every row where ``among`` is None. ``age_below`` and ``age_from`` read the age
    at start. The one rule is :func:`evaltools.data.validation.in_goal_group`, which `validate` also uses to refuse a
    group that nobody belongs to.

    Examples
    --------
    >>> from evaltools.data.params import GoalGroup
    >>> df = pd.DataFrame({"age_at_start": [22, 31, None], "sex": ["kvinna", "kvinna", "man"]})
    >>> in_group(df, GoalGroup(age_below=25)).tolist()
    [True, False, False]
    >>> in_group(df, GoalGroup(age_from=30)).tolist()
    [False, True, False]
    """
    return in_goal_group(df, among)


def _evaluate_survey(row: dict, goal: Goal, project: Project, band: float, min_count: int,
                     running: bool = False) -> dict:
    """A survey goal: a share of respondents (:func:`evaltools.analysis.survey.goal_counts`), judged
    by the share rule and its exact interval as every share goal. Its row has kind ``share`` and
    mode ``survey``; a group with fewer respondents than ``min_count``, or a denominator under it,
    is not assessed and its counts are hidden (``too_few``). Below the low response rate
    (:data:`evaltools.analysis.survey.LOW_RESPONSE_RATE`) the status is marked uncertain, as for an
    interval spanning the target: the interval covers chance among those who answered, not how the
    others would have answered. While the project runs (``running``) the share so far is shown and
    the goal is *running*, as a share goal over the same period: answers are still coming in."""
    c = goal_counts(project, goal)
    row.update(kind="share", mode="survey", cut=False)
    if c.hidden or 0 < c.denominator < min_count:
        row["too_few"] = True
        row["note"] = "too_few_note"
        return row
    row["numerator"], row["denominator"] = float(c.successes), float(c.denominator)
    if c.denominator == 0:
        row["note"] = "no_answers"
        return row
    row.update(share_test(c.successes, c.denominator, goal.target))
    if running:  # the share so far, with its interval; no test against the target while answers still come in
        row.update(running=True, p_below_target=np.nan, p_above_target=np.nan, ci_verdict="",
                   status=GoalStatus.RUNNING)
        return row
    row["status"] = share_status(row["value"], goal.target, band, row["ci_verdict"])
    if c.low_response:  # the respondents may not speak for everyone asked: the verdict is uncertain whatever the interval
        row["status"] = UNCERTAIN_OF.get(row["status"], row["status"])
    return row


def share_test(k: int, n: int, target: float, alpha: float = 0.05) -> dict:
    """A share ``k / n`` against its ``target``: the exact (Clopper–Pearson) interval, the two
    one-sided exact binomial p-values and the interval's verdict.

    The Clopper–Pearson interval is the set of proportions the exact binomial test does not reject
    at ``alpha / 2`` on either side, so the verdict and the p-values never disagree: ``ABOVE``
    exactly when ``p_above_target`` < ``alpha / 2``, ``BELOW`` exactly when ``p_below_target`` <
    ``alpha / 2``, else ``SPANS`` (see :class:`IntervalVerdict`).

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
            "ci_verdict": (IntervalVerdict.ABOVE if lo > target else
                           (IntervalVerdict.BELOW if hi < target else IntervalVerdict.SPANS))}


def assess_goals(project: Project, *, partial_band: float | None = None, lang: str | None = None) -> GoalAssessment:
    """Did the project reach the goals in its application? Every goal, for every period.

    Counts are compared with their target for the time a period actually ran (pro-rated, in whole
    persons, when a period is shorter than a full one); a period still running is shown, not judged; shares get an exact (Clopper–Pearson) 95 % interval and one-sided exact binomial tests
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
        ``table`` columns: goal_id, kind, label, period_key, period_first,
        period_last, observed_last, fraction_run, cut (the project ended inside the period),
        running (not ended at the analysis date), mode (``observed``, ``ex_ante``, ``none``,
        ``assessed`` for a qualitative goal, ``context``), value, numerator, denominator, target,
        target_prorated (whole persons), ci_low, ci_high, p_below_target, p_above_target,
        ci_verdict (:class:`IntervalVerdict`), too_few, status (:class:`GoalStatus`), verdict
        (:class:`GoalVerdict`, the same on every row of a goal), verdict_so_far, evidence, note,
        source, main, counts (``persons``, or ``households`` for a goal counted per household:
        :func:`household_goal_counts`). ``display()`` gives the table as the report shows it.

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
    main = main_goal(project.params)
    for goal in project.params.goals:
        if goal.kind == "context":
            rows.append(_context_row(goal, project.params, lang))
            continue
        whole = goal.kind in ("qualitative", "survey")  # (a questionnaire's rounds are not project years)
        windows = period_windows(project.params, "whole_period" if whole else goal.period)
        totals = (_participant_totals(goal, windows, project)
                  if goal.kind == "participant_count" and mode == "observed" and not goal.per_household else {})
        for w in windows:
            r = _evaluate(goal, w, project, mode, partial_band, lang, k)
            r["main"] = main is not None and goal.id == main.id  # the goal whose numerator defines success
            if mode == "none" and goal.kind not in ("qualitative", "survey"):
                r["note"] = "no_participants"
            r.update(totals)
            rows.append(r)
    raw = _with_verdicts(pd.DataFrame(rows, columns=GOAL_COLUMNS))  # every count, for the evaluator (``.raw``)
    table = _with_verdicts(hide_household_bases(
        hide_small_periods(pd.DataFrame(rows, columns=GOAL_COLUMNS), k, partial_band), project, k))
    # a goal set for a group names it beside its figures, as the report's goal table does
    groups = tuple(_among_note(goal, str(table.loc[table["goal_id"] == goal.id, "label"].iloc[0]))
                   for goal in project.params.goals
                   if getattr(goal, "among", None) and (table["goal_id"] == goal.id).any())
    notes = (*groups, Note.of("label.goal_ci_note"))
    return GoalAssessment(table, raw, notes)


# the ``among:`` keys whose value is a code of a participants column (worded as its label)
_AMONG_CODES = {"sex": S.SEX, "household_type": S.HOUSEHOLD_TYPE, "support_start": S.SUPPORT_START,
                "occupation_before": S.OCCUPATION_BEFORE}


def _among_note(goal: Goal, label: str) -> Note:
    """The note that a goal set for a group (``among:``) counts that group only, naming the group."""
    parts = [Note.of(f"goals.among.{key}", value=Codes(_AMONG_CODES[key], (str(value),)) if key in _AMONG_CODES
                     else value) for key, value in goal.among.parts()]
    group = parts[0]
    for part in parts[1:]:
        group = Note.of("goals.among_and", first=group, second=part)
    return Note.of("goals.among_note", goal=label.rstrip("."), group=group)


def _participant_totals(goal: Goal, windows: list[PeriodWindow], project: Project) -> dict:
    """A participant goal's persons over all its periods, each person once (``total_persons``), the
    enrolments they had in them (``total_enrolments``) and how many of the persons had more than one
    (``returned``): a person enrolled in two periods counts in each period and once in the total."""
    df = project.participants
    date_col = S.START_DATE if goal.count_by == "intake" else S.END_DATE
    counted = pd.Series(False, index=df.index)
    for w in windows:
        counted |= _in_window(df[date_col], w)
    counted &= in_group(df, goal.among)  # (the goal's group, where it has one)
    if goal.composition:  # a count of the participants with a trait counts those with it
        counted &= trait(df, goal)[0]
    ids = df.loc[counted, S.PERSON_ID].dropna()
    return {"total_persons": float(persons_of(df[counted])), "total_enrolments": float(counted.sum()),
            "returned": float((ids.value_counts() > 1).sum())}


def _with_verdicts(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with each goal's verdict over its periods (the same on every row of the goal)."""
    for gid in dict.fromkeys(table["goal_id"]):
        at = table["goal_id"] == gid
        statuses = verdict_statuses(table.loc[at])
        verdict = goal_verdict(statuses)
        table.loc[at, "verdict"] = verdict
        # a period hidden as too few keeps no status of its own, but one still running is still running
        running = table.loc[at, "running"].fillna(False).astype(bool).any()
        table.loc[at, "verdict_so_far"] = verdict_so_far(statuses, verdict) or (
            running and verdict not in (GoalVerdict.RUNNING, GoalVerdict.NOT_ASSESSED, GoalVerdict.CONTEXT))
    table["verdict_so_far"] = table["verdict_so_far"].astype(bool)
    return table


# the figures of a period that a hidden period no longer shows
_HIDDEN_FIGURES = ("value", "numerator", "denominator", "ci_low", "ci_high", "p_below_target", "p_above_target",
                   "enrolments")
HIDDEN_SMALL = "small"  # a count of 1 to k - 1 persons: shown as "<k"
HIDDEN_SECONDARY = "secondary"  # hidden so that a small count elsewhere cannot be worked out: ".."
TOO_SHORT_NOTE = "too_short_note"  # a count period whose target for its length is 0 whole persons: not judged
SHORT_NOTE = "too_few_short_note"  # a hidden count period that ended short of its target, not assessed
AMONG_FEW_OTHERS = "among_few_others_note"  # a group's goal period hidden: the same count outside the group is small
# a group's goal period hidden: another goal's group holds this one and the same count in it beyond this one is small
AMONG_FEW_BEYOND = "among_few_beyond_note"


def period_counts(table: pd.DataFrame) -> pd.DataFrame:
    """The counts of persons a goal table states per period of its goals that run over more than one
    period, measured (not an application's expectations): a count goal's value, a share goal's
    denominator. One column per goal, one row per period (``period_key``); NaN where a goal has no
    such period or it has not started."""
    t = table[(table["mode"] == "observed") & table["kind"].isin(("participant_count", "outcome_count", "share"))
              & (table["period_key"] != "hela")]
    count = t["value"].where(t["kind"] != "share", t["denominator"])
    return (pd.DataFrame({"goal_id": t["goal_id"], "period_key": t["period_key"], "n": count})
            .pivot(index="period_key", columns="goal_id", values="n"))


def hidden_periods(table: pd.DataFrame, k: int) -> pd.DataFrame:
    """Which goal periods a report hides, by the small-count rule (:func:`evaltools.data.privacy.suppression_mask`).

    A goal's total over its periods is the project's accounting to its funder and may be shown (the
    participants of a participant goal are the project's participants, stated on page 1), so each
    goal's periods are one line of the rule: a period's count from 1 to ``k - 1`` is hidden, and when
    it would be the only hidden period of its goal, the next-smallest period is hidden too. Goals
    counted over the same periods count the same persons (the participants of year 3 are a share
    goal's denominator of year 3 and the pool of an outcome goal's successes of year 3), so a period
    hidden in one goal is hidden in every goal over those periods, zero counts too ("0 till arbete"
    beside a hidden "<5" would tell that none of them succeeded); the rule is applied again until no
    goal has exactly one hidden period. A hidden count of successes (an outcome goal's) hides its period
    in the other outcome and share goals only where they would give it back: a share goal over the same
    periods (its numerator), or no count of participants at all.

    A participant goal's periods (how many enrolled in each) are hidden by their own line only: a count
    of 1 to ``k - 1``, and the next-smallest beside it. They are the same counts page 1 and the intake
    chart print per year, and one figure has one disclosure decision: 5 enrolled beside "<5" to work,
    or 10 beside a share goal hidden for that year, makes no hidden count recoverable (a total less the
    printed periods gives back only sums of hidden periods), so the count is printed everywhere. Goals
    over the whole period are totals and are not hidden here (a share of too few is, by its own rule).
    Returns a boolean frame like :func:`period_counts`.

    Only counts of persons are hidden here: a share goal's numerator of 1 to ``k - 1`` beside a
    denominator of ``k`` or more is shown (it tells no one's outcome; the share goal is the
    accounting), unless an outcome goal over the same periods counts the same small number.
    """
    counts = period_counts(table)
    if counts.empty:
        return counts.astype(bool)
    filled, present = counts.fillna(0), counts.notna().to_numpy()
    kinds = table.drop_duplicates("goal_id").set_index("goal_id")["kind"].reindex(counts.columns).to_numpy()
    pool, share = kinds != "outcome_count", kinds == "share"  # counts of persons taking part; shares of them
    enrolled = kinds == "participant_count"  # how many enrolled: hidden by their own line only
    has_pool, has_share = (present & pool).any(axis=1), (present & share).any(axis=1)
    # the small counts first, their periods hidden in every goal, and only then a further period where a
    # goal still has one hidden (a zero hidden beside a small count is a second unknown of its line)
    mask = (filled > 0) & (filled < k)
    while True:
        m = mask.to_numpy()
        succ = m & ~pool
        # a period is hidden in the outcome and share goals when a count of its persons is hidden, or its
        # successes are and another goal would give them back: a share's numerator, or no pool at all
        # (10 or 5 enrolled beside "<5" to work tell no one's outcome, and stay)
        whole_rows = (m & pool).any(axis=1) | (succ.any(axis=1) & (has_share | ~has_pool))
        whole = whole_rows[:, None] & present & ~enrolled[None, :]
        new = suppression_mask(filled, k, col_totals=True, row_totals=False, hidden=whole, few_totals_withheld=True)
        new = new | pd.DataFrame(whole, index=counts.index, columns=counts.columns)
        if new.equals(mask):
            return mask
        mask = new


# the verdicts a count period is judged with (a period still running or not judged tells nothing of its count)
_COUNT_VERDICTS = (GoalStatus.REACHED, GoalStatus.PARTLY, GoalStatus.NOT_REACHED)


def _verdict_narrows(out: pd.DataFrame, at: pd.Series, gid: str, key: object, mask: pd.DataFrame, counts: pd.DataFrame,
                     k: int, band: float) -> bool:
    """Whether the verdict of a count goal's period hidden as ".." (``key``, ``k`` or more persons) would give away
    another of its hidden periods' counts, where the goal's total is published beside them.

    The total less the periods shown is the hidden periods' sum; a reader knows each "<k" to hold 1 to k − 1
    persons, and each other ".." k or more. The period's own count then lies in a range, and its verdict (reached
    at the target, partly from ``band`` of it, not reached below) narrows that range to the counts with the same
    verdict. Where one count is left, the "<k" beside it is worked out exactly (a verdict of "reached" at a target of
    13 where the range is 10 to 13 says the "<5" holds 1), as the total is withheld where it would do so: the verdict
    is withheld. A verdict that leaves two counts or more keeps the "<k" unknown and stays (conservatively, a
    participant goal's hidden periods are taken to sum to its total as an outcome goal's do)."""
    row = out.loc[at]
    status = row["status"].iloc[0]
    if row["kind"].iloc[0] == "share" or row["total"].isna().all() or status not in _COUNT_VERDICTS:
        return False
    hidden = counts.loc[mask[gid].to_numpy(), gid].fillna(0)
    others = hidden.drop(index=key)
    small = int(((others > 0) & (others < k)).sum())
    if not small or (others >= k).any():  # (another ".." beside it: this verdict is not weighed with that one's)
        return False
    hidden_sum = int(round(float(hidden.sum())))
    target = float(row["target_prorated"].iloc[0])
    same = [c for c in range(max(0, hidden_sum - small * (k - 1)), hidden_sum - small + 1)
            if _status(c, target, band) == status]
    return len(same) <= 1


def hide_small_periods(table: pd.DataFrame, k: int, band: float = 0.8) -> pd.DataFrame:
    """``table`` with the periods :func:`hidden_periods` hides: their figures (value, numerator,
    denominator, interval, p-values) removed and ``suppression`` set to ``small`` (a count of 1 to k − 1,
    shown as "<k") or ``secondary`` (shown as ".."). A hidden period of fewer than ``k`` persons is not
    assessed (``too_few`` when it is small): its status against the target would narrow the count down
    (a target of 4 reached, with "<5" beside it, is 4); a hidden period of ``k`` or more keeps its
    status, which tells no single person's outcome. A count period that ended, whose every count from 1
    to k − 1 lies below ``band`` of its target (3 of a target of 10), is *not reached* whatever the count:
    saying so tells nothing "<k" does not, and a goal is not called reached over a period that fell short.

    A count goal with a hidden period keeps its total over the periods (``total``, on each of its
    rows): the project's accounting to its funder. It is withheld (NaN) when the hidden periods together
    hold fewer than ``k`` persons, since the total less the periods shown would then give a small count."""
    out = _hide_few_others(table.copy(), k)
    mask = hidden_periods(out, k)
    counts = period_counts(out)
    for gid in mask.columns:
        at = out["goal_id"] == gid
        if not mask[gid].any() or out.loc[at, "kind"].iloc[0] == "share":
            continue
        hidden_sum = float(counts.loc[mask[gid].to_numpy(), gid].fillna(0).sum())
        total = float(counts[gid].fillna(0).sum())
        persons = out.loc[at, "total_persons"].dropna()
        if len(persons):  # a participant goal: its persons, each once (one enrolled in two periods counts in both)
            total = float(persons.iloc[0])
        # (nor when the total less the periods shown is a small number: those enrolled only in hidden periods)
        rest = total - float(counts.loc[~mask[gid].to_numpy(), gid].fillna(0).sum())
        if not hides(hidden_sum, k) and not hides(rest, k):
            out.loc[at, "total"] = total
    for gid in mask.columns:
        for key in mask.index[mask[gid].to_numpy()]:
            at = (out["goal_id"] == gid) & (out["period_key"] == key)
            n = float(counts.at[key, gid])
            out.loc[at, "suppression"] = HIDDEN_SMALL if 0 < n < k else HIDDEN_SECONDARY
            for c in _HIDDEN_FIGURES:
                out.loc[at, c] = np.nan
            out.loc[at, "ci_verdict"] = ""
            if n < k:
                share = out.loc[at, "kind"].iloc[0] == "share"
                below = (not share and n > 0 and not out.loc[at, "running"].astype(bool).any()
                         and (out.loc[at, "mode"] == "observed").all()
                         and _status(k - 1, float(out.loc[at, "target_prorated"].iloc[0]), band) == GoalStatus.NOT_REACHED)
                # (running or not, as a share of too few; a count certainly below its target is not reached)
                out.loc[at, "status"] = GoalStatus.NOT_REACHED if below else GoalStatus.NOT_ASSESSED
                out.loc[at, "too_few"] = n > 0
                # a count period that ended with every count from 1 to k − 1 short of its target fell short,
                # though the band's word (partly or not) is withheld: the goal is not called reached
                short = (not share and n > 0 and not below and not out.loc[at, "running"].astype(bool).any()
                         and (out.loc[at, "mode"] == "observed").all()
                         and k - 1 < float(out.loc[at, "target_prorated"].iloc[0]))
                out.loc[at, "note"] = ("too_few_note" if share else "too_few_below_note" if below
                                       else SHORT_NOTE if short else "too_few_count_note")
            elif _verdict_narrows(out, at, gid, key, mask, counts, k, band):
                # (its verdict beside the goal's total would give another period's hidden count: not judged)
                out.loc[at, "status"] = GoalStatus.NOT_ASSESSED
                out.loc[at, "note"] = "withheld_period_unjudged_note"
            else:
                out.loc[at, "note"] = "withheld_period_note"
    # a share of too few outside the periods above (a goal over the whole period) keeps its own rule
    few = out["too_few"].astype(bool) & (out["suppression"] == "")
    for c in ("numerator", "denominator"):
        out.loc[few, c] = np.nan
    out.loc[few & (out["mode"] == "observed"), "suppression"] = HIDDEN_SMALL
    return out


HOUSEHOLDS_WITHHELD = "households_withheld_note"  # a household share's counts hidden: they would give P − H


def hide_household_bases(table: pd.DataFrame, project: Project, k: int) -> pd.DataFrame:
    """``table`` with the counts of a share goal counted per household (``counts: households``) hidden where they
    would tell how few participants share a household with another.

    The report states its participants ``P``; the households they live in, ``H``, it states beside them only where
    ``P − H`` is not 1 to ``k − 1`` (:func:`evaltools.analysis.disclosure.participant_households`: the number would
    tell how few live with another participant). A household share's denominators over its periods, all shown,
    add up to ``H`` where every household began in them: then its periods' numerators and denominators are hidden
    (``..``, ``secondary``), as a period hidden to protect another count is. Its share is hidden with them (with
    the numerator it gives the denominator back), and its interval; its status stays, as a hidden period of ``k``
    or more keeps it: it tells no one's outcome.

    A count of the households that took part (a participant goal, ``counts: households``) is each period's
    households, beside the persons who started in it (page 1's intake per year, a participant goal's years): it is
    hidden the same way where its periods, all shown, add up to ``H``, or where in one of its periods the persons
    who started are 1 to ``k − 1`` more than its households (:func:`_household_count_tells`). Its total over the
    periods is hidden with them."""
    if not project.has_participants or not (table["counts"] == "households").any():
        return table
    df = project.participants
    persons, households = persons_of(df), households_of(df)  # (P and H as page 1's rule counts them)
    out = table.copy()
    for gid in dict.fromkeys(out.loc[(out["counts"] == "households") & (out["kind"] == "participant_count")
                                     & (out["mode"] == "observed"), "goal_id"]):
        at = out["goal_id"] == gid
        totals = out.loc[at, "total"].dropna()
        if hides(persons - households, k) and len(totals) and int(totals.iloc[0]) == households:  # (a total beside periods hidden: H itself)
            out.loc[at, "total"] = np.nan
        if not _household_count_tells(out.loc[at], df, hides(persons - households, k), households, k):
            continue  # (nothing told: shown)
        hidden = at & out["value"].notna()
        for c in (*_HIDDEN_FIGURES, "total"):
            out.loc[hidden, c] = np.nan
        out.loc[hidden, ["suppression", "note"]] = [HIDDEN_SECONDARY, HOUSEHOLDS_WITHHELD]
    if not hides(persons - households, k):
        return out
    for gid in dict.fromkeys(out.loc[(out["counts"] == "households") & (out["kind"] == "share")
                                     & (out["mode"] == "observed"), "goal_id"]):
        at = out["goal_id"] == gid
        if (out.loc[at, "suppression"].fillna("") != "").any() \
                or int(out.loc[at, "denominator"].fillna(0).sum()) != households:
            continue  # (a period hidden, or households beginning elsewhere: the periods shown do not add up to H)
        hidden = at & out["denominator"].notna()
        for c in _HIDDEN_FIGURES:
            out.loc[hidden, c] = np.nan
        out.loc[hidden, ["ci_verdict", "suppression", "note"]] = ["", HIDDEN_SECONDARY, HOUSEHOLDS_WITHHELD]
    return out


def _household_count_tells(rows: pd.DataFrame, df: pd.DataFrame, few_share: bool, households: int, k: int) -> bool:
    """Whether a count of the households that took part (``rows``: one goal's periods) would tell how few
    participants live with another: its periods add up to all the households ``households`` where the persons are
    1 to ``k − 1`` more (``few_share``), or in a period the persons who started are 1 to ``k − 1`` more than the
    households counted there (each household in its first participant's period, so a second member who started
    later is among the persons of the later period and not among its households: conservatively, a difference)."""
    shown = rows[rows["value"].notna()]
    if shown.empty:
        return False
    if few_share and int(shown["value"].sum()) == households:
        return True
    start = pd.to_datetime(df[S.START_DATE])
    for row in shown.itertuples(index=False):
        last = row.observed_last if pd.notna(row.observed_last) else row.period_last
        started = (start >= pd.Timestamp(row.period_first)) & (start <= pd.Timestamp(last))
        if hides(persons_of(df[started]) - int(row.value), k):
            return True
    return False


def _hide_few_others(out: pd.DataFrame, k: int) -> pd.DataFrame:
    """A goal set for a group (``among:``) is a breakdown of the same count over everyone: where those the
    count holds outside the group (``group_others``) are 1 to ``k − 1``, a goal over everyone (or the
    project's totals) less the group's figure would tell their count, or their outcomes. The same holds where
    another goal's group holds this one's and the same count in it beyond this group (``group_within``) is 1 to
    ``k − 1``: the other goal's figure less this one's would tell them. Such a period's figures are hidden
    (``..``) and it is not assessed."""
    if "group_within" not in out:  # (a table from before the check of groups within groups)
        out["group_within"] = np.nan
    observed = out["mode"] == "observed"
    outside = out["group_others"].fillna(0).between(0, k, inclusive="neither") & observed
    within = out["group_within"].fillna(0).between(0, k, inclusive="neither") & observed & ~outside
    few = outside | within
    if not few.any():
        return out
    for c in _HIDDEN_FIGURES:
        out.loc[few, c] = np.nan
    out.loc[few, ["group_others", "group_within"]] = np.nan
    out.loc[few, ["ci_verdict", "suppression"]] = ["", HIDDEN_SECONDARY]
    out.loc[outside, "note"] = AMONG_FEW_OTHERS
    out.loc[within, "note"] = AMONG_FEW_BEYOND
    out.loc[few, "status"] = GoalStatus.NOT_ASSESSED
    out.loc[few, "too_few"] = False
    return out


def verdict_statuses(rows: pd.DataFrame) -> list[GoalStatus]:
    """The statuses one goal's verdict is made of: each period's, except that a period hidden as too few
    which certainly fell short of its target (``SHORT_NOTE``) counts as not reached beside periods that
    were judged, so that "reached" in the others does not make the goal reached (a goal of at least 5 a
    year with a year of "<5" was not reached every year). Alone, it stays not assessed."""
    statuses = [GoalStatus(s) for s in rows["status"]]
    short = (rows["note"] == SHORT_NOTE).to_numpy()
    if not short.any() or not any(s.judged for s in statuses):
        return statuses
    return [GoalStatus.NOT_REACHED if sh else s for s, sh in zip(statuses, short)]


def sole_judged_period(rows: pd.DataFrame) -> str | None:
    """The period key of the only period one goal's verdict rests on (``"2025"``, ``"år2"``), where the goal
    runs over more than one measured period and every other is hidden as too few, not assessed, still
    running or not yet begun; else ``None``. A verdict of one period is then no goal reached "per år"."""
    rows = rows[rows["mode"] == "observed"]
    if len(rows) < 2:
        return None
    keys = [str(k) for k, s in zip(rows["period_key"], verdict_statuses(rows)) if s.judged]
    return keys[0] if len(keys) == 1 else None


def goal_verdict(statuses) -> GoalVerdict:
    """One goal's verdict over its periods' statuses (see the module docstring).

    Parameters
    ----------
    statuses
        The :class:`GoalStatus` of each of the goal's periods.

    Examples
    --------
    >>> goal_verdict([GoalStatus.REACHED, GoalStatus.REACHED_UNCERTAIN])
    <GoalVerdict.REACHED_UNCERTAIN: 'uppnått_osäkert'>
    >>> goal_verdict([GoalStatus.REACHED, GoalStatus.NOT_REACHED, GoalStatus.RUNNING])
    <GoalVerdict.PARTLY: 'delvis'>
    """
    statuses = [GoalStatus(s) for s in statuses]
    if GoalStatus.CONTEXT in statuses:
        return GoalVerdict.CONTEXT
    judged = [s for s in statuses if s.judged]
    if not judged:
        return GoalVerdict.RUNNING if GoalStatus.RUNNING in statuses else GoalVerdict.NOT_ASSESSED
    if len(set(judged)) == 1:
        return GoalVerdict(judged[0].value)
    if all(s in VOLUME_STATUSES for s in judged):  # reach in some periods, not in others
        return GoalVerdict.VOLUMES_PARTLY
    levels = {s.certain for s in judged}
    uncertain = any(s.uncertain for s in judged)
    if len(levels) == 1:  # one level, some periods uncertain
        return GoalVerdict(UNCERTAIN_OF[levels.pop()].value)
    return GoalVerdict.PARTLY_UNCERTAIN if uncertain else GoalVerdict.PARTLY


# a goal's verdict as it is counted: reached (an uncertain reach and an application's volumes that
# reach the target too), partly, not reached; a running, unassessed or context goal is not judged
COUNTED_REACHED = frozenset({GoalVerdict.REACHED, GoalVerdict.REACHED_UNCERTAIN, GoalVerdict.VOLUMES_REACH})
COUNTED_PARTLY = frozenset({GoalVerdict.PARTLY, GoalVerdict.PARTLY_UNCERTAIN, GoalVerdict.VOLUMES_PARTLY})
COUNTED_NOT = frozenset({GoalVerdict.NOT_REACHED, GoalVerdict.NOT_REACHED_UNCERTAIN, GoalVerdict.VOLUMES_SHORT})
JUDGED_VERDICTS = COUNTED_REACHED | COUNTED_PARTLY | COUNTED_NOT


@dataclass(frozen=True)
class GoalCount:
    """How many of a project's own goals reached their targets: one verdict per goal (never one per
    period), the count page 1 and the portfolio both state (:func:`count_goals`)."""

    judged: int
    reached: int
    partly: int
    not_reached: int
    uncertain: int  # of the reached, those "men osäkert"
    running: int  # goals not judged because every period is still running
    volume_goals: int = 0  # of the judged, those judged on an application's expected volumes

    @property
    def volumes_only(self) -> bool:
        """True when every judged goal was judged on an application's expected volumes (nothing has
        happened yet)."""
        return self.judged > 0 and self.volume_goals == self.judged


def own_goals(table: pd.DataFrame) -> pd.DataFrame:
    """The application's own goals in a goal table (:func:`assess_goals`), the first row of each in the
    table's order: goals from other sources and context goals are not the project's to count."""
    own = table[(table["source"] == "ansökan") & (table["kind"] != "context")]
    return own.drop_duplicates("goal_id")


def measurable_own_goals(table: pd.DataFrame) -> pd.DataFrame:
    """The application's own goals (:func:`own_goals`) that are measured, not assessed by the evaluator
    (neither qualitative nor a questionnaire's)."""
    own = own_goals(table)
    return own[~own["kind"].isin(("qualitative", "survey"))]


def volumes_not_comparable(table: pd.DataFrame) -> list[str]:
    """The ids of an application's measurable own goals (:func:`measurable_own_goals`) its volumes cannot be
    compared with in some period: the application does not say how many of its expected exits go to the
    goal's outcomes (note ``outcomes_not_expected``, :func:`expected_part`) or, for a goal counting action
    plans, how many of the exits are expected to have one (note ``plans_not_expected``,
    ``expected.exits_with_action_plan_share``); for a goal counted per household, how many households its expected
    participants live in (note ``households_ex_ante``); for a goal set for a group, how many of them belong to it
    (note ``among_ex_ante``). Page 1 and the portfolio count these."""
    measured = set(measurable_own_goals(table)["goal_id"])
    said = table.loc[table["note"].isin(NOT_EXPECTED) & table["goal_id"].isin(measured), "goal_id"]
    return list(dict.fromkeys(said))


def own_verdicts(table: pd.DataFrame) -> list[GoalVerdict]:
    """The verdict of each of the application's own goals (:func:`own_goals`), one per goal."""
    return [GoalVerdict(v) for v in own_goals(table)["verdict"]]


def count_goals(verdicts) -> GoalCount:
    """The goals judged, reached, partly reached and not reached among ``verdicts`` (one per goal).

    Examples
    --------
    >>> count_goals([GoalVerdict.VOLUMES_REACH, GoalVerdict.VOLUMES_PARTLY, GoalVerdict.NOT_ASSESSED])
    GoalCount(judged=2, reached=1, partly=1, not_reached=0, uncertain=0, running=0, volume_goals=2)
    """
    vs = [GoalVerdict(v) for v in verdicts]
    reached, partly, missed = (sum(v in group for v in vs) for group in (COUNTED_REACHED, COUNTED_PARTLY, COUNTED_NOT))
    volumes = sum(v in (GoalVerdict.VOLUMES_REACH, GoalVerdict.VOLUMES_PARTLY, GoalVerdict.VOLUMES_SHORT) for v in vs)
    return GoalCount(reached + partly + missed, reached, partly, missed, sum(v is GoalVerdict.REACHED_UNCERTAIN for v in vs),
                     sum(v is GoalVerdict.RUNNING for v in vs), volumes)


def verdict_so_far(statuses, verdict: GoalVerdict) -> bool:
    """True when the verdict rests on the periods that ended while another is still running."""
    return verdict != GoalVerdict.RUNNING and GoalStatus.RUNNING in [GoalStatus(s) for s in statuses]


# --- the project's own definition of success ---------------------------------------------------


@dataclass(frozen=True)
class SuccessDefinition:
    """What the project counts as a success: its main goal's numerator, or (where it sets no
    outcome goal) the generic definition, leaving försörjningsstöd.

    ``kind`` is ``action_plan`` (an exit with a documented action plan), ``goal_outcomes`` (an exit
    to one of the main goal's outcomes) or ``leaves_fs`` (the generic one). ``by_enrolment`` says that
    the ended it counts are enrolments, not persons: some person was enrolled more than once
    (:attr:`evaltools.data.validation.Enrolments.by_enrolment`, set by :func:`project_definition`), and
    the definition is worded "avslutade inskrivningar" as page 1 words its ended. It is how the
    definition is said, not what it counts: two definitions that differ only in it are equal.
    ``group`` says that the main goal is set for a group of the participants (``among:``): the goal counts
    that group only, while the success its outcomes define is counted for every participant (page 1, the
    outcome and time sections, the cost per success), and the definition says so.
    ``default`` says that the outcomes are the default successes (no ``success_outcomes`` in the params):
    an exit to the support the participant started on (:func:`same_support`) is then no success.
    """

    kind: str
    outcomes: tuple[str, ...]
    goal_id: str | None = None
    goal_label: str | None = None
    denominator: str = "exits"
    exclude: tuple[str, ...] = ()
    share_goal_id: str | None = None
    by_enrolment: bool = field(default=False, compare=False)
    group: bool = False
    default: bool = False

    @property
    def same_support_rule(self) -> bool:
        """Whether the definition leaves out an exit to the support the participant started on
        (:func:`applies_same_support`): part of its identity, as its outcomes are (two projects that list the same
        outcomes, one under the rule, define success differently), and said wherever the definition is."""
        return self.kind != "action_plan" and applies_same_support(self.outcomes, self.default)

    def left_out(self, df: pd.DataFrame) -> tuple[str, ...]:
        """The outcomes this definition leaves out of those who ended (``exclude``) that some row of the
        participants frame ``df`` has: where any, its base is smaller than the number of ended."""
        if not self.exclude or S.OUTCOME not in df:
            return ()
        return tuple(c for c in self.exclude if (df[S.OUTCOME] == c).any())

    def is_success(self, df: pd.DataFrame) -> pd.Series:
        """Which rows of a participants frame are successes under this definition (ended only)."""
        ended = df[S.END_DATE].notna()
        if self.kind == "action_plan":
            return ended & (df[S.ACTION_PLAN] == "ja")
        hit = ended & df[S.OUTCOME].isin(self.outcomes)
        return hit & ~same_support(df) if self.default else hit

    def same_support(self, df: pd.DataFrame) -> pd.Series:
        """Which rows of ``df`` have ended with one of this definition's outcomes on the support they started on
        (:func:`same_support`): under the default successes none of them is a success; under outcomes the params
        give, they are counted as written, and the report says how many of the successes they are."""
        if self.kind == "action_plan":
            return pd.Series(False, index=df.index)
        return df[S.END_DATE].notna() & df[S.OUTCOME].isin(self.outcomes) & same_support(df)


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
    outcome or share goal of the application (``source: ansökan``) counted at exit without a time limit; ``None``
    when there is none. (A goal counted months after exit, ``after_exit_months``, or within some months of the start,
    ``within_months``, does not define it: the report's successes, its outcomes by group, time to exit and cost per
    success count every exit's outcome at exit, and "lyckat" has one meaning; nor does a goal counted per household,
    ``counts: households``: they count persons.)"""
    marked = [g for g in params.goals if g.main]
    if marked:
        return marked[0]
    for g in params.goals:
        if g.kind in ("outcome_count", "share") and g.source == "ansökan" and not g.composition \
                and g.after_exit_months is None and g.within_months is None and not g.per_household:
            return g
    return None


def success_definition(params: ProjectParams, lang: str | None = None) -> SuccessDefinition:
    """What the project counts as a success (see :class:`SuccessDefinition`).

    Examples
    --------
    >>> success_definition(et.load_params("params/kompassen-demo.yaml")).kind  # doctest: +SKIP
    """
    lang = lang or params.language
    g = main_goal(params)
    if g is None:
        return SuccessDefinition("leaves_fs", tuple(params.cost_benefit.success_outcomes),
                                 default="success_outcomes" not in params.cost_benefit.model_fields_set)
    label = g.label_for(lang)
    kind = "action_plan" if g.numerator == "action_plan" else "goal_outcomes"
    judged = share_goal_of(params, g)
    if judged is not None:  # a count of successes whose share another goal judges: that goal's denominator
        return SuccessDefinition(kind, tuple(g.success_outcomes), g.id, label, judged.denominator,
                                 tuple(judged.exclude_from_denominator), judged.id,
                                 default=kind != "action_plan" and g.default_successes)
    return SuccessDefinition(kind, tuple(g.success_outcomes), g.id, label, g.denominator,
                             tuple(g.exclude_from_denominator), group=g.among is not None,
                             default=kind != "action_plan" and g.default_successes)


def project_definition(project: Project, lang: str | None = None) -> SuccessDefinition:
    """The project's :func:`success_definition`, marked ``by_enrolment`` where some person was enrolled
    more than once (:attr:`evaltools.data.validation.Enrolments.by_enrolment`, the one rule page 1, the
    outcomes section and the workbook word their ended by): its counts are then of ended enrolments.

    Examples
    --------
    >>> project_definition(et.load_project("params/nasta-steg.yaml")).by_enrolment  # doctest: +SKIP
    True
    """
    d = success_definition(project.params, lang)
    if project.has_participants and enrolment_counts(project.participants).by_enrolment:
        return replace(d, by_enrolment=True)
    return d


def share_goal_of(params: ProjectParams, main: Goal) -> Goal | None:
    """The goal that judges the share of a main goal that is a count of exits: an application's share
    goal of the exits over the same successes (the same outcomes under the same rule for an exit to the support
    one started on, :func:`goal_same_support`, or an action plan), for every participant. ``None`` when the main goal is itself a share, or no such goal exists.

    A count goal has no denominator of its own; where the application also sets a share of exits for
    the same successes ("40 a year to own support" and "at least 45 % of exits to own support"), the
    share of those who ended that page 1, the portfolio and the exports give is that goal's: over its
    denominator, with the exits it leaves out left out, so that one share has one definition.
    """
    if main.kind != "outcome_count" or main.among is not None:
        return None
    for g in params.goals:
        if (g.kind == "share" and g.denominator == "exits" and g.source == main.source and g.among is None
                and not g.composition and not g.per_household and g.numerator == main.numerator
                and (g.numerator == "action_plan" or (set(g.success_outcomes) == set(main.success_outcomes)
                                                      and goal_same_support(g) == goal_same_support(main)))):
            return g
    return None


def project_successes(project: Project, lang: str | None = None, through: dt.date | None = None) -> SuccessCount:
    """How many of the project's ended participants were a success under its own definition, over
    the whole period, or among those who had ended by ``through`` (0 of 0 without participant data)."""
    d = project_definition(project, lang)
    if not project.has_participants:
        return SuccessCount(d, 0, 0)
    df = project.participants
    ended = df[S.END_DATE].notna()
    if through is not None:
        ended &= df[S.END_DATE] <= pd.Timestamp(through)
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
    label = goal.label_for(lang)
    series = context_series(goal, params)
    last = series.iloc[-1] if len(series) else None
    row = dict.fromkeys(GOAL_COLUMNS, np.nan)
    row.update({"goal_id": goal.id, "kind": "context", "label": label, "period_key": "hela",
                "period_first": params.period.start,
                "period_last": params.period.end, "observed_last": None, "fraction_run": np.nan, "cut": False,
                "running": False, "mode": "context", "value": float(last["value"]) if last is not None else np.nan,
                "target": goal.target if goal.target is not None else np.nan, "ci_verdict": "", "too_few": False,
                "suppression": "", "total": np.nan, "status": GoalStatus.CONTEXT, "verdict": GoalVerdict.CONTEXT, "verdict_so_far": False, "evidence": "", "note": "context_note", "source": goal.source,
                "main": False})
    return row
