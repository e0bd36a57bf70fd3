"""Hostile and careless params files and data files: a number of thousands of digits (Python will not write it in
digits), keys that YAML reads as a number, a date, true or nothing. Each ends in one clear message at its line in the
evaluator's language, never a traceback or pydantic's English. Tiny projects in tmp_path; expected words worked out
by hand."""
from __future__ import annotations

import pytest

from .conftest import params_refusal


# --- 1. a number too long to be written in digits ------------------------------------------------------------------
@pytest.mark.parametrize("written", ["9" * 5000, "-" + "1" * 4301, "0x" + "f" * 5000, "1" + ":59" * 3000])
def test_a_number_of_thousands_of_digits_is_refused_at_its_line(tiny_project, written):
    """Before: ValueError 'Exceeds the limit (4300 digits) for integer string conversion', a traceback (in hex or base
    60 YAML read the number, and the check of the file's texts failed to write it)."""
    said = params_refusal(tiny_project(f"granted_sek: {written}\n"), lines=True)
    assert "rad 10: ett tal som börjar " in said and "har fler än 4 300 siffror" in said, said
    assert written[:10] in said and written[:11] not in said  # (its start alone)


def test_a_number_of_thousands_of_digits_in_english(tiny_project):
    said = params_refusal(tiny_project("goals:\n  - id: a\n    kind: participant_count\n    label: Minst 5 deltagare\n"
                                       f"    target: {'7' * 4400}\n"), lang="en", lines=True)
    assert "line 14: a number beginning 7777777777… has more than 4,300 digits" in said, said


def test_a_long_number_python_writes_is_refused_by_its_setting_as_before(tiny_project):
    said = params_refusal(tiny_project(f"granted_sek: {'9' * 4300}\n"))
    assert "granted_sek: står 9999" in said and "(4 300 tecken)" in said and "siffror" not in said, said


def test_a_number_that_begins_like_a_personnummer_is_not_echoed(tiny_project):
    said = params_refusal(tiny_project(f"granted_sek: 8112189876{'0' * 5000}\n"))
    assert "8112189876" not in said and "har fler än 4 300 siffror" in said, said


# --- 2. a key that YAML reads as no text ---------------------------------------------------------------------------
@pytest.mark.parametrize("key, sv, en", [
    ("12", "rad 10, 12 före kolonet läses av YAML som ett tal, och här finns ingen sådan inställning (tillåtna här: id,",
     "line 10, 12 before the colon is read by YAML as a number, and there is no such setting here (allowed here: id,"),
    ("2024-01-31", "rad 10, 2024-01-31 före kolonet läses av YAML som ett datum",
     "line 10, 2024-01-31 before the colon is read by YAML as a date"),
    ("on", "rad 10, ordet före kolonet läses av YAML som sant eller falskt",
     "line 10, the word before the colon is read by YAML as true or false"),
])
def test_a_setting_named_by_a_number_a_date_or_yes_is_refused_in_the_evaluators_language(tiny_project, key, sv, en):
    """Before: 'rad 9, 12: Keys should be strings, got 12', pydantic's English in a Swedish message."""
    path = tiny_project(f"{key}: x\n")
    for lang, words in (("sv", sv), ("en", en)):
        said = params_refusal(path, lang=lang, lines=True)
        assert words in said and "Keys should be strings" not in said, said


def test_a_key_of_nothing_is_refused_in_words(tiny_project):
    said = params_refusal(tiny_project("~: x\n"), lines=True)
    assert "rad 10, en nyckel utan namn (inget före kolonet, eller ~ eller null) läses inte" in said, said
    assert "Keys should" not in said and "None" not in said, said


def test_a_goals_setting_named_by_yes_names_the_goal_and_its_settings(tiny_project):
    said = params_refusal(tiny_project("goals:\n  - id: a\n    kind: participant_count\n    label: Minst 5 deltagare\n"
                                       "    target: 5\n    yes: 1\n"), lines=True)
    assert "rad 15, mål 1 (id: a): ordet före kolonet läses av YAML som sant eller falskt" in said, said
    assert "(tillåtna här: id, kind, label," in said, said


@pytest.mark.parametrize("key, words", [
    ("1", "data, codes, outcome: nyckeln 1 läses av YAML som ett tal, inte som en text; skriv den inom citattecken: "
          "'1': …"),
    ("2024-01-31", "data, codes, outcome: nyckeln 2024-01-31 läses av YAML som ett datum, inte som en text; skriv den "
                   "inom citattecken: '2024-01-31': …"),
    ("yes", "data, codes, outcome: nyckeln läses av YAML som sant eller falskt (yes, no, on, off, true och false utan "
            "citattecken), inte som en text; skriv ordet inom citattecken, till exempel 'yes': …"),
])
def test_a_case_systems_code_that_yaml_reads_as_no_text_is_told_to_be_quoted(tiny_project, key, words):
    """A status column of codes 1, 2, 3 translated in data.codes: before, 'står 1; förväntat en text: skriv den inom
    citattecken (outcome: '1')', the key's mapping quoted in its place, and a date as 'datetime.date(2024, 1, 31)'."""
    said = params_refusal(tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                                  f"  codes: {{outcome: {{{key}: arbete}}}}\n"), lines=True)
    assert f"rad 8, {words}" in said, said
    assert "datetime" not in said and "(outcome: '" not in said, said


def test_a_quoted_code_is_read(tiny_project):
    import evaltools as et
    path = tiny_project(data_block="data:\n  participants: data/participants.csv\n  codes: {outcome: {'1': arbete}}\n")
    assert et.load_params(path).data.codes == {"outcome": {"1": "arbete"}}


# --- 3. a link that leads back to itself ---------------------------------------------------------------------------
def test_a_data_file_that_is_a_link_to_itself_is_named_at_its_line(tiny_project):
    """Before: RuntimeError 'Symlink loop from ...', a traceback (Python 3.11 raises so when following the link)."""
    path = tiny_project(data_block="data:\n  participants: data/loop.csv\n")
    (path.parent / "data/loop.csv").symlink_to("loop.csv")
    for lang, words in (("sv", "rad 7, data.participants: 'data/loop.csv' är en länk som leder tillbaka till sig "
                                "själv (eller till en annan länk som leder hit) och aldrig till en fil; skriv "
                                "sökvägen till själva datafilen"),
                        ("en", "line 7, data.participants: 'data/loop.csv' is a link that leads back to itself")):
        said = params_refusal(path, lang=lang, lines=True)
        assert words in said, said


def test_two_links_to_each_other_are_one_such_loop(tiny_project):
    path = tiny_project(data_block="data:\n  participants: data/a.csv\n")
    (path.parent / "data/a.csv").symlink_to("b.csv")
    (path.parent / "data/b.csv").symlink_to("a.csv")
    assert "'data/a.csv' är en länk som leder tillbaka till sig själv" in params_refusal(path)


def test_a_link_to_a_file_is_read_as_the_file(tiny_project):
    import evaltools as et
    path = tiny_project(data_block="data:\n  participants: data/link.csv\n")
    (path.parent / "data/link.csv").symlink_to("participants.csv")
    assert len(et.load_project(path).participants) == 4  # (P1-P4 of the tiny project)


@pytest.fixture
def looped(tmp_path, monkeypatch):
    """A project folder, the current folder, whose params/ holds 'slinga.yaml', a link to itself."""
    from evaltools.data import paths
    from evaltools.publish import cli
    (tmp_path / "params").mkdir()
    (tmp_path / "params/slinga.yaml").symlink_to("slinga.yaml")
    monkeypatch.setenv("EVALTOOLS_ROOT", str(tmp_path))
    monkeypatch.setattr(paths, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("argv", [("validate", "slinga"), ("validate", "params/slinga.yaml"), ("list",)])
def test_a_params_file_that_is_a_link_to_itself_is_said_to_be_one(looped, capsys, argv):
    """Before: a traceback from validate and list, and render --all (below); the params file as a link to itself is
    now said to be one, not 'ingen parameterfil: …; menade du slinga?' of the 'slinga' typed."""
    from evaltools.publish import cli
    try:
        cli.main(list(argv))
    except SystemExit:
        pass
    out = capsys.readouterr()
    said = out.out + out.err
    assert "filen är en länk som leder tillbaka till sig själv" in said, said
    assert "Traceback" not in said and "menade du" not in said, said


@pytest.mark.slow
def test_render_all_names_the_params_file_that_is_a_link_to_itself(looped, capsys):
    from evaltools.publish import cli
    # (the reports in the project folder of the test, not in the repository's reports/)
    cli.main(["render", "--all", "--formats", "html", "--reports-dir", str(looped / "reports")])
    out = capsys.readouterr()
    assert "filen är en länk som leder tillbaka till sig själv" in out.out + out.err, out


# --- 4. an e-mail address in a data file ---------------------------------------------------------------------------
@pytest.mark.parametrize("column, at", [("person_id", 0), ("outcome", 2)])
def test_an_email_address_in_a_person_file_is_refused_without_echoing_it(tiny_project, column, at):
    """Before, 'anna.berg@kommun.se' as a participant's id was read (a person pointed out in pseudonymous data), and
    in a code column echoed in the message that it is no code."""
    import evaltools as et
    from evaltools.data.errors import PersonalIdentityNumberError

    from .conftest import participants_frame, write_csv
    path = tiny_project()
    frame = participants_frame()
    frame.loc[at, column] = "anna.berg@kommun.se"
    write_csv(path.parent / "data/participants.csv", frame)
    before = (path.parent / "data/participants.csv").read_bytes()
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(path)
    problems = e.value.problems
    assert [(p.row, p.column, p.key) for p in problems] == [(at + 2, column, "person.email")], problems
    said = str(e.value)
    assert "anna.berg" not in said and "cellen ser ut som en e-postadress (värdet visas inte)" in said, said
    assert "the cell looks like an e-mail address (the value is not shown)" in problems[0].text("en")
    assert not isinstance(e.value, PersonalIdentityNumberError)  # (no personnummer was found)
    assert (path.parent / "data/participants.csv").read_bytes() == before


def test_an_email_address_in_a_budget_lines_name_is_refused(tiny_project):
    from .conftest import load_problems, write_csv
    path = tiny_project()
    write_csv(path.parent / "data/budget.csv", [
        {"period": "2022", "category": "Konsult (kontakt: lars.ek@firma.se)", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000}])
    problems = load_problems(path)
    assert [(p.row, p.column, p.key) for p in problems] == [(2, "category", "person.email")], problems


def test_a_column_of_the_evaluators_own_with_an_email_address_is_to_be_deleted(tiny_project):
    from .conftest import load_problems, participants_frame, write_csv
    path = tiny_project()
    frame = participants_frame()
    frame["handläggare"] = ["eva@kommun.se", "", "", ""]
    write_csv(path.parent / "data/participants.csv", frame)
    (p,) = load_problems(path)
    assert (p.row, p.column, p.key) == (2, "handläggare", "person.email_own_column"), p
    assert "ta bort hela kolumnen ur filen" in p.text("sv")


@pytest.mark.parametrize("text", ["Lön @ 500 kr/h", "@SUM(A1)", "=HYPERLINK(\"x\")", "a@b", "kontakt@", "P@001"])
def test_an_at_sign_without_an_address_around_it_is_no_email(text):
    from evaltools.data.privacy import find_email
    assert not find_email(text)


@pytest.mark.parametrize("text", ["anna.berg@kommun.se", "Kontakt: o'neil+fou@region-x.example.org", "ÅSA@kommun.se"])
def test_an_email_address_is_found_where_it_stands(text):
    from evaltools.data.privacy import find_email
    assert find_email(text)


# --- 5. a payments file of one row per payment ---------------------------------------------------------------------
def _repeated_payments(tiny_project, rows: int):
    """The tiny project's payments as P1's month 2022-01 written on ``rows`` rows (rows 2 to rows + 1)."""
    from .conftest import write_csv
    path = tiny_project()
    write_csv(path.parent / "data/payments.csv", [{"person_id": "P1", "month": "2022-01", "amount": 100}] * rows)
    return path


def test_thousands_of_rows_repeating_a_persons_month_are_named_a_thousand_and_counted(tiny_project):
    """Before, each repeated row was a problem of its own: 300 000 rows took half a minute of CPU and half a gigabyte
    to word a message that lists five of them (five million rows did not end in 15 minutes, at 4.7 GB)."""
    from .conftest import load_problems
    problems = load_problems(_repeated_payments(tiny_project, 1501))  # (1 500 repeats)
    dupes = [p for p in problems if p.key == "payment.duplicate"]
    assert [p.row for p in dupes] == list(range(3, 1003))  # (row 2 is the first of them, no repeat)
    (more,) = [p for p in problems if p.key == "payment.duplicate_more"]
    assert more.row == 1003 and more.column == "month", more
    assert more.text("sv").endswith(
        "ytterligare 500 rader upprepar en person och månad som står på en rad ovanför (rad 1003, 1004, 1005, 1006, "
        "1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022 …); en rad "
        "per person och månad (summera en månads utbetalningar till en rad)"), more.text("sv")
    assert "500 more rows repeat a person and month that a row above has (row 1003, 1004," in more.text("en")


def test_a_thousand_repeated_rows_are_each_named_as_before(tiny_project):
    from .conftest import load_problems
    problems = load_problems(_repeated_payments(tiny_project, 1001))
    assert [p.row for p in problems if p.key == "payment.duplicate"] == list(range(3, 1003))
    assert not [p for p in problems if p.key == "payment.duplicate_more"]


# --- 6. a data file that is no ordinary file -----------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_named_as_a_data_file_is_said_to_be_no_ordinary_file(tiny_project):
    """Before: "filen 'data/rör.csv' finns inte", of a file the folder shows (a pipe, a device such as /dev/zero)."""
    import os
    path = tiny_project(data_block="data:\n  participants: data/rör.csv\n")
    os.mkfifo(path.parent / "data/rör.csv")
    for lang, words in (("sv", "rad 7, data.participants: 'data/rör.csv' är ingen vanlig fil utan en enhet, ett rör "
                                "(pipe) eller en socket, som inte läses som en tabell; skriv sökvägen till själva "
                                "datafilen"),
                        ("en", "line 7, data.participants: 'data/rör.csv' is no ordinary file but a device")):
        said = params_refusal(path, lang=lang, lines=True)
        assert words in said and "finns inte" not in said, said


def test_a_data_file_not_there_is_still_said_not_to_exist(tiny_project):
    path = tiny_project(data_block="data:\n  participants: data/saknas.csv\n")
    assert "filen 'data/saknas.csv' finns inte" in params_refusal(path)


# --- 7. a Word document given a workbook's name --------------------------------------------------------------------
def test_a_word_document_named_xlsx_is_said_to_be_one(tiny_project):
    """Before: 'kan inte öppnas som en Excel-arbetsbok (KeyError)', the name of an exception for a reason."""
    import docx

    from .conftest import load_problems
    path = tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n")
    document = docx.Document()
    document.add_paragraph("Deltagarlista")
    document.save(str(path.parent / "data/deltagare.xlsx"))
    (p,) = load_problems(path)
    assert p.text("sv").endswith(": filen är ett Word-dokument med ett Excel-namn (.xlsx), ingen arbetsbok; ange i "
                                 "params-filen den Excel- eller CSV-fil som har uppgifterna, eller spara uppgifterna "
                                 "som Excel-arbetsbok (.xlsx)"), p.text("sv")
    assert "the file is a Word document with an Excel name (.xlsx), no workbook" in p.text("en")


def test_a_damaged_workbook_is_still_said_to_be_one(tiny_project):
    import zipfile

    from .conftest import load_problems
    path = tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n")
    with zipfile.ZipFile(path.parent / "data/deltagare.xlsx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    (p,) = load_problems(path)
    assert "kan inte öppnas som en Excel-arbetsbok" in p.text("sv") and "Word" not in p.text("sv"), p.text("sv")


def test_a_years_key_written_as_a_date_is_still_told_the_years_to_write(tiny_project):
    """A key that is to be a number (a year's under targets) is not told to be quoted."""
    said = params_refusal(tiny_project("goals:\n  - id: g\n    kind: participant_count\n"
                                       "    label: Minst 20 deltagare per år\n    period: project_year\n"
                                       "    targets: {2024-01-01: 20}\n"))
    assert "targets, 2024-01-01:" in said and "citattecken" not in said, said
