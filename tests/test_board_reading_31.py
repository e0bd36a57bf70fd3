"""What a board member stumbles over, a thirty-first reading: the last page of Vägen ut's PDF held one line, the
note that names the params file ("Parameterfilen finns i sin helhet i HTML-rapporten …"), while its heading
("Parametrar som användes") stood alone at the foot of the page before it.

The page is the report's own template (:func:`evaltools.publish.render.notebook_to_html`) around the appendix's
params block as the footer section writes it, under an empty box made taller step by step, so that the block meets
the page's foot at every line."""
from __future__ import annotations

import pytest

from evaltools.present.markup import render as render_template

from .conftest import layout_boxes, printed_page

HEADING = "Parametrar som användes"
NOTE = "Parameterfilen finns i sin helhet i HTML-rapporten."
STEPS = range(200, 262, 2)  # the empty box's height in mm: the page's text area is 297 − 18 − 20 = 259 mm high


def _page_texts(space_mm: int) -> list[str]:
    """The text printed on each page of a page whose params block sits under an empty box ``space_mm`` high."""
    params = render_template("params.html.j2", heading=HEADING, note="Parameterfilen som den skrevs.",
                             text="project_id: test\n", print_note=NOTE)
    block = f"<div class='et-block'><div style='height: {space_mm}mm'></div>{params}</div>"
    document = printed_page(block)
    return [" ".join(b.text for b in layout_boxes(p._page_box) if type(b).__name__ == "TextBox") for p in document.pages]


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


# The workbook's first sheet ("Om tabellerna") gave the application check "Data till och med 2026-12-31", the end of
# the period it applies for: a day after the sheet's own "Skapad" 2026-12-05, for an application that has no data at
# all. Its report's facts give no such day (an application has only its budget and its expected volumes); the sheet
# says what the report says, and a participant project's sheet still gives its data's last day.

def _about(report, out) -> dict[str, object]:
    import openpyxl

    import evaltools as et

    et.export_report(report, out)
    ws = openpyxl.load_workbook(out / f"{report.params.id}-tabeller.xlsx").worksheets[0]
    return {row[0].value: row[1].value for row in ws.iter_rows(min_col=1, max_col=2) if row[0].value}


@pytest.mark.parametrize("lang, item", [("sv", "Data till och med"), ("en", "Data up to")])
def test_an_application_s_workbook_gives_no_day_of_data(tiny_project, tmp_path, lang, item):
    import evaltools as et
    from evaltools.present.sections import facts

    path = tiny_project("kind: ansökan\ngoals:\n  - {id: g, kind: participant_count, label: Minst 10, target: 10}\n",
                        data_block="data:\n  budget: data/budget.csv\n")
    report = et.Report(path, lang=lang)
    assert item not in dict(facts.rows(report))  # the report's facts: no day of data
    about = _about(report, tmp_path / "out")
    assert item not in about
    assert about  # (the sheet itself is there: the project's name, its period …)


@pytest.mark.parametrize("lang, item", [("sv", "Data till och med"), ("en", "Data up to")])
def test_a_participant_project_s_workbook_still_gives_its_day_of_data(tiny_project, tmp_path, lang, item):
    import datetime as dt

    import evaltools as et
    from evaltools.present.sections import facts

    report = et.Report(tiny_project("data_as_of: 2023-06-30\n"), lang=lang)
    assert dict(facts.rows(report))[item] == "2023-06-30"
    assert _about(report, tmp_path / "out")[item] == dt.datetime(2023, 6, 30)


# Page 1 said Kompassen's deadweight as "52 %" ("Kalkylen antar att 52 % av dem som lämnade försörjningsstödet hade
# gjort det ändå") where the assumptions table beside the calculation, and the payments section's note under the
# table of shares it comes from, say 51,6 % (24,6 % of 47,8 %; Språngbrädan: 84 % against 84,3 %). One figure is
# said one way: as the assumptions table says it, with the decimal it needs and none it does not (25 %, 51,6 %).
# Here the deadweight is set in the params, 0.123: 12,3 % (sv), 12.3% (en); and the default 0.25: 25 %, not 25,0 %.
# (The tiny project's two valued exits are shown with a threshold of 2: below it the calculation is given as a range,
# tests/test_small_counts_22.py.)

DEADWEIGHT = """\
    privacy: {min_count: 2}
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
      horizon_years: 2
      dropoff_per_year: 0
      discount_rate: 0
    """


def _deadweight_words(tiny_project, extra: str, lang: str):
    import evaltools as et
    from evaltools.present.sections import method, summary

    r = et.Report(tiny_project(DEADWEIGHT + extra), lang=lang)
    # (the sentence that names the deadweight: "Kalkylen antar att …", or, where the count of exits is withheld and
    # the calculation is a range, the value of one exit "… räknat på att … hade gjort det ändå")
    (page_one,) = [s for s in summary.worth(r) if any(w in s for w in ("Kalkylen antar att", "The calculation assumes",
                                                                      "räknat på att", "counting that"))]
    # (the method's sentence follows its rule on deadweight, in the same paragraph)
    own = [p[p.index(start):] for p in method.paragraphs(r)
           for start in ("I den här rapporten är dödvikten", "In this report the deadweight") if start in p]
    return page_one, own


@pytest.mark.parametrize("lang, page_one, own", [
    ("sv", "12,3\u00a0% av dem", "I den här rapporten är dödvikten 12,3\u00a0%, satt i parameterfilen"),
    ("en", "12.3% of those", "In this report the deadweight is 12.3%, set in the parameters file"),
])
def test_a_deadweight_with_a_decimal_is_said_with_it_on_page_one_and_in_the_method(tiny_project, lang, page_one, own):
    said, own_choice = _deadweight_words(tiny_project, "  deadweight: 0.123\n", lang)
    assert page_one in said, said
    assert len(own_choice) == 1 and own_choice[0].startswith(own), own_choice


def test_the_default_deadweight_is_said_without_a_decimal(tiny_project):
    said, own_choice = _deadweight_words(tiny_project, "", "sv")
    assert "25\u00a0% av dem" in said, said  # (not "25,0 %")
    assert own_choice == []  # (no deadweight set in the params)
