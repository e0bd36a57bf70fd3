"""The youngest age band reads "under 18", not "0–17": a youth project's participants of 16 and 17 are no
small children (the band's code stays "0–17"; only its words change)."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data import schema as S
from evaltools.present.sections import participants
from evaltools.words.breakdowns import term_label
from evaltools.words.labels import category_label

from .conftest import participants_frame, shown_chunks, write_csv


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_youngest_band_in_words(lang):
    assert category_label(S.AGE_GROUP, "0–17", lang) == "under 18"
    assert category_label(S.AGE_GROUP, "18–24", lang) == "18–24"
    assert term_label(S.AGE_GROUP, "0–17", "sv") == "Åldersgrupp: under 18"


def test_a_youth_projects_participants_table_says_under_18(tiny_project):
    # five born 2006 start in 2022 at 15-16 (under 18), seven born 1995 at 26-27 (the youth bands' 25–29)
    rows = [(f"P{i}", "kvinna" if i % 2 else "man", 2006 if i < 6 else 1995, "ensamstående", "2022-02-01",
             "2022-08-01", "arbete") for i in range(1, 13)]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    shown = " | ".join(shown_chunks(participants.blocks(et.Report(tiny_project(), lang="sv"))))
    assert "under 18" in shown and "25–29" in shown
    assert "0–17" not in shown
