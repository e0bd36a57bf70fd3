"""Register outcomes (earnings and state benefits per person and month): the files are checked like
payments, their effects are estimated with the payments' DiD, and the cost-benefit ledger books the
flows they measure instead of its assumptions, marked as measured."""
from __future__ import annotations

import dataclasses
import math
import re
import textwrap

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.register import register_effects
from evaltools.data import schema as S
from evaltools.data import synthetic
from evaltools.data.errors import DataValidationError, PersonalIdentityNumberError
from evaltools.data.reference import price_factor
from evaltools.present.sections import costbenefit as cb_section
from evaltools.publish.workbook import report_sheets

from .conftest import PARAMS, ROOT, sample_project, sample_report, shown_chunks, write_csv


# --- the data contract ------------------------------------------------------------------------
def _with_register(tiny_project, earnings: list[dict], benefits: list[dict]):
    write_csv(tiny_project.dir / "data" / "earnings.csv", earnings)
    write_csv(tiny_project.dir / "data" / "benefits.csv", benefits)
    return tiny_project(data_block=textwrap.dedent("""\
        data:
          participants: data/participants.csv
          payments: data/payments.csv
          budget: data/budget.csv
          earnings: data/earnings.csv
          benefits: data/benefits.csv
        """))


def test_register_files_are_read_with_decimal_comma_and_kinds(tiny_project):
    p = _with_register(tiny_project, [{"person_id": "P1", "month": "2022-03", "amount": "12 500,50"}],
                       [{"person_id": "P2", "month": "2022-04", "kind": "aktivitetsstöd", "amount": "5 000"}])
    project = et.load_project(p)
    assert project.earnings[S.AMOUNT].tolist() == [12500.5]
    assert project.benefits[S.KIND].tolist() == ["aktivitetsstöd"]
    assert project.benefits[S.AMOUNT].tolist() == [5000.0]
    assert {"earnings.csv", "benefits.csv"} <= set(project.checksums)


def test_every_problem_of_a_register_file_is_reported_at_once_with_file_row_column_and_value(tiny_project):
    p = _with_register(
        tiny_project,
        [{"person_id": "P1", "month": "2022-03", "amount": "12x"},        # row 2: not a number
         {"person_id": "P1", "month": "2022-04", "amount": "-500"},       # row 3: negative
         {"person_id": "X9", "month": "2022-04", "amount": "9000"}],      # row 4: in neither person file
        [{"person_id": "P2", "month": "2022-04", "kind": "lönebidrag", "amount": "5000"},  # row 2: no such kind
         {"person_id": "P2", "month": "2022-05", "kind": "aktivitetsstöd", "amount": "1000"},
         {"person_id": "P2", "month": "2022-05", "kind": "aktivitetsstöd", "amount": "1000"}])  # row 4: twice
    with pytest.raises(DataValidationError) as e:
        et.load_project(p)
    found = {(p_.file.rsplit("/", 1)[-1], p_.row, p_.column, p_.key) for p_ in e.value.problems}
    assert ("earnings.csv", 2, "amount", "cell.bad") in found
    assert ("earnings.csv", 3, "amount", "cell.bad") in found
    assert ("earnings.csv", 4, "person_id", "register.unknown_person") in found
    assert ("benefits.csv", 2, "kind", "cell.bad") in found
    assert ("benefits.csv", 4, "month", "register.duplicate_kind") in found
    kind = next(p_ for p_ in e.value.problems if p_.column == "kind")
    assert "aktivitetsstöd" in kind.note("sv")  # the expected codes are listed
    assert "'X9'" in next(p_ for p_ in e.value.problems if p_.key == "register.unknown_person").note("en")


def test_a_personnummer_in_a_register_file_is_refused_and_never_shown(tiny_project):
    pnr = "19850101-1234"
    p = _with_register(tiny_project, [{"person_id": pnr, "month": "2022-03", "amount": "12000"}],
                       [{"person_id": "P2", "month": "2022-04", "kind": "sjukpenning", "amount": "5000"}])
    with pytest.raises(PersonalIdentityNumberError) as e:
        et.load_project(p)
    assert any(p_.file.endswith("earnings.csv") and p_.row == 2 for p_ in e.value.problems)
    assert pnr not in str(e.value) and "850101" not in str(e.value)


def test_the_vocabulary_of_benefit_kinds_has_one_paying_actor_each_and_is_documented():
    assert set(S.BENEFIT_KINDS) == set(S.BENEFIT_PAYER)
    assert set(S.BENEFIT_PAYER.values()) <= {"fk", "stat"}
    doc = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    for code in S.BENEFIT_KINDS:
        assert f"`{code}`" in doc


def test_the_excel_template_has_a_sheet_for_each_register_file(tmp_path):
    from openpyxl import load_workbook

    from evaltools.data.template import write_template
    wb = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert {"earnings", "benefits"} <= set(wb.sheetnames)
    header = [c.value for c in wb["benefits"][3]]
    assert header == [S.PERSON_ID, S.MONTH, S.KIND, S.AMOUNT]


# --- the estimates ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kompassen():
    return sample_project("kompassen-demo")


@pytest.fixture(scope="module")
def cba(kompassen):
    return et.cost_benefit(kompassen, monte_carlo=False)


def test_the_did_recovers_the_synthetic_truth_within_its_interval(kompassen):
    reg = register_effects(kompassen)
    truth = {("earnings", "individ"): synthetic.DEMO_EARNINGS_EFFECT_SEK,
             ("benefits", "stat"): synthetic.DEMO_STATE_BENEFIT_EFFECT_SEK,
             ("benefits", "fk"): 0.0}  # (sjukpenning is the same in both groups)
    assert {(e.outcome, e.actor) for e in reg.effects} == set(truth)
    for e in reg.effects:
        assert e.did.ci_low <= truth[(e.outcome, e.actor)] <= e.did.ci_high, (e.outcome, e.actor, e.did)
        assert e.participants == 180 and e.comparison_persons == 540


def _post_months(project) -> pd.Series:
    """Participant-months 0..months_after after each start inside the register file's months, per
    calendar month, counted from the participant file (not from the estimator's panel)."""
    c = project.params.comparison
    last = project.earnings[S.MONTH].max()
    months = []
    for start in project.participants[S.START_DATE]:
        first = pd.Timestamp(start.year, start.month, 1)
        months += [m for m in pd.date_range(first, periods=c.months_after + 1, freq="MS") if m <= last]
    return pd.Series(months).value_counts().sort_index()


def test_the_ledger_books_the_estimates_on_the_observed_months_and_marks_them_measured(kompassen, cba):
    reg = cba.register
    params = kompassen.params
    rate, py = params.cost_benefit.discount_rate, params.price_year
    s0 = params.period.start
    counts = _post_months(kompassen)

    def pv(effect: float) -> float:  # by hand: each participant-month priced in the price year and discounted
        return sum(effect * n * price_factor(m.year, py)[0]
                   / (1 + rate) ** (((m.year - s0.year) * 12 + m.month - s0.month) / 12) for m, n in counts.items())

    led = cba.ledger.set_index(["item", "actor"])
    earn = reg.of("earnings").did.effect
    tax, region = params.cost_benefit.tax_rate, params.cost_benefit.tax_share_region
    assert led.loc[("arbetsinkomst", "individ"), "pv"] == pytest.approx(pv(earn), rel=1e-9)
    assert led.loc[("skatt", "kommun"), "pv"] == pytest.approx(pv(earn) * tax * (1 - region), rel=1e-9)
    assert led.loc[("skatt", "region"), "pv"] == pytest.approx(pv(earn) * tax * region, rel=1e-9)
    state = reg.of("benefits", "stat").did.effect
    assert led.loc[("ersattning_stat", "stat"), "pv"] == pytest.approx(-pv(state), rel=1e-9)
    assert led.loc[("ersattning_stat", "individ"), "pv"] == pytest.approx(pv(state), rel=1e-9)
    for key in [("arbetsinkomst", "individ"), ("skatt", "kommun"), ("ersattning_stat", "stat"), ("ersattning_fk", "fk")]:
        assert led.loc[key, "source"] == "measured"
    assert led.loc[("forsorjningsstod", "kommun"), "source"] == "assumed"
    # the kommun's and the state's results are their ledger rows summed: measured tax and benefits in them
    table = cba.table.set_index("perspective")
    for who, actors in (("kommun", ["kommun"]), ("stat", ["stat", "fk"])):
        rows = cba.ledger[cba.ledger["actor"].isin(actors)]
        assert table.loc[who, "npv"] == pytest.approx(rows["pv"].sum(), rel=1e-9)
    # the earnings assumption says it is replaced by the measurement
    used = cba.assumptions.set_index("name")
    assert used.loc["work_earnings_sek_month", "source"].key == "assumption.earnings_measured"
    assert cba.summary.earnings_valued


# The NPVs per perspective before register outcomes existed (the code at commit c98cf91), for the
# projects without register files: adding the feature must not move them. (Computed by that commit's
# evaltools, extracted with git archive, on the samples as regenerated when their leavers stopped being
# paid after the exit; on the earlier samples it gave Kompassen's municipality 566 760,39 kr.)
BEFORE = {
    "sprangbradan-demo": {"kommun": 2032780.20, "region": -1015233.98, "stat": -3862630.09,
                          "fk": -934281.05, "offentliga": -2845083.87, "samhälle": -5287581.63},
    "kompassen-demo": {"kommun": 12087741.13, "region": -1015233.98, "stat": -8182251.65, "fk": -2944838.62,
                       "offentliga": 2890255.50, "samhälle": -3566979.82},
}


def _without_register(tmp_path, pid: str):
    """The sample's params without the register files (data paths made absolute)."""
    text = (PARAMS / f"{pid}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n  (earnings|benefits): [^\n]+", "", text)
    text = text.replace("../data/", f"{(ROOT / 'data').as_posix()}/")
    path = tmp_path / f"{pid}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("pid", sorted(BEFORE))
def test_a_project_without_register_files_has_the_npvs_it_had(tmp_path, pid, monkeypatch):
    from evaltools.analysis import costbenefit
    # (nor did the model then end a saving at the age of äldreförsörjningsstöd: tests/test_pension_age_34.py)
    monkeypatch.setattr(costbenefit, "pension_months",
                        lambda persons, first: np.full(len(persons), costbenefit.NO_PENSION))
    # (and it counted an exit dated the 1st from that month, not from the next: tests/test_costbenefit.py)
    monkeypatch.setattr(costbenefit, "_first_months_from",
                        lambda days: (costbenefit._months(pd.to_datetime(days)) + (pd.to_datetime(days).dt.day != 1)).to_numpy())
    project = et.load_project(_without_register(tmp_path, pid))
    # (each participant in a household of their own, as the model then counted them: a household whose
    # members leave now saves its level once, tests/test_unseen_projects_6.py)
    project = dataclasses.replace(project, participants=project.participants.drop(columns=["household_id"]))
    assert project.earnings is None and project.benefits is None
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    npv = r.table.set_index("perspective")["npv"]
    for who, value in BEFORE[pid].items():
        assert npv[who] == pytest.approx(value, abs=0.01), who
    assert set(r.ledger["source"]) <= {"assumed", "cost", "public_net"}  # (nothing measured)
    assert r.register is None


# --- what a reader sees -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def reports():
    return {lang: sample_report("kompassen-demo", lang) for lang in ("sv", "en")}


@pytest.mark.parametrize("lang, measured, heading, horizon", [
    ("sv", "uppmätt", "Flöden per aktör", "de förlängs inte över kalkylens tidshorisont"),
    ("en", "measured", "Flows by actor", "they are not extended over the calculation's horizon"),
])
def test_the_cost_benefit_section_marks_measured_and_assumed_rows(reports, lang, measured, heading, horizon):
    r = reports[lang]
    shown = shown_chunks(cb_section.blocks(r))
    text = " ".join(shown)
    assert heading in shown
    assert horizon in text
    table = cb_section.ledger_table(r).frame
    source = table.columns[-1]
    assert (table[source] == measured).sum() == int((r.cba.ledger["source"] == "measured").sum()) > 0
    assert (table[source] == ("antaget" if lang == "sv" else "assumed")).any()
    # every estimate is stated with its interval
    for e in r.cba.register.effects:
        assert cb_section._signed_kr(e.did.effect, lang) in text


def test_the_workbook_has_the_ledger_with_its_sources_and_the_estimates(reports):
    r = reports["sv"]
    sheets = {s.name: s for s in report_sheets(r.key_tables(), r.k, lang="sv")}
    assert set(sheets["floden"].frame["source"]) == {"measured", "assumed", "cost", "public_net"}
    # the same ledger object as the section's table
    assert sheets["floden"].frame["pv"].sum() == pytest.approx(r.cba.ledger["pv"].sum())
    eff = sheets["registereffekt"].frame.set_index(["outcome", "actor"])
    assert eff.loc[("earnings", "individ"), "effect"] == r.cba.register.of("earnings").did.effect


@pytest.mark.slow
def test_the_rendered_kompassen_report_shows_the_measured_rows(sample_reports, sample_reports_en):
    # the samples as rendered once for the whole run (tests/conftest.py), Kompassen among them
    for rendered, words in ((sample_reports, ("Flöden per aktör", "uppmätt", "antaget")),
                            (sample_reports_en, ("Flows by actor", "measured", "assumed"))):
        lang = rendered.lang
        result = rendered.results["kompassen-demo"]
        assert result.ok, result.error
        folder = rendered.out / "kompassen-demo" / ("" if lang == "sv" else lang)
        html = (folder / "kompassen-demo.html").read_text(encoding="utf-8")
        for w in words:
            assert w in html, (lang, w)


def test_regenerated_register_files_equal_the_shipped_ones():
    demo = synthetic.demo_project()
    files = synthetic.demo_register(demo["participants"], demo["comparison"])
    for name, df in files.items():
        shipped = pd.read_csv(ROOT / "data" / "kompassen-demo" / f"{name}.csv", dtype=str)
        assert shipped.equals(df.astype(str)), name


def test_the_switching_deadweight_leaves_the_measured_flows_alone(kompassen, cba):
    # the measured rows carry no deadweight. With avoided försörjningsstöd counted at a fixed 500 kr a month
    # (the sample's own level, about 9 000 kr, makes its NPV positive since its leavers stop being paid) the
    # public financiers' NPV at a deadweight of 0 (their benefit from exits in full, the measured rows as they
    # are) is still negative, so no deadweight turns it to zero
    low = {"monthly_level": {"method": "fixed", "amount_sek": 500, "amount_year": 2023}}
    cba_low = et.cost_benefit(kompassen.with_params(cost_benefit=low), monte_carlo=False, effect=False)
    at_zero = et.cost_benefit(kompassen.with_params(cost_benefit={**low, "deadweight": 0.0}), monte_carlo=False,
                              effect=False)
    public = at_zero.table.set_index("perspective").loc["offentliga"]
    assert public["npv"] < 0
    assert math.isnan(cba_low.table.set_index("perspective").loc["offentliga", "switching_deadweight"])
    # and the measured rows are the same at any deadweight
    measured = at_zero.ledger[at_zero.ledger["source"] == "measured"].set_index(["item", "actor"])["pv"]
    pd.testing.assert_series_equal(measured, cba.ledger[cba.ledger["source"] == "measured"].set_index(["item", "actor"])["pv"])


def test_no_register_effect_is_estimated_for_fewer_persons_than_the_privacy_threshold(kompassen):
    few = kompassen.with_params(privacy={"min_count": 181})  # one more than the 180 participants
    assert register_effects(few).effects == ()
    r = et.cost_benefit(few, monte_carlo=False, effect=False)
    assert "measured" not in set(r.ledger["source"])


@pytest.mark.parametrize("lang, words", [
    ("sv", "lön, skatten på den och statens ersättningar är uppmätta i registeruppgifter"),
    ("en", "earnings, their tax and state benefits measured in register data"),
])
def test_page_one_says_which_flows_are_measured(reports, lang, words):
    """Page 1's society NPV mixes measured and assumed flows once register files are given: it says which."""
    assert sum(words in x for x in reports[lang].key_findings()) == 1


def test_page_one_of_a_project_without_register_files_claims_no_measurement():
    findings = sample_report("sprangbradan-demo", "sv").key_findings()
    assert any(x.startswith("För samhället som helhet") for x in findings)
    assert not any("registeruppgifter" in x for x in findings)
