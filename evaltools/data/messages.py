"""Every message the loader and the params check give about input data, in Swedish and English.

The words are in the report's catalogs (``evaltools/locales/sv.yaml`` and ``en.yaml``) under
``messages.<id>``; a message is looked up by its id and filled in with named values::

    >>> from evaltools.data.messages import message
    >>> message("cell.empty", "en", expected="a date written YYYY-MM-DD")
    'the cell is empty; expected a date written YYYY-MM-DD'

Swedish is the default language; English is the option.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
PREFIX = "messages."  # the messages' place in the catalogs
# the catalogs of words, one YAML file per language (evaltools/locales/, beside the layer packages)
LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"


def message(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (``"sv"`` or ``"en"``), filled in with ``values``.

    A value that differs by language is given twice, with the language as suffix
    (``expected_sv=..., expected_en=...``); the one for ``lang`` fills ``{expected}``.

    Raises
    ------
    KeyError
        If there is no message ``key``.
    """
    if lang not in LANGS:
        lang = DEFAULT_LANG
    template = _messages(lang).get(key)
    if template is None:
        raise KeyError(key)
    # an input echoed cut short says how long it was in the message's language
    filled = {name: value.worded(lang) if isinstance(value, Echo) else value for name, value in values.items()}
    for name, value in values.items():  # a value given per language: expected_sv, expected_en, ...
        base, _, suffix = name.rpartition("_")
        if suffix == lang and base:
            filled[base] = value
    # not text.msg(): a message may be given values it does not show (the other language's, or
    # a code kept for the problem's record); a placeholder without a value is still a KeyError
    return shown(template.format_map(filled))


class Echo(str):
    """An input a message echoes, cut short: the text shown (ending in "…") and how many characters the whole
    had, which :func:`message` says in the message's language ("… (83 tecken)" / "… (83 characters)").

    Made before the message's language is known (a problem is worded in both); as a plain string it is the
    cut text alone."""

    length: int

    def __new__(cls, cut: str, length: int) -> Echo:
        self = super().__new__(cls, cut)
        self.length = length
        return self

    def __getnewargs__(self) -> tuple[str, int]:  # type: ignore[override]  # (pickled with its length)
        return str(self), self.length

    def worded(self, lang: str) -> str:
        """The cut text and the whole's length in ``lang``."""
        return f"{self} ({message('characters', lang, n=_grouped(self.length, lang))})"


def echo(value: object, limit: int = 80, lang: str | None = None) -> str:
    """``repr(value)`` for a message that echoes an input, cut to ``limit`` characters where longer; the
    whole's length is then said in ``lang``, or, without ``lang``, in the language :func:`message` words
    it in (an :class:`Echo`)."""
    text = repr(value)
    if len(text) <= limit:
        return text
    cut = Echo(text[:limit] + "…", len(text))
    return cut.worded(lang) if lang is not None else cut


def _grouped(n: int, lang: str) -> str:
    """``n`` with its thousands apart as :func:`evaltools.data.params.grouped` writes them."""
    text = f"{n:,}"
    return text.replace(",", " ") if lang == "sv" else text


def shorten(value: object) -> str:
    """A cell value shortened as messages show it: at most 60 characters, the last an ellipsis."""
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


# characters a value holds that show nothing, or that turn the direction of the text after them (an override, an
# embedding, an isolate, a mark): echoed as they are, 'P00\u200b3' reads 'P003' in the message, and a value with
# U+202E turns the rest of the message's line around on screen; and the control characters but tab and line ends (NUL,
# ESC, BEL): a file of bytes that is no table had its first row sent to the terminal, whose escapes (ESC [2J) it obeys
_UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


# a line break inside a value (Alt+Enter in an Excel cell, a quoted line end in a CSV file), as messages show it: the
# cell shows its text on two lines, and echoed as it is the message would break in the middle of the value
LINE_BREAK = "\u23ce"
_LINE_ENDS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def shown(text: str) -> str:
    """``text`` with each character that shows nothing or turns the text's direction written as its code
    (``P00[U+200B]3``): a message names what a value holds, whatever it looks like."""
    return _UNSEEN.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def quote(value: object) -> str:
    """A cell value as messages show it: in single quotes, shortened if very long (:func:`shorten`), each character
    that shows nothing or turns the text's direction written as its code (``'P00[U+200B]3'``), and each line break
    inside it as :data:`LINE_BREAK` (``'arbete⏎studier'``, a cell Excel shows on two lines), so that the message goes on
    on one line."""
    return "'" + _LINE_ENDS.sub(LINE_BREAK, shown(shorten(value))).replace("'", "’") + "'"


@lru_cache(maxsize=None)
def _messages(lang: str) -> dict[str, str]:
    """The catalog's ``messages`` section for ``lang``, flattened to dotted ids, read once.

    Read here, not through :mod:`evaltools.words.text`: the data layer words its own messages and
    imports nothing above it (docs/architecture.md). The catalog tests check both catalogs.
    """
    path = LOCALES_DIR / f"{lang}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tree = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    out: dict[str, str] = {}

    def walk(node: dict, prefix: str) -> None:
        for k, v in node.items():
            if isinstance(v, dict):
                walk(v, f"{prefix}{k}.")
            else:
                out[f"{prefix}{k}"] = v

    walk(tree[PREFIX.rstrip(".")], "")
    return out
