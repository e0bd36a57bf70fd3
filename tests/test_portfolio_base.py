"""The portfolio's count of those who ended is the base of the share it shows: where a project's main goal
leaves some exits out of that base (Specialistteamet leaves out those who moved), the portfolio's note on what
counts as a success says so, as the project's own page 1 does, so that its "ended" figure beside the project's
own number of ended participants is not read as a contradiction."""
from __future__ import annotations

import pandas as pd
import pytest

from .conftest import ROOT, sample_portfolio


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", "Lyckat utfall för Specialistteamet: arbete, arbete med stöd, studier, sjuk- eller "
           "aktivitetsersättning, sjukpenning, annan ersättning; avslut med utfallet flyttat räknas inte bland "
           "de avslutade, som målet för deras andel anger."),
    ("en", "; exits with the outcome moved away are not counted among those who ended, as the goal for their share "
           "says."),
])
def test_the_note_on_success_says_which_exits_the_base_leaves_out(lang, words):
    portfolio = sample_portfolio(("eskilstuna-specialistteamet", "kompassen-demo"), lang)
    notes = portfolio.definitions()
    assert any(words in n for n in notes)
    # Kompassen's main goal leaves no exit out (params/kompassen-demo.yaml has no exclude_from_denominator)
    [kompassen] = [n for n in notes if "Kompassen" in n]
    assert "flyttat" not in kompassen and "moved" not in kompassen


def test_the_ended_in_the_portfolio_are_those_who_ended_less_those_who_moved():
    df = pd.read_csv(ROOT / "data/eskilstuna-specialistteamet/participants.csv")
    ended = df["end_date"].notna()
    # counted from the file: every ended enrolment less those whose outcome is flyttat
    expected = int(ended.sum() - (ended & (df["outcome"] == "flyttat")).sum())
    table = sample_portfolio(("eskilstuna-specialistteamet",), "sv").table
    assert int(table.loc[0, "ended"]) == expected
