"""Sums of published counts after a pre-study (docs/security.md, the differencing protection, rule 5, and the
outcome rates by group): no breakdown of the rates table adds up to the successes page 1 withholds, and the range
the cost-benefit gives in place of a withheld count of exits holds the count.

The projects are tests/test_differencing_prestudy_70.py's, worked out by hand: a pre-study of 2 (1 to work), year 1's
13 ended (6 to work), year 2's 10 (6 to work); everyone had försörjningsstöd and has ended, so the project's
successes, its exits from försörjningsstöd and those to work are the same 13 of 25, and the goal's years state 12.
"""
from __future__ import annotations

import re
import textwrap
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.cohorts import OutcomeComparison, without_successes
from evaltools.analysis.disclosure import Secondary
from evaltools.publish.workbook import export_report

from .conftest import shown_chunks
from .test_differencing import COST, published
from .test_differencing_prestudy_70 import build

SUCCESSES, ENDED, GOAL = 13, 25, 12  # by hand, (2, 1) before the years' (13, 6) and (10, 6)


def _rates(rows: list[tuple[str, str, int, int]]) -> OutcomeComparison:
    t = pd.DataFrame(rows, columns=["variable", "category", "n", "successes"])
    t["rate"] = t["successes"] / t["n"]
    return OutcomeComparison(t.assign(ci_low=0.1, ci_high=0.9, test="Fisher", p_value=0.5, p_holm=0.5))


def test_one_group_per_breakdown_hides_its_successes_and_rate_but_keeps_its_number():
    out = without_successes(_rates([("sex", "kvinna", 13, 7), ("sex", "man", 12, 6)])).table
    assert out["successes"].tolist() == [7, ".."] and out["n"].tolist() == [13, 12]
    assert out.loc[1, ["rate", "ci_low", "ci_high"]].tolist() == ["..", "..", ".."]
    assert out["test"].tolist() == ["–", "–"] and out["p_value"].isna().all()


def test_a_breakdown_with_a_hidden_count_or_no_success_is_left_as_it_is():
    rows = [("sex", "kvinna", 13, 7), ("sex", "man", 12, "<5"), ("age", "a", 10, 0), ("age", "b", 15, 0)]
    t = _rates([(v, c, n, 0 if isinstance(s, str) else s) for v, c, n, s in rows]).table
    t["successes"] = t["successes"].astype(object)
    t.loc[1, "successes"] = "<5"
    out = without_successes(OutcomeComparison(t)).table
    assert out["successes"].tolist() == [7, "<5", 0, 0]


def test_a_group_whose_successes_a_goal_states_is_not_the_one_hidden():
    # year 1's 3 are stated by the goal's year 1 (hiding them protects nothing): year 2's 6 go, though more
    rates = _rates([("project_year", 1, 10, 3), ("project_year", 2, 10, 6)])
    out = without_successes(rates, frozenset({("project_year", 1)})).table
    assert out["successes"].tolist() == [3, ".."]
    # every group stated: their sum is the goal's total, public already, and nothing is hidden
    out = without_successes(rates, frozenset({("project_year", 1), ("project_year", 2)})).table
    assert out["successes"].tolist() == [3, 6]


@pytest.mark.parametrize("kind", ["share", "outcome_count"])
def test_no_breakdown_of_the_workbook_adds_up_to_the_withheld_successes(tmp_path, kind):
    report = et.Report(build(tmp_path / "p", (2, 1), kind))
    assert report.disclosure.hides(Secondary.SUCCESSES)
    export_report(report, tmp_path / "out")
    rates = pd.read_csv(tmp_path / "out" / "tables-data" / "utfall_per_grupp.csv")
    assert not rates.empty
    for var, rows in rates.groupby("variable"):
        shown = pd.to_numeric(rows["successes"], errors="coerce")
        assert shown.sum() != SUCCESSES, (var, rows[["category", "n", "successes"]].to_dict("records"))
        # (nor, with the goal's 12, the pre-study's 1: the breakdown's shown successes less the goal's)
        assert shown.sum() - GOAL not in range(1, 5) or shown.isna().any(), var
    # the sex breakdown, 13 women and 12 men with 7 and 6 to work by hand, keeps its figure for one of them
    sex = rates[rates["variable"] == "sex"].set_index("category")
    assert pd.to_numeric(sex["successes"], errors="coerce").notna().sum() <= 1


def test_the_rates_stay_whole_where_nothing_is_withheld(tmp_path):
    """(No pre-study participants: the goal's years are everyone, and page 1 states 12 of 23.)"""
    report = et.Report(build(tmp_path / "p", (0, 0), "outcome_count"))
    assert report.disclosure.shows(Secondary.SUCCESSES)
    sex = report.rates.table[report.rates.table["variable"] == "sex"]
    assert sorted(sex["successes"].tolist()) == sorted(sex.merge(report.rates.raw, on=["variable", "category"])[
        "successes_y"].tolist())


@pytest.mark.parametrize("kind", ["share", "outcome_count"])
def test_the_range_of_exits_holds_the_withheld_count(tmp_path, kind):
    """The 13 who left are withheld beside the goal's 12 (the pre-study's 1 to work); those who did not leave are 12,
    not 1–4, so "21 to 24" (25 ended less 4 to 1) was a benefit above the true one. The range holds 13 and its ends
    are published counts: the goal's 12 to the 25 ended (outcome count), or to the 25 participants where the number
    ended is withheld too (the share goal's exits)."""
    report = et.Report(build(tmp_path / "p", (2, 1), kind))
    assert report.disclosure.hides(Secondary.EXITS)
    export_report(report, tmp_path / "out")
    book = pd.read_csv(tmp_path / "out" / "tables-data" / "kostnad_nytta.csv").set_index("key")["value"]
    low, high = int(book["exits_low"]), int(book["exits_high"])
    assert low <= SUCCESSES <= high, (low, high)
    assert (low, high) == (GOAL, ENDED)
    # the benefit is one exit's value times the count (no other flow here): the true benefit lies in the range
    per_exit = float(book["benefit_per_exit"])
    assert float(book["pv_benefit_low"]) <= SUCCESSES * per_exit <= float(book["pv_benefit_high"]) + 1


# --- the attacker: a pre-study, a goal over everyone per project year, years of 7 and 6, a year of 3, a comparison group

# (start, end, (sex, outcome) of each person) per intake: the pre-study (2: 1 to work), years 1 (7: 5), 2 (6: 4) and 3
# (3: 2); the 7 women all went to work, 5 of the 11 men did (so the rates by sex are shown: 7 of 7, 5 of 11)
W, M, WORK, STAY = "kvinna", "man", "arbete", "kvar_försörjningsstöd"
INTAKES = (("2023-02-01", "2023-06-01", ((W, WORK), (M, STAY))),
           ("2023-08-01", "2024-05-01", ((W, WORK),) * 3 + ((M, WORK),) * 2 + ((M, STAY),) * 2),
           ("2024-08-01", "2025-05-01", ((W, WORK),) * 2 + ((M, WORK),) * 2 + ((M, STAY),) * 2),
           ("2025-08-01", "2026-03-01", ((W, WORK), (M, WORK), (M, STAY))))


def build_years(tmp: Path, kind: str = "share", comparison_left: int = 5) -> Path:
    data = tmp / "data"
    data.mkdir(parents=True, exist_ok=True)
    rows, pays, i = [], [], 0
    for start, end, people in INTAKES:
        for sex, outcome in people:
            i += 1
            rows.append({"person_id": f"P{i}", "sex": sex, "birth_year": 1965 + 2 * i,
                         "household_type": "ensamstående", "start_date": start, "end_date": end, "outcome": outcome})
            first = pd.Timestamp(start) - pd.DateOffset(months=12)
            pays += [{"person_id": f"P{i}", "month": (first + pd.DateOffset(months=m)).strftime("%Y-%m"),
                      "amount": 9000} for m in range(12)]
    pd.DataFrame(rows).to_csv(data / "participants.csv", index=False)
    pd.DataFrame(pays).to_csv(data / "payments.csv", index=False)
    comp = [{"person_id": f"J{j + 1}", "sex": "man" if j % 2 else "kvinna", "birth_year": 1968 + 3 * j,
             "household_type": "ensamstående", "start_date": "2023-09-01", "end_date": "2024-09-01",
             "outcome": "arbete" if j < comparison_left else "kvar_försörjningsstöd"} for j in range(10)]
    pd.DataFrame(comp).to_csv(data / "comparison.csv", index=False)
    pd.DataFrame([{"person_id": c["person_id"], "month": f"2022-{m:02d}", "amount": 9000}
                  for c in comp for m in range(9, 13)] + [{"person_id": c["person_id"], "month": f"2023-{m:02d}",
                  "amount": 9000} for c in comp for m in range(1, 9)]).to_csv(data / "comparison_payments.csv", index=False)
    pd.DataFrame([{"period": "2023", "category": "Lön", "budget": 100_000, "actual": COST}]).to_csv(
        data / "budget.csv", index=False)
    goal = ("kind: share\n    target: 0.4\n    denominator: exits\n" if kind == "share"
            else "kind: outcome_count\n    target: 3\n")
    path = tmp / "forstudie.yaml"
    path.write_text(textwrap.dedent("""\
        id: forstudie
        title: Förstudie och tre år
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2023-01-01, implementation_start: 2023-07-01, planned_end: 2026-06-30}
        data_as_of: 2026-06-30
        data:
          participants: data/participants.csv
          budget: data/budget.csv
          payments: data/payments.csv
          comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}
        privacy: {min_count: 5}
        goals:
          - id: arbete
            label: Minst 40 % av de avslutade ska gå till arbete
        """) + "    " + goal + "    period: project_year\n    count_by: intake\n    success_outcomes: [arbete]\n"
        "    main: true\n", encoding="utf-8")
    return path


# the secret cells, by hand: (successes, others) of the pre-study and of years 1, 2 and 3 (everyone has ended)
CELLS = ("pre_s", "pre_f", "y1_s", "y1_f", "y2_s", "y2_f", "y3_s", "y3_f")
VALUES = np.array([1, 1, 5, 2, 4, 2, 2, 1])
INTAKE = {0: ("pre_s", "pre_f"), 1: ("y1_s", "y1_f"), 2: ("y2_s", "y2_f"), 3: ("y3_s", "y3_f")}


def _vector(*cells: str) -> np.ndarray:
    return np.array([1.0 if c in cells else 0.0 for c in CELLS])


def _facts(path: Path, out: Path) -> tuple[list[tuple[str, np.ndarray, int]], list[tuple[str, np.ndarray, int]]]:
    """Every count page 1, the facts, the outcomes section, the cost-benefit key figures, the workbook's tables and
    the portfolio publish about the cells, as (where, which cells it adds up, the value shown); the goal table's
    apart (the project's accounting, shown whatever it tells)."""
    p = published(path, out / "read")
    seen, report = p["seen"], p["report"]
    everyone = _vector(*CELLS)
    successes = _vector("pre_s", "y1_s", "y2_s", "y3_s")
    facts = []
    for name, cells in (("participants", everyone), ("ended", everyone), ("successes", successes),
                        ("exits", successes)):  # (everyone had försörjningsstöd: the exits are those to work)
        facts += [(name, cells, v) for v in seen.get(name, ())]
    chunks = shown_chunks(__import__("evaltools.present.sections.outcomes", fromlist=["blocks"]).blocks(report))
    facts += [("outcome table: arbete", successes, int(chunks[i + 1])) for i, c in enumerate(chunks[:-1])
              if c == "Arbete" and chunks[i + 1].isdigit()]
    export_report(report, out / "book")
    data = out / "book" / "tables-data"
    people = pd.read_csv(data / "deltagare.csv")
    for r in people[people["variable"] == "project_year"].itertuples():
        if pd.notna(r.n):
            facts.append((f"participants, intake {r.category}", _vector(*INTAKE[int(r.category)]), int(r.n)))
    rates = pd.read_csv(data / "utfall_per_grupp.csv")
    for r in rates[rates["variable"] == "project_year"].itertuples():
        s, f = INTAKE[int(r.category)]
        if pd.notna(r.n):
            facts.append((f"rates, intake {r.category}: ended", _vector(s, f), int(r.n)))
        if pd.notna(r.successes):
            facts.append((f"rates, intake {r.category}: successes", _vector(s), int(r.successes)))
    # (any breakdown whose every group shows its figure adds up to the total: by sex, by age group, by intake)
    groups = report.rates.raw.groupby("variable")["category"].nunique()
    for var, rows in rates.groupby("variable"):
        if len(rows) == groups[var]:
            for column, cells in (("n", everyone), ("successes", successes)):
                if rows[column].notna().all():
                    facts.append((f"rates by {var}: {column} summed", cells, int(rows[column].sum())))
    for var, rows in people.groupby("variable"):
        if rows["n"].notna().all():
            facts.append((f"participants by {var} summed", everyone, int(rows["n"].sum())))
    stay = pd.read_csv(data / "tid_i_projekt.csv")
    names = {"Förstudie": 0, "År 1": 1, "År 2": 2, "År 3": 3}
    for r in stay[stay["day"] == 30].itertuples():  # (no one left within 30 days: those at risk are the intake)
        if pd.notna(r.at_risk):
            facts.append((f"time, {r.group}: at day 30", _vector(*INTAKE[names[r.group]]), int(r.at_risk)))
    goals = []
    table = pd.read_csv(data / "mal.csv")
    for r in table.itertuples():
        s, f = INTAKE[int(str(r.period_key)[2:])]
        if pd.notna(r.numerator):
            goals.append((f"goal {r.period_key}: numerator", _vector(s), int(r.numerator)))
        if pd.notna(r.denominator):
            goals.append((f"goal {r.period_key}: denominator", _vector(s, f), int(r.denominator)))
        if r.kind == "outcome_count" and pd.notna(r.value):
            goals.append((f"goal {r.period_key}: count", _vector(s), int(r.value)))
    if "total" in table and table["total"].notna().any():
        goals.append(("goal: total", _vector("y1_s", "y2_s", "y3_s"), int(table["total"].dropna().iloc[0])))
    return facts, goals


def _follows(rows: list[np.ndarray], target: np.ndarray) -> bool:
    if not rows:
        return False
    m = np.vstack(rows)
    return bool(np.linalg.matrix_rank(np.vstack([m, target])) == np.linalg.matrix_rank(m))


def _leaks(facts: list, goals: list) -> set[tuple[str, ...]]:
    """The few persons' counts that follow from every published count together, by any sum or difference, and not
    from the goal table alone (the project's accounting, docs/security.md): each cell of 1–4 persons' outcome,
    year 3's intake of 3 (hidden in the participants table), and the successes, or those without one, of any
    intakes taken together (the 4 outside year 1 who did not go to work beside the goal's "5 av 7" and page 1's 12
    of 18 are the pre-study's 1 and years 2 and 3's 2 and 1)."""
    rows = [cells for _, cells, _ in facts + goals]
    accounting = [cells for _, cells, _ in goals]
    out = set()
    for i, cell in enumerate(CELLS):
        unit = np.eye(len(CELLS))[i]
        if 0 < VALUES[i] < 5 and not _follows(accounting, unit) and _follows(rows, unit):
            out.add((cell,))
    if _follows(rows, _vector("y3_s", "y3_f")):
        out.add(("y3_s", "y3_f"))
    for size in range(2, 5):
        for intakes in combinations(INTAKE, size):
            for part in (0, 1):
                cells = _vector(*(INTAKE[y][part] for y in intakes))
                value = int(cells @ VALUES)
                if 0 < value < 5 and not _follows(accounting, cells) and _follows(rows, cells):
                    out.add(tuple(INTAKE[y][part] for y in intakes))
    return out


@pytest.mark.parametrize("kind", ["share", "outcome_count"])
def test_the_attacker_combines_every_published_count_and_learns_no_few_persons_outcome(tmp_path, kind):
    """Every count is read where a reader reads it and checked against the cells by hand (a wrong reading fails
    too); then nothing of :func:`_leaks` follows. (Before, the successes by sex, 7 and 5, gave page 1's withheld 12:
    with the goal's count of 11 over the years the pre-study's 1, or beside "5 av 7" the 4 outside year 1 without
    work.) Year 1's 2 without work beside the count goal's 5 are left to the test below."""
    facts, goals = _facts(build_years(tmp_path / "p", kind), tmp_path / "out")
    for where, cells, value in facts + goals:
        assert int(cells @ VALUES) == value, (where, value, int(cells @ VALUES))
    assert any(w == "participants" for w, _, _ in facts) and goals  # (the reader found page 1 and the goal table)
    assert _leaks(facts, goals) - {("y1_f",)} == set(), [w for w, _, _ in facts + goals]


@pytest.mark.xfail(strict=True, reason="an outcome goal's count for a year (5) beside the year's intake (7: the "
                   "participants table, page 1, the rates' and the time table's counts by intake) tells the 2 of the "
                   "year, all ended, who did not succeed; the differencing rule checks the goals' totals only (accepted "
                   "as the funder's accounting: docs/security.md, residual risks)")
def test_a_years_intake_beside_its_outcome_count_does_not_tell_those_without_a_success(tmp_path):
    facts, goals = _facts(build_years(tmp_path / "p", "outcome_count"), tmp_path / "out")
    assert ("y1_f",) not in _leaks(facts, goals)


def test_a_pre_studys_intake_follows_from_page_one_and_the_goals_years_but_not_its_outcome(tmp_path):
    """docs/security.md, residual risks: page 1's 25 participants less the share goal's exits by intake, 13 and 10
    (all have ended), are the pre-study's 2, a count of persons the participants table shows as "<5"; it is published
    (withholding it would withhold the participants or the goal's years), but their 1 to work is not: the successes
    and the number ended are withheld, and no published breakdown gives the pre-study's successes."""
    path = build(tmp_path / "p", (2, 1), "share")
    p = published(path, tmp_path / "out")
    report = p["report"]
    t = report.goals.table
    assert p["seen"]["participants"] == {25} and sorted(t["denominator"].astype(int)) == [10, 13]  # 25 − 23 = 2
    assert "successes" not in p["seen"] and "ended" not in p["seen"] and "exits" not in p["seen"], p["seen"]
    rates = report.rates.table
    pre = rates[(rates["variable"] == "project_year") & (rates["category"] == 0)]
    assert pre.empty or isinstance(pre["successes"].iloc[0], str)
    # (the sum of the breakdowns shown never gives the project's 13, the pre-study's 1 beside the goal's 12)
    for _, rows in rates.groupby("variable"):
        assert pd.to_numeric(rows["successes"], errors="coerce").sum() != SUCCESSES


def test_the_deadweight_from_the_comparison_group_does_not_give_the_withheld_exits(tmp_path):
    report = et.Report(build_years(tmp_path / "p", "outcome_count"))
    assert report.disclosure.hides(Secondary.EXITS) and report.disclosure.shows(Secondary.ENDED)
    export_report(report, tmp_path / "out")
    row = pd.read_csv(tmp_path / "out" / "tables-data" / "antaganden.csv").set_index("name").loc["deadweight"]
    shares = [float(s.replace(",", ".")) / 100 for s in re.findall(r"(\d+,\d+)\s%", str(row["source"]))]
    ended, exits = 18, 12  # by hand: everyone has ended, 12 went to work (the goal's years count 11)
    said = [round(shares[1] * ended)] if len(shares) == 2 else []  # "jämförelsegruppen: c % … mot deltagarnas p %"
    if shares and float(row["value"]) > 0:
        said.append(round(shares[0] / float(row["value"]) * ended))  # the comparison's share over the deadweight
    assert exits not in said, (row["source"], row["value"])
    assert not shares  # (the default, and why: no share of the participants' stated in its source)
    # the payments section's table of who left försörjningsstöd: the comparison group's share stays, the
    # participants' share (times their number, the ended who had it at start) would be the count withheld
    from evaltools.present import sections
    table = next(b for part in sections.payments.blocks(report) for b in part
                 if hasattr(b, "frame") and "Lämnat försörjningsstödet" in b.frame.columns)
    mine = table.frame.set_index(table.frame.columns[0]).loc["Deltagare"]
    assert mine["Lämnat försörjningsstödet"] == ".." and str(mine.iloc[0]) == "18"


def test_the_what_if_panel_starts_from_the_reports_deadweight_where_the_exits_are_withheld(tmp_path):
    from evaltools.present import whatif
    project = et.load_project(build_years(tmp_path / "p", "outcome_count"))
    report = et.Report(project)
    assert report.disclosure.hides(Secondary.EXITS)
    # the toolkit's default, not the comparison group's share over the participants' (the count withheld)
    assert report.cba.summary.deadweight_source == "default"
    assert whatif._cost_benefit(project).summary.deadweight == report.cba.summary.deadweight
    assert whatif._cost_benefit(project).summary.deadweight_source == "default"
