"""Benchmark: the CPU work of a report's cells, in one process (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_cells.py [--repeat 5] [--against /path/to/other/checkout [--rounds 2]]

For every sample project: what the report notebook's cells do (load the project, build the report,
show every section, write the tables), in this process, with no kernel, no HTML or PDF; and a small
project of 11 participants loaded and reported on (the kind of work most tests do). Each figure is
the *least* CPU time of ``--repeat`` runs after a first run that warms the imports: on a shared
machine the least is the run that waited least, so it is the steadiest figure to compare.

With ``--against``, the same in child processes with the other checkout's toolkit first on the
path, alternately with this one's (``--rounds`` times each, ``--repeat`` runs in each), and the two
side by side.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ["timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "nasta-steg", "sprangbradan-demo"]

SMALL = textwrap.dedent("""\
    id: liten
    title: Litet projekt
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2022-01-01, planned_end: 2023-12-31}
    data_as_of: 2023-06-30
    data:
      participants: data/participants.csv
      budget: data/budget.csv
    goals:
      - {id: arbete, kind: share, label: Minst 30 % till arbete, target: 0.3, period: whole_period,
         denominator: exits, success_outcomes: [arbete]}
    """)


def _small_project(folder: Path) -> Path:
    """11 participants, 10 ended (2 to work), one budget line: the size of most tests' projects."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    rows = ["person_id,sex,birth_year,household_type,start_date,end_date,outcome"]
    for i in range(11):
        outcome = "" if i == 10 else ("arbete" if i < 2 else "kvar_försörjningsstöd")
        rows.append(f"P{i + 1},{'kvinna' if i % 2 else 'man'},{1970 + i},ensamstående,2022-02-01,"
                    f"{'' if i == 10 else '2022-10-01'},{outcome}")
    (folder / "data" / "participants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "data" / "budget.csv").write_text("period,category,budget,actual\n2022,Lön,100000,90000\n", encoding="utf-8")
    path = folder / "liten.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _cells(params: str | Path) -> None:
    """The report notebook's cells (evaltools/notebooks/report.ipynb), shown to nowhere."""
    import evaltools as et
    report = et.Report(params)
    report.title()
    report.summary()
    report.facts()
    for name in ("background", "implementation"):
        report.evaluator_section(name)
    report.goal_section()
    report.survey_section()
    report.participants_section()
    report.outcome_section()
    report.time_section()
    report.payments_section()
    report.budget_section()
    report.costbenefit_section()
    for name in ("analysis", "lessons", "recommendations"):
        report.evaluator_section(name)
    report.appendix()
    with tempfile.TemporaryDirectory() as out:
        et.export_report(report, out, None)


def measure(repeat: int) -> dict[str, float]:
    """Least CPU seconds of ``repeat`` runs, per sample and for the small project, in the environment the
    command gives a report's kernel (one thread for the linear-algebra libraries), set before numpy is imported."""
    from evaltools.publish.kernels import kernel_environment  # (imports neither numpy nor pandas)
    for name, value in kernel_environment().items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.chdir(ROOT)  # (the samples are found by id in this checkout's params/)
    import gc

    import evaltools as et
    from IPython.core.interactiveshell import InteractiveShell
    InteractiveShell.instance()  # (sections are shown as in a kernel)
    et.setup_notebook()
    small = _small_project(Path(tempfile.mkdtemp()))
    work = {pid: (lambda p=pid: _cells(p)) for pid in SAMPLES}
    work["small project (11 participants)"] = lambda: _cells(small)
    out = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for name, run in work.items():
            run()  # (imports and caches warmed, as in a kernel forked from a warm process)
            gc.collect()
            gc.freeze()  # (as the kernels do: the imported modules are not scanned)
            times = []
            for _ in range(repeat):
                t = time.process_time()
                run()
                times.append(time.process_time() - t)
            out[name] = min(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", type=Path, metavar="CHECKOUT", help="another checkout to compare with")
    ap.add_argument("--rounds", type=int, default=2, help="with --against: how many times each checkout runs, alternately")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # (a child's answer to --against)
    args = ap.parse_args()
    if args.json:
        print(json.dumps(measure(args.repeat)))
        return
    if args.against is None:
        result = measure(args.repeat)
        print(f"least CPU seconds of {args.repeat} runs\n\n| report | CPU s |\n|---|---:|")
        for name, s in result.items():
            print(f"| {name} | {s:.3f} |")
        return

    def child(root: Path) -> dict[str, float]:
        env = {**os.environ, "PYTHONPATH": str(root), "MPLBACKEND": "Agg"}
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--json", "--repeat", str(args.repeat)], cwd=root,
                              env=env, check=True, capture_output=True, text=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    this: dict[str, list[float]] = {}
    other: dict[str, list[float]] = {}
    for _ in range(args.rounds):  # alternately, so that a change in the machine's load falls on both
        for into, root in ((this, ROOT), (other, args.against.resolve())):
            for name, s in child(root).items():
                into.setdefault(name, []).append(s)
    print(f"least CPU seconds of {args.rounds} x {args.repeat} runs, alternately\n\n| report | {args.against} | this checkout | change |\n"
          "|---|---:|---:|---:|")
    for name in this:
        a, b = min(other[name]), min(this[name])
        print(f"| {name} | {a:.3f} | {b:.3f} | {100 * (b - a) / a:+.0f} % |")


if __name__ == "__main__":
    main()
