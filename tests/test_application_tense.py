"""An application checked before its start is read in the future tense: its glossary defines the terms without
saying that anyone has already left social assistance ("som lämnat ... som hade gjort det"), which reads as if the
project had run."""
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
