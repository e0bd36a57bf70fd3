"""A line that introduces a table ("Referensvärden som är uppskattade eller osäkra:") is never left at
the foot of a page with its table on the next: the printed PDF keeps the two together. The page is
built here with enough filler to put the line at a page's foot."""
from __future__ import annotations

import io

import nbformat
import pypdf
import pytest

from evaltools.publish import render

INTRO = "Referensvärden som är uppskattade eller osäkra:"


def _page(filler_lines: int) -> str:
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    rows = "".join(f"<tr><td class='txt'>{y}</td><td class='num'>{y * 3}</td></tr>" for y in range(2015, 2027))
    block = (f"<div class='et-block'><p>{INTRO}</p><table class='et-table'><thead><tr><th class='txt'>År</th>"
             f"<th class='num'>Värde</th></tr></thead><tbody>{rows}</tbody></table></div>")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler + block})])])
    return render.notebook_to_html(nb, "sv", "Test")


def _pages_of(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_an_introducing_line_goes_to_the_page_of_its_table(tmp_path):
    pytest.importorskip("weasyprint")
    # find a filler length that, without the rule, would leave the line alone at a page's foot: the line
    # on one page and the table's first row on the next; with the rule, both are on one page
    checked = 0
    for n in range(36, 44):  # (without the rule, the line is left alone at 39 and 40 filler lines)
        pages = _pages_of(render.html_to_pdf(_page(n), None, tmp_path))
        where_intro = [i for i, t in enumerate(pages) if INTRO in t]
        where_table = [i for i, t in enumerate(pages) if "2015" in t]
        assert where_intro and where_table
        assert where_intro == where_table[:1], (n, where_intro, where_table)
        if len(pages) > 1 and where_intro[0] > 0:
            checked += 1  # the pair moved past a page break, together
    assert checked  # the search did reach a page break


def _table_page(filler_lines: int) -> str:
    import pandas as pd

    from evaltools.present.display import Table, Text
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    table = Table(pd.DataFrame({"Anmärkning": ["Rad 0 av tabellen, med en text som tar två rader i tabellens enda "
                                               "kolumn när den skrivs ut på en A4-sida med rapportens marginaler och "
                                               "lite till för att bli längre"]}))
    section = (f"<div class='et-block'>{Text([], 'Datakvalitet', 3)._repr_html_()}</div>"
               f"<div class='et-block'>{table._repr_html_()}</div>")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler}),
        nbformat.v4.new_output("display_data", data={"text/html": section})])])
    return render.notebook_to_html(nb, "sv", "Test")


def test_a_short_table_is_printed_whole_on_one_page(tmp_path):
    # a one-row table under its heading at a page's foot went out as its header row and the first line of
    # its row, the rest on the next page (without the rule: at 37 filler lines)
    pytest.importorskip("weasyprint")
    moved = 0
    for n in range(34, 41):
        pages = _pages_of(render.html_to_pdf(_table_page(n), None, tmp_path))
        header = [i for i, t in enumerate(pages) if "Anmärkning" in t]
        row_start = [i for i, t in enumerate(pages) if "Rad 0 av tabellen" in t]
        row_end = [i for i, t in enumerate(pages) if "bli längre" in t]
        assert header == row_start == row_end, (n, header, row_start, row_end)
        moved += header[0] > 0
    assert moved  # the search did reach a page break
