"""Differencing protection: which secondary counts a report withholds so that no combination of
published counts tells the outcome of fewer than ``min_count`` persons.

The goal totals (participants and successes per goal) are the project's accounting to its funder
and are shown; a goal's periods with small counts are hidden by the small-count rule
(:func:`evaltools.analysis.goals.hide_small_periods`), and the rule here counts what the goal table
publishes: the periods shown, or the total it states beside hidden ones. Beside them a report states other counts of the same persons:
how many took part, how many are still enrolled (so how many have ended), how many ended with a
success as the project defines it, how many left försörjningsstöd, and costs per participant and
per success (a total cost divided by a count, so the count can be worked back from them). Each of
these is a *secondary figure*. One rule, here and nowhere else, says which of them a report
withholds; page 1, the sections, the workbook and the portfolio all ask :func:`disclosure`.

The rule, with ``k = privacy.min_count``, ``P`` participants, ``O`` still enrolled, ``E = P − O``
ended, ``G`` each goal's total of successes (an outcome goal's count, a share goal's numerators,
over its periods: successes among the ended), ``B`` the ended participants the project's success
share counts (its main goal's denominator), ``S`` its successes among them, and ``X`` the ended
participants who left försörjningsstöd (the cost-benefit model's count); "small" is 1 to k − 1:

1. **Participants** (``P``) are withheld, said as "fewer than k", when ``P`` is small and the goal
   totals do not already state it (a participant goal's periods summing to ``P``): together with a
   goal's count of successes they tell the outcome of each of fewer than k persons. The cost per
   participant goes with them (total cost ÷ cost per participant = ``P``).
2. **Ended and still enrolled** (``E``, and ``O`` which gives it with ``P``) are withheld when ``P``
   is small, ``E`` is small, or ``E − G`` is small for a goal: a goal's count of successes, which
   always stays, would then give the outcome of the few who ended, or of the few who ended without
   a success ("10 of 11 still enrolled" beside an outcome goal of 1). The page-1 statement "S of B
   ended" goes with them, as it states ``B``. They are also withheld, alone, where ``B`` is stated (the
   successes of ``B`` on page 1, or a share goal's denominators in the goal table) and ``E − B`` is small:
   those the success share leaves out (moved away, died) would be a few persons' outcome.
3. **Successes of ended** (``S`` of ``B``, with its share and interval) are withheld when ``P`` or
   ``B`` is small or ``B − S`` is small (the few who did not succeed can be worked out by
   difference). The cost per success goes with them (total cost ÷ cost per success = ``S``). Where ``P``
   and ``S`` are stated, a small ``P − S`` is public already and the cost per success is shown; a cost of the
   periods paid so far, which divides by counts the report does not state, is withheld when those give a
   small ``P − S``. Where the
   successes are the persons ``X`` counts, no more and no fewer, and no goal states their number, they
   are withheld whenever ``X`` is (rule 4): one count is published everywhere or nowhere.
4. **Exits from försörjningsstöd** (``X`` of ``E``, in the cost-benefit figures) are withheld when
   ``P``, ``E`` or ``X`` is small or ``E − X`` is small; the cost per exit goes with them. ``X`` counts
   only those who had försörjningsstöd to leave (the cost-benefit model's count, which the report
   states), so it can be small in a project where most participants came from another support. Where a
   goal over everyone publishes ``X`` itself (:func:`exits_in_goals`), it is the project's accounting and
   is not withheld; the number ended is then kept from giving the few who did not leave by rule 2.
5. **A goal set for a group** (``among:``) that counts the same successes (``n`` of the group's ``d``
   exits, or a count ``n``) is a breakdown of them: the successes of ended are withheld when ``B − d``
   is small or ``(B − d) − (S − n)`` is small (for a count: ``S − n`` small), and the number ended
   goes too when a goal over everyone counts the same successes ``G`` and ``E − d`` or
   ``(E − d) − (G − n)`` is small: those outside the group would be a few persons, or their outcomes
   would be. A goal over everyone per project year counts as such a group too: its years leave out those
   who began in a pre-study, and ``S − n`` and ``B − d`` are then their successes and exits. Where the
   successes are the persons ``X`` counts, ``X`` is withheld with them (``X − n`` is ``S − n``), unless a goal
   over everyone states it.

6. **Households** (``H``, the households the participants live in) are said beside ``P`` on page 1 only where
   they are fewer than ``P`` and ``P`` is shown: as "fewer than k" where ``H`` is small, and not as a number where
   ``P − H`` is small (a few participants live with another, and the number would tell how few), the report
   saying only that some share a household (:func:`participant_households`).

A count of zero is shown: an empty group tells nothing about a person. Everything here is
numbers and codes; the words (what is withheld, and why) are in the catalogs.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

import numpy as np
import pandas as pd

from ..data import schema as S
from ..data.privacy import _recoverable, hides
from ..data.validation import households_of, persons_of
from ..data.project import Project
from .costbenefit import CostBenefitResult, cost_benefit, published
from .costbenefit.persistence import leavers
from .goals import project_successes, same_support


class Secondary(StrEnum):
    """A secondary figure the rule may withhold (see the module docstring)."""

    PARTICIPANTS = "participants"  # the number of participants, outside the goal table
    COST_PER_PARTICIPANT = "cost_per_participant"
    ENDED = "ended"  # the number who have ended (page 1, the outcomes section, the workbook, the portfolio)
    ONGOING = "ongoing"  # still enrolled at the analysis date (with the participants, the number ended)
    SUCCESSES = "successes"  # successes of ended as the project defines them, with share and interval
    COST_PER_SUCCESS = "cost_per_success"
    EXITS = "exits"  # ended participants who left försörjningsstöd (cost-benefit), of all ended
    COST_PER_EXIT = "cost_per_exit"


@dataclass(frozen=True)
class Counts:
    """The counts of persons a report states beside its goal totals (see the module docstring)."""

    participants: int
    ongoing: int
    base: int  # ended participants the success share counts (the main goal's denominator)
    successes: int  # of ``base``
    ended: int  # all ended participants
    exits: int  # of ``ended``: left försörjningsstöd they had at start (the cost-benefit model's successes)
    participants_in_goals: bool = False  # a participant goal's periods already state ``participants``
    goal_successes: tuple[int, ...] = ()  # each goal's total of successes among the ended
    # each goal set for a group (``among:``) that counts the project's own success: its published successes
    # and, for a share of the same exits as ``base``, its published exits (None otherwise)
    group_successes: tuple[tuple[int, int | None], ...] = ()
    same_successes: tuple[int, ...] = ()  # each goal's over everyone that counts the same successes: its total
    successes_are_exits: bool = False  # ``successes`` are the persons ``exits`` counts, no more and no fewer
    exits_in_goals: bool = False  # a goal over everyone publishes ``exits``: the same persons, the same total
    ended_in_goals: bool = False  # a share goal over everyone's exits publishes ``ended`` as its denominator
    base_in_goals: bool = False  # such a goal, leaving out what the success share does, publishes ``base``


@dataclass(frozen=True)
class Disclosure:
    """Which secondary figures a report withholds, and the threshold it used."""

    min_count: int
    withheld: frozenset[Secondary] = frozenset()

    def shows(self, figure: Secondary) -> bool:
        """Whether ``figure`` may be published."""
        return figure not in self.withheld

    def hides(self, figure: Secondary) -> bool:
        """Whether ``figure`` is withheld."""
        return figure in self.withheld

    @property
    def any(self) -> bool:
        return bool(self.withheld)


def _small_group(group: int, count: int, k: int) -> bool:
    """A count of a group (of ``group`` persons) shown beside the group's size tells the outcome of
    fewer than ``k`` persons: the group is small, or those outside the count are a small number."""
    return hides(group, k) or hides(group - count, k)


def rule(c: Counts, k: int, *, published: bool = True) -> Disclosure:
    """The differencing rule on the counts ``c`` with threshold ``k`` (see the module docstring); ``published``: the
    report states ``c`` itself (not so for the counts by a day a cost of the periods paid so far divides by).

    Examples
    --------
    >>> sorted(rule(Counts(11, 10, 1, 1, 1, 1, goal_successes=(1,)), 5).withheld)  # doctest: +NORMALIZE_WHITESPACE
    [<Secondary.COST_PER_EXIT: 'cost_per_exit'>, <Secondary.COST_PER_SUCCESS: 'cost_per_success'>,
     <Secondary.ENDED: 'ended'>, <Secondary.EXITS: 'exits'>, <Secondary.ONGOING: 'ongoing'>,
     <Secondary.SUCCESSES: 'successes'>]
    >>> rule(Counts(40, 0, 40, 18, 40, 20, goal_successes=(18,)), 5).withheld
    frozenset()
    """
    out: set[Secondary] = set()
    few = hides(c.participants, k)
    if few and not c.participants_in_goals:
        out |= {Secondary.PARTICIPANTS, Secondary.COST_PER_PARTICIPANT}
    if few or hides(c.ended, k) or (not c.ended_in_goals and any(hides(c.ended - g, k) for g in c.goal_successes)):
        out |= {Secondary.ENDED, Secondary.ONGOING, Secondary.SUCCESSES}
    # (the goal table states the successes of the ended and their number: S of B is public already)
    stated = c.ended_in_goals and c.base == c.ended and c.successes in c.same_successes
    if few or (not stated and _small_group(c.base, c.successes, k)):
        out |= {Secondary.SUCCESSES, Secondary.COST_PER_SUCCESS}
    # a group's goal beside the project's successes (or beside the number ended and a goal over everyone that
    # counts the same successes): the difference is those outside the group, whose outcomes tell as above
    for n, d in c.group_successes:
        if _small_group(c.base - d, c.successes - n, k) if d is not None else hides(c.successes - n, k):
            out |= {Secondary.SUCCESSES, Secondary.COST_PER_SUCCESS}
            # the exits from försörjningsstöd are the very same persons: their count less the goal's tells the same
            # few outcomes (one count is published everywhere or nowhere), unless a goal over everyone states it
            if c.successes_are_exits and not c.exits_in_goals:
                out |= {Secondary.EXITS, Secondary.COST_PER_EXIT}
        if d is not None and c.base == c.ended and not c.ended_in_goals and any(_small_group(c.ended - d, g - n, k) for g in c.same_successes):
            out |= {Secondary.ENDED, Secondary.ONGOING, Secondary.SUCCESSES}
    # (beside the cost per participant it gives P and S, so P − S: withheld where those are not published, as with a
    # cost of the periods paid so far; where the report states both, a small P − S is public already)
    if not published and hides(c.participants - c.successes, k):
        out.add(Secondary.COST_PER_SUCCESS)
    # (a goal that publishes the exits is the project's accounting: the count is public, and rule 2 already keeps
    # the number ended from giving the few who did not leave)
    if not c.exits_in_goals and (few or hides(c.exits, k) or _small_group(c.ended, c.exits, k)):
        out |= {Secondary.EXITS, Secondary.COST_PER_EXIT}
        # the successes are the same persons, and no goal states their number: one count, withheld everywhere
        if c.successes_are_exits and c.successes not in c.same_successes:
            out |= {Secondary.SUCCESSES, Secondary.COST_PER_SUCCESS}
    # (page 1 states the successes of ``B`` ended, or a share goal states ``B`` as its denominator: beside the number
    # ended, those the success share leaves out, who moved away or died, would be a small count of an outcome)
    if (Secondary.SUCCESSES not in out or c.base_in_goals) and hides(c.ended - c.base, k):
        out |= {Secondary.ENDED, Secondary.ONGOING}
    return Disclosure(k, frozenset(out))


def participants_in_goals(goal_table: pd.DataFrame, n: int) -> bool:
    """Whether a participant goal's observed periods add up to ``n``: the goal table then states
    the number of participants already, and withholding it elsewhere would protect no one."""
    if goal_table is None or goal_table.empty:
        return False
    rows = goal_table[(goal_table["kind"] == "participant_count") & (goal_table["mode"] == "observed")]
    return any(int(_published_total(g, "value")) == n for _, g in rows.groupby("goal_id", sort=False))


def _published_total(rows: pd.DataFrame, column: str) -> float:
    """One goal's published total over its periods: the total the goal table states beside periods
    the small-count rule hides (``total``), else the sum of the periods shown."""
    if "total" in rows and rows["total"].notna().any():
        return float(rows["total"].dropna().iloc[0])
    return float(rows[column].fillna(0).sum())


def goal_successes(goal_table: pd.DataFrame | None) -> tuple[int, ...]:
    """Each goal's published total of successes among the ended: an outcome goal's counts over its
    observed periods (or the total it states beside periods the small-count rule hides), a share goal's
    numerators (a share of too few, or a period hidden, is not shown and not counted)."""
    if goal_table is None or goal_table.empty:
        return ()
    t = goal_table[goal_table["mode"] == "observed"]
    out = []
    for _, g in t[t["kind"] == "outcome_count"].groupby("goal_id", sort=False):
        if g["value"].notna().any() or ("total" in g and g["total"].notna().any()):
            out.append(int(_published_total(g, "value")))
    # (a share of who takes part counts a trait of those enrolled, not successes among the ended)
    shares = t[(t["kind"] == "share") & ~(t["composition"].fillna(False).astype(bool) if "composition" in t else False)]
    for _, g in shares.groupby("goal_id", sort=False):
        if g["numerator"].notna().any():
            out.append(int(g["numerator"].sum()))
    return tuple(out)


def group_successes(project: Project, goal_table: pd.DataFrame | None
                    ) -> tuple[tuple[tuple[int, int | None], ...], tuple[int, ...]]:
    """The goals that count the project's own success (:func:`project_successes`: the same outcomes, or an
    action plan), as the goal table publishes them. First each such goal's total of successes over its observed
    periods and, for a share of the exits leaving out the same outcomes as the success share, its total of exits
    (``None`` otherwise); then the totals of those set for everyone (no ``among:``). The project's successes and
    exits less a goal's are those outside it: a group's (``among:``) others, and for a goal over everyone per project
    year those who began in a pre-study."""
    if goal_table is None or goal_table.empty or not project.has_participants:
        return (), ()
    d = project_successes(project).definition
    t = goal_table[goal_table["mode"] == "observed"]
    groups: list[tuple[int, int | None]] = []
    everyone: list[int] = []
    for g in project.params.goals:
        same = (g.numerator == "action_plan") if d.kind == "action_plan" else (
            g.numerator == "outcome" and set(g.success_outcomes) == set(d.outcomes))
        rows = t[t["goal_id"] == g.id]
        if not same or rows.empty or g.after_exit_months is not None:  # (months after exit: other persons' counts)
            continue
        if g.per_household and households_of(project.participants) < persons_of(project.participants):
            continue  # (households, not the persons the successes are: no breakdown of them)
        if g.kind == "outcome_count" and (rows["value"].notna().any() or rows["total"].notna().any()):
            n, exits = int(_published_total(rows, "value")), None
        elif g.kind == "share" and rows["numerator"].notna().any():
            n = int(rows["numerator"].sum())
            same_exits = g.denominator == "exits" and set(g.exclude_from_denominator) == set(d.exclude)
            exits = int(rows["denominator"].sum()) if same_exits else None
        else:
            continue
        if g.among is None:
            everyone.append(n)
        # (a goal over everyone is a group's too: its project years leave out those who began in a pre-study, and
        # the project's successes less its total are theirs; where it counts everyone, the difference is 0)
        groups.append((n, exits))
    return tuple(groups), tuple(everyone)


def counts(project: Project, goal_table: pd.DataFrame | None = None, through: dt.date | None = None) -> Counts:
    """The counts of persons a report about ``project`` states beside its goal totals; with ``through``,
    the counts a cost per person of the budget periods settled so far divides by (the participants who had
    started by that day, and what had happened to them by then)."""
    if not project.has_participants:
        return Counts(0, 0, 0, 0, 0, 0)
    df = project.participants
    sc = project_successes(project, through=through)
    if through is not None:
        df = df[df[S.START_DATE] <= pd.Timestamp(through)]
        ended = df[S.END_DATE].notna() & (df[S.END_DATE] <= pd.Timestamp(through))
    else:
        ended = df[S.END_DATE].notna()
    # (as the cost-benefit model counts them: an exit from another support at start leaves no försörjningsstöd)
    exits = leavers(project, df, project.params.cost_benefit.success_outcomes, through)
    n = persons_of(df)  # (the number of participants: persons, one enrolled twice once)
    ongoing = int(df[S.ONGOING].sum()) if through is None else len(df) - int(ended.sum())
    d = sc.definition
    successes = d.is_success(df) & ended & ~df[S.OUTCOME].isin(d.exclude)  # (the rows project_successes counts)
    same = through is None and bool(exits.any()) and bool((successes == exits).all())
    return Counts(n, ongoing, sc.base, sc.successes, int(ended.sum()), int(exits.sum()),
                  participants_in_goals(goal_table, n) if goal_table is not None else False,
                  goal_successes(goal_table), *(group_successes(project, goal_table) if through is None else ((), ())),
                  successes_are_exits=same,
                  exits_in_goals=through is None and exits_in_goals(project, goal_table, exits),
                  ended_in_goals=through is None and ended_in_goals(project, goal_table, int(ended.sum())),
                  base_in_goals=through is None and ended_in_goals(project, goal_table, sc.base, frozenset(d.exclude)))


def _counted(project: Project, goal_table: pd.DataFrame | None, counted: Counts | None) -> Counts:
    """``counted`` where the caller passes the report's :func:`counts`, else :func:`counts` of ``project`` and
    ``goal_table``."""
    return counts(project, goal_table) if counted is None else counted


def ended_in_goals(project: Project, goal_table: pd.DataFrame | None, ended: int,
                   exclude: frozenset[str] = frozenset()) -> bool:
    """Whether a share goal over everyone's exits (no ``among:``, nothing left out of its denominator) states the
    number ended as its published denominator: every period shown, their denominators summing to ``ended``.

    With ``exclude``, whether such a goal that leaves those outcomes out of its denominator (as the project's
    success share does) states ``ended``, then the number of ended it counts (``Counts.base``), the same way."""
    if goal_table is None or goal_table.empty or not ended:
        return False
    t = goal_table[goal_table["mode"] == "observed"]
    for g in project.params.goals:
        rows = t[t["goal_id"] == g.id]
        if (g.kind != "share" or g.among is not None or g.composition or g.denominator != "exits"
                or set(g.exclude_from_denominator) != set(exclude) or rows.empty
                or not rows["denominator"].notna().all()):
            continue
        if int(rows["denominator"].sum()) == ended:
            return True
    return False


def exits_in_goals(project: Project, goal_table: pd.DataFrame | None, exits: pd.Series) -> bool:
    """Whether a goal over everyone publishes the exits from försörjningsstöd the cost-benefit counts (``exits``, a
    mask of the participants' rows, :func:`~evaltools.analysis.costbenefit.persistence.leavers`): an outcome goal, or
    a share goal's numerators, that counts the same rows (every ended participant with one of its outcomes is one of
    them, and no one else) and whose published total over its observed periods is their number. The count is then
    the project's accounting to its funder (docs/security.md), stated in the goal table whatever the rule withholds
    beside it. A goal whose periods hide some of them, or that counts others too (participants who had another
    support at start, other outcomes), does not publish it."""
    if goal_table is None or goal_table.empty or not exits.any():
        return False
    df = project.participants
    ended, x = df[S.END_DATE].notna(), int(exits.sum())
    t = goal_table[goal_table["mode"] == "observed"]
    for g in project.params.goals:
        rows = t[t["goal_id"] == g.id]
        if (g.among is not None or g.composition or g.numerator != "outcome" or rows.empty
                or g.after_exit_months is not None
                or (g.per_household and households_of(df) < persons_of(df))  # (households, not the persons left)
                or not bool(((ended & df[S.OUTCOME].isin(g.success_outcomes)
                              & ~(same_support(df) & g.default_successes)) == exits).all())):
            continue
        # (periods hidden beside no stated total: the periods shown tell no total, even where they add up to it)
        if "suppression" in rows and (rows["suppression"].fillna("") != "").any() and not (
                "total" in rows and rows["total"].notna().any()):
            continue
        if g.kind == "outcome_count" and (rows["value"].notna().any() or rows["total"].notna().any()):
            if int(_published_total(rows, "value")) == x:
                return True
        elif g.kind == "share" and rows["numerator"].notna().all() and int(rows["numerator"].sum()) == x:
            return True
    return False


# the figures that divide a cost by a count of persons: with a cost paid so far, by the persons of its periods
_PER_PERSON = frozenset({Secondary.COST_PER_PARTICIPANT, Secondary.COST_PER_SUCCESS, Secondary.COST_PER_EXIT})


def disclosure(project: Project, goal_table: pd.DataFrame | None = None, through: dt.date | None = None, *,
               counted: Counts | None = None) -> Disclosure:
    """Which secondary figures a report about ``project`` withholds (:func:`rule` on its
    :func:`counts`, with the project's ``privacy.min_count``).

    Parameters
    ----------
    project
        A loaded project.
    goal_table
        Its goal table (:func:`evaltools.analysis.goals.assess_goals`), to know whether a
        participant goal already states the number of participants; without it, it is taken not to.
    through
        The last day of the budget periods a running project's costs per person are paid for
        (:attr:`evaltools.analysis.costbenefit.CostSummary.per_person_through`): those costs are also
        withheld when the counts of persons by that day would tell a few persons' outcomes.
    counted
        Its :func:`counts` with ``goal_table``, where the caller has them already (a report counts once and
        passes them to every figure they decide); counted here otherwise.
    """
    k = project.params.privacy.min_count
    c = _counted(project, goal_table, counted)
    shown = rule(c, k)
    if through is None:
        return shown
    # (counts by that day equal to those the report states are stated: P − S is then public already)
    by_then = counts(project, None, through)
    same = (by_then.participants, by_then.successes) == (c.participants, c.successes)
    return Disclosure(k, shown.withheld | (rule(by_then, k, published=same).withheld & _PER_PERSON))


class HouseholdsSaid(StrEnum):
    """How page 1 says the households the participants live in (:func:`participant_households`)."""

    NOTHING = "nothing"  # every participant is a household of their own (or the participants are withheld)
    EXACT = "exact"  # "57 deltagare i 34 hushåll"
    FEW = "few"  # 1 to k − 1 households: "i färre än k hushåll"
    SOME = "some"  # 1 to k − 1 participants more than households: that some share one, without a number


@dataclass(frozen=True)
class Households:
    """The households the participants live in (``households``, of ``participants`` persons) and how they may
    be said (``said``)."""

    participants: int
    households: int
    said: HouseholdsSaid


def participant_households(project: Project, disclosure: Disclosure | None = None) -> Households:
    """How many households the participants live in, and how page 1 may say it under the small-count rule.

    Försörjningsstöd is paid per household, so a project of parents counts fewer households than participants.
    Nothing is said where every participant is a household of their own or where the number of participants is
    withheld (``disclosure``); a number of households of 1 to ``min_count − 1`` is said as "fewer than k", and where
    the participants are 1 to ``min_count − 1`` more than their households (a few live with another participant)
    the report says only that some share a household: the number would tell how few they are.

    Examples
    --------
    >>> import types
    >>> p = types.SimpleNamespace(has_participants=True, params=types.SimpleNamespace(privacy=types.SimpleNamespace(
    ...     min_count=5)), participants=pd.DataFrame({"person_id": list("ABCDEFGHIJKL"), "household_id": [
    ...     "H1", "H1", "H2", "H2", "H3", "H3", "H4", "H4", "H5", "H5", "H6", "H7"]}))
    >>> participant_households(p).said.value, participant_households(p).households
    ('exact', 7)
    """
    if not project.has_participants:
        return Households(0, 0, HouseholdsSaid.NOTHING)
    df, k = project.participants, project.params.privacy.min_count
    n, h = persons_of(df), households_of(df)
    if h >= n or (disclosure is not None and disclosure.hides(Secondary.PARTICIPANTS)):
        said = HouseholdsSaid.NOTHING
    elif hides(h, k):
        said = HouseholdsSaid.FEW
    elif hides(n - h, k):
        said = HouseholdsSaid.SOME
    else:
        said = HouseholdsSaid.EXACT
    return Households(n, h, said)


def payment_units_hidden(project: Project, units: int) -> bool:
    """Whether a count of the participants' households in the analyses of försörjningsstöd (the units the tables
    before and after start count, :func:`evaltools.analysis.comparison.payment_phases`' ``persons``) is withheld:
    where it is 1 to ``min_count − 1`` fewer than the households all participants live in (each person one where
    the file gives none), the difference is a count of participants the payments do not follow, most often those
    who had another support at start (sickness or activity compensation), which the participants table and the
    data-quality notes hide as a small count. "8" beside page 1's 9 participants would say that one of them was
    on another support.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(participants=pd.DataFrame({"person_id": list("ABCDEFGHI")}),
    ...                     params=SimpleNamespace(privacy=SimpleNamespace(min_count=5)))
    >>> payment_units_hidden(p, 8), payment_units_hidden(p, 9), payment_units_hidden(p, 4)
    (True, False, False)
    """
    return 0 < households_of(project.participants) - int(units) < project.params.privacy.min_count


def intake_per_year(project: Project) -> pd.Series | None:
    """The participants per project year of intake as page 1 and the evaluator's citable figures state them,
    or ``None`` where a year holds 1 to ``min_count − 1`` (then only the total is said: a small year could
    be read off it), or where 1 to ``min_count − 1`` persons were enrolled in more than one year (the years
    less the total would tell how many). The same rule as the intake-year rows of the participant chart and a participant goal's
    years in the goal table (:func:`evaltools.analysis.goals.hidden_periods`): a year of ``min_count`` or
    more is printed everywhere, whatever an outcome goal hides for that year, since it gives no hidden
    count back (docs/methods.md, small-count suppression)."""
    if not project.has_participants:
        return None
    # (persons: one enrolled twice in a year counts once in it, one enrolled in two years in each)
    per_year = project.participants.groupby(S.PROJECT_YEAR)[S.PERSON_ID].nunique()
    k = project.params.privacy.min_count
    # (the years less the participants are those counted in two years: 1 to k − 1 of them, "färre än 5 deltog båda
    # åren", would be told exactly by 6 år 1 and 8 år 2 beside 12 participants)
    overlap = int(per_year.sum()) - persons_of(project.participants)
    return None if any(hides(int(n), k) for n in per_year) or hides(overlap, k) else per_year


def exit_counts(project: Project, goal_table: pd.DataFrame | None = None, *,
                counted: Counts | None = None) -> tuple[int, int] | None:
    """The counts of exits from försörjningsstöd a report gives its cost-benefit figures over, where the count is
    ``k`` or more but withheld all the same (rule 4: those who ended without leaving it are 1 to k − 1); ``None``
    where the count is shown, or is itself 1 to k − 1 (then the range is 1 to k − 1,
    :attr:`evaltools.analysis.costbenefit.ExitRange.few`), or is zero.

    The benefit of ``X`` exits is ``X`` times a stated value of one exit (plus flows that come with none), so an
    exact benefit would give ``X`` back, and with the number ended ``E`` the few who did not leave. The range runs
    over the counts the published figures leave open, with ends that follow from published counts only: where ``E``
    is shown and those who did not leave are 1 to k − 1, ``E − (k − 1)`` to ``E − 1`` (it says no more than "fewer
    than k did not leave", as a ``<5`` cell does); where ``E`` is withheld too (it would give a goal's few), ``k``
    to the participants ``P``, so that the range's ends do not give ``E`` back. At a threshold of 2 the first
    would be the one count ``E − 1``, the count itself, so the second is used there too. Where the count is
    withheld as the successes of a goal's group are (rule 5) and those who did not leave are not few, it runs from
    the largest of ``k`` and the group's published successes (the same persons) to ``E`` (``P`` where ``E`` is
    withheld).

    Examples
    --------
    >>> c = Counts(30, 10, 20, 17, 20, 17, goal_successes=(12,))  # 20 ended, 17 left, 3 did not
    >>> rule(c, 5).hides(Secondary.EXITS), rule(c, 5).shows(Secondary.ENDED)
    (True, True)

    Where it is withheld because a goal over the project years leaves out a pre-study's few (rule 5), those who did
    not leave need not be few: the range runs from the goal's published successes (the same persons, among them) to
    the number ended. The ends are published counts either way.

    ``counted``: the report's :func:`counts` with ``goal_table``, where the caller has them (counted here otherwise).
    """
    return _exit_counts(_counted(project, goal_table, counted), project.params.privacy.min_count)


def _exit_counts(c: Counts, k: int) -> tuple[int, int] | None:
    """:func:`exit_counts` of the counts ``c`` at threshold ``k``."""
    shown = rule(c, k)
    if shown.shows(Secondary.EXITS) or hides(c.exits, k) or c.exits == 0:
        return None
    if hides(c.ended - c.exits, k):
        return (c.ended - (k - 1), c.ended - 1) if shown.shows(Secondary.ENDED) and k > 2 else (k, c.participants)
    # (withheld as the successes of a goal's group are, rule 5: the few outside the group are not those who did not
    # leave, so the count lies anywhere from the group's published successes, which are among them, to the number
    # ended, or the participants where that is withheld; before, E − 4 to E − 1 was given where 13 of 25 had left)
    low = max([k] + [n for n, _ in c.group_successes if c.successes_are_exits and n <= c.exits])
    return low, c.ended if shown.shows(Secondary.ENDED) else c.participants


def exits_public(project: Project, goal_table: pd.DataFrame | None = None, *, counted: Counts | None = None) -> bool:
    """Whether a goal of ``project`` publishes the exits from försörjningsstöd the cost-benefit counts
    (:func:`exits_in_goals`): then the cost-benefit's figures are exact, whatever the count
    (:func:`evaltools.analysis.costbenefit.published`), and rule 4 does not withhold it. ``counted``: the report's
    :func:`counts` with ``goal_table``, where the caller has them (counted here otherwise)."""
    return _counted(project, goal_table, counted).exits_in_goals


def exits_withheld(project: Project, goal_table: pd.DataFrame | None = None, *, counted: Counts | None = None) -> bool:
    """Whether a report of ``project`` withholds the count of exits from försörjningsstöd its cost-benefit counts:
    1 to k − 1 of them, or k or more withheld all the same (:func:`exit_counts`), and no goal publishes them
    (:func:`exits_public`). Then no figure may be worked out from the count either, such as a deadweight that is
    the comparison group's share who left over the participants' (:func:`evaltools.analysis.costbenefit.cost_benefit`).
    ``counted``: the report's :func:`counts` with ``goal_table``, where the caller has them (counted here otherwise).
    """
    c, k = _counted(project, goal_table, counted), project.params.privacy.min_count
    if c.exits_in_goals:  # (exits_public)
        return False
    return _exit_counts(c, k) is not None or hides(c.exits, k)


def published_cost_benefit(project: Project, goal_table: pd.DataFrame | None = None, *,
                           counted: Counts | None = None, **options) -> CostBenefitResult:
    """The cost-benefit of ``project`` as its report publishes it: the one account the report's pages and
    workbook, the portfolio's row and the what-if panel all give.

    :func:`~evaltools.analysis.costbenefit.cost_benefit`, with no deadweight worked out from a count of exits the
    report withholds (:func:`exits_withheld`), then :func:`~evaltools.analysis.costbenefit.published` over the
    counts of exits the published figures leave open (:func:`exit_counts`) or, where a goal publishes the exits
    (:func:`exits_public`), the exact figures. The three questions read one :func:`counts` and one rule.

    Parameters
    ----------
    project
        A loaded project (for what-if assumptions, ``project.with_params(cost_benefit={...})``: the assumptions
        change no count of persons).
    goal_table
        The project's goal table (:func:`~evaltools.analysis.goals.assess_goals`), which says whether a goal
        publishes the exits or the number ended.
    counted
        The report's :func:`counts` with ``goal_table``, where the caller has them (counted here otherwise).
    **options
        Passed to :func:`~evaltools.analysis.costbenefit.cost_benefit` (``monte_carlo``, ``effect``,
        ``payments``, ``reference_dates``, ``lang``, ``cost_basis``).
    """
    c, k = _counted(project, goal_table, counted), project.params.privacy.min_count
    between = _exit_counts(c, k)
    public = c.exits_in_goals  # (exits_public)
    withheld = not public and (between is not None or hides(c.exits, k))  # (exits_withheld)
    return published(cost_benefit(project, exits_withheld=withheld, **options), between, public)


def fewest_hidden(counts: Sequence[int], k: int, sums: Sequence[Sequence[int]],
                  known: Sequence[bool] = (), withheld: Sequence[Sequence[int]] = ()) -> list[bool]:
    """Which counts of one breakdown (the outcome kinds) to hide: those from 1 to k − 1, and the fewest others
    that keep each of them from being worked out from the sums the report publishes.

    Parameters
    ----------
    counts
        The breakdown's counts of persons.
    k
        Smallest count that may be shown.
    sums
        Positions of counts whose total the report publishes (the breakdown's total, the exits from
        försörjningsstöd, page 1's successes, a goal's successes by outcome).
    known
        Counts the report states elsewhere as they are: never hidden (hiding them protects no one), never
        chosen to protect another, and read as shown.
    withheld
        Positions of counts whose total the report withholds (the number ended, where the differencing rule
        withholds it): the counts shown must not add up to it, nor give it with the published sums, so where no
        count is small the fewest that keep it back are hidden all the same.

    Returns
    -------
    list of bool
        True for each count to hide. Of the sets of counts that protect, the one with the fewest counts is
        hidden, and of those the one holding the fewest persons (the smallest counts, so what is withheld is
        least); a count inside a published sum is chosen only where it does not call for one more. Before, the
        next-smallest count of each sum was hidden in turn, and a small project whose page 1 states the 39 who
        went to work or subsidised work lost arbete, arbete med stöd and studier beside flyttat 3, where
        avbrott 13 (in no sum but the total) alone protected it. Where no set protects (every other count is
        known), every count that may be hidden is.
    """
    values = [int(v) for v in counts]
    stated = list(known) or [False] * len(values)
    primary = {i for i, v in enumerate(values) if 0 < v < k and not stated[i]}
    lines = [sorted(set(s)) for s in sums if len(set(s)) > 0]
    # (a withheld total of zero persons tells nothing: there is nothing to keep back)
    secret = [sorted(set(s)) for s in withheld if any(values[i] > 0 for i in set(s))]
    if not primary and not secret:
        return [False] * len(values)
    others = [i for i, v in enumerate(values) if v > 0 and i not in primary and not stated[i]]
    for size in range(len(others) + 1):
        protecting = [c for c in combinations(others, size)
                      if _protected(values, k, lines, primary | set(c), secret)]
        if protecting:
            chosen = min(protecting, key=lambda c: (sum(values[i] for i in c), c))
            return [i in primary or i in chosen for i in range(len(values))]
    return [i in primary or i in others for i in range(len(values))]


def _protected(values: list[int], k: int, lines: list[list[int]], hidden: set[int],
               secret: Sequence[Sequence[int]] = ()) -> bool:
    """Whether no hidden count follows from the published sums and the counts shown: neither by subtraction,
    from one sum or from several together (a count is recovered where its unit vector lies in the span of the
    sums over the hidden counts), nor from the bounds the marks give them (two "<5" whose sum, a published total
    less the counts shown, is 8 are 4 and 4), over each sum and each difference of two nested sums; and no
    withheld total (``secret``) follows either: it holds a hidden count, and its sum over the hidden counts lies
    outside the span of the published sums."""
    cols = sorted(hidden)
    if not cols:
        return not secret
    over = [[i for i in line if i in hidden] for line in lines]
    rows = np.array([[1.0 if c in line else 0.0 for c in cols] for line in over if line] or [[0.0] * len(cols)])
    rank = np.linalg.matrix_rank(rows)
    targets = [np.eye(len(cols))[j] for j in range(len(cols))]
    for total in secret:
        vector = np.array([1.0 if c in total else 0.0 for c in cols])
        if not vector.any():
            return False
        targets.append(vector)
    for unit in targets:
        if np.linalg.matrix_rank(np.vstack([rows, unit])) == rank:
            return False
    sets = [set(line) for line in over if line]
    derived = sets + [b - a for a in sets for b in sets if a < b]
    return not any(len(s) > 1 and _recoverable(np.array([values[i] for i in sorted(s)], float), k) for s in derived)
