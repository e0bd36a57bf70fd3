"""The package as a user installs it: a wheel built from the source, installed outside the
repository, creates, validates and renders a project (HTML and PDF) in a folder of its own.

The wheel is installed with ``pip install --no-deps --target`` into a temporary folder and run by
this Python with that folder first on ``PYTHONPATH``, from a folder outside the repository, so
that the repository's own copy (an editable install) is shadowed; the test checks that the
commands really import the wheel's copy. JupyterLab and ipywidgets are made unimportable for the
commands (and kernels started from scratch; tests/test_packaging.py checks that no module imports them):
the renderer must not need them.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import PARTICIPANT_ROWS, ROOT

# what setuptools says when package data lies outside the declared packages, or a setting is outdated
SETUPTOOLS_WARNINGS = re.compile(r"SetuptoolsDeprecationWarning|SetuptoolsWarning|absent from the `packages`|"
                                 r"not declared as packages?|Installing '[\w.]+' as data is deprecated")

# sitecustomize for the installed copy's processes (and its kernels): the lab extra is not there
NO_LAB = "import sys\nfor _name in ('jupyterlab', 'ipywidgets', 'notebook'):\n    sys.modules[_name] = None\n"


def _run(args: list[str], cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the source (the build's own folders stay out of the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "MANIFEST.in", "_build_docs.py"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "docs", src / "docs")
    shutil.copytree(ROOT / "evaltools", src / "evaltools",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp / "dist"), str(src)],
                 tmp, {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    said = built.stdout + built.stderr
    assert not SETUPTOOLS_WARNINGS.search(said), SETUPTOOLS_WARNINGS.search(said)
    (whl,) = (tmp / "dist").glob("finsam_evaltools-*.whl")
    return whl


def test_the_wheel_holds_the_notebooks_templates_catalogs_and_reference_data(wheel):
    import evaltools
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ("evaltools/notebooks/report.ipynb", "evaltools/notebooks/portfolio.ipynb",
                 "evaltools/templates/evalprint/index.html.j2", "evaltools/templates/evalprint/conf.json",
                 "evaltools/templates/html/table.html.j2", "evaltools/locales/sv.yaml", "evaltools/locales/en.yaml",
                 "evaltools/data/riksnorm.csv", "evaltools/data/kpi.csv", "evaltools/data/defaults.csv"):
        assert path in names, path
    # every file the package reads at run time, and nothing of the repository around it
    package = {p.relative_to(ROOT).as_posix() for p in (ROOT / "evaltools").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts}
    assert package <= names, sorted(package - names)[:10]
    assert not [n for n in names if n.startswith(("params/", "data/", "tests/", "notebooks/"))]
    # the documents the messages name (docs/data-contract.md ...), inside the package; not the developers' own
    user_docs = {f"evaltools/docs/{p.name}" for p in (ROOT / "docs").glob("*.md")} - {
        "evaltools/docs/architecture.md", "evaltools/docs/benchmarks.md"}
    assert "evaltools/docs/data-contract.md" in user_docs and user_docs <= names, sorted(user_docs - names)
    assert not {"evaltools/docs/architecture.md", "evaltools/docs/benchmarks.md"} & names
    metadata = zipfile.ZipFile(wheel).read(f"finsam_evaltools-{evaltools.__version__}.dist-info/METADATA").decode()
    assert "Name: finsam-evaltools" in metadata and f"Version: {evaltools.__version__}" in metadata
    assert re.search(r"Requires-Dist: jupyterlab[^\n]*extra == \"lab\"", metadata)
    assert not re.search(r"Requires-Dist: (jupyterlab|ipywidgets)[^;\n]*\n", metadata)  # only with the extra


def _fill_in(params: Path, data: Path) -> None:
    """Fill in what ``evaltools new`` left to the evaluator: the placeholders, and rows in the CSV templates."""
    text = params.read_text(encoding="utf-8")
    for old, new in (("kind: FYLL I individ, struktur eller ansökan", "kind: individ"),
                     ("title: FYLL I projektets namn", "title: Litet projekt"),
                     ("forbund: FYLL I samordningsförbundets namn", "forbund: Samordningsförbundet Test"),
                     ("owner: FYLL I projektägare, till exempel en kommun", "owner: Testkommun"),
                     ("start: FYLL I ÅÅÅÅ-MM-DD", "start: 2022-01-01"), ("planned_end: FYLL I ÅÅÅÅ-MM-DD", "planned_end: 2023-12-31"),
                     ("granted_sek: FYLL I beviljat belopp i kronor", "granted_sek: 120000")):
        assert old in text, old
        text = text.replace(old, new)
    for name in ("participants", "payments", "budget"):
        text = text.replace(f"{name}: ../data/liten/liten.xlsx", f"{name}: ../data/liten/{name}.csv")
    params.write_text(text, encoding="utf-8")
    rows = [",".join(map(str, r)) for r in PARTICIPANT_ROWS]
    (data / "participants.csv").write_text("\n".join(["person_id,sex,birth_year,household_type,start_date,end_date,outcome",
                                                       *rows]) + "\n", encoding="utf-8")
    (data / "payments.csv").write_text("person_id,month,amount\nP1,2022-01,9000\nP1,2022-02,8500\nP2,2022-02,12000\n",
                                       encoding="utf-8")
    (data / "budget.csv").write_text("period,category,budget,actual\n2022,Lön,100000,90000\n2022,Övrigt,20000,25000\n"
                                     "2022,Summa,120000,115000\n", encoding="utf-8")


def test_the_installed_wheel_creates_validates_and_renders_a_project_outside_the_repository(wheel, tmp_path):
    site = tmp_path / "site"
    installed = _run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "--target", str(site), str(wheel)],
                     tmp_path, {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert installed.returncode == 0, installed.stderr[-3000:]
    no_lab = tmp_path / "no-lab"
    no_lab.mkdir()
    (no_lab / "sitecustomize.py").write_text(NO_LAB, encoding="utf-8")
    # the evaluator's folder: a space and å, ä, ö in its name, outside the repository
    work = tmp_path / "Mina utvärderingar" / "Förbundet år 2026"
    work.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k not in ("EVALTOOLS_ROOT", "PYTHONPATH", "EVALTOOLS_KERNEL_ZYGOTE")}
    env.update(PYTHONPATH=os.pathsep.join([str(site), str(no_lab)]), MPLBACKEND="Agg", PYTHONIOENCODING="utf-8")
    python = [sys.executable, "-m", "evaltools"]

    where = _run([sys.executable, "-c", "import importlib.metadata as m, importlib.util as u, evaltools; "
                  "print(evaltools.__file__); print(m.version('finsam-evaltools') == evaltools.__version__); "
                  "print(u.find_spec('jupyterlab') is None, u.find_spec('ipywidgets') is None)"], work, env)
    assert where.returncode == 0, where.stderr
    file, same_version, no_jupyterlab = where.stdout.splitlines()
    assert Path(file).resolve() == (site / "evaltools" / "__init__.py").resolve()  # the wheel's copy, not the checkout
    assert same_version == "True" and no_jupyterlab == "True True"

    made = _run([*python, "new", "liten"], work, env)
    assert made.returncode == 0, made.stderr
    # its lines name docs/data-contract.md, which the evaluator's folder does not have: the command says where it is
    contract = (site / "evaltools" / "docs" / "data-contract.md").resolve()
    assert "docs/data-contract.md" in made.stdout and str(contract) in made.stdout, made.stdout
    shown = _run([*python, "docs", "data-contract"], work, env)
    assert shown.returncode == 0 and shown.stdout == (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    params, data = work / "params" / "liten.yaml", work / "data" / "liten"
    assert params.is_file() and (data / "liten.xlsx").is_file()  # in the folder the command runs in
    assert _run([*python, "validate", "liten"], work, env).returncode == 1  # placeholders are refused
    _fill_in(params, data)
    checked = _run([*python, "validate", "liten"], work, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "✓ liten: 4 inskrivningar" in checked.stdout

    rendered = _run([*python, "render", "liten", "--formats", "html,pdf"], work, env)
    assert rendered.returncode == 0, rendered.stdout[-3000:] + rendered.stderr[-3000:]
    report = work / "reports" / "liten"
    html = (report / "liten.html").read_text(encoding="utf-8")
    assert "Litet projekt" in html and "Samordningsförbundet Test" in html
    assert (report / "liten.pdf").read_bytes().startswith(b"%PDF")
    assert (work / "reports" / "index.html").is_file()
    assert not (site / "params").exists() and not (site / "reports").exists()  # nothing written into the package
    # the render says what it is doing, one line per step, from the start
    lines = rendered.stdout.splitlines()
    assert lines[:4] == ["Förbereder rapporterna: startar Python och läser in analysbiblioteken …",
                         "liten: startar Python-kärnan …", "liten: kör analyserna …", "liten: skriver PDF …"], lines
    assert lines[4].startswith("✓ liten ") and lines[4].count("\n") == 0
