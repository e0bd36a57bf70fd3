"""No module of the package binds a name twice at its top level: a second ``_YEAR_KEY = ...`` (or a function of
the same name further down) silently replaces the first for every use above it as well, which no linter reports
for a plain assignment. (A goal's target keys once took the name of the goal words' year pattern, and 65
params tests failed with "no such group".)"""
from __future__ import annotations

import ast
from collections import defaultdict

from .conftest import ROOT


def _top_level_names(tree: ast.Module) -> dict[str, list[int]]:
    """The names a module binds at its top level (assignments, functions, classes), with their lines."""
    lines: dict[str, list[int]] = defaultdict(list)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            lines[node.name].append(node.lineno)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lines[target.id].append(node.lineno)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            lines[node.target.id].append(node.lineno)
    return lines


def test_the_check_sees_a_name_bound_twice():
    tree = ast.parse("A = 1\ndef f(): pass\nB: int = 2\nA = 3\nclass f: pass\n")
    twice = {n: v for n, v in _top_level_names(tree).items() if len(v) > 1}
    assert twice == {"A": [1, 4], "f": [2, 5]}


def test_no_module_binds_a_top_level_name_twice():
    found = []
    for path in sorted((ROOT / "evaltools").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}: {name} on lines {', '.join(map(str, lines))}"
                  for name, lines in _top_level_names(tree).items() if len(lines) > 1]
    assert not found, "\n".join(found)
