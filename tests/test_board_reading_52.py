"""Page by page as the board reads the samples, a fifty-second time, in Swedish and in English: Kompassen's and
Språngbrädan's payments section naming "skillnad-i-skillnader" and "Sun–Abraham" and showing a table of Rambachan &
Roth bounds to a politician deciding on funding, who needs in plain words how much less försörjningsstöd the
participants received than the comparison group, how sure that is and whether the conclusion survives the groups
drifting apart before the start (the method's names, the estimators and the bounds now stand in the appendix, and
the body's figures are the appendix table's, read as words); and the cost-benefit table per actor heading "Nytta
(nuvärde)" a column in which the state's figure is −23 155 362 kr (Specialistteamet), a negative benefit. Expected
values are worked out by hand from the tables the report shows beside them, in the comments, not taken from the
code's output.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from evaltools.present.display import Table
from evaltools.present.sections import costbenefit, payments
from evaltools.words.text import msg

from .conftest import sample_report, shown_chunks

NBSP = "\u00a0"
METHOD_WORDS = {"sv": ("skillnad-i-skillnader", "Sun–Abraham", "Rambachan"),
                "en": ("difference in differences", "Sun–Abraham", "Rambachan")}


def _plain(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def _said(blocks) -> str:
    return _plain(" ".join(shown_chunks(blocks)))


def _kr(text: str) -> int:
    """An amount as shown ("−2 486 kr", "SEK −2,486") in whole kronor."""
    digits = re.sub(r"[^\d]", "", text)
    return -int(digits) if "\u2212" in text else int(digits)


def _robust_table(r) -> Table:
    [table] = [b for part in payments.detail_blocks(r) for b in part
               if isinstance(b, Table) and msg("payments.robust.estimator", r.lang) in b.frame.columns]
    return table


# --- 1. the comparison in the body in plain words; the method's names and the bounds in the appendix ---------------

@pytest.mark.parametrize("pid", ["kompassen-demo", "sprangbradan-demo"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_payments_section_names_no_estimator_and_the_appendix_shows_them(pid, lang):
    r = sample_report(pid, lang)
    body = _said(payments.blocks(r))
    assert not [w for w in METHOD_WORDS[lang] if w in body], body
    # no table of bounds in the body (its first column: the departure from parallel trends) ...
    tables = [b for part in payments.blocks(r) for b in part if isinstance(b, Table)]
    deviation = msg("payments.honest.deviation", lang)
    assert not [t for t in tables if deviation in t.frame.columns]
    # ... they are the appendix's, under the heading the body refers to
    heading = msg("appendix.comparison_detail", lang)
    assert heading in body
    appendix = _said(payments.detail_blocks(r))
    assert appendix.startswith(heading)
    assert "Sun–Abraham" in appendix and "Rambachan" in appendix
    # and the appendix as the report assembles it holds the detail after the method, before the data's quality
    from evaltools.present.sections import appendix as appendix_section
    whole = _said(appendix_section.blocks(r))
    assert whole.index(msg("method.heading", lang)) < whole.index(heading) < whole.index(msg("quality.heading", lang))


@pytest.mark.parametrize("lang, words", [
    # Kompassen's appendix table: main estimate −2 486 kr, 95 % KI −2 814 kr till −2 158 kr, the whole interval
    # below zero; the body says the same estimate as a fall: "2 486 kr mindre", "2 158 kr till 2 814 kr mindre"
    ("sv", "i genomsnitt {amount} mindre i försörjningsstöd per månad (95 % KI {near} till {far} mindre; 646 hushåll, "
           "varav 159 med deltagare). Hela intervallet är en minskning"),
    ("en", "on average {amount} less social assistance per month after the start (95% CI {near} to {far} less; 646 "
           "households, 159 of them with participants). The whole interval is a fall"),
])
def test_kompassens_body_says_the_appendix_estimate_as_a_fall_in_words(lang, words):
    r = sample_report("kompassen-demo", lang)
    main = _robust_table(r).frame.iloc[0]
    effect, interval = main.iloc[1], main.iloc[2]
    low, high = (_kr(x) for x in re.split(r" till | to ", interval.replace(NBSP, " ")))
    assert _kr(effect) < 0 and low < high < 0  # (a fall, sure: the whole interval below zero)

    def kr(v: int) -> str:
        return f"{v:,}".replace(",", " ") + " kr" if lang == "sv" else f"SEK {v:,}"
    # 646 households: Kompassen's 159 participants' households and the 487 comparison households of its table
    expected = words.format(amount=kr(-_kr(effect)), near=kr(-high), far=kr(-low))
    assert expected in _said(payments.blocks(r))


@pytest.mark.parametrize("lang, words", [
    # Språngbrädan's main estimate −129 kr, −614 kr till 357 kr: a fall on average, but the interval holds a rise
    ("sv", "i genomsnitt 129 kr mindre i försörjningsstöd per månad, men osäkerheten är stor: 95 % KI går från 614 kr "
           "mindre till 357 kr mer"),
    ("en", "on average SEK 129 less social assistance per month after the start, but the uncertainty is large: the "
           "95% CI runs from SEK 614 less to SEK 357 more"),
])
def test_spranbradans_body_says_that_its_comparison_shows_no_certain_difference(lang, words):
    r = sample_report("sprangbradan-demo", lang)
    main = _robust_table(r).frame.iloc[0]
    assert [_kr(x) for x in re.split(r" till | to ", main.iloc[2].replace(NBSP, " "))] == [-614, 357]
    body = _said(payments.blocks(r))
    assert words in body
    # its check before the start failed: no sentence on drifting apart beyond the check's own (test_board_reading_50)
    assert ("Slutsatsen står sig" if lang == "sv" else "The conclusion stands") not in body


@pytest.mark.parametrize("lang, sentence", [
    ("sv", "Jämförelsen förutsätter att grupperna hade följts åt utan projektet. Slutsatsen står sig även om de redan "
           "före start gled isär, så länge glidningen fortsatte i samma takt eller ökade eller minskade med högst {m} "
           "per månad för varje månad som gick; vid {next} per månad kan skillnaden lika gärna vara noll."),
    ("en", "The comparison assumes that the groups would have moved together without the project. The conclusion "
           "stands even if they were already drifting apart before the start, as long as the drift went on at the "
           "same pace or that pace grew or shrank by at most {m} a month with each month that passed; at {next} a "
           "month the difference could just as well be zero."),
])
def test_kompassens_body_says_in_one_sentence_how_far_its_conclusion_survives_drifting_apart(lang, sentence):
    pytest.importorskip("honestdid")
    r = sample_report("kompassen-demo", lang)
    [bounds] = [b for part in payments.detail_blocks(r) for b in part
                if isinstance(b, Table) and msg("payments.honest.deviation", lang) in b.frame.columns]
    # the appendix's table: the last departure whose interval excludes zero ("ja") and the first that does not
    rows = list(zip(bounds.frame.iloc[1:, 0], bounds.frame.iloc[1:, 2]))
    yes, no = msg("common.yes", lang), msg("common.no", lang)
    last_yes = [d for d, e in rows if e == yes][-1]
    first_no = [d for d, e in rows if e == no][0]
    body = _said(payments.blocks(r))
    assert _plain(sentence.format(m=last_yes, next=first_no)) in body
    # one sentence in the body, and the appendix does not say it again above its table
    start = sentence[:20]
    assert body.count(start) == 1
    assert not [t for t in shown_chunks(payments.detail_blocks(r)) if t.startswith(start)]


def _stub(lang: str, effect: float, low: float, high: float):
    did = SimpleNamespace(effect=effect, ci_low=low, ci_high=high, n_clusters=40, n_treated_clusters=12)
    # (twelve participants, each a household of their own, all twelve in the estimate: no count of them withheld)
    project = SimpleNamespace(participants=pd.DataFrame({"person_id": [f"P{i}" for i in range(12)]}),
                              params=SimpleNamespace(privacy=SimpleNamespace(min_count=5)))
    return SimpleNamespace(lang=lang, msg=lambda key, **v: msg(key, lang, **v), payments=SimpleNamespace(did=did),
                           project=project, k=5)


@pytest.mark.parametrize("effect, low, high, said", [
    # a fall whose whole interval is below zero: 300 kr less, 100 to 500 kr less
    (-300.0, -500.0, -100.0, "i genomsnitt 300 kr mindre i försörjningsstöd per månad (95 % KI 100 kr till 500 kr "
                             "mindre; 40 hushåll, varav 12 med deltagare). Hela intervallet är en minskning"),
    # a rise whose whole interval is above zero
    (250.0, 50.0, 450.0, "i genomsnitt 250 kr mer i försörjningsstöd per månad (95 % KI 50 kr till 450 kr mer; 40 "
                         "hushåll, varav 12 med deltagare). Hela intervallet är en ökning"),
    # a rise whose interval holds zero: from 100 kr less to 500 kr more
    (200.0, -100.0, 500.0, "i genomsnitt 200 kr mer i försörjningsstöd per månad, men osäkerheten är stor: 95 % KI "
                           "går från 100 kr mindre till 500 kr mer"),
])
def test_the_estimate_in_words_says_its_direction_and_how_sure(effect, low, high, said):
    assert said in _plain(payments.effect_sentence(_stub("sv", effect, low, high)))


# --- 2. the column per actor that can be negative says so in its heading -------------------------------------------

def _actor_table(r) -> Table:
    [table] = [b for group in costbenefit.blocks(r) for b in group
               if isinstance(b, Table) and msg("costbenefit.actor", r.lang) in b.frame.columns
               and msg("costbenefit.cost_pv", r.lang) in b.frame.columns]
    return table


@pytest.mark.parametrize("lang, heading, state, loss", [
    # Specialistteamet: 81 of the 112 who left försörjningsstöd went to a benefit the state pays instead, so the state
    # loses 23 155 362 kr as a present value where the municipality saves (tests/test_recompute_60.py recomputes the
    # state's part by hand, a leaver dated the 1st saving from the next month); the heading says that the column holds a
    # loss as a minus, and the point under the table calls the state's payment that loss
    ("sv", "Nytta (+) eller förlust (−), nuvärde", "−23 155 362 kr", "en förlust för staten"),
    ("en", "Benefit or loss (−), present value", "SEK −23,155,362", "a loss for the state"),
])
def test_the_column_per_actor_says_that_a_minus_is_a_loss(lang, heading, state, loss):
    r = sample_report("eskilstuna-specialistteamet", lang)
    table = _actor_table(r)
    assert heading in table.frame.columns
    assert msg("costbenefit.benefit_pv", lang) == heading  # (the effect-based table's column, too)
    [state_row] = [row for _, row in table.frame.iterrows() if row.iloc[0] == msg("label.stat", lang)]
    assert _plain(state_row[heading]) == state
    assert loss in _plain(" ".join(table.notes))
    # the workbook's sheet per actor and the notebook's column say it in the same words
    assert msg("workbook.column.aktorer.pv_benefit", lang) == heading
    assert msg("explore.column.pv_benefit", lang) == heading
    assert msg("workbook.column.aktorer.pv_benefit_low", lang).startswith(heading + ", ")
