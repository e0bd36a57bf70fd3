"""A goal's outcomes per year are counted by the year the person was enrolled (``count_by: intake``, the default, as
a final report counts them), and the goal table says so under it: a reader of the row "År 1 (dates)" would otherwise
take it for the exits between those dates. A goal that counts by exit needs no such note; where goals differ, the
note names those that count by intake. Expected counts worked out by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present import report as report_module
from evaltools.present.display import Table

from .conftest import participants_frame, write_csv

ROWS = [
    ("P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"),
    ("P2", "man", 1975, "ensamstående", "2022-03-15", "2022-12-01", "kvar_försörjningsstöd"),
    ("P5", "kvinna", 1985, "ensamstående", "2022-10-01", "2023-03-01", "arbete"),  # enrolled year 1, left year 2
    ("P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01", "arbete"),
]


def _goal(gid: str, count_by: str = "") -> str:
    return (f"  - {{id: {gid}, kind: outcome_count, label: Minst 2 ska gå till arbete per år, target: 2, "
            f"period: project_year, success_outcomes: [arbete]{', count_by: ' + count_by if count_by else ''}}}\n")


def _report(tiny_project, goals: str):
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(ROWS))
    return et.Report(et.load_project(tiny_project("goals:\n" + goals)))


def _notes(r, monkeypatch) -> list[str]:
    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    r.goal_section()
    return [n for part in seen if isinstance(part, Table) for n in part.notes]


NOTE = ("Målens utfall per år räknas efter inskrivningsår: ett avslut räknas till det år personen skrevs in, inte "
        "till det år hen avslutades.")


def test_outcomes_per_year_by_intake_are_said_to_be_counted_so(tiny_project, monkeypatch):
    r = _report(tiny_project, _goal("arbete"))
    rows = r.goals.raw.set_index("period_key")["value"]
    # by intake: year 1 (2022) P1 and P5, who left in 2023; year 2 P4
    assert (rows["år1"], rows["år2"]) == (2, 1)
    # said first in the note on how sure the figures are: how a year's figure is counted, then how sure it is
    assert any(n.startswith(NOTE + " 95\u00a0% KI är intervallet") or n.startswith(NOTE + " 95 % KI är intervallet")
               for n in _notes(r, monkeypatch))


def test_by_exit_there_is_no_such_note(tiny_project, monkeypatch):
    r = _report(tiny_project, _goal("arbete", "exit"))
    rows = r.goals.raw.set_index("period_key")["value"]
    assert (rows["år1"], rows["år2"]) == (1, 2)  # by exit: P1 in 2022; P5 and P4 in 2023
    assert not any("inskrivningsår" in n for n in _notes(r, monkeypatch))


@pytest.mark.parametrize("lang, said", [
    ("sv", "Minst 2 ska gå till arbete per år: utfallen per år räknas efter inskrivningsår"),
    ("en", "Minst 2 ska gå till arbete per år: the outcomes per year are counted by year of intake"),
])
def test_where_goals_differ_the_note_names_those_by_intake(tiny_project, monkeypatch, lang, said):
    r = _report(tiny_project, _goal("a") + _goal("b", "exit").replace("Minst 2", "Minst två"))
    notes = _notes(et.Report(r.project, lang=lang), monkeypatch)
    assert any(n.startswith(said) for n in notes)
