"""Page by page as the board reads the samples, a fifty-first time, in Swedish and in English: the English page 1
saying of the state's result only "(assuming benefits equal to assistance and a wage subsidy)" where the Swedish says
that the state's benefit is as large as the försörjningsstöd it replaces, and "transfers cancel out" where the Swedish
says that money which only moves between the actors cancels out. Expected values are worked out by hand from the
samples' files in the comments, not taken from the code's output."""
from __future__ import annotations

import csv

import pytest

from evaltools.present.sections import summary
from evaltools.words.text import msg

from .conftest import ROOT, sample_report

NBSP = "\u00a0"


def _plain(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def _outcomes(pid: str) -> list[str]:
    """The outcome of everyone in the sample's participants file who ended."""
    with open(ROOT / "data" / pid / "participants.csv", encoding="utf-8") as f:
        return [row["outcome"] for row in csv.DictReader(f) if row["end_date"]]


def _worth(pid: str, lang: str) -> list[str]:
    return [_plain(s) for s in summary.worth(sample_report(pid, lang))]


# --- 1. the state's assumptions are said as fully in English as in Swedish ------------------------------------------

# the state pays benefits in place of försörjningsstöd (assumed as large as it) and a wage subsidy for subsidised work
BOTH = {"sv": "(antaget att dess ersättning är lika stor som försörjningsstödet den ersätter, och med antaget lönestöd)",
        "en": "(assuming its benefits are as large as the social assistance they replace, and with an assumed wage "
              "subsidy)"}


def test_specialistteamets_exits_go_both_to_state_benefits_and_to_subsidised_work():
    # its participants file: 10 ended in arbete med stöd (a wage subsidy the state pays employers), and 64 in
    # sjuk- eller aktivitetsersättning or sjukpenning, benefits the state pays in place of försörjningsstöd
    ended = _outcomes("eskilstuna-specialistteamet")
    assert ended.count("arbete_med_stöd") == 10
    assert ended.count("sjuk_aktivitetsersättning") + ended.count("sjukpenning") == 64


@pytest.mark.parametrize("lang, state", [("sv", "staten betalar"), ("en", "the state pays")])
def test_the_states_assumed_benefit_is_said_to_be_as_large_as_the_assistance_it_replaces(lang, state):
    (sentence,) = [s for s in _worth("eskilstuna-specialistteamet", lang) if state in s]
    assert BOTH[lang] in sentence, sentence
    # said once, right after the state's figure (SEK 24.9 million: 24 936 094 kr in the table per actor)
    assert sentence.count(BOTH[lang]) == 1
    assert (state + (" 24,9 miljoner kronor " if lang == "sv" else " SEK 24.9 million ") + BOTH[lang]) in sentence


def test_the_english_words_for_the_assumed_benefit_alone_say_what_it_replaces():
    # the same assumption without a wage subsidy (a project whose exits to the state's benefits are not to
    # subsidised work): the words beside the figure, in both languages
    sv = msg("summary.state_benefit_assumed", "sv")
    en = msg("summary.state_benefit_assumed", "en")
    assert sv == " (antaget att dess ersättning är lika stor som försörjningsstödet den ersätter)"
    assert en == " (assuming its benefits are as large as the social assistance they replace)"


# --- 2. what cancels out for society is said in words, not "transfers" ----------------------------------------------

CANCELS = {"sv": "pengar som bara flyttas mellan aktörerna tar ut varandra",
           "en": "money that only moves between the actors cancels out"}


@pytest.mark.parametrize("pid", ["nasta-steg", "eskilstuna-ansokan"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_society_s_net_present_value_says_what_cancels_out_in_the_words_a_politician_uses(pid, lang):
    # Nästa steg (no comparison group, earnings not valued) and the application (the same, said in the
    # conditional): society's figure is a lower bound, said with what cancels out
    society = "samhället som helhet" if lang == "sv" else "society as a whole"
    (sentence,) = [s for s in _worth(pid, lang) if society in s]
    assert CANCELS[lang] in sentence, sentence
    assert "transfers cancel out" not in sentence
