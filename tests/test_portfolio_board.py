"""The portfolio as a board reads it: a first page of conclusions (which projects reached their goals,
who gains and who pays), applications listed apart from results, every net present value in one
price year, and short words in the success column. Expected values come from the samples' own
reports (their goals and price years) and from SCB's KPI read here from the reference file."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.present import portfolio as pf_module
from evaltools.present.display import Table, Text
from evaltools.present.portfolio import Portfolio
from tests.conftest import PARAMS

SAMPLES = ("samverkan-i-praktiken", "eskilstuna-ansokan", "timra-vagen-ut")


@pytest.fixture(scope="module", params=["sv", "en"])
def shown(request):
    parts: list = []
    original = pf_module.show
    pf_module.show = lambda *p: parts.extend(p)
    try:
        pf = Portfolio([PARAMS / f"{p}.yaml" for p in SAMPLES], request.param)
        pf.overview()
    finally:
        pf_module.show = original
    return request.param, pf, parts


def test_the_first_part_is_the_conclusions_with_applications_apart(shown):
    lang, pf, parts = shown
    texts = [p for p in parts if isinstance(p, Text)]
    assert texts[0].heading == ("Slutsatser" if lang == "sv" else "Conclusions")
    assert parts.index(texts[0]) < min(parts.index(t) for t in parts if isinstance(t, Table))
    results, checks = texts[1], texts[2]
    assert results.heading == ("Projekt med resultat" if lang == "sv" else "Projects with results")
    # Timrå: the municipality gains, the state pays (its report's page 1 says the same signs)
    timra = next(s for s in results.paragraphs if "Vägen ut" in s)
    gains, pays = (("kommunen vinner", "staten betalar") if lang == "sv" else
                   ("the municipality gains", "the state pays"))
    assert gains in timra and pays in timra
    # one of its four assessed goals is reached (its report: one achieved, two not, one partly; one not assessed)
    assert ("nådde ett av fyra bedömda mål" if lang == "sv" else "reached one of four assessed goals") in timra
    tag = "förhandsbedömning" if lang == "sv" else "before start"
    assert not any(tag in s for s in results.paragraphs)
    assert len(checks.paragraphs) == 1 and tag in checks.paragraphs[0]
    # the application speaks of what would happen
    assert ("skulle" if lang == "sv" else "would") in checks.paragraphs[0]


def _kpi(year: int) -> float:
    frame = pd.read_csv(et.__path__[0] + "/data/kpi.csv")
    return float(frame.set_index("year").loc[year, "kpi_1980_100"])


def test_every_net_present_value_is_in_one_price_year(shown):
    _, pf, _ = shown
    # Samverkan counts in 2025 prices, Timrå in 2019 prices: the portfolio states both in 2025 prices
    assert pf.price_year == 2025
    own = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"), monte_carlo=False, effect=False)
    npv_2019 = float(own.table.set_index("perspective").loc["offentliga", "npv"])
    row = pf.table.set_index("id").loc["timra-vagen-ut"]
    assert row["npv_public"] == pytest.approx(npv_2019 * _kpi(2025) / _kpi(2019), rel=1e-9)
    assert (pf.table["npv_price_year"] == 2025).all()


def test_the_success_column_is_short_and_the_definitions_follow_in_a_note(shown):
    lang, _, parts = shown
    people = next(p for p in parts if isinstance(p, Table))
    column = people.frame.iloc[:, 5]
    assert max(len(str(v)) for v in column) <= 50, list(column)
    assert any(("aktiv planering med annan part" if lang == "sv" else "active plan with another agency") in n
               for n in people.notes)
