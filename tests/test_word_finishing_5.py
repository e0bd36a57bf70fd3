"""The Word document as an evaluator and the board read it, fifth round: page 1 set as the PDF sets it
(a little smaller and closer), so that it keeps to its own page and the table of contents does not
follow a page holding only page 1's last line; and a paragraph of text right before a table or a
chart stays on the page of what it introduces, as the PDF keeps it (not only the one right under a
heading)."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from evaltools.publish.docx import html_to_docx

from .test_word_finishing_4 import NEEDS_ARIALS_WIDTHS

_PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
_CHART = (f"<figure class='et-fig'><img alt='Diagram över nettonuvärdet: 3 miljoner kr' style='width:2.00in' "
          f"src='data:image/png;base64,{_PIXEL}'><figcaption>Figur 1. Diagram över nettonuvärdet.</figcaption></figure>")


def _doc(page: str, template: Path | None = None):
    data = html_to_docx(page, None, "sv", "T", "F", template=template)
    assert data is not None
    return docx.Document(io.BytesIO(data))


# ------------------------------------------------------------------ page 1 as the PDF sets it


_PAGE_ONE = """<html><body><main><h1>Projektet</h1><p class='et-sub'>Förbundet · 2024-04-01 – 2026-12-31</p>
<h2 class='et-lead'>Sammanfattning</h2><h3 class='et-lead'>Nådde projektet sina mål?</h3>
<p class='et-lead'>Projektet har haft 12 deltagare.</p><p class='et-lead'>Minst 10 deltagare per år: uppnått.</p>
<div class='et-evaluator et-lead'><p>Projektet nådde sina mål.</p></div>
<p class='et-note'>Hur siffrorna är beräknade står i bilagan sist i rapporten.</p>
<h2>Om projektet</h2><p>Vanlig text i ett avsnitt.</p><div class='et-evaluator'><p>Utvärderarens text.</p></div>
</main></body></html>"""


def test_page_ones_text_is_set_as_the_pdf_sets_it():
    doc = _doc(_PAGE_ONE)
    style = {p.text: p.style.name for p in doc.paragraphs if p.text}
    for text in ("Projektet har haft 12 deltagare.", "Minst 10 deltagare per år: uppnått."):
        assert style[text] == "Report Lead", text
    # the evaluator's assessment on page 1 too: in page 1's look (its style is based on Report Lead's), with the rule
    assert style["Projektet nådde sina mål."] == "Report Evaluator Lead"
    assert doc.styles["Report Evaluator Lead"].base_style.name == "Report Lead"
    assert style["Sammanfattning"] == "Heading 2" and style["Nådde projektet sina mål?"] == "Heading 3"
    assert style["Hur siffrorna är beräknade står i bilagan sist i rapporten."] == "Report Note"
    assert style["Vanlig text i ett avsnitt."] == "Normal" and style["Utvärderarens text."] == "Report Evaluator"
    assert doc.styles["Report Evaluator"].base_style.name == "Normal"
    lead = doc.styles["Report Lead"]
    # the PDF's .et-lead: 9,5 pt against the body's 10 pt (10 × 0,95 = 9,5), 0,35 mm (1 pt) above and below
    # where the body's paragraphs have 2 pt above and 3 pt below
    assert lead.font.size == Pt(9.5)
    assert lead.paragraph_format.space_before == Pt(1) and lead.paragraph_format.space_after == Pt(1)
    assert lead.base_style.name == "Normal" and not lead.builtin
    # nothing in the body sets a size of its own: a style set still reaches page 1
    assert all(r.font.size is None for p in doc.paragraphs for r in p.runs)


def test_a_templates_page_one_is_set_from_its_own_text_size(tmp_path):
    template = docx.Document()
    template.styles["Normal"].font.size = Pt(12)
    template.save(str(tmp_path / "mall.docx"))
    # 12 pt × 0,95 = 11,4 pt, to Word's half points: 11,5 pt
    assert _doc(_PAGE_ONE, tmp_path / "mall.docx").styles["Report Lead"].font.size == Pt(11.5)
    own = docx.Document()
    own.styles.add_style("Report Lead", 1).font.size = Pt(8)
    own.save(str(tmp_path / "egen.docx"))
    assert _doc(_PAGE_ONE, tmp_path / "egen.docx").styles["Report Lead"].font.size == Pt(8)  # the template's own


# ------------------------------------------------------------------ a lead stays with what it leads


_LEADS = f"""<html><body><main><h1>T</h1><h2>Bilaga</h2><h3>Datakvalitet</h3>
<p>Inläsningen hittade inga problem i data.</p><p>Referensvärden som är uppskattade eller osäkra:</p>
<table class='et-table'><thead><tr><th>År</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>
<h3>Känslighetsanalys</h3><p>Nettonuvärdet när ett antagande i taget sätts lågt och högt.</p>
<p>Den svarta linjen är kalkylens nettonuvärde.</p>{_CHART}
<p>Stycke mitt i texten.</p><p>Stycke före tabellen med rubrik.</p>
<table class='et-table'><caption>Tabell över kostnaderna</caption><thead><tr><th>Post</th></tr></thead>
<tbody><tr><td>Lön</td></tr></tbody></table>
<p class='et-note'>Belopp i löpande priser.</p>
<table class='et-table'><thead><tr><th>A</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>
<p>Före listan:</p><ul><li>en punkt</li></ul><p>Sista stycket.</p></main></body></html>"""


def test_a_paragraph_right_before_a_table_or_chart_keeps_with_it():
    doc = _doc(_LEADS)
    keep = {p.text: bool(p.paragraph_format.keep_with_next) for p in doc.paragraphs if p.text}
    # right before a table, a chart and a table's caption (the PDF's p + table, p + figure)
    assert keep["Referensvärden som är uppskattade eller osäkra:"]
    assert keep["Den svarta linjen är kalkylens nettonuvärde."]
    assert keep["Stycke före tabellen med rubrik."]
    # a heading's first paragraph before such a lead keeps with it (h3 + p + p): the heading is not left
    # with one paragraph at the foot of the page
    assert keep["Inläsningen hittade inga problem i data."]
    assert keep["Nettonuvärdet när ett antagande i taget sätts lågt och högt."]
    # two paragraphs in the middle of the text, a table's note, text before a list and at the end: free
    assert not keep["Stycke mitt i texten."]
    assert not keep["Belopp i löpande priser."]  # (its next table is another's)
    assert not keep["Före listan:"] and not keep["Sista stycket."]


# ------------------------------------------------------------------ the samples in LibreOffice


def _pages(document: Path, tmp_path: Path) -> list[str]:
    """The document's pages as LibreOffice lays them out (converted to PDF headless), each page's text."""
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(document)], check=True, capture_output=True, timeout=240)
    out = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{document.stem}.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]


def _page_of(pages: list[str], text: str) -> int:
    found = [i for i, page in enumerate(pages) if text in page]
    assert len(found) == 1, (text, found)
    return found[0]


@NEEDS_ARIALS_WIDTHS
@pytest.mark.usefixtures("worker_zygote")
def test_libreoffice_keeps_specialistteamets_page_one_and_leads_on_their_pages(sample_reports, tmp_path):
    """Page 1 filled its page and its last line ("Hur siffrorna ...") was alone on page 2 before the
    table of contents; the appendix's sentence before the table of reference values was at the foot
    of one page and its table on the next."""
    pid = "eskilstuna-specialistteamet"
    pages = _pages(sample_reports.out / pid / f"{pid}.docx", tmp_path)
    assert _page_of(pages, "Hur siffrorna är beräknade står i bilagan sist i rapporten.") == 0
    assert pages[1].startswith("Innehåll")
    lead = _page_of(pages, "Referensvärden som är uppskattade eller osäkra:")
    assert lead == _page_of(pages, "Referensvärde Värde Säkerhet")  # the table's header row
    assert lead == _page_of(pages, "Datakvalitet Inläsningen")  # (its heading and first sentence with it)


@NEEDS_ARIALS_WIDTHS
@pytest.mark.usefixtures("worker_zygote")
def test_libreoffice_keeps_the_english_drafts_page_one_and_its_chart_lead(sample_reports_en, tmp_path):
    """The English draft's page 1 (with the draft's box and the place to write) spilled its last line
    onto page 2; the sensitivity analysis' second sentence was at the foot of a page, its chart on the next."""
    pid = "sprangbradan-demo"
    pages = _pages(sample_reports_en.out / pid / "en" / f"{pid}.docx", tmp_path)
    assert _page_of(pages, "How the figures are calculated is set out in the appendix at the end of the report.") == 0
    assert pages[1].split("DRAFT", 1)[-1].strip().startswith("Contents")
    lead = _page_of(pages, "The black line is the calculation's net present value")
    assert lead == _page_of(pages, "Figure 7.")  # the chart's caption, under the chart
