"""The Word document as an evaluator finishes it, eighth round.

* A draft's places to write are Word's placeholder text: the content control, in its paragraph, says it
  shows its placeholder (``w:showingPlcHdr``), the hint is in a character style and the paragraph in the style
  the evaluator's text has there, so that a click selects the hint and what is typed replaces it as plain
  text, with no style to change afterwards. LibreOffice shows the hint shaded (inside a control around a whole
  paragraph, LibreOffice 7.4 dropped the hint's style and showed it plain).
* The table of contents says under its heading how to have its page numbers (F9 or *Uppdatera tabell*), in
  the Word document only; nothing asks Word to update the fields on opening, which makes Word ask about
  "fields that may refer to other files".
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import RGBColor

from evaltools.present.markup import render
from evaltools.publish.docx import html_to_docx

from .test_docx_finishing import package_problems

NEEDS_LIBREOFFICE = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None
                                       or shutil.which("pdftoppm") is None,
                                       reason="LibreOffice (soffice), pdftotext or pdftoppm is not installed")

SV_HOW = "Sidnumren syns när du klickar i förteckningen och trycker F9 (eller väljer Uppdatera tabell)."
EN_HOW = "The page numbers appear when you click in the table and press F9 (or choose Update Table)."


def _page(lang: str = "sv") -> str:
    """Page 1 with the assessment's place inside its text (``et-lead``), and a section with the background's."""
    places = [render("write_here.html.j2", part="assessment", heading="", level=3, prompt="Skriv bedömningen här."),
              render("write_here.html.j2", part="background", heading="Bakgrund", level=3,
                     prompt="Skriv bakgrunden här.")]
    return (f"<html lang='{lang}'><body><main><h1>Testprojektet</h1><h2>Sammanfattning</h2>"
            f"<div class='et-lead'><h3>Utvärderarens bedömning</h3><p>Bedömning saknas.</p>{places[0]}</div>"
            f"<h2>Om projektet</h2>{places[1]}<p>Text efter.</p><h2>Resultat</h2><p>Siffror.</p></main></body></html>")


def _doc(page: str, lang: str = "sv", template: Path | None = None):
    data = html_to_docx(page, None, lang, "Testprojektet", "Testförbundet", template=template)
    assert data is not None and package_problems(data) == []
    return data, docx.Document(io.BytesIO(data))


def _boxes(doc) -> list:
    """The places to write: the content controls that are not the table of contents."""
    return [sdt for sdt in doc.element.body.iter(qn("w:sdt"))
            if sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}") is None]


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def test_each_place_is_words_placeholder_text_in_a_paragraph_of_the_texts_own_style():
    _, doc = _doc(_page())
    names = {s.style_id: s.name for s in doc.styles}
    boxes = _boxes(doc)
    assert [b.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")) for b in boxes] == \
        ["evaltools:assessment", "evaltools:background"]
    paragraph_styles = []
    for sdt in boxes:
        pr = sdt.find(qn("w:sdtPr"))
        # the content is the placeholder: a click selects it all, typing replaces it
        assert pr.find(qn("w:showingPlcHdr")) is not None
        # no formatting for the typed text of its own (sdtPr/rPr): it is the paragraph's plain text
        assert pr.find(qn("w:rPr")) is None
        # in the paragraph, around its runs, as Word writes a control inserted in an empty line
        p = sdt.getparent()
        assert p.tag == qn("w:p") and [c.tag for c in p if c.tag != qn("w:pPr")] == [qn("w:sdt")]
        paragraph_styles.append(names.get(p.style) if p.style else None)
        runs = list(p.iter(qn("w:r")))
        assert runs and {names[r.rPr.style] for r in runs} == {"Report Write Here"}
        # the look is the character style's: nothing set on the paragraph or its runs but the style
        assert p.pPr is None or (p.pPr.find(qn("w:pBdr")) is None and p.pPr.find(qn("w:shd")) is None)
        assert all([c.tag for c in r.rPr] == [qn("w:rStyle")] for r in runs)
    # page 1's place in the evaluator's page 1 style, the background's in the evaluator's body style, as the
    # evaluator's text stands there when it is written in params/text/ (the rule at its left is the style's)
    assert paragraph_styles == ["Report Evaluator Lead", "Report Evaluator"]
    assert [_text(b) for b in boxes] == ["Skriv bedömningen här.", "Skriv bakgrunden här."]
    hint = doc.styles["Report Write Here"]
    assert hint.type == WD_STYLE_TYPE.CHARACTER and hint.font.italic
    assert hint.element.rPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF4C2"


def test_a_template_with_a_paragraph_style_report_write_here_still_gets_placeholders(tmp_path):
    """A förbund's template made for the earlier documents defines *Report Write Here* as a paragraph style:
    the document is still made, the hints take Word's own *Placeholder Text* character style (ours: shaded)."""
    tpl = docx.Document()
    old = tpl.styles.add_style("Report Write Here", WD_STYLE_TYPE.PARAGRAPH)
    old.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    tpl.save(str(tmp_path / "mall.docx"))
    _, doc = _doc(_page(), template=tmp_path / "mall.docx")
    names = {s.style_id: s.name for s in doc.styles}
    for sdt in _boxes(doc):
        assert sdt.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None
        assert {names[r.rPr.style] for r in sdt.iter(qn("w:r"))} == {"Placeholder Text"}
    placeholder = doc.styles["Placeholder Text"]
    assert placeholder.type == WD_STYLE_TYPE.CHARACTER
    assert placeholder.element.rPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF4C2"
    # the template's paragraph style is left as it was, and no paragraph is set in it
    assert doc.styles["Report Write Here"].type == WD_STYLE_TYPE.PARAGRAPH
    sid = doc.styles["Report Write Here"].style_id
    assert all(p.style != sid for p in doc.element.body.iter(qn("w:p")))


def test_a_templates_own_character_style_report_write_here_sets_the_hints_look(tmp_path):
    tpl = docx.Document()
    own = tpl.styles.add_style("Report Write Here", WD_STYLE_TYPE.CHARACTER)
    own.font.color.rgb = RGBColor(0x00, 0x00, 0xFF)
    tpl.save(str(tmp_path / "mall.docx"))
    _, doc = _doc(_page(), template=tmp_path / "mall.docx")
    names = {s.style_id: s.name for s in doc.styles}
    for sdt in _boxes(doc):
        assert {names[r.rPr.style] for r in sdt.iter(qn("w:r"))} == {"Report Write Here"}
    style = doc.styles["Report Write Here"]
    assert style.font.color.rgb == RGBColor(0x00, 0x00, 0xFF) and style.element.rPr.find(qn("w:shd")) is None


@pytest.mark.parametrize("lang, how", [("sv", SV_HOW), ("en", EN_HOW)])
def test_the_table_of_contents_says_how_to_have_its_page_numbers_and_nothing_asks_word_to_update(lang, how):
    page = _page(lang)
    assert "F9" not in page  # (the line is the Word document's own: the HTML and the PDF have none)
    data, doc = _doc(page, lang)
    names = {s.style_id: s.name for s in doc.styles}
    (toc,) = [sdt for sdt in doc.element.body.iter(qn("w:sdt"))
              if sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}") is not None]
    paragraphs = toc.find(qn("w:sdtContent")).findall(qn("w:p"))
    heading, line, first = paragraphs[:3]
    assert names[heading.style] == "TOC Heading"
    assert names[line.style] == "Report Note" and _text(line) == how
    # outside the field, before it (updating the table renews the field's result only), kept with the table
    assert not list(line.iter(qn("w:fldChar"))) and line.pPr.find(qn("w:keepNext")) is not None
    assert first.find(f"{qn('w:r')}/{qn('w:fldChar')}").get(qn("w:fldCharType")) == "begin"
    # no field is marked for an update on opening, and the settings ask for none: either makes Word ask
    # whether to update "fields that may refer to other files"
    assert all(f.get(qn("w:dirty")) is None for f in doc.element.body.iter(qn("w:fldChar")))
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode("utf-8")
    assert "updateFields" not in settings


def _yellow_pixels(png: Path) -> int:
    """The pixels of the page in the hints' shade (0xFFF4C2: red 255, green 244, blue 194), give or take 6."""
    import numpy as np
    from PIL import Image
    rgb = np.asarray(Image.open(png).convert("RGB"), dtype=int)
    return int((np.abs(rgb - np.array([255, 244, 194])) <= 6).all(axis=2).sum())


@NEEDS_LIBREOFFICE
def test_libreoffice_shows_the_hints_shaded_and_the_line_under_the_contents(tmp_path):
    data, _ = _doc(_page())
    (tmp_path / "t.docx").write_bytes(data)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "t.docx")], check=True, capture_output=True,
                   timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "t.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = " ".join(text.split())
    assert "Skriv bedömningen här." in words and "Skriv bakgrunden här." in words
    assert SV_HOW in words
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / "t.pdf"), str(tmp_path / "p")], check=True)
    # page 1 holds the assessment's hint, the page after the contents the background's: each shows the shade
    pages = sorted(tmp_path.glob("p*.png"))
    assert _yellow_pixels(pages[0]) > 100 and _yellow_pixels(pages[-1]) > 100
