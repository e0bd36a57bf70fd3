"""Thirty-eighth sweep of projects unlike the samples, from files made in Excel on Windows. A short-stay project (a
lotsfunktion: participants staying 4–12 weeks), whose coordinator keeps one status column in her own words ("Pågår",
"Avslutad – arbete", "Avbrott", "Remiss ej aktuell") and lists those referred who never began: a "Pågår" is told to
be left empty while the person is enrolled, and a referral that never began is one message for its row (delete it),
not also an empty start date. Its goals as the application words them: a time limit from the start ("minst 80 % ska
ha en individuell plan inom 4 veckor från start", "Inom 3 månader ska 50 % vara i aktivitet hos
Arbetsförmedlingen") and a second condition ("... och inte ha återkommit till försörjningsstöd efter 3 månader")
were judged as the outcome at exit, however long it took and whoever came back: each is now refused with what to
write. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import evaltools as et

from .conftest import load_problems, params_refusal

HEADINGS = ["Löpnr", "Kön", "Födelseår", "Hushåll", "Startdatum", "Slutdatum", "Status", "Försörjning vid start"]
COLUMNS = ("{'Löpnr': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushåll': household_type, "
           "'Startdatum': start_date, 'Slutdatum': end_date, 'Status': outcome, 'Försörjning vid start': support_start, "
           "'Månad': month, 'Belopp': amount}")
CODES = ("{outcome: {'Avslutad – arbete': arbete, 'Avslutad – studier': studier, "
         "'Avslutad – AF-aktivitet': arbetssökande}}")

# The coordinator's list, file rows 2-10. L002's start and L003's birth year typed as text; L004 referred and never began (no dates);
# L006 and L007 still enrolled, their status 'Pågår'. Ended: L001 (arbete), L002 (AF-aktivitet), L003 (avbrott),
# L005 (studier), L008 (arbete), L009 (kvar_försörjningsstöd, the code written as it is): 3 of 6 to work or studies.
LIST = [
    ["L001", "Kvinna", 1985, "ensamstående", "2024-01-15", "2024-03-01", "Avslutad – arbete", "försörjningsstöd"],
    ["L002", "Man", 1979, "ensamstående", "text:2024-02-05", "2024-04-26", "Avslutad – AF-aktivitet",
     "försörjningsstöd"],
    ["L003", "Kvinna", "1990", "ensamstående_med_barn", "2024-03-04", "2024-05-31", "Avbrott", "försörjningsstöd"],
    ["L004", "Man", 1968, "ensamstående", None, None, "Remiss ej aktuell", "försörjningsstöd"],
    ["L005", "Man", 2001, "ensamstående", "2024-04-08", "2024-06-14", "Avslutad – studier", "aktivitetsstöd"],
    ["L006", "Kvinna", 1995, "sambo_med_barn", "2025-05-12", None, "Pågår", "försörjningsstöd"],
    ["L007", "Man", 1983, "ensamstående", "2025-06-02", None, "Pågår", "försörjningsstöd"],
    ["L008", "Kvinna", 1988, "ensamstående", "2024-05-06", "2024-07-26", "Avslutad – arbete", "försörjningsstöd"],
    ["L009", "Man", 1975, "ensamstående", "2024-06-03", "2024-08-30", "kvar_försörjningsstöd", "försörjningsstöd"],
]


def _workbook(path: Path, rows: list[list]) -> Path:
    """The list as the coordinator keeps it in Excel: Swedish headings on row 1 (frozen, filtered), dates as date
    cells (one typed as text), a comment on a status cell and two empty rows under the list."""
    import openpyxl  # (only the Excel-made files need it)
    from openpyxl.comments import Comment  # (only the Excel-made files need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(HEADINGS)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str) and value.startswith("text:"):
                cells.append(value[5:])
            elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
                cells.append(dt.datetime.fromisoformat(value))
            else:
                cells.append(value)
        ws.append(cells)
        for col in (5, 6):
            if isinstance(ws.cell(ws.max_row, col).value, dt.datetime):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws["G3"].comment = Comment("Inskriven på AF:s program enligt handläggaren", "Lotsen")
    ws.auto_filter.ref = f"A1:H{ws.max_row}"
    ws.freeze_panes = "A2"
    ws.append([])
    ws.append([])
    wb.save(path)
    return path


def _payments(path: Path) -> Path:
    """Payments saved by Swedish Excel as 'CSV (semikolonavgränsad)': Windows-1252, semicolons, decimal commas, a
    space between the thousands. L001 9 800,50 in January and February 2024, L002 7 200 in February: 26 801 kr."""
    text = "Löpnr;Månad;Belopp\r\nL001;2024-01;9800,50\r\nL001;2024-02;9 800,50\r\nL002;2024-02;7200\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path


GOAL = """\
goals:
  - id: arbete
    kind: share
    label: Minst 30 % av dem som avslutats ska gå vidare till arbete eller studier
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete, studier]
"""


def _params(root: Path, goals: str = GOAL) -> Path:
    text = ("id: lotsen\n"
            "kind: individ\n"
            "title: Lotsen – en lotsfunktion för personer med ekonomiskt bistånd\n"
            "forbund: Samordningsförbundet Mittbygd\n"
            "owner: Mittby kommun\n"
            "period: {start: 2024-01-01, planned_end: 2025-12-31}\n"
            "data_as_of: 2025-06-30\n"
            "data:\n"
            "  participants: data/Lotsen deltagare.xlsx\n"
            "  payments: data/utbetalningar.csv\n"
            f"  columns: {COLUMNS}\n"
            f"  codes: {CODES}\n" + goals)
    path = root / "lotsen.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _lotsen(root: Path, rows: list[list] = LIST, goals: str = GOAL) -> Path:
    _workbook(root / "data" / "Lotsen deltagare.xlsx", rows)
    _payments(root / "data" / "utbetalningar.csv")
    return _params(root, goals)


def _cleaned() -> list[list]:
    """The list as the messages ask: the referral that never began deleted, 'Pågår' left empty."""
    return [[None if v == "Pågår" else v for v in row] for row in LIST if row[0] != "L004"]


# --- the status column ---------------------------------------------------------------------------------------------
def test_a_status_column_is_told_what_each_status_that_is_no_outcome_is_to_be(tmp_path):
    """Three problems, one per row: L004 (row 5) referred and never began, told to delete the row, with no message
    of its empty start date besides; L006 and L007 (rows 7, 8) 'Pågår', told to leave the cell empty."""
    problems = load_problems(_lotsen(tmp_path))
    assert sorted((p.row, p.column, p.value) for p in problems) == [
        (5, "Status", "Remiss ej aktuell"), (7, "Status", "Pågår"), (8, "Status", "Pågår")]
    said = {p.row: p.text("sv") for p in problems}
    assert "remitterades men aldrig började" in said[5] and "ta bort raden" in said[5]
    assert "fortfarande är inskriven" in said[7] and "lämna cellen tom" in said[7]
    english = {p.row: p.text("en") for p in problems}
    assert "never began" in english[5] and "delete the row" in english[5]
    assert "leave the cell empty while the person is enrolled" in english[8]


def test_a_row_without_a_start_date_and_no_referral_status_is_still_told_its_empty_start(tmp_path):
    """L002's start left empty while its status is an outcome: the empty start date is its problem, as before."""
    rows = [list(r) for r in _cleaned()]
    rows[1][4] = None
    problems = load_problems(_lotsen(tmp_path, rows))
    assert [(p.row, p.column, p.key) for p in problems] == [(3, "Startdatum", "cell.empty")]


def test_the_cleaned_list_is_read_and_counted_by_hand(tmp_path):
    """8 enrolled (L004 deleted), 6 ended, 3 of them to work or studies (L001, L005, L008), 50 %, a whole-period goal of a project still running (data to 2025-06-30). L002's start
    typed as text is read as the date. The payments, saved as Windows-1252 with decimal commas: 26 801 kr."""
    from evaltools.analysis import goals
    project = et.load_project(_lotsen(tmp_path, _cleaned()))
    p = project.participants.set_index("person_id")
    assert len(p) == 8 and int(p["end_date"].notna().sum()) == 6
    assert str(p.loc["L002", "start_date"])[:10] == "2024-02-05" and p.loc["L003", "birth_year"] == 1990
    assert p.loc[["L006", "L007"], "outcome"].isna().all()
    assert round(float(project.payments["amount"].sum()), 2) == 26801.0
    row = goals.assess_goals(project).table.set_index("goal_id").loc["arbete"]
    assert (row["numerator"], row["denominator"], row["status"]) == (3, 6, "pågår")


# --- goals with a time limit from the start -----------------------------------------------------------------------
def _goal(label: str, extra: str = "    success_outcomes: [arbetssökande]\n", target: str = "0.5") -> str:
    return (f"goals:\n  - id: g\n    kind: share\n    label: {label}\n    target: {target}\n"
            "    period: whole_period\n    denominator: exits\n" + extra)


@pytest.mark.parametrize(("label", "words", "extra", "target"), [
    # the application's own wording: counted as everyone with a plan at exit, whenever it was made
    ("Minst 80 % ska ha en individuell plan inom 4 veckor från start", "inom 4 veckor från start",
     "    numerator: action_plan\n", "0.8"),
    # counted as every exit to a job seeker's activity, after 3 weeks or 11 months alike
    ("Inom 3 månader ska 50 % vara i aktivitet hos Arbetsförmedlingen", "Inom 3 månader",
     "    success_outcomes: [arbetssökande]\n", "0.5"),
    ("Minst 50 % ska vara i aktivitet senast sex veckor efter inskrivning", "senast sex veckor efter inskrivning",
     "    success_outcomes: [arbetssökande]\n", "0.5"),
    ("At least 50% in an activity with the Employment Service within 3 months of enrolment",
     "within 3 months of enrolment", "    success_outcomes: [arbetssökande]\n", "0.5"),
    # weeks or days, and any limit on a plan, are from the start without saying so
    ("Minst 80 % ska ha en individuell plan inom 4 veckor", "inom 4 veckor", "    numerator: action_plan\n", "0.8"),
    ("Minst 80 % ska ha en handlingsplan inom två månader", "inom två månader", "    numerator: action_plan\n",
     "0.8"),
    ("Minst 50 % ska ha kommit i aktivitet hos Arbetsförmedlingen inom 30 dagar", "inom 30 dagar",
     "    success_outcomes: [arbetssökande]\n", "0.5"),
    # months mid-label without saying from what are each participant's, from the start (within_months to write)
    ("Minst 50 % ska vara i aktivitet hos Arbetsförmedlingen inom sex månader", "inom sex månader",
     "    success_outcomes: [arbetssökande]\n", "0.5"),
])
def test_a_time_limit_from_the_start_is_refused_with_what_to_write(tmp_path, label, words, extra, target):
    said = params_refusal(_lotsen(tmp_path, _cleaned(), _goal(label, extra, target)))
    assert f"'{words}'" in said and "tidsgräns" in said
    assert "kind: qualitative" in said and "start- och slutdatum" in said
    english = params_refusal(_lotsen(tmp_path, _cleaned(), _goal(label, extra, target)), "en")
    assert f"'{words}'" in english and "however long it took" in english


@pytest.mark.parametrize("label", [
    "Inom sex månader efter avslut ska minst 50 % vara i aktivitet hos Arbetsförmedlingen",  # after exit: said so
    "Minst 50 % ska vara i aktivitet hos Arbetsförmedlingen inom 3 månader från projektstart",  # the project's start
    "Minst 50 % ska vara i aktivitet hos Arbetsförmedlingen vid avslut",
])
def test_a_time_after_exit_or_from_the_projects_start_is_read_as_written(tmp_path, label):
    project = et.load_project(_lotsen(tmp_path, _cleaned(), _goal(label)))
    assert project.params.goals[0].label == label


# --- a goal of two conditions ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("label", "words"), [
    ("Minst 30 % ska gå till arbete eller studier och inte ha återkommit till försörjningsstöd efter 3 månader",
     "inte ha återkommit till försörjningsstöd"),
    ("Minst 30 % ska gå till arbete eller studier utan att komma tillbaka till ekonomiskt bistånd",
     "utan att komma tillbaka till ekonomiskt bistånd"),
    ("At least 30% into work or studies without returning to social assistance within a year",
     "without returning to social assistance"),
])
def test_a_second_condition_of_not_coming_back_is_refused(tmp_path, label, words):
    """Counted as written, 3 of 6 (L001, L005, L008) went to work or studies and met 30 %: whether they came back to
    försörjningsstöd the participant file does not say."""
    goal = _goal(label, "    success_outcomes: [arbete, studier]\n", "0.3")
    said = params_refusal(_lotsen(tmp_path, _cleaned(), goal))
    assert f"'{words}'" in said and "kind: qualitative" in said and "utbetalningarna" in said


def test_the_goal_written_without_the_second_condition_is_read(tmp_path):
    goal = _goal("Minst 30 % ska gå till arbete eller studier", "    success_outcomes: [arbete, studier]\n", "0.3")
    assert et.load_project(_lotsen(tmp_path, _cleaned(), goal)).params.goals[0].target == 0.3


# --- a list kept with a row per contact ------------------------------------------------------------------------------
CONTACT_HEADINGS = ["Datum", "Löpnr", "Kön", "Födelseår", "Hushåll", "Kontakttyp", "Slutdatum", "Utfall"]
CONTACT_COLUMNS = ("{'Datum': start_date, 'Löpnr': person_id, 'Kön': sex, 'Födelseår': birth_year, "
                   "'Hushåll': household_type, 'Slutdatum': end_date, 'Utfall': outcome}")


def _contacts(root: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A coordinator's log in Excel, a row per contact (the date as a date cell, the person, the kind of contact):
    rows of (date, id, kind), no end date or outcome on any."""
    import openpyxl  # (only the Excel-made files need it)
    path = root / "data" / "kontakter.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kontakter"
    ws.append(CONTACT_HEADINGS)
    for day, pid, kind in rows:
        ws.append([dt.datetime.fromisoformat(day), pid, "kvinna", 1980, "ensamstående", kind, None, None])
        ws.cell(ws.max_row, 1).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    wb.save(path)
    params = root / "kontakt.yaml"
    params.write_text("id: kontakt\nkind: individ\ntitle: Kontaktpunkten\nforbund: Samordningsförbundet Mittbygd\n"
                      "owner: Mittby kommun\nperiod: {start: 2024-01-01, planned_end: 2025-12-31}\n"
                      "data_as_of: 2025-06-30\n"
                      f"data:\n  participants: data/kontakter.xlsx\n  columns: {CONTACT_COLUMNS}\n", encoding="utf-8")
    return params


# K01 on rows 2-5 (four contacts: three begin while the first runs), K02 on rows 6-8 (two such), K03 on row 9
CONTACTS = [("2024-01-08", "K01", "Besök"), ("2024-01-15", "K01", "Telefon"), ("2024-01-22", "K01", "Trepartsmöte"),
            ("2024-01-29", "K01", "Besök"), ("2024-01-10", "K02", "Besök"), ("2024-01-17", "K02", "Telefon"),
            ("2024-01-24", "K02", "Besök"), ("2024-02-01", "K03", "Besök")]


def test_a_list_with_a_row_per_contact_is_told_so_once(tmp_path):
    """Five rows (K01's 3, K02's 2) begin while the same person's row runs: one message for the file, naming the
    count, the two persons and K01's rows 2-5, never five messages of overlapping enrolments."""
    problems = load_problems(_contacts(tmp_path, CONTACTS))
    assert [(p.key, p.row) for p in problems] == [("person.rows_per_contact", None)]
    said = problems[0].text("sv")
    assert "5 rader hos 2 personer" in said and "'K01' på raderna 2, 3, 4, 5" in said
    assert "en rad per person och inskrivning" in said
    assert "5 rows of 2 persons" in problems[0].text("en")


def test_one_persons_overlapping_rows_are_still_named_row_by_row(tmp_path):
    """Only K01 has rows that overlap (rows 3, 4, 5): a mistake in a list of enrolments, each row named as before."""
    rows = [c for c in CONTACTS if c[1] != "K02"]
    problems = load_problems(_contacts(tmp_path, rows))
    assert [(p.key, p.row) for p in problems] == [("person.overlap", 3), ("person.overlap", 4), ("person.overlap", 5)]


def test_the_note_of_exits_paid_after_leaving_names_the_status_column(tmp_path):
    """L001 left for work in March 2024 ('Avslutad – arbete', end 2024-03-01) and was paid in April: the note of
    exits coded as leaving försörjningsstöd but paid the month after names 'Status', the heading the coordinator
    sees, not the contract's outcome."""
    params = _lotsen(tmp_path, _cleaned())
    (tmp_path / "data" / "utbetalningar.csv").write_bytes(
        "Löpnr;Månad;Belopp\r\nL001;2024-02;9800,50\r\nL001;2024-04;9 800,50\r\n".encode("cp1252"))
    told = [w for w in et.load_project(params).warnings if w.key.startswith("payment.coded_exit_paid")]
    assert [w.column for w in told] == ["Status"]


# --- a goal in kronor for the participants' försörjningsstöd ---------------------------------------------------------
@pytest.mark.parametrize(("label", "kind", "target", "words"), [
    ("Kostnaderna för försörjningsstöd för deltagarna ska minska med 1,5 miljoner kronor", "outcome_count", "1500000",
     "miljoner kronor"),
    ("Deltagarnas försörjningsstöd ska minska med 20 %", "share", "0.2", "försörjningsstöd ska minska med 20 %"),
])
def test_a_goal_in_kronor_for_the_participants_names_the_three_measures_apart(tmp_path, label, kind, target, words):
    """No count of participants measures it; the refusal says which figure of the report is which measure (the
    payments before and after start, the calculation's saving, the municipality's series), so that the evidence
    beside the goal is not the calculation's present value read as the fall in payments, nor the reverse."""
    goal = f"goals:\n  - id: kr\n    kind: {kind}\n    label: {label}\n    target: {target}\n"
    said = params_refusal(_lotsen(tmp_path, _cleaned(), goal))
    assert f"'{words}'" in said and "kind: qualitative" in said
    assert "Försörjningsstöd före och efter start" in said and "antagen dödvikt" in said
    assert "alla mottagares, inte deltagarnas" in said
    english = params_refusal(_lotsen(tmp_path, _cleaned(), goal), "en")
    assert "Social assistance before and after the start" in english and "Was it worth it – and for whom?" in english


@pytest.mark.parametrize("label", ["Försörjningsstödet i kommunen ska minska med 1 miljon kronor",
                                   "Andelen deltagare med försörjningsstöd ska minska med 10 procentenheter"])
def test_the_municipalitys_amount_or_percentage_points_keep_their_message(tmp_path, label):
    """The municipality's own försörjningsstöd is a context series; percentage points are no amount of the
    participants' payments: both keep the message that offers a context goal."""
    goal = f"goals:\n  - id: kr\n    kind: outcome_count\n    label: {label}\n    target: 10\n"
    said = params_refusal(_lotsen(tmp_path, _cleaned(), goal))
    assert "kind: context med serien det gäller" in said and "antagen dödvikt" not in said


def test_a_params_file_refused_by_a_render_in_english_is_told_in_english(tmp_path):
    """`render --lang en` of the Lotsen params with the time limit from the start said its refusal in Swedish
    ('mål 1 (id: g): målets text sätter en tidsgräns'), while `validate --lang en` said it in English."""
    from evaltools.publish.render import render_project
    params = _lotsen(tmp_path, _cleaned(), _goal("Inom 3 månader ska 50 % vara i aktivitet hos Arbetsförmedlingen"))
    result = render_project(params, reports_dir=tmp_path / "reports", formats=("html",), lang="en")
    assert not result.ok
    assert "goal 1 (id: g): the goal's text sets a time limit, 'Inom 3 månader'" in result.error
    assert "tidsgräns" not in result.error


# --- the time in a short-stay project ---------------------------------------------------------------------------------
def test_a_short_stay_projects_time_in_the_project_is_told_at_days_its_stays_reach(tmp_path):
    """Stays of 28 to 88 days (L007 28 days to the analysis date, L003 and L009 88): at 30, 90, 180 and 365 days the
    table had one row, 30 days, and nothing after. Now at 14, 30 and 60 days (90: no one left), with those still
    in it counted by hand: all 8 at 14 days, 7 at 30 (not L007), 5 at 60 (L002, L003, L005, L008, L009)."""
    project = et.load_project(_lotsen(tmp_path, _cleaned()))
    assert float(project.participants["days_in_project"].max()) == 88
    table = et.time_to_exit(project, by=None).table
    assert table["day"].tolist() == [14, 30, 60]
    assert table["at_risk"].tolist() == [8, 7, 5]


def test_a_project_with_a_longer_stay_keeps_the_days_of_a_year(tmp_path):
    """L003 ended on 2024-09-30 instead (210 days): the days are 30, 90 and 180 as before (365: no one left)."""
    rows = [list(r) for r in _cleaned()]
    rows[2][5] = "2024-09-30"
    table = et.time_to_exit(et.load_project(_lotsen(tmp_path, rows)), by=None).table
    assert table["day"].tolist() == [30, 90, 180]


def test_texts_that_are_codes_in_data_codes_are_told_all_at_once(tmp_path):
    """The coordinator's status words 'Avbrott' and 'Flyttat' and her sexes 'Kvinna' and 'Man' written in data.codes
    are codes already: one message names the four, where each validate named one (four rounds to a loaded file)."""
    params = _lotsen(tmp_path, _cleaned())
    text = params.read_text(encoding="utf-8").replace(
        f"  codes: {CODES}\n", "  codes: {outcome: {'Avbrott': avbrott, 'Flyttat': flyttat, 'Avslutad – arbete': arbete, "
        "'Avslutad – studier': studier, 'Avslutad – AF-aktivitet': arbetssökande}, "
        "sex: {'Kvinna': kvinna, 'Man': man}}\n")
    params.write_text(text, encoding="utf-8")
    said = params_refusal(params)
    assert said.count("\n  - ") == 1
    assert "data.codes.outcome: 'Avbrott', 'Flyttat'; data.codes.sex: 'Kvinna', 'Man'" in said


def test_one_text_that_is_a_code_keeps_its_message(tmp_path):
    params = _lotsen(tmp_path, _cleaned())
    text = params.read_text(encoding="utf-8").replace("{outcome: {", "{outcome: {'Avbrott': avbrott, ")
    params.write_text(text, encoding="utf-8")
    assert "data.codes.outcome översätter 'Avbrott', som redan är en kod" in params_refusal(params)


# --- the status column without data.codes ----------------------------------------------------------------------------
def _without_codes(params: Path) -> Path:
    params.write_text(params.read_text(encoding="utf-8").replace(f"  codes: {CODES}\n", ""), encoding="utf-8")
    return params


def test_a_status_column_without_codes_is_told_the_line_to_write_without_its_statuses(tmp_path):
    """Without data.codes the list's seven status words are 'Avslutad – arbete', '– AF-aktivitet', 'Avbrott' (a
    code), '– studier', 'Remiss ej aktuell', 'Pågår', 'kvar_försörjningsstöd' (a code): the line to write names the
    three exits that are no codes, with the code after the exit's word where it is one ('arbete', 'studier'), and
    leaves out 'Pågår' and 'Remiss ej aktuell', for which no code can be written (they were '?' in it before)."""
    problems = load_problems(_without_codes(_lotsen(tmp_path)))
    line = next(p for p in problems if p.key == "column.free_text_codes").text("sv")
    assert ("codes: {outcome: {'Avslutad – arbete': arbete, 'Avslutad – AF-aktivitet': ?, "
            "'Avslutad – studier': studier}}") in line
    assert "Pågår" not in line and "Remiss" not in line


def test_status_cells_are_not_folded_away_among_the_columns_other_cells(tmp_path):
    """Seven more rows of 'Avslutad – arbete' (rows 11-17) make the column's cells more than five: they fold after
    five, while the referral (row 5) and the two 'Pågår' (rows 7, 8) are each said with what to do."""
    extra = [[f"L1{i:02d}", "Man", 1980, "ensamstående", "2024-09-02", "2024-10-25", "Avslutad – arbete",
              "försörjningsstöd"] for i in range(7)]
    problems = load_problems(_without_codes(_lotsen(tmp_path, LIST + extra)))
    from evaltools.data.errors import DataValidationError
    told = DataValidationError(problems).message("sv")
    assert "rad 5, kolumn 'Status': står 'Remiss ej aktuell' – " in told
    assert "rad 7, kolumn 'Status': står 'Pågår' – " in told and "rad 8, kolumn 'Status': står 'Pågår' – " in told
    assert "med samma problem" in told  # (the other cells folded after five)
