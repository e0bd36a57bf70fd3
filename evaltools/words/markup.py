"""HTML from templates: the report's tables, paragraphs, charts and blocks are written by the Jinja
templates in ``evaltools/templates/html/``, with every text escaped by the environment.

Sections hand over plain strings; :func:`render` fills a template with them. Two filters keep the
report's typography: ``units`` joins a number to its ``%`` or ``kr`` with a non-breaking space, and
``cell`` also keeps an ISO date on one line.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .text import keep_figures

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_UNIT_SPACE = re.compile(r"(?<=\d) (?=%|kr\b)")
# a figure followed by its qualifier in words in brackets: "9 049 kr (utfall hittills)", "110 (förväntat
# enligt ansökan)"; a count in brackets ("48,6 % (18/37)") is part of the figure and stays on its line
_QUALIFIER = re.compile(r"^(.*\d.*?) (\([^()]*[^\W\d_][^()]*\))$")
# a range of two figures ("−1 885 200 till −1 690 800 kr", "SEK 216,000 to 864,000"): in a wide table its second
# figure may go to the next line, after the word between them
_RANGE = re.compile(r"^((?:SEK\u00a0)?[−-]?\d[\d\u00a0,.]*) (till|to) ((?:SEK\u00a0)?[−-]?\d[^ ]*)$")


def keep_units(text: str) -> str:
    """``text`` with a non-breaking space between a number and its % or kr, inside its thousands ("1 200 000") and
    after a currency before it ("SEK 0"), so that a line never breaks inside a figure: the project's own text in a
    table's cell, heading or note (a budget line or a goal's label with a sum in it) as well as the report's
    (:func:`evaltools.words.text.keep_figures`)."""
    return keep_figures(_UNIT_SPACE.sub("\u00a0", text))


def units(value: object) -> Markup:
    """Escaped text with its units kept on the number's line."""
    return escape(keep_units(str(value)))


class Written(str):
    """Text as the project wrote it (a budget line's cost item, "Lön"), shown as it stands in a report in another
    language: ``lang`` is its own language, which the report's table marks on its cell (``<td lang='sv'>``), so
    that a reader's browser and Word check its spelling in that language instead of flagging every word as
    misspelt English."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Written:
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __reduce__(self):  # (copied and pickled with its language, as a report's blocks may be)
        return Written, (str(self), self.lang)


def written(text: Any, lang: str, own: str = "sv") -> Any:
    """``text`` as the project wrote it, in its language ``own`` (Swedish, as the data contract asks), for a
    report in ``lang``: marked as :class:`Written` where the two differ; a missing value (NaN) or a report in the
    text's own language as it is."""
    return Written(text, own) if isinstance(text, str) and text and lang != own else text


def cell(value: object) -> Markup:
    """Escaped cell text; ISO dates never break at their hyphens, nor a number before its unit.

    A figure's qualifier in brackets after it (``9 049 kr (utfall hittills)``) is marked so that a
    column of figures, which keeps each figure on one line, may put the qualifier on the next line
    rather than push the table past the page's edge; in a wide table (``et-wide``) so may the second figure of a
    range, after its "till" ("216 000 till 864 000 kr")."""
    text = _ISO_DATE.sub(r"<span class='nw'>\1</span>", str(units(value)))
    text = _RANGE.sub(r"\1 \2<span class='et-range'> \3</span>", text)
    return Markup(_QUALIFIER.sub(r"\1<span class='et-qual'> \2</span>", text))


def lang_of(value: object) -> str:
    """The language of a cell's text where it is not the report's (:class:`Written`: the table cell says so,
    ``<td lang='sv'>``), else ""."""
    return value.lang if isinstance(value, Written) else ""


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment: autoescaping, no undefined names, the report's filters."""
    env = Environment(loader=PackageLoader("evaltools", "templates/html"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=False)
    env.filters.update(units=units, cell=cell, lang_of=lang_of)
    return env


def render(name: str, **values: object) -> str:
    """Template ``name`` (e.g. ``"table.html.j2"``) filled with ``values``, as one line of HTML."""
    return environment().get_template(name).render(**values).strip()


def markup(html_text: str) -> Markup:
    """HTML made by a template (or a display's ``_repr_html_``), passed into another unescaped."""
    return Markup(html_text)


__all__ = ["Written", "cell", "keep_units", "lang_of", "markup", "render", "units", "written"]
