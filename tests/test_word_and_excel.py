"""The Word document and the workbook as an evaluator finishes and checks them: the table of
contents on a page of its own without a blank page before it, dates never broken at their hyphens,
workbook headings that are not cut off, sheets that say what they hold and in which prices, and
probabilities shown as the report shows them."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from evaltools.analysis.pricebasis import PriceBasis
from evaltools.present.sections.basis import basis_words
from evaltools.publish.docx import html_to_docx
from evaltools.publish.workbook import (Column, Sheet, cell, report_sheets, sheet_bases, wrapped_lines, write_csv,
                                        write_workbook)

PAGE = """<html lang="sv"><body><main>
<h1>Testprojektet</h1>
<h2>Sammanfattning</h2><h3>Nådde projektet sina mål?</h3><p>Ja, 12 av 20.</p>
<h2>Måluppfyllelse</h2>
<table class='et-table'><thead><tr><th class='txt'>Period</th><th class='num'>Utfall</th></tr></thead>
<tbody><tr><td class='txt'>År 1 (<span class="nw">2021-01-01</span> – <span class="nw">2021-12-31</span>)</td>
<td class='num'>57</td></tr>
<tr><td class='txt'>Lön- och lokalkostnader</td><td class='num'>3</td></tr></tbody></table>
<h2>Budget</h2><p>Text.</p>
</main></body></html>"""


def _doc(lang: str = "sv") -> docx.document.Document:
    data = html_to_docx(PAGE, None, lang, "Testprojektet", "Testförbundet")
    assert data is not None
    return docx.Document(io.BytesIO(data))


# ------------------------------------------------------------------ Word: the table of contents


@pytest.mark.parametrize("lang, heading", [("sv", "Innehåll"), ("en", "Contents")])
def test_the_table_of_contents_starts_its_page_with_a_heading_not_a_break_of_its_own(lang, heading):
    """A page break in a paragraph of its own after page 1 leaves page 2 blank when page 1 fills its
    page (the paragraph lands on page 2 and its break sends the table to page 3); a break *before*
    the table's heading starts one new page, and none when the heading is at a page's top already."""
    doc = _doc(lang)
    (sdt,) = doc.element.body.findall(qn("w:sdt"))
    assert not [b for b in sdt.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    first = Paragraph(sdt.find(qn("w:sdtContent"))[0], doc)
    assert first.text == heading
    assert first.paragraph_format.page_break_before and first.paragraph_format.keep_with_next
    # Word's own style for it, outside the outline: not a line of the table nor of the navigation pane
    assert first.style.name == "TOC Heading"
    outline = first.style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    assert outline is not None and outline.get(qn("w:val")) == "9"
    # (no other paragraph of the document starts a page: page 1 is followed by the table alone)
    assert [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before] == []


# ------------------------------------------------------------------ Word: dates kept whole


def test_a_date_is_never_broken_at_its_hyphens_and_other_hyphens_still_break():
    """The HTML keeps a date on one line (``<span class="nw">``); in Word its hyphens are Word's
    non-breaking hyphens, so "2021-12-31" is never split "2021-12-" / "31" in a narrow column."""
    doc = _doc()
    table = doc.tables[0]
    period = table.rows[1].cells[0].paragraphs[0]
    assert period.text == "År 1 (2021-01-01 – 2021-12-31)"  # reads back (and copies) as typed
    # two dates of two hyphens each: four no-break hyphens, no breakable hyphen left in them
    assert len(list(period._p.iter(qn("w:noBreakHyphen")))) == 4
    assert "-" not in "".join(t.text for t in period._p.iter(qn("w:t")))
    assert "\u00a0" not in period.text.split("(")[1].split("–")[0]  # (a date has no space to keep)
    other = table.rows[2].cells[0].paragraphs[0]
    assert other.text == "Lön- och lokalkostnader"
    assert not list(other._p.iter(qn("w:noBreakHyphen")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_a_date_in_a_narrow_column_out_whole(tmp_path):
    """In a column too narrow for "År 1 (2021-01-01 – 2021-12-31)" on one line, the lines break
    between the words, never inside a date."""
    # the goal table's shape, where the period column is just too narrow for the period on one line
    row = ("<tr><td class='txt'>År 1 (<span class='nw'>2021-01-01</span> – <span class='nw'>2021-12-31</span>)</td>"
           "<td class='num'>50,9 % (29/57)</td><td class='num'>40 %</td><td class='num'>37,3 %–64,4 %</td>"
           "<td class='txt'>Uppnått, men osäkert</td><td class='txt'>Spänner över målet, p = 0,063</td></tr>")
    page = ("<html><body><main><h1>T</h1><table class='et-table'><thead><tr><th class='txt'>Period</th>"
            "<th class='num'>Utfall</th><th class='num'>Målvärde</th><th class='num'>95 % KI</th>"
            "<th class='txt'>Bedömning</th><th class='txt'>Intervallet mot målet</th></tr></thead><tbody>"
            "<tr class='et-group'><th colspan='6'>Minst 40 % av de avslutade går till arbete, studier eller rätt "
            f"ersättning</th></tr>{row}</tbody></table></main></body></html>")
    path = tmp_path / "narrow.docx"
    html_to_docx(page, path, "sv", "T", "F")
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, timeout=180)
    pdf = tmp_path / "narrow.pdf"
    if done.returncode or not pdf.exists():
        pytest.skip("LibreOffice could not convert the document here")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    words = [w.strip("()").replace("\u2011", "-") for w in text.split()]
    assert "2021-01-01" in words and "2021-12-31" in words, text
    assert not any(w.endswith("-") for w in words), text


# ------------------------------------------------------------------ Excel: headings not cut off


def test_wrapped_lines_are_counted_as_a_column_shows_them():
    # "Andel av perioden som gått" in a column 13 wide (12 characters of room): "Andel av" (8),
    # "perioden som" (12), "gått"
    assert wrapped_lines("Andel av perioden som gått", 13) == 3
    # bold takes a tenth more room: 12 / 1.1 = 10.9 characters, "perioden som" (12) no longer fits
    assert wrapped_lines("Andel av perioden som gått", 13, bold=True) == 3
    assert wrapped_lines("Andel av perioden som gått som helhet", 13, bold=True) == 4
    # a word longer than the column is broken over as many lines as it needs: 16 in 8 is 2
    assert wrapped_lines("Omräkningsfaktor", 9) == 2
    assert wrapped_lines("Omräkningsfaktor till", 9) == 3  # "Omräknin" / "gsfaktor" / "till"
    assert wrapped_lines("", 10) == 1 and wrapped_lines(None, 10) == 1
    assert wrapped_lines("rad ett\nrad två", 40) == 2


def _sheet(basis: str | None = None) -> Sheet:
    frame = pd.DataFrame({"perspective": ["kommun", "offentliga", "samhälle"], "npv": [2_005_597.11, -2_260_134.5, 1.0],
                          "p": [1.0, 0.0, 0.665]})
    columns = [Column("perspective", "workbook.column.aktorer.perspective"),
               Column("npv", "workbook.column.aktorer.npv", "kr"),
               Column("p", "workbook.column.aktorer.p_npv_positive", "prob")]
    return Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame, columns,
                 basis=basis)


def test_the_header_row_is_as_high_as_its_longest_heading_wraps(tmp_path):
    """Neither Excel nor LibreOffice makes a row higher for wrapped text when it opens a file: the
    header row's height is written, 15 points a line, and a long heading widens its column until it
    wraps in at most three lines (or the column is 30 wide)."""
    sheet = _sheet()
    sheet.frame["Räknad kostnad (utfall, annars budget)"] = [1.0, 2.0, 3.0]
    sheet.columns = [*sheet.columns, Column("Räknad kostnad (utfall, annars budget)", None, "kr")]
    path = write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5)
    ws = openpyxl.load_workbook(path)["Per perspektiv"]
    # an amount's column is 16 wide (14 + 2); the heading's bold text has 15 / 1.1 = 13.6 characters
    # a line there: "Räknad" / "kostnad" / "(utfall," / "annars" / "budget)", five lines. At 17
    # (14.5 a line): "Räknad kostnad" / "(utfall," / "annars budget)", three.
    assert ws["D1"].value == "Räknad kostnad (utfall, annars budget)" and ws.column_dimensions["D"].width == 17
    # 80 characters stop widening their column at 30 (26.4 a line): "Andel av simuleringarna" /
    # "med positivt nettonuvärde" / "(tidshorisont som i" / "kalkylen)", four lines of 15 points
    assert ws["C1"].value == "Andel av simuleringarna med positivt nettonuvärde (tidshorisont som i kalkylen)"
    assert ws.column_dimensions["C"].width == 30
    assert ws.row_dimensions[1].height == 60
    # the first sheet's rows are as high as their wrapped text too (the privacy text is long)
    about = openpyxl.load_workbook(path).worksheets[0]
    privacy = next(r for r in range(1, about.max_row + 1) if about.cell(r, 1).value == "Skydd av uppgifter")
    text = about.cell(privacy, 2).value
    assert about.row_dimensions[privacy].height == 15 * wrapped_lines(text, 100) > 15


# ------------------------------------------------------------------ Excel: every sheet says what it is


def test_every_sheet_says_what_it_holds_and_in_which_prices():
    pv = basis_words(PriceBasis.present_value(2023, 0.035), "sv")
    assert pv == "nuvärde i 2023 års priser, diskonterat med 3,5 % per år".replace(" %", "\u00a0%")
    bases = sheet_bases(pv, "2023 års priser", "löpande priser", "sv")
    assert bases["aktorer"] == f"Belopp: {pv}." == bases["floden"] == bases["kanslighet"]
    assert bases["antaganden"] == "Belopp: 2023 års priser."
    assert bases["forsorjningsstod"] == "Belopp: löpande priser."
    assert bases["budget"] == ("Budget, utfall och differens: löpande priser. "
                               "Räknad kostnad i prisårets priser: 2023 års priser.")
    assert "mal" not in bases and "deltagare" not in bases  # (no amounts on them)
    en = sheet_bases(basis_words(PriceBasis.present_value(2023, 0.035), "en"), "2023 prices", "current prices", "en")
    assert en["aktorer"] == "Amounts: present value in 2023 prices, discounted at 3.5% a year."


def test_the_sheet_and_the_first_sheet_say_it_and_link_to_each_other(tmp_path):
    basis = "Belopp: nuvärde i 2023 års priser, diskonterat med 3,5 % per år."
    path = write_workbook(tmp_path / "t.xlsx", [_sheet(basis)], "sv", 5)
    wb = openpyxl.load_workbook(path)
    ws = wb["Per perspektiv"]
    said = "Kostnad, nytta, nettonuvärde och sannolikhet per perspektiv. " + basis
    assert ws["A1"].comment is not None and ws["A1"].comment.text == said
    assert [c.value for c in ws[1]][:1] == ["Perspektiv"]  # the header stays row 1; the rows below are data
    about = wb.worksheets[0]
    (row,) = [r for r in about.iter_rows() if r[0].value == "Per perspektiv"]
    assert row[1].value == said
    assert row[0].hyperlink is not None and row[0].hyperlink.location == "'Per perspektiv'!A1"


# ------------------------------------------------------------------ Excel: probabilities as the report


# the report's table cells: a non-breaking space before the per cent sign in Swedish, none in English
@pytest.mark.parametrize("lang, high, low, middle", [("sv", "> 99\u00a0%", "< 1\u00a0%", '0"\u00a0"%'),
                                                   ("en", "> 99%", "< 1%", "0%")])
def test_a_probability_keeps_its_number_and_shows_as_the_report_writes_it(tmp_path, lang, high, low, middle):
    """The report never says 100 % or 0 % of a simulation: a certain-looking 1.0 shows "> 99 %"
    and 0.0 "< 1 %", in whole percent otherwise, while the cell keeps the number to compute with."""
    path = write_workbook(tmp_path / "t.xlsx", [_sheet()], lang, 5)
    ws = openpyxl.load_workbook(path).worksheets[1]
    cells = [ws.cell(r, 3) for r in (2, 3, 4)]
    assert [c.value for c in cells] == [1, 0, 0.665]
    fmt = cells[0].number_format
    assert fmt == f'[>0.99]"{high}";[<0.01]"{low}";{middle}' and {c.number_format for c in cells} == {fmt}
    # the CSV files keep the number (a spreadsheet's or a script's to format)
    excel_csv = write_csv(tmp_path / "t.csv", _sheet(), lang, "excel").read_text(encoding="utf-8-sig")
    assert excel_csv.splitlines()[3].endswith(";0,665" if lang == "sv" else ",0.665")  # (as each language's Excel reads)
    assert cell(Column("p", kind="prob"), 0.99951, lang).value == pytest.approx(0.99951)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_probabilities_and_the_whole_headings(tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", [_sheet()], "sv", 5)
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,2",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180)
    shown = tmp_path / "t-Per perspektiv.csv"
    if done.returncode or not shown.exists():
        pytest.skip("LibreOffice could not convert the workbook here (no Calc)")
    rows = [line.split(";") for line in shown.read_text(encoding="utf-8").splitlines()]
    assert [r[2] for r in rows[1:4]] == ["> 99\u00a0%", "< 1\u00a0%", "67\u00a0%"]


@pytest.mark.parametrize("lang, earnings, benefits", [("sv", "Lön", "Ersättningar"), ("en", "Earnings", "Benefits")])
def test_the_register_outcomes_are_named_alike(tmp_path, lang, earnings, benefits):
    """The register sheet named one outcome with the word a sentence uses ("lön") and the other with
    a label ("Ersättningar"); both are labels now."""
    frame = pd.DataFrame([{"outcome": "earnings", "actor": "individ", "effect": 3009.52, "ci_low": 2986.69,
                           "ci_high": 3032.35, "ci_method": "cluster_t", "person_months": 2340,
                           "first_month": "2019-01", "last_month": "2025-06"},
                          {**dict.fromkeys(("effect", "ci_low", "ci_high"), 791.74), "outcome": "benefits",
                           "actor": "stat", "ci_method": "cluster_t", "person_months": 2340,
                           "first_month": "2019-01", "last_month": "2025-06"}])
    (sheet,) = report_sheets({"registereffekt": frame}, 5, lang=lang)
    path = write_workbook(tmp_path / "t.xlsx", [sheet], lang, 5)
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert [ws.cell(r, 1).value for r in (2, 3)] == [earnings, benefits]
    # the register file's first and last month are dates (the month's first day) shown as months
    first, last = ws.cell(2, 8), ws.cell(2, 9)
    assert (first.value.date(), last.value.date()) == (dt.date(2019, 1, 1), dt.date(2025, 6, 1))
    assert first.number_format == last.number_format == "yyyy-mm" and first.is_date
    for dialect in ("excel", "data"):  # the CSV files write the month as before
        line = write_csv(tmp_path / f"r-{dialect}.csv", sheet, lang, dialect).read_text(encoding="utf-8-sig").splitlines()[1]
        assert line.endswith(("2019-01;2025-06", "2019-01,2025-06")), line


def test_a_budget_period_that_is_a_year_is_a_number(tmp_path):
    """A budget by calendar year wrote its years as text ("2021", Excel's green corner of a number
    stored as text, sorted and filtered as text); a year is now a number, the other periods words."""
    frame = pd.DataFrame({"period": ["2021", 2022, "år 2", "hela"], "category": ["Lön", "Lön", "Lokal", "IT"],
                          "budget": [100_000, 110_000, 20_000, 5_000]})
    (sheet,) = report_sheets({"budget": frame}, 5, lang="sv")
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5)).worksheets[1]
    periods = [ws.cell(r, 1) for r in range(2, 6)]
    assert [c.value for c in periods] == [2021, 2022, "År 2", "Hela perioden"]
    assert [c.data_type for c in periods] == ["n", "n", "s", "s"] and periods[0].number_format == "0"
    # the machine-readable CSV keeps the period as the budget file gave it
    data = write_csv(tmp_path / "b.csv", sheet, "sv", "data").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in data[1:]] == ["2021", "2022", "år 2", "hela"]


# ------------------------------------------------------------------ Excel: the data template saved again


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_data_template_saved_again_by_libreoffice_still_loads(tmp_path, monkeypatch):
    """An evaluator fills in the template and saves it from a spreadsheet program: the file it
    writes (its own styles, shared strings, date cells) loads as the template did."""
    import re

    import evaltools as et
    from evaltools.publish import cli

    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "sparad"]) == 0
    book = tmp_path / "data" / "sparad" / "sparad.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["participants"]
    header = [c.value for c in ws[3]]
    rows = [("P1", "kvinna", 1980, "2022-02-01", "2022-08-01", "arbete"),
            ("P2", "man", 1975, "2022-03-15", None, None)]
    for r, (pid, sex, born, start, end, outcome) in enumerate(rows, 4):
        for name, v in (("person_id", pid), ("sex", sex), ("birth_year", born), ("household_type", "ensamstående"),
                        ("start_date", dt.datetime.fromisoformat(start)),
                        ("end_date", dt.datetime.fromisoformat(end) if end else None), ("outcome", outcome)):
            ws.cell(r, header.index(name) + 1, v)
    for j, v in enumerate(("2022", "Lön", 100000, 90000), 1):
        wb["budget"].cell(4, j, v)
    wb.save(book)
    params = tmp_path / "params" / "sparad.yaml"
    text = params.read_text(encoding="utf-8")
    for key, value in (("kind", "individ"), ("title", "Sparad"), ("forbund", "Samordningsförbundet Test"),
                       ("owner", "Testkommun"), ("start", "2022-01-01"), ("planned_end", "2023-12-31"),
                       ("granted_sek", "120000")):
        text = re.sub(rf"^(\s*){key}: FYLL I.*$", rf"\g<1>{key}: {value}", text, flags=re.M)
    params.write_text(text, encoding="utf-8")
    again = tmp_path / "again"
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(again), str(book)],
                          capture_output=True, timeout=180)
    if done.returncode or not (again / "sparad.xlsx").exists():
        pytest.skip("LibreOffice could not open the workbook here (no Calc)")
    shutil.copy(again / "sparad.xlsx", book)
    project = et.load_project(params)
    got = project.participants
    assert got["person_id"].tolist() == ["P1", "P2"]  # (not the example row above the header)
    assert got["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-02-01", "2022-03-15"]
    assert got["end_date"].isna().tolist() == [False, True] and got["outcome"].tolist()[0] == "arbete"
    assert project.budget["budget"].tolist() == [100000] and project.budget["actual"].tolist() == [90000]


# ------------------------------------------------------------------ Word: notes stay with their table


_NOTES = """<html><body><main><h1>T</h1><h2>Del</h2>
<table class='et-table'><thead><tr><th>Grupp</th><th class='num'>Antal</th></tr></thead>
<tbody><tr><td>Kvinna</td><td class='num'>12</td></tr><tr><td>Man</td><td class='num'>&lt;5</td></tr></tbody></table>
<p class='et-note'>Antal under 5 visas som &lt;5.</p><p class='et-note'>Källa: deltagarfilen.</p>
<p>Löptext efter anmärkningarna.</p>
<figure class='et-fig'><img alt='Diagram över antalet per grupp: Kvinna 12' style='width:2.00in'
src='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'></figure>
<p class='et-note'>Diagrammets anmärkning.</p><p>Slut.</p>
<table class='et-table'><thead><tr><th>A</th></tr></thead><tbody><tr><td>utan anmärkning</td></tr></tbody></table>
<p>Sista stycket.</p></main></body></html>"""


def test_the_notes_under_a_table_or_chart_keep_with_it():
    """A page never starts with a table's notes: the table's last row keeps with the first note,
    each note with the next, the last note not (the text after it may start a page); the same for
    a chart and its note. A table without notes keeps its last row free."""
    doc = docx.Document(io.BytesIO(html_to_docx(_NOTES, None, "sv", "T", "F")))
    first, last = doc.tables
    assert all(p.paragraph_format.keep_with_next for c in first.rows[-1].cells for p in c.paragraphs)
    # (its first body row keeps with the last too: a table's last row never stands alone at the top of a page,
    # and the rows in between are free, tests/test_board_reading_8.py)
    assert all(p.paragraph_format.keep_with_next for c in first.rows[1].cells for p in c.paragraphs)
    keep = {p.text: bool(p.paragraph_format.keep_with_next) for p in doc.paragraphs}
    assert keep["Antal under 5 visas som <5."] is True and keep["Källa: deltagarfilen."] is False
    assert keep["Diagrammets anmärkning."] is False
    # (the text right before the chart keeps with it, as the PDF keeps ``p + figure``: tests/test_word_finishing_5.py)
    assert keep["Löptext efter anmärkningarna."] is True
    (picture,) = [p for p in doc.paragraphs if p._p.find(f".//{qn('w:drawing')}") is not None]
    assert picture.paragraph_format.keep_with_next
    assert not any(p.paragraph_format.keep_with_next for c in last.rows[-1].cells for p in c.paragraphs)
