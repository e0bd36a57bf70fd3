"""How report parts are shown: tables, paragraphs and charts as HTML blocks in a notebook.

Every text is escaped here; sections hand over plain strings.
"""
from __future__ import annotations

import re
from html import unescape

import pandas as pd

from .markup import keep_units, markup, render  # noqa: F401 - keep_units re-exported for the sections
from ..words.lengths import at_lengths


class Table:
    """A display-ready table: formatted cells, a caption and notes; renders as HTML in a notebook.

    With ``group`` (a column name), rows are shown in groups under a full-width heading row with
    that column's value, and the column itself is not repeated on every row: a long goal label,
    say, reads once above its periods instead of squeezing every other column.
    """

    def __init__(self, frame: pd.DataFrame, caption: str = "", notes: tuple[str, ...] = (), numeric: tuple[str, ...] = (),
                 group: str | None = None, whole: bool = False, wide: bool = False, points: bool = False,
                 paragraphs: bool = False):
        self.frame = frame
        self.caption = caption
        self.notes = notes
        self.numeric = set(numeric)
        self.group = group if group in frame.columns else None
        self.whole = whole  # printed whole on one page however many rows it has (a list of facts read as one)
        self.wide = wide  # set narrower, as a table of eight columns is, where fewer columns need it too
        # its notes printed as a list of points, a little larger than a note, where they are several things to
        # read one at a time (the table per actor's: how the cost is shared, why the state pays more, …)
        self.points = points
        # its rows are paragraphs (the assumptions' sources, some ten lines each): printed, its header keeps its
        # first two rows at a page's foot, not three, as two such rows are already a block of their own
        self.paragraphs = paragraphs
        # its numbered caption in the report ("Tabell 3. Deltagare"), given as the report shows it (:func:`number_parts`)
        self.numbered = ""

    def _repr_html_(self) -> str:
        columns = [c for c in self.frame.columns if c != self.group]
        rows = self.frame[columns]
        if self.group is None:
            groups = [{"label": None, "rows": [list(zip(columns, row)) for row in rows.itertuples(index=False)]}]
        else:
            keys = self.frame[self.group].astype(str)
            starts = [i for i in range(len(keys)) if i == 0 or keys.iloc[i] != keys.iloc[i - 1]] + [len(keys)]
            groups = [{"label": keys.iloc[a], "rows": [list(zip(columns, row)) for row in rows.iloc[a:b].itertuples(index=False)]}
                      for a, b in zip(starts[:-1], starts[1:])]
        return render("table.html.j2", caption=self.numbered or self.caption, columns=columns, numeric=self.numeric, groups=groups,
                      notes=self.notes, short=self.whole or (len(self.frame) <= SHORT_TABLE_ROWS and len(groups) == 1
                                                             and not _tall(rows)),
                      whole=self.whole, wide=self.wide, points=self.points, paragraphs=self.paragraphs)


# a table of at most this many rows is short (et-short): the Word document keeps it whole on one page (moved to the
# next rather than split); the PDF breaks it as any table, its header printed again and at least three rows on each
# side, rather than leave half a page empty above it (the print rules). A table of several groups may break between
# two of them (never inside one; its header row is printed again), so that it is not moved whole to the next page
SHORT_TABLE_ROWS = 12
# ... unless its rows are tall: a table of at least this many rows whose cells hold more than this many characters
# in all (the assumptions with their sources, the glossary) runs to half a page, and kept whole it leaves the rest
# of a page empty when it does not fit below what comes before it; it breaks between rows instead (the print
# rules keep its header with its first three rows and its last two rows together)
TALL_TABLE_ROWS, TALL_TABLE_CHARS = 6, 1200


def _tall(rows: pd.DataFrame) -> bool:
    """Are a table's rows many and tall enough to be let break across pages (:data:`TALL_TABLE_CHARS`)?"""
    return len(rows) >= TALL_TABLE_ROWS and sum(len(str(v)) for v in rows.to_numpy().ravel()) > TALL_TABLE_CHARS


class Text:
    """Paragraphs (and an optional heading) rendered as HTML."""

    def __init__(self, paragraphs: list[str], heading: str | None = None, level: int = 2, css: str = "",
                 anchor: str = ""):
        self.paragraphs, self.heading, self.level, self.css = paragraphs, heading, level, css
        self.anchor = anchor  # the id of the first paragraph (a place the PDF printer looks for), if any

    def _repr_html_(self) -> str:
        return render("text.html.j2", heading=self.heading, level=self.level, css=self.css, paragraphs=self.paragraphs,
                      anchor=self.anchor)

    def __repr__(self) -> str:
        return "\n".join(([self.heading] if self.heading else []) + self.paragraphs)


class Lengths(Text):
    """Paragraphs said at several lengths (:mod:`evaltools.words.lengths`): the longest, as a :class:`Text`,
    whose HTML also carries the shorter ones, hidden, for the PDF printer to choose among."""

    def __init__(self, versions: list[tuple[str, Text]]):
        longest = versions[0][1]
        super().__init__(longest.paragraphs, longest.heading, longest.level, longest.css, longest.anchor)
        self.versions = versions

    def _repr_html_(self) -> str:
        return at_lengths([(length, text._repr_html_()) for length, text in self.versions])


class Numbering:
    """The numbers a report's captions have reached, in the order a reader meets its parts: the next chart's
    ("Figur 3."), the next table's ("Tabell 2."), and the heading the next part stands under, with whether
    nothing has come between them (a table right under its heading is not titled by it again)."""

    def __init__(self, figure: int = 1, table: int = 1):
        self.figure, self.table = figure, table
        self.heading, self.under = "", False


def number_parts(parts, numbers: Numbering, say) -> None:
    """Give each chart and table among ``parts`` its numbered caption, continuing ``numbers``, so that the
    HTML, the PDF and the Word document (written from the same HTML) number the same table alike and a reader
    who quotes "tabell 3" from one finds it in the other.

    A chart's is the catalog's ``plot.caption`` under it ("Figur 3. Stapeldiagram över budget och utfall per
    kostnadspost."), worded by ``say`` (a report's or portfolio's ``msg``), with what the chart shows (the lead of
    its alternative text, without its numbers; only the number where a chart has none). A table's is
    ``pdf.table_caption`` above it: "Tabell 2." and the table's own caption, else the heading it stands under where
    text, a chart or another table comes between them ("Tabell 4. Deltagare" under the participants' chart);
    right under its heading, the number alone ("Tabell 14."), not the heading said again a line below itself."""
    for part in parts:
        if part is None:
            continue
        if hasattr(part, "savefig"):
            part.et_caption = full_stop(say("plot.caption", n=numbers.figure,
                                            what=str(getattr(part, "et_what", "") or "")))
            numbers.figure += 1
            numbers.under = False
        elif isinstance(part, Table):
            title = part.caption or ("" if numbers.under else numbers.heading)
            part.numbered = say("pdf.table_caption", n=numbers.table, what=title).rstrip()
            numbers.table += 1
            numbers.under = False
        elif isinstance(part, Text):
            if part.heading:
                numbers.heading, numbers.under = part.heading, not any(str(p).strip() for p in part.paragraphs)
            elif any(str(p).strip() for p in part.paragraphs):
                numbers.under = False
        else:
            html = part if isinstance(part, str) else getattr(part, "data", None)
            if isinstance(html, str) and re.sub(r"<[^>]+>", "", html).strip():
                headings = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, flags=re.S)
                ends = re.search(r"</h[1-6]>\s*(?:</div>\s*)*$", html) is not None
                if headings:
                    numbers.heading = unescape(re.sub(r"<[^>]+>", "", headings[-1])).strip()
                numbers.under = bool(headings) and ends


def number_figures(parts, first: int, say) -> int:
    """Number only the charts among ``parts`` from ``first`` (:func:`number_parts`); returns the next number."""
    numbers = Numbering(figure=first)
    for part in parts:
        if part is not None and hasattr(part, "savefig"):
            number_parts([part], numbers, say)
    return numbers.figure


def full_stop(text: str) -> str:
    """A caption ended as a sentence: a full stop, unless it ends in one already or in a question's mark
    (a question quoted at its end: ``… ”Hur mår du?”``, not ``… ”Hur mår du?”.``)."""
    text = text.rstrip()
    return text if re.search(r"[.?!][”“\"’]?$", text) else text + "."


# The resolution a chart is embedded at: the pixels per inch of the page it is printed on. A chart is drawn at the
# width it is printed at (16 cm, plots.WIDTH), so 220 dpi gives it 1386 pixels across, the 220 ppi that Word prints
# pictures at by default and keeps them at when it compresses them; at 150 dpi (945 pixels) the 8-point text of its
# axes printed soft, in the PDF and in Word. (Higher is no sharper on Word's default; 300 dpi makes each chart a third
# larger again for no change a reader sees. SVG, sharp at any size, took WeasyPrint seconds per report to lay out
# and Word cannot take it from the page.)
CHART_DPI = 220


def figure_html(fig, dpi: int = CHART_DPI, alt: str | None = None) -> str:
    """A matplotlib figure as an embedded PNG ``<img>`` with an alternative text; closes the figure.

    The alternative text is ``alt``, else the one the chart function attached (what the chart shows
    and its key numbers, :func:`evaltools.present.plots.alt_text`), else the figure's titles and axis labels.
    The PNG is opaque RGB: the PDF printer then stores it as one image instead of an image plus a
    transparency mask.
    """
    import base64
    import io

    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image
    fig.set_dpi(dpi)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(physical=True), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buf = io.BytesIO()
    # (its resolution written in it, so that Word's Reset Picture gives it its printed size; compressed a tenth smaller
    # than at level 3, for some 0.01 s a chart)
    image.convert("RGB").save(buf, format="PNG", compress_level=6, dpi=(dpi, dpi))
    if alt is None:
        alt = getattr(fig, "et_alt", None)
    if alt is None:
        titles = [ax.get_title(loc=loc) for ax in fig.axes for loc in ("left", "center") if ax.get_title(loc=loc)]
        titles += [label for ax in fig.axes for label in (ax.get_xlabel(), ax.get_ylabel()) if label]
        alt = "; ".join(t_.replace("\n", " ") for t_ in titles) or "Diagram"
    width_in = fig.get_figwidth()
    tall = min(width_in * 25.4, PRINTED_TEXT_MM) * fig.get_figheight() / width_in > TALL_FIGURE_MM
    caption = getattr(fig, "et_caption", None)  # (its number in the report, :func:`number_figures`)
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return render("figure.html.j2", alt=alt, width_in=width_in, data=data, caption=caption, tall=tall)


# A chart printed taller than this (in mm) is tall: a section's heading and opening text do not wait for it at
# the foot of a page, but stay where they are while the chart moves to the next page (the print rules), since
# heading, text and chart together leave most of a page empty when they do not fit (the participants' chart,
# some 110 mm). About a third of the printed page's text area (259 mm); the chart is printed at its own width
# up to the text's width, PRINTED_TEXT_MM (A4 less the margins and the body's padding), its height in proportion.
TALL_FIGURE_MM, PRINTED_TEXT_MM = 90, 170


def shown_text(obj) -> str:
    """The words a shown part puts before a reader: a paragraph block's heading and paragraphs, a
    table's caption, column names, cells and notes, a chart's alternative text, an HTML block's text
    without its tags (what :class:`evaltools.present.report.Report` keeps of each section it shows)."""
    if obj is None:
        return ""
    if isinstance(obj, Text):
        return "\n".join([obj.heading or "", *map(str, obj.paragraphs)])
    if isinstance(obj, Table):
        frame = obj.frame
        return "\n".join([obj.caption, *map(str, frame.columns), *frame.astype(str).to_numpy().ravel(), *obj.notes])
    if hasattr(obj, "savefig"):
        return "\n".join(t_ for t_ in (getattr(obj, "et_caption", ""), getattr(obj, "et_alt", "")) if t_)
    html = obj if isinstance(obj, str) else getattr(obj, "data", None)
    return re.sub(r"<[^>]+>", " ", html) if isinstance(html, str) else ""


def show(*objs) -> None:
    """Show a section's parts as one HTML block, so a heading stays with what follows it in print."""
    from IPython.display import HTML, display
    parts = []
    for o in objs:
        if o is None:
            continue
        if hasattr(o, "savefig"):
            parts.append(figure_html(o))
        elif hasattr(o, "_repr_html_"):
            parts.append(markup(o._repr_html_()))
        else:
            parts.append(render("text.html.j2", heading=None, level=2, css="", paragraphs=[str(o)]))
    display(HTML(render("block.html.j2", parts=[markup(p) for p in parts])))



_display = show  # the name the sections used before
