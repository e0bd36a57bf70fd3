"""The documentation where the evaluator is: messages send the evaluator to ``docs/<name>.md`` (the data
contract above all), which a clone has beside its projects but a project folder of an installed wheel does
not. ``evaltools docs`` lists the documents and prints one; a command whose output names a document the
project folder has no copy of says, once, where this copy of the toolkit keeps it. (The wheel's own copy:
tests/test_wheel.py.)"""
from __future__ import annotations

from evaltools.publish import cli

from .conftest import ROOT

CONTRACT = ROOT / "docs" / "data-contract.md"
# a params file with a key the contract does not know: its message names docs/data-contract.md
UNKNOWN_KEY = ("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\n"
               "period: {start: 2023-01-01, planned_end: 2023-12-31}\nbudgett: 1\n")


def test_the_list_gives_each_document_its_name_and_first_heading(capsys):
    assert cli.main(["docs"]) == 0
    out = capsys.readouterr().out.splitlines()
    heading = next(line for line in CONTRACT.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    assert out[0].startswith("Dokumentationen (") and "evaltools docs <namn>" in out[0]
    assert [line.split()[0] for line in out[1:]] == sorted(p.stem for p in (ROOT / "docs").glob("*.md"))
    assert any(line.split(None, 1) == ["data-contract", heading[2:]] for line in out[1:])


def test_one_document_is_printed_as_written_by_its_name_or_its_path(capsys):
    for name in ("data-contract", "docs/data-contract.md"):
        assert cli.main(["docs", name]) == 0
        assert capsys.readouterr().out == CONTRACT.read_text(encoding="utf-8")


def test_an_unknown_document_is_answered_with_the_names_there_are(capsys):
    assert cli.main(["docs", "datakontrakt", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "unknown document 'datakontrakt'" in err and "data-contract, evaluator-text" in err
    assert "Traceback" not in err


def test_a_message_naming_a_document_the_project_folder_lacks_says_where_it_is(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EVALTOOLS_ROOT", str(tmp_path))
    params = tmp_path / "params" / "p.yaml"
    params.parent.mkdir()
    params.write_text(UNKNOWN_KEY, encoding="utf-8")
    assert cli.main(["validate", str(params)]) == 1
    err = capsys.readouterr().err
    assert "budgett:" in err and "docs/data-contract.md" in err
    pointer = [line for line in err.splitlines() if "evaltools eget exemplar" in line]
    assert pointer == [f"docs/data-contract.md finns inte i projektmappen; evaltools eget exemplar: {CONTRACT} "
                       "(visa: evaltools docs data-contract)"]
    # a project folder with its own copy (a clone's) needs no pointer
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "data-contract.md").write_text("# Kontraktet\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == 1
    again = capsys.readouterr().err
    assert "budgett:" in again and "eget exemplar" not in again
