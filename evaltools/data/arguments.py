"""Checking the arguments of the notebook API (``load_project``'s ``lang``, the what-if values) with
the same messages as the params file, so a mistyped argument reads like a mistyped setting and
never as a bare ``ValueError`` or ``KeyError``."""
from __future__ import annotations

import difflib
import math
from itertools import islice
from numbers import Real

from .errors import ParamsError
from .messages import DEFAULT_LANG, LANGS, echo, message


def _short(value: object, limit: int = 80) -> str:
    return echo(value, limit)  # (its length said in each language the line is worded in)


def _line(key: str, place: str, **values: object) -> dict[str, str]:
    return {lang: f"{place}: " + message(key, lang, **values) for lang in LANGS}


def check_lang(lang: object, where: str) -> str | None:
    """``lang`` when it is ``None``, ``"sv"`` or ``"en"``.

    Raises
    ------
    ParamsError
        Under ``where``, worded as the params file's ``language``.
    """
    if lang is None or (isinstance(lang, str) and lang in LANGS):
        return lang
    raise ParamsError(where, [_line("params.choice", "lang", value=_short(lang), choices=", ".join(LANGS))], arguments=True)


def check_number(name: str, value: object, where: str) -> float:
    """``value`` as a finite number: an int or float, or a text that is one (``"0.5"``, ``"0,5"``).

    Raises
    ------
    ParamsError
        Under ``where``, worded as a number in the params file.
    """
    number = _as_number(value)
    if number is None:
        raise ParamsError(where, [_line("params.number", name, value=_short(value))], arguments=True)
    return number


def _as_number(value: object) -> float | None:
    """``value`` as a finite number (an int or float, or a text that is one: ``"0.5"``, ``"0,5"``), else None."""
    number: float | None = None
    if isinstance(value, Real) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and len(value) <= 40:
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            number = None
    return number if number is not None and math.isfinite(number) else None


def check_days(name: str, value: object, where: str, lang: str | None = None) -> tuple[int, ...]:
    """``value`` as whole days, at least 0: one number or several (``(30, 90)``; a text that is a
    number, ``"90"``, is read as one).

    Raises
    ------
    ParamsError
        One line per value that is not a whole number of days, under ``where``.
    """
    values = [value] if isinstance(value, (str, bytes, Real)) else value
    if not hasattr(values, "__iter__"):
        raise ParamsError(where, [_line("params.number", name, value=_short(value))], lang if lang in LANGS else DEFAULT_LANG, arguments=True)
    out, lines = [], []
    for v in islice(values, 1000):  # (a list of days is short; an endless iterable is not read to its end)
        number = _as_number(v)
        if number is None or number != int(number):
            lines.append(_line("params.number", name, value=_short(v)))
        elif number < 0:
            lines.append(_line("params.bound_ge", name, value=_short(v), limit=0))
        else:
            out.append(int(number))
    if lines or not out:
        raise ParamsError(where, lines or [_line("params.number", name, value=_short(value))],
                          lang if lang in LANGS else DEFAULT_LANG, arguments=True)
    return tuple(out)


MAX_GRID_CELLS = 100  # a what-if table is read by people; each cell is one cost-benefit run (~0.5 s)


def check_grid(rows: object, columns: object, where: str) -> tuple[list, list]:
    """The row and column values of a what-if grid as lists, at most :data:`MAX_GRID_CELLS` cells.

    Raises
    ------
    ParamsError
        When either is not a list of values or there are too many combinations.
    """
    out, sizes = [], []
    for name, values in (("row_values", rows), ("column_values", columns)):
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            raise ParamsError(where, [_line("params.number", name, value=_short(values))], arguments=True)
        size = len(values) if hasattr(values, "__len__") else None
        values = list(islice(values, MAX_GRID_CELLS + 1))  # enough to know it is too many
        out.append(values)
        sizes.append(size if size is not None else len(values))
    cells = len(out[0]) * len(out[1])
    if not cells or cells > MAX_GRID_CELLS:
        raise ParamsError(where, [_line("params.grid_size", "row_values, column_values", rows=sizes[0],
                                        columns=sizes[1], limit=MAX_GRID_CELLS)], arguments=True)
    return out[0], out[1]


def check_choice(name: str, value: object, choices: tuple[str, ...] | list[str], where: str,
                 lang: str | None = None) -> str:
    """``value`` when it is one of ``choices``.

    Parameters
    ----------
    name
        The argument's name, as the message names it (``perspective``).
    value
        What was given.
    choices
        The values allowed.
    where
        The function the argument was given to (``key_figures``).
    lang
        The language the error is worded in (Swedish when ``None``).

    Raises
    ------
    ParamsError
        Naming the argument, what was given, the nearest choice where one is close and every choice.
    """
    if isinstance(value, str) and value in choices:
        return value
    listed = ", ".join(choices)
    near = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6) if isinstance(value, str) else []
    line = (_line("params.choice_near", name, value=_short(value), near=near[0], choices=listed) if near
            else _line("params.choice", name, value=_short(value), choices=listed))
    raise ParamsError(where, [line], lang if lang in LANGS else DEFAULT_LANG, arguments=True)


def check_names(name: str, value: object, columns: tuple[str, ...] | list[str], suggested: tuple[str, ...],
                where: str, lang: str | None = None) -> tuple[str, ...]:
    """``value`` as a tuple of names that ``columns`` holds (the participant table's columns, or the
    outcome codes): a single name (``"sex"``) is one; a list or tuple is several.

    Parameters
    ----------
    name
        The argument's name (``by``, ``covariates``).
    value
        What was given.
    columns
        The names allowed (the columns the participant table has, or codes).
    suggested
        The names the message lists as the ones to write.
    where
        The function the argument was given to (``outcome_rates``).
    lang
        The language the error is worded in (Swedish when ``None``).

    Raises
    ------
    ParamsError
        One line per name that is not allowed, each naming the nearest one where one is close, and
        the names to write.
    """
    names = (value,) if isinstance(value, str) else value
    if not isinstance(names, (tuple, list)):
        names = (value,)
    listed = ", ".join(suggested)
    problems = []
    for col in names:
        if isinstance(col, str) and col in columns:
            continue
        near = difflib.get_close_matches(col, list(columns), n=1, cutoff=0.6) if isinstance(col, str) else []
        problems.append(_line("params.choice_near", name, value=_short(col), near=near[0], choices=listed) if near
                        else _line("params.choice", name, value=_short(col), choices=listed))
    if problems:
        raise ParamsError(where, problems, lang if lang in LANGS else DEFAULT_LANG, arguments=True)
    return tuple(names)
