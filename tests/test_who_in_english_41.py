"""Whose figure a label names, in English with its article: "Net present value for the municipality", never "for
municipality" (the label's own word, lower-cased, as the Swedish "kommunen" reads)."""
from __future__ import annotations

import evaltools as et

from .conftest import shown_chunks


def test_the_key_figures_name_the_municipality_with_its_article(tiny_project):
    path = tiny_project("cost_benefit: {lead_perspective: kommun}\n")
    from evaltools.present.sections import costbenefit
    en = shown_chunks(costbenefit.blocks(et.Report(path, lang="en")))
    sv = shown_chunks(costbenefit.blocks(et.Report(path, lang="sv")))
    assert any(c.startswith("Net present value for the municipality (") for c in en)
    assert not any("for municipality" in c for c in en)
    assert any(c.startswith("Nettonuvärde för kommunen (") for c in sv)
