"""Charts an evaluator draws in a notebook from the package's results: in the project's language without being
told (an English project's payments chart in English), a simulation's histogram naming whose net present value it
is, and no chart, not a traceback, where there is nothing to draw (a project without payments, no assumption that
moves the net present value)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

import evaltools as et
from evaltools.present import plots

from .conftest import sample_project


def test_an_english_projects_chart_is_in_english_without_being_told():
    project = sample_project("kompassen-demo").with_params(language="en")
    fig = plots.plot_payments(et.compare_payments(project))
    try:
        assert fig.axes[0].get_xlabel() == "Months before (−) and after start"
    finally:
        plt.close(fig)
    swedish = plots.plot_payments(et.compare_payments(sample_project("kompassen-demo")))
    try:
        assert swedish.axes[0].get_xlabel() == "Månader före (−) och efter start"
    finally:
        plt.close(swedish)


def test_the_simulations_histogram_names_whose_net_present_value_it_is():
    project = sample_project("kompassen-demo")
    mc = et.cost_benefit(project).monte_carlo
    fig = plots.plot_monte_carlo(mc)
    try:
        title = fig.axes[0].get_title(loc="left").replace("\n", " ")
    finally:
        plt.close(fig)
    # the params' lead perspective, as the assumptions name it (kompassen-demo: the public financiers)
    assert mc.perspective == project.params.cost_benefit.lead_perspective == "offentliga"
    assert title.startswith("Andel av simuleringarna med positivt nettonuvärde för de offentliga finansiärerna: ")
    assert "för –" not in title


def test_nothing_to_draw_gives_no_chart(tiny_project):
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"))
    assert project.payments is None
    assert plots.plot_payments(et.compare_payments(project)) is None
    assert plots.plot_tornado(pd.DataFrame(columns=["parameter", "npv_low", "npv_high", "npv_base"])) is None


def test_a_report_in_a_notebook_says_which_project_and_language():
    project = sample_project("kompassen-demo")
    assert repr(et.Report(project)) == f"Report('kompassen-demo', lang='sv'): {project.params.title}"
    assert repr(et.Report(project, lang="en")).startswith("Report('kompassen-demo', lang='en'): ")


def test_the_rates_chart_of_a_notebook_is_the_reports():
    from evaltools.present.sections.outcomes import chart_rates
    project = sample_project("sprangbradan-demo")
    report = et.Report(project)
    mine = plots.plot_outcome_rates(et.outcome_rates(project))
    theirs = plots.plot_outcome_rates(chart_rates(report))
    try:
        rows = [t_.get_text() for t_ in mine.axes[0].get_yticklabels()]
        assert rows == [t_.get_text() for t_ in theirs.axes[0].get_yticklabels()]
        assert [t_.get_text() for t_ in mine.axes[0].texts] == [t_.get_text() for t_ in theirs.axes[0].texts]
        # the p-values in words, adjusted for the breakdowns tested, never the test's and the method's names
        assert any("justerat för flera uppdelningar, p" in r for r in rows)
        assert not any("Holm" in r or "chi2" in r or "Fisher" in r for r in rows)
    finally:
        plt.close(mine)
        plt.close(theirs)
