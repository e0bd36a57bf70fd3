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


def test_an_estimated_deadweight_above_the_range_is_tested_on_both_sides():
    """Språngbrädan's deadweight, estimated from its comparison group at 84,3 %, lies above the default range
    (0–75 %); the sensitivity tested it from 0 % up to 84,3 % only ('Prövas mellan 0–84,3 %'), never at a larger
    deadweight, though the estimate is uncertain both ways. It is now tested to the upper end of the ratio's 95 %
    interval, within 95 %."""
    import math

    from evaltools.analysis.comparison import comparison_success_rates

    r = sample_report("sprangbradan-demo", "sv")
    p_rate, c_rate, n_p, n_c = comparison_success_rates(r.project, r.params.cost_benefit.success_outcomes)
    kp, kc = round(p_rate * n_p), round(c_rate * n_c)
    assert c_rate / p_rate == pytest.approx(0.843, abs=0.001)
    # the ratio's interval by Katz's log method, by hand: exp(ln RR ± 1,96 √(1/kc − 1/nc + 1/kp − 1/np))
    se = math.sqrt(1 / kc - 1 / n_c + 1 / kp - 1 / n_p)
    upper = math.exp(math.log(c_rate / p_rate) + 1.96 * se)
    assert upper > 0.95  # so the tested range reaches the largest deadweight the estimate may take, 95 %
    a = r.cba.assumptions
    (row,) = a[a["name"] == "deadweight"].to_dict("records")
    assert (row["lower"], row["upper"]) == (0.0, 0.95)
    bar = r.cba.sensitivity[r.cba.sensitivity["parameter"] == "deadweight"]
    assert sorted([float(bar["low_value"].iloc[0]), float(bar["high_value"].iloc[0])]) == [0.0, 0.95]


def test_an_estimated_deadweight_inside_the_range_keeps_the_range():
    # Kompassen's 51,6 % (24,6 % of the comparison group against 47,8 % of the participants) lies inside 0–75 %,
    # and so does its interval: the range tested is the default one
    a = sample_report("kompassen-demo", "sv").cba.assumptions
    (row,) = a[a["name"] == "deadweight"].to_dict("records")
    assert row["value"] == pytest.approx(0.246 / 0.478, abs=0.002)
    assert (row["lower"], row["upper"]) == (0.0, 0.75)
