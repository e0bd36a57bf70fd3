"""Large blank areas in the printed report: Nästa steg's page 4 was half empty because "Deltagare" (its heading,
a two-line introduction of the section and a chart some 110 mm tall with the participants' table after it) waited
for page 5 together. A tall chart with a table after it now moves to the next page alone, its heading and opening
text staying where they are; a heading never ends a page without its opening text, and a chart keeps its caption.
A chart that ends its section still moves with its heading and text (tests/test_board_reading_11.py). The page is the report's own template around a section as its
displays write it, under an empty box made taller step by step, so that the section meets the page's foot at
every line (as tests/test_board_reading_32.py does for a section opening on a table).
"""
from __future__ import annotations

import pytest

from .conftest import page_of, page_text_boxes, printed_page

HEADING = "Deltagare"
INTRO = ("Vilka som deltog. Antal under 5 visas som <5; .. betyder att en uppgift döljs för att ett dolt tal annars "
         "kunde räknas fram ur en summa.")
CAPTION = "Figur 4. Stapeldiagram över antalet deltagare per grupp."
FIRST_ROW = "Kategori nummer 1"
PAGE_TEXT_MM = 259  # the page's text area: 297 − 18 − 20 mm


def _chart(width_in: float, height_in: float):
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(width_in, height_in))
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = CAPTION
    return fig


def _section(height_in: float, table: bool = True) -> str:
    import pandas as pd

    from evaltools.present.display import Table, Text, figure_html
    from evaltools.present.markup import markup, render as render_template
    frame = pd.DataFrame({"Kategori": [f"Kategori nummer {i}" for i in range(1, 15)],
                          "Antal": [str(10 + i) for i in range(1, 15)]})
    parts = [Text([INTRO], HEADING)._repr_html_(), figure_html(_chart(6.3, height_in))]
    if table:
        parts.append(Table(frame, numeric=("Antal",))._repr_html_())
    return render_template("block.html.j2", parts=[markup(p) for p in parts])


def _layout(section: str, space_mm: int) -> list[list[tuple[str, float, float]]]:
    """Each page's text boxes (text, top, bottom in mm) for ``section`` under an empty box ``space_mm`` high."""
    return page_text_boxes(printed_page(f"<div style='height: {space_mm}mm'></div>{section}"))


def test_a_chart_is_tall_from_a_third_of_the_printed_page():
    from evaltools.present.display import figure_html
    # 6.3 in wide is 160 mm (6.3 × 25.4), within the text's 170 mm: 4.6 in high prints 160 × 4.6 / 6.3 = 117 mm,
    # 3 in high 160 × 3 / 6.3 = 76 mm; a chart 10 in wide is printed 170 mm wide, 5 in high then 85 mm
    assert "et-tall" in figure_html(_chart(6.3, 4.6))
    assert "et-tall" not in figure_html(_chart(6.3, 3))
    assert "et-tall" not in figure_html(_chart(10, 5))
    assert "et-tall" in figure_html(_chart(10, 5.6))  # 170 × 5.6 / 10 = 95 mm


def test_a_tall_chart_moves_alone_and_its_heading_keeps_its_opening_text():
    section = _section(4.6)  # the chart prints about 117 mm high
    free = _layout(section, 0)[0]
    top = min(t0 for t, t0, _ in free if HEADING in t)
    opening = max(t1 for t, _, t1 in free if "summa." in t) - top  # the heading and its introduction
    whole = max(t1 for t, _, t1 in free if "Figur 4." in t) - top  # ... and the chart with its caption
    assert whole > opening + 100
    kept = moved_alone = 0
    for mm in range(80, PAGE_TEXT_MM, 3):
        pages = _layout(section, mm)
        heading, intro_end = page_of(pages, HEADING), page_of(pages, "summa.")
        chart_caption, first_row = page_of(pages, "Figur 4."), page_of(pages, FIRST_ROW)
        # the heading never ends a page without its opening text, and the chart stays with its caption above
        # the table
        assert heading == intro_end, (mm, pages)
        assert chart_caption >= heading and first_row >= chart_caption
        # (7 mm: the heading's margin above it, laid out on the empty page under a box of no height; a band of
        # 4 mm either side of each bound is left to the rounding of the lines' heights)
        if mm + whole + 7 <= PAGE_TEXT_MM - 4:  # everything fits below the box: one page
            assert heading == chart_caption == 0, (mm, whole)
            kept += 1
        elif mm + whole + 7 >= PAGE_TEXT_MM + 4 and mm + opening + 7 <= PAGE_TEXT_MM - 4:
            # only the heading and its text fit: they stay on the page, the chart alone goes to the next (no more
            # than the chart's height is left empty)
            assert (heading, chart_caption) == (0, 1), (mm, opening, whole)
            moved_alone += 1
        elif mm + opening + 7 >= PAGE_TEXT_MM + 4:  # not even the heading and its text fit: they move too
            assert heading == chart_caption == 1, (mm, opening)
    assert kept and moved_alone  # (the box grows through both cases)


@pytest.mark.parametrize("height_in, table", [(3, True), (4.6, False)])
def test_a_short_chart_or_one_ending_its_section_still_moves_with_its_heading(height_in, table):
    # 76 mm (a table after it), or 117 mm ending its section: the heading, its text and the chart move to a page
    # together, as before
    section = _section(height_in, table)
    for mm in range(110, PAGE_TEXT_MM, 4):
        pages = _layout(section, mm)
        assert page_of(pages, HEADING) == page_of(pages, "summa.") == page_of(pages, "Figur 4."), mm

