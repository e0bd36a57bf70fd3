"""Exceptions and warnings raised by evaltools.

Every error says *where* (file, row as seen in Excel, column), *what* (the value it got)
and *what was expected*, and a data error lists every problem in the file at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .messages import DEFAULT_LANG, message, quote, shorten, shown
from .privacy import redact

if TYPE_CHECKING:
    import pandas as pd


class EvaltoolsError(Exception):
    """Base class for every error raised by evaltools."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file.

    ``row`` is the row number as the evaluator sees it in Excel or a text editor:
    1-based with the header row counted, so the first data row is row 2.

    A problem made with :func:`problem` carries a message id (``key``) and the values to fill
    in, and is worded in Swedish or English by :meth:`text`; ``expected`` then holds the English
    wording. A problem made directly with an ``expected`` text shows that text in either language.
    """

    file: str
    row: int | None
    column: str | None
    value: object
    expected: str
    severity: str = "error"  # "error" refuses the file; "warning" is reported and kept; "info" is for the evaluator
    code: str = ""  # a short key for warnings, so reports can word them in their own language
    key: str = ""  # message id: the catalogs' messages.<id> (evaltools.data.messages.message)
    values: tuple = ()  # (name, value) pairs the message is filled in with

    def note(self, lang: str = DEFAULT_LANG) -> str:
        """What is wrong, without where: the message in ``lang``."""
        if self.key:
            return message(self.key, lang, **dict(self.values))
        if self.value is None:
            return message("line.expected", lang, expected=self.expected)
        return message("line.got", lang, value=repr(self.value), expected=self.expected)

    def where(self, lang: str = DEFAULT_LANG) -> str:
        """File, row and column, in ``lang``."""
        parts = [self.file]
        if self.row is not None:
            parts.append(message("where.row", lang, row=self.row))
        if self.column is not None:
            # (a heading cut short where long: a page of text pasted into a heading cell was echoed whole)
            parts.append(message("where.column", lang, column=shown(shorten(self.column))))
        return ", ".join(parts)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The whole message: where, then what is wrong, in ``lang`` (``"sv"`` or ``"en"``)."""
        return f"{self.where(lang)}: {self.note(lang)}"

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def problem(file: str, row: int | None, column: str | None, value: object, key: str,
            severity: str = "error", code: str = "", /, **values: object) -> Problem:
    """A :class:`Problem` worded by the message ``key`` (see :mod:`evaltools.data.messages`).

    ``value`` is the cell value as found; it is available to the message as ``{value}``
    (quoted), unless ``values`` gives its own.
    """
    values.setdefault("value", quote(value) if value is not None else "")
    return Problem(file, row, column, value, message(key, "en", **values), severity, code or key, key,
                   tuple(values.items()))


def problems_frame(problems: list[Problem], lang: str | None = None) -> pd.DataFrame:
    """Return problems as a tidy table (file, row, column, value, expected, severity, code).

    With ``lang``, a column ``message`` holds each problem's note in that language.
    """
    import pandas as pd
    cols = ["file", "row", "column", "value", "expected", "severity", "code"]
    frame = pd.DataFrame([{c: getattr(p, c) for c in cols} for p in problems], columns=cols)
    if lang is not None:
        frame["message"] = [p.note(lang) for p in problems]
    return frame


class DataValidationError(EvaltoolsError, ValueError):
    """Raised when an input file breaks the data contract.

    Attributes
    ----------
    problems
        Every problem found, not only the first.
    failure_cases
        The same problems as a DataFrame.
    lang
        The language of the message (``"sv"`` or ``"en"``); :meth:`message` gives the other.
    """

    def __init__(self, problems: list[Problem], lang: str = DEFAULT_LANG):
        self.problems = list(problems)
        self.lang = lang
        self.failure_cases = problems_frame(self.problems, lang)
        super().__init__(self.message(lang))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Every problem, one line each (repeated ones folded), in ``lang``."""
        files = sorted({p.file for p in self.problems})
        n, named = len(self.problems), ", ".join(files)
        head = (message("error.head_files", lang, n=n, files=named) if len(files) > 1
                else message("error.head_one", lang, files=named) if n == 1
                else message("error.head", lang, n=n, files=named))
        return redact(head + "\n" + "\n".join(_summarise(self.problems, lang)))


def _summarise(problems: list[Problem], lang: str = DEFAULT_LANG, show: int = 5) -> list[str]:
    """One line per problem, but the same problem in many rows is folded after ``show`` rows."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.key or p.expected), []).append(p)
    lines = []
    for (file, column, _what), ps in groups.items():
        lines += [f"  - {p.text(lang)}" for p in ps[:show]]
        if len(ps) > show:
            rows = [str(p.row) for p in ps[show:] if p.row is not None]
            listed = ", ".join(rows[:20]) + (" …" if len(rows) > 20 else "")
            more = (message("error.more_rows_one", lang, file=file, column=column) if len(ps) - show == 1
                    else message("error.more_rows", lang, n=len(ps) - show, file=file, column=column))
            lines.append("  - " + more + (message("error.rows_one", lang, rows=listed) if len(rows) == 1
                                          else message("error.rows", lang, rows=listed) if rows else ""))
    return lines


def _at_line(problem: dict[str, str], lang: str) -> str:
    """A params file's problem in ``lang``, after the line it is on where it has one ("rad 7, granted_sek: …"): an
    evaluator editing the file in Notepad counts lines."""
    line = problem.get("line")
    return problem[lang] if line is None else message("params.at_line", lang, line=line, place=problem[lang])


class ParamsError(EvaltoolsError, ValueError):
    """Raised when a project's params YAML is invalid. Lists every problem at once.

    ``messages`` are the problems as text, or as ``{"sv": ..., "en": ...}`` where the problem is
    worded in both languages, with ``"line"``, the line of the params file it is on, where known;
    :meth:`message` gives them in either language (Swedish by default), each after its line ("rad 7, granted_sek: …").
    The attribute ``messages`` holds the problems in ``lang`` without their lines.
    """

    def __init__(self, path: str | Path, messages: list, lang: str = DEFAULT_LANG, arguments: bool = False):
        self.path = str(path)
        self.lines = [m if isinstance(m, dict) else {"sv": str(m), "en": str(m)} for m in messages]
        self.lang = lang
        # the problems are in a function's arguments (``path`` names the function), not in a params file
        self.arguments = arguments
        self.messages = [line[lang] for line in self.lines]
        super().__init__(self.message(lang))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Every problem, one line each, in ``lang``."""
        # (a line counting the problems not listed, "count", is last and counted by its number)
        n = sum(int(line.get("count", 1)) for line in self.lines)
        head = (message("params.head_arguments", lang, path=self.path, n=n) if self.arguments
                else message("params.head", lang, path=self.path, n=n))
        lines = sorted(self.lines, key=lambda line: "count" in line)
        return redact(head + "\n" + "\n".join(f"  - {_at_line(line, lang)}" for line in lines))

    def in_lang(self, lang: str) -> ParamsError:
        """The same error worded in ``lang``."""
        return ParamsError(self.path, self.lines, lang, self.arguments)


class PersonalIdentityNumberError(DataValidationError):
    """Raised when person-level data holds a value that looks like a Swedish personnummer."""


class ReportError(EvaltoolsError, RuntimeError):
    """Raised when a report could not be rendered."""


class DataQualityWarning(UserWarning):
    """A problem in the data that is reported but does not stop the analysis."""


class SmallSampleWarning(UserWarning):
    """A statistical result rests on very few persons and should be read with care."""
