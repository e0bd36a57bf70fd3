"""Rendering: run the parameterised notebooks with papermill and turn them into reports.

For each project: ``reports/<project_id>/`` gets the executed notebook, a self-contained
offline HTML file, a PDF printed from the same HTML (WeasyPrint), the key tables as CSV and one
.xlsx workbook, and ``status.json``. Everything is written to a temporary folder first and moved
into place only when the whole report succeeded, so a failed run never overwrites the last good
report; the failed notebook is kept in ``reports/_failed/<project_id>/`` for inspection.
Batches run projects in parallel processes (one per core).
"""
from __future__ import annotations

import sys

# jsonschema (imported by nbformat) loads the optional IRI checker rfc3987_syntax, which compiles a
# grammar at import and costs about 1.5 s in every process. Notebook validation does not use the
# "iri" format, so the renderer's processes skip that module; kernels never import it anyway.
sys.modules.setdefault("rfc3987_syntax", None)  # noqa: E402

import contextlib
import datetime as dt
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import traceback
import uuid
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .._version import __version__
from ..data.params import id_key, load_params, load_params_once
from ..data.errors import EvaltoolsError, ParamsError, ReportError
from ..data.messages import message
from ..data.privacy import redact, find_personnummer, hashed_name, neutral_name
from . import fill
from .kernels import ENV_ADDRESS, kernel_manager_class, warm_kernels
from ..words.lengths import PAGE_ONE_END  # (a constant of a module of constants: nothing for start-up to defer)
from ..data.paths import NOTEBOOKS_DIR, REPORTS_DIR, TEMPLATES_DIR, project_root, reports_dir_problem, resolved

# what a report is made as unless other formats are asked for: Word among them, since reports are finished in it
FORMATS = ("html", "pdf", "xlsx", "csv", "docx")
DEFAULT_LANG = "sv"  # reports in other languages go to a subfolder named after the language: reports/<id>/en/
OPTIONAL_FORMATS = ("csv-data",)  # machine-readable CSV (comma, decimal point), only when asked for
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"
PORTFOLIO_NOTEBOOK = NOTEBOOKS_DIR / "portfolio.ipynb"
CELL_TIMEOUT_S = 600
# How long a cell's output may lag behind its reply. The kernel sends the output (an error among it) before
# the reply, on another channel; on a busy machine it can arrive seconds later, and nbclient's default of 4 s
# then failed a report with "Timeout waiting for IOPub output" instead of the data error the cell raised.
# The wait ends as soon as the output has come, so a longer limit costs nothing when it comes at once.
IOPUB_TIMEOUT_S = 120


@dataclass
class RenderResult:
    """What happened to one project's report."""

    project_id: str
    ok: bool
    output_dir: str | None = None
    files: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    finished: str = ""
    title: str = ""
    lang: str = DEFAULT_LANG
    notes: list[str] = field(default_factory=list)  # delivered, but with something missing (e.g. no PDF)
    draft: bool = False  # the evaluator has written no assessment: the report says "Utkast" on every page
    # the SHA-256 of each file the toolkit made and that is in the folder as it made it: a file changed since
    # (a Word document the evaluator finished) is told by it and kept when the report is rendered again
    sha256: dict[str, str] = field(default_factory=dict)
    # whether the PDF's page 1 held on one page (evaltools.words.lengths); None where the report has no page 1 or no PDF
    page_one_held: bool | None = None
    # the report's sentences on an estimate its data cannot give (the DiD), said at the terminal too
    not_computable: list[str] = field(default_factory=list)


def execute_notebook(notebook: Path, output: Path, parameters: dict, cwd: Path,
                     on_kernel_ready: Callable[[], None] | None = None, preload: tuple[str, ...] = ()):
    """Execute ``notebook`` with papermill into ``output`` (python3 kernel, IPC transport) and
    return the executed notebook. ``on_kernel_ready`` is called once the kernel has started,
    before the first cell runs. ``preload``: optional modules the notebook will import, which a
    warm kernel's zygote imports once for all the kernels that name them
    (:data:`evaltools.publish.kernels.ON_REQUEST`)."""
    import papermill as pm
    from nbclient.exceptions import DeadKernelError
    hooks = {} if on_kernel_ready is None else {"on_notebook_start": lambda **_: on_kernel_ready()}

    def run():
        # the notebook is written once at the end (and on failure), not after every cell
        return pm.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name="python3",
                                   cwd=str(cwd), progress_bar=False, log_output=False,
                                   execution_timeout=CELL_TIMEOUT_S, iopub_timeout=IOPUB_TIMEOUT_S,
                                   request_save_on_cell_execute=False,
                                   kernel_manager_class=kernel_manager_class(preload), **hooks)

    address = os.environ.get(ENV_ADDRESS)
    try:
        return run()
    except (DeadKernelError, RuntimeError) as e:
        # A warm kernel (forked from the zygote) that died or never answered is not the report's fault:
        # the report is made once more in a kernel started the usual way, as when the zygote cannot serve
        # a request. An error in a cell is a PapermillExecutionError and is never run again.
        if not address or not (isinstance(e, DeadKernelError) or str(e).startswith("Kernel ")):
            raise
        print(f"evaltools: the warm kernel stopped ({type(e).__name__}: {e}); running the report again in a "
              "kernel started the usual way", file=sys.stderr)
        os.environ.pop(ENV_ADDRESS, None)
        try:
            return run()
        finally:
            os.environ[ENV_ADDRESS] = address


Say = Callable[[str], None]  # prints one progress line, given its catalog key (messages.cli.step_*)


def _sayer(key: str, progress: str | None) -> Say:
    """A function that prints one line per step of ``key``'s report in the language ``progress``
    (nothing when it is None): the command shows what it is doing while a report is made."""
    def say(step: str) -> None:
        if progress:
            _print_line(message(step, progress, id=key))
    return say


def _print_line(text: str) -> None:
    """Print one whole line in one write: the lines of reports rendered side by side never run together."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


_EXPORTERS: dict = {}


def _exporter(lang: str = "sv"):
    """The HTML exporter for the offline template (compiled once per process and language)."""
    if lang not in _EXPORTERS:
        from nbconvert import HTMLExporter
        logging.getLogger("traitlets").setLevel(logging.ERROR)
        exporter = HTMLExporter(template_name="evalprint", extra_template_basedirs=[str(TEMPLATES_DIR)],
                                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                language_code=lang)
        exporter.template  # noqa: B018 - compiles the template now
        _EXPORTERS[lang] = exporter
    return _EXPORTERS[lang]


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string in which every character but letters, digits and spaces is a
    hex escape, so that nothing in it can end the string, the rule or the ``<style>`` element."""
    out = "".join(c if (c.isalnum() and c.isprintable()) or c == " " else f"\\{ord(c):X} " for c in str(text))
    return f'"{out}"'


# characters of the title in the PDF's footer, beside the page number: a longer one (a params title may have 300)
# would run under the page number, and is cut at a word with an ellipsis (the title page shows it whole)
FOOTER_TITLE_CHARACTERS = 90


def footer_title(title: str) -> str:
    """``title`` as the PDF's footer shows it: whole up to :data:`FOOTER_TITLE_CHARACTERS`, else cut at the last
    space before (or, with none, at) that length, with an ellipsis.

    >>> footer_title("Kompassen"), footer_title("Ett " + "långt " * 20)[-8:], len(footer_title("x" * 300))
    ('Kompassen', ' långt …', 90)
    """
    title = " ".join(str(title).split())
    if len(title) <= FOOTER_TITLE_CHARACTERS:
        return title
    cut = title[:FOOTER_TITLE_CHARACTERS - 1]
    space = cut.rfind(" ")
    return (cut[:space + 1] if space > FOOTER_TITLE_CHARACTERS // 2 else cut) + "…"


def page_number_css(lang: str) -> str:
    """The PDF footer's "Sida 3 av 12" as a CSS ``content`` value: the catalog's words
    (``pdf.page_number``) as quoted strings around the page counters."""
    import string

    from ..words.text import msg  # start-up: the renderer's processes import it only when they need it
    template = msg("pdf.page_number", lang, page="{page}", pages="{pages}")
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            parts.append(css_string(literal))
        if name:
            parts.append(f"counter({name})")
    return " ".join(parts)


def notebook_to_html(notebook, lang: str, title: str, draft: bool = False, lengths: bool = False) -> str:
    """Self-contained HTML with code hidden: the package's offline template, images embedded.

    ``notebook`` is an executed notebook or the path of one. A ``draft`` (a report the evaluator
    has not assessed) says so in the running header of every printed page. Page 1 at its full length
    only, or with ``lengths`` at every length the report gives (for :func:`print_report`).
    """
    import copy

    import nbformat

    from ..words.formats import without_emoji  # start-up: the renderer's processes import it only when they need it
    nb = nbformat.read(str(notebook), as_version=4) if isinstance(notebook, (str, Path)) else copy.deepcopy(notebook)
    # (the footer's title as a CSS string, where an emoji is an escape, '\1F680', that the page's filter below
    # does not see: left out before, as from the page)
    nb.metadata["evaltools"] = {"lang": lang, "title_css": css_string(footer_title(without_emoji(title))),
                                "page_css": page_number_css(lang)}
    if draft:
        from ..words.text import msg  # start-up: the renderer's processes import it only when they need it
        nb.metadata["evaltools"]["draft_css"] = css_string(msg("evaluator.draft", lang).upper())
    nb.cells = [c for c in nb.cells if "remove-from-report" not in c.metadata.get("tags", [])]
    for i, cell in enumerate(nb.cells):  # papermill gives its injected cell a random id: the page would differ per run
        cell["id"] = f"cell-{i}"
    for cell in nb.cells:  # warnings on stderr belong in the log, not in a board report
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _ = _exporter(lang).from_notebook_node(nb, resources={"metadata": {"name": title}})
    # (emoji in the evaluator's text or a budget line: the report's fonts have none, and the PDF showed empty boxes;
    # left out of the page, the PDF and the Word document alike, as validate tells the evaluator)
    body = without_emoji(body)
    return body if lengths else longest(body)


PANGO_INSTALL = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
# on Windows, as WeasyPrint's documentation says (the README's Windows section has the steps)
PANGO_INSTALL_WINDOWS = ("install MSYS2 (msys2.org) and in its terminal run pacman -S mingw-w64-ucrt-x86_64-pango; "
                         "if Pango is elsewhere, name its folder in WEASYPRINT_DLL_DIRECTORIES")


def longest(page: str) -> str:
    """A report's HTML page with page 1 at its full length only (:mod:`evaltools.words.lengths`)."""
    from ..words.lengths import LENGTHS, at_length  # (no libraries: the words of one module)
    return at_length(page, LENGTHS[0])


def pango_advice() -> str:
    """How to install the Pango text library on this system."""
    if sys.platform == "win32":
        return f"On Windows {PANGO_INSTALL_WINDOWS}"
    return f"On Debian or Ubuntu install the Pango text library: {PANGO_INSTALL}"


class PdfEngineMissing(EvaltoolsError):
    """The PDF printer (WeasyPrint) cannot start, usually because the Pango text library is missing."""


def html_to_pdf(html_text: str, pdf_path: Path | None, base_url: Path) -> bytes | None:
    """Print the report HTML to an A4 PDF with WeasyPrint (no browser, no LaTeX); with no
    ``pdf_path`` the PDF is returned as bytes.

    The PDF is tagged as PDF/UA-1 (WeasyPrint's ``pdf_variant``): a structure tree with headings,
    paragraphs, tables and figures with their alternative texts, the document language from
    ``<html lang>``, the title from ``<title>`` shown as the window title, and bookmarks from the
    headings. See docs/accessibility.md for what WeasyPrint's tagging does not do.

    Raises
    ------
    PdfEngineMissing
        When WeasyPrint or the system libraries it needs cannot be loaded, with the install command.
    """
    with _printer() as lay_out:
        return _write_pdf(lay_out(html_text, base_url), pdf_path)


def print_report(page: str, pdf_path: Path, base_url: Path) -> tuple[str, bool | None]:
    """Print a report's HTML ``page`` to ``pdf_path`` as :func:`html_to_pdf` does, and return the page as
    printed, which the HTML file and the Word document then say too, and whether its page 1 held on one
    page (None for a page without page 1's last line, such as the portfolio).

    A page whose page 1 answers "did the project reach its goals?" at several lengths
    (:mod:`evaltools.words.lengths`: an application with many goals) is printed with the longest that keeps
    page 1 on one page, found by laying the page out at each length in turn (a page 1 that holds at its full
    length costs nothing more). Where none does, the shortest is printed: page 1 then runs on least onto
    page 2, and every figure left out stands in the goal section. In the PDF a chart that does not fit in the rest
    of a page then lets the paragraphs and tables after it fill that page, where that leaves less of the pages
    empty (:mod:`evaltools.publish.fill`); the page returned keeps each chart where its section put it, so that
    the HTML file is the same with a PDF or without. Raises :class:`PdfEngineMissing` as :func:`html_to_pdf` does.
    """
    from ..words.lengths import PAGE_ONE_END, at_length, lengths  # (no libraries: the words of one module)
    def held(document) -> bool | None:
        if PAGE_ONE_END in document.pages[0].anchors:
            return True
        return False if any(PAGE_ONE_END in p.anchors for p in document.pages[1:]) else None

    names = lengths(page)
    with _printer() as lay_out:
        printed = fill.marked(at_length(page, names[0]) if names else page)
        document = lay_out(printed, base_url)
        if len(names) > 1 and not held(document):
            # (longest first: the first that holds, else the last, the shortest; each tried on page 1 alone, the page
            # up to the output after page 1's last line: a report of many goals was laid out in full at each length)
            chosen = next((name for name in names[1:-1]
                           if held(lay_out(page_one(at_length(page, name)), base_url))), names[-1])
            printed = fill.marked(at_length(page, chosen))
            document = lay_out(printed, base_url)
        # (a chart that leaves a page half empty waits for the text after it, where that fills the page: in print
        # only; the HTML page, which has no pages, keeps each chart where its section put it, with a PDF or without)
        _, document = fill.fill(printed, document, lambda text: lay_out(text, base_url))
        _write_pdf(document, pdf_path)
        return fill.unmarked(printed), held(document)


# the start of the output after page 1's last line (the page's next displayed part)
_NEXT_OUTPUT = re.compile(r'<div class="jp-OutputArea-child')


def page_one(page: str) -> str:
    """``page`` up to the output after page 1's last line (:data:`~evaltools.words.lengths.PAGE_ONE_END`), for
    laying out page 1 alone: what follows it in its own output starts below it and cannot take room on page 1 (the
    HTML parser closes the elements left open). The whole page where it has no such line or nothing after it."""
    at = page.find(f'id="{PAGE_ONE_END}"')
    after = _NEXT_OUTPUT.search(page, at) if at >= 0 else None
    return page if after is None else page[:after.start()]


PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}  # a tagged PDF (see html_to_pdf)


@contextlib.contextmanager
def _printer():
    """WeasyPrint, ready to lay pages out: yields a function from (HTML text, base URL) to a laid-out
    document. Raises :class:`PdfEngineMissing` when it cannot start."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*HarfBuzz-Subset.*")
        try:
            weasyprint = import_weasyprint()
        except (OSError, ImportError) as e:
            raise PdfEngineMissing(
                f"no PDF: the PDF printer could not start ({str(e).splitlines()[0][:200]}). The HTML report was "
                f"written. {pango_advice()}") from None
        _quick_font_subsetting(weasyprint)
        _png_pass_through(weasyprint)
        laid = [0]

        def lay_out(html_text: str, base_url) -> object:
            # (a layout laid aside, a page 1 too long or a chart moved for nothing, is a web of cycles that the
            # paused collector would keep until the end: freed before the next, a report laid out four to six
            # times over holds one or two layouts at a time, not all of them)
            # (the youngest generation only: the collector is paused, so every object made since it was paused —
            # the layouts — is there, and a full collection also scanned the libraries' older objects, 0.2–0.4 s a
            # time for the Timrå report)
            if laid[0]:
                gc.collect(0)
            laid[0] += 1
            return weasyprint.HTML(string=html_text, base_url=str(base_url)).render(**PDF_OPTIONS)

        with _no_cycle_collection():
            yield lay_out


def _write_pdf(document, pdf_path: Path | None) -> bytes | None:
    """Write a laid-out document as a PDF to ``pdf_path`` (the bytes, with no path)."""
    return document.write_pdf(None if pdf_path is None else str(pdf_path), **PDF_OPTIONS)


def import_weasyprint():
    """Import WeasyPrint; on Linux without the slow part of its search for the system libraries.

    WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject under several names each, one platform's
    after another. Each name without a dot (``libgobject-2.0-0``, the Windows name, tried first) goes to
    ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p``, then the C compiler and the linker,
    to find it: about twenty programs and 0.3 CPU-s per import (docs/benchmarks.md), before the Linux name
    (``libgobject-2.0.so.0``) is opened directly. During the import that search answers "not found" at
    once, so the Linux names are opened as before. Should the import then fail (a system where only the
    search finds the libraries), it is repeated with the search as it is. Raises what the import raises.
    """
    if sys.modules.get("weasyprint") is not None:  # (None there: "not importable", as the import below says)
        return sys.modules["weasyprint"]
    if sys.platform.startswith("linux") and "weasyprint" not in sys.modules:
        import ctypes.util
        search = ctypes.util.find_library
        ctypes.util.find_library = lambda name: None
        try:
            import weasyprint
            return weasyprint
        except (OSError, ImportError):
            for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                del sys.modules[name]  # half-imported: imported again below, with the search
        finally:
            ctypes.util.find_library = search
    import weasyprint
    return weasyprint


@contextlib.contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while WeasyPrint lays out and writes a PDF.

    The layout creates some hundred thousand objects, and the collector scanned them again and
    again: a quarter of the PDF's CPU time (measured: 1.9 instead of 2.5 CPU-s for the Timrå
    report, 16 pages). Memory is still freed by reference counting; what cycles the PDF leaves
    are collected after it, once the collector runs again. The PDF's bytes are the same.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# WeasyPrint versions whose fontTools subsetting :func:`_quick_font_subsetting` repeats (its options
# are copied from there); with any other version WeasyPrint's own code runs.
_SUBSET_VERSIONS = ("70.",)


def _quick_font_subsetting(weasyprint) -> None:
    """Make WeasyPrint's font subsetting skip decoding the layout tables it drops.

    Without the HarfBuzz-Subset library WeasyPrint subsets each font with fontTools and drops the
    GSUB and GPOS tables (the PDF needs only the glyphs, already shaped by Pango). fontTools
    (4.68) first decodes both tables in full, which for DejaVu Sans Bold took 0.2 of the 0.27 CPU-s its
    subsetting cost. This removes the two tables before the subsetter sees them, and the legacy
    ``kern`` table with them, as fontTools does when GPOS is present, so the fonts embedded are
    byte for byte the ones WeasyPrint's own code makes (apart from the font's modification time).
    Only for the WeasyPrint versions in ``_SUBSET_VERSIONS``.
    """
    from weasyprint.pdf import fonts  # start-up: the PDF printer is imported only when a PDF is made
    font = getattr(fonts, "Font", None)
    if (not weasyprint.__version__.startswith(_SUBSET_VERSIONS) or font is None
            or getattr(font, "_evaltools_quick_subset", False) or not hasattr(font, "_fonttools_subset")):
        return

    def _fonttools_subset(self, to_unicode, hinting):  # WeasyPrint 70's method, with the tables removed first
        import io

        from fontTools import subset
        from fontTools.ttLib import TTFont, TTLibError
        options = subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                                 hinting=hinting, desubroutinize=True, notdef_outline=bool(self.missing))
        options.drop_tables += ["GSUB", "GPOS", "SVG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=to_unicode)
        try:
            ttfont = TTFont(io.BytesIO(self.file_content), fontNumber=self.index)
            if "GPOS" in ttfont and "kern" in ttfont and not options.legacy_kern:
                del ttfont["kern"]  # as the subsetter does: a font with GPOS kerns with it, not with 'kern'
            for tag in ("GSUB", "GPOS"):
                if tag in ttfont:
                    del ttfont[tag]
            subsetter.subset(ttfont)
        except TTLibError as exception:
            fonts.LOGGER.warning('Unable to subset "%s" with fontTools', self.family)
            fonts.LOGGER.debug("Original exception:", exc_info=exception)
        else:
            optimized_font = io.BytesIO()
            ttfont.save(optimized_font)
            self.file_content = optimized_font.getvalue()

    font._weasyprint_fonttools_subset = font._fonttools_subset  # (the tests compare the two)
    font._fonttools_subset = _fonttools_subset
    font._evaltools_quick_subset = True


def png_image_data(png: bytes) -> bytes | None:
    """The compressed pixel data (the IDAT chunks) of an 8-bit, non-interlaced greyscale or RGB PNG,
    ready for a PDF image stream (``/FlateDecode`` with PNG predictors); ``None`` for any other PNG."""
    import struct
    import zlib
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return None
    _w, _h, depth, colour, _method, _filter, interlace = struct.unpack(">IIBBBBB", png[16:29])
    if depth != 8 or colour not in (0, 2) or interlace != 0:
        return None
    chunks, at = [], 8
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        body = png[at + 8:at + 8 + length]
        if len(body) != length or zlib.crc32(kind + body) != struct.unpack(">I", png[at + 8 + length:at + 12 + length])[0]:
            return None  # cut short or damaged: the printer decodes it (and says so) itself
        if kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            return b"".join(chunks) if chunks else None
        at += 12 + length
    return None


def _png_pass_through(weasyprint) -> None:
    """Let WeasyPrint put the report's charts into the PDF as they are, without decoding and encoding them.

    For every PNG, WeasyPrint (70) decodes the image and encodes it again only to take the compressed
    rows out of the new file; the charts are opaque 8-bit RGB PNGs, whose own compressed rows are
    what the PDF stores (``/FlateDecode`` with PNG predictors, as WeasyPrint declares them). This gives
    WeasyPrint those rows: the same pixels in the PDF, and about 0.1 CPU-s (a tenth) of the PDF's time
    less for the Timrå report's seven charts (docs/benchmarks.md). Any other PNG (with transparency, a
    palette, 16 bits, interlaced) and any other WeasyPrint version go WeasyPrint's own way.
    """
    from weasyprint import images  # start-up: the PDF printer is imported only when a PDF is made
    raster = getattr(images, "RasterImage", None)
    if (not weasyprint.__version__.startswith(_SUBSET_VERSIONS) or raster is None
            or getattr(raster, "_evaltools_png_pass_through", False) or not hasattr(raster, "_get_png_data")):
        return
    encode = raster._get_png_data

    def _get_png_data(pillow_image):
        fp = getattr(pillow_image, "fp", None)
        if getattr(pillow_image, "format", None) == "PNG" and hasattr(fp, "getvalue"):
            data = png_image_data(fp.getvalue())
            if data is not None:
                return data
        return encode(pillow_image)

    raster._weasyprint_get_png_data = encode  # (the tests compare the two)
    raster._get_png_data = staticmethod(_get_png_data)
    raster._evaltools_png_pass_through = True


def inside(reports_dir: Path, *parts: str) -> Path:
    """``reports_dir / parts`` after checking that it lies inside ``reports_dir``.

    Every folder the renderer creates, renames or removes is built with this, so that no project
    id or file name can reach outside the reports folder (``../data``, an absolute path, a link).
    """
    base = Path(reports_dir).resolve()
    for part in parts:
        if not part or part in (".", "..") or "/" in part or "\\" in part or "\x00" in part:
            raise ReportError(f"refusing the output name {part!r}: not a plain folder or file name")
    target = base.joinpath(*parts)
    real = target.resolve()
    if real != target or not real.is_relative_to(base) or real == base:
        raise ReportError(f"refusing to write {target}: it is not inside the reports folder {base}")
    return target


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":  # there os.kill(pid, 0) would end the process instead of asking about it
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running, asked the Windows way (a process we may not open is running)."""
    import ctypes
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def clean_stale(reports_dir: Path) -> list[str]:
    """Remove temporary and replaced folders left by renders that were killed (their process is
    gone); folders of renders still running are left alone. Returns the names removed."""
    removed = []
    for d in _stale_candidates(Path(reports_dir)):
        m = re.search(r"-p(\d+)-[0-9a-f]{8}(?:$|-)", d.name)
        if m and _pid_alive(int(m.group(1))):
            continue
        if d.is_dir() and not d.is_symlink():
            shutil.rmtree(d, ignore_errors=True)
        else:
            d.unlink(missing_ok=True)
        removed.append(d.name)
    return removed


def _stale_candidates(reports_dir: Path) -> list[Path]:
    """The temporary folders (``.tmp-*``, at the top), replaced files and folders (``.old-*``, anywhere) and files
    written beside the ones they were to replace (``.new-*``, anywhere: :func:`_replace_file_by_file`)
    in ``reports_dir``. Renders running beside this one rename and remove such folders meanwhile: one that
    is gone by the time it would be looked into is passed over (os.walk ignores it; a recursive glob
    raised FileNotFoundError and failed this render), and none is looked into."""
    found: list[Path] = []
    for root, dirs, files in os.walk(reports_dir):
        here = Path(root)
        names = dirs + files
        if here == reports_dir:
            found += [here / n for n in names if n.startswith(".tmp-")]
        found += [here / n for n in names if n.startswith((".old-", ".new-"))]
        dirs[:] = [d for d in dirs if not d.startswith((".tmp-", ".old-", ".new-"))]
    return found


def _format_of(name: str, key: str) -> str | None:
    """Which output format a file or folder in a report folder belongs to."""
    if name == f"{key}.html":
        return "html"
    if name == f"{key}.pdf":
        return "pdf"
    if name == f"{key}.docx":
        return "docx"
    if name.endswith(".xlsx"):
        return "xlsx"
    if name == "tables":
        return "csv"
    if name == "tables-data" or name.endswith("-data.csv"):
        return "csv-data"
    if name.endswith(".csv"):
        return "csv"
    return None


# the folders a report writes its tables into: a file (or a link) of the user's by one of these names is never the
# toolkit's, and the tables go beside it (:func:`_render`)
_TABLE_FOLDERS = ("tables", "tables-data")


def _beside_of(name: str, key: str, edited: bool = False) -> str | None:
    """The report's file or folder that ``name`` is a copy of, written beside its place under a name of its own
    (:func:`_aside` with the word for new: ``<id> (ny 2026-12-03 14.05).html``, ``tables (new 2026-12-03 14.05)``),
    where something of the user's stood in its place or the file there was open; with ``edited``, also a file the
    user changed, kept beside the new one (``<id> (redigerad 2026-12-03 14.05).docx``). None for any other name."""
    found = _copy_name(name, ("cli.new_word", "cli.edited_word") if edited else ("cli.new_word",))
    if found is None:
        return None
    plain = found[0]
    return plain if _format_of(plain, key) is not None else None


def _copy_name(name: str, words: tuple[str, ...]) -> tuple[str, str] | None:
    """For a name :func:`_aside` gave with one of ``words`` (catalog keys, in any language): the name it stands
    beside and what it adds in brackets (``redigerad 2026-12-03 14.05``); None for any other name."""
    said = "|".join(re.escape(message(w, lang)) for w in words for lang in ("sv", "en"))
    m = re.fullmatch(rf"(.+) \(((?:{said}) \d{{4}}-\d\d-\d\d \d\d\.\d\d(?: \d+)?)\)(\.[^.\s()]+)?", name)
    return None if m is None else (m.group(1) + (m.group(3) or ""), m.group(2))


def _clear_files(folder: Path) -> None:
    """Remove the files directly in ``folder`` (not its language subfolders), and the folder if it is then empty."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for item in folder.iterdir():
        if item.is_file() or item.is_symlink():
            item.unlink(missing_ok=True)
        elif item.name in ("tables", "tables-data"):
            shutil.rmtree(item, ignore_errors=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _sha256_if_readable(path: Path) -> str | None:
    """:func:`_sha256`, or None for a file the system will not let us read (on Windows: locked by the program
    that has it open, or a OneDrive file not on the computer); such a file is then left where it is."""
    try:
        return _sha256(path)
    except OSError:
        return None


def _previous_run(final: Path) -> tuple[set[str] | None, dict[str, str]]:
    """What the last render wrote into ``final`` (its status file): the files it made (``None`` when
    it is not known) and the SHA-256 of each as it made it."""
    try:
        status = json.loads((final / "status.json").read_text(encoding="utf-8"))
        files = {str(f).replace("\\", "/") for f in status.get("files", [])}
        hashes = {str(k): str(v) for k, v in (status.get("sha256") or {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return None, {}
    return files | set(hashes), hashes


def _stamp(moment: float | None = None) -> str:
    """A date and time for a file name, as Windows allows it (no colon): ``2026-12-03 14.05``."""
    return dt.datetime.fromtimestamp(time.time() if moment is None else moment).strftime("%Y-%m-%d %H.%M")


def _aside(folder: Path, name: str, word: str, moment: float | None = None) -> str:
    """A free name in ``folder`` for another copy of ``name``: ``<stem> (<word> <date time>)<suffix>``."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = f"{stem} ({word} {_stamp(moment)}){suffix}", 2
    while (folder / candidate).exists():
        candidate, n = f"{stem} ({word} {_stamp(moment)} {n}){suffix}", n + 1
    return candidate


def _swap_into_place(tmp: Path, final: Path, key: str, formats: tuple[str, ...],
                     lang: str = DEFAULT_LANG) -> tuple[list[str], dict[str, str]]:
    """Move the finished output in ``tmp`` to ``final``, keeping what this run did not make.

    Files of formats not asked for this time, and other languages' subfolders, are carried over
    from the previous report; the output of the formats asked for replaces the old one. What the
    toolkit did not make (a file of the evaluator's own in the folder) is always carried over, and a
    file it made that has been changed since (the Word document the evaluator went on to finish) is
    kept beside the new one as ``<name> (redigerad <date time>)``: a render never deletes someone's
    work. Where a file in ``final`` cannot be moved (on Windows: open in Word, Excel or a PDF reader),
    the folder is updated file by file and a new file that cannot take its place gets a name of its
    own (``<name> (ny <date time>)``): nothing made is lost.

    Returns what the user is told (one line each, in ``lang``) and the SHA-256 of the files carried
    over as the toolkit made them.
    """
    notes: list[str] = []
    carried: dict[str, str] = {}
    ours, hashes = _previous_run(final) if final.is_dir() else (None, {})
    if final.exists():
        for item in final.iterdir():
            if item.name == "status.json" or item.name.startswith((".old-", ".new-")):
                continue
            plain_file = item.is_file() and not item.is_symlink()
            if plain_file and item.name in hashes and _sha256_if_readable(item) not in (hashes[item.name], None):
                kept = _aside(tmp, item.name, message("cli.edited_word", lang), item.stat().st_mtime)
                shutil.copy2(item, tmp / kept)
                said = "cli.edited_kept_word" if item.suffix.lower() == ".docx" else "cli.edited_kept"
                notes.append(message(said, lang, file=item.name, kept=kept))
                continue
            if (tmp / item.name).exists():
                if item.is_dir() and not item.is_symlink() and ours is not None:
                    _carry_own_files(item, tmp / item.name, ours)  # (a file of the evaluator's own in tables/)
                continue
            # (a copy of the last run's written beside a folder of the user's in its place, projekt (ny ...).html,
            # is of its format: this run's replaces it)
            fmt = _format_of(_beside_of(item.name, key) or item.name, key)
            # made by the toolkit (by the last status file; without one, every file of a format it makes)
            made_here = ours is None or item.name in ours or any(f.startswith(item.name + "/") for f in ours)
            # (a folder named like a file, projekt.html/, is never the toolkit's: the user's, carried over; nor is a
            # file or a link named like the folder of tables, which the toolkit never makes)
            users_folder = (item.is_dir() and not item.is_symlink() and bool(Path(item.name).suffix)
                            and _beside_of(item.name, key) is None)
            users_file = item.name in _TABLE_FOLDERS and (item.is_symlink() or not item.is_dir())
            if ((fmt in formats and made_here) or item.name == f"{key}.ipynb") and not (users_folder or users_file):
                continue
            if item.is_dir() and not item.is_symlink():
                shutil.copytree(item, tmp / item.name, symlinks=True)
            elif plain_file or users_file:
                shutil.copy2(item, tmp / item.name, follow_symlinks=False)
                if item.name in hashes:
                    carried[item.name] = hashes[item.name]
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-p{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            final.rename(old)
        except OSError:  # a file in it is open elsewhere (Windows): the folder is updated file by file
            notes += _replace_file_by_file(tmp, final, lang, key)
            return notes, carried
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return notes, carried


def _carry_own_files(old: Path, new: Path, ours: set[str]) -> None:
    """Copy into the new run's folder ``new`` the files in the last run's ``old`` (a folder this run writes again,
    ``tables/``) that the toolkit did not make (not in ``ours``, the last status file's files, as ``tables/x.csv``)
    and this run did not make either: a note the evaluator kept beside the tables stays, as one beside the report
    does, instead of going with the old folder."""
    for rel in _entries(old):
        if f"{old.name}/{rel.as_posix()}" in ours or (new / rel).exists() or (new / rel).is_symlink():
            continue
        (new / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(old / rel, new / rel, follow_symlinks=False)


def _entries(folder: Path) -> list[Path]:
    """The files in ``folder`` and its subfolders, relative to it, symbolic links as entries of their own
    (never followed)."""
    out = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        out += [(here / n).relative_to(folder) for n in files]
        out += [(here / n).relative_to(folder) for n in dirs if (here / n).is_symlink()]
    return sorted(out)


def _unit_of(rel: Path, key: str | None) -> str:
    """The part of a report that is replaced whole or not at all (:func:`_replace_file_by_file`): its format
    (:func:`_format_of`: ``tables/`` with the report's other CSV files, ``tables-data/`` with the ``-data.csv``
    files), else its first folder or its name (another language's folder, the notebook, a file of the
    evaluator's own)."""
    top = rel.parts[0]
    fmt = _format_of(top, key) if key is not None else None
    return f"format:{fmt}" if fmt is not None else top


def _unit_said(rels: list[Path]) -> list[str]:
    """A part's files as a line names them: a folder once (``tables/``), a file by its name."""
    return list(dict.fromkeys(f"{rel.parts[0]}/" if len(rel.parts) > 1 else rel.as_posix() for rel in rels))


def _replace_file_by_file(tmp: Path, final: Path, lang: str, key: str | None = None) -> list[str]:
    """Make ``final`` hold what ``tmp`` holds, one format at a time (``tmp`` is then removed), where the folder
    cannot be replaced whole (a file in it open in another program, or the folder read-only).

    Each format's files (:func:`_unit_of`: the HTML, the PDF, the Word document, the workbooks, ``tables/`` with the
    CSV files, another language's folder) are first written beside the old ones under temporary names
    (``.new-p<pid>-<hex>-<name>``), and only when every one of them could be written do they replace the old ones
    (``os.replace``) and the old files of that format the new run did not make go: a format is this run's or the
    last run's, never a mix (``tables/`` of one run beside a report of another). A format that cannot be written (the
    folder read-only, the disk full) is left as the last run left it, and a line names it as kept from the last run.
    A file that cannot be replaced (open in another program) stays, and the new one gets a name of its own; an old
    file that cannot be removed stays too. Returns a line for each new file under another name and each reason
    formats were kept from the last run.

    Raises
    ------
    ReportError
        When none of the report's own files could be written (nothing is changed: the old report stays as it was).
    """
    notes: list[str] = []
    new = _entries(tmp)
    wanted = set(new)
    units: dict[str, list[Path]] = {}
    for rel in new:
        units.setdefault(_unit_of(rel, key), []).append(rel)
    staged: dict[str, list[tuple[Path, Path]]] = {}  # per part: (temporary file, the file it becomes)
    failed: dict[str, OSError] = {}
    stamp = f"p{os.getpid()}-{uuid.uuid4().hex[:8]}"
    for unit, rels in units.items():
        staged[unit] = []
        for rel in rels:
            src, target = tmp / rel, final / rel
            if (target.is_file() and not target.is_symlink() and not src.is_symlink()
                    and target.stat().st_size == src.stat().st_size and _sha256_if_readable(target) == _sha256(src)):
                continue  # the same file (another language's report carried over): nothing to replace
            temporary = target.with_name(f".new-{stamp}-{rel.name}")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, temporary)
            except OSError as e:  # (the folder takes no file: the part stays as the last run left it)
                failed[unit] = e
                break
            staged[unit].append((temporary, target))
    # the report's own files (the notebook and the tables' folders aside): none of them written, the run failed
    report_files = {rel for rel in new if len(rel.parts) == 1 and rel.suffix != ".ipynb"}
    to_write = {target.relative_to(final) for pairs in staged.values() for _, target in pairs}
    unwritten = {rel for unit in failed for rel in units[unit]}
    needed = {rel for rel in report_files if rel in unwritten or rel in to_write}  # (not those the same as before)
    if needed and needed <= unwritten:
        for pairs in staged.values():
            for temporary, _ in pairs:
                with contextlib.suppress(OSError):
                    temporary.unlink()
        shutil.rmtree(tmp, ignore_errors=True)
        reason = "; ".join(dict.fromkeys(str(e.strerror or type(e).__name__) for e in failed.values()))
        raise ReportError(message("cli.unwritten_all", lang, folder=redact(str(final)), reason=reason))
    for rel in reversed(_entries(final)):  # the old files this run did not make (but those of a part kept from the last run)
        if rel not in wanted and rel.name != "status.json" and not rel.name.startswith(".new-") \
                and _unit_of(rel, key) not in failed:
            with contextlib.suppress(OSError):
                (final / rel).unlink()  # (one that is open elsewhere stays)
    for unit, pairs in staged.items():
        if unit in failed:
            for temporary, _ in pairs:
                with contextlib.suppress(OSError):
                    temporary.unlink()
            continue
        for temporary, target in pairs:
            try:
                os.replace(temporary, target)
            except OSError:
                other = target.with_name(_aside(target.parent, target.name, message("cli.new_word", lang)))
                try:
                    os.replace(temporary, other)
                except OSError:  # (nor beside it: the old one stays, the new one is not kept)
                    with contextlib.suppress(OSError):
                        temporary.unlink()
                    continue
                notes.append(message("cli.locked_new", lang, file=target.relative_to(final).as_posix(),
                                     new=other.relative_to(final).as_posix()))
    for root, dirs, _files in sorted(os.walk(final, followlinks=False), reverse=True):
        for d in dirs:
            with contextlib.suppress(OSError):
                if not (Path(root) / d).is_symlink():
                    (Path(root) / d).rmdir()  # a folder left empty (only when empty)
    shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        folder = redact(str(final))
        reasons: dict[str, list[str]] = {}  # (one line per reason, naming its parts)
        for unit, e in failed.items():
            reasons.setdefault(str(e.strerror or type(e).__name__), []).extend(_unit_said(units[unit]))
        notes += [message("cli.unwritten", lang, files=", ".join(sorted(files)), folder=folder, reason=reason)
                  for reason, files in reasons.items()]
    return notes


# the report's notes on an estimate its data cannot give are those of the catalog's keys that begin so (one for each
# reason, evaltools.analysis.comparison.NOT_COMPUTABLE_NOTES)
NOT_COMPUTABLE_PREFIX = "note.did_not_computable_"


def estimates_not_computable(page: str, params_path: str | Path | None, lang: str) -> list[str]:
    """The sentences of the report ``page`` (its HTML) that say an estimate cannot be computed from its data (the
    DiD on payments without months on both sides of the start or without variation), in the project's wording."""
    import html  # start-up: the check runs after the notebook
    from ..words.text import project_catalog  # start-up: the catalog is read after the notebook has run
    words = project_catalog(params_path, lang)
    said = (words.msg(key) for key in sorted(words.messages) if key.startswith(NOT_COMPUTABLE_PREFIX))
    return [text for text in said if html.escape(text, quote=False) in page]


def _render(notebook: Path, key: str, title: str, lang: str, parameters: dict, reports_dir: Path,
            formats: tuple[str, ...], timings: dict, notes: list[str] | None = None,
            draft: bool | Callable[[], bool] = False, word: dict | None = None,
            say: Say | None = None, preload: tuple[str, ...] = (), hashes: dict | None = None,
            printed: dict | None = None) -> list[str]:
    """Execute ``notebook`` into a new folder, export it and move it into place. ``draft`` may be
    a function: it is asked only once the notebook has run (the check imports the text layer).
    ``word`` holds the Word document's ``author`` and ``template`` (see :mod:`evaltools.publish.docx`).
    ``say`` prints a line as each step starts; ``preload`` is :func:`execute_notebook`'s. ``hashes``,
    where given, receives the SHA-256 of each file of the toolkit's in the folder (:class:`RenderResult`);
    ``printed``, where given, whether the PDF's page 1 held on one page (``page_one_held``)."""
    say = say or _sayer(key, None)
    parts = (key,) if lang == DEFAULT_LANG else (key, lang)
    final = inside(reports_dir, *parts)
    for n in range(1, len(parts) + 1):  # a file of the user's where the report's folder goes: kept, and said so
        there = inside(reports_dir, *parts[:n])
        if there.exists() and not there.is_dir():
            raise ReportError(message("cli.file_where_folder", lang, file=there.name,
                                      folder=redact(str(there.parent))))
    if (final / "status.json").is_dir() and not (final / "status.json").is_symlink():  # (the user's: kept)
        raise ReportError(message("cli.folder_where_status", lang, folder=redact(str(final))))
    tmp = inside(reports_dir, f".tmp-{key}-{lang}-p{os.getpid()}-{uuid.uuid4().hex[:8]}")
    tmp.mkdir(parents=True)
    try:
        t0 = time.perf_counter()
        nb_out = tmp / f"{key}.ipynb"
        try:
            say("cli.step_kernel")
            executed = execute_notebook(notebook, nb_out, {**parameters, "output_dir": str(tmp)}, tmp,
                                        on_kernel_ready=lambda: say("cli.step_analyses"), preload=preload)
        finally:
            timings["execute"] = round(time.perf_counter() - t0, 3)
        t1 = time.perf_counter()
        _wait_for_warm_up()  # started beside the kernel (one report): done by now, or nearly
        if callable(draft):
            draft = draft()
        marked = notebook_to_html(executed, lang, title, draft, lengths=True)
        if printed is not None:  # (said at the terminal after the render, as validate says it)
            printed["not_computable"] = estimates_not_computable(marked, parameters.get("params_path"), lang)
        page = full = longest(marked)  # (page 1 at its full length; the PDF may print a shorter one, below)
        timings["html"] = round(time.perf_counter() - t1, 3)
        beside = _word_beside(page, tmp / f"{key}.docx", lang, title, word or {}) if {"pdf", "docx"} <= set(formats) else None
        try:
            if "pdf" in formats:
                t2 = time.perf_counter()
                say("cli.step_pdf")
                try:
                    page, held = print_report(marked, tmp / f"{key}.pdf", tmp)
                    if printed is not None:
                        printed["page_one_held"] = held
                except PdfEngineMissing as e:
                    if "html" not in formats:  # nothing else to deliver: the project failed
                        raise
                    (tmp / f"{key}.pdf").unlink(missing_ok=True)
                    if notes is not None:
                        notes.append(str(e))
                timings["pdf"] = round(time.perf_counter() - t2, 3)
        finally:
            written = beside() if beside is not None else None
        if written is not None and page != full:  # page 1 printed shorter: the Word document says it too
            (tmp / f"{key}.docx").unlink(missing_ok=True)
            written = None
        if "html" in formats:
            (tmp / f"{key}.html").write_text(page, encoding="utf-8")
        if "docx" in formats:
            t3 = time.perf_counter()
            from .docx import html_to_docx  # start-up: python-docx only when a Word document is asked for
            try:
                if written is None:  # not written beside the PDF (or that failed): written here, errors told
                    html_to_docx(page, tmp / f"{key}.docx", lang, title, **(word or {}))
            except ReportError as e:  # a template Word cannot open: the other formats are delivered
                if formats == ("docx",):
                    raise
                (tmp / f"{key}.docx").unlink(missing_ok=True)
                if notes is not None:
                    notes.append(str(e))  # (the catalog's message in the run's language, naming the template)
            timings["docx"] = written if written is not None else round(time.perf_counter() - t3, 3)
        if "csv" not in formats:
            shutil.rmtree(tmp / "tables", ignore_errors=True)
        if "csv-data" not in formats:
            shutil.rmtree(tmp / "tables-data", ignore_errors=True)
            for x in tmp.glob("*-data.csv"):
                x.unlink()
        if "xlsx" not in formats:
            for x in tmp.glob("*.xlsx"):
                x.unlink()
        for made_file in sorted(tmp.iterdir()):
            there = final / made_file.name
            if made_file.is_dir() and (there.is_symlink() or there.exists() and not there.is_dir()):
                # (a file of the user's named like the report's folder of tables, a note saved without an
                # extension: kept, the tables written beside it; a link there is never written through)
                beside_name = _aside(final, made_file.name, message("cli.new_word", lang))
                made_file.rename(tmp / beside_name)
                if notes is not None:
                    notes.append(message("cli.file_in_the_way", lang, file=made_file.name, new=beside_name,
                                         folder=redact(str(final))))
            elif made_file.is_file() and there.is_dir() and not there.is_symlink():
                # (a folder of the user's named like the report's file, projekt.html/: kept, the file written beside it)
                beside_name = _aside(final, made_file.name, message("cli.new_word", lang))
                made_file.rename(tmp / beside_name)
                if notes is not None:
                    notes.append(message("cli.folder_in_the_way", lang, file=made_file.name, new=beside_name,
                                         folder=redact(str(final))))
        made = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        mine = {name: _sha256(tmp / name) for name in made if "/" not in name}
        told, carried = _swap_into_place(tmp, final, key, formats, lang)
        if notes is not None:
            notes.extend(told)
        if hashes is not None:  # (a new file that had to take another name is not recorded)
            hashes.update(carried)
            hashes.update({name: h for name, h in mine.items()
                           if (final / name).is_file() and (not told or _sha256(final / name) == h)})
            if told:  # a file written beside one open in another program ('<id> (ny ...).pdf'): this run's, so that
                # the next run replaces it with the report in its place, as any file of the report's it made
                made_now = set(mine.values())
                hashes.update({p.name: h for p in final.iterdir() if p.name not in mine and _beside_of(p.name, key)
                               and p.is_file() and not p.is_symlink() and (h := _sha256(p)) in made_now})
        return made
    except BaseException:
        try:
            failed = inside(reports_dir, "_failed", *parts)
            _clear_files(failed)
            failed.mkdir(parents=True, exist_ok=True)
            nb_out = tmp / f"{key}.ipynb"
            if nb_out.exists():
                shutil.copy2(nb_out, failed / f"{key}.ipynb")
        except OSError:
            pass  # the failure itself is reported; keeping its notebook is a courtesy
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        raise


# Whether a report's Word document is written in a forked process beside its PDF: set for a run that
# renders one report at a time (:func:`render_many` with one worker), where the second core would
# otherwise wait. In a batch every core already has a report of its own.
_SIDE_BY_SIDE = False
WORD_TIMEOUT_S = 600


def _word_beside(page: str, path: Path, lang: str, title: str, word: dict) -> Callable[[], float | None] | None:
    """Start writing the Word document ``path`` in a forked process, beside the PDF this process
    prints meanwhile (only with :data:`_SIDE_BY_SIDE`, and where processes can be forked).

    Returns a function that waits for it and gives the seconds it took, or None when the document
    was not written there (an error, a template Word cannot open, a process that died): the caller
    then writes it itself, so that every error is met, and told, as without the second process.
    Returns None at once when no process is started.
    """
    if not _SIDE_BY_SIDE or "fork" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_word_in_child, args=(send, page, path, lang, title, word), name="evaltools-word")
    try:
        child.start()
    except OSError:
        receive.close()
        send.close()
        return None
    send.close()

    def wait() -> float | None:
        seconds = None
        try:
            if receive.poll(WORD_TIMEOUT_S):
                seconds = receive.recv()
        except (EOFError, OSError):
            seconds = None  # it died before answering
        finally:
            receive.close()
            child.join(timeout=10)
            if child.is_alive():
                child.kill()
                child.join()
        if seconds is None:
            path.unlink(missing_ok=True)  # whatever it left is written again
        return seconds
    return wait


def _word_in_child(send, page: str, path: Path, lang: str, title: str, word: dict) -> None:
    """In the forked process: write the Word document and send its seconds (None if it failed)."""
    t = time.perf_counter()
    try:
        from .docx import html_to_docx  # (imported by the warm-up: the fork has it)
        html_to_docx(page, path, lang, title, **word)
        send.send(round(time.perf_counter() - t, 3))
    except BaseException:  # noqa: BLE001 - the parent writes it again and meets the error itself
        send.send(None)
    finally:
        send.close()


def _write_status(res: RenderResult, reports_dir: Path, lang: str = DEFAULT_LANG) -> None:
    """Write ``status.json`` beside the report (or the failed notebook). Never raises: a full disk
    or a read-only folder is reported in the result, and a batch goes on."""
    parts = (res.project_id,) if lang == DEFAULT_LANG else (res.project_id, lang)
    try:
        where = inside(reports_dir, *parts) if res.ok else inside(reports_dir, "_failed", *parts)
        where.mkdir(parents=True, exist_ok=True)
        text = json.dumps(asdict(res), ensure_ascii=False, indent=1)
        tmp = where / f".status-{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, where / "status.json")  # never a half-written status file
        if res.ok:
            _clear_files(inside(reports_dir, "_failed", *parts))
            for empty in (inside(reports_dir, "_failed", parts[0]), inside(reports_dir, "_failed")):
                with contextlib.suppress(OSError):  # (left where another failure is still kept there)
                    empty.rmdir()
    except (OSError, EvaltoolsError) as e:
        said = (e.strerror or type(e).__name__) if isinstance(e, OSError) else str(e)[:200]
        with contextlib.suppress(NameError):  # (where it was to be written, where that is known)
            said = message("cli.status_unwritten", lang, file=redact(str(where / "status.json")), reason=said)
        res.notes.append(said)
        with contextlib.suppress(OSError, NameError):
            tmp.unlink(missing_ok=True)


# the longest path Windows takes where long paths are not enabled (MAX_PATH, 260, less its final NUL)
WINDOWS_MAX_PATH = 259
# the longest names of a report's files: its workbook after the project id ('-tabeller.xlsx'), its longest
# table ('tables-data/forsorjningsstod_effekt.csv') and what a file changed since the last render is kept
# beside the new one with (' (redigerad 2026-12-03 14.05)')
_AFTER_ID, _LONGEST_TABLE, _KEPT = len("-tabeller.xlsx"), 39, len(" (redigerad 2026-12-03 14.05)")


def longest_path(reports_dir: str | Path, key: str, lang: str = DEFAULT_LANG) -> int:
    """The length of the longest path a report of the project ``key`` can write: a file kept beside its new
    version (``reports/<id>/en/<id>-tabeller (redigerad ...).xlsx``, ``.../tables-data/... (redigerad ...).csv``)
    or a file in the temporary folder the report is made in (``reports/.tmp-<id>-sv-p<pid>-<hex>/...``)."""
    base = len(str(Path(reports_dir).resolve()))
    name = max(len(key) + _AFTER_ID, _LONGEST_TABLE)
    final = base + 1 + len(key) + (0 if lang == DEFAULT_LANG else 1 + len(lang)) + 1 + name + _KEPT
    tmp = base + 1 + len(f".tmp-{key}-{lang}-p{'9' * 7}-{'0' * 8}") + 1 + name
    return max(final, tmp)


def _windows_path_limit() -> bool:
    """Whether paths are held to :data:`WINDOWS_MAX_PATH`: on Windows, unless long paths are enabled
    (``LongPathsEnabled`` in the registry, which Python honours)."""
    if sys.platform != "win32":
        return False
    try:
        import winreg  # start-up: only on Windows, only when a report is rendered
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\FileSystem") as k:
            return not winreg.QueryValueEx(k, "LongPathsEnabled")[0]
    except OSError:
        return True


def check_path_length(reports_dir: str | Path, key: str, lang: str = DEFAULT_LANG) -> None:
    """Refuse a report whose files would have paths longer than Windows takes (see :func:`longest_path`),
    before anything is written: Windows would refuse the first such file halfway through, with a reason
    that speaks of a missing file or a full disk.

    Raises
    ------
    ReportError
        Naming the length, the limit and what to shorten.
    """
    n = longest_path(reports_dir, key, lang)
    if n > WINDOWS_MAX_PATH and _windows_path_limit():
        raise ReportError(message("cli.path_too_long", lang, n=n, most=WINDOWS_MAX_PATH, id=key, id_n=len(key),
                                  folder=redact(str(Path(reports_dir).resolve())), over=n - WINDOWS_MAX_PATH))


def render_project(params_path: str | Path, reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                   lang: str | None = None, progress: str | None = None, entries: Path | None = None) -> RenderResult:
    """Render one project's report. Never raises for a failing project: the result says what failed.

    The report goes to ``reports/<id>/`` (Swedish) or ``reports/<id>/<lang>/`` (another language);
    files of other formats and languages already there are kept. With ``progress`` (a language)
    a line is printed as each step starts. With ``entries`` (a batch's folder) the report's kernel
    also leaves the project's portfolio row there (:func:`entry_file`) for the batch's portfolio.
    """
    params_path = resolved(Path(params_path))
    key = params_path.stem
    if find_personnummer(key):  # a hash of such a name could be reversed: the neutral name hashes the content
        key = Path(neutral_name(params_path, "params")).stem
    elif _bad_id(key):  # until the params file is read, its name stands for the project
        key = hashed_name(hashlib.sha256(key.encode("utf-8", "replace")).hexdigest(), "params")
    title, use_lang = key, lang or DEFAULT_LANG

    def run(timings: dict, notes: list[str], hashes: dict, printed: dict) -> tuple[str, str, str, list[str], bool]:
        nonlocal key, title, use_lang
        params = load_params(params_path)  # (read afresh: the render's own check of the file and its data)
        use_lang = lang or params.language
        key, title = params.id, params.display_title(use_lang)
        check_path_length(reports_dir, key, use_lang)
        drafted: list[bool] = []

        def draft() -> bool:
            # asked after the notebook has run: the evaluator text's module (Markdown; no statistics) is
            # then imported by the warm-up, not before the first cell
            if not drafted:
                from ..words.evaluator_text import is_draft  # start-up: imported after the notebook has run
                drafted.append(is_draft(params_path, use_lang))
            return drafted[0]

        # (the workbook's first sheet says where the CSV files are only where they are delivered)
        parameters = {"params_path": str(params_path), "lang": use_lang, "tables_csv": "csv" in formats}
        if entries is not None:
            parameters["portfolio_entry"] = str(entry_file(entries, params_path))
        files = _render(REPORT_NOTEBOOK, key, title, use_lang, parameters,
                        reports_dir, formats, timings, notes, draft,
                        {"author": params.forbund, "template": params.word_template}, _sayer(key, progress),
                        # a comparison group's designs end in the sensitivity bounds (honestdid, torch)
                        ("honestdid",) if params.data.comparison is not None else (), hashes, printed)
        return key, title, use_lang, files, draft()

    refused = _refused(key, reports_dir, [params_path], lang)
    if refused:
        return refused
    reports_dir = Path(reports_dir).resolve()
    return _run_and_record(run, lambda: (key, title, use_lang), reports_dir)


def _run_and_record(run, identity, reports_dir: Path) -> RenderResult:
    """Run one render, describe a failure without a traceback, and write its status file."""
    start = time.perf_counter()
    timings: dict = {}
    notes: list[str] = []
    hashes: dict[str, str] = {}
    printed: dict = {}
    try:
        reports_dir.mkdir(parents=True, exist_ok=True)
        clean_stale(reports_dir)
        key, title, use_lang, files, *draft = run(timings, notes, hashes, printed)
        out = reports_dir / key if use_lang == DEFAULT_LANG else reports_dir / key / use_lang
        res = RenderResult(key, True, str(out), files, None, round(time.perf_counter() - start, 3), timings,
                           dt.datetime.now().isoformat(timespec="seconds"), redact(title), use_lang, notes,
                           bool(draft and draft[0]), dict(sorted(hashes.items())), printed.get("page_one_held"),
                           list(printed.get("not_computable", [])))
    except Exception as e:  # noqa: BLE001 - one project's failure must not stop a batch
        key, title, use_lang = identity()
        parts = (key,) if use_lang == DEFAULT_LANG else (key, use_lang)
        failed = reports_dir.joinpath("_failed", *parts) if key and _linkable(key) else None
        res = RenderResult(key, False, None, [], redact(_describe(e, use_lang, failed)),
                           round(time.perf_counter() - start, 3), timings,
                           dt.datetime.now().isoformat(timespec="seconds"), redact(title), use_lang, notes)
    _write_status(res, reports_dir, res.lang)
    return res


def _describe(e: Exception, lang: str = DEFAULT_LANG, failed: Path | None = None) -> str:
    """What went wrong, for the person at the terminal, in ``lang``, without a traceback.

    An error the report's own checks raised in a cell (the data, the params) is said as those checks
    word it, with nothing about cells: it names the file, row and value to correct. Any other error in
    a cell is named with its cell and where the executed notebook was kept (``failed``)."""
    if isinstance(e, EvaltoolsError):
        if isinstance(e, ParamsError) and Path(e.path).suffix.lower() in (".yaml", ".yml"):
            # (every value `evaltools new` left to fill in, as validate lists them: render named the dates only)
            from ..data.template import with_placeholders  # start-up: only where a params file is refused
            e = with_placeholders(e, Path(e.path))
        # (a params file or a data file refused before the report's language was read from it is worded in
        # the language asked for, ``--lang en``, as ``validate --lang en`` words it, not in the default one)
        said = getattr(e, "message", None)
        return said(lang) if callable(said) else str(e)
    name = type(e).__name__
    if name == "PapermillExecutionError":
        said = str(e.evalue)[:2000]
        if e.ename in _toolkit_errors():
            return said
        where = f"{failed}{os.sep}" if failed is not None else f"reports{os.sep}_failed{os.sep}"
        return f"{e.ename}: {said}\n" + message("cli.failed_cell", lang, cell=e.exec_count, folder=where)
    if isinstance(e, OSError):
        return message("cli.failed_disk", lang, error=f"{name}: {e.strerror or e}", file=_made_as(e.filename or ""))
    return "".join(traceback.format_exception_only(type(e), e)).strip()[:2000]


# the folder a report is made in before it is moved into place ('.tmp-<id>-<lang>-p<pid>-<hex>', see :func:`_render`)
_MAKING = re.compile(r"([\\/])\.tmp-(.+?)-([a-z]{2})-p\d+-[0-9a-f]{8}(?=[\\/]|$)")


def _made_as(filename: object) -> str:
    """A file named in an error as the report folder will hold it: a file being made in the temporary folder
    (``reports/.tmp-k-sv-p123-0a1b2c3d/k.pdf``) as ``reports/k/k.pdf`` (``reports/k/en/k.pdf`` in English)."""
    def final(m: re.Match) -> str:
        sep, key, lang = m.group(1), m.group(2), m.group(3)
        return f"{sep}{key}" if lang == DEFAULT_LANG else f"{sep}{key}{sep}{lang}"
    return _MAKING.sub(final, str(filename))


def _toolkit_errors() -> frozenset[str]:
    """The names of the toolkit's own errors, which say what to correct themselves: those a report's cells
    raise about the evaluator's text and the analyses too, whose modules this process has not imported."""
    from ..analysis import cohorts  # noqa: F401  # start-up: only for a report that failed (its error's class)
    from ..present import narrative  # noqa: F401  # start-up: only for a report that failed
    from ..words import text  # noqa: F401  # start-up: only for a report that failed
    found, todo = set(), [EvaltoolsError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return frozenset(found)


def render_portfolio(params_paths: list[Path], reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                     lang: str = "sv", progress: str | None = None, entries: Path | None = None) -> RenderResult:
    """Render the portfolio report comparing the given projects (``progress``: as :func:`render_project`).
    With ``entries`` (a batch's folder) it takes each project's row that its report left there, where
    the params file is unchanged, instead of loading and analysing the project again."""
    from ..words.text import msg  # start-up: the renderer's processes import it only when they need it
    title = msg("portfolio.heading", lang)

    def run(timings: dict, notes: list[str], hashes: dict, printed: dict) -> tuple[str, str, str, list[str]]:
        forbund = sorted(_forbund(params_paths)) if "docx" in formats else []  # the Word document's author
        files = _render(PORTFOLIO_NOTEBOOK, "portfolio", title, lang,
                        {"params_paths": [str(resolved(Path(p))) for p in params_paths], "lang": lang,
                         "entries": str(entries) if entries is not None else ""},
                        reports_dir, formats, timings, notes, word={"author": "; ".join(forbund)},
                        say=_sayer("portfolio", progress), hashes=hashes, printed=printed)
        return "portfolio", title, lang, files

    refused = _refused("portfolio", reports_dir, list(params_paths), lang)
    if refused:
        return refused
    reports_dir = Path(reports_dir).resolve()
    return _run_and_record(run, lambda: ("portfolio", title, lang), reports_dir)


def _forbund(params_paths: list[Path]) -> set[str]:
    """The förbund of the projects whose params file can be read."""
    out = set()
    for path in params_paths:
        with contextlib.suppress(EvaltoolsError):
            out.add(load_params_once(path).forbund)
    return out


def input_files(params_paths: list[Path]) -> list[Path]:
    """The params files and every data file they name (a params file that cannot be read names none)."""
    out = []
    for path in params_paths:
        out.append(Path(path))
        try:
            d = load_params_once(path).data
        except EvaltoolsError:
            continue
        comparison = (d.comparison.persons, d.comparison.payments) if d.comparison else ()
        out += [p for p in (d.participants, d.payments, d.budget, *comparison) if p is not None]
    return out


def check_reports_dir(reports_dir: str | Path, params_paths: list[Path], lang: str = "en") -> None:
    """Refuse a reports folder that is, lies inside or holds the input (data/, params/, a data file's
    folder): a report written there would replace the data (see
    :func:`evaltools.data.paths.reports_dir_problem`).

    Raises
    ------
    ReportError
        Naming the folder and the input it would overwrite, in ``lang``.
    """
    problem = reports_dir_problem(reports_dir, input_files(params_paths), lang)
    if problem:
        raise ReportError(problem)


def make_reports_dir(reports_dir: str | Path, lang: str = "en") -> Path:
    """The reports folder, made where it is not there (its parents too).

    Raises
    ------
    ReportError
        In ``lang``, where a file of the user's is where the folder or one of its parents goes (a note saved
        without an extension), or the folder cannot be made (a name too long, a drive that takes no folder, no
        permission), with the system's reason: never a traceback.
    """
    out = Path(reports_dir).expanduser()
    example = project_root() / "reports"
    try:
        out = out.resolve()
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        # (the file in the way: the folder itself, or the nearest of its parents that is there)
        there = next((p for p in (out, *out.parents) if _exists(p)), out)
        raise ReportError(redact(message("cli.reports_dir_file", lang, file=there, out=out,
                                         example=example))) from None
    except (OSError, RuntimeError) as e:  # (RuntimeError: a loop of links, which resolve cannot follow)
        reason = str(getattr(e, "strerror", None) or type(e).__name__)
        raise ReportError(redact(message("cli.reports_dir_unmade", lang, out=out, reason=reason,
                                         example=example))) from None
    return out


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _refused(key: str, reports_dir: str | Path, params_paths: list[Path], lang: str | None) -> RenderResult | None:
    """A failed result, with nothing written, when the reports folder would overwrite the input."""
    try:
        check_reports_dir(reports_dir, params_paths)
    except ReportError as e:
        return RenderResult(key, False, None, [], str(e), lang=lang or DEFAULT_LANG,
                            finished=dt.datetime.now().isoformat(timespec="seconds"))
    return None


def entry_file(entries: Path, params_path: Path) -> Path:
    """The file in a batch's folder of portfolio rows for the project of ``params_path``."""
    name = hashlib.sha256(str(resolved(Path(params_path))).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return Path(entries) / f"{name}.json"


def _leave_interrupts_to_parent() -> None:
    """In a batch's worker: Ctrl+C (which the terminal sends to every process of the command) is the
    parent's to act on (:func:`_stop_workers`); a worker interrupted by itself would go on to the
    next report of the queue."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor, reports_dir: Path) -> None:
    """Ctrl+C during a batch: the reports not started are not started, those in progress are stopped
    and their unfinished folders removed; finished reports stay. (The kernels of the stopped reports
    leave with the zygote, at the end of the command.)"""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # (before shutdown, which forgets them)
    pool.shutdown(wait=False, cancel_futures=True)
    for w in workers:
        with contextlib.suppress(Exception):
            w.terminate()
    for w in workers:
        with contextlib.suppress(Exception):
            w.join(timeout=5)
    with contextlib.suppress(OSError):
        clean_stale(reports_dir)


def _worker(args) -> RenderResult:
    if args[0] == "portfolio":
        return render_portfolio(*args[1:])
    return render_project(*args)


def _data_size(params_path: Path) -> int:
    """Bytes of a project's input files: a rough measure of its rendering work."""
    try:
        d = load_params_once(params_path).data
    except Exception:  # noqa: BLE001 - a broken params file is reported by its render, not here
        return 0
    files = [d.participants, d.payments, d.budget] + ([d.comparison.persons, d.comparison.payments] if d.comparison else [])
    return sum(f.stat().st_size for f in files if f is not None and f.is_file())


# A one-pixel PNG, for warming up the image path of the HTML export.
_PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")


_WARM_UP: threading.Thread | None = None


def prepare(formats: tuple[str, ...] = FORMATS, background: bool = False,
            langs: tuple[str, ...] = ("sv", "en")) -> None:
    """Import the renderer's libraries (with the PDF printer when a PDF is asked for) and run the
    HTML export once on a tiny notebook in each of ``langs`` (the languages the reports are made in),
    so that their one-time costs (template compilation, HTML parser, the C bindings' type tables) are
    paid before the first report, and once for all processes forked for a batch. A language not
    among ``langs`` compiles its export when its first report needs it (measured: the export of a
    language costs 0.08 CPU-s to compile, which a command of Swedish reports only no longer pays for English).

    With ``background`` the work runs in a thread and the caller goes on to start the first
    notebook: nothing of it is needed before the notebook has run, and while the kernel executes
    the cells this process would otherwise wait. Exporting waits for it
    (:func:`_wait_for_warm_up`). A batch that forks workers prepares in the foreground instead,
    so that the workers inherit the finished work (and no thread is running at the fork).

    Only an optimisation: if something here fails, each report meets (and reports) the same
    problem itself.
    """
    global _WARM_UP
    if background:
        # what the first notebook needs at once is imported here, before the thread starts: a
        # thread shares the interpreter, and two imports side by side take as long as one after the other
        with contextlib.suppress(Exception):
            import papermill  # noqa: F401
            kernel_manager_class()
        _WARM_UP = threading.Thread(target=_prepare, args=(formats, langs), name="evaltools-warm-up", daemon=True)
        _WARM_UP.start()
    else:
        _prepare(formats, langs)


def _wait_for_warm_up() -> None:
    """Wait until a warm-up started by ``prepare(background=True)`` has finished."""
    global _WARM_UP
    if _WARM_UP is not None:
        _WARM_UP.join()
        _WARM_UP = None


def _prepare(formats: tuple[str, ...], langs: tuple[str, ...] = ("sv", "en")) -> None:
    try:
        import nbformat
        import papermill  # noqa: F401

        from ..words import evaluator_text  # noqa: F401 - the draft check after each report (the text, Markdown)
        html_part = ("<div class='et-block'><h2>Åäö</h2><p>1 276 000 kr, 48,6 %</p><table class='et-table'><thead><tr>"
                     "<th class='txt'>Mål</th><th class='num'>Utfall</th></tr></thead><tbody><tr><td class='txt'>Ett</td>"
                     f"<td class='num'>1</td></tr></tbody></table><figure class='et-fig'><img alt='x' src='data:image/png;base64,{_PIXEL_PNG}'>"
                     "</figure></div>")
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
            nbformat.v4.new_output("display_data", data={"text/html": html_part, "text/plain": "x"})])])
        for lang in langs:
            notebook_to_html(nb, lang, "x")
        if "docx" in formats:
            from . import docx  # noqa: F401 - python-docx and lxml, once for the processes forked from here
        if "pdf" in formats:
            # importing the PDF printer (its C bindings' type tables) is its one-time cost: printing a
            # page here as well was measured to leave the report's own PDF no faster (1.62 CPU-s after
            # either) and cost 0.3 CPU-s, mostly subsetting the fonts of a page nobody reads
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*HarfBuzz-Subset.*")
                import_weasyprint()
    except Exception as e:  # noqa: BLE001
        logging.getLogger(__name__).debug("renderer warm-up skipped: %s", e)


def _languages(params_paths: list[Path], lang: str | None, portfolio: bool = False) -> tuple[str, ...]:
    """The languages a batch's reports are made in: ``lang``, else each params file's (a file that cannot be
    read is left to its own render, in the default language), and the portfolio's (``lang``, else Swedish)."""
    if lang:
        return (lang,)
    out = [DEFAULT_LANG] if portfolio else []
    for path in params_paths:
        try:
            out.append(load_params_once(resolved(Path(path))).language)
        except EvaltoolsError:
            out.append(DEFAULT_LANG)
    return tuple(dict.fromkeys(out)) or (DEFAULT_LANG,)


def one_folder(params_paths: list[Path], lang: str = DEFAULT_LANG) -> dict[Path, str]:
    """The params files whose project ids name one report folder, each with the message that says so.

    Two params files with one id (a copy renamed but not changed) would render into one folder, the
    second report silently replacing the first; so would ids that differ only in letter case or in the
    form of a character (``Tiny`` and ``tiny``), since Windows and macOS take them for one folder
    (:func:`evaltools.data.params.id_key`). None of them is rendered, and the reports already there stay.
    A params file that cannot be read is left to its own render, which says why.
    """
    by_key: dict[str, list[tuple[Path, str]]] = {}
    for path in dict.fromkeys(resolved(Path(p)) for p in params_paths):
        try:
            pid = load_params_once(path).id
        except EvaltoolsError:
            continue
        by_key.setdefault(id_key(pid), []).append((path, pid))
    out = {}
    for group in by_key.values():
        if len(group) > 1:
            for path, pid in group:
                others = "; ".join(f"{redact(str(q))} ({o})" for q, o in group if q != path)
                out[path] = message("cli.same_folder", lang, id=pid, file=redact(str(path)), others=others)
    return out


def render_many(params_paths: list[Path], reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                lang: str | None = None, jobs: int | None = None, progress: bool = True,
                portfolio: bool = False, warm: bool = True) -> list[RenderResult]:
    """Render several projects in parallel processes (by default one per core, plus one);
    failures are returned, not raised. A reports folder over the input is refused
    (:func:`check_reports_dir`) before anything is written.

    With ``warm`` (the default) each report's kernel is forked from a process that has already
    imported the report libraries (see :mod:`evaltools.publish.kernels`); each report still gets a new
    kernel of its own. With ``progress`` a line is printed as each report's step starts and as each
    report is done, in the language of ``lang`` (Swedish when it is not given).
    """
    check_reports_dir(reports_dir, params_paths, lang or "en")
    reports_dir = make_reports_dir(reports_dir, lang or "en")
    # projects whose ids name one folder are refused, not rendered over each other (their reports stay)
    clashes = one_folder(params_paths, lang or DEFAULT_LANG)
    refused = [_clash_result(p, e, reports_dir, lang) for p, e in clashes.items()]
    params_paths = [p for p in params_paths if resolved(Path(p)) not in clashes]
    # one more worker than cores: while one report waits for its kernel to start, another works
    jobs = max(1, min(jobs or (os.cpu_count() or 1) + 1, len(params_paths) + int(portfolio) or 1))
    said = (lang or DEFAULT_LANG) if progress else None  # the language of the progress lines
    # the batch's portfolio takes each project's row from its report (a folder of this batch's only,
    # removed with what is in it when the batch ends)
    rows_folder = (tempfile.TemporaryDirectory(prefix="evaltools-portfolio-", ignore_cleanup_errors=True)
                   if portfolio else contextlib.nullcontext(None))
    results: list[RenderResult] = list(refused)
    with warm_kernels(warm), rows_folder as folder:  # the zygote is started first: it imports while this process prepares
        entries = Path(folder) if folder else None
        args = [(p, reports_dir, formats, lang, said, entries) for p in params_paths]
        # one process for all reports: the warm-up runs beside the first report's kernel
        prepare(formats, background=jobs == 1, langs=_languages(params_paths, lang, portfolio))
        global _SIDE_BY_SIDE
        _SIDE_BY_SIDE = jobs == 1 and (os.cpu_count() or 1) > 1  # one report at a time: the Word document beside its PDF
        try:
            total = [len(args) + int(portfolio) + len(refused)]

            def done(r: RenderResult) -> None:
                results.append(r)
                if said and total[0] > 1:  # (one report's line is the command's summary)
                    _print_line(message("cli.step_done", said, mark="✓" if r.ok else "✗", id=r.project_id,
                                        done=len(results), total=total[0]))

            def compared(group: list) -> list:
                """The portfolio's task, where a report of the batch was made: where none was, there is no project
                to compare (the portfolio failed on its empty table, 'KeyError: 'title''), and the last portfolio
                stays, as a failed project's last report does."""
                if group and not any(r.ok for r in results):
                    total[0] -= len(group)
                    return []
                return group
            # the largest projects first, so that a batch does not end with one core idle; the
            # portfolio last, from the rows the reports left (a project whose report failed is loaded there)
            tasks = sorted(args, key=lambda a: _data_size(a[0]), reverse=True) if jobs > 1 else list(args)
            last = [("portfolio", params_paths, reports_dir, formats, lang or "sv", said, entries)] if portfolio else []
            if jobs == 1:
                for a in tasks:
                    done(_worker(a))
                for a in compared(last):
                    done(_worker(a))
            else:
                methods = multiprocessing.get_all_start_methods()
                ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
                with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_leave_interrupts_to_parent) as pool:
                    try:
                        for group in (tasks, last):
                            futures = {pool.submit(_worker, a): a for a in (compared(group) if group is last else group)}
                            for f in as_completed(futures):
                                try:
                                    done(f.result())
                                except Exception as e:  # noqa: BLE001 - a worker that died must not stop the batch
                                    a = futures[f]
                                    key = "portfolio" if a[0] == "portfolio" else Path(a[0]).stem
                                    done(RenderResult(key, False, None, [], redact(_describe(e, lang or DEFAULT_LANG)), 0.0, {},
                                                      dt.datetime.now().isoformat(timespec="seconds"), key))
                    except KeyboardInterrupt:
                        _stop_workers(pool, reports_dir)
                        raise
        finally:
            _SIDE_BY_SIDE = False
        _wait_for_warm_up()  # (only if every report failed before exporting)
    order = {Path(p).stem: i for i, p in enumerate(params_paths)}
    order.update({r.project_id: -1 for r in refused})  # (said first: nothing of them was rendered)
    results.sort(key=lambda r: order.get(r.project_id, len(order)))
    write_index(reports_dir)  # one page for every language's reports (in Swedish unless all are in one other)
    return results


def _clash_result(params_path: Path, error: str, reports_dir: Path, lang: str | None) -> RenderResult:
    """The failed result of a project refused because its id names another project's folder too; its
    status file goes to ``_failed/`` (the report already in its folder stays as it is)."""
    pid = load_params_once(params_path).id
    res = RenderResult(pid, False, None, [], error, 0.0, {}, dt.datetime.now().isoformat(timespec="seconds"), pid,
                       lang or DEFAULT_LANG)
    _write_status(res, reports_dir, res.lang)
    return res


_LINKED = (".html", ".pdf", ".docx", ".xlsx")  # the files the index links, in this order


def _when(stamp: str) -> str:
    """A status time as a reader writes it: ``2026-11-23 14:43``."""
    try:
        return f"{dt.datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except (TypeError, ValueError):
        return str(stamp)  # (escaped with the sentence it goes into)


def _read_status(path: Path) -> dict | None:
    """A status file's content, or None when it is unreadable (a full disk may have left it empty)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _bad_id(key: str) -> bool:
    from ..data.params import project_id_problem  # start-up: the renderer's processes import it only when they need it
    return project_id_problem(key) is not None


def _linkable(key: str) -> bool:
    return key == "portfolio" or not _bad_id(key)


def _report_folders(reports_dir: Path, key: str) -> list[tuple[str, Path]]:
    """(language, folder) of each language's report of one project: Swedish at the top, others below."""
    top = reports_dir / key
    out = [(DEFAULT_LANG, top)] if (top / "status.json").is_file() else []
    out += [(d.name, d) for d in sorted(top.iterdir()) if d.is_dir() and re.fullmatch(r"[a-z]{2}", d.name)
            and (d / "status.json").is_file()] if top.is_dir() else []
    return out


_LANG_NAMES = {"sv": "Svenska", "en": "English"}


def _link_text(name: str, key: str) -> str:
    """A report file's link in the index: its format (``HTML``), and for a copy beside the report's file what its
    name adds (``HTML (redigerad 2026-12-03 14.05)``), so that the two are told apart."""
    copy = _copy_name(name, ("cli.new_word", "cli.edited_word")) if _beside_of(name, key, True) else None
    return name.rsplit(".", 1)[-1].upper() + (f" ({copy[1]})" if copy else "")


def write_index(reports_dir: str | Path = REPORTS_DIR, page_lang: str | None = None) -> Path | None:
    """Write ``reports/index.html``: every report on disk, each language and format, with its status.

    The page's own words are in ``page_lang``; by default Swedish, or the one other language every report
    on disk is in (a folder of English reports gets an English page). Never raises for a folder it
    cannot write (the batch's results are printed anyway); returns None then.
    """
    from urllib.parse import quote

    from ..words.markup import render  # start-up: the renderer's processes import it only when they need it
    from ..words.text import msg  # start-up: the renderer's processes import it only when they need it
    reports_dir = Path(reports_dir)
    keys = {p.parent.name for p in reports_dir.glob("*/status.json")} | {p.parent.parent.name for p in reports_dir.glob("*/*/status.json")}
    keys |= {p.parent.name for p in (reports_dir / "_failed").glob("*/status.json")}
    keys |= {p.parent.parent.name for p in (reports_dir / "_failed").glob("*/*/status.json")}
    keys = {k for k in keys if k != "_failed" and not k.startswith(".") and _linkable(k)}
    if page_lang is None:
        langs = {lang for key in keys for base in (reports_dir, reports_dir / "_failed")
                 for lang, folder in _report_folders(base, key) if (folder / "status.json").is_file()}
        page_lang = langs.pop() if len(langs) == 1 and langs <= set(_LANG_NAMES) else DEFAULT_LANG
    rows = []
    for key in sorted(keys, key=lambda k: (k == "portfolio", k)):
        good = {lang: _read_status(folder / "status.json") for lang, folder in _report_folders(reports_dir, key)}
        good = {lang: g for lang, g in good.items() if g}
        bad = {lang: _read_status(folder / "status.json") for lang, folder in _report_folders(reports_dir / "_failed", key)}
        bad = {lang: b for lang, b in bad.items() if b}
        status: list[dict] = []
        links: list[dict] = []
        for lang in sorted(set(good) | set(bad), key=lambda x: (x != DEFAULT_LANG, x)):
            g, b = good.get(lang), bad.get(lang)
            name = _LANG_NAMES.get(lang, lang)
            folder = reports_dir / key if lang == DEFAULT_LANG else reports_dir / key / lang
            prefix = quote(key) + "/" + ("" if lang == DEFAULT_LANG else quote(lang) + "/")
            own = f" ({name})" if lang != DEFAULT_LANG else ""
            if g:
                # the report's files (those its status file names, and a copy written beside something of the
                # user's in its place), never a file of the user's own in the folder
                made = {str(f).replace("\\", "/") for f in [*(g.get("files") or []), *(g.get("sha256") or {})]}
                files = [f for f in sorted(p.name for p in folder.iterdir() if p.is_file() and not p.is_symlink())
                         if f.endswith(_LINKED) and ("files" not in g or f in made or _beside_of(f, key, True))]
                files.sort(key=lambda f: (_LINKED.index("." + f.rsplit(".", 1)[-1]), _beside_of(f, key, True) is not None))
                named = len(set(good) | set(bad)) > 1 or lang != DEFAULT_LANG
                links.append({"language": name if named else "",
                              "files": [{"href": prefix + quote(f), "text": _link_text(f, key)} for f in files]})
            if b:
                failed = msg("index.failed", page_lang, when=_when(b.get("finished")))
                status.append({"css": "bad", "text": f"{name}: {failed}", "pre": redact(str(b.get("error") or ""))[:1500]})
                if g:
                    status.append({"css": "old", "text": msg("index.last_good", page_lang, when=_when(g.get("finished"))),
                                   "pre": None})
            else:
                status.append({"css": "ok", "text": msg("index.ok", page_lang, when=_when(g.get("finished"))) + own,
                               "pre": None})
                if g.get("draft") is True:  # the evaluator has not assessed it yet
                    status.append({"css": "draft", "text": msg("index.draft", page_lang) + own, "pre": None})
                status += [{"css": "old", "text": redact(str(n))[:500], "pre": None} for n in g.get("notes") or []]
        first = next(iter(good.values()), None) or next(iter(bad.values()), {})
        rows.append({"title": redact(str(first.get("title") or key)), "key": key, "status": status, "links": links})
    page = render("index.html.j2", lang=page_lang, title=msg("index.title", page_lang),
                  made=msg("index.made_with", page_lang, version=__version__, when=f"{dt.datetime.now():%Y-%m-%d %H:%M}"),
                  headings=[msg(k, page_lang) for k in ("index.project", "index.status", "index.files")], rows=rows)
    out = reports_dir / "index.html"
    try:
        tmp = reports_dir / f".index-{os.getpid()}-{uuid.uuid4().hex[:8]}.html"
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as e:
        logging.getLogger(__name__).warning("%s", message("cli.index_unwritten", page_lang, file=redact(str(out)),
                                                          reason=e.strerror or type(e).__name__))
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return None
    return out
