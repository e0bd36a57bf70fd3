"""The Word document and the workbook as the evaluator who finishes the report in Word and checks it in Excel."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from evaltools.publish.docx import html_to_docx


def _doc(inner: str):
    page = f"<html><body><main><h1>T</h1><h2>Del</h2><div class='et-evaluator'>{inner}</div></main></body></html>"
    return docx.Document(io.BytesIO(html_to_docx(page, None, "sv", "T", "F")))


def _starts(doc) -> list[tuple[str, int, int | None]]:
    """Each list paragraph's text, level and the number its list's level starts at (None: no override)."""
    numbering = doc.part.numbering_part.element
    rows = []
    for p in doc.paragraphs:
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        if num is None:
            continue
        level = num.ilvl.val
        (n,) = [x for x in numbering.findall(qn("w:num")) if x.get(qn("w:numId")) == str(num.numId.val)]
        overrides = {int(o.get(qn("w:ilvl"))): o.find(qn("w:startOverride")) for o in n.findall(qn("w:lvlOverride"))}
        start = overrides.get(level)
        rows.append((p.text, level, None if start is None else int(start.get(qn("w:val")))))
    return rows


def test_a_numbered_list_that_goes_on_after_a_paragraph_keeps_its_numbers():
    """'3. tre' after a paragraph is numbered 3 in the HTML and the PDF (CommonMark keeps the first number);
    Word numbered it 1 again, so the evaluator's points 3 and 4 read as 1 and 2 in the Word document."""
    from evaltools.present.narrative import to_html  # (the evaluator's Markdown as the report renders it)
    html = to_html("1. ett\n2. två\n\nEtt stycke mellan.\n\n3. tre\n4. fyra\n")
    assert '<ol start="3">' in html  # (the HTML the browser and the PDF number from 3)
    rows = _starts(_doc(html))
    assert rows == [("ett", 0, 1), ("två", 0, 1), ("tre", 0, 3), ("fyra", 0, 3)]
    # each list its own count: the second does not go on from the first by sharing its numbering
    ids = [p._p.pPr.numPr.numId.val for p in _doc(html).paragraphs if p._p.pPr is not None
           and p._p.pPr.numPr is not None]
    assert ids[0] == ids[1] != ids[2] == ids[3]


def test_a_nested_numbered_list_starts_where_its_html_starts():
    """A list inside an item, starting at 5, counts from 5 at its own level (the override is on that level)."""
    rows = _starts(_doc("<ol><li>ett<ol start='5'><li>fem</li><li>sex</li></ol></li></ol><ul><li>punkt</li></ul>"))
    assert rows == [("ett", 0, 1), ("fem", 1, 5), ("sex", 1, 5), ("punkt", 0, 1)]


def test_a_start_word_cannot_take_counts_from_one():
    """A start that is no whole number (hand-written HTML) does not stop the document: the list counts from 1."""
    rows = _starts(_doc("<ol start='x'><li>a</li></ol><ol start='-2'><li>b</li></ol>"))
    assert rows == [("a", 0, 1), ("b", 0, 1)]


def test_the_portfolio_workbook_writes_its_price_years_as_years(tmp_path):
    """The portfolio's two price years (the NPVs' and each project's own) were numbers with a thousands separator,
    so Excel showed "2 025" where the overview and the project's workbook say 2025. They stay numbers (a filter on
    them works) and read as years."""
    import pandas as pd
    from openpyxl import load_workbook

    from evaltools.publish.workbook import portfolio_sheet, write_workbook

    table = pd.DataFrame({"id": ["a", "b"], "title": ["A", "B"], "npv_public": [1_234_567.0, -89_000.0],
                          "npv_price_year": [2025, 2025], "price_year": [2023, 2019]})
    path = write_workbook(tmp_path / "portfolio.xlsx", [portfolio_sheet(table)], "sv", 5)
    ws = load_workbook(path).worksheets[-1]
    header = [c.value for c in ws[1]]
    years = [header.index("Nettonuvärdenas prisår (omräknade med KPI)") + 1,
             header.index("Projektets prisår (för personåren och kostnaden de bär)") + 1]
    cells = [ws.cell(r, c) for r in (2, 3) for c in years]
    assert [c.value for c in cells] == [2025, 2023, 2025, 2019]
    # a year's format groups no digits ("#,##0" shows 2 025 in Swedish Excel, 2,025 in English)
    assert all(c.data_type == "n" and "," not in c.number_format and "#" not in c.number_format for c in cells)
    # the amount beside them keeps its grouping: only the years changed
    amount = ws.cell(2, header.index("Nettonuvärde, offentliga finansiärer") + 1)
    assert amount.value == 1_234_567 and "#,##0" in amount.number_format


def test_the_before_and_after_sheet_says_its_amounts_are_per_household(tmp_path):
    """The sheet's rows count households (its count column is "Hushåll") and its means are per household and
    month, as the report's section says; its amount headings said only "kr per månad", which an evaluator
    comparing with an individual's payment would read as per person."""
    import pandas as pd
    from openpyxl import load_workbook

    from evaltools.publish.workbook import report_sheets, write_workbook

    frame = pd.DataFrame({"group": ["participants"], "persons": [12], "before": [9_000.0], "after": [7_000.0],
                          "change": [-2_000.0]})
    for lang, unit, count in (("sv", "kr per hushåll och månad", "Hushåll"),
                              ("en", "SEK per household and month", "Households")):
        sheets = report_sheets({"forsorjningsstod": frame}, 5, lang=lang)
        path = write_workbook(tmp_path / f"{lang}.xlsx", sheets, lang, 5)
        ws = load_workbook(path).worksheets[-1]
        header = [c.value for c in ws[1]]
        assert header[1] == count
        assert [h.endswith(unit) for h in header[2:]] == [True, True, True]
        assert [c.value for c in ws[2]][1:] == [12, 9_000, 7_000, -2_000]


def test_the_survey_sheet_writes_its_rounds_as_years(tmp_path):
    """A survey's round is its year ("Omgång (år)"): Excel showed "2 023" with the count format's thousands
    separator. It stays a number, shown as the year; the count beside it keeps its format."""
    import pandas as pd
    from openpyxl import load_workbook

    from evaltools.publish.workbook import report_sheets, write_workbook

    frame = pd.DataFrame({"group": ["g", "g"], "group_label": ["Handläggare", "Handläggare"], "round": [2023, 2025],
                          "question": ["q", "q"], "question_label": ["Fråga", "Fråga"], "answer": ["a", "a"],
                          "answer_label": ["Ja", "Ja"], "n": [1_200, 1_350], "share": [0.5, 0.75]})
    path = write_workbook(tmp_path / "e.xlsx", report_sheets({"enkater": frame}, 5, lang="sv"), "sv", 5)
    ws = load_workbook(path).worksheets[-1]
    header = [c.value for c in ws[1]]
    rounds = [ws.cell(r, header.index("Omgång (år)") + 1) for r in (2, 3)]
    assert [c.value for c in rounds] == [2023, 2025]
    assert all(c.data_type == "n" and "," not in c.number_format and "#" not in c.number_format for c in rounds)
    n = ws.cell(2, header.index("Antal svar") + 1)
    assert n.value == 1_200 and n.number_format == "#,##0"


def _grid(table) -> list[int]:
    return [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_a_long_hyphenated_cost_item_breaks_at_its_hyphens_not_the_amounts_beside_it():
    """A budget line written as one hyphenated word ("Lokalkostnader-och-IT-system-…", as a ledger exports it) wraps
    at its hyphens in the PDF and in Word. The Word table's columns were measured as if it could not: the table
    was wider than the page (its words together more than the text's width) and every column, the amounts' too,
    was shrunk, so that "1 150 000 kr" no longer fitted its column. The table now fits the text's width and the
    amounts keep the width they have beside a short cost item."""
    item = "Lokalkostnader-och-IT-system-inklusive-licenser-för-dokumentationssystemet-och-support-under-projekttiden"

    def table(label: str):
        rows = "".join(f"<tr><td class='txt'>2021</td><td class='txt'>{label}</td><td class='txt'>Samordningsförbundet</td>"
                       f"<td class='num'><span class='nw'>1 150 000 kr</span></td><td class='num'><span class='nw'>"
                       f"1 069 500 kr</span></td><td class='num'><span class='nw'>−80 500 kr</span></td>"
                       f"<td class='num'>93 %</td></tr>" for _ in range(3))
        html = ("<table class='et-table'><thead><tr><th class='txt'>Period</th><th class='txt'>Kostnadsslag</th>"
                "<th class='txt'>Finansiär</th><th class='num'>Budget</th><th class='num'>Utfall</th>"
                f"<th class='num'>Differens</th><th class='num'>Förbrukat</th></tr></thead><tbody>{rows}</tbody></table>")
        page = f"<html><body><main><h1>T</h1><h2>Budget</h2>{html}</main></body></html>"
        doc = docx.Document(io.BytesIO(html_to_docx(page, None, "sv", "T", "F")))
        section = doc.sections[0]
        text_width = (section.page_width - section.left_margin - section.right_margin) // 635  # (EMU to twips)
        return _grid(doc.tables[0]), text_width

    long, width = table(item)
    short, _ = table("Lokal och IT")
    assert abs(sum(long) - width) <= 3  # (rounding of each column to whole twips)
    assert long[3:] == short[3:]  # the amounts' columns as beside a short item
    assert long[1] < width / 2  # the item wraps at its hyphens in a column of its share


def test_no_row_of_the_workbook_is_higher_than_excel_allows(tmp_path):
    """An evaluator's evidence for a qualitative goal of a page or two (3 000 characters) wrapped in its column of
    60 characters set its row to some 50 lines of 15 points, 800 points; Excel's rows are at most 409 points high. The
    row is as high as Excel allows and the text is whole in the cell; a short row keeps its own height."""
    import pandas as pd
    from openpyxl import load_workbook

    from evaltools.publish.workbook import Column, Sheet, write_workbook

    long = " ".join(["Samverkan prövades i möten där deltagaren och läkaren planerade tillsammans."] * 40)
    assert len(long) > 3_000
    frame = pd.DataFrame({"goal": ["Samverkan", "Kort"], "evidence": [long, "Nåddes."]})
    columns = [Column("goal", "workbook.column.mal.label"), Column("evidence", "workbook.column.mal.evidence")]
    sheet = Sheet("mal", "workbook.sheets.mal.title", "workbook.sheets.mal.description", frame, columns)
    ws = load_workbook(write_workbook(tmp_path / "m.xlsx", [sheet], "sv", 5)).worksheets[-1]
    heights = {r: ws.row_dimensions[r].height for r in (2, 3)}
    assert heights[2] == 409 and ws.cell(2, 2).value == long
    assert heights[3] is None or heights[3] <= 30
    assert all((d.height or 0) <= 409 for d in ws.row_dimensions.values())


def test_a_row_taller_than_the_page_may_break_across_pages():
    """Word cuts off a table row it may not break (``w:cantSplit``) at the foot of the page when the row is taller
    than the page, and the text below the cut is neither shown nor printed. An evaluator's evidence for a goal
    of 12 000 characters is more than 100 lines even across the whole text width (about 120 characters a
    line of 8.5 points), over 1 000 points against the A4 page's 730 points of text: that row may break; the
    short rows beside it stay whole, as in the PDF."""
    long = " ".join(["Samverkan prövades i möten där deltagaren och läkaren planerade tillsammans."] * 160)
    assert len(long) > 12_000
    html = ("<table class='et-table'><thead><tr><th class='txt'>Mål</th><th class='txt'>Bedömning</th>"
            "<th class='txt'>Underlag</th></tr></thead><tbody>"
            f"<tr><td class='txt'>Samverkan</td><td class='txt'>Delvis uppnått</td><td class='txt'>{long}</td></tr>"
            "<tr><td class='txt'>Stöd</td><td class='txt'>Uppnått</td><td class='txt'>Kort underlag.</td></tr>"
            "</tbody></table>")
    doc = _doc(html)
    (table,) = doc.tables

    def whole(row) -> bool:
        return row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None

    assert [whole(r) for r in table.rows] == [True, False, True]
    assert table.rows[1].cells[2].text == long  # (all of it, on as many pages as it needs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_key_figures_sheet_says_the_prices_of_its_rows_that_do_not():
    """The key-figures sheet said "Övriga belopp i de priser raden anger", but its budget, outturn and costs per
    participant and per outcome named no prices (the report's table: "Kostnad per deltagare (löpande priser)"),
    and its monthly level ("Försörjningsstöd per månad (medel)") neither its prices nor that it is the avoided
    amount per person, as the report's row says ("Undvikt försörjningsstöd per person och månad (2023 års
    priser)")."""
    from evaltools.publish.workbook import SUMMARY, sheet_bases
    from evaltools.words.text import msg

    sv = sheet_bases("nuvärde i 2023 års priser, diskonterat med 3,5 % per år", "2023 års priser", "löpande priser", "sv")
    assert sv["kostnad_nytta"] == ("Nuvärden: nuvärde i 2023 års priser, diskonterat med 3,5 % per år. Budget, utfall "
                                   "och kostnaderna per person: löpande priser. Övriga belopp i de priser raden anger."
                                   ).replace(" %", "\u00a0%")
    en = sheet_bases("present value in 2023 prices", "2023 prices", "current prices", "en")
    assert "Budget, actual costs and the costs per person: current prices." in en["kostnad_nytta"]
    key = SUMMARY["monthly_level"][0]
    assert msg(key, "sv") == "Undvikt försörjningsstöd per person och månad (medel, prisårets priser)"
    assert msg(key, "en") == "Avoided social assistance per person and month (mean, price-year prices)"


def test_the_portfolio_workbook_gives_an_applications_expected_participants_as_the_overview_does(tmp_path):
    """The overview gives an application's participants as it expects them ("248 (förväntat enligt ansökan)") and
    its cost per participant divided by them; the workbook's row left the participants empty beside that cost, so
    the division could not be redone. The row's basis says its figures are expected; a structural project, with
    no participants to expect, stays empty; a finished project keeps its own count."""
    import numpy as np
    import pandas as pd
    from openpyxl import load_workbook

    from evaltools.publish.workbook import portfolio_sheet, write_workbook

    table = pd.DataFrame({"id": ["ansokan", "struktur", "projekt"], "title": ["A", "S", "P"],
                          "mode": ["ex_ante", "structural", "observed"],
                          "participants": [np.nan, np.nan, 52.0], "expected_participants": [248.0, np.nan, np.nan],
                          "cost": [3_863_075.0, 1_998_904.0, 1_128_000.0],
                          "cost_per_participant": [3_863_075 / 248, np.nan, 1_128_000 / 52]})
    ws = load_workbook(write_workbook(tmp_path / "p.xlsx", [portfolio_sheet(table)], "sv", 5)).worksheets[-1]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["ansokan"]["Deltagare"] == 248
    assert rows["ansokan"]["Underlag"] == "Förväntat enligt ansökan"
    # the division redone in the sheet: 3 863 075 kr over 248 expected participants is 15 577 kr
    assert round(rows["ansokan"]["Kostnad per deltagare"]) == 15_577
    assert rows["struktur"]["Deltagare"] is None and rows["projekt"]["Deltagare"] == 52
