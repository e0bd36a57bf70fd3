"""Thirty-seventh sweep of projects unlike the samples, from files made in Excel on Windows. A participant file read
through the params file's data.columns ('Löpnummer': person_id, 'Startdatum': start_date) names a bad cell by the
heading the evaluator sees in the file ('Startdatum'), as a payments or register file does ('Belopp'): one way for
every file. A comparison group's payments file with its own headings is read through the same line, and without it gets the one line to paste.
Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import evaltools as et

from .conftest import load_problems, participants_frame, write_csv

HEADINGS = ["Löpnummer", "Kön", "Födelseår", "Hushållstyp", "Startdatum", "Slutdatum", "Utfall"]
MAPPED = ("{'Löpnummer': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushållstyp': household_type, "
          "'Startdatum': start_date, 'Slutdatum': end_date, 'Utfall': outcome}")


def _excel_persons(path: Path, rows: list[list]) -> Path:
    """A case system's list saved by Excel: Swedish headings on row 1, dates as date cells, the id column filtered
    and the header row frozen, as an evaluator leaves it."""
    import openpyxl  # (only the Excel-made files need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(HEADINGS)
    for row in rows:
        ws.append(row)
        for col, value in enumerate(row, 1):
            if isinstance(value, dt.datetime):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws.auto_filter.ref = f"A1:G{ws.max_row}"
    ws.freeze_panes = "A2"
    wb.save(path)
    return path


def _d(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# the tiny project's P1-P4 (tests/conftest.py) as the case system writes them
PERSONS = [
    ["P1", "kvinna", 1980, "ensamstående", _d("2022-02-01"), _d("2022-08-01"), "arbete"],
    ["P2", "man", 1975, "sambo_med_barn", _d("2022-03-15"), _d("2022-12-01"), "kvar_försörjningsstöd"],
    ["P3", "kvinna", 1990, "ensamstående_med_barn", _d("2022-06-01"), None, None],
    ["P4", "man", 1968, "ensamstående", _d("2023-01-10"), _d("2023-05-01"), "sjuk_aktivitetsersättning"],
]


def _mapped_params(tiny_project, extra: str = "") -> Path:
    return tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n  payments: data/payments.csv\n"
                                   f"  columns: {MAPPED}\n" + extra)


def test_a_bad_cell_of_a_mapped_participants_file_is_named_by_the_files_heading(tiny_project):
    """P2's start typed 'snart' (row 3) and P4's birth year 'okänt' (row 5): each named by the heading Excel shows
    ('Startdatum', 'Födelseår'), not the contract's start_date and birth_year, with the row and the value."""
    rows = [list(r) for r in PERSONS]
    rows[1][4] = "snart"
    rows[3][2] = "sextioåtta"
    _excel_persons(tiny_project.dir / "data" / "deltagare.xlsx", rows)
    problems = load_problems(_mapped_params(tiny_project))
    cells = sorted((p.row, p.column, p.value) for p in problems if p.row is not None)
    assert cells == [(3, "Startdatum", "snart"), (5, "Födelseår", "sextioåtta")]
    said = next(p for p in problems if p.row == 3).text("sv")
    assert "rad 3, kolumn 'Startdatum'" in said and "start_date" not in said


def test_a_payments_and_a_participants_cell_are_named_the_same_way(tiny_project):
    """The payments file's own heading 'Belopp' and the participants file's 'Slutdatum' in one project: both
    messages name the file's heading, neither the contract's column."""
    rows = [list(r) for r in PERSONS]
    rows[0][5] = "i augusti"
    _excel_persons(tiny_project.dir / "data" / "deltagare.xlsx", rows)
    write_csv(tiny_project.dir / "data" / "utbet.csv", [{"Deltagar-ID": "P1", "Månad": "2022-01", "Belopp": "mycket"}])
    params = tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n  payments: data/utbet.csv\n"
                                     f"  columns: {MAPPED[:-1]}, 'Deltagar-ID': person_id, 'Månad': month, "
                                     "'Belopp': amount}\n")
    problems = load_problems(params)
    assert sorted((Path(p.file).name, p.row, p.column) for p in problems if p.row is not None) == [
        ("deltagare.xlsx", 2, "Slutdatum"), ("utbet.csv", 2, "Belopp")]


# --- the comparison group's payments, read through the same data.columns line ----------------------------------
COMPARISON = [(f"C{i}", "man", 1975, "ensamstående", "2022-03-01", "2022-12-01", "kvar_försörjningsstöd")
              for i in range(1, 7)]


def _comparison_project(tiny_project, headings: list[str], rows: list[list], columns: str = "") -> Path:
    """The tiny project with a comparison group of six (C1-C6) whose payments a finance system exported with
    ``headings`` to a workbook: amounts as number cells with two decimals, one typed as text with a decimal
    comma (as a person corrects a cell), and two empty rows under them."""
    import openpyxl  # (only the Excel-made files need it)
    write_csv(tiny_project.dir / "data" / "comparison.csv", participants_frame(COMPARISON))
    path = tiny_project.dir / "data" / "jmf_utbet.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Utbetalningar"
    ws.append(headings)
    for row in rows:
        ws.append(row)
        ws.cell(ws.max_row, 3).number_format = "#,##0.00"
    ws.append([])
    ws.append([])
    wb.save(path)
    return tiny_project(data_block=(
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/jmf_utbet.xlsx}\n"
        + (f"  columns: {columns}\n" if columns else "")))


# C1 paid 7 000 kr in 2022-01, C2 6 500,50 in 2022-02 and C3 1 200 in 2022-02 (typed '1 200,00'): 14 700,50 in all
PAID_ROWS = [["C1", "2022-01", 7000], ["C2", "2022-02", 6500.5], ["C3", "2022-02", "1 200,00"]]
OWN = "{'Kund-ID': person_id, 'Utbetalningsmånad': month, 'Belopp': amount}"


def test_a_comparison_groups_payments_in_its_own_headings_are_read_through_data_columns(tiny_project):
    project = et.load_project(_comparison_project(tiny_project, ["Kund-ID", "Utbetalningsmånad", "Belopp"],
                                                  PAID_ROWS, OWN))
    paid = project.comparison_payments
    assert {(r.person_id, f"{r.month:%Y-%m}"): float(r.amount) for r in paid.itertuples()} == {
        ("C1", "2022-01"): 7000.0, ("C2", "2022-02"): 6500.5, ("C3", "2022-02"): 1200.0}
    # the project's own payments (contract headings) are read beside them as before: P1 twice, P2 once
    assert len(project.payments) == 3


def test_a_comparison_groups_payments_without_the_line_get_the_one_line_to_paste(tiny_project):
    """Without data.columns: one message naming the comparison group's file, with each heading and the column it
    is in other words ('Utbetalningsmånad' is month; 'Kund-ID' and 'Belopp' are '?': no column's other words)."""
    problems = load_problems(_comparison_project(tiny_project, ["Kund-ID", "Utbetalningsmånad", "Belopp"], PAID_ROWS))
    assert [(p.key, Path(p.file).name) for p in problems] == [("column.own_headings_file", "jmf_utbet.xlsx")]
    said = problems[0].note("sv")
    assert "columns: {'Kund-ID': ?, 'Utbetalningsmånad': month, 'Belopp': amount}" in said


def test_a_bad_amount_in_the_comparison_groups_payments_is_named_by_its_heading(tiny_project):
    rows = [PAID_ROWS[0], ["C2", "2022-02", "sexton"], PAID_ROWS[2]]
    problems = load_problems(_comparison_project(tiny_project, ["Kund-ID", "Utbetalningsmånad", "Belopp"], rows, OWN))
    assert [(Path(p.file).name, p.row, p.column, p.value) for p in problems] == [
        ("jmf_utbet.xlsx", 3, "Belopp", "sexton")]
