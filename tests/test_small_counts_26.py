"""One count, published everywhere or withheld everywhere: the exits from försörjningsstöd the cost-benefit values
(X, rule 4 of docs/security.md's differencing protection) and page 1's successes (S, rule 3) where they are the same
persons.

(a) No goal states the count (the default success, leaving försörjningsstöd): S follows X, so where 1 to 4 left, page
1 neither counts them nor gives a cost per success, and the cost-benefit is the range over 1 to 4 exits.
(b) A measurable goal publishes the same count (the project's accounting to its funder): X is public, the
cost-benefit exact.
(c) S counts others too (participants on sjukpenning at start who went to work): nothing changes, S is said.

Every project is written in tmp_path with test_small_counts_22's builder: a level of 9 000 kr a month for two years,
no drop-off, deadweight or discounting, so one exit is worth 9 000 × 24 = 216 000 kr to the public financiers; the
cost is 1 500 000 kr. Expected values by hand in the comments."""
from __future__ import annotations

import numpy as np
import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary, exits_public
from evaltools.present import portfolio, whatif
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary as page_one
from evaltools.publish.workbook import export_report

from .conftest import write_csv
from .test_small_counts_22 import _project

# an outcome goal over the whole period, counting the default outcomes (exits to work among them): the goal table
# states its count as it is
GOAL = """goals:
  - id: lamna
    kind: outcome_count
    label: Minst 10 deltagare ska lämna försörjningsstödet
    target: 10
    period: whole_period
"""
# the same goal counted per project year: its year 1 holds the 3 (shown "<5") and year 2 none, so no total is stated
GOAL_PER_YEAR = GOAL.replace("    period: whole_period\n", "")


def _text(lines) -> str:
    return " ".join(lines).replace("\xa0", " ")


def _key_figures(r) -> dict[str, str]:
    kf = cb_section.key_figures(r).frame
    return dict(zip(kf.iloc[:, 0], (v.replace("\xa0", " ") for v in kf.iloc[:, 1])))


def _value(values: dict[str, str], start: str) -> str:
    return next(v for k, v in values.items() if k.startswith(start))


@pytest.fixture
def hidden(tmp_path):
    """(a) 3 ended to work, 10 ended still on försörjningsstöd, 5 still enrolled; no goals."""
    return et.Report(et.load_project(_project(tmp_path, 1_500_000, 3, stayed=10)))


@pytest.fixture
def public(tmp_path):
    """(b) the same project with an outcome goal that counts the 3."""
    return et.Report(et.load_project(_project(tmp_path, 1_500_000, 3, stayed=10, extra=GOAL)))


def test_a_the_successes_follow_the_hidden_exits(hidden):
    # 13 ended, 3 left (1 to 4: rule 4 withholds X); the 3 successes are the same persons and no goal states them,
    # so rule 3 withholds them too, with the cost per success (1 500 000 / 3 = 500 000 would give 3)
    dis = hidden.disclosure
    assert dis.hides(Secondary.EXITS) and dis.hides(Secondary.SUCCESSES) and dis.hides(Secondary.COST_PER_SUCCESS)
    # the rest is as it was: 18 participants, 5 still enrolled, 13 ended are counts of 5 or more
    assert dis.shows(Secondary.PARTICIPANTS) and dis.shows(Secondary.ENDED) and dis.shows(Secondary.ONGOING)
    assert not exits_public(hidden.project, hidden.goals.table)


def test_a_page_one_does_not_count_the_leavers(hidden):
    said = page_one.participation(hidden)
    # no "Av 13 avslutade deltagare lämnade 3 (23,1 %)": 3 / 13 = 23,1 %
    assert not any("23,1 %" in s or "Av 13 avslutade" in s for s in said)
    assert any("redovisas inte" in s and "färre än 5 personer" in s for s in said)
    cost = _text(page_one.cost(hidden))
    # the cost per success 1 500 000 / 3 = 500 000 kr is not said; the cost per participant 1 500 000 / 18 = 83 333
    # (83 000 kr in prose) is
    assert "500 000 kr per" not in cost and "83 000 kr per deltagare" in cost
    # the cost-benefit still says fewer than 5 and gives the range over 1 to 4 exits: 216 000 to 864 000 kr
    worth = _text(page_one.worth(hidden))
    assert "Färre än 5 av deltagarna har lämnat försörjningsstödet" in worth
    assert "besparingen mellan 220 000 och 860 000 kr" in worth
    er = hidden.cba.summary.exit_range
    assert (er.low, er.high) == (1, 4)
    assert np.isnan(hidden.cba.summary.pv_benefit)


def test_a_the_sections_workbook_and_portfolio_follow(hidden, tmp_path):
    values = _key_figures(hidden)
    assert _value(values, "Kostnad per person som lämnat") == ".."
    assert _value(values, "Personer som lämnat försörjningsstödet") == ".."
    row = portfolio._row(hidden.project)
    assert Secondary.SUCCESSES in row["withheld"]
    assert np.isnan(row["successes"]) and np.isnan(row["success_rate"]) and np.isnan(row["cost_per_success"])
    xlsx = next(p for p in export_report(hidden, tmp_path / "out") if p.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx)
    numbers = [v for ws in wb for r in ws.iter_rows(values_only=True) for v in r
               if isinstance(v, (int, float)) and not isinstance(v, bool)]
    # neither the cost per success 500 000 nor the share 3 / 13 = 0,2308
    assert not any(abs(v - 500_000) < 1 for v in numbers)
    assert not any(abs(v - 3 / 13) < 1e-4 for v in numbers)


def test_a_a_goal_that_shows_the_count_as_fewer_than_5_states_nothing(tmp_path):
    # the goal per project year shows "<5" for year 1 (3) and hides year 2 with it: no total, so the count is still
    # not public and page 1 does not say it either
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 3, stayed=10, extra=GOAL_PER_YEAR)))
    assert not exits_public(r.project, r.goals.table)
    assert r.disclosure.hides(Secondary.SUCCESSES) and r.disclosure.hides(Secondary.EXITS)
    assert not any("23,1 %" in s for s in page_one.participation(r))
    assert r.cba.summary.exit_range is not None


def test_a_goal_whose_shown_periods_add_up_to_the_count_beside_a_hidden_one_does_not_publish_it(tmp_path):
    # 6 to work, all in project year 1, 2 still on försörjningsstöd (8 − 6 = 2: rule 4 withholds the 6). Were the
    # goal table to show year 1 (6) and hide year 2 (its 0) with no total, the 6 shown would add up to the count, but
    # the reader cannot tell that the hidden year holds none: a goal with a hidden period and no stated total is not
    # taken to state it
    from evaltools.analysis.disclosure import exits_in_goals
    from evaltools.analysis.costbenefit.persistence import leavers
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 6, stayed=2, extra=GOAL_PER_YEAR)))
    t = r.goals.table.copy()
    exits = leavers(r.project, r.project.participants, r.project.params.cost_benefit.success_outcomes)
    assert int(exits.sum()) == 6
    observed = (t["goal_id"] == "lamna") & (t["mode"] == "observed")
    t.loc[observed, "value"], t.loc[observed, "total"], t.loc[observed, "suppression"] = [6, np.nan], np.nan, ["", "secondary"]
    assert not exits_in_goals(r.project, t, exits)
    t.loc[observed, "suppression"] = ""  # (every period shown: the goal states 6 + 0 = 6)
    assert exits_in_goals(r.project, t, exits)


def test_b_a_goal_that_publishes_the_count_makes_it_public(public):
    t = public.goals.table
    observed = t[(t["goal_id"] == "lamna") & (t["mode"] == "observed")]
    assert observed["value"].tolist() == [3]  # the goal table states the 3 who left
    assert exits_public(public.project, t)
    assert not public.disclosure.any  # nothing withheld: 18, 13, 5 and 3 are all published
    said = _text(page_one.participation(public))
    assert "Av 13 avslutade deltagare fick 3 (23,1 %)" in said  # 3 / 13 = 23,08 %
    # the cost per success 1 500 000 / 3 = 500 000 kr
    assert "500 000 kr per lyckat utfall" in _text(page_one.cost(public))


def test_b_the_cost_benefit_is_exact(public, tmp_path):
    s = public.cba.summary
    assert s.exit_range is None
    # 3 × 216 000 = 648 000 benefit, 648 000 − 1 500 000 = −852 000 NPV, 648 000 / 1 500 000 = 0,432
    assert s.pv_benefit == pytest.approx(648_000)
    assert s.npv == pytest.approx(-852_000)
    assert s.bcr == pytest.approx(0.432)
    values = _key_figures(public)
    assert _value(values, "Personer som lämnat försörjningsstödet") == "3"
    assert _value(values, "Nytta för de offentliga") == "648 000 kr"
    assert _value(values, "Nettonuvärde för de offentliga") == "−852 000 kr"
    worth = _text(page_one.worth(public))
    assert "nettonuvärdet för de offentliga finansiärerna −852 000 kr" in worth
    assert "en beräknad besparing på 648 000 kr" in worth
    assert "Färre än 5" not in worth and "färre än 5" not in worth
    # the what-if panel and the portfolio read the same published figures
    row = portfolio._row(public.project)
    assert row["npv_public"] == pytest.approx(-852_000)
    figures = whatif.key_figures(whatif.evaluate(public.project), lang="sv")
    assert "−852 000 kr" in " | ".join(figures.iloc[:, 1]).replace("\xa0", " ")
    xlsx = next(p for p in export_report(public, tmp_path / "out") if p.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx)
    numbers = [v for ws in wb for r in ws.iter_rows(values_only=True) for v in r
               if isinstance(v, (int, float)) and not isinstance(v, bool)]
    assert any(abs(v - 648_000) < 1 for v in numbers) and any(abs(v + 852_000) < 1 for v in numbers)


def test_b_in_english(tmp_path):
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 3, stayed=10, extra=GOAL)), lang="en")
    assert r.cba.summary.exit_range is None
    assert _value(_key_figures(r), "Persons who left social assistance") == "3"


def test_c_successes_that_count_others_too_are_unchanged(tmp_path):
    # 3 on försörjningsstöd at start and 5 on sjukpenning at start ended to work, 10 ended on försörjningsstöd, 5
    # still enrolled: S = 8 of the 18 ended (8 / 18 = 44,4 %), X = 3 (only those who had försörjningsstöd to leave)
    path = _project(tmp_path, 1_500_000, 8, stayed=10)
    rows = []
    for i in range(1, 24):
        rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
                     "household_type": "ensamstående", "start_date": "2022-02-01",
                     "end_date": f"2022-{3 + i % 9:02d}-15" if i <= 18 else "",
                     "outcome": "arbete" if i <= 8 else "kvar_försörjningsstöd" if i <= 18 else "",
                     "support_start": "sjukpenning" if 4 <= i <= 8 else "försörjningsstöd"})
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(path))
    assert r.cba.summary.successes == 3
    dis = r.disclosure
    assert dis.hides(Secondary.EXITS)  # 3 left försörjningsstöd: rule 4 as before
    assert dis.shows(Secondary.SUCCESSES) and dis.shows(Secondary.COST_PER_SUCCESS)  # S − X = 5: S is said
    # (5 of the 8 had sjukpenning at start, no försörjningsstöd to leave: page 1 says where they went)
    assert "Av 18 avslutade deltagare gick 8 (44,4 %) till arbete" in _text(page_one.participation(r))


def test_the_rule_on_the_counts_alone():
    from evaltools.analysis.disclosure import Counts, rule
    # 18 participants, 5 still enrolled, 13 ended, 3 successes of 13 (13 − 3 = 10: rule 3 alone would say them),
    # 3 exits (1 to 4: rule 4 withholds them)
    plain = Counts(18, 5, 13, 3, 13, 3)
    assert rule(plain, 5).hides(Secondary.EXITS) and rule(plain, 5).shows(Secondary.SUCCESSES)
    # the same persons: the successes go with the exits
    same = Counts(18, 5, 13, 3, 13, 3, successes_are_exits=True)
    assert rule(same, 5).withheld == {Secondary.EXITS, Secondary.COST_PER_EXIT, Secondary.SUCCESSES,
                                      Secondary.COST_PER_SUCCESS}
    # a goal publishes the count: nothing is withheld (18, 5, 13 and 3 are all 5 or more apart)
    public = Counts(18, 5, 13, 3, 13, 3, goal_successes=(3,), same_successes=(3,), successes_are_exits=True,
                    exits_in_goals=True)
    assert not rule(public, 5).any
    # 8 exits of 10 ended stated by a goal: the 10 ended go (10 − 8 = 2, rule 2), the 8 stay
    stated = rule(Counts(10, 0, 10, 8, 10, 8, goal_successes=(8,), same_successes=(8,), successes_are_exits=True,
                         exits_in_goals=True), 5)
    assert stated.hides(Secondary.ENDED) and stated.shows(Secondary.EXITS)
