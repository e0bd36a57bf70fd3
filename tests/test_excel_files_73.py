"""A budget whose year headings were typed as dates, as a förbund's template often has them: '2025-01-01' in a
heading cell shown in full (yyyy-mm-dd) is the year 2025 meant, but no period that can be read. Refused in one
message naming the headings and the headings to write ('Budget 2025'), not as columns per financier."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import evaltools as et
from evaltools.data.budget_shapes import new_year_heading

from .conftest import load_problems, params_with_files


@pytest.mark.parametrize(("heading", "write"), [
    ("2025-01-01", "2025"), ("Budget 2025-01-01", "Budget 2025"), ("Utfall 2024-01-01 00:00:00", "Utfall 2024"),
    ("Utfall t.o.m. 2025-09-30", None), ("Budget 2025", None), ("2025-01-015", None), ("Budget 2025-01-01-2025-12-31", None),
])
def test_a_years_first_day_in_a_heading_is_told_as_its_year(heading, write):
    assert new_year_heading(heading) == write


def _save(tiny_project, wb) -> None:
    wb.save(tiny_project.dir / "data" / "budget.xlsx")


def _date_cells(ws, cells: list[str]) -> None:
    for ref in cells:
        ws[ref].number_format = "yyyy-mm-dd"


def test_budget_and_utfall_merged_over_dates_is_one_message_with_the_headings_to_write(tiny_project):
    """'Budget' merged over 2022-01-01 and 2023-01-01 shown in full, 'Utfall' likewise: one problem on row 2 naming
    the four headings as Excel shows them and the four to write (before: columns per financier, 'Lön 01-01')."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kostnadsslag", "Budget", None, "Utfall", None])
    ws.append([None, dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1), dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)])
    _date_cells(ws, ["B2", "C2", "D2", "E2"])
    for ref in ("A1:A2", "B1:C1", "D1:E1"):
        ws.merge_cells(ref)
    ws.append(["Lön", 100000, 50000, 90000, 40000])
    _save(tiny_project, wb)
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.key, p.row) for p in problems] == [("budget.date_headings", 2)]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "'Budget 2022-01-01', 'Budget 2023-01-01', 'Utfall 2022-01-01', 'Utfall 2023-01-01'" in sv
    assert "skriv rubrikerna 'Budget 2022', 'Budget 2023', 'Utfall 2022', 'Utfall 2023'" in sv
    assert "write the headings 'Budget 2022', 'Budget 2023', 'Utfall 2022', 'Utfall 2023'" in en
    assert "Lön 01-01" not in sv


def test_years_typed_as_dates_alone_get_budget_and_the_year_to_write(tiny_project):
    """A column per year headed 2022-01-01 and 2023-01-01 (dates shown in full): the period columns' message, with
    'Budget 2022' and 'Budget 2023' to write, not 'Budget 2022-01-01' nor columns per financier."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kostnadsslag", dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)])
    _date_cells(ws, ["B1", "C1"])
    ws.append(["Lön", 100000, 50000])
    ws.append(["Lokaler", 20000, 20000])
    _save(tiny_project, wb)
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [p.key for p in problems] == ["budget.period_columns"]
    assert "skriv rubrikerna 'Budget 2022', 'Budget 2023' för budgeten" in problems[0].text("sv")


def test_one_dated_heading_beside_year_headings_is_named_with_its_year(tiny_project):
    """'Budget 2022', 'Budget 2023' and 'Utfall' over the date 2022-01-01 typed in one cell: that column alone
    is refused, with 'Utfall 2022' to write."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kostnadsslag", "Budget 2022", "Budget 2023", "Utfall 2022-01-01"])
    ws.append(["Lön", 100000, 50000, 90000])
    _save(tiny_project, wb)
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.key, p.column) for p in problems] == [("budget.date_headings", "Utfall 2022-01-01")]
    assert "skriv rubrikerna 'Utfall 2022' som text" in problems[0].text("sv")


# --- a 'Sammanställning' sheet summing a sheet per year ------------------------------------------------------------

def _summary_and_sheets(tiny_project, summary: str, sheets: list[str]) -> None:
    """A workbook whose first sheet ``summary`` sums the sheets ``sheets`` by formulas across sheets, saved without
    their results (as a program that computes nothing saves it), every sheet headed Kostnadsslag, Budget, Utfall."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = summary
    ws.append(["Kostnadsslag", "Budget", "Utfall"])
    ws.append(["Lön", "+".join(f"='{s}'!B2" if i == 0 else f"'{s}'!B2" for i, s in enumerate(sheets)),
               "+".join(f"='{s}'!C2" if i == 0 else f"'{s}'!C2" for i, s in enumerate(sheets))])
    for name in sheets:
        other = wb.create_sheet(name)
        other.append(["Kostnadsslag", "Budget", "Utfall"])
        other.append(["Lön", 100000, 90000])
    _save(tiny_project, wb)


def test_a_summary_of_a_sheet_per_year_is_one_message_not_to_copy_its_rows(tiny_project):
    """'Sammanställning' summing '2022' and '2023': one problem, saying the years' sheets are the budget and the
    summary's rows are not to be copied beside theirs (they would count twice) — before, it said to copy the years'
    rows under the summary's, and its formulas without results were refused as well."""
    _summary_and_sheets(tiny_project, "Sammanställning", ["2022", "2023"])
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [p.key for p in problems] == ["budget.sheet_per_year_summary"]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "ta inte med raderna på 'Sammanställning', som är summan av de andra och skulle räknas två gånger" in sv
    assert "kolumn År" in sv
    assert "under raderna på 'Sammanställning'" not in sv
    assert "leave out the rows of 'Sammanställning'" in en


@pytest.mark.parametrize("summary", ["Totalt", "Summering", "Översikt", "Summary"])
def test_a_summary_of_sheets_without_years_says_not_to_copy_its_rows(tiny_project, summary):
    """A summary sheet over two projects' sheets ('Lotsen', 'Kompassen'; no year in their names): the sheets alike,
    with the summary's rows named as the others' sum, never to be copied beside them."""
    _summary_and_sheets(tiny_project, summary, ["Lotsen", "Kompassen"])
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    keys = [p.key for p in problems]
    assert "sheet.alike_summary" in keys and "sheet.alike" not in keys
    text = problems[keys.index("sheet.alike_summary")].text("sv")
    assert f"utan raderna på '{summary}' (de är summan av de andra och skulle räknas två gånger)" in text


def test_a_sheet_per_year_read_from_a_year_keeps_its_own_message(tiny_project):
    """Sheets '2022' and '2023' alike, no summary: the sheet-per-year message as before."""
    wb = openpyxl.Workbook()
    wb.active.title = "2022"
    for name in ("2022", "2023"):
        ws = wb[name] if name in wb.sheetnames else wb.create_sheet(name)
        ws.append(["Kostnadsslag", "Budget", "Utfall"])
        ws.append(["Lön", 100000, 90000])
    _save(tiny_project, wb)
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [p.key for p in problems] == ["budget.sheet_per_year"]


# --- an apostrophe typed before a number --------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "fix"), [("'20000", "20000"), ("\u2019 20 000", "20 000"), ("'1500,50", "1500,50")])
def test_an_apostrophe_kept_before_an_amount_is_named_with_the_number_to_write(tiny_project, cell, fix):
    """'20000 with its apostrophe in the cell (pasted from another program, or typed twice): refused as before, now
    saying to delete the apostrophe and write the number, in both languages."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall"])
    ws.append([2022, "Lön", 100000, 90000])
    ws.append([2022, "Lokaler", 20000, cell])
    _save(tiny_project, wb)
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert [(p.row, p.column) for p in problems] == [(3, "Utfall")]
    assert problems[0].text("sv").endswith(f"ta bort den och skriv {fix}")
    assert problems[0].text("en").endswith(f"delete it and write {fix}")


def test_a_number_excel_keeps_as_text_is_read_as_the_number(tiny_project):
    """A number stored as text (Excel's green triangle; its apostrophe is no part of the value) is read as it shows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall"])
    ws.append([2022, "Lön", "100000", "90 000"])
    ws["C2"].quotePrefix = True
    _save(tiny_project, wb)
    project = et.load_project(params_with_files(tiny_project, participants="participants.csv", budget="budget.xlsx"))
    assert project.budget["budget"].tolist() == [100000.0]
    assert project.budget["actual"].tolist() == [90000.0]
