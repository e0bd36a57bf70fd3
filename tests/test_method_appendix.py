"""The appendix's method section covers every comparison-group method the body names, only where it
applies, in both languages, and the persistence rule as the calculation applies it."""
from __future__ import annotations

from dataclasses import replace
from importlib.util import find_spec

import pytest

from evaltools.analysis.comparison import IntervalMethod
from evaltools.present.sections import method

from .conftest import sample_report


@pytest.fixture(scope="module")
def kompassen():
    return {lang: sample_report("kompassen-demo", lang) for lang in ("sv", "en")}


def test_the_comparison_methods_the_payments_section_names_are_in_the_appendix(kompassen):
    r = kompassen["sv"]
    # Kompassen: a DiD with a 3-month anticipation window, a placebo and an event study; 159 households
    # with participants, above the threshold of 50: no wild bootstrap
    # and the honest-DiD bounds' paragraph, or without the extra [robust] the sentence on how to get them
    honest = "method.did.honest" if find_spec("honestdid") else "method.did.honest_missing"
    assert method.did_rules(r) == ("method.did.inference", "method.did.anticipation", "method.did.placebo",
                                   "method.did.event_study", honest)
    text = " ".join(method.paragraphs(r))
    assert "G − 1" in text and "3 månaderna närmast före start" in text and "låtsad start" in text
    assert "månad −4" in text and "WCR-11" not in text
    en = " ".join(method.paragraphs(kompassen["en"]))
    assert "G − 1" in en and "3 months just before the start" in en and "fake start" in en and "month −4" in en


def test_the_wild_bootstrap_and_its_interval_are_described_where_they_are_used(kompassen):
    for lang in ("sv", "en"):
        r = kompassen[lang]
        pay = r.payments
        few = replace(pay, did=replace(pay.did, wild_p_value=0.2, wild_ci_low=-900.0, wild_ci_high=300.0,
                                       ci_method=IntervalMethod.WILD_BOOTSTRAP))
        stub = type("R", (), {})()
        for name in ("lang", "msg", "params", "project", "cba", "k", "words", "staggered", "weighting", "honest", "goals"):
            setattr(stub, name, getattr(r, name))
        stub.payments = few
        assert "method.did.wild" in method.did_rules(stub)
        (wild,) = [p for p in method.paragraphs(stub) if "WCR-11" in p]
        assert "9" in wild and "999" in wild and "50" in wild and str(r.params.cost_benefit.seed) in wild
        assert ("testinvertering" if lang == "sv" else "test inversion") in wild


def test_no_comparison_paragraphs_without_a_comparison_group():
    r = sample_report("timra-vagen-ut")
    assert method.did_rules(r) == ()
    assert not [p for p in method.paragraphs(r) if "G − 1" in p]


def test_the_persistence_rule_says_the_first_year_follows_the_observed_share(kompassen):
    (sv,) = [p for p in method.paragraphs(kompassen["sv"]) if p.startswith("Avtagande effekt")]
    assert "månad för månad" in sv and "månad 13" in sv and "datakvalitetsanmärkning" in sv
    (en,) = [p for p in method.paragraphs(kompassen["en"]) if p.startswith("Drop-off")]
    assert "month by month" in en and "month 13" in en and "data-quality note" in en


def _few_households_stub(r, **did):
    """The report with its DiD replaced by one below the few-clusters threshold (wild bootstrap main interval)."""
    pay = r.payments
    few = replace(pay, did=replace(pay.did, **{"wild_p_value": 0.2, "wild_ci_low": -2300.0, "wild_ci_high": -1700.0,
                                               "ci_low": -2300.0, "ci_high": -1700.0,
                                               "ci_method": IntervalMethod.WILD_BOOTSTRAP, **did}))
    stub = type("R", (), {})()
    for name in ("lang", "msg", "params", "project", "cba", "k", "words", "staggered", "weighting", "honest"):
        setattr(stub, name, getattr(r, name))
    stub.payments, stub.reference_dates = few, None
    return stub


def test_page_one_and_the_payments_section_say_which_interval(kompassen):
    from evaltools.present.sections import payments, summary
    from evaltools.words.formats import fmt_kr
    for lang in ("sv", "en"):
        r = kompassen[lang]
        stub = _few_households_stub(r)
        (said,) = summary.effect(stub)
        # the interval shown is the wild one (a fall of 1 700 to 2 300 kr), and page 1 says which interval it is
        assert fmt_kr(1700.0, lang) in said and fmt_kr(2300.0, lang) in said
        assert ("vild klusterbootstrap" if lang == "sv" else "wild cluster bootstrap") in said
        text = " ".join(payments.did_paragraphs(stub))
        # the section names the t interval it replaced, by its own ends
        assert fmt_kr(r.payments.did.t_ci_low, lang) in text and fmt_kr(r.payments.did.t_ci_high, lang) in text
        # above the threshold (Kompassen as it is) page 1 does not mention the bootstrap
        assert "bootstrap" not in " ".join(summary.effect(r))


# --- the break-even in persons: defined where the key figures give it (not for a structural project) ----------
EXITS = {"sv": "Brytpunkten i personer (nyckeltalen) är kostnaden delad med nyttan per person som lämnat "
               "försörjningsstödet",
         "en": "The break-even in persons (the key figures) is the cost divided by the benefit per person who left "
               "social assistance"}


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_participant_project_s_appendix_defines_the_break_even_in_persons(lang):
    r = sample_report("timra-vagen-ut", lang)
    assert r.cba.summary.break_even_exits > 0  # (the key figure the sentence defines is there to define)
    [requirement] = [p for p in map(_plain, method.paragraphs(r)) if "Brytpunkt:" in p or "Break-even:" in p]
    assert EXITS[lang] in requirement


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_structural_project_s_appendix_has_no_break_even_in_persons(lang):
    r = sample_report("samverkan-i-praktiken", lang)
    assert r.cba.summary.mode == "structural"
    said = " ".join(map(_plain, method.paragraphs(r)))
    assert ("Brytpunkt:" in said or "Break-even:" in said) and EXITS[lang] not in said
