"""A heading and its text left as the last lines of a printed page, the chart they lead to starting the next: the
print rules let a tall chart with a table after it go to the next page alone (Nästa steg's "Deltagare"), and a
reader found the heading with nothing of its own under it (Specialistteamet's, Språngbrädan's and Vägen ut's
"Deltagare", the sensitivity analysis). The heading, its text and the chart are now bound to go to the next page
together, in the one layout more that :mod:`evaltools.publish.fill` makes, kept where it costs no page.
"""
from __future__ import annotations

import subprocess

import pytest

HEADING = "Deltagare"
INTRO = "Vilka som deltog. Antal under 5 visas som <5."
CAPTION = "Figur 4. Stapeldiagram över antalet deltagare per grupp."
PAGE_TEXT_MM = 259  # A4's 297 mm less the page's margins of 18 and 20 mm


# --- the marks, on small pages --------------------------------------------------------------------------------

def _marked(body: str) -> str:
    from evaltools.publish.fill import marked
    return marked(f"<div class='et-block'>{body}</div>")


CHART = "<figure class='et-fig'><img src='x.png'/></figure>"


def test_a_heading_its_paragraphs_and_its_chart_are_bound():
    from evaltools.publish.fill import BOUND, bound_to_its_chart, unmarked
    body = f"<p>Före</p><h2>Deltagare</h2><p>Ett <b>två</b></p><p>Tre</p>{CHART}<p>Efter</p>"
    page = _marked(body)
    bound = bound_to_its_chart(page, "1")
    assert bound is not None
    # the heading, both paragraphs and the chart: four; not the paragraph before the heading, nor the one after
    assert bound.count(f'{BOUND}=""') == 4
    assert f"<p {BOUND}=\"\">Före" not in bound and "<p>Före</p>" in bound and "<p>Efter</p>" in bound
    assert f'<h2 {BOUND}="">Deltagare' in bound and f'<p {BOUND}="">Tre' in bound
    assert f"class='et-fig' {BOUND}=\"\"><img" in bound
    # the HTML file keeps none of it
    assert unmarked(bound) == f"<div class='et-block'>{body}</div>"


@pytest.mark.parametrize("body", [
    f"<h2>A</h2><table class='et-table'><tr><td>1</td></tr></table>{CHART}",  # a table between
    f"<h2>A</h2><ul><li>1</li></ul>{CHART}",  # a list between
    f"<h3>A</h3><h4>B</h4><p>C</p>{CHART}",  # a lower heading between
    f"<p>Inget rubrik</p>{CHART}",  # no heading at all
])
def test_nothing_is_bound_but_a_heading_and_paragraphs(body):
    from evaltools.publish.fill import bound_to_its_chart
    assert bound_to_its_chart(_marked(body), "1") is None


def test_a_heading_in_another_section_is_not_bound():
    from evaltools.publish.fill import bound_to_its_chart, marked
    page = marked(f"<div class='et-block'><h2>A</h2><p>B</p></div><div class='et-block'>{CHART}</div>")
    assert bound_to_its_chart(page, "1") is None


def test_the_print_rules_keep_what_is_bound_together():
    import re

    import nbformat

    from evaltools.publish import render
    css = render.notebook_to_html(nbformat.v4.new_notebook(), "sv", "Test")
    # more weighty than the rules that let a chart go alone (those name its class and the elements before it)
    assert re.search(r"\.et-block > \[data-et-bound\] \+ \[data-et-bound\] \{ break-before: avoid !important; \}",
                     css)


# --- a report's page, printed ---------------------------------------------------------------------------------

def _page(space_mm: int, rows: int) -> str:
    """A report's page: an empty box ``space_mm`` high, then a section as the participants' is shown: a heading,
    a line, a tall chart (160 × 4.6 / 6.3 = 117 mm printed) and a table of ``rows`` rows."""
    import matplotlib.pyplot as plt
    import nbformat
    import pandas as pd

    from evaltools.present.display import Table, Text, figure_html
    from evaltools.present.markup import markup, render as render_template
    from evaltools.publish import render
    fig, ax = plt.subplots(figsize=(6.3, 4.6))
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = CAPTION
    frame = pd.DataFrame({"Kategori": [f"Kategori nummer {i}" for i in range(1, rows + 1)],
                          "Antal": [str(10 + i) for i in range(1, rows + 1)]})
    parts = [Text([INTRO], HEADING)._repr_html_(), figure_html(fig), Table(frame, numeric=("Antal",))._repr_html_()]
    plt.close(fig)
    block = f"<div style='height: {space_mm}mm'></div>" + render_template("block.html.j2",
                                                                          parts=[markup(p) for p in parts])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": block, "text/plain": "x"})])])
    return render.notebook_to_html(nb, "sv", "Test")


def _laid_out(page: str, tmp_path):
    """``page`` laid out as the PDF printer first lays it out (before :func:`evaltools.publish.fill.fill`)."""
    from evaltools.publish import fill, render
    with render._printer() as lay_out:
        return lay_out(fill.marked(page), tmp_path)


def _text_pages(document) -> list[str]:
    from .conftest import page_text_boxes
    return [" ".join(t for t, *_ in boxes) for boxes in page_text_boxes(document)]


def _page_of(pages: list[str], text: str) -> int:
    return min(i for i, p in enumerate(pages) if text in p)


def _printed(page: str, tmp_path) -> tuple[str, list[str]]:
    """The page as printed and the PDF's text per page (pdftotext)."""
    from evaltools.publish import render
    pdf = tmp_path / "r.pdf"
    printed, _ = render.print_report(page, pdf, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return printed, text.split("\f")[:-1]


def test_a_heading_left_above_its_chart_goes_to_the_next_page_with_it(tmp_path):
    # 200 mm of the page's 259 mm taken: 59 mm left. The heading and its line (some 20 mm) fit; the chart (117 mm
    # and its caption) does not, and the print rules let it go alone: the heading ends page 1 above it
    page = _page(200, 14)
    first = _text_pages(_laid_out(page, tmp_path))
    assert _page_of(first, HEADING) == 0 and _page_of(first, INTRO) == 0 and _page_of(first, "Figur 4.") == 1
    assert len(first) == 2  # (page 2: the chart, some 125 mm, and the table of 14 rows, some 95 mm, fit)
    printed, pages = _printed(page, tmp_path)
    # bound: the heading and its line start page 2 above the chart, and the pages are as many
    assert len(pages) == 2
    assert _page_of(pages, HEADING) == _page_of(pages, INTRO) == _page_of(pages, "Figur 4.") == 1
    assert printed == page and 'data-et-bound=""' not in printed  # (the HTML file as its section wrote it)


def test_a_heading_stays_above_its_chart_where_binding_would_cost_a_page(tmp_path):
    from evaltools.publish import fill
    # the same section with a longer table: the rows that end page 2 in the first layout leave less room under
    # them than the heading and its line take, so that bound, the heading and line would push the table's last
    # rows onto a third page: the report is printed as it was laid out first
    for rows in range(14, 40):
        document = _laid_out(_page(200, rows), tmp_path)
        first = _text_pages(document)
        if len(first) != 2:
            continue
        heading = [b for b in fill._blocks(document.pages[0]) if b.element_tag == "h2"][-1]
        intro_mm = fill._foot_mm(document.pages[0], heading.position_y) - fill._foot_mm(document.pages[0])
        if fill._foot_mm(document.pages[1]) < intro_mm - 3:
            break
    else:
        pytest.fail("no table long enough to fill page 2 within the heading's height")
    assert _page_of(first, HEADING) == 0 and _page_of(first, "Figur 4.") == 1
    _, pages = _printed(_page(200, rows), tmp_path)
    assert len(pages) == 2
    assert _page_of(pages, HEADING) == 0 and _page_of(pages, "Figur 4.") == 1
