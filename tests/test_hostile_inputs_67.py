"""Hostile and Windows inputs met in a new user's first hour.

* A direction mark (U+200E, U+200F, U+061C: what a text pasted from a web page or a chat in Arabic or Hebrew script
  brings along) at the end of a person id, a household id or a municipality was kept: 'P2' and 'P2' + U+200F look the
  same in Excel and in every message, but were two persons (the payments of 'P2' 'not in the participants file'),
  and 'Timrå' was two groups in the report. The embeddings and overrides (U+202A-U+202E) were refused already.

Tiny projects written in tmp_path; what is expected is read off the rows written, by hand."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et

PARTICIPANTS = """\
person_id;sex;birth_year;household_type;start_date;end_date;outcome;municipality;household_id
P1;kvinna;1980;ensamstående;2022-02-01;2022-08-01;arbete;Timrå;H1
P2;man;1975;sambo_med_barn;2022-03-15;2022-12-01;kvar_försörjningsstöd;Timrå;H2
P3;kvinna;1990;ensamstående_med_barn;2022-06-01;;;Sundsvall;H3
P4;man;1968;ensamstående;2023-01-10;2023-05-01;sjuk_aktivitetsersättning;Sundsvall;H4
"""


def _project(root, participants: str = PARTICIPANTS, payments: str | None = None, extra: str = ""):
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data/participants.csv").write_text(participants, encoding="utf-8")
    data = "  participants: data/participants.csv\n"
    if payments is not None:
        (root / "data/payments.csv").write_text(payments, encoding="utf-8")
        data += "  payments: data/payments.csv\n"
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent("""\
        id: tiny
        kind: individ
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data:
        """) + data + extra + textwrap.dedent("""\
        goals:
          - id: deltagare
            kind: participant_count
            label: Minst 3 deltagare
            target: 3
            period: whole_period
        """), encoding="utf-8")
    return path


def _problems(path) -> str:
    with pytest.raises(et.EvaltoolsError) as e:
        et.load_project(path)
    return str(e.value)


# --- 1. direction marks in ids and municipalities -----------------------------------------------------------------

@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
@pytest.mark.parametrize("cell, column, row", [("P2;", "person_id", 3), (";H3\n", "household_id", 4),
                                               (";Timrå;H1", "municipality", 2)])
def test_a_direction_mark_in_an_id_or_a_municipality_is_named_by_its_code(tmp_path, mark, cell, column, row):
    marked = cell.replace(";H", f";H{mark}", 1) if column == "household_id" else \
        cell.replace("Timrå", f"Timrå{mark}") if column == "municipality" else cell.replace("P2", f"P2{mark}")
    assert marked != cell and PARTICIPANTS.count(cell) == 1
    said = _problems(_project(tmp_path, PARTICIPANTS.replace(cell, marked)))
    code = f"U+{ord(mark):04X}"
    assert f"rad {row}, kolumn '{column}'" in said and code in said, said
    assert mark not in said  # (named by its code, never echoed: it would turn the message around)


def test_a_person_id_with_a_direction_mark_in_the_payments_is_named_not_an_unknown_person(tmp_path):
    payments = "person_id;month;amount\nP1;2022-03;8000\nP2\u200f;2022-04;9000\n"
    said = _problems(_project(tmp_path, payments=payments))
    assert "payments.csv, rad 3, kolumn 'person_id'" in said and "U+200F" in said, said


def test_the_input_with_a_direction_mark_is_not_changed(tmp_path):
    text = PARTICIPANTS.replace("P2;", "P2\u200f;")
    path = _project(tmp_path, text)
    _problems(path)
    assert (tmp_path / "data/participants.csv").read_text(encoding="utf-8") == text


# --- 2. a text in the params file that YAML reads as something else --------------------------------------------

PARAMS = """\
id: tiny
kind: individ
title: Litet testprojekt
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
data:
  participants: data/participants.csv
goals:
  - id: deltagare
    kind: participant_count
    label: Minst 3 deltagare
    target: 3
    period: whole_period
"""


def _yaml_lines(tmp_path, replace: str, written: str, lang: str = "sv") -> list[str]:
    _project(tmp_path)
    path = tmp_path / "tiny.yaml"
    assert PARAMS.count(replace) == 1
    path.write_text(PARAMS.replace(replace, written), encoding="utf-8")
    with pytest.raises(et.ParamsError) as e:
        et.load_params(path)
    return e.value.in_lang(lang).messages


@pytest.mark.parametrize(("replace", "written", "fixed"), [
    # a colon and a space inside the text: YAML reads a key
    ("    label: Minst 3 deltagare", "    label: Mål 1: minst 3 deltagare", 'label: "Mål 1: minst 3 deltagare"'),
    ("title: Litet testprojekt", "title: Vägen ut: ett projekt för unga", 'title: "Vägen ut: ett projekt för unga"'),
    # the evaluator's own quotes around a text that holds the same quote
    ("    label: Minst 3 deltagare", '    label: "Minst 3 "nya" deltagare"', "label: 'Minst 3 \"nya\" deltagare'"),
    ("    label: Minst 3 deltagare", "    label: 'Deltagarnas 'egen' försörjning'",
     "label: \"Deltagarnas 'egen' försörjning\""),
    # a character that means something of its own at the start of a value
    ("    label: Minst 3 deltagare", "    label: % av deltagarna har en plan", 'label: "% av deltagarna har en plan"'),
    ("title: Litet testprojekt", "title: @Vägen ut", 'title: "@Vägen ut"'),
    ("title: Litet testprojekt", "title: [Vägen ut] 2024", 'title: "[Vägen ut] 2024"'),
    ("title: Litet testprojekt", "title: {{ 7*7 }}", 'title: "{{ 7*7 }}"'),
    # a comment after the text stays a comment
    ("owner: Testkommun", "owner: Kommun: Timrå  # ägare", 'owner: "Kommun: Timrå"  # ägare'),
])
def test_a_text_yaml_cannot_read_is_shown_written_in_quotes(tmp_path, replace, written, fixed):
    (sv,) = _yaml_lines(tmp_path, replace, written)
    line = PARAMS.splitlines().index(replace) + 1
    assert sv.startswith(f"rad {line}: ") and sv.endswith(f": {fixed}"), sv
    (en,) = _yaml_lines(tmp_path, replace, written, "en")
    assert en.startswith(f"line {line}: ") and en.endswith(f": {fixed}"), en
    # what the message says to write is read, and as the text the evaluator meant
    indent = replace[:len(replace) - len(replace.lstrip())]
    (tmp_path / "tiny.yaml").write_text(PARAMS.replace(replace, indent + fixed), encoding="utf-8")
    params = et.load_params(tmp_path / "tiny.yaml")
    key, meant = fixed.split(": ", 1)
    meant = meant.split("  #")[0]
    meant = meant[1:-1].replace("''", "'") if meant.startswith("'") else meant[1:-1]
    got = params.goals[0].label if key == "label" else getattr(params, key)
    assert got == meant


def test_a_setting_of_settings_written_on_one_line_is_not_told_to_be_quoted(tmp_path):
    # 'period: start: 2022-01-01' is no text: quoting it would only move the problem
    (sv,) = _yaml_lines(tmp_path, "period: {start: 2022-01-01, planned_end: 2023-12-31}",
                        "period: start: 2022-01-01")
    assert "citattecken:" not in sv and sv.startswith("rad 6, kolumn"), sv


def test_a_quoted_text_never_shows_a_personnummer(tmp_path):
    (sv,) = _yaml_lines(tmp_path, "title: Litet testprojekt", "title: Projekt: 19811218-9876")
    assert "9876" not in sv and "811218" not in sv and sv.startswith("rad 3: "), sv


def test_a_quote_never_closed_is_not_quoted_again(tmp_path):
    (sv,) = _yaml_lines(tmp_path, "    label: Minst 3 deltagare", '    label: "Minst 3 deltagare')
    assert "citattecken:" not in sv and "ingen giltig YAML" in sv, sv


# --- 3. a reports folder that cannot be one --------------------------------------------------------------------

def _render_refused(params, reports, capsys, *more: str) -> str:
    from evaltools.publish import cli
    with pytest.raises(SystemExit) as e:
        cli.main(["render", str(params), "--reports-dir", str(reports), "--formats", "html", "--cold-kernels",
                  "--quiet", *more])
    assert e.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--reports-dir" in err, err
    return err


def test_a_reports_folder_that_is_a_file_is_named_not_a_traceback(tmp_path, capsys):
    params = _project(tmp_path)
    note = tmp_path / "rapporter"
    note.write_text("mina anteckningar", encoding="utf-8")  # (a note saved without an extension)
    err = _render_refused(params, note, capsys)
    assert f"{note} är en fil, inte en mapp" in err, err
    assert note.read_text(encoding="utf-8") == "mina anteckningar"
    # a folder asked for inside it: the file is named, as the thing in the way
    err = _render_refused(params, note / "2024", capsys, "--lang", "en")
    assert f"{note} is a file, not a folder" in err, err
    assert note.read_text(encoding="utf-8") == "mina anteckningar"


def test_a_reports_folder_that_cannot_be_made_says_why(tmp_path, capsys):
    params = _project(tmp_path)
    too_long = tmp_path / ("r" * 300)  # (longer than a folder's name may be, on Windows, macOS and Linux)
    err = _render_refused(params, too_long, capsys)
    assert "rapportmappen" in err and "kan inte skapas" in err and "ange en mapp som du kan skriva i" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "tiny.yaml"]  # (nothing made)


def test_a_reports_folder_over_the_input_is_refused_in_the_users_language(tmp_path, capsys):
    params = _project(tmp_path)
    data = tmp_path / "data"
    err = _render_refused(params, data, capsys)
    assert f"rapportmappen {data} är indatamappen {data}" in err, err
    err = _render_refused(params, tmp_path, capsys)
    assert f"rapportmappen {tmp_path} innehåller" in err, err
    err = _render_refused(params, data, capsys, "--lang", "en")
    assert f"the reports folder {data} is the input folder {data}" in err, err


# --- 4. a column heading of a page of text ------------------------------------------------------------------------

LONG_HEADING = "Kommentar " + "x" * 100_000


def _with_own_column(heading: str, cells: list[str], after: str = "") -> str:
    lines = PARTICIPANTS.splitlines()
    return "\n".join([f"{lines[0]};{heading}"] + [f"{line};{c}" for line, c in zip(lines[1:], cells)]) + "\n" + after


def test_a_heading_of_a_page_of_text_is_named_by_its_start_among_the_columns_not_read(tmp_path):
    project = et.load_project(_project(tmp_path, _with_own_column(LONG_HEADING, ["a", "b", "c", "d"])))
    (unread,) = [w for w in project.notices if w.code == "unread_columns"]
    for lang in ("sv", "en"):
        said = unread.text(lang)
        assert len(said) < 600, len(said)
        assert "'Kommentar xxxx" in said and "…'" in said


def test_a_heading_of_a_page_of_text_is_named_by_its_start_where_a_row_has_only_notes(tmp_path):
    project = et.load_project(_project(tmp_path, _with_own_column(LONG_HEADING, ["a", "b", "c", "d"],
                                                                  after=";;;;;;;;;S09 kommer i nästa uttag\n")))
    (note,) = [w for w in project.notices if w.code == "note_rows"]
    said = note.text("sv")
    assert len(said) < 600 and "rad 6" in said and "'Kommentar xxxx" in said, said[:600]


def test_a_heading_of_a_page_of_text_is_named_by_its_start_where_its_cell_is_refused(tmp_path):
    said = _problems(_project(tmp_path, _with_own_column(LONG_HEADING, ["a", "b\x00", "c", "d"])))
    assert len(said) < 800 and "rad 3, kolumn 'Kommentar xxxx" in said and "U+0000" in said, said[:800]


def test_many_columns_not_read_are_named_by_the_first_of_them(tmp_path):
    lines = PARTICIPANTS.splitlines()
    headings = ";".join(f"kol{i}" for i in range(60))
    text = "\n".join([f"{lines[0]};{headings}"] + [line + ";" * 60 for line in lines[1:]]) + "\n"
    project = et.load_project(_project(tmp_path, text))
    (unread,) = [w for w in project.notices if w.code == "unread_columns"]
    said = unread.text("sv")
    assert "'kol0', 'kol1'" in said and "'kol59'" not in said and said.count("'kol") == 20, said


# --- 5. a month written as a day in another order ----------------------------------------------------------------

@pytest.mark.parametrize(("written", "hint"), [
    ("1/6/2022", "skriv 2022-06 om det första talet är dagen, 2022-01 om det är månaden"),
    ("30/6/2022", "skriv 2022-06"),   # (only a day first: there is no month 30)
    ("6/30/2022", "skriv 2022-06"),   # (only a month first, as US Excel writes it)
    ("2022/6/1", "skriv 2022-06"),
    ("1.6.2022", "skriv 2022-06 om det första talet är dagen, 2022-01 om det är månaden"),
])
def test_a_month_written_as_a_day_in_another_order_is_shown_as_the_month_to_write(tmp_path, written, hint):
    payments = f"person_id;month;amount\nP1;2022-03;8000\nP2;{written};9000\n"
    said = _problems(_project(tmp_path, payments=payments))
    assert f"payments.csv, rad 3, kolumn 'month': står '{written}'; förväntat en månad skriven ÅÅÅÅ-MM – {hint}" \
        in said, said


# --- 6. a params line as Word, a web page or a hurried hand writes it ---------------------------------------------

def test_a_text_in_word_quotes_is_shown_in_plain_quotes_without_them(tmp_path):
    # (Word writes ” for " on a Swedish keyboard: YAML takes it for a letter, and the colon after 'Mål 1' for a key)
    (sv,) = _yaml_lines(tmp_path, "    label: Minst 3 deltagare", "    label: ”Mål 1: minst 3 deltagare”")
    assert sv.startswith("rad 12: ") and sv.endswith(': label: "Mål 1: minst 3 deltagare"'), sv


@pytest.mark.parametrize(("replace", "written", "line"), [
    ("    kind: participant_count", "\u00a0\u00a0\u00a0\u00a0kind: participant_count", 11),
    ("  - id: deltagare", "\u00a0 - id: deltagare", 10),
    ("title: Litet testprojekt", "title:\u00a0Litet testprojekt", 3),
    ("owner: Testkommun", "owner:\u202fTestkommun", 5),
])
def test_a_hard_space_from_a_web_page_or_word_is_named_by_its_line_and_code(tmp_path, replace, written, line):
    (sv,) = _yaml_lines(tmp_path, replace, written)
    code = "U+202F" if "\u202f" in written else "U+00A0"
    assert sv.startswith(f"rad {line}: ") and f"hårt mellanslag ({code})" in sv and "mellanslagstangenten" in sv, sv
    (en,) = _yaml_lines(tmp_path, replace, written, "en")
    assert en.startswith(f"line {line}: ") and f"non-breaking space ({code})" in en, en


def test_a_hard_space_inside_quotes_is_text_and_no_problem(tmp_path):
    _project(tmp_path)
    (tmp_path / "tiny.yaml").write_text(PARAMS.replace("title: Litet testprojekt", 'title: "Litet\u00a0testprojekt"'),
                                        encoding="utf-8")
    assert et.load_params(tmp_path / "tiny.yaml").title == "Litet\u00a0testprojekt"


def test_a_colon_without_a_space_after_it_is_shown_with_the_space(tmp_path):
    (sv,) = _yaml_lines(tmp_path, "title: Litet testprojekt", "title:Litet testprojekt")
    assert sv == "rad 3: efter kolonet behövs ett mellanslag; skriv title: Litet testprojekt", sv
    (en,) = _yaml_lines(tmp_path, "title: Litet testprojekt", "title:Litet testprojekt", "en")
    assert en == "line 3: a space is needed after the colon; write title: Litet testprojekt", en


# --- 7. a batch in which no report could be made ----------------------------------------------------------------

def test_a_batch_whose_every_project_fails_has_no_portfolio_error_and_keeps_the_last_portfolio(tmp_path, capsys):
    """`evaltools render --all` with one project of the evaluator's own that did not validate yet (the first hour of
    a user installed from the package index, whose params/ holds that one project): the portfolio failed too, with
    'KeyError: 'title'' and a notebook in _failed/, for a comparison of no project."""
    from evaltools.publish import render
    text = PARTICIPANTS.replace("P2;", "P\x002;")  # (a NUL in a person id: the project is refused at once)
    params = _project(tmp_path, text)
    reports = tmp_path / "reports"
    (reports / "portfolio").mkdir(parents=True)
    (reports / "portfolio" / "portfolio.html").write_text("den förra portföljen", encoding="utf-8")
    results = render.render_many([params], reports, formats=("html",), progress=False, portfolio=True, warm=False)
    assert [(r.project_id, r.ok) for r in results] == [("tiny", False)], [(r.project_id, r.error) for r in results]
    assert "U+0000" in results[0].error
    assert not (reports / "_failed" / "portfolio").exists()
    assert (reports / "portfolio" / "portfolio.html").read_text(encoding="utf-8") == "den förra portföljen"


# --- 8. render names every value `evaltools new` left to fill in, as validate does ---------------------------------

def test_render_names_every_placeholder_left_as_validate_does(tmp_path, capsys):
    from evaltools.publish import cli, render
    _project(tmp_path)
    path = tmp_path / "tiny.yaml"
    path.write_text(PARAMS.replace("title: Litet testprojekt", "title: FYLL I projektets namn")
                    .replace("forbund: Testförbundet", "forbund: FYLL I samordningsförbundets namn")
                    .replace("{start: 2022-01-01,", "{start: FYLL I ÅÅÅÅ-MM-DD,"), encoding="utf-8")
    assert cli.main(["validate", str(path)]) == cli.EXIT_FAILED
    validated = capsys.readouterr().err
    assert "3 problem i projektparametrarna" in validated  # (what validate says: the render's is compared with it)
    res = render.render_project(path, tmp_path / "reports", ("html",), lang="sv")
    assert not res.ok
    assert res.error.startswith(f"{path}: 3 problem i projektparametrarna:"), res.error
    for said in ("'FYLL I projektets namn'", "'FYLL I samordningsförbundets namn'", "'FYLL I ÅÅÅÅ-MM-DD'"):
        assert said in res.error and said in validated


# --- 9. a sheet the params file names that the workbook does not have ---------------------------------------------

def test_a_sheet_the_workbook_lacks_says_where_to_write_one_it_has(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.title = "Blad1"
    for row in [line.split(";") for line in PARTICIPANTS.splitlines()]:
        wb.active.append(row)
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data/deltagare.xlsx")
    path = tmp_path / "tiny.yaml"
    path.write_text(PARAMS.replace("data/participants.csv", "data/deltagare.xlsx\n  excel_sheet: Deltagare"),
                    encoding="utf-8")
    said = _problems(path)
    assert ("deltagare.xlsx: arbetsboken har inget blad 'Deltagare'; skriv ett av dess blad under data: excel_sheet: i "
            "params-filen, så som arbetsboken stavar det (blad: 'Blad1')") in said, said


# --- 10. one enrolment is one ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said"), [("sv", "✓ tiny: 1 inskrivning; anteckningar om datakvaliteten: 0"),
                                            ("en", "✓ tiny: 1 enrolment; data-quality notes: 0")])
def test_validate_counts_one_enrolment_in_the_singular(tmp_path, capsys, lang, said):
    from evaltools.publish import cli
    one = "\n".join(PARTICIPANTS.splitlines()[:2]) + "\n"
    assert cli.main(["validate", str(_project(tmp_path, one)), "--lang", lang]) == cli.EXIT_OK
    assert said in capsys.readouterr().out


# --- 11. a file that is no table: what it holds is never sent to the terminal as it is ------------------------------

def test_a_file_of_bytes_that_is_no_table_is_named_without_its_control_characters(tmp_path):
    """A PDF or a program saved as .csv, or a first row of terminal escapes (ESC ]0; sets the window's title, ESC [2J
    clears the screen): the message echoed the first row's bytes, NUL and ESC with them, to the terminal."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data/participants.csv").write_bytes(b"\x1b]0;owned\x07\x1b[2J;" + bytes(range(1, 32)) * 3 + b"\n1;2\n")
    path = tmp_path / "tiny.yaml"
    path.write_text(PARAMS, encoding="utf-8")
    with pytest.raises(et.EvaltoolsError) as e:
        et.load_project(path)
    for lang in ("sv", "en"):
        said = e.value.message(lang)
        assert not [c for c in said if ord(c) < 32 and c not in "\n"], repr(said)
        # (the row's headings as they look, and the escape named by its code at its cell)
        assert "U+001B" in said and "owned" in said, said


def test_a_first_row_of_many_cells_is_named_by_its_first_twenty(tmp_path):
    heading = ";".join(f"kol{i}" for i in range(60))
    said = _problems(_project(tmp_path, heading + "\n" + ";".join("x" * 60) + "\n"))
    assert "kol19, …" in said and "kol20" not in said, said


# --- 12. the template's example row written over with a person ------------------------------------------------------

def _template_with(tmp_path, example_id: str | None):
    """The workbook `evaltools new` writes, with three persons under its header row and, where ``example_id`` is
    given, its example row (row 2, above the header, which is never read) written over with that person."""
    import datetime as dt

    import openpyxl

    from evaltools.data.template import write_template
    (tmp_path / "data").mkdir()
    book = write_template(tmp_path / "data" / "projekt.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb["participants"]
    header = [c.value for c in ws[3]]
    people = [("P1", "kvinna", 1980, "ensamstående", dt.datetime(2022, 2, 1)),
              ("P2", "man", 1975, "sambo_med_barn", dt.datetime(2022, 3, 15)),
              ("P3", "kvinna", 1990, "ensamstående_med_barn", dt.datetime(2022, 6, 1))]
    for r, person in enumerate(people, start=4):
        for name, value in zip(("person_id", "sex", "birth_year", "household_type", "start_date"), person):
            ws.cell(r, header.index(name) + 1, value)
    if example_id is not None:
        ws.cell(2, header.index("person_id") + 1, example_id)
        ws.cell(2, header.index("start_date") + 1, dt.datetime(2022, 1, 10))
    wb.save(book)
    path = tmp_path / "tiny.yaml"
    path.write_text(PARAMS.replace("data/participants.csv", "data/projekt.xlsx"), encoding="utf-8")
    return path


def test_the_templates_example_row_written_over_with_a_person_is_said_not_read(tmp_path):
    project = et.load_project(_template_with(tmp_path, "P0"))
    assert len(project.participants) == 3  # (rows 4-6; row 2 is never read, as the sheet's first line says)
    (said,) = [w for w in [*project.warnings, *project.notices] if "rad 2" in w.text("sv")]
    assert "ovanför rubrikraden" in said.text("sv") and "'P0'" in said.text("sv"), said.text("sv")
    assert "above the header row" in said.text("en")


def test_the_templates_example_row_as_written_is_no_note(tmp_path):
    project = et.load_project(_template_with(tmp_path, None))
    assert len(project.participants) == 3
    assert not [w for w in [*project.warnings, *project.notices] if "rad 2" in w.text("sv")]


# --- 13. a data file named by a link ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "said"), [
    ("https://kommunen.sharepoint.com/:x:/r/sites/FoU/Delade%20dokument/Deltagare%202024.xlsx?d=w1&csf=1&web=1",
     "en webbadress, och filen läses inte från webben; ladda ner den, lägg den i projektets mapp data/ och skriv "
     "sökvägen till den relativt parameterfilen, som participants: ../data/Deltagare 2024.xlsx"),
    ("file:///C:/Users/anna/Documents/deltagare.csv",
     "en länk till en fil; skriv sökvägen till filen relativt parameterfilen, som participants: "
     "../data/deltagare.csv"),
])
def test_a_data_file_named_by_a_link_says_to_name_the_file(tmp_path, written, said):
    (sv,) = _yaml_lines(tmp_path, "  participants: data/participants.csv", f"  participants: '{written}'")
    assert sv.startswith("data, participants: står '") and said in sv, sv
