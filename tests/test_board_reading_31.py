"""What a board member stumbles over, a thirty-first reading: the last page of Vägen ut's PDF held one line, the
note that names the params file ("Parameterfilen finns i sin helhet i HTML-rapporten …"), while its heading
("Parametrar som användes") stood alone at the foot of the page before it.

The page is the report's own template (:func:`evaltools.publish.render.notebook_to_html`) around the appendix's
params block as the footer section writes it, under an empty box made taller step by step, so that the block meets
the page's foot at every line."""
from __future__ import annotations

import nbformat
import pytest

from evaltools.present.markup import render as render_template
from evaltools.publish import render

HEADING = "Parametrar som användes"
NOTE = "Parameterfilen finns i sin helhet i HTML-rapporten."
STEPS = range(200, 262, 2)  # the empty box's height in mm: the page's text area is 297 − 18 − 20 = 259 mm high


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _page_texts(space_mm: int) -> list[str]:
    """The text printed on each page of a page whose params block sits under an empty box ``space_mm`` high."""
    params = render_template("params.html.j2", heading=HEADING, note="Parameterfilen som den skrevs.",
                             text="project_id: test\n", print_note=NOTE)
    block = f"<div class='et-block'><div style='height: {space_mm}mm'></div>{params}</div>"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": block, "text/plain": "x"})])])
    page = render.notebook_to_html(nb, "sv", "Test")
    document = render.import_weasyprint().HTML(string=page).render()
    return [" ".join(b.text for b in _boxes(p._page_box) if type(b).__name__ == "TextBox") for p in document.pages]


@pytest.fixture(scope="module")
def pages() -> dict[int, list[str]]:
    return {mm: _page_texts(mm) for mm in STEPS}


def test_the_params_heading_stays_with_the_note_beneath_it(pages):
    for mm, texts in pages.items():
        (heading_page,) = [i for i, t in enumerate(texts) if HEADING in t]
        (note_page,) = [i for i, t in enumerate(texts) if NOTE in t]
        assert heading_page == note_page, (mm, texts)


def test_the_block_still_moves_to_the_next_page_when_it_must(pages):
    # the rule keeps the heading with its note, it does not hold both on a full page: with the box nearly as tall
    # as the text area (259 mm), the heading and the note both start the second page
    assert any(len(texts) == 1 for texts in pages.values())
    assert any(HEADING in texts[1] for texts in pages.values() if len(texts) > 1)
