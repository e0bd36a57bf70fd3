"""Summary (page 1): the board's three questions answered from the results, then the evaluator's assessment.

Did the project reach its goals, what did it cost, was it worth it and for whom; then what the
evaluator concludes, in their own words (or a sentence saying that the report holds the toolkit's
figures only). Each question has a heading of its own so that a reader finds the answer at a glance.
"""
from __future__ import annotations


import numpy as np
import pandas as pd

from ..markup import markup, render
from ...data import schema as S
from ...data.params import target_supports
from .contents import summary_applies
from ..display import Lengths, Text
from ..figures import PUBLIC_ACTORS as ACTORS, cost_key, cost_said  # noqa: F401  (cost_key: summary's name for it)
from ...words.lengths import LENGTHS, PAGE_ONE_END
from ...words.formats import (capitalized, fmt_budget_share, fmt_date, fmt_int, fmt_kr, fmt_kr_beside, fmt_kr_prose,
                              fmt_kr_prose_alike, fmt_kr_prose_range, fmt_num, fmt_pct, fmt_persons, fmt_persons_needed, fmt_persons_of, fmt_probability,
                              one_rounding)
from ...words.labels import budget_period_label, code_label, note_text
from ...words.verdicts import lower_first
from ...words.text import join
from ...words.assumptions import value_text, years as years_text
from . import basis as B
from ...analysis.costbenefit import (ASSUMED, BENEFIT_CALCULATED, BENEFIT_MEASURED, BENEFIT_PARTLY, MEASURED, CostSummary,
                                     PERSPECTIVES, PerspectiveRange, RangeVerdict, benefit_basis)
from ...analysis.costbenefit.costs import settled_lines
from ...analysis.costbenefit.model import EMPLOYMENT_ITEMS, subsidy_months
from ...analysis.comparison import IntervalMethod
from ...analysis.goals import count_goals, main_goal, own_verdicts, project_successes, success_definition
from ...data.privacy import all_of, hides
from ...analysis.disclosure import HouseholdsSaid, Secondary, intake_per_year, participant_households
from .budget import funder_label, municipalities_together
from .facts import persons_prose
from .goals import base_said_with_ended, group_words, page_one as goals_on_page_one, timed_goal
from .kind import page_one as kind_on_page_one, volumes_sentence
from .evaluator import figure_text, write_here_html
from .quality import open_after_end, re_enrolled_sentence
from ..narrative import load as load_narrative
from ...data.errors import EvaltoolsError
from ...data.validation import _project_year, project_year_bounds
from ...data.validation import enrolment_counts, persons_of, project_ended


def cost_sentence(r, s: CostSummary, costs: pd.DataFrame) -> str:
    lang, msg = r.lang, r.msg
    said = cost_said(r)
    unspent, settled, key = said.unspent, said.settled, said.key
    amounts: dict[str, float | tuple[float, int]] = {"cost": float(s.total_cost_nominal)}
    values = {"basis": B.basis_words(B.CURRENT, lang)}
    use = r.cba.budget_use  # the one share of the budget used: the same in the budget table and the portfolio
    if key == "summary.cost_settled_share" and said.budget is not None:  # (the budget the share is of)
        values.update(share=fmt_budget_share(use.share, lang))
        # (the cost and the budget at figures from which a reader works out the share said between them)
        amounts.update(cost=(float(s.total_cost_nominal), said.significant), budget=(said.budget, said.significant))
    elif key == "summary.cost_partial":
        values.update(share=fmt_budget_share(use.share, lang))
        amounts.update(actual=float(use.actual_total), rest=float(costs[~unspent].loc[~settled, "used"].sum()))
        # (a running year's utfall so far is on those lines: "saknar utfall" beside a cost per participant
        # that counts it would not add up)
        so_far = costs[~unspent].loc[~settled, S.ACTUAL_SO_FAR] if S.ACTUAL_SO_FAR in costs else pd.Series(dtype=float)
        if so_far.notna().any() and so_far.sum() <= costs[~unspent].loc[~settled, "used"].sum():
            key = "summary.cost_partial_so_far"
            amounts.update(so_far=float(so_far.sum()))
    if key == "summary.cost_settled_share" and r.project.budget is not None and r.project.budget.attrs.get("revised"):
        key = "summary.cost_settled_share_revised"  # (the budget table's note names the years revised)
    # (one sentence: its millions share their decimals, "7,0 miljoner" beside "7,4 miljoner")
    sent = msg(key, **values, **fmt_kr_prose_alike(amounts, lang))
    withheld = []  # (the differencing rule: a cost per person that would give away a count not reported)
    dis, k = r.disclosure, str(r.params.privacy.min_count)
    if r.project.has_participants and s.participants:
        if dis.shows(Secondary.COST_PER_PARTICIPANT):
            cpp = fmt_kr_prose(s.cost_per_participant, lang)
            if s.per_person_through is not None:  # the budget periods paid so far, over their participants
                sent += msg("summary.per_participant_through", amount=cpp, through=s.per_person_through.isoformat())
            elif s.per_person_so_far:  # a running project: the cost paid so far over the participants so far
                sent += msg("summary.per_participant_so_far", amount=cpp)
            elif not settled.all() and settled.any():  # (the sentence on the lines without utfall ends first)
                sent += msg("summary.per_participant_sentence", amount=cpp)
            else:
                sent += msg("summary.per_participant", amount=cpp)
        else:
            withheld.append(msg("summary.per_participant_withheld", k=k))
        if s.goal_successes and dis.shows(Secondary.COST_PER_SUCCESS):
            sent += per_success(r, s)
        elif s.goal_successes:
            withheld.append(per_success_withheld(r, s))
    elif s.mode == "ex_ante" and pd.notna(s.cost_per_success) and dis.shows(Secondary.COST_PER_SUCCESS):
        # an application has no participants yet, but its key figures divide the budget by the successes it
        # expects: page 1 gives that cost too, said to rest on the application's volumes (the third of the
        # board's questions on cost: per success as the project defines it)
        per_person = (msg("summary.per_participant", amount=fmt_kr_prose(s.cost_per_participant, lang))
                      if pd.notna(s.cost_per_participant) else "")
        sent += per_person + per_success(r, s) + msg("summary.with_expected_volumes")
    never = [msg("summary.cost_unspent", end=r.params.period.actual_end.isoformat(),
                 amount=fmt_kr_prose(float(costs.loc[unspent, S.BUDGET].sum()), lang))] if unspent.any() else []
    # a project's budget said as its cost, with not one line of utfall (Samverkan, ended 2025-09-30): "what did it
    # cost?" is answered with a plan, and the board is told that nothing paid is reported (an application's budget
    # is all it can have, and says so in its question)
    no_actual = ([msg("summary.cost_budget_no_actual")] if key == "summary.cost_budget" and s.mode != "ex_ante"
                 and S.ACTUAL in costs and costs[S.ACTUAL].isna().all() else [])
    return " ".join([msg("common.sentence", text=sent), *no_actual, *never, *funders_sentence(r, costs), *withheld])


def per_success_withheld(r, s: CostSummary) -> str:
    """Why page 1 does not give the cost per success, as the rule that withholds it
    (:func:`evaltools.analysis.disclosure.rule`) has it: the successes themselves withheld (the cost would give
    their number), else the counts by the last day of the budget periods a running project's cost is paid for. Never "to protect
    small counts" beside the number of successes page 1 states."""
    k = r.params.privacy.min_count
    if r.disclosure.hides(Secondary.SUCCESSES):
        return r.msg("summary.per_success_withheld", k=str(k))
    if s.per_person_through is not None:
        return r.msg("summary.per_success_withheld_through", k=str(k), through=s.per_person_through.isoformat())
    return r.msg("summary.per_success_withheld", k=str(k))


# funders named by a common noun ("samordningsförbundet", "regionens medfinansiering"), not by an agency's name
COMMON_FUNDERS = ("förbund", "egen", "kommun", "region")


def funders_sentence(r, costs: pd.DataFrame) -> list[str]:
    """Whose money the cost is, when partners co-finance the project (a municipality's, a region's or an
    agency's staff time): each funder's part of the cost just stated (utfall, else budget, as the cost is
    counted), in the order the budget names them. (The förbund's money and the owner's own financing
    alone are left to the section: page 1 holds on one page.) A funder whose lines are 0 kr both budgeted
    and used (a template's row for a partner that put in nothing) paid no part and is not named: "the
    region's co-financing 0 kr" beside the cost reads as a promise broken."""
    if S.FUNDER not in costs:
        return []
    sums = costs.groupby(S.FUNDER, sort=False)[["used", S.BUDGET]].sum()
    parts = sums.loc[(sums["used"] != 0) | (sums[S.BUDGET] != 0), "used"]
    if not set(parts.index.astype(str)) - {"förbund", "egen"}:
        return []
    amounts = fmt_kr_prose_alike({str(i): float(v) for i, v in enumerate(parts)}, r.lang)  # (one sentence)
    # (inside the sentence a funder named by what it is, the förbund, the owner, the municipalities or the region,
    # is written in lower case, "egen finansiering 600 000 kr"; an agency's or the EU's name keeps its capital)
    said = join([r.msg("summary.cost_funder", amount=amounts[str(i)],
                       funder=lower_first(funder_label(r, f, costs)) if str(f) in COMMON_FUNDERS
                       else funder_label(r, f, costs))
                 for i, f in enumerate(parts.index)], r.lang)
    return [r.msg("summary.cost_funders", parts=said)]


PER_SUCCESS = {"action_plan": "summary.per_success_plan", "goal_outcomes": "summary.per_success_goal",
               "leaves_fs": "summary.per_success_generic"}
SUCCESS_SENTENCE = {"action_plan": "summary.success_action_plan", "goal_outcomes": "summary.success_goal",
                    "leaves_fs": "summary.success_generic"}
# (none of those who ended: "ingen av de 18", not "0 (0,0 %)")
# the sentence without a share, where the main goal's share is of every participant (said at the goal)
SUCCESS_COUNT = {"action_plan": "summary.success_action_plan_count", "goal_outcomes": "summary.success_goal_count"}
SUCCESS_NONE = {"action_plan": "summary.success_action_plan_none", "goal_outcomes": "summary.success_goal_none",
                "leaves_fs": "summary.success_generic_none"}
# the same sentences where a person was enrolled more than once: the ended are enrolments, not participants
# (who are persons), and are called so
BY_ENROLMENT = {
    "summary.success_action_plan": "summary.success_action_plan_enrolments",
    "summary.success_goal": "summary.success_goal_enrolments",
    "summary.success_generic": "summary.success_generic_enrolments",
    "summary.success_action_plan_count": "summary.success_action_plan_count_enrolments",
    "summary.success_goal_count": "summary.success_goal_count_enrolments",
    "summary.success_action_plan_none": "summary.success_action_plan_none_enrolments",
    "summary.success_goal_none": "summary.success_goal_none_enrolments",
    "summary.success_generic_none": "summary.success_generic_none_enrolments",
}


# the default successes said as where they went, not as leaving försörjningsstöd, where some of them had another
# support at start (sickness benefit, activity compensation): they had no försörjningsstöd to leave
MOVED = {"summary.success_generic": "summary.success_generic_moved",
         "summary.success_generic_none": "summary.success_generic_none_moved",
         "summary.per_success_generic": "summary.per_success_generic_moved"}
BY_ENROLMENT.update({"summary.success_generic_moved": "summary.success_generic_moved_enrolments",
                     "summary.success_generic_none_moved": "summary.success_generic_none_moved_enrolments"})


# the same sentences where the application's outcome goal has a time limit ("sex månader efter avslut", "inom 12
# månader från start") and so does not define success (:func:`~evaltools.analysis.goals.main_goal`): the project
# does set a measure of its own, counted at another time than exit, and the sentence says so instead of "none"
TIMED = {
    "summary.success_generic": "summary.success_generic_timed",
    "summary.success_generic_none": "summary.success_generic_none_timed",
    "summary.success_generic_enrolments": "summary.success_generic_enrolments_timed",
    "summary.success_generic_none_enrolments": "summary.success_generic_none_enrolments_timed",
    "summary.success_generic_moved": "summary.success_generic_moved_timed",
    "summary.success_generic_none_moved": "summary.success_generic_none_moved_timed",
    "summary.success_generic_moved_enrolments": "summary.success_generic_moved_enrolments_timed",
    "summary.success_generic_none_moved_enrolments": "summary.success_generic_none_moved_enrolments_timed",
}


def not_all_left_fs(r) -> bool:
    """Whether some of the project's default successes had no försörjningsstöd to leave (:attr:`Report.moved_on
    <evaltools.present.report.Report.moved_on>`): page 1 then says where they went."""
    return r.moved_on


def per_success(r, s: CostSummary) -> str:
    """The cost per success, named as the project counts success (see :func:`evaltools.analysis.goals.success_definition`)."""
    kind = success_definition(r.params, r.lang).kind  # (the main goal's successes, not the exits from försörjningsstöd)
    # (of a cost paid for the budget periods so far: the successes by the end of them)
    by_then = r.msg("summary.by_then") if s.per_person_through is not None else ""
    # (an application's leavers are expected, not counted: "som lämnar", not "som lämnat")
    key = "summary.per_success_generic_ex_ante" if s.mode == "ex_ante" and kind == "leaves_fs" else PER_SUCCESS[kind]
    if kind == "leaves_fs" and s.mode != "ex_ante" and not_all_left_fs(r):
        key = MOVED[key]
    return r.msg(key, amount=fmt_kr_prose(s.cost_per_success, r.lang)) + by_then


def intake_in_goal_line(r, per_year: pd.Series) -> bool:
    """Whether one of the application's goals is a count of participants per project year whose figures
    are the intake per year ``per_year`` (:func:`evaltools.analysis.disclosure.intake_per_year`), year by
    year: its line on page 1 gives them ("57 år 1, 84 år 2 och 39 år 3"), so the sentence on who took part
    does not give them again."""
    tab = r.goals.table
    if tab.empty:
        return False
    intake = {f"år{y}": int(n) for y, n in per_year.items()}
    for _, rows in tab[(tab["kind"] == "participant_count") & (tab["source"] == "ansökan")].groupby("goal_id"):
        values = dict(zip(rows["period_key"].astype(str), rows["value"]))
        if set(values) == set(intake) and all(pd.notna(v) and int(v) == intake[k] for k, v in values.items()):
            return True
    return False


def running_project_year(p) -> int | None:
    """The project year still running at the analysis date of a project that goes on (an interim report), whose
    intake is so far; None when the project has ended or the analysis date is a year's last day."""
    if p.as_of >= p.period.end or p.as_of < p.period.years_start:
        return None
    # (the participants' own rule for a date's project year, and that year's last day)
    y = int(_project_year(pd.Series([p.as_of]), p.period.years_start).iloc[0])
    return y if project_year_bounds(p, y)[1] > p.as_of else None


def participation(r) -> list[str]:
    """Who took part, how many have ended with a success as the project defines it, how many are
    still enrolled. Counts of persons other than goal totals follow the small-count rule: a
    breakdown with a hidden part is not given, a small count is said as "fewer than k"."""
    lang, p, msg, out = r.lang, r.params, r.msg, []
    k_min = p.privacy.min_count
    if not r.project.has_participants:
        return [msg("summary.no_participants")]
    df = r.project.participants
    per_year = intake_per_year(r.project)  # (None where a small year could be read off the total: total only)
    if per_year is not None and intake_in_goal_line(r, per_year):  # (said once, in its goal's line)
        per_year = None
    dis = r.disclosure  # the differencing rule: counts that together would tell a few persons' outcomes
    if dis.hides(Secondary.PARTICIPANTS):
        out.append(msg("summary.participants_few", k=str(k_min)))
    else:
        # the households they live in, where fewer than the participants (försörjningsstöd is paid per household)
        hh = participant_households(r.project, dis)
        said = {HouseholdsSaid.EXACT: fmt_int(hh.households, lang),
                HouseholdsSaid.FEW: msg("summary.households_few", k=str(k_min))}.get(hh.said)
        n = fmt_int(persons_of(df), lang)
        if per_year is None or all(int(c) == persons_of(df) for c in per_year):
            # (a breakdown that only repeats the total, one year's intake or everyone in every year, adds nothing)
            out.append(msg("summary.participants_total_households", n=n, households=said) if said
                       else msg("summary.participants_total", n=n))
        else:
            running = running_project_year(p)  # (its intake is so far: the year goes on)
            years = r.words.join([msg("summary.in_prestudy", n=fmt_int(c, lang)) if y == S.PRESTUDY_YEAR
                                  else msg("summary.in_year_so_far" if y == running else "summary.in_year",
                                           n=fmt_int(c, lang), year=str(y))
                                  for y, c in per_year.items()])
            # (a person enrolled in two years counts in each: the years then add up to more than the participants,
            # which is said, a count of 1 to k − 1 as "fewer than k")
            several = int((df.groupby(S.PERSON_ID)[S.PROJECT_YEAR].nunique() > 1).sum())
            if several:
                said_several = (msg("summary.households_few", k=str(k_min)) if hides(several, k_min)
                                else fmt_int(several, lang))
                years += msg("summary.in_both_years" if len(per_year) == 2 else "summary.in_several_years",
                             n=said_several)
            out.append(msg("summary.participants_households", n=n, years=years, households=said) if said
                       else msg("summary.participants", n=n, years=years))
        if hh.said == HouseholdsSaid.SOME:
            out.append(msg("summary.households_some"))
    if not dis.hides(Secondary.PARTICIPANTS) and (again := re_enrolled_sentence(r)) is not None:
        out.append(again)
    per = p.period
    if per.actual_end is not None and per.actual_end > per.planned_end:  # a förlängning: the goals count to its end
        out.append(msg("summary.prolonged", end=per.actual_end.isoformat(), planned=per.planned_end.isoformat()))
    sc = project_successes(r.project, lang)
    # ("fewer than k have ended" would bound the number withheld; the number ended withheld alone, page 1 still
    # states the successes of those the success share counts, as the goal table does)
    if sc.base and dis.hides(Secondary.ENDED) and dis.hides(Secondary.SUCCESSES):
        out.append(msg("summary.success_withheld", k=str(k_min)))
    elif sc.base and hides(sc.base, k_min):
        out.append(msg("summary.success_too_few", k=str(k_min)))
    elif sc.base and dis.hides(Secondary.SUCCESSES):
        out.append(msg("summary.success_withheld", k=str(k_min)))
    elif sc.base:
        d = sc.definition
        outcomes = ", ".join(code_label(S.OUTCOME, c, lang).lower() for c in d.outcomes)
        values = dict(ended=fmt_int(sc.base, lang), k=fmt_int(sc.successes, lang), share=fmt_pct(sc.share, lang))
        if d.kind != "action_plan":
            values["outcomes"] = outcomes
        # a main goal that is a share of every participant, some still enrolled: its share is the goal's (12 of
        # 30, 40 %), so a share of those who ended (12 of 24, 50 %) is not said beside it as a second one
        main = main_goal(p)
        of_all = (main is not None and main.kind == "share" and d.denominator == "participants"
                  and d.kind in SUCCESS_COUNT and bool(df[S.ONGOING].any()))
        # a main goal that counts successes while another goal judges their share of the exits: that goal's
        # line below gives the share over its denominator and says what it leaves out, so the share is said
        # once, there; here the count of everyone who ended, as the other goals and the facts count them
        at_goal = d.share_goal_id is not None and d.kind in SUCCESS_COUNT
        if at_goal:
            values["ended"] = fmt_int(int(df[S.END_DATE].notna().sum()), lang)
        twice = enrolment_counts(df).by_enrolment  # (then "31 avslutade inskrivningar", not "deltagare")

        moved = d.kind == "leaves_fs" and not_all_left_fs(r)  # (then "gick till", not "lämnade försörjningsstödet")

        timed = timed_goal(p) if d.kind == "leaves_fs" else None
        if timed is not None:  # ("projektet anger inget eget mått" would be untrue: its goal counts at another time)
            values["timed"] = (msg("summary.timed_after_exit", months=fmt_int(timed.after_exit_months, lang))
                               if timed.after_exit_months is not None
                               else msg("summary.timed_within_start", months=fmt_int(timed.within_months, lang))
                               if timed.within_months is not None else msg("summary.timed_households"))

        def said(key: str) -> str:
            key = MOVED.get(key, key) if moved else key
            key = BY_ENROLMENT.get(key, key) if twice else key
            return TIMED.get(key, key) if timed is not None else key
        if sc.successes == 0:  # ("Av 18 avslutade fick 0 (0,0 %)" is said as a person says it: none of the 18)
            out.append(msg(said(SUCCESS_NONE[d.kind]), **{k: v for k, v in values.items() if k not in ("k", "share")}))
        elif of_all or at_goal:
            out.append(msg(said(SUCCESS_COUNT[d.kind]), **{k: v for k, v in values.items() if k != "share"}))
            if at_goal and base_said_with_ended(r) is not None:  # (the share goal's count differs: why, said here once)
                out.append(msg("summary.success_share_goal_base", base=fmt_int(sc.base, lang), outcomes=r.words.join(
                    [code_label(S.OUTCOME, c, lang).lower() for c in d.left_out(df)])))
        else:
            out.append(msg(said(SUCCESS_SENTENCE[d.kind]), **values))
        if of_all:
            out.append(msg("summary.success_share_of_all"))
        if d.group and main is not None:  # (the goal counts its group; the successes here are everyone's)
            # (an application's goal has its own line below, which names the group: named once, there)
            tab = r.goals.table
            below = main.source == "ansökan" and "goal_id" in tab and bool((tab["goal_id"] == main.id).any())
            out.append(msg("summary.success_group_goal_below") if below
                       else msg("summary.success_group_goal", group=group_words(r, main.id)))
        left_out = d.left_out(r.project.participants)
        if left_out and not at_goal:  # the sections count every exit: say why page 1's number of ended is smaller
            out.append(msg("summary.success_excluded",
                           outcomes=r.words.join([code_label(S.OUTCOME, c, lang).lower() for c in left_out])))
        out += same_support_sentence(r, sc, k_min)
        out += codes_contradicted(r, same=sc.successes)
    if project_ended(p):  # (an enrolment without an end date in a project that has ended is not "still enrolled")
        out += open_after_end(r)
    elif dis.hides(Secondary.ONGOING):  # (said even when none is: a missing sentence would tell that)
        out.append(msg("summary.ongoing_withheld", k=str(k_min), date=fmt_date(p.as_of)))
    elif df[S.ONGOING].any():
        # (shown only beside the participants and the number ended, which give it by difference: a small number is
        # said as it is, not as "fewer than k", which would hide nothing; docs/methods.md, small-count suppression)
        n_on = int(df[S.ONGOING].sum())
        out.append(r.plural("summary.ongoing", n_on, n=fmt_int(n_on, lang), date=fmt_date(p.as_of)))
    return out


def same_support_sentence(r, sc, k_min: int) -> list[str]:
    """Those who ended with one of the definition's outcomes on the support they started on (sickness benefit to
    sickness benefit, :meth:`~evaltools.analysis.goals.SuccessDefinition.same_support`): under the default successes
    they are no success, and page 1 says how many were left out; under the outcomes the params give they are
    counted as written, and page 1 says how many of the successes they are. The number is "some" where it, or
    what it leaves of the count it splits (the other non-successes, the other successes), is under ``k_min``:
    with the counts page 1 gives, it would tell that one."""
    d = sc.definition
    df = r.project.participants
    same = d.same_support(df)
    if d.exclude:
        same &= ~df[S.OUTCOME].isin(d.exclude)
    n = int(same.sum())
    if not n:
        return []
    rest = (sc.base - sc.successes - n) if d.default else (sc.successes - n)
    codes = [c for c in S.OUTCOMES if (df.loc[same, S.OUTCOME] == c).any()]
    outcomes = r.words.join([code_label(S.OUTCOME, c, r.lang).lower() for c in codes])
    generic = d.kind == "leaves_fs"  # (page 1 says "lämnade försörjningsstödet", not "lyckat")
    key = {(False, True): "summary.success_same_support_default", (False, False): "summary.success_same_support_counted",
           (True, True): "summary.success_same_support_default_fs",
           (True, False): "summary.success_same_support_counted_fs"}[(generic, d.default)]
    if key == "summary.success_same_support_default_fs" and not_all_left_fs(r):  # (page 1 says "gick till")
        key = "summary.success_same_support_default_moved"
    said = r.msg("summary.same_support_some", k=str(k_min)) if hides(n, k_min) or hides(rest, k_min) \
        else fmt_int(n, r.lang)
    return [r.msg(key, n=said, outcomes=outcomes)]


def codes_contradicted(r, same: int | None = None) -> list[str]:
    """Where the payments after exit contradict the outcome codes for a material part of those coded as
    leaving försörjningsstöd (:attr:`~evaltools.analysis.costbenefit.OutcomeCheck.contradicts_codes`):
    how many, right after the count of successes the codes give (counts under the small-count rule).
    When the sentence before counted ``same`` successes and the codes that leave försörjningsstöd are
    as many, they are the persons just counted and the shorter wording refers to them."""
    oc = r.cba.outcome_check if r.project.payments is not None else None
    if oc is None or not oc.contradicts_codes:
        return []
    k = r.params.privacy.min_count
    same_persons = same is not None and same == oc.coded
    # (without a budget there is no calculation to say it counts the payments: page 1 says there is none)
    costed = r.params.data.budget is not None
    if hides(oc.checked, k):  # "<5 av de <5" says nothing a reader can use: fewer than k, and some of them
        key = ("summary.success_codes_contradicted_same_few" if same_persons else "summary.success_codes_contradicted_few") \
            if costed else ("summary.success_codes_contradicted_same_few_no_cost" if same_persons
                            else "summary.success_codes_contradicted_few_no_cost")
        return [r.msg(key, k=str(k))]
    if all_of(oc.paid_next_month, oc.checked, k):  # "alla 86", not "86 av de 86"
        key = ("summary.success_codes_contradicted_same_all" if same_persons else "summary.success_codes_contradicted_all") \
            if costed else ("summary.success_codes_contradicted_same_all_no_cost" if same_persons
                            else "summary.success_codes_contradicted_all_no_cost")
        return [r.msg(key, checked=fmt_persons(oc.checked, k, r.lang))]
    key = ("summary.success_codes_contradicted_same" if same_persons else "summary.success_codes_contradicted") \
        if costed else ("summary.success_codes_contradicted_same_no_cost" if same_persons
                        else "summary.success_codes_contradicted_no_cost")
    # (in words, as running text says a group's few: "några av de 5", "färre än 5 av de 86", never "<5 av de 5")
    return [r.msg(key, of=fmt_persons_of(oc.paid_next_month, oc.checked, k, r.lang))]


def goal_fulfilment(r, length: str = "full") -> list[str]:
    """Did the project reach the goals its application set? Goal by goal, with the verdict and the
    figures behind it, as a final report answers (see :func:`evaltools.present.sections.goals.page_one`);
    ``length`` as there."""
    count = count_goals(own_verdicts(r.goals.table))  # (one per goal, as the portfolio counts them)
    if count.volumes_only:  # nothing has happened yet: what the application's volumes would give
        return [volumes_sentence(r, count)]
    return goals_on_page_one(r, length)


def goal_lengths(r, sentences: list[str], full: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """Page 1's answer to "did the project reach its goals?" (``sentences``, the full answer) at each length
    of :data:`evaltools.words.lengths.LENGTHS` that says it in fewer words than the one before; the full
    answer first. The goal sentences are replaced where they stand, the others kept. ``full``: the goal sentences
    at full length (:func:`goal_fulfilment`) where the caller has them, as :func:`answers` gives them (worked out
    here otherwise)."""
    full = goal_fulfilment(r) if full is None else full
    at = next((i for i in range(len(sentences) - len(full) + 1) if sentences[i:i + len(full)] == full), None)
    out = [("full", sentences)]
    if not full or at is None:
        return out
    for length in LENGTHS[1:]:
        said = sentences[:at] + goal_fulfilment(r, length) + sentences[at + len(full):]
        if len(" ".join(said).split()) < len(" ".join(out[-1][1]).split()):
            out.append((length, said))
    return out


def cost(r) -> list[str]:
    """What did it cost: in total, per participant and per success."""
    s = r.cba.summary
    if not s.total_cost_nominal > 0:  # (unknown without a budget file: said, with the grant where there is one)
        return cost_unknown(r)
    out = [cost_sentence(r, s, r.cba.costs)]
    per = r.params.period
    if (pre := per.prestudy) is not None:  # (the cost and the cost per participant count the pre-study: said here)
        out.append(r.msg("summary.cost_prestudy", first=fmt_date(pre[0]), last=fmt_date(pre[1])))
    if gaps := missing_budget_periods(r):  # (periods of the project the budget has no line for: counted as nothing)
        said = r.words.join([str(n) if kind == "year" else budget_period_label(f"år {n}", r.lang) for kind, n in gaps])
        out.append(r.msg("summary.budget_missing_periods", periods=said,
                         start=fmt_date(per.start), end=fmt_date(per.end)))
    if per.actual_end is not None and per.actual_end < per.planned_end and s.budget_total:
        # a share of the budget read beside an early end: the reader sees why less was used
        out.append(r.msg("summary.ended_early", end=per.actual_end.isoformat(), planned=per.planned_end.isoformat()))
    return out


def missing_budget_periods(r) -> tuple[tuple[str, int], ...]:
    """The project's periods its budget has no line for (:func:`evaltools.data.validation.budget_gaps`, found once
    when the budget is read)."""
    b = r.project.budget
    return () if b is None else tuple(b.attrs.get("missing_periods", ()))


WHO = {"kommun": "summary.who_kommun", "region": "summary.who_region", "stat": "summary.who_stat",
       "individ": "summary.who_individ", "offentliga": "summary.who_offentliga", "samhälle": "summary.who_samhälle"}
WHO_AGAIN = {"offentliga": "summary.who_offentliga_again"}
DW_SOURCE = {"default": "summary.dw_source_default", "comparison": "summary.dw_source_comparison",
             "params": "summary.dw_source_params"}


# page 1's sentences as an application check says them: of what would happen, before anything has happened
WOULD = {"summary.worth_society": "summary.worth_society_ex_ante",
         "summary.worth_society_lower_bound": "summary.worth_society_lower_bound_ex_ante",
         "summary.worth_deadweight": "summary.worth_deadweight_ex_ante",
         "summary.worth_deadweight_never": "summary.worth_deadweight_never_ex_ante",
         "summary.worth_deadweight_always": "summary.worth_deadweight_always_ex_ante",
         "summary.worth_deadweight_never_none": "summary.worth_deadweight_never_none_ex_ante"}


def deadweight_words(r) -> str:
    """The deadweight as page 1's sentences say it, "Kalkylen antar att {dw} av dem som lämnade …": as the
    assumptions table gives it (51,6 %, 25 %), but a deadweight of zero as "ingen" ("att ingen av dem som lämnade
    försörjningsstödet hade gjort det ändå"), not "att 0 % av dem"."""
    s = r.cba.summary
    return r.msg("summary.dw_none") if s.deadweight == 0 else value_text("deadweight", s.deadweight, r.lang)

# an actor's own result in words (an application check speaks of what would happen)
ACTOR_RESULT = {False: {"gains": "summary.actor_gains", "pays": "summary.actor_pays", "even": "summary.actor_even"},
                True: {"gains": "summary.actor_gains_ex_ante", "pays": "summary.actor_pays_ex_ante",
                       "even": "summary.actor_even_ex_ante"}}
# the same with a plural subject (the member municipalities together)
ACTOR_RESULT_PLURAL = {
    False: {"gains": "summary.actor_gains_plural", "pays": "summary.actor_pays_plural", "even": "summary.actor_even_plural"},
    True: {"gains": "summary.actor_gains_ex_ante_plural", "pays": "summary.actor_pays_ex_ante_plural",
           "even": "summary.actor_even_ex_ante_plural"}}



# the public financiers' saving as it is known (:func:`evaltools.analysis.costbenefit.benefit_basis`)
SAVING_WORDS = {BENEFIT_CALCULATED: "summary.saving_calculated", BENEFIT_MEASURED: "summary.saving_measured",
                BENEFIT_PARTLY: "summary.saving_partly"}


def saving_transferred(rows: pd.DataFrame) -> bool:
    """Whether the public financiers together save nothing although the municipality saves försörjningsstöd:
    every exit from it went to a benefit the state pays instead (studies, sickness or activity compensation,
    sickness benefit or another), so the municipality's saving is the state's cost. Page 1 then says so beside
    the saving of 0 kr, which would otherwise read as no exit at all (``rows``: the table per perspective)."""
    if not {"offentliga", "kommun"} <= set(rows.index):
        return False
    # (in whole kronor: a saving that rounds to 0 kr is said as 0 kr)
    return abs(float(rows.loc["offentliga", "pv_benefit"])) < 0.5 and float(rows.loc["kommun", "pv_benefit"]) >= 0.5


def employs_participants(ledger: pd.DataFrame | None) -> bool:
    """Whether the calculation follows a budget line of the participants' own wages (an employment in the
    project, ``cost_benefit.participant_wages``) to the actors it reaches: page 1 then says that the actors'
    results hold it, since a municipality's gain would otherwise read as coming from the exits alone."""
    return ledger is not None and bool((ledger["item"].isin(EMPLOYMENT_ITEMS) & (ledger["pv"] != 0)).any())


def _measured_window(r) -> int | None:
    """Months from each start that the register data's measured flows in the public financiers' figures
    cover (:attr:`CostSummary.measured_months`), when that is shorter than the calculation's horizon; None
    when no public flow is measured or the window reaches the horizon."""
    cba = r.cba
    months = cba.summary.measured_months if cba.summary is not None else 0
    ledger = cba.ledger
    if not months or ledger is None:
        return None
    public = ledger["actor"].isin(("kommun", "region", "stat", "fk"))
    if not bool((public & (ledger["source"] == MEASURED)).any()):
        return None
    return months if months < round(r.params.cost_benefit.horizon_years * 12) else None

def who_gains_pays(r, rows: pd.DataFrame) -> str:
    """Who gains and who pays, in plain words: the municipality, the region and the state, each with
    its own result (present values at the NPV's horizon), said before the public financiers' total and
    rounded with it, so that the three add up to the total beside them (:func:`public_amounts`)."""
    ex_ante = r.cba.summary.mode == "ex_ante"
    words = ACTOR_RESULT[ex_ante]
    said = public_amounts(rows, r.lang)
    parts: list[str] = []
    share_only: list[int] = []  # the parts that pay their share of the cost alone
    for p in ACTORS:
        v = rows.loc[p, "npv"] if p in rows.index else float("nan")
        if pd.isna(v):
            continue
        result = "gains" if v >= 500 else "pays" if v <= -500 else "even"
        amount = {} if result == "even" else {"amount": said[p]}
        who, key = WHO[p], words[result]
        if p == "kommun" and municipalities_together(r.project):  # several member municipalities: theirs together
            who, key = "summary.who_kommuner", ACTOR_RESULT_PLURAL[ex_ante][result]
        said_p = r.msg(key, who=r.msg(who), **amount)
        if ex_ante and result == "pays" and cost_share_only(rows, p):
            # (an application's check: no flow but its part of the cost, said so; in a report on what happened the
            # table per actor says it, and page 1 says why the state pays where it pays more)
            said_p += r.msg("summary.actor_cost_share_only")
            share_only.append(len(parts))
        elif p == "stat":  # (the state's figure rests on those assumptions)
            said_p += state_assumptions(r)
            if result == "pays":  # (and why it pays more than its share of the cost, as the table per actor says)
                reason = state_reason(r)
                if reason and -rows.loc[p, "pv_benefit"] < rows.loc[p, "pv_cost"]:
                    # (most of what it pays is its share of the cost: the reason explains the part above it only)
                    said_p += r.msg("summary.state_above_share")
                said_p += reason
        parts.append(said_p)
    if len(share_only) > 1 and share_only == list(range(share_only[0], share_only[-1] + 1)):
        # two or more side by side that pay their share alone: said once, after the last of them ("regionen skulle
        # betala 900 000 kr och staten skulle betala 1,8 miljoner kronor (var och en sin andel av kostnaden)")
        one, each = r.msg("summary.actor_cost_share_only"), r.msg("summary.actor_cost_share_only_each")
        for i in share_only:
            parts[i] = parts[i].removesuffix(one)
        parts[share_only[-1]] += each
    return join(parts, r.lang)


def cost_share_only(rows: pd.DataFrame, perspective: str) -> bool:
    """Whether the actor's result is its part of the project's cost alone: the table per perspective counts no
    benefit for it (no saving, no benefit paid instead, no tax), so page 1 says that this is what it pays."""
    row = rows.loc[perspective]
    return bool(row["pv_cost"] > 0 and abs(row["pv_benefit"]) < 0.5)


def state_assumptions(r) -> str:
    """The bracket after the state's result on page 1 naming the assumed flows it rests on: the benefit it
    pays in place of försörjningsstöd (:func:`state_benefit_assumed`), the wage subsidy it pays employers for
    the exits to arbete med stöd (:func:`state_subsidy_assumed`: the amount a month and for how long the
    calculation assumes), or both; "" where neither is in its figure."""
    ledger = r.cba.ledger
    benefit, subsidy = state_benefit_assumed(ledger), state_subsidy_assumed(ledger)
    if not subsidy:
        return r.msg("summary.state_benefit_assumed") if benefit else ""
    if benefit:  # (both: named without the subsidy's amount, which the assumptions give; page 1 holds on one page)
        return r.msg("summary.state_both_assumed")
    return r.msg("summary.state_subsidy_assumed",
                 amount=fmt_kr_prose(r.params.cost_benefit.wage_subsidy_sek_month, r.lang),
                 months=fmt_int(subsidy_months(r.params.cost_benefit), r.lang))


def state_reason(r) -> str:
    """The clause after the state's result on page 1 saying why it pays more than its share of the cost: the exits
    to a benefit it pays in place of försörjningsstöd, counted as the table per actor's note counts them
    (:func:`evaltools.present.sections.costbenefit.state_why_words`); "" where that note gives no reason (no such
    exit, or the state's benefits measured in register data)."""
    if benefits_measured(r.cba):
        return ""
    said = state_why_words(r)
    return "" if said is None else r.msg(STATE_WHY[said[0]], **said[1])


# the words of each reason :func:`state_why_words` gives, on page 1
STATE_WHY = {"state_why": "summary.state_why", "state_why_some": "summary.state_why_some",
             "state_why_most": "summary.state_why_most", "state_why_ex_ante": "summary.state_why_ex_ante"}


def state_why_words(r) -> tuple[str, dict[str, str]] | None:
    """Which words say why the state pays more than its share of the cost, and their values: ``state_why`` with
    who ("81 av de 112"), ``state_why_some`` or ``state_why_most`` where the small-count rule hides a part,
    ``state_why_ex_ante`` for an application's expected exits; None where no exit went to a benefit the state
    pays. The table per actor's note (:func:`state_why`) and page 1 say the same reason in these words."""
    s, k = r.cba.summary, r.params.privacy.min_count
    n, total = s.exits_to_state_benefit, s.successes
    if not n or not total:
        return None
    if s.mode == "ex_ante":  # (expected volumes, not persons: nothing to hide)
        return "state_why_ex_ante", {"who": fmt_persons_of(n, total, 1, r.lang)}
    # (no breakdown with a hidden part: "<5 av de 112", or 110 of 112 beside the 2 it leaves)
    if n < total and hides(n, k):
        return "state_why_some", {}
    if n < total and hides(total - n, k):
        return "state_why_most", {}
    return "state_why", {"who": fmt_persons_of(n, total, k, r.lang)}


def benefits_measured(cba) -> bool:
    """Do the ledger's benefit rows come from register estimates?"""
    led = cba.ledger
    return led is not None and bool(((led["source"] == MEASURED) & led["item"].str.startswith("ersattning_")).any())


def state_subsidy_assumed(ledger: pd.DataFrame | None) -> bool:
    """Whether the state's result counts a wage subsidy (lönestöd) paid to employers for the exits to arbete
    med stöd, at the amount and for the months the calculation assumes (no register data measure it)."""
    return _state_assumes(ledger, lambda item: item == "lonestod")


def state_benefit_assumed(ledger: pd.DataFrame | None) -> bool:
    """Whether the state's result counts a benefit it pays in place of försörjningsstöd at an assumed amount
    (equal to the försörjningsstöd it replaces, as the actors' note says) rather than measured in register
    data: page 1 then says that the state's figure rests on that assumption."""
    return _state_assumes(ledger, lambda item: item.str.startswith("ersattning_"))


def _state_assumes(ledger: pd.DataFrame | None, items) -> bool:
    """Whether the state's result holds a flow of the ledger's ``items`` (a test on its item column) at an
    assumed, not measured, amount."""
    if ledger is None or ledger.empty:
        return False
    rows = ledger[items(ledger["item"]) & ledger["actor"].isin(PERSPECTIVES["stat"]) & (ledger["source"] == ASSUMED)
                  & (ledger["pv"] != 0)]
    return not rows.empty


def public_amounts(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """The public financiers' benefit, cost and net present value and each actor's share of it, worded in
    one rounding (:func:`benefit_and_cost`): the actors' amounts, without their sign (the sentence says
    gains or pays), under their perspective's name."""
    row = rows.loc["offentliga"]
    parts = {p: float(rows.loc[p, "npv"]) for p in ACTORS if p in rows.index and not pd.isna(rows.loc[p, "npv"])}
    # (the other perspectives' net present values page 1 says beside them, signed, under "npv_<perspective>": in
    # the same unit, so that one page says them with one precision, "−5,37 miljoner" beside "4,43 miljoner")
    beside = {f"npv_{p}": float(rows.loc[p, "npv"]) for p in rows.index
              if p != "offentliga" and not pd.isna(rows.loc[p, "npv"])}
    return benefit_and_cost(row["pv_benefit"], row["pv_cost"], row["npv"], lang, parts, beside)


def benefit_and_cost(benefit: float, cost: float, npv: float, lang: str,
                     parts: dict[str, float] | None = None, beside: dict[str, float] | None = None) -> dict[str, str]:
    """Benefit, cost and net present value as one sentence says them, so that the saving less the cost
    reads as the net present value beside it, and the actors' parts said before it add up to it.

    The net present value is rounded to two significant figures, or more where fewer would make the
    sentence's own arithmetic disagree (1,3 against 2,4 million for a result of −1 million reads −1,1; a
    municipality's 3,3 million less the region's 0,27 and the state's 3,1 reads −0,07 million, not
    −44 000 kr): benefit, cost and the parts are rounded to the same unit as the net present value
    (−44 000 kr: a saving of 1,052 million against 1,096 million; the municipality 3,308 million). A part
    that is not zero never reads zero. The net present value is the table's figure, rounded; it is never
    made to fit.

    Parameters
    ----------
    benefit, cost, npv : float
        A perspective's present values of benefit and cost and their difference, in kr.
    lang : str
        ``"sv"`` or ``"en"``.
    parts : dict, optional
        Net present values (kr) whose sum is ``npv`` (the actors of the public financiers), by name.
        Parts that do not sum to ``npv`` are worded in the same unit but not checked.
    beside : dict, optional
        Amounts of the same kind said on the same page (other perspectives' net present values), by name:
        worded signed in the same unit (:func:`~evaltools.words.formats.one_rounding`).

    Returns
    -------
    dict
        ``benefit``, ``cost`` and ``npv`` worded (:func:`~evaltools.words.formats.fmt_kr_prose`), and each
        part's size without its sign under its name.
    """
    return _one_rounding(npv, lang, parts, (benefit, cost), beside)


def total_and_parts(npv: float, parts: dict[str, float], lang: str) -> dict[str, str]:
    """A net present value and the actors' parts of it worded in one rounding, so that the parts add up
    to the total (:func:`benefit_and_cost` without benefit and cost): ``npv`` signed, each part without
    its sign under its name. The portfolio's conclusions say each project's total and parts this way."""
    return _one_rounding(npv, lang, parts, None)


def _one_rounding(npv: float, lang: str, parts: dict[str, float] | None,
                  benefit_cost: tuple[float, float] | None, beside: dict[str, float] | None = None) -> dict[str, str]:
    """The amounts of :func:`benefit_and_cost` worded in one rounding (:func:`~evaltools.words.formats.one_rounding`),
    the parts without their sign."""
    rounded = one_rounding(npv, parts, benefit_cost, beside)
    # (said together: the millions of one rounding share their decimals, "3,4" beside "7,0", never "7")
    return fmt_kr_prose_alike({name: (abs(v) if name in (parts or {}) else v, digits)
                               for name, (v, digits) in rounded.items()}, lang)


def support_at_start(r) -> list[str]:
    """Whom the calculated saving leaves out or assumes: that no participant had försörjningsstöd at start (none
    to save), or exits of participants who had another support than försörjningsstöd at start (no saving
    counted), and leavers whose support at start nothing shows
    (assumed to have had försörjningsstöd); nothing when every leaver is known to have had it."""
    s, lang = r.cba.summary, r.lang
    out = []
    if s.mode == "observed" and s.no_fs_at_start:  # (nobody had any: the plain reason no saving is counted)
        supports = r.words.join([code_label(S.SUPPORT_START, c, lang).lower() for c in s.no_fs_at_start])
        moved_on = sum(n for _, n in s.other_support)  # (those who moved on all the same, said first)
        unvalued = _unvalued(r, s.no_fs_at_start, "other")
        out.append(capitalized(r.msg("summary.no_fs_at_start_moved_on", n=persons_prose(r, moved_on),
                                     supports=supports, unvalued=unvalued)) if moved_on else
                   r.msg("summary.no_fs_at_start", supports=supports, unvalued=unvalued))
    elif s.mode == "observed" and s.other_support:
        supports = ", ".join(code_label(S.SUPPORT_START, c, lang).lower() for c, _ in s.other_support)
        n = sum(n for _, n in s.other_support)
        # the exits from försörjningsstöd withheld by the small-count rule (the key figures' '..'): this count
        # beside the goals' count of those who moved on would give them back (6 moved on, 5 from another
        # support: 1 left försörjningsstöd), and "most"/"the few" would tell them roughly, so neither is said
        # (a count said as 'fewer than 5' gives no exact number back)
        hidden = bool(s.successes) and r.disclosure.hides(Secondary.EXITS) and not hides(n, r.params.privacy.min_count)
        unvalued = _unvalued(r, [c for c, _ in s.other_support], "that")
        out.append(capitalized(r.msg("summary.other_support_hidden", supports=supports, unvalued=unvalued) if hidden
                               else r.msg("summary.other_support", n=persons_prose(r, n), supports=supports,
                                          unvalued=unvalued)))
        lead_npv = r.cba.table.set_index("perspective").loc[s.perspective, "npv"]
        if pd.isna(lead_npv) and s.exit_range is not None and (at := s.exit_range.of(s.perspective)) is not None:
            # (the exits withheld as 1 to k − 1: negative at every count they may be, it is negative; where one exit is
            # worth nothing, page 1 has said why already: those who left went to a benefit the state pays instead)
            lead_npv = at.npv_high if at.verdict == RangeVerdict.NOT_COVERED and at.per_exit > 0 else lead_npv
        if s.successes and lead_npv < 0 and (hidden or n > s.successes):
            # most who moved on had no försörjningsstöd to leave: the negative result is the calculation's
            # reach, not a verdict on the goals (which page 1 gave above)
            out.append(r.msg("summary.other_support_most_hidden" if hidden else "summary.other_support_most"))
    if s.mode == "observed" and s.came_back:
        out.append(capitalized(r.msg("summary.came_back", n=persons_prose(r, s.came_back))))
    if s.mode == "observed" and s.unknown_support and s.successes:
        # (a small count a goal publishes all the same, :func:`evaltools.analysis.disclosure.exits_in_goals`: as it is)
        total = fmt_int(s.successes, r.lang) if r.disclosure.shows(Secondary.EXITS) else persons_prose(r, s.successes)
        if r.disclosure.hides(Secondary.EXITS) and not hides(s.successes, r.params.privacy.min_count):
            # (k or more who left, withheld all the same: neither their number nor a part of it beside it)
            out.append(r.msg("summary.unknown_support_withheld"))
        elif hides(s.successes, r.params.privacy.min_count) and (r.disclosure.hides(Secondary.EXITS)
                                                                  or s.unknown_support != s.successes):
            # (fewer than k counted: "alla de (färre än 5)", never "alla färre än 5" or "färre än 5 av de färre än 5";
            # where a goal publishes their number, "alla 3", but a part of them is still not counted out)
            k = str(r.params.privacy.min_count)
            out.append(r.msg("summary.unknown_support_all_few" if s.unknown_support == s.successes
                             else "summary.unknown_support_few", k=k))
        else:
            out.append(r.msg("summary.unknown_support_all", total=total) if s.unknown_support == s.successes else
                       r.msg("summary.unknown_support", n=persons_prose(r, s.unknown_support), total=total))
    return out


def _unvalued(r, supports, benefit: str) -> str:
    """What the calculation leaves unvalued for those who had ``supports`` (codes) at start instead of
    försörjningsstöd: the saving in that benefit (``benefit`` "that", or "other" support), or, for those who had no
    public support at all (young people living with their parents), what studies or work give them in time, since
    there was no benefit to save; both where the supports are of both kinds."""
    none = [c for c in supports if c == "ingen_offentlig"]
    if none and len(none) == len(supports):
        return r.msg("summary.unvalued_none")
    keys = {"that": ("summary.unvalued_that", "summary.unvalued_mixed_that"),
            "other": ("summary.unvalued_other", "summary.unvalued_mixed_other")}[benefit]
    return r.msg(keys[bool(none)])


def worth_perspectives(lead: str) -> tuple[str, ...]:
    """The perspectives page 1 states, lead first: always the public financiers' and society's."""
    return tuple(dict.fromkeys((lead, "offentliga", "samhälle")))


def cost_unknown(r) -> list[str]:
    """Page 1's answer to "what did it cost" in a report without a budget file (``data.budget``): that the cost
    is not known, and the amount the förbund granted (or the application asks for) beside it, never read as a
    cost (a grant is not what was spent). Without it page 1 would skip its second and third questions."""
    if r.params.data.budget is not None:  # (a budget file whose amounts sum to 0: its own table says so)
        return []
    granted = r.params.granted_sek
    if not granted:
        return [r.msg("summary.cost_unknown")]
    key = "summary.cost_unknown_applied" if r.kind == "ansökan" else "summary.cost_unknown_granted"
    return [r.msg(key, granted=fmt_kr_prose(granted, r.lang))]


def expected_mix(r, page_one: bool = False) -> str:
    """Where an application's expected successes are counted as going: the params' outcome mix, or
    (stated as an assumption) every one to work; on ``page_one``, the assumption in a few words (the
    cost-benefit section says why it matters)."""
    e = r.params.expected
    mix = e.outcome_mix if e is not None else None
    if not mix:
        return r.msg("summary.ex_ante_all_to_work" if page_one else "costbenefit.mix_assumed")
    parts = [f"{fmt_pct(v, r.lang, 0)} {code_label(S.OUTCOME, k, r.lang).lower()}" for k, v in mix.items() if v > 0]
    return r.msg("costbenefit.mix_given", mix=join(parts, r.lang))


def target_support_sentences(r) -> list[str]:
    """An application's saving counts every expected success as a person leaving försörjningsstöd: where its target
    population's description names another support at start and no försörjningsstöd
    (:func:`evaltools.data.params.target_supports`: "unga vuxna med aktivitetsersättning"), that the saving rests on
    them having försörjningsstöd, which the application does not say, so that the municipality's gain is not read as
    the application's."""
    supports = target_supports(r.params.target_population) if r.params.target_population else ()
    if not supports:
        return []
    return [r.msg("summary.ex_ante_target_other_support", supports=r.words.join(
        [code_label(S.SUPPORT_START, c, r.lang).lower() for c in supports]))]


def worth(r) -> list[str]:
    """Was it worth it, for whom, and how sure: every figure with its perspective and prices."""
    lang, msg, out = r.lang, r.msg, []
    cba = r.cba
    s = cba.summary
    if not s.total_cost_nominal > 0:  # (no cost to set a saving against: said where no budget file was given)
        return [msg("summary.worth_unknown_cost")] if cost_unknown(r) else []
    if s.mode == "structural":  # cost and level both in the price year's prices
        # (the cost itself is stated once, above, in current prices: here only the prices it is counted in)
        return [msg("summary.worth_structural", basis=B.basis_words(B.fixed(r), lang),
                    years=fmt_num(s.break_even_person_years, 1, lang), level=fmt_kr(s.monthly_level, lang),
                    source=note_text(s.level_source or "", lang))]
    pv = B.present_value(r)
    horizon = years_text(r.params.cost_benefit.horizon_years, r.lang)  # the NPV's, as the probability below says
    if not (s.successes or s.mode == "ex_ante"):
        # (no saving to count: say why, where the reason is another support at start; else that there is none)
        return support_at_start(r) or nothing_to_count(r)
    if s.exit_range is not None:  # 1 to k − 1 exits: the value of one, the break-even and the range, never the count
        out += few_exits(r)
        out += running(r)
        if s.mode == "observed" and not s.has_comparison:
            out.append(msg(CALCULATED.get(no_comparison_key(r) or "", "summary.worth_calculated")))
        return out + support_at_start(r)
    rows = cba.table.set_index("perspective")
    lead = s.perspective
    # (every net present value on the page in one unit: "−5,37 miljoner" for society beside the public "4,43")
    said = public_amounts(rows, lang)
    for p in worth_perspectives(lead):
        row, who = rows.loc[p], msg(WHO[p])
        npv_said = said.get(f"npv_{p}") or fmt_kr_prose(row["npv"], lang)
        if p == "offentliga":  # who gains and who pays first, then the three together
            amounts = {k: said[k] for k in ("benefit", "cost", "npv")}
            if s.mode != "ex_ante":  # (the saving named as it is known: measured in register data, calculated, or both)
                basis = benefit_basis(cba.ledger, p)
                key = ("summary.saving_transferred" if basis == BENEFIT_CALCULATED and saving_transferred(rows)
                       else SAVING_WORDS[basis])  # (a saving of 0 kr says why: the state pays instead)
                amounts["saving"] = msg(key, benefit=amounts["benefit"])
                del amounts["benefit"]
            out.append(msg("summary.worth_public_ex_ante" if s.mode == "ex_ante" else "summary.worth_public",
                           parts=who_gains_pays(r, rows), who=msg(WHO_AGAIN.get(p, WHO[p])), horizon=horizon,
                           basis=B.basis_words(pv, lang, short=True),  # (the rate: in the section's note)
                           **amounts))
            if s.mode == "ex_ante":  # (which outcomes the application's volumes are counted as: the saving rests on it)
                out.append(expected_mix(r, page_one=True))
                out += target_support_sentences(r)
            if employs_participants(cba.ledger):  # (a declared line of the participants' wages: what it adds)
                out.append(msg("summary.worth_public_employment"))
            window = _measured_window(r)
            if window is not None:  # register flows measured over fewer months than the horizon: say which
                out.append(msg("summary.worth_public_measured_window", months=fmt_int(window, lang), horizon=horizon))
        elif p == "samhälle":
            measured = cba.ledger is not None and bool((cba.ledger["source"] == MEASURED).any())
            note = row["note"]
            # earnings measured for fewer months than the calculation's horizon: counted for those months only
            short = dict(note.values) if getattr(note, "key", "") == "assumption.actor_society_short" else None
            key = ("summary.worth_society_measured_short" if short else
                   "summary.worth_society_lower_bound" if row["lower_bound"] else
                   "summary.worth_society_measured" if measured else "summary.worth_society")  # (which flows are measured)
            if s.mode == "ex_ante":  # (an application speaks of what would happen)
                key = WOULD.get(key, key)
            # the skattefaktor falls on the public budgets' net result: a net cost, or a surplus where they go plus
            # (Specialistteamet's +3,4 miljoner: "läggs på den offentliga nettokostnaden" spoke of a cost not there)
            sf_on = msg("summary.sf_on_surplus" if row["pv_skattefaktor"] > 0 else "summary.sf_on_cost")
            out.append(msg(key, who=who, npv=npv_said, sf=fmt_num(s.skattefaktor, 1, lang),
                           sf_on=sf_on, **({"months": fmt_int(short["months"], lang)} if short else {})))
        elif not pd.isna(row["npv"]):
            out.append(msg("summary.worth_lead", who=who, npv=npv_said, horizon=horizon,
                           basis=B.basis_words(pv, lang, short=True)))
    out += running(r)
    # a saving computed from exits is called calculated (the public financiers' sentence says "beräknad
    # besparing", or "delvis uppmätt ... och delvis beräknad" beside register flows); without a comparison
    # group, also why it cannot be more
    if s.mode == "observed" and not s.has_comparison:
        # (with payments, the same missing comparison group also says why a fall after the start is no effect:
        # one sentence, not "utan jämförelsegrupp" here and "Det finns ingen jämförelsegrupp" two sentences on)
        out.append(msg(CALCULATED.get(no_comparison_key(r) or "", "summary.worth_calculated")))
    out += support_at_start(r)
    if s.level_above_own is not None:  # (the level the saving is counted at, far above what the leavers were paid)
        own, norm = s.level_above_own
        out.append(msg("summary.level_above_own", own=fmt_kr(round(own, -2), lang), norm=fmt_kr(round(norm, -2), lang),
                       basis=B.basis_words(B.PriceBasis.fixed(r.params.price_year), lang)))
    who = msg(WHO_AGAIN.get(lead, WHO[lead]))  # (named in full above)
    sw = s.switching_deadweight
    # (the deadweight as the assumptions table and the payments section say it: 51,6 %, not 52 %; 25 %, not 25,0 %)
    # (a deadweight from a comparison the check before the start fails is said to be unreliable where it is given)
    dw_source = ("summary.dw_source_comparison_unreliable" if s.deadweight_source == "comparison"
                 and comparison_unreliable(r) else DW_SOURCE[s.deadweight_source])
    dw_words = dict(dw=deadweight_words(r), source=msg(dw_source), who=who)
    # (no switching value: negative even with no deadweight, or positive at any where measured flows carry the cost)
    key = ("summary.worth_deadweight" if not pd.isna(sw) else
           "summary.worth_deadweight_always" if s.npv > 0 else "summary.worth_deadweight_never")
    if key == "summary.worth_deadweight_never" and s.deadweight == 0:  # (not "ingen … även om ingen hade gjort det")
        key = "summary.worth_deadweight_never_none"
    if s.mode == "ex_ante":  # (an application speaks of those who would leave)
        key = WOULD[key]
    # (a saving of 0 kr for the lead in every simulation has no part that would have come anyway: the
    # probability's sentence below says so, and the deadweight changes nothing)
    if not unvaried(r, lead):
        out.append(msg(key, **dw_words, **({} if pd.isna(sw) else {"switching": fmt_pct(sw, lang, 0)})))
    # (the break-even number of exits is in the cost-benefit section; page 1 keeps to the NPV and how sure)
    if not pd.isna(s.break_even_person_years_application):
        ml = r.params.cost_benefit.monthly_level
        out.append(msg("summary.worth_break_even_application", cost=fmt_kr_prose(s.total_cost_nominal, lang),
                       cost_basis=B.basis_words(B.CURRENT, lang),
                       level=fmt_kr(ml.one_amount, lang), level_basis=B.basis_words(B.PriceBasis.fixed(ml.amount_year), lang),
                       years=fmt_num(s.break_even_person_years_application, 1, lang)))
    # (a comparison design the placebo rejects: the effect sentence below says that the deadweight and
    # the NPVs built on it are not reliable either; see effect())
    out += probability(r)
    return out


# the verdict over the range of exits, in a sentence (page 1 and the cost-benefit section)
RANGE_VERDICT = {RangeVerdict.COVERED: "summary.few_exits_covered", RangeVerdict.NOT_COVERED: "summary.few_exits_not_covered",
                 RangeVerdict.DEPENDS: "summary.few_exits_depends"}
# the same over a count of k or more the report withholds all the same (its range names its counts)
WITHHELD_VERDICT = {RangeVerdict.COVERED: "summary.withheld_exits_covered",
                    RangeVerdict.NOT_COVERED: "summary.withheld_exits_not_covered"}


def range_words(pr: PerspectiveRange, lang: str) -> dict[str, str]:
    """A perspective's range over the counts of exits as a sentence says it: the benefit and the net present
    value, each as two ends in one unit (``benefit_low`` … ``npv_high``), and the value of one exit; "–" for ends
    that are withheld (:attr:`~evaltools.analysis.costbenefit.ExitRange.one_count`)."""
    def ends(low: float, high: float) -> tuple[str, str]:
        return ("–", "–") if pd.isna(low) or pd.isna(high) else fmt_kr_prose_range(low, high, lang)
    b_lo, b_hi = ends(pr.benefit_low, pr.benefit_high)
    n_lo, n_hi = ends(pr.npv_low, pr.npv_high)
    return {"benefit_low": b_lo, "benefit_high": b_hi, "npv_low": n_lo, "npv_high": n_hi,
            "per_exit": fmt_kr_prose(pr.per_exit, lang)}


def range_verdict(r, pr: PerspectiveRange, who: str) -> str:
    """Whether the saving carries the cost for ``who`` at every count of exits the range covers, at none, or
    only from the break-even on (which the report states, the count it does not); "" without a verdict."""
    if pr.verdict is None:
        return ""
    pv_cost = float(r.cba.table.set_index("perspective").loc[pr.perspective, "pv_cost"])
    cost = fmt_kr_prose(pv_cost, r.lang)
    s = r.cba.summary
    if (employs_participants(r.cba.ledger) and np.isfinite(pr.exit_cost) and not s.measured_months
            and fmt_kr_prose(pr.exit_cost, r.lang) != cost):
        # the employment's tax, fees and försörjningsstöd not paid come with no exit: the exits carry only the
        # cost less them (the break-even's amount), and the sentence names that amount and the cost it is left of
        if pr.exit_cost <= 0 and pr.verdict is RangeVerdict.COVERED:  # (the employment alone carries the cost)
            return r.msg("summary.few_exits_covered_by_employment", cost=cost, who=who)
        society_sf = pr.perspective == "samhälle" and s.skattefaktor != 1
        cost = r.msg("summary.cost_with_skattefaktor_less_employment" if society_sf else "summary.cost_less_employment",
                     carried=fmt_kr_prose(pr.exit_cost, r.lang), cost=cost)
    elif (pr.perspective == "samhälle" and np.isfinite(pr.exit_cost) and not s.measured_months
            and fmt_kr_prose(pr.exit_cost, r.lang) != cost):
        # society's break-even counts the skattefaktor on the public cost too: the sentence names the amount it
        # is computed against (1 500 000 kr with a skattefaktor of 1,3 is 1 950 000 kr), not the cost alone
        cost = r.msg("summary.cost_with_skattefaktor", total=fmt_kr_prose(pr.exit_cost, r.lang, 3), cost=cost)
    if not np.isfinite(pr.break_even_exits):  # (no number of exits carries it: one adds nothing, or takes away)
        return r.msg("summary.few_exits_never", who=who, cost=cost)
    k = str(r.params.privacy.min_count)
    needed = fmt_persons_needed(pr.break_even_exits, r.lang)
    values = {RangeVerdict.COVERED: {"k": k}, RangeVerdict.NOT_COVERED: {"k": k, "needed": needed},
              RangeVerdict.DEPENDS: {"needed": needed}}[pr.verdict]
    er = r.cba.summary.exit_range
    if not er.few and pr.verdict is not RangeVerdict.DEPENDS:  # (k or more, withheld: "of the 16 to 19", not "fewer than k")
        values.pop("k")
        return r.msg(WITHHELD_VERDICT[pr.verdict], who=who, cost=cost,
                     low=str(er.low), high=str(er.high), **values)
    return r.msg(RANGE_VERDICT[pr.verdict], who=who, cost=cost, **values)


def few_exits(r) -> list[str]:
    """Page 1's answer to "was it worth it" where 1 to k − 1 participants left försörjningsstöd: the value of one
    exit and the break-even in persons (neither is the count), the benefit and net present value over every
    count the project can have, and the verdict where the whole range is on one side of zero; society's range
    after the lead perspective's (:class:`~evaltools.analysis.costbenefit.ExitRange`)."""
    s, lang = r.cba.summary, r.lang
    er = s.exit_range
    lead = er.lead
    who = r.msg(WHO_AGAIN.get(lead.perspective, WHO[lead.perspective]))
    words = range_words(lead, lang)
    k = r.params.privacy.min_count
    out = [r.msg("summary.few_exits" if er.few else "summary.withheld_exits", k=str(k), who=who, per_exit=words.pop("per_exit"),
                 basis=B.basis_words(B.present_value(r), lang, short=True),
                 horizon=years_text(r.params.cost_benefit.horizon_years, lang), dw=deadweight_words(r))]
    if lead.flat:  # one exit adds nothing: the figures are the same at every count, no range from a value to itself
        kommun = er.of("kommun")
        key = ("summary.few_exits_flat_transferred" if kommun is not None and kommun.per_exit >= 0.5
               else "summary.few_exits_flat")  # (the municipality's saving is the state's cost: say so)
        out.append(r.msg(key, npv=fmt_kr_prose(lead.npv_low, lang)))
    elif er.one_count:  # (the range would be one count, its ends the exact figures: withheld, and why)
        out.append(r.msg("summary.few_exits_withheld"))
    else:
        out.append(r.msg("summary.few_exits_range", low=str(er.low), high=str(er.high), **words))
    # (a net present value the same at any count, "hur många de än är", says already whether the saving carries the
    # cost, and for whom: the verdict would say it again)
    said = "" if lead.flat else range_verdict(r, lead, who)
    if said:
        out.append(said)
    if lead.perspective == "offentliga":
        out += actors_over_range(r)
    for p in worth_perspectives(lead.perspective)[1:]:
        pr = er.of(p)
        if pr is None or pr.verdict is None:
            continue
        who_p = r.msg(WHO_AGAIN.get(p, WHO[p]))
        words = range_words(pr, lang)
        said = (r.msg("summary.few_exits_other_flat", who=who_p, npv=fmt_kr_prose(pr.npv_low, lang)) if pr.flat else
                "" if er.one_count else  # (withheld: the verdict alone)
                r.msg("summary.few_exits_other", who=who_p, npv_low=words["npv_low"], npv_high=words["npv_high"]))
        # (a net present value the same at any count, "hur många de än är": its verdict would say the same again)
        out.append((said + ("" if pr.flat else " " + range_verdict(r, pr, who_p))).strip())
        if p == "offentliga":
            out += actors_over_range(r)
    return out


def actors_over_range(r) -> list[str]:
    """What the municipality, the region and the state each gain or pay where the exits are given as a range, as
    page 1 says it of an exact project (:func:`who_gains_pays`): each one's net present value over the range's
    counts, or one figure where no exit moves it (the region's, mostly); nothing where one of them is withheld (a
    range of one count, :attr:`~evaltools.analysis.costbenefit.ExitRange.one_count`). Said after the public
    financiers'."""
    er, lang = r.cba.summary.exit_range, r.lang
    parts = []
    for p in ACTORS:
        pr = er.of(p)
        if pr is None:
            continue
        if pd.isna(pr.npv_low) or pd.isna(pr.npv_high):  # (withheld: the sentence before says why; no part of a whole)
            return []
        who = r.msg("summary.who_kommuner" if p == "kommun" and municipalities_together(r.project) else WHO[p])
        if abs(pr.npv_high - pr.npv_low) < 0.5:
            said = r.msg("summary.few_exits_actor_flat", who=who, npv=fmt_kr_prose(pr.npv_low, lang))
        else:
            # (smaller end first: the state may pay more the more leave, −730 000 at one and −3,9 miljoner at 19)
            low, high = fmt_kr_prose_range(min(pr.npv_low, pr.npv_high), max(pr.npv_low, pr.npv_high), lang)
            said = r.msg("summary.few_exits_actor", who=who, npv_low=low, npv_high=high)
        parts.append(said + (state_assumptions(r) if p == "stat" else ""))
    if not parts:
        return []
    # (a declared line of the participants' wages: the actors' results hold its flows, said as the other path says it)
    employed = [r.msg("summary.worth_public_employment")] if employs_participants(r.cba.ledger) else []
    return [r.msg("summary.few_exits_actors", parts=join(parts, lang)), *employed]


def nothing_to_count(r) -> list[str]:
    """Page 1's answer to "was it worth it" when the calculation has no exit from försörjningsstöd to count a
    saving from: no participant had ended by the analysis date, or none of those who ended left försörjningsstöd
    by their exit codes. Without it page 1 would skip its third question. Said only where the small-count
    rule lets page 1 tell how many have ended or left (a "none of them" about fewer than k is their outcome)."""
    s, dis, k = r.cba.summary, r.disclosure, r.params.privacy.min_count
    if s.mode != "observed" or s.successes:
        return []
    if not s.ended:
        if dis.hides(Secondary.ONGOING):
            return []
        return [r.msg("summary.worth_none_ended", date=fmt_date(r.params.as_of))]
    if hides(s.ended, k) or dis.hides(Secondary.ENDED) or dis.hides(Secondary.EXITS):
        return []
    return [r.msg("summary.worth_no_exits"), *running(r)]


def running(r) -> list[str]:
    """While the project period runs (the analysis date before its end), the NPV above counts the benefit
    of those who had ended by then only, and the cost may include the budget for what remains: said so,
    without a count of persons (the period's dates are public; who is still enrolled follows the
    small-count rule in the participation sentences)."""
    p, s = r.params, r.cba.summary
    if s.mode != "observed" or not p.runs_on:
        return []
    # (a budget without lines for some periods holds no budget for what remains: page 1's cost says so)
    budgeted = not settled_lines(r.cba.costs).all() and not missing_budget_periods(r)
    return [r.msg("summary.worth_running_budget" if budgeted else "summary.worth_running",
                  end=fmt_date(p.period.end), date=fmt_date(p.as_of))]


def comparison_unreliable(r) -> bool:
    """The deadweight comes from a comparison group whose placebo test before the start rejected the
    design: every figure built on it is marked unreliable (page 1 and the cost-benefit section)."""
    pay = r.payments
    return (r.cba.summary.deadweight_source == "comparison" and pay is not None and pay.did is not None
            and bool(pay.parallel_trends_doubtful))


def probability(r) -> list[str]:
    """How often the lead perspective's NPV is positive in the simulations, at the horizon of the NPV
    stated beside it (:attr:`evaltools.analysis.costbenefit.Simulation.horizon_years`), named in the sentence."""
    cba = r.cba
    mc, sim = cba.monte_carlo, cba.simulation
    if not mc or sim is None:
        return []
    lead = cba.summary.perspective
    by = mc.by_perspective
    key = "summary.worth_probability_ex_ante" if mc.ex_ante else "summary.worth_probability"
    values = {"who": r.msg(WHO_AGAIN.get(lead, WHO[lead])), "horizon": years_text(sim.horizon_years, r.lang),
              "p": fmt_probability(by[lead].p_npv_positive, r.lang, prose=True),
              "p_society": fmt_probability(by["samhälle"].p_npv_positive, r.lang, prose=True)}
    if not mc.ex_ante and unvaried(r, lead):  # (not "positive in under 1 %": the same in every simulation)
        del values["p"]
        key = "summary.worth_probability_unvaried"
        if unvaried(r, "samhälle"):
            key = "summary.worth_probability_unvaried_both"
            del values["p_society"]
    return [r.msg(key, **values)]


def unvaried(r, perspective: str) -> bool:
    """Whether the simulation leaves ``perspective``'s net present value as the calculation gives it: its saving
    is 0 kr (those who left försörjningsstöd went to a benefit the state pays instead, which takes the
    municipality's saving out for the public financiers together) and its simulated values lie within one krona
    of each other (the lead perspective's every draw; another's 5th to 95th percentile). A share of simulations
    with a positive value, a range or a histogram would then say nothing."""
    mc = r.cba.monte_carlo
    table = r.cba.table.set_index("perspective")
    if not mc or perspective not in table.index or not abs(float(table.loc[perspective, "pv_benefit"])) < 0.5:
        return False
    if perspective == mc.perspective:
        return bool(len(mc.npv_draws)) and float(np.ptp(mc.npv_draws)) < 1.0
    spread = mc.by_perspective.get(perspective)
    return spread is not None and spread.npv_p95 - spread.npv_p05 < 1.0


# the calculated saving's sentence that also says what the payments cannot show, by the payments' direction
CALCULATED = {"summary.no_comparison": "summary.worth_calculated_fall",
              "summary.no_comparison_rise": "summary.worth_calculated_rise"}


def no_comparison_key(r) -> str | None:
    """Page 1's sentence on the payments without a comparison group (a fall, or a rise, after the start is not
    in itself an effect), in the direction of the payments section's table; ``None`` where a comparison group
    estimates the effect or there are no payments."""
    if r.payments.did is not None or r.project.payments is None:
        return None
    from .payments import participants_rose  # (the same direction as the section's table)
    return "summary.no_comparison_rise" if participants_rose(r) else "summary.no_comparison"


def says_calculated(r) -> bool:
    """Whether page 1's answer to "was it worth it" says that its saving is calculated for want of a
    comparison group (:func:`worth`): then it says what the payments cannot show in the same sentence."""
    s = r.cba.summary
    return (summary_applies(r.kind, "worth") and s.total_cost_nominal > 0 and s.mode == "observed"
            and bool(s.successes) and not s.has_comparison)


def effect(r) -> list[str]:
    """What the comparison group says about the effect on försörjningsstöd, where there is one (where there
    is none and :func:`worth` has said so, nothing more)."""
    lang, msg = r.lang, r.msg
    pay = r.payments
    if pay.did is not None:
        d = pay.did
        # a fall or a rise of a size (the interval as sizes of the same fall or rise, smallest first)
        fall = d.effect < 0
        low, high = (-d.ci_high, -d.ci_low) if fall else (d.ci_low, d.ci_high)
        # (the estimate averages the start month and the months after it that the DiD sees)
        after = str(r.params.comparison.months_after)
        # (the payments as paid out, as the section on försörjningsstöd states them: not the present values beside)
        basis = B.basis_words(B.CURRENT, lang)
        if d.ci_low < 0 < d.ci_high:  # the interval holds a fall and a rise: say so, not "lower by −402 kr"
            lower, higher = fmt_kr_beside((-d.ci_low, d.ci_high), d.effect, lang)
            said = msg("summary.did_spans_zero", effect=fmt_kr_prose(abs(d.effect), lang),
                       direction=msg("summary.did_lower" if fall else "summary.did_higher"),
                       lower=lower, higher=higher, after=after, basis=basis)
        else:
            low_said, high_said = fmt_kr_beside((low, high), d.effect, lang)
            said = msg("summary.did_decrease" if fall else "summary.did_increase", after=after, basis=basis,
                       effect=fmt_kr_prose(abs(d.effect), lang), low=low_said, high=high_said)
        if d.ci_method is IntervalMethod.WILD_BOOTSTRAP:  # (below the few-clusters threshold: say which interval)
            said += " " + msg("summary.did_interval_wild")
        if not pay.parallel_trends_doubtful:
            return [" ".join([said, *measured_worth(r)])]
        # the NPVs above rest on the same comparison group when their deadweight came from it
        return [said + " " + msg("summary.did_unreliable_all" if comparison_unreliable(r) else "summary.did_unreliable")]
    key = no_comparison_key(r)
    return [msg(key)] if key and not says_calculated(r) else []


def measured_worth(r) -> list[str]:
    """Where the lead perspective's NPV counted from the measured effect (the cost–benefit section's table
    of the two ways, :func:`evaltools.analysis.costbenefit.effect_based`) has the other sign than the main
    calculation's, that NPV at the same horizon with its share of positive simulations: a board that reads
    only the main calculation's NPV would not know that the project's own measured effect says otherwise.
    Where both agree the section's table says it. Not said where the comparison design is in doubt (the
    sentence before says so)."""
    eb, main = r.cba.effect_based, r.cba.summary.npv
    if eb is None or eb.unreliable or not (np.isfinite(eb.npv) and np.isfinite(main)) or (eb.npv > 0) == (main > 0):
        return []
    lang = r.lang
    who = r.msg(WHO_AGAIN.get(eb.perspective, WHO[eb.perspective]))
    values = {"who": who, "npv": fmt_kr_prose(eb.npv, lang), "horizon": years_text(eb.horizon_years, lang)}
    said = (r.msg("summary.worth_measured", **values) if eb.p_npv_positive is None else
            r.msg("summary.worth_measured_p", p=fmt_probability(eb.p_npv_positive, lang, prose=True), **values))
    # why there are two (each answers its own question) and their disagreement said as such, with no
    # preference: the method has none
    return [" ".join([said, r.msg("summary.two_calculations")])]


def assessment(r) -> list[str]:
    """The evaluator's own assessment (as plain paragraphs), or a sentence saying that the report
    holds the toolkit's figures only (in a draft, whose banner says so, only that there is no assessment)."""
    n = r.narrative
    if "assessment" in n:
        return n.plain("assessment")
    other = other_language_assessment(r)
    if other:  # page 1 is never without the assessment: said to be in the other language, and shown
        return [r.msg("summary.evaluator_assessment_other_language"), *other]
    if n.other_languages:
        return [r.msg("summary.evaluator_text_other_language")]
    # (a draft's banner above the title already says that the report holds the toolkit's figures only and is
    # not ready for the board: page 1 does not say it twice, and keeps the line it would take)
    return [r.msg("summary.no_evaluator_text_draft" if r.is_draft else "summary.no_evaluator_text")]


def other_language_assessment(r) -> list[str]:
    """The evaluator's assessment from the text in another language, as plain paragraphs, its cited
    figures as that language shows them; none when there is no such text or it cannot be read."""
    for lang in r.narrative.other_languages:
        def shown(lang: str = lang) -> dict[str, str]:
            return {name: figure_text(f, lang) for name, f in r.figures.items()}
        try:
            n = load_narrative(r.params.source_path, lang)
            n.bind(shown)
            if "assessment" in n:
                return n.plain("assessment")
        except EvaltoolsError:  # (the report in that language says what is wrong with its text)
            continue
    return []


def kind_statement(r) -> list[str]:
    """What kind of project this is and what the report can say about it: a structural project's
    target population, assessed process goals and break-even requirement; an application's ex-ante
    check of its volumes (see :mod:`evaltools.present.sections.kind`)."""
    return kind_on_page_one(r)


# Page 1 in the order a board reads it. Each part is a function of the report; a part with
# nothing to say returns no sentences.
PARTS = (participation, goal_fulfilment, cost, worth, effect, assessment)

# The board's question each part answers (its heading on page 1). A part not named here belongs
# to the question of the part before it.
QUESTIONS = {participation: "summary.q_goals", goal_fulfilment: "summary.q_goals", cost: "summary.q_cost",
             worth: "summary.q_worth", effect: "summary.q_worth", assessment: "summary.q_assessment"}


# An application check asks the same questions about what will happen: "Kan projektet nå sina mål?"
FUTURE_QUESTIONS = {"summary.q_goals": "summary.q_goals_ex_ante", "summary.q_cost": "summary.q_cost_ex_ante",
                    "summary.q_worth": "summary.q_worth_ex_ante"}


def question_heading(r, question: str) -> str:
    """A page-1 question as its heading reads: in the future tense for an application check."""
    return r.msg(FUTURE_QUESTIONS.get(question, question) if r.kind == "ansökan" else question)


def findings(r) -> list[str]:
    """The key findings, in the order a board reads them; the parts the project's kind has
    (:func:`evaltools.present.sections.summary_applies`)."""
    return [sentence for part in parts_for(r) for sentence in part(r)]


def parts_for(r) -> list:
    """The page-1 parts the project's kind has (:func:`evaltools.present.sections.summary_applies`), in order."""
    return [part for part in (kind_statement, *PARTS) if summary_applies(r.kind, part.__name__)]


def answers(r, said: dict | None = None) -> list[tuple[str, object, list[str]]]:
    """(question key, first part, sentences) per question, in the order of :data:`PARTS`; a question
    with nothing to say is left out. ``said``, where given, gets each part's own sentences by the part
    (page 1's goal answer is then shortened from them, :func:`goal_lengths`, not worked out again)."""
    out: list[tuple[str, object, list[str]]] = []
    question = QUESTIONS[PARTS[0]]
    for part in parts_for(r):
        question = QUESTIONS.get(part, question)
        sentences = part(r)
        if said is not None:
            said[part] = sentences
        if out and out[-1][0] == question:
            out[-1][2].extend(sentences)
        else:
            out.append((question, part, list(sentences)))
    return [a for a in out if a[2]]


def blocks(r) -> list[list]:
    from IPython.display import HTML
    parts: list = [Text([], r.msg("summary.heading"), css="et-lead")]  # (set close under the title)
    said: dict = {}
    for question, _first, sentences in answers(r, said):
        if question == "summary.q_assessment" and "assessment" in r.narrative:
            # the evaluator's Markdown, shown safely (evaltools.present.narrative)
            # (headed as page 1's other questions are, et-lead: a plain h3's wider margins took a line of page 1)
            parts.append(HTML(render("evaluator.html.j2", heading=r.msg(question), level=3, css="et-lead", lead=[],
                                     body=markup(r.narrative.html("assessment", 4)), body_css="et-lead", lang="")))
        elif question == "summary.q_assessment" and len(sentences) > 1:
            # the assessment in the other language, marked as such (lang: for a screen reader too)
            other = next(iter(r.narrative.other_languages), "sv")
            # (the heading says so: the line a sentence above it would take is page 1's, whose figures it keeps)
            paragraphs = render("text.html.j2", heading=None, level=3, css="et-lead", paragraphs=sentences[1:])
            parts.append(HTML(render("evaluator.html.j2", heading=r.msg("summary.q_assessment_other_language"),
                                     level=3, css="et-lead", lead=[], body=markup(paragraphs), body_css="",
                                     lang=other)))
        elif question == "summary.q_goals" and len(versions := goal_lengths(r, sentences, said.get(goal_fulfilment))) > 1:
            # an application with many goals: the answer at each length, the PDF printed with the longest that
            # keeps page 1 on one page (evaltools.words.lengths)
            heading = question_heading(r, question)
            parts.append(Lengths([(length, Text(said, heading, 3, css="et-lead")) for length, said in versions]))
        else:
            parts.append(Text(sentences, question_heading(r, question), 3, css="et-lead"))
            if question == "summary.q_assessment" and (place := write_here_html(r, "assessment")):
                parts.append(HTML(place))  # (a draft: where to write the assessment in the Word document)
    parts.append(Text([r.msg("summary.see_appendix")], css="et-note", anchor=PAGE_ONE_END))
    return [parts]
