"""What a board member stumbles over, a seventeenth reading: an application checked before its start whose glossary
defines the terms as if the project had run ("som lämnat ... som hade gjort det"), and a chart of successes by group
whose hidden groups were marked by a faint grey ".." that read as nothing at all on paper."""
from __future__ import annotations

import re

import pytest

from evaltools.present.display import Table
from evaltools.present.sections import method

from .conftest import sample_report

# the past-tense forms a definition of the cost-benefit's terms would use of participants who have left
PAST = {"sv": re.compile(r"\b(lämnat|hade gjort|skrevs ut|deltog|avslutade)\b"),
        "en": re.compile(r"\b(left|had done|took part|ended)\b")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_applications_glossary_is_not_in_the_past_tense(lang):
    blocks = method.glossary_block(sample_report("eskilstuna-ansokan", lang))
    (table,) = [b for b in blocks if isinstance(b, Table)]
    definitions = list(table.frame.iloc[:, 1])
    assert any(d.startswith(("Den andel av dem som lämnar", "The share of those who leave")) for d in definitions)
    assert not [d for d in definitions if PAST[lang].search(d)], definitions


@pytest.mark.parametrize(("lang", "word"), [("sv", "dolt"), ("en", "hidden")])
def test_a_hidden_group_in_the_outcome_chart_says_so_in_a_word(lang, word):
    """Vägen ut's chart of successes by group lists the age groups 18–29, 50–59 and 60+ (hidden by the small-count
    rule) with only a faint grey '..' at the axis, which on paper read as nothing at all."""
    import matplotlib.pyplot as plt

    from evaltools.present.plots import plot_outcome_rates
    fig = plot_outcome_rates(sample_report("timra-vagen-ut", lang).rates, lang)
    try:
        marks = [t.get_text() for t in fig.axes[0].texts]
    finally:
        plt.close(fig)
    assert marks.count(word) >= 3, marks  # (18–29, 50–59 and 60+ at least)
    assert ".." not in marks
