"""A board member's reading of the printed reports, round 38.

Vägen ut's page 6 ended some 80 mm early: the chart "Andel lyckade utfall per grupp" (114 mm with its heading and
caption) did not fit in the rest of the page and moved to the next, and the paragraph and short table after it
were held behind it. The printed report now lets what follows a chart in its part of the section fill that page
(:mod:`evaltools.publish.fill`), the chart after it; a table moved so may break, its header with its first rows.
"""
from __future__ import annotations

import re
import subprocess

import pytest


CAPTION = "Figur 3. Diagram över andel lyckade utfall per grupp."
INTRO = "Justerat för att fyra uppdelningar prövas samtidigt är skillnaden inte tydlig."
PAGE_TEXT_MM = 259  # A4's 297 mm less the page's margins of 18 and 20 mm


def _chart_html(height_in: float) -> str:
    import matplotlib.pyplot as plt

    from evaltools.present.display import figure_html
    fig, ax = plt.subplots(figsize=(6.3, height_in))
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = CAPTION
    return figure_html(fig)


def _table_html(rows: int) -> str:
    import pandas as pd

    from evaltools.present.display import Table
    frame = pd.DataFrame({"Grupp": [f"Grupp nummer {i}" for i in range(1, rows + 1)],
                          "Andel": [f"{10 + i},0 %" for i in range(1, rows + 1)]})
    return Table(frame, numeric=("Andel",))._repr_html_()


def _page(space_mm: int, chart_in: float = 4.6, rows: int = 10, after: bool = True) -> str:
    """A report's page: an empty box ``space_mm`` high, then a subsection: its heading, a chart, and (``after``)
    a paragraph and a table of ``rows`` rows, as the outcomes section shows the shares per group."""
    import nbformat

    from evaltools.present.display import Text
    from evaltools.present.markup import markup, render as render_template
    from evaltools.publish import render
    parts = [Text([], "Andel lyckade utfall per grupp", 3)._repr_html_(), _chart_html(chart_in)]
    if after:
        parts += [Text([INTRO])._repr_html_(), _table_html(rows)]
    block = f"<div style='height: {space_mm}mm'></div>" + render_template("block.html.j2", parts=[markup(p) for p in parts])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": block, "text/plain": "x"})])])
    return render.notebook_to_html(nb, "sv", "Test")


def _printed(page: str, tmp_path) -> tuple[str, list[str]]:
    """The page as printed and the PDF's text per page (pdftotext)."""
    from evaltools.publish import render
    pdf = tmp_path / "r.pdf"
    printed, _ = render.print_report(page, pdf, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return printed, text.split("\f")[:-1]


def _page_of(pages: list[str], text: str) -> int:
    return min(i for i, p in enumerate(pages) if text in p)


def test_the_text_and_table_after_a_chart_fill_the_page_it_leaves(tmp_path):
    # 150 mm of the page's 259 mm taken: 109 mm left. The chart is printed 160 mm wide (6.3 in) and
    # 160 × 4.6 / 6.3 = 117 mm high, more than is left, so it goes to page 2. The paragraph (one line, some 6 mm)
    # and the table (a header and 10 rows of some 6 mm, about 70 mm) with the heading (some 10 mm) take about
    # 86 mm: they fit in the 109 mm and come first; the chart follows them on page 2.
    page = _page(150)
    printed, pages = _printed(page, tmp_path)
    assert len(pages) == 2
    assert _page_of(pages, "Andel lyckade utfall per grupp") == 0
    assert _page_of(pages, INTRO) == 0
    assert _page_of(pages, "Grupp nummer 1 ") == 0 and _page_of(pages, "Grupp nummer 10") == 0
    assert _page_of(pages, "Figur 3.") == 1
    # the HTML file (no pages) keeps the chart where the section put it, as it is without a PDF: the page as given
    assert printed == page and "data-et-fill" not in printed


def test_a_chart_that_fits_stays_where_it_is(tmp_path):
    # 60 mm taken: 199 mm left, the heading and the 117 mm chart with its caption (some 135 mm) fit; nothing moves
    page = _page(60)
    printed, pages = _printed(page, tmp_path)
    assert printed.index("<figure") < printed.index(INTRO)
    assert _page_of(pages, "Figur 3.") == 0


def test_a_chart_ending_its_section_has_nothing_to_wait_for(tmp_path):
    page = _page(150, after=False)
    printed, pages = _printed(page, tmp_path)
    assert printed == page
    assert _page_of(pages, "Figur 3.") == 1


def test_a_long_table_moved_before_the_chart_breaks_with_its_header_and_first_rows(tmp_path):
    # 190 mm taken: 69 mm left. The heading, the paragraph and the table's header (some 25 mm) leave room for
    # about six of the ten rows: the table, short (10 rows) and so kept whole where it stood after the chart, may
    # break once it comes first: its header and first rows end page 1, the rest and the chart follow on page 2,
    # and page 1 no longer ends a chart's height (the 69 mm) early
    page = _page(190)
    _, pages = _printed(page, tmp_path)
    assert _page_of(pages, "Grupp nummer 1 ") == 0 and _page_of(pages, "Grupp nummer 3 ") == 0
    assert _page_of(pages, "Grupp nummer 10") == 1 and _page_of(pages, "Figur 3.") == 1
    assert "Grupp" in pages[1].split("Grupp nummer")[0]  # (the header printed again above the rest)


def test_after_what_follows_stops_at_the_next_heading_and_chart():
    from evaltools.publish.fill import after_what_follows, marked
    page = marked("<div class='et-block'><h3>A</h3><figure class='et-fig'><img src='x'></figure><p>B</p>"
                  "<table class='et-table et-short'><tr><td>C</td></tr></table><h3>D</h3><p>E</p></div>")
    moved = after_what_follows(page, "1")
    assert moved is not None
    # the paragraph and the table before the chart; the next heading after it
    assert moved.index("<p>B") < moved.index("<table") < moved.index("<figure") < moved.index("<h3>D")
    page = marked("<div class='et-block'><figure class='et-fig'><img src='x'></figure></div><p>X</p>")
    assert after_what_follows(page, "1") is None  # (the chart ends its section)


# --- the notes under the table per actor: points of their own, in a readable size -----------------------------

def test_the_notes_under_the_table_per_actor_are_points_of_their_own():

    from evaltools.present.sections import costbenefit as cb_section

    from .conftest import sample_report
    r = sample_report("timra-vagen-ut", "sv")
    table = cb_section.perspective_table(r)
    # Vägen ut (params/timra-vagen-ut.yaml: no comparison group, a wage subsidy, a skattefaktor of 1,3 and a
    # simulation): how the amounts are counted and the cost shared; the benefits paid instead; why the state pays
    # more; the wage subsidy; the skattefaktor; the simulation's horizon: six points, each a paragraph of its own
    starts = ("Alla belopp räknas som", "En övergång till ersättning från staten", "Statens nettoresultat är sämre",
              "Statens nytta omfattar också lönestöd", "Kostnaden är aktörens del", "Andelen simuleringar")
    assert [n[:len(s)] for n, s in zip(table.notes, starts)] == list(starts) and len(table.notes) == len(starts)
    html = table._repr_html_()
    assert len(re.findall(r"<p class='et-note et-point'>", html)) == len(starts)
    # the wage subsidy said in two sentences, not three: its reason is the table's own (the employers have no row)
    assert table.notes[3].count(". ") == 1


def test_a_point_is_printed_larger_than_a_note_with_a_bullet():
    import nbformat

    from evaltools.publish import render
    page = render.notebook_to_html(nbformat.v4.new_notebook(), "sv", "Test")
    sizes = dict(re.findall(r"^(p\.et-note\.et-point|\.et-note) \{ font-size: ([\d.]+)pt", page, re.M))
    assert float(sizes["p.et-note.et-point"]) > float(sizes[".et-note"]) == 8.0
    assert re.search(r"p\.et-note\.et-point::before \{ content: \"•", page)


# --- page 1: why the state's figure is what it is -----------------------------------------------------------------

def _page_one(report) -> str:
    from evaltools.present.sections import summary

    from .conftest import shown_chunks
    return " ".join(shown_chunks(summary.blocks(report))).replace("\u00a0", " ")


@pytest.mark.parametrize("lang, said", [
    ("sv", ", eftersom 2 av de 4 som lämnade försörjningsstödet gick till en ersättning som staten betalar i stället "
           "för kommunen"),
    ("en", ", because 2 of the 4 who left social assistance moved to a benefit the state pays instead of the "
           "municipality"),
])
def test_page_one_says_why_the_state_pays(tmp_path, lang, said):
    import evaltools as et
    from evaltools.present.sections import costbenefit as cb_section

    from .test_ledger_by_hand import _project
    # tests/test_ledger_by_hand.py's project: four leave försörjningsstöd (A arbete, B sjuk-/aktivitetsersättning,
    # C studier, F arbete med stöd); B's and C's benefits the state pays instead: 2 of the 4. At a rate of 0 the
    # state pays −(B's and C's saved levels and F's wage subsidy) − its 90 000 kr share of the cost: it pays.
    r = et.Report(_project(tmp_path, 0.0), lang=lang)
    page = _page_one(r)
    assert page.count(said) == 1
    # said after the state's own result (its assumptions in brackets before it), as the last of the three actors
    state = "staten betalar" if lang == "sv" else "the state pays"
    assert page.index(state) < page.index(said)
    # the same count as the table per actor's note gives
    note = " ".join(cb_section.perspective_table(r).notes).replace("\u00a0", " ")
    assert ("2 av de 4 som lämnade" if lang == "sv" else "2 of the 4 who left") in note


def test_page_one_says_why_without_a_hidden_count(tmp_path):
    import evaltools as et

    from .test_ledger_by_hand import _project
    # with a threshold of 3 the 2 of 4 (and the 2 others) are hidden: the reason is given without counts, in the
    # words the table per actor's note uses (tests/test_ledger_by_hand.py)
    path = _project(tmp_path, 0.0)
    path.write_text(path.read_text(encoding="utf-8").replace("min_count: 2", "min_count: 3"), encoding="utf-8")
    page = _page_one(et.Report(path))
    assert page.count(", eftersom några av dem som lämnade försörjningsstödet gick till en ersättning som staten "
                      "betalar i stället för kommunen") == 1
    assert "2 av de 4" not in page
