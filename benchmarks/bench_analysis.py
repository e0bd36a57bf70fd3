"""Benchmark: the three analyses at national scale (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_analysis.py [--persons 200000] [--months 50] [--repeat 3] [--no-memory] [--only comparison] [--cold] [--environment as-is]

Generates synthetic data in memory (participants, a comparison group a quarter that size, and
``persons x months`` payment-months for each), then times goal fulfilment, the cohort analyses,
the comparison-group DiD and the cost-benefit analysis with its Monte Carlo. Each analysis runs
``--repeat`` times; the table gives the median wall time and the median CPU time of the process
(on a shared machine the CPU time is the steadier figure: waiting for a core does not count).
The project keeps a few values derived from its tables for the next analysis (paid persons, each
payment row's month index and person code): the first analysis that asks pays for them, as in a
report, and later runs reuse them; ``--cold`` forgets them before every run. Peak memory comes
from one more run under tracemalloc (numpy and pandas report their buffers to it), so the timing
is not slowed by tracing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
import tracemalloc

import pandas as pd

from evaltools.analysis import cohorts, comparison, costbenefit, goals

from evaltools.data import synthetic
from evaltools.data.params import ProjectParams
from evaltools.data.project import Project
from evaltools.data.validation import derive_person_columns

import yardstick  # (beside this script)


def build_project(n_persons: int, months: int) -> Project:
    frames = synthetic.national_scale(n_persons, months)
    params = ProjectParams.model_validate({
        "id": "national", "title": "National scale", "forbund": "-", "owner": "-",
        "period": {"start": "2020-01-01", "planned_end": "2022-12-31"}, "data_as_of": "2023-12-31",
        "goals": [
            {"id": "n", "kind": "participant_count", "label": "n", "target": 60000, "period": "project_year"},
            {"id": "s", "kind": "share", "label": "s", "target": 0.3, "period": "project_year", "denominator": "exits"},
            {"id": "c", "kind": "outcome_count", "label": "c", "target": 20000, "period": "calendar_year"},
        ],
        "cost_benefit": {"monthly_level": {"method": "riksnorm"}, "price_year": 2022},
    })
    budget = pd.DataFrame({"period": ["2020", "2021", "2022"], "category": "Personal", "budget": [4e8, 4e8, 4e8],
                           "actual": [3.9e8, 4.1e8, 4.0e8], "funder": "förbund"})
    p = derive_person_columns(frames["participants"], params)
    c = derive_person_columns(frames["comparison"], params)
    return Project(params, p, frames["payments"], c, frames["comparison_payments"], budget)


_DID: dict = {}  # results reused by later analyses as the report reuses them (goal table, comparison)


def _comparison(pr: Project):
    _DID["result"] = comparison.compare_payments(pr)
    return _DID["result"]


def _reference_dates(pr: Project):
    # the report's payments section computes it once; the effect-based simulation draws it
    _DID["reference"] = comparison.reference_date_sensitivity(pr)
    return _DID["reference"]


def _goals(pr: Project):
    # the report assesses the goals once and hands the table to the outcome rates (:class:`evaltools.Report`)
    _DID["goals"] = goals.assess_goals(pr)
    return _DID["goals"]


def _cohorts(pr: Project):
    # as the report computes them: the outcome rates reuse the goal table above (when it was run), and the
    # success model the outcome rates
    rates = cohorts.outcome_rates(pr, goals=_DID.get("goals"))
    return (cohorts.composition(pr), cohorts.flows(pr), rates, cohorts.success_model(pr, rates=rates),
            cohorts.time_to_exit(pr))


ANALYSES = {
    "goals": _goals,
    "cohorts": _cohorts,
    "comparison (DiD)": _comparison,
    "comparison (reference dates moved ±1–3 months)": _reference_dates,
    "cost-benefit (+ Monte Carlo, effect-based estimate from the DiD above)":
        lambda pr: costbenefit.cost_benefit(pr, payments=_DID.get("result"), reference_dates=_DID.get("reference")),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=200_000)
    ap.add_argument("--months", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each analysis; the medians are shown")
    ap.add_argument("--no-memory", action="store_true", help="skip the traced run (peak memory)")
    ap.add_argument("--only", default="", help="only the analyses whose name contains this text, e.g. comparison")
    ap.add_argument("--cold", action="store_true",
                    help="forget what the project keeps between analyses (paid persons, month index, person codes) "
                         "before every run, so that every run pays for it")
    ap.add_argument("--environment", choices=("kernel", "as-is"), default="kernel",
                    help="kernel (default): run with the environment the command gives the report kernels "
                         "(evaltools.publish.kernels.kernel_environment), restarting this script with it; "
                         "as-is: with this process's environment")
    args = ap.parse_args()
    if args.environment == "kernel":
        from evaltools.publish.kernels import kernel_environment
        missing = {k: v for k, v in kernel_environment().items() if k not in os.environ}
        if missing:  # read by the C libraries as the process starts: start again with them
            import sys
            os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **missing})
    t0 = time.perf_counter()
    project = build_project(args.persons, args.months)
    gen = time.perf_counter() - t0
    n_pay = len(project.payments) + len(project.comparison_payments)
    print(f"# Analysis benchmark, {dt.date.today()}")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, pandas {pd.__version__}")
    print(f"load average at the start: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(yardstick.line())
    from evaltools.publish.kernels import kernel_environment
    settings = ", ".join(f"{k}={os.environ.get(k, '(not set)')}" for k in kernel_environment())
    print(f"environment ({args.environment}): {settings}")
    print(f"data: {len(project.participants):,} participants, {len(project.comparison):,} comparison persons, "
          f"{n_pay:,} payment-months (generated in {gen:.1f} s)\n")
    print(f"medians of {args.repeat} runs" + (", each with the project's kept values forgotten (--cold)" if args.cold else "")
          + "\n")
    print("| analysis | wall time (s) | CPU time (s) | peak traced memory (MB) |\n|---|---:|---:|---:|")
    total_t = total_c = 0.0
    peaks = []
    for name, fn in ANALYSES.items():
        if args.only not in name:
            continue
        walls, cpus = [], []
        for _ in range(args.repeat):
            if args.cold:
                project._derived.clear()
            t, c = time.perf_counter(), time.process_time()
            fn(project)
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        peak = float("nan")
        if not args.no_memory:
            tracemalloc.start()
            fn(project)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        total_t += wall
        total_c += cpu
        peaks.append(peak)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak:,.0f} |", flush=True)
    print(f"| **all analyses** | **{total_t:.2f}** | **{total_c:.2f}** | **{max(peaks):,.0f}** (largest single analysis) |")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    import resource
    print(f"\nprocess peak RSS including the generated data: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB")


if __name__ == "__main__":
    main()
