"""Benchmark: report rendering speed (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_reports.py [--batch 12] [--repeat 3] [--one] [--by-hand]
    .venv/bin/python benchmarks/bench_reports.py --all [--repeat 3]

With ``--all``: ``evaltools render --all`` only (every sample and the portfolio), wall and CPU time
with the kernels (in a control group of its own, where one can be made). Otherwise:

1. One project's report end to end from the command line (HTML + PDF + xlsx), repeated; the
   median is shown with the runs. With ``--by-hand``, also the same notebook run by hand
   (papermill, nbconvert and WeasyPrint from their own command lines) and the ratio of the two.
2. A batch of ``--batch`` projects (copies of the samples under new ids), serial (--jobs 1)
   against parallel (the default: one worker per core, plus one).
3. Where the time of one report goes: kernel start, imports, execution, HTML, PDF, from the
   executed notebook's cell timings and the renderer's own timings; warm kernels (the default)
   against cold ones (``--cold-kernels``).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

import yardstick  # (beside this script)

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "evaltools"]
SAMPLES = ["timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan"]


def run(args: list[str], root: Path = ROOT) -> float:
    """Wall time of one ``evaltools`` command, run with the toolkit in ``root`` (this checkout by default)."""
    return run_cpu(args, root)[0]


def run_cpu(args: list[str], root: Path = ROOT) -> tuple[float, float]:
    """Wall time and CPU time of one ``evaltools`` command. The CPU time is that of the command's
    process and its kernel zygote (user + system); the report's kernel, which the zygote forks and
    the system reaps, is not in it. On a shared machine it is the steadier figure."""
    import resource
    env = {**os.environ, "PYTHONPATH": str(root)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(CLI + args, check=True, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_all(reports: Path, root: Path = ROOT) -> tuple[float, float | None]:
    """Wall time and CPU time of ``evaltools render --all`` (every sample and the portfolio), the CPU time
    of every process the command starts, kernels included: the command runs in a control group of its
    own (Linux, run as root; cgroup v1 ``cpuacct`` or v2). ``None`` for the CPU time where no control
    group can be made."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    group, read = _cpu_group()

    def enter() -> None:
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))
    t = time.perf_counter()
    subprocess.run(CLI + ["render", "--all", "--reports-dir", str(reports), "--quiet"], check=True, cwd=root, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=enter if group else None)
    wall = time.perf_counter() - t
    cpu = read() if read else None
    if group is not None:
        with contextlib.suppress(OSError):
            group.rmdir()
    return wall, cpu


def _cpu_group():
    """A new control group that counts CPU time, and a function that reads its seconds; (None, None)
    where none can be made."""
    name = f"evaltools-bench-{os.getpid()}-{time.monotonic_ns()}"
    for base, reader in ((Path("/sys/fs/cgroup/cpuacct"), lambda g: int((g / "cpuacct.usage").read_text()) / 1e9),
                         (Path("/sys/fs/cgroup"), lambda g: int(next(
                             line.split()[1] for line in (g / "cpu.stat").read_text().splitlines()
                             if line.startswith("usage_usec"))) / 1e6)):
        group = base / name
        try:
            group.mkdir()
            reader(group)
        except (OSError, StopIteration, ValueError):
            with contextlib.suppress(OSError):
                group.rmdir()
            continue
        return group, lambda g=group, r=reader: r(g)
    return None, None


def make_batch(n: int, folder: Path) -> list[Path]:
    """n projects: copies of the samples (params and data) under new ids."""
    out = []
    for i in range(n):
        old_id = SAMPLES[i % len(SAMPLES)]
        new_id = f"bench-{i:02d}-{old_id}"
        text = (ROOT / "params" / f"{old_id}.yaml").read_text(encoding="utf-8").replace(f"id: {old_id}", f"id: {new_id}", 1)
        data_dir = text.split("participants: ../data/")[1].split("/")[0] if "participants:" in text else None
        if data_dir:  # participants carry the project id: give the copy its own data folder
            shutil.copytree(ROOT / "data" / data_dir, folder / "data" / new_id)
            part = folder / "data" / new_id / "participants.csv"
            part.write_text(part.read_text(encoding="utf-8").replace(f",{data_dir},", f",{new_id},"), encoding="utf-8")
            text = text.replace(f"../data/{data_dir}/", f"../data/{new_id}/")
        else:
            text = text.replace("../data/", str(ROOT / "data") + "/")
        p = folder / "params" / f"{new_id}.yaml"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def breakdown(report_dir: Path, pid: str) -> dict:
    """Where one report's time went, from the renderer's timings and the executed notebook."""
    import datetime as dt
    status = json.loads((report_dir / pid / "status.json").read_text())
    nb = nbformat.read(report_dir / pid / f"{pid}.ipynb", as_version=4)
    meta = [c.metadata.get("papermill", {}) for c in nb.cells]
    def stamp(s: str) -> float:
        return dt.datetime.fromisoformat(s).timestamp()

    to_first_cell = stamp(meta[0]["start_time"]) - stamp(nb.metadata["papermill"]["start_time"])
    imports = next(c.metadata["papermill"]["duration"] for c in nb.cells if "import evaltools" in c.source)
    cells = sum(m.get("duration") or 0.0 for m in meta)
    execute = status["timings"]["execute"]
    return {"papermill call": execute,
            "— until the first cell runs (kernel start, waiting for the kernel's imports)": to_first_cell,
            "— import cell in the kernel": imports,
            "— report cells (analyses, charts, tables, xlsx)": cells - imports,
            "— papermill's own work after the cells": execute - to_first_cell - cells,
            "HTML export": status["timings"]["html"], "PDF (WeasyPrint)": status["timings"].get("pdf", 0.0)}


def by_hand(folder: Path) -> float:
    """The report notebook the way one would run it without the toolkit's renderer: papermill,
    then nbconvert to HTML (code hidden), then WeasyPrint to PDF, each from its own command line."""
    folder.mkdir(parents=True, exist_ok=True)
    nb, html = folder / "timra-vagen-ut.ipynb", folder / "timra-vagen-ut.html"
    t = time.perf_counter()
    for cmd in ([sys.executable, "-m", "papermill", "evaltools/notebooks/report.ipynb", str(nb), "-p", "params_path",
                 str(ROOT / "params" / "timra-vagen-ut.yaml"), "-p", "output_dir", str(folder), "--cwd", str(folder)],
                [sys.executable, "-m", "nbconvert", "--to", "html", "--no-input", str(nb), "--output", str(html)],
                [sys.executable, "-m", "weasyprint", str(html), str(folder / "timra-vagen-ut.pdf")]):
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def compare(other: Path, repeat: int) -> None:
    """One report (warm kernels) from this checkout and from ``other``, alternately, ``repeat`` times each."""
    tmp = Path(tempfile.mkdtemp(prefix="evaltools-bench-"))
    print(f"# One report, this checkout against {other}\n{start_line()}\n")
    times: dict[str, list[float]] = {"this": [], "other": []}
    cpus: dict[str, list[float]] = {"this": [], "other": []}
    for i in range(repeat):
        for name, root in (("other", other), ("this", ROOT)) if i % 2 == 0 else (("this", ROOT), ("other", other)):
            wall, cpu = run_cpu(["render", "timra-vagen-ut", "--formats", "html,pdf,xlsx", "--reports-dir",
                                 str(tmp / f"{name}-{i}"), "--quiet"], root)
            times[name].append(wall)
            cpus[name].append(cpu)
    print("| toolkit | wall, runs (s) | median (s) | CPU of the command and zygote, runs (s) | median (s) |\n"
          "|---|---|---:|---|---:|")
    for name, label in (("other", str(other)), ("this", "this checkout")):
        print(f"| {label} | " + ", ".join(f"{t:.1f}" for t in times[name]) + f" | {statistics.median(times[name]):.2f} | "
              + ", ".join(f"{t:.2f}" for t in cpus[name]) + f" | {statistics.median(cpus[name]):.2f} |")
    print(f"\nload average at the end: {load()}")
    shutil.rmtree(tmp, ignore_errors=True)


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def start_line() -> str:
    """The load average at the start and the machine's yardstick (benchmarks/yardstick.py)."""
    return f"load average at the start: {load()}\n{yardstick.line()}"


def timed_python(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", action="store_true", help="only the one-report measurements, no batch")
    ap.add_argument("--by-hand", action="store_true", help="also time the notebook run by hand (papermill, nbconvert, WeasyPrint)")
    ap.add_argument("--all", action="store_true", help="only `evaltools render --all` (the samples and the portfolio), "
                                                       "--repeat times: wall and CPU time, kernels included")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="another checkout of the toolkit (an earlier version): its one-report command runs "
                         "alternately with this one's, so that both meet the same load; nothing else is measured")
    args = ap.parse_args()
    if args.against:
        compare(args.against.resolve(), args.repeat)
        return
    tmp = Path(tempfile.mkdtemp(prefix="evaltools-bench-"))
    if args.all:
        documents = len(list((ROOT / "params").glob("*.yaml"))) + 1
        print(f"# render --all ({documents} documents: every project in params/ and the portfolio)\n")
        print(f"{start_line()}\n\n| run | wall (s) | per document (s) | CPU, kernels included (s) |\n|---|---:|---:|---:|")
        for i in range(args.repeat):
            wall, cpu = run_all(tmp / f"all-{i}")
            print(f"| {i + 1} | {wall:.1f} | {wall / documents:.2f} | {'–' if cpu is None else f'{cpu:.1f}'} |")
        print(f"\nload average at the end: {load()}")
        shutil.rmtree(tmp, ignore_errors=True)
        return
    cores = os.cpu_count()
    print(f"# Report benchmark\nmachine: {platform.platform()}, {cores} cores, Python {platform.python_version()}\n")
    print(f"{start_line()}\n")
    one: dict[str, list[float]] = {"warm": [], "cold": [], "by hand": []}
    for i in range(args.repeat):
        for mode in ("warm", "cold"):
            extra = ["--cold-kernels"] if mode == "cold" else []
            one[mode].append(run(["render", "timra-vagen-ut", "--formats", "html,pdf,xlsx", "--reports-dir",
                                  str(tmp / f"one-{mode}-{i}"), "--quiet", *extra]))
        if args.by_hand:
            one["by hand"].append(by_hand(tmp / f"by-hand-{i}"))
    print("## One report from the CLI (timra-vagen-ut: HTML + PDF + xlsx)\n")
    print("| kernels | runs (s) | median (s) |\n|---|---|---:|")
    for mode, label in (("warm", "warm (default)"), ("cold", "cold (`--cold-kernels`)"),
                        ("by hand", "by hand: papermill + nbconvert + WeasyPrint")):
        if one[mode]:
            print(f"| {label} | " + ", ".join(f"{t:.1f}" for t in one[mode]) + f" | {statistics.median(one[mode]):.2f} |")
    if one["by hand"]:
        print(f"\nratio, toolkit (warm) / by hand: {statistics.median(one['warm']) / statistics.median(one['by hand']):.2f}")
    print("\nWarm run 1, step by step:\n\n| step | seconds |\n|---|---:|")
    for k, v in breakdown(tmp / "one-warm-0", "timra-vagen-ut").items():
        print(f"| {k} | {v:.2f} |")
    zygote = timed_python("import importlib, os; os.environ['PYDEVD_DISABLE_FILE_VALIDATION'] = '1'; "
                          "from evaltools.publish.kernels import PRELOAD, _warm_up; [importlib.import_module(m) for m in PRELOAD]; _warm_up()")
    renderer = timed_python("import evaltools.publish.render as r; r.prepare()")
    print(f"\nStart-up, measured on their own: the zygote's imports {zygote:.2f} s; the renderer's imports and "
          f"warm-up {renderer:.2f} s. The CLI runs the two at the same time, one per core.")
    print(f"\nload average after the one-report runs: {load()}")
    if args.one:
        shutil.rmtree(tmp, ignore_errors=True)
        return
    batch = make_batch(args.batch, tmp)
    files = [str(p) for p in batch]
    common = ["render", *files, "--formats", "html,pdf,xlsx", "--quiet"]
    serial = run([*common, "--reports-dir", str(tmp / "serial"), "--jobs", "1"])
    parallel = run([*common, "--reports-dir", str(tmp / "parallel")])
    cold = run([*common, "--reports-dir", str(tmp / "cold"), "--cold-kernels"])
    print(f"\n## Batch of {args.batch} projects\n")
    print("| mode | wall (s) | per report (s) |\n|---|---:|---:|")
    print(f"| serial (--jobs 1) | {serial:.1f} | {serial / args.batch:.2f} |")
    print(f"| parallel (default, {cores + 1} workers) | {parallel:.1f} | {parallel / args.batch:.2f} |")
    print(f"| parallel, cold kernels | {cold:.1f} | {cold / args.batch:.2f} |")
    print(f"\nspeed-up of parallel over serial: {serial / parallel:.2f}x\n")
    steps = [breakdown(tmp / "parallel", p.stem) for p in batch]
    print("Mean per report in the parallel batch (seconds of each report's own timeline):\n\n| step | seconds |\n|---|---:|")
    for k in steps[0]:
        print(f"| {k} | {sum(s[k] for s in steps) / len(steps):.2f} |")
    print(f"\nload average at the end: {load()}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
