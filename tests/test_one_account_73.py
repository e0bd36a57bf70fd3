"""A project's cost-benefit as its report publishes it comes from one function
(:func:`evaltools.analysis.disclosure.published_cost_benefit`), worked out once for a report (its pages, workbook and
portfolio row), once per project in the portfolio and once per evaluation in the what-if panel.

The figures it feeds are checked against counts taken from a small project's participants file written here, and
against the exact cost-benefit of the same project, worked out the other way (straight from the analysis)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import evaltools as et
from evaltools.analysis import costbenefit as costbenefit_module
from evaltools.analysis import disclosure as disclosure_module
from evaltools.present import portfolio, report as report_module, whatif
from evaltools.publish.workbook import export_report

PARAMS = """\
id: tre-utfall
title: Tre utfall
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
data_as_of: 2023-06-30
data:
  participants: data/participants.csv
  budget: data/budget.csv
goals:
  - {id: arbete, kind: share, label: Minst 30 % till arbete, target: 0.3, period: whole_period,
     denominator: exits, success_outcomes: [arbete]}
"""
# 12 participants, 11 ended: 2 to work, 1 to studies (both leave försörjningsstöd: 3 exits), 8 still on it
OUTCOMES = ["arbete"] * 2 + ["studier"] + ["kvar_försörjningsstöd"] * 8


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """A project whose goal counts work only, so that no goal publishes its 3 exits from försörjningsstöd."""
    (tmp_path / "data").mkdir()
    rows = ["person_id,sex,birth_year,household_type,start_date,end_date,outcome"]
    for i, outcome in enumerate(OUTCOMES):
        rows.append(f"P{i + 1},{'kvinna' if i % 2 else 'man'},{1970 + i},ensamstående,2022-02-01,2022-10-01,{outcome}")
    rows.append("P99,man,1990,ensamstående,2022-03-01,,")
    (tmp_path / "data" / "participants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "data" / "budget.csv").write_text("period,category,budget,actual\n2022,Lön,600000,550000\n",
                                                  encoding="utf-8")
    path = tmp_path / "tre-utfall.yaml"
    path.write_text(PARAMS, encoding="utf-8")
    return path


def _counting(monkeypatch) -> dict[str, int]:
    """Count every call of the published cost-benefit wherever it is imported, and of the analysis and the
    publishing rule it runs."""
    calls = {"published_cost_benefit": 0, "cost_benefit": 0, "published": 0}
    one, analysis, rule = (disclosure_module.published_cost_benefit, disclosure_module.cost_benefit,
                           disclosure_module.published)

    def account(*args, **kwargs):
        calls["published_cost_benefit"] += 1
        return one(*args, **kwargs)

    def analysed(*args, **kwargs):
        calls["cost_benefit"] += 1
        return analysis(*args, **kwargs)

    def ruled(*args, **kwargs):
        calls["published"] += 1
        return rule(*args, **kwargs)

    for module in (report_module, portfolio, whatif):
        monkeypatch.setattr(module, "published_cost_benefit", account)
    monkeypatch.setattr(disclosure_module, "cost_benefit", analysed)
    monkeypatch.setattr(disclosure_module, "published", ruled)
    monkeypatch.setattr(costbenefit_module, "published", ruled)
    return calls


def test_a_report_its_workbook_and_portfolio_row_read_one_published_cost_benefit(monkeypatch, tmp_path,
                                                                                  project_file):
    calls = _counting(monkeypatch)
    r = et.Report(project_file)
    r.cba
    export_report(r, tmp_path / "out", tmp_path / "entry.json")  # (with the row a batch's portfolio takes)
    assert calls == {"published_cost_benefit": 1, "cost_benefit": 1, "published": 1}
    row = json.loads((tmp_path / "entry.json").read_text(encoding="utf-8"))["row"]
    er = r.cba.summary.exit_range
    # the row gives the range the report gives, not figures worked out again
    assert (row["npv_public_low"], row["npv_public_high"]) == (er.of("offentliga").npv_low,
                                                               er.of("offentliga").npv_high)


def test_the_portfolio_and_the_what_if_each_work_it_out_once(monkeypatch, project_file):
    calls = _counting(monkeypatch)
    portfolio.Portfolio([project_file], lang="sv").table
    assert calls == {"published_cost_benefit": 1, "cost_benefit": 1, "published": 1}
    project = et.load_project(project_file)
    known = whatif.counted(project)
    base = whatif.baseline(project, known)

    def once(run) -> int:
        for key in calls:
            calls[key] = 0
        run()
        assert calls["published_cost_benefit"] == calls["cost_benefit"] == calls["published"]
        return calls["published_cost_benefit"]

    # one calculation per evaluation at its assumptions, the baseline's where it is given
    assert once(lambda: whatif.evaluate(project, base=base, deadweight=0.5, known=known)) == 1
    # at the report's own assumptions, the baseline's calculation is the result: not worked out a second time
    assert once(lambda: whatif.evaluate(project, known=known)) == 1
    assert once(lambda: whatif.evaluate(project, deadweight=0.5, known=known)) == 2  # (the baseline, then 0.5)
    # the static table: the report's assumptions once, then each of the grid's 4 x 3 cells once
    assert once(lambda: whatif.WhatIfTable(project)) == 1 + 4 * 3


def test_three_exits_are_given_as_a_range_of_one_to_four_in_every_account(project_file):
    # by hand from the file above: 3 exits (2 to work, 1 to studies) of 11 ended, no goal counting them, k = 5:
    # the count is withheld, and the figures are given over 1 to k - 1 = 4 exits
    exits = sum(o in ("arbete", "studier") for o in OUTCOMES)
    assert exits == 3
    r = et.Report(project_file)
    project = r.project
    table = portfolio.Portfolio([project_file], lang="sv").table
    at_own_values = whatif.evaluate(project)
    for result in (r.cba, at_own_values):
        er = result.summary.exit_range
        assert (er.low, er.high, er.few) == (1, 4, True)
        assert math.isnan(result.summary.npv)
    # the exact analysis (not published) of the same project: its net at 3 exits lies on the line through the
    # range's ends, a third of the way from 1 exit to 4 (the figures are linear in the count)
    exact = costbenefit_module.cost_benefit(project, monte_carlo=False, effect=False, exits_withheld=True)
    assert exact.summary.successes == exits and exact.summary.exit_range is not None
    for perspective, column in (("offentliga", "npv_public"), ("samhälle", "npv_society")):
        pr = r.cba.summary.exit_range.of(perspective)
        npv = float(exact.table.set_index("perspective").loc[perspective, "npv"])
        assert npv == pytest.approx(pr.npv_low + (pr.npv_high - pr.npv_low) * (exits - 1) / 3)
        assert (float(table[f"{column}_low"].iloc[0]), float(table[f"{column}_high"].iloc[0])) == pytest.approx(
            (pr.npv_low, pr.npv_high))
        wf = at_own_values.summary.exit_range.of(perspective)
        assert (wf.npv_low, wf.npv_high) == pytest.approx((pr.npv_low, pr.npv_high))
