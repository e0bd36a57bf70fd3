"""Number formats, checked against values written by hand and against Babel's CLDR patterns."""
from __future__ import annotations

import pytest

from evaltools.words.formats import NBSP, fmt_amount, fmt_date, fmt_kr, fmt_num, fmt_p, fmt_pct, fmt_probability


def test_swedish_and_english_formats_by_hand():
    assert fmt_kr(1276000, "sv") == f"1{NBSP}276{NBSP}000{NBSP}kr"
    assert fmt_kr(1276000, "en") == f"SEK{NBSP}1,276,000"
    assert fmt_pct(0.486, "sv") == f"48,6{NBSP}%"
    assert fmt_pct(0.486, "en") == "48.6%"
    assert fmt_num(-2000, 0, "sv") == f"\u22122{NBSP}000"
    assert fmt_p(0.0004, "sv") == "< 0,001"
    assert fmt_probability(0.999, "sv") == f"> 99{NBSP}%"
    assert fmt_probability(0.004, "en") == "< 1%"
    assert fmt_num(-2000, 0, "en") == "\u22122,000"  # a true minus sign in English too, never a hyphen
    assert fmt_kr(-1400, "en") == f"SEK{NBSP}\u22121,400"
    assert fmt_amount(float("nan"), "sv") == ".."
    assert fmt_num(float("nan"), 1, "sv") == "–"
    import datetime as dt
    assert fmt_date(dt.date(2024, 1, 31)) == "2024-01-31"


@pytest.mark.parametrize("value", [0, 7, 48.6, 999.5, 1000, 12345.678, 1276000, 3863075, 98765432.1])
@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_grouping_and_decimals_agree_with_cldr(value, decimals):
    numbers = pytest.importorskip("babel.numbers")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert fmt_num(value, decimals, "sv") == numbers.format_decimal(value, format=pattern, locale="sv_SE")
    assert fmt_num(value, decimals, "en") == numbers.format_decimal(value, format=pattern, locale="en")


def test_amounts_in_prose_are_rounded_as_a_reader_says_them():
    from evaltools.words.formats import fmt_kr_prose
    sv = [(2_480_000, "2,5 miljoner kronor"), (1_128_000, "1,1 miljoner kronor"), (1_000_000, "1 miljon kronor"),
          (999_999, "1 miljon kronor"), (20_989_945, "21 miljoner kronor"), (129_800, "130 000 kr"),
          (21_692, "22 000 kr"), (5_523, "5 500 kr"), (850, "850 kr"), (0, "0 kr"),
          (-2_459_369, "\u22122,5 miljoner kronor"), (3_200_000_000, "3,2 miljarder kronor")]
    for v, want in sv:
        assert fmt_kr_prose(v, "sv").replace("\u00a0", " ") == want, v
    en = [(2_480_000, "SEK 2.5 million"), (129_800, "SEK 130,000"), (20_989_945, "SEK 21 million"),
          (-2_459_369, "SEK \u22122.5 million")]
    for v, want in en:
        assert fmt_kr_prose(v, "en").replace("\u00a0", " ") == want, v
    assert fmt_kr_prose(float("nan")) == "–"


def test_quarters_read_as_months():
    from evaltools.words.formats import fmt_quarter
    assert fmt_quarter("2018Q1") == "jan–mar 2018"
    assert fmt_quarter("2019Q4", "en") == "Oct–Dec 2019"
    assert fmt_quarter("Summa") == "Summa"


def test_bounds_of_a_probability_are_words_in_prose():
    assert fmt_probability(0.004, "sv", prose=True) == f"under 1{NBSP}%"
    assert fmt_probability(0.996, "sv", prose=True) == f"över 99{NBSP}%"
    assert fmt_probability(0.004, "en", prose=True) == "less than 1%"
    assert fmt_probability(0.996, "en", prose=True) == "more than 99%"
    assert fmt_probability(0.5, "sv", prose=True) == f"50{NBSP}%"


@pytest.mark.parametrize(("n", "neuter", "sv", "en"), [
    (0, False, "noll", "zero"), (1, False, "en", "one"), (1, True, "ett", "one"), (2, True, "två", "two"),
    (4, False, "fyra", "four"), (6, True, "sex", "six"), (12, False, "tolv", "twelve"), (13, False, "13", "13"),
    (1500, False, f"1{NBSP}500", "1,500"), (2.5, False, "2,5", "2.5")])
def test_counts_to_twelve_are_words(n, neuter, sv, en):
    from evaltools.words.formats import number_word
    assert number_word(n, "sv", neuter=neuter) == sv
    assert number_word(n, "en", neuter=neuter) == en


def test_capitalized_keeps_the_rest_of_the_sentence():
    from evaltools.words.formats import capitalized
    assert capitalized("tre mål av KPI") == "Tre mål av KPI"
    assert capitalized("") == ""
