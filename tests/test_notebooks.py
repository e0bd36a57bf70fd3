"""Notebooks stay thin and their parameters are documented."""
from __future__ import annotations

import ast

import nbformat
import papermill as pm
import pytest

from .conftest import ROOT

# the notebooks papermill runs (in the package) and the worked example for JupyterLab
NOTEBOOKS = sorted((ROOT / "evaltools" / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        banned = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While, ast.Lambda)
        assert not any(isinstance(n, banned) for n in ast.walk(tree)), cell.source
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert all(getattr(n, "module", None) is None and [a.name for a in n.names] == ["evaltools"] for n in imports)
        assert len(cell.source.splitlines()) <= 5
        assert not cell.get("outputs"), "commit notebooks without outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_are_documented(path):
    params = pm.inspect_notebook(str(path))
    assert params and all(p["help"] for p in params.values())


# explore.ipynb is executed (no errors, no warnings) in tests/test_explore.py
