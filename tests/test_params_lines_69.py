"""Every problem of a params file names its line as well as its key.

A value refused in the params file was placed by its key alone ("granted_sek: står 'mycket'"); an evaluator editing
the file in Notepad counts lines: each problem now names its line as well ("rad 7, granted_sek: …"), in Swedish and
English, for a value pydantic refuses, a goal's own problem (the goal's first line), a data file not found and a
personnummer in a text. Tiny params files written in tmp_path; the lines expected are counted by hand in the text
written here.
"""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.params import load_params
from evaltools.publish import cli

from .test_cli_params_69 import BROKEN, _write


def _problems(path, lang: str) -> list[str]:
    with pytest.raises(et.EvaltoolsError) as e:
        load_params(path)
    return [line.removeprefix("  - ") for line in e.value.message(lang).splitlines()[1:]]


# --- every value problem names its line ----------------------------------------------------------------------------

def test_a_refused_value_names_its_line_and_key_in_swedish_and_english(tmp_path):
    path = _write(tmp_path, BROKEN)
    sv = _problems(path, "sv")
    assert any(p.startswith("rad 7, granted_sek: står 'mycket'") for p in sv), sv
    assert any(p.startswith("rad 15, mål 1 (id: deltagare), target: står 'tre'") for p in sv), sv
    assert any(p.startswith("rad 17, mål 2 (id: arbete)") for p in sv), sv  # (the goal without a target: its first line)
    en = _problems(path, "en")
    assert any(p.startswith("line 7, granted_sek: got 'mycket'") for p in en), en
    assert any(p.startswith("line 15, goal 1 (id: deltagare), target: got 'tre'") for p in en), en
    assert all(p.startswith(("rad ", "line ")) for p in sv + en), (sv, en)


def test_a_missing_data_file_names_the_line_it_is_written_on(tmp_path):
    text = BROKEN.replace("granted_sek: mycket", "granted_sek: 1000000").replace("target: tre", "target: 3")
    text = text.replace("    label: Minst 2 till arbete\n", "    label: Minst 2 till arbete\n    target: 2\n")
    path = _write(tmp_path, text)
    assert _problems(path, "sv") == [
        f"rad 10, data.budget: filen 'data/budget_saknas.csv' finns inte (letade efter {tmp_path / 'data/budget_saknas.csv'})"]
    assert _problems(path, "en")[0].startswith("line 10, data.budget: file 'data/budget_saknas.csv' does not exist")


def test_a_value_in_a_flow_mapping_is_at_its_line_and_a_goals_own_problem_at_the_goals_first_line(tmp_path):
    text = BROKEN.replace("granted_sek: mycket", "granted_sek: 1000000").replace("target: tre", "target: 3")
    text = text.replace("  budget: data/budget_saknas.csv\n", "")  # (the lines after 9 move up one: the second goal's
    # first line is 16, its label 18, and its target below it on 19; a target below 0 is a problem of the goal)
    text = text.replace("planned_end: 2023-12-31", "planned_end: 2023-13-45x")
    text = text.replace("    label: Minst 2 till arbete\n", "    label: Minst 2 till arbete\n    target: -2\n")
    path = _write(tmp_path, text)
    sv = _problems(path, "sv")
    assert any(p.startswith("rad 6, period, planned_end: står '2023-13-45x'") for p in sv), sv
    assert any(p.startswith("rad 16, mål 2 (id: arbete)") for p in sv), sv


def test_a_personnummer_in_a_label_is_placed_by_line_without_the_number(tmp_path):
    pnr = "19800101-" + "0008"  # (synthetic: no one's number; the check digit is right so it is looked for)
    path = _write(tmp_path, BROKEN.replace("label: Minst 2 till arbete", f"label: Minst 2 till arbete {pnr}"))
    before = path.read_bytes()
    sv = _problems(path, "sv")
    assert len(sv) == 1 and sv[0].startswith("rad 19, mål 2 (id: arbete), label:"), sv
    assert pnr not in "\n".join(sv) and path.read_bytes() == before


def test_validate_names_the_lines_exits_1_and_leaves_the_file_as_it_was(tmp_path, monkeypatch, capsys):
    path = _write(tmp_path, BROKEN)
    before = path.read_bytes()
    assert cli.main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "rad 7, granted_sek" in err and "rad 15, mål 1 (id: deltagare), target" in err, err
    assert "Traceback" not in err
    assert path.read_bytes() == before


def test_a_word_template_not_found_names_its_line(tmp_path):
    text = BROKEN.replace("granted_sek: mycket", "granted_sek: 1000000").replace("target: tre", "target: 3")
    text = text.replace("  budget: data/budget_saknas.csv\n", "")
    text = text.replace("    label: Minst 2 till arbete\n", "    label: Minst 2 till arbete\n    target: 2\n")
    path = _write(tmp_path, text + "word_template: 'C:\\\\Mallar\\\\fou.dotx'\n")  # (the file's 21st line)
    sv = _problems(path, "sv")
    assert len(sv) == 1 and sv[0].startswith("rad 21, word_template:"), sv
