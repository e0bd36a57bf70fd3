"""Participants who share a household: the cost-benefit's household rule does not depend on the order of the
rows (försörjningsstöd is saved once per household, from its first exit, and divided between the members who
left, each part following what its member went to), and page 1 says how many households the participants
are. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import numpy as np
import pytest

import evaltools as et
from evaltools.present.sections import method, summary
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
    saving = next(p for p in paras if p.startswith("Beräknad besparing"))
    assert "Där flera i samma hushåll lämnade lämnar hushållet försörjningsstödet vid det första avslutet" in saving
    assert ("för den som gick till studier eller en annan ersättning betalar staten eller Försäkringskassan den "
            "delen i stället, från personens eget avslut") in saving


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


# --- 2. page 1 says how many households the participants live in ---------------------------------------------
PAGE_ONE = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {participants: data/participants.csv}
    """


def _page_one(tmp_path, households: list[str] | None, *, second_year: int = 0, lang: str = "sv") -> list[str]:
    """Page 1's sentences on who took part, for one participant per entry of ``households`` (their household ids;
    None: a file without the column). The first ``len − second_year`` start in 2024 (project year 1), the rest in
    2025 (project year 2); each ends five months later, half to work and half staying on försörjningsstöd."""
    n = len(households) if households is not None else 6
    rows = []
    for i in range(n):
        year = 2025 if i >= n - second_year else 2024
        row = _person(i + 1, start=f"{year}-02-01", end=f"{year}-06-30",
                      outcome="arbete" if i % 2 else "kvar_försörjningsstöd")
        row["support_start"] = "försörjningsstöd"
        if households is not None:
            row["household_id"] = households[i]
        rows.append(row)
    write_csv(tmp_path / "data/participants.csv", rows)
    report = et.Report(et.load_project(_params(tmp_path, PAGE_ONE)), lang=lang)
    return summary.participation(report)


# 12 participants: five couples (H1–H5) and two living alone (H6, H7): 12 persons in 7 households, and 12 − 7 = 5
# participants more than households, neither count under 5
COUPLES = ["H1", "H1", "H2", "H2", "H3", "H3", "H4", "H4", "H5", "H5", "H6", "H7"]


def test_page_one_says_how_many_households_the_participants_live_in(tmp_path):
    sv = _page_one(tmp_path / "sv", COUPLES)
    assert sv[0] == "Projektet har haft 12 deltagare i 7 hushåll."
    en = _page_one(tmp_path / "en", COUPLES, lang="en")
    assert en[0] == "The project has had 12 participants in 7 households."


def test_the_households_follow_the_intake_per_year(tmp_path):
    # the last six (H4, H5, H6 and H7) start in 2025: 6 in year 1 and 6 in year 2, still 7 households
    sv = _page_one(tmp_path, COUPLES, second_year=6)
    assert sv[0] == "Projektet har haft 12 deltagare (6 under år 1 och 6 under år 2) i 7 hushåll."


def test_each_participant_their_own_household_adds_nothing(tmp_path):
    # without household_id every person is a household of their own; and six different ids say the same
    assert _page_one(tmp_path / "a", None)[0] == "Projektet har haft 6 deltagare."
    sv = _page_one(tmp_path / "b", [f"H{i}" for i in range(6)])
    assert sv[0] == "Projektet har haft 6 deltagare." and not any("hushåll" in s for s in sv)


def test_few_households_are_said_as_fewer_than_five(tmp_path):
    # six participants in three couples: 3 households, a count under 5
    sv = _page_one(tmp_path / "sv", ["H1", "H1", "H2", "H2", "H3", "H3"])
    assert sv[0] == "Projektet har haft 6 deltagare i färre än 5 hushåll."
    en = _page_one(tmp_path / "en", ["H1", "H1", "H2", "H2", "H3", "H3"], lang="en")
    assert en[0] == "The project has had 6 participants in fewer than 5 households."


def test_a_few_who_share_a_household_are_not_counted_out(tmp_path):
    # seven participants, one couple (H1) and five living alone: 6 households, 7 − 6 = 1 participant more than
    # households; "7 deltagare i 6 hushåll" would tell that exactly two live together, so no number is said
    sv = _page_one(tmp_path / "sv", ["H1", "H1", "H2", "H3", "H4", "H5", "H6"])
    assert sv[0] == "Projektet har haft 7 deltagare."
    assert sv[1] == "Några av deltagarna bor i samma hushåll."
    en = _page_one(tmp_path / "en", ["H1", "H1", "H2", "H3", "H4", "H5", "H6"], lang="en")
    assert en[:2] == ["The project has had 7 participants.", "Some of the participants live in the same household."]


def test_no_households_where_the_participants_are_withheld(tmp_path):
    # four participants in two couples: the participants are fewer than 5 and withheld, and so are their households
    sv = _page_one(tmp_path, ["H1", "H1", "H2", "H2"])
    assert sv[0] == "Projektet har haft färre än 5 deltagare."
    assert not any("hushåll" in s for s in sv)


# --- the facts table beside page 1 gives the same households --------------------------------------------------
def _facts_households(tmp_path, households: list[str], lang: str = "sv") -> list[tuple[str, str]]:
    from evaltools.present.sections import facts
    _page_one(tmp_path, households, lang=lang)  # (writes the project's participants)
    report = et.Report(et.load_project(_params(tmp_path, PAGE_ONE)), lang=lang)
    return [row for row in facts.rows(report) if "ushåll" in row[0] or "ouseholds" in row[0]]


@pytest.mark.parametrize("households, lang, row", [
    (COUPLES, "sv", [("Hushåll som deltagarna bor i", "7")]),  # 12 persons in 7 households, as page 1 says
    (COUPLES, "en", [("Households the participants live in", "7")]),
    (["H1", "H1", "H2", "H2", "H3", "H3"], "sv", [("Hushåll som deltagarna bor i", "färre än 5")]),  # 3 households
    (["H1", "H1", "H2", "H3", "H4", "H5", "H6"], "sv", []),  # 6 households of 7: no number, as on page 1
    ([f"H{i}" for i in range(6)], "sv", [])])  # each their own household: nothing to add
def test_the_facts_table_gives_the_households_page_one_gives(tmp_path, households, lang, row):
    assert _facts_households(tmp_path, households, lang) == row
