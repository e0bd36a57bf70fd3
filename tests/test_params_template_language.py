"""The params file ``evaltools new`` writes explains itself in the evaluator's language: a Swedish
evaluator's file (the default) has Swedish comments, ``--lang en`` English ones, around the same keys
and the same example values (the keys are the contract's, in English, in both)."""
from __future__ import annotations

import re

import pytest
import yaml

from evaltools.publish import cli

# words only the other language uses, as whole words (a comment in the wrong language has several)
ENGLISH = re.compile(r"\b(the|is|are|of|to|and|with|each|which|once)\b")
SWEDISH = re.compile(r"\b(och|är|att|med|som|varje|för|när|det)\b")


def _new(tmp_path, monkeypatch, *args: str) -> str:
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "steget", *args]) == cli.EXIT_OK
    return (tmp_path / "params" / "steget.yaml").read_text(encoding="utf-8")


def _notes(text: str) -> list[str]:
    """The comment lines that explain (not the commented-out example keys: '# - id:', '#   kind:', ...)."""
    notes = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("# ")]
    return [n for n in notes if not re.match(r"^(-\s)?\s*[a-z_]+: ", n) or "#" in n]


@pytest.mark.parametrize("args, other, own", [((), ENGLISH, SWEDISH), (("--lang", "en"), SWEDISH, ENGLISH)])
def test_the_comments_are_in_the_evaluators_language(tmp_path, monkeypatch, args, other, own):
    text = _new(tmp_path, monkeypatch, *args)
    notes = _notes(text)
    assert len(notes) >= 10
    assert [n for n in notes if other.search(n.split("#")[-1])] == []
    assert sum(bool(own.search(n)) for n in notes) >= 6
    assert all(len(line) <= 112 for line in text.splitlines() if line.lstrip().startswith("#"))  # wrapped


def test_both_languages_write_the_same_keys_and_example_values(tmp_path, monkeypatch):
    sv = yaml.safe_load(_new(tmp_path / "sv", monkeypatch))
    en = yaml.safe_load(_new(tmp_path / "en", monkeypatch, "--lang", "en"))
    assert sv.pop("language") == "sv" and en.pop("language") == "en"

    def unfilled(raw):  # (a placeholder says what to fill in in the evaluator's language: only its marker is shared)
        return {k: unfilled(v) for k, v in raw.items()} if isinstance(raw, dict) else \
            "FYLL I" if isinstance(raw, str) and raw.startswith("FYLL I ") else \
            [unfilled(v) for v in raw] if isinstance(raw, list) else raw
    assert unfilled(sv) == unfilled(en)
    assert sv["period"]["start"] == "FYLL I ÅÅÅÅ-MM-DD" and en["period"]["start"] == "FYLL I YYYY-MM-DD"
    assert [g["id"] for g in sv["goals"]] == ["deltagare", "egen_försörjning"]


def test_the_swedish_files_commented_dates_are_written_as_its_placeholders_are(tmp_path, monkeypatch):
    text = _new(tmp_path, monkeypatch)
    assert "  start: FYLL I ÅÅÅÅ-MM-DD" in text  # the placeholder's form ...
    assert "  # actual_end: ÅÅÅÅ-MM-DD " in text and "\n# data_as_of: ÅÅÅÅ-MM-DD " in text  # ... and the comments'
    assert "YYYY" not in text
