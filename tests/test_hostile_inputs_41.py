"""Hostile or careless inputs on this round's reading paths, as an evaluator's Excel or CSV file carries them: a
personnummer in a note typed under a budget follow-up kept a row per quarter or under a participant list, a row of
units under an export's headings that is the file's only row, and an application's target group of an age no one
of working age has. Each ends in one clear message naming the file, row and column (never the number), no message
for each empty cell besides, never a traceback. Tiny projects in tmp_path; expected words by hand."""
from __future__ import annotations

import openpyxl
import pytest

from .conftest import load_problems, params_refusal
from .test_application_volumes import application_params
from .test_unseen_projects_33 import JOBBSTEGET, QUARTERS, _jobb_participants, _omstart, _quarterly_budget

PNR = "19121212-1212"  # made up, of the right form


def _append(path, *rows) -> None:
    wb = openpyxl.load_workbook(path)
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)


def _jobbsteget(tmp_path, budget_note: str | None = None, participants_note: str | None = None):
    """The quarterly follow-up and participant list of tests/test_unseen_projects_33 without their notes; a note
    typed in column A under either, after an empty row."""
    people = _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx", note=False)
    budget = _quarterly_budget(tmp_path / "data" / "Budgetuppföljning Jobbsteget.xlsx", note=False)
    if budget_note is not None:
        _append(budget, [], [budget_note])
    if participants_note is not None:
        _append(people, [participants_note])
    path = tmp_path / "jobbsteget.yaml"
    path.write_text(JOBBSTEGET, encoding="utf-8")
    return path


@pytest.mark.parametrize("number", [PNR, "1212121212", "121212-1212"])
def test_a_personnummer_in_a_note_under_a_quarterly_budget_is_one_message(tmp_path, number):
    # the title, an empty row, the headings, 8 quarters of 3 rows (rows 4–27), the grand total (28), an empty row
    # (29): the note is row 30. It said besides that row 30's category is empty, as if the note were a cost line
    problems = load_problems(_jobbsteget(tmp_path, budget_note=f"Kontrollerat för {number} i mars"))
    assert [(p.key, p.row, p.column) for p in problems] == [("person.personnummer", 30, "period")]
    text = problems[0].note("sv")
    assert number not in text and "1212" not in text


def test_a_personnummer_in_a_note_under_a_participant_list_is_one_message_in_the_column_it_is_in(tmp_path):
    # the title, the headings, six persons (rows 3–8), the note in row 9 under 'Löpnr', a heading the params file
    # reads as person_id: it said 'the column is not read, delete the whole column' and four empty cells besides
    problems = load_problems(_jobbsteget(tmp_path, participants_note=f"OBS! personen {PNR} avbröt efter tre månader"))
    assert [(p.key, p.row, p.column) for p in problems] == [("person.personnummer", 9, "Löpnr")]
    assert "ta bort hela kolumnen" not in problems[0].note("sv") and PNR not in problems[0].note("sv")


def test_a_csv_budget_with_a_personnummer_in_the_note_under_it_is_one_message(tmp_path):
    # cp1252, semicolons, CRLF, as Excel saves a CSV; the headings row 1, 8 quarters of 3 rows (2–25), an empty
    # row (26), the note (27)
    _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx", note=False)
    rows = ["period;category;funder;budget;actual"]
    for q, b1, u1, b2, u2 in QUARTERS:
        rows += [f"{q};Lön handledare;förbund;{b1};{u1}", f"{q};Lön deltagare;kommun;{b2};{u2}",
                 f"{q};Summa;;{b1 + b2};{u1 + u2}"]
    rows += ["", f"Noterat av {PNR} – <script>alert(1)</script> och mer"]
    (tmp_path / "data" / "budget.csv").write_bytes("\r\n".join(rows).encode("cp1252") + b"\r\n")
    path = tmp_path / "jobbsteget.yaml"
    path.write_text(JOBBSTEGET.replace("data/Budgetuppföljning Jobbsteget.xlsx", "data/budget.csv"), encoding="utf-8")
    problems = load_problems(path)
    assert [(p.key, p.row, p.column) for p in problems] == [("person.personnummer", 27, "period")]


def test_a_row_of_units_alone_is_no_list_of_participants(tmp_path):
    # the export's headings and its row of units, no person: it was read as a project of 0 participants, valid
    path = _omstart(tmp_path, units=True)
    export = tmp_path / "data" / "export.xlsx"
    wb = openpyxl.load_workbook(export)
    wb.active.delete_rows(3, wb.active.max_row)
    wb.save(export)
    problems = load_problems(path)
    assert [p.key for p in problems] == ["rows.none"]
    assert "filen har inga datarader" in problems[0].note("sv")


@pytest.mark.parametrize("group", ["'0–0'", "'150+'", "'under 0'", "'999–999'", "'60–150'", "'0–15'"])
def test_an_age_group_no_one_of_working_age_is_in_is_refused(tmp_path, group):
    path = application_params(tmp_path, f"successes_per_year: 2, participants_per_year: 10, age_group: {group}",
                              "- id: plan\n  kind: qualitative\n  label: Samverkan med Arbetsförmedlingen\n")
    line = next(x for x in params_refusal(path).splitlines() if "- expected, age_group:" in x).strip()
    assert line.startswith(f"- expected, age_group: står {group}, som inte är någon åldersgrupp; skriv målgruppens "
                           "ålder som ansökan anger den")


@pytest.mark.parametrize(("group", "shown"), [("'16–24'", "16–24"), ("'-24'", "0–24"), ("'65+'", "65+"),
                                              ("'60–100'", "60–100")])
def test_an_age_group_of_working_age_is_read(tmp_path, group, shown):
    import evaltools as et  # (the loader, as the report reads the file)
    path = application_params(tmp_path, f"successes_per_year: 2, participants_per_year: 10, age_group: {group}",
                              "- id: plan\n  kind: qualitative\n  label: Samverkan med Arbetsförmedlingen\n")
    assert et.load_project(path).params.expected.age_group == shown


# --- a goal's words in letters of another alphabet -------------------------------------------------------------------

@pytest.mark.parametrize("word", ["нöjда", "nöjdа", "upplеvа"])
def test_a_goal_word_written_with_look_alike_letters_is_read_as_it_looks(tiny_project, word):
    # Cyrillic 'н', 'д', 'а', 'е' inside a word of Latin letters: the goal of satisfied participants was loaded as a
    # goal of exits; the message quotes the word as the file writes it
    msg = params_refusal(tiny_project(f"goals:\n  - id: g\n    kind: share\n"
                                      f"    label: Minst 70 % ska {word} stödet\n    target: 0.7\n"
                                      "    denominator: exits\n"))
    line = next(x for x in msg.splitlines() if "(id: g)" in x)
    assert f"'{word}'" in line


def test_a_self_support_goal_written_with_a_look_alike_letter_is_read_as_it_looks(tmp_path):
    # 'självförsörjаnde' with a Cyrillic 'а': the goal counted the exit with an active plan still on försörjningsstöd
    # as one who supports themselves (the project of tests/test_goal_wordings_41: one such exit)
    from .test_goal_wordings_41 import _project  # (its ten ended participants)
    problems = load_problems(_project(tmp_path, "Minst 40 % av deltagarna ska vara självförsörjаnde vid slutet"))
    assert [p.key for p in problems] == ["column.goal_left_support"]
    assert "målet 'g1' säger 'självförsörjаnde', men det räknar också utfallet aktiv_planering_annan_part: 1 som" \
        in problems[0].note("sv")


def test_a_word_wholly_of_another_alphabet_is_left_as_written(tiny_project):
    # a word with no Latin letter is no look-alike of one: 'нет' (Russian) is not read as 'het'
    import evaltools as et  # (the loader, as the report reads the file)
    p = tiny_project("goals:\n  - id: g\n    kind: participant_count\n    label: Minst 20 deltagare (нет)\n"
                     "    target: 20\n")
    assert et.load_project(p).params.goals[0].label == "Minst 20 deltagare (нет)"


# --- a personnummer in a quarter's cell ------------------------------------------------------------------------------

def test_a_personnummer_in_a_quarters_cells_is_refused_there_and_its_total_not_checked_against_every_line(tmp_path):
    # 2024 kv 3 (rows 10–12: title, empty row, headings, two quarters of three rows) written with a personnummer: its
    # Summa row, its period taken out, was checked as the total of every line ('392 000 kr; förväntat 3 136 000 kr')
    quarters = [*QUARTERS[:2], (f"2024 kv 3 {PNR}", *QUARTERS[2][1:]), *QUARTERS[3:]]
    _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx", note=False)
    _quarterly_budget(tmp_path / "data" / "Budgetuppföljning Jobbsteget.xlsx", quarters=quarters, note=False)
    path = tmp_path / "jobbsteget.yaml"
    path.write_text(JOBBSTEGET, encoding="utf-8")
    problems = load_problems(path)
    assert [(p.key, p.row, p.column) for p in problems] == [("person.personnummer", r, "period") for r in (10, 11, 12)]
