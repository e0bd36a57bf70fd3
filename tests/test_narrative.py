"""The evaluator's own text: parts by heading, refusals named by file and line, hostile Markdown
shown as harmless text, the skeleton `evaltools new` writes, and page 1 without any text."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

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
    # in the text's language, which its writer reads
    assert msg.startswith(f"{f}: utvärderarens text kan inte användas:")
    assert "rad 1: text före den första rubriken" in msg
    assert "rad 2: okänd rubrik 'Slutsatser'; rubrikerna är 'Sammanfattande bedömning', 'Bakgrund', " \
           "'Genomförande', 'Analys', 'Lärdomar', 'Rekommendationer'" in msg
    assert "rad 5: ser ut som ett personnummer" in msg
    assert "811218" not in msg  # the number itself is never repeated
    assert "rad 6: 'analys' står två gånger (första gången på rad 4)" in msg


def test_an_english_texts_problems_are_said_in_english(tmp_path):
    f = tmp_path / "x.en.md"
    f.write_text("Intro\n## Conclusions\ntext\n## Analysis\nA\n## analysis\n", encoding="utf-8")
    with pytest.raises(NarrativeError) as e:
        read(f, "en")
    msg = str(e.value)
    assert msg.startswith(f"{f}: the evaluator's text cannot be used:") and "line 1: text before the first heading" in msg
    assert "line 2: unknown heading 'Conclusions'; the known headings are 'Overall assessment'" in msg
    assert "line 6: 'analysis' is given twice (first on line 4)" in msg


def test_size_and_encoding_are_bounded(tmp_path):
    big = tmp_path / "big.sv.md"
    big.write_text("## Analys\n" + "ord " * 20_000, encoding="utf-8")
    with pytest.raises(NarrativeError, match="högst 65536 byte"):
        read(big)
    latin = tmp_path / "latin.sv.md"
    latin.write_bytes("## Analys\nLärdom".encode("latin-1"))
    with pytest.raises(NarrativeError, match="inte UTF-8-text .byte 11.; spara filen som UTF-8"):
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
    # (a draft: its banner says that the report holds the toolkit's figures only, page 1 does not say it again)
    from evaltools.present.sections.evaluator import draft_banner_html
    assert summary.assessment(kompassen) == ["Utvärderaren har inte skrivit någon egen bedömning."]
    assert "Rapporten innehåller bara verktygets siffror" in draft_banner_html(kompassen)
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
    from .conftest import PARAMS, SAMPLE_PROJECTS
    for f in sorted((PARAMS / "text").glob("*.md")):
        if f.name.endswith((".plan.sv.md", ".plan.en.md")):  # an analysis plan (present/plan.py), not the evaluator's text
            continue
        if f.name.split(".", 1)[0] not in SAMPLE_PROJECTS:  # (an evaluator's own project's text may still be a draft)
            continue
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
    # no assessment yet, so a draft: the part left out is a place to write in the Word document only
    assert "class='et-write-here' data-part='lessons' hidden" in evaluator.blocks(kompassen, "lessons")[0][0].data
    kompassen.narrative = parse("## Sammanfattande bedömning\nKlart.\n## Bakgrund\nVarför.\n")
    assert evaluator.blocks(kompassen, "lessons") == []



# --- citations of the report's figures, and the check of the text against them ---------------
from evaltools.present.figures import Basis, Figure, Unit  # noqa: E402
from evaltools.present.narrative import contradictions, typed_numbers, unmatched_numbers  # noqa: E402


def _fig(name, value, unit=Unit.KR, perspective=None, decimals=None):
    basis = {Unit.KR: Basis.PRESENT_VALUE, Unit.COUNT: Basis.COUNT}.get(unit, Basis.SHARE)
    return Figure(name, value, unit, basis, name, decimals, perspective=perspective)


def _figures(npv=-1_000_000.0, p=0.04, reached=1, assessed=4, kommun=4_300_000.0):
    """Figures made by hand: the lead perspective's net present value and probability, the
    municipality's, and the goals reached of those assessed."""
    return {f.name: f for f in (
        _fig("nettonuvarde", npv, perspective="offentliga"),
        _fig("sannolikhet_lonsamt", p, Unit.PROBABILITY, "offentliga", 0),
        _fig("nettonuvarde_kommun", kommun, perspective="kommun"),
        _fig("sannolikhet_lonsamt_kommun", 1.0, Unit.PROBABILITY, "kommun", 0),
        _fig("mal_uppnadda", float(reached), Unit.COUNT), _fig("mal_bedomda", float(assessed), Unit.COUNT),
        _fig("kostnad_per_deltagare", 23_812.2), _fig("kostnad_totalt", 4_286_200.0),
        _fig("andel_lyckade", 86 / 180, Unit.SHARE, decimals=1), _fig("antal_deltagare", 180.0, Unit.COUNT))}


def _text(body: str, lang: str = "sv") -> Narrative:
    head = "## Sammanfattande bedömning\n" if lang == "sv" else "## Overall assessment\n"
    return parse(head + body, "x.md", lang)


def test_a_citation_shows_the_figure_as_page_one_does(kompassen):
    from evaltools.present.sections.evaluator import figure_text
    kompassen.narrative = parse("## Sammanfattande bedömning\nDet kostade {{ kostnad_per_deltagare }} per "
                                "deltagare och {{nettonuvärde_samhälle}} för samhället.\n")
    page_one = " ".join(s for part in (kompassen.key_findings(),) for s in part)
    per_participant = figure_text(kompassen.figures["kostnad_per_deltagare"], "sv")
    society = figure_text(kompassen.figures["nettonuvarde_samhalle"], "sv")
    assert per_participant in page_one and society in page_one
    assert kompassen.narrative.plain("assessment") == [f"Det kostade {per_participant} per deltagare och {society} "
                                                       "för samhället."]
    assert per_participant in kompassen.narrative.html("assessment")


def test_an_unknown_figure_names_the_file_the_line_and_the_closest_names(kompassen, tmp_path):
    f = tmp_path / "k.sv.md"
    f.write_text("## Sammanfattande bedömning\nBra.\n\n## Analys\nDet kostade {{ kostnad_per_deltagre }}.\n",
                 encoding="utf-8")
    kompassen.narrative = read(f)
    assert kompassen.narrative.plain("assessment") == ["Bra."]  # a part without citations is shown
    with pytest.raises(NarrativeError) as e:
        kompassen.narrative.html("analysis")
    message = str(e.value)
    assert str(f) in message and "rad 5: okänd siffra 'kostnad_per_deltagre'" in message
    assert "(närmast först): kostnad_per_deltagare, " in message
    assert "Traceback" not in message


def test_a_citation_cannot_add_markup():
    n = _text("Se {{ x }} och {{ <img src=x onerror=alert(1)> }}.\n")
    n.bind(lambda: {"x": "<script>alert(1)</script> *fet* [a](javascript:b)"})
    with pytest.raises(NarrativeError, match="okänd siffra '<img src=x onerror=alert"):
        n.html("assessment")
    n = _text("Se {{ x }}.\n")
    n.bind(lambda: {"x": "<script>alert(1)</script> *fet* [a](javascript:b)"})
    out = n.html("assessment")
    p = _Tags()
    p.feed(out)
    assert p.tags == {"p"}, out
    assert "&lt;script&gt;" in out and "*fet*" in out
    unbound = _text("Se {{ x }}.\n")
    with pytest.raises(NarrativeError, match="som bara en rapport kan fylla i"):
        unbound.plain("assessment")  # never shown raw


@pytest.mark.parametrize("claim", [
    "Kostnaden täcks med god marginal av det försörjningsstöd som inte behövde betalas ut.",
    "Projektet är lönsamt.",
    "Insatsen betalar sig redan efter ett år.",
])
def test_a_text_saying_it_pays_off_beside_a_negative_npv_is_flagged(claim):
    notes = contradictions(_text(claim + "\n"), _figures(npv=-1_000_000.0, p=0.04))
    assert [(x.kind, x.line) for x in notes] == [("pays_off", 2)]
    # ... and beside a positive value that the simulations rarely reach
    assert [x.kind for x in contradictions(_text(claim + "\n"), _figures(npv=200_000.0, p=0.42))] == ["pays_off"]


def test_a_text_saying_it_pays_off_is_not_flagged_when_the_figures_agree_or_it_says_the_opposite():
    assert contradictions(_text("Projektet är lönsamt.\n"), _figures(npv=1_000_000.0, p=0.8)) == []
    negative = _figures(npv=-1_000_000.0, p=0.04)
    assert contradictions(_text("Projektet är inte lönsamt för de offentliga finansiärerna.\n"), negative) == []
    # the perspective the sentence names is the one judged: the municipality's value is positive
    assert contradictions(_text("För kommunen lönar sig arbetet, men inte för staten.\n"), negative) == []
    assert contradictions(_text("For the municipality the work pays off.\n", "en"), negative) == []
    assert [x.kind for x in contradictions(_text("The project pays off.\n", "en"), negative)] == ["pays_off"]


def test_a_text_saying_the_goals_were_reached_with_one_of_four_is_flagged():
    one_of_four = _figures(reached=1, assessed=4)
    for claim in ("Projektet nådde sina mål.", "Kompassen nådde de flesta av sina mål.",
                  "Teamet har nått nästan alla sina mätbara\nmål hittills."):
        assert [x.kind for x in contradictions(_text(claim + "\n"), one_of_four)] == ["goals"], claim
    assert [x.kind for x in contradictions(_text("The project reached most of its goals.\n", "en"), one_of_four)] \
        == ["goals"]
    # the same words are right when three of four were reached, and a denial is no claim
    assert contradictions(_text("Projektet nådde sina mål.\n"), _figures(reached=3, assessed=4)) == []
    assert contradictions(_text("Projektet nådde inte sina mål.\n"), one_of_four) == []
    assert contradictions(_text("Projektet nådde {{ mal_uppnadda }} av sina mål.\n"), one_of_four) == []


def test_numbers_that_are_no_figure_are_listed_with_their_line():
    text = _text("Kostnaden var 24 000 kr per deltagare och 4,3 miljoner kronor i allt.\n"
                 "Det blev 46 442 kr per lyckat utfall, 74,3 % lyckade och 52 deltagare.\n"
                 "Under år 2, den 2022-03-01, i 3 år och 2023: {{ antal_deltagare }} deltagare.\n\n"
                 "1. Av 180 deltagare lyckades 47,8 %.\n")
    assert [(t.line, t.text, t.kind) for t in typed_numbers(text)] == [
        (2, "24 000 kr", "kr"), (2, "4,3 miljoner kronor", "kr"), (3, "46 442 kr", "kr"), (3, "74,3 %", "share"),
        (3, "52 deltagare", "count"), (6, "180 deltagare", "count"), (6, "47,8 %", "share")]
    notes = unmatched_numbers(text, _figures())
    assert [(x.line, x.found) for x in notes] == [(3, "46 442 kr"), (3, "74,3 %"), (3, "52 deltagare")]
    assert notes[0].figures[0] == "kostnad_per_deltagare"  # the nearest amount, to cite instead


def test_the_english_text_is_read_with_english_numbers():
    text = _text("It cost SEK 24,000 per participant, SEK 4.3 million in all; 47.8% succeeded and 52.1% did not.\n",
                 "en")
    assert [x.found for x in unmatched_numbers(text, _figures())] == ["52.1%"]


def test_the_check_in_the_appendix_says_what_it_found():
    import evaltools as et
    from evaltools.present.sections import evaluator

    from .conftest import PARAMS
    # Språngbrädan: its NPV for the public financiers is negative (Kompassen's, since its leavers stop being
    # paid, is not), and one of its four goals is clearly reached; the nearest amount to 61 442 kr is its cost
    # per success (4 286 200 kr / 66 = 64 942 kr), not its cost per participant (4 286 200 / 120 = 35 718 kr)
    kompassen = et.Report(PARAMS / "sprangbradan-demo.yaml", lang="sv")
    kompassen.narrative = parse("## Sammanfattande bedömning\nProjektet nådde sina mål och är lönsamt. "
                                "Det kostade 61 442 kr per lyckat utfall.\n")
    notes = evaluator.check_notes(kompassen)
    assert len(notes) == 3
    assert notes[0].startswith("Rad 2: texten säger att projektet nådde sina mål (”nådde sina mål”), men ett av fyra")
    assert notes[1].startswith("Rad 2: texten säger att projektet lönar sig (”lönsamt”)")
    assert "{{ kostnad_per_lyckat_utfall }}" in notes[2]
    html = "".join(b._repr_html_() for block in evaluator.check_blocks(kompassen) for b in block)
    assert "Kontroll av utvärderarens text" in html


def test_validate_fails_on_a_contradiction_and_warns_of_numbers(tmp_path, capsys):
    import shutil
    from .conftest import PARAMS, ROOT
    (tmp_path / "params" / "text").mkdir(parents=True)
    # (Språngbrädan: its NPV for the public financiers is negative, so "täcks med god marginal" contradicts it)
    params = tmp_path / "params" / "sprangbradan-demo.yaml"
    text = (PARAMS / "sprangbradan-demo.yaml").read_text(encoding="utf-8")
    params.write_text(text.replace("../data/", f"{ROOT}/data/"), encoding="utf-8")
    shutil.copytree(ROOT / "data" / "sprangbradan-demo", tmp_path / "data" / "sprangbradan-demo")
    t = text_path(params, "sv")
    t.write_text("## Sammanfattande bedömning\nKostnaden täcks med god marginal, 46 442 kr.\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == 1
    out = capsys.readouterr().out.replace("\u00a0", " ")  # (a number and its kr are joined in a sentence)
    assert "Rad 2: texten säger att projektet lönar sig" in out and "”46 442 kr”" in out
    t.write_text("## Sammanfattande bedömning\nKostnaden var {{ kostnad_totalt }}, 46 442 kr.\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == 0
    t.write_text("## Sammanfattande bedömning\nKostnaden var {{ kostnad }}.\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == 1
    assert "rad 2: okänd siffra 'kostnad'" in capsys.readouterr().err


@pytest.mark.parametrize("text_file", sorted(p.name for p in (Path(__file__).resolve().parents[1] / "params" / "text")
                                             .glob("*.md")))
def test_each_sample_text_agrees_with_its_report(text_file):
    import evaltools as et
    from .conftest import PARAMS, SAMPLE_PROJECTS
    pid, lang, _md = text_file.rsplit(".", 2)
    if pid not in SAMPLE_PROJECTS:
        pytest.skip("not a sample project")
    r = et.Report(PARAMS / f"{pid}.yaml", lang=lang)
    for key in r.narrative.parts:
        r.narrative.html(key)  # every citation names a figure
    assert r.text_check == [], r.text_check
    assert not r.is_draft


def test_a_report_without_assessment_is_a_draft(kompassen):
    kompassen.narrative = Narrative("sv")
    assert kompassen.is_draft
    assert "<strong>Utkast</strong>" in kompassen.title_html()
    kompassen.narrative = parse("## Sammanfattande bedömning\nBra.\n")
    assert not kompassen.is_draft and "Utkast" not in kompassen.title_html()
    kompassen.narrative = parse("## Analys\nBara analys.\n")
    assert kompassen.is_draft


@pytest.mark.usefixtures("worker_zygote")  # (tests/conftest.py)
def test_a_draft_says_utkast_on_every_pdf_page_and_in_the_index(tiny_project, tmp_path):
    import json

    import pypdf

    from evaltools.publish import render
    out = tmp_path / "reports"
    res = render.render_project(tiny_project(), out, formats=("html", "pdf"))
    assert res.ok, res.error
    folder = out / "tiny"
    assert "<strong>Utkast</strong>" in (folder / "tiny.html").read_text(encoding="utf-8")
    pages = pypdf.PdfReader(folder / "tiny.pdf").pages
    assert len(pages) > 1
    assert all("UTKAST" in page.extract_text() for page in pages)
    assert json.loads((folder / "status.json").read_text(encoding="utf-8"))["draft"] is True
    assert "Utkast – utvärderarens bedömning saknas" in render.write_index(out).read_text(encoding="utf-8")
    # with an assessment the same report is no draft
    text_path(tiny_project.dir / "tiny.yaml", "sv").parent.mkdir(exist_ok=True)
    text_path(tiny_project.dir / "tiny.yaml", "sv").write_text("## Sammanfattande bedömning\nKlart.\n", encoding="utf-8")
    assert render.render_project(tiny_project(), out, formats=("html", "pdf")).ok
    assert "Utkast" not in (folder / "tiny.html").read_text(encoding="utf-8")
    assert not any("UTKAST" in page.extract_text() for page in pypdf.PdfReader(folder / "tiny.pdf").pages)
    assert "Utkast" not in render.write_index(out).read_text(encoding="utf-8")
