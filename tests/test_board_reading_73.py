"""Page by page as the board reads the samples, a seventy-third time, in Swedish and in English: the English report named
the source of the national norm for social assistance only by its Swedish name, "Socialstyrelsen", on page 1 of the
structural project ("the toolkit lacks Socialstyrelsen's amount") and in the assumptions table of every project that
values a month by the norm, while the glossary, the method and the workbook call it the National Board of Health and
Welfare (Socialstyrelsen); and the table per actor, its six points bound to its last rows, was split to carry them
all to the next page, leaving the foot of the page above empty (Språngbrädan's, Kompassen's).
Expected words are the catalog's as a reader should see them; figures are worked out by hand from the params files.
"""
from __future__ import annotations

import pytest

from evaltools.present.sections import summary
from evaltools.words.labels import note_text

from .conftest import sample_report

NBSP = "\u00a0"
BOARD = "the National Board of Health and Welfare (Socialstyrelsen)"


def _plain(text: str) -> str:
    return " ".join(str(text).replace(NBSP, " ").split())


# --- 1. page 1 of the structural project says, in English, what amount the toolkit lacks -----------------------------

def test_the_structural_projects_english_page_one_names_the_national_board_not_only_socialstyrelsen():
    # params/samverkan-i-praktiken.yaml runs to 2025-09-30, so its price year is 2025, a year evaltools/data/riksnorm.csv
    # has no norm for: the toolkit estimates it and says whose amount it lacks
    worth = [_plain(s) for s in summary.worth(sample_report("samverkan-i-praktiken", "en"))]
    (sentence,) = [s for s in worth if "9,517" in s]
    assert "the norm as the toolkit lacks the official amount for the year" in sentence
    assert "Socialstyrelsen" not in sentence


def test_the_structural_projects_swedish_page_one_keeps_socialstyrelsens_name():
    worth = [_plain(s) for s in summary.worth(sample_report("samverkan-i-praktiken", "sv"))]
    (sentence,) = [s for s in worth if "9 517" in s]
    assert "riksnormen eftersom verktyget saknar Socialstyrelsens belopp för året" in sentence
    assert "National Board" not in sentence


# --- 2. the assumptions table says the same in English wherever the norm is Socialstyrelsen's own -------------------

@pytest.mark.parametrize("pid, year", [("timra-vagen-ut", 2019)])
def test_the_english_assumptions_table_names_the_national_board_as_the_norms_source(pid, year):
    # params/timra-vagen-ut.yaml values a month by the norm of its price year 2019, which evaltools/data/riksnorm.csv
    # holds as Socialstyrelsen's own figure, so the source names the authority rather than an estimate
    table = sample_report(pid, "en").cba.assumptions.set_index("name")
    source = _plain(note_text(table.loc["monthly_level", "source"], "en"))
    assert source.startswith(f"the national norm for {year} by household type, from {BOARD}, plus housing"), source
    sv = _plain(note_text(sample_report(pid, "sv").cba.assumptions.set_index("name").loc["monthly_level", "source"], "sv"))
    assert sv.startswith(f"riksnormen för {year} per hushållstyp, enligt Socialstyrelsen, plus boende"), sv


# --- 3. the table per actor is not split to keep all its points with its last rows ---------------------------------

def _actors_page(filler_mm: int):
    from evaltools.present.sections import costbenefit as cb_section

    from .conftest import page_text_boxes, printed_page
    # the table per actor of params/sprangbradan-demo.yaml: seven rows (the municipality, the region, the state, of
    # which Försäkringskassan, the individual, the public financiers, society) and six points under it
    table = cb_section.perspective_table(sample_report("sprangbradan-demo", "sv"))
    assert len(table.notes) == 6
    html = f"<div style='height: {filler_mm}mm'></div>" + table._repr_html_()
    return page_text_boxes(printed_page(html))


@pytest.mark.slow
def test_the_table_per_actor_stays_whole_at_a_pages_foot_and_its_points_break_as_a_list():
    from .conftest import page_of
    # 130 mm of the page taken: the table (about 60 mm) fits below with room for some of its six points, not all
    pages = _actors_page(130)
    first, last = page_of(pages, "Kommunen"), page_of(pages, "Samhället")
    assert first == last == 0, (first, last)
    points = ["Alla belopp räknas som", "En övergång till ersättning", "Statens nettoresultat", "Statens nytta omfattar",
              "Kostnaden är aktörens del", "Andelen simuleringar"]
    on = [page_of(pages, p) for p in points]
    assert on == sorted(on) and on[-1] == 1, on
    # a break between the points, as in a list: at least two of them on each page
    assert on.count(0) >= 2 and on.count(1) >= 2, on
