"""Coverage of the DiD's main interval with few participating households (results in docs/benchmarks.md).

    .venv/bin/python benchmarks/wild_ci.py [--reps 200] [--households 5] [--out draws.csv]

Each draw is a fictional project from ``evaltools.data.synthetic.demo_project`` with
``--households`` participants (each their own household), 60 comparison persons and no effect
(the same draws as the "clusters" scenario of ``benchmarks/sim_design.py``). The DiD is fitted
exactly as :func:`evaltools.analysis.comparison.compare_payments` fits it (the panel with the
3-month anticipation window left out, the small-cluster threshold of 50), but only the DiD, not
the placebo, so that a draw costs one interval inversion. Reported: how often the clustered
t(G − 1) interval and the wild cluster bootstrap interval (test inversion, the main interval
below the threshold) cover the true effect 0, their median widths, and how often each test
rejects at 5 %.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from evaltools.analysis import comparison
from evaltools.data import synthetic
from sim_design import project as load_drawn  # the same loading as the design simulations (run from benchmarks/)


def draw(r: int, households: int) -> dict:
    """One draw: the DiD with both intervals, true effect 0."""
    fr = synthetic.demo_project(2000 + r, n_participants=households, n_comparison=60, project_id="sim",
                                true_effect=0.0)
    project = load_drawn(fr, seed=r)
    c = project.params.comparison
    panel = comparison.build_panel(project)
    a = c.anticipation_months
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -a)]  # as compare_payments
    d = comparison._fit(used, "amount", ["after", "treated_after"], "treated_after", c.small_cluster_threshold, r)
    return {"draw": r, "effect": d.effect, "se": d.se, "treated": d.n_treated_clusters, "method": d.ci_method.value,
            "t_low": d.t_ci_low, "t_high": d.t_ci_high, "wild_low": d.wild_ci_low, "wild_high": d.wild_ci_high,
            "main_low": d.ci_low, "main_high": d.ci_high, "p_t": d.p_value, "p_wild": d.wild_p_value}


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, lo, hi, p in (("clustered t(G-1)", "t_low", "t_high", "p_t"),
                            ("wild cluster bootstrap (test inversion)", "wild_low", "wild_high", "p_wild"),
                            ("main interval (as reported)", "main_low", "main_high", None)):
        cover = (df[lo] <= 0) & (0 <= df[hi])
        rows.append({"interval": name, "draws": len(df), "coverage of the true 0": cover.mean(),
                     "median width (kr)": float((df[hi] - df[lo]).median()),
                     "test rejects at 5 %": (df[p] < 0.05).mean() if p else np.nan})
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--households", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="also write every draw to this CSV, as it goes")
    args = ap.parse_args()
    rows, t0 = [], time.perf_counter()
    for r in range(args.reps):
        rows.append(draw(r, args.households))
        if args.out:
            pd.DataFrame(rows).to_csv(args.out, index=False)
    df = pd.DataFrame(rows)
    print(f"{args.reps} draws, {args.households} participating households: {time.perf_counter() - t0:.0f} s")
    print(summarise(df).round(3).to_markdown(index=False))


if __name__ == "__main__":
    main()
