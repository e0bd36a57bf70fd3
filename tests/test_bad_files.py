"""A corpus of bad and unusual input files run through the command line, as an evaluator runs it.

``validate`` and ``render`` must answer every data problem with a message that names the file
(and the row, where there is one), never with a traceback; and what ``validate`` accepts,
``render`` renders.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from .conftest import PARTICIPANT_ROWS

HEADER = "person_id,sex,birth_year,household_type,start_date,end_date,outcome"


def _csv(rows=PARTICIPANT_ROWS, header=HEADER) -> str:
    return header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows)


def _replace(i: int, **changes) -> list[tuple]:
    cols = HEADER.split(",")
    rows = [list(r) for r in PARTICIPANT_ROWS]
    for k, v in changes.items():
        rows[i][cols.index(k)] = v
    return [tuple(r) for r in rows]


def _xlsx(path: Path, rows: list[list], title: str = "Sheet", hidden: int | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    if hidden:
        ws.row_dimensions[hidden].hidden = True
    wb.save(path)
    return path.read_bytes()


PAYMENTS = "person_id,month,amount\nP1,2022-02,9000\nP2,2022-04,8500\n"

# id -> (files {name: text or bytes or callable(path) -> bytes}, extra params, expected in stderr: (file, row or None))
BAD: dict[str, tuple] = {
    "open-end-9999": ({"participants.csv": _csv(_replace(2, end_date="9999-12-31", outcome="arbete"))}, "",
                      ("participants.csv", 4)),
    "year-typo": ({"participants.csv": _csv(_replace(0, start_date="0221-01-09"))}, "", ("participants.csv", 2)),
    "month-typo": ({"participants.csv": _csv(), "payments.csv": PAYMENTS.replace("2022-04", "0202-01")}, "",
                   ("payments.csv", 3)),
    "duplicate-column": ({"participants.csv": _csv(header=HEADER.replace("outcome", "sex"))}, "",
                         ("participants.csv", 1)),
    "empty-file": ({"participants.csv": b""}, "", ("participants.csv", None)),
    "infinite-amount": ({"participants.csv": _csv(), "payments.csv": PAYMENTS.replace("8500", "Infinity")}, "",
                        ("payments.csv", 3)),
    "nan-amount": ({"participants.csv": _csv(), "payments.csv": PAYMENTS.replace("9000", "nan")}, "",
                   ("payments.csv", 2)),
    "lost-zeros": ({"participants.csv": _csv([("00" + r[0][1:],) + r[1:] for r in PARTICIPANT_ROWS]),
                    "payments.csv": "person_id,month,amount\n1,2022-02,9000\n"}, "", ("payments.csv", 2)),
    "start-after-extraction": ({"participants.csv": _csv()}, "data_as_of: 2022-12-31\n", ("participants.csv", 5)),
    "overlap": ({"participants.csv": _csv(PARTICIPANT_ROWS + [("P1", "kvinna", 1980, "ensamstående", "2022-05-01",
                                                               "2022-10-01", "arbete")])}, "", ("participants.csv", 6)),
    "tkr-or-kr": ({"participants.csv": _csv(), "budget.csv": "period,category,budget\nhela,Lön,3800\nhela,Övrigt,220\n"},
                  "granted_sek: 4020000\n", ("budget.csv", None)),
    "hidden-row": ({"participants.xlsx": lambda p: _xlsx(p, [HEADER.split(",")] + [list(r) for r in PARTICIPANT_ROWS],
                                                         hidden=3)}, "", ("participants.xlsx", 3)),
    "formula-without-value": ({"participants.xlsx": lambda p: _xlsx(
        p, [HEADER.split(",")] + [list(r) for r in PARTICIPANT_ROWS[:3]] + [list(PARTICIPANT_ROWS[3][:2]) + ["=2023-55"]
                                                                            + list(PARTICIPANT_ROWS[3][3:])])},
        "", ("participants.xlsx", 5)),
    "sheet-missing-in-one-file": ({
        "participants.xlsx": lambda p: _xlsx(p, [HEADER.split(",")] + [list(r) for r in PARTICIPANT_ROWS], "Data"),
        "payments.xlsx": lambda p: _xlsx(p, [r.split(",") for r in PAYMENTS.split()], "Blad1")},
        "", ("payments.xlsx", None)),
    "label-instead-of-code": ({"participants.csv": _csv(_replace(1, household_type="Sammanboende med barn"))}, "",
                              ("participants.csv", 3)),
}

# accepted as they are (with at most a note), and rendered
GOOD: dict[str, tuple] = {
    "header-only-payments": ({"participants.csv": _csv(), "payments.csv": "person_id,month,amount\n"}, ""),
    "windows-1252-semicolons": ({"participants.csv": _csv().replace(",", ";").encode("cp1252")}, ""),
    "excel-unicode-text": ({"participants.txt": b"\xff\xfe" + _csv().replace(",", "\t").encode("utf-16-le"),
                            "payments.csv": PAYMENTS}, ""),
}


def _write_project(root: Path, pid: str, files: dict, extra: str) -> None:
    data = root / "data" / pid
    data.mkdir(parents=True)
    block = []
    for name, content in files.items():
        path = data / name
        if callable(content):
            content(path)
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        key = name.split(".")[0]
        block.append(f"  {key}: ../data/{pid}/{name}")
    if pid == "sheet-missing-in-one-file":
        block.append("  excel_sheet: Data")
    (root / "params").mkdir(exist_ok=True)
    (root / "params" / f"{pid}.yaml").write_text(textwrap.dedent(f"""\
        id: {pid}
        title: Testprojekt {pid}
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2022-01-01, planned_end: 2023-12-31}}
        """) + extra + "data:\n" + "\n".join(block) + "\n", encoding="utf-8")


def _blocks(text: str, marker: str) -> dict[str, str]:
    """stderr split into one block per project (validate: '✗ id', render: '--- id ---')."""
    out: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        m = re.fullmatch(r"✗ (\S+)", line) if marker == "validate" else re.fullmatch(r"--- (\S+) ---", line)
        if m:
            current = m.group(1)
            out[current] = ""
        elif current:
            out[current] += line + "\n"
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for pid, (files, extra, _where) in BAD.items():
        _write_project(root, pid, files, extra)
    for pid, (files, extra) in GOOD.items():
        _write_project(root, pid, files, extra)
    env = {**os.environ, "EVALTOOLS_ROOT": str(root), "MPLBACKEND": "Agg"}
    run = [sys.executable, "-m", "evaltools"]
    validate = subprocess.run([*run, "validate", "--all"], env=env, capture_output=True, text=True, cwd=root)
    render = subprocess.run([*run, "render", "--all", "--no-portfolio", "--formats", "html", "--quiet", "--jobs", "2"],
                            env=env, capture_output=True, text=True, cwd=root, timeout=900)
    return root, validate, render


def test_no_traceback_anywhere(corpus):
    _root, validate, render = corpus
    for run in (validate, render):
        assert "Traceback" not in run.stderr + run.stdout
        assert run.returncode == 1


@pytest.mark.parametrize("pid", sorted(BAD))
def test_validate_and_render_name_file_and_row(corpus, pid):
    _root, validate, render = corpus
    file, row = BAD[pid][2]
    for block in (_blocks(validate.stderr, "validate")[pid], _blocks(render.stderr, "render")[pid]):
        first = next((line for line in block.splitlines() if line.startswith("  - ")), None)
        assert first is not None and file in first, block
        if row is not None:
            assert f"{file}, rad {row}" in block or f"{file} [Sheet], rad {row}" in block, block
        # the data's own words, not the name of an exception class or the report cell that read the file
        assert not re.match(r"\w+Error: ", block) and "rapportens cell" not in block and "(cell " not in block, block


@pytest.mark.parametrize("pid", sorted(GOOD))
def test_what_validate_accepts_render_renders(corpus, pid):
    root, validate, render = corpus
    assert f"✓ {pid}:" in validate.stdout
    assert re.search(rf"✓ {re.escape(pid)}\s", render.stdout), render.stderr
    assert (root / "reports" / pid / f"{pid}.html").stat().st_size > 10_000
