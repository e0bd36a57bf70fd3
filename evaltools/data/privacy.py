"""Small-count suppression for every person-based table and chart.

The rule (one place, used everywhere): a count of persons from 1 to ``k - 1`` is shown as
``"<k"``. Where a suppressed cell could be recovered from a shown total (its row, its column
or the project total), the next-smallest cell in that line is suppressed as well (secondary
suppression), repeated until no line has exactly one hidden cell; a cell hidden for that reason
is shown as ``".."`` (it is not small, so ``"<k"`` would mislead). Shares and means built on a
suppressed count are hidden with it (``".."``). Zeros are shown: an empty category reveals nothing about
a person. Raw, unsuppressed numbers stay available in code (``.raw``) for the evaluator.

Amounts (means of försörjningsstöd) follow a second rule as well, the (1, k) dominance rule: a
mean is hidden when one person's payments make up more than ``dominance`` (85 % by default) of the
cell's total, because the mean would then tell roughly what that person received.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (annotations only: the functions import them when they run)
    import numpy as np
    import pandas as pd

DEFAULT_MIN_COUNT = 5
DEFAULT_DOMINANCE = 0.85


def suppression_mask(counts: pd.DataFrame, k: int = DEFAULT_MIN_COUNT, *, col_totals: bool = True,
                     row_totals: bool = True, lines: Sequence[tuple[Sequence[int], int]] = (),
                     published: pd.DataFrame | np.ndarray | None = None,
                     hidden: pd.DataFrame | np.ndarray | None = None,
                     few_totals_withheld: bool = False) -> pd.DataFrame:
    """Boolean mask of the cells to hide in a table of person counts.

    Parameters
    ----------
    counts
        Non-negative whole numbers; rows and columns are categories.
    k
        Smallest count that may be shown.
    col_totals, row_totals
        Whether the totals of columns (over rows) and of rows (over columns) are published
        anywhere; each published total is a line through which a hidden cell could be
        recovered, so it gets secondary suppression.
    lines
        Further published sums, each as (row positions, column position): for example the
        quarters of one project year, whose sum the report shows as that year's intake.
    published
        Cells (same shape as ``counts``) whose exact value the report already publishes
        elsewhere, for example a goal's count for one project year (see :func:`already_published`).
        Hiding such a cell protects no one: it is neither suppressed for being small nor chosen
        to protect another cell, and it never counts as hidden.
    hidden
        Cells (same shape as ``counts``) already hidden for another reason, for example a whole
        project year hidden in every goal because one goal hides it; secondary suppression then
        protects them too.
    few_totals_withheld
        Whether a total is withheld where its line's hidden cells hold fewer than ``k`` persons
        together (the goals' totals over the project years): such a total gives nothing away.

    A line's hidden cells are protected when the published total less the shown cells could be
    split among them in more than one way, given what their marks say (:func:`_recoverable`).
    """
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy
    import pandas as pd  # start-up: `import evaltools` (and the command line) does not load pandas
    values = counts.to_numpy(dtype=float)
    known = np.zeros(values.shape, bool) if published is None else np.asarray(published, bool)
    mask = (values > 0) & (values < k) & ~known
    if hidden is not None:
        mask |= np.asarray(hidden, bool) & ~known
    n_rows, n_cols = values.shape
    cells: list[tuple[np.ndarray, np.ndarray]] = []  # each line: the (row, column) positions it sums
    if col_totals:
        cells += [(np.arange(n_rows), np.full(n_rows, j)) for j in range(n_cols)]
    if row_totals and n_cols > 1:
        cells += [(np.full(n_cols, i), np.arange(n_cols)) for i in range(n_rows)]
    cells += [(np.asarray(rows, int), np.full(len(rows), j)) for rows, j in lines if len(rows) > 1]
    changed = True
    while changed:
        changed = False
        for r, c in cells:
            m, v = mask[r, c], values[r, c]
            if _recoverable(v[m], k, few_totals_withheld):
                candidates = np.where(~m & (v > 0) & ~known[r, c], v, np.inf)
                if np.isfinite(candidates).any():
                    idx = int(np.argmin(candidates))
                    mask[r[idx], c[idx]] = True
                    changed = True
    return pd.DataFrame(mask, index=counts.index, columns=counts.columns)


def _recoverable(hidden: np.ndarray, k: int, few_totals_withheld: bool = False) -> bool:
    """Whether a published total gives away the hidden cells of its line (their values ``hidden``).

    One hidden cell is the total less the shown ones. More are recovered when their sum, which the
    total gives, is the least or the most their marks allow (:func:`hidden_label`): ``"<k"`` is 1 to
    k − 1, ``".."`` at least k (at least 0 for a cell hidden for another reason below k), so two
    cells marked ``"<5"`` whose sum is 8 are 4 and 4, and two whose sum is 2 are 1 and 1. With
    ``few_totals_withheld`` a sum below ``k`` is not published, and gives nothing away.
    """
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy
    if len(hidden) == 0:
        return False
    if len(hidden) == 1:
        return True
    if few_totals_withheld and float(hidden.sum()) < k:
        return False
    small = (hidden > 0) & (hidden < k)
    least = float(np.where(small, 1, np.where(hidden >= k, k, 0)).sum())
    most = float(np.where(small, k - 1, np.inf).sum())
    total = float(hidden.sum())
    return total == least or total == most


def already_published(counts: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Which cells of ``counts`` equal a figure the report publishes for the same persons.

    ``published`` has the same index and columns as ``counts``, holding for each cell the count
    that another part of the report (a goal's result, which is the project's public accounting
    and never suppressed) gives for exactly those persons, or NaN where none does. A cell is
    published only where the two agree: a breakdown that repeats a published total hides
    nothing, while a disagreement (another definition) keeps the cell under the rule.
    """
    import pandas as pd  # start-up: `import evaltools` (and the command line) does not load pandas
    same = counts.astype(float).to_numpy() == published.reindex_like(counts).astype(float).to_numpy()
    return pd.DataFrame(same, index=counts.index, columns=counts.columns)


SECONDARY = ".."


def suppressed_label(k: int = DEFAULT_MIN_COUNT) -> str:
    return f"<{k}"


def hidden_label(value: float, k: int) -> str:
    """What a hidden count shows: ``"<k"`` when it is small, ``".."`` when hidden to protect another."""
    return suppressed_label(k) if 0 < value < k else SECONDARY


def apply_mask(table: pd.DataFrame, mask: pd.DataFrame | pd.Series, columns: list[str], k: int,
               derived: tuple[str, ...] = ()) -> pd.DataFrame:
    """Return a copy of ``table`` with the masked rows of count ``columns`` and ``derived`` columns hidden."""
    import pandas as pd  # start-up: `import evaltools` (and the command line) does not load pandas
    out = table.copy()
    m = (mask if isinstance(mask, pd.Series) else mask.any(axis=1)).to_numpy()
    for c in columns:
        out[c] = out[c].astype(object)
        out.loc[m, c] = [hidden_label(float(v), k) for v in table.loc[m, c]]
    for c in derived:
        out[c] = out[c].astype(object)
        out.loc[m, c] = SECONDARY
    return out


def suppress_long(table: pd.DataFrame, count_col: str, group_col: str | None, k: int,
                  derived: tuple[str, ...] = ()) -> pd.DataFrame:
    """Suppress a long table of counts, where each ``group_col`` value is one breakdown whose
    counts add up to a published total (e.g. variable = sex, age group, ...).

    ``derived`` columns (shares, rates, intervals) are hidden wherever their count is.
    """
    import pandas as pd  # start-up: `import evaltools` (and the command line) does not load pandas
    out = table.copy()
    hide = pd.Series(False, index=table.index)
    groups = [table.index] if group_col is None else [g.index for _, g in table.groupby(group_col, sort=False)]
    for idx in groups:
        m = suppression_mask(table.loc[idx, [count_col]], k, col_totals=True, row_totals=False)
        hide.loc[idx] = m[count_col].to_numpy()
    return apply_mask(out, hide, [count_col], k, derived)


def suppress_crosstab(counts: pd.DataFrame, k: int, *, col_totals: bool = True, row_totals: bool = True,
                      lines: Sequence[tuple[Sequence[int], int]] = ()) -> pd.DataFrame:
    """A wide table of counts with primary and secondary suppression, as display values."""
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy
    mask = suppression_mask(counts, k, col_totals=col_totals, row_totals=row_totals, lines=lines)
    out = counts.astype(object).copy()
    for c in out.columns:
        for i in np.flatnonzero(mask[c].to_numpy()):
            out.iloc[i, out.columns.get_loc(c)] = hidden_label(float(counts[c].iloc[i]), k)
    return out


def hides(count: float, k: int = DEFAULT_MIN_COUNT) -> bool:
    """Whether the rule hides a count of persons: from 1 to ``k - 1``. The same rule holds in
    sentences as in tables: a sentence says such a count as "fewer than k" or leaves it out, and
    gives no breakdown with a hidden part. Goal totals (participants and successes per goal) are the
    project's accounting to its funder and are shown; a goal's periods are a breakdown of its total,
    hidden by this rule with secondary suppression, and a share goal whose denominator is hidden by
    it is not assessed (see :func:`evaltools.analysis.goals.hide_small_periods`)."""
    return 0 < count < k


def all_of(part: float, whole: float, k: int = DEFAULT_MIN_COUNT) -> bool:
    """Whether a count is the whole of its group and the group can be named: a sentence then says
    "all 86", not "86 of the 86". Never for a hidden group (it is said as "fewer than k").

    Examples
    --------
    >>> all_of(86, 86), all_of(85, 86), all_of(3, 3), all_of(0, 0)
    (True, False, False, False)
    """
    return part == whole and whole > 0 and not hides(whole, k)


def is_suppressed(value: object) -> bool:
    return isinstance(value, str) and (value.startswith("<") or value == SECONDARY)


def dominated(largest: np.ndarray | float, total: np.ndarray | float, share: float = DEFAULT_DOMINANCE) -> np.ndarray:
    """The (1, k) dominance rule: whether the largest single contribution is more than ``share``
    of a cell's total (a positive total; an empty cell reveals nothing)."""
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy
    largest, total = np.asarray(largest, float), np.asarray(total, float)
    return (total > 0) & (largest > share * total)


def dominated_cells(frame: pd.DataFrame, by: list[str], person: str, amount: str,
                    share: float = DEFAULT_DOMINANCE) -> pd.Series:
    """For each cell of ``by`` in a long table of amounts: whether one ``person``'s sum of
    ``amount`` is more than ``share`` of the cell's total. Indexed by the cells of ``by``."""
    import pandas as pd  # start-up: `import evaltools` (and the command line) does not load pandas
    per_person = frame.groupby([*by, person], sort=False, observed=True)[amount].sum()
    cells = per_person.groupby(level=list(range(len(by))), sort=False).agg(["max", "sum"])
    return pd.Series(dominated(cells["max"].to_numpy(), cells["sum"].to_numpy(), share), index=cells.index)


# --- personnummer ---------------------------------------------------------------------------
# One guard for everything a report can publish or a message can echo: person, payment and
# budget files (cells and headers), params free text and file names, the evaluator's Markdown (as
# written and as rendered) and the wording override files. It errs on the side of refusing: a
# project code never needs a date followed by four digits.
#
# The text is normalised first, so that a spelling chosen to look harmless to a program still
# matches: Unicode NFKC (full-width digits, non-breaking spaces), format characters removed
# (category Cf: zero-width spaces and joiners, soft hyphens, direction marks; also stray combining
# marks), every dash and minus (hyphen, non-breaking hyphen, en dash, em dash, minus sign, ...) read
# as '-', digits of other scripts read as 0-9, and any run of white space (a line break too) as a
# space.
#
# The rule, on the normalised text: a date and four last characters.
#   date: [century 18/19/20] YY [sep] MM [sep] DD, sep one of - . / or a space; MM 01-12 and DD a day
#         that month has (1-29 for February), or that day + 60 (a samordningsnummer);
#   gap:  nothing, a '-' or '+' (with or without spaces around it), or spaces; when the date itself
#         is written with separators (1981-12-18, 81.12.18) the gap must hold a '-' or '+', so that a
#         table row "2019-10-15 | 1500" is not taken for one;
#   last: four digits (one space allowed in the middle: 98 76), or a reserve number with a letter
#         among them (T123); not followed by another digit, nor by '-' or '/' and a digit (the
#         second date of a range, 2023-01-31 - 2024-01-30).
# The Luhn check digit is deliberately NOT required: a mistyped number still points at a person,
# and a test or made-up number written into a report is as unacceptable as a real one. A real date
# is what keeps ordinary figures out: amounts (1 128 000 kr, 3863075), dates (2019-10-15), years
# and ranges (2018-2019) never hold a valid date followed by four more digits.
_SEP = r"(?:[-./]| )?"
_PNR_PATTERN = re.compile(
    r"(?<!\d)(?P<cc>18|19|20)?(?P<yy>\d{2})(?P<s1>" + _SEP + r")(?P<mm>\d{2})(?P<s2>" + _SEP +
    r")(?P<dd>\d{2})"
    r"(?P<gap> ?[-+] ?| ?)"
    r"(?P<tail>\d{2} ?\d{2}|[A-Za-z]\d{3}|\d[A-Za-z]\d{2}|\d{2}[A-Za-z]\d|\d{3}[A-Za-z])"
    r"(?![\d])(?![-/]\d)")
# Excel shows a long number in scientific notation and stores it rounded: 8112189876 becomes
# 8,11219E+09 (or 8.11219E+09); a 12-digit one 1,98112E+11. Such a cell can only have been a
# personnummer-sized number, so it is refused too.
_SCI_PATTERN = re.compile(r"(?<![\d.,])\d[.,]\d+ ?[eE]\+?0?(?:9|11)(?!\d)")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DASHES = "\u2212\u2796\u02d7\u2043"  # minus sign, heavy minus, modifier minus, hyphen bullet (not category Pd)
REDACTED = "[personnummer borttaget]"
# characters that are or become a digit once normalised: decimal digits of any script, superscripts and
# subscripts, circled and parenthesised digits
_DIGITLIKE = re.compile(r"[\d\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u24ff\u2776-\u2793]")


def _norm_char(ch: str) -> str:
    """One character as the guard reads it ('' for an invisible one)."""
    if ch.isascii():
        return " " if ch.isspace() else ch
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Mn", "Me"):
        return ""
    if cat == "Pd" or ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    if cat == "Nd":
        return str(unicodedata.decimal(ch))
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_norm_char(c) if c != ch else c for c in out) if out != ch else ch


def normalise(text: object) -> tuple[str, list[int]]:
    """``text`` as the guard reads it, and for each of its characters the position in ``text``
    it came from (so that a match can be masked in the original).

    White space is folded to single spaces.
    """
    s = "" if text is None else str(text)
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(s):
        for c in _norm_char(ch):
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
            origin.append(i)
    return "".join(out), origin


def _is_date(m: re.Match) -> bool:
    month, day = int(m.group("mm")), int(m.group("dd"))
    if not 1 <= month <= 12:
        return False
    if day > 60:  # a samordningsnummer: the day + 60
        day -= 60
    return 1 <= day <= _DAYS[month - 1]


def _matches(norm: str) -> list[tuple[int, int]]:
    """Spans (in the normalised text) of everything the guard refuses."""
    spans = []
    for m in _PNR_PATTERN.finditer(norm):
        if not _is_date(m):
            continue
        separated = bool(m.group("s1") or m.group("s2"))
        if separated and not m.group("gap").strip():
            continue
        spans.append(m.span())
    spans += [m.span() for m in _SCI_PATTERN.finditer(norm)]
    return spans


def _spans(text: object) -> tuple[str, list[int], list[tuple[int, int]]]:
    s = "" if text is None else str(text)
    if s.isascii():
        norm = re.sub(r"\s+", " ", s)
        if norm == s:
            return s, list(range(len(s))), _matches(s)
    if len(_DIGITLIKE.findall(s)) < 3:  # neither rule can match (Excel's 8,1E9 has the fewest digits)
        return s, [], []
    norm, origin = normalise(s)
    return norm, origin, _matches(norm)


# may_hold_personnummer's rules, one text at a time: nine ASCII digits at least (the pattern matches at
# the start of any text that has them), but not a plain date and time as Excel and pandas write them
# (2025-01-15 00:00:00); Excel's scientific notation of a 10- or 12-digit number; or a character outside
# ASCII with three digit-like characters (superscripts, circled digits, ...)
_NINE_DIGITS = re.compile(r"(?:[^0-9]*[0-9]){9}")
_PLAIN_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_SCIENTIFIC = re.compile(r"[.,]\d+ ?[eE]\+?0?(?:9|11)")


def _may_hold(text: str) -> bool:
    if _NINE_DIGITS.match(text) and not _PLAIN_DATETIME.fullmatch(text):
        return True
    if _SCIENTIFIC.search(text):
        return True
    return not text.isascii() and len(_DIGITLIKE.findall(text)) >= 3


def may_hold_personnummer(cells: pd.Series) -> pd.Series:
    """A fast, loose first pass over a column of text cells: ``False`` only where
    :func:`find_personnummer` certainly finds nothing (fewer than nine ASCII digits, no
    scientific notation and no character outside ASCII), so that only the rest need the full
    check. ``NaN`` cells are ``False``."""
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy or pandas
    import pandas as pd
    # each distinct text is looked at once (a payments file repeats its months, persons and amounts on
    # every row), then the answers are spread back over the cells
    codes, distinct = pd.factorize(cells.astype("string"), use_na_sentinel=True)
    hit = np.fromiter((_may_hold(v) for v in distinct), dtype=bool, count=len(distinct))
    return pd.Series(np.append(hit, False)[codes], index=cells.index, dtype=bool)  # (-1, a missing cell: False)


def may_hold_personnummer_cells(frame: pd.DataFrame) -> np.ndarray:
    """:func:`may_hold_personnummer` of every column of ``frame``, as a boolean array of its shape: each distinct
    text of the whole frame looked at once (an export of 3 000 columns repeats its few words in every column)."""
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy or pandas
    import pandas as pd
    if frame.size == 0 or len(set(frame.dtypes)) != 1:
        return np.column_stack([may_hold_personnummer(frame.iloc[:, j]).to_numpy() for j in range(frame.shape[1])]
                               ) if frame.shape[1] else np.zeros(frame.shape, dtype=bool)
    cells = pd.Series(frame.to_numpy().ravel(order="F"), dtype=frame.dtypes.iloc[0])
    return may_hold_personnummer(cells).to_numpy().reshape(frame.shape, order="F")


# an e-mail address: a name, '@', and a domain of at least two parts (``anna.berg@kommun.se``); the at sign of a
# heading or a note ('kostnad @ 500 kr') has no such name and domain around it
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")


def find_email(text: object) -> bool:
    """Whether ``text`` holds something shaped like an e-mail address, which points out a person as a
    personnummer does.

    >>> find_email("anna.berg@kommun.se"), find_email("Lön @ 500 kr/h"), find_email("@SUM(A1)")
    (True, False, False)
    """
    return isinstance(text, str) and "@" in text and _EMAIL.search(text) is not None


def email_cells(cells: pd.Series) -> pd.Series:
    """:func:`find_email` of each cell of a column, each distinct text looked at once (``NaN`` cells: ``False``)."""
    import numpy as np  # start-up: `import evaltools` (and the command line) does not load numpy or pandas
    import pandas as pd
    codes, distinct = pd.factorize(cells.astype("string"), use_na_sentinel=True)
    hit = np.fromiter((find_email(v) for v in distinct), dtype=bool, count=len(distinct))
    return pd.Series(np.append(hit, False)[codes], index=cells.index, dtype=bool)


# a Swedish phone number, as a participant's is written in an evaluator's text (after :func:`normalise`: any dash a
# hyphen, any white space one space, an invisible character gone). Never after a digit, a plus, a slash, a point, a
# dash or a digit and a space, nor before a digit (with or without a space, or after a dash, colon, point or slash):
# a part of a longer number, an amount grouped in thousands (1 070 123 456), a Dnr (2019/0712), a date and time
# (2019-05-12 08:30) or a personnummer is none; nor is a number of fewer than eight digits (09-12 13-16, opening
# hours) unless it is said to be a phone number.
_NOT_BEFORE = r"(?<![\d+/.-])(?<!\d )"
_NOT_AFTER = r"(?! ?\d)(?![-:.,/]\d)"
_SAID = ("telefonnummer", "telefon", "tel", "tfn", "mobilnummer", "mobilnr", "mobil", "mob", "phone", "ring", "sms")
_PHONE = re.compile(
    # a mobile number: 070-123 45 67, 070-1234567, 070 123 45 67, 0701234567, (070) 123 45 67
    rf"{_NOT_BEFORE}\(?07\d\)? ?(?:[-/] ?)?(?:\d ?){{6}}\d{_NOT_AFTER}"
    # the country code with or without the trunk 0: +46 70 123 45 67, +46 (0)70-123 45 67, 0046 8 123 456 78,
    # +46701234567
    rf"|{_NOT_BEFORE}(?:\+|00) ?46 ?(?:\(0\) ?|0 ?)?[1-9](?:[ -]?\d){{6,8}}{_NOT_AFTER}"
    # a number with its area code and a dash or slash after it: 060-12 34 56, 08-123 456 78, 0611/123 45, 031-123456
    rf"|{_NOT_BEFORE}0[1-9]\d{{0,3}} ?[-/] ?\d{{2,3}}(?: \d{{2,3}}){{1,3}}{_NOT_AFTER}"
    rf"|{_NOT_BEFORE}0[1-9]\d{{0,3}} ?[-/] ?\d{{5,8}}{_NOT_AFTER}"
    # any number said to be one: 'tel. 12 34 56', 'mobil: 123 45 67', 'ring 123 456 78'; not a year, a date or a
    # range of years ('telefon 2022-2023', a budget line), nor an amount grouped in thousands ('telefon 120 000 kr')
    rf"|(?i:\b(?:{'|'.join(_SAID)})\b\.?:? ?(?:nr\.?:? ?)?)(?!(?:19|20)\d\d\b)(?!\d{{1,3}}(?: \d{{3}})+(?![ -]?\d))"
    r"\+?\d(?:[ -]?\d){5,}")


def find_phone(text: object) -> bool:
    """Whether ``text`` holds something shaped like a phone number, which points out a person as a personnummer
    does: a mobile number (``070-123 45 67``, ``0701234567``), one with the country code (``+46 70 123 45 67``), one
    with an area code and a dash (``060-12 34 56``, ``08-123 456 78``), or any number of six digits or more after
    'tel', 'telefon', 'mobil', 'ring' or 'phone'. Not found, by design: amounts (``1 128 000``), dates
    (``2022-08-01``, ``01.08.2022``), a Dnr (``Dnr 2023/145``), an organisation number (``556123-4567``), a
    personnummer (:func:`find_personnummer` finds that).

    >>> find_phone("Ring Anna, 070-123 45 67"), find_phone("+46 70 123 45 67"), find_phone("Dnr 2023/145")
    (True, True, False)
    >>> find_phone("556123-4567"), find_phone("budget 1 128 000 kr"), find_phone("2022-08-01 – 2023-07-31")
    (False, False, False)
    """
    if not isinstance(text, str) or len(_DIGITLIKE.findall(text)) < 6:
        return False
    return any(m.group().lower().startswith(_SAID) or len(re.findall(r"\d", m.group())) >= 8
               for m in _PHONE.finditer(normalise(text)[0]))


def find_personnummer(text: object) -> bool:
    """Whether ``text`` holds something shaped like a Swedish personnummer, samordningsnummer or
    reserve number.

    Recognised (after the normalisation described above, so any dash, invisible character or
    line break may stand in for the separator or sit inside the number): ``811218-9876``,
    ``8112189876``, ``811218+9876``, ``811218 9876``, ``811218–9876``, ``19811218-9876``,
    ``198112189876``, ``19811218 9876``, ``1981-12-18-9876``, ``81.12.18-9876``, ``811218-98 76``,
    reserve numbers with a letter among the last four characters (``811218-T123``), a
    samordningsnummer's day + 60, and Excel's scientific notation of a 10- or 12-digit number
    (``8,11219E+09``). Not recognised, by design: amounts (``1 128 000``), dates
    (``2019-10-15``), ranges (``2018–2019``, ``2023-01-31 – 2024-01-30``).

    Parameters
    ----------
    text
        Any value; non-strings are converted with ``str``.

    Returns
    -------
    bool
    """
    if text is None:
        return False
    return bool(_spans(text)[2])


def redact(text: str) -> str:
    """``text`` with every personnummer-shaped part replaced by ``[personnummer borttaget]``.

    Used on every message the toolkit prints or stores (errors, status files, the report
    index), so that a number that reached a message by mistake is never echoed. Invisible
    characters and odd dashes inside the number are removed with it.
    """
    s = str(text)
    _norm, origin, spans = _spans(s)
    if not spans:
        return s
    out: list[str] = []
    last = 0
    for a, b in sorted(spans):
        start, end = origin[a], origin[b - 1] + 1
        if start < last:  # overlapping matches: extend the previous mask
            out[-1] = REDACTED
            last = max(last, end)
            continue
        out += [s[last:start], REDACTED]
        last = end
    out.append(s[last:])
    return "".join(out)


def neutral_name(path: str | Path, prefix: str = "fil") -> str:
    """A name that stands for a file whose own name must not be shown: ``<prefix>-<hash><suffix>``.

    The hash is of the file's *content* (ten hex digits of its SHA-256, which the appendix's
    checksum line shows in full: the first ten, or the first ten after them that do not themselves
    look like a personnummer, as ten decimal digits now and then do), never of its name: a hash of a
    name shaped like a personnummer could be reversed by trying every date and four digits. A file
    that cannot be read gets a random name, chosen the same way.
    """
    import hashlib
    import uuid
    p = Path(path)
    try:
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        full = h.hexdigest()
    except OSError:
        full = uuid.uuid4().hex + uuid.uuid4().hex
    suffix = p.suffix
    safe = suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix or "") else ""
    return hashed_name(full, prefix, safe)


def hashed_name(hexdigest: str, prefix: str, suffix: str = "") -> str:
    """``<prefix>-<ten hex digits of hexdigest><suffix>``: the first ten digits, or the first ten after
    them that do not make the name look like a personnummer (ten decimal digits now and then do)."""
    # (a window of ten hex digits with a letter in it always exists in practice; the last is kept otherwise)
    windows = [hexdigest[i:i + 10] for i in range(0, len(hexdigest) - 9)]
    digest = next((w for w in windows if not find_personnummer(f"{prefix}-{w}{suffix}")), windows[-1])
    return f"{prefix}-{digest}{suffix}"


def file_names(path: str | Path) -> list[str]:
    """Every name a file goes by: its name as written, the name of each symbolic link it points
    through (a link to a link ...), and the name of the file it finally resolves to."""
    p = Path(path)
    names = [p.name]
    hop = p
    for _ in range(40):  # the operating system's own limit on a chain of links
        try:
            if not hop.is_symlink():
                break
            target = Path(os.readlink(hop))
        except OSError:
            break
        hop = target if target.is_absolute() else hop.parent / target
        names.append(hop.name)
    try:
        names.append(p.resolve().name)
    except (OSError, RuntimeError):
        pass
    return list(dict.fromkeys(n for n in names if n))


def name_looks_like_personnummer(path: str | Path) -> bool:
    """Whether a file's name, as written or through any symbolic link it resolves through, holds
    something shaped like a personnummer (see :func:`file_names`)."""
    return any(find_personnummer(n) for n in file_names(path))


def public_name(path: str | Path, prefix: str = "fil") -> str:
    """The name under which a file is shown in a report: its own name, or a neutral one (see
    :func:`neutral_name`) when that name, or the name of any file it links to, looks like a
    personnummer.

    The name is checked as written and after every symbolic link is resolved, so that neither
    ``811218-9876.csv`` nor a link ``deltagare.csv`` pointing at it is ever printed.
    """
    p = Path(path)
    if name_looks_like_personnummer(p):
        return neutral_name(p, prefix)
    return p.name
