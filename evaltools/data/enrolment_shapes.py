"""A person file kept with one row per person and a group of numbered columns per enrolment, brought to the
contract's one row per enrolment.

Projects with intakes (an SFI group each term, a course each half-year) often keep their list in Excel with a
row per person and the enrolments side by side: ``start_date 1``, ``end_date 1``, ``outcome 1``,
``start_date 2``, ``end_date 2``, ``outcome 2``. Such a file is read as one row per enrolment: each row gives
one enrolment per number whose cells are not all empty (the first always, so that a person without any date
still gets its messages), with the person's own columns (``person_id``, ``sex``, ``birth_year``, ...)
repeated. Every cell keeps its row and heading for the messages (``row 7, column 'start_date 2'``). The same
groups headed in other words (``Inskriven 1``, ``Avslutad 1``) are never read in their place: one message per
column names the headings to write, as for a column headed in Swedish. Nothing here judges a value.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .reading import RawTable

# the columns of the contract that belong to one enrolment, not to the person
PER_ENROLMENT = (S.START_DATE, S.END_DATE, S.OUTCOME, S.SUPPORT_START, S.SUPPORT_EXIT, S.ACTION_PLAN, S.SGI_STATUS,
                 S.AGE, "months_on_support_before", "occupation_before", "occupation_after", "extent_before_pct",
                 "extent_after_pct")
# a heading with a number at its end: 'start_date 2', 'start_date_2', 'Inskriven 2', 'outcome2'
_NUMBERED = re.compile(r"(?P<base>.*?[^\d\s_])[\s_]*(?P<n>\d{1,2})")


def _folded(heading: str) -> str:
    return re.sub(r"[\s\-_]+", "", heading.casefold())


def numbered_groups(headings: list[str], words: dict[str, tuple[str, ...]] | None = None) -> dict[str, dict[int, str]]:
    """The numbered headings of ``headings`` by the enrolment column they are, and by number:
    ``{'start_date': {1: 'start_date 1', 2: 'start_date 2'}, ...}``. With ``words`` (a column's headings in
    other words, folded), headings that are those words numbered (``Inskriven 1``) instead."""
    out: dict[str, dict[int, str]] = {}
    for h in headings:
        m = _NUMBERED.fullmatch(str(h).strip())
        if m is None:
            continue
        base = _folded(m.group("base"))
        for col in PER_ENROLMENT:
            if (base in words.get(col, ()) if words is not None else base == _folded(col)):
                out.setdefault(col, {})[int(m.group("n"))] = str(h)
                break
    return out


def other_words_problems(raw: RawTable, fname: str, words: dict[str, tuple[str, ...]]) -> tuple[list[Problem], set[str]]:
    """A file whose enrolments are numbered groups headed in other words (``Inskriven 1``, ``Avslutad 1``,
    ``Avslutsorsak 1``) and that lacks the contract's columns: one message per column, naming its numbered
    headings and the headings to write; with the columns so named (their 'missing column' message is this one)."""
    headings = [str(h) for h in raw.frame.columns]
    groups = numbered_groups(headings, words)
    out, named = [], set()
    for col, by_n in groups.items():
        if col in headings or col in numbered_groups(headings):
            continue
        found = ", ".join(f"'{by_n[n]}'" for n in sorted(by_n))
        fix = ", ".join(f"'{col} {n}'" for n in sorted(by_n))
        out.append(problem(fname, None, col, None, "column.numbered_heading", column=col, headings=found, fix=fix))
        named.add(col)
    return out, named


def long_from_numbered(raw: RawTable, fname: str, problems: list[Problem]) -> tuple[RawTable, dict[str, int]] | None:
    """``raw`` as one row per enrolment when its enrolments are numbered groups of the contract's columns
    (``start_date 1``, ``end_date 1``, ``outcome 1``, ``start_date 2``, ...); None when it has none. A column
    written both plain and numbered (``outcome`` beside ``outcome 2``) is a problem: which is the enrolment's
    is not guessed. Returns the table and what was read (persons, enrolments)."""
    headings = [str(h) for h in raw.frame.columns]
    groups = numbered_groups(headings)
    if S.START_DATE not in groups:
        return None
    both = [c for c in groups if c in headings]
    if both:
        for c in both:
            problems.append(problem(fname, None, c, None, "column.numbered_and_plain", column=c,
                                    headings=", ".join(f"'{groups[c][n]}'" for n in sorted(groups[c]))))
        return None
    numbers = sorted({n for by_n in groups.values() for n in by_n})
    grouped = {h for by_n in groups.values() for h in by_n.values()}
    person_cols = [h for h in headings if h not in grouped]
    frame = raw.frame
    parts, rows, where, order = [], [], [], []
    stored: dict[str, list[np.ndarray]] = {}
    for k, n in enumerate(numbers):
        cols = {c: by_n[n] for c, by_n in groups.items() if n in by_n}
        filled = (frame[list(cols.values())] != "").any(axis=1).to_numpy()
        keep = np.ones(len(frame), bool) if k == 0 else filled
        idx = np.flatnonzero(keep)
        part = frame.iloc[idx][person_cols].copy()
        part.attrs = {}  # (the file's own attributes are the table's, kept below)
        for c in groups:
            part[c] = frame.iloc[idx][cols[c]].to_numpy() if c in cols else ""
        parts.append(part.reset_index(drop=True))
        rows.append(raw.file_rows[idx])
        where.append({c: np.full(len(idx), cols.get(c, f"{c} {n}"), dtype=object) for c in groups})
        order.append(np.column_stack([idx, np.full(len(idx), k)]) if len(idx) else np.empty((0, 2), int))
        for c in groups:  # a numbered cell Excel stored as a number: kept under its enrolment column
            nums = raw.number_cells.get(cols.get(c, ""))
            stored.setdefault(c, []).append(nums[idx] if nums is not None else np.zeros(len(idx), bool))
        for h in person_cols:
            nums = raw.number_cells.get(h)
            stored.setdefault(h, []).append(nums[idx] if nums is not None else np.zeros(len(idx), bool))
    # one person's enrolments together, in the file's order of rows and numbers
    sort = np.lexsort((np.concatenate(order)[:, 1], np.concatenate(order)[:, 0]))
    body = pd.concat(parts, ignore_index=True).iloc[sort].reset_index(drop=True)
    body.attrs = dict(frame.attrs)
    number_cells = {k: np.concatenate(v)[sort] for k, v in stored.items()}
    cell_columns = {c: np.concatenate([w[c] for w in where])[sort] for c in groups}
    info = {"persons": int(len(frame)), "enrolments": int(len(body))}
    out = RawTable(body, np.concatenate(rows)[sort], raw.name, raw.notes, raw.errors, number_cells, raw.source,
                   cell_columns, raw.headless, raw.other_sheets, raw.file_sheets, raw.epoch)
    return out, info
