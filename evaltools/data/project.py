"""Loading a project: params, participants, payments, comparison group and budget.

``load_project`` is the only reader of project data. It validates every file against the
contract in :mod:`evaltools.data.schema`, collects *all* problems before it raises, and never
writes to the input files.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import hashlib
import html
import io
import math
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from pydantic import ValidationError

from . import schema as S
from .params import ProjectParams, load_params
from .errors import DataValidationError, ParamsError, PersonalIdentityNumberError, Problem, problem, problems_frame
from .messages import DEFAULT_LANG, message, quote
from .paths import find_params
from .privacy import find_personnummer, may_hold_personnummer, public_name


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


# --- reading ------------------------------------------------------------------------
@dataclass
class RawTable:
    """A table as read from disk: all cells as text, plus where each row sits in the file.

    ``notes`` are data-quality notes about the file (read as Windows-1252, ids stored as numbers);
    ``errors`` are problems found while reading (hidden rows, formulas without a saved value, a
    duplicated column). ``number_cells`` names, per column, the cells Excel stored as numbers.
    """

    frame: pd.DataFrame
    file_rows: np.ndarray  # 1-based row number in the file for each frame row
    name: str
    notes: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    number_cells: dict[str, np.ndarray] = field(default_factory=dict)
    source: str = ""  # the file as messages name it: its path, and the sheet when a workbook has several


def _find_header(cells: pd.DataFrame, wanted: list[str]) -> int:
    """Index of the first row (within the first 15) that holds most of the wanted column names."""
    best, best_hits = 0, -1
    wanted_set = {w.lower() for w in wanted}
    for i in range(min(15, len(cells))):
        row = {str(v).strip().lower() for v in cells.iloc[i].tolist()}
        hits = len(row & wanted_set)
        if hits > best_hits:
            best, best_hits = i, hits
        if wanted_set and hits == len(wanted_set):
            break
    return best


def _cell_text(v: object) -> str:
    """An Excel cell's value as the evaluator sees it: dates as YYYY-MM-DD, 9000.0 as 9000."""
    if v is None:
        return ""
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
        return repr(v)
    return str(v)


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
    for enc, label in _TEXT_ENCODINGS:
        try:
            return data.decode(enc), label
        except UnicodeDecodeError:
            continue
    raise DataValidationError([problem(fname, None, None, None, "file.encoding")])  # pragma: no cover


def _read_text_cells(path: Path, fname: str) -> tuple[pd.DataFrame, list[Problem]]:
    data = path.read_bytes()
    if not data.strip():
        raise DataValidationError([problem(fname, None, None, None, "file.empty")])
    text, encoding = _decode(data, fname)
    notes = []
    if encoding:
        notes.append(problem(fname, None, None, None, "file.encoding_note", "warning", "encoding", encoding=encoding))
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in ("\t", ";", ",")}
    sep = max(counts, key=lambda k: (counts[k], k == ","))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    width = max((len(r) for r in rows), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype="object")
    return cells, notes


def _pick_sheet(wb, sheet: str | int, table: str | None, fname: str):
    names = wb.sheetnames
    if sheet == 0 and table in names:  # a workbook with one sheet per data file (the template)
        return wb[table]
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        return wb.worksheets[sheet]
    if isinstance(sheet, str) and sheet in names:
        return wb[sheet]
    raise DataValidationError([problem(fname, None, None, None, "sheet.missing", sheet=repr(sheet),
                                       sheets=", ".join(repr(n) for n in names))])


def _formula_cells(path: Path, sheet_title: str, table: str | None, sheet: str | int) -> dict[tuple[int, int], str]:
    """Cells that hold a formula, as (row, column) -> formula; empty when the workbook has none."""
    with zipfile.ZipFile(path) as z:
        if not any(n.startswith("xl/worksheets/") and b"<f" in z.read(n) for n in z.namelist()):
            return {}
    wb = openpyxl.load_workbook(path, data_only=False)
    ws = wb[sheet_title]
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")}


def _read_xlsx_cells(path: Path, fname: str, sheet: str | int, table: str | None):
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        if path.stat().st_size == 0:
            raise DataValidationError([problem(fname, None, None, None, "file.empty")]) from None
        raise DataValidationError([problem(fname, None, None, None, "file.not_xlsx",
                                           reason=type(e).__name__)]) from None
    ws = _pick_sheet(wb, sheet, table, fname)
    rows, numbers = [], []
    for r in ws.iter_rows(min_row=1, values_only=True):
        rows.append([_cell_text(v) for v in r])
        numbers.append([isinstance(v, (int, float)) and not isinstance(v, bool) for v in r])
    hidden = {i for i, d in ws.row_dimensions.items() if d.hidden}
    formulas = {}
    missing = [(r, c) for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1) if v == ""]
    if missing:
        found = _formula_cells(path, ws.title, table, sheet)
        formulas = {k: found[k] for k in missing if k in found}
    width = max((len(r) for r in rows), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype="object")
    nums = pd.DataFrame([r + [False] * (width - len(r)) for r in numbers], dtype=bool)
    source = f"{fname} [{ws.title}]" if len(wb.sheetnames) > 1 else fname
    return cells, nums, hidden, formulas, source


def read_table(path: str | Path, wanted: list[str], sheet: str | int = 0, table: str | None = None) -> RawTable:
    """Read a CSV, TXT or .xlsx file as text cells.

    The header row is the first row (of the first 15) that holds the wanted column names, so an
    Excel sheet with a title row (or the template's example row) above the header loads as it is.
    Text files may be UTF-8 (with or without a byte-order mark), Excel's UTF-16 "Unicode text" or
    Windows-1252 (read with a note), separated by tab, semicolon or comma. Excel date cells read
    as YYYY-MM-DD and numbers as Excel shows them. A workbook with a sheet named ``table`` uses that
    sheet unless ``sheet`` names another.

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
    if suffix in (".xlsx", ".xlsm"):
        cells, nums, hidden, formulas, fname = _read_xlsx_cells(path, fname, sheet, table)
        notes: list[Problem] = []
    elif suffix in (".csv", ".txt", ".tsv"):
        cells, notes = _read_text_cells(path, fname)
    else:
        raise DataValidationError([problem(fname, None, None, path.suffix, "file.type", suffix=path.suffix or path.name)])
    if len(cells.columns) == 0:
        raise DataValidationError([problem(fname, None, None, None, "file.empty")])
    cells = cells.fillna("").astype(str).apply(lambda c: c.str.strip())
    h = _find_header(cells, wanted) if len(cells) else 0
    header = [str(v).strip() for v in (cells.iloc[h].tolist() if len(cells) else [])]
    errors: list[Problem] = []
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
    body = cells.iloc[h + 1:, keep_cols].copy()
    body.columns = [header[j] for j in keep_cols]
    file_rows = np.arange(h + 2, h + 2 + len(body))
    keep = (body != "").any(axis=1).to_numpy() if len(body.columns) else np.zeros(len(body), bool)
    for r in file_rows[keep]:
        if int(r) in hidden:
            errors.append(problem(fname, int(r), None, None, "row.hidden"))
    for (r, c), formula in sorted(formulas.items()):
        if r > h + 1 and c - 1 in keep_cols:
            errors.append(problem(fname, r, header[c - 1], None, "cell.formula", formula=quote(formula)))
    number_cells = {}
    if nums is not None:
        sub = nums.iloc[h + 1:, keep_cols].to_numpy()[keep]
        number_cells = {name: sub[:, k] for k, name in enumerate(body.columns)}
    body = body.loc[keep].reset_index(drop=True)
    return RawTable(body, file_rows[keep], path.name, notes, errors, number_cells, fname)


# --- validation ---------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: 00:00(?::00)?)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-01)?(?: 00:00(?::00)?)?")
_YEARS = (1900, 2100)  # dates outside these years are typing errors (or 9999-12-31 for "open")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _parse_amount(s: pd.Series) -> pd.Series:
    cleaned = (s.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
                .str.replace("kr", "", regex=False).str.replace(",", ".", regex=False))
    return pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce")


def _parse_dates(s: pd.Series, empty: pd.Series, pattern: re.Pattern) -> tuple[pd.Series, pd.Series]:
    """Dates (or months, with ``_MONTH``) from text; bad cells are NaT and marked in the second series."""
    parts = s.str.fullmatch(pattern.pattern)
    ok = ~empty & parts
    text = s.where(ok)
    years = pd.to_numeric(text.str.slice(0, 4), errors="coerce")
    ok &= years.between(*_YEARS)
    iso = text.str.slice(0, 10 if pattern is _DATE else 7).where(ok)
    fmt = "%Y-%m-%d" if pattern is _DATE else "%Y-%m"
    parsed = pd.to_datetime(iso, format=fmt, errors="coerce").astype("datetime64[ns]")
    bad = ~empty & parsed.isna()
    return parsed, bad


def _date_hint(value: str, kind: str) -> tuple[str, dict]:
    """A hint for a date or month the parser refused: an Excel serial, 9999-12-31, a year typo, a time."""
    v = value.strip()
    if v.startswith("9999-12-31"):
        return "hint.open_end", {}
    if re.fullmatch(r"\d{5}(?:\.0+)?", v) and 20000 <= float(v) <= 80000:
        d = _EXCEL_EPOCH + dt.timedelta(days=int(float(v)))
        return "hint.serial", {"value": v, "date": d.isoformat() if kind == "date" else d.isoformat()[:7]}
    m = re.match(r"(\d{4})-\d{2}", v)
    if m and not _YEARS[0] <= int(m.group(1)) <= _YEARS[1]:
        return "hint.year", {"year": m.group(1)}
    if kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", v):
        return "hint.time", {}
    if kind == "month" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "hint.day_of_month", {}
    return "", {}


def _code_hint(value: str, col: S.ColumnSpec) -> tuple[str, dict]:
    """'Did you mean': a label written for its code, spaces for underscores, or a close spelling."""
    v = " ".join(value.split()).casefold()
    for code, sv, en in col.labels:
        if v in (sv.casefold(), en.casefold()) and v != code:
            return "hint.label", {"code": code}
    norm = re.sub(r"[\s\-]+", "_", v)
    if norm in col.vocab:
        return "hint.did_you_mean", {"code": norm}
    close = difflib.get_close_matches(norm, col.vocab, n=1, cutoff=0.75)
    if close:
        return "hint.did_you_mean", {"code": close[0]}
    by_label = {sv.casefold(): code for code, sv, _en in col.labels}
    close = difflib.get_close_matches(v, list(by_label), n=1, cutoff=0.8)
    if close:
        return "hint.label", {"code": by_label[close[0]]}
    return "", {}


def _validate(raw: RawTable, spec: S.TableSpec, problems: list[Problem], fname: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check each column against its spec; return a typed frame (bad cells become missing).

    The second frame marks the cells that were refused (one message each), so that checks across
    columns can leave those rows alone instead of reporting a second, follow-on problem.
    """
    df = raw.frame
    rows = raw.file_rows
    missing = [c for c in spec.required if c not in df.columns]
    if spec is S.PARTICIPANTS and S.BIRTH_YEAR in missing and S.AGE in df.columns:
        missing.remove(S.BIRTH_YEAR)
    found = ", ".join(df.columns)
    for c in missing:
        problems.append(problem(fname, None, c, None, "column.missing", column=c, found=found or message("none", "en"),
                                found_sv=found or message("none", "sv"), found_en=found or message("none", "en")))
    out = pd.DataFrame(index=df.index)
    refused = pd.DataFrame(False, index=df.index, columns=[c.name for c in spec.columns])
    for col in spec.columns:
        if col.name not in df.columns:
            refused[col.name] = col.name in missing  # a required column that is missing: no follow-on checks
            if col.kind in ("int", "amount"):
                out[col.name] = pd.Series(np.nan, index=df.index, dtype="float64")
            elif col.kind in ("date", "month"):
                out[col.name] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
            else:
                out[col.name] = pd.Series(col.default if col.default is not None else pd.NA,
                                          index=df.index, dtype="object")
            continue
        s = df[col.name]
        empty = s == ""
        hints: dict[int, tuple[str, dict]] = {}
        if col.kind in ("date", "month"):
            parsed, bad = _parse_dates(s, empty, _DATE if col.kind == "date" else _MONTH)
            out[col.name] = parsed
            for i in np.flatnonzero(bad.to_numpy()):
                hints[i] = _date_hint(s.iloc[i], col.kind)
        elif col.kind in ("int", "amount"):
            num = _parse_amount(s)
            nonfinite = num.notna() & ~np.isfinite(num.fillna(0))
            bad = ~empty & (num.isna() | nonfinite)
            if col.kind == "amount":
                negative = num.notna() & (num < 0)
                bad |= negative
                for i in np.flatnonzero(negative.to_numpy()):
                    hints[i] = ("hint.negative", {})
            else:
                bad |= num.notna() & ~nonfinite & (num != num.round())
                if col.min is not None:
                    bad |= num < col.min
                if col.max is not None:
                    bad |= num > col.max
            for i in np.flatnonzero(nonfinite.to_numpy()):
                hints[i] = ("hint.nonfinite", {"value": s.iloc[i]})
            out[col.name] = num.where(~bad).astype("float64")
        elif col.kind == "code":
            val = s.str.lower()
            bad = ~empty & ~val.isin(col.vocab)
            filled = val.where(~empty, col.default if col.default is not None else pd.NA)
            out[col.name] = filled.where(~bad).astype("object")
            for i in np.flatnonzero(bad.to_numpy()):
                hints[i] = _code_hint(s.iloc[i], col)
        else:
            bad = pd.Series(False, index=df.index)
            out[col.name] = s.where(~empty).astype("object")
            if col.default is not None:
                out[col.name] = out[col.name].fillna(col.default)
        if not col.nullable and col.default is None:
            for i in np.flatnonzero(empty.to_numpy()):
                problems.append(problem(fname, int(rows[i]), col.name, "", "cell.empty", expected=col.expected("en"),
                                        **_expected_values(col)))
            bad = bad | empty
        else:
            bad = bad & ~empty
        for i in np.flatnonzero((bad & ~empty).to_numpy()):
            key, vals = hints.get(i, ("", {}))
            hint = {lang: (message(key, lang, **vals) if key else "") for lang in ("sv", "en")}
            problems.append(_bad_cell(fname, int(rows[i]), col, s.iloc[i], hint))
        refused[col.name] = bad.to_numpy()
    return out, refused


def _expected_values(col: S.ColumnSpec) -> dict:
    """The expectation in both languages, for messages that must read right in either."""
    return {"expected_sv": col.expected("sv"), "expected_en": col.expected("en")}


def _bad_cell(fname: str, row: int, col: S.ColumnSpec, value: str, hint: dict[str, str]) -> Problem:
    return problem(fname, row, col.name, value, "cell.bad", expected=col.expected("en"), hint=hint["en"],
                   hint_sv=hint["sv"], hint_en=hint["en"], **_expected_values(col))


def _check_pseudonymous(raw: RawTable, fname: str) -> list[Problem]:
    """Every cell and column heading shaped like a personnummer, masked (never echoed)."""
    found = []
    expected = ("a pseudonymous id, not a personnummer: replace it with a project code "
                "(e.g. P001) before loading; the data must be pseudonymous")
    for c in raw.frame.columns:
        if find_personnummer(c):
            found.append(Problem(fname, 1, "[column heading]", "[personnummer borttaget]",
                                 "a column name, not a personnummer; the data must be pseudonymous"))
            continue
        s = raw.frame[c]
        cand = s[may_hold_personnummer(s).to_numpy()]  # the full check only where it can find something
        for i, v in cand.items():
            if find_personnummer(v):
                found.append(Problem(fname, int(raw.file_rows[i]), c, "[personnummer borttaget]", expected))
    return found


def _project_year(dates: pd.Series, start: dt.date) -> pd.Series:
    """Project year (1, 2, ...) counted from the project's start date, not the calendar year."""
    d = pd.to_datetime(dates)
    years = d.dt.year - start.year
    before_anniv = (d.dt.month < start.month) | ((d.dt.month == start.month) & (d.dt.day < start.day))
    return (years - before_anniv.astype(int) + 1).astype("Int64")


def project_year_bounds(params: ProjectParams, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of project year ``year`` (1-based)."""
    s = params.period.start
    first = _add_years(s, year - 1)
    last = _add_years(s, year) - dt.timedelta(days=1)
    return first, last


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def age_group(age: pd.Series) -> pd.Series:
    """Age bands used in every breakdown (see ``schema.AGE_BANDS``)."""
    out = pd.Series(S.UNKNOWN, index=age.index, dtype="object")
    for lo, hi, label in S.AGE_BANDS:
        out[(age >= lo) & (age <= hi)] = label
    return out


def _derive_person_columns(df: pd.DataFrame, params: ProjectParams) -> pd.DataFrame:
    df = df.copy()
    start = df[S.START_DATE]
    age = df[S.AGE].copy()
    from_birth = start.dt.year - df[S.BIRTH_YEAR]
    age = age.where(age.notna(), from_birth)
    df[S.AGE_AT_START] = age
    df[S.AGE_GROUP] = age_group(age)
    df[S.PROJECT_YEAR] = _project_year(start, params.period.start)
    df[S.CALENDAR_YEAR] = start.dt.year.astype("Int64")
    df[S.EXIT_PROJECT_YEAR] = _project_year(df[S.END_DATE], params.period.start).where(df[S.END_DATE].notna())
    df[S.ONGOING] = df[S.END_DATE].isna()
    as_of = pd.Timestamp(params.as_of)
    df[S.DAYS_IN_PROJECT] = ((df[S.END_DATE].fillna(as_of) - start).dt.days).astype("float64")
    if S.HOUSEHOLD_ID in df and df[S.HOUSEHOLD_ID].isna().all():
        df[S.HOUSEHOLD_ID] = df[S.PERSON_ID]
    else:
        df[S.HOUSEHOLD_ID] = df[S.HOUSEHOLD_ID].fillna(df[S.PERSON_ID])
    return df


def _iso(ts: pd.Timestamp) -> str:
    return ts.date().isoformat()


def _check_persons(df: pd.DataFrame, refused: pd.DataFrame, rows: np.ndarray, fname: str, params: ProjectParams,
                   problems: list[Problem], is_comparison: bool) -> None:
    """Checks across columns; a cell already refused gets no second message."""
    start, end = df[S.START_DATE], df[S.END_DATE]
    for i in np.flatnonzero((end < start).to_numpy()):
        problems.append(problem(fname, int(rows[i]), S.END_DATE, _iso(end.iloc[i]), "person.end_before_start",
                                start=_iso(start.iloc[i])))
    if not is_comparison:
        lo, hi = pd.Timestamp(params.period.start), pd.Timestamp(params.period.end)
        outside = start.notna() & ((start < lo) | (start > hi))
        for i in np.flatnonzero(outside.to_numpy()):
            problems.append(problem(fname, int(rows[i]), S.START_DATE, _iso(start.iloc[i]), "person.start_outside",
                                    lo=lo.date(), hi=hi.date()))
        if params.data_as_of is not None:
            after = start.notna() & ~outside & (start > pd.Timestamp(params.data_as_of))
            for i in np.flatnonzero(after.to_numpy()):
                problems.append(problem(fname, int(rows[i]), S.START_DATE, _iso(start.iloc[i]),
                                        "person.start_after_as_of", as_of=params.data_as_of.isoformat()))
        pid = df[S.PROJECT_ID]
        wrong = pid.notna() & (pid != params.id)
        for i in np.flatnonzero(wrong.to_numpy()):
            problems.append(problem(fname, int(rows[i]), S.PROJECT_ID, pid.iloc[i], "person.project_id", id=params.id))
        no_outcome = end.notna() & df[S.OUTCOME].isna() & ~refused[S.OUTCOME]
        for i in np.flatnonzero(no_outcome.to_numpy()):
            problems.append(problem(fname, int(rows[i]), S.OUTCOME, "", "person.no_outcome"))
        early_outcome = end.isna() & df[S.OUTCOME].notna() & start.notna() & ~refused[S.END_DATE]
        for i in np.flatnonzero(early_outcome.to_numpy()):
            problems.append(problem(fname, int(rows[i]), S.END_DATE, "", "person.no_end", outcome=df[S.OUTCOME].iloc[i]))
    key = df[[S.PERSON_ID, S.START_DATE]]
    dup = (key.duplicated(keep="first") & key.notna().all(axis=1)).to_numpy()
    if dup.any():
        first = pd.Series(np.arange(len(df))).groupby([key[S.PERSON_ID].to_numpy(), key[S.START_DATE].to_numpy()]).transform("first")
        for i in np.flatnonzero(dup):
            problems.append(problem(fname, int(rows[i]), S.PERSON_ID, df[S.PERSON_ID].iloc[i], "person.duplicate",
                                    first=int(rows[first.iloc[i]])))
    _check_overlaps(df, dup, rows, fname, problems)


def _check_overlaps(df: pd.DataFrame, dup: np.ndarray, rows: np.ndarray, fname: str, problems: list[Problem]) -> None:
    """A person's enrolments may follow each other but not overlap (one would be counted twice)."""
    ok = df[S.PERSON_ID].notna() & df[S.START_DATE].notna() & ~dup
    d = df.loc[ok, [S.PERSON_ID, S.START_DATE, S.END_DATE]].assign(pos=np.flatnonzero(ok.to_numpy()))
    d = d[d[S.PERSON_ID].duplicated(keep=False)].sort_values([S.PERSON_ID, S.START_DATE])
    for _pid, g in d.groupby(S.PERSON_ID, sort=False):
        prev = None
        for cur in g.itertuples(index=False):
            if prev is not None:
                prev_end = getattr(prev, S.END_DATE)
                if pd.isna(prev_end) or getattr(cur, S.START_DATE) < prev_end:
                    cur_end = getattr(cur, S.END_DATE)
                    problems.append(problem(
                        fname, int(rows[cur.pos]), S.START_DATE, _iso(getattr(cur, S.START_DATE)), "person.overlap",
                        start=_iso(getattr(cur, S.START_DATE)), other=int(rows[prev.pos]),
                        other_start=_iso(getattr(prev, S.START_DATE)),
                        end=_iso(cur_end) if pd.notna(cur_end) else "…",
                        other_end_sv=_iso(prev_end) if pd.notna(prev_end) else message("ongoing", "sv"),
                        other_end_en=_iso(prev_end) if pd.notna(prev_end) else message("ongoing", "en"),
                        other_end=_iso(prev_end) if pd.notna(prev_end) else message("ongoing", "en")))
            if prev is None or pd.isna(getattr(cur, S.END_DATE)) or (
                    pd.notna(getattr(prev, S.END_DATE)) and getattr(cur, S.END_DATE) > getattr(prev, S.END_DATE)):
                prev = cur


def _read(path: Path, spec: S.TableSpec, params: ProjectParams, table: str, problems: list[Problem],
          warn: list[Problem]) -> RawTable | None:
    """Read one file; problems that stop reading it are collected, not raised. A personnummer in
    any cell or heading refuses the file at once (:class:`PersonalIdentityNumberError`)."""
    try:
        raw = read_table(path, spec.required, params.data.excel_sheet, table)
    except DataValidationError as e:
        problems.extend(e.problems)
        return None
    problems.extend(raw.errors)
    warn.extend(raw.notes)
    pnr = _check_pseudonymous(raw, raw.source)
    if pnr:  # the file is refused at once, and the number never echoed
        raise PersonalIdentityNumberError(pnr)
    return raw


def _empty(spec: S.TableSpec) -> pd.DataFrame:
    return pd.DataFrame({c.name: pd.Series(dtype="datetime64[ns]" if c.kind in ("date", "month") else
                                           "float64" if c.kind in ("int", "amount") else "object")
                         for c in spec.columns})


def _number_ids(raw: RawTable, fname: str, warn: list[Problem]) -> None:
    """One note per file when Excel stored person ids as numbers (leading zeros may be lost)."""
    cells = raw.number_cells.get(S.PERSON_ID)
    if cells is not None and cells.any():
        i = int(np.flatnonzero(cells)[0])
        warn.append(problem(fname, int(raw.file_rows[i]), S.PERSON_ID, None, "person.id_number", "warning"))


def _load_persons(path: Path, params: ProjectParams, problems: list[Problem], is_comparison: bool,
                  warn: list[Problem]) -> pd.DataFrame:
    raw = _read(path, S.PARTICIPANTS, params, "comparison" if is_comparison else "participants", problems, warn)
    if raw is None:
        return _empty(S.PARTICIPANTS)
    fname = raw.source
    if len(raw.frame) == 0:
        problems.append(problem(fname, None, None, None, "rows.none"))
        return _empty(S.PARTICIPANTS)
    _number_ids(raw, fname, warn)
    df, refused = _validate(raw, S.PARTICIPANTS, problems, fname)
    _check_persons(df, refused, raw.file_rows, fname, params, problems, is_comparison)
    if not is_comparison and params.last_intake is not None:
        late = df[S.START_DATE].notna() & (df[S.START_DATE] > pd.Timestamp(params.last_intake))
        for i in np.flatnonzero(late.to_numpy()):
            warn.append(problem(fname, int(raw.file_rows[i]), S.START_DATE, _iso(df[S.START_DATE].iloc[i]),
                                "person.after_last_intake", "warning", "after_last_intake",
                                last_intake=params.last_intake.isoformat()))
    df.attrs["file_rows"] = raw.file_rows
    df.attrs["source"] = fname
    return df


PLAUSIBLE_MONTHLY_SEK = (100, 100_000)  # försörjningsstöd to one household in one month, generously


def _load_payments(path: Path, params: ProjectParams, problems: list[Problem],
                   persons: pd.DataFrame | None, warn: list[Problem], table: str = "payments") -> pd.DataFrame:
    raw = _read(path, S.PAYMENTS, params, table, problems, warn)
    if raw is None:
        return _empty(S.PAYMENTS)
    fname = raw.source
    _number_ids(raw, fname, warn)
    df, _refused = _validate(raw, S.PAYMENTS, problems, fname)
    if params.data.unit("comparison_payments" if table != "payments" else "payments") == "tkr":
        df[S.AMOUNT] = df[S.AMOUNT] * 1000
    lo = pd.Timestamp(params.period.start) - pd.DateOffset(years=10)
    hi = pd.Timestamp(params.period.end) + pd.DateOffset(years=10)
    m = df[S.MONTH]
    out = m.notna() & ((m < lo) | (m > hi))
    for i in np.flatnonzero(out.to_numpy()):
        problems.append(problem(fname, int(raw.file_rows[i]), S.MONTH, raw.frame[S.MONTH].iloc[i], "payment.month_range",
                                lo=f"{lo:%Y-%m}", hi=f"{hi:%Y-%m}"))
    _check_amounts(df, raw, fname, problems)
    if persons is not None and len(persons):
        _check_payment_persons(df, raw, fname, persons, problems, warn)
    dupe = df.duplicated([S.PERSON_ID, S.MONTH], keep="first") & df[S.MONTH].notna()
    for i in np.flatnonzero(dupe.to_numpy()):
        problems.append(problem(fname, int(raw.file_rows[i]), S.MONTH, raw.frame[S.MONTH].iloc[i], "payment.duplicate"))
    return df


def _sek(v: float) -> str:
    return f"{v:,.0f}".replace(",", "\u00a0")


def _check_amounts(df: pd.DataFrame, raw: RawTable, fname: str, problems: list[Problem]) -> None:
    """Amounts a household cannot have been paid in a month: tkr written where kr was declared, or the reverse."""
    low, high = PLAUSIBLE_MONTHLY_SEK
    paid = df[S.AMOUNT][df[S.AMOUNT] > 0]
    if len(paid) and paid.median() < low:
        problems.append(problem(fname, None, S.AMOUNT, None, "payment.too_small", median=_sek(paid.median())))
        return
    for i in np.flatnonzero((df[S.AMOUNT] > high).to_numpy()):
        problems.append(problem(fname, int(raw.file_rows[i]), S.AMOUNT, raw.frame[S.AMOUNT].iloc[i], "payment.too_large",
                                amount=_sek(df[S.AMOUNT].iloc[i]), limit=_sek(high)))


def _check_payment_persons(df: pd.DataFrame, raw: RawTable, fname: str, persons: pd.DataFrame,
                           problems: list[Problem], warn: list[Problem]) -> None:
    known = set(persons[S.PERSON_ID].dropna())
    by_digits = {str(k).lstrip("0"): k for k in known if str(k).isdigit()}
    unknown = df[S.PERSON_ID].notna() & ~df[S.PERSON_ID].isin(known)
    notes = []
    for i in np.flatnonzero(unknown.to_numpy()):
        pid = str(df[S.PERSON_ID].iloc[i])
        match = by_digits.get(pid.lstrip("0")) if pid.isdigit() else None
        if match is not None:
            problems.append(problem(fname, int(raw.file_rows[i]), S.PERSON_ID, pid, "person.lost_zeros", match=match))
        else:
            notes.append(i)
    for i in notes[:20]:
        warn.append(problem(fname, int(raw.file_rows[i]), S.PERSON_ID, df[S.PERSON_ID].iloc[i],
                            "payment.unknown_person", "warning", "unknown_person"))
    if len(notes) > 20:
        warn.append(problem(fname, None, S.PERSON_ID, f"{len(notes) - 20}", "payment.unknown_more", "warning",
                            "unknown_person_more", n=len(notes) - 20))


def _load_budget(path: Path, params: ProjectParams, problems: list[Problem], warn: list[Problem]) -> pd.DataFrame:
    raw = _read(path, S.BUDGET_TABLE, params, "budget", problems, warn)
    if raw is None:
        return _empty(S.BUDGET_TABLE)
    fname = raw.source
    df, _refused = _validate(raw, S.BUDGET_TABLE, problems, fname)
    if params.data.unit("budget") == "tkr":
        df[[S.BUDGET, S.ACTUAL]] = df[[S.BUDGET, S.ACTUAL]] * 1000
    is_total = df[S.CATEGORY].fillna("").str.lower().str.strip().isin(S.TOTAL_LABELS)
    lines = df[~is_total]
    for i in np.flatnonzero(is_total.to_numpy()):
        row = df.iloc[i]
        period = row[S.PERIOD]
        scope = lines if str(period).lower() in ("alla", "all", "") else lines[lines[S.PERIOD] == period]
        if str(period).lower() not in ("alla", "all", "") and len(scope) == 0:
            scope = lines
        for col in (S.BUDGET, S.ACTUAL):
            stated = row[col]
            if pd.isna(stated):
                continue
            summed = scope[col].sum(min_count=1)
            if pd.isna(summed) or abs(stated - summed) > 0.5:
                lines_sum = f"{0 if pd.isna(summed) else summed:,.0f}".replace(",", " ")
                problems.append(problem(fname, int(raw.file_rows[i]), col, f"{stated:,.0f}".replace(",", " "),
                                        "budget.total", lines=lines_sum, period=period))
    file_rows = raw.file_rows[~is_total.to_numpy()]
    lines, file_rows, prorated = _per_year_lines(lines.reset_index(drop=True), file_rows, raw, params, fname,
                                                 problems, warn)
    _check_budget_unit(lines, params, fname, problems)
    out = lines.reset_index(drop=True)
    out.attrs["stated_totals"] = df[is_total].reset_index(drop=True)
    out.attrs["file_rows"] = file_rows
    out.attrs["source"] = fname
    out.attrs["per_year"] = prorated
    return out


PER_YEAR_LABELS = ("per år", "per_år", "per ar", "per_ar", "per year", "per_year", "årligen", "yearly", "annual")


def year_fractions(params: ProjectParams) -> list[tuple[int, float]]:
    """(project year, share of a full year it runs) for each project year of the planned period:
    a project from 2024-09-01 to 2026-09-30 runs years 1 and 2 whole and 1 month (30/365) of year 3."""
    start, end = params.period.start, params.period.planned_end
    out, k = [], 1
    while _add_years(start, k - 1) <= end:
        first, full_next = _add_years(start, k - 1), _add_years(start, k)
        last = min(full_next - dt.timedelta(days=1), end)
        out.append((k, ((last - first).days + 1) / (full_next - first).days))
        k += 1
    return out


def _per_year_lines(lines: pd.DataFrame, file_rows: np.ndarray, raw: RawTable, params: ProjectParams, fname: str,
                    problems: list[Problem], warn: list[Problem]) -> tuple[pd.DataFrame, np.ndarray, tuple]:
    """A budget given per year (period ``per år``) as one line per project year, the last part year
    pro-rated by the share of the year it runs; never taken as the whole period's cost."""
    per_year = lines[S.PERIOD].fillna("").str.strip().str.lower().isin(PER_YEAR_LABELS)
    if not per_year.any():
        return lines, file_rows, ()
    label = lines.loc[per_year, S.PERIOD].iloc[0]
    others = sorted(set(lines.loc[~per_year, S.PERIOD].astype(str)))
    if others:
        problems.append(problem(fname, None, S.PERIOD, None, "budget.per_year_mixed", period=label,
                                others=", ".join(others)))
        return lines, file_rows, ()
    for i in np.flatnonzero(lines[S.ACTUAL].notna().to_numpy()):
        problems.append(problem(fname, int(file_rows[i]), S.ACTUAL, _sek(lines[S.ACTUAL].iloc[i]),
                                "budget.per_year_actual", period=label))
    fractions = year_fractions(params)
    rows, rows_at = [], []
    for k, share in fractions:
        for i in range(len(lines)):
            row = lines.iloc[i].copy()
            row[S.PERIOD] = f"år {k}"
            row[S.BUDGET] = row[S.BUDGET] * share
            rows.append(row)
            rows_at.append(file_rows[i])
    start, end = params.period.start, params.period.planned_end
    span = f"{start.isoformat()} – {end.isoformat()}"
    total = sum(s for _, s in fractions)
    warn.append(problem(fname, None, S.PERIOD, label, "budget.per_year_prorated", "warning", "budget_per_year",
                        span=span, years_sv=f"{total:.2f}".replace(".", ","), years_en=f"{total:.2f}",
                        shares_sv=", ".join(f"år {k}: {sh * 100:.1f} %".replace(".", ",") for k, sh in fractions),
                        shares_en=", ".join(f"year {k}: {sh * 100:.1f}%" for k, sh in fractions)))
    return pd.DataFrame(rows).reset_index(drop=True), np.asarray(rows_at), tuple(fractions)


def _check_budget_unit(lines: pd.DataFrame, params: ProjectParams, fname: str, problems: list[Problem]) -> None:
    """A budget about 1 000 times smaller (or larger) than the grant was written in the other unit."""
    granted = params.granted_sek
    total = lines[S.BUDGET].sum(min_count=1)
    if pd.isna(total) or total <= 0:
        total = lines[S.ACTUAL].sum(min_count=1)
    if not granted or pd.isna(total) or total <= 0:
        return
    ratio = granted / total
    values = {"total": _sek(total), "granted": _sek(granted)}
    if 250 <= ratio <= 4000:
        problems.append(problem(fname, None, S.BUDGET, None, "budget.unit_tkr", factor=_sek(round(ratio, -1)), **values))
    elif 250 <= 1 / ratio <= 4000:
        problems.append(problem(fname, None, S.BUDGET, None, "budget.unit_kr", factor=_sek(round(1 / ratio, -1)), **values))


def _file_row(file_rows: np.ndarray | None, i: int) -> int | None:
    """The file's row number of a loaded table's ``i``-th row, where it is known."""
    return int(file_rows[i]) if file_rows is not None and i < len(file_rows) else None


# --- the project object -----------------------------------------------------------------
@dataclass
class Project:
    """One project's validated data and settings, as returned by :func:`load_project`.

    Attributes
    ----------
    params
        The validated params.
    participants
        One row per enrolment with the contract's columns plus derived ones
        (``age_at_start``, ``age_group``, ``project_year``, ``ongoing``, ...). Empty when the
        project has no participant data.
    payments, comparison, comparison_payments, budget
        The optional tables, or ``None``.
    warnings
        Problems that were reported but did not stop loading (data quality notes).
    checksums
        SHA-256 of every input file, for the report footer.
    overrides
        The settings changed with :meth:`with_params` (empty for a project as its params file
        has it); results computed from this project say so.
    """

    params: ProjectParams
    participants: pd.DataFrame
    payments: pd.DataFrame | None = None
    comparison: pd.DataFrame | None = None
    comparison_payments: pd.DataFrame | None = None
    budget: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)
    checksums: dict[str, str] = field(default_factory=dict)
    overrides: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.params.id

    @property
    def has_participants(self) -> bool:
        return len(self.participants) > 0

    @property
    def data_quality(self) -> pd.DataFrame:
        """Warnings from loading as a table (file, row, column, value, expected, severity)."""
        return problems_frame(self.warnings)

    def with_params(self, **changes) -> Project:
        """The same project with some settings changed, for exploring "what if?"; no file is touched.

        Parameters
        ----------
        **changes
            Top-level keys of the params file with their new values. A mapping is merged into the
            setting it names (``cost_benefit={"horizon_years": 5}`` changes the horizon and keeps
            every other cost-benefit assumption); anything else replaces the setting. ``goals``
            takes a mapping of goal id to the keys to change (``goals={"deltagare": {"target": 50}}``)
            or a whole new list of goals. ``id`` and ``data`` cannot be changed: load another
            params file instead. A changed ``period`` or ``data_as_of`` reloads the data files,
            which are checked against them.

        Returns
        -------
        Project
            A new project, validated as if the changes were written into its params file (which
            is read again, never written); this project is unchanged. Its
            ``overrides`` hold every change from the params file, and every result computed from
            it (``et.cost_benefit(...)`` and the other analyses) says so in its display.

        Raises
        ------
        ParamsError
            Listing every problem, worded as for the params file.

        Examples
        --------
        >>> import evaltools as et
        >>> project = et.load_project("kompassen-demo")  # doctest: +SKIP
        >>> five_years = project.with_params(cost_benefit={"horizon_years": 5})  # doctest: +SKIP
        >>> et.cost_benefit(five_years).summary["npv"]  # doctest: +SKIP
        """
        from .params import _format_pydantic, params_from_mapping, read_params_mapping
        where = f"{self.params.source_path.name if self.params.source_path else self.id} (with_params)"
        fixed = [k for k in ("id", "data") if k in changes]
        if fixed:
            raise ParamsError(where, [f"{k}: cannot be changed for exploration; load another params file instead"
                                      for k in fixed])
        overrides = _merge_dicts(self.overrides, changes)
        source = self.params.source_path
        problems: list[str] = []
        if source is not None and source.is_file():
            # the changes are applied to the params file as written and checked as load_params
            # checks it, so a problem reads exactly as it would if the change were in the file
            merged = _merge_params(read_params_mapping(source), overrides, problems)
            if problems:
                raise ParamsError(where, problems)
            params = params_from_mapping(merged, source, where)
        else:
            merged = _merge_params(self.params.model_dump(mode="python"), changes, problems)
            if problems:
                raise ParamsError(where, problems)
            try:
                params = ProjectParams.model_validate(merged)
            except ValidationError as e:
                raise ParamsError(where, _format_pydantic(e)) from None
        if params.period != self.params.period or params.data_as_of != self.params.data_as_of:
            return replace(load_project(params), overrides=overrides)
        return replace(self, params=params, overrides=overrides)

    def _repr_pretty_(self, p, cycle: bool) -> None:
        p.text(f"Project {self.id}: {self.params.title}, {len(self.participants)} enrolments"
               + (f", changed settings: {', '.join(k for k, _ in _flatten(self.overrides))}" if self.overrides else ""))

    def _repr_html_(self) -> str:
        p = self.params
        n = len(self.participants)
        changed = (f"<br><b>with changed settings</b> (not the params file's): "
                   f"{html.escape(', '.join(f'{k} = {v!r}' for k, v in _flatten(self.overrides)))}"
                   if self.overrides else "")
        return (f"<b>{html.escape(p.title)}</b> ({p.id})<br>{p.period.start} – {p.period.end}; "
                f"{n} enrolments; payments: {'yes' if self.payments is not None else 'no'}; "
                f"comparison group: {'yes' if self.comparison is not None else 'no'}; "
                f"budget lines: {0 if self.budget is None else len(self.budget)}; "
                f"data-quality notes: {len(self.warnings)}{changed}")


def _merge_dicts(base: dict, changes: dict) -> dict:
    """``base`` with ``changes`` merged in: nested mappings key by key, anything else replaced."""
    out = dict(base)
    for k, v in changes.items():
        out[k] = _merge_dicts(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _merge_params(base: dict, changes: dict, problems: list[str]) -> dict:
    """The params as a mapping with ``changes`` merged in; goals are matched by their id."""
    goals = changes.get("goals")
    if isinstance(goals, dict):
        by_id = {g["id"]: g for g in base["goals"]}
        for gid, change in goals.items():
            if gid not in by_id:
                problems.append(f"goals.{gid}: no goal with this id (goals: {', '.join(by_id) or 'none'})")
            elif not isinstance(change, dict):
                problems.append(f"goals.{gid}: expected the keys to change, such as {{'target': 50}}, got {change!r}")
            else:
                by_id[gid] = _merge_dicts(by_id[gid], change)
        changes = {**changes, "goals": list(by_id.values())}
    return _merge_dicts(base, changes)


def _flatten(d: dict, prefix: str = "") -> list[tuple[str, object]]:
    """``{"a": {"b": 1}}`` as ``[("a.b", 1)]``."""
    out = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        out += _flatten(v, key + ".") if isinstance(v, dict) else [(key, v)]
    return out


def load_project(params: str | Path | ProjectParams, lang: str | None = None) -> Project:
    """Load a project by its id or params file: every data file read and validated against the contract.

    Parameters
    ----------
    params
        A project id (``"kompassen-demo"``, found in ``params/`` of the project folder, see
        :func:`evaltools.data.paths.find_params`), a path to its params file, or already-loaded params.
    lang
        Language of the error messages, ``"sv"`` or ``"en"`` (default: the params file's
        ``language``).

    Returns
    -------
    Project
        Participants, payments, comparison group and budget as validated tables, with the params.

    Raises
    ------
    ParamsError
        If the params file is invalid or names a missing file.
    PersonalIdentityNumberError
        If person-level data holds a personnummer-like value.
    DataValidationError
        Listing every problem in every file at once.

    Examples
    --------
    >>> import evaltools as et
    >>> project = et.load_project("timra-vagen-ut")  # doctest: +SKIP
    >>> project.participants.head()  # doctest: +SKIP
    """
    if not isinstance(params, ProjectParams):
        try:
            params = load_params(find_params(params))
        except ParamsError as e:
            raise (e.in_lang(lang) if lang else e) from None
    lang = lang or params.language
    try:
        return _load(params)
    except DataValidationError as e:
        raise type(e)(e.problems, lang) from None


def _load(params: ProjectParams) -> Project:
    d = params.data
    problems: list[Problem] = []
    warn: list[Problem] = []
    checksums = {}
    for p in (d.participants, d.payments, d.budget, *( (d.comparison.persons, d.comparison.payments) if d.comparison else ())):
        if p is not None:
            checksums[public_name(p)] = file_sha256(p)  # a name like a personnummer is never shown

    if d.participants is not None:
        participants = _load_persons(d.participants, params, problems, False, warn)
    else:
        participants = _empty(S.PARTICIPANTS)
    payments = _load_payments(d.payments, params, problems, participants, warn) if d.payments else None
    comparison = comparison_payments = None
    if d.comparison is not None:
        comparison = _load_persons(d.comparison.persons, params, problems, True, warn)
        comparison_payments = _load_payments(d.comparison.payments, params, problems, comparison, warn,
                                             "comparison_payments")
        overlap = set(comparison[S.PERSON_ID].dropna()) & set(participants[S.PERSON_ID].dropna())
        if overlap:
            problems.append(problem(comparison.attrs.get("source", str(d.comparison.persons)), None, S.PERSON_ID, None, "comparison.overlap",
                                    ids=", ".join(sorted(map(str, overlap))[:5]) + (" …" if len(overlap) > 5 else "")))
    if payments is not None and len(payments) == 0:  # a header and no rows: no payment data to compare
        warn.append(problem(str(d.payments), None, None, None, "payment.no_rows", "warning"))
        payments = None
    if comparison_payments is not None and len(comparison_payments) == 0:
        problems.append(problem(str(d.comparison.payments), None, None, None, "payment.no_rows_comparison"))
    budget = _load_budget(d.budget, params, problems, warn) if d.budget else None
    if problems:
        raise DataValidationError(problems)

    if len(participants):
        file_rows = participants.attrs.get("file_rows")
        source = participants.attrs.get("source", str(d.participants))
        participants = _derive_person_columns(participants, params)
        late = participants[S.END_DATE] > pd.Timestamp(params.as_of)
        for i in np.flatnonzero(late.to_numpy()):
            warn.append(problem(source, _file_row(file_rows, i), S.END_DATE,
                                participants[S.END_DATE].iloc[i].date().isoformat(), "person.late_end", "warning",
                                "late_end", as_of=params.as_of.isoformat()))
    if comparison is not None:
        comparison = _derive_person_columns(comparison, params)
    if budget is not None:
        empty = budget[S.BUDGET].isna() & budget[S.ACTUAL].isna()
        for i in np.flatnonzero(empty.to_numpy()):
            warn.append(problem(budget.attrs.get("source", str(d.budget)), _file_row(budget.attrs.get("file_rows"), i), S.CATEGORY,
                                budget[S.CATEGORY].iloc[i], "budget.empty_line", "warning", "empty_budget_line"))
    return Project(params, participants, payments, comparison, comparison_payments, budget, warn, checksums)
