"""An amount in a sentence that needs more than two decimals of a million to add up with the figures beside
it is written in kronor ("3 308 000 kr"), never "3,308 miljoner kronor", which a reader takes for three
thousand million (or three thousand). Expected strings are worked out by hand."""
from __future__ import annotations

import re

import pytest

from evaltools.words.formats import fmt_kr_prose

from .conftest import sample_report


@pytest.mark.parametrize("amount, significant, sv, en", [
    # four significant figures of 3 307 927: 3 308 000; of 1 052 215: 1 052 000
    (3_307_927.0, 4, "3 308 000 kr", "SEK 3,308,000"),
    (1_052_215.0, 4, "1 052 000 kr", "SEK 1,052,000"),
    # three significant figures keep two decimals of a million: 1,05
    (1_052_215.0, 3, "1,05 miljoner kronor", "SEK 1.05 million"),
    # two: 1,1
    (1_128_000.0, 2, "1,1 miljoner kronor", "SEK 1.1 million"),
    # a billion to four figures: 1 235 million, not 1,235 billion
    (1_234_567_890.0, 4, "1 235 miljoner kronor", "SEK 1,235 million"),
])
def test_a_fine_amount_is_written_in_kronor_not_in_three_decimals_of_a_million(amount, significant, sv, en):
    assert fmt_kr_prose(amount, "sv", significant).replace("\u00a0", " ") == sv
    assert fmt_kr_prose(amount, "en", significant).replace("\u00a0", " ") == en


THREE_DECIMALS = re.compile(r"\d[,.]\d{3}\s*(miljon|miljard|million|billion)")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_vagen_uts_page_one_says_the_actors_amounts_in_kronor(lang):
    from evaltools.present.sections import summary

    said = " ".join(summary.worth(sample_report("timra-vagen-ut", lang))).replace("\u00a0", " ")
    assert not THREE_DECIMALS.search(said), said
    # the municipality's 3 307 927 kr, the region's 274 072 kr and the state's 3 077 928 kr (the key figures
    # of tests/test_board_reading_9.py) at the unit of the total, −44 073 kr: thousands
    # (the region's amount followed by the words that it is its share of the cost)
    want = (("kommunen vinner 3 308 000 kr, regionen betalar 274 000 kr", "staten betalar 3 078 000 kr") if lang == "sv"
            else ("SEK 3,308,000", "SEK 274,000"))
    assert all(w in said for w in want), said

