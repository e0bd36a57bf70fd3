"""Questionnaires: the answers per question and respondent group, the same persons before and after,
and the counts behind a survey goal. Numbers and codes only; the words are in the catalogs.

* **Rounds.** Participants answer when they start and when they leave, so each participant group
  (``deltagare_start``, ``deltagare_avslut``) is one round over the whole project. Staff, board
  members, managers and referrers are asked in rounds (a baseline, a follow-up): their answers in
  different calendar years are different rounds (``round`` is the year; 0 for a participant group).
* **Respondents.** The persons who answered a round: distinct ``respondent_id`` s, or in an
  anonymous survey the largest number of answers (filled in or not) to any one question.
* **Small groups.** A round with fewer respondents than the privacy threshold
  (``privacy.min_count``, :func:`evaltools.data.privacy.hides`) is hidden everywhere: its rows are
  left out of :attr:`SurveyResult.table` and :attr:`SurveyResult.rounds` marks it ``hidden``, and a
  goal on it is not assessed (``too_few``, as a share goal with a small denominator). So is a
  question that fewer than the threshold answered on its scale in a round that is shown.
* **Small answer counts.** The answers per option are counts of persons, a breakdown of the round's
  respondents: in a round that is shown, a count of 1 to ``min_count - 1`` is shown as ``<5`` and its
  share hidden, with secondary suppression (:func:`evaltools.data.privacy.suppression_mask`) so that
  no hidden count can be worked back from a published sum: the answers on the scale (the ``n`` the
  chart gives and every share implies), the others ("vet ej" and empty, the respondents less them),
  and each level goal's count of answers at or above its level (:func:`answer_mask`). :attr:`SurveyResult.table` holds the display
  values (``n`` ``<5`` or ``..``, ``share`` ``..``); ``raw`` keeps every count.
* **Response rate.** Respondents over the number asked (``survey.invited`` in params; for
  participants, by default the participant file's persons: :func:`invited`). Below
  :data:`LOW_RESPONSE_RATE` the answers cannot be taken to speak for the whole group; with no number
  asked, the rate is unknown and the report says so. A figure's rate is of the persons behind it: a
  round's and a level goal's, the round's respondents; the same persons before and after (a change
  goal, :class:`Paired`), those who answered both times of those asked both times
  (:func:`both_times`, :func:`asked_both_times`).
* **Before and after.** :func:`paired` pairs the same respondents' answers (by ``respondent_id``)
  and tests the change with the Wilcoxon signed-rank test (:func:`scipy.stats.wilcoxon`) and the
  paired mean difference with its 95 % t interval (:func:`scipy.stats.ttest_rel`). Answers are
  turned so that a higher number is always the better answer (:meth:`Question.oriented`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ..data import schema as S
from ..data import survey as SV
from ..data.params import Goal
from ..data.privacy import SECONDARY, hidden_label, hides, suppression_mask
from ..data.project import Project
from .result import Result

# below this response rate, the answers are not taken to speak for everyone asked (docs/methods.md)
LOW_RESPONSE_RATE = 0.5
PARTICIPANT_GROUPS = ("deltagare_start", "deltagare_avslut")
DONT_KNOW_CODE = "vet_ej"
NO_ANSWER_CODE = "inget_svar"
CONFIDENCE = 0.95
WILCOXON_EXACT_MAX = 50  # pairs up to which the signed-rank test's exact distribution is used


class _ResponseRate:
    """The response rate and the low-response rule, defined once for rounds and survey goals."""

    respondents: int
    invited: int | None

    @property
    def response_rate(self) -> float:
        return self.respondents / self.invited if self.invited else float("nan")

    @property
    def low_response(self) -> bool | None:
        """Whether the response rate is below :data:`LOW_RESPONSE_RATE`; None when it is unknown."""
        return None if not self.invited else self.response_rate < LOW_RESPONSE_RATE


@dataclass(frozen=True)
class Round(_ResponseRate):
    """One respondent group's round of a questionnaire."""

    group: str
    round: int  # the calendar year of a staff, board, manager or referrer round; 0 for participants
    respondents: int
    invited: int | None
    hidden: bool  # fewer respondents than the privacy threshold: shown nowhere


@dataclass(frozen=True)
class Paired(_ResponseRate):
    """The same respondents' answers to one question before and after (oriented: higher is better), with
    the response rate of the persons behind it: those who answered both times of those asked both times."""

    question: str
    before_group: str
    after_group: str
    n_pairs: int
    better: int
    same: int
    worse: int
    mean_before: float
    mean_after: float
    mean_difference: float
    ci_low: float
    ci_high: float
    wilcoxon_statistic: float
    wilcoxon_p: float
    too_few: bool  # fewer pairs than the privacy threshold: not shown
    respondents: int = 0  # answered both times (:func:`both_times`), on the scale or not
    invited: int | None = None  # asked both times (:func:`asked_both_times`); None when unknown


@dataclass(frozen=True)
class SurveyGoalCounts(_ResponseRate):
    """The counts behind one survey goal: ``successes`` of ``denominator`` respondents who answered
    on the scale, with those who said "vet ej" or left the question empty beside them. ``respondents``
    and ``invited`` are of the persons behind the figure: for a level goal the round's respondents and
    the number asked; for a change goal those who answered both times and those asked both times."""

    goal_id: str
    measure: str
    question: str
    group: str
    successes: int
    denominator: int
    dont_know: int
    missing: int
    respondents: int
    invited: int | None
    hidden: bool  # the goal's respondents are fewer than the privacy threshold


@dataclass(frozen=True)
class SurveyResult(Result):
    """Result of :func:`survey`. ``table``: the distribution of answers, one row per round,
    question and answer (``answer`` a step of the scale, ``vet_ej`` or ``inget_svar``), with ``n``
    and ``share`` (of the answers on the scale; ``nan`` for the two others); hidden rounds are left
    out, and a count of 1–4 is ``<5`` (or ``..``, protecting another) with its share ``..``
    (``raw`` keeps them all, for the evaluator's own exploration)."""

    rounds: tuple[Round, ...] = ()
    goals: tuple[SurveyGoalCounts, ...] = ()
    paired: tuple[Paired, ...] = ()

    def goal(self, goal_id: str) -> SurveyGoalCounts | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)


def with_rounds(responses: pd.DataFrame) -> pd.DataFrame:
    """The responses with their round (see the module docstring)."""
    df = responses.copy()
    year = df[SV.DATE].dt.year.fillna(0).astype(int)
    df["round"] = np.where(df[SV.RESPONDENT_GROUP].isin(PARTICIPANT_GROUPS), 0, year)
    return df


def once_per_person(rows: pd.DataFrame) -> pd.DataFrame:
    """Each named respondent's one answer to a question in a group's round, as the round counts its respondents: a
    participant enrolled twice answers the start questionnaire at each start, and a staff member may answer a
    round twice. At start the first answer is kept, otherwise the last, as :func:`both_times` pairs them; an
    anonymous answer is each its own. The answers per option are then counts of the round's respondents."""
    if rows.empty or not rows[SV.RESPONDENT_ID].notna().any():
        return rows
    round_of = rows["round"] if "round" in rows else rows[SV.DATE].dt.year.where(
        ~rows[SV.RESPONDENT_GROUP].isin(PARTICIPANT_GROUPS), 0)
    named = rows[SV.RESPONDENT_ID].notna()
    ordered = rows.assign(_round=round_of).sort_values(SV.DATE, kind="stable")
    keys = [SV.RESPONDENT_GROUP, "_round", SV.QUESTION, SV.RESPONDENT_ID]
    first = ordered[named.loc[ordered.index]].groupby(keys, sort=False).head(1).index
    last = ordered[named.loc[ordered.index]].groupby(keys, sort=False).tail(1).index
    at_start = rows[SV.RESPONDENT_GROUP] == "deltagare_start"
    keep = ~named | (at_start & rows.index.isin(first)) | (~at_start & rows.index.isin(last))
    return rows[keep]


def count_respondents(rows: pd.DataFrame) -> int:
    """Persons who answered (see the module docstring)."""
    if rows.empty:
        return 0
    ids = rows[SV.RESPONDENT_ID]
    if ids.notna().all():
        return int(ids.nunique())
    named = int(ids.dropna().nunique())
    anonymous = int(rows[ids.isna()].groupby(SV.QUESTION).size().max()) if ids.isna().any() else 0
    return named + anonymous


def invited(project: Project, group: str) -> int | None:
    """How many were asked in ``group``: ``survey.invited`` in params, else for participants the
    persons of the participant file (every enrolled person at start; every person who has left at
    exit), else unknown (``None``)."""
    given = project.params.survey.invited.get(group)  # type: ignore[call-overload]
    if given or group not in PARTICIPANT_GROUPS or not project.has_participants:
        return given
    df = project.participants
    asked = df if group == "deltagare_start" else df[df[S.END_DATE].notna()]
    return int(asked[S.PERSON_ID].nunique()) or None


def _asked(project: Project, group: str, respondents: int) -> int | None:
    """:func:`invited`, but a default below the respondents (answers from persons the participant
    file does not have) is no number asked: the rate is then unknown."""
    n = invited(project, group)
    if n is not None and respondents > n and group not in project.params.survey.invited:
        return None
    return n


def both_times(project: Project, before_group: str, after_group: str, since=None) -> pd.Index:
    """The persons (``respondent_id``) who answered both times: in ``before_group`` and, later, in
    ``after_group`` (from ``since`` on), whatever they answered; when the two are one group, on
    different days. Those :func:`pairs` pairs on a question are among them."""
    df = project.responses
    if df is None or df.empty:
        return pd.Index([], dtype=object)
    named = df[df[SV.RESPONDENT_ID].notna()]
    before = named[named[SV.RESPONDENT_GROUP] == before_group]
    after = named[named[SV.RESPONDENT_GROUP] == after_group]
    if since is not None:
        after = after[after[SV.DATE] >= pd.Timestamp(since)]
    first = before.groupby(SV.RESPONDENT_ID)[SV.DATE].min().rename("first")
    last = after.groupby(SV.RESPONDENT_ID)[SV.DATE].max().rename("last")
    both = pd.concat([first, last], axis=1, join="inner")
    return both.index[both["last"] > both["first"]]


def asked_both_times(project: Project, before_group: str, after_group: str, respondents: int) -> int | None:
    """How many were asked both times: the number asked in the group (one group asked twice), else the
    smaller of the two groups' (:func:`invited`; participants at exit were all asked at start too).
    Unknown (``None``) where either is, or where it is below those who answered both times."""
    asked = [invited(project, g) for g in dict.fromkeys((before_group, after_group))]
    if any(a is None for a in asked):
        return None
    n = min(a for a in asked if a is not None)
    return None if respondents > n else n


def rounds(project: Project) -> tuple[Round, ...]:
    """Each group's rounds, with respondents, the number asked and whether it is hidden."""
    if project.responses is None or project.responses.empty:
        return ()
    df = with_rounds(project.responses)
    k = project.params.privacy.min_count
    out = []
    for (group, rnd), rows in df.groupby([SV.RESPONDENT_GROUP, "round"], sort=False):
        n = count_respondents(rows)
        out.append(Round(str(group), int(rnd), n, _asked(project, str(group), n), hides(n, k)))
    order = list(SV.RESPONDENT_GROUPS)
    return tuple(sorted(out, key=lambda r: (order.index(r.group), r.round)))


def distribution(project: Project) -> pd.DataFrame:
    """One row per round, question (on a scale) and answer: ``group``, ``round``, ``question``,
    ``answer``, ``n``, ``share`` (of the answers on the scale), ``hidden`` (the round is hidden, or
    fewer than the privacy threshold answered the question on its scale) and ``suppressed`` (in a
    question that is shown, the count is hidden by the small-count rule: :func:`answer_mask`)."""
    cols = ["group", "round", "question", "answer", "n", "share", "hidden", "suppressed"]
    if project.responses is None or project.responses.empty:
        return pd.DataFrame(columns=cols)
    questions = SV.questions_by_code(project.questions)
    df = once_per_person(with_rounds(project.responses))
    hidden = {(r.group, r.round): r.hidden for r in rounds(project)}
    rows: list[tuple] = []
    for (group, rnd, code), g in df.groupby([SV.RESPONDENT_GROUP, "round", SV.QUESTION], sort=False):
        q = questions.get(str(code))
        if q is None or q.free_text:  # (a free-text answer is never published)
            continue
        on_scale = g[SV.ANSWER].dropna()
        for step in q.steps:
            n = int((on_scale == step).sum())
            rows.append((group, rnd, code, step, n, n / len(on_scale) if len(on_scale) else np.nan))
        rows.append((group, rnd, code, DONT_KNOW_CODE, int(g[SV.DONT_KNOW].sum()), np.nan))
        rows.append((group, rnd, code, NO_ANSWER_CODE, int(g[SV.MISSING].sum()), np.nan))
    out = pd.DataFrame(rows, columns=cols[:-2])
    # a question answered on its scale by fewer than the threshold is hidden as a whole round is
    on_scale = out[out["answer"].map(lambda a: not isinstance(a, str))].groupby(["group", "round", "question"])["n"].sum()
    k = project.params.privacy.min_count
    out["hidden"] = [hidden.get((g, r), False) or hides(on_scale.get((g, r, q), 0), k)
                     for g, r, q in zip(out["group"], out["round"], out["question"])]
    out["suppressed"] = False
    for (group, rnd, code), g in out.groupby(["group", "round", "question"], sort=False):
        if not g["hidden"].any():
            out.loc[g.index, "suppressed"] = answer_mask(project, questions[str(code)], str(group), int(rnd),
                                                         g["answer"].tolist(), g["n"].to_numpy(), k)
    order = {g: i for i, g in enumerate(SV.RESPONDENT_GROUPS)}
    qorder = {c: i for i, c in enumerate(questions)}
    out = out.sort_values(["group", "round", "question"], key=lambda s: s.map(order) if s.name == "group" else
                          (s.map(qorder) if s.name == "question" else s), kind="stable")
    return out.reset_index(drop=True)


def answer_mask(project: Project, q: SV.Question, group: str, rnd: int, answers: list, counts: np.ndarray,
                k: int) -> np.ndarray:
    """Which of one shown question's answer counts (its steps, then "vet ej" and empty) the small-count
    rule hides: counts of 1 to ``k - 1``, and enough others that none can be worked back from the sums
    the report publishes: the answers on the scale, the others ("vet ej" and empty: the respondents less
    those on the scale), and those at or above the level of each level goal on this question and group
    whose answers may fall in this round."""
    steps = [i for i, a in enumerate(answers) if not isinstance(a, str)]
    # the answers on the scale (the chart's n, a goal's denominator) and, the round's respondents less them,
    # those who said "vet ej" or left it empty together; where one of these two is 0, the other follows from the
    # totals whatever is hidden (docs/security.md, residual risks)
    lines = [(steps, 0), ([i for i, a in enumerate(answers) if isinstance(a, str)], 0)]
    for goal in project.params.goals:
        if (goal.kind != "survey" or goal.measure == "change" or goal.question != q.code
                or goal.respondents != group
                or (rnd and goal.answered_from is not None and rnd < goal.answered_from.year)):
            continue
        level = q.oriented(float(goal.level or 0))
        lines.append(([i for i in steps if q.oriented(float(answers[i])) >= level], 0))
    mask = suppression_mask(pd.DataFrame({"n": counts}), k, col_totals=False, row_totals=False, lines=lines)
    return mask["n"].to_numpy()


def shown_table(raw: pd.DataFrame, k: int) -> pd.DataFrame:
    """The distribution as the report shows it: hidden rounds and questions left out, and each hidden
    answer count shown as ``<k`` (or ``..`` where it protects another) with its share ``..``."""
    shown = raw[~raw["hidden"].astype(bool)].reset_index(drop=True)
    out = shown.drop(columns=["hidden", "suppressed"]).astype({"n": object, "share": object})
    m = shown["suppressed"].astype(bool).to_numpy()
    out.loc[m, "n"] = [hidden_label(float(v), k) for v in shown.loc[m, "n"]]
    out.loc[m, "share"] = SECONDARY
    return out


def _answers(project: Project, question: str, group: str, since=None) -> pd.DataFrame:
    df = project.responses
    assert df is not None  # (asked only of a project with responses)
    rows = df[(df[SV.QUESTION] == question) & (df[SV.RESPONDENT_GROUP] == group)]
    if since is not None:
        rows = rows[rows[SV.DATE] >= pd.Timestamp(since)]
    return rows


def pairs(project: Project, question: str, before_group: str, after_group: str,
          since=None) -> pd.DataFrame:
    """The same respondents' answers before and after, oriented (higher is better): columns
    ``respondent_id``, ``before``, ``after``. A pair needs an answer on the scale at both times.
    When ``before_group`` and ``after_group`` are one group, a respondent's earliest and latest
    answers on different days are the pair. ``since`` limits the later answers to that day or later."""
    q = SV.questions_by_code(project.questions).get(question)
    empty = pd.DataFrame({SV.RESPONDENT_ID: pd.Series(dtype=object), "before": pd.Series(dtype=float),
                          "after": pd.Series(dtype=float)})
    if q is None or q.free_text or project.responses is None:
        return empty
    before = _answers(project, question, before_group)
    after = _answers(project, question, after_group, since)
    before = before[before[SV.RESPONDENT_ID].notna() & before[SV.ANSWER].notna()].sort_values(SV.DATE)
    after = after[after[SV.RESPONDENT_ID].notna() & after[SV.ANSWER].notna()].sort_values(SV.DATE)
    b = before.groupby(SV.RESPONDENT_ID).agg(before=(SV.ANSWER, "first"), before_date=(SV.DATE, "first"))
    a = after.groupby(SV.RESPONDENT_ID).agg(after=(SV.ANSWER, "last"), after_date=(SV.DATE, "last"))
    both = b.join(a, how="inner")
    both = both[both["after_date"] > both["before_date"]]
    if both.empty:
        return empty
    out = pd.DataFrame({SV.RESPONDENT_ID: both.index.to_numpy(),
                        "before": [q.oriented(v) for v in both["before"]],
                        "after": [q.oriented(v) for v in both["after"]]})
    return out.reset_index(drop=True)


def paired_test(before: np.ndarray, after: np.ndarray) -> dict:
    """The paired mean difference (after − before) with its 95 % t interval
    (:func:`scipy.stats.ttest_rel`) and the Wilcoxon signed-rank test (:func:`scipy.stats.wilcoxon`,
    zero differences dropped, two-sided; its exact distribution without zeros or ties and up to
    :data:`WILCOXON_EXACT_MAX` pairs, else the normal approximation with the tie correction). ``nan`` where a test cannot be computed (fewer than two
    pairs, or no pair that changed)."""
    before, after = np.asarray(before, float), np.asarray(after, float)
    d = after - before
    out = {"mean_difference": float(d.mean()) if len(d) else np.nan, "ci_low": np.nan, "ci_high": np.nan,
           "wilcoxon_statistic": np.nan, "wilcoxon_p": np.nan}
    if len(d) >= 2 and np.ptp(d) > 0:
        ci = stats.ttest_rel(after, before).confidence_interval(CONFIDENCE)
        out["ci_low"], out["ci_high"] = float(ci.low), float(ci.high)
    elif len(d) >= 2:  # every pair changed by the same amount: the interval is that amount
        out["ci_low"] = out["ci_high"] = float(d[0])
    if (d != 0).any():
        nonzero = np.abs(d[d != 0])
        # exact when it is exact: no zero and no tied differences, at most 50 pairs; otherwise the
        # normal approximation with scipy's tie correction (the exact null distribution assumes no ties)
        exact = len(nonzero) == len(d) and len(np.unique(nonzero)) == len(nonzero) and len(d) <= WILCOXON_EXACT_MAX
        w = stats.wilcoxon(after, before, method="exact" if exact else "approx")
        out["wilcoxon_statistic"], out["wilcoxon_p"] = float(w.statistic), float(w.pvalue)
    return out


def paired(project: Project, question: str, before_group: str = "deltagare_start",
           after_group: str = "deltagare_avslut", since=None) -> Paired:
    """Before and after for the same respondents on one question (see :func:`pairs`,
    :func:`paired_test`)."""
    p = pairs(project, question, before_group, after_group, since)
    d = (p["after"] - p["before"]).to_numpy()
    test = paired_test(p["before"].to_numpy(), p["after"].to_numpy())
    n = len(p)
    both = len(both_times(project, before_group, after_group, since))
    return Paired(question, before_group, after_group, n, int((d > 0).sum()), int((d == 0).sum()),
                  int((d < 0).sum()), float(p["before"].mean()) if n else np.nan,
                  float(p["after"].mean()) if n else np.nan, test["mean_difference"], test["ci_low"],
                  test["ci_high"], test["wilcoxon_statistic"], test["wilcoxon_p"],
                  hides(n, project.params.privacy.min_count), both,
                  asked_both_times(project, before_group, after_group, both))


def _goal_round(project: Project, goal: Goal) -> pd.DataFrame:
    """The later answers a survey goal reads: its group's, from ``answered_from`` on (the whole
    group's answers to every question, for counting respondents)."""
    df = project.responses
    assert df is not None  # (asked only of a project with responses)
    rows = df[df[SV.RESPONDENT_GROUP] == goal.respondents]
    if goal.answered_from is not None:
        rows = rows[rows[SV.DATE] >= pd.Timestamp(goal.answered_from)]
    return rows


def goal_counts(project: Project, goal: Goal) -> SurveyGoalCounts:
    """The counts behind a survey goal (``kind: survey``).

    ``level``: of the respondents who answered the question on its scale, those whose answer is at
    ``level`` or nearer the positive end; its response rate is the round's. ``change``: of the
    respondents with an answer at both times (:func:`pairs`), those whose answer is better after; its
    response rate is of those who answered both times (:func:`both_times`) among those asked both
    times (:func:`asked_both_times`), and those of them without a pair who said "vet ej" (at either
    time) or left the question empty are counted beside it. "Vet ej" and empty answers are left out of
    the denominator and counted beside it."""
    q = SV.questions_by_code(project.questions).get(goal.question or "")
    k_min = project.params.privacy.min_count
    if project.responses is None or q is None or q.free_text:
        return SurveyGoalCounts(goal.id, goal.measure, goal.question or "", goal.respondents, 0, 0, 0, 0, 0,
                                invited(project, goal.respondents), False)
    round_rows = _goal_round(project, goal)
    answers = once_per_person(round_rows[round_rows[SV.QUESTION] == q.code])
    respondents = count_respondents(round_rows)
    dont_know, missing = int(answers[SV.DONT_KNOW].sum()), int(answers[SV.MISSING].sum())
    if goal.measure == "change":
        p = pairs(project, q.code, goal.before_group, goal.respondents, goal.answered_from)
        k, n = int((p["after"] > p["before"]).sum()), len(p)
        both = both_times(project, goal.before_group, goal.respondents, goal.answered_from)
        respondents = len(both)
        # of those who answered both times without a pair: "vet ej" at either time, else empty or not asked
        unpaired = set(both) - set(p[SV.RESPONDENT_ID])
        before = _answers(project, q.code, goal.before_group)
        either = pd.concat([before, answers])
        dont_know = int(either[either[SV.DONT_KNOW] & either[SV.RESPONDENT_ID].isin(unpaired)]
                        [SV.RESPONDENT_ID].nunique())
        missing = respondents - n - dont_know
        asked = asked_both_times(project, goal.before_group, goal.respondents, respondents)
    else:
        on_scale = answers[SV.ANSWER].dropna().map(q.oriented)
        k, n = int((on_scale >= q.oriented(float(goal.level or 0))).sum()), len(on_scale)
        asked = _asked(project, goal.respondents, respondents)
    return SurveyGoalCounts(goal.id, goal.measure, q.code, goal.respondents, k, n, dont_know, missing,
                            respondents, asked, hides(respondents, k_min))


def survey(project: Project) -> SurveyResult:
    """The project's questionnaires: the distribution of answers per round and question, the
    rounds with their respondents and response rates, each survey goal's counts and, for each
    question asked of participants at start and at exit, the paired before/after.

    Returns
    -------
    SurveyResult
        Empty (no rows, no rounds) for a project without questionnaires.

    Examples
    --------
    >>> import evaltools as et
    >>> s = survey(et.load_project("samverkan-i-praktiken"))  # doctest: +SKIP
    >>> [(r.group, r.respondents) for r in s.rounds]  # doctest: +SKIP
    """
    raw = distribution(project)
    table = shown_table(raw, project.params.privacy.min_count)
    goals = tuple(goal_counts(project, g) for g in project.params.goals if g.kind == "survey")
    paired_results = []
    if project.responses is not None and len(project.responses):
        asked = project.responses.groupby(SV.QUESTION)[SV.RESPONDENT_GROUP].agg(set)
        for code in SV.questions_by_code(project.questions):
            groups = asked.get(code, set())
            if set(PARTICIPANT_GROUPS) <= groups:
                paired_results.append(paired(project, code))
        for g in project.params.goals:  # a change goal's own pairing (staff asked twice, say)
            if (g.kind == "survey" and g.measure == "change" and g.question
                    and (g.before_group, g.respondents) != PARTICIPANT_GROUPS):
                paired_results.append(paired(project, g.question, g.before_group, g.respondents, g.answered_from))
    return SurveyResult(table, raw, (), None, rounds(project), goals, tuple(paired_results))
