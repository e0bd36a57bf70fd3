"""Bias and coverage of the payments DiD against the generator's own counterfactual (not a test;
results go in docs/methods.md).

    .venv/bin/python benchmarks/did_truth.py [--seeds 30] [--first 100] [--out results.csv]

Each draw is the Kompassen model (``evaltools.data.synthetic.demo_project``, 180 participants and 540
comparison persons, about a tenth of them sharing a household) loaded the way a report loads it. The
estimate is the report's: the household-panel DiD of
:func:`evaltools.analysis.comparison.compare_payments` (its ``_did``), with its 95 % interval; beside
it the heterogeneity-robust Sun–Abraham estimate (:func:`evaltools.analysis.staggered.staggered_effect`)
and the plain difference of the two groups' before/after means on the same panel.

Two truths are computed from each draw's payments without the project (``counterfactual=True``), each
as the mean of (paid − paid without the project; a month without a row is 0 kr) over months 0–12:

* **per household-month** (the DiD's estimand): one series per household that took part, from the
  household's first participant's start month;
* **per participant-month** (``synthetic.true_effect``): one series per participant, from that
  participant's own start month, so that a household of two participants counts twice, the second
  time from a later start (when more households have left försörjningsstöd, a larger effect).

The payments and comparison files of a draw are ``demo_project(seed)``'s, as the sample files are
(``counterfactual=True`` draws the "would have left anyway" lots from the generator that also draws
the comparison persons' exit days, so its comparison files differ; the participants' payments are the
same, which the script checks).
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from evaltools.analysis import comparison, staggered
from evaltools.data import synthetic

from sim_design import project

SAMPLE_SEED = synthetic.SEED


def truth(frames: dict, per: str, months_after: int = 12) -> float:
    """The true effect per ``"household"`` or per ``"participant"`` and month over months 0..months_after."""
    p = frames["participants"]
    if per == "household":
        p = p.sort_values(["start_date", "person_id"], kind="stable").drop_duplicates("household_id")
    start = pd.to_datetime(p["start_date"])
    ref = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
    m = (ref[:, None] + np.arange(months_after + 1)[None, :]).ravel()
    keys = pd.MultiIndex.from_arrays([np.repeat(p["person_id"].to_numpy(), months_after + 1),
                                      [f"{v // 12}-{v % 12 + 1:02d}" for v in m]])
    diff = sum(sign * f.set_index(["person_id", "month"])["amount"].reindex(keys).fillna(0).to_numpy()
               for sign, f in ((1, frames["payments"]), (-1, frames["counterfactual_payments"])))
    return float(np.mean(diff))


def draw(seed: int) -> dict:
    """One draw's truths and estimates."""
    frames = synthetic.demo_project(seed, project_id="sim")
    cf = synthetic.demo_project(seed, project_id="sim", counterfactual=True)
    pd.testing.assert_frame_equal(frames["payments"], cf["payments"])
    frames_cf = {**frames, "counterfactual_payments": cf["counterfactual_payments"]}
    pr = project(frames, seed=seed)
    panel = comparison.build_panel(pr)
    did = comparison._did(panel, pr)
    a = pr.params.comparison.anticipation_months
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -a)]
    m = used.groupby(["treated", "after"])["amount"].mean()
    robust = staggered.staggered_effect(pr)
    assert robust is not None
    return {"seed": seed, "households": int(panel.loc[panel["treated"] == 1, "person"].nunique()),
            "participants": len(frames["participants"]),
            "truth_household": truth(frames_cf, "household"), "truth_participant": truth(frames_cf, "participant"),
            "estimate": did.effect, "ci_low": did.ci_low, "ci_high": did.ci_high,
            "means_2x2": float((m[1, 1] - m[1, 0]) - (m[0, 1] - m[0, 0])), "sun_abraham": robust.effect,
            "sa_low": robust.ci_low, "sa_high": robust.ci_high}


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Bias (mean estimate − truth, with its Monte Carlo standard error) and coverage, per estimate and truth."""
    rows = []
    for est, lo, hi in (("estimate", "ci_low", "ci_high"), ("sun_abraham", "sa_low", "sa_high"), ("means_2x2", None, None)):
        for t in ("truth_household", "truth_participant"):
            d = df[est] - df[t]
            cover = ((df[lo] <= df[t]) & (df[t] <= df[hi])).mean() if lo else np.nan
            rows.append({"estimate": est, "truth": t, "mean truth": df[t].mean(), "mean estimate": df[est].mean(),
                         "bias": d.mean(), "bias MC se": d.std(ddof=1) / np.sqrt(len(d)), "sd of error": d.std(ddof=1),
                         "above truth": (d > 0).mean(), "coverage 95 %": cover})
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=30)
    ap.add_argument("--first", type=int, default=100)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = []
    for seed in [SAMPLE_SEED, *range(args.first, args.first + args.seeds - 1)]:
        rows.append(draw(seed))
        print({k: round(v) if isinstance(v, float) else v for k, v in rows[-1].items()}, flush=True)
    df = pd.DataFrame(rows)
    if args.out:
        df.to_csv(args.out, index=False)
    print(f"{len(df)} draws, {time.perf_counter() - t0:.0f} s")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(summary(df).round(3).to_string(index=False))


if __name__ == "__main__":
    main()
