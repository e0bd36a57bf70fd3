"""Time in the project: cumulative incidence of each way of leaving (Aalen–Johansen), by intake year."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import schema as S
from ...data.privacy import SECONDARY
from ..display import Table, Text
from ...words.formats import fmt_cell, fmt_int, fmt_pct
from ...words.glossary import measure_term, name as term_name
from ...words.labels import success_definition_text, t
from ...words.breakdowns import fmt_days, group_labels
from ...analysis.goals import success_definition
from .goals import timed_words
from ..plots import plot_time_to_exit
from .facts import participants_words


def note(r) -> str:
    """The note under the table in plain words: what counts as a successful outcome (the main goal's
    definition, the one the curves use) and how the shares are counted (the estimators' names are in the
    appendix's method section)."""
    d = _definition(r)
    # (where the number ended is withheld, a day by which everyone had left is shown, its figures withheld: the
    # note does not say that such days are left out, cohorts.without_other_exits)
    key = "time.note" if getattr(r.survival, "other_exits_shown", True) else "time.note_withheld"
    return r.msg(key, measure=term_name(measure_term(d, r.moved_on), r.words), definition=success_definition_text(
        d, r.lang, timed=timed_words(r.params, r.lang), moved=r.moved_on))


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
    measure = term_name(measure_term(_definition(r), r.moved_on), r.words)
    pct = [measure, msg("time.other_exit"), msg("time.still_in")]

    shown = s.other_exits_shown  # (False: the number ended is withheld, and with it what would give it)
    if not shown:
        pct = pct[:1]
    cols = ("success", "other_exit", "still_in_project")[:len(pct)]
    # a group none of whose shares can be shown ("..", or "–" on each of its days): its share cells are left empty,
    # and where that is every group the share columns go (a table of dots tells the board nothing)
    groups = tab["group"].to_numpy()
    bare = {g for g in dict.fromkeys(groups)
            if not any(_number(v) for col in cols for v in tab.loc[groups == g, col])}
    no_shares = bool(bare) and bare == set(groups) and not any(len(c) for c in s.curves.values())
    if no_shares:
        pct = []
    bare_row = [g in bare for g in groups]
    frame = pd.DataFrame({
        msg("common.group"): group_labels(s, lang), days: tab["day"],
        **{name: ["" if b else fmt_cell(v, fmt_pct, lang) for b, v in zip(bare_row, tab[col])]
           for name, col in zip(pct, cols)},
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
    lower = measure[:1].lower() + measure[1:]
    opened = any(_bound(a) and not _bound(b) for a, b in zip(tab["median_ci_low"], tab["median_ci_high"]))
    open_note = (msg("time.median_open_note"),) if opened else ()
    if no_shares:  # no share of any group can be shown: what the table shows instead, in one sentence
        if shown:  # (the days with the number at risk on them, and the median)
            table = frame
            said = msg("time.no_shares", k=str(k), measure=lower)
            notes = (note(r), msg("time.at_risk_note"), *open_note)
        else:  # (the number at risk withheld: the days alone say nothing, one row per group with its median)
            table = frame[~tab["group"].duplicated().to_numpy()].drop(columns=[days]).reset_index(drop=True)
            said = msg("time.no_shares_median", k=str(k), measure=lower)
            notes = (note(r), *open_note)
        return [[Text([said], heading),
                 Table(table, notes=notes, numeric=tuple(c for c in (days, at_risk, median) if c in table.columns),
                       group=msg("common.group"))]]
    kept = ~pd.Series(bare_row).to_numpy()
    few = any(isinstance(v, str) and v == SECONDARY for v in tab["success"])  # a group hidden for a small way of leaving
    few_shown = any(isinstance(v, str) and v == SECONDARY for v in tab.loc[kept, "success"])
    few_note = (msg("time.few_ways", k=str(k)),) if few_shown else ()
    bare_note = (msg("time.no_shares_groups", k=str(k),
                     groups=r.words.join([_inline(label, lang) for label, b, first in
                                          zip(group_labels(s, lang), bare_row, ~tab["group"].duplicated().to_numpy())
                                          if b and first])),) if bare else ()
    # a day with fewer than k left shows "<k" and "–" for its shares: the note says why, as the others do
    left = any(isinstance(a, str) and s_ == "–" for a, s_, keep in zip(tab["at_risk"], tab["success"], kept) if keep)
    left_note = (msg("time.few_left", k=str(k)),) if left else ()
    intro = "time.intro" if shown else "time.intro_success"  # (the other way of leaving withheld: not said as shown)
    return [[Text([msg(intro, k=str(k), measure=lower)], heading),
             plot_time_to_exit(s, lang, moved=r.moved_on) if drawn else Text([msg("time.no_curves_few" if few else "time.no_curves", k=str(k))]),
             # (each group's name once, above its days: "År 1" on each of its rows is noise)
             Table(frame, notes=(note(r), *withheld_note, *few_note, *bare_note, *left_note, *open_note),
                   numeric=(days, *pct, *((at_risk,) if shown else ()), median),
                   group=msg("common.group"))]]


def _inline(label: object, lang: str = "sv") -> str:
    """A group's name inside a sentence: "år 2", not "År 2" (an abbreviation's capitals are kept); the pre-study as a
    sentence names it ("förstudien", "the pre-study"), not as the table's row does."""
    text = str(label)
    if text == t("prestudy", lang):
        return t("prestudy_in_text", lang)
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _number(v: object) -> bool:
    """A share the table shows: a number, not a mark ("..", "–") nor missing."""
    return not isinstance(v, str) and v is not None and not pd.isna(v)
