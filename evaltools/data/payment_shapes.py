"""The shapes in which finance systems export payments, told apart and brought to the contract's rows.

The contract's own shape is one row per person and month (``monthly``). Systems that pay
försörjningsstöd also export one row per payment with its date (``per_payment``: several a month,
supplementary payments, repayments as negative amounts) or one row per person with one column per
month (``wide``). This module finds the shape from a file's columns and turns a wide table into
one row per person and month, keeping each cell's row and column for the messages; summing
payments into months is done where amounts are checked (:mod:`evaltools.data.validation`).
Nothing here judges an amount.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .reading import EXCEL_EPOCH, RawTable

# Excel counts days from 1899-12-30; a serial in this range is a date from 1954 to 2119
_SERIALS = (20000, 80000)
_YEARS = (1900, 2100)

# month names and abbreviations as Swedish and English Excel write them in a heading (jan-23, okt 2023)
MONTH_NAMES = {
    **{name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
                                           "nov", "dec"), start=1)},
    **{name: i for i, name in enumerate(("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                           "september", "oktober", "november", "december"), start=1)},
    **{name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"), start=1)},
    **{name: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"), start=1)},
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T]00:00(?::00)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})")
_SERIAL = re.compile(r"(\d{5})(?:\.0+)?")
_NAMED = re.compile(r"([a-zåäö]+)\.?[\s\-]*(\d{4}|\d{2})")


def month_heading(text: str, epoch: dt.date = EXCEL_EPOCH) -> str | None:
    """The month a column heading names, as ``YYYY-MM``, or None when it names none.

    Accepted: ``2023-01``, a date (``2023-01-01``, also with ``00:00:00``; an Excel date cell is read
    so), ``202301``, an Excel date serial number (``44927``), and a month name with its year as
    Excel shows a date in Swedish or English (``jan-23``, ``okt 2023``, ``January 2023``).
    """
    t = str(text).strip().lower()
    year = month = None
    m = _ISO.fullmatch(t) or _COMPACT.fullmatch(t)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if m.re is _ISO and m.group(3) is not None:
            try:
                dt.date(year, month, int(m.group(3)))
            except ValueError:
                return None
    elif _SERIAL.fullmatch(t) and _SERIALS[0] <= float(t) <= _SERIALS[1]:
        d = epoch + dt.timedelta(days=int(float(t)))
        year, month = d.year, d.month
    elif (m := _NAMED.fullmatch(t)) and m.group(1) in MONTH_NAMES:
        month = MONTH_NAMES[m.group(1)]
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
    if year is None or month is None or not 1 <= month <= 12 or not _YEARS[0] <= year <= _YEARS[1]:
        return None
    return f"{year:04d}-{month:02d}"


def payments_shape(columns: list[str], declared: str = "auto") -> str:
    """The shape of a payments file: ``declared`` unless it is ``auto``; otherwise ``monthly`` when
    the file has a ``month`` column, ``per_payment`` when it has ``payment_date``, ``wide`` when a
    column heading is a month, and ``monthly`` (whose messages then name the missing columns)
    when none of these is found."""
    if declared != "auto":
        return declared
    if S.MONTH in columns:
        return "monthly"
    if S.PAYMENT_DATE in columns:
        return "per_payment"
    if any(month_heading(c) for c in columns if c not in (S.PERSON_ID, S.HOUSEHOLD_ID)):
        return "wide"
    return "monthly"


def _is_total(heading: str) -> bool:
    return any(heading.strip().lower().startswith(t) for t in S.TOTAL_LABELS)


def long_from_wide(raw: RawTable, fname: str, problems: list[Problem]) -> tuple[RawTable, dict]:
    """One row per person and month paid from a table with one column per month.

    A heading that is a month (:func:`month_heading`) is a month column; ``person_id`` and
    ``household_id`` are kept; a heading without digits (``Summa``, ``Kommentar``) and a total
    column are skipped; any other heading with digits is refused (a month that could not be read
    would otherwise be lost), as is a column holding values under an empty heading. Two columns for
    one month are refused. An empty cell is 0 kr and
    gives no row, except that a person whose every cell is empty keeps one row of 0 kr in the
    first month, so that the file still lists them.

    Returns
    -------
    RawTable
        Columns ``person_id``, ``month``, ``amount`` (and ``household_id``), each row with its row
        in the file and, in ``cell_columns``, the month column its amount came from.
    dict
        Counts for the data-quality note: ``columns``, ``first``, ``last``, ``persons``, ``months``.
    """
    df = raw.frame
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    months: dict[str, str] = {}  # heading -> YYYY-MM
    seen: dict[str, str] = {}  # YYYY-MM -> the first heading for it
    for c in df.columns:
        if c in (S.PERSON_ID, S.HOUSEHOLD_ID):
            continue
        month = month_heading(c, raw.epoch)
        if month is None:
            if any(ch.isdigit() for ch in c) and not _is_total(c):
                problems.append(problem(fname, header_row, c, c, "payment.wide_heading"))
            continue
        if month in seen:
            problems.append(problem(fname, header_row, c, c, "payment.wide_same_month", other=seen[month], month=month))
            continue
        seen[month] = c
        months[c] = month
    for letter in raw.headless:  # amounts under an empty heading would be lost without a word
        problems.append(problem(fname, header_row, letter, "", "payment.wide_no_heading", letter=letter))
    if not months:
        problems.append(problem(fname, header_row, None, None, "payment.wide_no_months"))
    headings = list(months)
    n = len(df)
    ids = df[S.PERSON_ID].to_numpy(object) if S.PERSON_ID in df else np.full(n, "", dtype=object)
    households = df[S.HOUSEHOLD_ID].to_numpy(object) if S.HOUSEHOLD_ID in df else None
    cells = df[headings].to_numpy(object) if headings else np.empty((n, 0), dtype=object)
    filled = cells != ""
    rows_i, cols_j = np.nonzero(filled)
    # a person listed with no amount at all keeps one row of 0 kr in the first month column
    none = np.flatnonzero(~filled.any(axis=1)) if headings else np.array([], dtype=int)
    rows_i = np.concatenate([rows_i, none])
    cols_j = np.concatenate([cols_j, np.zeros(len(none), dtype=int)])
    amounts = np.concatenate([cells[filled], np.full(len(none), "0", dtype=object)]) if headings else np.array([], dtype=object)
    order = np.lexsort((cols_j, rows_i))
    rows_i, cols_j, amounts = rows_i[order], cols_j[order], amounts[order]
    frame = pd.DataFrame({S.PERSON_ID: ids[rows_i],
                          S.MONTH: [months[headings[j]] for j in cols_j],
                          S.AMOUNT: amounts}, dtype="object")
    if households is not None:
        frame[S.HOUSEHOLD_ID] = households[rows_i]
    frame = frame.astype(str).reset_index(drop=True)
    long = RawTable(frame, raw.file_rows[rows_i], raw.name, [], [], {}, raw.source,
                    cell_columns={S.AMOUNT: np.asarray([headings[j] for j in cols_j], dtype=object),
                                  S.MONTH: np.asarray([headings[j] for j in cols_j], dtype=object)}, epoch=raw.epoch)
    ordered = sorted(months.values())
    info = {"columns": len(months), "first": ordered[0] if ordered else "–", "last": ordered[-1] if ordered else "–",
            "persons": len(pd.unique(ids[ids != ""])), "months": len(frame)}
    return long, info
