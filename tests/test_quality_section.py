"""The data-quality section lists the uncertain reference values year by year."""
from __future__ import annotations

import pytest

from evaltools.present.display import Table
from evaltools.present.sections import quality

from .conftest import sample_report


def test_uncertain_reference_values_are_listed_year_by_year():
    r = sample_report("samverkan-i-praktiken")
    raw = quality.flagged_references(r.cba.reference_values)
    assert raw["year"].nunique() > 1 and not raw["year"].is_monotonic_increasing  # (as the analysis lists them)
    tables = [b for block in quality.blocks(r) for b in block if isinstance(b, Table)]
    years = tables[-1].frame[r.msg("quality.year")].tolist()
    assert years == sorted(raw["year"].tolist())


# --- each note of the appendix's data-quality table is a sentence: a capital first, a full stop last -------------

@pytest.mark.parametrize("note, shown", [
    ("budgetraden saknar både budget och utfall och räknas som 0 kr", "Budgetraden saknar både budget och utfall och räknas som 0 kr."),
    ("Två rader (se bilagan)", "Två rader (se bilagan)."),
    ("Redan en mening.", "Redan en mening."),
    ("Är detta rätt?", "Är detta rätt?"),
    ("Citat ”så här.”", "Citat ”så här.”"),
])
def test_a_note_is_shown_as_a_sentence(note, shown):
    from evaltools.present.sections.quality import sentence
    assert sentence(note) == shown

