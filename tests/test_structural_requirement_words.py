"""A structural project's page 1 states what would carry its cost without a nested parenthesis: the
requirement in one sentence, then what a person-year is worth and where that level comes from.
Samverkan i praktiken (sample): 1 998 904 kr budget, riksnorm for one adult plus housing."""
from __future__ import annotations

import pytest

from evaltools.present.sections import summary

from .conftest import sample_report


@pytest.mark.parametrize("lang, first, second", [
    ("sv", "behöver förändringen leda till minst", "Ett personår räknas som tolv månader med"),
    ("en", "the change needs to lead to at least", "A person-year counts as twelve months of"),
])
def test_the_requirement_and_the_level_are_two_sentences(lang, first, second):
    r = sample_report("samverkan-i-praktiken", lang)
    (text,) = summary.worth(r)
    requirement, level = text.split(second)
    assert first in requirement
    # the requirement sentence holds no parenthesis inside another, and no source text
    assert requirement.count("(") == 1 and ";" not in requirement and "riksnorm" not in requirement
    # the level names its source
    assert ("riksnorm" if lang == "sv" else "norm") in level
