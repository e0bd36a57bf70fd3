"""Cost-benefit figures checked against the seed documents and against hand calculations."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import evaltools as et
from evaltools.costbenefit import annuity_factor

from .conftest import PARAMS

FIXED = """\
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
      horizon_years: 1
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0
    """


def test_timra_cost_per_participant_and_per_success():
    r = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"))
    s = r.summary
    assert s["total_cost_nominal"] == 1_128_000 and s["budget_total"] == 1_276_000
    # 1 128 000 / 52 = 21 692 kr; / 31 = 36 387 kr
    assert round(s["cost_per_participant"]) == 21_692
    assert round(s["cost_per_success"]) == 36_387


def test_eskilstuna_ex_ante_break_even_person_years():
    params = et.load_params(PARAMS / "eskilstuna-specialistteamet.yaml")
    cb = params.cost_benefit.model_copy(update={
        "price_year": 2023,
        "monthly_level": params.cost_benefit.monthly_level.model_copy(update={"method": "fixed", "amount_sek": 8900,
                                                                              "amount_year": 2023})})
    flat_kpi = params.reference.model_copy(update={"kpi": {y: 100.0 for y in range(2017, 2027)}})
    params = params.model_copy(update={"cost_benefit": cb, "reference": flat_kpi,
                                       "data": params.data.model_copy(update={"participants": None, "payments": None})})
    r = et.cost_benefit(et.load_project(params), cost_basis="budget")
    # 3 863 075 kr / (8 900 kr x 12) = 36,2 person-years of avoided försörjningsstöd
    assert r.summary["total_cost_fixed"] == 3_863_075
    assert r.summary["break_even_person_years"] == pytest.approx(3_863_075 / (8900 * 12))
    assert round(r.summary["break_even_person_years"], 1) == 36.2


def test_tiny_project_npv_perspectives_and_payback_by_hand(tiny_project):
    project = et.load_project(tiny_project(FIXED))
    r = et.cost_benefit(project)
    s = r.summary
    # two exits leave försörjningsstöd (P1 arbete, P4 sjuk_aktivitetsersättning): 2 x 12 x 9 000
    assert s["successes"] == 2 and s["pv_avoided_fs"] == pytest.approx(216_000)
    # cost = utfall 90 000 + 25 000
    assert s["pv_cost"] == pytest.approx(115_000) and s["npv"] == pytest.approx(101_000)
    assert s["bcr"] == pytest.approx(216_000 / 115_000)
    actors = r.table.set_index("actor")
    assert actors.loc["kommun", "pv_benefit"] == pytest.approx(216_000)
    # the move to sjuk/aktivitetsersättning is paid by the state instead: a transfer
    assert actors.loc["stat", "pv_benefit"] == pytest.approx(-108_000)
    # society gains nothing from transfers; work is not valued (no earnings given) -> lower bound 0
    assert actors.loc["samhälle", "pv_benefit"] == pytest.approx(0)
    assert actors.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    # Finsam shares of the cost: state 50 %, region and municipality 25 % each
    assert actors.loc["stat", "pv_cost"] == pytest.approx(57_500)
    # P1 saves from month 6 (exit 2022-08-01), P4 from month 15 (2023-05-01), 9 000 each:
    # cumulative 99 000 after month 16, 117 000 after month 17 >= 115 000
    assert s["payback_months"] == 17
    # break-even: 115 000 / (9 000 x 12)
    assert s["break_even_exits"] == pytest.approx(115_000 / 108_000)


def test_discounting_and_dropoff_by_explicit_sum(tiny_project):
    extra = FIXED.replace("horizon_years: 1", "horizon_years: 3").replace("dropoff_per_year: 0",
                                                                          "dropoff_per_year: 0.2").replace(
        "discount_rate: 0", "discount_rate: 0.035")
    project = et.load_project(tiny_project(extra))
    r = et.cost_benefit(project)
    start = dt.date(2022, 1, 1)
    total = 0.0
    for exit_day in (dt.date(2022, 8, 1), dt.date(2023, 5, 1)):
        t0 = (exit_day - start).days / 365.25
        for month in range(36):
            total += 9000 * 0.8 ** (month // 12) / 1.035 ** (month / 12) / 1.035 ** t0
    assert r.summary["pv_avoided_fs"] == pytest.approx(total)
    assert annuity_factor(1, 0.0, 0.0) == 12


def test_work_earnings_when_valued_go_to_state_individual_and_society(tiny_project):
    extra = FIXED.rstrip(" ") + "      work_earnings_sek_month: 20000\n      tax_rate: 0.3\n"
    r = et.cost_benefit(et.load_project(tiny_project(extra)))
    a = r.table.set_index("actor")
    # P1 works: 12 x 20 000 earnings; 30 % tax to the state, the rest minus lost FS to the individual
    assert a.loc["individ", "pv_benefit"] == pytest.approx(12 * (20000 * 0.7 - 9000))
    assert a.loc["stat", "pv_benefit"] == pytest.approx(12 * 20000 * 0.3 - 12 * 9000)
    assert a.loc["samhälle", "pv_benefit"] == pytest.approx(12 * 20000)


def test_deadweight_from_comparison_group():
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    r = et.cost_benefit(project)
    succ = set(project.params.cost_benefit.success_outcomes)
    p = project.participants[~project.participants["ongoing"]]["outcome"].isin(succ).mean()
    c = project.comparison["outcome"].isin(succ).mean()
    assert r.summary["deadweight"] == pytest.approx(c / p)
    row = r.assumptions.set_index("name").loc["deadweight"]
    assert "jämförelsegruppen" in row["source"]


def test_sensitivity_and_monte_carlo_are_reproducible():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    a, b = et.cost_benefit(project), et.cost_benefit(project)
    assert a.monte_carlo["p_npv_positive"] == b.monte_carlo["p_npv_positive"]
    assert 0 <= a.monte_carlo["p_npv_positive"] <= 1
    s = a.sensitivity
    assert set(s["parameter"]) == {"monthly_level", "horizon_years", "dropoff_per_year", "deadweight",
                                   "discount_rate", "cost", "successes"}
    assert list(s["range"]) == sorted(s["range"], reverse=True)
    base = a.summary["npv"]
    assert (s["npv_base"] == base).all()
    # a longer horizon can only add benefit
    h = s.set_index("parameter").loc["horizon_years"]
    assert h["npv_low"] < base < h["npv_high"]


def test_budget_vs_actual_differences():
    ct = et.costs(et.load_project(PARAMS / "timra-vagen-ut.yaml")).table.set_index("category")
    assert ct.loc["Lönekostnader", "difference"] == 956_000 - 1_086_000
    assert ct.loc["Externa tjänster: utvärdering", "used_pct"] == pytest.approx(134 / 150)


def test_result_serialises_to_json():
    import json
    r = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"))
    d = json.loads(r.to_json())
    assert d["summary"]["total_cost_nominal"] == 1_128_000
    assert "npv_draws" not in d["monte_carlo"] and d["monte_carlo"]["draws"] == 5000


def test_effect_based_benefit_from_the_did_by_explicit_sum():
    from evaltools import comparison, reference
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    r = et.cost_benefit(project)
    e = r.effect_based
    did = comparison.compare_payments(project).did
    assert e["did_effect"] == did.effect
    starts = project.participants["start_date"]
    year = int(starts.dt.year.median())
    kpi = reference.kpi_table().set_index("year")["kpi_1980_100"]
    factor = kpi[2023] / kpi[year]
    total = 0.0
    for s in starts:
        t0 = max(0.0, (s - pd.Timestamp("2021-01-01")).days / 365.25)
        for month in range(36):  # 3-year horizon, 20 % drop-off a year, 3.5 % discounting, no deadweight
            total += -did.effect * factor * 0.8 ** (month // 12) / 1.035 ** (month / 12) / 1.035 ** t0
    assert e["pv_benefit"] == pytest.approx(total)
    assert e["npv"] == pytest.approx(total - r.summary["pv_cost"])
    assert 0 <= e["p_npv_positive"] <= 1 and e["npv_p05"] < e["npv"] < e["npv_p95"]


def test_no_effect_based_estimate_without_comparison_group():
    assert et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml")).effect_based is None


def test_a_given_comparison_result_is_reused_not_estimated_again(monkeypatch):
    from evaltools import comparison
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    payments = comparison.compare_payments(project)

    def refuse(*a, **k):
        raise AssertionError("the DiD was estimated a second time")
    monkeypatch.setattr(comparison, "compare_payments", refuse)
    r = et.cost_benefit(project, payments=payments)
    assert r.effect_based["did_effect"] == payments.did.effect
    assert et.cost_benefit(project, effect=False).effect_based is None


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "kompassen-demo"])
def test_sources_units_and_notes_follow_the_language(pid):
    import re
    project = et.load_project(PARAMS / f"{pid}.yaml")
    swedish = re.compile(r"[åäö]|\b(och|varieras|ej|antagande|mån|andel)\b", re.IGNORECASE)
    en = et.cost_benefit(project, lang="en")
    texts = [*en.assumptions["source"], *en.assumptions["unit"], *en.table["note"], en.monte_carlo["varied"]]
    assert not [x for x in texts if swedish.search(x)]
    assert "varied 0–50%" in " ".join(en.assumptions["source"]) or pid == "kompassen-demo"
    sv = et.cost_benefit(project)  # the params file's language: Swedish
    assert "varieras" in " ".join(sv.assumptions["source"])
    assert sv.monte_carlo["varied"].startswith("lyckade utfall")


def test_without_a_budget_file_the_cost_and_what_rests_on_it_are_unknown(tiny_project):
    # participants and payments but no budget: the avoided social assistance can still be valued,
    # but a net present value against a cost of "0 kr" would overstate the project
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    s = et.cost_benefit(project, monte_carlo=False, effect=False).summary
    for key in ("total_cost_nominal", "cost_per_participant", "pv_cost", "npv", "bcr", "break_even_exits"):
        assert pd.isna(s[key]), key
    assert s["participants"] == 4
