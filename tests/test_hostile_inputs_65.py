"""What a user has put in a report folder, and emoji in the tables a report writes for Excel.

* A file of the user's named like one of the report's folders (``tables``, ``tables-data``: a note saved without an
  extension) was replaced by the report's folder of tables without a word.
* After a folder of the user's named like a report file (``projekt.html/``), each render left one more copy of the
  report beside it (``projekt (ny <date time>).html``), and the index linked every copy and every file of the
  user's own (``anteckningar.docx``) as if it were the report's.
* Emoji in a budget line, a goal's label, the title: the report (HTML, PDF, Word) leaves them out, its workbook and
  its CSV for Excel kept them, so a line read 'Lön' in the report and 'Lön 💰' in the workbook; the PDF's footer
  printed the title's emoji as an empty box.
* A file of the user's where the report's folder goes, a folder named status.json, a copy beside a file that was
  open in another program (Windows), a copy the user edited in the index: each named, kept or told apart.

Tiny projects written in tmp_path; what is expected is read off the rows written, by hand."""
from __future__ import annotations

import csv
import re
import textwrap

import openpyxl

import evaltools as et

from .conftest import participants_frame, write_csv

EMOJI_CHARS = ("💰", "🚀", "🎉")


# --- a tiny project ---------------------------------------------------------------------------------------------

def _project(root, title: str = "Litet testprojekt", forbund: str = "Testförbundet",
             category: str = "Lön", label: str = "Minst 3 deltagare"):
    write_csv(root / "data/participants.csv", participants_frame())
    write_csv(root / "data/budget.csv", [
        {"period": "2022", "category": category, "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
    ])
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: tiny
        title: {title}
        forbund: {forbund}
        owner: Testkommun
        period: {{start: 2022-01-01, planned_end: 2023-12-31}}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        goals:
          - id: deltagare
            kind: participant_count
            label: {label}
            target: 3
            period: whole_period
        """), encoding="utf-8")
    return path


# --- 1. emoji in the workbook and the CSV for Excel ----------------------------------------------------------------

def _export(tmp_path, lang: str = "sv"):
    from evaltools.publish.workbook import export_report
    path = _project(tmp_path, title="Litet 🚀 testprojekt", forbund="Testförbundet 🎉", category="Lön 💰",
                    label="Minst 3 deltagare 🚀")
    report = et.Report(et.load_project(path), lang=lang)
    return export_report(report, tmp_path / "out")


def _csv_rows(path, excel: bool) -> list[list[str]]:
    with open(path, encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=";" if excel else ","))


def test_the_workbook_has_no_emoji_as_the_report_has_none(tmp_path):
    files = _export(tmp_path)
    book = next(f for f in files if f.suffix == ".xlsx")
    wb = openpyxl.load_workbook(book)
    texts = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if any(e in t for e in EMOJI_CHARS)]
    # the words stay, said as the report says them (one space between words, none at the end)
    assert "Lön" in texts and "Minst 3 deltagare" in texts and "Litet testprojekt" in texts
    assert "Testförbundet" in texts
    assert wb.properties.title == "Litet testprojekt" and wb.properties.creator == "Testförbundet"


def test_the_csv_for_excel_has_no_emoji_and_the_data_csv_keeps_the_input_as_written(tmp_path):
    _export(tmp_path)
    out = tmp_path / "out"
    budget = _csv_rows(out / "tables" / "budget.csv", excel=True)
    goals = _csv_rows(out / "tables" / "mal.csv", excel=True)
    cells = [c for rows in (budget, goals) for r in rows for c in r]
    assert not [c for c in cells if any(e in c for e in EMOJI_CHARS)]
    assert "Lön" in cells and "Minst 3 deltagare" in cells
    # the machine-readable copy: the budget line and the label exactly as in the input, for a script that joins them
    data_cells = [c for name in ("budget.csv", "mal.csv") for r in _csv_rows(out / "tables-data" / name, excel=False)
                  for c in r]
    assert "Lön 💰" in data_cells and "Minst 3 deltagare 🚀" in data_cells


def test_text_that_is_only_emoji_is_an_empty_cell_not_a_box(tmp_path):
    from evaltools.publish.workbook import Column, Sheet, write_csv as write_sheet_csv, write_workbook
    import pandas as pd
    sheet = Sheet("budget", "workbook.sheets.budget.title", "workbook.sheets.budget.description",
                  pd.DataFrame({"category": ["👍", "ok ✅ klart", "=1+1 🎉"]}),
                  [Column("category", "workbook.column.budget.category")])
    excel = write_sheet_csv(tmp_path / "x.csv", sheet, "sv", "excel")
    data = write_sheet_csv(tmp_path / "x-data.csv", sheet, "sv", "data")
    assert [r[0] for r in _csv_rows(excel, excel=True)][1:] == ["", "ok klart", "'=1+1"]
    assert [r[0] for r in _csv_rows(data, excel=False)] == ["category", "👍", "ok ✅ klart", "'=1+1 🎉"]
    book = write_workbook(tmp_path / "x.xlsx", [sheet], "sv", 5, [])
    ws = openpyxl.load_workbook(book).worksheets[1]
    values = [ws.cell(row=r, column=1).value for r in range(2, 5)]
    assert values[1:] == ["ok klart", "=1+1"] and values[0] in (None, "")
    assert ws.cell(row=4, column=1).data_type == "s"  # text, never a formula


# --- 2. a file of the user's named like the report's folder of tables ----------------------------------------

def _render(path, reports, formats=("html", "csv", "csv-data")):
    from evaltools.publish import render
    res = render.render_project(path, reports, formats)
    assert res.ok, res.error
    render.write_index(reports)
    return res


def test_a_file_named_tables_is_kept_and_the_tables_written_beside(tmp_path):
    path = _project(tmp_path)
    folder = tmp_path / "reports" / "tiny"
    folder.mkdir(parents=True)
    (folder / "tables").write_text("mina anteckningar", encoding="utf-8")
    (folder / "tables-data").write_text("fler anteckningar", encoding="utf-8")
    res = _render(path, tmp_path / "reports")
    assert (folder / "tables").read_text(encoding="utf-8") == "mina anteckningar"
    assert (folder / "tables-data").read_text(encoding="utf-8") == "fler anteckningar"
    beside = sorted(p.name for p in folder.iterdir() if p.is_dir())
    assert len(beside) == 2 and all(re.fullmatch(r"tables(-data)? \(ny \d{4}-\d\d-\d\d \d\d\.\d\d\)", b)
                                    for b in beside), beside
    assert all((folder / b / "budget.csv").is_file() for b in beside)
    said = " ".join(res.notes)
    assert "finns en fil som heter tables" in said and beside[0] in said and "tables-data" in said
    # rendered again: the files are still there, and the tables beside them are this run's only (no second copy)
    res = _render(path, tmp_path / "reports")
    assert (folder / "tables").read_text(encoding="utf-8") == "mina anteckningar"
    assert (folder / "tables-data").read_text(encoding="utf-8") == "fler anteckningar"
    assert len([p for p in folder.iterdir() if p.is_dir()]) == 2
    # the file moved away: the tables go to their place, and the copies beside it go
    (folder / "tables").unlink()
    (folder / "tables-data").unlink()
    _render(path, tmp_path / "reports")
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == ["tables", "tables-data"]


def test_a_file_named_tables_in_english_is_said_in_english(tmp_path):
    path = _project(tmp_path)
    folder = tmp_path / "reports" / "tiny" / "en"
    folder.mkdir(parents=True)
    (folder / "tables").write_text("my notes", encoding="utf-8")
    from evaltools.publish import render
    res = render.render_project(path, tmp_path / "reports", ("html", "csv"), lang="en")
    assert res.ok, res.error
    assert (folder / "tables").read_text(encoding="utf-8") == "my notes"
    said = " ".join(res.notes)
    assert "holds a file named tables" in said and "(new " in said


# --- 3. the index after a folder of the user's named like a report file ----------------------------------------

def _links(reports) -> list[str]:
    from urllib.parse import unquote
    return [unquote(h) for h in re.findall(r'href="([^"]*)"', (reports / "index.html").read_text(encoding="utf-8"))]


def test_the_index_links_the_reports_files_once_not_the_users(tmp_path):
    path = _project(tmp_path)
    reports = tmp_path / "reports"
    folder = reports / "tiny"
    (folder / "tiny.html").mkdir(parents=True)
    (folder / "tiny.html" / "anteckningar.txt").write_text("x", encoding="utf-8")
    (folder / "anteckningar.docx").write_bytes(b"not the report's")
    _render(path, reports)
    first = _links(reports)
    assert len(first) == 1 and re.fullmatch(r"tiny/tiny \(ny [^)]*\)\.html", first[0]), first
    _render(path, reports)  # again, the folder still in the way: one copy beside it, this run's
    again = _links(reports)
    copies = [p.name for p in folder.iterdir() if p.name.startswith("tiny (ny ")]
    assert len(again) == 1 and len(copies) == 1 and again[0] == f"tiny/{copies[0]}", (again, copies)
    assert (folder / "anteckningar.docx").read_bytes() == b"not the report's"  # (kept, not linked)
    assert (folder / "tiny.html" / "anteckningar.txt").is_file()
    # the folder moved away: the report takes its place, the copy beside it goes, the index links the report
    (folder / "tiny.html" / "anteckningar.txt").unlink()
    (folder / "tiny.html").rmdir()
    _render(path, reports)
    assert _links(reports) == ["tiny/tiny.html"]
    assert not [p for p in folder.iterdir() if p.name.startswith("tiny (ny ")]


def test_a_copy_beside_the_folder_that_the_user_changed_is_kept(tmp_path):
    path = _project(tmp_path)
    reports = tmp_path / "reports"
    folder = reports / "tiny"
    (folder / "tiny.html").mkdir(parents=True)
    _render(path, reports)
    copy = next(p for p in folder.iterdir() if p.name.startswith("tiny (ny "))
    copy.write_text("<p>mina ändringar</p>", encoding="utf-8")
    _render(path, reports)
    kept = [p for p in folder.iterdir() if p.is_file() and p.read_text(encoding="utf-8") == "<p>mina ändringar</p>"]
    assert len(kept) == 1


# --- 4. a file of the user's where the report's folder goes -----------------------------------------------------

def test_a_file_named_like_the_report_folder_is_named_and_kept(tmp_path):
    """A file 'tiny' (no extension) in the reports folder, where the report's folder goes: the render failed after
    running the whole report with 'NotADirectoryError: Not a directory ... Kontrollera att det går att skriva i
    rapportmappen och att disken har plats', which sent the evaluator to the disk."""
    from evaltools.publish import render
    path = _project(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "tiny").write_text("mina anteckningar", encoding="utf-8")
    res = render.render_project(path, reports, ("html",))
    assert not res.ok
    assert "finns en fil som heter tiny" in res.error and "Byt namn på filen" in res.error
    assert "NotADirectoryError" not in res.error and "disken" not in res.error
    assert "execute" not in res.timings  # (said before the report is made)
    assert (reports / "tiny").read_text(encoding="utf-8") == "mina anteckningar"


def test_a_file_named_like_the_english_report_folder_is_named_in_english(tmp_path):
    from evaltools.publish import render
    path = _project(tmp_path)
    (tmp_path / "reports" / "tiny").mkdir(parents=True)
    (tmp_path / "reports" / "tiny" / "en").write_text("my notes", encoding="utf-8")
    res = render.render_project(path, tmp_path / "reports", ("html",), lang="en")
    assert not res.ok
    assert "holds a file named en" in res.error and "Rename or move the file" in res.error
    assert (tmp_path / "reports" / "tiny" / "en").read_text(encoding="utf-8") == "my notes"


def test_the_index_tells_a_copy_beside_the_report_from_the_report(tmp_path):
    """The evaluator edited the HTML page, rendered again: their version is kept as 'tiny (redigerad <date
    time>).html' beside the new one, and the index linked both as 'HTML', one not to be told from the other."""
    path = _project(tmp_path)
    reports = tmp_path / "reports"
    _render(path, reports)
    (reports / "tiny" / "tiny.html").write_text("<p>min version</p>", encoding="utf-8")
    _render(path, reports)
    page = (reports / "index.html").read_text(encoding="utf-8")
    texts = dict((unquote_href, text) for unquote_href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', page))
    assert texts.pop("tiny/tiny.html") == "HTML"
    [(href, text)] = texts.items()
    said = re.fullmatch(r"tiny/tiny%20%28redigerad%20(\d{4}-\d\d-\d\d%20\d\d\.\d\d)%29\.html", href)
    assert said is not None, href
    assert text == f"HTML (redigerad {said.group(1).replace('%20', ' ')})"


# --- 5. a folder of the user's where the report's status file goes ----------------------------------------------

def test_a_folder_named_status_json_is_kept_and_named(tmp_path):
    """A folder 'status.json' in the report folder (with a file of the user's in it) was removed without a word when
    the report was written: the status file took its place."""
    from evaltools.publish import render
    path = _project(tmp_path)
    folder = tmp_path / "reports" / "tiny"
    (folder / "status.json").mkdir(parents=True)
    (folder / "status.json" / "anteckningar.txt").write_text("mina anteckningar", encoding="utf-8")
    res = render.render_project(path, tmp_path / "reports", ("html",))
    assert not res.ok
    assert "finns en mapp som heter status.json" in res.error and "Byt namn på mappen" in res.error
    assert (folder / "status.json" / "anteckningar.txt").read_text(encoding="utf-8") == "mina anteckningar"


def test_a_status_file_that_cannot_be_written_is_said_in_the_reports_language(tmp_path):
    from evaltools.publish import render
    reports = tmp_path / "reports"
    (reports / "tiny" / "status.json").mkdir(parents=True)  # (nothing can be written in its place)
    (reports / "tiny" / "en" / "status.json").mkdir(parents=True)
    for lang, said in (("sv", "statusfilen"), ("en", "the status file")):
        res = render.RenderResult("tiny", True, str(reports / "tiny"), lang=lang)
        render._write_status(res, reports, lang)
        assert len(res.notes) == 1 and said in res.notes[0], res.notes
        assert "status.json" in res.notes[0]
    assert not list((reports / "tiny").rglob(".status-*"))  # (the half-written file is removed)


# --- 6. emoji in the title: the PDF's footer and the Word document's properties --------------------------------

def test_the_printed_footer_has_no_emoji_box(tmp_path):
    """The title 'Litet 🚀 testprojekt': the page left the emoji out, but the PDF's footer (written into the page's
    print style as a CSS escape, '\\1F680', which the filter of emoji did not see) printed an empty box on every
    page."""
    from evaltools.publish import render
    path = _project(tmp_path, title="Litet 🚀 testprojekt")
    res = render.render_project(path, tmp_path / "reports", ("html",))
    assert res.ok, res.error
    page = (tmp_path / "reports" / "tiny" / "tiny.html").read_text(encoding="utf-8")
    assert "1F680" not in page.upper() and "🚀" not in page
    assert 'content: "Litet testprojekt"' in page


def test_the_word_documents_properties_have_no_emoji(tmp_path):
    import docx
    from evaltools.publish.docx import html_to_docx
    out = tmp_path / "x.docx"
    html_to_docx("<html><body><h1>Litet testprojekt</h1><p>Text.</p></body></html>", out, "sv",
                 "Litet 🚀 testprojekt", author="Testförbundet 🎉")
    props = docx.Document(str(out)).core_properties
    assert (props.title, props.author) == ("Litet testprojekt", "Testförbundet")


# --- 7. the copy written beside a file that was open in another program -------------------------------------

def test_a_copy_beside_an_open_file_goes_once_the_file_is_closed(tmp_path, monkeypatch):
    """Windows: tiny.html open in another program, so the new page was written beside it as 'tiny (ny <date
    time>).html'. Rendered again with the file closed, the report took its place, but the copy stayed for good
    (it was taken for a file of the user's), and the index linked it beside the report."""
    import os
    from pathlib import Path
    from evaltools.publish import render
    path = _project(tmp_path)
    reports = tmp_path / "reports"
    final = reports / "tiny"
    _render(path, reports)
    rename, replace = Path.rename, os.replace

    def locked_rename(self, target):
        if Path(self) == final:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return rename(self, target)

    def locked_replace(src, dst):
        if Path(dst) == final / "tiny.html":
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return replace(src, dst)

    path = _project(tmp_path, title="Litet testprojekt, andra året")  # (a new page, not the one open)
    with monkeypatch.context() as m:
        m.setattr(Path, "rename", locked_rename)
        m.setattr(os, "replace", locked_replace)
        res = render.render_project(path, reports, ("html",))
    assert res.ok, res.error
    copies = [p.name for p in final.iterdir() if p.name.startswith("tiny (ny ")]
    assert len(copies) == 1 and any(copies[0] in n for n in res.notes), (copies, res.notes)
    render.write_index(reports)
    # the file closed, rendered again: the report in its place, the copy gone, the index links the report alone
    _render(path, reports)
    assert not [p for p in final.iterdir() if p.name.startswith("tiny (ny ")]
    assert [h for h in _links(reports) if h.endswith(".html")] == ["tiny/tiny.html"]
