"""Social assistance before and after the start: means, the DiD effect, phases and exit rates."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...analysis.comparison import compare_exit_rates, exit_base_tells_few, payment_phases
from ...data import schema as S
from ...analysis.disclosure import Secondary, payment_units_hidden
from ...data.privacy import SECONDARY, all_of, hides
from ..display import Table, Text
from ...words.formats import (capitalized, fmt_amount, fmt_cell, fmt_int, fmt_kr, fmt_num, fmt_p, fmt_p_relation, fmt_pct, fmt_persons,
                               fmt_persons_of)
from ...words.labels import note_text, t
from ...words.assumptions import value_text
from . import basis as B
from ..plots import plot_payments, plot_event_study
from ...analysis.comparison import REFERENCE_SHIFTS, reference_date_sensitivity
from ...analysis.result import Note
from ...analysis.costbenefit.uncertainty import DEADWEIGHT_MAX
from .designs import (balance_blocks, drift_sentences, honest_blocks, no_conclusion, robustness_blocks,
                      staggered_sentences, weighting_sentences)


def chart_shown(event_means) -> bool:
    """No chart when every monthly mean is hidden (it would be empty)."""
    return event_means is not None and bool(event_means["mean_amount"].notna().any())


def withheld_units(frame: pd.DataFrame, project) -> pd.DataFrame:
    """The tables of försörjningsstöd before and after start (``group``, ``persons``) with the participants' count
    (and a phase's household-months) as ``..`` where it would tell how many participants the payments do not follow
    (:func:`evaltools.analysis.disclosure.payment_units_hidden`): the section's tables and the workbook's alike."""
    ours = frame["group"] == "participants"
    # (each distinct count of the participants' rows asked once: the households are counted for each question)
    hidden = {v for v in frame.loc[ours, "persons"].dropna().unique() if payment_units_hidden(project, v)}
    mine = ours & frame["persons"].isin(hidden)
    if not mine.any():
        return frame
    # (a phase's household-months too: the 12 months before start of 8 households are 96)
    cols = [c for c in ("persons", "person_months") if c in frame]
    out = frame.astype({c: object for c in cols})
    out.loc[mine, cols] = SECONDARY
    return out


def _units_shown(v: object, k: int, lang: str) -> str:
    """A count of households in the tables before and after start: ``..`` as withheld, else under the rule."""
    return SECONDARY if v == SECONDARY else fmt_persons(int(v), k, lang)  # type: ignore[call-overload]


def blocks(r) -> list[list]:
    lang, msg, k = r.lang, r.msg, r.k
    pay = r.payments
    heading = msg("payments.heading")
    if pay.table.empty:  # no payment data: the section is left out; the facts section says so in one sentence
        return []
    tab = withheld_units(pay.table, r.project)
    group, n = msg("common.group"), t("n", lang)
    before, after, change = msg("payments.before"), msg("payments.after"), msg("payments.change")
    frame = pd.DataFrame({
        group: [t(g, lang) for g in tab["group"]],
        n: [_units_shown(v, k, lang) for v in tab["persons"]],
        before: [fmt_amount(v, lang) for v in tab["before"]],
        after: [fmt_amount(v, lang) for v in tab["after"]],
        change: [fmt_amount(v, lang) for v in tab["change"]],
    })
    c = r.params.comparison
    a = pay.anticipation_months if pay.has_comparison else 0  # (the table's "before" is the DiD's)
    intro = (msg("payments.intro_anticipation", before=str(c.months_before), last=str(a + 1), after=str(c.months_after),
                 months=str(a)) if a else msg("payments.intro", before=str(c.months_before), after=str(c.months_after)))
    paras = [intro + (" " + msg("payments.intro_comparison") if pay.has_comparison else "")]
    study = []
    if pay.did is not None:
        paras += did_paragraphs(r)
        study = event_study_blocks(r)
    # (with a comparison group the analysis' own note names its model terms; the body says what was compared)
    paras += ([msg("payments.did_note", section=msg("appendix.comparison_detail"))] if pay.did is not None else [note_text(_directed(n, r), r.lang) for n in pay.notes])
    if pay.households_merged:  # (försörjningsstöd is paid per household: the table below counts households)
        paras[0] += " " + msg("payments.household_unit")
    paras[0] += unpaid_before_sentence(r)
    ph = withheld_units(payment_phases(r.project), r.project)
    phase_names = {"before": msg("payments.phase.before", months=str(c.months_before)),
                   "during": msg("payments.phase.during"),
                   "after": msg("payments.phase.after", months=str(c.months_before))}
    per_month = msg("payments.per_household_month")
    phases = pd.DataFrame({
        group: [t(g, lang) for g in ph["group"]],
        msg("payments.phase_col"): [phase_names[p_] for p_ in ph["phase"]],
        n: [_units_shown(v, k, lang) for v in ph["persons"]],
        per_month: [fmt_amount(v, lang) for v in ph["mean_amount"]],
    })
    # the comparison group's dates are named only where there is a comparison group
    basis_note = msg("payments.basis_note", basis=B.basis_words(B.CURRENT, lang))  # (amounts as paid out)
    # (the prices in the same note as how a month without payment counts: a third note, of one line, started the
    # next page with the second, away from their table, where binding all three cost a page, Specialistteamet's)
    # (a count of households shown as '..' is said why, under each table that shows one)
    units_note = msg("payments.units_withheld_note", k=str(k))
    phase_note: tuple[str, ...] = (
        " ".join([msg("payments.phase_note" if pay.has_comparison else "payments.zero_months_note"), basis_note]),
        msg("payments.hidden_note", k=str(k), share=fmt_pct(r.params.privacy.dominance, lang, 0)),
        *((units_note,) if (ph["persons"] == SECONDARY).any() else ()))
    table_units = (units_note,) if (tab["persons"] == SECONDARY).any() else ()
    shown = chart_shown(pay.event_means)
    no_chart = [] if shown else [msg("payments.no_chart", k=str(k))]
    out = [[Text(paras[:1] + no_chart, heading), plot_payments(pay, lang) if shown and not study else None,
            Table(frame, notes=(*table_did_note(r), basis_note, *table_units), numeric=(n, before, after, change)),
            # (the estimators beside the main one and the sensitivity bounds are the appendix's: detail_blocks)
            Text(paras[1:]), *balance_blocks(r),
            Text([], msg("payments.phases"), 3),
            # (each group's name once, above its three periods)
            Table(phases, notes=phase_note, numeric=(n, per_month), group=group),
            # (month by month after the periods: its chart and table of some 25 rows, kept together, would otherwise
            # leave half a page empty under the estimate's paragraphs)
            *study]]
    er = compare_exit_rates(r.project)
    # (the participants' base, the ended who had försörjningsstöd at start, beside the number ended would tell the few
    # who had another support: the row's number and share withheld, and said why)
    base_few = not er.empty and exit_base_tells_few(r.project)
    if not er.empty and (r.disclosure.hides(Secondary.ENDED) or r.disclosure.hides(Secondary.EXITS) or base_few):
        # (the participants' row counts the ended who had försörjningsstöd at the start, often all of them: its number,
        # and its share beside the leavers the report states, would give the number ended the report withholds; its
        # share times its number is the count of exits, where the report withholds that)
        er = er.astype(object)
        mine = er["group"] == "participants"
        er.loc[mine, ["n", "rate", "ci_low", "ci_high"] if r.disclosure.hides(Secondary.ENDED) or base_few else
               ["rate", "ci_low", "ci_high"]] = SECONDARY
        er.loc[:, "p_value"] = np.nan
    if not er.empty:
        rate_col, p_col = msg("payments.left"), msg("payments.p_difference")
        # (persons, who ended or have a status at follow-up: not the households the tables of amounts above count)
        n = msg("payments.exit_rates_persons")
        frame = pd.DataFrame({
            group: [t(g, lang) for g in er["group"]],
            n: [fmt_cell(v, fmt_int, lang) for v in er["n"]],
            rate_col: [fmt_cell(v, fmt_pct, lang) for v in er["rate"]],
            t("ci", lang): ["–" if isinstance(a, str) else f"{fmt_pct(a, lang)}–{fmt_pct(b, lang)}"
                            for a, b in zip(er["ci_low"], er["ci_high"])],
            # one test of the difference between the two groups: its p-value once, on the comparison group's
            # row, not beside each group as if each share had been tested (the test's name: in the appendix)
            p_col: ["" if g == "participants" else fmt_p(v, lang) for g, v in zip(er["group"], er["p_value"])],
        })
        oc = r.cba.outcome_check  # the code beside the payments after exit, where they disagree
        # (without a budget there is no cost-benefit analysis, nor its section on the payments after exit, to point to)
        costed = r.params.data.budget is not None
        coded = ([] if oc is None or not oc.paid_next_month else
                 [msg("payments.exit_rates_coded_all" if costed else "payments.exit_rates_coded_all_no_cost",
                      checked=fmt_persons(oc.checked, k, lang))]
                 if all_of(oc.paid_next_month, oc.checked, k) else  # "alla 86", not "86 av de 86"
                 [msg("payments.exit_rates_coded" if costed else "payments.exit_rates_coded_no_cost",
                      # ("8 av de 10" paid told the 2 who were not: 1 to k − 1 of them are said as such)
                      paid=(msg("payments.all_but_few", k=str(k)) if not hides(oc.checked, k)
                            and hides(oc.checked - oc.paid_next_month, k) else fmt_persons(oc.paid_next_month, k, lang)),
                      checked=fmt_persons(oc.checked, k, lang))])
        # comparison persons without a status at follow-up are not in the comparison group's count: say how
        # many, or the group's count here reads as the group (40 persons in the table above, 10 here)
        comparison = r.project.comparison
        no_status = int(comparison[S.OUTCOME].isna().sum()) if comparison is not None else 0
        if no_status:
            coded.append(capitalized(msg("payments.exit_rates_no_status",  # ("alla 40 …" opens the sentence)
                                         who=fmt_persons_of(no_status, len(comparison), k, lang))))
        base_note = [msg("payments.exit_rates_base_withheld", k=str(k))] if base_few else []
        out.append([Text([], msg("payments.exit_rates"), 3),
                    Table(frame, notes=(" ".join([msg("payments.exit_rates_note"), *base_note,
                                                  *deadweight_sentence(r, er), *coded]),),
                          numeric=(n, rate_col, t("ci", lang), p_col))])
    elif r.project.comparison is not None and r.project.has_participants:
        # one sentence instead of a table with a group of no one (and a test against it)
        none_ended = bool(r.project.participants[S.ONGOING].all())
        out.append([Text([msg("payments.exit_rates_none_ended" if none_ended else "payments.exit_rates_no_outcomes")],
                         msg("payments.exit_rates"), 3)])
    return out


def unpaid_before_sentence(r) -> str:
    """Where some participants (households) had no payment in the months before the start, their months are in
    the means at 0 kr: say how many of how many (" 18 av de 72 deltagarna hade ingen utbetalning …"), or
    nothing where none or all of them (all: the means before are 0 kr, which the table shows) or where the means
    are hidden."""
    pay, k = r.payments, r.k
    row = pay.table[pay.table["group"] == "participants"]
    if row.empty or pd.isna(row["before"].iloc[0]) or not 0 < pay.unpaid_before < int(row["persons"].iloc[0]):
        return ""  # (a hidden mean is pulled down by no one the reader sees)
    who = fmt_persons_of(pay.unpaid_before, int(row["persons"].iloc[0]), k, r.lang)
    months = str(r.params.comparison.months_before)
    return " " + capitalized(r.msg("payments.unpaid_before_households", who=who, months=months) if pay.households_merged
                             else r.msg("payments.unpaid_before", who=who, months=months))


def deadweight_sentence(r, er: pd.DataFrame) -> list[str]:
    """What the cost-benefit analysis takes from the exit-rate table: the deadweight is the comparison
    group's share over the participants' (24,6 % of 47,8 % is 51,6 %), not their difference (23,2
    points), which the note once named; where the deadweight comes from elsewhere (the params file, or
    the default when the comparison group's share would tell a few persons' outcomes), the sentence
    says that the table is not its source."""
    s = r.cba.summary if r.cba is not None else None
    if s is None or s.deadweight is None or r.params.data.budget is None:
        return []  # (without a budget there is no cost-benefit analysis whose deadweight the table gives: page 1 says so)
    rates = er.set_index("group")["rate"]
    p, c = rates.get("participants"), rates.get("comparison")
    dw = value_text("deadweight", s.deadweight, r.lang)  # (as the assumptions table: 51,6 %, and 25 %, not 25,0 %)
    shown = all(isinstance(v, float) and not pd.isna(v) for v in (p, c))
    if s.deadweight_source == "comparison" and shown and p > 0 and abs(c / p - s.deadweight) < 5e-4:
        return [r.msg("payments.exit_rates_deadweight", comparison=fmt_pct(c, r.lang),
                      participants=fmt_pct(p, r.lang), deadweight=dw)]
    if s.deadweight_source == "comparison" and shown and p > 0 and c / p > DEADWEIGHT_MAX:
        # the shares' ratio above the largest deadweight used: that largest, in the assumptions table's own words
        source = capped_deadweight_source(r)
        if source:
            return [r.msg("payments.exit_rates_deadweight_capped", deadweight=dw, source=source)]
    return [r.msg("payments.exit_rates_deadweight_other", deadweight=dw)]


def capped_deadweight_source(r) -> str:
    """The assumptions table's source of a deadweight the comparison group's shares give above the largest the
    calculation uses, or "" where the table has none: the same note, so the same words, unreliable where the check
    before the start rejected the comparison, as the table then says it
    (:func:`~evaltools.present.sections.costbenefit.applicable_assumptions`)."""
    a = r.cba.assumptions
    notes = [n for name, n in zip(a["name"], a["source"]) if name == "deadweight"] if a is not None and len(a) else []
    if not notes or not isinstance(notes[0], Note) or notes[0].key != "assumption.deadweight_comparison_capped":
        return ""
    # (the table's condition, summary.comparison_unreliable, read from the payments: no import of the sections that
    # import this one)
    pay = r.payments
    unreliable = pay is not None and pay.did is not None and bool(pay.parallel_trends_doubtful)
    note = Note("assumption.deadweight_comparison_capped_unreliable", notes[0].values) if unreliable else notes[0]
    return note_text(note, r.lang)


def table_did_note(r) -> list[str]:
    """The before/after table's own difference between the groups, said under it where a DiD estimate
    follows, and why the estimate is not that difference (+12 kr against +664 kr above an effect of −171 kr
    left the reader to do the subtraction and wonder at it)."""
    pay = r.payments
    tab = pay.table.set_index("group") if "group" in pay.table else None
    if pay.did is None or tab is None or not {"participants", "comparison"} <= set(tab.index):
        return []
    diff = tab.loc["participants", "change"] - tab.loc["comparison", "change"]
    return [] if pd.isna(diff) else [r.msg("payments.table_did", difference=fmt_kr(diff, r.lang))]


def participants_rose(r) -> bool:
    """Did the participants' mean payment per month rise from before to after the start (or stay)?
    Then a sentence about a fall after the start would contradict the table beside it."""
    tab = r.payments.table
    part = tab[tab["group"] == "participants"] if "group" in tab else tab.iloc[0:0]
    return bool(len(part)) and pd.notna(part["change"].iloc[0]) and float(part["change"].iloc[0]) >= 0


def _directed(note, r):
    """The analysis' caveat for a project without a comparison group, in the direction its table shows:
    a fall is not in itself an effect, and neither is a rise."""
    if getattr(note, "key", None) == "note.no_comparison" and participants_rose(r):
        return type(note).of("note.no_comparison_rise")
    return note


def effect_sentence(r) -> str:
    """The DiD estimate as the board reads it: which way the participants' försörjningsstöd went against the
    comparison group's, by how much per household and month, and how sure ("… 2 486 kr mindre … (95 % KI 2 158 kr
    till 2 814 kr mindre …)"); the same estimate and interval as the appendix's table, where the method is named
    (:func:`detail_blocks`)."""
    lang, d = r.lang, r.payments.did
    counts = {"units": did_units(r)}
    amount = fmt_kr(abs(d.effect), lang)
    if d.ci_high < 0 or d.ci_low > 0:  # the whole interval on one side of zero: a fall (or a rise) for certain
        near, far = sorted((abs(d.ci_low), abs(d.ci_high)))
        return r.msg("payments.did_less" if d.ci_high < 0 else "payments.did_more", amount=amount,
                     near=fmt_kr(near, lang), far=fmt_kr(far, lang), **counts)
    return r.msg("payments.did_unclear_less" if d.effect < 0 else "payments.did_unclear_more", amount=amount,
                 less=fmt_kr(abs(d.ci_low), lang), more=fmt_kr(abs(d.ci_high), lang), **counts)


def did_effect_sentence(r) -> str:
    """The DiD estimate as the appendix states it, with its method's name, interval and units ("Skattad effekt
    (skillnad-i-skillnader): −2 486 kr per hushåll och månad, …"): the same figures as :func:`effect_sentence`."""
    lang, d = r.lang, r.payments.did
    return r.msg("payments.did_effect", effect=fmt_kr(d.effect, lang), low=fmt_kr(d.ci_low, lang),
                 high=fmt_kr(d.ci_high, lang), units=did_units(r))


def did_units(r) -> str:
    """The households the DiD counts, as its sentences say them ("63 hushåll, varav 7 med deltagare"), or, where the
    participants' households would tell the few participants the payments do not follow
    (:func:`evaltools.analysis.disclosure.payment_units_hidden`), that they are not given: the total too, since the
    total less the comparison group's households in the table gives the participants'."""
    d = r.payments.did
    if payment_units_hidden(r.project, d.n_treated_clusters):
        return r.msg("payments.did_units_withheld", k=str(r.k))
    return r.msg("payments.did_units", households=fmt_int(d.n_clusters, r.lang), treated=fmt_int(d.n_treated_clusters, r.lang))


def detail_blocks(r) -> list[list]:
    """The comparison group's estimates as an auditor reads them, in the appendix: the main estimate with its
    method's name, the estimators beside it (heterogeneity-robust, weighted) and the sensitivity bounds for
    parallel trends, whose figures the body's sentences give in words; none without a DiD."""
    pay = r.payments
    if pay.table.empty or pay.did is None:
        return []
    robust = robustness_blocks(r)
    # (the main estimate with its method's name: the robustness table's first row where there is one, else a sentence)
    main = [] if robust else [did_effect_sentence(r)]
    # (how far the estimate moves with the comparison persons' reference dates: a sensitivity, as the bounds are)
    main += reference_date_sentence(r)
    bounds, drift = honest_blocks(r), drift_sentences(r)
    if bounds and drift and not no_conclusion(pay.did):
        # the body has said how far the conclusion holds, at the same breakdown value the table shows: the table and
        # its note, without the sentence that says it again (where the body said nothing, or that there is nothing to
        # test, the sentence says what the table measures)
        bounds = bounds[1:]
    return [[Text(main, r.msg("appendix.comparison_detail"), 3), *robust, *bounds]]


def did_paragraphs(r) -> list[str]:
    """The DiD estimate in words, the anticipation window, small-cluster inference, the placebo acted on, whether
    the conclusion survives groups drifting apart, and the horizon."""
    lang, msg, pay, c = r.lang, r.msg, r.payments, r.params.comparison
    d, pl = pay.did, pay.placebo
    out = [effect_sentence(r)]
    # (the anticipation window is said above the before/after table, whose "before" leaves it out too)
    if d.wild_p_value is not None:
        # (draws and seed are the appendix's)
        out.append(msg("payments.wild_bootstrap", threshold=str(c.small_cluster_threshold), p=fmt_p_relation(d.wild_p_value, lang),
                       t_low=fmt_kr(d.t_ci_low, lang), t_high=fmt_kr(d.t_ci_high, lang)))
    placebo = {"placebo": fmt_kr(pl.effect, lang), "placebo_low": fmt_kr(pl.ci_low, lang),
               "placebo_high": fmt_kr(pl.ci_high, lang)}
    # (without a budget there is no cost-benefit calculation built on the estimate to call unreliable with it)
    doubtful = "payments.placebo_doubtful" if r.params.data.budget is not None else "payments.placebo_doubtful_no_cost"
    out.append(msg(doubtful if pay.parallel_trends_doubtful else "payments.placebo_ok", **placebo))
    out += drift_sentences(r)  # (beside the check before the start, which asks the same question of the months before)
    out += staggered_sentences(r)  # only when the heterogeneity-robust estimate disagrees
    out += weighting_sentences(r)  # only when the params ask for a weighted comparison group
    if r.params.data.budget is not None:  # (without a cost there is no calculation to extend the effect: page 1 says so)
        out.append(msg("payments.horizon", months=str(c.months_after),
                       years=fmt_num(r.params.cost_benefit.horizon_years, 0, lang)))
    return out


def reference_date_sentence(r) -> list[str]:
    """How far the estimate moves when the comparison persons' reference dates are moved a few
    months (the matching of dates adds uncertainty the interval does not show)."""
    table = r.reference_dates if hasattr(r, "reference_dates") else reference_date_sensitivity(r.project)
    if table is None or table.empty:
        return []
    lang = r.lang
    return [r.msg("payments.reference_dates", months=str(max(abs(k) for k in REFERENCE_SHIFTS)),
                  low=fmt_kr(table["effect"].min(), lang), high=fmt_kr(table["effect"].max(), lang))]


def event_study_cell(value: float, low: float, high: float, lang: str, msg) -> str:
    """One cell of the month-by-month table: the amount and its 95% interval with the interval's word
    between the ends (``−2 038 kr (−2 182 till −1 894)``, ``SEK −2,038 (−2,182 to −1,894)``), never a
    dash, which between two negative amounts reads as a subtraction; ``..`` where the privacy rules hid it.

    Parameters
    ----------
    value, low, high : float
        The monthly mean (or difference) and its interval's ends, in kronor; ``value`` NaN when hidden.
    lang : str
        The report's language.
    msg : callable
        The report's catalog lookup (``Report.msg``).
    """
    if pd.isna(value):
        return ".."
    return msg("payments.es_value", value=fmt_kr(value, lang), low=fmt_num(low, 0, lang), high=fmt_num(high, 0, lang))


def shown_event_study(pay) -> pd.DataFrame | None:
    """The month-by-month table the report shows (:func:`event_study_blocks`) and the workbook writes, with
    ``reference`` marking the month the changes are counted from; ``None`` where no month can be shown.

    Parameters
    ----------
    pay : evaltools.analysis.comparison.ComparisonResult
        The payments' comparison.
    """
    es = pay.event_study
    if es is None or es[["participants", "comparison"]].isna().all().all():
        return None
    return es.assign(reference=es["event_time"] == -pay.anticipation_months - 1)


def event_study_blocks(r) -> list:
    """The event-study chart and table: months relative to the start, both groups, intervals."""
    lang, msg, pay = r.lang, r.msg, r.payments
    es = shown_event_study(pay)
    if es is None:
        return []

    def ci(v, lo, hi):
        return event_study_cell(v, lo, hi, lang, msg)
    cols = [msg("payments.es_month"), t("participants", lang), t("comparison", lang), msg("payments.es_difference")]
    frame = pd.DataFrame({cols[0]: [f"{e:+d}".replace("-", "\u2212") if e else "0" for e in es["event_time"]],
                          cols[1]: [ci(*x) for x in es[["participants", "participants_low", "participants_high"]].to_numpy()],
                          cols[2]: [ci(*x) for x in es[["comparison", "comparison_low", "comparison_high"]].to_numpy()],
                          cols[3]: [ci(*x) for x in es[["difference", "difference_low", "difference_high"]].to_numpy()]})
    ref = f"{-pay.anticipation_months - 1}".replace("-", "\u2212")
    return [Text([], msg("payments.event_study"), 3), plot_event_study(pay, lang),
            Table(frame, notes=(msg("payments.es_note", ref=ref),), numeric=tuple(cols[1:]))]
