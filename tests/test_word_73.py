"""The workbook as the förbund's controller reads it in Excel beside the report, and the Word document as the
evaluator finishes it.

* The key figures (*Kostnad och nytta*) are a list of labelled figures, not a table of records. Excel sets a number
  at the right of its cell, and the column of values is as wide as its longest text (what a success is counted
  as): "Total kostnad, löpande priser" had its amount some sixty characters away, at the column's far edge, while
  "Uppmätt utfall" and "Nej" stood at its left beside their labels. Each value now stands at the left of its cell,
  as on the first sheet, and stays a number in its format. The list gets no filter: sorted, its rows no longer
  stood under the row saying whose figures they are ("Ledande perspektiv (nyckeltalen nedan gäller det)").
* An English report names the project as its params do, in Swedish: its title where it has no English one, the
  förbund and the owner (page 1's title and the line under it, the footer, the facts table), and its description
  where it has no English one. Word checked them as English and marked every word ("Samordningsförbundet",
  "Härnösand", "familjeomsorgen"); the HTML and Word now say they are Swedish, as they say of the cost items.
* The workbook's first sheet said "CSV-filerna i mappen tables har samma innehåll" also where the render was asked
  for the workbook without the CSV files (``--formats docx,xlsx``), which are then removed: the reader looked for a
  folder that is not there. It says so only where the CSV files are delivered.
"""
from __future__ import annotations

import io
import re

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn

from evaltools.present.sections import facts, title
from evaltools.publish.docx import html_to_docx
from evaltools.publish.workbook import Column, Sheet, export_report, write_workbook

from .conftest import PARAMS, sample_report


def _key_figures(tmp_path, pid: str):
    written = export_report(sample_report(pid), tmp_path)
    book = next(p for p in written if p.suffix == ".xlsx")
    return openpyxl.load_workbook(book)["Kostnad och nytta"]


def test_the_key_figures_stand_beside_their_labels_and_stay_numbers(tmp_path):
    ws = _key_figures(tmp_path, "timra-vagen-ut")
    rows = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    # Timrå's final report (its budget table's sum row): budget 1 276 000 kr, spent 1 128 000 kr
    assert rows["Budget, summa"].value == 1_276_000 and rows["Utfall, summa"].value == 1_128_000
    assert "kr" in rows["Utfall, summa"].number_format  # (still an amount Excel adds up, shown in kronor)
    texts = [c for c in rows.values() if isinstance(c.value, str)]
    numbers = [c for c in rows.values() if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    assert texts and len(numbers) > 10
    # every value at the left of its cell, the figures as the texts ("Uppmätt utfall", "Nej")
    assert {c.alignment.horizontal for c in texts + numbers} == {"left"}
    # (the long text that makes the column wide still wraps within it, its row's values at the top)
    long = rows["Lyckat utfall räknat som"]
    assert long.alignment.wrap_text and long.alignment.vertical == "top"


def test_the_key_figures_get_no_filter_to_sort_them_by(tmp_path):
    ws = _key_figures(tmp_path, "timra-vagen-ut")
    assert ws.max_row > 21  # (longer than a table that gets a filter)
    assert ws.auto_filter.ref is None
    assert ws.freeze_panes == "A2"  # (the headings stay in view)


def _sheet(tmp_path, listing: bool):
    frame = pd.DataFrame({"key": [f"Nyckeltal {i}" for i in range(25)], "value": list(range(1000, 1025))})
    sheet = Sheet("nyckeltal", "workbook.sheets.kostnad_nytta.title", "workbook.sheets.kostnad_nytta.description",
                  frame, [Column("key"), Column("value", kind="kr")], listing=listing)
    return openpyxl.load_workbook(write_workbook(tmp_path / f"{listing}.xlsx", [sheet], "sv", 5)).worksheets[1]


def test_a_table_of_records_keeps_its_filter_and_its_figures_at_the_right(tmp_path):
    table, listing = _sheet(tmp_path, False), _sheet(tmp_path, True)
    assert table.auto_filter.ref == "A1:B26" and listing.auto_filter.ref is None
    assert {table.cell(r, 2).alignment.horizontal for r in range(2, 27)} == {None}  # (Excel's: numbers at the right)
    assert {listing.cell(r, 2).alignment.horizontal for r in range(2, 27)} == {"left"}
    assert [listing.cell(r, 2).value for r in (2, 26)] == [1000, 1024]


# Timrå's names as its application and final report write them (params/timra-vagen-ut.yaml has no English title)
TIMRA_TITLE, TIMRA_FORBUND = "Vägen ut för sjukskrivna", "Samordningsförbundet Härnösand Timrå"
TIMRA_OWNER = "Timrå kommun, Individ- och familjeomsorgen"


def _title_and_facts(r) -> str:
    (parts,) = facts.blocks(r)
    return "<main>" + title.html_block(r) + "".join(b._repr_html_() for b in parts) + "</main>"


def _langs(paragraphs) -> dict[str, str | None]:
    """Each run's text and its language of its own (None: the document's)."""
    out = {}
    for p in paragraphs:
        for r in p._p.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()
            lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            if text:
                out[text] = None if lang is None else lang.get(qn("w:val"))
    return out


def test_an_english_report_marks_the_projects_swedish_names_in_the_html():
    html = _title_and_facts(sample_report("timra-vagen-ut", "en"))
    assert f"<h1 lang='sv'>{TIMRA_TITLE}</h1>" in html
    assert f"<p class='et-sub' lang='sv'>{TIMRA_FORBUND} · {TIMRA_OWNER}</p>" in html
    assert re.findall(r"<td class='txt' lang='sv'>([^<]*)</td>", html) == [TIMRA_FORBUND, TIMRA_OWNER]
    # (the toolkit's own English words beside them keep the report's language)
    assert "<td class='txt'>Coordination association</td>" in html and "<td class='txt'>Project owner</td>" in html


def test_a_swedish_report_and_an_english_title_carry_no_language_of_their_own():
    assert "lang=" not in _title_and_facts(sample_report("timra-vagen-ut", "sv"))
    # Kompassen's params give an English title: it is the report's language, its förbund's name is not
    block = title.html_block(sample_report("kompassen-demo", "en"))
    assert "<h1>Kompassen (fictional example)</h1>" in block
    assert "<p class='et-sub' lang='sv'>Samordningsförbundet Exempelby" in block


def test_word_checks_the_swedish_names_of_an_english_report_as_swedish():
    r = sample_report("timra-vagen-ut", "en")
    doc = docx.Document(io.BytesIO(html_to_docx(_title_and_facts(r), None, "en", TIMRA_TITLE, TIMRA_FORBUND)))
    body = _langs(doc.paragraphs)
    assert body[TIMRA_TITLE] == "sv-SE" and body[f"{TIMRA_FORBUND} · {TIMRA_OWNER}"] == "sv-SE"
    cells = _langs(p for row in doc.tables[0].rows for c in row.cells for p in c.paragraphs)
    assert cells[TIMRA_FORBUND] == cells[TIMRA_OWNER] == "sv-SE"
    assert {t: v for t, v in cells.items() if t not in (TIMRA_FORBUND, TIMRA_OWNER)} and all(
        v is None for t, v in cells.items() if t not in (TIMRA_FORBUND, TIMRA_OWNER))
    # the footer's title too, its "Page 3 of 12" in English
    footer = _langs(doc.sections[0].footer.paragraphs)
    assert footer[TIMRA_TITLE] == "sv-SE" and footer["Page"] is None


def test_an_english_title_in_the_footer_is_english():
    html = "<main><div class='et-title'><h1>Pathways</h1></div><p>Text.</p></main>"
    doc = docx.Document(io.BytesIO(html_to_docx(html, None, "en", "Pathways", "Förbundet")))
    assert _langs(doc.sections[0].footer.paragraphs)["Pathways"] is None


def test_a_description_given_only_in_swedish_is_marked_swedish_in_an_english_report():
    from types import SimpleNamespace

    from evaltools.present.display import Text
    params = SimpleNamespace(description="Ett team som arbetar med sjukskrivna.", description_en=None)
    html = Text(facts.description(params, "en"), "About the project")._repr_html_()
    assert "<p lang='sv'>Ett team som arbetar med sjukskrivna.</p>" in html and "<h2>About the project</h2>" in html
    assert "lang=" not in Text(facts.description(params, "sv"), "Om projektet")._repr_html_()
    english = SimpleNamespace(description="Ett team.", description_en="A team.")
    assert Text(facts.description(english, "en"))._repr_html_() == "<p>A team.</p>"


def _about(book) -> dict[str, object]:
    ws = openpyxl.load_workbook(book).worksheets[0]
    return {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}


def test_the_first_sheet_names_the_csv_files_only_where_they_are_delivered(tmp_path):
    r = sample_report("timra-vagen-ut")
    with_csv = next(p for p in export_report(r, tmp_path / "a") if p.suffix == ".xlsx")
    without = next(p for p in export_report(r, tmp_path / "b", csv=False) if p.suffix == ".xlsx")
    assert "mappen tables" in str(_about(with_csv)["CSV"])
    assert "CSV" not in _about(without) and "Blad" in _about(without)  # (the rest of the sheet as it was)
    assert len(_about(with_csv)) == len(_about(without)) + 1


@pytest.mark.slow
def test_a_render_of_the_workbook_without_the_csv_files_does_not_name_them(tmp_path):
    from evaltools.publish.render import render_project
    for formats, named in ((("xlsx",), False), (("xlsx", "csv"), True)):
        out = tmp_path / "-".join(formats)
        result = render_project(PARAMS / "timra-vagen-ut.yaml", out, formats=formats)
        assert result.ok, result
        folder = out / "timra-vagen-ut"
        assert (folder / "tables").is_dir() is named
        assert ("CSV" in _about(folder / "timra-vagen-ut-tabeller.xlsx")) is named
