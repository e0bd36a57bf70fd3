"""Who bears what in the cost-benefit account: the table per actor's cost column is the project's cost each
actor bears and the skattefaktor's effect is society's own column; a household's försörjningsstöd is saved
once in the effect-based estimate too. Each fixture is a tiny project written in tmp_path; expected values
are worked out by hand from the rows written here (or, for the ratios, by a second route through the model)."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import _build, effect_based
from evaltools.present import whatif
from evaltools.present.figures import report_figures
from evaltools.present.sections import costbenefit as cb_section
from evaltools.publish.workbook import report_sheets
from evaltools.words.formats import NBSP
from evaltools.words.labels import t

from .conftest import PARTICIPANT_ROWS, participants_frame, write_csv

# P1 leaves for work (August 2022), P4 for sickness compensation (May 2023); 9 000 kr a month for two years,
# no drop-off, deadweight or discounting; the project cost 115 000 kr (the tiny fixture's budget), shared by
# the Finsam act: state 57 500, region 28 750, municipality 28 750
TWO_YEARS = """\
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
      horizon_years: 2
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0
      skattefaktor: 1.3
    """
# the report's threshold at 2, so that the 2 exits are shown: with 1 to 4 valued exits (the default threshold of 5)
# the report gives the range over them instead of the exact figures (tests/test_small_counts_22.py)
SHOWN = "privacy: {min_count: 2}\n"


def _shown(tiny_project, params: str) -> Path:
    """The tiny project with ``params`` at the threshold of 2 and a fifth participant who ended still on
    försörjningsstöd: of the four ended 2 left it and 2 did not, so the 2 exits are shown (of three ended, the 1 who
    did not leave would be a small count and the exits withheld: tests/test_small_counts_23.py)."""
    path = tiny_project(params + SHOWN)
    extra = ("P5", "kvinna", 1985, "ensamstående", "2022-04-01", "2022-10-01", "kvar_försörjningsstöd")
    write_csv(path.parent / "data/participants.csv", participants_frame([*PARTICIPANT_ROWS, extra]))
    return path
# the same with valued earnings: 20 000 kr a month, tax 25 %, of which the region takes 40 %
EARNINGS = TWO_YEARS.rstrip(" ") + """\
      work_earnings_sek_month: 20000
      tax_rate: 0.25
      tax_share_region: 0.4
    """


def _kr(cell: str) -> float:
    """A table's amount (``−84 700 kr``, ``SEK −84,700``) as a number."""
    for mark in ("kr", "SEK", NBSP, " ", ","):
        cell = cell.replace(mark, "")
    return float(cell.replace("\u2212", "-"))


# --- 1. society's cost is the project's cost; the skattefaktor's effect is its own figure -------------
def test_society_bears_the_whole_cost_and_the_skattefaktor_is_its_own_column_when_public_budgets_gain(tiny_project):
    r = et.cost_benefit(et.load_project(tiny_project(TWO_YEARS)), monte_carlo=False, effect=False)
    p = r.table.set_index("perspective")
    # by hand: the municipality saves 2 × 24 × 9 000 = 432 000; the state (Försäkringskassan) pays P4's
    # benefit instead, 24 × 9 000 = 216 000: the public budgets gain 216 000 against their cost of 115 000
    assert p.loc["offentliga", "pv_benefit"] == pytest.approx(216_000)
    assert p.loc["offentliga", "pv_cost"] == pytest.approx(115_000)
    # society bears the whole cost (never less than the public financiers' share of it) ...
    assert p.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    assert p.loc["samhälle", "pv_cost"] >= p.loc["offentliga", "pv_cost"] - 1e-6
    # ... and the skattefaktor's effect is 0,3 × the public budgets' net result (216 000 − 115 000): a gain
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(0.3 * 101_000)
    # society's net: transfers cancel (benefit 0, earnings not valued) − 115 000 + 30 300
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(0)
    assert p.loc["samhälle", "npv"] == pytest.approx(-115_000 + 30_300)
    # no other perspective carries the skattefaktor
    assert p.drop(index="samhälle")["pv_skattefaktor"].isna().all()
    for who in ("kommun", "region", "stat", "offentliga"):
        assert p.loc[who, "npv"] == pytest.approx(p.loc[who, "pv_benefit"] - p.loc[who, "pv_cost"])
    # every actor's share of the cost adds up to society's
    assert p.loc[["kommun", "region", "stat", "individ"], "pv_cost"].sum() == pytest.approx(p.loc["samhälle", "pv_cost"])


def test_the_skattefaktors_effect_is_a_loss_when_the_public_budgets_bear_a_net_cost(tiny_project):
    body = TWO_YEARS.replace("horizon_years: 2", "horizon_years: 0.5")
    r = et.cost_benefit(et.load_project(tiny_project(body)), monte_carlo=False, effect=False)
    p = r.table.set_index("perspective")
    # six months: the public budgets save 6 × 9 000 = 54 000 (P1's exit; P4's is a transfer) against 115 000
    assert p.loc["offentliga", "pv_benefit"] == pytest.approx(54_000)
    assert p.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(-0.3 * (115_000 - 54_000))
    assert p.loc["samhälle", "npv"] == pytest.approx(-115_000 - 18_300)


def test_societys_ratios_are_where_its_npv_with_the_skattefaktor_is_zero(tiny_project):
    path = tiny_project(EARNINGS)
    r = et.cost_benefit(et.load_project(path), monte_carlo=False, effect=False)
    p = r.table.set_index("perspective")
    # by hand: P1 earns 24 × 20 000 = 480 000, of which tax 120 000 (municipality 72 000, region 48 000);
    # public benefit 432 000 + 72 000 + 48 000 − 216 000 = 336 000 against 115 000: net result 221 000
    assert p.loc["offentliga", "pv_benefit"] == pytest.approx(336_000)
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(480_000)  # transfers cancel: the earnings
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(0.3 * 221_000)
    assert p.loc["samhälle", "npv"] == pytest.approx(480_000 - 115_000 + 66_300)
    # the ratio counts the skattefaktor on the side each part comes from: (480 000 + 0,3 × 336 000) /
    # (115 000 + 0,3 × 115 000), above 1 exactly when the NPV is positive
    assert p.loc["samhälle", "bcr"] == pytest.approx(580_800 / 149_500)
    # the break-even and the switching deadweight, checked by a second route: the model's NPV for society
    # (its skattefaktor recomputed from the public benefit at that count or deadweight) is zero there
    m = _build(et.load_project(path), "actual_else_budget")[0]
    exits = p.loc["samhälle", "break_even_exits"]
    assert exits == pytest.approx(2 * 149_500 / 580_800)
    assert m.npv("samhälle", success_mult=exits / 2) == pytest.approx(0, abs=1e-6)
    switching = p.loc["samhälle", "switching_deadweight"]
    assert switching == pytest.approx(1 - 149_500 / 580_800)
    assert m.npv("samhälle", deadweight=switching) == pytest.approx(0, abs=1e-6)
    assert m.npv("samhälle") == pytest.approx(p.loc["samhälle", "npv"])


@pytest.mark.parametrize("lang, column, actor", [("sv", "Skattefaktorns effekt (nuvärde)", "Samhället"),
                                                 ("en", "Tax factor's effect (present value)", "Society")])
def test_the_table_per_actor_shows_the_skattefaktor_in_its_own_column(tiny_project, lang, column, actor):
    r = et.Report(_shown(tiny_project, TWO_YEARS), lang=lang)
    frame = cb_section.perspective_table(r).frame.set_index(r.msg("costbenefit.actor"))
    cost, benefit, net = (r.msg(k) for k in ("costbenefit.cost_pv", "costbenefit.benefit_pv", "costbenefit.net"))
    public = t("offentliga", lang)
    # society's cost is the project's whole cost, 115 000 kr, not less than the public financiers'
    assert _kr(frame.loc[actor, cost]) == pytest.approx(115_000, abs=1)
    assert _kr(frame.loc[actor, cost]) >= _kr(frame.loc[public, cost])
    # the effect is society's only; on its row benefit − cost + effect = net, as written
    assert _kr(frame.loc[actor, column]) == pytest.approx(30_300, abs=1)
    assert (frame.drop(index=actor)[column] == "–").all()
    for who in frame.index:
        effect = 0 if frame.loc[who, column] == "–" else _kr(frame.loc[who, column])
        if frame.loc[who, net] != "–":
            assert _kr(frame.loc[who, benefit]) - _kr(frame.loc[who, cost]) + effect == pytest.approx(
                _kr(frame.loc[who, net]), abs=2)
    # the note defines the column
    note = " ".join(cb_section.perspective_table(r).notes)
    assert ("(skattefaktorn − 1) gånger de offentliga budgetarnas nettoresultat" in note if lang == "sv"
            else "(tax factor − 1) times the public budgets' net result" in note)


def test_no_skattefaktor_column_when_the_factor_is_one(tiny_project):
    r = et.Report(_shown(tiny_project, TWO_YEARS.replace("skattefaktor: 1.3", "skattefaktor: 1.0")))
    frame = cb_section.perspective_table(r).frame
    assert r.msg("costbenefit.skattefaktor_pv") not in frame.columns
    assert r.cba.table.set_index("perspective").loc["samhälle", "pv_skattefaktor"] == 0


def test_society_leading_page_and_section_workbook_and_panel_show_one_object(tiny_project):
    r = et.Report(_shown(tiny_project, TWO_YEARS.rstrip(" ") + "      lead_perspective: samhälle\n    "))
    s = r.cba.summary
    society = r.cba.table.set_index("perspective").loc["samhälle"]
    assert s.perspective == "samhälle"
    assert (s.pv_cost, s.pv_skattefaktor, s.npv) == (society["pv_cost"], society["pv_skattefaktor"], society["npv"])
    # the key figures: cost, the skattefaktor's row and the NPV, which adds up as written
    kf = dict(cb_section.key_figures(r).frame.itertuples(index=False, name=None))
    cost = next(v for k, v in kf.items() if k.startswith("Kostnad för samhället"))
    effect = next(v for k, v in kf.items() if k.startswith("Skattefaktorns effekt för samhället"))
    benefit = next(v for k, v in kf.items() if k.startswith("Nytta för samhället"))
    npv = next(v for k, v in kf.items() if k.startswith("Nettonuvärde för samhället"))
    assert _kr(cost) == pytest.approx(115_000, abs=1) and _kr(effect) == pytest.approx(30_300, abs=1)
    assert _kr(benefit) - _kr(cost) + _kr(effect) == pytest.approx(_kr(npv), abs=2)
    # the workbook's sheet per perspective has the same column, and its key figures the same effect
    sheets = {sh.name: sh for sh in report_sheets(r.key_tables(), r.k, r.disclosure.withheld, "sv")}
    actors = sheets["aktorer"].frame.set_index("perspective")
    assert actors.loc["samhälle", "pv_skattefaktor"] == pytest.approx(30_300)
    assert actors.loc["samhälle", "pv_cost"] == pytest.approx(115_000)
    summary = sheets["kostnad_nytta"].frame.set_index("key")["value"]
    assert summary["pv_skattefaktor"] == pytest.approx(30_300) and summary["pv_cost"] == pytest.approx(115_000)
    # the figures the evaluator may cite: society's cost and the effect, each as the table has it
    figures = report_figures(r)
    assert figures["nuvarde_kostnad_samhalle"].value == pytest.approx(115_000)
    assert figures["skattefaktorns_effekt_samhalle"].value == pytest.approx(30_300)
    # the what-if panel's NPV for society is the table's
    panel = dict(whatif.key_figures(r.cba, "samhälle", "sv").itertuples(index=False, name=None))
    # (followed by its note: earnings not valued, a lower bound)
    value = next(v for k, v in panel.items() if k.startswith("Nettonuvärde för samhället")).split(" (")[0]
    assert _kr(value) == pytest.approx(
        -115_000 + 30_300, abs=1)


def test_the_public_financiers_lead_has_no_skattefaktor_key_figure(tiny_project):
    r = et.Report(tiny_project(TWO_YEARS))
    assert pd.isna(r.cba.summary.pv_skattefaktor)
    labels = list(cb_section.key_figures(r).frame.iloc[:, 0])
    assert not any(label.startswith("Skattefaktorns effekt") for label in labels)
    sheets = {sh.name: sh for sh in report_sheets(r.key_tables(), r.k, r.disclosure.withheld, "sv")}
    assert "pv_skattefaktor" not in set(sheets["kostnad_nytta"].frame["key"])


# --- 2. the effect-based estimate counts a household's försörjningsstöd once ---------------------------
FAMILY = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data:
      participants: data/participants.csv
      payments: data/payments.csv
      budget: data/budget.csv
      comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}
    reference: {kpi: {2022: 100, 2023: 100, 2024: 100}}
    cost_benefit:
      price_year: 2023
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2023}
      horizon_years: 1
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0
    """
MONTHS = [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)]


def _family(tmp_path, household_ids: bool = True) -> None:
    """Six participants in four households: U001 and U002 share H1, U003 and U004 share H2, U005 and U006
    live alone. Each member's payment rows are the household's (the data contract): 10 000 kr a month
    (H1 12 000) until the start in March 2023, 3 000 kr less from then on; six comparison persons are paid
    10 000 kr every month. The DiD is therefore exactly −3 000 kr per participant and month."""
    households = ["H1", "H1", "H2", "H2", "H5", "H6"]
    people, pay = [], []
    for i, hh in enumerate(households, start=1):
        row = {"person_id": f"U{i:03d}", "sex": "kvinna", "birth_year": 1985, "household_type": "sambo_utan_barn",
               "start_date": "2023-03-01", "end_date": "2023-09-01", "outcome": "arbete",
               "support_start": "försörjningsstöd"}
        if household_ids:
            row["household_id"] = hh
        people.append(row)
        level = 12_000 if hh == "H1" else 10_000
        pay += [{"person_id": f"U{i:03d}", "month": m, "amount": level - (3000 if m >= "2023-03" else 0)} for m in MONTHS]
    write_csv(tmp_path / "data/participants.csv", people)
    write_csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "Personal", "budget": 100_000,
                                              "actual": 100_000}])
    write_csv(tmp_path / "data/payments.csv", pay)
    write_csv(tmp_path / "data/comparison.csv", [
        {"person_id": f"J{i:03d}", "sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående",
         "start_date": "2023-03-01", "end_date": "", "outcome": ""} for i in range(1, 7)])
    write_csv(tmp_path / "data/comparison_payments.csv", [
        {"person_id": f"J{i:03d}", "month": m, "amount": 10_000} for i in range(1, 7) for m in MONTHS])


def _project(tmp_path):
    p = tmp_path / "family.yaml"
    p.write_text("id: family\ntitle: Familjeprojektet\nforbund: Testförbundet\nowner: Testkommun\n"
                 + textwrap.dedent(FAMILY), encoding="utf-8")
    return et.load_project(p)


def test_the_effect_based_estimate_counts_a_households_payments_once(tmp_path):
    _family(tmp_path)
    project = _project(tmp_path)
    eb = effect_based(project, draws=0)
    assert eb.did_effect == pytest.approx(-3000, abs=1e-6)
    assert (eb.participants, eb.households) == (6, 4)
    # by hand: a fall of 3 000 kr a month for 12 months in each of the four households, not the six persons
    assert eb.pv_avoided_fs == pytest.approx(4 * 12 * 3000)
    # the calculated saving counts the households once too: 4 levels of 9 000 kr for 12 months
    main = et.cost_benefit(project, monte_carlo=False, effect=False)
    assert main.summary.pv_avoided_fs == pytest.approx(4 * 12 * 9000)


def test_without_household_ids_every_participant_is_their_own_household(tmp_path):
    _family(tmp_path, household_ids=False)
    eb = effect_based(_project(tmp_path), draws=0)
    assert (eb.participants, eb.households) == (6, 6)
    assert eb.pv_avoided_fs == pytest.approx(6 * 12 * 3000)


@pytest.mark.parametrize("lang, said, not_said", [
    ("sv", "gäller en gång per hushåll, inte en gång per deltagare", "gäller alla"),
    ("en", "applies once per household, not once per participant", "applies to all")])
def test_the_effect_based_note_says_the_effect_is_applied_per_household(tmp_path, lang, said, not_said):
    _family(tmp_path)
    project = _project(tmp_path)
    r = et.Report(project, lang=lang)
    note = " ".join(n for part in cb_section.effect_based(r) for n in getattr(part, "notes", ()))
    # two participants fewer households than participants: a count under 5, so no number is given
    assert said in note and not_said not in note


def test_society_effect_based_has_its_skattefaktor_on_the_measured_public_saving(tmp_path):
    _family(tmp_path)
    project = _project(tmp_path)
    public, society = (effect_based(project, draws=0, perspective=p) for p in ("offentliga", "samhälle"))
    # by hand: the public budgets save the measured 144 000 kr (every exit to work, no benefit instead)
    # against the cost of 100 000 kr; society's benefit is 0 (a transfer), its cost the whole 100 000, and
    # the skattefaktor's effect 0,3 × (144 000 − 100 000)
    assert (public.pv_benefit, public.pv_cost) == (pytest.approx(144_000), pytest.approx(100_000))
    assert pd.isna(public.pv_skattefaktor)
    assert (society.pv_benefit, society.pv_cost) == (pytest.approx(0), pytest.approx(100_000))
    assert society.pv_skattefaktor == pytest.approx(0.3 * 44_000)
    assert society.npv == pytest.approx(-100_000 + 13_200)


# --- 3. a median of an even count is midway between the two middle values ------------------------------
def _ten_leavers(tmp_path, payments: bool = False) -> Path:
    """Ten participants who start on 1 January 2023 and leave for work after 100, 110, …, 190 days."""
    start = dt.date(2023, 1, 1)
    people = [{"person_id": f"U{i:03d}", "sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående",
               "start_date": start.isoformat(), "end_date": (start + dt.timedelta(days=100 + 10 * i)).isoformat(),
               "outcome": "arbete", "support_start": "försörjningsstöd"} for i in range(10)]
    write_csv(tmp_path / "data/participants.csv", people)
    p = tmp_path / "ten.yaml"
    p.write_text(textwrap.dedent("""\
        id: ten
        title: Tio deltagare
        forbund: Testförbundet
        owner: Testkommun
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv%s}
        reference: {kpi: {2021: 100, 2022: 100, 2023: 100, 2024: 100}}
        cost_benefit: {price_year: 2023, monthly_level: {method: own_payments}}
        """) % (", payments: data/payments.csv" if payments else ""), encoding="utf-8")
    return p


def test_the_median_time_in_the_project_of_an_even_count_is_midway_between_the_two_middle_times(tmp_path):
    stay = et.time_to_exit(et.load_project(_ten_leavers(tmp_path)), by=None)
    # by hand: the fifth and sixth exits are after 140 and 150 days, so the median is 145
    assert set(stay.table["median_days"]) == {145.0}


def test_the_level_of_a_leaver_without_payments_is_the_median_midway_between_the_two_middle_levels(tmp_path):
    path = _ten_leavers(tmp_path, payments=True)
    # four leavers paid 6 000, 8 000, 9 000 and 12 000 kr a month in the window (months −12 to −7 before
    # the start in January 2023: January–June 2022); the other six have no payments there
    levels = {"U000": 6000, "U001": 8000, "U002": 9000, "U003": 12_000}
    write_csv(tmp_path / "data/payments.csv", [{"person_id": pid, "month": f"2022-{m:02d}", "amount": amount}
                                               for pid, amount in levels.items() for m in range(1, 7)])
    m = _build(et.load_project(path), "actual_else_budget")[0]
    # by hand: the median of the four levels is (8 000 + 9 000) / 2 = 8 500 (the mean would be 8 750)
    assert list(m.level_by_exit) == pytest.approx([6000, 8000, 9000, 12_000] + [8500] * 6)


@pytest.mark.parametrize("lang, said", [("sv", "mitt emellan de två mittersta värdena"),
                                        ("en", "midway between the two middle values")])
def test_the_method_appendix_states_the_rule_for_an_even_count_once(tmp_path, lang, said):
    from evaltools.present.sections import method
    text = " ".join(method.paragraphs(et.Report(_ten_leavers(tmp_path), lang=lang)))
    assert text.count(said) == 1
