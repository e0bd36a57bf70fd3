"""Careless and hostile inputs against the newest features: a household's payments whose ids lost their leading
zeros in one file, an extension's budget period in a year before the project (or, where the params file records the
prolonging, by its planned end), a word_template given as a web address, and a character written as half of its
UTF-16 code. Each a tiny project written in tmp_path; expected values worked out by hand from the rows written here."""
from __future__ import annotations

import hashlib

import pytest

import evaltools as et

from .conftest import load_problems, params_refusal, participants_frame, write_csv
from .test_known_limits_62 import HOUSEHOLD_PAYMENTS, HOUSEHOLD_PERSONS


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. household ids: a number in one file, text with leading zeros in the other ------------------------------
def _households(tiny_project, persons: dict[str, str], paid: dict[str, object]):
    """The five persons of three households (H1: A, B; H2: C, D; H3: E) with their household ids renamed by
    ``persons`` in the participants file and by ``paid`` in the per-household payments file."""
    path = tiny_project()
    frame = participants_frame([r[:7] for r in HOUSEHOLD_PERSONS])
    frame["household_id"] = [persons[r[7]] for r in HOUSEHOLD_PERSONS]
    write_csv(path.parent / "data" / "participants.csv", frame)
    rows = [{**r, "household_id": paid[r["household_id"]]} for r in HOUSEHOLD_PAYMENTS]
    write_csv(path.parent / "data" / "payments.csv", rows)
    return path


def test_household_ids_that_lost_their_zeros_in_the_payments_file_are_refused_naming_both(tiny_project):
    """H3 is '0093' in the participants file and 93 in the payments file (Excel made a number of it), H1 and H2
    match ('1001', '1002'). Before, H3's three rows (rows 8-10) were left out with a note that the household has no
    participant, and E was left out of the payment analyses: refused at row 8, naming both ids."""
    path = _households(tiny_project, {"H1": "1001", "H2": "1002", "H3": "0093"},
                       {"H1": 1001, "H2": 1002, "H3": 93})
    payments = path.parent / "data" / "payments.csv"
    before = _digest(payments)
    (pr,) = [p for p in load_problems(path) if p.key == "person.lost_zeros"]
    assert (pr.file, pr.row, pr.column) == (str(payments), 8, "household_id")
    said = " ".join(pr.text("sv").split())
    assert "står '93', deltagarfilen har '0093'" in said and "rad 8, 9, 10" in said
    assert "formatera kolumnen som text" in said
    assert "'93'" in " ".join(pr.text("en").split()) and "'0093'" in pr.text("en")
    assert _digest(payments) == before


def test_household_ids_that_lost_their_zeros_in_the_participants_file_name_that_file(tiny_project):
    """Every household a number in the participants file (1, 2, 3) and text in the payments file ('001' ...): no
    household matched, and the message said only that none did. Now it says the zeros were lost in the participants
    file, the file to correct."""
    path = _households(tiny_project, {"H1": "1", "H2": "2", "H3": "3"}, {"H1": "001", "H2": "002", "H3": "003"})
    (pr,) = load_problems(path)
    assert pr.key == "person.lost_zeros_in_persons" and pr.row == 2 and pr.column == "household_id"
    said = " ".join(pr.text("sv").split())
    assert "står '001'" in said and "participants.csv har '1'" in said and "nollorna har försvunnit i deltagarfilen" in said


def test_household_ids_written_alike_are_read_as_before(tiny_project):
    path = _households(tiny_project, {"H1": "0001", "H2": "0002", "H3": "0093"},
                       {"H1": "0001", "H2": "0002", "H3": "0093"})
    project = et.load_project(path)
    # every row for each member of its household: H1 3 rows × 2, H2 3 × 2, H3 3 × 1 = 15 rows
    assert len(project.payments) == 15


def test_a_household_of_no_participant_is_still_a_note_not_a_refusal(tiny_project):
    """'77' is no participant's household, not even with zeros put back ('0093' is 93): its rows are left out
    with the note, as before."""
    path = _households(tiny_project, {"H1": "1001", "H2": "1002", "H3": "0093"}, {"H1": 1001, "H2": 1002, "H3": 77})
    project = et.load_project(path)
    assert any(w.key == "payment.household_unknown" for w in project.warnings)
    assert set(project.payments["person_id"]) == {"A", "B", "C", "D"}


# --- 2. an extension's budget period before the project, or by its planned end ----------------------------------
PARAMS = """\
id: hostile63
title: Förlängt projekt
forbund: Testförbundet
owner: Testkommun
period: {{start: 2024-01-01, planned_end: 2025-12-31{actual}}}
data:
  budget: data/budget.csv
"""
BUDGET = "period,category,budget,actual\n2024,Lön,100000,90000\n2025,Lön,100000,95000\n"


def _budget(tmp_path, rows: str, actual: str = ""):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "budget.csv").write_text(BUDGET + rows, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PARAMS.format(actual=actual), encoding="utf-8")
    return tmp_path / "p.yaml"


@pytest.mark.parametrize("cell", ["Förlängning 2019", "förlängning 2019", "2019 (FÖRLÄNGNING)"])
def test_an_extension_in_a_year_before_the_project_is_refused_at_its_row(tmp_path, cell):
    """Read, 'Förlängning 2019' put its 50 000 kr in a column 2019 of a project begun 2024-01-01, and into the
    total (250 000 kr instead of 200 000)."""
    params = _budget(tmp_path, f"{cell},Lön,50000,40000\n")
    budget = tmp_path / "data" / "budget.csv"
    before = _digest(budget)
    (pr,) = load_problems(params)
    assert (pr.key, pr.file, pr.row, pr.column) == ("budget.extension_before_start", str(budget), 4, "period")
    said = " ".join(pr.text("sv").split())
    assert f"står '{cell}', en förlängning, men 2019 slutade innan projektet började (2024-01-01)" in said
    assert "Förlängning 2026" in said and "period.actual_end" in said
    assert "2019 ended before the project began (2024-01-01)" in " ".join(pr.text("en").split())
    assert _digest(budget) == before


@pytest.mark.parametrize("cell, period, first", [("Förlängning 2025", "2025", "2026"),
                                                 ("Förlängning år 2", "år 2", "år 3"),
                                                 ("Förlängning 2019", "2019", "2026")])
def test_a_prolonged_projects_extension_by_its_planned_end_is_refused(tmp_path, cell, period, first):
    """With actual_end 2026-06-30 after planned_end 2025-12-31 the prolonged time is 2026 (project year 3): an
    extension line in 2025 was added to the original 2025 line (Lön 150 000 kr in 2025)."""
    params = _budget(tmp_path, f"{cell},Lön,50000,40000\n", actual=", actual_end: 2026-06-30")
    (pr,) = load_problems(params)
    assert (pr.key, pr.row, pr.column) == ("budget.extension_before_end", 4, "period")
    said = " ".join(pr.text("sv").split())
    assert f"står '{cell}', en förlängning, men {period} slutar senast projektets planerade slut 2025-12-31" in said
    assert f"({first} eller senare, till exempel Förlängning {first})" in said
    assert f"perioden utan 'Förlängning' ({period})" in said


def test_every_such_row_is_named_at_once(tmp_path):
    params = _budget(tmp_path, "Förlängning 2019,Lön,50000,40000\nFörlängning 2018,Lokaler,5000,4000\n")
    assert [(p.key, p.row) for p in load_problems(params)] == [("budget.extension_before_start", 4),
                                                               ("budget.extension_before_start", 5)]


def test_a_column_of_an_extension_before_the_project_is_refused_naming_the_heading(tmp_path):
    """The column layout's 'Budget förlängning 2019' was read as 2019, a year before the project (begun
    2024-01-01), as the row layout's 'Förlängning 2019' was: refused once, at the heading (row 1)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "budget.csv").write_text(
        "Kostnadsslag,Budget 2024,Utfall 2024,Budget 2025,Budget förlängning 2019,Utfall förlängning 2019\n"
        "Lön,100000,90000,100000,50000,40000\nLokaler,20000,25000,20000,5000,\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PARAMS.format(actual=""), encoding="utf-8")
    (pr,) = load_problems(tmp_path / "p.yaml")
    assert (pr.key, pr.row, pr.column) == ("budget.extension_before_start", 1, "Budget förlängning 2019")
    said = " ".join(pr.text("sv").split())
    assert "står 'Budget förlängning 2019', en förlängning, men 2019 slutade innan projektet började" in said
    assert "(till exempel 'Budget förlängning 2026')" in said


@pytest.mark.parametrize("cell, actual", [("Förlängning 2026", ", actual_end: 2026-06-30"),
                                          ("förlängning år 3", ", actual_end: 2026-06-30"),
                                          # planned_end written as the new end (no actual_end): its last year
                                          ("Förlängning 2025", "")])
def test_an_extension_after_the_planned_end_is_read_as_its_year(tmp_path, cell, actual):
    project = et.load_project(_budget(tmp_path, f"{cell},Lön,50000,40000\n", actual=actual))
    assert project.budget["budget"].sum() == 250000 and project.budget["actual"].sum() == 225000


# --- 3. word_template as a web address ---------------------------------------------------------------------------
@pytest.mark.parametrize("written, name", [("https://intranat.example/mallar/fou-mall.dotx", "fou-mall.dotx"),
                                           ("www.example.se/mallar/fou.docx", "fou.docx"),
                                           ("HTTP://EXAMPLE.SE/mall.dotx?download=1", "mall.dotx")])
def test_a_word_template_given_as_a_web_address_says_to_download_it(tiny_project, written, name):
    """Read as a path, 'https://...' was looked for as 'https:/intranat.example/...' beside the params file and
    said missing, its address cut."""
    said = " ".join(params_refusal(tiny_project(f"word_template: '{written}'\n")).split())
    assert f"word_template: står '{written}', en webbadress" in said
    assert f"ladda ner den, lägg den i projektets mapp, bredvid parameterfilen, och skriv bara filens namn: " \
           f"word_template: {name}" in said
    assert "a web address" in params_refusal(tiny_project(f"word_template: '{written}'\n"), "en")


# --- 4. half a character written as its code --------------------------------------------------------------------
@pytest.mark.parametrize("key, value, where", [
    ("word_template", '"mall\\ud83d.dotx"', "word_template"),
    ("title_en", '"Project \\ud83d\\ude80"', "title_en"),
])
def test_a_character_written_as_half_its_code_is_refused_naming_the_key(tiny_project, key, value, where):
    """"\\ud83d" in double quotes is half of an emoji's UTF-16 code, no character: in word_template it stopped
    the loading with a UnicodeEncodeError traceback, in a label it gave pydantic's English 'unable to parse raw
    data as a unicode string' in a Swedish message."""
    path = tiny_project()
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: {value}\n", encoding="utf-8")
    said = " ".join(params_refusal(path).split())
    assert f"{where}: innehåller \\ud83d, en kod som inte är något tecken" in said
    assert "skriv tecknet självt, eller ta bort det" in said
    assert "Traceback" not in said and "unicode string" not in said


# --- 5. emoji in the params file: a goal's label, a data file's name ---------------------------------------------
def test_validate_names_each_params_line_with_emoji(tiny_project, capsys):
    """A goal label 'Minst 3 deltagare 🚀' and a payments file 'pay🚀.csv': the report leaves the emoji out (the
    appendix's checksums then named 'pay.csv', a file that is not there), and validate said nothing of either.
    The params file: id, title, forbund, owner, period (lines 1-5), data: (6) and its files (7-9), goals: (10)."""
    from evaltools.publish.cli import main
    data = tiny_project.dir / "data"
    (data / "payments.csv").rename(data / "pay🚀.csv")
    params = tiny_project('goals:\n  - {id: d, kind: participant_count, label: "Minst 3 deltagare 🚀", target: 3, '
                          'period: whole_period}\n',
                          data_block="data:\n  participants: data/participants.csv\n  payments: data/pay🚀.csv\n"
                                     "  budget: data/budget.csv\n")
    before = params.read_bytes()
    main(["validate", str(params), "--lang", "sv"])
    out = capsys.readouterr().out
    assert "tiny.yaml, rad 8: tecken som rapportens typsnitt saknar (🚀) utelämnas i rapporten" in out
    assert "tiny.yaml, rad 11: tecken som rapportens typsnitt saknar (🚀) utelämnas i rapporten" in out
    assert "tiny.yaml, rad 7" not in out and "tiny.yaml, rad 10" not in out
    assert params.read_bytes() == before


# --- 6. a Word template whose parts are no XML ---------------------------------------------------------------------
def test_a_word_template_whose_document_part_is_no_xml_is_refused_by_validate(tiny_project):
    """A zip with the names a .docx has ([Content_Types].xml, word/document.xml) holding something else passed the
    params check: validate said nothing, and the render wrote every other format, then stopped the Word report with
    an English message in a Swedish run."""
    import zipfile
    with zipfile.ZipFile(tiny_project.dir / "mall.dotx", "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types/>")
        z.writestr("word/document.xml", "<w:document><not closed")
    said = " ".join(params_refusal(tiny_project("word_template: mall.dotx\n")).split())
    assert "word_template: 'mall.dotx' går inte att läsa som Word-dokument" in said


def test_a_word_template_that_python_docx_writes_is_read(tiny_project):
    import docx
    docx.Document().save(tiny_project.dir / "mall.docx")
    assert et.load_params(tiny_project("word_template: mall.docx\n")).word_template.name == "mall.docx"


# --- 7. a household shared by a participant and a comparison person -----------------------------------------------
def _with_comparison(tiny_project, comparison_households: list[str]):
    """The tiny project's participants P1-P4 in households H1-H4, and four comparison persons C1-C4 in
    ``comparison_households``, each paid 9 000 kr in 2022-01."""
    path = tiny_project()
    data = tiny_project.dir / "data"
    frame = participants_frame()
    frame["household_id"] = ["H1", "H2", "H3", "H4"]
    write_csv(data / "participants.csv", frame)
    comp = participants_frame()
    comp["person_id"] = ["C1", "C2", "C3", "C4"]
    comp["household_id"] = comparison_households
    write_csv(data / "comparison.csv", comp)
    write_csv(data / "comparison_payments.csv", [{"person_id": c, "month": "2022-01", "amount": 9000}
                                                 for c in ("C1", "C2", "C3", "C4")])
    text = path.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n", "  budget: data/budget.csv\n  comparison:\n    persons: data/comparison.csv\n"
                                       "    payments: data/comparison_payments.csv\n")
    path.write_text(text, encoding="utf-8")
    return path


def test_a_comparison_person_in_a_participants_household_is_refused_naming_both(tiny_project):
    """C2 and C4 live in H3 (P3's household): the household's försörjningsstöd would be counted in both groups.
    Before, nothing was said. Refused at C2's row (3), naming P3 (row 4 of the participants file) and both rows."""
    path = _with_comparison(tiny_project, ["K1", "H3", "K3", "H3"])
    comparison = tiny_project.dir / "data" / "comparison.csv"
    before = _digest(comparison)
    (pr,) = [p for p in load_problems(path) if p.key == "comparison.household_overlap"]
    assert (pr.file, pr.row, pr.column) == (str(comparison), 3, "household_id")
    said = " ".join(pr.text("sv").split())
    assert "står 'H3', ett hushåll som deltagaren P3 också tillhör (household_id på rad 4 i" in said
    assert "jämförelsepersoner som bor i en deltagares hushåll: 2 (rad 3, 5)" in said
    assert "Ta bort dem ur jämförelsegruppen" in said
    assert "the participant P3 belongs to as well" in " ".join(pr.text("en").split())
    assert _digest(comparison) == before


def test_comparison_persons_in_households_of_their_own_are_read(tiny_project):
    # (loaded without a problem; four persons are too few to compare with, said as before)
    project = et.load_project(_with_comparison(tiny_project, ["K1", "K2", "K3", ""]))
    assert [w.key for w in project.warnings if w.key.startswith("comparison.")] == ["comparison.too_few"]


# --- 8. a file of the evaluator's own in tables/ -------------------------------------------------------------------
def test_a_file_of_the_evaluators_own_in_the_tables_folder_stays(tmp_path):
    """The README: 'files of your own in the report folder stay'. A note kept in tables/ (and in a folder under it)
    went with the last run's tables/ when the new run's took its place; a table the last run made and this run did
    not (gone.csv) still goes."""
    import json

    from evaltools.publish import render
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    old = {"k.html": b"<old>", "tables/a.csv": b"old a", "tables/gone.csv": b"old gone",
           "tables/mina anteckningar.txt": b"mine", "tables/egna/x.txt": b"mine too"}
    for name, data in {**old, "status.json": json.dumps(
            {"files": ["k.html", "tables/a.csv", "tables/gone.csv"]}).encode()}.items():
        (final / name).parent.mkdir(parents=True, exist_ok=True)
        (final / name).write_bytes(data)
    for name, data in {"k.html": b"<new>", "tables/a.csv": b"new a", "tables/b.csv": b"new b"}.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_bytes(data)
    render._swap_into_place(tmp, final, "k", ("html", "csv"), "sv")
    got = {p.relative_to(final).as_posix(): p.read_bytes() for p in final.rglob("*") if p.is_file()}
    assert got == {"k.html": b"<new>", "tables/a.csv": b"new a", "tables/b.csv": b"new b",
                   "tables/mina anteckningar.txt": b"mine", "tables/egna/x.txt": b"mine too"}


def test_a_household_payment_row_without_its_household_names_the_household_column(tiny_project):
    """A per-household file has no person_id column; a row whose household_id cell is empty was refused as
    'kolumn person_id: cellen är tom', a column the file does not have. Now its own column is named (row 3: H1's
    2022-09 payment, the second data row), and a personnummer taken out of a cell is named once, not again as an
    empty person_id."""
    path = _households(tiny_project, {"H1": "H1", "H2": "H2", "H3": "H3"}, {"H1": "H1", "H2": "H2", "H3": "H3"})
    payments = path.parent / "data" / "payments.csv"
    rows = payments.read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("H1,", ",", 1)
    rows[3] = rows[3].replace("H1,", "19800101-1234,", 1)
    payments.write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = load_problems(path)
    assert sorted((p.row, p.column, p.key) for p in problems) == [(3, "household_id", "cell.empty"),
                                                                  (4, "household_id", "person.personnummer")]


# --- 9. within_months as a careless evaluator writes it -------------------------------------------------------------
def _within(tmp_path, months: str):
    p = tmp_path / "w.yaml"
    p.write_text("id: w\ntitle: Tidsgräns\nforbund: Testförbundet\nowner: Testkommun\n"
                 "period: {start: 2022-01-01, planned_end: 2023-12-31}\ngoals:\n"
                 "  - {id: arbete, kind: share, label: 'Minst 40 % ska gå till arbete', target: 0.4, "
                 f"period: whole_period, denominator: exits, success_outcomes: [arbete], within_months: {months}}}\n",
                 encoding="utf-8")
    return p


@pytest.mark.parametrize("months, said", [
    ("tolv", "står 'tolv'; förväntat antalet månader som ett heltal, med siffror"),
    ("ett år", "står 'ett år'; förväntat antalet månader som ett heltal, med siffror"),
    ("0", "within_months: står 0; förväntat ett tal som är minst 1"),
    ("-3", "within_months: står -3; förväntat ett tal som är minst 1"),
    ("1.5", "within_months: står 1.5; förväntat ett heltal: skriv 1 eller 2"),
    ("600", "within_months: står 600; förväntat ett tal som är högst 60"),
    ("'=HYPERLINK(\"http://x\")'", "står '=HYPERLINK(\"http://x\")'; förväntat antalet månader"),
])
def test_within_months_written_carelessly_is_refused_with_what_to_write(tmp_path, months, said):
    """'tolv' was answered 'förväntat ett tal (t.ex. 40 eller 0.8)', neither a number of months."""
    text = " ".join(params_refusal(_within(tmp_path, months)).split())
    assert said in text and "0.8" not in text


def test_within_months_as_quoted_digits_is_the_number(tmp_path):
    assert et.load_params(_within(tmp_path, "'12'")).goals[0].within_months == 12


def test_the_comparison_groups_payments_per_household_are_said_as_the_comparison_groups(tiny_project):
    """Read per household, the comparison group's payments were noted as read for '4 deltagare' 'efter hushållens
    id i deltagarfilen': its persons are comparison persons, its file the comparison group's. K1: C1 and C2, K2: C3,
    K3: C4; three rows, one per household."""
    path = _with_comparison(tiny_project, ["K1", "K1", "K2", "K3"])
    write_csv(tiny_project.dir / "data" / "comparison_payments.csv",
              [{"household_id": h, "month": "2022-01", "amount": 9000} for h in ("K1", "K2", "K3")])
    project = et.load_project(path)
    assert not [w for w in project.warnings if w.key == "payment.per_household_read"]
    (note,) = [w for w in project.warnings if w.key == "payment.per_household_read_comparison"]
    said = " ".join(note.text("sv").split())
    assert ("3 rader för 3 hushåll lästes som hushållets utbetalningar till var och en av dess 4 jämförelsepersoner, "
            "efter hushållens id i jämförelsegruppens fil; i 1 hushåll finns fler än en jämförelseperson") in said
    assert "deltagare" not in said
