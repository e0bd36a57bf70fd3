"""Tables numbered alike in the HTML, the PDF and Word; figures in the project's own text whole in every cell.

* A report's tables are numbered as its charts are, in the order a reader meets them, in the HTML (and so in the
  PDF, printed from it) as in Word: "Tabell 3" quoted from the PDF is table 3 in the Word document. A table titled
  by the heading it stands under is not titled so right under that heading (the caption is then its number alone).
* The project's own text in a table's cell (a budget line "Lokalhyra 1 200 000 kr", a goal's label) keeps each of
  its figures on one line in the HTML and the PDF, in both languages.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pandas as pd
import pytest
from docx.oxml.ns import qn
from lxml import etree

from evaltools.present.display import Numbering, Table, Text, number_parts
from evaltools.present.markup import markup, render
from evaltools.publish.docx import html_to_docx
from evaltools.words.text import msg

NBSP = "\u00a0"
LABEL = {"sv": "Tabell", "en": "Table"}


def _say(lang):
    return lambda key, **values: msg(key, lang, **values)


def _table(caption: str = "") -> Table:
    return Table(pd.DataFrame({"Post": ["Lön"], "Belopp": ["1 000 kr"]}), caption=caption, numeric=("Belopp",))


def _chart():
    from matplotlib.figure import Figure  # (a figure of its own, outside pyplot's state)
    fig = Figure(figsize=(4, 2))
    fig.add_subplot().bar(["a", "b"], [1, 2])
    return fig


def _parts():
    """A report's blocks: a table right under its heading, one after text, one with its own caption after a
    chart, and a second table under the same heading after the first."""
    return [[Text([], "Deltagare"), _table()],
            [Text(["Vad budgeten räckte till."], "Budget"), _table(), _chart(), _table("Kostnader per post")],
            [Text([], "Per aktör", level=3), _table(), _table()]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tables_are_numbered_in_order_and_not_titled_by_the_heading_right_above(lang):
    numbers = Numbering()
    blocks = _parts()
    for block in blocks:
        number_parts(block, numbers, _say(lang))
    tables = [p for block in blocks for p in block if isinstance(p, Table)]
    label = LABEL[lang]
    assert [t.numbered for t in tables] == [f"{label} 1.", f"{label} 2. Budget", f"{label} 3. Kostnader per post",
                                           f"{label} 4.", f"{label} 5. Per aktör"]
    chart = blocks[1][2]
    assert chart.et_caption.startswith(("Figur 1." if lang == "sv" else "Figure 1."))  # (its own count)
    assert numbers.table == 6 and numbers.figure == 2
    # the caption is in the HTML, above the table
    html = tables[1]._repr_html_()
    assert re.search(rf"<table[^>]*><caption>{label} 2\. Budget</caption><thead>", html)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_heading_in_an_html_part_titles_the_tables_under_it_as_a_text_does(lang):
    numbers = Numbering()
    first, second = _table(), _table()
    number_parts(["<div><h2>Budget &amp; utfall</h2></div>", first, "<p>Text.</p>", second], numbers, _say(lang))
    assert first.numbered == f"{LABEL[lang]} 1."
    assert second.numbered == f"{LABEL[lang]} 2. Budget & utfall"


def _page(blocks) -> str:
    body = "".join(p if isinstance(p, str) else (p._repr_html_() if hasattr(p, "_repr_html_") else "")
                   for block in blocks for p in block)
    return f"<html><body><main>{body}</main></body></html>"


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_word_numbers_each_table_as_the_html_does(lang):
    numbers = Numbering(table=3)  # (tables before these in the report: the HTML's numbers go on from 3)
    blocks = _parts()
    for block in blocks:
        number_parts(block, numbers, _say(lang))
    page = _page([[p for p in block if not hasattr(p, "savefig")] for block in blocks])
    in_html = [c.replace(NBSP, " ") for c in re.findall(r"<caption>(.*?)</caption>", page)]
    assert len(in_html) == 5
    made = zipfile.ZipFile(io.BytesIO(html_to_docx(page, None, lang, "Testprojektet", "Förbundet")))
    body = etree.fromstring(made.read("word/document.xml")).find(qn("w:body"))
    tables = body.findall(qn("w:tbl"))
    captions = [t.getprevious() for t in tables]
    # the same caption, word for word, with the same number, and that number is Word's SEQ field of the label; where
    # the HTML's is the number alone (right under its heading), Word's is titled by that heading, as Word's list of
    # tables shows a caption's text only
    label = LABEL[lang]
    titled = [f"{label} 3. Deltagare" if c == f"{label} 3." else f"{label} 6. Per aktör" if c == f"{label} 6." else c
              for c in in_html]
    assert titled != in_html
    assert [_text(c).replace(NBSP, " ") for c in captions] == titled
    for n, caption in zip(range(3, 8), captions):
        fields = [t.text.split() for t in caption.iter(qn("w:instrText"))]
        assert fields and fields[0][:2] == ["SEQ", label]
        runs = caption.findall(qn("w:r"))
        separate = next(i for i, r in enumerate(runs) if r.find(qn("w:fldChar")) is not None
                        and r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "separate")
        assert _text(runs[separate + 1]) == str(n)  # (the field's result: the number the HTML gave)
    # its alternative text is titled by what it shows: its own caption, else the heading it stands under
    titles = [t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}").get(qn("w:val")) for t in tables]
    assert titles == ["Deltagare", "Budget", "Kostnader per post", "Per aktör", "Per aktör"]


# ---------------------------------------------------------------- figures whole in a cell

# the project's own words in a cell, each with a figure whose thousands a line could break at
OWN = {"sv": ["Lokalhyra 1 200 000 kr", "Minst 1 500 deltagare", "Utbildning 35 000 kr per år"],
       "en": ["Rent SEK 1,200,000", "At least 1 500 participants", "Training 35 000 kr a year"]}
FIGURES = {"sv": ["1 200 000 kr", "1 500", "35 000 kr"], "en": ["SEK 1,200,000", "1 500", "35 000 kr"]}
BREAKABLE = re.compile(r"\d (?:kr|%)(?!\w)|\d \d{3}(?!\d)|\bSEK \d")


def _own_table(lang) -> Table:
    words = OWN[lang]
    frame = pd.DataFrame({"Post": words, "Mål": list(reversed(words)), "Belopp": ["1 000 kr"] * 3})
    return Table(frame, numeric=("Belopp",), group=None, notes=(f"Not: {words[0]}.",))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_figure_in_the_projects_own_text_is_joined_in_every_cell(lang):
    html = _own_table(lang)._repr_html_()
    text = re.sub(r"<[^>]+>", "", html)
    assert not BREAKABLE.findall(text)
    for figure in FIGURES[lang]:
        assert figure.replace(" ", NBSP) in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_in_the_pdf_a_figure_in_a_cell_never_ends_a_line(lang, tmp_path):
    from evaltools.publish.render import import_weasyprint  # (the PDF printer, loaded only here)
    table = _own_table(lang)._repr_html_()
    # the table in boxes from 30 to 89 mm wide: in most, each cell's text wraps, somewhere inside its figure
    boxes = "".join(f"<div style='width:{mm}mm; break-inside: avoid'>{table}</div>" for mm in range(30, 90, 3))
    pdf = tmp_path / "cells.pdf"
    import_weasyprint().HTML(string=f"<html><body style='font: 10pt sans-serif'>{boxes}</body></html>").write_pdf(pdf)
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    layout = layout.replace(NBSP, " ")
    # (the cells do wrap: with ordinary spaces in its figures a third to four fifths of them were split)
    # each figure, in two columns and three times in all (once in the note), is whole on one line of every box
    for figure in FIGURES[lang]:
        expected = 3 if figure == FIGURES[lang][0] else 2
        assert layout.count(figure) == expected * 20, figure


# ---------------------------------------------------------------- a caption with its table in the PDF

def _print_css() -> str:
    """The printed report's style sheet, as the report's template writes it (its page's running texts left out)."""
    from evaltools.data.paths import PACKAGE_DIR
    template = (PACKAGE_DIR / "templates" / "evalprint" / "index.html.j2").read_text(encoding="utf-8")
    css = template[template.index("<style>") + len("<style>"):template.index("</style>")]
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", '""', css, flags=re.S)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_in_the_pdf_a_tables_caption_is_never_left_at_a_pages_foot(tmp_path):
    from evaltools.publish.render import import_weasyprint  # (the PDF printer, loaded only here)
    numbers = Numbering()
    text = Text(["Utfall för de 180 som avslutat sin insats."], "Utfall")
    table = Table(pd.DataFrame({"Utfall vid avslut": [f"Utfall {i}" for i in range(8)], "Antal": ["12"] * 8}),
                  numeric=("Antal",))
    number_parts([text, table], numbers, _say("sv"))
    assert table.numbered == "Tabell 1. Utfall"
    block = render("block.html.j2", parts=[markup(text._repr_html_()), markup(table._repr_html_())])
    weasyprint = import_weasyprint()
    orphaned, pages = [], 0
    # the block after more and more lines of text: somewhere its caption reaches the foot of a page
    for lines in range(22, 41):
        filler = "".join(f"<p>Rad {i} av texten före.</p>" for i in range(lines))
        page = f"<html><head><style>{_print_css()}</style></head><body>{filler}{block}</body></html>"
        document = weasyprint.HTML(string=page).render()
        pdf = tmp_path / f"{lines}.pdf"
        document.write_pdf(pdf)
        pages += len(document.pages)
        layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                check=True).stdout
        for printed in layout.split("\f"):
            last = [line.strip() for line in printed.splitlines() if line.strip()][-1:]
            if last and last[0].startswith("Tabell 1."):
                orphaned.append(lines)
    assert pages > 19  # (the block did move over a page's end)
    assert not orphaned


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_appendixs_two_tables_of_the_comparison_are_numbered_with_titles_of_their_own(lang):
    # the estimates and the sensitivity bounds stand under one heading: the bounds' table has its own title, so that
    # "Tabell 23" names another table than "Tabell 22" in the list of tables, and no two captions read alike
    from evaltools.present.sections import payments

    from .conftest import sample_report
    blocks = payments.detail_blocks(sample_report("kompassen-demo", lang))
    numbers = Numbering()
    for block in blocks:
        number_parts(block, numbers, _say(lang))
    captions = [p.numbered.split(" ", 2)[-1] for block in blocks for p in block if isinstance(p, Table)]
    assert len(captions) >= 2 and len(set(captions)) == len(captions), captions
    bounds = {"sv": "Känslighetsgränser", "en": "Sensitivity bounds"}[lang]
    assert any(c.startswith(bounds) for c in captions), captions
