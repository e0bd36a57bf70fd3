"""Loading a project: params, participants, payments, comparison group and budget.

``load_project`` is the only reader of project data. It reads every file
(:mod:`evaltools.data.reading`), validates it against the contract in :mod:`evaltools.data.schema`
(:mod:`evaltools.data.validation`), collects *all* problems before it raises, and never writes to
the input files.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field, replace
from collections.abc import Callable
from typing import Any
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import ValidationError

from . import schema as S
from .params import ProjectParams, load_params
from .errors import DataValidationError, ParamsError, PersonalIdentityNumberError, Problem, problem, problems_frame
from .arguments import check_lang
from .messages import LANGS, message
from .crosscheck import coded_exit_paid_note, shared_households, support_cut_note
from .households import household_goal_note
from .paths import find_params
from .privacy import public_name
from .reading import file_sha256, workbooks_kept
from .survey import load_survey
from .template import placeholder_problems
from .validation import ADULT_AGE, joined_unit_lines, age_bands, child_without_own_support, coverage_note, paid_by_start, group_bands, derive_person_columns, empty_table, enrolment_counts, file_row, load_budget, load_payments, load_persons, load_register
from .params import kolada_folder, kolada_series, params_from_mapping, params_problems, read_params_mapping, running_without_data_date, \
    data_date_ahead


def _today() -> dt.date:
    """The day the project is loaded: a ``data_as_of`` after it is a day not yet come."""
    return dt.date.today()


def month_index(dates: pd.Series) -> np.ndarray:
    """Each date's month as one integer, year * 12 + month − 1 (January 2022 is 24 264), the
    index every payment analysis counts months by; NaN where a date is missing.

    The distinct dates are few (the payments have one date a month): each is taken apart once,
    not every row (the payments at national scale have millions of rows).
    """
    codes, distinct = pd.factorize(pd.to_datetime(dates).to_numpy())
    distinct = pd.DatetimeIndex(distinct)
    months = (distinct.year * 12 + distinct.month - 1).to_numpy(np.int64)
    if (codes < 0).any():
        return np.where(codes >= 0, months[np.maximum(codes, 0)].astype(float), np.nan)
    return months[codes]


# --- the project object -----------------------------------------------------------------
def _followup_months(params: ProjectParams) -> frozenset[int]:
    """The months after exit the goals read a follow-up column for (``after_exit_months``)."""
    return frozenset(g.after_exit_months for g in params.goals if g.after_exit_months is not None)


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
    notices
        Notes for the evaluator only, never shown in a report: the columns of a file that are not read
        (``evaltools validate`` prints them).
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
    responses: pd.DataFrame | None = None  # questionnaire answers (data/survey.py), or None
    questions: pd.DataFrame | None = None
    notices: list[Problem] = field(default_factory=list)
    earnings: pd.DataFrame | None = None  # register outcome: gross earnings per person and month (kr), or None
    benefits: pd.DataFrame | None = None  # register outcome: state benefits per person, month and kind (kr), or None
    # the participants file's heading of each follow-up column read (months after exit -> 'Utfall 6 mån')
    followup_headings: dict[int, str] = field(default_factory=dict)
    # values derived from the tables and kept for the next analysis (paid_persons, payment_months,
    # payment_persons); each is stored with the tables it came from, so a table replaced on this
    # object is derived again (a table changed in place is not noticed: the tables are read-only)
    _derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.params.id

    @property
    def has_participants(self) -> bool:
        return len(self.participants) > 0

    def paid_persons(self, comparison: bool = False) -> pd.DataFrame:
        """The participants (or, with ``comparison``, the comparison persons) the payment analyses use.

        Everyone when the params say the payments file covers every participant
        (``data.payments_cover_all_participants: true``: a person without rows was paid 0 kr every
        month); otherwise only the persons with at least one row in the payments file, since a
        person missing from it may have been paid without the file showing it. The load's
        data-quality notes say how many were left out, or counted as 0 kr.
        """
        persons = self.comparison if comparison else self.participants
        payments = self.comparison_payments if comparison else self.payments
        if persons is None:
            return empty_table(S.PARTICIPANTS)
        if payments is None or self.params.data.payments_cover_all_participants:
            return persons
        # (kept on the project: every payment analysis asks; the look-up is of the payments' distinct ids)
        return self._derive(("paid_persons", comparison), (persons, payments),
                            lambda: persons[persons[S.PERSON_ID].isin(self._payment_ids(comparison)[1])])

    def _payment_ids(self, comparison: bool = False) -> tuple[np.ndarray, pd.Index]:
        """Every payment row's id as a code among the table's distinct ids (−1 for a missing id), and
        those ids: the one pass over the rows' ids that :meth:`paid_persons` and
        :meth:`payment_persons` share. Kept on the project with the table."""
        payments = self.comparison_payments if comparison else self.payments
        assert payments is not None  # (asked only where there are payments)

        def ids() -> tuple[np.ndarray, pd.Index]:
            codes, distinct = pd.factorize(payments[S.PERSON_ID].to_numpy())
            return codes.astype(np.int32), pd.Index(distinct)  # (half the memory)
        return self._derive(("payment_ids", comparison), (payments,), ids)

    def payment_persons(self, comparison: bool = False) -> tuple[pd.Index, np.ndarray]:
        """The distinct ids of :meth:`paid_persons` (in their order), and for every payment row its
        person's position among them (−1 for a row of someone else). Computed once per table and kept
        on the project, like :meth:`payment_months`: the payment analyses group the rows by it."""
        persons = self.paid_persons(comparison)
        payments = self.comparison_payments if comparison else self.payments
        if payments is None:
            return pd.Index(pd.unique(persons[S.PERSON_ID])), np.zeros(0, np.int64)

        def codes() -> tuple[pd.Index, np.ndarray]:
            people = pd.Index(pd.unique(persons[S.PERSON_ID].to_numpy()))
            row_ids, distinct = self._payment_ids(comparison)
            # each distinct id's position among the persons, then each row's (a missing id, −1, stays −1)
            position = np.append(people.get_indexer(distinct), -1).astype(np.int32)
            return people, position[row_ids]  # (32-bit: half the memory)
        return self._derive(("payment_persons", comparison), (persons, payments), codes)

    def derived(self, key: tuple, sources: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept on the project under ``key`` for as long as the tables in ``sources`` are the
        ones it came from: for a value that several analyses of one report derive from the same tables (the
        DiD's household units and panel). A project with other settings (:meth:`with_params`) keeps its own.
        The value is shared: a caller that changes it changes it for the next."""
        return self._derive(key, sources, compute)

    def _derive(self, key: tuple, sources: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept under ``key`` for as long as the tables in ``sources`` are the ones it came from."""
        hit = self._derived.get(key)
        if hit is None or len(hit[0]) != len(sources) or any(a is not b for a, b in zip(hit[0], sources)):
            hit = (sources, compute())
            self._derived[key] = hit
        return hit[1]

    def shared_households(self) -> pd.DataFrame:
        """:func:`evaltools.data.crosscheck.shared_households` of the participants, computed once and kept on the
        project: the persistence table asks it for each of its months after the exit."""
        return self._derive(("shared_households",), (self.participants,), lambda: shared_households(self.participants))

    def payment_months(self, comparison: bool = False) -> np.ndarray | None:
        """:func:`month_index` of every row of the payments (or, with ``comparison``, of the
        comparison persons' payments), in the table's row order; ``None`` without that table.

        Computed once per table and kept on the project: the comparison, the reference-date check,
        the payment phases and the cost-benefit's leavers all index the same rows by month.
        """
        payments = self.comparison_payments if comparison else self.payments
        if payments is None:
            return None

        def months() -> np.ndarray:
            m = month_index(payments[S.MONTH])
            return m.astype(np.int32) if m.dtype.kind == "i" else m  # (half the memory; a month index fits)
        return self._derive(("payment_months", comparison), (payments,), months)

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
        >>> et.cost_benefit(five_years).summary.npv  # doctest: +SKIP
        """
        where = f"{self.params.source_path.name if self.params.source_path else self.id} (with_params)"
        fixed = [k for k in ("id", "data") if k in changes]
        if fixed:
            raise ParamsError(where, [_both("params.not_explorable", key=k) for k in fixed])
        overrides = _merge_dicts(self.overrides, changes)
        source = self.params.source_path
        problems: list = []
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
                raise ParamsError(where, params_problems(e, merged)) from None
        # (the data are read again where what they are read for changes: the period, the data's date, or the months
        # after exit a goal reads a follow-up column for)
        if (params.period != self.params.period or params.data_as_of != self.params.data_as_of
                or _followup_months(params) != _followup_months(self.params)):
            return replace(load_project(params), overrides=overrides)
        return replace(self, params=params, overrides=overrides)

    def _repr_pretty_(self, p, cycle: bool) -> None:
        p.text(f"Project {self.id}: {self.params.title}, {len(self.participants)} enrolments"
               + (f", changed settings: {', '.join(k for k, _ in _flatten(self.overrides))}" if self.overrides else ""))

    def _repr_html_(self) -> str | None:
        """The notebook display, made by the presentation layer (registered by
        :mod:`evaltools.present.results`); ``None`` (plain text) until it is imported."""
        fn = _DISPLAY.get("html")
        return fn(self) if fn else None


# how a project shows itself in a notebook; filled in by the presentation layer (the data layer makes no HTML)
_DISPLAY: dict[str, Callable[..., Any]] = {}


def register_display(**functions: Callable[..., Any]) -> None:
    """Set how a :class:`Project` shows itself: ``html``, a function of the project. Called once by
    :mod:`evaltools.present.results`."""
    _DISPLAY.update(functions)


def _merge_dicts(base: dict, changes: dict) -> dict:
    """``base`` with ``changes`` merged in: nested mappings key by key, anything else replaced."""
    out = dict(base)
    for k, v in changes.items():
        out[k] = _merge_dicts(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _both(message_key: str, /, **values: object) -> dict[str, str]:
    """The message ``message_key`` in both languages, as a :class:`ParamsError` line."""
    return {lang: message(message_key, lang, **values) for lang in LANGS}


def _merge_params(base: dict, changes: dict, problems: list) -> dict:
    """The params as a mapping with ``changes`` merged in; goals are matched by their id."""
    goals = changes.get("goals")
    if isinstance(goals, dict):
        by_id = {g["id"]: g for g in base["goals"]}
        for gid, change in goals.items():
            if gid not in by_id:
                problems.append(_both("params.no_goal", key=f"goals.{gid}", ids=", ".join(map(str, by_id)) or "–"))
            elif not isinstance(change, dict):
                problems.append(_both("params.goal_change", key=f"goals.{gid}", value=repr(change)[:80]))
            else:
                by_id[gid] = _merge_dicts(by_id[gid], change)
        changes = {**changes, "goals": list(by_id.values())}
    return _merge_dicts(base, changes)


def _flatten(d: dict, prefix: str = "") -> list[tuple[str, object]]:
    """``{"a": {"b": 1}}`` as ``[("a.b", 1)]``."""
    out: list[tuple[str, object]] = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        out += _flatten(v, key + ".") if isinstance(v, dict) else [(key, v)]
    return out


def _drop_after_as_of(payments: pd.DataFrame | None, source: str, as_of: dt.date, warn: list) -> pd.DataFrame | None:
    """The payments without rows for months after the data extraction date ``data_as_of``, with one
    data-quality note per file saying how many rows were left out."""
    if payments is None or not len(payments):
        return payments
    after = (payments[S.MONTH] > pd.Timestamp(as_of)).to_numpy()
    if not after.any():
        return payments
    warn.append(problem(payments.attrs.get("source", source), None, S.MONTH, None, "payment.after_as_of", "warning",
                        "payment_after_as_of", n=str(int(after.sum())), as_of=as_of.isoformat()))
    kept = payments[~after].reset_index(drop=True)  # (a table as loaded: rows numbered from 0)
    kept.attrs = dict(payments.attrs)
    rows = payments.attrs.get("file_rows")
    if rows is not None and len(rows) == len(payments):  # each kept row still names its row in the file
        kept.attrs["file_rows"] = np.asarray(rows)[~after]
    return kept


def _set_aside_part_period_actuals(budget: pd.DataFrame, params: ProjectParams, source: str,
                                   warn: list) -> pd.DataFrame:
    """The budget without the actual amounts of periods not over on the day the data were taken.

    A running project's follow-up often has the year's utfall so far on the current year's lines (January to
    October, say). That is no period's utfall: counted as one it would make the project's cost the amount
    spent so far and its year look underspent. Such an amount is set aside, as the budget follow-up per
    half-year leaves a year whose later parts have no utfall (:mod:`evaltools.data.budget_shapes`), and a note
    says so with the amount; the year then counts at its budget, as a line without utfall does, or at the
    utfall so far where that is already more (kept in ``actual_so_far``). The file is not changed."""
    if not params.runs_on or budget[S.ACTUAL].notna().sum() == 0:
        return budget
    ends = budget[S.PERIOD].map(lambda p: S.budget_period_end(p, params.period.years_start, params.period.end))
    part = budget[S.ACTUAL].notna() & ends.map(lambda e: e is not None and e > params.as_of).astype(bool)
    if not part.any():
        return budget
    out = budget.copy()
    out.attrs = dict(budget.attrs)
    out[S.ACTUAL_SO_FAR] = budget[S.ACTUAL].where(part)
    out.loc[part, S.ACTUAL] = np.nan
    periods = list(dict.fromkeys(str(p) for p in budget.loc[part, S.PERIOD]))
    amount = float(budget.loc[part, S.ACTUAL].sum())
    rows = [file_row(budget.attrs.get("file_rows"), int(i)) for i in np.flatnonzero(part.to_numpy())]
    # the column as the file heads it: a förbund's layout has no 'actual' but 'Utfall 2026'
    headings = budget.attrs.get("actual_headings")
    column = (", ".join(dict.fromkeys(str(h) for h in np.asarray(headings)[part.to_numpy()]))
              if headings is not None and len(headings) == len(budget) else S.ACTUAL)
    warn.append(problem(budget.attrs.get("source", source), rows[0] if len(rows) == 1 else None, column, None,
                        "budget.part_period_actual", "warning", "part_period_actual",
                        periods=", ".join(periods), periods_en=S.budget_periods_en(", ".join(periods)), n=str(len(rows)), as_of=params.as_of.isoformat(),
                        amount_sv=f"{amount:,.0f} kr".replace(",", "\u00a0"),
                        amount_en=f"SEK {amount:,.0f}"))
    return out


def _households_in_both(participants: pd.DataFrame, comparison: pd.DataFrame, fname: str) -> list[Problem]:
    """Comparison persons whose ``household_id`` is a participant's: the household's försörjningsstöd, paid to the
    household, would be counted in both groups (with per-household payments the same rows are read for both), and
    the comparison would measure the project against itself. One problem at the first such comparison person's row,
    naming the participant and the rows of all of them."""
    if S.HOUSEHOLD_ID not in participants or S.HOUSEHOLD_ID not in comparison:
        return []
    theirs = participants[S.HOUSEHOLD_ID].astype("string").str.strip()
    first_of = {h: i for i, h in reversed(list(enumerate(theirs.tolist()))) if isinstance(h, str) and h}
    mine = comparison[S.HOUSEHOLD_ID].astype("string").str.strip()
    shared = [i for i, h in enumerate(mine.tolist()) if isinstance(h, str) and h in first_of]
    if not shared:
        return []
    rows = [file_row(comparison.attrs.get("file_rows"), i) for i in shared]
    listed = [str(r) for r in rows if r is not None]
    at = first_of[str(mine.iloc[shared[0]])]
    row = file_row(participants.attrs.get("file_rows"), at)
    return [problem(comparison.attrs.get("source", fname), rows[0], S.HOUSEHOLD_ID, str(mine.iloc[shared[0]]),
                    "comparison.household_overlap", person=str(participants[S.PERSON_ID].iloc[at]),
                    row="?" if row is None else str(row), persons=str(participants.attrs.get("source", "")),
                    n=str(len(shared)), rows=", ".join(listed[:5]) + (" …" if len(listed) > 5 else ""))]


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
    lang = check_lang(lang, "load_project")
    if not isinstance(params, ProjectParams):
        try:
            params = load_params(find_params(params))
        except ParamsError as e:
            raise (e.in_lang(lang) if lang else e) from None
    lang = lang or params.language
    try:
        with workbooks_kept():  # (the template's tables are sheets of one workbook: it is loaded once)
            return _load(params)
    except DataValidationError as e:
        raise type(e)(e.problems, lang) from None


_PERSONNUMMER_KEYS = ("person.personnummer", "person.personnummer_own_column", "person.personnummer_heading")
_EMAIL_KEYS = ("person.email", "person.email_own_column")


def _refusal(problems: list[Problem]) -> DataValidationError:
    """Every problem of every file in one error; a personnummer makes it a
    :class:`PersonalIdentityNumberError`, its cell reported once (the emptied cell is no problem of its own). A total
    row to delete under a file of persons has that message alone, not also one for its sum saved without a value
    (``=SUMMA(C2:C97)``: the row goes, and the formula with it)."""
    problems = joined_unit_lines(problems)
    totals = {(p.file, p.row) for p in problems if p.key in ("row.total", "row.total_household")}
    problems = [p for p in problems if not (p.key in ("cell.formula", "cell.formula_not_calculated")
                                            and (p.file, p.row) in totals)]
    # a cell with an invisible character has that message alone: another ('arbete\u202c' is no outcome code) would
    # echo the value with the character in it, turning the message's own text around or showing it as a valid value
    hidden = {(p.file, p.row, p.column) for p in problems if p.key == "cell.control"}
    problems = [p for p in problems if p.key == "cell.control" or (p.file, p.row, p.column) not in hidden]
    # (an e-mail address is taken out of its cell as a personnummer is: the emptied cell is no problem of its own)
    emails = {(p.file, p.row, p.column) for p in problems if p.key in _EMAIL_KEYS}
    problems = [p for p in problems if p.key in _EMAIL_KEYS or (p.file, p.row, p.column) not in emails]
    pnr = {(p.file, p.row, p.column) for p in problems if p.key in _PERSONNUMMER_KEYS}
    if not pnr:
        return DataValidationError(problems)
    kept = [p for p in problems if p.key in _PERSONNUMMER_KEYS or (p.file, p.row, p.column) not in pnr]
    return PersonalIdentityNumberError(kept)


def _load(params: ProjectParams) -> Project:
    problems: list[Problem] = []
    # a context goal with kolada: its series from the project's data folder, fetched once if not kept there
    params = kolada_series(params, fetch=True, problems=problems)
    d = params.data
    warn: list[Problem] = []
    checksums = {}
    for p in (d.participants, d.payments, d.budget, d.responses, d.questions, d.earnings, d.benefits,
              *((d.comparison.persons, d.comparison.payments) if d.comparison else ())):
        if p is not None:
            with contextlib.suppress(OSError):  # (a file that cannot be opened: its reader says so, with the others)
                checksums[public_name(p)] = file_sha256(p)  # a name like a personnummer is never shown
    for g in params.goals:  # a context goal's series kept from Kolada is an input too
        if g.kolada is not None:
            kept = kolada_folder(params) / f"kolada_{g.kolada.kpi}_{g.kolada.municipality}.csv"
            if kept.is_file():
                checksums[kept.name] = file_sha256(kept)

    if d.participants is not None:
        participants = load_persons(d.participants, params, problems, False, warn)
    else:
        participants = empty_table(S.PARTICIPANTS)
    payments = load_payments(d.payments, params, problems, participants, warn) if d.payments else None
    comparison = comparison_payments = None
    if d.comparison is not None:
        comparison = load_persons(d.comparison.persons, params, problems, True, warn)
        comparison_payments = load_payments(d.comparison.payments, params, problems, comparison, warn,
                                             "comparison_payments")
        overlap = set(comparison[S.PERSON_ID].dropna()) & set(participants[S.PERSON_ID].dropna())
        if overlap:
            problems.append(problem(comparison.attrs.get("source", str(d.comparison.persons)), None, S.PERSON_ID, None, "comparison.overlap",
                                    ids=", ".join(sorted(map(str, overlap))[:5]) + (" …" if len(overlap) > 5 else "")))
        problems.extend(_households_in_both(participants, comparison, str(d.comparison.persons)))
    if payments is not None and len(payments) == 0:  # a header and no rows: no payment data to compare
        warn.append(problem(str(d.payments), None, None, None, "payment.no_rows", "warning"))
        payments = None
    if comparison_payments is not None and len(comparison_payments) == 0 and d.comparison is not None:
        problems.append(problem(str(d.comparison.payments), None, None, None, "payment.no_rows_comparison"))
    budget = load_budget(d.budget, params, problems, warn) if d.budget else None
    # register outcomes: one file each for participants and comparison persons together
    everyone = pd.DataFrame({S.PERSON_ID: [*participants[S.PERSON_ID], *(comparison[S.PERSON_ID] if comparison is not None else [])]})
    earnings = load_register(d.earnings, S.EARNINGS, params, problems, warn, everyone) if d.earnings else None
    benefits = load_register(d.benefits, S.BENEFITS, params, problems, warn, everyone) if d.benefits else None
    responses, questions = load_survey(params, problems, warn, participants)
    if params.source_path is not None:  # a value `evaltools new` left for the evaluator to fill in
        problems += placeholder_problems(params.source_path)
    today = _today()
    if running_without_data_date(params, today):  # (the periods not yet run would be judged as run, the end as data's day)
        problems.append(problem(str(params.source_path or "params"), None, None, None,
                                "params.running_without_data_date", end=params.period.end.isoformat(),
                                today=today.isoformat()))
    if data_date_ahead(params, today):  # (a day not yet come: the report would be 'as of' it)
        value = params.data_as_of.isoformat() if params.data_as_of else ""
        problems.append(problem(str(params.source_path or "params"), None, None, None, "params.data_as_of_ahead", value=value, today=today.isoformat()))
    if params.period.prolonged_far:  # (years past the plan: most likely a date mistyped, perhaps a long prolonging)
        warn.append(problem(str(params.source_path or "params"), None, None, None, "params.actual_end_far", "warning",
                            "actual_end_far", end=params.period.end.isoformat(),
                            planned=params.period.planned_end.isoformat()))
    if problems:
        raise _refusal(problems)

    if len(participants):
        file_rows = participants.attrs.get("file_rows")
        source = participants.attrs.get("source", str(d.participants))
        participants = derive_person_columns(participants, params)
        counts = enrolment_counts(participants)
        if counts.returned:  # (a person who left and came back: each enrolment counts as a participant)
            warn.append(problem(source, None, S.PERSON_ID, None, "person.re_enrolled", "warning", "re_enrolled",
                                enrolments=counts.enrolments, persons=counts.persons, returned=counts.returned))
        # (those the payments show paid by their start are counted as on försörjningsstöd, as the calculation does)
        children = child_without_own_support(participants) & ~paid_by_start(participants, payments)
        if children.any():
            # (none is counted as leaving försörjningsstöd: said, so that the evaluator can write the support where
            # the young person had their own, and knows why the saving counts fewer than the exits)
            warn.append(problem(source, file_row(file_rows, int(np.flatnonzero(children.to_numpy())[0])),
                                S.SUPPORT_START, None, "person.child_support_unknown", "warning",
                                "child_support_unknown", age=ADULT_AGE))
        late = participants[S.END_DATE] > pd.Timestamp(params.as_of)
        # (where the data were taken after the project's end, the last day the analysis sees is the end: named as
        # such, since "the analysis date" would be a day other than the data_as_of the evaluator wrote)
        after_end = params.data_as_of is not None and params.as_of < params.data_as_of
        for i in np.flatnonzero(late.to_numpy()).tolist():
            ended = participants[S.END_DATE].iloc[i].date().isoformat()
            warn.append(problem(source, file_row(file_rows, i), S.END_DATE, ended, "person.late_end_after_end",
                                "warning", "late_end", end=params.as_of.isoformat(),
                                data_as_of=params.data_as_of.isoformat())
                        if after_end and params.data_as_of is not None else
                        problem(source, file_row(file_rows, i), S.END_DATE, ended, "person.late_end", "warning",
                                "late_end", as_of=params.as_of.isoformat()))
    if params.data_as_of is not None:
        # nothing can have been paid, or followed up, after the day the data were taken: such rows would
        # stretch the months the file covers past it, and every person not in them would count as paid 0 kr
        payments = _drop_after_as_of(payments, str(d.payments), params.data_as_of, warn)
        if d.comparison is not None:
            comparison_payments = _drop_after_as_of(comparison_payments, str(d.comparison.payments),
                                                    params.data_as_of, warn)
        if comparison is not None and d.comparison is not None:
            late = comparison[S.END_DATE] > pd.Timestamp(params.data_as_of)
            for i in np.flatnonzero(late.to_numpy()).tolist():
                warn.append(problem(comparison.attrs.get("source", str(d.comparison.persons)),
                                    file_row(comparison.attrs.get("file_rows"), i), S.END_DATE,
                                    comparison[S.END_DATE].iloc[i].date().isoformat(), "person.late_end", "warning",
                                    "late_end", as_of=params.data_as_of.isoformat()))
    covers_all = d.payments_cover_all_participants
    if payments is not None and len(participants):
        note = coverage_note(participants, payments, covers_all, str(d.payments))
        warn += [note] if note is not None else []
        # outcome codes that leave försörjningsstöd, against the payments
        warn += coded_exit_paid_note(source, participants, payments, params.cost_benefit.success_outcomes,
                                     params.privacy.min_count, covers_all, costed=d.budget is not None,
                                     file_rows=file_rows)
        # a qualitative goal of each participant's own payments a time after the start: the figures for its evidence
        warn += support_cut_note(str(d.payments), participants, payments, params.goals,
                                 params.comparison.months_before, covers_all)
    if len(participants):  # (a qualitative goal of households leaving försörjningsstöd: the figures, each household once)
        warn += household_goal_note(source, participants, payments, params.goals, covers_all)
    if comparison is not None and d.comparison is not None and comparison[S.PERSON_ID].nunique() < params.privacy.min_count:
        # a mean, a difference or an estimate on fewer than k comparison persons shows single persons' payments
        # (and says nothing): the project is analysed without a comparison group, and the report says why
        warn.append(problem(comparison.attrs.get("source", str(d.comparison.persons)), None, None, None,
                            "comparison.too_few", "warning", "comparison_too_few", k=str(params.privacy.min_count)))
        comparison = comparison_payments = None
    if comparison is not None:
        # (participants whose ages were given as groups: the comparison persons in the same groups)
        given = group_bands(participants[S.AGE_GROUP]) if participants[S.AGE_AT_START].isna().all() else None
        bands = given or age_bands(participants[S.AGE_AT_START]) if len(participants) else None
        comparison = derive_person_columns(comparison, params, bands)
        if comparison_payments is not None and len(comparison_payments) and d.comparison is not None:
            note = coverage_note(comparison, comparison_payments, covers_all, str(d.comparison.payments), True)
            warn += [note] if note is not None else []
    if budget is not None:
        empty = budget[S.BUDGET].isna() & budget[S.ACTUAL].isna()
        for i in np.flatnonzero(empty.to_numpy()).tolist():
            warn.append(problem(budget.attrs.get("source", str(d.budget)), file_row(budget.attrs.get("file_rows"), i), S.CATEGORY,
                                budget[S.CATEGORY].iloc[i], "budget.empty_line", "warning", "empty_budget_line"))
        budget = _set_aside_part_period_actuals(budget, params, str(d.budget), warn)
    notices = [w for w in warn if w.severity == "info"]  # (for the evaluator: not the report's data-quality notes)
    warn = [w for w in warn if w.severity != "info"]
    # what the readers noted on a table for the checks above (its file, each row's place in it) is not kept: pandas
    # copies a table's notes, deeply, into every table computed from it, and the analyses compute thousands
    followup = dict(participants.attrs.get("followup_headings", {}))  # (the report names the column it read)
    for frame in (participants, payments, comparison, comparison_payments, responses, questions, earnings, benefits):
        if frame is not None:
            frame.attrs = {}
    return Project(params, participants, payments, comparison, comparison_payments, budget, warn, checksums,
                   responses=responses, questions=questions, earnings=earnings, benefits=benefits,
                   notices=notices, followup_headings=followup)
