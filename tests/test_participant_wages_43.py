"""A budget line of the participants' own wages (arbetsmarknadsanställning), declared in the params: the months of
employment it pays for, and what each month brings each actor, in the ledger, every perspective's NPV, the
simulation and the tornado alike. Expected values by hand: the line's 600 000 kr in 2022 (the price year, so no
KPI), a wage of 25 000 kr, the employer's fee of 31,42 %, the tax of 32 % (36 % of it the region's) and a fixed
level of 10 000 kr a month for a leaver."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.costbenefit import published
from evaltools.words.labels import note_text

from .conftest import load_problems, params_refusal, shown_chunks, write_csv

WAGE, FEE, TAX, REGION, LEVEL = 25_000.0, 0.3142, 0.32, 0.36, 10_000.0
LINE_COST = 600_000.0
MONTHS = LINE_COST / (WAGE * (1 + FEE))  # 18,26… employment months
# each actor's gain per employment month, by hand
PER_MONTH = {"individ": WAGE * (1 - TAX) - LEVEL,  # 7 000 kr: the net wage less the försörjningsstöd not paid
             "kommun": LEVEL + WAGE * TAX * (1 - REGION),  # 15 120 kr
             "region": WAGE * TAX * REGION,  # 2 880 kr
             "stat": WAGE * FEE}  # 7 855 kr
PUBLIC = PER_MONTH["kommun"] + PER_MONTH["region"] + PER_MONTH["stat"]


def _params(tiny_project, rate: float = 0.0, wages: str | None = "{line: Lön deltagare, wage_sek_month: 25000}",
            skattefaktor: float = 1.0):
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön deltagare", "budget": LINE_COST, "actual": LINE_COST},
        {"period": "2022", "category": "Handledare", "budget": 300_000, "actual": 300_000},
    ])
    declared = f"\n          participant_wages: {wages}" if wages else ""
    return tiny_project(f"""\
        cost_benefit:
          price_year: 2022
          discount_rate: {rate}
          tax_rate: {TAX}
          tax_share_region: {REGION}
          skattefaktor: {skattefaktor}
          work_earnings_sek_month: 20000
          monte_carlo_draws: 200
          monthly_level: {{method: fixed, amount_sek: {LEVEL:.0f}, amount_year: 2022, source: test}}{declared}
        """)


def _employment_rows(cba):
    led = cba.ledger
    return led[led["item"].str.startswith("anstallning_")]


def test_each_actor_gets_the_employment_months_times_its_share(tiny_project):
    cba = et.cost_benefit(et.load_project(_params(tiny_project)))
    rows = _employment_rows(cba)
    by_actor = rows.groupby("actor")["pv"].sum()
    for actor, per in PER_MONTH.items():
        assert by_actor[actor] == pytest.approx(MONTHS * per)
    assert set(by_actor.index) == set(PER_MONTH)
    # for society the line is a transfer: its flows give back exactly the line's cost
    assert by_actor.sum() == pytest.approx(LINE_COST)
    assert set(rows["kind"]) == {"transfer"} and set(rows["source"]) == {"assumed"}
    # the two exits are fewer than 5: the figures that move with them are withheld, these flows do not and stay
    shown = _employment_rows(published(cba))
    assert shown["pv"].tolist() == rows["pv"].tolist()
    assert published(cba).ledger.query("item == 'forsorjningsstod'")["pv"].isna().all()
    # the individual: the gross wage, less the tax on it and the försörjningsstöd not paid
    ind = rows[rows["actor"] == "individ"].set_index("item")["pv"]
    assert ind["anstallning_lon"] == pytest.approx(MONTHS * WAGE)
    assert ind["anstallning_skatt"] == pytest.approx(-MONTHS * WAGE * TAX)
    assert ind["anstallning_fs"] == pytest.approx(-MONTHS * LEVEL)


def test_the_ledger_sums_to_each_perspective_s_npv(tiny_project):
    cba = et.cost_benefit(et.load_project(_params(tiny_project, rate=0.035, skattefaktor=1.3)))
    led, table = cba.ledger, cba.table.set_index("perspective")
    actors = {"kommun": ("kommun",), "region": ("region",), "individ": ("individ",),
              "offentliga": ("kommun", "region", "stat", "fk"),
              "samhälle": ("kommun", "region", "stat", "fk", "individ", "arbetsgivare", "samhälle")}
    for p, who in actors.items():
        assert led.loc[led["actor"].isin(who), "pv"].sum() == pytest.approx(table.loc[p, "npv"]), p


def test_discounted_like_the_costs_month_by_month(tiny_project):
    # 2022 is the project's first year: months 0 to 11, each with a twelfth of the line's months of employment
    rate = 0.035
    v = (1 + rate) ** (-1 / 12)
    annuity = (1 - v ** 12) / (1 - v)  # Σ v^k, k = 0..11
    cba = et.cost_benefit(et.load_project(_params(tiny_project, rate=rate)))
    by_actor = _employment_rows(cba).groupby("actor")["pv"].sum()
    for actor, per in PER_MONTH.items():
        assert by_actor[actor] == pytest.approx(MONTHS / 12 * annuity * per)
    # the line's cost, discounted the same way, is what its flows give back to society
    cost = cba.ledger[cba.ledger["item"] == "projektkostnad"]["pv"].sum()
    assert cost == pytest.approx(-(LINE_COST + 300_000) / 12 * annuity)
    assert by_actor.sum() == pytest.approx(LINE_COST / 12 * annuity)


def test_the_npv_simulation_and_tornado_move_by_the_flows_held(tiny_project):
    with_line = et.cost_benefit(et.load_project(_params(tiny_project)))
    without = et.cost_benefit(et.load_project(_params(tiny_project, wages=None)))
    t1, t0 = (c.table.set_index("perspective") for c in (with_line, without))
    assert t1.loc["offentliga", "npv"] - t0.loc["offentliga", "npv"] == pytest.approx(MONTHS * PUBLIC)
    assert t1.loc["individ", "npv"] - t0.loc["individ", "npv"] == pytest.approx(MONTHS * PER_MONTH["individ"])
    assert t1.loc["samhälle", "npv"] - t0.loc["samhälle", "npv"] == pytest.approx(LINE_COST)
    # the cost is the same: the wages were a cost before, and still are
    assert t1.loc["offentliga", "pv_cost"] == pytest.approx(t0.loc["offentliga", "pv_cost"])
    # the simulation: every draw moved by the same amount (the flows are held), the same seed's draws otherwise
    d1, d0 = with_line.monte_carlo.npv_draws, without.monte_carlo.npv_draws
    assert (d1 - d0) == pytest.approx([MONTHS * PUBLIC] * len(d0))
    assert "hålls fasta: de sker i projektet" in note_text(with_line.monte_carlo.varied, "sv")
    assert "de sker i projektet" not in note_text(without.monte_carlo.varied, "sv")
    # the tornado: each end of an assumption the flows do not depend on moved by the same amount
    s1, s0 = (c.sensitivity.set_index("parameter") for c in (with_line, without))
    for name in ("deadweight", "horizon_years", "monthly_level"):
        assert s1.loc[name, "npv_low"] - s0.loc[name, "npv_low"] == pytest.approx(MONTHS * PUBLIC), name
        assert s1.loc[name, "npv_high"] - s0.loc[name, "npv_high"] == pytest.approx(MONTHS * PUBLIC), name
    # the break-even counts the exits' share only: the cost the exits must carry is lower by the flows
    e1, e0 = (c.per_exit.set_index("perspective") for c in (with_line, without))
    assert e0.loc["offentliga", "exit_cost"] - e1.loc["offentliga", "exit_cost"] == pytest.approx(MONTHS * PUBLIC)
    assert e1.loc["offentliga", "benefit_per_exit"] == pytest.approx(e0.loc["offentliga", "benefit_per_exit"])


def test_the_assumptions_table_has_the_wage_the_fee_and_the_level(tiny_project):
    cba = et.cost_benefit(et.load_project(_params(tiny_project)))
    a = cba.assumptions.set_index("name")
    assert a.loc["participant_wage_sek_month", "value"] == WAGE
    assert a.loc["employer_fee_rate", "value"] == FEE
    assert a.loc["employment_monthly_level", "value"] == LEVEL
    without = et.cost_benefit(et.load_project(_params(tiny_project, wages=None))).assumptions
    assert not {"participant_wage_sek_month", "employer_fee_rate", "employment_monthly_level"} & set(without["name"])


def test_an_undeclared_line_still_warns_and_says_what_to_write(tiny_project):
    project = et.load_project(_params(tiny_project, wages=None))
    [note] = [p for p in project.warnings if p.key == "budget.participant_wages"]
    assert "'Lön deltagare'" in note.note("sv")
    [todo] = [p for p in project.notices if p.key == "budget.participant_wages_declare"]
    assert "participant_wages: {line: 'Lön deltagare', wage_sek_month:" in todo.note("sv")
    assert "participant_wages: {line: 'Lön deltagare', wage_sek_month:" in todo.note("en")
    declared = et.load_project(_params(tiny_project))
    assert not [p for p in [*declared.warnings, *declared.notices] if p.code.startswith("participant_wages")]


def test_a_line_not_in_the_budget_is_refused_with_one_message(tiny_project):
    problems = load_problems(_params(tiny_project, wages="{line: Deltagarlöner, wage_sek_month: 25000}"))
    assert [p.key for p in problems] == ["budget.participant_wages_unknown"]
    sv = problems[0].note("sv")
    assert "'Deltagarlöner'" in sv and "'Lön deltagare', 'Handledare'" in sv
    assert "has no such line" in problems[0].note("en")


def test_a_wage_of_nothing_is_refused_with_one_message(tiny_project):
    for lang, said in (("sv", "participant_wages.wage_sek_month är 0"), ("en", "participant_wages.wage_sek_month is 0")):
        text = params_refusal(_params(tiny_project, wages="{line: Lön deltagare, wage_sek_month: 0}"), lang)
        assert text.count(said) == 1 and len(text.strip().splitlines()) == 2, text


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "I beloppen ingår att projektet anställde deltagare"),
    ("en", "The amounts include the project's employment of participants")])
def test_page_one_says_the_actors_results_hold_the_employment(tiny_project, lang, said):
    """The municipality's gain holds the försörjningsstöd not paid during the employment and the tax on the wages:
    page 1 says so beside the actors' results, which would otherwise read as the exits' alone."""
    from evaltools.present.sections import summary  # (the presentation layer, imported where it is read)

    def page_one(params) -> str:
        return " ".join(shown_chunks(summary.blocks(et.Report(params, lang=lang)))).replace("\u00a0", " ")

    # twenty participants, ten of whom left for work: enough for page 1 to say every count and the actors' results
    write_csv(tiny_project.dir / "data" / "participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
         "household_type": "ensamstående", "start_date": f"2022-{i % 6 + 1:02d}-01",
         "end_date": f"2022-{i % 6 + 7:02d}-01", "outcome": "arbete" if i < 10 else "kvar_försörjningsstöd"}
        for i in range(20)])

    assert said in page_one(_params(tiny_project))
    assert said not in page_one(_params(tiny_project, wages=None))
    # twelve, eight of whom left: the four who did not would be told, so page 1 says the results as ranges over the
    # number of exits; the actors' ranges hold the employment too, and page 1 says it there
    write_csv(tiny_project.dir / "data" / "participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
         "household_type": "ensamstående", "start_date": f"2022-{i % 6 + 1:02d}-01",
         "end_date": f"2022-{i % 6 + 7:02d}-01", "outcome": "arbete" if i < 8 else "kvar_försörjningsstöd"}
        for i in range(12)])
    ranged = page_one(_params(tiny_project))
    assert {"sv": "Var för sig är nettonuvärdet mellan", "en": "Separately, the net present value is between"}[lang] in ranged
    assert said in ranged
