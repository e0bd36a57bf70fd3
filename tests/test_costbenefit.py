"""Cost-benefit figures checked against the seed documents and against hand calculations."""
from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.words.labels import note_text
from evaltools.analysis import costbenefit as costbenefit_module
from evaltools.analysis.costbenefit import annuity_factor

from .conftest import PARAMS, ROOT

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
    assert s.total_cost_nominal == 1_128_000 and s.budget_total == 1_276_000
    # 1 128 000 / 52 = 21 692 kr; / 31 = 36 387 kr
    assert round(s.cost_per_participant) == 21_692
    assert round(s.cost_per_success) == 36_387


def test_application_break_even_in_its_own_terms():
    r = et.cost_benefit(et.load_project(PARAMS / "eskilstuna-ansokan.yaml"), monte_carlo=False)
    # the application: 3 863 075 kr / (8 900 kr x 12) = 36,2 person-years, nominal over nominal
    assert round(r.summary.break_even_person_years_application, 1) == 36.2
    # in the price year's prices both cost and level are deflated to 2023: a different, consistent figure
    s = r.summary
    assert s.break_even_person_years == pytest.approx(s.total_cost_fixed / (s.monthly_level * 12))


def test_tiny_project_perspectives_and_payback_by_hand(tiny_project):
    r = et.cost_benefit(et.load_project(tiny_project(FIXED)))
    s = r.summary
    # two exits leave försörjningsstöd (P1 arbete ends 2022-08-01, P4 sjuk_aktivitetsersättning 2023-05-01: each exit
    # month is paid, so each saves from the month after it, 2022-09 and 2023-06)
    assert s.successes == 2 and s.pv_avoided_fs == pytest.approx(2 * 12 * 9000)
    p = r.table.set_index("perspective")
    # kommun saves both: 216 000, bears 25 % of 115 000
    assert p.loc["kommun", "pv_benefit"] == pytest.approx(216_000)
    assert p.loc["kommun", "pv_cost"] == pytest.approx(28_750)
    # the state pays P4's sjuk-/aktivitetsersättning instead (Försäkringskassan): −108 000; bears 50 %
    assert p.loc["stat", "pv_benefit"] == pytest.approx(-108_000) and p.loc["fk", "pv_benefit"] == pytest.approx(-108_000)
    assert p.loc["stat", "pv_cost"] == pytest.approx(57_500)
    # the public financiers together: 216 000 − 108 000 against the whole 115 000
    assert p.loc["offentliga", "npv"] == pytest.approx(108_000 - 115_000)
    assert s.perspective == "offentliga" and s.npv == pytest.approx(-7_000)
    assert p.loc["offentliga", "break_even_exits"] == pytest.approx(115_000 / (108_000 / 2))
    assert pd.isna(p.loc["offentliga", "payback_months"]) and pd.isna(p.loc["offentliga", "switching_deadweight"])
    # society: transfers cancel, work not valued (lower bound); the skattefaktor 1,3 falls on the net
    # effect on public budgets: 115 000 cost − 108 000 saved = 7 000, so 0,3 x 7 000 = 2 100 on top
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(0) and bool(p.loc["samhälle", "lower_bound"])
    # (the cost column is the project's cost; the skattefaktor's effect is its own column)
    assert p.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(-0.3 * (115_000 - 108_000))
    assert p.loc["samhälle", "npv"] == pytest.approx(-117_100)
    assert pd.isna(p.loc["individ", "pv_benefit"])  # earnings not valued: the individual's result is unknown
    # kommun's payback: cost 2 395,83 kr a month in 2022; 9 000 kr a month from September (month 8):
    # cumulative net after month 9 (Oct) 18 000 − 10 x 2 395,83 < 0; after month 10 (Nov) 27 000 − 26 354 > 0
    assert p.loc["kommun", "payback_months"] == 11


def test_every_transfer_sums_to_zero_and_the_sjukersattning_move(tiny_project):
    r = et.cost_benefit(et.load_project(tiny_project(FIXED)), monte_carlo=False)
    led = r.ledger
    transfers = led[led["kind"] == "transfer"].groupby("item")["pv"].sum()
    assert len(transfers) >= 2 and (transfers.abs() < 1e-6).all()
    fk = led[led["item"] == "ersattning_fk"].set_index("actor")["pv"]
    # P4's move to sjukersättning: the state (Försäkringskassan) pays 12 x 9 000, the person gets it: 0 for society
    assert fk["fk"] == pytest.approx(-108_000) and fk["individ"] == pytest.approx(108_000)
    fs = led[led["item"] == "forsorjningsstod"].set_index("actor")["pv"]
    assert fs["kommun"] == pytest.approx(216_000) and fs["individ"] == pytest.approx(-216_000)


def test_society_is_minus_the_cost_when_earnings_are_unvalued_and_no_skattefaktor_timra():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml").with_params(cost_benefit={"skattefaktor": 1.0})
    p = et.cost_benefit(project, monte_carlo=False, effect=False).table.set_index("perspective")
    # 1 128 000 kr (2019 = price year) spread evenly over Feb 2018 – Oct 2019 (21 months), 3,5 % a year
    pv_cost = sum(1_128_000 / 21 / 1.035 ** (k / 12) for k in range(21))
    assert p.loc["samhälle", "npv"] == pytest.approx(-pv_cost)
    assert p.loc["offentliga", "pv_cost"] == pytest.approx(pv_cost)


def test_timra_public_financiers_by_hand():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml").with_params(cost_benefit={
        "monthly_level": {"method": "fixed", "amount_sek": 9000, "amount_year": 2019}, "horizon_years": 1,
        "dropoff_per_year": 0, "deadweight": 0, "discount_rate": 0, "skattefaktor": 1.0})
    p = et.cost_benefit(project, monte_carlo=False, effect=False).table.set_index("perspective")
    df = pd.read_csv(ROOT / "data" / "timra-vagen-ut" / "participants.csv")
    n_work = int(df["outcome"].isin(["arbete", "arbete_med_stöd"]).sum())
    n_state = int(df["outcome"].isin(["studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning"]).sum())
    n_sub = int((df["outcome"] == "arbete_med_stöd").sum())
    # only moves to work save the public financiers anything: a move to a state benefit is paid by the
    # state, and subsidised work costs the state its wage subsidy (default 12 000 kr for 12 months)
    subsidy = n_sub * 12 * 12_000
    assert p.loc["offentliga", "pv_benefit"] == pytest.approx(n_work * 12 * 9000 - subsidy)
    assert p.loc["kommun", "pv_benefit"] == pytest.approx((n_work + n_state) * 12 * 9000)
    assert p.loc["offentliga", "npv"] == pytest.approx(n_work * 12 * 9000 - subsidy - 1_128_000)
    assert p.loc["samhälle", "npv"] == pytest.approx(-1_128_000)


def test_persistence_after_exit_on_a_hand_made_payment_file(tiny_project):
    from .conftest import write_csv
    # the file covers every participant: P4, without rows, was paid nothing after the exit
    path = tiny_project(FIXED, data_block="data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                                          "  budget: data/budget.csv\n  payments_cover_all_participants: true\n")
    write_csv(path.parent / "data" / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-11", "amount": 5000},  # 3 months after P1's exit month (2022-08)
        {"person_id": "P2", "month": "2023-09", "amount": 100},   # the file's last month
    ])
    t = costbenefit_module.persistence(et.load_project(path)).table.set_index("months_after")
    # 3 months: P1 (paid 5 000) and P4 (exit 2023-05, 2023-08 covered, nothing paid)
    assert t.loc[3, "observed"] == 2 and t.loc[3, "without_fs"] == 1 and t.loc[3, "mean_payment"] == 2500
    # 6 and 12 months: only P1 is covered (P4's 2023-11 is after the file's last month); nothing paid
    assert t.loc[6, "observed"] == 1 and t.loc[6, "without_fs"] == 1 and t.loc[12, "observed"] == 1
    assert t.loc[12, "max_months_observed"] == 13  # 2022-08 to 2023-09


PERSISTENCE = FIXED.rstrip(" ") + """\
      persistence_min_observed: 2
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022, months_before_start: 2, gap_before_start: 0}
    reference:
      kpi: {2021: 100, 2022: 100, 2023: 110, 2024: 110}
    """


def test_persistence_is_the_share_of_the_own_level_still_saved(tiny_project):
    from .conftest import write_csv
    # (the second monthly_level replaces FIXED's: same amount, with the own-payments window set)
    path = tiny_project(PERSISTENCE.replace("      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}\n", "", 1))
    write_csv(path.parent / "data" / "payments.csv", [
        # P1 starts 2022-02, leaves for work 2022-08: window = the 2 months before the start
        {"person_id": "P1", "month": "2021-12", "amount": 10000},
        {"person_id": "P1", "month": "2022-01", "amount": 8000},   # level 9 000 (2021 and 2022 at KPI 100)
        {"person_id": "P1", "month": "2022-11", "amount": 3000},   # 3 months after exit
        {"person_id": "P1", "month": "2023-08", "amount": 4400},   # 12 months after: 4 400 x 100/110 = 4 000 in 2022 prices
        # P4 starts 2023-01, leaves for sjukersättning 2023-05: level 6 000, nothing paid after
        {"person_id": "P4", "month": "2022-11", "amount": 6000},
        {"person_id": "P4", "month": "2022-12", "amount": 6000},
        {"person_id": "P2", "month": "2024-05", "amount": 100},    # the file's last month: P4's month 12
    ])
    project = et.load_project(path)
    t = costbenefit_module.persistence(project).table.set_index("months_after")
    # 3 months: P1 paid 3 000, P4 nothing; kept = 1 − 3 000 / (9 000 + 6 000) = 0,8
    assert t.loc[3, "observed"] == 2 and t.loc[3, "without_fs"] == 1 and t.loc[3, "mean_payment"] == 1500
    assert t.loc[3, "kept_share"] == pytest.approx(0.8)
    # 12 months: P1 4 000 (2022 prices), P4 nothing; kept = 1 − 4 000 / 15 000; half of them without any payment
    assert t.loc[12, "with_level"] == 2 and t.loc[12, "kept_share"] == pytest.approx(1 - 4000 / 15000)
    assert t.loc[12, "share_without"] == 0.5 and t.loc[12, "mean_payment"] == 2200
    # the observed drop-off is what was lost of the level: 4 000 / 15 000, not the 50 % without any payment
    r = et.cost_benefit(project, effect=False)
    a = r.assumptions.set_index("name")
    assert a.loc["dropoff_per_year", "value"] == pytest.approx(4000 / 15000) and not a.loc["dropoff_per_year", "flagged"]
    assert r.summary.dropoff_source == "observed"
    assert costbenefit_module.observed_dropoff(t.reset_index(), 3) is None  # too few followed 12 months: the assumption


def test_monte_carlo_probability_falls_when_the_deadweight_range_widens():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    narrow = et.cost_benefit(project.with_params(cost_benefit={"deadweight_range": [0.2, 0.3]}), effect=False)
    wide = et.cost_benefit(project.with_params(cost_benefit={"deadweight_range": [0.0, 0.9]}), effect=False)
    assert wide.monte_carlo.perspective == "offentliga"
    assert wide.monte_carlo.p_npv_positive < narrow.monte_carlo.p_npv_positive
    assert "samhälle" in wide.monte_carlo.by_perspective  # society's probability is stated too


def test_ex_ante_successes_are_varied():
    project = et.load_project(PARAMS / "eskilstuna-ansokan.yaml")
    fixed = et.cost_benefit(project.with_params(cost_benefit={"ex_ante_success_range": [1.0, 1.0]}), effect=False)
    varied = et.cost_benefit(project, effect=False)
    assert np.std(fixed.monte_carlo.npv_draws) < np.std(varied.monte_carlo.npv_draws)
    assert varied.monte_carlo.ex_ante and "successes" in set(varied.sensitivity["parameter"])


def test_a_structural_project_has_a_requirement_not_an_npv(tiny_project):
    project = et.load_project(tiny_project(FIXED, data_block="data:\n  budget: data/budget.csv\n"))
    assert costbenefit_module.is_structural(project)
    r = et.cost_benefit(project)
    assert r.summary.mode == "structural" and r.monte_carlo is None and r.sensitivity.empty
    assert pd.isna(r.summary.npv)
    # 115 000 kr / (9 000 kr x 12) person-years without försörjningsstöd carry the cost
    assert r.summary.break_even_person_years == pytest.approx(115_000 / 108_000)


def test_discounting_and_dropoff_by_explicit_sum(tiny_project):
    extra = FIXED.replace("horizon_years: 1", "horizon_years: 3").replace("dropoff_per_year: 0",
                                                                          "dropoff_per_year: 0.2").replace(
        "discount_rate: 0", "discount_rate: 0.035")
    project = et.load_project(tiny_project(extra))
    r = et.cost_benefit(project)
    total = 0.0
    for exit_month in (8, 17):  # September 2022 and June 2023 (the months after the exits), counted from January 2022
        for month in range(36):
            total += 9000 * 0.8 ** (month // 12) / 1.035 ** ((exit_month + month) / 12)
    assert r.summary.pv_avoided_fs == pytest.approx(total)
    assert annuity_factor(1, 0.0, 0.0) == 12


def test_work_earnings_when_valued_go_to_municipality_region_individual_and_society(tiny_project):
    extra = FIXED.rstrip(" ") + "      work_earnings_sek_month: 20000\n      tax_rate: 0.3\n      tax_share_region: 0.4\n"
    r = et.cost_benefit(et.load_project(tiny_project(extra)))
    a = r.table.set_index("perspective")
    # P1 works: 12 x 20 000 earnings; 30 % income tax, of which 40 % to the region and 60 % to the
    # municipality (no state income tax at this wage); the rest minus lost FS to the individual
    assert a.loc["individ", "pv_benefit"] == pytest.approx(12 * (20000 * 0.7 - 9000))
    assert a.loc["kommun", "pv_benefit"] == pytest.approx(2 * 12 * 9000 + 12 * 20000 * 0.3 * 0.6)
    assert a.loc["region", "pv_benefit"] == pytest.approx(12 * 20000 * 0.3 * 0.4)
    assert a.loc["stat", "pv_benefit"] == pytest.approx(-12 * 9000)  # P4's benefit paid instead, no tax
    assert a.loc["samhälle", "pv_benefit"] == pytest.approx(12 * 20000)
    assert not a.loc["samhälle", "lower_bound"]


def test_deadweight_from_comparison_group():
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    r = et.cost_benefit(project)
    succ = set(project.params.cost_benefit.success_outcomes)
    p = project.participants[~project.participants["ongoing"]]["outcome"].isin(succ).mean()
    c = project.comparison["outcome"].isin(succ).mean()
    assert r.summary.deadweight == pytest.approx(c / p)
    row = r.assumptions.set_index("name").loc["deadweight"]
    assert "jämförelsegruppen" in note_text(row["source"], "sv")


def test_sensitivity_and_monte_carlo_are_reproducible():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    a, b = et.cost_benefit(project), et.cost_benefit(project)
    assert a.monte_carlo.p_npv_positive == b.monte_carlo.p_npv_positive
    assert 0 <= a.monte_carlo.p_npv_positive <= 1
    s = a.sensitivity
    # (Timrå has two exits to subsidised work, so the wage subsidy moves the public financiers' NPV)
    assert set(s["parameter"]) == {"monthly_level", "horizon_years", "dropoff_per_year", "deadweight",
                                   "discount_rate", "successes", "wage_subsidy_sek_month"}
    # every cost line is settled (no overrun to vary) and the skattefaktor moves society's NPV only
    assert (s["perspective"] == "offentliga").all()
    assert list(s["range"]) == sorted(s["range"], reverse=True)
    base = a.summary.npv
    assert s["npv_base"].to_numpy() == pytest.approx(base)  # the model and the ledger agree
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


def _pension_month(born: int, project_start: int = 2021) -> int:
    """Months from January of ``project_start`` to the first month a person born in July of ``born`` is of the
    age of äldreförsörjningsstöd in force that year (Prop. 2021/22:181: 65 until 2022, 66 in 2023–2025,
    67 from 2026), found by walking the calendar month by month."""
    year, month = project_start, 1
    while True:
        age_in_months = (year - born) * 12 + (month - 7)
        if age_in_months >= 12 * (65 if year <= 2022 else 66 if year <= 2025 else 67):
            return (year - project_start) * 12 + month - 1
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)


def test_effect_based_benefit_from_the_did_by_explicit_sum():
    from evaltools.analysis import comparison
    from evaltools.data import reference
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    r = et.cost_benefit(project)
    e = r.effect_based
    did = comparison.compare_payments(project).did
    assert e.did_effect == did.effect
    starts = project.participants["start_date"]
    year = int(starts.dt.year.median())
    # försörjningsstöd is paid per household and each member's rows carry the household's payments: the
    # effect is applied once per household, from the first start among its participants
    firsts, pension = {}, {}
    for hh, s, born in zip(project.participants["household_id"], starts, project.participants["birth_year"]):
        firsts[hh] = min(firsts.get(hh, s), s)
        pension[hh] = min(pension.get(hh, 10**6), _pension_month(int(born)))
    assert len(firsts) < len(starts)  # (the sample has participants who share a household)
    assert min(pension[hh] - max(0, (s.year - 2021) * 12 + s.month - 1) for hh, s in firsts.items()) < 36
    kpi = reference.kpi_table().set_index("year")["kpi_1980_100"]
    factor = kpi[2023] / kpi[year]
    total = 0.0
    # the drop-off is the observed one (persistence after exit in the payments), as the assumptions say
    drop = r.assumptions.set_index("name").loc["dropoff_per_year", "value"]
    for hh, s in firsts.items():
        t0 = max(0, (s.year - 2021) * 12 + s.month - 1)  # months from the project's start month
        for month in range(36):  # 3-year horizon, 3.5 % discounting, no deadweight
            if t0 + month < pension[hh]:  # (until the household's first member is of the age of äldreförsörjningsstöd)
                total += -did.effect * factor * (1 - drop) ** (month // 12) / 1.035 ** ((t0 + month) / 12)
    # the measured fall in försörjningsstöd is the municipality's gross saving ...
    assert e.pv_avoided_fs == pytest.approx(total)
    # ... of which the public financiers (the lead perspective) keep what the state and FK do not pay
    # back out as benefits instead or as wage subsidies: the same split as the main calculation's
    # assumed ledger rows; the rows measured from the register outcomes (tax on earnings, the benefits
    # paid) are the same in both calculations and added as they are
    led = r.ledger.set_index(["item", "actor"])
    assumed, pv = led["source"] == "assumed", led["pv"]
    kommun = pv[("forsorjningsstod", "kommun")]
    paid_instead = sum(v for ((item, actor), v), a in zip(pv.items(), assumed)
                       if a and (item.startswith("ersattning_") or item == "lonestod") and actor in ("stat", "fk"))
    share = (kommun + paid_instead) / kommun
    measured = sum(v for ((item, actor), v), a in zip(pv.items(), led["source"] == "measured")
                   if a and actor in ("kommun", "region", "stat", "fk"))
    assert measured != 0
    assert e.perspective == r.summary.perspective == "offentliga"
    assert e.pv_benefit == pytest.approx(total * share + measured)
    assert e.pv_cost == pytest.approx(r.summary.pv_cost)
    assert e.npv == pytest.approx(total * share + measured - r.summary.pv_cost)
    assert 0 <= e.p_npv_positive <= 1 and e.npv_p05 < e.npv < e.npv_p95


def test_no_effect_based_estimate_without_comparison_group():
    assert et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml")).effect_based is None


def test_a_given_comparison_result_is_reused_not_estimated_again(monkeypatch):
    from evaltools.analysis import comparison
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    payments = comparison.compare_payments(project)

    def refuse(*a, **k):
        raise AssertionError("the DiD was estimated a second time")
    monkeypatch.setattr(comparison, "compare_payments", refuse)
    r = et.cost_benefit(project, payments=payments)
    assert r.effect_based.did_effect == payments.did.effect
    assert et.cost_benefit(project, effect=False).effect_based is None


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "kompassen-demo"])
def test_sources_units_and_notes_follow_the_language(pid):
    import re
    project = et.load_project(PARAMS / f"{pid}.yaml")
    swedish = re.compile(r"[åäö]|\b(och|varieras|ej|antagande|mån|andel)\b", re.IGNORECASE)
    en = et.cost_benefit(project, lang="en")  # the analysis keeps codes and notes; the words layer words them
    texts = [note_text(x, "en") for x in [*en.assumptions["source"], *en.table["note"], en.monte_carlo.varied]]
    assert not [x for x in texts if swedish.search(x)]
    # the range an assumption is tested over is its own column, from the registry (deadweight 0–75 %)
    from evaltools.words.assumptions import assumptions_table
    shown = assumptions_table(en.assumptions, "en").set_index("Assumption")
    assert shown.loc["Deadweight", "Range tested"] == "0–75%"
    assert shown.loc["Horizon", "Range tested"] == "1–5 years"
    sv = et.cost_benefit(project)  # the params file's language: Swedish
    sources = " ".join(note_text(x, "sv") for x in sv.assumptions["source"])
    # a value the params set is the evaluator's choice; a source column never names a file of the tool
    assert "verktygets standardvärde" in sources and "parameterfil" not in sources
    assert assumptions_table(sv.assumptions, "sv").set_index("Antagande").loc["Dödvikt", "Prövas mellan"] == "0–75\u00a0%"
    assert note_text(sv.monte_carlo.varied, "sv").startswith("antal som lämnat försörjningsstödet")


def test_without_a_budget_file_the_cost_and_what_rests_on_it_are_unknown(tiny_project):
    # participants and payments but no budget: the avoided social assistance can still be valued,
    # but a net present value against a cost of "0 kr" would overstate the project
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    s = et.cost_benefit(project, monte_carlo=False, effect=False).summary
    for key in ("total_cost_nominal", "cost_per_participant", "pv_cost", "npv", "bcr", "break_even_exits"):
        assert pd.isna(getattr(s, key)), key
    assert s.participants == 4


def test_the_shipped_defaults_are_the_ones_the_code_uses():
    from evaltools.data.params import CostBenefit, MonthlyLevel
    from evaltools.data.reference import default_assumptions
    t = default_assumptions().set_index("name")["value"].astype(str)
    cb, ml = CostBenefit(), MonthlyLevel(method="riksnorm")

    def ends(v):  # "0–0.75" -> (0.0, 0.75)
        lo, hi = v.split("–")
        return float(lo), float(hi)
    assert float(t["discount_rate"]) == cb.discount_rate and float(t["horizon_years"]) == cb.horizon_years
    assert float(t["dropoff_per_year"]) == cb.dropoff_per_year and float(t["deadweight"]) == cb.deadweight_default
    assert float(t["skattefaktor"]) == cb.skattefaktor and float(t["tax_rate"]) == cb.tax_rate
    assert float(t["optimism_bias"]) == cb.optimism_bias and int(t["monte_carlo_draws"]) == cb.monte_carlo_draws
    assert int(t["persistence_min_observed"]) == cb.persistence_min_observed and t["lead_perspective"] == cb.lead_perspective
    assert ends(t["deadweight_range"]) == tuple(cb.deadweight_range) and ends(t["horizon_range"]) == tuple(cb.horizon_range)
    assert ends(t["ex_ante_success_range"]) == tuple(cb.ex_ante_success_range)
    assert int(t["months_before_start"]) == ml.months_before_start and int(t["gap_before_start"]) == ml.gap_before_start
    # without a level of its own a project is valued at riksnorm plus housing (a general source), never
    # at one application's fixed amount
    assert float(t["housing_sek_month"]) == ml.housing_sek and t["monthly_level_method"] == cb.monthly_level.method == "riksnorm"
    assert "fixed_monthly_level" not in t.index


def test_the_unconfirmed_skattefaktor_is_flagged_in_the_assumption_table():
    a = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"), monte_carlo=False, effect=False).assumptions
    row = a.set_index("name").loc["skattefaktor"]
    assert row["value"] == 1.3 and row["flagged"] and "ASEK" in note_text(row["source"], "sv") and "inte bekräftat" in note_text(row["source"], "sv")


def test_the_report_states_the_cost_benefit_rules_of_the_methods_page_in_its_order():
    import re
    from evaltools.present.sections.method import COSTBENEFIT_RULES
    doc = (ROOT / "docs" / "methods.md").read_text(encoding="utf-8")
    part = doc[doc.index("## Cost-benefit"):doc.index("## Reference data")]
    ids = re.findall(r"^\d+\. \*\*`(\w+)`", part, flags=re.M)
    assert ids == [k.removeprefix("method.cb.") for k in COSTBENEFIT_RULES]
    # each rule names an anchor, in the docs and in the report's paragraph
    from evaltools.words.text import catalog
    anchors = ("Green Book", "Magenta Book", "ASEK", "NyttoSam", "WSIPP", "SROI", "finsam", "Finsam")
    for key in COSTBENEFIT_RULES:
        if key == "method.cb.requirement":
            continue  # (a definition, not a borrowed rule)
        for lang in ("sv", "en"):
            text = str(catalog(lang).messages[key])
            assert any(a in text for a in anchors), (key, lang)


def test_wage_subsidy_for_subsidised_work_is_a_state_cost_and_a_transfer_for_society(tiny_project, tmp_path):
    from .conftest import PARTICIPANT_ROWS, participants_frame, write_csv
    extra = FIXED.rstrip(" ") + "      wage_subsidy_sek_month: 10000\n      wage_subsidy_months: 6\n"
    params = tiny_project(extra)
    rows = [r[:6] + ("arbete_med_stöd",) if r[0] == "P1" else r for r in PARTICIPANT_ROWS]
    write_csv(tmp_path / "data" / "participants.csv", participants_frame(rows))
    r = et.cost_benefit(et.load_project(params), monte_carlo=False, effect=False)
    p = r.table.set_index("perspective")
    # by hand: P1 (subsidised work from August 2022) and P4 (FK from May 2023) leave 9 000 kr a month
    # for a year; the state pays P4's benefit (12 x 9 000) and P1's employer 6 x 10 000 kr
    assert p.loc["kommun", "pv_benefit"] == pytest.approx(2 * 12 * 9000)
    assert p.loc["stat", "pv_benefit"] == pytest.approx(-12 * 9000 - 6 * 10_000)
    assert p.loc["offentliga", "npv"] == pytest.approx(216_000 - 108_000 - 60_000 - 115_000)
    # for society the subsidy is a transfer to the employer: it cancels, but it changes the public
    # budgets' net cost the skattefaktor falls on: 115 000 − 48 000 = 67 000, x 0,3
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(0)
    assert p.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(-0.3 * 67_000)
    led = r.ledger.set_index(["item", "actor"])["pv"]
    assert led[("lonestod", "stat")] == pytest.approx(-60_000) and led[("lonestod", "arbetsgivare")] == pytest.approx(60_000)
    assert "wage_subsidy_sek_month" in set(r.assumptions["name"])
    # without an exit to subsidised work the assumption does not apply and is not listed
    write_csv(tmp_path / "data" / "participants.csv", participants_frame())
    plain = et.cost_benefit(et.load_project(tiny_project(FIXED)), monte_carlo=False, effect=False)
    assert "wage_subsidy_sek_month" not in set(plain.assumptions["name"])
    assert "lonestod" not in set(plain.ledger["item"])


def test_each_perspectives_sensitivity_is_computed_when_read_and_agrees_with_its_npv():
    import pickle
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    r = et.cost_benefit(project)
    by = r.sensitivity_by_perspective
    npv = r.table.set_index("perspective")["npv"]
    assert set(by) == set(npv.index)
    # the report reads only its own perspective's; the others wait until the what-if panel asks
    assert set(by._done) == {r.summary.perspective}
    for p in ("kommun", "stat", "samhälle"):  # each bar around its own perspective's NPV in the perspectives table
        s = by[p]
        assert len(s) and s["npv_base"].to_numpy() == pytest.approx(npv[p]) and (s["perspective"] == p).all()
    # Timrå values no earnings: the individual's NPV is no figure (the table's NaN), so it has no bars
    # either (before, the what-if panel drew the individual's tornado around an NPV the table withheld)
    assert np.isnan(npv["individ"]) and by["individ"].empty
    # kept as a plain dict of every perspective's table (what a saved result holds)
    saved = pickle.loads(pickle.dumps(by))
    assert type(saved) is dict and set(saved) == set(npv.index)
    pd.testing.assert_frame_equal(saved["kommun"], by["kommun"])
    pd.testing.assert_frame_equal(saved["stat"], et.cost_benefit(project).sensitivity_by_perspective["stat"])
