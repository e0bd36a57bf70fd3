"""A participants file's follow-up outcome some months after exit (``outcome_6m``, ``Utfall 6 mån``): the situation
then, which a goal worded for it (``minst 50 % i arbete eller studier sex månader efter avslut``) counts where it says
so (``after_exit_months: 6`` in a share goal of the exits), the participant file's ``outcome`` being the situation
at exit. :func:`followup_outcomes` reads the column for such a goal (its codes checked as the outcome's are, and
translated by the same ``data.codes``); for a goal whose words name the time but do not say so,
:func:`followup_figures` gives the evaluator the column's figures (``validate``; severity ``info``, never in the
report)."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .params import DEFAULT_SUCCESS, ProjectParams, label_words, read_label

# a heading for the outcome some months after exit: 'outcome_6m', 'Utfall 6 mån', 'Status efter 6 månader',
# 'sysselsättning_12_mån_efter_avslut', 'outcome 6 months'
_HEADING = re.compile(
    r"(?:outcome|utfall|status|sysselsättning|situation)\s+(?:efter\s+|after\s+)?(\d{1,2})\s*"
    r"(?:m|mån|man|månader|manader|months?)\.?(?:\s+(?:efter|after)\s+(?:avslut\w*|exit))?")

_NUMBER_WORDS = {"en": 1, "ett": 1, "tre": 3, "sex": 6, "nio": 9, "tolv": 12, "arton": 18, "one": 1, "three": 3,
                 "six": 6, "nine": 9, "twelve": 12, "eighteen": 18}
# a goal's words for the situation some months after exit ('sex månader efter avslut', '6 mån efter avslutad insats',
# 'ett halvår efter avslut', 'six months after exit')
_AFTER_EXIT = re.compile(
    r"\b(\d{1,2}|en|ett|tre|sex|nio|tolv|arton|one|three|six|nine|twelve|eighteen)\s+(?:månader|månad|mån\.?|months?)"
    r"\s+(?:efter|after)\s+(?:avslut|utskrivning|exit|leaving|the\s+end)"
    r"|\b(?:ett\s+)?(halvår)\s+efter\s+(?:avslut|utskrivning)|\b(half\s+a\s+year)\s+after\s+(?:exit|leaving)", re.I)


# characters a heading may hold that show nothing (a direction mark, a zero-width space: pasted from a web page)
_UNSEEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def heading_months(heading: str) -> int | None:
    """The months after exit a follow-up column's heading names (6 for ``outcome_6m``, ``Utfall (6 mån)``,
    ``Utfall 6 mån (kod)``), or None."""
    plain = _UNSEEN.sub("", str(heading))
    for written in (re.sub(r"[()\[\]]", " ", plain), re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", plain)):
        folded = " ".join(re.sub(r"[_\-]+", " ", written).split()).casefold()
        if (m := _HEADING.fullmatch(folded)) is not None:
            return int(m.group(1))
    return None


def goal_months(label: str | None) -> tuple[int, str] | None:
    """(the months after exit, the words saying so as the label has them) of a goal worded for the situation some
    months after exit, or None."""
    if not label:
        return None
    m = _AFTER_EXIT.search(read_label(label))
    if m is None:
        return None
    word = (m.group(1) or "").casefold()
    months = 6 if m.group(2) or m.group(3) else int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return months, label_words(m.group(0), label)


def _named(label: str) -> list[str]:
    """A qualitative goal's outcomes as its words name work and studies (it has no ``success_outcomes`` of its own):
    work with and without support for 'arbete', studies for 'studier'; the default successes where it names neither."""
    folded = label.casefold()
    named = [*(("arbete", "arbete_med_stöd") if re.search(r"\barbet|\bwork|\bemploy", folded) else ()),
             *(("studier",) if re.search(r"\bstudi|\bstud(?:y|ies)\b|\beducation", folded) else ())]
    return named or list(DEFAULT_SUCCESS)


def months_passed(end: pd.Series, months: int, as_of: dt.date | pd.Timestamp) -> pd.Series:
    """Whether ``months`` calendar months after each exit day ``end`` had passed by ``as_of`` (the day itself
    included; 2024-08-31 plus six months is 2025-02-28): the situation then can be known. False where ``end`` is
    empty (still enrolled)."""
    end = pd.to_datetime(end)
    return end.notna() & (end + pd.DateOffset(months=months) <= pd.Timestamp(as_of))


def _columns(frame: pd.DataFrame) -> dict[int, list[str]]:
    """Each number of months after exit a column of ``frame`` is headed for (:func:`heading_months`), with the
    headings naming it in the file's order (two where the file has both 'Utfall 6 mån' and 'outcome_6m')."""
    columns: dict[int, list[str]] = {}
    for h in frame.columns:
        if (months := heading_months(str(h))) is not None:
            columns.setdefault(months, []).append(str(h))
    return columns


def _codes(frame: pd.DataFrame, heading: str, params: ProjectParams) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The follow-up column ``heading`` of ``frame``: its cells as text (empty for none), folded (spaces as one,
    lower case), and as outcome codes (translated by the ``data.codes`` of the outcome column and of the heading)."""
    cells = frame[heading].astype(object).where(frame[heading].notna(), "").astype(str)
    folded = cells.str.replace(r"\s+", " ", regex=True).str.strip().str.casefold()
    own = {**params.data.codes.get(S.OUTCOME, {}), **params.data.codes.get(heading, {})}
    return cells, folded, folded.map(own).fillna(folded) if own else folded


def followup_headings_read(headings, params: ProjectParams) -> set[str]:
    """The headings of the follow-up columns :func:`followup_outcomes` reads (each one for a number of months after
    exit a share goal counts, ``after_exit_months``; two for the same months are both read, to be compared): read,
    so never among the columns the file's note says are not read."""
    wanted = {g.after_exit_months for g in params.goals if g.after_exit_months is not None}
    return {str(h) for h in headings if heading_months(str(h)) in wanted}


def followup_outcomes(frame: pd.DataFrame, df: pd.DataFrame, file_rows, params: ProjectParams,
                      fname: str) -> list[Problem]:
    """For each number of months after exit a share goal counts (``after_exit_months``), the participants file's
    follow-up column for it (``outcome_6m``, 'Utfall 6 mån': :func:`heading_months`) read into ``df`` as
    :func:`~evaltools.data.schema.followup_column` (an outcome code, or empty where the cell is empty or ``okänt``),
    the raw table ``frame`` being row for row with ``df`` (``file_rows`` each row's line in the file). The problems:
    no such column (an error naming the goal and the headings to write); a cell that is no outcome code, once per
    text with its rows (translated first by the ``data.codes`` of the outcome column or of the follow-up column's
    own heading); the goal's words naming another number of months; a situation coded for an enrolment that had not
    ended that long before the data's date (a warning: not counted); two columns for the same months whose situations
    differ (an error naming both and the rows: neither is read)."""
    wanted = sorted({g.after_exit_months for g in params.goals if g.after_exit_months is not None})
    if not wanted or len(frame) != len(df):
        return []
    out: list[Problem] = []
    for g in params.goals:
        said = goal_months(g.label) if g.after_exit_months is not None else None
        if said is not None and said[0] != g.after_exit_months:
            out.append(problem(fname, None, None, None, "person.followup_months_words", "error", "followup_months",
                               goal=g.id, words=said[1], months=str(said[0]), given=str(g.after_exit_months)))
    columns = _columns(frame)
    as_of = pd.Timestamp(params.data_until)
    end = pd.to_datetime(df[S.END_DATE]) if S.END_DATE in df.columns else pd.Series(pd.NaT, index=df.index)
    for months in wanted:
        goals = ", ".join(g.id for g in params.goals if g.after_exit_months == months)
        if months not in columns:
            out.append(problem(fname, None, None, None, "person.followup_column_missing", "error", "followup_column",
                               goals=goals, months=str(months),
                               others=", ".join(f"'{h[0]}'" for h in columns.values()) or "–"))
            continue
        heading, *others = columns[months]
        cells, folded, codes = _codes(frame, heading, params)
        # ('Utfall 6 mån' and 'outcome_6m' both: which one holds the situation is not guessed where they differ)
        differ = [(other, np.flatnonzero((_codes(frame, other, params)[2] != codes).to_numpy())) for other in others]
        differ = [(other, at) for other, at in differ if len(at)]
        if differ:
            other, at = differ[0]
            rows = [int(file_rows[i]) for i in at]
            out.append(problem(fname, rows[0], other, None, "person.followup_two_columns", "error", "followup_columns",
                               first=heading, second=other, months=str(months), goals=goals,
                               rows=", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")))
            continue
        bad = (codes != "") & ~codes.isin(list(S.OUTCOMES))
        for text in dict.fromkeys(folded[bad]):
            at = np.flatnonzero((bad & (folded == text)).to_numpy())
            rows = [int(file_rows[i]) for i in at]
            out.append(problem(fname, rows[0], heading, cells.iloc[at[0]].strip(), "person.followup_code", "error",
                               "followup_code", rows=", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else ""),
                               heading=heading, expected=", ".join(S.OUTCOMES)))
        known = (codes != "") & ~bad & (codes != S.UNKNOWN)
        due = months_passed(end, months, as_of).to_numpy()
        early = np.flatnonzero(known.to_numpy() & ~due)
        if len(early):
            rows = [int(file_rows[i]) for i in early]
            out.append(problem(fname, rows[0], heading, None, "person.followup_early", "warning", "followup_early",
                               n=str(len(rows)), rows=", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else ""),
                               heading=heading, months=str(months), as_of=as_of.date().isoformat()))
        df[S.followup_column(months)] = codes.where(known.to_numpy() & due, None).to_numpy()
        df.attrs.setdefault("followup_headings", {})[months] = heading  # (the report names the column it read)
    return out


def followup_figures(frame: pd.DataFrame, df: pd.DataFrame, params: ProjectParams, fname: str,
                     today: dt.date | None = None) -> list[Problem]:
    """For each share, outcome or qualitative goal worded for the situation N months after exit, where the raw
    participants table ``frame`` (the file's columns, as text; row for row with ``df``, the validated enrolments)
    has a column of the outcome N months after exit: of the enrolments that ended at least N months before the
    data's date (``data_as_of``, else ``today``), how many have an outcome code in that column (``okänt`` and an
    empty cell or another text are none), how many of those one of the goal's outcomes, and how many ended too late
    for the situation then to be known. A column for another number of months than the goal's is left alone."""
    if S.END_DATE not in df.columns or len(frame) != len(df):
        return []
    columns = {months: headings[0] for months, headings in _columns(frame).items()}
    if not columns:
        return []
    as_of = pd.Timestamp(params.data_as_of or today or dt.date.today())
    ended = df[S.END_DATE].notna().to_numpy()
    out = []
    for g in params.goals:
        if g.kind not in ("share", "outcome_count", "qualitative") or g.after_exit_months is not None:
            continue
        said = goal_months(g.label) or goal_months(g.label_en)
        if said is None or said[0] not in columns:
            continue
        months, words = said
        heading = columns[months]
        due = ended & (pd.to_datetime(df[S.END_DATE]) + pd.DateOffset(months=months) <= as_of).fillna(False).to_numpy()
        codes = frame[heading].astype(object).where(frame[heading].notna(), "").astype(str).str.strip().str.casefold()
        coded = due & codes.isin([c for c in S.OUTCOMES if c != S.UNKNOWN]).to_numpy()
        outcomes = list(g.success_outcomes) if g.kind != "qualitative" else _named(read_label(g.label))
        success = coded & codes.isin(outcomes).to_numpy()
        n_coded, n_success = int(coded.sum()), int(success.sum())
        share = f"{n_success / n_coded * 100:.1f}" if n_coded else "–"
        counted = g.kind == "share" and g.numerator == "outcome" and g.denominator == "exits" \
            and not g.composition and g.within_months is None
        key = "person.followup_figures_share" if counted else "person.followup_figures"
        out.append(problem(fname, None, str(heading), None, key, "info", "followup_figures",
                           goal=g.id, words=words, heading=str(heading), months=str(months), as_of=as_of.date().isoformat(),
                           due=str(int(due.sum())), coded=str(n_coded), success=str(n_success), share_sv=share.replace(".", ",") + " %",
                           share_en=share + "%",
                           outcomes=", ".join(outcomes), missing=str(int(due.sum()) - n_coded),
                           not_yet=str(int((ended & ~due).sum()))))
    return out
