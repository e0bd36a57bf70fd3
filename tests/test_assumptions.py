"""Every cost-benefit assumption is declared once: the what-if sliders, the tornado rows, the
assumptions table and the workbook's assumption rows are generated from the registry, and the
registry agrees with defaults.csv and the params defaults."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import binomtest

import evaltools as et
from evaltools.present import whatif
from evaltools.words.assumptions import assumptions_table, label, value_text
from evaltools.data.assumptions import REGISTRY, Range, Unit, catalog_key
from evaltools.data.params import CostBenefit
from evaltools.words.text import catalog

from .conftest import PARAMS, ROOT, sample_project

DEFAULTS = ROOT / "evaltools" / "data" / "defaults.csv"


@pytest.fixture(scope="module")
def demo():
    return sample_project("kompassen-demo")


@pytest.fixture(scope="module")
def report(demo):
    return et.Report(demo)


@pytest.fixture(scope="module")
def defaults_csv() -> dict[str, dict]:
    """defaults.csv read with the csv module, not with the package's reader."""
    with DEFAULTS.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def _expected_ends(name: str, value: float) -> list[float]:
    """The registry's range, widened by hand to take in the value used when it lies outside."""
    a = REGISTRY[name]
    if a.range is Range.RELATIVE:
        return [a.lower, a.upper]
    return [min(a.lower, value), max(a.upper, value)]


def _ends(text: str) -> tuple[float, float]:
    lo, hi = text.split("–")
    return float(lo), float(hi)


# --- the registry and its sources ------------------------------------------------------------
def test_the_registry_agrees_with_defaults_csv(defaults_csv):
    for a in REGISTRY.values():
        if a.source:
            row = defaults_csv[a.source]  # every source the registry names is a row of defaults.csv
            assert a.confidence == row["confidence"], a.name
            if a.default is not None and "–" not in row["value"]:  # (a range row sources a multiple of 1)
                assert a.default == float(row["value"]), a.name
        if a.range_source:
            assert (a.lower, a.upper) == _ends(defaults_csv[a.range_source]["value"]), a.name
    # spot checks typed from the file by hand
    assert (REGISTRY["deadweight"].default, REGISTRY["deadweight"].lower, REGISTRY["deadweight"].upper) == (0.25, 0.0, 0.75)
    assert (REGISTRY["horizon_years"].lower, REGISTRY["horizon_years"].upper) == (1.0, 5.0)
    assert REGISTRY["discount_rate"].default == 0.035 and REGISTRY["skattefaktor"].default == 1.3


def test_the_params_defaults_are_the_registry_s():
    cb = CostBenefit()
    assert cb.horizon_years == 3.0 and cb.dropoff_per_year == 0.2 and cb.discount_rate == 0.035
    assert cb.deadweight_default == 0.25 and cb.skattefaktor == 1.3
    assert tuple(cb.deadweight_range) == (0.0, 0.75) and tuple(cb.horizon_range) == (1.0, 5.0)
    assert tuple(cb.ex_ante_success_range) == (0.75, 1.25)
    for name in ("horizon_years", "dropoff_per_year", "discount_rate", "skattefaktor"):
        assert getattr(cb, name) == REGISTRY[name].default


def test_no_default_monthly_level_is_sourced_to_one_project(defaults_csv):
    # the fixed 8 900 kr of one application is gone; the default way is riksnorm, a general source
    assert "fixed_monthly_level" not in defaults_csv
    assert defaults_csv["monthly_level_method"]["value"] == "riksnorm"
    assert CostBenefit().monthly_level.method == "riksnorm"
    assert "Eskilstuna" not in defaults_csv["monthly_level_method"]["source"]


def test_every_assumption_has_its_words_once_in_both_languages():
    for lang in ("sv", "en"):
        words = catalog(lang)
        for name, a in REGISTRY.items():
            for part in ("label", "unit", "definition"):
                assert catalog_key(name, part) in words, (lang, name, part)
            assert a.term in words
    # the old per-module tables are gone
    keys = set(catalog("sv").messages)
    for family in ("costbenefit.assumption.", "plot.sensitivity.", "workbook.parameter.", "explore.whatif.slider.deadweight",
                   "explore.setting.deadweight"):
        assert not [k for k in keys if k.startswith(family)], family


def test_values_read_by_their_unit():
    assert value_text("deadweight", 0.25, "sv") == "25\u00a0%"
    assert value_text("discount_rate", 0.035, "sv") == "3,5\u00a0%"
    assert value_text("horizon_years", 3, "en") == "3 years"
    assert value_text("skattefaktor", 1.3, "sv") == "1,3"
    assert value_text("price_year", 2023.0, "sv") == "2023"
    assert value_text("monthly_level", 9150.4, "sv") == "9\u00a0150\u00a0kr"


# --- the views generated from it -------------------------------------------------------------
def test_the_what_if_sliders_are_the_registry_s(demo):
    specs = whatif.slider_specs(demo)
    assert tuple(specs) == REGISTRY.sliders
    assert set(specs) == {"monthly_level", "horizon_years", "dropoff_per_year", "deadweight", "discount_rate"}
    for name, spec in specs.items():
        assert (spec["min"], spec["max"]) == REGISTRY[name].slider
        assert spec["step"] == REGISTRY[name].step
        assert spec["min"] <= spec["value"] <= spec["max"]
    assert whatif.control_label("deadweight", "sv") == "Dödvikt" == label("deadweight", "sv")


def test_the_tornado_rows_are_the_registry_s(demo):
    r = et.cost_benefit(demo, monte_carlo=False, effect=False)
    used = r.assumptions.set_index("name")["value"]
    participants = demo.participants
    ended = participants[~participants["ongoing"]] if "ongoing" in participants else participants[participants["end_date"].notna()]
    n = len(ended)
    k = int(ended["outcome"].isin(demo.params.cost_benefit.success_outcomes).sum())
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")  # Clopper–Pearson, by scipy
    names = set()
    for perspective, sens in r.sensitivity_by_perspective.items():
        names |= set(sens["parameter"])
        for row in sens.itertuples():
            a = REGISTRY[row.parameter]
            ends = sorted([row.low_value, row.high_value])
            if a.range is Range.INTERVAL:  # the number who left: its exact 95 % interval, in whole persons (halves up)
                assert ends == [int(ci.low * n + 0.5), int(ci.high * n + 0.5)]
            elif row.parameter == "cost":
                assert ends == [a.lower, a.upper]
            else:
                assert ends == _expected_ends(row.parameter, used[row.parameter]), (perspective, row.parameter)
            assert row.npv_low <= row.npv_high
    assert names <= set(REGISTRY.varied)
    # every varied assumption moves some perspective's NPV here, except the cost: every budget
    # line of the sample has its utfall, and only the part still budgeted is varied
    assert names == set(REGISTRY.varied) - {"cost"}
    # the sample's observed drop-off is 0 % (its leavers are not paid again after their exit: 100 % of the level
    # kept 12 months after): within the registry's 0–50 %, it is tested over that range, and the value used is
    # the better end (a value above the range is tested from 0 % to itself: _expected_ends)
    drop = r.sensitivity.set_index("parameter").loc["dropoff_per_year"]
    assert used["dropoff_per_year"] == 0.0
    assert sorted([drop["low_value"], drop["high_value"]]) == [0.0, 0.5]
    assert max(drop["npv_low"], drop["npv_high"]) == pytest.approx(drop["npv_base"])
    assert "skattefaktor" in set(r.sensitivity_by_perspective["samhälle"]["parameter"])
    assert "skattefaktor" not in set(r.sensitivity["parameter"])  # society's account only
    # the chart draws exactly these rows, named by the registry's words
    fig = et.plots.plot_tornado(r.sensitivity, "sv")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(ticks) == sorted(label(p, "sv") for p in r.sensitivity["parameter"])


# the rows of the participants' employment in the project: listed only where a line of their wages is declared,
# which the demo does not (tests/test_participant_wages_43.py lists them)
EMPLOYMENT_ROWS = ("participant_wage_sek_month", "employer_fee_rate", "employment_monthly_level")
DEMO_ROWS = tuple(n for n in REGISTRY.table if n not in EMPLOYMENT_ROWS)


def test_the_assumptions_table_rows_are_the_registry_s(demo, report):
    a = report.cba.assumptions
    assert tuple(a["name"]) == DEMO_ROWS
    assert set(a["unit"]) <= {u.value for u in Unit}
    for row in a.itertuples():
        reg = REGISTRY[row.name]
        if reg.range in (Range.ABSOLUTE, Range.RELATIVE):
            assert [row.lower, row.upper] == _expected_ends(row.name, row.value), row.name
        else:
            assert pd.isna(row.lower) and pd.isna(row.upper)
    shown = assumptions_table(a, "sv")
    assert list(shown["Antagande"]) == [label(n, "sv") for n in DEMO_ROWS]
    assert shown.set_index("Antagande").loc["Tidshorisont", "Prövas mellan"] == "1–5 år"
    assert shown.set_index("Antagande").loc["Försörjningsstöd per månad", "Prövas mellan"] == "±25\u00a0%"


def test_the_workbook_assumption_rows_are_the_registry_s(report, tmp_path: Path):
    et.export_report(report, tmp_path)
    data = pd.read_csv(tmp_path / "tables-data" / "antaganden.csv")  # the machine-readable sheet keeps codes
    assert tuple(data["name"]) == DEMO_ROWS
    for row in data.itertuples():
        reg = REGISTRY[row.name]
        if reg.range in (Range.ABSOLUTE, Range.RELATIVE):
            # the workbook writes a relative range (±25 %) as the values it tests, in the assumption's own unit
            ends = _expected_ends(row.name, row.value)
            if reg.range is Range.RELATIVE:
                ends = [e * row.value for e in ends]
            assert [row.lower, row.upper] == pytest.approx(ends), row.name
    sens = pd.read_csv(tmp_path / "tables-data" / "kanslighet.csv")
    assert set(sens["parameter"]) <= set(REGISTRY.varied)
    from openpyxl import load_workbook
    wb = load_workbook(next(tmp_path.glob("*.xlsx")))
    sheet = wb["Antaganden"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    names = [row[header.index("Antagande")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [label(n, "sv") for n in DEMO_ROWS]


# --- the what-if panel follows its perspective ----------------------------------------------
def test_the_what_if_tornado_follows_the_chosen_perspective(demo):
    result = whatif.evaluate(demo)
    table = et.cost_benefit(demo, monte_carlo=False, effect=False).table.set_index("perspective")
    kommun = whatif.tornado_data(result, "kommun")
    assert (kommun["perspective"] == "kommun").all()
    assert kommun["npv_base"].iloc[0] == pytest.approx(table.loc["kommun", "npv"])
    public = whatif.tornado_data(result, "offentliga")
    assert public["npv_base"].iloc[0] == pytest.approx(table.loc["offentliga", "npv"])
    assert kommun["npv_base"].iloc[0] != pytest.approx(public["npv_base"].iloc[0])
    # the default is the report's lead perspective, the same rows as the report's tornado
    pd.testing.assert_frame_equal(whatif.tornado_data(result), result.sensitivity)
    with pytest.raises(ValueError, match="perspective"):
        whatif.tornado_data(result, "grannkommunen")


def test_what_if_says_why_society_does_not_move_when_earnings_are_not_valued(demo):
    from dataclasses import replace
    demo = replace(demo, earnings=None, benefits=None)  # (no register outcomes: earnings are not valued)
    result = whatif.evaluate(demo)
    assert not result.summary.earnings_valued
    note = whatif.society_note(result, "sv")
    assert "Samhällets nettonuvärde" in note and "arbetsinkomster" in note and note.count(".") == 1
    # and it is true: between 0 % and 75 % deadweight society's NPV moves only by the skattefaktor's
    # excess burden on the public budgets' net effect, (1,3 − 1) times the public financiers' change
    low = whatif.evaluate(demo, deadweight=0.0).table.set_index("perspective")
    high = whatif.evaluate(demo, deadweight=0.75).table.set_index("perspective")
    sf = demo.params.cost_benefit.skattefaktor
    moved = low.loc["samhälle", "npv"] - high.loc["samhälle", "npv"]
    assert moved == pytest.approx((sf - 1) * (low.loc["offentliga", "npv"] - high.loc["offentliga", "npv"]))
    assert low.loc["samhälle", "pv_benefit"] == pytest.approx(high.loc["samhälle", "pv_benefit"])
    valued = whatif.evaluate(demo.with_params(cost_benefit={"work_earnings_sek_month": 20000}))
    assert whatif.society_note(valued, "sv") == ""


def test_a_project_with_no_leavers_is_valued_at_riksnorm_for_one_adult_not_at_one_application_s_amount():
    from evaltools.data.reference import household_norm, price_factor
    project = et.load_project(PARAMS / "samverkan-i-praktiken.yaml")  # structural, no monthly level of its own
    assert project.params.cost_benefit.monthly_level.method == "riksnorm"
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    py = project.params.price_year
    norm, _ = household_norm(py, "ensamstående", 0)  # Socialstyrelsen's riksnorm, one adult living alone
    expected = norm + 4300 * price_factor(2023, py)[0]  # plus the housing default (2023 prices)
    assert r.summary.monthly_level == pytest.approx(expected)
    assert r.summary.monthly_level != pytest.approx(8900 * price_factor(2023, py)[0])
    assert r.summary.break_even_person_years == pytest.approx(r.summary.total_cost_fixed / (12 * expected))
    from evaltools.words.labels import note_text
    source = note_text(r.summary.level_source, "sv")
    assert "riksnorm" in source and "ensam" in source


def test_without_a_sensitivity_analysis_the_table_shows_no_tested_range():
    # a structural project has no exits to value: nothing is varied, so no range is said to be tested
    r = et.cost_benefit(et.load_project(PARAMS / "samverkan-i-praktiken.yaml"), monte_carlo=False, effect=False)
    assert r.sensitivity.empty
    assert r.assumptions["lower"].isna().all() and r.assumptions["upper"].isna().all()
    assert "Prövas mellan" not in assumptions_table(r.assumptions, "sv").columns
