"""Reading the evaluator's files: CSV and text in any encoding Excel writes, .xlsx sheets and
tables, the header row found wherever it is, every cell as text with its row as Excel shows it.

Nothing here judges a value; :mod:`evaltools.data.validation` does. Files are only read."""
from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import datetime as dt
import functools
import hashlib
import io
import math
import re
import warnings
import weakref
import zipfile
from dataclasses import dataclass, field, replace
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

from . import schema as S
from .errors import DataValidationError, Problem, problem
from .messages import message, quote
from .privacy import find_personnummer, redact



def looks_like_personnummer(value: str) -> bool:
    """True if ``value`` contains something shaped like a Swedish personnummer, samordningsnummer or
    reserve number (see :func:`evaltools.data.privacy.find_personnummer` for the spellings)."""
    return find_personnummer(value)


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, hex-encoded."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# the day Excel's date serial numbers count from in the 1900 date system (serial 1 is 1900-01-01, as Excel
# counts 1900 a leap year); a workbook of the 1904 date system counts from 1904-01-01
EXCEL_EPOCH = dt.date(1899, 12, 30)


# --- reading ------------------------------------------------------------------------
@dataclass
class RawTable:
    """A table as read from disk: all cells as text, plus where each row sits in the file.

    ``notes`` are data-quality notes about the file (read as Windows-1252, ids stored as numbers);
    ``errors`` are problems found while reading (hidden rows, formulas without a saved value, a
    duplicated column). ``number_cells`` names, per column, the cells Excel stored as numbers;
    ``cell_columns`` the heading of each row's cell where a table was reshaped from the file's.
    """

    frame: pd.DataFrame
    file_rows: np.ndarray  # 1-based row number in the file for each frame row
    name: str
    notes: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    number_cells: dict[str, np.ndarray] = field(default_factory=dict)
    source: str = ""  # the file as messages name it: its path, and the sheet when a workbook has several
    # per column, the heading each row's cell sits under when that is not the column's own name (a
    # payments file with one column per month: an amount comes from the column '2023-03')
    cell_columns: dict[str, np.ndarray] = field(default_factory=dict)
    # the columns (as letters: 'C') that hold values under an empty heading; they are not read, and a
    # reader for which every column counts (a payments file with one column per month) refuses them
    headless: tuple[str, ...] = ()
    # a workbook's other visible sheets (their names as messages may show them), when the first visible
    # was read for want of a sheet named for the file, and the names that would be (:data:`SHEET_NAMES`)
    other_sheets: tuple[str, ...] = ()
    file_sheets: tuple[str, ...] = ()
    # the day an Excel date serial number counts from: 1899-12-30, or 1904-01-01 in a workbook of the 1904
    # date system (saved by Excel for Mac, or with "Use 1904 date system" on), where 43131 is 2022-02-01
    epoch: dt.date = EXCEL_EPOCH
    # per column, the cells Excel stores as dates (a number under a date format shows as one: 1980 as 1905-06-02)
    date_cells: dict[str, np.ndarray] = field(default_factory=dict)
    # per column, the numbers Excel shows as percents (0,2 under '0 %' shows, and is read, as 20): a share, which an
    # amount column refuses
    percent_cells: dict[str, np.ndarray] = field(default_factory=dict)
    # the cells of the rows read that hold a date under a format showing its year alone ('yyyy': 2022-01-01 shows as
    # 2022), as (file row, the column's name as read): the year Excel shows, which a budget's period column reads
    year_shown: frozenset[tuple[int, str]] = frozenset()
    # per column read under another heading than its own (a budget's 'År' as ``period``), the file's heading, for the
    # messages that list the file's columns
    headings: dict[str, str] = field(default_factory=dict)
    # the formulas on the header row saved without their result (="Bud"&"get"): each has its message in ``errors``,
    # and the column it heads is not read, so that no 'column missing' is said of it as well
    heading_formulas: tuple[str, ...] = ()
    # the sheet's hidden columns that hold values, as (letter, heading) pairs: the note in ``notes`` names their letters
    # as read, which a reader whose columns the contract names may narrow to those it reads
    hidden_headings: tuple[tuple[str, str], ...] = ()
    # the empty cells of a sheet that have a fill colour, as (file row, the column's name as read): a colour that
    # stands for a value ('grön = i arbete') is no value, which a message about the cell says
    coloured: frozenset[tuple[int, str]] = frozenset()
    # the numbers of the rows read whose format shows a unit or divides by 1000 ('# ##0 "kr"', '#,##0, "tkr"'), as
    # (cell, heading, value, format, (the unit's power of 1000 or None, the times it divides by 1000, decimals)):
    # what Excel shows is not the number read, which a loader that knows the file's unit checks
    unit_formats: tuple[tuple[str, str, float, str, tuple[int | None, int, int]], ...] = ()

    def rows_kept(self, keep: np.ndarray, frame: pd.DataFrame | None = None) -> "RawTable":
        """The table with only the rows ``keep`` (a boolean per row) and each row's cell facts with them;
        ``frame``, the table's frame with those rows and its columns as they are to be (default: ``keep``'s rows
        of the frame as it is)."""
        return replace(self, frame=self.frame.loc[keep].reset_index(drop=True) if frame is None else frame,
                       file_rows=self.file_rows[keep],
                       number_cells={c: v[keep] for c, v in self.number_cells.items()},
                       cell_columns={c: v[keep] for c, v in self.cell_columns.items()},
                       date_cells={c: v[keep] for c, v in self.date_cells.items()},
                       percent_cells={c: v[keep] for c, v in self.percent_cells.items()})

    def column_of(self, column: str, i: int) -> str:
        """The heading the ``i``-th row's cell of ``column`` sits under in the file."""
        where = self.cell_columns.get(column)
        return str(where[i]) if where is not None else self.headings.get(column, column)


def row_ranges(rows: list[int]) -> str:
    """Row numbers as a reader lists them, runs of consecutive rows as one range: ``5–9, 12``."""
    runs: list[list[int]] = []
    for r in sorted(set(rows)):
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return ", ".join(f"{a}" if a == b else f"{a}, {b}" if b == a + 1 else f"{a}–{b}" for a, b in runs)


# how far down the header row is looked for: below a title, an example row, or a page of instructions
HEADER_ROWS = 60


def _find_header(cells: pd.DataFrame, wanted: list[str], header_like: Callable[[str], bool] | None = None) -> int:
    """Index of the first row (within the first :data:`HEADER_ROWS`) that holds most of the wanted column
    names (or, with ``header_like``, of the cells it takes for headings)."""
    best, best_hits = 0, -1
    wanted_set = {w.lower() for w in wanted}
    rows = min(HEADER_ROWS, len(cells))

    def count(i: int) -> tuple[int, int]:  # (the wanted names on row i, and those with the cells header_like takes)
        row = {str(v).strip().lower() for v in cells.iloc[i].tolist()}
        named = len(row & wanted_set)
        return named, named + (sum(1 for v in row - wanted_set if v and header_like(v)) if header_like else 0)

    def alone(i: int) -> bool:  # (one filled cell: a title above the table, 'Budget Arbetsbron 2027–2029 (tkr)')
        return sum(1 for v in cells.iloc[i].tolist() if str(v).strip()) == 1

    below = count(0) if rows else (0, 0)
    for i in range(rows):
        (named, hits), below = below, count(i + 1) if i + 1 < rows else (0, 0)
        # a title that reads as a heading is no header when a row of headings below it has as many
        if hits > best_hits or (hits == best_hits > 0 and alone(best) and not alone(i)):
            best, best_hits = i, hits
        # a row with every wanted name ends the search; so does one with as many headings, unless the row under it
        # has as many or more (cells ``header_like`` takes may be the upper row of a header on two rows,
        # 'Kostnadsslag', 'Budget', 'Utfall' over the years): a table further down ('Budget 2024', ..., 'Utfall
        # totalt', a summary under a budget kept a row per line) is never the header of the rows above it
        if wanted_set and (named == len(wanted_set) or (hits >= len(wanted_set) and below[1] < hits)):
            break
    return best


# a number format that writes a whole number with leading zeros ('000' shows 7 as 007), with text before or
# after it ('"P"000' shows P007): how an id keeps its zeros in a column of numbers
_ZEROS_FORMAT = re.compile(r'(?:"([^"]*)"|\\(.))?(0{2,})(?:"([^"]*)")?')


def _padded(v: object, number_format: str) -> str | None:
    """A whole number as a format of leading zeros shows it (7 under '000' is '007'), or None."""
    m = _ZEROS_FORMAT.fullmatch(str(number_format))
    if (m is None or isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
            or v < 0 or v != int(v)):
        return None
    return f"{m.group(1) or m.group(2) or ''}{int(v):0{len(m.group(3))}d}{m.group(4) or ''}"


# the parts of a number format that show no date: text in quotes, an escaped character, a [section]
_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _shows_month(number_format: str) -> bool:
    """Whether a date format shows the month and year without the day or a time ('yyyy-mm', 'mmm-yy',
    'mmmm yyyy', '[$-41D]mmmm yyyy;@')."""
    f = _FORMAT_TEXT.sub("", str(number_format)).lower()
    return "y" in f and "m" in f and not any(ch in f for ch in "dhs")


def shows_year(number_format: str) -> bool:
    """Whether a date format shows the year alone (``yyyy``, ``yy``, ``"År "yyyy``, ``[$-41D]yyyy;@``): a date under
    it shows as its year (2022-01-01 as 2022)."""
    f = _FORMAT_TEXT.sub("", str(number_format)).lower()
    return "y" in f and not any(ch in f for ch in "mdhs")


# the unit words a number format may show after an amount ('# ##0 "kr"', '#,##0, "tkr"', '[$SEK] #,##0'), each with its
# power of 1000 in kronor
_FORMAT_UNITS = {"kr": 0, "sek": 0, "kronor": 0, "tkr": 1, "tsek": 1, "ksek": 1, "kkr": 1, "mkr": 2, "msek": 2, "mnkr": 2}
# a format's text: in quotes, an escaped character, a [$currency-locale], or letters written bare
_FORMAT_LITERAL = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|([A-Za-zÅÄÖåäö]+)')


@functools.lru_cache(maxsize=512)  # (a sheet of payments has thousands of cells and a few formats)
def format_unit(number_format: str) -> tuple[int | None, int, int] | None:
    """What a number format says of the unit of the amounts it shows: the power of 1000 of the unit word it shows
    (0 for ``kr``, 1 for ``tkr``, 2 for ``Mkr``; None where it shows none), how many times it divides by 1000 (a
    comma after the digits, ``#,##0,`` shows 100000 as 100) and the decimals it shows; None for a format that says
    neither (``General``, ``# ##0``, ``0.00``)."""
    fmt = str(number_format or "")
    section, quoted = "", False
    for ch in fmt:  # (the first section, for the positive numbers: ';' in quotes is text)
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            break
        section += ch
    section = re.sub(r"[_*].", "", section)  # (a space as wide as a character, a character repeated: no text)
    words: list[str] = []
    for m in _FORMAT_LITERAL.finditer(section):
        words += [w for w in (m.group(1), m.group(2), m.group(3), m.group(4)) if w]
    text = "".join(words).casefold()
    found = [_FORMAT_UNITS[w] for w in re.findall(r"[a-zåäö]+", text) if w in _FORMAT_UNITS]
    power = found[0] if found else None
    codes = _FORMAT_LITERAL.sub("", section)
    digits = [i for i, ch in enumerate(codes) if ch in "0#?"]
    if not digits:
        return None
    scale = len(codes[digits[-1] + 1:]) - len(codes[digits[-1] + 1:].lstrip(","))
    point = codes.find(".")
    decimals = sum(1 for i in digits if point >= 0 and i > point)
    return (power, scale, decimals) if power is not None or scale else None


def _cell_text(v: object, number_format: str = "") -> str:
    """An Excel cell's value as the evaluator sees it: dates as YYYY-MM-DD, 9000.0 as 9000, a number in
    a percent-formatted cell as the percent Excel shows (0.75 shown as 75 % is 75), a whole number under a
    format of leading zeros as it shows (7 under '000' is 007)."""
    if v is None:
        return ""
    if number_format and number_format[0] in '0"\\' and (shown := _padded(v, number_format)) is not None:
        return shown
    if "%" in str(number_format) and isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
        v = round(float(v) * 100, 10)
    if isinstance(v, dt.datetime):
        if v.time() == dt.time(0, 0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return str(v).upper()
    if isinstance(v, float):
        if math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        # (a number Excel stores is no thousand written with a point: 1.234 is written 1.2340, which nothing reads
        # as 1 234, wherever the cell goes: a budget or payments reshaped from columns keeps no mark of its numbers)
        return repr(v) + "0" if AMBIGUOUS_POINT.fullmatch(repr(v)) else repr(v)
    return str(v)


def _undated_text(number: str) -> str:
    """The text of a number saved under a date format beyond the days Excel has, as :func:`_cell_text` writes a
    number ('1000000000000', not '1e+12')."""
    try:
        return _cell_text(float(number))
    except ValueError:
        return number


# Encodings tried, in order, for a text file without a byte-order mark.
_TEXT_ENCODINGS = (("utf-8", None), ("cp1252", "Windows-1252"), ("latin-1", "ISO-8859-1"))


def _decode(data: bytes, fname: str) -> tuple[str, str | None]:
    """Text of a CSV/TXT file and, if it was not UTF-8, the name of the encoding used."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None  # Excel's "Unicode text"
        except UnicodeDecodeError:
            raise DataValidationError([problem(fname, None, None, None, "file.encoding")]) from None
    head = data[:400]
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without a byte-order mark
        enc = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(enc), None
        except UnicodeDecodeError:
            raise DataValidationError([problem(fname, None, None, None, "file.encoding")]) from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Excel on a Mac saves "CSV (Macintosh)" as Mac OS Roman, and Excel on Windows "CSV (MS-DOS)" as code page
    # 850: read as Windows-1252 their å, ä and ö become Œ, Š, š or †, „, ” (a budget line 'Lön' shown as
    # 'Lšn'). Where Windows-1252 cannot read the file, or reads characters no Swedish text holds, the
    # encoding read is the one in which the most of its bytes are Swedish letters
    found = _letters_read(data)
    if found is not None:
        return data.decode(found[0]), found[1]
    for enc, label in _TEXT_ENCODINGS[1:]:
        try:
            return data.decode(enc), label
        except UnicodeDecodeError:
            continue
    raise DataValidationError([problem(fname, None, None, None, "file.encoding")])  # pragma: no cover


# the one-byte encodings a text file of Swedish comes in besides Windows-1252, with their names as messages
# say them; and the characters that Windows-1252 reads from their å, ä, ö, Å, Ä, Ö, é and that no Swedish
# text holds
_OLD_ENCODINGS = (("mac_roman", "Mac OS Roman (Excel: CSV (Macintosh))"), ("cp850", "DOS (cp850; Excel: CSV (MS-DOS))"))
_NOT_SWEDISH = frozenset("ŒŠšŽžŸƒ‰†‡ˆ˜™‚„")
_ASCII = bytes(range(128))


def _letters_read(data: bytes) -> tuple[str, str] | None:
    """The old encoding (:data:`_OLD_ENCODINGS`) a text file that is not UTF-8 is in, or None for Windows-1252."""
    high = set(data.translate(None, _ASCII))  # (the distinct bytes above ASCII: a file is counted per byte value)
    try:
        shown = {b: bytes([b]).decode("cp1252") for b in high}
    except UnicodeDecodeError:
        shown = None
    if shown is not None and not _NOT_SWEDISH & set(shown.values()):
        return None
    counts = {b: data.count(bytes([b])) for b in high}

    def letters(encoding: str) -> int:
        return sum(counts[b] for b in high if bytes([b]).decode(encoding) in _SWEDISH_LETTERS)
    best = max(_OLD_ENCODINGS, key=lambda e: letters(e[0]))
    return best if letters(best[0]) > (letters("cp1252") if shown is not None else 0) else None


_SWEDISH_LETTERS = frozenset("åäöÅÄÖéÉüÜ")


_SHORT_COLUMN = 64  # rows


def per_distinct(s: pd.Series, compute: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``compute(s)`` (an element-wise operation), computed once for each distinct cell of ``s`` and
    spread back over the cells; a missing cell is one of them. A payments file repeats its person ids,
    months and amounts on every row, and pandas' string methods visit each cell in Python: a file of
    30 000 rows has a few hundred distinct cells per column. A short column is computed as it is
    (finding its distinct cells would cost more than it saves)."""
    if len(s) <= _SHORT_COLUMN:
        out = compute(s.reset_index(drop=True))
    else:
        codes, distinct = pd.factorize(s, use_na_sentinel=False)
        out = compute(pd.Series(distinct, dtype=s.dtype)).take(codes)
    out.index, out.name = s.index, s.name
    return out


def per_distinct_cells(frame: pd.DataFrame, compute: Callable[[pd.Series], pd.Series]) -> pd.DataFrame:
    """``compute`` (an element-wise operation) of every cell of a frame of text cells, as
    ``frame.apply(lambda c: per_distinct(c, compute))`` gives it: computed once for each distinct cell of the whole
    frame. A case system's export of 3 000 columns and a few rows repeats the same few words (empty, 'Ja', 'Nej')
    in every column; one column at a time would cost pandas' overhead 3 000 times over."""
    dtypes = set(frame.dtypes)
    if frame.size == 0 or len(dtypes) != 1:
        return frame.apply(lambda c: per_distinct(c, compute))
    cells = pd.Series(frame.to_numpy().ravel(order="F"), dtype=dtypes.pop())
    out = per_distinct(cells, compute) if len(cells) > _SHORT_COLUMN else compute(cells)
    values = out.to_numpy().reshape(frame.shape, order="F")
    return pd.DataFrame(values, index=frame.index, columns=frame.columns).astype(out.dtype)


def _unreadable(path: Path, fname: str, error: OSError) -> DataValidationError:
    """The error for a data file the system would not let us open: Excel's lock file (``~$name.xlsx``,
    there while ``name.xlsx`` is open) named as such, any other file with the system's reason and what
    usually causes it on an evaluator's laptop (the file open in Excel, or not yet downloaded by OneDrive)."""
    if path.name.startswith("~$"):
        return DataValidationError([problem(fname, None, None, None, "file.excel_lock",
                                            workbook=quote(redact(path.name[2:])))])
    reason = error.strerror or type(error).__name__
    return DataValidationError([problem(fname, None, None, None, "file.unreadable", reason=redact(str(reason))[:120])])


def _read_text_cells(path: Path, fname: str) -> tuple[pd.DataFrame, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise _unreadable(path, fname, e) from None
    if not data:
        raise DataValidationError([problem(fname, None, None, None, "file.empty")])
    if (named := _workbook_named_text(data, path, fname)) is not None:
        raise named
    text, encoding = _decode(data, fname)
    if (markup := _MARKUP.match(text)) is not None:
        # (a web page or an XML file a case system exports as its 'Excel' list, saved with .csv: 'no rows of data' was
        # said of it, as no line of it held a separator)
        kind = "XML" if markup.group(1).lower().startswith("<?xml") else "HTML"
        raise DataValidationError([problem(fname, None, None, None, "file.markup_named_text", kind=kind,
                                           suffix=path.suffix)])
    if not text.strip():  # (empty lines, spaces or a byte-order mark alone: bytes, but no cell; not '0 bytes')
        raise DataValidationError([problem(fname, None, None, None, "file.blank", size=f"{len(data):,}".replace(",", " "))])
    notes = []
    if encoding:
        code = "encoding" if encoding in ("Windows-1252", "ISO-8859-1") else "encoding_old"  # (the report words each)
        notes.append(problem(fname, None, None, None, "file.encoding_note", "warning", code, encoding=encoding))
    sep = _separator([line for line in text.splitlines()[:HEADER_ROWS] if line.strip()])
    said = re.fullmatch(r"\s*sep=(.)\s*", text.split("\n", 1)[0])
    if said is not None:  # a first line 'sep=;' names the separator; Excel reads it and shows the rows below it
        sep, text = said.group(1), text.split("\n", 1)[1] if "\n" in text else ""
    rows = _csv_rows(text, sep, fname)
    if (mixed := _mixed_separator_rows(rows, sep, fname)):
        raise DataValidationError(mixed)
    width = max(map(len, rows), default=0)
    for r in rows:  # (a short row is filled out with empty cells)
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    # column by column (a transpose in C), not a frame built from a list of rows
    cells = pd.DataFrame({j: np.array(col, dtype=object) for j, col in enumerate(zip(*rows))}, columns=range(width),
                         dtype=object)
    if '="' in text:  # (a cell written ="P-0012", as a system exports a text Excel is to keep: read as Excel shows it)
        cells = per_distinct_cells(cells, lambda u: u.map(_text_formula_shown))
    return cells, notes


# a CSV cell written as Excel's formula of a text, ="0012" (its quotes inside doubled), as case and economy systems
# export an id or a date Excel is to keep as written: Excel shows the text, 0012, with its leading zeros
_TEXT_FORMULA = re.compile(r'\s*="((?:[^"]|"")*)"\s*')


def _text_formula_shown(value: object) -> object:
    """The text Excel shows for a cell written ``="0012"`` (``0012``); any other value as it is."""
    if isinstance(value, str) and (m := _TEXT_FORMULA.fullmatch(value)) is not None:
        return m.group(1).replace('""', '"')
    return value


def _workbook_named_text(data: bytes, path: Path, fname: str) -> DataValidationError | None:
    """The error for a workbook saved or renamed with a text file's suffix (``deltagare.csv`` that is an .xlsx, a
    name changed in the Explorer, which hides suffixes), or None: read as text its bytes would be a column of
    noise, and the messages about it of no use."""
    if data.startswith(_OLE):
        if _encrypted(path):
            return DataValidationError([problem(fname, None, None, None, "file.encrypted")])
        kind = right = ".xls"
    elif data.startswith(b"PK\x03\x04"):  # (a zip: Excel's .xlsx, or LibreOffice's .ods, named by its mimetype)
        kind = right = ".ods" if data[30:38] == b"mimetype" and b"opendocument.spreadsheet" in data[:200] else ".xlsx"
    else:
        return None
    return DataValidationError([problem(fname, None, None, path.suffix, "file.workbook_named_text", kind=kind,
                                        suffix=path.suffix, right=right)])


_SEPARATORS = ("\t", ";", ",")
# the start of a web page or an XML file (Excel's 'XML Spreadsheet 2003' too), after a byte-order mark or blank lines
_MARKUP = re.compile(r"[\ufeff\s]*(<!doctype\s+html|<html|<table|<\?xml|<head|<body|<meta)", re.IGNORECASE)


def _separator(lines: list[str]) -> str:
    """The separator of a text file's first lines (empty ones left out): the one that splits the most lines into
    the same number of cells, two or more (then the one that makes more cells; a comma before the others). The
    header and the rows of data decide it, not a title above them: a case system's title or date line written
    without a separator ('Treserva – Deltagarlista'), nor one holding a comma ('Deltagare, Vägen ut 2024') above a
    table separated by semicolons, which split by its comma would leave every row one cell. Lines that no
    separator splits are separated as the first line holding one writes most."""
    best: tuple[int, int, bool] | None = None
    chosen = ","
    for sep in _SEPARATORS:
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=sep)]
        except csv.Error:  # (a quote that never closes: each line counted as written)
            widths = [line.count(sep) + 1 for line in lines]
        shared = collections.Counter(w for w in widths if w > 1)
        if not shared:
            continue
        score = max((n, w, sep == ",") for w, n in shared.items())
        if best is None or score > best:
            best, chosen = score, sep
    if best is not None:
        return chosen
    first = next((line for line in lines if any(sep in line for sep in _SEPARATORS)), lines[0] if lines else "")
    counts = {sep: first.count(sep) for sep in _SEPARATORS}
    return max(counts, key=lambda k: (counts[k], k == ","))


_SEPARATOR_NAMES = {"sv": {"\t": "tabb", ";": "semikolon (;)", ",": "komma (,)"},
                    "en": {"\t": "tab", ";": "semicolon (;)", ",": "comma (,)"}}


def _mixed_separator_rows(rows: list[list[str]], sep: str, fname: str) -> list[Problem]:
    """One problem per row of a text file with fewer cells than the file's rows have where its cells hold exactly the
    missing number of another separator (``P2;timra;man,1965,…`` in a file separated by commas: a row pasted from a
    file of the other kind). Read as it is, its values would land in the wrong columns, and each be refused under a
    heading not its own; the value itself is not echoed. A file of which other rows are short as well (a system that
    leaves a row's empty cells at its end out) is left alone: a note with a semicolon in it may be such a row."""
    widths = collections.Counter(len(r) for r in rows if len(r) > 1)
    if not widths:
        return []
    width = widths.most_common(1)[0][0]
    out = []
    for i, row in enumerate(rows, 1):
        if len(row) >= width or not any(cell.strip() for cell in row):
            continue
        other = next((s for s in _SEPARATORS if s != sep and sum(cell.count(s) for cell in row) == width - len(row)),
                     None)
        if other is None:
            return []  # (a short row of another kind)
        out.append(problem(fname, i, None, None, "csv.mixed_separator", n=str(len(row)), width=str(width),
                           **{f"{k}_{lang}": _SEPARATOR_NAMES[lang][s] for lang in ("sv", "en")
                              for k, s in (("sep", sep), ("other", other))}))
    return out


# the longest cell a text file may hold: a page of text, far beyond any data value (csv's own
# limit, 131 072, is where a quote that never closes is usually found)
MAX_CSV_FIELD = 131_072


def _csv_rows(text: str, sep: str, fname: str) -> list[list[str]]:
    """The rows of a text file; a cell longer than :data:`MAX_CSV_FIELD` (in practice a quote that
    never closes) or anything else the csv module cannot parse is refused naming the row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as e:
        at = len(rows) + 1  # the first row that could not be read, as a text editor counts it
        if "field larger than field limit" in str(e):
            raise DataValidationError([problem(fname, at, None, None, "csv.field_too_long", row=at,
                                               limit=f"{MAX_CSV_FIELD:,}".replace(",", " "))]) from None
        raise DataValidationError([problem(fname, at, None, None, "csv.unreadable", row=at,
                                           reason=str(e)[:80])]) from None
    return rows


def _visible(ws) -> bool:
    return getattr(ws, "sheet_state", "visible") == "visible"


# The names a Swedish workbook gives the sheet of a data file, besides the file's own name: a sheet
# named so (in any case, with spaces around) is that file's sheet, as a sheet named like the file is
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "participants": ("deltagare",), "payments": ("utbetalningar", "försörjningsstöd"), "budget": ("budget",),
    "comparison": ("jämförelsegrupp", "jämförelsegruppen"),
    # (Excel names a sheet in at most 31 characters: 'Jämförelsegruppens utbetalningar' has 32, so the messages name
    # the sheets Excel can have, SHEET_NAME_MAX; it is read where another program wrote it)
    "comparison_payments": ("utbetalningar jämförelsegrupp", "utbetalningar jämförelse", "jämförelse utbetalningar",
                            "jämförelsegruppens utbetalningar"),
    "earnings": ("inkomster", "arbetsinkomster"), "benefits": ("ersättningar",),
    "responses": ("svar", "enkätsvar"), "questions": ("frågor",),
}


# the most characters Excel allows in a sheet's name
SHEET_NAME_MAX = 31


def sheet_names_shown(table: str) -> tuple[str, ...]:
    """The sheet names a message gives for the data file ``table``: its own, then its Swedish ones that Excel can
    write (:data:`SHEET_NAME_MAX`), capitalised."""
    return (table, *(w.capitalize() for w in SHEET_NAMES.get(table, ()) if len(w) <= SHEET_NAME_MAX))


# a sheet whose name says it is the comparison group's ('Utbetalningar jämförelse', 'Kontrollgrupp 2024'): never the
# participants' list kept on another sheet
_COMPARISON_SHEET = re.compile(r"jämf|jamf|jmf\b|kontrollgrupp|comparison|control\s*group", re.IGNORECASE)


def _table_sheet(wb, table: str | None):
    """The visible sheet named like the data file ``table`` (its own name, or its Swedish name in
    :data:`SHEET_NAMES`, in any case and with spaces around), or ``None``."""
    if table is None:
        return None
    if table in wb.sheetnames and _visible(wb[table]):
        return wb[table]
    wanted = {table.casefold(), *SHEET_NAMES.get(table, ())}
    found = [ws for ws in wb.worksheets if _visible(ws) and ws.title.strip().casefold() in wanted]
    return found[0] if len(found) == 1 else None


def sheets_beside(path: Path, source: str) -> tuple[str, ...]:
    """The visible sheets of the workbook ``path`` other than the one read (named at the end of ``source``,
    the file as messages name it, ``deltagare.xlsx [Budget]``), as messages may show them; none for a
    text file or a workbook of one sheet."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not source.endswith("]"):
        return ()
    wb = _load_workbook(path, data_only=True)
    return tuple(redact(ws.title) for ws in wb.worksheets
                 if _visible(ws) and not source.endswith(f" [{redact(ws.title)}]"))


def cells_above(path: Path, source: str, header_row: int) -> tuple[str, ...]:
    """The filled cells of the rows above the header row ``header_row`` (1-based) of the sheet read (named at the end
    of ``source``), as text: a title, or a line saying what the amounts are in (``Belopp i tkr``); none above row 1."""
    return tuple(str(v).strip() for _, row in rows_to_header(path, source, header_row)[:-1] for v in row
                 if v is not None and str(v).strip())


def rows_to_header(path: Path, source: str, header_row: int) -> list[tuple[int, tuple]]:
    """The rows of the sheet read (named at the end of ``source``) from the first to the header row ``header_row``
    (1-based), each with its row number and its values as the file holds them (an Excel date as a date, a text file's
    cells as text); none for a header on row 1 or another kind of file."""
    if header_row <= 1:
        return []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        wb = _load_workbook(path, data_only=True)
        title = sheet_read(path, source)
        ws = wb[title] if title in wb.sheetnames else next((w for w in wb.worksheets if _visible(w)), None)
        if ws is None:
            return []
        rows = ws.iter_rows(min_row=1, max_row=header_row, values_only=True)
        return [(i, tuple(row)) for i, row in enumerate(rows, start=1)]
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        cells, _ = _read_text_cells(path, source)
        top = cells.iloc[:header_row]
        return [(i, tuple(row)) for i, row in enumerate(top.itertuples(index=False), start=1)]
    return []


def sheet_read(path: Path, source: str) -> str:
    """The name of the sheet read, as ``source`` (``budget.xlsx [2024]``) ends with it and messages show it: the
    longest visible sheet's name it ends with in brackets, so that a name with brackets of its own (``2024
    [personnummer borttaget]``, a number taken out of it) is named whole; ``''`` for a text file or a workbook of one
    sheet."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not source.endswith("]"):
        return ""
    titles = [redact(ws.title) for ws in _load_workbook(path, data_only=True).worksheets]
    return max((t for t in titles if source.endswith(f" [{t}]")), key=len, default="")


# a word broken over two lines of its cell with a hyphen (Alt+Enter after 'Start-', then 'datum'), as a narrow column's
# heading is written: one word on one line ('Startdatum'); a hyphen that is part of the word ('FK-' over 'handläggare',
# after a capital) stays, and so does one before a digit ('Budget-' over '2024')
_BROKEN_WORD = re.compile(r"(?<=[a-zåäöéü])-[ \t]*\r?\n\s*(?=[a-zåäöéü])")
_HYPHENED_WORD = re.compile(r"(?<=[A-ZÅÄÖ])-[ \t]*\r?\n\s*(?=[a-zåäöéü])")


def one_line(heading: str) -> str:
    """A heading as it reads on one line: its lines joined by a space (``Start`` over ``datum``, two words), a word
    broken with a hyphen at a line's end joined whole (``Start-`` over ``datum`` is ``Startdatum``; ``FK-`` over
    ``handläggare`` is ``FK-handläggare``), and its spaces one each."""
    return " ".join(_HYPHENED_WORD.sub("-", _BROKEN_WORD.sub("", heading)).split())


def sheets_alike(path: Path, source: str, headings: list[str]) -> tuple[str, ...]:
    """The other visible sheets of the workbook ``path`` with every heading of the sheet read (named at the end of
    ``source``) on one of their first rows, whatever its letter case and spaces: the same list kept on a sheet per
    year ('2024', '2025'), of which one sheet is read. A sheet named for another data file (a comparison group's
    beside the participants') is none of them; none for a text file, a workbook of one sheet or fewer than two
    headings."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not source.endswith("]"):
        return ()
    wanted = {one_line(str(h)).casefold() for h in headings if str(h).strip()}
    if len(wanted) < 2:
        return ()
    tables = {w for t, words in SHEET_NAMES.items() for w in (t, *words)}
    found = []
    for ws in _load_workbook(path, data_only=True).worksheets:
        if (not _visible(ws) or source.endswith(f" [{redact(ws.title)}]") or ws.title.strip().casefold() in tables
                or _COMPARISON_SHEET.search(ws.title)):
            continue
        for row in ws.iter_rows(min_row=1, max_row=HEADER_ROWS, values_only=True):
            if wanted <= {one_line(str(v)).casefold() for v in row if v is not None}:
                found.append(redact(ws.title))
                break
    return tuple(found)


def _pick_sheet(wb, sheet: str | int, table: str | None, fname: str):
    """The sheet to read and, when the workbook's first sheet is hidden and a visible one was read
    in its place, a note saying which. A hidden sheet is read only when the params name it
    (``data.excel_sheet``); a sheet number counts the visible sheets."""
    names = wb.sheetnames
    if isinstance(sheet, str) and sheet in names:
        # data.excel_sheet holds for every file of the params file: a sheet named for another file (the
        # budget's 'Budget' read as the participants) is never what is meant, and its rows would be read as
        # this file's; say so once, not a missing column each
        owner = next((t for t, words in SHEET_NAMES.items() if t != table
                      and sheet.strip().casefold() in {t, *words}), None)
        if table is not None and owner is not None and sheet.strip().casefold() not in {table, *SHEET_NAMES.get(table, ())}:
            own = _table_sheet(wb, table)
            raise DataValidationError([problem(fname, None, None, None, "sheet.named_for_other", sheet=quote(sheet),
                                               own=quote(own.title) if own is not None else " / ".join(
                                                   quote(n) for n in sheet_names_shown(table)))])
        return wb[sheet], None
    named = _table_sheet(wb, table) if sheet == 0 else None
    if named is not None:  # one sheet per data file (the template, or a workbook with Swedish sheet names)
        return named, None
    visible = [ws for ws in wb.worksheets if _visible(ws)]
    if isinstance(sheet, int) and 0 <= sheet < len(visible):
        ws = visible[sheet]
        note = None
        if not _visible(wb.worksheets[0]):
            note = problem(fname, None, None, None, "sheet.first_hidden", "warning", "first_sheet_hidden",
                           hidden=quote(redact(wb.worksheets[0].title)), read=quote(redact(ws.title)))
        return ws, note
    if isinstance(sheet, int) and not visible:
        raise DataValidationError([problem(fname, None, None, None, "sheet.no_visible")])
    raise DataValidationError([problem(fname, None, None, None, "sheet.missing", sheet=repr(sheet),
                                       sheets=", ".join(repr(n) for n in names))])


_FORMULA_CELL = re.compile(rb"<f[\s>/]")

# Within :func:`workbooks_kept`: the workbooks loaded so far, by file (path, size, modification time)
# and whether cached values or formulas were read; ``None`` outside it.
_WORKBOOKS: dict[tuple, object] | None = None


@contextlib.contextmanager
def workbooks_kept() -> Iterator[None]:
    """Within this block each workbook is loaded once, however many of its sheets are read.

    The data template holds every table of a project in one workbook, and loading it is most of what
    reading a sheet costs (docs/benchmarks.md). The workbooks are let go when the block ends, so that
    none stays in memory after a project is read. Blocks inside blocks share the outer one's.
    """
    global _WORKBOOKS
    if _WORKBOOKS is not None:
        yield
        return
    _WORKBOOKS = {}
    try:
        yield
    finally:
        _WORKBOOKS = None


def _load_workbook(path: Path, data_only: bool):
    """``openpyxl.load_workbook``, once per file within :func:`workbooks_kept`. Read, never changed."""
    if _WORKBOOKS is None:
        return _opened(path, data_only)
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, data_only)
    if key not in _WORKBOOKS:
        _WORKBOOKS[key] = _opened(path, data_only)
    return _WORKBOOKS[key]


# openpyxl's warning for a number under a date format beyond the days Excel has (a serial of 1e12, or below 0),
# whose cell it then reads as Excel's error value #VALUE!, which the cell does not hold: the warning names the cell
# and the number
_UNDATED_WARNING = re.compile(r"Cell (\$?[A-Z]+\$?\d+) is marked as a date but the serial value (\S+) is outside")
# per workbook opened, those cells: (sheet title, cell) -> the number the cell holds
_UNDATED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _opened(path: Path, data_only: bool):
    """The workbook ``path`` as openpyxl reads it, and in :data:`_UNDATED` its cells that hold a number under a date
    format beyond the days Excel has (openpyxl's ``#VALUE!`` in their place, and a warning naming each, in the order
    the sheets and their rows are read; the warning is not passed on, since the cell's message says it). Other
    warnings are passed on as they were."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path, data_only=data_only)
    said: list[tuple[str, str]] = []
    for w in caught:
        m = _UNDATED_WARNING.match(str(w.message))
        if m is None:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        else:
            said.append((m.group(1).replace("$", ""), m.group(2)))
    undated: dict[tuple[str, str], str] = {}
    # (the warning does not name the sheet: each is matched, in order, to the next such cell of the sheets read)
    at = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows() if at < len(said) else ():
            for c in row:
                if at < len(said) and c.data_type == "e" and c.value == "#VALUE!" and c.coordinate == said[at][0]:
                    undated[(ws.title, c.coordinate)] = said[at][1]
                    at += 1
    _UNDATED[wb] = undated
    return wb


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula cell, read from its XML without loading it."""
    # a formula cell is an <f> element (<f>...</f>, <f t="shared" .../>); the template's drop-down
    # lists are <formula1> elements, which are no formula cells and need no second reading
    with zipfile.ZipFile(path) as z:
        return any(n.startswith("xl/worksheets/") and _FORMULA_CELL.search(z.read(n)) for n in z.namelist())


# a formula cell in a sheet's XML, with its attributes (its reference, r="C12"): the formula is the cell's first child
_FORMULA_AT = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f[\s>/]")
_CELL_ROW = re.compile(rb"\br=\"[A-Za-z]{1,3}(\d+)\"")


def _last_formula_row(path: Path) -> int | None:
    """The last row of any sheet of the workbook with a formula cell, read from its XML without loading it (0 without
    one); None where a formula cell does not say its row (a writer may leave the reference out), so that every row
    is read."""
    last = 0
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if not n.startswith("xl/worksheets/"):
                continue
            for m in _FORMULA_AT.finditer(z.read(n)):
                row = _CELL_ROW.search(m.group(1))
                if row is None:
                    return None
                last = max(last, int(row.group(1)))
    return last


def _last_filled_row(ws, path: Path) -> int | None:
    """The last row of the sheet with a cell holding something, or None to read every row the sheet has: a sheet
    formatted down to Excel's last row (1 048 576) holds a cell on every row, none of them to read, and each row's
    every column would be visited. Where the workbook holds a formula, the rows are read down to its last formula
    cell too (of any sheet, :func:`_last_formula_row`): a formula saved without its result looks, once loaded, like
    an empty formatted cell, and is told of wherever it is."""
    cells = getattr(ws, "_cells", None)
    if not isinstance(cells, dict):
        return None
    last = max((r for (r, _), c in cells.items() if c.value is not None or c.data_type != "n"), default=None)
    if last is None:
        return None
    formula = _last_formula_row(path)  # (0 without a formula)
    return None if formula is None else max(last, formula)


def _formula_cells(path: Path, sheet_title: str, table: str | None, sheet: str | int) -> dict[tuple[int, int], str]:
    """Cells that hold a formula, as (row, column) -> formula; empty when the workbook has none."""
    if not _has_formulas(path):
        return {}
    wb = _load_workbook(path, data_only=False)
    ws = wb[sheet_title]
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")}


# workbooks of other formats than Office Open XML: Excel's older (.xls) and binary (.xlsb) ones, LibreOffice's
# and Numbers'
_OTHER_WORKBOOKS = (".xls", ".xlsb", ".ods", ".numbers", ".fods")

# the namespace of a workbook saved by Excel as "Strict Open XML" (openpyxl reads only the transitional one)
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"

# the first bytes of a Compound File, the container of an .xls workbook and of an .xlsx saved with a password
# (its stream 'EncryptedPackage' holds the workbook, encrypted)
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")

# the name of the stream that holds the workbook in a Compound File saved with a password, as the file writes it
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _encrypted(path: Path) -> bool:
    """Whether a Compound File (an .xls, or an .xlsx saved with a password) holds the stream 'EncryptedPackage'.
    Its streams' names are in its directory, which a writer may put after the streams, far into a large workbook:
    it is read where the file's header says it starts (the sector at byte 48, of 2 ** the size at byte 30),
    besides the first 64 kB."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
            if _ENCRYPTED in head:
                return True
            if len(head) < 52 or not head.startswith(_OLE):
                return False
            shift, first = int.from_bytes(head[30:32], "little"), int.from_bytes(head[48:52], "little")
            if not 7 <= shift <= 16 or first >= 0xFFFFFFFA:  # (no sector: the header is broken)
                return False
            f.seek((first + 1) << shift)
            return _ENCRYPTED in f.read(1 << shift)
    except OSError:
        return False


# What a workbook may unpack to. Excel's largest sheet (1 048 576 rows) of a payments file's three columns
# unpacks to about 180 MB, packed about ten times; openpyxl takes some ten times the unpacked size in memory.
# A part packed a hundred times tighter than that, or a workbook that unpacks beyond this, is no data file
# Excel wrote: a shared-strings table of 1 GB packs into 1 MB and took 2.2 GB of memory to read
MAX_XLSX_UNPACKED = 1024 * 1024 * 1024
MAX_XLSX_RATIO, _RATIO_FROM = 200, 16 * 1024 * 1024


def _unpacked_too_big(path: Path, fname: str) -> DataValidationError | None:
    """The error for a workbook that unpacks to more than any data file holds, or None. Read from the zip's
    own directory (Python's zip reader never unpacks more than it declares), before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # (openpyxl says what is wrong with it)
    total = sum(p.file_size for p in parts)
    largest = max(parts, key=lambda p: p.file_size, default=None)
    if largest is None:
        return None
    ratio = largest.file_size / max(largest.compress_size, 1)
    def mb(n: float) -> str:
        return f"{n / 2**20:,.0f}".replace(",", " ")
    if total > MAX_XLSX_UNPACKED:
        return DataValidationError([problem(fname, None, None, None, "file.unpacked_too_big", mb=mb(total),
                                            most=mb(MAX_XLSX_UNPACKED))])
    if largest.file_size > _RATIO_FROM and ratio > MAX_XLSX_RATIO:
        return DataValidationError([problem(fname, None, None, None, "file.packed_too_tight",
                                            part=quote(redact(largest.filename)), mb=mb(largest.file_size),
                                            ratio=f"{ratio:,.0f}".replace(",", " "))])
    return None


def _strict(path: Path) -> bool:
    """Whether the workbook is saved as Strict Open XML, which openpyxl would read as a workbook without sheets."""
    try:
        with zipfile.ZipFile(path) as z:
            return "xl/workbook.xml" in z.namelist() and _STRICT in z.read("xl/workbook.xml")[:4096]
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


# the mark a program that calculates no formulas leaves on a workbook for Excel to calculate it when it opens it
# (read from the file: openpyxl takes a workbook without the attribute as marked)
_FULL_CALC_ON_LOAD = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad=\"(?:1|true)\"")


def _calculated_on_load(path: Path) -> bool:
    """Whether the workbook is marked to be calculated when it is opened (``fullCalcOnLoad``)."""
    try:
        with zipfile.ZipFile(path) as z:
            return bool(_FULL_CALC_ON_LOAD.search(z.read("xl/workbook.xml")))
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


def _external_links(path: Path) -> int:
    """How many other workbooks this one takes values from (its ``xl/externalLinks/`` parts)."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(1 for n in z.namelist() if re.fullmatch(r"xl/externalLinks/externalLink\d+\.xml", n))
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def _office_kind(path: Path) -> str | None:
    """What an Office file that is no workbook is, by the part it holds, as the message that names it (a Word document,
    a presentation), or None (a workbook, or no Office file)."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "xl/workbook.xml" in names:
        return None
    return ("file.office_kind.word" if "word/document.xml" in names
            else "file.office_kind.powerpoint" if "ppt/presentation.xml" in names else None)


def _looks_like_text(head: bytes) -> bool:
    """Whether a file's first bytes are text as a CSV file holds it: UTF-16 with its byte-order mark, or bytes without
    a NUL and with a separator on their first line (no workbook's bytes are)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    first = head.split(b"\n", 1)[0]
    return bool(head) and b"\x00" not in head and any(sep in first for sep in (b",", b";", b"\t"))


def _read_xlsx_cells(path: Path, fname: str, sheet: str | int, table: str | None):
    try:
        with open(path, "rb"):  # (a file the system will not open is not a broken workbook)
            pass
    except OSError as e:
        raise _unreadable(path, fname, e) from None
    if (too_big := _unpacked_too_big(path, fname)) is not None:
        raise too_big
    if _strict(path):
        raise DataValidationError([problem(fname, None, None, None, "file.strict")])
    try:
        wb = _load_workbook(path, data_only=True)
    # (a damaged workbook: a part cut short, ParseError, a SyntaxError; a cell naming a style the workbook lacks,
    # IndexError; openpyxl says no more of either than a traceback would)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, IndexError, TypeError, AttributeError) as e:
        if path.stat().st_size == 0:
            raise DataValidationError([problem(fname, None, None, None, "file.empty")]) from None
        with open(path, "rb") as f:
            head = f.read(1 << 16)
        if head.startswith(_OLE):  # an Excel file, but no .xlsx: saved with a password, or an old .xls renamed
            key = "file.encrypted" if _encrypted(path) else "file.old_excel"
            raise DataValidationError([problem(fname, None, None, None, key)]) from None
        if (markup := _MARKUP.match(head[:4096].decode("utf-8", errors="replace"))) is not None:
            # (a case system's 'Excel' export that is a web page or XML, named .xlsx: 'BadZipFile' was all it said)
            kind = "XML" if markup.group(1).lower().startswith("<?xml") else "HTML"
            raise DataValidationError([problem(fname, None, None, None, "file.markup_named_workbook", kind=kind,
                                               suffix=path.suffix)]) from None
        if _looks_like_text(head):  # (a CSV file renamed .xlsx: the fix is its suffix, not Excel)
            raise DataValidationError([problem(fname, None, None, path.suffix, "file.text_named_workbook",
                                               suffix=path.suffix)]) from None
        if (other := _office_kind(path)) is not None:  # (a Word document or a presentation given a workbook's name)
            raise DataValidationError([problem(fname, None, None, None, "file.office_named_workbook",
                                               kind_sv=message(other, "sv"), kind_en=message(other, "en"))]) from None
        raise DataValidationError([problem(fname, None, None, None, "file.not_xlsx",
                                           reason=type(e).__name__)]) from None
    ws, note = _pick_sheet(wb, sheet, table, fname)
    rows, numbers = [], []
    saved_empty: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    dates: set[tuple[int, int]] = set()
    percents: set[tuple[int, int]] = set()
    coloured: set[tuple[int, int]] = set()
    years: set[tuple[int, int]] = set()
    # (row, column) -> a number under a format that shows a unit or divides by 1000: its value, format and unit
    unit_formats: dict[tuple[int, int], tuple[float, str, tuple[int | None, int, int]]] = {}
    # (a number under a date format beyond the days Excel has is read as the number it is, not as an error value)
    undated = _UNDATED.get(wb, {})
    for i, r in enumerate(ws.iter_rows(min_row=1, max_row=_last_filled_row(ws, path)), 1):
        dates.update((i, j) for j, c in enumerate(r, 1) if isinstance(c.value, dt.date))
        percents.update((i, j) for j, c in enumerate(r, 1) if isinstance(c.value, (int, float))
                        and not isinstance(c.value, bool) and "%" in str(getattr(c, "number_format", "")))
        rows.append([_undated_text(undated[(ws.title, c.coordinate)])
                     if undated and c.data_type == "e" and (ws.title, c.coordinate) in undated
                     else _cell_text(c.value, getattr(c, "number_format", "")) for c in r])
        months.update((i, j) for j, c in enumerate(r, 1)
                      if isinstance(c.value, dt.date) and _shows_month(getattr(c, "number_format", "")))
        years.update((i, j) for j, c in enumerate(r, 1)
                     if isinstance(c.value, dt.date) and shows_year(getattr(c, "number_format", "")))
        # (a number shown with its leading zeros, 007, has lost none: no note that it may have)
        numbers.append([isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
                        and _padded(c.value, getattr(c, "number_format", "")) is None for c in r])
        # a formula whose saved result is the empty string (=OM(A2="";"";...) filled down below the data) is
        # stored as a text cell with an empty value; a formula saved without any result has no type of text
        saved_empty.update((i, j) for j, c in enumerate(r, 1) if c.value is None and c.data_type == "str")
        coloured.update((i, j) for j, c in enumerate(r, 1) if c.value is None and _filled(c))
        for j, c in enumerate(r, 1):
            if (isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
                    and (shows := format_unit(str(getattr(c, "number_format", "")))) is not None):
                unit_formats[(i, j)] = (float(c.value), str(c.number_format), shows)
    _fill_merged_down(ws, rows, numbers)
    for m in ws.merged_cells.ranges:  # (a year merged down beside its lines shows in each of them as Excel shows it)
        if m.min_col == m.max_col and (m.min_row, m.min_col) in years:
            years.update((r, m.min_col) for r in range(m.min_row + 1, m.max_row + 1))
    totals = _table_total_rows(ws, rows, numbers)
    # (a row made 0 high, dragged shut or given the height 0, is hidden as surely as one Excel hides)
    hidden = {i for i, d in ws.row_dimensions.items() if d.hidden or (d.ht is not None and float(d.ht) == 0)}
    # (row, column) -> the formula, the message's key and the sheet's name
    formulas: dict[tuple[int, int], tuple[str, str, str]] = {}
    missing = [(r, c) for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1)
               if v == "" and (r, c) not in saved_empty and (r, c) not in totals]
    # a workbook marked to be calculated when it is opened (fullCalcOnLoad) was saved by a program that calculates
    # no formulas (openpyxl, XlsxWriter, a script that changed an Excel file's cells): a result saved with a
    # formula there is a placeholder (XlsxWriter's 0) or the result before the change, never Excel's. Excel
    # calculates such a workbook when it opens it and saves it without the mark
    recalc = _calculated_on_load(path)
    if missing or recalc:
        found = _formula_cells(path, ws.title, table, sheet)
        formulas = {k: (found[k], "cell.formula", ws.title) for k in missing if k in found}
        if recalc:
            formulas.update({k: (f, "cell.formula_not_calculated", ws.title) for k, f in found.items()
                             if k not in formulas and k not in totals})
    width = max((len(r) for r in rows), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype="object")
    nums = pd.DataFrame([r + [False] * (width - len(r)) for r in numbers], dtype=bool)
    source = f"{fname} [{redact(ws.title)}]" if len(wb.sheetnames) > 1 else fname
    notes = [note] if note is not None else []
    if links := _external_links(path):  # (the values are Excel's last saved copy of another file's)
        notes.append(problem(fname, None, None, None, "file.external_links", "info", "external_links", n=links))
    for name, at in sorted({(name, r) for (r, _), name in totals.items()}, key=lambda x: x[1]):
        # (a table's total row, Excel's Summa row under a table, is no person or cost line: said, not read)
        notes.append(problem(fname, at, None, None, "sheet.table_total", "info", "table_total",
                             table=quote(redact(name))))
    hidden_columns = _hidden_columns(ws, cells)
    if hidden_columns:  # read as every other column: said, since whoever hid it may have meant it to be left out
        notes.append(problem(source, None, None, None, "sheet.hidden_columns", "warning", "hidden_columns",
                             columns=", ".join(hidden_columns)))
    # the other sheets, where the one read was the first visible for want of one named for the file
    guessed = sheet == 0 and table is not None and _table_sheet(wb, table) is None
    others = tuple(redact(w.title) for w in wb.worksheets if w is not ws and _visible(w)) if guessed else ()
    # the merged ranges (0-based row, first and last column) of the first rows, where headings are
    merged = [(m.min_row - 1, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges if m.min_row <= 16]
    epoch = wb.epoch.date() if isinstance(wb.epoch, dt.datetime) else EXCEL_EPOCH
    shown = pd.DataFrame(False, index=cells.index, columns=cells.columns)
    for r, c in months:
        shown.iat[r - 1, c - 1] = True
    dated = pd.DataFrame(False, index=cells.index, columns=cells.columns)
    for r, c in dates:
        if r <= len(dated) and c <= dated.shape[1]:
            dated.iat[r - 1, c - 1] = True
    percent = pd.DataFrame(False, index=cells.index, columns=cells.columns)
    for r, c in percents:
        if r <= len(percent) and c <= percent.shape[1]:
            percent.iat[r - 1, c - 1] = True
    return (cells, nums, hidden, formulas, source, notes, others, merged, epoch, shown, dated, percent, coloured,
            unit_formats, years)


# the fill colours that show as none: white, and the empty colour a cell without a fill has
_NO_COLOUR = frozenset(("FFFFFFFF", "00FFFFFF", "00000000"))


def _filled(cell) -> bool:
    """Whether a cell has a fill colour (Fyllningsfärg, a pattern too), not white; a colour given by conditional
    formatting is no fill of the cell's own and is not seen."""
    if not getattr(cell, "has_style", False):
        return False
    fill = cell.fill
    if getattr(fill, "fill_type", None) in (None, "none"):
        return getattr(fill, "type", None) == "gradient"  # (a gradient fill has no pattern type)
    rgb = getattr(fill.fgColor, "rgb", None)
    return not (isinstance(rgb, str) and rgb.upper() in _NO_COLOUR and fill.fill_type == "solid")


def _table_total_rows(ws, rows: list[list[str]], numbers: list[list[bool]]) -> dict[tuple[int, int], str]:
    """The cells of the total rows of the sheet's Excel tables (Insert > Table with "Total row" ticked:
    ``Summa`` and a ``SUBTOTAL`` under the columns), as (row, column) -> the table's name, emptied in ``rows``:
    such a row sums the rows above it and is no row of data, and its formulas may have no saved result when
    another program wrote the workbook."""
    cells: dict[tuple[int, int], str] = {}
    for table in ws.tables.values():
        count = int(getattr(table, "totalsRowCount", 0) or 0)
        if count <= 0 or not table.ref:
            continue
        first_col, _, last_col, last_row = openpyxl.utils.cell.range_boundaries(table.ref)
        for r in range(last_row - count + 1, last_row + 1):
            for c in range(first_col, last_col + 1):
                cells[(r, c)] = table.displayName or table.name
                if r <= len(rows) and c <= len(rows[r - 1]):
                    rows[r - 1][c - 1], numbers[r - 1][c - 1] = "", False
    return cells


def _fill_merged_down(ws, rows: list[list[str]], numbers: list[list[bool]]) -> None:
    """A cell merged down over rows (a period written once beside its budget lines, a municipality beside
    its persons) read in each row as Excel shows it there: Excel keeps the value in the first cell only, and
    the rows below would read as empty, or as a value not known. A merge across columns is left as it is, and
    so is an amount merged down: repeated, it would be counted once in every row (a year is repeated)."""
    for m in ws.merged_cells.ranges:
        c = m.min_col - 1
        if m.min_col != m.max_col or m.max_row <= m.min_row or m.min_row > len(rows) or c >= len(rows[m.min_row - 1]):
            continue
        top, number = rows[m.min_row - 1][c], numbers[m.min_row - 1][c]
        if number and not re.fullmatch(r"(19|20)\d\d", top):
            continue
        for r in range(m.min_row, min(m.max_row, len(rows))):
            if c < len(rows[r]):
                rows[r][c], numbers[r][c] = top, number


def _hidden_columns(ws, cells: pd.DataFrame) -> list[str]:
    """The letters of the sheet's hidden columns that hold a value (a hidden empty column is nothing to read)."""
    hidden: set[int] = set()
    for key, d in ws.column_dimensions.items():
        if d.hidden:
            first = d.min or openpyxl.utils.column_index_from_string(key)
            hidden.update(range(first, (d.max or first) + 1))
    used = [i for i in sorted(hidden) if i <= cells.shape[1] and (cells.iloc[:, i - 1] != "").any()]
    return [openpyxl.utils.get_column_letter(i) for i in used]


# the spaces a number is written with between its thousands, all taken out before it is read: the space,
# the non-breaking space Swedish Excel writes, the narrow one (U+202F) and the thin and figure spaces of a
# number copied from a web page or a PDF
# control characters no text cell may hold (tab, line feed and carriage return are text); openpyxl
# refuses them when the report's workbook is written, and a reader cannot see them
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
THOUSANDS = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")

# a number written with points between its thousands and a decimal comma, as German and Swedish habits
# have it ('1.234,50', '1.234.567'), or with commas between its thousands and a decimal point, as English
# ones have it ('1,234.50', '1,234,567'): read as the number, since neither can be read another way
_POINT_THOUSANDS = re.compile(r"-?\d{1,3}(?:\.\d{3})+,\d+|-?\d{1,3}(?:\.\d{3}){2,}")
_COMMA_THOUSANDS = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d+|-?\d{1,3}(?:,\d{3}){2,}")
# one point before three digits and nothing else ('12.000', '1.234'): a thousand (12 000) or a decimal (12),
# never guessed ('0.125' is no thousand)
AMBIGUOUS_POINT = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")
# one comma before three digits and nothing else ('12,000', '150,125'): a thousand as an English Excel writes it
# (12 000) or a decimal comma as a Swedish one does (12), never guessed ('1 234,500', with a space between its
# thousands, and '0,125' are decimals)
AMBIGUOUS_COMMA = re.compile(r"-?[1-9]\d{0,2},\d{3}")
# a number in scientific form ('1E+03', '1,23457E+11'): how Excel shows a number too wide for its column, and
# how it is copied or saved as text from there, with its last digits gone; never read
SCIENTIFIC = re.compile(r"-?\d+(?:[.,]\d+)?[eE][+-]?\d+")
# a space among the digits after a point or a comma ('1.000 000', '1,000 000'): the point (comma) and the space
# cannot both separate thousands and decimals, and read without the space the million would be 1; never guessed
SPACED_DECIMALS = re.compile(r"[.,]\d+[ \u00a0\u202f\u2009\u2007]+\d")


def plain_number(text: str) -> str:
    """A number as written in a text cell (its spaces between thousands and currency already out), in the
    form ``float`` reads: a decimal comma as a point, points between thousands out (``1.234,50`` is
    ``1234.50``), commas between thousands out (``1,234.50``). A text :data:`AMBIGUOUS_POINT` or
    :data:`AMBIGUOUS_COMMA` matches (``12.000``, ``12,000``: 12 000 or 12), or one in :data:`SCIENTIFIC` form
    (``1E+03``), is returned as ``"?"``, which no number is, so that it is never read."""
    if _POINT_THOUSANDS.fullmatch(text):
        return text.replace(".", "").replace(",", ".")
    if _COMMA_THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    if AMBIGUOUS_POINT.fullmatch(text) or AMBIGUOUS_COMMA.fullmatch(text) or SCIENTIFIC.fullmatch(text):
        return "?"
    return text.replace(",", ".")


# characters that take no room on screen: a cell pasted from a web page or a chat often ends in one,
# and Excel shows 'P017' for 'P017\u200b' while the two would be different persons
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _trimmed(cells: pd.Series) -> pd.Series:
    """Cells without the spaces (a non-breaking one too) and invisible characters around their value, as
    Excel shows them."""
    return cells.str.strip().str.strip(_INVISIBLE).str.strip()


def _headings_on_one_row(cells: pd.DataFrame, merged: list[tuple[int, int, int]],
                         header_like: Callable[[str], bool]) -> pd.DataFrame:
    """A header written on two rows, as a budget follow-up often has it (``Budget`` merged over the cells
    ``2024`` and ``2025`` below it, ``Utfall`` over the next two), brought to one row as Excel shows it:
    ``Budget 2024``, ``Budget 2025``, ``Utfall 2024``, ... . Only where a merged cell over two columns or more
    makes, with each cell below it, a heading ``header_like`` takes (``2024`` merged over ``Budget`` and ``Utfall``
    too), unless both are headings on their own (a title ``Budget och utfall`` merged over ``Budget 2024``, ...,
    is left as it is); a heading of that upper row over an
    empty cell (``Kostnadsslag``, merged down over both rows or not) is moved down beside them."""
    joined: dict[int, set[int]] = {}
    for r, first, last in merged:
        if last <= first or r + 1 >= len(cells) or r >= 15:
            continue
        top, below = cells.iat[r, first], [cells.iat[r + 1, c] for c in range(first, last + 1)]
        if (top and all(below) and all(header_like(f"{top} {b}") for b in below)
                and not (header_like(top) and any(header_like(b) for b in below))):
            cells = cells.copy() if not joined else cells
            for c, b in zip(range(first, last + 1), below):
                cells.iat[r + 1, c] = f"{top} {b}"
            joined.setdefault(r, set()).update(range(first, last + 1))
    for r, columns in joined.items():
        for c in range(cells.shape[1]):
            if c not in columns and cells.iat[r, c] and not cells.iat[r + 1, c]:
                cells.iat[r + 1, c] = cells.iat[r, c]
    return cells


def read_table(path: str | Path, wanted: list[str], sheet: str | int = 0, table: str | None = None,
               names: tuple[str, ...] = (), header_like: Callable[[str], bool] | None = None) -> RawTable:
    """Read a CSV, TXT or .xlsx file as text cells.

    The header row is the first row (of the first :data:`HEADER_ROWS`) that holds the wanted column names, so an
    Excel sheet with a title row (or the template's example row) above the header loads as it is.
    Text files may be UTF-8 (with or without a byte-order mark), Excel's UTF-16 "Unicode text" or
    Windows-1252 (read with a note), separated by tab, semicolon or comma. Excel date cells read
    as YYYY-MM-DD and numbers as Excel shows them. A workbook with a visible sheet named ``table``
    uses that sheet unless ``sheet`` names another. A hidden sheet is read only when ``sheet`` names
    it; a sheet number counts the visible sheets, and when the workbook's first sheet is hidden a
    note says which sheet was read. A text file's cells may be up to :data:`MAX_CSV_FIELD` characters.
    A heading that is one of ``wanted`` or ``names`` (the contract's column names) in other letter case
    (``Person_ID``, ``START_DATE``) is read as that column. ``header_like`` counts other cells as
    headings when the header row is looked for (a budget's ``Budget 2024``, ``Utfall 2024``); in a header
    row found by those alone, an empty first heading above values is read as the column's letter (``A``).

    Raises
    ------
    DataValidationError
        If the file cannot be read at all (empty, wrong type, no such sheet, unknown encoding).
    """
    path = Path(path)
    fname = str(path)
    suffix = path.suffix.lower()
    nums = None
    hidden: set[int] = set()
    formulas: dict = {}
    other_sheets: tuple[str, ...] = ()
    merged: list[tuple[int, int, int]] = []
    epoch = EXCEL_EPOCH
    shown = dated = percent = None
    coloured_at: set[tuple[int, int]] = set()
    years_at: set[tuple[int, int]] = set()
    unit_formats: dict[tuple[int, int], tuple[float, str, tuple[int | None, int, int]]] = {}
    if path.name.startswith("~$"):  # Excel's lock file beside an open workbook or CSV file: no data at all
        raise _unreadable(path, fname, OSError())
    if suffix in (".xlsx", ".xlsm"):
        (cells, nums, hidden, formulas, fname, notes, other_sheets, merged, epoch, shown, dated,
         percent, coloured_at, unit_formats, years_at) = _read_xlsx_cells(path, fname, sheet, table)
    elif suffix in (".csv", ".txt", ".tsv"):
        cells, notes = _read_text_cells(path, fname)
    else:
        # (a workbook of another format, Excel's older or binary one or LibreOffice's: the fix is to save it again)
        key = "file.type_workbook" if suffix in _OTHER_WORKBOOKS else "file.type"
        raise DataValidationError([problem(fname, None, None, path.suffix, key, suffix=path.suffix or path.name)])
    if len(cells.columns) == 0:
        raise DataValidationError([problem(fname, None, None, None, "file.empty")])
    cells = per_distinct_cells(cells.fillna("").astype(str), _trimmed)
    as_held = cells
    if years_at:  # (a heading that is a date shown as its year, 'Budget' over 2022-01-01 under 'yyyy', is that year)
        cells = cells.copy()
        shown_at = {(r, c): cells.iat[r - 1, c - 1] for r, c in years_at if r <= len(cells) and c <= cells.shape[1]
              and re.match(r"\d{4}-\d\d-\d\d", cells.iat[r - 1, c - 1])}
        # (but not where a row shows one year for different days, a month per column shown as its year: those would be
        # columns alike, which Excel's cells tell apart, and are read as held)
        days: dict[tuple[int, str], set[str]] = {}
        for (r, _), held in shown_at.items():
            days.setdefault((r, held[:4]), set()).add(held)
        for (r, c), held in shown_at.items():
            if len(days[(r, held[:4])]) == 1:
                cells.iat[r - 1, c - 1] = held[:4]
    if header_like is not None and merged:
        cells = _headings_on_one_row(cells, merged, header_like)
    h = _find_header(cells, wanted, header_like) if len(cells) else 0
    for r, c in years_at:  # (below the header the cell is a value, read as it is held: a loader says what it shows)
        if h + 1 < r <= len(cells) and c <= cells.shape[1]:
            cells.iat[r - 1, c - 1] = as_held.iat[r - 1, c - 1]
    # (a heading on two lines of its cell, Alt+Enter in Excel, is read on one; a control character in it, which no
    # reader sees, is named at its cell and left out, so that the heading is read, and named, as it looks)
    header = [one_line(str(v)) for v in (cells.iloc[h].tolist() if len(cells) else [])]
    unseen = [(j, CONTROL.search(name)) for j, name in enumerate(header)]
    header = [CONTROL.sub("", name).strip() if m else name for (_, m), name in zip(unseen, header)]
    # (headings are found whatever their case, as _find_header finds the header row; read by the contract's name)
    canonical = {n.lower(): n for n in (*names, *wanted)}
    written = header
    header = [canonical.get(name.lower(), name) for name in header]
    # (and named in the messages as the file writes it: a budget's 'Period' is 'Period', not 'period')
    as_written = {name: was for name, was in zip(header, written) if name != was}
    if (header_like is not None and header and not header[0] and not set(header) & set(wanted)
            and (cells.iloc[h + 1:, 0] != "").any()):
        # a header row found by ``header_like`` alone (a budget with a column per year) often leaves the
        # cell above the first column's names empty: that column is read under its letter
        header[0] = openpyxl.utils.get_column_letter(1)
    errors: list[Problem] = [problem(fname, h + 1, written[j] or openpyxl.utils.get_column_letter(j + 1), None,
                                     "cell.control", code=f"U+{ord(m.group()):04X}") for j, m in unseen if m]
    letter = openpyxl.utils.get_column_letter
    for r, first, last in sorted(merged) if len(cells) else ():
        # a heading merged over the columns after it (Excel shows it over them all): their values are under no heading
        # and would not be read, without a word where the column is one the file may leave out
        if r != h or not header[first] or last >= len(header):
            continue
        for c in range(first + 1, last + 1):
            if not header[c] and (cells.iloc[h + 1:, c] != "").any():
                errors.append(problem(fname, h + 1, letter(c + 1), None, "column.merged_heading", letter=letter(c + 1),
                                      heading=quote(header[first]), cell=f"{letter(first + 1)}{h + 1}",
                                      cells=f"{letter(first + 1)}{h + 1}:{letter(last + 1)}{h + 1}"))
    seen: dict[str, list[int]] = {}
    for j, name in enumerate(header):
        if name:
            seen.setdefault(name, []).append(j)
    keep_cols = []
    for name, js in seen.items():
        keep_cols.append(js[0])
        if len(js) > 1:
            errors.append(problem(fname, h + 1, name, None, "column.duplicate", column=name, n=len(js),
                                  positions=", ".join(openpyxl.utils.get_column_letter(j + 1) for j in js)))
    keep_cols.sort()
    hidden_headings = tuple((letter, header[openpyxl.utils.column_index_from_string(letter) - 1])
                            for n in notes if n.key == "sheet.hidden_columns"
                            for letter in str(dict(n.values)["columns"]).split(", ")
                            if openpyxl.utils.column_index_from_string(letter) <= len(header))
    body = cells.iloc[h + 1:, keep_cols].copy()
    body.columns = [header[j] for j in keep_cols]
    file_rows = np.arange(h + 2, h + 2 + len(body))
    heading_formulas = []
    for (r, c), (formula, key, title) in sorted(formulas.items()):
        # (the cell as Excel names it, E4 on the sheet 'Deltagare': where to look, whatever the file's name in the message)
        at = {"cell": f"{openpyxl.utils.get_column_letter(c)}{r}", "sheet": quote(redact(title))}
        if r > h + 1 and c - 1 in keep_cols:
            errors.append(problem(fname, r, header[c - 1], None, key, formula=quote(formula), **at))
            if key != "cell.formula":  # (its value is no result: not read, so that it gives no second message)
                body.iat[r - h - 2, keep_cols.index(c - 1)] = ""
        elif r == h + 1 and c <= len(header) and not header[c - 1]:
            # a heading made by a formula (="Utfall "&2024) saved without its result: the column would be
            # left unread under an empty heading, without a word
            errors.append(problem(fname, r, openpyxl.utils.get_column_letter(c), None, "cell.formula",
                                  formula=quote(formula), **at))
            heading_formulas.append(formula)
    keep = (body != "").any(axis=1).to_numpy() if len(body.columns) else np.zeros(len(body), bool)
    if hidden_rows := [int(r) for r in file_rows[keep] if int(r) in hidden]:  # (one message, every row named)
        if len(hidden_rows) == 1:
            errors.append(problem(fname, hidden_rows[0], None, None, "row.hidden"))
        else:
            errors.append(problem(fname, None, None, None, "rows.hidden", rows=row_ranges(hidden_rows),
                                  n=len(hidden_rows)))
    number_cells = {}
    if nums is not None:
        sub = nums.iloc[h + 1:, keep_cols].to_numpy()[keep]
        number_cells = {name: sub[:, k] for k, name in enumerate(body.columns)}
    date_cells = {}
    if dated is not None and dated.to_numpy().any():
        sub = dated.iloc[h + 1:, keep_cols].to_numpy()[keep]
        date_cells = {name: sub[:, k] for k, name in enumerate(body.columns) if sub[:, k].any()}
    percent_cells = {}
    if percent is not None and percent.to_numpy().any():
        sub = percent.iloc[h + 1:, keep_cols].to_numpy()[keep]
        percent_cells = {name: sub[:, k] for k, name in enumerate(body.columns) if sub[:, k].any()}
    if shown is not None and S.MONTH in body.columns and shown.to_numpy().any():
        # a date under a format that shows its month alone ('yyyy-mm', 'mmm-yy', 'mmmm yyyy') is, in the month
        # column, the month Excel shows (a payment date shown as its month); elsewhere it is read as its day
        at = shown.iloc[h + 1:, keep_cols].to_numpy()[:, list(body.columns).index(S.MONTH)]
        body[S.MONTH] = body[S.MONTH].where(~at, body[S.MONTH].str.slice(0, 7))
    below = cells.iloc[h + 1:]
    headless = tuple(openpyxl.utils.get_column_letter(j + 1) for j, name in enumerate(header)
                     if not name and (below.iloc[:, j] != "").any())
    body = body.loc[keep].reset_index(drop=True)
    kept_rows = {int(r) for r in file_rows[keep]}
    coloured = frozenset((r, header[c - 1]) for r, c in coloured_at if r in kept_rows and c - 1 in keep_cols)
    year_shown = frozenset((r, header[c - 1]) for r, c in years_at if r in kept_rows and c - 1 in keep_cols)
    formatted = tuple((f"{letter(c)}{r}", header[c - 1], *shows) for (r, c), shows in sorted(unit_formats.items())
                      if r in kept_rows and c - 1 in keep_cols)
    file_sheets = sheet_names_shown(table) if table and other_sheets else ()
    return RawTable(body, file_rows[keep], path.name, notes, errors, number_cells, fname, headless=headless,
                    heading_formulas=tuple(heading_formulas),
                    other_sheets=other_sheets, file_sheets=file_sheets, epoch=epoch, date_cells=date_cells,
                    hidden_headings=hidden_headings, percent_cells=percent_cells, coloured=coloured,
                    unit_formats=formatted, year_shown=year_shown,
                    headings={name: was for name, was in as_written.items() if name in body.columns})


# --- validation ---------------------------------------------------------------------