"""The evaluator's own text: parts by heading, refusals named by file and line, hostile Markdown
shown as harmless text, the skeleton `evaltools new` writes, and page 1 without any text."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from evaltools.publish import cli

from evaltools.present import narrative
from evaltools.present.narrative import Narrative, NarrativeError, parse, read, text_path, to_html


def test_parts_by_heading_in_either_language_and_empty_parts_absent():
    n = parse("## Sammanfattande bedömning\nBra.\n\n## Background\n\n## Rekommendationer\n1. Fortsätt.\n2. Sprid.\n",
              lang="sv")
    assert list(n.parts) == ["assessment", "recommendations"]  # the empty background is absent
    assert n.parts["assessment"] == "Bra."
    assert n.plain("recommendations") == ["Fortsätt.", "Sprid."]
    assert n.heading("recommendations") == "Rekommendationer"
    assert list(n.table["part"]) == ["assessment", "recommendations"]


def test_parts_are_in_report_order_whatever_the_file_order():
    n = parse("## Lärdomar\nL\n## Bakgrund\nB\n")
    assert list(n.parts) == ["background", "lessons"]


def test_a_hash_inside_a_code_block_is_not_a_heading():
    n = parse("## Analys\n```\n## Okänd rubrik\n```\n")
    assert "## Okänd rubrik" in n.parts["analysis"]


def test_problems_are_named_by_file_and_line_all_at_once(tmp_path):
    f = tmp_path / "x.sv.md"
    f.write_text("Inledning utan rubrik\n## Slutsatser\ntext\n## Analys\nPersonen 811218-9876 fick arbete.\n"
                 "## analys\n", encoding="utf-8")
    with pytest.raises(NarrativeError) as e:
        read(f)
    msg = str(e.value)
    assert str(f) in msg
    assert "line 1: text before the first heading" in msg
    assert "line 2: unknown heading 'Slutsatser'; the known headings are 'Sammanfattande bedömning', 'Bakgrund', " \
           "'Genomförande', 'Analys', 'Lärdomar', 'Rekommendationer'" in msg
    assert "line 5: looks like a personnummer" in msg
    assert "811218" not in msg  # the number itself is never repeated
    assert "line 6: 'analys' is given twice (first on line 4)" in msg


def test_size_and_encoding_are_bounded(tmp_path):
    big = tmp_path / "big.sv.md"
    big.write_text("## Analys\n" + "ord " * 20_000, encoding="utf-8")
    with pytest.raises(NarrativeError, match="at most 65536 bytes"):
        read(big)
    latin = tmp_path / "latin.sv.md"
    latin.write_bytes("## Analys\nLärdom".encode("latin-1"))
    with pytest.raises(NarrativeError, match="not UTF-8"):
        read(latin)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]


HOSTILE = """## Analys
<script>alert(1)</script>
<iframe src="https://evil.example"></iframe>
<img src=x onerror=alert(2)>
<a href="javascript:alert(3)">klick</a>
[länk](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(5))
[fil](file:///etc/passwd) <javascript:alert(6)> ![bild](https://evil.example/spår.png)
[ref]

[ref]: javascript:alert(7)

<div onmouseover="alert(8)">block</div>
<style>body{display:none}</style>
**fet** och [riktig länk](https://www.example.se/rapport) och <mailto:fou@example.se>
"""


def test_hostile_markdown_is_shown_as_harmless_text():
    out = to_html(parse(HOSTILE).parts["analysis"])
    p = _Tags()
    p.feed(out)
    # only plain text markup survives: no script, frame, image, style or div element
    assert p.tags <= {"p", "a", "strong", "em", "ul", "ol", "li", "code", "pre", "blockquote", "br", "hr",
                      "h3", "h4", "h5", "h6"}, p.tags
    # no event handler or style attribute, and links only to the web or to e-mail
    assert all(k in ("href", "rel") for _t, k, _v in p.attrs), p.attrs
    hrefs = [v for _t, k, v in p.attrs if k == "href"]
    assert hrefs == ["https://www.example.se/rapport", "mailto:fou@example.se"]
    # the hostile input is still there for the reader to see, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<strong>fet</strong>" in out


def test_load_takes_the_report_language_only(tmp_path):
    params = tmp_path / "params" / "proj.yaml"
    (tmp_path / "params" / "text").mkdir(parents=True)
    assert text_path(params, "en") == tmp_path / "params" / "text" / "proj.en.md"
    none = narrative.load(params, "sv")
    assert not none and none.other_languages == ()
    text_path(params, "sv").write_text("## Sammanfattande bedömning\nBra.\n", encoding="utf-8")
    assert narrative.load(params, "sv").parts == {"assessment": "Bra."}
    en = narrative.load(params, "en")  # never the Swedish text in an English report
    assert not en and en.other_languages == ("sv",)


def test_skeleton_has_every_heading_and_guidance_and_is_empty_as_written():
    sk = narrative.skeleton("sv")
    for heading in ("Sammanfattande bedömning", "Bakgrund", "Genomförande", "Analys", "Lärdomar", "Rekommendationer"):
        assert f"## {heading}\n" in sk
    assert "slutade i förtid" in sk  # the guidance says where an early end is explained
    assert not parse(sk)  # the guidance lines are comments: nothing reaches the report until written


def test_new_writes_the_evaluator_skeleton(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "nytt-projekt"]) == 0
    written = tmp_path / "params" / "text" / "nytt-projekt.sv.md"
    assert written.read_text(encoding="utf-8") == narrative.skeleton("sv")


@pytest.fixture(scope="module")
def kompassen():
    import evaltools as et
    from .conftest import PARAMS
    return et.Report(PARAMS / "kompassen-demo.yaml", lang="sv")


def test_page_one_without_evaluator_text_says_it_holds_the_figures_only(kompassen):
    from evaltools.present.sections import summary
    kompassen.narrative = Narrative("sv")
    assert summary.assessment(kompassen) == [
        "Utvärderaren har inte skrivit någon egen bedömning. Rapporten innehåller bara verktygets siffror: "
        "varför det gick som det gick och vad som bör göras nu står inte här."]
    kompassen.narrative = Narrative("sv", other_languages=("en",))
    assert "bara på engelska" in summary.assessment(kompassen)[0]


def test_page_one_answers_in_the_board_order_and_shows_the_assessment_last(kompassen):
    from evaltools.present.sections import summary
    kompassen.narrative = parse("## Sammanfattande bedömning\nProjektet *fungerade*.\n")
    questions = [q for q, _part, _s in summary.answers(kompassen)]
    assert questions == ["summary.q_goals", "summary.q_cost", "summary.q_worth", "summary.q_assessment"]
    html = "".join(p._repr_html_() for block in summary.blocks(kompassen) for p in block)
    assert html.index("Nådde projektet sina mål?") < html.index("Vad kostade det?") < \
        html.index("Var det värt det – och för vem?") < html.index("Utvärderarens bedömning") < \
        html.index("Projektet <em>fungerade</em>.")


def test_sample_texts_are_valid_and_name_no_person():
    from .conftest import PARAMS
    for f in sorted((PARAMS / "text").glob("*.md")):
        lang = f.name.rsplit(".", 2)[-2]
        n = read(f, lang)
        assert "assessment" in n, f
    timra = read(PARAMS / "text" / "timra-vagen-ut.sv.md")
    assert {"assessment", "background", "implementation", "analysis", "lessons", "recommendations"} <= set(timra.parts)
    # the people named in the real final report are not named in the sample text
    text = (PARAMS / "text" / "timra-vagen-ut.sv.md").read_text(encoding="utf-8")
    assert not any(name in text for name in ("Vikström", "Faxéus", "Klockmo", "Sandström", "Hammar"))


def test_sections_place_each_part(kompassen):
    from evaltools.present.sections import evaluator
    kompassen.narrative = parse("## Bakgrund\nVarför.\n## Genomförande\nHur.\n")
    assert evaluator.part_html(kompassen, "background").startswith("<h3>Bakgrund</h3>")
    assert evaluator.part_html(kompassen, "implementation").startswith("<h2>Genomförande</h2>")
    assert evaluator.part_html(kompassen, "lessons") == ""
    assert evaluator.blocks(kompassen, "lessons") == []

