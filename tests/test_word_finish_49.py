"""The Word document as an evaluator finishes it, round 49: the report's own paragraph styles as Word offers them.

* After a note under a table or a chart (*Report Note*, 8 pt grey), Enter starts body text (*Normal*): without a
  style for the following paragraph, what the evaluator wrote after a note was set as another note.
* *Report Lead* (page 1's text), *Report Note* and *Report Table* (a table's text) stand in Word's style
  gallery beside the headings, so that a note under a chart the evaluator adds, a paragraph added to page 1 or
  a table of their own takes the report's look with one click; hidden in the full list of styles, their look
  was copied by hand, as direct formatting a template's styles no longer reach.
* A förbund's template that defines these styles keeps its own choices.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from evaltools.publish.docx import html_to_docx

PAGE = """<html lang="sv"><body><main>
<h1>Testprojektet</h1>
<div class="et-lead"><h2>Sammanfattning</h2><p>Tolv av tjugo deltagare fick arbete.</p></div>
<h2>Kostnad</h2><p>Kostnaden per år:</p>
<table><thead><tr><th>År</th><th class="num">Kostnad</th></tr></thead>
<tbody><tr><td>2024</td><td class="num">100 kr</td></tr></tbody></table>
<p class="et-note">Belopp i löpande priser.</p>
<p>Text efter tabellen.</p></main></body></html>"""

OWN = ("Report Lead", "Report Note", "Report Table")


def _document(template: Path | None = None):
    data = html_to_docx(PAGE, None, "sv", "Testprojektet", template=template)
    assert data is not None
    return docx.Document(io.BytesIO(data))


def _style_of(doc, text: str) -> str:
    """The style name of the body paragraph or table cell paragraph whose text is ``text``."""
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return next(p.style.name for p in paragraphs if p.text == text)


def test_enter_after_a_note_starts_body_text():
    doc = _document()
    assert _style_of(doc, "Belopp i löpande priser.") == "Report Note"
    assert doc.styles["Report Note"].next_paragraph_style.name == "Normal"
    # page 1's text and a table's text go on in their own style, as in the report
    assert _style_of(doc, "Tolv av tjugo deltagare fick arbete.") == "Report Lead"
    assert doc.styles["Report Lead"].next_paragraph_style.name == "Report Lead"
    assert _style_of(doc, "100\u00a0kr") == "Report Table"  # (the figure kept on one line)
    assert doc.styles["Report Table"].next_paragraph_style.name == "Report Table"


def test_the_reports_own_styles_are_in_the_gallery_beside_the_headings():
    doc = _document()
    heading = doc.styles["Heading 2"]
    assert heading.quick_style and not heading.hidden  # (Word's own, as python-docx's template has it)
    for name in OWN:
        st = doc.styles[name]
        assert st.type == WD_STYLE_TYPE.PARAGRAPH
        assert st.quick_style, name
        assert not st.hidden and not st.unhide_when_used, name
        # after the headings, Title and Subtitle (priorities 9 to 11) and before List Paragraph (34)
        assert heading.priority < st.priority < doc.styles["List Paragraph"].priority, name
    # Report Table Wide, a point smaller for the widest tables, is the report's own and stays out of the gallery
    assert not doc.styles["Report Table Wide"].quick_style


def test_a_templates_own_note_style_keeps_its_choices(tmp_path):
    made = docx.Document()
    note = made.styles.add_style("Report Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = made.styles["Normal"]
    note.next_paragraph_style = made.styles["Quote"]  # (the förbund's choice, however odd)
    template = tmp_path / "mall.docx"
    made.save(str(template))
    doc = _document(template)
    st = doc.styles["Report Note"]
    assert st.next_paragraph_style.name == "Quote"
    assert not st.quick_style
    # the styles the template lacks are added as the report's, in the gallery
    assert doc.styles["Report Lead"].quick_style and doc.styles["Report Table"].quick_style
