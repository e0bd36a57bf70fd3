"""The result objects analyses return: numbers and codes, no words.

Every analysis returns a small result object. ``.table`` is what a report may publish (small
counts suppressed), ``.raw`` the unsuppressed numbers for the evaluator's own exploration, and
``.context`` says which project (language, privacy threshold, changed settings) it was computed
for. How a result shows itself — a headline, the table in the project's language with the
report's number formats, the notebook's HTML — is the presentation layer's
(:mod:`evaltools.present.results` registers it with :func:`register_presenter`); without it a
result prints as its class name and the size of its table.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

import numpy as np
import pandas as pd

def _jsonable(v: object) -> object:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (Money, Share)):
        return _jsonable(v.value)
    if isinstance(v, Codes):
        return list(v.codes)
    if isinstance(v, Categories):
        return {str(k): _jsonable(c) for k, c in v.pairs}
    if isinstance(v, Note):
        return {"key": v.key, **{k: _jsonable(x) for k, x in v.values}}
    if is_dataclass(v) and not isinstance(v, type):  # e.g. a success definition: its fields
        return {f.name: _jsonable(getattr(v, f.name)) for f in fields(v)}
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, (np.floating, float)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (pd.Timestamp,)):
        return v.date().isoformat()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if v is pd.NA or v is None:
        return None
    if dataclasses.is_dataclass(v) and not isinstance(v, type):  # e.g. a note's success definition
        return {f.name: _jsonable(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    return v


def frame_records(df: pd.DataFrame) -> list[dict]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


@dataclass(frozen=True)
class Money:
    """An amount in kronor inside a note (worded with the report's currency format)."""

    value: float


@dataclass(frozen=True)
class Share:
    """A share between 0 and 1 inside a note (worded as a percentage with ``decimals``)."""

    value: float
    decimals: int = 1


@dataclass(frozen=True)
class Codes:
    """Vocabulary codes of one data column inside a note (worded as their labels, joined)."""

    column: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Variables:
    """Breakdown variables (participant columns) inside a note (worded as their names, joined: "kön och kommun")."""

    columns: tuple[str, ...]


@dataclass(frozen=True)
class Categories:
    """``(column, code)`` pairs inside a note, e.g. the reference categories of a model
    (worded ``Kön: Kvinna, Hushållstyp: Ensamstående``)."""

    pairs: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Wording:
    """The evaluator's own text from the params file inside a note, in Swedish and, where the file gives
    it, in English (worded in the report's language; Swedish where there is no English)."""

    sv: str
    en: str | None = None


@dataclass(frozen=True)
class Note:
    """A caveat that belongs next to a result: the catalog key of its sentence and the values it is
    filled in with (numbers and codes, never words), worded by :func:`evaltools.words.labels.note_text`.

    A value is a number, a code, or one of :class:`Money`, :class:`Share`, :class:`Codes`,
    :class:`Categories` or a success definition; ``count`` names the value whose size picks the
    singular or plural form of a plural message.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()
    count: str | None = None

    @classmethod
    def of(cls, key: str, count: str | None = None, **values: object) -> Note:
        """``Note.of("note.rate_tests", n=4)``."""
        return cls(key, tuple(values.items()), count)


@dataclass(frozen=True)
class Context:
    """What a result's display needs to know about the project it was computed for.

    Attributes
    ----------
    lang
        ``"sv"`` or ``"en"``: the language of labels and number formats.
    min_count
        The privacy threshold (counts below it are shown as ``<k``).
    overrides
        Settings changed from the params file, as ``(dotted key, value)`` pairs.
    project
        The project's title.
    """

    lang: str = "sv"
    min_count: int = 5
    overrides: tuple[tuple[str, object], ...] = ()
    project: str = ""


@dataclass(frozen=True)
class Result:
    """Base for analysis results.

    ``table`` is what a report may publish (suppressed where it counts persons); ``raw`` is
    the unsuppressed table for the evaluator's own exploration; ``notes`` are the caveats that
    belong next to the table (:class:`Note`: worded by the words layer); ``context`` says which project (language, privacy
    threshold, changed settings) the result was computed for.
    """

    table: pd.DataFrame
    raw: pd.DataFrame | None = None
    notes: tuple[Note, ...] = field(default_factory=tuple)
    context: Context | None = None

    def to_dict(self) -> dict:
        return {"table": frame_records(self.table),
                "notes": [{"key": n.key, **{k: _jsonable(v) for k, v in n.values}} for n in self.notes]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @property
    def lang(self) -> str:
        return self.context.lang if self.context else "sv"

    def headline(self, lang: str | None = None) -> str:
        """The result in one sentence, as the display leads with it ("" when there is none)."""
        fn = _PRESENTER.get("headline")
        return fn(self, lang or self.lang) if fn else ""

    def display(self, lang: str | None = None) -> pd.DataFrame:
        """The table as a reader sees it: labelled columns in the project's language, formatted
        numbers as text, suppressed counts as ``<5`` / ``..``. Save it for a memo with
        ``.display().to_excel("tabell.xlsx", index=False)``."""
        fn = _PRESENTER.get("frame")
        return fn(self, lang or self.lang) if fn else self.table

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # a result subclass declared as a dataclass would get a generated repr that prints its
        # frames raw (1.265744e+07, NaN); a __repr__ of its own keeps the readable one
        cls.__repr__ = Result.__repr__

    def __repr__(self) -> str:
        """Plain text for a console: title, headline and the formatted table."""
        fn = _PRESENTER.get("text")
        return fn(self, self.lang) if fn else f"{type(self).__name__} ({len(self.table)} rows)"

    def _repr_html_(self) -> str | None:
        fn = _PRESENTER.get("html")
        return fn(self, self.lang) if fn else None


# how results show themselves; filled in by the presentation layer (evaltools.present.results)
_PRESENTER: dict[str, Callable[..., Any]] = {}


def register_presenter(**functions: Callable[..., Any]) -> None:
    """Set how results show themselves: ``headline``, ``frame``, ``text`` and ``html``, each a
    function of ``(result, lang)``. Called once by :mod:`evaltools.present.results`."""
    _PRESENTER.update(functions)
