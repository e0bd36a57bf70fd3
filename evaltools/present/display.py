"""How report parts are shown: tables, paragraphs and charts as HTML blocks in a notebook.

Every text is escaped here; sections hand over plain strings.
"""
from __future__ import annotations

import html
import re

import pandas as pd

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_UNIT_SPACE = re.compile(r"(?<=\d) (?=%|kr\b)")


def keep_units(text: str) -> str:
    """``text`` with a non-breaking space between a number and its % or kr, so that a line never
    breaks between them (project-given text such as a goal label or a budget line keeps a plain one)."""
    return _UNIT_SPACE.sub("\u00a0", text)


def _escape(text: object) -> str:
    return html.escape(keep_units(str(text)))


def _cell(value: object) -> str:
    """Escaped cell text; ISO dates never break at their hyphens, nor a number before its unit."""
    return _ISO_DATE.sub(r"<span class='nw'>\1</span>", _escape(value))


class Table:
    """A display-ready table: formatted cells, a caption and notes; renders as HTML in a notebook.

    With ``group`` (a column name), rows are shown in groups under a full-width heading row with
    that column's value, and the column itself is not repeated on every row: a long goal label,
    say, reads once above its periods instead of squeezing every other column.
    """

    def __init__(self, frame: pd.DataFrame, caption: str = "", notes: tuple[str, ...] = (), numeric: tuple[str, ...] = (),
                 group: str | None = None):
        self.frame = frame
        self.caption = caption
        self.notes = notes
        self.numeric = set(numeric)
        self.group = group if group in frame.columns else None

    def _row(self, columns, row) -> str:
        cells = "".join(f"<td class='{'num' if c in self.numeric else 'txt'}'>{_cell(v)}</td>" for c, v in zip(columns, row))
        return f"<tr>{cells}</tr>"

    def _repr_html_(self) -> str:
        columns = [c for c in self.frame.columns if c != self.group]
        head = "".join(f"<th scope='col' class='{'num' if c in self.numeric else 'txt'}'>{_escape(c)}</th>"
                       for c in columns)
        if self.group is None:
            bodies = ["<tbody>" + "".join(self._row(columns, row) for row in self.frame.itertuples(index=False)) + "</tbody>"]
        else:
            bodies = []
            rows = self.frame[columns]
            keys = self.frame[self.group].astype(str)
            starts = [i for i in range(len(keys)) if i == 0 or keys.iloc[i] != keys.iloc[i - 1]] + [len(keys)]
            for a, b in zip(starts[:-1], starts[1:]):
                label = (f"<tr class='et-group'><th scope='rowgroup' colspan='{len(columns)}'>"
                         f"{_escape(keys.iloc[a])}</th></tr>")
                bodies.append("<tbody>" + label + "".join(self._row(columns, row)
                                                          for row in rows.iloc[a:b].itertuples(index=False)) + "</tbody>")
        cap = f"<caption>{_escape(self.caption)}</caption>" if self.caption else ""
        notes = "".join(f"<p class='et-note'>{_escape(n)}</p>" for n in self.notes)
        return f"<table class='et-table'>{cap}<thead><tr>{head}</tr></thead>{''.join(bodies)}</table>{notes}"


class Text:
    """Paragraphs (and an optional heading) rendered as HTML."""

    def __init__(self, paragraphs: list[str], heading: str | None = None, level: int = 2, css: str = ""):
        self.paragraphs, self.heading, self.level, self.css = paragraphs, heading, level, css

    def _repr_html_(self) -> str:
        cls = f" class='{self.css}'" if self.css else ""  # (the heading too: page 1's questions are set tighter)
        out = f"<h{self.level}{cls}>{_escape(self.heading)}</h{self.level}>" if self.heading else ""
        return out + "".join(f"<p{cls}>{_escape(p)}</p>" for p in self.paragraphs)

    def __repr__(self) -> str:
        return "\n".join(([self.heading] if self.heading else []) + self.paragraphs)


def figure_html(fig, dpi: int = 150, alt: str | None = None) -> str:
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
    image.convert("RGB").save(buf, format="PNG", compress_level=3)
    if alt is None:
        alt = getattr(fig, "et_alt", None)
    if alt is None:
        titles = [ax.get_title(loc=loc) for ax in fig.axes for loc in ("left", "center") if ax.get_title(loc=loc)]
        titles += [label for ax in fig.axes for label in (ax.get_xlabel(), ax.get_ylabel()) if label]
        alt = "; ".join(t_.replace("\n", " ") for t_ in titles) or "Diagram"
    alt = html.escape(alt, quote=True)
    width_in = fig.get_figwidth()
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f"<figure class='et-fig'><img alt=\"{alt}\" style='width:{width_in:.2f}in;max-width:100%' "
            f"src='data:image/png;base64,{data}'></figure>")


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
            parts.append(o._repr_html_())
        else:
            parts.append(f"<p>{html.escape(str(o))}</p>")
    display(HTML("<div class='et-block'>" + "".join(parts) + "</div>"))



_display = show  # the name the sections used before
