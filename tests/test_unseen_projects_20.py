"""Twentieth sweep of projects unlike the samples, from files made in Excel: a project whose participants go on to
subsidised work (nystartsjobb, lönebidrag, OSA, extratjänst) and whose goal is "minst 30 % ska gå till arbete eller
studier", counted with or without subsidised work as the evaluator writes it and said which; goals an application
sets with a different target for each year in one sentence ("år 1: 12 deltagare, år 2: 14, år 3: 12", "2024: 12,
2025: 10", "20 % första året, 40 % därefter"), judged year by year against their own target (``targets:``) or refused
with the line to write; and a participant list typed by hand whose last row is its total with the count ("Totalt 47").
Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from .conftest import params_refusal


@pytest.fixture(autouse=True)
def _loaded_after_the_data_were_taken(monkeypatch):
    """The projects here were followed up after they ended (data_as_of after the end): loaded on a later day, since a
    data_as_of not yet come is refused."""
    from evaltools.data import project
    monkeypatch.setattr(project, "_today", lambda: dt.date(2027, 4, 1))


def _csv(path, lines: list[str]) -> None:
    """A CSV as Excel on Windows saves it: semicolons, Windows-1252, CRLF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


HEAD = """\
id: jobb
title: Jobbvägen
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2026-12-31}
data_as_of: 2027-03-31
granted_sek: 2400000
data:
  participants: data/deltagare.xlsx
  codes:
    outcome: {'Fått anställning': arbete, 'Nystartsjobb': arbete_med_stöd, 'Lönebidrag': arbete_med_stöd,
              'Börjat studera': studier, 'Kvar på försörjningsstöd': kvar_försörjningsstöd}
goals:
"""

# 36 persons J000..J035, one every 27 days from 2024-02-01, each ending 150 days after the start, their exits as the
# case system writes them: J000-J005 work, J006-J009 nystartsjobb, J010-J012 lönebidrag, J013-J017 studies,
# J018-J029 still on försörjningsstöd, J030-J035 work. Starts: J000 2024-02-01 ... J012 2024-12-17 (13 in year 1,
# 2024), J013 2025-01-13 ... J025 2025-12-29 (13 in year 2), J026 2026-01-25 ... J035 2026-10-30 (10 in year 3).
EXITS = (["Fått anställning"] * 6 + ["Nystartsjobb"] * 4 + ["Lönebidrag"] * 3 + ["Börjat studera"] * 5
         + ["Kvar på försörjningsstöd"] * 12 + ["Fått anställning"] * 6)


def _jobb(tmp_path, goals: str, exits=EXITS):
    """The project's params file, its participants in a workbook saved by Excel (dates as date cells)."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for i, text in enumerate(exits):
        start = dt.date(2024, 2, 1) + dt.timedelta(days=27 * i)
        ws.append([f"J{i:03d}", ("kvinna", "man")[i % 2], 1970 + i % 25, "ensamstående", start,
                   start + dt.timedelta(days=150), text])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "jobb.yaml"
    p.write_text(HEAD + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return p


def _page_one_goals(r) -> list[str]:
    from evaltools.present.sections.summary import answers, question_heading
    heading = "Nådde projektet sina mål?" if r.lang == "sv" else "Did the project reach its goals?"
    return next(sentences for key, _part, sentences in answers(r) if question_heading(r, key) == heading)


# --- 1. subsidised work: counted as the evaluator writes it, and said when the goal's "arbete" leaves it out ------
WORK = """\
- id: arbete
  kind: share
  label: Minst 30 % av de avslutade ska gå till arbete eller studier
  target: 0.3
  denominator: exits
  period: whole_period
"""
LEFT_OUT_SV = ("Målet räknar inte arbete med stöd (anställning med lönebidrag eller lönestöd, nystartsjobb och liknande) "
               "som arbete: de som gick dit räknas inte in i målets siffra.")


def test_subsidised_work_counts_as_work_with_one_line_and_not_without_it(tmp_path):
    without = et.assess_goals(et.load_project(_jobb(tmp_path, WORK + "  success_outcomes: [arbete, studier]\n"))).raw
    # work J000-J005 and J030-J035 (12) and studies J013-J017 (5): 17 of the 36 exits
    assert (without["numerator"].iloc[0], without["denominator"].iloc[0]) == (17, 36)
    with_ = et.assess_goals(et.load_project(_jobb(
        tmp_path, WORK + "  success_outcomes: [arbete, arbete_med_stöd, studier]\n"))).raw
    # and the 4 nystartsjobb and 3 lönebidrag: 17 + 7 = 24 of 36
    assert (with_["numerator"].iloc[0], with_["denominator"].iloc[0]) == (24, 36)


def test_page_one_says_the_goal_leaves_out_subsidised_work_beside_its_verdict(tmp_path):
    r = et.Report(et.load_project(_jobb(tmp_path, WORK + "  success_outcomes: [arbete, studier]\n")), lang="sv")
    said = _page_one_goals(r)
    verdict = next(i for i, s in enumerate(said) if s.startswith("Minst 30"))
    assert said[verdict + 1] == LEFT_OUT_SV


@pytest.mark.parametrize("lang, sentence", [
    ("sv", "”Minst 30\xa0% av de avslutade ska gå till arbete eller studier” räknar inte arbete med stöd (anställning "
           "med lönebidrag eller lönestöd, nystartsjobb och liknande) som arbete, och bland dem det räknar finns sådana "
           "avslut: de räknas inte in i målets siffra. Hur många de är visar avsnittet Utfall."),
    ("en", "“Minst 30\u00a0% av de avslutade ska gå till arbete eller studier” does not count subsidised work (employment "
           "with a wage subsidy, a new start job and the like) as work, and among those it counts some exits went "
           "there: they are not in the goal's figure. The section Outcomes shows how many."),
])
def test_the_goal_section_says_the_goal_leaves_out_subsidised_work(tmp_path, lang, sentence):
    from evaltools.present.sections.goals import subsidised_sentences
    r = et.Report(et.load_project(_jobb(tmp_path, WORK + "  success_outcomes: [arbete, studier]\n")), lang=lang)
    assert subsidised_sentences(r) == [sentence]


@pytest.mark.parametrize("success, exits", [
    ("[arbete, arbete_med_stöd, studier]", EXITS),  # counted: nothing left out
    ("[arbete, studier]", [e if e not in ("Nystartsjobb", "Lönebidrag") else "Fått anställning" for e in EXITS]),
])
def test_nothing_is_said_when_subsidised_work_is_counted_or_no_one_went_there(tmp_path, success, exits):
    from evaltools.present.sections.goals import subsidised_sentences
    r = et.Report(et.load_project(_jobb(tmp_path, WORK + f"  success_outcomes: {success}\n", exits=exits)), lang="sv")
    assert subsidised_sentences(r) == []
    assert LEFT_OUT_SV not in _page_one_goals(r)


def test_a_case_systems_names_for_subsidised_work_are_suggested_as_arbete_med_stod(tmp_path):
    # before, only 'Lönebidrag' and 'Lönestöd' got a suggestion; the others were '?'
    texts = ["Nystartsjobb", "Offentligt skyddad anställning (OSA)", "Extratjänst", "Introduktionsjobb"] * 2
    _csv(tmp_path / "data/deltagare.csv", ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"] + [
        f"K{i};man;1980;ensamstående;2024-0{1 + i % 8}-01;2024-10-01;{t}" for i, t in enumerate(texts)])
    p = tmp_path / "k.yaml"
    p.write_text(HEAD.replace("id: jobb", "id: k").split("data:")[0]
                 + "data: {participants: data/deltagare.csv}\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(p)
    (line,) = [n for n in (q.note("sv") for q in e.value.problems) if "data: codes:" in n]
    assert ("codes: {outcome: {'Nystartsjobb': arbete_med_stöd, 'Offentligt skyddad anställning (OSA)': "
            "arbete_med_stöd, 'Extratjänst': arbete_med_stöd, 'Introduktionsjobb': arbete_med_stöd}}") in line


# --- 2. a different target for each year, in one sentence -------------------------------------------------------
PER_YEAR = """\
- id: antal
  kind: participant_count
  label: "Antal deltagare: år 1: 12, år 2: 14, år 3: 12"
"""


def test_a_target_per_project_year_judges_each_year_against_its_own(tmp_path):
    raw = et.assess_goals(et.load_project(_jobb(tmp_path, PER_YEAR + "  targets: {1: 12, 2: 14, 3: 12}\n"))).raw
    # 13, 13 and 10 persons (see EXITS); year 1: 13 >= 12 reached; year 2: 13 < 14 but >= 0.8 * 14 = 11.2, partly;
    # year 3: 10 < 12 but >= 0.8 * 12 = 9.6, partly (with one target of 12, year 2 would have been reached)
    assert raw["value"].tolist() == [13, 13, 10]
    assert raw["target"].tolist() == [12, 14, 12]
    assert [str(s) for s in raw["status"]] == ["uppnått", "delvis", "delvis"]


def test_a_share_with_a_target_per_year_is_tested_against_each_years_target(tmp_path):
    goal = textwrap.dedent("""\
        - id: stegvis
          kind: share
          label: "20 % till arbete första året, 40 % därefter"
          targets: {1: 0.2, 2: 0.4, 3: 0.4}
          denominator: exits
          success_outcomes: [arbete, arbete_med_stöd]
        """)
    raw = et.assess_goals(et.load_project(_jobb(tmp_path, goal))).raw
    # year 1: J000-J012 all to (subsidised) work, 13 of 13; year 2: J013-J025 studies or still on support, 0 of 13;
    # year 3: J026-J029 still on support, J030-J035 work, 6 of 10 against 40 %: the exact interval spans it
    assert list(zip(raw["numerator"], raw["denominator"], raw["target"])) == [(13, 13, 0.2), (0, 13, 0.4), (6, 10, 0.4)]
    assert [str(s) for s in raw["status"]] == ["uppnått", "ej_uppnått", "uppnått_osäkert"]


@pytest.mark.parametrize("lang, said", [
    ("sv", "mål 1 (id: antal) sätter olika mål för olika år ('Antal deltagare: år 1: 12', 'år 2: 14', 'år 3: 12'), men "
           "target: 12 är samma målvärde för varje år, så varje år bedöms mot det: skriv i stället för target ett "
           "målvärde per år, targets: {1: 12, 2: 14, 3: 12}, och behåll ansökans ord i label"),
    ("en", "goal 1 (id: antal) sets different targets for different years ('Antal deltagare: år 1: 12', 'år 2: 14', "
           "'år 3: 12'), but target: 12 is the same target for every year, so each year is judged against it: instead "
           "of target write a target per year, targets: {1: 12, 2: 14, 3: 12}, and keep the application's words in "
           "label"),
])
def test_a_label_with_a_target_per_year_and_one_target_is_refused_with_the_targets_to_write(tmp_path, lang, said):
    assert said in params_refusal(_jobb(tmp_path, PER_YEAR + "  target: 12\n"), lang)


def test_a_target_for_the_first_year_and_another_thereafter_is_spelt_out_for_every_year(tmp_path):
    goal = textwrap.dedent("""\
        - id: stegvis
          kind: share
          label: "20 % till arbete första året, 40 % därefter"
          target: 0.4
          denominator: exits
        """)
    # a project of three project years (2024-01-01 – 2026-12-31): 20 % in year 1, 40 % in years 2 and 3
    assert "targets: {1: 0.2, 2: 0.4, 3: 0.4}" in params_refusal(_jobb(tmp_path, goal))


def test_calendar_years_in_the_label_give_calendar_years_to_write(tmp_path):
    goal = textwrap.dedent("""\
        - id: antal
          kind: participant_count
          label: "Deltagare per kalenderår: 2024: 12, 2025: 10"
          target: 12
          period: calendar_year
        """)
    # the project runs 2024-2026: 2026 has no target in the label, so it is written '?', and the message asks for it
    # (a line with every year's number does not: the test above)
    assert "targets: {2024: 12, 2025: 10, 2026: ?} (skriv ett tal där det står ?)" in params_refusal(_jobb(tmp_path, goal))


def test_targets_that_miss_a_year_of_the_goal_are_refused_naming_the_years(tmp_path):
    said = params_refusal(_jobb(tmp_path, PER_YEAR + "  targets: {1: 12, 2: 14}\n"))
    assert ("har målvärden (targets) för åren 1, 2, men målet räknas med period: project_year och har åren 1, 2, 3: "
            "skriv ett målvärde för varje år och inga andra, targets: {1: 12, 2: 14, 3: ?}") in said


@pytest.mark.parametrize("label", ["Minst 12 deltagare år 1 och 12 år 2 och 12 år 3", "Minst 10 deltagare under 2024"])
def test_a_label_whose_years_share_one_target_is_read_as_written(tmp_path, label):
    goal = f"- id: antal\n  kind: participant_count\n  label: {label}\n  target: 12\n"
    assert et.load_project(_jobb(tmp_path, goal)).params.goals[0].target == 12


# --- 3. a total row with its count at the foot of a list typed by hand ------------------------------------------
@pytest.mark.parametrize("total", ["Totalt 47", "Summa: 47", "Antal deltagare: 47", "Totalt 47 st"])
def test_a_total_row_with_its_count_is_one_message_to_delete_it(tmp_path, total):
    p = _jobb(tmp_path, PER_YEAR + "  targets: {1: 12, 2: 14, 3: 12}\n")
    wb = openpyxl.load_workbook(p.parent / "data/deltagare.xlsx")
    wb.active.append([])  # (an empty row between the list and its total, as people leave it)
    wb.active.append([total])
    wb.save(p.parent / "data/deltagare.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(p)
    # before: three messages about its empty sex, household type and start date
    (only,) = e.value.problems
    assert only.row == 39  # header row 1, 36 persons on rows 2-37, an empty row 38, the total on row 39
    assert only.note("sv") == (f"raden ser ut som en summarad ('{total}'); i den här filen läses varje rad som en "
                               "person: ta bort raden (rapporten räknar summorna själv)")
