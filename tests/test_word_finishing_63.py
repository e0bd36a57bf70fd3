"""The Word report in a Swedish office: the project's Swedish words in an English report marked as Swedish (Word
checks their spelling in Swedish), the report's own styles named in Swedish in a Swedish report and the evaluator's
first in the gallery, a template outside the project named as the user wrote it, a template's numbered headings
leaving the title and page 1 unnumbered, and the program named in the document's properties as evaltools. Expected
values follow from the HTML, the tiny project's budget and the template written by hand in each test."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

import evaltools as et
from evaltools._version import __version__
from evaltools.data.params import ParamsError, load_params
from evaltools.present.display import Table
from evaltools.present.sections import budget
from evaltools.publish.docx import html_to_docx


def _doc(html: str, lang: str = "sv", template=None):
    return docx.Document(io.BytesIO(html_to_docx(html, None, lang, "Titel", "Förbundet", template=template)))


def _run_langs(doc) -> dict[str, str | None]:
    """Each run's text and the language set on the run itself (None: the style's, the report's)."""
    out = {}
    for r in doc.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        out[text] = None if lang is None else lang.get(qn("w:val"))
    return out


# ---------------------------------------------------------------- 1. the project's Swedish words marked Swedish


def _budget_html(tiny_project, lang: str) -> str:
    r = et.Report(et.load_project(tiny_project()), lang=lang)
    (table,) = [b for b in budget.blocks(r)[0] if isinstance(b, Table)]
    return table._repr_html_()


def test_an_english_reports_cost_items_are_marked_swedish_in_the_html_and_in_word(tiny_project):
    html = _budget_html(tiny_project, "en")
    # the tiny project's budget.csv: "Lön" and "Övrigt" as the project wrote them (its "Summa" row is a check)
    assert re.findall(r"<td [^>]*lang='sv'>([^<]*)</td>", html) == ["Lön", "Övrigt"], html
    doc = _doc(f"<html lang='en'><body><main><h2>Budget</h2>{html}</main></body></html>", "en")
    langs = _run_langs(doc)
    assert langs["Lön"] == "sv-SE" and langs["Övrigt"] == "sv-SE", langs
    # the toolkit's own English words in the same column (the total row) and the figures keep the report's
    total = [t for t in langs if t.startswith("Total")]
    assert total and all(langs[t] is None for t in total), langs
    assert all(v is None for t, v in langs.items() if t not in ("Lön", "Övrigt")), langs
    # python-docx's view: the cell holding "Lön" is in the table, its run the one marked
    cell = next(c for row in doc.tables[0].rows for c in row.cells if c.text == "Lön")
    (run,) = cell.paragraphs[0].runs
    assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"


def test_a_cost_items_language_survives_a_copy_and_a_pickle():
    import copy  # (the report's blocks may be copied or sent to another process)
    import pickle
    from evaltools.present.markup import lang_of, written
    item = written("Lön", "en")
    for again in (copy.deepcopy(item), pickle.loads(pickle.dumps(item))):
        assert again == "Lön" and lang_of(again) == "sv"
    assert lang_of(written("Lön", "sv")) == "" and lang_of("Lön") == ""


def test_a_swedish_reports_cost_items_carry_no_language_of_their_own(tiny_project):
    html = _budget_html(tiny_project, "sv")
    assert "lang=" not in html and "Lön" in html
    langs = _run_langs(_doc(f"<html lang='sv'><body><main>{html}</main></body></html>", "sv"))
    assert langs["Lön"] is None and not any(langs.values()), langs


def test_english_words_the_html_marks_in_a_swedish_report_are_english_in_word():
    doc = _doc("<main><p>Projektet kallade det <span lang='en'>job coaching</span> i ansökan.</p>"
               "<table><tr><th>Post</th></tr><tr><td lang='en'>Staff</td></tr></table></main>", "sv")
    langs = _run_langs(doc)
    assert langs["job coaching"] == "en-GB" and langs["Staff"] == "en-GB", langs
    assert langs["Projektet kallade det "] is None and langs[" i ansökan."] is None


# ---------------------------------------------------------------- 2. the report's own styles in Swedish Word


_OWN = {"Report Lead": "Rapport sida 1", "Report Note": "Rapport not", "Report Evaluator": "Rapport utvärderarens text",
        "Report Evaluator Lead": "Rapport utvärderarens text sida 1", "Report Table": "Rapport tabelltext",
        "Report Table Wide": "Rapport tabelltext bred", "Report Write Here": "Rapport skriv här",
        "Report Table Grid": "Rapport tabell"}


def _aliases(doc, name: str) -> str | None:
    el = doc.styles[name].element.find(qn("w:aliases"))
    return None if el is None else el.get(qn("w:val"))


def test_the_reports_own_styles_have_swedish_names_in_a_swedish_report_and_none_in_an_english_one():
    sv, en = _doc("<main><p>x</p></main>", "sv"), _doc("<main><p>x</p></main>", "en")
    for name, swedish in _OWN.items():
        assert _aliases(sv, name) == swedish, name
        assert _aliases(en, name) is None, name
        assert sv.styles[name].name == name  # (the style's own name stays: a template's styles are found by it)
    # the schema's place: right after the name
    lead = sv.styles["Report Lead"].element
    assert [c.tag for c in lead][:2] == [qn("w:name"), qn("w:aliases")]


def test_a_templates_own_aliases_are_kept(tmp_path):
    template = docx.Document()
    style = template.styles.add_style("Report Note", 1)
    style.element.insert(1, parse_xml(f'<w:aliases {nsdecls("w")} w:val="Källa"/>'))
    path = _saved(template, tmp_path / "mall.docx")
    doc = _doc("<main><p>x</p></main>", "sv", template=path)
    assert _aliases(doc, "Report Note") == "Källa"
    assert _aliases(doc, "Report Lead") == "Rapport sida 1"


def _gallery(doc) -> list[str]:
    """The paragraph styles of Word's style gallery in its order: those marked for it (qFormat), by priority
    (a style without one: its latent style's, as Word's *Normal* has 0 there; else 99), then by name."""
    latent = {ls.name.lower(): ls.priority for ls in doc.styles.latent_styles}

    def priority(s) -> int:
        if s.priority is not None:
            return s.priority
        found = latent.get(s.element.find(qn("w:name")).get(qn("w:val")).lower())
        return found if found is not None else 99

    shown = [(priority(s), s.name) for s in doc.styles if s.type == 1 and s.quick_style and not s.hidden]
    return [name for _, name in sorted(shown)]


def test_the_evaluators_own_styles_come_first_in_the_gallery_after_normal():
    gallery = _gallery(_doc("<main><p>x</p></main>", "sv"))
    assert gallery[0] == "Normal", gallery
    first = gallery.index("Report Evaluator")
    assert gallery.index("Report Evaluator Lead") == first + 1
    assert first < gallery.index("Heading 1") and first <= 2, gallery
    # the notes, page 1's text and the table text beside the headings, before List Paragraph
    for name in ("Report Note", "Report Lead", "Report Table"):
        assert gallery.index("Heading 2") < gallery.index(name) < gallery.index("List Paragraph"), gallery


# ---------------------------------------------------------------- 3. a template outside the project


def test_a_template_outside_the_project_is_named_as_written_with_what_to_write(tiny_project, tmp_path_factory):
    # a folder whose name holds a backslash, as every Windows path does: repr() doubled it ('C:\\\\Mallar')
    outside = tmp_path_factory.mktemp("annan") / "Mallar\\2024" / "fou.docx"
    params = tiny_project(f"word_template: '{outside}'\n")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"'{outside}' ligger utanför projektmappen" in sv, sv
    assert f"'{outside}' lies outside the project folder" in en, en
    assert "\\\\" not in sv and "\\\\" not in en
    # what to write: copy it beside the params file (the folder named) and give its name alone
    assert sv.endswith("word_template: fou.docx") and en.endswith("word_template: fou.docx"), (sv, en)
    assert f"({params.parent})" in sv and f"({params.parent})" in en


# ---------------------------------------------------------------- 4. a template with numbered headings


_NUMBERING = """<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading3"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>"""


def _saved(document, path):
    """The template saved as a file, as params name one."""
    document.save(str(path))
    return path


def _numbered_template(folder, first: int = 1):
    """A förbund's template whose Heading 1 is numbered "1", Heading 2 "1.1" and Heading 3 "1.1.1" (one list, as
    Word's *Multilevel list* linked to the headings writes it: the numbering on the styles, Heading 1's without
    a level)."""
    t = docx.Document()
    numbering = t.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    for level in range(first, first + 3):
        ppr = t.styles[f"Heading {level}"].element.get_or_add_pPr()
        ilvl = "" if level == first else f'<w:ilvl w:val="{level - first}"/>'
        ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl}<w:numId w:val="77"/></w:numPr>'))
    return _saved(t, folder / "numrerad.docx")


def _number(p) -> tuple[str, str] | None:
    """The paragraph's own numbering (numId, ilvl), None where it has none of its own (its style's applies)."""
    pr = p._p.pPr.find(qn("w:numPr")) if p._p.pPr is not None else None
    if pr is None:
        return None
    return pr.find(qn("w:numId")).get(qn("w:val")), pr.find(qn("w:ilvl")).get(qn("w:val"))


_REPORT = ("<main><h1>Kompassen</h1><h2>Sammanfattning</h2><h3>Nådde projektet sina mål?</h3><p>Ja.</p>"
           "<h2>Om projektet</h2><p>Text.</p><h3>Deltagarna</h3><p>Text.</p><h2>Kostnader</h2><p>Text.</p></main>")


def test_a_templates_numbered_headings_leave_the_title_and_page_1_unnumbered(tmp_path):
    doc = _doc(_REPORT, "sv", template=_numbered_template(tmp_path))
    numbers = {p.text: (p.style.name, _number(p)) for p in doc.paragraphs if p.style.name.startswith("Heading")}
    # the title and page 1's headings: switched off (numId 0), whatever their style says
    assert numbers["Kompassen"] == ("Heading 1", ("0", "0"))
    assert numbers["Sammanfattning"] == ("Heading 2", ("0", "0"))
    assert numbers["Nådde projektet sina mål?"] == ("Heading 3", ("0", "0"))
    # the sections take the template's list at its first level ("1", "2"), the heading under one its second ("1.1"):
    # not "0.1" under an unnumbered title
    assert numbers["Om projektet"] == ("Heading 2", ("77", "0"))
    assert numbers["Deltagarna"] == ("Heading 3", ("77", "1"))
    assert numbers["Kostnader"] == ("Heading 2", ("77", "0"))
    # the table of contents' heading is no numbered heading either
    # (in the table of contents' content control, outside python-docx's list of the body's paragraphs)
    contents = next(Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))
                    if "".join(t.text or "" for t in p.iter(qn("w:t"))) == "Innehåll")
    assert contents.style.name == "TOC Heading" and _number(contents) == ("0", "0")


def test_a_template_numbering_from_heading_2_numbers_the_sections_by_their_styles(tmp_path):
    # (its Heading 1 a document's title, unnumbered; Heading 2 "1", Heading 3 "1.1")
    doc = _doc(_REPORT, "sv", template=_numbered_template(tmp_path, first=2))
    numbers = {p.text: _number(p) for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert numbers["Kompassen"] is None  # (its style has no number)
    assert numbers["Sammanfattning"] == ("0", "0") and numbers["Nådde projektet sina mål?"] == ("0", "0")
    assert numbers["Om projektet"] is None and numbers["Deltagarna"] is None and numbers["Kostnader"] is None


def test_headings_without_a_numbered_template_carry_no_numbering(tmp_path):
    for doc in (_doc(_REPORT, "sv"), _doc(_REPORT, "sv", template=_saved(docx.Document(), tmp_path / "mall.docx"))):
        assert all(_number(p) is None for p in doc.paragraphs), [p.text for p in doc.paragraphs if _number(p)]


# ---------------------------------------------------------------- 5. the program that wrote the document


@pytest.mark.parametrize("template", [None, "word"])
def test_the_document_says_evaltools_wrote_it_not_macintosh_word_14(template, tmp_path):
    path = None
    if template:  # a template saved by Word names Word and its version
        t = docx.Document()
        path = _saved(t, tmp_path / "mall.docx")
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["docProps/app.xml"] = (parts["docProps/app.xml"].replace(b"Microsoft Macintosh Word", b"Microsoft Office Word")
                                     .replace(b"14.0000", b"16.0000"))
        with zipfile.ZipFile(path, "w") as z:
            for n, b in parts.items():
                z.writestr(n, b)
    data = html_to_docx("<main><p>x</p></main>", None, "sv", "Titel", "Förbundet", template=path)
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert f"<Application>evaltools {__version__}</Application>" in app, app
    assert "Word" not in app and "AppVersion" not in app, app
    docx.Document(io.BytesIO(data))  # (python-docx still opens it)
