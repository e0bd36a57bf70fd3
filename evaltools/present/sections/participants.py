"""Participants: who took part (composition) and starts and exits per quarter."""
from __future__ import annotations

from ...analysis.cohorts import BREAKDOWNS, ONLY_WHEN_SEVERAL, flows
from ...analysis.disclosure import Secondary
from ...data.privacy import SECONDARY
from ..display import Table, Text
from ...words.formats import capitalized, fmt_cell, fmt_date, fmt_int, fmt_pct, fmt_quarter
from ...words.labels import t, variable_label
from ...words.text import join
from ...words.breakdowns import labelled
from ..plots import plot_composition
from ...data.validation import persons_of


def has_chart(composition_table) -> bool:
    """A chart only when some count survives suppression (else it would be empty)."""
    return any(not isinstance(v, str) and v > 0 for v in composition_table["n"])


def unknown_note(r) -> tuple[str, ...]:
    """The note naming the breakdowns left out of the table because they are unknown for every
    participant (a column the participant file does not have), or nothing."""
    shown = set(r.composition.table["variable"])
    labels = [variable_label(v, r.lang) for v in BREAKDOWNS if v not in shown and v not in ONLY_WHEN_SEVERAL]
    missing = [x[:1].lower() + x[1:] if x[1:2].islower() else x for x in labels]  # (SGI-status keeps its capitals)
    return (r.msg("participants.all_unknown", variables=join(missing, r.lang)),) if missing else ()


def counted_twice_note(r) -> tuple[str, ...]:
    """Where a person enrolled more than once was in two groups of a breakdown (both project years, say), the
    note that each person counts once in each group they were in, so that a breakdown's shares can add up to
    more than 100 %; nothing otherwise."""
    raw = r.composition.raw
    persons = persons_of(r.project.participants)
    twice = bool(len(raw)) and bool((raw.groupby("variable")["n"].sum() > persons).any())
    return (r.msg("participants.counted_twice"),) if twice else ()


def _shown(n) -> bool:
    """A count the table shows as a number of persons (not "<k", not "..", not 0)."""
    return not isinstance(n, str) and n > 0


def hidden_breakdowns(composition_table) -> list[str]:
    """The breakdowns (variables) none of whose groups the small-count rule lets the table show: a block
    of rows holding only "<5" and ".." tells a reader nothing, so it leaves the table and is named."""
    shown = composition_table.groupby("variable", sort=False)["n"].agg(lambda s: any(_shown(n) for n in s))
    return [str(v) for v, ok in shown.items() if not ok]


def _composition(r) -> list:
    """The composition chart and table, without the breakdowns every group of which is hidden."""
    lang, msg, k, c = r.lang, r.msg, r.k, r.composition
    hidden = hidden_breakdowns(c.table)
    kept = c.table[~c.table["variable"].isin(hidden)]
    if kept.empty:
        return [Text([msg("participants.intro", k=str(k)), msg("participants.none_shown", k=str(k))],
                     msg("participants.heading"))]
    frame = labelled(kept, lang)[["variable_label", "category_label", "n", "share"]].copy()
    frame["share"] = [fmt_cell(v, fmt_pct, lang) for v in frame["share"]]
    frame["n"] = [fmt_cell(v, fmt_int, lang) for v in frame["n"]]
    frame.columns = [t("variable", lang), t("category", lang), t("n", lang), t("share_col", lang)]
    notes = unknown_note(r) + counted_twice_note(r)
    if hidden:
        names = [variable_label(v, lang) for v in hidden]
        names = [x[:1].lower() + x[1:] if x[1:2].islower() else x for x in names]  # (SGI-status keeps its capitals)
        notes += (msg("participants.all_hidden", variables=join(names, lang), k=str(k)),)
    variables = tuple(dict.fromkeys(kept["variable"]))
    return [Text([msg("participants.intro", k=str(k))], msg("participants.heading")),
            plot_composition(c, variables, lang=lang) if has_chart(kept) else None,
            # (each breakdown's name once, above its groups: "Kön" on every row of its groups is noise)
            Table(frame, notes=notes, numeric=(t("n", lang), t("share_col", lang)), group=t("variable", lang))]


def _cut_short(quarter: str, as_of) -> bool:
    """Whether the calendar quarter ``quarter`` (``2025Q4``) ends after ``as_of`` (a date inside it):
    its starts and exits are counted only up to that date."""
    import pandas as pd
    try:
        q = pd.Period(quarter, freq="Q")
    except (ValueError, TypeError):
        return False
    return q.start_time.date() <= as_of < q.end_time.date()


def blocks(r) -> list[list]:
    lang, msg, k = r.lang, r.msg, r.k
    if not r.project.has_participants:
        return [[Text([msg("participants.absent")], msg("participants.heading"))]]
    out = [_composition(r)]
    ff = flows(r.project, lang=lang, freq="Q").table.copy()
    if not any(_shown(n) for n in ff.iloc[:, 1:].to_numpy().ravel()):  # every quarter "<5", ".." or 0
        out.append([Text([msg("participants.flows_hidden", k=str(k))], msg("participants.flows"), 3)])
        return out
    last = str(ff.iloc[-1, 0]) if len(ff) else ""
    ff.iloc[:, 0] = [fmt_quarter(q, lang) for q in ff.iloc[:, 0]]  # 2018Q1 reads as jan–mar 2018
    notes: tuple[str, ...] = ()
    if r.disclosure.hides(Secondary.ENDED):  # the exits would add up to the number ended (analysis.disclosure)
        ff.iloc[:, 2] = SECONDARY
        notes = (msg("participants.exits_withheld", k=str(k)),)
    p = r.params
    if p.runs_on and _cut_short(last, p.as_of):  # the data end inside the last quarter shown
        notes += (msg("participants.flows_partial", quarter=capitalized(fmt_quarter(last, lang)), date=fmt_date(p.as_of)),)
    ff.columns = [msg("participants.quarter"), t("intake", lang), t("exits", lang)]
    out.append([Text([], msg("participants.flows"), 3),
                Table(ff, notes=notes, numeric=(t("intake", lang), t("exits", lang)))])
    return out
