"""Seventy-third sweep of projects unlike the samples, from files made in Excel: an interim report of a running
project whose first year has ended while some of those it took in are still enrolled, so that the year's share of
the ended may move when they end; and a prolonged project (förlängning) whose goals set their own targets for the
extension. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.present.display import Text
from evaltools.present.sections import goals as goal_section

from .test_unseen_projects import _params

SHARE_GOAL = """\
    goals:
      - id: arbete
        kind: share
        label: PCT % av deltagarna ska ha gått till arbete eller studier vid avslut
        target: TARGET
        period: calendar_year
        denominator: exits
        success_outcomes: [arbete, studier]
        count_by: COUNT_BY
    """


def _interim(tmp_path, *, end="2026-12-31", data_as_of="2026-05-31", count_by="intake", later=4, target="0.3"):
    """Eleven persons start in 2025 (on the 10th of January to November); the first six end on 2025-12-15, five in
    work and one broken off; the other five are still enrolled. ``later`` more (four) start in 2026, on the 15th of January, February ..., and are enrolled."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Inskrivna i Steget"])  # (a title row, as a coordinator writes one)
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
               "support_start"])
    for i in range(11):
        done = i < 6
        ws.append([f"S{i:02d}", ("kvinna", "man")[i % 2], 1980 + i, "ensamstående",
                   dt.datetime(2025, 1 + i, 10), dt.datetime(2025, 12, 15) if done else None,
                   ("avbrott" if i == 5 else "arbete") if done else None, "försörjningsstöd"])
    for i in range(later):
        ws.append([f"T{i:02d}", "kvinna", 1990, "ensamstående", dt.datetime(2026, 1 + i, 15), None, None,
                   "försörjningsstöd"])
    for row in ws.iter_rows(min_row=3, min_col=5, max_col=6):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    body = f"""\
    kind: individ
    period: {{start: 2025-01-01, planned_end: {end}}}
    data_as_of: {data_as_of}
    data: {{participants: data/deltagare.xlsx}}
    """
    goal = SHARE_GOAL.replace("COUNT_BY", count_by).replace("TARGET", target)
    goal = goal.replace("PCT", str(round(float(target) * 100)))  # (the label's percent, as the target)
    return _params(tmp_path, textwrap.dedent(body) + textwrap.dedent(goal))


def test_an_ended_year_of_a_running_project_says_how_many_of_its_intake_are_still_enrolled(tmp_path):
    """2025's share is 5 of the 6 who ended (83,3 %, judged: 2025 has ended), but 5 of 2025's 11 intake are still
    enrolled on 2026-05-31 and have no outcome: page 1 and the goal table say so beside the verdict."""
    r = et.Report(_interim(tmp_path))
    table = r.goals.table.set_index("period_key")
    assert table.loc["2025", ["numerator", "denominator", "still_enrolled"]].tolist() == [5, 6, 5]
    assert str(table.loc["2025", "status"]) != "pågår"  # (the year has ended: judged on the ended)
    sentence = ("Av dem som målet räknar för 2025 var 5 fortfarande inskrivna vid analysdatumet och har ännu inget "
                "utfall: andelen gäller dem som hade avslutats och kan ändras när de övriga avslutas.")
    assert sentence in goal_section.page_one(r)
    (note,) = goal_section.still_enrolled_notes(r)
    assert note.startswith("30\xa0% av deltagarna ska ha gått till arbete eller studier vid avslut: av dem som målet "
                           "räknar för 2025 var 5 fortfarande inskrivna vid analysdatumet 2026-05-31")
    en = et.Report(_interim(tmp_path), lang="en")
    assert any(s.startswith("Of those the goal counts for 2025, 5 were still enrolled on the analysis date")
               for s in goal_section.page_one(en))


def test_the_running_year_and_a_goal_counted_by_exit_get_no_such_sentence(tmp_path):
    """2026 runs on 2026-05-31 (its share is not judged and its note says why); counted by exit, a period holds
    only those who ended, so nobody of it is still enrolled."""
    r = et.Report(_interim(tmp_path))
    assert [key for key, _ in goal_section.still_enrolled_periods(r, "arbete")] == ["2025"]
    by_exit = et.Report(_interim(tmp_path, count_by="exit"))
    assert goal_section.still_enrolled_periods(by_exit, "arbete") == []
    assert not goal_section.still_enrolled_notes(by_exit)


def test_a_project_that_has_ended_leaves_those_without_an_end_date_to_the_data_quality_notes(tmp_path):
    """The project ended 2025-12-31 (data taken 2026-01-31): the five of 2025 without an end date are named by the
    data-quality notes as ended without a date; the goal says nothing of their outcome to come."""
    r = et.Report(_interim(tmp_path, end="2025-12-31", data_as_of="2026-01-31", later=0))
    assert goal_section.still_enrolled_periods(r, "arbete") == []


def test_fewer_than_the_privacy_limit_still_enrolled_are_said_as_fewer(tmp_path):
    """With min_count 6 the 5 still enrolled are 'färre än 6', never the number."""
    p = _interim(tmp_path)
    p.write_text(p.read_text(encoding="utf-8") + "privacy: {min_count: 6}\n", encoding="utf-8")
    r = et.Report(p)
    (sentence,) = [s for s in goal_section.page_one(r) if "fortfarande inskrivna" in s]
    assert "var färre än 6 fortfarande inskrivna" in sentence


# --- a prolonged project whose goals set the extension's own targets --------------------------------------------
def _prolonged(tmp_path, goals: str):
    """A project planned for 2024–2025, prolonged to 2026-06-30; six persons a year start in 2024, 2025 and 2026."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for i in range(18):
        year = 2024 + i // 6
        ws.append([f"F{i:02d}", "man", 1985, "ensamstående", dt.datetime(year, 1 + i % 6, 3),
                   dt.datetime(year, 6 + i % 6, 20), "arbete"])
    wb.save(tmp_path / "data/deltagare.xlsx")
    return _params(tmp_path, textwrap.dedent("""\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31, actual_end: 2026-06-30}
    data_as_of: 2026-06-30
    data: {participants: data/deltagare.xlsx}
    goals:
    """) + goals)


OWN = """\
      - id: deltagare
        kind: participant_count
        label: Minst 6 deltagare per år, under förlängningen minst 3
        targets: {1: 6, 2: 6, 3: 3}
        period: project_year
"""
SAME = """\
      - id: samma
        kind: participant_count
        label: Minst 5 deltagare per år
        target: 5
        period: project_year
"""
WHOLE = """\
      - id: totalt
        kind: participant_count
        label: Totalt minst 15 deltagare under projekttiden
        target: 15
        period: whole_period
"""


def _intro(r) -> str:
    first = next(part for block in goal_section.blocks(r) for part in block if isinstance(part, Text))
    (line,) = [p for p in first.paragraphs if p.startswith(("Projektet förlängdes", "The project was prolonged"))]
    return line


@pytest.mark.parametrize("goals, lang, said", [
    (OWN, "sv", "förlängningstiden med det målvärde som varje mål anger för respektive år."),
    (OWN, "en", "the extra time with the target each goal sets for each year."),
    (SAME, "sv", "förlängningstiden med samma målvärde per år som ansökan."),
    (OWN + SAME, "sv", "förlängningstiden med det målvärde som målet anger för respektive år där målet har ett eget "
                       "per år, annars med samma målvärde per år som ansökan."),
    (OWN + WHOLE, "sv", "förlängningstiden med det målvärde som varje mål anger för respektive år, och ett mål för "
                        "hela perioden över hela den förlängda tiden med samma målvärde."),
    (WHOLE, "sv", "Målen räknas till det nya slutet: ett mål för hela perioden över hela den förlängda tiden med "
                  "samma målvärde."),
])
def test_a_prolonged_projects_goal_intro_names_the_targets_its_goals_have_in_the_extra_time(tmp_path, goals, lang,
                                                                                             said):
    """The intro said every goal kept the application's yearly target in the extra time, and spoke of a goal for
    the whole period, whatever the goals were: a goal whose targets give year 3 its own target (3, not 6) was
    described as keeping 6, and a project without a whole-period goal was told how one is counted."""
    r = et.Report(_prolonged(tmp_path, goals), lang=lang)
    line = _intro(r)
    assert line.endswith(said)
    if goals == OWN:
        assert "ansökan" not in line and "whole period" not in line and "hela perioden" not in line
        year3 = r.goals.table.set_index(["goal_id", "period_key"]).loc[("deltagare", "år3")]
        assert (year3["value"], year3["target"]) == (6, 3)  # (F12–F17 start in 2026; the extension's own 3)


# --- page 1's intake per project year: the running year's is so far ---------------------------------------------
def test_page_one_says_the_running_project_years_intake_is_so_far(tmp_path):
    """Eleven start in year 1 (2025), five so far in year 2 (2026-01-15 to 2026-05-15; the data end 2026-05-31,
    the project 2026-12-31): the five are year 2's intake so far, not its intake."""
    from evaltools.present.sections import summary
    r = et.Report(_interim(tmp_path, later=5))
    assert summary.running_project_year(r.params) == 2
    assert "Projektet har haft 16 deltagare (11 under år 1 och 5 hittills under år 2)." in \
        summary.participation(r)
    en = et.Report(_interim(tmp_path, later=5), lang="en")
    assert "The project has had 16 participants (11 in year 1 and 5 so far in year 2)." in \
        summary.participation(en)


@pytest.mark.parametrize("end, as_of, running", [
    ("2026-12-31", "2026-05-31", 2),   # in year 2 (2026-01-01 – 2026-12-31)
    ("2026-12-31", "2025-12-31", None),  # year 1's last day: year 1 is whole, year 2 not begun
    ("2026-12-31", "2025-06-30", 1),
    ("2025-12-31", "2026-01-31", None),  # ended: no year runs
])
def test_the_running_project_year_is_the_one_the_analysis_date_falls_inside(tmp_path, end, as_of, running):
    from evaltools.present.sections import summary
    body = f"""\
    kind: individ
    period: {{start: 2025-01-01, planned_end: {end}}}
    data_as_of: {as_of}
    """
    project = et.load_project(_params(tmp_path, body))
    assert summary.running_project_year(project.params) == running


@pytest.mark.parametrize("target, said", [
    # 5 of 6 ended succeeded, 5 still enrolled: none of them a success gives 5 of 11 (45,5 %), all of them 10 of 11
    # (90,9 %); against 30 % both are reached, against 50 % the first is partly reached (45,5 % >= 0,8 * 50 % = 40 %)
    ("0.3", "Hur de än avslutas hamnar andelen mellan 45,5\xa0% (ingen av dem lyckas) och 90,9\xa0% (alla lyckas), och "
            "utfallet mot målvärdet blir detsamma."),
    ("0.5", "Beroende på hur de avslutas kan andelen hamna mellan 45,5\xa0% (ingen av dem lyckas) och 90,9\xa0% (alla "
            "lyckas), så bedömningen kan ändras."),
])
def test_the_goal_table_says_whether_those_still_enrolled_could_change_the_verdict(tmp_path, target, said):
    (note,) = goal_section.still_enrolled_notes(et.Report(_interim(tmp_path, target=target)))
    assert note.endswith(said)


def test_no_bounds_where_the_still_enrolled_are_fewer_than_the_privacy_limit(tmp_path):
    """The bounds would give the number withheld as 'färre än 6'."""
    p = _interim(tmp_path)
    p.write_text(p.read_text(encoding="utf-8") + "privacy: {min_count: 6}\n", encoding="utf-8")
    (note,) = goal_section.still_enrolled_notes(et.Report(p))
    assert "färre än 6" in note and "lyckas" not in note
