"""Benchmark: how long a kernel client's readiness check takes once the kernel has started (not a test;
results go in docs/benchmarks.md).

    .venv/bin/python benchmarks/bench_kernel_ready.py [--repeat 3]

jupyter_client's own check waits for the broadcast channel to be quiet for 0.2 s after the kernel's
reply; the toolkit's client (:func:`evaltools.publish.kernels.ready_client_class`) ends when the
reply and the idle status of its request have arrived. Each run starts a kernel, waits two seconds
so that it has started in full, and times the check alone (wall time: the check waits, it does not
compute).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time


async def _one(factory) -> float:
    from evaltools.publish.kernels import kernel_manager_class
    km = kernel_manager_class()(kernel_name="python3", client_factory=factory)
    await km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        await asyncio.sleep(2.0)
        t = time.perf_counter()
        await kc.wait_for_ready(timeout=60)
        return time.perf_counter() - t
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)


async def _measure(repeat: int) -> dict[str, list[float]]:
    from jupyter_client.asynchronous.client import AsyncKernelClient

    from evaltools.publish.kernels import ready_client_class
    out: dict[str, list[float]] = {"jupyter_client's check": [], "the toolkit's check": []}
    for _ in range(repeat):  # alternately, so that the machine's load falls on both
        out["jupyter_client's check"].append(await _one(AsyncKernelClient))
        out["the toolkit's check"].append(await _one(ready_client_class()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    result = asyncio.run(_measure(args.repeat))
    print("| readiness check | runs (s) | median (s) |\n|---|---|---:|")
    for name, runs in result.items():
        print(f"| {name} | {', '.join(f'{r:.3f}' for r in runs)} | {statistics.median(runs):.3f} |")


if __name__ == "__main__":
    main()
