"""Benchmark: validating and loading wide and long data files (not a test; the figures are printed).

    .venv/bin/python benchmarks/bench_validate.py [--only wide,tall,national,national_xlsx,excel] [--persons 200000]
        [--months 50] [--excel-rows 50000] [--keep DIR] [--profile NAME]

Writes synthetic projects to a temporary folder, then times ``evaltools validate PARAMS`` (a fresh process, as the
evaluator runs it: wall time and the CPU time of the child process) and ``load_project`` in this process:

* ``wide``: a participants file of 3 000 columns and 4 rows (a case system's export of every field);
* ``tall``: 300 columns and 5 000 rows;
* ``national``: the national-scale project of bench_analysis.py (participants, a comparison group a quarter that
  size, payments in long form, ``persons x months`` rows each) written to CSV;
* ``national_xlsx``: the same participants written to .xlsx (the payments stay CSV: Excel holds 1 048 576 rows);
* ``excel``: an .xlsx of ``--excel-rows`` participants written by openpyxl as Excel users write one: a title row
  above the headings, a totals row below the list and a hidden column.

``--profile NAME`` runs ``load_project`` of that scenario under cProfile and prints the 25 costliest functions.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from evaltools.data import schema as S
from evaltools.data import synthetic
from evaltools.data.errors import DataValidationError
from evaltools.data.project import load_project

PARAMS = """id: {id}
kind: individ
title: Benchmark
forbund: Exempelförbundet
owner: Exempelby kommun
period:
  start: 2020-01-01
  planned_end: 2022-12-31
data_as_of: 2023-12-31
data:
  participants: {participants}
{more}goals:
  - id: n
    kind: participant_count
    label: n
    target: 100
    period: project_year
"""

_CODES = {S.SEX: ["kvinna", "man"], S.OUTCOME: ["arbete", "studier", "kvar_försörjningsstöd"],
          S.ACTION_PLAN: ["ja", "nej"]}


def _people(n: int, rng: np.random.Generator, prefix: str = "P") -> pd.DataFrame:
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
    return pd.DataFrame({
        S.PERSON_ID: [f"{prefix}{i:06d}" for i in range(n)],
        S.SEX: rng.choice(_CODES[S.SEX], n),
        S.BIRTH_YEAR: rng.integers(1960, 2002, n),
        S.START_DATE: start.strftime("%Y-%m-%d"),
        S.END_DATE: (start + pd.to_timedelta(rng.integers(30, 400, n), unit="D")).strftime("%Y-%m-%d"),
        S.OUTCOME: rng.choice(_CODES[S.OUTCOME], n),
        S.ACTION_PLAN: rng.choice(_CODES[S.ACTION_PLAN], n),
    })


def _extra_columns(df: pd.DataFrame, n_columns: int, rng: np.random.Generator) -> pd.DataFrame:
    """``df`` widened to ``n_columns`` with a case system's other fields: free text, numbers, dates, empty."""
    n, extra = len(df), {}
    for j in range(n_columns - len(df.columns)):
        kind = j % 4
        extra[f"Fält {j + 1}"] = (rng.choice(["Ja", "Nej", "Uppgift saknas", "Handläggare B"], n) if kind == 0 else
                                  rng.integers(0, 1000, n) if kind == 1 else
                                  np.full(n, "2021-03-04") if kind == 2 else np.full(n, ""))
    return pd.concat([df, pd.DataFrame(extra, index=df.index)], axis=1)


def _write(folder: Path, name: str, participants: str, more: str = "") -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(PARAMS.format(id=name, participants=participants, more=more), encoding="utf-8")
    return path


def wide(folder: Path, args) -> Path:
    rng = np.random.default_rng(1)
    _extra_columns(_people(4, rng), 3000, rng).to_csv(folder / "wide.csv", index=False)
    return _write(folder, "wide", "wide.csv")


def tall(folder: Path, args) -> Path:
    rng = np.random.default_rng(2)
    _extra_columns(_people(5000, rng), 300, rng).to_csv(folder / "tall.csv", index=False)
    return _write(folder, "tall", "tall.csv")


def _national_frames(args) -> dict[str, pd.DataFrame]:
    frames = synthetic.national_scale(args.persons, args.months)
    out = {}
    for key in ("participants", "comparison"):
        df = frames[key]
        keep = [c for c in (S.PERSON_ID, S.SEX, S.BIRTH_YEAR, S.HOUSEHOLD_TYPE, S.N_CHILDREN, S.START_DATE,
                            S.END_DATE, S.OUTCOME, S.SUPPORT_START, S.ACTION_PLAN, S.SGI_STATUS, S.HOUSEHOLD_ID)]
        df = df[keep].copy()
        df[S.BIRTH_YEAR] = df[S.BIRTH_YEAR].astype(int)
        df[S.N_CHILDREN] = df[S.N_CHILDREN].astype(int)
        for c in (S.START_DATE, S.END_DATE):
            df[c] = df[c].dt.strftime("%Y-%m-%d")
        out[key] = df
    for key in ("payments", "comparison_payments"):
        df = frames[key].copy()
        df[S.MONTH] = pd.to_datetime(df[S.MONTH]).dt.strftime("%Y-%m") if df[S.MONTH].dtype.kind == "M" \
            else df[S.MONTH].astype(str).str[:7]
        df[S.AMOUNT] = df[S.AMOUNT].round().astype(int)
        out[key] = df[[S.PERSON_ID, S.MONTH, S.AMOUNT]]
    return out


_NATIONAL_MORE = """  payments: payments.csv
  comparison:
    persons: comparison.csv
    payments: comparison_payments.csv
"""


def national(folder: Path, args, xlsx: bool = False) -> Path:
    frames = _national_frames(args)
    for key in ("comparison", "payments", "comparison_payments"):
        frames[key].to_csv(folder / f"{key}.csv", index=False)
    if xlsx:
        frames["participants"].to_excel(folder / "participants.xlsx", index=False)
        return _write(folder, "national_xlsx", "participants.xlsx", _NATIONAL_MORE)
    frames["participants"].to_csv(folder / "participants.csv", index=False)
    return _write(folder, "national", "participants.csv", _NATIONAL_MORE)


def excel(folder: Path, args) -> Path:
    import openpyxl  # (only this scenario writes a workbook cell by cell)
    rng = np.random.default_rng(4)
    df = _people(args.excel_rows, rng)
    df.insert(3, "Handläggare", rng.choice(["Handläggare A", "Handläggare B"], len(df)))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Deltagarförteckning 2020–2022"])
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append([int(v) if isinstance(v, np.integer) else v for v in row])
    ws.append(["Totalt", None, None, None, None, None, None, None])
    ws.column_dimensions["D"].hidden = True
    wb.save(folder / "excel.xlsx")
    return _write(folder, "excel", "excel.xlsx")


SCENARIOS = {"wide": wide, "tall": tall, "national": national,
             "national_xlsx": lambda f, a: national(f, a, xlsx=True), "excel": excel}


def _validate(params: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "evaltools", "validate", str(params)],
                          capture_output=True, text=True, env=os.environ, cwd=params.parent)
    # (run beside the params file: `python -m` puts the working folder first on the path, before PYTHONPATH)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.returncode


def _load(params: Path) -> tuple[float, float, str]:
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        load_project(params)
        outcome = "loaded"
    except DataValidationError as e:
        outcome = f"refused ({len(e.problems)} problems)"
    return time.perf_counter() - t0, time.process_time() - c0, outcome


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=",".join(SCENARIOS))
    ap.add_argument("--persons", type=int, default=200_000)
    ap.add_argument("--months", type=int, default=50)
    ap.add_argument("--excel-rows", type=int, default=50_000)
    ap.add_argument("--keep", help="write the projects here (and keep them)")
    ap.add_argument("--profile", help="profile load_project of this scenario")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"{'scenario':<15}{'validate wall':>15}{'CPU':>8}{'rc':>4}{'load_project wall':>19}{'CPU':>8}  outcome")
        for name in args.only.split(","):
            sub = folder / name
            sub.mkdir(exist_ok=True)
            params = SCENARIOS[name](sub, args)
            if args.profile == name:
                prof = cProfile.Profile()
                prof.runcall(_load, params)
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
                continue
            vw, vc, rc = _validate(params)
            lw, lc, outcome = _load(params)
            print(f"{name:<15}{vw:>14.1f}s{vc:>7.1f}s{rc:>4}{lw:>18.1f}s{lc:>7.1f}s  {outcome}", flush=True)


if __name__ == "__main__":
    main()
