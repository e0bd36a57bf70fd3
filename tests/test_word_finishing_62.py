"""The report as an evaluator finishes it in Word: every section heading a Word heading (the navigation pane,
the table of contents), a template named by a Windows path told what to write instead. Expected texts and levels
follow from the HTML written by hand in each test."""
from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from evaltools.data.params import ParamsError, load_params
from evaltools.present.markup import render
from evaltools.publish.docx import html_to_docx


def _doc(html: str, lang: str = "sv"):
    return docx.Document(io.BytesIO(html_to_docx(html, None, lang, "Titel", "Förbundet")))


def _headings(doc) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph in a heading style, in order."""
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


# ---------------------------------------------------------------- every section heading a Word heading


def _params_part(heading: str) -> str:
    """The report's folded params file (its own template) under the appendix's part about the report."""
    return ("<main><h2>Bilaga</h2><h3>Om rapporten</h3><p>Rapporten gjordes med evaltools.</p>"
            + render("params.html.j2", heading=heading, note="Hela filen.", text="id: x\ntitle: X",
                     print_note="Parameterfilen finns i HTML-rapporten.")
            + "<h2>Nästa avsnitt</h2></main>")


@pytest.mark.parametrize("lang, heading", [("sv", "Parametrar som användes"), ("en", "Parameters used")])
def test_the_printed_params_part_is_a_word_heading_one_level_under_the_part_it_stands_in(lang, heading):
    doc = _doc(_params_part(heading), lang)
    assert _headings(doc) == [("Heading 2", "Bilaga"), ("Heading 3", "Om rapporten"), ("Heading 4", heading),
                              ("Heading 2", "Nästa avsnitt")]
    # Word's navigation pane reads the outline level of the heading's style: the built-in *heading 4*
    p = next(p for p in doc.paragraphs if p.text == heading)
    assert p.style.style_id == "Heading4" and p.style.element.find(qn("w:name")).get(qn("w:val")) == "heading 4"
    assert p._p.pPr.pStyle.val == "Heading4"
    # the params text itself is left out, as in the PDF; the line naming where it is stays, under the heading
    texts = [q.text for q in doc.paragraphs]
    assert "id: x" not in "\n".join(texts)
    assert texts[texts.index(heading) + 1] == "Parameterfilen finns i HTML-rapporten."
    # no run of the heading is made bold by hand (its look is the style's)
    assert all(r.bold is None for r in p.runs)


def test_a_folded_part_under_a_section_heading_is_a_level_3_heading():
    doc = _doc("<main><h2>Avsnitt</h2>" + render("params.html.j2", heading="Parametrar", note="n", text="t",
                                                 print_note="p") + "</main>")
    assert _headings(doc) == [("Heading 2", "Avsnitt"), ("Heading 3", "Parametrar")]


# ---------------------------------------------------------------- a Windows path to the template


@pytest.mark.skipif(os.name == "nt", reason="on Windows such a path is looked up as any other")
def test_a_template_named_by_a_drive_letter_is_called_a_windows_path_with_what_to_write(tiny_project):
    params = tiny_project("word_template: 'C:\\Mallar\\fou.dotx'\n")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    sv, en = e.value.message("sv"), e.value.message("en")
    assert "'C:\\Mallar\\fou.dotx' är en Windows-sökväg (C:)" in sv, sv
    assert "'C:\\Mallar\\fou.dotx' is a Windows path (C:)" in en, en
    # what to write: the file's own name, beside the params file (the folder named)
    assert "word_template: fou.dotx" in sv and "word_template: fou.dotx" in en
    assert str(params.parent) in sv and str(params.parent) in en
    assert "finns inte" not in sv and "letade efter" not in sv  # (not the message of a file missing from the folder)


@pytest.mark.skipif(os.name == "nt", reason="on Windows such a path is looked up as any other")
def test_a_template_on_a_network_share_is_called_a_windows_path_too(tiny_project):
    with pytest.raises(ParamsError) as e:
        load_params(tiny_project("word_template: '\\\\server\\mallar\\Förbundets mall.docx'\n"))
    sv = e.value.message("sv")
    assert "är en Windows-sökväg (\\\\server\\mallar)" in sv, sv
    assert "word_template: Förbundets mall.docx" in sv


# ---------------------------------------------------------------- the spelling checked in a förbund's template


def _no_proof(rpr_parent) -> None:
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_parent.append(rpr)
    rpr.append(parse_xml(f"<w:noProof {nsdecls('w')}/>"))


def test_a_template_that_turns_the_spelling_check_off_does_not_leave_the_report_unchecked(tmp_path):
    source = docx.Document()
    _no_proof(source.styles["Normal"].element)
    _no_proof(source.styles["Heading 2"].element)
    code = source.styles.add_style("Kod", WD_STYLE_TYPE.PARAGRAPH)  # a style of the template's own, not used
    _no_proof(code.element)
    defaults = source.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _no_proof(defaults)
    source.save(str(tmp_path / "mall.docx"))
    data = html_to_docx("<main><h1>T</h1><h2>Del</h2><p>Text att stavningskontrollera.</p>"
                        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
                        "<p class='et-note'>Not.</p></main>", None, "sv", "Titel", "Förbundet", tmp_path / "mall.docx")
    doc = docx.Document(io.BytesIO(data))

    def unchecked(style) -> bool:
        while style is not None:
            if style.element.find(f"{qn('w:rPr')}/{qn('w:noProof')}") is not None:
                return True
            style = style.base_style
        return False

    for p in doc.paragraphs:
        assert not unchecked(p.style), p.style.name
        assert p._p.find(f".//{qn('w:noProof')}") is None
    assert not any(unchecked(q.style) for t in doc.tables for c in t._cells for q in c.paragraphs)
    assert doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:noProof')}") is None
    assert unchecked(doc.styles["Kod"])  # (the template's unused style as it was)
    # the language Word checks in: Swedish, in the defaults and in Normal
    assert doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}").get(qn("w:val")) == "sv-SE"


# ---------------------------------------------------------------- the evaluator's Swedish text in an English report


def test_the_evaluators_swedish_text_in_an_english_report_is_checked_as_swedish():
    doc = _doc("<main><h1>T</h1><h3>The evaluator's assessment, in Swedish as written</h3>"
               "<div class='et-evaluator' lang='sv'><p class='et-lead'>Ansökan är <strong>rimlig</strong> om "
               "<a href='https://example.org/'>förväntningarna</a> håller.</p><ul><li>En punkt.</li></ul></div>"
               "<p>English text after it.</p></main>", "en")
    langs = {}
    for p in doc.paragraphs:
        for r in p._p.iter(qn("w:r")):
            lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            langs.setdefault(p.text, set()).add(None if lang is None else lang.get(qn("w:val")))
    assert langs["Ansökan är rimlig om förväntningarna håller."] == {"sv-SE"}  # (the bold word and the link too)
    assert langs["En punkt."] == {"sv-SE"}
    assert langs["English text after it."] == {None} and langs["T"] == {None}  # (the document's own: en-GB)
    assert doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    # the language after the run's other properties, where Word's schema has it (bold first)
    bold = next(r for r in doc.paragraphs[2]._p.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None)
    assert [c.tag for c in bold.rPr][-1] == qn("w:lang") and [c.tag for c in bold.rPr][0] != qn("w:lang")


def test_text_in_the_reports_own_language_names_no_language_of_its_own():
    doc = _doc("<main><h1>T</h1><div class='et-evaluator' lang='sv'><p>Svensk text.</p></div></main>", "sv")
    assert doc.element.body.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:lang')}") is None


# ---------------------------------------------------------------- a draft made from a förbund's template


_DRAFT = ("<main><div class='et-draft' role='note'><strong>Utkast</strong> utvärderaren har inte skrivit sin "
          "bedömning.</div><h1>T</h1><h2>Del</h2><p>Text.</p></main>")


def _template(path, header: str | None):
    source = docx.Document()
    if header is not None:
        source.sections[0].header.paragraphs[0].text = header
    source.save(str(path))
    return path


def test_a_draft_made_from_a_template_has_the_draft_mark_under_the_templates_header(tmp_path):
    mall = _template(tmp_path / "mall.docx", "Samordningsförbundet Exempelby")
    doc = docx.Document(io.BytesIO(html_to_docx(_DRAFT, None, "sv", "Titel", "Förbundet", mall)))
    header = doc.sections[0].header
    assert [p.text for p in header.paragraphs] == ["Samordningsförbundet Exempelby", "UTKAST"]
    assert header.paragraphs[1].runs[0].bold
    # the finished report made from the same template: the template's header alone
    done = _DRAFT.replace("<div class='et-draft' role='note'><strong>Utkast</strong> utvärderaren har inte skrivit "
                          "sin bedömning.</div>", "")
    doc = docx.Document(io.BytesIO(html_to_docx(done, None, "sv", "Titel", "Förbundet", mall)))
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["Samordningsförbundet Exempelby"]


def test_a_draft_from_a_template_with_an_empty_header_has_the_mark_on_its_one_line(tmp_path):
    mall = _template(tmp_path / "mall.docx", None)
    doc = docx.Document(io.BytesIO(html_to_docx(_DRAFT.replace("Utkast", "Draft"), None, "en", "T", "F", mall)))
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["DRAFT"]
    # and without a template, as before: the mark alone in the header
    doc = _doc(_DRAFT)
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["UTKAST"]


# ---------------------------------------------------------------- the template's custom properties


_CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{}</Properties>')
_LABEL = "MSIP_Label_0a1b2c3d-0000-4000-8000-123456789abc"


def _with_custom(path, props: dict[str, str]) -> None:
    """The template at ``path`` given the custom properties ``props`` (as Word writes docProps/custom.xml)."""
    body = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{k}">'
                   f"<vt:lpwstr>{v}</vt:lpwstr></property>" for i, (k, v) in enumerate(props.items()))
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/custom.xml"] = _CUSTOM.format(body).encode()
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'custom-properties" Target="docProps/custom.xml"/></Relationships>'))
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/docProps/custom.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'))
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_a_templates_custom_properties_naming_a_person_are_left_out_and_its_sensitivity_label_kept(tmp_path):
    mall = _template(tmp_path / "mall.docx", None)
    _with_custom(mall, {"Handläggare": "Anna Exempelsson", "Diarienummer": "SF 2023/17",
                        f"{_LABEL}_Enabled": "true", f"{_LABEL}_Name": "Intern",
                        f"{_LABEL}_Owner": "anna.exempelsson@example.org"})
    data = html_to_docx(_DRAFT, None, "sv", "Titel", "Förbundet", mall)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        custom = z.read("docProps/custom.xml").decode()
    assert "Anna Exempelsson" not in custom and "anna.exempelsson" not in custom and "SF 2023/17" not in custom
    assert f'name="{_LABEL}_Enabled"' in custom and f'name="{_LABEL}_Name"' in custom and ">Intern<" in custom
    docx.Document(io.BytesIO(data))  # (still a document python-docx, and so Word, opens)


def test_a_template_with_only_personal_custom_properties_leaves_no_custom_part(tmp_path):
    mall = _template(tmp_path / "mall.docx", None)
    _with_custom(mall, {"Handläggare": "Anna Exempelsson"})
    data = html_to_docx(_DRAFT, None, "sv", "Titel", "Förbundet", mall)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "docProps/custom.xml" not in z.namelist()
        assert b"custom-properties" not in z.read("_rels/.rels")
        assert b"Anna Exempelsson" not in b"".join(z.read(n) for n in z.namelist())


_LIBRARY = ('<?xml version="1.0" encoding="utf-8"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/'
            'metadata/properties" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><documentManagement>'
            '<Handlaggare xmlns="urn:exempel"><UserInfo><DisplayName>Anna Exempelsson</DisplayName>'
            '<AccountId>17</AccountId></UserInfo></Handlaggare></documentManagement></p:properties>')


def test_the_values_of_the_sharepoint_library_the_template_lay_in_are_left_out(tmp_path):
    mall = _template(tmp_path / "mall.docx", None)
    with zipfile.ZipFile(mall) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    assert "customXml/item1.xml" in parts  # (python-docx's own template has a custom XML part: its bibliography)
    parts["customXml/item2.xml"] = _LIBRARY.encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdLib" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'customXml" Target="../customXml/item2.xml"/></Relationships>'))
    with zipfile.ZipFile(mall, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    data = html_to_docx(_DRAFT, None, "sv", "Titel", "Förbundet", mall)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
        kept = [n for n in z.namelist() if n.startswith("customXml/item") and "Props" not in n]
    assert b"Anna Exempelsson" not in everything and b"metadata/properties" not in everything
    assert len(kept) == 1 and b"bibliography" in zipfile.ZipFile(io.BytesIO(data)).read(kept[0])
    docx.Document(io.BytesIO(data))
