"""A board's reading of the rendered samples, thirty-fifth round: page 1's "10 deltagare (10 under år 1)", a
breakdown that only repeats its total; Vägen ut's "Kostnad och nytta" leaving a quarter of a page empty before it
because its heading, two long paragraphs and the key figures' first rows were kept whole; and Nästa steg's
participants' chart, some 6 mm too tall for the space below its heading. Each project is written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et

from .conftest import MM, layout_boxes, page_of, printed_page, write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\n", " ")


# --- 1. the participants per year of intake only where they add something to the total ---------------------------
def _participants_sentence(tmp_path, starts: list[str], lang: str) -> str:
    from evaltools.present.sections import summary
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start=s, end=s.replace("-03-", "-09-")) for i, s in enumerate(starts, start=1)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang=lang)
    [said] = [_plain(s) for s in summary.participation(r) if "deltagare" in s or "participants" in s][:1]
    return said


@pytest.mark.parametrize("lang, said", [("sv", "Projektet har haft 10 deltagare."),
                                        ("en", "The project has had 10 participants.")])
def test_a_single_year_of_intake_is_not_repeated_in_brackets(tmp_path, lang, said):
    # the project starts 2023-01-01; ten persons start 2023-03-01, all in project year 1: "(10 under år 1)" would
    # only repeat the total
    assert _participants_sentence(tmp_path, ["2023-03-01"] * 10, lang) == said


@pytest.mark.parametrize("lang, said", [("sv", "Projektet har haft 12 deltagare (7 under år 1 och 5 under år 2)."),
                                        ("en", "The project has had 12 participants (7 in year 1 and 5 in year 2).")])
def test_two_years_of_intake_are_still_given(tmp_path, lang, said):
    # seven start 2023-03-01 (project year 1), five 2024-03-01 (year 2): 7 + 5 = 12, both years 5 or more
    assert _participants_sentence(tmp_path, ["2023-03-01"] * 7 + ["2024-03-01"] * 5, lang) == said


# --- 2. a section's long opening text breaks inside its paragraph rather than leaving the page's foot empty -------
# The page is the report's own template around a section as its displays write it (a heading, a paragraph of four
# lines, one of eight, then the key figures' table), under an empty box that leaves room for the heading, the first
# paragraph and five lines of the second: the whole section (about 100 mm to the table's first rows) does not fit.
HEADING = "Kostnad och nytta"
FIRST = ("Kalkylen jämför projektets kostnad med det försörjningsstöd som inte behövde betalas ut när deltagare gick "
         "vidare till arbete, studier eller annan ersättning, per perspektiv: vem som bär kostnaden och vem som får "
         "nyttan. Alla antaganden står i tabellen längre ned i avsnittet.")
SECOND = ("Nyttan bygger på de 19 som lämnat försörjningsstödet (arbete, arbete med stöd, studier, sjuk- eller "
          "aktivitetsersättning, sjukpenning, annan ersättning). Det är ett annat antal än de 31 lyckade utfallen "
          "enligt projektets huvudmål, som kostnaden per lyckat utfall räknas på: avslutade deltagare med utfallen "
          "arbete, arbete med stöd, studier, sjuk- eller aktivitetsersättning, sjukpenning, annan ersättning, aktiv "
          "planering med annan part, enligt målet om självförsörjning eller en aktiv planering med annan part. "
          "Slutord.")
FIRST_ROW = "Nyckeltal nummer 1"
PAGE_FOOT_MM = 277  # the page's text area ends 297 − 20 mm from the top


def _section() -> str:
    import pandas as pd

    from evaltools.present.display import Table, Text
    from evaltools.present.markup import markup, render as render_template
    frame = pd.DataFrame({"Nyckeltal": [f"Nyckeltal nummer {i}" for i in range(1, 15)],
                          "Värde": [f"{i} 000 kr" for i in range(1, 15)]})
    parts = [Text([FIRST, SECOND], HEADING)._repr_html_(), Table(frame, numeric=("Värde",))._repr_html_()]
    return render_template("block.html.j2", parts=[markup(p) for p in parts])


def _lines(document) -> list[list[tuple[str, float, float]]]:
    """Each page's lines (text, top, bottom in mm)."""
    return [[("".join(t.text for t in layout_boxes(b) if type(t).__name__ == "TextBox"), b.position_y * MM,
              (b.position_y + b.height) * MM) for b in layout_boxes(p._page_box) if type(b).__name__ == "LineBox"]
            for p in document.pages]


def test_a_long_opening_text_breaks_inside_its_last_paragraph_instead_of_leaving_the_page_empty():
    section = _section()
    # on an empty page, under a box of 10 mm: where the second paragraph's fifth line ends, below the box
    [free, *_] = _lines(printed_page(f"<div style='height: 10mm'></div>{section}"))
    box_end = min(t0 for t, t0, _ in free if HEADING in t) - 7  # (the heading's top margin, 7 mm)
    second = [(t0, t1) for t, t0, t1 in free if t0 > max(t1_ for t, _, t1_ in free if "längre ned" in t)]
    assert len(second) >= 8 + 3  # eight lines, then the table's header and rows
    fifth_end = second[4][1] - box_end
    space = 10 + (PAGE_FOOT_MM - 18) - fifth_end - 10 - 1  # the box that leaves room for five lines and 1 mm
    pages = _lines(printed_page(f"<div style='height: {space:.1f}mm'></div>{section}"))
    # the heading, its first paragraph and the first lines of the second stay at the page's foot; the second's last
    # lines lead to the table on the next page, with its first rows
    assert page_of(pages, HEADING) == page_of(pages, "längre ned") == 0, pages
    assert page_of(pages, "Slutord") == page_of(pages, FIRST_ROW) == 1, pages
    # ... with at least two lines of the paragraph on each side, and the first page full to within two lines
    first_page_lines = [t1 for _, t0, t1 in pages[0] if t0 > max(t1_ for t, _, t1_ in pages[0] if "längre ned" in t)]
    top_lines = [t0 for t, t0, _ in pages[1] if t0 < min(t0_ for t, t0_, _ in pages[1] if t == "Nyckeltal")]
    assert len(first_page_lines) >= 2 and len(top_lines) >= 2, pages
    assert max(first_page_lines) > PAGE_FOOT_MM - 10, pages


# --- 3. a chart's image has no margins of its own nor a line's descent under it inside its figure -----------------
def test_a_charts_caption_follows_its_image_directly():
    import matplotlib.pyplot as plt

    from evaltools.present.display import figure_html
    fig, ax = plt.subplots(figsize=(6.3, 4.0))
    ax.barh(["a", "b"], [1, 2])
    fig.et_caption = "Figur 1. Ett diagram."
    document = printed_page(figure_html(fig))
    [page] = document.pages
    boxes = list(layout_boxes(page._page_box))
    [img] = [b for b in boxes if type(b).__name__ in ("InlineReplacedBox", "BlockReplacedBox")]
    *_, figure = [b for b in boxes if getattr(b, "element_tag", "") == "figure"]  # (its block, inside its wrapper)
    caption, *_ = [b for b in boxes if getattr(b, "element_tag", "") == "figcaption"]
    # the image is printed 4,0 in = 101,6 mm high; it starts at the figure's top and the caption's box right under it
    assert (img.height * MM) == pytest.approx(101.6, abs=0.1)
    assert img.position_y == pytest.approx(figure.content_box_y(), abs=0.5)
    assert caption.position_y * MM - (img.position_y + img.height) * MM < 0.5


# --- 4. the participants' table and chart have no intake-year breakdown of one year ---------------------------------
def _report(tmp_path, starts: list[str]):
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start=s, end=s.replace("-03-", "-09-")) for i, s in enumerate(starts, start=1)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang="sv")


def test_one_year_of_intake_is_no_breakdown_of_the_participants_nor_of_their_outcomes(tmp_path):
    # ten persons start 2023-03-01, all in project year 1: a row "År 1: 10 (100 %)" would repeat the total
    r = _report(tmp_path, ["2023-03-01"] * 10)
    assert "project_year" not in set(r.composition.table["variable"])
    assert "project_year" not in set(r.rates.table["variable"])


def test_two_years_of_intake_are_a_breakdown_with_each_years_count(tmp_path):
    # seven start in project year 1 (2023-03-01), five in year 2 (2024-03-01)
    r = _report(tmp_path, ["2023-03-01"] * 7 + ["2024-03-01"] * 5)
    years = r.composition.table.query("variable == 'project_year'")
    assert sorted(int(n) for n in years["n"]) == [5, 7]
