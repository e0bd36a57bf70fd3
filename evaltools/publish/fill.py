"""A page left half empty above a chart: the chart waits for the text and table after it.

A chart is printed whole (never split across pages). Where one does not fit in the rest of a page, it
moves to the next, and the page it leaves ends early: some 80 mm empty above Vägen ut's "Andel lyckade
utfall per grupp" (a chart of 114 mm with its heading and caption), and the same in every sample with a
group chart. As a book sets a figure, the printed report then lets the paragraphs and tables that follow
the chart in its part of the section (up to the next heading, chart or the section's end) come first and
fill that page, and the chart follows them. A table moved so may break across the pages under the print
rules, as every table but a list of facts does (its header repeated, at least three rows on each side).
The chart after a subheading and the text that says what it shows (the sensitivity analysis) may leave that
text at the foot of a page under the print rules, and the text after the chart then fills the page the same way.

The change is the printed page's only: the HTML file, read on a screen without pages, keeps each chart where
its section put it, and is the same whether a PDF is made or not. The change is kept only where the layout is
better for it: less space left empty on the pages that end more than :data:`EMPTY_MM` early, and no more
pages. The charts are moved together and the page laid out once more: a report without such a chart costs
nothing, one with some the time of one layout (about a second for Vägen ut).
"""
from __future__ import annotations

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
# a chart moved after what followed it: the text now before it does not introduce it, and the print rules let the
# chart go to the next page without it (the text that leads to a chart otherwise goes with it)
MOVED = "data-et-moved"


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _content(page):
    """A laid-out page's boxes, without its margins (the running title and page number)."""
    root = page._page_box.children[0]  # (the others are the margin boxes)
    return list(_boxes(root))


def _foot_mm(page) -> float:
    """How far (mm) above the foot of the page's text area its last line, image or table row ends."""
    box = page._page_box
    bottom = box.content_box_y() + box.height
    # (a box of its own without children: a line's words, an image, an empty box given a height; and a table's
    # rows, with their borders; the blocks around them run on to the page's foot where they continue)
    ends = [b.position_y + b.margin_height() for b in _content(page)
            if type(b).__name__ == "TableRowBox" or not getattr(b, "children", None)]
    return (bottom - max(ends)) * PX_MM if ends else 0.0


def _forced(page) -> bool:
    """Whether the page starts with a heading that always starts a page (the appendix, the portfolio's tables)."""
    for b in _content(page):
        if getattr(b, "element_tag", None) == "h2":
            return bool(set((b.element.get("class") or "").split()) & {"et-appendix", "et-newpage"})
        if type(b).__name__ == "TextBox":
            return False
    return False


def empty_pages(document) -> list[int]:
    """The pages (0-based) that end more than :data:`EMPTY_MM` early before a page that does not start on its
    own (the last page, and one before the appendix, are not counted)."""
    pages = document.pages
    return [i for i in range(len(pages) - 1) if not _forced(pages[i + 1]) and _foot_mm(pages[i]) > EMPTY_MM]


def _empty_mm(document) -> float:
    """How much (mm) the pages of :func:`empty_pages` leave empty together."""
    return sum(_foot_mm(document.pages[i]) for i in empty_pages(document))


def _waiting(document) -> list[str]:
    """The charts (their marks) that start a page after one left more than :data:`EMPTY_MM` empty: the
    chart is the page's first content but for a heading."""
    out = []
    empty = set(empty_pages(document))
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
    """``page`` with each chart marked with its number, for :func:`fill`."""
    n = iter(range(1, 10**6))
    return _FIGURE.sub(lambda m: m.group(0).replace("<figure", f"<figure {MARK}=\"{next(n)}\"", 1), page)


def unmarked(page: str) -> str:
    """``page`` without the marks of :func:`marked`."""
    return re.sub(rf' {MARK}="\d+"(?: {MOVED}="")?', "", page)


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


def fill(page: str, document, lay_out: Callable[[str], object]) -> tuple[str, object]:
    """Move each chart that leaves a page more than :data:`EMPTY_MM` empty after what follows it
    (:func:`after_what_follows`), all at once, and keep the new layout where it is better: no more pages and less
    of them left empty. ``page`` is :func:`marked` and laid out as ``document`` by ``lay_out``; a report with no
    such chart is not laid out again, one with some once. Returns the page printed (unmarked) and its layout."""
    moved = page
    for mark in _waiting(document):
        moved = after_what_follows(moved, mark) or moved
    if moved == page:
        return unmarked(page), document
    again = lay_out(moved)
    if (len(again.pages) <= len(document.pages)  # type: ignore[attr-defined]
            and _empty_mm(again) < _empty_mm(document)):
        return unmarked(moved), again
    return unmarked(page), document
