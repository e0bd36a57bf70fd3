"""A project still running at the analysis date: page 1 says that the net present value counts the
benefit of those who had ended by then only (and, where the cost takes in the budget for what remains,
that it does), without a count of persons. Tiny projects written here; the sentences are the catalog's
with the dates written in the params."""
from __future__ import annotations

import evaltools as et
from evaltools.present.sections import summary

from .conftest import write_csv
from .test_unseen_projects import _params, _person

PROJECT = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    %s
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/budget.csv}
    """


def _report(tmp_path, as_of: str, actual_2024: str | None):
    # eight who left for work in 2023, four still enrolled; the budget's second year settled or not (None: the
    # budget file has no line for it)
    rows = [_person(i + 1) for i in range(8)] + [_person(i + 9, start="2024-02-01", end="", outcome="")
                                                 for i in range(4)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2023", "category": "Personal", "budget": 500_000, "actual": 480_000},
        *([{"period": "2024", "category": "Personal", "budget": 500_000, "actual": actual_2024}]
          if actual_2024 is not None else [])])
    return et.Report(et.load_project(_params(tmp_path, PROJECT % as_of)), lang="sv")


def test_a_running_project_says_its_npv_counts_those_ended_so_far_and_the_budget_left(tmp_path):
    r = _report(tmp_path, "data_as_of: 2024-06-30", "")
    said = summary.worth(r)
    assert ("Projektet pågår till 2024-12-31: nyttan räknas bara för dem som hade avslutat 2024-06-30, medan "
            "kostnaden också tar med budgeten för det som återstår.") in said


def test_with_every_cost_settled_only_the_benefit_is_said_to_be_so_far(tmp_path):
    r = _report(tmp_path, "data_as_of: 2024-06-30", None)  # a budget file with the year that is over only
    said = summary.worth(r)
    assert "Projektet pågår till 2024-12-31: nyttan räknas bara för dem som hade avslutat 2024-06-30." in said


def test_the_running_years_utfall_so_far_is_no_settled_cost(tmp_path):
    # 250 000 kr of 2024's utfall by 2024-06-30 is half a year's: 2024 still counts at its budget
    r = _report(tmp_path, "data_as_of: 2024-06-30", "250000")
    said = summary.worth(r)
    assert ("Projektet pågår till 2024-12-31: nyttan räknas bara för dem som hade avslutat 2024-06-30, medan "
            "kostnaden också tar med budgeten för det som återstår.") in said
    assert r.cba.summary.total_cost_nominal == 980_000  # 480 000 + 500 000, not 480 000 + 250 000


def test_an_ended_project_says_nothing_of_the_kind(tmp_path):
    r = _report(tmp_path, "", "500000")
    assert not any("pågår" in s for s in summary.worth(r))
