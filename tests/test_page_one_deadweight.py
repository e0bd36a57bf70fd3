"""Page 1 says where it gives the deadweight that a comparison the check before the start fails is not reliable:
Språngbrädan (a sample whose participants enrol when their need peaks, README) gave "84,3 % … (uppskattat från
jämförelsegruppen)" as a fact two sentences before saying that the comparison, and the deadweight with it, cannot be
trusted. Kompassen, whose check holds, keeps its words."""
from __future__ import annotations

import pytest

from .conftest import sample_report

UNRELIABLE = {"sv": "(uppskattat från jämförelsegruppen, som här inte är tillförlitlig)",
              "en": "(estimated from the comparison group, which is not reliable here)"}


def _deadweight_sentence(pid: str, lang: str) -> str:
    from evaltools.present.sections import summary
    said = [s for s in summary.worth(sample_report(pid, lang)) if "ändå" in s or "anyway" in s]
    assert len(said) == 1, said
    return said[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_deadweight_from_a_comparison_that_fails_its_check_is_said_to_be_unreliable(lang):
    assert UNRELIABLE[lang] in _deadweight_sentence("sprangbradan-demo", lang)


@pytest.mark.parametrize("lang, source", [("sv", "(uppskattat från jämförelsegruppen)"),
                                          ("en", "(estimated from the comparison group)")])
def test_a_deadweight_from_a_comparison_that_holds_is_said_as_before(lang, source):
    sentence = _deadweight_sentence("kompassen-demo", lang)
    assert source in sentence and UNRELIABLE[lang] not in sentence
