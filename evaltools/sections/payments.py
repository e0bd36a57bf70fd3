"""Social assistance before and after the start: means, the DiD effect, phases and exit rates."""
from __future__ import annotations

import pandas as pd

from ..comparison import compare_exit_rates, payment_phases
from ..display import Table, Text
from ..formats import fmt_amount, fmt_cell, fmt_int, fmt_kr, fmt_p, fmt_pct
from ..labels import t
from ..privacy import suppressed_label


def persons(n: int, k: int, lang: str) -> str:
    """A number of persons as the privacy rule shows it: ``<k`` from 1 to k − 1."""
    return suppressed_label(k) if 0 < n < k else fmt_int(n, lang)


def chart_shown(event_means) -> bool:
    """No chart when every monthly mean is hidden (it would be empty)."""
    return event_means is not None and bool(event_means["mean_amount"].notna().any())


def blocks(r) -> list[list]:
    from ..plots import plot_payments
    lang, msg, k = r.lang, r.msg, r.k
    pay = r.payments
    heading = msg("payments.heading")
    if pay.table.empty:
        return [[Text([msg("payments.absent")], heading)]]
    tab = pay.table
    group, n = msg("common.group"), t("n", lang)
    before, after, change = msg("payments.before"), msg("payments.after"), msg("payments.change")
    frame = pd.DataFrame({
        group: [t(g, lang) for g in tab["group"]],
        n: [persons(v, k, lang) for v in tab["persons"]],
        before: [fmt_amount(v, lang) for v in tab["before"]],
        after: [fmt_amount(v, lang) for v in tab["after"]],
        change: [fmt_amount(v, lang) for v in tab["change"]],
    })
    c = r.params.comparison
    paras = [msg("payments.intro", before=str(c.months_before), after=str(c.months_after))]
    if pay.did is not None:
        d, pl = pay.did, pay.placebo
        paras.append(msg("payments.did", effect=fmt_kr(d.effect, lang), low=fmt_kr(d.ci_low, lang),
                         high=fmt_kr(d.ci_high, lang), households=fmt_int(d.n_clusters, lang),
                         placebo=fmt_kr(pl.effect, lang), placebo_low=fmt_kr(pl.ci_low, lang),
                         placebo_high=fmt_kr(pl.ci_high, lang)))
    paras += list(pay.notes)
    ph = payment_phases(r.project)
    phase_names = {"before": msg("payments.phase.before", months=str(c.months_before)),
                   "during": msg("payments.phase.during"),
                   "after": msg("payments.phase.after", months=str(c.months_before))}
    per_month = msg("payments.per_person_month")
    phases = pd.DataFrame({
        group: [t(g, lang) for g in ph["group"]],
        msg("payments.phase_col"): [phase_names[p_] for p_ in ph["phase"]],
        n: [persons(v, k, lang) for v in ph["persons"]],
        per_month: [fmt_amount(v, lang) for v in ph["mean_amount"]],
    })
    phase_note = (msg("payments.phase_note"),
                  msg("payments.hidden_note", k=str(k), share=fmt_pct(r.params.privacy.dominance, lang, 0)))
    shown = chart_shown(pay.event_means)
    no_chart = [] if shown else [msg("payments.no_chart", k=str(k))]
    out = [[Text(paras[:1] + no_chart, heading), plot_payments(pay, lang) if shown else None,
            Table(frame, numeric=(n, before, after, change)),
            Text(paras[1:]),
            Text([], msg("payments.phases"), 3),
            Table(phases, notes=phase_note, numeric=(n, per_month))]]
    er = compare_exit_rates(r.project)
    if not er.empty:
        rate_col = msg("payments.left")
        frame = pd.DataFrame({
            group: [t(g, lang) for g in er["group"]],
            n: [fmt_int(v, lang) for v in er["n"]],
            rate_col: [fmt_cell(v, fmt_pct, lang) for v in er["rate"]],
            t("ci", lang): ["–" if isinstance(a, str) else f"{fmt_pct(a, lang)}–{fmt_pct(b, lang)}"
                            for a, b in zip(er["ci_low"], er["ci_high"])],
            t("test", lang): er["test"], t("p_value", lang): [fmt_p(v, lang) for v in er["p_value"]],
        })
        out.append([Text([], msg("payments.exit_rates"), 3),
                    Table(frame, notes=(msg("payments.exit_rates_note"),),
                          numeric=(n, rate_col, t("ci", lang), t("p_value", lang)))])
    return out
