from __future__ import annotations

import pytest

from evaltools.publish import cli

from evaltools.data import paths

from .conftest import participants_frame, write_csv


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["render"])
    assert e.value.code == 2
    assert "ange minst ett projekt" in capsys.readouterr().err  # in Swedish unless --lang en
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "--lang", "en"])
    assert "name at least one project" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "finns-inte"])
    assert e.value.code == 2
    assert "timra-vagen-ut" in capsys.readouterr().err  # lists the known projects
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "timra-vagen-ut", "--jobs", "0"])
    assert e.value.code == 2
    assert "--jobs: förväntat minst 1 process; står 0" in capsys.readouterr().err  # (in Swedish unless --lang en)


def test_validate_reports_problems_and_exits_1(tiny_project, capsys):
    df = participants_frame()
    df.loc[2, "sex"] = "kvinnа"  # Cyrillic a
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    assert cli.main(["validate", str(tiny_project())]) == 1
    err = capsys.readouterr().err
    assert "rad 4, kolumn 'sex': står 'kvinnа'; förväntat en av kvinna, man, annat, okänt – menar du 'kvinna'?" in err


def test_validate_good_project(tiny_project, capsys):
    # payments for every participant: a participant without rows would give a data-quality note
    with open(tiny_project.dir / "data" / "payments.csv", "a", encoding="utf-8") as f:
        f.write("P3,2022-06,5000\nP4,2023-01,5000\n")
    # and a budget line for each year of the period (2022–2023): a year without one would give a note too
    with open(tiny_project.dir / "data" / "budget.csv", "a", encoding="utf-8") as f:
        f.write("2023,Lön,0,0\n")
    assert cli.main(["validate", str(tiny_project())]) == 0
    assert "✓ tiny: 4 inskrivningar; anteckningar om datakvaliteten: 0" in capsys.readouterr().out
    assert cli.main(["validate", "--lang", "en", str(tiny_project())]) == 0
    assert "✓ tiny: 4 enrolments; data-quality notes: 0" in capsys.readouterr().out


def test_new_scaffolds_a_project_that_validates_once_filled(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "nytt-projekt", "--title", "Nytt projekt"]) == 0
    params = tmp_path / "params" / "nytt-projekt.yaml"
    assert params.exists()
    header = (tmp_path / "data" / "nytt-projekt" / "participants.csv").read_text().strip().split(",")
    assert header[:3] == ["person_id", "project_id", "sex"]
    assert cli.main(["new", "nytt-projekt"]) == 1  # never overwrites
    # the scaffold loads once data rows are added (payments left empty is allowed) and its
    # placeholders are filled in
    from evaltools import load_project
    write_csv(tmp_path / "data" / "nytt-projekt" / "participants.csv", participants_frame().assign(
        start_date=["2022-12-01", "2022-12-02", "2022-12-03", "2022-12-04"], end_date="", outcome=""))
    text = params.read_text()
    assert "kind: FYLL I" in text and "title: Nytt projekt" in text
    for old, new in (("kind: FYLL I individ, struktur eller ansökan", "kind: individ"),
                     ("forbund: FYLL I samordningsförbundets namn", "forbund: Samordningsförbundet Test"),
                     ("owner: FYLL I projektägare, till exempel en kommun", "owner: Testkommun"),
                     ("start: FYLL I ÅÅÅÅ-MM-DD", "start: 2022-11-01"), ("planned_end: FYLL I ÅÅÅÅ-MM-DD", "planned_end: 2024-10-31"),
                     ("granted_sek: FYLL I beviljat belopp i kronor", "granted_sek: 1500000")):
        assert old in text, old
        text = text.replace(old, new)
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
    # the command ends without tearing down the interpreter (cli.run): its exit code and the output
    # written to a pipe (block-buffered) still arrive in full
    refused = subprocess.run([*run, "validate", "skyddat"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert refused.returncode == 1
    assert "FYLL I" in refused.stderr and refused.stderr.rstrip().endswith("(evaltools new skrev en platshållare)")
    where = subprocess.run([sys.executable, "-c", "from evaltools import paths; print(paths.REPORTS_DIR); "
                            "print(paths.NOTEBOOKS_DIR)"], env=env, capture_output=True, text=True, cwd=tmp_path)
    reports, notebooks = where.stdout.split("\n")[:2]
    assert reports == str(tmp_path.resolve() / "reports")
    assert notebooks == str(paths.NOTEBOOKS_DIR) and (paths.NOTEBOOKS_DIR / "report.ipynb").is_file()


def test_new_writes_placeholders_that_validate_refuses_until_filled_in(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "tomt-projekt"]) == 0
    out = capsys.readouterr().out
    assert "✓ skrev" in out and "FYLL I" in out and "evaltools validate tomt-projekt" in out  # in Swedish
    params = tmp_path / "params" / "tomt-projekt.yaml"
    text = params.read_text(encoding="utf-8")
    assert "\nkind: FYLL I" in text and "title: FYLL I" in text and "granted_sek: FYLL I" in text
    assert cli.main(["validate", str(params)]) == 1  # the kind, dates and amount are no values
    err = capsys.readouterr().err
    assert "kind: står 'FYLL I" in err and "period, start: står 'FYLL I" in err
    for field in ("title", "forbund", "owner"):  # ... and the names, which pass the params check, all at once
        assert f"fyll i {field} (evaltools new skrev en platshållare)" in err, field
    # with kind, dates and amount filled in, the names still left as placeholders are refused, all at once
    for old, new in (("kind: FYLL I individ, struktur eller ansökan", "kind: individ"),
                     ("start: FYLL I ÅÅÅÅ-MM-DD", "start: 2026-11-01"), ("planned_end: FYLL I ÅÅÅÅ-MM-DD", "planned_end: 2028-10-31"),
                     ("granted_sek: FYLL I beviljat belopp i kronor", "granted_sek: 1500000")):
        text = text.replace(old, new)
    for name in ("participants", "payments", "budget"):
        text = text.replace(f"{name}: ../data/tomt-projekt/tomt-projekt.xlsx", f"{name}: ../data/tomt-projekt/{name}.csv")
    params.write_text(text, encoding="utf-8")
    write_csv(tmp_path / "data" / "tomt-projekt" / "participants.csv", participants_frame().assign(
        start_date=["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], end_date="", outcome=""))
    assert cli.main(["validate", str(params)]) == 1
    err = capsys.readouterr().err
    for field in ("title", "forbund", "owner"):
        assert f"fyll i {field} (evaltools new skrev en platshållare)" in err, field


def test_new_in_english_says_so_in_english(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "--lang", "en", "eng-projekt"]) == 0
    out = capsys.readouterr().out
    assert "✓ wrote" in out and "Then run: evaltools validate eng-projekt" in out
    assert "language: en" in (tmp_path / "params" / "eng-projekt.yaml").read_text(encoding="utf-8")
    assert cli.main(["new", "--lang", "en", "eng-projekt"]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err


def test_a_personnummer_is_reported_with_every_other_problem_of_the_file_in_one_language(tiny_project, capsys):
    df = participants_frame()
    df.loc[1, "person_id"] = "811218-9876"  # the file's row 3 (a made-up number)
    df.loc[2, "sex"] = "kvinnа"  # Cyrillic a, row 4
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    assert cli.main(["validate", str(tiny_project())]) == 1
    err = capsys.readouterr().err
    assert "9876" not in err and "811218" not in err
    assert "rad 3, kolumn 'person_id': cellen ser ut som ett personnummer" in err
    assert "rad 4, kolumn 'sex': står 'kvinnа'" in err  # the file's other problem, in the same language
    assert "2 problem" in err  # the emptied cell is not a problem of its own
    assert not any(w in err for w in ("pseudonymous", "replace it", "expected"))


def test_a_renamed_person_gets_one_note_not_one_per_payment(tiny_project, capsys):
    rows = [{"person_id": "P9", "month": f"2022-{m:02d}", "amount": 9000} for m in range(1, 13)]
    rows += [{"person_id": "P1", "month": "2022-01", "amount": 9000}]
    write_csv(tiny_project.dir / "data" / "payments.csv", rows)
    assert cli.main(["validate", str(tiny_project())]) == 0
    out = capsys.readouterr().out
    notes = [line for line in out.splitlines() if "person-id:t finns inte i deltagarfilen" in line]
    # P9's twelve payments are the file's rows 2 to 13: one note naming its rows
    assert len(notes) == 1, notes
    assert "dess 12 utbetalningsrader (rad 2, 3, 4, 5, 6 …)" in notes[0]
