"""What a board member stumbles over when reading every sample a thirteenth time, in Swedish and in English: a
blank page before the appendix of a draft (Samverkan i praktiken's page 7 of 9: the hidden places for the
evaluator's text, with nothing in them, pushed onto a page of their own by the table above them, and the appendix
then began on the next), a monthly level said to be "riksnormen för 2025 … enligt Socialstyrelsen" on page 1
where the appendix shows the value as the tool's own estimate (2024's estimate uprated by KPI), a method
appendix that describes a difference-in-differences "på person och månad" in a report whose payments section
counts households (Kompassen) or that has no comparison group at all (Specialistteamet), and the what-if panel's
break-even of "19,8" persons beside the report's 20. Expected values are worked out by hand from the samples'
files and the reference data, or from the small inputs built here, not taken from the code's output.
"""
from __future__ import annotations

import pytest


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


# --- 1. no blank page before the appendix of a draft ---------------------------------------------------------

def _draft_page(space_mm: float, rows: int = 30) -> str:
    """A draft's last section ending near the foot of a page (a space of ``space_mm`` above it), its three hidden
    places for the evaluator's text (each an output of its own, as the report writes them), then the appendix in
    the next cell."""
    import nbformat

    from evaltools.publish import render
    body = "".join(f"<tr><td class='txt'>Rad {i}</td><td class='num'>{i} kr</td></tr>" for i in range(rows))
    table = (f"<div class='et-block'><div style='height: {space_mm}mm'></div><h2>Antaganden</h2>"
             "<table class='et-table'><thead><tr><th>Antagande</th>"
             f"<th>Värde</th></tr></thead><tbody>{body}</tbody></table></div>")
    hidden = [("<div class='et-block'><section class='et-write-here' data-part='" + part + "' hidden><h2>" + part
               + "</h2><p>Skriv här.</p></section></div>") for part in ("analysis", "lessons", "recommendations")]
    appendix = "<div class='et-block'><h2 class='et-appendix' id='et-appendix'>Bilaga: teknisk redovisning</h2><p>Metod.</p></div>"
    # (page 1's place for the assessment shares its block with what page 1 says: that stays)
    page_one = ("<div class='et-block'><p>Utvärderaren har inte skrivit någon egen bedömning.</p><section "
                "class='et-write-here' data-part='assessment' hidden><p>Skriv här.</p></section></div>")

    def out(html):
        return nbformat.v4.new_output("display_data", data={"text/html": html})
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x", outputs=[out(page_one), out(table), *(out(h) for h in hidden)]),
        nbformat.v4.new_code_cell("y", outputs=[out(appendix)])])
    return render.notebook_to_html(nb, "sv", "Test", draft=True)


def test_a_drafts_hidden_places_for_the_evaluators_text_never_make_a_blank_page(tmp_path):
    pytest.importorskip("weasyprint")
    import io

    import pypdf

    from evaltools.publish import render
    blank, last_row_pages = {}, set()
    for mm in range(30, 46):  # (a space that ends the table on the first page's last millimetres, and past them)
        pdf = render.html_to_pdf(_draft_page(mm), None, tmp_path)
        texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
        # every page holds a table row or the appendix, not just the running header and the footer
        blank[mm] = [i for i, t in enumerate(texts) if "Rad " not in t and "Bilaga" not in t]
        last_row_pages.add(next(i for i, t in enumerate(texts) if "Rad 29" in t))
        assert "Bilaga" in texts[-1] and "Rad" not in texts[-1]  # (the appendix still starts a page of its own)
        assert "Utvärderaren har inte skrivit någon egen bedömning." in texts[0]
        assert "Skriv här" not in "".join(texts)
    assert last_row_pages == {0, 1}  # (the table ends on the first page for some spaces: the case that was blank)
    assert all(not pages for pages in blank.values()), blank

