"""The Word document as an evaluator finishes it with the förbund's template: chart captions that
Word numbers itself (so that *Insert Table of Figures* lists them), table columns wide enough for
the template's own table font, and page numbers in the footer whatever the template has there."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from evaltools.publish import docx as word
from evaltools.publish.docx import html_to_docx

_PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"


def _figure(caption: str) -> str:
    return (f"<figure class='et-fig'><img alt='Diagram' style='width:3.00in' src='data:image/png;base64,{_PIXEL}'>"
            f"<figcaption>{caption}</figcaption></figure>")


def _page(body: str, lang: str = "sv") -> str:
    return f"<html lang='{lang}'><body><main><h1>Testprojektet</h1><h2>Utfall</h2>{body}</main></body></html>"


def _doc(page: str, lang: str = "sv", template: Path | None = None):
    data = html_to_docx(page, None, lang, "Testprojektet", "Testförbundet", template=template)
    assert data is not None
    return docx.Document(io.BytesIO(data))


def _fields(p) -> list[str]:
    return [t.text.strip() for t in p._p.iter(qn("w:instrText"))]


# ------------------------------------------------------------------ captions Word numbers


@pytest.mark.parametrize("lang,label", [("sv", "Figur"), ("en", "Figure")])
def test_a_charts_caption_is_numbered_by_a_seq_field_word_lists_in_a_table_of_figures(lang, label):
    page = _page(_figure(f"{label} 1. Stapeldiagram över antalet deltagare per grupp.")
                 + "<p>Text mellan diagrammen.</p>" + _figure(f"{label} 2. Histogram över nettonuvärdet."), lang)
    doc = _doc(page, lang)
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    # the words are the HTML's, as in the PDF (the number is the field's shown result)
    assert [p.text for p in captions] == [f"{label} 1. Stapeldiagram över antalet deltagare per grupp.",
                                          f"{label} 2. Histogram över nettonuvärdet."]
    for n, p in enumerate(captions, start=1):
        assert _fields(p) == [f"SEQ {label} \\* ARABIC"]
        runs = list(p._p.iter(qn("w:r")))
        kinds = [("begin" if r.find(qn("w:fldChar")) is not None and r.find(qn("w:fldChar")).get(qn("w:fldCharType"))
                  == "begin" else "") for r in runs]
        begin = kinds.index("begin")
        assert "".join(t.text for r in runs[:begin] for t in r.iter(qn("w:t"))) == f"{label} "
        # the field's result, between 'separate' and 'end', is the caption's number
        types = [r.find(qn("w:fldChar")).get(qn("w:fldCharType")) if r.find(qn("w:fldChar")) is not None else None
                 for r in runs]
        result = runs[types.index("separate") + 1:types.index("end")]
        assert "".join(t.text for r in result for t in r.iter(qn("w:t"))) == str(n)


def test_a_caption_without_the_label_and_a_number_is_left_as_written():
    doc = _doc(_page(_figure("Diagram utan nummer.") + _figure("Figur A. Bokstav i stället för tal.")))
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    assert [p.text for p in captions] == ["Diagram utan nummer.", "Figur A. Bokstav i stället för tal."]
    assert not [f for p in captions for f in _fields(p)]


# ------------------------------------------------------------------ columns for the template's table font

# a table of a text column and a column of amounts, the amount column laid out after its widest amount
_AMOUNTS = ("<table class='et-table'><thead><tr><th class='txt'>Uppgift</th><th class='num'>Värde</th></tr></thead>"
            "<tbody><tr><td class='txt'>Beviljat av samordningsförbundet</td><td class='num'>1 276 000 kr</td></tr>"
            "</tbody></table>")

# "1 276 000 kr" in Arial (advance widths in thousandths of an em: digits 556, space 278, k 500, r 333):
# 7 * 556 + 3 * 278 + 500 + 333 = 5 559, at 8,5 pt = 47,2515 pt; a cell's margins and air are 10,5 pt.
# The heading "Värde" in bold is narrower (V 667 + ä 556 + r 333 + d 556 + e 556 = 2 668, * 8,5 * 1,1 = 24,9 pt).
ARIAL_AMOUNT = 5559 / 1000 * 8.5


def _amount_column_points(doc) -> float:
    return doc.tables[0].columns[1].width.pt


@pytest.fixture
def estimated(monkeypatch):
    """The fonts' widths estimated from Arial's, as where the font's file is not on the computer (a font
    that is, is measured in its own widths: tests/test_word_finishing_4.py)."""
    monkeypatch.setattr(word, "_font_advances", lambda family, bold: None)


def test_without_a_template_the_amount_column_is_its_arial_width():
    assert _amount_column_points(_doc(_page(_AMOUNTS))) == pytest.approx(ARIAL_AMOUNT + 10.5, abs=0.05)  # 57,75 pt


@pytest.mark.parametrize("font,size,expected", [
    ("Verdana", None, ARIAL_AMOUNT * 1.2 + 10.5),  # Verdana sets text about a fifth wider than Arial: 67,2 pt
    ("Georgia", None, ARIAL_AMOUNT * 1.1 + 10.5),  # Georgia about a tenth: 62,5 pt
    ("Calibri", None, ARIAL_AMOUNT + 10.5),  # a narrower font keeps Arial's room: 57,75 pt
    ("Arial", 10, 5559 / 1000 * 10 + 10.5),  # the template's table text at 10 pt: 55,59 + 10,5 = 66,09 pt
])
def test_a_templates_table_font_gets_the_room_its_amounts_need(tmp_path, font, size, expected, estimated):
    template = docx.Document()
    if size is None:  # the table text inherits the template's Normal
        template.styles["Normal"].font.name = font
    else:  # the template defines the report's table text itself
        cell = template.styles.add_style("Report Table", 1)
        cell.font.name, cell.font.size = font, Pt(size)
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page(_AMOUNTS), template=tmp_path / "mall.docx")
    assert _amount_column_points(doc) == pytest.approx(expected, abs=0.05)
    # the table still fits between the template's margins
    section = doc.sections[0]
    room = section.page_width - section.left_margin - section.right_margin
    assert sum(c.width for c in doc.tables[0].columns) <= room


def test_a_theme_font_is_read_from_the_templates_theme(tmp_path, estimated):
    # python-docx's own document names no font in its styles: its text is the theme's body font,
    # Cambria (a little narrower than Arial), so the amounts keep Arial's room
    template = docx.Document()
    assert template.styles["Normal"].font.name is None
    theme = [r.target_part.blob for r in template.part.rels.values() if r.reltype.endswith("/theme")][0]
    assert re.search(rb'<a:minorFont>\s*<a:latin typeface="Cambria"', theme)
    template.save(str(tmp_path / "mall.docx"))
    assert _amount_column_points(_doc(_page(_AMOUNTS), template=tmp_path / "mall.docx")) == pytest.approx(
        ARIAL_AMOUNT + 10.5, abs=0.05)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_sets_every_amount_on_one_line_in_a_wide_serif_template(tmp_path):
    """DejaVu Serif (installed with LibreOffice) sets an amount about a fifth wider than Arial: in columns
    measured in Arial the amounts broke before 'kr'."""
    rows = "".join(f"<tr><td class='txt'>{who} med en längre förklaring av vad som räknas in i beloppet här</td>"
                   f"<td class='num'>{a}</td><td class='num'>{b}</td></tr>"
                   for who, a, b in (("Kommunen", "274 072 kr", "−3 307 927 kr"), ("Regionen", "1 096 287 kr", "0 kr"),
                                     ("Staten", "548 143 kr", "−2 529 784 kr")))
    page = _page("<table class='et-table'><thead><tr><th class='txt'>Aktör</th><th class='num'>Kostnad</th>"
                 f"<th class='num'>Netto</th></tr></thead><tbody>{rows}</tbody></table>")
    template = docx.Document()
    template.styles["Normal"].font.name = "DejaVu Serif"
    template.save(str(tmp_path / "mall.docx"))
    path = tmp_path / "serif.docx"
    html_to_docx(page, path, "sv", "T", "F", template=tmp_path / "mall.docx")
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180)
    pdf = tmp_path / "serif.pdf"
    if done.returncode or not pdf.exists():
        pytest.skip("LibreOffice could not convert the document here")
    lines = [" ".join(x.split()) for x in subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                                         text=True).stdout.splitlines()]
    for amount in ("274 072 kr", "−3 307 927 kr", "1 096 287 kr", "548 143 kr", "−2 529 784 kr"):
        assert any(amount in line for line in lines), (amount, lines)
    assert "kr" not in lines  # no 'kr' alone on a line of its own


# ------------------------------------------------------------------ page numbers whatever the template


def _shown(p) -> str:
    """A paragraph's text as Word shows it before it updates its fields: the fields' results included."""
    return "".join("\t" if e.tag == qn("w:tab") else (e.text or "")
                   for r in p._p.iter(qn("w:r")) for e in r if e.tag in (qn("w:t"), qn("w:tab")))


def _page_fields(footer) -> list[str]:
    xml = footer._element.xml
    return re.findall(r'w:instr="\s*(\w+)', xml) + re.findall(r"<w:instrText[^>]*>\s*(\w+)", xml)


def test_a_template_without_a_footer_gets_the_reports_page_numbers(tmp_path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Förbundets sidhuvud"
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page("<p>Text.</p>"), template=tmp_path / "mall.docx")
    footer = doc.sections[0].footer
    assert _page_fields(footer) == ["PAGE", "NUMPAGES"]
    # "Testprojektet<tab>Sida 1 av 1", the fields showing 1 until Word counts the pages
    assert _shown(footer.paragraphs[0]) == "Testprojektet\tSida 1 av 1"
    assert doc.sections[0].header.paragraphs[0].text == "Förbundets sidhuvud"


def test_a_templates_footer_of_its_own_keeps_its_text_and_gets_a_page_number_under_it(tmp_path):
    template = docx.Document()
    template.sections[0].footer.paragraphs[0].text = "Samordningsförbundet Exempel · Storgatan 1"
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page("<p>Text.</p>", "en"), "en", template=tmp_path / "mall.docx")
    footer = doc.sections[0].footer
    assert [_shown(p) for p in footer.paragraphs] == ["Samordningsförbundet Exempel · Storgatan 1", "Page 1 of 1"]
    assert _page_fields(footer) == ["PAGE", "NUMPAGES"]


def test_a_templates_own_page_number_is_left_alone(tmp_path):
    template = docx.Document()
    p = template.sections[0].footer.paragraphs[0]
    p.text = "Sida "
    p._p.append(p._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "}))
    template.save(str(tmp_path / "mall.docx"))
    footer = _doc(_page("<p>Text.</p>"), template=tmp_path / "mall.docx").sections[0].footer
    assert [q.text for q in footer.paragraphs] == ["Sida "]
    assert _page_fields(footer) == ["PAGE"]


def test_a_templates_page_number_in_its_header_is_not_repeated_in_the_footer(tmp_path):
    template = docx.Document()
    p = template.sections[0].header.paragraphs[0]
    p.text = "Förbundet, sida "
    p._p.append(p._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"}))
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page("<p>Text.</p>"), template=tmp_path / "mall.docx")
    assert _page_fields(doc.sections[0].header) == ["PAGE"]
    assert not _page_fields(doc.sections[0].footer)
    assert not doc.sections[0].footer.paragraphs[0].text


def test_a_templates_own_first_page_is_left_as_it_made_it(tmp_path):
    template = docx.Document()
    section = template.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Förbundets logotyp, stor"
    template.save(str(tmp_path / "mall.docx"))
    section = _doc(_page("<p>Text.</p>"), template=tmp_path / "mall.docx").sections[0]
    assert section.different_first_page_header_footer
    assert not _page_fields(section.first_page_footer)  # the first page has no number, as the template has it
    assert _page_fields(section.footer) == ["PAGE", "NUMPAGES"]  # every other page has


# ------------------------------------------------------------------ a wide table a point smaller, as in the PDF

_WIDE = _AMOUNTS.replace("class='et-table'", "class='et-table et-wide'")


def test_a_wide_table_is_set_a_point_smaller_as_in_the_pdf():
    doc = _doc(_page(_WIDE + _AMOUNTS))
    wide, other = doc.tables
    assert {p.style.name for row in wide.rows for c in row.cells for p in c.paragraphs} == {"Report Table Wide"}
    assert {p.style.name for row in other.rows for c in row.cells for p in c.paragraphs} == {"Report Table"}
    style = doc.styles["Report Table Wide"]
    # the PDF's table.et-wide { font-size: 7.5pt } against the other tables' 8.5 pt; a custom style based on
    # the table text's, so that a template's Report Table gives it its font
    assert style.font.size == Pt(7.5) and style.base_style.name == "Report Table" and not style.builtin
    # its amounts measured at 7,5 pt: 5 559 / 1000 * 7,5 = 41,69 pt, and the cell's 10,5 pt
    assert wide.columns[1].width.pt == pytest.approx(5559 / 1000 * 7.5 + 10.5, abs=0.05)
    assert other.columns[1].width.pt == pytest.approx(ARIAL_AMOUNT + 10.5, abs=0.05)


def test_a_templates_table_text_sets_the_wide_tables_a_point_smaller(tmp_path, estimated):
    template = docx.Document()
    cell = template.styles.add_style("Report Table", 1)
    cell.font.name, cell.font.size = "Verdana", Pt(10)
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page(_WIDE), template=tmp_path / "mall.docx")
    assert doc.styles["Report Table Wide"].font.size == Pt(9)
    # Verdana 9 pt: 5 559 / 1000 * 9 * 1,2 = 60,04 pt, and 10,5 pt
    assert doc.tables[0].columns[1].width.pt == pytest.approx(5559 / 1000 * 9 * 1.2 + 10.5, abs=0.05)
    # a template's own Report Table Wide is its own
    own = template.styles.add_style("Report Table Wide", 1)
    own.base_style, own.font.size = template.styles["Report Table"], Pt(8)
    template.save(str(tmp_path / "mall.docx"))
    doc = _doc(_page(_WIDE), template=tmp_path / "mall.docx")
    assert doc.styles["Report Table Wide"].font.size == Pt(8)
    assert doc.tables[0].columns[1].width.pt == pytest.approx(5559 / 1000 * 8 * 1.2 + 10.5, abs=0.05)
