"""Participants: who took part (composition) and starts and exits per quarter."""
from __future__ import annotations

from ...analysis.cohorts import flows
from ...analysis.disclosure import Secondary
from ...data.privacy import SECONDARY
from ..display import Table, Text
from ...words.formats import fmt_cell, fmt_int, fmt_pct, fmt_quarter
from ...words.labels import t
from ...words.breakdowns import labelled
from ..plots import plot_composition


def has_chart(composition_table) -> bool:
    """A chart only when some count survives suppression (else it would be empty)."""
    return any(not isinstance(v, str) and v > 0 for v in composition_table["n"])


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
            Table(frame, numeric=(t("n", lang), t("share_col", lang)))]]
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
