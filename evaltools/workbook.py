"""Tables for spreadsheet users: one Excel workbook and CSV files, from the same sheet definitions.

A :class:`Sheet` is a table with its columns described once: heading (Swedish and English), kind
of value (text, count, amount, share, ...) and, for codes, how a code reads. From it come

* the workbook (:func:`write_workbook`): headings in the report's language, numbers as numbers
  with number formats (``1 276 000 kr``, ``48,6 %``), yes/no as *Ja*/*Nej*, a frozen header row,
  column widths, and a first sheet that explains the tables, the privacy rule and the sources;
* a CSV for Excel (:func:`write_csv`, ``dialect="excel"``): semicolon, decimal comma, UTF-8 with
  BOM, the same headings, so that Swedish Excel opens it in columns;
* a machine-readable CSV (``dialect="data"``): comma, decimal point, UTF-8, the stable column
  names and codes, for scripts and statistics programs.

Hidden numbers (the privacy rule, :mod:`evaltools.privacy`) are never text in a number column:
the cell is empty, carries a comment in the workbook, and the row's last column (*Dolda
uppgifter*) says which value is hidden and how (``<5`` or ``..``).

Text that a spreadsheet would run as a formula (beginning with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) is written as text: a string cell in the workbook, and with a leading ``'`` in
CSV (the OWASP rule against CSV injection). Numbers stay numbers.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .privacy import SECONDARY, is_suppressed

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Characters with which a spreadsheet cell's text would be read as a formula (OWASP)."""

NOT_SHOWN = "–"  # a value a table leaves out (e.g. a curve cut where few persons remain)

# Every label of the workbook and CSV files lives here: (Swedish, English).
TEXT: dict[str, tuple[str, str]] = {
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "hidden_col": ("Dolda uppgifter", "Hidden values"),
    "hidden_small": ("färre än {k} personer", "fewer than {k} persons"),
    "hidden_secondary": ("dolt så att ett annat dolt tal inte kan räknas fram",
                         "hidden so that another hidden number cannot be worked out"),
    "hidden_not_shown": ("visas inte (för få personer kvar)", "not shown (too few persons left)"),
    "hidden_mean": ("medelbeloppet döljs (för få personer eller en persons utbetalningar dominerar)",
                    "the mean is hidden (too few persons, or one person's payments dominate)"),
    "about": ("Om tabellerna", "About the tables"),
    "about_title": ("Tabeller till rapporten", "Tables for the report"),
    "project": ("Projekt", "Project"),
    "made": ("Skapad", "Made"),
    "toolkit": ("Verktyg", "Toolkit"),
    "sheet": ("Blad", "Sheet"),
    "contents": ("Innehåll", "Contents"),
    "tables": ("Tabeller", "Tables"),
    "privacy": ("Skydd av uppgifter", "Privacy"),
    "privacy_text": (
        "Antal personer under {k} visas inte, och ytterligare uppgifter döljs där ett dolt tal annars kunde räknas "
        "fram ur en summa. En dold uppgift är en tom cell med en kommentar, och radens sista kolumn "
        "(Dolda uppgifter) säger vilken uppgift som döljs och varför: <{k} betyder färre än {k} personer, "
        ".. betyder dold för att skydda ett annat dolt tal. En tom cell är alltså inte noll.",
        "Counts of persons below {k} are not shown, and further figures are hidden where a hidden number could "
        "otherwise be worked out from a total. A hidden figure is an empty cell with a comment, and the row's "
        "last column (Hidden values) says which figure is hidden and why: <{k} means fewer than {k} persons, "
        ".. means hidden to protect another hidden number. An empty cell is therefore not zero."),
    "sources": ("Källor", "Sources"),
    "source_files": ("Datafiler (med kontrollsumma SHA-256 i rapportens sista avsnitt)",
                     "Data files (with SHA-256 checksums in the report's last section)"),
    "source_params": ("Parameterfil", "Params file"),
    "source_reference": ("Referensvärden", "Reference values"),
    "source_reference_text": ("Riksnorm för försörjningsstöd (Socialstyrelsen) och KPI (SCB), "
                              "se bladet Antaganden och rapportens metodavsnitt",
                              "Riksnorm for social assistance (Socialstyrelsen) and CPI (Statistics Sweden), "
                              "see the sheet Assumptions and the report's method section"),
    "csv_note": ("CSV-filerna i mappen tables har samma innehåll, med semikolon och decimalkomma för Excel.",
                 "The CSV files in the folder tables have the same content, with semicolons and decimal commas for Excel."),
}


def text(key: str, lang: str, **kw) -> str:
    """A workbook label in ``lang`` (``"sv"`` or ``"en"``)."""
    pair = TEXT[key]
    s = pair[0 if lang == "sv" else 1]
    return s.format(**kw) if kw else s


# --- value kinds ------------------------------------------------------------------------------
# kind -> Excel number format (format codes use "," and "." whatever the language; Excel shows
# them with the reader's separators: 1 276 000 kr in Swedish Excel)
NUMBER_FORMATS = {
    "int": "#,##0", "count": "#,##0", "year": "0", "num1": "#,##0.0", "num2": "#,##0.00", "p": "0.000",
    "pct": "0.0%", "pct0": "0%", "date": "yyyy-mm-dd",
}
KR_FORMAT = {"sv": '#,##0 "kr";-#,##0 "kr"', "en": '"SEK "#,##0;-"SEK "#,##0'}
NUMERIC = {"int", "count", "year", "num1", "num2", "p", "pct", "pct0", "kr"}
# decimals kept in the CSV for Excel (what the workbook shows, a little more for shares)
CSV_DECIMALS = {"int": 0, "count": 0, "year": 0, "kr": 0, "num1": 1, "num2": 2, "p": 4, "pct": 4, "pct0": 4}


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    Parameters
    ----------
    source
        The column in the results table; also the column's name in the machine-readable CSV.
    sv, en
        The heading in a Swedish and an English workbook.
    kind
        ``text``, ``bool``, ``date``, or a number: ``int``, ``count`` (persons: may be hidden),
        ``year``, ``kr``, ``pct`` / ``pct0`` (a share 0–1), ``num1``, ``num2``, ``p``.
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
    sv: str
    en: str
    kind: str = "text"
    label: Callable[[object, str], str] | None = None
    hidden_when_missing: bool = False
    kind_from: str | None = None
    machine_only: bool = False

    def heading(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


@dataclass
class Sheet:
    """A table for the workbook and the CSV files."""

    name: str  # file stem of its CSV (ASCII, stable)
    title: tuple[str, str]  # sheet name in the workbook (at most 31 characters)
    description: tuple[str, str]
    frame: pd.DataFrame
    columns: Sequence[Column]
    notes: tuple[str, ...] = ()

    def sheet_title(self, lang: str) -> str:
        return self.title[0 if lang == "sv" else 1][:31]


@dataclass
class Cell:
    """One value as written: ``value`` (a number, date, text or None) and, if hidden, its mark."""

    value: object
    hidden: str | None = None  # "<5", ".." or "–"


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


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
        if kind in ("year",) or (kind in ("int", "count") and v == round(v)):
            return Cell(int(round(v)))
        return Cell(round(v, 2) if kind == "kr" else round(v, 10))  # no 4.7e-10 kr of rounding noise
    if kind == "bool":
        return Cell(text("yes" if bool(value) else "no", lang))
    if kind == "date":
        return Cell(value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value)
    return Cell(column.label(value, lang) if column.label else str(value))


def hidden_note(columns: Sequence[Column], cells: Sequence[Cell], lang: str) -> str:
    """The row's *Dolda uppgifter* text: '<heading>: <mark>' for each hidden value."""
    return "; ".join(f"{c.heading(lang)}: {x.hidden}" for c, x in zip(columns, cells) if x.hidden)


def _explain(mark: str, k: int, lang: str, column: Column) -> str:
    if mark.startswith("<"):
        return text("hidden_small", lang, k=k)
    if mark == NOT_SHOWN:
        return text("hidden_not_shown", lang)
    if column.hidden_when_missing:
        return text("hidden_mean", lang)
    return text("hidden_secondary", lang)


def _kinds(sheet: Sheet, columns: Sequence[Column]) -> list[list[str]]:
    """Each row's kind per column."""
    f = sheet.frame
    return [[(f[c.kind_from].iloc[i] if c.kind_from else c.kind) for c in columns] for i in range(len(f))]


def _rows(sheet: Sheet, lang: str, columns: Sequence[Column]) -> list[list[Cell]]:
    kinds = _kinds(sheet, columns)
    return [[cell(c, v, lang, k_) for c, v, k_ in zip(columns, row, ks)]
            for row, ks in zip(sheet.frame[[c.source for c in columns]].itertuples(index=False), kinds)]


# --- the workbook -----------------------------------------------------------------------------
def write_workbook(path: str | Path, sheets: Sequence[Sheet], lang: str, k: int,
                   about: Sequence[tuple[str, str]] = ()) -> Path:
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
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    wb = Workbook()
    ws = wb.active
    ws.title = text("about", lang)[:31]
    _append_text(ws, [text("about_title", lang)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for item, value in about:
        _append_text(ws, [item, value])
        ws.cell(ws.max_row, 1).font = bold
    ws.append([])
    _append_text(ws, [text("sheet", lang), text("contents", lang)])
    for c in ws[ws.max_row]:
        c.font, c.fill = bold, head_fill
    for s in sheets:
        _append_text(ws, [s.sheet_title(lang), s.description[0 if lang == "sv" else 1]])
    ws.append([])
    _append_text(ws, [text("privacy", lang), text("privacy_text", lang, k=k)])
    ws.cell(ws.max_row, 1).font = bold
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows():
        for c in row:
            c.alignment = wrap

    kr_format = KR_FORMAT[lang]
    for sheet in sheets:
        sh = wb.create_sheet(sheet.sheet_title(lang))
        columns = [c for c in sheet.columns if not c.machine_only]
        rows, kinds = _rows(sheet, lang, columns), _kinds(sheet, columns)
        any_hidden = any(x.hidden for r in rows for x in r)
        headings = [c.heading(lang) for c in columns] + ([text("hidden_col", lang)] if any_hidden else [])
        _append_text(sh, headings)
        for c in sh[1]:
            c.font, c.fill = bold, head_fill
            c.alignment = Alignment(wrap_text=True, vertical="bottom")
        for r, (cells, row_kinds) in enumerate(zip(rows, kinds), start=2):
            for j, (col, x, kind) in enumerate(zip(columns, cells, row_kinds), start=1):
                target = sh.cell(r, j)
                _set(target, x.value)
                if kind in NUMERIC or kind == "date":
                    target.number_format = kr_format if kind == "kr" else NUMBER_FORMATS[kind]
                if x.hidden:
                    target.comment = Comment(f"{x.hidden}: {_explain(x.hidden, k, lang, col)}", "evaltools")
            if any_hidden:
                _set(sh.cell(r, len(columns) + 1), hidden_note(columns, cells, lang) or None)
        for note in sheet.notes:
            sh.append([])
            _append_text(sh, [note])
        sh.freeze_panes = "A2"
        for j, col in enumerate(columns + ([None] if any_hidden else []), start=1):
            values = [r[j - 1].value for r in rows] if col is not None else []
            sh.column_dimensions[get_column_letter(j)].width = _width(headings[j - 1], values, col)
    path = Path(path)
    wb.save(path)
    return path


def _set(target, value: object) -> None:
    """Put ``value`` into a worksheet cell; text is always text, never a formula."""
    target.value = value
    if isinstance(value, str):
        target.data_type = "s"  # openpyxl would take a leading "=" as a formula
        if value.startswith(FORMULA_START):
            target.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _append_text(ws, values: Sequence[object]) -> None:
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for j, v in enumerate(values, start=1):
        _set(ws.cell(row, j), v)


def _width(heading: str, values: list[object], column: Column | None) -> float:
    """A column width (in characters) that fits the heading's longest word and the values, within bounds."""
    longest_word = max((len(w) for w in str(heading).split()), default=4)
    if column is None:  # the hidden-values column: wide enough to read, wrapped otherwise
        return 40
    if column.kind in NUMERIC or column.kind == "date":
        body = 14 if column.kind == "kr" else 11
    else:
        lengths = sorted(len(str(v)) for v in values if v is not None)
        body = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 8  # most values fit; very long ones wrap
    return float(min(max(longest_word + 2, body + 2, 8), 60))


# --- CSV --------------------------------------------------------------------------------------
def write_csv(path: str | Path, sheet: Sheet, lang: str, dialect: str = "excel") -> Path:
    """Write one sheet as CSV.

    ``dialect="excel"``: for Swedish Excel — semicolon, decimal comma (decimal point in an English
    report), UTF-8 with BOM, headings and labels as in the workbook, yes/no as Ja/Nej.
    ``dialect="data"``: machine-readable — comma, decimal point, UTF-8 without BOM, the stable
    column names and codes, ``true``/``false``, full precision.
    Hidden values are empty cells in both; the last column says which are hidden.
    """
    if dialect not in ("excel", "data"):
        raise ValueError(f"dialect must be 'excel' or 'data', got {dialect!r}")
    excel = dialect == "excel"
    decimal = "," if excel and lang == "sv" else "."
    columns = [c for c in sheet.columns if excel is False or not c.machine_only]
    rows, kinds = _rows(sheet, lang, columns), _kinds(sheet, columns)
    any_hidden = any(x.hidden for r in rows for x in r)
    if excel:
        header = [c.heading(lang) for c in columns] + ([text("hidden_col", lang)] if any_hidden else [])
    else:
        header = [c.source for c in columns] + (["hidden"] if any_hidden else [])
    raw = sheet.frame[[c.source for c in columns]].itertuples(index=False)
    out_rows = []
    for cells, row_kinds, raw_row in zip(rows, kinds, raw):
        line = []
        for col, x, kind, v in zip(columns, cells, row_kinds, raw_row):
            if x.value is None:
                line.append("")
            elif kind in NUMERIC:
                line.append(_number(x.value, kind, decimal, excel))
            elif kind == "bool":
                line.append(x.value if excel else ("true" if bool(v) else "false"))
            elif kind == "date":
                line.append(x.value.isoformat() if hasattr(x.value, "isoformat") else str(x.value))
            else:
                line.append(neutralise(x.value if excel or col.label is None else str(v)))
        if any_hidden:
            line.append(neutralise(hidden_note(columns, cells, lang)) if excel else
                        ";".join(f"{c.source}:{x.hidden}" for c, x in zip(columns, cells) if x.hidden))
        out_rows.append(line)
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
        w.writerow([neutralise(h) for h in header])
        w.writerows(out_rows)
    return path


def _number(v: object, kind: str, decimal: str, excel: bool) -> str:
    if isinstance(v, int):
        s = str(v)
    elif excel:
        d = CSV_DECIMALS.get(kind, 2)
        s = f"{round(float(v), d):.{d}f}" if d else str(int(round(float(v))))
        if d:
            s = s.rstrip("0").rstrip(".") if "." in s else s
    else:
        s = f"{float(v):.10g}"
    if s in ("-0", "-0.0"):
        s = "0"
    return s.replace(".", decimal)


# --- the report's tables ----------------------------------------------------------------------
def _t(v: object, lang: str) -> str:
    from .labels import t
    return t(str(v), lang) if not _missing(v) and str(v) != "" else ""


def _code(column: str) -> Callable[[object, str], str]:
    def label(v: object, lang: str) -> str:
        from .labels import code_label
        return code_label(column, v, lang)
    return label


def _period(v: object, lang: str) -> str:
    from .labels import NBSP, budget_period_label
    return budget_period_label(v, lang).replace(NBSP, " ")


def _pick(pairs: dict[str, tuple[str, str]]) -> Callable[[object, str], str]:
    def label(v: object, lang: str) -> str:
        pair = pairs.get(str(v))
        return str(v) if pair is None else pair[0 if lang == "sv" else 1]
    return label


MODES = {"observed": ("Uppmätt utfall", "Observed"), "ex_ante": ("Förväntat enligt ansökan", "Expected according to the application"),
         "structural": ("Strukturinriktad insats (inga volymer)", "Structural project (no volumes)"),
         "offentliga": ("De offentliga finansiärerna", "The public financiers"), "samhälle": ("Samhället", "Society"),
         "kommun": ("Kommunen", "The municipality"), "region": ("Regionen", "The region"), "stat": ("Staten", "The state"),
         "individ": ("Individen", "The individual"), "comparison": ("Jämförelsegruppen", "The comparison group"),
         "default": ("Antagande utan källa", "Unsourced assumption"), "params": ("Parameterfilen", "The params file"),
         "observed_dropoff": ("Observerad", "Observed"), "assumed": ("Antagen", "Assumed"),
         "none": ("Inga deltagardata", "No participant data"),
         "context": ("Kommunens statistik (sammanhang)", "Municipal statistics (context)")}
GOAL_SOURCES = {"ansökan": ("Ansökan", "Application"), "slutrapport": ("Slutrapportens förslag", "The final report's suggestion"),
                "utvärderare": ("Utvärderarens mål", "The evaluator's goal")}
TESTS = {"chi2": ("Chitvåtest", "Chi-square test"), "Fisher": ("Fishers exakta test", "Fisher's exact test"),
         "Fisher (MC)": ("Fishers test (Monte Carlo-simulerat)", "Fisher's test (Monte Carlo simulation)"),
         "–": ("Inget test visas", "No test shown")}
GROUPS = {"participants": ("Deltagare", "Participants"), "comparison": ("Jämförelsegrupp", "Comparison group")}
PHASES = {"before": ("Före start", "Before the start"), "during": ("Under projektet", "During the project"),
          "after": ("Efter avslut", "After the exit")}
PARAMETERS = {
    "monthly_level": ("Försörjningsstöd per månad", "Monthly social assistance"),
    "horizon_years": ("Tidshorisont (år)", "Horizon (years)"),
    "dropoff_per_year": ("Avtagande effekt per år", "Drop-off per year"),
    "deadweight": ("Dödvikt", "Deadweight"),
    "discount_rate": ("Diskonteringsränta", "Discount rate"),
    "price_year": ("Prisår", "Price year"),
    "work_earnings_sek_month": ("Arbetsinkomst per månad", "Monthly earnings from work"),
    "cost": ("Kostnad (faktor)", "Cost (factor)"),
    "skattefaktor": ("Skattefaktor", "Tax factor"),
    "successes": ("Antal som lämnat försörjningsstödet", "Persons who left social assistance"),
}
# the kind of a parameter's value (assumptions and the sensitivity analysis)
PARAMETER_KINDS = {"monthly_level": "kr", "horizon_years": "int", "dropoff_per_year": "pct", "deadweight": "pct",
                   "discount_rate": "pct", "price_year": "year", "work_earnings_sek_month": "kr", "cost": "num2",
                   "skattefaktor": "num2",
                   "successes": "num1"}
SENSITIVITY_KINDS = {**PARAMETER_KINDS, "monthly_level": "num2"}  # varied as a factor of the level

SUMMARY = {  # cost-benefit key figures: (Swedish, English, kind)
    "mode": ("Underlag", "Basis", "text"),
    "price_year": ("Prisår", "Price year", "year"),
    "total_cost_nominal": ("Total kostnad, löpande priser", "Total cost, current prices", "kr"),
    "total_cost_fixed": ("Total kostnad, prisårets priser", "Total cost, price-year prices", "kr"),
    "budget_total": ("Budget, summa", "Budget, total", "kr"),
    "actual_total": ("Utfall, summa", "Actual costs, total", "kr"),
    "participants": ("Deltagare", "Participants", "int"),
    "ended": ("Avslutade deltagare", "Participants who ended", "int"),
    "successes": ("Lämnat försörjningsstödet", "Left social assistance", "int"),
    "cost_per_participant": ("Kostnad per deltagare", "Cost per participant", "kr"),
    "success_definition": ("Lyckat utfall räknat som", "Success counted as", "text"),
    "goal_successes": ("Lyckade utfall (enligt projektets huvudmål)", "Successes (as the project's main goal counts them)",
                       "int"),
    "cost_per_success": ("Kostnad per lyckat utfall (enligt projektets huvudmål)",
                         "Cost per success (as the project's main goal counts it)", "kr"),
    "cost_per_exit_from_fs": ("Kostnad per person som lämnat försörjningsstödet", "Cost per person who left social assistance", "kr"),
    "monthly_level": ("Försörjningsstöd per månad (medel)", "Monthly social assistance (mean)", "kr"),
    "pv_cost": ("Kostnad, nuvärde", "Cost, present value", "kr"),
    "pv_avoided_fs": ("Kommunens undvikna försörjningsstöd, nuvärde", "The municipality's avoided social assistance, present value", "kr"),
    "perspective": ("Ledande perspektiv (nyckeltalen nedan gäller det)", "Lead perspective (the figures below are its)", "text"),
    "pv_benefit": ("Nytta för det ledande perspektivet, nuvärde", "Benefit for the lead perspective, present value", "kr"),
    "npv": ("Nettonuvärde för det ledande perspektivet", "Net present value for the lead perspective", "kr"),
    "bcr": ("Nytta/kostnad för det ledande perspektivet", "Benefit-cost ratio for the lead perspective", "num2"),
    "payback_months": ("Återbetalningstid för det ledande perspektivet (månader)", "Payback for the lead perspective (months)", "int"),
    "break_even_exits": ("Personer som behöver lämna försörjningsstödet för att det ledande perspektivets kostnad ska täckas",
                         "Persons who must leave social assistance to cover the lead perspective's cost", "num1"),
    "break_even_person_years": ("Personår i arbete utan försörjningsstöd som täcker de offentliga finansiärernas kostnad (prisårets priser)",
                                "Person-years in work without social assistance that cover the public financiers' cost (price-year prices)", "num1"),
    "break_even_person_years_application": ("Samma i ansökans egna termer (löpande priser)",
                                            "The same in the application's own terms (current prices)", "num1"),
    "switching_deadweight": ("Dödvikt där det ledande perspektivets nettonuvärde blir noll",
                             "Deadweight at which the lead perspective's NPV is zero", "pct"),
    "deadweight_source": ("Dödviktens källa", "Source of the deadweight", "text"),
    "dropoff_source": ("Avtagande effekt: observerad eller antagen", "Drop-off: observed or assumed", "text"),
    "earnings_valued": ("Arbetsinkomster värderade", "Earnings from work valued", "bool"),
    "skattefaktor": ("Skattefaktor", "Tax factor", "num2"),
    "has_comparison": ("Jämförelsegrupp finns", "Comparison group exists", "bool"),
    "level_source": ("Källa för månadsnivån", "Source of the monthly level", "text"),
    "deadweight": ("Dödvikt", "Deadweight", "pct"),
}

C = Column
SHEETS: dict[str, tuple[tuple[str, str], tuple[str, str], list[Column]]] = {
    "mal": (("Mål", "Goals"), ("Måluppfyllelse per mål och period", "Goal fulfilment per goal and period"), [
        C("goal_id", "goal_id", "goal_id", machine_only=True),
        C("label", "Mål", "Goal"),
        C("kind", "Typ av mål", "Kind of goal", label=_t),
        C("period_key", "period_key", "period_key", machine_only=True),
        C("period_label", "Period", "Period"),
        C("fraction_run", "Andel av perioden som gått", "Share of the period run", "pct0"),
        C("cut", "Förkortad period", "Period cut short", "bool"),
        C("mode", "Underlag", "Basis", label=_pick(MODES)),
        C("value", "Utfall", "Result", kind_from="_value_kind"),
        C("numerator", "Lyckade (täljare)", "Successes (numerator)", "int"),
        C("denominator", "Avslutade (nämnare)", "Ended (denominator)", "int"),
        C("target", "Målvärde", "Target", kind_from="_value_kind"),
        C("target_prorated", "Målvärde för tiden som gick", "Target for the time run", "num1"),
        C("ci_low", "95 % KI, nedre (Clopper–Pearson)", "95% CI, lower (Clopper–Pearson)", "pct"),
        C("ci_high", "95 % KI, övre (Clopper–Pearson)", "95% CI, upper (Clopper–Pearson)", "pct"),
        C("p_below_target", "p-värde, ensidigt exakt (under målet)", "p-value, one-sided exact (below the target)", "p"),
        C("p_above_target", "p-värde, ensidigt exakt (över målet)", "p-value, one-sided exact (above the target)", "p"),
        C("ci_verdict", "Intervallet mot målet", "Interval against the target", label=_t),
        C("too_few", "För få för att bedöma", "Too few to assess", "bool"),
        C("source", "Målets källa", "Source of the goal", label=_pick(GOAL_SOURCES)),
        C("main", "Projektets huvudmål", "The project's main goal", "bool"),
        C("status", "Bedömning", "Assessment", label=_t),
        C("evidence", "Underlag för bedömningen", "Evidence"),
        C("note", "Anmärkning", "Note"),
    ]),
    "budget": (("Budget", "Budget"), ("Budget och utfall per kostnadspost", "Budget and actual costs per cost line"), [
        C("period", "Period", "Period", label=_period),
        C("category", "Kostnadspost", "Cost line"),
        C("funder", "Finansiär", "Funder", label=_code("funder")),
        C("budget", "Budget", "Budget", "kr"),
        C("actual", "Utfall", "Actual", "kr"),
        C("difference", "Differens (utfall − budget)", "Difference (actual − budget)", "kr"),
        C("used_pct", "Förbrukat av budgeten", "Share of budget used", "pct"),
        C("used", "Räknad kostnad (utfall, annars budget)", "Cost counted (actual, else budget)", "kr"),
        C("price_year_factor", "Omräkningsfaktor till prisåret (KPI)", "Factor to the price year (CPI)", "num2"),
        C("used_fixed", "Räknad kostnad i prisårets priser", "Cost counted in price-year prices", "kr"),
        C("t_years", "År från start (för diskontering)", "Years from the start (for discounting)", "num2"),
    ]),
    "kostnad_nytta": (("Kostnad och nytta", "Costs and benefits"), ("Nyckeltal för kostnad och nytta",
                                                                    "Key figures for costs and benefits"), [
        C("key", "Nyckeltal", "Key figure", label=lambda v, lang: SUMMARY[v][0 if lang == "sv" else 1]),
        C("value", "Värde", "Value", kind_from="_kind", label=lambda v, lang: _pick(MODES)(v, lang)),
    ]),
    "aktorer": (("Per perspektiv", "By perspective"), ("Kostnad, nytta, nettonuvärde och sannolikhet per perspektiv "
                                                         "(nuvärden i prisårets priser)",
                                                         "Cost, benefit, net present value and probability by perspective "
                                                         "(present values in price-year prices)"), [
        C("perspective", "Perspektiv", "Perspective", label=_t),
        C("pv_cost", "Kostnad som perspektivet bär, nuvärde", "Cost borne, present value", "kr"),
        C("pv_benefit", "Nytta, nuvärde", "Benefit, present value", "kr"),
        C("npv", "Nettonuvärde", "Net present value", "kr"),
        C("bcr", "Nytta/kostnad", "Benefit-cost ratio", "num2"),
        C("payback_months", "Återbetalningstid (månader)", "Payback (months)", "int"),
        C("break_even_exits", "Lyckade avslut som täcker kostnaden", "Successful exits that cover the cost", "num1"),
        C("switching_deadweight", "Dödvikt där nettonuvärdet blir noll", "Deadweight at which the NPV is zero", "pct"),
        C("p_npv_positive", "Sannolikhet för positivt nettonuvärde (Monte Carlo)", "Probability of a positive NPV (Monte Carlo)", "pct"),
        C("lower_bound", "Nedre gräns", "Lower bound", "bool"),
        C("note", "Anmärkning", "Note"),
    ]),
    "antaganden": (("Antaganden", "Assumptions"), ("Antagandena i kalkylen och deras källor",
                                                    "The calculation's assumptions and their sources"), [
        C("name", "Antagande", "Assumption", label=_pick(PARAMETERS)),
        C("value", "Värde", "Value", kind_from="_kind"),
        C("unit", "Enhet", "Unit"),
        C("source", "Källa", "Source"),
        C("flagged", "Osäkert antagande", "Uncertain assumption", "bool"),
    ]),
    "kanslighet": (("Känslighetsanalys", "Sensitivity"), ("Nettonuvärdet när ett antagande i taget varieras",
                                                           "The net present value when one assumption at a time is varied"), [
        C("parameter", "Antagande", "Assumption", label=_pick(PARAMETERS)),
        C("low_value", "Lågt värde", "Low value", kind_from="_kind"),
        C("high_value", "Högt värde", "High value", kind_from="_kind"),
        C("npv_low", "Nettonuvärde, lågt värde", "NPV, low value", "kr"),
        C("npv_high", "Nettonuvärde, högt värde", "NPV, high value", "kr"),
        C("range", "Spännvidd", "Range", "kr"),
        C("npv_base", "Nettonuvärde, grundkalkyl", "NPV, base case", "kr"),
        C("perspective", "Perspektiv", "Perspective", label=_t),
    ]),
    "deltagare": (("Deltagare", "Participants"), ("Deltagarna per kön, ålder, hushållstyp och andra uppdelningar",
                                                   "Participants by sex, age, household type and other breakdowns"), [
        C("variable", "variable", "variable", machine_only=True),
        C("variable_label", "Uppdelning", "Breakdown"),
        C("category", "category", "category", machine_only=True),
        C("category_label", "Grupp", "Group"),
        C("n", "Antal", "Number", "count"),
        C("share", "Andel", "Share", "pct"),
    ]),
    "utfall_per_grupp": (("Utfall per grupp", "Outcomes by group"), ("Andel lyckade utfall bland avslutade, per grupp",
                                                                     "Success rate among those who ended, by group"), [
        C("variable", "variable", "variable", machine_only=True),
        C("variable_label", "Uppdelning", "Breakdown"),
        C("category", "category", "category", machine_only=True),
        C("category_label", "Grupp", "Group"),
        C("n", "Avslutade", "Ended", "count"),
        C("successes", "Lyckade utfall", "Successes", "count"),
        C("rate", "Andel lyckade", "Success rate", "pct"),
        C("ci_low", "95 % KI, nedre", "95% CI, lower", "pct"),
        C("ci_high", "95 % KI, övre", "95% CI, upper", "pct"),
        C("test", "Test", "Test", label=_pick(TESTS)),
        C("p_value", "p-värde", "p-value", "p"),
        C("p_holm", "p-värde, Holm-justerat", "p-value, Holm-adjusted", "p"),
    ]),
    "tid_i_projekt": (("Tid i projektet", "Time in the project"),
                      ("Andel som avslutat med lyckat utfall respektive på annat sätt efter ett antal dagar (kumulativ incidens, "
                       "Aalen–Johansen), andel kvar och median tid till avslut",
                       "Share who ended with a successful outcome and otherwise after a number of days (cumulative incidence, "
                       "Aalen–Johansen), share still in the project and median time to exit"), [
        C("group", "Grupp", "Group"),
        C("day", "Dagar sedan start", "Days since start", "int"),
        C("success", "Andel avslutade med lyckat utfall", "Share ended with a successful outcome", "pct"),
        C("other_exit", "Andel avslutade på annat sätt", "Share ended otherwise", "pct"),
        C("still_in_project", "Andel kvar i projektet", "Share still in the project", "pct"),
        C("at_risk", "Antal kvar", "Number still in", "count"),
        C("median_days", "Median, dagar i projektet", "Median days in the project", "int"),
        C("median_ci_low", "Median, 95 % KI, nedre", "Median, 95% CI, lower", "int"),
        C("median_ci_high", "Median, 95 % KI, övre", "Median, 95% CI, upper", "int"),
    ]),
    "forsorjningsstod": (("Försörjningsstöd", "Social assistance"), ("Försörjningsstöd per person och månad före och efter start",
                                                                     "Social assistance per person and month before and after the start"), [
        C("group", "Grupp", "Group", label=_pick(GROUPS)),
        C("persons", "Personer", "Persons", "count"),
        C("before", "Före start, kr per månad", "Before the start, SEK per month", "kr", hidden_when_missing=True),
        C("after", "Efter start, kr per månad", "After the start, SEK per month", "kr", hidden_when_missing=True),
        C("change", "Förändring, kr per månad", "Change, SEK per month", "kr", hidden_when_missing=True),
    ]),
    "forsorjningsstod_faser": (("Försörjningsstöd per fas", "Social assistance by phase"),
                               ("Försörjningsstöd per person och månad före, under och efter projektet",
                                "Social assistance per person and month before, during and after the project"), [
        C("group", "Grupp", "Group", label=_pick(GROUPS)),
        C("phase", "Fas", "Phase", label=_pick(PHASES)),
        C("persons", "Personer", "Persons", "count"),
        C("person_months", "Personmånader", "Person-months", "count"),
        C("mean_amount", "Medelbelopp, kr per månad", "Mean amount, SEK per month", "kr", hidden_when_missing=True),
    ]),
}


def _hide_small(frame: pd.DataFrame, column: str, k: int, also: tuple[str, ...] = ()) -> pd.DataFrame:
    """Counts of persons from 1 to k − 1 as ``<k`` (and ``also`` columns of those rows as ``..``)."""
    from .privacy import suppressed_label
    out = frame.copy()
    values = pd.to_numeric(out[column], errors="coerce")
    small = (values > 0) & (values < k)
    for c in (column, *also):
        out[c] = out[c].astype(object)
    out.loc[small, column] = suppressed_label(k)
    for c in also:
        out.loc[small, c] = SECONDARY
    return out


def report_sheets(tables: dict[str, pd.DataFrame], k: int) -> list[Sheet]:
    """The report's key tables (:meth:`evaltools.Report.key_tables`) as sheets, in the workbook's order."""
    sheets = []
    for name, (title, description, columns) in SHEETS.items():
        if name not in tables:
            continue
        frame = tables[name].copy()
        if name == "mal":
            frame["_value_kind"] = np.where(frame["kind"] == "share", "pct", "int")
        elif name == "kostnad_nytta":
            summary = frame.iloc[0].to_dict()
            frame = pd.DataFrame([{"key": key, "value": summary[key], "_kind": kind}
                                  for key, (_, _, kind) in SUMMARY.items() if key in summary])
        elif name == "antaganden":
            frame["_kind"] = [PARAMETER_KINDS.get(n, "num2") for n in frame["name"]]
        elif name == "kanslighet":
            frame["_kind"] = [SENSITIVITY_KINDS.get(n, "num2") for n in frame["parameter"]]
        elif name in ("forsorjningsstod", "forsorjningsstod_faser"):
            frame = _hide_small(frame, "persons", k, ("person_months",) if "person_months" in frame else ())
        cols = [c for c in columns if c.source in frame.columns]
        sheets.append(Sheet(name, title, description, frame, cols))
    return sheets


PORTFOLIO: list[Column] = [
    C("id", "Projekt-id", "Project id"),
    C("title", "Projekt", "Project"),
    C("period", "Period", "Period"),
    C("mode", "Underlag", "Basis", label=_pick(MODES)),
    C("participants", "Deltagare", "Participants", "int"),
    C("ended", "Avslutade", "Ended", "int"),
    C("success_definition", "Lyckat utfall räknat som", "Success counted as"),
    C("successes", "Lyckade utfall (enligt projektets huvudmål)", "Successes (as the project's main goal counts them)", "int"),
    C("success_rate", "Andel lyckade", "Success rate", "pct"),
    C("ci_low", "95 % KI, nedre", "95% CI, lower", "pct"),
    C("ci_high", "95 % KI, övre", "95% CI, upper", "pct"),
    C("cost", "Kostnad (utfall, annars budget)", "Cost (actual, else budget)", "kr"),
    C("budget", "Budget", "Budget", "kr"),
    C("budget_used", "Förbrukat av budgeten", "Share of budget used", "pct"),
    C("cost_per_participant", "Kostnad per deltagare", "Cost per participant", "kr"),
    C("cost_per_success", "Kostnad per lyckat utfall (enligt projektets huvudmål)",
      "Cost per success (as the project's main goal counts it)", "kr"),
    C("npv_public", "Nettonuvärde, offentliga finansiärer", "Net present value, public financiers", "kr"),
    C("npv_society", "Nettonuvärde, samhället", "Net present value, society", "kr"),
    C("bcr_public", "Nytta/kostnad, offentliga finansiärer", "Benefit-cost ratio, public financiers", "num2"),
]


def portfolio_sheet(table: pd.DataFrame) -> Sheet:
    """The portfolio's table (one row per project) as a sheet."""
    cols = [c for c in PORTFOLIO if c.source in table.columns]
    return Sheet("portfolio", ("Projekt", "Projects"), ("Alla projekt sida vid sida", "All projects side by side"),
                 table, cols)
