import re
import tomllib

import yaml

from .conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_packages_as_pyproject():
    """environment.yml is the whole developer environment: the dependencies and every extra."""
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = py["optional-dependencies"]
    want = {_name(r) for r in py["dependencies"] + extras["dev"] + extras["lab"] + extras["robust"]} - {py["name"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    # conda-forge names PyTorch "pytorch"; honestdid comes from PyPI (the pip section)
    conda = {"torch" if n == "pytorch" else n for n in conda}
    pip = {_name(d) for e in env["dependencies"] if isinstance(e, dict) for d in e.get("pip", ()) if not d.startswith("-")}
    assert conda | pip == want


def test_the_distribution_name_is_not_the_import_name_taken_on_the_index():
    """``pip install evaltools`` installs an unrelated package: the distribution is finsam-evaltools,
    the import name and the command stay evaltools, and JupyterLab is an extra."""
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert py["name"] == "finsam-evaltools"
    assert py["scripts"] == {"evaltools": "evaltools.publish.cli:run"}
    runtime = {_name(r) for r in py["dependencies"]}
    assert not runtime & {"jupyterlab", "ipywidgets", "notebook"}
    assert {_name(r) for r in py["optional-dependencies"]["lab"]} == {"jupyterlab", "ipywidgets"}
    assert "finsam-evaltools[lab]" in py["optional-dependencies"]["dev"]


def test_version_comes_from_the_package():
    import evaltools
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert py["tool"]["setuptools"]["dynamic"]["version"]["attr"] == "evaltools._version.__version__"
    # the installed metadata's version is checked on the built wheel (tests/test_wheel.py)
    assert re.fullmatch(r"\d+\.\d+\.\d+", evaltools.__version__)


def test_data_contract_documents_every_column_and_code():
    from evaltools.data import schema as S
    doc = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    for spec in (S.PARTICIPANTS, S.PAYMENTS, S.BUDGET_TABLE):
        for col in spec.columns:
            assert f"`{col.name}`" in doc, col.name
    for vocab in (S.OUTCOMES, S.SEXES, S.HOUSEHOLD_TYPES, S.SUPPORT_SOURCES, S.SGI_STATUSES):
        for code in vocab:
            assert f"`{code}`" in doc, code


def test_the_workflow_runs_lint_types_and_tests_on_windows_and_linux():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    job = flow["jobs"]["test"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "ubuntu-latest"}
    commands = "\n".join(step.get("run", "") for step in job["steps"])
    for command in ('pip install -e ".[dev]"', "ruff\" check evaltools tests", "mypy", "-m pytest", "weasyprint --info",
                    "mingw-w64-ucrt-x86_64-pango"):
        assert command in commands, command


def test_the_readme_windows_section_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## On Windows\n", 1)[1].split("\n## ", 1)[0]
    for command in ("py -m venv .venv", ".venv\\Scripts\\activate", ".venv\\Scripts\\Activate.ps1", "pip install finsam-evaltools",
                    "pip install -e .[dev]", "python -m weasyprint --info", "evaltools new mitt-projekt",
                    "evaltools validate mitt-projekt", "evaltools render mitt-projekt", "evaltools render --all",
                    "python -m pytest", "pacman -S mingw-w64-ucrt-x86_64-pango", "WEASYPRINT_DLL_DIRECTORIES"):
        assert command in section, command
    assert ".venv/bin" not in section and "apt-get" not in section
    # the command a missing PDF printer suggests on Windows is the README's
    from evaltools.publish.render import PANGO_INSTALL_WINDOWS
    assert "pacman -S mingw-w64-ucrt-x86_64-pango" in PANGO_INSTALL_WINDOWS
    assert "conda env create -f environment.yml" in readme.split("\n## With conda\n", 1)[1].split("\n## ", 1)[0]


def test_no_module_imports_the_lab_extra_when_it_is_imported():
    """JupyterLab and ipywidgets are the optional extra [lab]: no module imports them at its top
    level (the what-if sliders import ipywidgets when they are built, and fall back without it)."""
    import ast
    lab = {"jupyterlab", "ipywidgets", "notebook", "jupyter_server"}
    for path in (ROOT / "evaltools").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not {n.split(".")[0] for n in names} & lab, f"{path.relative_to(ROOT)}: {names}"
