"""Questionnaire answers in the participants' groups from a löpnummer the participant file does not have: they are
no participant's answers, so they are kept in the file but not used, with a warning naming the file, the row, the
column and the group (the löpnummer itself never printed in the report); counted, they raised the response rate
above what it was. An id that lost its leading zeros in Excel is the error it is for a payments file. Each fixture
is a tiny project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt

import pytest

import evaltools as et
from evaltools.analysis import survey as A
from evaltools.data.errors import DataValidationError

SURVEY = """\
id: svar
title: Svarsprojektet
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-03-31
granted_sek: 1500000
data: {participants: data/deltagare.csv, responses: data/svar.csv, questions: data/fragor.csv}
goals:
  - id: livskvalitet
    kind: survey
    measure: level
    label: Minst 60 % av deltagarna ska vid avslut skatta sin livskvalitet till 4 eller 5
    question: F1
    group: deltagare_avslut
    level: 4
    target: 0.6
    period: whole_period
"""


def _csv(path, lines: list[str]) -> None:
    """A CSV as Excel on Windows saves it: semicolons, Windows-1252, CRLF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def _project(tmp_path, strays: list[tuple[str, str, int]], ids=lambda i: f"D{i:02d}"):
    """Eight participants who all left; D00..D04 answered at exit (4, 4, 4, 2, 2: three of five at 4 or more),
    then the rows ``strays`` (löpnummer, group, answer) below them (the file's rows 7 on), a week apart."""
    people = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"]
    answers = ["respondent_id;respondent_group;date;question;answer"]
    for i in range(8):
        start = dt.date(2024, 2, 1) + dt.timedelta(days=14 * i)
        end = start + dt.timedelta(days=200)
        people.append(f"{ids(i)};{('kvinna', 'man')[i % 2]};{1970 + i};ensamstående;{start};{end};arbete")
    for i, answer in enumerate([4, 4, 4, 2, 2]):
        answers.append(f"D{i:02d};deltagare_avslut;2024-12-02;F1;{answer}")
    answers += [f"{pid};{group};{dt.date(2024, 12, 9) + dt.timedelta(days=7 * j)};F1;{answer}"
                for j, (pid, group, answer) in enumerate(strays)]
    _csv(tmp_path / "data/deltagare.csv", people)
    _csv(tmp_path / "data/svar.csv", answers)
    _csv(tmp_path / "data/fragor.csv", ["code;wording_sv;scale_min;scale_max", "F1;Hur skattar du din livskvalitet?;1;5"])
    p = tmp_path / "svar.yaml"
    p.write_text(SURVEY, encoding="utf-8")
    return p


def test_answers_from_a_lopnummer_not_in_the_participant_file_are_not_counted(tmp_path):
    # X91 answered twice at exit (rows 7 and 8), X92 once (row 9), both 5: counted, the goal would be 5 of 8 at 4
    # or more of 8 answering, of 8 asked (a response rate of 100 %); without them 3 of 5, of 8 asked (62.5 %)
    project = et.load_project(_project(tmp_path, [("X91", "deltagare_avslut", 5), ("X91", "deltagare_avslut", 5),
                                                  ("X92", "deltagare_avslut", 5)]))
    warned = [w for w in project.warnings if w.key == "survey.unknown_respondent"]
    assert [(w.file.endswith("svar.csv"), w.row, w.column, w.value) for w in warned] == [
        (True, 7, "respondent_id", "X91"), (True, 9, "respondent_id", "X92")]
    assert "deltagare_avslut" in warned[0].note("sv") and "rad 7, 8" in warned[0].note("sv")
    assert "row 9" in warned[1].note("en")
    goal = next(g for g in project.params.goals if g.id == "livskvalitet")
    counts = A.goal_counts(project, goal)
    assert (counts.successes, counts.denominator, counts.respondents, counts.invited) == (3, 5, 5, 8)


def test_a_staff_group_is_not_checked_against_the_participant_file(tmp_path):
    # staff (personal) are not in the participant file: their löpnummer are theirs, no warning, their answers kept
    project = et.load_project(_project(tmp_path, [("H1", "personal", 5), ("H2", "personal", 3)]))
    assert not [w for w in project.warnings if w.key == "survey.unknown_respondent"]
    assert sorted(project.responses.loc[project.responses["respondent_group"] == "personal", "respondent_id"]) == [
        "H1", "H2"]


def test_the_report_never_prints_the_lopnummer_of_an_unknown_respondent(tmp_path):
    from evaltools.present.sections import quality
    project = et.load_project(_project(tmp_path, [("X91", "deltagare_avslut", 5)]))
    report = et.Report(project)
    shown = quality.table(report)  # (file, row, column, value, note in the report's words)
    row = shown[shown.iloc[:, 1] == "7"]
    assert len(row) == 1 and row.iloc[0, 2] == "respondent_id"
    assert "X91" not in " ".join(map(str, row.iloc[0].tolist()))
    assert "X91" not in " ".join(" ".join(map(str, t.values.ravel())) for t in [quality.report_table(report)])


def test_ids_that_lost_their_leading_zeros_are_the_error_they_are_in_a_payments_file(tmp_path):
    # the participant file has 0001..0008, the answers 1..5 (Excel made 0001 a 1): one message naming this file
    with pytest.raises(DataValidationError) as e:
        et.load_project(_lost_zeros(tmp_path))
    lost = [p for p in e.value.problems if p.key == "person.lost_zeros"]
    assert len(lost) == 1 and lost[0].file.endswith("svar.csv") and lost[0].row == 2 and lost[0].value == "1"
    assert "0001" in lost[0].note("sv")


def _lost_zeros(tmp_path):
    """The project above with the participants 0001..0008 and the answers' ids written 1..5."""
    p = _project(tmp_path, [], ids=lambda i: f"{i + 1:04d}")
    lines = (tmp_path / "data/svar.csv").read_bytes().decode("cp1252").split("\r\n")
    fixed = [lines[0]] + [ln.replace(f"D{i:02d};", f"{i + 1};", 1) for i, ln in enumerate(lines[1:]) if ln]
    _csv(tmp_path / "data/svar.csv", fixed)
    return p


def test_a_survey_tools_own_respondent_numbers_are_kept(tmp_path):
    # none of the ids are the participant file's (the tool numbers its respondents S1..S3): they pair a person's
    # answers without naming the participant, so nothing is left out and nothing is warned about
    p = _project(tmp_path, [])
    lines = (tmp_path / "data/svar.csv").read_bytes().decode("cp1252").split("\r\n")
    _csv(tmp_path / "data/svar.csv", [lines[0]] + [ln.replace(f"D{i:02d};", f"S{i + 1};", 1)
                                                   for i, ln in enumerate(lines[1:]) if ln])
    project = et.load_project(p)
    assert not [w for w in project.warnings if w.key.startswith("survey.unknown_respondent")]
    assert sorted(project.responses["respondent_id"]) == ["S1", "S2", "S3", "S4", "S5"]


def test_a_word_off_the_scale_on_many_rows_is_one_message_with_its_rows(tmp_path):
    # an export's 'Ingen åsikt' on three rows (7, 8, 9) and 'Ej aktuellt' on one (10): two messages, not four, the
    # first naming its three rows and the first of them as where to look
    p = _project(tmp_path, [(f"D0{i}", "deltagare_avslut", "Ingen åsikt") for i in (5, 6, 7)])
    lines = (tmp_path / "data/svar.csv").read_bytes().decode("cp1252").split("\r\n")
    _csv(tmp_path / "data/svar.csv", [ln for ln in lines if ln] + ["D04;deltagare_start;2024-03-01;F1;Ej aktuellt"])
    with pytest.raises(DataValidationError) as e:
        et.load_project(p)
    off = [(x.key, x.row, x.value) for x in e.value.problems if x.key.startswith("survey.answer_")]
    # (both are a survey tool's options that take no position: each is told to be written 'vet ej')
    assert off == [("survey.answer_no_opinion", 7, "Ingen åsikt"), ("survey.answer_no_opinion", 10, "Ej aktuellt")]
    said = next(x for x in e.value.problems if x.key == "survey.answer_no_opinion").note("sv")
    assert "(rad 7, 8, 9)" in said and "1 till 5" in said and "'vet ej'" in said
