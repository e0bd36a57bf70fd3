"""Check that a change leaves the payment analyses' estimates as they were (not a test; used for
the speed work of issue 23, see docs/benchmarks.md).

    # in each checkout (before and after the change), with that checkout's evaltools on PYTHONPATH:
    .venv/bin/python benchmarks/estimates_check.py dump before.pkl            # the samples
    .venv/bin/python benchmarks/estimates_check.py dump before.pkl 200000     # national scale
    # then, with either:
    .venv/bin/python benchmarks/estimates_check.py compare before.pkl after.pkl [1e-9]

``dump`` pickles every result of ``compare_payments``, ``payment_phases``,
``reference_date_sensitivity`` and ``cost_benefit`` (with the comparison's results, and on its
own) for the sample projects in this checkout's params/ (or, given a number of persons, for the
generated national-scale project of bench_analysis.py); ``compare`` walks two dumps and fails on
the first number that differs by more than 1e-6 relative (absolute below 1; or the tolerance
given after the two files), or on any other difference, and prints the largest relative difference.
"""
from __future__ import annotations

import dataclasses
import math
import os
import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def dump(out: str, n: int) -> None:
    """Pickle the payment analyses' results of the samples (``n`` = 0) or of ``n`` generated persons to ``out``."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from evaltools.data.project import load_project  # (only for dump: compare needs no toolkit)
    from evaltools.analysis import comparison, costbenefit  # (only for dump)
    res = {}
    ids = ["kompassen-demo", "timra-vagen-ut", "sprangbradan-demo", "eskilstuna-specialistteamet", "nasta-steg", "samverkan-i-praktiken"]
    projects = []
    for i in (ids if not n else []):
        try:
            projects.append((i, load_project(ROOT / "params" / f"{i}.yaml")))
        except Exception as e:  # noqa: BLE001 (a sample this checkout lacks is skipped, and said so)
            print("skip", i, type(e).__name__)
    if n:
        import bench_analysis as B  # (beside this script)
        projects.append(("national", B.build_project(n, 50)))
    for name, pr in projects:
        d = comparison.compare_payments(pr)
        r = comparison.reference_date_sensitivity(pr)
        cb = costbenefit.cost_benefit(pr, payments=d, reference_dates=r)
        cb2 = costbenefit.cost_benefit(pr)  # on its own: estimates the DiD itself
        res[name] = {"did": d, "ref": r, "cb": cb, "cb_alone": cb2, "phases": comparison.payment_phases(pr)}
        print(name, "did", d.did and (d.did.effect, d.did.ci_low, d.did.ci_high), "placebo", d.placebo and d.placebo.effect)
    Path(out).write_bytes(pickle.dumps(res))


worst = [0.0, ""]  # the largest relative difference seen, and where
TOLERANCE = [1e-6]  # the largest relative difference allowed (set by compare's third argument)


def cmp(a, b, path: str) -> None:
    """Walk two results side by side; fail at the first difference beyond the tolerance (relative)."""
    if isinstance(a, pd.DataFrame) or isinstance(a, pd.Series):
        assert type(a) is type(b), path
        if isinstance(a, pd.DataFrame):
            assert list(a.columns) == list(b.columns), (path, list(a.columns), list(b.columns))
            assert a.shape == b.shape, (path, a.shape, b.shape)
            for c in a.columns:
                cmp(a[c].to_numpy(), b[c].to_numpy(), f"{path}[{c}]")
        else:
            cmp(a.to_numpy(), b.to_numpy(), path)
        cmp(list(a.index), list(b.index), path + ".index")
    elif isinstance(a, np.ndarray):
        assert a.shape == b.shape, (path, a.shape, b.shape)
        if a.dtype.kind in "fiu" and b.dtype.kind in "fiub":
            af, bf = a.astype(float), b.astype(float)
            assert (np.isnan(af) == np.isnan(bf)).all(), path
            ok = ~np.isnan(af)
            if ok.any():
                rel = np.abs(af[ok] - bf[ok]) / np.maximum(np.abs(af[ok]), 1.0)
                m = float(rel.max()) if len(rel) else 0.0
                if m > worst[0]:
                    worst[:] = [m, path]
                assert m < TOLERANCE[0], (path, m)
        else:
            for i, (x, y) in enumerate(zip(a.tolist(), b.tolist())):
                cmp(x, y, f"{path}[{i}]")
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a).__name__ == type(b).__name__, path
        for f in dataclasses.fields(a):
            cmp(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, dict):
        assert set(a) == set(b), (path, set(a) ^ set(b))
        for k in a:
            cmp(a[k], b[k], f"{path}[{k!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            cmp(x, y, f"{path}[{i}]")
    elif isinstance(a, (float, np.floating)) or isinstance(b, (float, np.floating)):
        if a is None or b is None:
            assert a is b, path
            return
        if math.isnan(a) or math.isnan(b):
            assert math.isnan(a) and math.isnan(b), (path, a, b)
            return
        rel = abs(a - b) / max(abs(a), 1.0)
        if rel > worst[0]:
            worst[:] = [rel, path]
        assert rel < TOLERANCE[0], (path, a, b)
    elif hasattr(a, "__dict__") and not isinstance(a, type):
        cmp(vars(a), vars(b), path)
    else:
        assert a == b or (a != a and b != b), (path, a, b)

def main() -> None:
    if sys.argv[1] == "dump":
        dump(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        a, b = (pickle.loads(Path(p).read_bytes()) for p in sys.argv[2:4])
        if len(sys.argv) > 4:
            TOLERANCE[0] = float(sys.argv[4])
        cmp(a, b, "")
        print(f"all equal within {TOLERANCE[0]:g} relative; largest relative difference", worst)


if __name__ == "__main__":
    main()
