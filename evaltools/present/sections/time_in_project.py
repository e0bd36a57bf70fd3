"""Time in the project: cumulative incidence of each way of leaving (Aalen–Johansen), by intake year."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import schema as S
from ...data.privacy import SECONDARY
from ..display import Table, Text
from ...words.formats import fmt_cell, fmt_int, fmt_pct
from ...words.glossary import measure_term, name as term_name
from ...words.labels import success_definition_text
from ...words.breakdowns import fmt_days, group_labels
from ...analysis.goals import success_definition
from ..plots import plot_time_to_exit
from .facts import participants_words


def note(r) -> str:
    """The note under the table in plain words: what counts as a successful outcome (the main goal's
    definition, the one the curves use) and how the shares are counted (the estimators' names are in the
    appendix's method section)."""
    d = _definition(r)
    return r.msg("time.note", measure=term_name(measure_term(d), r.words), definition=success_definition_text(d, r.lang))


def _definition(r):
    return getattr(r.survival, "definition", None) or success_definition(r.params, r.lang)


def _bound(v: object) -> bool:
    """A bound of the median's interval that can be written: a number, or a mark of the privacy rules."""
    return isinstance(v, str) or (v is not None and not pd.isna(v) and np.isfinite(float(v)))  # type: ignore[arg-type]


def median_cell(r, median: object, low: object, high: object) -> str:
    """The median time and its 95 % interval as the table writes them: ``150 (120–190)``; an interval
    without an upper bound (the Kaplan–Meier curve never falls far enough, so the bound is infinite)
    ``150 (från 120)``, never ``inf``; the median alone where no interval could be computed, and one
    privacy mark where the median is hidden."""
    def days(v: object) -> str:
        return fmt_cell(v, fmt_days, r.lang)
    if isinstance(median, float) and pd.isna(median):
        return "–"
    if isinstance(median, str):  # the median itself is hidden: so is its interval (one mark, not ".. (..–..)")
        return median
    if _bound(low) and _bound(high):
        return f"{days(median)} ({days(low)}–{days(high)})"
    if _bound(low):
        return r.msg("time.median_open", median=days(median), low=days(low))
    return days(median)


def blocks(r) -> list[list]:
    lang, msg, k = r.lang, r.msg, r.k
    heading = msg("time.heading")
    if not r.project.has_participants:
        return [[Text([msg("time.absent")], heading)]]
    df = r.project.participants
    if df[S.ONGOING].all():
        return [[Text([msg("time.none_ended", n=participants_words(r))], heading)]]
    s = r.survival
    tab = s.table
    days, at_risk, median = msg("time.days"), msg("time.at_risk"), msg("time.median_ci")
    measure = term_name(measure_term(_definition(r)), r.words)
    pct = [measure, msg("time.other_exit"), msg("time.still_in")]

    shown = s.other_exits_shown  # (False: the number ended is withheld, and with it what would give it)
    if not shown:
        pct = pct[:1]
    frame = pd.DataFrame({
        msg("common.group"): group_labels(s, lang), days: tab["day"],
        **{name: [fmt_cell(v, fmt_pct, lang) for v in tab[col]]
           for name, col in zip(pct, ("success", "other_exit", "still_in_project"))},
        **({at_risk: [fmt_cell(v, fmt_int, lang) for v in tab["at_risk"]]} if shown else {}),
        # a group has one median: on its first row, not repeated on each of its days
        median: [median_cell(r, m, a, b) if first else "" for first, m, a, b in
                 zip(~tab["group"].duplicated().to_numpy(), tab["median_days"], tab["median_ci_low"], tab["median_ci_high"])],
    })
    withheld_note = (msg("time.at_risk_note"),) if shown else (
        msg("time.ended_withheld", k=str(k), measure=measure[:1].lower() + measure[1:]),)
    drawn = any(len(c) for c in s.curves.values())
    numbers = [v for col in ("success", "other_exit", "median_days") if col in tab for v in tab[col]
               if not isinstance(v, str) and not pd.isna(v)]
    few = any(isinstance(v, str) and v == SECONDARY for v in tab["success"])  # a group hidden for a small way of leaving
    if not drawn and not numbers:  # a table of "–", "<5" and ".." only: one sentence says why
        return [[Text([msg("time.intro", k=str(k), measure=measure[:1].lower() + measure[1:]),
                       msg("time.nothing_shown_few" if few else "time.nothing_shown", k=str(k))], heading)]]
    few_note = (msg("time.few_ways", k=str(k)),) if few else ()
    # a day with fewer than k left shows "<k" and "–" for its shares: the note says why, as the others do
    left = any(isinstance(a, str) and s_ == "–" for a, s_ in zip(tab["at_risk"], tab["success"]))
    left_note = (msg("time.few_left", k=str(k)),) if left else ()
    opened = any(_bound(a) and not _bound(b) for a, b in zip(tab["median_ci_low"], tab["median_ci_high"]))
    open_note = (msg("time.median_open_note"),) if opened else ()
    intro = "time.intro" if shown else "time.intro_success"  # (the other way of leaving withheld: not said as shown)
    return [[Text([msg(intro, k=str(k), measure=measure[:1].lower() + measure[1:])], heading),
             plot_time_to_exit(s, lang) if drawn else Text([msg("time.no_curves_few" if few else "time.no_curves", k=str(k))]),
             # (each group's name once, above its days: "År 1" on each of its rows is noise)
             Table(frame, notes=(note(r), *withheld_note, *few_note, *left_note, *open_note),
                   numeric=(days, *pct, *((at_risk,) if shown else ()), median),
                   group=msg("common.group"))]]
