"""The counts of persons a report states beside its goal totals are counted once per report, and the goal table
assessed once per project in the portfolio and the what-if: every figure they decide reads the same object.

The figures they feed are checked against Vägen ut's participants file, counted here with pandas alone."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

import evaltools as et
from evaltools.analysis import disclosure as disclosure_module
from evaltools.analysis import goals as goals_module
from evaltools.present import portfolio, report as report_module, whatif
from evaltools.publish.workbook import export_report

ROOT = Path(__file__).resolve().parents[1]
PID = "timra-vagen-ut"
# the cost-benefit's exits when the params file names none: the outcomes that leave försörjningsstöd (docs/methods.md)
LEAVE_FS = ("arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning")


def _by_hand() -> dict[str, int]:
    """Vägen ut's counts from its files: persons, ended, the main goal's successes among them, and the exits from
    försörjningsstöd (ended with an outcome leaving it, on försörjningsstöd at start, not enrolled again later)."""
    params = yaml.safe_load((ROOT / "params" / f"{PID}.yaml").read_text(encoding="utf-8"))
    people = pd.read_csv(ROOT / "data" / PID / "participants.csv", dtype=str, keep_default_na=False)
    assert "success_outcomes" not in params["cost_benefit"]  # (so the default list above is the one counted)
    main = next(g for g in params["goals"] if g["id"] == "självförsörjande")
    ended = people["end_date"] != ""
    assert people["person_id"].is_unique  # (no one enrolled twice: no one came back)
    return {"participants": people["person_id"].nunique(), "ended": int(ended.sum()),
            "ongoing": int((~ended).sum()),
            "successes": int((ended & people["outcome"].isin(main["success_outcomes"])).sum()),
            "exits": int((ended & people["outcome"].isin(LEAVE_FS)
                          & (people["support_start"] == "försörjningsstöd")).sum())}


def _counting(monkeypatch) -> list[tuple]:
    """Count every call of :func:`evaltools.analysis.disclosure.counts` and of :func:`assess_goals`, wherever they
    are imported; each call's (name, ``through``)."""
    calls: list[tuple] = []
    counts, assess = disclosure_module.counts, goals_module.assess_goals

    def counted(project, goal_table=None, through=None):
        calls.append(("counts", through))
        return counts(project, goal_table, through)

    def assessed(project, **kw):
        calls.append(("assess_goals", None))
        return assess(project, **kw)

    for module in (disclosure_module, report_module, portfolio, whatif):
        if hasattr(module, "counts"):
            monkeypatch.setattr(module, "counts", counted)
    for module in (goals_module, report_module, portfolio, whatif):
        monkeypatch.setattr(module, "assess_goals", assessed)
    return calls


@pytest.fixture(scope="module")
def hand() -> dict[str, int]:
    return _by_hand()


def test_a_report_counts_once_for_its_cost_benefit_disclosure_and_portfolio_row(monkeypatch, tmp_path, hand):
    calls = _counting(monkeypatch)
    r = et.Report(ROOT / "params" / f"{PID}.yaml")
    cba, shown = r.cba, r.disclosure
    export_report(r, None, tmp_path / "entry.json")  # (the row a batch's portfolio takes from the report)
    assert calls.count(("counts", None)) == 1, calls
    assert calls.count(("assess_goals", None)) == 1, calls
    # (a finished project: no costs per person of periods paid so far, so no counts by a day either)
    assert cba.summary.per_person_through is None and len(calls) == 2
    c = r.counts
    assert (c.participants, c.ended, c.ongoing, c.base, c.successes, c.exits) == (
        hand["participants"], hand["ended"], hand["ongoing"], hand["ended"], hand["successes"], hand["exits"])
    # the cost-benefit values the exits from försörjningsstöd; none of the counts is below 5, nor any difference
    assert cba.summary.successes == hand["exits"] and cba.summary.exit_range is None
    assert min(hand["exits"], hand["ended"] - hand["exits"], hand["successes"], hand["ended"] - hand["successes"]) >= 5
    assert not shown.withheld
    row = json.loads((tmp_path / "entry.json").read_text(encoding="utf-8"))["row"]
    assert (row["participants"], row["ended_all"], row["ended"], row["successes"], row["withheld"]) == (
        hand["participants"], hand["ended"], hand["ended"], hand["successes"], [])


def test_the_portfolio_assesses_and_counts_a_project_once(monkeypatch, hand):
    calls = _counting(monkeypatch)
    table = portfolio.Portfolio([ROOT / "params" / f"{PID}.yaml"], lang="sv").table
    assert calls == [("assess_goals", None), ("counts", None)]
    assert (int(table["participants"].iloc[0]), int(table["successes"].iloc[0])) == (hand["participants"],
                                                                                     hand["successes"])


def test_the_what_if_grid_counts_once_for_all_its_cells(monkeypatch, hand):
    project = et.load_project(ROOT / "params" / f"{PID}.yaml")
    calls = _counting(monkeypatch)
    frame = whatif.grid(project, "deadweight", (0.25, 0.5), "horizon_years", (3, 5))
    assert frame.shape == (2, 3)  # (the row labels and two columns of NPVs)
    assert calls == [("assess_goals", None), ("counts", None)]
    # a cell at other assumptions counts the same exits as the report
    assert whatif.evaluate(project, deadweight=0.5, known=whatif.counted(project)).summary.successes == hand["exits"]


def test_counts_passed_in_give_what_counting_again_gives():
    project = et.load_project(ROOT / "params" / f"{PID}.yaml")
    tab = et.assess_goals(project).table
    c = disclosure_module.counts(project, tab)
    for f in (disclosure_module.exit_counts, disclosure_module.exits_public, disclosure_module.exits_withheld,
              disclosure_module.disclosure):
        assert f(project, tab, counted=c) == f(project, tab), f.__name__
