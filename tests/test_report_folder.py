"""Rendering a report again never deletes someone's work: a Word document the evaluator finished
after the toolkit made it is kept beside the new one, a file of the evaluator's own in the report
folder stays, and a file open in another program (Windows locks it) makes the new one take another
name instead of losing it. Each folder here is written by hand; the expected names and contents
follow from what was written."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from evaltools.publish import render


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _old_report(final: Path, files: dict[str, bytes], recorded: dict[str, bytes] | None = None,
                with_status: bool = True) -> None:
    """A report folder as the last render left it: ``files`` on disk, and a status file naming the files it
    made with the SHA-256 of ``recorded`` (the contents it made; default: the files as they are)."""
    final.mkdir(parents=True)
    for name, data in files.items():
        (final / name).parent.mkdir(parents=True, exist_ok=True)
        (final / name).write_bytes(data)
    if with_status:
        made = recorded if recorded is not None else files
        status = {"project_id": "k", "ok": True, "files": sorted(made),
                  "sha256": {n: _sha(d) for n, d in made.items() if "/" not in n}}
        (final / "status.json").write_text(json.dumps(status), encoding="utf-8")


def _new_report(tmp: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_bytes(data)


def _at(when: dt.datetime) -> float:
    return when.timestamp()  # (local time, as the name shows it)


def test_a_word_document_finished_after_it_was_made_is_kept_beside_the_new_one(tmp_path):
    final, tmp = tmp_path / "reports/k", tmp_path / "reports/.tmp-k"
    _old_report(final, {"k.html": b"<old>", "k.docx": b"finished by hand"},
                recorded={"k.html": b"<old>", "k.docx": b"as made"})
    os.utime(final / "k.docx", (_at(dt.datetime(2026, 3, 5, 14, 7)),) * 2)
    _new_report(tmp, {"k.html": b"<new>", "k.docx": b"new"})
    notes, carried = render._swap_into_place(tmp, final, "k", ("html", "docx"), "sv")
    assert (final / "k.docx").read_bytes() == b"new" and (final / "k.html").read_bytes() == b"<new>"
    assert (final / "k (redigerad 2026-03-05 14.07).docx").read_bytes() == b"finished by hand"
    assert notes == ["k.docx har ändrats sedan den skrevs; din version ligger kvar som "
                     "k (redigerad 2026-03-05 14.07).docx, bredvid den nya (i Word visar Granska › Jämför vad som "
                     "skiljer dem)"]
    assert carried == {}  # the kept version is the evaluator's, not the toolkit's
    assert not tmp.exists()


def test_in_english_the_kept_version_says_edited(tmp_path):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k.docx": b"mine"}, recorded={"k.docx": b"made"})
    os.utime(final / "k.docx", (_at(dt.datetime(2026, 11, 30, 9, 0)),) * 2)
    _new_report(tmp, {"k.docx": b"new"})
    notes, _ = render._swap_into_place(tmp, final, "k", ("docx",), "en")
    assert (final / "k (edited 2026-11-30 09.00).docx").read_bytes() == b"mine"
    assert notes[0].startswith("k.docx has been changed since it was made")


def test_a_document_as_it_was_made_is_replaced_without_a_word(tmp_path):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k.html": b"<old>", "k.docx": b"as made"})
    _new_report(tmp, {"k.html": b"<new>", "k.docx": b"new"})
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "docx"), "sv")
    assert notes == []
    assert sorted(p.name for p in final.iterdir()) == ["k.docx", "k.html"]


def test_the_evaluators_own_files_stay_and_an_unchanged_file_of_another_format_is_carried_with_its_hash(tmp_path):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    # the toolkit made the html, the workbook and the pdf; the evaluator added a workbook and notes
    _old_report(final, {"k.html": b"<old>", "k-tabeller.xlsx": b"tables", "k.pdf": b"pdf",
                        "anteckningar.xlsx": b"mine", "minnesanteckningar.docx": b"also mine"},
                recorded={"k.html": b"<old>", "k-tabeller.xlsx": b"tables", "k.pdf": b"pdf"})
    _new_report(tmp, {"k.html": b"<new>", "k-tabeller.xlsx": b"new tables"})
    notes, carried = render._swap_into_place(tmp, final, "k", ("html", "xlsx", "docx"), "sv")
    assert notes == []
    assert (final / "anteckningar.xlsx").read_bytes() == b"mine"
    assert (final / "minnesanteckningar.docx").read_bytes() == b"also mine"
    assert (final / "k-tabeller.xlsx").read_bytes() == b"new tables"
    assert (final / "k.pdf").read_bytes() == b"pdf"  # not asked for this time: the last one stays
    assert carried == {"k.pdf": _sha(b"pdf")}


def test_without_a_status_file_the_formats_asked_for_are_replaced_as_before(tmp_path):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k.html": b"<old>", "old-tables.xlsx": b"x", "k.pdf": b"pdf"}, with_status=False)
    _new_report(tmp, {"k.html": b"<new>"})
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "xlsx"), "sv")
    assert notes == [] and sorted(p.name for p in final.iterdir()) == ["k.html", "k.pdf"]


def test_a_file_open_in_another_program_keeps_the_new_one_under_a_name_of_its_own(tmp_path, monkeypatch):
    # Windows: a folder with an open file cannot be renamed, nor the open file replaced
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k.html": b"<old>", "k.pdf": b"old pdf", "tables/a.csv": b"a", "tables/gone.csv": b"g",
                        "en/k.html": b"<english>"})
    _new_report(tmp, {"k.html": b"<new>", "k.pdf": b"new pdf", "tables/a.csv": b"a2"})
    rename, replace = Path.rename, os.replace

    def locked_rename(self, target):
        if Path(self) == final:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return rename(self, target)

    def locked_replace(src, dst):
        if Path(dst) == final / "k.pdf":
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return replace(src, dst)

    monkeypatch.setattr(Path, "rename", locked_rename)
    monkeypatch.setattr(os, "replace", locked_replace)
    now = dt.datetime.now()
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "pdf", "csv"), "sv")
    assert (final / "k.html").read_bytes() == b"<new>"
    assert (final / "tables/a.csv").read_bytes() == b"a2" and not (final / "tables/gone.csv").exists()
    assert (final / "k.pdf").read_bytes() == b"old pdf"  # open: left as it is
    new_pdf = [p for p in final.iterdir() if p.name.startswith("k (ny ")]
    assert len(new_pdf) == 1 and new_pdf[0].read_bytes() == b"new pdf"
    stamp = new_pdf[0].name[len("k (ny "):-len(").pdf")]
    assert abs(dt.datetime.strptime(stamp, "%Y-%m-%d %H.%M") - now.replace(second=0, microsecond=0)) <= dt.timedelta(minutes=1)
    assert notes == [f"k.pdf är öppen i ett annat program och kunde inte ersättas; den nya heter {new_pdf[0].name}. "
                     "Stäng filen och kör igen för att lägga den nya på plats"]
    assert (final / "en/k.html").read_bytes() == b"<english>"  # another language's report is untouched
    assert not tmp.exists()


def test_a_symbolic_link_in_the_folder_is_never_followed_when_files_are_replaced_one_by_one(tmp_path, monkeypatch):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the report's", encoding="utf-8")
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k.html": b"<old>"})
    (final / "link").symlink_to(outside, target_is_directory=True)
    _new_report(tmp, {"k.html": b"<new>"})
    rename = Path.rename
    monkeypatch.setattr(Path, "rename", lambda self, t: (_ for _ in ()).throw(PermissionError(13, "locked"))
                        if Path(self) == final else rename(self, t))
    render._swap_into_place(tmp, final, "k", ("html",), "sv")
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "not the report's"
    assert (final / "k.html").read_bytes() == b"<new>"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_status_file_records_each_file_as_it_was_made(sample_reports, sample_reports_en, lang):
    samples = sample_reports if lang == "sv" else sample_reports_en
    res = samples.results["timra-vagen-ut"]
    folder = Path(res.output_dir)
    status = json.loads((folder / "status.json").read_text(encoding="utf-8"))
    top = sorted(f for f in res.files if "/" not in f)
    assert sorted(status["sha256"]) == top and "timra-vagen-ut.docx" in top
    for name in top:
        assert status["sha256"][name] == hashlib.sha256((folder / name).read_bytes()).hexdigest()


def test_any_file_of_the_report_changed_since_is_kept_too(tmp_path):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _old_report(final, {"k-tabeller.xlsx": b"with my own sheet"}, recorded={"k-tabeller.xlsx": b"as made"})
    os.utime(final / "k-tabeller.xlsx", (_at(dt.datetime(2026, 1, 2, 3, 4)),) * 2)
    _new_report(tmp, {"k-tabeller.xlsx": b"new"})
    notes, _ = render._swap_into_place(tmp, final, "k", ("xlsx",), "sv")
    assert (final / "k-tabeller (redigerad 2026-01-02 03.04).xlsx").read_bytes() == b"with my own sheet"
    assert notes == ["k-tabeller.xlsx har ändrats sedan den skrevs; din version ligger kvar som "
                     "k-tabeller (redigerad 2026-01-02 03.04).xlsx, bredvid den nya"]


def _status(folder: Path, pid: str, lang: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "status.json").write_text(json.dumps({"project_id": pid, "ok": True, "title": pid, "lang": lang,
                                                    "finished": "2026-12-03T10:00:00"}), encoding="utf-8")


def test_the_index_of_english_reports_only_is_in_english_and_of_both_in_swedish(tmp_path):
    _status(tmp_path / "a" / "en", "a", "en")
    _status(tmp_path / "b" / "en", "b", "en")
    page = render.write_index(tmp_path).read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "<h1>Reports</h1>" in page
    _status(tmp_path / "b", "b", "sv")
    page = render.write_index(tmp_path).read_text(encoding="utf-8")
    assert '<html lang="sv"' in page and "<h1>Rapporter</h1>" in page
