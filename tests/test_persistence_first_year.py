"""The first year's saving follows the observed share kept month by month, where enough leavers are
followed; figures computed by hand on a tiny project."""
from __future__ import annotations

import numpy as np
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import annuity_factor, first_year_kept, persistence
from evaltools.words.labels import note_text

from .conftest import write_csv

# fixed level 9 000 kr, one year, no discounting or deadweight; every price index 100 so that the
# payments need no deflating; the own-payments window for the kept share is the 2 months before the start
CONFIG = """\
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022, months_before_start: 2, gap_before_start: 0}
      horizon_years: 1
      dropoff_per_year: 0.2
      deadweight: 0
      discount_rate: 0
      persistence_min_observed: 2
    reference:
      kpi: {2021: 100, 2022: 100, 2023: 100, 2024: 100}
    """

PAYMENTS = [
    # P1 (start 2022-02, exit to work 2022-08): level (10 000 + 8 000) / 2 = 9 000
    {"person_id": "P1", "month": "2021-12", "amount": 10000},
    {"person_id": "P1", "month": "2022-01", "amount": 8000},
    # P4 (start 2023-01, exit to sjukersättning 2023-05): level 6 000, nothing paid after the exit
    {"person_id": "P4", "month": "2022-11", "amount": 6000},
    {"person_id": "P4", "month": "2022-12", "amount": 6000},
    # the file's last month is P4's 12th after the exit
    {"person_id": "P2", "month": "2024-05", "amount": 100},
] + [  # P1 is paid 4 500 kr in each of the 6 months after the exit month (2022-09 to 2023-02), nothing after
    {"person_id": "P1", "month": f"{y}-{m:02d}", "amount": 4500}
    for y, m in [(2022, 9), (2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2)]
]


@pytest.fixture
def followed(tiny_project):
    path = tiny_project(CONFIG)
    write_csv(path.parent / "data" / "payments.csv", PAYMENTS)
    return path


def test_the_first_year_follows_the_observed_share_kept_month_by_month(followed):
    project = et.load_project(followed)
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    # months 1–6: 1 − 4 500 / (9 000 + 6 000) = 0,7 kept; months 7–12: nothing paid, all kept
    t = r.persistence_monthly.set_index("months_after")
    assert list(t.index) == list(range(1, 13))
    assert t.loc[1, "kept_share"] == pytest.approx(0.7) and t.loc[7, "kept_share"] == pytest.approx(1.0)
    # the report's 3/6/12 table is rows of the same table: one definition of the kept share
    shown = r.persistence.set_index("months_after")["kept_share"]
    assert shown.to_dict() == pytest.approx({3: 0.7, 6: 0.7, 12: 1.0})
    # two exits at the fixed 9 000 kr: 6 months at 70 % and 6 months at 100 % each (no drop-off in year one)
    assert r.summary.pv_avoided_fs == pytest.approx(2 * 9000 * (6 * 0.7 + 6 * 1.0))  # 183 600
    assert r.summary.first_year_source == "observed"
    assert r.summary.first_year_kept == pytest.approx((6 * 0.7 + 6) / 12)  # 0,85
    a = r.assumptions.set_index("name")
    assert a.loc["first_year_kept", "value"] == pytest.approx(0.85) and not a.loc["first_year_kept", "flagged"]
    # the month-12 share kept (100 %) is the observed drop-off from month 13 on: none
    assert a.loc["dropoff_per_year", "value"] == pytest.approx(0.0)


def test_the_drop_off_applies_from_month_13_on_the_month_12_share(followed):
    project = et.load_project(followed).with_params(cost_benefit={"horizon_years": 2})
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    # year one 10,2 months' worth per exit; year two 12 months at the month-12 share kept (100 %)
    assert r.summary.pv_avoided_fs == pytest.approx(2 * 9000 * (10.2 + 12))


def test_too_few_followed_keeps_the_registered_assumption(followed):
    project = et.load_project(followed).with_params(cost_benefit={"persistence_min_observed": 3})
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    # only 2 leavers followed 12 months: the whole level in the first year, as the registry declares
    assert r.summary.pv_avoided_fs == pytest.approx(2 * 12 * 9000)
    assert r.summary.first_year_source == "assumed" and r.summary.first_year_kept == 1.0
    a = r.assumptions.set_index("name")
    assert a.loc["first_year_kept", "value"] == 1.0 and a.loc["first_year_kept", "flagged"]
    assert "för få har följts" in note_text(a.loc["first_year_kept", "source"], "sv")
    # the params can also switch it off where enough are followed
    off = et.cost_benefit(et.load_project(followed).with_params(cost_benefit={"first_year_from_payments": False}),
                          monte_carlo=False, effect=False)
    assert off.summary.pv_avoided_fs == pytest.approx(2 * 12 * 9000)


def test_first_year_kept_needs_the_threshold_and_clips_to_shares(followed):
    table = persistence(et.load_project(followed), months=tuple(range(1, 13))).table
    kept, n = first_year_kept(table, 2)
    assert n == 2 and kept[:6] == pytest.approx([0.7] * 6) and kept[6:] == pytest.approx([1.0] * 6)
    assert first_year_kept(table, 3) is None
    over = table.assign(kept_share=np.where(table["months_after"] == 1, -0.4, table["kept_share"]))
    assert first_year_kept(over, 2)[0][0] == 0.0  # paid more than the level: nothing kept, not a negative saving


def test_annuity_factor_with_a_first_year_by_explicit_sum():
    fy = np.linspace(0.5, 0.2, 12)
    rate, d = 0.035, 0.3
    by_hand = sum(fy[k] / (1 + rate) ** (k / 12) for k in range(12))
    by_hand += sum((1 - d) ** (k // 12) / (1 + rate) ** (k / 12) for k in range(12, 30))
    assert float(annuity_factor(2.5, d, rate, fy)) == pytest.approx(by_hand)
