"""The examples in the package's docstrings run and say what they print (the numpydoc ``Examples`` and the short
``>>>`` lines that show a function's rule): an example that no longer holds misleads whoever reads it."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import evaltools

MODULES = sorted(m.name for m in pkgutil.walk_packages(evaltools.__path__, "evaltools.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # (the module's own names, with numpy, pandas and the package under the names the examples use)
    extra = {"np": __import__("numpy"), "pd": __import__("pandas"), "et": evaltools}
    for test in finder.find(module, name, extraglobs=extra):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} fail (see the output above)"
