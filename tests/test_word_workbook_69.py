"""The workbook as the förbund's controller opens it in Excel, and the Word document as the evaluator finishes it.

Excel shows a number wider than its column as "#####", however wide the text beside it: a column's width must
fit each figure as its number format shows it ("SEK 12,000", ten characters), not as its digits ("12000").
"""
from __future__ import annotations

import openpyxl
import pytest
import pandas as pd

from evaltools.publish.workbook import Column, Sheet, write_workbook


def _widths(tmp_path, frame: pd.DataFrame, columns: list[Column], lang: str) -> dict[str, float]:
    sheet = Sheet("antaganden", "workbook.sheets.antaganden.title", "workbook.sheets.antaganden.description",
                  frame, columns)
    path = write_workbook(tmp_path / f"w-{lang}.xlsx", [sheet], lang, 5)
    ws = openpyxl.load_workbook(path).worksheets[-1]
    return {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}


def test_a_column_of_values_of_several_kinds_is_as_wide_as_its_widest_figure_is_shown(tmp_path):
    """The assumptions' value column holds an amount in one row and a share in the next (each row its own
    format): it was as wide as the digits "12000" and two of air, 9, and Excel showed the English
    "SEK 12,000" (10 characters) as "#####"."""
    frame = pd.DataFrame({"Namn": ["Lön", "Ränta"], "Värde": [12000.0, 0.035], "_kind": ["kr", "pct"]})
    columns = [Column("Namn"), Column("Värde", kind_from="_kind")]
    # each figure as Excel shows it, written out by hand: the widest of each language's column
    for lang, widest in (("en", "SEK 12,000"), ("sv", "12 000 kr")):
        width = _widths(tmp_path, frame, columns, lang)["Värde"]
        assert width >= len(widest) + 1, (lang, width)


def test_an_amount_column_is_as_wide_as_its_largest_amount_is_shown(tmp_path):
    """An amount column was 16 wide whatever its amounts; a loss of a hundred million kronor, shown
    "SEK −123,456,789" (16 characters), does not fit 16 with its cell's margins."""
    frame = pd.DataFrame({"Post": ["Förlust", "Vinst"], "Nuvärde": [-123_456_789.0, 5.0]})
    columns = [Column("Post"), Column("Nuvärde", kind="kr")]
    assert _widths(tmp_path, frame, columns, "en")["Nuvärde"] >= len("SEK −123,456,789") + 1
    assert _widths(tmp_path, frame, columns, "sv")["Nuvärde"] >= len("−123 456 789 kr") + 1
    # an ordinary amount column keeps its width (an amount of millions with air): nothing else moved
    small = pd.DataFrame({"Post": ["Lön"], "Nuvärde": [1_086_000.0]})
    assert _widths(tmp_path, small, columns, "sv")["Nuvärde"] == 16


def _excel_shows(value: float, number_format: str) -> str:
    """What Swedish Excel shows for ``value`` in the few number formats the workbook uses (by hand: the
    decimals the format asks for, a space between thousands where it groups them, a comma for the decimal
    point)."""
    import re
    decimals = len((re.search(r"0\.(0+)", number_format) or re.search(r"()", number_format)).group(1))
    if "%" in number_format:
        return f"{value * 100:.{decimals}f}".replace(".", ",") + "\u00a0%"
    grouped = f"{value:,.{decimals}f}" if "#,##0" in number_format else f"{value:.{decimals}f}"
    return grouped.replace(",", " ").replace(".", ",")


def test_the_assumptions_read_in_excel_as_the_reports_assumptions_table_writes_them(tmp_path):
    """The assumptions sheet wrote every share with one decimal and every number of years and factor with one
    or two: Excel showed "25,0 %", "3,0" (years) and "1,30" beside the report's "25 %", "3 år" and "1,3". Each
    value now has the decimals the report gives it (the fewest that show it exactly), the number unchanged."""
    from evaltools.publish.workbook import report_sheets

    antaganden = pd.DataFrame({
        "name": ["deadweight", "horizon_years", "skattefaktor", "discount_rate", "pension_age"],
        "value": [0.25, 3.0, 1.3, 0.035, 67.0], "lower": [0.0, 1.0, 1.0, 0.0, None],
        "upper": [0.75, 5.0, 1.5, 0.06, None], "source": ["s"] * 5, "flagged": [False] * 5})
    kanslighet = pd.DataFrame({"parameter": ["deadweight", "horizon_years"], "low_value": [0.75, 1.0],
                               "high_value": [0.0, 5.0], "npv_low": [-1.0, -2.0], "npv_high": [1.0, 2.0],
                               "range": [2.0, 4.0], "npv_base": [0.5, 0.5], "perspective": ["public", "public"]})
    sheets = report_sheets({"antaganden": antaganden, "kanslighet": kanslighet}, 5)
    wb = openpyxl.load_workbook(write_workbook(tmp_path / "a.xlsx", sheets, "sv", 5))
    ws = wb["Antaganden"]
    shown = [[_excel_shows(c.value, c.number_format) if isinstance(c.value, (int, float)) else c.value
              for c in (ws.cell(r, 2), ws.cell(r, 4), ws.cell(r, 5))] for r in range(2, 7)]
    # the report's assumptions table: "25 %" tested "0–75 %", "3 år" tested "1–5 år", "1,3" tested "1,0–1,5",
    # "3,5 %" tested "0–6 %", "67 år" not tested
    assert shown == [["25\u00a0%", "0\u00a0%", "75\u00a0%"], ["3", "1", "5"], ["1,3", "1,0", "1,5"],
                     ["3,5\u00a0%", "0\u00a0%", "6\u00a0%"], ["67", None, None]]
    assert [ws.cell(r, 2).value for r in range(2, 7)] == [0.25, 3, 1.3, 0.035, 67]  # (the numbers themselves)
    ws = wb["Känslighetsanalys"]
    assert [[_excel_shows(ws.cell(r, c).value, ws.cell(r, c).number_format) for c in (2, 3)]
            for r in (2, 3)] == [["75\u00a0%", "0\u00a0%"], ["1", "5"]]


def test_the_key_figures_give_the_deadweights_and_the_tax_factor_as_the_report_does(tmp_path):
    """The key-figures sheet showed the deadweight at which the NPV is zero as "82,4 %" where the report's key
    figures and summary say "82 %" (whole per cent), the tax factor as "1,30" (the report: "1,3"), the part of the
    saving kept the first year as "100,0 %" (the report: "100 %") and an assumed deadweight as "25,0 %"."""
    from evaltools.publish.workbook import report_sheets

    summary = pd.DataFrame([{"npv": 7_056_446.0, "switching_deadweight": 0.8235041052, "first_year_kept": 1.0,
                             "skattefaktor": 1.3, "deadweight": 0.25}])
    wb = openpyxl.load_workbook(write_workbook(tmp_path / "k.xlsx", report_sheets({"kostnad_nytta": summary}, 5),
                                               "sv", 5))
    ws = wb["Kostnad och nytta"]
    shown = {ws.cell(r, 1).value: _excel_shows(ws.cell(r, 2).value, ws.cell(r, 2).number_format)
             for r in range(2, ws.max_row + 1) if isinstance(ws.cell(r, 2).value, (int, float))}
    assert sorted(v for k_, v in shown.items() if not k_.startswith("Nettonuvärde")) == sorted(
        ["82\u00a0%", "100\u00a0%", "1,3", "25\u00a0%"])
    dead = [v for k_, v in shown.items() if k_.startswith("Dödvikt där")]
    assert dead == ["82\u00a0%"]


def test_the_budget_used_reads_in_whole_per_cent_as_the_reports_budget_table(tmp_path):
    """The report's budget table, page 1 and the portfolio give the share of the budget used in whole per cent
    ("Förbrukat 89 %" for 134 000 kr of 150 000 kr); the budget sheet showed "89,3 %"."""
    from evaltools.publish.workbook import report_sheets

    budget = pd.DataFrame({"period": ["2021", "2022"], "category": ["Utvärdering", "Lön"],
                           "budget": [150_000.0, 100_000.0], "actual": [134_000.0, 99_650.0]})
    budget["used_pct"] = budget["actual"] / budget["budget"]
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "b.xlsx", report_sheets({"budget": budget}, 5),
                                               "sv", 5))["Budget"]
    col = [c.value for c in ws[1]].index("Förbrukat av budgeten") + 1
    # 134 000 / 150 000 = 89,33 %, 99 650 / 100 000 = 99,65 %: the report says 89 % and 100 %
    assert [_excel_shows(ws.cell(r, col).value, ws.cell(r, col).number_format) for r in (2, 3)] == \
        ["89\u00a0%", "100\u00a0%"]
    assert ws.cell(2, col).value == pytest.approx(134_000 / 150_000)  # (the share itself, not rounded)


def test_a_share_goals_target_reads_as_the_goal_table_gives_it(tmp_path):
    """The goal table gives a share's target in whole per cent ("40 %", beside a result "50,9 %"); the goal
    sheet showed "40,0 %". A count's target stays a count."""
    from evaltools.publish.workbook import report_sheets

    mal = pd.DataFrame({"goal": ["Minst 40 % till arbete", "Minst 60 deltagare"], "kind": ["share", "count"],
                        "period_label": ["År 1", "År 1"], "value": [29 / 57, 57.0], "numerator": [29.0, None],
                        "denominator": [57.0, None], "target": [0.4, 60.0]})
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "m.xlsx", report_sheets({"mal": mal}, 5), "sv", 5))["Mål"]
    heads = [c.value for c in ws[1]]
    value, target = heads.index("Utfall") + 1, heads.index("Målvärde") + 1
    assert [_excel_shows(ws.cell(2, c).value, ws.cell(2, c).number_format) for c in (value, target)] == \
        ["50,9\u00a0%", "40\u00a0%"]
    assert _excel_shows(ws.cell(3, target).value, ws.cell(3, target).number_format) == "60"


def test_a_count_on_the_first_sheet_has_its_thousands_apart(tmp_path):
    """The first sheet's count of the households the participants live in was a number without a format: Excel
    showed "1234" where the report writes "1 234". It stays a number; a year or a date keeps its own form."""
    import datetime as dt

    frame = pd.DataFrame({"Namn": ["a"]})
    sheet = Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame,
                  [Column("Namn")])
    path = write_workbook(tmp_path / "about.xlsx", [sheet], "sv", 5,
                          about=[("Hushåll", 1234), ("Data till och med", dt.date(2025, 6, 30))])
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, ws.max_row + 1)}
    assert cells["Hushåll"].value == 1234 and cells["Hushåll"].data_type == "n"
    assert _excel_shows(1234, cells["Hushåll"].number_format) == "1 234"
    assert cells["Data till och med"].is_date


def _docx_text(inner: str, lang: str) -> str:
    import io

    import docx

    from evaltools.publish.docx import html_to_docx
    page = f"<html><body><main><h1>T</h1><h2>Del</h2>{inner}</main></body></html>"
    doc = docx.Document(io.BytesIO(html_to_docx(page, None, lang, "T", "F")))
    return "\n".join(p.text for p in doc.paragraphs)


def test_word_does_not_break_a_line_inside_a_figure():
    """A sentence of the catalog ("upp till omkring 20 000 kr i månaden", "counted as SEK 0") or of the
    evaluator's text had ordinary spaces inside its figures: Word could end a line with "20" and begin the
    next with "000 kr", or end one with "SEK". Inside a figure the space is now a no-break space; a space
    between two numbers or between a number and a word stays one Word may break at."""
    sv = _docx_text("<p>Lönebidrag upp till omkring 20 000 kr i månaden, 1 234 567 kr och 25 % av de 13 "
                    "som gick 2019 till 2020.</p>", "sv")
    assert "20\u00a0000\u00a0kr" in sv and "1\u00a0234\u00a0567\u00a0kr" in sv and "25\u00a0%" in sv
    assert "de 13 som gick 2019 till 2020" in sv  # (no figure in it: Word may break its lines as it likes)
    en = _docx_text("<p>Amounts in current prices (Resekostnader: no amount given, counted as SEK 0).</p>", "en")
    assert "counted as SEK\u00a00)" in en
    # code the evaluator quotes is left as written
    assert "x = 1 000" in _docx_text("<p><code>x = 1 000</code></p>", "sv")
