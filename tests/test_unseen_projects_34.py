"""Thirty-fourth sweep of projects unlike the samples, from files made in Excel on Windows. A budget follow-up kept a
row per cost line and year with Swedish headings ("År", "Kostnadsslag" or "Post", "Budget", "Utfall", "Finansiär" or
"Aktör"), or plain English ones ("Year", "Cost line", "Actual"), is read as the contract's columns, whatever the
headings' letter case, spaces, a ":" or a unit after them; two columns that could both be one (two utfall) are refused
in one message naming both, a cell's message names the file's heading, and a heading's unit other than the params
file's ("Budget (tkr)" read in kr) is refused. A youth project for young adults 18–29 (UVAS) whose goal is "påbörjat
studier" and whose coordinator kept the participant list on a sheet per year of intake: only the first sheet was read,
the rest left out without a word; it is now refused naming the sheets. A förbund of two municipalities whose budget
splits each cost line per municipality in a column not read, a year typed in a cell formatted as a date, and a total
row whose sums were saved without values. Each fixture is a tiny project written in tmp_path; expected values are
worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et

from .conftest import load_problems

# --- a budget kept a row per line and year, headed in Swedish ----------------------------------------------------
PROJECT = """\
    id: lyftet
    title: Lyftet
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {budget: data/%s}
    """
# (year, line, budget, utfall, funder): the wages of 2024 typed as text with a space between the thousands
LINES = [(2024, "Lön coach", 480000, "455 500", "förbund"), (2024, "Lokaler", 60000, 61200, "förbund"),
         (2025, "Lön coach", 490000, 502300, "förbund"), (2025, "Lokaler", 60000, 58800, "kommun")]


def _long_budget(path: Path, headings: list[str], lines=LINES, total: bool = True) -> Path:
    """The follow-up as an economist keeps it in Excel: a title, an empty row, the headings with a filter and a frozen
    pane under them, a row per line and year, a 'Summa' row with its period cell empty, empty rows and a note."""
    import openpyxl  # (only the Excel-made projects need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budgetuppföljning"
    ws.append(["Budgetuppföljning Lyftet 2024–2025"])
    ws.append([])
    ws.append(headings)
    ws.auto_filter.ref = f"A3:E{3 + len(lines)}"
    ws.freeze_panes = "A4"
    for line in lines:
        ws.append(list(line))
        ws.cell(ws.max_row, 3).number_format = "# ##0"
    if total:
        ws.append([None, "Summa", sum(ln[2] for ln in lines), sum(int(str(ln[3]).replace(" ", "")) for ln in lines)])
    ws.append([])
    ws.append([])
    ws.append(["Utfall 2025 enligt bokslut per 2026-01-31, lokalerna betalas av kommunen från 2025."])
    wb.save(path)
    return path


def _lyftet(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "lyftet.yaml"
    path.write_text(textwrap.dedent(PROJECT) % name, encoding="utf-8")
    return path


@pytest.mark.parametrize("headings", [
    ["År", "Kostnadsslag", "Budget", "Utfall", "Finansiär"],
    ["år:", "Post", "Budget (kr)", "Utfall (kr):", "Aktör"],
    [" ÅR ", "KOSTNADSSLAG", "budget:", "utfall", "finansiär"],
    ["Year", "Cost line", "Budget", "Actual", "Funder"],
], ids=["swedish", "colon-and-unit", "letter-case", "english"])
def test_a_budget_kept_a_row_per_line_with_swedish_headings_is_read(tmp_path, headings):
    _long_budget(tmp_path / "data" / "Budget Lyftet.xlsx", headings)
    project = et.load_project(_lyftet(tmp_path, "Budget Lyftet.xlsx"))
    b = project.budget
    lines = b[b["category"] != "Summa"]
    got = {(str(r.period), r.category): (r.budget, r.actual, r.funder) for r in lines.itertuples()}
    assert got == {("2024", "Lön coach"): (480_000, 455_500, "förbund"), ("2024", "Lokaler"): (60_000, 61_200, "förbund"),
                   ("2025", "Lön coach"): (490_000, 502_300, "förbund"), ("2025", "Lokaler"): (60_000, 58_800, "kommun")}
    # budget 480 000 + 60 000 + 490 000 + 60 000 = 1 090 000; utfall 455 500 + 61 200 + 502 300 + 58 800 = 1 077 800
    assert lines["budget"].sum() == 1_090_000
    assert lines["actual"].sum() == 1_077_800


def test_a_wrong_total_under_swedish_headings_is_checked_as_any(tmp_path):
    lines = [*LINES[:3], (2025, "Lokaler", 60000, 58800, "kommun")]
    path = _long_budget(tmp_path / "data" / "Budget Lyftet.xlsx", ["År", "Post", "Budget", "Utfall", "Finansiär"], lines)
    import openpyxl  # (only the Excel-made projects need it)
    wb = openpyxl.load_workbook(path)
    wb.active["C8"] = 1_100_000  # (the 'Summa' row's budget, 10 000 kr more than its lines' 1 090 000)
    wb.save(path)
    problems = load_problems(_lyftet(tmp_path, "Budget Lyftet.xlsx"))
    assert [(p.row, p.column) for p in problems] == [(8, "Budget")]  # (the file's heading, as written)
    assert "1 090 000" in problems[0].note("sv")


def test_a_csv_saved_by_swedish_excel_with_swedish_headings_is_read(tmp_path):
    """Excel on Windows saves a CSV with ';', decimal commas and Windows-1252 ('Övrigt' as byte D6)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_bytes(
        "År;Kostnadsslag;Budget;Utfall;Finansiär\r\n2024;Lön;250 000,50;240 100,25;förbund\r\n"
        "2024;Övrigt;12 000;13 499,75;kommun\r\n;Summa;262 000,50;253 600;\r\n".encode("cp1252"))
    b = et.load_project(_lyftet(tmp_path, "budget.csv")).budget
    lines = b[b["category"] != "Summa"].set_index("category")
    assert lines.loc["Lön", ["budget", "actual"]].tolist() == [250_000.5, 240_100.25]
    assert lines.loc["Övrigt", ["budget", "actual", "funder"]].tolist() == [12_000, 13_499.75, "kommun"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_two_columns_that_could_both_be_the_utfall_get_one_message_naming_both(tmp_path, lang):
    headings = ["År", "Kostnadsslag", "Budget", "Utfall", "Faktisk kostnad"]
    lines = [(2024, "Lön coach", 480000, 455500, 455500), (2025, "Lön coach", 490000, 502300, 502300)]
    _long_budget(tmp_path / "data" / "Budget Lyftet.xlsx", headings, lines, total=False)
    problems = load_problems(_lyftet(tmp_path, "Budget Lyftet.xlsx"), lang)
    assert len(problems) == 1
    p = problems[0]
    assert p.file.endswith("Budget Lyftet.xlsx") and p.row == 3 and p.column == "actual"
    said = p.note(lang)
    assert "'Utfall', 'Faktisk kostnad'" in said
    assert ("skriv rubriken 'actual' över den kolumn som gäller" if lang == "sv"
            else "write the heading 'actual' above the column that holds") in said


def test_a_budget_headed_beside_the_contracts_own_budget_is_one_message(tmp_path):
    headings = ["period", "category", "budget", "Budgeterat", "actual"]
    lines = [(2024, "Lön coach", 480000, 480000, 455500)]
    _long_budget(tmp_path / "data" / "Budget Lyftet.xlsx", headings, lines, total=False)
    problems = load_problems(_lyftet(tmp_path, "Budget Lyftet.xlsx"))
    assert [(p.column, p.key) for p in problems] == [("budget", "budget.heading_twice")]
    assert "'budget', 'Budgeterat'" in problems[0].note("sv")


def test_a_total_row_whose_sums_were_saved_without_values_has_no_message_about_its_empty_year(tmp_path):
    """A 'Summa' row whose budget and utfall are =SUMMA() formulas saved by a program that calculates none: one message
    per formula, and none saying that its year cell, left empty as Excel users leave it, is empty."""
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall"])
    ws.append([2024, "Lön coach", 480000, 455500])
    ws.append([2024, "Lokaler", 60000, 61200])
    ws.append([None, "Summa", "=SUM(C2:C3)", "=SUM(D2:D3)"])
    wb.save(tmp_path / "data" / "budget.xlsx")
    problems = load_problems(_lyftet(tmp_path, "budget.xlsx"))
    assert sorted((p.row, p.key) for p in problems) == [(4, "cell.formula"), (4, "cell.formula")]


# --- Studielyftet: young adults 18–29 (UVAS), the participant list kept on a sheet per year ----------------------
STUDIELYFTET = """\
    id: studielyftet
    title: Studielyftet
    forbund: Testförbundet
    owner: Testkommun, Vuxenutbildningen
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data_as_of: 2025-09-30
    data:
      participants: data/Deltagare Studielyftet.xlsx
      SHEET
      columns: {'Deltagar-ID': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Inskrivningsdatum': start_date,
                'Avslutsdatum': end_date, 'Avslut till': outcome}
      codes:
        outcome: {'Påbörjat studier': studier, 'Folkhögskola': studier}
    goals:
      - id: studier
        kind: share
        label: Minst 50 % av de avslutade ska ha påbörjat studier
        target: 0.5
        denominator: exits
        period: whole_period
        success_outcomes: [studier]
    """
HEADINGS = ["Deltagar-ID", "Kön", "Födelseår", "Inskrivningsdatum", "Avslutsdatum", "Avslut till", "Kommentar"]
# (id, sex, born, start, end, exit): 2024's intake and 2025's, each on the sheet of its year
YEARS = {"2024": [("U-101", "Man", 2003, "2024-02-05", "2024-08-16", "Påbörjat studier"),
                  ("U-102", "Kvinna", "2001", "2024-02-12", "2024-12-20", "arbete"),
                  ("U-103", "Man", 2005, "2024-03-04", "2024-08-16", "Påbörjat studier"),
                  ("U-104", "Kvinna", 1999, "2024-04-08", "2024-11-29", "avbrott"),
                  ("U-105", "Man", 2004, "2024-05-13", "2025-01-10", "Påbörjat studier"),
                  ("U-106", "Kvinna", 1997, "2024-09-02", None, None)],
         "2025": [("U-107", "Man", 2006, "2025-01-13", "2025-08-15", "Påbörjat studier"),
                  ("U-108", "Kvinna", 2002, "2025-02-03", "2025-06-13", "arbete"),
                  ("U-109", "Man", 2000, "2025-03-10", None, None),
                  ("U-110", "Kvinna", 2005, "2025-04-07", "2025-08-15", "Folkhögskola")]}


def _per_year(path: Path, sheets=YEARS, names: dict[str, str] | None = None) -> Path:
    """The coordinator's workbook: a sheet per year of intake, each with a title row, the headings with a filter and a
    frozen pane, dates as date cells, a comment on a heading and empty rows under the list."""
    import datetime as dt  # (only the Excel-made projects need it)

    import openpyxl  # (only the Excel-made projects need it)
    from openpyxl.comments import Comment  # (only the Excel-made projects need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    for k, (year, rows) in enumerate(sheets.items()):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = (names or {}).get(year, year)
        ws.append([f"Studielyftet – inskrivna {year}"])
        ws.append(HEADINGS)
        ws.auto_filter.ref = f"A2:G{2 + len(rows)}"
        ws.freeze_panes = "B3"
        ws["F2"].comment = Comment("Folkhögskola räknas som studier", "Samordnare")
        for pid, sex, born, start, end, out in rows:
            ws.append([pid, sex, born, dt.datetime.fromisoformat(start), end and dt.datetime.fromisoformat(end),
                       out, None])
            for col in (4, 5):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
        for _ in range(3):
            ws.append([])
    wb.save(path)
    return path


def _studielyftet(tmp_path: Path, sheet: str = "", **workbook) -> Path:
    _per_year(tmp_path / "data" / "Deltagare Studielyftet.xlsx", **workbook)
    path = tmp_path / "studielyftet.yaml"
    path.write_text(textwrap.dedent(STUDIELYFTET).replace("SHEET", f"excel_sheet: '{sheet}'" if sheet else ""), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_participant_list_on_a_sheet_per_year_is_refused_naming_the_sheets(tmp_path, lang):
    """Only the first sheet was read: 2025's four participants were left out without a word."""
    problems = load_problems(_studielyftet(tmp_path), lang)
    assert len(problems) == 1
    p = problems[0]
    assert p.file.endswith("Deltagare Studielyftet.xlsx [2024]") and p.key == "sheet.alike"
    said = p.note(lang)
    assert "'2025'" in said and "'2024'" in said
    assert ("Samla raderna på ett blad" if lang == "sv" else "Put the rows on one sheet") in said


def test_a_sheet_per_year_with_the_sheet_named_in_the_params_reads_that_sheet_and_says_so(tmp_path):
    project = et.load_project(_studielyftet(tmp_path, sheet="2025"))
    assert sorted(project.participants["person_id"]) == ["U-107", "U-108", "U-109", "U-110"]
    said = [n for n in project.notices if n.key == "sheet.alike_named"]
    assert len(said) == 1 and "'2024'" in said[0].note("sv")


def test_the_rows_gathered_on_one_sheet_count_the_goal_of_begun_studies(tmp_path):
    both = {"2024–2025": YEARS["2024"] + YEARS["2025"]}
    project = et.load_project(_studielyftet(tmp_path, sheets=both))
    assert len(project.participants) == 10
    # ended by 2025-09-30: all but U-106 and U-109, 8; to studies U-101, U-103, U-105, U-107 ('Påbörjat studier') and
    # U-110 ('Folkhögskola'): 5 of 8 = 62,5 %
    raw = et.assess_goals(project).raw
    assert list(zip(raw["goal_id"], raw["numerator"], raw["denominator"])) == [("studier", 5, 8)]


def test_a_comparison_groups_sheet_with_the_same_headings_is_no_sheet_per_year(tmp_path):
    names = {"2024": "Deltagare", "2025": "Jämförelsegrupp"}
    project = et.load_project(_studielyftet(tmp_path, names=names))
    assert len(project.participants) == 6


# --- a förbund of two municipalities whose budget splits each cost line per municipality -------------------------
def test_a_budget_split_per_municipality_in_a_column_not_read_is_said_to_the_evaluator(tmp_path):
    """The coach's wage and the rooms are kept a row per municipality ('Kommun': Sundsvall, Timrå): the amounts are read
    and added up, and the evaluator is told that the report shows the two rows of a line under one name."""
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Budget per kommun 2024"])
    ws.append(["År", "Kommun", "Kostnadsslag", "Budget", "Utfall", "Finansiär"])
    ws.append([2024, "Sundsvall", "Lön coach", 300000, 290000, "förbund"])
    ws.append([2024, "Timrå", "Lön coach", 200000, "195 000", "förbund"])
    ws.append([2024, "Sundsvall", "Lokaler", 30000, 30000, "kommun"])
    ws.append([2024, "Timrå", "Lokaler", 20000, 20000, "kommun"])
    ws.append([2024, "Sundsvall", "Resor", 5000, 4000, "förbund"])
    ws.append([None, None, "Summa", 555000, 539000, None])
    wb.save(tmp_path / "data" / "Budget per kommun.xlsx")
    project = et.load_project(_lyftet(tmp_path, "Budget per kommun.xlsx"))
    b = project.budget[project.budget["category"] != "Summa"]
    # 300 000 + 200 000 + 30 000 + 20 000 + 5 000 = 555 000; 290 000 + 195 000 + 30 000 + 20 000 + 4 000 = 539 000
    assert (b["budget"].sum(), b["actual"].sum()) == (555_000, 539_000)
    said = [n for n in project.notices if n.key == "budget.lines_split_by"]
    assert len(said) == 1 and said[0].column == "Kommun"
    text = said[0].note("sv")
    # two lines are split ('Lön coach' and 'Lokaler'); the first on rows 3 and 4; 'Resor' has one row
    assert "2 kostnadsposter, till exempel 'Lön coach' 2024 på raderna 3, 4" in text
    assert "'Lön coach Sundsvall'" in text


def test_a_comment_column_beside_a_budget_with_lines_of_one_name_is_no_split(tmp_path):
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall", "Kommentar"])
    ws.append([2024, "Lön coach", 300000, 290000, "enligt avtal"])
    ws.append([2025, "Lön coach", 300000, 310000, None])
    wb.save(tmp_path / "data" / "budget.xlsx")
    project = et.load_project(_lyftet(tmp_path, "budget.xlsx"))
    assert not [n for n in project.notices if n.key == "budget.lines_split_by"]


# --- a budget whose headings give its unit -------------------------------------------------------------------------
@pytest.mark.parametrize("headings", [["År", "Kostnadsslag", "Budget (tkr)", "Utfall (tkr)"],
                                      ["Kostnadsslag", "Budget 2024 (tkr)", "Utfall 2024 (tkr)"]], ids=["long", "wide"])
def test_a_budget_headed_in_tkr_read_in_kr_is_refused_with_the_unit_to_write(tmp_path, headings):
    """Read in kr (the default), 480 tkr would be 480 kr: the cost a thousand times too small, without a word."""
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headings)
    for line in ([2024, "Lön coach", 480, 455.5], [2024, "Lokaler", 60, 61.2]):
        ws.append(line[-len(headings):])
    wb.save(tmp_path / "data" / "budget.xlsx")
    problems = load_problems(_lyftet(tmp_path, "budget.xlsx"))
    assert [(p.row, p.key) for p in problems] == [(1, "budget.heading_unit")]
    said = problems[0].note("sv")
    assert f"'{headings[-2]}', '{headings[-1]}' anger beloppen i tkr, men params-filen läser budgeten i kr" in said
    assert "amount_unit: {budget: tkr}" in said
    # with the unit written, 480 tkr is 480 000 kr and 455,5 tkr 455 500 kr
    params = tmp_path / "lyftet.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("data: {budget:", "data: {amount_unit: tkr, budget:"),
                      encoding="utf-8")
    b = et.load_project(params).budget.set_index("category")
    assert b.loc["Lön coach", ["budget", "actual"]].tolist() == [480_000, 455_500]


def test_a_budget_headed_in_kr_is_read_in_kr(tmp_path):
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget, kr", "Utfall (SEK)"])
    ws.append([2024, "Lön coach", 480000, 455500])
    wb.save(tmp_path / "data" / "budget.xlsx")
    b = et.load_project(_lyftet(tmp_path, "budget.xlsx")).budget
    assert b[["budget", "actual"]].values.tolist() == [[480_000, 455_500]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_year_typed_in_a_cell_formatted_as_a_date_is_answered_with_the_year_it_holds(tmp_path, lang):
    """2024 in a cell formatted yyyy-mm-dd shows as 1905-07-16 (day 2024 counted from 1900-01-01, with Excel's 29
    February 1900): the message said 'skriv 1905'."""
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall"])
    ws.append([2024, "Lön coach", 480000, 455500])
    ws.cell(2, 1).number_format = "yyyy-mm-dd"
    ws.append([2024, "Lokaler", 60000, 61200])
    wb.save(tmp_path / "data" / "budget.xlsx")
    problems = load_problems(_lyftet(tmp_path, "budget.xlsx"), lang)
    assert [(p.row, p.value) for p in problems] == [(2, "1905-07-16")]
    said = problems[0].note(lang)
    assert "1905-07-16" in said and ("så läses året 2024" if lang == "sv" else "the year 2024 is read") in said
    assert "1905;" not in said and "write 1905" not in said


def test_a_cells_message_under_a_swedish_heading_names_the_heading_of_the_file(tmp_path):
    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall", "Finansiär"])
    ws.append([2024, "Lön coach", 480000, 455500, "Samordningsförbundet"])
    ws.append(["2024 (prognos)", "Lokaler", 60000, None, "förbund"])
    wb.save(tmp_path / "data" / "budget.xlsx")
    problems = load_problems(_lyftet(tmp_path, "budget.xlsx"))
    assert sorted((p.row, p.column) for p in problems) == [(2, "Finansiär"), (3, "År")]
    assert "koden är 'förbund'" in next(p for p in problems if p.row == 2).note("sv")
