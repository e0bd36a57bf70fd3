"""What an English-speaking board member stumbles over, a sixty-third reading: the method appendix described how a
comparison group gives the deadweight in reports that have none (Timrå, Nästa steg), so a reader looked for a
comparison the report never makes; it now says only what the report uses. And the sensitivity analysis's heading and
its four lines of text, bound to the tornado chart when the chart did not fit under them, moved to the next page with it
and left half a page empty under the assumptions (Nästa steg, Språngbrädan, Vägen ut): a heading with four lines of
its own text under it now stays at the page's foot and the chart starts the next page."""
from __future__ import annotations

import subprocess

import pytest

import evaltools as et
from evaltools.present.sections import method

from .conftest import PARAMS, sample_report

RULE_START = ("Det som hade hänt ändå", "What would have happened anyway")
# how the general rule names the comparison group's estimate, in each language
COMPARISON = {"sv": "jämförelsegruppens och deltagarnas andelar", "en": "the comparison group's and the participants' shares"}
ASSUMED = {"sv": "25\u00a0% är ett antagande utan källa", "en": "25% is an unsourced assumption"}


def _rule(r) -> str:
    (rule,) = [p for p in method.paragraphs(r) if p.startswith(RULE_START)]
    return rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_deadweight_rule_of_a_report_without_a_comparison_group_says_nothing_of_one(lang):
    """Timrå has no comparison group (its params name none): its deadweight is the toolkit's 25 %, tested over
    0–75 % as its assumptions table says, and the rule does not describe an estimate from a comparison group."""
    r = sample_report("timra-vagen-ut", lang)
    assert r.project.comparison is None
    rule = _rule(r)
    assert COMPARISON[lang] not in rule, rule
    assert "95" not in rule, rule  # (the ratio's interval and its upper end belong to the estimate)
    assert ASSUMED[lang] in rule, rule
    assert ("0\u00a0%–75\u00a0%" if lang == "sv" else "from 0% to 75%") in rule, rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_deadweight_rule_of_a_report_with_a_comparison_group_says_how_it_is_estimated_and_no_assumption(lang):
    # Språngbrädan's deadweight is estimated from its comparison group: no "unsourced assumption" of 25 % beside it
    r = sample_report("sprangbradan-demo", lang)
    assert r.cba.summary.deadweight_source == "comparison"
    rule = _rule(r)
    assert COMPARISON[lang] in rule, rule
    assert ("antagande utan källa" if lang == "sv" else "unsourced") not in rule, rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_deadweight_set_in_the_params_is_not_called_an_unsourced_assumption(lang, tmp_path):
    """Timrå with a deadweight of 40 % in its params: the rule names neither a comparison group nor the toolkit's
    25 %, and the sentence after it gives the params' 40 %."""
    text = (PARAMS / "timra-vagen-ut.yaml").read_text(encoding="utf-8")
    text = text.replace("../data/", f"{PARAMS.parent / 'data'}/").replace("cost_benefit:\n", "cost_benefit:\n  deadweight: 0.4\n", 1)
    path = tmp_path / "timra-vagen-ut.yaml"
    path.write_text(text, encoding="utf-8")
    r = et.Report(path, lang=lang)
    assert r.cba.summary.deadweight_source == "params"
    rule = _rule(r)
    assert COMPARISON[lang] not in rule and "25" not in rule, rule
    assert ("40\u00a0%" if lang == "sv" else "40%") in rule, rule


# --- a heading with its own text at a page's foot ----------------------------------------------------------------

HEADING = "Känslighetsanalys"
# two paragraphs of two lines each at the report's width (some 95 characters a line at 10 pt): four lines of text
TEXT = ["Nettonuvärdet för de offentliga finansiärerna när ett antagande i taget sätts till ett lågt och ett högt "
        "värde, här med en mening till så att stycket tar två rader.",
        "Den svarta linjen är kalkylens nettonuvärde och den streckade röda linjen noll: där en stapel går förbi "
        "den röda linjen räcker det antagandet ensamt för att ändra tecknet."]
CAPTION = "Figur 6. Tornadodiagram över nettonuvärdet."


def _page(space_mm: int, text: list[str]) -> str:
    """An empty box ``space_mm`` high, then a section: a heading, ``text``, a tall chart (6.3 × 4.6 in, 117 mm
    printed) and a table of ten rows after it, which the print rules let the chart go to the next page without its
    heading and text."""
    import matplotlib.pyplot as plt
    import nbformat
    import pandas as pd

    from evaltools.present.display import Table, Text, figure_html
    from evaltools.present.markup import markup, render as render_template
    from evaltools.publish import render
    fig, ax = plt.subplots(figsize=(6.3, 4.6))
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = CAPTION
    frame = pd.DataFrame({"Antagande": [f"Antagande {i}" for i in range(1, 11)], "Värde": [str(i) for i in range(1, 11)]})
    parts = [Text(text, HEADING)._repr_html_(), figure_html(fig), Table(frame, numeric=("Värde",))._repr_html_()]
    plt.close(fig)
    block = f"<div style='height: {space_mm}mm'></div>" + render_template("block.html.j2",
                                                                          parts=[markup(p) for p in parts])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": block, "text/plain": "x"})])])
    return render.notebook_to_html(nb, "sv", "Test")


def _printed_pages(page: str, tmp_path) -> list[str]:
    from evaltools.publish import render
    pdf = tmp_path / "r.pdf"
    render.print_report(page, pdf, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f")[:-1]]


def _page_of(pages: list[str], text: str) -> int:
    return min(i for i, p in enumerate(pages) if text in p)


def test_a_heading_with_four_lines_of_its_own_text_stays_at_the_foot_of_a_page_above_its_chart(tmp_path):
    # 200 mm of the page's 259 mm taken: 59 mm left, room for the heading and its four lines (some 35 mm) but not
    # for the chart (117 mm and its caption); bound to the chart they went with it and left 59 mm empty on page 1
    pytest.importorskip("weasyprint")
    pages = _printed_pages(_page(200, TEXT), tmp_path)
    assert _page_of(pages, HEADING) == 0
    assert _page_of(pages, " ".join(TEXT[1].split()[-4:])) == 0  # (the text's last line)
    assert _page_of(pages, "Figur 6.") == 1


def test_a_heading_with_one_line_of_text_still_goes_with_its_chart(tmp_path):
    # the same section with one line under its heading (the participants' "Vilka som deltog"): bound, as before
    pytest.importorskip("weasyprint")
    pages = _printed_pages(_page(200, ["Vilka som deltog."]), tmp_path)
    assert _page_of(pages, HEADING) == _page_of(pages, "Figur 6.") == 1


# --- a table of paragraphs under its subheading at a page's foot ------------------------------------------------

SOURCE = "Källa med en lång förklaring som tar många rader i tabellens breda kolumn, så som antagandenas källor gör. "


def _paragraph_table_page(filler_lines: int) -> str:
    """``filler_lines`` lines of text, then a subheading and a table whose rows are paragraphs (the assumptions'),
    six rows of some eight lines each."""
    import nbformat
    import pandas as pd

    from evaltools.present.display import Table, Text
    from evaltools.publish import render
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    frame = pd.DataFrame({"Antagande": [f"Antagande{i}" for i in range(1, 7)], "Källa": [SOURCE * 6] * 6})
    section = (f"<div class='et-block'>{Text([], 'Antaganden', 3)._repr_html_()}"
               f"{Table(frame, paragraphs=True)._repr_html_()}</div>")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler + section})])])
    return render.notebook_to_html(nb, "sv", "Test")


def test_a_table_of_paragraphs_may_break_after_its_first_row_and_keeps_its_heading_with_it(tmp_path):
    """With room at the page's foot for the subheading, the header and one row but not two, the first row stays on
    the page under its heading (it went to the next page with the second and left the foot empty); the heading is
    never left without a row, and the last three rows stay together."""
    pytest.importorskip("weasyprint")
    import io

    import pypdf

    from evaltools.publish import render
    split_after_first = 0
    for n in range(20, 44, 2):
        pdf = render.html_to_pdf(_paragraph_table_page(n), None, tmp_path)
        pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
        row = [min(i for i, t in enumerate(pages) if f"Antagande{k}" in t) for k in range(1, 7)]
        heading = min(i for i, t in enumerate(pages) if "Antaganden" in t)
        assert heading == row[0], (n, heading, row)
        assert row[3] == row[4] == row[5], (n, row)
        split_after_first += row[0] != row[1]
    assert split_after_first  # (without the rule the first two rows were never on different pages)
