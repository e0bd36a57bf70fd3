"""Honest-DiD bounds when honestdid's optimisation fails: a variance matrix that cvxpy's own check
finds not positive semidefinite (the package made it so itself) is solved again with that assumption
stated; any other failure leaves the report without the bounds and the appendix says why."""
from __future__ import annotations

from importlib.util import find_spec

import numpy as np
import pytest

import evaltools as et
from evaltools.analysis import honest as H
from evaltools.present.sections import designs, method
from tests.conftest import PARAMS

pytestmark = pytest.mark.skipif(find_spec("honestdid") is None,
                                reason='honestdid is not installed (pip install "finsam-evaltools[robust]")')


def test_a_matrix_cvxpy_will_not_take_as_semidefinite_is_solved_with_the_package_s_assumption(monkeypatch):
    import cvxpy
    from cvxpy.error import DCPError

    original = cvxpy.quad_form
    refused = []

    def strict_quad_form(x, p, assume_PSD=False):  # noqa: N803 - cvxpy's name
        # as cvxpy does for a matrix whose smallest eigenvalue its check finds a rounding below zero
        if not assume_PSD:
            refused.append(1)
            raise DCPError("Problem does not follow DCP rules.")
        return original(x, p, assume_PSD=True)

    monkeypatch.setattr(cvxpy, "quad_form", strict_quad_form)
    H._smoothness_bounds.cache_clear()
    # the event study whose answer is derived by hand in tests/test_honest.py: pre-period contrasts −2, −1,
    # effects 5 and 6 on a trend rising 1 a month, almost no noise; the first month's effect is 4 ± M
    months = (-2, -1, 1, 2)
    es = H.EventStudyCoefficients(months, np.array([-2.0, -1.0, 5.0, 6.0]), np.eye(4) * 1e-4, 2, np.array([1.0, 0.0]))
    bounds = H.smoothness_bounds(es, (0.0, 1.0, 3.0, 4.5))
    assert refused, "the first attempt met the refusal"
    for b in bounds:
        assert b.low == pytest.approx(4 - b.m, abs=0.05)
        assert b.high == pytest.approx(4 + b.m, abs=0.05)
    assert H.breakdown(bounds) == 3.0
    from honestdid import core
    assert core.cp is cvxpy, "the package's own cvxpy is back after the block"
    H._smoothness_bounds.cache_clear()


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("sv", "kunde inte beräknas för det här projektet", "jämnhetsvillkoret"),
    ("en", "could not be computed for this project", "smoothness restriction"),
])
def test_a_failed_optimisation_leaves_no_bounds_and_the_appendix_says_so(monkeypatch, lang, said, not_said):
    from cvxpy.error import SolverError

    def fails(es, grid):
        raise SolverError("Solver 'CLARABEL' failed.")

    monkeypatch.setattr(H, "smoothness_bounds", fails)
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    h = H.honest_bounds(project)
    assert h is not None and h.unsolved and h.bounds == ()
    assert h.breakdown is None and not h.holds_on_whole_grid
    assert h.original_low < h.effect < h.original_high  # the ordinary interval is still the event study's
    r = et.Report(PARAMS / "kompassen-demo.yaml", lang=lang)
    r.__dict__["honest"] = h
    assert designs.honest_blocks(r) == []
    lines = [p for p in method.paragraphs(r) if "Rambachan" in p]
    assert len(lines) == 1 and said in lines[0]
    assert not_said not in lines[0] and "pip install" not in lines[0]
