from __future__ import annotations

import pytest

from evaltools.publish import cli

from evaltools.data import paths

from .conftest import participants_frame, write_csv


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["render"])
    assert e.value.code == 2
    assert "name at least one project" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "finns-inte"])
    assert e.value.code == 2
    assert "timra-vagen-ut" in capsys.readouterr().err  # lists the known projects
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "timra-vagen-ut", "--jobs", "0"])
    assert e.value.code == 2
    assert "--jobs: expected at least 1 process, got 0" in capsys.readouterr().err


def test_validate_reports_problems_and_exits_1(tiny_project, capsys):
    df = participants_frame()
    df.loc[2, "sex"] = "kvinnа"  # Cyrillic a
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    assert cli.main(["validate", str(tiny_project())]) == 1
    err = capsys.readouterr().err
    assert "rad 4, kolumn 'sex': står 'kvinnа'; förväntat en av kvinna, man, annat, okänt – menar du 'kvinna'?" in err


def test_validate_good_project(tiny_project, capsys):
    assert cli.main(["validate", str(tiny_project())]) == 0
    assert "✓ tiny: 4 enrolments" in capsys.readouterr().out


def test_new_scaffolds_a_project_that_validates_once_filled(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "nytt-projekt", "--title", "Nytt projekt"]) == 0
    params = tmp_path / "params" / "nytt-projekt.yaml"
    assert params.exists()
    header = (tmp_path / "data" / "nytt-projekt" / "participants.csv").read_text().strip().split(",")
    assert header[:3] == ["person_id", "project_id", "sex"]
    assert cli.main(["new", "nytt-projekt"]) == 1  # never overwrites
    # the scaffold loads once data rows are added (payments left empty is allowed)
    from evaltools import load_project
    write_csv(tmp_path / "data" / "nytt-projekt" / "participants.csv", participants_frame().assign(
        start_date=["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], end_date="", outcome=""))
    import datetime as dt
    text = params.read_text().replace(f"start: {dt.date.today()}", "start: 2026-11-01")
    for name in ("participants", "payments", "budget"):  # the CSV templates instead of the workbook
        text = text.replace(f"{name}: ../data/nytt-projekt/nytt-projekt.xlsx", f"{name}: ../data/nytt-projekt/{name}.csv")
    params.write_text(text)
    project = load_project(params)
    assert len(project.participants) == 4
    assert paths.params_path("x").name == "x.yaml"


def test_list(capsys):
    assert cli.main(["list"]) == 0
    assert "timra-vagen-ut" in capsys.readouterr().out


def test_project_folder_from_environment(tmp_path):
    """EVALTOOLS_ROOT moves params/, data/ and reports/ (say, to a protected drive); the notebooks
    and the report template stay with the toolkit."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "EVALTOOLS_ROOT": str(tmp_path)}
    run = [sys.executable, "-m", "evaltools"]
    made = subprocess.run([*run, "new", "skyddat"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "params" / "skyddat.yaml").is_file()
    assert (tmp_path / "data" / "skyddat" / "participants.csv").is_file()
    listed = subprocess.run([*run, "list"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert listed.stdout.split()[0] == "skyddat"
    assert "timra-vagen-ut" not in listed.stdout
    where = subprocess.run([sys.executable, "-c", "from evaltools import paths; print(paths.REPORTS_DIR); "
                            "print(paths.NOTEBOOKS_DIR)"], env=env, capture_output=True, text=True, cwd=tmp_path)
    reports, notebooks = where.stdout.split("\n")[:2]
    assert reports == str(tmp_path.resolve() / "reports")
    assert notebooks == str(paths.NOTEBOOKS_DIR) and (paths.NOTEBOOKS_DIR / "report.ipynb").is_file()
