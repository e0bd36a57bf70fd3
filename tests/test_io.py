"""Loading and the bad-input matrix: each refusal names file, row, column, value and expectation."""
from __future__ import annotations

import hashlib

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError, PersonalIdentityNumberError

from .conftest import participants_frame, write_csv


def _problems(exc: DataValidationError) -> list[tuple]:
    return [(p.row, p.column, p.value) for p in exc.problems]


@pytest.mark.parametrize("where, sv, en", [
    ([("a.csv", 2)], "1 problem i a.csv. Rätta det i filen och läs in igen; filen har inte ändrats.",
     "1 problem in a.csv. Fix it in the file and load again; the file was not changed."),
    ([("a.csv", 2), ("a.csv", 3)], "2 problem i a.csv. Rätta dem i filen och läs in igen; filen har inte ändrats.",
     "2 problems in a.csv. Fix them in the file and load again; the file was not changed."),
    ([("a.csv", 2), ("b.csv", 5)],
     "2 problem i a.csv, b.csv. Rätta dem i filerna och läs in igen; filerna har inte ändrats.",
     "2 problems in a.csv, b.csv. Fix them in the files and load again; the files were not changed."),
])
def test_the_errors_first_line_counts_its_problems_and_files(where, sv, en):
    from evaltools.data.errors import Problem
    error = DataValidationError([Problem(f, row, "x", "?", "a number") for f, row in where])
    assert error.message("sv").splitlines()[0] == sv
    assert error.message("en").splitlines()[0] == en


def test_tiny_project_loads_with_typed_and_derived_columns(tiny_project):
    project = et.load_project(tiny_project())
    df = project.participants
    assert list(df["person_id"]) == ["P1", "P2", "P3", "P4"]
    # project years count from the start date 2022-01-01
    assert list(df["project_year"]) == [1, 1, 1, 2]
    assert df["ongoing"].tolist() == [False, False, True, False]
    assert df["age_at_start"].tolist() == [42, 47, 32, 55]
    # "8 500,50" with a space and decimal comma is 8500.5 kr
    assert project.payments["amount"].tolist() == [9000, 8500.5, 12000]
    # the "Summa" row is checked against its lines and dropped
    assert project.budget["category"].tolist() == ["Lön", "Övrigt"]
    assert set(project.checksums) == {"participants.csv", "payments.csv", "budget.csv"}


def test_loading_never_changes_input_files(tiny_project):
    path = tiny_project()
    files = sorted((tiny_project.dir / "data").iterdir())
    before = {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    et.load_project(path)
    assert {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files} == before


def test_missing_column(tiny_project):
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame().drop(columns="sex"))
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (None, "sex", None) in _problems(e.value)
    assert "no column named 'sex'" in e.value.message("en")


def test_unknown_outcome_code_names_row_and_value(tiny_project):
    df = participants_frame()
    df.loc[1, "outcome"] = "jobb"
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    # data row index 1 is row 3 in Excel (header is row 1)
    assert (3, "outcome", "jobb") in _problems(e.value)
    assert "participants.csv, row 3, column 'outcome': got 'jobb'; expected one of arbete" in e.value.message("en")


def test_unparsable_date(tiny_project):
    df = participants_frame()
    df.loc[0, "start_date"] = "1/2 2022"
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (2, "start_date", "1/2 2022") in _problems(e.value)
    assert "YYYY-MM-DD" in e.value.message("en")


def test_end_before_start(tiny_project):
    df = participants_frame()
    df.loc[0, "end_date"] = "2022-01-15"
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (2, "end_date", "2022-01-15") in _problems(e.value)


def test_start_outside_project_period(tiny_project):
    df = participants_frame()
    df.loc[3, "start_date"] = "2024-02-01"
    df.loc[3, "end_date"] = "2024-03-01"
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (5, "start_date", "2024-02-01") in _problems(e.value)
    assert "within the project period 2022-01-01 – 2023-12-31" in e.value.message("en")


def test_duplicate_enrolment_points_at_first_row(tiny_project):
    df = pd.concat([participants_frame(), participants_frame().iloc[[0]]], ignore_index=True)
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (6, "person_id", "P1") in _problems(e.value)
    assert "already on row 2" in e.value.message("en")


@pytest.mark.parametrize("bad", ["-100", "nio tusen"])
def test_negative_or_non_numeric_amount(tiny_project, bad):
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-02", "amount": bad},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    if bad == "-100":  # a repayment with nothing paid that month: its person-month nets below 0, named by its month
        assert (3, "month", "2022-02") in _problems(e.value)
        assert "exceed what was paid out then" in e.value.message("en")
        return
    assert (3, "amount", bad) in _problems(e.value)
    assert "a number of 0 or more" in e.value.message("en")


def test_payment_month_outside_plausible_range(tiny_project):
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "1999-01", "amount": 9000},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (2, "month", "1999-01") in _problems(e.value)


def test_payment_person_not_a_participant_is_a_warning(tiny_project):
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "X9", "month": "2022-01", "amount": 9000},
    ])
    project = et.load_project(tiny_project())
    w = project.data_quality
    # (P2–P4 have no rows: that note is tested in test_payment_shapes; the budget's lines are for 2022 only, of a
    # period 2022–2023: that note in test_budget_gaps_60)
    w = w[~w["code"].isin(["payment_not_covered", "budget_gaps"])]
    assert list(w[["row", "column", "value", "severity"]].itertuples(index=False, name=None)) == [
        (3, "person_id", "X9", "warning")]
    assert len(project.payments) == 2


def test_budget_total_that_disagrees_with_lines(tiny_project):
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
        {"period": "2022", "category": "Summa", "budget": 125000, "actual": 115000},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (4, "budget", "125 000") in _problems(e.value)
    assert "the sum of its lines, 120 000" in e.value.message("en")


def test_params_referencing_missing_file(tiny_project):
    path = tiny_project(data_block="data:\n  participants: data/saknas.csv\n")
    with pytest.raises(ParamsError) as e:
        et.load_project(path)
    assert "data.participants: filen 'data/saknas.csv' finns inte" in str(e.value)  # the evaluator's language
    assert "data.participants: file 'data/saknas.csv' does not exist" in e.value.message("en")


def test_params_unknown_goal_kind_and_unknown_key_reported_together(tiny_project):
    path = tiny_project("""\
        goals:
          - {id: g1, kind: antal, label: Minst 10, target: 10}
        colour: blue
        """)
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    msg = str(e.value)  # Swedish by default, each goal numbered as the evaluator counts
    assert "mål 1 (id: g1), kind: står 'antal'; förväntat ett av:" in msg and "participant_count" in msg
    assert "colour: projektparametrarna har ingen sådan inställning" in msg
    assert "2 problem i projektparametrarna" in msg
    en = e.value.message("en")
    assert "goal 1 (id: g1), kind: got 'antal'; expected one of:" in en
    assert "colour: the project parameters have no such setting" in en and "docs/data-contract.md" in en
    assert "goals.0" not in msg + en


@pytest.mark.parametrize("pnr", ["19800101-1234", "800101-1234", "198001011234"])
def test_personnummer_anywhere_is_refused_without_echoing_it(tiny_project, pnr):
    df = participants_frame()
    df["note"] = ["", pnr, "", ""]
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(PersonalIdentityNumberError) as e:
        et.load_project(tiny_project())
    assert (3, "note") in [(p.row, p.column) for p in e.value.problems]
    assert pnr not in str(e.value)
    assert "pseudonymous" in e.value.message("en")


def test_empty_participants_file_when_declared(tiny_project):
    (tiny_project.dir / "data/participants.csv").write_text(
        "person_id,sex,birth_year,household_type,start_date,end_date,outcome\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert "no data rows" in e.value.message("en")


def test_excel_with_title_row_above_header(tiny_project):
    df = participants_frame()
    df.loc[1, "outcome"] = "okänd kod"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Deltagare i Litet testprojekt, uttag 2023-06-01"])
    ws.append([])
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append(list(row))
    path = tiny_project.dir / "data" / "participants.xlsx"
    wb.save(path)
    params = tiny_project(data_block="data:\n  participants: data/participants.xlsx\n")
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    # header on Excel row 3, so the second data row is row 5
    assert (5, "outcome", "okänd kod") in _problems(e.value)
    df.loc[1, "outcome"] = "arbete"
    wb2 = openpyxl.load_workbook(path)
    wb2.active.cell(row=5, column=7, value="arbete")
    wb2.save(path)
    assert len(et.load_project(params).participants) == 4


def test_all_problems_are_reported_at_once(tiny_project):
    df = participants_frame()
    df.loc[0, "sex"] = "k"
    df.loc[2, "start_date"] = "2022-13-01"
    df.loc[3, "outcome"] = "jobb"
    write_csv(tiny_project.dir / "data/participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert {(2, "sex"), (4, "start_date"), (5, "outcome")} <= {(p.row, p.column) for p in e.value.problems}
    assert len(e.value.failure_cases) == len(e.value.problems)


def test_many_rows_with_the_same_problem_are_folded_but_all_kept(tiny_project):
    rows = [(f"P{i}", "x", 1980, "ensamstående", "2022-02-01", "", "") for i in range(30)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    # each of the 30 rows is kept, and one message more gives the data.codes line for the text written in them all
    rows_named = [p for p in e.value.problems if p.row is not None]
    assert len(rows_named) == 30 and sorted(p.row for p in rows_named) == list(range(2, 32))
    assert len(e.value.problems) == 31 and "data" in e.value.message("en") and "codes" in e.value.message("en")
    assert "and 25 more row(s)" in e.value.message("en")


def test_amounts_in_tkr_are_converted(tiny_project):
    path = tiny_project(data_block="data:\n  participants: data/participants.csv\n  budget: data/budget.csv\n  amount_unit: tkr\n")
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "hela", "category": "Lön", "budget": 533, "actual": 500},
        {"period": "hela", "category": "Summa", "budget": 533, "actual": 500},
    ])
    b = et.load_project(path).budget
    assert b["budget"].tolist() == [533000] and b["actual"].tolist() == [500000]


def test_project_without_participant_data_loads(tiny_project):
    project = et.load_project(tiny_project(data_block="data:\n  budget: data/budget.csv\n"))
    assert not project.has_participants
    assert project.budget["budget"].sum() == 120000


def test_duplicate_payment_month_is_refused(tiny_project):
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-01", "amount": 500},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    assert (3, "month", "2022-01") in _problems(e.value)
    assert "one row per person and month" in e.value.message("en")


def test_semicolon_csv_with_bom_and_decimal_comma(tiny_project):
    text = "\ufeffperiod;category;budget;actual\n2022;Lön;100 000,00;90 000\n2022;Övrigt;20000;25000,0\n"
    (tiny_project.dir / "data/budget.csv").write_text(text, encoding="utf-8")
    b = et.load_project(tiny_project()).budget
    assert b["budget"].tolist() == [100000, 20000] and b["actual"].tolist() == [90000, 25000]


def test_warnings_name_the_file_row(tiny_project):
    # a budget line with no amounts (file row 3, after the header and one line) and an end date after
    # the data were extracted (P4 is the fourth participant: file row 5)
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Resor", "budget": None, "actual": None},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
    ])
    project = et.load_project(tiny_project("data_as_of: 2023-03-01\n"))
    found = {(w.code, w.row, w.value) for w in project.warnings}
    assert ("empty_budget_line", 3, "Resor") in found
    assert ("late_end", 5, "2023-05-01") in found


def test_a_loaded_project_does_not_depend_on_the_language_of_its_messages(tiny_project):
    # the language asked of load_project is that of its error messages: the project itself (its tables
    # and its notes, worded later in the report's language) is the same, so that a report made from a
    # project loaded in Swedish and one made from its params file in English are the same report
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Resor", "budget": None, "actual": None},
    ])
    path = tiny_project("data_as_of: 2023-03-01\n")
    sv, en = et.load_project(path, lang="sv"), et.load_project(path, lang="en")
    assert {"late_end", "empty_budget_line"} <= {w.code for w in sv.warnings}
    assert sv.warnings == en.warnings
    for table in ("participants", "payments", "budget"):
        pd.testing.assert_frame_equal(getattr(sv, table), getattr(en, table))
    assert sv.params == en.params and sv.checksums == en.checksums
