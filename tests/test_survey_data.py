"""The questionnaire files of the data contract: reading, checking, the Excel template's sheets."""
from __future__ import annotations

import math

import openpyxl
import pytest

import evaltools as et
from evaltools.data import survey as SV
from evaltools.data.errors import DataValidationError, PersonalIdentityNumberError
from evaltools.data.template import write_template

from .conftest import write_csv

QUESTIONS = [
    {"code": "F1", "wording_sv": "Jag ser ljust på framtiden", "wording_en": "I am hopeful", "scale_min": 1,
     "scale_max": 5, "labels_sv": "a|b|c|d|e", "labels_en": "", "positive": "hög"},
    {"code": "F2", "wording_sv": "Jag känner mig stressad", "wording_en": "", "scale_min": 1, "scale_max": 4,
     "labels_sv": "", "labels_en": "", "positive": "låg"},
    {"code": "F3", "wording_sv": "Något annat du vill säga?", "wording_en": "", "scale_min": "", "scale_max": "",
     "labels_sv": "", "labels_en": "", "positive": ""},
]
DATA = """\
data:
  participants: data/participants.csv
  responses: data/responses.csv
  questions: data/questions.csv
"""


def _row(rid, group, date, q, answer):
    return {"respondent_id": rid, "respondent_group": group, "date": date, "question": q, "answer": answer}


def _write(tiny_project, responses, questions=QUESTIONS):
    write_csv(tiny_project.dir / "data/questions.csv", questions)
    write_csv(tiny_project.dir / "data/responses.csv", responses)
    return tiny_project(data_block=DATA)


def test_responses_read_with_dont_know_and_missing_kept_apart_and_free_text_dropped(tiny_project):
    params = _write(tiny_project, [
        _row("R1", "deltagare_start", "2022-02-01", "F1", "2"),
        _row("R1", "deltagare_start", "2022-02-01", "F2", "vet ej"),
        _row("R1", "deltagare_start", "2022-02-01", "F3", "en mening om handläggaren"),
        _row("", "personal", "2022-03-01", "F1", ""),
    ])
    p = et.load_project(params)
    r = p.responses
    assert r["answer"].iloc[0] == 2.0
    assert math.isnan(r["answer"].iloc[1]) and r["dont_know"].tolist() == [False, True, False, False]
    assert r["missing"].tolist() == [False, False, False, True]
    assert r["free_text"].tolist() == [False, False, True, False]
    assert "handläggaren" not in r.to_string()  # the words are gone
    qs = SV.questions_by_code(p.questions)
    assert qs["F1"].labels("en") == ("a", "b", "c", "d", "e")  # no English labels: the Swedish ones
    assert qs["F2"].labels("sv") == ("1", "2", "3", "4") and qs["F2"].oriented(1) == 4
    assert qs["F3"].free_text


def test_a_project_without_questionnaires_is_unchanged(tiny_project):
    p = et.load_project(tiny_project())
    assert p.responses is None and p.questions is None


def test_every_problem_of_both_files_is_named_by_row_and_column(tiny_project):
    bad_questions = [*QUESTIONS, {"code": "F1", "wording_sv": "dubblett", "wording_en": "", "scale_min": 1,
                                  "scale_max": 3, "labels_sv": "x|y", "labels_en": "", "positive": "hög"}]
    params = _write(tiny_project, [
        _row("R1", "deltagare_start", "2022-02-01", "F1", "7"),       # off the scale
        _row("R1", "deltagare", "2022-02-01", "F2", "2"),             # unknown group
        _row("R2", "personal", "2022-02-01", "F9", "2"),              # unknown question
        _row("R2", "personal", "2022-02-01", "F1", "3"),
        _row("R2", "personal", "2022-02-01", "F1", "4"),              # answered twice
    ], bad_questions)
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    got = {(p.file.rsplit("/", 1)[-1], p.row, p.column, p.key) for p in e.value.problems}
    assert got == {
        ("questions.csv", 5, "code", "survey.question_duplicate"),
        ("questions.csv", 5, "labels_sv", "survey.labels_count"),
        ("responses.csv", 2, "answer", "survey.answer_scale"),
        ("responses.csv", 3, "respondent_group", "cell.bad"),
        ("responses.csv", 4, "question", "survey.unknown_question"),
        ("responses.csv", 6, "question", "survey.answer_duplicate"),
    }
    sv = e.value.message("sv")
    assert "förväntat ett heltal från 1 till 5" in sv and "frågekoden 'F9' finns inte i frågefilen" in sv


def test_a_personnummer_in_a_free_text_answer_refuses_the_file(tiny_project):
    params = _write(tiny_project, [_row("R1", "personal", "2022-02-01", "F3", "ring 19850101-1234")])
    with pytest.raises(PersonalIdentityNumberError):
        et.load_project(params)


def test_responses_need_a_questions_file(tiny_project):
    write_csv(tiny_project.dir / "data/responses.csv", [_row("R1", "personal", "2022-02-01", "F1", "2")])
    with pytest.raises(et.ParamsError) as e:
        et.load_project(tiny_project(data_block="data:\n  responses: data/responses.csv\n"))
    assert "questions" in str(e.value)


def test_the_template_has_both_questionnaire_sheets_with_drop_downs(tmp_path):
    wb = openpyxl.load_workbook(write_template(tmp_path / "mall.xlsx"))
    assert wb.sheetnames == ["participants", "payments", "budget", "responses", "questions", "earnings", "benefits", "Koder",
                            "Kolumner"]
    ws = wb["responses"]
    header = [c.value for c in ws[3]]
    assert header == [c.name for c in SV.RESPONSES.columns]
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    group_col = openpyxl.utils.get_column_letter(header.index("respondent_group") + 1)
    question_col = openpyxl.utils.get_column_letter(header.index("question") + 1)
    assert lists[f"{question_col}4"] == "'questions'!$A$4:$A$2000"  # the codes written on the questions sheet
    sheet, cells = lists[f"{group_col}4"].split("!")
    codes = [row[0].value for row in wb[sheet.strip("'")][cells.replace("$", "")]]
    assert codes == ["deltagare_start", "deltagare_avslut", "personal", "styrelse", "chefer", "remittenter"]
    positive = [c.value for c in wb["questions"][3]].index("positive")
    q_lists = [dv for dv in wb["questions"].data_validations.dataValidation if dv.type == "list"]
    assert [str(dv.sqref).split(":")[0] for dv in q_lists] == [f"{openpyxl.utils.get_column_letter(positive + 1)}4"]


def test_a_survey_goal_needs_the_files_and_a_question_on_a_scale(tiny_project):
    goal = "goals:\n  - {id: g, kind: survey, label: G, question: %s, level: 4, target: 0.7}\n"
    with pytest.raises(et.ParamsError) as e:
        et.load_params(tiny_project(goal % "F1"))
    assert "data.responses och data.questions" in str(e.value)
    params = _write(tiny_project, [_row("R1", "personal", "2022-02-01", "F1", "2")])
    text = params.read_text(encoding="utf-8")
    for code, key in (("F9", "survey.goal_question"), ("F3", "survey.goal_free_text")):
        params.write_text(text + goal % code, encoding="utf-8")
        with pytest.raises(DataValidationError) as e:
            et.load_project(params)
        assert [(p.column, p.key) for p in e.value.problems] == [("code", key)]
