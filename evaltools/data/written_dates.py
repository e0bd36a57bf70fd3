"""Dates and months as people write them (``1 mars 2024``, ``2024-3-1``, ``20240301``, ``5/3/2024``, ``mars 2024``),
read back as the date or month to write: the hint a data cell and a params file's date get (a value is never taken
in place of the one written)."""
from __future__ import annotations

import datetime as dt
import re


# Month names as Swedish and English Excel write them (a cell formatted "d mmmm yyyy", "mmm-yy"), casefolded
_MONTH_NAMES = {name: i for i, names in enumerate((
    ("januari", "january", "jan"), ("februari", "february", "feb"), ("mars", "march", "mar"),
    ("april", "apr"), ("maj", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
    ("augusti", "august", "aug"), ("september", "sept", "sep"), ("oktober", "october", "okt", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}


def month_number(word: str) -> int | None:
    """The month (1–12) a month's Swedish or English name or its short form names (``maj``, ``Mar.``), or None."""
    return _MONTH_NAMES.get(word.casefold().rstrip("."))



def written_month_hint(v: str) -> tuple[str, dict]:
    """A month typed as text in another way, read back as YYYY-MM: ``2024-3``, ``2024/03``, ``202403``,
    ``2024 03``, ``2024M03`` (as Statistics Sweden's tables write a month), ``mars 2024``, ``mar-24`` (Excel's
    "mmm-yy" typed; a two-digit year is read as 20yy)."""
    w = v.strip()
    if m := re.fullmatch(r"(\d{4})(?:(?:[-./ ]|\s*[mM]\s*)(\d{1,2})|(\d{2}))", w):
        number = int(m.group(2) or m.group(3))
        return ("hint.write_as", {"date": f"{m.group(1)}-{number:02d}"}) if 1 <= number <= 12 else ("", {})
    if (m := re.fullmatch(r"([^\W\d_]+\.?)[\s\-/]+(\d{4}|\d{2})", w)) and (named := month_number(m.group(1))):
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        return "hint.write_as", {"date": f"{year}-{named:02d}"}
    return "", {}


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# a weekday or 'den' before a date written with its month's name ("den 5 mars 2024", "tisdag 5 mars 2024", "Tuesday, 5
# March 2024")
_WEEKDAY_BEFORE = re.compile(r"^(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday"
                             r"|friday|saturday|sunday)(?:en)?,?\s+)?(?:den\s+)?(?=\d)", re.I)


def written_date_hint(v: str) -> tuple[str, dict]:
    """A date typed as text in another order or with other separators: 2024.05.02 and 2024/5/2 are
    read back as YYYY-MM-DD; 30/9/2024 can only be day/month, 9/30/2024 only month/day; 5/3/2024 is
    either, and both readings are offered (the cell is never guessed). A month (``mars 2024``, ``2024-03``,
    ``202403``) is named as one, with the month to write the day in (the day is never guessed)."""
    m = re.fullmatch(r"(\d{4})[./](\d{1,2})[./](\d{1,2})", v)
    if m and (date := _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return "hint.write_as", {"date": date}
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", v)
    if m and (date := _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return "hint.write_as", {"date": date}  # a month or day without its zero: 2024-3-15
    if m:
        # written as asked, but no such day: 2024-13-01 (day and month swapped?) or 2024-02-30
        swapped = _ymd(int(m.group(1)), int(m.group(3)), int(m.group(2)))
        return ("hint.no_such_date_swapped", {"date": swapped}) if swapped else ("hint.no_such_date", {})
    if (m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", v)) and (date := _ymd(*map(int, m.groups()))):
        return "hint.write_as", {"date": date}  # 20240301
    # (Windows' long date in Swedish, 'den 5 mars 2024', or with the weekday, 'tisdag 5 mars 2024': the date after it)
    v = _WEEKDAY_BEFORE.sub("", v)
    m = re.fullmatch(r"(\d{1,2})(?::[ae])?\.?\s+([^\W\d_]+\.?),?\s+(\d{4})", v)  # 1 mars 2024, 1:a mars 2024
    if m and (month := month_number(m.group(2))) and (date := _ymd(int(m.group(3)), month, int(m.group(1)))):
        return "hint.write_as", {"date": date}
    # Excel's 'd-mmm-yyyy' and 'dd-mmm-yy' typed or saved as text (5-mar-2024, 05-mar-24: a two-digit year read as 20yy,
    # as a month's is), and 2024-mar-05
    m = re.fullmatch(r"(\d{1,2})-([^\W\d_]+\.?)-(\d{4}|\d{2})", v) or re.fullmatch(r"(\d{4})-([^\W\d_]+\.?)-(\d{1,2})", v)
    if m and (month := month_number(m.group(2))):
        day, year = (m.group(1), m.group(3)) if len(m.group(1)) <= 2 else (m.group(3), m.group(1))
        if (date := _ymd(int(year) + (2000 if len(year) == 2 else 0), month, int(day))):
            return "hint.write_as", {"date": date}
    m = re.fullmatch(r"([^\W\d_]+\.?)\s+(\d{1,2}),?\s+(\d{4})", v)  # March 1, 2024
    if m and (month := month_number(m.group(1))) and (date := _ymd(int(m.group(3)), month, int(m.group(2)))):
        return "hint.write_as", {"date": date}
    said, values = written_month_hint(v)  # a month where a day is asked for: mars 2024, 2024-03, 202403
    if said:
        return "hint.month_for_date", {"month": values["date"]}
    # (and with a space before the year, as Swedish text writes a date: 15/1 2024)
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})(?:[./-]|\s+)(\d{4})", v)
    if not m:
        return "", {}
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day_month, month_day = _ymd(y, b, a), _ymd(y, a, b)
    if day_month and month_day and day_month != month_day:
        return "hint.day_or_month", {"day_month": day_month, "month_day": month_day}
    date = day_month or month_day
    return ("hint.write_as", {"date": date}) if date else ("", {})
