"""Printed pages that a short table or a chart left half empty: Nästa steg's "Utfall" (a heading, a line and a
table of eleven rows) moved whole to the next page and left 90 mm empty above it, its "Känslighetsanalys" (a
subheading, two paragraphs on the tornado chart, the chart, the simulation's text) as much. A table of up to twelve
rows now breaks as a long one does, its header repeated and at least three rows on each side (one of five rows or
fewer is still never split), and a chart after a subheading and its text may go to the next page alone when text
follows it. A heading is never the last line of a page. A list of facts is still kept whole.

Each page is the report's own template around a section as its displays write it, under an empty box made taller
step by step, so that the section meets the page's foot at every line (as tests/test_page_breaks_5.py does).
"""
from __future__ import annotations

import pytest

from .conftest import page_of, page_text_boxes, printed_page

PAGE_TEXT_MM = 259  # A4's 297 mm less the page's margins of 18 and 20 mm
HEADING = "Utfall"
LINE = "Utfall för de 70 som avslutat sin insats."
COLUMN = "Utfall vid avslut"
ROWS = 10


def _block(parts: list[str]) -> str:
    from evaltools.present.markup import markup, render as render_template
    return render_template("block.html.j2", parts=[markup(p) for p in parts])


def _table_section(rows: int = ROWS, whole: bool = False) -> str:
    """A section opening on a short table: its heading, a line, and a table of ``rows`` rows (Nästa steg's
    "Utfall")."""
    import pandas as pd

    from evaltools.present.display import Table, Text
    frame = pd.DataFrame({COLUMN: [f"Utfall nummer {i}" for i in range(1, rows + 1)],
                          "Antal": [str(10 + i) for i in range(1, rows + 1)]})
    return _block([Text([LINE], HEADING)._repr_html_(), Table(frame, numeric=("Antal",), whole=whole)._repr_html_()])


def _layout(section: str, space_mm: int):
    return printed_page(f"<div style='height: {space_mm}mm'></div>{section}")


def _rows_per_page(pages, rows: int) -> list[int]:
    """How many of the table's rows each page holds."""
    where = [_row_page(pages, i) for i in range(1, rows + 1)]
    return [where.count(p) for p in range(len(pages))]


def _exactly(pages, text: str) -> list[int]:
    """The pages with a box of exactly ``text``."""
    return [p for p, boxes in enumerate(pages) for t, *_ in boxes if t == text]


def _row_page(pages, i: int) -> int:
    return min(_exactly(pages, f"Utfall nummer {i}"))


def _headers_per_page(pages, column: str = COLUMN) -> list[int]:
    return [sum(1 for t, *_ in boxes if t == column) for boxes in pages]


def _heights(section: str, rows: int) -> tuple[float, float]:
    """The section's height (mm) from its heading's top to the foot of its third row, and to the foot of its last
    row, laid out on an empty page."""
    free = page_text_boxes(_layout(section, 0))[0]
    top = min(t0 for t, t0, _ in free if t == HEADING)
    third = max(t1 for t, _, t1 in free if t == "Utfall nummer 3")
    last = max(t1 for t, _, t1 in free if t == f"Utfall nummer {rows}")
    return third - top, last - top


def test_a_short_table_at_a_page_s_foot_breaks_with_its_header_and_three_rows_on_each_side():
    section = _table_section()
    three, whole = _heights(section, ROWS)
    # (a header and ten rows of some 6 mm under a heading and a line: the whole is much taller than the first three
    # rows, so that the box grows through a band where the table must break)
    assert whole > three + 40
    broken = moved = kept = 0
    for mm in range(130, PAGE_TEXT_MM - 20, 4):
        pages = page_text_boxes(_layout(section, mm))
        counts = _rows_per_page(pages, ROWS)
        heading = page_of(pages, HEADING)
        # the heading and its line stay with the table's first row: never a heading alone at a page's foot
        assert heading == page_of(pages, LINE) == _row_page(pages, 1), (mm, counts)
        # (7 mm: the heading's margin above it; a band of 4 mm either side of each bound for the lines' rounding)
        if mm + whole + 7 <= PAGE_TEXT_MM - 4:  # all of it fits below the box: one page
            assert counts[0] == ROWS, (mm, counts)
            kept += 1
        elif mm + whole + 7 >= PAGE_TEXT_MM + 4 and mm + three + 7 <= PAGE_TEXT_MM - 4:
            # the heading, its line, the header and three rows fit, the whole table not: it breaks, no fewer than
            # three rows on each side, its header printed again above the rest (moved whole, it left the rest of
            # the page empty: more than the whole table's height less that of three rows, some 40 mm)
            assert heading == 0 and counts[0] >= 3 and counts[1] >= 3 and sum(counts) == ROWS, (mm, counts)
            assert _headers_per_page(pages)[:2] == [1, 1], mm
            broken += 1
        elif mm + three + 7 >= PAGE_TEXT_MM + 4:
            # not even three rows fit: the heading, its line and the whole table move to the next page, which
            # leaves less empty than the heading, line, header and three rows would take
            assert heading == 1 and counts[1] == ROWS, (mm, counts)
            moved += 1
        # a page never ends in the middle of a row: each row's label and figure on one page, once
        for i in range(1, ROWS + 1):
            assert _exactly(pages, f"Utfall nummer {i}") == _exactly(pages, f"{10 + i}"), (mm, i)
    assert kept and broken and moved  # (the box grows through all three cases)


@pytest.mark.parametrize("rows", [4, 5])
def test_a_table_of_five_rows_or_fewer_is_never_split(rows):
    # three rows on each side take six: a table of five rows or fewer moves whole when it does not fit
    section = _table_section(rows)
    for mm in range(170, PAGE_TEXT_MM - 10, 4):
        counts = _rows_per_page(page_text_boxes(_layout(section, mm)), rows)
        assert max(counts) == rows, (mm, counts)


def test_a_list_of_facts_is_kept_whole():
    # the project's facts are read as one: kept whole on one page however the page falls
    section = _table_section(whole=True)
    assert "et-whole" in section
    for mm in range(160, PAGE_TEXT_MM - 30, 5):
        counts = _rows_per_page(page_text_boxes(_layout(section, mm)), ROWS)
        assert max(counts) == ROWS, (mm, counts)



def _grouped_section() -> str:
    """A goal table: two goals of three periods, then one of one (a label row above each goal's periods)."""
    import pandas as pd

    from evaltools.present.display import Table, Text
    goals = ["Minst 60 deltagare per år"] * 3 + ["Minst 40 ska gå till arbete"] * 3 + ["Alla ska ha en plan"]
    frame = pd.DataFrame({"Mål": goals, "Period": [f"Period {i}" for i in range(1, 8)],
                          "Utfall": [f"{50 + i}" for i in range(1, 8)]})
    return _block([Text([LINE], HEADING)._repr_html_(), Table(frame, numeric=("Utfall",), group="Mål")._repr_html_()])


def test_a_table_s_last_group_may_start_a_page_alone():
    # the last goal (its label and one period) was bound to the goal before it, and the two moved to the next page
    # together, leaving the page above half empty (Kompassen's goals, 52 mm). Each goal is still never split
    section = _grouped_section()
    free = page_text_boxes(_layout(section, 0))[0]
    top = min(t0 for t, t0, _ in free if t == HEADING)
    two = max(t1 for t, _, t1 in free if t == "Period 6") - top  # to the foot of the second goal
    alone = 0
    for mm in range(150, PAGE_TEXT_MM - 20, 3):
        pages = page_text_boxes(_layout(section, mm))
        where = [min(_exactly(pages, f"Period {i}")) for i in range(1, 8)]
        label = min(_exactly(pages, "Alla ska ha en plan"))
        assert where[0] == where[1] == where[2] and where[3] == where[4] == where[5] and label == where[6], (mm, where)
        if mm + two + 7 <= PAGE_TEXT_MM - 4 and where[6] == 1:
            # the first two goals fit: they stay, and the last goal alone starts the next page under the header
            assert where[:6] == [0] * 6, (mm, where)
            assert _headers_per_page(pages, "Period")[:2] == [1, 1], mm
            alone += 1
    assert alone


# --- a chart after a subheading and the text that says what it shows ------------------------------------------------

SUBHEADING = "Känslighetsanalys"
OPENING = ["Nettonuvärdet för de offentliga finansiärerna när ett antagande i taget sätts till ett lågt och ett "
           "högt värde.",
           "Den svarta linjen är kalkylens nettonuvärde och den streckade röda linjen noll: där en stapel går förbi "
           "den röda linjen räcker det antagandet ensamt för att ändra tecknet."]
AFTER = "När antagandena varieras samtidigt i 5 000 simuleringar är nettonuvärdet positivt i under 1 % av dem."
CAPTION = "Figur 8. Tornadodiagram över nettonuvärdet."


def _chart_section(after: bool) -> str:
    import matplotlib.pyplot as plt

    from evaltools.present.display import Text, figure_html
    fig, ax = plt.subplots(figsize=(6.3, 3.5))  # 160 mm wide, 160 × 3.5 / 6.3 = 89 mm high
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = CAPTION
    parts = [Text(OPENING, SUBHEADING, 3)._repr_html_(), figure_html(fig)]
    plt.close(fig)
    if after:
        parts.append(Text([AFTER])._repr_html_())
    return _block(parts)


def _last_lines_in_headings(document) -> list[str]:
    """The pages (but the last) whose last line is a heading's."""
    out = []
    for page in document.pages[:-1]:
        last, in_heading = None, False
        stack = [(page._page_box.children[0], False)]
        while stack:
            box, heading = stack.pop()
            heading = heading or getattr(box, "element_tag", None) in ("h1", "h2", "h3", "h4", "h5", "h6")
            if type(box).__name__ == "TextBox" and (last is None or box.position_y >= last.position_y):
                last, in_heading = box, heading
            stack.extend((c, heading) for c in getattr(box, "children", ()))
        if last is not None and in_heading:
            out.append(last.text)
    return out


def test_a_chart_followed_by_text_may_leave_its_subheading_and_opening_text_at_the_page_s_foot():
    section = _chart_section(after=True)
    free = page_text_boxes(_layout(section, 0))[0]
    top = min(t0 for t, t0, _ in free if t == SUBHEADING)
    opening = max(t1 for t, _, t1 in free if "tecknet." in t) - top
    chart = max(t1 for t, _, t1 in free if "Figur 8." in t) - top
    assert chart > opening + 80  # (the chart and its caption: some 95 mm)
    alone = 0
    for mm in range(120, PAGE_TEXT_MM, 4):
        document = _layout(section, mm)
        pages = page_text_boxes(document)
        assert not _last_lines_in_headings(document), mm
        heading, figure = page_of(pages, SUBHEADING), page_of(pages, "Figur 8.")
        assert heading == page_of(pages, "lågt och ett"), mm  # the subheading keeps its first lines
        # (5 mm: the subheading's margin above it)
        if mm + chart + 5 >= PAGE_TEXT_MM + 4 and mm + opening + 5 <= PAGE_TEXT_MM - 4:
            # the opening text fits, the chart not: the text stays at the foot of the page, the chart goes alone
            # (bound to it, the subheading and its text left up to the chart's height empty)
            assert (heading, figure) == (0, 1), (mm, opening, chart)
            alone += 1
    assert alone


def test_a_chart_that_ends_its_part_still_moves_with_its_subheading_and_text():
    # a questionnaire round's chart: its heading and text say what it counts, and nothing after it can fill the page
    section = _chart_section(after=False)
    for mm in range(150, PAGE_TEXT_MM, 5):
        document = _layout(section, mm)
        pages = page_text_boxes(document)
        assert page_of(pages, SUBHEADING) == page_of(pages, "tecknet.") == page_of(pages, "Figur 8."), mm
        assert not _last_lines_in_headings(document), mm


def test_a_subheading_with_lines_of_its_own_stays_and_its_chart_goes_to_the_next_page(tmp_path):
    import subprocess

    import nbformat

    from evaltools.publish import render
    # 150 mm of the page's 259 mm taken: the subheading and its opening text (some 30 mm, five lines) fit below, the
    # chart (some 95 mm with its caption) not. A heading with four lines or more of its own text is no heading left
    # alone at a page's foot: it stays with its text, and the chart goes to the next page (bound to it, they would
    # leave the page up to 100 mm empty, as Nästa steg's sensitivity section did). The text after the chart fills
    # the page the chart leaves. The HTML keeps the chart where the section put it
    page = render.notebook_to_html(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={
            "text/html": f"<div style='height: 150mm'></div>{_chart_section(after=True)}", "text/plain": "x"})])]),
        "sv", "Test")
    pdf = tmp_path / "r.pdf"
    printed, _ = render.print_report(page, pdf, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(p.split()) for p in text.split("\f")[:-1]]
    assert len(pages) == 2
    first = pages[0]
    assert first.index(SUBHEADING) < first.index("tecknet.") and "Figur 8." not in first
    assert "Figur 8." in pages[1] and SUBHEADING not in pages[1]
    assert printed == page

