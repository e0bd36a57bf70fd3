"""Page 1 says when an actor's result is its part of the project's cost alone: the application check of
Specialistteamet (eskilstuna-ansokan) said "regionen skulle betala 900 000 kr och staten skulle betala 1,8 miljoner
kronor" without saying that these are their Finsam shares of the cost (a quarter and a half of 3,6 miljoner in present
value: every expected exit counts as work, so nothing is saved or paid instead for them). Where the calculation counts
a flow for the actor (Kompassen's region gets tax on the earnings it values), nothing is added; nor in a report on
what happened, whose page 1 says why the state pays where it pays more and whose table per actor gives each part."""
from __future__ import annotations

import pytest

from .conftest import sample_report

CLAUSE = {"sv": " (sin andel av kostnaden)", "en": " (its share of the cost)"}
# two side by side that pay their share alone: said once, after the second (not the same bracket twice in a row)
EACH = {"sv": " (var och en sin andel av kostnaden)", "en": " (each its share of the cost)"}


def _first_worth(pid: str, lang: str) -> str:
    from evaltools.present.sections import summary
    return summary.worth(sample_report(pid, lang))[0]


@pytest.mark.parametrize("lang, region, state", [
    ("sv", "regionen skulle betala 900 000 kr", "staten skulle betala 1,8 miljoner kronor"),
    ("en", "the region would pay SEK 900,000", "the state would pay SEK 1.8 million")])
def test_an_actor_that_only_pays_its_share_is_said_to_pay_its_share(lang, region, state):
    said = _first_worth("eskilstuna-ansokan", lang).replace("\u00a0", " ")
    assert region + " och " + state + EACH[lang] in said if lang == "sv" else region + " and " + state + EACH[lang] in said
    assert CLAUSE[lang] not in said, said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_actor_with_a_flow_of_its_own_gets_no_such_words(lang):
    said = _first_worth("kompassen-demo", lang)
    r = sample_report("kompassen-demo", lang)
    region = r.cba.table.set_index("perspective").loc["region"]
    assert region["pv_benefit"] != 0  # (the tax on the earnings the calculation values: a flow of its own)
    assert CLAUSE[lang] not in said, said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_report_on_what_happened_keeps_page_one_as_it_was(lang):
    # Vägen ut's region pays its share alone too (274 000 kr), but its page 1 is a report's, not an application's
    said = _first_worth("timra-vagen-ut", lang)
    r = sample_report("timra-vagen-ut", lang)
    assert abs(r.cba.table.set_index("perspective").loc["region", "pv_benefit"]) < 0.5
    assert CLAUSE[lang] not in said, said
