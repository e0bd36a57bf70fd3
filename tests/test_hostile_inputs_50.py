"""Hostile or careless input through the newest readers: a questionnaire's answer that Python reads as a number no
scale holds ('inf', 400 digits); a status column translated twice in data.codes by texts that differ in letter case
alone. Each ends in one clear message naming the file (or the params key), the row, the column and the value, never a
traceback or a value silently read otherwise than the file says. Tiny projects in tmp_path; expected words worked out
by hand."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import evaltools as et


from .conftest import load_problems, params_refusal
from .test_survey_48 import AGREE as _AGREE_WORDS
from .test_survey_48 import STAFF as _STAFF_ASKED
from .test_unseen_projects import _params
from .test_unseen_projects_38 import CODES, _cleaned
from .test_unseen_projects_38 import _lotsen as lotsen

# the staff goal of the questionnaire sweep, without its number asked (a response rate is not what is checked here)
AGREE = "|".join(_AGREE_WORDS)
STAFF = _STAFF_ASKED.replace("    survey: {invited: {personal: 40}}\n", "")


def _survey(tmp_path: Path, answers: list[object]) -> Path:
    """Staff answers to Q2 (a 1-5 scale with its words) in Excel, one per row from row 2, and the questions file."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "responses"
    ws.append(["respondent_id", "respondent_group", "date", "question", "answer"])
    for i, answer in enumerate(answers, 1):
        ws.append([f"H{i}", "personal", dt.date(2025, 10, 2), "Q2", answer])
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / "svar.xlsx")
    (tmp_path / "data" / "questions.csv").write_text(
        f"code;wording_sv;scale_min;scale_max;labels_sv\nQ2;Samverkan har förbättrats;1;5;{AGREE}\n", encoding="utf-8")
    return _params(tmp_path, STAFF)


# --- an answer Python reads as infinity ------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["inf", "-Infinity", "1e400", "4" + "0" * 400])
def test_an_answer_read_as_infinity_is_an_answer_off_the_scale(tmp_path, typed):
    """'inf', '-Infinity' and '1e400' are numbers to Python (the last too large, so infinity), as is a cell of 400
    digits: rounding it to a step of the scale stopped the load with an OverflowError. It is an answer off the scale,
    on row 4 (below the header and two good answers), with the scale's labels to write."""
    problems = load_problems(_survey(tmp_path, ["4", "5", typed]))
    assert [(Path(p.file).name, p.row, p.column) for p in problems] == [("svar.xlsx", 4, "answer")]
    said = problems[0].text("sv")
    assert f"står '{typed[:57]}" in said and "ett heltal från 1 till 5" in said and "'Instämmer helt'" in said


# --- data.codes: one text twice, an empty text ----------------------------------------------------------------------
def _lotsen(tmp_path: Path, codes: str) -> Path:
    """The lotsfunktion's status list (tests/test_unseen_projects_38) with ``codes`` as its data.codes line."""
    params = lotsen(tmp_path, _cleaned())
    params.write_text(params.read_text(encoding="utf-8").replace(f"codes: {CODES}", f"codes: {codes}"),
                      encoding="utf-8")
    return params


def test_one_text_twice_in_two_letter_cases_with_two_codes_is_refused(tmp_path):
    """'Avslutad – arbete': arbete and 'AVSLUTAD – ARBETE': studier are one text to the cells (matched whatever their
    case), and the last one read won without a word: rows 2 and 9 (L001, L008) were read as studier."""
    codes = ("{outcome: {'Avslutad – arbete': arbete, 'AVSLUTAD – ARBETE': studier, 'Avslutad – studier': studier, "
             "'Avslutad – AF-aktivitet': arbetssökande}}")
    said = params_refusal(_lotsen(tmp_path, codes))
    assert ("data.codes.outcome översätter 'Avslutad – arbete' till arbete och 'AVSLUTAD – ARBETE' till studier"
            in said) and "behåll en av raderna" in said


def test_one_text_twice_with_one_code_is_read(tmp_path):
    codes = ("{outcome: {'Avslutad – arbete': arbete, ' AVSLUTAD – ARBETE': arbete, 'Avslutad – studier': studier, "
             "'Avslutad – AF-aktivitet': arbetssökande}}")
    project = et.load_project(_lotsen(tmp_path, codes))
    # L001 and L008 to work, L005 to studies, as the list says
    assert sorted(project.participants.loc[project.participants["outcome"].isin(["arbete", "studier"]),
                                           "person_id"]) == ["L001", "L005", "L008"]


@pytest.mark.parametrize("codes, column, code, lang, words", [
    ("{outcome: {'Avslutad – arbete': arbete, '': arbete}}", "outcome", "arbete", "sv",
     "varje tom cell i kolumnen skulle läsas som arbete"),
    ("{sex: {'  ': kvinna}}", "sex", "kvinna", "en", "every empty cell of the column would be read as kvinna"),
])
def test_an_empty_text_in_data_codes_is_refused(tmp_path, codes, column, code, lang, words):
    """An empty text (or spaces) matched every empty cell: L006's and L007's empty status (still enrolled) became
    'arbete' and asked for an end date; an unknown sex would have become 'kvinna' without a word."""
    said = params_refusal(_lotsen(tmp_path, codes), lang)
    assert f"data.codes.{column} " in said and words in said


# --- a budget cell of 400 digits ------------------------------------------------------------------------------------
WIDE = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025"]


def _wide_budget(tmp_path: Path, rows: list[list]) -> Path:
    """A wide budget follow-up (a column per year's budget and utfall), headings on row 1, lines from row 2."""
    return _sheets(tmp_path, {"Budget": [WIDE, *rows]})


@pytest.mark.parametrize("typed", ["9" * 400, "1e400"])
def test_a_budget_cell_python_reads_as_infinity_is_named_as_written_and_shown_short(tmp_path, typed):
    """Row 3's 'Budget 2024' holds 400 nines typed as text (or '1e400'): the wide budget's reading summed the cell to
    'inf' and the message said the cell held 'inf'; the cell's hint then echoed all 400 digits."""
    params = _wide_budget(tmp_path, [["Personal", 900000, 880000, 950000, 940000],
                                     ["Övrigt", typed, 95000, 100000, 98000]])
    problems = load_problems(params)
    assert [(p.row, p.column) for p in problems] == [(3, "Budget 2024")]
    said = problems[0].text("sv")
    assert f"står '{typed[:57]}" in said and "'inf'" not in said
    assert "9" * 58 not in said  # (each echo cut after 57 characters, as a cell is shown)


# --- a formula saved without its result in a cell that may not be empty ---------------------------------------------
def test_a_formula_without_its_result_in_a_required_cell_is_one_message(tmp_path):
    """The status list (rows 2-9) with row 2's Löpnr '=HYPERLINK(...)' and row 3's Kön "=cmd|' /C calc'!A0", saved by
    a program that calculates no formulas: each cell had the formula's message and 'cellen är tom' besides."""
    rows = [list(r) for r in _cleaned()]
    rows[0][0] = '=HYPERLINK("http://example.org","L001")'
    rows[1][1] = "=cmd|' /C calc'!A0"
    params = lotsen(tmp_path, rows)
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "Löpnr", "cell.formula"), (3, "Kön", "cell.formula")]
    assert "=cmd|’ /C calc’!A0" in problems[1].text("sv")  # (quoted with its quotes turned, never run)


def test_a_budget_line_named_by_a_formula_without_its_result_is_one_message(tmp_path):
    """Row 3's Kostnadsslag '=HYPERLINK("http://x")' without its result: the formula's message and 'cellen är tom'."""
    params = _wide_budget(tmp_path, [["Personal", 900000, 880000, 950000, 940000],
                                     ['=HYPERLINK("http://x")', 100000, 95000, 100000, 98000]])
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "Kostnadsslag", "cell.formula")]


# --- a share above 100 % in a goal's words --------------------------------------------------------------------------
def _share_goal(label: str) -> str:
    return ("goals:\n  - id: arbete\n    kind: share\n"
            f"    label: '{label}'\n"
            "    target: 0.3\n    period: whole_period\n    denominator: exits\n    success_outcomes: [arbete, studier]\n")


@pytest.mark.parametrize("label, words, lang, wrong", [
    # the target told before: 'skriv target: 1.5', a target itself refused
    ("Minst 150 % ska gå till arbete eller studier", "150 %", "sv", "target: 1.5"),
    # the others' share told before: 'minst -0.5 (till exempel 'Minst -50 % ...')'
    ("Andelen med försörjningsstöd ska minska till 150 %", "150 %", "en", "-0.5"),
    ("Högst 99999999999999999999 % ska avbryta", "99999999999999999999 %", "sv", "-1e+18"),
])
def test_a_share_above_100_percent_in_a_goals_words_is_refused_as_such(tmp_path, label, words, lang, wrong):
    said = params_refusal(lotsen(tmp_path, _cleaned(), _share_goal(label)), lang)
    assert f"'{words}'" in said and ("en andel över 100 %" if lang == "sv" else "a share above 100%") in said
    assert wrong not in said


# --- budget workbooks of several sheets -----------------------------------------------------------------------------
SHEET = [["Kostnadsslag", "Budget", "Utfall"], ["Personal", 900000, 880000], ["Övrigt", 100000, 95000]]


def _sheets(tmp_path: Path, sheets: dict[str, list[list]]) -> Path:
    """data/budget.xlsx with ``sheets`` in order, and a project reading it as its budget."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / "budget.xlsx")
    params = tmp_path / "blad.yaml"
    params.write_text("id: blad\ntitle: Blad\nforbund: Testförbundet\nowner: Testkommun\nkind: individ\n"
                      "period: {start: 2024-01-01, planned_end: 2025-12-31}\ndata: {budget: data/budget.xlsx}\n",
                      encoding="utf-8")
    return params


def test_an_empty_first_sheet_names_the_other_sheets_once(tmp_path):
    """An empty 'Blad1' before the sheets '2024' and '2025': the sheet read has no rows and none of the columns, and the
    message naming the other sheets was given twice, once for each."""
    problems = load_problems(_sheets(tmp_path, {"Blad1": [], "2024": SHEET, "2025": SHEET}))
    assert [p.key for p in problems].count("sheet.others") == 1
    said = next(p for p in problems if p.key == "sheet.others").text("sv")
    assert "'2024', '2025'" in said


def test_two_projects_budgets_on_sheets_alike_are_not_told_their_year_is_in_the_sheets_name(tmp_path):
    """Sheets 'Lotsen' and 'Kompassen', two projects' budgets with the same headings: they were told 'a sheet per
    period ... the year is only in the sheet's name', which no name holds; they get the message of sheets alike (name
    the one to read in data.excel_sheet) and the missing period, the other sheets not named a second time."""
    problems = load_problems(_sheets(tmp_path, {"Lotsen": SHEET, "Kompassen": SHEET}))
    assert sorted(p.key for p in problems) == ["column.missing", "sheet.alike"]
    said = next(p for p in problems if p.key == "sheet.alike").text("sv")
    assert "'Kompassen'" in said and "data.excel_sheet" in said


def test_a_budget_on_a_sheet_per_project_year_is_still_told_where_the_year_goes(tmp_path):
    problems = load_problems(_sheets(tmp_path, {"År 1": SHEET, "År 2": SHEET}))
    assert [p.key for p in problems] == ["budget.sheet_per_year"]


# --- answered_from after every answer ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, words", [
    ("sv", "läser svaren från 2099-01-01 (answered_from), men gruppen personal svarade senast 2025-10-02"),
    ("en", "reads the answers from 2099-01-01 (answered_from), but the group personal last answered on 2025-10-02"),
])
def test_answered_from_after_every_answer_is_a_problem_not_a_goal_without_answers(tmp_path, lang, words):
    """Three staff answers on 2025-10-02 and a goal reading them from 2099-01-01 (a year typed wrong): every answer was
    left out and the goal told 'no answers' while the file holds three."""
    params = _survey(tmp_path, ["4", "5", "3"])
    params.write_text(params.read_text(encoding="utf-8").replace(
        "target: 0.7", "target: 0.7\n    answered_from: 2099-01-01"), encoding="utf-8")
    problems = load_problems(params, lang)
    assert [(Path(p.file).name, p.row, p.key) for p in problems] == [
        (params.name, None, "survey.answered_from_after")]
    said = problems[0].text(lang)
    assert words in said and "answered_from: 2025-10-02" in said


def test_answered_from_on_the_last_day_reads_that_days_answers(tmp_path):
    params = _survey(tmp_path, ["4", "5", "3"])
    params.write_text(params.read_text(encoding="utf-8").replace(
        "target: 0.7", "target: 0.7\n    answered_from: 2025-10-02"), encoding="utf-8")
    assert len(et.load_project(params).responses) == 3


# --- a revised budget with a line left empty ------------------------------------------------------------------------
def test_a_line_left_empty_in_the_revised_budget_is_named_with_the_original_amount(tmp_path):
    """'Reviderad budget 2025' is read as 2025's budget in place of 'Budget 2025'; row 3 (Övrigt) has 100 000 in
    'Budget 2025' and nothing in the revision: the line was read with no budget for 2025, without a word."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Reviderad budget 2025", "Utfall 2025"])
    ws.append(["Personal", 900000, 880000, 950000, 1100000, 1090000])
    ws.append(["Övrigt", 100000, 95000, 100000, None, 98000])
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data" / "budget.xlsx")
    params = tmp_path / "rev.yaml"
    params.write_text("id: rev\ntitle: Rev\nforbund: Testförbundet\nowner: Testkommun\nkind: individ\n"
                      "period: {start: 2024-01-01, planned_end: 2025-12-31}\ndata: {budget: data/budget.xlsx}\n",
                      encoding="utf-8")
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "Reviderad budget 2025", "budget.wide_revised_empty")]
    said = problems[0].text("sv")
    assert "'Budget 2025' har '100000' på raden" in said and "skriv beloppet i 'Reviderad budget 2025'" in said


def test_a_line_left_empty_in_a_revised_budget_column_of_a_long_budget_is_named(tmp_path):
    """A budget a row per line and year, 'Reviderad budget' beside 'Budget': row 3 (Övrigt 2024) has 100 000 in
    'Budget' and nothing in the revision, and was read with no budget."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_bytes(
        "År;Kostnadsslag;Budget;Reviderad budget;Utfall\r\n2024;Personal;900 000;1 000 000;880 000\r\n"
        "2024;Övrigt;100 000;;95 000\r\n".encode("cp1252"))
    params = tmp_path / "rev.yaml"
    params.write_text("id: rev\ntitle: Rev\nforbund: Testförbundet\nowner: Testkommun\nkind: individ\n"
                      "period: {start: 2024-01-01, planned_end: 2025-12-31}\ndata: {budget: data/budget.csv}\n",
                      encoding="utf-8")
    problems = load_problems(params, "en")
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "Reviderad budget", "budget.wide_revised_empty")]
    assert "has '100 000' on the row" in problems[0].text("en")


# --- a budget line's name of 10 000 characters ---------------------------------------------------------------------
def test_a_cost_line_named_by_10000_characters_is_refused_with_its_start(tmp_path):
    """Row 3's Kostnadsslag holds 10 000 characters without a space (a note pasted in): the report's budget table gave
    the name the page, and its budget and utfall columns fell off the PDF's page."""
    params = _wide_budget(tmp_path, [["Personal", 900000, 880000, 950000, 940000],
                                     ["x" * 10000, 100000, 95000, 100000, 98000]])
    problems = load_problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "Kostnadsslag", "budget.category_long")]
    said = problems[0].text("sv")
    assert "har 10000 tecken och börjar '" + "x" * 57 + "…'" in said and "högst 200" in said


def test_a_cost_line_named_by_200_characters_is_read(tmp_path):
    name = ("Lön projektledare " * 12)[:200]
    project = et.load_project(_wide_budget(tmp_path, [[name, 900000, 880000, 950000, 940000]]))
    assert set(project.budget["category"]) == {name.strip()}


# --- a question code in another letter case; a scale's end of '1e400' ---------------------------------------------
def test_a_question_code_in_another_letter_case_is_told_the_code_meant(tmp_path):
    """Row 5 answers 'q2' (the questions file has Q2): the message listed the codes with no 'menar du', since difflib
    finds 'q2' and 'Q2' only half alike."""
    params = _survey(tmp_path, ["4", "5", "3"])
    wb = openpyxl.load_workbook(tmp_path / "data" / "svar.xlsx")
    wb.active.append(["H4", "personal", dt.date(2025, 10, 2), "q2", "4"])
    wb.save(tmp_path / "data" / "svar.xlsx")
    problems = load_problems(params)
    assert [(p.row, p.column, p.value) for p in problems] == [(5, "question", "q2")]
    assert "menar du 'Q2'?" in problems[0].text("sv")


def test_a_scale_end_of_1e400_is_no_number_not_one_to_write_as_inf(tmp_path):
    """Row 3's scale_max '1e400' was answered as a number in exponent form, '(1e400 är inf) ... till exempel inf'."""
    params = _survey(tmp_path, ["4"])
    (tmp_path / "data" / "questions.csv").write_text(
        f"code;wording_sv;scale_min;scale_max;labels_sv\nQ2;Samverkan;1;5;{AGREE}\nQ3;Hälsa;1;1e400;\n",
        encoding="utf-8")
    problems = load_problems(params)
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "scale_max", "1e400")]
    said = problems[0].text("sv")
    assert "'1e400' är inte ett ändligt tal" in said and "inf" not in said.replace("'1e400'", "")


# --- goal words in English, amounts with separators ------------------------------------------------------------------
def test_an_english_time_limit_from_starting_is_refused_as_the_swedish_one_is(tmp_path):
    """label_en 'within 3 months of starting' beside a Swedish label without a time limit: 'of start' was refused,
    'of starting' was read, and the English report judged a goal its words do not state."""
    goal = _share_goal("Minst 30 % ska gå till arbete eller studier") + \
        "    label_en: 'At least 30% shall be in work within 3 months of starting'\n"
    said = params_refusal(lotsen(tmp_path, _cleaned(), goal))
    assert "'within 3 months of starting'" in said


@pytest.mark.parametrize("label, words", [
    ("Social assistance shall fall by SEK 500,000", "'SEK 500,000'"),  # (it quoted 'SEK 5')
    ("Försörjningsstödet ska minska med 500.000 kr", "'500.000 kr'"),  # (it quoted '000 kr')
    ("Försörjningsstödet ska minska med 1 500 000 kronor", "'1 500 000 kronor'"),
])
def test_an_amount_in_a_goals_words_is_quoted_whole(tmp_path, label, words):
    said = params_refusal(lotsen(tmp_path, _cleaned(), _share_goal(label)))
    assert f"talar om {words}," in said


# --- a status cell with a no-break space -----------------------------------------------------------------------------
def test_a_status_cell_with_a_no_break_space_or_two_spaces_is_translated_by_data_codes(tmp_path):
    """Row 2's status 'Avslutad\\xa0– arbete' (a no-break space, pasted from a web page) and row 5's 'Avslutad  –  studier'
    (two spaces each side): data.codes writes 'Avslutad – arbete' and 'Avslutad – studier', and the cells were refused
    as no code, the message showing a text that looked the same as the params file's."""
    rows = [list(r) for r in _cleaned()]
    rows[0][6] = "Avslutad\xa0– arbete"  # L001
    rows[3][6] = "Avslutad  –  studier"  # L005
    project = et.load_project(lotsen(tmp_path, rows))
    outcome = dict(zip(project.participants["person_id"], project.participants["outcome"], strict=True))
    assert (outcome["L001"], outcome["L005"]) == ("arbete", "studier")
