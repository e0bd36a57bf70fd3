"""Exceptions and warnings raised by evaltools.

Every error says *where* (file, row as seen in Excel, column), *what* (the value it got)
and *what was expected*, and a data error lists every problem in the file at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
    """

    file: str
    row: int | None
    column: str | None
    value: object
    expected: str
    severity: str = "error"  # "error" refuses the file; "warning" is reported and kept
    code: str = ""  # a short key for warnings, so reports can word them in their own language

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        got = "" if self.value is None else f": got {self.value!r}"
        return f"{where}{got}; expected {self.expected}"


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Return problems as a tidy table (file, row, column, value, expected, severity, code)."""
    import pandas as pd
    cols = ["file", "row", "column", "value", "expected", "severity", "code"]
    return pd.DataFrame([{c: getattr(p, c) for c in cols} for p in problems], columns=cols)


class DataValidationError(EvaltoolsError, ValueError):
    """Raised when an input file breaks the data contract.

    Attributes
    ----------
    problems
        Every problem found, not only the first.
    failure_cases
        The same problems as a DataFrame.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        self.failure_cases = problems_frame(self.problems)
        files = sorted({p.file for p in self.problems})
        head = (
            f"{len(self.problems)} problem(s) in {', '.join(files)}. "
            "Fix them in the source file and load again; the file was not changed."
        )
        super().__init__(redact(head + "\n" + "\n".join(_summarise(self.problems))))


def _summarise(problems: list[Problem], show: int = 5) -> list[str]:
    """One line per problem, but the same problem in many rows is folded after ``show`` rows."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.expected), []).append(p)
    lines = []
    for (file, column, _expected), ps in groups.items():
        lines += [f"  - {p}" for p in ps[:show]]
        if len(ps) > show:
            rows = [str(p.row) for p in ps[show:] if p.row is not None]
            listed = ", ".join(rows[:20]) + (" …" if len(rows) > 20 else "")
            lines.append(f"  - … and {len(ps) - show} more row(s) in {file}, column '{column}' with the same problem"
                         + (f" (rows {listed})" if rows else ""))
    return lines


class ParamsError(EvaltoolsError, ValueError):
    """Raised when a project's params YAML is invalid. Lists every problem at once."""

    def __init__(self, path: str | Path, messages: list[str]):
        self.path = str(path)
        self.messages = list(messages)
        super().__init__(redact(
            f"{self.path}: {len(self.messages)} problem(s) in the project parameters:\n"
            + "\n".join(f"  - {m}" for m in self.messages)
        ))


class PersonalIdentityNumberError(DataValidationError):
    """Raised when person-level data holds a value that looks like a Swedish personnummer."""


class ReportError(EvaltoolsError, RuntimeError):
    """Raised when a report could not be rendered."""


class DataQualityWarning(UserWarning):
    """A problem in the data that is reported but does not stop the analysis."""


class SmallSampleWarning(UserWarning):
    """A statistical result rests on very few persons and should be read with care."""
