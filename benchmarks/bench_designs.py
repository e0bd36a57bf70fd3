"""Benchmark: the comparison designs of issue 27 (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_designs.py [--persons 8000] [--reps 40]

1. Time and peak traced memory of the heterogeneity-robust (Sun–Abraham) estimate and of the
   inverse-probability-weighted DiD on synthetic data of ``--persons`` participants (and a
   comparison group a quarter that size), as benchmarks/bench_analysis.py generates it.
2. A small simulation study of the robust and the two-way estimate: ``--reps`` panels like
   pyfixest's ``df_het`` (300 units) and of the toolkit's own reference-dated design (180
   participants in three cohorts, 120 comparison persons), the same generators as
   tests/test_staggered.py.
"""
from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np

from benchmarks.bench_analysis import build_project
from evaltools.analysis.staggered import COHORT, intake_cohorts, sun_abraham
from evaltools.analysis.comparison import build_panel
from evaltools.analysis.weighting import HOUSEHOLD_PREFIX, PRE_MEAN, PRE_SHARE, AGE, WOMAN, person_frame, weighted_did
from evaltools.data import schema as S
from tests.test_staggered import _package_design, df_het_like


def _timed(fn, repeat: int = 3) -> tuple[float, float]:
    walls = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return statistics.median(walls), peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=8_000)
    ap.add_argument("--months", type=int, default=50)
    ap.add_argument("--reps", type=int, default=40)
    args = ap.parse_args()
    project = build_project(args.persons, args.months)
    panel = build_panel(project)
    panel[COHORT] = intake_cohorts(panel)
    a = project.params.comparison.anticipation_months
    frame = person_frame(project)
    names = [PRE_MEAN, PRE_SHARE, AGE, WOMAN, *[HOUSEHOLD_PREFIX + c for c in S.HOUSEHOLD_TYPES]]
    print(f"{args.persons:,} participants, {len(panel):,} person-months in the panel\n")
    print("| analysis | wall time (s), median of 3 | peak traced memory (MB) |\n|---|---:|---:|")
    for name, fn in (("robust staggered estimate (Sun–Abraham)", lambda: sun_abraham(panel, a)),
                     ("weighted DiD (IPW) with balance table", lambda: weighted_did(frame, names))):
        wall, peak = _timed(fn)
        print(f"| {name} | {wall:.2f} | {peak:,.0f} |", flush=True)
    rows: dict[str, list] = {"df_het-like": [], "reference-dated design": []}
    for rep in range(args.reps):
        for name, panel_, antic in (("df_het-like", df_het_like(seed=100 + rep, n_units=300), 0),
                                    ("reference-dated design", _package_design(200 + rep, 60, 120), 3)):
            r = sun_abraham(panel_, antic)
            true = panel_.loc[(panel_["treated"] == 1) & (panel_["event_time"] >= 0), "true"].mean()
            rows[name].append((true, r.effect, r.ci_low <= true <= r.ci_high, r.main.effect,
                               r.main.ci_low <= true <= r.main.ci_high, r.agreement.value != "agree"))
    print(f"\n| panel ({args.reps} runs) | true effect | robust: mean | robust: coverage | two-way: mean | "
          "two-way: coverage | flagged |\n|---|---:|---:|---:|---:|---:|---:|")
    for name, v in rows.items():
        x = np.array(v, float)
        print(f"| {name} | {x[:, 0].mean():.2f} | {x[:, 1].mean():.2f} | {x[:, 2].mean():.0%} | {x[:, 3].mean():.2f} | "
              f"{x[:, 4].mean():.0%} | {x[:, 5].mean():.0%} |")


if __name__ == "__main__":
    main()
