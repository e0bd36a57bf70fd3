"""Page by page as the board reads the samples: one figure, one precision on page 1 (an interval said at the
precision of the estimate it surrounds). Expected values are worked out by hand in the comments."""
from __future__ import annotations

import pytest

from evaltools.present.sections import costbenefit, summary

from .conftest import sample_report, shown_chunks


def _said(blocks) -> str:
    return " ".join(shown_chunks(blocks)).replace("\u00a0", " ").replace("\n", " ")


# --- 1. page 1's effect and its interval at one precision -----------------------------------------------------------

@pytest.mark.parametrize("lang, rounded, exact", [
    # Kompassen's DiD: −2 486 kr per household and month, 95 % interval −2 814 kr to −2 158 kr. Page 1 says the
    # estimate as a person says it, "omkring 2 500 kr" (two significant figures: hundreds), so its interval's ends
    # are said in hundreds too: 2 158 → 2 200, 2 814 → 2 800
    ("sv", "omkring 2 500 kr lägre per hushåll och månad i löpande priser (95 % konfidensintervall för skillnaden "
           "2 200 kr till 2 800 kr)", "2 158"),
    ("en", "about SEK 2,500 lower per household and month in current prices (95% confidence interval SEK 2,200 to "
           "SEK 2,800)", "2,158"),
])
def test_page_one_says_the_effects_interval_at_the_estimates_precision(lang, rounded, exact):
    r = sample_report("kompassen-demo", lang)
    said = _said(summary.blocks(r))
    assert rounded in said, said
    assert exact not in said
    # the cost-benefit section, which gives the estimate exactly, keeps the exact interval
    section = _said(costbenefit.blocks(r))
    assert ("−2 814 kr till −2 158 kr" if lang == "sv" else "SEK −2,814 to SEK −2,158") in section


@pytest.mark.parametrize("effect, ends, said", [
    # Språngbrädan's −174 kr (tens: "omkring 170 kr"), its interval's sizes 750 and 402 kr: 750 and 400 kr
    (-174.0, (750.0, 402.0), ["750 kr", "400 kr"]),
    # a fall of 12 345 kr ("omkring 12 000 kr", thousands) between 9 499 and 15 500 kr: 9 000 and 16 000 kr
    (-12_345.0, (9_499.0, 15_500.0), ["9 000 kr", "16 000 kr"]),
    # an end that would round to zero at the estimate's hundreds (40 kr beside 2 500 kr) is said in tens, never
    # as a zero the interval does not hold: 40 and 5 000 kr
    (2_486.0, (40.0, 4_996.0), ["40 kr", "5 000 kr"]),
    # an estimate of a few kronor keeps whole kronor
    (7.0, (2.4, 11.6), ["2 kr", "12 kr"]),
])
def test_an_interval_beside_a_rounded_estimate_takes_its_unit(effect, ends, said):
    from evaltools.words.formats import fmt_kr_beside
    assert [e.replace("\u00a0", " ") for e in fmt_kr_beside(ends, effect, "sv")] == said
