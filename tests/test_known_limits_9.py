"""Known limits, ninth round: a person enrolled more than once is one participant (an application's
"deltagare" are persons) in the participant goals and everywhere the number of participants is shown; a goal
set for a group of the participants (``among:``); and page 1's and the method appendix's words for a saving
that is partly measured. Each fixture is a tiny project written in tmp_path; expected values are worked out
by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import goals as goal_section

from .test_unseen_projects import _params
from .test_unseen_projects_10 import _csv


def _person(pid: str, start: str, end: str, outcome: str = "arbete") -> dict:
    return {"person_id": pid, "sex": "kvinna", "birth_year": 1990, "household_type": "ensamstående",
            "start_date": start, "end_date": end, "outcome": outcome}


# Project years: år 1 = 2023, år 2 = 2024.
#   P01–P05 enrolled twice in år 1 (ended, came back in the autumn): 10 enrolments, 5 persons in år 1
#   P06–P10 enrolled in år 1 and again in år 2:                       5 + 5 enrolments, 5 persons in each year
#   P11–P16 enrolled once in år 2:                                    6 enrolments, 6 persons
#   P17–P21 enrolled once in år 1:                                    5 enrolments, 5 persons
# år 1: persons P01–P10 and P17–P21 = 15 (enrolments 10 + 5 + 5 = 20)
# år 2: persons P06–P16 = 11 (enrolments 5 + 6 = 11)
# in all: 21 persons (P01–P21), 31 enrolments, 10 of the persons enrolled more than once (P01–P10)
def _rows() -> list[dict]:
    rows = []
    for i in range(1, 6):
        rows.append(_person(f"P{i:02d}", "2023-02-01", "2023-05-31", "avbrott"))
        rows.append(_person(f"P{i:02d}", "2023-09-01", "2023-12-15"))
    for i in range(6, 11):
        rows.append(_person(f"P{i:02d}", "2023-03-01", "2023-10-31", "avbrott"))
        rows.append(_person(f"P{i:02d}", "2024-03-01", "2024-10-31"))
    rows += [_person(f"P{i:02d}", "2024-02-01", "2024-09-30") for i in range(11, 17)]
    rows += [_person(f"P{i:02d}", "2023-04-01", "2023-11-30") for i in range(17, 22)]
    return rows


PERSONS = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data_as_of: 2025-03-31
    data: {participants: data/participants.csv, budget: data/budget.csv}
    goals:
      - id: per_ar
        kind: participant_count
        label: Minst 12 deltagare per projektår
        target: 12
      - id: totalt
        kind: participant_count
        label: Minst 20 deltagare under projekttiden
        target: 20
        period: whole_period
    """


def _persons_project(tmp_path, rows=None, body=PERSONS):
    _csv(tmp_path / "data/participants.csv", rows or _rows())
    # 1 050 000 kr used: 50 000 kr for each of the 21 persons (33 871 kr for each of 31 enrolments)
    _csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "Personal", "budget": 1_050_000,
                                         "actual": 1_050_000}])
    return et.load_project(_params(tmp_path, body))


def test_a_participant_goal_counts_persons_once_a_period_and_once_in_all(tmp_path):
    project = _persons_project(tmp_path)
    tab = et.assess_goals(project).table.set_index(["goal_id", "period_key"])
    assert tab.loc[("per_ar", "år1"), "value"] == 15  # not its 20 enrolments
    assert tab.loc[("per_ar", "år2"), "value"] == 11  # P06–P10 count in both years
    assert tab.loc[("per_ar", "år1"), "enrolments"] == 20
    assert tab.loc[("totalt", "hela"), "value"] == 21  # each person once, not 15 + 11 = 26, nor 31
    assert tab.loc[("totalt", "hela"), "total_enrolments"] == 31
    assert tab.loc[("totalt", "hela"), "returned"] == 10
    # 15 ≥ 12 reached; 11 < 12 but ≥ 0,8 × 12 = 9,6: partly
    assert tab.loc[("per_ar", "år1"), "status"] == "uppnått" and tab.loc[("per_ar", "år2"), "status"] == "delvis"
    assert tab.loc[("totalt", "hela"), "status"] == "uppnått"


def test_the_goal_table_says_how_many_enrolments_the_persons_had(tmp_path):
    project = _persons_project(tmp_path)
    sv = goal_section.enrolment_notes(et.Report(project, lang="sv"))
    assert ("Minst 20 deltagare under projekttiden: målet räknar personer. De 21 personerna skrevs in 31 gånger "
            "(10 av dem mer än en gång); var och en räknas en gång i varje period hen skrevs in och en gång "
            "sammanlagt.") in sv
    en = goal_section.enrolment_notes(et.Report(project, lang="en"))
    assert any("the goal counts persons. The 21 persons were enrolled 31 times (10 of them more than once)" in n
               for n in en)


def test_every_place_that_shows_the_number_of_participants_shows_the_persons(tmp_path):
    from openpyxl import load_workbook

    from evaltools.present.figures import report_figures
    from evaltools.present.portfolio import _row
    from evaltools.publish.workbook import export_report
    project = _persons_project(tmp_path)
    r = et.Report(project, lang="sv")
    said = " ".join(r.key_findings())
    assert "Projektet har haft 21 deltagare (15 under år 1 och 11 under år 2)." in said
    assert "De 21 deltagarna skrevs in 31 gånger: 10 av dem mer än en gång." in said
    # the participants chart: persons per intake year, each once in a year (a share of the 21)
    comp = et.composition(project, by="project_year").raw.set_index("category")
    assert comp.loc[1, "n"] == 15 and comp.loc[2, "n"] == 11
    assert comp.loc[1, "share"] == pytest.approx(15 / 21)
    assert et.composition(project, by="sex").raw.set_index("category").loc["kvinna", "n"] == 21
    # the cost per participant: 1 050 000 kr / 21 persons
    s = r.cba.summary
    assert s.participants == 21 and s.cost_per_participant == pytest.approx(50_000)
    assert "50 000 kr per deltagare" in said.replace("\xa0", " ")
    # the portfolio's row and the workbook's key figures
    assert _row(project, "sv")["participants"] == 21
    book = load_workbook(next(p for p in export_report(r, tmp_path / "out") if p.suffix == ".xlsx"))
    cells = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    pairs = [(row[i], row[i + 1]) for row in cells for i in range(len(row) - 1)]
    assert ("Deltagare", 21) in pairs
    figures = {n: f.value for n, f in report_figures(r).items()}
    assert figures["antal_deltagare"] == 21 and figures["antal_deltagare_ar1"] == 15


def test_a_hidden_year_keeps_the_goals_total_of_persons_not_the_sum_of_its_years(tmp_path):
    # Q1–Q6 enrolled in år 1; Q1–Q3 came back in år 2: år 2 has 3 persons (<5), so år 1 is hidden beside it,
    # and the goal's total is its 6 persons (not 6 + 3 = 9); 3 came back, fewer than 5: no numbers in the note
    rows = [_person(f"Q{i}", "2023-02-01", "2023-06-30", "avbrott") for i in range(1, 7)]
    rows += [_person(f"Q{i}", "2024-02-01", "2024-06-30") for i in range(1, 4)]
    project = _persons_project(tmp_path, rows)
    tab = et.assess_goals(project).table
    per_year = tab[tab["goal_id"] == "per_ar"]
    assert per_year["value"].isna().all()
    assert (per_year["total"] == 6).all()
    notes = goal_section.enrolment_notes(et.Report(project, lang="sv"))
    assert notes[0] == ("Minst 12 deltagare per projektår: målet räknar personer. Några av dem skrevs in mer än en "
                        "gång; var och en räknas en gång i varje period hen skrevs in och en gång sammanlagt.")
