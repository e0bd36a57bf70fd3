"""The report finished in Word: every table listed by a title, and the Word document holding what the HTML holds.

* Word's list of tables (*Insert Table of Figures*, *Tabell*) shows each caption's text: a table whose caption in
  the HTML is its number alone ("Tabell 14." right under the heading it would repeat) is titled in Word by that
  heading ("Tabell 14. Budget och utfall"), its number still Word's ``SEQ`` field, so that Word renumbers it.
* With a förbund's template the report takes the template's heading look, header, footer and page size, and is
  still Swedish to Word's spelling check (a template's English heading style and *Do not check spelling* taken off).
* A rendered sample's Word document has the HTML report's sections, tables (cell by cell) and charts in the HTML's
  order, in Swedish and in English.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from evaltools.present.display import Numbering, Table, Text, number_parts
from evaltools.publish.docx import html_to_docx
from evaltools.words.text import msg

NBSP = "\u00a0"
LABEL = {"sv": "Tabell", "en": "Table"}
HEADINGS = {"sv": ("Budget och utfall", "Per aktör", "Deltagare"), "en": ("Budget and costs", "By actor", "Participants")}


def _say(lang):
    return lambda key, **values: msg(key, lang, **values)


def _table(caption: str = "") -> Table:
    return Table(pd.DataFrame({"Post": ["Lön", "Lokaler"], "Belopp": ["1 000 kr", "2 500 kr"]}), caption=caption,
                 numeric=("Belopp",))


def _page(lang: str) -> str:
    """A report's blocks as the report numbers them (tables before these: 13): a table right under its heading (its
    caption the number alone), one with its own caption after text, and one right under a heading of level 3."""
    budget, actor, participants = HEADINGS[lang]
    blocks = [[Text([], budget), _table()],
              [Text(["Text först."], participants), _table("Kön och ålder")],
              [Text([], actor, level=3), _table()]]
    numbers = Numbering(table=14)
    for block in blocks:
        number_parts(block, numbers, _say(lang))
    return "<html><body><main>" + "".join(p._repr_html_() for block in blocks for p in block) + "</main></body></html>"


def _body(data: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(qn("w:body"))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"))).replace(NBSP, " ")


def _style(p) -> str:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val")) if found is not None else ""


def _seq(caption) -> tuple[str, str, str]:
    """A caption's ``SEQ`` field: its label, the number it shows and the text after it."""
    runs = caption.findall(qn("w:r"))
    instr = " ".join(t.text for r in runs for t in r.iter(qn("w:instrText")))
    kinds = [(r.find(qn("w:fldChar")).get(qn("w:fldCharType")) if r.find(qn("w:fldChar")) is not None else "")
             for r in runs]
    separate, end = kinds.index("separate"), kinds.index("end")
    return (instr.split()[1], "".join(_text(r) for r in runs[separate + 1:end]),
            "".join(_text(r) for r in runs[end + 1:]))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_caption_that_is_its_number_alone_is_titled_by_its_heading_in_word(lang):
    page = _page(lang)
    label = LABEL[lang]
    budget, actor, _ = HEADINGS[lang]
    # (the HTML, as the PDF prints it: the number alone right under the heading)
    assert re.findall(r"<caption>(.*?)</caption>", page) == [f"{label} 14.", f"{label} 15. Kön och ålder",
                                                            f"{label} 16."]
    body = _body(html_to_docx(page, None, lang, "Testprojektet", "Förbundet"))
    tables = body.findall(qn("w:tbl"))
    captions = [t.getprevious() for t in tables]
    assert all(_style(c) == "Caption" for c in captions)
    assert [_text(c) for c in captions] == [f"{label} 14. {budget}", f"{label} 15. Kön och ålder",
                                            f"{label} 16. {actor}"]
    # the number is Word's SEQ field of the label, showing the HTML's number; every caption has a title after it
    assert [_seq(c) for c in captions] == [(label, "14", f". {budget}"), (label, "15", ". Kön och ålder"),
                                           (label, "16", f". {actor}")]
    # the heading is still the heading, once, above its caption
    headings = [p for p in body.iter(qn("w:p")) if _style(p).startswith("Heading")]
    assert [_text(h) for h in headings] == [budget, HEADINGS[lang][2], actor]
    assert captions[0].getprevious() is headings[0] and captions[2].getprevious() is headings[2]
    # the table's alternative text has the same title
    titles = [t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}").get(qn("w:val")) for t in tables]
    assert titles == [budget, "Kön och ålder", actor]


# ---------------------------------------------------------------- a förbund's template

def _template(path: Path) -> Path:
    """A förbund's template as Word users make them: headings in its own font and colour, a Letter page with wide
    margins, a header and a footer of its own (another on the first page), an English heading style and *Normal*
    set not to be spell-checked, and last year's text in its body."""
    doc = docx.Document()
    for level, colour in ((1, RGBColor(0x80, 0x00, 0x00)), (2, RGBColor(0x00, 0x60, 0x00))):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.color.rgb = "Georgia", colour
    doc.styles["Heading 2"].element.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US"/>'))
    doc.styles["Normal"].font.size = Pt(11)
    doc.styles["Normal"].element.get_or_add_rPr().append(parse_xml(f'<w:noProof {nsdecls("w")}/>'))
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.left_margin = section.right_margin = Mm(25)
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Förbundets sidhuvud"
    section.first_page_header.paragraphs[0].text = "Förbundets förstasida"
    section.footer.paragraphs[0].text = "Samordningsförbundet Exempel · Box 1"
    doc.add_heading("Förra årets rapport", 1)
    doc.add_paragraph("Förra årets text")
    doc.save(str(path))
    return path


def test_a_template_keeps_its_look_and_the_report_stays_swedish_to_word(tmp_path):
    page = _page("sv").replace("<main>", "<main><h1>Testprojektet</h1><h2>Sammanfattning</h2><p>Sidan ett.</p>")
    data = html_to_docx(page, None, "sv", "Testprojektet", "Förbundet", template=_template(tmp_path / "mall.docx"))
    doc = docx.Document(io.BytesIO(data))
    # the template's heading look, page and header and footer
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    assert doc.styles["Heading 2"].font.color.rgb == RGBColor(0x00, 0x60, 0x00)
    section = doc.sections[-1]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
    assert round(section.left_margin.mm) == 25
    assert section.header.paragraphs[0].text == "Förbundets sidhuvud"
    assert section.first_page_header.paragraphs[0].text == "Förbundets förstasida"
    assert section.footer.paragraphs[0].text == "Samordningsförbundet Exempel · Box 1"
    # the report's body only, page 1 first, its headings the template's heading styles
    texts = [p.text for p in doc.paragraphs]
    assert "Förra årets text" not in texts and "Förra årets rapport" not in texts
    assert doc.paragraphs[0].text == "Testprojektet" and doc.paragraphs[0].style.name == "Heading 1"
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"][:2] == ["Sammanfattning", "Budget och utfall"]
    # Swedish to Word: in the defaults and in every style that names a language, none set not to be checked
    styles = doc.styles.element
    langs = {el.get(qn("w:val")) for el in styles.iter(qn("w:lang"))}
    assert langs == {"sv-SE"}
    assert not list(styles.iter(qn("w:noProof"))) and not list(doc.element.iter(qn("w:noProof")))
    # and the tables titled in the list of tables here too
    body = doc.element.body
    assert [_text(t.getprevious()) for t in body.iter(qn("w:tbl"))] == [
        "Tabell 14. Budget och utfall", "Tabell 15. Kön och ålder", "Tabell 16. Per aktör"]


# ---------------------------------------------------------------- the rendered report: Word holds what the HTML holds

SAMPLE = "kompassen-demo"  # (a comparison group, a cost-benefit calculation, charts, tables under headings)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\u2011", "-")).strip()


def _html_parts(html: Path) -> list[tuple]:
    """The HTML report's headings (level, text), tables (caption, rows of cell texts) and charts (caption), in order.
    A folded part's summary (the params file, printed as its summary line alone) is a heading one level under the
    heading before it; a table's caption that is its number alone is expected in Word with the heading above it."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    root = soup.find("main") or soup.body
    parts: list[tuple] = []
    level, heading = 1, ""
    for el in root.find_all(re.compile(r"^(h[1-6]|summary|table|figcaption)$")):
        if el.name == "table":
            caption = _squash(el.caption.get_text()) if el.caption else ""
            if re.fullmatch(r"\w+ \d+\.", caption):
                caption = f"{caption} {heading}"
            rows = [[_squash(c.get_text()) for c in tr.find_all(["th", "td"], recursive=False)]
                    for tr in el.find_all("tr")]
            parts.append(("table", caption, rows))
        elif el.name == "figcaption":
            parts.append(("figure", _squash(el.get_text())))
        else:
            level = level + 1 if el.name == "summary" else int(el.name[1])
            heading = _squash(el.get_text())
            parts.append(("heading", level, heading))
    return parts


def _word_parts(path: Path) -> list[tuple]:
    """The same read from the Word document's XML: paragraphs in the heading styles, tables with the caption above
    them, and the captions under the pictures."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(qn("w:body"))

    def text(el) -> str:
        return _squash("".join("-" if t.tag == qn("w:noBreakHyphen") else t.text or ""
                               for t in el.iter(qn("w:t"), qn("w:noBreakHyphen"))))

    parts: list[tuple] = []
    for el in body:
        if el.tag == qn("w:tbl"):
            rows = [[text(tc) for tc in tr.findall(qn("w:tc"))] for tr in el.findall(qn("w:tr"))]
            parts.append(("table", text(el.getprevious()), rows))
        elif el.tag == qn("w:p"):
            style = _style(el)
            if m := re.fullmatch(r"Heading([1-6])", style):
                parts.append(("heading", int(m.group(1)), text(el)))
            elif style == "Caption" and el.getnext() is not None and el.getnext().tag != qn("w:tbl"):
                parts.append(("figure", text(el)))
    return parts


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_word_report_has_the_html_reports_sections_tables_and_charts_in_order(request, lang):
    rendered = request.getfixturevalue("sample_reports" if lang == "sv" else "sample_reports_en")
    assert rendered.results[SAMPLE].ok, rendered.results[SAMPLE].error
    folder = rendered.out / SAMPLE if lang == "sv" else rendered.out / SAMPLE / lang
    want, got = _html_parts(folder / f"{SAMPLE}.html"), _word_parts(folder / f"{SAMPLE}.docx")
    kinds = [p[0] for p in want]
    assert kinds.count("table") > 15 and kinds.count("figure") > 5 and kinds.count("heading") > 30
    assert got == want
    # every table listed by a title in Word's list of tables, numbered 1, 2, 3, … as Word renumbers them
    captions = [p[1] for p in got if p[0] == "table"]
    label = LABEL[lang]
    assert [int(re.match(rf"{label} (\d+)\. \S", c).group(1)) for c in captions] == list(range(1, len(captions) + 1))
    _finished_as_in_the_html(folder / f"{SAMPLE}.html", folder / f"{SAMPLE}.docx", lang)


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
# what would be left of markup the Word document did not take as structure: a tag, Markdown's bold, a link or a heading
RAW = re.compile(r"<[A-Za-z/][^>]*>|\*\*|\]\(|^#{1,6} |&[a-z]+;", re.M)


def _finished_as_in_the_html(html: Path, path: Path, lang: str) -> None:
    """What Word shows of the rendered report beyond its structure: each chart's alternative text the HTML's, every
    figure cell at the right where the HTML sets it so, a header row that repeats and rows kept whole, the language
    Word checks the spelling in, and no markup left as text."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    root = soup.find("main") or soup.body
    doc = docx.Document(str(path))
    body = doc.element.body
    assert [d.get("descr") for d in body.iter(f"{WP}docPr")] == [img.get("alt") for img in root.find_all("img")]
    html_tables = root.find_all("table")
    assert len(html_tables) == len(body.findall(qn("w:tbl")))
    for tbl, table in zip(body.findall(qn("w:tbl")), html_tables):
        rows = tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert sum(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows) >= len(rows) - 1
        cells = [c for tr in table.find_all("tr") for c in tr.find_all(["th", "td"], recursive=False)]
        right = [(jc := tc.find(f".//{qn('w:jc')}")) is not None and jc.get(qn("w:val")) == "right"
                 for tc in tbl.iter(qn("w:tc"))]
        assert right == ["num" in (c.get("class") or []) for c in cells]
    tag = {"sv": "sv-SE", "en": "en-GB"}[lang]
    default = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default.get(qn("w:val")) == tag and doc.core_properties.language == tag
    assert not list(doc.styles.element.iter(qn("w:noProof")))
    text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
    assert not RAW.findall(text)
