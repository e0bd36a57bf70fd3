"""A budget without lines for some of the project's periods: the cost counts nothing for them.

A project from 2025-01-01 to 2026-12-31 whose budget file has lines for 2025 only counts no cost for 2026: the
cost-benefit's cost is too low by a year, and "kostnaden tar med budgeten för det som återstår" would claim a
budget the file does not hold. validate names the period, page 1 says it beside the cost, and the running
project's sentence makes no claim of a budget for what remains. Tiny projects written in tmp_path; the periods
expected are read off the dates by hand."""
from __future__ import annotations

import textwrap

import evaltools as et
from evaltools.present.sections import summary as page_one

from .conftest import write_csv


def _project(root, periods: list[str], end: str = "2026-12-31", extra: str = "", start: str = "2025-01-01"):
    write_csv(root / "data/participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
         "household_type": "ensamstående", "start_date": "2025-04-01",
         "end_date": "2025-08-15" if i <= 8 else "", "outcome": "arbete" if i <= 8 else ""} for i in range(1, 13)])
    write_csv(root / "data/budget.csv", [{"period": p, "category": "Lön", "budget": 500_000, "actual": 450_000}
                                         for p in periods])
    path = root / "gaps.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: gaps
        title: Luckor i budgeten
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: {start}, planned_end: {end}}}
        data_as_of: 2025-10-31
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """) + extra, encoding="utf-8")
    return path


def _gap_notes(project, lang="sv"):
    return [p.note(lang) for p in project.warnings if p.key == "budget.periods_missing"]


def test_a_calendar_year_without_lines_is_named(tmp_path):
    project = et.load_project(_project(tmp_path, ["2025"]))
    notes = _gap_notes(project)
    assert len(notes) == 1 and "inga rader för 2026" in notes[0] and "2025-01-01 – 2026-12-31" in notes[0]
    assert "no lines for 2026" in _gap_notes(project, "en")[0]
    assert project.budget.attrs["missing_periods"] == (("year", 2026),)


def test_a_project_year_without_lines_is_named(tmp_path):
    # 2025-03-01 – 2027-02-28: project years 1 (2025-03-01 – 2026-02-28) and 2 (2026-03-01 – 2027-02-28)
    project = et.load_project(_project(tmp_path, ["år 1"], start="2025-03-01", end="2027-02-28"))
    assert project.budget.attrs["missing_periods"] == (("project_year", 2),)
    assert "inga rader för år 2" in _gap_notes(project)[0]


def test_every_period_covered_or_the_whole_period_is_no_gap(tmp_path):
    assert not _gap_notes(et.load_project(_project(tmp_path / "a", ["2025", "2026"])))
    assert not _gap_notes(et.load_project(_project(tmp_path / "b", ["hela perioden"])))


def test_an_early_end_needs_no_lines_after_it(tmp_path):
    path = _project(tmp_path, ["2025"])
    text = path.read_text(encoding="utf-8").replace("planned_end: 2026-12-31", "planned_end: 2026-12-31, actual_end: 2025-09-30")
    text = text.replace("data_as_of: 2025-10-31\n", "")
    path.write_text(text, encoding="utf-8")
    assert not _gap_notes(et.load_project(path))


def test_page_one_says_the_gap_and_claims_no_budget_for_what_remains(tmp_path):
    r = et.Report(et.load_project(_project(tmp_path, ["2025"])))
    cost = " ".join(page_one.cost(r)).replace("\xa0", " ")
    assert "Budgeten har inga rader för 2026, fast projektperioden är 2025-01-01 – 2026-12-31" in cost
    worth = " ".join(page_one.running(r))
    assert "Projektet pågår till 2026-12-31" in worth and "budgeten för det som återstår" not in worth


def test_page_one_with_every_year_budgeted_says_no_gap(tmp_path):
    r = et.Report(et.load_project(_project(tmp_path, ["2025", "2026"])))
    assert "inga rader" not in " ".join(page_one.cost(r))
    # 2026's line has its actual amount but the year is not over on 2025-10-31: the budget for it remains
    assert "budgeten för det som återstår" in " ".join(page_one.running(r))
