"""The portfolio's first page is its conclusions alone: the tables start on a new printed page (in the
PDF and in Word), so page 1 never ends with a heading and two rows of a table."""
from __future__ import annotations

from pathlib import Path

import pytest

import evaltools as et
from evaltools.present import portfolio as pf_module
from evaltools.present.display import Table, Text
from evaltools.present.portfolio import Portfolio

from .conftest import PARAMS


@pytest.fixture(scope="module")
def parts():
    shown: list = []
    original = pf_module.show
    pf_module.show = lambda *p: shown.extend(p)
    try:
        Portfolio([PARAMS / f"{p}.yaml" for p in ("samverkan-i-praktiken", "timra-vagen-ut")], "sv").overview()
    finally:
        pf_module.show = original
    return shown


def test_the_first_table_starts_a_new_page(parts):
    first_table = next(i for i, p in enumerate(parts) if isinstance(p, Table))
    heading = parts[first_table - 1]
    assert isinstance(heading, Text) and heading.heading == "Deltagare och utfall"
    html = heading._repr_html_()
    assert "<h2 class='et-newpage'>" in html
    # the conclusions before it start no page of their own
    assert all("et-newpage" not in p._repr_html_() for p in parts[:first_table - 1])


def test_the_print_style_and_the_word_writer_break_the_page_there():
    root = Path(et.__path__[0])
    css = (root / "templates" / "evalprint" / "index.html.j2").read_text(encoding="utf-8")
    assert "h2.et-newpage { break-before: page; }" in css
    import io

    import docx
    from evaltools.publish.docx import html_to_docx
    html = "<html><body><p>Slutsatser</p><h2 class='et-newpage'>Deltagare och utfall</h2></body></html>"
    document = docx.Document(io.BytesIO(html_to_docx(html, None, "sv", "Portföljöversikt")))
    heading = next(p for p in document.paragraphs if p.text == "Deltagare och utfall")
    assert heading.paragraph_format.page_break_before
