"""Questionnaires as an evaluator gets them: exported from Netigate or Esmaker (the answers as the scale's words,
"Vet ej", blanks), from Google Forms (a Tidsstämpel column, "4 - Stämmer ganska bra"), paper forms typed into
Excel (one row per respondent, "3,5", "4?", "x"), a count row "Antal svar" under the table, and a staff goal on a
group asked in two rounds. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the rows written here, and the interval with statsmodels' Clopper–Pearson limits."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from statsmodels.stats.proportion import proportion_confint

import evaltools as et
from evaltools.analysis import survey as A
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.data import survey as SV
from evaltools.data.errors import DataValidationError

from .test_unseen_projects import _params

AGREE = ["Instämmer inte alls", "Instämmer delvis inte", "Varken eller", "Instämmer delvis", "Instämmer helt"]
QUESTIONS = ("code;wording_sv;scale_min;scale_max;labels_sv;labels_en\n"
             f"Q2;Samverkan har förbättrats;1;5;{'|'.join(AGREE)};Strongly disagree|Disagree|Neither|Agree|Strongly agree\n"
             "Q3;Hälsa;1;5;;\n")
STAFF = """\
    kind: struktur
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    target_population: {size: 40, description: handläggare hos parterna}
    data: {responses: data/svar.xlsx, questions: data/questions.csv}
    survey: {invited: {personal: 40}}
    goals:
      - id: samverkan
        kind: survey
        label: Minst 70 % av handläggarna ska anse att samverkan har förbättrats
        question: Q2
        group: personal
        level: 4
        target: 0.7
    """
HEAD = ["respondent_id", "respondent_group", "date", "question", "answer"]


def _workbook(tmp_path, sheets: dict[str, list[list]], questions: str = QUESTIONS) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data/svar.xlsx")
    (tmp_path / "data/questions.csv").write_text(questions, encoding="utf-8")


def _problems(tmp_path, body: str) -> list:
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, body))
    return e.value.problems


# --- answers written as the tool exports them -------------------------------------------------------------------
def test_answers_as_the_scales_words_are_read_as_its_steps_with_dont_know_and_blanks_apart(tmp_path):
    # 2025: 3 'Instämmer helt' (5), 4 'instämmer delvis' (4, lower case), 2 'Varken eller' (3), 1 'Disagree' (2, the
    # English label), 1 'Vet ej', 1 blank: 12 respondents, 10 on the scale, 7 agreeing (4 or 5)
    answers = (["Instämmer helt"] * 3 + ["instämmer delvis"] * 4 + ["Varken eller"] * 2 + ["Disagree", "Vet ej", None])
    rows = [HEAD] + [[f"H{i}", "personal", dt.date(2025, 10, 2), "Q2", a] for i, a in enumerate(answers, 1)]
    _workbook(tmp_path, {"responses": rows})
    project = et.load_project(_params(tmp_path, STAFF))
    counts = A.goal_counts(project, project.params.goals[0])
    assert (counts.successes, counts.denominator, counts.dont_know, counts.missing, counts.respondents) == (7, 10, 1, 1, 12)
    assert counts.response_rate == pytest.approx(12 / 40)
    row = assess_goals(project).table.iloc[0]
    low, high = proportion_confint(7, 10, alpha=0.05, method="beta")
    assert (row.ci_low, row.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert row.status == GoalStatus.REACHED_UNCERTAIN  # 70 % exactly on the target, the interval spans it


def test_google_forms_numbers_with_their_words_are_read_as_the_number(tmp_path):
    # '4 - Stämmer ganska bra' is 4; '5. Stämmer helt' is 5; '2 – Stämmer dåligt' is 2: two of three at 4 or more
    rows = [HEAD] + [[None, "personal", dt.date(2025, 5, 2), "Q3", a]
                     for a in ("4 - Stämmer ganska bra", "5. Stämmer helt", "2 – Stämmer dåligt")]
    _workbook(tmp_path, {"responses": rows})
    project = et.load_project(_params(tmp_path, STAFF.replace("question: Q2", "question: Q3")))
    assert sorted(project.responses["answer"].tolist()) == [2.0, 4.0, 5.0]


@pytest.mark.parametrize("cell, key, said", [
    ("3,5", "survey.answer_half", "står '3,5'; ett svar mellan två steg (ett kryss mellan två rutor) är inget svar"),
    ("4?", "survey.answer_label", "står '4?'; förväntat ett heltal från 1 till 5 (frågans skala, Q2), en av skalans "
                                  "etiketter ('Instämmer inte alls', 'Instämmer delvis inte', 'Varken eller'"),
    ("x", "survey.answer_label", "står 'x'; förväntat ett heltal från 1 till 5"),
    ("6", "survey.answer_scale", "står '6'; förväntat ett heltal från 1 till 5 (frågans skala, Q2), 'vet ej' eller"),
])
def test_a_paper_forms_unreadable_answer_is_one_message_naming_sheet_row_and_what_to_write(tmp_path, cell, key, said):
    rows = [HEAD, ["1", "personal", dt.date(2025, 3, 1), "Q2", "4"], ["2", "personal", dt.date(2025, 3, 1), "Q2", cell]]
    _workbook(tmp_path, {"responses": rows})
    [only] = _problems(tmp_path, STAFF)
    assert (only.key, only.row, only.column, only.value) == (key, 3, "answer", cell)
    assert only.note("sv").startswith(said)
    assert "svar.xlsx" in only.file


def test_a_half_step_on_a_scale_without_labels_says_what_to_write_too(tmp_path):
    rows = [HEAD, ["1", "personal", dt.date(2025, 3, 1), "Q3", "3,5"]]
    _workbook(tmp_path, {"responses": rows})
    [only] = _problems(tmp_path, STAFF.replace("question: Q2", "question: Q3"))
    assert only.key == "survey.answer_half"
    assert "skriv det steg den svarande valde om det går att se, annars lämna cellen tom" in only.note("sv")
    assert "write the step the respondent chose if it can be seen, else leave the cell empty" in only.note("en")


def test_a_count_row_under_the_table_is_one_message_to_delete_it(tmp_path):
    # 'Antal svar' with the count under the answer column: before, three messages of empty cells on row 4
    rows = [HEAD, ["1", "personal", dt.date(2025, 3, 1), "Q2", "4"], ["2", "personal", dt.date(2025, 3, 1), "Q2", "5"],
            ["Antal svar", None, None, None, 2]]
    _workbook(tmp_path, {"responses": rows})
    [only] = _problems(tmp_path, STAFF)
    assert (only.key, only.row, only.value) == ("row.total", 4, "Antal svar")
    assert "ta bort raden" in only.note("sv")


# --- a row per respondent, a column per question ----------------------------------------------------------------
def test_a_google_forms_sheet_is_named_as_such_in_one_message(tmp_path):
    rows = [["Tidsstämpel", "Samverkan har förbättrats", "Jag känner till uppdragen", "Övrigt"]]
    rows += [[dt.datetime(2025, 5, 2, 10, i), "4 - Stämmer ganska bra", "5 - Stämmer helt", ""] for i in range(6)]
    _workbook(tmp_path, {"Formulärsvar 1": rows})
    [only] = _problems(tmp_path, STAFF)
    assert only.key == "survey.google_export" and only.row is None
    assert only.note("sv").startswith("filen ser ut som svaren från Google Formulär: en kolumn Tidsstämpel, en rad "
                                      "per svarande och en kolumn per fråga (3 frågor: 'Samverkan har förbättrats', "
                                      "'Jag känner till uppdragen', 'Övrigt').")
    assert "saknas" not in only.note("sv")


@pytest.mark.parametrize("sheets", [
    # Netigate: the question texts, then a row of question codes; the answers in words
    {"Export": [["Svarande", "Datum", "Samverkan har förbättrats", "Jag känner till uppdragen"],
                ["ID", "Datum", "Q2", "Q4"]] + [[f"R{i}", dt.date(2025, 10, 2), "Instämmer helt", "Vet ej"]
                                                for i in range(6)]},
    # paper forms typed in, a sheet per round with a Summa row: no message on the sheets alike (their rows are not
    # to be copied under each other as they are)
    {"Före": [["Löpnummer", "Datum", "Fråga 1 Hälsa", "Fråga 2 Tilltro"], [1, dt.date(2024, 3, 1), 3, 4], ["Summa"]],
     "Efter": [["Löpnummer", "Datum", "Fråga 1 Hälsa", "Fråga 2 Tilltro"], [1, dt.date(2025, 3, 1), 4, 4], ["Summa"]]},
])
def test_a_row_per_respondent_is_one_message_saying_what_to_write(tmp_path, sheets):
    _workbook(tmp_path, sheets)
    [only] = _problems(tmp_path, STAFF)
    sv = only.note("sv")
    assert only.key == "survey.wide_export" and only.row is None
    assert sv.startswith("filen har en rad per svarande och en kolumn per fråga (2 frågor: ")
    assert "respondent_id (löpnumret, om samma personer svarar två gånger)" in sv
    assert "ta inte med en rad Summa eller Antal svar" in sv
    assert "each round (each sheet) with its date" in only.note("en")


def test_the_contracts_own_columns_are_not_taken_for_a_row_per_respondent():
    assert SV.wide_questions(["respondent_id", "respondent_group", "date", "question", "answer"]) is None
    assert SV.wide_questions(["Löpnummer", "Datum", "Fråga 1"]) is None  # one question: no such file to name
    assert SV.wide_questions(["Tidsstämpel", "F1", "F2"]) == ("google", ["F1", "F2"])
    # the contract's file with Swedish headings is told which headings to write, not taken for a row per respondent
    assert SV.wide_questions(["Svarande", "Grupp", "Datum", "Fråga", "Svar"]) is None


# --- a goal on a group asked in rounds --------------------------------------------------------------------------
def _two_rounds(tmp_path):
    # the same five staff (H1–H5) answer in 2024 and in 2025: 10 answers of 5 persons
    rows = [HEAD] + [[f"H{i}", "personal", dt.date(year, 10, 2), "Q2", "4"] for year in (2024, 2025) for i in range(1, 6)]
    _workbook(tmp_path, {"responses": rows})


def test_a_level_goal_over_two_rounds_of_the_same_staff_is_refused_with_what_to_write(tmp_path):
    # before: '10 of 10 who answered' beside '5 of 40 asked answered', a share of answers called one of respondents
    _two_rounds(tmp_path)
    [only] = _problems(tmp_path, STAFF)
    assert only.key == "survey.goal_rounds"
    assert only.note("sv") == ("målet 'samverkan' räknar svaren från gruppen personal i flera omgångar (2024, 2025), "
                               "så att den som svarade i båda räknas två gånger och andelen blir en andel av svaren, "
                               "inte av de svarande; skriv answered_from: 2025-10-02 under målet i params-filen för "
                               "att läsa den sista omgången, eller measure: change med before_group: personal för att "
                               "jämföra omgångarna")


def test_the_same_goal_reading_the_last_round_counts_each_person_once(tmp_path):
    _two_rounds(tmp_path)
    body = STAFF.replace("target: 0.7\n", "target: 0.7\n        answered_from: 2025-01-01\n")
    project = et.load_project(_params(tmp_path, body))
    counts = A.goal_counts(project, project.params.goals[0])
    assert (counts.successes, counts.denominator, counts.respondents) == (5, 5, 5)


# --- a level goal's words and its level -------------------------------------------------------------------------
@pytest.mark.parametrize("label, level, said", [
    # 'instämma helt' counted from 4 (Instämmer delvis) would call the partly agreeing fully agreeing
    ("Minst 70 % av handläggarna ska instämma helt i att samverkan har förbättrats", 4,
     "säger 'instämma helt' men räknar svaren från nivå 4 på frågan 'Q2'; skriv level: 5 (Instämmer helt)"),
    ("Minst 70 % av handläggarna ska instämma helt eller delvis i att samverkan har förbättrats", 5,
     "säger 'helt eller delvis' men räknar svaren från nivå 5 på frågan 'Q2'; skriv level: 4 (Instämmer delvis)"),
])
def test_a_level_goal_whose_words_name_other_answers_than_its_level_is_refused(tmp_path, label, level, said):
    rows = [HEAD] + [[f"H{i}", "personal", dt.date(2025, 10, 2), "Q2", "Instämmer helt"] for i in range(1, 6)]
    _workbook(tmp_path, {"responses": rows})
    body = STAFF.replace("Minst 70 % av handläggarna ska anse att samverkan har förbättrats", label)
    [only] = _problems(tmp_path, body.replace("level: 4", f"level: {level}"))
    assert only.key == "survey.goal_level_words" and said in only.note("sv")


@pytest.mark.parametrize("label, level", [
    ("Minst 70 % av handläggarna ska instämma helt i att samverkan har förbättrats", 5),
    ("Minst 70 % av handläggarna ska instämma helt eller delvis i att samverkan har förbättrats", 4),
    ("Minst 70 % av handläggarna ska anse att samverkan har förbättrats", 4),  # (no words of the scale: as written)
])
def test_a_level_goal_whose_words_agree_with_its_level_is_read(tmp_path, label, level):
    rows = [HEAD] + [[f"H{i}", "personal", dt.date(2025, 10, 2), "Q2", "Instämmer helt"] for i in range(1, 6)]
    _workbook(tmp_path, {"responses": rows})
    body = STAFF.replace("Minst 70 % av handläggarna ska anse att samverkan har förbättrats", label)
    project = et.load_project(_params(tmp_path, body.replace("level: 4", f"level: {level}")))
    assert A.goal_counts(project, project.params.goals[0]).successes == 5
