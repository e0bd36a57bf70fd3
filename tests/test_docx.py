"""Word output (``render --formats docx``): the report's HTML as a .docx with Word's own structure,
read back with python-docx."""
from __future__ import annotations

import base64
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from bs4 import BeautifulSoup
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from pypdf import PdfReader

from evaltools.data.errors import ParamsError
from evaltools.data.params import load_params
from evaltools.publish import render
from evaltools.publish.docx import html_to_docx
from evaltools.words.text import msg

from .conftest import PARAMS, RENDERED_SAMPLES, SAMPLE_PROJECTS

# every report rendered here gets its kernel from the worker's zygote (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("worker_zygote")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def rendered(sample_reports):
    """Every sample and their portfolio in Swedish as HTML, PDF and Word (rendered once per test run, see
    ``tests/conftest.py``)."""
    assert {"html", "pdf", "docx"} <= set(sample_reports.formats)
    for r in sample_reports.results.values():
        assert r.ok, r.error
    return sample_reports.out


@pytest.fixture(scope="module")
def rendered_en(sample_reports_en):
    """Every sample in English as HTML and Word (the reports are in ``pid/en/``)."""
    assert {"html", "docx"} <= set(sample_reports_en.formats)
    for r in sample_reports_en.results.values():
        assert r.ok, r.error
    return sample_reports_en.out


def _files(out: Path, pid: str, lang: str = "sv") -> tuple[Path, Path]:
    folder = out / pid if lang == "sv" else out / pid / lang
    return folder / f"{pid}.html", folder / f"{pid}.docx"


def _body(html: Path):
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return soup.find("main") or soup.body


def _headings(doc) -> list[tuple[int, str]]:
    out = []
    for p in doc.paragraphs:
        m = re.fullmatch(r"Heading (\d)", p.style.name)
        if m:
            out.append((int(m.group(1)), " ".join(p.text.split())))
    return out


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()).replace(" ,", ",")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("pid", SAMPLE_PROJECTS)
def test_every_sample_reads_back_with_words_structure(rendered, pid):
    html, path = _files(rendered, pid)
    doc = docx.Document(str(path))
    body = _body(html)
    # the section headings as heading styles, in the HTML's order, starting at level 1, no level skipped; the
    # folded params file's summary (printed alone) heads its part one level under the heading before it
    want: list[tuple[int, str]] = []
    for h in body.find_all(re.compile(r"^(h[1-6]|summary)$")):
        want.append((want[-1][0] + 1 if h.name == "summary" else int(h.name[1]), _text(h)))
    got = _headings(doc)
    assert [lvl for lvl, _ in got] == [lvl for lvl, _ in want]
    assert [_squash(t) for _, t in got] == [_squash(t) for _, t in want]
    assert got[0][0] == 1 and all(b <= a + 1 for (a, _), (b, _) in zip(got, got[1:])), got
    # the appendix starts on a page of its own, as in the PDF
    appendix = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert [_squash(p.text) for p in appendix] == [_squash(_text(h)) for h in body.select("h2.et-appendix")]
    # every table: a header row that repeats on each page; cells in order, numbers at the right
    tables = body.find_all("table")
    assert len(doc.tables) == len(tables) > 0
    for table, html_table in zip(doc.tables, tables):
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        cells = [c for c in html_table.find_all(["td", "th"]) if c.find_parent("table") is html_table]
        tcs = list(table._tbl.iter(qn("w:tc")))
        assert len(tcs) == len(cells)
        for tc, cell in zip(tcs, cells):
            # (a date's hyphens are Word's non-breaking hyphens, which Word shows and copies as "-")
            text = "".join(t.text or "" if t.tag == qn("w:t") else "-"
                           for t in tc.iter(qn("w:t"), qn("w:noBreakHyphen")))
            assert _squash(text) == _squash(cell.get_text()), (text, cell)
            jc = tc.find(f".//{qn('w:jc')}")
            right = jc is not None and jc.get(qn("w:val")) == "right"
            assert right == ("num" in (cell.get("class") or [])), (text, cell)
    # every chart a picture with the HTML's alternative text
    alts = [img.get("alt") for img in body.find_all("img")]
    descrs = [d.get("descr") for d in doc.element.body.iter(f"{WP}docPr")]
    assert descrs == alts and all(len(a) > 20 for a in alts)
    assert len(doc.inline_shapes) == len(alts)
    # lists as Word lists: one numbered or bulleted paragraph per item
    items = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(items) == len(body.find_all("li"))
    # the document language in the styles and the properties; title and author
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "sv-SE" and doc.core_properties.language == "sv-SE"
    params = load_params(PARAMS / f"{pid}.yaml")
    assert doc.core_properties.title == params.title
    assert doc.core_properties.author == params.forbund
    # the params file folded away in the HTML is left out, as in the PDF; the printed note is kept
    assert not any("planned_end" in p.text for p in doc.paragraphs)
    assert any(_squash(_text(body.select_one(".et-print-only"))) == _squash(p.text) for p in doc.paragraphs)


def test_every_sample_has_page_one_first_and_its_evaluator_text(rendered):
    for pid in SAMPLE_PROJECTS:
        html, path = _files(rendered, pid)
        doc = docx.Document(str(path))
        texts = [_squash(p.text) for p in doc.paragraphs]
        body = _body(html)
        # page 1 (title, summary) comes first, after a draft's banner, and in the HTML's order
        title = _squash(_text(body.find("h1")))
        assert texts.index(title) == (1 if body.select_one(".et-draft") else 0), pid
        order = [texts.index(_squash(_text(p))) for p in body.select(".et-title p, .et-lead")
                 if p.name == "p" and _text(p)]
        assert order == sorted(order) and order, pid
        # the evaluator's own words are in the document
        for part in body.select(".et-evaluator p"):
            assert _squash(_text(part)) in texts, (pid, _text(part))


def test_timra_page_one_figures_from_the_final_report(rendered):
    """The final report (seeds/timra_vagen_ut_slutrapport_2019.txt): 37 persons in year 1 and 15 in
    year 2, 18 and 13 of them självförsörjande or with an active plan: 31 of 52 = 59,6 %."""
    doc = docx.Document(str(_files(rendered, "timra-vagen-ut")[1]))
    texts = [p.text.replace("\u00a0", " ") for p in doc.paragraphs]
    summary = texts[:[i for i, p in enumerate(doc.paragraphs) if p.style.name == "Heading 2"][1]]
    page1 = " ".join(summary)
    # (the persons per year are said once, in the intake goal's line: "37 år 1 och 15 år 2" below)
    assert "Projektet har haft 52 deltagare." in page1
    assert "31 (59,6 %)" in page1
    assert "37 år 1 och 15 år 2" in page1 and "18 år 1 och 13 år 2" in page1
    # the goal table's shares, as the final report gives them (18/37 = 48,6 %, 13/15 = 86,7 %)
    cells = {c.text.replace("\u00a0", " ") for t in doc.tables for r in t.rows for c in r.cells}
    assert {"48,6 % (18/37)", "86,7 % (13/15)"} <= cells


def test_portfolio_reads_back_with_its_forbund_as_author(rendered):
    html, path = _files(rendered, "portfolio")
    doc = docx.Document(str(path))
    want = [(int(h.name[1]), _squash(_text(h))) for h in _body(html).find_all(re.compile(r"^h[1-6]$"))]
    assert [(lvl, _squash(t)) for lvl, t in _headings(doc)] == want
    assert doc.core_properties.title == "Portföljöversikt"
    assert doc.core_properties.author.split("; ") == sorted(
        {load_params(PARAMS / f"{p}.yaml").forbund for p in RENDERED_SAMPLES})
    assert len(doc.tables) == len(_body(html).find_all("table")) > 0


def test_english_report_is_in_english(rendered_en):
    html, path = _files(rendered_en, "timra-vagen-ut", "en")
    doc = docx.Document(str(path))
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB" and doc.core_properties.language == "en-GB"
    assert _headings(doc)[1] == (2, "Summary")
    footer = doc.sections[0].footer.paragraphs[0]
    assert "Page" in footer.text and " of " in footer.text
    instr = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert instr == ["PAGE", "NUMPAGES"]


def test_default_document_is_a4_like_the_pdf(rendered):
    doc = docx.Document(str(_files(rendered, "timra-vagen-ut")[1]))
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.left_margin.mm), round(s.right_margin.mm)) == (16, 16)
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x1F, 0x5F, 0x8B)
    assert "Sida" in s.footer.paragraphs[0].text and "Vägen ut för sjukskrivna" in s.footer.paragraphs[0].text


# ------------------------------------------------------------------ a förbund's template


def _template(path: Path) -> Path:
    """A reference document with a distinctive heading style, page size, header and note style,
    and a body that must not reach the report."""
    doc = docx.Document()
    h1 = doc.styles["Heading 1"]
    h1.font.name, h1.font.color.rgb = "Courier New", RGBColor(0xC0, 0x00, 0x80)
    note = doc.styles.add_style("Report Note", 1)
    note.font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    s = doc.sections[0]
    s.page_width, s.page_height, s.left_margin = Mm(250), Mm(300), Mm(33)
    s.header.paragraphs[0].text = "Förbundets eget sidhuvud"
    doc.add_paragraph("Mallens exempeltext som ska bort")
    doc.save(str(path))
    return path


def test_a_template_gives_the_report_its_styles(tiny_project):
    _template(tiny_project.dir / "mall.docx")
    params = tiny_project("word_template: mall.docx\n")
    res = render.render_project(params, tiny_project.dir / "reports", ("html", "docx"))
    assert res.ok, res.error
    doc = docx.Document(str(tiny_project.dir / "reports" / "tiny" / "tiny.docx"))
    assert doc.styles["Heading 1"].font.name == "Courier New"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x80)
    assert doc.styles["Report Note"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm), round(s.left_margin.mm)) == (250, 300, 33)
    assert s.header.paragraphs[0].text == "Förbundets eget sidhuvud"
    assert not any("Mallens exempeltext" in p.text for p in doc.paragraphs)
    assert _headings(doc)[0] == (1, "Litet testprojekt")
    assert any(p.style.name == "Report Note" for p in doc.paragraphs)
    assert doc.core_properties.author == "Testförbundet" and doc.core_properties.title == "Litet testprojekt"
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "sv-SE"
    # rendering other formats later keeps the Word document, and the index links it
    assert render.render_project(params, tiny_project.dir / "reports", ("html",)).ok
    assert (tiny_project.dir / "reports" / "tiny" / "tiny.docx").is_file()
    index = render.write_index(tiny_project.dir / "reports").read_text(encoding="utf-8")
    assert 'href="tiny/tiny.docx">DOCX</a>' in index


def test_template_path_is_checked_like_the_data_paths(tiny_project):
    d = tiny_project.dir
    _template(d / "mall.docx")
    assert load_params(tiny_project("word_template: mall.docx\n")).word_template == (d / "mall.docx").resolve()
    (d / "mall.txt").write_text("inte Word", encoding="utf-8")
    (d / "trasig.docx").write_text("inte Word heller", encoding="utf-8")
    with zipfile.ZipFile(d / "arkiv.docx", "w") as z:  # a zip, but no Word document inside
        z.writestr("bilder/logga.txt", "ingen text")
    with zipfile.ZipFile(d / "tabell.docx", "w") as z:  # a workbook renamed .docx is refused too
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    outside = d.parent / f"{d.name}-utanför.docx"
    shutil.copy(d / "mall.docx", outside)
    for value, words in (("saknas.docx", "does not exist"), ("mall.txt", "not a Word document"),
                         ("trasig.docx", "not a readable Word document"), ("arkiv.docx", "not a readable Word document"),
                         ("tabell.docx", "not a readable Word document"), (str(outside), "outside the project folder"),
                         (f"../{outside.name}", "outside the project folder")):
        with pytest.raises(ParamsError) as e:
            load_params(tiny_project(f"word_template: {value}\n"))
        assert "word_template" in str(e.value) and words in e.value.message("en"), (value, e.value.message("en"))


# ------------------------------------------------------------------ the writer on a tiny page


_PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
_PAGE = f"""<html lang="sv"><body><main>
<div class='et-title'><h1>Titel</h1><p class='et-sub'>Förbundet · Ägaren</p></div>
<h2>Del</h2><p>Ett <strong>fett</strong> och <em>kursivt</em> ord, <span class='nw'>1 276 000 kr</span>,
en <a href='https://example.org/'>länk</a>.</p>
<ol><li>ett</li><li>två<ul><li>inuti</li></ul></li></ol><ol><li>igen ett</li></ol>
<table class='et-table'><caption>Tabell</caption><thead><tr><th class='txt'>Mål</th><th class='num'>Utfall</th></tr></thead>
<tbody><tr class='et-group'><th colspan='2'>Grupp</th></tr><tr><td class='txt'>A</td><td class='num'>48,6 %</td></tr></tbody></table>
<p class='et-note'>En anmärkning.</p>
<figure class='et-fig'><img alt='Diagram över utfallet: 48,6 %' style='width:3.00in' src='data:image/png;base64,{_PIXEL}'></figure>
<details class='et-params'><summary>Parametrar</summary><pre class='et-params'>hemligt: nej</pre></details>
<p class='et-note et-print-only'>Filen finns i HTML-rapporten.</p>
<h2 class='et-appendix'>Bilaga</h2><h3>Metod</h3><p>Slut.</p>
</main></body></html>"""


def test_writer_on_a_tiny_page():
    doc = docx.Document(__import__("io").BytesIO(html_to_docx(_PAGE, None, "sv", "Titel", "Förbundet")))
    assert _headings(doc) == [(1, "Titel"), (2, "Del"), (3, "Parametrar"), (2, "Bilaga"), (3, "Metod")]
    paras = doc.paragraphs
    assert paras[1].style.name == "Subtitle" and paras[1].text == "Förbundet · Ägaren"
    body = paras[3]
    assert body.text.startswith("Ett fett och kursivt ord, 1\u00a0276\u00a0000\u00a0kr, en länk.")
    assert [r.text for r in body.runs if r.bold] == ["fett"] and [r.text for r in body.runs if r.italic] == ["kursivt"]
    link = body._p.find(qn("w:hyperlink"))
    assert link is not None and doc.part.rels[link.get(qn("r:id"))].target_ref == "https://example.org/"
    # lists: each numbered list counts from 1 with its own number; the inner list is one level down
    items = [(p.text, p._p.pPr.numPr.ilvl.val, p._p.pPr.numPr.numId.val) for p in paras
             if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [(t, lvl) for t, lvl, _ in items] == [("ett", 0), ("två", 0), ("inuti", 1), ("igen ett", 0)]
    assert items[0][2] == items[1][2] != items[3][2] and items[2][2] not in (items[0][2], items[3][2])
    # the table: caption above (numbered as Word numbers a table's), header row repeated, the group row across the
    # table, numbers right
    caption = [p for p in paras if p.style.name == "Caption"]
    assert [p.text for p in caption] == ["Tabell 1. Tabell"]
    (table,) = doc.tables
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert [c.text for c in table.rows[0].cells] == ["Mål", "Utfall"]
    assert table.rows[1].cells[0].text == "Grupp" and len(table.rows[1]._tr.findall(qn("w:tc"))) == 1
    assert table.rows[2].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    # the note style, the picture with its alternative text at the HTML's width
    assert any(p.style.name == "Report Note" and p.text == "En anmärkning." for p in paras)
    (shape,) = doc.inline_shapes
    assert shape._inline.docPr.get("descr") == "Diagram över utfallet: 48,6 %"
    assert round(shape.width.inches, 2) == 3.0
    # printed as the PDF: the params text left out, its summary and the printed note kept
    texts = [p.text for p in paras]
    assert "Parametrar" in texts and "Filen finns i HTML-rapporten." in texts
    assert not any("hemligt" in t for t in texts)
    assert [p.text for p in paras if p.paragraph_format.page_break_before] == ["Bilaga"]
    # the document itself: no python-docx defaults left in the properties
    assert doc.core_properties.author == doc.core_properties.last_modified_by == "Förbundet"
    assert base64.b64decode(_PIXEL)[:4] == b"\x89PNG"


def test_the_evaluators_markdown_keeps_its_structure():
    """Loose and nested lists, a quote, a code block and a sub-heading as the evaluator writes them."""
    from evaltools.present.narrative import to_html
    md = ("1. ett\n   - inre\n   - inre två\n\n     med stycke\n2. två\n\n> Ett citat\n> på två rader\n\n"
          "```\nkod\nrad två\n```\n\n#### Under\nSlut.\n")
    page = f"<html><body><main><h1>T</h1><h2>Del</h2><div class='et-evaluator'>{to_html(md)}</div></main></body></html>"
    doc = docx.Document(__import__("io").BytesIO(html_to_docx(page, None, "sv", "T", "F")))
    rows = []
    for p in doc.paragraphs:
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        rows.append((p.style.name, p.text, None if num is None else num.ilvl.val))
    assert rows == [("Heading 1", "T", None), ("Heading 2", "Del", None),
                    ("List Paragraph", "ett", 0), ("List Paragraph", "inre", 1), ("List Paragraph", "inre två", 1),
                    ("List Paragraph", "med stycke", None), ("List Paragraph", "två", 0),
                    ("Quote", "Ett citat på två rader", None), ("Report Note", "kod\nrad två", None),
                    ("Heading 4", "Under", None), ("Report Evaluator", "Slut.", None)]
    # the evaluator's words carry the PDF's rule at their left: a plain paragraph from its style (one the evaluator
    # adds in Word takes it with the style), a list, quote, note or heading among them on its own paragraph
    def rule(p) -> bool:
        own = p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
        ppr = p.style.element.pPr
        return own or (ppr is not None and ppr.find(qn("w:pBdr")) is not None)
    assert all(rule(p) for p in doc.paragraphs[2:])
    assert doc.paragraphs[-1]._p.pPr.find(qn("w:pBdr")) is None  # (the style's, not set again on the paragraph)
    evaluator = doc.styles["Report Evaluator"]
    assert evaluator.base_style.name == "Normal" and evaluator.quick_style
    assert evaluator.element.pPr.find(qn("w:pBdr")).find(qn("w:left")).get(qn("w:color")) == "C9D6E0"


def test_a_zip_that_is_no_word_document_is_refused_as_a_template(tiny_project):
    from evaltools.data.errors import ReportError
    bad = tiny_project.dir / "mall.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hej.txt", "inte Word")
    with pytest.raises(ReportError, match="mallen mall.docx .word_template i params-filen. går inte att öppna"):
        html_to_docx(_PAGE, tiny_project.dir / "ut.docx", "sv", "Titel", template=bad)  # (in the run's language)
    # the params check refuses it before anything is rendered, naming the field and the file
    with pytest.raises(ParamsError) as e:
        load_params(tiny_project("word_template: mall.docx\n"))
    assert "word_template: 'mall.docx' går inte att läsa som Word-dokument" in str(e.value)
    assert "word_template: 'mall.docx' is not a readable Word document" in e.value.message("en")


# ------------------------------------------------------------------ LibreOffice: nothing lost


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def word_as_pdf(rendered, tmp_path_factory) -> Path:
    """Every sample's and the portfolio's .docx converted to PDF by LibreOffice (headless), all in one
    run of it (starting LibreOffice with a new profile takes seconds); the folder of the PDFs."""
    out = tmp_path_factory.mktemp("word-as-pdf")
    docs = [str(_files(rendered, pid)[1]) for pid in (*SAMPLE_PROJECTS, "portfolio")]
    run = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{out / 'lo'}",
                          "--convert-to", "pdf", "--outdir", str(out), *docs],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
@pytest.mark.parametrize("pid", [*SAMPLE_PROJECTS, "portfolio"])
def test_libreoffice_shows_every_word_of_the_pdf(rendered, word_as_pdf, pid):
    """The .docx opened in LibreOffice (converted to PDF headless) shows every word of the report's
    PDF and nothing else: each word of four or more letters in one is found in the other (line
    breaks, hyphens and page footers differ between the two, so the texts are compared without
    spaces and punctuation)."""
    html, path = _files(rendered, pid)
    word_pdf, report_pdf = _pdf_text(word_as_pdf / f"{pid}.pdf"), _pdf_text(html.with_suffix(".pdf"))
    # a checksum wraps inside its table cell, and where the row breaks across two pages the text of the
    # page between its halves comes between them: checksums are looked up in the document's own text
    checksum = re.compile(r"[0-9a-f]{64}")
    w_text = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    in_document = "\n".join(t.text or "" for t in ElementTree.fromstring(
        zipfile.ZipFile(path).read("word/document.xml")).iter(w_text))
    missing = {}
    # (the table of contents' heading and its line on how to have its page numbers are the document's own:
    # Word's table has them, the PDF no table)
    own = {w.lower() for lang in ("sv", "en") for key in ("pdf.contents", "pdf.contents_update")
           for w in re.findall(r"\w+", msg(key, lang))}
    # (and so are a draft's places to write, which the HTML holds hidden: tests/test_word_write_here.py)
    places = {w.lower() for s in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("section.et-write-here")
              for w in re.findall(r"\w+", s.get_text(" "))}
    for a, b, mine in ((report_pdf, word_pdf, own), (word_pdf, report_pdf, own | places)):
        flat = re.sub(r"\W", "", b.lower())
        words = {w for w in re.findall(r"\w+", a.lower()) if len(w) >= 4 and not w.isdigit() and w not in mine}
        missing[len(missing)] = sorted(w for w in words if w not in flat and not (checksum.fullmatch(w) and w in in_document))
        assert len(words) > 100
    assert missing == {0: [], 1: []}
    # a draft's places to write are in what LibreOffice shows (Nästa steg and Samverkan have no text of their own)
    word_flat = re.sub(r"\W", "", word_pdf.lower())
    assert [w for w in places if w not in word_flat] == []
    assert bool(places) == (pid in ("nasta-steg", "samverkan-i-praktiken"))
    assert set(checksum.findall(report_pdf)) <= set(checksum.findall(in_document))
    # and the figures of page 1 (shares, amounts, years: not the page counts) are all there
    first = re.sub(r"\s", "", PdfReader(str(html.with_suffix(".pdf"))).pages[0].extract_text())
    numbers = set(re.findall(r"\d+,\d+|\d{3,}", first))
    flat = re.sub(r"\s", "", word_pdf)
    assert numbers and [n for n in numbers if n not in flat] == []
