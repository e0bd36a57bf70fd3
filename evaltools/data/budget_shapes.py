"""A budget in the layout a förbund's budget follow-up usually has, brought to the contract's rows.

The contract's own shape is one row per period and cost line (``period``, ``category``, ``budget``,
``actual``, ``funder``). A förbund's budget and its follow-up are usually one row per cost line with
a column per year for the budget and one for the utfall (``Budget 2024``, ``Utfall 2024``, or
``2024 budget``; project years as ``Budget år 1``; parts of a year as ``Budget 2024 H1`` or ``Utfall Kv3 2024``,
added up into the year), often a total column per kind (``Budget totalt``)
and a total row (``Summa``). This module finds that layout from the headings and turns it into the
contract's rows, keeping each cell's row and column for the messages. A total column is checked
against its row's cells here; a total row becomes the contract's total rows (category ``Summa`` per
period, and ``alla`` for the total columns), which the budget's loader checks as it checks any.
Nothing here judges an amount.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import unicodedata

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .messages import message, quote
from .params import read_label
from .payment_shapes import MONTH_NAMES
from .reading import AMBIGUOUS_POINT, SPACED_DECIMALS, THOUSANDS, RawTable, plain_number

# the kind of amount a heading names, first or last in it: budget or utfall
_KINDS = {"budget": S.BUDGET, "budgeterat": S.BUDGET, "budgeterad": S.BUDGET, "utfall": S.ACTUAL,
          "actual": S.ACTUAL, "actuals": S.ACTUAL, "outcome": S.ACTUAL}
_KIND_WORDS = "|".join(sorted(_KINDS, key=len, reverse=True))
_KIND_FIRST = re.compile(rf"^\s*({_KIND_WORDS})\b[\s,:;_\-–]*(.*?)\s*$", re.IGNORECASE)
_KIND_LAST = re.compile(rf"^\s*(.*?)[\s,:;_\-–]*\b({_KIND_WORDS})\s*$", re.IGNORECASE)
# the unit of a heading's amounts, in brackets or not, with 'i' before it or not: 'Budget (tkr)', 'Utfall 2024 i tkr',
# 'Belopp [tusental kr]', 'Budget (kSEK)', 'Utfall (000 kr)', 'Budget (Mkr)'; read as :data:`_UNIT_OF` says
_UNIT_WORDS = (r"tusentals?\s+kr(?:onor)?|tusen\s+kr(?:onor)?|miljoner\s+kr(?:onor)?|000\s*(?:kr|sek)|mn\s*kr|mkr|msek"
               r"|tkr|tsek|ksek|kkr|kronor|kr|sek|eur|euro")
_UNIT = re.compile(rf"(?:\bi\s+)?(?:[(\[]\s*({_UNIT_WORDS}|€)\s*[)\]]|\b({_UNIT_WORDS})\b|(€))", re.IGNORECASE)
# the unit each of those words gives the amounts in: kr and tkr the params file reads (amount_unit), Mkr and EUR
# (an EU-funded project's budget) none of them
_UNIT_OF = (("miljon", "Mkr"), ("mn", "Mkr"), ("mkr", "Mkr"), ("msek", "Mkr"), ("tusen", "tkr"), ("000", "tkr"),
            ("tkr", "tkr"), ("tsek", "tkr"), ("ksek", "tkr"), ("kkr", "tkr"), ("eu", "EUR"), ("€", "EUR"))
_UNREAD_UNITS = ("Mkr", "EUR")
_YEAR = re.compile(r"^(19|20|21)\d\d$")
_PROJECT_YEAR = re.compile(r"^(?:år|ar|projektår|projektar|year|project year)\s*_?(\d{1,2})$", re.IGNORECASE)
# a part of a calendar year, as a förbund's follow-up per half-year, tertial or quarter heads it: 2024 H1,
# H1 2024, halvår 2 2024, Kv1 2024, kvartal 3 2024, Q4 2024, T2 2024 (tertial)
_PART_WORDS = {"h": "H", "halvår": "H", "halvar": "H", "half": "H", "kv": "Kv", "kvartal": "Kv", "q": "Kv",
               "quarter": "Kv", "t": "T", "tertial": "T"}
_PART_WORD = "|".join(sorted(_PART_WORDS, key=len, reverse=True))
_PART = re.compile(rf"^(?:((?:19|20|21)\d\d)[\s_\-–]*({_PART_WORD})\s*\.?\s*([1-4])"
                   rf"|({_PART_WORD})\s*\.?\s*([1-4])[\s_\-–]*((?:19|20|21)\d\d))$", re.IGNORECASE)
_PART_COUNT = {"H": 2, "T": 3, "Kv": 4}
# a school's term as a half of its calendar year, as a project that follows the school year writes its periods:
# VT 2024 (vårtermin: January to June) and HT 2024 (hösttermin: August to December)
_TERM = re.compile(r"^(?:(vt|ht|vårtermin(?:en)?|hösttermin(?:en)?)[\s_\-–]*((?:19|20|21)\d\d)"
                   r"|((?:19|20|21)\d\d)[\s_\-–]*(vt|ht|vårtermin(?:en)?|hösttermin(?:en)?))$", re.IGNORECASE)
# a school year (läsår), as a project counted from the autumn heads its follow-up: Läsår 2024/25, 2024/2025,
# ht24–vt25, sep 2024–aug 2025; and a project year with its school year beside it: Projektår 1 (2024/25)
_SCHOOL = r"(?:läsår(?:et)?|lasar|skolår|school\s+year|academic\s+year)"
_YY = r"((?:19|20|21)?\d\d)"
_SCHOOL_YEAR = (re.compile(rf"^(?:{_SCHOOL}\s*)?((?:19|20|21)\d\d)\s*[/\-–]\s*{_YY}$", re.I),
                re.compile(rf"^(?:{_SCHOOL}\s*)?ht\s*-?\s*{_YY}\s*[/\-–,]?\s*vt\s*-?\s*{_YY}$", re.I),
                re.compile(rf"^{_SCHOOL}\s*(\d\d)\s*/\s*(\d\d)$", re.I),
                re.compile(rf"^(?:{_SCHOOL}\s*)?[a-zåäö]{{3,9}}\.?\s*((?:19|20|21)\d\d)\s*[\-–]\s*[a-zåäö]{{3,9}}\.?\s*"
                           rf"((?:19|20|21)\d\d)$", re.I))
_PROJECT_YEAR_OF = re.compile(r"^(?:år|ar|projektår|projektar|year|project year)\s*_?(\d{1,2})\s*[(,:\-–]?\s*(.+?)\s*\)?$",
                              re.I)
SCHOOL_PERIOD = re.compile(r"^(?:år (\d{1,2}) \()?läsår ((?:19|20|21)\d\d)/\d\d\)?$")


def school_year(text: str) -> int | None:
    """The first calendar year of a school year written ``Läsår 2024/25``, ``2024/2025``, ``ht24–vt25`` or ``sep
    2024–aug 2025`` (``2024``); None for anything else, or two years that do not follow each other."""
    t = re.sub(r"\s+", " ", text.strip().strip("()")).lower()
    for pattern in _SCHOOL_YEAR:
        m = pattern.match(t)
        if m is None:
            continue
        first, second = (int(g) for g in m.groups())
        first = first if first >= 100 else 2000 + first
        if second % 100 == (first + 1) % 100 and (second < 100 or second == first + 1):
            return first
    return None
_TOTAL_WORDS = ("", *S.TOTAL_LABELS, "totalt", "hela", "hela perioden", "alla", "all", "whole period")
# a grand total named in more words than 'Summa' (S.TOTAL_LABELS): 'Summa totalt', 'Total kostnad', 'Totala kostnader',
# 'Summa kostnader', 'Totalsumma', 'Summa projektet'
_GRAND_TOTAL = re.compile(r"^(?:(?:summa|totalt?|totala|sum)\s+(?:totalt?|summa|kostnad(?:er)?|alla\s+kostnader|budget"
                          r"|projektet|hela\s+projektet|projektkostnad(?:er)?|totala\s+kostnader)|totalsumma|grand\s+total"
                          r"|total\s+cost)$")
# a subtotal of some of the lines above it: 'Summa förbundet', 'Summa medfinansiering', 'Summa personal', 'Delsumma',
# 'Totalt personal', 'Subtotal'
_SUBTOTAL = re.compile(r"^(?:delsumma|del-summa|subtotal|sub-total|summering)\b|^(?:summa|totalt?)\s+\S")


def total_row(name: object) -> str | None:
    """``'total'`` for a budget row that totals every line of its period (``Summa``, ``Totalt``, ``Summa totalt``,
    ``Total kostnad``, with a ``:`` or not), ``'subtotal'`` for one that totals some of the lines above it (``Summa
    förbundet``, ``Delsumma``, ``Summa personal``), None for a cost line.

    Examples
    --------
    >>> [total_row(n) for n in ("Summa:", "Summa totalt", "Total kostnad", "Summa förbundet", "Delsumma", "Lön")]
    ['total', 'total', 'total', 'subtotal', 'subtotal', None]
    """
    t = re.sub(r"\s+", " ", str(name)).strip().rstrip(":").strip().casefold()
    if not t:
        return None
    if t in S.TOTAL_LABELS or _GRAND_TOTAL.match(t):
        return "total"
    return "subtotal" if _SUBTOTAL.match(t) else None


# a sub-row telling what part of the line above is for ('varav språkstödjare', '  därav lön', 'of which interpreters',
# '- varav OH'): a part of that line's amount, counted in it already, and no cost line of its own
_PART_ROW = re.compile(r"^[\s\-–—•*(]*(?:varav|därav|of\s+which|whereof)(?![\wåäö])", re.I)


# a row of the budget left unspent, as a follow-up adds one under its total ("Ej förbrukat", "Ej förbrukad budget",
# "Oförbrukat", "Outnyttjat", "Kvar att förbruka", "Återstår", "Unspent"): the budget less the utfall, no cost
_UNSPENT_ROW = re.compile(
    r"\s*(?:(?:ej|inte)\s+(?:förbrukat|förbrukad|förbrukade|utnyttjat|utnyttjad|nyttjat|använt|använd)|oförbrukat|"
    r"oförbrukade|oförbrukad|outnyttjade|outnyttjat|outnyttjad|kvar\s+att\s+förbruka|återstår|återstående|unspent|not\s+spent|remaining)"
    r"(?:\s+(?:belopp|budget|medel|del|budgetmedel|amount|funds))?\s*:?\s*", re.IGNORECASE)


def unspent_row(name: object) -> bool:
    """Whether a budget row's cost line names the budget left unspent (``Ej förbrukat``), which a follow-up adds
    under its total: the budget less the utfall, which the report works out itself, never a cost. Only a name that is
    that and nothing more: ``Ej förbrukade medel återbetalade`` is a repayment, ``Lön ej förbrukad semester`` a cost.

    Examples
    --------
    >>> [unspent_row(n) for n in ("Ej förbrukat", "ej förbrukad budget:", "Oförbrukade", "Outnyttjat", "Unspent",
    ...                           "Lön ej förbrukad semester", "Kvar att förbruka")]
    [True, True, True, True, True, False, True]
    """
    return _UNSPENT_ROW.fullmatch(str(name or "")) is not None


def part_row(name: object) -> bool:
    """Whether a budget row's cost line is a *varav* sub-row: a part of the line above it (``varav språkstödjare``,
    ``därav lön``, ``of which interpreters``), already counted in that line, so that read as a line of its own it
    would be counted twice.

    Examples
    --------
    >>> [part_row(n) for n in ("  varav språkstödjare", "Därav lön", "- varav OH", "of which rent", "Varvsarbete",
    ...                        "Lön varav OB")]
    [True, True, True, True, False, False]
    """
    return _PART_ROW.match(str(name)) is not None

# The headings a budget's columns are written with, in Swedish and plain English, besides the contract's own
# names: the one table of them. A follow-up kept a row per cost line and period (``År``, ``Kostnadsslag``,
# ``Budget``, ``Utfall``, ``Finansiär``) is read by them, compared as :func:`heading_key` writes a heading; the
# funder column of a wide budget is found by them; and the validation names them where a column is missing.
LONG_HEADINGS: dict[str, tuple[str, ...]] = {
    S.PERIOD: ("period", "år", "ar", "year", "budgetår", "kalenderår", "verksamhetsår", "projektår", "project year",
               "budget year"),
    S.CATEGORY: ("category", "kostnadsslag", "kostnadspost", "budgetpost", "post", "kategori", "cost line",
                 "cost item", "line item", "kontonamn", "kontobenämning"),
    S.BUDGET: ("budget", "budgeterat", "budgeterad", "budgeterat belopp", "budgeted"),
    S.ACTUAL: ("actual", "actuals", "utfall", "utfallet", "faktisk", "faktisk kostnad", "förbrukat", "spent"),
    S.FUNDER: ("funder", "finansiär", "finansiar", "finansiering", "financier", "aktör", "aktor", "medfinansiär",
               "finansieras av", "kostnadsbärare"),
}
# a heading that names an amount but not which (the budget or the utfall): never read as either, only named where
# the budget's column is missing
AMOUNT_HEADINGS = ("belopp", "amount")
# a unit after a heading (:data:`_UNIT`), and a colon: 'Utfall (kr)', 'Budget [tkr]', 'Belopp, kr', 'År:'
_HEADING_UNIT = re.compile(rf"[\s,]*{_UNIT.pattern}\s*:?\s*$", re.IGNORECASE)


def _shown(heading: object) -> str:
    """A heading as it looks, as it is read (:func:`params.read_label`): no-break spaces as spaces, characters that
    show nothing removed (``Ut\u200bfall``), a look-alike letter of another alphabet in a Latin word read as the
    Latin one (``Аktör`` with a Cyrillic 'А'), full-width letters and digits as ordinary ones (``２０２４``)."""
    return read_label(unicodedata.normalize("NFKC", str(heading)))


def heading_key(heading: object) -> str:
    """A heading as it is compared with :data:`LONG_HEADINGS`: as it looks (:func:`_shown`), casefolded, without a
    trailing ``:`` or unit (``(kr)``, ``[tkr]``, ``kr``) and without spaces, hyphens and underscores (``Utfall
    (kr):`` → ``utfall``, ``Cost line`` → ``costline``, ``Ut\u200bfall`` → ``utfall``)."""
    text = _HEADING_UNIT.sub("", _shown(heading).strip().rstrip(":").strip()).rstrip(":")
    return re.sub(r"[\s\-_]+", "", text.casefold())


_LONG = {heading_key(w): column for column, words in LONG_HEADINGS.items() for w in words}


def heading_unit(heading: object) -> str | None:
    """The unit an amount's heading names (``Budget (tkr)``, ``Utfall 2024 tkr``, ``Belopp (SEK)``, ``Budget
    (tusental kr)``, ``Utfall (kSEK)``, ``Budget (Mkr)``, ``Budget (EUR)``): ``'tkr'``, ``'kr'``, ``'Mkr'`` or ``'EUR'``
    (which the params file cannot read); None where it names none."""
    m = _UNIT.search(_shown(heading))
    if m is None:
        return None
    word = next(g for g in m.groups() if g).casefold()
    return next((unit for start, unit in _UNIT_OF if word.startswith(start)), "kr")


# the words a line above a budget's headings says its unit in ('Belopp i tkr', 'Alla belopp anges i tkr', '(tkr)')
_UNIT_LINE_WORDS = frozenset(("belopp", "beloppen", "alla", "i", "anges", "är", "redovisas", "angivna", "budget",
                              "utfall", "summor", "amounts", "all", "in", "are", "shown", "given"))


def stated_unit(text: object) -> str | None:
    """The unit a line of its own above a budget's headings says the amounts are in (``Belopp i tkr``: ``'tkr'``,
    ``(tusental kr)``: ``'tkr'``, ``Alla belopp i Mkr``: ``'Mkr'``); None for a line that says more (a title, ``Beviljat
    2,8 Mkr``) or names no unit.

    Examples
    --------
    >>> stated_unit("Belopp i tkr"), stated_unit("Alla belopp anges i kronor"), stated_unit("Beviljat 2,8 Mkr")
    ('tkr', 'kr', None)
    """
    shown = _shown(text)
    if _UNIT.search(shown) is None:
        return None
    words = re.findall(r"[^\W\d_]+|\d+", _UNIT.sub(" ", shown).casefold())
    return heading_unit(shown) if all(w in _UNIT_LINE_WORDS for w in words) else None


def long_column(heading: object) -> str | None:
    """The contract's budget column a heading names in :data:`LONG_HEADINGS` (``Utfall:`` → ``actual``), or None."""
    return _LONG.get(heading_key(heading))


def units_against(raw: RawTable, declared: str, fname: str) -> list[Problem]:
    """One problem where the headings of the budget's amounts name a unit other than the one the params file reads
    the budget in (``Budget (tkr)`` beside ``amount_unit: kr``, the default): every amount would be read a thousand
    times too small or too large; or where they name one no params file reads (``Budget (Mkr)``, ``Utfall (EUR)``).
    A heading that names no amount (``Kostnadsslag``) is not looked at."""
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    other = [str(c) for c in raw.frame.columns
             if (wide_heading(c) is not None or long_column(c) in (S.BUDGET, S.ACTUAL)
                 or heading_key(c) in AMOUNT_HEADINGS)
             and heading_unit(c) not in (None, declared)]
    if not other:
        return []
    unread = [h for h in other if heading_unit(h) in _UNREAD_UNITS]
    if unread:  # (no amount_unit reads them: the amounts are to be written in kr or tkr)
        return [problem(fname, header_row, None, None, "budget.heading_unit_unread", unit=heading_unit(unread[0]),
                        headings=", ".join(quote(h) for h in unread))]
    unit = heading_unit(other[0])
    return [problem(fname, header_row, None, None, "budget.heading_unit", headings=", ".join(quote(h) for h in other),
                    unit=unit, declared=declared)]


def read_long_headings(raw: RawTable, fname: str, problems: list[Problem],
                       warn: list[Problem] | None = None,
                       revised_sums: list[tuple[str, float, float]] | None = None) -> tuple[RawTable, set[str]]:
    """A budget kept a row per cost line and period with its headings read as the contract's columns
    (:data:`LONG_HEADINGS`: ``År`` as ``period``, ``Utfall (kr)`` as ``actual``). Two headings that would both be
    one column (``Utfall`` beside ``Faktisk kostnad``, or ``Budgeterat`` beside ``budget``) are not read: one
    problem names them and what to write, since which one holds is not guessed. A revised budget (``Reviderad
    budget``) is the budget in force: it is read as ``budget``, the application's column beside it is not read,
    and a note in ``warn`` says so. Returns the table and the columns so refused (the validation's message of a
    missing column would only repeat it). ``revised_sums``, where given, gets each period whose cost lines the revision
    changed, with the lines' budget as the application had it and as revised (in the file's unit)."""
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    found: dict[str, list[str]] = {}
    for c in raw.frame.columns:
        column = long_column(c)
        if column is None and revised(c) and long_column(_REVISED.sub(" ", _shown(c))) == S.BUDGET:
            column = S.BUDGET
        if column is not None:
            found.setdefault(column, []).append(str(c))
    rename, twice, drop = {}, set(), []
    if S.BUDGET not in found and S.ACTUAL not in found:
        twice |= _amounts_unread(raw, fname, header_row, problems)
    for column, headings in found.items():
        revisions = [h for h in headings if revised(h)] if column == S.BUDGET else []
        if len(revisions) == 1:  # (the revision is the budget in force; the application's is not read)
            drop = [h for h in headings if h != revisions[0]]
            headings = revisions
            for original in drop:  # (a line left empty in the revision: as in a wide budget, never read without one)
                for i in range(len(raw.frame)):
                    amount, revision = raw.frame[original].iloc[i], raw.frame[revisions[0]].iloc[i]
                    if not str(revision).strip() and str(amount).strip():
                        problems.append(problem(fname, int(raw.file_rows[i]), raw.headings.get(revisions[0], revisions[0]),
                                                "", "budget.wide_revised_empty",
                                                original=quote(raw.headings.get(original, original)),
                                                amount=quote(amount),
                                                revised=quote(raw.headings.get(revisions[0], revisions[0]))))
            if revised_sums is not None and len(drop) == 1 and found.get(S.PERIOD) and found.get(S.CATEGORY):
                revised_sums.extend(_revised_by_period(raw, found[S.PERIOD][0], found[S.CATEGORY][0], drop[0],
                                                       revisions[0]))
            if warn is not None and drop:
                warn.append(problem(fname, None, None, None, "budget.wide_revised", "warning", "budget_revised",
                                    revised=quote(revisions[0]), replaced=", ".join(quote(raw.headings.get(h, h)) for h in drop)))
            elif warn is not None:
                warn.append(problem(fname, None, None, None, "budget.wide_revised_alone", "warning",
                                    "budget_revised", revised=quote(revisions[0])))
        if len(headings) > 1:
            twice.add(column)
            problems.append(problem(fname, header_row, column, None, "budget.heading_twice", column=column,
                                    headings=", ".join(f"'{h}'" for h in headings)))
        elif headings[0] != column:
            rename[headings[0]] = column
    if not rename and not drop:
        return raw, twice
    kept = [c for c in raw.frame.columns if str(c) not in drop]
    return dataclasses.replace(raw, frame=raw.frame[kept].rename(columns=rename),
                               number_cells={rename.get(c, c): v for c, v in raw.number_cells.items() if c not in drop},
                               cell_columns={rename.get(c, c): v for c, v in raw.cell_columns.items() if c not in drop},
                               date_cells={rename.get(c, c): v for c, v in raw.date_cells.items() if c not in drop},
                               percent_cells={rename.get(c, c): v for c, v in raw.percent_cells.items()
                                              if c not in drop},
                               headings={**raw.headings, **{c: h for h, c in rename.items()}}), twice


def _revised_by_period(raw: RawTable, period: str, category: str, original: str,
                       revision: str) -> list[tuple[str, float, float]]:
    """Each period of a budget kept a row per line whose cost lines' budget the revision column changed: ``(period,
    the application's sum, the revised sum)``, in the order the periods first appear (totals and varav rows left
    out, as the lines are read)."""
    sums: dict[str, list[float]] = {}
    for i in range(len(raw.frame)):
        name = raw.frame[category].iloc[i]
        if total_row(name) is not None or part_row(name):
            continue
        cell = sums.setdefault(str(raw.frame[period].iloc[i]).strip(), [0.0, 0.0])
        cell[0] += _number(str(raw.frame[original].iloc[i])) or 0.0
        cell[1] += _number(str(raw.frame[revision].iloc[i])) or 0.0
    return [(p, a, b) for p, (a, b) in sums.items() if p and abs(a - b) > 0.5]


# a year's first day where a heading means the year ('2025-01-01', 'Budget 2025-01-01'): a date cell in the header
# shown in full (yyyy-mm-dd), or typed so
_NEW_YEAR_DAY = re.compile(r"^(?P<before>.*?)(?<![\d-])(?P<year>(?:19|20|21)\d\d)-01-01(?: 00:00(?::00)?)?(?![\d-])"
                           r"(?P<after>.*)$")


def new_year_heading(heading: object) -> str | None:
    """The heading to write for a heading that holds a year's first day as a date, as a budget's header often has
    it when the year was typed as a date (``2025-01-01`` → ``2025``, ``Budget 2025-01-01`` → ``Budget 2025``);
    None for any other heading (``Utfall t.o.m. 2025-09-30``, ``Budget 2025``)."""
    m = _NEW_YEAR_DAY.match(_shown(heading).strip())
    if m is None:
        return None
    return re.sub(r"\s+", " ", f"{m['before']}{m['year']}{m['after']}").strip()


def _month(heading: object) -> bool:
    """Whether a heading names a month alone or with its year (``jan``, ``Januari``, ``feb.``, ``mar 2025``)."""
    words = _shown(heading).replace(".", " ").split()
    return bool(words) and words[0].casefold() in MONTH_NAMES and all(_YEAR.match(w) for w in words[1:])


def _part_name(heading: str) -> str:
    """What tells a part's column apart, its heading without a kind of amount or a year (``Budget 2025 Sundsvall``:
    ``Sundsvall``); the heading as it is when nothing else is left."""
    rest = re.sub(rf"\b(?:{_KIND_WORDS})\b|(?<!\d)(?:19|20|21)\d\d(?!\d)", " ", _shown(heading), flags=re.IGNORECASE)
    return " ".join(rest.strip(" ,:;_-–").split()) or _shown(heading)


def _amounts_unread(raw: RawTable, fname: str, header_row: int | None, problems: list[Problem]) -> set[str]:
    """One problem for a budget whose amounts are all under headings read as neither budget nor utfall: a column per
    month (``jan`` … ``dec``, a follow-up's months per cost line) or per co-financier (``Sundsvall``, ``Timrå``,
    ``Nordanstig``), each refused with what to write, not as the missing columns ``budget`` and ``period``. A
    heading spelt close to budget or utfall, or an amount headed ``Belopp``, has its own message. Returns the
    contract's columns so answered (their 'missing' messages would only repeat it)."""
    df = raw.frame
    if any(heading_key(c) in AMOUNT_HEADINGS for c in df.columns):
        return set()
    unread = [str(c) for c in df.columns if long_column(c) is None and total_row(c) is None
              and any(_number(str(v)) is not None for v in df[c] if str(v).strip())]
    months = [c for c in unread if _month(c)]
    has_period = any(long_column(c) == S.PERIOD for c in df.columns)
    names = next((df[c] for c in df.columns if long_column(c) == S.CATEGORY), pd.Series([], dtype=object))
    line = next((str(v).strip() for v in names if str(v).strip() and total_row(v) is None), "")
    # columns headed by a period alone ('År 1', '2027'), as an application's budget heads its years: the amounts are
    # a period's, but whether budget or utfall the heading does not say (and 'År 1' is no co-financier)
    periods = [c for c in unread if (w := wide_heading(f"Budget {new_year_heading(c) or c}")) is not None
               and w[1] not in ("", "?")]
    # headings that are a year's first day as a date ('Budget 2025-01-01', Budget merged over 2025-01-01): the year
    dated = [c for c in unread if (fix := new_year_heading(c)) is not None and wide_heading(fix) is not None]
    if dated and not periods:
        problems.append(problem(fname, header_row, dated[0], dated[0], "budget.date_headings",
                                headings=", ".join(quote(c) for c in dated),
                                write=", ".join(quote(new_year_heading(c) or c) for c in dated)))
    elif periods and not has_period:
        totals = [str(c) for c in df.columns if wide_heading(f"Budget {c}") == (S.BUDGET, "")]
        problems.append(problem(fname, header_row, periods[0], periods[0], "budget.period_columns",
                                headings=", ".join(quote(c) for c in periods),
                                budget=", ".join(quote(f"Budget {_shown(new_year_heading(c) or c)}") for c in periods),
                                actual=", ".join(quote(f"Utfall {_shown(new_year_heading(c) or c)}")
                                                 for c in periods[:2]) + ", ...",
                                total=quote(f"Budget {_shown(totals[0])}") if totals else quote("Budget totalt")))
    elif len(months) >= 2:
        problems.append(problem(fname, header_row, months[0], months[0], "budget.month_columns",
                                first=quote(months[0]), last=quote(months[-1]), n=len(months)))
    elif len(unread) >= 2 and not any(difflib.get_close_matches(heading_key(c), list(_KINDS), n=1, cutoff=0.7)
                                      for c in unread):
        problems.append(problem(fname, header_row, unread[0], unread[0], "budget.amount_columns",
                                headings=", ".join(quote(c) for c in unread),
                                example=quote(f"{line} {_part_name(unread[0])}".strip()),
                                write_sv="Budget och Utfall" if has_period else "Budget 2025 och Utfall 2025",
                                write_en="Budget and Utfall" if has_period else "Budget 2025 and Utfall 2025"))
    else:
        return set()
    return {S.BUDGET, S.ACTUAL} | (set() if has_period else {S.PERIOD})


# a budget revised during the project, as a follow-up heads it beside the application's: 'Reviderad budget 2025',
# 'Budget 2025 (rev.)', 'Rev. budget 2025', 'Revised budget 2025'; the revision is the budget in force
_REVISED = re.compile(r"[(\[]?\s*\b(?:reviderad|reviderat|reviderade|rev|revised)\b\.?\s*[)\]]?", re.IGNORECASE)


# a column of the time a project was prolonged by, as a follow-up marks it beside the year: 'Budget 2026
# (förlängning)', 'Budget förlängning 2026', 'Utfall förlängningen 2026': the year holds it like any year
_EXTENSION = re.compile(r"[(\[]?\s*\b(?:förlängning(?:en|s\w*)?|förlängd|extension|extended)\b\s*[)\]]?",
                        re.IGNORECASE)


def extension_period(cell: object) -> str | None:
    """The period of a budget line whose period cell names the time the project was prolonged by (``Förlängning
    2026``, ``2026 (förlängning)``, ``Förlängningen år 4``), as :func:`wide_heading` reads the column layout's
    ``Budget förlängning 2026``: the year (``'2026'``) or project year it names. ``None`` for any other cell, and
    for one whose period is not read (``Förlängning`` alone: its period is asked for).

    Examples
    --------
    >>> extension_period("Förlängning 2026"), extension_period("2026 (förlängning)"), extension_period("Förlängning")
    ('2026', '2026', None)
    >>> extension_period("2026"), extension_period("Förlängningen år 4")
    (None, 'år 4')
    """
    shown = _shown(cell)
    if _EXTENSION.search(shown) is None:
        return None
    read = wide_heading(f"Budget {shown}")
    return read[1] if read is not None and read[1] not in ("", "?") else None


def extension_heading(heading: object) -> bool:
    """Whether a budget's heading marks the time the project was prolonged by (``Budget förlängning 2026``,
    ``Utfall 2026 (förlängning)``), read by :func:`wide_heading` as its year.

    Examples
    --------
    >>> extension_heading("Budget förlängning 2026"), extension_heading("Budget 2026")
    (True, False)
    """
    return _EXTENSION.search(_shown(heading)) is not None


def revised(heading: object) -> bool:
    """Whether a budget's heading names a revised budget (``Reviderad budget 2025``, ``Budget 2025 (rev.)``), read
    by :func:`wide_heading` as the budget of its period.

    Examples
    --------
    >>> revised("Reviderad budget 2025"), revised("Budget 2025 (rev.)"), revised("Budget 2025"), revised("Revisor")
    (True, True, False, False)
    """
    return _REVISED.search(_shown(heading)) is not None


def wide_heading(heading: str) -> tuple[str, str] | None:
    """``(kind, period)`` for a heading of a budget with one column per period and kind: ``Budget 2024``
    → ``('budget', '2024')``, ``Utfall år 2`` → ``('actual', 'år 2')``, ``Budget totalt`` →
    ``('budget', '')`` (a total column: period empty); ``None`` when the heading names no kind, and
    ``(kind, '?')`` when it names one but its period cannot be read. The heading is read as it looks
    (:func:`_shown`: ``Вudget 2024`` with a Cyrillic 'В' is ``Budget 2024``)."""
    shown = _REVISED.sub(" ", _UNIT.sub(" ", _shown(heading)))
    text = _EXTENSION.sub(" ", shown).strip()
    first, last = _KIND_FIRST.match(text), _KIND_LAST.match(text)
    if first is not None:
        kind, rest = first.group(1), first.group(2)
    elif last is not None:
        kind, rest = last.group(2), last.group(1)
    else:
        return None
    rest = re.sub(r"\s+", " ", rest.strip(" ,:;_-–")).lower()
    code = _KINDS[kind.lower()]
    if rest in _TOTAL_WORDS:  # (the prolonged time's budget without its year is no total: its period is asked for)
        return (code, "?") if _EXTENSION.search(shown) else (code, "")
    if _YEAR.match(rest):
        return code, rest
    # a half-year or quarter of the budget also as its months ('Budget jan–jun 2026'); an utfall so headed is more
    # often the running year's utfall so far, and is asked to be headed as the year (so_far_year)
    part = year_part(rest) if code == S.BUDGET else _part(rest)
    if part is not None:
        return code, part
    py = _PROJECT_YEAR.match(rest)
    if py:
        return code, f"år {int(py.group(1))}"
    if S.is_prestudy(rest):  # ('Budget Förstudie': the pre-study's own, read so after period.implementation_start)
        return code, rest
    school = school_year(rest)
    if school is not None:  # (the project year it is, the loader finds from the project's start)
        return code, f"läsår {school}/{(school + 1) % 100:02d}"
    py = _PROJECT_YEAR_OF.match(rest)
    school = school_year(py.group(2)) if py else None
    if py and school is not None:
        return code, f"år {int(py.group(1))} (läsår {school}/{(school + 1) % 100:02d})"
    return code, "?"


# a forecast of a period's amounts beside its budget and utfall ('Prognos 2026', 'Helårsprognos 2026', 'Forecast 2026')
_FORECAST_WORD = re.compile(r"\b(?:helårsprognos|prognos(?:en)?|forecast)\b", re.IGNORECASE)
_WHOLE_YEAR_WORD = re.compile(r"\b(?:helår(?:et|s)?|full[\s-]year)\b", re.IGNORECASE)


def forecast_period(heading: object) -> str | None:
    """The period of a wide budget's column headed as a forecast of it (``Prognos 2026``, ``Prognos helår 2026``,
    ``2026 prognos``: ``'2026'``), named as :func:`wide_heading` names a budget's; ``None`` for any other heading
    (one naming budget or utfall too is read, or refused, as such).

    Examples
    --------
    >>> forecast_period("Prognos 2026"), forecast_period("Prognos år 3"), forecast_period("Prognosmetod")
    ('2026', 'år 3', None)
    """
    shown = _shown(heading)
    if _FORECAST_WORD.search(shown) is None or wide_heading(shown) is not None:
        return None
    rest = _WHOLE_YEAR_WORD.sub(" ", _FORECAST_WORD.sub(" ", shown))
    w = wide_heading(f"Budget {rest.strip()}")
    return w[1] if w is not None and w[1] not in ("", "?") else None


# an utfall column of a running year, headed as the förbund's follow-up often heads it: the utfall so far
# ("Utfall 2026 t.o.m. september", "Utfall hittills 2026", "Utfall jan–sep 2026", "Utfall t.o.m. 2026-09-30")
_SO_FAR = re.compile(r"\bt\.?\s?o\.?\s?m\b|\btill\s+och\s+med\b|\bhittills\b|\bto\s+date\b|\bso\s+far\b|\bytd\b"
                     r"|\bjan\w*\s*[-–—]\s*[a-zåäö]+", re.I)
_ONE_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")


def so_far_year(heading: str) -> str | None:
    """The year of an utfall column headed as its utfall so far (``Utfall 2026 t.o.m. september``: ``'2026'``);
    None for any other heading, or one naming more than one year."""
    w = wide_heading(heading)
    if w is None or w != ("actual", "?") or not _SO_FAR.search(str(heading)):
        return None
    years = set(_ONE_YEAR.findall(str(heading)))
    return years.pop() if len(years) == 1 else None


def _part(text: str) -> str | None:
    """``'2024 H1'`` for a part of a calendar year written ``2024 H1``, ``h1 2024``, ``Kvartal 3 2024`` (``'2024
    Kv3'``), ``T2 2024`` (a tertial, ``'2024 T2'``) or a school's term, ``VT 2024`` (``'2024 H1'``) and ``HT 2024``
    (``'2024 H2'``); ``None`` for anything else or a part the year has not (``H3``, ``T4``)."""
    if (term := _TERM.match(text.strip())) is not None:  # (a term: its half of the year)
        word, year = (term.group(1), term.group(2)) if term.group(1) else (term.group(4), term.group(3))
        return f"{year} H{1 if word.lower().startswith('v') else 2}"
    m = _PART.match(text.strip())
    if m is None:
        return None
    year, word, n = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(4), m.group(5))
    part = _PART_WORDS[word.lower()]
    return f"{year} {part}{n}" if int(n) <= _PART_COUNT[part] else None


# a part of a year written as its months, as the report itself names a quarter ('jan–mar 2024', 'januari–juni 2024')
_MONTH_SPAN = re.compile(r"([a-zåäö]+)\.?\s*[-–—]\s*([a-zåäö]+)\.?\s*((?:19|20|21)\d\d)", re.IGNORECASE)
# the first and last month of each part of a year
_SPANS = {(1 + 3 * k, 3 + 3 * k): f"Kv{k + 1}" for k in range(4)} | {(1, 6): "H1", (7, 12): "H2"} | {
    (1 + 4 * k, 4 + 4 * k): f"T{k + 1}" for k in range(3)}


def year_part(text: str) -> str | None:
    """A budget's period cell written as a part of a calendar year (``2024 kv 1``, ``Kv1 2024``, ``Q3 2024``,
    ``2024 H1``, ``T2 2024``, or its months, ``jan–mar 2024``, ``juli–december 2024``), as a follow-up kept a row per
    quarter writes it, named as a wide budget's heading names it (``'2024 Kv1'``); ``None`` for anything else (months
    that are no quarter, half-year or tertial, ``jan–sep 2024``).

    Examples
    --------
    >>> year_part("2024 kv 1"), year_part("apr–jun 2024"), year_part("Juli - december 2025"), year_part("jan-sep 2024")
    ('2024 Kv1', '2024 Kv2', '2025 H2', None)
    """
    t = re.sub(r"\s+", " ", str(text)).strip()
    m = _MONTH_SPAN.fullmatch(t)
    if m is not None:
        first, last = MONTH_NAMES.get(m.group(1).casefold()), MONTH_NAMES.get(m.group(2).casefold())
        part = _SPANS.get((first, last)) if first and last else None
        return f"{m.group(3)} {part}" if part else None
    return _part(t)


def part_kind(period: str) -> str:
    """``'Kv'`` for ``'2024 Kv3'``, ``'H'`` for ``'2024 H1'``, ``'T'`` for a tertial, ``''`` for a whole year."""
    return _part_kind(period)


def parts_in_year(kind: str) -> int:
    """How many parts of ``kind`` (``'H'``, ``'T'``, ``'Kv'``) a year has: 2, 3 or 4."""
    return _PART_COUNT[kind]


def year_of(period: str) -> str:
    """The calendar year a part of a year belongs to (``'2024 H1'`` → ``'2024'``); any other period as it is."""
    return period.split(" ")[0] if _part(period) is not None else period


def near_wide_heading(heading: str) -> str | None:
    """The heading meant where ``heading`` names a period of a wide budget beside a word spelt close to
    budget or utfall (``Utfal 2024`` → ``Utfall 2024``, ``Budjet år 2`` → ``Budget år 2``): its amounts would
    otherwise be left out without a word. ``None`` for any other heading."""
    text = _UNIT.sub(" ", str(heading)).strip()
    words = re.split(r"[\s,:;_\-–]+", text)
    for k, word in enumerate(words):
        if len(word) < 4 or word.lower() in _KINDS:
            continue
        close = difflib.get_close_matches(word.lower(), list(_KINDS), n=1, cutoff=0.75)
        if not close:
            continue
        fixed = " ".join([*words[:k], close[0].capitalize(), *words[k + 1:]])
        w = wide_heading(fixed)
        if w is not None and w[1] not in ("", "?"):  # (a period: never the lines' own column, "Budgetpost")
            return fixed
    return None


def is_wide(columns: list[str]) -> bool:
    """A budget read with no ``period`` column whose headings name a budget or utfall per period."""
    if S.PERIOD in columns:
        return False
    return sum(1 for c in columns if (w := wide_heading(c)) is not None and w[1] not in ("", "?")) >= 1


def is_wide_read(raw: RawTable) -> bool:
    """Was ``raw`` made by :func:`long_from_wide` (its cells' headings kept per row)?"""
    return S.CATEGORY in raw.cell_columns


def header_like(cell: str) -> bool:
    """A cell that may be a heading of a budget (for finding its header row): a wide budget's (``Budget 2024``) or
    one of :data:`LONG_HEADINGS` (``Kostnadsslag``)."""
    return wide_heading(cell) is not None or long_column(cell) is not None


def _number(text: str) -> float | None:
    if SPACED_DECIMALS.search(text):  # ('1.000 000': a million or 1, never guessed)
        return None
    cleaned = plain_number(text.translate(THOUSANDS).replace("kr", ""))
    try:
        return float(cleaned) if cleaned else None
    except ValueError:
        return None


# a heading that names a financier's part of the amounts rather than a budget or utfall: 'Förbundet 2025', 'Kommunen
# (arbetstid) 2025', 'Medfinansiering region 2025', 'Egen insats', 'Varav förbundet', 'FK 2025' (not 'Varav lön')
_FUNDER_PART = re.compile(r"\b(?:samordningsförbund\w*|förbund\w*|kommun\w*|region\w*|egen|eget|egna|medfinansi\w*"
                          r"|arbetstid\w*|in[\s-]kind|försäkringskassan\w*|fk|arbetsförmedlingen\w*|af|eu|esf\+?)\b",
                          re.IGNORECASE)


_FUNDER_VALUES = {v.casefold() for code, (sv, en) in S.FUNDERS.items() for v in (code, sv, en)}


def funder_column(values: pd.Series) -> bool:
    """Whether a column the budget does not read holds the lines' financiers (every filled cell a funder's code or
    label: ``förbund``, ``egen``, ``Regionens medfinansiering``), under a heading not read as ``funder``
    (``Finansiär (kod)``, ``Part``): left unread, every line would be booked on the förbund's shares."""
    cells = [str(v).strip().casefold() for v in values if str(v).strip() and str(v).strip() != "nan"]
    return bool(cells) and all(c in _FUNDER_VALUES for c in cells) and any(c != "förbund" for c in cells)


def _funder_part_column(heading: str, values: pd.Series) -> bool:
    """Whether a column a wide budget does not read holds a financier's part of the amounts (:data:`_FUNDER_PART`)
    in numbers: its amounts would be left out, or the line's whole amount put on the wrong financier."""
    if _FUNDER_PART.search(_shown(heading)) is None:
        return False
    return any(_number(str(v)) is not None for v in values if str(v).strip())


def long_from_wide(raw: RawTable, fname: str, problems: list[Problem],
                   span: tuple[dt.date, dt.date] | None = None) -> tuple[RawTable, dict]:
    """The contract's rows (one per cost line and period) from a budget with one column per period.

    ``span``, the project's first and last day, tells which parts of a year it ran in: a year's budget whole and
    its utfall in parts is the year's utfall when every part the project ran in has one (a project ending in
    February has no utfall for the year's later quarters to wait for).

    The cost line's name is the first column that names neither an amount nor the funder; a
    ``funder`` (``Finansiär``) column is kept. A line whose cells for a period are both empty gives no
    row for that period. A total column (``Budget totalt``) is checked against the row's cells of its
    kind and then left out, except on a total row, where it becomes the total for period ``alla``.

    Returns
    -------
    RawTable
        Columns ``period``, ``category``, ``budget``, ``actual`` (and ``funder``), each row with its
        row in the file and, in ``cell_columns``, the heading its amounts came from.
    dict
        Counts for the data-quality note: ``periods`` (as read), ``lines`` and ``rows`` (the cost lines'
        rows made, total rows not counted).
    """
    df = raw.frame
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    cells: dict[tuple[str, str], str] = {}  # (kind, period) -> heading
    totals: dict[str, str] = {}  # kind -> heading of its total column
    replaced: dict[str, str] = {}  # a budget's heading not read -> the revised budget's read in its place
    funder = next((c for c in df.columns if long_column(c) == S.FUNDER), None)
    category = None
    forecasts: dict[str, str] = {}  # a forecast's heading -> its period
    months: list[str] = []  # columns headed by a month ('jan' … 'dec'), the utfall month by month
    for c in df.columns:
        w = wide_heading(c)
        if w is None and (ahead := forecast_period(c)) is not None:
            forecasts[str(c)] = ahead  # (read as below: never left out without a word)
            continue
        if w is None:
            meant = near_wide_heading(c)
            if meant is not None:  # (Utfal 2024: its amounts would be left out without a word)
                problems.append(problem(fname, header_row, c, c, "budget.wide_heading_near", fix=meant))
            elif category is None and c != funder:
                category = c
            elif _month(c) and any(_number(str(v)) is not None for v in df[c] if str(v).strip()):
                months.append(str(c))  # (a month's amounts beside the year's: said below, never left out unsaid)
            elif funder is None and funder_column(df[c]):  # (the financiers under another heading: never guessed)
                problems.append(problem(fname, header_row, c, c, "budget.funder_heading"))
            elif c != funder and _funder_part_column(str(c), df[c]):
                # (a financier's part in a column of its own: left out, its cost and whose money it is would be lost)
                problems.append(problem(fname, header_row, c, c, "budget.wide_funder_column"))
            continue
        kind, period = w
        if period == "?" and (year := so_far_year(c)) is not None:  # the running year's utfall so far
            problems.append(problem(fname, header_row, c, c, "budget.wide_heading_so_far", year=year))
        elif period == "?" and (fix := new_year_heading(c)) is not None and wide_heading(fix) is not None:
            problems.append(problem(fname, header_row, c, c, "budget.date_headings", headings=quote(c),
                                    write=quote(fix)))
        elif period == "?":
            problems.append(problem(fname, header_row, c, c, "budget.wide_heading"))
        elif period == "":
            if kind == S.BUDGET and revised(c) and kind in totals and not revised(totals[kind]):
                replaced[totals[kind]] = c  # (the revised budget's total is the one its lines sum to)
                totals[kind] = c
            elif kind == S.BUDGET and not revised(c) and kind in totals and revised(totals[kind]):
                replaced[c] = totals[kind]
            else:
                totals.setdefault(kind, c)
        elif (kind, period) in cells and kind == S.BUDGET and revised(c) != revised(cells[(kind, period)]):
            # the application's budget beside its revision: the revision is the budget in force, the other not read
            original, revision = (cells[(kind, period)], c) if revised(c) else (c, cells[(kind, period)])
            replaced[original] = revision
            cells[(kind, period)] = revision
        elif (kind, period) in cells and kind == S.BUDGET and not revised(c):
            # (the extension's budget for a year beside the original plan's: added to it or in its place, not guessed)
            problems.append(problem(fname, header_row, c, c, "budget.wide_same_budget", first=quote(cells[(kind, period)]),
                                    second=quote(c), whole=quote(f"Budget {period}"),
                                    revised=quote(f"Reviderad budget {period}")))
        elif (kind, period) in cells:
            problems.append(problem(fname, header_row, c, c, "budget.wide_same", other=cells[(kind, period)]))
        else:
            cells[(kind, period)] = c
    # a follow-up kept as blocks one under another, each headed in the first column by its kind and year with the
    # months across ('Budget 2024' over its lines and 'Jan' … 'Dec', then 'Utfall 2024', 'Budget 2025', ...): read
    # as columns, a month would name the lines and the lines' names be amounts, a message for every cell; one
    # message instead, naming the blocks and the layout to write
    first = str(df.columns[0]) if len(df.columns) else ""
    heads = [(int(raw.file_rows[i]), str(v).strip()) for i, v in enumerate(df[df.columns[0]])
             if len(df.columns) and (w := wide_heading(str(v).strip())) is not None and w[1] not in ("", "?")]
    if wide_heading(first) is not None and heads and sum(_month(c) for c in df.columns) >= 2:
        blocks = [(header_row, first), *heads]
        write = ", ".join(quote(h) for h in dict.fromkeys(h for _, h in blocks))
        problems.append(problem(fname, header_row, first, first, "budget.month_blocks", write=write,
                                blocks_sv=", ".join(f"{quote(h)} (rad {r})" for r, h in blocks),
                                blocks_en=", ".join(f"{quote(h)} (row {r})" for r, h in blocks)))
        empty = pd.DataFrame(columns=[S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL])
        return (RawTable(empty, np.asarray([], dtype=int), raw.name, raw.notes, raw.errors, {}, raw.source,
                         headless=raw.headless, other_sheets=raw.other_sheets, file_sheets=raw.file_sheets,
                         epoch=raw.epoch),
                {"periods": "", "lines": 0, "rows": 0, "parts": "", "partial": "", "revised": "", "replaced": "",
                 "forecasts": [], "months": None})
    if category is None:
        problems.append(problem(fname, header_row, None, None, "budget.wide_no_category"))
    # (the financing's rows, refused, are left out of the totals' check: its mismatch would only follow from them)
    financing = _financing_rows(raw, category, fname, problems) if category is not None else set()
    if category is not None and funder is None:  # (lines grouped under their financiers' names, no Finansiär column)
        _financier_headings(raw, category, [h for h in (*cells.values(), *totals.values())], fname, problems)
        named = financier_lines(raw, category, [h for h in (*cells.values(), *totals.values())], financing)
        if named:  # (a line named only by who pays it, with amounts: never booked on the förbund without a word)
            problems.append(financier_lines_problem(named, fname, category))
    # a forecast is the period's budget with the utfall left empty (the contract), but a column of it is not read as
    # one (which of a forecast and a budget holds is not guessed): it is said so, beside the period's budget or as the
    # only figure the period has, with the heading to write to have it counted
    forecast_notes = [(heading, cells.get((S.BUDGET, ahead), ""), f"Budget {ahead}")
                      for heading, ahead in forecasts.items()]
    # a column per month beside the year's budget (the utfall followed up month by month): months are no periods of
    # the contract, so they are not read; beside an utfall column that is said, and without one the year's utfall
    # would be missing (the cost counted at the budget), so the file is refused with the heading to write
    actuals = [h for (k, _), h in cells.items() if k == S.ACTUAL]
    years = sorted({year_of(p) for _, p in cells})
    if months and not actuals:
        problems.append(problem(fname, header_row, months[0], months[0], "budget.wide_months", first=quote(months[0]),
                                last=quote(months[-1]), n=len(months),
                                fix=quote(f"Utfall {years[0] if len(years) == 1 else '2025'}")))
    # a column whose period cannot be read is left out, so no total can be checked against the rest
    unread = any(p == "?" for p in map(lambda c: (wide_heading(c) or ("", ""))[1], df.columns))
    if unread:
        totals = {}
    # a year's parts (2024 H1, 2024 H2) are read as the year: the contract's periods are years
    groups: dict[str, list[str]] = {}
    for _, p in cells:
        if p not in groups.setdefault(year_of(p), []):
            groups[year_of(p)].append(p)
    _check_parts(groups, cells, fname, header_row, problems)
    periods = list(groups)
    if category is None:  # (no line could be named: one problem, not one per empty name)
        periods, totals = [], {}
    rows: list[dict[str, str]] = []
    at: list[int] = []
    where: dict[str, list[str]] = {S.BUDGET: [], S.ACTUAL: []}
    order: list[tuple[int, int]] = []
    partial: dict[str, None] = {}  # years whose utfall some of their parts lack: left empty
    names = df[category].to_numpy(object) if category is not None else np.full(len(df), "", dtype=object)
    # a period's budget and its revision, each a column of one period's cells (not the columns of totals)
    revisions_of = [(o, r) for o, r in replaced.items() if (S.BUDGET, (wide_heading(r) or ("", ""))[1]) in cells]
    # each revised year's budget as the application had it and as revised (the cost lines' sums), for the report
    revised_sums: dict[str, list[float]] = {}
    for i in range(len(df)):
        if i in financing:
            continue
        name = str(names[i])
        line = df.iloc[i]
        if unspent_row(name):  # (the budget left unspent: no cost line, nor a line whose total is to correct)
            problems.append(problem(fname, int(raw.file_rows[i]), category, name.strip(), "budget.unspent_line"))
            continue
        is_total = total_row(name) == "total"
        if is_total and unread:
            continue
        for original, revision in revisions_of if total_row(name) is None and not part_row(name) else ():
            year = year_of((wide_heading(revision) or ("", ""))[1])
            sums = revised_sums.setdefault(year, [0.0, 0.0])
            sums[0] += _number(str(line[original])) or 0.0
            sums[1] += _number(str(line[revision])) or 0.0
        for original, revision in revisions_of if not is_total else ():
            # (a line left empty in the revision, its amount in the application's budget: read, it would have no
            # budget, and whether it was not revised or not yet filled in is not guessed)
            if not str(line[revision]).strip() and str(line[original]).strip():
                problems.append(problem(fname, int(raw.file_rows[i]), revision, "", "budget.wide_revised_empty",
                                        original=quote(original), amount=quote(line[original]),
                                        revised=quote(revision)))
        for kind, heading in totals.items():  # a line's total column against its own cells
            stated = _number(str(line[heading]))
            if is_total or stated is None:  # a total row's total is checked as period 'alla'
                continue
            texts = [str(line[h]) for (k, _), h in cells.items() if k == kind]
            parts = [_number(t) for t in texts]
            if any(x is None and t.strip() for x, t in zip(parts, texts, strict=True)):
                continue  # a cell that is not a number is reported on its own
            summed = sum(x or 0.0 for x in parts)
            if abs(stated - summed) > 0.5:
                problems.append(problem(fname, int(raw.file_rows[i]), heading, str(line[heading]), "budget.wide_total",
                                        lines_sv=_plain(summed, "sv"), lines_en=_plain(summed, "en")))
        keys: list[str] = [*periods, "alla"] if is_total else periods
        for period in keys:
            if period == "alla":
                b_col, a_col = totals.get(S.BUDGET), totals.get(S.ACTUAL)
                b = str(line[b_col]) if b_col else ""
                a = str(line[a_col]) if a_col else ""
            else:
                b, b_col, a, a_col = _year_cells(line, cells, groups[period], is_total, span)
                if len(groups[period]) > 1 and not a.strip() and not is_total and any(
                        str(line[h]).strip() for (k, p), h in cells.items() if k == S.ACTUAL and year_of(p) == period):
                    partial.setdefault(period, None)
            if not b.strip() and not a.strip():
                continue
            row = {S.PERIOD: period, S.CATEGORY: name, S.BUDGET: b, S.ACTUAL: a}
            if funder is not None:
                row[S.FUNDER] = str(line[funder])
            rows.append(row)
            at.append(int(raw.file_rows[i]))
            where[S.BUDGET].append(b_col or a_col or "")
            where[S.ACTUAL].append(a_col or b_col or "")
            order.append((keys.index(period) if period != "alla" else len(periods), i))
    for row in rows:  # a year some of whose lines lack a part's utfall has no total utfall to check either
        if row[S.PERIOD] in partial and total_row(row[S.CATEGORY]) == "total":
            row[S.ACTUAL] = ""
    # period by period, as a budget per year is read (the lines of 2024, then those of 2025, ...)
    sort = sorted(range(len(rows)), key=lambda k: order[k])
    rows, at = [rows[k] for k in sort], [at[k] for k in sort]
    where = {c: [w[k] for k in sort] for c, w in where.items()}
    columns = [S.PERIOD, S.CATEGORY, S.BUDGET, S.ACTUAL] + ([S.FUNDER] if funder is not None else [])
    frame = pd.DataFrame(rows, columns=columns).fillna("")
    cell_columns = {S.BUDGET: np.asarray(where[S.BUDGET], dtype=object),
                    S.ACTUAL: np.asarray(where[S.ACTUAL], dtype=object)}
    if category is not None:
        cell_columns[S.CATEGORY] = np.full(len(frame), category, dtype=object)
    if funder is not None:  # (a funder's message names the file's heading, 'Finansiär', not the contract's)
        cell_columns[S.FUNDER] = np.full(len(frame), funder, dtype=object)
    out = RawTable(frame, np.asarray(at, dtype=int), raw.name, raw.notes, raw.errors, {}, raw.source,
                   cell_columns=cell_columns, headless=raw.headless, other_sheets=raw.other_sheets,
                   file_sheets=raw.file_sheets, epoch=raw.epoch)
    lines = sum(1 for n in names if str(n).strip() and total_row(n) is None and not part_row(n))
    cells_read = sum(1 for row in rows if total_row(row[S.CATEGORY]) is None and not part_row(row[S.CATEGORY]))
    part_periods = [p for g in groups.values() for p in g if _part_kind(p)]
    revisions = [h for (k, _), h in cells.items() if k == S.BUDGET and revised(h)]
    return out, {"periods": ", ".join(periods), "lines": lines, "rows": cells_read,
                 "parts": ", ".join(part_periods), "partial": ", ".join(partial),
                 "revised": ", ".join(quote(h) for h in revisions),
                 "replaced": ", ".join(quote(h) for h in replaced), "forecasts": forecast_notes,
                 "revised_sums": tuple((y, a, b) for y, (a, b) in revised_sums.items()),
                 "months": (months[0], months[-1], len(months), ", ".join(quote(h) for h in actuals)) if months else None}


# an application's financing under its costs: a heading 'Finansiering', the sum applied for from the förbund
# ('Sökt från förbundet', 'Sökt belopp', 'Ansökt belopp') and the financing's sum ('Summa finansiering')
_FINANCING_START = re.compile(r"^\s*(?:finansiering(?:en)?|finansieringsplan|finansiärer|financing|funding)\s*:?\s*$"
                              r"|^\s*(?:an)?sökt\b|\b(?:summa|totalt?|total)\s+finansiering", re.IGNORECASE)


def _financing_rows(raw: RawTable, category: str, fname: str, problems: list[Problem]) -> set[int]:
    """One problem for an application's budget that lists its financing under its costs (a heading 'Finansiering',
    then 'Kommunen (egen insats)', 'Region (i tjänst)', 'Sökt från förbundet', 'Summa finansiering'): read as cost
    lines, every krona would be counted twice, once as a cost and once as who pays it, and the total row above
    them would be said not to match. Said once, naming the rows, with the lines and the funder column to write.
    Returns the rows' positions in ``raw.frame``, the financing's first row and every row under it."""
    names = [str(v).strip() for v in raw.frame[category]]
    first = next((i for i, v in enumerate(names) if _FINANCING_START.search(v)), None)
    if first is None:
        return set()
    rows = [(int(raw.file_rows[i]), v) for i, v in enumerate(names) if i >= first and v]
    listed = ", ".join(quote(v) for _, v in rows[:6]) + (", ..." if len(rows) > 6 else "")
    problems.append(problem(fname, rows[0][0], category, rows[0][1], "budget.financing_rows",
                            first=rows[0][0], last=rows[-1][0], lines=listed))
    return set(range(first, len(names)))


# a row naming who pays the lines under it, as a follow-up groups its lines per financier ('Förbundet', 'Kommunen:',
# 'Arbetsförmedlingens medfinansiering', 'Region Västernorrland'), with the financier's code
_OF_PAYER = r"(?:['’]s\s+(?:co-?financing|contribution|funds|part|share))?"
_FINANCIER_HEADINGS = (
    ("förbund", re.compile(r"(?:samordnings)?förbund(?:et)?(?:s\s+(?:medel|del|andel))?|finsam(?:medel)?|"
                           r"sökt\s+från\s+(?:samordnings)?förbundet|medel\s+från\s+(?:samordnings)?förbundet")),
    ("kommun", re.compile(r"kommun(?:en|erna)?(?:s\s+(?:medfinansiering|insats|del))?|[\wåäöé\-]+\s+kommun|"
                          r"medfinansiering,?\s+kommun(?:en|erna)?")),
    ("region", re.compile(r"region(?:en)?(?:s\s+(?:medfinansiering|insats|del))?|region\s+[\wåäöé\-]+|"
                          r"medfinansiering,?\s+region(?:en)?")),
    ("arbetsförmedlingen", re.compile(r"arbetsförmedlingen(?:s\s+(?:medfinansiering|insats|del))?|"
                                      r"medfinansiering,?\s+arbetsförmedlingen")),
    ("försäkringskassan", re.compile(r"försäkringskassan(?:s\s+(?:medfinansiering|insats|del))?|"
                                     r"medfinansiering,?\s+försäkringskassan")),
    ("egen", re.compile(r"egen\s+(?:finansiering|insats|medfinansiering)")),
    # (the same headings in English, as a follow-up written for an English-speaking board heads them)
    ("förbund", re.compile(rf"(?:the\s+)?(?:finsam\s+|local\s+)?coordination\s+association{_OF_PAYER}")),
    ("kommun", re.compile(rf"(?:the\s+)?municipality{_OF_PAYER}|municipal\s+co-?financing")),
    ("region", re.compile(rf"(?:the\s+)?region{_OF_PAYER}|regional\s+co-?financing")),
    ("arbetsförmedlingen", re.compile(rf"(?:the\s+)?(?:swedish\s+)?(?:public\s+)?employment\s+service{_OF_PAYER}")),
    ("försäkringskassan", re.compile(rf"(?:the\s+)?(?:swedish\s+)?social\s+insurance\s+agency{_OF_PAYER}")),
    ("egen", re.compile(r"own\s+(?:contribution|funding|co-?financing)")),
)


def financier_heading(name: object) -> str | None:
    """The financier's code where a budget row's cost line names only who pays (``Förbundet``, ``Kommunen:``,
    ``Arbetsförmedlingens medfinansiering``), as a heading over that financier's lines; None otherwise.

    Examples
    --------
    >>> [financier_heading(n) for n in ("Förbundet", "Kommunen:", "Arbetsförmedlingens medfinansiering",
    ...                                 "Region Västernorrland", "Lön kommunen", "Arbetsförmedlare i tjänst")]
    ['förbund', 'kommun', 'arbetsförmedlingen', 'region', None, None]
    """
    t = " ".join(str(name).split()).rstrip(":").strip().casefold()
    return next((code for code, words in _FINANCIER_HEADINGS if words.fullmatch(t)), None)


# the agencies as a follow-up's column headings shorten them
_FINANCIER_SHORT = {"fk": "försäkringskassan", "af": "arbetsförmedlingen", "finsam": "förbund", "sf": "förbund"}


def financier_column(heading: object, values: pd.Series) -> str | None:
    """The financier's code where a column of a budget with a row per line and period is headed by a financier alone
    (``Region``, ``Kommun``, ``FK``, ``AF``, ``Förbundet``) and holds amounts: each financier's part of the line in a
    column of its own, which a budget read a line per financier would leave out. None otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> [financier_column(h, pd.Series(["1 200", ""])) for h in ("Region", "Kommun", "FK", "AF", "Förbundet", "Lön")]
    ['region', 'kommun', 'försäkringskassan', 'arbetsförmedlingen', 'förbund', None]
    >>> financier_column("Kommun", pd.Series(["Västby", "Östby"]))  # (a municipality's name per line: no amounts)
    """
    text = " ".join(_shown(str(heading)).split()).rstrip(":").strip().casefold()
    code = _FINANCIER_SHORT.get(text) or financier_heading(text)
    if code is None:
        return None
    return code if any(_number(str(v)) is not None for v in values if str(v).strip() and str(v) != "nan") else None


_NO_AMOUNT = re.compile(r"(?:|nan|none|0+(?:[.,]0+)?(?:\s*(?:kr|tkr|sek))?|[-–—]+)", re.I)


def no_amount(cell: object) -> bool:
    """Whether a heading row's amount cell holds no amount: empty, or 0 or a dash as Excel's accounting format shows
    0 (``0``, ``0,00``, ``-``, ``–``), as a financier's heading row is often filled in.

    Examples
    --------
    >>> [no_amount(c) for c in ("", None, "0", 0, "0,00", " - ", "–", "0 kr", "10", "ca 0")]
    [True, True, True, True, True, True, True, True, False, False]
    """
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell != cell or cell == 0  # (NaN, an empty cell read as a number)
    return _NO_AMOUNT.fullmatch(str("" if cell is None else cell).strip()) is not None


def _financier_headings(raw: RawTable, category: str, amounts: list[str], fname: str,
                        problems: list[Problem]) -> None:
    """One problem for a budget whose lines are grouped under their financiers' names (a row ``Kommunen`` without
    amounts over the municipality's lines, ``Arbetsförmedlingen`` over the agency's) while it has no ``Finansiär``
    column: every line would be booked on the förbund, whose money the Finsam act splits between the state, the
    region and the municipality, and the partners' co-financing would be lost. Not where every such heading names the
    förbund (its lines are the förbund's as read)."""
    heads = []
    for i, name in enumerate(raw.frame[category]):
        code = financier_heading(name)
        if code is not None and all(no_amount(raw.frame[h].iloc[i]) for h in amounts):
            heads.append((int(raw.file_rows[i]), str(name).strip(), code))
    if not any(code != "förbund" for *_, code in heads):
        return
    codes = "; ".join(f"{quote(name)} → {code}" for _, name, code in heads)
    problems.append(problem(fname, heads[0][0], category, heads[0][1], "budget.financier_headings",
                            rows=", ".join(str(r) for r, *_ in heads), codes=codes))


def financier_lines(raw: RawTable, category: str, amounts: list[str], skip: set[int] | frozenset[int] = frozenset()) -> list[
        tuple[int, str, str]]:
    """The rows of a budget without a ``Finansiär`` column whose cost line names only a financier other than the
    förbund (``Kommunen``, ``Arbetsförmedlingens medfinansiering``: :func:`financier_heading`) and holds an amount, each
    (file row, name, code): a financier's row, read as a cost line of the förbund's (its partner's co-financing booked
    on the förbund), or who pays the lines above it, no cost at all; which is not guessed. ``skip``: positions in
    ``raw.frame`` told of already (an application's financing under its costs)."""
    out = []
    for i, name in enumerate(raw.frame[category]):
        code = financier_heading(name)
        if code not in (None, "förbund") and i not in skip \
                and not all(no_amount(raw.frame[h].iloc[i]) for h in amounts if h in raw.frame):
            out.append((int(raw.file_rows[i]), str(name).strip(), str(code)))
    return out


def financier_lines_problem(lines: list[tuple[int, str, str]], fname: str, column: str) -> Problem:
    """The one problem naming :func:`financier_lines`' rows, with the column to write."""
    return problem(fname, lines[0][0], column, lines[0][1], "budget.financier_lines",
                   rows=", ".join(str(r) for r, *_ in lines),
                   names=", ".join(quote(n) for _, n, _ in lines),
                   codes="; ".join(f"{quote(n)} → {c}" for _, n, c in lines))


def _part_kind(period: str) -> str:
    """``'Kv'`` for ``'2024 Kv3'``, ``'H'`` for ``'2024 H1'``, ``''`` for a whole year."""
    return re.sub(r"\d+$", "", period.split(" ")[1]) if _part(period) is not None else ""


def _check_parts(groups: dict[str, list[str]], cells: dict[tuple[str, str], str], fname: str,
                 header_row: int | None, problems: list[Problem]) -> None:
    """Each kind of amount gives a year whole or in parts of one kind (half-years, tertials or quarters),
    never both: a column ``Budget 2024`` beside ``Budget 2024 H1``, or ``Utfall H1`` beside ``Utfall Kv3``,
    would count an amount twice. The budget may be given for the year and its utfall in parts (a year's
    budget followed up quarter by quarter): each amount is then counted once."""
    for year, group in groups.items():
        for kind in (S.BUDGET, S.ACTUAL):
            own = [p for p in group if (kind, p) in cells]
            if len({_part_kind(p) for p in own}) < 2:
                continue
            heading, other = cells[(kind, own[-1])], cells[(kind, own[0])]
            problems.append(problem(fname, header_row, heading, heading, "budget.wide_parts_mixed", other=other,
                                    year=year))


def _sum_cells(line: pd.Series, headings: list[str]) -> tuple[str, str]:
    """The cells of one line under ``headings`` (a year's parts) as one amount and the heading a message
    about it names: empty when all are empty, the first cell that is not a number as it is (its own
    message names it), else the sum, named by the headings it sums (``Budget 2024 H1 + Budget 2024 H2``)."""
    texts = [str(line[h]) for h in headings]
    for t, h in zip(texts, headings, strict=True):
        if t.strip() and _number(t) is None:
            return t, h
    filled = [t for t in texts if t.strip()]
    if not filled:
        return "", headings[0] if headings else ""
    total = sum(_number(t) or 0.0 for t in filled)
    if not np.isfinite(total):  # (400 digits, or '1e400': the cell as written, never the 'inf' of its sum)
        return next((t, h) for t, h in zip(texts, headings, strict=True) if not np.isfinite(_number(t) or 0.0))
    named = [h for t, h in zip(texts, headings, strict=True) if t.strip()]
    text = f"{total:.6f}".rstrip("0").rstrip(".")
    # (a sum is a number: 100.125 written 100.1250, never read as a thousand written with a point)
    return (text + "0" if AMBIGUOUS_POINT.fullmatch(text) else text), " + ".join(named)


def parts_run(year: int, kind: str, span: tuple[dt.date, dt.date] | None) -> int:
    """How many of a year's parts of ``kind`` (``'Kv'``, ``'H'``, ``'T'``) hold a day of ``span`` (the project's first
    and last day); every part of the year without a span.

    >>> parts_run(2026, "Kv", (dt.date(2024, 3, 1), dt.date(2026, 2, 28))), parts_run(2024, "H", (dt.date(2024, 3, 1), dt.date(2026, 2, 28)))
    (1, 2)
    >>> parts_run(2025, "T", (dt.date(2025, 5, 1), dt.date(2025, 12, 31))), parts_run(2025, "Kv", None)
    (2, 4)
    """
    count = _PART_COUNT[kind]
    if span is None:
        return count
    months = 12 // count
    run = 0
    for n in range(count):
        first = dt.date(year, n * months + 1, 1)
        last = dt.date(year + (n == count - 1), (n + 1) * months % 12 + 1, 1) - dt.timedelta(days=1)
        run += first <= span[1] and last >= span[0]
    return run or count


def _year_cells(line: pd.Series, cells: dict[tuple[str, str], str], group: list[str],
                is_total: bool, span: tuple[dt.date, dt.date] | None = None) -> tuple[str, str, str, str]:
    """Budget and utfall of one line for a year given whole or in parts: ``(budget, its heading, utfall,
    its heading)``. The parts' utfall is summed only when every part with a budget has one; a year whose
    utfall is known for some parts only (the half-years passed) has its utfall left empty, since the sum
    of the parts passed is no year's utfall. On a total row, an utfall of 0 beside a budget is Excel's
    ``SUM`` over cells not yet filled in."""
    b_heads = [cells[(S.BUDGET, p)] for p in group if (S.BUDGET, p) in cells]
    a_heads = [cells[(S.ACTUAL, p)] for p in group if (S.ACTUAL, p) in cells]
    b, b_col = _sum_cells(line, b_heads)
    a, a_col = _sum_cells(line, a_heads)
    a_parts = [p for p in group if (S.ACTUAL, p) in cells and _part_kind(p)]
    if len(group) == 1 or not a_parts or not a.strip() or _number(a) is None and a.strip():
        return b, b_col, a, a_col
    if any((S.BUDGET, p) in cells and not _part_kind(p) for p in group):
        # the year's budget whole, its utfall in parts: the utfall is the year's when every part has one
        # (a line with no budget for the year sums what it has)
        if (_number(b) or 0) <= 0:
            return b, b_col, a, a_col
        texts = [str(line[cells[(S.ACTUAL, p)]]) for p in a_parts]
        filled = [t for t in texts if t.strip() and not (is_total and _number(t) == 0)]
        # (every part the project ran in: a project ending in February has its year's utfall in the first quarter)
        year = int(year_of(a_parts[0]))
        whole = len(filled) >= parts_run(year, _part_kind(a_parts[0]), span)
        return (b, b_col, a, a_col) if whole else (b, b_col, "", a_col)
    for p in group:
        b_part = str(line[cells[(S.BUDGET, p)]]) if (S.BUDGET, p) in cells else ""
        a_part = str(line[cells[(S.ACTUAL, p)]]) if (S.ACTUAL, p) in cells else ""
        unfilled = not a_part.strip() or (is_total and _number(a_part) == 0 and (_number(b_part) or 0) > 0)
        if b_part.strip() and (_number(b_part) or 0) > 0 and unfilled:
            return b, b_col, "", a_col
    return b, b_col, a, a_col


def _plain(x: float, lang: str) -> str:
    """A sum as the message shows it, in the file's own unit: 1 944, 552,5 (552.5 in English)."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".").replace(",", " ")
    return text.replace(".", ",") if lang == "sv" else text


# the headings of an economy system's general ledger (huvudbok) exported as it is: an account and its name
_LEDGER_ACCOUNT = frozenset({"konto", "kontonr", "kontonummer", "kontonamn", "kontobenämning", "kontotext"})
# (a period 202401, 2024-01 or 2024, or a booking's date 2024-01-25)
_LEDGER_YEAR = re.compile(r"^((?:19|20)\d{2})(?:[-/ ]?(?:0[1-9]|1[0-2])(?:[-/ ]?(?:0[1-9]|[12]\d|3[01]))?)?(?:[ T].*)?$")


def ledger_problem(raw: RawTable, fname: str) -> Problem | None:
    """A ledger exported from the economy system (``Konto``, ``Kontonamn``, ``Period`` 202401, ``Belopp``): a row
    per account and month, its ``Belopp`` the utfall booked, and no budget at all. Read as a budget, each month
    would be refused for its year and ``Belopp`` offered as the budget; summed as the utfall, the budget would be
    missing and the income accounts (the financiers' contributions) counted as cost. One message for the whole
    file, saying how a budget file is laid out from it (the years it holds named), or ``None`` where the file is no
    ledger (it has a budget's or an utfall's column, no account column or no ``Belopp``)."""
    shown = {str(c): str(raw.headings.get(c, c)) for c in raw.frame.columns}
    keys = {c: heading_key(h) for c, h in shown.items()}
    if any(long_column(h) in (S.BUDGET, S.ACTUAL) for h in shown.values()):
        return None
    accounts = [c for c, k in keys.items() if k in _LEDGER_ACCOUNT]
    # (the account's name where the file has it, 'Kontonamn' or 'Benämning', else its number)
    names = [c for c, k in keys.items() if k in ("kontonamn", "kontobenämning", "kontotext", "benämning")] + accounts
    amount = next((c for c, k in keys.items() if k == "belopp"), None)
    # (or its debit and credit in two columns, as Visma and Fortnox export it: the amount is the one less the other)
    debit = next((c for c, k in keys.items() if k == "debet"), None)
    credit = next((c for c, k in keys.items() if k == "kredit"), None)
    if not accounts or (amount is None and (debit is None or credit is None)):
        return None
    dated = [c for c in raw.frame.columns if long_column(shown[str(c)]) == S.PERIOD or keys[str(c)] in _LEDGER_DATES]
    found = {m.group(1) for c in dated for v in raw.frame[c].astype(str) if (m := _LEDGER_YEAR.match(v.strip()))}
    header_row = int(raw.file_rows[0]) - 1 if len(raw.file_rows) else None
    named = {lang: quote(shown[amount]) if amount is not None else message(
        "budget.ledger_debit_credit", lang, debit=quote(shown[str(debit)]), credit=quote(shown[str(credit)]))
        for lang in ("sv", "en")}
    return problem(fname, header_row, shown[amount if amount is not None else str(debit)], None, "budget.ledger",
                   columns=", ".join(quote(h) for h in shown.values()), amount=named["en"], amount_sv=named["sv"],
                   amount_en=named["en"], account=quote(shown[names[0]]), years=", ".join(sorted(found)) or "–",
                   n=len(raw.frame))


_LEDGER_DATES = frozenset({"datum", "bokföringsdatum", "verifikationsdatum", "transaktionsdatum", "bokföringsdag"})
