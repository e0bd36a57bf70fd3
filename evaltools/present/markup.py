"""HTML from templates: the report's tables, paragraphs, charts and blocks are written by the Jinja
templates in ``evaltools/templates/html/``, with every text escaped by the environment.

Sections hand over plain strings; :func:`render` fills a template with them. Two filters keep the
report's typography: ``units`` joins a number to its ``%`` or ``kr`` with a non-breaking space, and
``cell`` also keeps an ISO date on one line.
"""
from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_UNIT_SPACE = re.compile(r"(?<=\d) (?=%|kr\b)")
# a figure followed by its qualifier in words in brackets: "9 049 kr (utfall hittills)", "110 (förväntat
# enligt ansökan)"; a count in brackets ("48,6 % (18/37)") is part of the figure and stays on its line
_QUALIFIER = re.compile(r"^(.*\d.*?) (\([^()]*[^\W\d_][^()]*\))$")
# a range of two figures ("−1 885 200 till −1 690 800 kr", "SEK 216,000 to 864,000"): in a wide table its second
# figure may go to the next line, after the word between them
_RANGE = re.compile(r"^((?:SEK\u00a0)?[−-]?\d[\d\u00a0,.]*) (till|to) ((?:SEK\u00a0)?[−-]?\d[^ ]*)$")


def keep_units(text: str) -> str:
    """``text`` with a non-breaking space between a number and its % or kr, so that a line never
    breaks between them (project-given text such as a goal label or a budget line keeps a plain one)."""
    return _UNIT_SPACE.sub("\u00a0", text)


def units(value: object) -> Markup:
    """Escaped text with its units kept on the number's line."""
    return escape(keep_units(str(value)))


def cell(value: object) -> Markup:
    """Escaped cell text; ISO dates never break at their hyphens, nor a number before its unit.

    A figure's qualifier in brackets after it (``9 049 kr (utfall hittills)``) is marked so that a
    column of figures, which keeps each figure on one line, may put the qualifier on the next line
    rather than push the table past the page's edge; in a wide table (``et-wide``) so may the second figure of a
    range, after its "till" ("216 000 till 864 000 kr")."""
    text = _ISO_DATE.sub(r"<span class='nw'>\1</span>", str(units(value)))
    text = _RANGE.sub(r"\1 \2<span class='et-range'> \3</span>", text)
    return Markup(_QUALIFIER.sub(r"\1<span class='et-qual'> \2</span>", text))


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment: autoescaping, no undefined names, the report's filters."""
    env = Environment(loader=PackageLoader("evaltools", "templates/html"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=False)
    env.filters.update(units=units, cell=cell)
    return env


def render(name: str, **values: object) -> str:
    """Template ``name`` (e.g. ``"table.html.j2"``) filled with ``values``, as one line of HTML."""
    return environment().get_template(name).render(**values).strip()


def markup(html_text: str) -> Markup:
    """HTML made by a template (or a display's ``_repr_html_``), passed into another unescaped."""
    return Markup(html_text)


__all__ = ["cell", "keep_units", "markup", "render", "units"]
