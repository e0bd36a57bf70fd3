"""Tables for spreadsheet users: one Excel workbook and CSV files, from the same sheet definitions.

A :class:`Sheet` is a table with its columns described once: heading (Swedish and English), kind
of value (text, count, amount, share, ...) and, for codes, how a code reads. From it come

* the workbook (:func:`write_workbook`): headings in the report's language, numbers as numbers
  with number formats (``1 276 000 kr``, ``48,6 %``), yes/no as *Ja*/*Nej*, a frozen header row (with
  Excel's filter on it where a table is long),
  column widths, and a first sheet that explains the tables, the privacy rule and the sources (its dates and
  counts, too, at the left beside their labels); printed,
  each sheet fits the width of A4 (standing or lying, at 70 % or more, else over a few pages side by side)
  with its header row on every page and its name and page number in the footer (:func:`_print_setup`);
  the workbook's properties name the report and the förbund, as the Word document's do;
* a CSV for Excel (:func:`write_csv`, ``dialect="excel"``): semicolon, decimal comma, UTF-8 with
  BOM, the same headings, so that Swedish Excel opens it in columns;
* a machine-readable CSV (``dialect="data"``): comma, decimal point, UTF-8, the stable column
  names and codes, for scripts and statistics programs.

Hidden numbers (the privacy rule, :mod:`evaltools.data.privacy`) are never text in a number column:
the cell is empty, carries a comment in the workbook, and the row's last column (*Dolda
uppgifter*) says which value is hidden and how (``<5`` or ``..``).

Text that a spreadsheet would run as a formula (beginning with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) is written as text: a string cell in the workbook, and with a leading ``'`` in
CSV (the OWASP rule against CSV injection). Numbers stay numbers. Emoji are left out of the workbook and the CSV
for Excel, as the report leaves them out (:func:`for_people`); the machine-readable CSV keeps the text as written.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._version import __version__
from ..data.assumptions import REGISTRY, Range, Unit
from ..words import assumptions as assumption_words
from ..data.privacy import DEFAULT_MIN_COUNT, SECONDARY, is_suppressed, public_name
from ..words.formats import (EMOJI, fmt_date, fmt_kr, fmt_num, fmt_pct, fmt_persons_needed, fmt_probability,
                             persons_needed, round_half_up, without_emoji)
from ..words.text import msg
from ..words.labels import t, code_label, NBSP, budget_period_label, who as who_of
from ..words.verdicts import status_words, verdict_words, interval_words
from ..data.privacy import suppressed_label
from ..data.validation import enrolment_counts
from ..analysis.disclosure import Secondary
from ..analysis.goals import success_definition
from ..present.portfolio import RANGE_COLUMNS, WITHHELD_COLUMNS, has_participants, write_entry
from ..present.sections import basis
from ..present.sections.basis import basis_words
from ..present.sections.budget import funder_note, municipalities_together, prestudy_note, revised_note
from ..present.sections.costbenefit import payback_words, switching_words
from ..present.sections.facts import gives_data_day, households_said

if TYPE_CHECKING:
    from ..present.portfolio import Portfolio
    from ..present.report import Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Characters with which a spreadsheet cell's text would be read as a formula (OWASP)."""

NOT_SHOWN = "–"  # a value a table leaves out (e.g. a curve cut where few persons remain)

# Every word of the workbook and CSV files is in the catalogs (``evaltools/locales/``, keys
# ``workbook.*``); this module says which word goes where.


@lru_cache(maxsize=None)
def _yes_no(lang: str) -> tuple[str, str]:
    return msg("workbook.no", lang), msg("workbook.yes", lang)


# --- value kinds ------------------------------------------------------------------------------
# kind -> Excel number format (format codes use "," and "." whatever the language; Excel shows
# them with the reader's separators: 1 276 000 kr in Swedish Excel)
NUMBER_FORMATS = {
    "int": "#,##0", "count": "#,##0", "persons_needed": "#,##0", "year": "0", "num1": "#,##0.0", "num2": "#,##0.00", "p": "0.000",
    "date": "yyyy-mm-dd", "month": "yyyy-mm",
}
# a share as the report writes it: Swedish puts a (non-breaking) space before the per cent sign, "48,6 %",
# English none, "48.6%" (words.formats.fmt_pct); in quotes, the space is shown as it is
_PCT_SIGN = {"sv": '"\u00a0"%', "en": "%"}
PCT_FORMATS = {lang: {"pct": f"0.0{sign}", "pct0": f"0{sign}"} for lang, sign in _PCT_SIGN.items()}
KR_FORMAT = {"sv": '#,##0 "kr";-#,##0 "kr"', "en": '"SEK "#,##0;-"SEK "#,##0'}
# a probability as the report writes it (words.formats.fmt_probability): whole percent, never rounded
# to a certainty ("> 99 %", "< 1 %"); the cell keeps the number
PROB_FORMAT = {"sv": '[>0.99]"> 99\u00a0%";[<0.01]"< 1\u00a0%";' + PCT_FORMATS["sv"]["pct0"],
               "en": '[>0.99]"> 99%";[<0.01]"< 1%";' + PCT_FORMATS["en"]["pct0"]}
# a p-value as the report writes it (words.formats.fmt_p): "< 0,001" rather than a misleading 0,000
P_FORMAT = {"sv": '[<0.001]"< 0,001";0.000', "en": '[<0.001]"< 0.001";0.000'}
NUMERIC = {"int", "count", "persons_needed", "year", "num1", "num2", "p", "pct", "pct0", "prob", "kr"}
# decimals kept in the CSV for Excel (what the workbook shows, a little more for shares)
CSV_DECIMALS = {"int": 0, "count": 0, "persons_needed": 0, "year": 0, "kr": 0, "num1": 1, "num2": 2, "p": 4, "pct": 4, "pct0": 4, "prob": 4}


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    Parameters
    ----------
    source
        The column in the results table; also the column's name in the machine-readable CSV.
    key
        The catalog key of the column's heading in the workbook (``workbook.column.*``); ``None``
        for a machine-only column, whose heading is ``source``.
    kind
        ``text``, ``bool``, ``date``, ``month`` (a date cell shown as ``2019-01``), or a number: ``int``, ``count`` (persons: may be hidden),
        ``persons_needed`` (a break-even in whole persons, the next whole number up),
        ``year``, ``kr``, ``pct`` / ``pct0`` (a share 0–1), ``prob`` (a probability, as the report
        writes it: ``> 99 %``), ``num1``, ``num2``, ``p``.
    label
        For codes: how a code reads in the report's language, ``label(code, lang)``; the
        machine-readable CSV keeps the code.
    hidden_when_missing
        A missing number in this column is a value hidden by the privacy rules (an amount), not
        an unknown one.
    kind_from
        A column of the table that gives each row's kind instead of ``kind`` (a goal's result is
        a count or a share).
    machine_only
        Only in the machine-readable CSV (ids and codes), not in the workbook.
    """

    source: str
    key: str | None = None
    kind: str = "text"
    label: Callable[[object, str], str] | None = None
    hidden_when_missing: bool = False
    kind_from: str | None = None
    machine_only: bool = False
    values: tuple[tuple[str, str], ...] = ()  # the heading's placeholders (the portfolio's ranges: ``k``)

    def heading(self, lang: str) -> str:
        return msg(self.key, lang, **dict(self.values)) if self.key else self.source


@dataclass
class Sheet:
    """A table for the workbook and the CSV files."""

    name: str  # file stem of its CSV (ASCII, stable)
    title: str  # catalog key of the sheet's name in the workbook (at most 31 characters)
    description: str  # catalog key of what the sheet holds
    frame: pd.DataFrame
    columns: Sequence[Column]
    notes: tuple[str, ...] = ()
    basis: str | None = None  # in which prices its amounts are (a sentence in the report's language)
    # a list of labelled figures (the key figures), not a table of records: each row a figure of its own, some rows
    # naming the rows below them ("Ledande perspektiv (nyckeltalen nedan gäller det)"); see write_workbook
    listing: bool = False

    def sheet_title(self, lang: str) -> str:
        return msg(self.title, lang)[:31]

    def describe(self, lang: str) -> str:
        """What the sheet holds, and in which prices its amounts are."""
        return msg(self.description, lang) + (f". {self.basis}" if self.basis else "")


@dataclass
class Cell:
    """One value as written: ``value`` (a number, date, text or None) and, if hidden, its mark."""

    value: object
    hidden: str | None = None  # "<5", ".." or "–"


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def for_people(value: str) -> str:
    """Text of a cell people read (the workbook, the CSV for Excel) without emoji, as the report has none
    (:func:`evaltools.words.formats.without_emoji`: its fonts lack them, and the PDF printed empty boxes): a budget
    line reads 'Lön' in the workbook as in the report, not 'Lön 💰'. The machine-readable CSV keeps the text as
    the input has it."""
    return without_emoji(value).strip() if EMOJI.search(value) else value


def neutralise(value: str) -> str:
    """Text that a spreadsheet would read as a formula, prefixed with ``'`` (for CSV)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def cell(column: Column, value: object, lang: str, kind: str | None = None) -> Cell:
    """The value of one cell as the workbook writes it (``kind``: the row's kind, if it has one)."""
    kind = kind or column.kind
    if isinstance(value, str) and kind in NUMERIC:  # a suppression mark, or "–", in a number column
        if is_suppressed(value) or value == NOT_SHOWN:
            return Cell(None, value)
        try:
            value = float(value)
        except ValueError:
            return Cell(None, NOT_SHOWN)
    if _missing(value):
        return Cell(None, SECONDARY if column.hidden_when_missing else None)
    if kind in NUMERIC:
        v = float(value)
        if not np.isfinite(v):
            return Cell(None)
        if kind == "persons_needed":  # (a break-even: in whole persons, as the report says it)
            return Cell(persons_needed(v))
        if kind in ("year",) or (kind in ("int", "count") and v == round(v)):
            return Cell(int(round(v)))
        # (an amount as computed, so that Excel's whole kronor are the report's: 3 714 691,498 kr rounded to öre
        # first would show 3 714 692; rounding noise such as 4.7e-10 kr shows as 0 in its format, and the CSV
        # files write it as 0)
        return Cell(v if kind == "kr" else round(v, 10))
    if kind == "bool":
        return Cell(_yes_no(lang)[bool(value)])
    if kind == "date":
        return Cell(value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value)
    if kind == "month":  # a month ("2019-01") as its first day, shown as the month
        return Cell(pd.Timestamp(str(value)).date().replace(day=1))
    return Cell(column.label(value, lang) if column.label else str(value))


def hidden_note(columns: Sequence[Column], cells: Sequence[Cell], lang: str) -> str:
    """The row's *Dolda uppgifter* text: '<heading>: <mark>' for each hidden value."""
    return "; ".join(f"{c.heading(lang)}: {x.hidden}" for c, x in zip(columns, cells) if x.hidden)


def _explain(mark: str, k: int, lang: str, column: Column) -> str:
    if mark.startswith("<"):
        return msg("workbook.hidden_small", lang, k=k)
    if mark == NOT_SHOWN:
        return msg("workbook.hidden_not_shown", lang)
    if column.hidden_when_missing:
        return msg("workbook.hidden_mean", lang)
    return msg("workbook.hidden_secondary", lang)


def _kinds(sheet: Sheet, columns: Sequence[Column]) -> list[list[str]]:
    """Each row's kind per column (a column's kinds read as one list, not cell by cell)."""
    f = sheet.frame
    by_column = [f[c.kind_from].tolist() if c.kind_from else [c.kind] * len(f) for c in columns]
    return [[kinds[i] for kinds in by_column] for i in range(len(f))]


def _rows(sheet: Sheet, lang: str, columns: Sequence[Column]) -> tuple[list[list[Cell]], list[list[str]]]:
    """Each row's cells as the workbook writes them, and each row's kinds (:func:`_kinds`)."""
    kinds = _kinds(sheet, columns)
    return ([[cell(c, v, lang, k_) for c, v, k_ in zip(columns, row, ks)]
             for row, ks in zip(sheet.frame[[c.source for c in columns]].itertuples(index=False), kinds)], kinds)


# --- the workbook -----------------------------------------------------------------------------
def write_workbook(path: str | Path, sheets: Sequence[Sheet], lang: str, k: int,
                   about: Sequence[tuple[str, object]] = (), title: str = "", author: str = "") -> Path:
    """Write ``sheets`` as one .xlsx workbook, after a first sheet explaining them.

    Parameters
    ----------
    path
        The .xlsx file to write.
    sheets
        The tables, in order.
    lang
        ``"sv"`` or ``"en"``: headings, labels and the kr format.
    k
        The privacy threshold (counts below ``k`` are hidden), for the explanation.
    about
        Rows (item, value) for the top of the first sheet: project, date, sources.
    title, author
        The workbook's properties (*Arkiv › Information*): its title (the report's) and author (the förbund),
        as the Word document has them; without an author none is named (openpyxl would name itself).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.hyperlink import Hyperlink

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F0")
    # the first sheet's values at the left, beside their labels, whatever they are: a date or a count there is
    # one value of a list of texts, not a column of figures (at Excel's right for numbers, "Data till och med"
    # stood a hundred characters from its date)
    wrap = Alignment(horizontal="left", wrap_text=True, vertical="top")
    wb = Workbook()
    wb.properties.title = for_people(title) or None
    wb.properties.creator = wb.properties.lastModifiedBy = for_people(author) or None
    ws = wb.active
    ws.title = msg("workbook.about", lang)[:31]
    _append_text(ws, [msg("workbook.about_title", lang)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for item, value in about:
        _append_text(ws, [item, value])
        ws.cell(ws.max_row, 1).font = bold
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):  # (a count: 1 234, as the report)
            ws.cell(ws.max_row, 2).number_format = NUMBER_FORMATS["count"]
    ws.append([])
    _append_text(ws, [msg("workbook.sheet", lang), msg("workbook.contents", lang)])
    for c in ws[ws.max_row]:
        c.font, c.fill = bold, head_fill
    for s in sheets:  # each sheet's name a link to it
        _append_text(ws, [s.sheet_title(lang), s.describe(lang)])
        name = ws.cell(ws.max_row, 1)
        name.hyperlink = Hyperlink(ref=name.coordinate, location=f"{quote_sheetname(s.sheet_title(lang))}!A1")
        name.font = Font(color="0563C1", underline="single")
    ws.append([])
    _append_text(ws, [msg("workbook.privacy", lang), msg("workbook.privacy_text", lang, k=k)])
    ws.cell(ws.max_row, 1).font = bold
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows():
        for c in row:
            c.alignment = wrap
    for r in range(2, ws.max_row + 1):  # (the title's row, in a larger size, keeps its own height)
        ws.row_dimensions[r].height = _row_height([(ws.cell(r, 1).value, 28, True), (ws.cell(r, 2).value, 100, False)])
    _print_setup(ws, [28, 100], lang, table=False)

    kr_format = KR_FORMAT[lang]
    for sheet in sheets:
        sh = wb.create_sheet(sheet.sheet_title(lang))
        columns = [c for c in sheet.columns if not c.machine_only]
        rows, kinds = _rows(sheet, lang, columns)
        any_hidden = any(x.hidden for r in rows for x in r)
        headings = [c.heading(lang) for c in columns] + ([msg("workbook.hidden_col", lang)] if any_hidden else [])
        _append_text(sh, headings)
        for c in sh[1]:
            c.font, c.fill = bold, head_fill
            c.alignment = Alignment(wrap_text=True, vertical="bottom")
        # what the sheet is, on the sheet itself: a note on its first heading (the rows below stay data)
        sh["A1"].comment = Comment(sheet.describe(lang), "evaltools", width=360, height=120)
        for r, (cells, row_kinds) in enumerate(zip(rows, kinds), start=2):
            for j, (col, x, kind) in enumerate(zip(columns, cells, row_kinds), start=1):
                target = sh.cell(r, j)
                _set(target, x.value)
                if kind in NUMERIC or kind in ("date", "month"):
                    target.number_format = (kr_format if kind == "kr" else PROB_FORMAT[lang] if kind == "prob"
                                            else P_FORMAT[lang] if kind == "p" else PCT_FORMATS[lang][kind]
                                            if kind in ("pct", "pct0") else NUMBER_FORMATS[kind])
                if x.hidden:
                    target.comment = Comment(f"{x.hidden}: {_explain(x.hidden, k, lang, col)}", "evaltools")
            if any_hidden:
                _set(sh.cell(r, len(columns) + 1), hidden_note(columns, cells, lang) or None)
        sh.freeze_panes = "A2"
        # a long table gets Excel's filter on its headings, over its rows only (the notes below stay put
        # when it sorts); each column then has room for the filter's button beside its heading
        # (a list of labelled figures gets none: sorted, its rows would no longer stand under the row that says
        # whose figures they are, and a column of figures of every kind has nothing to filter by)
        button = FILTER_BUTTON if len(rows) > LONG_TABLE and not sheet.listing else 0
        if button:
            sh.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{len(rows) + 1}"
        widths = []
        for j, col in enumerate(columns + ([None] if any_hidden else []), start=1):
            values = [r[j - 1].value for r in rows] if col is not None else []
            widths.append(_width(headings[j - 1], values, col, [r[j - 1] for r in kinds] if col is not None else [],
                                 lang))
            sh.column_dimensions[get_column_letter(j)].width = widths[-1] + button
        # the header row as high as its longest wrapped heading (neither Excel nor LibreOffice
        # fits a row's height to wrapped text when it opens a file)
        sh.row_dimensions[1].height = _row_height([(h, w_, True) for h, w_ in zip(headings, widths)])
        _wrap_long_texts(sh, len(rows), [w_ + button for w_ in widths])
        if sheet.listing:
            _values_beside_labels(sh, len(rows), len(headings))
        # a sheet wider than a screen keeps its first column (what each row is: the goal, the perspective) in
        # view as the reader scrolls to the right, as it keeps the headings in view scrolling down
        if sum(widths) + button * len(widths) > SCREEN_CHARACTERS and len(widths) > 2:
            sh.freeze_panes = "B2"
        # the notes below the table after an empty row, so that a filter or a sort leaves them out; beside the
        # first column where the sheet keeps that column in view and prints it on every page (see _wrap_notes)
        first = 2 if sh.freeze_panes == "B2" else 1
        notes = []
        for note in sheet.notes:
            notes.append(sh.cell(sh.max_row + 2, first))
            _set(notes[-1], note)
        _wrap_notes(sh, notes, _first_page([w_ + button for w_ in widths], sh.page_margins), first)
        _print_setup(sh, [w_ + button for w_ in widths], lang, table=True, first_column=sh.freeze_panes == "B2")
    path = Path(path)
    wb.save(path)
    return path


# printing: A4 (Excel's paper size 9); a column of width 1 is 7 pixels of 96 per inch (Calibri 11's digit)
A4_PAPER, A4_MM = 9, (210.0, 297.0)
CHARACTER_MM = 7 / 96 * 25.4
PRINT_SCALE_LEAST = 0.7  # the smallest a sheet is printed to fit the paper's width (11 pt text at 7.7 pt)


def _print_setup(sh, widths: Sequence[float], lang: str, table: bool, first_column: bool = False) -> None:
    """How a sheet prints (*Arkiv › Skriv ut*): on A4, standing where its columns fit the paper's width and
    lying where they do not, made smaller to fit the width (but not below :data:`PRINT_SCALE_LEAST`: a sheet
    wider than that is printed over as few pages side by side as that allows, as many pages down as its rows
    need); a table's header row on every page, and the first column on every page side by side where the
    sheet keeps it in view (``first_column``: what each row is, the goal or the perspective); the sheet's
    name and "Sida 3 av 12" in the footer. Unset, a wide sheet printed its columns on page after page,
    those after the first without the headings or the row they belong to.

    Parameters
    ----------
    sh
        The worksheet, set in place.
    widths
        Its columns' widths in characters, as written.
    lang
        The footer's language.
    table
        A table with a header row (not the first sheet, which explains them).
    first_column
        Print the first column on every page side by side.
    """
    setup = sh.page_setup
    setup.paperSize = A4_PAPER
    total = sum(widths)
    standing, page = _page_characters(widths, sh.page_margins)
    setup.orientation = "portrait" if standing else "landscape"
    room = page / PRINT_SCALE_LEAST  # a page at the smallest scale
    repeated = widths[0] if first_column and widths else 0.0
    sh.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1 if total <= room else math.ceil((total - repeated) / (room - repeated))
    setup.fitToHeight = 0  # (as many pages down as the rows need)
    if table:
        sh.print_title_rows = "1:1"
        if first_column:
            sh.print_title_cols = "A:A"
    sh.oddFooter.left.text = "&A"
    sh.oddFooter.right.text = msg("pdf.page_number", lang, page="&P", pages="&N")


def _page_characters(widths: Sequence[float], margins) -> tuple[bool, float]:
    """Whether a sheet of columns ``widths`` (characters) prints standing (its columns fit a standing A4's
    width at full size), and how many characters the page it prints on holds across at full size."""
    side = (margins.left + margins.right) * 25.4  # (inches)
    standing = (A4_MM[0] - side) / CHARACTER_MM
    if sum(widths) <= standing:
        return True, standing
    return False, (A4_MM[1] - side) / CHARACTER_MM


def _first_page(widths: Sequence[float], margins) -> list[float]:
    """The widths of the columns that a sheet's first printed page surely holds (:func:`_print_setup`): all
    of them where the sheet prints one page wide, else those that fit the page at full size (it prints at
    full size or smaller, so at least these are on the first page)."""
    _, page = _page_characters(widths, margins)
    if sum(widths) <= page / PRINT_SCALE_LEAST:
        return list(widths)
    held: list[float] = []
    for w_ in widths:
        if sum(held) + w_ > page:
            break
        held.append(w_)
    return held


# the most characters a cell of Excel holds: a longer text makes Excel call the file damaged and offer to
# repair it (by cutting the text)
CELL_CHARACTERS = 32_767


def _set(target, value: object) -> None:
    """Put ``value`` into a worksheet cell; text is always text, never a formula, and cut to what a cell of
    Excel holds (:data:`CELL_CHARACTERS`, the last one an ellipsis); a date is a date cell, shown as the
    report writes dates."""
    if isinstance(value, str):
        value = for_people(value) or None  # (text that was only emoji: an empty cell, not a box)
    if isinstance(value, str) and len(value) > CELL_CHARACTERS:
        value = value[:CELL_CHARACTERS - 1] + "…"
    target.value = value
    if isinstance(value, dt.date):
        target.number_format = NUMBER_FORMATS["date"]
    elif isinstance(value, str):
        target.data_type = "s"  # openpyxl would take a leading "=" as a formula
        if value.startswith(FORMULA_START):
            target.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _wrap_long_texts(sh, n_rows: int, widths: Sequence[float]) -> None:
    """A text longer than its column is wide (:data:`TEXT_WIDEST`, :func:`_width`) wraps in its cell,
    its row as high as its lines need and the row's cells set at the top, so that the text is read whole:
    unwrapped, Excel cuts it off at the next cell, which holds the row's next value."""
    from openpyxl.styles import Alignment  # (openpyxl only where a workbook is written)

    top, wrapped = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for r in range(2, n_rows + 2):
        row = [sh.cell(r, j) for j in range(1, len(widths) + 1)]
        long = [c for c, w_ in zip(row, widths) if isinstance(c.value, str) and wrapped_lines(c.value, w_) > 1]
        if not long:
            continue
        for c in row:
            c.alignment = wrapped if c in long else top
        sh.row_dimensions[r].height = _row_height([(c.value, w_, False) for c, w_ in zip(row, widths)
                                                   if isinstance(c.value, str)])


def _values_beside_labels(sh, n_rows: int, n_columns: int) -> None:
    """A list of labelled figures (:attr:`Sheet.listing`) sets each value at the left of its cell, beside its
    label, as the first sheet does: Excel sets a number at the right of its cell, and the key figures' column of
    values is as wide as its longest text (what a success is counted as), so that "Total kostnad, löpande priser"
    had its amount some sixty characters away at the column's far edge while "Uppmätt utfall" and "Nej" stood at
    its left. The values stay numbers in their formats; only where they stand in the cell changes."""
    from openpyxl.styles import Alignment  # (openpyxl only where a workbook is written)

    for r in range(2, n_rows + 2):
        for j in range(2, n_columns + 1):
            c = sh.cell(r, j)
            c.alignment = Alignment(horizontal="left", vertical=c.alignment.vertical, wrap_text=c.alignment.wrap_text)


def _wrap_notes(sh, notes: Sequence, widths: Sequence[float], first: int = 1) -> None:
    """A note under a table that is longer than the table is wide wraps within the table's width (its cell
    merged across the table's columns, its row as high as its lines): unwrapped, it ran on to the right of
    the table, off the screen and, printed, off the page. On a sheet printed over pages side by side the
    note is merged across the columns of the first page only (:func:`_first_page`): merged across all, its
    text went on over the next page, where the first column printed again on every page covered it.

    On a sheet that keeps its first column in view (frozen) and prints it on every page side by side, the
    notes stand from the second column on (``first`` 2), beside an empty first column: a note in the first
    column, merged across the next or running on into them, printed that column's slice of its lines again
    on every page after the first (the first column is printed on each), cut off at the column's edge, and on
    the screen it was cut in two at the frozen column's edge as the reader scrolled to the right.

    Parameters
    ----------
    sh
        The worksheet.
    notes
        The notes' cells (in column ``first``, under the table).
    widths
        The column widths in characters of the columns it is wrapped within, from the first column.
    first
        The column (1-based) the notes stand in.
    """
    from openpyxl.styles import Alignment  # (openpyxl only where a workbook is written)

    span = list(widths[first - 1:])
    whole = sum(span)
    for c in notes:
        if len(widths) < 2 or not span or wrapped_lines(c.value, whole) < 2:
            continue
        if len(span) > 1:
            sh.merge_cells(start_row=c.row, start_column=first, end_row=c.row, end_column=len(widths))
        c.alignment = Alignment(wrap_text=True, vertical="top")
        sh.row_dimensions[c.row].height = _row_height([(c.value, whole, False)])


def _append_text(ws, values: Sequence[object]) -> None:
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for j, v in enumerate(values, start=1):
        _set(ws.cell(row, j), v)


# a table longer than a laptop's screen shows below its frozen headings (about 25 rows of Calibri 11 at
# 1080 pixels and 125 % scaling, less with a wrapped header row) gets Excel's filter on its headings
LONG_TABLE = 20
# the characters of 7 pixels a screen shows side by side in Excel: about 1 150 pixels for the cells, a laptop's
# 1 366 pixels at 100 % or a full-HD screen at 150 %, less the row numbers and the scroll bar
SCREEN_CHARACTERS = 160
FILTER_BUTTON = 3  # the filter's button in a heading cell (about 17 pixels at 100 %) in characters of 7 pixels, and some air
TEXT_WIDEST = 60  # the widest a column of texts is made (about half a laptop's screen)
HEADING_LINES, HEADING_WIDEST = 3, 30  # a heading's lines at most, unless its column would be wider
LINE_POINTS = 15.0  # the height of a line of the workbook's text (Calibri 11), in points
# the highest row Excel has, in points (its Row Height takes at most 409): a file that sets a row higher holds a
# height no Excel writes, which readers of the file need not accept
ROW_POINTS_MOST = 409.0


def wrapped_lines(text: object, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes, wrapped between words, in a column ``width`` characters wide
    (a character counted as wide as a digit, a bold one a tenth wider; a word longer than the
    column is broken over as many lines as it needs)."""
    room = max(1.0, (width - 1) / (1.1 if bold else 1.0))
    lines = 0
    for paragraph in str(text or "").split("\n"):
        used = None  # the characters on the current line
        lines += 1
        for word in paragraph.split():
            need = len(word) if used is None else used + 1 + len(word)
            if need <= room:
                used = need
                continue
            if used is not None:
                lines += 1
            lines += max(0, math.ceil(len(word) / room) - 1)
            used = len(word) - (math.ceil(len(word) / room) - 1) * room
    return max(1, lines)


def _row_height(cells: Sequence[tuple[object, float, bool]]) -> float:
    """The height in points of a row of wrapped cells (text, column width, bold): its tallest cell's, at most the
    highest row Excel has (:data:`ROW_POINTS_MOST`; a longer text, an evaluator's page of evidence for a goal, is
    read whole in the formula bar or by widening its column)."""
    lines = max((wrapped_lines(text, width, bold) for text, width, bold in cells), default=1)
    return min(LINE_POINTS * lines, ROW_POINTS_MOST)


def _width(heading: str, values: list[object], column: Column | None, kinds: Sequence[str] = (),
           lang: str = "sv") -> float:
    """A column width (in characters) that fits the heading's longest word and the values, within bounds.
    A number is measured as Excel shows it in its row's kind (``kinds``), not as its digits: "SEK 12,000",
    not "12000", since Excel shows a number wider than its column as "#####"."""
    longest_word = max((len(w) for w in str(heading).split()), default=4)
    if column is None:  # the hidden-values column: wide enough to read, wrapped otherwise
        return 40
    kinds = list(kinds) or [column.kind] * len(values)
    shown = [len(_shown(v, k_, lang)) for v, k_ in zip(values, kinds) if v is not None]
    if column.kind in NUMERIC or column.kind in ("date", "month"):
        body = max([14 if column.kind == "kr" else 11, *shown])
    else:
        # the longest text, up to TEXT_WIDEST (a longer one wraps in its cell, :func:`_wrap_long_texts`): a
        # column as wide as most of its texts left the others cut off at the next cell, or, in a column of
        # figures with a few texts (the key figures' values), wrapped a sentence over a dozen lines
        body = max(shown, default=8)
    width = min(max(longest_word + 2, body + 2, 8), TEXT_WIDEST)
    while width < HEADING_WIDEST and wrapped_lines(heading, width, bold=True) > HEADING_LINES:
        width += 1  # a long heading widens its column until it wraps in three lines (or is 30 wide)
    return float(width)


def _shown(v: object, kind: str, lang: str) -> str:
    """A cell's value as Excel shows it in the number format of its kind (:data:`NUMBER_FORMATS`, the kr,
    share and p-value formats), for its column's width; a text or date as it is written."""
    if kind in ("date", "month") and isinstance(v, (dt.date, pd.Timestamp)):
        return v.strftime("%Y-%m-%d" if kind == "date" else "%Y-%m")
    if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)) or not math.isfinite(v):
        return str(v)
    if kind == "kr":
        return fmt_kr(v, lang)
    if kind == "prob":
        return fmt_probability(float(v), lang)
    if kind in ("pct", "pct0"):
        return fmt_pct(v, lang, 1 if kind == "pct" else 0)
    if kind == "p":
        return fmt_num(v, 3, lang)
    if kind == "year":
        return str(int(v))
    return fmt_num(v, {"num1": 1, "num2": 2}.get(kind, 0), lang) if kind in NUMERIC else str(v)


# --- CSV --------------------------------------------------------------------------------------
def write_csv(path: str | Path, sheet: Sheet, lang: str, dialect: str = "excel") -> Path:
    """Write one sheet as CSV.

    ``dialect="excel"``: for the Excel of the report's language, which opens it by double-click as a table —
    semicolon and decimal comma for a Swedish Excel, comma and decimal point in an English report (as an English
    Excel separates a list); UTF-8 with BOM, headings and labels as in the workbook, yes/no as Ja/Nej.
    ``dialect="data"``: machine-readable — comma, decimal point, UTF-8 without BOM, the stable
    column names and codes, ``true``/``false``, full precision.
    Hidden values are empty cells in both; the last column says which are hidden.
    """
    if dialect not in ("excel", "data"):
        raise ValueError(f"dialect must be 'excel' or 'data', got {dialect!r}")
    excel = dialect == "excel"
    decimal = "," if excel and lang == "sv" else "."
    columns = [c for c in sheet.columns if excel is False or not c.machine_only]
    rows, kinds = _rows(sheet, lang, columns)
    any_hidden = any(x.hidden for r in rows for x in r)
    if excel:
        header = [c.heading(lang) for c in columns] + ([msg("workbook.hidden_col", lang)] if any_hidden else [])
    else:
        header = [c.source for c in columns] + (["hidden"] if any_hidden else [])
    raw = sheet.frame[[c.source for c in columns]].itertuples(index=False)
    out_rows = []
    for cells, row_kinds, raw_row in zip(rows, kinds, raw):
        line = []
        for x, kind, v in zip(cells, row_kinds, raw_row):
            if x.value is None:
                line.append("")
            elif kind in NUMERIC:
                line.append(_number(x.value, kind, decimal, excel))
            elif kind == "bool":
                line.append(x.value if excel else ("true" if bool(v) else "false"))
            elif kind == "date":
                line.append(x.value.isoformat() if hasattr(x.value, "isoformat") else str(x.value))
            elif kind == "month":
                line.append(f"{x.value:%Y-%m}")
            else:  # (the data CSV: the code, or the text as the input has it, emoji and all)
                line.append(neutralise(for_people(str(x.value)) if excel else str(v)))
        if any_hidden:
            line.append(neutralise(for_people(hidden_note(columns, cells, lang))) if excel else
                        ";".join(f"{c.source}:{x.hidden}" for c, x in zip(columns, cells) if x.hidden))
        out_rows.append(line)
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
        # (a list separator that is not the decimal sign: a Swedish Excel reads 0,25 between semicolons, an English
        # one 0.25 between commas; a point between semicolons is text to a Swedish Excel and one column to an English)
        w = csv.writer(f, delimiter=";" if decimal == "," else ",", lineterminator="\r\n" if excel else "\n")
        w.writerow([neutralise(for_people(h) if excel else h) for h in header])
        w.writerows(out_rows)
    return path


def _number(v: object, kind: str, decimal: str, excel: bool) -> str:
    if isinstance(v, int):
        s = str(v)
    elif excel:
        d = CSV_DECIMALS.get(kind, 2)
        # (halves up, as the report rounds: 10,5 kr is 11, not the even 10)
        s = f"{round_half_up(float(v), d):.{d}f}" if d else str(int(round_half_up(float(v))))
        if d:
            s = s.rstrip("0").rstrip(".") if "." in s else s
    else:
        s = "0" if abs(float(v)) < 1e-6 else f"{float(v):.10g}"  # (no 4.7e-10 kr of rounding noise)
    if s in ("-0", "-0.0"):
        s = "0"
    return s.replace(".", decimal)


# --- the report's tables ----------------------------------------------------------------------
def _t(v: object, lang: str) -> str:
    return t(str(v), lang) if not _missing(v) and str(v) != "" else ""


def _municipalities(v: object, lang: str) -> str:
    """An actor's name where the participants come from several municipalities: theirs together ("Kommunerna"),
    as page 1 and the report's table per actor say, not one municipality's."""
    return _t("kommuner" if str(v) == "kommun" else v, lang)


def _status(v: object, lang: str) -> str:
    """A goal period's status in the words every other place uses (:mod:`evaltools.words.verdicts`)."""
    return "" if _missing(v) else status_words(v, lang)


def _verdict(v: object, lang: str) -> str:
    """A goal's verdict over its periods, in the words page 1 and the portfolio use."""
    return "" if _missing(v) or str(v) == "" else verdict_words(v, lang)


def _interval(v: object, lang: str) -> str:
    return "" if _missing(v) else interval_words(v, lang)


def _code(column: str) -> Callable[[object, str], str]:
    def label(v: object, lang: str) -> str:
        return code_label(column, v, lang)
    return label


def _period(v: object, lang: str) -> str:
    return budget_period_label(v, lang).replace(NBSP, " ")


def _pick(keys: dict[str, str]) -> Callable[[object, str], str]:
    """A label function for codes: the catalog's word for each code of ``keys`` (code -> key),
    looked up once per language; an unknown code as it is."""
    words: dict[str, dict[str, str]] = {}

    def label(v: object, lang: str) -> str:
        if lang not in words:
            words[lang] = {code: msg(key, lang) for code, key in keys.items()}
        return words[lang].get(str(v), str(v))
    return label


# code -> catalog key of the word the workbook writes for it
MODES = {
    "observed": "workbook.mode.observed",
    "assessed": "workbook.mode.assessed",
    "survey": "workbook.mode.survey",  # a questionnaire goal's share of respondents
    "ex_ante": "workbook.mode.ex_ante",
    "structural": "workbook.mode.structural",
    "offentliga": "workbook.mode.offentliga",
    "samhälle": "workbook.mode.samhälle",
    "kommun": "workbook.mode.kommun",
    "region": "workbook.mode.region",
    "stat": "workbook.mode.stat",
    "individ": "workbook.mode.individ",
    "comparison": "workbook.mode.comparison",
    "default": "workbook.mode.default",
    "params": "workbook.mode.params",
    "observed_dropoff": "workbook.mode.observed_dropoff",
    "assumed": "workbook.mode.assumed",
    "none": "workbook.mode.none",
    "context": "workbook.mode.context",
}
COUNTED = {  # what a goal counts, each once (``counts``)
    "persons": "workbook.counted.persons",
    "households": "workbook.counted.households",
}
GOAL_SOURCES = {
    "ansökan": "workbook.goal_source.ansokan",
    "slutrapport": "workbook.goal_source.slutrapport",
    "utvärderare": "workbook.goal_source.utvarderare",
}
TESTS = {
    "chi2": "workbook.test.chi2",
    "Fisher": "workbook.test.fisher",
    "Fisher (MC)": "workbook.test.fisher_mc",
    "–": "workbook.test.none",
}
GROUPS = {"participants": "workbook.group.participants", "comparison": "workbook.group.comparison"}
# the phases in the payments section's own words: before and after name their months ("12 mån före start"), as
# the section's table does, so that the sheet's "before" is not read as the before-and-after sheet's (whose
# months before may stop short of the start)
PHASES = {"before": "payments.phase.before", "during": "payments.phase.during", "after": "payments.phase.after"}


def _phase_words(months: int | None) -> Callable[[object, str], str]:
    """A label function for the phases of :func:`evaltools.analysis.comparison.payment_phases`, in the
    payments section's words with the phases' window of ``months`` (``12 mån före start``, ``Under
    deltagandet``, ``12 mån efter avslut``); an unknown code as it is."""
    def label(v: object, lang: str) -> str:
        key = PHASES.get(str(v))
        if key is None:
            return str(v)
        return msg(key, lang) if v == "during" or months is None else msg(key, lang, months=str(months))
    return label
# the DiD estimates and which interval is the main one (analysis.comparison.IntervalMethod)
ESTIMATES = {"did": "workbook.estimate.did", "placebo": "workbook.estimate.placebo",
             # the payments section's robustness rows, in its table's words
             "staggered": "payments.robust.staggered", "weighted": "payments.robust.weighted"}
INTERVALS = {"cluster_t": "workbook.interval.cluster_t", "wild_bootstrap": "workbook.interval.wild_bootstrap"}
# the ledger's items, actors and sources in the cost-benefit section's words
LEDGER_ITEMS = {i: f"costbenefit.register.items.{i}" for i in (
    "forsorjningsstod", "ersattning_fk", "ersattning_stat", "lonestod", "arbetsinkomst", "skatt", "projektkostnad",
    "skattefaktor", "anstallning_lon", "anstallning_skatt", "anstallning_avgift", "anstallning_fs")}
LEDGER_ACTOR_WORDS = {**{a: f"label.{a}" for a in ("kommun", "region", "stat", "individ", "arbetsgivare", "samhälle")},
                      "fk": "costbenefit.register.fk"}
LEDGER_SOURCES = {x: f"costbenefit.register.sources.{x}" for x in ("measured", "assumed", "cost", "public_net")}
REGISTER_OUTCOMES = {"earnings": "workbook.register.earnings", "benefits": "workbook.register.benefits"}
# the kind of an assumption's value, from its unit in the registry (assumptions and the sensitivity)
UNIT_KINDS = {Unit.KR_PER_MONTH: "kr", Unit.YEARS: "num1", Unit.SHARE: "pct", Unit.SHARE_PER_YEAR: "pct",
              Unit.RATE_PER_YEAR: "pct", Unit.FACTOR: "num2", Unit.MULTIPLE: "num2", Unit.YEAR: "year",
              Unit.PERSONS: "num1"}


def _value_kind(name: str) -> str:
    """How an assumption's value is written (``num2`` for a name the registry does not know)."""
    return UNIT_KINDS[REGISTRY[name].unit] if name in REGISTRY else "num2"


def _written_kind(name: str, value: object) -> str:
    """How an assumption's value (or a value the sensitivity analysis tests) is written: in its unit's kind,
    with no more decimals than show it exactly, as the report's assumptions table writes it
    (:func:`evaltools.words.assumptions.value_text`): "25 %" and "3,5 %", "3 år" and "2,5 år", the tax
    factor "1,3" and "1,25", rather than "25,0 %", "3,0" and "1,30" beside the report's "25 %", "3 år", "1,3"."""
    kind = _value_kind(name)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not math.isfinite(value) or kind not in ("pct", "num1", "num2"):
        return kind
    v = float(value)
    if kind == "pct":
        return "pct0" if _fewest_decimals(v * 100, 1) == 0 else "pct"
    decimals = _fewest_decimals(v, 1 if kind == "num1" else 2)
    if name in REGISTRY and REGISTRY[name].unit is Unit.FACTOR:  # (a factor keeps a decimal: "1,0", as the report)
        decimals = max(1, decimals)
    return ("int", "num1", "num2")[decimals]


def _fewest_decimals(x: float, most: int) -> int:
    """The fewest decimals (up to ``most``) that show ``x`` exactly."""
    return next((d for d in range(most + 1) if math.isclose(x, round(x, d), abs_tol=1e-9)), most)


def _end_kind(name: str) -> str:
    """How an end of an assumption's range is written: a relative range is a multiple of the value."""
    return "num2" if name in REGISTRY and REGISTRY[name].range is Range.RELATIVE else _value_kind(name)


def _assumption(part: str) -> Callable[[object, str], str]:
    """A label function: the registry assumption's label, unit or definition in the report's language."""
    def label(v: object, lang: str) -> str:
        return getattr(assumption_words, part)(str(v), lang)
    return label


SUMMARY = {  # cost-benefit key figures: (catalog key of the name, kind)
    "mode": ("workbook.summary.mode", "text"),
    "price_year": ("workbook.summary.price_year", "year"),
    "total_cost_nominal": ("workbook.summary.total_cost_nominal", "kr"),
    "total_cost_fixed": ("workbook.summary.total_cost_fixed", "kr"),
    "budget_total": ("workbook.summary.budget_total", "kr"),
    "actual_total": ("workbook.summary.actual_total", "kr"),
    "participants": ("workbook.summary.participants", "int"),
    "ended": ("workbook.summary.ended", "int"),
    "successes": ("workbook.summary.successes", "int"),
    "cost_per_participant": ("workbook.summary.cost_per_participant", "kr"),
    # (a running project's costs per person: what they divide and by whom, so that each division can be redone;
    # rows a finished project leaves out, see ``present.sections.costbenefit.PER_PERSON_FIGURES``)
    "per_person_so_far": ("workbook.summary.per_person_so_far", "bool"),
    "per_person_through": ("workbook.summary.per_person_through", "date"),
    "cost_per_person_basis": ("workbook.summary.cost_per_person_basis", "kr"),
    "participants_paid": ("workbook.summary.participants_paid", "int"),
    "success_definition": ("workbook.summary.success_definition", "text"),
    "goal_successes": ("workbook.summary.goal_successes", "int"),
    "cost_per_success": ("workbook.summary.cost_per_success", "kr"),
    "goal_successes_paid": ("workbook.summary.goal_successes_paid", "int"),
    "cost_per_exit_from_fs": ("workbook.summary.cost_per_exit_from_fs", "kr"),
    "successes_paid": ("workbook.summary.successes_paid", "int"),
    "monthly_level": ("workbook.summary.monthly_level", "kr"),
    "pv_cost": ("workbook.summary.pv_cost", "kr"),
    "pv_skattefaktor": ("workbook.summary.pv_skattefaktor", "kr"),
    "pv_avoided_fs": ("workbook.summary.pv_avoided_fs", "kr"),
    "perspective": ("workbook.summary.perspective", "text"),
    "pv_benefit": ("workbook.summary.pv_benefit", "kr"),
    # where 1 to k − 1 exits are valued: the range over them in place of the benefit, NPV and ratio (ExitRange)
    "benefit_per_exit": ("workbook.summary.benefit_per_exit", "kr"),
    "exits_low": ("workbook.summary.exits_low", "int"),
    "exits_high": ("workbook.summary.exits_high", "int"),
    "pv_benefit_low": ("workbook.summary.pv_benefit_low", "kr"),
    "pv_benefit_high": ("workbook.summary.pv_benefit_high", "kr"),
    "npv_low": ("workbook.summary.npv_low", "kr"),
    "npv_high": ("workbook.summary.npv_high", "kr"),
    "bcr_low": ("workbook.summary.bcr_low", "num2"),
    "bcr_high": ("workbook.summary.bcr_high", "num2"),
    "npv": ("workbook.summary.npv", "kr"),
    "bcr": ("workbook.summary.bcr", "num2"),
    "payback_months": ("workbook.summary.payback_months", "int"),
    "break_even_exits": ("workbook.summary.break_even_exits", "persons_needed"),
    "break_even_person_years": ("workbook.summary.break_even_person_years", "num1"),
    "break_even_person_years_application": ("workbook.summary.break_even_person_years_application", "num1"),
    "switching_deadweight": ("workbook.summary.switching_deadweight", "pct0"),  # (whole per cent, as the report)
    "deadweight_source": ("workbook.summary.deadweight_source", "text"),
    "comparison_unreliable": ("workbook.summary.comparison_unreliable", "bool"),
    "dropoff_source": ("workbook.summary.dropoff_source", "text"),
    "first_year_kept": ("workbook.summary.first_year_kept", "pct"),
    "earnings_valued": ("workbook.summary.earnings_valued", "bool"),
    "skattefaktor": ("workbook.summary.skattefaktor", "num2"),
    "has_comparison": ("workbook.summary.has_comparison", "bool"),
    "level_source": ("workbook.summary.level_source", "text"),
    "deadweight": ("workbook.summary.deadweight", "pct"),
}

C = Column
_DEFAULT_K = (("k", str(DEFAULT_MIN_COUNT)),)  # (a heading's threshold where the table does not say its own)
SHEETS: dict[str, tuple[str, str, list[Column]]] = {
    "mal": ("workbook.sheets.mal.title", "workbook.sheets.mal.description", [
        C("goal_id", machine_only=True),
        C("label", "workbook.column.mal.label"),
        C("kind", "workbook.column.mal.kind", label=_t),
        C("period_key", machine_only=True),
        C("period_label", "workbook.column.mal.period_label"),
        C("fraction_run", "workbook.column.mal.fraction_run", "pct0"),
        C("cut", "workbook.column.mal.cut", "bool"),
        C("running", "workbook.column.mal.running", "bool"),
        C("mode", "workbook.column.mal.mode", label=_pick(MODES)),
        C("value", "workbook.column.mal.value", kind_from="_value_kind"),
        C("counts", "workbook.column.mal.counts", label=_pick(COUNTED)),  # (what one counted is: persons or households)
        C("numerator", "workbook.column.mal.numerator", "int"),
        C("denominator", "workbook.column.mal.denominator", "int"),
        C("target", "workbook.column.mal.target", kind_from="_target_kind"),  # (a share's: whole per cent, as the report)
        C("target_prorated", "workbook.column.mal.target_prorated", "int"),  # whole persons, as compared
        C("ci_low", "workbook.column.mal.ci_low", "pct"),
        C("ci_high", "workbook.column.mal.ci_high", "pct"),
        C("p_below_target", "workbook.column.mal.p_below_target", "p"),
        C("p_above_target", "workbook.column.mal.p_above_target", "p"),
        C("ci_verdict", "workbook.column.mal.ci_verdict", label=_interval),
        C("too_few", "workbook.column.mal.too_few", "bool"),
        C("total", "workbook.column.mal.total", "int"),
        C("source", "workbook.column.mal.source", label=_pick(GOAL_SOURCES)),
        C("main", "workbook.column.mal.main", "bool"),
        C("status", "workbook.column.mal.status", label=_status),
        C("verdict", "workbook.column.mal.verdict", label=_verdict),
        C("verdict_so_far", "workbook.column.mal.verdict_so_far", "bool"),
        C("evidence", "workbook.column.mal.evidence"),
        C("note", "workbook.column.mal.note"),
    ]),
    "budget": ("workbook.sheets.budget.title", "workbook.sheets.budget.description", [
        C("period", "workbook.column.budget.period", label=_period, kind_from="_period_kind"),
        C("category", "workbook.column.budget.category"),
        C("funder", "workbook.column.budget.funder", label=_code("funder")),
        C("budget", "workbook.column.budget.budget", "kr"),
        C("actual", "workbook.column.budget.actual", "kr"),
        C("actual_so_far", "workbook.column.budget.actual_so_far", "kr"),
        C("difference", "workbook.column.budget.difference", "kr"),
        C("used_pct", "workbook.column.budget.used_pct", "pct0"),  # (a whole per cent, as every page: fmt_budget_share)
        C("used", "workbook.column.budget.used", "kr"),
        C("unspent", "workbook.column.budget.unspent", "bool"),
        C("price_year_factor", "workbook.column.budget.price_year_factor", "num2"),
        C("used_fixed", "workbook.column.budget.used_fixed", "kr"),
        C("t_years", "workbook.column.budget.t_years", "num2"),
    ]),
    "kostnad_nytta": ("workbook.sheets.kostnad_nytta.title", "workbook.sheets.kostnad_nytta.description", [
        C("key", "workbook.column.kostnad_nytta.key", label=_pick({k_: key for k_, (key, _) in SUMMARY.items()})),
        C("value", "workbook.column.kostnad_nytta.value", kind_from="_kind", label=_pick(MODES)),
    ]),
    "aktorer": ("workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", [
        C("perspective", "workbook.column.aktorer.perspective", label=_t),
        C("pv_cost", "workbook.column.aktorer.pv_cost", "kr"),
        C("pv_benefit", "workbook.column.aktorer.pv_benefit", "kr"),
        C("pv_benefit_low", "workbook.column.aktorer.pv_benefit_low", "kr"),
        C("pv_benefit_high", "workbook.column.aktorer.pv_benefit_high", "kr"),
        C("pv_skattefaktor", "workbook.column.aktorer.pv_skattefaktor", "kr"),
        C("pv_skattefaktor_low", "workbook.column.aktorer.pv_skattefaktor_low", "kr"),
        C("pv_skattefaktor_high", "workbook.column.aktorer.pv_skattefaktor_high", "kr"),
        C("npv", "workbook.column.aktorer.npv", "kr"),
        C("npv_low", "workbook.column.aktorer.npv_low", "kr"),
        C("npv_high", "workbook.column.aktorer.npv_high", "kr"),
        C("bcr", "workbook.column.aktorer.bcr", "num2"),
        C("payback_months", "workbook.column.aktorer.payback_months", "int"),
        C("break_even_exits", "workbook.column.aktorer.break_even_exits", "persons_needed"),
        C("switching_deadweight", "workbook.column.aktorer.switching_deadweight", "pct0"),
        C("p_npv_positive", "workbook.column.aktorer.p_npv_positive", "prob"),
        C("earnings_unvalued", "workbook.column.aktorer.earnings_unvalued", "bool"),
        C("note", "workbook.column.aktorer.note"),
    ]),
    # the ledger, every flow per actor, each row measured (register outcomes), assumed or the cost
    "floden": ("workbook.sheets.floden.title", "workbook.sheets.floden.description", [
        C("item", "workbook.column.floden.item", label=_pick(LEDGER_ITEMS)),
        C("actor", "workbook.column.floden.actor", label=_pick(LEDGER_ACTOR_WORDS)),
        C("pv", "workbook.column.floden.pv", "kr"),
        C("source", "workbook.column.floden.source", label=_pick(LEDGER_SOURCES)),
    ]),
    # the register outcomes' DiD estimates the measured rows come from
    "registereffekt": ("workbook.sheets.registereffekt.title", "workbook.sheets.registereffekt.description", [
        C("outcome", "workbook.column.registereffekt.outcome", label=_pick(REGISTER_OUTCOMES)),
        C("actor", "workbook.column.floden.actor", label=_pick(LEDGER_ACTOR_WORDS)),
        C("effect", "workbook.column.registereffekt.effect", "kr"),
        C("ci_low", "workbook.column.forsorjningsstod_effekt.ci_low", "kr"),
        C("ci_high", "workbook.column.forsorjningsstod_effekt.ci_high", "kr"),
        C("ci_method", "workbook.column.forsorjningsstod_effekt.ci_method", label=_pick(INTERVALS)),
        C("unreliable", "workbook.column.forsorjningsstod_effekt.unreliable", "bool"),
        C("person_months", "workbook.column.registereffekt.person_months", "int"),
        C("first_month", "workbook.column.registereffekt.first_month", "month"),
        C("last_month", "workbook.column.registereffekt.last_month", "month"),
    ]),
    # one row per assumption of the registry the calculation used; words from assumption.<name>.*
    "antaganden": ("workbook.sheets.antaganden.title", "workbook.sheets.antaganden.description", [
        C("name", "assumption.column.name", label=_assumption("label")),
        C("value", "assumption.column.value", kind_from="_kind"),
        C("unit", "workbook.column.antaganden.unit", label=_assumption("unit")),
        C("lower", "workbook.column.antaganden.lower", kind_from="_lower_kind"),
        C("upper", "workbook.column.antaganden.upper", kind_from="_upper_kind"),
        C("source", "assumption.column.source"),
        C("flagged", "assumption.column.uncertain", "bool"),
        C("definition", "workbook.column.antaganden.definition", label=_assumption("definition")),
    ]),
    "kanslighet": ("workbook.sheets.kanslighet.title", "workbook.sheets.kanslighet.description", [
        C("parameter", "assumption.column.name", label=_assumption("label")),
        C("low_value", "workbook.column.kanslighet.low_value", kind_from="_low_kind"),
        C("high_value", "workbook.column.kanslighet.high_value", kind_from="_high_kind"),
        C("npv_low", "workbook.column.kanslighet.npv_low", "kr"),
        C("npv_high", "workbook.column.kanslighet.npv_high", "kr"),
        C("range", "workbook.column.kanslighet.range", "kr"),
        C("npv_base", "workbook.column.kanslighet.npv_base", "kr"),
        C("perspective", "workbook.column.kanslighet.perspective", label=_t),
    ]),
    "enkater": ("workbook.sheets.enkater.title", "workbook.sheets.enkater.description", [
        C("group", machine_only=True),
        C("group_label", "workbook.column.enkater.group_label"),
        C("round", "workbook.column.enkater.round", "year"),
        C("question", machine_only=True),
        C("question_label", "workbook.column.enkater.question_label"),
        C("answer", machine_only=True),
        C("answer_label", "workbook.column.enkater.answer_label"),
        C("n", "workbook.column.enkater.n", "count"),
        C("share", "workbook.column.enkater.share", "pct"),
    ]),
    "deltagare": ("workbook.sheets.deltagare.title", "workbook.sheets.deltagare.description", [
        C("variable", machine_only=True),
        C("variable_label", "workbook.column.deltagare.variable_label"),
        C("category", machine_only=True),
        C("category_label", "workbook.column.deltagare.category_label"),
        C("n", "workbook.column.deltagare.n", "count"),
        C("share", "workbook.column.deltagare.share", "pct"),
    ]),
    "utfall_per_grupp": ("workbook.sheets.utfall_per_grupp.title", "workbook.sheets.utfall_per_grupp.description", [
        C("variable", machine_only=True),
        C("variable_label", "workbook.column.utfall_per_grupp.variable_label"),
        C("category", machine_only=True),
        C("category_label", "workbook.column.utfall_per_grupp.category_label"),
        C("n", "workbook.column.utfall_per_grupp.n", "count"),
        C("successes", "workbook.column.utfall_per_grupp.successes", "count"),
        C("rate", "workbook.column.utfall_per_grupp.rate", "pct"),
        C("ci_low", "workbook.column.utfall_per_grupp.ci_low", "pct"),
        C("ci_high", "workbook.column.utfall_per_grupp.ci_high", "pct"),
        C("test", "workbook.column.utfall_per_grupp.test", label=_pick(TESTS)),
        C("p_value", "workbook.column.utfall_per_grupp.p_value", "p"),
        C("p_holm", "workbook.column.utfall_per_grupp.p_holm", "p"),
    ]),
    "utfall_oddskvoter": ("workbook.sheets.utfall_oddskvoter.title", "workbook.sheets.utfall_oddskvoter.description", [
        C("variable", machine_only=True),
        C("variable_label", "workbook.column.utfall_oddskvoter.variable_label"),
        C("category", machine_only=True),
        C("category_label", "workbook.column.utfall_oddskvoter.category_label"),
        C("reference_label", "workbook.column.utfall_oddskvoter.reference_label"),
        C("odds_ratio", "workbook.column.utfall_oddskvoter.odds_ratio", "num2"),
        C("ci_low", "workbook.column.utfall_oddskvoter.ci_low", "num2"),
        C("ci_high", "workbook.column.utfall_oddskvoter.ci_high", "num2"),
        C("p_value", "workbook.column.utfall_oddskvoter.p_value", "p"),
    ]),
    "tid_i_projekt": ("workbook.sheets.tid_i_projekt.title", "workbook.sheets.tid_i_projekt.description", [
        C("group", "workbook.column.tid_i_projekt.group"),
        C("day", "workbook.column.tid_i_projekt.day", "int"),
        C("success", "workbook.column.tid_i_projekt.success", "pct"),
        C("other_exit", "workbook.column.tid_i_projekt.other_exit", "pct"),
        C("still_in_project", "workbook.column.tid_i_projekt.still_in_project", "pct"),
        C("at_risk", "workbook.column.tid_i_projekt.at_risk", "count"),
        C("median_days", "workbook.column.tid_i_projekt.median_days", "int"),
        C("median_ci_low", "workbook.column.tid_i_projekt.median_ci_low", "int"),
        C("median_ci_high", "workbook.column.tid_i_projekt.median_ci_high", "int"),
    ]),
    "forsorjningsstod": ("workbook.sheets.forsorjningsstod.title", "workbook.sheets.forsorjningsstod.description", [
        C("group", "workbook.column.forsorjningsstod.group", label=_pick(GROUPS)),
        C("persons", "workbook.column.forsorjningsstod.persons", "count"),
        C("before", "workbook.column.forsorjningsstod.before", "kr", hidden_when_missing=True),
        C("after", "workbook.column.forsorjningsstod.after", "kr", hidden_when_missing=True),
        C("change", "workbook.column.forsorjningsstod.change", "kr", hidden_when_missing=True),
    ]),
    "forsorjningsstod_effekt": ("workbook.sheets.forsorjningsstod_effekt.title",
                                "workbook.sheets.forsorjningsstod_effekt.description", [
        C("estimate", "workbook.column.forsorjningsstod_effekt.estimate", label=_pick(ESTIMATES)),
        C("effect", "workbook.column.forsorjningsstod_effekt.effect", "kr"),
        C("ci_low", "workbook.column.forsorjningsstod_effekt.ci_low", "kr"),
        C("ci_high", "workbook.column.forsorjningsstod_effekt.ci_high", "kr"),
        C("ci_method", "workbook.column.forsorjningsstod_effekt.ci_method", label=_pick(INTERVALS)),
        C("unreliable", "workbook.column.forsorjningsstod_effekt.unreliable", "bool"),
        C("p_value", "workbook.column.forsorjningsstod_effekt.p_value", "p"),
        C("wild_p_value", "workbook.column.forsorjningsstod_effekt.wild_p_value", "p"),
        C("t_ci_low", "workbook.column.forsorjningsstod_effekt.t_ci_low", "kr"),
        C("t_ci_high", "workbook.column.forsorjningsstod_effekt.t_ci_high", "kr"),
        C("wild_ci_low", "workbook.column.forsorjningsstod_effekt.wild_ci_low", "kr"),
        C("wild_ci_high", "workbook.column.forsorjningsstod_effekt.wild_ci_high", "kr"),
        C("n_clusters", "workbook.column.forsorjningsstod_effekt.n_clusters", "int"),
        C("n_treated_clusters", "workbook.column.forsorjningsstod_effekt.n_treated_clusters", "int"),
    ]),
    "forsorjningsstod_manad": ("workbook.sheets.forsorjningsstod_manad.title",
                               "workbook.sheets.forsorjningsstod_manad.description", [
        C("event_time", "workbook.column.forsorjningsstod_manad.event_time", "int"),
        C("reference", "workbook.column.forsorjningsstod_manad.reference", "bool"),
        C("participants", "workbook.column.forsorjningsstod_manad.participants", "kr", hidden_when_missing=True),
        C("participants_low", "workbook.column.forsorjningsstod_manad.participants_low", "kr", hidden_when_missing=True),
        C("participants_high", "workbook.column.forsorjningsstod_manad.participants_high", "kr",
          hidden_when_missing=True),
        C("comparison", "workbook.column.forsorjningsstod_manad.comparison", "kr", hidden_when_missing=True),
        C("comparison_low", "workbook.column.forsorjningsstod_manad.comparison_low", "kr", hidden_when_missing=True),
        C("comparison_high", "workbook.column.forsorjningsstod_manad.comparison_high", "kr", hidden_when_missing=True),
        C("difference", "workbook.column.forsorjningsstod_manad.difference", "kr", hidden_when_missing=True),
        C("difference_low", "workbook.column.forsorjningsstod_manad.difference_low", "kr", hidden_when_missing=True),
        C("difference_high", "workbook.column.forsorjningsstod_manad.difference_high", "kr", hidden_when_missing=True),
    ]),
    "forsorjningsstod_faser": ("workbook.sheets.forsorjningsstod_faser.title", "workbook.sheets.forsorjningsstod_faser.description", [
        C("group", "workbook.column.forsorjningsstod_faser.group", label=_pick(GROUPS)),
        C("phase", "workbook.column.forsorjningsstod_faser.phase", label=_phase_words(None)),
        C("persons", "workbook.column.forsorjningsstod_faser.persons", "count"),
        C("person_months", "workbook.column.forsorjningsstod_faser.person_months", "count"),
        C("mean_amount", "workbook.column.forsorjningsstod_faser.mean_amount", "kr", hidden_when_missing=True),
    ]),
}


def _hide_small(frame: pd.DataFrame, column: str, k: int, also: tuple[str, ...] = ()) -> pd.DataFrame:
    """Counts of persons from 1 to k − 1 as ``<k`` (and ``also`` columns of those rows as ``..``)."""
    out = frame.copy()
    values = pd.to_numeric(out[column], errors="coerce")
    small = (values > 0) & (values < k)
    for c in (column, *also):
        out[c] = out[c].astype(object)
    out.loc[small, column] = suppressed_label(k)
    for c in also:
        out.loc[small, c] = SECONDARY
    return out


# the cost-benefit key figures each withheld secondary figure (:mod:`evaltools.analysis.disclosure`) hides, with
# the count a running project's cost per person divides by (withheld with that cost and with the whole count)
SUMMARY_WITHHELD = {
    Secondary.PARTICIPANTS: ("participants", "participants_paid"),
    Secondary.COST_PER_PARTICIPANT: ("cost_per_participant", "participants_paid"),
    Secondary.ENDED: ("ended",),
    Secondary.SUCCESSES: ("goal_successes", "goal_successes_paid"),
    Secondary.COST_PER_SUCCESS: ("cost_per_success", "goal_successes_paid"),
    Secondary.EXITS: ("successes", "successes_paid"),
    Secondary.COST_PER_EXIT: ("cost_per_exit_from_fs", "successes_paid"),
}


# where a person was enrolled more than once (:attr:`evaltools.data.validation.Enrolments.by_enrolment`, the rule
# page 1 words its "avslutade inskrivningar" by), the sheets' words for the ended: enrolments, not participants
SUMMARY_BY_ENROLMENT = _pick({**{k_: key for k_, (key, _) in SUMMARY.items()},
                              "ended": "workbook.summary.ended_enrolments"})
# where the project's successes are the default ones and some of them had no försörjningsstöd to leave (page 1's "per
# person som gått till arbete, studier eller en ersättning": no main goal defines them), their count and cost per
# person say so, not "lyckade utfall enligt projektets huvudmål"
SUMMARY_MOVED_ON = {"goal_successes": "workbook.summary.goal_successes_moved_on",
                    "cost_per_success": "workbook.summary.cost_per_success_moved_on",
                    "goal_successes_paid": "workbook.summary.goal_successes_paid_moved_on"}
# ... and where they are the default ones, every one of whom left försörjningsstöd (page 1's "per person som lämnat
# försörjningsstödet"): named so, never as a main goal's successful outcomes
SUMMARY_LEFT_FS = {"goal_successes": "workbook.summary.goal_successes_left_fs",
                   "cost_per_success": "workbook.summary.cost_per_success_left_fs",
                   "goal_successes_paid": "workbook.summary.goal_successes_paid_left_fs"}
# the successes per group and over time, named alike (the sheet's column source and its key per measure)
MEASURE_COLUMNS = {"left_fs": {"utfall_per_grupp": {"successes": "workbook.column.utfall_per_grupp.successes_left_fs",
                                                    "rate": "workbook.column.utfall_per_grupp.rate_left_fs"},
                               "tid_i_projekt": {"success": "workbook.column.tid_i_projekt.success_left_fs"}},
                   "moved_on": {"utfall_per_grupp": {"successes": "workbook.column.utfall_per_grupp.successes_moved_on",
                                                     "rate": "workbook.column.utfall_per_grupp.rate_moved_on"},
                                "tid_i_projekt": {"success": "workbook.column.tid_i_projekt.success_moved_on"}}}
RATES_BY_ENROLMENT = ("workbook.sheets.utfall_per_grupp.description_enrolments",
                      {"n": "workbook.column.utfall_per_grupp.n_enrolments"})


def _by_enrolment(name: str, description: str, columns: list[Column]) -> tuple[str, list[Column]]:
    """A sheet's description and columns where the ended are enrolments (see ``SUMMARY_BY_ENROLMENT``)."""
    if name == "kostnad_nytta":
        return description, [replace(c, label=SUMMARY_BY_ENROLMENT) if c.source == "key" else c for c in columns]
    if name == "utfall_per_grupp":
        said, keys = RATES_BY_ENROLMENT
        return said, [replace(c, key=keys.get(c.source, c.key)) for c in columns]
    return description, columns


# the sheets that are lists of labelled figures (Sheet.listing), not tables of records
LISTINGS = ("kostnad_nytta",)


def report_sheets(tables: dict[str, pd.DataFrame], k: int, withheld: Collection[Secondary] = (),
                  lang: str = "sv", bases: Mapping[str, str] | None = None, by_enrolment: bool = False,
                  several_municipalities: bool = False, moved_on: bool = False,
                  left_fs: bool = False) -> list[Sheet]:
    """The report's key tables (:meth:`evaltools.Report.key_tables`) as sheets, in the workbook's order;
    the key figures ``withheld`` by the differencing rule are written as ``..`` with a note.
    ``bases`` says, per sheet name, in which prices its amounts are (:func:`sheet_bases`); with
    ``by_enrolment`` (someone was enrolled more than once) the ended are called enrolments; with
    ``several_municipalities`` the municipality's row per actor is the municipalities' together; with ``moved_on``
    (the default successes, some of whom had no försörjningsstöd to leave) the successes and the cost per success
    are named as where those who ended went, as page 1 names them (``SUMMARY_MOVED_ON``); with ``left_fs`` (the
    default successes, every one of whom had försörjningsstöd) as those who left it (``SUMMARY_LEFT_FS``); either
    names the successes per group and over time alike (``MEASURE_COLUMNS``)."""
    hide = {key for figure in withheld for key in SUMMARY_WITHHELD.get(figure, ())}
    sheets = []
    for name, (title, description, columns) in SHEETS.items():
        if name not in tables:
            continue
        if by_enrolment:
            description, columns = _by_enrolment(name, description, columns)
        measure = "moved_on" if moved_on else "left_fs" if left_fs else None
        if measure is not None and name in MEASURE_COLUMNS[measure]:
            named = MEASURE_COLUMNS[measure][name]
            columns = [replace(c, key=named.get(c.source, c.key)) for c in columns]
        if measure is not None and name == "kostnad_nytta":
            keys = {k_: key for k_, (key, _) in SUMMARY.items()} | (SUMMARY_MOVED_ON if moved_on else SUMMARY_LEFT_FS)
            if by_enrolment:
                keys["ended"] = "workbook.summary.ended_enrolments"
            columns = [replace(c, label=_pick(keys)) if c.source == "key" else c for c in columns]
        frame = tables[name].copy()
        if name == "mal":
            frame["_value_kind"] = np.where(frame["kind"] == "share", "pct", "int")
            frame["_target_kind"] = np.where(frame["kind"] == "share", "pct0", "int")  # ("40 %", as the goal table)
            if "counts" in frame:  # a count of the households that took part is no count of participants
                frame.loc[(frame["kind"] == "participant_count") & (frame["counts"] == "households"), "kind"] = \
                    "participant_count_households"
            measured = frame["mode"][~frame["mode"].isin(("assessed", "context"))] if "mode" in frame else []
            if len(measured) and measured.eq("ex_ante").all():
                # an application's values are its expected volumes (its qualitative goals have none, its context
                # goals are statistics): headed as its report's goal table heads them, not as results
                columns = [replace(c, key="label.expected_by_application") if c.source == "value" else c
                           for c in columns]
            # a period the small-count rule hides (analysis.goals.hide_small_periods) shows "<k" or "..",
            # as the goal table does, never an empty cell that could be taken for "none"
            hidden = (frame["suppression"].fillna("").astype(str) if "suppression" in frame
                      else pd.Series("", index=frame.index))
            shares = frame["kind"] == "share"
            for col, at in (("value", hidden != ""), ("numerator", (hidden != "") & shares),
                            ("denominator", (hidden != "") & shares)):
                frame[col] = frame[col].astype(object)
                frame.loc[at, col] = [suppressed_label(k) if h == "small" else SECONDARY for h in hidden[at]]
        elif name == "kostnad_nytta":
            summary = frame.iloc[0].to_dict()
            said = _said_in_words(summary, lang)
            frame = pd.DataFrame([{"key": key, "value": SECONDARY if key in hide else said.get(key, summary[key]),
                                   "_kind": "text" if key in said and key not in hide else
                                   _written_kind(key, summary[key]) if key in REGISTRY else kind}
                                  for key, (_, kind) in SUMMARY.items() if key in summary])
        elif name == "antaganden":
            frame = frame.copy()
            # a relative range (±25 %) is written as the values it tests, in the assumption's own unit
            relative = [n in REGISTRY and REGISTRY[n].range is Range.RELATIVE for n in frame["name"]]
            for end in ("lower", "upper"):
                frame[end] = [v * e if rel and pd.notna(v) and pd.notna(e) else e
                              for rel, v, e in zip(relative, frame["value"], frame[end])]
            for col, kind in (("value", "_kind"), ("lower", "_lower_kind"), ("upper", "_upper_kind")):
                frame[kind] = [_written_kind(n, v) for n, v in zip(frame["name"], frame[col])]
            frame["unit"] = frame["definition"] = frame["name"]  # (words by the name's catalog entries)
        elif name == "kanslighet":
            frame = frame.copy()
            used = tables["antaganden"].set_index("name")["value"] if "antaganden" in tables else pd.Series(dtype=float)
            for end in ("low_value", "high_value"):  # the tested values, in the assumption's own unit
                frame[end] = [e * used[n] if n in REGISTRY and REGISTRY[n].range is Range.RELATIVE and n in used
                              and pd.notna(used[n]) else e for n, e in zip(frame["parameter"], frame[end])]
            for col, kind in (("low_value", "_low_kind"), ("high_value", "_high_kind")):
                frame[kind] = [_written_kind(n, v) for n, v in zip(frame["parameter"], frame[col])]
        elif name == "budget":  # a period that is a year is a number (Excel sorts and filters it as one)
            frame["_period_kind"] = ["year" if re.fullmatch(r"\d{4}", str(v).strip()) else "text" for v in frame["period"]]
        elif name in ("forsorjningsstod", "forsorjningsstod_faser"):
            frame = _hide_small(frame, "persons", k, ("person_months",) if "person_months" in frame else ())
            if name == "forsorjningsstod_faser" and "months" in frame and len(frame):  # (the window the phases used)
                months = int(frame["months"].iloc[0])
                columns = [replace(c, label=_phase_words(months)) if c.source == "phase" else c for c in columns]
        cols = [c for c in columns if c.source in frame.columns]
        notes = ((msg("workbook.hidden_withheld", lang, k=k),) if name == "kostnad_nytta" and hide else ())
        if name == "aktorer":
            notes = _perspective_notes(frame, tables.get("kostnad_nytta"), lang)
            if several_municipalities:  # (the row's words only: its code stays the perspective's)
                cols = [replace(c, label=_municipalities) if c.source == "perspective" else c for c in cols]
        ends = _exit_range_ends(tables.get("kostnad_nytta"))
        if name in ("kostnad_nytta", "aktorer") and ends is not None:  # (the range in place of the exact figures)
            # (a range from 1 is over the few exits themselves; one from more is over a count of k or more that
            # the report withholds all the same: analysis.disclosure.exit_counts)
            # (one count, ExitRange.one_count: no range, the figures withheld)
            notes += ((msg("workbook.exits_range_one_count", lang),) if ends[0] == ends[1] else
                      (msg("workbook.exits_range" if ends[0] == 1 else "workbook.exits_range_withheld", lang, k=k,
                           low=ends[0], high=ends[1]),))
        sheets.append(Sheet(name, title, description, frame, cols, notes, (bases or {}).get(name),
                            listing=name in LISTINGS))
    return sheets


def _exit_range_ends(summary: pd.DataFrame | None) -> tuple[int, int] | None:
    """The counts of exits the key figures' range runs over (``exits_low``, ``exits_high``), where 1 to k − 1
    exits are valued (:class:`~evaltools.analysis.costbenefit.ExitRange`); ``None`` otherwise."""
    if summary is None or not len(summary) or "exits_low" not in summary:
        return None
    return int(summary["exits_low"].iloc[0]), int(summary["exits_high"].iloc[0])


# the sheet per perspective's figures the report states for its lead perspective only
PER_PERSPECTIVE_ONLY = ("bcr", "payback_months", "break_even_exits", "switching_deadweight")


def _said_in_words(summary: Mapping[str, object], lang: str) -> dict[str, str]:
    """The key figures the report's table of key figures gives in words where they have no number, in the
    same words: a payback period not reached (``nås inte inom tidshorisonten``) and a switching deadweight
    that no deadweight gives (``ingen: negativt även utan dödvikt``). An empty cell there read as a figure
    hidden by the privacy rule, which the first sheet says an empty cell is."""
    out = {}
    payback = summary.get("payback_months")
    if "payback_months" in summary and _missing(payback):
        out["payback_months"] = payback_words(float("nan"), lang)
    npv = summary.get("npv")
    if ("switching_deadweight" in summary and _missing(summary["switching_deadweight"])
            and isinstance(npv, (int, float)) and not math.isnan(npv)):
        out["switching_deadweight"] = switching_words(float(npv), lang)
    return out


def _perspective_notes(frame: pd.DataFrame, summary: pd.DataFrame | None, lang: str) -> tuple[str, ...]:
    """What the sheet per perspective's ratios are where the report does not show them: whose cost and
    benefit each row counts (the report states them for its lead perspective only), and why society's
    break-even is high where its benefit holds no earnings (social assistance is a transfer for society,
    so its benefit per leaver is only the tax factor's effect on the public saving)."""
    shown = [c for c in PER_PERSPECTIVE_ONLY if c in frame]
    if not shown or not frame[shown].notna().to_numpy().any():
        return ()  # (a structural project, or nothing valued: no ratios to explain)
    lead = (str(summary["perspective"].iloc[0]) if summary is not None and "perspective" in summary
            and len(summary) else "offentliga")
    notes = [msg("workbook.perspective_figures", lang, lead=who_of(lead, lang),
                 section=msg("costbenefit.heading", lang))]
    society = frame[frame["perspective"] == "samhälle"] if "perspective" in frame else frame.iloc[0:0]
    if (len(society) and "break_even_exits" in society and "earnings_unvalued" in society
            and bool(society["earnings_unvalued"].iloc[0]) and pd.notna(society["break_even_exits"].iloc[0])
            and society.get("pv_benefit", society.get("pv_benefit_high", pd.Series([np.nan]))).fillna(0).iloc[0] == 0):
        # (its benefit is the tax factor's effect alone; where 1 to k − 1 exits are valued, at every count)
        notes.append(msg("workbook.perspective_society", lang,
                         n=fmt_persons_needed(float(society["break_even_exits"].iloc[0]), lang)))
    # what an empty cell means where the report's key figures say it in words (_said_in_words): not a hidden figure
    valued = frame["npv"].notna() if "npv" in frame else pd.Series(False, index=frame.index)
    costs = frame["pv_cost"].fillna(0) > 0 if "pv_cost" in frame else valued
    if "payback_months" in frame and (valued & costs & frame["payback_months"].isna()).any():
        notes.append(msg("workbook.perspective_payback_never", lang))
    if "switching_deadweight" in frame and (valued & frame["switching_deadweight"].isna()).any():
        notes.append(msg("workbook.perspective_switching_none", lang))
    return tuple(notes)


def sheet_bases(present_value: str, fixed: str, current: str, lang: str) -> dict[str, str]:
    """Per sheet, in which prices its amounts are, from the report's words for its present values
    (``nuvärde i 2023 års priser, diskonterat med 3,5 % per år``), its fixed prices (``2023 års
    priser``) and current prices (:func:`evaltools.present.sections.basis.basis_words`)."""
    amounts = msg("workbook.basis_amounts", lang, basis=present_value)
    paid = msg("workbook.basis_amounts", lang, basis=current)
    return {"budget": msg("workbook.basis_budget", lang, current=current, fixed=fixed),
            "kostnad_nytta": msg("workbook.basis_present_values", lang, basis=present_value, current=current),
            "aktorer": amounts, "floden": amounts, "kanslighet": amounts,
            "antaganden": msg("workbook.basis_amounts", lang, basis=fixed),
            "forsorjningsstod": paid, "forsorjningsstod_effekt": paid, "forsorjningsstod_manad": paid,
            "forsorjningsstod_faser": paid}


PORTFOLIO: list[Column] = [
    C("id", "workbook.column.portfolio.id"),
    C("title", "workbook.column.portfolio.title"),
    C("period", "workbook.column.portfolio.period"),
    C("mode", "workbook.column.portfolio.mode", label=_pick(MODES)),
    C("participants", "workbook.column.portfolio.participants", "int"),
    C("ended_all", "workbook.column.portfolio.ended_all", "int"),  # (every exit: the report's "avslutade")
    C("ended", "workbook.column.portfolio.ended", "int"),  # (the main goal's base: the share is of these)
    C("success_definition", "workbook.column.portfolio.success_definition"),
    C("successes", "workbook.column.portfolio.successes", "int"),
    C("success_rate", "workbook.column.portfolio.success_rate", "pct"),
    C("ci_low", "workbook.column.portfolio.ci_low", "pct"),
    C("ci_high", "workbook.column.portfolio.ci_high", "pct"),
    C("success_goal_running", "workbook.column.portfolio.success_goal_running", "bool"),  # (its goal: "Pågår")
    C("success_pooled", "workbook.column.portfolio.success_pooled", "bool"),  # (all years; its goal: per year)
    C("cost", "workbook.column.portfolio.cost", "kr"),
    C("budget", "workbook.column.portfolio.budget", "kr"),
    C("budget_used", "workbook.column.portfolio.budget_used", "pct0"),  # (as the overview: fmt_budget_share)
    C("cost_per_participant", "workbook.column.portfolio.cost_per_participant", "kr"),
    C("cost_per_success", "workbook.column.portfolio.cost_per_success", "kr"),
    # (a running project's costs per person: the outturn so far, and the date its outturn and persons run up
    # to, as the overview says "t.o.m. 2025-12-31" and the project's own workbook says it)
    C("per_person_so_far", "workbook.column.portfolio.per_person_so_far", "bool"),
    C("per_person_through", "workbook.column.portfolio.per_person_through", "date"),
    C("npv_public", "workbook.column.portfolio.npv_public", "kr"),
    C("npv_society", "workbook.column.portfolio.npv_society", "kr"),
    C("bcr_public", "workbook.column.portfolio.bcr_public", "num2"),
    # (a project of 1 to k − 1 exits: its range over them in place of its exact NPVs and ratio; the headings' k is
    # the projects' own, set by portfolio_sheet)
    C("npv_public_low", "workbook.column.portfolio.npv_public_low", "kr", values=_DEFAULT_K),
    C("npv_public_high", "workbook.column.portfolio.npv_public_high", "kr", values=_DEFAULT_K),
    C("npv_society_low", "workbook.column.portfolio.npv_society_low", "kr", values=_DEFAULT_K),
    C("npv_society_high", "workbook.column.portfolio.npv_society_high", "kr", values=_DEFAULT_K),
    C("bcr_public_low", "workbook.column.portfolio.bcr_public_low", "num2", values=_DEFAULT_K),
    C("bcr_public_high", "workbook.column.portfolio.bcr_public_high", "num2", values=_DEFAULT_K),
    C("npv_price_year", "workbook.column.portfolio.npv_price_year", "year"),  # (one year for every row's NPVs)
    # (each project's own horizon: the NPVs of projects with different horizons are not sums over the same years)
    C("horizon_years", "workbook.column.portfolio.horizon_years", "num1"),
    # the person-years the conclusions give a structural project, with the cost they divide and its own price year
    # (not restated: the same figure as the project's key figures)
    C("break_even_person_years", "workbook.column.portfolio.break_even_person_years", "num1"),
    C("break_even_cost", "workbook.column.portfolio.break_even_cost", "kr"),
    C("price_year", "workbook.column.portfolio.price_year", "year"),
]


# The portfolio's figures a project of a kind has none of, left empty as the overview shows "–": a project
# without participants of its own (an application, a structural project: ``has_participants``) has none to
# count (an application's expected participants stand in its row, as in the overview: its row's basis says
# they are expected), and an application has spent nothing of its budget (its budget file's actual costs, when
# it shares one with the project that followed, are not its own)
PARTICIPANT_FIGURES = ("participants", "ended_all", "ended", "successes", "success_definition")


def portfolio_sheet(table: pd.DataFrame) -> Sheet:
    """The portfolio's table (one row per project) as a sheet; a figure the differencing rule
    withholds (:mod:`evaltools.analysis.disclosure`) is written as its mark, as the overview shows it."""
    if "withheld" in table.columns:
        table = table.copy()
        for i, (held, k) in enumerate(zip(table["withheld"], table["min_count"])):
            for figure in held:
                for c in WITHHELD_COLUMNS.get(figure, ()):
                    table[c] = table[c].astype(object)
                    table.iloc[i, table.columns.get_loc(c)] = (suppressed_label(int(k)) if c == "participants"
                                                                else SECONDARY)
    if "mode" in table.columns:  # what the overview shows as "–": none of a project's own, so no cell of 0
        table = table.copy()
        none = {c: ~table["mode"].map(has_participants).astype(bool) for c in PARTICIPANT_FIGURES}
        none["budget_used"] = table["mode"] == "ex_ante"
        for c, of_none in none.items():
            if c in table.columns:
                table[c] = table[c].astype(object)
                table.loc[of_none, c] = None
        if "expected_share" in table.columns:  # (an application's share: its share goal's expected one, as the overview)
            expected = (table["mode"] == "ex_ante") & table["expected_share"].notna()
            table.loc[expected, "success_rate"] = table.loc[expected, "expected_share"]
        if "expected_participants" in table.columns:  # (an application's participants: those it expects, as the
            # overview shows them, "248 (förväntat enligt ansökan)"; its cost per participant divides by them)
            expected = (table["mode"] == "ex_ante") & table["expected_participants"].notna()
            table.loc[expected, "participants"] = table.loc[expected, "expected_participants"]
    if "per_person_through" in table.columns:  # (a day as the entry writes it, "" for none: a date or nothing)
        table = table.copy()
        table["per_person_through"] = [dt.date.fromisoformat(d) if isinstance(d, str) and d else None
                                       for d in table["per_person_through"]]
    # (the range over 1 to k − 1 exits only where a project has one: no empty columns beside exact figures)
    cols = [c for c in PORTFOLIO if c.source in table.columns
            and not (c.source in RANGE_COLUMNS and table[c.source].isna().all())]
    # the range's headings name the threshold of the projects that have one (their params' privacy.min_count);
    # of several, the largest: a count that would show the outcome of fewer than 3 shows that of fewer than 5 too
    ranged = table["npv_public_low"].notna() if "npv_public_low" in table.columns else None
    if ranged is not None and ranged.any() and "min_count" in table.columns:
        k = str(max(int(v) for v in table.loc[ranged, "min_count"]))
        cols = [replace(c, values=(("k", k),)) if c.source in RANGE_COLUMNS else c for c in cols]
    return Sheet("portfolio", "workbook.sheets.portfolio.title", "workbook.sheets.portfolio.description", table, cols)


def portfolio_goals_sheet(portfolio: Portfolio) -> Sheet:
    """Each project's own goals with the verdict its report gives them, in the words of the overview's goal table
    (:meth:`evaltools.present.portfolio.Portfolio.goal_table`, which words them once), so that the workbook says
    of a goal what the overview, the project's page 1 and its own workbook say."""
    words = portfolio.goal_table()
    titles = dict(zip(portfolio.table["id"], portfolio.table["title"])) if "id" in portfolio.table else {}
    ids = list(portfolio.goals["id"])  # (each project named as the sheet of projects names it, beside its id)
    frame = pd.DataFrame({"id": ids, "title": [titles.get(i, t) for i, t in zip(ids, words.iloc[:, 0])],
                          "goal": list(words.iloc[:, 1]), "verdict": list(words.iloc[:, 2])})
    cols = [C("id", "workbook.column.portfolio.id"), C("title", "workbook.column.portfolio.title"),
            C("goal", "portfolio.goal"), C("verdict", "portfolio.verdict")]
    return Sheet("portfolio_goals", "workbook.sheets.portfolio_goals.title",
                 "workbook.sheets.portfolio_goals.description", frame, cols)


def reference_rows(report: Report, assumptions: pd.DataFrame | None) -> list[tuple[str, str]]:
    """The first sheet's rows on the reference values and the monthly level's source: the reference data the
    calculation used (KPI, which brings every amount to one year's prices, and riksnormen only where a level
    was taken from it: not where the params take the level from the participants' own payments or a fixed
    amount), and the source of the monthly level as the assumptions sheet and the report's assumption table
    give it."""
    say = report.msg
    refs = report.cba.reference_values  # (RefValue.what: "kpi", or "riksnorm:<component>:<band>")
    riksnorm = refs is not None and "what" in refs and any(str(w).startswith("riksnorm") for w in refs["what"])
    out = [(say("workbook.source_reference"),
            say("workbook.source_reference_text" if riksnorm else "workbook.source_reference_kpi"))]
    level = assumptions[assumptions["name"] == "monthly_level"] if assumptions is not None and len(assumptions) else ()
    if len(level):
        out.append((say("workbook.summary.level_source"), str(level["source"].iloc[0])))
    return out


def export_report(report: Report, output_dir: str | Path | None, portfolio_entry: str | Path | None = None,
                  csv: bool = True) -> list[Path]:
    """Write a report's key tables as one .xlsx workbook (``<id>-tabeller.xlsx``), as CSV for Excel
    (``tables/``: semicolon, decimal comma, UTF-8 with BOM) and as machine-readable CSV
    (``tables-data/``: comma, decimal point, UTF-8).

    Parameters
    ----------
    report
        The report whose key tables (:meth:`evaltools.Report.key_tables`) are written.
    output_dir
        The report's folder; nothing is written when it is empty or None.
    portfolio_entry
        A file for the project's row in the portfolio of a batch
        (:func:`evaltools.present.portfolio.write_entry`); none when it is empty or None. Not among
        the files returned: it is no part of the report.
    csv
        Whether the CSV files for Excel are delivered beside the workbook (``evaltools render`` without ``csv`` among
        its formats leaves them out): the first sheet says where they are only where they are.

    Returns
    -------
    list of Path
        The files written.
    """
    if portfolio_entry:
        write_entry(report.project, report.lang, portfolio_entry, cba=report.cba, goals=report.goals.table,
                    payments=report.payments, counted=report.counts, shown=report.disclosure)
    if not output_dir:
        return []
    out, lang, p, say = Path(output_dir), report.lang, report.params, report.msg
    words = {name: basis_words(b, lang) for name, b in (("pv", basis.present_value(report)),
                                                          ("fixed", basis.fixed(report)), ("current", basis.CURRENT))}
    twice = report.project.has_participants and enrolment_counts(report.project.participants).by_enrolment
    tables = report.key_tables()
    sheets = report_sheets(tables, report.k, report.disclosure.withheld, lang,
                           sheet_bases(words["pv"], words["fixed"], words["current"], lang), by_enrolment=twice,
                           several_municipalities=municipalities_together(report.project),
                           moved_on=report.moved_on and success_definition(p, lang).kind == "leaves_fs",
                           left_fs=not report.moved_on and success_definition(p, lang).kind == "leaves_fs")
    for sheet in sheets:
        if sheet.name == "budget" and "funder" in sheet.frame:
            # whose money each line is, and how the cost-benefit sheets book it: the note under the report's
            # budget table, under the sheet's (its Finansiär column is the same for every row with one funder)
            sheet.notes += funder_note(report, list(dict.fromkeys(str(f) for f in sheet.frame["funder"].dropna())))
        if sheet.name == "budget":  # (the budget a revised year's share used is counted against, as under the table)
            sheet.notes += revised_note(report)
            sheet.notes += prestudy_note(report)  # (the cost counts the pre-study's lines, as under the table)
        if sheet.name == "mal" and (pre := p.period.prestudy) is not None and len(sheet.frame) \
                and report.kind != "ansökan":
            # (the pre-study has no row of its own: why, as the goal section's opening says it)
            sheet.notes += (report.msg("goals.intro_prestudy", first=fmt_date(pre[0]), last=fmt_date(pre[1]),
                                       implementation=fmt_date(p.period.years_start)),)
    written = []
    for folder, dialect in (("tables", "excel"), ("tables-data", "data")):
        (out / folder).mkdir(parents=True, exist_ok=True)
        written += [write_csv(out / folder / f"{s.name}.csv", s, lang, dialect) for s in sheets]
    files = [Path(f).name for f in report.project.checksums]
    about = [(say("workbook.project"), p.display_title(lang)), (say("facts.forbund"), p.forbund),
             (say("facts.owner"), p.owner),
             (say("facts.period"), f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"),
             # (a pre-study and the implementation's first day, as the report's facts table gives them: project years
             # and the intake year 'Förstudie' in the sheets count from them)
             *([(say("facts.prestudy"), f"{fmt_date(pre[0])} – {fmt_date(pre[1])}"),
                (say("facts.implementation_start"), p.period.years_start)]
               if (pre := p.period.prestudy) is not None else []),
             # (dates as date cells: Excel sorts and counts with them; the data's last day where the report's facts
             # give it, not an application's period end, after the day the sheet was made and with no data)
             *([(say("facts.data_up_to"), p.data_until)] if gives_data_day(report) else []),
             # (the households the participants live in, as page 1 and the facts table say them)
             *([(say("facts.households"), households)] if (households := households_said(report)) is not None else []),
             (say("workbook.made"), dt.date.today()), (say("workbook.toolkit"), f"evaltools {__version__}"),
             (say("workbook.sources"), say("workbook.source_files") + ": " + (", ".join(files) or "–")),
             (say("workbook.source_params"), public_name(p.source_path, "params") if p.source_path else "–"),
             *reference_rows(report, tables.get("antaganden")),
             # (where the CSV files are, only where they are delivered: a render of the workbook alone removes them)
             *([("CSV", say("workbook.csv_note"))] if csv else [])]
    written.append(write_workbook(out / f"{p.id}-tabeller.xlsx", sheets, lang, report.k, about,
                                  title=p.display_title(lang), author=p.forbund))
    return written


def export_portfolio(portfolio: Portfolio, output_dir: str | Path | None) -> list[Path]:
    """Write the portfolio table as ``portfolio.xlsx`` (with a first sheet explaining it, and a sheet of each
    project's goals with their verdicts), as CSV for Excel (``portfolio.csv``) and as machine-readable CSV
    (``portfolio-data.csv``; the table of projects); nothing
    when ``output_dir`` is empty or None. Returns the files written."""
    if not output_dir:
        return []
    lang, say = portfolio.lang, portfolio.msg
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    sheet = portfolio_sheet(portfolio.table)
    note = (say("portfolio.money_note", year=str(portfolio.price_year), sf_on=portfolio.skattefaktor_on()) + " "
            + say("portfolio.note_short"))
    if "withheld" in portfolio.table.columns and any(map(len, portfolio.table["withheld"])):
        note += " " + say("portfolio.withheld", k=str(min(portfolio.table["min_count"])))
    about = [(say("workbook.made"), dt.date.today()), (say("workbook.toolkit"), f"evaltools {__version__}"),
             (say("portfolio.about_figures"), note),
             (say("workbook.sources"), say("portfolio.sources"))]
    if portfolio.failed:
        about.append((say("portfolio.failed"), "; ".join(f"{pid}: {err}" for pid, err in portfolio.failed)))
    return [write_csv(out / "portfolio.csv", sheet, lang, "excel"),
            write_csv(out / "portfolio-data.csv", sheet, lang, "data"),
            write_workbook(out / "portfolio.xlsx", [sheet] + ([] if portfolio.goals.empty else
                                                              [portfolio_goals_sheet(portfolio)]),
                           lang, DEFAULT_MIN_COUNT, about, title=say("portfolio.heading"))]
