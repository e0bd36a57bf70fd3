"""The Excel template in English, a missing column of a wide file, and the command line as a Windows user writes it.

* ``evaltools new --lang en`` wrote a workbook whose first rows, sheets of codes and columns and drop-downs were
  Swedish; they are English now, the data sheets keep the files' names, and a filled English workbook reads back.
* A file of 3 000 columns without a person id column listed twenty headings and '…'; it lists eight, counts the rest
  and names the headings spelt closest to the missing one.
* The command line: a path with backslashes (``.\\params\\x.yaml``), a project id in capitals or with å, ä, ö, a
  path with spaces without quotes, a folder for a project, ``--lang EN``, a typo in a command: each said what to type.

Tiny params files and data written in tmp_path; what is expected is worked out by hand from what is written.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import evaltools as et
from evaltools.publish import cli

PARTICIPANTS = """\
person_id;sex;birth_year;household_type;start_date;end_date;outcome
P1;kvinna;1980;ensamstående;2022-02-01;2022-08-01;arbete
P2;man;1975;sambo_med_barn;2022-03-15;2022-12-01;kvar_försörjningsstöd
"""

# line by line (1 is the first): 6 period, 7 granted_sek, 9 data.participants, 10 data.budget, 12 the first goal's
# first line, 15 its target, 17 the second goal's first line (it has no target), 19 its label
BROKEN = """\
id: tiny
kind: individ
title: Litet testprojekt
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
granted_sek: mycket
data:
  participants: data/participants.csv
  budget: data/budget_saknas.csv
goals:
  - id: deltagare
    kind: participant_count
    label: Minst 3 deltagare
    target: tre
    period: whole_period
  - id: arbete
    kind: outcome_count
    label: Minst 2 till arbete
    period: whole_period
"""


def _write(root, text: str):
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data/participants.csv").write_text(PARTICIPANTS, encoding="utf-8")
    path = root / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- 2. the Excel template in the evaluator's language -------------------------------------------------------------

def _new(tmp_path, monkeypatch, *args: str):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "mall-test", *args]) == 0
    return tmp_path / "data" / "mall-test" / "mall-test.xlsx"


def test_new_in_english_writes_an_english_workbook(tmp_path, monkeypatch):
    wb = openpyxl.load_workbook(_new(tmp_path, monkeypatch, "--lang", "en"))
    assert wb.sheetnames == ["participants", "payments", "budget", "responses", "questions", "earnings", "benefits",
                             "Codes", "Columns"]
    first = wb["participants"]["A1"].value
    assert first.startswith("One row per enrolment.") and "Row 2 is an example and is not read" in first, first
    assert "Rad " not in first and "bladet" not in first
    assert [c.value for c in wb["participants"][3]][:3] == ["person_id", "project_id", "sex"]  # (the files' names)
    assert [c.value for c in wb["Columns"][1]] == ["sheet", "column", "the column must be there", "the cell may be empty",
                                                  "what it may hold", "meaning", "codes"]
    assert [wb["Codes"]["A1"].value, wb["Codes"]["B1"].value] == ["code (sex)", "means"]
    # every column is explained in English: none of the Swedish words the Swedish sheet has
    rows = [[c.value for c in r] for r in wb["Columns"].iter_rows(min_row=2)]
    assert [r[:2] for r in rows if not r[5]] == []
    swedish = [r[:2] for r in rows for cell in r[2:6] if any(w in f" {cell} " for w in (" ja ", " nej ", "ÅÅÅÅ", " eller "))]
    assert swedish == []
    # the drop-downs point at the English codes sheet and say what to do in English
    lists = [dv for dv in wb["participants"].data_validations.dataValidation if dv.type == "list"]
    assert lists and all(dv.formula1.startswith("'Codes'!") for dv in lists)
    assert {dv.errorTitle for dv in lists} == {"Unknown code"}


def test_new_in_swedish_still_writes_the_swedish_workbook(tmp_path, monkeypatch):
    wb = openpyxl.load_workbook(_new(tmp_path, monkeypatch))
    assert wb.sheetnames[-2:] == ["Koder", "Kolumner"]
    assert wb["participants"]["A1"].value.startswith("En rad per inskrivning.")
    assert [c.value for c in wb["Kolumner"][1]][:2] == ["blad", "kolumn"]


def test_an_english_workbook_filled_in_reads_back(tmp_path, monkeypatch):
    book = _new(tmp_path, monkeypatch, "--lang", "en")
    wb = openpyxl.load_workbook(book)
    ws = wb["participants"]
    header = [c.value for c in ws[3]]
    for r, (pid, sex, born, house, start) in enumerate((("P1", "kvinna", 1980, "ensamstående", "2022-02-01"),
                                                         ("P2", "man", 1975, "sambo_med_barn", "2022-03-15")), 4):
        for name, v in (("person_id", pid), ("sex", sex), ("birth_year", born), ("household_type", house),
                        ("start_date", dt.datetime.fromisoformat(start))):
            ws.cell(r, header.index(name) + 1, v)
    wb.save(book)
    params = tmp_path / "params" / "mall-test.yaml"
    text = params.read_text(encoding="utf-8")
    for key, value in (("kind", "individ"), ("title", "Template test"), ("forbund", "Test förbund"),
                       ("owner", "Test municipality"), ("start", "2022-01-01"), ("planned_end", "2023-12-31"),
                       ("granted_sek", "120000")):
        text = "\n".join(f"{line.split(':')[0]}: {value}" if line.strip().startswith(f"{key}: FYLL I") else line
                         for line in text.splitlines())
    text = text.replace("  payments: ../data/mall-test/mall-test.xlsx\n", "").replace(
        "  budget: ../data/mall-test/mall-test.xlsx\n", "")
    params.write_text(text, encoding="utf-8")
    project = et.load_project(params)
    assert project.participants["person_id"].tolist() == ["P1", "P2"]
    assert project.participants["sex"].tolist() == ["kvinna", "man"]


# --- 3. a missing column in a file of thousands of columns ---------------------------------------------------------

def _wide(tmp_path, first_heading: str):
    """A participant file of 7 + 3 000 columns, whose person id column is headed ``first_heading``."""
    heads = [first_heading, "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
    heads += [f"extra_{i}" for i in range(3000)]
    row = ["P1", "kvinna", "1980", "ensamstående", "2022-02-01", "2022-08-01", "arbete"] + ["x"] * 3000
    (tmp_path / "data").mkdir()
    (tmp_path / "data/participants.csv").write_text(",".join(heads) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    path = tmp_path / "tiny.yaml"
    path.write_text(BROKEN.replace("granted_sek: mycket", "granted_sek: 1000000").replace("target: tre", "target: 3")
                    .replace("  budget: data/budget_saknas.csv\n", "")
                    .replace("    label: Minst 2 till arbete\n", "    label: Minst 2 till arbete\n    target: 2\n"),
                    encoding="utf-8")
    return path


def test_a_missing_column_of_a_wide_file_lists_a_handful_counts_the_rest_and_names_the_closest(tmp_path):
    path = _wide(tmp_path, "nr_person")
    before = (tmp_path / "data/participants.csv").read_bytes()
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(path)
    sv, en = e.value.message("sv"), e.value.message("en")
    # the first 8 headings, then 3 007 - 8 = 2 999 more, counted as each language writes a number
    assert ("kolumner i filen: nr_person, sex, birth_year, household_type, start_date, end_date, outcome, extra_0, "
            "… och 2 999 till)") in sv, sv
    assert "extra_1," not in sv and "extra_2999" not in sv
    assert "… and 2,999 more)" in en, en
    # 'nr_person' is no word for a person id, but it is spelt closest to one: named, with the heading to write
    assert "rubrikerna som liknar 'person_id' mest: 'nr_person'; är det en av dem, skriv rubriken 'person_id'" in sv, sv
    assert "the headings closest to 'person_id': 'nr_person'" in en, en
    assert len(sv) < 1000  # (it listed every one of the 3 007 headings)
    assert (tmp_path / "data/participants.csv").read_bytes() == before


def test_a_missing_column_nothing_is_spelt_close_to_gets_no_suggestion(tmp_path):
    path = _wide(tmp_path, "q")
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(path)
    sv = e.value.message("sv")
    assert "kolumnen 'person_id' saknas (kolumner i filen: q, sex," in sv and "liknar" not in sv, sv


# --- 4. the command line as a Windows user writes it ----------------------------------------------------------------

@pytest.fixture
def projects(tmp_path, monkeypatch):
    """A project folder with params/tiny.yaml (refused at line 7, so that a command that finds it says so) and
    params/timra-vagen-ut.yaml (a copy), as the current folder."""
    from evaltools.data import paths
    (tmp_path / "params").mkdir()
    tiny = _write(tmp_path / "params", BROKEN)
    (tmp_path / "params/timra-vagen-ut.yaml").write_text(BROKEN.replace("id: tiny", "id: timra-vagen-ut"), encoding="utf-8")
    monkeypatch.setattr(paths, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.chdir(tmp_path)
    return tiny


def _run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as e:  # (a usage error: argparse exits)
        code = e.code
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def test_a_path_written_with_backslashes_is_found(projects, capsys):
    code, said = _run(capsys, "validate", ".\\params\\tiny.yaml")
    assert code == 1 and "granted_sek: står 'mycket'" in said and "ingen parameterfil" not in said, said
    code, said = _run(capsys, "validate", "params\\tiny.yaml")
    assert code == 1 and "granted_sek: står 'mycket'" in said, said


@pytest.mark.parametrize("written", ["Timra-Vagen-Ut", "timrå-vägen-ut", "TIMRA-VAGEN-UT.yaml", "timra-vagen_ut",
                                     "timra-vagn-ut"])
def test_a_project_written_in_other_letters_is_told_the_id_to_type(projects, capsys, written):
    before = (projects.parent / "timra-vagen-ut.yaml").read_bytes()
    code, said = _run(capsys, "render", written, "--quiet")
    assert code == 2, said
    assert "menade du timra-vagen-ut? Skriv: evaltools render timra-vagen-ut" in said, said
    assert (projects.parent / "timra-vagen-ut.yaml").read_bytes() == before
    code, said = _run(capsys, "validate", written, "--lang", "en")
    assert code == 2 and "did you mean timra-vagen-ut? Type: evaltools validate timra-vagen-ut" in said, said


def test_a_project_like_none_lists_the_projects(projects, capsys):
    code, said = _run(capsys, "render", "finns-inte")
    assert code == 2 and "ingen parameterfil" in said and "menade du" not in said, said
    assert "tiny" in said and "timra-vagen-ut" in said  # (the projects there)


def test_a_folder_is_said_to_be_no_project(projects, capsys):
    (projects.parent.parent / "data").mkdir()
    code, said = _run(capsys, "render", "data")
    assert code == 2 and "data är en mapp, inte ett projekt" in said and "tiny" in said, said
    code, said = _run(capsys, "render", "data", "--lang", "en")
    assert code == 2 and "data is a folder, not a project" in said, said


def test_a_path_with_spaces_without_quotes_is_told_to_be_quoted(projects, capsys):
    folder = projects.parent.parent / "Anna Berg" / "params"
    folder.mkdir(parents=True)
    (folder / "x.yaml").write_text(BROKEN, encoding="utf-8")
    full = str(folder / "x.yaml")
    head, tail = full.split(" ", 1)
    code, said = _run(capsys, "validate", head, tail)
    assert code == 2, said
    assert f'lästes som 2 olika projekt; skriv den inom citattecken: evaltools validate "{full}"' in said, said
    code, said = _run(capsys, "validate", full)  # (quoted: one argument, read)
    assert code == 1 and "granted_sek: står 'mycket'" in said, said


@pytest.mark.parametrize("argv", [["--lang", "EN", "list"], ["list", "--lang", "EN"], ["list", "--lang=En"]])
def test_lang_in_capitals_is_a_language(projects, capsys, argv):
    code, said = _run(capsys, *argv)
    assert code == 0, said
    assert "INVALID" in said and "granted_sek: got 'mycket'" in said and "FEL" not in said, said


@pytest.mark.parametrize(("argv", "meant"), [(["valdate", "tiny"], "'validate'"), (["Render", "tiny"], "'render'"),
                                             (["lst"], "'list'")])
def test_a_typo_in_a_command_is_told_the_command_meant(projects, capsys, argv, meant):
    code, said = _run(capsys, *argv)
    assert code == 2 and f"menade du {meant}?" in said and "finns inte" in said, said
    code, said = _run(capsys, "--lang", "en", *argv)
    assert code == 2 and f"did you mean {meant}?" in said, said


def test_a_command_like_none_is_told_the_choices_alone(projects, capsys):
    code, said = _run(capsys, "xyzzy")
    assert code == 2 and "menade du" not in said and "'validate'" in said, said


def test_kolada_for_a_project_in_other_letters_is_told_the_command(projects, capsys):
    code, said = _run(capsys, "kolada", "N31807", "0305", "--project", "Timrå-Vägen-Ut")
    assert code == 1 and "menade du timra-vagen-ut? Skriv: evaltools kolada N31807 0305 --project timra-vagen-ut" in said


def test_a_document_misspelt_is_told_the_one_meant(capsys):
    code, said = _run(capsys, "docs", "data-kontrakt")
    assert code == 1 and "menade du data-contract? Skriv: evaltools docs data-contract" in said, said
    code, said = _run(capsys, "docs", "xyzzy")
    assert code == 1 and "menade du" not in said and "data-contract" in said, said


def test_a_format_misspelt_is_told_the_option_to_write(projects, capsys):
    code, said = _run(capsys, "render", "tiny", "--formats", "htm,PDF", "--cold-kernels")
    assert code == 2 and "skriv --formats html,pdf" in said, said
    code, said = _run(capsys, "render", "tiny", "--formats", "htm,qqq", "--cold-kernels")
    assert code == 2 and "skriv --formats" not in said and "fick 'htm,qqq'" in said, said


@pytest.mark.parametrize(("argv", "said"), [(["validate", "tiny"], "Avbrutet (Ctrl+C)."),
                                            (["validate", "tiny", "--lang", "en"], "Interrupted (Ctrl+C).")])
def test_ctrl_c_is_said_in_a_line_in_the_sessions_language_with_its_exit_code(projects, capsys, monkeypatch, argv,
                                                                                said):
    def pressed(*_args):  # (Ctrl+C while the command runs)
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "cmd_validate", pressed)
    before = projects.read_bytes()
    code, out = _run(capsys, *argv)
    assert code == 130 and said in out, out
    assert projects.read_bytes() == before


def test_evaltools_alone_is_told_the_commands_in_the_sessions_language(capsys):
    # before: "det här behövs också: command" (argparse's name for the command, in English)
    code, said = _run(capsys)
    assert code == 2 and "skriv ett kommando efter evaltools: list, validate, render" in said and ": command" not in said
    code, said = _run(capsys, "--lang", "en")
    assert code == 2 and "write a command after evaltools: list, validate, render" in said, said


def test_two_projects_alike_but_for_their_letters_are_not_guessed_between(projects, capsys):
    (projects.parent / "Timra_Vagen_Ut.yaml").write_text(BROKEN.replace("id: tiny", "id: Timra_Vagen_Ut"),
                                                         encoding="utf-8")
    code, said = _run(capsys, "validate", "timrå-vägen-ut")
    assert code == 2 and "menade du" not in said and "Timra_Vagen_Ut" in said and "timra-vagen-ut" in said, said
