"""Page-1 statements that depend on the project's kind (individ, struktur, ansökan).

A structural project has no participants: page 1 names its target population, the evaluator's
assessment of its process and qualitative goals, its cost and what the cost would have to achieve
to be covered (the break-even requirement). An application check has no outcomes: page 1 says what
an ex-ante check can tell, how the application's own volumes compare with its goals, and when the
volumes simply restate the targets (then the check repeats the application and tests nothing).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...words.formats import fmt_date, fmt_int, number_word
from ...analysis.goals import (JUDGED_VERDICTS, GoalCount, GoalStatus, GoalVerdict, count_goals, measurable_own_goals,
                               own_goals, own_verdicts, restates_target, volumes_not_comparable)
from .survey import has_survey
from .designs import mde_sentence


def ex_ante_counts(goal_table: pd.DataFrame) -> tuple[GoalCount, int] | None:
    """The application's own goals an ex-ante check compared with its volumes, one verdict per goal and
    counted as the portfolio counts them (:func:`evaltools.analysis.goals.count_goals`), and how many of
    the judged goals have expected volumes that only restate their targets in every period compared;
    ``None`` when none could be compared."""
    g = goal_table[(goal_table["kind"] != "qualitative") & (goal_table["mode"] == "ex_ante")]
    g = g[g["value"].notna()]
    count = count_goals(own_verdicts(goal_table))
    if not len(g) or not count.judged:
        return None
    ref = np.where(g["kind"] == "share", g["target"], g["target_prorated"])
    restating = pd.Series([restates_target(v, t) for v, t in zip(g["value"], ref)], index=g.index)
    restates = restating.groupby(g["goal_id"], sort=False).all()
    first = own_goals(goal_table)
    judged = [gid for gid, v in zip(first["goal_id"], first["verdict"]) if GoalVerdict(v) in JUDGED_VERDICTS]
    return count, int(sum(bool(restates.get(gid, False)) for gid in judged))


def qualitative_counts(goal_table: pd.DataFrame) -> tuple[int, int, int, int, int] | None:
    """(goals, achieved, partly, not, not assessed) over the qualitative and process goals."""
    q = goal_table[goal_table["kind"] == "qualitative"]
    if not len(q):
        return None
    s = q["status"]
    ok, part, no = (int((s == GoalStatus.REACHED).sum()), int((s == GoalStatus.PARTLY).sum()),
                    int((s == GoalStatus.NOT_REACHED).sum()))
    return len(q), ok, part, no, len(q) - ok - part - no


def population_text(r) -> str | None:
    """The target population as the application states it, with its size, in the report's words."""
    tp = r.params.target_population
    if tp is None:
        return None
    desc = tp.description_en if r.lang == "en" and tp.description_en else tp.description
    if desc and tp.size:
        return r.msg("kind.population_both", description=desc, n=fmt_int(tp.size, r.lang))
    if tp.size:
        return r.msg("kind.population_size", n=fmt_int(tp.size, r.lang))
    return r.msg("kind.population_description", description=desc) if desc else None


def qualitative_sentence(r, n: int, ok: int, part: int, no: int, unassessed: int) -> str:
    """How many of the process and qualitative goals are achieved, partly achieved, not achieved and
    not assessed, naming only the groups that have goals ("Av de fyra målen för process och kvalitet
    är två uppnådda och ett delvis uppnått; ett är inte bedömt.")."""
    if n == 1:  # one goal: its status, not a tally of one ("Av de ett mål ...")
        key = ("kind.structural_goal_ok" if ok else "kind.structural_goal_partly" if part
               else "kind.structural_goal_not" if no else "kind.structural_goal_unassessed")
        return r.msg(key)
    if ok + part + no == 0:
        return r.msg("kind.structural_goals_none", n=n)
    judged = [r.plural(key, c, n=c) for key, c in (("kind.tally_ok", ok), ("kind.tally_partly", part),
                                                   ("kind.tally_not", no)) if c]
    tally = r.words.join(judged)
    if unassessed:
        tally += "; " + r.plural("kind.tally_unassessed", unassessed, n=unassessed)
    return r.msg("kind.structural_goals", n=n, tally=tally)


def _reached_tally(r, count: GoalCount) -> str:
    """The reached goals of a tally, with how many of them are reached "men osäkert": ``två uppnådda``,
    ``ett uppnått (men osäkert)``, ``två uppnådda (men osäkert för ett av dem)``."""
    ok, uncertain = count.reached, min(count.uncertain, count.reached)
    if not uncertain:
        return r.plural("kind.tally_ok", ok, n=ok)
    if uncertain == ok:
        return r.plural("kind.tally_ok_uncertain", ok, n=ok)
    return r.msg("kind.tally_ok_some_uncertain", n=ok, k=uncertain)


def own_goals_sentence(r, count: GoalCount, n: int) -> str:
    """How many of the project's own ``n`` goals are reached, partly reached, not reached and not (yet)
    judged, one verdict per goal (:func:`evaltools.analysis.goals.count_goals`), naming only the groups
    that have goals: "Av projektets fyra egna mål är två uppnådda och ett delvis uppnått; ett är inte
    bedömt." A reach "men osäkert" counts as reached, as the portfolio counts it, and the tally says so
    as the portfolio does ("två uppnådda (men osäkert för ett av dem)"): a reader of the count alone is never
    told that a goal whose interval spans its target was simply reached."""
    judged = [_reached_tally(r, count)] if count.reached else []
    judged += [r.plural(key, c, n=c) for key, c in (("kind.tally_partly", count.partly),
                                                    ("kind.tally_not", count.not_reached)) if c]
    tally = r.words.join(judged)
    # (a goal whose every period still runs is running, as its row says, not "not assessed")
    running = min(count.running, n - count.judged)
    rest = [r.plural(key, c, n=c) for key, c in (("kind.tally_running", running),
                                                 ("kind.tally_unassessed", n - count.judged - running)) if c]
    if rest:
        tally = (tally + "; " if tally else "") + r.words.join(rest)
    return r.msg("kind.structural_goals_own", n=n, tally=tally)


def volumes_sentence(r, count: GoalCount, others: bool = False) -> str:
    """How many of the application's measurable goals its own volumes would reach in every period, one
    per goal as the portfolio counts them: "Båda målen nås i varje period …" or "… nås ett av tre mål
    i varje period; ett nås delvis och ett nås inte", with no zero counts; ``others`` when a sentence
    before it has named goals the volumes cannot be compared with ("Båda de andra målen nås …")."""
    n, ok = count.judged, count.reached
    if ok == n and others:  # after the goals the volumes cannot be compared with: these are the others
        key = {1: "kind.ex_ante_goals_one_other", 2: "kind.ex_ante_goals_both_others"}.get(n)
        return r.msg(key) if key else r.msg("kind.ex_ante_goals_all_others", n=number_word(n, r.lang, neuter=True))
    if ok == n:
        key = {1: "kind.ex_ante_goals_one", 2: "kind.ex_ante_goals_both"}.get(n)
        return r.msg(key) if key else r.msg("kind.ex_ante_goals_all", n=n)
    parts = (("kind.volumes_partly", count.partly), ("kind.volumes_not", count.not_reached))
    rest = r.words.join([r.msg(key, n=c) for key, c in parts if c])
    return r.msg("kind.ex_ante_goals", ok=number_word(ok, r.lang, neuter=True), n=n, rest=rest)


def structural(r) -> list[str]:
    out = [r.msg("kind.structural_survey" if has_survey(r) else "kind.structural")]  # (questionnaires too)
    p = r.params
    if p.runs_on:  # still running when the data were taken: an interim report, as the title says
        out.append(r.msg("kind.structural_running", end=fmt_date(p.period.end), as_of=fmt_date(p.as_of)))
    pop = population_text(r)
    if pop:
        out.append(r.msg("kind.structural_population", population=pop))
    own = own_goals(r.goals.table)
    counts = qualitative_counts(r.goals.table)
    if len(own) and (own["kind"] != "qualitative").any():
        # measured goals beside the assessed ones (a questionnaire's share): the project's own goals counted
        # one verdict each, the count its portfolio row states ("nådde två av tre bedömda mål")
        out.append(own_goals_sentence(r, count_goals(own_verdicts(r.goals.table)), len(own)))
    elif counts:
        out.append(qualitative_sentence(r, *counts))
    # (the cost and the break-even requirement follow in the page-1 parts on cost and worth)
    return out


def unexpected_outcomes_sentence(r) -> str | None:
    """How many of the application's measurable goals its volumes cannot be compared with, since it does not
    say how its expected exits divide between the outcomes (a goal of studies among successes not divided,
    :func:`evaltools.analysis.goals.expected_part`): "Två av de fyra mätbara målen kan inte jämföras …";
    ``None`` when there is none."""
    tab = r.goals.table
    measured = measurable_own_goals(tab)
    k = len(volumes_not_comparable(tab))  # (the count the portfolio's row states)
    if not k:
        return None
    notes = set(tab.loc[tab["goal_id"].isin(measured["goal_id"]), "note"])
    what = r.words.join([r.msg(key) for note, key in (("outcomes_not_expected", "kind.not_expected_outcomes"),
                                                      ("plans_not_expected", "kind.not_expected_plans"),
                                                      ("time_not_expected", "kind.not_expected_time"),
                                                      ("later_not_expected", "kind.not_expected_later"),
                                                      ("households_ex_ante", "kind.not_expected_households"),
                                                      ("among_ex_ante", "kind.not_expected_group"))
                         if note in notes])
    if k == len(measured):
        return r.msg("kind.ex_ante_not_comparable_all", what=what)
    said = r.msg("kind.ex_ante_not_comparable", k=number_word(k, r.lang, neuter=True),
                 n=number_word(len(measured), r.lang, neuter=True), what=what)
    return said[:1].upper() + said[1:]


def ex_ante(r) -> list[str]:
    out = [r.msg("kind.ex_ante")]
    counts = ex_ante_counts(r.goals.table)
    unexpected = unexpected_outcomes_sentence(r)
    if unexpected:  # said first, so that the goals the volumes reach are read as the others
        out.append(unexpected)
    if counts is None:
        if not unexpected:
            out.append(r.msg("kind.ex_ante_no_volumes"))
        return out
    count, same = counts
    n = count.judged
    out.append(volumes_sentence(r, count, others=bool(unexpected)))
    if same == n:
        out.append(r.msg("kind.ex_ante_restates_all"))
    elif same:
        out.append(r.msg("kind.ex_ante_restates_some", k=str(same), n=str(n)))
    mde = mde_sentence(r)  # how large an effect the planned volumes could show
    if mde:
        out.append(mde)
    waiting = _qualitative_not_assessed(r)
    if waiting:  # (the goal table lists them as not assessed: page 1 names them, never counts them as reached)
        out.append(r.plural("kind.ex_ante_qualitative", waiting, n=number_word(waiting, r.lang, neuter=True)))
    return out


def _qualitative_not_assessed(r) -> int:
    """How many of the application's own qualitative goals the evaluator has not assessed (before the start)."""
    tab = r.goals.table
    if tab.empty:
        return 0
    first = tab.drop_duplicates("goal_id")
    own = first[(first["source"] == "ansökan") & (first["kind"] == "qualitative")]
    return int((own["status"] == GoalStatus.NOT_ASSESSED).sum())


def page_one(r) -> list[str]:
    """The kind's own page-1 sentences (none for a participant project)."""
    if r.kind == "struktur":
        return structural(r)
    if r.kind == "ansökan":
        return ex_ante(r)
    return []
