"""Benchmark: ``evaltools render PROJECT --watch`` (not a test; results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_watch.py [--project timra-vagen-ut] [--saves 5]

Copies the sample params and data to a temporary project folder (``EVALTOOLS_ROOT``), starts the
command there, waits for its first report (the command's cold start, as ``evaltools render``), then
saves the project's params file ``--saves`` times, a few seconds apart, and measures each time from
the save until the command has printed the report done: the figure an evaluator meets while writing
the text. Also the command's memory (resident set) after the first report and after the last, to
show that renders in one process do not pile up memory.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", default="timra-vagen-ut")
    ap.add_argument("--saves", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="evaltools-bench-watch-") as tmp:
        root = Path(tmp)
        for name in ("params", "data"):
            shutil.copytree(ROOT / name, root / name)
        params = root / "params" / f"{args.project}.yaml"
        env = {**os.environ, "EVALTOOLS_ROOT": str(root), "MPLBACKEND": "Agg"}
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "evaltools", "render", args.project, "--watch", "--quiet"],
                                cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                encoding="utf-8", start_new_session=True)
        lines: list[tuple[float, str]] = []

        def read() -> None:
            for line in proc.stdout:  # type: ignore[union-attr]
                lines.append((time.perf_counter(), line))
        threading.Thread(target=read, daemon=True).start()

        def done_after(n: int) -> float:
            while True:
                stamps = [t for t, line in list(lines) if f" {args.project} " in line and line[:1] in "✓!✗"]
                if len(stamps) >= n:
                    return stamps[n - 1]
                if proc.poll() is not None:
                    raise SystemExit("the command ended:\n" + "".join(line for _, line in lines))
                time.sleep(0.01)

        first = done_after(1) - start
        rss_first = _rss_mb(proc.pid)
        after_save = []
        for i in range(args.saves):
            time.sleep(2.0)
            saved = time.perf_counter()
            os.utime(params)
            after_save.append(done_after(i + 2) - saved)
        rss_last = _rss_mb(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)
    print(f"project {args.project}; load average {os.getloadavg()[0]:.2f} at the end\n")
    print(f"first report (the command's cold start): {first:.2f} s")
    print(f"save → report done, {args.saves} saves: median {statistics.median(after_save):.2f} s "
          f"({', '.join(f'{s:.2f}' for s in after_save)})")
    if rss_first is not None and rss_last is not None:
        print(f"command's memory: {rss_first:.0f} MB after the first report, {rss_last:.0f} MB after the last")


if __name__ == "__main__":
    main()
