"""A wide or long participants file is read as fast as its cells allow, with the same messages as before.

A case system's export has hundreds or thousands of columns (3 000 columns and 4 rows took half a minute):
each column's cells were looked at one column at a time, and each heading compared with the contract's words
again for every missing column. The cells of the whole file are now looked at together, and each heading's
comparison remembered. The messages must not change: the problems of files with many problems are compared
with those the column-by-column way finds (the former code, put back for the comparison), and the problems of
a narrow file with those of the same file widened by columns the contract does not read."""
from __future__ import annotations

import difflib
import re

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.data import privacy, reading, validation
from evaltools.data.errors import DataValidationError
from evaltools.data.reading import per_distinct, per_distinct_cells

from .conftest import excel_sheet, params_with_files, write_csv


def _column_by_column(frame: pd.DataFrame, compute):
    return frame.apply(lambda c: per_distinct(c, compute))


def _may_hold_column_by_column(frame: pd.DataFrame) -> np.ndarray:
    if not frame.shape[1]:
        return np.zeros(frame.shape, dtype=bool)
    return np.column_stack([privacy.may_hold_personnummer(frame.iloc[:, j]).to_numpy()
                            for j in range(frame.shape[1])])


@pytest.fixture
def former_way(monkeypatch):
    """The reading and validation as they were: every column on its own, every heading compared afresh."""
    def put_back():
        monkeypatch.setattr(reading, "per_distinct_cells", _column_by_column)
        monkeypatch.setattr(validation, "per_distinct_cells", _column_by_column)
        monkeypatch.setattr(validation, "may_hold_personnummer_cells", _may_hold_column_by_column)
        monkeypatch.setattr(validation, "_spelt_close",
                            lambda folded, words: bool(difflib.get_close_matches(folded, words, n=1, cutoff=0.8)))
        monkeypatch.setattr(validation, "_folded", lambda h: re.sub(r"[\s\-_]+", "", str(h).casefold()))
        monkeypatch.setattr(validation, "_bare", lambda h: re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", h))
        monkeypatch.setattr(validation, "_bad_matching", lambda s, bad, pattern: bad & s.str.fullmatch(pattern))
    return put_back


def _problems(path) -> list[tuple]:
    try:
        project = et.load_project(path)
        found = [*project.warnings, *project.notices]
    except DataValidationError as e:
        found = list(e.problems)
    return [(p.row, p.column, repr(p.value), p.key, p.severity, p.values, p.text("sv"), p.text("en")) for p in found]


_TEXTS = ["", " ", "Ja", " Ja ", "ja\u00a0", "P017\u200b", "Totalt", "Summa:", "Sida 1 av 2", "  Inskrivningsdatum ",
          "Fått  anställning", "#N/A", "8,11219E+09", "811218-9876", "2019-10-15", "Åsa"]


@pytest.mark.parametrize("rows", [3, 64, 65, 300])
@pytest.mark.parametrize("compute", [
    lambda u: u.str.strip(),
    lambda u: u.str.split().str.join(" ").str.casefold(),
    lambda u: u.str.strip().str.rstrip(":").str.lower().map(validation._is_total_label).astype(bool),
    reading._trimmed,
], ids=["strip", "words", "total", "trimmed"])
def test_the_whole_frame_at_once_is_each_column_on_its_own(rows, compute):
    rng = np.random.default_rng(rows)
    frame = pd.DataFrame({f"c{j}": rng.choice(_TEXTS, rows) for j in range(7)}).astype(str)
    frame.columns = ["a", "b", "a", "Datum", "d", "e", "f"]  # (a heading twice, as a case system writes one)
    frame.index = np.arange(rows) * 3 + 5
    pd.testing.assert_frame_equal(per_distinct_cells(frame, compute), _column_by_column(frame, compute))
    assert (privacy.may_hold_personnummer_cells(frame) == _may_hold_column_by_column(frame)).all()


def test_a_frame_without_rows_or_columns():
    for frame in (pd.DataFrame({"a": pd.Series([], dtype=str)}), pd.DataFrame(index=[0, 1])):
        pd.testing.assert_frame_equal(per_distinct_cells(frame, lambda u: u.str.strip()),
                                      _column_by_column(frame, lambda u: u.str.strip()))
        assert privacy.may_hold_personnummer_cells(frame).shape == frame.shape


def _messy(n: int = 70) -> list[dict]:
    """Participants with many problems: codes written out, a misspelt heading, dates no dates, an Excel error,
    a personnummer in a column of the evaluator's own, a page break and a note under the list."""
    rows = []
    for i in range(1, n + 1):
        rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i % 30,
                     "start_date": f"2022-{1 + i % 12:02d}-0{1 + i % 9}", "end_date": "",
                     "outcome": "", "action_plan": "ja", "hushalstyp": "ensamstående", "Anteckning": ""})
    for i, text in ((2, "Fått anställning"), (3, "Fått anställning"), (4, "Fått anställning"), (5, "Börjat studera"),
                    (6, "Flyttat"), (7, "Pågår")):
        rows[i].update(end_date="2022-12-01", outcome=text)
    rows[8].update(sex="K", birth_year="nittonåttio", start_date="2022-13-01", end_date="#N/A")
    rows[9].update(Anteckning="ringde 811218-9876")
    rows[10].update(start_date="45123")
    rows[11] = {k: k for k in rows[0]}  # the next page's headings
    rows[12] = {k: ("Sida 1 av 2" if k == "person_id" else "") for k in rows[0]}
    rows.append({k: ("OBS! en deltagare avbröt anställningen efter tre månader" if k == "person_id" else "") for k in rows[0]})
    return rows


def _noted(n: int = 70) -> list[dict]:
    """Participants the validation reads, with notes for the evaluator: a page break, a column of the evaluator's
    own."""
    rows = [{k: v for k, v in r.items() if k != "hushalstyp"} for r in _messy(n)]
    for r in rows[1:11]:
        r.update(outcome="", end_date="", sex="man", birth_year=1980, start_date="2022-03-01", Anteckning="")
    rows[11] = {k: k for k in rows[0]}
    return rows[:-1]


def _widened(rows: list[dict], extra: int) -> pd.DataFrame:
    """``rows`` with ``extra`` columns of the evaluator's own ('Fält 0', ...): 'Ja' or empty, their heading on a
    page's heading row, empty on a page's line and on the note under the list."""
    df = pd.DataFrame(rows)
    ids = df["person_id"].astype(str)
    def cell(i: int, j: int) -> str:
        if ids[i] == "person_id":
            return f"Fält {j}"
        return "" if ids[i].startswith(("Sida", "OBS")) or (i + j) % 3 == 0 else "Ja"
    more = pd.DataFrame({f"Fält {j}": [cell(i, j) for i in range(len(df))] for j in range(extra)})
    return pd.concat([df, more], axis=1)


@pytest.mark.parametrize("shape", ["narrow", "wide", "xlsx", "noted", "noted_wide"])
def test_the_messages_of_a_file_with_many_problems_are_as_before(tiny_project, former_way, shape):
    if shape.startswith("noted"):
        path_name = "participants.csv"
        write_csv(tiny_project.dir / "data" / path_name, _widened(_noted(), 0 if shape == "noted" else 150))
    elif shape == "xlsx":
        rows = _messy()
        book, sheet = excel_sheet(list(rows[0]), [list(r.values()) for r in rows], title="Deltagare 2022")
        sheet.append(["Totalt", 70])  # (a totals row, and a hidden column, as Excel users keep a list)
        sheet.column_dimensions["H"].hidden = True
        path_name = "participants.xlsx"
        book.save(tiny_project.dir / "data" / path_name)
    else:
        path_name = "participants.csv"
        write_csv(tiny_project.dir / "data" / path_name, _widened(_messy(), 0 if shape == "narrow" else 150))
    path = params_with_files(tiny_project, participants=path_name)
    now = _problems(path)
    former_way()
    before = _problems(path)
    assert now == before
    keys = {p[3] for p in now}
    # (the fixture's problems are found at all: a comparison of two empty lists would prove nothing)
    assert keys >= ({"rows.page_breaks", "column.unread"} if shape.startswith("noted") else
                    {"person.personnummer_own_column", "column.free_text_codes", "cell.bad"}), keys
    assert len(now) >= 4


def test_the_columns_not_read_change_no_message_of_the_columns_read(tiny_project):
    """Widened by 400 columns of its own, a file's problems are those of the narrow file, row by row and
    column by column; only the note naming the columns not read, and the file's headings a missing column's
    message lists, differ."""
    data = tiny_project.dir / "data"
    write_csv(data / "narrow.csv", _widened(_messy(), 0))
    write_csv(data / "wide.csv", _widened(_messy(), 400))
    narrow = _problems(params_with_files(tiny_project, participants="narrow.csv"))
    wide = _problems(params_with_files(tiny_project, participants="wide.csv"))
    def same(found):
        # (the headings listed, in both languages, and the closest ones suggested, are the file's own)
        return [(*p[:5], tuple(v for v in p[5] if v[0] not in ("found", "found_sv", "found_en", "closest")))
                for p in found if p[3] != "column.unread"]
    assert same(narrow) == same(wide) and len(same(narrow)) >= 8


def test_a_column_more_costs_no_pass_of_its_own(tiny_project, monkeypatch):
    """The cells of a file are looked at in passes over the whole file: the count of passes does not grow with its
    columns (it grew by five or more for each column: 3 000 columns and 4 rows took half a minute)."""
    calls = []
    def counted(f):
        def wrapper(*a, **k):
            calls.append(f.__name__)
            return f(*a, **k)
        wrapper.__name__ = f.__name__
        return wrapper
    for module in (reading, validation):
        monkeypatch.setattr(module, "per_distinct", counted(per_distinct))
    monkeypatch.setattr(privacy, "may_hold_personnummer", counted(privacy.may_hold_personnummer))
    data = tiny_project.dir / "data"
    rows = _messy(20)[:6]
    counts = []
    for extra in (5, 300):
        write_csv(data / f"p{extra}.csv", _widened(rows, extra))
        calls.clear()
        _problems(params_with_files(tiny_project, participants=f"p{extra}.csv"))
        counts.append(len(calls))
    assert counts[0] == counts[1] > 0


def _payments_with_problems() -> list[dict]:
    """A payments file of 80 rows with amounts as an accounting export shows them (a dash for 0, a negative
    number in parentheses, a percent), a month no month, an Excel error, a total row and an amount no household
    is paid in a month."""
    rows = [{"person_id": f"P{1 + i % 4}", "month": f"202{2 + i // 12 % 2}-{1 + i % 12:02d}", "amount": 5000 + i}
            for i in range(80)]
    for i, amount in ((3, "-"), (5, "(1 200)"), (7, "20 %"), (9, "#N/A"), (11, "12.000"), (13, 950000)):
        rows[i]["amount"] = amount
    rows[15]["month"] = "2022-13"
    rows.append({"person_id": "Summa", "month": "", "amount": 400000})
    return rows


def test_the_messages_of_a_payments_file_with_many_problems_are_as_before(tiny_project, former_way):
    write_csv(tiny_project.dir / "data" / "payments.csv", _payments_with_problems())
    path = tiny_project()
    now = _problems(path)
    former_way()
    assert now == _problems(path)
    # (the rows with a problem, counted by hand: the header is row 1, rows[i] is row i + 2, the total row 82)
    assert {p[0] for p in now if p[4] == "error"} >= {5, 7, 9, 11, 13, 15, 17, 82}, now
