"""Participants: who took part (composition) and starts and exits per quarter."""
from __future__ import annotations

from ...analysis.cohorts import BREAKDOWNS, flows
from ...analysis.disclosure import Secondary
from ...data.privacy import SECONDARY
from ..display import Table, Text
from ...words.formats import fmt_cell, fmt_int, fmt_pct, fmt_quarter
from ...words.labels import t, variable_label
from ...words.text import join
from ...words.breakdowns import labelled
from ..plots import plot_composition


def has_chart(composition_table) -> bool:
    """A chart only when some count survives suppression (else it would be empty)."""
    return any(not isinstance(v, str) and v > 0 for v in composition_table["n"])


def unknown_note(r) -> tuple[str, ...]:
    """The note naming the breakdowns left out of the table because they are unknown for every
    participant (a column the participant file does not have), or nothing."""
    shown = set(r.composition.table["variable"])
    labels = [variable_label(v, r.lang) for v in BREAKDOWNS if v not in shown]
    missing = [x[:1].lower() + x[1:] if x[1:2].islower() else x for x in labels]  # (SGI-status keeps its capitals)
    return (r.msg("participants.all_unknown", variables=join(missing, r.lang)),) if missing else ()


def blocks(r) -> list[list]:
    lang, msg, k = r.lang, r.msg, r.k
    if not r.project.has_participants:
        return [[Text([msg("participants.absent")], msg("participants.heading"))]]
    c = r.composition
    frame = labelled(c.table, lang)[["variable_label", "category_label", "n", "share"]].copy()
    frame["share"] = [fmt_cell(v, fmt_pct, lang) for v in frame["share"]]
    frame["n"] = [fmt_cell(v, fmt_int, lang) for v in frame["n"]]
    frame.columns = [t("variable", lang), t("category", lang), t("n", lang), t("share_col", lang)]
    out = [[Text([msg("participants.intro", k=str(k))], msg("participants.heading")),
            plot_composition(c, lang=lang) if has_chart(c.table) else None,
            Table(frame, notes=unknown_note(r), numeric=(t("n", lang), t("share_col", lang)))]]
    ff = flows(r.project, lang=lang, freq="Q").table.copy()
    ff.iloc[:, 0] = [fmt_quarter(q, lang) for q in ff.iloc[:, 0]]  # 2018Q1 reads as jan–mar 2018
    notes: tuple[str, ...] = ()
    if r.disclosure.hides(Secondary.ENDED):  # the exits would add up to the number ended (analysis.disclosure)
        ff.iloc[:, 2] = SECONDARY
        notes = (msg("participants.exits_withheld", k=str(k)),)
    ff.columns = [msg("participants.quarter"), t("intake", lang), t("exits", lang)]
    out.append([Text([], msg("participants.flows"), 3),
                Table(ff, notes=notes, numeric=(t("intake", lang), t("exits", lang)))])
    return out
