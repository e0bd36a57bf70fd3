"""A leaver's saving ends at the age from which the state's äldreförsörjningsstöd replaces försörjningsstöd
(Prop. 2021/22:181: 65 until 2022, 66 in 2023–2025, 67 from 2026), with or without the project. Expected values
are counted by hand below from the rows written here: at a fixed level, no drop-off, no deadweight and no
discounting, each leaver's benefit is the level times the months it lasts."""
from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit.model import NO_PENSION, pension_months
from evaltools.words.labels import note_text

from .conftest import write_csv

# The project starts in January 2023 (month 0). Three leave försörjningsstöd for work:
#   O  born 1958 (birth month taken as July): 65 in July 2023, when the age is 66: too young; 66 in July 2024,
#      when it is 66: from month 18. Ends 2023-06-30: first month without is 2023-07 (month 6): 12 months saved.
#   Y  born 1990: far from it; ends 2023-06-30 (month 6): the whole horizon, 36 months (60 at 5 years).
#   A  no birth year, 63 at the start 2023-03-15: born about September 1959 (half a year before the start month
#      63 years back); 65 in September 2024 (age 66 then: too young), 66 in September 2025 (66: yes), month 32.
#      Ends 2023-09-30: first month without 2023-10 (month 9): 23 months saved.
#   D, G end still on försörjningsstöd: nothing saved (two of them, so that the counts are shown at threshold 2).
PARTICIPANTS = [
    ("O", "man", 1958, "", "2023-01-01", "2023-06-30", "arbete"),
    ("Y", "kvinna", 1990, "", "2023-01-01", "2023-06-30", "arbete"),
    ("A", "kvinna", "", 63, "2023-03-15", "2023-09-30", "arbete"),
    ("D", "man", 1985, "", "2023-01-01", "2023-04-30", "kvar_försörjningsstöd"),
    ("G", "kvinna", 1980, "", "2023-01-01", "2023-04-30", "kvar_försörjningsstöd"),
]
LEVEL = 10_000.0
MONTHS_3_YEARS = {"O": 12, "Y": 36, "A": 23}
MONTHS_5_YEARS = {"O": 12, "Y": 60, "A": 23}
MONTHS_1_YEAR = {"O": 12, "Y": 12, "A": 12}
PARAMS = """\
    id: pension
    title: Äldre långtidsarbetslösa
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data_as_of: 2024-01-31
    data:
      participants: data/participants.csv
      budget: data/budget.csv
    goals:
      - id: arbete
        kind: outcome_count
        label: Arbete
        target: 2
        period: whole_period
        count_by: exit
        success_outcomes: [arbete]
    cost_benefit:
      price_year: 2023
      monthly_level: {method: fixed, amount_sek: 10000, amount_year: 2023, source: "kommunens genomsnitt"}
      horizon_years: 3
      horizon_range: [1, 5]
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0
      skattefaktor: 1
    privacy:
      min_count: 2
    """


def _project(tmp_path: Path, rows=PARTICIPANTS) -> Path:
    data = tmp_path / "data"
    write_csv(data / "participants.csv", [
        {"person_id": p, "sex": s, "birth_year": y, "age": a, "household_type": "ensamstående", "start_date": st,
         "end_date": e, "outcome": o, "support_start": "försörjningsstöd"} for p, s, y, a, st, e, o in rows])
    write_csv(data / "budget.csv", [{"period": "2023", "category": "Personal", "budget": 300000, "actual": 300000}])
    path = tmp_path / "pension.yaml"
    path.write_text(textwrap.dedent(PARAMS), encoding="utf-8")
    return path


def test_the_saving_of_each_leaver_ends_at_the_age_of_aldreforsorjningsstod(tmp_path):
    r = et.cost_benefit(et.load_project(_project(tmp_path)), monte_carlo=False)
    t = r.table.set_index("perspective")
    expected = LEVEL * sum(MONTHS_3_YEARS.values())  # 10 000 × (12 + 36 + 23) = 710 000
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(expected)
    assert t.loc["offentliga", "pv_benefit"] == pytest.approx(expected)  # (work: nobody pays instead)
    # the ledger's monthly stream is the same object: the municipality's försörjningsstöd row
    ledger = r.ledger.set_index(["item", "actor"])
    assert ledger.loc[("forsorjningsstod", "kommun"), "pv"] == pytest.approx(expected)
    assert ledger.loc[("forsorjningsstod", "individ"), "pv"] == pytest.approx(-expected)


def test_the_horizon_tested_at_both_ends_is_cut_at_the_same_age(tmp_path):
    r = et.cost_benefit(et.load_project(_project(tmp_path)), monte_carlo=False)
    row = r.sensitivity.set_index("parameter").loc["horizon_years"]
    assert (row["low_value"], row["high_value"]) == (1, 5)
    cost = 300_000
    assert row["npv_low"] == pytest.approx(LEVEL * sum(MONTHS_1_YEAR.values()) - cost)  # 360 000 − 300 000
    assert row["npv_high"] == pytest.approx(LEVEL * sum(MONTHS_5_YEARS.values()) - cost)  # 950 000 − 300 000


def test_the_simulation_counts_the_same_months_in_every_draw(tmp_path):
    # no drop-off and no discounting: each draw's benefit is the months counted by hand times the level and what
    # the draw took for the number of successes, the level and the deadweight
    r = et.cost_benefit(et.load_project(_project(tmp_path)))
    draws = r.simulation.draws
    assert not draws.dropoff.any()
    per_kr = LEVEL * draws.success_mult * draws.level_mult * (1 - draws.deadweight)
    assert np.allclose(r.monte_carlo.npv_draws, per_kr * sum(MONTHS_3_YEARS.values()) - 300_000)
    # the same draws over a drawn horizon of H months: O's 12 months and A's 23 at most, Y's all H
    h = np.round(draws.horizon_varied * 12)
    months = np.minimum(h, 12) + h + np.minimum(h, 23)
    assert np.allclose(r.simulation.horizon_range.npv_draws, per_kr * months - 300_000)
    assert (h > 23).any() and (h < 23).any()  # (draws on both sides of A's end)


def test_the_assumptions_table_says_the_age_and_how_many_reach_it(tmp_path):
    r = et.cost_benefit(et.load_project(_project(tmp_path)), monte_carlo=False)
    row = r.assumptions.set_index("name").loc["pension_age"]
    # the horizon tested longest (5 years) ends in 2028 for the last leaver: the age in force then is 67
    assert row["value"] == 67
    text = note_text(row["source"], "sv")
    assert "(65 år till 2022, 66 år 2023–2025, riktåldern 67 år från 2026)" in text
    assert "2 av dem som lämnade försörjningsstödet når den inom 5 år efter avslutet" in text  # O and A
    assert "prop. 2021/22:181" in text


def test_a_young_project_has_no_row_and_the_whole_horizon(tmp_path):
    rows = [row for row in PARTICIPANTS if row[0] != "O" and row[0] != "A"]
    rows += [("B", "man", 1995, "", "2023-01-01", "2023-06-30", "arbete")]
    r = et.cost_benefit(et.load_project(_project(tmp_path, rows)), monte_carlo=False)
    assert "pension_age" not in set(r.assumptions["name"])
    assert r.table.set_index("perspective").loc["kommun", "pv_benefit"] == pytest.approx(LEVEL * 36 * 2)


def test_the_pension_month_by_birth_year_or_age_at_start():
    people = pd.DataFrame({
        "birth_year": [1957, 1958, 1960, 1961, np.nan, np.nan],
        "age": [np.nan, np.nan, np.nan, np.nan, 63, np.nan],
        "start_date": pd.to_datetime(["2022-01-01"] * 4 + ["2023-03-15", "2023-03-15"]),
    })
    months = pension_months(people, 2022 * 12)  # from January 2022
    # 1957: 65 in July 2022 (65 in force): month 6. 1958: 66 in July 2024: month 30. 1960: 66 in July 2026 is
    # too young (67 from 2026): 67 in July 2027, month 66. 1961: 67 in July 2028, month 78. Age 63 in March 2023:
    # born about September 1959: 66 in September 2025, month 44. No age at all: no end.
    assert months.tolist()[:5] == [6, 30, 66, 78, 44]
    assert months[5] == NO_PENSION


def test_ages_given_as_groups_take_the_middle_of_the_group(tmp_path):
    # a SUS report's ages: every cell a group, so the ages in years are not known. '60–64' at the start in January
    # 2023 is taken as 62 and a half: born about July 1960, 66 in 2026 when the age is 67, 67 in July 2027,
    # month 54: a leaver from month 6 keeps 48 months, the whole 3 years but not 5. '55–59' is far from it.
    rows = [("O", "man", "", "60–64", "2023-01-01", "2023-06-30", "arbete"),
            ("Y", "kvinna", "", "55–59", "2023-01-01", "2023-06-30", "arbete"),
            ("D", "man", "", "60–64", "2023-01-01", "2023-04-30", "kvar_försörjningsstöd"),
            ("G", "kvinna", "", "55–59", "2023-01-01", "2023-04-30", "kvar_försörjningsstöd")]
    r = et.cost_benefit(et.load_project(_project(tmp_path, rows)), monte_carlo=False)
    assert r.table.set_index("perspective").loc["kommun", "pv_benefit"] == pytest.approx(LEVEL * (36 + 36))
    row = r.sensitivity.set_index("parameter").loc["horizon_years"]
    assert row["npv_high"] == pytest.approx(LEVEL * (48 + 60) - 300_000)
    text = note_text(r.assumptions.set_index("name").loc["pension_age", "source"], "sv")
    assert "bara anges som åldersgrupp antas åldern vid start vara mitt i gruppen" in text


def test_the_method_appendix_states_the_rule_where_it_applies(tmp_path):
    from evaltools.present.sections import method
    old = " ".join(method.paragraphs(et.Report(_project(tmp_path / "old"))))
    assert "lägsta åldern för äldreförsörjningsstöd betalar staten hens stöd" in old
    rows = [row for row in PARTICIPANTS if row[0] not in ("O", "A")] + [("B", "man", 1995, "", "2023-01-01",
                                                                         "2023-06-30", "arbete")]
    young = " ".join(method.paragraphs(et.Report(_project(tmp_path / "young", rows))))
    assert "äldreförsörjningsstöd" not in young
