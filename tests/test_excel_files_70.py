"""Files as an economy system and a case system export them, read as an evaluator means them: a ledger (Konto,
Kontonamn, Period 202401, Belopp) told once how a budget is laid out from it, a budget heading named as the file
writes it ('Period'), a minus sign lost to '?' in a CSV saved in Windows' encoding, a case system's 'Status' where the
outcome is missing, a partner's staff time as the funder, the prolonged time ('Förlängning') without its year, the
exits to parental leave and to the establishment programme, and one row more than a message lists as one row. Each
ends in one clear message naming file, row, column and value with what to write, the input never changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import evaltools as et
from evaltools.data import schema as S
from evaltools.data.errors import DataValidationError
from evaltools.data.validation import _suggested_code
from evaltools.publish import cli

from .conftest import load_problems as _problems
from .conftest import params_with_files as _params


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_period(params: Path, period: str) -> Path:
    """The tiny project's params with ``period`` in place of its own (2022-01-01 to 2023-12-31)."""
    text = params.read_text(encoding="utf-8")
    params.write_text(text.replace("period: {start: 2022-01-01, planned_end: 2023-12-31}", period), encoding="utf-8")
    return params


# --- 1. an economy system's ledger as the budget -------------------------------------------------------------------

_LEDGER = ("Konto;Kontonamn;Period;Belopp\n"
           "4010;Löner;202312;10000\n"        # row 2
           "4010;Löner;202401;11000\n"        # row 3
           "5410;Resor;202401;500\n")         # row 4


def test_a_ledger_is_one_message_saying_how_a_budget_is_laid_out_from_it(tiny_project, capsys):
    """Three month rows of 2023 and 2024: one message at the heading row (1), its 'Belopp' called the utfall, the
    years 2023 and 2024 named and the 3 rows not read; no message per month, none offering 'Belopp' as the budget."""
    path = tiny_project.dir / "data" / "budget.csv"
    path.write_text(_LEDGER, encoding="utf-8")
    before = _sha(path)
    params = _params(tiny_project, participants="participants.csv", budget="budget.csv")
    problems = _problems(params)
    assert [(p.row, p.column, p.key) for p in problems] == [(1, "Belopp", "budget.ledger")]
    sv, en = problems[0].note("sv"), problems[0].note("en")
    assert "där 'Belopp' är utfallet" in sv and "åren i filen: 2023, 2024" in sv and sv.endswith("(3 rader lästes inte)")
    assert "(från kolumnen 'Kontonamn')" in sv and "troligen" not in sv
    assert "where 'Belopp' is the utfall" in en and en.endswith("(3 rows not read)")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before


def test_a_budget_with_an_account_column_and_its_amounts_is_no_ledger(tiny_project):
    """'Konto' as the cost line's name beside 'Budget' and 'Utfall' is a budget: read as before (it loads)."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period;category;Konto;budget;actual\n2022;Lön;4010;100000;90000\n", encoding="utf-8")
    project = et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert project.budget[S.BUDGET].tolist() == [100000.0]


def test_a_ledger_of_debit_and_credit_and_dated_entries_is_told_the_same(tiny_project):
    """Visma's ledger: 'Debet' less 'Kredit' is the utfall, the year read from each entry's date (2022 and 2023), the
    name from 'Benämning'."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "Konto;Benämning;Datum;Debet;Kredit\n4010;Löner;2022-01-25;10000;0\n3010;Bidrag;2023-02-01;0;50000\n",
        encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.column, p.key) for p in problems] == [(1, "Debet", "budget.ledger")]
    sv = problems[0].note("sv")
    assert "Summera 'Debet' minus 'Kredit' per år" in sv and "åren i filen: 2022, 2023" in sv
    assert "(från kolumnen 'Benämning')" in sv and sv.endswith("(2 rader lästes inte)")


def test_a_budget_whose_lines_are_headed_kontonamn_is_read(tiny_project):
    """'Kontonamn' beside 'Budget' and 'Utfall' is the budget's cost line (category), not a column missing."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "Kontonamn;År;Budget;Utfall\nLöner;2022;100000;90000\nResor;2022;5000;4000\n", encoding="utf-8")
    project = et.load_project(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert project.budget[S.CATEGORY].tolist() == ["Löner", "Resor"]
    assert project.budget[S.ACTUAL].tolist() == [90000.0, 4000.0]


# --- 2. one row more than the message lists is one row ------------------------------------------------------------

@pytest.mark.parametrize(("bad", "sv", "en"), [
    (6, "… och 1 rad till i {file}, kolumn 'amount' med samma problem (rad 7)",
     "… and 1 more row in {file}, column 'amount' with the same problem (row 7)"),
    (7, "… och 2 rad(er) till i {file}, kolumn 'amount' med samma problem (rader 7, 8)",
     "… and 2 more row(s) in {file}, column 'amount' with the same problem (rows 7, 8)")])
def test_the_rows_past_the_fifth_are_named_in_the_number_they_are(tiny_project, bad, sv, en):
    """Five problems are listed; a sixth on row 7 is '1 rad … (rad 7)', a sixth and seventh '(rader 7, 8)'."""
    rows = "".join(f"P1;2022-{m:02d};tusen\n" for m in range(1, bad + 1))
    path = tiny_project.dir / "data" / "utbetalningar.csv"
    path.write_text("person_id;month;amount\n" + rows, encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert e.value.message("sv").splitlines()[-1] == "  - " + sv.format(file=path)
    assert e.value.message("en").splitlines()[-1] == "  - " + en.format(file=path)


# --- 3. a budget heading named as the file writes it --------------------------------------------------------------

def test_a_period_headed_period_with_a_capital_is_named_so(tiny_project):
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "Period,category,budget,actual\n2022,Lön,100000,90000\n2022x,Övrigt,20000,25000\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "Period", "2022x")]


# --- 4. a minus sign lost to '?' in a CSV saved in Windows' encoding ---------------------------------------------

def test_a_minus_lost_to_a_question_mark_in_a_budget_says_what_it_was(tiny_project):
    """'−2500' (U+2212) saved as ANSI is '?2500': the number it was, -2500, and then that a budget line is a cost."""
    path = tiny_project.dir / "data" / "budget.csv"
    path.write_bytes("period;category;budget;actual\n2022;Lön;100000;90000\n2022;Övrigt;20000;\u22122500\n"
                     .encode("cp1252", errors="replace"))
    assert b";?2500" in path.read_bytes()  # (how the encoding writes the character it lacks)
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "actual", "?2500")]
    sv = problems[0].note("sv")
    assert "blev '?' när filen sparades som CSV i Windows teckenkodning (ANSI)" in sv
    assert "talet är då -2500 – beloppet är negativt; en budgetrad är en kostnad" in sv


def test_a_repayment_with_its_minus_lost_gets_the_number_to_write(tiny_project):
    (tiny_project.dir / "data" / "utbetalningar.csv").write_bytes(
        "person_id;payment_date;amount\nP1;2022-01-03;9000\nP1;2022-01-20;\u22122 345,00\n".encode("cp1252", "replace"))
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [(p.row, p.value) for p in problems] == [(3, "?2 345,00")]
    assert problems[0].note("en").endswith("the number is then -2345,00: write -2345,00 (with a minus sign)")


@pytest.mark.parametrize("text", ["?", "12?00", "?abc"])
def test_other_question_marks_get_no_minus(tiny_project, text):
    (tiny_project.dir / "data" / "utbetalningar.csv").write_text(
        f"person_id;payment_date;amount\nP1;2022-01-03;{text}\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", payments="utbetalningar.csv"))
    assert [p.row for p in problems] == [2] and "minustecken (−)" not in problems[0].note("sv")


# --- 5. a case system's 'Status' where the outcome is missing ---------------------------------------------------

_PERSONS = ("person_id,sex,birth_year,household_type,start_date,end_date,Status\n"
            "P1,kvinna,1980,ensamstående,2022-01-10,2022-08-01,arbete\n"
            "P2,man,1975,ensamstående,2022-02-01,2022-12-01,studier\n")


def test_a_status_column_is_offered_as_the_outcome_through_data_columns(tiny_project):
    """Not 'is it sgi_status?': the line of data.columns that reads 'Status' as the outcome, the file unchanged."""
    path = tiny_project.dir / "data" / "deltagare.csv"
    path.write_text(_PERSONS, encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="deltagare.csv"))
    assert [(p.column, p.key) for p in problems] == [("outcome", "column.status_outcome")]
    assert "data: columns: {'Status': outcome}" in problems[0].note("sv")
    assert "sgi_status" not in problems[0].note("sv")


def test_the_status_so_mapped_is_read_as_the_outcome(tiny_project):
    (tiny_project.dir / "data" / "deltagare.csv").write_text(_PERSONS, encoding="utf-8")
    project = et.load_project(tiny_project(
        data_block="data:\n  participants: data/deltagare.csv\n  columns: {'Status': outcome}\n"))
    assert project.participants[S.OUTCOME].tolist() == ["arbete", "studier"]


# --- 6. a partner's staff time as the funder ----------------------------------------------------------------------

def test_co_financing_in_time_gets_the_partners_codes(tiny_project):
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period;category;budget;actual;funder\n2022;Lön;100000;90000;förbund\n"
        "2022;Handläggare;20000;20000;Medfinansiering i tid\n"
        "2022;Handläggare Arbetsförmedlingen;15000;15000;Medfinansiering i form av arbetstid\n", encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"))
    assert [(p.row, p.column) for p in problems] == [(3, "funder"), (4, "funder")]
    assert problems[0].note("sv").endswith(
        "skrivs med koden för den part vars personal det är: kommun, region, försäkringskassan eller "
        "arbetsförmedlingen; skriv 'arbetstid' i kolumnen category (till exempel 'Handläggare, arbetstid'), så visar "
        "budgettabellen att raden är arbetstid")
    assert "raden nämner den: skriv 'arbetsförmedlingen'" in problems[1].note("sv")


# --- 7. the prolonged time without its year -----------------------------------------------------------------------

def _extension(tiny_project, period: str | None = None) -> list:
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period,category,budget,actual\n2022,Lön,100000,90000\nFörlängning,Lön,20000,25000\n", encoding="utf-8")
    params = _params(tiny_project, participants="participants.csv", budget="budget.csv")
    return _problems(_with_period(params, period) if period else params)


def test_the_prolonged_time_without_an_end_gets_the_year_after_the_planned_end(tiny_project):
    """Planned to end 2023-12-31 from 2022-01-01: the prolonged time is 2024, project year 3."""
    problems = _extension(tiny_project)
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "period", "budget.period_extension_end")]
    assert "skriv året, 2024, eller projektåret, år 3" in problems[0].note("sv")
    assert "period.actual_end" in problems[0].note("sv")


@pytest.mark.parametrize(("end", "years", "numbers"), [("2024-06-30", "2024", "år 3"),
                                                       ("2025-03-31", "2024 eller 2025", "år 3 eller år 4")])
def test_the_prolonged_time_gets_the_years_it_runs_in(tiny_project, end, years, numbers):
    problems = _extension(tiny_project, f"period: {{start: 2022-01-01, planned_end: 2023-12-31, actual_end: {end}}}")
    assert [(p.row, p.key) for p in problems] == [(3, "budget.period_extension")]
    assert f"förlängningen löper 2024-01-01 – {end}" in problems[0].note("sv")
    assert f"skriv året, {years}, eller projektåret, {numbers} " in problems[0].note("sv")


# --- 8. exits to another benefit in a status column's words ------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [("Avslutad – föräldraledig", "annan_ersättning"),
                                            ("Avslutad – fortsatt etablering", "annan_ersättning"),
                                            ("Avslutad – arbete", "arbete")])
def test_an_exit_to_another_benefit_gets_its_code_suggested(text, code):
    outcome = next(c for c in S.PARTICIPANTS.columns if c.name == S.OUTCOME)
    assert _suggested_code(text, outcome) == code


def test_a_prolonged_time_over_two_years_is_named_as_written(tiny_project):
    """'Förlängning 2024-2025' was named 'läsår 2024/25', a period the cell does not say: now the cell as written,
    with the prolonged time's year (2024-01-01 – 2024-12-31 by the params file) to write."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period,category,budget,actual\n2022,Lön,100000,90000\nFörlängning 2024-2025,Lön,20000,25000\n",
        encoding="utf-8")
    params = _with_period(_params(tiny_project, participants="participants.csv", budget="budget.csv"),
                          "period: {start: 2022-01-01, planned_end: 2023-12-31, actual_end: 2024-12-31}")
    problems = _problems(params)
    assert [(p.row, p.value, p.key) for p in problems] == [(3, "Förlängning 2024-2025", "budget.period_extension")]
    assert "skriv året, 2024, eller projektåret, år 3 " in problems[0].note("sv")


def test_a_status_beside_the_outcome_is_not_offered_as_the_sgi_status(tiny_project):
    """'Status' is spelt close to 'sgi_status', but a case system's status is no SGI: no message that it may be."""
    (tiny_project.dir / "data" / "deltagare.csv").write_text(
        _PERSONS.replace(",Status\n", ",outcome,Status\n").replace(",arbete\n", ",arbete,Avslutad\n")
        .replace(",studier\n", ",studier,Avslutad\n"), encoding="utf-8")
    project = et.load_project(_params(tiny_project, participants="deltagare.csv"))
    assert project.participants[S.OUTCOME].tolist() == ["arbete", "studier"]


def test_a_status_of_enrolled_or_left_is_not_offered_as_the_outcome(tiny_project):
    """'Aktiv' and 'Avslutad' say whether a person is enrolled, not where the person went: no data.columns line that
    would read them as outcomes, but what to add."""
    (tiny_project.dir / "data" / "deltagare.csv").write_text(
        _PERSONS.replace(",arbete\n", ",Avslutad\n").replace(",studier\n", ",Aktiv\n"), encoding="utf-8")
    problems = _problems(_params(tiny_project, participants="deltagare.csv"))
    assert [(p.column, p.key) for p in problems] == [("outcome", "column.status_no_outcome")]
    sv = problems[0].note("sv")
    assert "kolumnen 'Status' säger bara om deltagaren är inskriven eller avslutad" in sv and "{'Status'" not in sv
