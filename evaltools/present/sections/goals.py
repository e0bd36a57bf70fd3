"""Goal fulfilment: the measurable goals per period with a chart, the qualitative goals, the
context goals (municipal statistics) and page 1's goal-by-goal sentences."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..results import goal_table_frame
from ..display import Table, Text
from .facts import persons_prose
from ...data.privacy import hides
from ...data.params import DEFAULT_SUCCESS, label_per_part, label_words, read_label, words_named
from ...words.formats import capitalized, fmt_date, fmt_int, fmt_num, fmt_p_relation, fmt_pct, number_word
from ...data import schema as S
from ...words.labels import SOURCE_LABELS, answered_since, code_label, goal_count_words, goal_note, group_word, period_label, period_name, same_support_rule, same_support_sentence, t, time_limit_words
from ...analysis.goals import (AMONG_FEW_BEYOND, AMONG_FEW_OTHERS, HOUSEHOLDS_WITHHELD, SHORT_NOTE, GoalStatus, GoalVerdict, IntervalVerdict,
                                main_goal, measurable_own_goals, sole_judged_period, verdict_statuses)
from ...words.verdicts import lower_first, status_words, verdict_words
from ...analysis.goals import (applies_same_support, context_series, exits_beyond_words, exits_to, expected_part,
                                goal_same_support, project_successes, side_p)
from ...analysis.disclosure import Secondary
from ...analysis.survey import LOW_RESPONSE_RATE
from ..plots import plot_context, plot_goals
from .survey import goal_figures as survey_figures
from .survey import asked_are_ended, response_words

# where a share's interval lies, as page 1 says it in a goal's figures
SHARE_WHERE = {IntervalVerdict.ABOVE: "summary.goal_share_above", IntervalVerdict.BELOW: "summary.goal_share_below",
               IntervalVerdict.SPANS: "summary.goal_share_within"}


def show_chart(goal_table: pd.DataFrame) -> bool:
    """A chart when there is a measurable goal with something to compare against."""
    measurable = goal_table[~goal_table["kind"].isin(("qualitative", "context"))]
    if len(measurable) and (measurable["mode"] == "ex_ante").all():  # only the goals the volumes can be compared with
        return bool(measurable["value"].notna().any())
    return bool(len(measurable)) and measurable["mode"].iloc[0] != "none"


def months_run(first: dt.date, last: dt.date) -> float:
    """Calendar months from ``first`` to ``last`` inclusive, to a half month: 2019-02-01 to
    2019-10-15 is 8 whole months and 15 of October's 31 days, 8,5 months."""
    import calendar
    end = last + dt.timedelta(days=1)
    whole = (end.year - first.year) * 12 + end.month - first.month
    days = end.day - first.day
    if days < 0:
        whole -= 1
        prev_month = end.month - 1 or 12
        prev_year = end.year if end.month > 1 else end.year - 1
        days += calendar.monthrange(prev_year, prev_month)[1]
    month_len = calendar.monthrange(end.year, end.month)[1]
    return round((whole + days / month_len) * 2) / 2


def period_words(key: str, lang: str) -> str:
    """A period as it reads inside a sentence: "år 1" / "in year 1", "under 2019" / "in 2019" (never a
    bare year after a count: "3 2023" reads as one number),
    "under hela perioden" / "over the whole period"."""
    if key.startswith("år"):
        return t("period_in_year", lang, n=key[2:])
    if key == "hela":
        return t("period_in_whole", lang)
    return t("period_in_calendar", lang, year=key)


def goal_details(r, rows: pd.DataFrame) -> str:
    """The figures behind one goal's verdict, period by period ("37 år 1 och 15 år 2 (perioden
    kortades till 8,5 månader; målet för den tiden var 35)"). A running period gives its value so far
    and the target for the time run so far; it is never said to have been cut short."""
    return _details(r, rows)[0]


def _details(r, rows: pd.DataFrame) -> tuple[str, bool]:
    """``goal_details`` and whether its figures name a period as running ("23 hittills år 3, som pågår"), so
    that the verdict before them does not say it a second time."""
    lang, msg = r.lang, r.msg
    running_said = False
    parts, wheres = [], []
    total_before = total_of(rows)
    unit = str(rows["counts"].iloc[0]) if "counts" in rows and len(rows) else "persons"  # (persons or households)
    # (a running period's share so far is not placed against its target: those still enrolled have no outcome yet)
    shares = rows[(rows["kind"] == "share") & (rows["mode"] != "survey") & ~rows["too_few"].astype(bool)
                  & rows["value"].notna() & ~rows["running"].fillna(False).astype(bool)]
    sides = {str(v) for v in shares["ci_verdict"]}
    once = len(shares) > 1 and len(sides) == 1  # one place of the interval for every period: said once
    few = ((rows["suppression"].astype(str) != "") & rows["too_few"].astype(bool)
           & (rows["status"] != GoalStatus.NOT_REACHED)) if "suppression" in rows else None
    if few is not None and len(rows) > 1 and few.all() and (rows["mode"] != "survey").all():
        # every period too few: said once ("för få för att bedöma något av de tre åren"), not once a period
        years = all(str(k).startswith("år") for k in rows["period_key"])
        parts = [msg("summary.goal_too_few_all_years" if years else "summary.goal_too_few_all_periods",
                     n=number_word(len(rows), lang, neuter=years))]
        rows = rows.iloc[0:0]
    for row in rows.itertuples(index=False):
        period = period_words(row.period_key, lang)
        if getattr(row, "suppression", "") and row.mode != "survey":  # a period the small-count rule hides
            # fewer than k, below the target whatever it is: not reached, or (SHORT_NOTE) short of it whatever the
            # band's word, and counted so in the goal's verdict ("nått ett av två år")
            if row.too_few and (row.status == GoalStatus.NOT_REACHED or row.note == SHORT_NOTE):
                # ("färre än 5 hushåll år 2" where the goal counts households)
                parts.append(msg("summary.goal_below_few", period=period,
                                 k=goal_count_words(r.params.privacy.min_count, unit, lang)))
                continue
            parts.append(msg("summary.goal_too_few" if row.too_few else "summary.goal_withheld", period=period))
            continue
        if row.status == GoalStatus.NOT_ASSESSED and not row.too_few:
            continue
        if row.mode == "survey":  # a share of respondents: its counts, response rate and sample size
            where = ""
            if not row.too_few and pd.notna(row.value) and row.ci_verdict:  # (none while answers still come in)
                side = IntervalVerdict(row.ci_verdict)
                where = msg(SHARE_WHERE[side], **({"target": fmt_pct(row.target, lang, 0)}
                                                  if side == IntervalVerdict.SPANS else {}))
            parts.append(survey_figures(r, row, r.survey.goal(row.goal_id), where))
            continue
        if row.kind == "share":
            if row.too_few:
                parts.append(msg("summary.goal_too_few", period=period))
                continue
            if pd.isna(row.value):
                continue
            n = (goal_count_words(row.denominator, unit, lang) if unit == "households"
                 else denominator_words(r, row.goal_id, row.denominator))  # ("2 av 5 hushåll")
            figures = dict(share=fmt_pct(row.value, lang), period=period, k=fmt_int(row.numerator, lang), n=n)
            if row.running:  # the share so far, not yet placed against the target
                parts.append(msg("summary.goal_share_running_plain", **figures))
                continue
            # (page 1 says where the interval lies; the interval and p-value are in the goal section)
            side = IntervalVerdict(row.ci_verdict)
            values = {"target": fmt_pct(row.target, lang, 0)} if side == IntervalVerdict.SPANS else {}
            where = msg(SHARE_WHERE[side], **values)
            if once:
                parts.append(msg("summary.goal_share_plain", **figures))
                wheres.append(where)
            else:
                parts.append(msg("summary.goal_share", where=where, **figures))
            continue
        value = goal_count_words(row.value, unit, lang)  # ("12 hushåll" where the goal counts households)
        run = round(months_run(row.period_first, row.observed_last), 1)
        months = fmt_num(run, 0 if run == int(run) else 1, lang)  # ("7 månader", not "7,0 månader")
        target = fmt_int(row.target_prorated, lang)  # as it is compared (whole persons)
        running_said = running_said or bool(row.running)
        if row.running and row.value >= row.target:  # a count only grows: the whole target is already reached
            parts.append(msg("summary.goal_running_full", value=value, period=period,
                             full=fmt_int(row.target, lang)))
        elif row.running:
            parts.append(msg("summary.goal_running", value=value, period=period, months=months,
                             target=target))
        elif row.cut:
            parts.append(msg("summary.goal_cut", value=value, period=period, months=months,
                             target=target))
        elif row.target_prorated != row.target:  # a period shorter by plan (the last project year)
            parts.append(msg("summary.goal_short", value=value, period=period, months=months,
                             target=target))
        else:
            parts.append(msg("summary.goal_count", value=value, period=period))
    text = r.words.join(parts)
    total = total_of(rows) if len(rows) else total_before
    if total is not None:  # a count goal with a hidden period keeps its total (analysis.goals.hide_small_periods)
        text = msg("summary.goal_total", figures=text,
                   total=goal_count_words(total, unit, lang))
    return (msg("summary.goal_share_every", figures=text, where=wheres[0]) if wheres else text), running_said


def total_of(rows: pd.DataFrame) -> float | None:
    """One goal's total over its periods as the goal table states it beside a hidden period, or None."""
    if "total" not in rows:
        return None
    totals = rows["total"].dropna()
    return float(totals.iloc[0]) if len(totals) else None


def total_notes(r) -> list[str]:
    """The goal table's note of each count goal's total where the small-count rule hides a period."""
    tab = r.goals.table
    out = []
    for gid in dict.fromkeys(tab["goal_id"]):
        rows = tab[tab["goal_id"] == gid]
        total = total_of(rows)
        if total is not None:
            unit = str(rows["counts"].iloc[0]) if "counts" in rows else "persons"
            out.append(r.msg("goals.hidden_total", goal=rows["label"].iloc[0].rstrip("."),
                             total=goal_count_words(total, unit, r.lang)))
    return out


# how each filter of a goal's group (``among:``) is said, and the column whose code labels its value
_GROUP_KEYS = {"sex": ("goals.among.sex", S.SEX), "household_type": ("goals.among.household_type", S.HOUSEHOLD_TYPE),
               "age_group": ("goals.among.age_group", None), "age_below": ("goals.among.age_below", None),
               "age_from": ("goals.among.age_from", None), "age_band": ("goals.among.age_band", None),
               "project_year": ("goals.among.project_year", None),
               "support_start": ("goals.among.support_start", S.SUPPORT_START),
               "municipality": ("goals.among.municipality", None),
               "occupation_before": ("goals.among.occupation_before", S.OCCUPATION_BEFORE)}


def group_words(r, goal_id: str) -> str:
    """The group a goal is set for (``among:``) as a sentence names it ("kvinnor, under 25 år vid start");
    empty for a goal set for everyone."""
    goal = next((g for g in r.params.goals if g.id == goal_id), None)
    if goal is None or goal.among is None:
        return ""
    parts = []
    for key, value in goal.among.parts():
        words, column = _GROUP_KEYS[key]
        # (a sex as the group of persons it is, "kvinnor", "women": "kön kvinna" named a form's category)
        shown = group_word(column, str(value), r.lang) if column else str(value)
        parts.append(r.msg(words, value=shown))
    return ", ".join(parts)


def _group_values(r, goal_id: str) -> list[str]:
    """The values of the group a goal is set for, as :func:`group_words` shows them ("Norrby", "kvinnor")."""
    goal = next((g for g in r.params.goals if g.id == goal_id), None)
    if goal is None or goal.among is None:
        return []
    return [group_word(column, str(value), r.lang) if (column := _GROUP_KEYS[key][1]) else str(value)
            for key, value in goal.among.parts()]


def label_names_group(r, goal_id: str, label: str) -> bool:
    """Whether a goal's label already names every value of the group it is set for ("Minst 20 deltagare (Norrby)"
    set for ``municipality: Norrby``): the group is then not said again beside it ("(Norrby) (från Norrby)")."""
    values = _group_values(r, goal_id)
    folded = label.casefold()
    return bool(values) and all(re.search(r"(?<!\w)" + re.escape(v.casefold()), folded) for v in values)


def household_notes(r) -> list[str]:
    """The goal table's note of each goal counted per household whose counts are hidden (``..``) because, beside the
    number of participants, they would tell how few share a household (:func:`~evaltools.analysis.goals.hide_household_bases`):
    the reason ".." has there, which is not the one the table's first note gives."""
    tab = r.goals.table
    hidden = tab[tab["note"] == HOUSEHOLDS_WITHHELD] if "note" in tab else tab.iloc[0:0]
    # (a share's counts and share; a count of the households that took part, its number)
    return [r.msg("goals.households_withheld_count" if rows["kind"].iloc[0] == "participant_count"
                  else "goals.households_withheld", goal=str(rows["label"].iloc[0]).rstrip("."),
                  k=str(r.params.privacy.min_count)) for _gid, rows in hidden.groupby("goal_id", sort=False)]


def group_notes(r) -> list[str]:
    """The goal table's note that a goal set for a group counts that group only: one goal's note names it and its
    group; two goals or more (one per municipality) are said once, each goal with its group, not a note each
    repeating the same words."""
    tab = r.goals.table
    named = [(gid, str(tab.loc[tab["goal_id"] == gid, "label"].iloc[0]).rstrip("."), group)
             for gid in dict.fromkeys(tab["goal_id"]) if (group := group_words(r, gid))]
    if len(named) > 1:
        return [r.msg("goals.among_notes", goals="; ".join(
            goal if label_names_group(r, gid, goal) else f"{goal} ({group})" for gid, goal, group in named))]
    return [r.msg("goals.among_note", goal=goal, group=group) for _gid, goal, group in named]


def same_support_said(goal) -> bool:
    """Whether the report says of ``goal`` that an exit to the support the participant started on is not counted
    (:func:`~evaltools.analysis.goals.goal_same_support`): only where its group can hold such a participant. A goal
    set for those who started on another support (``among: {support_start: försörjningsstöd}``) counts no one who
    could end on the support they started on (none of its outcomes is that support), so the rule is no part of
    what it counts, and saying it would tell the reader of persons the goal has none of."""
    start = goal.among.support_start if goal.among is not None else None
    return goal_same_support(goal) and (start is None or start in goal.success_outcomes)


def same_support_concerns(r, goal) -> bool:
    """Whether the report says the same-support rule of ``goal`` (:func:`same_support_said`) and it concerns at least
    one participant: someone started on a support among the goal's outcomes (sjukpenning, sjuk- eller
    aktivitetsersättning). Where every participant started on försörjningsstöd (or no start is given) the rule
    leaves no one out, and stating it would tell the reader of persons the project has none of."""
    df = r.project.participants
    return (same_support_said(goal) and S.SUPPORT_START in df
            and bool(df[S.SUPPORT_START].isin(list(goal.success_outcomes)).any()))


def same_support_notes(r) -> list[str]:
    """The goal table's note of each goal that counts the default successes with a support among them
    (:func:`same_support_said`): an exit to the support the participant started on is not counted, in the words
    the definition of success gives the rule (:func:`same_support_rule`)."""
    shown = set(r.goals.table["goal_id"])
    return [r.msg("goals.same_support_note", goal=g.label_for(r.lang).rstrip("."), rule=same_support_rule(r.lang))
            for g in r.params.goals if g.id in shown and same_support_concerns(r, g)]


def per_part_notes(r) -> list[str]:
    """The goal table's note of each count goal whose words set it per part of a year ("Minst 10 nya deltagare per
    kvartal") while its target is the year's (40): the target is that count times the parts of a year."""
    out = []
    for g in r.params.goals:
        part = label_per_part(g.label_for(r.lang)) if g.kind in ("participant_count", "outcome_count") else None
        if part is None or g.target is None or g.period == "whole_period" or g.target != part[1] * part[2]:
            continue
        out.append(r.msg("goals.per_part_note", goal=g.label_for(r.lang).rstrip("."), words=part[0],
                         target=fmt_int(g.target, r.lang), times=str(part[2]), n=fmt_int(part[1], r.lang)))
    return out


def enrolment_notes(r) -> list[str]:
    """The goal table's note of each participant goal whose persons had more enrolments than they are (a
    person who left and came back): the goal counts persons, each once in a period and once in all. The
    numbers are said where those enrolled more than once are at least the small-count limit and no hidden
    period's count could be worked out from them; otherwise the note says what is counted, without them."""
    tab = r.goals.table
    k = r.params.privacy.min_count
    out = []
    for gid in dict.fromkeys(tab["goal_id"]):
        rows = tab[tab["goal_id"] == gid]
        if rows["kind"].iloc[0] != "participant_count" or not (rows["returned"].fillna(0) > 0).any():
            continue
        first = rows.iloc[0]
        goal = str(first["label"]).rstrip(".")
        hidden = (rows["suppression"].astype(str) != "").any()
        if hides(float(first["returned"]), k) or (hidden and total_of(rows) is None):
            out.append(r.msg("goals.enrolments_some", goal=goal))
        else:
            out.append(r.msg("goals.enrolments", goal=goal, persons=fmt_int(first["total_persons"], r.lang),
                             enrolments=fmt_int(first["total_enrolments"], r.lang),
                             returned=fmt_int(first["returned"], r.lang)))
    return out


def by_intake_notes(r) -> list[str]:
    """The goal table's note that a share or count of outcomes per year counts each exit in the year its person was
    enrolled (``count_by: intake``, the default, as a final report counts them), which a reader of a row "År 2
    (dates)" would otherwise take for the exits between those dates; the goals named where others count by exit."""
    shown = set(r.goals.table["goal_id"])
    per_year = [g for g in r.params.goals if g.kind in ("share", "outcome_count") and g.period != "whole_period"
                and g.numerator in ("outcome", "action_plan") and g.id in shown and not g.per_household]
    # a goal counted per household per year counts each household in the year its first participant started
    households = [r.msg("goals.by_first_start_note", goals=r.words.join(
        [g.label_for(r.lang).rstrip(".") for g in r.params.goals
         if g.per_household and g.period != "whole_period" and g.id in shown]))] \
        if any(g.per_household and g.period != "whole_period" and g.id in shown for g in r.params.goals) else []
    intake = [g for g in per_year if g.count_by == "intake"]
    if not intake:
        return households
    if len(intake) == len(per_year):
        return [r.msg("goals.by_intake_note"), *households]
    return [r.msg("goals.by_intake_some_note", goals=r.words.join([g.label_for(r.lang).rstrip(".") for g in intake])),
            *households]


def sole_period_hidden(rows: pd.DataFrame) -> bool:
    """Whether the one period a goal's verdict rests on (:func:`evaltools.analysis.goals.sole_judged_period`) is a
    period whose figure the report does not show (withheld so that a small count cannot be worked out, or not
    reported): a verdict "bedömt enbart på år 1" then says that the reader cannot see år 1's figure."""
    if rows.empty or rows["kind"].iloc[0] in ("qualitative", "context"):
        return False
    sole = sole_judged_period(rows)
    if sole is None:
        return False
    row = rows[rows["period_key"].astype(str) == sole].iloc[0]
    return bool(str(row.get("suppression", "") or "")) or pd.isna(row["value"])


def one_period_verdict(r, rows: pd.DataFrame, verdict: str, sole: str) -> str:
    """A goal's verdict resting on its one judged period ``sole``, naming that period, and saying so where its figure
    is not shown ("uppnått, bedömt enbart på år 1, vars siffra inte redovisas")."""
    key = "summary.goal_verdict_one_period_hidden" if sole_period_hidden(rows) else "summary.goal_verdict_one_period"
    return r.msg(key, verdict=verdict, period=lower_first(period_name(sole, r.lang)))


def one_period_notes(r) -> list[str]:
    """The goal table's note of each goal whose verdict rests on one period, the others hidden, too few
    to judge or not ended (:func:`evaltools.analysis.goals.sole_judged_period`), with the verdict and
    qualifier page 1 gives it."""
    tab = r.goals.table
    out = []
    for gid in dict.fromkeys(tab["goal_id"]):
        rows = tab[tab["goal_id"] == gid]
        if rows["kind"].iloc[0] in ("qualitative", "context") or (sole := sole_judged_period(rows)) is None:
            continue
        verdict = one_period_verdict(r, rows, lower_first(verdict_text(rows, r.lang)), sole)
        out.append(r.msg("goals.one_period_note", goal=rows["label"].iloc[0].rstrip("."), verdict=verdict))
    return out


def unexpected_outcome_notes(r) -> list[str]:
    """An application's goal table's note of each goal its volumes cannot be compared with, since the application
    does not say how many of its expected exits go to the goal's outcomes (a goal of studies among successes not
    divided; :func:`evaltools.analysis.goals.expected_part`): why it is not assessed."""
    tab = r.goals.table
    out = []
    for note, key in (("outcomes_not_expected", "goals.outcomes_not_expected_note"),
                      ("plans_not_expected", "goals.plans_not_expected_note"),
                      ("later_not_expected", "goals.later_not_expected_note")):
        said = tab.loc[tab["note"] == note, "label"]
        out += [r.msg(key, goal=str(label).rstrip(".")) for label in dict.fromkeys(said)]
    # the volumes count participants, persons, and a goal counted per household counts households: said once for all
    households = list(dict.fromkeys(str(label).rstrip(".") for label in tab.loc[tab["note"] == "households_ex_ante",
                                                                                 "label"]))
    if households:
        out.append(r.msg("goals.households_ex_ante_note", goal=r.words.join(households)))
    for gid in dict.fromkeys(tab.loc[tab["note"] == "time_not_expected", "goal_id"]):
        # (a share within some months of the start: the volumes do not say how soon the exits come)
        goal = next(g for g in r.params.goals if g.id == gid)
        out.append(r.msg("goals.time_not_expected_note", goal=goal.label_for(r.lang).rstrip("."),
                         counted=time_limit_words(goal.within_months or 0, r.lang),
                         months=fmt_int(goal.within_months or 0, r.lang)))
    return out


def expected_share_notes(r) -> list[str]:
    """An application's goal table's note of each share its volumes give: how the expected share is made of
    them, since an application states counts a year, not shares: the expected exits to the goal's outcomes a
    year over the expected participants a year, as if every participant ended within the year; or the
    application's own expected share of exits with an action plan (and for a count of plans, that share of the
    participants)."""
    tab = r.goals.table
    e = r.params.expected
    if e is None:
        return []
    out = []
    for gid in dict.fromkeys(tab.loc[tab["value"].notna() & tab["kind"].isin(("share", "outcome_count")), "goal_id"]):
        goal = next(g for g in r.params.goals if g.id == gid)
        label = str(tab.loc[tab["goal_id"] == gid, "label"].iloc[0]).rstrip(".")
        if goal.numerator == "action_plan":
            share = fmt_pct(e.exits_with_action_plan_share, r.lang, decimals=0)
            if goal.kind == "share":  # (the application's own share: no participants in it)
                out.append(r.msg("goals.expected_plans_share_note", goal=label, share=share))
            else:
                out.append(r.msg("goals.expected_plans_count_note_mean" if e.participants_by_year
                                 else "goals.expected_plans_count_note", goal=label, share=share,
                                 participants=fmt_num(e.participants_per_year, 0, r.lang)))
        elif goal.kind == "share" and not goal.composition:
            successes = (e.successes_per_year or 0.0) * (expected_part(goal, r.params) or 0.0)
            # (volumes written per project year: their mean stands for a year here, and is said to be one)
            out.append(r.msg("goals.expected_share_note_mean" if e.participants_by_year else "goals.expected_share_note",
                             goal=label,
                             successes=fmt_num(successes, 0 if successes == round(successes) else 1, r.lang),
                             participants=fmt_num(e.participants_per_year, 0 if e.participants_per_year ==
                                                  round(e.participants_per_year or 0.0) else 1, r.lang)))
    return out


def base_said_with_ended(r) -> str | None:
    """The share goal whose count of exits page 1 gives beside its count of everyone who ended, or ``None``.

    Where the main goal counts successes and another goal judges their share of the exits, leaving some out
    (those who moved away), page 1 counts the successes among everyone who ended (242) while that goal's share
    is of fewer (236). The first figure the reader meets says, in the sentence after it, how many the share goal
    counts and why (:func:`evaltools.present.sections.summary.participation`), and that goal's line gives its
    count without saying why again. Not where page 1 withholds the count of ended or of successes, or where
    none succeeded (then page 1 says "ingen av de …" and the goal's line keeps its reason)."""
    sc = project_successes(r.project, r.lang)
    d = sc.definition
    if (d.share_goal_id is None or d.kind not in ("action_plan", "goal_outcomes") or not sc.successes
            or not d.left_out(r.project.participants)):
        return None
    dis = r.disclosure
    if dis.hides(Secondary.ENDED) or dis.hides(Secondary.SUCCESSES) or hides(sc.base, r.params.privacy.min_count):
        return None
    return d.share_goal_id


def denominator_words(r, goal_id: str, n: float) -> str:
    """A share's denominator as page 1 gives it; where the goal leaves some exits out (those who moved
    away, say) it says so, so that the count of ended participants beside it need not match, unless page 1
    has said so beside that count (:func:`base_said_with_ended`)."""
    goal = next((g for g in r.params.goals if g.id == goal_id), None)
    excluded = tuple(getattr(goal, "exclude_from_denominator", ()) or ())
    if not excluded or goal_id == base_said_with_ended(r):
        return fmt_int(n, r.lang)
    outcomes = r.words.join([code_label(S.OUTCOME, c, r.lang).lower() for c in excluded])
    return r.msg("summary.goal_share_excluded", n=fmt_int(n, r.lang), outcomes=outcomes)


def verdict_text(rows: pd.DataFrame, lang: str) -> str:
    """A goal's verdict as a table cell ("Uppnått, men osäkert"): the words the workbook and the
    portfolio use too. (A period still running beside the judged ones is named in the figures.)"""
    return verdict_words(rows.iloc[0]["verdict"], lang)


def mixed_reason(r, rows: pd.DataFrame) -> str:
    """Why one goal's verdict is *partly* when its periods differ: in how many of its judged periods it was
    reached (" (nått ett av tre år)"); empty for a verdict its periods share or a goal of one period."""
    statuses = verdict_statuses(rows)  # (a period of too few that fell short counts as not reached)
    judged = [s.certain for s in statuses if s.judged]
    if len(judged) < 2 or len(set(judged)) < 2 or GoalVerdict(rows.iloc[0]["verdict"]) not in (
            GoalVerdict.PARTLY, GoalVerdict.PARTLY_UNCERTAIN):
        return ""
    years = all(str(k).startswith("år") for k, s in zip(rows["period_key"], statuses) if s.judged)
    reached = sum(s == GoalStatus.REACHED for s in judged)
    n = number_word(len(judged), r.lang, neuter=years)
    if not reached:  # partly, in none reached: "(nått i noll av två perioder)" reads as a slip
        return " " + r.msg("summary.goal_none_reached_years" if years else "summary.goal_none_reached_periods", n=n)
    key = "summary.goal_mixed_years" if years else "summary.goal_mixed_periods"
    return " " + r.msg(key, k=number_word(reached, r.lang, neuter=years), n=n)


def _side_p(row) -> float:
    return side_p(row)


# A goal's words for the situation some time after exit ("inom sex månader efter avslut", "6 mån efter avslutad
# insats", "ett halvår efter avslut", "12 months after exit"): the participant file's outcome is the situation at exit, so the figure is that, and is said to be
_AFTER_EXIT = re.compile(
    r"(?:(?:\binom\s+|\bwithin\s+)?\b(?:\d+|en|ett|två|tre|fyra|fem|sex|nio|tolv|arton|one|two|three|four|five|six|nine|"
    r"twelve|eighteen)\s+(?:månader|månad|mån\.?|halvår|år|veckor|months?|years?|weeks?)\s+"
    r"|\b(?:inom\s+|within\s+)?(?:ett\s+)?halvår\s+|\b(?:within\s+)?(?:half\s+a\s+year|(?:a\s+)?half[\s-]year)\s+)"
    r"(?:efter|från|after|from|of)\s+(?:avslut\w*(?:\s+(?:insats|deltagande)\w*)?|utskrivning\w*|insatsen\b|projektet\b|exit\w*|leaving\b|the\s+end\b)",
    re.IGNORECASE)


def after_exit_words(label: str) -> str | None:
    """The words of a goal's label that put its outcome some time after exit, or None; read as the params file
    reads a label (:func:`~evaltools.data.params.read_label`: a no-break space, a zero-width space or a soft hyphen
    pasted from Word is what it looks like), and quoted as the label shows them."""
    m = _AFTER_EXIT.search(read_label(label))
    return label_words(m.group(0).strip(), label) if m else None


def after_exit_sentences(r) -> list[str]:
    """For each goal counting outcomes whose label is about a time after exit: that the outcome at exit is
    what the figures count."""
    tab = r.goals.table
    rows = tab[tab["kind"].isin(("outcome_count", "share"))].drop_duplicates("goal_id")
    rows = rows[rows["goal_id"].map(_counts_outcomes(r))]
    return [r.msg("goals.after_exit", label=row.label.rstrip("."), words=words)
            for row in rows.itertuples(index=False) if (words := after_exit_words(row.label))]


def not_yet_due(r, goal_id: str) -> int:
    """How many enrolments a share goal with a time limit (``within_months``) left out of its base in all its periods,
    their months not passed at the data's date."""
    tab = r.goals.table
    rows = tab[tab["goal_id"] == goal_id]
    return int(rows["not_yet_due"].fillna(0).sum()) if "not_yet_due" in rows else 0


def within_months_sentences(r, goal) -> list[str]:
    """Page 1's sentences on a share goal with a time limit: what counts as reaching it, and how many are not
    counted yet because their months had not passed."""
    if goal.within_months is None:
        return []
    months = fmt_int(goal.within_months, r.lang)
    out = [r.msg("summary.goal_within_months", counted=time_limit_words(goal.within_months, r.lang), months=months)]
    n = not_yet_due(r, goal.id)
    if n:
        out.append(r.msg("summary.goal_within_months_not_yet", n=fmt_int(n, r.lang), months=months))
    return out


def within_months_notes(r) -> list[str]:
    """The goal table's note of each share goal with a time limit: what it counts and the number left out."""
    out = []
    for g in r.params.goals:
        rows = r.goals.table[r.goals.table["goal_id"] == g.id]
        if g.within_months is None or rows.empty or (rows["note"] == "time_not_expected").all():
            continue  # (an application's: not compared with its volumes, and its note says why)
        months = fmt_int(g.within_months, r.lang)
        note = r.msg("goals.within_months_note", goal=g.label_for(r.lang).rstrip("."),
                     counted=time_limit_words(g.within_months, r.lang), months=months)
        n = not_yet_due(r, g.id)
        if n:
            note += " " + r.msg("goals.within_months_left_out", n=fmt_int(n, r.lang), months=months)
        out.append(note)
    return out


def prolonged_parts(r, rows: pd.DataFrame) -> list[str]:
    """What a prolonged project's goal intro says of the targets its measurable goals (``rows``) have in the extra
    time: a goal per year has the application's yearly target there, or the one its ``targets`` set for each year
    (an extension's own target); a goal for the whole period keeps its target over the prolonged time. Only the
    kinds of goal the project has are named."""
    goals = {g.id: g for g in r.params.goals}
    ids = list(dict.fromkeys(rows["goal_id"]))
    # (a questionnaire's goal is judged over the whole period, whatever its period says)
    whole = [i in goals and (goals[i].period == "whole_period" or goals[i].kind == "survey") for i in ids]
    yearly = [goals[i] for i, w in zip(ids, whole) if i in goals and not w]
    own = [g.targets is not None for g in yearly]
    out = []
    if yearly:
        out.append(r.msg("goals.prolonged_own" if all(own) else "goals.prolonged_mixed" if any(own)
                         else "goals.prolonged_same"))
    if any(whole):
        out.append(r.msg("goals.prolonged_whole"))
    return out


def still_enrolled_rows(r, goal_id: str) -> list:
    """A share goal of the ended: each period judged although some of those it counts were still enrolled at the
    analysis date of a project still running (an ended year, counted by intake); their outcome is not known yet,
    so the period's share may move when they end."""
    tab = r.goals.table
    # (none still enrolled in any period, as in every ended project: nothing to filter, page 1 asks once a goal)
    if "still_enrolled" not in tab or not (pd.to_numeric(tab["still_enrolled"], errors="coerce") > 0).any():
        return []
    rows = tab[(tab["goal_id"] == goal_id) & ~tab["running"].astype(bool)]
    return [row for row in rows.itertuples(index=False)
            # (only beside a base the table shows: with the period's intake, the number would give a hidden base)
            if pd.notna(row.still_enrolled) and row.still_enrolled > 0 and GoalStatus(row.status).judged
            and pd.notna(row.denominator)]


def still_enrolled_periods(r, goal_id: str) -> list[tuple[str, int]]:
    """:func:`still_enrolled_rows` as each period's key and how many of it were still enrolled."""
    return [(str(row.period_key), int(row.still_enrolled)) for row in still_enrolled_rows(r, goal_id)]


def still_enrolled_sentences(r, goal_id: str) -> list[str]:
    """Page 1's sentence for each judged period of a share goal whose counted are partly still enrolled."""
    return [r.msg("summary.goal_still_enrolled", period=lower_first(period_name(key, r.lang)), n=persons_prose(r, n))
            for key, n in still_enrolled_periods(r, goal_id)]


def still_enrolled_notes(r) -> list[str]:
    """The goal table's note for each judged period of a share goal whose counted are partly still enrolled: how
    many, and where their count is shown, the shares they could end at (none of them a success, all of them one)
    and whether the verdict stands whichever it is."""
    out = []
    for g in r.params.goals:
        for row in still_enrolled_rows(r, g.id):
            m = int(row.still_enrolled)
            note = r.msg("goals.still_enrolled_note", goal=g.label_for(r.lang).rstrip("."),
                         period=lower_first(period_name(str(row.period_key), r.lang)), n=persons_prose(r, m),
                         date=r.params.as_of.isoformat())
            if not hides(m, r.params.privacy.min_count) and pd.notna(row.still_enrolled_firm):
                k, n = int(row.numerator), int(row.denominator)
                note += " " + r.msg("goals.still_enrolled_firm" if bool(row.still_enrolled_firm)
                                    else "goals.still_enrolled_open",
                                    low=fmt_pct(k / (n + m), r.lang), high=fmt_pct((k + m) / (n + m), r.lang))
            out.append(note)
    return out


def _followup_counts(r, goal) -> tuple[int, int]:
    """A goal counted months after exit (``after_exit_months``): how many of the ended its periods left out, their
    months not passed at the data's date, and how many whose months had passed have no situation in the column."""
    rows = r.goals.table[r.goals.table["goal_id"] == goal.id]
    return (int(rows["not_yet_due"].fillna(0).sum()) if "not_yet_due" in rows else 0,
            int(rows["followup_unknown"].fillna(0).sum()) if "followup_unknown" in rows else 0)


def followup_sentences(r, goal) -> list[str]:
    """Page 1's sentences on a share goal counted months after exit: who is not counted yet, and for how many the
    situation then is not known (the share is of those whose situation is known)."""
    if goal.after_exit_months is None or goal.id not in set(r.goals.table["goal_id"]):
        return []
    months = fmt_int(goal.after_exit_months, r.lang)
    later, unknown = _followup_counts(r, goal)
    out = [r.msg("summary.goal_followup", months=months)]
    if later:
        out.append(capitalized(r.msg("goals.followup_not_yet", n=persons_prose(r, later), months=months)))
    if unknown:
        out.append(r.msg("goals.followup_unknown", n=persons_prose(r, unknown), months=months))
    return out


def followup_notes(r) -> list[str]:
    """The goal table's note of each share goal counted months after exit: what it counts, from which column, and
    who is left out."""
    out = []
    headings = r.project.followup_headings
    for g in r.params.goals:
        rows = r.goals.table[r.goals.table["goal_id"] == g.id]
        if g.after_exit_months is None or rows.empty or (rows["note"] == "later_not_expected").all():
            continue
        months = fmt_int(g.after_exit_months, r.lang)
        note = r.msg("goals.followup_note", goal=g.label_for(r.lang).rstrip("."), months=months,
                     heading=headings.get(g.after_exit_months, f"outcome_{g.after_exit_months}m"),
                     as_of=r.params.data_until.isoformat())
        later, unknown = _followup_counts(r, g)
        if later:
            note += " " + capitalized(r.msg("goals.followup_not_yet", n=persons_prose(r, later), months=months))
        if unknown:
            note += " " + r.msg("goals.followup_unknown", n=persons_prose(r, unknown), months=months)
        out.append(note)
    return out


# (what a goal's words name of work and studies: evaltools.data.params.words_named, the one reading)
WORK_STUDIES = ("arbete", "arbete_med_stöd", "studier")
STEPS = ("aktiv_planering_annan_part", "arbetssökande")
WORK, STUDIES = ("arbete", "arbete_med_stöd"), ("studier",)
SUBSIDISED = "arbete_med_stöd"


def outcomes_beyond_words(goal) -> tuple[str, ...]:
    """The outcomes ``goal`` counts as a success that its label, naming work or studies only, does not name
    (``()`` when its label names more, or it counts no more than its words, or it counts no outcomes): a label
    naming studies only ("minst 50 % ska börja studera") that counts work too names work among them, and one
    naming work only names studies."""
    if goal.kind not in ("outcome_count", "share") or goal.numerator != "outcome":
        return ()
    named = words_named(goal)
    if not named:
        return ()
    said = {"both": WORK_STUDIES, "work": WORK, "studies": STUDIES, "steps": WORK_STUDIES + STEPS}[named]
    return tuple(o for o in goal.success_outcomes if o not in said)


def leaves_out_subsidised(r, goal) -> bool:
    """Whether ``goal``'s words name work and it counts work (``arbete``) but not subsidised work (``arbete_med_stöd``:
    a job with a wage subsidy, a new start job, OSA) while some of the exits it counts went there: read as written,
    its words would count them, so the report says they are not counted."""
    if goal.kind not in ("outcome_count", "share") or goal.numerator != "outcome" or goal.composition:
        return False
    if words_named(goal) not in ("work", "both") or SUBSIDISED in goal.success_outcomes or WORK[0] not in goal.success_outcomes:
        return False
    return exits_to(goal, r.project, SUBSIDISED) > 0


def subsidised_sentences(r) -> list[str]:
    """For each goal whose words name work that leaves out exits to subsidised work: that they are not counted (for
    a goal counted per household: that a household where a participant went there has not reached it)."""
    shown = set(r.goals.table["goal_id"])
    return [r.msg("goals.subsidised_left_out_households" if g.per_household else "goals.subsidised_left_out",
                  label=g.label_for(r.lang).rstrip("."))
            for g in r.params.goals if g.id in shown and leaves_out_subsidised(r, g)]


def beyond_words_sentences(r) -> list[str]:
    """For each goal whose label names work or studies only but which counts more outcomes as a success: which."""
    out = []
    for goal in r.params.goals:
        extra = outcomes_beyond_words(goal)
        if extra and (goal.id in set(r.goals.table["goal_id"])):
            key = {"work": "goals.beyond_words_work", "studies": "goals.beyond_words_studies",
                   "steps": "goals.beyond_words_steps"}.get(
                words_named(goal), "goals.beyond_words")
            out.append(r.msg(key, label=goal.label_for(r.lang).rstrip("."),
                             outcomes=r.words.join([code_label(S.OUTCOME, o, r.lang).lower() for o in extra])))
    return out


def words_counted_sentences(r) -> list[str]:
    """For each goal that counts the outcomes its words name (:attr:`~evaltools.data.params.Goal.named_in_words`, no
    ``success_outcomes`` of its own): which outcomes it counts, and, where some of the exits it counts went to
    another of the default successes, how many and to which, which the goal does not count since its words do not
    name them (those that some exit went to, as the outcome section's table shows). The count is left out where it,
    or the rest of the exits beside it, would be a small count hidden elsewhere, or where the report withholds the
    count of ended participants; every other default outcome is then named."""
    k, shown, out = r.params.privacy.min_count, set(r.goals.table["goal_id"]), []
    for goal in r.params.goals:
        if not goal.named_in_words or goal.id not in shown:
            continue
        label = goal.label_for(r.lang).rstrip(".")
        outcomes = r.words.join([code_label(S.OUTCOME, o, r.lang).lower() for o in goal.success_outcomes])
        n, rest, went = exits_beyond_words(goal, r.project)
        if not n:
            out.append(r.msg("goals.words_counted", label=label, outcomes=outcomes))
            continue
        few = hides(n, k) or hides(rest, k) or r.disclosure.hides(Secondary.ENDED)
        # (with no count, every other default outcome is named: which of them a few went to is not said either)
        others = r.words.join([code_label(S.OUTCOME, o, r.lang).lower() for o in (
            [o for o in DEFAULT_SUCCESS if o not in goal.success_outcomes] if few else went)])
        if few:
            out.append(r.msg("goals.words_counted_others_few", label=label, outcomes=outcomes, others=others))
        else:
            out.append(r.msg("goals.words_counted_others", label=label, outcomes=outcomes, others=others,
                             n=number_word(n, r.lang, neuter=True)))
    return out


def _counts_outcomes(r) -> dict[str, bool]:
    """Whether each goal counts exit outcomes (not the action plan, which is recorded at exit by definition)."""
    ids = after_exit_goals(r.params)
    return {g.id: g.id in ids for g in r.params.goals}


def after_exit_goals(params) -> set[str]:
    """The goals that count exit outcomes (not the action plan, which is recorded at exit by definition, nor a goal
    counted from the situation months after exit, ``after_exit_months``)."""
    return {g.id for g in params.goals if g.kind in ("outcome_count", "share") and g.numerator == "outcome"
            and g.after_exit_months is None}


def page_one(r, length: str = "full") -> list[str]:
    """Page 1's goal-by-goal sentences: the application's goals first, each with its verdict and
    figures; then goals from other sources, named as such and never counted as the application's;
    a context goal as context, never as the project's result. ``length`` is one of
    :data:`evaltools.words.lengths.LENGTHS`; the shorter ones say the same verdicts in fewer lines."""
    lang, msg, tab = r.lang, r.msg, r.goals.table
    if tab.empty:
        return []
    out = []
    order = list(dict.fromkeys(tab["goal_id"]))
    own = [g for g in order if tab.loc[tab["goal_id"] == g, "source"].iloc[0] == "ansökan"]
    other = [g for g in order if g not in own]
    qualitative = [g for g in own if tab.loc[tab["goal_id"] == g, "kind"].iloc[0] == "qualitative"]
    together = length != "full" and len(qualitative) > 1
    if together:  # (said where the first of them stood)
        own = [g for g in own if g not in qualitative[1:]]
    measured = _measured_together(r) if length == "fewest" else []
    if measured:  # (said where the first of them stood)
        own = [g for g in own if g not in measured[1:]]
    brief = length in ("shortest", "fewest")
    briefed = False
    # goals each set for a group (one per municipality): that each counts its group only is said once, after them
    groups = list(dict.fromkeys(g for gid in own if (g := group_words(r, gid))))
    several_groups = sum(bool(group_words(r, gid)) for gid in own) > 1
    for gid in own:
        rows = tab[tab["goal_id"] == gid]
        first = rows.iloc[0]
        running_said = False
        if together and gid == qualitative[0]:
            out.append(_qualitative_together(r, qualitative, pointer=not brief))
            continue
        if measured and gid == measured[0]:
            out.append(_measurable_counted(r, measured))
            so_far = sum(bool(tab.loc[tab["goal_id"] == g, "verdict_so_far"].iloc[0]) for g in measured
                         if GoalVerdict(tab.loc[tab["goal_id"] == g, "verdict"].iloc[0]) in _ACHIEVED_VERDICTS) \
                if "verdict_so_far" in tab else 0
            if so_far:  # (judged on the periods that ended while another runs on: never read as final)
                out.append(msg("summary.goals_measurable_so_far", k=number_word(so_far, lang, neuter=True)))
            briefed = True  # (the figures are in the goal section: said once, after the goals)
            continue
        verdict = lower_first(verdict_text(rows, lang))
        if first["kind"] == "qualitative":
            details = msg("summary.goal_qualitative") if first["status"] != GoalStatus.NOT_ASSESSED else ""
        elif first["kind"] == "context":
            details = context_summary(r, gid)
        elif brief:  # (the figures are in the goal section: said once, after the goals)
            details, briefed = "", True
            verdict += low_response_brief(r, rows)  # (why a survey goal is uncertain, when the figures are not here)
            if first["kind"] in ("participant_count", "outcome_count") and any(
                    bool(row.running) and pd.notna(row.value) and pd.notna(row.target) and row.value >= row.target
                    for row in rows.itertuples()):  # ("pågår" alone would hide that a count past its whole target
                verdict += msg("summary.goal_running_full_brief")  # has reached it: a count only grows)
        else:
            details, running_said = _details(r, rows)
        key = "summary.goal_line" if details else "summary.goal_line_plain"
        values = {"details": details} if details else {}
        verdict += mixed_reason(r, rows)
        sole = sole_judged_period(rows) if first["kind"] not in ("qualitative", "context") else None
        if sole is not None:
            # one year judged, the others hidden or not ended: the verdict says which year it rests on
            verdict = one_period_verdict(r, rows, verdict, sole)
            if bool(first.get("verdict_so_far", False)) and not running_said:  # (else its figures say it)
                verdict += msg("summary.goal_one_period_running")
        elif bool(first.get("verdict_so_far", False)):
            # judged on the periods that ended while another runs on: never read as the goal's final verdict;
            # where the figures after it name the running period, the verdict says "pågår" no second time
            verdict = msg("summary.goal_verdict_ended_periods" if running_said else "summary.goal_verdict_so_far",
                          verdict=verdict)
        out.append(msg(key, label=first["label"].rstrip("."), verdict=verdict, **values))
        group = group_words(r, gid)
        if group and not several_groups:  # (a goal set for a group: its figures are the group's)
            out.append(msg("summary.goal_among", group=group))
        goal = next(g for g in r.params.goals if g.id == gid)
        words = after_exit_words(first["label"]) if _counts_outcomes(r).get(gid) else None
        if words:  # (the figure is the outcome at exit: never said to be the situation months later)
            out.append(msg("summary.goal_after_exit", words=words))
        out.extend(within_months_sentences(r, goal))  # (a time limit: what counts, and who is not counted yet)
        out.extend(followup_sentences(r, goal))  # (the situation months after exit: who is not counted, and why)
        out.extend(still_enrolled_sentences(r, gid))  # (an ended period whose counted are partly still enrolled)
        extra = outcomes_beyond_words(goal) if first["kind"] in ("outcome_count", "share") else ()
        if extra:  # (the figure counts more than the goal's words name: said beside it)
            out.append(msg("summary.goal_beyond_words", outcomes=r.words.join(
                [code_label(S.OUTCOME, o, lang).lower() for o in extra])))
            # (the benefits it names: not to the same one, said where someone started on one of them)
            if applies_same_support(extra, same_support_concerns(r, goal)):
                out.append(same_support_sentence(lang))
        if first["kind"] in ("outcome_count", "share") and leaves_out_subsidised(
                r, next(g for g in r.params.goals if g.id == gid)):  # (its words' "work" counts less than it says)
            out.append(msg("summary.goal_subsidised_left_out"))
    if several_groups:
        out.append(msg("summary.goals_among", groups=r.words.join(groups)))
    if briefed:
        out.append(msg("summary.goals_figures_in_section"))
    if other:  # named once, never counted as the application's; their figures are in the goal section
        sources = list(dict.fromkeys(tab.loc[tab["goal_id"].isin(other), "source"]))
        out.append(r.plural("summary.goals_other_sources", len(other), n=fmt_int(len(other), lang),
                            sources=r.words.join([t(SOURCE_LABELS[x], lang).lower() for x in sources])))
    return out


def _qualitative_together(r, goal_ids: list[str], pointer: bool = True) -> str:
    """The application's qualitative goals in one sentence: how many the evaluator judged each way, in the
    verdict words of the goal table ("uppnått (1), delvis uppnått (4), inte bedömt (1)"), most favourable
    first; with ``pointer``, where each goal is (else a sentence after the goals says it for all of them)."""
    tab, lang = r.goals.table, r.lang
    verdicts = [GoalVerdict(tab.loc[tab["goal_id"] == g, "verdict"].iloc[0]) for g in goal_ids]
    order = list(GoalVerdict)
    counts = {v: verdicts.count(v) for v in sorted(set(verdicts), key=order.index)}
    parts = [r.msg("summary.goals_qualitative_count", verdict=lower_first(verdict_words(v, lang)),
                   n=fmt_int(n, lang)) for v, n in counts.items()]
    said = r.msg("summary.goals_qualitative_together", n=number_word(len(goal_ids), lang, neuter=True),
                 verdicts=", ".join(parts))
    return said + " " + r.msg("summary.goals_each_in_section") if pointer else said


# the verdicts of a measurable goal counted first, most favourable first, each count with its verb ("tre
# uppnåddes, två uppnåddes delvis och tre uppnåddes inte"); the others (an application's volumes, running, not
# assessed) are said after them, after a semicolon
_ACHIEVED_VERDICTS = (GoalVerdict.REACHED, GoalVerdict.REACHED_UNCERTAIN, GoalVerdict.PARTLY,
                      GoalVerdict.PARTLY_UNCERTAIN, GoalVerdict.NOT_REACHED, GoalVerdict.NOT_REACHED_UNCERTAIN)
_COUNTED_KEYS = {GoalVerdict.REACHED: "summary.goals_counted_reached",
                 GoalVerdict.REACHED_UNCERTAIN: "summary.goals_counted_reached_uncertain",
                 GoalVerdict.PARTLY: "summary.goals_counted_partly",
                 GoalVerdict.PARTLY_UNCERTAIN: "summary.goals_counted_partly_uncertain",
                 GoalVerdict.NOT_REACHED: "summary.goals_counted_not_reached",
                 GoalVerdict.NOT_REACHED_UNCERTAIN: "summary.goals_counted_not_reached_uncertain",
                 GoalVerdict.VOLUMES_REACH: "summary.goals_counted_volumes_reach",
                 GoalVerdict.VOLUMES_PARTLY: "summary.goals_counted_volumes_partly",
                 GoalVerdict.VOLUMES_SHORT: "summary.goals_counted_volumes_short",
                 GoalVerdict.RUNNING: "summary.goals_counted_running",
                 GoalVerdict.NOT_ASSESSED: "summary.goals_counted_not_assessed"}
# the sentence, by whether some goal was reached (at least partly), some reached none but uncertainly, and
# whether running, unassessed or volume-judged goals follow: (key, key with those after a semicolon)
_COUNTED_SENTENCES = {"some": ("summary.goals_measurable_counted", "summary.goals_measurable_counted_more"),
                      "none": ("summary.goals_measurable_none", "summary.goals_measurable_none_more"),
                      "none_uncertain": ("summary.goals_measurable_none_uncertain",
                                         "summary.goals_measurable_none_uncertain_more")}


def _measured_together(r) -> list[str]:
    """The application's measurable goals (:func:`evaltools.analysis.goals.measurable_own_goals`) page 1
    says in one sentence at the length ``fewest``, in the goal table's order: two or more, of which at
    least one is judged reached, partly reached or not; else none (they are said one by one)."""
    tab = r.goals.table
    goals = measurable_own_goals(tab)
    if len(goals) < 2 or not any(GoalVerdict(v) in _ACHIEVED_VERDICTS for v in goals["verdict"]):
        return []
    return list(goals["goal_id"])


def _measurable_counted(r, goal_ids: list[str]) -> str:
    """The application's measurable goals in one sentence: how many had each verdict, the verdict the goal
    section gives each goal (the first row's, one per goal), counted, not judged again, each count with its own
    verb ("Tre av de sex mätbara målen uppnåddes, två uppnåddes men osäkert och ett uppnåddes delvis.";
    "Båda de mätbara målen uppnåddes delvis."; "uppnåddes inget" where none was reached, not even partly);
    running, unassessed and volume-judged goals after a semicolon."""
    tab, lang = r.goals.table, r.lang
    verdicts = [GoalVerdict(tab.loc[tab["goal_id"] == g, "verdict"].iloc[0]) for g in goal_ids]
    order = list(GoalVerdict)
    counts = {v: verdicts.count(v) for v in sorted(set(verdicts), key=order.index)}

    def word(k: int) -> str:
        return number_word(k, lang, neuter=True)

    def verb(v: GoalVerdict, k: int) -> str:
        return r.plural(_COUNTED_KEYS[v], k)
    achieved = [(v, k) for v, k in counts.items() if v in _ACHIEVED_VERDICTS]
    more = r.words.join([r.plural(_COUNTED_KEYS[v], k, k=word(k)) for v, k in counts.items()
                         if v not in _ACHIEVED_VERDICTS])
    n = len(goal_ids)
    values = {"n": word(n)}
    if any(v in counts for v in _ACHIEVED_VERDICTS[:4]):
        (v, k), rest = achieved[0], achieved[1:]
        if k == n:  # one verdict for every goal: "Båda de mätbara målen …", "Alla de fem mätbara målen …"
            key = "summary.goals_measurable_both" if n == 2 else "summary.goals_measurable_all"
            return r.msg(key, verb=verb(v, k), **({} if n == 2 else values))
        clauses = [capitalized(r.msg("summary.goals_measurable_first", k=word(k), verb=verb(v, k), **values))]
        clauses += [r.msg("summary.goals_measurable_then", k=word(k), verb=verb(v, k)) for v, k in rest]
        kind, values = "some", {"verdicts": r.words.join(clauses)}
    elif uncertain := counts.get(GoalVerdict.NOT_REACHED_UNCERTAIN, 0):  # none reached, not even partly
        kind, values["k"] = "none_uncertain", word(uncertain)
    else:
        kind = "none"
    plain, with_more = _COUNTED_SENTENCES[kind]
    return r.msg(with_more, more=more, **values) if more else r.msg(plain, **values)


def uncertain_goal_sentences(r) -> list[str]:
    """In the goal table's order, for each share judged uncertain, why: for a share whose interval spans
    its target, that the data cannot tell whether the target was reached, with n, the interval and the
    one-sided exact p-value (and a survey goal's response rate where too few of those asked answered);
    for a survey goal whose interval lies clear of its target, its too low response rate."""
    tab = r.goals.table
    rows = list(tab[tab["kind"] == "share"].itertuples(index=False))
    # a goal whose interval spans its target in several periods (Kompassen's three years) is said once, naming the
    # periods and their p-values: one sentence a period restated each share and interval of the table above it
    spanning: dict[object, list] = {}
    for row in rows:
        if row.ci_verdict == IntervalVerdict.SPANS and _low_response(r, row) is None:
            spanning.setdefault(row.goal_id, []).append(row)
    out, said = [], set()
    for row in rows:
        group = spanning.get(row.goal_id, [])
        if len(group) < 2 or row not in group:
            if (s := _uncertain_sentence(r, row)):
                out.append(s)
        elif row.goal_id not in said:
            said.add(row.goal_id)
            out.append(_uncertain_periods(r, group))
    return out


def _ci_note(r, tab: pd.DataFrame) -> str:
    """The note on the goal table's intervals. "Uppgifterna omfattar alla som målet räknar, inte ett urval" holds for
    outcomes counted from the participants file, not for a survey goal, which counts those who answered (Samverkan:
    212 of the 450 asked): a table whose shares are all survey goals says so instead, and one with both adds it."""
    shares = tab[tab["kind"] == "share"]
    survey = (shares["mode"] == "survey") if "mode" in shares else pd.Series(False, index=shares.index)
    if len(shares) and bool(survey.all()):
        return r.msg("goals.ci_note_survey")
    return r.msg("goals.ci_note") + (" " + r.msg("goals.ci_note_survey_also") if bool(survey.any()) else "")


def _uncertain_periods(r, rows: list) -> str:
    """One sentence for a goal whose interval spans its target in several periods: which periods, their one-sided
    p-values against the target, and that the table above holds their shares and intervals."""
    first = rows[0]
    ps = [fmt_p_relation(_side_p(row), r.lang).removeprefix("= ") for row in rows]
    return r.msg("goals.uncertain_periods", label=first.label.rstrip("."),
                 periods=r.words.join([lower_first(period_name(row.period_key, r.lang)) for row in rows]),
                 target=fmt_pct(first.target, r.lang, 0), ps=r.words.join(ps))


def _uncertain_sentence(r, row) -> str:
    lang, msg = r.lang, r.msg
    counts = _low_response(r, row)
    if row.ci_verdict == IntervalVerdict.SPANS:
        text = msg("goals.uncertain", label=row.label.rstrip("."),
                   period=_period_in_sentence(row, lang, answered_since(r.params).get(row.goal_id)),
                   share=fmt_pct(row.value, lang), k=fmt_int(row.numerator, lang),
                   n=goal_count_words(row.denominator, getattr(row, "counts", "persons"), lang),
                   low=fmt_pct(row.ci_low, lang), high=fmt_pct(row.ci_high, lang),
                   target=fmt_pct(row.target, lang, 0), p=fmt_p_relation(_side_p(row), lang))
        return text + (" " + msg("goals.low_response_also", **_response_values(r, counts)) if counts else "")
    if counts is None or row.ci_verdict not in (IntervalVerdict.ABOVE, IntervalVerdict.BELOW):
        return ""
    # the interval lies clear of the target, yet the verdict is uncertain: too few of those asked answered
    return msg("goals.low_response_above" if row.ci_verdict == IntervalVerdict.ABOVE else "goals.low_response_below",
               label=row.label.rstrip("."), period=_period_in_sentence(row, lang, answered_since(r.params).get(row.goal_id)),
               **_response_values(r, counts))


def _low_response(r, row):
    """A judged survey goal's counts when fewer of those asked answered than the low response rate
    (its verdict is then "men osäkert" wherever its interval lies), else None."""
    def flag(name: str) -> bool:
        value = getattr(row, name, False)
        return False if value is None or pd.isna(value) else bool(value)
    if getattr(row, "mode", None) != "survey" or flag("too_few") or flag("running") or pd.isna(row.value):
        return None
    counts = r.survey.goal(row.goal_id)
    return counts if counts is not None and counts.low_response else None


def low_response_brief(r, rows: pd.DataFrame) -> str:
    """Page 1's reason, at a length that leaves a goal's figures to the goal section, that a survey goal is "men
    osäkert" because too few of those asked answered (:func:`_low_response`): its response rate (of those asked both
    times, for a change goal) and the rate below which the answers are not taken for everyone asked. Without it, a
    goal whose interval lies clear of its target would be called uncertain with no reason given. The rate is left out
    where the number asked is withheld (:func:`evaltools.present.sections.survey.asked_are_ended`); empty for any
    other goal."""
    counts = next((c for row in rows.itertuples() if (c := _low_response(r, row)) is not None), None)
    if counts is None:
        return ""
    threshold = fmt_pct(LOW_RESPONSE_RATE, r.lang, 0)
    if asked_are_ended(r, (counts.group,)):
        return r.msg("summary.goal_low_response_brief_unsaid", threshold=threshold)
    key = "summary.goal_low_response_brief_both" if counts.measure == "change" else "summary.goal_low_response_brief"
    return r.msg(key, rate=fmt_pct(counts.response_rate, r.lang, 0), threshold=threshold)


def _response_values(r, counts) -> dict[str, str]:
    """The response rate of the persons behind a survey goal's figure (those who answered both times, for a
    change goal) and the low rate's threshold."""
    return {"response": response_words(r, counts), "threshold": fmt_pct(LOW_RESPONSE_RATE, r.lang, 0)}


_WHOLE_TIME = {"sv": ("hela projekttiden", "hela perioden"), "en": ("whole project", "whole period")}


def _period_in_sentence(row, lang: str, since=None) -> str:
    """A goal period inside a sentence, after the goal's label: ", hela perioden (2018-02-01 –
    2019-10-15)" in lower case, and only " (dates)" when the label already says it is the whole project."""
    text = period_label(row, lang, since)
    if since is None and row.period_key == "hela" and any(w in read_label(row.label).lower() for w in _WHOLE_TIME["en" if lang == "en" else "sv"]):
        return " " + text[text.index("("):]
    return ", " + lower_first(text)


def context_summary(r, goal_id: str) -> str:
    """A context goal's series in a few words: its first and last values."""
    goal = next(g for g in r.params.goals if g.id == goal_id)
    s = context_series(goal, r.params)
    if s.empty:
        return ""
    unit = goal.unit_for(r.lang)
    first, last = s.iloc[0], s.iloc[-1]
    return r.msg("summary.goal_context", first=_value(first["value"], unit, r.lang), first_year=str(int(first["period"])),
                 last=_value(last["value"], unit, r.lang), last_year=str(int(last["period"])))


def _value(v: float, unit: str, lang: str) -> str:
    digits = 0 if float(v).is_integer() else 1
    return f"{fmt_num(v, digits, lang)} {unit}".strip()


def context_blocks(r) -> list[list]:
    """Each context goal: its series as a small chart with the project period marked, and the
    sentence that such a change is context, not the project's effect."""
    lang, msg = r.lang, r.msg
    goals = [g for g in r.params.goals if g.kind == "context"]
    if not goals:
        return []
    out = [[Text([], msg("goals.context_heading"), 3)]]
    for g in goals:
        s = context_series(g, r.params)
        unit = g.unit_for(lang)
        series = r.words.join([msg("goals.context_point", value=_value(v, unit, lang), year=str(int(y)))
                               for y, v in zip(s["period"], s["value"])])
        label = g.label_for(lang)
        source = (g.series_source_en if lang == "en" and g.series_source_en else g.series_source) or "–"
        out.append([Text([msg("goals.context", label=label.rstrip("."), series=series, source=source)]),
                    plot_context(g, s, r.params, lang)])
    return out


# how the goal section's intro says the periods its measurable goals are counted over
PERIODS_SAID = {"project_year": "goals.periods.project_year", "calendar_year": "goals.periods.calendar_year",
                "both": "goals.periods.both", "whole_period": "goals.periods.whole_period",
                "project_year_or_whole": "goals.periods.project_year_or_whole",
                "calendar_year_or_whole": "goals.periods.calendar_year_or_whole",
                "both_or_whole": "goals.periods.both_or_whole", "survey_round": "goals.periods.survey_round",
                "whole_or_survey_round": "goals.periods.whole_or_survey_round"}


# the same after a pre-study, where project years count from period.implementation_start
PERIODS_FROM_IMPLEMENTATION = {"project_year": "goals.periods.project_year_implementation",
                               "both": "goals.periods.both_implementation",
                               "project_year_or_whole": "goals.periods.project_year_or_whole_implementation",
                               "both_or_whole": "goals.periods.both_or_whole_implementation"}


def counted_periods(params) -> str:
    """Which periods the measurable goals (counts and shares) are counted over: ``project_year``,
    ``calendar_year``, ``both`` or ``whole_period`` (every goal over the whole period, or none measurable), with
    ``_or_whole`` after the first three where some goals are counted per year and others over the whole period
    (the intro said "per projektår" above a table of which three of four goals were counted over the whole
    period)."""
    # (a survey goal is judged over the whole period: a questionnaire's rounds are not project years; one read
    # from a day on, answered_from, over the answers from that day: ``survey_round``)
    units = {("survey_round" if g.answered_from is not None else "whole_period") if g.kind == "survey" else g.period
             for g in params.goals if g.kind in ("participant_count", "outcome_count", "share", "survey")}
    if units == {"survey_round"}:
        return "survey_round"
    if units == {"survey_round", "whole_period"}:
        return "whole_or_survey_round"
    units = {"whole_period" if u == "survey_round" else u for u in units}  # ("as each goal says" beside years)
    per_year = units - {"whole_period"}
    if not per_year:
        return "whole_period" if units else "project_year"
    said = "both" if per_year == {"project_year", "calendar_year"} else next(iter(per_year))
    return f"{said}_or_whole" if "whole_period" in units else said


def hides_periods(tab: pd.DataFrame) -> bool:
    """Whether the small-count rule hides a period of a count goal, or a period to protect another
    (a share of too few alone is said by its own sentence)."""
    hidden = tab["suppression"].fillna("").astype(str)
    # (a period of a group's goal hidden to protect those outside the group, or those in a larger group's goal
    # beyond it, has its own note: no total, no hidden count of the goal's own stands behind it)
    own = ~tab["note"].fillna("").astype(str).isin((AMONG_FEW_OTHERS, AMONG_FEW_BEYOND)) if "note" in tab else True
    return bool(((hidden != "") & own & ((tab["kind"] != "share") | ~tab["too_few"].fillna(False).astype(bool))).any())


def among_hidden_notes(r) -> list[str]:
    """The goal table's note of each goal set for a group (``among:``) whose periods are hidden because the
    same count outside the group, or in a larger group's goal beyond it, is small
    (:func:`evaltools.analysis.goals.hide_small_periods`): which periods, and why, in place of the rule of
    hidden counts and totals, which does not apply to them."""
    tab = r.goals.table
    if "note" not in tab:
        return []
    out = []
    for gid in dict.fromkeys(tab["goal_id"]):
        for note, said in ((AMONG_FEW_OTHERS, "goals.among_hidden_note"),
                           (AMONG_FEW_BEYOND, "goals.among_beyond_hidden_note")):
            rows = tab[(tab["goal_id"] == gid) & (tab["note"] == note)]
            if len(rows):
                periods = r.words.join([lower_first(period_name(key, r.lang)) for key in rows["period_key"]])
                out.append(r.msg(said, goal=str(rows["label"].iloc[0]).rstrip("."), periods=periods,
                                 k=str(r.params.privacy.min_count)))
    return out


# the note of a count period hidden as too few that every count from 1 to k − 1 leaves below its target
# (:func:`evaltools.analysis.goals.hide_small_periods`): judged not reached though its count is not shown
BELOW_NOTE = "too_few_below_note"


def hidden_below_notes(r) -> list[str]:
    """The goal table's note of each goal with a period hidden as too few that is judged not reached all the
    same (every count below k is below its target): which periods, in the words the workbook's row gives it,
    so that the "Inte uppnått" beside a "<5" says why."""
    tab = r.goals.table
    if "note" not in tab:
        return []
    out = []
    for gid in dict.fromkeys(tab["goal_id"]):
        rows = tab[(tab["goal_id"] == gid) & (tab["note"] == BELOW_NOTE)]
        if len(rows):
            periods = r.words.join([lower_first(period_name(key, r.lang)) for key in rows["period_key"]])
            out.append(r.msg("goals.hidden_below_note", goal=str(rows["label"].iloc[0]).rstrip("."), periods=periods,
                             note=goal_note(BELOW_NOTE, r.lang, r.params.privacy.min_count,
                                            rows["counts"].iloc[0] if "counts" in rows else "persons")))
    return out


def prorated(rows: pd.DataFrame) -> bool:
    """Whether a count goal's row shows a target pro-rated to its period's length in brackets (``40 (30)``)."""
    counts = rows[rows["kind"] != "share"]
    return bool((counts["target_prorated"].notna() & (counts["target_prorated"] != counts["target"])).any())


def intro_conventions(rows: pd.DataFrame, msg, partial: str) -> list[str]:
    """The goal table's conventions the intro explains, each only where the table has a use for it: the
    pro-rated target in brackets where a count's period was cut short or is running, a running period
    left unjudged, the partial band, and "men osäkert" where there is a share of an ended period."""
    out = []
    if prorated(rows):
        out.append(msg("goals.intro_prorated"))
    if rows["running"].fillna(False).astype(bool).any():
        out.append(msg("goals.intro_running"))
    out.append(msg("goals.intro_partial", partial=partial))
    # ("men osäkert" is a verdict: a share whose every period still runs has none, and is not tested against its target)
    if ((rows["kind"] == "share") & ~rows["running"].fillna(False).astype(bool)).any():
        out.append(msg("goals.intro_uncertain"))
    return out


def blocks(r) -> list[list]:
    lang, msg, g = r.lang, r.msg, r.goals
    k = r.params.privacy.min_count
    tab = g.table
    measurable_rows = tab[~tab["kind"].isin(("qualitative", "context"))]
    ex_ante = bool(len(measurable_rows)) and bool((measurable_rows["mode"] == "ex_ante").all())
    said = counted_periods(r.params)
    implementation = r.params.period.implementation_start is not None and said in PERIODS_FROM_IMPLEMENTATION
    periods = msg(PERIODS_FROM_IMPLEMENTATION[said] if implementation else PERIODS_SAID[said])
    partial = fmt_pct(r.params.partial_band, lang, 0)
    intro = [" ".join([msg("goals.intro_ex_ante", partial=partial, periods=periods),
                       # (a last project year shorter than a year shows its target for its length in brackets)
                       *([msg("goals.intro_prorated_ex_ante")] if prorated(measurable_rows) else [])]) if ex_ante else
             " ".join([msg("goals.intro", periods=periods), *intro_conventions(measurable_rows, msg, partial)])]
    per = r.params.period
    if per.prestudy is not None and len(measurable_rows) and not ex_ante:
        # (the pre-study has no goals per project year of its own; those who began in it count in the whole period's)
        intro.append(msg("goals.intro_prestudy", first=fmt_date(per.prestudy[0]), last=fmt_date(per.prestudy[1]),
                         implementation=fmt_date(per.years_start)))
    if per.actual_end is not None and per.actual_end > per.planned_end and len(measurable_rows) and not ex_ante:
        # a förlängning: the goals are counted to the new end (analysis.goals.period_windows)
        intro.append(msg("goals.intro_prolonged", end=per.actual_end.isoformat(), planned=per.planned_end.isoformat(),
                         parts=msg("goals.prolonged_and").join(prolonged_parts(r, measurable_rows))))
    others = list(dict.fromkeys(tab.loc[tab["source"] != "ansökan", "source"]))
    if others:  # named as the table marks them, and only the sources this report has
        marks = [f"({t(SOURCE_LABELS[x], lang).lower()})" for x in others]
        intro.append(msg("goals.other_sources", sources=msg("goals.other_sources_or").join(marks)))
    if (tab["too_few"].fillna(False).astype(bool) & (tab["kind"] == "share")).any():
        intro.append(msg("goals.too_few", k=str(k)))  # (it speaks of shares: a count of too few has the next one)
    if "suppression" in tab and hides_periods(tab):
        # "<k is not assessed", except a period that every count below k leaves short of its target: say so where one is
        below = "note" in tab and bool((tab["note"] == BELOW_NOTE).any())
        intro.append(msg("goals.hidden_periods", k=str(k),
                         unless=msg("goals.hidden_periods_unless", k=str(k)) if below else ""))
    if tab.empty:
        return [[Text([msg("goals.none")], msg("goals.heading"))]]
    measurable = ~tab["kind"].isin(("qualitative", "context")).to_numpy()
    quant = goal_table_frame(g, lang, k, answered_since(r.params))
    quant = quant[measurable[tab["kind"].to_numpy() != "context"]]
    if not len(quant):  # only qualitative or process goals (a structural project): no empty table
        out = [[Text([], msg("goals.heading"))]]
    elif ex_ante:  # expected volumes have no sampling uncertainty: no interval columns, no interval note
        out = [[Text(intro, msg("goals.heading")),
                Table(quant.drop(columns=[c for c in (t("ci", lang), t("uncertainty", lang)) if c in quant.columns]),
                      notes=(*unexpected_outcome_notes(r), *expected_share_notes(r)),
                      numeric=(t("expected_by_application", lang), t("target", lang)), group=t("goal", lang))]]
    else:
        # a share whose periods all still run is not tested against its target (analysis.goals): without one tested
        # row the column of the interval against the target would be dashes alone, and its note would speak of a p
        # the table does not show
        tested = bool(tab.loc[tab["kind"] == "share", "ci_verdict"].map(bool).any()) if "ci_verdict" in tab else True
        runs = ((tab["kind"] == "share") & tab["running"].fillna(False).astype(bool)) if "running" in tab \
            else pd.Series(False, index=tab.index)
        # (a questionnaire's period runs while answers come in, a share of persons' while some are still enrolled)
        asked = tab["mode"].eq("survey") if "mode" in tab else pd.Series(False, index=tab.index)
        running = [msg(key) for key, at in (("goals.ci_note_running", runs & ~asked),
                                            ("goals.ci_note_running_survey", runs & asked)) if bool(at.any())]
        shares = tab["kind"] == "share"
        untested = msg("goals.ci_note_untested_survey" if bool(shares.any()) and bool(asked[shares].all())
                       else "goals.ci_note_untested")
        if not tested:
            quant = quant.drop(columns=[c for c in (t("uncertainty", lang),) if c in quant.columns])
        out = [[Text(intro, msg("goals.heading")),
                Table(quant, notes=(*total_notes(r), *household_notes(r), *group_notes(r), *within_months_notes(r), *followup_notes(r), *still_enrolled_notes(r), *same_support_notes(r),
                                   *per_part_notes(r),
                                   *among_hidden_notes(r), *hidden_below_notes(r),
                                   *enrolment_notes(r),
                                   *one_period_notes(r),
                                   # (one paragraph: how a year's figure is counted, then how sure it is)
                                   " ".join([*by_intake_notes(r),
                                             *([_ci_note(r, tab), *running] if tested else [untested])])),
                      numeric=(t("value", lang), t("target", lang), t("ci", lang)),
                      group=t("goal", lang))]]
    uncertain = (uncertain_goal_sentences(r) + after_exit_sentences(r) + words_counted_sentences(r)
                 + beyond_words_sentences(r) + subsidised_sentences(r))
    if uncertain:
        out.append([Text(uncertain)])
    if show_chart(tab):
        out.append([plot_goals(g, lang, min_count=k, since=answered_since(r.params))])
    q = tab[tab["kind"] == "qualitative"]
    if len(q):
        # the evaluator's assessment and what it rests on: never a measured outcome
        frame = pd.DataFrame({t("goal", lang): q["label"], t("status", lang): [status_words(s, lang) for s in q["status"]],
                              msg("goals.evidence_column"): [e or "–" for e in q["evidence"]]})
        out.append([Text([], msg("goals.qualitative"), 3), Table(frame)])
    return out + context_blocks(r)


def timed_goal(p):
    """The application's first outcome or share goal with a time limit, where no goal defines success: the goal that
    would have been the main goal but for its ``after_exit_months`` or ``within_months``
    (:func:`~evaltools.analysis.goals.main_goal`); else its first outcome or share goal counted per household
    (``counts: households``), which is never the main goal either; None otherwise. The project then does set a
    measure of its own, which the default successes, persons at exit, stand in for."""
    if main_goal(p) is not None:
        return None
    for g in p.goals:
        if g.kind in ("outcome_count", "share") and g.source == "ansökan" and not g.composition \
                and (g.after_exit_months is not None or g.within_months is not None):
            return g
    for g in p.goals:
        if g.kind in ("outcome_count", "share") and g.source == "ansökan" and g.per_household:
            return g
    return None


def timed_words(p, lang: str) -> str | None:
    """What the goal of :func:`timed_goal` counts, for the label of the default successes ("läget 6 månader efter
    avslut"); None where there is no such goal."""
    g = timed_goal(p)
    if g is None:
        return None
    if g.after_exit_months is not None:
        return t("timed_after_exit", lang, months=fmt_int(g.after_exit_months, lang))
    if g.within_months is None:  # (a goal counted per household)
        return t("timed_households", lang)
    return t("timed_within_start", lang, months=fmt_int(g.within_months, lang))
