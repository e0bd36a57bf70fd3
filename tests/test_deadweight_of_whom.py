"""Page 1 says of whom the deadweight is a share: of those who left försörjningsstöd, as the glossary
defines it. Kompassen's 52 % is the comparison group's 24,6 % leaving over the participants' 47,8 %
(its payments section); read as "52 % of the participants" it would exceed the comparison group's own
share, so a board member must be told what it is a share of."""
from __future__ import annotations

import pytest

from evaltools.present.sections import summary

from .conftest import sample_report


@pytest.mark.parametrize("lang, words", [
    # (said as the assumptions table and the payments section say it, 24,6 % over 47,8 % is 51,6 %: not rounded to 52 %)
    ("sv", "Kalkylen antar att 51,6 % av dem som lämnade försörjningsstödet hade gjort det ändå"),
    ("en", "The calculation assumes that 51.6% of those who left social assistance would have left it anyway"),
])
def test_page_one_names_the_deadweight_s_base(lang, words):
    r = sample_report("kompassen-demo", lang)
    text = " ".join(summary.worth(r)).replace("\xa0", " ")
    assert words in text, text
