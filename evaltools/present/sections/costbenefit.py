"""Costs and benefits: key figures, the two ways to count the benefit, assumptions, actors,
sensitivity and Monte Carlo."""
from __future__ import annotations


import numpy as np
import pandas as pd

from ...data import schema as S
from ...words.assumptions import assumptions_table, value_text
from ..display import Table, Text
from ...words.formats import (round_half_up, fmt_date, fmt_int, fmt_kr, fmt_kr_prose_range, fmt_num, fmt_pct, fmt_persons, fmt_persons_needed, fmt_persons_of,
                              fmt_probability)
from ...words.labels import code_label, note_text, success_definition_text, t, who as who_of
from ...words.text import join, msg, plural
from ...analysis.costbenefit import EMPLOYMENT_ITEMS, CostSummary
from ...analysis.result import Note
from . import basis as B
from .budget import municipalities_together
from .goals import timed_words
from ...words.assumptions import years as years_text
from ...analysis.goals import success_definition, project_successes
from ...data.privacy import SECONDARY, all_of, hides, suppressed_label
from ...analysis.disclosure import Secondary
from .facts import participants_words, persons_prose
from ..plots import plot_monte_carlo, plot_tornado
from .summary import (benefits_measured as _benefits_measured, comparison_unreliable, expected_mix, not_all_left_fs,
                      state_benefit_assumed, state_why_words, support_at_start, unvaried)
from .designs import mde_row


# What a structural project's figures rest on: its requirement (the cost over twelve months' level, both
# in the price year's prices) and the present values of the cost per actor (society's with the
# skattefaktor). Horizon, drop-off, deadweight and earnings never enter them, so its assumptions table
# leaves them out.
STRUCTURAL_ASSUMPTIONS = ("monthly_level", "price_year", "discount_rate", "skattefaktor")


# The key figures a structural project's workbook sheet keeps: its cost, the level and the requirement
# (and what they rest on); no participants, exits, benefit, NPV or deadweight to report.
STRUCTURAL_KEY_FIGURES = ("mode", "price_year", "total_cost_nominal", "total_cost_fixed", "budget_total", "actual_total",
                          "monthly_level", "pv_cost", "pv_skattefaktor", "break_even_person_years", "skattefaktor",
                          "level_source")


# the key figures of a running project's costs per person (what they divide, by whom, up to which day): left
# out where those costs are the whole cost over every person, rather than listed as "Nej" and an empty cell
PER_PERSON_FIGURES = ("per_person_so_far", "per_person_through", "cost_per_person_basis", "participants_paid",
                      "goal_successes_paid", "successes_paid")


def _not_given(value: object) -> bool:
    """A running project's per-person key figure that a finished one does not have: False, None or NaN."""
    return (not value) if isinstance(value, (bool, np.bool_)) else value is None or bool(pd.isna(value))


def benefit_unvalued(summary) -> bool:
    """Whether a participant project's benefit is not valued while its cost is known: every exit that moved on was
    from another support than försörjningsstöd (the analysis states no net present value, ratio, payback or
    break-even then). Its figures are then the cost and what it would take to carry it, as a structural project's."""
    return (summary.mode == "observed" and pd.isna(summary.npv) and not pd.isna(summary.pv_cost)
            and summary.exit_range is None)  # (a range of 1 to k − 1 exits is valued: it stands in for the NPV)


# The key figures of the benefit, left out where it is not valued (:func:`benefit_unvalued`): its value, what it
# would take (deadweight, drop-off) and the ratios built on it
BENEFIT_KEY_FIGURES = ("cost_per_exit_from_fs", "pv_avoided_fs", "pv_benefit", "npv", "bcr", "payback_months",
                       "break_even_exits", "switching_deadweight", "deadweight", "deadweight_source", "dropoff_source",
                       "first_year_kept", "first_year_source")


def no_fs_at_start(summary) -> bool:
    """Whether no participant had försörjningsstöd at start (:attr:`CostSummary.no_fs_at_start`): then nobody
    could leave it, and the figures counted in it (the exits from it, the avoided amount per person and month,
    the person-years without it that would carry the cost and the monthly level they rest on) do not apply."""
    return summary.mode == "observed" and bool(getattr(summary, "no_fs_at_start", ()))


# The key figures of the exits from försörjningsstöd, left out where none was valued (:func:`benefit_unvalued`: nobody
# who had it left it, and those who moved on came from another support); the person-years that would carry the cost
# and the level they rest on stay, as a structural project's requirement
UNVALUED_KEY_FIGURES = ("successes", "monthly_level")


# The key figures counted in försörjningsstöd, left out where no participant had any (:func:`no_fs_at_start`)
NO_FS_KEY_FIGURES = ("successes", "monthly_level", "break_even_person_years", "level_source")


def applicable_key_figures(cba, figures: dict) -> dict:
    """The cost-benefit key figures by name as the workbook lists them: a structural project's only those
    of :data:`STRUCTURAL_KEY_FIGURES`; no figure that has no value for any project of its kind (the person-
    years in the application's own terms without an application's level, actual costs where none are booked,
    and for an application, judged on its budget and its expected volumes, neither actual costs booked since
    nor counts of participants it does not have yet, as its key-figure table shows none; its cost per participant
    is over the participants it expects, as that table gives it)."""
    out = dict(figures)
    if out.get("dropoff_source") == "observed":  # (the drop-off seen in the payments, not a goal's measured outcome)
        out["dropoff_source"] = "observed_dropoff"
    if cba.summary.mode == "structural":
        out = {k: v for k, v in out.items() if k in STRUCTURAL_KEY_FIGURES}
    if benefit_unvalued(cba.summary):  # (and, as the report's table, no count of 0 exits nor a level avoided by no one)
        out = {k: v for k, v in out.items() if k not in (*BENEFIT_KEY_FIGURES, *UNVALUED_KEY_FIGURES)}
    if no_fs_at_start(cba.summary):
        out = {k: v for k, v in out.items() if k not in NO_FS_KEY_FIGURES}
    if cba.summary.mode == "ex_ante":
        # (its cost per participant is over the participants it expects, as its key-figure table gives it beside
        # "förväntat enligt ansökan", the sheet's basis)
        for key in ("actual_total", "participants", "ended"):
            out.pop(key, None)
    out.pop("exit_range", None)
    er = cba.summary.exit_range
    if er is not None:  # 1 to k − 1 exits: the lead perspective's range in place of the figures that give the count
        for key in ("pv_avoided_fs", "pv_benefit", "npv", "bcr", "payback_months", "switching_deadweight"):
            out.pop(key, None)
        lead = er.lead
        out.update({"benefit_per_exit": lead.per_exit, "exits_low": er.low, "exits_high": er.high,
                    "pv_benefit_low": lead.benefit_low, "pv_benefit_high": lead.benefit_high,
                    "npv_low": lead.npv_low, "npv_high": lead.npv_high, "bcr_low": lead.bcr_low, "bcr_high": lead.bcr_high})
    # (the skattefaktor's effect is society's: none where another perspective leads)
    for key in PER_PERSON_FIGURES:  # (a finished project's costs per person are the whole cost over everyone)
        if key in out and _not_given(out[key]):
            del out[key]
    for key in ("break_even_person_years_application", "actual_total", "pv_skattefaktor"):
        if key in out and (out[key] is None or (isinstance(out[key], float) and np.isnan(out[key]))):
            del out[key]
    return out


def with_exit_range(table: pd.DataFrame, er) -> pd.DataFrame:
    """The table per perspective as the workbook writes it: where 1 to k − 1 exits are valued, each perspective's
    benefit and net present value at the lowest and highest count (:class:`~evaltools.analysis.costbenefit.ExitRange`)
    in place of the figures that give the count (left out), and the skattefaktor's effect at either count where it is
    not 0 kr for every perspective (society's; as the report's table per actor gives it); ``table`` otherwise."""
    if er is None:
        return table
    ranges = [er.of(p) for p in table["perspective"]]
    blank = [c for c in ("pv_benefit", "pv_skattefaktor", "npv", "bcr", "payback_months", "switching_deadweight",
                         "p_npv_positive") if c in table]
    columns = [("pv_benefit_low", "benefit_low"), ("pv_benefit_high", "benefit_high"), ("npv_low", "npv_low"),
               ("npv_high", "npv_high")]
    effect = [getattr(pr, end) for pr in ranges if pr is not None for end in ("skattefaktor_low", "skattefaktor_high")]
    if any(abs(e) >= 0.5 for e in effect if not pd.isna(e)):  # (as the report's table: a column only where not 0 kr)
        columns += [("pv_skattefaktor_low", "skattefaktor_low"), ("pv_skattefaktor_high", "skattefaktor_high")]
    def value(pr, attr: str) -> float:
        if pr is None or (attr.startswith("skattefaktor") and abs(pr.skattefaktor_low) < 0.5
                          and abs(pr.skattefaktor_high) < 0.5):  # (none for a perspective without it, as the table)
            return np.nan
        return getattr(pr, attr)
    return table.drop(columns=blank).assign(**{col: [value(pr, attr) for pr in ranges] for col, attr in columns})


def applicable_assumptions(cba, unreliable: bool = False) -> pd.DataFrame:
    """The assumptions that enter the project's figures, one row each: every one the calculation used,
    but for a structural project only those of :data:`STRUCTURAL_ASSUMPTIONS`. With ``unreliable``
    (:func:`~evaltools.present.sections.summary.comparison_unreliable`), a deadweight estimated from the
    comparison group is marked uncertain and its source says why, as page 1 and the section's text do."""
    a = cba.assumptions
    if unreliable and a is not None and not a.empty:
        a = a.assign(**_unreliable_deadweight(a))
    if (cba.summary.mode != "structural" and not benefit_unvalued(cba.summary)) or a is None or a.empty:
        return a
    names = [n for n in STRUCTURAL_ASSUMPTIONS if not (n == "monthly_level" and no_fs_at_start(cba.summary))]
    return a[a["name"].isin(names)].reset_index(drop=True)


def _unreliable_deadweight(a: pd.DataFrame) -> dict[str, list]:
    """The source and flag columns of the assumptions ``a`` with a deadweight from the comparison group
    ("assumption.deadweight_comparison") said to be unreliable and flagged uncertain."""
    unreliable = {"assumption.deadweight_comparison": "assumption.deadweight_comparison_unreliable",
                  "assumption.deadweight_comparison_capped": "assumption.deadweight_comparison_capped_unreliable"}
    dw = [isinstance(n, Note) and n.key in unreliable for n in a["source"]]
    return {"source": [Note(unreliable[n.key], n.values) if d else n for n, d in zip(a["source"], dw)],
            "flagged": [bool(f) or d for f, d in zip(a["flagged"], dw)]}


def switching_words(npv: float, lang: str) -> str:
    """Why no deadweight turns the NPV to zero, in words instead of an empty cell: the NPV is negative even
    with no deadweight, or (benefits measured against a comparison group carry the cost) positive at any."""
    if pd.isna(npv):
        return "–"
    return msg("costbenefit.switching_always" if npv > 0 else "costbenefit.switching_never", lang)


def payback_words(months: float, lang: str) -> str:
    """A payback period as the key figures and the workbook say it: its months, or, where the benefit does not
    cover the cost within the horizon (NaN), that it is not reached (``nås inte inom tidshorisonten``) rather
    than an empty cell, which reads as a figure hidden by the privacy rule."""
    if pd.isna(months):
        return msg("costbenefit.not_within_horizon", lang)
    # (the form for the whole months shown: 0,6 months shown as 1 is "1 månad")
    return plural("costbenefit.months", lang, int(round_half_up(months)), n=fmt_num(months, 0, lang))


def break_even_words(break_even: float, per_exit: pd.Series | None, who: str, lang: str) -> str:
    """A break-even in persons as a cell says it, and where there is none, why (a dash beside the number who
    have left so far reads as nothing): the perspective has no cost to cover, what is measured in the register
    data already covers it (no exit is needed), or an exit saves it nothing or costs it more than it saves.

    Parameters
    ----------
    break_even : float
        The perspective's break-even in persons (``break_even_exits``), NaN where there is none.
    per_exit : pandas.Series or None
        The perspective's row of the result's ``per_exit`` (``ratio_cost``, ``exit_cost``, ``net_per_exit``).
    who : str
        The perspective as a sentence names it (``kommunen``).
    lang : str
        ``"sv"`` or ``"en"``.
    """
    if not pd.isna(break_even):
        return fmt_persons_needed(break_even, lang)
    if per_exit is None:
        return "–"
    if not float(per_exit["ratio_cost"]) > 0:
        return msg("costbenefit.break_even_no_cost", lang, who=who)
    if not float(per_exit["exit_cost"]) > 0:  # (flows measured in the registers, with no exit, carry the cost)
        return msg("costbenefit.break_even_measured", lang, who=who)
    net = float(per_exit["net_per_exit"])
    if pd.isna(net):
        return "–"
    return msg("costbenefit.break_even_loses" if net < -0.5 else "costbenefit.break_even_nothing", lang, who=who)


def _per_exit(r, perspective: str) -> pd.Series | None:
    """What one exit adds to ``perspective``'s figures (the result's ``per_exit`` row), or ``None``."""
    per_exit = getattr(r.cba, "per_exit", None)
    if per_exit is None or perspective not in set(per_exit["perspective"]):
        return None
    return per_exit.set_index("perspective").loc[perspective]


def too_early(has_participants: bool, summary: CostSummary) -> str | None:
    """The message saying why there is no benefit to vary yet (nobody has ended, or nobody who
    ended has left social assistance), or ``None`` when there is one."""
    if not has_participants or summary.successes:
        return None
    if getattr(summary, "other_support", ()):  # (those who moved on had no försörjningsstöd to leave)
        return "costbenefit.too_early_other_support"
    return "costbenefit.too_early_no_exit" if summary.ended else "costbenefit.too_early_no_ended"


def _tornado_names(r) -> dict[str, str]:
    """The tornado's name for the number who leave social assistance, in the key figures' words: an
    application speaks of those who leave, not of those who left."""
    return {"successes": r.msg(_exits_label(r))} if r.cba.summary.mode == "ex_ante" else {}


def _exits_label(r) -> str:
    """The key figures' row of those who left social assistance: coded so, where the payments after exit say
    otherwise; in an application, those who leave (the value says it is expected), not those who left."""
    if r.cba.summary.mode == "ex_ante":
        return "costbenefit.kf.exits_ex_ante"
    return "costbenefit.kf.exits_coded" if _codes_disagree(r) else "costbenefit.kf.exits"


def key_figures(r) -> Table:
    """The key figures; every amount names its basis (:func:`evaltools.present.sections.basis.basis_words`),
    every NPV, ratio, payback and break-even its perspective."""
    lang, msg, s = r.lang, r.msg, r.cba.summary
    who = who_of(s.perspective, lang)
    current = B.basis_words(B.CURRENT, lang)
    # a running project's costs per person divide what is paid so far, and say so
    per_person = (msg("costbenefit.kf.through_basis", basis=current, through=s.per_person_through.isoformat())
                  if s.per_person_through is not None
                  else msg("costbenefit.kf.so_far_basis", basis=current) if s.per_person_so_far else current)
    pv = B.basis_words(B.present_value(r), lang, short=True)
    fixed = B.basis_words(B.fixed(r), lang)
    payback = payback_words(s.payback_months, lang)
    dis = r.disclosure  # the differencing rule: a count, or a cost per person, that would tell a few persons' outcomes
    exits = (fmt_int(s.successes, lang) if dis.shows(Secondary.EXITS) else SECONDARY) + (
        f" ({t('ex_ante', lang)})" if s.mode == "ex_ante" else "")
    dw = s.switching_deadweight
    key = [(msg("costbenefit.kf.total_budget", basis=current) if r.params.cost_benefit.cost_basis == "budget"
            else msg("costbenefit.kf.total", basis=current), fmt_kr(s.total_cost_nominal, lang))]
    # (no participants of its own, or none expected: no empty per-participant or per-success row)
    if s.mode != "structural" and not np.isnan(s.cost_per_participant):
        # (an application's participants are those it expects: its cost per participant says so, as the
        # portfolio's does, beside the cost per expected success below)
        key.append((msg("costbenefit.kf.per_participant", basis=per_person),
                    (fmt_kr(s.cost_per_participant, lang) if dis.shows(Secondary.COST_PER_PARTICIPANT) else SECONDARY)
                    + (f" ({t('ex_ante', lang)})" if s.mode == "ex_ante" else "")))
    if s.mode != "structural" and not np.isnan(s.cost_per_success):
        # "lyckat" only where the project's main goal defines success; else the exits it counts
        per = ("costbenefit.kf.per_exit_fs" if success_definition(r.params, lang).kind == "leaves_fs"
               else "costbenefit.kf.per_success")
        if per == "costbenefit.kf.per_exit_fs" and s.mode == "observed" and not_all_left_fs(r):
            per = "costbenefit.kf.per_moved_on"  # (some of them had no försörjningsstöd to leave: page 1's words)
        # (an application's successes are the exits it expects: its cost per success says so, as its exits do)
        key.append((msg(per, basis=per_person),  # (divided by the main goal's successes, whatever it is named)
                    (fmt_kr(s.cost_per_success, lang) if dis.shows(Secondary.COST_PER_SUCCESS) else SECONDARY)
                    + (f" ({t('ex_ante', lang)})" if s.mode == "ex_ante" else "")))
    unvalued = benefit_unvalued(s)  # (the cost and the requirement only: no benefit, net or ratio built on it)
    none_had = no_fs_at_start(s)  # (nobody had försörjningsstöd: no exit from it, amount saved or person-year without it)
    if s.mode != "structural":
        key += [
            # (coded so, where the payments after exit say otherwise: the row names its source)
            # (nor where nobody who had it left it and those who moved on came from another support: the benefit is
            # not valued, the sentence above the table says why, and a level "avoided" by no one would be no finding)
            *([] if none_had or unvalued else [
                (msg(_exits_label(r)), exits),
                (msg("costbenefit.kf.monthly_level", basis=fixed), fmt_kr(s.monthly_level, lang))]),
            *([] if unvalued else [(msg("costbenefit.kf.pv_benefit", who=who, basis=pv), fmt_kr(s.pv_benefit, lang))]),
            (msg("costbenefit.kf.pv_cost", who=who, basis=pv), fmt_kr(s.pv_cost, lang)),
            # (society's skattefaktor on its own row: benefit − cost + its effect = the NPV below)
            *([(msg("costbenefit.kf.pv_skattefaktor", who=who, basis=pv), fmt_kr(s.pv_skattefaktor, lang))]
              if not pd.isna(s.pv_skattefaktor) and s.pv_skattefaktor != 0 else []),
        ]
    er = s.exit_range
    if er is not None:  # 1 to k − 1 exits: the value of one, the range over them and the break-even, never the count
        lead = er.lead
        key = [(label, range_cell(er, lead, "benefit", lang) if label == msg("costbenefit.kf.pv_benefit", who=who, basis=pv)
                else value) for label, value in key]
        key += [(msg("costbenefit.kf.per_exit", who=who, basis=pv), fmt_kr(lead.per_exit, lang)),
                (msg("costbenefit.kf.npv", who=who, basis=pv), range_cell(er, lead, "npv", lang)),
                (msg("costbenefit.kf.bcr", who=who), range_cell(er, lead, "bcr", lang)),
                (msg("costbenefit.kf.break_even", who=who), fmt_persons_needed(lead.break_even_exits, lang))]
    elif s.mode != "structural" and not unvalued:
        key += [
            (msg("costbenefit.kf.npv", who=who, basis=pv), fmt_kr(s.npv, lang)),
            (msg("costbenefit.kf.bcr", who=who), fmt_num(s.bcr, 2, lang)),
            (msg("costbenefit.kf.payback", who=who), payback),
            (msg("costbenefit.kf.break_even", who=who), break_even_words(s.break_even_exits, _per_exit(r, s.perspective),
                                                                             who, lang)),
            (msg("costbenefit.kf.switching_deadweight", who=who),
             fmt_pct(dw, lang, 0) if 0 <= dw <= 1 else switching_words(s.npv, lang)),
        ]
    if not none_had:
        key.append((msg("costbenefit.kf.break_even_years", basis=fixed), fmt_num(s.break_even_person_years, 1, lang)))
    notes = []
    if s.mode != "structural":  # the present values beside the current-price total: say why they differ
        notes.append(msg("costbenefit.kf.pv_note_cost" if unvalued else "costbenefit.kf.pv_note",
                         basis=B.basis_words(B.present_value(r), lang), current=current))
        if not pd.isna(s.break_even_person_years) and not none_had:  # the person-years' cost is not the present value beside them
            notes.append(msg("costbenefit.kf.years_note", basis=fixed, cost=fmt_kr(s.total_cost_fixed, lang)))
    else:  # the requirement's fixed prices beside the current-price total
        # (the cost in the requirement's prices named here only, under the total it restates)
        # (and the present value the table of actors below shows, so that a reader sees why a third cost differs)
        public = r.cba.table.set_index("perspective")["pv_cost"].get("offentliga", np.nan)
        notes.append(msg("costbenefit.kf.fixed_note", basis=fixed, cost=fmt_kr(s.total_cost_fixed, lang), current=current,
                         pv=fmt_kr(public, lang)))
    if not pd.isna(s.break_even_person_years_application):
        ml = r.params.cost_benefit.monthly_level
        level_basis = B.basis_words(B.PriceBasis.fixed(ml.amount_year), lang)
        key.append((msg("costbenefit.kf.break_even_application", cost_basis=current, level_basis=level_basis),
                    fmt_num(s.break_even_person_years_application, 1, lang)))
        # two person-year figures side by side: they differ only in the price adjustment, and the note says so
        notes.append(msg("costbenefit.kf.application_note", basis=fixed, cost_basis=current,
                         level=fmt_kr(ml.one_amount, lang), level_basis=level_basis))
    notes += level_note(r)
    if (pre := r.params.period.prestudy) is not None and s.mode != "structural":
        # (the total cost and the cost per person count the pre-study's lines; page 1 says so too)
        notes.append(msg("costbenefit.kf.prestudy_note", first=fmt_date(pre[0]), last=fmt_date(pre[1])))
    mde = mde_row(r)  # an application: the smallest effect its volumes could detect
    if mde is not None:
        key.append(mde[0])
        notes.append(mde[1])
    if any(v == SECONDARY for _, v in key) or any(str(v).startswith(SECONDARY + " ") for _, v in key):
        notes.append(msg("costbenefit.withheld", k=str(r.params.privacy.min_count)))
    if er is not None:
        notes.append(msg("costbenefit.kf.range_note_one_count") if er.one_count else  # (withheld: no range)
                     msg("costbenefit.kf.range_note" if er.few else "costbenefit.kf.range_note_withheld",
                         low=str(er.low), high=str(er.high), k=str(r.params.privacy.min_count)))
    value = msg("common.value")
    return Table(pd.DataFrame(key, columns=[msg("costbenefit.key_figure"), value]), notes=tuple(notes),
                 numeric=(value,))


def range_cell(er, pr, figure: str, lang: str) -> str:
    """A perspective's ``figure`` (``benefit``, ``npv`` or ``bcr``) over the counts of exits an
    :class:`~evaltools.analysis.costbenefit.ExitRange` covers, as a table cell: "64 800 till 259 200 kr"
    (exact, in kronor, as the table's other amounts), "0,22 till 0,87"; "–" where it is not valued."""
    return range_text(getattr(pr, f"{figure}_low"), getattr(pr, f"{figure}_high"), figure, lang)


def range_text(low: float, high: float, figure: str, lang: str) -> str:
    """Two ends of a range over the counts of exits as a table cell (:func:`range_cell`): amounts exact in kronor,
    the unit written once ("216 000 till 864 000 kr", "SEK 216,000 to 864,000"), as the table states the value of
    one exit and the cost beside them, so that the range's first end is the value of one exit as the row above
    gives it; a ratio to two decimals; one figure where both ends read the same. (A sentence says the range
    rounded: :func:`~evaltools.words.formats.fmt_kr_prose_range`.)"""
    if pd.isna(low) or pd.isna(high):
        return "–"
    if figure == "bcr":
        a, b = fmt_num(low, 2, lang), fmt_num(high, 2, lang)
    elif abs(high - low) < 0.5:  # (an actor whose figure no exit moves: one amount, as the table states it)
        return fmt_kr(low, lang)
    else:
        a, b = fmt_num(low, 0, lang), fmt_kr(high, lang)
        if lang != "sv":  # (SEK before the first end, not the second: "SEK 216,000 to 864,000")
            a, b = fmt_kr(low, lang), fmt_num(high, 0, lang)
    return a if a == b else msg("costbenefit.kf.range", lang, low=a, high=b)


def level_note(r) -> list[str]:
    """Why the key figures' avoided social assistance per person is below the assumptions table's level
    per month: a household's saving is counted once and divided between its members who left
    (:func:`~evaltools.analysis.costbenefit.model.household_parts`), so the mean over every leaver is lower
    (Kompassen: 8 964 kr beside 10 089 kr)."""
    s, a = r.cba.summary, r.cba.assumptions
    if (s.mode != "observed" or no_fs_at_start(s) or a is None or a.empty
            or not (a["name"] == "monthly_level").any()):
        return []
    level = float(a.loc[a["name"] == "monthly_level", "value"].iloc[0])
    if pd.isna(level) or pd.isna(s.monthly_level) or round(level) == round(s.monthly_level):
        return []
    return [r.msg("costbenefit.kf.level_household_note", level=fmt_kr(level, r.lang),
                  mean=fmt_kr(s.monthly_level, r.lang))]


def perspective_table(r) -> Table:
    """Cost borne, benefit, NPV, BCR and P(NPV > 0) per perspective; the FK line under the state."""
    lang, msg, cba = r.lang, r.msg, r.cba
    rows = cba.table
    mc = (cba.monte_carlo.by_perspective if cba.monte_carlo is not None else {})
    if too_early(r.project.has_participants, cba.summary):
        mc = {}  # no benefit to vary: nothing was simulated that the section could show (it says so)
    # (a participant project whose benefit is not valued shows its cost per actor as a structural project does)
    structural = cba.summary.mode == "structural" or benefit_unvalued(cba.summary)
    benefit, cost, net = msg("costbenefit.benefit_pv"), msg("costbenefit.cost_pv"), msg("costbenefit.net")
    p_col = msg("costbenefit.eb.p_positive")
    by = rows.set_index("perspective")

    def shown(p: str) -> bool:
        """Försäkringskassan's line where it has a benefit (its payments); in a structural project, which has
        nothing but the cost, only the actors that bear a share of it (no row of 0 kr for the individual)."""
        if p == "fk" and (pd.isna(by.loc["fk", "pv_benefit"]) or by.loc["fk", "pv_benefit"] == 0):
            return False
        return not structural or by.loc[p, "pv_cost"] != 0
    keep = [p for p in rows["perspective"] if shown(p)]
    rows = rows.set_index("perspective").loc[keep].reset_index()
    # (several member municipalities: the row is theirs together, as page 1 says, not one municipality's)
    several = municipalities_together(r.project)
    data = {msg("costbenefit.actor"): [t("kommuner" if x == "kommun" and several else x, lang)
                                       for x in rows["perspective"]],
            cost: [fmt_kr(v, lang) for v in rows["pv_cost"]]}
    if not structural:
        # an individual's benefit withheld because its earnings are measured over a shorter window than the
        # horizon is valued (the flows' table shows it) but not shown: "–" as its net, never "ej värderad"
        withheld = [getattr(n, "key", "") == "assumption.actor_individual_short" for n in rows["note"]]
        data[benefit] = [fmt_kr(v, lang) if not pd.isna(v) else "–" if w else msg("costbenefit.not_valued")
                         for v, w in zip(rows["pv_benefit"], withheld)]
    # society's skattefaktor in a column of its own, not in its cost: the cost column is the project's cost
    # each actor bears, and society's net is benefit − cost + this effect (no column where it is 0 kr)
    effect = rows["pv_skattefaktor"] if "pv_skattefaktor" in rows else pd.Series(np.nan, index=rows.index)
    with_effect = bool((effect.fillna(0) != 0).any())
    if with_effect:
        data[msg("costbenefit.skattefaktor_pv")] = ["–" if pd.isna(v) else fmt_kr(v, lang) for v in effect]
    er = cba.summary.exit_range
    if er is not None and not structural:  # 1 to k − 1 exits: each actor's benefit and net over them, never the count
        data[benefit] = [range_cell(er, er.of(p), "benefit", lang) for p in rows["perspective"]]
        # the skattefaktor's effect moves with the count too (left out with the exact figures): over the same
        # exits it is what society's net holds beyond its benefit less its cost, so that the row adds up
        ends = [(np.nan, np.nan) if pr is None else (pr.skattefaktor_low, pr.skattefaktor_high)
                for pr in (er.of(p) for p in rows["perspective"])]
        if any(abs(e) >= 0.5 for pair in ends for e in pair if not pd.isna(e)):
            with_effect = True
            data[msg("costbenefit.skattefaktor_pv")] = [
                "–" if pd.isna(lo) or (abs(lo) < 0.5 and abs(hi) < 0.5) else range_text(lo, hi, "npv", lang)
                for lo, hi in ends]
        data[net] = [range_cell(er, er.of(p), "npv", lang) for p in rows["perspective"]]
    elif not structural:
        data[net] = [fmt_kr(v, lang) if not pd.isna(v) else "–" for v in rows["npv"]]
        if mc:
            # (a perspective whose every simulation gives the same negative value is positive in none: 0 %, as
            # the sentences say, not "< 1 %")
            data[p_col] = [("–" if p not in mc or pd.isna(n) else
                            fmt_pct(0, lang, 0) if n < 0 and unvaried(r, p) else
                            fmt_probability(mc[p].p_npv_positive, lang))
                           for p, n in zip(rows["perspective"], rows["npv"])]
    comments = [note_text(n, lang) for n in rows["note"]]
    if any(comments):  # (no column of empty cells)
        data[msg("costbenefit.comment")] = comments
    numeric = tuple(k for k in data if k not in (msg("costbenefit.actor"), msg("costbenefit.comment")))
    # (a structural project has no exits: nothing moves between the actors but the cost)
    # (where the benefits paid instead are measured, the note does not say they are assumed)
    note = ("costbenefit.actor_note_structural" if structural else
            "costbenefit.actor_note_measured" if _benefits_measured(cba) else "costbenefit.actor_note")
    pv_basis = B.basis_words(B.present_value(r), lang)
    # (a structural project's only figures are its cost: the note ties the present values to the current-price
    # total the key figures state first, so that the board reads one cost and sees the others as restatements)
    notes = [msg(note, basis=pv_basis, total=fmt_kr(cba.summary.total_cost_nominal, lang),
                 current=B.basis_words(B.CURRENT, lang), pv=fmt_kr(by.loc["samhälle", "pv_cost"], lang))
             if structural else msg(note, basis=pv_basis)]
    # (the benefits paid instead as assumed: a point of their own, where any exit goes to one; an application that
    # counts every expected exit as one to work has none, and the point would explain a flow the table lacks)
    if note == "costbenefit.actor_note" and state_benefit_assumed(cba.ledger):
        notes.append(msg("costbenefit.actor_note_transfer"))
    if not structural and not _benefits_measured(cba):  # (why the state's figure is far beyond its share of the cost)
        notes += state_why(r)
    if not structural and _pays_wage_subsidy(cba):
        notes.append(msg("costbenefit.actor_note_wage_subsidy_ex_ante" if cba.summary.mode == "ex_ante"
                         else "costbenefit.actor_note_wage_subsidy"))  # (an application speaks of those who go)
    if with_effect:
        notes.append(msg("costbenefit.actor_note_skattefaktor_structural" if structural else "costbenefit.actor_note_skattefaktor",
                         sf=fmt_num(cba.summary.skattefaktor, 1, lang)))
    if mc and cba.simulation is not None:  # the probability column's horizon: the NPV's beside it
        notes.append(msg("costbenefit.actor_note_simulation", horizon=years_text(cba.simulation.horizon_years, r.lang)))
    # (seven columns, with the skattefaktor's and the comments': in the narrower type of a table of eight, or
    # the comment column runs past the page's right edge)
    # (six, where three of them hold ranges over 1 to k − 1 exits, "−1 885 200 till −1 690 800 kr": narrower too,
    # which lets a range's second figure go to the next line)
    ranged = er is not None and not structural and with_effect
    return Table(pd.DataFrame(data), notes=tuple(notes), numeric=numeric, wide=len(data) >= 7 or ranged, points=True)


def state_why(r) -> list[str]:
    """Why the state's result in the table per actor is far larger than its share of the project's cost: the
    exits to a benefit it pays in place of försörjningsstöd (sjuk-/aktivitetsersättning, sjukpenning, studier,
    annan ersättning), counted of all the exits the saving counts ("81 av de 112"; ex ante, of the expected
    exits), without counts where the small-count rule hides either part. Nothing where no exit went to one."""
    said = state_why_words(r)
    return [] if said is None else [r.msg(STATE_WHY_NOTE[said[0]], **said[1])]


# the words of each reason :func:`state_why_words` gives, in the note under the table per actor
STATE_WHY_NOTE = {"state_why": "costbenefit.actor_note_state_why", "state_why_some": "costbenefit.actor_note_state_why_some",
                  "state_why_most": "costbenefit.actor_note_state_why_most",
                  "state_why_ex_ante": "costbenefit.actor_note_state_why_ex_ante"}


def persistence_table(r) -> list:
    """Did the successful leavers stay off försörjningsstöd? Small counts follow the privacy rule."""
    lang, msg, cba = r.lang, r.msg, r.cba
    pt = cba.persistence
    if pt is None or pt.empty:
        return []
    if not (pt["observed"] > 0).any():  # the payments end before any exit could be followed: a sentence, no empty table
        return [Text([*coded_against_paid(r), msg("costbenefit.persist.none_followed")], msg("costbenefit.persist.heading"), 3)]
    k = r.params.privacy.min_count
    dis = getattr(r, "disclosure", None)  # (a reader built by hand in a test may have none: nothing withheld)
    if dis is not None and dis.hides(Secondary.EXITS) and not hides(cba.summary.successes, k):
        # k or more who left, their number withheld all the same: those followed (all of them, a month after exit)
        # and their shares would give it back; a sentence says why there is no table (1 to k − 1: "<5" below)
        return [Text([msg("costbenefit.persist.withheld", k=str(k))], msg("costbenefit.persist.heading"), 3)]
    small = lambda n: 0 < n < k  # noqa: E731
    obs, off = msg("costbenefit.persist.observed"), msg("costbenefit.persist.without")
    df = pd.DataFrame({
        msg("costbenefit.persist.months"): [fmt_int(m, lang) for m in pt["months_after"]],
        obs: [suppressed_label(k) if small(n) else fmt_int(n, lang) for n in pt["observed"]],
        # a share or a mean is no count: where it would tell a small count (those followed, those without,
        # or those still paid) it is hidden as "..", as derived figures are everywhere ("<5" in a column of
        # shares would read "under 5 %")
        off: ["–" if n == 0 else (SECONDARY if small(n) or small(w) or small(n - w) else fmt_pct(w / n, lang, 0))
              for n, w in zip(pt["observed"], pt["without_fs"])],
        # a mean over everyone followed is the payments of those still paid: fewer than k of them, and the
        # mean times the persons followed is what those few were paid
        msg("costbenefit.persist.mean"): ["–" if n == 0 else (SECONDARY if small(n) or small(n - w) else fmt_kr(v, lang))
                                          for n, w, v in zip(pt["observed"], pt["without_fs"], pt["mean_payment"])],
        msg("costbenefit.persist.kept"): ["–" if n == 0 or pd.isna(v) else (SECONDARY if small(n) else fmt_pct(v, lang, 0))
                                          for n, v in zip(pt["with_level"], pt["kept_share"])],
    })
    # why the drop-off is assumed: too few followed, or the params keep the assumption where enough are
    cb = getattr(r.params, "cost_benefit", None)
    # (a reader built by hand in a test may have no cost-benefit params: then too few were followed)
    chosen = cba.summary.dropoff_source != "observed" and cb is not None and not cb.dropoff_from_payments
    dropoff = {"dropoff": fmt_pct(cb.dropoff_per_year, lang, 0)} if chosen and cb is not None else {}
    if cba.summary.first_year_source == "observed":  # the first year follows the kept share month by month
        used = msg("costbenefit.persist.used_first_year_assumed_dropoff" if chosen else "costbenefit.persist.used_first_year",
                   kept=fmt_pct(cba.summary.first_year_kept, lang, 0), **dropoff)
    elif chosen:
        used = msg("costbenefit.persist.used_assumed_params", **dropoff)
    else:
        used = msg("costbenefit.persist.used_observed" if cba.summary.dropoff_source == "observed"
                   else "costbenefit.persist.used_assumed")
    if all(small(n) or n == 0 for n in pt["observed"]):  # a table of "<5" only: one sentence says it
        # (followed from the table's first month after exit on: "tre månader eller längre", not "efter avslut", which
        # the sentence before it says of the month after)
        return [Text([*coded_against_paid(r), msg("costbenefit.persist.all_few", k=str(k), used=used,
                                                   months=fmt_int(int(pt["months_after"].min()), lang))],
                     msg("costbenefit.persist.heading"), 3)]
    cells = [str(v) for c in df.columns[1:] for v in df[c]]
    hidden = ([msg("costbenefit.persist.small_note", k=str(k))] if suppressed_label(k) in df[obs].tolist() else []) + (
        [msg("costbenefit.persist.secondary_note", k=str(k))] if SECONDARY in cells else [])
    # a month whose persons followed had no payments before the start has no level to keep a saving of: its "–"
    # says so (a month with none followed has "–" in every column, beside its 0 followed)
    unlevelled = [msg("costbenefit.persist.kept_none_note")] if any(
        n > 0 and (m == 0 or pd.isna(v)) for n, m, v in zip(pt["observed"], pt["with_level"], pt["kept_share"])) else []
    note = " ".join((msg("costbenefit.persist.note", months=fmt_int(pt["max_months_observed"].iloc[0], lang)), *hidden,
                     msg("costbenefit.persist.kept_note"), *unlevelled, used))
    return [Text(coded_against_paid(r), msg("costbenefit.persist.heading"), 3),
            Table(df, notes=(note,), numeric=tuple(df.columns[1:]))]


def _codes_disagree(r) -> bool:
    """Do the payments after exit show some of those coded as having left försörjningsstöd paid the
    month after? Then a count of "persons who left" is a count of codes and must say so."""
    oc = r.cba.outcome_check
    return oc is not None and bool(oc.paid_next_month)


def coded_against_paid(r) -> list[str]:
    """The outcome codes beside the payments, where they disagree: how many are coded as having left
    försörjningsstöd, and how many of them the payments show paid the month after the exit and
    without försörjningsstöd 12 months after (counts under the small-count rule)."""
    lang, msg, oc, s = r.lang, r.msg, r.cba.outcome_check, r.cba.summary
    if oc is None or not oc.paid_next_month:
        return []
    k = r.params.privacy.min_count
    if 0 < oc.coded < k:  # "<5 (– av de avslutade) ... <5 av de <5": say it in words
        return [msg("costbenefit.persist.coded_few", k=str(k))]
    dis = getattr(r, "disclosure", None)  # (a reader built by hand in a test may have none: nothing withheld)
    if dis is not None and dis.hides(Secondary.EXITS):  # (the number coded is the count withheld: not said here)
        return []
    n = lambda v: fmt_persons(v, k, lang)  # noqa: E731
    # (the share of the ended beside the number coded gives the number ended: not where that is withheld)
    shown = dis is None or dis.shows(Secondary.ENDED)
    share = fmt_pct(s.successes / s.ended, lang) if s.ended and shown and not (0 < s.successes < k) else "–"

    def of(part: int, whole: int) -> str:  # ("7 av de 10" without försörjningsstöd told the 3 with it: not said)
        if part and not hides(whole, k) and hides(whole - part, k):
            # (both the part and the rest hidden, 2 of 5: "några", not "alla utom färre än 5", read as nearly all)
            if hides(part, k):
                return msg("costbenefit.persist.some_of", whole=fmt_int(whole, lang))
            return msg("costbenefit.persist.all_but_few", k=str(k), whole=fmt_int(whole, lang))
        return fmt_persons_of(part, whole, k, lang)
    # (none followed 12 months yet: no "0 av de 0" without försörjningsstöd after 12 months)
    key = "costbenefit.persist.coded" if oc.followed_12 else "costbenefit.persist.coded_none_followed_12"
    said = {"without": of(oc.without_12, oc.followed_12)} if oc.followed_12 else {}
    return [msg(key, coded=n(oc.coded), share=share,  # ("alla 86", not "86 av de 86")
                paid=of(oc.paid_next_month, oc.checked), **said)]


def effect_based(r) -> list:
    """The main calculation beside the one from the measured effect, when there is one: every column
    for the lead perspective, at the calculation's horizon, so that benefit − cost = NPV on each row."""
    lang, msg, s, eb, mc = r.lang, r.msg, r.cba.summary, r.cba.effect_based, r.cba.monte_carlo
    if not eb:
        return []
    lead = s.perspective
    # (society's skattefaktor in a column of its own, as in the table per actor: benefit − cost + it = NPV)
    sf = not pd.isna(s.pv_skattefaktor) and not pd.isna(eb.pv_skattefaktor) and (s.pv_skattefaktor or eb.pv_skattefaktor)
    er = s.exit_range  # (1 to k − 1 exits: the main calculation's range, never the figures that give the count)
    rows = [(msg("costbenefit.eb.main"), fmt_kr(s.pv_benefit, lang) if er is None else range_cell(er, er.lead, "benefit", lang),
             fmt_kr(s.pv_cost, lang), *([fmt_kr(s.pv_skattefaktor, lang)] if sf else []),
             fmt_kr(s.npv, lang) if er is None else range_cell(er, er.lead, "npv", lang),
             fmt_probability(mc.p_npv_positive, lang) if mc else "–"),
            (msg("costbenefit.eb.did_unreliable" if eb.unreliable else "costbenefit.eb.did"),
             fmt_kr(eb.pv_benefit, lang), fmt_kr(eb.pv_cost, lang), *([fmt_kr(eb.pv_skattefaktor, lang)] if sf else []),
             fmt_kr(eb.npv, lang), fmt_probability(eb.p_npv_positive, lang) if eb.p_npv_positive is not None else "–")]
    cols = [msg("costbenefit.eb.measured_as"), msg("costbenefit.benefit_pv"), msg("costbenefit.cost_pv"),
            *([msg("costbenefit.skattefaktor_pv")] if sf else []), msg("costbenefit.eb.npv"), msg("costbenefit.eb.p_positive")]
    who = who_of(lead, lang)
    note = msg("costbenefit.eb.note", who=who, basis=B.basis_words(B.present_value(r), lang),
               horizon=years_text(eb.horizon_years, r.lang),
               effect=fmt_kr(eb.did_effect, lang), low=fmt_kr(eb.did_ci_low, lang),
               high=fmt_kr(eb.did_ci_high, lang), applies=_applies(r, eb),
               avoided=fmt_kr(eb.pv_avoided_fs, lang), share=fmt_pct(eb.share_of_saving, lang, 0),
               # (the reference dates' range where they were moved; without it, no range of one value)
               dates=" " + msg("costbenefit.eb.note_dates", ref_low=fmt_kr(eb.reference_low, lang),
                               ref_high=fmt_kr(eb.reference_high, lang), section=msg("appendix.comparison_detail"))
               if eb.reference_low is not None and eb.reference_high is not None else "")
    if sf:
        note += " " + msg("costbenefit.eb.note_skattefaktor")
    if eb.pv_measured:  # the register outcomes' flows enter both rows alike
        note += " " + msg("costbenefit.eb.note_measured", measured=fmt_kr(eb.pv_measured, lang), who=who)
    return [Text([], msg("costbenefit.eb.heading", who=who), 3),
            Table(pd.DataFrame(rows, columns=cols), notes=(note,), numeric=tuple(cols[1:]))]


def _applies(r, eb) -> str:
    """To whom the measured effect is applied: every participant, or once per household where participants
    share one (the number of households withheld where it would tell how few share one)."""
    n = participants_words(r, eb.participants)
    if eb.enrolled > eb.participants:  # (the payments file lacks some participants: the effect is not theirs)
        # (no two counts whose difference tells how few are missing from the file)
        if hides(eb.enrolled - eb.participants, r.params.privacy.min_count) or r.disclosure.hides(Secondary.PARTICIPANTS):
            return r.msg("costbenefit.eb.applies_followed_few")
        return r.msg("costbenefit.eb.applies_followed", n=n, all=participants_words(r, eb.enrolled))
    if not eb.households or eb.households >= eb.participants:
        return r.msg("costbenefit.eb.applies_participants", n=n)
    # (no count of households beside a withheld count of participants, nor one that tells how few share one)
    if hides(eb.participants - eb.households, r.params.privacy.min_count) or r.disclosure.hides(Secondary.PARTICIPANTS):
        return r.msg("costbenefit.eb.applies_households_few")
    return r.msg("costbenefit.eb.applies_households", n=n, households=fmt_int(eb.households, r.lang))


def _pays_wage_subsidy(cba) -> bool:
    """Whether the state's benefit holds a wage subsidy paid to employers, who have no row of their own: the
    rows of the table of actors then do not add up to society's benefit without a word on it (Kompassen:
    6 853 934 kr against society's 7 025 570 kr, the difference the employers' 171 637 kr). No amount is
    said: with few exits to subsidised work it would give their number back."""
    led = cba.ledger
    return led is not None and bool(((led["actor"] == "arbetsgivare") & (led["pv"] != 0)).any())


def _signed_kr(v: float, lang: str) -> str:
    """An effect in kronor with its sign (``+3 010 kr``, ``−4 kr``)."""
    return ("+" if v > 0 else "") + fmt_kr(v, lang)


def register_text(r) -> list[str]:
    """What the register outcomes measured (each estimate with its interval) and the months the measured
    flows cover: only the observed months after the start, never extended over the horizon."""
    lang, msg, reg = r.lang, r.msg, r.cba.register
    if reg is None or not reg.effects:
        return []
    parts = []
    for e in reg.effects:
        what = msg("costbenefit.register.earnings" if e.outcome == "earnings" else f"costbenefit.register.benefit_{e.actor}")
        parts.append(msg("costbenefit.register.part", what=what, effect=_signed_kr(e.did.effect, lang),
                         low=fmt_kr(e.did.ci_low, lang), high=fmt_kr(e.did.ci_high, lang)))
    first = reg.effects[0]
    return [msg("costbenefit.register.estimates", parts=join(parts, lang)),
            msg("costbenefit.register.horizon", months=fmt_int(max(e.person_months for e in reg.effects), lang),
                after=fmt_int(first.months_after, lang), last=f"{first.last_month:%Y-%m}",
                horizon=years_text(r.params.cost_benefit.horizon_years, lang),
                tax=value_text("tax_rate", r.params.cost_benefit.tax_rate, lang))]  # (as the assumptions table)


def ledger_table(r, measured: bool = True) -> Table:
    """Every flow of the ledger per actor, each marked measured (from the register outcomes), assumed
    (from the calculation's assumptions) or the project's cost: the same ledger the perspectives sum.
    ``measured`` false: no register outcomes, so the note says nothing of measured flows."""
    lang, msg, led = r.lang, r.msg, r.cba.ledger
    item, actor, pv, source = (msg("costbenefit.register.item"), msg("costbenefit.actor"), msg("costbenefit.register.pv"),
                               msg("costbenefit.register.source"))
    df = pd.DataFrame({item: [msg(f"costbenefit.register.items.{i}") for i in led["item"]],
                       # (Försäkringskassan as an actor of its own here, not the state's "of which" line)
                       actor: [msg("costbenefit.register.fk") if a == "fk" else t(a, lang) for a in led["actor"]],
                       pv: [fmt_kr(v, lang) for v in led["pv"]],
                       source: [msg(f"costbenefit.register.sources.{x}") for x in led["source"]]})
    note = "costbenefit.register.ledger_note" if measured else "costbenefit.register.ledger_note_assumed"
    return Table(df, notes=(msg(note, basis=B.basis_words(B.present_value(r), lang)),),
                 numeric=(pv,))


def register_frame(register) -> pd.DataFrame:
    """The register outcomes' estimates, one row each (codes and numbers), for the workbook's sheet."""
    return pd.DataFrame([{"outcome": e.outcome, "actor": e.actor, "effect": e.did.effect, "ci_low": e.did.ci_low,
                          "ci_high": e.did.ci_high, "ci_method": e.did.ci_method.value, "person_months": e.person_months,
                          "first_month": f"{e.first_month:%Y-%m}", "last_month": f"{e.last_month:%Y-%m}"}
                         for e in register.effects])


def register_part(r) -> list:
    """The register outcomes' estimates and the ledger's rows marked measured or assumed; nothing
    without register files."""
    text = register_text(r)
    if not text:
        # (the participants' employment in the project is in the ledger only: its rows shown with the flows per actor)
        led = r.cba.ledger
        employed = led is not None and led["item"].isin(EMPLOYMENT_ITEMS).any()
        return [Text([], r.msg("costbenefit.register.ledger_heading"), 4), ledger_table(r, measured=False)] if employed else []
    return [Text(text, r.msg("costbenefit.register.heading"), 3),
            Text([], r.msg("costbenefit.register.ledger_heading"), 4), ledger_table(r)]


def benefit_count(r) -> list[str]:
    """What the benefit is built on: the exits from försörjningsstöd, named as such and set beside the
    main goal's count of successes (which the cost per successful outcome divides by) when that differs."""
    s, lang = r.cba.summary, r.lang
    if s.mode != "observed" or not s.successes or r.disclosure.hides(Secondary.EXITS):
        return []  # (a count the differencing rule withholds is not given here either)
    # (the exits left out for another support at start, or counted on an assumption, are said after the count)
    outcomes = r.params.cost_benefit.success_outcomes
    words = {"exits": fmt_int(s.successes, lang),
             "outcomes": ", ".join(code_label(S.OUTCOME, c, lang).lower() for c in outcomes)}
    sc = project_successes(r.project, lang)
    d = sc.definition
    # a running project's cost per success divides what was paid up to a day by the successes up to it: with that
    # cost and that count (the workbook's same figures) where the cost per success is shown
    through = s.per_person_through.isoformat() if s.per_person_through is not None else None
    counted = (through is not None and bool(s.goal_successes_paid) and r.disclosure.shows(Secondary.COST_PER_SUCCESS))
    paid = ({"through": through, "cost": fmt_kr(s.cost_per_person_basis, lang),
             "paid": fmt_int(s.goal_successes_paid, lang)} if counted else {"through": through} if through else {})
    if d.kind == "goal_outcomes" and set(d.outcomes) == set(outcomes) and sc.successes == s.successes:
        key = ("costbenefit.benefit_count_same" if through is None else
               "costbenefit.benefit_count_same_through_n" if counted else "costbenefit.benefit_count_same_through")
        out = [r.msg(key, **paid, **words)]
    else:
        timed = timed_words(r.params, lang) if d.kind == "leaves_fs" else None
        if timed is not None:  # (its goal counts months after exit or within months of start: a measure of its own)
            out = [r.msg("costbenefit.benefit_count_generic_timed", timed=timed, **words)]
        elif d.kind == "leaves_fs":
            out = [r.msg("costbenefit.benefit_count_generic", **words)]
        else:  # (another definition may still give the same count: then "another count" would be untrue)
            key = "costbenefit.benefit_count_other_equal" if sc.successes == s.successes else "costbenefit.benefit_count_other"
            out = [r.msg(key, successes=fmt_int(sc.successes, lang), definition=success_definition_text(d, lang), **words)]
        if through is not None and s.goal_successes:  # (the successes it divides by are not all of them)
            out.append(r.msg("costbenefit.per_success_through_n" if counted else "costbenefit.per_success_through",
                             **paid))
    if _codes_disagree(r):  # the exits are codes the payments contradict: the benefit is not all of them
        k, oc = r.params.privacy.min_count, r.cba.outcome_check
        heading = r.msg("costbenefit.persist.heading")
        out.append(r.msg("costbenefit.benefit_count_coded_all", checked=fmt_persons(oc.checked, k, lang),
                         heading=heading)
                   if all_of(oc.paid_next_month, oc.checked, k) else  # "alla 86", not "86 av dem" of the 86
                   r.msg("costbenefit.benefit_count_coded", heading=heading, paid=_coded_paid(r, oc.paid_next_month,
                                                                                             oc.checked)))
    return out + support_at_start(r)


def _coded_paid(r, paid: int, checked: int) -> str:
    """How many of the ``checked`` leavers were paid försörjningsstöd the month after exit, as the sentence on the
    benefit says it, in words: "8 av dem" of the 10 coded would tell the 2 who were not paid, so a hidden rest (1 to
    k − 1) is "alla utom färre än 5"; a hidden part "färre än 5"; and both hidden (2 of 5: either way a few) "några",
    never "alla utom färre än 5", which reads as nearly all, nor a table's "<5"."""
    k = r.params.privacy.min_count
    part, rest = hides(paid, k), hides(checked - paid, k)
    if part and rest:
        return r.msg("costbenefit.some_of_them")
    if rest and not hides(checked, k):
        return r.msg("costbenefit.all_but_few", k=str(k))
    return persons_prose(r, paid)


def prose_range(low: float, high: float, lang: str) -> dict[str, str]:
    """Two ends of a range as a sentence says them, in one unit (:func:`~evaltools.words.formats.fmt_kr_prose_range`)."""
    a, b = fmt_kr_prose_range(low, high, lang)
    return {"low": a, "high": b}


def simulation_text(r, who: str) -> list[str]:
    """The simulation at the key figures' horizon, then, apart, the same draws over a range of horizons."""
    lang, cba = r.lang, r.cba
    mc, sim = cba.monte_carlo, cba.simulation
    if not mc:
        return []
    horizon = years_text(sim.horizon_years, r.lang) if sim else "–"
    if unvaried(r, mc.perspective):  # (the same value in every draw: no share, range or second horizon to give)
        npv = float(cba.table.set_index("perspective").loc[mc.perspective, "npv"])
        return [r.msg("costbenefit.monte_carlo_unvaried", draws=fmt_int(mc.draws, lang), who=who, horizon=horizon,
                      npv=fmt_kr(npv, lang), basis=B.basis_words(B.present_value(r), lang, short=True))]
    out = [r.msg("costbenefit.monte_carlo", draws=fmt_int(mc.draws, lang), who=who, horizon=horizon,
                 p=fmt_probability(mc.p_npv_positive, lang, prose=True), **prose_range(mc.npv_p05, mc.npv_p95, lang),
                 basis=B.basis_words(B.present_value(r), lang, short=True))]
    hr = sim.horizon_range if sim else None
    if hr is not None and hr.perspective in hr.p_npv_positive:
        out.append(r.msg("costbenefit.monte_carlo_range", who=who, horizon=horizon,
                         h_lo=fmt_num(hr.horizon_low, 0 if float(hr.horizon_low).is_integer() else 1, lang),
                         h_hi=fmt_num(hr.horizon_high, 0 if float(hr.horizon_high).is_integer() else 1, lang),
                         p=fmt_probability(hr.p_npv_positive[hr.perspective], lang, prose=True)))
    return out


def simulation_chart(r, who: str):
    """The simulated NPVs' histogram (at the horizon the sentence above it names)."""
    mc = r.cba.monte_carlo
    if not mc or unvaried(r, mc.perspective):  # (every draw the same value: a histogram of one bar too thin to see)
        return None
    return plot_monte_carlo(mc, r.lang, who, basis=_axis_basis(r))


def _axis_basis(r) -> str:
    """The basis an NPV axis names, as the key figures do: "nuvärde i 2023 års priser"."""
    return B.basis_words(B.present_value(r), r.lang, short=True)


def assumption_numbers(at: pd.DataFrame, msg) -> tuple[str, ...]:
    """The assumptions table's columns of figures, its value and the range tested: set to the right as every
    column of figures is, so that "25 %" stands under "3,5 %" and "12 000 kr" under "9 517 kr"."""
    return tuple(c for c in (msg("assumption.column.value"), msg("assumption.column.range")) if c in at.columns)


def blocks(r) -> list[list]:
    lang, msg = r.lang, r.msg
    cba = r.cba
    s, ct = cba.summary, cba.costs
    if ct is None or ct.empty:
        return [[Text([msg("costbenefit.absent")], msg("costbenefit.heading"))]]
    a = applicable_assumptions(cba, comparison_unreliable(r))
    at = assumptions_table(a, lang, heading=msg)  # one row per assumption of the registry that enters the figures
    intro = [msg("costbenefit.intro_application" if s.mode == "ex_ante" else "costbenefit.intro")]
    if s.mode == "ex_ante":
        intro[0] += " " + msg("costbenefit.intro_ex_ante") + " " + expected_mix(r)
    elif r.project.comparison is None:  # (with one, the effect-based part says what it measured)
        intro[0] += " " + msg("costbenefit.intro_no_comparison")
    if s.mode == "structural":
        intro = [msg("costbenefit.structural")]
    if s.mode == "observed" and comparison_unreliable(r):
        intro.append(msg("costbenefit.unreliable_comparison"))
    who = who_of(s.perspective, lang)
    # (the seed and what was varied are in the appendix)
    mc_text = simulation_text(r, who)
    intro += benefit_count(r)
    # with no exit from försörjningsstöd yet there is no benefit to vary: the calculation shows the cost only
    early = too_early(r.project.has_participants, s)
    if benefit_unvalued(s):  # (what the section shows, not a saving it then says it has none of)
        intro = [msg("costbenefit.intro_cost_only")]  # (no net present value for a comparison group to unsettle)
        # nobody had försörjningsstöd: that plain reason (page 1's words) stands for the general one
        intro += support_at_start(r) if no_fs_at_start(s) else [msg(early)] if early else []
        if no_fs_at_start(s) and not s.measured_months:
            # (what the evaluator can add for the board: the registers that measure what the project changed in the
            # benefits the participants had, and in their earnings, against a comparison group)
            intro.append(msg("costbenefit.no_fs_what_to_add"))
    elif early:
        intro.append(msg(early))
    parts = [Text(intro, msg("costbenefit.heading")), key_figures(r), *effect_based(r),
             Text([], msg("costbenefit.by_actor"), 3), perspective_table(r), *register_part(r), *persistence_table(r),
             Text([], msg("costbenefit.assumptions"), 3), Table(at, paragraphs=True, numeric=assumption_numbers(at, msg))]
    if not early and s.mode != "structural" and len(cba.sensitivity):
        # (what the chart's two lines are: the tornado draws the calculation's NPV in black, zero dashed in red)
        lines = msg("costbenefit.sensitivity_lines", npv=fmt_kr(cba.sensitivity["npv_base"].iloc[0], lang))
        parts += [Text([msg("costbenefit.sensitivity_intro", who=who), lines], msg("costbenefit.sensitivity"), 3),
                  plot_tornado(cba.sensitivity, lang, who, names=_tornado_names(r), basis=_axis_basis(r)), Text(mc_text),
                  simulation_chart(r, who)]
    return [parts]
