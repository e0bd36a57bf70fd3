"""The workbook as an evaluator prints it (*Arkiv › Skriv ut*): every sheet on A4, standing where its
columns fit the paper's width and lying where they do not, made smaller to fit the width but never below
70 %, the header row (and, on a sheet wider than a screen, the first column) on every page, and the
sheet's name and page number in the footer. Unset, Kompassen's workbook printed on 59 pages standing,
the goals sheet's 26 columns spread over 8 pages of which only the first said which goal a row was."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import openpyxl
import pandas as pd
import pytest

from evaltools.publish.workbook import Column, Sheet, write_workbook

# A4 less Excel's default side margins (0.75 inch each): 210 - 38.1 = 171.9 mm standing, 297 - 38.1 = 258.9 mm
# lying; a column of width 1 is 7 pixels at 96 per inch, 1.852 mm: 92.8 characters standing, 139.8 lying,
# and at 70 % lying 139.8 / 0.7 = 199.7
TEXT = "x" * 40  # a text of 40 characters: its column is 42 wide (the text and 2 of air)


def _sheet(n_columns: int) -> Sheet:
    """A sheet of ``n_columns`` text columns of 40 characters (42 wide each), three rows; the first column
    says which row it is ("Rad 1 xxx..."), the others do not."""
    frame = pd.DataFrame({f"Kolumn {j}": [f"Rad {i} " + TEXT[:34] if j == 1 else TEXT for i in range(1, 4)]
                          for j in range(1, n_columns + 1)})
    return Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame,
                 [Column(name) for name in frame.columns])


def _written(tmp_path, n_columns: int, lang: str = "sv"):
    path = write_workbook(tmp_path / f"t{n_columns}{lang}.xlsx", [_sheet(n_columns)], lang, 5)
    return path, openpyxl.load_workbook(path)


def test_a_narrow_sheet_prints_standing_at_full_size_with_its_headings_and_page_numbers(tmp_path):
    # two columns, 84 characters: within a standing page's 92.8
    _, wb = _written(tmp_path, 2)
    ws = wb["Per perspektiv"]
    assert [ws.column_dimensions[c].width for c in "AB"] == [42, 42]
    setup = ws.page_setup
    assert setup.paperSize == 9 and setup.orientation == "portrait"  # (9: A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1" and ws.print_title_cols is None
    assert ws.oddFooter.left.text == "&A" and ws.oddFooter.right.text == "Sida &P av &N"


def test_a_sheet_wider_than_a_standing_page_lies_and_fits_one_page_wide(tmp_path):
    # four columns, 168 characters: more than 92.8 standing, less than 199.7 lying at 70 %; wider than a
    # screen's 160, so its first column is kept in view, and printed on every page
    _, wb = _written(tmp_path, 4, "en")
    ws = wb["By perspective"]
    assert ws.freeze_panes == "B2"
    setup = ws.page_setup
    assert setup.orientation == "landscape" and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1" and ws.print_title_cols == "$A:$A"
    assert ws.oddFooter.right.text == "Page &P of &N"


def test_a_very_wide_sheet_prints_on_as_few_pages_side_by_side_as_seventy_per_cent_allows(tmp_path):
    # twelve columns, 504 characters; a lying page at 70 % holds 199.7, of which the first column, printed on
    # every page, takes 42: the other 462 need ceil(462 / 157.7) = 3 pages side by side
    _, wb = _written(tmp_path, 12)
    ws = wb["Per perspektiv"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and (setup.fitToWidth, setup.fitToHeight) == (3, 0)
    assert ws.print_title_cols == "$A:$A"


def test_the_first_sheet_prints_lying_without_repeated_rows(tmp_path):
    # its columns are 28 and 100 wide: 128 characters, lying; it is no table with a header row
    _, wb = _written(tmp_path, 2)
    about = wb.worksheets[0]
    assert about.page_setup.orientation == "landscape" and about.page_setup.fitToWidth == 1
    assert about.print_title_rows is None and about.print_title_cols is None
    assert about.oddFooter.right.text == "Sida &P av &N"


def test_a_note_longer_than_its_table_is_wide_wraps_within_the_table(tmp_path):
    # a table of two columns, 84 characters; a note of fifty words of three letters, 199 characters: 21 words
    # a line (21 * 3 + 20 spaces = 83, within 84 less a character of air), three lines of 15 points
    sheet = _sheet(2)
    long_note = " ".join(["ord"] * 50)
    sheet.notes = ("Kort anmärkning.", long_note)
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "n.xlsx", [sheet], "sv", 5))["Per perspektiv"]
    # rows 2-4 the table, 5 empty, the notes on rows 6 and 8
    assert (ws["A6"].value, ws["A8"].value) == ("Kort anmärkning.", long_note)
    assert [str(r) for r in ws.merged_cells.ranges] == ["A8:B8"]  # (the short note stays in its cell)
    assert ws["A8"].alignment.wrap_text and ws["A8"].alignment.vertical == "top"
    assert ws.row_dimensions[8].height == 45


def test_the_workbook_names_the_report_and_the_forbund_not_the_library_that_wrote_it(tmp_path, tiny_project):
    # Excel's *Arkiv › Information* said the author was "openpyxl" and gave no title; the Word document
    # names the report's title and the förbund (the tiny project's params: "Litet testprojekt", "Testförbundet")
    import evaltools as et
    from evaltools.publish.workbook import export_report
    report = et.Report(et.load_project(tiny_project()), lang="sv")
    (book,) = [f for f in export_report(report, tmp_path) if f.suffix == ".xlsx"]
    properties = openpyxl.load_workbook(book).properties
    assert (properties.title, properties.creator, properties.lastModifiedBy) == (
        "Litet testprojekt", "Testförbundet", "Testförbundet")
    # a workbook written without an author names none
    path, _ = _written(tmp_path, 2)
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode()
    assert "creator" not in core and "openpyxl" not in core


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_every_page_of_a_wide_sheet_with_its_headings_and_first_column(tmp_path):
    path, _ = _written(tmp_path, 12)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if "Kolumn 1 " in p or "Kolumn 12" in p]
    # twelve columns at 70 % or more over three pages side by side (at full size standing: six pages, only
    # the first with the rows' first column)
    assert 1 < len(pages) <= 3
    for page in pages:
        assert re.search(r"Kolumn 1\s", page) and "Rad 3" in page
        assert re.search(r"Sida \d+ av \d+", page)
    assert "Kolumn 12" in pages[-1]
