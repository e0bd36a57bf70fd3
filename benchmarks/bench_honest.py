"""Benchmark: the honest-DiD sensitivity bounds (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_honest.py [--projects kompassen-demo sprangbradan-demo]

Needs the optional extra [robust] (honestdid, torch, cvxpy). For each sample project with a
comparison group: the time to import honestdid (torch and cvxpy), to estimate the event study's
joint covariance, and to compute the bounds on the default grid (one FLCI per M), with the CPU time
of the process beside the wall time (waiting for a core on a shared machine does not count in it).
"""
from __future__ import annotations

import argparse
import time

from evaltools.analysis import honest as H
from evaltools.analysis.comparison import build_panel
from evaltools.data.project import load_project
from tests.conftest import PARAMS


def _timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", nargs="+", default=["kompassen-demo", "sprangbradan-demo"])
    args = ap.parse_args()
    _, wall, cpu = _timed(lambda: __import__("honestdid"))
    print(f"import honestdid (torch, cvxpy): {wall:.1f} s wall, {cpu:.1f} s CPU\n")
    print("| project | pre / post months | step | analysis | wall time (s) | CPU time (s) | breakdown |")
    print("|---|---|---:|---|---:|---:|---:|")
    for name in args.projects:
        project = load_project(PARAMS / f"{name}.yaml")
        a = project.params.comparison.anticipation_months
        es, wall, cpu = _timed(lambda p, ref: H.event_study_coefficients(build_panel(p), ref), project, -a - 1)
        grid = H.default_grid(es)
        shape = f"{es.n_pre} / {es.n_post}"
        print(f"| {name} | {shape} | {grid[1]:g} | event study with joint covariance | {wall:.1f} | {cpu:.1f} | |", flush=True)
        bounds, wall, cpu = _timed(H.smoothness_bounds, es, grid)
        print(f"| {name} | {shape} | {grid[1]:g} | bounds, {len(grid)} values of M | {wall:.1f} | {cpu:.1f} | "
              f"{H.breakdown(bounds)} |", flush=True)


if __name__ == "__main__":
    main()
