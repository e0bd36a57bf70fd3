"""A params file that YAML cannot read gets a line in the evaluator's language that names the line
and, for the mistakes a file written by hand on Windows is most likely to hold, says how to fix it."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

HEAD = "id: p\ntitle: T\n"


def _problems(tmp_path, text: str, lang: str = "sv") -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    return e.value.in_lang(lang).messages


def test_a_windows_path_inside_double_quotes_is_named_with_its_line_and_the_fix(tmp_path):
    text = HEAD + 'data:\n  participants: "C:\\Users\\asa\\deltagare.xlsx"\n'
    (sv,) = _problems(tmp_path, text)
    assert sv.startswith('rad 4: participants: "C:\\Users\\asa\\deltagare.xlsx" — en sökväg med \\ inom dubbla citattecken')
    assert "Skriv sökvägen med /" in sv
    (en,) = _problems(tmp_path, text, "en")
    assert en.startswith("line 4: ") and "inside double quotes" in en


def test_a_tab_in_the_indentation_is_named(tmp_path):
    (sv,) = _problems(tmp_path, HEAD + "period:\n\tstart: 2024-01-01\n")
    assert sv == "rad 4: ett tabbtecken i indraget; YAML drar in med mellanslag. Ersätt tabben med mellanslag"


def test_a_quote_never_closed_is_named_by_the_line_where_it_opens(tmp_path):
    (sv,) = _problems(tmp_path, 'id: p\ntitle: "Vägen ut\nperiod: {}\n')
    assert sv.startswith("rad 2, kolumn 8: ingen giltig YAML (")


def test_the_line_shown_never_shows_a_personnummer(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + 'data:\n  participants: "C:\\data\\19811218-9876.xlsx"\n', encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    for lang in ("sv", "en"):
        shown = e.value.message(lang)
        assert "rad 4" in shown or "line 4" in shown
        assert "9876" not in shown and "811218" not in shown
