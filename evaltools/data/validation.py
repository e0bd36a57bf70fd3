"""Validating the evaluator's files against the data contract (:mod:`evaltools.data.schema`):
dates, amounts and codes parsed, persons, payments and budget lines checked, every problem
collected with its file, row, column and value before anything is refused."""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from typing import NamedTuple
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils.datetime import to_excel

from . import schema as S
from .params import (BIDI_CONTROLS, DEFAULT_SUCCESS, GROUP_ROUND, ProjectParams, grouped, label_words, read_label,
                     words_named)
from .errors import DataValidationError, Problem, problem
from .messages import message, quote, shorten
from .ages import AGE_OPEN_END, age_group_bounds, group_label
from . import budget_shapes
from . import enrolment_shapes
from .followup import followup_figures, followup_headings_read, followup_outcomes
from .households import household_keys
from .payment_shapes import long_from_wide, month_heading, payments_shape
from .written_dates import month_number, written_date_hint as _written_date_hint, written_month_hint as _written_month_hint
from .reading import (AMBIGUOUS_COMMA, AMBIGUOUS_POINT, CONTROL, EXCEL_EPOCH, HEADER_ROWS, SCIENTIFIC, SPACED_DECIMALS, THOUSANDS, RawTable, cells_above, per_distinct, per_distinct_cells, plain_number, read_table, row_ranges, rows_to_header, sheet_read,
                      sheets_alike, sheets_beside)
from .privacy import email_cells, find_personnummer, find_phone, may_hold_personnummer_cells, redact



# a date, with a time of day as case systems export it (2024-03-01 08:30, 2024-03-01T08:30:00): read as its day
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?)?")
_MIDNIGHT = re.compile(r".{10}[ T]00:00(?::00(?:\.0{1,6})?)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-01)?(?: 00:00(?::00)?)?")
_YEARS = (1900, 2100)  # dates outside these years are typing errors (or 9999-12-31 for "open")
# the first date read: an Excel date cell before it holds a number from 1 to 60, and Excel's 60 is a 29 February
# 1900 that never was (openpyxl reads 59 and 60 both as 1900-02-28), so no such date is read as the day it shows
_FIRST_DAY = "1900-03-01"
# a time of day alone, as a cell holding a number below 1 under a date or time format is read (12:00:00; 0 is 00:00:00)
_TIME_ONLY = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?")


# the currency written with an amount, no part of the number (read once the spaces are out): 'kr', 'Kr', 'SEK'
# or 'kronor' after it, 'kr' or 'SEK' before it, and the mark after a price ('12 000:-', '450,-'); never 'tkr'
_CURRENCY = re.compile(r"^(?:kr|sek)(?=[-(\d])|(?<=[\d.,)])(?:kr\.?|kronor|sek|:-|,-)$", re.I)
# the unit after an age in years, as a case system writes it ('25 år', '25 år.', '25 years'): read as the number
_AGE_IN_YEARS = re.compile(r"(?<=\d)\s*(?:år|years?|yrs?)\.?\s*$", re.I)
# an amount written with another unit than kronor in its cell ('12,5 tkr', '1,2 Mkr', '100 tusen kr'), read once the
# spaces are out: the unit is the params file's (data.amount_unit), never a cell's; with each word, its power of 1000
_UNIT_IN_CELL = re.compile(r"(-?\d[\d.,]*)(tkr|tsek|ksek|kkr|tusenkr(?:onor)?|mkr|msek|mnkr|mn|miljonerkr(?:onor)?|miljoner)\.?",
                           re.I)
_UNIT_POWER = {"t": 1, "k": 1, "m": 2}


def _written(value: float) -> str:
    """``value`` as a number to write in a cell, with a decimal comma that reads one way only (12500, 12,5)."""
    whole, _, decimals = f"{value:.6f}".partition(".")
    return _decimal_written(whole, decimals)


def _unit_hint(text: str, unit: str, register: bool = False) -> tuple[str, dict] | None:
    """What to write for an amount given with its unit in the cell (``12,5 tkr``, ``1,2 Mkr``) in a file read in
    ``unit`` (kr or tkr; a ``register`` extract's always in kr): the number in the file's unit, never the cell's; None
    for anything else."""
    m = _UNIT_IN_CELL.fullmatch(text.translate(THOUSANDS).replace("\u2212", "-"))
    if m is None or (number := plain_number(m.group(1))) == "?":
        return None
    try:
        value = float(number)
    except ValueError:
        return None
    power = _UNIT_POWER[m.group(2)[0].casefold()] - (1 if unit == "tkr" else 0)
    return "hint.unit_in_register" if register else "hint.unit_in_cell", {"unit": unit,
                                                                          "fix": _written(value * 1000.0 ** power)}


def _kronor_marked(text: str) -> bool:
    """Whether a text cell's amount carries the mark of kronor (``100 000 kr``, ``SEK 450``, ``12 000:-``)."""
    return _CURRENCY.search(text.translate(THOUSANDS).replace("\u2212", "-")) is not None


def _parse_amount(s: pd.Series, numbers: np.ndarray | None = None) -> pd.Series:
    """Numbers from text cells (:func:`~evaltools.data.reading.plain_number`); a cell that is not one is NaN.
    ``numbers`` marks the cells Excel stored as numbers: those are read as they are (1.234 is the number
    Excel holds, never a thousand written with a point)."""
    def parse(u: pd.Series) -> pd.Series:
        # (a list, not four passes of pandas' string methods: a register file has tens of thousands of amounts)
        cleaned = pd.Series([v if not isinstance(v, str) else "?" if SPACED_DECIMALS.search(v) else
                             plain_number(_CURRENCY.sub("", v.translate(THOUSANDS).replace("\u2212", "-")))
                             for v in u.tolist()], index=u.index, dtype=object)
        return pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce")
    out = per_distinct(s, parse)
    if numbers is not None and len(numbers) == len(s) and numbers.any():
        out = out.where(~numbers, pd.to_numeric(s.where(numbers), errors="coerce"))
    return out


def _decimal_written(whole: str, decimals: str) -> str:
    """``whole`` and ``decimals`` as a number to write with a decimal comma that reads one way only: no
    trailing zeros (``12,000`` is ``12``), and a zero after exactly three decimals (``150,125`` is written
    ``150,1250``, since a comma before three digits is never read)."""
    decimals = decimals.rstrip("0")
    return whole + "," + decimals + ("0" if len(decimals) == 3 else "") if decimals else whole


def _point_hint(text: str) -> tuple[str, dict] | None:
    """What to write for an amount with one point (``12.000``) or one comma (``12,000``) before three digits,
    with a space among the digits after its point or comma (``1.000 000``), or in scientific form (``1E+03``,
    as Excel shows a number wider than its column): a thousand written with a point or a comma, or a decimal
    point or comma, is not guessed; both readings are given. None for anything else."""
    cleaned = _CURRENCY.sub("", text.translate(THOUSANDS).replace("\u2212", "-"))
    if SPACED_DECIMALS.search(text):
        at = max(cleaned.rfind("."), cleaned.rfind(","))
        whole, decimals = re.sub(r"[.,]", "", cleaned[:at]), cleaned[at + 1:]
        return "hint.spaced_decimals", {"value": text.strip(), "thousands": whole + decimals,
                                        "decimal": _decimal_written(whole, decimals)}
    if SCIENTIFIC.fullmatch(cleaned):
        number = float(cleaned.replace(",", "."))
        if not np.isfinite(number):  # ('1e400': no width of column shows it, and 'write inf' would be no advice)
            return "hint.nonfinite", {"value": shorten(text.strip())}
        shown = f"{number:.15g}" if abs(number) < 1e15 else f"{number:.0f}"
        # (1e+300 written out is 301 digits: shown as a cell is, not in full)
        return "hint.scientific_number", {"value": shorten(text.strip()), "number": shorten(shown.replace(".", ","))}
    if AMBIGUOUS_POINT.fullmatch(cleaned):
        whole, _, decimals = cleaned.partition(".")
        key = "hint.point_thousands"
    elif AMBIGUOUS_COMMA.fullmatch(cleaned):
        whole, _, decimals = cleaned.partition(",")
        key = "hint.comma_thousands"
    else:
        return None
    return key, {"value": text.strip(), "thousands": whole + decimals, "decimal": _decimal_written(whole, decimals)}


def _parse_dates(s: pd.Series, empty: pd.Series, pattern: re.Pattern) -> tuple[pd.Series, pd.Series]:
    """Dates (or months, with ``_MONTH``) from text; bad cells are NaT and marked in the second series.
    ``empty`` marks the empty cells (``s == ""``)."""
    def parse(u: pd.Series) -> pd.Series:
        ok = ~(u == "") & u.str.fullmatch(pattern.pattern)
        text = u.where(ok)
        years = pd.to_numeric(text.str.slice(0, 4), errors="coerce")
        ok &= years.between(*_YEARS)
        if pattern is _DATE:  # (Excel's dates before 1900-03-01 count a 29 February 1900 that never was)
            ok &= text.str.slice(0, 10) >= _FIRST_DAY
        iso = text.str.slice(0, 10 if pattern is _DATE else 7).where(ok)
        fmt = "%Y-%m-%d" if pattern is _DATE else "%Y-%m"
        return pd.to_datetime(iso, format=fmt, errors="coerce").astype("datetime64[ns]")
    parsed = per_distinct(s, parse)
    bad = ~empty & parsed.isna()
    return parsed, bad


def _bad_matching(s: pd.Series, bad: pd.Series, pattern: re.Pattern) -> pd.Series:
    """``bad & s.str.fullmatch(pattern)``, the pattern tried on the bad cells alone: a payments file of a million
    rows has none or a few."""
    out = np.zeros(len(s), dtype=bool)
    if len(at := np.flatnonzero(bad.to_numpy(dtype=bool))):
        out[at] = s.iloc[at].str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)
    return pd.Series(out, index=s.index)


def _timed_note(s: pd.Series, read: pd.Series, raw: RawTable, column: str, fname: str, warn: list[Problem]) -> None:
    """One data-quality note for a date column whose cells (``read``: those read as dates) hold a time
    of day other than midnight, as a case system's export does: each is read as its day, and the note
    names the column, how many cells had a time and the first of their rows (never a value)."""
    timed = read & (s.str.len() > 10)
    if not timed.any():
        return
    timed &= ~s.where(timed, "").str.fullmatch(_MIDNIGHT.pattern).fillna(False).astype(bool)
    at = np.flatnonzero(timed.to_numpy())
    if not len(at):
        return
    rows = ", ".join(str(int(raw.file_rows[i])) for i in at[:5]) + (" …" if len(at) > 5 else "")
    warn.append(problem(fname, int(raw.file_rows[at[0]]), raw.column_of(column, int(at[0])), None, "date.time_read",
                        "warning", "date_time_read", n=len(at), rows=rows, column=column))


def _date_hint(value: str, kind: str, column: str = "", epoch: dt.date = EXCEL_EPOCH) -> tuple[str, dict]:
    """A hint for a date or month the parser refused: an Excel serial (counted from the workbook's
    ``epoch``), 9999-12-31, a year typo, a time, a word for "still enrolled" in the end date ("pågår", "-")."""
    v = value.strip()
    if v.startswith("9999-12-31"):
        return "hint.open_end", {}
    if column == S.END_DATE and not any(ch.isdigit() for ch in v):
        return "hint.open_end_word", {}
    if _TIME_ONLY.fullmatch(v):  # a time of day without a date: a number below 1 under a date or time format
        return ("hint.time_only" if kind == "date" else "hint.time_only_month"), {"value": v[:5]}
    if kind == "date" and re.fullmatch(r"1900-0[12]-\d{2}(?: 00:00(?::00)?)?", v):
        return "hint.before_1900_march", {}
    if re.fullmatch(r"\d{5}(?:\.0+)?", v) and 20000 <= float(v) <= 80000:
        d = epoch + dt.timedelta(days=int(float(v)))
        return "hint.serial", {"value": v, "date": d.isoformat() if kind == "date" else d.isoformat()[:7]}
    m = re.match(r"(\d{4})-\d{2}", v)
    if m and not _YEARS[0] <= int(m.group(1)) <= _YEARS[1]:
        return "hint.year", {"year": m.group(1)}
    if kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", v):
        return "hint.time", {}
    if kind == "month" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "hint.day_of_month", {}
    if kind == "month" and re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", v):
        return "hint.month_of_timestamp", {"month": v[:7]}  # (a date-and-time cell: the month is not guessed)
    said = _written_date_hint(v) if kind == "date" else _written_month_hint(v)
    if kind == "month" and not said[0]:
        said = _month_of_written_date(v)
    if not said[0] and _NUMBER_TEXT.fullmatch(v) and not 0 < float(v) <= _EXCEL_LAST_SERIAL:
        # a number no day is (a date cell holding 1e12 shows '#####' in Excel): said as a number, with the fix
        return "hint.no_date_number", {"value": v}
    return said


# a number as a cell's text holds it (1000000000000, -5, 12.5, 1e+16)
_NUMBER_TEXT = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
# the serial of 9999-12-31, the last day Excel has
_EXCEL_LAST_SERIAL = 2958465


def _month_of_written_date(v: str) -> tuple[str, dict]:
    """A day written in another order where a month is asked for (``1/6/2022``, ``30/6/2022``, ``2022/6/1``): the
    month to write, both months where the day and the month could be either (the cell is never guessed)."""
    said, values = _written_date_hint(v)
    if said == "hint.write_as":
        return said, {"date": values["date"][:7]}
    if said == "hint.day_or_month":
        day_month, month_day = values["day_month"][:7], values["month_day"][:7]
        return ("hint.write_as", {"date": day_month}) if day_month == month_day else \
            (said, {"day_month": day_month, "month_day": month_day})
    return "", {}


# A pension as a case system writes it, for an exit (annan_ersättning) or a support (annan_offentlig): paid by
# Pensionsmyndigheten, another benefit than försörjningsstöd
_PENSION_WORDS = ("pension", "ålderspension", "allmän pension", "garantipension", "äldreförsörjningsstöd", "pensionär",
                  "pensionerad", "gått i pension", "gick i pension", "pensionsavgång", "uttag av pension",
                  "uttag av ålderspension", "tidigt uttag av pension", "förtida uttag av pension",
                  "förtida uttag av ålderspension", "old-age pension", "old age pension", "retired", "retirement",
                  "state pension")
# the establishment benefit of a newly arrived adult (paid by Försäkringskassan for Arbetsförmedlingen's programme):
# another benefit than försörjningsstöd, as an exit (annan_ersättning) and as a support (annan_offentlig)
_ESTABLISHMENT_WORDS = ("etableringsersättning", "etableringsstöd", "etableringsprogrammet", "etableringsuppdraget",
                        "introduktionsersättning", "establishment benefit", "introduction benefit")
# Words a case worker writes for a code (never accepted as the code: only suggested in the message)
_WORDS_FOR_CODES = {
    **dict.fromkeys(_ESTABLISHMENT_WORDS, "annan_ersättning"),
    "sjukersättning": "sjuk_aktivitetsersättning", "aktivitetsersättning": "sjuk_aktivitetsersättning",
    "sjukskriven": "sjukpenning", "sjukskrivning": "sjukpenning", "arbetslös": "arbetssökande",
    "lönebidrag": "arbete_med_stöd", "lönestöd": "arbete_med_stöd", "anställning": "arbete", "jobb": "arbete",
    "utbildning": "studier", "ekonomiskt bistånd": "försörjningsstöd", "socialbidrag": "försörjningsstöd",
    "avbrutit": "avbrott", "avbruten": "avbrott", "utflyttad": "flyttat",
    # still on försörjningsstöd at exit, in a status column's words
    "kvar på ekonomiskt bistånd": "kvar_försörjningsstöd",
    # a case system's reasons for an exit, written out
    "fått anställning": "arbete", "fått arbete": "arbete", "börjat arbeta": "arbete", "börjat studera": "studier",
    "börjat studier": "studier", "flyttat från kommunen": "flyttat",
    # a youth project's return to school, as a case system writes it
    "återgång till skola": "studier", "återgång till skolan": "studier", "återgått till skolan": "studier",
    "tillbaka till skolan": "studier", "studier på gymnasiet": "studier", "studier på gymnasium": "studier",
    "gymnasiestudier": "studier", "börjat på gymnasiet": "studier", "börjat gymnasiet": "studier",
    "studier på komvux": "studier", "börjat på komvux": "studier", "komvux": "studier", "folkhögskola": "studier",
    "studier på folkhögskola": "studier", "börjat på folkhögskola": "studier", "flyttat från orten": "flyttat",
    # a newly arrived adult's Swedish course, as an establishment project's case system writes it
    "sfi": "studier", "svenska för invandrare": "studier", "studier sfi": "studier", "börjat på sfi": "studier",
    "sfi/komvux": "studier", "komvux/sfi": "studier",
    "övrigt": "annat", "annan orsak": "annat",
    # an exit to another benefit, as a case system's status writes it: parental leave (föräldrapenning, paid by
    # Försäkringskassan) and a newly arrived adult going on in Arbetsförmedlingen's programme (etableringsersättning)
    "föräldraledig": "annan_ersättning", "föräldraledighet": "annan_ersättning", "föräldrapenning": "annan_ersättning",
    "föräldraledig/föräldrapenning": "annan_ersättning", "parental leave": "annan_ersättning",
    "fortsatt etablering": "annan_ersättning", "etablering": "annan_ersättning",
    "fortsatt i etableringen": "annan_ersättning", "fortsatt i etableringsprogrammet": "annan_ersättning",
    "åter till etableringen": "annan_ersättning", "etableringen": "annan_ersättning",
    # a married couple, as a case system names the household
    "gift utan barn": "sambo_utan_barn", "gift med barn": "sambo_med_barn",
    # back on försörjningsstöd after a step (a municipal employment, a course), as a case system writes it
    "tillbaka till försörjningsstöd": "kvar_försörjningsstöd", "åter till försörjningsstöd": "kvar_försörjningsstöd",
    "återgång till försörjningsstöd": "kvar_försörjningsstöd", "tillbaka på försörjningsstöd": "kvar_försörjningsstöd",
    "åter försörjningsstöd": "kvar_försörjningsstöd", "fortsatt försörjningsstöd": "kvar_försörjningsstöd",
    "kvar på försörjningsstöd": "kvar_försörjningsstöd", "tillbaka till ekonomiskt bistånd": "kvar_försörjningsstöd",
    "åter till ekonomiskt bistånd": "kvar_försörjningsstöd", "fortsatt ekonomiskt bistånd": "kvar_försörjningsstöd",
    # subsidised work as a case system writes it: a job with a wage subsidy or another state support to the employer
    "nystartsjobb": "arbete_med_stöd", "introduktionsjobb": "arbete_med_stöd", "extratjänst": "arbete_med_stöd",
    "offentligt skyddad anställning": "arbete_med_stöd", "offentligt skyddad anställning (osa)": "arbete_med_stöd",
    "osa": "arbete_med_stöd", "anställning med lönestöd": "arbete_med_stöd", "anställning med lönebidrag": "arbete_med_stöd",
    "lönestöd för utveckling i anställning": "arbete_med_stöd", "lönebidragsanställning": "arbete_med_stöd",
    "trygghetsanställning": "arbete_med_stöd", "utvecklingsanställning": "arbete_med_stöd",
    "anställningsstöd": "arbete_med_stöd", "subventionerad anställning": "arbete_med_stöd",
    "subventionerat arbete": "arbete_med_stöd", "arbete med lönebidrag": "arbete_med_stöd",
    "arbete med lönestöd": "arbete_med_stöd", "skyddat arbete": "arbete_med_stöd", "samhall": "arbete_med_stöd",
    "jobb med stöd": "arbete_med_stöd", "fått nystartsjobb": "arbete_med_stöd", "fått lönebidrag": "arbete_med_stöd",
    "fått anställning med lönestöd": "arbete_med_stöd", "fått extratjänst": "arbete_med_stöd",
    "subsidised employment": "arbete_med_stöd", "subsidized employment": "arbete_med_stöd",
    "wage subsidy": "arbete_med_stöd", "sheltered employment": "arbete_med_stöd",
    # a sex as a case system or a youth project writes it ('K'/'M' in most Swedish systems)
    "k": "kvinna", "kv": "kvinna", "m": "man", "kvinnlig": "kvinna", "manlig": "man", "flicka": "kvinna",
    "tjej": "kvinna", "pojke": "man", "kille": "man", "female": "kvinna", "woman": "kvinna", "male": "man",
    # no occupation before enrolment, as the English label said it before it became 'No occupation'
    "none": "ingen",
    # a value not known, or one the person would rather not give (a sex, a household type, an outcome)
    "vill ej uppge": "okänt", "vill inte uppge": "okänt", "ej uppgett": "okänt", "uppgift saknas": "okänt",
    "saknas": "okänt", "ej angivet": "okänt", "ej angiven": "okänt", "ej känt": "okänt", "vet ej": "okänt",
    "uppgift finns ej": "okänt", "prefer not to say": "okänt", "not known": "okänt", "missing": "okänt",
    "icke-binär": "annat", "ickebinär": "annat", "annan": "annat", "non-binary": "annat",
    # a young person's home as a youth project's case system writes it
    "bor hos föräldrar": "bor_med_föräldrar", "bor hos förälder": "bor_med_föräldrar",
    "bor hos föräldrarna": "bor_med_föräldrar", "bor med föräldrar": "bor_med_föräldrar",
    "bor med förälder": "bor_med_föräldrar", "bor hemma": "bor_med_föräldrar", "hemmaboende": "bor_med_föräldrar",
    "boende hos föräldrar": "bor_med_föräldrar", "hos föräldrar": "bor_med_föräldrar",
    "hos föräldrarna": "bor_med_föräldrar", "i föräldrahemmet": "bor_med_föräldrar",
    "föräldrahemmet": "bor_med_föräldrar", "bor i föräldrahemmet": "bor_med_föräldrar",
    "living with parents": "bor_med_föräldrar", "lives with parents": "bor_med_föräldrar",
    "with parents": "bor_med_föräldrar", "living at home": "bor_med_föräldrar",
    # an exit to a pension, as a case system of an older project writes it: another benefit than försörjningsstöd
    # (in a support column, _PENSION_SUPPORT's code)
    **dict.fromkeys(_PENSION_WORDS, "annan_ersättning"),
    # a budget line's funder written as the EU fund's name
    "esf": "eu", "esf+": "eu", "esf-rådet": "eu", "socialfonden": "eu", "europeiska socialfonden": "eu",
    "europeiska socialfonden+": "eu", "eruf": "eu", "regionalfonden": "eu", "interreg": "eu", "amif": "eu",
    "eu-medel": "eu", "eu-fonder": "eu", "eu-stöd": "eu",
    # a partner's contribution in its own staff's time (in kind), as a follow-up writes the owner's: own financing
    "egen insats": "egen", "egeninsats": "egen", "egna insatser": "egen", "egen arbetstid": "egen",
    "eget arbete": "egen", "egenfinansiering": "egen", "egen medfinansiering": "egen", "in kind": "egen",
    "in-kind": "egen",
    # the two agencies as a follow-up shortens them
    "fk": "försäkringskassan", "af": "arbetsförmedlingen",
}


# ... and in a support column (support_start, support_exit), where a pension is another public support
_PENSION_SUPPORT = dict.fromkeys(_PENSION_WORDS + _ESTABLISHMENT_WORDS, "annan_offentlig")


# Headings an evaluator writes in Swedish (or in other words) for a contract column, casefolded with
# spaces, hyphens and underscores dropped. A missing column whose heading the file has in these words gets
# a message naming that heading; it is never read in its place (a guess could read the wrong column).
_HEADINGS_FOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "person_id": ("personid", "id", "deltagarid", "deltagarkod", "projektkod", "personkod", "löpnummer"),
    "sex": ("kön", "kon", "gender"),
    "birth_year": ("födelseår", "fodelsear", "född", "fött"),
    "age": ("ålder", "alder", "åldervidstart", "ålderstart", "åldersgrupp", "åldervidinskrivning"),
    "household_type": ("hushållstyp", "hushall", "hushåll", "hushallstyp"),
    "n_children": ("antalbarn", "barn"),
    "municipality": ("kommun", "hemkommun", "folkbokföringskommun"),
    # (and a comparison group's export: its reference date is the start, its follow-up the end and the status then the
    # outcome, as the contract reads a comparison person)
    "start_date": ("startdatum", "inskrivningsdatum", "inskriven", "inskrivning", "start", "datumstart",
                   "startdag", "påbörjad", "inregistreringsdatum", "inregistrerad", "inregistrering", "referensdatum",
                   "referensdag"),
    "end_date": ("slutdatum", "avslutsdatum", "utskrivningsdatum", "utskriven", "avslutad", "avslut", "slut",
                 "datumavslut", "slutdag", "utregistreringsdatum", "utregistrerad", "utregistrering",
                 "uppföljningsdatum", "uppföljningsdag"),
    "outcome": ("utfall", "resultat", "avslutsorsak", "orsak", "utfallvidavslut", "avslutskod", "statusviduppföljning",
                "statusviduppföljningen", "utfallviduppföljning", "utfallviduppföljningen"),
    "support_start": ("försörjningvidstart", "försörjningstart", "försörjning", "försörjningföre",
                      "försörjningföreinsats"),
    "support_exit": ("försörjningvidavslut", "försörjningavslut", "försörjningefter", "försörjningefterinsats"),
    "action_plan": ("handlingsplan", "handlingsplanvidavslut"),
    "household_id": ("hushållsid", "hushallsid"),
    # a follow-up system's export (SUS): its variables' headings
    "education": ("utbildningsnivå", "högstaslutfördautbildningsnivå", "högstautbildning"),
    "occupation_before": ("sysselsättningföre", "sysselsättningföreinsats"),
    "occupation_after": ("sysselsättningefter", "sysselsättningefterinsats"),
    "extent_before_pct": ("omfattningföre", "omfattningföreinsats"),
    "extent_after_pct": ("omfattningefter", "omfattningefterinsats"),
    "month": ("månad", "manad", "utbetalningsmånad", "år/månad", "årmånad", "period"),
    "payment_date": ("utbetalningsdatum", "datum", "utbetalningsdag", "betaldatum"),
    "amount": ("belopp", "utbetalt", "utbetalning", "kronor", "kr", "beloppkr", "summa"),
    # a budget's columns: the words it is read by (a heading the loader did not read, 'Kostnads slag/typ', is
    # named), and for its budget a heading naming an amount without saying which ('Belopp')
    **{column: tuple(budget_shapes.heading_key(w) for w in words) for column, words in budget_shapes.LONG_HEADINGS.items()},
    S.BUDGET: tuple(budget_shapes.heading_key(w) for w in (*budget_shapes.LONG_HEADINGS[S.BUDGET],
                                                           *budget_shapes.AMOUNT_HEADINGS)),
    # (the participants' löpnummer a questionnaire's answers are kept under, which pairs a person's two answers)
    "respondent_id": ("respondentid", "respondent", "svarandeid", "löpnummer", "löpnr", "deltagarid", "personid"),
    "respondent_group": ("grupp", "svarsgrupp", "svarande"),
    "question": ("fråga", "frågekod"),
    "answer": ("svar",),
    "date": ("datum", "svarsdatum"),
    "code": ("kod", "frågekod"),
    "wording_sv": ("fråga", "formulering", "frågetext"),
}


def _other_words(spec: S.TableSpec) -> Callable[[str], bool]:
    """Whether a cell is one of ``spec``'s columns headed in other words (:data:`_HEADINGS_FOR_COLUMNS`)."""
    words = {w for c in spec.columns for w in _HEADINGS_FOR_COLUMNS.get(c.name, ())}

    def is_heading(cell: str) -> bool:
        return _folded(cell) in words
    return is_heading


def _heading_for(column: str, headings: list[str], spec: S.TableSpec, close: bool = False) -> str | None:
    """The file's heading that is probably the missing ``column``, written in other words (``månad``
    for ``month``), if exactly one heading is; never a heading that is itself a column of the contract.
    With ``close``, a heading spelt close to one of those words (``hushalstyp``) counts too, where no
    heading is one of them."""
    words = (*_HEADINGS_FOR_COLUMNS.get(column, ()), _folded(column))
    known = {c.name for c in spec.columns}
    found = [h for h in headings if h not in known and (_folded(h) in words or _folded(_bare(h)) in words)]
    if not found and close:
        found = [h for h in headings if h not in known and len(_folded(h)) >= 4
                 and _spelt_close(_folded(h), words)
                 and _closest_column(h, spec) == column]  # ('sysselsattning efter': after, not before)
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=1 << 16)
def _spelt_close(folded: str, words: tuple[str, ...]) -> bool:
    """Whether a folded heading is spelt close to one of ``words``; remembered, as a file of 3 000 columns has
    each of its headings compared with the words of every missing column."""
    # (a ratio of 0.8 needs lengths as close: what get_close_matches checks first, here without building its matcher)
    if not any(len(folded) + len(w) == 0 or 2.0 * min(len(folded), len(w)) / (len(folded) + len(w)) >= 0.8
               for w in words):
        return False
    return bool(difflib.get_close_matches(folded, words, n=1, cutoff=0.8))


def _closest_column(heading: str, spec: S.TableSpec) -> str | None:
    """The column of ``spec`` whose name or other words a heading is spelt closest to."""
    folded = _folded(heading)
    best, score = None, 0.0
    for c in spec.columns:
        for w in (*_HEADINGS_FOR_COLUMNS.get(c.name, ()), _folded(c.name)):
            r = difflib.SequenceMatcher(None, folded, w).ratio()
            if r > score:
                best, score = c.name, r
    return best


@functools.lru_cache(maxsize=1 << 16)
def _bare(heading: str) -> str:
    """A heading without what it says in brackets about its unit or form: ``amount (kr)``, ``start_date``
    over a line ``(ÅÅÅÅ-MM-DD)`` in the same cell, ``Belopp [tkr]``."""
    return re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", heading)


# the headings a case system gives a participant's status ('Status', 'Deltagarstatus'): at exit, the outcome
_STATUS_HEADINGS = frozenset({"status", "deltagarstatus", "avslutsstatus", "statusvidavslut", "statusavslut"})


def _folded(heading: object) -> str:
    """A heading as it is compared with the contract's words: casefolded, without spaces, hyphens and
    underscores."""
    return _folded_text(str(heading))


@functools.lru_cache(maxsize=1 << 16)
def _folded_text(heading: str) -> str:
    return re.sub(r"[\s\-_]+", "", heading.casefold())


# Excel's error values, as an .xlsx file stores them and as Swedish Excel writes them into a CSV file: a
# formula that gave no value (a lookup that found no row). Never a value of any column, whatever its kind.
_EXCEL_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                           "#GETTING_DATA", "#SAKNAS!", "#VÄRDEFEL!", "#REFERENS!", "#DIVISION/0!", "#NAMN?",
                           "#OGILTIGT!", "#SKÄRNING!"})


def unread_columns(raw: RawTable, spec: S.TableSpec, fname: str, read: set[str] | frozenset[str] = frozenset()
                   ) -> list[Problem]:
    """A note for the evaluator (never the board's report) naming the file's columns that the contract
    does not read (an evaluator's own notes). A heading that is a contract column in other words or spelt
    close to one (``handlingsplan``, ``handlingsplann``) is not among them: the validation refuses it
    with the heading to write (``column.optional_heading``); nor is one of ``read``, a column read for a goal
    (the follow-up 'Utfall 6 mån' a goal counts with ``after_exit_months``)."""
    rest = [h for h in _unread_headings(raw, spec) if h not in read]
    if not rest:
        return []
    return [problem(fname, None, None, None, "column.unread", "info", "unread_columns", columns=headings_named(rest))]


# the most headings a message names one by one (an export of thousands of columns is named by its first)
HEADINGS_NAMED = 20


# the most headings a missing column's message lists (the rest counted): a handful to look through, not a page
HEADINGS_LISTED = 8


def _headings_listed(headings: list[str], lang: str) -> str:
    """A file's headings as a missing column's message lists them: the first :data:`HEADINGS_LISTED`, then how many
    more there are (an export of 3 000 columns listed every one); "none" in ``lang`` for a file without headings."""
    if not headings:
        return message("none", lang)
    more = len(headings) - HEADINGS_LISTED
    return ", ".join(headings[:HEADINGS_LISTED]) + (message("column.more_headings", lang, n=grouped(more, lang)) if more > 0 else "")


def _closest_headings(column: str, headings: list[str], spec: S.TableSpec) -> str:
    """The file's headings spelt closest to the missing ``column`` (at most three, closest first, each quoted), where
    no heading is it in other words: the one to rename among thousands ('personid', 'person id nr'); "" for none. A
    heading that is a column of its own is none of them."""
    known = {c.name for c in spec.columns}
    folded: dict[str, str] = {}
    for h in headings:
        if h not in known and str(h).strip():
            folded.setdefault(_folded(str(h)), str(h))
    near = difflib.get_close_matches(_folded(column), list(folded), n=3, cutoff=0.6)
    return ", ".join(quote(shorten(folded[f])) for f in near)


def headings_named(headings: list[str]) -> str:
    """A file's headings as a message names them: each quoted and cut short where long (a page of text pasted into a
    heading cell was echoed whole, 100 000 characters on one line), the first :data:`HEADINGS_NAMED` of them."""
    return ", ".join(quote(h) for h in headings[:HEADINGS_NAMED]) + (", …" if len(headings) > HEADINGS_NAMED else "")


def hidden_unread(hidden: tuple[tuple[str, str], ...], unread: set[str], warn: list[Problem],
                  notes: list[Problem]) -> None:
    """The note on the sheet's hidden columns (in ``warn``, one of the file's ``notes``) narrowed to the columns read:
    a hidden column the reader does not read (a coordinator's notes, hidden from the print; a budget's staff time as a
    share of full time beside its amounts) was said to be "read as the others", in the report too, where it changed
    nothing. ``hidden``: the (letter, heading) pairs as the file was read, before its columns were renamed;
    ``unread``: the headings the reader leaves unread."""
    said = next((n for n in notes if n.key == "sheet.hidden_columns"), None)
    if said is None or not hidden:
        return
    read = [letter for letter, heading in hidden if heading and heading not in unread]
    at = next((i for i, n in enumerate(warn) if n is said), None)
    if at is None or len(read) == len(hidden):
        return
    if read:
        warn[at] = problem(said.file, None, None, None, "sheet.hidden_columns", "warning", "hidden_columns",
                           columns=", ".join(read))
    else:
        del warn[at]


def _unread_headings(raw: RawTable, spec: S.TableSpec) -> list[str]:
    """The headings of the file's columns that the contract does not read (:func:`unread_columns`)."""
    headings = [str(h) for h in raw.frame.columns]
    names = {c.name for c in spec.columns}
    meant = {h for c in spec.columns if c.name not in headings
             for h in [_heading_for(c.name, headings, spec, close=True)] if h is not None}
    return [h for h in headings if h and h not in names and h not in meant]


# the most characters an id, a project code, a municipality and a household code of a person file may have: a hashed
# pseudonym (64 hexadecimal digits) fits, and so does a district's name ('Stadsdelsförvaltning Rinkeby-Kista', 34),
# which the chart of groups shows beside its bar; a page of text there was read, and 40 000 characters in a
# municipality stopped the report with a matplotlib error (its label left the chart no room)
PERSON_TEXT_LIMITS = {S.PERSON_ID: 100, S.PROJECT_ID: 100, S.MUNICIPALITY: 50, S.HOUSEHOLD_ID: 100}


def _long_texts(raw: RawTable, fname: str) -> list[Problem]:
    """Every id, municipality or household code of a person file longer than its limit in
    :data:`PERSON_TEXT_LIMITS`, named by row and column with its length and start (never the whole value)."""
    found = []
    for c, limit in PERSON_TEXT_LIMITS.items():
        if c not in raw.frame.columns:
            continue
        cells = raw.frame[c].fillna("").astype(str)
        for i in np.flatnonzero((cells.str.len() > limit).to_numpy()).tolist():
            found.append(problem(fname, int(raw.file_rows[i]), raw.column_of(c, i), None, "cell.too_long",
                                 n=f"{len(cells.iloc[i]):,}".replace(",", " "), limit=limit,
                                 start=quote(redact(cells.iloc[i]))))
    return found


def _formulas_unread(raw: RawTable, spec: S.TableSpec, fname: str, problems: list[Problem]) -> None:
    """Take out of ``problems`` the formulas without a saved result (or saved by a program that calculates none) in
    the file's columns the contract does not read (an evaluator's own column of notes, a helper column of
    lookups; in a budget of the contract's layout, not one of a column per year): their values are never read, so a
    workbook written by a program, not saved by Excel, is not refused for them. A formula in a column that is read
    keeps its message."""
    unread = set(_unread_headings(raw, spec))
    if unread:
        problems[:] = [p for p in problems if not (p.file == fname and p.column in unread and p.key in (
            "cell.formula", "cell.formula_not_calculated"))]


def _lines_split_by_unread(raw: RawTable, fname: str) -> list[Problem]:
    """A note for the evaluator where a column the budget's contract does not read tells apart lines that have the
    same period, cost line and funder (a budget split per municipality: ``Kommun`` with ``Sundsvall`` and ``Timrå``
    on two rows of ``Lön coach`` 2024): the amounts are read and added up, but the report shows the lines as rows of
    one name, which a reader cannot tell apart. One note per such column, with the first such line's rows."""
    df = raw.frame
    if S.PERIOD not in df or S.CATEGORY not in df:
        return []
    names = {c.name for c in S.BUDGET_TABLE.columns}
    key = [c for c in (S.PERIOD, S.CATEGORY, S.FUNDER) if c in df]
    cells = df.fillna("").astype(str).apply(lambda c: c.str.strip())
    lines = cells[(cells[S.CATEGORY] != "") & ~cells[S.CATEGORY].str.rstrip(":").str.lower().isin(S.TOTAL_LABELS)]
    notes = []
    # each line's group of one period, cost line and funder, numbered in the order the file first has them (counted
    # at once for every column, not a group at a time: a follow-up of thousands of rows and many columns)
    group = lines.groupby(key, sort=False).ngroup()
    told: set[int] = set()
    for heading in [c for c in df.columns if str(c).strip() and c not in names]:
        filled = lines[heading] != ""
        distinct = lines.loc[filled, heading].groupby(group[filled]).nunique()
        split = distinct.index[distinct > 1]
        if not len(split):
            continue
        told |= {int(g) for g in split}
        first = lines[group == split.min()]
        period, category = first[S.PERIOD].iat[0], first[S.CATEGORY].iat[0]
        value = next(v for v in first[heading] if v)
        said = "budget.lines_split_by" if len(split) > 1 else "budget.lines_split_by_one"  # (one line: no 'for example')
        notes.append(problem(fname, None, str(heading), None, said, "info", "lines_split_by",
                             heading=quote(str(heading)), n=len(split), line=quote(category), period=period,
                             rows=row_ranges([int(r) for r in raw.file_rows[df.index.isin(first.index)]]),
                             example=quote(f"{category} {value}")))
    # lines alike that no column tells apart (a block of lines per municipality with the same names, or a line pasted
    # twice): both are read and added up, and the report shows two rows of one name; said, with the rows, so that a
    # line counted twice is found
    sizes = group.value_counts()
    plain = lines[S.CATEGORY].map(lambda n: budget_shapes.total_row(n) is None and not budget_shapes.part_row(n))
    alike = [int(g) for g in sizes.index[sizes > 1]
             if int(g) not in told and int(g) >= 0 and bool(plain[group == g].all())]
    if alike:
        first = lines[group == min(alike)]
        notes.append(problem(fname, None, raw.column_of(S.CATEGORY, 0), None, "budget.lines_alike", "info",
                             "lines_split_by",
                             n=len(alike), line=quote(first[S.CATEGORY].iat[0]), period=first[S.PERIOD].iat[0],
                             rows=row_ranges([int(r) for r in raw.file_rows[df.index.isin(first.index)]])))
    return notes


def _note_rows(raw: RawTable, spec: S.TableSpec, fname: str) -> list[Problem]:
    """A row of a person file with text only in the evaluator's own columns (a coordinator's note under the
    list: "S09 och S10 saknas, kommer i nästa uttag") is no person: it is left out of ``raw`` with a note for
    the evaluator (never the report), instead of one message for each empty column of the contract. (A row
    with a value in any column of the contract is read, and checked, as a person.)"""
    names = [c.name for c in spec.columns if c.name in raw.frame.columns]
    own = [str(h) for h in raw.frame.columns if h and h not in names]
    if not names or not own or not len(raw.frame):
        return []
    note = (raw.frame[names].to_numpy() == "").all(axis=1) & (raw.frame[own].to_numpy() != "").any(axis=1)
    if not note.any():
        return []
    rows = raw.file_rows[note]
    keep = ~note
    raw.frame = raw.frame.loc[keep].reset_index(drop=True)
    raw.file_rows = raw.file_rows[keep]
    raw.number_cells = {c: v[keep] for c, v in raw.number_cells.items()}
    raw.cell_columns = {c: v[keep] for c, v in raw.cell_columns.items()}
    return [problem(fname, None, None, None, "rows.notes_only", "info", "note_rows",
                    rows=", ".join(str(int(r)) for r in rows), columns=headings_named(own))]


# A cell of a row of units or formats under a system's headings, as an export writes one ("(ÅÅÅÅ-MM-DD)", "(kod)",
# "kr/mån", "%"): a text in brackets, or a unit or format word alone
_UNIT_CELL = re.compile(
    r"\(.*\)|\[.*\]|(?:åååå|yyyy)(?:-mm(?:-dd)?)?|åå|yy|(?:t?kr|sek)(?:\s*/\s*(?:mån(?:ad)?|år|month|year))?|%|procent"
    r"|år|mån(?:ad|ader)?|dagar|st|antal|kod|kod(?:er)?|text|datum|date|code|number|tal|heltal|ja/nej|yes/no|k/m|m/k",
    re.IGNORECASE)


def units_row(raw: RawTable, fname: str) -> tuple[RawTable, list[Problem]]:
    """A second header row of units or formats right under the headings ("(ÅÅÅÅ)", "(ÅÅÅÅ-MM-DD)", "(kod)",
    "kr/mån"), as a system's export writes one: every filled cell of the table's first row is such a unit, and two
    or more are filled. It is no row of data: left out of ``raw`` with a note for the evaluator, instead of one
    message for each of its cells (a date column's saying that a word is no date)."""
    frame = raw.frame
    if not len(frame) or not len(frame.columns):
        return raw, []
    first = [str(v).strip() for v in frame.iloc[0].tolist()]
    filled = [v for v in first if v]
    if len(filled) < 2 or not all(_UNIT_CELL.fullmatch(v) for v in filled):
        return raw, []
    keep = np.arange(len(frame)) > 0
    note = problem(fname, int(raw.file_rows[0]), None, ", ".join(filled[:4]) + (", …" if len(filled) > 4 else ""),
                   "rows.units_row", "info", "units_row")
    return raw.rows_kept(keep), [note]


# A page's line in an export or a printout split into pages ("Sida 1 av 2", "Sid 2 (3)", "Page 1 of 2")
_PAGE_LINE = re.compile(r"(?:sida|sid|page)\.?\s+\d+\s*(?:(?:av|of|/)\s*\d+|\(\s*\d+\s*\))?", re.IGNORECASE)


def page_breaks(raw: RawTable, fname: str) -> tuple[RawTable, list[Problem]]:
    """The page breaks of a case system's list saved page by page (Treserva's or Procapita's report exported as
    text): a row that repeats the headings (the next page's header, two or more of its cells filled, each the heading
    above it) and a row whose one filled cell is a page's line ("Sida 1 av 2"). Neither is a row of data: both are
    left out of ``raw`` with one note naming their rows, instead of a message for each of their cells (a date column
    saying that 'Inskrivningsdatum' is no date, an empty sex on the page's line)."""
    frame = raw.frame
    if not len(frame) or not len(frame.columns):
        return raw, []
    # (each distinct cell of a column looked at once: a payments file repeats its ids, months and amounts)
    cells = per_distinct_cells(frame.fillna("").astype(str), lambda u: u.str.strip())
    filled = cells.to_numpy() != ""  # (the cells of every column compared at once)
    counts = filled.sum(axis=1)
    headings = np.array([" ".join(str(h).split()).casefold() for h in frame.columns], dtype=object)
    same = per_distinct_cells(cells, lambda u: u.str.split().str.join(" ").str.casefold()).to_numpy() == headings
    header = (counts >= 2) & ~(filled & ~same).any(axis=1)
    # a page's line: the one filled cell of its row
    page = np.zeros(len(frame), dtype=bool)
    if (single := np.flatnonzero(counts == 1)).size:
        values = cells.to_numpy()[single, filled[single].argmax(axis=1)]
        page[single] = [_PAGE_LINE.fullmatch(v) is not None for v in values]
    found = header | page
    if not found.any():
        return raw, []
    keep = ~found
    shown = [str(frame.columns[int(np.flatnonzero(filled[i])[0])]) if header[i] else
             next(v for v in cells.iloc[i] if v) for i in np.flatnonzero(found)]
    note = problem(fname, None, None, None, "rows.page_breaks", "info", "page_breaks",
                   rows=row_ranges([int(r) for r in raw.file_rows[found]]),
                   cells=", ".join(dict.fromkeys(quote(v) for v in shown)))
    return raw.rows_kept(keep), [note]


def second_table(raw: RawTable, fname: str) -> tuple[RawTable, list[Problem]]:
    """A second table kept on the sheet under the list, after an empty row (a count by sex, ``Kön`` / ``Antal``,
    made beside the data, or a summary per person): its heading row, the first below the empty row with two or more
    cells filled, none of them holding a digit, is no row of data, and no person's or payment's row is one (an id, a
    date, an amount: each has digits). Read, its headings and counts would be persons or payments, with a message
    for each of their cells, none saying why. It is refused in one message naming the heading row, its cells and the
    rows left unread from the empty row down (a title above the headings among them); those rows give no other
    message."""
    frame = raw.frame
    if len(frame) < 2 or not len(frame.columns):
        return raw, []
    rows = raw.file_rows.astype(int)
    after_gap = np.flatnonzero(np.diff(rows) > 1) + 1  # (the rows read just below an empty row, which is not read)
    if not len(after_gap):
        return raw, []
    cells = per_distinct_cells(frame.fillna("").astype(str), lambda u: u.str.strip())
    values = cells.to_numpy()
    counts = (values != "").sum(axis=1)
    for start in after_gap.tolist():
        heading = next((i for i in range(start, len(frame)) if counts[i] >= 2), None)
        if heading is None:
            continue
        shown = [v for v in values[heading] if v]
        # (headings are words: two cells or more with a letter, none with a digit; a row of dashes beside a name,
        # a financier's heading row as Excel's accounting format shows its empty amounts, is none)
        if any(ch.isdigit() for v in shown for ch in v) or sum(any(ch.isalpha() for ch in v) for v in shown) < 2:
            continue
        same = [" ".join(v.split()).casefold() for v in values[heading]] == [
            " ".join(str(h).split()).casefold() if v else "" for h, v in zip(frame.columns, values[heading])]
        if same:  # (the headings repeated, a page's header: not a table of its own)
            continue
        keep = np.arange(len(frame)) < start
        found = problem(fname, int(rows[heading]), None, None, "rows.second_table",
                        cells=", ".join(quote(v) for v in shown[:6]) + (" …" if len(shown) > 6 else ""),
                        rows=row_ranges([int(r) for r in rows[start:]]))
        return raw.rows_kept(keep), [found]
    return raw, []


def notes_below(raw: RawTable, fname: str) -> tuple[RawTable, list[Problem]]:
    """A note typed under a table, as Excel users write one in the first column below the list ("OBS! JS-05
    avbröt anställningen efter tre månader"): a row after the last row with two or more cells filled, holding a
    sentence in its one filled cell (three words or more, one in lower case; no total, "Totalt 47 st", and no name
    alone), is no row of data. It is left out of ``raw``, with a note
    for the evaluator (never the report) quoting it, instead of one message for each empty column of the row. (A
    row above the table's last row, or with a second cell, is read, and checked, as any row.)"""
    frame = raw.frame
    if not len(frame) or not len(frame.columns):
        return raw, []
    cells = per_distinct_cells(frame.fillna("").astype(str), lambda u: u.str.strip())
    filled = cells.to_numpy() != ""  # (the cells of every column compared at once)
    counts = filled.sum(axis=1)
    rows_of_data = np.flatnonzero(counts >= 2)
    if not len(rows_of_data):
        return raw, []
    below = np.arange(len(frame)) > rows_of_data[-1]
    if not below.any():
        return raw, []
    # (only the rows below the table are read as text: a list of thousands of rows has none or a few)
    text = cells[below].apply(lambda r: " ".join(v for v in r if v), axis=1)
    # (a total with its count, 'Antal deltagare: 47', is a total row, which its own message answers)
    total = text.str.rstrip(":").str.lower().map(_is_total_label).astype(bool).to_numpy()
    # (a sentence: three words or more, one of them a word in lower case, never a name alone, 'Anna Karin Berg')
    sentence = (text.str.split().str.len() >= 3) & text.str.contains(r"(?<!\S)[a-zåäöéü]{3,}(?!\S)", regex=True)
    note = below.copy()
    note[below] = (counts[below] == 1) & ~total & sentence.to_numpy()
    # a row below with no cell left is a note whose personnummer was taken out (the cell emptied), which its own
    # message names: no message for each of its columns besides
    emptied = below & (counts == 0)
    if not (note | emptied).any():
        return raw, []
    keep = ~(note | emptied)
    found = [problem(fname, int(r), None, t, "rows.note_below", "info", "note_rows")
             for r, t in zip(raw.file_rows[note], text[note[below]], strict=True)]
    return raw.rows_kept(keep), found


def _columns_goals_count(raw: RawTable, params: ProjectParams, fname: str) -> list[Problem]:
    """A goal that counts action plans (``numerator: action_plan``) in a participants file without the
    column would count no one ("0 of 242 have an action plan"): refused, naming the goal. (A heading that
    is the column in other words or spelt close to it is refused by the validation itself, with the
    heading to write.)"""
    headings = [str(h) for h in raw.frame.columns]
    if S.ACTION_PLAN in headings or _heading_for(S.ACTION_PLAN, headings, S.PARTICIPANTS, close=True) is not None:
        return []
    return [problem(fname, None, S.ACTION_PLAN, None, "column.missing_for_goal", column=S.ACTION_PLAN, goal=g.id, n=n)
            for n, g in enumerate(params.goals, start=1)
            if g.kind in ("share", "outcome_count") and g.numerator == "action_plan"]


# A goal's words naming a group of participants by their support at start ("av deltagarna med sjukpenning",
# "those on sickness benefit"), and the code of support_start each names
_SUPPORT_WORDS = {
    "sjukpenning": "sjukpenning", "sjukersättning": "sjuk_aktivitetsersättning",
    "aktivitetsersättning": "sjuk_aktivitetsersättning", "försörjningsstöd": "försörjningsstöd",
    "ekonomiskt bistånd": "försörjningsstöd", "a-kassa": "a_kassa", "aktivitetsstöd": "aktivitetsstöd",
    "sickness benefit": "sjukpenning", "social assistance": "försörjningsstöd",
}
_GROUP_BY_SUPPORT = re.compile(
    r"\b(?:deltagar\w*|avslutade|personer\w*|dem|de|participants|those|persons|people)\s+"
    r"(?:som\s+(?:har|hade|uppbär|uppbar|får|fick)\s+|med\s+|on\s+|with\s+|receiving\s+)"
    r"(" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in _SUPPORT_WORDS) + r")\b", re.I)


# A goal's words that count those who left försörjningsstöd ("ska ha lämnat försörjningsstödet", "gått ur
# försörjningsstödet", "inte längre ha försörjningsstöd", "blivit oberoende av ekonomiskt bistånd", "left social
# assistance", or who support themselves: "bli självförsörjande", "gått till egen
# försörjning", "self-supporting"; a target group without it, "som saknar egen försörjning", is none), and words that name an active plan with another party among them
# (Timrå's "självförsörjande eller ha en aktiv planering med annan part"): such a goal counted with
# aktiv_planering_annan_part among its successes would count as leavers persons still on försörjningsstöd
# (and being without it, "ska vara utan försörjningsstöd vid avslut", "leva utan ekonomiskt bistånd": a verb before
# "utan", so that a target group, "deltagare utan försörjningsstöd", is none)
_WITHOUT_FS = (r"(?<![\wåäö])(?:vara|är|bli|blir|blivit|leva|lever|klara\s+sig|klarar\s+sig|klarat\s+sig)\s+utan\s+"
               r"(?:något\s+)?(?:försörjningsstöd\w*|ekonomiskt\s+bistånd\w*|socialbidrag\w*)|")
_LEFT_SUPPORT = re.compile(
    _WITHOUT_FS +
    r"(?<![\wåäö])(?:(?:lämna\w*|lämnat)\s+(?:sitt\s+|sina\s+|det\s+)?|(?:gå|går|gått|kommit|komma|ta\s+sig|tagit\s+sig)"
    r"\s+ur\s+(?:sitt\s+)?|(?:inte|ej)\s+längre\s+(?:ha|har|haft|få|får|fått|uppbära|uppbär|behöva|behöver|vara\s+"
    r"beroende\s+av)\s+(?:något\s+)?|(?:bli|blivit|vara|är)\s+oberoende\s+av\s+)"
    r"(?:försörjningsstöd\w*|ekonomiskt\s+bistånd\w*|socialbidrag\w*)"
    r"|(?<![\wåäö])(?:left|leave|leaving|leaves|off|no\s+longer\s+(?:on|receive|receiving|need|needing|depend\s+on))\s+"
    r"(?:the\s+)?social\s+assistance"
    r"|(?<![\wåäö])(?<!saknar\s)(?<!sakna\s)(?<!inte\s)(?<!ej\s)(?<!utan\s)(?:(?:helt\s+|ekonomiskt\s+)?självförsörj\w*"
    r"|egen\s+försörjning|self-?(?:supporting|sufficient|sufficiency)|support\s+themselves)", re.I)
_ACTIVE_PLAN_NAMED = re.compile(r"aktiv\w*\s+planering|active\s+plan", re.I)
# ... of them, the words that name försörjningsstöd itself as what was left ("lämnat försörjningsstödet", "gått ur
# försörjningsstödet", "left social assistance"), which a participant who never had it cannot have done (one who went
# from aktivitetsstöd to work did become self-supporting, so "självförsörjande" is not among them)
_LEFT_FS = re.compile(
    _WITHOUT_FS +
    r"(?<![\wåäö])(?:(?:lämna\w*|lämnat)\s+(?:sitt\s+|sina\s+|det\s+)?|(?:gå|går|gått|kommit|komma|ta\s+sig|tagit\s+sig)"
    r"\s+ur\s+(?:sitt\s+)?|(?:inte|ej)\s+längre\s+(?:ha|har|haft|få|får|fått|uppbära|uppbär|behöva|behöver|vara\s+"
    r"beroende\s+av)\s+(?:något\s+)?|(?:bli|blivit|vara|är)\s+oberoende\s+av\s+)"
    r"(?:försörjningsstöd\w*|ekonomiskt\s+bistånd\w*|socialbidrag\w*)"
    r"|(?<![\wåäö])(?:left|leave|leaving|leaves|off|no\s+longer\s+(?:on|receive|receiving|need|needing|depend\s+on))\s+"
    r"(?:the\s+)?social\s+assistance", re.I)


def _goals_left_without_support(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A share or outcome goal whose words count those who left försörjningsstöd ("Minst 30 % ska ha lämnat
    försörjningsstödet") counts every exit to its outcomes, also of participants who had another support at start
    (aktivitetsstöd, sjukpenning: referred by Arbetsförmedlingen or Försäkringskassan), who had no försörjningsstöd
    to leave and whom the cost-benefit's leavers beside it leave out: refused, naming the goal, how many such exits it
    counts and their supports, with the ``among`` to write. A participant whose support at start is not known, and a
    goal set for those on försörjningsstöd, are read as written."""
    if S.SUPPORT_START not in df.columns or S.OUTCOME not in df.columns:
        return []
    found = []
    ended = df[S.END_DATE].notna() if S.END_DATE in df.columns else pd.Series(False, index=df.index)
    support = df[S.SUPPORT_START]
    other = support.notna() & ~support.isin(["försörjningsstöd", S.UNKNOWN])
    for g in params.goals:
        if g.kind not in ("share", "outcome_count") or g.numerator != "outcome":
            continue
        written = [label for label in (g.label, g.label_en) if label]
        labels = [read_label(label) for label in written]
        at = next(((i, m) for i, label in enumerate(labels) if (m := _LEFT_FS.search(label)) is not None), None)
        if at is None:
            continue
        whole = g.among is None or all(GROUP_COLUMNS[k] in df.columns for k, _ in g.among.items())
        counted = ended & df[S.OUTCOME].isin(g.success_outcomes) & other
        if g.default_successes:  # (no success under them: an exit to the support one started on, goals.same_support)
            counted &= (df[S.OUTCOME].astype(object) != support.astype(object)).fillna(True).astype(bool)
        counted &= in_goal_group(df, g.among) if whole else counted
        if counted.any():
            supports = df.loc[counted, S.SUPPORT_START].value_counts()
            found.append(problem(fname, None, S.SUPPORT_START, None, "column.goal_left_without_support", goal=g.id,
                                 words=label_words(at[1].group(0).strip(), written[at[0]]), n=_sek(int(counted.sum())),
                                 supports=", ".join(str(c) for c in supports.index)))
    return found


def _goals_that_left_support(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A share or outcome goal whose words count those who left försörjningsstöd ("Minst hälften ska ha lämnat
    försörjningsstödet") and whose successes include an active plan with another party (the default successes do)
    would count every exit to ``aktiv_planering_annan_part`` as a leaver, though that exit is a plan, most often
    still on försörjningsstöd, and the cost-benefit's leavers (page 1, the key figures) leave it out: refused,
    naming the goal, how many such exits it counts and the ``success_outcomes`` to write. An exit whose
    ``support_exit`` is another support than försörjningsstöd did leave it and is not counted; words that name the
    active plan as well are read as written, and so is a project without such exits."""
    found = []
    ended = df[S.END_DATE].notna() if S.END_DATE in df.columns else pd.Series(False, index=df.index)
    planned = ended & (df[S.OUTCOME] == "aktiv_planering_annan_part") if S.OUTCOME in df.columns else ended & False
    if S.SUPPORT_EXIT in df.columns:  # (one who went on to another support did leave försörjningsstöd)
        planned &= df[S.SUPPORT_EXIT].isna() | df[S.SUPPORT_EXIT].isin(["försörjningsstöd", S.UNKNOWN])
    for g in params.goals:
        if (g.kind not in ("share", "outcome_count") or g.numerator != "outcome"
                or "aktiv_planering_annan_part" not in g.success_outcomes):
            continue
        written = [label for label in (g.label, g.label_en) if label]
        labels = [read_label(label) for label in written]  # (as the params file reads a goal's words: 'självförsörjаnde')
        at = next(((i, m) for i, label in enumerate(labels) if (m := _LEFT_SUPPORT.search(label)) is not None), None)
        if at is None or any(_ACTIVE_PLAN_NAMED.search(label) for label in labels):
            continue
        words = label_words(at[1].group(0).strip(), written[at[0]])  # (quoted as the file writes it)
        whole = g.among is None or all(GROUP_COLUMNS[k] in df.columns for k, _ in g.among.items())
        counted = planned & in_goal_group(df, g.among) if whole else planned
        if counted.any():
            rest = [c for c in g.success_outcomes if c != "aktiv_planering_annan_part"]
            found.append(problem(fname, None, S.OUTCOME, None, "column.goal_left_support", goal=g.id,
                                 words=words, n=_sek(int(counted.sum())),
                                 outcomes=", ".join(rest), key="success_outcomes"))
    return found


def _goals_read_on_words(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """For the evaluator (``validate``), one line per share or outcome goal that gives no ``success_outcomes`` and
    whose words name work or studies only (:attr:`~evaltools.data.params.Goal.named_in_words`): it counts the
    outcomes its words name, not the default successes; how many of those who ended in the file (its group) went to
    the other default successes (an exit to the support one started on is none), to which of them, and the
    ``success_outcomes`` to write if the application meant them too."""
    found: list[Problem] = []
    ended = df[S.END_DATE].notna() if S.END_DATE in df.columns else pd.Series(False, index=df.index)
    if S.OUTCOME not in df.columns:
        return found
    same = pd.Series(False, index=df.index)
    if S.SUPPORT_START in df.columns:
        same = (df[S.OUTCOME].astype(object) == df[S.SUPPORT_START].astype(object)).fillna(False).astype(bool)
    for g in params.goals:
        if not g.named_in_words:
            continue
        others = [c for c in DEFAULT_SUCCESS if c not in g.success_outcomes]
        whole = g.among is None or all(GROUP_COLUMNS[k] in df.columns for k, _ in g.among.items())
        outcome, moved, key, column = df[S.OUTCOME], ~same, "column.goal_words_successes", S.OUTCOME
        later = S.followup_column(g.after_exit_months) if g.after_exit_months is not None else None
        if later is not None and later in df.columns:  # (the situation months after exit, where known: its base)
            outcome, key = df[later].astype(object), "column.goal_words_successes_later"
            column = df.attrs.get("followup_headings", {}).get(g.after_exit_months, S.OUTCOME)
            if S.SUPPORT_START in df.columns:
                moved = ~(outcome == df[S.SUPPORT_START].astype(object)).fillna(False).astype(bool)
        counted = ended & outcome.isin(others) & moved
        counted &= in_goal_group(df, g.among) if whole else counted
        n, went = int(counted.sum()), set(outcome[counted])
        found.append(problem(fname, None, column, None,
                             key if n else "column.goal_words_successes_none", "info",
                             "goal_words_successes", goal=g.id, words=g.label, n=_sek(n),
                             outcomes=", ".join(g.success_outcomes), key="success_outcomes",
                             others=", ".join(c for c in others if c in went or not n),
                             all=", ".join(dict.fromkeys((*g.success_outcomes, *DEFAULT_SUCCESS)))))
    return found


# what words naming work, studies and a step towards them (an effort, an active plan: words_named's "steps") say of
# the outcomes: every other outcome of the default successes is a benefit, which such words do not name
STEP_OUTCOMES = ("arbete", "arbete_med_stöd", "studier", "aktiv_planering_annan_part")


def _goals_steps_with_benefits(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """For the evaluator (``validate``), one line per share or outcome goal whose words name work, studies and a step
    towards them ("arbete, studier eller en arbetsmarknadspolitisk insats": :func:`~evaltools.data.params.words_named`
    gives ``"steps"``) and that gives no ``success_outcomes``: it counts the default successes, benefits among them
    (sickness benefit, sickness or activity compensation, another benefit), which its words do not name and which the
    report's goal section then says it counts besides. How many of those who ended in the file (an exit to the support
    one started on is none) went to those benefits, and the ``success_outcomes`` to write for the words alone."""
    found: list[Problem] = []
    if S.OUTCOME not in df.columns or S.END_DATE not in df.columns:
        return found
    same = pd.Series(False, index=df.index)
    if S.SUPPORT_START in df.columns:
        same = (df[S.OUTCOME].astype(object) == df[S.SUPPORT_START].astype(object)).fillna(False).astype(bool)
    for g in params.goals:
        if (g.kind not in ("outcome_count", "share") or g.numerator != "outcome" or not g.default_successes
                or words_named(g) != "steps"):
            continue
        benefits = [c for c in g.success_outcomes if c not in STEP_OUTCOMES]
        if not benefits:
            continue
        went = df[S.END_DATE].notna() & df[S.OUTCOME].isin(benefits) & ~same
        n = int(went.sum())
        found.append(problem(fname, None, S.OUTCOME, None,
                             "column.goal_steps_benefits" if n else "column.goal_steps_benefits_none", "info",
                             "goal_steps_benefits", goal=g.id, words=g.label, n=_sek(n),
                             benefits=", ".join(benefits), went=", ".join(dict.fromkeys(df[S.OUTCOME][went])),
                             key="success_outcomes", steps=", ".join(STEP_OUTCOMES)))
    return found


# A goal's words naming the young by an age limit ("av de unga under 25", "deltagare under 25 år", "yngre än 30
# år", "those under 25"): the limit is the group's, which among: {age_below: N} counts
_GROUP_BY_AGE = re.compile(
    r"\b(?:(?:unga|ungdomar\w*|deltagar\w*|personer\w*|de|dem)\s+(?:som\s+är\s+)?(?:under|yngre\s+än)\s+(\d{2})\b"
    r"(?!\s*(?:%|procent|månad|mån|veck|dag|timm))"
    r"|(?:under|yngre\s+än)\s+(\d{2})\s+år\b"
    r"|(?:young\s+people|participants|those|persons)\s+(?:aged\s+)?under\s+(\d{2})\b"
    r"(?!\s*(?:%|per\s*cent|months?|weeks?|days?|hours?|years?\s+(?:of|in)))"
    r"|under\s+(\d{2})\s+years?\s+(?:old|of\s+age))", re.I)


# ... and by an age band or an oldest age ("Minst 10 unga (16–24 år) ska gå till arbete", "deltagare 18–29 år",
# "ungdomar upp till 24 år", "young people aged 18-24"): the band's top, one year on, is the limit among: counts
# below (its lower end, 20 or younger, is not checked: a count of the young rarely holds persons younger than it)
_GROUP_BY_AGE_UP_TO = re.compile(
    r"\b(?:unga(?:\s+vuxna)?|ungdomar\w*|deltagar\w*|personer\w*|de|dem)\s+(?:som\s+är\s+)?\(?"
    r"(?:i\s+åldern\s+|mellan\s+)?\d{2}\s*(?:[-–]|till|och)\s*(\d{2})\s*år\b\)?"
    r"|\b(?:upp\s+till|till\s+och\s+med|t\.\s*o\.\s*m\.?|högst)\s+(\d{2})\s+år\b"
    r"|\b(?:young\s+(?:people|persons|adults)|participants|persons|those)\s+\(?(?:aged\s+)?\d{2}\s*[-–]\s*(\d{2})\b"
    r"|\baged\s+\d{2}\s*(?:[-–]|to)\s*(\d{2})\b|\baged\s+up\s+to\s+(\d{2})\b", re.I)


def _age_limit(label: str) -> tuple[str, int] | None:
    """The words of ``label`` that set a goal for the young by their age, and the age from which a participant
    is not of them (25 for "under 25" and for "16–24 år"); None when it names no such age."""
    m = _GROUP_BY_AGE.search(label)
    if m is not None:
        return m.group(0).strip(), int(next(x for x in m.groups() if x))
    m = _GROUP_BY_AGE_UP_TO.search(label)
    ages = [int(x) for x in re.findall(r"\d{2}", m.group(0))] if m is not None else []
    if m is None or (len(ages) == 2 and ages[0] > 20):  # (a band of older ages, "30–39 år", is no group of the young)
        return None
    return m.group(0).strip(" ("), ages[-1] + 1


# ... and the older by a lowest age ("deltagare över 50 år", "50 år och äldre", "äldre än 55 år", "participants aged 50
# or over") or by a band of older ages ("deltagare 50–64 år"): among: {age_from: N} counts them ("över 50" leaves out
# those aged 50, as "fler än 25" leaves out 25: age_from 51)
_OLDER_NOUN = (r"(?:deltagar\w*|personer\w*|de|dem|avslutade|inskrivna|arbetssökande|individer|kvinnor|män|participants|"
               r"persons|people|those|jobseekers)")
_GROUP_BY_AGE_FROM = re.compile(
    rf"\b{_OLDER_NOUN}\s+(?:som\s+är\s+|who\s+are\s+)?(?:över|äldre\s+än|från(?:\s+och\s+med)?|over|older\s+than|"
    rf"aged\s+(?:over|above)|above|from)\s+(\d{{2}})\s*(?:år|years?(?:\s+of\s+age|\s+old)?)?(?=[\s,.;:)]|$)"
    rf"(?!\s*(?:%|procent|per\s*cent|månad|mån|veck|dag|timm|months?|weeks?|days?|hours?|sedan))"
    r"|\b(\d{2})\s+(?:år|years)\s+(?:och|eller|and|or)\s+(?:äldre|uppåt|över|older|over|above)\b"
    r"|\baged\s+(\d{2})\s+(?:and|or)\s+(?:over|older|above)\b", re.I)
# (words that include the group in everyone rather than set the goal for it: "även de över 50 år")
_INCLUSIVE = re.compile(r"(?:även|också|inklusive|inkl\.?|bland\s+annat|including|also|even)\s*$", re.I)
_BAND = re.compile(r"(?<![\d,.])(\d{2})\s*(?:[-–]|till|och|to)\s*(\d{2})\s*(?:år|years)\b", re.I)


def _age_group_named(label: str) -> tuple[str, int | None, int | None] | None:
    """The words of ``label`` that set a goal for an age group, with the age from which a participant is of it and
    the age from which they are not: ``(words, None, 25)`` for the young under 25, ``(words, 16, 25)`` for a band
    16–24 år, ``(words, 51, None)`` for "över 50 år", ``(words, 50, 65)`` for "50–64 år"; None when it names none."""
    young = _age_limit(label)
    if young is not None:
        words, limit = young
        band = _BAND.search(words)
        return words, (int(band.group(1)) if band is not None else None), limit
    m = _GROUP_BY_AGE_UP_TO.search(label)
    if m is not None:  # a band of older ages ("deltagare 50–64 år")
        ages = [int(x) for x in re.findall(r"\d{2}", m.group(0))]
        if len(ages) == 2 and ages[0] < ages[1]:
            return m.group(0).strip(" ("), ages[0], ages[1] + 1
    m = next((m for m in _GROUP_BY_AGE_FROM.finditer(label) if not _INCLUSIVE.search(label[:m.start()])), None)
    if m is None:
        return None
    age = int(next(x for x in m.groups() if x))
    strict = re.search(r"\b(?:över|äldre\s+än|over|older\s+than|above)\s+\d", m.group(0), re.I) is not None
    return m.group(0).strip(), age + 1 if strict else age, None


def _participants_age_named(g) -> tuple[str, int | None, int | None] | None:
    """The age group a goal's words set it for (:func:`_age_group_named` of its first label that names one:
    the words, the lower age, the age it stays under), where that is an age of participants (16–100; the
    young under an age of at most 40); None where the words name none."""
    for label in (g.label, g.label_en):
        named = _age_group_named(label or "")
        if named is None:
            continue
        _words, low, limit = named
        if not all(x is None or 16 <= x <= 100 for x in (low, limit)) or (low is None and not 16 <= (limit or 0) <= 40):
            return None  # (not an age that names a group of participants)
        return named
    return None


def _among_other_ages(params: ProjectParams) -> list[Problem]:
    """A participant, outcome or share goal whose words set it for an age group ("deltagarna över 50 år") and whose
    ``among:`` counts another one ({age_from: 50}, which takes in those aged 50; {age_from: 30}; {sex: kvinna}
    without an age) is refused, naming the params file, the goal, its words, its ``among:`` and the ``among:`` its
    words mean: the figure would be another group's under the goal's words. An ``among:`` by ``age_group`` is
    checked against the file's bands elsewhere."""
    found = []
    fname = str(params.source_path) if params.source_path is not None else "params"
    for g in params.goals:
        if (g.kind not in ("participant_count", "outcome_count", "share") or g.among is None or g.composition
                or g.among.age_group is not None):
            continue
        if (named := _participants_age_named(g)) is None:
            continue
        words, low, limit = named
        given = dict(g.among.items())
        young_band = low is not None and limit is not None and limit <= 40
        if young_band and given.get("age_from") is None:
            low = None  # (a band of the young, "unga 16–24 år", is counted by its top limit alone)
        wanted = {"age_from": low, "age_below": limit}
        if all(given.get(k) == v for k, v in wanted.items() if v is not None):
            continue
        among = {k: v for k, v in given.items() if k not in wanted} | {k: v for k, v in wanted.items() if v is not None}
        found.append(problem(fname, None, None, None, "params.among_other_age", goal=g.id, words=words,
                             given=", ".join(f"{k}: {v}" for k, v in given.items()),
                             among=", ".join(f"{k}: {v}" for k, v in among.items())))
    return found


# A goal's words setting it for the participants of one sex ("Av kvinnorna ska minst 40 % gå till arbete", "kvinnliga
# deltagare", "bland männen", "of the women", "female participants"), and the code of sex each names. A share of women
# among the participants ("minst 40 % kvinnor", a goal on who takes part) and a balance of both ("kvinnor och män")
# name no group of them.
_SEX_GROUP_WORDS = (
    ("kvinna", r"(?:av|bland|för)\s+(?:de\s+)?(?:deltagande\s+)?kvinnorna|\bkvinnorna\s+(?:ska|skall)|"
               r"\bkvinnliga\s+deltagar\w*|\b(?:of|among|for)\s+(?:the\s+)?women\b|\b(?:female|women)\s+participants\b"),
    ("man", r"(?:av|bland|för)\s+(?:de\s+)?(?:deltagande\s+)?männen|\bmännen\s+(?:ska|skall)|"
            r"\bmanliga\s+deltagar\w*|\b(?:of|among|for)\s+(?:the\s+)?men\b|\bmale\s+participants\b"),
)
# (either sex named in any form: both named, "både kvinnorna och männen", "kvinnor och män", is everyone)
_SEX_NAMED = (re.compile(r"(?<![\wåäö])(?:kvinn\w*|women|woman|female\w*)(?![\wåäö])", re.I),
              re.compile(r"(?<![\wåäö])(?:män|männen|manlig\w*|men|man|male\w*)(?![\wåäö])", re.I))
_GROUP_BY_SEX = tuple((code, re.compile(r"(?<![\wåäö])(?:" + words + r")(?![\wåäö])", re.I))
                      for code, words in _SEX_GROUP_WORDS)


def _sex_named(label: str) -> tuple[str, str] | None:
    """The words of ``label`` that set a goal for the participants of one sex, and that sex's code; None where they
    name none, or name both ("av kvinnorna och männen": everyone)."""
    found = [(m.group(0).strip(), code) for code, pattern in _GROUP_BY_SEX if (m := pattern.search(label))]
    if len(found) != 1 or all(p.search(label) for p in _SEX_NAMED):
        return None
    return found[0]


def _goals_of_a_sex(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A participant, outcome or share goal whose words set it for the women or the men ("Av kvinnorna ska minst 40 %
    gå vidare till arbete eller studier") whose ``among:`` does not count that sex counts both: refused, naming the
    goal, when those it counts include persons of another sex, with the ``among:`` to write (the others it already
    has kept). A project whose every counted participant was of that sex is read as written; so is a participant
    goal counting one sex ("Minst 15 kvinnor per år") of a project whose ``target_population.sex`` is that sex."""
    found = []
    for g in params.goals:
        if g.kind not in ("participant_count", "outcome_count", "share") or g.composition:
            continue  # (a goal on who takes part counts a sex of everyone's by design: numerator: sex)
        named = next((n for label in (g.label, g.label_en) if (n := _sex_named(read_label(label or ""))) is not None),
                     None) or g.counted_sex  # (a count of one sex, "15 kvinnor", read with target_population.sex)
        if named is None or (g.among is not None and g.among.sex == named[1]):
            continue
        words, code = named
        counted = df[S.END_DATE].notna() if g.kind == "share" and g.denominator == "exits" else \
            pd.Series(True, index=df.index)
        # (the rest of its group, where the file's own columns give it: the ages and project years are derived later)
        counted &= in_goal_group(df, g.among, ("household_type", "support_start", "municipality"))
        other = counted & (df[S.SEX] != code)
        if other.any():
            given = {k: v for k, v in (g.among.items() if g.among is not None else ()) if k != "sex"}
            among = ", ".join(f"{k}: {v}" for k, v in {"sex": code, **given}.items())
            found.append(problem(fname, None, S.SEX, None, "column.goal_of_a_sex", goal=g.id, words=words,
                                 among=among, n=_sek(int(other.sum())), of=_sek(int(counted.sum()))))
    return found


def _goals_of_an_age(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A participant, outcome or share goal whose words set it for an age group (the young under an age, "Minst 40 %
    av de unga under 25 ska gå till arbete eller studier"; the older, "Minst 30 % av deltagarna över 50 år ska gå till
    arbete"; a band, "deltagare 50–64 år") without ``among:`` counts everyone: refused, naming the goal, when those it
    counts include persons outside that group, with the ``among:`` to write. A project whose every counted
    participant was of the group is read as written."""
    found = _among_other_ages(params)
    age = None
    for g in params.goals:
        if g.kind not in ("participant_count", "outcome_count", "share") or g.among is not None or g.composition:
            continue  # (a goal on who takes part counts an age of everyone's by design: numerator: age)
        if (named := _participants_age_named(g)) is None:
            continue
        words, low, limit = named
        if age is None:
            age = (age_at_start(df) if S.AGE in df else
                   pd.to_datetime(df[S.START_DATE], errors="coerce").dt.year - pd.to_numeric(df[S.BIRTH_YEAR], errors="coerce"))
        counted = df[S.END_DATE].notna() if g.kind == "share" and g.denominator == "exits" else \
            pd.Series(True, index=df.index)
        younger = age.notna() & (age < low) if low is not None else pd.Series(False, index=df.index)
        older = age.notna() & (age >= limit) if limit is not None else pd.Series(False, index=df.index)
        if low is not None and limit is not None and limit <= 40 and not (counted & younger).any():
            low = None  # (a band of the young, "unga 16–24 år", whose counted are none younger: its top limit)
        if low is None and (counted & older).any():
            found.append(problem(fname, None, S.BIRTH_YEAR, None, "column.goal_of_an_age", goal=g.id,
                                 words=words, limit=limit, n=_sek(int((counted & older).sum())),
                                 of=_sek(int(counted.sum()))))
        elif low is not None and (counted & (younger | older)).any():
            among = f"age_from: {low}" + (f", age_below: {limit}" if limit is not None else "")
            found.append(problem(fname, None, S.BIRTH_YEAR, None, "column.goal_of_an_age_group", goal=g.id,
                                 words=words, among=among, n=_sek(int((counted & (younger | older)).sum())),
                                 of=_sek(int(counted.sum()))))
    return found


def _goal_groups(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A goal set for a group (``among:``) whose group the file cannot give is refused, naming the goal: an age
    band the project's participants are not grouped in (``18–24`` where the bands are ``18–29``; write
    ``age_below``), or a support at start without the file's ``support_start`` column. Either would count no
    one without a word. So is a goal counted per household (``counts: households``) where the file has no
    ``household_id``: it would count each participant as a household of their own."""
    found = []
    bands = None
    for g in params.goals:
        if getattr(g, "per_household", False) and (S.HOUSEHOLD_ID not in df.columns or df[S.HOUSEHOLD_ID].isna().all()):
            # (a goal counted per household reads who lives together from household_id: without it every
            # participant would be a household of their own, and the goal would count persons under its name)
            found.append(problem(fname, None, S.HOUSEHOLD_ID, None, "column.goal_households_missing", goal=g.id))
        if g.among is None:
            continue
        if g.among.age_group is not None:
            if bands is None:
                age = (age_at_start(df) if S.AGE in df else
                       pd.to_datetime(df[S.START_DATE], errors="coerce").dt.year - pd.to_numeric(df[S.BIRTH_YEAR], errors="coerce"))
                bands = tuple(label for *_, label in age_bands(age))
                own = _file_age_groups(df, pd.to_numeric(age, errors="coerce"))
                if own is not None and own.notna().any():  # (ages given as groups: the file's own groups, '19–24')
                    bands = tuple(group_label(lo, hi) for lo, hi in sorted(set(own.dropna().tolist())))
            if g.among.age_group not in bands:
                found.append(problem(fname, None, S.AGE, None, "column.among_age_group", goal=g.id,
                                     value=g.among.age_group, bands=", ".join(bands)))
        if g.among.support_start is not None and S.SUPPORT_START not in df.columns:
            found.append(problem(fname, None, S.SUPPORT_START, None, "column.among_support", goal=g.id))
        if g.among.municipality is not None:
            names = _municipalities(df)
            if not names:  # (no column, or an empty one: the loader adds an optional column the file lacks)
                found.append(problem(fname, None, S.MUNICIPALITY, None, "column.among_municipality_missing", goal=g.id,
                                     value=g.among.municipality))
            elif g.among.municipality not in names:  # (as the file writes it: the report names it so)
                found.append(problem(fname, None, S.MUNICIPALITY, None, "column.among_municipality_unknown", goal=g.id,
                                     value=g.among.municipality, names=", ".join(names)))
    refused = {dict(p.values).get("goal") for p in found}
    return found + _empty_goal_groups(df, params, fname, refused) + _goals_of_a_municipality(df, params, fname)


# the participant columns a goal's group (``among:``) filters on, by its key (the ages read the age at start)
GROUP_COLUMNS = {"sex": S.SEX, "household_type": S.HOUSEHOLD_TYPE, "age_group": S.AGE_GROUP,
                 "project_year": S.PROJECT_YEAR, "support_start": S.SUPPORT_START, "municipality": S.MUNICIPALITY,
                 "age_below": S.AGE_AT_START, "age_from": S.AGE_AT_START, "occupation_before": S.OCCUPATION_BEFORE}


def in_goal_group(df: pd.DataFrame, among, keys: tuple[str, ...] | None = None) -> pd.Series:
    """Which rows (enrolments) of a participants frame with its derived columns
    (:func:`derive_person_columns`) belong to a goal's group (``among:``, a
    :class:`~evaltools.data.params.GoalGroup`): each of its filters met (only those of ``keys``, when given), a
    value not known (``okänt``, an unknown age) never in the group; every row where ``among`` is None.
    ``age_below`` and ``age_from`` read the age at start."""
    keep = pd.Series(True, index=df.index)
    if among is None:
        return keep
    for key, value in among.items():
        if keys is not None and key not in keys:
            continue
        if key in ("age_below", "age_from"):
            age = pd.to_numeric(df[S.AGE_AT_START], errors="coerce")
            met = age.notna() & ((age < value) if key == "age_below" else (age >= value))
            # (ages given only as groups, '19–24' as a SUS report writes them: a group wholly on the limit's side is
            # in it; one on both sides is refused by validate, never split by a guess)
            bounds = _file_age_groups(df, age)
            if bounds is not None:
                below = key == "age_below"
                met |= pd.Series([b is not None and (b[1] < value if below else b[0] >= value) for b in bounds],
                                 index=df.index, dtype=bool)
            keep &= met
        elif key == "municipality":  # (the file's own name: matched whatever its letter case and spaces)
            names = df[S.MUNICIPALITY].astype("string").str.split().str.join(" ").str.casefold() if S.MUNICIPALITY in df else None
            keep &= (names == str(value).casefold()).fillna(False).astype(bool) if names is not None else False
        else:
            col = GROUP_COLUMNS[key]
            keep &= (df[col] == value) if col in df else False
    return keep


def _file_age_groups(df: pd.DataFrame, age: pd.Series) -> pd.Series | None:
    """For each row whose age at start is not known, the bounds of the age group the file wrote (``'19–24'`` →
    (19, 24)), else None; None for a frame without age groups."""
    if S.AGE_GROUP not in df or not age.isna().any():
        return None
    return df[S.AGE_GROUP].where(age.isna()).map(lambda g: age_group_bounds(g) if isinstance(g, str) else None)


def _age_limit_splits(df: pd.DataFrame, key: str, value: int) -> list[tuple[int, int]]:
    """The file's age groups (for ages given only as groups) that lie on both sides of a goal's age limit
    (``age_below: 25`` beside a group ``20–29``): who of them is in the goal's group cannot be told."""
    age = pd.to_numeric(df[S.AGE_AT_START], errors="coerce") if S.AGE_AT_START in df else pd.Series(np.nan, df.index)
    bounds = _file_age_groups(df, age)
    if bounds is None:
        return []
    return sorted({b for b in bounds.dropna().tolist() if b[0] < value <= b[1]})


def _held(df: pd.DataFrame, key: str) -> str:
    """What the participants hold for one key of ``among:``, for a message: the ages at start as a range
    ("19–64"), or the values written (codes, years, names), or "–" for none."""
    col = df[GROUP_COLUMNS[key]]
    if key in ("age_below", "age_from"):
        age = pd.to_numeric(col, errors="coerce").dropna()
        groups = _file_age_groups(df, pd.to_numeric(col, errors="coerce"))
        if not len(age) and groups is not None and groups.notna().any():  # (ages given as groups: the groups)
            return ", ".join(group_label(lo, hi) for lo, hi in sorted(set(groups.dropna().tolist())))
        return f"{int(age.min())}–{int(age.max())}" if len(age) else "–"
    values = sorted({str(v) for v in col.dropna() if str(v).strip() and str(v) != S.UNKNOWN})
    return ", ".join(values) or "–"


def _empty_goal_groups(df: pd.DataFrame, params: ProjectParams, fname: str, refused: set) -> list[Problem]:
    """A goal set for a group (``among:``) that no participant belongs to would be shown as 0, "not reached",
    without a word that the group is empty (``age_below: 18`` in a project of adults, a household type nobody
    has): refused, naming the goal, the key and its value, and what the file holds for it (the ages at start,
    the values written). A goal for a project year that has not begun by ``as_of`` is not refused (nobody can
    have started in it yet). Goals refused already for their group (an unknown municipality, a band the
    project does not use) are not named twice."""
    goals = [g for g in params.goals if g.among is not None and g.id not in refused]
    if not goals or df.empty or S.START_DATE not in df:
        return []
    try:
        derived = derive_person_columns(df, params)
    except (KeyError, TypeError, ValueError):  # (a file with other problems: they are named; this waits for it)
        return []
    found = []
    as_of = pd.Timestamp(params.as_of)
    for g in goals:
        among = g.among
        assert among is not None  # (the goals chosen above)
        if among.project_year is not None and \
                pd.Timestamp(params.period.years_start) + pd.DateOffset(years=among.project_year - 1) > as_of:
            continue
        split = [(k, v, b) for k, v in among.items() if k in ("age_below", "age_from")
                 for b in _age_limit_splits(derived, k, int(str(v)))]
        if split:  # (a group on both sides of the limit: counted, its persons would be guessed in or out)
            key, value = split[0][0], split[0][1]
            edges = sorted({e for _, _, (lo, hi) in split for e in (lo, hi + 1) if 0 < e < AGE_OPEN_END})
            found.append(problem(fname, None, S.AGE_GROUP, None, "column.among_age_group_split", goal=g.id,
                                 key=key, value=str(value),
                                 groups=", ".join(group_label(lo, hi) for _, _, (lo, hi) in split),
                                 fix_sv=" eller ".join(f"{key}: {e}" for e in edges),
                                 fix_en=" or ".join(f"{key}: {e}" for e in edges)))
            continue
        if in_goal_group(derived, among).any():
            continue
        keys = [k for k, _ in among.items() if not in_goal_group(derived, among, (k,)).any()]
        if keys:  # one key (or more) that nobody meets on its own
            for key in keys:
                found.append(problem(fname, None, GROUP_COLUMNS[key], None,
                                     "column.among_nobody_age" if key in ("age_below", "age_from") else "column.among_nobody",
                                     goal=g.id, key=key, value=str(getattr(among, key)), column=GROUP_COLUMNS[key],
                                     held=_held(derived, key)))
        else:  # each key meets somebody, the keys together nobody
            found.append(problem(fname, None, None, None, "column.among_nobody_together", goal=g.id,
                                 among=", ".join(f"{k}: {v}" for k, v in among.items())))
    return found


def _municipalities(df: pd.DataFrame) -> list[str]:
    """The municipalities of the participants file as it first writes each (spaces tidied; the same name in
    another letter case is one); none without the column."""
    if S.MUNICIPALITY not in df.columns:
        return []
    cells = df[S.MUNICIPALITY].dropna().astype(str).str.split().str.join(" ")
    cells = cells[(cells != "") & (cells.str.casefold() != S.UNKNOWN)]
    seen: dict[str, str] = {}
    for c in cells.tolist():
        seen.setdefault(c.casefold(), c)
    return list(seen.values())


# A goal set for each municipality of a förbund's several ("minst 15 deltagare från varje kommun", "i respektive
# kommun", "per kommun", "from each municipality"): one goal counts them all together
_EACH_MUNICIPALITY = re.compile(r"\b(?:(?:från|i|per|för)\s+(?:varje|var\s+och\s+en\s+av\s+de|respektive|vardera|"
                                r"båda|alla)\s+kommun\w*|per\s+kommun\b|kommunvis|(?:from|in|for|per)\s+(?:each|every)\s+"
                                r"(?:member\s+)?municipalit\w*|per\s+municipality\b)", re.IGNORECASE)


def _goals_of_a_municipality(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A participant, outcome or share goal whose words set it for one municipality of several ("Timrå: 20 deltagare
    per år", "Minst 10 deltagare från Härnösand", "i Härnösands kommun") without ``among: {municipality: ...}``
    counts the participants of every municipality: refused, naming the goal, when the file's ``municipality`` column
    holds others among those it counts, with the ``among:`` to write. A goal set for each municipality ("minst 15 deltagare från varje kommun")
    is refused with one goal per municipality to write, since one count of them all lets a municipality short of
    its target hide behind the others."""
    found = []
    names = _municipalities(df)
    for g in params.goals:
        if g.kind not in ("participant_count", "outcome_count", "share") or (
                g.among is not None and g.among.municipality is not None):
            continue
        label = " ".join(x for x in (g.label, g.label_en) if x)
        each = _EACH_MUNICIPALITY.search(label)
        if each:
            goals = ("; ".join(f"{{municipality: {n}}}" for n in names) if names else
                     "among: {municipality: <kommun>}")
            key = "column.goal_per_municipality" if names else "column.goal_per_municipality_no_column"
            found.append(problem(fname, None, S.MUNICIPALITY, None, key, goal=g.id, words=each.group(0), goals=goals))
            continue
        if len(names) < 2:
            continue  # (a project of one municipality: its name in a goal is everyone's)
        named = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}s?(?!\w)", label, re.IGNORECASE)]
        if len(named) != 1:  # (none, or several: "deltagare från Härnösand och Timrå" is everyone)
            continue
        counted = df[S.END_DATE].notna() if g.kind == "share" and g.denominator == "exits" else \
            pd.Series(True, index=df.index)
        place = df[S.MUNICIPALITY].astype("string").str.split().str.join(" ").str.casefold()
        others = counted & (place != named[0].casefold()).fillna(True).astype(bool)
        if others.any():
            found.append(problem(fname, None, S.MUNICIPALITY, None, "column.goal_of_a_municipality", goal=g.id,
                                 name=named[0], n=_sek(int(others.sum())), of=_sek(int(counted.sum()))))
    return found


def _levels_by_municipality(df: pd.DataFrame, file_rows: np.ndarray, params: ProjectParams,
                            fname: str) -> list[Problem]:
    """A monthly level of försörjningsstöd given per municipality (``amount_sek: {Sundsvall: 11200, Ånge: 8400}``)
    values each leaver at their own municipality's: refused where the file has no ``municipality`` column, where a
    name it gives is not written so in the column (matched whatever the letter case and spaces), where the column
    holds a municipality it gives no amount for, or where an enrolment has no municipality (its rows named), since
    a leaver of those would have no level."""
    levels = params.cost_benefit.monthly_level.by_municipality
    if levels is None or params.cost_benefit.monthly_level.method != "fixed":
        return []
    given = ", ".join(levels)
    names = _municipalities(df)
    if not names:
        return [problem(fname, None, S.MUNICIPALITY, None, "column.level_municipality_missing", given=given)]
    found = []
    known = {n.casefold() for n in names}
    for name in levels:
        if " ".join(name.split()).casefold() not in known:
            found.append(problem(fname, None, S.MUNICIPALITY, name, "column.level_municipality_unknown",
                                 names=", ".join(names)))
    keyed = {" ".join(n.split()).casefold() for n in levels}
    without = [n for n in names if n.casefold() not in keyed]
    if without:
        found.append(problem(fname, None, S.MUNICIPALITY, None, "column.level_municipality_without",
                             names=", ".join(without), given=given))
    place = df[S.MUNICIPALITY].astype("string").str.split().str.join(" ").fillna("")
    blank = ((place == "") | (place.str.casefold() == S.UNKNOWN)).to_numpy()
    if blank.any():
        rows = [int(file_rows[i]) for i in np.flatnonzero(blank)]
        found.append(problem(fname, None, S.MUNICIPALITY, None, "column.level_municipality_blank",
                             rows=", ".join(str(x) for x in rows[:10]) + (" …" if len(rows) > 10 else "")))
    return found


def _goals_of_a_group(df: pd.DataFrame, params: ProjectParams, fname: str) -> list[Problem]:
    """A participant, outcome or share goal whose label sets it for the participants on one support at start
    ("Minst 40 % av deltagarna med sjukpenning ska ha återgått i arbete") counts every participant (every
    exit) all the same: refused, naming the goal, when the file's ``support_start`` shows persons of another
    support among those it counts, since the share would then be another group's. A project whose every
    participant had that support is read as written."""
    found = (_goal_groups(df, params, fname) + _goals_of_an_age(df, params, fname) + _goals_of_a_sex(df, params, fname)
             + _goals_that_left_support(df, params, fname) + _goals_left_without_support(df, params, fname))
    if S.SUPPORT_START not in df.columns:
        return found
    for g in params.goals:
        if g.kind not in ("share", "outcome_count") or g.among is not None:  # (among: counts its group only)
            continue
        for label in (g.label, g.label_en):
            m = _GROUP_BY_SUPPORT.search(label or "")
            if m is None:
                continue
            code = _SUPPORT_WORDS[re.sub(r"\s+", " ", m.group(1).casefold())]
            counted = df[S.END_DATE].notna() if g.kind == "share" and g.denominator == "exits" else \
                pd.Series(True, index=df.index)
            support = df.loc[counted, S.SUPPORT_START]
            other = support.notna() & ~support.isin([code, S.UNKNOWN])
            if other.any():
                found.append(problem(fname, None, S.SUPPORT_START, None, "column.goal_of_a_group", goal=g.id,
                                     words=m.group(0).strip(), code=code, n=_sek(int(other.sum())),
                                     of=_sek(int(counted.sum()))))
            break
    return found


# a number as Excel shows it in scientific notation, in a Swedish or an English Excel: 1,00235E+11, 1.00235e+11
_SCIENTIFIC = re.compile(r"\s*\d(?:[.,]\d+)?[eE]\+\d+\s*")


def _excel_errors(s: pd.Series) -> pd.Series:
    """Which cells of ``s`` hold an Excel error value (``#N/A``, ``#SAKNAS!``, ...)."""
    return per_distinct(s.astype(str), lambda u: u.str.strip().str.upper().isin(_EXCEL_ERRORS))


# Excel's truth values (a check box's cell, a formula's result), as an English and a Swedish Excel show them
_EXCEL_BOOLEANS = {"true": "ja", "sant": "ja", "false": "nej", "falskt": "nej"}


# a co-financier named as a budget file names it: one of the förbund's municipalities ("Härnösands kommun", "Kommun
# Timrå", "Sollefteå kommun") or its region ("Region Västernorrland")
# a funder written as a partner's staff time with no partner named ('Medfinansiering i tid', 'Arbetstid', 'Personal')
_IN_KIND_FUNDER = re.compile(r"(?:med)?finansiering(?:\s+(?:i|i\s+form\s+av|genom|som)\s+(?:tid|arbetstid|personal|"
                             r"personaltid|arbetsinsats))?|(?:med)?finansiering,?\s+(?:tid|arbetstid|personal)|"
                             r"arbetstid|personaltid|tid|personal|personalresurs(?:er)?|insats\s+i\s+tid")
# the partner a cost line names as its staff's employer ('Handläggare Arbetsförmedlingen', 'Socialsekreterare, kommunen')
_PARTNER_WORDS = (("kommun", re.compile(r"\bkommun\w*|\bsocialtjänst\w*")),
                  ("region", re.compile(r"\bregion\w*|\bvårdcentral\w*|\bpsykiatri\w*")),
                  ("försäkringskassan", re.compile(r"\bförsäkringskass\w*|\bfk\b")),
                  ("arbetsförmedlingen", re.compile(r"\barbetsförmedling\w*|\baf\b")))
_NAMED_MUNICIPALITY = re.compile(r"^(?:[\wåäöé.\- ]+\s+kommun|kommun(?:en)?\s+[\wåäöé.\- ]+)$|^[\wåäöé\-]+\s+municipality$")
_NAMED_REGION = re.compile(r"^region(?:en)?\s+[\wåäöé.\- ]+$|^[\wåäöé\-]+\s+region$")


# A status column read as the outcome says a person is still enrolled ("Pågår") or was referred and never began
# ("Remiss ej aktuell", "Aldrig påbörjat"): neither is an outcome, and no code is near them, so the message says what
# the cell or the row is to be instead of the codes alone
_ONGOING_WORDS = frozenset(("pågår", "pågående", "inskriven", "inskriven nu", "aktiv", "aktuell", "ej avslutad",
                            "ej avslutat", "inte avslutad", "under insats", "i insats", "ongoing", "active", "enrolled",
                            "in progress"))
# the words of a status that says only that a person's enrolment ended, not where the person went
_ENDED_WORDS = frozenset(("avslutad", "avslutat", "avslut", "utskriven", "avskriven", "ended", "closed", "inactive",
                          "inaktiv"))
_NEVER_BEGAN = re.compile(r"(?:remiss|remitterad|aktualiserad|anvisad)\w*\s+(?:ej|inte)\s+(?:aktuell|påbörjad|startad)\w*"
                          r"|(?:ej|inte|aldrig)\s+(?:påbörja|start|inskriv|börja)\w*|(?:avböjt|avböjde|tackat\s+nej|"
                          r"tackade\s+nej|ej\s+aktuell|inte\s+aktuell)|(?:never|not)\s+(?:started|began|begun|enrolled)"
                          r"|referral\s+(?:declined|withdrawn)|declined")
# A pause ("Paus", "Uppehåll", "Vilande") is no exit, and a death ("Avliden") has no code: each gets what to write
# instead of a code (a pause of one enrolment is its one row; a death is 'annat', left out of the shares' denominators)
_PAUSE = re.compile(r"(?:paus|pausad|pausat|pausade|uppehåll|tillfälligt\s+uppehåll|vilande|vilar"
                    r"|tillfälligt\s+avslut(?:ad)?|paused|on\s+hold|pause|break)")
_DECEASED = re.compile(r"(?:avliden|avled|avlidit|död|döde|dödsfall|har\s+avlidit|deceased|died|death|dead)")


_WITH = frozenset({"med", "with"})
_WITHOUT = frozenset({"utan", "without"})


def _opposite(value: str, code: str) -> bool:
    """Whether a spelling close to a code says the opposite of it: 'ensamstående_utan_barn' is one letter group
    from 'ensamstående_med_barn' but means a household without children, so it is never suggested as that code."""
    said, meant = (set(re.split(r"[\s_\-]+", t.casefold())) for t in (value, code))
    return bool((said & _WITHOUT and meant & _WITH) or (said & _WITH and meant & _WITHOUT))


def _code_hint(value: str, col: S.ColumnSpec) -> tuple[str, dict]:
    """'Did you mean': a label written for its code, spaces for underscores, a close spelling, or a word
    a case worker writes for a code (``sjukersättning``, ``lönebidrag``); in the outcome, a status that is none
    (``Pågår``, ``Remiss ej aktuell``), with what to write instead."""
    v = " ".join(value.split()).casefold()
    if col.name == S.OUTCOME and v in _ONGOING_WORDS:
        return "hint.ongoing_outcome", {"value": value.strip()}
    if col.name == S.OUTCOME and _NEVER_BEGAN.fullmatch(v):
        return "hint.never_began_outcome", {"value": value.strip()}
    if col.name == S.OUTCOME and _PAUSE.fullmatch(v):
        return "hint.pause_outcome", {"value": value.strip()}
    if col.name == S.OUTCOME and _DECEASED.fullmatch(v):
        return "hint.deceased_outcome", {"value": value.strip()}
    if col.name == "respondent_group" and (m := GROUP_ROUND.fullmatch(v)) is not None:
        # ('personal_före', 'personal_efter': one group asked in two rounds, which the answers' dates tell apart)
        return "hint.group_round", {"value": value.strip(), "code": m.group(1)}
    if v in _EXCEL_BOOLEANS and _EXCEL_BOOLEANS[v] in col.vocab:  # a check box's or a formula's TRUE (SANT)
        return "hint.excel_boolean", {"value": value.strip(), "code": _EXCEL_BOOLEANS[v]}
    if _WORDS_FOR_CODES.get(v) in col.vocab:
        return "hint.did_you_mean", {"code": _WORDS_FOR_CODES[v]}
    if _PENSION_SUPPORT.get(v) in col.vocab:
        return "hint.did_you_mean", {"code": _PENSION_SUPPORT[v]}
    if col.name == S.FUNDER and v not in col.vocab:  # a member municipality or region by name: the code is the same
        for code, named in (("kommun", _NAMED_MUNICIPALITY), ("region", _NAMED_REGION)):
            if named.search(v):
                named_as = value.strip()  # (shortened as quote() shortens a cell: a name of any length is not echoed)
                return "hint.named_funder", {"code": code, "value": named_as if len(named_as) <= 60
                                             else named_as[:57] + "…"}
    for code, sv, en in col.labels:  # (a label written like a code, 'ensamstående_utan_barn', is the label)
        if (v in (sv.casefold(), en.casefold()) or v.replace("_", " ") == sv.casefold()) and v != code:
            return "hint.label", {"code": code}
    norm = re.sub(r"[\s\-]+", "_", v)
    if norm in col.vocab:
        return "hint.did_you_mean", {"code": norm}
    close = [c for c in difflib.get_close_matches(norm, col.vocab, n=1, cutoff=0.75) if not _opposite(norm, c)]
    if close:
        return "hint.did_you_mean", {"code": close[0]}
    by_label = {sv.casefold(): code for code, sv, _en in col.labels}
    close = [c for c in difflib.get_close_matches(v, list(by_label), n=1, cutoff=0.8) if not _opposite(v, c)]
    if close:
        return "hint.label", {"code": by_label[close[0]]}
    begun = [code for code in col.vocab if code.startswith(norm + "_")]  # 'Sambo': with or without children
    if len(begun) > 1:
        return "hint.codes_begun", {"value": value.strip(), "codes_sv": " eller ".join(begun),
                                    "codes_en": " or ".join(begun)}
    # a code's word with what it was in brackets ('Studier (SFI/komvux)', 'Arbete (timanställning)'): the word's code
    bare = " ".join(re.sub(r"[(\[][^)\]]*[)\]]", " ", value).split())
    if bare and bare.casefold() != v:
        key, said = _code_hint(bare, col)
        if key in ("hint.did_you_mean", "hint.label"):
            return "hint.did_you_mean", {"code": said["code"]}
        if bare.casefold() in col.vocab:
            return "hint.did_you_mean", {"code": bare.casefold()}
    return "", {}


def _formula_headed(raw: RawTable, missing: list[str], spec: S.TableSpec) -> set[str]:
    """The missing columns a heading made by a formula saved without its result may be, which have the formula's
    message alone (it says what to do: save the file again in Excel), not 'column missing' too: the one whose heading
    the formula's texts spell (="Bud"&"get" is budget), or, where a formula spells none (=A1), every missing column,
    since any may be it (one still missing once the file is saved again is then said)."""
    meant: set[str] = set()
    for formula in raw.heading_formulas:
        text = "".join(re.findall(r'"([^"]*)"', formula)).strip()
        spelt = {c for c in missing if text and _heading_for(c, [text], spec, close=True) is not None}
        meant |= spelt or set(missing)
    return meant


def _no_heading_row(spec: S.TableSpec, missing: list[str], fname: str, found: str,
                    own: dict[str, str] | None) -> Problem:
    """The one message for a file none of whose first :data:`HEADER_ROWS` rows holds its headings: the headings it
    must have, that no row looked at has them, and the first row's cells (``found``, each shortened). A participant
    file's headings are those the params file's ``data.columns`` names (``own``: 'personnr' for person_id), and
    without that line the message says another system's headings may be named there."""
    named = {column: heading for heading, column in (own or {}).items()}
    columns = ", ".join(f"'{named.get(c, c)}'" for c in missing)
    key = "column.no_heading_row_persons" if spec is S.PARTICIPANTS and not own else "column.no_heading_row"
    return problem(fname, None, None, None, key, rows=HEADER_ROWS, columns=columns, found=found or message("none", "en"),
                   found_sv=found or message("none", "sv"), found_en=found or message("none", "en"))


def _validate(raw: RawTable, spec: S.TableSpec, problems: list[Problem], fname: str,
              warn: list[Problem], own: dict[str, str] | None = None,
              unit: str = "kr") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check each column against its spec; return a typed frame (bad cells become missing).

    ``own`` is a participant file's headings as the params file's ``data.columns`` names them, for the message
    that says which headings no row holds. ``unit`` is the unit the file's amounts are read in (``tkr`` or ``kr``,
    the params file's ``data.amount_unit``): an amount marked as kronor in a file read in tkr (``100 000 kr``) is
    refused, since it would be read 1 000 times too large (a payments file so marked throughout is told once, by the
    check of its scale).

    A date with a time of day other than midnight is read as its day, with one data-quality note per
    column in ``warn`` naming how many cells had a time (:func:`_timed_note`).

    The second frame marks the cells that were refused (one message each), so that checks across
    columns can leave those rows alone instead of reporting a second, follow-on problem.
    """
    df = raw.frame
    rows = raw.file_rows
    first = len(problems)
    # (a formula saved without its result, or a personnummer taken out, is an empty cell here: its own message says
    # what to do, and 'the cell is empty' beside it would be a second message for one cell)
    taken_out = {(p.row, p.column) for p in problems if p.file == fname and p.key in _CELL_TAKEN_OUT}
    coloured_empty: list[tuple[int, str]] = []  # (the coloured empty cells of columns that may be empty)
    missing = [c for c in spec.required if c not in df.columns]
    if spec is S.PARTICIPANTS and S.BIRTH_YEAR in missing and S.AGE in df.columns:
        missing.remove(S.BIRTH_YEAR)
    # the file's own headings ('År', not period), each shortened as a cell is (a heading of 300 characters)
    found = ", ".join(shorten(raw.headings.get(c, c)) for c in df.columns[:HEADINGS_NAMED]) + (
        ", …" if len(df.columns) > HEADINGS_NAMED else "")  # (an export of thousands of columns: its first)
    headings = [str(h) for h in df.columns]
    # (a workbook of several sheets is told below where its data may be instead: the sheet read may be the wrong one)
    if (missing and not raw.heading_formulas and not raw.file_sheets
            and not any(col.name in df.columns for col in spec.columns)
            and all(_heading_for(col.name, headings, spec, close=True) is None for col in spec.columns)):
        # no row read holds a heading of the file (the headings on row 500, below a page of instructions, or on no
        # row): said once, not once per column with the first row's cells taken for headings. (A participant file
        # with another system's headings, any of them found, is told how to map them, below, by _headings_to_map.)
        problems.append(_no_heading_row(spec, missing, fname, found, own))
        missing = []
    missing = [c for c in missing if c not in _formula_headed(raw, missing, spec)]
    listed = {lang: _headings_listed([shorten(raw.headings.get(c, c)) for c in df.columns], lang) for lang in ("sv", "en")}
    # a case system's 'Status' in a participant file without an outcome: most often the status at exit, the outcome;
    # said as the line of data.columns that reads it so (the file unchanged), never read by a guess, and not offered
    # as the SGI status it is spelt close to
    status = [h for h in headings if _folded(h) in _STATUS_HEADINGS] if spec is S.PARTICIPANTS else []
    # (not beside a follow-up system's 'Sysselsättning efter', offered as the outcome to choose in its own message)
    status_outcome = (status[0] if len(status) == 1 and S.OUTCOME in missing
                      and _heading_for(S.OUTCOME, headings, spec, close=True) is None
                      and not any(_folded(h) in _OUTCOME_CHOICES for h in headings) else None)
    status = [status_outcome] if status_outcome is not None else []
    if status_outcome is not None:
        shown_status = str(raw.headings.get(status_outcome, status_outcome))
        # (a status that says only whether the person is enrolled, 'Aktiv' or 'Avslutad', tells no exit: not offered)
        statuses = {" ".join(v.split()).casefold() for v in df[status_outcome].fillna("").astype(str)} - {""}
        enrolled_only = bool(statuses) and statuses <= _ONGOING_WORDS | _ENDED_WORDS
        problems.append(problem(fname, None, S.OUTCOME, None,
                                "column.status_no_outcome" if enrolled_only else "column.status_outcome",
                                heading=shown_status, found=listed["en"], found_sv=listed["sv"], found_en=listed["en"]))
        if enrolled_only:
            status_outcome = None  # (not offered in the data.columns block below either)
    for c in missing:
        if c == S.OUTCOME and status:  # (told above, by the 'Status' column)
            continue
        heading = _heading_for(c, headings, spec, close=True)
        if heading is not None:  # the column is there under another heading: say which, and what to write
            problems.append(problem(fname, None, c, None, "column.missing_heading", column=c, heading=heading,
                                    found=listed["en"], found_sv=listed["sv"], found_en=listed["en"]))
            continue
        near = _closest_headings(c, headings, spec)
        problems.append(problem(fname, None, c, None, "column.missing", column=c, found=listed["en"],
                                found_sv=listed["sv"], found_en=listed["en"],
                                near_sv=message("column.missing_near", "sv", column=c, near=near) if near else "",
                                near_en=message("column.missing_near", "en", column=c, near=near) if near else ""))
    # an optional column headed in other words ('handlingsplan', 'action plan') would be left unread without
    # a word, and a goal counting it would count no one ("0 av 33 har en handlingsplan"): name the heading
    for col in spec.columns:
        if col.name in df.columns or col.name in missing or (col.name == S.BIRTH_YEAR and S.AGE in df.columns):
            continue
        heading = _heading_for(col.name, [str(h) for h in df.columns], spec, close=True)  # (or spelt close: utfal)
        if heading is not None and (heading == status_outcome or (
                col.name == S.SGI_STATUS and _folded(heading) in _STATUS_HEADINGS)):
            continue  # (told above as the outcome; a case system's 'Status' is no SGI status, only spelt close to it)
        if heading is not None and spec is S.PARTICIPANTS and col.name == S.AGE and S.BIRTH_YEAR in df.columns:
            # (an age beside the birth year, a helper column 'Ålder' of the evaluator's: the age is counted from the
            # birth year, so nothing is left out by not reading it; said, never refused)
            warn.append(problem(fname, None, heading, None, "column.age_beside_birth_year", "warning",
                                heading=heading))
        elif heading is not None:
            problems.append(problem(fname, None, col.name, None, "column.optional_heading", column=col.name,
                                    heading=heading))
    if missing:
        if raw.file_sheets and not set(spec.required) & set(df.columns):
            # a workbook whose first sheet is its instructions ('Så här fyller du i'): none of the columns is on
            # the sheet read, so the one message that helps is where the data may be, not a missing column each
            del problems[first:]
            # (a column the params file's data.columns reads from the evaluator's own heading is named by it, as
            # the file should have it: 'löpnummer', not person_id)
            named: dict[str, list[str]] = {}
            for heading, column in (own or {}).items():
                named.setdefault(column, []).append(f"'{heading}'")
            problems.append(problem(fname, None, None, None, "sheet.none_of_the_columns",
                                    columns=", ".join(" / ".join(named.get(c, [c])) for c in spec.required),
                                    found=found or message("none", "en"),
                                    found_sv=found or message("none", "sv"), found_en=found or message("none", "en")))
        _other_sheets(raw, problems)
    out = pd.DataFrame(index=df.index)
    refused = pd.DataFrame(False, index=df.index, columns=[c.name for c in spec.columns])
    for col in spec.columns:
        if col.name not in df.columns:
            refused[col.name] = col.name in missing  # a required column that is missing: no follow-on checks
            if col.kind in ("int", "amount", "signed_amount"):
                out[col.name] = pd.Series(np.nan, index=df.index, dtype="float64")
            elif col.kind in ("date", "month"):
                out[col.name] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
            else:
                out[col.name] = pd.Series(col.default if col.default is not None else pd.NA,
                                          index=df.index, dtype="object")
            continue
        s = df[col.name]
        empty = s == ""
        hints: dict[int, tuple[str | tuple[str, ...], dict]] = {}
        if col.kind in ("date", "month"):
            parsed, bad = _parse_dates(s, empty, _DATE if col.kind == "date" else _MONTH)
            out[col.name] = parsed
            for i in np.flatnonzero(bad.to_numpy()).tolist():
                hints[i] = _date_hint(s.iloc[i], col.kind, col.name, raw.epoch)
            if col.kind == "date":
                _timed_note(s, ~bad & ~empty, raw, col.name, fname, warn)
        elif col.kind in ("int", "amount", "signed_amount"):
            # (an age as a case system exports it, '25 år', '25 år.': the years it states, as '10 441 kr' is kronor)
            num = _parse_amount(s.str.replace(_AGE_IN_YEARS, "", regex=True) if col.name == S.AGE else s,
                                raw.number_cells.get(col.name))
            nonfinite = num.notna() & ~np.isfinite(num.fillna(0))
            bad = ~empty & (num.isna() | nonfinite)
            if col.kind == "amount":
                negative = num.notna() & (num < 0)
                bad |= negative
                # (in a payments file a negative amount is usually a repayment: say how those are read)
                # (in a budget, a repayment or correction of utfall: say where the amount belongs)
                # (a file of a column per month, its amounts under the months' headings: the month's net to write)
                negative_key = ("hint.negative_payment_wide" if spec is S.PAYMENTS and S.AMOUNT in raw.cell_columns
                                else "hint.negative_payment" if spec is S.PAYMENTS else
                                "hint.negative_budget" if spec is S.BUDGET_TABLE else "hint.negative")
                # (a budget line of income, sales, written negative as a follow-up nets it: not a cost, say so)
                income = (df[S.CATEGORY].map(is_income_line).to_numpy()
                          if spec is S.BUDGET_TABLE and S.CATEGORY in df else np.zeros(len(df), bool))
                # (and a partner's grant that pays part of another line, "Anställningsstöd från Arbetsförmedlingen",
                # netted the same way: the partner's co-financing, a line of its own)
                grant = (df[S.CATEGORY].map(is_grant_line).to_numpy()
                         if spec is S.BUDGET_TABLE and S.CATEGORY in df else np.zeros(len(df), bool))
                for i in np.flatnonzero(negative.to_numpy()).tolist():
                    hints[i] = (("hint.negative_income", {}) if income[i] else ("hint.negative_grant", {}) if grant[i]
                                else (negative_key, {}))
            if col.kind in ("amount", "signed_amount"):  # a dash: how Excel's accounting format shows 0
                for i in np.flatnonzero(_bad_matching(s, bad, _DASH).to_numpy()).tolist():
                    hints[i] = ("hint.dash_amount", {})
                # a number in parentheses: how the accounting format shows a negative number, (1 200) for -1200
                for i in np.flatnonzero(_bad_matching(s, bad, _PARENTHESISED).to_numpy()).tolist():
                    if (shown := _PARENTHESISED.fullmatch(s.iloc[i])) is None:
                        continue
                    if (h := _point_hint("-" + shown.group(1))) is not None:  # ('(1.200)': -1200 or -1,2)
                        hints[i] = h
                        continue
                    fix = "-" + shown.group(1).translate(THOUSANDS)
                    then = negative_key if col.kind == "amount" else "hint.write_amount"
                    hints[i] = (("hint.parenthesised", then), {"fix": fix})
                # a minus after the number: how an economy system writes a credit, 2 345,00- for -2345,00
                for i in np.flatnonzero(_bad_matching(s, bad, _TRAILING_MINUS).to_numpy()).tolist():
                    if (shown := _TRAILING_MINUS.fullmatch(s.iloc[i])) is None:
                        continue
                    if (h := _point_hint("-" + shown.group(1))) is not None:  # ('1.200-': -1200 or -1,2)
                        hints[i] = h
                        continue
                    fix = "-" + shown.group(1).translate(THOUSANDS)
                    then = negative_key if col.kind == "amount" else "hint.write_amount"
                    hints[i] = (("hint.trailing_minus", then), {"fix": fix})
                # a '?' before the number: a minus sign (−, U+2212, as Word and web pages write it) saved into a CSV
                # file in Windows' own encoding (ANSI, cp1252), which has no such character, becomes '?'
                for i in np.flatnonzero(_bad_matching(s, bad, _LOST_MINUS).to_numpy()).tolist():
                    if (shown := _LOST_MINUS.fullmatch(s.iloc[i])) is None:
                        continue
                    fix = "-" + shown.group(1).translate(THOUSANDS)
                    then = negative_key if col.kind == "amount" else "hint.write_amount"
                    hints[i] = (("hint.lost_minus", then), {"fix": fix})
                if spec is S.BUDGET_TABLE:  # a partner's staff time written as time: its value in kronor to write
                    for i in np.flatnonzero(_bad_matching(s, bad, _TIME_AMOUNT).to_numpy()).tolist():
                        hints[i] = ("hint.time_amount", {})
                # a share where an amount goes: a post's share of full time (tjänstgöringsgrad) typed '20 %', or a
                # number Excel shows as a percent (0,2 under '0 %' is read as 20: 20 kr, without a word)
                typed = _bad_matching(s, bad, _PERCENT_CELL)
                formatted = pd.Series(False, index=s.index)
                if col.name in raw.percent_cells and len(raw.percent_cells[col.name]) == len(s):
                    formatted = pd.Series(raw.percent_cells[col.name], index=s.index) & ~empty
                    bad |= formatted
                for i in np.flatnonzero((typed | formatted).to_numpy()).tolist():
                    share = s.iloc[i].strip() if typed.iloc[i] else f"{s.iloc[i].strip()} %"
                    hints[i] = ("hint.percent_budget" if spec is S.BUDGET_TABLE else "hint.percent_amount",
                                {"shown": share})
            elif col.kind == "int":
                bad |= num.notna() & ~nonfinite & (num != num.round())
                if col.min is not None:
                    bad |= num < col.min
                if col.max is not None:
                    bad |= num > col.max
                if col.name.endswith("_pct"):  # a percent written as Excel shows it ("40 %") or as a share (0,4)
                    for i in np.flatnonzero((bad & ~empty).to_numpy()).tolist():
                        if (h := _percent_hint(s.iloc[i], num.iloc[i])) is not None:
                            hints[i] = h
                if col.name == S.BIRTH_YEAR:  # a birth date, or a year of two digits, as a register gives it
                    for i in np.flatnonzero((bad & ~empty).to_numpy()).tolist():
                        if (h := _birth_year_hint(s.iloc[i])) is not None:
                            # (a date under Excel's 'yyyy' shows as its year: the evaluator sees 1980, the cell
                            # holds 1980-05-17, and is told why the two differ)
                            under = {col.name, raw.headings.get(col.name, col.name), raw.column_of(col.name, i)}
                            if h[0] == "hint.birth_date" and any((int(rows[i]), name) in raw.year_shown
                                                                 for name in under):
                                h = ("hint.birth_date_year_shown", h[1])
                            hints[i] = h
            for i in np.flatnonzero((bad & ~empty & num.isna()).to_numpy()).tolist():
                if (h := _point_hint(s.iloc[i])) is not None:  # '12.000': 12 000 or 12, not guessed
                    hints[i] = h
            if col.kind in ("amount", "signed_amount"):
                # an amount with its unit in the cell ('12,5 tkr', '1,2 Mkr'): the number to write in the file's unit
                for i in np.flatnonzero((bad & ~empty & num.isna()).to_numpy()).tolist():
                    if (h := _unit_hint(s.iloc[i], unit, spec.name in _KRONOR_ALWAYS)) is not None:
                        hints[i] = h
                if unit == "tkr":  # kronor in a file read in tkr: 100 000 kr would be read as 100 000 tkr
                    marked = ~bad & num.notna() & per_distinct(s, lambda u: u.map(_kronor_marked)).astype(bool)
                    if spec in (S.PAYMENTS, S.PAYMENTS_PER_PAYMENT) and marked.sum() == (~bad & num.notna()).sum():
                        # (a payments file written in kronor throughout: one message for the file, with the
                        # amount_unit line that reads it in kr, says it (payment.too_large_tkr), not one per row)
                        marked &= False
                    bad |= marked
                    for i in np.flatnonzero(marked.to_numpy()).tolist():
                        hints[i] = ("hint.kronor_in_tkr", {"fix": _written(float(num.iloc[i]) / 1000.0)})
            for i in np.flatnonzero(nonfinite.to_numpy()).tolist():
                hints[i] = ("hint.nonfinite", {"value": shorten(s.iloc[i])})  # (400 digits: as the cell is shown)
            if col.name in raw.date_cells:  # a number under a date format, shown (and read) as a date
                for i in np.flatnonzero((bad & raw.date_cells[col.name]).to_numpy()).tolist():
                    if (h := _date_formatted_hint(s.iloc[i], raw.epoch, col)) is not None:
                        hints[i] = h
            out[col.name] = num.where(~bad).astype("float64")
        elif col.kind == "code":
            val = per_distinct(s, lambda u: u.str.lower())
            bad = ~empty & ~val.isin(col.vocab)
            filled = val.where(~empty, col.default if col.default is not None else pd.NA)
            out[col.name] = filled.where(~bad).astype("object")
            for i in np.flatnonzero(bad.to_numpy()).tolist():
                said, vals = _code_hint(s.iloc[i], col)
                if not said and col.name == S.FUNDER and _IN_KIND_FUNDER.fullmatch(" ".join(s.iloc[i].split()).casefold()):
                    # a partner's staff time ('Medfinansiering i tid') under no partner: the partner's code, the one
                    # the cost line names where it names one ('Handläggare Arbetsförmedlingen')
                    line = str(df[S.CATEGORY].iloc[i]) if S.CATEGORY in df else ""
                    partners = {code for code, words in _PARTNER_WORDS if words.search(line.casefold())}
                    said, vals = (("hint.in_kind_partner", {"code": partners.pop()}) if len(partners) == 1
                                  else ("hint.in_kind_funder", {}))
                hints[i] = (said, vals)
                # a household written with its number of children ('Ensamstående med 5 barn'): the code has no number,
                # and the riksnorm's level counts each child (n_children), so the number is said with where it goes
                if col.name == S.HOUSEHOLD_TYPE and said in ("hint.did_you_mean", "hint.label") and (
                        (count := _CHILDREN_COUNT.search(s.iloc[i])) is not None) and (
                        S.N_CHILDREN not in df.columns or not str(df[S.N_CHILDREN].iloc[i]).strip()):
                    hints[i] = ((str(said), "hint.children_count"), {**vals, "n": count.group(1)})
        else:
            bad = _excel_errors(s)  # (any text is a value, but not a formula's error: '#N/A' as a person id)
            if col.name in (S.PERSON_ID, S.HOUSEHOLD_ID):
                # an id Excel showed in scientific notation (1,00235E+11) and a CSV file kept so: its last digits
                # are gone, and two persons may now share it
                shown = per_distinct(s, lambda u: u.str.fullmatch(_SCIENTIFIC).fillna(False).astype(bool))
                for i in np.flatnonzero(shown.to_numpy()).tolist():
                    hints[i] = ("hint.scientific_id", {})
                bad = bad | shown
            out[col.name] = s.where(~empty & ~bad).astype("object")
            if col.default is not None:
                out[col.name] = out[col.name].fillna(col.default)
        if not col.nullable and col.default is None:
            # (a code column that has 'okänt' says so: a sex or household type not known is a value, not a gap)
            empty_key = "cell.empty_unknown" if col.kind == "code" and S.UNKNOWN in col.vocab else "cell.empty"
            for i in np.flatnonzero(empty.to_numpy()).tolist():
                if (int(rows[i]), raw.column_of(col.name, i)) in taken_out:
                    continue
                # (a colour in the cell's place, 'grön = i arbete': no value, and the message says so)
                said = "cell.empty_coloured" if _coloured(raw, int(rows[i]), col.name) else empty_key
                problems.append(problem(fname, int(rows[i]), raw.column_of(col.name, i), "", said,
                                        expected=col.expected("en"),
                                        **_expected_values(col)))
            bad = bad | empty
        else:
            bad = bad & ~empty
            if raw.coloured:  # (an empty cell the column may leave empty, coloured: told once for the file, below)
                coloured_empty.extend((int(rows[i]), raw.column_of(col.name, i))
                                      for i in np.flatnonzero(empty.to_numpy()).tolist()
                                      if _coloured(raw, int(rows[i]), col.name))
        for i in np.flatnonzero(bad.to_numpy()).tolist():
            if s.iloc[i].strip().upper() in _EXCEL_ERRORS:
                hints[i] = ("hint.excel_error", {"value": s.iloc[i].strip()})
            elif (col.kind in ("int", "amount", "signed_amount") and i not in hints
                  and (number := _after_apostrophe(s.iloc[i])) is not None):
                hints[i] = ("hint.apostrophe_number", {"fix": number})
        for i in np.flatnonzero((bad & ~empty).to_numpy()).tolist():
            key, vals = hints.get(i, ("", {}))
            keys = key if isinstance(key, tuple) else (key,) if key else ()  # (a hint may be two, one after the other)
            hint = {lang: "".join(message(k, lang, **vals) for k in keys) for lang in ("sv", "en")}
            problems.append(_bad_cell(fname, int(rows[i]), col, s.iloc[i], hint, raw.column_of(col.name, i),
                                      "cell.status_word" if key in _STATUS_HINTS else "cell.bad"))
        refused[col.name] = bad.to_numpy()
    if coloured_empty:
        coloured_empty.sort()
        warn.append(problem(fname, coloured_empty[0][0], None, None, "cell.coloured_empty", "info", "coloured_cells",
                            n=len(coloured_empty), cells=", ".join(f"{r} {quote(c)}" for r, c in coloured_empty[:5])
                            + (" …" if len(coloured_empty) > 5 else "")))
    if S.OUTCOME in df.columns and S.START_DATE in df.columns:
        _never_began_once(df, raw, problems, first)
    if spec.person_level:
        _total_rows(df, rows, problems, first, fname)
    return out, refused


# an apostrophe typed before a number ('20000), kept in the cell as a character: Excel's own, that keeps a number as
# text (the green triangle), is no part of the value, but one pasted in or typed twice is, and shows in the cell
_APOSTROPHE_NUMBER = re.compile(r"\s*['\u2019\u2018\u00b4`]\s*(-?\d[\d\s]*(?:[.,]\d+)?)\s*")


def _after_apostrophe(text: str) -> str | None:
    """The number after an apostrophe typed in its cell (``'20000`` → ``20000``); None for any other text."""
    m = _APOSTROPHE_NUMBER.fullmatch(str(text))
    return " ".join(m.group(1).split()) if m else None


def _coloured(raw: RawTable, row: int, column: str) -> bool:
    """Whether the cell of ``column`` (the contract's name) on the file's ``row`` is empty with a fill colour, the
    column read under its own name or the file's heading (``data.columns``)."""
    return (row, column) in raw.coloured or (row, raw.headings.get(column, column)) in raw.coloured


def _never_began_once(df: pd.DataFrame, raw: RawTable, problems: list[Problem], first: int) -> None:
    """A row whose outcome says the person was referred and never began (``Remiss ej aktuell``) has no start date
    either: the outcome's message says to delete the row, so its empty start date is no second problem of it."""
    said = per_distinct(df[S.OUTCOME].fillna("").astype(str),
                        lambda u: u.map(lambda v: bool(_NEVER_BEGAN.fullmatch(" ".join(v.split()).casefold()))))
    at = np.flatnonzero(said.to_numpy(dtype=bool))
    if not len(at):
        return
    start = {(int(raw.file_rows[i]), raw.column_of(S.START_DATE, int(i))) for i in at}
    problems[first:] = [p for p in problems[first:]
                        if not (p.key == "cell.empty" and (p.row, p.column) in start)]


# a cell of an amount column that Excel's accounting format ("Redovisning") shows, and a CSV saves, for 0
_DASH = re.compile(r"\s*[-–—]\s*(?:kr|sek)?\s*", re.I)


# a number in parentheses, as the accounting format ("Redovisning") shows a negative one: (1 200), (1 200 kr)
_PARENTHESISED = re.compile(r"\s*\(\s*(\d[\d \u00a0\u202f\u2009\u2007]*(?:[.,]\d+)?)\s*(?:kr)?\s*\)\s*(?:kr)?\s*", re.I)

# a number with its minus after it, as economy systems (Agresso/Unit4, Visma, SAP) export a credit: 2 345,00-, 1200 kr-
# (a price mark, '450,-' or '12 000:-', is read before this is tried: it is no credit)
_TRAILING_MINUS = re.compile(r"\s*(\d[\d \u00a0\u202f\u2009\u2007]*(?:[.,]\d+)?)\s*(?:kr|sek)?\s*[-\u2212]\s*", re.I)

# a number with a '?' before it: a minus sign that the file's encoding had no character for (−, U+2212, in cp1252)
_LOST_MINUS = re.compile(r"\s*\?\s*(\d[\d \u00a0\u202f\u2009\u2007]*(?:[.,]\d+)?)\s*(?:kr|sek)?\s*", re.I)

# an amount written as the time it is (a partner's staff time as co-financing: '800 tim', '0,25 åa', '50 % av en tjänst',
# '2 heltidstjänster'): time, not kronor, which the budget counts
_TIME_AMOUNT = re.compile(r"\s*\d[\d\s\u00a0.,]*\s*(?:h|tim|timmar|timme|tim\.|åa|årsarbeten?|årsarbetare|tjänst(?:er)?|"
                          r"heltid(?:er)?|heltidstjänst(?:er)?|%\s*(?:av\s+(?:en\s+)?)?tjänst(?:en)?|procent\s+av\s+(?:en\s+)?"
                          r"tjänst(?:en)?|hours?|fte|dagar|dgr|veckor|arbetsdagar|månader|mån)\.?\s*", re.IGNORECASE)


# the number of children a household type is written with ('Ensamstående med 5 barn', 'Sambo, 3 barn')
_CHILDREN_COUNT = re.compile(r"\b(\d{1,2})\s*(?:st\.?\s*)?barn\b", re.IGNORECASE)

_PERCENT_CELL = re.compile(r"\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent)\s*", re.I)


def _percent_hint(text: str, value: float) -> tuple[str, dict] | None:
    """What to write in a column of whole percents for a cell written "40 %" (the number without its sign)
    or 0,4 (a share: the percent it is); None for anything else."""
    m = _PERCENT_CELL.fullmatch(text)
    if m is not None:
        v = float(m.group(1).replace(",", "."))
        return ("hint.percent_sign", {"fix": f"{round(v):d}"}) if 0 <= v <= 100 else None
    if 0 < value < 1:
        return ("hint.percent_share", {"value": text.strip(), "fix": f"{round(value * 100):d}"})
    return None


def _date_formatted_hint(text: str, epoch: dt.date, col: S.ColumnSpec) -> tuple[str, dict] | None:
    """What a date cell in a column of numbers is when the number it holds is one the column takes: a number
    typed under a date format (1980 in a birth year column formatted as dates shows as 1905-06-02), with the
    number and the fix; None for a date typed as a date (a birth date 1985-04-12 holds 31149, no birth year)."""
    try:
        day = dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
    if text.strip()[10:].strip() not in ("", "00:00:00"):
        return None
    # (as Excel counts: a 29 February 1900 that never was, so that serials before 1900-03-01 are a day less)
    number = int(to_excel(day, dt.datetime.combine(epoch, dt.time())))
    if number < (col.min if col.min is not None else 0) or (col.max is not None and number > col.max):
        return None
    return "hint.date_formatted", {"number": number, "value": text.strip()}


_BIRTH_DATE = re.compile(r"\s*((?:19|20)\d\d)-?\d\d-?\d\d\s*")
# ... written in other ways: with points or slashes, day first (17.05.1980, 17/5/1980: the year is sure whichever of
# the others is the day), with a time of day as a system exports a date (1980-05-17 00:00:00), or with the month's
# name (17 maj 1980, maj 1980)
_BIRTH_DATE_WRITTEN = re.compile(r"\s*\d{1,2}[./-]\d{1,2}[./-]((?:19|20)\d\d)\s*"
                                 r"|\s*((?:19|20)\d\d)[./-]\d{1,2}[./-]\d{1,2}(?:[ T]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?)?\s*")
_BIRTH_MONTH_NAMED = re.compile(r"\s*(?:\d{1,2}\.?\s+)?([^\W\d_]+\.?)[\s-]+((?:19|20)\d\d)\s*")
# a birth date or month of a personnummer whose last digits a case system masks ('198503XXXX', '19850312-XXXX'):
# the year is its first four digits
_MASKED_BIRTH = re.compile(r"\s*((?:19|20)\d\d)(?:-?\d\d){0,2}\s*[-+]?\s*[xX*#]{2,4}\s*")


def _birth_year_hint(text: str) -> tuple[str, dict] | None:
    """What to write in ``birth_year`` for a birth date (``1985-04-12``, ``12.04.1985``, ``12 april 1985``, ``1985-04-12
    00:00:00``, or ``198504XXXX`` with a personnummer's last digits masked: the year alone, ``1985``, which is all the
    report needs) or a year of two digits (``85``: the century is not guessed); None for anything
    else. (A personnummer never gets here: the file is refused before any cell is checked.)"""
    m = _BIRTH_DATE.fullmatch(text) or _MASKED_BIRTH.fullmatch(text)
    if m is not None:
        return "hint.birth_date", {"year": m.group(1)}
    if (m := _BIRTH_DATE_WRITTEN.fullmatch(text)) is not None:
        return "hint.birth_date", {"year": m.group(1) or m.group(2)}
    if (m := _BIRTH_MONTH_NAMED.fullmatch(text)) is not None and month_number(m.group(1)) is not None:
        return "hint.birth_date", {"year": m.group(2)}
    if re.fullmatch(r"\s*\d{2}\s*", text):
        return "hint.two_digit_year", {}
    return None


# a total written with its count in one cell, as a list typed by hand ends: "Totalt 47", "Summa: 47", "Antal deltagare: 47",
# "Totalt 47 st", "Total 47 participants"
_TOTAL_WITH_COUNT = re.compile(r"(?:summa|totalt?|sum|antal|totalt\s+antal|total\s+number|number)"
                               r"(?:\s+(?:deltagare|personer|inskrivna|inskrivningar|participants|persons|enrolments))?"
                               r"\s*[:=]?\s*\d[\d \xa0]*(?:\s*(?:st\.?|deltagare|personer|pers\.?|participants|persons))?")
# ... or with the count in a cell beside it, as Excel's =ANTALV(A3:A14) is written: "Antal deltagare", "Totalt antal"
_COUNT_LABEL = re.compile(r"(?:totalt\s+)?antal(?:\s+(?:deltagare|personer|inskrivna|inskrivningar))?"
                          r"|(?:total\s+)?number\s+of\s+(?:participants|persons|enrolments)")


# a period's total row named in the period column: 'Summa 2024', 'Totalt år 2', 'Summa 2024:' (the word, the period)
_PERIOD_TOTAL = re.compile(r"^(?i:(summa|totalt|total|sum))\s+((?:19|20)\d\d|(?i:år)\s*\d{1,2})\s*:?$")


def _is_total_label(value: str) -> bool:
    """Whether a cell (stripped, lower case, without a colon after it) is a total row's label: 'summa', 'totalt', a
    total with its count ('totalt 47', 'antal deltagare: 47') or a count's label beside it ('antal deltagare')."""
    return (value in S.TOTAL_LABELS or _TOTAL_WITH_COUNT.fullmatch(value) is not None
            or _COUNT_LABEL.fullmatch(value) is not None)


def _total_rows(df: pd.DataFrame, rows, problems: list[Problem], first: int, fname: str) -> None:
    """A row of a file of persons that holds a total label ('Summa', 'Totalt', or one with its count, 'Totalt 47')
    and was refused: one message saying it is a total row to delete, instead of one for each of its empty cells."""
    refused = {int(p.row) for p in problems[first:] if p.file == fname and p.row is not None}
    if not len(df.columns) or not refused:
        return
    at = np.flatnonzero(np.isin(np.asarray(rows, dtype=np.int64), np.fromiter(refused, np.int64)))
    cells = df.iloc[at]  # (only the rows with a problem: a total row without one is no total row to delete)
    label = cells.apply(lambda c: c.str.strip().str.rstrip(":").str.lower().map(_is_total_label)).astype(bool)
    totals = {int(rows[at[i]]): str(cells.iloc[i][label.iloc[i]].iloc[0]) for i in np.flatnonzero(label.any(axis=1).to_numpy())}
    flagged = refused & set(totals)
    if flagged:
        problems[first:] = [p for p in problems[first:] if not (p.file == fname and p.row in flagged)]
        problems.extend(problem(fname, r, None, totals[r], "row.total") for r in sorted(flagged))


def _expected_values(col: S.ColumnSpec) -> dict:
    """The expectation in both languages, for messages that must read right in either."""
    return {"expected_sv": col.expected("sv"), "expected_en": col.expected("en")}


def _bad_cell(fname: str, row: int, col: S.ColumnSpec, value: str, hint: dict[str, str],
              column: str | None = None, key: str = "cell.bad") -> Problem:
    return problem(fname, row, column or col.name, value, key, expected=col.expected("en"), hint=hint["en"],
                   hint_sv=hint["sv"], hint_en=hint["en"], **_expected_values(col))


# the hints of a status that is no outcome ('Pågår', 'Remiss ej aktuell'): such a cell is said as a status, without
# the codes (none of them is meant), and apart from the column's other cells, so that a list folded after five rows
# of 'Avslutad – arbete' does not fold it away with them
_STATUS_HINTS = ("hint.ongoing_outcome", "hint.never_began_outcome", "hint.pause_outcome", "hint.deceased_outcome")


def _check_pseudonymous(raw: RawTable, fname: str, contract: tuple[str, ...] = ()) -> list[Problem]:
    """Every cell and column heading shaped like a personnummer, masked (never echoed): the
    number is taken out of ``raw`` (the cell emptied, the column dropped), so that the file's other
    problems can be reported with it and none of them repeats it. In a column of the evaluator's own
    (not one of ``contract``, a contract column or a heading the params file's ``data.columns`` reads as one,
    matched as those are, and not a month or year heading of a wide layout) the message says to
    delete the column: it is not read, so no project code belongs in it either."""
    found = []
    # (the full check only where it can find something; every column's cells looked at in one pass)
    may_hold = may_hold_personnummer_cells(raw.frame)
    for j, c in enumerate(list(raw.frame.columns)):
        own = (bool(contract) and c not in contract and " ".join(str(c).split()).casefold() not in contract
               and not any(ch.isdigit() for ch in str(c)))
        if find_personnummer(c):
            found.append(problem(fname, 1, "[personnummer]", None, "person.personnummer_heading"))
            del raw.frame[c]
            continue
        s = raw.frame[c]
        # (an e-mail address points out a person as a personnummer does: a participant's as the id, a note's, a
        # budget line's; taken out the same way, so that no other message echoes it)
        for i in s.index[email_cells(s).to_numpy()] if s.dtype == object or isinstance(s.dtype, pd.StringDtype) else ():
            found.append(problem(fname, int(raw.file_rows[i]), c, None,
                                 "person.email_own_column" if own else "person.email"))
            raw.frame.loc[i, c] = ""
        if not may_hold[:, j].any():
            continue
        s = raw.frame[c]
        cand = s[may_hold[:, j]]
        for i, v in cand.items():
            if find_personnummer(v):
                found.append(problem(fname, int(raw.file_rows[i]), c, None,
                                     "person.personnummer_own_column" if own else "person.personnummer"))
                raw.frame.loc[i, c] = ""
    return found


def _project_year(dates: pd.Series, start: dt.date) -> pd.Series:
    """Project year (1, 2, ...) counted from ``start``, the first day of project year 1
    (:attr:`~evaltools.data.params.Period.years_start`), not the calendar year; a date before it (in a pre-study)
    is year 0 or less."""
    d = pd.to_datetime(dates)
    years = d.dt.year - start.year
    before_anniv = (d.dt.month < start.month) | ((d.dt.month == start.month) & (d.dt.day < start.day))
    return (years - before_anniv.astype(int) + 1).astype("Int64")


def _in_prestudy(years: pd.Series, params: ProjectParams) -> pd.Series:
    """Project years with every year before the first (a date in the pre-study, where ``period.implementation_start``
    is given) as :data:`~evaltools.data.schema.PRESTUDY_YEAR`; without a pre-study the years as counted."""
    if params.period.implementation_start is None:
        return years
    return years.where(years.isna() | (years >= 1), S.PRESTUDY_YEAR)


def project_year_bounds(params: ProjectParams, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of project year ``year`` (1-based), counted from the implementation's start after a
    pre-study."""
    s = params.period.years_start
    first = add_years(s, year - 1)
    last = add_years(s, year) - dt.timedelta(days=1)
    return first, last


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def age_bands(age: pd.Series) -> tuple[tuple[int, int, str], ...]:
    """The age bands of a project whose participants are ``age``: ``schema.YOUTH_AGE_BANDS`` when at
    least ``schema.YOUTH_SHARE`` of those with a known age are under 30, ``schema.SENIOR_AGE_BANDS`` when as
    many are 50 or older, else ``schema.AGE_BANDS``."""
    known = age.dropna()
    young = len(known) > 0 and float((known < 30).mean()) >= S.YOUTH_SHARE
    older = len(known) > 0 and float((known >= 50).mean()) >= S.YOUTH_SHARE
    return S.YOUTH_AGE_BANDS if young else S.SENIOR_AGE_BANDS if older else S.AGE_BANDS


def age_group(age: pd.Series, bands: tuple[tuple[int, int, str], ...] = S.AGE_BANDS) -> pd.Series:
    """Age bands used in every breakdown (see ``schema.AGE_BANDS``)."""
    out = pd.Series(S.UNKNOWN, index=age.index, dtype="object")
    for lo, hi, label in bands:
        out[(age >= lo) & (age <= hi)] = label
    return out


def age_at_start(df: pd.DataFrame) -> pd.Series:
    """Age at start: the ``age`` column, else the start year minus the birth year."""
    return df[S.AGE].where(df[S.AGE].notna(), df[S.START_DATE].dt.year - df[S.BIRTH_YEAR])


ADULT_AGE = 18  # the age from which a person can have försörjningsstöd of their own (a child's is the parents')


def child_without_own_support(df: pd.DataFrame) -> pd.Series:
    """Whether each person was under :data:`ADULT_AGE` at start (as the age breakdown counts it: the ``age``
    column, else the start year less the birth year) while the file does not give their support at start
    (``support_start`` empty, ``okänt`` or no such column): a child's försörjningsstöd is paid to the parents'
    household, so an exit to school or work is no exit from försörjningsstöd of their own, and is never assumed
    to be one (a KAA project's 16-year-olds). Where the file says ``försörjningsstöd``, it is read as written."""
    support = df[S.SUPPORT_START] if S.SUPPORT_START in df else pd.Series(S.UNKNOWN, index=df.index)
    unknown = support.isna() | (support == S.UNKNOWN)
    age = df[S.AGE_AT_START] if S.AGE_AT_START in df else age_at_start(df)
    return (unknown & (pd.to_numeric(age, errors="coerce") < ADULT_AGE)).fillna(False).astype(bool)


def paid_by_start(df: pd.DataFrame, payments: pd.DataFrame | None) -> pd.Series:
    """Whether the payments show försörjningsstöd paid to each person of ``df`` in or before their start month."""
    if payments is None or not len(payments):
        return pd.Series(False, index=df.index)
    first_paid = payments.loc[payments[S.AMOUNT] > 0].groupby(S.PERSON_ID)[S.MONTH].min()
    first = pd.to_datetime(df[S.PERSON_ID].map(first_paid))
    return (first.notna() & (first <= df[S.START_DATE])).astype(bool)


def derive_person_columns(df: pd.DataFrame, params: ProjectParams,
                          bands: tuple[tuple[int, int, str], ...] | None = None) -> pd.DataFrame:
    """The derived columns of a person file; ``bands`` are the participants' age bands (found from
    ``df`` itself when not given), so that comparison persons are grouped as the participants are."""
    df = df.copy()
    start = df[S.START_DATE]
    age = age_at_start(df)
    df[S.AGE_AT_START] = age
    given = df[S.AGE_GROUP] if S.AGE_GROUP in df.columns else None  # ages given as groups (:func:`_age_groups`)
    df[S.AGE_GROUP] = age_group(age, age_bands(age) if bands is None else bands)
    if given is not None:
        df[S.AGE_GROUP] = given.where(given.notna() & (given != S.UNKNOWN), df[S.AGE_GROUP])
    # (a participant who started in a pre-study, before period.implementation_start, is year 0: PRESTUDY_YEAR)
    df[S.PROJECT_YEAR] = _in_prestudy(_project_year(start, params.period.years_start), params)
    df[S.CALENDAR_YEAR] = start.dt.year.astype("Int64")
    df[S.EXIT_PROJECT_YEAR] = _in_prestudy(_project_year(df[S.END_DATE], params.period.years_start), params) \
        .where(df[S.END_DATE].notna())
    df[S.ONGOING] = df[S.END_DATE].isna()
    as_of = pd.Timestamp(params.as_of)
    df[S.DAYS_IN_PROJECT] = ((df[S.END_DATE].fillna(as_of) - start).dt.days).astype("float64")
    if S.HOUSEHOLD_ID in df and df[S.HOUSEHOLD_ID].isna().all():
        df[S.HOUSEHOLD_ID] = df[S.PERSON_ID]
    else:
        df[S.HOUSEHOLD_ID] = df[S.HOUSEHOLD_ID].fillna(df[S.PERSON_ID])
    return df


class Enrolments(NamedTuple):
    """How many enrolments a person file has, of how many persons, and how many of those persons have more
    than one enrolment (left and came back: a row each, :func:`enrolment_counts`)."""

    enrolments: int
    persons: int
    returned: int

    @property
    def by_enrolment(self) -> bool:
        """Whether the exits are to be called enrolments, not participants: some person was enrolled more than
        once, so the ended ("52 avslutade inskrivningar") are counted per enrolment while the participants
        ("46 deltagare") are persons. The one rule every page, table and sheet words its ended by."""
        return self.returned > 0


def persons_of(enrolments: pd.DataFrame) -> int:
    """How many different persons the enrolments (rows of a person file) are: the number of participants
    as the report counts them (an application's "deltagare" are persons), a person enrolled twice being one
    participant. A row without a person id (there is none in a loaded file) counts as a person of its own.

    Examples
    --------
    >>> persons_of(pd.DataFrame({"person_id": ["A", "B", "A"]}))
    2
    """
    if S.PERSON_ID not in enrolments:
        return len(enrolments)
    ids = enrolments[S.PERSON_ID]
    return int(ids.dropna().nunique()) + int(ids.isna().sum())


def households_of(enrolments: pd.DataFrame) -> int:
    """How many different households the enrolments' persons live in (``household_id``; the loader gives a
    person without one a household of their own, so without the column each person is one): försörjningsstöd
    is paid per household, and two parents of one household are two participants in one household.

    Examples
    --------
    >>> households_of(pd.DataFrame({"person_id": ["A", "B", "C", "A"], "household_id": ["H1", "H1", "H2", "H1"]}))
    2
    """
    if S.HOUSEHOLD_ID not in enrolments:
        return persons_of(enrolments)
    return int(household_keys(enrolments).nunique())  # (one rule with the household goals' and validate's figures)


def enrolment_counts(persons: pd.DataFrame) -> Enrolments:
    """The enrolments of a person file (one row each) and the persons they are: the number of participants
    counts persons (:func:`persons_of`), the outcomes count enrolments (each ends with one).

    Examples
    --------
    >>> enrolment_counts(pd.DataFrame({"person_id": ["A", "B", "A", "C", "C", "C"]}))
    Enrolments(enrolments=6, persons=3, returned=2)
    """
    ids = persons[S.PERSON_ID].dropna()
    per_person = ids.value_counts()
    return Enrolments(len(persons), int(len(per_person)), int((per_person > 1).sum()))


def came_back(persons: pd.DataFrame) -> pd.Series:
    """Whether each enrolment (row) ended and the same person was enrolled again later (an enrolment starting
    after this one's end): whatever this enrolment's outcome, the person came back for support.

    Examples
    --------
    >>> came_back(pd.DataFrame({"person_id": ["A", "A", "B"],
    ...                         "start_date": pd.to_datetime(["2024-01-01", "2024-09-01", "2024-01-01"]),
    ...                         "end_date": pd.to_datetime(["2024-05-31", None, "2024-05-31"])})).tolist()
    [True, False, False]
    """
    last_start = persons.groupby(S.PERSON_ID)[S.START_DATE].transform("max")
    return (persons[S.END_DATE].notna() & (last_start > persons[S.END_DATE])).astype(bool)


def _iso(ts: pd.Timestamp) -> str:
    return ts.date().isoformat()


def _check_persons(df: pd.DataFrame, refused: pd.DataFrame, rows: np.ndarray, fname: str, params: ProjectParams,
                   problems: list[Problem], is_comparison: bool) -> None:
    """Checks across columns; a cell already refused gets no second message."""
    start, end = df[S.START_DATE], df[S.END_DATE]
    for i in np.flatnonzero((end < start).to_numpy()).tolist():
        problems.append(problem(fname, int(rows[i]), S.END_DATE, _iso(end.iloc[i]), "person.end_before_start",
                                start=_iso(start.iloc[i])))
    if not is_comparison:
        lo, hi = pd.Timestamp(params.period.start), pd.Timestamp(params.period.end)
        outside = start.notna() & ((start < lo) | (start > hi))
        for i in np.flatnonzero(outside.to_numpy()).tolist():
            problems.append(problem(fname, int(rows[i]), S.START_DATE, _iso(start.iloc[i]), "person.start_outside",
                                    lo=lo.date(), hi=hi.date()))
        if params.data_as_of is not None:
            after = start.notna() & ~outside & (start > pd.Timestamp(params.data_as_of))
            for i in np.flatnonzero(after.to_numpy()).tolist():
                problems.append(problem(fname, int(rows[i]), S.START_DATE, _iso(start.iloc[i]),
                                        "person.start_after_as_of", as_of=params.data_as_of.isoformat()))
        pid = df[S.PROJECT_ID]
        wrong = pid.notna() & (pid != params.id)
        for i in np.flatnonzero(wrong.to_numpy()).tolist():
            problems.append(problem(fname, int(rows[i]), S.PROJECT_ID, pid.iloc[i], "person.project_id", id=params.id))
        no_outcome = end.notna() & df[S.OUTCOME].isna() & ~refused[S.OUTCOME]
        for i in np.flatnonzero(no_outcome.to_numpy()).tolist():
            problems.append(problem(fname, int(rows[i]), S.OUTCOME, "", "person.no_outcome"))
        early_outcome = end.isna() & df[S.OUTCOME].notna() & start.notna() & ~refused[S.END_DATE]
        for i in np.flatnonzero(early_outcome.to_numpy()).tolist():
            problems.append(problem(fname, int(rows[i]), S.END_DATE, "", "person.no_end", outcome=df[S.OUTCOME].iloc[i]))
    key = df[[S.PERSON_ID, S.START_DATE]]
    dup = (key.duplicated(keep="first") & key.notna().all(axis=1)).to_numpy()
    if dup.any():
        first = pd.Series(np.arange(len(df))).groupby([key[S.PERSON_ID].to_numpy(), key[S.START_DATE].to_numpy()]).transform("first")
        for i in np.flatnonzero(dup).tolist():
            problems.append(problem(fname, int(rows[i]), S.PERSON_ID, df[S.PERSON_ID].iloc[i], "person.duplicate",
                                    first=int(rows[first.iloc[i]])))
    _check_overlaps(df, dup, rows, fname, problems)
    _check_same_person(df, refused, rows, fname, problems)


# a person's columns that are the same in every enrolment (age at start is not: it grows between them)
_SAME_PERSON = (S.SEX, S.BIRTH_YEAR)


def _check_same_person(df: pd.DataFrame, refused: pd.DataFrame, rows: np.ndarray, fname: str,
                       problems: list[Problem]) -> None:
    """A person enrolled twice has one sex and one birth year: two rows of one id that differ in them
    are two persons under one id, or a mistake, and either way the breakdowns would count the person in
    two groups. Each later row that differs is named with the first row it contradicts; an unknown
    value (``okänt``, an empty birth year) contradicts nothing."""
    ids = df[S.PERSON_ID]
    again = ids.notna() & ids.duplicated(keep=False)
    if not again.any():
        return
    for col in _SAME_PERSON:
        if col not in df:
            continue
        known = again & df[col].notna() & ~refused[col] & (df[col] != S.UNKNOWN)
        d = pd.DataFrame({"id": ids[known], "v": df.loc[known, col], "pos": np.flatnonzero(known.to_numpy())})
        by_id = d.groupby("id", sort=False)
        d["first_v"], d["first_pos"] = by_id["v"].transform("first"), by_id["pos"].transform("first")
        for cur in d[d["v"] != d["first_v"]].itertuples(index=False):
            problems.append(problem(fname, int(rows[cur.pos]), col, _person_value(col, cur.v), "person.same_person",
                                    other=int(rows[int(cur.first_pos)]), other_value=quote(_person_value(col, cur.first_v))))


# what a person's enrolment says of them besides the id: two ids alike in all of it are likely one person twice
_ALIKE = (S.SEX, S.BIRTH_YEAR, S.HOUSEHOLD_TYPE, S.START_DATE, S.END_DATE, S.OUTCOME)


def _household_disagrees(df: pd.DataFrame, rows: np.ndarray, fname: str) -> list[Problem]:
    """For the evaluator (``validate``; severity ``info``): the participants of one household (``household_id``, two
    or more persons) whose rows give it two household types or two numbers of children, one note per column with how
    many households and the first one's rows and values. Försörjningsstöd and the riksnorm's level are the
    household's, and the cost-benefit counts it once, so its level rests on whichever row it reads. An unknown or
    empty value contradicts nothing, a young adult living with the parents (``bor_med_föräldrar``) writes the
    household as theirs, not as the parents do, and a person's own enrolments are not compared (a household may
    change between them)."""
    if S.HOUSEHOLD_ID not in df or df[S.HOUSEHOLD_ID].isna().all() or len(rows) != len(df):
        return []
    out = []
    for column in (S.HOUSEHOLD_TYPE, S.N_CHILDREN):
        if column not in df:
            continue
        known = df[S.HOUSEHOLD_ID].notna() & df[column].notna() & (df[column].astype(object) != S.UNKNOWN)
        if S.HOUSEHOLD_TYPE in df:  # (a young adult in the parents' home is of the parents' household, and writes it so)
            known &= (df[S.HOUSEHOLD_TYPE].astype(object) != "bor_med_föräldrar").to_numpy()
        sub = df.loc[known, [S.HOUSEHOLD_ID, S.PERSON_ID, column]].assign(_row=np.asarray(rows)[known.to_numpy()])
        if sub.empty:
            continue
        # (each person's first row of the household: a person's own enrolments are not set against each other)
        first = sub.drop_duplicates([S.HOUSEHOLD_ID, S.PERSON_ID])
        # (each household's number of different values, counted by pandas for all households at once: a register of
        # 200 000 participants has as many households, and a Python function for each took most of its reading)
        values = first.assign(_text=first[column].astype(str)).groupby(S.HOUSEHOLD_ID, sort=False)["_text"].nunique()
        bad = values[values > 1].index
        if not len(bad):
            continue
        one = first[first[S.HOUSEHOLD_ID] == bad[0]]
        a = one.iloc[0]
        b = one[one[column].astype(str) != str(a[column])].iloc[0]
        count = column == S.N_CHILDREN  # (a number of children shown as the whole number it is, not 2.0)
        out.append(problem(fname, int(a["_row"]), column, None, "person.household_disagrees", "info",
                           "household_disagrees", n=str(len(bad)), first=str(int(a["_row"])),
                           other=str(int(b["_row"])), value=str(int(a[column])) if count else str(a[column]),
                           other_value=str(int(b[column])) if count else str(b[column])))
    return out


def _two_ids(df: pd.DataFrame, rows: np.ndarray, fname: str) -> list[Problem]:
    """One note when enrolments under different ids have the same sex, birth year, household type, start and end
    date and outcome: a person registered in two systems (or given a new id) and merged into one list is counted as
    two persons, and no rule can tell them from two persons alike in all of this. So the evaluator is told which rows,
    to give one person one id (or leave them, being two); each is counted as written. An enrolment with an unknown
    sex or birth year, or without a start date, is too little to liken, and so is one of an intake group (other
    enrolments began and ended on the same days), where two alike are likely two persons."""
    if any(c not in df for c in _ALIKE) or len(df) < 2:
        return []
    known = df[S.PERSON_ID].notna() & df[S.START_DATE].notna() & df[S.BIRTH_YEAR].notna() & df[S.SEX].notna() \
        & (df[S.SEX] != S.UNKNOWN)
    if known.sum() < 2:
        return []
    alike = known & df[list(_ALIKE)].duplicated(keep=False)  # (hashed whole columns: a large file stays fast)
    if alike.sum() < 2:
        return []
    d = df.loc[alike, list(_ALIKE)]
    d = pd.DataFrame({"key": d.groupby(list(_ALIKE), sort=False, dropna=False).ngroup().to_numpy(),
                      "id": df.loc[alike, S.PERSON_ID].astype(str).to_numpy(), "pos": np.flatnonzero(alike.to_numpy())})
    d = d[d.groupby("key")["id"].transform("nunique").to_numpy() > 1]
    # (enrolments that began and ended on the same days as others too are an intake group's, whose members alike in
    # sex, birth year and household are no rarity: only two or three enrolments of their own dates are likened)
    dated = df.groupby([S.START_DATE, S.END_DATE], sort=False, dropna=False).ngroup().to_numpy()
    on_those_days = np.bincount(dated[dated >= 0])[dated[d["pos"].to_numpy()]]
    d = d[on_those_days == d.groupby("key")["pos"].transform("size").to_numpy()]
    if d.empty:
        return []
    groups = sorted((g for _, g in d.groupby("key", sort=False)), key=lambda g: int(g["pos"].min()))
    said = [", ".join(f"{int(rows[p])} ({quote(i)})" for p, i in zip(g["pos"], g["id"], strict=True)) for g in groups]
    listed = "; ".join(said[:5]) + (" …" if len(said) > 5 else "")
    first = groups[0]
    return [problem(fname, int(rows[int(first["pos"].iloc[1])]), S.PERSON_ID, None, "person.two_ids", "warning",
                    "two_ids", n=len(groups), rows=listed)]


def _person_value(col: str, v: float | str) -> str:
    """A value of :data:`_SAME_PERSON` as the file has it (a birth year as a whole number)."""
    return str(int(v)) if col == S.BIRTH_YEAR else str(v)


def _rows_per_contact(found: list[Problem], df: pd.DataFrame, rows: np.ndarray, fname: str) -> list[Problem]:
    """A list kept with a row per contact or visit (a date, the person, the kind of contact) rather than per
    enrolment has each person's later rows overlap the first: where two or more persons have three rows or more
    that overlap so, the file is told that once, with the first such person's rows, instead of a message per row
    (53 of them for a dozen persons), since no row is wrong but the file's rows are not enrolments."""
    overlaps = [p for p in found if p.key == "person.overlap"]
    if not overlaps:
        return found
    ids = dict(zip((int(r) for r in rows), df[S.PERSON_ID].tolist(), strict=True))
    by_person: dict[object, list[int]] = {}
    for p in overlaps:
        if p.row is not None:
            by_person.setdefault(ids.get(p.row), []).append(p.row)
    many = {pid: at for pid, at in by_person.items() if len(at) >= 2}
    if len(many) < 2:
        return found
    pid, at = next(iter(many.items()))
    first = next(int(r) for r, i in zip(rows, df[S.PERSON_ID].tolist(), strict=True) if i == pid)
    listed = [first, *at]
    said = problem(fname, None, None, None, "person.rows_per_contact", n=len(overlaps),
                   persons=len(by_person), id=quote(pid), rows=", ".join(map(str, listed[:6])) + (
                       " …" if len(listed) > 6 else ""))
    kept = [p for p in found if p.key != "person.overlap"]
    return [said, *kept]


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


# a sheet that sums the workbook's other sheets, as a förbund's template names it beside a sheet per year
_SUMMARY_SHEET = re.compile(r"\s*(?:sammanställning|sammanfattning|summering|summa|totalt?|total\s+summa|översikt"
                            r"|alla\s+år|summary|overview|totals?|all\s+years)\b", re.IGNORECASE)


def _read(path: Path, spec: S.TableSpec, params: ProjectParams, table: str, problems: list[Problem],
          warn: list[Problem], wanted: list[str] | None = None,
          header_like: Callable[[str], bool] | None = None) -> RawTable | None:
    """Read one file; problems that stop reading it are collected, not raised. A personnummer in
    any cell or heading is a problem of the file, its number taken out (:func:`_check_pseudonymous`).
    ``wanted``: the column names that find the header row (default: the spec's required ones);
    ``header_like``: other cells that count as headings there (:func:`evaltools.data.reading.read_table`);
    by default a contract column's heading in other words (``Kön``, ``Startdatum``), so that a header row in
    Swedish below a title row is found, and its headings named in the messages, rather than the title."""
    try:
        raw = read_table(path, wanted or spec.required, params.data.excel_sheet, table,
                         tuple(c.name for c in spec.columns), header_like or _other_words(spec))
    except DataValidationError as e:
        problems.extend(e.problems)
        return None
    problems.extend(raw.errors)
    warn.extend(raw.notes)
    if alike := sheets_alike(path, raw.source, [str(c) for c in raw.frame.columns]):
        # the same list on a sheet per year: one is read, and the others' rows would be left out without a word,
        # unless the params file names the sheet to read (the evaluator's choice, said to them)
        read = quote(sheet_read(path, raw.source))
        # (a sheet per year of a long project: the first three and the last, not 60 names twice in one message)
        sheets = ", ".join([*(quote(n) for n in alike[:3]), "…", quote(alike[-1])] if len(alike) > 5
                           else [quote(n) for n in alike])
        if params.data.excel_sheet == 0 and _SUMMARY_SHEET.match(sheet_read(path, raw.source)):
            # (the sheet read sums the others, as a förbund's 'Sammanställning' does its year sheets: its rows copied
            # beside theirs would count every krona twice)
            problems.append(problem(raw.source, None, None, None, "sheet.alike_summary", read=read, sheets=sheets))
        elif params.data.excel_sheet == 0:
            problems.append(problem(raw.source, None, None, None, "sheet.alike", read=read, sheets=sheets))
        else:
            warn.append(problem(raw.source, None, None, None, "sheet.alike_named", "info", "sheets_alike",
                                read=read, sheets=sheets))
    # a personnummer refuses the project (load_project raises PersonalIdentityNumberError), reported
    # with every other problem of the file; the number itself is taken out first and never echoed
    # (a heading the params file's data.columns reads as a contract column, kept casefolded, is no column of the
    # evaluator's own: a personnummer typed in it, a note under the list in 'Löpnr', is not answered 'delete the column';
    # nor is a contract column in other words, 'Deltagar-ID': the message to write data.columns names it, and a
    # personnummer there is answered 'write a project code', not 'delete the column')
    other_words = _other_words(spec)
    problems.extend(_check_pseudonymous(raw, raw.source, (*(c.name for c in spec.columns), *params.data.columns,
                                                          *(str(h) for h in raw.frame.columns if other_words(str(h))))))
    if spec is S.BUDGET_TABLE and S.CATEGORY in raw.frame:
        # (a budget line's name is printed in the report as written: a consultant's or a contact's phone number in it,
        # 'Konsult (kontakt 070-123 45 67)', is published; the amounts and periods beside it are not searched, where
        # figures and dates would be false alarms)
        cells = raw.frame[S.CATEGORY]
        for i in [i for i, v in cells.items() if find_phone(v)]:
            problems.append(problem(raw.source, int(raw.file_rows[list(cells.index).index(i)]),
                                    raw.column_of(S.CATEGORY, list(cells.index).index(i)), None, "person.phone"))
            raw.frame.loc[i, S.CATEGORY] = ""
    problems.extend(_check_control_characters(raw, raw.source))
    if len(raw.frame) == 0:
        _other_sheets(raw, problems)
    return raw


def _other_sheets(raw: RawTable, problems: list[Problem]) -> None:
    """A workbook whose sheet read has no rows or lacks a column: the data may be on another sheet,
    under a name that is not guessed. One line naming the other sheets and the names that are read (once: an
    empty sheet read both has no rows and lacks every column; none where the sheets alike are named already)."""
    if raw.file_sheets and not any(p.key in ("sheet.others", "sheet.others_one", "sheet.alike", "sheet.alike_summary")
                                   and p.file == raw.source
                                   for p in problems):
        # (one other sheet is 'bladet', not 'bladen')
        problems.append(problem(raw.source, None, None, None,
                                "sheet.others_one" if len(raw.other_sheets) == 1 else "sheet.others",
                                sheets=", ".join(f"'{n}'" for n in raw.other_sheets),
                                names=" / ".join(f"'{n}'" for n in raw.file_sheets)))


# in a column whose values tell persons or groups apart (an id, a municipality), also the characters that take no
# room (a zero-width space or joiner, a word joiner, a byte-order mark) and those that turn the direction text is
# shown in (an override, embedding or isolate): 'P00\u200b3' shows as P003 and is another person, and a municipality
# written '\u202eåmirT' shows as Timrå and is another group, in the report and in every message that names it; so is
# 'Timrå' with a direction mark (U+200E, U+200F, U+061C) after it, which a text pasted from a web page or a chat
# brings along and which Excel does not show
_HIDDEN_IN_KEY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_KEY_COLUMNS = frozenset({S.PERSON_ID, S.HOUSEHOLD_ID, S.MUNICIPALITY, "respondent_id"})
# a line break inside an id or a municipality (Alt+Enter in its cell, 'P' over '1'): another person or group than the
# value written on one line, which the other files write; a break around the value is no part of it (read without it)
_LINE_IN_KEY = re.compile(r"[\r\n\u2028\u2029\x85]")


def _check_control_characters(raw: RawTable, fname: str) -> list[Problem]:
    """Every cell and column heading holding an invisible control character (BEL, NUL, ...), and every id or
    municipality holding a character of no width (U+200B) or one that turns the direction text is shown in (U+202E),
    named by its code point, never echoed; and every id or municipality with a line break inside it (Alt+Enter), shown
    as its cell looks (``'P⏎1'``)."""
    found = []
    for c in raw.frame.columns:
        m = CONTROL.search(str(c))
        if m:
            found.append(problem(fname, None, CONTROL.sub("", str(c)).strip() or "?", None, "cell.control",
                                 code=f"U+{ord(m.group()):04X}"))  # (the heading as it looks)
            continue
        s = raw.frame[c]
        key = str(c).strip().casefold() in _KEY_COLUMNS
        hidden = _HIDDEN_IN_KEY if key else CONTROL
        if key and _LINE_IN_KEY.search("".join([v for v in s.unique().tolist() if isinstance(v, str)])):
            broken = s.str.contains(_LINE_IN_KEY, regex=True, na=False) & ~s.str.contains(hidden, regex=True, na=False)
            found += [problem(fname, int(raw.file_rows[i]), str(c), s.iloc[i], "cell.line_break_in_key")
                      for i in np.flatnonzero(broken.to_numpy()).tolist()]
        # one search of the column's text joined (a control character is one character: joining makes
        # none), and the cells one by one only where it finds one
        if not hidden.search("".join([v for v in s.unique().tolist() if isinstance(v, str)])):
            continue
        hits = s.str.contains(hidden, regex=True, na=False).to_numpy()
        for i in np.flatnonzero(hits).tolist():
            m = hidden.search(s.iloc[i])
            found.append(problem(fname, int(raw.file_rows[i]), str(c), None, "cell.control",
                                 code=f"U+{ord(m.group()):04X}" if m else "?"))
    return found


def empty_table(spec: S.TableSpec) -> pd.DataFrame:
    return pd.DataFrame({c.name: pd.Series(dtype="datetime64[ns]" if c.kind in ("date", "month") else
                                           "float64" if c.kind in ("int", "amount", "signed_amount") else "object")
                         for c in spec.columns})


def _number_ids(raw: RawTable, fname: str, warn: list[Problem]) -> None:
    """One note per file when Excel stored person ids as numbers (leading zeros may be lost)."""
    cells = raw.number_cells.get(S.PERSON_ID)
    if cells is not None and cells.any():
        i = int(np.flatnonzero(cells)[0])
        warn.append(problem(fname, int(raw.file_rows[i]), S.PERSON_ID, None, "person.id_number", "warning"))


def _header_like(spec: S.TableSpec, params: ProjectParams) -> Callable[[str], bool]:
    """Whether a cell is a heading of ``spec``'s file: one of its columns in other words
    (:func:`_other_words`), or a heading the params file's ``data.columns`` reads as a column (a follow-up or
    finance system's own), so that a header row of such headings below a title row is found."""
    other_words = _other_words(spec)
    own = params.data.columns
    return lambda cell: other_words(cell) or " ".join(cell.split()).casefold() in own


def load_persons(path: Path, params: ProjectParams, problems: list[Problem], is_comparison: bool,
                  warn: list[Problem]) -> pd.DataFrame:
    own = params.data.columns  # a follow-up system's own headings, read as the params file says
    raw = _read(path, S.PARTICIPANTS, params, "comparison" if is_comparison else "participants", problems, warn,
                header_like=_header_like(S.PARTICIPANTS, params))
    if raw is None:
        return empty_table(S.PARTICIPANTS)
    fname = raw.source
    hidden, read_notes = raw.hidden_headings, raw.notes  # (as the file was read: its columns are renamed below)
    if not is_comparison:  # (the template's example row written over with a person: never read, said)
        warn.extend(_person_rows_above(path, raw, fname))
    raw, units = units_row(raw, fname)
    warn.extend(units)
    raw, pages = page_breaks(raw, fname)
    warn.extend(pages)
    raw, tables = second_table(raw, fname)  # (a count made under the list: one message, not one per cell)
    problems.extend(tables)
    if len(raw.frame) == 0:  # (after a row of units, which is no person: a file of it alone lists no one)
        # (not where the sheet read was the first for want of one named for the file, an instruction page before a
        # sheet 'Blad1': the message naming the other sheets says where the rows are, and 'delete data.participants'
        # beside it would tell the evaluator to drop the data)
        if not (raw.file_sheets and any(p.key in ("sheet.others", "sheet.others_one") and p.file == raw.source
                                        for p in problems)):
            problems.append(problem(fname, None, None, None, "rows.none"))
        return empty_table(S.PARTICIPANTS)
    raw = _own_headings(raw, params, fname, problems, warn)
    # (the cells' messages from here on: named by the file's own headings where data.columns read them, below)
    cells_from, warn_from = len(problems), len(warn)
    several = False
    if not is_comparison:
        raw, several = _project_insats(raw, params, fname, problems, warn)
    raw, named = _numbered_enrolments(raw, fname, problems, warn)
    raw = _misregistered(raw, fname, warn)
    raw = _translated_codes(raw, params, fname, warn, unused=not is_comparison)
    raw, groups = _age_groups(raw, fname, warn)
    raw = _household_unknown(raw, fname, warn)
    _number_ids(raw, fname, warn)
    # (read for a goal counted months after exit; a comparison file's are never read)
    followed = set() if is_comparison else followup_headings_read(raw.frame.columns, params)
    warn.extend(unread_columns(raw, S.PARTICIPANTS, fname, followed))
    hidden_unread(hidden, set(_unread_headings(raw, S.PARTICIPANTS)) - followed, warn, read_notes)
    _formulas_unread(raw, S.PARTICIPANTS, fname, problems)
    problems.extend(_long_texts(raw, fname))
    warn.extend(_note_rows(raw, S.PARTICIPANTS, fname))
    raw, below = notes_below(raw, fname)  # (after the notes in the evaluator's own columns, which say so)
    warn.extend(below)
    if not is_comparison:
        problems.extend(_columns_goals_count(raw, params, fname))
    first = len(problems)
    df, refused = _validate(raw, S.PARTICIPANTS, problems, fname, warn, own)
    problems.extend(_free_text_codes(raw, fname))
    if groups is not None:  # (ages given as groups: a goal's group of an age reads them, as the analyses do)
        df[S.AGE_GROUP] = groups.where(groups != "", S.UNKNOWN).to_numpy()
    if not is_comparison:
        problems.extend(_goals_of_a_group(df, params, fname))
        problems.extend(_levels_by_municipality(df, raw.file_rows, params, fname))
    # (a column named by its numbered headings in other words has that message, not 'missing' as well)
    problems[first:] = [p for p in problems[first:] if not (p.key == "column.missing" and p.column in named)]
    problems[first:] = _headings_to_map(problems[first:], [str(h) for h in raw.frame.columns], fname, bool(own),
                                        raw.frame, params.data.codes, is_comparison, raw.file_rows)
    if groups is not None:
        df[S.AGE_GROUP] = groups.where(groups != "", S.UNKNOWN).to_numpy()
    at = len(problems)
    _check_persons(df, refused, raw.file_rows, fname, params, problems, is_comparison)
    if raw.coloured:  # (an outcome given by the cell's colour, 'grön = arbete': the message says a colour is not read)
        problems[at:] = [dataclasses.replace(p, key="person.no_outcome_coloured", code="person.no_outcome_coloured",
                                             expected=message("person.no_outcome_coloured", "en"))
                         if p.key == "person.no_outcome" and p.row is not None and _coloured(raw, p.row, S.OUTCOME)
                         else p for p in problems[at:]]
    problems[at:] = _rows_per_contact(problems[at:], df, raw.file_rows, fname)
    if several:  # (the insatser's spells overlap as one person's: the message naming the insatser says why)
        problems[at:] = [p for p in problems[at:] if p.key not in ("person.overlap", "person.duplicate",
                                                                     "person.same_person")]
    if not is_comparison and params.last_intake is not None:
        late = df[S.START_DATE].notna() & (df[S.START_DATE] > pd.Timestamp(params.last_intake))
        for i in np.flatnonzero(late.to_numpy()).tolist():
            warn.append(problem(fname, int(raw.file_rows[i]), S.START_DATE, _iso(df[S.START_DATE].iloc[i]),
                                "person.after_last_intake", "warning", "after_last_intake",
                                last_intake=params.last_intake.isoformat()))
    if not is_comparison and (prestudy := params.period.prestudy) is not None:
        # (a participant who began in the pre-study is counted, in the whole period, as the pre-study's: told once)
        early = df[S.START_DATE].notna() & (df[S.START_DATE] <= pd.Timestamp(prestudy[1])) \
            & (df[S.START_DATE] >= pd.Timestamp(prestudy[0]))
        at_rows = [int(raw.file_rows[i]) for i in np.flatnonzero(early.to_numpy()).tolist()]
        if at_rows:
            warn.append(problem(fname, at_rows[0], S.START_DATE, None, "person.start_in_prestudy", "warning",
                                "start_in_prestudy", n=len(at_rows), rows=", ".join(map(str, at_rows[:10]))
                                + (" …" if len(at_rows) > 10 else ""), first=prestudy[0].isoformat(),
                                last=prestudy[1].isoformat(), implementation=params.period.years_start.isoformat()))
    if not is_comparison:
        warn.extend(_open_after_end(df, raw.file_rows, fname, params))
        warn.extend(_two_ids(df, raw.file_rows, fname))
        warn.extend(_household_disagrees(df, raw.file_rows, fname))
        warn.extend(followup_figures(raw.frame, df, params, fname))
        for p in followup_outcomes(raw.frame, df, raw.file_rows, params, fname):
            (problems if p.severity == "error" else warn).append(p)
        warn.extend(_goals_read_on_words(df, params, fname))  # (after the follow-up column a goal counts is read)
        warn.extend(_goals_steps_with_benefits(df, params, fname))
    problems[cells_from:] = _by_file_headings(problems[cells_from:], raw, fname)
    warn[warn_from:] = _by_file_headings(warn[warn_from:], raw, fname)
    df.attrs["file_rows"] = raw.file_rows
    df.attrs["source"] = fname
    if raw.headings:  # (a later note about a column names the file's heading, as the notes here do)
        df.attrs["headings"] = dict(raw.headings)
    return df


# the messages about a column data.columns reads, not about the file's cells: they speak of the contract's column, as
# the params line does
_MAPPING_KEYS = frozenset({"column.own_heading_absent", "column.own_headings_one_column", "column.own_heading_twice",
                           "column.missing", "column.missing_heading"})


def _by_file_headings(found: list[Problem], raw: RawTable, fname: str) -> list[Problem]:
    """A person file's messages about its cells and columns named by the heading the evaluator sees in the file
    ('Startdatum') where ``data.columns`` read it as a contract column (``start_date``), as a payments or register
    file's cells are (:func:`_own_headings`): one way for every file. A message about the reading itself (a heading
    the file lacks, one read twice) keeps the contract's name, which is what the params line speaks of."""
    if not raw.headings:
        return found
    return [dataclasses.replace(p, column=raw.headings[p.column])
            if p.file == fname and p.column in raw.headings and p.key not in _MAPPING_KEYS else p for p in found]


def _own_headings(raw: RawTable, params: ProjectParams, fname: str, problems: list[Problem],
                  warn: list[Problem], specs: tuple[S.TableSpec, ...] = (S.PARTICIPANTS,)) -> RawTable:
    """A person file (``specs``: the participants', a payments file's two layouts or a register file) with its own headings read as
    the contract's columns, as the params file's ``data.columns`` says (a follow-up system's export: ``'Kön': sex``;
    a finance system's ``'Utbetalt belopp (kr)': amount``), matched whatever their letter case and spaces; only
    the headings read as one of ``specs``' columns, the one mapping serving every file. A note for the evaluator
    names each, and, for the participants, one for the report names the column read as the outcome (the follow-up
    system has none of its own: the evaluator chose it). A heading so read beside a column that already has the
    contract's name, or two of the file's headings read as one column, are refused (which one holds is not
    guessed)."""
    own = params.data.columns
    if not own:
        return raw
    names = {c.name for spec in specs for c in spec.columns} | ({S.EXIT_REASON} if S.PARTICIPANTS in specs else set())
    rename = {h: own[k] for h in raw.frame.columns if (k := " ".join(str(h).split()).casefold()) in own
              and own[k] in names}
    clash = [h for h, c in rename.items() if c in raw.frame.columns and c not in rename]
    for h in clash:
        problems.append(problem(fname, None, rename[h], None, "column.own_heading_twice", heading=h, column=rename[h]))
        del rename[h]
    by_column: dict[str, list[str]] = {}
    for h, c in rename.items():
        by_column.setdefault(c, []).append(str(h))
    for c, hs in by_column.items():
        if len(hs) > 1:  # ('Löpnummer' and 'Deltagar-ID' both in one file, both read as person_id)
            problems.append(problem(fname, None, c, None, "column.own_headings_one_column", column=c,
                                    headings=", ".join(f"'{h}'" for h in hs)))
            for h in hs[1:]:  # (the first kept, so that the column is not also said to be missing: one message)
                del rename[h]
    if not rename:
        return raw
    warn.append(problem(fname, None, None, None, "person.columns_read", "info", "columns_read",
                        pairs="; ".join(f"'{h}' → {c}" for h, c in rename.items())))
    # (a column headed as the outcome, 'Utfall' or 'Avslutsorsak', is the system's own: no choice of the evaluator's
    # to tell the board, and no word that the system registers none)
    outcome = [h for h, c in rename.items() if c == S.OUTCOME and _folded(str(h)) not in _HEADINGS_FOR_COLUMNS[S.OUTCOME]]
    if outcome:
        warn.append(problem(fname, None, S.OUTCOME, None, "person.outcome_from", "warning", "outcome_from",
                            heading=outcome[0]))
    # a file's cell messages name its own heading ('Belopp', 'Startdatum'), as they name a reshaped file's
    headings = raw.headings | {c: str(h) for h, c in rename.items()}
    return dataclasses.replace(raw, frame=raw.frame.rename(columns=rename), headings=headings,
                               number_cells={rename.get(c, c): v for c, v in raw.number_cells.items()},
                               cell_columns={rename.get(c, c): v for c, v in raw.cell_columns.items()},
                               date_cells={rename.get(c, c): v for c, v in raw.date_cells.items()},
                               percent_cells={rename.get(c, c): v for c, v in raw.percent_cells.items()})


def _own_headings_absent(found: list[Problem], raw: RawTable, params: ProjectParams, fname: str) -> list[Problem]:
    """A column still missing that ``data.columns`` reads from a heading the file does not have (spelt otherwise
    there, or the heading of another file): instead of 'the column is missing', the message names the line of the
    params file, the file's headings and what to write."""
    folded = {" ".join(str(h).split()).casefold() for h in raw.frame.columns}
    out = []
    for p in found:
        named = [h for h, c in params.data.columns.items() if c == p.column and h not in folded]
        found_in = ", ".join(f"'{raw.headings.get(h, h)}'" for h in raw.frame.columns)
        if p.key in ("column.missing", "column.missing_heading") and named and found_in:
            out.append(problem(fname, None, p.column, None, "column.own_heading_absent", column=p.column,
                               headings=", ".join(f"'{h}'" for h in named), found=found_in))
        else:
            out.append(p)
    return out


# the heading of a follow-up system's column naming each row's insats (a SUS report of a förbund's insatser)
_INSATS_HEADINGS = ("insats", "insatsnamn", "insatsens namn", "namn på insats")
_ROWS_KEY = {False: "person.insats_rows", True: "person.insats_row"}


def _project_insats(raw: RawTable, params: ProjectParams, fname: str, problems: list[Problem],
                    warn: list[Problem]) -> tuple[RawTable, bool]:
    """The participants file with only the project's insats, when it lists several in a column ``Insats``
    (a SUS report of the förbund's insatser): the params file's ``data.insats`` names the project's, matched
    whatever its letter case and spaces around it, and the other insatser's rows are left out with one
    data-quality note saying how many (a row with an empty cell there is read: it is no other insats's).
    Without ``data.insats``, a file with two or more insatser gets one message listing them, with their rows,
    and the line to write; the second value says so (each person's spells in two insatser would otherwise be
    refused row by row as overlapping enrolments). ``data.insats`` that names none of the file's insatser, or
    a file without such a column, is refused."""
    wanted = params.data.insats
    headings = [h for h in raw.frame.columns if " ".join(str(h).split()).casefold() in _INSATS_HEADINGS]
    if not headings:
        if wanted is not None:
            problems.append(problem(fname, None, None, None, "person.insats_no_column", insats=quote(wanted),
                                    headings=", ".join(f"'{h.capitalize()}'" for h in _INSATS_HEADINGS[:2])))
        return raw, False
    heading = str(headings[0])
    cells = raw.frame[headings[0]].astype(str).str.strip()
    # (spaces inside a name folded as the params value's are: a no-break or double space typed in the file)
    folded = cells.map(lambda c: " ".join(c.split())).str.casefold()
    counts = folded[folded != ""].value_counts(sort=False)
    shown = {f: cells[folded == f].iloc[0] for f in counts.index}  # (each insats as the file first writes it)
    listed = {lang: ", ".join(f"{quote(shown[f])} ({message(_ROWS_KEY[n == 1], lang, n=_sek(int(n)))})"
                              for f, n in counts.items()) for lang in ("sv", "en")}
    if wanted is None:
        if len(counts) < 2:
            return raw, False
        title = params.title.strip().casefold()
        best = next((f for f in counts.index if f == title), str(counts.idxmax()))  # (a suggestion to check)
        problems.append(problem(fname, None, heading, None, "person.insatser", column=heading, n=len(counts),
                                found_sv=listed["sv"], found_en=listed["en"], insats=quote(shown[best])))
        return raw, True
    key = " ".join(wanted.split()).casefold()
    if key not in counts.index:
        problems.append(problem(fname, None, heading, None, "person.insats_unknown", column=heading,
                                insats=quote(wanted), found_sv=listed["sv"], found_en=listed["en"]))
        return raw, True
    keep = ((folded == key) | (folded == "")).to_numpy()
    others = [quote(shown[f]) for f in counts.index if f != key]
    if others:
        warn.append(problem(fname, None, heading, None, "person.other_insatser", "warning", "other_insatser",
                                n=_sek(int((~keep).sum())), insats=quote(shown[key]), others=", ".join(others)))
    frame = raw.frame.loc[keep].drop(columns=[headings[0]]).reset_index(drop=True)  # (read: not named as unread)
    return raw.rows_kept(keep, frame), False


def _misregistered(raw: RawTable, fname: str, warn: list[Problem]) -> RawTable:
    """The person file without its enrolments registered in error: an outcome or a reason for the exit
    (``data.columns`` naming ``exit_reason``: SUS's 'Avslutsanledning') that reads 'Felregistrering' is no
    participant's, so the row is left out of every count, with one data-quality note saying how many. The
    ``exit_reason`` column is read for that alone."""
    columns = [c for c in (S.OUTCOME, S.EXIT_REASON) if c in raw.frame.columns]
    if not columns:
        return raw
    wrong = np.zeros(len(raw.frame), bool)
    for c in columns:
        wrong |= (raw.frame[c].astype(str).str.strip().str.casefold() == S.FELREGISTRERING).to_numpy()
    keep = ~wrong
    frame = raw.frame.loc[keep].drop(columns=[S.EXIT_REASON], errors="ignore").reset_index(drop=True)
    if wrong.any():
        warn.append(problem(fname, int(raw.file_rows[wrong][0]), None, None, "person.misregistered", "warning",
                            "misregistered", n=int(wrong.sum())))
    return dataclasses.replace(raw, frame=frame, file_rows=raw.file_rows[keep],
                               number_cells={c: v[keep] for c, v in raw.number_cells.items() if c != S.EXIT_REASON},
                               cell_columns={c: v[keep] for c, v in raw.cell_columns.items() if c != S.EXIT_REASON})


def group_bands(groups: pd.Series) -> tuple[tuple[int, int, str], ...] | None:
    """The age bands of participants whose ages were given as groups (the labels :func:`_age_groups` wrote),
    for grouping comparison persons as they are; None when the ages were not groups."""
    bands = {b for g in groups.dropna().unique().tolist() if (b := age_group_bounds(str(g).replace("+", " och äldre")))}
    return tuple(sorted((lo, hi, group_label(lo, hi)) for lo, hi in bands)) or None


def _age_groups(raw: RawTable, fname: str, warn: list[Problem]) -> tuple[RawTable, pd.Series | None]:
    """An ``age`` column whose every filled cell is an age group (a SUS report's ages: '20–24', '25-29 år'), read
    as the groups: their labels (``'25–29'``, ``'65+'``) are returned for the breakdowns by age, the age in years
    is left unknown, and one data-quality note says so (an analysis that needs an age in years, the comparison
    group's weighting, counts without it). A column of ages in years, or of ages and groups mixed, is read (and
    refused) as before."""
    if S.AGE not in raw.frame.columns:
        return raw, None
    cells = raw.frame[S.AGE].astype(str).str.strip()
    unknown = cells.str.casefold().map(lambda v: _WORDS_FOR_CODES.get(v) == S.UNKNOWN or v == S.UNKNOWN)
    filled = cells[(cells != "") & ~unknown]  # ('Okänt', 'Uppgift saknas': an age not known, in either form)
    found = {v: age_group_bounds(v) for v in filled.unique().tolist()}
    bounds = {v: b for v, b in found.items() if b is not None}
    if not len(filled) or len(bounds) < len(found):
        return raw, None
    labels = cells.map(lambda v: group_label(*bounds[v]) if v in bounds else "")
    frame = raw.frame.copy()
    frame[S.AGE] = ""
    shown = sorted(set(labels[labels != ""]), key=lambda g: age_group_bounds(g.replace("+", " och äldre")) or (0, 0))
    warn.append(problem(fname, None, S.AGE, None, "person.age_groups", "warning", "age_groups",
                        groups=", ".join(shown)))
    return dataclasses.replace(raw, frame=frame), labels


def _household_unknown(raw: RawTable, fname: str, warn: list[Problem]) -> RawTable:
    """A person file without a household type (a SUS report records none) read with every household type
    unknown (``okänt``), with one data-quality note, rather than refused as a whole. A household type under
    another heading (``hushållstyp``, or spelt close to it) is still refused with the heading to write."""
    headings = [str(h) for h in raw.frame.columns]
    if S.HOUSEHOLD_TYPE in headings or _heading_for(S.HOUSEHOLD_TYPE, headings, S.PARTICIPANTS, close=True):
        return raw
    if not set(S.PARTICIPANTS.required) & set(headings) - {S.HOUSEHOLD_TYPE}:
        return raw  # (none of the contract's columns: a sheet of instructions, or headings in other words)
    frame = raw.frame.copy()
    frame[S.HOUSEHOLD_TYPE] = S.UNKNOWN
    warn.append(problem(fname, None, S.HOUSEHOLD_TYPE, None, "person.household_unknown", "warning",
                        "household_unknown"))
    return dataclasses.replace(raw, frame=frame)


# a SUS report's reason for an exit ('Avslutsanledning'), read for its 'Felregistrering' alone
_EXIT_REASON_HEADINGS = ("avslutsanledning", "avslutningsanledning")
# the follow-up system's columns one of which the evaluator names as the outcome at exit (it records none)
_OUTCOME_CHOICES = ("sysselsättningefter", "sysselsättningefterinsats", "försörjningefter", "försörjningefterinsats")


def _own_total_rows(frame: pd.DataFrame, headings: list[str], pairs: dict[str, str]) -> pd.Series:
    """The rows of a file under its own headings (``pairs``: each heading with its column) that hold a total label
    ('Totalt', 'Summa: 12') in the first column or the one the person id is read from: a total row under the persons."""
    ids = [h for h in headings[:1] + [h for h in headings if pairs.get(h) == S.PERSON_ID] if h in frame.columns]
    total = pd.Series(False, index=frame.index)
    for h in dict.fromkeys(ids):
        total |= per_distinct(frame[h].fillna("").astype(str), lambda u: u.str.strip().str.rstrip(":").str.lower()
                              .map(_is_total_label)).astype(bool)
    return total


def _total_label_of(row: pd.Series) -> str:
    """The first cell of a total row that holds its label, as written ('Totalt')."""
    return next((str(v).strip() for v in row.tolist()
                 if _is_total_label(str(v).strip().rstrip(":").lower())), "")


def _codes_to_write(pairs: dict[str, str], headings: list[str], frame: pd.DataFrame,
                    known: dict[str, dict[str, str]]) -> str:
    """The ``data.codes`` line for the code columns of a ``data.columns`` line not yet written (``pairs``: each
    heading with its column): each column's texts that are no code in any letter case (nor ``Felregistrering``,
    nor a text ``known`` already translates), in the file's order, with the code each probably means or ``?``.
    Empty when no text needs a translation."""
    specs = {c.name: c for c in S.PARTICIPANTS.columns if c.kind == "code"}
    # (a total row under the persons, 'Totalt' and its count beside it, is a row to delete, told so on its own: its
    # count is no text of a code column)
    total = _own_total_rows(frame, headings, pairs)
    parts = []
    for h in headings:
        col = specs.get(pairs.get(h, ""))
        if col is None or h not in frame.columns:
            continue
        cells = frame.loc[~total, h].fillna("").astype(str).str.strip()
        folded = cells.str.casefold()
        done = set(known.get(col.name, {}))
        texts = list(dict.fromkeys(cells[(cells != "") & ~folded.isin([*col.vocab, S.FELREGISTRERING, *done])]))
        if texts:
            shown = texts[:12]
            parts.append(f"{col.name}: {{" + ", ".join(f"'{t}': {_suggested_code(t, col)}" for t in shown)
                         + (", ..." if len(texts) > len(shown) else "") + "}")
    return "{" + ", ".join(parts) + "}" if parts else ""


def _headings_to_map(found: list[Problem], headings: list[str], fname: str, mapping: bool = False,
                     frame: pd.DataFrame | None = None, known: dict[str, dict[str, str]] | None = None,
                     comparison: bool = False, file_rows=None) -> list[Problem]:
    """Three or more of the contract's columns under headings in other words (a follow-up system's export,
    a SUS report) as one message with the lines to write once in the params file (``data.columns``), instead of
    a message per heading; with a ``data.columns`` already written (``mapping``), any such heading, as the
    headings to add to it. A column the export has no heading for stays a message of its own. The outcome at
    exit, which SUS does not record, is suggested as the occupation after ('Sysselsättning efter'), to confirm
    or change: the message says so; never read by a guess."""
    keys: tuple[str, ...] = ("column.missing_heading", "column.optional_heading")
    pairs = {str(dict(p.values)["heading"]): str(dict(p.values)["column"]) for p in found if p.key in keys}
    if len(pairs) < (1 if mapping else 3):
        return found
    # (a 'Status' told as the outcome is a line of the same block: one message, not two)
    keys = (*keys, "column.status_outcome")
    pairs.update({str(dict(p.values)["heading"]): S.OUTCOME for p in found if p.key == "column.status_outcome"
                  and dict(p.values)["heading"] in headings})
    pairs.update({h: S.EXIT_REASON for h in headings if _folded(h) in _EXIT_REASON_HEADINGS})
    chosen = ""
    if S.OUTCOME not in pairs.values() and not mapping:
        choices = sorted((h for h in headings if _folded(h) in _OUTCOME_CHOICES),
                         key=lambda h: _OUTCOME_CHOICES.index(_folded(h)))
        if choices:
            chosen = choices[0]
            pairs = {h: c for h, c in pairs.items() if h != chosen} | {chosen: S.OUTCOME}
    mapped = set(pairs.values())
    rest = [p for p in found if p.key not in keys and not (
        p.key == "column.missing" and (p.column in mapped or p.column == S.HOUSEHOLD_TYPE  # (read as okänt)
                                       or (p.column == S.BIRTH_YEAR and S.AGE in mapped)))]
    block = ", ".join(f"'{h}': {pairs[h]}" for h in headings if h in pairs)  # (in the file's order)
    key = "column.own_headings_outcome" if chosen else (
        "column.own_headings" if S.OUTCOME in mapped else "column.own_headings_no_outcome")
    if mapping:  # (the outcome, if still missing, is its own message: the evaluator's data.columns names none)
        key = "column.own_headings_more"
    others = [h for h in headings if _folded(h) in _OUTCOME_CHOICES and h != chosen]
    # the data.codes line in the same message, from the texts under the headings just named: one validate, not two
    codes = "" if mapping or frame is None else _codes_to_write(pairs, headings, frame, known or {})
    said = {lang: message("column.own_headings_codes", lang, block=codes) if codes else "" for lang in ("sv", "en")}
    # (the comparison group's file is read with the participants' columns, and named as what it is)
    which = {lang: message("column.comparison_file" if comparison else "column.participants_file", lang)
             for lang in ("sv", "en")}
    # (a total row under the persons is told in the same run, as a row to delete, not after the headings are read)
    totals = [] if mapping or frame is None or file_rows is None else [
        problem(fname, int(file_rows[i]), None, _total_label_of(frame.iloc[i]), "row.total")
        for i in np.flatnonzero(_own_total_rows(frame, headings, pairs).to_numpy()).tolist()
        if not any(p.key == "row.total" and p.row == int(file_rows[i]) for p in rest)]
    return [problem(fname, None, None, None, key, block=block, heading=chosen,
                    other=f"'{others[0]}'" if others else "'Försörjning efter'", codes_sv=said["sv"],
                    codes_en=said["en"], persons_file_sv=which["sv"], persons_file_en=which["en"]), *rest, *totals]


def _translated_codes(raw: RawTable, params: ProjectParams, fname: str, warn: list[Problem],
                      unused: bool = True) -> RawTable:
    """The participants file with a case system's texts in its code columns translated to codes, as the
    params file's ``data.codes`` says (matched whatever their letter case and spaces around), and a
    data-quality note per column naming each text, its code and how many cells. Nothing else is translated:
    a text the params file does not name is refused as before (:func:`_free_text_codes`). With ``unused``
    (the project's own participants, not a comparison group's), a note names each entry that translates
    nothing: a column the file lacks, or a text in no row (a spelling that differs from the file's)."""
    frame = None
    for column, texts in params.data.codes.items():
        if column not in raw.frame.columns and texts and unused:
            warn.append(problem(fname, None, None, None, "person.codes_no_column", "warning", "codes_unused",
                                column=column))
        if column not in raw.frame.columns or not texts:
            continue
        cells = raw.frame[column].fillna("").astype(str)
        # (spaces one each: a no-break space pasted from a web page or Word, 'Avslutad\xa0– arbete', or two spaces, look
        # like the params file's text in the message and would not be it)
        folded = cells.str.replace(r"\s+", " ", regex=True).str.strip().str.casefold()
        hit = folded.isin(list(texts))
        for text in (t for t in texts if unused and not (folded == t).any()):
            warn.append(problem(fname, None, column, None, "person.codes_no_row", "warning", "codes_unused",
                                column=column, text=quote(text)))
        if not hit.any():
            continue
        frame = raw.frame.copy() if frame is None else frame
        frame.loc[hit, column] = folded[hit].map(texts)
        # (each text with its code, as written in the file; no count per text: a count of an outcome is shown
        # only where small counts are hidden)
        pairs = [f"'{cells[hit & (folded == t)].iloc[0].strip()}' → {code}"
                 for t, code in texts.items() if (hit & (folded == t)).any()]
        warn.append(problem(fname, None, None, None, "person.codes_read", "warning", "codes_translated",
                            column=column, pairs="; ".join(pairs)))
    return raw if frame is None else dataclasses.replace(raw, frame=frame)


def _free_text_codes(raw: RawTable, fname: str) -> list[Problem]:
    """One message per code column holding three or more different texts that are no codes (a case system's
    reasons written out: 'Fått anställning', 'Börjat studera'), or fewer where one of them is written in three rows
    or more (a project's own 'SFI', 'Praktik'): besides each cell's message, what to write
    once in the params file (``data.codes``) instead of in every row, with the code each text probably
    means where one is known, and a ``?`` where it is not. Never a guess read in the text's place."""
    found = []
    # (a total row's cells are no texts to translate: its count under 'Avslutsorsak' is refused with the row)
    total = per_distinct_cells(raw.frame.fillna("").astype(str), lambda u: u.str.strip().str.rstrip(":").str.lower()
                               .map(_is_total_label).astype(bool)).any(axis=1)
    for col in S.PARTICIPANTS.columns:
        if col.kind != "code" or col.name not in raw.frame.columns:
            continue
        cells = raw.frame.loc[~total, col.name].fillna("").astype(str).str.strip()
        bad = cells[(cells != "") & ~cells.str.lower().isin(col.vocab)]
        # (a status that is no outcome, 'Pågår', has its own message and no code to translate it to)
        texts = [t for t in dict.fromkeys(bad) if _code_hint(t, col)[0] not in _STATUS_HINTS]
        # (a slip or two is answered cell by cell; two texts that fill the whole column, a case system's 'K' and 'M'
        # for kvinna and man, are its way of writing the column, which one line translates for every export)
        whole = len(texts) == 2 and len(bad) >= 3 and len(bad) == int((cells != "").sum())
        # (nor is a text written in three rows or more, 'SFI' and 'Praktik' for the exits a project names its own
        # way: a system's word, translated once in the params file rather than in every row)
        repeated = any(int((bad == t).sum()) >= 3 for t in texts)
        if len(texts) < 3 and not whole and not repeated:
            continue
        shown = texts[:8]
        pairs = ", ".join(f"'{t}': {_suggested_code(t, col)}" for t in shown) + (", ..." if len(texts) > len(shown) else "")
        found.append(problem(fname, None, col.name, None,
                             "column.free_text_code_one" if len(texts) == 1 else "column.free_text_codes",
                             n=_sek(len(texts)), rows=_sek(int((bad == texts[0]).sum())),
                             column=col.name, texts=", ".join(f"'{t}'" for t in shown)
                             + (", ..." if len(texts) > len(shown) else ""),
                             pairs=pairs, codes=", ".join(col.vocab)))
    return found


# a status column's exits, the exit's kind after a word for the exit ("Avslutad – arbete", "Utskriven: studier")
_EXIT_PREFIX = re.compile(r"\s*(?:avslutad|avslutat|avslut|utskriven|utskrivning|ended|exit)\s*[–—:,-]\s*(.+)", re.I)


def _suggested_code(text: str, col: S.ColumnSpec) -> str:
    """The code a text probably means (a suggestion in a message, never read in its place), or ``?``; a status
    column's exit ("Avslutad – arbete") by the words after the exit's ("arbete")."""
    key, vals = _code_hint(text, col)
    if key in ("hint.did_you_mean", "hint.label", "hint.named_funder"):
        return str(vals["code"])
    kind = _EXIT_PREFIX.fullmatch(text) if col.name == S.OUTCOME else None
    if kind is not None:
        rest = " ".join(kind.group(1).split())
        return rest.casefold() if rest.casefold() in col.vocab else _suggested_code(rest, col)
    return "?"


def _numbered_enrolments(raw: RawTable, fname: str, problems: list[Problem],
                         warn: list[Problem]) -> tuple[RawTable, set[str]]:
    """A person file with a row per person and numbered columns per enrolment (``start_date 1``,
    ``end_date 1``, ``outcome 1``, ``start_date 2``, ...) as one row per enrolment, with a data-quality note
    (:mod:`evaltools.data.enrolment_shapes`); the same groups headed in other words (``Inskriven 1``) give
    one message per column with the headings to write. Returns the table and the columns so named."""
    words = {c: _HEADINGS_FOR_COLUMNS.get(c, ()) for c in enrolment_shapes.PER_ENROLMENT}
    refused, named = enrolment_shapes.other_words_problems(raw, fname, words)
    problems.extend(refused)
    first = len(problems)
    read = enrolment_shapes.long_from_numbered(raw, fname, problems)
    if len(problems) > first:  # a column both plain and numbered: that message, not a missing column beside it
        named |= set(enrolment_shapes.numbered_groups([str(h) for h in raw.frame.columns]))
    if read is None:
        return raw, named
    raw, info = read
    warn.append(problem(fname, None, None, None, "person.numbered_read", "warning", "enrolments_numbered",
                        persons=info["persons"], enrolments=info["enrolments"]))
    return raw, named


def project_ended(params: ProjectParams) -> bool:
    """Whether the project had ended by the day its data were taken (``data_as_of`` on or after the end)."""
    return params.data_as_of is not None and params.data_as_of >= params.period.end


def _open_after_end(df: pd.DataFrame, file_rows: np.ndarray, fname: str, params: ProjectParams) -> list[Problem]:
    """One note naming how many enrolments have no end date in a project that had ended by ``data_as_of``
    (and their rows, for the evaluator): an enrolment cannot run on past the project, so each is to be
    checked and closed with its end date and outcome. Until then they count as not ended."""
    if not project_ended(params) or S.END_DATE not in df:
        return []
    open_ = (df[S.END_DATE].isna() & df[S.START_DATE].notna()).to_numpy()
    if not open_.any():
        return []
    rows = [int(file_rows[i]) for i in np.flatnonzero(open_)]
    shown = ", ".join(str(x) for x in rows[:10]) + (" …" if len(rows) > 10 else "")
    return [problem(fname, None, S.END_DATE, None, "person.open_after_end", "warning", "open_after_end",
                    n=len(rows), end=params.period.end.isoformat(), rows=shown)]


PLAUSIBLE_MONTHLY_SEK = (100, 100_000)  # försörjningsstöd to one household in one month, generously


# the column names that find a payments file's header row, whatever its shape (a household's id too: an economic-aid
# system's export of a column per month, whose month headings are date cells, has no other name on its header row)
_PAYMENT_HEADINGS = [S.PERSON_ID, S.MONTH, S.AMOUNT, S.PAYMENT_DATE, S.HOUSEHOLD_ID]


def load_payments(path: Path, params: ProjectParams, problems: list[Problem],
                   persons: pd.DataFrame | None, warn: list[Problem], table: str = "payments") -> pd.DataFrame:
    """A payments file as one row per person and month, in kr.

    The file may have the contract's shape (one row per person and month), one row per payment with
    its date (summed into months, repayments netted) or one column per month
    (:mod:`evaltools.data.payment_shapes`); ``data.payments_format`` in params says which, or
    ``auto`` finds it from the columns. Every shape is checked with the same messages, each naming
    the row and column of the file as the evaluator sees it.
    """
    raw = _read(path, S.PAYMENTS, params, table, problems, warn, _PAYMENT_HEADINGS,
                header_like=_header_like(S.PAYMENTS, params) if params.data.columns else None)
    if raw is None:
        return empty_table(S.PAYMENTS)
    fname = raw.source
    _format_units(raw, params, "comparison_payments" if table != "payments" else "payments", fname, problems)
    raw, pages = page_breaks(raw, fname)  # (a finance system's list saved page by page, as a case system's)
    warn.extend(pages)
    raw, tables = second_table(raw, fname)  # (a sum per person made under the list: one message, not one per cell)
    problems.extend(tables)
    first = len(problems)
    raw = _own_headings(raw, params, fname, problems, warn, (S.PAYMENTS, S.PAYMENTS_PER_PAYMENT))
    _hidden_payment_columns(raw, params, warn)
    if S.PERSON_ID not in raw.frame.columns and S.HOUSEHOLD_ID in raw.frame.columns:
        # (an economic-aid system's export: a row per household and month, no person)
        household_raw = _household_payments(raw, fname, persons, problems, warn, table != "payments")
        if household_raw is None:
            return empty_table(S.PAYMENTS)
        raw = household_raw
    _number_ids(raw, fname, warn)
    shape = payments_shape(list(raw.frame.columns), params.data.payments_format)
    start = len(problems)
    if shape == "per_payment":
        raw = _sum_payments(raw, fname, problems, warn,
                            params.data.unit("comparison_payments" if table != "payments" else "payments"))
    elif shape == "monthly" and S.AMOUNT in raw.frame and S.MONTH in raw.frame:
        raw = _net_repayments(raw, fname, problems, warn)
    elif shape == "wide" and (missing_id := _wide_without_id(raw, fname)) is not None:
        # (a column per month with its id under another heading, 'Hushålls-id': one message for the column, not 'the
        # cell is empty' in a person_id column the file does not have, row by row)
        problems.append(missing_id)
        return empty_table(S.PAYMENTS)
    elif shape == "wide":
        raw, info = long_from_wide(raw, fname, problems)
        if len(raw.frame) and len(problems) == start:
            warn.append(problem(fname, None, None, None, "payment.wide_read", "warning", "payments_wide",
                                **{k: _sek(v) if isinstance(v, int) else v for k, v in info.items()}))
    df, _refused = _validate(raw, S.PAYMENTS, problems, fname, warn,
                             unit=params.data.unit("comparison_payments" if table != "payments" else "payments"))
    problems[first:] = _file_headings_to_map(problems[first:], raw, params, fname,
                                             "comparison_payments" if table != "payments" else "payments")
    if shape == "wide":
        problems[start:] = _fold_repeats(problems[start:])
    if params.data.unit("comparison_payments" if table != "payments" else "payments") == "tkr":
        df[S.AMOUNT] = df[S.AMOUNT] * 1000
    lo = pd.Timestamp(params.period.start) - pd.DateOffset(years=10)
    hi = pd.Timestamp(params.period.end) + pd.DateOffset(years=10)
    m = df[S.MONTH]
    out = m.notna() & ((m < lo) | (m > hi))
    for i in np.flatnonzero(out.to_numpy()).tolist():
        problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(S.MONTH, i), raw.frame[S.MONTH].iloc[i],
                                "payment.month_range", lo=f"{lo:%Y-%m}", hi=f"{hi:%Y-%m}"))
    if not _check_amounts(df, raw, fname, problems, _unit_line(params, table)):
        _check_person_scale(df, raw, fname, warn)
    if persons is not None and len(persons):
        _check_payment_persons(df, raw, fname, persons, problems, warn)
    dupe = df.duplicated([S.PERSON_ID, S.MONTH], keep="first") & df[S.MONTH].notna()
    if shape == "wide":  # one row per person: a second row for a person repeats every month
        _wide_duplicates(df, raw, fname, problems)
    else:
        _duplicate_rows(dupe, raw, fname, problems, raw.column_of, "payment.duplicate")
    return df


# the rows of one file a repeated person and month is named at, one problem each; the rest are counted in one more
# (an export of one row per payment repeats each person's month on thousands of rows: a problem per row of a file of
# five million took minutes and gigabytes to word, for a message that lists five)
DUPLICATES_NAMED = 1_000


def _duplicate_rows(dupe: pd.Series, raw: RawTable, fname: str, problems: list[Problem],
                    column: Callable[[str, int], str], key: str) -> None:
    """A problem ``key`` at each row of ``dupe`` (a person's month that a row above already has), the first
    :data:`DUPLICATES_NAMED` of them, and one that counts the rest (``payment.duplicate_more``)."""
    rows = np.flatnonzero(dupe.to_numpy())
    if not len(rows):
        return
    months = raw.frame[S.MONTH]
    for i in rows[:DUPLICATES_NAMED].tolist():
        problems.append(problem(fname, int(raw.file_rows[i]), column(S.MONTH, i), months.iloc[i], key))
    if len(rows) > DUPLICATES_NAMED:
        rest = rows[DUPLICATES_NAMED:]
        listed = ", ".join(str(int(raw.file_rows[i])) for i in rest[:20].tolist()) + (" …" if len(rest) > 20 else "")
        problems.append(problem(fname, int(raw.file_rows[rest[0]]), column(S.MONTH, int(rest[0])), None,
                                "payment.duplicate_more", n=f"{len(rest):,}".replace(",", "\u00a0"), rows=listed))


def _wide_without_id(raw: RawTable, fname: str) -> Problem | None:
    """A payments file of a column per month with neither ``person_id`` nor ``household_id``: the id column missing,
    named with the file's heading that is probably it (``Hushålls-id`` for household_id, ``Löpnummer`` for person_id)
    and the heading to write; None where the file has one of them."""
    headings = [str(h) for h in raw.frame.columns]
    if S.PERSON_ID in headings or S.HOUSEHOLD_ID in headings:
        return None
    found = ", ".join(shorten(raw.headings.get(c, c)) for c in headings)
    for column in (S.PERSON_ID, S.HOUSEHOLD_ID):
        if (heading := _heading_for(column, headings, S.PAYMENTS, close=True)) is not None:
            return problem(fname, None, column, None, "column.missing_heading", column=column, heading=heading,
                           found=found)
    return problem(fname, None, S.PERSON_ID, None, "column.missing", column=S.PERSON_ID, found=found,
                   found_sv=found, found_en=found)


def _percents_shown(raw: RawTable) -> RawTable:
    """The numbers Excel shows as percents written as it shows them, '20 %' (read as 20 otherwise), so that in a
    budget's amount columns, a row per line or a column per year, they are refused as the share they are, not read
    as kronor: a post's share of full time (tjänstgöringsgrad) put where its cost goes."""
    if not raw.percent_cells:
        return raw
    frame = raw.frame.copy()
    for column, cells in raw.percent_cells.items():
        if column in frame.columns and len(cells) == len(frame):
            at = cells & (frame[column].astype(str) != "").to_numpy()
            frame.loc[at, column] = frame.loc[at, column].astype(str) + " %"
    return dataclasses.replace(raw, frame=frame)


def _hidden_payment_columns(raw: RawTable, params: ProjectParams, warn: list[Problem]) -> None:
    """The note on a payments sheet's hidden columns narrowed to those read (:func:`hidden_unread`): a hidden column
    of the caseworker beside the amounts is no column read; in a sheet of a column per month, a heading with a digit
    is a month's (or refused as none)."""
    if not raw.hidden_headings:
        return
    names = {c.name for spec in (S.PAYMENTS, S.PAYMENTS_PER_PAYMENT) for c in spec.columns}
    wide = payments_shape(list(raw.frame.columns), params.data.payments_format) == "wide"
    own = {" ".join(h.split()).casefold() for h in params.data.columns}
    unread = {h for _, h in raw.hidden_headings
              if h not in names and " ".join(h.split()).casefold() not in own
              and not (wide and any(ch.isdigit() for ch in h))}
    hidden_unread(raw.hidden_headings, unread, warn, raw.notes)


def _household_payments(raw: RawTable, fname: str, persons: pd.DataFrame | None, problems: list[Problem],
                        warn: list[Problem], comparison: bool = False) -> RawTable | None:
    """A payments file of a row per household (``household_id``, no ``person_id``: an economic-aid system pays the
    household, and exports so) as the contract's rows per person: each row for every participant the person file
    gives that ``household_id``, with the household's amount, as a row per person holds it (the contract: the
    payments to the person's household). The payment analyses count a household's month once however many of its
    members take part (:func:`evaltools.analysis.comparison.household_units`, the cost-benefit's saving per
    household), so two parents of one household are never paid twice.

    A household no participant belongs to has no one to be read for: its rows are left out with one note. Where the
    person file gives no household (no ``household_id`` column, or empty in every row) nothing links a row to a
    person: one problem says what to write, instead of a missing ``person_id`` and a duplicate for every row.
    Returns ``None`` then (and where the person file has no rows: its own problems stand). The comparison group's
    file (``comparison``) is said so, with its comparison persons and its person file, not 'participants'."""
    if persons is None or not len(persons):
        return None
    given = persons[S.HOUSEHOLD_ID] if S.HOUSEHOLD_ID in persons.columns else pd.Series(dtype=object)
    given = given.dropna().astype(str).str.strip()
    given = given[given != ""]
    if given.empty:
        problems.append(problem(fname, None, S.PERSON_ID, None, ("payment.household_no_link_comparison" if comparison else "payment.household_no_link")))
        return None
    ids = persons.loc[given.index, S.PERSON_ID].astype(str).to_numpy()
    members = pd.DataFrame({"household": given.to_numpy(), "person": ids}).drop_duplicates()
    households = raw.frame[S.HOUSEHOLD_ID].astype(str).str.strip()
    lookup = members.groupby("household", sort=False)["person"].agg(list)
    matched = households.map(lookup)
    known = matched.notna().to_numpy() | (households == "").to_numpy()
    # a total row under the households ('Summa' in the household column, the file's sum beside it): refused as a row to
    # delete, as under a file of a row per person, never a household no participant belongs to
    total = per_distinct(households, lambda u: u.str.rstrip(":").str.lower().map(_is_total_label).astype(bool)
                         ).to_numpy() & ~known
    problems.extend(problem(fname, int(raw.file_rows[i]), None, households.iloc[i], "row.total_household")
                    for i in np.flatnonzero(total).tolist())
    unknown = np.flatnonzero(~known & ~total)
    # (a household id Excel saved as a number in one file and kept as text in the other, '7' and '007': the same
    # household, its rows refused with the file to correct, not left out as a household of no participant)
    by_digits = {h.lstrip("0"): h for h in lookup.index if h.isdigit()}
    lost = [(int(raw.file_rows[i]), h, by_digits[h.lstrip("0")]) for i in unknown.tolist()
            if (h := households.iloc[i]).isdigit() and h.lstrip("0") in by_digits]
    if lost:
        heading = raw.column_of(S.HOUSEHOLD_ID, 0) if len(raw.frame) else S.HOUSEHOLD_ID
        problems.extend(lost_zeros_problems(fname, heading, lost, str(persons.attrs.get("source", ""))))
        return None
    if len(unknown) and not matched.notna().any():
        # (no household of the file is a participant's: another id scheme, or Excel's numbers, '1' for 'H-1')
        problems.append(problem(fname, int(raw.file_rows[unknown[0]]), S.HOUSEHOLD_ID, households.iloc[unknown[0]],
                                ("payment.household_none_match_comparison" if comparison else "payment.household_none_match"), persons_id=quote(str(given.iloc[0]))))
        return None
    if len(unknown):
        rows = [int(r) for r in raw.file_rows[unknown]]
        warn.append(problem(fname, rows[0], S.HOUSEHOLD_ID, None, ("payment.household_unknown_comparison" if comparison else "payment.household_unknown"), "warning",
                            households=_sek(households.iloc[unknown].nunique()), n=_sek(len(unknown)),
                            rows=row_ranges(rows[:20]) + (" …" if len(rows) > 20 else "")))
    # each row once per member (a row without a household keeps its place, for its own message)
    per_row = [m if isinstance(m, list) else [""] for m in matched.where(pd.Series(known, index=matched.index))]
    take = np.repeat(np.arange(len(raw.frame)), [len(m) for m in per_row])
    take = take[np.repeat(known, [len(m) for m in per_row])]
    people = [p for m, k in zip(per_row, known, strict=True) if k for p in m]
    frame = raw.frame.iloc[take].reset_index(drop=True)
    frame.insert(0, S.PERSON_ID, people)
    paid = households[known]
    paid = paid[paid != ""]
    # (where no household has two members, the note says one in each, never "in 0 households more than one")
    shared = int((lookup.reindex(paid.unique()).dropna().map(len) > 1).sum())
    read_key = ("payment.per_household_read_comparison" if comparison else "payment.per_household_read") if shared \
        else ("payment.per_household_read_alone_comparison" if comparison else "payment.per_household_read_alone")
    warn.append(problem(fname, None, None, None, read_key, "warning", "payments_per_household",
                        rows=_sek(int(known.sum())), households=_sek(paid.nunique()),
                        persons=_sek(len(set(people) - {""})), shared=_sek(shared)))
    # (a message about a row's person, its household's cell left empty, names the household's column, the one the
    # file has: not 'person_id', and not again where a personnummer was taken out of that cell)
    of_person = np.array([raw.column_of(S.HOUSEHOLD_ID, int(i)) for i in take], dtype=object)
    return dataclasses.replace(raw, frame=frame, file_rows=raw.file_rows[take],
                               number_cells={c: v[take] for c, v in raw.number_cells.items() if c != S.PERSON_ID},
                               cell_columns={**{c: v[take] for c, v in raw.cell_columns.items()},
                                             S.PERSON_ID: of_person},
                               date_cells={c: v[take] for c, v in raw.date_cells.items()},
                               percent_cells={c: v[take] for c, v in raw.percent_cells.items()})


def _file_headings_to_map(found: list[Problem], raw: RawTable, params: ProjectParams, fname: str,
                          file: str | None = None) -> list[Problem]:
    """A payments or register file's missing columns as the one message with the line to write in the params file
    (``data.columns``), as a participants file's are (:func:`_headings_to_map`), since such a file has few columns
    and a finance system heads them in its own words ('Utbetalt belopp (kr)'): each of the file's headings that no
    column reads, in the file's order, with the column it is probably (a heading in other words) or ``?``, and the
    columns still missing to choose among. A line of ``data.columns`` naming a heading the file lacks is said as
    such (:func:`_own_headings_absent`). Nothing is read by a guess.

    A heading that gives its amounts in another unit than the file is read in ('Belopp (tkr)' where ``file``'s
    ``amount_unit`` is kr, the default; a register file is read in kr) is not suggested as a column: pasted, every
    amount would be read a thousand times wrong. For a payments file (``file``) a problem says what to write."""
    found = _own_headings_absent(found, raw, params, fname)
    keys = ("column.missing_heading", "column.missing")
    missing = [str(p.column) for p in found if p.key in keys]
    if not missing:
        return found
    guessed = {str(dict(p.values)["heading"]): str(p.column) for p in found if p.key == "column.missing_heading"}
    # the file's own headings (a month of a wide layout, '2024-01', is none: it heads a month's amounts)
    free = [str(h) for h in raw.frame.columns if str(h).strip() and str(h) not in S.own_heading_columns()
            and not any(ch.isdigit() for ch in str(h))]
    if not free:
        return found
    shown = free[:12]
    declared = params.data.unit(file) if file is not None else "kr"
    other_unit = {h: u for h in free if (u := budget_shapes.heading_unit(raw.headings.get(h, h))) not in (None, declared)}
    block = ", ".join(f"'{raw.headings.get(h, h)}': {'?' if h in other_unit else guessed.get(h, '?')}" for h in shown) + (
        ", ..." if len(free) > len(shown) else "")
    rest = [p for p in found if p.key not in keys]
    if file is not None:
        header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
        rest = [*(problem(fname, header_row, None, None, "payment.heading_unit", heading=quote(raw.headings.get(h, h)),
                          unit=u, declared=declared, file=file) for h, u in other_unit.items()), *rest]
    key = "column.own_headings_file_more" if params.data.columns else "column.own_headings_file"
    columns = ", ".join(missing)
    said = {lang: message("column.own_headings_file_question", lang, columns=columns) if ": ?" in block
            else "" for lang in ("sv", "en")}
    return [problem(fname, None, None, None, key, block=block, columns=columns, question_sv=said["sv"],
                    question_en=said["en"]), *rest]


def coverage_note(persons: pd.DataFrame, payments: pd.DataFrame, covers_all: bool, fname: str,
                  comparison: bool = False) -> Problem | None:
    """The data-quality note for persons with no row in their payments file, or None when every
    person has one. With ``covers_all`` (``data.payments_cover_all_participants``) they were paid
    0 kr every month and the note says so; otherwise they are left out of the payment analyses
    (:meth:`evaltools.data.project.Project.paid_persons`) and the note says how many. Never silently 0."""
    ids = pd.unique(persons[S.PERSON_ID].dropna())
    absent = pd.Index(ids)[~pd.Index(ids).isin(payments[S.PERSON_ID].dropna())]
    missing = len(absent)
    if not missing:
        return None
    keys = {(True, False): "payment.covered_zero", (False, False): "payment.not_covered",
            (True, True): "payment.covered_zero_comparison", (False, True): "payment.not_covered_comparison"}
    key = keys[(covers_all, comparison)]
    code = key.replace(".", "_")
    shared = _household_paid_elsewhere(persons, payments, absent)
    if shared and not comparison:
        # the household's payments kept on one member's rows (the applicant's): read per person, the other members
        # were paid nothing (or are left out), though their household was paid; read per household they are not
        return problem(fname, None, None, None, "payment.covered_zero_household" if covers_all
                       else "payment.not_covered_household", "warning", code, n=missing, total=len(ids), shared=shared)
    if not covers_all and S.SUPPORT_START in persons:
        # a participant on another support at start (sickness benefit, activity compensation) is expected to have no
        # row: the advice to count those without rows as 0 kr would pull the means of those who had it down
        other = int(len(absent) - len(_fs_possible(persons, absent)))
        if other == missing:
            # (one person: "hen hade", not "alla 1 hade")
            key = (("payment.not_covered_comparison_other_support_one" if comparison
                    else "payment.not_covered_other_support_one") if missing == 1 else
                   "payment.not_covered_comparison_other_support" if comparison else "payment.not_covered_other_support")
            return problem(fname, None, None, None, key, "warning", code, n=missing, total=len(ids))
        if other and not comparison:
            return problem(fname, None, None, None, "payment.not_covered_some_other_support", "warning", code,
                           n=missing, total=len(ids), other=other, rest=missing - other)
    return problem(fname, None, None, None, key, "warning", code, n=missing, total=len(ids))


def _household_paid_elsewhere(persons: pd.DataFrame, payments: pd.DataFrame, absent: pd.Index) -> int:
    """How many of the persons ``absent`` (without a row of their own in the payments) belong to a household
    (``household_id``, in the person file) whose payments are in the file on another member's rows: försörjningsstöd
    is paid to the household, and a file keeping it on one member's person id (the applicant's) holds the other
    members' payments too. 0 where either file has no household ids."""
    if S.HOUSEHOLD_ID not in persons or S.HOUSEHOLD_ID not in payments or not len(absent):
        return 0
    paid = set(payments[S.HOUSEHOLD_ID].dropna().astype(str))
    mine = persons[persons[S.PERSON_ID].isin(absent) & persons[S.HOUSEHOLD_ID].notna()]
    return int(mine.loc[mine[S.HOUSEHOLD_ID].astype(str).isin(paid), S.PERSON_ID].nunique())


def _fs_possible(persons: pd.DataFrame, ids: pd.Index) -> set:
    """Those of ``ids`` with an enrolment whose support at start is försörjningsstöd, unknown or not given: all but
    the persons on another support at every start."""
    df = persons[persons[S.PERSON_ID].isin(ids)]
    support = df[S.SUPPORT_START]
    maybe = support.isna() | support.isin(["försörjningsstöd", S.UNKNOWN])
    return set(df.loc[maybe.to_numpy(), S.PERSON_ID])


def _fold_repeats(problems: list[Problem]) -> list[Problem]:
    """A wide file's row is one row per month after reshaping: a cell of the row itself (an empty
    person id) is reported once, not once for each of its months."""
    seen: set[tuple] = set()
    kept = []
    for p in problems:
        key = (p.file, p.row, p.column, p.key, str(p.value))
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def _wide_duplicates(df: pd.DataFrame, raw: RawTable, fname: str, problems: list[Problem]) -> None:
    """A person on two rows of a file with one column per month, reported once per extra row."""
    ids, rows = df[S.PERSON_ID], raw.file_rows
    first: dict[object, int] = {}
    reported: set[int] = set()
    for i, pid in enumerate(ids.tolist()):
        if pid is None or pid is pd.NA or (isinstance(pid, float) and np.isnan(pid)):
            continue
        r = int(rows[i])
        at = first.setdefault(pid, r)
        if at != r and r not in reported:
            reported.add(r)
            problems.append(problem(fname, r, S.PERSON_ID, pid, "payment.wide_duplicate", first=at))


def _sum_payments(raw: RawTable, fname: str, problems: list[Problem], warn: list[Problem],
                  unit: str = "kr") -> RawTable:
    """One row per payment (with its ``payment_date``) summed into one row per person and month.

    Repayments (negative amounts) are netted against the payments of the month they are dated in;
    a month whose payments sum to less than 0 is refused, naming its rows. Each month's row keeps
    the file row of its first payment, for later messages. A data-quality note gives the counts:
    payments read, months made, negative rows netted (never a person's id, date or amount).
    """
    df, _refused = _validate(raw, S.PAYMENTS_PER_PAYMENT, problems, fname, warn, unit=unit)
    ok = (df[S.PERSON_ID].notna() & df[S.PAYMENT_DATE].notna() & df[S.AMOUNT].notna()).to_numpy()
    d = pd.DataFrame({"person": df.loc[ok, S.PERSON_ID].astype(str).to_numpy(),
                      "month": df.loc[ok, S.PAYMENT_DATE].dt.strftime("%Y-%m").to_numpy(),
                      "amount": df.loc[ok, S.AMOUNT].to_numpy(float),
                      "household": df.loc[ok, S.HOUSEHOLD_ID].to_numpy(object),
                      "row": raw.file_rows[ok]})
    g = d.groupby(["person", "month"], sort=False)
    summed = g.agg(amount=("amount", "sum"), row=("row", "first"), household=("household", "first"),
                   rows=("row", list)).reset_index()
    negative = summed["amount"] < -0.005
    for r in summed[negative].itertuples(index=False):
        listed = ", ".join(map(str, r.rows[:10])) + (" …" if len(r.rows) > 10 else "")
        problems.append(problem(fname, int(r.row), raw.headings.get(S.PAYMENT_DATE, S.PAYMENT_DATE), r.month,
                                "payment.negative_month", rows=listed))
    summed = summed[~negative]
    frame = pd.DataFrame({S.PERSON_ID: summed["person"].to_numpy(object), S.MONTH: summed["month"].to_numpy(object),
                          S.AMOUNT: [f"{a:.2f}".rstrip("0").rstrip(".") for a in summed["amount"].to_numpy(float) + 0.0],
                          S.HOUSEHOLD_ID: ["" if pd.isna(h) else str(h) for h in summed["household"]]}, dtype="object")
    if len(d):
        warn.append(problem(fname, None, None, None, "payment.per_payment_read", "warning", "payments_per_payment",
                            payments=_sek(len(d)), months=_sek(len(summed)), negative=_sek(int((d["amount"] < 0).sum()))))
    number_cells = {}
    if S.PERSON_ID in raw.number_cells:
        first_of = pd.Series(np.arange(len(raw.file_rows)), index=raw.file_rows)
        number_cells[S.PERSON_ID] = raw.number_cells[S.PERSON_ID][first_of.reindex(summed["row"]).to_numpy(int)]
    # a month is the payment_date column's in the file: a message about it names that column, as the file heads it
    # ('Utbetalningsdatum' where data.columns reads it), and so are the other columns' messages
    dated = raw.headings.get(S.PAYMENT_DATE, S.PAYMENT_DATE)
    return RawTable(frame, summed["row"].to_numpy(int), raw.name, [], [], number_cells, raw.source,
                    cell_columns={S.MONTH: np.full(len(frame), dated, dtype=object)}, epoch=raw.epoch,
                    headings=raw.headings)


def _net_repayments(raw: RawTable, fname: str, problems: list[Problem], warn: list[Problem]) -> RawTable:
    """A file of one row per person and month with repayments (återkrav, återbetalning) as negative rows,
    netted within their person and month, as a finance system exports them.

    Only the person-months with a negative row change: their rows become one, the first of them in the
    file, holding their sum. A person-month whose sum is below 0 (more paid back than paid out that month)
    is refused, naming its rows. Rows of other person-months are left as they are (two rows of the same
    person and month without a repayment are still a duplicate). A data-quality note gives the counts:
    negative rows netted and the person-months they were netted in (never a person's id or amount).
    """
    df = raw.frame
    amount = _parse_amount(df[S.AMOUNT])
    negative = (amount < 0) & np.isfinite(amount.fillna(0))
    if not negative.any():
        return raw
    month, _bad = _parse_dates(df[S.MONTH], df[S.MONTH] == "", _MONTH)
    person = df[S.PERSON_ID]
    ok = (person != "") & month.notna() & amount.notna() & np.isfinite(amount.fillna(0))
    key = pd.Series(pd.NA, index=df.index, dtype="object")
    key[ok] = person[ok] + "\x00" + month[ok].dt.strftime("%Y-%m")
    touched = key[ok & negative].unique()
    in_group = key.isin(touched) & ok
    pos = np.arange(len(df))
    keep = np.ones(len(df), bool)
    new_amount = df[S.AMOUNT].copy()
    n_negative, n_months = 0, 0
    for _k, members in pd.Series(pos[in_group.to_numpy()]).groupby(key[in_group].to_numpy(), sort=False):
        at = members.to_numpy()
        net = float(amount.iloc[at].sum())
        keep[at[1:]] = False
        n_negative += int(negative.iloc[at].sum())
        if net < -0.005:
            keep[at[0]] = False
            listed = ", ".join(str(int(raw.file_rows[i])) for i in at[:10]) + (" …" if len(at) > 10 else "")
            # (named by the file's heading, 'Beslutsmånad' where data.columns reads it as the month, as its cells are)
            problems.append(problem(fname, int(raw.file_rows[at[0]]), raw.column_of(S.MONTH, int(at[0])),
                                    df[S.MONTH].iloc[at[0]], "payment.negative_net_month", rows=listed))
            continue
        n_months += 1
        new_amount.iloc[at[0]] = f"{net + 0.0:.2f}".rstrip("0").rstrip(".")
    warn.append(problem(fname, None, None, None, "payment.repayments_netted", "warning", "repayments_netted",
                        negative=_sek(n_negative), months=_sek(n_months)))
    frame = df.assign(**{S.AMOUNT: new_amount})[keep].reset_index(drop=True)
    return dataclasses.replace(raw, frame=frame, file_rows=raw.file_rows[keep],
                               number_cells={c: v[keep] for c, v in raw.number_cells.items()},
                               cell_columns={c: v[keep] for c, v in raw.cell_columns.items()})


def _sek(v: float) -> str:
    return f"{v:,.0f}".replace(",", "\u00a0")


# the units of kronor by their power of 1000, as the messages name them
_UNIT_NAMES = ("kr", "tkr", "Mkr")


# the files whose amounts are always in kr, whatever data.amount_unit says: the register extracts
_KRONOR_ALWAYS = (S.EARNINGS.name, S.BENEFITS.name)


def _format_units(raw: RawTable, params: ProjectParams, file: str, fname: str, problems: list[Problem]) -> None:
    """Amounts whose number format shows them in another unit than ``file`` is read in (``budget``, ``payments`` or
    ``comparison_payments`` in the params file's ``amount_unit``; a register extract, ``earnings`` or ``benefits``,
    always in kr): 100000 under ``#,##0, "tkr"`` shows as 100 tkr and is 100 000 kr, read as 100 000 tkr in a file read
    in tkr; 100 under ``0 "tkr"`` is 100 kr in a file read in kr. Excel's number is read as stored, so such a cell
    would be 1 000 times wrong without a word: one message for the file, naming the cells. A format that divides by
    1000 without a unit (``#,##0,``) is read as the thousands it shows in a file read in tkr (the number stored is then
    kronor); in a file read in kr the number stored is read, as it is kronor."""
    register = file in _KRONOR_ALWAYS
    unit = "kr" if register else params.data.unit(file)
    read = _UNIT_NAMES.index(unit)
    wrong = []
    own = {" ".join(str(h).split()).casefold() for h, c in params.data.columns.items() if c in (S.AMOUNT, S.BUDGET, S.ACTUAL)}
    for cell, heading, value, fmt, (power, scale, decimals) in raw.unit_formats:
        # (only the cells read as amounts: an hourly rate in kronor beside a budget in tkr, 'Timpris', is not read)
        if file == "budget":
            read_as_amount = (budget_shapes.wide_heading(heading) is not None
                              or budget_shapes.long_column(heading) in (S.BUDGET, S.ACTUAL))
        else:
            read_as_amount = heading.casefold() == S.AMOUNT or month_heading(heading, raw.epoch) is not None
        if not (read_as_amount or " ".join(heading.split()).casefold() in own):
            continue
        shown_power = power if power is not None else (read if read > 0 else None)
        if shown_power is None or not 0 <= shown_power - scale < len(_UNIT_NAMES) or shown_power - scale == read:
            continue
        wrong.append((cell, value, fmt, power, scale, decimals, shown_power - scale))
    if not wrong:
        return
    cell, value, fmt, power, scale, decimals, stored = wrong[0]
    shown = f"{value / 1000 ** scale:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",") + (
        f" {_UNIT_NAMES[power]}" if power is not None else "")
    stored_unit = _UNIT_NAMES[stored]
    at = {"cell": cell, "value": _written(value), "format": quote(fmt), "shown": shown}
    # (each file the project reads in its own unit; the payments named only where the project has them)
    units = {"budget": params.data.unit("budget")}
    if params.data.payments is not None or file != "budget":
        units["payments"] = params.data.unit("payments")
    if params.data.comparison is not None or file == "comparison_payments":
        units["comparison_payments"] = params.data.unit("comparison_payments")
    units[file] = stored_unit
    line = "amount_unit: {" + ", ".join(f"{k}: {v}" for k, v in units.items()) + "}"
    fix = {f"fix_{lang}": message("cell.format_unit_line", lang, line=line, unit=unit)
           if stored_unit != "Mkr" and not register else message("cell.format_unit_number", lang, unit=unit)
           for lang in ("sv", "en")}
    why = {f"why_{lang}": message("cell.unit_register" if register else "cell.unit_from_params", lang)
           for lang in ("sv", "en")}
    size = {f"size_{lang}": message("cell.format_unit_large" if stored < read else "cell.format_unit_small", lang)
            for lang in ("sv", "en")}
    cells = ", ".join(c for c, *_ in wrong[:10]) + (", …" if len(wrong) > 10 else "")
    problems.append(problem(fname, None, None, None, "cell.format_unit", n=len(wrong), cells=cells, stored=stored_unit,
                            unit=unit, factor=_sek(1000 ** abs(read - stored)), **at, **fix, **size, **why))


def _unit_line(params: ProjectParams, table: str) -> str | None:
    """The ``amount_unit`` line that reads this payments file in kr and every other file in its own unit, when the
    params file reads it in tkr (None when it reads it in kr already): ``amount_unit: {budget: tkr, payments: kr}``."""
    file = "comparison_payments" if table != "payments" else "payments"
    if params.data.unit(file) != "tkr":
        return None
    units = {"budget": params.data.unit("budget"), "payments": params.data.unit("payments")}
    if params.data.comparison is not None or file == "comparison_payments":
        units["comparison_payments"] = params.data.unit("comparison_payments")
    units[file] = "kr"
    return "amount_unit: {" + ", ".join(f"{k}: {v}" for k, v in units.items()) + "}"


def joined_unit_lines(problems: list[Problem]) -> list[Problem]:
    """The ``amount_unit`` lines of the payments files found in kronor while read in tkr, joined into one: each
    file's message names the line that reads *that* file in kr, so where both the participants' and the comparison
    group's payments are in kronor, each line alone would leave the other file read in tkr, and the evaluator who
    wrote one would be refused again for the other. Every such message then names the line that reads both in kr."""
    found = [p for p in problems if p.key == "payment.too_large_tkr"]
    if len(found) < 2:
        return problems
    units: dict[str, str] = {}
    for p in found:
        for part in re.findall(r"(\w+): (\w+)", str(dict(p.values)["line"])):
            units[part[0]] = "kr" if part[1] == "kr" or units.get(part[0]) == "kr" else part[1]
    line = "amount_unit: {" + ", ".join(f"{k}: {v}" for k, v in units.items()) + "}"
    return [problem(p.file, p.row, p.column, None, p.key, p.severity, p.code, **{**dict(p.values), "line": line})
            if p.key == "payment.too_large_tkr" else p for p in problems]


def _check_amounts(df: pd.DataFrame, raw: RawTable, fname: str, problems: list[Problem],
                   kr_line: str | None = None) -> bool:
    """Amounts a household cannot have been paid in a month: tkr written where kr was declared, or
    the reverse. True when the whole file is on the wrong scale (nothing more to check per person).

    Half of the amounts above what a household is paid in a month is the whole file on the wrong scale: one message
    for the file, not one for each of its rows; where the file is read in tkr (``kr_line``, the per-file
    ``amount_unit`` that reads it in kr) its amounts are kronor, as a follow-up's budget in tkr beside payments in kr
    is, and the line to write is named."""
    low, high = PLAUSIBLE_MONTHLY_SEK
    paid = df[S.AMOUNT][df[S.AMOUNT] > 0]
    if len(paid) and paid.median() < low:
        problems.append(problem(fname, None, S.AMOUNT, None, "payment.too_small", median=_sek(paid.median())))
        return True
    if len(paid) and paid.median() > high:
        if kr_line is not None:
            problems.append(problem(fname, None, S.AMOUNT, None, "payment.too_large_tkr", median=_sek(paid.median()),
                                    limit=_sek(high), line=kr_line))
        else:
            problems.append(problem(fname, None, S.AMOUNT, None, "payment.too_large_file",
                                    median=_sek(paid.median()), limit=_sek(high)))
        return True
    # a total row under the persons ('Totalt', 'Summa' in the id column, a month's sum in each of its cells, as one is
    # kept under a sheet with a column per month): one message saying it is a total row to delete, never a person
    # 'Totalt' nor one too large amount for each of its months
    ids = next((df[c] for c in (S.PERSON_ID, S.HOUSEHOLD_ID) if c in df), None)
    total = (per_distinct(ids.fillna("").astype(str),
                          lambda u: u.str.strip().str.rstrip(":").str.lower().map(_is_total_label).astype(bool))
             if ids is not None else pd.Series(False, index=df.index))
    said = {int(p.row) for p in problems if p.file == fname and p.key == "row.total" and p.row is not None}
    for i in np.flatnonzero((total & (df[S.AMOUNT] > 0)).to_numpy()).tolist():
        row = int(raw.file_rows[i])
        if row not in said:
            said.add(row)
            problems.append(problem(fname, row, None, str(ids.iloc[i]).strip(), "row.total"))  # type: ignore[union-attr]
    for i in np.flatnonzero(((df[S.AMOUNT] > high) & ~total).to_numpy()).tolist():
        problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(S.AMOUNT, i), raw.frame[S.AMOUNT].iloc[i],
                                "payment.too_large",
                                amount=_sek(df[S.AMOUNT].iloc[i]), limit=_sek(high)))
    return False


# a person whose typical payment is this many times smaller than everyone else's typical payment
# has amounts on another scale (10.242 written for 10 242 kr): the same factor as a budget in tkr
PERSON_SCALE_FACTOR = 250


def _check_person_scale(df: pd.DataFrame, raw: RawTable, fname: str, warn: list[Problem]) -> None:
    """A note for each person whose payments are about a thousandth of the others' (thousands
    written with a dot, read as decimals), naming the rows and never the amounts.

    A person's median paid amount is compared with the median of every other person's paid
    amounts; the file-wide check (:func:`_check_amounts`) catches a whole file on the wrong scale.
    """
    paid = (df[S.AMOUNT] > 0) & df[S.PERSON_ID].notna()
    if not paid.any():
        return
    ids = df.loc[paid, S.PERSON_ID].to_numpy()
    amounts = df.loc[paid, S.AMOUNT].to_numpy(dtype="float64")
    positions = np.flatnonzero(paid.to_numpy())
    medians = pd.Series(amounts).groupby(ids).median()
    if len(medians) < 2:
        return
    # only a person far below the highest person's typical payment can be far below the others'
    for pid in medians.index[medians * PERSON_SCALE_FACTOR <= medians.max()]:
        mine = ids == pid
        others = np.median(amounts[~mine])
        if others < PLAUSIBLE_MONTHLY_SEK[0] or np.median(amounts[mine]) * PERSON_SCALE_FACTOR > others:
            continue
        rows = [int(raw.file_rows[i]) for i in positions[mine]]
        listed = ", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")
        warn.append(problem(fname, rows[0], S.AMOUNT, None, "payment.person_scale", "warning", "person_scale",
                            rows=listed))


def _check_payment_persons(df: pd.DataFrame, raw: RawTable, fname: str, persons: pd.DataFrame,
                           problems: list[Problem], warn: list[Problem]) -> None:
    known = set(persons[S.PERSON_ID].dropna())
    by_digits = {str(k).lstrip("0"): k for k in known if str(k).isdigit()}
    unknown = df[S.PERSON_ID].notna() & ~df[S.PERSON_ID].isin(known)
    notes: dict[str, list[int]] = {}  # one note per unknown person, with the rows of its payments
    lost: list[tuple[int, str, str]] = []  # (row, id, the person file's id) of ids that lost their leading zeros
    for i in np.flatnonzero(unknown.to_numpy()).tolist():
        pid = str(df[S.PERSON_ID].iloc[i])
        match = by_digits.get(pid.lstrip("0")) if pid.isdigit() else None
        if match is not None:
            lost.append((int(raw.file_rows[i]), pid, str(match)))
        else:
            notes.setdefault(pid, []).append(int(raw.file_rows[i]))
    heading = raw.column_of(S.PERSON_ID, 0) if len(raw.frame) else S.PERSON_ID
    problems += lost_zeros_problems(fname, heading, lost, persons.attrs.get("source", ""))
    for pid, rows in list(notes.items())[:20]:
        if len(rows) == 1:
            warn.append(problem(fname, rows[0], S.PERSON_ID, pid, "payment.unknown_person", "warning", "unknown_person"))
        else:
            shown = ", ".join(map(str, rows[:5])) + (" …" if len(rows) > 5 else "")
            warn.append(problem(fname, rows[0], S.PERSON_ID, pid, "payment.unknown_person_rows", "warning",
                                "unknown_person", n=len(rows), rows=shown))
    if len(notes) > 20:
        warn.append(problem(fname, None, S.PERSON_ID, f"{len(notes) - 20}", "payment.unknown_more", "warning",
                            "unknown_person_more", n=len(notes) - 20))


def lost_zeros_problems(fname: str, column: str, lost: list[tuple[int, str, str]], persons: str) -> list[Problem]:
    """One message per file that lost the leading zeros of ids (Excel drops the zeros of every id in a column), not
    one per row: ``lost`` holds (row, id here, the participant file's id) of ids that match a participant's once
    the zeros are put back. This file's ('7' where the person file has '007'), or the person file's ('0012' here,
    '12' there), which is then the file to correct (``persons``: its name)."""
    out = []
    for mine, key in ((True, "person.lost_zeros"), (False, "person.lost_zeros_in_persons")):
        these = [x for x in lost if (len(x[1]) < len(x[2])) == mine]
        if these:
            row, pid, match = these[0]
            listed = ", ".join(str(x[0]) for x in these[:5]) + (" …" if len(these) > 5 else "")
            out.append(problem(fname, row, column, pid, key, match=match, n=len(these), rows=listed, column=column,
                               persons=persons))
    return out


def load_register(path: Path, spec: S.TableSpec, params: ProjectParams, problems: list[Problem],
                  warn: list[Problem], persons: pd.DataFrame) -> pd.DataFrame:
    """A register-outcome file (:data:`evaltools.data.schema.EARNINGS` or ``BENEFITS``) as one row per
    person and month (and kind), in kr.

    Read and checked as a payments file is: every encoding and Excel sheet (named like the table),
    the personnummer guard on every cell, each bad cell named by file, row, column and value, a month
    within ten years of the project period, one row per person and month (per kind in the benefits
    file). ``persons`` are the participants and the comparison persons together: a register extract
    is ordered for them, so a person id in neither file is refused (the extract belongs to another
    population, or an id was changed), one problem per id with the rows it has.
    """
    raw = _read(path, spec, params, spec.name, problems, warn,
                header_like=_header_like(spec, params) if params.data.columns else None)
    if raw is None:
        return empty_table(spec)
    fname = raw.source
    first = len(problems)
    raw = _own_headings(raw, params, fname, problems, warn, (spec,))
    _number_ids(raw, fname, warn)
    _format_units(raw, params, spec.name, fname, problems)
    df, _refused = _validate(raw, spec, problems, fname, warn)
    problems[first:] = _file_headings_to_map(problems[first:], raw, params, fname)
    lo = pd.Timestamp(params.period.start) - pd.DateOffset(years=10)
    hi = pd.Timestamp(params.period.end) + pd.DateOffset(years=10)
    m = df[S.MONTH]
    for i in np.flatnonzero((m.notna() & ((m < lo) | (m > hi))).to_numpy()).tolist():
        problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(S.MONTH, i), raw.frame[S.MONTH].iloc[i],
                                "payment.month_range", lo=f"{lo:%Y-%m}", hi=f"{hi:%Y-%m}"))
    known = set(persons[S.PERSON_ID].dropna())
    unknown = df[S.PERSON_ID].notna() & ~df[S.PERSON_ID].isin(known)
    rows_of: dict[str, list[int]] = {}
    for i in np.flatnonzero(unknown.to_numpy()).tolist():
        rows_of.setdefault(str(df[S.PERSON_ID].iloc[i]), []).append(int(raw.file_rows[i]))
    for pid, rows in rows_of.items():
        shown = ", ".join(map(str, rows[:5])) + (" …" if len(rows) > 5 else "")
        problems.append(problem(fname, rows[0], S.PERSON_ID, pid, "register.unknown_person", n=len(rows), rows=shown))
    keys = [S.PERSON_ID, S.MONTH, *([S.KIND] if S.KIND in df.columns else [])]
    dupe = df.duplicated(keys, keep="first") & df[keys].notna().all(axis=1)
    _duplicate_rows(dupe, raw, fname, problems, lambda name, i: name,
                    "register.duplicate_kind" if S.KIND in df.columns else "payment.duplicate")
    df.attrs["source"] = fname
    return df


def _amount(x: float, lang: str) -> str:
    """An amount as a message shows it: thousands apart by a space (1 845), at most two decimals, the
    language's decimal mark (552,3 / 552.3)."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".").replace(",", " ")
    return text.replace(".", ",") if lang == "sv" else text


def _project_year_firsts(params: ProjectParams) -> dict[int, dt.date]:
    """The first day of each project year of the project's period (planned, or longer where it ended later), from
    the implementation's start after a pre-study."""
    start = params.period.years_start
    end = max(params.period.planned_end, params.period.actual_end or params.period.planned_end)
    firsts, k = {}, 1
    while add_years(start, k - 1) <= end:
        firsts[k] = add_years(start, k - 1)
        k += 1
    return firsts


def _school_project_year(year: int, firsts: dict[int, dt.date]) -> int | None:
    """The project year that is the school year beginning in ``year``: the one that begins from July to October
    of that year (None when no project year does)."""
    return next((n for n, first in firsts.items() if dt.date(year, 7, 1) <= first <= dt.date(year, 10, 31)), None)


def _school_years(raw: RawTable, params: ProjectParams, fname: str, problems: list[Problem], warn: list[Problem],
                  periods: str) -> str:
    """A wide budget's school years (``Läsår 2024/25``, ``Projektår 1 (2024/25)``) as the project years they are.

    A project counted from the autumn (from 1 September, say) keeps its follow-up per school year: a school year
    is the project year that begins from July to October of its first calendar year, and is read as it. A school
    year no project year begins in (a project counted from January) is refused, naming its column, and so is a
    project year whose school year beside it is not the one it runs (``Projektår 1 (2024/25)`` in a project from
    2024-01-15), since its amounts would be dated a year wrong; two columns that are one project year
    (``Läsår 2024/25`` beside ``Budget år 1``) are refused too. Returns the periods read, for the note."""
    frame = raw.frame
    found = [p for p in dict.fromkeys(frame[S.PERIOD].astype(str)) if budget_shapes.SCHOOL_PERIOD.match(p)]
    if not found:
        return periods
    start = params.period.years_start  # (project years from the implementation's start after a pre-study)
    firsts = _project_year_firsts(params)
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    headings = raw.cell_columns.get(S.BUDGET, np.full(len(frame), "", dtype=object))
    mapping: dict[str, str] = {}
    read: list[tuple[str, int, str]] = []
    for period in found:
        m = budget_shapes.SCHOOL_PERIOD.match(period)
        assert m is not None
        stated, year = (int(m.group(1)) if m.group(1) else None), int(m.group(2))
        heading = str(headings[int(np.flatnonzero((frame[S.PERIOD] == period).to_numpy())[0])])
        k_of = _school_project_year(year, firsts)
        school = f"{year}/{(year + 1) % 100:02d}"
        if stated is not None and k_of != stated:
            first = add_years(start, stated - 1)
            problems.append(problem(fname, header_row, heading, heading, "budget.school_year_not_project_year",
                                    n=stated, school=school, first=first.isoformat(),
                                    last=(add_years(start, stated) - dt.timedelta(days=1)).isoformat()))
        elif k_of is None:
            problems.append(problem(fname, header_row, heading, heading, "budget.school_year_no_project_year",
                                    school=school, start=start.isoformat()))
        else:
            mapping[period] = f"år {k_of}"
            read.append((school, k_of, f"{firsts[k_of].isoformat()} – "
                                       f"{(add_years(start, k_of) - dt.timedelta(days=1)).isoformat()}"))
    plain = {p for p in frame[S.PERIOD].astype(str) if p not in found}
    for k_year in sorted(set(mapping.values())):
        twice = [p for p, v in mapping.items() if v == k_year] + ([k_year] if k_year in plain else [])
        if len(twice) > 1:
            heads = [str(headings[int(np.flatnonzero((frame[S.PERIOD] == p).to_numpy())[0])]) for p in twice]
            problems.append(problem(fname, header_row, heads[1], heads[1], "budget.school_year_twice",
                                    other=heads[0], period=k_year))
    frame[S.PERIOD] = frame[S.PERIOD].replace(mapping)
    if read:
        warn.append(problem(fname, None, None, None, "budget.school_year_read", "warning", "budget_wide",
                            years_sv="; ".join(f"läsår {y} som år {k} ({span})" for y, k, span in read),
                            years_en="; ".join(f"school year {y} as year {k} ({span})" for y, k, span in read)))
    return ", ".join(dict.fromkeys(mapping.get(p.strip(), p.strip()) for p in periods.split(",")))


# the messages of a cell whose value was not read: a personnummer taken out, a formula without its saved result
def _budget_twice(p: Problem) -> Problem:
    """A budget's heading written twice (``Budget 2026`` in F and in H, the extension's budget beside the original
    plan's) named as two budgets of one period, with both ways to write it; any other problem as it is. Keeping one
    of the columns, as for another file's heading written twice, would leave the other's money out."""
    w = budget_shapes.wide_heading(p.column) if p.key == "column.duplicate" and p.column else None
    if w is None or w[0] != S.BUDGET or w[1] in ("", "?"):
        return p
    first, *rest = str(dict(p.values)["positions"]).split(", ")
    shown = quote(p.column)
    return problem(p.file, p.row, p.column, p.column, "budget.wide_same_budget", first=f"{shown} ({first})",
                   second=", ".join(f"{shown} ({c})" for c in rest), whole=quote(f"Budget {w[1]}"),
                   revised=quote(f"Reviderad budget {w[1]}"))


def _person_rows_above(path: Path, raw: RawTable, fname: str) -> list[Problem]:
    """A note for each row above the header row that holds a person: a person id where the header has its heading, and
    two more values, other than the template's example row that `evaltools new` writes there (row 2, which the sheet's
    first line says is never read, its id :data:`schema.TEMPLATE_EXAMPLE_ID`). Written over with the first
    participant, it was left out without a word."""
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else 0
    if header_row <= 1:
        return []
    rows = rows_to_header(path, raw.source, header_row)
    if len(rows) < header_row:
        return []
    heading = [" ".join(str(v).split()).casefold() if v is not None else "" for v in rows[-1][1]]
    if S.PERSON_ID not in heading:
        return []
    at = heading.index(S.PERSON_ID)

    def text(v: object) -> str:
        return v.date().isoformat() if isinstance(v, dt.datetime) else (
            v.isoformat() if isinstance(v, dt.date) else str(v).strip() if v is not None else "")
    notes = []
    for number, row in rows[:-1]:
        filled = [text(v) for v in row if text(v)]
        if at < len(row) and text(row[at]) not in ("", S.TEMPLATE_EXAMPLE_ID) and len(filled) >= 3:
            notes.append(problem(fname, number, None, row[at], "rows.person_above_header", "info",
                                 "person_above_header", value=quote(redact(text(row[at]))), header=header_row))
    return notes


def _unit_above(path: Path, raw: RawTable, declared: str, fname: str) -> list[Problem]:
    """One problem where a line above the budget's headings says its amounts are in another unit than the params
    file reads the budget in (``Belopp i tkr`` beside ``amount_unit: kr``, the default): read as kronor, every amount
    would be a thousand times too small, and the project's cost with them. The headings' own unit is checked first
    (:func:`budget_shapes.units_against`)."""
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else 0
    for text in cells_above(path, raw.source, header_row):
        unit = budget_shapes.stated_unit(text)
        if unit is not None and unit != declared:
            key = "budget.unit_above_unread" if unit in ("Mkr", "EUR") else "budget.unit_above"
            return [problem(fname, None, None, text, key, unit=unit, declared=declared)]
    return []


# a period in a sheet's name: a calendar year ('Budget 2024', '2025') or a project year ('År 1', 'Projektår 2')
_PERIOD_IN_NAME = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)|\b(?:år|projektår|year|project year)\s*\d{1,2}\b", re.I)


def _budget_per_sheet(raw: RawTable, problems: list[Problem], before: int) -> bool:
    """Whether a budget kept on a sheet per year (``Budget 2024``, ``Budget 2025``, each ``Kostnadsslag``, ``Budget``,
    ``Utfall``) with no column for the period was found among ``problems[before:]``: its year is only in the sheet's
    name, so the rows copied onto one sheet, as a list kept per year is asked to be, would lose it. The message is
    replaced by the budget's, saying where the year goes."""
    if S.PERIOD in raw.frame or any(budget_shapes.long_column(c) == S.PERIOD for c in raw.frame.columns) \
            or budget_shapes.is_wide(list(raw.frame.columns)):
        return False
    for k in range(before, len(problems)):
        p = problems[k]
        if p.key == "sheet.alike_summary" and p.file == raw.source:
            # (a sheet per year and the sheet read summing them, as a förbund's 'Sammanställning': the years' rows
            # are the budget, the summary's would count every krona twice)
            values = dict(p.values)
            if not _PERIOD_IN_NAME.search(str(values["sheets"])):
                return False
            problems[k] = problem(p.file, None, None, None, "budget.sheet_per_year_summary", read=values["read"],
                                  sheets=values["sheets"])
            # (the summary's formulas saved without a result: its rows are not to be read at all)
            problems[before:] = [q for q in problems[before:] if not (
                q.file == p.file and q.key in ("cell.formula", "cell.formula_not_calculated"))]
            return True
        if p.key == "sheet.alike" and p.file == raw.source:
            values = dict(p.values)
            if not _PERIOD_IN_NAME.search(str(values["read"])):
                # (sheets 'Lotsen' and 'Kompassen', two projects' budgets alike: no year is in a name, and the
                # message of sheets alike, to name the one sheet to read, is the one that helps)
                return False
            problems[k] = problem(p.file, None, None, None, "budget.sheet_per_year", read=values["read"],
                                  sheets=values["sheets"])
            return True
    return False


CATEGORY_LIMIT = 200  # characters of a budget line's name ('Lön projektledare 100 %, inkl. sociala avgifter' is 48)

# the most a budget line may be: a thousand million kronor, beyond the whole yearly budget of the largest
# samordningsförbund many times over (a project costs a few million), and far below 2**53, where a float stops
# counting every krona (a line of 10**20 kr summed to a total 98 304 kr off)
BUDGET_LINE_LIMIT_SEK = 1_000_000_000

_CELL_TAKEN_OUT = ("person.personnummer", "person.personnummer_own_column", "person.email", "person.email_own_column",
                   "person.phone", "cell.formula", "cell.formula_not_calculated")


def _extension_before_end(extended: pd.Series, raw: RawTable, fname: str, params: ProjectParams,
                          headings: np.ndarray | None = None) -> list[Problem]:
    """The budget lines whose period names the time the project was prolonged by (``Förlängning 2019``, read as the
    year by :func:`budget_shapes.extension_period`) in a year that ended before the project began (a year mistyped,
    2019 for 2029), or, where the params file records the prolonging (``period.actual_end`` after ``planned_end``),
    in a year or project year that ends by the planned end: the prolonged time follows it. Read, the line's amounts
    would be counted in a year before the project, or added to the original plan's lines of that year. Each refused
    at its row, with the first period the prolonged time has (where ``planned_end`` may be the new end, as an
    evaluator who was not told otherwise writes it, only a year before the start is refused). With ``headings``
    (a column per period, ``Budget förlängning 2019``: each row's heading) the heading is named, once."""
    period_, planned_end = params.period, params.period.planned_end
    prolonged = period_.actual_end is not None and period_.actual_end > planned_end
    bound = planned_end if prolonged else period_.start - dt.timedelta(days=1)
    out: list[Problem] = []
    for i in np.flatnonzero(extended.notna().to_numpy()).tolist():
        period = str(extended.iloc[i])
        number = re.fullmatch(r"år (\d{1,2})", period)
        if re.fullmatch(r"\d{4}", period):
            if dt.date(int(period), 12, 31) > bound:
                continue
            first = str(planned_end.year if dt.date(planned_end.year, 12, 31) > planned_end else planned_end.year + 1)
        elif number is not None and prolonged:
            ends = [(pd.Timestamp(period_.years_start) + pd.DateOffset(years=n) - pd.Timedelta(days=1)).date()
                    for n in range(1, 100)]
            if ends[int(number.group(1)) - 1] > bound:
                continue
            first = "år " + str(next(n for n, day in enumerate(ends, 1) if day > planned_end))
        else:
            continue
        key = "budget.extension_before_end" if prolonged else "budget.extension_before_start"
        if headings is not None:
            column = str(headings[i])
            if any(p.column == column for p in out):
                continue
            row, value = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None, column
            example = f"'{column.split()[0]} förlängning {first}'"
        else:
            row, column, value = int(raw.file_rows[i]), raw.column_of(S.PERIOD, i), raw.frame[S.PERIOD].iloc[i]
            example = f"Förlängning {first}"
        out.append(problem(fname, row, column, value, key, period=period, planned_end=planned_end.isoformat(),
                           first=first, start=period_.start.isoformat(), example=example))
    return out


def load_budget(path: Path, params: ProjectParams, problems: list[Problem], warn: list[Problem]) -> pd.DataFrame:
    before = len(problems)
    raw = _read(path, S.BUDGET_TABLE, params, "budget", problems, warn, header_like=budget_shapes.header_like)
    problems[before:] = [_budget_twice(p) for p in problems[before:]]
    if raw is None:
        return empty_table(S.BUDGET_TABLE)
    fname = raw.source
    _format_units(raw, params, "budget", fname, problems)
    funder_given = S.FUNDER in raw.frame  # (as the file has it, before any layout is read into lines)
    # (each cost line's rows as the file has them: a line of each quarter or half-year is one line of its year below)
    line_rows: dict[str, list] = {}
    for name, row in zip(raw.frame[S.CATEGORY] if S.CATEGORY in raw.frame else (), raw.file_rows):
        if not pd.isna(name):
            line_rows.setdefault(str(name), []).append(row)
    raw = _percents_shown(raw)
    if (ledger := budget_shapes.ledger_problem(raw, fname)) is not None:
        # (the economy system's ledger as exported: one message saying how the budget is laid out from it, not one
        # per month row, and its 'Belopp', the utfall, never read as the budget)
        problems.append(ledger)
        return empty_table(S.BUDGET_TABLE)
    # (a hidden column of neither the contract's names nor a budget's headings, 'Tjänstgöringsgrad', is not read)
    names = {c.name for c in S.BUDGET_TABLE.columns}
    hidden_unread(raw.hidden_headings, {h for _, h in raw.hidden_headings
                                        if h not in names and not budget_shapes.header_like(h)}, warn, raw.notes)
    twice: set[str] = set()
    if _budget_per_sheet(raw, problems, before):
        twice = {S.PERIOD, "sheet"}  # (its one message says where the year goes: not 'period' missing, nor the sheets)
    units = budget_shapes.units_against(raw, params.data.unit("budget"), fname)
    problems.extend(units or _unit_above(path, raw, params.data.unit("budget"), fname))
    long_revised: list[tuple[str, float, float]] = []
    if not budget_shapes.is_wide(list(raw.frame.columns)):  # a row per line and period, headed in Swedish ('År')
        raw, answered = budget_shapes.read_long_headings(raw, fname, problems, warn, long_revised)
        twice |= answered
        _period_years_shown(raw)
    raw, below = notes_below(raw, fname)
    raw, units = units_row(raw, fname)
    warn.extend(below + units)
    if not budget_shapes.is_wide(list(raw.frame.columns)) and S.PERIOD in raw.frame:
        # (a row per line and period, a summary kept under it after an empty row: one message, not one per cell)
        raw, tables = second_table(raw, fname)
        problems.extend(tables)
    taken_out = {p.row for p in problems if p.file == fname and p.key in _CELL_TAKEN_OUT and p.row is not None}
    # (year, the application's budget, the revised) of each year a board revised
    revised_sums: tuple = tuple(long_revised)
    if budget_shapes.is_wide(list(raw.frame.columns)):  # the förbund's layout: a column per year and kind
        start = len(problems)
        raw, info = budget_shapes.long_from_wide(raw, fname, problems, (params.period.start, params.period.end))
        revised_sums = info.get("revised_sums", ())
        info["periods"] = _school_years(raw, params, fname, problems, warn, info["periods"])
        # (a column of the prolonged time, 'Budget förlängning 2019', in a year before the project or by its end)
        of_column = next((raw.cell_columns[c] for c in (S.BUDGET, S.ACTUAL) if c in raw.cell_columns), None)
        if of_column is not None and S.PERIOD in raw.frame:
            marked = pd.Series([budget_shapes.extension_heading(h) for h in of_column], index=raw.frame.index)
            problems.extend(_extension_before_end(raw.frame[S.PERIOD].astype("string").where(marked), raw, fname,
                                                  params, of_column))
        if len(raw.frame) and len(problems) == start:
            warn.append(problem(fname, None, None, None, "budget.wide_read", "warning", "budget_wide",
                                periods=info["periods"], periods_en=S.budget_periods_en(info["periods"]),
                                lines=_sek(info["lines"]), rows=_sek(info["rows"])))
            if info["parts"]:
                warn.append(problem(fname, None, None, None, "budget.wide_parts", "warning", "budget_wide",
                                    parts=info["parts"]))
            if info["partial"]:
                warn.append(problem(fname, None, None, None, "budget.wide_parts_partial", "warning", "budget_wide",
                                    years=info["partial"]))
            if info["revised"] and info["replaced"]:  # (the application's budget beside its revision)
                warn.append(problem(fname, None, None, None, "budget.wide_revised", "warning", "budget_wide",
                                    revised=info["revised"], replaced=info["replaced"]))
            elif info["revised"]:
                warn.append(problem(fname, None, None, None, "budget.wide_revised_alone", "warning", "budget_wide",
                                    revised=info["revised"]))
            if info["months"]:  # (the utfall month by month beside the year's utfall column: not read, and said so)
                first_month, last_month, n, actuals = info["months"]
                warn.append(problem(fname, None, first_month, first_month, "budget.wide_months_unread", "warning",
                                    "budget_wide", first=quote(first_month), last=quote(last_month), n=n,
                                    actuals=actuals))
            for forecast, budget, fix in info["forecasts"]:  # (a forecast column: not read, and said so)
                warn.append(problem(fname, None, forecast, forecast, "budget.wide_forecast" if budget
                                    else "budget.wide_forecast_only", "warning", "budget_wide",
                                    budget=quote(budget or fix)))
    frame = raw.frame
    if S.PERIOD in frame and S.CATEGORY in frame:
        # a total row at the bottom with its period cell left empty (as Excel users write it) totals every line
        # and so does one with 'Summa' in its first column, the period's, and the category left empty
        # and so does one with 'Totalt' in the period and 'Summa' in the category (the grand total under a follow-up
        # whose periods each have a total row of their own)
        period_cell = frame[S.PERIOD].fillna("").astype(str).str.strip()
        category_cell = frame[S.CATEGORY].fillna("").astype(str).str.strip()
        # a year's total with the year beside 'Summa' in the period column ('Summa 2024', 'Totalt år 2') and the category
        # left empty, as a follow-up sums each year under its lines: that period's total row, checked against its lines
        # (never its period to write in place: the row would be read as a cost line and count the year twice)
        year_total = period_cell.str.extract(_PERIOD_TOTAL, expand=True)
        of_year = year_total[1].notna() & ((category_cell == "") | category_cell.str.rstrip(":").str.lower().isin(
            S.TOTAL_LABELS))
        if of_year.any():
            frame.loc[of_year & (category_cell == ""), S.CATEGORY] = year_total.loc[of_year, 0]
            frame.loc[of_year, S.PERIOD] = year_total.loc[of_year, 1]
            period_cell = frame[S.PERIOD].fillna("").astype(str).str.strip()
            category_cell = frame[S.CATEGORY].fillna("").astype(str).str.strip()
        said_in_period = (period_cell.str.rstrip(":").str.lower().isin(S.TOTAL_LABELS)
                          & ((category_cell == "") | category_cell.str.rstrip(":").str.lower().isin(S.TOTAL_LABELS)))
        frame.loc[said_in_period & (category_cell == ""), S.CATEGORY] = period_cell[said_in_period].str.rstrip(":")
        frame.loc[said_in_period, S.PERIOD] = ""
        # a follow-up kept a row per quarter (or half-year, tertial): each part named as a wide budget names it, so
        # that a part's total row is checked against that part's lines; the parts are added into years below
        # (the time a project was prolonged by, its lines' period 'Förlängning 2026': the year, as the column layout
        # reads 'Budget förlängning 2026')
        extended = frame[S.PERIOD].fillna("").astype(str).map(budget_shapes.extension_period)
        # (a year or a project year only: 'Förlängning 2024-2025', read as the school year 2024/25, keeps its cell, and
        # its message names the cell as written, not a period it does not say)
        extended = extended.where(extended.fillna("").str.fullmatch(r"\d{4}|år \d{1,2}"))
        problems.extend(_extension_before_end(extended, raw, fname, params))
        frame.loc[extended.notna(), S.PERIOD] = extended[extended.notna()]
        parts = frame[S.PERIOD].fillna("").astype(str).map(budget_shapes.year_part)
        frame.loc[parts.notna(), S.PERIOD] = parts[parts.notna()]
        # (a subtotal, 'Summa förbundet', with its period left empty too: it is checked against the lines above it)
        total_row = frame[S.CATEGORY].fillna("").astype(str).map(budget_shapes.total_row).notna()
        # (not where the row's period cell was refused, a personnummer taken out or a formula without its value: its
        # period is unknown, not left empty, and its total no total of every line; a 'Summa' row whose amounts are
        # formulas saved without their values has its period empty all the same, and no message that it is)
        period_taken = {p.row for p in problems if p.file == fname and p.key in _CELL_TAKEN_OUT and p.row is not None
                        and p.column is not None and budget_shapes.long_column(p.column) == S.PERIOD}
        refused = np.isin(raw.file_rows, list(period_taken))
        frame.loc[total_row & (frame[S.PERIOD].fillna("").astype(str).str.strip() == "") & ~refused, S.PERIOD] = "alla"
    wide, first = budget_shapes.is_wide_read(raw), len(problems)
    if not wide:
        warn.extend(_lines_split_by_unread(raw, fname))
        _formulas_unread(raw, S.BUDGET_TABLE, fname, problems)  # (a column of notes or lookups beside the lines)
        if S.FUNDER not in raw.frame:  # the financiers under a heading not read as funder: never guessed
            header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
            problems.extend(problem(fname, header_row, str(c), str(c), "budget.funder_heading")
                            for c in raw.frame.columns if c not in (S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL)
                            and budget_shapes.funder_column(raw.frame[c]))
    heads = _financier_heading_rows(raw) if not wide and S.FUNDER not in raw.frame else []
    blocks = [] if wide else _block_heading_rows(raw, {r for r, *_ in heads})
    named = budget_shapes.financier_lines(raw, S.CATEGORY, [S.BUDGET, S.ACTUAL]) \
        if not wide and S.FUNDER not in raw.frame and S.CATEGORY in raw.frame else []
    # a column per financier beside the lines ('Region', 'Kommun', 'FK', 'AF'), each holding its part of the line:
    # read a line per financier, the parts would be left out (and the budget said to be missing), or the line's
    # whole amount booked on the förbund; said once, with the lines to write
    parts = [] if wide else [(str(c), code) for c in raw.frame.columns
                             if c not in (S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL, S.FUNDER)
                             and (code := budget_shapes.financier_column(raw.headings.get(c, c), raw.frame[c]))]
    before = len(problems)
    df, refused_cells = _validate(raw, S.BUDGET_TABLE, problems, fname, warn, unit=params.data.unit("budget"))
    if parts:
        problems[before:] = [p for p in problems[before:]
                             if not (p.key in ("column.missing", "column.missing_heading") and p.column == S.BUDGET)]
        header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
        shown = [str(raw.headings.get(c, c)) for c, _ in parts]
        problems.append(problem(fname, header_row, shown[0], shown[0], "budget.financier_columns",
                                columns=", ".join(quote(h) for h in shown),
                                codes="; ".join(f"{quote(h)} → {code}" for h, (_, code) in zip(shown, parts))))
    if heads:  # (a heading row's empty period is no line's: the one message says what the rows are, and what to write)
        at = {r for r, *_ in heads}
        problems[before:] = [p for p in problems[before:] if p.row not in at]
        codes = "; ".join(f"{quote(name)} → {code}" for _, name, code in heads)
        problems.append(problem(fname, heads[0][0], raw.column_of(S.CATEGORY, 0), heads[0][1],
                                "budget.financier_headings", rows=", ".join(str(r) for r, *_ in heads), codes=codes))
    if blocks:  # (a block's heading, 'Faluns kommun' over its lines: one message, not an empty period for each)
        at = {r for r, *_ in blocks}
        problems[before:] = [p for p in problems[before:] if p.row not in at]
        problems.append(problem(fname, blocks[0][0], raw.column_of(S.CATEGORY, 0), blocks[0][1],
                                "budget.block_headings", rows=row_ranges([r for r, *_ in blocks]),
                                names=", ".join(quote(name) for _, name, _ in blocks[:4])
                                + (", …" if len(blocks) > 4 else ""),
                                example=quote(f"{blocks[0][2]}, {blocks[0][1]}")))
    if named:  # (a line named only by who pays it, with amounts: never booked on the förbund without a word)
        problems.append(budget_shapes.financier_lines_problem(named, fname, raw.column_of(S.CATEGORY, 0)))
    # (a character that turns the direction text is shown in, U+202E, would show a line's name backwards in the report's
    # tables, chart and workbook: removed, as from the params file's texts; the file is not changed)
    turned = df[S.CATEGORY].map(lambda v: isinstance(v, str) and BIDI_CONTROLS.search(v) is not None).astype(bool)
    if turned.any():
        df.loc[turned, S.CATEGORY] = [BIDI_CONTROLS.sub("", v) for v in df.loc[turned, S.CATEGORY]]
    names = df[S.CATEGORY].fillna("").astype(str)
    for i in np.flatnonzero((names.str.len() > CATEGORY_LIMIT).to_numpy()).tolist():
        # (a note pasted into the line's name: the budget table's column would take the page, its amounts pushed off)
        problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(S.CATEGORY, i), names.iloc[i],
                                "budget.category_long", n=len(names.iloc[i]), limit=CATEGORY_LIMIT,
                                start=quote(names.iloc[i])))
    # (a column two headings could be has that message alone, not 'missing' too)
    problems[first:] = [p for p in problems[first:] if not (p.column in twice and p.key in (
        "column.missing", "column.missing_heading", "column.optional_heading"))
        and not ("sheet" in twice and p.key in ("sheet.others", "sheet.others_one"))]
    if wide:  # a cell of the file read for several periods (a line's name) has one message, not one per period
        problems[first:] = list({(p.row, p.column, p.key, p.value): p for p in problems[first:]}.values())
        # (a financier's heading row is to be deleted, not its '-' or text amount corrected: its one message says so)
        heading_rows = {int(r) for p in problems if p.file == fname and p.key == "budget.financier_headings"
                        for r in str(dict(p.values).get("rows", "")).split(", ") if r.isdigit()}
        problems[first:] = [p for p in problems[first:] if not (p.row in heading_rows and p.key.startswith("cell."))]
    if len(df) and df[S.ACTUAL].isna().all():
        # one workbook of everything, its utfall on a sheet of its own ('Utfall per kvartal'): never read, so
        # the cost would be the budget without a word; say where the utfall's columns go
        for sheet in sheets_beside(path, fname):
            if "utfall" in sheet.casefold():
                problems.append(problem(fname, None, None, None, "budget.utfall_sheet", read=quote(
                    sheet_read(path, fname)), sheet=quote(sheet)))
    unit = params.data.unit("budget")
    factor = 1000 if unit == "tkr" else 1
    df[[S.BUDGET, S.ACTUAL]] = df[[S.BUDGET, S.ACTUAL]] * factor
    for col in (S.BUDGET, S.ACTUAL):  # (a line beyond any project's cost: a digit too many, not a budget)
        for i in np.flatnonzero((df[col] > BUDGET_LINE_LIMIT_SEK).to_numpy()).tolist():
            problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(col, i), raw.frame[col].iloc[i],
                                    "budget.too_large", amount=_sek(df[col].iloc[i]), limit=_sek(BUDGET_LINE_LIMIT_SEK)))
    row_kind = df[S.CATEGORY].fillna("").astype(str).map(budget_shapes.total_row)
    is_total, is_sub = row_kind.eq("total"), row_kind.eq("subtotal")
    # a 'varav' sub-row (the part of the line above it for one purpose): counted in that line, never a line itself
    is_part = df[S.CATEGORY].fillna("").astype(str).map(budget_shapes.part_row).astype(bool) & ~is_total & ~is_sub
    parts_sum = df[is_part]
    lines = df[~is_total & ~is_sub & ~is_part]
    _check_subtotals(df, row_kind, refused_cells, raw, fname, factor, unit, warn, skip=is_part)
    _part_rows_read(df, is_part, raw, fname, factor, unit, warn)
    _parts_without_line(df, is_part, is_total | is_sub, raw, fname, problems)
    percent = _percent_lines(df, raw, fname, problems)
    # a line of funds paid back is refused, with its message (_repayment_lines): a total over it, which may leave it
    # out, is checked once it is deleted, not told to be corrected for it
    paid_back = lines[S.CATEGORY].fillna("").astype(str).map(
        lambda n: _REPAYMENT_LINE.search(n) is not None or budget_shapes.unspent_row(n))
    # the lines whose period is refused (an economy system's month, '202401'): left out of every sum below
    refused_periods = [str(p).strip().lower() for p in lines[S.PERIOD].tolist() if _period_refused(p)]
    for i in ([] if percent else np.flatnonzero(is_total.to_numpy()).tolist()):
        row = df.iloc[i]
        period = row[S.PERIOD]
        if int(raw.file_rows[i]) in taken_out and (pd.isna(period) or not str(period).strip()):
            continue  # (a total whose period was refused is checked once the period is written)
        if _total_over_refused_periods(period, refused_periods):
            continue  # (a line it may hold has its period refused: checked once that period is written)
        scope = lines if _every_period(period) else lines[lines[S.PERIOD] == period]
        if not _every_period(period) and len(scope) == 0:
            scope = lines
        for col in (S.BUDGET, S.ACTUAL):
            stated = row[col]
            if pd.isna(stated):
                continue
            if col in refused_cells and refused_cells.loc[scope.index, col].any():
                continue  # (a line's amount refused, a negative one say, has its message; the sum would only repeat it)
            if (paid_back.loc[scope.index] & scope[col].fillna(0).gt(0)).any():
                continue
            summed = scope[col].sum(min_count=1)
            if pd.isna(summed) and stated == 0:
                continue  # Excel's SUM over cells not yet filled in (the running year's utfall) shows 0
            if _every_period(period) and abs(stated - _block_sum(df, lines, is_total | is_sub, i, col)) <= 0.5:
                continue  # ('Summa' under one block of lines, a municipality's, as a joint project's budget sums each)
            if pd.isna(summed) or abs(stated - summed) > 0.5:
                # the total and the lines' sum in the file's own unit (kr or tkr, named), as the cell holds it
                lines_sum = (0.0 if pd.isna(summed) else float(summed)) / factor
                # (a total that holds the 'varav' rows of its lines too, Excel's SUM over the whole column, is told
                # so: the rows to leave out of it, not lines to correct)
                part_scope = parts_sum if _every_period(period) else parts_sum[parts_sum[S.PERIOD] == period]
                with_parts = (0.0 if pd.isna(summed) else float(summed)) + float(part_scope[col].fillna(0).sum())
                if len(part_scope) and abs(stated - with_parts) <= 0.5:
                    part_rows = ", ".join(dict.fromkeys(str(int(raw.file_rows[df.index.get_loc(j)]))
                                                        for j in part_scope.index))
                    problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(col, i),
                                            _amount(stated / factor, "en"), "budget.total_with_parts",
                                            value_sv=f"{_amount(stated / factor, 'sv')} {unit}",
                                            value_en=f"{_amount(stated / factor, 'en')} {unit}",
                                            lines_sv=f"{_amount(lines_sum, 'sv')} {unit}",
                                            lines_en=f"{_amount(lines_sum, 'en')} {unit}", rows=part_rows))
                    continue
                problems.append(problem(fname, int(raw.file_rows[i]), raw.column_of(col, i), _amount(stated / factor, "en"),
                                        "budget.total",
                                        value_sv=f"{_amount(stated / factor, 'sv')} {unit}",
                                        value_en=f"{_amount(stated / factor, 'en')} {unit}",
                                        lines_sv=f"{_amount(lines_sum, 'sv')} {unit}",
                                        lines_en=f"{_amount(lines_sum, 'en')} {unit}",
                                        **_total_scope(period)))
    file_rows = raw.file_rows[~(is_total | is_sub | is_part).to_numpy()]
    lines, file_rows = _years_of_parts(lines, file_rows, raw, fname, problems, warn)
    _check_budget_periods(lines, file_rows, raw, fname, problems, wide, _project_year_firsts(params),
                          params.period.start.year, params.period.prestudy,
                          (params.period.planned_end, params.period.actual_end))
    lines, file_rows, prorated = _per_year_lines(lines.reset_index(drop=True), file_rows, raw, params, fname,
                                                 problems, warn)
    # (a period of the project without a line: the cost counts nothing for it; told once the periods are read)
    gaps = () if any(p.file == fname for p in problems) else budget_gaps(lines[S.PERIOD], params)
    if gaps:
        warn.append(problem(fname, None, S.PERIOD, None, "budget.periods_missing", "warning", "budget_gaps",
                            periods_sv=(said := ", ".join(str(n) if kind == "year" else f"år {n}" for kind, n in gaps)),
                            periods_en=S.budget_periods_en(said),
                            start=params.period.start.isoformat(), end=params.period.end.isoformat()))
    # (a line for a period after the project's end, a plain 2030 or a Förlängning 2030 without actual_end: counted,
    # and told, one note per period naming its rows)
    for said_period, line_at in ({} if any(p.file == fname for p in problems) else budget_after_end(lines, params)).items():
        # (runs of rows as ranges: a ledger's 500 lines of a year after the end are "1502–2001", not 500 numbers)
        rows_of = row_ranges([int(file_rows[i]) for i in line_at])
        last_day = max(params.period.planned_end, params.period.actual_end or params.period.planned_end)
        warn.append(problem(fname, int(file_rows[line_at[0]]), S.PERIOD, said_period, "budget.after_end", "warning",
                            "budget_after_end", rows=rows_of, periods_sv=said_period,
                            periods_en=S.budget_periods_en(said_period), end=last_day.isoformat()))
    # (a line for a period that ends before the project's start, 2023 for a project from 2024-01-01: counted all the
    # same, in the project's first month, and told, as a line after the end is)
    for said_period, line_at in ({} if any(p.file == fname for p in problems) else budget_before_start(lines, params)).items():
        warn.append(problem(fname, int(file_rows[line_at[0]]), S.PERIOD, said_period, "budget.before_start", "warning",
                            "budget_before_start", rows=row_ranges([int(file_rows[i]) for i in line_at]),
                            periods_sv=said_period, periods_en=S.budget_periods_en(said_period),
                            start=params.period.start.isoformat()))
    # (a pre-study's line kept in år 1, as a budget without a period of the pre-study's own had it: counted, in the
    # implementation's first year; told, with the period that dates it to the pre-study's months)
    at_one = [] if any(p.file == fname for p in problems) else prestudy_in_year_one(lines, params)
    if at_one:
        warn.append(problem(fname, int(file_rows[at_one[0]]), S.CATEGORY, None, "budget.prestudy_in_year_one",
                            "warning", "budget_prestudy_in_year_one",
                            rows=", ".join(str(int(file_rows[i])) for i in at_one),
                            first=params.period.start.isoformat(), implementation=params.period.years_start.isoformat()))
    if not any(p.file == fname and p.key in ("budget.unit_above", "budget.unit_above_unread") for p in problems):  # (the unit said once)
        _check_budget_unit(lines, params, fname, problems)
    _check_own_financing(lines, file_rows, params, fname, warn)
    if not funder_given and S.FUNDER not in raw.frame:  # (every line then booked on the förbund)
        _check_in_kind_without_funder(lines, file_rows, fname, warn, line_rows)
    _check_vat_lines(lines, file_rows, fname, warn)
    _repayment_lines(lines, file_rows, raw, fname, problems)
    _income_lines(lines, file_rows, raw, fname, problems)
    _check_participant_wages(lines, file_rows, params, fname, problems, warn)
    out = lines.reset_index(drop=True)
    out.attrs["stated_totals"] = df[is_total].reset_index(drop=True)
    out.attrs["file_rows"] = file_rows
    out.attrs["source"] = fname
    out.attrs["per_year"] = prorated
    out.attrs["missing_periods"] = gaps
    # the budget the cost is compared with, where a board revised it: each year's budget before and after (in kr)
    out.attrs["revised"] = tuple((year, before_sum * factor, after_sum * factor)
                                 for year, before_sum, after_sum in revised_sums)
    headings = raw.cell_columns.get(S.ACTUAL)  # (a förbund's layout: each line's utfall under 'Utfall 2026')
    if headings is not None and len(headings) == len(df) and int((~is_total & ~is_sub & ~is_part).sum()) == len(out):
        out.attrs["actual_headings"] = np.asarray(headings, dtype=object)[~(is_total | is_sub | is_part).to_numpy()]
    return out


def _check_subtotals(df: pd.DataFrame, row_kind: pd.Series, refused_cells: pd.DataFrame, raw: RawTable, fname: str,
                     factor: int, unit: str, warn: list[Problem], skip: pd.Series | None = None) -> None:
    """A budget's subtotal rows (``Summa förbundet``, ``Summa medfinansiering``, ``Delsumma``: :func:`budget_shapes.
    total_row`) are no cost lines: read as lines, they counted their lines' cost twice. Each is checked against the
    lines of its period since the previous total or subtotal row above it, as Excel's subtotals are laid out; one
    that differs is a note naming its row (a subtotal of lines spread over the table is not wrong), and the rows
    read as subtotals are named to the evaluator (``validate``)."""
    subs = np.flatnonzero(row_kind.eq("subtotal").to_numpy())
    if not len(subs):
        return
    since: dict[str, list[int]] = {}
    for k, (idx, kind) in enumerate(row_kind.items()):
        if skip is not None and bool(skip.iat[k]):
            continue  # (a 'varav' row: counted in the line above it, in no subtotal of its own)
        period = str(df.at[idx, S.PERIOD]).strip() if pd.notna(df.at[idx, S.PERIOD]) else ""
        every = _every_period(period)
        if not isinstance(kind, str):  # (a cost line: map gives NaN for None)
            since.setdefault(period, []).append(idx)
            since.setdefault("", []).append(idx)
            continue
        scope = since.get("" if every else period, [])
        if kind == "subtotal":
            for col in (S.BUDGET, S.ACTUAL):
                stated = df.at[idx, col]
                if pd.isna(stated) or not scope or (col in refused_cells and refused_cells.loc[scope, col].any()):
                    continue
                summed = df.loc[scope, col].sum(min_count=1)
                if (pd.isna(summed) and stated == 0) or (pd.notna(summed) and abs(stated - summed) <= 0.5):
                    continue
                lines_sum = (0.0 if pd.isna(summed) else float(summed)) / factor
                warn.append(problem(fname, int(raw.file_rows[k]), raw.column_of(col, k), _amount(stated / factor, "en"),
                                    "budget.subtotal_unmatched", "warning", "budget_subtotal",
                                    name=quote(str(df.at[idx, S.CATEGORY]).strip()),
                                    value_sv=f"{_amount(stated / factor, 'sv')} {unit}",
                                    value_en=f"{_amount(stated / factor, 'en')} {unit}",
                                    lines_sv=f"{_amount(lines_sum, 'sv')} {unit}",
                                    lines_en=f"{_amount(lines_sum, 'en')} {unit}"))
        for key in ([*since] if every else [period, ""]):  # (a total or subtotal closes the lines above it)
            since[key] = []
    rows = ", ".join(dict.fromkeys(str(int(raw.file_rows[k])) for k in subs))
    names = ", ".join(dict.fromkeys(quote(str(df.iloc[k][S.CATEGORY]).strip()) for k in subs))
    # (one row is 'raden 4', as every message names a row, not 'raderna 4')
    warn.append(problem(fname, None, None, None, "budget.subtotals_read" if len(subs) > 1 else "budget.subtotal_read",
                        "info", "budget_subtotal", rows=rows, names=names))


def _block_heading_rows(raw: RawTable, financier_heads: set[int]) -> list[tuple[int, str, str]]:
    """The rows of a budget of the contract's layout that hold only a text in the cost line, with no period, amount
    or funder (``Faluns kommun`` over a joint project's block of lines for that municipality, the blocks' lines named
    alike): each (file row, text, the cost line of the first line under it). Such a heading is no line, and read as
    one it is refused for its empty period; the lines under it would lose the name that tells them apart. A total
    row and a financier's heading (said by its own message) are none."""
    df = raw.frame
    if S.CATEGORY not in df or S.PERIOD not in df:
        return []
    others = [c for c in (S.PERIOD, S.FUNDER) if c in df]
    amounts = [c for c in (S.BUDGET, S.ACTUAL) if c in df]
    found: list[tuple[int, str, str]] = []
    for i in range(len(df)):
        name = df[S.CATEGORY].iloc[i]
        text = "" if name is None or name != name else " ".join(str(name).split())
        row = int(raw.file_rows[i])
        if (not text or row in financier_heads or budget_shapes.total_row(text) is not None
                or text.rstrip(":").lower() in S.TOTAL_LABELS):
            continue
        if all(str("" if df[c].iloc[i] is None or df[c].iloc[i] != df[c].iloc[i] else df[c].iloc[i]).strip() == ""
               for c in others) and all(budget_shapes.no_amount(df[c].iloc[i]) for c in amounts):
            below = next((" ".join(str(df[S.CATEGORY].iloc[k]).split()) for k in range(i + 1, len(df))
                          if str(df[S.PERIOD].iloc[k] if df[S.PERIOD].iloc[k] is not None else "").strip()
                          and df[S.CATEGORY].iloc[k] is not None and df[S.CATEGORY].iloc[k] == df[S.CATEGORY].iloc[k]
                          and str(df[S.CATEGORY].iloc[k]).strip()), "Lön")
            found.append((row, text.rstrip(":"), below))
    return found


def _financier_heading_rows(raw: RawTable) -> list[tuple[int, str, str]]:
    """The rows of a budget with a period column but no ``Finansiär`` column that name only a financier and hold no
    amount (``Kommunen`` over the municipality's lines: :func:`budget_shapes.financier_heading`), each (file row, name,
    code); none where no such heading names another financier than the förbund, whose lines are read as its."""
    if S.CATEGORY not in raw.frame:
        return []
    heads = []
    for i, name in enumerate(raw.frame[S.CATEGORY]):
        code = budget_shapes.financier_heading(name)
        empty = all(budget_shapes.no_amount(raw.frame[c].iloc[i]) for c in (S.BUDGET, S.ACTUAL) if c in raw.frame)
        if code is not None and empty:
            heads.append((int(raw.file_rows[i]), str(name).strip(), code))
    return heads if any(code != "förbund" for *_, code in heads) else []


def _parts_without_line(df: pd.DataFrame, is_part: pd.Series, is_total: pd.Series, raw: RawTable, fname: str,
                        problems: list[Problem]) -> None:
    """A *varav* row with no cost line above it (the table's first row, or the row under a total) is refused: it is
    read as a part of the line above it, so no line would hold its amount, and the cost would be short of it. The
    rows are taken in the file's order (a layout with a column per period gives a row per period of one file row)."""
    kinds: dict[int, str] = {}
    periods: dict[int, list[str]] = {}  # (the file row: the periods its amounts are given for, in the file's order)
    for k in range(len(df)):
        row = int(raw.file_rows[k])
        kinds.setdefault(row, "part" if bool(is_part.iat[k]) else "total" if bool(is_total.iat[k]) else "line")
        period = df.iat[k, df.columns.get_loc(S.PERIOD)]
        if pd.notna(period) and str(period).strip() and str(period) not in periods.setdefault(row, []):
            periods[row].append(str(period))
    above, line_row = "none", 0
    for row in sorted(kinds):
        if kinds[row] != "part":
            above, line_row = kinds[row], row
            continue
        k = int(np.flatnonzero(raw.file_rows[:len(df)] == row)[0])
        name = str(df.iat[k, df.columns.get_loc(S.CATEGORY)])
        if above != "line":
            problems.append(problem(fname, row, raw.column_of(S.CATEGORY, k), name, "budget.part_no_line"))
            continue
        # a varav row of a period the line above has no amount for (a row per year: 'år 2' under a line of 'år 1';
        # a column per year: its amount in 2025 under a line with none that year): a part of no line of its period,
        # so its amount would be counted nowhere and the line it belongs to is not told
        other = [p for p in periods.get(row, []) if p not in periods.get(line_row, []) and not _every_period(p)]
        if other:
            k_line = int(np.flatnonzero(raw.file_rows[:len(df)] == line_row)[0])
            problems.append(problem(fname, row, raw.column_of(S.CATEGORY, k), name, "budget.part_other_period",
                                    periods=", ".join(other), line=quote(str(df.iat[k_line, df.columns.get_loc(
                                        S.CATEGORY)]).strip()), row_above=line_row,
                                    line_periods=", ".join(periods.get(line_row, [])) or "–"))


def _part_rows_read(df: pd.DataFrame, is_part: pd.Series, raw: RawTable, fname: str, factor: int, unit: str,
                    warn: list[Problem]) -> None:
    """Name the budget's *varav* rows (:func:`budget_shapes.part_row`: ``varav språkstödjare`` under ``Jobbcoacher``)
    to the evaluator, as not read: each is a part of the line above it, whose amount holds it already. A part larger
    than the line above it in a period is a note naming both, since then the line cannot hold it; so are several parts
    of one line that together are more than it."""
    at = np.flatnonzero(is_part.to_numpy())
    if not len(at):
        return
    together: dict[tuple[int, str], list[int]] = {}  # (the line above, the column): its varav rows of its period
    for k in at.tolist():
        above = k - 1
        while above >= 0 and bool(is_part.iat[above]):
            above -= 1  # (several varav rows under one line: each a part of that line)
        if above < 0:
            continue
        for col in (S.BUDGET, S.ACTUAL):
            part, line = df.iat[k, df.columns.get_loc(col)], df.iat[above, df.columns.get_loc(col)]
            same_period = str(df.iat[k, df.columns.get_loc(S.PERIOD)]) == str(df.iat[above, df.columns.get_loc(S.PERIOD)])
            if same_period and pd.notna(part):
                together.setdefault((above, col), []).append(k)
            if same_period and pd.notna(part) and pd.notna(line) and part > line + 0.5:
                warn.append(problem(fname, int(raw.file_rows[k]), raw.column_of(col, k), _amount(part / factor, "en"),
                                    "budget.part_above_line", "warning", "budget_part",
                                    value_sv=f"{_amount(part / factor, 'sv')} {unit}",
                                    value_en=f"{_amount(part / factor, 'en')} {unit}",
                                    name=quote(str(df.iat[k, df.columns.get_loc(S.CATEGORY)]).strip()),
                                    line=quote(str(df.iat[above, df.columns.get_loc(S.CATEGORY)]).strip()),
                                    row_above=int(raw.file_rows[above])))
    for (above, col), parts in together.items():
        # (several varav rows under one line, each smaller than it, that together are more than it: 'varav tolk' and
        # 'varav resor' of 600 000 kr each under a line of 1 000 000 kr)
        line, amounts = df.iat[above, df.columns.get_loc(col)], [df.iat[k, df.columns.get_loc(col)] for k in parts]
        total = float(sum(amounts))
        if len(parts) > 1 and pd.notna(line) and total > line + 0.5 and all(a <= line + 0.5 for a in amounts):
            warn.append(problem(fname, int(raw.file_rows[parts[0]]), raw.column_of(col, parts[0]),
                                _amount(total / factor, "en"), "budget.parts_above_line", "warning", "budget_part",
                                value_sv=f"{_amount(total / factor, 'sv')} {unit}",
                                value_en=f"{_amount(total / factor, 'en')} {unit}",
                                names=", ".join(quote(str(df.iat[k, df.columns.get_loc(S.CATEGORY)]).strip())
                                                for k in parts),
                                rows=", ".join(str(int(raw.file_rows[k])) for k in parts),
                                line=quote(str(df.iat[above, df.columns.get_loc(S.CATEGORY)]).strip()),
                                row_above=int(raw.file_rows[above])))
    rows = ", ".join(dict.fromkeys(str(int(raw.file_rows[k])) for k in at.tolist()))
    names = ", ".join(dict.fromkeys(quote(str(df.iat[k, df.columns.get_loc(S.CATEGORY)]).strip()) for k in at.tolist()))
    warn.append(problem(fname, None, None, None, "budget.parts_read", "info", "budget_part", rows=rows, names=names))


def _years_of_parts(lines: pd.DataFrame, file_rows: np.ndarray, raw: RawTable, fname: str, problems: list[Problem],
                    warn: list[Problem]) -> tuple[pd.DataFrame, np.ndarray]:
    """A follow-up kept a row per part of a year (``2024 Kv1`` … ``2024 Kv4``, half-years, tertials) as the
    contract's periods, calendar years: the lines of one cost line (its name and funder) in one year are added into
    one, at the row of its first part, as a wide budget's columns per part are (:mod:`.budget_shapes`). A line's
    utfall for the year is the sum of its parts' only when every part with a budget has one; otherwise it is left
    empty and the year counts at its budget, with the wide budget's note. A year given whole on some rows and in
    parts on others, or in parts of two kinds (quarters beside half-years), is refused, naming the row: an amount
    would be counted twice."""
    period = lines[S.PERIOD].fillna("").astype(str)
    kind = period.map(budget_shapes.part_kind)
    is_part = (kind != "").to_numpy()
    if not is_part.any():
        return lines, file_rows
    year = period.where(kind == "", period.str.split(" ").str[0])
    for y in dict.fromkeys(year[is_part]):
        in_year = (year == y).to_numpy()
        kinds = list(dict.fromkeys(kind[in_year]))
        if len(kinds) > 1:
            at = int(np.flatnonzero(in_year & (kind != kinds[0]).to_numpy())[0])
            problems.append(problem(fname, int(file_rows[at]), raw.column_of(S.PERIOD, int(lines.index[at])),
                                    period.iloc[at], "budget.period_parts_mixed", year=y,
                                    other=period.iloc[int(np.flatnonzero(in_year)[0])]))
    keys = [year, lines[S.CATEGORY].fillna("").astype(str).str.strip().str.casefold()]
    if S.FUNDER in lines:
        keys.append(lines[S.FUNDER].fillna("").astype(str))
    group = pd.Series(pd.MultiIndex.from_arrays(keys).factorize()[0], index=lines.index)
    first = ~group.duplicated()
    budget = lines.groupby(group)[S.BUDGET].sum(min_count=1)
    actual = lines.groupby(group)[S.ACTUAL].sum(min_count=1)
    # a part with a budget but no utfall yet: the parts passed are no year's utfall
    lacking = lines[S.BUDGET].fillna(0).gt(0) & lines[S.ACTUAL].isna() & pd.Series(is_part, index=lines.index)
    partial = lacking.groupby(group).any()
    out = lines[first.to_numpy()].copy()
    at = group[first].to_numpy()
    out[S.PERIOD] = year[first].to_numpy()
    out[S.BUDGET] = budget.loc[at].to_numpy()
    out[S.ACTUAL] = actual.loc[at].where(~partial.loc[at]).to_numpy()
    part_names = ", ".join(dict.fromkeys(period[is_part]))
    warn.append(problem(fname, None, None, None, "budget.period_parts", "warning", "budget_parts", parts=part_names))
    if partial.any():
        years = ", ".join(dict.fromkeys(year[first][partial.loc[at].to_numpy()]))
        warn.append(problem(fname, None, None, None, "budget.wide_parts_partial", "warning", "budget_parts",
                            years=years))
    return out, file_rows[first.to_numpy()]


# a budget line named as a percentage ("Andel av tjänst (%)", "Sysselsättningsgrad i procent"), not as an amount
# that a percentage gives ("Indirekta kostnader 15 %": a number before the sign)
_PERCENT_NAME = re.compile(r"(?:^|[^\d\s\u00a0])[\s\u00a0]*(?:%|procent\b|per\s*cent\b)", re.IGNORECASE)


def _percent_lines(df: pd.DataFrame, raw: RawTable, fname: str, problems: list[Problem]) -> bool:
    """A line whose name says it holds a percentage would be summed as an amount of money (a cell shown as
    20 % is read as 20): one problem per such line, naming its row; True when there is one (its period totals
    then cannot be checked)."""
    found, seen = False, set()
    for i, name in enumerate(df[S.CATEGORY].fillna("").astype(str).tolist()):
        if not _PERCENT_NAME.search(name):
            continue
        found = True
        row = int(raw.file_rows[i])
        if row not in seen:
            seen.add(row)
            problems.append(problem(fname, row, raw.column_of(S.CATEGORY, i), name.strip(), "budget.percent_line"))
    return found


# a part of a year with its year in two digits, as Excel users shorten it ('Q1-24', 'Kv3 25', 'H1/24')
_PART_SHORT_YEAR = re.compile(r"((?:kv|kvartal|q|h|halvår|t|tertial)\s*\.?\s*[1-4])\s*[-–/_ ]\s*(\d\d)", re.IGNORECASE)
PER_YEAR_LABELS = ("per år", "per_år", "per ar", "per_ar", "per year", "per_year", "årligen", "yearly", "annual")
# a pre-study's part of the budget written in the period column ('Förstudie 2024', 'Förstudie', 'Pre-study')
_PRESTUDY = re.compile(r"(?<![\wåäö])(?:förstudie\w*|pre-?stud(?:y|ies))(?![\wåäö])", re.IGNORECASE)
_FORECAST = re.compile(r"prognos|prel|beräkn|forecast|estimate", re.I)


def _block_sum(df: pd.DataFrame, lines: pd.DataFrame, closing: pd.Series, i: int, col: str) -> float:
    """The sum of ``col`` over the lines between the ``i``-th row of ``df`` and the total or subtotal row above it
    (the table's first row where there is none): what a 'Summa' under one block of lines (a municipality's, of a
    joint project's budget kept a block per municipality) totals, which is no total of every line."""
    above = [k for k in np.flatnonzero(closing.to_numpy()).tolist() if k < i]
    where = df.index.get_indexer(lines.index)
    block = lines[(where > (above[-1] if above else -1)) & (where < i)]
    return float(block[col].sum()) if len(block) and block[col].notna().any() else float("nan")


def _period_refused(period: object) -> bool:
    """Whether a budget line's period is one :func:`_check_budget_periods` refuses (``202401``, ``jan 2024``,
    ``2025 (prognos)``): a pre-study's is taken as read, whose year that function checks, and so are a part of a
    year (``2024 Kv3``, added into its year after the totals are checked) and a school year."""
    text = re.sub(r"\s+", " ", str(period).strip().lower())
    if pd.isna(period) or not text or text in PER_YEAR_LABELS or S.is_prestudy(text):
        return False
    if budget_shapes.part_kind(str(period).strip()) or budget_shapes.SCHOOL_PERIOD.match(text):
        return False
    return S.budget_period(text) is None


def _total_over_refused_periods(period: object, refused: list[str]) -> bool:
    """Whether a total row of ``period`` may sum lines whose periods (``refused``, as written, in lower case) are
    refused: a total of every period, or of a period the line's period holds (``2024`` in ``202401`` or ``jan 2024``,
    ``år 1`` in ``projektår 1``), or any total where a refused period holds no year. Such a line is left out of the
    sum while its period has its message, so the total is checked once the period is written, not told to be
    corrected for a line it may hold."""
    if not refused:
        return False
    wanted = str(period).strip().lower()
    return _every_period(period) or any(wanted in t or not re.search(r"\d{4}", t) for t in refused)


def _every_period(period: object) -> bool:
    """Whether a budget total row's period is every period's (``alla``, as a wide budget's total is read, or empty)."""
    return str(period).strip().lower() in ("alla", "all", "")


def _total_scope(period: object) -> dict[str, str]:
    """Which lines a budget total row sums, in the message's words: every period's, or one period's."""
    if _every_period(period):
        return {"scope_sv": "alla perioder", "scope_en": "all periods"}
    return {"scope_sv": f"period '{period}'", "scope_en": f"period '{period}'"}


# the numbers a budget's period cell typed under a date format is answered with the number it holds for
# (:func:`_date_formatted_hint`): four digits, as a year is typed, also one no project has (9999 shows as 1927-05-17,
# and 'write 1927' would be wrong); the year is judged when it is read. No period typed as a date is of 1902–1927.
_YEAR_CELL = S.ColumnSpec(S.PERIOD, "int", min=1000, max=9999)


def _period_date_number(text: str, epoch: dt.date) -> float | None:
    """The number a budget's period cell formatted as a date holds, where it is one typed as a number (a year,
    2024, shows as 1905-07-16; a project year, 1, as 1900-01-01; 2024,5 as 1905-07-16 12:00): below 10 000, a day
    before 1927-05-18, which no period typed as a date is. None for a date typed as a date (2024-03-01 holds 45352,
    and its year is the period to write)."""
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    # (as Excel counts: a 29 February 1900 that never was, so that serials before 1900-03-01 are a day less)
    number = float(to_excel(when, dt.datetime.combine(epoch, dt.time())))
    return number if 0 < number < 10000 else None


def _period_years_shown(raw: RawTable) -> None:
    """A budget's period cell holding a date under a format that shows its year alone (``yyyy``: Excel shows
    2022-01-01 as 2022) read as the year the evaluator sees, in ``raw``'s frame. A number typed under a date format
    (2024 shows as 1905, :func:`_period_date_number`) is not: it is answered as such. A date under a format that shows
    more than its year (2022-01-01) stays what it is, and its period is refused with the year to write."""
    if S.PERIOD not in raw.frame or not raw.year_shown:
        return
    at = list(raw.frame.columns).index(S.PERIOD)
    names = {S.PERIOD, raw.headings.get(S.PERIOD, S.PERIOD)}
    for i, row in enumerate(raw.file_rows.tolist()):
        text = str(raw.frame.iat[i, at])
        if (any((int(row), name) in raw.year_shown for name in names) and re.match(r"\d{4}-\d\d-\d\d", text)
                and _period_date_number(text, raw.epoch) is None):
            raw.frame.iat[i, at] = text[:4]


def _period_date_problem(number: float, fname: str, row: int, column: str | None, period: object) -> Problem:
    """The message for a number typed in a budget's period cell formatted as a date (:func:`_period_date_number`),
    naming the number the cell holds, never the year Excel shows: a year of four digits is read once the column is
    formatted as numbers; a project year (1) is written ``år 1``; any other number (2024,5) is no period."""
    if number == int(number) and (_YEAR_CELL.min or 0) <= number <= (_YEAR_CELL.max or 0):
        return problem(fname, row, column, period, "budget.period_date_formatted", number=int(number))
    shown = f"{number:.6g}" if number != int(number) else str(int(number))
    numbers = {"number_sv": shown.replace(".", ","), "number_en": shown}
    if number == int(number) and number < 100:  # a project year, as år 1 is written short
        return problem(fname, row, column, period, "budget.period_date_project_year", fix=f"år {int(number)}",
                       **numbers)
    return problem(fname, row, column, period, "budget.period_date_no_period", **numbers)


# a month as an economy system's period column writes it (Raindance, Agresso: 202401 is January 2024)
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})(?:0[1-9]|1[0-2])")


def _check_budget_periods(lines: pd.DataFrame, file_rows: np.ndarray, raw: RawTable, fname: str,
                          problems: list[Problem], wide: bool = False,
                          firsts: dict[int, dt.date] | None = None, start_year: int | None = None,
                          prestudy: tuple[dt.date, dt.date] | None = None,
                          ends: tuple[dt.date, dt.date | None] | None = None) -> None:
    """A budget line whose period the contract cannot read is refused, naming its row, with the period to
    write: "2025 (prognos)" would otherwise be priced and discounted as the whole period, and "Projektår 2"
    shown as it is. A calendar year or project year inside the text is offered ("skriv 2025"); a forecast
    is the period's budget with its actual left empty. A pre-study's period (``Förstudie``, ``Förstudie 2024``) is
    read as its own where ``prestudy`` (``period.implementation_start``'s pre-study) is given and its year, if any,
    is one the pre-study runs in; otherwise answered with the year to write."""
    for i, period in enumerate(lines[S.PERIOD].tolist()):
        text = re.sub(r"\s+", " ", str(period).strip().lower())
        own = S.is_prestudy(text) and prestudy is not None and all(
            prestudy[0].year <= int(y) <= prestudy[1].year for y in re.findall(r"\d{4}", text))
        if pd.isna(period) or not text or text in PER_YEAR_LABELS or own or (
                S.budget_period(text) is not None and not S.is_prestudy(text)):
            continue
        if wide and budget_shapes.SCHOOL_PERIOD.match(text):  # (a school year its column's heading refused)
            continue
        years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text)
        if (month := _YEAR_MONTH.fullmatch(text)) is not None:  # (an economy system's period, 202401: its year)
            years = [month.group(1)]
        project_year = re.search(r"(?:år|year)\D{0,3}(\d{1,2})(?!\d)", text)
        fix = years[0] if len(set(years)) == 1 else f"år {int(project_year.group(1))}" if project_year and not years else ""
        school = budget_shapes.school_year(text)
        if school is not None:  # a school year (läsår 2024/25) is the project year it is, or none ("2024" is wrong)
            k_of = _school_project_year(school, firsts or {})
            fix = f"år {k_of}" if k_of is not None else ""
        at = int(lines.index[i])
        dated = raw.date_cells.get(S.PERIOD)
        held = (_period_date_number(str(period), raw.epoch)
                if dated is not None and at < len(dated) and dated[at] else None)
        if held is not None:  # a number typed in a cell formatted as a date: 2024 shows as 1905-07-16, never 1905
            problems.append(_period_date_problem(held, fname, int(file_rows[i]), raw.column_of(S.PERIOD, at), period))
            continue
        short = _PART_SHORT_YEAR.fullmatch(str(period).strip())
        if short is not None:  # a quarter with its year in two digits ('Q1-24'): the part with the whole year
            problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.PERIOD, int(lines.index[i])), period,
                                    "budget.period_part_write", fix=f"{short.group(1)} 20{short.group(2)}"))
            continue
        if _PRESTUDY.search(text) and prestudy is not None:  # ('Förstudie 2023' for 2024's, 'Förstudie Q1 2024')
            problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.PERIOD, int(lines.index[i])), period,
                                    "budget.period_prestudy_year", first=prestudy[0].isoformat(),
                                    last=prestudy[1].isoformat()))
            continue
        if _PRESTUDY.search(text):  # ('Förstudie 2024', 'Förstudie'): the pre-study's year, its name in the cost line
            # (the year of period.start, the pre-study's first day: project year 1 may begin after it)
            start = start_year if start_year is not None else (firsts or {}).get(1, dt.date(2024, 1, 1)).year
            problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.PERIOD, int(lines.index[i])), period,
                                    "budget.period_prestudy", fix=fix or str(start),
                                    line=quote(f"Förstudie: {lines[S.CATEGORY].iloc[i]}")))
            continue
        if not fix and ends is not None and budget_shapes.extension_heading(text):
            # ('Förlängning' alone: the year or project year the prolonged time runs in, from the params file's ends)
            problems.append(_extension_period_problem(fname, int(file_rows[i]), raw.column_of(S.PERIOD, at), period,
                                                      ends, firsts or {}))
            continue
        key = ("budget.period_forecast" if fix and _FORECAST.search(text) else "budget.period_write" if fix
               else "budget.period")
        problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.PERIOD, int(lines.index[i])), period, key,
                                fix=fix))


def _extension_period_problem(fname: str, row: int, column: str, value: object, ends: tuple[dt.date, dt.date | None],
                              firsts: dict[int, dt.date]) -> Problem:
    """A budget line whose period is the prolonged time alone (``Förlängning``): the years and project years it runs in,
    from the day after ``period.planned_end`` to ``period.actual_end`` where the params file has the later end; where it
    has none, the year and project year after the planned end, and the new end to write."""
    planned, actual = ends
    first = planned + dt.timedelta(days=1)
    last = actual if actual is not None and actual > planned else None

    def project_year(day: dt.date) -> int | None:
        starts = sorted(firsts.items())
        if not starts or day < starts[0][1]:
            return None
        k = max(k for k, d in starts if d <= day)
        while add_years(starts[0][1], k) <= day:  # (a day after the last year the project's period has)
            k += 1
        return k

    if last is None:
        k = project_year(first)
        return problem(fname, row, column, value, "budget.period_extension_end", year=str(first.year),
                       project_year=f"år {k}" if k is not None else "–", planned_end=planned.isoformat())
    years = [str(y) for y in range(first.year, last.year + 1)]
    ks = [k for k in (project_year(first), project_year(last)) if k is not None]
    numbers = [f"år {k}" for k in range(ks[0], ks[-1] + 1)] if ks else []
    return problem(fname, row, column, value, "budget.period_extension", first=first.isoformat(), last=last.isoformat(),
                   years_sv=" eller ".join(years), years_en=" or ".join(years),
                   project_years_sv=" eller ".join(numbers) or "–", project_years_en=" or ".join(numbers) or "–",
                   n=len(years))


def budget_gaps(periods: pd.Series, params: ProjectParams) -> tuple[tuple[str, int], ...]:
    """The periods of the project (from its start to its end, ``period.actual_end`` where it ended early) that
    no budget line covers, as :func:`~evaltools.data.schema.budget_period` reads them: ``("year", 2026)`` or
    ``("project_year", 2)``. Only a budget of one kind of period is checked (calendar years, or project years);
    a line for the whole period covers every period, and a budget mixing kinds is not judged.

    >>> import types, datetime as dt
    >>> p = types.SimpleNamespace(period=types.SimpleNamespace(start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 31),
    ...                           years_start=dt.date(2025, 1, 1)))
    >>> budget_gaps(pd.Series(["2025", "2025"]), p), budget_gaps(pd.Series(["år 1"]), p)
    ((('year', 2026),), (('project_year', 2),))
    >>> budget_gaps(pd.Series(["2025", "hela perioden"]), p), budget_gaps(pd.Series(["2025", "år 2"]), p)
    ((), ())
    """
    read = [r for r in (S.budget_period(v) for v in periods.dropna().astype(str) if v.strip()) if r is not None]
    if getattr(params.period, "prestudy", None) is not None:  # (a pre-study's own lines, in either kind of budget)
        read = [r for r in read if r != ("project_year", 0)]
    kinds = {kind for kind, _ in read}
    if len(kinds) != 1 or "whole" in kinds:
        return ()
    kind, have = kinds.pop(), {n for _, n in read}
    start, end = params.period.start, params.period.end
    if kind == "year":
        need = list(range(start.year, end.year + 1))
    else:  # (project years from the implementation's start after a pre-study)
        need, k, start = [], 1, params.period.years_start
        while add_years(start, k - 1) <= end:
            need.append(k)
            k += 1
    return tuple((kind, n) for n in need if n not in have)


def budget_after_end(lines: pd.DataFrame, params: ProjectParams) -> dict[str, list[int]]:
    """The budget lines (their positions in ``lines``) whose period begins after the project's last day, the later
    of its planned end and ``period.actual_end``, by period as :func:`~evaltools.data.schema.budget_period` reads
    it (``"2030"``, ``"år 4"``): the cost counts them, though the project had ended. A line without an actual amount
    after a project's ``actual_end`` is left out: the cost counts it as budget never spent.

    >>> import types, datetime as dt
    >>> p = types.SimpleNamespace(period=types.SimpleNamespace(start=dt.date(2025, 1, 1), planned_end=dt.date(2026, 12, 31),
    ...                           actual_end=None, years_start=dt.date(2025, 1, 1)))
    >>> budget_after_end(pd.DataFrame({"period": ["2025", "2030", "år 2", "år 3", "hela"], "actual": [1.0] * 5}), p)
    {'2030': [1], 'år 3': [3]}
    """
    per = params.period
    last = max(per.planned_end, per.actual_end or per.planned_end)
    out: dict[str, list[int]] = {}
    for i, value in enumerate(lines[S.PERIOD].tolist()):
        read = S.budget_period(value) if pd.notna(value) else None
        if read is None or read[0] == "whole":
            continue
        kind, n = read
        first = dt.date(n, 1, 1) if kind == "year" else add_years(per.years_start, n - 1)
        if first <= last:
            continue
        if per.actual_end is not None and S.ACTUAL in lines and pd.isna(lines[S.ACTUAL].iloc[i]):
            continue  # (never spent: not counted)
        out.setdefault(str(n) if kind == "year" else f"år {n}", []).append(i)
    return out


def budget_before_start(lines: pd.DataFrame, params: ProjectParams) -> dict[str, list[int]]:
    """The budget lines (their positions in ``lines``) whose period ends before the project's first day
    (``period.start``), by period as :func:`~evaltools.data.schema.budget_period` reads it (``"2023"``, ``"år 0"``):
    the cost counts them in the project's first month, though the project had not begun.

    >>> import types, datetime as dt
    >>> p = types.SimpleNamespace(period=types.SimpleNamespace(start=dt.date(2024, 3, 1)))
    >>> budget_before_start(pd.DataFrame({"period": ["2023", "2024", "år 0", "år 1", "hela", "2023"]}), p)
    {'2023': [0, 5], 'år 0': [2]}
    """
    out: dict[str, list[int]] = {}
    for i, value in enumerate(lines[S.PERIOD].tolist()):
        read = S.budget_period(value) if pd.notna(value) else None
        if read is None or read[0] == "whole":
            continue
        kind, n = read
        pre = getattr(params.period, "prestudy", None) is not None and kind == "project_year" and n == 0
        if (kind == "year" and n < params.period.start.year) or (kind == "project_year" and n < 1 and not pre):
            out.setdefault(str(n) if kind == "year" else f"år {n}", []).append(i)
    return out


def prestudy_in_year_one(lines: pd.DataFrame, params: ProjectParams) -> list[int]:
    """The budget lines (their positions in ``lines``) of a project with a pre-study (``period.implementation_start``)
    whose cost line names the pre-study (``Förstudie: Kartläggning``) but whose period is ``år 1``, the
    implementation's first year: the cost spreads them over that year's months, not the pre-study's. None without
    the key, or in a budget of calendar years (its year dates the line as written).

    >>> import types, datetime as dt
    >>> p = types.SimpleNamespace(period=types.SimpleNamespace(prestudy=(dt.date(2024, 1, 1), dt.date(2024, 6, 30))))
    >>> prestudy_in_year_one(pd.DataFrame({"period": ["år 1", "år 1", "Förstudie", "2024"],
    ...                                    "category": ["Förstudie: Kartläggning", "Coacher", "Möten", "Förstudie"]}), p)
    [0]
    """
    if getattr(params.period, "prestudy", None) is None:
        return []
    return [i for i, (period, category) in enumerate(zip(lines[S.PERIOD].tolist(), lines[S.CATEGORY].tolist()))
            if pd.notna(period) and S.budget_period(period) == ("project_year", 1)
            and _PRESTUDY.search(str(category)) is not None]


def year_fractions(params: ProjectParams) -> list[tuple[int, float]]:
    """(project year, share of a full year it runs) for each project year of the planned period:
    a project from 2024-09-01 to 2026-09-30 runs years 1 and 2 whole and 1 month (30/365) of year 3. Project years
    count from the implementation's start after a pre-study."""
    start, end = params.period.years_start, params.period.planned_end
    out, k = [], 1
    while add_years(start, k - 1) <= end:
        first, full_next = add_years(start, k - 1), add_years(start, k)
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
    for i in np.flatnonzero(lines[S.ACTUAL].notna().to_numpy()).tolist():
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


# a cost line whose name says it is a co-financing or a contribution in kind ('Lönekostnader handledare (inkind)',
# 'Medfinansiering arbetstid', 'Egen insats'): without a funder column it is booked on the förbund
_IN_KIND_LINE = re.compile(r"(?<![\wåäö])(?:in[\s-]?kind|inkind|(?:med|mot)finansiering\w*|egen\s+insats|"
                           r"egen\s+finansiering|co-?financ\w*)(?![\wåäö])", re.IGNORECASE)


def _check_in_kind_without_funder(lines: pd.DataFrame, file_rows: np.ndarray, fname: str, warn: list[Problem],
                                  line_rows: dict[str, list] | None = None) -> None:
    """For a budget file without a ``funder`` column (the caller checks): such a budget books every line on the förbund (the Finsam act's shares: state 50 %,
    region and municipality 25 % each); a line whose name says it is a co-financing or a contribution in kind
    (:data:`_IN_KIND_LINE`) is then counted as the förbund's money, against its grant too. A note for each such line,
    naming its rows (``line_rows``, the file's rows of each line's name, where a line of each part of a year was
    added up into one) and the column to add."""
    if S.CATEGORY not in lines:
        return
    names = np.array(["" if pd.isna(v) else str(v) for v in lines[S.CATEGORY]], dtype=object)
    for name in dict.fromkeys(n for n in names if _IN_KIND_LINE.search(n)):
        at = names == name
        found = (line_rows or {}).get(name) or np.asarray(file_rows)[at].tolist()  # (the file's rows where read)
        rows = ", ".join(str(int(r)) for r in sorted(set(found)))
        warn.append(problem(fname, None, S.CATEGORY, name, "budget.in_kind_no_funder", "warning",
                            "budget_in_kind_no_funder", rows=rows))


def _check_own_financing(lines: pd.DataFrame, file_rows: np.ndarray, params: ProjectParams, fname: str,
                         warn: list[Problem]) -> None:
    """Own financing (funder ``egen``) is booked on the municipality; in a project whose owner is a region
    (its name begins with 'Region') it is most likely the region's own money, and in one owned by Försäkringskassan or
    Arbetsförmedlingen (a project led by the agency) the agency's: a note naming the rows and the code to write."""
    owner = str(params.owner or "")
    agency = next((code for code in ("försäkringskassan", "arbetsförmedlingen")
                   if re.match(rf"\s*{code}\b", owner, re.IGNORECASE)), None)
    if S.FUNDER not in lines or (agency is None and not re.match(r"\s*region\b", owner, re.IGNORECASE)):
        return
    own = (lines[S.FUNDER] == "egen").to_numpy()
    if own.any():
        rows = ", ".join(str(int(r)) for r in sorted(set(np.asarray(file_rows)[own].tolist())))
        if agency is not None:
            warn.append(problem(fname, None, S.FUNDER, "egen", "budget.own_financing_agency", "warning",
                                "budget_own_region", rows=rows, owner=owner, code=agency))
            return
        warn.append(problem(fname, None, S.FUNDER, "egen", "budget.own_financing_region", "warning",
                            "budget_own_region", rows=rows, owner=owner))


# a budget line of funds paid back, or an entry reversed ("Återbetalning av ej förbrukade medel", "Återbetalt till
# förbundet", "Återföring", "Outnyttjade medel", "Repayment"): money that came back, not a cost
_REPAYMENT_LINE = re.compile(r"\båterbetal\w*|\båterför(?:ing|da|t|d)\w*|\b(?:ej|inte)\s+förbrukade\s+medel|"
                             r"\boutnyttjade\s+medel|\brepayment\w*|\brefund\w*", re.IGNORECASE)


def _repayment_lines(lines: pd.DataFrame, file_rows: np.ndarray, raw: RawTable, fname: str,
                     problems: list[Problem]) -> None:
    """A line of funds paid back with a positive amount would be added to the cost as if it had been spent: one
    problem per such line, naming its row, with what to write (the utfall of the other lines already shows what the
    project cost; a correction lowers the utfall of the line it corrects). A 0 kr line costs nothing and is left."""
    names = lines[S.CATEGORY].fillna("").astype(str)
    amount = lines[[S.BUDGET, S.ACTUAL]].fillna(0).gt(0).any(axis=1)
    for i in np.flatnonzero((names.map(lambda n: _REPAYMENT_LINE.search(n) is not None) & amount).to_numpy()):
        problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.CATEGORY, int(lines.index[i])),
                                names.iloc[i].strip(), "budget.repayment_line"))
    # the budget left unspent written as a line ('Ej förbrukat'): the budget less the utfall, never a cost
    for i in np.flatnonzero((names.map(budget_shapes.unspent_row) & amount).to_numpy()):
        problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.CATEGORY, int(lines.index[i])),
                                names.iloc[i].strip(), "budget.unspent_line"))


# a budget line of income ("Försäljningsintäkter", "Intäkter från caféet", "Försäljning av tjänster", "Sales",
# "Revenue"), as a social enterprise's follow-up keeps its sales beside its costs: no cost, and read as one (positive)
# it would add to the project's cost, or (negative) be refused as a negative cost without a word of what it is; a cost
# of selling ("Kostnader för försäljning", "Cost of sales") is a cost
_INCOME_LINE = re.compile(r"(?<![\wåäö])(?:\w*intäkt\w*|försäljning\w*|sales|income|revenues?|turnover)(?![\wåäö])",
                          re.IGNORECASE)
_COST_WORD = re.compile(r"kostnad|utgift|\bcosts?\b|expens", re.IGNORECASE)


def is_income_line(category: object) -> bool:
    """Whether a budget line's name says it is an income (sales), not a cost.

    >>> [is_income_line(c) for c in ("Försäljningsintäkter", "Intäkter café", "Sales", "Kostnader för försäljning",
    ...                              "Lön arbetsledare", None)]
    [True, True, True, False, False, False]
    """
    name = str(category or "")
    return _INCOME_LINE.search(name) is not None and _COST_WORD.search(name) is None


# a partner's grant toward a cost, as a follow-up nets it under the line it pays for ("Anställningsstöd från
# Arbetsförmedlingen", "Lönebidrag", "Bidrag från Region", "Ersättning från Försäkringskassan"): the partner's part
_GRANT_LINE = re.compile(r"(?<![\wåäö])(?:\w*bidrag\w*|anställningsstöd\w*|lönestöd\w*|(?:stöd|ersättning)\s+från|"
                         r"grants?|subsid(?:y|ies))(?![\wåäö])", re.IGNORECASE)


def is_grant_line(category: object) -> bool:
    """Whether a budget line's name says it is a grant that pays part of a cost (a wage subsidy from
    Arbetsförmedlingen), not a cost.

    >>> [is_grant_line(c) for c in ("Anställningsstöd från Arbetsförmedlingen", "Lönebidrag", "Lön arbetsledare")]
    [True, True, False]
    """
    return _GRANT_LINE.search(str(category or "")) is not None


def _income_lines(lines: pd.DataFrame, file_rows: np.ndarray, raw: RawTable, fname: str,
                  problems: list[Problem]) -> None:
    """A line of income (sales) with a positive amount would be added to the project's cost: one problem per such
    line, naming its row, with what to write (delete it, or lower the lines the income pays for). A negative one is
    refused at its amount, saying it is an income (``hint.negative_income``); a 0 kr line costs nothing and is left."""
    names = lines[S.CATEGORY].fillna("").astype(str)
    amount = lines[[S.BUDGET, S.ACTUAL]].fillna(0).gt(0).any(axis=1)
    for i in np.flatnonzero((names.map(is_income_line) & amount).to_numpy()):
        problems.append(problem(fname, int(file_rows[i]), raw.column_of(S.CATEGORY, int(lines.index[i])),
                                names.iloc[i].strip(), "budget.income_line"))


# a budget line of value-added tax ("Moms 25 % på köpt tjänst", "Ingående moms", "Mervärdesskatt", "VAT"): a tax, not
# a resource the project uses
_VAT_LINE = re.compile(r"\b(?:ingående\s+)?moms\b|\bmervärdesskatt\w*|\bVAT\b", re.IGNORECASE)


def _check_vat_lines(lines: pd.DataFrame, file_rows: np.ndarray, fname: str, warn: list[Problem]) -> None:
    """A line of value-added tax is read and counted as any cost line, but the tax goes to the state (or is paid
    back to a municipality or region as momskompensation): no resource the project used. One note names its rows,
    so that the evaluator sees that the public financiers' and society's results count it as a cost."""
    names = lines[S.CATEGORY].fillna("").astype(str)
    vat = names.map(lambda n: _VAT_LINE.search(n) is not None).to_numpy(dtype=bool)
    if vat.any():
        rows = ", ".join(str(int(r)) for r in sorted(set(np.asarray(file_rows)[vat].tolist())))
        first = quote(names[vat].iloc[0].strip())
        warn.append(problem(fname, None, None, None, "budget.vat_line", "warning", "budget_vat", rows=rows,
                            line=first))


# a budget line of the participants' own wages, a municipal employment as a step (arbetsmarknadsanställning): "Lön
# deltagare", "Deltagarlöner", "Lönekostnader för deltagare", "Arbetsmarknadsanställningar"
_PARTICIPANT_WAGES = re.compile(
    r"\b(?:lön\w*|lönekostnad\w*)\s+(?:för\s+|till\s+)?deltagar\w*|\bdeltagarlön\w*|arbetsmarknadsanställ\w*"
    r"|\banställning\w*\s+av\s+deltagar\w*|\bparticipants'?\s+wages?\b", re.IGNORECASE)


def same_budget_line(name: object, declared: str) -> bool:
    """Whether a budget line's name is the one the params declare (``cost_benefit.participant_wages.line``),
    whatever its letter case and spaces: the check here and the calculation match it so."""
    def key(text: object) -> str:
        return " ".join(str(text).split()).casefold()
    return key(name) == key(declared)


def _check_participant_wages(lines: pd.DataFrame, file_rows: np.ndarray, params: ProjectParams, fname: str,
                             problems: list[Problem], warn: list[Problem]) -> None:
    """The participants' own wages (a year's employment by the municipality as a step towards work).

    Where the params declare their line (``cost_benefit.participant_wages``), the calculation follows the wages to
    the actors they reach: the line must be in the budget (refused, naming the lines, where it is not). Where none
    is declared, a line that looks like such wages is counted as a cost of the project like any line, while the
    calculation counts no försörjningsstöd saved during the employment, nor the tax on the wage, and for society
    the wage is a payment to the participants: a note naming the lines, so that the reader knows the calculation
    understates what the municipality gets back, and the params line that would count them, for the evaluator."""
    names = lines[S.CATEGORY].fillna("").astype(str).str.strip()
    declared = params.cost_benefit.participant_wages
    if declared is not None:
        if not any(same_budget_line(n, declared.line) for n in names):
            problems.append(problem(fname, None, S.CATEGORY, None, "budget.participant_wages_unknown",
                                    line=declared.line, lines=", ".join(f"'{n}'" for n in dict.fromkeys(names))))
        return
    found = names.map(lambda n: _PARTICIPANT_WAGES.search(n) is not None).to_numpy(bool)
    if not found.any():
        return
    rows = ", ".join(str(int(r)) for r in sorted(set(np.asarray(file_rows)[found].tolist())))
    shown = ", ".join(f"'{n}'" for n in dict.fromkeys(names[found]))
    warn.append(problem(fname, None, S.CATEGORY, None, "budget.participant_wages", "warning", "participant_wages",
                        lines=shown, rows=rows))
    # (the params line to write is the evaluator's to do, not the board's to read: a notice beside the note)
    warn.append(problem(fname, None, S.CATEGORY, None, "budget.participant_wages_declare", "info",
                        "participant_wages_declare", line=f"'{names[found].iloc[0]}'"))


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


def file_row(file_rows: np.ndarray | None, i: int) -> int | None:
    """The file's row number of a loaded table's ``i``-th row, where it is known."""
    return int(file_rows[i]) if file_rows is not None and i < len(file_rows) else None
