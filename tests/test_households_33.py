"""Participants who share a household: the cost-benefit's household rule does not depend on the order of the
rows (försörjningsstöd is saved once per household, from its first exit, and divided between the members who
left, each part following what its member went to), and page 1 says how many households the participants
are. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import numpy as np
import pytest

import evaltools as et
from evaltools.present.sections import method
from evaltools.words.labels import note_text

from .conftest import write_csv
from .test_unseen_projects import _params, _person

# a fixed level of 9 000 kr a month in the price year, one year, no deadweight, no discounting unless a test
# sets it: a household that leaves saves 12 × 9 000 = 108 000 kr
HOUSEHOLD = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {participants: data/participants.csv, budget: data/budget.csv}
    cost_benefit:
      price_year: 2024
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2024, source: beslut i Testkommun}
      horizon_years: 1
      deadweight: 0
      discount_rate: %s
    reference: {kpi: {2023: 100, 2024: 100, 2025: 100}}
    """


def _household(tmp_path, *, worker_first_in_file: bool, same_day: bool, rate: float = 0.0):
    """U001 (to work) and U002 (to studies) are the two adults of household H1, on försörjningsstöd at start;
    U003 (H2) lives alone and stays on it. U001 ends 2024-06-30; U002 ends 2024-08-31, or 2024-06-30 with
    ``same_day``. The budget is 100 000 kr, all of it the förbund's (state 50 %, region 25 %, municipality 25 %)."""
    worker = _person(1, start="2024-02-01", end="2024-06-30", outcome="arbete")
    student = _person(2, start="2024-02-01", end="2024-06-30" if same_day else "2024-08-31", outcome="studier")
    alone = _person(3, start="2024-03-01", end="2024-09-30", outcome="kvar_försörjningsstöd")
    for r, hh in ((worker, "H1"), (student, "H1"), (alone, "H2")):
        r.update(support_start="försörjningsstöd", household_id=hh,
                 household_type="sambo_utan_barn" if hh == "H1" else "ensamstående")
    rows = [worker, student, alone] if worker_first_in_file else [student, worker, alone]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv",
              [{"period": "hela", "category": "Personal", "budget": 100_000, "actual": 100_000}])
    return et.load_project(_params(tmp_path, HOUSEHOLD % rate))


def _figures(project, monte_carlo=False):
    r = et.cost_benefit(project, monte_carlo=monte_carlo, effect=False)
    return r, r.table.set_index("perspective")


def _ledger(r) -> dict[tuple[str, str], float]:
    return {(i, a): round(v, 6) for i, a, v in zip(r.ledger["item"], r.ledger["actor"], r.ledger["pv"])}


# --- 1. a household of two, one to work and one to studies, by hand ------------------------------------------
@pytest.mark.parametrize("worker_first_in_file", [True, False])
def test_a_household_of_two_one_to_work_one_to_studies_by_hand(tmp_path, worker_first_in_file):
    r, t = _figures(_household(tmp_path, worker_first_in_file=worker_first_in_file, same_day=False))
    # The household leaves försörjningsstöd at its first exit, U001's on 2024-06-30: from July the municipality
    # saves the household's 9 000 kr a month, once: 12 × 9 000 = 108 000 kr. The saving is divided between the two
    # who left, 4 500 kr each: U001's part (work) is the municipality's to keep; U002's part (studies) is paid by
    # the state as study support instead, from U002's own exit (September), 12 × 4 500 = 54 000 kr.
    assert r.summary.pv_avoided_fs == pytest.approx(108_000)
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(108_000)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(-54_000)
    assert t.loc["offentliga", "pv_benefit"] == pytest.approx(108_000 - 54_000)
    # the individuals give up 108 000 kr of försörjningsstöd and U002 receives 54 000 kr of study support
    ledger = _ledger(r)
    assert ledger[("forsorjningsstod", "individ")] == pytest.approx(-108_000)
    assert ledger[("ersattning_stat", "stat")] == pytest.approx(-54_000)
    assert ledger[("ersattning_stat", "individ")] == pytest.approx(54_000)
    # costs: 100 000 kr; the municipality bears 25 000, the state 50 000, the region 25 000 (no discounting)
    # municipality: 108 000 − 25 000 = 83 000; state: −54 000 − 50 000 = −104 000;
    # public financiers: 54 000 − 100 000 = −46 000
    assert t.loc["kommun", "npv"] == pytest.approx(83_000)
    assert t.loc["stat", "npv"] == pytest.approx(-104_000)
    assert t.loc["offentliga", "npv"] == pytest.approx(-46_000)
    # the key figure's mean level: the household's 9 000 kr divided between the two leavers, (4 500 + 4 500) / 2
    assert r.summary.monthly_level == pytest.approx(4_500)
    assert r.summary.shared_household_leavers == 1 and r.summary.exits_to_state_benefit == 1


def test_with_discounting_the_saving_runs_from_the_households_exit_and_the_study_support_from_its_own(tmp_path):
    r, t = _figures(_household(tmp_path, worker_first_in_file=False, same_day=False, rate=0.1))
    # month k from the project's start (January 2024 is 0) is discounted by 1,1^(−k/12); the household's first
    # whole month without försörjningsstöd is July (k = 6), U002's first month on study support September (k = 8)
    saved = sum(9_000 * 1.1 ** (-k / 12) for k in range(6, 18))
    support = sum(4_500 * 1.1 ** (-k / 12) for k in range(8, 20))
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(saved)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(-support)
    assert _ledger(r)[("ersattning_stat", "individ")] == pytest.approx(support)


# --- 1. the order of the rows does not matter -----------------------------------------------------------------
@pytest.mark.parametrize("same_day", [True, False])
def test_swapping_the_rows_of_a_household_gives_the_same_figures(tmp_path, same_day):
    a, ta = _figures(_household(tmp_path / "a", worker_first_in_file=True, same_day=same_day, rate=0.03), True)
    b, tb = _figures(_household(tmp_path / "b", worker_first_in_file=False, same_day=same_day, rate=0.03), True)
    cols = ["pv_cost", "pv_benefit", "npv", "bcr", "payback_months", "break_even_exits", "p_npv_positive"]
    np.testing.assert_allclose(ta[cols].to_numpy(float), tb[cols].to_numpy(float), rtol=1e-12, equal_nan=True)
    assert _ledger(a) == _ledger(b)
    assert a.summary.monthly_level == pytest.approx(b.summary.monthly_level)


def test_two_who_leave_on_the_same_day_share_the_household_whichever_row_is_first(tmp_path):
    _, t = _figures(_household(tmp_path, worker_first_in_file=False, same_day=True))
    # both end 2024-06-30: the household saves 9 000 kr a month from July, once; the student's half, 4 500 kr a
    # month, is the state's from July too: 12 × 4 500 = 54 000 kr (earlier, the student's row being first in the
    # file, the state was booked with the whole 108 000 kr as study support)
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(108_000)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(-54_000)


def test_the_levels_source_and_the_method_say_the_household_rule(tmp_path):
    project = _household(tmp_path, worker_first_in_file=True, same_day=False)
    r, _ = _figures(project)
    source = r.assumptions.set_index("name").loc["monthly_level", "source"]
    sv, en = note_text(source, "sv"), note_text(source, "en")
    # one leaver not counted again: a count under 5, said as "färre än 5"
    assert sv.endswith("färre än 5 som lämnade i ett hushåll där någon annan också lämnade räknas inte en gång "
                       "till: hushållets nivå räknas en gång, från det första avslutet, och delas lika mellan dem "
                       "som lämnade")
    assert "divided equally between those who left" in en
    paras = method.paragraphs(et.Report(project, lang="sv"))
    assert any("Där flera i samma hushåll lämnade lämnar hushållet försörjningsstödet vid det första avslutet"
               in p for p in paras)


def test_no_household_rule_in_the_method_where_each_leaver_is_their_own_household(tmp_path):
    _household(tmp_path, worker_first_in_file=True, same_day=False)
    # the same two leavers without household ids: each is a household of their own
    rows = [_person(1, start="2024-02-01", end="2024-06-30"), _person(2, start="2024-02-01", end="2024-08-31",
                                                                      outcome="studier")]
    for row in rows:
        row["support_start"] = "försörjningsstöd"
    write_csv(tmp_path / "data/participants.csv", rows)
    alone = et.load_project(tmp_path / "unseen.yaml")
    r, t = _figures(alone)
    # two households of one: 2 × 108 000 kr saved, the student's whole 108 000 kr paid by the state instead
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(216_000)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(-108_000)
    assert r.summary.shared_household_leavers == 0
    paras = method.paragraphs(et.Report(alone, lang="sv"))
    assert not any("samma hushåll" in p for p in paras)
