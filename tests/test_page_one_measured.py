"""Page 1 of a project with a comparison group says what the NPV is when the benefit is counted from the
measured difference, where that has the other sign than the main calculation's: the same figure and
probability as the cost–benefit section's table of the two ways, at the same horizon; not where both
agree, nor where the placebo test puts the design in doubt."""
from __future__ import annotations

import re

import pytest

from evaltools.present.display import Table
from evaltools.present.sections import costbenefit, summary

from .conftest import sample_report


def _amount(text: str) -> float:
    """An amount as a table or a sentence shows it ("806 959 kr", "SEK 810,000", "−2,4 miljoner kronor")."""
    t = text.replace("\u00a0", " ").replace("\u2212", "-")
    big = re.search(r"(-?\d+(?:[.,]\d+)?) (?:miljoner kronor|million)", t)  # ("9,2 miljoner kronor", "SEK 9.2 million")
    if big:
        return float(big.group(1).replace(",", ".")) * 1e6
    m = re.search(r"(-?\d[\d ,]*(?:[.,]\d+)?)( miljoner kronor| million)?", t.replace("SEK ", ""))
    number, millions = m.group(1).strip(), m.group(2)
    if millions:
        return float(number.replace(",", ".")) * 1e6
    return float(number.replace(" ", "").replace(",", ""))


@pytest.mark.parametrize("lang, lead", [("sv", "Räknat från den skillnaden"), ("en", "Counted from that difference")])
def test_page_one_gives_the_npv_from_the_measured_difference_as_the_section_does(lang, lead):
    from .test_board_reading_3 import _kompassen_with_a_high_deadweight
    r = _kompassen_with_a_high_deadweight(lang)  # (its two ways disagree in sign)
    (said,) = summary.effect(r)  # the difference, then what it gives
    sentence = lead + said.split(lead, 1)[1]
    (table,) = [p for p in costbenefit.effect_based(r) if isinstance(p, Table)]
    measured = table.frame.iloc[1]  # the second way: from the measured effect
    npv_in_table = _amount(str(measured.iloc[3]))
    # page 1 says the section's figure rounded as a reader says it (two significant digits)
    npv = sentence.split(" i stället " if lang == "sv" else " is ", 1)[1]
    assert _amount(npv) == pytest.approx(float(f"{npv_in_table:.2g}"))
    # the share of draws, as the table gives it, or in words where it is beyond 99 % ("> 99 %": "över 99 %")
    share = str(measured.iloc[4]).replace("\u00a0", " ")
    share = {"> 99 %": "över 99 %", "> 99%": "more than 99%"}.get(share, share)
    assert share in sentence.replace("\u00a0", " "), (share, sentence)
    assert ("3 år" if lang == "sv" else "3 years") in sentence  # the horizon of the main calculation's NPV
    # the main calculation's NPV on page 1 is still the first said
    worth = " ".join(s for q, _p, ss in summary.answers(r) if q == "summary.q_worth" for s in ss)
    first = "Tillsammans är nettonuvärdet" if lang == "sv" else "Together"
    assert worth.index(first) < worth.index(lead)


def test_no_such_sentence_where_the_placebo_test_puts_the_comparison_in_doubt():
    r = sample_report("sprangbradan-demo", "sv")
    assert r.payments.parallel_trends_doubtful
    said = " ".join(summary.effect(r))
    assert "uppmätta skillnaden" not in said and "inte tillförlitlig" in said


def test_said_only_where_the_two_ways_disagree_in_sign():
    import dataclasses
    from types import SimpleNamespace
    from .test_board_reading_3 import _kompassen_with_a_high_deadweight
    r = _kompassen_with_a_high_deadweight("sv")
    eb, main = r.cba.effect_based, r.cba.summary
    assert main.npv < 0 < eb.npv  # (the two ways disagree)

    def said(npv_main: float, npv_measured: float, unreliable: bool = False) -> list[str]:
        fake = SimpleNamespace(lang="sv", msg=r.msg, cba=SimpleNamespace(
            effect_based=dataclasses.replace(eb, npv=npv_measured, unreliable=unreliable),
            summary=SimpleNamespace(npv=npv_main)))
        return summary.measured_worth(fake)

    assert said(-2_400_000, 810_000) and said(500_000, -300_000)
    assert said(-2_400_000, -100_000) == [] and said(400_000, 900_000) == []
    assert said(-2_400_000, 810_000, unreliable=True) == []
