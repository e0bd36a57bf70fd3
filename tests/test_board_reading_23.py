"""Page 1's "was it worth it" as a board reads it: the project's cost is said once, in current prices, and
the present value it is set against reads as that same cost counted another way, not as a second cost (or
the budget again); the state's result, where it rests on the assumption that the benefit it pays instead
equals the försörjningsstöd that benefit replaces, says so beside the figure."""
from __future__ import annotations

import re
import textwrap

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import ASSUMED, COST, MEASURED
from evaltools.present.sections import summary

from .conftest import PARTICIPANT_ROWS, participants_frame, write_csv

NBSP = "\u00a0"

SAME_COST = {"sv": "mot kostnaden ovan räknad som nuvärde, ",
             "en": "against the cost above as a present value, "}
ASSUMED_WORDS = {"sv": " (antaget att dess ersättning är lika stor som försörjningsstödet den ersätter)",
                 "en": " (assuming its benefits are as large as the social assistance they replace)"}
STATE_PAYS = {"sv": r"staten betalar [\d ]+ kr", "en": r"the state pays SEK [\d,]+"}


# the conftest's four and P5, who like P2 ended still on försörjningsstöd: two who did not leave it, so that the exits
# are shown at the threshold of 2 (one would be hidden, and with it the count of exits: tests/test_small_counts_23.py)
ROWS = [*PARTICIPANT_ROWS, ("P5", "man", 1985, "ensamstående", "2022-04-01", "2022-10-01", "kvar_försörjningsstöd")]


def _project(tmp_path, rows=ROWS):
    """A small project: a budget with 90 000 kr spent in 2022, payments before two participants' exits and a
    small-count threshold of 2, so that page 1 counts its few exits."""
    data = tmp_path / "data"
    write_csv(data / "participants.csv", participants_frame(rows))
    write_csv(data / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    write_csv(data / "payments.csv", [{"person_id": "P1", "month": "2022-01", "amount": 9000},
                                      {"person_id": "P4", "month": "2022-12", "amount": 9000}])
    p = tmp_path / "tiny.yaml"
    p.write_text(textwrap.dedent("""\
        id: tiny
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data:
          participants: data/participants.csv
          payments: data/payments.csv
          budget: data/budget.csv
        privacy: {min_count: 2}
        """), encoding="utf-8")
    return p


def _public_sentence(r) -> str:
    (sentence,) = [s for s in summary.worth(r) if "nettonuvärdet för de offentliga" in s
                   or "net present value for the public" in s]
    return sentence.replace(NBSP, " ")


# --- 1. the cost once, its present value as the same cost counted another way --------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_sets_the_saving_against_the_same_cost_counted_as_a_present_value(tmp_path, lang):
    r = et.Report(_project(tmp_path), lang=lang)
    cost = " ".join(summary.cost(r)).replace(NBSP, " ")
    # the cost is said once, in current prices: the budget file's 90 000 kr spent
    assert ("90 000 kr i löpande priser" if lang == "sv" else "SEK 90,000 in current prices") in cost
    sentence = _public_sentence(r)
    amount = r"([\d ]+) kr" if lang == "sv" else r"SEK ([\d,]+)"
    m = re.search(re.escape(SAME_COST[lang]) + amount + r"\.", sentence)
    assert m, sentence  # the present value is named as the cost above, counted another way
    # and it is the project's cost as the ledger counts it, summed by hand over its cost rows (municipality,
    # region and state: 25 % + 25 % + 50 % of the same present value), rounded as the sentence rounds
    led = r.cba.ledger
    by_hand = -sum(led.loc[led["source"] == COST, "pv"])
    said = float(re.sub(r"[ ,]", "", m.group(1)))
    assert abs(said - by_hand) <= 10, (said, by_hand)
    # the old words, which read as a second price list beside the cost, are gone
    assert "inte de löpande priserna ovan" not in sentence and "not the current prices above" not in sentence


# --- 2. the state's figure says that it rests on an assumption ------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_states_result_is_said_as_resting_on_the_assumed_benefit(tmp_path, lang):
    # P4 leaves for sjuk- och aktivitetsersättning: a benefit the state (Försäkringskassan) pays instead, at
    # an assumed amount (no register data): the state's figure says so, right after it
    r = et.Report(_project(tmp_path), lang=lang)
    sentence = _public_sentence(r)
    assert re.search(STATE_PAYS[lang] + re.escape(ASSUMED_WORDS[lang]), sentence), sentence
    # said once, after the state only (not after the municipality's or the region's figure)
    assert sentence.count(ASSUMED_WORDS[lang].strip()) == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_assumption_is_said_where_no_one_moves_to_a_benefit_from_the_state(tmp_path, lang):
    # the same project with P4 gone to work instead: the state pays only its share of the cost
    rows = [row[:6] + ("arbete",) if row[0] == "P4" else row for row in ROWS]
    r = et.Report(_project(tmp_path, rows), lang=lang)
    sentence = _public_sentence(r)
    assert re.search(STATE_PAYS[lang], sentence), sentence
    assert ASSUMED_WORDS[lang].strip() not in sentence


def test_the_assumption_is_read_from_the_states_assumed_benefit_rows():
    def ledger(actor: str, source: str, pv: float = -1000.0) -> pd.DataFrame:
        return pd.DataFrame({"item": ["forsorjningsstod", "ersattning_fk"], "actor": ["kommun", actor],
                             "pv": [1000.0, pv], "source": [ASSUMED, source]})

    assert summary.state_benefit_assumed(ledger("fk", ASSUMED))       # Försäkringskassan, counted with the state
    assert summary.state_benefit_assumed(ledger("stat", ASSUMED))     # studiestöd and other state benefits
    assert not summary.state_benefit_assumed(ledger("fk", MEASURED))  # measured in register data: no assumption
    assert not summary.state_benefit_assumed(ledger("fk", ASSUMED, pv=0.0))  # no flow
    assert not summary.state_benefit_assumed(ledger("fk", ASSUMED).iloc[:1])  # försörjningsstöd only
    assert not summary.state_benefit_assumed(None)
