"""Time in the project: cumulative incidence of each way of leaving (Aalen–Johansen), by intake year."""
from __future__ import annotations

import pandas as pd

from ...data import schema as S
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

    def _days(v):
        return fmt_cell(v, fmt_days, lang) if not (isinstance(v, float) and pd.isna(v)) else "–"
    frame = pd.DataFrame({
        msg("common.group"): group_labels(s, lang), days: tab["day"],
        **{name: [fmt_cell(v, fmt_pct, lang) for v in tab[col]]
           for name, col in zip(pct, ("success", "other_exit", "still_in_project"))},
        at_risk: [fmt_cell(v, fmt_int, lang) for v in tab["at_risk"]],
        median: [f"{_days(m)} ({_days(a)}–{_days(b)})" if not (isinstance(m, float) and pd.isna(m)) else "–"
                 for m, a, b in zip(tab["median_days"], tab["median_ci_low"], tab["median_ci_high"])],
    })
    drawn = any(len(c) for c in s.curves.values())
    return [[Text([msg("time.intro", k=str(k), measure=measure[:1].lower() + measure[1:])], heading),
             plot_time_to_exit(s, lang) if drawn else Text([msg("time.no_curves", k=str(k))]),
             Table(frame, notes=(note(r),), numeric=(days, *pct, at_risk, median))]]
