"""What an English-speaking board member stumbles over, a sixty-third reading: the method appendix described how a
comparison group gives the deadweight in reports that have none (Timrå, Nästa steg), so a reader looked for a
comparison the report never makes; it now says only what the report uses."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import method

from .conftest import PARAMS, sample_report

RULE_START = ("Det som hade hänt ändå", "What would have happened anyway")
# how the general rule names the comparison group's estimate, in each language
COMPARISON = {"sv": "jämförelsegruppens och deltagarnas andelar", "en": "the comparison group's and the participants' shares"}
ASSUMED = {"sv": "25\u00a0% är ett antagande utan källa", "en": "25% is an unsourced assumption"}


def _rule(r) -> str:
    (rule,) = [p for p in method.paragraphs(r) if p.startswith(RULE_START)]
    return rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_deadweight_rule_of_a_report_without_a_comparison_group_says_nothing_of_one(lang):
    """Timrå has no comparison group (its params name none): its deadweight is the toolkit's 25 %, tested over
    0–75 % as its assumptions table says, and the rule does not describe an estimate from a comparison group."""
    r = sample_report("timra-vagen-ut", lang)
    assert r.project.comparison is None
    rule = _rule(r)
    assert COMPARISON[lang] not in rule, rule
    assert "95" not in rule, rule  # (the ratio's interval and its upper end belong to the estimate)
    assert ASSUMED[lang] in rule, rule
    assert ("0\u00a0%–75\u00a0%" if lang == "sv" else "from 0% to 75%") in rule, rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_deadweight_rule_of_a_report_with_a_comparison_group_says_how_it_is_estimated_and_no_assumption(lang):
    # Språngbrädan's deadweight is estimated from its comparison group: no "unsourced assumption" of 25 % beside it
    r = sample_report("sprangbradan-demo", lang)
    assert r.cba.summary.deadweight_source == "comparison"
    rule = _rule(r)
    assert COMPARISON[lang] in rule, rule
    assert ("antagande utan källa" if lang == "sv" else "unsourced") not in rule, rule


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_deadweight_set_in_the_params_is_not_called_an_unsourced_assumption(lang, tmp_path):
    """Timrå with a deadweight of 40 % in its params: the rule names neither a comparison group nor the toolkit's
    25 %, and the sentence after it gives the params' 40 %."""
    text = (PARAMS / "timra-vagen-ut.yaml").read_text(encoding="utf-8")
    text = text.replace("../data/", f"{PARAMS.parent / 'data'}/").replace("cost_benefit:\n", "cost_benefit:\n  deadweight: 0.4\n", 1)
    path = tmp_path / "timra-vagen-ut.yaml"
    path.write_text(text, encoding="utf-8")
    r = et.Report(path, lang=lang)
    assert r.cba.summary.deadweight_source == "params"
    rule = _rule(r)
    assert COMPARISON[lang] not in rule and "25" not in rule, rule
    assert ("40\u00a0%" if lang == "sv" else "40%") in rule, rule
