"""The package's layers (docs/architecture.md): each imports only the layers below it, no module
imports itself round a cycle, and an import made inside a function says why. (``make test`` also runs ruff, whose settings
keep the analysis layer's functions at a McCabe complexity of at most 15, and mypy.)"""
import ast
import graphlib

import grimp
import pytest
from importlinter.cli import lint_imports

from .conftest import ROOT

PACKAGE = ROOT / "evaltools"
LAYERS = ("data", "analysis", "words", "present", "publish")  # bottom to top


def test_the_layers_contract_is_kept():
    # the contract is in pyproject.toml ([tool.importlinter]); lint-imports prints what breaks it
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_the_contract_names_every_layer_in_order():
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    assert layers == [f"evaltools.{name}" for name in reversed(LAYERS)]
    for name in LAYERS:
        assert (PACKAGE / name / "__init__.py").is_file(), name
    # every module of the package is in a layer (the package's own __init__, __main__ and _version aside)
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "_version.py"}
    assert not loose, f"modules outside the layers: {sorted(loose)}"


def test_no_import_cycles():
    graph = grimp.build_graph("evaltools")
    sorter = graphlib.TopologicalSorter({m: graph.find_modules_directly_imported_by(m) for m in graph.modules})
    try:
        tuple(sorter.static_order())
    except graphlib.CycleError as e:
        pytest.fail(f"import cycle: {' -> '.join(e.args[1])}")


def test_the_cycle_check_can_fail():
    sorter = graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}})
    with pytest.raises(graphlib.CycleError):
        tuple(sorter.static_order())


def _inner_imports(path):
    """Imports of the package made inside a function, as (line, text of that line, line above)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    out = []
    for fn in ast.walk(ast.parse(source)):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.ImportFrom) and node.level:
                out.append((node.lineno, lines[node.lineno - 1], lines[node.lineno - 2]))
    return out


def test_imports_inside_functions_say_why():
    # an import of the package inside a function is for start-up time (or a heavy optional
    # dependency) only, and says so on its line or the line above
    unexplained = [f"{p.relative_to(ROOT)}:{n}: {text.strip()}" for p in PACKAGE.rglob("*.py")
                   for n, text, above in _inner_imports(p) if "#" not in text and not above.strip().startswith("#")]
    assert not unexplained, "\n".join(unexplained)


def test_the_presentation_writes_html_from_templates_not_f_strings():
    """Report HTML (tables, paragraphs, charts, blocks, titles, notebook displays, the footer) comes
    from the templates in evaltools/templates/html; an f-string that opens a tag is a regression.
    (The Markdown post-processing in narrative.py rewrites tags the Markdown library made.)"""
    import re
    opening = re.compile(r"""f["']<[a-zA-Z/]""")
    found = []
    for path in [*sorted((ROOT / "evaltools" / "present").rglob("*.py")), ROOT / "evaltools" / "publish" / "render.py"]:
        if path.name == "narrative.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if opening.search(line) and "_PIXEL_PNG" not in line:  # (the PDF printer's warm-up page, never published)
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []
    templates = {p.name for p in (ROOT / "evaltools" / "templates" / "html").glob("*.j2")}
    assert {"table.html.j2", "text.html.j2", "figure.html.j2", "result.html.j2", "params.html.j2"} <= templates
