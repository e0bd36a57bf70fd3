"""A page left half empty above a chart: the chart waits for the text and table after it.

A chart is printed whole (never split across pages). Where one does not fit in the rest of a page, it
moves to the next, and the page it leaves ends early: some 80 mm empty above Vägen ut's "Andel lyckade
utfall per grupp" (a chart of 114 mm with its heading and caption), and the same in every sample with a
group chart. As a book sets a figure, the printed report then lets the paragraphs and tables that follow
the chart in its part of the section (up to the next heading, chart or the section's end) come first and
fill that page, and the chart follows them. A table moved so may break across the pages under the print
rules, as every table but a list of facts does (its header repeated, at least three rows on each side).

The print rules let a tall chart with a table after it, and a chart after a subheading and two paragraphs that
say what it shows (the sensitivity analysis), go to the next page alone. That may leave the heading and a line or
two of its text as the last lines of a page, the chart they lead to starting the next: the reader finds the heading
with nothing of its own under it (Deltagare). The heading, its paragraphs and the chart are then bound, to
go to the next page together (not where :data:`OWN_LINES` lines of its text or more stand under the heading:
those are its own, and bound they left half a page empty above the sensitivity analysis), in the one layout more (where a heading is so left, no chart is moved: the pages
after it change, and a chart that waited may no longer). The space above such a heading counts as left empty
whether the heading stands there or not (the page ends, for its reader, above it).

Where nothing follows such a chart in its part, so that no text can fill the page it leaves, and the chart missed
that page's foot by a little (some 12 mm of the English Kompassen's goal chart of 139 mm, which left page 3 127 mm
empty and pushed the participants' section on to leave page 4 92 mm empty), the chart is printed a little smaller,
never below :data:`SMALLEST` of its size, so that it fits: its words stay legible at A4. The change is kept on the
same terms as a move, in a layout more after it.

The change is the printed page's only: the HTML file, read on a screen without pages, keeps each chart where
its section put it, and is the same whether a PDF is made or not. The change is kept only where the layout is
better for it: no heading left above its chart, less space left empty on the pages that end more than
:data:`EMPTY_MM` early (no more, where a heading was left so), and no more pages. The charts are moved and bound
together and the page laid out once more: a report without such a chart costs nothing, one with some the time of
one layout (about a second for Vägen ut), less the tables' measuring: the layout more is given the widths of the
tables the first one found (:func:`at_widths`), the same widths, found in a third less time.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

# a page that ends more than this (mm) above the foot of its text area, before the next page's chart, is
# left half empty; a chart is moved only to fill such a page
EMPTY_MM = 40
PX_MM = 25.4 / 96  # WeasyPrint's layout is in CSS pixels

_FIGURE = re.compile(r"<figure\b[^>]*\bclass=(['\"])et-fig\b")
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)\b[^>]*>", re.S)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# a heading or another chart ends the part of a section a chart may wait through
_STOP = {"h1", "h2", "h3", "h4", "h5", "h6", "figure"}
MARK = "data-et-fill"
# a heading at a page's foot with this many lines of its own text under it is not left alone above the chart they
# lead to on the next page: bound to the chart, a heading and its text of four lines or more (the sensitivity
# analysis: what the tornado chart varies, what its lines mean) moved to the next page with it and left 50–110 mm
# empty above them (Nästa steg, Språngbrädan, Vägen ut), where a book would let the chart follow its text
OWN_LINES = 4
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "figure", "table", "ul", "ol"}
# a chart moved after what followed it: the text now before it does not introduce it, and the print rules let the
# chart go to the next page without it (the text that leads to a chart otherwise goes with it)
MOVED = "data-et-moved"
# a heading, the paragraphs after it and the chart they lead to, bound on one page: without it the heading and its
# text ended a page above the chart (a tall chart, or one after a subheading and its text, may leave them)
BOUND = "data-et-bound"
# a chart printed a little smaller, to fit at the foot of the page before, which it missed by a few millimetres
# (the English Kompassen's goal chart: 139 mm with its caption, where 127 mm were left); never smaller than this share
# of its size, so that its words stay legible at A4 (its 8.5 pt text no smaller than 7.2 pt),
# and with this much room (mm) to spare
SMALLER = "data-et-smaller"
SMALLEST = 0.85
ROOM_MM = 1.0
# each table numbered, so that the one layout more can be given the column widths the first layout found
TABLE = "data-et-table"
_TABLE_TAG = re.compile(r"<table\b")


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _content(page):
    """A laid-out page's boxes, without its margins (the running title and page number)."""
    root = page._page_box.children[0]  # (the others are the margin boxes)
    return list(_boxes(root))


def _foot_mm(page, above: float | None = None) -> float:
    """How far (mm) above the foot of the page's text area its last line, image or table row ends (of those that end
    at ``above``, a position on the page, or higher)."""
    box = page._page_box
    bottom = box.content_box_y() + box.height
    # (a box of its own without children: a line's words, an image, an empty box given a height; and a table's
    # rows, with their borders; the blocks around them run on to the page's foot where they continue)
    ends = [b.position_y + b.margin_height() for b in _content(page)
            if type(b).__name__ == "TableRowBox" or not getattr(b, "children", None)]
    if above is not None:
        ends = [end for end in ends if end <= above]
    return (bottom - max(ends)) * PX_MM if ends else 0.0


def _forced(page) -> bool:
    """Whether the page starts with a heading that always starts a page (the appendix, the portfolio's tables)."""
    for b in _content(page):
        if getattr(b, "element_tag", None) == "h2":
            return bool(set((b.element.get("class") or "").split()) & {"et-appendix", "et-newpage"})
        if type(b).__name__ == "TextBox":
            return False
    return False


def _blocks(page) -> list:
    """The blocks (headings, paragraphs, charts, tables, lists) a laid-out page holds, in order: the first box of
    each element on the page; one that runs on from the page before or onto the next is counted on both."""
    out: list = []

    def walk(box):
        if getattr(box, "element_tag", None) in _BLOCKS and type(box).__name__ not in ("LineBox", "TextBox"):
            if not out or out[-1].element is not box.element:
                out.append(box)
            return
        for child in getattr(box, "children", ()):
            walk(child)
    walk(page._page_box.children[0])
    return out


def _dangling(document) -> dict[int, tuple[str, float]]:
    """The pages (0-based) that end with a heading (h2, h3) and the paragraphs after it whose chart starts the next
    page: a heading the reader finds with nothing of its own under it. Each with the chart's mark and how far (mm)
    above the foot of the page's text area what stands above the heading ends (:func:`_foot_mm`)."""
    out = {}
    pages = [_blocks(page) for page in document.pages]
    for i, (before, after) in enumerate(zip(pages, pages[1:])):
        if not after or after[0].element_tag != "figure" or not after[0].element.get(MARK):
            continue
        intro, lines = list(before), 0
        while intro and intro[-1].element_tag == "p":
            lines += sum(type(b).__name__ == "LineBox" for b in intro.pop().children)
        # (a heading with its text's first lines under it is not left alone: the chart may start the next page)
        if intro and intro[-1].element_tag in ("h2", "h3") and lines < OWN_LINES:
            out[i] = (after[0].element.get(MARK), _foot_mm(document.pages[i], intro[-1].position_y))
    return out


def _measured(document) -> tuple[dict[int, tuple[str, float]], list[int], float]:
    """A layout's pages that end with a heading above its chart (:func:`_dangling`), the pages that end more than
    :data:`EMPTY_MM` early before a page that does not start on its own (the last page, and one before the
    appendix, are not counted), and how much (mm) those leave empty together. A heading left above its chart and
    its text count as left empty: the page ends, for its reader, above that heading."""
    pages, dangling = document.pages, _dangling(document)
    left = [dangling[i][1] if i in dangling else _foot_mm(page) for i, page in enumerate(pages)]
    empty = [i for i in range(len(pages) - 1) if not _forced(pages[i + 1]) and left[i] > EMPTY_MM]
    return dangling, empty, sum(left[i] for i in empty)


def empty_pages(document) -> list[int]:
    """The pages (0-based) that end more than :data:`EMPTY_MM` early (:func:`_measured`)."""
    return _measured(document)[1]


def _waiting(document, empty: list[int]) -> list[str]:
    """The charts (their marks) that start a page after one left more than :data:`EMPTY_MM` empty (``empty``,
    :func:`empty_pages`): the chart is the page's first content but for a heading."""
    out = []
    for i, page in enumerate(document.pages):
        if i - 1 not in empty:
            continue
        for b in _content(page):
            tag = getattr(b, "element_tag", None)
            if tag == "figure" and b.element.get(MARK):
                out.append(b.element.get(MARK))
                break
            if tag in ("p", "table", "ul", "ol"):  # (text before it: the chart did not leave the page empty)
                break
    return out


def marked(page: str) -> str:
    """``page`` with each chart and each table marked with its number, for :func:`fill`."""
    n, t = iter(range(1, 10**6)), iter(range(1, 10**6))
    page = _FIGURE.sub(lambda m: m.group(0).replace("<figure", f"<figure {MARK}=\"{next(n)}\"", 1), page)
    return _TABLE_TAG.sub(lambda m: f"<table {TABLE}=\"{next(t)}\"", page)


def unmarked(page: str) -> str:
    """``page`` without the marks of :func:`marked`."""
    return re.sub(rf' {MARK}="\d+"| {MOVED}=""| {BOUND}=""| {SMALLER}=""| {TABLE}="\d+"', "", page)


def _table_widths(document) -> dict[str, tuple[float, list[float]]]:
    """Each marked table's width and column widths (CSS pixels) in a layout, from its first page."""
    out: dict[str, tuple[float, list[float]]] = {}
    for page in document.pages:
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            mark = element.get(TABLE) if type(box).__name__ == "TableBox" and element is not None else None
            if mark and mark not in out and isinstance(box.width, (int, float)):
                out[mark] = (float(box.width), [float(w) for w in box.column_widths])
    return out


def at_widths(page: str, widths: dict[str, tuple[float, list[float]]]) -> str:
    """``page`` (:func:`marked`) with each table in ``widths`` set at those widths (a fixed table layout with a
    column element per column, after its caption where it has one, as every report table has its number): the
    layout then skips measuring every cell's text for the table's automatic widths, the most costly part of laying a
    report out again, and finds the same widths. A table that has a style or column elements of its own is left to
    the automatic layout. For the print only: :func:`unmarked` does not remove them, and :func:`fill` returns the
    page without them."""
    def fixed(m: re.Match) -> str:
        tag, mark, caption = m.group(1), m.group(2), m.group(3) or ""
        if (mark not in widths or re.search(r"\sstyle\s*=", tag)
                or re.match(r"\s*<(?:colgroup|col)\b", page[m.end():])):
            return m.group(0)
        width, columns = widths[mark]
        return (tag[:-1] + f' style="table-layout:fixed;width:{width!r}px">' + caption
                + "<colgroup>" + "".join(f'<col style="width:{w!r}px">' for w in columns) + "</colgroup>")
    return re.sub(rf'(<table {TABLE}="(\d+)"[^>]*>)(\s*<caption\b.*?</caption>)?', fixed, page, flags=re.S)


def after_what_follows(page: str, mark: str) -> str | None:
    """``page`` with the chart ``mark`` moved after the paragraphs and tables that follow it up to the next
    heading, chart or the end of its section; None where nothing follows it."""
    start = page.find(f"<figure {MARK}=\"{mark}\"")
    if start < 0:
        return None
    end = page.find("</figure>", start) + len("</figure>")
    depth, stop = 0, None
    for m in _TAG.finditer(page, end):
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name:  # (a comment)
            continue
        if depth == 0 and (closing or name in _STOP):
            stop = m.start()
            break
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        depth += -1 if closing else 1
    if stop is None or not page[end:stop].strip():
        return None
    chart = page[start:end].replace(f"<figure {MARK}=\"{mark}\"", f"<figure {MARK}=\"{mark}\" {MOVED}=\"\"", 1)
    return page[:start] + page[end:stop] + chart + page[stop:]


def bound_to_its_chart(page: str, mark: str) -> str | None:
    """``page`` with the heading (h2, h3) before the chart ``mark`` and the paragraphs between them marked
    :data:`BOUND` with the chart, which the print rules keep on one page; None where something else (a table, a
    list, another chart) stands between them, or no heading leads to the chart in its section."""
    start = page.find(f"<figure {MARK}=\"{mark}\"")
    heads = list(re.finditer(r"<h[23]\b", page[:start])) if start >= 0 else []
    if not heads:
        return None
    head = heads[-1].start()
    opened, depth = [], 0
    for m in _TAG.finditer(page, head, start):
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name or name in _VOID or m.group(0).endswith("/>"):
            continue
        if depth == 0 and not closing:
            if name not in ("h2", "h3", "p") or (name != "p" and m.start() != head):
                return None
            opened.append(m.start())
        depth += -1 if closing else 1
        if depth < 0:  # (the heading's block closed: the chart is in another)
            return None
    for at in reversed([*opened, start]):
        end = page.index(">", at)
        end -= page[end - 1] == "/"
        page = page[:end] + f' {BOUND}=""' + page[end:]
    return page


def _short_of(document, measured: tuple) -> dict[str, float]:
    """The charts (their marks) that start a page after one left more than :data:`EMPTY_MM` empty, but for the heading
    and text that went with them, and would fit at its foot printed a little smaller, each with the share of its size
    it would be printed at (at least :data:`SMALLEST`): what stands above the chart on its page and the chart must fit
    in the space the page before leaves, less :data:`ROOM_MM`. None where a heading is left above its chart.
    ``measured`` is :func:`_measured` of ``document``."""
    dangling, empty, _ = measured
    out: dict[str, float] = {}
    if dangling:
        return out
    pages = document.pages
    for i in empty:
        page, margin = pages[i + 1], None
        for b in _content(page):
            tag = getattr(b, "element_tag", None)
            if tag in ("table", "ul", "ol"):  # (a table or a list before it, kept whole: no chart made it wait)
                break
            if margin is None and tag in _BLOCKS:  # (the page's first block: its margin, cut at the page's top,
                value = getattr(b.style["margin_top"], "value", 0)  # comes back above it on the page before)
                margin = float(value) if getattr(b.style["margin_top"], "unit", "px") == "px" else 0.0
            if tag != "figure" or not b.element.get(MARK):  # (a heading and its text that went with the chart)
                continue
            images = [c for c in _boxes(b) if "Replaced" in type(c).__name__]
            if len(images) != 1:
                break
            top = page._page_box.content_box_y()
            needed = (b.position_y + b.margin_height() - top + (margin or 0.0)) * PX_MM + ROOM_MM
            image = images[0].margin_height() * PX_MM
            share = 1 - (needed - _foot_mm(pages[i])) / image if image > 0 else 0.0
            if SMALLEST <= share < 1:
                out[b.element.get(MARK)] = math.floor(share * 1000) / 1000
            break
    return out


def smaller(page: str, mark: str, share: float) -> str | None:
    """``page`` with the chart ``mark`` printed at ``share`` of its width (and so of its height); None where its image
    has no width in inches to scale (the width its figure was made at)."""
    start = page.find(f"<figure {MARK}=\"{mark}\"")
    if start < 0:
        return None
    end = page.find("</figure>", start)
    width = re.compile(r"(<img\b[^>]*?\bstyle=(['\"])[^'\"]*?\bwidth:)([\d.]+)in").search(page, start, end)
    if width is None:
        return None
    shown = f"{float(width.group(3)) * share:.3f}"
    figure = page[start:width.start()].replace(f"<figure {MARK}=\"{mark}\"", f"<figure {MARK}=\"{mark}\" {SMALLER}=\"\"",
                                               1)
    return page[:start] + figure + width.group(1) + shown + "in" + page[width.end():]


def _better(document, again, dangling: dict, empty_mm: float) -> bool:
    """Whether the layout ``again`` is better than ``document`` (:func:`fill`): no more pages, no heading left above
    its chart, and less of the pages left empty (no more, where ``document`` left a heading so)."""
    dangling_again, _, empty_again = _measured(again)
    return (len(again.pages) <= len(document.pages)
            and not dangling_again and (empty_again < empty_mm or (bool(dangling) and empty_again <= empty_mm)))


def _moved_or_bound(page: str, document, lay_out: Callable[[str], object]) -> tuple[str, object]:
    """:func:`fill`'s first step: the charts bound or moved, the page returned still marked."""
    dangling, empty, empty_mm = _measured(document)
    bound = [mark for mark, _ in dangling.values()]
    changed = page
    # (a heading bound to its chart moves the pages after it: a chart that waited in the first layout may not in
    # that one, and moved all the same it left Vägen ut's outcomes per group 74 mm empty above it)
    for mark in bound or _waiting(document, empty):
        changed = (bound_to_its_chart if bound else after_what_follows)(changed, mark) or changed
    if changed == page:
        return page, document
    # (the tables are the same tables, at the same widths: the layout need not measure them again)
    again = lay_out(at_widths(changed, _table_widths(document)))
    if _better(document, again, dangling, empty_mm):
        return changed, again
    return page, document


def fill(page: str, document, lay_out: Callable[[str], object]) -> tuple[str, object]:
    """Bind each chart whose heading and text ended a page above it to them (:func:`bound_to_its_chart`), or where
    none did, move each chart that leaves a page more than :data:`EMPTY_MM` empty after what follows it
    (:func:`after_what_follows`), all at once, and keep the new layout where it is better: no more pages, no heading
    left above its chart, and less of them left empty (no more, where a heading was left so). Then, in the layout
    kept, print each chart that still leaves a page so empty and would fit at its foot at :data:`SMALLEST` of its
    size or more that much smaller (:func:`smaller`), kept on the same terms. ``page`` is :func:`marked` and laid
    out as ``document`` by ``lay_out``; a report with no such chart is not laid out again, one with some once or
    twice. Returns the page printed (unmarked) and its layout."""
    page, document = _moved_or_bound(page, document, lay_out)
    measured = _measured(document)
    changed = page
    for mark, share in _short_of(document, measured).items():
        changed = smaller(changed, mark, share) or changed
    if changed != page:
        again = lay_out(at_widths(changed, _table_widths(document)))
        dangling, _, empty_mm = measured
        if _better(document, again, dangling, empty_mm):
            return unmarked(changed), again
    return unmarked(page), document
