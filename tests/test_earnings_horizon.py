"""A perspective never sets earnings measured over a short window against social assistance counted
over a longer horizon. Kompassen measures earnings in register data over the start month and the 12
after it (params: comparison.months_after 12, so 13 months), while the social assistance saved is
counted over 3 years after each exit (cost_benefit.horizon_years 3, 36 months). The individual's NPV
set the 13 months' earnings against the 36 months' social assistance given up and showed a loss of
5,3 million kronor; society's counted the earnings of 13 months only without saying so."""
from __future__ import annotations

import math

import yaml

from evaltools.analysis.costbenefit import cost_benefit
from evaltools.analysis.result import Note
from evaltools.words.labels import note_text

from .conftest import PARAMS, sample_project


def _persp(project):
    cba = cost_benefit(project, monte_carlo=False, effect=False)
    return cba, cba.table.set_index("perspective")


def test_the_individuals_npv_is_not_shown_where_the_windows_differ():
    params = yaml.safe_load((PARAMS / "kompassen-demo.yaml").read_text(encoding="utf-8"))
    months = params["comparison"]["months_after"] + 1  # the start month and the 12 after it: 13
    horizon = params["cost_benefit"]["horizon_years"] * 12  # 36
    assert (months, horizon) == (13, 36)
    cba, t = _persp(sample_project("kompassen-demo"))
    assert math.isnan(t.loc["individ", "npv"]) and math.isnan(t.loc["individ", "pv_benefit"])
    assert t.loc["individ", "note"] == Note.of("assumption.actor_individual_short", months=13, horizon=36)
    assert note_text(t.loc["individ", "note"], "sv").startswith(
        "visas inte: lönen är uppmätt i 13 månader, försörjningsstödet räknas över 36 månader")
    # society's figure holds the earnings of the measured months only, and says so; it is not called a lower
    # bound (the costs outside the budget, also left out, would lower it)
    assert not bool(t.loc["samhälle", "lower_bound"])
    assert "13 uppmätta månaderna" in note_text(t.loc["samhälle", "note"], "sv")
    # the flows themselves are all still in the ledger (the measured earnings among them)
    ledger = cba.ledger
    earned = ledger[(ledger["item"] == "arbetsinkomst") & (ledger["actor"] == "individ")]
    assert len(earned) == 1 and float(earned["pv"].iloc[0]) > 0


def test_with_a_horizon_no_longer_than_the_measured_window_the_individuals_npv_is_the_sum_of_its_rows():
    # a horizon of 1 year (12 months) is within the 13 measured months: nothing is set against a longer window
    project = sample_project("kompassen-demo").with_params(cost_benefit={"horizon_years": 1})
    cba, t = _persp(project)
    ledger = cba.ledger
    rows = ledger[ledger["actor"] == "individ"]
    assert not math.isnan(t.loc["individ", "npv"])
    # the individual bears no project cost: its NPV is the sum of its ledger rows (computed apart)
    assert t.loc["individ", "npv"] == sum(float(v) for v in rows["pv"])
    assert t.loc["individ", "note"] == "" and not bool(t.loc["samhälle", "lower_bound"])


def test_page_one_says_the_earnings_count_for_the_measured_months_only():
    import evaltools as et
    findings = et.Report(sample_project("kompassen-demo"), lang="sv").key_findings()
    society = [x for x in findings if x.startswith("För samhället som helhet")]
    assert len(society) == 1
    assert "lönen bara för de 13 uppmätta månaderna från start" in society[0]
    assert "arbetsinkomster och kostnader utanför budgeten är inte medräknade" not in society[0]


def test_page_one_says_the_public_figures_measured_flows_cover_the_measured_months_only():
    """The public financiers' NPV holds measured flows (tax on earnings, the state's benefits) for the 13 months
    from each start beside försörjningsstöd calculated over 3 years: page 1 says so after the sum."""
    import evaltools as et
    findings = et.Report(sample_project("kompassen-demo"), lang="sv").key_findings()
    public = [i for i, x in enumerate(findings) if x.startswith("Räknat som nuvärde")]
    assert len(public) == 1
    assert findings[public[0] + 1] == ("Skatten på lön och statens ersättningar i den summan är uppmätta i "
                                       "registeruppgifter för de 13 månaderna från start, inte över 3 år; "
                                       "försörjningsstödet är beräknat över 3 år.")
    # a project without register data says nothing of it
    other = et.Report(sample_project("sprangbradan-demo"), lang="sv").key_findings()
    assert not any("uppmätta i registeruppgifter för de" in x for x in other)
