"""One report at a time, the Word document is written in a forked process beside the PDF: the same
document as written in the command's own process, and written there after all when that fails."""
from __future__ import annotations

import multiprocessing
import zipfile

import pytest

from evaltools.publish import render

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")

PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head><body>
<div class="et-block"><h2>Måluppfyllelse</h2><p>Av 42 deltagare gick 13 till arbete (31,0 %).</p>
<table class="et-table"><caption>Tabell 1. Mål</caption><thead><tr><th class="txt">Mål</th><th class="num">Utfall</th></tr></thead>
<tbody><tr><td class="txt">Arbete</td><td class="num">31,0 %</td></tr></tbody></table></div></body></html>"""


def parts(path) -> dict[str, bytes]:
    """The document's parts but its core properties (which hold the moment it was written)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_the_document_written_beside_is_the_one_written_here(tmp_path, monkeypatch):
    from evaltools.publish.docx import html_to_docx
    monkeypatch.setattr(render, "_SIDE_BY_SIDE", True)
    wait = render._word_beside(PAGE, tmp_path / "beside.docx", "sv", "Prov", {"author": "Testförbundet"})
    assert wait is not None
    seconds = wait()
    assert seconds is not None and seconds >= 0
    html_to_docx(PAGE, tmp_path / "here.docx", "sv", "Prov", author="Testförbundet")
    beside, here = parts(tmp_path / "beside.docx"), parts(tmp_path / "here.docx")
    assert beside.keys() == here.keys() and beside == here
    assert "Av 42 deltagare gick 13 till arbete" in beside["word/document.xml"].decode("utf-8")


def test_nothing_is_started_for_a_batch(tmp_path):
    assert render._SIDE_BY_SIDE is False  # (set only while one report at a time is rendered)
    assert render._word_beside(PAGE, tmp_path / "x.docx", "sv", "Prov", {}) is None


def test_a_failure_beside_leaves_nothing_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_SIDE_BY_SIDE", True)
    # a template that is no Word document: the process beside fails, leaves no file and answers None
    bad = tmp_path / "mall.docx"
    bad.write_text("inte ett Word-dokument", encoding="utf-8")
    wait = render._word_beside(PAGE, tmp_path / "beside.docx", "sv", "Prov", {"template": bad})
    assert wait is not None and wait() is None
    assert not (tmp_path / "beside.docx").exists()


def test_one_report_gets_its_word_document_from_beside_and_from_here_when_that_fails(tiny_project, monkeypatch):
    params = tiny_project()
    used: list[str] = []
    real = render._word_in_child

    def marked(send, page, path, *a):
        path.with_suffix(".beside").write_text("x", encoding="utf-8")  # (from the forked process)
        return real(send, page, path, *a)

    monkeypatch.setattr(render, "_word_in_child", marked)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(render, "write_index", lambda *a, **k: used.append("index"))
    [res] = render.render_many([params], tiny_project.dir / "reports", ("html", "pdf", "docx"), jobs=1, progress=False)
    assert res.ok, res.error
    folder = tiny_project.dir / "reports" / "tiny"
    assert (folder / "tiny.docx").is_file() and "tiny.docx" in res.files
    assert "tiny.beside" in res.files  # the forked process wrote it
    assert render._SIDE_BY_SIDE is False  # reset after the run

    # the process beside fails without a word: the command writes the document itself
    monkeypatch.setattr(render, "_word_in_child", lambda send, *a: (send.send(None), send.close()))
    [res] = render.render_many([params], tiny_project.dir / "reports", ("html", "pdf", "docx"), jobs=1, progress=False)
    assert res.ok, res.error
    assert (folder / "tiny.docx").is_file() and "tiny.beside" not in res.files
    assert zipfile.ZipFile(folder / "tiny.docx").testzip() is None
