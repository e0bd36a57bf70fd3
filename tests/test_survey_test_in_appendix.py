"""The questionnaire section's before-and-after sentence gives its p-value without naming the test (no
jargon in the body: docs/skrivregler.md, board-reading item 4); the method appendix names it, and only in
a report that gives such a p-value. Nästa steg (sample) asks the same persons at start and at exit."""
from __future__ import annotations

import pytest

from evaltools.present.sections import method, survey

from .conftest import sample_report


@pytest.fixture(scope="module", params=["sv", "en"])
def nasta_steg(request):
    return sample_report("nasta-steg", request.param)


def test_the_body_gives_the_p_value_and_points_to_the_appendix(nasta_steg):
    r = nasta_steg
    body = " ".join(t for block in survey.blocks(r) for part in block
                    for t in getattr(part, "paragraphs", []))
    assert "Wilcoxon" not in body and "teckenrang" not in body
    assert ("p = " in body) and (("metoden beskrivs i bilagan" if r.lang == "sv" else
                                  "the method is described in the appendix") in body)


def test_the_appendix_names_the_test(nasta_steg):
    text = " ".join(method.paragraphs(nasta_steg))
    assert "Wilcoxon" in text and ("parat t-test" if nasta_steg.lang == "sv" else "paired t test") in text


def test_no_survey_paragraph_without_questionnaires():
    r = sample_report("timra-vagen-ut")
    assert "Wilcoxon" not in " ".join(method.paragraphs(r))
