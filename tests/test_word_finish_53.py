"""The Word document as an evaluator finishes it and hands it to the board, round 53.

* The report's newer parts reach the Word document as the PDF shows them: the appendix's part on the comparison
  group's estimates ("Jämförelsegruppens skattningar i detalj") is a *Heading 3* under the appendix's heading,
  between *Metod* and *Datakvalitet*, so that the navigation pane and the table of contents place it there; the
  table per actor heads its benefit column "Nytta (+) eller förlust (−), nuvärde"; the facts table says
  "enligt plan (inget annat slut angivet)"; and every note under a table (the goal table's and the budget's
  among them) follows its table as a *Report Note*, in the PDF's words and order, kept on the table's page.
* A final report finished in Word fights no edit: nothing is locked (no content control or document
  protection that refuses typing), no text stands in a text box or a floating shape, and the paragraphs
  the evaluator types into (*Normal*, the headings, *Report Lead*, *Report Note*) are in Word's style gallery.
* The document's extended properties said what python-docx's empty document or the förbund's template (often
  last year's report) counted: "1 page, 0 words", or last year's pages, words and title, which Windows shows in
  a file's details. They are left out; Word counts the report's own when the evaluator saves it.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn

from evaltools.publish.docx import html_to_docx

PAGE = """<html lang="sv"><body><main><h1>Testprojektet</h1><h2>Sammanfattning</h2><p>Ja, 12 av 20.</p>
<h2>Budget</h2><p>Budgeten.</p></main></body></html>"""
APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
# the extended properties that count or name a document's contents
COUNTS = ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "TotalTime",
          "HeadingPairs", "TitlesOfParts")


def _app(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("docProps/app.xml").decode("utf-8")


def _last_years_report(path: Path) -> Path:
    """A template that is last year's report saved again: its properties count its 24 pages and 8 123 words
    and name its title."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    app = parts["docProps/app.xml"].decode()
    app = re.sub(r"<Pages>\d+</Pages>", "<Pages>24</Pages>", app)
    app = re.sub(r"<Words>\d+</Words>", "<Words>8123</Words>", app)
    app = app.replace("<vt:lpstr/>", "<vt:lpstr>Förra årets rapport om Vägen ut</vt:lpstr>")
    app = app.replace("<Company/>", "<Company>Samordningsförbundet Exempelby</Company>")
    assert "<Pages>24</Pages>" in app and "Förra årets rapport" in app and "<Words>8123</Words>" in app
    parts["docProps/app.xml"] = app.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_the_properties_count_nothing_of_another_document(tmp_path):
    made = html_to_docx(PAGE, None, "sv", "Testprojektet", "Förbundet")
    assert made is not None
    app = _app(made)
    for name in COUNTS:  # (python-docx's empty document: one page, no words)
        assert f"<{name}>" not in app and f"<{name}/>" not in app, name
    template = _last_years_report(tmp_path / "mall.docx")
    made = html_to_docx(PAGE, None, "sv", "Testprojektet", "Förbundet", template=template)
    assert made is not None
    app = _app(made)
    assert "Förra årets rapport" not in app and "8123" not in app and "<Pages>" not in app
    assert "<Company>Samordningsförbundet Exempelby</Company>" in app  # (the förbund's own stays)
    # the package still opens, with the report's own title in its core properties
    assert docx.Document(io.BytesIO(made)).core_properties.title == "Testprojektet"


# ------------------------------------------------------------------ the samples as Word documents


def _files(out: Path, pid: str) -> tuple[BeautifulSoup, docx.document.Document]:
    soup = BeautifulSoup((out / pid / f"{pid}.html").read_text(encoding="utf-8"), "html.parser")
    return soup, docx.Document(str(out / pid / f"{pid}.docx"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2011", "-"))


def _text(el) -> str:
    return "".join((t.text or "") if t.tag == qn("w:t") else "-" for t in el.iter(qn("w:t"), qn("w:noBreakHyphen")))


def _style_of(doc, p) -> str:
    ppr = p.find(qn("w:pPr"))
    sid = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return doc.styles.get_by_id(sid.get(qn("w:val")) if sid is not None else None, 1).name


def _keeps(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


@pytest.fixture(scope="module")
def kompassen(sample_reports):
    return _files(sample_reports.out, "kompassen-demo")


def test_the_comparison_groups_estimates_are_a_part_of_the_appendix(kompassen):
    _, doc = kompassen
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    at = heads.index(("Heading 3", "Jämförelsegruppens skattningar i detalj"))
    # under the appendix's heading, the one that starts a page of its own
    above = [t for s, t in heads[:at] if s == "Heading 2"][-1]
    starts = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert above == starts[-1] and above.startswith("Bilaga")
    # between the method and the data quality, as the PDF's appendix orders them
    assert heads[at - 1] == ("Heading 3", "Metod") and heads[at + 1] == ("Heading 3", "Datakvalitet")


def test_the_newer_words_of_the_tables_are_in_the_word_document(kompassen):
    _, doc = kompassen
    per_actor = next(t for t in doc.tables if t.rows[0].cells[0].text == "Aktör")
    assert "Nytta (+) eller förlust (−), nuvärde" in [c.text for c in per_actor.rows[0].cells]
    facts = next(t for t in doc.tables if t.rows[0].cells[0].text == "Uppgift")  # (page 1's facts: the first)
    rows = {r.cells[0].text: r.cells[1].text for r in facts.rows}
    assert rows["Faktiskt slut"] == "enligt plan (inget annat slut angivet)"


@pytest.mark.parametrize("pid", ["kompassen-demo", "timra-vagen-ut", "nasta-steg"])
def test_every_note_under_a_table_follows_it_and_keeps_with_it(sample_reports, pid):
    soup, doc = _files(sample_reports.out, pid)
    body = soup.find("main") or soup.body
    html_tables = body.find_all("table")
    blocks = list(doc.element.body.iterchildren())
    tables = [i for i, el in enumerate(blocks) if el.tag == qn("w:tbl")]
    assert len(tables) == len(html_tables)
    checked = 0
    for at, table in zip(tables, html_tables):
        notes = []
        for sib in table.find_next_siblings():
            if sib.name != "p" or "et-note" not in (sib.get("class") or []):
                break
            notes.append(_squash(sib.get_text()))
        if not notes:
            continue
        after = blocks[at + 1: at + 1 + len(notes)]
        assert [_squash(_text(p)) for p in after] == notes, pid
        assert {_style_of(doc, p) for p in after} == {"Report Note"}
        # the table's last row and every note but the last keep with what follows: the notes stay on the
        # table's page
        last_row = blocks[at].findall(qn("w:tr"))[-1]
        assert all(_keeps(p) for p in last_row.iter(qn("w:p")))
        assert all(_keeps(p) for p in after[:-1])
        checked += 1
    assert checked >= 3  # (the goal table's, the budget's and others)


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "nasta-steg"])
def test_nothing_in_the_document_refuses_the_evaluators_edits(sample_reports, pid):
    with zipfile.ZipFile(sample_reports.out / pid / f"{pid}.docx") as z:
        body, settings = z.read("word/document.xml").decode(), z.read("word/settings.xml").decode()
    # no locked content control, no protection, no text in a box or a floating shape
    for what in ("<w:lock", "txbxContent", "<v:textbox", "<wp:anchor", "<w:framePr"):
        assert what not in body, what
    for what in ("documentProtection", "writeProtection", "<w:readOnly"):
        assert what not in settings, what
    doc = docx.Document(str(sample_reports.out / pid / f"{pid}.docx"))
    for name in ("Normal", "Heading 2", "Heading 3", "Report Lead", "Report Note"):
        style = doc.styles[name]
        assert style.quick_style and not style.hidden, name
