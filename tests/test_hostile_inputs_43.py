"""Hostile or careless inputs on this round's budget reading paths, as an evaluator's Excel or CSV file carries them:
headings with a letter of another alphabet, a character that shows nothing or a no-break space in them; the amounts
given in a unit written another way ('tusental kr', 'kSEK', '(000 kr)', 'i tkr') or in one no params file reads
('Mkr', 'MSEK'); a year no project has (9999) typed in a cell formatted as a date; a list on 60 sheets, one per year,
and a sheet named with a personnummer; a column not read holding personnummer. Each is read as it looks, or ends in
one clear message naming the file, row and what to write (never the number, never a traceback). Tiny projects in
tmp_path; expected words and amounts worked out by hand."""
from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest

import evaltools as et

from .conftest import load_problems

PNR = "19121212-1212"  # made up, of the right form
PROJECT = """\
    id: lyftet
    title: Lyftet
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {UNITbudget: data/NAME}
    """


def _params(tmp_path: Path, name: str, unit: str = "") -> Path:
    path = tmp_path / "lyftet.yaml"
    text = textwrap.dedent(PROJECT).replace("NAME", name).replace("UNIT", f"amount_unit: {unit}, " if unit else "")
    path.write_text(text, encoding="utf-8")
    return path


def _workbook(tmp_path: Path, *rows, sheets: dict[str, list] | None = None, date_cell: str | None = None) -> Path:
    """data/budget.xlsx with ``rows`` on its one sheet, or ``sheets`` (name: rows) in order; ``date_cell`` formatted
    yyyy-mm-dd, as Excel formats a cell a date was once typed in."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    for k, (title, content) in enumerate((sheets or {"Budget": list(rows)}).items()):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        for row in content:
            ws.append(row)
    if date_cell is not None:
        wb.active[date_cell].number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data" / "budget.xlsx")
    return _params(tmp_path, "budget.xlsx")


# --- headings that look like the ones read ------------------------------------------------------------------------
@pytest.mark.parametrize("headings", [
    ["År", "Kostnadsslag", "Budget", "Utfall", "\u0410ktör"],  # a Cyrillic 'А' (U+0410) in 'Aktör'
    ["År", "\u0420\u043est", "Budget", "Utfall", "Finansiär"],  # 'Post' with a Cyrillic 'Р' and 'о'
    ["År", "Kostnadsslag", "Budget", "Ut\u200bfall", "Finansiär"],  # a zero-width space inside 'Utfall'
    ["År", "Kostnads\u00adslag", "Budget", "Utfall", "Finansiär"],  # a soft hyphen, as pasted from a web page
    ["År", "Kostnadsslag", "Budget\u00a0(kr)", "Utfall\u00a0(kr)", "Finansiär"],  # no-break spaces
], ids=["cyrillic-A", "cyrillic-P-o", "zero-width-space", "soft-hyphen", "no-break-space"])
def test_a_heading_is_read_as_it_looks(tmp_path, headings):
    """Each heading shows as one read: it said that 'Аktör' is not read and to write 'funder' in place of 'Аktör', a
    heading the reader sees as the one read."""
    params = _workbook(tmp_path, headings, [2024, "Lön coach", 480000, 455500, "kommun"],
                       [2025, "Lön coach", 490000, 502300, "förbund"])
    b = et.load_project(params).budget
    got = {(str(r.period), r.category): (r.budget, r.actual, r.funder) for r in b.itertuples()}
    assert got == {("2024", "Lön coach"): (480_000, 455_500, "kommun"),
                   ("2025", "Lön coach"): (490_000, 502_300, "förbund")}


@pytest.mark.parametrize("budget, utfall", [
    ("\u0412udget 2024", "Utfall 2024"),  # a Cyrillic 'В' (U+0412) in 'Budget'
    ("Budget 2024", "Ut\u200bfall 2\u200b024"),  # zero-width spaces inside the word and the year
    ("Budget \uff12\uff10\uff12\uff14", "Utfall\u00a02024"),  # a full-width '２０２４', a no-break space
], ids=["cyrillic-B", "zero-width-space", "full-width-year"])
def test_a_wide_budgets_heading_is_read_as_it_looks(tmp_path, budget, utfall):
    """It said that 'Вudget 2024' is not read as budget or utfall and asked whether 'Budget 2024' was meant."""
    params = _workbook(tmp_path, ["Kostnadsslag", budget, utfall], ["Lön coach", 480000, 455500],
                       ["Lokaler", 60000, 61200])
    b = et.load_project(params).budget.set_index("category")
    assert b.loc["Lön coach", ["period", "budget", "actual"]].tolist() == ["2024", 480_000, 455_500]
    assert b.loc["Lokaler", ["budget", "actual"]].tolist() == [60_000, 61_200]


def test_a_summary_table_under_a_budget_is_never_the_header_of_its_lines(tmp_path):
    """Five Swedish headings on row 1, six lines (rows 2–7), and under an empty row a summary per year with seven
    headings of the wide layout: the summary's headings were taken for the header, the six lines dropped without a
    word and the budget read as the summary's one row. The lines are read; the summary's rows get messages."""
    params = _workbook(tmp_path, ["År", "Kostnadsslag", "Budget", "Utfall", "Finansiär"],
                       *[[2024 + k % 2, f"Post {k}", 1000, 900, "förbund"] for k in range(6)], [],
                       ["Sammanställning per år"],
                       ["Post", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025", "Budget totalt",
                        "Utfall totalt"],
                       ["Alla", 3000, 2700, 3000, 2700, 6000, 5400])
    problems = load_problems(params)
    # read under row 1's headings: the lines (rows 2–7) are fine, and the summary's title (row 9), headings (10) and
    # sums (11) are refused as lines under 'År' whose period cannot be read
    assert problems and {p.row for p in problems} <= {9, 10, 11}
    assert sorted(p.row for p in problems if p.key == "budget.period" and p.column == "År") == [9, 10, 11]


# --- units written another way --------------------------------------------------------------------------------------
THOUSANDS = ["(tusental kr)", "(tusen kr)", "(kSEK)", "(000 kr)", "i tkr"]


@pytest.mark.parametrize("unit", THOUSANDS)
@pytest.mark.parametrize("layout", ["long", "wide"])
def test_a_heading_in_thousands_written_another_way_is_refused_read_in_kr(tmp_path, unit, layout):
    """Read in kr (the default), 480 in thousands would be 480 kr without a word: it said to write 'budget' in place
    of 'Budget (tusental kr)', which read the amounts a thousand times too small."""
    if layout == "long":
        headings = ["År", "Kostnadsslag", f"Budget {unit}", f"Utfall {unit}"]
        rows = [[2024, "Lön coach", 480, 455.5], [2024, "Lokaler", 60, 61.2]]
    else:
        headings = ["Kostnadsslag", f"Budget 2024 {unit}", f"Utfall 2024 {unit}"]
        rows = [["Lön coach", 480, 455.5], ["Lokaler", 60, 61.2]]
    params = _workbook(tmp_path, headings, *rows)
    problems = load_problems(params)
    assert [(p.row, p.key) for p in problems] == [(1, "budget.heading_unit")]
    said = problems[0].note("sv")
    assert f"'{headings[-2]}', '{headings[-1]}' anger beloppen i tkr, men params-filen läser budgeten i kr" in said
    assert "amount_unit: {budget: tkr}" in said
    # with the unit written: 480 thousand is 480 000 kr, 455,5 thousand 455 500 kr
    b = et.load_project(_params(tmp_path, "budget.xlsx", unit="tkr")).budget.set_index("category")
    assert b.loc["Lön coach", ["budget", "actual"]].tolist() == [480_000, 455_500]


def test_a_csv_saved_by_excel_headed_in_kSEK_is_refused_read_in_kr(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_bytes(
        "År;Kostnadsslag;Budget (kSEK);Utfall (kSEK)\r\n2024;Lön;480;455,5\r\n2024;Övrigt;12;13,5\r\n".encode("cp1252"))
    problems = load_problems(_params(tmp_path, "budget.csv"))
    assert [(p.file.endswith("budget.csv"), p.row, p.key) for p in problems] == [(True, 1, "budget.heading_unit")]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("unit, named", [("(Mkr)", "Mkr"), ("(MSEK)", "Mkr"), ("(miljoner kronor)", "Mkr"),
                                         ("(EUR)", "EUR"), ("€", "EUR")])
def test_a_heading_in_millions_or_euro_is_refused_with_the_units_that_are_read(tmp_path, unit, named, lang):
    """No amount_unit reads millions or euro: it said to write 'budget' in place of 'Budget (Mkr)', which read 0,48
    Mkr as 0,48 kr; the message must not tell the evaluator to write amount_unit: Mkr, which the params file
    refuses."""
    headings = ["År", "Kostnadsslag", f"Budget {unit}", f"Utfall {unit}"]
    params = _workbook(tmp_path, headings, [2024, "Lön coach", 0.48, 0.4555])
    for declared in ("", "tkr"):
        problems = load_problems(_params(tmp_path, "budget.xlsx", unit=declared), lang)
        assert [(p.row, p.key) for p in problems] == [(1, "budget.heading_unit_unread")]
        said = problems[0].note(lang)
        assert f"'Budget {unit}', 'Utfall {unit}'" in said and f" {named}," in said
        assert "amount_unit: {budget: tkr}" in said and "{budget: Mkr}" not in said and "{budget: EUR}" not in said
    assert params.exists()


# --- a year no project has, typed in a cell formatted as a date ---------------------------------------------------
@pytest.mark.parametrize("year, shown", [(9999, "1927-05-17"), (1900, "1905-03-14")])
def test_a_four_digit_year_typed_in_a_date_cell_is_answered_with_the_number_it_holds(tmp_path, year, shown):
    """Excel counts 1900-01-01 as day 1 and a 29 February 1900 that never was, so that a number N from 61 on shows as
    1899-12-30 plus N days: 9999 as 1927-05-17, 1900 as 1905-03-14. For 9999 it said 'skriv 1927'."""
    params = _workbook(tmp_path, ["År", "Kostnadsslag", "Budget", "Utfall"], [year, "Lön coach", 480000, 455500],
                       [2024, "Lokaler", 60000, 61200], date_cell="A2")
    problems = load_problems(params)
    assert [(p.row, p.column, p.value, p.key) for p in problems] == [(2, "År", shown, "budget.period_date_formatted")]
    said = problems[0].note("sv")
    assert f"så läses året {year}" in said and f"skriv {shown[:4]}" not in said


# --- a list on a sheet per year --------------------------------------------------------------------------------------
HEADINGS = ["År", "Kostnadsslag", "Budget", "Utfall"]


def test_a_budget_on_sixty_sheets_is_one_message_naming_the_first_and_last(tmp_path):
    """60 sheets, 1990–2049: the message listed the 59 others, twice."""
    sheets = {str(year): [HEADINGS, [year, "Lön coach", 1000, 900]] for year in range(1990, 2050)}
    problems = load_problems(_workbook(tmp_path, sheets=sheets))
    assert [p.key for p in problems] == ["sheet.alike"]
    said = problems[0].note("sv")
    assert "bladet '1990', som läses: '1991', '1992', '1993', …, '2049';" in said
    assert "'2030'" not in said


def test_the_sheet_read_named_with_a_personnummer_is_named_whole_and_without_it(tmp_path):
    """The sheet read, '2024 19121212-1212', is named in messages with the number taken out: it was named 'personnummer
    borttaget', the words of the mark alone, as if that were the sheet."""
    sheets = {f"2024 {PNR}": [HEADINGS, [2024, "Lön coach", 1000, 900]], "2025": [HEADINGS, [2025, "Lön coach", 1000, 900]]}
    problems = load_problems(_workbook(tmp_path, sheets=sheets))
    assert [p.key for p in problems] == ["sheet.alike"]
    said = problems[0].note("sv")
    assert "bladet '2024 [personnummer borttaget]', som läses: '2025'" in said
    assert "1212" not in said and "1212" not in problems[0].file


# --- a column not read that tells rows apart, holding personnummer -----------------------------------------------
def test_a_split_column_of_personnummer_is_refused_and_never_echoed(tmp_path):
    params = _workbook(tmp_path, ["År", "Handläggare", "Kostnadsslag", "Budget", "Utfall"],
                       [2024, PNR, "Lön coach", 300000, 290000], [2024, "811218-9876", "Lön coach", 200000, 195000])
    problems = load_problems(params)
    assert [(p.row, p.column) for p in problems] == [(2, "Handläggare"), (3, "Handläggare")]
    for p in problems:
        assert "1212" not in p.note("sv") and "9876" not in p.note("sv") and p.value is None


def test_a_split_per_municipality_counts_only_lines_of_one_period_cost_line_and_funder(tmp_path):
    """Rows 2 and 4 are one cost line of two funders, rows 6 and 7 one of a municipality left empty: no split. Rows 3
    and 5 ('Lokaler' 2024, kommun) and 8 and 9 ('Lön coach' 2025, förbund) are: 2 lines, the first rows 3 and 5."""
    params = _workbook(tmp_path, ["År", "Kommun", "Kostnadsslag", "Budget", "Utfall", "Finansiär"],
                       [2024, "Sundsvall", "Lön coach", 300000, 290000, "förbund"],
                       [2024, "Sundsvall", "Lokaler", 30000, 30000, "kommun"],
                       [2024, "Timrå", "Lön coach", 200000, 195000, "kommun"],
                       [2024, "Timrå", "Lokaler", 20000, 20000, "kommun"],
                       [2025, "Sundsvall", "Resor", 5000, 4000, "förbund"],
                       [2025, None, "Resor", 1000, 1000, "förbund"],
                       [2025, "Timrå", "Lön coach", 210000, 205000, "förbund"],
                       [2025, "Sundsvall", "Lön coach", 310000, 300000, "förbund"])
    said = [n for n in et.load_project(params).notices if n.key == "budget.lines_split_by"]
    assert [n.column for n in said] == ["Kommun"]
    assert "(2 kostnadsposter, till exempel 'Lokaler' 2024 på raderna 3, 5)" in said[0].note("sv")
    assert "(till exempel 'Lokaler Sundsvall')" in said[0].note("sv")
