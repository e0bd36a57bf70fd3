"""Hostile and careless inputs from the evaluator's own hand: a birth date Excel shows as its year, a project's own
wording file that cannot be used (told in the evaluator's language), and a phone number in the free text of the
params file or in the evaluator's text.

Tiny projects written in tmp_path; what is expected is read off the cells and lines written, by hand."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest

from evaltools.words import text
from evaltools.words.text import TextError, load_overrides

from .conftest import PARTICIPANT_ROWS, load_problems, params_with_files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. a birth date under Excel's 'yyyy': Excel shows 1980, the cell holds 1980-05-17 ------------------------------
def _participants_workbook(path: Path, heading: str, birth: object, number_format: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "sex", heading, "household_type", "start_date", "end_date", "outcome"])
    for row in PARTICIPANT_ROWS:
        ws.append(list(row))
    ws["C2"] = birth
    ws["C2"].number_format = number_format
    wb.save(path)


@pytest.mark.parametrize("heading", ["birth_year", "Födelseår"])
def test_a_birth_date_shown_as_its_year_says_excel_shows_the_year_only(tiny_project, heading):
    """Before: "står '1980-05-17' … skriv bara födelseåret, 1980", of a cell the evaluator sees as 1980 in Excel,
    with no word of why the two differ."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    _participants_workbook(path, heading, dt.datetime(1980, 5, 17), "yyyy")
    before = _digest(path)
    own = "" if heading == "birth_year" else f"  columns: {{{heading}: birth_year}}\n"  # (the evaluator's heading)
    (p,) = load_problems(tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n" + own))
    assert p.row == 2 and p.value == "1980-05-17" and p.column == heading
    assert p.note("sv").endswith(
        "– Excel visar bara året, 1980, eftersom cellen har formatet åååå, men cellen innehåller hela födelsedatumet: "
        "skriv födelseåret 1980 som ett tal i cellen (formatet Allmänt eller Tal); rapporten behöver inte mer, och ett "
        "födelsedatum säger mer om personen"), p.note("sv")
    assert "Excel shows the year only, 1980, as the cell is formatted yyyy" in p.note("en")
    assert _digest(path) == before  # (the input is never changed)


def test_a_birth_date_shown_in_full_keeps_its_message(tiny_project):
    """A date shown as a date (yyyy-mm-dd) is no surprise to the evaluator: the message stays as it was."""
    path = tiny_project.dir / "data/deltagare.xlsx"
    _participants_workbook(path, "birth_year", dt.datetime(1980, 5, 17), "yyyy-mm-dd")
    (p,) = load_problems(params_with_files(tiny_project, participants="deltagare.xlsx"))
    assert p.note("sv").endswith("– skriv bara födelseåret, 1980: rapporten behöver inte mer, och ett "
                                 "födelsedatum säger mer om personen")


def test_a_birth_year_typed_as_a_number_under_yyyy_is_read(tiny_project):
    """1980 typed as a number is read as the year whatever the format (1980 under 'yyyy' would show 1905: Excel's
    day 1980; only a General or Number format is sure, and a number is what the column takes)."""
    import evaltools as et
    path = tiny_project.dir / "data/deltagare.xlsx"
    _participants_workbook(path, "birth_year", 1980, "0")
    project = et.load_project(params_with_files(tiny_project, participants="deltagare.xlsx"))
    assert project.participants.loc[project.participants["person_id"] == "P1", "birth_year"].tolist() == [1980]


# --- 2. a project's own wording file: its problems in the language it rewords ----------------------------------------
def _wording(tmp_path: Path, body: str, lang: str) -> Path:
    params = tmp_path / "params" / "mitt-projekt.yaml"
    path = text.override_path(params, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "sv", "en"), [
    ("summary:\n  headline: X\n", "summary.headline: inget sådant meddelande (nycklarna står i evaltools/locales/sv.yaml)",
     "summary.headline: no such message (the keys are in evaltools/locales/en.yaml)"),
    ("label:\n  goal: Klart\n", "label.goal: det här meddelandet kan inte formuleras om per projekt",
     "label.goal: this message cannot be reworded per project"),
    ("summary:\n  heading: '{heading.__class__}'\n", "summary.heading: platshållaren {heading.__class__} är inte tillåten",
     "summary.heading: placeholder {heading.__class__} is not allowed"),
    ("summary:\n  heading: 'Mål { uppnått'\n", "summary.heading: en klammer som inte stängs eller öppnas",
     "summary.heading: a brace that is never closed or opened"),
    ("summary:\n  participants: 'Bara {n} av {alla}.'\n",
     "summary.participants: tappar {years} och lägger till okända {alla}; meddelandet ska använda exakt {n}, {years}",
     "summary.participants: drops {years} and adds unknown {alla}; the message must use exactly {n}, {years}"),
    ("summary:\n  heading: [a, b]\n", "summary.heading: förväntat en text, står ['a', 'b']",
     "summary.heading: expected a text, got ['a', 'b']"),
    ("- a\n- b\n", "överst i filen förväntas meddelandenycklar", "the file should begin with message keys"),
    ("a: &a {x: y}\nb: *a\n", "YAML-alias (*namn) får inte stå i en fil med egna formuleringar",
     "YAML aliases (*name) are not allowed in a wording file"),
    ("summary:\n  heading: 'x\n", "rad 2, kolumn 12: ingen giltig YAML", "line 2, column 12: not valid YAML"),
    ("summary:\n  heading: 2024-13-01\n", "ett värde som YAML läser som ett datum är inget datum som finns",
     "a value YAML reads as a date is no date that exists"),
    ("summary:\n  heading: 'Ring 811218-9876'\n", "summary.heading: innehåller något som liknar ett personnummer",
     "summary.heading: holds something shaped like a personnummer"),
    ("summary:\n  heading: 'Frågor: 070-123 45 67'\n", "summary.heading: innehåller något som liknar ett telefonnummer",
     "summary.heading: holds something shaped like a phone number"),
])
def test_a_wording_file_that_cannot_be_used_is_told_in_its_language(tmp_path, body, sv, en):
    """Before: every problem of a wording file in English, a Swedish report's too ('no such message')."""
    for lang, said in (("sv", sv), ("en", en)):
        path = _wording(tmp_path, body, lang)
        with pytest.raises(TextError) as e:
            load_overrides(path, lang)
        assert str(path) in str(e.value) and said in str(e.value), str(e.value)
        assert "811218" not in str(e.value) and "45 67" not in str(e.value)


def test_every_problem_of_a_wording_file_is_named_at_once_in_swedish(tmp_path):
    path = _wording(tmp_path, "summary:\n  headline: X\n  heading: 'a {b.c}'\nlabel:\n  goal: Klart\n", "sv")
    with pytest.raises(TextError) as e:
        text.project_catalog(path.parents[1] / "mitt-projekt.yaml", "sv")
    lines = str(e.value).splitlines()
    assert lines[0] == f"{path}: projektets egna formuleringar kan inte användas:"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["summary.headline", "summary.heading", "label.goal"]


def test_a_wording_file_not_in_utf8_says_how_to_save_it(tmp_path):
    path = _wording(tmp_path, "", "sv")
    path.write_bytes("summary:\n  heading: Överblick\n".encode("utf-16"))
    with pytest.raises(TextError) as e:
        load_overrides(path, "sv")
    assert str(e.value) == f"{path}: filen är inte UTF-8-text; spara den som UTF-8 (i Anteckningar: Spara som, Kodning UTF-8)"


def test_the_packages_catalog_problems_stay_in_english():
    """A catalog of the package's own (a developer's mistake) is told in English, as before."""
    with pytest.raises(TextError, match="expected text, got int 5"):
        text._flatten({"summary": {"heading": 5}}, "locales/sv.yaml")


# --- 3. a phone number in the evaluator's free text ------------------------------------------------------------------
# every way a Swedish number is written by hand or pasted (a hard space, a dash from Word), and, beside them, the
# figures an evaluator's text is full of that are no phone number
PHONES = ["070-123 45 67", "070-1234567", "0701234567", "070 123 45 67", "(070) 123 45 67", "+46 70 123 45 67",
          "+46701234567", "+46 (0)70-123 45 67", "0046 70 123 45 67", "060-12 34 56", "08-123 456 78", "0611-123 45",
          "031-123456", "tel. 12 34 56", "Mobil: 123 45 67", "070\u2011123\u00a045\u00a067", "073\u2013123 45 67"]
NO_PHONES = ["Dnr 2023/145", "Dnr KS 2019/0712", "556123-4567", "budget 1 128 000 kr", "totalt 3 070 000 kr",
             "1 070 123 456 kr", "2022-08-01 – 2023-07-31", "01.08.2022", "2018–2019", "2019-05-12 08:30",
             "öppet 09-12 13-16", "SFS 2001:453", "prop. 2002/03:132", "0,7 årsarbetare", "Ring 112", "+12 000 kr",
             "811218-9876", "Telefon 2022-2023", "telefon och porto 120 000 kr"]


@pytest.mark.parametrize("written", PHONES)
def test_a_phone_number_is_found_however_it_is_written(written):
    from evaltools.data.privacy import find_phone
    assert find_phone(f"Deltagaren nås på {written}, efter klockan tio.")


@pytest.mark.parametrize("written", NO_PHONES)
def test_figures_dates_a_dnr_and_an_organisation_number_are_no_phone_number(written):
    from evaltools.data.privacy import find_phone
    assert not find_phone(f"Enligt beslutet ({written}) gick projektet vidare.")


def test_the_phone_numbers_of_a_real_application_are_found():
    """The application of Timrå's SGI project (2019) gives its contacts' numbers, as an evaluator pasting from it
    would bring them along (the numbers here made up, written as that application writes them)."""
    from evaltools.data.privacy import find_phone
    assert find_phone("Projektledare\tTelefon och e-post 072-1234567")
    assert find_phone("010-123 45 67")


@pytest.mark.parametrize("written", ["070-123 45 67", "+46 70 123 45 67"])
def test_a_phone_number_in_a_goals_evidence_is_refused_at_its_line_without_the_number(tiny_project, written):
    """Before: read, and printed on the report's goal page."""
    from .conftest import params_refusal
    params = tiny_project(f"""\
        goals:
          - id: samverkan
            kind: qualitative
            label: Bättre samverkan
            assessment: delvis
            evidence: Deltagaren (nås på {written}) berättar om bättre kontakt.
        """)
    for lang, said in (("sv", "rad 15, mål 1 (id: samverkan), evidence: innehåller något som liknar ett "
                                "telefonnummer (visas inte här)"),
                       ("en", "line 15, goal 1 (id: samverkan), evidence: holds something shaped like a phone number "
                              "(not shown here)")):
        message = params_refusal(params, lang=lang, lines=True)
        assert said in message, message
        assert written[-5:] not in message and "45 67" not in message


def test_a_phone_number_in_a_params_comment_is_refused_at_its_line(tiny_project):
    """The report's appendix prints the params file as written, its comments too."""
    from .conftest import params_refusal
    params = tiny_project("# kontakt: samordnaren 070-123 45 67\n")
    message = params_refusal(params, lines=True)
    assert "rad 10: innehåller något som liknar ett telefonnummer (visas inte här), i en kommentar" in message
    assert "45 67" not in message


def test_figures_a_dnr_and_an_organisation_number_in_the_params_texts_are_read(tiny_project):
    import evaltools as et
    params = tiny_project("""\
        description: >-
          Dnr 2023/145. Beviljat 1 128 000 kr för 2022-01-01 – 2023-12-31 till Testkommun (556123-4567);
          möten 09-12 13-16.
        """)
    assert "556123-4567" in et.load_project(params).params.description


def test_a_phone_number_in_the_evaluators_text_is_named_by_its_line(tmp_path):
    """As written on a line, or split by Markdown over lines or around bold (``**070**-123 45 67``): each named by
    its line, the number never repeated; a Dnr and an amount beside them are no problem."""
    from evaltools.present.narrative import NarrativeError, read
    path = tmp_path / "p.sv.md"
    path.write_text("## Sammanfattande bedömning\n"
                    "Projektet (Dnr 2023/145, 1 128 000 kr) nådde sina mål.\n"
                    "En deltagare, nås på 070-123 45 67, berättar.\n"
                    "En annan på **073**-123 45 67.\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NarrativeError) as e:
        read(path, "sv")
    said = str(e.value)
    assert "rad 2" not in said
    assert "rad 3: ser ut som ett telefonnummer (visas inte här)" in said, said
    assert "rad 4: som rapporten visar texten" in said and "ser ut som ett telefonnummer" in said.split("rad 4")[1]
    assert "45 67" not in said and _digest(path) == before


# --- 4. a params file saved by Notepad as 'Unicode' ------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_params_file_in_utf16_is_said_to_be_one(tiny_project, encoding):
    """Before: 'the file is not UTF-8 text', of a file the evaluator saved as Notepad's 'Unicode'."""
    from .conftest import params_refusal
    params = tiny_project()
    params.write_bytes(params.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    before = _digest(params)
    assert "filen är sparad som UTF-16 (i Anteckningar heter det Unicode eller UTF-16 LE)" in params_refusal(params)
    assert "the file is saved as UTF-16 (in Notepad called Unicode" in params_refusal(params, lang="en")
    assert _digest(params) == before


def test_a_params_file_in_windows_1252_is_still_said_not_to_be_utf8(tiny_project):
    from .conftest import params_refusal
    params = tiny_project()
    params.write_bytes(params.read_text(encoding="utf-8").encode("cp1252"))
    assert "filen är inte UTF-8-text; spara den som UTF-8" in params_refusal(params)


# --- 5. a row of a CSV file separated by the other separator ---------------------------------------------------------
HEAD = "person_id,sex,birth_year,household_type,start_date,end_date,outcome"


def _csv(tiny_project, lines: list[str]) -> Path:
    path = tiny_project.dir / "data/participants.csv"
    path.write_text("\n".join([HEAD, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_row_pasted_with_semicolons_into_a_comma_file_is_named_once_at_its_row(tiny_project):
    """Before: seventeen messages for the one row, each value refused under the heading of its neighbour ('sex: står
    '1975'')."""
    path = _csv(tiny_project, ["P1,kvinna,1980,ensamstående,2022-02-01,2022-08-01,arbete",
                               "P2;man;1975,sambo_med_barn,2022-03-15,2022-12-01,kvar_försörjningsstöd",
                               "P3,kvinna,1990,ensamstående_med_barn,2022-06-01,,"])
    before = _digest(path)
    (p,) = load_problems(params_with_files(tiny_project, participants="participants.csv"))
    assert (p.row, p.column) == (3, None)  # (the header is row 1)
    assert p.note("sv") == ("raden har 5 celler och filens rader 7: några av dess värden skiljs med semikolon (;) i "
                            "stället för komma (,) som i resten av filen, så att de skulle hamna i fel kolumner; skriv "
                            "raden med komma (,) mellan värdena")
    assert "separated by semicolon (;) instead of the comma (,)" in p.note("en")
    assert _digest(path) == before


def test_rows_of_an_exporter_that_leaves_empty_end_cells_out_are_read(tiny_project):
    """A row without its empty end cells and a note holding a semicolon: no separator of another kind."""
    import evaltools as et
    _csv(tiny_project, ["P1,kvinna,1980,ensamstående,2022-02-01,2022-08-01,arbete",
                        "P2,man,1975,sambo_med_barn;deltid,2022-03-15",
                        "P3,kvinna,1990,ensamstående_med_barn,2022-06-01"])
    problems = load_problems(params_with_files(tiny_project, participants="participants.csv"))
    assert all(p.key != "csv.mixed_separator" for p in problems)
    assert [(p.row, p.column) for p in problems] == [(3, "household_type")]  # (the code with its note, as before)
    _csv(tiny_project, ["P1,kvinna,1980,ensamstående,2022-02-01,2022-08-01,arbete",
                        "P3,kvinna,1990,ensamstående_med_barn,2022-06-01"])
    assert len(et.load_project(params_with_files(tiny_project, participants="participants.csv")).participants) == 2


# --- 6. a case system's 'Excel' export that is a web page ------------------------------------------------------------
PAGE = ("\ufeff<!DOCTYPE html>\n<html><body><table><tr><td>person_id</td><td>sex</td></tr>"
        "<tr><td>P1</td><td>kvinna</td></tr></table></body></html>\n")


@pytest.mark.parametrize(("name", "sv", "en"), [
    ("deltagare.csv", "är en webbsida eller ett dokument i HTML med filändelsen .csv, inte en CSV-fil",
     "is a web page or a document in HTML with the suffix .csv, not a CSV file"),
    ("deltagare.xlsx", "är en webbsida eller ett dokument i HTML med filändelsen .xlsx, inte en Excel-arbetsbok",
     "is a web page or a document in HTML with the suffix .xlsx, not an Excel workbook"),
])
def test_a_web_page_named_as_a_data_file_is_said_to_be_one(tiny_project, name, sv, en):
    """Before: 'the file has no rows of data' (.csv) and 'cannot be opened as an Excel workbook (BadZipFile)'."""
    path = tiny_project.dir / "data" / name
    path.write_text(PAGE, encoding="utf-8")
    (p,) = load_problems(params_with_files(tiny_project, participants=name))
    assert sv in p.note("sv") and en in p.note("en")


def test_an_xml_spreadsheet_named_csv_is_said_to_be_xml(tiny_project):
    path = tiny_project.dir / "data/deltagare.csv"
    path.write_text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>\n',
                    encoding="utf-8")
    (p,) = load_problems(params_with_files(tiny_project, participants="deltagare.csv"))
    assert "ett dokument i XML med filändelsen .csv" in p.note("sv")


def test_a_csv_file_whose_first_cell_holds_a_less_than_sign_is_read(tiny_project):
    import evaltools as et
    path = tiny_project.dir / "data/participants.csv"
    path.write_text("person_id,sex,birth_year,household_type,start_date,end_date,outcome\n"
                    "<P1>,kvinna,1980,ensamstående,2022-02-01,2022-08-01,arbete\n", encoding="utf-8")
    assert et.load_project(params_with_files(tiny_project, participants="participants.csv")).participants[
        "person_id"].tolist() == ["<P1>"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_the_evaluators_text_saved_as_notepads_unicode_is_read(tmp_path, encoding):
    """Before: 'not UTF-8 text (byte 0)', of a text Notepad saved as 'Unicode' (UTF-16 with its byte-order mark)."""
    from evaltools.present.narrative import read
    path = tmp_path / "p.sv.md"
    written = "## Sammanfattande bedömning\r\nProjektet nådde två av tre mål.\r\n"
    path.write_bytes(("\ufeff" + written).encode(encoding) if encoding.endswith("be") else written.encode(encoding))
    assert read(path, "sv").plain("assessment") == ["Projektet nådde två av tre mål."]


def test_the_evaluators_text_in_utf16_is_still_checked_for_a_phone_number(tmp_path):
    from evaltools.present.narrative import NarrativeError, read
    path = tmp_path / "p.sv.md"
    path.write_bytes("## Sammanfattande bedömning\nRing 070-123 45 67.\n".encode("utf-16"))
    with pytest.raises(NarrativeError, match="rad 2: ser ut som ett telefonnummer"):
        read(path, "sv")


# --- 7. a data file's path written as an empty text -------------------------------------------------------------------
@pytest.mark.parametrize("written", ["''", '"  "'])
def test_a_data_path_of_an_empty_text_is_refused_as_no_path(tiny_project, written):
    """Before: "'.' är en mapp, inte en fil", of a path the evaluator left empty."""
    from .conftest import params_refusal
    said = params_refusal(tiny_project(data_block=f"data:\n  participants: {written}\n"), lines=True)
    assert ("rad 7, data, participants: står en tom text (''), ingen fil: skriv sökvägen till datafilen efter "
            "participants: (till exempel participants: ../data/deltagare.xlsx)") in said, said
    assert "'.'" not in said


def test_a_data_path_left_out_after_its_key_is_still_no_file(tiny_project):
    import evaltools as et
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n  budget:\n"))
    assert project.params.data.budget is None


def test_emoji_in_the_evaluators_text_in_utf16_are_named_by_their_line(tiny_project):
    """The text is read in UTF-16 as well (above): the warning that the report leaves its emoji out reads it so."""
    import evaltools as et
    from evaltools.publish.cli import _emoji_hints
    from evaltools.words.evaluator_text import text_path
    params = tiny_project()
    path = text_path(params, "sv")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("## Sammanfattande bedömning\nProjektet nådde målen 🎉\n".encode("utf-16"))
    (said,) = _emoji_hints(et.load_project(params), "sv")
    assert "tiny.sv.md" in said and "2" in said and "🎉" in said, said


# --- 8. a phone number in a budget line's name, which the report prints as written -----------------------------------
def test_a_phone_number_in_a_budget_lines_name_is_refused_at_its_row_without_the_number(tiny_project):
    from .conftest import write_csv
    path = tiny_project.dir / "data/budget.csv"
    write_csv(path, [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Konsult (kontakt 070-123 45 67)", "budget": 20000, "actual": 25000},
        {"period": "2022", "category": "Dnr 2023/145 hyra 556123-4567", "budget": 5000, "actual": 5000},
    ])
    before = _digest(path)
    (p,) = load_problems(tiny_project())
    assert (p.row, p.column, p.value) == (3, "category", None)
    assert p.note("sv").startswith("budgetradens namn ser ut att innehålla ett telefonnummer (visas inte här)")
    assert "45 67" not in p.text("sv") and "45 67" not in p.text("en")
    assert _digest(path) == before


@pytest.mark.parametrize(("written", "year"), [("17.05.1980", "1980"), ("17/5/1980", "1980"), ("5-17-1980", "1980"),
                                               ("1980-05-17 00:00:00", "1980"), ("1980/5/17", "1980"),
                                               ("17 maj 1980", "1980"), ("maj 1980", "1980"), ("May 1980", "1980")])
def test_a_birth_date_written_another_way_gets_the_year_to_write(tiny_project, written, year):
    """Before: no word of what to write ("står '17.05.1980'; förväntat ett heltal från 1900 till 2015"); the year is
    sure whichever of the other numbers is the day."""
    from .conftest import participants_frame, write_csv
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[0][2] = written
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    (p,) = load_problems(tiny_project())
    assert p.row == 2 and p.note("sv").endswith(f"– skriv bara födelseåret, {year}: rapporten behöver inte mer, och "
                                                "ett födelsedatum säger mer om personen"), p.note("sv")


@pytest.mark.parametrize("written", ["800517", "1980 (ca)", "mitten av 1980-talet"])
def test_what_is_no_birth_date_gets_no_year(tiny_project, written):
    from .conftest import participants_frame, write_csv
    rows = [list(r) for r in PARTICIPANT_ROWS]
    rows[0][2] = written
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    (p,) = load_problems(tiny_project())
    assert "födelseåret" not in p.note("sv")
