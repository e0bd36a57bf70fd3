"""The honest-DiD bounds' speed-ups (evaltools.analysis.honest.faster_honestdid) give the same bits
as the honestdid package unpatched: the quantile of the folded normal against ``np.quantile``, each
stand-in against the package's own function, and whole sets of bounds with and without them; and the
patch is confined to the ``with`` block and to the package version it was checked against."""
from __future__ import annotations

import math
import threading

import numpy as np
import pytest

import evaltools as et
from evaltools.analysis import honest as H
from evaltools.analysis.comparison import build_panel
from tests.conftest import PARAMS
from tests.test_honest import MEDICAID_BETA, MEDICAID_SIGMA, needs_honestdid

PATCHED = ("_qfoldednormal", "_find_worst_case_bias_given_h", "_find_lowest_h")


def _bits(x) -> bytes:
    return np.asarray(x, dtype=np.float64).tobytes()


def _mus(d: np.ndarray, rng: np.random.Generator, n: int) -> list[float]:
    """Shifts of every kind: zero of both signs, tiny and huge, random, and minus a draw (a value of
    |d + mu| exactly zero) or half-way between two draws."""
    s = np.sort(d)
    picks = rng.integers(0, len(d) - 1, n)
    return ([0.0, -0.0, 5e-324, 1e-12, -1e-12, 1e300, -1e300, 40.0, -40.0]
            + [float(x) for x in rng.normal(0, 3, n)]
            + [float(-s[i]) for i in picks] + [float(-(s[i] + s[i + 1]) / 2) for i in picks])


@pytest.mark.parametrize("n", [2, 3, 7, 1000, 10_001])
def test_the_folded_normal_quantile_from_sorted_draws_is_numpy_s_to_the_bit(n):
    rng = np.random.default_rng(n)
    d = rng.normal(size=n)
    if n > 3:
        d[: n // 10] = np.round(d[: n // 10], 1)  # ties among the draws
    s = np.sort(d)
    for p in (0.95, 0.5, 0.975, 0.01, 0.9, 1 - 0.05):
        for mu in _mus(d, rng, 60):
            assert _bits(H._folded_quantile(s, p, mu)) == _bits(np.quantile(np.abs(d + mu), p)), (n, p, mu)


def test_on_the_package_s_own_draws_too():
    # _qfoldednormal's draws: 10^6 normals from RandomState(0)
    d = np.random.RandomState(0).normal(scale=1.0, size=10**6)
    s = np.sort(d)
    for mu in _mus(d, np.random.default_rng(1), 8):
        assert _bits(H._folded_quantile(s, 0.95, mu)) == _bits(np.quantile(np.abs(d + mu), 0.95)), mu


@pytest.fixture(scope="module")
def kompassen() -> H.EventStudyCoefficients:
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    return H.event_study_coefficients(build_panel(project), -project.params.comparison.anticipation_months - 1)


def _medicaid() -> H.EventStudyCoefficients:
    beta = np.asarray(MEDICAID_BETA)
    return H.EventStudyCoefficients(tuple(range(-5, 0)) + (1, 2), beta, np.asarray(MEDICAID_SIGMA), 5, np.array([1.0, 0.0]))


def _known_answer() -> H.EventStudyCoefficients:
    # the event study of tests/test_honest.py whose bounds are derived by hand
    return H.EventStudyCoefficients((-2, -1, 1, 2), np.array([-2.0, -1.0, 5.0, 6.0]), np.eye(4) * 1e-4, 2,
                                    np.array([0.5, 0.5]))


def _stand_ins():
    from honestdid import core
    return core, H._StandIns(core, {name: getattr(core, name) for name in PATCHED})


@needs_honestdid
def test_the_stand_ins_are_in_place_on_the_version_they_were_checked_against():
    import honestdid
    if honestdid.__version__ != H.HONESTDID_VERSION:
        pytest.skip(f"honestdid {honestdid.__version__}: the package runs unpatched")
    # the same version with another core.py would run unpatched too: then the stand-ins need checking again
    with H.faster_honestdid() as on:
        assert on, "honestdid/core.py is not the file the stand-ins were checked against (HONESTDID_CORE_SHA256)"


@needs_honestdid
@pytest.mark.filterwarnings("ignore")  # the solvers' notices
@pytest.mark.parametrize("case", ["medicaid", "kompassen"])
def test_the_bias_stand_in_gives_the_package_s_results_for_every_h(case, request):
    es = _medicaid() if case == "medicaid" else request.getfixturevalue("kompassen")
    core, fast = _stand_ins()
    sigma, l_vec = core._ensure_tensor(es.sigma), core._ensure_tensor(es.weights).reshape(-1)
    h0 = core._find_h_for_minimum_bias(sigma, es.n_pre, es.n_post, l_vec)
    h_min = core._find_lowest_h(sigma, es.n_pre, es.n_post, l_vec)
    assert fast.find_lowest_h(sigma, es.n_pre, es.n_post, l_vec) == h_min
    # the package's grid of h (np.float64) and its bisection's points (float), the lowest h first:
    # there the first solver reports no optimum and the package's own function takes over
    hs = [h_min, *np.linspace(h_min, h0, 1000)[::100], (h_min + h0) / 2, h0]
    for h in hs:
        for M in (1.0, 0.5):
            want = core._find_worst_case_bias_given_h(h, sigma, es.n_pre, es.n_post, l_vec, M=M)
            for _ in range(2):  # computed, then kept
                got = fast.find_worst_case_bias_given_h(h, sigma, es.n_pre, es.n_post, l_vec, M=M)
                assert got.keys() == want.keys() and got["status"] == want["status"], h
                for key in ("value", "value_scaled", "optimal_x", "optimal_w", "optimal_l"):
                    assert _bits(got[key]) == _bits(want[key]), (h, M, key)
    got["optimal_x"][:] = 0.0  # what a caller does with its copy does not touch the kept result
    again = fast.find_worst_case_bias_given_h(h, sigma, es.n_pre, es.n_post, l_vec, M=M)
    assert _bits(again["optimal_x"]) == _bits(want["optimal_x"])


@needs_honestdid
def test_the_quantile_stand_in_gives_the_package_s_results():
    core, fast = _stand_ins()
    for mu in (0.0, 0.37, -2.5, 11.0, np.float64(1.25)):
        assert _bits(fast.qfoldednormal(0.95, mu=mu)) == _bits(core._qfoldednormal(0.95, mu=mu)), mu
    arr = np.array([0.0, 1.5])  # arrays and other scales: the package's own computation on the same draws
    assert _bits(fast.qfoldednormal(0.95, mu=arr)) == _bits(core._qfoldednormal(0.95, mu=arr))
    assert _bits(fast.qfoldednormal(0.9, mu=0.5, sd=2.0, numSims=1000, seed=3)) == _bits(
        core._qfoldednormal(0.9, mu=0.5, sd=2.0, numSims=1000, seed=3))
    assert math.isnan(fast.qfoldednormal(0.95, mu=math.nan)) and math.isnan(core._qfoldednormal(0.95, mu=math.nan))


def _unpatched(es: H.EventStudyCoefficients, grid: tuple[float, ...]) -> list[tuple[bytes, bytes]]:
    import honestdid
    from honestdid import core
    assert all(getattr(core, name).__module__ == "honestdid.core" for name in PATCHED)  # really the package's own
    res = honestdid.createSensitivityResults(betahat=es.beta, sigma=es.sigma, numPrePeriods=es.n_pre,
                                             numPostPeriods=es.n_post, Mvec=list(grid), l_vec=es.weights, alpha=0.05)
    return [(_bits(lo), _bits(hi)) for lo, hi in zip(res["lb"], res["ub"])]


@needs_honestdid
@pytest.mark.filterwarnings("ignore")  # the solvers' notices
@pytest.mark.parametrize(("case", "grid"), [
    ("medicaid", (0.0, 0.01, 0.02, 0.03, 0.04, 0.05)),  # the R package's published example
    ("known answer", (0.0, 1.0, 1.9, 2.1, 3.0)),
    ("kompassen", (0.0, 15.0, 25.0)),  # a sample project (its default grid: docs/benchmarks.md)
])
def test_the_bounds_are_the_package_s_to_the_bit(case, grid, request):
    es = {"medicaid": _medicaid, "known answer": _known_answer}.get(case, lambda: request.getfixturevalue("kompassen"))()
    H._smoothness_bounds.cache_clear()
    fast = H.smoothness_bounds(es, grid)
    assert [(_bits(b.low), _bits(b.high)) for b in fast] == _unpatched(es, grid)
    assert [b.m for b in fast] == list(grid)


@needs_honestdid
def test_the_patch_lives_only_inside_the_with_block():
    from honestdid import core
    originals = {name: getattr(core, name) for name in PATCHED}
    with H.faster_honestdid() as on:
        if on:
            assert all(getattr(core, name) is not originals[name] for name in PATCHED)
    assert all(getattr(core, name) is originals[name] for name in PATCHED)
    with pytest.raises(ZeroDivisionError), H.faster_honestdid():
        1 / 0
    assert all(getattr(core, name) is originals[name] for name in PATCHED)
    with H.faster_honestdid() as outer:  # a block inside another keeps the outer one's stand-ins
        patched = {name: getattr(core, name) for name in PATCHED}
        with H.faster_honestdid() as inner:
            assert inner == outer and all(getattr(core, name) is patched[name] for name in PATCHED)
        assert all(getattr(core, name) is patched[name] for name in PATCHED)
    assert all(getattr(core, name) is originals[name] for name in PATCHED)
    taken = []

    def take() -> None:  # the lock is free for another thread again
        taken.append(H._PATCH_LOCK.acquire(blocking=False))
        if taken[-1]:
            H._PATCH_LOCK.release()

    thread = threading.Thread(target=take)
    thread.start()
    thread.join()
    assert taken == [True]
    with H.faster_honestdid(enabled=False) as on:
        assert not on and all(getattr(core, name) is originals[name] for name in PATCHED)


@needs_honestdid
def test_another_version_of_honestdid_runs_unpatched(monkeypatch):
    import honestdid
    from honestdid import core
    originals = {name: getattr(core, name) for name in PATCHED}
    monkeypatch.setattr(honestdid, "__version__", "0.1.2")
    with H.faster_honestdid() as on:
        assert not on and all(getattr(core, name) is originals[name] for name in PATCHED)
    monkeypatch.undo()
    monkeypatch.setattr(H, "HONESTDID_CORE_SHA256", "0" * 64)  # the same version number, another core.py
    with H.faster_honestdid() as on:
        assert not on and all(getattr(core, name) is originals[name] for name in PATCHED)


@needs_honestdid
@pytest.mark.filterwarnings("ignore")  # the solvers' notices
def test_threads_that_compute_bounds_at_once_get_the_package_s_bits():
    es, grid = _medicaid(), (0.0, 0.02, 0.05)
    want = _unpatched(es, grid)
    got: dict[int, list] = {}

    def bounds(i: int) -> None:
        out = H._smoothness_bounds.__wrapped__(es.beta.tobytes(), es.sigma.tobytes(), es.n_pre,
                                               es.weights.tobytes(), grid)  # not the process's kept copy
        got[i] = [(_bits(b.low), _bits(b.high)) for b in out]

    threads = [threading.Thread(target=bounds, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == {0: want, 1: want, 2: want}
    from honestdid import core
    assert all(getattr(core, name).__module__ == "honestdid.core" for name in PATCHED)  # none left patched
