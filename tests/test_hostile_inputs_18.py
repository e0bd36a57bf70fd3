"""A hostile or careless user's input on the newest paths: ``render --watch`` when a data folder disappears
and comes back or the params file is deleted; a goal whose ``among:`` counts another age than its words say;
an amount typed with a point and a space between its thousands. Each ends in the right figure or one clear
message naming file, key or row, the value and what to write, never a traceback."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from evaltools.publish import cli, watch


# --- 1. render --watch: a data folder that disappears, a params file deleted --------------------------------

def test_a_data_folder_that_is_away_is_still_watched_and_its_return_noticed(tmp_path, tiny_project):
    params = tiny_project()
    data = tmp_path / "data"
    named = {(data / f).resolve() for f in ("participants.csv", "payments.csv", "budget.csv")}
    data.rename(tmp_path / "data-away")  # (a network drive away, or the folder renamed)
    what = watch.watched([params])  # the params file now fails to load: its files are missing
    assert named <= what.files
    before = watch.snapshot(what)
    assert set(before) == {params.resolve()}
    (tmp_path / "data-away").rename(data)
    assert set(watch.changed(before, watch.snapshot(watch.watched([params])))) == named


def test_a_params_file_that_cannot_be_read_names_no_files(tmp_path):
    params = tmp_path / "broken.yaml"
    params.write_text("id: [unclosed\n", encoding="utf-8")
    assert watch.watched([params]).files == frozenset()


def _watch_lines(monkeypatch, capsys, files: list[Path], after: dict) -> list[str]:
    """The lines ``render --watch`` prints for one change of ``files`` (``after``: the new snapshot)."""
    calls = iter([(files, after)])

    def fake_wait(paths, before):
        try:
            return next(calls)
        except StopIteration:
            raise KeyboardInterrupt from None
    monkeypatch.setattr(watch, "wait_for_change", fake_wait)
    monkeypatch.setattr(cli, "_render", lambda args, parser, paths: 0)
    cli._watch(SimpleNamespace(lang="sv"), None, [], {}, 0)
    return capsys.readouterr().out.splitlines()


def test_a_deleted_file_is_said_to_be_gone_not_saved(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    gone, saved = tmp_path / "tiny.yaml", tmp_path / "text.md"
    lines = _watch_lines(monkeypatch, capsys, [saved, gone], {saved: (1, 1)})
    assert ("Finns inte längre: tiny.yaml (borttagen, flyttad eller omdöpt; bevakas ändå, så rapporten görs om när "
            "den är tillbaka) – gör om rapporten …") in lines
    assert "Sparad: text.md – gör om rapporten …" in lines
    assert not [line for line in lines if line.startswith("Sparad:") and "tiny.yaml" in line]
    assert lines[-1] == "Bevakningen avslutad."
