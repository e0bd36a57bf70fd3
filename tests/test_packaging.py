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
    want = {_name(r) for r in py["dependencies"] + extras["dev"] + extras["lab"]} - {py["name"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    have = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert have == want


def test_the_distribution_name_is_not_the_import_name_taken_on_the_index():
    """``pip install evaltools`` installs an unrelated package: the distribution is finsam-evaltools,
    the import name and the command stay evaltools, and JupyterLab is an extra."""
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert py["name"] == "finsam-evaltools"
    assert py["scripts"] == {"evaltools": "evaltools.publish.cli:main"}
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
