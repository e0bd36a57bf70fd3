"""The one layout more that :mod:`evaltools.publish.fill` makes (a chart moved or bound to its heading) is given the
column widths of the tables the first layout found, at a fixed table layout, so that it need not measure every
cell's text again. It must lay the page out as WeasyPrint's own automatic table layout does: the same boxes at the
same places (to a hundredth of a pixel), the same lines, the same pages; and the page the HTML file gets keeps none
of it."""
from __future__ import annotations

import re

from .test_page_fill_46 import _page

# a table whose automatic widths are uneven: a long unbreakable word, a wrapped sentence, figures
UNEVEN = ("<table class='et-table'><thead><tr><th>Kostnadsslag</th><th>Beskrivning</th><th>Belopp</th></tr></thead>"
          "<tbody><tr><td>Projektledningsorganisationskostnader</td><td>" + "ord " * 40 + "</td><td>1 234 567</td></tr>"
          "<tr><td>Lokaler</td><td>kort</td><td>12</td></tr></tbody></table>")
# the same under its number, as every report table is: its column elements go after its caption
CAPTIONED = UNEVEN.replace("<thead>", "<caption>Tabell 4. Budget</caption><thead>")


def _auto(text: str) -> str:
    """``text`` without what :func:`evaltools.publish.fill.at_widths` adds: the tables left to the automatic layout."""
    text = re.sub(r' style="table-layout:fixed;width:[^"]*px"', "", text)
    return re.sub(r'<colgroup>(?:<col style="width:[^"]*px">)*</colgroup>', "", text)


def _geometry(document) -> list[tuple]:
    from evaltools.publish.fill import _boxes
    out = []
    for i, page in enumerate(document.pages):
        for box in _boxes(page._page_box):
            size = [v if isinstance(v, (int, float)) else -1 for v in (box.width, getattr(box, "height", None))]
            out.append((i, type(box).__name__, box.position_x, box.position_y, *size, getattr(box, "text", None)))
    return out


def _same(a: list[tuple], b: list[tuple]) -> bool:
    return len(a) == len(b) and all(
        x[:2] == y[:2] and x[-1] == y[-1] and all(abs(u - v) < 0.01 for u, v in zip(x[2:6], y[2:6]))
        for x, y in zip(a, b))


def test_marks_and_widths_leave_the_html_file_as_its_sections_wrote_it():
    from evaltools.publish.fill import at_widths, marked, unmarked
    page = f"<div class='et-block'><p>a</p>{UNEVEN}<figure class='et-fig'><img src='x'></figure>{UNEVEN}</div>"
    assert unmarked(marked(page)) == page
    assert marked(page).count('data-et-table="') == 2
    # a table with a style or column elements of its own (after its caption, too) keeps the automatic layout; a
    # table with a caption (every report table's number) takes its column elements after the caption
    own = ("<table style='width:50%'><tr><td>1</td></tr></table><table><caption>T</caption><tr><td>2</td></tr>"
           "</table><table><colgroup><col></colgroup><tr><td>3</td></tr></table><table><tr><td>4</td></tr></table>"
           "<table><caption>U</caption><colgroup><col></colgroup><tr><td>5</td></tr></table>")
    fixed = at_widths(marked(own), {str(k): (100.0, [100.0]) for k in range(1, 6)})
    assert fixed.count("table-layout:fixed") == 2 and 'data-et-table="4" style="table-layout:fixed;width:100.0px"' \
        in fixed
    assert ('<table data-et-table="2" style="table-layout:fixed;width:100.0px"><caption>T</caption><colgroup>'
            '<col style="width:100.0px"></colgroup><tr>') in fixed


def test_the_layout_more_gets_the_first_layouts_widths_and_lays_the_page_out_as_the_automatic_layout(tmp_path):
    from evaltools.publish import fill, render
    # a heading left above its chart (see test_page_fill_46) makes the layout more; uneven tables before and after
    page = _page(200, 14).replace("<div class=\"et-block\">", "<div class=\"et-block\">" + UNEVEN, 1)
    page = page.replace("</body>", UNEVEN + CAPTIONED + "</body>")
    assert page.count("<table") == 4
    given: list[str] = []
    with render._printer() as lay_out:
        first = lay_out(fill.marked(page), tmp_path)

        def again(text: str):
            given.append(text)
            return lay_out(text, tmp_path)

        printed, document = fill.fill(fill.marked(page), first, again)
        assert len(given) == 1 and given[0].count("table-layout:fixed") == 4
        # the widths are the automatic layout's: the same page laid out without them gives the same boxes
        assert _same(_geometry(document), _geometry(lay_out(_auto(given[0]), tmp_path)))
    assert "table-layout" not in printed and "data-et-table" not in printed and "<colgroup" not in printed
    assert "<caption>Tabell 4. Budget</caption><thead>" in printed
