"""The Word document and the workbook as an evaluator finishes them, round 42.

* A förbund's Word template is often last year's report saved again: what belonged to that document and
  not to its look (its comments and who wrote them, footnotes, the template it was made from as a path on
  its author's computer, restricted editing, tracked changes, its status, identifier and manager) is not
  carried into the new report, while its styles, page setup and footer are. A template as Word saves one
  (.dotx, renamed .docx) is read as the document it makes.
* Every table has alternative text, as Word's accessibility checker asks: the heading it stands under (or
  its caption) and its header row's labels.
* Without a template, only *Normal* names a font: changing it changes the whole report's.
* A long sheet of the workbook has Excel's filter on its headings, over the table's rows only (the notes
  under the table stay out of a sort), and its columns leave the filter's button room beside the heading.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from evaltools.publish.docx import html_to_docx
from evaltools.publish.workbook import Column, Sheet, _width, write_workbook

from .test_docx_finishing import package_problems

PAGE = """<html lang="sv"><body><main>
<h1>Testprojektet</h1><h2>Sammanfattning</h2><p>Tolv av tjugo.</p>
<h2>Om projektet</h2><p>Bakgrunden.</p></main></body></html>"""

PERSONAL = ("Anna Andersson", "anna.andersson", "w:initials=", "Bertil Berg", "Cecilia Chef", r"C:\Users")
ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
PEOPLE = "http://schemas.microsoft.com/office/2011/relationships/people"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _last_years_report(path: Path) -> Path:
    """A report saved as a template, as Word leaves one: a comment by a colleague, a footnote, the people
    part naming who commented, a footer of the förbund's own, the .dotx it was made from on the author's
    disk, restricted editing and tracked changes on, and the properties Word fills in."""
    d = docx.Document()
    p = d.add_paragraph("Förra årets rapport.")
    d.add_comment(p.runs, text="Stämmer siffran?", author="Anna Andersson", initials="AA")
    d.sections[0].footer.paragraphs[0].text = "Samordningsförbundet Exempelby"
    cp = d.core_properties
    cp.author, cp.last_modified_by, cp.content_status = "Anna Andersson", "Bertil Berg", "Utkast"
    cp.identifier, cp.version = r"C:\Users\anna.andersson\Documents\rapport-2025.docx", "3"
    cp.last_printed = dt.datetime(2025, 1, 2)
    settings = d.part._settings_part
    rid = settings.relate_to(r"file:///C:\Users\anna.andersson\AppData\Roaming\Microsoft\Mallar\Forbund.dotx",
                             ATTACHED, is_external=True)
    for xml in (f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>',
                f'<w:documentProtection {nsdecls("w")} w:edit="readOnly" w:enforcement="1"/>',
                f'<w:trackRevisions {nsdecls("w")}/>'):
        settings.element.insert(0, parse_xml(xml))
    d.save(str(path))
    # the parts python-docx does not write: footnotes (with Word's two separators) and the people part
    notes = (f'<w:footnotes xmlns:w="{W}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Enligt Anna Andersson, 2025.</w:t></w:r></w:p>'
             '</w:footnote></w:footnotes>')
    people = ('<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
              '<w15:person w15:author="Anna Andersson"><w15:presenceInfo w15:providerId="AD" '
              'w15:userId="anna.andersson@exempelby.se"/></w15:person></w15:people>')
    app = {"<Manager/>": "<Manager>Cecilia Chef</Manager>", "<Company/>": "<Company>Samordningsförbundet Exempelby</Company>",
           "<HyperlinkBase/>": r"<HyperlinkBase>C:\Users\anna.andersson\Documents\</HyperlinkBase>",
           "<Template>Normal.dotm</Template>": "<Template>Forbund.dotx</Template>"}
    source = zipfile.ZipFile(path)
    parts = {n: source.read(n) for n in source.namelist()}
    source.close()
    parts["word/footnotes.xml"], parts["word/people.xml"] = notes.encode(), people.encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footnotes+xml"/><Override PartName="/word/people.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>')).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        f'<Relationship Id="rId90" Type="{FOOTNOTES}" Target="footnotes.xml"/>'
        f'<Relationship Id="rId91" Type="{PEOPLE}" Target="people.xml"/></Relationships>')).encode()
    text = parts["docProps/app.xml"].decode()
    for old, new in app.items():
        assert old in text
        text = text.replace(old, new)
    parts["docProps/app.xml"] = text.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def from_last_years(tmp_path_factory) -> tuple[Path, bytes]:
    template = _last_years_report(tmp_path_factory.mktemp("mall") / "forbund.docx")
    made = html_to_docx(PAGE, None, "sv", "Testprojektet", "Samordningsförbundet Exempelby", template=template)
    assert made is not None
    return template, made


def _package(data: bytes) -> dict[str, str]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.startswith("word/media/")}


def test_the_template_is_last_years_report_with_everything_to_leave_out(from_last_years):
    """The check below can fail: the template holds each of the things the report must not."""
    template, _ = from_last_years
    text = "\n".join(_package(template.read_bytes()).values())
    for what in PERSONAL + ("Utkast", "documentProtection", "trackRevisions", "Enligt Anna"):
        assert what in text, what


def test_nothing_of_last_years_document_or_its_people_is_in_the_report(from_last_years):
    _, made = from_last_years
    parts = _package(made)
    for name, text in parts.items():
        for what in PERSONAL:
            assert what not in text, (name, what)
    assert "word/comments.xml" not in parts and "word/people.xml" not in parts
    assert not any(ATTACHED in text for text in parts.values())
    settings = parts["word/settings.xml"]
    for name in ("attachedTemplate", "documentProtection", "writeProtection", "trackRevisions"):
        assert f"<w:{name}" not in settings, name
    core = parts["docProps/core.xml"]
    for name in ("contentStatus", "identifier", "version", "lastPrinted"):
        assert f":{name}>" not in core and f":{name}/>" not in core, name
    app = parts["docProps/app.xml"]
    assert "<Company>Samordningsförbundet Exempelby</Company>" in app  # (the förbund is no person)
    assert "Forbund.dotx" not in app


def test_the_footnote_separators_stay_and_the_templates_look_is_kept(from_last_years):
    """Word needs the separator footnotes (-1 and 0) that the settings name; the template's footer, page
    size and the report's own properties are there; and Word opens the package without repairing it."""
    _, made = from_last_years
    parts = _package(made)
    notes = re.findall(r'<w:footnote\b[^>]*w:id="(-?\d+)"', parts["word/footnotes.xml"])
    assert sorted(notes) == ["-1", "0"]
    doc = docx.Document(io.BytesIO(made))
    assert doc.sections[0].footer.paragraphs[0].text.startswith("Samordningsförbundet Exempelby")
    assert doc.core_properties.author == doc.core_properties.last_modified_by == "Samordningsförbundet Exempelby"
    assert doc.core_properties.title == "Testprojektet" and doc.core_properties.language == "sv-SE"
    assert [p.text for p in doc.paragraphs if p.text][:2] == ["Testprojektet", "Sammanfattning"]
    assert package_problems(made) == []


def _as_word_template(document: Path, template: Path) -> Path:
    """``document`` saved as Word saves a template (.dotx): the same parts, the main one under the
    template's content type (ECMA-376 Part 1, 11.3.10)."""
    with zipfile.ZipFile(document) as z, zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            out.writestr(item, data)
    return template


def test_a_word_template_renamed_docx_gives_the_report_its_look(tmp_path):
    """The förbund's template as Word saves it (.dotx), renamed .docx: the params check takes it as a Word
    file (a zip with word/document.xml), and the report is written into it as into a document, its footer
    kept, saved as a document (not a template Word would open as a new one)."""
    source = docx.Document()
    source.sections[0].footer.paragraphs[0].text = "Samordningsförbundet Exempelby"
    source.save(str(tmp_path / "dokument.docx"))
    template = _as_word_template(tmp_path / "dokument.docx", tmp_path / "mall.docx")
    assert b"template.main+xml" in zipfile.ZipFile(template).read("[Content_Types].xml")
    made = html_to_docx(PAGE, None, "sv", "Testprojektet", "Samordningsförbundet Exempelby", template=template)
    assert made is not None
    types = zipfile.ZipFile(io.BytesIO(made)).read("[Content_Types].xml").decode()
    assert "wordprocessingml.document.main+xml" in types and "template.main" not in types
    doc = docx.Document(io.BytesIO(made))
    assert doc.sections[0].footer.paragraphs[0].text.startswith("Samordningsförbundet Exempelby")
    assert [p.text for p in doc.paragraphs if p.text][:2] == ["Testprojektet", "Sammanfattning"]
    assert package_problems(made) == []


# ------------------------------------------------------------------ the tables' alternative text


def test_every_table_has_alternative_text_its_heading_and_its_columns():
    """Word's accessibility checker asks every table for alternative text (*Alt Text*: a title and a
    description), and a screen reader says it before the table: the title is the heading the table
    stands under (the caption where it has one), the description its header row's labels, apart by
    semicolons (a label may hold a comma)."""
    made = html_to_docx(TABLES, None, "sv", "Testprojektet", "Förbundet")
    assert made is not None
    doc = docx.Document(io.BytesIO(made))
    said = [(t._tbl.tblPr.find(f"{{{W}}}tblCaption").get(f"{{{W}}}val"),
             t._tbl.tblPr.find(f"{{{W}}}tblDescription").get(f"{{{W}}}val")) for t in doc.tables]
    assert said == [("Om projektet", "Uppgift; Värde"), ("Utfall per kön", "Kön; Antal, andel"),
                    ("Budget 2021-2023", "Post; Budget")]
    assert package_problems(made) == []


TABLES = """<html lang="sv"><body><main><h1>Testprojektet</h1><h2>Sammanfattning</h2><p>Text.</p>
<h2>Om projektet</h2>
<table class='et-table'><thead><tr><th>Uppgift</th><th class='num'>Värde</th></tr></thead>
<tbody><tr><td>Beviljat</td><td class='num'>1 276 000 kr</td></tr></tbody></table>
<h3>Utfall  per kön</h3><p>Så här:</p>
<table class='et-table'><thead><tr><th>Kön</th><th class='num'>Antal, andel</th></tr></thead>
<tbody><tr><td>Kvinna</td><td class='num'>&lt;5</td></tr></tbody></table>
<table class='et-table'><caption>Budget <span class='nw'>2021-2023</span></caption>
<thead><tr><th>Post</th><th class='num'>Budget</th></tr></thead>
<tbody><tr><td>Lön</td><td class='num'>100 kr</td></tr></tbody></table>
</main></body></html>"""


# ------------------------------------------------------------------ one font to change


def _font_of(doc, style_id: str | None, kind: str = "paragraph") -> str | None:
    """The font a paragraph or run of the style ``style_id`` is set in, as Word resolves it: the first
    style up the ``w:basedOn`` chain that names one (a theme font as ``theme:<name>``), else the
    document defaults (None where they name none)."""
    styles = {st.style_id: st.element for st in doc.styles}
    default = next((st.style_id for st in doc.styles if st.element.get(f"{{{W}}}default") == "1"
                    and st.element.get(f"{{{W}}}type") == kind), None)
    at = styles.get(style_id or default)
    while at is not None:
        fonts = at.find(f"{{{W}}}rPr/{{{W}}}rFonts")
        if fonts is not None:
            return fonts.get(f"{{{W}}}ascii") or f"theme:{fonts.get(f'{{{W}}}asciiTheme')}"
        based = at.find(f"{{{W}}}basedOn")
        at = styles.get(based.get(f"{{{W}}}val")) if based is not None else None
    return None


def test_changing_the_font_of_normal_changes_the_whole_report():
    """An evaluator who sets the förbund's font on *Normal* (Ändra format) gets it everywhere: headings,
    captions, notes, tables, the table of contents, the footer, links, and the character styles Word links
    to the headings, which it applies when part of a paragraph is given a heading style. Before, every
    heading, the captions, the footer and the linked styles named a font of their own (Arial, or the
    theme's heading font)."""
    from .test_docx_finishing import PAGE as REPORT  # (a report's shape in small: tables, chart, links)
    made = html_to_docx(REPORT, None, "sv", "Testprojektet", "Förbundet")
    assert made is not None
    doc = docx.Document(io.BytesIO(made))
    doc.styles["Normal"].font.name = "Georgia"
    footer = doc.sections[0].footer
    paragraphs = list(doc.element.body.iter(f"{{{W}}}p")) + list(footer._element.iter(f"{{{W}}}p"))
    used = {p.style for p in paragraphs}
    assert {"Heading1", "Heading2", "Heading3", "ReportNote", "ReportTable", "TOCHeading", "TOC2", "Footer"} <= used
    for style in used | {"Caption", "Subtitle", "Quote", "Header", "Heading4", "ReportLead"}:
        assert _font_of(doc, style) == "Georgia", style
    linked = [st for st in doc.styles if st.element.find(f"{{{W}}}link") is not None
              and st.element.get(f"{{{W}}}type") == "character"]
    assert {st.name for st in linked} >= {"Heading 1 Char", "Heading 2 Char"}
    for st in linked + [doc.styles["Hyperlink"]]:
        assert _font_of(doc, st.style_id, "character") is None, st.name  # (the paragraph's font, then)


# ------------------------------------------------------------------ the workbook's long tables


def _sheet(n: int) -> Sheet:
    """A table of ``n`` questions with a count and a share per row, and a note under it."""
    frame = pd.DataFrame({"Enkätfrågans nummer": [f"F{i}" for i in range(1, n + 1)], "Svarande": list(range(n)),
                          "Andel som instämmer": [0.5] * n})
    columns = [Column("Enkätfrågans nummer"), Column("Svarande", kind="count"), Column("Andel som instämmer", kind="pct")]
    return Sheet("enkater", "workbook.sheets.budget.title", "workbook.sheets.budget.description", frame, columns,
                 notes=("En anmärkning under tabellen.",))


def test_a_long_table_has_a_filter_over_its_rows_and_room_for_the_button(tmp_path):
    """Thirty rows are more than a laptop's screen shows: the headings (row 1) get Excel's filter over the
    header and the thirty rows (A1:C31), not the note two rows below them (row 33); each column is as
    wide as its heading's longest word plus the button (about 17 pixels, more than two characters)."""
    path = write_workbook(tmp_path / "lang.xlsx", [_sheet(30)], "sv", 5)
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C31"
    assert ws["A33"].value == "En anmärkning under tabellen."
    for column in "ABC":
        heading = str(ws[f"{column}1"].value)
        longest = max(len(word) for word in heading.split())
        assert ws.column_dimensions[column].width >= longest + 3, heading


def test_a_short_table_has_no_filter(tmp_path):
    """Five rows fit on any screen: a filter's buttons there would only take room from the headings."""
    path = write_workbook(tmp_path / "kort.xlsx", [_sheet(5)], "sv", 5)
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref is None


def test_a_text_longer_than_its_column_wraps_in_a_row_as_high_as_its_lines(tmp_path):
    """A column of texts was as wide as most of them (the 90th percentile); a longer one, with the next cell
    filled, was cut off where that cell starts ("De offentliga finansiärerna" in 25 characters). The column
    is now as wide as its longest text up to 60 characters, and a longer text wraps, its row as high as its
    lines (15 points a line), the row's cells at the top. Ten sources of 27 characters and one of 25
    five-letter words: 60 wide, 59 characters a line, so ten words a line and three lines, 45 points."""
    frame = pd.DataFrame({"Källa": ["De offentliga finansiärerna"] * 10 + [" ".join(["abcde"] * 25)],
                          "Värde": list(range(11))})
    sheet = Sheet("antaganden", "workbook.sheets.budget.title", "workbook.sheets.budget.description", frame,
                  [Column("Källa"), Column("Värde", kind="count")])
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5)).worksheets[1]
    assert ws.column_dimensions["A"].width == 60
    long, number = ws["A12"], ws["B12"]
    assert long.value.startswith("abcde") and long.alignment.wrap_text and long.alignment.vertical == "top"
    assert number.value == 10 and number.alignment.vertical == "top"
    assert ws.row_dimensions[12].height == 45
    assert not ws["A2"].alignment.wrap_text and ws.row_dimensions[2].height is None  # (fits on its line)


def test_a_short_column_of_texts_shows_its_longest_whole():
    """Five names of which the longest is 27 characters: the column is 29 wide (two of air), not as wide as
    the second longest."""
    names = ["Kommunen", "Regionen", "Staten", "De offentliga finansiärerna", "Samhället"]
    assert _width("Perspektiv", names, Column("perspektiv")) == 29
