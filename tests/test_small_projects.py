"""Every report section runs for small projects: 1 to 12 participants, with and without a comparison group.

Small projects are where suppression, empty breakdowns, single categories and intervals at 0 % or
100 % meet; each case below once crashed a report or could have.
"""
from __future__ import annotations

import contextlib
import io

import pytest
import yaml

import evaltools as et
from evaltools.data import synthetic

from .conftest import PARAMS


@pytest.mark.parametrize(("n", "n_comparison", "seed"), [(1, 0, 1), (3, 3, 1), (5, 0, 2), (7, 12, 2), (12, 3, 1)])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_section_runs(tmp_path, n, n_comparison, seed, lang):
    demo = synthetic.demo_project(seed=seed, n_participants=n, n_comparison=max(n_comparison, 1))
    for name, df in demo.items():
        if n_comparison or not name.startswith("comparison"):
            df.to_csv(tmp_path / f"{name}.csv", index=False)
    synthetic.kompassen_budget().to_csv(tmp_path / "budget.csv", index=False)
    # register outcomes for the persons of this project (the comparison persons only where it has them)
    register = synthetic.demo_register(demo["participants"], demo["comparison"].iloc[:len(demo["comparison"]) * bool(n_comparison)],
                                       seed=seed)
    for name, df in register.items():
        df.to_csv(tmp_path / f"{name}.csv", index=False)
    cfg = yaml.safe_load((PARAMS / "kompassen-demo.yaml").read_text(encoding="utf-8").replace(
        "../data/kompassen-demo/", f"{tmp_path}/"))
    if not n_comparison:
        del cfg["data"]["comparison"]
    params = tmp_path / "small.yaml"
    params.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    report = et.Report(params, lang=lang)
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        report.all_sections()
    written = et.export_report(report, tmp_path / "out")
    assert len(report.project.participants) == n
    assert any(p.suffix == ".xlsx" for p in written)
