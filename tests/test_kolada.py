"""Kolada context series: fetched through the API v3 (here: a recorded answer, never the network),
kept in the project's data folder with the day fetched, and cited in the report."""
from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.data import kolada
from evaltools.data.errors import DataValidationError

from .conftest import shown_chunks

RECORDED = Path(__file__).parent / "data" / "kolada_N31807_0305.json"
URL = "https://api.kolada.se/v3/data/kpi/N31807/municipality/0305"
# the recorded answer's totals (gender T) by year; 2018 has no value
SERIES = [(2019, 410.0), (2020, 395.0), (2021, 372.5), (2022, 351.0), (2023, 340.0)]


@pytest.fixture
def api(monkeypatch):
    """Kolada's API answering from the recorded file; the addresses asked for are kept."""
    asked: list[str] = []

    def answer(url: str) -> dict:
        asked.append(url)
        if url != URL:
            raise OSError(f"no recorded answer for {url}")
        return json.loads(RECORDED.read_text(encoding="utf-8"))

    monkeypatch.setattr(kolada, "_get_json", answer)
    return asked


@pytest.fixture
def offline(monkeypatch):
    def fail(url: str) -> dict:
        raise OSError("network is unreachable")
    monkeypatch.setattr(kolada, "_get_json", fail)


def test_the_answer_gives_the_totals_by_year():
    payload = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert kolada.parse_response(payload, "N31807", "0305") == SERIES
    assert kolada.parse_response(payload, "N31807", "0180") == []  # another municipality's items are not ours


def test_fetch_asks_the_v3_address_and_records_the_day(api):
    s = kolada.fetch_series("N31807", "0305", today=dt.date(2026, 3, 2))
    assert api == [URL]
    assert list(s.points) == SERIES and s.fetched == dt.date(2026, 3, 2) and s.url == URL
    assert s.citation("sv") == "Kolada (RKA), nyckeltal N31807, kommun 0305, hämtad 2026-03-02"
    assert s.citation("en", "Källa: Kolada, N31807.") == "Källa: Kolada, N31807; retrieved from Kolada 2026-03-02"


def test_the_kept_series_reads_back(tmp_path, api):
    s = kolada.fetch_series("N31807", "0305", today=dt.date(2026, 3, 2))
    path = kolada.write_cache(s, tmp_path)
    assert path == tmp_path / "kolada_N31807_0305.csv"
    assert kolada.read_cache(path) == s


@pytest.mark.parametrize("kpi, municipality", [("N3180", "0305"), ("n31807", "0305"), ("N31807", "305"),
                                               ("N31807", "03O5")])
def test_malformed_ids_are_refused_before_anything_is_fetched(api, kpi, municipality):
    with pytest.raises(kolada.KoladaError):
        kolada.fetch_series(kpi, municipality)
    assert api == []


def test_an_unreachable_api_says_what_to_do(offline):
    with pytest.raises(kolada.KoladaError) as e:
        kolada.fetch_series("N31807", "0305")
    assert "kunde inte hämta nyckeltalet N31807 för kommun 0305" in e.value.message("sv")
    assert "write the series in the params file" in e.value.message("en")


def _project(tmp_path: Path, extra_goal: str = "") -> Path:
    from .conftest import participants_frame, write_csv
    write_csv(tmp_path / "data" / "participants.csv", participants_frame())
    p = tmp_path / "ctx.yaml"
    p.write_text(textwrap.dedent("""\
        id: ctx
        title: Sammanhang
        forbund: F
        owner: O
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data:
          participants: data/participants.csv
        goals:
          - id: långvariga
            kind: context
            label: Färre långvariga mottagare av försörjningsstöd i kommunen
            unit: hushåll
            kolada: {kpi: N31807, municipality: '0305'}
        """) + extra_goal, encoding="utf-8")
    return p


def test_a_context_goal_from_kolada_is_fetched_once_kept_and_cited(tmp_path, api, monkeypatch):
    project = et.load_project(_project(tmp_path))
    kept = tmp_path / "data" / "kolada_N31807_0305.csv"
    assert kept.is_file() and api == [URL]
    goal = project.params.goals[0]
    assert [(p.period, p.value) for p in goal.series] == SERIES
    today = dt.date.today().isoformat()
    assert goal.series_source == f"Kolada (RKA), nyckeltal N31807, kommun 0305, hämtad {today}"
    # loaded again (or the params file alone): read from the data folder, not the network
    monkeypatch.setattr(kolada, "_get_json", lambda url: pytest.fail("fetched again"))
    again = et.load_project(_project(tmp_path))
    assert again.params.goals[0].series == goal.series
    assert et.load_params(_project(tmp_path)).goals[0].series_source == goal.series_source


def test_the_report_shows_the_series_with_its_source_and_date(tmp_path, api):
    from evaltools.present.sections.goals import context_blocks
    report = et.Report(_project(tmp_path), lang="sv")
    shown = " ".join(shown_chunks(context_blocks(report)))
    assert "410 hushåll år 2019" in shown and "340 hushåll år 2023" in shown
    assert f"Kolada (RKA), nyckeltal N31807, kommun 0305, hämtad {dt.date.today().isoformat()}" in shown


def test_an_english_report_cites_it_in_english(tmp_path, api):
    from evaltools.present.sections.goals import context_blocks
    report = et.Report(_project(tmp_path), lang="en")
    shown = " ".join(shown_chunks(context_blocks(report)))
    assert f"Kolada (RKA), KPI N31807, municipality 0305, retrieved {dt.date.today().isoformat()}" in shown
    assert "hämtad" not in shown


def test_a_series_that_cannot_be_fetched_is_a_problem_of_the_project(tmp_path, offline):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_project(tmp_path), lang="en")
    assert "could not fetch KPI N31807 for municipality 0305" in e.value.message("en")
    assert not (tmp_path / "data" / "kolada_N31807_0305.csv").exists()
    # named in the params file, at the goal, not in the file the series would have been kept in (which does not exist)
    [p] = e.value.problems
    assert Path(p.file).name == "ctx.yaml"
    assert "kolada_N31807_0305.csv" not in e.value.message("sv")


def test_the_command_keeps_the_series_in_the_projects_data_folder(tmp_path, api, capsys):
    from evaltools.publish import cli
    params = _project(tmp_path)
    assert cli.main(["kolada", "N31807", "0305", "--project", str(params)]) == 0
    out = capsys.readouterr().out
    assert "✓ N31807 för kommun 0305: 5 år (2019–2023)" in out
    assert "kolada: {kpi: N31807, municipality: '0305'}" in out
    assert kolada.read_cache(tmp_path / "data" / "kolada_N31807_0305.csv").points == tuple(SERIES)


def test_the_command_offline_fails_with_the_reason(tmp_path, offline, capsys):
    from evaltools.publish import cli
    assert cli.main(["kolada", "N31807", "0305", "--project", str(_project(tmp_path)), "--lang", "en"]) == 1
    assert "could not fetch KPI N31807" in capsys.readouterr().err


def test_a_kept_series_that_cannot_be_read_refuses_the_params_file(tmp_path):
    params = _project(tmp_path)
    (tmp_path / "data" / "kolada_N31807_0305.csv").write_text("period,value\n2019,410\n", encoding="utf-8")
    with pytest.raises(et.ParamsError) as e:
        et.load_params(params)
    assert "kolada_N31807_0305.csv" in e.value.message("en") and "fetch the series again" in e.value.message("en")


def test_the_kept_series_is_among_the_reports_input_checksums(tmp_path, api):
    project = et.load_project(_project(tmp_path))
    assert "kolada_N31807_0305.csv" in project.checksums


def test_the_command_names_an_unknown_project_in_the_users_language(tmp_path, capsys):
    from evaltools.publish import cli
    assert cli.main(["kolada", "N31807", "0305", "--project", "ingen-sadan-projekt"]) == 1
    err = capsys.readouterr().err
    assert "ingen-sadan-projekt" in err and "Traceback" not in err and "no such" not in err.lower()
