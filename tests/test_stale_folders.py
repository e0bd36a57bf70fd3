"""Cleaning up after killed renders never fails a render beside which others run: a folder another render renames
or removes while this one looks through the reports folder is passed over. (In a batch under load, a project
failed with "FileNotFoundError: ... .tmp-<another project>-..." before its notebook started: the recursive search
for replaced files looked into another render's temporary folder just as that render moved it into place.)"""
from __future__ import annotations

import os

from evaltools.publish import render

DEAD = 2**22 + 12345  # (above the usual pid_max of 4 194 304: no process has it)


def test_stale_folders_go_and_live_ones_stay(tmp_path):
    (tmp_path / f".tmp-a-sv-p{DEAD}-0123abcd").mkdir()
    (tmp_path / f".tmp-b-sv-p{os.getpid()}-0123abcd").mkdir()  # this process: still rendering
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / f".old-a.pdf-p{DEAD}-89abcdef").write_text("x")
    (tmp_path / "a" / "en").mkdir()
    (tmp_path / "a" / "en" / f".old-a-p{DEAD}-89abcdef").mkdir()
    removed = render.clean_stale(tmp_path)
    assert sorted(removed) == sorted([f".tmp-a-sv-p{DEAD}-0123abcd", f".old-a.pdf-p{DEAD}-89abcdef",
                                      f".old-a-p{DEAD}-89abcdef"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".tmp-b-sv-p{os.getpid()}-0123abcd", "a"]
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["en"]


def test_a_folder_moved_away_meanwhile_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / f".old-b.pdf-p{DEAD}-89abcdef").write_text("x")
    moving = tmp_path / "a"
    real = os.scandir

    def scandir(path="."):  # 'a' is listed, then moved into place by another render before it is looked into
        if os.fspath(path) == os.fspath(moving):
            raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    assert render.clean_stale(tmp_path) == [f".old-b.pdf-p{DEAD}-89abcdef"]
