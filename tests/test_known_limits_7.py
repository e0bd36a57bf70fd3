"""Known limits taken to a fix: reach counts persons, timestamps read as their day, the DiD's unit the
household, a running structural project says so, a year not yet over is not "not achieved", lost
leading zeros in one message, repayments netted in the month.

Every expected value is worked out by hand in a comment beside it.
"""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.words import glossary

from .conftest import participants_frame, write_csv


def _report(path, lang: str = "sv"):
    return et.Report(et.load_project(path), lang=lang)


# --- 1. reach counts distinct persons, not enrolments --------------------------------------------------

TWICE = [*participants_frame().itertuples(index=False, name=None),
         # P1 ended 2022-08-01 and comes back: a second enrolment of the same person
         ("P1", "kvinna", 1980, "ensamstående", "2023-02-01", "2023-06-01", "arbete")]


@pytest.mark.parametrize("lang, label", [("sv", "Räckvidd (andel av målgruppen som deltagit)"),
                                         ("en", "Reach (share of the target population who took part)")])
def test_reach_counts_a_person_enrolled_twice_once(tiny_project, lang, label):
    from evaltools.present.sections import facts
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(TWICE))
    r = _report(tiny_project("target_population: 8\n"), lang)
    assert len(r.project.participants) == 5  # five enrolments ...
    rows = dict(facts.rows(r))
    # ... of four persons (P1, P2, P3, P4): 4 / 8 = 50,0 % (enrolments would give 5 / 8 = 62,5 %)
    assert rows[label] == ("50,0\u00a0%" if lang == "sv" else "50.0%")


@pytest.mark.parametrize("lang, words", [("sv", "räknas en gång"), ("en", "counts once")])
def test_the_glossary_defines_reach_as_persons(lang, words):
    label = {"sv": "Räckvidd (andel av målgruppen som deltagit)",
             "en": "Reach (share of the target population who took part)"}[lang]
    assert [t.id for t in glossary.used_in(label, lang)] == ["rackvidd"]
    assert words in glossary.definition("rackvidd", lang)


# --- 2. a date with a time of day is read as its day, with a note ----------------------------------------

TIMED = [("P1", "kvinna", 1980, "ensamstående", "2022-02-01 08:30", "2022-08-01", "arbete"),
         ("P2", "man", 1975, "sambo_med_barn", "2022-03-15T13:05:59", "2022-12-01 00:00:00", "kvar_försörjningsstöd"),
         ("P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01 00:00", "", ""),
         ("P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01 16:45:00", "sjuk_aktivitetsersättning")]


def test_a_timestamp_is_read_as_its_day_and_noted_per_column(tiny_project):
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(TIMED))
    project = et.load_project(tiny_project())
    p = project.participants.set_index("person_id")
    assert p.loc["P1", "start_date"] == pd.Timestamp("2022-02-01")
    assert p.loc["P2", "start_date"] == pd.Timestamp("2022-03-15")
    assert p.loc["P4", "end_date"] == pd.Timestamp("2023-05-01")
    notes = {w.column: w for w in project.warnings if w.key == "date.time_read"}
    # start_date: P1 (08:30) and P2 (13:05:59) have a time, P3's 00:00 is midnight: 2 cells, rows 2 and 3
    # end_date: P4 (16:45:00) only, P2's 00:00:00 is midnight: 1 cell, row 5
    assert set(notes) == {"start_date", "end_date"}
    assert notes["start_date"].note("sv").startswith("kolumnen start_date har 2 datum med klockslag")
    assert "(rad 2, 3)" in notes["start_date"].note("sv")
    assert notes["end_date"].note("en").startswith("dates with a time of day in the column end_date: 1 ")
    assert "(row 5)" in notes["end_date"].note("en")


def test_only_midnight_gives_no_note(tiny_project):
    rows = [(*r[:4], r[4][:10] + " 00:00:00", r[5][:10] + (" 00:00" if r[5] else ""), r[6]) for r in TIMED]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    project = et.load_project(tiny_project())
    assert not [w for w in project.warnings if w.key == "date.time_read"]


@pytest.mark.parametrize("value", ["2022-02-01 25:30", "2022-02-01 08:61", "2022-02-01 kl 8", "2022-02-01 08:30 foo",
                                   "2022-02-30 08:30"])
def test_a_date_with_garbage_after_it_is_still_refused(tiny_project, value):
    rows = [(*TIMED[0][:4], value, *TIMED[0][5:]), *TIMED[1:]]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(tiny_project())
    cells = [p for p in e.value.problems if p.column == "start_date"]
    assert len(cells) == 1 and cells[0].row == 2


def test_an_excel_datetime_cell_is_read_as_its_day(tiny_project):
    import datetime as dt

    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for r in participants_frame().itertuples(index=False):
        ws.append(list(r))
    ws.cell(2, 5, dt.datetime(2022, 2, 1, 8, 30))  # P1's start, a case system's timestamp
    path = tiny_project.dir / "data" / "participants.xlsx"
    wb.save(path)
    params = tiny_project(data_block="data:\n  participants: data/participants.xlsx\n  budget: data/budget.csv\n")
    project = et.load_project(params)
    assert project.participants.set_index("person_id").loc["P1", "start_date"] == pd.Timestamp("2022-02-01")
    (note,) = [w for w in project.warnings if w.key == "date.time_read"]
    assert note.note("sv") == ("kolumnen start_date har 1 datum med klockslag (rad 2); varje sådant datum läses som "
                               "dagen, utan klockslaget. Kontrollera att det är dagen som avses (en tidsstämpel från "
                               "ett verksamhetssystem är det)")
