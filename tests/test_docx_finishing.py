"""The Word document as an evaluator finishes it in Word: a table of contents to update, rows that
stay whole on a page, a table look and link look that a förbund's template decides, no empty
paragraphs for spacing, settings that let Word check the spelling and open the file as a current
document, and a package that Word opens without repairing it."""
from __future__ import annotations

import collections
import io
import posixpath
import re
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from evaltools.publish.docx import html_to_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"

# a report's shape in small: page 1 (the summary and its questions), sections with sub-headings,
# a table followed by a paragraph, two tables one after the other, a link, a chart, the appendix
PAGE = f"""<html lang="sv"><body><main>
<div class='et-title'><h1>Testprojektet</h1><p class='et-sub'>Förbundet · Ägaren</p></div>
<h2 class='et-lead'>Sammanfattning</h2>
<h3 class='et-lead'>Nådde projektet sina mål?</h3><p>Ja, 12 av 20.</p>
<h3 class='et-lead'>Vad kostade det?</h3><p>100 000 kr.</p>
<h2>Om projektet</h2><p>Se <a href='https://example.org/'>förbundets sida</a>.</p>
<table class='et-table'><thead><tr><th class='txt'>Uppgift</th><th class='num'>Värde</th></tr></thead>
<tbody><tr class='et-group'><th colspan='2'>Grupp</th></tr><tr><td class='txt'>Beviljat</td><td class='num'>1 276 000 kr</td></tr>
</tbody></table>
<p>Text direkt efter tabellen.</p>
<h3>Bakgrund</h3><p>Bakgrunden.</p>
<h2>Utfall</h2>
<table class='et-table'><thead><tr><th>Utfall</th><th class='num'>Antal</th></tr></thead>
<tbody><tr><td>Arbete</td><td class='num'>7</td></tr></tbody></table>
<table class='et-table'><thead><tr><th>Kön</th><th class='num'>Antal</th></tr></thead>
<tbody><tr><td>Kvinna</td><td class='num'>&lt;5</td></tr></tbody></table>
<p class='et-note'>En anmärkning.</p>
<figure class='et-fig'><img alt='Diagram över utfallet: 7 till arbete' style='width:3.00in' src='data:image/png;base64,{_PIXEL}'></figure>
<h2 class='et-appendix'>Bilaga: teknisk redovisning</h2><h3>Metod</h3><p>Slut.</p>
</main></body></html>"""


def _build(page: str = PAGE, lang: str = "sv", template: Path | None = None) -> bytes:
    out = html_to_docx(page, None, lang, "Testprojektet", "Testförbundet", template=template)
    assert out is not None
    return out


@pytest.fixture(scope="module")
def built() -> tuple[bytes, docx.document.Document]:
    """The small report above as a Word document, written once for the module."""
    data = _build()
    return data, docx.Document(io.BytesIO(data))


def _style_name(doc, p) -> str:
    names = {s.style_id: s.name for s in doc.styles}
    return names.get(p.style, "Normal") if p.style else "Normal"


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


# ------------------------------------------------------------------ the table of contents


def test_a_table_of_contents_field_word_can_update_follows_page_one(built):
    _, doc = built
    body = doc.element.body
    (sdt,) = body.findall(qn("w:sdt"))
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    assert gallery is not None and gallery.get(qn("w:val")) == "Table of Contents"
    # one TOC field over the section headings and those under them, with links (\h)
    instr = [" ".join((t.text or "").split()) for t in sdt.iter(qn("w:instrText"))]
    assert instr[0] == 'TOC \\o "2-3" \\h \\z \\u'
    kinds = [f.get(qn("w:fldCharType")) for f in sdt.iter(qn("w:fldChar"))]
    assert kinds[0] == "begin" and kinds[-1] == "end"
    assert kinds.count("begin") == kinds.count("separate") == kinds.count("end") == len(instr)
    # after page 1 (the summary and its questions), before the second section; on a page of its own
    before = [_text(e) for e in sdt.itersiblings(preceding=True) if e.tag == qn("w:p")][::-1]
    after = next(e for e in sdt.itersiblings() if e.tag == qn("w:p"))
    # (page 1's last paragraph, its figure kept on one line: no-break spaces)
    assert before[-1] == "100\u00a0000\u00a0kr." and _text(after) == "Om projektet"
    first = sdt.find(qn("w:sdtContent"))[0]  # its heading, on a new page (a break before it, none in it)
    assert _text(first) == "Innehåll" and not list(first.iter(qn("w:br")))
    assert Paragraph(first, doc).paragraph_format.page_break_before
    # its lines: every h2 and h3 of the HTML, in order, each a link to a bookmark on that heading
    want = [" ".join(h.get_text(" ").split())
            for h in BeautifulSoup(PAGE, "html.parser").find_all(["h2", "h3"])]
    links = list(sdt.iter(qn("w:hyperlink")))
    assert [_text(a) for a in links] == want
    marks = {m.get(qn("w:name")): m.getparent() for m in body.iter(qn("w:bookmarkStart"))}
    for link, text in zip(links, want):
        heading = marks[link.get(qn("w:anchor"))]
        assert _text(heading) == text and heading.getparent() is body
        assert f"PAGEREF {link.get(qn('w:anchor'))}" in " ".join(t.text or "" for t in link.iter(qn("w:instrText")))
    # the lines in Word's own TOC styles (what Word uses when it updates the table), indented by level
    styles = [a.getparent().find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) for a in links]
    levels = [h.name[1] for h in BeautifulSoup(PAGE, "html.parser").find_all(["h2", "h3"])]
    assert styles == [f"TOC{lvl}" for lvl in levels] == ["TOC2", "TOC3", "TOC3", "TOC2", "TOC3", "TOC2", "TOC2", "TOC3"]
    assert doc.styles["toc 3"].paragraph_format.left_indent > doc.styles["toc 2"].paragraph_format.left_indent == 0


def test_the_headings_stay_where_a_reader_finds_them(built):
    """The table of contents is not among the document's paragraphs: the headings and the page-1
    order that tests of the report read are as before."""
    _, doc = built
    headings = [(_style_name(doc, p._p), p.text) for p in doc.paragraphs if _style_name(doc, p._p).startswith("Heading")]
    assert headings[:3] == [("Heading 1", "Testprojektet"), ("Heading 2", "Sammanfattning"),
                            ("Heading 3", "Nådde projektet sina mål?")]
    assert [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before] == ["Bilaga: teknisk redovisning"]


def test_a_report_with_one_section_has_no_table_of_contents():
    page = "<html><body><main><h1>T</h1><h2>Del</h2><p>Text.</p></main></body></html>"
    doc = docx.Document(io.BytesIO(_build(page)))
    assert doc.element.body.find(qn("w:sdt")) is None
    assert not list(doc.element.body.iter(qn("w:instrText")))


# ------------------------------------------------------------------ tables


def test_rows_stay_whole_on_a_page_and_the_header_row_repeats(built):
    _, doc = built
    assert len(doc.tables) == 3
    for table in doc.tables:
        rows = table._tbl.tr_lst
        assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows] == [True] + [False] * (len(rows) - 1)
        # (the schema's order: cantSplit before tblHeader, or Word repairs the file)
        assert [etree.QName(c).localname for c in rows[0].trPr] == ["cantSplit", "tblHeader"]


def test_the_header_rows_look_is_the_table_styles_not_the_cells(built):
    """Bold, fill and the rule under the header row come from the table style's first-row
    formatting, so a template's own *Report Table Grid* decides them; a heading cell in the body (a
    group row) stays bold by its own run."""
    _, doc = built
    for table in doc.tables:
        header = table._tbl.tr_lst[0]
        assert not list(header.iter(qn("w:shd"))) and not list(header.iter(qn("w:tcBorders")))
        assert not list(header.iter(qn("w:b")))
        assert table._tbl.tblPr.find(qn("w:tblLook")).get(qn("w:firstRow")) == "1"
    grid = doc.styles["Report Table Grid"].element
    (first,) = [s for s in grid.findall(qn("w:tblStylePr")) if s.get(qn("w:type")) == "firstRow"]
    assert first.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    assert first.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "EEF3F7"
    group = doc.tables[0].rows[1]
    assert [r.bold for p in group.cells[0].paragraphs for r in p.runs] == [True]


def test_a_templates_table_style_without_a_header_look_gets_none_from_the_cells(tmp_path):
    template = docx.Document()
    grid = template.styles.add_style("Report Table Grid", 3)
    grid.font.size = Pt(9)
    template.save(str(tmp_path / "mall.docx"))
    doc = docx.Document(io.BytesIO(_build(template=tmp_path / "mall.docx")))
    assert doc.styles["Report Table Grid"].element.find(qn("w:tblStylePr")) is None
    for table in doc.tables:
        assert table.style.name == "Report Table Grid"
        assert not list(table._tbl.iter(qn("w:shd"))) and not list(table._tbl.tr_lst[0].iter(qn("w:b")))


# ------------------------------------------------------------------ spacing and direct formatting


def test_no_empty_paragraph_is_used_as_spacing(built):
    """An empty paragraph stays only between two tables (without it Word joins them into one)."""
    _, doc = built
    body = doc.element.body
    empty = [p for p in body.iterchildren(qn("w:p")) if not _text(p) and p.find(f".//{qn('w:drawing')}") is None]
    assert not empty
    # two tables one after the other stay two (Word joins two tables with nothing between them): the second's
    # caption stands between them
    tables = body.findall(qn("w:tbl"))
    assert any(t.getnext().getnext() is not None and t.getnext().getnext().tag == qn("w:tbl") for t in tables)
    assert all(t.getprevious().tag == qn("w:p") and _text(t.getprevious()) for t in tables)
    # the paragraph right after a table keeps its distance from it
    after = doc.tables[0]._tbl.getnext()
    assert _text(after) == "Text direkt efter tabellen." and Paragraph(after, None).paragraph_format.space_before == Pt(8)


def test_links_take_the_hyperlink_style_not_a_colour_of_their_own(built, tmp_path):
    _, doc = built
    (link,) = [a for a in doc.element.body.iter(qn("w:hyperlink")) if a.get(qn("r:id"))]
    runs = link.findall(qn("w:r"))
    assert runs and all(r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Hyperlink" for r in runs)
    assert not list(link.iter(qn("w:color"))) and not list(link.iter(qn("w:u")))
    assert doc.styles["Hyperlink"].font.underline and doc.styles["Hyperlink"].font.color.rgb == RGBColor(0x1F, 0x5F, 0x8B)
    # a template's own link colour is the one used
    template = docx.Document()
    own = template.styles.add_style("Hyperlink", 2)
    own.font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    template.save(str(tmp_path / "mall.docx"))
    mine = docx.Document(io.BytesIO(_build(template=tmp_path / "mall.docx")))
    assert mine.styles["Hyperlink"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)


def test_a_templates_headings_margins_header_and_footer_win(tmp_path):
    """The brief's template: python-docx's default document with Heading 1 in another font and
    colour, wider margins, a header and a footer. Nothing in the body sets a font, size or colour."""
    template = docx.Document()
    h1 = template.styles["Heading 1"]
    h1.font.name, h1.font.color.rgb, h1.font.size = "Georgia", RGBColor(0x80, 0x00, 0x20), Pt(26)
    s = template.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)  # (python-docx's own page is US Letter)
    s.left_margin = s.right_margin = Mm(30)
    s.top_margin = Mm(40)
    s.header.paragraphs[0].text = "Förbundets sidhuvud"
    s.footer.paragraphs[0].text = "Förbundets sidfot"
    template.add_paragraph("Mallens text")
    template.save(str(tmp_path / "mall.docx"))
    doc = docx.Document(io.BytesIO(_build(template=tmp_path / "mall.docx")))
    h1 = doc.styles["Heading 1"]
    assert (h1.font.name, h1.font.color.rgb, h1.font.size) == ("Georgia", RGBColor(0x80, 0x00, 0x20), Pt(26))
    s = doc.sections[0]
    assert (round(s.left_margin.mm), round(s.right_margin.mm), round(s.top_margin.mm)) == (30, 30, 40)
    assert s.header.paragraphs[0].text == "Förbundets sidhuvud" and s.footer.paragraphs[0].text == "Förbundets sidfot"
    assert not any("Mallens text" in p.text for p in doc.paragraphs)
    body = doc.element.body
    for name in ("rFonts", "sz", "szCs", "color", "u", "highlight", "shd"):
        assert not [e for e in body.iter(qn(f"w:{name}")) if e.getparent().tag == qn("w:rPr")], name
    assert not list(body.iter(qn("w:shd")))  # no cell or paragraph fill in the report's body either
    # the table of contents' right tab at the template's text width (210 - 30 - 30 mm), in twentieths of a point
    tab = body.find(f".//{qn('w:sdt')}//{qn('w:tab')}[@{qn('w:leader')}]")
    assert int(tab.get(qn("w:pos"))) == round(Mm(150) / 635)


# ------------------------------------------------------------------ settings and the package


def _settings(data: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml"))


@pytest.mark.parametrize("lang,decimal,separator,tag", [("sv", ",", ";", "sv-SE"), ("en", ".", ",", "en-GB")])
def test_settings_let_word_check_the_spelling_and_open_a_current_document(lang, decimal, separator, tag):
    data = _build(lang=lang)
    settings = _settings(data)
    # no "already checked" state: Word checks the report's spelling in its own language
    assert settings.find(qn("w:proofState")) is None
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == tag
    assert settings.find(qn("w:decimalSymbol")).get(qn("w:val")) == decimal
    assert settings.find(qn("w:listSeparator")).get(qn("w:val")) == separator
    # a current Word document (2013 and later: 15), not opened in compatibility mode
    modes = [c.get(qn("w:val")) for c in settings.iter(qn("w:compatSetting")) if c.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["15"]
    # no preview picture of an empty page in the file manager
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "thumbnail" in n]
    assert settings.find(qn("w:savePreviewPicture")) is None


def test_a_templates_compatibility_is_its_own(tmp_path):
    template = docx.Document()
    template.save(str(tmp_path / "mall.docx"))
    modes = [c.get(qn("w:val")) for c in _settings(_build(template=tmp_path / "mall.docx")).iter(qn("w:compatSetting"))
             if c.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["14"]  # python-docx's template is a Word 2010 document; the förbund's choice is kept


def package_problems(data: bytes) -> list[str]:
    """What would make Word offer to repair the file: a part that does not parse, a part without a
    content type, a relationship to a missing part, an id of a relationship that does not exist,
    unpaired bookmarks or fields, and paragraph, row and settings properties out of the schema's order."""
    from evaltools.publish.docx import _PPR_ORDER, _SETTINGS_ORDER
    z = zipfile.ZipFile(io.BytesIO(data))
    names = set(z.namelist())
    problems = []
    parsed = {}
    for n in names:
        if n.endswith((".xml", ".rels")):
            try:
                parsed[n] = etree.fromstring(z.read(n))
            except etree.XMLSyntaxError as e:
                problems.append(f"{n} does not parse: {e}")
    types = parsed["[Content_Types].xml"]
    defaults = {d.get("Extension").lower() for d in types if etree.QName(d).localname == "Default"}
    overrides = {o.get("PartName").lstrip("/") for o in types if etree.QName(o).localname == "Override"}
    problems += [f"{n} has no content type" for n in names - {"[Content_Types].xml"}
                 if n not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults]
    problems += [f"content type for missing {o}" for o in overrides - names]
    for n in [n for n in names if n.endswith(".rels")]:
        folder = posixpath.dirname(posixpath.dirname(n))
        source = posixpath.join(folder, posixpath.basename(n)[:-5])
        ids = set()
        for rel in parsed[n]:
            ids.add(rel.get("Id"))
            if rel.get("TargetMode") != "External":
                target = rel.get("Target")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                if path not in names:
                    problems.append(f"{n}: {target} is missing")
        if source in parsed:
            used = {v for e in parsed[source].iter() for k, v in e.attrib.items() if k.startswith(f"{{{R}}}")}
            problems += [f"{source} uses {u}, which {n} does not have" for u in used - ids]
    document = parsed["word/document.xml"]
    starts = collections.Counter(b.get(qn("w:id")) for b in document.iter(qn("w:bookmarkStart")))
    ends = collections.Counter(b.get(qn("w:id")) for b in document.iter(qn("w:bookmarkEnd")))
    if starts != ends or any(c > 1 for c in starts.values()):
        problems.append("bookmarks are not paired")
    depth = 0
    for f in document.iter(qn("w:fldChar")):
        depth += {"begin": 1, "end": -1}.get(f.get(qn("w:fldCharType")), 0)
        if depth < 0:
            problems.append("a field ends before it begins")
    if depth:
        problems.append("a field is not ended")
    for ppr in document.iter(qn("w:pPr")):
        order = [_PPR_ORDER.index(etree.QName(c).localname) for c in ppr if etree.QName(c).localname in _PPR_ORDER]
        if order != sorted(order):
            problems.append(f"paragraph properties out of order: {[etree.QName(c).localname for c in ppr]}")
    for trpr in document.iter(qn("w:trPr")):
        order = [("cantSplit", "trHeight", "tblHeader").index(etree.QName(c).localname) for c in trpr]
        if order != sorted(order):
            problems.append("row properties out of order")
    settings = [etree.QName(c) for c in parsed["word/settings.xml"]]
    order = [_SETTINGS_ORDER.index(c.localname) for c in settings if c.namespace == W]
    if order != sorted(order):
        problems.append(f"settings out of order: {[c.localname for c in settings]}")
    return problems


def test_the_package_is_whole(built, tmp_path):
    data, _ = built
    assert package_problems(data) == []
    template = docx.Document()
    template.save(str(tmp_path / "mall.docx"))
    assert package_problems(_build(template=tmp_path / "mall.docx")) == []
    assert package_problems(_build(lang="en")) == []


def test_the_check_finds_what_word_would_repair(built):
    """The check above can fail: a relationship id that does not exist and a field left open."""
    data, _ = built
    z = zipfile.ZipFile(io.BytesIO(data))
    xml = z.read("word/document.xml").decode("utf-8")
    broken = xml.replace('w:fldCharType="end"/>', 'w:fldCharType="separate"/>', 1)
    broken = re.sub(r'r:embed="rId\d+"', 'r:embed="rId999"', broken, count=1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as new:
        for item in z.infolist():
            new.writestr(item, broken if item.filename == "word/document.xml" else z.read(item.filename))
    problems = package_problems(out.getvalue())
    assert "a field is not ended" in problems
    assert any("rId999" in p for p in problems)


# ------------------------------------------------------------------ the rendered samples


def _numbers(text: str) -> collections.Counter:
    """Every figure of a text (amounts, shares, counts, '<5'), spaces inside a number removed."""
    found = re.findall(r"[<−-]?\d[\d \u00a0\u202f]*(?:[.,]\d+)?\s?(?:%|kr)?", text.replace("\u00a0", " "))
    return collections.Counter(re.sub(r"\s", "", n) for n in found)


def _check_sample(folder: Path, pid: str) -> None:
    html, path = folder / f"{pid}.html", folder / f"{pid}.docx"
    data = path.read_bytes()
    assert package_problems(data) == [], pid
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup.body
    for details in main.find_all("details"):  # printed as the PDF prints it: the summary line only
        summary = details.find("summary")
        details.replace_with(summary.get_text(" ") if summary else "")
    for hidden in main.find_all(["style", "script"]):
        hidden.decompose()
    doc = docx.Document(io.BytesIO(data))
    body = doc.element.body
    # the same figures, as many times, in the document and the HTML (text, tables and the charts'
    # alternative texts); the table of contents holds no figure of its own
    # (a draft's places to write are content controls too: the table of contents is the one with a gallery)
    sdt = next((s for s in body.iter(qn("w:sdt")) if s.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}") is not None), None)
    parts: list[str] = []
    glued = False  # (Word's non-breaking hyphen in a date reads as "-" between the texts beside it)
    # (a table's caption, "Tabell 3. Deltagare", is the HTML's, its number the same: compared as all text is)
    for t in body.iter(qn("w:t"), qn("w:noBreakHyphen")):
        if sdt is not None and sdt in t.iterancestors():
            continue
        if t.tag == qn("w:noBreakHyphen") and parts:
            parts[-1], glued = parts[-1] + "-", True
        elif glued:
            parts[-1], glued = parts[-1] + (t.text or ""), False
        else:
            parts.append(t.text or "")
    words = " ".join(parts)
    alts = [d.get("descr") for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    html_alts = [img.get("alt") for img in main.find_all("img")]
    assert alts == html_alts and all(alts), pid
    assert _numbers(words) == _numbers(main.get_text(" ")), pid
    # the table of contents after page 1, listing every section heading
    assert sdt is not None, pid
    sections = [" ".join(h.get_text(" ").split()) for h in main.find_all("h2")]
    listed = [" ".join(_text(a).split()) for a in sdt.iter(qn("w:hyperlink"))]
    assert [t for t in listed if t in sections] == sections, pid
    following = next(e for e in sdt.itersiblings() if e.tag == qn("w:p"))
    assert " ".join(_text(following).split()) == sections[1], pid
    # rows whole, empty paragraphs only between two tables
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
               for tbl in body.iter(qn("w:tbl")) for tr in tbl.tr_lst), pid
    for p in body.iterchildren(qn("w:p")):
        if not _text(p) and p.find(f".//{qn('w:drawing')}") is None:
            assert p.getprevious().tag == qn("w:tbl") and p.getnext().tag == qn("w:tbl"), pid


def test_every_swedish_sample_keeps_its_figures_and_gets_a_table_of_contents(sample_reports):
    for pid, result in sample_reports.results.items():
        assert result.ok, result.error
        _check_sample(sample_reports.out / pid, pid)


def test_every_english_sample_keeps_its_figures_and_gets_a_table_of_contents(sample_reports_en):
    for pid, result in sample_reports_en.results.items():
        assert result.ok, result.error
        _check_sample(sample_reports_en.out / pid / "en", pid)


# ------------------------------------------------------------------ column widths and what keeps together


_WIDE = """<html><body><main><h1>T</h1><h2>Kostnader</h2>
<table class='et-table'><thead><tr><th>Projekt</th><th class='num'>Kostnad</th><th class='num'>Förbrukat av budget</th>
<th class='num'>Per deltagare</th><th class='num'>Per lyckat utfall</th>
<th class='num'>Nettonuvärde, offentliga finansiärer</th><th class='num'>Nettonuvärde, samhället</th>
<th class='num'>Nytta/kostnad, offentliga finansiärer</th></tr></thead><tbody>
<tr><td>Samverkan i praktiken (fiktivt exempel) (strukturinriktad)</td><td class='num'>3 705 667 kr</td>
<td class='num'>94 %</td><td class='num'>13 984 kr</td><td class='num'>33 086 kr</td>
<td class='num'>−2 342 825 kr</td><td class='num'>−5 956 352 kr</td><td class='num'>1,96</td></tr>
</tbody></table></main></body></html>"""


def test_a_wide_table_of_amounts_keeps_every_amount_and_word_whole():
    """Measured with Liberation Sans (metrically Arial, the table's font): every amount fits its
    column on one line and every heading word its column, inside the page's text width."""
    font_file = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
    if not font_file.is_file():
        pytest.skip("Liberation Sans is not installed (fonts-liberation2)")
    from PIL import ImageFont
    regular = ImageFont.truetype(str(font_file), 850)  # a hundredth of a point per unit at 8.5 pt
    bold = ImageFont.truetype(str(font_file.with_name("LiberationSans-Bold.ttf")), 850)
    doc = docx.Document(io.BytesIO(_build(_WIDE)))
    (table,) = doc.tables
    widths = [int(tc.width) for tc in table._tbl.tr_lst[0].tc_lst]
    assert sum(widths) <= int(Mm(210 - 32)) + 635 * len(widths)  # (each width rounded to a twip)
    padding = Pt(8.5)  # the cell margins at both sides
    soup = BeautifulSoup(_WIDE, "html.parser")
    heads = [th.get_text(" ").split() for th in soup.find_all("th")]
    cells = [" ".join(td.get_text(" ").split()) for td in soup.find_all("td")]
    for i, (words, cell) in enumerate(zip(heads, cells)):
        needs = [bold.getlength(w) / 100 for w in words]
        if i:  # the amounts on one line
            needs.append(regular.getlength(cell) / 100)
        assert widths[i] >= Pt(max(needs)) + padding, (i, words, cell)


def test_a_paragraph_between_a_heading_and_its_chart_or_table_keeps_with_it():
    page = f"""<html><body><main><h1>T</h1><h2>Deltagare</h2><p>Vilka som deltog.</p>
<figure class='et-fig'><img alt='Diagram över deltagarna: 12 kvinnor' src='data:image/png;base64,{_PIXEL}'></figure>
<h2>Utfall</h2><p>Utfall för de 12.</p><table class='et-table'><thead><tr><th>Utfall</th></tr></thead>
<tbody><tr><td>Arbete</td></tr></tbody></table>
<h2>Analys</h2><p>Första stycket.</p><p>Andra stycket.</p></main></body></html>"""
    doc = docx.Document(io.BytesIO(_build(page)))
    keep = {p.text: bool(p.paragraph_format.keep_with_next) for p in doc.paragraphs if p.text}
    assert keep["Vilka som deltog."] and keep["Utfall för de 12."]
    assert not keep["Första stycket."] and not keep["Andra stycket."]


def test_words_own_styles_are_added_as_words_own(tmp_path):
    """A template without the styles the report needs gets Word's own (Hyperlink, toc 2, Caption,
    ...) as Word's built-in styles, which Word's table of contents and link commands use, and the
    report's three as custom styles."""
    template = docx.Document()
    styles = template.styles.element
    for st in list(styles.findall(qn("w:style"))):
        if st.find(qn("w:name")).get(qn("w:val")) in ("Caption", "Subtitle", "Quote", "List Paragraph"):
            styles.remove(st)
    template.save(str(tmp_path / "mall.docx"))
    doc = docx.Document(io.BytesIO(_build(template=tmp_path / "mall.docx")))
    for name in ("Hyperlink", "toc 2", "toc 3", "Caption", "Subtitle", "Quote", "List Paragraph"):
        assert doc.styles[name].builtin, name
    for name in ("Report Note", "Report Table", "Report Table Grid"):
        assert not doc.styles[name].builtin, name
