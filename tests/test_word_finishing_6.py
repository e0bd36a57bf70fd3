"""The Word document as an evaluator and the board read it, sixth round: a table's header row sets its
labels at the foot of the row, as the PDF does, so that a one-line label ("Aktör", "Netto") stands
level with the last line of a label that wraps ("Andel positiva simuleringar") and each label stands
just above its column's figures."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.oxml.ns import qn

from evaltools.publish.docx import html_to_docx

from .test_word_finishing_4 import NEEDS_ARIALS_WIDTHS


# the per-actor table's shape: short labels beside labels that wrap onto two and three lines
_ACTORS = """<html lang='sv'><body><main><h1>Testprojektet</h1><h2>Kostnad och nytta</h2><h3>Per aktör</h3>
<table class='et-table'><thead><tr><th class='txt'>Aktör</th><th class='num'>Kostnad (nuvärde)</th>
<th class='num'>Skattefaktorns effekt (nuvärde)</th><th class='num'>Netto</th>
<th class='num'>Andel positiva simuleringar</th><th class='txt'>Kommentar om hur nyttan och kostnaden har räknats</th>
</tr></thead><tbody>
<tr><td class='txt'>Kommunen</td><td class='num'>592&#160;216&#160;kr</td><td class='num'>–</td>
<td class='num'>2&#160;857&#160;747&#160;kr</td><td class='num'>&gt;&#160;99&#160;%</td><td class='txt'></td></tr>
<tr><td class='txt'>Staten</td><td class='num'>1&#160;184&#160;432&#160;kr</td><td class='num'>–</td>
<td class='num'>−3&#160;286&#160;648&#160;kr</td><td class='num'>&lt;&#160;1&#160;%</td><td class='txt'></td></tr>
</tbody></table></main></body></html>"""


def _doc(page: str):
    data = html_to_docx(page, None, "sv", "Testprojektet", "Testförbundet")
    assert data is not None
    return data, docx.Document(io.BytesIO(data))


def test_a_header_rows_labels_stand_at_the_foot_of_the_row_as_in_the_pdf():
    _, doc = _doc(_ACTORS)
    (table,) = doc.tables
    header, *body = table.rows
    assert [c.text for c in header.cells] == ["Aktör", "Kostnad (nuvärde)", "Skattefaktorns effekt (nuvärde)", "Netto",
                                              "Andel positiva simuleringar",
                                              "Kommentar om hur nyttan och kostnaden har räknats"]
    # every header cell at the bottom (the PDF's th: vertical-align bottom) ...
    assert [c.vertical_alignment for c in header.cells] == [WD_ALIGN_VERTICAL.BOTTOM] * 6
    # ... the body's at the top, as the PDF's td: Word's default, nothing written on the cell
    for row in body:
        assert [c._tc.tcPr.find(qn("w:vAlign")) for c in row.cells] == [None] * 6
    # (the header row still repeats on every page and its numbers' labels stand at the right)
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.paragraphs[0].alignment is not None for c in header.cells] == [False, True, True, True, True, False]


def test_a_header_row_of_several_rows_has_each_at_the_foot():
    page = """<html><body><main><h1>T</h1><h2>Utfall</h2><table class='et-table'><thead>
    <tr><th colspan='2'>Grupp och antal</th></tr><tr><th>Grupp</th><th class='num'>Antal</th></tr></thead>
    <tbody><tr><td>Kvinna</td><td class='num'>&lt;5</td></tr></tbody></table></main></body></html>"""
    _, doc = _doc(page)
    (table,) = doc.tables
    first, second, body = table.rows
    assert [c.vertical_alignment for c in first.cells] == [WD_ALIGN_VERTICAL.BOTTOM] * 2  # (one merged cell, twice)
    assert [c.vertical_alignment for c in second.cells] == [WD_ALIGN_VERTICAL.BOTTOM] * 2
    assert [c.vertical_alignment for c in body.cells] == [None, None]


def _words(pdf: Path) -> list[tuple[str, float]]:
    """Each word of the PDF's first page with the bottom of its box (points from the top)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    from bs4 import BeautifulSoup
    return [(w.get_text(), float(w["ymax"])) for w in BeautifulSoup(html, "html.parser").find_all("word")]


@NEEDS_ARIALS_WIDTHS
def test_libreoffice_sets_a_one_line_label_level_with_the_last_line_of_a_wrapped_one(tmp_path):
    data, _ = _doc(_ACTORS)
    (tmp_path / "t.docx").write_bytes(data)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "t.docx")], check=True, capture_output=True,
                   timeout=240)
    words = _words(tmp_path / "t.pdf")
    bottom = {w: y for w, y in words}
    # the comment's label wraps in its column (it is the widest text of the table's last column):
    # its last word stands lower than its first
    assert bottom["räknats"] > bottom["Kommentar"] + 5
    # "Aktör" and "Netto" stand on the header row's last line, with the wrapped labels' last words
    # (before: at its first line, a line or two above them)
    assert abs(bottom["Aktör"] - bottom["räknats"]) < 1
    assert abs(bottom["Netto"] - bottom["räknats"]) < 1
    # and the row's first figures come right under them
    assert bottom["Kommunen"] > bottom["Aktör"]
