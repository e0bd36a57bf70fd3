"""Who took part and how outcomes differ between cohorts.

Every table meant for a report is small-count suppressed (``.table``); the unsuppressed numbers
are in ``.raw``. Tests and intervals come from scipy and statsmodels.
"""
from __future__ import annotations

import contextlib
import gc
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from statsmodels.discrete.discrete_model import Logit
from scipy import stats
from statsmodels.duration.survfunc import CumIncidenceRight, SurvfuncRight
from statsmodels.stats.proportion import proportion_confint

from ..data import schema as S
from .goals import (period_windows, CI_METHOD, SuccessDefinition, goal_same_support, project_definition,
                    success_definition)
from ..data.project import Project
from ..data.privacy import (SECONDARY, already_published, apply_mask, hides, suppress_crosstab, suppress_long, suppressed_label, suppression_mask)
from ..data.errors import EvaltoolsError
from ..data.arguments import check_choice, check_days, check_names
from ..data.messages import message
from ..data.validation import enrolment_counts, persons_of
from .result import Categories, Codes, Note, Result, Variables
from .goals import GoalAssessment, assess_goals

BREAKDOWNS = (S.SEX, S.AGE_GROUP, S.HOUSEHOLD_TYPE, S.PROJECT_YEAR, S.SUPPORT_START, S.SGI_STATUS, S.MUNICIPALITY)
RATE_BREAKDOWNS = (S.PROJECT_YEAR, S.SEX, S.AGE_GROUP, S.HOUSEHOLD_TYPE, S.MUNICIPALITY, S.SUPPORT_START)
# Rate breakdowns shown only where the ended participants came from two or more known supports (sjukpenning,
# aktivitetsersättning, försörjningsstöd): a project whose every participant started on försörjningsstöd has one
# group, whose rate is the total. (The participants table shows the support at start all the same.)
RATES_ONLY_WHEN_SEVERAL = (S.SUPPORT_START,)
# Breakdowns shown only where the participants differ in them: a project of one municipality has no
# breakdown by municipality (every participant in one group says nothing), one of several has; a project whose
# participants all started in one project year has no breakdown by intake year (its one row repeats the total).
ONLY_WHEN_SEVERAL = (S.MUNICIPALITY, S.PROJECT_YEAR)
# the breakdown variables an error message offers when a notebook asks for a column the participants lack
BREAKDOWN_CHOICES = (S.PROJECT_YEAR, S.SEX, S.AGE_GROUP, S.HOUSEHOLD_TYPE, S.MUNICIPALITY, S.SUPPORT_START,
                     S.SGI_STATUS, S.EDUCATION)


def several_municipalities(project: Project) -> bool:
    """Whether the participants come from two or more municipalities (known ones)."""
    return project.has_participants and not _one_group(project.participants, S.MUNICIPALITY)


def _one_group(df: pd.DataFrame, var: str, several: tuple[str, ...] = ONLY_WHEN_SEVERAL) -> bool:
    """Whether ``var`` is a breakdown shown only where the participants differ in it (one of ``several``), and
    they do not (fewer than two known values)."""
    if var not in several:
        return False
    return var not in df or df.loc[df[var] != S.UNKNOWN, var].nunique() < 2


def _k(project: Project) -> int:
    return project.params.privacy.min_count


ALL = "all"  # the group of :func:`time_to_exit` when it is not broken down: every participant


class Composition(Result):
    """Participants by sex, age group, household type, intake year, support at start, SGI."""



class NoParticipantsError(EvaltoolsError, ValueError):
    """Raised when a participant analysis is asked of a project without participant data."""


def _require_participants(project: Project, lang: str | None) -> None:
    """A clear message, not a KeyError, for a structural project or an application check."""
    if not project.has_participants:
        raise NoParticipantsError(message("project.no_participant_data", lang or project.params.language,
                                          id=project.params.id))


def _breakdowns(project: Project, name: str, value: object, where: str, lang: str | None) -> tuple[str, ...]:
    """The breakdown variables ``value`` names (one name or several) when the participant table has
    them; otherwise a :class:`~evaltools.data.errors.ParamsError` naming each unknown one and the
    variables to write."""
    return check_names(name, value, tuple(project.participants.columns), BREAKDOWN_CHOICES, where,
                         lang or project.params.language)


def composition(project: Project, by: tuple[str, ...] = BREAKDOWNS, lang: str | None = None) -> Composition:
    """Who took part? Counts and shares of participants for each breakdown variable.

    Parameters
    ----------
    project
        A loaded project.
    by
        The variables to break down by, columns of ``project.participants`` (default: sex, age
        group, household type, intake year, support at start, SGI status, municipality); one name
        (``"sex"``) or several (``("sex", "age_group")``). A name the participants lack raises a
        :class:`~evaltools.data.errors.ParamsError` that names it and the variables to write.
    lang
        ``"sv"`` or ``"en"``: the language of messages about the data; the result holds codes only
        (its display language is set by the result's context, see :func:`evaltools.outcome_rates`).

    Returns
    -------
    Composition
        ``table``: variable, category (codes), n (persons: a person enrolled twice counts once in each
        group they were in, so an intake year counts the persons who started in it), share (of the
        participants, persons), with counts below the privacy threshold
        hidden (a variable unknown, ``okänt``, for every participant has no rows); ``raw``: the
        same unsuppressed. Labels in a language:
        :func:`evaltools.words.labels.with_breakdown_labels`.

    Examples
    --------
    >>> et.composition(project, by=("sex", "age_group"))  # doctest: +SKIP
    """
    _require_participants(project, lang)
    asked = by is not BREAKDOWNS  # (a breakdown named and left out is said; the default ones are left out quietly)
    by = _breakdowns(project, "by", by, "composition", lang)
    df = project.participants
    total = persons_of(df)  # (participants are persons: one enrolled twice is one of them)
    rows, left_out = [], []
    for var in by:
        if len(df) and (df[var] == S.UNKNOWN).all():  # unknown for everyone (a column the file lacks): nothing to show
            left_out.append(var)
            continue
        if _one_group(df, var):  # one municipality, or one intake year: no breakdown by it
            left_out.append(var)
            continue
        # each person once in each group they were in (a person enrolled in two intake years is in both)
        once = df.drop_duplicates([S.PERSON_ID, var]) if S.PERSON_ID in df else df
        counts = once[var].value_counts(dropna=False).sort_index()
        for cat, n in counts.items():
            rows.append({"variable": var, "category": cat, "n": int(n), "share": n / total if total else np.nan})
    raw = pd.DataFrame(rows, columns=["variable", "category", "n", "share"])
    table = _hide_overlap(raw, suppress_long(raw, "n", "variable", _k(project), ("share",)), total, _k(project))
    # (a breakdown asked for and left out is said, not dropped silently)
    gone = (Note.of("note.breakdowns_left_out", which=Variables(tuple(left_out))),) if left_out and asked else ()
    return Composition(table, raw, (Note.of("note.counts_hidden", k=_k(project)), *gone))


def _hide_overlap(raw: pd.DataFrame, table: pd.DataFrame, total: int, k: int) -> pd.DataFrame:
    """The composition ``table`` with one more count hidden (``..``, the smallest shown) in each breakdown whose
    groups, shown whole, would add up to 1 to ``k − 1`` more than the ``total`` participants: those are persons
    counted in two groups (enrolled in both project years, say), and the sum less the total would tell how many
    (page 1 says "färre än 5"). A breakdown with a count hidden already publishes no sum."""
    out = table.copy()
    for _, rows in raw.groupby("variable", sort=False):
        shown = [i for i in rows.index if not isinstance(out.at[i, "n"], str)]
        if len(shown) < len(rows) or not hides(int(rows["n"].sum()) - total, k):
            continue
        smallest = min((i for i in shown if int(rows.at[i, "n"]) > 0), key=lambda i: int(rows.at[i, "n"]))
        out["n"], out["share"] = out["n"].astype(object), out["share"].astype(object)
        out.at[smallest, "n"] = out.at[smallest, "share"] = SECONDARY
    return out


@dataclass(frozen=True)
class Flows(Result):
    """Intake and exits per month (``freq="M"``) or per quarter (``freq="Q"``); the column ``month``
    holds the period either way."""

    freq: str = "M"


def flows(project: Project, lang: str | None = None, freq: str = "M") -> Flows:
    """How many started and ended each month (or quarter)?

    Parameters
    ----------
    project
        A loaded project.
    lang
        Not used for the numbers; kept for a uniform signature.
    freq
        ``"M"`` for months or ``"Q"`` for quarters (anything else raises a
        :class:`~evaltools.data.errors.ParamsError` naming the two).

    Returns
    -------
    Flows
        ``table``: month (the month, or the quarter written ``2024Q1``), intake, exits, suppressed
        per cell and against every published total (column totals, project years); ``raw``:
        unsuppressed; ``freq``: as given.

    Examples
    --------
    >>> et.flows(project, freq="Q")  # doctest: +SKIP
    """
    _require_participants(project, lang)
    check_choice("freq", freq, ("M", "Q"), "flows", lang or project.params.language)
    df = project.participants
    start = df[S.START_DATE].dt.to_period(freq).value_counts()
    end = df[S.END_DATE].dropna().dt.to_period(freq).value_counts()
    if len(start):
        months = pd.period_range(start.index.min(), max(start.index.max(), end.index.max() if len(end) else start.index.max()), freq=freq)
    else:
        months = pd.PeriodIndex([], freq=freq)
    raw = pd.DataFrame({"month": months.astype(str), "intake": start.reindex(months, fill_value=0).to_numpy(),
                        "exits": end.reindex(months, fill_value=0).to_numpy()})
    # the report also publishes intake (and, through goals, exits) per project year, and per calendar
    # year when a goal uses calendar years: where such a year is made of whole periods, its periods
    # are a published sum too, so one hidden period in it could otherwise be worked out
    lines = [(rows.tolist(), j) for rows in _whole_periods_in_years(months, project.params) for j in (0, 1)]
    supp = suppress_crosstab(raw[["intake", "exits"]], _k(project), col_totals=True, row_totals=False, lines=lines)
    table = pd.concat([raw[["month"]], supp], axis=1)
    return Flows(table, raw, (), freq=freq)


def _whole_periods_in_years(periods: pd.PeriodIndex, params) -> list[np.ndarray]:
    """For each project year (and calendar year, when a goal counts by calendar year) made of
    whole periods of ``periods``: the positions of those periods."""
    units = ["project_year"] + (["calendar_year"] if any(g.period == "calendar_year" for g in params.goals) else [])
    if len(periods) == 0:
        return []
    first, last = periods.start_time, periods.end_time.normalize()
    out = []
    # (the pre-study, before period.implementation_start, is a published intake of its own beside the project years)
    spans = [(w.first, w.last) for unit in units for w in period_windows(params, unit)] \
        + ([params.period.prestudy] if params.period.prestudy is not None else [])
    for span in spans:
        a, b = pd.Timestamp(span[0]), pd.Timestamp(span[1])
        inside = (first >= a) & (last <= b)
        straddles = ((first < a) & (last >= a)) | ((first <= b) & (last > b))
        if inside.sum() > 1 and not straddles.any():
            out.append(np.flatnonzero(inside))
    return out


@dataclass(frozen=True)
class OutcomeComparison(Result):
    """Rates of successful outcome by cohort, each with an exact (Clopper–Pearson) 95 % interval, and a
    test of difference per variable.

    ``definition`` is what was counted as a success: the project's main goal's definition
    (:func:`evaltools.analysis.goals.success_definition`), or ``None`` when the caller chose the outcome codes.
    ``by_enrolment`` says that its ``n`` (ended) counts enrolments, not persons: some person was enrolled more
    than once (:attr:`evaltools.data.validation.Enrolments.by_enrolment`, the rule page 1 words its ended by).
    """

    definition: SuccessDefinition | None = None
    by_enrolment: bool = False


EXACT_LIMIT = 2_000_000  # tables with the observed margins enumerated at most; above it a seeded Monte Carlo
MONTE_CARLO_DRAWS = 100_000
FISHER_SEED = 20261123  # the default seed of params.cost_benefit.seed; callers pass the project's own


def _count_tables(rows: np.ndarray, k: int) -> int:
    """Number of r x 2 tables with row totals ``rows`` and first-column total ``k`` (exact integers)."""
    ways = [1] + [0] * k  # ways[s]: ways to place s successes in the rows seen so far
    for n in rows:
        ways = [sum(ways[max(0, s - int(n)):s + 1]) for s in range(k + 1)]
    return ways[k]


def _tables(rows: np.ndarray, k: int) -> np.ndarray:
    """Every r x 2 table with row totals ``rows`` and first-column total ``k``, as first columns
    (one table per row of the result)."""
    rows = rows.astype(np.int64)
    room = np.concatenate([np.cumsum(rows[::-1])[::-1][1:], [0]])  # what the later rows can still hold
    part = np.zeros((1, 0), np.int64)
    used = np.zeros(1, np.int64)
    for i, n in enumerate(rows):
        x = np.arange(n + 1)
        cand_used = used[:, None] + x[None, :]
        ok = (cand_used <= k) & (cand_used + room[i] >= k)
        r_idx, x_idx = np.nonzero(ok)
        part = np.column_stack([part[r_idx], x[x_idx]])
        used = cand_used[r_idx, x_idx]
    return part


@dataclass(frozen=True)
class FisherResult:
    """Fisher's test of an r x 2 table: ``method`` is ``"exact"`` (every table with the observed
    margins enumerated) or ``"monte_carlo"`` (seeded; ``draws`` tables)."""

    pvalue: float
    method: str
    draws: int = 0
    seed: int | None = None


def fisher_r_by_2(table: np.ndarray, seed: int = FISHER_SEED, limit: int = EXACT_LIMIT) -> FisherResult:
    """Fisher's exact test of independence for an r x 2 table (rows: groups; columns: success, other).

    The p-value is the probability, under independence with both margins fixed, of a table no
    more probable than the observed one (the definition of R's ``fisher.test`` and of SciPy). Each
    table's probability is the multivariate hypergeometric probability of its first column
    (``scipy.stats.multivariate_hypergeom``); the tables are enumerated exactly when there are at
    most ``limit`` of them. Larger tables get SciPy's Monte Carlo version of the same test
    (``scipy.stats.fisher_exact`` with ``MonteCarloMethod``), seeded with ``seed`` so that the same
    data give the same p-value, and labelled as such. 2 x 2 tables use SciPy's exact test.
    """
    table = np.asarray(table, np.int64)
    if table.shape == (2, 2):
        return FisherResult(float(stats.fisher_exact(table).pvalue), "exact")
    rows, k = table.sum(axis=1), int(table[:, 0].sum())
    if _count_tables(rows, k) > limit:
        method = stats.MonteCarloMethod(n_resamples=MONTE_CARLO_DRAWS, rng=np.random.default_rng(seed))
        p = float(np.ravel(stats.fisher_exact(table, method=method).pvalue)[0])
        return FisherResult(p, "monte_carlo", MONTE_CARLO_DRAWS, seed)
    every = _tables(rows, k)
    logp = stats.multivariate_hypergeom.logpmf(every, m=rows, n=k)
    observed = stats.multivariate_hypergeom.logpmf(table[:, 0], m=rows, n=k)
    # tables as probable as the observed one count as "as extreme": the relative tolerance SciPy uses
    p = float(np.exp(logp[logp <= observed + np.log1p(1e-7)]).sum())
    return FisherResult(min(p, 1.0), "exact")


def _test(table: np.ndarray, seed: int = FISHER_SEED) -> tuple[str, float]:
    """Fisher's exact test when any expected count is below 5, otherwise chi-square.

    Fisher is exact (enumerated) for every table of a normal project; a table too large to
    enumerate gets a seeded Monte Carlo p-value, labelled "Fisher (MC)".
    """
    table = table[table.sum(axis=1) > 0]
    if table.shape[0] < 2 or (table.sum(axis=0) == 0).any():
        return "–", np.nan
    expected = stats.contingency.expected_freq(table)
    if (expected < 5).any():
        res = fisher_r_by_2(table, seed)
        return ("Fisher" if res.method == "exact" else "Fisher (MC)"), res.pvalue
    return "chi2", float(stats.chi2_contingency(table, correction=table.shape == (2, 2)).pvalue)


def _ended_with_success(project: Project, d: SuccessDefinition | None,
                        codes: tuple[str, ...] = ()) -> pd.DataFrame:
    """The participants who have ended, with a boolean column ``success``: under the main goal's
    definition ``d`` (those its denominator leaves out are left out here too), or, when ``d`` is
    ``None``, an exit to one of ``codes``."""
    df = project.participants[~project.participants[S.ONGOING]].copy()
    if d is None:
        df["success"] = df[S.OUTCOME].isin(codes)
        return df
    if d.exclude:
        df = df[~df[S.OUTCOME].isin(d.exclude)].copy()
    df["success"] = d.is_success(df).to_numpy(bool)
    return df


def outcome_rates(project: Project, by: tuple[str, ...] = RATE_BREAKDOWNS, lang: str | None = None,
                  success_outcomes: tuple[str, ...] | None = None, goals: GoalAssessment | None = None) -> OutcomeComparison:
    """Which groups leave more often with a successful outcome? Rates of successful outcome by cohort.

    A successful outcome is what the project's main goal counts as one
    (:func:`evaltools.analysis.goals.success_definition`: an exit with a documented action plan, or an exit
    to one of the goal's outcomes), the same definition page 1 and the cost per success use. Only
    persons who have ended count (an ongoing person has no outcome yet); those the main goal's
    denominator leaves out (e.g. persons who moved away) are left out here too. Each rate gets an
    exact (Clopper–Pearson) 95 % interval, the method of the goal table (:data:`evaltools.analysis.goals.CI_METHOD`),
    so that a share that appears in both has one interval. Each variable gets one test of whether
    the rates differ: Fisher's exact test where any expected cell count is below 5 (exact, also for
    tables larger than 2x2), chi-square otherwise.

    Parameters
    ----------
    project
        A loaded project.
    by
        The variables to compare, columns of ``project.participants`` (default: intake year, sex,
        age group, household type, municipality, support at start; municipality, intake year and support at start
        only where the participants differ in it); one name (``"sex"``) or several. A name the
        participants lack raises a :class:`~evaltools.data.errors.ParamsError` that names it and the
        variables to write.
    lang
        ``"sv"`` or ``"en"``: the language of the main goal's name in ``definition`` and of messages
        about the data; default: the params file's. The table holds codes, not words: called as
        ``et.outcome_rates(project, lang="en")``, the parameter sets the language the result
        displays itself in (its context).
    success_outcomes
        Outcome codes to count instead of the main goal's definition (for exploration; the
        result's ``definition`` is then ``None`` and its headline says "the outcomes chosen"), one
        code (``"arbete"``) or several; a code that is not an outcome code
        (docs/data-contract.md, *Outcomes*) raises a :class:`~evaltools.data.errors.ParamsError`.
    goals
        The project's goal table (:func:`evaltools.analysis.goals.assess_goals`) when it is already
        computed: a rate row is hidden where it would reveal, beside the goal table's counts, a small
        count; without it the goal table is computed here.

    Returns
    -------
    OutcomeComparison
        ``table``: variable, category (codes), n (ended), successes, rate, ci_low, ci_high
        (Clopper–Pearson 95 %), test, p_value, p_holm; rows that could reveal a small count hidden.
        ``raw``: unsuppressed. ``definition``: what was counted. ``notes``: what was counted and how
        many tests were made (:class:`~evaltools.analysis.result.Note`). Labels in a language:
        :func:`evaltools.words.labels.with_breakdown_labels`.

    Examples
    --------
    >>> rates = et.outcome_rates(project)  # doctest: +SKIP
    >>> rates.display().to_excel("rates.xlsx", index=False)  # doctest: +SKIP
    """
    _require_participants(project, lang)
    asked = by is not RATE_BREAKDOWNS  # (a breakdown named and left out is said; the default ones are left out quietly)
    by = _breakdowns(project, "by", by, "outcome_rates", lang)
    if success_outcomes:  # a misspelt code would count no one, silently
        success_outcomes = check_names("success_outcomes", success_outcomes, tuple(S.OUTCOMES), tuple(S.OUTCOMES),
                                       "outcome_rates", lang or project.params.language)
    d = None if success_outcomes else project_definition(project, lang)
    # (someone came back: the ended are enrolments, and the result says so: Enrolments.by_enrolment)
    twice = enrolment_counts(project.participants).by_enrolment
    df = _ended_with_success(project, d, tuple(success_outcomes or ()))
    rows, left_out = [], []
    one_group: list[Note] = []
    for var in by:
        # one municipality, intake year or support at start: nothing to compare
        if _one_group(project.participants, var, ONLY_WHEN_SEVERAL + RATES_ONLY_WHEN_SEVERAL):
            left_out.append(var)
            continue
        # every participant in one group of any other breakdown (a project for women only): its one row would
        # repeat the total as a comparison with no one, so it is left out and a note names the group
        values = project.participants[var] if var in project.participants else pd.Series(dtype=object)
        known_values = values[values != S.UNKNOWN].dropna().unique()
        if len(known_values) < 2:
            if len(known_values) == 1 and values.notna().all() and (values != S.UNKNOWN).all():
                one_group.append(Note.of("note.rates_one_group", which=Variables((var,)),
                                         group=Codes(var, (str(known_values[0]),))))
            else:
                left_out.append(var)
            continue
        g = df.groupby(var, dropna=False)["success"].agg(["size", "sum"])
        # (those whose sex, age or household is not known are a row of the table, not a group the test compares:
        # a "difference between the sexes" must not come from the persons of unknown sex)
        known = g[g.index != S.UNKNOWN]
        test, p = _test(np.column_stack([known["sum"], known["size"] - known["sum"]]), project.params.cost_benefit.seed)
        for cat, r in g.iterrows():
            n, k = int(r["size"]), int(r["sum"])
            lo, hi = proportion_confint(k, n, method=CI_METHOD) if n else (np.nan, np.nan)
            rows.append({"variable": var, "category": cat, "n": n, "successes": k, "rate": k / n if n else np.nan, "ci_low": float(lo), "ci_high": float(hi), "test": test,
                         "p_value": p})
    # (with its columns where every breakdown is one group: a table without rows, still of the rates' shape)
    raw = pd.DataFrame(rows, columns=["variable", "category", "n", "successes", "rate", "ci_low", "ci_high", "test",
                                      "p_value"])
    # (a breakdown asked for and left out is said, not dropped silently)
    gone: tuple[Note, ...] = ((Note.of("note.breakdowns_left_out", which=Variables(tuple(left_out))),)
                              if left_out and asked else ())
    gone += tuple(one_group)
    if raw.empty:
        raw = raw.assign(p_holm=pd.Series(dtype=float))
        return OutcomeComparison(raw, raw, gone, definition=d, by_enrolment=twice)
    raw["p_holm"] = holm(raw)
    k = _k(project)
    hide, hide_n = _rate_rows_to_hide(raw, project.participants, k, _goal_counts(project, d, success_outcomes, goals))
    table = apply_mask(raw, pd.Series(hide, index=raw.index), ["successes"], k, ("rate", "ci_low", "ci_high"))
    table["n"] = apply_mask(raw, pd.Series(hide_n, index=raw.index), ["n"], k)["n"]
    # a test is shown only where every rate it compares is shown: a "difference" between hidden
    # rates would have no direction a reader could see
    untested = table.groupby("variable", sort=False)["variable"].transform(lambda v: hide[v.index].any()).astype(bool)
    table["test"] = table["test"].astype(object)
    table.loc[untested, "test"] = "–"
    table.loc[untested, ["p_value", "p_holm"]] = np.nan
    n_tests = int(raw.drop_duplicates("variable")["p_value"].notna().sum())
    counted = d if d is not None else Codes(S.OUTCOME, tuple(success_outcomes or ()))
    # (one breakdown tested: the p-value needs no adjustment, and "adjusted for the one breakdown" would say otherwise)
    tests_note = Note.of("note.rate_test_one") if n_tests == 1 else Note.of("note.rate_tests", n=n_tests)
    notes: tuple[Note, ...] = (Note.of("note.counted", definition=counted), tests_note)
    tested_unknown = table["p_value"].notna() & (table["category"] == S.UNKNOWN)
    if tested_unknown.any():  # (a row the test left out, beside the test's p-value)
        notes += (Note.of("note.rate_tests_unknown"),)
    if (raw["test"] == "Fisher (MC)").any():  # the seed is an identifier: written as it is, not as a number
        notes += (Note.of("note.fisher_mc", draws=MONTE_CARLO_DRAWS, seed=str(project.params.cost_benefit.seed)),)
    return OutcomeComparison(table, raw, notes + gone, definition=d, by_enrolment=twice)


def without_ended(rates: OutcomeComparison) -> OutcomeComparison:
    """The outcome rates by group as a report publishes them where the number ended is withheld.

    A breakdown whose groups all show their number ended adds up to it (6, 7 and 7 ended by age group beside a
    withheld number ended of 20 and a goal's 17 successes told the 3 without one). In each such breakdown one
    group's number is hidden (``..``): the smallest of those whose successes are hidden already, else the smallest,
    whose successes, rate and interval are hidden with it (a count over its rate is the number), and the
    breakdown's test with them, as where any rate it compares is hidden.

    >>> t = pd.DataFrame({"variable": ["age_group"] * 3, "category": ["a", "b", "c"], "n": [6, 7, 7],
    ...                   "successes": ["..", 7, "<5"], "rate": ["..", 1.0, ".."], "ci_low": ["..", 0.6, ".."],
    ...                   "ci_high": ["..", 1.0, ".."], "test": "Fisher", "p_value": 0.2, "p_holm": 0.4})
    >>> without_ended(OutcomeComparison(t)).table["n"].tolist()
    ['..', 7, 7]
    """
    table = rates.table.copy()
    if table.empty:
        return rates
    for col in ("n", "successes", "rate", "ci_low", "ci_high", "test"):
        table[col] = table[col].astype(object)
    for _, rows in table.groupby("variable", sort=False):
        if any(isinstance(v, str) for v in rows["n"]) or not any(int(v) > 0 for v in rows["n"]):
            continue
        counted = [i for i in rows.index if int(rows.at[i, "n"]) > 0]
        hidden = [i for i in counted if isinstance(rows.at[i, "successes"], str)]
        row = min(hidden or counted, key=lambda i: (int(rows.at[i, "n"]), list(rows.index).index(i)))
        table.loc[row, ["n", "successes", "rate", "ci_low", "ci_high"]] = SECONDARY
        table.loc[rows.index, "test"] = "–"
        table.loc[rows.index, ["p_value", "p_holm"]] = np.nan
    return replace(rates, table=table)


def without_successes(rates: OutcomeComparison, known: frozenset[tuple[str, object]] = frozenset()) -> OutcomeComparison:
    """The outcome rates by group as a report publishes them where the successes of the ended are withheld.

    A breakdown whose groups all show their successes adds up to them: after a pre-study, the women's 7 and the
    men's 6 told the project's 13 that page 1 withholds, and beside a goal's 12 over the project years, the 1 of
    the pre-study's 2 who went to work. In each such breakdown one group's successes are hidden (``..``): the
    fewest, of a group whose successes the report does not state elsewhere (``known``: ``(variable, category)``
    of the rows a goal's count per intake year states), with its rate and interval (a rate beside the group's
    number gives the count) and the breakdown's test, as where any rate it compares is hidden. The group's number
    ended stays (:func:`without_ended` hides it where that number is withheld too). A breakdown with a hidden
    count, of no success, or whose every success the report states elsewhere (the sum is then public) is kept.

    >>> t = pd.DataFrame({"variable": ["sex"] * 2, "category": ["kvinna", "man"], "n": [13, 12],
    ...                   "successes": [7, 6], "rate": [7 / 13, 0.5], "ci_low": [0.25, 0.2], "ci_high": [0.8, 0.8],
    ...                   "test": "Fisher", "p_value": 1.0, "p_holm": 1.0})
    >>> without_successes(OutcomeComparison(t)).table[["n", "successes", "rate"]].values.tolist()
    [[13, 7, 0.5384615384615384], [12, '..', '..']]
    """
    table = rates.table.copy()
    if table.empty:
        return rates
    for col in ("successes", "rate", "ci_low", "ci_high", "test"):
        table[col] = table[col].astype(object)
    for var, rows in table.groupby("variable", sort=False):
        if any(isinstance(v, str) for v in rows["successes"]):
            continue
        free = [i for i in rows.index if int(rows.at[i, "successes"]) > 0 and (var, rows.at[i, "category"]) not in known]
        if not free:
            continue
        row = min(free, key=lambda i: (int(rows.at[i, "successes"]), list(rows.index).index(i)))
        table.loc[row, ["successes", "rate", "ci_low", "ci_high"]] = SECONDARY
        table.loc[rows.index, "test"] = "–"
        table.loc[rows.index, ["p_value", "p_holm"]] = np.nan
    return replace(rates, table=table)


def stated_successes(project: Project, rates: OutcomeComparison, goals: GoalAssessment | None = None
                     ) -> frozenset[tuple[str, object]]:
    """The rows of ``rates`` whose successes a goal's count per project year of intake states as they are (the
    goal table's figures for the same persons): hiding them protects no one (:func:`without_successes`)."""
    if rates.definition is None or rates.table.empty:
        return frozenset()
    stated = _goal_counts(project, rates.definition, None, goals)
    out = set()
    raw = rates.raw if rates.raw is not None else rates.table
    for r in raw[raw["variable"] == S.PROJECT_YEAR].itertuples():
        said = stated.get(int(r.category), {}).get("success") if str(r.category).lstrip("-").isdigit() else None
        if said is not None and not pd.isna(said) and int(said) == int(r.successes):
            out.add((S.PROJECT_YEAR, r.category))
    return frozenset(out)


def holm(raw: pd.DataFrame) -> np.ndarray:
    """Holm-adjusted p-values (statsmodels ``multipletests``) over the tests of a long rate table,
    one test per variable; every row of a variable gets its variable's adjusted value."""
    from statsmodels.stats.multitest import multipletests
    per_var = raw.drop_duplicates("variable").set_index("variable")["p_value"]
    tested = per_var.dropna()
    adjusted = pd.Series(np.nan, index=per_var.index)
    if len(tested):
        with _no_forced_collection():
            adjusted[tested.index] = multipletests(tested.to_numpy(), method="holm")[1]
    return raw["variable"].map(adjusted).to_numpy(float)


@contextlib.contextmanager
def _no_forced_collection() -> Iterator[None]:
    """Within this block ``gc.collect()`` does nothing.

    statsmodels' Holm adjustment ends with ``gc.collect()``, a full collection of every object in the
    process, to free its few temporary arrays. In a report's kernel, with its frames and charts, that
    took 0.1–0.3 CPU-s for an adjustment of four p-values, and the report adjusts twice (the rate table,
    and again for the success model). Memory is still freed (by reference counting, and by the next
    automatic collection); the adjusted p-values are statsmodels' own.
    """
    collect = gc.collect
    gc.collect = lambda generation=2: 0  # (restored below)
    try:
        yield
    finally:
        gc.collect = collect


def _counts_as(goal, d: SuccessDefinition | None, codes: tuple[str, ...] | None) -> bool:
    """Whether ``goal``'s numerator counts the same successes as the rate table: the main goal's
    definition ``d``, or (``d`` is ``None``) the outcome codes ``codes``."""
    if d is not None and d.kind == "action_plan":
        return goal.numerator == "action_plan"
    wanted = d.outcomes if d is not None else tuple(codes or ())
    # (the same outcomes under the same-support rule count fewer: outcomes given as codes are read as written)
    rule = d.same_support_rule if d is not None else False
    return (goal.numerator == "outcome" and tuple(sorted(goal.success_outcomes)) == tuple(sorted(wanted))
            and goal_same_support(goal) == rule)


def _goal_counts(project: Project, d: SuccessDefinition | None, codes: tuple[str, ...] | None = None,
                 assessed: GoalAssessment | None = None) -> dict[int, dict[str, float]]:
    """Counts the goal table publishes per project year of intake: ``{year: {"success": n,
    "not_success": n}}``, from goals counted by intake year whose numerator counts the same
    successes (:func:`_counts_as`)."""
    out: dict[int, dict[str, float]] = {}
    if d is not None and d.exclude:  # the goal table's counts include those left out here: not the same cells
        return out
    goals = {g.id: g for g in project.params.goals}
    table = (assessed if assessed is not None else assess_goals(project)).table
    for r in table.itertuples():
        g = goals.get(r.goal_id)
        if (g is None or g.period != "project_year" or g.count_by != "intake" or r.mode != "observed"
                or not _counts_as(g, d, codes) or not str(r.period_key).startswith("år")):
            continue
        year = int(str(r.period_key)[2:])
        if g.kind == "outcome_count":
            out.setdefault(year, {})["success"] = r.value
        elif g.kind == "share" and g.denominator == "participants" and not g.exclude_from_denominator:
            out.setdefault(year, {}).update({"success": r.numerator, "not_success": r.denominator - r.numerator})
    return out


def _rate_rows_to_hide(raw: pd.DataFrame, participants: pd.DataFrame, k: int,
                       goal_counts: dict[int, dict[str, float]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rows of the outcome-rate table to hide, and the rows whose number ended is hidden with them.

    Each category splits into successes, other exits and persons still enrolled; with the
    composition table published beside it, any of the three could be worked out. A row is hidden
    when any of the three is small or must be hidden to protect another (primary and secondary
    suppression over the category x (success, other, ongoing) table), and in each variable either
    no row or at least two rows are hidden. Counts the goal table already publishes for an intake
    year (``goal_counts``) are not hidden (:func:`evaltools.data.privacy.already_published`).

    A hidden row's successes and rate are hidden; its number ended only where hiding it protects
    something: where the number is itself 1 to ``k - 1``, where the persons still enrolled in the group
    are hidden (the ended are the group less them), or where the participants table hides the group
    (:func:`composition`'s rule). Elsewhere it is the group's participants less a count the rule lets
    be known (Språngbrädan's 8 aged 60+, all ended, was shown as ``..`` beside the participants' 8).
    """
    hide = np.zeros(len(raw), bool)
    hide_n = np.zeros(len(raw), bool)
    for var, g in raw.groupby("variable", sort=False):
        idx = g.index.to_numpy()
        total = participants[var].value_counts(dropna=False).reindex(g["category"]).fillna(0).to_numpy()
        cells = pd.DataFrame({"success": g["successes"].to_numpy(), "other": (g["n"] - g["successes"]).to_numpy(),
                              "ongoing": total - g["n"].to_numpy()})
        published = None
        if var == S.PROJECT_YEAR and goal_counts:
            # success = the goal's numerator; other exits = its non-successes where no one of that year is still enrolled
            pub = pd.DataFrame(np.nan, index=cells.index, columns=cells.columns)
            for i, year in enumerate(g["category"]):
                gc = goal_counts.get(int(year), {})
                pub.loc[i, "success"] = gc.get("success", np.nan)
                if cells.loc[i, "ongoing"] == 0:
                    pub.loc[i, "other"] = gc.get("not_success", np.nan)
                    pub.loc[i, "ongoing"] = 0
            published = already_published(cells, pub)
        # (a copy: the array pandas returns may be read-only, and one more row may be hidden below)
        mask = suppression_mask(cells, k, published=published)
        # the participants table's counts (each person once per group) under its rule
        once = participants.drop_duplicates([S.PERSON_ID, var]) if S.PERSON_ID in participants else participants
        everyone = once[var].value_counts(dropna=False)
        in_composition = suppression_mask(everyone.to_frame("n"), k, row_totals=False)["n"]
        composition_hides = in_composition.reindex(g["category"]).fillna(True).to_numpy(bool)
        # a group the participants table hides is hidden here too: its number ended (all of the group, where no one is
        # still enrolled) or its rate's interval would give the count hidden there, and with it the few it protects
        # (the 5 aged 50–59, all ended, shown beside '..' told the 3 aged 18–29 behind '<5' by difference)
        rows = np.array(mask.any(axis=1), dtype=bool) | composition_hides
        if rows.sum() == 1 and len(rows) > 1:
            sizes = np.where(rows, np.inf, g["n"].to_numpy(float))
            rows[int(np.argmin(sizes))] = True
        hide[raw.index.get_indexer(idx)] = rows
        small = np.array([hides(n, k) for n in g["n"]], dtype=bool)
        hide_n[raw.index.get_indexer(idx)] = rows & (mask["ongoing"].to_numpy(bool) | small | composition_hides)
    return hide, hide_n


class SuccessModel(Result):
    """Logistic regression of success on cohort variables: odds ratios with 95 % intervals."""


# why a model could not be fitted: its code and the note that words it
MODEL_FAILURES = {"separation": "note.model_failed.separation", "singular": "note.model_failed.singular",
                  "other": "note.model_failed.other"}


def model_failure(error: BaseException) -> str:
    """Why a logistic regression could not be fitted, as a code the report words
    (``note.model_failed.<code>``), never the exception's class name.

    ``separation``: a category with only successes or only other exits (perfect or quasi-perfect
    separation; statsmodels says so, or its iterations do not converge towards finite odds ratios);
    ``singular``: two terms carry the same information (a singular design matrix); ``other``: any
    other failure.
    """
    name = type(error).__name__
    if "Separation" in name or "Convergence" in name:
        return "separation"
    if isinstance(error, np.linalg.LinAlgError) or "singular" in str(error).lower():
        return "singular"
    return "other"


def success_model(project: Project, covariates: tuple[str, ...] = (S.SEX, S.AGE_GROUP, S.PROJECT_YEAR),
                  lang: str | None = None, rates: OutcomeComparison | None = None) -> SuccessModel:
    """Do differences in success hold when the cohort variables are taken together?

    Odds ratios of a successful outcome (the main goal's definition, as in :func:`outcome_rates`)
    from a logistic regression (statsmodels ``Logit``), each variable adjusted for the others,
    against its most common category. With few events per
    parameter (< 10) or perfect separation the model is not fitted and the notes say why; odds
    ratios from such data would mislead.

    Parameters
    ----------
    project
        A loaded project.
    covariates
        The variables in the model, columns of ``project.participants`` (default: sex, age group,
        intake year); one name or several. A name the participants lack raises a
        :class:`~evaltools.data.errors.ParamsError` that names it and the variables to write.
    lang
        ``"sv"`` or ``"en"``: as in :func:`outcome_rates` (the table holds codes, not words).
    rates
        The project's :func:`outcome_rates` under the main goal's definition, where already computed
        (a term is shown only where the rate table shows both rates it compares); computed here
        otherwise. Rates computed for other outcome codes are not used.

    Returns
    -------
    SuccessModel
        ``table``: one row per term, a category compared with its variable's reference category:
        variable, category (codes), odds_ratio, ci_low, ci_high (95 %), p_value; empty with an
        explaining note when no model was fitted. The notes name the reference categories
        (:class:`~evaltools.analysis.result.Categories`) and the number of persons in the model.

    Examples
    --------
    >>> et.success_model(project, covariates=("sex", "household_type"))  # doctest: +SKIP
    """
    _require_participants(project, lang)
    covariates = _breakdowns(project, "covariates", covariates, "success_model", lang)
    df = _ended_with_success(project, success_definition(project.params, lang))
    df["success"] = df["success"].astype(int)
    codes = {c: {str(v): v for v in df[c].unique()} for c in covariates}  # each category's code, by its text
    for c in covariates:
        df[c] = df[c].astype(str)
    used = [c for c in covariates if df[c].nunique() > 1]
    n_params = sum(df[c].nunique() - 1 for c in used) + 1
    events = int(min(df["success"].sum(), len(df) - df["success"].sum()))
    empty = pd.DataFrame(columns=["variable", "category", "odds_ratio", "ci_low", "ci_high", "p_value"])
    if not used or events < 10 * n_params:  # (ten events of the rarer kind per estimated parameter)
        k = project.params.privacy.min_count
        if hides(events, k):  # "2 händelser" would say how few did (or did not) succeed: in words
            return SuccessModel(empty, empty, (Note.of("note.no_model_few", k=k, needed=10 * n_params),))
        return SuccessModel(empty, empty, (Note.of("note.no_model", events=events, needed=10 * n_params),))
    # treatment coding with the most common category of each variable as the reference
    parts = []
    for c in used:
        ref = df[c].value_counts().index[0]
        dummies = pd.get_dummies(df[c], prefix=c, prefix_sep="=", dtype=float).drop(columns=f"{c}={ref}")
        parts.append(dummies)
    x = pd.concat(parts, axis=1)
    x.insert(0, "Intercept", 1.0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fit = Logit(df["success"].astype(float), x).fit(disp=False)
    except Exception as e:  # separation or a singular design: say so instead of printing nonsense
        return SuccessModel(empty, empty, (Note.of(MODEL_FAILURES[model_failure(e)]),))
    ci = fit.conf_int()
    table = pd.DataFrame({"term": fit.params.index, "odds_ratio": np.exp(fit.params.to_numpy()),
                          "ci_low": np.exp(ci[0].to_numpy()), "ci_high": np.exp(ci[1].to_numpy()),
                          "p_value": fit.pvalues.to_numpy()})
    table = table[table["term"] != "Intercept"].reset_index(drop=True)
    # a term "sex=man" is the variable and the category's code, as in the rate table
    terms = [term.partition("=") for term in table["term"]]
    raw_table = table.drop(columns="term")
    raw_table.insert(0, "category", [codes[var][val] for var, _, val in terms])
    raw_table.insert(0, "variable", [var for var, _, _ in terms])
    # a term compares one category's odds with its reference category's: it is shown only where
    # the outcome-rate table shows both of their rates
    # (the rows of the rate table hidden for one variable do not depend on the other variables in it)
    if rates is None or rates.definition is None or not set(used) <= set(rates.table["variable"]):
        rates = outcome_rates(project, by=tuple(used), lang=lang)
    rate_table = rates.table
    shown = {(v, str(c)) for v, c, r in zip(rate_table["variable"], rate_table["category"], rate_table["rate"])
             if not isinstance(r, str)}
    refs = {c: str(df[c].value_counts().index[0]) for c in used}
    keep = np.array([(var, val) in shown and (var, refs[var]) in shown for var, _, val in terms], bool)
    table = raw_table[keep].reset_index(drop=True)
    notes: tuple[Note, ...] = (Note.of("note.odds_ratio", refs=Categories(tuple((c, codes[c][refs[c]]) for c in used))),
                               Note.of("note.model_n", n=int(fit.nobs)))
    if not keep.all():
        notes += (Note.of("note.terms_hidden", count="n", n=int((~keep).sum())),)
    return SuccessModel(table, raw_table, notes)


EXIT_TYPES = ("success", "other_exit")


@dataclass(frozen=True)
class TimeToExit(Result):
    """Cumulative incidence of each way of leaving the project by days since start, by cohort.

    A successful exit is what the project's main goal counts as a success
    (:func:`evaltools.analysis.goals.success_definition`, as in :func:`outcome_rates`); every other exit is
    another exit. Exits are competing events: a person who left for another reason can no longer leave with a
    successful outcome, so each exit type gets its Aalen–Johansen cumulative incidence (statsmodels
    ``CumIncidenceRight``) instead of one minus a Kaplan–Meier curve that censors the other exits
    (which overstates the chance of each). ``curves`` maps each group to its curves (day, success,
    other_exit and their standard errors), cut where fewer than the privacy threshold remain at risk.

    A group is a code: a category of the variable ``by`` (e.g. intake year ``1``), or :data:`ALL`
    when the participants are not broken down; the words layer names it
    (:func:`evaltools.words.cohorts.group_label`).
    """

    curves: dict = field(default_factory=dict)
    definition: SuccessDefinition | None = None
    by: str | None = None
    other_exits_shown: bool = True  # False: :func:`without_other_exits` (the number ended is withheld)


# what, beside the share with a successful outcome, tells how many have ended: the share that left another
# way, the share still in the project and the number still at risk (times a group's size, or by difference)
ENDED_COLUMNS = ("other_exit", "still_in_project", "at_risk")


def without_other_exits(tte: TimeToExit) -> TimeToExit:
    """The time in the project as a report publishes it where the number ended is withheld.

    Where a report withholds how many have ended (:class:`~evaltools.analysis.disclosure.Secondary`
    ``ENDED``: a main goal leaves 1 to k − 1 exits out of its base, whose count the number ended would give
    by difference), the share that left another way, the share still in the project and the number still at
    risk would give it again: with a group's size, the share still enrolled on a day after every exit is the
    number enrolled, and the number at risk then is that number. They are withheld
    (:data:`~evaltools.data.privacy.SECONDARY`) in the table, and the curves keep the successful exits only
    (the other way of leaving and the numbers at risk are dropped), so that the table, the chart and the
    workbook show the same object. The share with a successful outcome and the median time stay: the
    successes are published, and a median tells no count. ``raw`` keeps every figure for the evaluator.

    A day by which every person of a group had left, which :func:`time_to_exit` leaves out, is put back with its
    figures withheld (``–`` and ``..``): its missing row would tell that no one of the group was still enrolled
    (twelve who started in one quarter and no row at 365 days a year and a half later), and with the group's
    size the number ended.

    >>> import pandas as pd
    >>> t = TimeToExit(pd.DataFrame({"group": [0], "day": [365], "success": [0.4], "other_exit": [0.3],
    ...                             "still_in_project": [0.3], "at_risk": [6]}))
    >>> without_other_exits(t).table[["success", "other_exit", "at_risk"]].to_dict("records")
    [{'success': 0.4, 'other_exit': '..', 'at_risk': '..'}]
    """
    table = tte.table.copy()
    raw = tte.raw
    if len(table) and raw is not None and len(raw) and {"group", "day", "at_risk"} <= set(raw.columns):
        shown = set(zip(table["group"], table["day"]))
        gone = raw[[(g, d) not in shown and g in set(table["group"]) for g, d in zip(raw["group"], raw["day"])]]
        if len(gone):
            medians = table.drop_duplicates("group").set_index("group")
            back = gone[["group", "day"]].assign(success="–", **{c: medians.loc[gone["group"], c].to_numpy()
                                                                 for c in table.columns if c.startswith("median")})
            order = {key: i for i, key in enumerate(zip(raw["group"], raw["day"]))}
            table = pd.concat([table.astype(object), back.astype(object)], ignore_index=True)
            table = table.iloc[sorted(range(len(table)), key=lambda i: order.get(
                (table["group"].iloc[i], table["day"].iloc[i]), len(order)))].reset_index(drop=True)
    for col in ENDED_COLUMNS:
        if col in table:
            table[col] = pd.Series([SECONDARY] * len(table), index=table.index, dtype=object)
    curves = {g: c.drop(columns=[col for col in c.columns if col.startswith(("other_exit", "surv", "at_risk"))])
              for g, c in tte.curves.items()}
    return replace(tte, table=table, curves=curves, other_exits_shown=False)


def _quiet(f, *args, **kwargs):
    """Call a statsmodels estimator whose variance formula divides by zero at the last time
    point (it returns NaN there, which the tables treat as unknown)."""
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return f(*args, **kwargs)


# The days since start at which the time in the project is tabulated, and those of a project whose stays are short (a
# lotsfunktion or a mapping of 4–12 weeks: everyone had left, or had been in it for less than 90 days, by the analysis
# date), which the first would give one row of 30 days and none after
TIME_DAYS = (30, 90, 180, 365)
SHORT_STAY_DAYS = (14, 30, 60, 90)


def time_to_exit(project: Project, by: str | None = S.PROJECT_YEAR, days: tuple[int, ...] | None = None,
                 lang: str | None = None) -> TimeToExit:
    """How long do participants stay in the project, and how do they leave, by group?

    Time from start to exit, with exits split into a successful outcome (the main goal's
    definition) and any other exit.
    Persons still enrolled are censored at the analysis date. For each group and day the table
    gives the cumulative incidence of a successful exit and of another exit (Aalen–Johansen,
    statsmodels ``CumIncidenceRight``), the share still in the project (Kaplan–Meier of any exit,
    which equals one minus the two) and the number still at risk; and the median time to any exit
    (:func:`median_time`: R ``survival``'s rule, the midpoint where the curve is exactly one half
    over an interval) with its 95 % interval (statsmodels ``SurvfuncRight.quantile_ci``, log-log
    transform).
    Numbers at risk below the privacy threshold are hidden, curves are cut where fewer than that
    many remain at risk, and a median or interval bound beyond the published curve is hidden. A group
    whose published curves or rows end with 1 to k − 1 persons of one way of leaving shows neither way:
    its shares are :data:`~evaltools.data.privacy.SECONDARY` and it has no curves, since a share times
    the group's size is the count. A day by which every person of a group had left has no row in
    ``table`` (``raw`` keeps it).

    Parameters
    ----------
    project
        A loaded project.
    by
        The variable to compare, a column of ``project.participants`` such as ``"sex"`` or
        ``"household_type"`` (default: intake year, ``"project_year"``), or ``None`` for everyone
        together. A name the participants lack raises a :class:`~evaltools.data.errors.ParamsError`
        that names it and the variables to write.
    days
        The days since start at which the shares are tabulated (default :data:`TIME_DAYS`, or
        :data:`SHORT_STAY_DAYS` where every participant's time in the project, to exit or to the analysis date,
        is under 90 days).
    lang
        ``"sv"`` or ``"en"``: as in :func:`outcome_rates` (the table holds codes, not words).

    Returns
    -------
    TimeToExit
        ``table``: group (a code: the category of ``by``, or :data:`ALL`), day, success, other_exit, still_in_project, at_risk, median_days,
        median_ci_low, median_ci_high; ``curves``: each group's cumulative incidence curves (day,
        success, other_exit, their standard errors, surv, at_risk) for
        :func:`evaltools.present.plots.plot_time_to_exit`.

    Examples
    --------
    >>> stay = et.time_to_exit(project, by="household_type")  # doctest: +SKIP
    >>> et.plots.plot_time_to_exit(stay)  # doctest: +SKIP
    """
    _require_participants(project, lang)
    if days is None:
        stayed = project.participants[S.DAYS_IN_PROJECT]
        days = SHORT_STAY_DAYS if len(stayed) and float(stayed.max()) < 90 else TIME_DAYS
    days = check_days("days", days, "time_to_exit", lang or project.params.language)
    if by is not None:
        one = _breakdowns(project, "by", by, "time_to_exit", lang)
        by = one[0] if len(one) == 1 else check_choice("by", by, BREAKDOWN_CHOICES, "time_to_exit",
                                                       lang or project.params.language)
    k = _k(project)
    sd = project_definition(project, lang)  # (counted per enrolment: worded so where someone came back)
    df = project.participants.copy()
    df["_success"] = sd.is_success(df).to_numpy(bool)
    groups = [(ALL, df)] if by is None else list(df.groupby(by))
    rows, curves, shown = [], {}, {}
    few: set = set()  # groups whose shares would show a small count of one way of leaving
    for name, d in groups:
        if len(d) == 0:
            continue
        time = d[S.DAYS_IN_PROJECT].to_numpy(float)
        ended = (~d[S.ONGOING]).to_numpy()
        status = np.where(~ended, 0, np.where(d["_success"].to_numpy(), 1, 2))
        sf = _quiet(SurvfuncRight, time, ended.astype(int))
        tt = sf.surv_times
        keep = sf.n_risk >= k
        last_shown = tt[keep].max() if keep.any() else -np.inf
        cif = _cumulative_incidence(time, status)
        on_curve = cif["day"] <= last_shown
        curves[name] = cif[on_curve & (cif["at_risk"] >= k)].reset_index(drop=True)
        # the shares at a day are the counts of each way of leaving over the group (exactly so where no one
        # was censored before it): where the published curve or table ends with 1 to k - 1 persons of one
        # way, the group's shares and curves would show how many they are, so neither way is shown for it
        reach = max([last_shown, *(day for day in days if (time >= day).sum() >= k)])
        if any(hides(int(((status == way) & (time <= reach)).sum()), k) for way in (1, 2)):
            few.add(name)
            curves[name] = curves[name].iloc[0:0]
        median = whole_days(median_time(sf.surv_times, sf.surv_prob, float(time.max())))
        lo, hi = (float(v) for v in _quiet(sf.quantile_ci, 0.5, 0.05, "cloglog")) if np.isfinite(median) else (np.nan, np.nan)
        # a median (or bound) is published only where the published curve reaches it: one reached
        # while fewer than k remain would describe those few persons
        def pub(v: float, last_shown: float = last_shown) -> object:
            return SECONDARY if np.isfinite(v) and v > last_shown else v
        m = pub(median)  # (a median not shown has no interval shown either: "..", not ".. (73 to ∞)")
        shown[name] = (m, m, m) if isinstance(m, str) else (m, pub(lo), pub(hi))
        for day in days:
            i = np.searchsorted(cif["day"].to_numpy(), day, side="right") - 1
            inc = cif.iloc[i] if i >= 0 else None
            rows.append({"group": name, "day": day,
                         "success": float(inc["success"]) if inc is not None else 0.0,
                         "other_exit": float(inc["other_exit"]) if inc is not None else 0.0,
                         "still_in_project": 1.0 if inc is None else float(inc["surv"]),
                         "at_risk": int((time >= day).sum()),
                         "median_days": median if np.isfinite(median) else np.nan, "median_ci_low": lo,
                         "median_ci_high": hi})
    raw = pd.DataFrame(rows)
    # a day by which every person of the group had left has no published row: nothing is left to count, and
    # a row of "–" beside 0 still in the project reads as missing data (the raw numbers keep it)
    kept = raw[raw["at_risk"] > 0].reset_index(drop=True) if len(raw) else raw
    table = kept.copy()
    if len(kept):
        for j, col in enumerate(("median_days", "median_ci_low", "median_ci_high")):
            table[col] = table["group"].map({g: v[j] for g, v in shown.items()}).astype(object)
        small = kept["at_risk"] < k
        table["at_risk"] = table["at_risk"].astype(object)
        table.loc[small, "at_risk"] = suppressed_label(k)  # at-risk counts only shrink: no secondary
        hidden = table["group"].isin(few).to_numpy() & ~small.to_numpy()
        for col in ("success", "other_exit", "still_in_project"):
            table[col] = table[col].astype(object)
            table.loc[small, col] = "–"
            table.loc[hidden, col] = SECONDARY  # (the third share is one less the other two: hidden with them)
    note = Note.of("note.time_to_exit", definition=sd)
    return TimeToExit(table, raw, (note,), curves=curves, definition=sd, by=by)


MEDIAN_TOLERANCE = float(np.sqrt(np.finfo(float).eps))  # R survival's default ``tolerance``


def whole_days(days: float) -> float:
    """A median time in whole days, as a board member counts them: to the nearest day, a half day up.

    :func:`median_time` lies halfway between two days where the curve is exactly one half between
    two exits (55.5); the report, its notebook displays and the workbook give the one figure, 56.

    >>> whole_days(55.5), whole_days(55.0), whole_days(float("nan")) != whole_days(float("nan"))
    (56.0, 55.0, True)
    """
    return float(np.floor(days + 0.5)) if np.isfinite(days) else days


def median_time(times: np.ndarray, surv: np.ndarray, last_time: float) -> float:
    """The median of a Kaplan–Meier curve by R ``survival``'s rule (``quantile.survfit``).

    The median is where a horizontal line at one half meets the curve: the first event time at
    which the share with no exit falls to one half or below. Where the curve is exactly one half
    (within R's tolerance, the square root of the machine epsilon) over an interval, the median
    is the midpoint of that interval: of the event time where it reaches one half and the next
    event time (or, if the curve ends at one half, the last time observed). lifelines
    (``median_survival_time_``) takes the start of such an interval and statsmodels
    (``SurvfuncRight.quantile``) its end; elsewhere the three agree.

    Parameters
    ----------
    times, surv
        The curve: its event times, ascending, and the share with no exit just after each
        (statsmodels ``SurvfuncRight.surv_times`` and ``surv_prob``).
    last_time
        The last time observed in the group (an exit or a censoring).

    Returns
    -------
    float
        The median, or NaN when the curve stays above one half.
    """
    times, surv = np.asarray(times, float), np.asarray(surv, float)
    reached = np.flatnonzero(surv <= 0.5 + MEDIAN_TOLERANCE)
    if len(reached) == 0:
        return np.nan
    first = times[reached[0]]
    if abs(surv[reached[0]] - 0.5) >= MEDIAN_TOLERANCE:  # the curve steps past one half
        return float(first)
    below = np.flatnonzero(surv < 0.5 - MEDIAN_TOLERANCE)
    end = times[below[0]] if len(below) else last_time
    return float((first + end) / 2)


def _cumulative_incidence(time: np.ndarray, status: np.ndarray) -> pd.DataFrame:
    """Aalen–Johansen cumulative incidence of exit types 1 (success) and 2 (other exit) at each
    event time (statsmodels ``CumIncidenceRight``), with the number at risk and the share with no
    exit yet."""
    cols = ["day", "success", "other_exit", "success_se", "other_exit_se", "surv", "at_risk"]
    if not (status > 0).any():
        return pd.DataFrame(columns=cols, dtype=float)
    # CumIncidenceRight numbers the exit types 1..J by the largest status present: when no one has
    # left for another reason (J = 1) it estimates the successes alone, and no other exit is zero
    ci = _quiet(CumIncidenceRight, time, status)
    times = np.asarray(ci.times, float)
    succ, se1 = np.asarray(ci.cinc[0], float), np.asarray(ci.cinc_se[0], float)
    if len(ci.cinc) > 1:
        other, se2 = np.asarray(ci.cinc[1], float), np.asarray(ci.cinc_se[1], float)
    else:
        other, se2 = np.zeros_like(succ), np.zeros_like(succ)
    at_risk = np.array([(time >= x).sum() for x in times])
    return pd.DataFrame({"day": times, "success": succ, "other_exit": other, "success_se": se1, "other_exit_se": se2,
                         "surv": np.clip(1 - succ - other, 0, 1), "at_risk": at_risk})
