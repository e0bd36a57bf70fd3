"""The workbook as an evaluator reads it beside the report, round 49.

* The first sheet is a list of labels and values (project, period, data up to, households, created, sources). Its
  dates and counts are date and number cells, which Excel sets at the right of their cell unless told otherwise:
  in a column a hundred characters wide, "Data till och med" and "Skapad" stood at one edge of the sheet and their
  dates at the other, beside nothing, while the texts around them started at the label.
* A key figure the report gives in words where it has no number (Timrå's payback for the public financiers,
  "nås inte inom tidshorisonten") was an empty cell in the workbook, which the first sheet says is a figure hidden
  by the privacy rule. The key figures say it in the report's words; the sheet per perspective, whose cells are
  numbers, says under the table what an empty payback period or switching deadweight means.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest

from evaltools.publish.workbook import Column, Sheet, report_sheets, write_workbook

ABOUT = (("Projekt", "Kompassen (fiktivt exempel)"), ("Period", "2021-01-01 – 2023-12-31"),
         ("Data till och med", dt.date(2025, 6, 30)), ("Hushåll som deltagarna bor i", 159),
         ("Skapad", dt.date(2026, 12, 6)))


def _workbook(tmp_path):
    frame = pd.DataFrame({"Kön": ["Kvinna", "Man"], "Antal": [26, 26]})
    sheet = Sheet("deltagare", "workbook.sheets.deltagare.title", "workbook.sheets.deltagare.description", frame,
                  [Column("Kön"), Column("Antal", kind="count")])
    return write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5, about=ABOUT)


def test_the_first_sheets_dates_and_counts_stand_at_the_left_beside_their_labels(tmp_path):
    ws = openpyxl.load_workbook(_workbook(tmp_path)).worksheets[0]
    values = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    # still a date and a number, as Excel reads and sorts them
    assert values["Data till och med"].is_date and values["Data till och med"].value.date() == dt.date(2025, 6, 30)
    assert values["Skapad"].is_date
    assert values["Hushåll som deltagarna bor i"].value == 159
    for label, _ in ABOUT:
        assert values[label].alignment.horizontal == "left", label
    # the sheets' table keeps numbers at the right (Excel's own): only the first sheet's list is set left
    table = openpyxl.load_workbook(_workbook(tmp_path)).worksheets[1]
    assert table["B2"].value == 26 and table["B2"].alignment.horizontal in (None, "general")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_the_date_beside_its_label(tmp_path):
    """Printed by LibreOffice Calc, the date starts where the project's name starts (column B's left edge),
    not at the right edge of the column."""
    path = _workbook(tmp_path)
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path.with_suffix(".pdf")), "-"],
                           capture_output=True, text=True, check=True).stdout
    left = {word: float(x) for x, word in re.findall(r'<word xMin="([0-9.]+)"[^>]*>([^<]+)</word>', boxes)}
    assert abs(left["2025-06-30"] - left["Kompassen"]) < 2, left
    assert abs(left["159"] - left["Kompassen"]) < 2, left


# Timrå's figures (the report's table of key figures and its table per actor): the public financiers' net
# present value is -44 072 kr, not paid back within the 3 years, zero at a deadweight of 22 % (25 % assumed);
# the region's -274 072 kr is negative even with no deadweight; the municipality's is paid back in 13 months
KEY_FIGURES = {"perspective": "offentliga", "pv_cost": 1_096_287.0, "pv_benefit": 1_052_215.0, "npv": -44_072.0,
               "bcr": 0.96, "payback_months": float("nan"), "switching_deadweight": 0.22, "deadweight": 0.25}
PER_PERSPECTIVE = [
    {"perspective": "kommun", "pv_cost": 274_072.0, "pv_benefit": 3_581_999.0, "npv": 3_307_927.0, "bcr": 13.07,
     "payback_months": 13.0, "break_even_exits": 2.0, "switching_deadweight": 0.93},
    {"perspective": "region", "pv_cost": 274_072.0, "pv_benefit": 0.0, "npv": -274_072.0, "bcr": 0.0,
     "payback_months": float("nan"), "break_even_exits": float("nan"), "switching_deadweight": float("nan")},
    {"perspective": "offentliga", "pv_cost": 1_096_287.0, "pv_benefit": 1_052_215.0, "npv": -44_072.0, "bcr": 0.96,
     "payback_months": float("nan"), "break_even_exits": 20.0, "switching_deadweight": 0.22},
]


def _key_figures(lang: str, tmp_path, **changed) -> dict:
    tables = {"kostnad_nytta": pd.DataFrame([{**KEY_FIGURES, **changed}])}
    path = write_workbook(tmp_path / f"k-{lang}.xlsx", report_sheets(tables, 5, lang=lang), lang, 5)
    ws = openpyxl.load_workbook(path).worksheets[1]
    return {row[0]: row[1] for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}


@pytest.mark.parametrize(("lang", "payback", "npv", "switching"), [
    ("sv", "Återbetalningstid för det ledande perspektivet (månader)", "Nettonuvärde för det ledande perspektivet",
     "Dödvikt där det ledande perspektivets nettonuvärde blir noll"),
    ("en", "Payback for the lead perspective (months)", "Net present value for the lead perspective",
     "Deadweight at which the lead perspective's net present value is zero")])
def test_a_payback_not_reached_is_said_as_the_report_says_it(tmp_path, lang, payback, npv, switching):
    said = {"sv": "nås inte inom tidshorisonten", "en": "not within the horizon"}[lang]
    figures = _key_figures(lang, tmp_path)
    assert figures[payback] == said
    assert figures[npv] == -44_072 and figures[switching] == 0.22  # (the figures that are there stay numbers)


def test_a_deadweight_that_cannot_zero_the_value_is_said_in_words(tmp_path):
    """The region's figures as the lead perspective's: negative even with no deadweight, as the report's
    table of key figures says; positive at any deadweight where the value is positive."""
    key = "Dödvikt där det ledande perspektivets nettonuvärde blir noll"
    assert _key_figures("sv", tmp_path, npv=-274_072.0, switching_deadweight=float("nan"))[key] == (
        "ingen: negativt även utan dödvikt")
    assert _key_figures("sv", tmp_path, npv=150_000.0, switching_deadweight=float("nan"),
                        payback_months=30.0)[key] == "ingen: positivt vid varje dödvikt"
    # a payback reached stays a number of months
    assert _key_figures("sv", tmp_path, payback_months=30.0)["Återbetalningstid för det ledande perspektivet (månader)"] == 30


def _per_perspective(rows, tmp_path):
    tables = {"aktorer": pd.DataFrame(rows), "kostnad_nytta": pd.DataFrame([KEY_FIGURES])}
    path = write_workbook(tmp_path / "p.xlsx", report_sheets(tables, 5, lang="sv"), "sv", 5)
    return openpyxl.load_workbook(path)["Per perspektiv"]


def _per_perspective_notes(rows, tmp_path) -> list[str]:
    ws = _per_perspective(rows, tmp_path)
    return [row[0] for row in ws.iter_rows(min_row=len(rows) + 2, values_only=True) if row[0]]


def test_the_sheet_per_perspective_says_what_an_empty_payback_or_deadweight_means(tmp_path):
    ws = _per_perspective(PER_PERSPECTIVE, tmp_path)
    headings = [c.value for c in ws[1]]
    region = [c.value for c in ws[3]]
    assert region[0] == "Regionen"
    # the cells stay empty, as a number column has them, with no mark of a hidden figure
    assert region[headings.index("Återbetalningstid (månader)")] is None
    assert "Dolda uppgifter" not in headings
    notes = _per_perspective_notes(PER_PERSPECTIVE, tmp_path)
    assert ("En tom återbetalningstid på en rad med kostnad och nettonuvärde betyder att kostnaden inte är betald "
            "tillbaka inom tidshorisonten.") in notes
    assert any(n.startswith("En tom dödvikt där nettonuvärdet blir noll") for n in notes)


def test_no_such_note_where_every_payback_and_deadweight_is_there(tmp_path):
    rows = [{**PER_PERSPECTIVE[0], "perspective": p} for p in ("kommun", "region", "offentliga")]
    notes = _per_perspective_notes(rows, tmp_path)
    assert notes and not any(n.startswith(("En tom återbetalningstid", "En tom dödvikt")) for n in notes)
