"""Benchmark: report rendering speed (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_reports.py [--batch 12] [--repeat 3]

1. One project's report end to end from the command line (HTML + PDF + xlsx), cold, repeated.
2. A batch of ``--batch`` projects (copies of the samples under new ids), serial (--jobs 1)
   against parallel (--jobs = cores).
3. Where the time of one report goes: kernel start, imports, execution, HTML, PDF, from the
   executed notebook's cell timings and the renderer's own timings.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "evaltools"]
SAMPLES = ["timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan"]


def run(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(CLI + args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


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
    status = json.loads((report_dir / pid / "status.json").read_text())
    nb = nbformat.read(report_dir / pid / f"{pid}.ipynb", as_version=4)
    cells = [c.metadata.get("papermill", {}).get("duration") or 0.0 for c in nb.cells]
    imports = next(c.metadata["papermill"]["duration"] for c in nb.cells if "import evaltools" in c.source)
    run_cells = sum(cells) - imports
    execute = status["timings"]["execute"]
    return {"execute (papermill call)": execute, "of which imports in the kernel": imports,
            "of which report cells": run_cells, "of which kernel start + papermill overhead": execute - sum(cells),
            "HTML export": status["timings"]["html"], "PDF (WeasyPrint)": status["timings"].get("pdf", 0.0)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="evaltools-bench-"))
    print(f"# Report benchmark\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    one = []
    for i in range(args.repeat):
        out = tmp / f"one-{i}"
        one.append(run(["render", "timra-vagen-ut", "--formats", "html,pdf,xlsx", "--reports-dir", str(out), "--quiet"]))
    print("## One report from the CLI (timra-vagen-ut: HTML + PDF + xlsx)\n")
    print("runs: " + ", ".join(f"{t:.1f} s" for t in one) + "\n")
    print("| step | seconds |\n|---|---:|")
    for k, v in breakdown(tmp / "one-0", "timra-vagen-ut").items():
        print(f"| {k} | {v:.2f} |")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import evaltools.render, papermill"], check=True)  # the order the CLI uses
    print(f"| CLI process start + imports (papermill, evaltools) | {time.perf_counter() - start:.2f} |")
    batch = make_batch(args.batch, tmp)
    files = [str(p) for p in batch]
    serial = run(["render", *files, "--formats", "html,pdf,xlsx", "--reports-dir", str(tmp / "serial"), "--quiet", "--jobs", "1"])
    parallel = run(["render", *files, "--formats", "html,pdf,xlsx", "--reports-dir", str(tmp / "parallel"), "--quiet"])
    print(f"\n## Batch of {args.batch} projects\n")
    print("| mode | wall (s) | per report (s) |\n|---|---:|---:|")
    print(f"| serial (--jobs 1) | {serial:.1f} | {serial / args.batch:.2f} |")
    print(f"| parallel (--jobs {os.cpu_count()}) | {parallel:.1f} | {parallel / args.batch:.2f} |")
    print(f"\nspeed-up: {serial / parallel:.2f}x")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
