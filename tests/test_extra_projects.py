"""The tests pass whatever projects an evaluator adds to params/ and data/.

The tests that look at the project folders run again, in a copy of the repository where an
extra project (with real-looking files and a broken params file) sits beside the samples.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .conftest import PARTICIPANT_ROWS, ROOT

FOLDER_TESTS = [
    "tests/test_plots.py::test_portfolio_chart_keeps_titles_and_names_inside",
    "tests/test_cli.py::test_list",
    "tests/test_cli.py::test_usage_errors_exit_2",
    "tests/test_samples.py::test_no_personal_data_in_sample_files",
    "tests/test_samples.py::test_generator_is_deterministic",
]


def test_an_extra_project_in_params_and_data_breaks_no_test(tmp_path):
    copy = tmp_path / "repo"
    for name in ("tests", "params", "data", "scripts", "notebooks"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("pyproject.toml", "environment.yml"):
        shutil.copy2(ROOT / name, copy / name)
    # an evaluator's own project: a Windows-1252 CSV with dates written the Swedish way, and a
    # second params file that does not load
    own = copy / "data" / "mitt-projekt"
    own.mkdir()
    rows = "".join(f"{r[0]};{r[1]};{r[2]};{r[3]};{r[4]};{r[5]};{r[6]};Härnösand\r\n" for r in PARTICIPANT_ROWS)
    (own / "participants.csv").write_bytes(
        ("person_id;sex;birth_year;household_type;start_date;end_date;outcome;kommun\r\n" + rows).encode("cp1252"))
    (copy / "params" / "mitt-projekt.yaml").write_text(
        "id: mitt-projekt\ntitle: Mitt projekt\nforbund: F\nowner: K\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
        "data:\n  participants: ../data/mitt-projekt/participants.csv\n", encoding="utf-8")
    (copy / "params" / "trasigt.yaml").write_text("id: trasigt\ntitle: [\n", encoding="utf-8")
    env = {**os.environ, "EVALTOOLS_ROOT": str(copy), "MPLBACKEND": "Agg"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FOLDER_TESTS],
                         cwd=copy, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"{len(FOLDER_TESTS)} passed" in run.stdout
