"""The Word document's tables with a förbund's template whose table style formats the first column: the
tables switch on the header row's look only, as the PDF shows them (a plain first column, no bands)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from pypdf import PdfReader

from evaltools.publish.docx import html_to_docx

# a table as the report writes it: a header row, a group's heading row and two rows whose first cell is a label
_PAGE = """<html lang="sv"><body><main>
<div class='et-title'><h1>Titel</h1></div>
<h2>Del</h2>
<table class='et-table'><caption>Tabell</caption>
<thead><tr><th class='txt'>Insats</th><th class='num'>Deltagare</th></tr></thead>
<tbody><tr><td class='txt'>Kartläggning</td><td class='num'>12</td></tr>
<tr><td class='txt'>Praktikplats</td><td class='num'>7</td></tr></tbody></table>
<p>Slut.</p>
</main></body></html>"""


def _template(path: Path) -> Path:
    """A förbund's template whose table style *Report Table Grid* bolds and shades the first column,
    bands the rows and bolds the last row, and underlines the header row (so the header's look is
    visibly the template's)."""
    doc = docx.Document()
    grid = doc.styles.add_style("Report Table Grid", WD_STYLE_TYPE.TABLE)
    for kind, rpr in (("firstRow", "<w:u w:val='single'/>"), ("firstCol", "<w:b/><w:bCs/>"),
                      ("lastRow", "<w:b/><w:bCs/>"), ("band1Horz", "<w:i/>")):
        grid.element.append(parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="{kind}"><w:rPr>{rpr}</w:rPr>'
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:tcPr></w:tblStylePr>'))
    doc.save(str(path))
    return path


def _word(tmp_path: Path) -> Path:
    out = tmp_path / "ut.docx"
    html_to_docx(_PAGE, out, "sv", "Titel", template=_template(tmp_path / "mall.docx"))
    return out


def test_a_table_switches_on_only_the_header_rows_look(tmp_path):
    doc = docx.Document(str(_word(tmp_path)))
    (table,) = doc.tables
    assert table.style.name == "Report Table Grid"
    # the template's style is kept as it is (its first column's bold stays in the style, only not switched on)
    kinds = {el.get(qn("w:type")) for el in table.style.element.findall(qn("w:tblStylePr"))}
    assert {"firstRow", "firstCol", "lastRow", "band1Horz"} <= kinds
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    assert look is not None
    # as in the PDF: the header row's look yes; the first and last column, the last row, row and column bands no
    assert {k: look.get(qn(f"w:{k}")) for k in ("firstRow", "firstColumn", "lastRow", "lastColumn", "noHBand",
                                                 "noVBand")} == {"firstRow": "1", "firstColumn": "0", "lastRow": "0",
                                                                  "lastColumn": "0", "noHBand": "1", "noVBand": "1"}
    # the older bit mask agrees: firstRow 0x0020 + noHBand 0x0200 + noVBand 0x0400 = 0x0620 (firstColumn's
    # 0x0080 and lastRow's 0x0040 not set)
    assert look.get(qn("w:val")) == "0620"
    # the row labels carry no bold of their own either
    labels = [row.cells[0].paragraphs[0] for row in table.rows[1:]]
    assert [p.text for p in labels] == ["Kartläggning", "Praktikplats"]
    assert all(r.bold is None for p in labels for r in p.runs)


def _bold_words(pdf: Path) -> dict[str, bool]:
    """Each word on the PDF's pages and whether its font is a bold one."""
    words: dict[str, bool] = {}
    for page in PdfReader(str(pdf)).pages:
        def visit(text, cm, tm, font, size):
            name = str((font or {}).get("/BaseFont", ""))
            for word in text.split():
                words[word] = words.get(word, False) or "Bold" in name
        page.extract_text(visitor_text=visit)
    return words


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
def test_libreoffice_sets_the_row_labels_plain_and_the_header_as_the_template_says(tmp_path):
    """Opened in LibreOffice (converted to PDF headless), the row labels are set in a regular face although the
    template's table style bolds the first column, and so are the figures."""
    path = _word(tmp_path)
    run = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    words = _bold_words(tmp_path / "ut.pdf")
    assert words["Kartläggning"] is False and words["Praktikplats"] is False
    assert words["12"] is False and words["7"] is False
