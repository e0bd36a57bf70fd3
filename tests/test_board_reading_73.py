"""Page by page as the board reads the samples, a seventy-third time, in Swedish and in English: the English report named
the source of the national norm for social assistance only by its Swedish name, "Socialstyrelsen", on page 1 of the
structural project and in the assumptions table of every project that values a month by the norm, while the glossary,
the method and the workbook call it the National Board of Health and Welfare (Socialstyrelsen).
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


# --- 1. page 1 of the structural project says whose amount the toolkit lacks, in English -----------------------------

def test_the_structural_projects_english_page_one_names_the_national_board_not_only_socialstyrelsen():
    # params/samverkan-i-praktiken.yaml runs to 2025-09-30, so its price year is 2025, a year evaltools/data/riksnorm.csv
    # has no norm for: the toolkit estimates it and says whose amount it lacks
    worth = [_plain(s) for s in summary.worth(sample_report("samverkan-i-praktiken", "en"))]
    (sentence,) = [s for s in worth if "9,517" in s]
    assert f"the norm as the toolkit lacks the amount of {BOARD} for the year" in sentence
    assert "Socialstyrelsen's" not in sentence


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
