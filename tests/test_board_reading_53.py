"""Page by page as the board reads the smaller samples, a fifty-third time, in Swedish and in English: the
application, the short project Nästa steg, the structural project Samverkan and the portfolio. The goal table's intro
explained its partial band with an equals sign ("Delvis uppnått = minst 80 % av målvärdet"), a formula where the
writing rules ask for a sentence, and the application's intro named a verdict, "Delvis", that none of its rows
shows (they read "Nås delvis med ansökans volymer"). Expected values are worked out by hand from the samples'
files in the comments, not taken from the code's output.
"""
from __future__ import annotations

import pytest

from evaltools.present.sections import goals

from .conftest import sample_report, shown_chunks


def _sentences(blocks) -> list[str]:
    return [c.replace("\u00a0", " ") for c in shown_chunks(blocks)]


# --- 1. the partial band said in words, with the verdict's own name ------------------------------------------------

@pytest.mark.parametrize("pid, lang, said", [
    # Nästa steg and Samverkan keep the default partial band, 80 % of the target (params: no partial_band), and
    # their rows say "Delvis uppnått" (Nästa steg's share 74,3 % of 80 %; Samverkan's contact goal)
    ("nasta-steg", "sv", "Delvis uppnått betyder minst 80 % av målvärdet."),
    ("samverkan-i-praktiken", "en", "Partly achieved means at least 80% of the target."),
    # the application's rows are verdicts on its expected volumes: "Nås delvis med ansökans volymer" would be
    # the partial one, so the intro names that verdict, not "Delvis"
    ("eskilstuna-ansokan", "sv", "Nås delvis betyder att volymerna är minst 80 % av målvärdet."),
    ("eskilstuna-ansokan", "en", "Partly met means volumes of at least 80% of the target."),
])
def test_the_goal_intro_says_the_partial_band_in_words(pid, lang, said):
    [intro] = [c for c in _sentences(goals.blocks(sample_report(pid, lang)))
               if c.startswith(("Ansökans mätbara mål", "The application's measurable goals"))]
    assert said in intro
    assert " = " not in intro  # no formula in a sentence (docs/skrivregler.md: "Rubriker och kolumner i ord")
