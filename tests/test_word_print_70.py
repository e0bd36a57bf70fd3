"""Charts that print sharp, figures that never break over two lines, tables Word can refer to.

* A chart's picture has at least 220 pixels per printed inch (Word's default print resolution, which it keeps
  pictures at when it compresses them), in the HTML (and so in the PDF, printed from it) and in the Word document.
* No message of either catalog, filled in, leaves an ordinary space inside a figure ("20 000 kr", "SEK 0",
  "35 %"), where a line could break; a paragraph laid out by the PDF printer in many widths never ends a line
  inside one.
* Every table in the Word document has a caption above it numbered by Word's ``SEQ`` field of the table label
  ("Tabell" in Swedish, "Table" in English, Word's own names for it), counted 1, 2, … in order, so that Word's
  *Cross-reference* and *Insert Table of Figures* find the tables as they find the charts.
"""
from __future__ import annotations

import io
import re
import string
import zipfile

import pytest
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image

from evaltools.present.display import Text, figure_html
from evaltools.publish.docx import html_to_docx
from evaltools.words.text import catalog, msg

NBSP = "\u00a0"
WORD_PRINT_PPI = 220  # Word's default resolution for printing pictures (File > Options > Advanced > Image Size)
EMU_PER_INCH = 914400
A4_TEXT_INCHES = 170 / 25.4  # the widest a chart is printed: A4's text width


def _chart(width_in: float = 6.3, height_in: float = 3.0):
    from matplotlib.figure import Figure  # (a figure of its own, outside pyplot's state)
    fig = Figure(figsize=(width_in, height_in))
    ax = fig.add_subplot()
    ax.bar(["Budget", "Utfall"], [1_200_000, 950_000])
    ax.set_title("Budget och utfall")
    return fig


def _png_of(html: str) -> Image.Image:
    data = re.search(r"src='data:image/png;base64,([^']+)'", html).group(1)
    import base64  # (only to read the picture back)
    return Image.open(io.BytesIO(base64.b64decode(data)))


@pytest.mark.parametrize("width_in", [6.3, 3.9, 8.0])
def test_a_chart_in_the_html_has_the_pixels_word_prints_at(width_in):
    html = figure_html(_chart(width_in))
    printed_in = min(float(re.search(r"width:([\d.]+)in", html).group(1)), A4_TEXT_INCHES)
    png = _png_of(html)
    assert png.width / printed_in >= WORD_PRINT_PPI
    assert png.mode == "RGB"  # (opaque: one image in the PDF, no transparency mask)


def test_a_chart_in_word_has_the_pixels_word_prints_at():
    page = f"<html><body><main><h2>Budget</h2>{figure_html(_chart())}</main></body></html>"
    made = zipfile.ZipFile(io.BytesIO(html_to_docx(page, None, "sv", "Testprojektet", "Förbundet")))
    body = etree.fromstring(made.read("word/document.xml"))
    extents = body.findall(".//" + qn("wp:extent"))
    media = [n for n in made.namelist() if n.startswith("word/media/")]
    assert len(extents) == len(media) == 1
    printed_in = int(extents[0].get("cx")) / EMU_PER_INCH
    picture = Image.open(io.BytesIO(made.read(media[0])))
    assert picture.width / printed_in >= WORD_PRINT_PPI
    # its own resolution says the same, so that Word's Reset Picture gives it the size it is printed at
    assert picture.info["dpi"][0] == pytest.approx(picture.width / printed_in, rel=0.02)


# an ordinary space inside a figure: between a number and its unit, inside a number's thousands, after a currency
BREAKABLE_FIGURE = re.compile(r"\d (?:kr|%)(?!\w)|\d \d{3}(?!\d)|\bSEK \d")


def _filled(template: str) -> dict[str, str]:
    return {name: "X" for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_message_leaves_a_breakable_space_inside_a_figure(lang):
    cat = catalog(lang)
    broken = []
    for key, message in cat.messages.items():
        if isinstance(message, dict):
            values = {k: v for form in message.values() for k, v in _filled(form).items()}
            texts = [cat.plural(key, 1, **values), cat.plural(key, 2, **values)]
        else:
            texts = [cat.msg(key, **_filled(message))]
        broken += [f"{key}: {m.group(0)!r}" for text in texts for m in BREAKABLE_FIGURE.finditer(text)]
    assert not broken


def test_the_figures_written_in_the_catalog_are_joined():
    assert "20\u00a0000\u00a0kr" in msg("assumption.wage_subsidy_source", "sv", n="4")
    assert "SEK\u00a00 " in msg("summary.few_exits_flat", "en", npv="SEK\u00a0−1,200")
    # a project's own text quoted in an English report keeps its figure on one line too
    assert f"35{NBSP}%" in msg("plot.caption", "en", n="1", what="Minst 35 % av de avslutade")


def _lines_of(html: str) -> list[str]:
    from evaltools.publish.render import import_weasyprint  # (the PDF printer, loaded only here)
    weasyprint = import_weasyprint()
    document = weasyprint.HTML(string=html).render()
    lines = []

    def walk(box):
        if type(box).__name__ == "LineBox":
            lines.append("".join(t.text for t in _texts(box)))
            return
        for child in getattr(box, "children", []):
            walk(child)

    def _texts(box):
        if hasattr(box, "text"):
            yield box
        for child in getattr(box, "children", []):
            yield from _texts(child)

    for page in document.pages:
        walk(page._page_box)
    return lines


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_in_the_pdf_a_figure_never_ends_a_line(lang):
    sentence = (msg("assumption.wage_subsidy_source", "sv", n="4") if lang == "sv"
                else msg("summary.few_exits_flat", "en", npv="SEK\u00a0−1,200"))
    paragraph = Text([sentence])._repr_html_()
    # the same paragraph in boxes from 20 to 79 mm wide: somewhere a line would end inside each of its figures
    boxes = "".join(f"<div style='width:{mm}mm'>{paragraph}</div>" for mm in range(20, 80))
    lines = [line.replace(NBSP, " ") for line in _lines_of(f"<html><body style='font: 10pt sans-serif'>{boxes}</body></html>")]
    assert len(lines) > 3 * 60  # (the paragraph did wrap, in every box)
    # each figure, said once in the paragraph, is whole on one line of every box
    for figure in (("20 000 kr", "80 %") if lang == "sv" else ("SEK 0 ",)):
        assert sum(line.count(figure.strip()) for line in lines) == 60, figure


TABLE = ("<table class='et-table'><thead><tr><th>Post</th><th>Belopp</th></tr></thead>"
         "<tbody><tr><td>Lön</td><td>1 000</td></tr></tbody></table>")


def _report(lang: str) -> bytes:
    fig = _chart()
    fig.et_caption = "Figur 1. Budget och utfall." if lang == "sv" else "Figure 1. Budget and outcome."
    chart = figure_html(fig)
    captioned = TABLE.replace("<thead>", "<caption>Kostnader per post</caption><thead>")
    page = (f"<html><body><main><h2>Deltagare</h2>{TABLE}<h2>Budget</h2>{chart}{captioned}"
            f"<h3>Per aktör</h3><p>Text.</p>{TABLE}</main></body></html>")
    return html_to_docx(page, None, lang, "Testprojektet", "Förbundet")


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


@pytest.mark.parametrize("lang, label", [("sv", "Tabell"), ("en", "Table")])
def test_every_table_in_word_has_a_numbered_caption_word_can_refer_to(lang, label):
    made = zipfile.ZipFile(io.BytesIO(_report(lang)))
    body = etree.fromstring(made.read("word/document.xml")).find(qn("w:body"))
    styles = etree.fromstring(made.read("word/styles.xml"))
    caption_id = next(s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))
                      if s.find(qn("w:name")).get(qn("w:val")).lower() == "caption")
    tables = body.findall(qn("w:tbl"))
    assert len(tables) == 3
    numbers = []
    for table in tables:
        above = table.getprevious()
        assert above.tag == qn("w:p")
        style = above.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        assert style is not None and style.get(qn("w:val")) == caption_id
        fields = [t.text.split() for t in above.iter(qn("w:instrText"))]
        assert fields and fields[0][:2] == ["SEQ", label]  # (Word's field for a caption's number)
        text = _paragraph_text(above)
        found = re.match(rf"{label}\s+(\d+)\.", text)
        assert found, text
        numbers.append(int(found.group(1)))
        assert _kept_with_next(above, made)  # (never at a page's foot with its table on the next)
    assert numbers == [1, 2, 3]
    titles = [_paragraph_text(t.getprevious()) for t in tables]
    # titled by its own caption, else the heading it stands under
    assert titles[0].endswith("Deltagare") and titles[1].endswith("Kostnader per post") and titles[2].endswith("Per aktör")
    # the charts keep their own count beside the tables'
    figure_fields = [t.text.split()[:2] for t in body.iter(qn("w:instrText")) if t.text.split()[:1] == ["SEQ"]]
    assert figure_fields.count(["SEQ", "Figur" if lang == "sv" else "Figure"]) == 1
    # both labels are in Word's list of caption labels, the table's placed above its table
    settings = etree.fromstring(made.read("word/settings.xml"))
    listed = {c.get(qn("w:name")): c.get(qn("w:pos")) for c in settings.iter(qn("w:caption"))}
    assert listed.get(label) == "above"
    assert listed.get("Figur" if lang == "sv" else "Figure") == "below"


def _kept_with_next(p, made) -> bool:
    """Is paragraph ``p`` kept on the page of what follows it, by its own setting or its style's?"""
    own = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    if own is None:
        styles = etree.fromstring(made.read("word/styles.xml"))
        name = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
        style = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == name)
        own = style.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    return own is not None and own.get(qn("w:val")) in (None, "1", "true", "on")
