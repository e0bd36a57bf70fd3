"""Benchmark: the honest-DiD sensitivity bounds (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_honest.py [--projects kompassen-demo sprangbradan-demo] [--unpatched]

Needs the optional extra [robust] (honestdid, torch, cvxpy). For each sample project with a
comparison group: the time to import honestdid (torch and cvxpy), to estimate the event study's
joint covariance, and to compute the bounds on the default grid (one FLCI per M), with the CPU time
of the process beside the wall time (waiting for a core on a shared machine does not count in it).
With ``--unpatched`` also the package's own ``createSensitivityResults`` without the toolkit's
stand-ins (:func:`evaltools.analysis.honest.faster_honestdid`), and whether both give the same bits.
"""
from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import numpy as np

from evaltools.analysis import honest as H
from evaltools.analysis.comparison import build_panel
from evaltools.data.project import load_project

PARAMS = Path(__file__).resolve().parents[1] / "params"  # the checkout's sample projects


def _timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def _unpatched(es: H.EventStudyCoefficients, grid: tuple[float, ...]) -> tuple[H.Bound, ...]:
    import honestdid
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = honestdid.createSensitivityResults(betahat=es.beta, sigma=es.sigma, numPrePeriods=es.n_pre,
                                                 numPostPeriods=es.n_post, Mvec=list(grid), l_vec=es.weights, alpha=0.05)
    return tuple(H.Bound(float(m), float(lo), float(hi)) for m, lo, hi in zip(res["M"], res["lb"], res["ub"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", nargs="+", default=["kompassen-demo", "sprangbradan-demo"])
    ap.add_argument("--unpatched", action="store_true", help="also time honestdid without the stand-ins and compare")
    args = ap.parse_args()
    _, wall, cpu = _timed(lambda: __import__("honestdid"))
    print(f"import honestdid (torch, cvxpy): {wall:.1f} s wall, {cpu:.1f} s CPU")
    with H.faster_honestdid() as on:
        print(f"stand-ins for honestdid's private functions: {'in place' if on else 'not used (another version)'}\n")
    print("| project | pre / post months | step | analysis | wall time (s) | CPU time (s) | breakdown |")
    print("|---|---|---:|---|---:|---:|---:|")
    for name in args.projects:
        project = load_project(PARAMS / f"{name}.yaml")
        a = project.params.comparison.anticipation_months
        es, wall, cpu = _timed(lambda p, ref: H.event_study_coefficients(build_panel(p), ref), project, -a - 1)
        grid = H.default_grid(es)
        shape = f"{es.n_pre} / {es.n_post}"
        print(f"| {name} | {shape} | {grid[1]:g} | event study with joint covariance | {wall:.1f} | {cpu:.1f} | |", flush=True)
        H._smoothness_bounds.cache_clear()  # measured, not looked up
        bounds, wall, cpu = _timed(H.smoothness_bounds, es, grid)
        print(f"| {name} | {shape} | {grid[1]:g} | bounds, {len(grid)} values of M | {wall:.1f} | {cpu:.1f} | "
              f"{H.breakdown(bounds)} |", flush=True)
        if args.unpatched:
            plain, wall, cpu = _timed(_unpatched, es, grid)
            print(f"| {name} | {shape} | {grid[1]:g} | bounds, {len(grid)} values of M, honestdid unpatched | "
                  f"{wall:.1f} | {cpu:.1f} | {H.breakdown(plain)} |", flush=True)
            diff = max(max(abs(p.low - b.low), abs(p.high - b.high)) for p, b in zip(plain, bounds))
            same = all(np.float64(p.low).tobytes() == np.float64(b.low).tobytes()
                       and np.float64(p.high).tobytes() == np.float64(b.high).tobytes() for p, b in zip(plain, bounds))
            print(f"|   | | | the same bits: {'yes' if same else f'NO, largest difference {diff:g}'} | | | |", flush=True)


if __name__ == "__main__":
    main()
