"""Small counts per goal period: a project year's count of 1 to k - 1 persons is hidden wherever the
goal table's figures appear (page 1, the goal table, its chart, the workbook, both CSV files), one more
period is hidden where the goal's total would give it back, and the goal's total is kept where the
periods hidden together hold k persons or more.

Every project here is written in tmp_path; expected values are worked out by hand from the rows written.
The project runs 2022-01-01 to 2024-03-31, so project year 3 is three months long (2024-01-01 –
2024-03-31). Everyone ends on 2024-03-15; the first ``s`` of each year's intake end in work.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.disclosure import goal_successes, participants_in_goals
from evaltools.data.privacy import suppression_mask

K = 5
INTAKE = ("2022-03-01", "2023-03-01", "2024-01-15")  # one start date in each project year

GOALS = """\
goals:
  - id: deltagare
    kind: participant_count
    label: Minst 20 deltagare per år
    target: 20
    period: project_year
  - id: arbete
    kind: outcome_count
    label: Minst 8 till arbete per år
    target: 8
    period: project_year
    success_outcomes: [arbete]
  - id: andel
    kind: share
    label: Minst 40 % till arbete
    target: 0.4
    period: project_year
    success_outcomes: [arbete]
"""


def project(tmp: Path, years: tuple[tuple[int, int], ...], goals: str = GOALS) -> Path:
    """Participants per project year as (intake, of them ended in work); the rest end still on
    försörjningsstöd. Sex alternates; one household type."""
    (tmp / "data").mkdir(parents=True, exist_ok=True)
    rows, i = [], 0
    for (n, s), start in zip(years, INTAKE):
        for j in range(n):
            i += 1
            rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1960 + i % 30,
                         "household_type": "ensamstående", "start_date": start, "end_date": "2024-03-15",
                         "outcome": "arbete" if j < s else "kvar_försörjningsstöd"})
    pd.DataFrame(rows).to_csv(tmp / "data" / "participants.csv", index=False)
    pd.DataFrame([{"period": "2022", "category": "Lön", "budget": 500_000, "actual": 450_000}]).to_csv(
        tmp / "data" / "budget.csv", index=False)
    path = tmp / "liten.yaml"
    path.write_text(textwrap.dedent("""\
        id: liten
        title: Litet projekt
        forbund: Testförbundet
        owner: Testkommun
        kind: individ
        period: {start: 2022-01-01, planned_end: 2024-03-31}
        data_as_of: 2024-06-30
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        privacy: {min_count: 5}
        """) + goals, encoding="utf-8")
    return path


def _report(path: Path, lang: str = "sv"):
    from evaltools.present.report import Report
    return Report(et.load_project(path), lang)


def _rows(table: pd.DataFrame, goal: str) -> pd.DataFrame:
    return table[table["goal_id"] == goal].set_index("period_key")


@pytest.fixture
def last_year_small(tmp_path) -> Path:
    # year 1: 20 participants, 8 to work; year 2: 12, 6; year 3: 3, 1  (P = 35, 15 to work)
    return project(tmp_path, ((20, 8), (12, 6), (3, 1)))


# --- the rule itself ---------------------------------------------------------------------------

def test_suppression_mask_protects_cells_hidden_for_another_reason():
    counts = pd.DataFrame({"n": [3, 12, 20]})
    # alone: 3 is small, and 12 (the next smallest) goes with it so that the total does not give 3
    assert suppression_mask(counts, K).n.tolist() == [True, True, False]
    # with 20 already hidden (another goal hides that period), the column has two hidden cells: enough
    assert suppression_mask(counts, K, hidden=[[False], [False], [True]]).n.tolist() == [True, False, True]


def test_a_small_last_year_is_hidden_with_the_next_smallest_year_in_every_goal(last_year_small):
    goals = et.assess_goals(et.load_project(last_year_small))
    t = goals.table
    d, a, s = _rows(t, "deltagare"), _rows(t, "arbete"), _rows(t, "andel")
    # year 1 is shown as it is
    assert d.at["år1", "value"] == 20 and a.at["år1", "value"] == 8
    assert (s.at["år1", "numerator"], s.at["år1", "denominator"]) == (8, 20)
    # year 3: 3 participants and 1 success are small: hidden and not assessed (a target of 5 for the three
    # months, reached or not, would narrow "<5" down)
    for rows in (d, a, s):
        assert rows.at["år3", "suppression"] == "small" and np.isnan(rows.at["år3", "value"])
        assert rows.at["år3", "status"] == "ej_bedömt"
    # year 2: hidden too (12 participants, 6 successes, 12 in the share's denominator), else 35 − 20 − 12 = 3
    for rows in (d, a, s):
        assert rows.at["år2", "suppression"] == "secondary" and np.isnan(rows.at["år2", "value"])
    assert np.isnan(s.at["år2", "numerator"]) and np.isnan(s.at["år2", "denominator"])
    # a hidden period of 5 or more keeps its verdict: 12 < 16 (80 % of 20), 6 < 6,4 (80 % of 8): not reached
    assert d.at["år2", "status"] == "ej_uppnått" and a.at["år2", "status"] == "ej_uppnått"
    # the goal's totals are kept: 35 and 15; the periods hidden hold 15 and 7 persons (5 or more)
    assert set(d["total"]) == {35} and set(a["total"]) == {15}
    assert s["total"].isna().all()  # (a share goal states no total)
    # the evaluator's raw table keeps every count
    r = goals.raw
    assert _rows(r, "deltagare").at["år3", "value"] == 3 and _rows(r, "arbete").at["år3", "value"] == 1
    assert _rows(r, "andel").at["år2", "denominator"] == 12


def test_no_published_combination_gives_back_a_hidden_period(last_year_small):
    """An attacker takes every count the goal table publishes and each goal's total, and subtracts."""
    t = et.assess_goals(et.load_project(last_year_small)).table
    for gid, rows in t.groupby("goal_id"):
        count = rows["value"].where(rows["kind"] != "share", rows["denominator"])
        hidden = rows["suppression"] != ""
        assert hidden.sum() != 1, gid  # never exactly one unknown period beside a known total
        total = rows["total"].dropna()
        if len(total):  # total less the periods shown: the periods hidden together, 5 or more
            assert total.iloc[0] - count[~hidden].sum() >= K
    # the same periods are hidden in every goal over project years: no goal gives another's hidden period
    hidden_periods = {gid: set(rows.loc[rows["suppression"] != "", "period_key"]) for gid, rows in t.groupby("goal_id")}
    assert hidden_periods == {"deltagare": {"år2", "år3"}, "arbete": {"år2", "år3"}, "andel": {"år2", "år3"}}


def test_a_zero_beside_a_small_year_is_hidden_too(tmp_path):
    # year 3: 4 participants, none to work. "0 till arbete" beside "<5" would say that none of them succeeded
    path = project(tmp_path, ((20, 8), (12, 6), (4, 0)))
    t = et.assess_goals(et.load_project(path)).table
    a = _rows(t, "arbete")
    assert a.at["år3", "suppression"] == "secondary" and np.isnan(a.at["år3", "value"])
    assert a.at["år3", "status"] == "ej_bedömt"  # (fewer than 5 persons' outcomes: no verdict either)
    # the outcome goal's column then hides år3 (0) and år2 (6): 14 − 8 = 6 for the two together
    assert a.at["år2", "suppression"] == "secondary" and set(a["total"]) == {14}


def test_the_total_is_withheld_when_the_hidden_years_are_few_together(tmp_path):
    # years 2 and 3 hold 1 and 2 participants: both small, and together 3, so the total 23 would give 3
    path = project(tmp_path, ((20, 8), (1, 1), (2, 0)))
    t = et.assess_goals(et.load_project(path)).table
    d, a = _rows(t, "deltagare"), _rows(t, "arbete")
    assert d.loc[["år2", "år3"], "suppression"].tolist() == ["small", "small"]
    # the outcome goal: 1 (small) in year 2 and a zero in year 3, hidden with its year: two unknowns,
    # so year 1 (8) stays shown
    assert a.loc[["år2", "år3"], "suppression"].tolist() == ["small", "secondary"] and a.at["år1", "value"] == 8
    assert d["total"].isna().all() and a["total"].isna().all()
    r = _report(path)
    from evaltools.present.sections.goals import page_one
    line = next(s for s in page_one(r) if s.startswith("Minst 20 deltagare"))
    assert "sammanlagt" not in line and "23" not in line


def test_nothing_is_hidden_where_no_count_is_small(tmp_path):
    # year 3: 5 participants, none to work: 5 is not small and a zero is shown (0 of 5 is a share of 5)
    path = project(tmp_path, ((20, 8), (12, 6), (5, 0)))
    t = et.assess_goals(et.load_project(path)).table
    assert (t["suppression"] == "").all() and t["total"].isna().all()
    assert _rows(t, "deltagare").at["år3", "value"] == 5 and _rows(t, "arbete").at["år3", "value"] == 0
    assert (_rows(t, "andel").at["år3", "numerator"], _rows(t, "andel").at["år3", "denominator"]) == (0, 5)


def test_a_small_success_count_hides_its_year_in_the_outcome_and_share_goals_not_the_participant_goal(tmp_path):
    # year 3: 5 participants (not small) but 2 to work (small): the share's "2 av 5" would give the 2 back, so
    # year 3 goes in the outcome and share goals, and year 2 with it (6 to work, 12 in the share). The 20, 12
    # and 5 enrolled, which page 1 prints as well, give no hidden count back and stay in the participant goal
    path = project(tmp_path, ((20, 8), (12, 6), (5, 2)))
    t = et.assess_goals(et.load_project(path)).table
    d, a, s = _rows(t, "deltagare"), _rows(t, "arbete"), _rows(t, "andel")
    assert a.at["år3", "suppression"] == "small" and (d["suppression"] == "").all()
    assert d["value"].tolist() == [20, 12, 5]
    assert s.loc[["år2", "år3"], "suppression"].tolist() == ["secondary", "secondary"]
    assert d.at["år3", "status"] == "uppnått"  # 5 against the 5 for three months
    assert a.at["år2", "suppression"] == "secondary"
    # the outcome goal's total 16 (8 hidden) is kept; the participant goal hides nothing and needs none
    assert d["total"].isna().all() and set(a["total"]) == {16}


# --- every place the figures appear ---------------------------------------------------------------

def test_page_one_and_goal_section_in_both_languages(last_year_small):
    from evaltools.present.sections.goals import page_one, total_notes
    sv = " ".join(page_one(_report(last_year_small))).replace("\u00a0", " ")
    # year 3's "<5" against the 5 of its short year fell short whatever it is, and the verdict counts it so
    # ("nått ett av tre år"); a year 3 of "<5" against the 2 of the outcome goal may have reached it: too few
    assert "20 år 1, år 2 redovisas inte och färre än 5 år 3 (under målvärdet); sammanlagt 35" in sv
    assert "8 år 1, år 2 redovisas inte och för få för att bedöma år 3; sammanlagt 15" in sv
    for leak in ("3 år 3", "1 år 3", "12 år 2", "6 år 2", "6 av 12", "1 av 3"):
        assert leak not in sv, leak
    en = " ".join(page_one(_report(last_year_small, "en")))
    assert "20 in year 1, not shown in year 2 and fewer than 5 in year 3 (below the target); 35 in all" in en
    for leak in ("3 in year 3", "1 in year 3", "12 in year 2", "6 of 12"):
        assert leak not in en, leak
    assert total_notes(_report(last_year_small)) == ["Minst 20 deltagare per år: sammanlagt 35 under perioderna.",
                                                     "Minst 8 till arbete per år: sammanlagt 15 under perioderna."]


def test_goal_table_and_chart_show_the_marks(last_year_small):
    from evaltools.present.plots import plot_goals
    from evaltools.present.results import goal_table_frame
    goals = _report(last_year_small).goals
    frame = goal_table_frame(goals, "sv", K)
    values = frame.iloc[:, 2].tolist()  # (goal, period, value, ...)
    assert values[:6] == ["20", "..", "<5", "8", "..", "<5"]
    assert values[7] == ".." and values[8].startswith("för få för att bedöma")
    fig = plot_goals(goals, "sv", min_count=K)
    marks = [t.get_text() for ax in fig.axes for t in ax.texts]
    alt = fig.et_alt
    import matplotlib.pyplot as plt
    plt.close(fig)
    # three goals, each with year 2 hidden to protect year 3: a mark at the foot of each, no bar label for them
    assert marks.count("<5") == 3 and marks.count("..") == 3
    assert "3" not in marks and "12" not in marks and "6" not in marks
    assert "År 3 färre än 5" in alt and "År 2 dolt" in alt and "År 3 3" not in alt and "År 2 12" not in alt


def test_workbook_and_csv_files_hide_the_same_cells(last_year_small, tmp_path):
    from evaltools.publish.workbook import export_report
    out = tmp_path / "out"
    export_report(_report(last_year_small), out)
    data = pd.read_csv(out / "tables-data" / "mal.csv", dtype=str).fillna("")
    data = data.set_index(["goal_id", "period_key"])
    assert data.at[("deltagare", "år3"), "value"] == "" and data.at[("deltagare", "år3"), "hidden"] == "value:<5"
    assert data.at[("deltagare", "år2"), "hidden"] == "value:.."
    assert data.at[("andel", "år3"), "hidden"] == "value:<5;numerator:<5;denominator:<5"
    assert data.at[("deltagare", "år1"), "value"] == "20" and data.at[("deltagare", "år1"), "total"] == "35"
    assert data.at[("arbete", "år3"), "total"] == "15"
    excel = (out / "tables" / "mal.csv").read_text(encoding="utf-8-sig")
    cells = [line.split(";") for line in excel.splitlines()]
    head = cells[0]
    value = head.index("Utfall")
    year3 = [c for c in cells if c[0] == "Minst 20 deltagare per år" and c[2].startswith("År 3")][0]
    assert year3[value] == "" and "Utfall: <5" in year3[-1]
    import openpyxl
    book = next(out.glob("*.xlsx"))
    ws = openpyxl.load_workbook(book)["Mål"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = rows[0]
    for r in rows[1:]:
        if r[0] in ("Minst 20 deltagare per år", "Minst 8 till arbete per år") and str(r[2]).startswith(("År 2", "År 3")):
            assert r[header.index("Utfall")] in (None, ""), r
    # every number in the exports, as a reader would take them: no 3, 1 or 12 for a goal's period
    text = (out / "tables-data" / "mal.csv").read_text(encoding="utf-8")
    assert not re.search(r",år3,[^\n]*,observed,(3|1)(\.0)?,", text)


def test_differencing_rule_counts_a_stated_total_as_published(last_year_small):
    t = et.assess_goals(et.load_project(last_year_small)).table
    # the outcome goal shows 8 for year 1 and states 15 in all: 15 is what is published, not 8;
    # the share goal shows 8 of 20 for year 1 (its other years are hidden)
    assert goal_successes(t) == (15, 8)
    # the participant goal's total, 35, states the number of participants
    assert participants_in_goals(t, 35)


def test_intake_year_rates_are_no_longer_taken_as_published(last_year_small):
    """The rate table's row of an intake year was left unhidden where the goal table published the same
    counts; now that the goal table hides years 2 and 3, their rows follow the ordinary rule."""
    from evaltools.analysis.cohorts import outcome_rates
    t = outcome_rates(et.load_project(last_year_small)).table
    years = t[t["variable"] == "project_year"].set_index("category")["successes"].tolist()
    # years 1, 2, 3: 8 shown; 6 and 1 hidden ("..": hidden to protect year 3; "<5": small)
    assert years == [8, "..", "<5"]


# --- a comparison group of four -------------------------------------------------------------------

def test_comparison_rate_of_a_few_persons_is_recognised():
    from evaltools.analysis.comparison import comparison_rate_tells_few
    # (participants' share, comparison share, participants ended, comparison persons)
    assert comparison_rate_tells_few((0.5, 0.0, 40, 4), K)  # a group of 4: "0 of 4 left" tells each one
    assert comparison_rate_tells_few((0.5, 0.1, 40, 20), K)  # 2 of 20 left: a small count
    assert comparison_rate_tells_few((0.5, 0.85, 40, 20), K)  # 17 of 20 left, 3 did not
    assert not comparison_rate_tells_few((0.5, 0.0, 40, 20), K)  # none of 20: a zero, and 20 who did not
    assert not comparison_rate_tells_few((0.5, 0.5, 40, 20), K)  # 10 and 10


def _with_comparison(tmp: Path, persons: int, left: int) -> Path:
    """The small-year project with a comparison group of ``persons``, the first ``left`` of whom left
    försörjningsstöd for work, and a few months of payments for everyone."""
    path = project(tmp, ((20, 8), (12, 6), (3, 1)))
    data = tmp / "data"
    rows = [{"person_id": f"J{i + 1}", "sex": "man", "birth_year": 1970 + i, "household_type": "ensamstående",
             "start_date": "2022-03-01", "end_date": "2024-03-15",
             "outcome": "arbete" if i < left else "kvar_försörjningsstöd"} for i in range(persons)]
    pd.DataFrame(rows).to_csv(data / "comparison.csv", index=False)
    months = [f"2021-{m:02d}" for m in range(1, 13)]
    pay = lambda ids: pd.DataFrame([{"person_id": p, "month": m, "amount": 9000} for p in ids for m in months])  # noqa: E731
    pay([r["person_id"] for r in rows]).to_csv(data / "comparison_payments.csv", index=False)
    pay(pd.read_csv(data / "participants.csv")["person_id"]).to_csv(data / "payments.csv", index=False)
    text = path.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n",
        "  budget: data/budget.csv\n  payments: data/payments.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")
    path.write_text(text, encoding="utf-8")
    return path


def test_deadweight_is_not_taken_from_a_comparison_group_of_four(tmp_path):
    from evaltools.analysis.costbenefit import cost_benefit
    from evaltools.words.labels import note_text
    # 2 of 20 comparison persons left: the deadweight 0,1 / (15/35) = 23,3 % beside the participants' 42,9 %
    # would say how many left (2, a small count); the default (25 %) is used instead, and the source says why
    # (a group of four is not used at all: tests/test_comparison_too_small.py)
    small = cost_benefit(et.load_project(_with_comparison(tmp_path / "a", 20, 2)), monte_carlo=False, effect=False)
    assert small.summary.deadweight_source == "default" and small.summary.deadweight == pytest.approx(0.25)
    src = " ".join(note_text(n, "sv") for n in small.assumptions["source"] if n)
    assert "färre än 5 personer" in src and "10,0" not in src
    # 10 of 20 left: a share of 20 with 10 and 10; the deadweight 0,5 / (15/35) is capped at 95 %
    large = cost_benefit(et.load_project(_with_comparison(tmp_path / "b", 20, 10)), monte_carlo=False, effect=False)
    assert large.summary.deadweight_source == "comparison" and large.summary.deadweight == pytest.approx(0.95)
