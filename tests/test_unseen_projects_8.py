"""Eighth sweep of projects unlike the samples: a project that ended early with budget left for the
years it never ran, a youth project of two municipalities whose goal is about the situation six months
after exit, and a project whose main goal counts success differently from the cost-benefit but gives
the same count. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.costbenefit.costs import after_end, costs
from evaltools.present.results import goal_table_frame
from evaltools.present.sections import budget as budget_section
from evaltools.present.sections import costbenefit as costbenefit_section
from evaltools.present.sections import goals as goals_section

from .conftest import write_csv
from .test_unseen_projects import _params, _person


# --- a project that ended early: the budget of the years after its end is no cost -----------------------
# planned 2023-01-01 – 2025-12-31, stopped 2023-06-30. Prices fixed (KPI 100 every year), no discounting.
EARLY = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2025-12-31, actual_end: 2023-06-30}
    data: {participants: data/participants.csv, budget: data/budget.csv}
    goals:
      - id: deltagare
        kind: participant_count
        label: Minst 10 deltagare per projektår
        target: 10
        period: project_year
    cost_benefit: {price_year: 2023, discount_rate: 0, deadweight: 0}
    reference: {kpi: {2023: 100, 2024: 100, 2025: 100}}
    """
EARLY_BUDGET = [
    {"period": "2023", "category": "Personal", "budget": 600_000, "actual": 250_000},
    {"period": "2024", "category": "Personal", "budget": 600_000, "actual": ""},     # never spent
    {"period": "2025", "category": "Personal", "budget": 600_000, "actual": ""},     # never spent
    {"period": "2024", "category": "Utvärdering", "budget": 50_000, "actual": 40_000},  # booked after the end
]


def _early(tmp_path, budget=EARLY_BUDGET, body=EARLY):
    # five participants, all in project year 1, all leaving for work before the end
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2023-02-01", end="2023-06-01") for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", budget)
    return et.load_project(_params(tmp_path, body))


def test_budget_lines_after_an_early_end_without_actual_cost_nothing(tmp_path):
    project = _early(tmp_path)
    table = costs(project).table
    # 2023's actual 250 000, 2024's evaluation actual 40 000; the two unspent lines 0
    assert list(table["used"]) == [250_000, 0, 0, 40_000]
    assert list(table["unspent"]) == [False, True, True, False]
    s = et.cost_benefit(project, monte_carlo=False, effect=False).summary
    assert s.total_cost_nominal == pytest.approx(290_000)
    assert s.cost_per_participant == pytest.approx(290_000 / 5)


@pytest.mark.parametrize("lang, said, unspent", [
    ("sv", "Projektet har kostat 290 000 kr", "Budgeten för tiden efter att projektet avslutades 2023-06-30, "
                                               "1,2 miljoner kronor, användes inte"),
    ("en", "The project has cost SEK 290,000", "The budget for the time after the project ended on 2023-06-30, "
                                               "SEK 1.2 million, was not used"),
])
def test_page_one_says_the_cost_spent_and_the_budget_never_used(tmp_path, lang, said, unspent):
    r = et.Report(_early(tmp_path), lang=lang)
    page_one = " ".join(r.key_findings()).replace("\u00a0", " ")
    assert said in page_one
    assert unspent in page_one
    # the share used is of the lines that have an actual: 290 000 of 650 000 = 44.6 %, of that budget
    assert ("45 % av budgeten 650 000 kr" if lang == "sv" else "45% of the budget SEK 650,000") in page_one
    assert "saknar utfall" not in page_one and "not yet settled" not in page_one


def test_the_budget_section_names_the_unspent_lines_and_not_as_missing_actuals(tmp_path):
    r = et.Report(_early(tmp_path))
    notes = " ".join(budget_section.note(r, r.cba.costs)).replace("\u00a0", " ")
    assert "2 rader med budget för tiden därefter (2024 och 2025, 1 200 000 kr)" in notes
    assert "Utfall saknas" not in notes and "saknar ännu utfall" not in notes


def test_a_project_year_after_the_early_end_is_after_it_and_the_year_it_ended_in_is_not(tmp_path):
    params = _early(tmp_path).params
    import pandas as pd
    got = after_end(pd.Series(["år 1", "år 2", "år 3", "2023", "2024", "hela"]), params)
    assert list(got) == [False, True, True, False, True, False]


def test_without_an_early_end_a_line_without_actual_still_counts_its_budget(tmp_path):
    body = EARLY.replace(", actual_end: 2023-06-30", "")
    table = costs(_early(tmp_path, body=body)).table
    assert list(table["used"]) == [250_000, 600_000, 600_000, 40_000]
    assert not table["unspent"].any()


@pytest.mark.parametrize("lang, never", [("sv", "genomfördes inte"), ("en", "never ran")])
def test_a_goal_year_after_the_early_end_never_ran_rather_than_not_started(tmp_path, lang, never):
    project = _early(tmp_path)
    tab = et.assess_goals(project).table
    # year 1 ran (cut short: 2023-01-01 – 2023-06-30), years 2 and 3 begin after the end
    assert list(tab["note"]) == ["cut_short", "not_run", "not_run"]
    frame = goal_table_frame(et.assess_goals(project, lang=lang), lang)
    values = list(frame.iloc[:, 2])
    assert values[1:] == [never, never]


def test_a_goal_year_of_a_running_project_has_not_started(tmp_path):
    body = EARLY.replace(", actual_end: 2023-06-30", "") + "data_as_of: 2023-06-30\n"
    tab = et.assess_goals(_early(tmp_path, body=body)).table
    assert list(tab["note"])[1:] == ["not_started", "not_started"]


# --- a goal about the situation months after exit is counted at exit, and said so ----------------------
AFTER = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data: {participants: data/participants.csv}
    goals:
      - id: vidare
        kind: share
        label: %s
        target: 0.4
        period: whole_period
        denominator: exits
        success_outcomes: [arbete, studier]
    """


def _after(tmp_path, label: str):
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    return et.Report(et.load_project(_params(tmp_path, AFTER % label)))


def test_a_goal_six_months_after_exit_is_said_to_be_counted_at_exit(tmp_path):
    r = _after(tmp_path, "Minst 40 % ska ha gått vidare till arbete eller studier inom sex månader efter avslut")
    page_one = r.key_findings()
    assert ("Målet gäller läget ”inom sex månader efter avslut”; här räknas utfallet vid avslut, vad som hände "
            "sedan visar uppgifterna inte.") in page_one
    section = goals_section.after_exit_sentences(r)
    assert len(section) == 1 and "deltagarfilens utfall är läget vid avslut" in section[0]


def test_a_goal_at_exit_has_no_such_sentence(tmp_path):
    r = _after(tmp_path, "Minst 40 % ska ha gått vidare till arbete eller studier vid avslut")
    assert not any("läget" in s for s in r.key_findings())
    assert goals_section.after_exit_sentences(r) == []


@pytest.mark.parametrize("label, words", [
    ("Minst 40 % i arbete eller studier inom sex månader efter avslut", "inom sex månader efter avslut"),
    ("50 % in work 12 months after exit", "12 months after exit"),
    ("Hälften i arbete ett år efter avslutad insats", "ett år efter avslutad insats"),
    ("Minst 20 deltagare per år efter projektets start", None),
    ("80 % av de avslutade ska ha en handlingsplan", None),
])
def test_words_for_a_time_after_exit(label, words):
    assert goals_section.after_exit_words(label) == words


# --- another definition of success with the same count is not "another count" --------------------------
SAME = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data: {participants: data/participants.csv}
    goals:
      - id: vidare
        kind: share
        label: Minst 40 % till arbete eller studier
        target: 0.4
        period: whole_period
        denominator: exits
        success_outcomes: [arbete, studier]
    cost_benefit: {price_year: 2023}
    """


def _benefit_words(tmp_path, outcomes: list[str], lang="sv") -> str:
    write_csv(tmp_path / "data/participants.csv", [_person(i, outcome=o) for i, o in enumerate(outcomes, 1)])
    r = et.Report(et.load_project(_params(tmp_path, SAME)), lang=lang)
    return " ".join(costbenefit_section.benefit_count(r))


def test_the_same_count_under_another_definition_is_not_called_another_count(tmp_path):
    # six leave for work: the goal's success (arbete, studier) and the exits from försörjningsstöd (arbete, ...,
    # sjukpenning, ...) are both 6
    words = _benefit_words(tmp_path, ["arbete"] * 6)
    assert "annat antal" not in words
    assert "Nyttan bygger på de 6 som lämnat försörjningsstödet" in words
    assert "lika många, 6" in words


def test_a_different_count_is_still_called_another_count(tmp_path):
    # six leave for work and five for sickness benefit: 11 left försörjningsstöd, 6 are the goal's successes
    words = _benefit_words(tmp_path, ["arbete"] * 6 + ["sjukpenning"] * 5)
    assert "Nyttan bygger på de 11 som lämnat försörjningsstödet" in words
    assert "Det är ett annat antal än de 6 lyckade utfallen" in words


# --- a percent written as Excel shows it, or as a share, gets the number to write ----------------------
PLAIN = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data: {participants: data/participants.csv}
    """


def test_a_percent_written_with_its_sign_or_as_a_share_gets_the_whole_percent_to_write(tmp_path):
    from evaltools.data.errors import DataValidationError
    rows = [{**_person(i), "extent_before_pct": v} for i, v in enumerate(["40 %", "0,4", "50%", "25", "0,25"], 1)]
    write_csv(tmp_path / "data/participants.csv", rows)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PLAIN))
    sv, en = e.value.message("sv"), e.value.message("en")
    # rows 2–6 as Excel numbers them (header row 1); row 5's 25 is right, every other one is named at once
    assert "rad 2, kolumn 'extent_before_pct': står '40 %'; förväntat ett heltal från 0 till 100 – skriv talet " \
           "utan procenttecken: 40" in sv
    assert "rad 3, kolumn 'extent_before_pct': står '0,4'; förväntat ett heltal från 0 till 100 – 0,4 ser ut som " \
           "en andel; kolumnen anger procent: skriv 40" in sv
    assert "rad 4, kolumn 'extent_before_pct': står '50%'" in sv and "procenttecken: 50" in sv
    assert "rad 6, kolumn 'extent_before_pct': står '0,25'" in sv and "skriv 25" in sv
    assert "rad 5," not in sv
    assert "row 3, column 'extent_before_pct': got '0,4'; expected a whole number from 0 to 100 – 0,4 looks like " \
           "a share; the column takes percent: write 40" in en


def test_a_number_of_months_is_not_taken_for_a_percent(tmp_path):
    from evaltools.data.errors import DataValidationError
    write_csv(tmp_path / "data/participants.csv", [{**_person(1), "months_on_support_before": "0,5"}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PLAIN))
    assert "andel" not in e.value.message("sv")


# --- a budget's total row with 'Summa' in its first column ---------------------------------------------
TOTALLED = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2024-12-31}
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/budget.csv}
    """


def _totalled(tmp_path, budget_total: int):
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="2024-03-01", end="2024-09-01")])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800_000, "actual": 790_000},
        {"period": "2024", "category": "Lokal", "budget": 200_000, "actual": 150_000},
        {"period": "Summa", "category": "", "budget": budget_total, "actual": 940_000}])
    return _params(tmp_path, TOTALLED)


def test_a_budget_total_row_with_summa_in_the_period_column_is_checked_and_dropped(tmp_path):
    project = et.load_project(_totalled(tmp_path, 1_000_000))  # 800 000 + 200 000; 790 000 + 150 000
    assert sorted(project.budget["category"]) == ["Lokal", "Personal"]
    assert project.budget["budget"].sum() == 1_000_000


def test_a_budget_total_row_with_summa_in_the_period_column_that_differs_is_named(tmp_path):
    from evaltools.data.errors import DataValidationError
    with pytest.raises(DataValidationError) as e:
        et.load_project(_totalled(tmp_path, 1_100_000))
    sv = e.value.message("sv")
    assert "1 100 000" in sv.replace("\u00a0", " ") and "1 000 000" in sv.replace("\u00a0", " ")
    assert "kolumn 'period'" not in sv and "kolumn 'category'" not in sv


# --- a hidden column of an Excel sheet is read, and said to be --------------------------------------------
def _xlsx_participants(tmp_path, hide: str | None):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws["A1"] = "Deltagare"  # a title row, then the header on row 3
    header = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "household_id"]
    for j, h in enumerate(header, 1):
        ws.cell(3, j, h)
    for i in range(1, 3):
        for j, v in enumerate(_person(i).values(), 1):
            ws.cell(3 + i, j, v)
        ws.cell(3 + i, 8, f"H{i}")
    if hide:
        ws.column_dimensions[hide].hidden = True
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data/participants.xlsx")
    return et.load_project(_params(tmp_path, PLAIN.replace("participants.csv", "participants.xlsx")))


def test_a_hidden_column_with_values_is_read_and_named_in_a_note(tmp_path):
    project = _xlsx_participants(tmp_path, "H")
    assert list(project.participants["household_id"]) == ["H1", "H2"]  # read as any other column
    (note,) = [w for w in project.warnings if w.code == "hidden_columns"]
    assert "dolda kolumner i Excel lästes som de andra (H)" in note.note("sv")
    assert "hidden columns in Excel were read like the others (H)" in note.note("en")


def test_a_hidden_empty_column_and_a_sheet_without_hidden_columns_give_no_note(tmp_path):
    assert not [w for w in _xlsx_participants(tmp_path, "K").warnings if w.code == "hidden_columns"]
    assert not [w for w in _xlsx_participants(tmp_path, None).warnings if w.code == "hidden_columns"]


def test_the_workbook_goal_sheet_says_the_same_about_a_goal_after_exit(tmp_path):
    r = _after(tmp_path, "Minst 40 % ska ha gått vidare till arbete eller studier inom sex månader efter avslut")
    (note,) = r.key_tables()["mal"]["note"]
    assert note == ("Målet gäller läget ”inom sex månader efter avslut”; här räknas utfallet vid avslut, vad som hände "
                    "sedan visar uppgifterna inte.")
    assert list(_after(tmp_path, "Minst 40 % ska ha gått vidare till arbete eller studier")
                .key_tables()["mal"]["note"]) == [""]


def test_an_early_end_with_no_actual_anywhere_states_the_budget_of_the_time_run(tmp_path):
    # a budget per year (no actuals): year 1 is 600 000 kr, years 2 and 3 begin after the end and cost nothing
    r = et.Report(_early(tmp_path, budget=[{"period": "per år", "category": "Personal", "budget": 600_000,
                                            "actual": ""}]))
    page_one = " ".join(r.key_findings()).replace("\u00a0", " ")
    assert "Projektet beräknas kosta 600 000 kr i löpande priser" in page_one
    assert "utfall –" not in page_one and "saknar utfall" not in page_one
    assert "Budgeten för tiden efter att projektet avslutades 2023-06-30, 1,2 miljoner kronor, användes inte" \
        in page_one


def test_the_workbook_budget_sheet_marks_the_lines_never_used(tmp_path):
    import openpyxl
    from evaltools.publish.workbook import report_sheets, write_workbook
    r = et.Report(_early(tmp_path))
    path = write_workbook(tmp_path / "out.xlsx", report_sheets(r.key_tables(), r.k, lang="sv"), "sv", r.k)
    ws = openpyxl.load_workbook(path)["Budget"]
    header = [c.value for c in ws[1]]
    used, never = header.index("Räknad kostnad (utfall, annars budget)"), \
        header.index("Efter ett förtida slut, aldrig använd (ingen kostnad)")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2) if row[0].value is not None]
    assert [(row[used], row[never]) for row in rows] == [(250_000, "Nej"), (0, "Ja"), (0, "Ja"), (40_000, "Nej")]


# --- a date typed without the zero of its month or day gets the date to write --------------------------
def test_a_date_without_its_zeros_gets_the_date_to_write(tmp_path):
    from evaltools.data.errors import DataValidationError
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="2023-3-1", end="2023-09-1"),
                                                   _person(2, start="2023-03-01", end="2023-9-31")])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, PLAIN))
    sv = e.value.message("sv")
    assert "rad 2, kolumn 'start_date': står '2023-3-1'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – skriv 2023-03-01" in sv
    assert "rad 2, kolumn 'end_date': står '2023-09-1'; förväntat ett datum skrivet ÅÅÅÅ-MM-DD – skriv 2023-09-01" in sv
    # 31 September does not exist: no date to write is made up
    assert "rad 3, kolumn 'end_date': står '2023-9-31'" in sv and "skriv 2023-09-31" not in sv
