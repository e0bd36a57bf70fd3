"""A budget kept per project year ("år 1", "år 2") of a project that starts on 1 September: the budget table's note
gives each project year's dates, as the goal table does, so that a board does not read "År 1" as the calendar year
the project began. Expected dates worked out by hand from the project's start."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.present import report as report_module
from evaltools.present.display import Table

from .conftest import participants_frame, write_csv

ROWS = [
    ("P1", "kvinna", 1980, "ensamstående", "2022-09-15", "2023-03-01", "arbete"),
    ("P2", "man", 1975, "sambo_med_barn", "2022-10-01", "2023-06-01", "kvar_försörjningsstöd"),
    ("P3", "kvinna", 1990, "ensamstående_med_barn", "2023-02-01", "2023-12-01", "studier"),
    ("P4", "man", 1968, "ensamstående", "2023-09-10", "2024-05-01", "arbete"),
]


def _project(tmp_path, periods: tuple[str, str]):
    write_csv(tmp_path / "data/participants.csv", participants_frame(ROWS))
    write_csv(tmp_path / "data/budget.csv", [
        {"period": periods[0], "category": "Lön", "budget": 400000, "actual": 390000},
        {"period": periods[1], "category": "Lön", "budget": 410000, "actual": 405000},
    ])
    params = tmp_path / "hosten.yaml"
    params.write_text(textwrap.dedent("""\
        id: hosten
        title: Projekt som börjar på hösten
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-09-01, planned_end: 2024-08-31}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """), encoding="utf-8")
    return et.load_project(params)


def _budget_notes(project, lang: str, monkeypatch) -> list[str]:
    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    et.Report(project, lang=lang).budget_section()
    return [n for part in seen if isinstance(part, Table) for n in part.notes]


@pytest.mark.parametrize("lang, said", [
    ("sv", "Projektåren är år 1 (2022-09-01 – 2023-08-31) och år 2 (2023-09-01 – 2024-08-31)."),
    ("en", "The project years are year 1 (2022-09-01 – 2023-08-31) and year 2 (2023-09-01 – 2024-08-31)."),
])
def test_a_budget_per_project_year_says_each_years_dates(tmp_path, monkeypatch, lang, said):
    notes = _budget_notes(_project(tmp_path, ("år 1", "år 2")), lang, monkeypatch)
    assert said in notes


def test_a_budget_per_calendar_year_needs_no_such_note(tmp_path, monkeypatch):
    notes = _budget_notes(_project(tmp_path, ("2023", "2024")), "sv", monkeypatch)
    assert notes and not any(n.startswith("Projektåren") for n in notes)
