from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import sys
import textwrap
import types
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

# The environment the command gives the processes that run reports (one thread for the linear-algebra libraries,
# evaltools.publish.kernels.kernel_environment) is this run's too, set before numpy is first imported: the tests
# build reports in their own processes, two or more side by side, and a thread waiting for a busy core spins
# (the regression-heavy test files took a fifth more CPU time with a thread per core).
from evaltools.publish.kernels import kernel_environment  # (imports neither numpy nor pandas)

for _name, _value in kernel_environment().items():
    os.environ.setdefault(_name, _value)

# As in the renderer's processes (evaltools/publish/render.py): jsonschema, imported with nbformat by some
# test files, would load the optional IRI checker rfc3987_syntax, which compiles a grammar at import
# (about 0.6 CPU-s in every worker); nothing here validates the "iri" format.
sys.modules.setdefault("rfc3987_syntax", None)

import pandas as pd  # noqa: E402 - after the environment above
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT / "params"
# The sample projects, by name: tests never depend on what else an evaluator keeps in params/ and data/.
SAMPLE_PROJECTS = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan",
                   "nasta-steg", "samverkan-i-praktiken")
# every sample, the one with a comparison group and a survey too: what ``sample_reports`` renders
RENDERED_SAMPLES = (*SAMPLE_PROJECTS, "sprangbradan-demo")

@pytest.fixture(autouse=True)
def _a_day_after_every_fixture(monkeypatch):
    """The tests do not depend on the machine's date: a project is refused where its ``data_as_of`` is after the day it
    is loaded (``evaltools.data.project._today``), and the fixtures' projects, written on different days, follow
    projects up to 2027. They are loaded as if on 2030-01-01; a test of that refusal sets its own day."""
    import datetime as dt

    from evaltools.data import project
    monkeypatch.setattr(project, "_today", lambda: dt.date(2030, 1, 1))


PARTICIPANT_ROWS = [
    # person_id, sex, birth_year, household_type, start_date, end_date, outcome
    ("P1", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete"),
    ("P2", "man", 1975, "sambo_med_barn", "2022-03-15", "2022-12-01", "kvar_försörjningsstöd"),
    ("P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01", "", ""),
    ("P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01", "sjuk_aktivitetsersättning"),
]


# End-to-end tests (reports rendered, kernels or notebooks started, the suite run in a copy) are
# marked ``slow``: ``pytest -m "not slow"`` runs the rest in about a minute, ``pytest -m slow`` only
# these. A test is end to end when it uses one of these fixtures, lives in one of these files or
# has one of these names.
E2E_FIXTURES = {"rendered", "rendered_en", "corpus", "hostile", "exported", "probe", "sample_reports", "sample_reports_en",
                "page_ones"}
E2E_FILES = {"test_kernels.py", "test_extra_projects.py", "test_bad_files.py", "test_render_not_computable_67.py"}
E2E_TESTS = {
    "test_failing_notebook_is_kept_for_inspection",
    "test_html_only_needs_no_pdf_printer_and_a_missing_printer_still_delivers_html",
    "test_rendering_some_formats_or_another_language_keeps_the_rest",
    "test_project_where_no_participant_has_ended_yet_renders",
    "test_a_draft_says_utkast_on_every_pdf_page_and_in_the_index",
    "test_a_report_with_ordinary_figures_still_renders_and_a_hostile_one_publishes_no_number",
    "test_partial_output_of_a_killed_render_is_removed_on_the_next_run",
    "test_readme_snippet_runs_from_the_repository_root_and_from_notebooks",
    "test_explore_notebook_runs_without_errors_or_warnings",
    "test_failing_project_leaves_others_and_its_old_report",
    "test_english_report",
    "test_project_with_no_exit_from_social_assistance_shows_the_cost_only",
    "test_a_status_file_that_cannot_be_written_does_not_stop_a_batch",
    "test_a_corrupt_status_file_is_skipped_and_replaced",
    "test_a_report_rendered_for_a_batch_leaves_its_row_for_the_portfolio",
}


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: an end-to-end test (renders reports, starts kernels or notebooks)")


def pytest_collection_finish(session):
    """Once the tests are collected (in each worker): what is alive now (the imported libraries, the
    collected tests) is set aside from the cycle collector, and the youngest generation is collected
    after 50 000 new containers instead of 700. The tests build hundreds of projects and reports, each
    allocating hundreds of thousands of containers (a payments file's rows); with Python's default
    thresholds the full collections scanned the whole process again and again (measured: three files of
    report-building tests 81-83 s, 60-71 s with this). Memory is still freed by reference counting."""
    import gc
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


# The test files that read the samples' report objects (``sample_report``): under ``make test``
# (``--dist loadfile``) they are one unit of work, run one after another in one process (see
# ``pytest_xdist_make_scheduler``), so that each sample's report and its analyses (above all the
# honest-DiD bounds of the two samples with a comparison group, which the analysis keeps for the
# process) are computed once per run instead of once in every process.
SAMPLE_REPORT_GROUP = "sample-reports"
SAMPLE_REPORT_FILES = frozenset({
    "test_style.py", "test_glossary.py", "test_one_voice.py", "test_board_reading.py", "test_board_faults.py",
    "test_economics.py", "test_deadweight_of_whom.py", "test_exits_named_by_code.py", "test_method_appendix.py",
    "test_sections.py", "test_figures.py", "test_register.py", "test_findings.py", "test_honest.py",
    "test_one_account.py", "test_kinds.py", "test_survey_test_in_appendix.py", "test_structural_requirement_words.py",
    "test_sources.py", "test_page_one_measured.py"})


def _unit(file_name: str) -> str:
    """The unit of work a test file belongs to: its own file, or the group that reads the sample reports."""
    return SAMPLE_REPORT_GROUP if file_name in SAMPLE_REPORT_FILES else file_name


@pytest.hookimpl(optionalhook=True)  # (a hook of pytest-xdist: ignored where it is not installed)
def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadfile``: each test file is one unit of work, as pytest-xdist makes them,
    except that the files of ``SAMPLE_REPORT_GROUP`` are one unit together. (pytest-xdist's own
    ``--dist loadgroup`` would need an ``xdist_group`` mark on every test, and with this pytest it
    does not group: it renames the tests through an attribute pytest no longer reads.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SampleReportGrouping(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return SAMPLE_REPORT_GROUP if _unit(path.rsplit("/", 1)[-1]) == SAMPLE_REPORT_GROUP else path

    return SampleReportGrouping(config, log)


# The longest units of work (by their time in a whole run), longest first: they run first, so that no
# worker ends a parallel run alone with a long one (``make test`` hands out whole files, and the files
# of ``SAMPLE_REPORT_GROUP`` as one, in the order collected, ``--no-loadscope-reorder``; the files not
# named here, each a few seconds at most, follow in the order collected and fill the end of the run). The
# two that read the shared rendered sample reports start the run, one on each worker, so that the two
# workers render the two languages side by side. (Measured with ``--junitxml``, summed by file: every
# file of about 20 s or more under a load of about 13 on two cores, about 4 s or more on an idle machine.)
LONG_FILES = ("test_report.py", "test_docx.py", SAMPLE_REPORT_GROUP, "test_differencing.py", "test_explore.py",
              "test_board_reading_11.py", "test_small_projects.py", "test_kernels.py", "test_honest_speed.py",
              "test_sweep_new_inputs.py", "test_page_breaks_5.py", "test_wheel.py", "test_comparison.py",
              "test_narrative.py", "test_page_one_lengths.py", "test_board_reading_32.py", "test_windows.py",
              "test_page_one_lengths_2.py", "test_board_reading_10.py", "test_honest_unsolved.py",
              "test_unseen_projects_26.py", "test_cli.py", "test_did_reading_15.py", "test_bad_files.py",
              "test_word_finishing_4.py", "test_board_reading_4.py", "test_extra_projects.py", "test_board_reading_12.py",
              "test_portfolio_entries.py", "test_board_reading_8.py", "test_board_reading_6.py", "test_costbenefit.py",
              "test_safety.py", "test_unseen_projects.py", "test_board_reading_7.py", "test_long_words.py",
              "test_render_side_by_side.py", "test_new_goals_everywhere.py", "test_word_and_excel.py",
              "test_closed_output.py")


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(LONG_FILES)}
    items.sort(key=lambda item: rank.get(_unit(item.path.name), len(rank)))  # (stable: a file's tests keep their order)
    for item in items:
        name = getattr(item, "originalname", None) or item.name
        if (E2E_FIXTURES & set(getattr(item, "fixturenames", ())) or item.path.name in E2E_FILES
                or name in E2E_TESTS):
            item.add_marker(pytest.mark.slow)


@functools.cache
def _params_language(pid: str) -> str:
    import evaltools as et
    return et.load_params(PARAMS / f"{pid}.yaml").language


def sample_report(pid: str, lang: str | None = None):
    """The :class:`evaltools.Report` of the sample ``pid`` in ``lang`` (default: its params file's
    language), made once per test process: every test that asks gets the same object, so its results
    are computed once. Read it, never change it (no ``narrative =``, no attribute set, no table changed
    in place): a test that changes a report makes its own with ``et.Report(...)``.

    ``et.Report(et.load_project(path), lang=lang)`` is this same report: a project that loads does
    not depend on the language asked of :func:`evaltools.load_project`, which only chooses the language
    of its error messages (``tests/test_io.py`` checks it)."""
    return _sample_report(pid, lang or _params_language(pid))


@functools.cache
def _sample_report(pid: str, lang: str):
    import evaltools as et  # (the package is imported by the tests that ask, not by every test run)
    return et.Report(PARAMS / f"{pid}.yaml", lang=lang)


@functools.cache
def sample_project(pid: str):
    """The sample ``pid`` loaded by :func:`evaltools.load_project` (``project.with_params(...)`` gives a
    changed copy), once per test process. Read it, never change it (no table changed in place)."""
    import evaltools as et
    return et.load_project(PARAMS / f"{pid}.yaml")


@functools.cache
def _portfolio_rows(pid: str, lang: str) -> tuple[dict, list[dict]]:
    """The sample ``pid``'s portfolio row and goal rows in ``lang``, as :class:`Portfolio` computes them from its
    loaded project, once per test process for every portfolio of samples that holds it."""
    from evaltools.present import portfolio
    project = sample_project(pid)
    return portfolio._row(project, lang), portfolio.goal_rows(project, lang)


@functools.cache
def sample_portfolio(pids: tuple[str, ...], lang: str):
    """The :class:`evaltools.present.portfolio.Portfolio` of the samples ``pids`` (in that order) in
    ``lang``, made once per test process; each sample's rows are computed once for every such portfolio
    (the portfolio computes a project's rows from the project alone). Read it, never change it."""
    from evaltools.data.errors import EvaltoolsError
    from evaltools.present import portfolio
    parts = {}
    for pid in pids:  # (computed before the portfolio's own functions are replaced by the rows they gave)
        with contextlib.suppress(EvaltoolsError):  # (a sample that does not load is listed by the portfolio)
            parts[pid] = _portfolio_rows(pid, lang)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(portfolio, "load_project", lambda path: sample_project(Path(path).stem))
        # (the goal table the portfolio assesses once for both is not needed: the rows are computed already)
        mp.setattr(portfolio, "assess_goals", lambda project, lang: types.SimpleNamespace(table=None))
        mp.setattr(portfolio, "_row", lambda project, lang, **_: dict(parts[project.params.id][0]))
        mp.setattr(portfolio, "goal_rows", lambda project, lang, *_: [dict(g) for g in parts[project.params.id][1]])
        return portfolio.Portfolio([PARAMS / f"{pid}.yaml" for pid in pids], lang=lang)


def shown_chunks(blocks: list[list]) -> list[str]:
    """What a section's blocks show, chunk by chunk: headings, paragraphs, table columns, cells and
    notes, chart alt texts (the evaluator's own Markdown is shown as HTML and is not among them)."""
    from evaltools.present.display import Table, Text
    out = []
    for block in blocks:
        for part in block:
            if isinstance(part, Text):
                out += [part.heading or "", *part.paragraphs]
            elif isinstance(part, Table):
                out += [*map(str, part.frame.columns), *part.frame.astype(str).to_numpy().ravel(), *part.notes]
            elif part is not None:
                out.append(str(getattr(part, "alt", "") or ""))
    return out


# The one goal of a sweep's project, whose kind, label, target and further lines (``%s`` each, in that order) each test
# fills in; the project's own lines come before it (``PARAMS = """id: …\n""" + ONE_GOAL``).
ONE_GOAL = """\
goals:
  - id: mål
    kind: %s
    label: %s
    target: %s
    period: whole_period
%s"""


# The printed page, laid out by the PDF printer: what the page-break and margin tests read.
MM = 25.4 / 96  # millimetres per CSS pixel


def printed_page(html: str, lang: str = "sv"):
    """WeasyPrint's laid-out document of the report's own page (:func:`evaltools.publish.render.notebook_to_html`)
    around ``html``, one notebook output."""
    import nbformat

    from evaltools.publish import render
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "x"})])])
    return render.import_weasyprint().HTML(string=render.notebook_to_html(nb, lang, "Test")).render()


def layout_boxes(box):
    """``box`` and every box laid out inside it, depth first."""
    yield box
    for child in getattr(box, "children", ()):
        yield from layout_boxes(child)


def page_text_boxes(document) -> list[list[tuple[str, float, float]]]:
    """Each page's text boxes (text, top, bottom in mm)."""
    return [[(b.text, b.position_y * MM, (b.position_y + b.height) * MM) for b in layout_boxes(p._page_box)
             if type(b).__name__ == "TextBox"] for p in document.pages]


def page_of(pages: list[list[tuple[str, float, float]]], text: str) -> int:
    """The first page (from 0) with a box holding ``text``."""
    return min(i for i, boxes in enumerate(pages) for t, *_ in boxes if text in t)


def write_csv(path: Path, rows: list[dict] | pd.DataFrame) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    df.to_csv(path, index=False)
    return path


def excel_sheet(header: list[str], rows: list[list], *, title: str | None = None, sheet: str = "participants"):
    """A workbook whose one sheet ``sheet`` holds a list as an evaluator's Excel keeps it: the optional ``title``
    row above ``header``, then ``rows``; every date (``datetime``) a date cell shown ``yyyy-mm-dd``. Returns the
    workbook and the sheet, unsaved, for the caller's finishing (a filter, a table, frozen panes)."""
    import datetime as dt  # (only the Excel-made projects need it)

    import openpyxl  # (only the Excel-made projects need it)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title is not None:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
        for col, value in enumerate(row, 1):
            if isinstance(value, dt.datetime):
                ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    return wb, ws


def excel_participants(path: Path, title: str, header: list[str], rows: list[list]) -> Path:
    """The participants sheet of a workbook as an evaluator's Excel saves an extract from the case system: a
    title row above the header, then ``rows`` (:func:`excel_sheet`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb, _ = excel_sheet(header, rows, title=title)
    wb.save(path)
    return path


def demo_comparison_project(folder: Path, project_id: str, seed: int, n_participants: int, n_comparison: int,
                            true_effect: float, comparison: str = "{anticipation_months: 3}") -> Path:
    """The synthetic demo project (:func:`evaltools.data.synthetic.demo_project`: participants, payments and a
    comparison group with its payments) drawn with ``seed`` into ``folder``, 2021–2023, with the params line
    ``comparison`` (the DiD's settings); returns the params file."""
    from evaltools.data import synthetic  # (only the tests of the DiD need it)
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in synthetic.demo_project(seed, n_participants=n_participants, n_comparison=n_comparison,
                                           project_id=project_id, true_effect=true_effect).items():
        df.to_csv(folder / f"{name}.csv", index=False)
    path = folder / "p.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: {project_id}
        title: {project_id}
        forbund: "-"
        owner: "-"
        period: {{start: 2021-01-01, planned_end: 2023-12-31}}
        data_as_of: 2025-06-30
        data:
          participants: participants.csv
          payments: payments.csv
          comparison: {{persons: comparison.csv, payments: comparison_payments.csv}}
        comparison: {comparison}
        """), encoding="utf-8")
    return path


def save_formula_results(path: Path, results: dict[str, object], *, text: bool = False) -> None:
    """Give formula cells on the first sheet of the workbook ``path`` the result Excel saves with them;
    openpyxl writes the formula only. With ``text`` the results are text, as Excel writes a text result
    (``<c t="str"><f>…</f><v>text</v></c>``, an empty one as ``<v></v>``). The workbook loses openpyxl's mark
    to be calculated when opened (``fullCalcOnLoad``), as Excel saves it."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode("utf-8")
                for ref, v in results.items():
                    if text:
                        xml, n = re.subn(rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)<v\s*>\s*</v>',
                                         rf'<c r="{ref}"\1 t="str">\2<v>{v}</v>', xml)
                    else:
                        xml, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                                         rf"\1\2<v>{v}</v>", xml)
                    assert n == 1, ref
                data = xml.encode("utf-8")
            elif item.filename == "xl/workbook.xml":
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            zout.writestr(item, data)
    shutil.move(tmp, path)


def participants_frame(rows=PARTICIPANT_ROWS) -> pd.DataFrame:
    cols = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
    return pd.DataFrame(rows, columns=cols)


@pytest.fixture
def tiny_project(tmp_path: Path):
    """A minimal valid project in tmp_path; returns a function that writes params with overrides."""
    data = tmp_path / "data"
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
        {"period": "2022", "category": "Summa", "budget": 120000, "actual": 115000},
    ])
    write_csv(data / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-02", "amount": "8 500,50"},
        {"person_id": "P2", "month": "2022-02", "amount": 12000},
    ])

    def make(extra: str = "", data_block: str | None = None) -> Path:
        block = data_block if data_block is not None else textwrap.dedent("""\
            data:
              participants: data/participants.csv
              payments: data/payments.csv
              budget: data/budget.csv
            """)
        text = textwrap.dedent("""\
            id: tiny
            title: Litet testprojekt
            forbund: Testförbundet
            owner: Testkommun
            period: {start: 2022-01-01, planned_end: 2023-12-31}
            """) + block + textwrap.dedent(extra)
        p = tmp_path / "tiny.yaml"
        p.write_text(text, encoding="utf-8")
        return p

    make.dir = tmp_path
    return make


def params_with_files(tiny_project, **files: str) -> Path:
    """The tiny project's params naming only ``files`` (``participants="p.xlsx"``: data/p.xlsx)."""
    return tiny_project(data_block="data:\n" + "".join(f"  {k}: data/{v}\n" for k, v in files.items()))


# the line of the params file a problem is on, before its place ("  - rad 7, granted_sek: …")
_AT_LINE = re.compile(r"^(\s*-\s*)?(?:rad|line) \d+, (?!kolumn|column)", re.M)


def without_lines(text: str) -> str:
    """A params file's problems (one, or a refusal of several lines) without the line each is on, for a test of what
    a problem says rather than where: "  - granted_sek: …" for "  - rad 7, granted_sek: …" (the lines themselves are
    tested in test_params_lines_69)."""
    return _AT_LINE.sub(lambda m: m.group(1) or "", text)


def params_refusal(params: Path, lang: str = "sv", lines: bool = False) -> str:
    """The message the params file ``params`` is refused with, in ``lang`` (the test fails where it loads); without
    the line each problem is on unless ``lines`` (:func:`without_lines`)."""
    import evaltools as et
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as e:
        et.load_project(params, lang=lang)
    said = e.value.message(lang)
    return said if lines else without_lines(said)


def load_problems(params: Path, lang: str = "sv") -> list:
    """The problems the project's data files are refused with (the test fails where they load)."""
    import evaltools as et
    from evaltools.data.errors import DataValidationError
    with pytest.raises(DataValidationError) as e:
        et.load_project(params, lang=lang)
    return e.value.problems


# --- made once per test run, shared by every test file and every pytest-xdist worker ---------------

def _shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's temporary folder of this run, above every worker's own (popen-gw0, popen-gw1, ...)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _make_shared(root: Path, name: str, make: Callable[[Path], None]) -> bool:
    """Make the shared folder ``name`` unless another worker has begun to; whether this one made it."""
    try:
        (root / f"{name}.lock").mkdir()  # atomic on every system: one worker wins
    except FileExistsError:
        return False
    try:
        (root / name).mkdir()
        make(root / name)
    except BaseException as e:
        (root / f"{name}.failed").write_text(f"{type(e).__name__}: {e}", encoding="utf-8")
        raise
    (root / f"{name}.done").touch()
    return True


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None],
                  meanwhile: Callable[[], object] | None = None, timeout: float = 1800) -> Path:
    """The folder ``name``, made by ``make(folder)`` once per test run and shared by every worker.

    The folder lies beside the workers' own temporary folders (in pytest's temporary folder of
    this run). The first worker to ask makes it; the others wait until it is done and use the same
    folder (calling ``meanwhile()`` first, if given: something else they will need). Whoever uses it
    must not change it. A failure to make it fails every test that asks for it.
    """
    root = _shared_root(tmp_path_factory)
    if _make_shared(root, name, make):
        return root / name
    if meanwhile is not None:
        with contextlib.suppress(Exception):  # (its own failure is reported to whoever needs it)
            meanwhile()
    deadline = time.monotonic() + timeout
    while not (root / f"{name}.done").exists():
        if (root / f"{name}.failed").exists():
            why = (root / f"{name}.failed").read_text(encoding="utf-8")
            pytest.fail(f"{name} could not be made (by another worker): {why}")
        if time.monotonic() > deadline:
            pytest.fail(f"{name} was not made within {timeout:.0f} s (by another worker)")
        time.sleep(0.2)
    return root / name


def _copy_samples(dest: Path) -> None:
    """The samples' own params, texts and data, as a project folder: tests render these, never the
    checkout's params/ and data/, where an evaluator may keep other projects."""
    (dest / "params" / "text").mkdir(parents=True)
    for pid in RENDERED_SAMPLES:
        shutil.copy2(PARAMS / f"{pid}.yaml", dest / "params")
        for text in (PARAMS / "text").glob(f"{pid}.*"):
            shutil.copy2(text, dest / "params" / "text")
        if (ROOT / "data" / pid).is_dir():
            shutil.copytree(ROOT / "data" / pid, dest / "data" / pid)


@pytest.fixture(scope="session")
def sample_params(tmp_path_factory) -> Path:
    """The params folder of a copy of every sample (``RENDERED_SAMPLES``) with its data; shared, not
    to be changed (copy it to change it)."""
    return shared_folder(tmp_path_factory, "samples", _copy_samples) / "params"


@dataclass(frozen=True)
class RenderedSamples:
    """Every sample rendered in one language by :func:`evaltools.publish.render.render_many`, with the
    portfolio of them all: the reports folder ``out``, the params folder they were rendered from and
    the results by project id. Shared by the whole run: read it, never write into it."""

    out: Path
    params: Path
    results: dict
    formats: tuple[str, ...]
    lang: str


SAMPLE_FORMATS = {"sv": ("html", "pdf", "xlsx", "csv", "docx"), "en": ("html", "pdf", "csv-data", "docx")}


def _render_samples(params: Path, lang: str, zygote) -> Callable[[Path], None]:
    """What makes the shared folder of the samples rendered in ``lang`` (the results beside it), with
    kernels forked from the worker's zygote (``zygote()``, started only by the worker that renders)."""
    def make(out: Path) -> None:
        from evaltools.publish import kernels, render
        with pytest.MonkeyPatch.context() as mp:
            if (started := zygote()) is not None:
                mp.setenv(kernels.ENV_ADDRESS, started.address)
            results = render.render_many([params / f"{p}.yaml" for p in RENDERED_SAMPLES], out, SAMPLE_FORMATS[lang],
                                         lang=lang, jobs=2, progress=False, portfolio=True)
        (out.parent / f"{out.name}.json").write_text(json.dumps([asdict(r) for r in results]), encoding="utf-8")
    return make


def _rendered_samples(tmp_path_factory, params: Path, lang: str, zygote) -> RenderedSamples:
    from evaltools.publish import render
    formats = SAMPLE_FORMATS[lang]
    root = _shared_root(tmp_path_factory)
    # while another worker renders this language, this one renders the other (if nobody has begun it)
    others = [other for other in SAMPLE_FORMATS if other != lang]
    out = shared_folder(tmp_path_factory, f"reports-{lang}", _render_samples(params, lang, zygote),
                        meanwhile=lambda: [_make_shared(root, f"reports-{o}", _render_samples(params, o, zygote))
                                           for o in others])
    results = [render.RenderResult(**r) for r in json.loads((out.parent / f"{out.name}.json").read_text(encoding="utf-8"))]
    return RenderedSamples(out, params, {r.project_id: r for r in results}, formats, lang)


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory, sample_params, request) -> RenderedSamples:
    """Every sample and their portfolio in Swedish (HTML, PDF, workbook, CSV and Word), rendered once per
    test run."""
    return _rendered_samples(tmp_path_factory, sample_params, "sv",
                             lambda: request.getfixturevalue("_kernel_zygote"))


@pytest.fixture(scope="session")
def sample_reports_en(tmp_path_factory, sample_params, request) -> RenderedSamples:
    """Every sample and their portfolio in English (HTML, PDF, machine-readable CSV and Word), rendered
    once per test run; the reports are in ``out / pid / "en"``."""
    return _rendered_samples(tmp_path_factory, sample_params, "en",
                             lambda: request.getfixturevalue("_kernel_zygote"))


# --- one kernel zygote per worker ---------------------------------------------------------------

@pytest.fixture(scope="session")
def _kernel_zygote():
    """The worker's kernel zygote (:class:`evaltools.publish.kernels.KernelZygote`), started on first use
    and stopped at the end of the run; None where warm kernels are not supported."""
    from evaltools.publish import kernels
    if not kernels.supported():
        yield None
        return
    zygote = kernels.KernelZygote()
    yield zygote
    zygote.stop()


@pytest.fixture
def worker_zygote(_kernel_zygote, monkeypatch):
    """Every report this test renders in-process gets a new kernel forked from the worker's zygote
    (started once per worker) instead of a cold kernel per report or a zygote per batch: each report
    still runs every cell in a kernel process of its own, as in ``evaltools render``. Not for tests
    of the kernels themselves (cold kernels, no zygote), nor for tests that set ``EVALTOOLS_ROOT``
    or run the command in another process or another installation: the zygote imported the toolkit
    from this checkout, with this run's environment."""
    from evaltools.publish import kernels
    if _kernel_zygote is not None:
        monkeypatch.setenv(kernels.ENV_ADDRESS, _kernel_zygote.address)
    return _kernel_zygote
