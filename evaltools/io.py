"""Loading a project: params, participants, payments, comparison group and budget.

``load_project`` is the only reader of project data. It validates every file against the
contract in :mod:`evaltools.schema`, collects *all* problems before it raises, and never
writes to the input files.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import ValidationError

from . import schema as S
from .config import ProjectParams, load_params
from .errors import DataValidationError, ParamsError, PersonalIdentityNumberError, Problem, problems_frame
from .paths import find_params
from .privacy import find_personnummer


def looks_like_personnummer(value: str) -> bool:
    """True if ``value`` contains something shaped like a Swedish personnummer, samordningsnummer or
    reserve number (see :func:`evaltools.privacy.find_personnummer` for the spellings)."""
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
    """A table as read from disk: all cells as text, plus where each row sits in the file."""

    frame: pd.DataFrame
    file_rows: np.ndarray  # 1-based row number in the file for each frame row
    name: str


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


def read_table(path: str | Path, wanted: list[str], sheet: str | int = 0) -> RawTable:
    """Read a CSV or .xlsx file as text cells.

    The header row is the first row (of the first 15) that holds the wanted column names, so an
    Excel sheet with a title row above the header loads as it is. CSV files may use comma or
    semicolon as separator.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        cells = pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, engine="openpyxl")
    elif suffix in (".csv", ".txt"):
        with open(path, encoding="utf-8-sig") as f:
            first = f.readline()
        sep = ";" if first.count(";") > first.count(",") else ","
        cells = pd.read_csv(path, sep=sep, header=None, dtype=str, keep_default_na=False,
                            encoding="utf-8-sig", skip_blank_lines=False)
    else:
        raise DataValidationError([Problem(str(path), None, None, path.suffix, "a .csv or .xlsx file")])
    cells = cells.fillna("").astype(str).apply(lambda c: c.str.strip())
    h = _find_header(cells, wanted) if len(cells) else 0
    header = [str(v).strip() for v in (cells.iloc[h].tolist() if len(cells) else [])]
    body = cells.iloc[h + 1:].copy()
    body.columns = header
    body = body.loc[:, [c for c in body.columns if c != ""]]
    file_rows = np.arange(h + 2, h + 2 + len(body))
    keep = (body != "").any(axis=1).to_numpy() if len(body.columns) else np.zeros(len(body), bool)
    body = body.loc[keep].reset_index(drop=True)
    return RawTable(body, file_rows[keep], path.name)


# --- validation ---------------------------------------------------------------------
def _parse_amount(s: pd.Series) -> pd.Series:
    cleaned = (s.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
                .str.replace("kr", "", regex=False).str.replace(",", ".", regex=False))
    return pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce")


def _validate(raw: RawTable, spec: S.TableSpec, problems: list[Problem], fname: str) -> pd.DataFrame:
    """Check each column against its spec; return a typed frame (bad cells become missing)."""
    df = raw.frame
    rows = raw.file_rows
    missing = [c for c in spec.required if c not in df.columns]
    if spec is S.PARTICIPANTS and S.BIRTH_YEAR in missing and S.AGE in df.columns:
        missing.remove(S.BIRTH_YEAR)
    for c in missing:
        problems.append(Problem(fname, None, c, None,
                                f"a column named '{c}' (columns found: {', '.join(df.columns) or 'none'})"))
    out = pd.DataFrame(index=df.index)
    for col in spec.columns:
        if col.name not in df.columns:
            if col.kind in ("int", "amount"):
                out[col.name] = pd.Series(np.nan, index=df.index, dtype="float64")
            elif col.kind in ("date",):
                out[col.name] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
            else:
                out[col.name] = pd.Series(col.default if col.default is not None else pd.NA,
                                          index=df.index, dtype="object")
            continue
        s = df[col.name]
        empty = s == ""
        if not col.nullable and col.default is None:
            for i in np.flatnonzero(empty.to_numpy()):
                problems.append(Problem(fname, int(rows[i]), col.name, "", col.expected() + " (the cell is empty)"))
        if col.kind == "date":
            parsed = pd.to_datetime(s.where(~empty), format="%Y-%m-%d", errors="coerce")
            bad = ~empty & parsed.isna()
            out[col.name] = parsed.astype("datetime64[ns]")
        elif col.kind == "month":
            parsed = pd.to_datetime(s.where(~empty).str.slice(0, 7), format="%Y-%m", errors="coerce")
            bad = ~empty & (parsed.isna() | ~s.str.fullmatch(r"\d{4}-\d{2}(-01)?"))
            out[col.name] = parsed.astype("datetime64[ns]")
        elif col.kind in ("int", "amount"):
            num = _parse_amount(s)
            bad = ~empty & num.isna()
            if col.kind == "amount":
                bad |= num < 0
            else:
                bad |= num.notna() & (num != num.round())
                if col.min is not None:
                    bad |= num < col.min
                if col.max is not None:
                    bad |= num > col.max
            out[col.name] = num.where(~bad).astype("float64")
        elif col.kind == "code":
            val = s.str.lower()
            bad = ~empty & ~val.isin(col.vocab)
            filled = val.where(~empty, col.default if col.default is not None else pd.NA)
            out[col.name] = filled.where(~bad).astype("object")
        else:
            bad = pd.Series(False, index=df.index)
            out[col.name] = s.where(~empty).astype("object")
            if col.default is not None:
                out[col.name] = out[col.name].fillna(col.default)
        for i in np.flatnonzero(bad.to_numpy()):
            problems.append(Problem(fname, int(rows[i]), col.name, s.iloc[i], col.expected()))
    return out


_PNR_PREFILTER = r"\d{2}[ .]?\d{2}[ .]?\d{2}|\d[.,]\d+\s*[eE]\+"


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
        cand = s[s.str.contains(_PNR_PREFILTER, regex=True, na=False)]
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


def _check_persons(df: pd.DataFrame, rows: np.ndarray, fname: str, params: ProjectParams,
                   problems: list[Problem], is_comparison: bool) -> None:
    start, end = df[S.START_DATE], df[S.END_DATE]
    for i in np.flatnonzero((end < start).to_numpy()):
        problems.append(Problem(fname, int(rows[i]), S.END_DATE, end.iloc[i].date().isoformat(),
                                f"an end date on or after the start date {start.iloc[i].date().isoformat()}"))
    if not is_comparison:
        lo, hi = pd.Timestamp(params.period.start), pd.Timestamp(params.period.end)
        outside = start.notna() & ((start < lo) | (start > hi))
        for i in np.flatnonzero(outside.to_numpy()):
            problems.append(Problem(fname, int(rows[i]), S.START_DATE, start.iloc[i].date().isoformat(),
                                    f"a start date within the project period {lo.date()} – {hi.date()}"))
        pid = df[S.PROJECT_ID]
        wrong = pid.notna() & (pid != params.id)
        for i in np.flatnonzero(wrong.to_numpy()):
            problems.append(Problem(fname, int(rows[i]), S.PROJECT_ID, pid.iloc[i], f"the project id '{params.id}'"))
        no_outcome = end.notna() & df[S.OUTCOME].isna()
        for i in np.flatnonzero(no_outcome.to_numpy()):
            problems.append(Problem(fname, int(rows[i]), S.OUTCOME, "",
                                    "an exit outcome for a person with an end date (write 'okänt' if it is not known)"))
        early_outcome = end.isna() & df[S.OUTCOME].notna() & start.notna()
        for i in np.flatnonzero(early_outcome.to_numpy()):
            problems.append(Problem(fname, int(rows[i]), S.END_DATE, "",
                                    f"an end date, since the outcome is '{df[S.OUTCOME].iloc[i]}' (leave outcome empty while ongoing)"))
    key = df[[S.PERSON_ID, S.START_DATE]]
    dup = (key.duplicated(keep="first") & key.notna().all(axis=1)).to_numpy()
    if dup.any():
        first = pd.Series(np.arange(len(df))).groupby([key[S.PERSON_ID].to_numpy(), key[S.START_DATE].to_numpy()]).transform("first")
        for i in np.flatnonzero(dup):
            problems.append(Problem(fname, int(rows[i]), S.PERSON_ID, df[S.PERSON_ID].iloc[i],
                                    f"one row per enrolment; the same person and start date is already on row "
                                    f"{int(rows[first.iloc[i]])}"))


def _load_persons(path: Path, params: ProjectParams, problems: list[Problem], is_comparison: bool) -> pd.DataFrame:
    raw = read_table(path, S.PARTICIPANTS.required, params.data.excel_sheet)
    fname = str(path)
    pnr = _check_pseudonymous(raw, fname)
    if pnr:
        raise PersonalIdentityNumberError(pnr)
    if len(raw.frame) == 0:
        problems.append(Problem(fname, None, None, "no data rows",
                                "one row per enrolment; the params file declares participant data "
                                "(remove data.participants for a project without participant data)"))
        return pd.DataFrame(columns=[c.name for c in S.PARTICIPANTS.columns])
    df = _validate(raw, S.PARTICIPANTS, problems, fname)
    _check_persons(df, raw.file_rows, fname, params, problems, is_comparison)
    df.attrs["file_rows"] = raw.file_rows
    return df


def _load_payments(path: Path, params: ProjectParams, problems: list[Problem],
                   persons: pd.DataFrame | None, warn: list[Problem]) -> pd.DataFrame:
    raw = read_table(path, S.PAYMENTS.required, params.data.excel_sheet)
    fname = str(path)
    pnr = _check_pseudonymous(raw, fname)
    if pnr:
        raise PersonalIdentityNumberError(pnr)
    df = _validate(raw, S.PAYMENTS, problems, fname)
    if params.data.amount_unit == "tkr":
        df[S.AMOUNT] = df[S.AMOUNT] * 1000
    lo = pd.Timestamp(params.period.start) - pd.DateOffset(years=10)
    hi = pd.Timestamp(params.period.end) + pd.DateOffset(years=10)
    m = df[S.MONTH]
    out = m.notna() & ((m < lo) | (m > hi))
    for i in np.flatnonzero(out.to_numpy()):
        problems.append(Problem(fname, int(raw.file_rows[i]), S.MONTH, raw.frame[S.MONTH].iloc[i],
                                f"a month between {lo:%Y-%m} and {hi:%Y-%m} (ten years around the project period)"))
    if persons is not None and len(persons):
        known = set(persons[S.PERSON_ID].dropna())
        unknown = df[S.PERSON_ID].notna() & ~df[S.PERSON_ID].isin(known)
        idx = np.flatnonzero(unknown.to_numpy())
        for i in idx[:20]:
            warn.append(Problem(fname, int(raw.file_rows[i]), S.PERSON_ID, df[S.PERSON_ID].iloc[i],
                                "a person id that is in the person file; the row is kept but not used", "warning",
                                "unknown_person"))
        if len(idx) > 20:
            warn.append(Problem(fname, None, S.PERSON_ID, f"{len(idx) - 20} more rows",
                                "person ids that are in the person file", "warning", "unknown_person_more"))
    dupe = df.duplicated([S.PERSON_ID, S.MONTH], keep="first") & df[S.MONTH].notna()
    for i in np.flatnonzero(dupe.to_numpy()):
        problems.append(Problem(fname, int(raw.file_rows[i]), S.MONTH, raw.frame[S.MONTH].iloc[i],
                                "one row per person and month (sum the payments of a month into one row)"))
    return df


def _load_budget(path: Path, params: ProjectParams, problems: list[Problem]) -> pd.DataFrame:
    raw = read_table(path, S.BUDGET_TABLE.required, params.data.excel_sheet)
    fname = str(path)
    pnr = _check_pseudonymous(raw, fname)
    if pnr:
        raise PersonalIdentityNumberError(pnr)
    df = _validate(raw, S.BUDGET_TABLE, problems, fname)
    if params.data.amount_unit == "tkr":
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
                problems.append(Problem(fname, int(raw.file_rows[i]), col, f"{stated:,.0f}".replace(",", " "),
                                        f"the sum of its lines, {lines_sum} (period '{period}'); "
                                        "correct the total or the lines"))
    out = lines.reset_index(drop=True)
    out.attrs["stated_totals"] = df[is_total].reset_index(drop=True)
    out.attrs["file_rows"] = raw.file_rows[~is_total.to_numpy()]
    return out


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
        from .config import _format_pydantic, params_from_mapping, read_params_mapping
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


def load_project(params: str | Path | ProjectParams) -> Project:
    """Load a project by its id or params file: every data file read and validated against the contract.

    Parameters
    ----------
    params
        A project id (``"kompassen-demo"``, found in ``params/`` of the project folder, see
        :func:`evaltools.paths.find_params`), a path to its params file, or already-loaded params.

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
        params = load_params(find_params(params))
    d = params.data
    problems: list[Problem] = []
    warn: list[Problem] = []
    checksums = {}
    for p in (d.participants, d.payments, d.budget, *( (d.comparison.persons, d.comparison.payments) if d.comparison else ())):
        if p is not None:
            checksums[p.name] = file_sha256(p)

    if d.participants is not None:
        participants = _load_persons(d.participants, params, problems, is_comparison=False)
    else:
        participants = pd.DataFrame(columns=[c.name for c in S.PARTICIPANTS.columns])
    payments = _load_payments(d.payments, params, problems, participants, warn) if d.payments else None
    comparison = comparison_payments = None
    if d.comparison is not None:
        comparison = _load_persons(d.comparison.persons, params, problems, is_comparison=True)
        comparison_payments = _load_payments(d.comparison.payments, params, problems, comparison, warn)
        overlap = set(comparison[S.PERSON_ID].dropna()) & set(participants[S.PERSON_ID].dropna())
        if overlap:
            problems.append(Problem(str(d.comparison.persons), None, S.PERSON_ID, sorted(overlap)[:5],
                                    "comparison persons who are not also participants"))
    budget = _load_budget(d.budget, params, problems) if d.budget else None
    if problems:
        raise DataValidationError(problems)

    if len(participants):
        file_rows = participants.attrs.get("file_rows")
        participants = _derive_person_columns(participants, params)
        late = participants[S.END_DATE] > pd.Timestamp(params.as_of)
        for i in np.flatnonzero(late.to_numpy()):
            warn.append(Problem(str(d.participants), _file_row(file_rows, i), S.END_DATE,
                                participants[S.END_DATE].iloc[i].date().isoformat(),
                                f"an end date on or before the analysis date {params.as_of}", "warning", "late_end"))
    if comparison is not None:
        comparison = _derive_person_columns(comparison, params)
    if budget is not None:
        empty = budget[S.BUDGET].isna() & budget[S.ACTUAL].isna()
        for i in np.flatnonzero(empty.to_numpy()):
            warn.append(Problem(str(d.budget), _file_row(budget.attrs.get("file_rows"), i), S.CATEGORY, budget[S.CATEGORY].iloc[i],
                                    "a budget or actual amount; the line has neither and counts as 0", "warning",
                                    "empty_budget_line"))
    return Project(params, participants, payments, comparison, comparison_payments, budget, warn, checksums)
