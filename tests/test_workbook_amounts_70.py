"""The workbook's amounts as Excel shows them equal the report's printed figures (publish/workbook.py ``cell``).

Excel keeps a cell's number as written (a double) and shows it in the cell's format: it reads the number to 15
significant digits and rounds a half away from zero to the format's decimals ('#,##0 "kr"': whole kronor). That is
done here by hand with ``decimal`` on each cell openpyxl reads back from the written file, and compared with what
the report prints: its tables' amounts in kronor (the cost-benefit, budget and summary sections' cells and
sentences), for two samples."""
from __future__ import annotations

import decimal
import re

import openpyxl
import pytest

from evaltools.present.sections import budget, costbenefit, facts
from evaltools.publish.workbook import export_report
from evaltools.words.formats import fmt_kr

from .conftest import sample_report, shown_chunks

SAMPLES = ("kompassen-demo", "timra-vagen-ut")
AMOUNT = re.compile(r"([−-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*)[\u00a0\u202f ]kr\b")


def excel_shows(value: float, decimals: int) -> decimal.Decimal:
    """What Excel shows of ``value`` at ``decimals``: the double to 15 significant digits, then a half away from
    zero."""
    exact = decimal.Decimal(format(value, ".15g"))
    return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def _decimals(number_format: str) -> int | None:
    """The decimals of a number format in kronor ('#,##0 "kr";-#,##0 "kr"': 0), None for another format."""
    if '"kr"' not in number_format:
        return None
    first = number_format.split(";")[0]
    m = re.search(r"0\.(0+)", first)
    return len(m.group(1)) if m else 0


def _printed(r) -> set[int]:
    chunks = []
    for section in (costbenefit, budget, facts):
        chunks += shown_chunks(section.blocks(r))
    out = set()
    for chunk in chunks:
        for m in AMOUNT.finditer(str(chunk)):
            out.add(int(re.sub(r"\D", "", m.group(1))) * (-1 if m.group(1)[0] in "−-" else 1))
    return out


def _amounts(tmp_path, r):
    export_report(r, tmp_path)
    (book,) = tmp_path.rglob("*.xlsx")
    for ws in openpyxl.load_workbook(book).worksheets:
        for row in ws.iter_rows():
            for c in row:
                d = _decimals(c.number_format)
                if d is not None and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    yield ws.title, c.coordinate, float(c.value), d


@pytest.mark.parametrize("pid", SAMPLES)
def test_each_amount_excel_shows_is_the_amount_the_report_formats(tmp_path, pid):
    """Cell by cell: Excel's whole kronor are the report's (``fmt_kr`` of the same number)."""
    r = sample_report(pid)
    seen = 0
    for sheet, at, value, d in _amounts(tmp_path, r):
        seen += 1
        report = int(re.sub(r"\D", "", fmt_kr(value, "sv", d))) * (-1 if fmt_kr(value, "sv", d)[0] in "−-" else 1)
        assert excel_shows(value, d) * 10 ** d == report, (sheet, at, value, fmt_kr(value, "sv", d))
    assert seen > 20


@pytest.mark.parametrize("pid", SAMPLES)
def test_no_amount_is_a_krona_off_the_printed_one(tmp_path, pid):
    """Against the printed report: an amount in the workbook that Excel shows one krona off an amount the report
    prints, and not as printed, is the same figure rounded two ways (3 714 692 beside 3 714 691)."""
    r = sample_report(pid)
    printed = _printed(r)
    assert len(printed) > 10, printed
    found = 0
    for sheet, at, value, d in _amounts(tmp_path, r):
        if d:
            continue
        shown = int(excel_shows(value, 0))
        found += shown in printed
        if abs(shown) >= 1000:
            assert shown in printed or not ({shown - 1, shown + 1} & printed), (sheet, at, value, shown)
    assert found >= 5, found  # (the check compares something: the key figures are printed in both)


@pytest.mark.xfail(strict=True, reason="the report rounds the shortest decimal of a double (repr, 10 108,499999999998 "
                                       "→ 10 108 kr) where Excel reads 15 significant digits (10 108,5000000000 → "
                                       "10 109 kr): words/formats.py round_half_up, used by fmt_num, for an amount the "
                                       "workbook writes as computed (publish/workbook.py cell)")
def test_an_amount_a_hair_below_a_half_is_shown_alike():
    value = 10108.5 - 2 ** -39  # (10 108,5 less rounding noise of the size a sum of amounts leaves)
    assert f"{value:.15g}" == "10108.5" and repr(value) != "10108.5"
    assert fmt_kr(value, "sv") == f"{int(excel_shows(value, 0)):,}".replace(",", "\u00a0") + "\u00a0kr"
