"""The förbund's own Word template as förbund have them: headings in styles of its own, and a cover page in a
section of its own whose header and footer the rest of the template links to.

* A template made in Word with new heading styles ("FoU Rubrik 1" at outline level 1) and not Word's *Heading 1*
  (Word then keeps *Heading 1* out of the template's styles) gave the report Word's default headings, bold Calibri,
  none of the förbund's look. The report's headings are still Word's (the table of contents, the navigation pane
  and the heading numbers read them), now based on the förbund's own, so that they look like them.
* A template whose cover page is a section of its own has its header and footer (the logo, the page number) in that
  section, the next one showing them by *Link to Previous*. The cover's section is left out with the template's
  content, and the report had no header or footer at all; it now has the ones the template's last section shows.
* A template with macros: a .docm renamed .docx is refused by the params check (``validate``) with what to save it
  as, not only when the Word document is written; macros under a plain document's main part are left out of the
  report (Word does not open a .docx holding them).
* A style the report adds never takes the id of one of the template's styles.
* A template for a bound report has a gutter beside each page's inner margin: the tables, as wide as the margins
  left, ran 15 mm into it; they are now as wide as the text between margins and gutter. In a template set in two
  columns a table is as wide as a column.

Templates are written by hand below with python-docx; expected values are the templates' own.
"""
from __future__ import annotations

import io
import warnings
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from evaltools.data.params import ParamsError, load_params
from evaltools.publish import render
from evaltools.publish.docx import _text_width, html_to_docx

PAGE = ("<main><div class='et-title'><h1>Projektet</h1></div><h2>Mål</h2><p>Text om målen.</p>"
        "<h3>Delmål</h3><p>Mer text.</p><h2>Kostnad</h2><p>Text om kostnaden.</p></main>")


def _write(html: str, template) -> docx.document.Document:
    return docx.Document(io.BytesIO(html_to_docx(html, None, "sv", "Projektet", "Förbundet", template=template)))


def _own_headings_template(path, keep_heading_1: bool = False):
    """A template whose headings are the förbund's own styles "FoU Rubrik 1"–"3" (Garamond, 20/15/12 pt, at outline
    levels 1–3), Word's *Heading 1*–*3* taken out as Word leaves them out of such a template (or *Heading 1* kept)."""
    d = docx.Document()
    for name in ("Heading 1", "Heading 2", "Heading 3")[1 if keep_heading_1 else 0:]:
        el = d.styles[name].element
        el.getparent().remove(el)
    for level, size in ((1, 20), (2, 15), (3, 12)):
        s = d.styles.add_style(f"FoU Rubrik {level}", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = d.styles["Normal"]
        s.font.name, s.font.size = "Garamond", Pt(size)
        s.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level - 1}"/>'))
        s.quick_style = True
    d.add_paragraph("Rubrik i mallen", style="FoU Rubrik 1")
    d.save(str(path))
    return path


def _font(style) -> tuple[str | None, object]:
    """The font name and size a style is set in, as Word resolves them along its base styles."""
    name = size = None
    while style is not None:
        name = name or style.font.name
        size = size or style.font.size
        style = style.base_style
    return name, size


def test_the_headings_take_the_look_of_the_templates_own_heading_styles(tmp_path):
    doc = _write(PAGE, _own_headings_template(tmp_path / "mall.docx"))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 2", "Mål") in headings and ("Heading 3", "Delmål") in headings
    for level, size in ((1, 20), (2, 15), (3, 12)):
        style = doc.styles[f"Heading {level}"]
        assert style.base_style.name == f"FoU Rubrik {level}"
        assert _font(style) == ("Garamond", Pt(size))
        # still a heading to the navigation pane and the table of contents
        assert style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == str(level - 1)
    # a level the template has no style of its own for keeps the report's own look
    assert doc.styles["Heading 4"].base_style.name == "Normal" and doc.styles["Heading 4"].font.bold
    assert "Rubrik i mallen" not in "\n".join(p.text for p in doc.paragraphs)


def test_a_templates_own_heading_1_stays_as_it_is(tmp_path):
    doc = _write(PAGE, _own_headings_template(tmp_path / "mall.docx", keep_heading_1=True))
    assert doc.styles["Heading 1"].base_style.name != "FoU Rubrik 1"
    assert doc.styles["Heading 2"].base_style.name == "FoU Rubrik 2"


def test_without_styles_of_its_own_the_headings_keep_the_reports_look(tmp_path):
    d = docx.Document()
    for name in ("Heading 1", "Heading 2"):
        el = d.styles[name].element
        el.getparent().remove(el)
    d.save(str(tmp_path / "mall.docx"))
    doc = _write(PAGE, tmp_path / "mall.docx")
    for level in (1, 2):
        assert doc.styles[f"Heading {level}"].base_style.name == "Normal"
        assert doc.styles[f"Heading {level}"].font.bold


def _cover_template(path):
    """A template with a cover page (logo text, a title to write, a page break) in a section of its own, different
    first page, whose header and footer the template's last section links to (it has none of its own)."""
    d = docx.Document()
    d.add_paragraph("[Rapportens titel]")
    cover = d.sections[0]
    cover.different_first_page_header_footer = True
    cover.first_page_header.paragraphs[0].text = "Logotyp"
    cover.header.paragraphs[0].text = "Samordningsförbundet Exempelby"
    cover.footer.paragraphs[0].text = "Förbundets sidfot"
    d.add_section()
    d.add_paragraph("Exempeltext som ska ersättas.")
    last = d.sections[-1]._sectPr
    assert last.find(qn("w:headerReference")) is None  # (the check below can fail: the last section links back)
    d.save(str(path))
    return path


def test_a_header_and_footer_the_last_section_links_to_are_kept(tmp_path):
    doc = _write(PAGE, _cover_template(tmp_path / "mall.docx"))
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert section.header.paragraphs[0].text == "Samordningsförbundet Exempelby"
    assert section.footer.paragraphs[0].text.startswith("Förbundets sidfot")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "[Rapportens titel]" not in text and "Exempeltext" not in text


def test_a_last_sections_own_header_wins_over_the_covers(tmp_path):
    path = _cover_template(tmp_path / "mall.docx")
    d = docx.Document(str(path))
    d.sections[-1].header.is_linked_to_previous = False
    d.sections[-1].header.paragraphs[0].text = "Sidhuvud för brödtexten"
    d.save(str(path))
    doc = _write(PAGE, path)
    assert doc.sections[0].header.paragraphs[0].text == "Sidhuvud för brödtexten"
    assert len(doc.sections[0]._sectPr.findall(qn("w:headerReference"))) == 2  # its own default, the cover's first


@pytest.mark.slow
def test_a_rendered_report_has_the_covers_header_and_the_templates_heading_look(tiny_project, worker_zygote):
    template = _cover_template(tiny_project.dir / "mall.docx")
    d = docx.Document(str(template))
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        el = d.styles[name].element
        el.getparent().remove(el)
    s = d.styles.add_style("FoU Rubrik 2", WD_STYLE_TYPE.PARAGRAPH)
    s.font.name = "Garamond"
    s.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    d.save(str(template))
    res = render.render_project(tiny_project("word_template: mall.docx\n"), tiny_project.dir / "reports", ("html", "docx"))
    assert res.ok, res.error
    doc = docx.Document(str(tiny_project.dir / "reports" / "tiny" / "tiny.docx"))
    assert doc.sections[-1].header.paragraphs[0].text == "Samordningsförbundet Exempelby"
    assert doc.styles["Heading 2"].base_style.name == "FoU Rubrik 2"
    assert any(p.style.name == "Heading 2" for p in doc.paragraphs)


def test_a_template_whose_heading_ids_have_names_of_their_own_gets_no_second_style_of_that_id(tmp_path):
    """Word's *Heading 1*–*6* and *Caption* under their usual ids ("Heading1") but with names of their own ("Rubrik 1",
    "Bildtext"), as a template saved by another program may have them."""
    d = docx.Document()
    for el in d.styles.element.findall(qn("w:style")):
        name = el.find(qn("w:name"))
        if name.get(qn("w:val")).startswith("heading "):
            name.set(qn("w:val"), "Rubrik " + name.get(qn("w:val"))[-1])
    d.save(str(tmp_path / "mall.docx"))
    doc = _write(PAGE, tmp_path / "mall.docx")
    ids = [el.get(qn("w:styleId")) for el in doc.styles.element.findall(qn("w:style"))]
    assert len(ids) == len(set(ids))
    h2 = [p for p in doc.paragraphs if p.text == "Mål"][0]
    style_id = h2._p.pPr.pStyle.val
    assert style_id != "Heading2"  # (the template's "Rubrik 2" keeps that id)
    assert doc.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']/{qn('w:name')}").get(
        qn("w:val")) == "heading 2"
    assert doc.styles["Heading 2"].base_style.name == "Rubrik 2"  # (its outline level makes it the template's heading)


VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _with_macros(source, target, main_type: str | None = None):
    """``source`` with a macro project (``word/vbaProject.bin``, related from the main part), its main part under
    ``main_type`` where given (a macro document's, as a .docm renamed .docx has it)."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w") as out:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
                if main_type:
                    data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                        main_type.encode())
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>",
                                    f'<Relationship Id="rIdVba" Type="{VBA_REL}" Target="vbaProject.bin"/>'
                                    '</Relationships>'.encode())
            out.writestr(item, data)
        out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    return target


def test_a_templates_macros_are_not_carried_into_the_report(tmp_path):
    docx.Document().save(str(tmp_path / "plain.docx"))
    template = _with_macros(tmp_path / "plain.docx", tmp_path / "mall.docx")
    assert "word/vbaProject.bin" in zipfile.ZipFile(template).namelist()  # (the check below can fail)
    made = html_to_docx(PAGE, None, "sv", "Projektet", "Förbundet", template=template)
    package = zipfile.ZipFile(io.BytesIO(made))
    assert not [n for n in package.namelist() if "vba" in n.lower()]
    assert b"vbaProject" not in package.read("word/_rels/document.xml.rels")
    assert b"vbaProject" not in package.read("[Content_Types].xml")


def test_a_macro_document_renamed_docx_is_refused_by_the_params_check(tiny_project):
    docx.Document().save(str(tiny_project.dir / "plain.docx"))
    _with_macros(tiny_project.dir / "plain.docx", tiny_project.dir / "mall.docx",
                 "application/vnd.ms-word.document.macroEnabled.main+xml")
    with pytest.raises(ParamsError) as e:
        load_params(tiny_project("word_template: mall.docx\n"))
    assert "'mall.docx' är ett dokument med makron" in e.value.message("sv") and "(.docx)" in e.value.message("sv")
    assert "'mall.docx' is a document with macros" in e.value.message("en")


def test_a_plain_document_is_not_taken_for_one_with_macros(tiny_project):
    docx.Document().save(str(tiny_project.dir / "mall.docx"))
    assert load_params(tiny_project("word_template: mall.docx\n")).word_template.name == "mall.docx"


def _gutter_template(path, at_top: bool = False):
    """An A4 template for a bound report: margins of 20 mm and a gutter of 15 mm (at the top of the page when
    ``at_top``, Word's *Gutter position: Top*)."""
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.left_margin, s.right_margin, s.gutter = Mm(210), Mm(20), Mm(20), Mm(15)
    if at_top:
        d.settings.element.append(parse_xml(f'<w:gutterAtTop {nsdecls("w")}/>'))
    d.save(str(path))
    return path


WIDE = ("<main><h2>Mål</h2><table><caption>Tabell 1. Mål</caption><thead><tr><th>Mål</th><th>Utfall</th></tr></thead>"
        "<tbody><tr><td>" + "ett långt mål som beskrivs i många ord " * 12 + "</td><td>" + "utfallet beskrivet " * 20
        + "</td></tr></tbody></table></main>")


def _widest_table_mm(doc) -> float:
    return max(sum(int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))) / 1440 * 25.4
               for t in doc.tables)


@pytest.mark.parametrize(("at_top", "text_mm"), [(False, 210 - 20 - 20 - 15), (True, 210 - 20 - 20)])
def test_a_table_fits_the_text_width_a_templates_gutter_leaves(tmp_path, at_top, text_mm):
    doc = _write(WIDE, _gutter_template(tmp_path / "mall.docx", at_top))
    assert abs(_text_width(doc.sections[0]) - Mm(text_mm)) < Mm(0.1)  # (Word keeps sizes in twips)
    assert text_mm - 1 < _widest_table_mm(doc) <= text_mm + 0.1  # (a long text fills the width, and no more)


def test_a_style_found_by_its_id_says_nothing_on_the_console(tmp_path):
    """Word's *Caption* under its id with a name of its own ("Bildtext"): the template's style, found without
    python-docx's warning in English on the evaluator's console."""
    d = docx.Document()
    for el in d.styles.element.findall(qn("w:style")):
        if el.get(qn("w:styleId")) == "Caption":
            el.find(qn("w:name")).set(qn("w:val"), "Bildtext")
    d.save(str(tmp_path / "mall.docx"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = _write(WIDE, tmp_path / "mall.docx")
    assert [p.style.name for p in doc.paragraphs if p.text.startswith("Tabell 1")] == ["Bildtext"]


def test_a_table_fits_a_column_of_a_template_in_two_columns(tmp_path):
    """A4, margins of 20 mm, two columns 10 mm apart: each column (210 − 40 − 10) / 2 = 80 mm wide."""
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.left_margin, s.right_margin = Mm(210), Mm(20), Mm(20)
    for old in s._sectPr.findall(qn("w:cols")):
        s._sectPr.remove(old)
    s._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="567"/>'))  # (567 twips: 10 mm)
    d.save(str(tmp_path / "mall.docx"))
    doc = _write(WIDE, tmp_path / "mall.docx")
    assert abs(_text_width(doc.sections[0]) - Mm(80)) < Mm(0.1)
    assert 79 < _widest_table_mm(doc) <= 80.1
