"""Page 1 says the state pays more than its share of the project's cost before it says why, where that share is
most of what it pays.

"staten betalar 2,1 miljoner kronor, eftersom några … gick till en ersättning som staten betalar" read as if the
whole amount were the benefits it pays in place of försörjningsstöd, where most of it was the state's share of the
cost (half under the Finsam act) and the benefits a third of a million. Where the cost share is the smaller part,
the reason explains most of the figure and is said as before (page 1 keeps its length).
"""
import csv

import pytest


def _page_one(report) -> str:
    from evaltools.present.sections import summary

    from .conftest import shown_chunks
    return " ".join(shown_chunks(summary.blocks(report))).replace("\u00a0", " ")


def _state_sentence(page: str, lang: str) -> str:
    start = page.index("staten betalar " if lang == "sv" else "the state pays ")
    return page[start:].split(". ")[0]


ABOVE = {"sv": ", mer än sin andel av kostnaden, eftersom 2 av de 4 som lämnade",
         "en": ", more than its share of the cost, because 2 of the 4 who left"}
REASON = {"sv": ", eftersom 2 av de 4 som lämnade", "en": ", because 2 of the 4 who left"}


def _times_ten(path):
    """The project's budget and utfall ten times as large: the state's share of the cost, half of it, grows tenfold,
    what it pays in place of försörjningsstöd stays as it is."""
    budget = path.parent / "data" / "budget.csv"
    rows = list(csv.DictReader(budget.open(encoding="utf-8")))
    for row in rows:
        for col in ("budget", "actual"):
            if row[col]:
                row[col] = str(int(float(row[col])) * 10)
    with budget.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_cost_share_is_named_where_it_is_most_of_what_the_state_pays(tmp_path, lang):
    import evaltools as et

    from .test_ledger_by_hand import COST_2024, COST_2025, _project
    path = _project(tmp_path, 0.0)
    _times_ten(path)
    r = et.Report(path, lang=lang)
    state = r.cba.table.set_index("perspective").loc["stat"]
    # tests/test_ledger_by_hand.py's project at a discount rate of 0, its costs ten times: the state bears half
    assert state["pv_cost"] == pytest.approx(10 * (COST_2024 + COST_2025) / 2, abs=1)
    assert -state["pv_benefit"] < state["pv_cost"]  # (its benefits paid instead are the smaller part)
    assert ABOVE[lang] in _state_sentence(_page_one(r), lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_reason_alone_where_the_benefits_paid_instead_are_most_of_it(tmp_path, lang):
    import evaltools as et

    from .test_ledger_by_hand import COST_2024, COST_2025, _project
    r = et.Report(_project(tmp_path, 0.0), lang=lang)
    state = r.cba.table.set_index("perspective").loc["stat"]
    # the same project as it is: the state's half of 180 000 kr against the benefits and the wage subsidy it pays
    # in place of försörjningsstöd (B's, C's and F's; tests/test_ledger_by_hand.py), which are the larger part
    assert state["pv_cost"] == pytest.approx((COST_2024 + COST_2025) / 2, abs=1)
    assert -state["pv_benefit"] > state["pv_cost"]
    said = _state_sentence(_page_one(r), lang)
    assert REASON[lang] in said
    assert ABOVE[lang] not in said
