"""The sample workbooks as a spreadsheet program shows them: every sheet opened by LibreOffice Calc
(where it is installed; skipped elsewhere) and saved as shown, compared cell by cell with what the
workbook holds. Text stays the same text, a number is shown as the number held (to the decimals its
format shows), no cell shows an error, and a whole count is shown without decimals."""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess

import openpyxl
import pytest



pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

# Calc's own locale here is en-US: thousands with ",", decimals with "." (Excel in Swedish shows the same
# formats with a space and a comma); the formats are the workbook's, the separators the machine's.
ERRORS = re.compile(r"^(Err:\d+|#(NAME|VALUE|REF|DIV/0|N/A|NUM|NULL)[!?]?|#+)$")


@pytest.fixture(scope="module")
def shown(sample_reports, tmp_path_factory):
    """Each sample's workbook and, per sheet, the rows Calc shows."""
    books = sorted(sample_reports.out.glob("*/*-tabeller.xlsx"))
    assert books, "no workbooks rendered"
    out = tmp_path_factory.mktemp("calc")
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,true,false,false,-1",
                           "--outdir", str(out / "csv"), *map(str, books)], capture_output=True, timeout=600)
    got = {}
    for book in books:
        wb = openpyxl.load_workbook(book)
        sheets = {}
        for ws in wb.worksheets:
            path = out / "csv" / f"{book.stem}-{ws.title}.csv"
            if done.returncode or not path.exists():
                pytest.skip("LibreOffice could not convert the workbooks here (no Calc)")
            with path.open(encoding="utf-8", newline="") as f:
                sheets[ws.title] = (ws, list(csv.reader(f, delimiter=";")))
        got[book.stem] = sheets
    return got


def _decimals(number_format: str) -> int | None:
    """Decimals the format's last section shows (conditions in brackets and quoted text left out)."""
    last = re.sub(r'\[[^]]*\]|"[^"]*"', "", number_format).split(";")[-1]
    m = re.search(r"0\.(0+)", last)
    return len(m.group(1)) if m else 0


def test_calc_shows_every_cell_as_the_workbook_holds_it(shown):
    problems = []
    for book, sheets in shown.items():
        for title, (ws, rows) in sheets.items():
            for r, row in enumerate(ws.iter_rows(), 1):
                for c, cell in enumerate(row, 1):
                    text = rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else ""
                    where = f"{book}/{title}!{cell.coordinate}"
                    if ERRORS.match(text.strip()):
                        problems.append(f"{where}: Calc shows {text!r}")
                    v = cell.value
                    if v is None:
                        if text.strip():
                            problems.append(f"{where}: empty, Calc shows {text!r}")
                    elif isinstance(v, str):
                        if text != v.replace("\r\n", "\n"):
                            problems.append(f"{where}: text {v!r}, Calc shows {text!r}")
                    elif isinstance(v, bool):
                        continue
                    elif isinstance(v, dt.datetime | dt.date):
                        want = v.strftime("%Y-%m" if cell.number_format == "yyyy-mm" else "%Y-%m-%d")
                        if text != want:
                            problems.append(f"{where}: date {v}, Calc shows {text!r}")
                    elif isinstance(v, int | float):
                        if text.startswith((">", "<")):  # a probability's "> 99 %" / "< 1 %" section of the format
                            continue
                        number = float(text.replace("kr", "").replace("%", "").replace(",", "").replace("\u2212", "-").strip())
                        held = v * 100 if "%" in cell.number_format else v
                        step = 10.0 ** -(_decimals(cell.number_format) or 0)
                        if abs(number - held) > step / 2 + 1e-9:
                            problems.append(f"{where}: number {v} ({cell.number_format}), Calc shows {text!r}")
    assert not problems, "\n".join(problems[:30])


def test_a_whole_count_is_shown_without_decimals(shown):
    """The goal sheet's "target for the time that went" is whole persons (a count goal's target for a
    shortened period, halves up: Timrå's 25 a year over 70,4 % of year 2 is 17,6, so 18); Calc showed
    "18.0" from a one-decimal format."""
    ws, rows = shown["timra-vagen-ut-tabeller"]["Mål"]
    column = [c.value for c in ws[1]].index("Målvärde för periodens längd")
    values = [row[column] for row in rows[1:] if row[column]]
    assert "18" in values and not any("." in v for v in values), values


def test_a_p_value_below_a_thousandth_is_shown_as_such_not_as_zero(shown):
    """Språngbrädan's check before the start has a bootstrap p-value of 0 (no draw as far from zero as the
    estimate): the workbook showed "0.000", a certainty no test gives; the report writes "< 0,001"."""
    seen = []
    for book, sheets in shown.items():
        for title, (ws, rows) in sheets.items():
            for r, row in enumerate(ws.iter_rows(), 1):
                for c, cell in enumerate(row, 1):
                    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool) \
                            and cell.number_format.startswith("[<0.001]"):
                        text = rows[r - 1][c - 1]
                        if cell.value < 0.001:
                            seen.append((f"{book}/{title}!{cell.coordinate}", text))
                        else:
                            assert re.fullmatch(r"\d\.\d{3}", text), (book, title, cell.coordinate, text)
    assert seen and all(text == "< 0,001" for _, text in seen), seen
