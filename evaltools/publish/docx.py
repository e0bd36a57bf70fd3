"""Word documents: the report's HTML written as a .docx with Word's own structure.

The Word report is made from the same HTML as the HTML and PDF reports (the Jinja templates in
``evaltools/templates/html`` and the offline notebook template), read with BeautifulSoup and
written with python-docx, so that its content is never written a second time:

* ``h1``–``h6`` become the paragraph styles *Heading 1*–*Heading 6* (the navigation pane works);
  the appendix heading starts a new page, as in the PDF;
* after page 1, on a page of its own under its heading (*TOC Heading*, "Innehåll"), a table of
  contents: a Word TOC field of the section headings and those under them in Word's *Table of
  Contents* content control, which Word renews with *Update table* (or F9) after the evaluator's
  edits; the page break is before its heading, so a page 1 that fills its page is not followed by
  a blank page; a line under its heading (*Report Note*) says how to have its page numbers (F9, or
  *Uppdatera tabell*); the document does not ask Word to update it on opening (``w:dirty``,
  ``w:updateFields``), as Word would then first ask whether to update "fields that may refer to
  other files";
* text the HTML keeps on one line (``nw``: dates, amounts) keeps its spaces as no-break spaces and
  its hyphens as Word's non-breaking hyphens, so that "2021-12-31" is never split in a table cell;
* report tables become Word tables whose header row repeats on every page (``w:tblHeader``) and
  whose rows are never split across two pages (``w:cantSplit``; a row taller than most of a page may break, as
  Word cuts off a whole row taller than the page, :func:`_let_tall_rows_break`), with numbers right-aligned as in
  the HTML (already formatted: ``1 276 000 kr``, ``48,6 %``); the header row's look (bold, fill,
  rule) is the table style's first-row formatting, not the cells'; its cells set their labels at
  the foot of the row (``w:vAlign``), as the PDF does, so that a short label stands level with the
  last line of a label that wraps, just above its column's figures; every table has a *Caption*
  paragraph above it, numbered as a chart's ("Tabell 2. Budget och utfall", its number Word's ``SEQ Tabell``
  field, ``SEQ Table`` in English): the HTML's caption with the HTML's number, so that a table is numbered alike
  in the PDF and in Word ("Tabell 14." alone right under the heading it would repeat), else numbered here and
  titled by the heading it stands under, so that
  the evaluator can cross-reference and list the tables in Word; its alternative text (``w:tblCaption``, ``w:tblDescription``), which
  Word's accessibility checker asks of every table, is its caption's title or the heading it stands under and
  the labels of its header row;
* in a draft, the places the HTML holds hidden for the evaluator's text (``et-write-here``) become the
  part's heading and a paragraph saying what to write as Word's placeholder text (a content control
  named after the part, showing its placeholder: a click selects the hint, typing replaces it with text
  in the paragraph's style, the evaluator's text's, *Report Evaluator* or on page 1 *Report Evaluator Lead*);
* charts become pictures with their alternative text (``wp:docPr/@descr``) and their caption under
  them, whose number ("Figur 3.") is Word's ``SEQ Figur`` field (``SEQ Figure`` in English), so that
  *Insert Table of Figures* lists the charts and a caption the evaluator inserts continues the count;
  the notes under a table or chart keep with it (its last row or picture and each note but the last
  keep with next); a paragraph of text right before a table or a chart keeps with it, as in the PDF;
* lists become Word lists (numbering definitions, a new count for every numbered list);
* the document's language (``sv-SE`` or ``en-GB``) is set in the styles, the settings (with the
  language's decimal mark) and the document properties, with the title and the author (the
  förbund); no proofing state is carried over, so Word checks the spelling itself, nor a template's
  *Do not check spelling or grammar* on the styles the report uses; text the HTML marks as in the other
  language (``lang``: the evaluator's Swedish text in an English report, a budget's cost items as the project
  wrote them, a table cell or a ``span`` so marked) has its own language on its runs; the document properties
  name evaltools and its version as the program that wrote it (*Application*), not python-docx's Word 14;
* the report's own styles have their name in the report's language as an alias (*Report Lead,Rapport sida 1*
  in a Swedish report), and the evaluator's own text's styles stand first in the style gallery after *Normal*;
  where a template numbers its headings ("1", "1.1"), the title and page 1's headings are left unnumbered and
  the sections take the template's first level (see :func:`_heading_number`);
* nothing in the body sets a font, size or colour of its own (links take the *Hyperlink* style),
  and no empty paragraph makes space, except the one Word needs between two tables.

Printed as the PDF is printed: the params file folded away in the HTML (``<details>``) is left
out and the line that names it instead (``et-print-only``) is kept, under the folded part's summary ("Parametrar
som användes") as a Word heading one level under the heading before it.

A förbund's own template (``word_template`` in params) is a reference .docx: its body is
cleared and the report written into it, so that its styles, page size, margins, headers and
footers are used. What belonged to the document the template was (often last year's report) is left
out, as Word's *Inspect Document* would: its macros (a .docx cannot hold them), its comments and the people who wrote them, its footnotes, the values
of the SharePoint library it lay in (its case officer by name), the
path of the template it was made from (a folder on its author's computer), restricted editing, "open as
read-only?" and tracked changes, and in the properties its status, identifier, manager, link base, the
counts and title of its contents (its pages and words) and its custom properties (a sensitivity label stays). A Word
template (.dotx) renamed .docx is read as the document it makes. The header and footer the template's last section
shows by *Link to Previous* (a cover page in a section of its own holding them) are kept, and the page's text width
leaves out a gutter beside the margin. Where the template has heading styles of its own ("FoU Rubrik 1" at an
outline level) and not Word's, the report's headings are Word's based on them. The styles the report asks for are *Normal*, *Heading 1*–*6*, *Subtitle*,
*Caption*, *List Paragraph*, *Quote*, *Hyperlink*, *toc 2* and *toc 3*, *Report Lead* (page 1's text,
``et-lead``: as in the PDF a little smaller than *Normal* and closer, so that page 1 keeps to its page), *Report Evaluator* and
*Report Evaluator Lead* (the evaluator's own paragraphs in the body and on page 1, and a draft's places to write: *Normal*'s
and *Report Lead*'s look with the PDF's quiet rule at their left, so that a paragraph the evaluator adds takes it with the
style), *Report Note* (notes under
tables and charts), *Report Table* (text in table cells), *Report Table Wide* (the text of a table as
wide as the page, ``et-wide``: a point smaller, as in the PDF), the character style *Report Write Here* (a
draft's hints where the evaluator writes; where a template defines a paragraph style of that name, as
templates made for earlier documents did, Word's *Placeholder Text* instead) and the table style *Report Table Grid*
(its first-row formatting is the header row's look; as in the PDF, the tables switch on no
first-column, last-row or banded formatting a template's table style may have); a template that defines them sets their
look, and those it lacks are added with the default look: *Report Lead*, *Report Note* and *Report Table* in Word's
style gallery beside the headings, and after a *Report Note* the next paragraph in *Normal* (Enter after a note
under a table starts body text, not another note). The table columns are measured in the
table text's own font and size: in the font's own widths where its file is installed (matplotlib's list
of the computer's fonts finds it, fontTools reads it), else Arial's widths scaled by the font's known
width; a figure's qualifier in brackets may wrap under it, as in the PDF, and a table whose words do not
fit between the margins reaches into them (leaving 12 mm of paper) rather than break a word. A template without
page numbers in its footer or header gets the report's in its footer ("Sida 3 av 12"; under the
template's own footer text, if it has some); a draft made from a template has the draft mark ("UTKAST") in its
header too, under the template's own header text, as the document without a template has. Without a template the document is a
clean A4 page that looks like the PDF (margins, Arial, the same sizes and colours, the title and
"Sida 3 av 12" in the footer), saved as a current Word document (not in compatibility mode); Arial is
named by *Normal* only, so that changing *Normal*'s font changes the whole report's.
"""
from __future__ import annotations

import base64
import contextlib
import copy
import functools
import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Iterator
from typing import Any, TypeGuard

import docx
from lxml import etree
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Inches, Mm, Pt, RGBColor

from .._version import __version__
from ..data.errors import ReportError
from ..words.formats import without_emoji
from ..words.text import msg

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"

# the PDF's look (templates/evalprint/index.html.j2), for the document without a template
FONT = "Arial"
TEXT = RGBColor(0x1D, 0x1D, 0x1D)
ACCENT = RGBColor(0x1F, 0x5F, 0x8B)
GREY = RGBColor(0x55, 0x55, 0x55)
HEADING_SIZES = {1: 20, 2: 14, 3: 11, 4: 10, 5: 10, 6: 10}
HEADER_FILL = "EEF3F7"

NOTE_STYLE = "Report Note"
LEAD_STYLE = "Report Lead"  # page 1's text (``et-lead``), set a little smaller and closer, as in the PDF
LEAD_SCALE = 0.95  # the PDF's page 1 text against its body text (9.5 pt against 10 pt)
CELL_STYLE = "Report Table"
WIDE_CELL_STYLE = "Report Table Wide"  # the text of a table as wide as the page (``et-wide``), a point smaller
WRITE_STYLE = "Report Write Here"  # the character style of a draft's hints where the evaluator writes
# the evaluator's own paragraphs (``et-evaluator``), in the body and on page 1: the PDF's quiet rule at their left is
# the style's, so that a paragraph the evaluator adds in Word takes the look with its style (Enter keeps it)
EVALUATOR_STYLE, EVALUATOR_LEAD_STYLE = "Report Evaluator", "Report Evaluator Lead"
EVALUATOR_RULE = 'w:val="single" w:sz="12" w:space="8" w:color="C9D6E0"'
PLACEHOLDER_STYLE = "Placeholder Text"  # Word's own style of placeholder text (see _hint_style)
WRITE_FILL = "FFF4C2"
TABLE_STYLE = "Report Table Grid"
LINK_STYLE = "Hyperlink"
CONTENTS_STYLE = "TOC Heading"

_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "pre", "blockquote", "div",
          "main", "section", "article", "details", "summary", "hr", "img", "dl", "header", "footer", "body"}
_SKIP = {"style", "script", "head", "title", "meta", "link", "template", "noscript", "svg"}
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space (a no-break space is text)
_WIDTH = re.compile(r"width:\s*([0-9.]+)in")
NO_BREAK_HYPHEN = "\u2011"  # a hyphen where a line must not break, written as Word's w:noBreakHyphen
# a space inside a figure, where Word must not break the line: between groups of thousands ("20 000"), before
# its unit ("0 kr", "25 %") and after the English currency ("SEK 0"); the toolkit's own figures have no-break
# spaces already, a sentence of the catalog or of the evaluator's text may have ordinary ones
_FIGURE_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=(?:kr|%)(?!\w))|(?<=\bSEK) (?=[−-]?\d)")


@dataclass(frozen=True)
class Fmt:
    """The character formatting an inline element gives the text inside it."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    nowrap: bool = False
    href: str | None = None
    lang: str | None = None  # the language tag (sv-SE) of text the HTML marks as in its own language (``lang``)


@dataclass
class _Writer:
    """State while one document is written: the document, its list numbering and the text width."""

    doc: Any
    lang: str
    width: int  # EMU between the margins
    bullet_abstract: int | None = None
    number_abstract: int | None = None
    sections_seen: int = 0  # the section headings (h2) written so far
    contents: Any = None  # the table of contents (``w:sdt``), put before the second section heading
    style_ids: dict = field(default_factory=dict)  # (name, type) -> the style's id (None: the type's default)
    cell_text: _TextMeasure = field(default_factory=lambda: _TextMeasure())  # how the table text is measured
    wide_text: _TextMeasure = field(default_factory=lambda: _TextMeasure())  # the same for a wide table's text
    outdent: int = 0  # EMU a table whose words do not fit may reach into each side margin (see _outdent)
    lead: bool = False  # writing page 1's text (inside an ``et-lead`` block): its paragraphs in LEAD_STYLE
    evaluator: bool = False  # writing the evaluator's words (inside ``et-evaluator``): paragraphs in EVALUATOR_STYLE
    heading: str = ""  # the text of the last heading written (a table's title where it has no caption)
    level: int = 1  # the level of the last heading written (a folded part's summary is a heading under it)
    numbers: dict = field(default_factory=dict)  # a template's numbered headings: level -> (numId, ilvl)
    tables: int = 0  # the tables written so far (the next one's caption is "Tabell" and one more)

    def style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The id Word stores for the style ``name`` of type ``kind``, as python-docx resolves it when a
        style is assigned (``None`` for the type's default style), looked up once per document.

        python-docx resolves every assignment anew, reading the type of every style in the document to
        find the default (about 160 styles): for the thousand table cells of a report that was most of
        the time the Word document took (1.8 of 2.0 CPU-s for the Kompassen report). The styles are
        all in place before the body is written, so each name's id is the same for every assignment.
        """
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.doc.styles.get_style_id(self.doc.styles[name], kind)
        return self.style_ids[key]

    def paragraph(self, container, style: str | None = None):
        """A new paragraph at the end of ``container`` in the paragraph style ``style`` (the default: none)."""
        p = container.add_paragraph()
        if style:
            p._p.style = self.style_id(style)
        return p


def _quiet_style_lookup(func):
    """``func`` without python-docx's warning, in English on the evaluator's console, that a style was found by its id
    rather than its name: a template's style under Word's id with a name of its own ("Bildtext" under the id
    Caption) is the template's, as Word finds it by that id."""
    @functools.wraps(func)
    def quiet(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="style lookup by style_id is deprecated", category=UserWarning)
            return func(*args, **kwargs)
    return quiet


@_quiet_style_lookup
def html_to_docx(html_text: str, docx_path: str | Path | None, lang: str, title: str, author: str = "",
                 template: str | Path | None = None) -> bytes | None:
    """Write a report's HTML as a Word document.

    Parameters
    ----------
    html_text
        The report's final HTML (what :func:`evaltools.publish.render.notebook_to_html` returns).
    docx_path
        Where to write the .docx; with None the document is returned as bytes.
    lang
        The report's language, ``"sv"`` or ``"en"``: the document language (``sv-SE``, ``en-GB``)
        and the footer's words.
    title, author
        The document properties' title and author (the förbund).
    template
        A reference .docx whose styles, page setup, headers and footers are used (its body is
        replaced by the report); None for the default A4 document.

    Returns
    -------
    bytes or None
        The document when ``docx_path`` is None.

    Raises
    ------
    ReportError
        When the template cannot be opened as a Word document.
    """
    soup = BeautifulSoup(html_text, "html.parser")
    if template is not None:
        try:
            doc = docx.Document(_as_document(Path(template)))
        except Exception:  # noqa: BLE001 - python-docx raises several kinds for a file that is no .docx
            # (in the run's language, naming the file and what to write; python-docx's own words are English)
            raise ReportError(msg("messages.cli.word_template_unopened", lang, file=Path(template).name)) from None
        _clear_body(doc)
    else:
        doc = docx.Document()
        _default_look(doc)
    w = _Writer(doc, lang, _text_width(doc.sections[-1]), outdent=_outdent(doc.sections[-1]))
    _ensure_styles(doc)
    _names_in_the_language(doc, lang)
    w.numbers = _heading_numbers(doc)
    w.cell_text, w.wide_text = _measure(doc, CELL_STYLE), _measure(doc, WIDE_CELL_STYLE)
    _set_language(doc, LANGUAGE_TAGS.get(lang, lang))
    draft = soup.select_one(".et-draft strong")
    mark = draft.get_text(" ", strip=True).upper() if draft else None
    # (the title in the footer in its own language, as the title on page 1: a Swedish title in an English report)
    h1 = soup.select_one(".et-title h1")
    title_lang = _language_tag(h1) if h1 is not None else None
    if template is None:
        _default_header_footer(doc, title, lang, mark, title_lang)
    else:
        _page_numbers(doc, title, lang, title_lang)
        if mark:
            _draft_mark_in_template(doc, mark)
    _properties(doc, title, author, LANGUAGE_TAGS.get(lang, lang))
    _settings(doc, LANGUAGE_TAGS.get(lang, lang), lang, own=template is None)
    _captions_setting(doc, lang)
    root = soup.find("main") or soup.body or soup
    _blocks(w, doc, root)
    _contents(w)
    _drop_spacers(doc)
    _keep_leads_with_what_they_lead(doc)
    _keep_notes_with_what_they_note(doc)
    _spelling_checked(doc)
    if docx_path is None:
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    doc.save(str(docx_path))
    return None


# ---------------------------------------------------------------- the document and its styles


def _text_width(section) -> int:
    """EMU between a section's margins (A4 with the PDF's margins where the template leaves it open), less its
    gutter (:func:`_side_gutter`); in a section of columns of equal width, one column's."""
    page = section.page_width if section.page_width is not None else Mm(210)
    left = section.left_margin if section.left_margin is not None else Mm(16)
    right = section.right_margin if section.right_margin is not None else Mm(16)
    width = int(page) - int(left) - int(right) - _side_gutter(section)
    cols = section._sectPr.find(qn("w:cols"))
    try:  # a template set in columns of equal width (w:cols w:num="2"): a table is as wide as one of them
        n = int(cols.get(qn("w:num"), "1")) if cols is not None else 1
        space = int(cols.get(qn("w:space"), "720")) * 635  # (twips; Word's default half an inch)
    except ValueError:
        n, space = 1, 0
    if n > 1 and cols.get(qn("w:equalWidth"), "1") not in ("0", "false", "off"):
        width = (width - space * (n - 1)) // n
    return width


def _side_gutter(section) -> int:
    """EMU of a section's gutter at the side of its pages: the room a template for a bound, printed report
    (*Layout*, *Margins*, *Gutter*) keeps beside the margin of each page's inner edge, so that the text is narrower
    by it (a table as wide as the margins ran into it); none where the gutter is at the top of the page
    (``w:gutterAtTop`` in the settings)."""
    gutter = section.gutter
    if not gutter:
        return 0
    top = section._document_part.settings.element.find(qn("w:gutterAtTop"))
    if top is not None and top.get(qn("w:val"), "true") not in ("0", "false", "off"):
        return 0
    return int(gutter)


MARGIN_LEAST = Mm(12)  # the narrowest margin a table too wide for the text may leave at the paper's edge


def _outdent(section) -> int:
    """How far (EMU) a table whose words do not fit between the margins may reach into each side margin:
    as far as leaves :data:`MARGIN_LEAST` of paper at the narrower side (A4 with the PDF's margins where
    the template leaves them open)."""
    left = section.left_margin if section.left_margin is not None else Mm(16)
    right = section.right_margin if section.right_margin is not None else Mm(16)
    return max(0, min(int(left), int(right)) - int(MARGIN_LEAST))


# a Word template's main part (.dotx) and a document's (.docx): the same markup under another content type
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_document(path: Path) -> io.BytesIO:
    """The template file as a Word document to open: a Word template (.dotx, the förbund's template as
    Word saves one, also when renamed .docx, which the params check lets through as a Word file) is read as
    the document it makes, as Word does with *New* from it; python-docx opens documents only. A macro
    template (.dotm) is not converted: a .docx cannot hold its macros."""
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if _TEMPLATE_MAIN not in types:
                return io.BytesIO(data)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
                for item in z.infolist():
                    part = z.read(item.filename)
                    new.writestr(item, part.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN) if item.filename == "[Content_Types].xml"
                                 else part)
            return out
    except (zipfile.BadZipFile, KeyError):
        return io.BytesIO(data)  # (python-docx then says what is wrong with it)


def _clear_body(doc) -> None:
    """Remove the template's content, keeping the body's last section properties (page size,
    margins, headers and footers)."""
    body = doc.element.body
    _inherit_headers_and_footers(body)
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _leave_the_templates_document(doc)


def _inherit_headers_and_footers(body) -> None:
    """Give the template's last section the headers and footers it takes from the sections before it.

    A section without a header or footer of its own shows the one before it (Word's *Link to Previous*): a
    template with a cover page in a section of its own has its header and footer (the förbund's logo, the page
    number) in that first section, the last one linking to it. The body's sections but the last are left out with
    the template's content, so the last is given, for each kind of header and footer it lacks (first page, odd,
    even), the nearest earlier section's."""
    last = body.find(qn("w:sectPr"))
    if last is None:
        return
    earlier = [p for p in body.iterchildren(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    if not earlier:
        return
    have = {(ref.tag, ref.get(qn("w:type"))) for ref in last if ref.tag in (qn("w:headerReference"), qn("w:footerReference"))}
    taken = []
    for p in reversed(earlier):
        for ref in p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}"):
            key = (ref.tag, ref.get(qn("w:type")))
            if ref.tag in (qn("w:headerReference"), qn("w:footerReference")) and key not in have:
                have.add(key)
                taken.append(copy.deepcopy(ref))
    for i, ref in enumerate(taken):  # (the references come first in a section's properties)
        last.insert(i, ref)


# the parts only a template's own body refers to: its comments (author, initials, text) and the
# people who wrote them (their names and e-mail addresses, ``w15:person``); the body is the report's
_BODY_PARTS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people")
# a template's macros (a Word document with macros whose main part is a plain document's, as a tool or a rename
# leaves one): a .docx holding them is one Word refuses to open as it is
_MACRO_PARTS = ("/vbaProject",)
# what a template says of the document it was, not of its look: the template it was made from (a path on
# its author's disk, ``file:///C:\Users\<name>\...``), restricted editing, "open as read-only?" and
# tracked changes (every word the evaluator writes would be a revision)
_DOCUMENT_SETTINGS = ("attachedTemplate", "documentProtection", "writeProtection", "trackRevisions")
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


@contextlib.contextmanager
def _xml_of(part) -> Iterator[Any]:
    """A part's XML to change in place: python-docx's own element where it reads the part, else its bytes
    parsed and written back (footnotes and the extended properties, which python-docx keeps as bytes)."""
    if isinstance(part, XmlPart):
        yield part.element
        return
    root = etree.fromstring(part.blob)
    yield root
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# the values a SharePoint library keeps with a document, in a custom XML part of it (``customXml/item2.xml``)
_LIBRARY_VALUES = "{http://schemas.microsoft.com/office/2006/metadata/properties}properties"


def _library_values(blob: bytes) -> bool:
    """Whether a custom XML part holds the values of the SharePoint library the template's document lay in: its
    columns for that document (its owner or case officer by name and account, a diary number), which Word's
    *Inspect Document* removes as document server properties."""
    try:
        return etree.fromstring(blob).tag == _LIBRARY_VALUES
    except etree.XMLSyntaxError:
        return False


def _leave_the_templates_document(doc) -> None:
    """Take out of a template what belonged to the document it was (often last year's report, saved
    as the förbund's template) rather than to its look, as Word's *Inspect Document* would: its macros, its comments
    and the people who wrote them, its footnotes and endnotes (the separator lines that every footnote
    part needs kept), the values of the SharePoint library it lay in (:func:`_library_values`), the attached
    template's path and its protection, read-only and tracking settings.
    Its styles, page setup, headers and footers stay (the document properties: :func:`_properties`)."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if not rel.is_external and rel.reltype.endswith(_BODY_PARTS + _MACRO_PARTS):
            part.rels.pop(rid)
        elif not rel.is_external and rel.reltype == RT.CUSTOM_XML and _library_values(rel.target_part.blob):
            part.rels.pop(rid)
        elif not rel.is_external and rel.reltype.endswith(("/footnotes", "/endnotes")):
            with _xml_of(rel.target_part) as notes:
                for note in list(notes):
                    if note.get(qn("w:type")) not in _SEPARATORS:
                        notes.remove(note)
    settings = doc.settings.element
    for name in _DOCUMENT_SETTINGS:
        for old in settings.findall(qn(f"w:{name}")):
            settings.remove(old)
    settings_part = part._settings_part
    for rid, rel in list(settings_part.rels.items()):
        if rel.reltype.endswith("/attachedTemplate"):
            settings_part.rels.pop(rid)


def _default_look(doc) -> None:
    """A4 with the PDF's margins, Arial 10 pt, the PDF's heading sizes and colours; Arial is *Normal*'s
    font, which every other style takes from it (:func:`_one_font`)."""
    for s in doc.sections:
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.top_margin, s.right_margin, s.bottom_margin, s.left_margin = Mm(18), Mm(16), Mm(20), Mm(16)
        s.header_distance, s.footer_distance = Mm(8), Mm(8)
    normal = doc.styles["Normal"]
    _font(normal, FONT, 10, TEXT)
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(2), Pt(3)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in HEADING_SIZES.items():
        h = doc.styles[f"Heading {level}"]
        _font(h, None, size, ACCENT if level <= 2 else TEXT)
        h.font.bold, h.font.italic = True, False
        h.paragraph_format.space_before = Pt(14 if level <= 2 else 9)
        h.paragraph_format.space_after = Pt(4)
        if level == 2:  # the PDF's rule under a section heading
            _add_ppr(h.element.get_or_add_pPr(), f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" '
                     'w:space="1" w:color="C9D6E0"/></w:pBdr>')
    for name, points, colour, italic in (("Subtitle", 10.0, GREY, False), ("Caption", 9, TEXT, False),
                                         ("Quote", 10, GREY, True), ("Header", 8, GREY, False),
                                         ("Footer", 7.5, GREY, False)):
        st = doc.styles[name]
        _font(st, None, points, colour)
        st.font.italic = italic
    doc.styles["Caption"].font.bold = True
    doc.styles[CONTENTS_STYLE].base_style = doc.styles["Heading 2"]  # (Word's is a title's size)
    doc.styles["Footer"].paragraph_format.tab_stops.clear_all()  # the footer sets its own right tab
    subtitle = doc.styles["Subtitle"]
    subtitle.paragraph_format.space_before = Pt(0)
    spacing = subtitle.element.get_or_add_rPr().find(qn("w:spacing"))
    if spacing is not None:  # the built-in subtitle is set wide; the PDF's is not
        spacing.getparent().remove(spacing)
    _one_font(doc)


def _font(style, name: str | None, size: float, colour: RGBColor) -> None:
    """Set a style's font, size and colour, dropping the theme fonts that would win over the named one;
    with no ``name`` the style names no font of its own, not even a theme's, and takes its base style's."""
    style.font.size, style.font.color.rgb = Pt(size), colour
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if name is None:
        if fonts is not None:
            rpr.remove(fonts)
        return
    style.font.name = name
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:cs"), name)


def _one_font(doc) -> None:
    """The report's styles, and the character styles Word links to its headings and subtitle (which Word
    applies to part of a paragraph), name no font but *Normal*'s: changing the font of *Normal* changes the
    whole report's (headings, captions, notes, tables, header and footer), as an evaluator expects of a
    document made with styles. (A style left with the theme's heading font would stay Calibri or Cambria.)"""
    own = {"Normal"}
    for st in doc.styles:
        if st.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER) or st.name in own:
            continue
        linked = st.element.find(qn("w:link"))
        report = st.name.startswith(("heading ", "Heading ")) or st.name in {
            "Title", "Subtitle", "Caption", "Quote", "Header", "Footer"}
        if report or (st.type == WD_STYLE_TYPE.CHARACTER and linked is not None):
            rpr = st.element.rPr
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if fonts is not None:
                rpr.remove(fonts)


def _style(doc, name: str, kind=WD_STYLE_TYPE.PARAGRAPH, base: str | None = "Normal"):
    """The style ``name``, added (based on ``base``) when the document has none of that name."""
    try:
        return doc.styles[name]
    except KeyError:
        # (Word's own styles are added as Word's, not as custom styles of the same name)
        own = name.startswith("Report ")
        st = doc.styles.add_style(name, kind, builtin=not own)
        _unique_id(doc, st, st.style_id)
        if base is not None:
            try:
                st.base_style = doc.styles[base]
            except KeyError:
                pass
        return st


def _own_headings(doc) -> dict[int, str]:
    """A template's own heading styles where it lacks Word's: for each level, the name of the first paragraph style
    that sets that outline level itself ("FoU Rubrik 1", outline level 1), those in Word's style gallery first.

    A förbund's template often has headings of its own, made in Word as new styles at an outline level, and not
    Word's *Heading 1*–*6*, which Word then keeps out of the template's styles. The report's headings are Word's
    (the table of contents, the navigation pane and the heading numbers read them): based on the förbund's own,
    with nothing of their own but the outline level, they take the förbund's look."""
    found: dict[int, tuple[bool, str]] = {}
    for el in doc.styles.element.findall(qn("w:style")):
        name = el.find(qn("w:name"))
        level = el.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if el.get(qn("w:type")) != "paragraph" or name is None or level is None:
            continue
        try:
            n = int(str(level.get(qn("w:val")))) + 1
        except ValueError:
            continue
        label = str(name.get(qn("w:val")))
        if not 1 <= n <= 6 or label.lower().startswith(("heading ", "toc ")):
            continue
        gallery = el.find(qn("w:qFormat")) is not None
        if n not in found or (gallery and not found[n][0]):
            found[n] = (gallery, label)
    return {n: label for n, (_, label) in found.items()}


def _unique_id(doc, style, wanted: str) -> None:
    """Give an added style the id ``wanted``, or one like it where another style of the template has that id.

    Word finds a style by its id: a template whose style under the id "Heading1" has a name of its own ("Rubrik 1",
    as a template saved by another program may have) got a second style of that id, *Heading 1* added by the report,
    and Word set the report's headings in whichever of the two it found first."""
    taken = {el.get(qn("w:styleId")) for el in doc.styles.element.findall(qn("w:style")) if el is not style.element}
    sid, n = wanted, 1
    while sid in taken:
        n += 1
        sid = f"{wanted}_{n}"
    style.element.set(qn("w:styleId"), sid)


def _ensure_styles(doc) -> None:
    """Make the styles the report uses exist: the template's own where it has them."""
    own_headings = _own_headings(doc)
    for level in range(1, 7):
        try:
            doc.styles[f"Heading {level}"]
        except KeyError:
            if level in own_headings:  # the förbund's own heading style ("FoU Rubrik 1") gives its look
                h = _style(doc, f"Heading {level}", base=own_headings[level])
                _in_the_gallery(h, 9)
            else:
                h = _style(doc, f"Heading {level}")
                h.font.bold = True
                h.font.size = Pt(HEADING_SIZES[level])
                h.paragraph_format.keep_with_next = True
            _add_ppr(h.element.get_or_add_pPr(), f'<w:outlineLvl {nsdecls("w")} w:val="{level - 1}"/>')
    for name in ("Subtitle", "Caption", "List Paragraph", "Quote"):
        _style(doc, name)
    doc.styles["Caption"].paragraph_format.keep_with_next = True
    try:
        doc.styles[NOTE_STYLE]
    except KeyError:
        note = _style(doc, NOTE_STYLE)
        note.font.size, note.font.color.rgb = Pt(8), GREY
        note.paragraph_format.space_before, note.paragraph_format.space_after = Pt(4), Pt(4)
        # a note is one paragraph under its table or chart: Enter after it starts the body text again
        note.next_paragraph_style = doc.styles["Normal"]
        _in_the_gallery(note)
    try:
        doc.styles[LEAD_STYLE]
    except KeyError:  # as the PDF sets page 1 (.et-lead): a little smaller and closer, so that it keeps to its page
        lead = _style(doc, LEAD_STYLE)
        lead.font.size = Pt(max(6.0, round(_table_font(doc, "Normal")[1] * LEAD_SCALE * 2) / 2))
        lead.paragraph_format.space_before, lead.paragraph_format.space_after = Pt(1), Pt(1)
        _in_the_gallery(lead)
    for name, base in ((EVALUATOR_STYLE, "Normal"), (EVALUATOR_LEAD_STYLE, LEAD_STYLE)):
        try:
            doc.styles[name]
        except KeyError:  # the evaluator's words: the base's look with the PDF's rule at the left
            own = _style(doc, name, base=base)
            _add_ppr(own.element.get_or_add_pPr(), f'<w:pBdr {nsdecls("w")}><w:left {EVALUATOR_RULE}/></w:pBdr>')
            _in_the_gallery(own, EVALUATOR_PRIORITY)
    hint = _hint_style(doc)  # (Word's *Placeholder Text* where a template's *Report Write Here* is a paragraph style)
    try:
        doc.styles[hint]
    except KeyError:
        _write_style(doc, hint)
    try:
        doc.styles[CELL_STYLE]
    except KeyError:
        cell = _style(doc, CELL_STYLE)
        cell.font.size = Pt(8.5)
        cell.paragraph_format.space_before, cell.paragraph_format.space_after = Pt(1), Pt(1)
        cell.paragraph_format.line_spacing = 1.0
        _in_the_gallery(cell)
    try:
        doc.styles[WIDE_CELL_STYLE]
    except KeyError:  # as the PDF sets a wide table: a point smaller than the other tables
        wide = _style(doc, WIDE_CELL_STYLE, base=CELL_STYLE)
        wide.font.size = Pt(max(6.0, _table_font(doc, CELL_STYLE)[1] - 1))
    try:
        doc.styles[TABLE_STYLE]
    except KeyError:
        grid = _style(doc, TABLE_STYLE, WD_STYLE_TYPE.TABLE, base=None)
        grid.element.append(parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblBorders><w:bottom w:val="single" w:sz="4" w:color="E1E1E1"/>'
            '<w:insideH w:val="single" w:sz="4" w:color="E1E1E1"/></w:tblBorders>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'))
        # the header row's look (bold, the PDF's fill and the rule under it) is the style's, not
        # the cells': a template's own table style decides it
        grid.element.append(parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>'
            f'<w:tcBorders><w:bottom w:val="single" w:sz="12" w:color="{ACCENT}"/></w:tcBorders>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr></w:tblStylePr>'))
    try:
        doc.styles[LINK_STYLE]
    except KeyError:
        link = _style(doc, LINK_STYLE, WD_STYLE_TYPE.CHARACTER, base=None)
        link.font.underline, link.font.color.rgb = True, ACCENT
    try:  # the table of contents' heading: Word's own, outside the outline (not a line of the table)
        doc.styles[CONTENTS_STYLE]
    except KeyError:
        contents = _style(doc, CONTENTS_STYLE, base="Heading 2")
        _unique_id(doc, contents, "TOCHeading")
        contents.paragraph_format.page_break_before = False
        _add_ppr(contents.element.get_or_add_pPr(), f'<w:outlineLvl {nsdecls("w")} w:val="9"/>')
    for level in range(1, 4):  # the table of contents' lines, under Word's own names and ids
        try:
            doc.styles[f"toc {level}"]
        except KeyError:
            toc = _style(doc, f"toc {level}")
            _unique_id(doc, toc, f"TOC{level}")
            toc.paragraph_format.left_indent = Pt(11 * max(0, level - 2))
            toc.paragraph_format.space_before, toc.paragraph_format.space_after = Pt(0 if level > 2 else 3), Pt(1)


# where the report's own paragraph styles stand in Word's style gallery (*Start › Format*): after Word's
# headings (priority 9), *Title*, *Subtitle* (11) and the quotes (29, 30), before *List Paragraph* (34)
GALLERY_PRIORITY = 31
# ... but the styles of the evaluator's own text (*Report Evaluator*, *Report Evaluator Lead*), which the evaluator
# writes in most, first: right after *Normal* (0) and beside *No Spacing* (1), before the headings (9); the gallery
# orders by priority, then by name
EVALUATOR_PRIORITY = 1


def _in_the_gallery(style, priority: int = GALLERY_PRIORITY) -> None:
    """Show one of the report's own paragraph styles (*Report Note*, *Report Lead*, *Report Table*) in Word's
    style gallery, as its headings are: an evaluator who adds a chart or a table, or a paragraph to page 1,
    gives the note under it or the text in it the report's look with one click, instead of finding the
    style in the full list of styles (or copying the look by hand, as direct formatting)."""
    style.quick_style = True
    style.priority = priority
    style.hidden = style.unhide_when_used = False


# the report's own styles and their names in the report's language (``pdf.style_*``): in a Swedish report Word
# shows "Report Lead,Rapport sida 1" in its gallery and style list, so that an evaluator working in Swedish Word
# finds the style by a name in Swedish; the English name stays the style's own (a template's styles are found by it)
_STYLE_NAMES = {LEAD_STYLE: "pdf.style_lead", NOTE_STYLE: "pdf.style_note", EVALUATOR_STYLE: "pdf.style_evaluator",
                EVALUATOR_LEAD_STYLE: "pdf.style_evaluator_lead", CELL_STYLE: "pdf.style_table",
                WIDE_CELL_STYLE: "pdf.style_table_wide", WRITE_STYLE: "pdf.style_write_here",
                TABLE_STYLE: "pdf.style_table_grid"}


def _names_in_the_language(doc, lang: str) -> None:
    """The report's own styles with their name in the report's language as an alias (``w:aliases``), where it
    differs from the English name and the style has no aliases of its own (a template's are kept)."""
    for name, key in _STYLE_NAMES.items():
        said = msg(key, lang)
        try:
            style = doc.styles[name]
        except KeyError:  # (a template's paragraph style *Report Write Here*: Word's *Placeholder Text* is used)
            continue
        if said == name or style.element.find(qn("w:aliases")) is not None:
            continue
        alias = OxmlElement("w:aliases")
        alias.set(qn("w:val"), said.replace(",", " "))  # (aliases are apart by commas)
        style.element.insert_element_before(
            alias, "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority", "w:semiHidden",
            "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose", "w:personalReply",
            "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def _write_style(doc, name: str) -> None:
    """The character style of a draft's hints to the evaluator (``name``), with their look: italic on a
    yellow shade, as a box to write in."""
    write = _style(doc, name, WD_STYLE_TYPE.CHARACTER, base=None)
    write.font.italic = True
    write.element.get_or_add_rPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{WRITE_FILL}"/>'))


def _hint_style(doc) -> str:
    """The character style a draft's hints are set in: *Report Write Here*, or Word's own *Placeholder
    Text* where a template defines *Report Write Here* as a paragraph style (as templates made for
    earlier documents did, whose places to write were shaded paragraphs)."""
    try:
        kind = doc.styles[WRITE_STYLE].type
    except KeyError:
        return WRITE_STYLE
    return WRITE_STYLE if kind == WD_STYLE_TYPE.CHARACTER else PLACEHOLDER_STYLE


def _set_language(doc, tag: str) -> None:
    """The document language in the style defaults and in every style that names its own."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    langs = [rpr.find(qn("w:lang"))] if rpr.find(qn("w:lang")) is not None else []
    if not langs:
        el = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(el)
        langs = [el]
    langs += styles.findall(f".//{qn('w:style')}/{qn('w:rPr')}/{qn('w:lang')}")
    for el in langs:
        el.set(qn("w:val"), tag)
        el.set(qn("w:eastAsia"), tag)
        el.set(qn("w:bidi"), tag)


def _spelling_checked(doc) -> None:
    """Word checks the spelling of all the report's text: a template's *Do not check spelling or grammar*
    (``w:noProof``) is taken off the style defaults and off every style the report's body, headers and footers
    use, and the styles these are based on (a förbund's template whose *Normal* was so set left the whole
    report unchecked, in any language); a style of the template the report does not use keeps it."""
    styles = doc.styles.element
    by_id = {st.get(qn("w:styleId")): st for st in styles.findall(qn("w:style"))}
    parts = [doc.element] + [hf._element for s in doc.sections
                             for hf in (s.header, s.footer, s.first_page_header, s.first_page_footer,
                                        s.even_page_header, s.even_page_footer) if not hf.is_linked_to_previous]
    used = {el.get(qn("w:val")) for part in parts
            for el in part.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))}
    used |= {st.get(qn("w:styleId")) for st in by_id.values() if st.get(qn("w:default")) == "1"}
    seen: set = set()
    while used:
        sid = used.pop()
        st = by_id.get(sid)
        if st is None or sid in seen:
            continue
        seen.add(sid)
        for el in st.iter(qn("w:noProof")):
            el.getparent().remove(el)
        for ref in (st.find(qn("w:basedOn")), st.find(qn("w:link"))):
            if ref is not None:
                used.add(ref.get(qn("w:val")))
    for el in list(styles.iterfind(f"{qn('w:docDefaults')}//{qn('w:noProof')}")):
        el.getparent().remove(el)


# where a number's decimal mark and a list's separator are Word's own (table formulas, fields)
NUMBER_MARKS = {"sv": (",", ";"), "en": (".", ",")}


def _settings(doc, tag: str, lang: str, own: bool) -> None:
    """The document settings as Word should find them: no proofing state carried over from the
    template (Word checks the report's spelling itself, in its language), the theme's language and
    the language's decimal mark; the default document is a current Word document (not opened in
    compatibility mode) and has no preview picture of an empty page."""
    settings = doc.settings.element
    for name in ("proofState", "themeFontLang", "decimalSymbol", "listSeparator"):
        for old in settings.findall(qn(f"w:{name}")):
            settings.remove(old)
    decimal, separator = NUMBER_MARKS.get(lang, NUMBER_MARKS["en"])
    _add_setting(settings, f'<w:themeFontLang {nsdecls("w")} w:val="{tag}"/>')
    _add_setting(settings, f'<w:decimalSymbol {nsdecls("w")} w:val="{decimal}"/>')
    _add_setting(settings, f'<w:listSeparator {nsdecls("w")} w:val="{separator}"/>')
    if own:
        for mode in settings.iter(qn("w:compatSetting")):
            if mode.get(qn("w:name")) == "compatibilityMode":
                mode.set(qn("w:val"), "15")
        for preview in settings.findall(qn("w:savePreviewPicture")):
            settings.remove(preview)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


# the order of the settings Word reads (WordprocessingML's CT_Settings), the ones set here and around
_SETTINGS_ORDER = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                   "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                   "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                   "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                   "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                   "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
                   "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                   "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
                   "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                   "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
                   "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
                   "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
                   "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                   "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                   "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
                   "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                   "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
                   "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                   "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
                   "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
                   "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                   "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                   "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                   "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _add_setting(settings, xml: str) -> None:
    """Put a setting into ``settings`` at its place in the schema's order (Word refuses a file out of order)."""
    element = parse_xml(xml)
    name = element.tag.split("}")[1]
    later = set(_SETTINGS_ORDER[_SETTINGS_ORDER.index(name) + 1:])
    for child in settings:
        space, local = child.tag[1:].split("}")
        if local in later or space not in (_W, _MATH):  # (Word's extensions, w14 and on, come last)
            child.addprevious(element)
            return
    settings.append(element)


_CORE_OF_ANOTHER = ("cp:contentStatus", "dc:identifier", "cp:version", "cp:lastPrinted")
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# the extended properties that name a person or a place on a computer (the förbund's *Company* stays)
_APP_PERSONAL = {"Manager": "", "HyperlinkBase": "", "Template": "Normal.dotm"}
# the extended properties that count and name another document's contents: the template's (last year's report:
# its pages, words and title, which Windows shows in a file's details) or python-docx's own empty document's
# ("1 page, 0 words"); optional, and written anew by Word when the evaluator saves
_APP_OF_ANOTHER = ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "TotalTime",
                   "HeadingPairs", "TitlesOfParts")


# characters a core property holds (python-docx refuses more); a params file's title or förbund may have 300
CORE_PROPERTY_CHARACTERS = 255


def _core_text(text: str) -> str:
    """``text`` as a core property holds it: without emoji, as the document has none (``without_emoji``), and cut
    to :data:`CORE_PROPERTY_CHARACTERS`, the last one an ellipsis."""
    text = without_emoji(text).strip()
    return text if len(text) <= CORE_PROPERTY_CHARACTERS else text[:CORE_PROPERTY_CHARACTERS - 1] + "…"


def _properties(doc, title: str, author: str, tag: str) -> None:
    """Title, author and language in the document properties; the template's own are replaced, and
    those that described the document the template was are left out: its status ("Utkast"), an
    identifier (often its path), version and last printing in the core properties, and in the extended
    properties its manager (a person), the base of its relative links (a folder on a computer), the
    name of the template it was made from (which the document is no longer attached to) and the counts and
    title of its contents (its pages, words and parts: Word counts the report's own when it is saved); the
    template's custom properties but its sensitivity label (:func:`_custom_properties`)."""
    cp = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    title, author = _core_text(title), _core_text(author)
    cp.title, cp.author, cp.last_modified_by, cp.language = title, author, author, tag
    cp.subject = cp.keywords = cp.comments = cp.category = ""
    cp.created = cp.modified = now
    cp.revision = 1
    for name in _CORE_OF_ANOTHER:
        for old in cp._element.findall(qn(name)):
            cp._element.remove(old)
    _custom_properties(doc)
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            with _xml_of(rel.target_part) as app:
                for name, value in _APP_PERSONAL.items():
                    for el in app.findall(f"{{{_APP}}}{name}"):
                        el.text = value or None
                for name in _APP_OF_ANOTHER:
                    for el in app.findall(f"{{{_APP}}}{name}"):
                        app.remove(el)
                _made_by(app)


def _made_by(app) -> None:
    """The program that wrote the document (*Application*, which Windows shows in the file's details and a
    förbund's document management records): the toolkit and its version, not python-docx's own empty document's
    "Microsoft Macintosh Word" of version 14 (``AppVersion``), nor the template's Word; the version of Word is left
    out (it is optional, and Word writes its own when the evaluator saves)."""
    for el in app.findall(f"{{{_APP}}}AppVersion"):
        app.remove(el)
    named = app.find(f"{{{_APP}}}Application")
    if named is None:
        named = etree.SubElement(app, f"{{{_APP}}}Application")
    named.text = f"evaltools {__version__}"


# a custom property the report keeps from its template: the förbund's sensitivity label (Microsoft Purview), which
# its policy sets on every document and which names no person (an old label's ``_Owner``, an e-mail address, goes)
_KEPT_CUSTOM = re.compile(r"MSIP_Label_[0-9a-fA-F-]+_(?!Owner$)\w+")


def _custom_properties(doc) -> None:
    """The template's custom properties (*Egenskaper › Anpassad*) are left out, as Word's *Inspect Document* would
    remove them: they describe the document the template was, not the report (the case officer, "Handläggare",
    a diary number, the document id and content type of the SharePoint library last year's report lay in). Its
    sensitivity label stays (:data:`_KEPT_CUSTOM`); without one the part itself goes."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.is_external or rel.reltype != RT.CUSTOM_PROPERTIES:
            continue
        with _xml_of(rel.target_part) as props:
            for prop in list(props):
                if not _KEPT_CUSTOM.fullmatch(str(prop.get("name") or "")):
                    props.remove(prop)
            kept = len(props)
        if not kept:
            package.rels.pop(rid)


def _default_header_footer(doc, title: str, lang: str, draft: str | None, title_lang: str | None = None) -> None:
    """The PDF's footer (title at the left, "Sida 3 av 12" at the right) and, for a report the
    evaluator has not assessed, its draft mark at the top of every page."""
    for s in doc.sections:
        _page_number_line(doc, s.footer.paragraphs[0], title, lang, title_lang)
        if draft:
            _draft_mark(s.header.paragraphs[0], draft)


def _draft_mark(p, mark: str) -> None:
    """The draft mark as the default document's header has it: centred, bold, in the PDF banner's brown."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(mark)
    r.bold, r.font.size, r.font.color.rgb = True, Pt(9), RGBColor(0x8A, 0x4B, 0x00)


def _draft_mark_in_template(doc, mark: str) -> None:
    """A draft made from a förbund's template has the draft mark at the top of its pages too, on a line of its own
    under the template's header (in its empty header, where it has none): the printed pages of a draft are marked
    whatever the template, and the hint where the evaluator writes the assessment, which asks to delete the word
    in the header when the report is done, finds it there. A first page the template gives a header of its own
    (*Different First Page*) is left as the template made it (the draft's box is on that page)."""
    even = doc.settings.odd_and_even_pages_header_footer
    for i, s in enumerate(doc.sections):
        for header in [s.header] + ([s.even_page_header] if even else []):
            if header.is_linked_to_previous and i > 0:  # (the first section's header is written, not linked)
                continue
            paragraphs = header.paragraphs
            empty = len(paragraphs) == 1 and not paragraphs[0].text.strip() and "<w:drawing" not in header._element.xml
            _draft_mark(paragraphs[0] if empty else header.add_paragraph(), mark)


def _page_number_line(doc, p, title: str | None, lang: str, title_lang: str | None = None) -> None:
    """``p`` as the PDF's footer line: the title at the left (when given; in ``title_lang``, a language tag, where
    it is in another language than the report's) and "Sida 3 av 12" (Word's PAGE and NUMPAGES fields) at the right
    margin, in the *Footer* style."""
    p.style = _style(doc, "Footer")
    p.paragraph_format.tab_stops.clear_all()
    if title is not None:
        p.paragraph_format.tab_stops.add_tab_stop(Emu(_text_width(doc.sections[0])), WD_TAB_ALIGNMENT.RIGHT)
        r = p.add_run(title + "\t")
        if title_lang and title_lang != LANGUAGE_TAGS.get(lang, lang):
            _run_language(r._r, title_lang)
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = msg("pdf.page_number", lang, page="\x00PAGE\x00", pages="\x00NUMPAGES\x00")
    for i, part in enumerate(words.split("\x00")):
        if i % 2:
            p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{part}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        elif part:
            p.add_run(part)


def _page_numbers(doc, title: str, lang: str, title_lang: str | None = None) -> None:
    """A template's page numbers are its own; a template without any (in its footer or its header) gets
    the report's in its footer: an empty footer the PDF's whole line (title and "Sida 3 av 12"), a
    footer of the template's own text a line with the page number under it, so that a printed report's
    pages are numbered whatever the template. A first page the template gives a footer of its own
    (*Different First Page*) is left as the template made it."""
    page = re.compile(r'w:instr="\s*PAGE\b|<w:instrText[^>]*>\s*PAGE\b')
    even = doc.settings.odd_and_even_pages_header_footer
    for i, s in enumerate(doc.sections):
        parts = [(s.footer, s.header)] + ([(s.even_page_footer, s.even_page_header)] if even else [])
        for footer, header in parts:
            if footer.is_linked_to_previous and i > 0:  # (the first section's footer is written, not linked)
                continue
            xml = footer._element.xml
            if page.search(xml) or page.search(_shown_xml(header)):
                continue
            if not footer.paragraphs[0].text.strip() and len(footer.paragraphs) == 1 and "<w:drawing" not in xml:
                _page_number_line(doc, footer.paragraphs[0], title, lang, title_lang)
            else:
                _page_number_line(doc, footer.add_paragraph(), None, lang)


def _shown_xml(part) -> str:
    """The XML of the header or footer a section shows (its own, else the one it continues from an earlier
    section), without adding one where there is none ("" then)."""
    while part is not None and not part._has_definition:
        part = part._prior_headerfooter
    return "" if part is None else str(part._element.xml)


# the order of a paragraph's properties in WordprocessingML (Word refuses a file out of order)
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def _add_ppr(ppr, xml: str) -> None:
    """Put a paragraph property element into ``ppr`` at its place in the schema's order."""
    element = parse_xml(xml)
    name = element.tag.split("}")[1]
    old = ppr.find(qn(f"w:{name}"))
    if old is not None:
        ppr.remove(old)
    later = _PPR_ORDER[_PPR_ORDER.index(name) + 1:]
    ppr.insert_element_before(element, *(f"w:{t}" for t in later))


# ---------------------------------------------------------------- the table of contents

CONTENTS_LEVELS = (2, 3)  # the section headings and those under them (level 1 is the report's title)


def _append_to_body(doc, element) -> None:
    """Put ``element`` at the end of the body, before its section properties."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(element)
    else:
        body.append(element)


def _contents(w: _Writer) -> None:
    """Fill in the table of contents: a Word TOC field (``TOC \\o "2-3" \\h \\z \\u``) in a
    content control from Word's gallery, so that *Update table* (Uppdatera tabell) and F9 renew it
    after the evaluator's own edits. Its shown result lists the headings, each a link to its
    heading with a page reference that Word fills in when the table is updated, as a line under
    its heading says; a page break before it keeps page 1 on its page."""
    if w.contents is None:
        return
    doc = w.doc
    names = {st.style_id: st.name for st in doc.styles}
    entries: list[tuple[int, str, str]] = []
    for p in doc.element.body.iterchildren(qn("w:p")):
        m = re.fullmatch(r"Heading ([1-9])", names.get(p.style, "") or "")
        if m is None or int(m.group(1)) not in CONTENTS_LEVELS:
            continue
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if not text.strip():
            continue
        mark = f"_Toc{len(entries) + 1:08d}"
        ident = str(len(entries) + 1)
        p.insert(1 if p.pPr is not None else 0, parse_xml(
            f'<w:bookmarkStart {nsdecls("w")} w:id="{ident}" w:name="{mark}"/>'))
        p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{ident}"/>'))
        entries.append((int(m.group(1)), text, mark))
    content = w.contents.find(qn("w:sdtContent"))
    # its heading, before the field (where updating the table keeps it), starts a new page: a page
    # break *before* it, not a break in a paragraph of its own, which would leave a blank page
    # where page 1 fills its page
    heading = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{doc.styles[CONTENTS_STYLE].style_id}"/>'
                        '<w:keepNext/><w:pageBreakBefore/></w:pPr><w:r><w:t></w:t></w:r></w:p>')
    heading.find(f"{qn('w:r')}/{qn('w:t')}").text = msg("pdf.contents", w.lang)
    if w.numbers:  # (a template's *TOC Heading* based on its numbered *Heading 1*: no number of its own)
        _add_ppr(heading.find(qn("w:pPr")), f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    content.append(heading)
    # how to have the page numbers (Word fills them in when the table is updated): marking the field for
    # an update on opening (w:dirty, w:updateFields) would make Word ask whether to update "fields that
    # may refer to other files" (docs/accessibility.md)
    how = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{w.style_id(NOTE_STYLE)}"/><w:keepNext/></w:pPr>'
                    '<w:r><w:t></w:t></w:r></w:p>')
    how.find(f"{qn('w:r')}/{qn('w:t')}").text = msg("pdf.contents_update", w.lang)
    content.append(how)
    low, high = CONTENTS_LEVELS
    tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{int(w.width / 635)}"/></w:tabs>'
    run = f'<w:r {nsdecls("w")}>{{}}</w:r>'
    for i, (level, text, mark) in enumerate(entries or [(low, "", "")]):
        style = doc.styles[f"toc {level}"].style_id
        p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/>{tab}</w:pPr></w:p>')
        if i == 0:
            p.append(parse_xml(run.format('<w:fldChar w:fldCharType="begin"/>')))
            p.append(parse_xml(run.format(f'<w:instrText xml:space="preserve"> TOC \\o "{low}-{high}" \\h \\z \\u '
                                          '</w:instrText>')))
            p.append(parse_xml(run.format('<w:fldChar w:fldCharType="separate"/>')))
        if mark:
            link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{mark}" w:history="1"/>')
            t = parse_xml(run.format('<w:t xml:space="preserve"></w:t>'))
            t[0].text = text
            link.append(t)
            for part in ('<w:tab/>', '<w:fldChar w:fldCharType="begin"/>',
                         f'<w:instrText xml:space="preserve"> PAGEREF {mark} \\h </w:instrText>',
                         '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>'):
                link.append(parse_xml(run.format(part)))
            p.append(link)
        if i == max(len(entries), 1) - 1:
            p.append(parse_xml(run.format('<w:fldChar w:fldCharType="end"/>')))
        content.append(p)


def _keep_leads_with_what_they_lead(doc) -> None:
    """A paragraph of text right before a chart or a table stays on the page of what it introduces,
    as in the PDF (``h3 + p + table``, ``.et-block > p + table``, ``.et-block > p + figure``): a
    heading and its first lines are never left at the foot of a page whose chart is on the next, nor
    a sentence ending in a colon ("Referensvärden som är uppskattade eller osäkra:") above an empty
    foot of the page with its table on the next. The table's caption above it counts as the table's;
    a heading's first paragraph before such a lead keeps with it too (``h3 + p + p``), so that a
    heading and one paragraph are not left at the foot of the page."""
    names = {st.style_id: st.name for st in doc.styles}
    text = {None, "Normal", LEAD_STYLE}  # (a note, a caption, a list item or a heading is no lead)

    def drawing(el) -> bool:
        return el.tag == qn("w:p") and el.find(f".//{qn('w:drawing')}") is not None

    for p in doc.element.body.iterchildren(qn("w:p")):
        after = p.getnext()
        if after is None or drawing(p) or not "".join(p.itertext()).strip():
            continue
        if (names.get(p.style, "") if p.style else None) not in text:
            continue
        if after.tag == qn("w:p") and names.get(after.style or "") == "Caption" and not drawing(after):
            after = after.getnext()  # a table's caption, above it
        if after is not None and (after.tag == qn("w:tbl") or drawing(after)):
            p.get_or_add_pPr().keepNext_val = True
            first = p.getprevious()  # a heading's first paragraph before it stays too (``h3 + p + p``)
            heading = first.getprevious() if first is not None else None
            if (first is not None and heading is not None and first.tag == qn("w:p") and heading.tag == qn("w:p")
                    and (names.get(first.style, "") if first.style else None) in text
                    and names.get(heading.style or "", "").startswith("Heading")):
                first.get_or_add_pPr().keepNext_val = True


def _keep_notes_with_what_they_note(doc) -> None:
    """The notes under a table or a chart (*Report Note*: what a figure means, its source, what is
    hidden) stay on the page of what they explain: the table's last row and the chart keep with
    the first note, and each note with the next, so that a page never starts with a table's notes."""
    names = {st.style_id: st.name for st in doc.styles}

    def is_note(el) -> bool:
        return el is not None and el.tag == qn("w:p") and names.get(el.style or "", "") == NOTE_STYLE and bool(
            "".join(el.itertext()).strip())

    for el in doc.element.body.iterchildren():
        after = el.getnext()
        if not is_note(after):
            continue
        if el.tag == qn("w:tbl"):
            rows = el.findall(qn("w:tr"))
            for p in rows[-1].iter(qn("w:p")) if rows else ():
                p.get_or_add_pPr().keepNext_val = True
        elif el.tag == qn("w:p") and (is_note(el) or el.find(f".//{qn('w:drawing')}") is not None):
            el.get_or_add_pPr().keepNext_val = True


def _drop_spacers(doc) -> None:
    """Remove the empty paragraph written after each table where nothing needs it: Word needs a
    paragraph between two tables (or they become one), at the end of a table cell and at the end
    of the document; anywhere else the space after a table is the next paragraph's."""
    for tbl in list(doc.element.body.iter(qn("w:tbl"))):
        p = tbl.getnext()
        if p is None or p.tag != qn("w:p") or "".join(p.itertext()) or len(p) > 1:
            continue
        after = p.getnext()
        if after is None or after.tag in (qn("w:tbl"), qn("w:sectPr")):
            continue
        p.getparent().remove(p)
        if after.tag == qn("w:p") and after.style in (None, "Normal"):
            after.get_or_add_pPr().spacing_before = Pt(8)


# ---------------------------------------------------------------- blocks


def _is_block(node: object) -> TypeGuard[Tag]:
    return isinstance(node, Tag) and node.name in _BLOCK


def _classes(tag: Tag) -> list[str]:
    return list(tag.get("class") or [])


def _blocks(w: _Writer, container, node: Tag) -> None:
    """Write the children of ``node`` into ``container`` (the document or a table cell); runs of
    inline content between blocks become paragraphs of their own."""
    inline: list = []

    def flush():
        if any(not (isinstance(n, NavigableString) and not _SPACE.sub("", str(n))) for n in inline):
            _paragraph(w, container, inline, None)
        inline.clear()

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, Tag) and child.name in _SKIP:
            continue
        if _is_block(child):
            flush()
            _block(w, container, child)
        else:
            inline.append(child)
    flush()


def _block(w: _Writer, container, tag: Tag) -> None:
    """Write the block ``tag``; a block the HTML marks as in another language than the report's (``lang``: the
    evaluator's Swedish text in an English report) has that language on its text, so that Word checks its spelling
    in its own language, not every word as misspelt English."""
    own = LANGUAGE_TAGS.get(str(tag.get("lang") or ""), str(tag.get("lang") or ""))
    if not own or own == LANGUAGE_TAGS.get(w.lang, w.lang):
        _block_written(w, container, tag)
        return
    parent = container.element.body if container is w.doc else container._element
    before = set(parent)
    _block_written(w, container, tag)
    for child in [c for c in parent if c not in before]:
        for r in child.iter(qn("w:r")):
            _run_language(r, own)


def _language_tag(tag: Tag) -> str | None:
    """The language tag (``sv-SE``) of an element the HTML marks with its language (``lang='sv'``), else None."""
    own = str(tag.get("lang") or "")
    return LANGUAGE_TAGS.get(own, own) or None


def _run_language(r, own: str) -> None:
    """The run ``r`` in the language ``own`` (``sv-SE``), whatever its style's language."""
    rpr = r.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.insert_element_before(parse_xml(f'<w:lang {nsdecls("w")} w:val="{own}" w:eastAsia="{own}" '
                                        f'w:bidi="{own}"/>'), "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _block_written(w: _Writer, container, tag: Tag) -> None:
    name, css = tag.name, _classes(tag)
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        level = int(name[1])
        if level == 2 and container is w.doc:
            w.sections_seen += 1
            if w.sections_seen == 2:  # after page 1: the table of contents, filled in when every heading is written
                w.contents = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj>'
                                       '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
                                       '</w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>')
                _append_to_body(w.doc, w.contents)
        p = _paragraph(w, container, list(tag.children), f"Heading {level}")
        w.heading, w.level = p.text, level
        _heading_number(w, container, p, level)
        if "et-appendix" in css or "et-newpage" in css:
            p.paragraph_format.page_break_before = True
    elif name == "p":
        style: str | None
        if "et-sub" in css:
            style = "Subtitle"
        elif "et-note" in css:
            style = NOTE_STYLE
        elif "et-lead" in css or w.lead:
            style = EVALUATOR_LEAD_STYLE if w.evaluator else LEAD_STYLE
        else:
            style = EVALUATOR_STYLE if w.evaluator else None
        _paragraph(w, container, list(tag.children), style)
    elif name in ("ul", "ol"):
        _list(w, container, tag, 0)
    elif name == "table":
        _table(w, container, tag)
    elif name == "figure" or name == "img":
        imgs = [tag] if name == "img" else tag.find_all("img")
        pictures = [_picture(w, container, img) for img in imgs]
        caption = tag.find("figcaption") if name == "figure" else None
        if caption is not None:  # under its chart, on the chart's page
            if pictures:
                pictures[-1].paragraph_format.keep_with_next = True
            p = _paragraph(w, container, list(caption.children), "Caption")
            p.paragraph_format.keep_with_next = False
            _number_field(w, p, "plot.caption")
    elif name == "details":
        # printed as the PDF prints it: the summary line only, which heads a part of its own (the params file used)
        # under the heading before it, as a Word heading one level down (the navigation pane lists it)
        summary = tag.find("summary")
        if summary is not None:
            level = min(6, w.level + 1)
            p = _paragraph(w, container, list(summary.children), f"Heading {level}")
            w.heading = p.text
            _heading_number(w, container, p, level)
    elif name == "pre":
        p = w.paragraph(container, NOTE_STYLE)
        lines = tag.get_text().rstrip("\n").split("\n")
        for i, line in enumerate(lines):
            r = p.add_run(line)
            r.font.name = "Courier New"
            if i < len(lines) - 1:
                r.add_break(WD_BREAK.LINE)
    elif name == "blockquote":
        _blocks_styled(w, container, tag, "Quote")
    elif name == "hr":
        return
    elif name == "dl":
        _blocks(w, container, tag)
    elif "et-evaluator" in css:  # the evaluator's own words: a quiet rule at their left, as in the PDF
        before = len(container.paragraphs)
        outer, w.evaluator = w.evaluator, True
        try:
            _lead_blocks(w, container, tag)
        finally:
            w.evaluator = outer
        # (their plain paragraphs have it from their style; a list, a quote or a heading among them in its own)
        own = {w.style_id(EVALUATOR_STYLE), w.style_id(EVALUATOR_LEAD_STYLE)}
        for p in container.paragraphs[before:]:
            if p._p.pPr is None or p._p.pPr.pStyle is None or p._p.pPr.pStyle.val not in own:
                _add_ppr(p._p.get_or_add_pPr(), f'<w:pBdr {nsdecls("w")}><w:left {EVALUATOR_RULE}/></w:pBdr>')
    elif "et-write-here" in css:  # a draft's place to write (hidden in the HTML and the PDF)
        _write_here(w, container, tag)
    elif "et-draft" in css:  # the PDF's banner: a box above the title
        p = _paragraph(w, container, list(tag.children), None)
        p.paragraph_format.keep_with_next = True
        ppr = p._p.get_or_add_pPr()
        edge = 'w:val="single" w:sz="12" w:space="4" w:color="8A4B00"'
        _add_ppr(ppr, f'<w:pBdr {nsdecls("w")}><w:top {edge}/><w:left {edge}/><w:bottom {edge}/><w:right {edge}/></w:pBdr>')
        _add_ppr(ppr, f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FFF4E5"/>')
    else:  # div, main, section and the notebook's wrappers
        _lead_blocks(w, container, tag)


def _lead_blocks(w: _Writer, container, tag: Tag) -> None:
    """The children of a block; those of page 1's text (``et-lead``, the evaluator's assessment there
    included) with their paragraphs in *Report Lead*, as the PDF sets everything inside it."""
    outer = w.lead
    w.lead = outer or "et-lead" in _classes(tag)
    try:
        _blocks(w, container, tag)
    finally:
        w.lead = outer


def _write_here(w: _Writer, container, tag: Tag) -> None:
    """A draft's place for a part of the evaluator's text: the part's heading (as any heading, so that
    the navigation pane and the table of contents list it), then what to write there as Word's placeholder
    text, in a content control named after the part (Word shows the name on the box's edge; the tag
    ``evaltools:<part>`` lets a macro or a later tool find it).

    As Word writes a rich text control inserted in an empty line: the control is inside the paragraph,
    around its runs, and marked as showing its placeholder (``w:showingPlcHdr``), so that a click in it
    selects the whole hint and what the evaluator types replaces it. The hint is in the character style
    *Report Write Here* (italic on a yellow shade), its paragraph in the style the evaluator's text has
    there (*Report Evaluator*, on page 1 *Report Evaluator Lead*: the rule at its left is the style's), so the typed
    text is the evaluator's text of the report, with nothing
    to restyle. (LibreOffice 7.4 drops the run formatting inside a control that holds whole paragraphs,
    which showed the hint as plain text.) The control names no building block of the glossary
    (``w:placeholder``): a control the evaluator empties shows Word's own prompt ("Klicka eller tryck här
    för att ange text")."""
    from ..words.evaluator_text import HEADING_KEYS  # (the parts of the evaluator's text)
    part = str(tag.get("data-part") or "")
    known = HEADING_KEYS.get(part)
    for child in tag.children:
        if not _is_block(child):
            continue
        if child.name != "p":
            _block(w, container, child)
            continue
        # the paragraph in the style the evaluator's text takes there (page 1's or the body's), the hint in
        # its character style: the text typed over the hint is the paragraph's plain text
        p = _paragraph(w, container, list(child.children), EVALUATOR_LEAD_STYLE if w.lead else EVALUATOR_STYLE)
        hint = w.style_id(_hint_style(w.doc), WD_STYLE_TYPE.CHARACTER)
        for r in p._p.iter(qn("w:r")):
            rpr = r.get_or_add_rPr()
            if rpr.style is None:
                rpr.style = hint
        sdt = OxmlElement("w:sdt")
        pr = OxmlElement("w:sdtPr")
        if known:
            alias = OxmlElement("w:alias")
            alias.set(qn("w:val"), msg(known, w.lang))
            label = OxmlElement("w:tag")
            label.set(qn("w:val"), f"evaltools:{part}")
            pr.append(alias)
            pr.append(label)
        pr.append(OxmlElement("w:showingPlcHdr"))  # the content is the hint: a click selects it, typing replaces it
        sdt.append(pr)
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
        for run in [c for c in p._p if c.tag != qn("w:pPr")]:  # the control in the paragraph, around its runs
            content.append(run)
        p._p.append(sdt)


def _heading_numbers(doc) -> dict[int, tuple[str, str]]:
    """A template's numbered headings (a förbund's template whose *Heading 1* is numbered "1", *Heading 2* "1.1"):
    for each level whose style (or a style it is based on) is in a list, the list's ``numId`` and level."""
    numbered: dict[int, tuple[str, str]] = {}
    for level in range(1, 7):
        try:
            style = doc.styles[f"Heading {level}"]
        except KeyError:
            continue
        num_id = ilvl = None
        seen: set = set()
        while style is not None and style.style_id not in seen and (num_id is None or ilvl is None):
            seen.add(style.style_id)
            pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if pr is not None:
                found = pr.find(qn("w:numId"))
                num_id = num_id if num_id is not None or found is None else str(found.get(qn("w:val")))
                found = pr.find(qn("w:ilvl"))
                ilvl = ilvl if ilvl is not None or found is None else str(found.get(qn("w:val")))
            style = style.base_style
        if num_id is not None and num_id != "0":
            numbered[level] = (num_id, ilvl or "0")
    return numbered


def _heading_number(w: _Writer, container, p, level: int) -> None:
    """A heading's number where the template numbers its headings: the report's title (*Heading 1*) and page 1's
    headings (before the second section) have none, as a report's title and summary have none; the sections
    (*Heading 2*) are numbered as the template numbers its first level ("1", "2", …) and the headings under
    them as its next ("1.1"), so that the first section is "1", not "1.1" under an unnumbered title or "0.1"
    (Word counts a level never used as 0). A level the template leaves unnumbered stays so. A template that numbers
    from *Heading 2* ("1"), its *Heading 1* a title, numbers the sections by their own styles."""
    if not w.numbers or container is not w.doc:
        return
    page_1 = level == 1 or w.sections_seen < 2
    if not page_1 and 1 not in w.numbers:
        return  # (the sections numbered by their styles, as the template numbers them)
    number = None if page_1 else w.numbers.get(level - 1)
    num_id, ilvl = number if number is not None else ("0", "0")
    if number is None and level not in w.numbers:
        return  # (unnumbered by its style already)
    _add_ppr(p._p.get_or_add_pPr(), f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                                    '</w:numPr>')


def _blocks_styled(w: _Writer, container, tag: Tag, style: str) -> None:
    """A block quote: its paragraphs in ``style``."""
    before = len(container.paragraphs)
    _blocks(w, container, tag)
    for p in container.paragraphs[before:]:
        p._p.style = w.style_id(style)


def _paragraph(w: _Writer, container, nodes: list, style: str | None):
    """One paragraph of ``nodes`` (text and inline elements) in ``style``."""
    p = w.paragraph(container, style)
    _inline(w, p, _segments(nodes, Fmt()))
    return p


def _number_field(w: _Writer, p, key: str) -> None:
    """A chart's or a table's caption numbered as Word numbers captions: the number after the catalog's label
    ("Figur 3." of ``plot.caption``, "Tabell 2." of ``pdf.table_caption``) becomes a ``SEQ Figur`` (``SEQ
    Tabell``) field showing that number, so that *Insert Table of Figures* lists the charts (the tables), a
    caption the evaluator inserts (*Insert Caption*) continues the count and *Cross-reference* offers each by its
    number. A caption that does not start with the label and a number is left as it is."""
    label = _caption_label(key, w.lang)
    name = label.strip()
    if not p.runs or not name or not re.fullmatch(r"\w+", name):
        return
    first = p.runs[0]
    found = re.match(re.escape(label) + r"(\d+)", first.text)
    if found is None:
        return
    number, rest = found.group(1), first.text[found.end():]
    first.text = label
    run = first._r
    fmt = run.find(qn("w:rPr"))
    at = run
    for part in ('<w:fldChar w:fldCharType="begin"/>',
                 f'<w:instrText xml:space="preserve"> SEQ {name} \\* ARABIC </w:instrText>',
                 '<w:fldChar w:fldCharType="separate"/>', f'<w:t>{number}</w:t>',
                 '<w:fldChar w:fldCharType="end"/>', f'<w:t xml:space="preserve">{_xml_text(rest)}</w:t>'):
        if part.endswith("></w:t>"):  # (no text after the number: no run for it)
            continue
        el = parse_xml(f'<w:r {nsdecls("w")}>{part}</w:r>')
        if fmt is not None:
            el.insert(0, copy.deepcopy(fmt))
        at.addnext(el)
        at = el


def _caption_label(key: str, lang: str) -> str:
    """The words before a caption's number in the catalog's message ``key``: "Figur " of "Figur {n}. {what}"."""
    return msg(key, lang, n="\x00", what="").split("\x00")[0]


def _table_caption(w: _Writer, container, caption: Tag | None) -> str:
    """A table's caption above it, numbered as a chart's is (:func:`_number_field`): "Tabell 2. Budget och utfall".
    The report's tables come numbered in the HTML (:func:`evaltools.present.display.number_parts`), and the number is
    the HTML's, so that "tabell 3" in the PDF is table 3 in Word; where the HTML's caption is the number alone
    ("Tabell 14." right under the heading it would repeat), Word's is titled by that heading ("Tabell 14. Budget och
    utfall"), as Word's list of tables (*Insert Table of Figures*) shows a caption's text and nothing else; a table
    whose caption has no number is numbered on from the table before it, titled by its own caption, else the heading
    it stands under. Every table has one, so
    that the evaluator who finishes the report in Word can refer to any table as to a chart (*Cross-reference*,
    *Tabell*, "se tabell 2") and list them (*Insert Table of Figures*). Returns the table's title (its caption
    after the number, else the heading it stands under) for its alternative text."""
    label = _caption_label("pdf.table_caption", w.lang)
    children = list(caption.children) if caption is not None else []
    text = _cell_text(children)
    found = re.match(re.escape(label) + r"(\d+)\.?\s*", text) if label.strip() else None
    own = text[found.end():].strip() if found is not None else text
    if found is not None and (own or not w.heading.strip()):
        w.tables = int(found.group(1))
        p = _paragraph(w, container, children, "Caption")
        _number_field(w, p, "pdf.table_caption")
        return own or w.heading
    # the HTML's number alone (right under the heading it would repeat) or no number: the caption titled by the
    # heading the table stands under, so that Word's list of tables names every table, not "Tabell 14." alone
    w.tables = int(found.group(1)) if found is not None else w.tables + 1
    before, after = msg("pdf.table_caption", w.lang, n=str(w.tables), what="\x00").split("\x00")
    title = children if own else [NavigableString(w.heading)]
    p = _paragraph(w, container, [NavigableString(before), *title, NavigableString(after)], "Caption")
    _number_field(w, p, "pdf.table_caption")
    return own or w.heading


def _captions_setting(doc, lang: str) -> None:
    """The report's caption labels in Word's list of them (``w:captions``), the chart's below it and the table's
    above it: an evaluator whose Word is in another language than the report (an English report in a Swedish
    Word) finds "Figure" and "Table" under *Insert Caption* and *Cross-reference* as the report numbers them. A
    label the template lists already is left as it is there."""
    settings = doc.settings.element
    captions = settings.find(qn("w:captions"))
    if captions is None:
        _add_setting(settings, f'<w:captions {nsdecls("w")}/>')
        captions = settings.find(qn("w:captions"))
    known = {c.get(qn("w:name")) for c in captions.findall(qn("w:caption"))}
    # (a caption element comes before any autoCaptions element in the schema)
    at = captions.find(qn("w:autoCaptions"))
    for key, pos in (("plot.caption", "below"), ("pdf.table_caption", "above")):
        name = _caption_label(key, lang).strip()
        if name and name not in known:
            el = parse_xml(f'<w:caption {nsdecls("w")} w:name="{_xml_text(name)}" w:pos="{pos}" w:numFmt="decimal"/>')
            if at is not None:
                at.addprevious(el)
            else:
                captions.append(el)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- inline text


def _segments(nodes: list, fmt: Fmt) -> list[tuple[str, Fmt]]:
    """The text of ``nodes`` as (text, formatting) pieces, white space collapsed as a browser does."""
    return _trim(_pieces(nodes, fmt))


def _pieces(nodes: list, fmt: Fmt) -> list[tuple[str, Fmt]]:
    """The pieces of :func:`_segments` before the paragraph's ends are trimmed: a space at the start of
    an element inside the paragraph (``9 049 kr<span> (utfall hittills)</span>``) is kept."""
    out: list[tuple[str, Fmt]] = []
    for n in nodes:
        if isinstance(n, Comment):
            continue
        if isinstance(n, NavigableString):
            text = _SPACE.sub(" ", str(n))
            if fmt.nowrap:  # (a date, "2021-12-31", is never broken at its hyphens either)
                text = text.replace(" ", "\u00a0").replace("-", NO_BREAK_HYPHEN)
            elif not fmt.code:  # (a figure is not split over two lines: "20" at a line's end, "000 kr" below)
                text = _FIGURE_SPACE.sub("\u00a0", text)
            if text:
                out.append((text, fmt))
            continue
        if not isinstance(n, Tag) or n.name in _SKIP:
            continue
        if n.name == "br":
            out.append(("\n", fmt))
            continue
        if n.name == "img":  # an image inside text speaks with its alternative text
            out.append((str(n.get("alt") or ""), fmt))
            continue
        sub = fmt
        if n.name in ("strong", "b", "th"):
            sub = replace(sub, bold=True)
        if n.name in ("em", "i", "cite"):
            sub = replace(sub, italic=True)
        if n.name in ("code", "kbd", "samp"):
            sub = replace(sub, code=True)
        if "nw" in _classes(n):
            sub = replace(sub, nowrap=True)
        if n.name == "a" and n.get("href"):
            sub = replace(sub, href=str(n["href"]))
        if _language_tag(n):  # (the project's Swedish words in an English report: "Lön")
            sub = replace(sub, lang=_language_tag(n))
        out += _pieces(list(n.children), sub)
    return out


def _trim(segments: list[tuple[str, Fmt]]) -> list[tuple[str, Fmt]]:
    """Drop the white space at the start and end of a paragraph and doubled spaces between pieces."""
    out: list[tuple[str, Fmt]] = []
    for text, fmt in segments:
        if out and text.startswith(" ") and (out[-1][0].endswith((" ", "\n"))):
            text = text[1:]
        if not out and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            out.append((text, fmt))
    while out and out[-1][0].endswith(" "):
        text, fmt = out[-1]
        text = text.rstrip(" ")
        out[-1:] = [(text, fmt)] if text else []
    return out


def _inline(w: _Writer, p, segments: list[tuple[str, Fmt]]) -> None:
    """Write the pieces as runs of ``p``; a link's pieces go into one Word hyperlink."""
    i = 0
    while i < len(segments):
        href = segments[i][1].href
        if href is None:
            r = _run(p, *segments[i])
            _own_language(w, r, segments[i][1])
            i += 1
            continue
        j = i
        while j < len(segments) and segments[j][1].href == href:
            j += 1
        rid = p.part.relate_to(href, RT.HYPERLINK, is_external=True)
        link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"/>')
        p._p.append(link)
        for text, fmt in segments[i:j]:
            r = _run(p, text, fmt)
            link.append(r._r)  # moved from the paragraph into the link
            _own_language(w, r, fmt)
            r._r.style = w.style_id(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        i = j


def _own_language(w: _Writer, r, fmt: Fmt) -> None:
    """Text the HTML marks as in another language than the report's has that language on its run, so that Word
    checks its spelling in it (a budget line's "Lön" in an English report is not flagged as misspelt English)."""
    if fmt.lang and fmt.lang != LANGUAGE_TAGS.get(w.lang, w.lang):
        _run_language(r._r, fmt.lang)


def _run(p, text: str, fmt: Fmt):
    r = p.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            r.add_break(WD_BREAK.LINE)
        for j, part in enumerate(line.split(NO_BREAK_HYPHEN)):
            if j:  # Word's own non-breaking hyphen (Ctrl+Shift+-), read back as "-"
                r._r.append(parse_xml(f'<w:noBreakHyphen {nsdecls("w")}/>'))
            if part:
                r.add_text(part)
    if fmt.bold:
        r.bold = True
    if fmt.italic:
        r.italic = True
    if fmt.code:
        r.font.name = "Courier New"
    return r


# ---------------------------------------------------------------- lists


def _numbering(w: _Writer, ordered: bool, level: int = 0, start: int = 1) -> int:
    """A new list's numbering id: bullets share one definition, and each numbered list counts from 1, or from
    the number its HTML starts at (``<ol start="3">``: a list the evaluator goes on with after a paragraph, "3."
    and "4.", as the HTML and the PDF number it), at the list's ``level``."""
    numbering = w.doc.part.numbering_part.element
    key = "number_abstract" if ordered else "bullet_abstract"
    abstract = getattr(w, key)
    if abstract is None:
        ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        abstract = max(ids, default=0) + 1
        levels = []
        for lvl in range(9):
            fmt, text = ("decimal", f"%{lvl + 1}.") if ordered else ("bullet", "•–◦"[lvl % 3])
            indent = 360 * (lvl + 1) + 0
            levels.append(f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                          f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                          f'<w:pPr><w:ind w:left="{indent}" w:hanging="284"/></w:pPr></w:lvl>')
        element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">'
                            f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>')
        nums = numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(element)
        else:
            numbering.append(element)
        setattr(w, key, abstract)
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(ids, default=0) + 1
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="{min(level, 8)}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
    return num_id


def _start(tag: Tag) -> int:
    """The number an ordered list starts at (its ``start``; 1 without one, or with one that is no whole number
    Word takes)."""
    try:
        start = int(str(tag.get("start", "1")).strip())
    except ValueError:
        return 1
    return start if 0 <= start <= 32767 else 1


def _list(w: _Writer, container, tag: Tag, level: int) -> None:
    """A list as Word list paragraphs; a list inside an item is one level down."""
    ordered = tag.name == "ol"
    num_id = _numbering(w, ordered, level, _start(tag) if ordered else 1)
    for li in tag.find_all("li", recursive=False):
        _item(w, container, li, level, num_id)


def _item(w: _Writer, container, li: Tag, level: int, num_id: int) -> None:
    """One list item: its first paragraph carries the number or bullet, later ones are indented
    under it, and a list inside it is written one level down."""
    pending: list = []
    numbered = False

    def write(nodes: list) -> None:
        nonlocal numbered
        p = _paragraph(w, container, nodes, "List Paragraph")
        if not numbered:
            _add_ppr(p._p.get_or_add_pPr(), f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{min(level, 8)}"/>'
                     f'<w:numId w:val="{num_id}"/></w:numPr>')
            numbered = True
        else:
            p.paragraph_format.left_indent = Emu(int(Inches(0.25)) * (level + 1))

    def flush() -> None:
        if _segments(pending, Fmt()) or not numbered:
            write(list(pending))
        pending.clear()

    for child in li.children:
        if isinstance(child, Tag) and child.name == "p":
            if _segments(pending, Fmt()):
                flush()
            pending.clear()
            write(list(child.children))
        elif _is_block(child):
            flush()
            if child.name in ("ul", "ol"):
                _list(w, container, child, level + 1)
            else:
                _block(w, container, child)
        else:
            pending.append(child)
    if _segments(pending, Fmt()) or not numbered:
        flush()


# ---------------------------------------------------------------- tables


def _cells(tr: Tag) -> list[Tag]:
    return tr.find_all(["th", "td"], recursive=False)


def _span(cell: Tag) -> int:
    try:
        return max(1, int(str(cell.get("colspan") or 1)))
    except ValueError:
        return 1


def _table(w: _Writer, container, tag: Tag) -> None:
    """A Word table: caption above, header rows repeated on every page with their labels at the foot of
    the row, numbers at the right."""
    caption = tag.find("caption", recursive=False)
    head_rows = [tr for part in tag.find_all("thead", recursive=False) for tr in part.find_all("tr", recursive=False)]
    body_rows = [tr for part in tag.find_all("tbody", recursive=False) for tr in part.find_all("tr", recursive=False)]
    body_rows += tag.find_all("tr", recursive=False)
    if not head_rows and body_rows and all(c.name == "th" for c in _cells(body_rows[0])):
        head_rows, body_rows = body_rows[:1], body_rows[1:]
    rows = head_rows + body_rows
    if not rows:
        return
    title = _table_caption(w, container, caption)
    ncols = max(sum(_span(c) for c in _cells(tr)) for tr in rows) or 1
    table = container.add_table(rows=len(rows), cols=ncols)
    table._tbl.tblStyle_val = w.style_id(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    _look_as_in_the_pdf(table)
    _alternative_text(table, title,
                      [_cell_text(list(c.children)) for c in _cells(head_rows[-1])] if head_rows else [])
    wide = "et-wide" in _classes(tag)  # set a point smaller, as in the PDF
    text_style = w.style_id(WIDE_CELL_STYLE if wide else CELL_STYLE)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    # rows kept with the next, as the PDF keeps them: a short table's every row (whole on one page), a long
    # table's last but one (its last row never alone at the top of a page)
    whole = "et-short" in _classes(tag)
    for i, tr in enumerate(rows):
        row = table.rows[i]
        header = i < len(head_rows)
        kept = i < len(rows) - 1 and (whole or i == len(rows) - 2)
        # a row is never split across two pages (as in the PDF); the header row repeats on each
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        if header:
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        col = 0
        cells = row.cells  # (python-docx works out a row's cells anew on each call: once, and again after a merge)
        for cell_tag in _cells(tr):
            span = _span(cell_tag)
            if col >= ncols:
                break
            cell = cells[col]
            if span > 1:
                cell = cell.merge(cells[min(ncols, col + span) - 1])
                for extra in cell.paragraphs[1:]:
                    extra._p.getparent().remove(extra._p)
                cells = row.cells
            p = cell.paragraphs[0]
            p._p.style = text_style
            # (the header row is bold by the table style; a heading cell in the body by its own run)
            _inline(w, p, _segments(list(cell_tag.children), Fmt(bold=cell_tag.name == "th" and not header,
                                                                  lang=_language_tag(cell_tag))))
            if "num" in _classes(cell_tag):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header:  # at the foot of the header row, as in the PDF: each label just above its column's figures
                cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
            if header or kept or "et-group" in _classes(tr):
                p.paragraph_format.keep_with_next = True
            col += span
    measure = w.wide_text if wide else w.cell_text
    reach = _widths(table, rows, ncols, w.width, measure, w.outdent if container is w.doc else 0)
    _let_tall_rows_break(w, table, rows, measure)
    if reach:  # centred over the text: as far into the left margin as into the right
        table._tbl.tblPr.insert_element_before(
            parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{-round(reach / 635)}" w:type="dxa"/>'),
            "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
            "w:tblPrChange")
    w.paragraph(container, NOTE_STYLE).paragraph_format.space_after = Pt(0)


# a row kept whole (``w:cantSplit``) that is taller than this share of the page's text height may break across
# pages: Word cuts off at the foot of the page a row it may not break that is taller than the page, and the
# text below the cut is not shown or printed (a goal's evidence of a page, written by the evaluator)
TALL_ROW = 0.6
LINE_HEIGHT = 1.2  # a line of the table's text, as high as its size times this (Word's single spacing, and air)


def _let_tall_rows_break(w: _Writer, table, rows: list[Tag], measure: _TextMeasure) -> None:
    """Let a body row that would take more than :data:`TALL_ROW` of the page's text height break across pages
    (no ``w:cantSplit``), as the PDF breaks a row taller than its page: its height is its tallest cell's lines,
    each cell's words wrapped in its column (:func:`_lines`) as Word wraps them."""
    section = w.doc.sections[-1]
    page = section.page_height - (section.top_margin or 0) - (section.bottom_margin or 0)
    widths = [c.width or 0 for c in table.columns]
    line = int(Pt(measure.points * LINE_HEIGHT))
    for row, tr in zip(table.rows, rows):
        trpr = row._tr.trPr
        cant = trpr.find(qn("w:cantSplit")) if trpr is not None else None
        if cant is None or trpr.find(qn("w:tblHeader")) is not None:
            continue
        col, lines = 0, 1
        for cell in _cells(tr):
            span = _span(cell)
            room = sum(widths[col:col + span]) - int(CELL_PADDING)
            lines = max(lines, _lines(_cell_text(list(cell.children)), room, measure, cell.name == "th"))
            col += span
        if lines * line > TALL_ROW * page:
            trpr.remove(cant)


def _lines(text: str, room: int, measure: _TextMeasure, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped between its words (:func:`_words`) in ``room`` EMU; a word wider
    than the room takes as many lines as Word needs to break it."""
    room, space = max(room, 1), measure.emu(" ", bold)
    lines = 0
    for paragraph in text.split("\n"):
        used = None
        lines += 1
        for word in _words(paragraph):
            need = measure.emu(word, bold)
            if used is not None and used + space + need <= room:
                used += space + need
                continue
            if used is not None:
                lines += 1
            lines += max(0, -(-need // room) - 1)
            used = need - (-(-need // room) - 1) * room
    return lines


def _alternative_text(table, title: str, headings: list[str]) -> None:
    """The table's alternative text (*Table Properties › Alt Text*), which Word's accessibility checker
    asks of every table and a screen reader says before it: its title the table's caption, else the
    heading it stands under; its description the labels of its header row (what each column holds), apart by
    semicolons, as a label may hold a comma ("Nettonuvärde, samhället")."""
    def plain(text: str) -> str:  # (spaces, no-break ones too, collapsed; Word's no-break hyphen a hyphen)
        return " ".join(text.replace(NO_BREAK_HYPHEN, "-").split())

    title, labels = plain(title), "; ".join(plain(h) for h in headings if h.strip())
    for name, text in (("tblCaption", title), ("tblDescription", labels)):
        if text:
            el = parse_xml(f'<w:{name} {nsdecls("w")} w:val=""/>')
            el.set(qn("w:val"), text)
            table._tbl.tblPr.insert_element_before(el, *(("w:tblDescription",) if name == "tblCaption" else ()),
                                                   "w:tblPrChange")


def _look_as_in_the_pdf(table) -> None:
    """Which parts of the table style apply, as in the PDF: the header row's look, no first column's
    (a template's table style that bolds the first column leaves the row labels plain), no last row's or
    column's, and no banded rows or columns (the PDF's rows are all alike).

    Parameters
    ----------
    table : docx.table.Table
        The table, its ``w:tblLook`` set in place (python-docx's new table switches on the first column).
    """
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = parse_xml(f'<w:tblLook {nsdecls("w")}/>')
        table._tbl.tblPr.insert_element_before(look, "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    flags = {"firstRow": 1, "lastRow": 0, "firstColumn": 0, "lastColumn": 0, "noHBand": 1, "noVBand": 1}
    for name, on in flags.items():
        look.set(qn(f"w:{name}"), str(on))
    # the same in the older hexadecimal form that Word 2007 reads: firstRow 0x20, noHBand 0x200, noVBand 0x400
    look.set(qn("w:val"), "0620")


# Arial's advance widths in thousandths of an em (the table's font without a template); a
# character not listed counts as a lower-case letter's 556, an upper-case one as 667
_NARROW = {" ": 278, ".": 278, ",": 278, ":": 278, ";": 278, "'": 191, "!": 278, "|": 260, "/": 278, "i": 222,
           "j": 222, "l": 222, "f": 278, "t": 278, "I": 278, "r": 333, "-": 333, "(": 333, ")": 333, "[": 278,
           "]": 278, "\u00a0": 278, "c": 500, "k": 500, "s": 500, "v": 500, "x": 500, "y": 500, "z": 500,
           "J": 500, "m": 833, "w": 722, "M": 833, "W": 944, "%": 889, "−": 584, "<": 584, ">": 584,
           "+": 584, "=": 584, "–": 556, "—": 1000, NO_BREAK_HYPHEN: 333}
CELL_POINTS = 8.5  # the table text's size (the Report Table style)
CELL_PADDING = Pt(8.5 + 2)  # the style's cell margins (85 twips at each side) and a little air


# How much wider than Arial a font sets the same text (digits and lower-case letters, on average),
# for a template whose table text is in a font of its own whose file is not on this computer (see
# _TextMeasure); a narrower font counts as Arial (its columns keep their room), a font not listed as
# a tenth wider (a word that may not fit is broken)
FONT_WIDTHS = {"arial": 1.0, "helvetica": 1.0, "liberation sans": 1.0, "arimo": 1.0, "calibri": 0.9,
               "carlito": 0.9, "cambria": 0.97, "caladea": 0.97, "times new roman": 0.9, "times": 0.9,
               "liberation serif": 0.9, "tinos": 0.9, "garamond": 0.88, "georgia": 1.1, "verdana": 1.2,
               "tahoma": 1.03, "dejavu sans": 1.18, "dejavu serif": 1.22, "segoe ui": 1.02, "trebuchet ms": 1.0,
               "century gothic": 1.15, "gill sans mt": 0.92, "open sans": 1.08, "lato": 1.0, "roboto": 1.0, "aptos": 1.0}
UNKNOWN_FONT_WIDTH = 1.1
# fonts set exactly as Arial's table above (_NARROW): measured by it, not looked up
ARIAL_METRICS = frozenset({"arial", "helvetica", "liberation sans", "arimo"})
BOLD_WIDTH = 1.1  # bold against regular where the bold face is not measured


@dataclass(frozen=True)
class _TextMeasure:
    """How wide a table's text is set, for its column widths: the text's size, and its font's own
    advance widths where the font's file is on this computer (``regular``, ``bold``: thousandths of an
    em per character), else Arial's (:data:`_NARROW`) times the font's width against Arial's
    (``factor``, :data:`FONT_WIDTHS`)."""

    points: float = CELL_POINTS
    factor: float = 1.0
    regular: dict[str, float] | None = None
    bold: dict[str, float] | None = None

    def emu(self, text: str, bold: bool = False) -> int:
        """The width of ``text`` on one line, in EMU."""
        return int(Pt(self.units(text, bold) / 1000 * self.points))

    def units(self, text: str, bold: bool = False) -> float:
        """The width of ``text`` in thousandths of an em: measured, or estimated from Arial's widths (a
        character the font lacks, which Word sets in another font, counts as Arial's)."""
        face = self.bold if bold and self.bold is not None else self.regular
        if face is None:
            return sum(_arial(c) for c in text) * self.factor * (BOLD_WIDTH if bold else 1.0)
        widths = (face[c] if c in face else _arial(c) for c in text)
        return sum(widths) * (BOLD_WIDTH if bold and self.bold is None else 1.0)


def _arial(c: str) -> int:
    """Arial's advance width of ``c`` in thousandths of an em (a character not listed in :data:`_NARROW`
    counts as a lower-case letter's 556, an upper-case one as 667)."""
    return _NARROW.get(c, 667 if c.isupper() else 556)


def _measure(doc, style: str) -> _TextMeasure:
    """How the table text in ``style`` (*Report Table*, as a template may define it or its *Normal*;
    *Report Table Wide*) is measured: in its size, with its font's own widths where the font's file is
    found on this computer (:func:`_font_advances`), else estimated from Arial's (:data:`FONT_WIDTHS`)."""
    name, points = _table_font(doc, style)
    key = (name or "Times New Roman").strip().lower()
    if key in ARIAL_METRICS:
        return _TextMeasure(points)
    regular = _font_advances(key, False)
    if regular is not None:
        return _TextMeasure(points, regular=regular, bold=_font_advances(key, True))
    return _TextMeasure(points, factor=max(1.0, FONT_WIDTHS.get(key, UNKNOWN_FONT_WIDTH)))


@functools.lru_cache(maxsize=32)
def _font_advances(family: str, bold: bool) -> dict[str, float] | None:
    """The advance widths (thousandths of an em per character) of the upright face of ``family`` (lower
    case) in the regular or bold weight, read from its font file where one is installed (or comes with
    matplotlib); None when there is none, or it cannot be read."""
    path = _font_file(family, bold)
    if path is None:
        return None
    # start-up: fontTools (matplotlib's and WeasyPrint's own dependency) only for a template's own font
    from fontTools.ttLib import TTFont
    try:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            per_em = 1000 / font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            return {chr(code): metrics[glyph][0] * per_em for code, glyph in font.getBestCmap().items()}
    except Exception:  # noqa: BLE001 - a damaged or unusual font file: its widths are estimated instead
        return None


def _font_file(family: str, bold: bool) -> str | None:
    """The file of the upright, normal-width face of ``family`` (lower case) nearest the weight asked
    for (400, or 700 for bold), among the fonts matplotlib finds on this computer; None when the family
    has no such face (a bold face must be at least semibold, a regular one no heavier than medium)."""
    # start-up: matplotlib's font list only when a template's table text is in a font of its own
    from matplotlib import font_manager
    target = 700 if bold else 400
    best: tuple[int, str] | None = None
    for entry in font_manager.fontManager.ttflist:
        if entry.name.strip().lower() != family or entry.style != "normal" or entry.stretch != "normal":
            continue
        weight = entry.weight if isinstance(entry.weight, int) else font_manager.weight_dict.get(str(entry.weight), 400)
        if (bold and weight < 600) or (not bold and weight > 500):
            continue
        if best is None or abs(weight - target) < best[0]:
            best = (abs(weight - target), str(entry.fname))
    return None if best is None else best[1]


def _table_font(doc, style_name: str) -> tuple[str | None, float]:
    """The font and size (points) of the paragraph style ``style_name``: the style's own, else those of
    the styles it is based on, else the document's defaults (a theme font resolved in the theme);
    Word's 10 pt where none is given."""
    name, size = None, None
    style = doc.styles[style_name]
    while style is not None and (name is None or size is None):
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        name = name or _font_name(doc, fonts)
        size = size or style.font.size
        style = style.base_style
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        name = name or _font_name(doc, defaults.find(qn("w:rFonts")))
        sz = defaults.find(qn("w:sz"))
        if size is None and sz is not None and str(sz.get(qn("w:val")) or "").isdigit():
            size = Pt(int(sz.get(qn("w:val"))) / 2)
    return name, (size.pt if size is not None else 10.0)


def _font_name(doc, fonts) -> str | None:
    """The Latin font a ``w:rFonts`` names: its own, or the theme's (``minorHAnsi``: the theme's body font)."""
    if fonts is None:
        return None
    own = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    if own:
        return str(own)
    theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
    if not theme:
        return None
    kind = "majorFont" if str(theme).startswith("major") else "minorFont"
    for rel in doc.part.rels.values():
        if rel.reltype == RT.THEME and not rel.is_external:
            found = etree.fromstring(rel.target_part.blob).find(f".//{{{_DRAWING}}}{kind}/{{{_DRAWING}}}latin")
            return None if found is None else found.get("typeface")
    return None


def _cell_text(nodes: list) -> str:
    """The text of a cell's ``nodes`` as Word gets it: white space collapsed, and the text the HTML keeps
    on one line (``nw``, a number and its unit) joined by no-break spaces and hyphens, so that splitting
    it at its spaces gives the pieces a line may break between."""
    return "".join(text for text, _ in _segments(nodes, Fmt()))


# after a hyphen inside a word a line may break, as the PDF, a browser and Word break "Lokal-och-IT-kostnader" (a
# hyphen before a figure, "-5" or "2021-2023", does not break: Unicode's line breaking keeps it with the figure)
_AFTER_HYPHEN = re.compile(r"(?<=[^\s-]-)(?=[^\d\s-])")


def _words(text: str) -> list[str]:
    """The pieces of ``text`` between which a line may break (a no-break space joins its neighbours, a no-break
    hyphen too; after a hyphen inside a word a line may break, :data:`_AFTER_HYPHEN`)."""
    return [y for x in re.split(r"[ \n]+", text) if x for y in _AFTER_HYPHEN.split(x) if y]


def _widths(table, rows: list[Tag], ncols: int, width: int, measure: _TextMeasure = _TextMeasure(),
            outdent: int = 0) -> int:
    """Column widths as a browser lays out the HTML table: a column of numbers gets the room its
    longest number (and its heading's longest word) needs on one line, and its whole heading on one
    line where the table has room; a number's qualifier in brackets after it (``et-qual``: "12 892 kr
    (t.o.m. 2025-12-31)") may wrap under it, as in the PDF, so only its longest word counts. The other
    columns share the rest after their longest words, in proportion to their texts (a text wraps beyond
    about 30 characters, a heading between its words). A table whose longest words need more than the
    text's width reaches into the side margins, up to ``outdent`` (EMU) at each side, and beyond that is
    shrunk evenly. ``measure`` is how the table's text is set (:func:`_measure`): a template's wider
    table text gets wider columns. Returns how far the table reaches into each side margin (EMU)."""
    least = [int(CELL_PADDING)] * ncols  # what a column needs: no word broken, no number wrapped
    wish = [int(CELL_PADDING)] * ncols  # what it would take, a text on one line up to about 30 characters
    numeric = [False] * ncols
    heading = [0] * ncols  # a heading on one line ("Kr per person och månad" over amounts of six characters)
    qualified = [0] * ncols  # a number and its qualifier on one line
    content = [0] * ncols  # a text column's longest text on one line
    for tr in rows:
        col = 0
        for cell in _cells(tr):
            span = _span(cell)
            if span == 1 and col < ncols:
                bold = cell.name == "th"
                text = _cell_text(list(cell.children))
                longest = max((measure.emu(x, bold) for x in _words(text)), default=0)
                if "num" in _classes(cell) and cell.name == "td":
                    numeric[col] = True
                    qualifiers = [n for n in cell.children if isinstance(n, Tag) and "et-qual" in _classes(n)]
                    figure = _cell_text([n for n in cell.children if n not in qualifiers]).strip()
                    qualifier = _words(_cell_text(qualifiers))
                    longest = max([measure.emu(figure)] + [measure.emu(x) for x in qualifier])
                    wide = longest
                    qualified[col] = max(qualified[col], measure.emu(text.strip()) + int(CELL_PADDING))
                elif bold:
                    wide = longest
                    heading[col] = max(heading[col], measure.emu(text, bold))
                else:
                    wide = min(measure.emu(text), measure.emu("x" * 30))
                    content[col] = max(content[col], measure.emu(text) + int(CELL_PADDING))
                least[col] = max(least[col], longest + int(CELL_PADDING))
                wish[col] = max(wish[col], wide + int(CELL_PADDING), least[col])
            col += span
    for c in range(ncols):  # a number's column takes what its numbers need, and its heading (and a number's
        if numeric[c]:      # qualifier) on one line where there is room (the texts beside it wrap first, as in the PDF)
            wish[c] = max(least[c], heading[c] + int(CELL_PADDING), qualified[c])
    if sum(wish) <= width:  # the texts get the rest: as a browser shares it, to the texts that would wrap in
        # proportion to how much more they would take on one line (a column of long sources before a
        # column of short names), and what is left beyond that in proportion to their length
        texts = sum(x for x, num in zip(wish, numeric) if not num)
        spare = width - sum(wish)
        more = [0 if num else max(0, c - x) for x, c, num in zip(wish, content, numeric)]
        if sum(more) >= spare > 0:
            cols = [x + int(spare * m / sum(more)) for x, m in zip(wish, more)]
        else:
            full = [x + m for x, m in zip(wish, more)]
            texts = sum(x for x, num in zip(full, numeric) if not num)
            spare = width - sum(full)
            cols = [x if num or not texts else x + int(spare * x / texts) for x, num in zip(full, numeric)]
        if not texts:
            cols = [int(width * x / sum(wish)) for x in wish]
    elif sum(least) <= width:  # each at least its longest word; the rest is shared in proportion to how much
        # more each column would take on one line (its texts' whole length, a number's heading and qualifier)
        spare = width - sum(least)
        more = [max(0, x - y, c - y) for x, y, c in zip(wish, least, content)]
        cols = [y + (int(spare * m / sum(more)) if sum(more) else 0) for y, m in zip(least, more)]
    else:  # the longest words need more than the text's width: the table reaches into the margins as
        # far as it must and may (``outdent`` at each side) rather than break a word, as Word itself lays
        # out a table whose words do not fit; a table that needs more still is shrunk evenly
        room = min(sum(least), width + 2 * outdent)
        cols = least if sum(least) <= room else [int(room * y / sum(least)) for y in least]
    for column, size in zip(table.columns, cols):
        column.width = Emu(size)
    for tr in table._tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Emu(sum(cols[col:col + span]))
            col += span
    return max(0, (sum(cols) - width) // 2)


# ---------------------------------------------------------------- pictures


def _picture(w: _Writer, container, img: Tag):
    """An embedded PNG (or JPEG) chart as a centred picture with its alternative text; an image the
    document cannot hold is written as its alternative text. Returns the picture's paragraph."""
    src = str(img.get("src") or "")
    alt = str(img.get("alt") or "")
    m = re.match(r"data:image/(png|jpeg|gif);base64,(.*)", src, re.S)
    p = container.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if not m:
        p.add_run(alt)
        return p
    data = base64.b64decode(m.group(2))
    width = Emu(w.width)
    wm = _WIDTH.search(str(img.get("style") or ""))
    if wm:
        width = Emu(min(w.width, int(Inches(float(wm.group(1))))))
    shape = p.add_run().add_picture(io.BytesIO(data), width=width)
    shape._inline.docPr.set("descr", alt)
    return p
