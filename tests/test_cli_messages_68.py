"""The messages a user meets on the command line, and params values written as people write them.

* ``evaltools list`` printed "INVALID" in a Swedish session (and had no ``--lang``); ``--jobs 0`` was refused in
  English whatever the language.
* ``evaltools new con`` (prn, aux, nul, com1, lpt1) said the name was used by the toolkit's own files: it is a name
  Windows keeps for a device, and no folder can have it there.
* A date in the params file written as people write it (``1/3/2022``, ``1 mars 2022``, ``2022-3-1``, ``20220301``,
  ``2022.03.01``) got the format alone; a data cell gets the date to write.
* An amount in millions or thousands (``1,2 mkr``, ``1.2 MSEK``, ``1 200 tkr``) got the format alone.
* A count goal's ``target: 40 %`` was told "skriv 0.4": a count goal's target is a number of persons.
* A params line indented with hard spaces (``\\u00a0\\u00a0participants:``), which YAML reads as a setting of its
  own at the top, was told there is no such setting.
* An empty portfolio (every project failed) raised KeyError from the Python interface.

Tiny params files written in tmp_path; what is expected is worked out by hand from the values written.
"""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.data.params import load_params, project_id_problem
from evaltools.publish import cli

PARTICIPANTS = """\
person_id;sex;birth_year;household_type;start_date;end_date;outcome;municipality
P1;kvinna;1980;ensamstående;2022-02-01;2022-08-01;arbete;Timrå
P2;man;1975;sambo_med_barn;2022-03-15;2022-12-01;kvar_försörjningsstöd;Timrå
"""


def _params(root, start: str = "2022-01-01", granted: str = "1000000", target: str = "3",
            kind: str = "participant_count", data_lines: str = "  participants: data/participants.csv\n"):
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data/participants.csv").write_text(PARTICIPANTS, encoding="utf-8")
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: tiny
        kind: individ
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: {start}, planned_end: 2023-12-31}}
        granted_sek: {granted}
        data:
        """) + data_lines + textwrap.dedent(f"""\
        goals:
          - id: deltagare
            kind: {kind}
            label: Minst 3 deltagare
            target: {target}
            period: whole_period
        """), encoding="utf-8")
    return path


def _said(path, lang: str = "sv") -> str:
    with pytest.raises(et.EvaltoolsError) as e:
        load_params(path)
    return e.value.message(lang) if hasattr(e.value, "message") else str(e.value)


# --- 1. evaltools list, --jobs: in the session's language ----------------------------------------------------------

def test_list_says_a_broken_params_file_in_swedish_and_in_english_with_lang_en(tmp_path, monkeypatch, capsys):
    (tmp_path / "trasig.yaml").write_text("id: trasig\ntitle: x\n", encoding="utf-8")
    monkeypatch.setattr(cli, "all_params", lambda: [tmp_path / "trasig.yaml"])
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "trasig" in out and "INVALID" not in out and "FEL" in out, out
    assert "saknas" in out or "problem" in out, out  # (the first line of the refusal, in Swedish)
    assert cli.main(["list", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "INVALID" in out and "FEL" not in out, out
    assert "problem" in out and "projektparametrarna" not in out, out


def test_jobs_zero_is_refused_in_the_sessions_language(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["render", "nagot", "--jobs", "0"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "minst 1 process" in err and "expected" not in err, err
    with pytest.raises(SystemExit):
        cli.main(["render", "nagot", "--jobs", "två", "--lang", "en"])
    err = capsys.readouterr().err
    assert "expected a whole number of processes, got 'två'" in err, err


# --- 2. a Windows device name as project id -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["con", "prn", "aux", "nul", "com1", "lpt1", "COM3", "Lpt9"])
def test_a_windows_device_name_is_said_to_be_one(name):
    sv, en = project_id_problem(name, "sv"), project_id_problem(name, "en")
    assert sv is not None and "Windows" in sv and "verktygets egna filer" not in sv, sv
    assert en is not None and "Windows" in en and "toolkit's own files" not in en, en


@pytest.mark.parametrize("name", ["portfolio", "index", "Portfolio"])
def test_the_toolkits_own_names_are_still_said_to_be_its_own(name):
    said = project_id_problem(name, "sv")
    assert said is not None and "verktygets egna filer" in said and "Windows" not in said


def test_new_con_says_windows_keeps_the_name(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    with pytest.raises(SystemExit) as e:
        cli.main(["new", "con"])
    assert e.value.code == 2
    assert "Windows" in capsys.readouterr().err
    assert not (tmp_path / "params").exists()


# --- 3. dates written as people write them --------------------------------------------------------------------------

@pytest.mark.parametrize("written, date", [
    ("1 mars 2022", "2022-03-01"), ("2022-3-1", "2022-03-01"), ("20220301", "2022-03-01"),
    ("2022.03.01", "2022-03-01"), ("31/3/2022", "2022-03-31"), ("'2022/3/1'", "2022-03-01")])
def test_a_date_written_another_way_gets_the_date_to_write(tmp_path, written, date):
    said = _said(_params(tmp_path, start=written))
    assert "period, start" in said and f"skriv {date}" in said, said
    assert f"write {date}" in _said(_params(tmp_path, start=written), "en")


def test_a_date_that_may_be_day_or_month_first_gets_both_readings(tmp_path):
    said = _said(_params(tmp_path, start="1/3/2022"))
    # 1/3/2022: the 1st of March (day first, as in Sweden) or January 3rd (month first)
    assert "2022-03-01" in said and "2022-01-03" in said, said


# --- 4. amounts in millions and thousands ---------------------------------------------------------------------------

@pytest.mark.parametrize("written, number", [
    ("1,2 mkr", "1200000"), ("1.2 MSEK", "1200000"), ("1 200 tkr", "1200000"), ('"1 200 000 kr"', "1200000"),
    ("1,25 miljoner kronor", "1250000"), ("850 tkr", "850000"), ("2,5 Mkr", "2500000"), ("0,75 mkr", "750000")])
def test_an_amount_in_millions_or_thousands_gets_the_kronor_to_write(tmp_path, written, number):
    said = _said(_params(tmp_path, granted=written))
    assert "granted_sek" in said and said.rstrip().endswith(f" {number}") and "skriv" in said, said


def test_millions_are_not_read_into_a_target(tmp_path):
    said = _said(_params(tmp_path, target="'1,2 mkr'"))
    assert "1200000" not in said, said


# --- 5. a count goal's target written as a percentage ---------------------------------------------------------------

@pytest.mark.parametrize("target", ["40 %", "40%", "'40 procent'"])
def test_a_count_goals_percent_target_is_told_it_counts_persons(tmp_path, target):
    said = _said(_params(tmp_path, target=target))
    assert "0.4" not in said and "personer" in said, said
    assert "persons" in _said(_params(tmp_path, target=target), "en")


def test_a_share_goals_percent_target_is_still_told_to_write_a_decimal(tmp_path):
    said = _said(_params(tmp_path, target="40 %", kind="share"))
    assert "skriv 0.4" in said, said


# --- 6. hard spaces in the indentation ------------------------------------------------------------------------------

def test_a_line_indented_with_hard_spaces_is_said_so_with_its_line(tmp_path):
    path = _params(tmp_path, data_lines="\u00a0\u00a0participants: data/participants.csv\n")
    said = _said(path)
    # line 9 of the file: id, kind, title, forbund, owner, period, granted_sek, data:, then the hard-spaced line
    assert "rad 9" in said and "U+00A0" in said, said
    assert "finns ingen" not in said and "ingen sådan" not in said, said


# --- 7. an empty portfolio from the Python interface ----------------------------------------------------------------

def test_an_empty_portfolio_says_its_note_and_writes_its_files(tmp_path):
    from evaltools.present.portfolio import Portfolio
    from evaltools.publish.workbook import export_portfolio
    (tmp_path / "trasig.yaml").write_text("id: trasig\ntitle: x\n", encoding="utf-8")
    for paths in ([tmp_path / "trasig.yaml"], []):
        portfolio = Portfolio(paths)
        assert portfolio.skattefaktor_on()
        written = export_portfolio(portfolio, tmp_path / "out")
        assert {p.name for p in written} == {"portfolio.csv", "portfolio-data.csv", "portfolio.xlsx"}


# --- 8. --help and argparse's own refusals, in the session's language -----------------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["render", "--help"], ["new", "--help"], ["list", "--help"]])
def test_help_is_in_swedish_and_in_english_with_lang_en(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: ") and "visa den här hjälpen" in out, out
    assert "show this help" not in out and "usage:" not in out and "options:" not in out, out
    with pytest.raises(SystemExit):
        cli.main([*argv, "--lang", "en"] if argv != ["--help"] else ["--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: ") and "show this help" in out and "användning" not in out, out


@pytest.mark.parametrize("argv, sv, en", [
    (["frobnicate"], "'frobnicate' finns inte", "'frobnicate' is not one"),
    (["new"], "det här behövs också: project_id", "the following are required too: project_id"),
    (["render", "x", "--jobs"], "--jobs behöver ett värde efter sig", "--jobs needs a value after it"),
    (["list", "--lang", "de"], "--lang: 'de' finns inte; välj ett av 'sv', 'en'", "--lang: 'de' is not one"),
])
def test_argparses_own_refusals_are_in_the_sessions_language(argv, sv, en, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert sv in err and ": fel: " in err and "error" not in err and "usage" not in err, err
    with pytest.raises(SystemExit):
        cli.main([*argv, "--lang", "en"])
    err = capsys.readouterr().err
    assert en in err and ": error: " in err, err


# --- 9. the params file evaltools new writes: the words after FYLL I in the evaluator's language ---------------------

def test_new_in_english_writes_its_placeholders_in_english(tmp_path, monkeypatch, capsys):
    import yaml
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "engelskt", "--lang", "en"]) == 0
    raw = yaml.safe_load((tmp_path / "params" / "engelskt.yaml").read_text(encoding="utf-8"))
    assert raw["forbund"] == "FYLL I the förbund's name" and raw["period"]["start"] == "FYLL I YYYY-MM-DD", raw
    assert raw["title"] == "FYLL I the project's name" and raw["granted_sek"] == "FYLL I the amount granted, in kronor"
    assert cli.main(["new", "svenskt"]) == 0
    raw = yaml.safe_load((tmp_path / "params" / "svenskt.yaml").read_text(encoding="utf-8"))
    assert raw["forbund"] == "FYLL I samordningsförbundets namn" and raw["period"]["start"] == "FYLL I ÅÅÅÅ-MM-DD"


def test_lang_before_the_command_is_read_as_after_it(tmp_path, monkeypatch, capsys):
    (tmp_path / "trasig.yaml").write_text("id: trasig\ntitle: x\n", encoding="utf-8")
    monkeypatch.setattr(cli, "all_params", lambda: [tmp_path / "trasig.yaml"])
    assert cli.main(["--lang", "en", "list"]) == 0  # (was refused: "invalid choice: 'en'")
    out = capsys.readouterr().out
    assert "INVALID" in out and "FEL" not in out, out
    assert cli.main(["--lang", "en", "list", "--lang", "sv"]) == 0  # (the command's own --lang is the one it reads)
    assert "FEL" in capsys.readouterr().out
