"""A batch's portfolio takes each project's row from the project's own report (the rows its kernel
computed), and loads a project itself only where no usable row was left."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from evaltools.present.portfolio import Portfolio, read_entries, write_entry
from evaltools.publish import render
from tests.conftest import PARAMS, sample_project

PIDS = ("kompassen-demo", "nasta-steg", "eskilstuna-ansokan")  # a comparison group, none, an application


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_portfolio_from_the_reports_rows_is_the_portfolio_computed_here(tmp_path, lang):
    paths = [PARAMS / f"{p}.yaml" for p in PIDS]
    for p in PIDS:
        write_entry(sample_project(p), lang, tmp_path / f"{p}.json")
    loaded, reused = Portfolio(paths, lang), Portfolio(paths, lang, entries=tmp_path)
    assert (loaded.reused, reused.reused) == (0, len(PIDS))
    pd.testing.assert_frame_equal(reused.table, loaded.table)
    pd.testing.assert_frame_equal(reused.goals, loaded.goals)
    assert reused.price_year == loaded.price_year


def test_a_row_from_the_reports_own_analyses_is_the_row_computed_for_the_portfolio(tmp_path):
    # the report's cost-benefit result carries the simulation and the effect-based estimate as well,
    # and its goal table is the report's; the row they give is the row the portfolio computes alone
    import evaltools as et
    report = et.Report(PARAMS / "kompassen-demo.yaml", lang="sv")
    assert report.cba.monte_carlo is not None and report.cba.effect_based is not None
    mine = write_entry(report.project, "sv", tmp_path / "report.json", cba=report.cba, goals=report.goals.table)
    alone = write_entry(sample_project("kompassen-demo"), "sv", tmp_path / "alone.json")
    assert json.loads(mine.read_text(encoding="utf-8")) == json.loads(alone.read_text(encoding="utf-8"))


def test_a_row_of_another_params_file_language_or_an_unreadable_one_is_not_used(tmp_path):
    path = PARAMS / "nasta-steg.yaml"
    project = sample_project("nasta-steg")
    entry = write_entry(project, "sv", tmp_path / "a.json")
    assert list(read_entries(tmp_path, "sv")) == [str(path.resolve())]
    assert read_entries(tmp_path, "en") == {}  # written in Swedish: not the English portfolio's row
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["params_sha256"] = "0" * 64  # the params file was changed after the report
    entry.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b.json").write_text('{"lang": "sv", "params_path": "x", "row": {', encoding="utf-8")  # half written
    assert Portfolio([path], "sv", entries=tmp_path).reused == 0
    shutil.rmtree(tmp_path)
    assert Portfolio([path], "sv", entries=tmp_path).reused == 0  # no folder at all: every project loaded


@pytest.mark.usefixtures("worker_zygote")
def test_a_report_rendered_for_a_batch_leaves_its_row_for_the_portfolio(tmp_path):
    path = PARAMS / "timra-vagen-ut.yaml"
    entries = tmp_path / "entries"
    entries.mkdir()
    res = render.render_project(path, tmp_path / "out", ("html",), entries=entries)
    assert res.ok, res.error
    assert render.entry_file(entries, path).is_file()
    portfolio = Portfolio([path], "sv", entries=entries)
    assert portfolio.reused == 1
    computed_here = Portfolio([path], "sv")
    pd.testing.assert_frame_equal(portfolio.table, computed_here.table)
    pd.testing.assert_frame_equal(portfolio.goals, computed_here.goals)
    assert not any((tmp_path / "out").rglob("*.json.tmp"))
    assert not any(p.suffix == ".json" and p.name != "status.json" for p in (tmp_path / "out").rglob("*"))


def test_a_batch_removes_its_folder_of_rows(tmp_path, monkeypatch):
    made = []
    real = render.tempfile.mkdtemp
    monkeypatch.setattr(render.tempfile, "mkdtemp", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    monkeypatch.setattr(render, "_worker", lambda args: render.RenderResult(str(args[0]), True))
    render.render_many([PARAMS / "nasta-steg.yaml"], tmp_path / "out", ("html",), jobs=1, progress=False,
                       portfolio=True, warm=False)
    assert len(made) == 1 and not Path(made[0]).exists()
