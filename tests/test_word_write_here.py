"""A draft's places to write in Word: an evaluator who finishes the report in Word finds, where each
part of their own text belongs, the part's heading and a marked paragraph saying what to write there.
The HTML and the PDF show none of it (the draft banner already says the assessment is missing)."""
from __future__ import annotations

import io

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn

from evaltools.present.markup import render
from evaltools.present.narrative import Narrative, parse
from evaltools.publish.docx import html_to_docx

from .test_docx_finishing import package_problems

PARTS = ("assessment", "background", "implementation", "analysis", "lessons", "recommendations")
# the parts' headings and levels as the report shows them (docs/evaluator-text.md); the assessment
# has no heading of its own here, page 1's question "Utvärderarens bedömning" stands above it
HEADINGS_SV = {"background": ("h3", "Bakgrund"), "implementation": ("h2", "Genomförande"), "analysis": ("h2", "Analys"),
               "lessons": ("h2", "Lärdomar"), "recommendations": ("h2", "Rekommendationer")}


@pytest.fixture(scope="module")
def draft():
    """A sample report of its own (its text is changed below), with no text by the evaluator: a draft."""
    import evaltools as et
    from .conftest import PARAMS
    r = et.Report(PARAMS / "nasta-steg.yaml", lang="sv")
    assert r.is_draft
    return r


def _section(html: str):
    return BeautifulSoup(html, "html.parser").find("section")


def test_a_draft_has_a_hidden_place_for_every_part(draft):
    from evaltools.present.sections import evaluator
    draft.narrative = Narrative("sv")
    for key in PARTS:
        s = _section(evaluator.write_here_html(draft, key))
        assert s is not None and s.has_attr("hidden") and s["data-part"] == key and "et-write-here" in s["class"]
        head = s.find(["h2", "h3"])
        if key == "assessment":
            assert head is None
            assert s.p.get_text().startswith("Skriv här din samlade bedömning för styrelsen")
            assert "ordet UTKAST i sidhuvudet" in s.p.get_text()
        else:
            assert (head.name, head.get_text()) == HEADINGS_SV[key]
            assert s.p.get_text().startswith("Skriv här. ")
        if key != "assessment":  # (the assessment's place is on page 1, below)
            shown = "".join(p._repr_html_() for block in evaluator.blocks(draft, key) for p in block)
            assert f"data-part='{key}'" in shown


def test_a_written_part_is_the_evaluators_and_a_finished_report_has_no_places(draft):
    from evaltools.present.sections import evaluator
    draft.narrative = parse("## Analys\nSiffrorna betyder något.\n")  # no assessment yet: still a draft
    assert draft.is_draft
    assert evaluator.write_here_html(draft, "analysis") == ""
    assert "Siffrorna betyder något." in evaluator.part_html(draft, "analysis")
    assert _section(evaluator.write_here_html(draft, "lessons"))["data-part"] == "lessons"
    draft.narrative = parse("## Sammanfattande bedömning\nKlart.\n")  # assessed: no longer a draft
    assert not draft.is_draft
    assert all(evaluator.write_here_html(draft, key) == "" for key in PARTS)
    assert evaluator.blocks(draft, "lessons") == []


def test_page_one_has_the_place_for_the_assessment_after_the_sentence_that_it_is_missing(draft):
    from evaltools.present.sections import summary
    draft.narrative = Narrative("sv")
    html = "".join(p._repr_html_() for block in summary.blocks(draft) for p in block)
    missing = html.index("Utvärderaren har inte skrivit någon egen bedömning.")
    place = html.index("data-part='assessment'")
    assert missing < place < html.index("Hur siffrorna är beräknade står i bilagan")
    draft.narrative = parse("## Sammanfattande bedömning\nKlart.\n")
    assert "et-write-here" not in "".join(p._repr_html_() for block in summary.blocks(draft) for p in block)


def _page(lang: str = "sv") -> str:
    heading = {"sv": "Bakgrund", "en": "Background"}[lang]
    parts = [render("write_here.html.j2", part="assessment", heading="", level=3, prompt="Skriv bedömningen här."),
             render("write_here.html.j2", part="background", heading=heading, level=3, prompt="Skriv bakgrunden här."),
             render("write_here.html.j2", part="<b>annat</b>", heading="", level=2, prompt="Okänd del.")]
    return (f"<html lang='{lang}'><body><main><h1>Testprojektet</h1><h2>Sammanfattning</h2>"
            f"<h3>Utvärderarens bedömning</h3><p>Bedömning saknas.</p>{parts[0]}<h2>Om projektet</h2>{parts[1]}"
            f"<p>Text efter.</p>{parts[2]}</main></body></html>")


def test_word_writes_each_place_as_its_heading_and_a_named_box_to_write_in():
    data = html_to_docx(_page(), None, "sv", "Testprojektet", "Testförbundet")
    assert data is not None and package_problems(data) == []
    doc = docx.Document(io.BytesIO(data))
    body = doc.element.body
    boxes = [sdt for sdt in body.iter(qn("w:sdt")) if sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}") is None]
    props = [[(c.tag.rsplit("}", 1)[1], c.get(qn("w:val"))) for c in sdt.find(qn("w:sdtPr"))] for sdt in boxes]
    # named after the part in the document's language; a part that is none of the evaluator's gets no name;
    # each shows its placeholder text (tests/test_word_finishing_8.py)
    assert props == [[("alias", "Sammanfattande bedömning"), ("tag", "evaltools:assessment"), ("showingPlcHdr", None)],
                     [("alias", "Bakgrund"), ("tag", "evaltools:background"), ("showingPlcHdr", None)],
                     [("showingPlcHdr", None)]]
    names = {s.style_id: s.name for s in doc.styles}
    texts = []
    for sdt in boxes:
        # Word's placeholder text: the control in a paragraph in the evaluator's text's style (the text typed over
        # the hint: the rule at its left is the style's, nothing set on the paragraph), around the hint's runs in
        # their own style
        p = sdt.getparent()
        assert p.tag == qn("w:p") and names[p.style] == "Report Evaluator" and [c.tag for c in p if c.tag != qn("w:pPr")] == [qn("w:sdt")]
        assert [c.tag for c in p.pPr] == [qn("w:pStyle")]
        assert sdt.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None
        assert {names[r.rPr.style] for r in p.iter(qn("w:r"))} == {"Report Write Here"}
        texts.append("".join(t.text for t in p.iter(qn("w:t"))))
    assert texts == ["Skriv bedömningen här.", "Skriv bakgrunden här.", "Okänd del."]
    # the background's heading is a Word heading (navigation pane, table of contents) just above its box
    heading = boxes[1].getparent().getprevious()
    assert names[heading.pPr.pStyle.val] == "Heading 3" and "".join(t.text for t in heading.iter(qn("w:t"))) == "Bakgrund"
    # the look is the style's (a template may set its own): shaded, nothing set on the paragraph itself
    style = doc.styles["Report Write Here"]
    assert style.element.rPr.find(qn("w:shd")) is not None
    assert not list(body.iter(qn("w:shd"))) and not list(body.iter(qn("w:highlight")))


def test_an_english_draft_names_its_boxes_in_english():
    data = html_to_docx(_page("en"), None, "en", "Test project", "Test association")
    doc = docx.Document(io.BytesIO(data))
    aliases = [a.get(qn("w:val")) for a in doc.element.body.iter(qn("w:alias"))]
    assert aliases == ["Overall assessment", "Background"]


def test_the_rendered_draft_sample_has_the_places_in_word_only(sample_reports, sample_reports_en):
    """Nästa steg has no text by the evaluator; Timrå has its whole text."""
    import pypdf
    for out, lang, word in ((sample_reports.out / "nasta-steg", "sv", "Skriv här"),
                            (sample_reports_en.out / "nasta-steg" / "en", "en", "Write")):
        soup = BeautifulSoup((out / "nasta-steg.html").read_text(encoding="utf-8"), "html.parser")
        places = soup.select("section.et-write-here")
        assert [s["data-part"] for s in places] == list(PARTS) and all(s.has_attr("hidden") for s in places), lang
        pdf = "".join(page.extract_text() for page in pypdf.PdfReader(out / "nasta-steg.pdf").pages)
        assert word not in pdf, lang
        body = docx.Document(str(out / "nasta-steg.docx")).element.body
        tags = [t.get(qn("w:val")) for t in body.iter(qn("w:tag"))]
        assert tags == [f"evaltools:{key}" for key in PARTS], lang
        boxes = [t.getparent().getparent() for t in body.iter(qn("w:tag"))]
        assert all("".join(x.text for x in b.iter(qn("w:t"))).startswith(word) for b in boxes), lang
    timra = docx.Document(str(sample_reports.out / "timra-vagen-ut" / "timra-vagen-ut.docx")).element.body
    assert not list(timra.iter(qn("w:tag")))


@pytest.mark.parametrize("lang, replace", [("sv", "Klicka på den här texten och börja skriva, så ersätter din text den."),
                                           ("en", "Click this text and start typing, and your text replaces it.")])
def test_each_place_says_that_the_text_typed_there_replaces_it(draft, lang, replace):
    """Each place is Word's placeholder text, in a paragraph of the style the typed text keeps: it says that typing
    replaces it, and no longer asks for a change of style. The box is yellow: 0xFFF4C2 has red and green at 255
    and 244 and blue at 194."""
    from evaltools.present.sections import evaluator
    from evaltools.publish.docx import WRITE_FILL
    assert WRITE_FILL == "FFF4C2"
    import evaltools as et
    from .conftest import PARAMS
    r = draft if lang == "sv" else et.Report(PARAMS / "nasta-steg.yaml", lang=lang)
    r.narrative = Narrative(lang)
    for key in PARTS:
        said = " ".join(_section(evaluator.write_here_html(r, key)).p.get_text().split())
        assert replace in said and "Normal" not in said, (key, said)
