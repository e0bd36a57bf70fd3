"""Figures of an unseen project recomputed by hand: what the municipality's avoided försörjningsstöd holds where
earnings are valued (and the effect-based estimate's share of it), and who counts in the participants' share that
left försörjningsstöd beside the comparison group's (and in the deadweight worked out from the two). Expected
values are worked out below from the rows written here, never read from the toolkit."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.comparison import compare_exit_rates
from evaltools.analysis.costbenefit import cost_benefit, effect_based

from .conftest import write_csv
from .test_recompute_unseen import _months

# The project runs 2023; all six participants start 2023-01-10 and end 2023-05-15, so the first whole month without
# försörjningsstöd is 2023-06 for each who left it:
#   D1, D2, D3  arbete                 on försörjningsstöd at start: three exits to work
#   D4          studier                on försörjningsstöd at start: an exit the state pays study support for
#   D5          arbete                 on sjukpenning at start, no payments: had no försörjningsstöd to leave
#   D6          kvar_försörjningsstöd  on försörjningsstöd at start, did not leave it
# So 4 of the 5 ended who had försörjningsstöd at start left it (80 %); D5's exit to work is no exit from it.
# The comparison group: six persons with the same start, K1 and K2 left for work (2 of 6, 33,3 %).
PARAMS = """\
id: rakna53
title: Räknat för hand
forbund: Testförbundet
owner: Testkommun
period: {start: 2023-01-01, planned_end: 2023-12-31}
data_as_of: 2024-06-30
data:
  participants: data/participants.csv
  payments: data/payments.csv
  budget: data/budget.csv
  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}
cost_benefit:
  price_year: 2023
  monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2023, source: testkälla}
  horizon_years: 1
  dropoff_per_year: 0
  discount_rate: 0
  work_earnings_sek_month: 20000
  tax_rate: 0.25
  tax_share_region: 0.4
reference:
  kpi: {2022: 400, 2023: 400, 2024: 400}
privacy:
  min_count: 2
"""
PEOPLE = [("D1", "arbete", "försörjningsstöd"), ("D2", "arbete", "försörjningsstöd"),
          ("D3", "arbete", "försörjningsstöd"), ("D4", "studier", "försörjningsstöd"),
          ("D5", "arbete", "sjukpenning"), ("D6", "kvar_försörjningsstöd", "försörjningsstöd")]


def _project(tmp_path, deadweight: str = "0"):
    base = {"sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående", "start_date": "2023-01-10"}
    write_csv(tmp_path / "data/participants.csv", [
        {"person_id": p, **base, "end_date": "2023-05-15", "outcome": o, "support_start": s} for p, o, s in PEOPLE])
    write_csv(tmp_path / "data/comparison.csv", [
        {"person_id": f"K{i}", **base, "end_date": "2024-01-10", "outcome": "arbete" if i <= 2 else "kvar_försörjningsstöd",
         "support_start": "försörjningsstöd"} for i in range(1, 7)])
    # 10 000 kr a month from 2022-01: the leavers to their exit month, D6 to the data's last month; D5 has no rows.
    # The comparison persons who left are paid to 2023-07, the others to 2024-06 (so the DiD has a fall to measure)
    pays = [{"person_id": p, "month": m, "amount": 10000} for p, o, s in PEOPLE if s == "försörjningsstöd"
            for m in _months((2022, 1), (2023, 5) if o != "kvar_försörjningsstöd" else (2024, 6))]
    write_csv(tmp_path / "data/payments.csv", pays)
    write_csv(tmp_path / "data/comparison_payments.csv", [
        {"person_id": f"K{i}", "month": m, "amount": 10000} for i in range(1, 7)
        for m in _months((2022, 1), (2023, 7) if i <= 2 else (2024, 6))])
    write_csv(tmp_path / "data/budget.csv", [{"period": "2023", "category": "Personal", "budget": 400000,
                                              "actual": 400000}])
    path = tmp_path / "rakna53.yaml"
    text = PARAMS if deadweight is None else PARAMS.replace("  horizon_years: 1\n",
                                                            f"  horizon_years: 1\n  deadweight: {deadweight}\n")
    path.write_text(text, encoding="utf-8")
    return et.load_project(path)


def test_the_avoided_forsorjningsstod_holds_no_tax_on_earnings(tmp_path):
    # four exits from försörjningsstöd (D1–D4), each 9 000 kr a month for the 12 months of the horizon, no
    # drop-off, deadweight or discounting: 4 × 9 000 × 12 = 432 000 kr. The municipality's part of the tax on the
    # three workers' earnings, 3 × 20 000 × 0,25 × 0,6 × 12 = 108 000 kr, is its benefit but no försörjningsstöd
    # (before, the figure was the municipality's whole benefit, 540 000 kr)
    cba = cost_benefit(_project(tmp_path))
    assert cba.summary.pv_avoided_fs == pytest.approx(432_000)
    kommun = cba.table.set_index("perspective").loc["kommun", "pv_benefit"]
    assert kommun == pytest.approx(432_000 + 108_000)


def test_the_effect_based_share_is_per_krona_of_forsorjningsstod_saved(tmp_path):
    # the public financiers' benefit of the exits: the municipality's 432 000 kr of försörjningsstöd and 108 000 kr
    # of tax, the region's tax 3 × 20 000 × 0,25 × 0,4 × 12 = 72 000 kr, less the state's study support for D4,
    # 9 000 × 12 = 108 000 kr: 504 000 kr, so 504 000 / 432 000 = 7/6 kr per krona of försörjningsstöd saved
    # (before: 504 000 / 540 000 = 0,933, which cut the measured saving's benefit by a fifth)
    project = _project(tmp_path)
    eb = effect_based(project, draws=0)
    assert eb is not None
    assert eb.share_of_saving == pytest.approx(7 / 6)
    assert eb.pv_benefit == pytest.approx(eb.pv_avoided_fs * 7 / 6)


def test_the_participants_share_that_left_counts_only_those_with_forsorjningsstod_at_start(tmp_path):
    # of the five ended who had försörjningsstöd at start (D1–D4, D6), four left it: 4 of 5. D5, on sjukpenning at
    # start, is in neither count (before: 5 of 6, D5's exit to work counted as leaving försörjningsstöd)
    t = compare_exit_rates(_project(tmp_path)).set_index("group")
    assert (t.loc["participants", "successes"], t.loc["participants", "n"]) == (4, 5)
    assert (t.loc["comparison", "successes"], t.loc["comparison", "n"]) == (2, 6)
    # (its rate, 80 %, is hidden at the threshold of 2: the one who stayed, D6, is a small count)
    assert t.loc["participants", "rate"] == ".."


def test_the_deadweight_from_the_comparison_group_uses_the_same_share(tmp_path, monkeypatch):
    # no deadweight in the params: the comparison group's share over the participants', (2/6) / (4/5) = 5/12 = 0,4167
    # (before: (2/6) / (5/6) = 0,4). Its benefit for the municipality: 432 000 × (1 − 5/12) = 252 000 kr.
    # With D5 alone on sickness benefit, the participants' base of 5 beside the 6 ended would tell that one had another
    # support at start (a count below the threshold of 2): the deadweight is then the default (0,25), and is worked out
    # from the shares where a second participant on sickness benefit (D7, no payments, to work) makes them two
    cba = cost_benefit(_project(tmp_path, deadweight=None))
    assert cba.assumptions.set_index("name").loc["deadweight", "value"] == pytest.approx(0.25)
    monkeypatch.setattr(f"{__name__}.PEOPLE", PEOPLE + [("D7", "arbete", "sjukpenning")])
    cba = cost_benefit(_project(tmp_path, deadweight=None))
    a = cba.assumptions.set_index("name")
    assert a.loc["deadweight", "value"] == pytest.approx(5 / 12)
    assert cba.summary.pv_avoided_fs == pytest.approx(432_000 * 7 / 12)


def test_the_workbooks_years_from_the_start_discount_each_line_to_its_present_value(tmp_path):
    from evaltools.analysis.costbenefit import costs
    # the one line, 2023's 400 000 kr, is spread over the project's twelve months 2023-01 … 2023-12 (k = 0 … 11) and
    # month k is discounted by 1,03^(−k/12). With v = 1,03^(−1/12) the mean factor is (1 − v^12) / (12 (1 − v)) =
    # (1 − 1/1,03) / (12 (1 − v)), and the line's present value 400 000 × that mean; the years at which the line,
    # discounted once, has that value are t = −ln(mean) / ln(1,03). (Before: 0, the years to 2023-01-01, which gave
    # the undiscounted 400 000 kr.)
    import math
    project = _project(tmp_path).with_params(cost_benefit={"discount_rate": 0.03})
    v = 1.03 ** (-1 / 12)
    mean = (1 - 1 / 1.03) / (12 * (1 - v))
    line = costs(project).table.iloc[0]
    assert line["t_years"] == pytest.approx(-math.log(mean) / math.log(1.03))
    assert line["used_fixed"] * 1.03 ** -line["t_years"] == pytest.approx(400_000 * mean)
    assert cost_benefit(project).summary.pv_cost == pytest.approx(400_000 * mean)
    # at a discount rate of 0 the mean of k/12: (0 + 1 + … + 11) / 12 / 12 = 5,5 / 12 years
    assert costs(_project(tmp_path)).table.iloc[0]["t_years"] == pytest.approx(5.5 / 12)
