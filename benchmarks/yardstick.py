"""A fixed workload timed before a benchmark, so that figures measured on days the machine runs at
different speeds can be compared (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/yardstick.py

A shared virtual machine does not run at one speed: between rounds of measurement its speed has
varied by up to about a factor of two (docs/benchmarks.md). The yardstick is the least CPU time of three runs of a workload shaped
like the toolkit's own (numpy sorts, gathers and sums over a few million values, and pure Python on
dicts and strings, as in the notebooks' many small pandas calls). A benchmark's figure divided by the
yardstick of its run compares with another run's figure divided by its own.
"""
from __future__ import annotations

import time

import numpy as np


def _work() -> None:
    rng = np.random.default_rng(0)
    x = rng.random(2_000_000)
    idx = rng.integers(0, len(x), 4_000_000)
    np.sort(x)
    float(x[idx].sum())
    np.bincount(idx % 50_000, weights=x[idx % len(x)])
    counts: dict[str, int] = {}
    for i in range(400_000):
        key = f"år {i % 97}"
        counts[key] = counts.get(key, 0) + len(key.strip())


def yardstick(runs: int = 3) -> float:
    """CPU seconds of the fixed workload: the least of ``runs`` runs."""
    best = float("inf")
    for _ in range(runs):
        c = time.process_time()
        _work()
        best = min(best, time.process_time() - c)
    return best


def line() -> str:
    """The yardstick as a benchmark prints it beside its load average."""
    return f"machine yardstick: {yardstick():.3f} CPU-s (benchmarks/yardstick.py; the less, the faster the machine ran)"


if __name__ == "__main__":
    print(line())
