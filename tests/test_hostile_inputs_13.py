"""Hostile input as a Windows or Mac user makes it, without meaning to: project ids that Windows
reserves or that only look like others (a Cyrillic 'о', a full-width 'ｔ', a superscript '¹'), two
params files whose ids name one report folder, titles given to ``evaltools new`` that YAML would read
otherwise, CSV files saved by Excel as "CSV (Macintosh)" or "CSV (MS-DOS)", workbooks that take
values from another workbook or unpack to far more than a data file holds. Each case ends in one
clear message naming what to change, or in a correct report; never a traceback, never a
personnummer echoed, never a report lost."""
from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path

import pytest
import yaml

from evaltools.data.errors import EvaltoolsError
from evaltools.data.params import load_params, project_id_problem
from evaltools.publish import cli, render

from .conftest import participants_frame, write_csv

PNR = "811218-9876"  # shaped like a personnummer, nobody's
BASE = "title: T\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- project ids ------------------------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["com¹", "COM²", "lpt³", "Lpt¹"])
def test_windows_reserved_names_written_with_superscript_digits_are_refused(bad, tmp_path):
    # Windows reserves COM¹-COM³ and LPT¹-LPT³ as it does COM1: a folder of that name cannot be made there (said as
    # Windows' device name it is, not as a name of the toolkit's own files, which it never was)
    said = project_id_problem(bad, "en")
    assert said is not None and "Windows keeps that name for a device" in said
    (tmp_path / "p.yaml").write_text(f"id: {json.dumps(bad)}\n" + BASE, encoding="utf-8")
    with pytest.raises(EvaltoolsError):
        load_params(tmp_path / "p.yaml")


@pytest.mark.parametrize("bad, chars", [
    ("k\u043empassen", "U+043E"),  # a Cyrillic o
    ("\uff54iny", "U+FF54"),  # a full-width t
    ("projekt\u00b2", "U+00B2"),  # a superscript 2
    ("\u0663\u0663", "U+0663"),  # Arabic-Indic digits
    ("\u2177", "U+2177"),  # a Roman numeral as one character
])
def test_a_project_id_that_only_looks_like_an_ordinary_one_is_refused_naming_the_characters(bad, chars):
    said = project_id_problem(bad, "sv")
    assert said is not None and "latinska bokstäver" in said and chars in said, said


@pytest.mark.parametrize("good", ["vägen-ut", "Göteborg_2025", "café", "Ærø", "P1"])
def test_latin_letters_with_accents_are_ordinary_ids(good):
    assert project_id_problem(good) is None


def test_an_id_whose_letters_are_decomposed_as_macos_writes_them_is_read_composed(tmp_path):
    # 'va' + U+0308 (a combining diaeresis) + 'gen' is 'vägen' written as macOS writes a file name
    (tmp_path / "p.yaml").write_text('id: "va\u0308gen"\n' + BASE, encoding="utf-8")
    assert load_params(tmp_path / "p.yaml").id == "v\u00e4gen"


# --- two params files, one report folder ------------------------------------------------------------
def _project_folder(root: Path, ids: dict[str, str]) -> Path:
    """A project folder whose params/ holds one file per name in ``ids`` (file stem -> project id), all
    with the same small data."""
    data = root / "data"
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    (root / "params").mkdir(parents=True)
    for stem, pid in ids.items():
        (root / "params" / f"{stem}.yaml").write_text(textwrap.dedent(f"""\
            id: {pid}
            kind: individ
            title: Projekt {stem}
            forbund: F
            owner: O
            period: {{start: 2022-01-01, planned_end: 2023-12-31}}
            data:
              participants: ../data/participants.csv
              budget: ../data/budget.csv
            """), encoding="utf-8")
    return root / "params"


def test_ids_naming_one_folder_on_windows_are_found_in_either_case_or_form(tmp_path):
    params = _project_folder(tmp_path, {"a": "tiny", "b": "Tiny", "c": "other", "d": "TINY"})
    clashes = render.one_folder(sorted(params.glob("*.yaml")), "en")
    assert sorted(p.stem for p in clashes) == ["a", "b", "d"]  # 'other' renders
    said = clashes[(params / "b.yaml").resolve()]
    assert "project id Tiny" in said and "a.yaml (tiny)" in said and "d.yaml (TINY)" in said


def test_a_batch_renders_no_two_projects_into_one_folder_and_keeps_the_report_there(tmp_path, capsys):
    # a params file copied and renamed but not changed: both say id: tiny. Before, both rendered and the
    # second report silently replaced the first
    params = _project_folder(tmp_path, {"tiny": "tiny", "tiny-kopia": "tiny"})
    reports = tmp_path / "reports"
    earlier = reports / "tiny"
    earlier.mkdir(parents=True)
    (earlier / "tiny.html").write_text("<p>förra månadens rapport</p>", encoding="utf-8")
    before = _snapshot(earlier)
    results = render.render_many(sorted(params.glob("*.yaml")), reports, ("html",), lang="sv", jobs=1,
                                 progress=False, warm=False)
    assert [(r.project_id, r.ok) for r in results] == [("tiny", False), ("tiny", False)]
    for r, other in zip(results, ("tiny-kopia.yaml", "tiny.yaml")):
        assert other in r.error and "ingen av dem renderas" in r.error, r.error
    assert _snapshot(earlier) == before  # the report already there is untouched
    assert json.loads((reports / "_failed" / "tiny" / "status.json").read_text(encoding="utf-8"))["ok"] is False


def test_validate_names_two_projects_that_would_share_a_folder(tmp_path, capsys):
    params = _project_folder(tmp_path, {"a": "tiny", "b": "Tiny"})
    code = cli.main(["validate", str(params / "a.yaml"), str(params / "b.yaml"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert "a.yaml has the project id tiny, which names the same report folder as" in err and "b.yaml (Tiny)" in err


# --- evaltools new --------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["Projekt: Vägen ut", "#1 i länet", 'Arbete "först"', "x\nkind: struktur",
                                   "- lista", "{a: b}", "'citat'", "yes"])
def test_a_title_given_to_new_is_written_as_the_title_and_nothing_else(title, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "mitt-projekt", "--title", title]) == cli.EXIT_OK
    written = yaml.safe_load((tmp_path / "params" / "mitt-projekt.yaml").read_text(encoding="utf-8"))
    assert written["title"] == title  # the same text, as a string
    assert str(written["kind"]).startswith("FYLL I")  # no key added by the title


def test_a_title_with_a_personnummer_is_refused_by_new_without_echoing_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    with pytest.raises(SystemExit):
        cli.main(["new", "mitt-projekt", "--title", f"Stöd till {PNR}"])
    err = capsys.readouterr().err
    assert "liknar ett personnummer" in err and "9876" not in err
    assert not (tmp_path / "params").exists()  # nothing written


def test_a_project_named_on_the_command_line_like_a_personnummer_is_not_echoed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "all_params", lambda: [])
    monkeypatch.setattr(cli, "params_path", lambda ref: tmp_path / "params" / f"{ref}.yaml")
    with pytest.raises(SystemExit):
        cli.main(["validate", PNR])
    err = capsys.readouterr().err.replace(str(tmp_path), "<tmp>")
    assert "ingen parameterfil: <tmp>/params/[personnummer borttaget].yaml" in err and "9876" not in err


# --- CSV files saved by Excel in its older formats ----------------------------------------------------
PARTICIPANTS = [("P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"),
                ("P2", "man", 1975, "sambo_med_barn", "2022-03-15", "2022-12-01", "kvar_försörjningsstöd"),
                ("P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01", "", "")]
BUDGET = [("2022", "Lön", 100000, 90000), ("2022", "Övrigt, resor å ort", 20000, 25000)]


def _saved_as(tiny_project, encoding: str, line_end: str) -> Path:
    """The tiny project with its participant and budget files saved as Excel saves them in ``encoding``, each
    line ended by ``line_end`` (a Mac's "CSV (Macintosh)" ends its lines with a carriage return alone)."""
    data = tiny_project.dir / "data"
    heads = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome", "period;category;budget;actual"]
    for name, head, rows in (("participants.csv", heads[0], PARTICIPANTS), ("budget.csv", heads[1], BUDGET)):
        text = line_end.join([head, *(";".join(map(str, r)) for r in rows)]) + line_end
        (data / name).write_bytes(text.encode(encoding))
    return tiny_project()


@pytest.mark.parametrize("encoding, line_end, said", [
    ("mac_roman", "\r", "Mac OS Roman"),  # Excel for Mac: "CSV (Macintosh)"
    ("cp850", "\r\n", "DOS (cp850"),  # Excel for Windows: "CSV (MS-DOS)"
])
def test_csv_saved_by_excel_as_macintosh_or_ms_dos_reads_its_swedish_letters(encoding, line_end, said, tiny_project,
                                                                              capsys):
    # before, both were read as Windows-1252: 'ensamstående' became 'ensamstŒende' (five refused cells, in a
    # correct file) and the budget line 'Lön' was shown as 'Lšn'
    from evaltools.data.project import load_project
    params = _saved_as(tiny_project, encoding, line_end)
    before = _snapshot(params.parent / "data")
    project = load_project(params)
    assert list(project.participants["household_type"]) == [r[3] for r in PARTICIPANTS]
    assert list(project.participants["outcome"].fillna("")) == [r[6] for r in PARTICIPANTS]
    assert list(project.budget["category"]) == [r[1] for r in BUDGET]
    notes = [w.note("sv") for w in project.warnings if w.code == "encoding_old"]
    assert len(notes) == 2 and all(said in n for n in notes)
    assert _snapshot(params.parent / "data") == before


def test_the_report_says_which_older_encoding_it_read_not_windows_1252(tiny_project):
    import evaltools as et
    from evaltools.present.sections.quality import report_table
    report = et.Report(_saved_as(tiny_project, "mac_roman", "\r"), lang="sv")
    notes = list(report_table(report).iloc[:, 0])
    assert any("Mac OS Roman eller DOS" in n for n in notes)
    assert not any("Windows-1252" in n for n in notes)


@pytest.mark.parametrize("text", [
    "period;category;budget;actual\r\n2022;Lön och ”övrigt”;100000;90000\r\n",  # Swedish quotes beside å, ä, ö
    "period;category;budget;actual\r\n2022;Resor (€) … ”taxi”;100000;90000\r\n",  # no Swedish letter at all
    "period;category;budget;actual\r\n2022;Microsoft™ för skolan;100000;90000\r\n",  # a sign Mac and DOS read as letters
])
def test_windows_1252_files_are_still_read_as_windows_1252(text, tiny_project):
    from evaltools.data.project import load_project
    (tiny_project.dir / "data" / "budget.csv").write_bytes(text.encode("cp1252"))
    project = load_project(tiny_project())
    assert project.budget["category"].iloc[0] == text.split("\r\n")[1].split(";")[1]
    assert [w.code for w in project.warnings if w.code.startswith("encoding")] == ["encoding"]


# --- workbooks that unpack to more than any data file -----------------------------------------------
def _with_shared_strings(path: Path, rows: list[list[object]], mb: int) -> Path:
    """An openpyxl workbook of ``rows`` with a shared-strings table of one string of ``mb`` MB added: a file of
    about ``mb`` kB, since a run of one letter packs a thousand times."""
    import zipfile

    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "participants"
    for r in rows:
        ws.append(list(r))
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            out.writestr(name, data)
        with out.open("xl/sharedStrings.xml", "w") as f:
            f.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            for _ in range(mb):
                f.write(b"A" * 2**20)
            f.write(b"</t></si></sst>")
    plain.unlink()
    return path


def test_a_workbook_whose_shared_strings_unpack_a_thousandfold_is_refused_before_it_is_read(tiny_project, capsys):
    # before: a 1 MB workbook whose shared-strings table unpacks to 1 GB took 2.2 GB of memory and 15 s, and
    # one of 10 MB would take the whole memory of an evaluator's laptop
    from evaltools.data.project import load_project
    rows = [["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
            *[list(r) for r in PARTICIPANTS]]
    path = _with_shared_strings(tiny_project.dir / "data" / "deltagare.xlsx", rows, 40)
    params = tiny_project(data_block=f"data:\n  participants: data/{path.name}\n  budget: data/budget.csv\n")
    assert path.stat().st_size < 200_000  # (40 MB packed into less than 200 kB: 200 times or more)
    with pytest.raises(EvaltoolsError) as e:
        load_project(params, lang="en")
    notes = [p.note("en") for p in e.value.problems]
    # the ratio from the zip's own directory: the part's size unpacked over its size packed (about a thousand)
    unpacked, packed = zip_sizes(path, "xl/sharedStrings.xml")
    ratio = f"{round(unpacked / packed):,}".replace(",", " ")
    assert notes == [f"a part of the workbook ('xl/sharedStrings.xml') unpacks to 40 MB, {ratio} times what it takes "
                     "in the file; Excel never packs data that tight, and it is not read, since it would take the "
                     "computer's whole memory. Open it in Excel, copy the sheet with the data into a new workbook and "
                     "save that, or save the sheet as 'CSV UTF-8'"]
    assert 500 < unpacked / packed < 2000


def zip_sizes(path: Path, part: str) -> tuple[int, int]:
    """The unpacked and packed sizes of ``part`` in the zip ``path``, as its directory states them."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        return z.getinfo(part).file_size, z.getinfo(part).compress_size


def test_a_workbook_that_unpacks_beyond_any_data_file_is_refused_naming_the_size(tiny_project, monkeypatch):
    from evaltools.data import reading
    from evaltools.data.project import load_project
    rows = [["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
            *[list(r) for r in PARTICIPANTS]]
    path = _with_shared_strings(tiny_project.dir / "data" / "deltagare.xlsx", rows, 3)
    params = tiny_project(data_block=f"data:\n  participants: data/{path.name}\n  budget: data/budget.csv\n")
    monkeypatch.setattr(reading, "MAX_XLSX_UNPACKED", 2 * 2**20)  # (2 MB stands for 1 GB: the rule, not the size)
    with pytest.raises(EvaltoolsError) as e:
        load_project(params, lang="sv")
    (only,) = e.value.problems
    assert only.file.endswith("deltagare.xlsx")
    assert only.note("sv").startswith("arbetsboken packas upp till 3 MB, mer än en datafil i Excel rymmer (högst 2 MB)")


def test_an_ordinary_workbook_is_read_as_before(tiny_project):
    from evaltools.data.project import load_project
    rows = [["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
            *[list(r) for r in PARTICIPANTS]]
    path = _with_shared_strings(tiny_project.dir / "data" / "deltagare.xlsx", rows, 1)  # (1 MB: under the bar)
    params = tiny_project(data_block=f"data:\n  participants: data/{path.name}\n  budget: data/budget.csv\n")
    assert len(load_project(params).participants) == 3


# --- a workbook that takes values from another workbook -------------------------------------------------
EXTERNAL_LINK = ('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
                 'openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName '
                 'val="Blad1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="C2"><v>1980</v></cell>'
                 '</row></sheetData></sheetDataSet></externalBook></externalLink>')
# the linked file's name holds a personnummer: it is never opened, named or echoed
EXTERNAL_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
                 f'Target="file:///\\\\server\\share\\{PNR}.xlsx" TargetMode="External"/></Relationships>')


def _linked_workbook(path: Path) -> Path:
    """The participants as a workbook whose C2 (a birth year) is a formula into another workbook, saved with its
    value 1980 as Excel saves it, and the link's parts as Excel writes them."""
    import re
    import zipfile

    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for r in PARTICIPANTS:
        ws.append(list(r))
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    rel = ('<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           'externalLink" Target="externalLinks/externalLink1.xml"/>')
    kind = ('<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.externalLink+xml"/>')
    with zipfile.ZipFile(plain) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            text = z.read(name).decode("utf-8")
            if name == "xl/worksheets/sheet1.xml":
                text, n = re.subn(r'<c r="C2"[^>]*>.*?</c>', '<c r="C2"><f>[1]Blad1!C2</f><v>1980</v></c>', text)
                assert n == 1
            elif name == "xl/workbook.xml":  # (saved by Excel: without openpyxl's mark to calculate it when opened)
                text = text.replace(' fullCalcOnLoad="1"', "")
                text = text.replace("<definedNames/>", '<externalReferences><externalReference r:id="rIdX"/>'
                                    "</externalReferences><definedNames/>")
                if 'xmlns:r="' not in text.split(">", 1)[0]:
                    text = text.replace("<workbook ", '<workbook xmlns:r="http://schemas.openxmlformats.org/'
                                        'officeDocument/2006/relationships" ', 1)
            elif name == "xl/_rels/workbook.xml.rels":
                text = text.replace("</Relationships>", rel + "</Relationships>")
            elif name == "[Content_Types].xml":
                text = text.replace("</Types>", kind + "</Types>")
            out.writestr(name, text)
        out.writestr("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK)
        out.writestr("xl/externalLinks/_rels/externalLink1.xml.rels", EXTERNAL_RELS)
    plain.unlink()
    return path


def test_values_taken_from_another_workbook_are_read_as_saved_with_a_word_to_the_evaluator(tiny_project, capsys):
    # before: read silently; the figures were whatever Excel last fetched from a file the evaluator may since
    # have changed
    from evaltools.data.project import load_project
    path = _linked_workbook(tiny_project.dir / "data" / "deltagare.xlsx")
    params = tiny_project(data_block=f"data:\n  participants: data/{path.name}\n  budget: data/budget.csv\n")
    before = _snapshot(path.parent)
    project = load_project(params)
    assert project.participants["birth_year"].iloc[0] == 1980  # the value Excel saved
    (notice,) = [n for n in project.notices if n.code == "external_links"]
    assert notice.note("en").startswith("the workbook takes values from other workbooks (links: 1), and they are "
                                        "read as Excel last saved them")
    assert not [w for w in project.warnings if w.code == "external_links"]  # (for the evaluator, not the board)
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    said = capsys.readouterr()
    (line,) = [x for x in said.out.splitlines() if "hämtar värden från andra arbetsböcker" in x]
    assert line.replace(str(path), "<file>").startswith("    upplysning: <file>: arbetsboken hämtar")
    assert "9876" not in line.replace(str(path), "<file>")
    assert _snapshot(path.parent) == before


# --- Windows' limit of 260 characters for a path ---------------------------------------------------------
def test_the_longest_path_a_report_writes_is_counted_from_its_folder_and_id(tmp_path):
    reports = tmp_path / "r"
    base = len(str(reports.resolve()))
    # a short id: the longest is a table changed since the last render, kept beside the new one
    kept = base + len("/abc/tables-data/forsorjningsstod_effekt (redigerad 2026-12-03 14.05).csv")
    assert render.longest_path(reports, "abc", "sv") == kept
    assert render.longest_path(reports, "abc", "en") == kept + len("/en")  # (one folder deeper: reports/<id>/en/)
    # a long id: the workbook, kept, or in the temporary folder the report is made in
    pid = "a" * 60
    kept = base + len(f"/{pid}/{pid}-tabeller (redigerad 2026-12-03 14.05).xlsx")
    made = base + len(f"/.tmp-{pid}-sv-p9999999-00000000/{pid}-tabeller.xlsx")
    assert render.longest_path(reports, pid, "sv") == max(kept, made) == kept


def test_a_report_whose_paths_windows_would_refuse_fails_before_anything_is_written(tiny_project, monkeypatch):
    monkeypatch.setattr(render, "_windows_path_limit", lambda: True)  # Windows without long paths enabled
    pid = "uppfoljning-av-samordnade-insatser-for-unga-vuxna-2025"  # 54 characters
    params = tiny_project().read_text(encoding="utf-8").replace("id: tiny", f"id: {pid}")
    (tiny_project.dir / "p.yaml").write_text(params, encoding="utf-8")
    # a reports folder as deep as a OneDrive folder's (C:\Users\...\OneDrive - Kommunen\...\reports)
    reports = tiny_project.dir / "OneDrive - Kommunen" / ("Utvärderingar " * 6) / "reports"
    n = render.longest_path(reports, pid, "sv")
    assert n > render.WINDOWS_MAX_PATH
    res = render.render_project(tiny_project.dir / "p.yaml", reports, ("html",), lang="sv")
    assert not res.ok and not (reports / pid).exists()
    assert res.error.startswith(f"rapportens längsta sökväg blir {n} tecken, och Windows tar högst 259 när långa "
                                f"sökvägar inte är påslagna; ingenting har skrivits. Korta den med minst {n - 259} tecken")
    assert f"({pid} har 54 tecken" in res.error


def test_the_path_check_is_only_where_windows_limits_paths(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_windows_path_limit", lambda: False)
    render.check_path_length(tmp_path / ("x" * 240), "a" * 64, "en")  # (no error: long paths are fine here)
    monkeypatch.setattr(render, "_windows_path_limit", lambda: True)
    render.check_path_length(tmp_path, "tiny", "sv")  # a short path passes on Windows too
    with pytest.raises(EvaltoolsError):
        render.check_path_length(tmp_path / ("x" * 240), "a" * 64, "en")


# --- data file names as Windows reads them ------------------------------------------------------------
@pytest.mark.parametrize("written", ["data/PARTICIPANTS.CSV", '"data/participants.csv "', '"data/participants.csv."',
                                     '"data/participants.csv\\u200b"', "data/participants"])
def test_a_data_file_named_as_windows_would_find_it_is_named_with_the_file_there(written, tiny_project):
    # Windows opens 'PARTICIPANTS.CSV' and 'participants.csv ' as participants.csv; on a colleague's Mac the
    # same params file said only "does not exist"
    from evaltools.data.params import load_params
    block = f"data:\n  participants: {written}\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
    with pytest.raises(EvaltoolsError) as e:
        load_params(tiny_project(data_block=block))
    said = e.value.message("en")
    assert "data.participants: the file " in said and "does not exist, but 'participants.csv' is in the same folder" in said


def test_a_data_file_with_no_file_alike_is_still_said_not_to_exist(tiny_project):
    from evaltools.data.params import load_params
    block = "data:\n  participants: data/deltagare.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
    with pytest.raises(EvaltoolsError) as e:
        load_params(tiny_project(data_block=block))
    assert "data.participants: file 'data/deltagare.csv' does not exist (looked for " in e.value.message("en")
