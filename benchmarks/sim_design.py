"""Simulation studies of the comparison-group design (not a test; results go in docs/methods.md).

    .venv/bin/python benchmarks/sim_design.py [--reps 200] [--only peak|clusters|followup]

Each scenario draws fictional projects from the model in ``evaltools.data.synthetic.demo_project``
(person level, calendar-month prices and season, a need peak around the reference month, noise)
with a known true effect, runs ``compare_payments`` exactly as a report does and reports the
mean estimate, its bias, the coverage of the 95 % interval and how often the tests reject:

* **peak** - participants' need peaks before their start and the comparison group's does not
  (the Språngbrädan model); true effect 0. How far off is the DiD, and does the placebo see it?
  Run with the anticipation window of 0 and of 3 months.
* **clusters** - few participating households (5 and 10), true effect 0: how often does the
  clustered t(G-1) test reject at the 5 % level, and how often the wild cluster bootstrap?
* **followup** - the Kompassen model (2 000 kr a month less while paid, and more participants
  leaving försörjningsstöd than without the project) with the payment file ending in September
  2023, so the late starters have few months after their start. Each draw's true effect is its
  participants' mean payment less their payment without the project
  (``demo_project(counterfactual=True)``) over the months the DiD sees, per household as the DiD
  counts them: months 0-12 from each household's first participant's start month, up to September 2023.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

from evaltools.analysis import comparison

from evaltools.data import synthetic
from evaltools.data.project import Project, load_project


def project(frames: dict, anticipation: int = 3, threshold: int = 50, seed: int = 1) -> Project:
    """Load the drawn project the way a report does: CSV files and a params file in a temporary folder."""
    d = Path(tempfile.mkdtemp(prefix="evaltools-sim-"))
    for name, df in frames.items():
        df.to_csv(d / f"{name}.csv", index=False)
    (d / "p.yaml").write_text(textwrap.dedent(f"""\
        id: sim
        title: sim
        forbund: "-"
        owner: "-"
        period: {{start: 2021-01-01, planned_end: 2023-12-31}}
        data_as_of: 2025-06-30
        data:
          participants: participants.csv
          payments: payments.csv
          comparison: {{persons: comparison.csv, payments: comparison_payments.csv}}
        comparison: {{anticipation_months: {anticipation}, small_cluster_threshold: {threshold}}}
        cost_benefit: {{seed: {seed}}}
        """), encoding="utf-8")
    try:
        return load_project(d / "p.yaml")
    finally:
        shutil.rmtree(d)


def summarise(name: str, truth: float | np.ndarray, est: list) -> dict:
    """One row of the table; ``truth`` is one true effect for every draw or one per draw."""
    eff = np.array([d.effect for d, _ in est])
    lo, hi = np.array([d.ci_low for d, _ in est]), np.array([d.ci_high for d, _ in est])
    row = {"scenario": name, "reps": len(est), "true effect": np.mean(truth), "mean estimate": eff.mean(),
           "bias": np.mean(eff - truth), "coverage 95 % CI": np.mean((lo <= truth) & (truth <= hi)),
           "rejects (t)": np.mean([d.p_value < 0.05 for d, _ in est]),
           "rejects (wild bootstrap)": (np.mean([d.wild_p_value < 0.05 for d, _ in est])
                                        if all(d.wild_p_value is not None for d, _ in est) else np.nan),
           "placebo rejects": np.mean([pl.rejects for _, pl in est])}
    return row


def run_peak(reps: int) -> list[dict]:
    out = []
    for a in (0, 3):
        est = []
        for r in range(reps):
            fr = synthetic.demo_project(1000 + r, n_participants=120, n_comparison=360, project_id="sim", true_effect=0.0,
                                        need_peak="participants")
            res = comparison.compare_payments(project(fr, anticipation=a, threshold=0))
            est.append((res.did, res.placebo))
        out.append(summarise(f"need peak before start, participants only; anticipation {a} months", 0.0, est))
    return out


def run_clusters(reps: int) -> list[dict]:
    out = []
    for n in (5, 10):
        est = []
        for r in range(reps):
            fr = synthetic.demo_project(2000 + r, n_participants=n, n_comparison=60, project_id="sim", true_effect=0.0)
            res = comparison.compare_payments(project(fr, seed=r))
            est.append((res.did, res.placebo))
        out.append(summarise(f"{n} participants, 60 comparison persons", 0.0, est))
    return out


def true_effect_until(fr: dict, last: str, months_after: int = 12) -> float:
    """The mean over participating households and months 0..months_after from each household's first
    start month, up to ``last``, of payments less payments without the project (no row: 0 kr)."""
    p = fr["participants"].sort_values(["start_date", "person_id"], kind="stable").drop_duplicates("household_id")
    start = pd.to_datetime(p["start_date"])
    ref = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
    m = (ref[:, None] + np.arange(months_after + 1)[None, :]).ravel()
    keys = pd.MultiIndex.from_arrays([np.repeat(p["person_id"].to_numpy(), months_after + 1),
                                      [f"{v // 12}-{v % 12 + 1:02d}" for v in m]])
    seen = np.asarray(keys.get_level_values(1) <= last)
    diff = sum(sign * f.set_index(["person_id", "month"])["amount"].reindex(keys).fillna(0).to_numpy()
               for sign, f in ((1, fr["payments"]), (-1, fr["counterfactual_payments"])))
    return float(diff[seen].mean())


def run_followup(reps: int) -> list[dict]:
    est, truth = [], []
    for r in range(reps):
        fr = synthetic.demo_project(3000 + r, project_id="sim", counterfactual=True)
        truth.append(true_effect_until(fr, "2023-09"))
        del fr["counterfactual_payments"]
        for k in ("payments", "comparison_payments"):
            fr[k] = fr[k][fr[k]["month"] <= "2023-09"]
        res = comparison.compare_payments(project(fr, threshold=0))
        est.append((res.did, res.placebo))
    return [summarise("Kompassen model, payment file ends 2023-09", np.array(truth), est)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--only", choices=["peak", "clusters", "followup"])
    args = ap.parse_args()
    rows = []
    for name, f in (("peak", run_peak), ("clusters", run_clusters), ("followup", run_followup)):
        if args.only and args.only != name:
            continue
        t0 = time.perf_counter()
        rows += f(args.reps)
        print(f"{name}: {time.perf_counter() - t0:.0f} s")
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.round(3).to_string(index=False))
    print(table.round(3).to_markdown(index=False))


if __name__ == "__main__":
    main()
