"""`evaltools render` says at the terminal, after its line per report, that the DiD could not be computed from the
data, as `evaltools validate` does and the report's payments section does (found: the render's summary said nothing,
and an evaluator who rendered without validating learned it only on reading the report)."""
from __future__ import annotations

from evaltools.analysis.comparison import NOT_COMPUTABLE_NOTES
from evaltools.publish import cli
from evaltools.publish.render import NOT_COMPUTABLE_PREFIX, estimates_not_computable
from evaltools.words.text import catalog

from .test_fixes_66 import MONTHS, START, _did_project


def test_the_prefix_finds_every_reason_and_nothing_else():
    found = {k for k in catalog("sv").messages if k.startswith(NOT_COMPUTABLE_PREFIX)}
    assert found == set(NOT_COMPUTABLE_NOTES.values())


def test_a_page_with_the_note_gives_its_sentence_and_one_without_gives_none():
    text = catalog("sv").msg("note.did_not_computable_no_variation")
    page = f"<html><body><p>Inledning</p><p>{text}</p></body></html>"
    assert estimates_not_computable(page, None, "sv") == [text]
    assert estimates_not_computable("<html><body><p>Inledning</p></body></html>", None, "sv") == []


def test_render_says_the_did_cannot_be_computed(tmp_path, capsys):
    # the comparison persons are paid only in the months before the start: no contrast
    path = _did_project(tmp_path, [m for m in MONTHS if m < START])
    assert cli.main(["render", str(path), "--reports-dir", str(tmp_path / "reports"), "--formats", "html",
                     "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "! liten: Projektets effekt på försörjningsstödet (skillnad-i-skillnader) kan inte beräknas" in out, out


def test_render_of_a_project_whose_did_is_computed_says_nothing_of_it(tmp_path, capsys):
    path = _did_project(tmp_path)
    assert cli.main(["render", str(path), "--reports-dir", str(tmp_path / "reports"), "--formats", "html",
                     "--quiet"]) == 0
    assert "kan inte beräknas" not in capsys.readouterr().out
