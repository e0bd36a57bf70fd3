from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT / "params"
# The sample projects, by name: tests never depend on what else an evaluator keeps in params/ and data/.
SAMPLE_PROJECTS = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan",
                   "nasta-steg", "samverkan-i-praktiken")

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
E2E_FIXTURES = {"rendered", "rendered_en", "corpus", "hostile", "exported", "probe"}
E2E_FILES = {"test_kernels.py", "test_extra_projects.py", "test_bad_files.py"}
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
}


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: an end-to-end test (renders reports, starts kernels or notebooks)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        name = getattr(item, "originalname", None) or item.name
        if (E2E_FIXTURES & set(getattr(item, "fixturenames", ())) or item.path.name in E2E_FILES
                or name in E2E_TESTS):
            item.add_marker(pytest.mark.slow)


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


def write_csv(path: Path, rows: list[dict] | pd.DataFrame) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    df.to_csv(path, index=False)
    return path


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
