"""The Word document as an evaluator finishes it, fourth round: table columns measured in the template
font's own widths where its file is installed, tables that never break a word mid-word (a figure's
qualifier may wrap under it, a column of long texts gets the room, a table whose words do not fit
between the margins reaches into them), and the documents surviving what the evaluator does next in
Word: updating the fields (table of contents, figure captions), changing the style set, pasting a
table into Excel."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import matplotlib
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import ImageFont

from evaltools.publish import docx as word
from evaltools.publish.docx import html_to_docx

from .conftest import SAMPLE_PROJECTS

DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"  # (comes with matplotlib)
DEJAVU_BOLD = DEJAVU.with_name("DejaVuSans-Bold.ttf")
PADDING = 10.5  # a cell's margins (85 twips at each side) and 2 pt of air, in points
A4_TEXT = (210 - 16 - 16) / 25.4 * 72  # the default document's text width: 178 mm = 504,57 pt
NEEDS_LIBREOFFICE = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                       reason="LibreOffice (soffice) or pdftotext is not installed")


def _arial_in_its_own_widths() -> bool:
    """Whether LibreOffice sets Arial, the document's font without a template (and Word's on the evaluator's
    computer), in Arial's widths here: Arial itself, or a font of its metrics (Liberation Sans, Arimo). Where
    fontconfig puts another font in its place (DejaVu Sans, a sixth wider, on a system without
    fonts-liberation2), the columns measured for Arial are too narrow for it and LibreOffice breaks words
    and moves lines that Word keeps. Without fontconfig (Windows, macOS) the system's own Arial is used."""
    found = shutil.which("fc-match")
    if found is None:
        return True
    family = subprocess.run([found, "-f", "%{family}", "Arial"], capture_output=True, text=True).stdout
    return any(name.strip().lower() in word.ARIAL_METRICS for name in family.split(","))


# a test of LibreOffice's layout of a document in Arial: skipped where Arial would be set in another font's widths
NEEDS_ARIALS_WIDTHS = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None or not _arial_in_its_own_widths(),
    reason="LibreOffice (soffice) or pdftotext is not installed, or Arial would be set in another font's widths "
           "(apt-get install fonts-liberation2)")


def _page(body: str, lang: str = "sv") -> str:
    return f"<html lang='{lang}'><body><main><h1>Testprojektet</h1><h2>Kostnader</h2>{body}</main></body></html>"


def _doc(page: str, template: Path | None = None, lang: str = "sv"):
    data = html_to_docx(page, None, lang, "Testprojektet", "Testförbundet", template=template)
    assert data is not None
    return docx.Document(io.BytesIO(data))


def _template(tmp_path: Path, font: str) -> Path:
    """python-docx's own document (US Letter, 1,25 in margins: 6 in = 432 pt of text) in ``font``."""
    template = docx.Document()
    template.styles["Normal"].font.name = font
    template.save(str(tmp_path / "mall.docx"))
    return tmp_path / "mall.docx"


def _points(font: Path, text: str, size: float) -> float:
    """``text`` on one line in ``font`` at ``size`` points, measured by FreeType (Pillow) at 2048 px to
    the em (DejaVu's own units): a measurement independent of the writer's, which reads the font's
    tables with fontTools."""
    return ImageFont.truetype(str(font), 2048).getlength(text) / 2048 * size


_AMOUNT = ("<table class='et-table'><thead><tr><th class='txt'>Uppgift</th><th class='num'>Värde</th></tr></thead>"
           "<tbody><tr><td class='txt'>Beviljat av samordningsförbundet</td><td class='num'>1 276 000 kr</td></tr>"
           "</tbody></table>")


# ------------------------------------------------------------------ the template font's own widths


def test_an_installed_template_font_is_measured_in_its_own_widths(tmp_path):
    # DejaVu Sans's advance widths (units of 2048 to the em): digits 1303, space 651, k 1186, r 842, so
    # "1 276 000 kr" = 7 * 1303 + 3 * 651 + 1186 + 842 = 13 102 units = 6,3975 em; at 8,5 pt 54,38 pt,
    # and the cell's 10,5 pt. (The estimate it replaces, Arial's 5 559 thousandths * 1,18, gave 66,25 pt.)
    expected = 13102 / 2048 * 8.5 + PADDING
    assert _points(DEJAVU, "1 276 000 kr", 8.5) + PADDING == pytest.approx(expected, abs=0.01)
    doc = _doc(_page(_AMOUNT), _template(tmp_path, "DejaVu Sans"))
    assert doc.tables[0].columns[1].width.pt == pytest.approx(expected, abs=0.05)  # 64,88 pt


def test_a_heading_is_measured_in_the_fonts_bold_face(tmp_path):
    # a column of small numbers under a long one-word heading takes the heading's width in DejaVu Sans Bold:
    # N 1714 + e 1389 + t 979 + t 979 + o 1407 + n 1458 + u 1458 + v 1335 + ä 1382 + r 1010 + d 1466 + e 1389
    # = 15 966 units; at 8,5 pt 66,26 pt (regular widths times 1,1 would give 67,2 pt), and the cell's 10,5 pt
    units = 1714 + 1389 + 979 + 979 + 1407 + 1458 + 1458 + 1335 + 1382 + 1010 + 1466 + 1389
    assert _points(DEJAVU_BOLD, "Nettonuvärde", 8.5) == pytest.approx(units / 2048 * 8.5, abs=0.01)
    page = _page("<table class='et-table'><thead><tr><th class='txt'>Projekt</th><th class='num'>Nettonuvärde</th>"
                 "</tr></thead><tbody><tr><td class='txt'>Kompassen</td><td class='num'>7</td></tr></tbody></table>")
    doc = _doc(page, _template(tmp_path, "DejaVu Sans"))
    assert doc.tables[0].columns[1].width.pt == pytest.approx(units / 2048 * 8.5 + PADDING, abs=0.05)  # 76,76 pt


def test_a_template_font_not_installed_is_estimated_from_arials_widths(tmp_path):
    # no such font here: Arial's widths (5 559 thousandths of an em for the amount) a tenth wider, at 8,5 pt
    doc = _doc(_page(_AMOUNT), _template(tmp_path, "Förbundets Egen Grotesk"))
    assert doc.tables[0].columns[1].width.pt == pytest.approx(5559 / 1000 * 1.1 * 8.5 + PADDING, abs=0.05)  # 62,48


def test_the_faces_measured_are_the_upright_normal_width_ones():
    # DejaVu Sans comes in ExtraLight, Book, Bold, Oblique and Condensed faces: Book and Bold are measured
    assert Path(str(word._font_file("dejavu sans", False))).name == "DejaVuSans.ttf"
    assert Path(str(word._font_file("dejavu sans", True))).name == "DejaVuSans-Bold.ttf"
    assert word._font_file("förbundets egen grotesk", False) is None


# ------------------------------------------------------------------ no word broken


def test_a_figures_qualifier_may_wrap_under_it():
    """The portfolio's costs of a running project ("12 892 kr (t.o.m. 2025-12-31)") had their column
    sized for the whole text on one line, so the columns beside it were squeezed and broke their amounts."""
    qualified = ("<td class='num'>12\u00a0892\u00a0kr<span class='et-qual'> (t.o.m. <span class='nw'>2025-12-31"
                 "</span>)</span></td>")
    heads = "".join(f"<th class='num'>{c}</th>" for c in "ABCDEFG")
    amounts = "<td class='num'>\u221212\u00a0345\u00a0678\u00a0kr</td>" * 6
    doc = _doc(_page(f"<table class='et-table'><thead><tr>{heads}</tr></thead><tbody><tr>{qualified}{amounts}"
                     "</tr></tbody></table>"))
    widths = [c.width.pt for c in doc.tables[0].columns]
    # Arial: "−12 345 678 kr" = − 584 + 8 digits * 556 + 3 spaces * 278 + k 500 + r 333 = 6 699 thousandths,
    # at 8,5 pt 56,94 pt, and 10,5 pt: 67,44 pt each. The qualified column needs only its longest piece,
    # "2025-12-31)" = 8 * 556 + 2 * 333 + 333 = 5 447 (46,30 pt + 10,5 pt = 56,80 pt), and takes the rest:
    # 504,57 - 6 * 67,44 = 99,93 pt (all on one line would be 121,05 pt: the table would not fit)
    amount = 6699 / 1000 * 8.5 + PADDING
    assert widths[1:] == pytest.approx([amount] * 6, abs=0.05)
    assert widths[0] == pytest.approx(A4_TEXT - 6 * amount, abs=0.1)
    assert widths[0] >= 5447 / 1000 * 8.5 + PADDING


def test_a_column_of_long_texts_takes_the_room_a_column_of_short_names_does_not_need():
    """The assumptions table gave its column of sources no more room than its column of short names."""
    source = ("verktygets standardvärde, ett antagande utan källa: hela nivån sparas de första tolv månaderna "
              "och ingen utbetalning efter avslut finns att följa")
    page = _page("<table class='et-table'><thead><tr><th class='txt'>Antagande</th><th class='txt'>Källa</th></tr>"
                 f"</thead><tbody><tr><td class='txt'>Tidshorisont</td><td class='txt'>{source}</td></tr></tbody></table>")
    name, sources = (c.width.pt for c in _doc(page).tables[0].columns)
    # Arial: "Tidshorisont" = T 667 + i 222 + d 556 + s 500 + h 556 + o 556 + r 333 + i 222 + s 500 + o 556
    # + n 556 + t 278 = 5 502 thousandths, 46,77 pt at 8,5 pt, and 10,5 pt = 57,27 pt (wider than the bold
    # heading "Antagande", 4 837 * 1,1 = 45,23 + 10,5 pt); the sources, which would take 400 pt and more
    # on one line, get the rest of the page: 504,57 - 57,27 = 447,30 pt
    assert name == pytest.approx(5502 / 1000 * 8.5 + PADDING, abs=0.05)
    assert sources == pytest.approx(A4_TEXT - name, abs=0.1)


# the portfolio's table of costs, eight columns of the report's own words
_COSTS = (
    "<table class='et-table et-wide'><thead><tr><th class='txt'>Projekt</th><th class='num'>Kostnad</th>"
    "<th class='num'>Förbrukat av budget</th><th class='num'>Per deltagare</th><th class='num'>Per lyckat utfall</th>"
    "<th class='num'>Nettonuvärde, offentliga finansiärer</th><th class='num'>Nettonuvärde, samhället</th>"
    "<th class='num'>Nytta/kostnad, offentliga finansiärer</th></tr></thead><tbody>"
    "<tr class='et-group'><th colspan='8'>Projekt med resultat</th></tr>"
    "<tr><td class='txt'>Specialistteamet (pågår)</td><td class='num'>3\u00a0705\u00a0667\u00a0kr</td>"
    "<td class='num'>94\u00a0%</td><td class='num'>12\u00a0892\u00a0kr<span class='et-qual'> (t.o.m. "
    "<span class='nw'>2025-12-31</span>)</span></td><td class='num'>34\u00a0256\u00a0kr<span class='et-qual'> (t.o.m. "
    "<span class='nw'>2025-12-31</span>)</span></td><td class='num'>3\u00a0406\u00a0601\u00a0kr</td>"
    "<td class='num'>\u22122\u00a0532\u00a0536\u00a0kr</td><td class='num'>1,96</td></tr>"
    "<tr><td class='txt'>Samverkan i praktiken (fiktivt exempel) (strukturinriktad, utkast)</td>"
    "<td class='num'>1\u00a0998\u00a0904\u00a0kr</td><td class='num'>–</td><td class='num'>–</td><td class='num'>–</td>"
    "<td class='num'>\u22121\u00a0029\u00a0283\u00a0kr</td><td class='num'>\u22125\u00a0553\u00a0268\u00a0kr</td>"
    "<td class='num'>0,57</td></tr></tbody></table>")


def _pieces(cell_html) -> list[tuple[str, bool]]:
    """What may not be broken in a cell of :data:`_COSTS`: a figure whole, each word of a text or heading."""
    from bs4 import BeautifulSoup
    cell = BeautifulSoup(str(cell_html), "html.parser").find(["td", "th"])
    bold = cell.name == "th"
    for q in cell.select(".et-qual"):
        qualifier = q.extract().get_text().split()
        return [(cell.get_text().strip(), bold)] + [(x, bold) for x in qualifier]
    if "num" in (cell.get("class") or []) and not bold:
        return [(cell.get_text().strip(), bold)]
    return [(x, bold) for x in re.split(r"[ \n]+", cell.get_text().strip()) if x]


def test_an_eight_column_table_in_a_wide_font_breaks_no_word(tmp_path):
    """DejaVu Sans sets text about a fifth wider than Arial, and python-docx's own document has 432 pt
    between its margins: the portfolio's table of costs needs more, so it reaches into the margins, as
    far into the left one as into the right, rather than break Nettonuvärde or an amount before 'kr'."""
    from bs4 import BeautifulSoup
    doc = _doc(_page(_COSTS), _template(tmp_path, "DejaVu Sans"))
    table = doc.tables[0]
    widths = [c.width.pt for c in table.columns]
    rows = BeautifulSoup(_COSTS, "html.parser").find_all("tr")
    for tr in rows:
        cells = tr.find_all(["td", "th"])
        if len(cells) != 8:
            continue  # (the group row spans the table)
        for col, cell in enumerate(cells):
            for text, bold in _pieces(cell):
                # the wide table's text is 7,5 pt (a point under Report Table's 8,5 pt)
                need = _points(DEJAVU_BOLD if bold else DEJAVU, text, 7.5) + PADDING
                assert need <= widths[col] + 0.05, (text, need, widths[col])
    section = doc.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 12700
    assert text_width == pytest.approx(432, abs=0.01)
    assert sum(widths) > text_width
    indent = table._tbl.tblPr.find(qn("w:tblInd"))
    reach = -int(indent.get(qn("w:w"))) / 20  # twips -> points
    assert reach == pytest.approx((sum(widths) - text_width) / 2, abs=0.1)
    # at least 12 mm of paper left at either side
    left = section.left_margin.pt - reach
    right = section.page_width.pt - section.left_margin.pt - sum(widths) + reach
    assert min(left, right) >= Mm(12).pt - 0.1
    # a table that fits is not moved
    assert _doc(_page(_AMOUNT), _template(tmp_path, "DejaVu Sans")).tables[0]._tbl.tblPr.find(qn("w:tblInd")) is None


def _fragments(docx_path: Path, tmp_path: Path) -> set[str]:
    """The words LibreOffice shows that are not words of the document: the pieces of words it broke
    (a word broken at its own hyphen, "12-månaders", is whole; the page footer's words are the footer's)."""
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
                          capture_output=True, timeout=300)
    pdf = tmp_path / f"{docx_path.stem}.pdf"
    if done.returncode or not pdf.exists():
        pytest.skip("LibreOffice could not convert the document here")
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    doc = docx.Document(str(docx_path))
    text = " ".join(t.text or "" for part in [doc.element.body] + [s.footer._element for s in doc.sections]
                    for t in part.iter(qn("w:t")))
    words = set(re.findall(r"[^\W_]+", text)) | {"Sida", "av", "Page", "of"}
    # (a line broken at a word's own hyphen reads as the word without it: "person-years", "personyears")
    words |= {a + b for a, b in re.findall(r"([^\W_]+)[-\u2011]([^\W_]+)", text)}
    return {w for w in set(re.findall(r"[^\W_]+", shown)) - words if not w.isdigit()}


@NEEDS_LIBREOFFICE
def test_libreoffice_breaks_no_word_of_the_eight_column_table_in_dejavu_sans(tmp_path):
    path = tmp_path / "kostnader.docx"
    html_to_docx(_page(_COSTS), path, "sv", "Testprojektet", "Testförbundet", template=_template(tmp_path, "DejaVu Sans"))
    assert _fragments(path, tmp_path) == set()


# ------------------------------------------------------------------ the samples, as the evaluator goes on


@pytest.fixture(scope="module")
def documents(sample_reports, sample_reports_en) -> dict[str, Path]:
    """Every sample's and the portfolio's Word document in Swedish and English (rendered once per run)."""
    out = {}
    for lang, reports in (("sv", sample_reports), ("en", sample_reports_en)):
        for pid in (*SAMPLE_PROJECTS, "portfolio"):
            folder = reports.out / pid if lang == "sv" else reports.out / pid / "en"
            out[f"{pid}/{lang}"] = folder / f"{pid}.docx"
    return out


@NEEDS_ARIALS_WIDTHS
@pytest.mark.usefixtures("worker_zygote")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_libreoffice_breaks_no_word_of_the_portfolio(documents, lang, tmp_path):
    """The portfolio's table of costs broke Specialistteamet, Nettonuvärde and its amounts before 'kr'."""
    assert _fragments(documents[f"portfolio/{lang}"], tmp_path) == set()


def _outline_level(doc, style_id: str | None) -> int | None:
    """The outline level a paragraph style gives (its own, else the style it is based on)."""
    by_id = {s.style_id: s for s in doc.styles}
    style = by_id.get(style_id or "")
    while style is not None:
        ppr = style.element.pPr
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is not None:
            return int(level.get(qn("w:val")))
        style = style.base_style
    return None


@pytest.mark.usefixtures("worker_zygote")
def test_updating_the_fields_gives_the_table_of_contents_and_captions_already_shown(documents):
    """What Word shows after *Update field* (F9) is what the document already shows: its table of
    contents lists the paragraphs Word's ``TOC \\o "2-3" \\u`` collects (outline levels 2 and 3, from
    their styles), and the charts' ``SEQ`` fields count 1, 2, 3 … in the order the captions say."""
    for key, path in documents.items():
        doc = docx.Document(str(path))
        body = doc.element.body
        sdt = next(s for s in body.iter(qn("w:sdt")) if s.find(f".//{qn('w:docPartGallery')}") is not None)
        shown = [("".join(t.text or "" for t in link.iter(qn("w:t")) if t.getparent().find(qn("w:tab")) is None))
                 for link in sdt.iter(qn("w:hyperlink"))]
        collected = [p for p in body.iterchildren(qn("w:p"))
                     if _outline_level(doc, p.style) in (1, 2) and "".join(p.itertext()).strip()]
        assert shown == ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in collected], key
        assert all(_outline_level(doc, p.style) != 1 for p in sdt.iter(qn("w:p"))), key  # (its heading not listed)
        numbers, tables = [], []
        for p in body.iter(qn("w:p")):
            runs = list(p.iter(qn("w:r")))
            instr = [r.find(qn("w:instrText")).text.split() for r in runs if r.find(qn("w:instrText")) is not None]
            if instr and instr[0][0] == "SEQ":
                kinds = [r.find(qn("w:fldChar")).get(qn("w:fldCharType")) if r.find(qn("w:fldChar")) is not None
                         else None for r in runs]
                result = runs[kinds.index("separate") + 1:kinds.index("end")]
                number = int("".join(t.text for r in result for t in r.iter(qn("w:t"))))
                if instr[0][1] == ("Tabell" if key.endswith("/sv") else "Table"):  # (a table's caption: counted apart)
                    tables.append(number)
                    continue
                numbers.append(number)
                assert instr[0][1] == ("Figur" if key.endswith("/sv") else "Figure"), key
        assert numbers == list(range(1, len(numbers) + 1)), key
        assert tables == list(range(1, len(body.findall(qn("w:tbl"))) + 1)), key
        pictures = len(list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline")))
        assert len(numbers) == pictures, key


@pytest.mark.usefixtures("worker_zygote")
def test_a_new_style_set_reaches_every_paragraph_and_table(documents):
    """A style set (Design › Style Set) or a changed Normal style reaches the whole text: no run sets a font,
    size or colour of its own (code in Courier New excepted), the table text's styles are based on Normal,
    and no table has a fixed layout, so that Word fits its columns again to the new font."""
    for key, path in documents.items():
        doc = docx.Document(str(path))
        body = doc.element.body
        for r in body.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                continue
            assert rpr.find(qn("w:sz")) is None and rpr.find(qn("w:color")) is None, key
            fonts = rpr.find(qn("w:rFonts"))
            assert fonts is None or fonts.get(qn("w:ascii")) == "Courier New", key
        chain = []
        style = doc.styles["Report Table Wide"]
        while style is not None:
            chain.append(style.name)
            style = style.base_style
        assert chain == ["Report Table Wide", "Report Table", "Normal"], key
        for tbl in body.iter(qn("w:tbl")):
            layout = tbl.tblPr.find(qn("w:tblLayout"))
            assert layout is None or layout.get(qn("w:type")) != "fixed", key


@pytest.mark.usefixtures("worker_zygote")
def test_a_pasted_table_keeps_its_rows_and_swedish_numbers(documents):
    """A table copied from Word into Excel keeps its rows: every cell is one paragraph without line
    breaks or tabs (each would start a new row or cell in Excel). Its numbers are Swedish ones, with a
    no-break space between thousands (Windows' Swedish digit grouping) and a decimal comma."""
    for key, path in documents.items():
        doc = docx.Document(str(path))
        for tbl in doc.element.body.iter(qn("w:tbl")):
            for tc in tbl.iter(qn("w:tc")):
                assert len(tc.findall(qn("w:p"))) == 1, key
                assert tc.find(f".//{qn('w:br')}") is None and tc.find(f".//{qn('w:tab')}") is None, key
        if key.endswith("/sv"):
            amounts = [c.text for t in doc.tables for row in t.rows[1:] for c in row.cells
                       if c.paragraphs[0].alignment is not None and re.fullmatch(r"[−-]?[\d\u00a0]+ ?\u00a0?kr", c.text)]
            assert amounts, key
            for text in amounts:
                assert re.fullmatch(r"−?\d{1,3}(\u00a0\d{3})*\u00a0kr", text), (key, text)
