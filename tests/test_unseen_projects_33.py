"""Thirty-third sweep of projects unlike the samples. An application (``kind: ansökan``) for persons aged 60–64 on
försörjningsstöd has no participant file and so no ages: its target group's age is written in the params file
(``expected.age_group``), and each expected leaver's saving ends at the age of äldreförsörjningsstöd by the rule a
finished project's leavers follow (the group's middle, as for an age group in a participants file), with the age's
row in the assumptions table; a 25–40 group changes nothing. Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.words.labels import note_text

from .conftest import params_refusal, write_csv

# --- an application's target group by age ---------------------------------------------------------------------
# The application runs through 2026; it expects 2 persons a year to leave försörjningsstöd (the period is 364 days,
# 0,997 years: 2 expected leavers), at a fixed 10 000 kr a month in the price year, with no deadweight, no drop-off
# and, in the first tests, no discounting, over a horizon of 5 years (60 months).
# A target group of 60–64 is taken as 62 and a half when each leaves. From 2026 the age of äldreförsörjningsstöd is
# 67 (Prop. 2021/22:181): 67 − 62,5 = 4,5 years = 54 months after the exit (66, the age of 2023–2025, would come 42
# months after an exit in 2026, in 2029 or 2030, when the age is 67: too young). So each leaver saves 54 months,
# not 60: 2 × 54 × 10 000 = 1 080 000 kr, against 2 × 60 × 10 000 = 1 200 000 kr for a group far from it.
APPLICATION = """\
    id: seniorlyftet
    kind: ansökan
    title: Seniorlyftet – prövning av ansökan
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2026-01-01, planned_end: 2026-12-31}
    granted_sek: 300000
    data: {budget: data/budget.csv}
    expected:
      participants_per_year: 10
      successes_per_year: 2
    %s
    goals:
      - id: arbete
        kind: outcome_count
        label: Minst 2 personer per år till arbete
        target: 2
        period: project_year
        count_by: exit
        success_outcomes: [arbete]
    cost_benefit:
      price_year: 2026
      cost_basis: budget
      monthly_level: {method: fixed, amount_sek: 10000, amount_year: 2026, source: "ansökan"}
      horizon_years: 5
      horizon_range: [1, 5]
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: %s
      skattefaktor: 1
    """
LEVEL = 10_000.0
COST = 300_000.0


def _application(tmp_path: Path, group: str | None, rate: float = 0.0) -> Path:
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2026", "category": "Personal", "budget": COST}])
    line = f"  age_group: '{group}'" if group is not None else ""
    path = tmp_path / "seniorlyftet.yaml"
    path.write_text(textwrap.dedent(APPLICATION) % (line, rate), encoding="utf-8")
    return path


def _benefit(params: Path, perspective: str = "kommun") -> float:
    r = et.cost_benefit(et.load_project(params), monte_carlo=False)
    return float(r.table.set_index("perspective").loc[perspective, "pv_benefit"])


def test_an_application_for_60_to_64_year_olds_saves_until_the_age_of_aldreforsorjningsstod(tmp_path):
    assert _benefit(_application(tmp_path / "a", "60–64")) == pytest.approx(2 * 54 * LEVEL)  # 1 080 000
    assert _benefit(_application(tmp_path / "b", None)) == pytest.approx(2 * 60 * LEVEL)  # 1 200 000


def test_a_group_of_25_to_40_changes_nothing_and_has_no_row(tmp_path):
    # the middle, 33 years, is 34 years from 67: far beyond the longest horizon tested (5 years)
    with_group = et.cost_benefit(et.load_project(_application(tmp_path / "a", "25-40")), monte_carlo=False)
    without = et.cost_benefit(et.load_project(_application(tmp_path / "b", None)), monte_carlo=False)
    assert with_group.table.set_index("perspective").loc["kommun", "pv_benefit"] == pytest.approx(2 * 60 * LEVEL)
    assert with_group.table["npv"].tolist() == pytest.approx(without.table["npv"].tolist(), nan_ok=True)
    assert "pension_age" not in set(with_group.assumptions["name"])


def test_with_discounting_the_saving_is_the_annuity_over_the_months_to_the_age(tmp_path):
    # both leavers keep 54 months of the horizon's 60, each discounted from their own exit month: the ratio of the
    # two savings is that of the annuities Σ_{m<54} v^m / Σ_{m<60} v^m = (1 − v^54) / (1 − v^60), v = 1,035^(−1/12)
    v = 1.035 ** (-1 / 12)
    ratio = (1 - v ** 54) / (1 - v ** 60)
    cut = _benefit(_application(tmp_path / "a", "60–64", 0.035))
    whole = _benefit(_application(tmp_path / "b", None, 0.035))
    assert cut / whole == pytest.approx(ratio, rel=1e-12)
    assert 0.9 < ratio < 0.91  # (above 54 / 60: the months cut are the last, the most discounted)


def test_the_horizon_tested_at_one_year_is_not_cut(tmp_path):
    r = et.cost_benefit(et.load_project(_application(tmp_path, "60–64")), monte_carlo=False)
    row = r.sensitivity.set_index("parameter").loc["horizon_years"]
    assert row["npv_low"] == pytest.approx(2 * 12 * LEVEL - COST)  # 12 months of 54: the whole year
    assert row["npv_high"] == pytest.approx(2 * 54 * LEVEL - COST)


def test_the_assumptions_table_lists_the_age_with_the_target_group(tmp_path):
    r = et.cost_benefit(et.load_project(_application(tmp_path, "60-64 år")), monte_carlo=False)
    row = r.assumptions.set_index("name").loc["pension_age"]
    assert row["value"] == 67  # (in force when the 5 years after the last exit end, in 2031)
    sv, en = note_text(row["source"], "sv"), note_text(row["source"], "en")
    assert "2 av de 2 som ansökan räknar med ska lämna försörjningsstödet når den inom 5 år efter avslutet" in sv
    assert "ansökans målgrupp är 60–64 år: var och en antas vara mitt i gruppen, 62,5 år" in sv
    assert "riktåldern 67 år från 2026" in sv
    assert "the application's target group is 60–64: each is taken to be in the middle of the group, 62.5" in en
    # the method appendix states the rule, as for a finished project whose leavers reach the age
    from evaltools.present.sections import method  # (the words of the appendix, read from the report)
    text = " ".join(method.paragraphs(et.Report(_application(tmp_path, "60-64 år"))))
    assert "lägsta åldern för äldreförsörjningsstöd betalar staten hens stöd" in text


@pytest.mark.parametrize("written", ["62", "äldre", "'sextio till sextiofyra'"])
def test_an_age_group_that_is_no_group_is_refused_with_what_to_write(tmp_path, written):
    path = _application(tmp_path, None)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  successes_per_year: 2\n", f"  successes_per_year: 2\n  age_group: {written}\n"), encoding="utf-8")
    text = params_refusal(path)
    assert "expected, age_group: står " in text
    assert "som inte är någon åldersgrupp" in text and "'60–64'" in text
