"""The questionnaire chart: a diverging stacked bar per question for one round of respondents.

The standard chart for answers on an agreement scale: each question is one bar of 100 % of the
answers on its scale, the negative answers stacked to the left of zero and the positive ones to the
right, a middle answer (on a scale with an odd number of steps) split half on each side. The
positive end is always on the right (a question whose low end is positive is turned round), and
"don't know" and unanswered questions are left out of the bar (the section counts them). An answer
count the small-count rule hides (``<5`` or ``..`` in the table) has no segment of its own: where every
hidden answer lies on one side, they are one grey hatched segment at that side's end (its width is the
answers on the scale less those shown, which the table gives too); where they lie on both sides or in
the middle, where a segment would tell how the hidden answers split, the question has no bar and says
so. Each drawn segment prints its share in per cent where the number fits inside it (from about
:data:`SEGMENT_LABEL_MIN` of the answers; the axis says the numbers are per cent), and each question
says beside its bar how many answered it on its scale ("60 svarande"), in the size and colour of the
questions' words. The chart follows :mod:`evaltools.present.plots`: the page width, the style, the
Swedish number format and an alternative text with the key numbers.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter

from ..data.privacy import is_suppressed
from ..data.survey import Question
from ..words.formats import fmt_int, fmt_pct
from ..words.text import join, msg
from .plots import WIDTH, _alt, _fig

# the colours of the steps on each side, from the end of the scale towards the middle: orange for
# the negative side, blue for the positive (the report's two colours), darkest at the ends; grey middle
_SIDE = {1: ("#e07b00",), 2: ("#c25e00", "#f5b971"), 3: ("#a14400", "#e07b00", "#f5b971"),
         4: ("#a14400", "#e07b00", "#f5b971", "#fbd9b0"), 5: ("#7a3300", "#a14400", "#e07b00", "#f5b971", "#fbd9b0")}
_SIDE_POSITIVE = {1: ("#1f5f8b",), 2: ("#1f5f8b", "#9ecae1"), 3: ("#123d5c", "#1f5f8b", "#9ecae1"),
                  4: ("#123d5c", "#1f5f8b", "#5b95c2", "#c6dbef"),
                  5: ("#0b2a40", "#123d5c", "#1f5f8b", "#5b95c2", "#c6dbef")}
_MIDDLE = "#d0d0d0"
# the hidden answers of a question (counts under the privacy threshold): one hatched grey segment
_HATCH: dict = {"facecolor": "#f2f2f2", "edgecolor": "#888888", "hatch": "////", "linewidth": 0.5}
# a segment's share is printed in it from this share of the answers on, where its number fits
SEGMENT_LABEL_MIN = 0.08
SEGMENT_FONT = 6.0
QUESTION_FONT = 7.5  # the questions' words and the respondents beside each bar


def _dark(colour: str) -> bool:
    """Whether a segment's colour is dark enough for a white number on it (relative luminance under 0,4)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2] < 0.4


def _segment_labels(fig, ax, labels: list[tuple[float, float, float, str, str]]) -> None:
    """Print each segment's share (``(centre, y, width, text, segment colour)``) in it where the number fits
    inside the segment with a little room, once the figure has its final size; the others are left out."""
    renderer = fig.canvas.get_renderer()
    for x, y, width, text, ground in labels:
        colour = "white" if _dark(ground) else "#1d1d1d"
        # (on its segment's own colour, so that the zero line through a middle segment does not cross the number)
        t = ax.text(x, y, text, ha="center", va="center", fontsize=SEGMENT_FONT, color=colour, zorder=5,
                    bbox={"facecolor": ground, "edgecolor": "none", "pad": 0.4})
        left, right = ax.transData.transform([(x - width / 2, y), (x + width / 2, y)])[:, 0]
        if t.get_window_extent(renderer).width > (right - left) - fig.dpi / 72:  # (half a point of room each side)
            t.remove()


def step_colours(steps: int) -> list[str]:
    """One colour per step from the negative end to the positive end (a scale of up to 11 steps)."""
    half = steps // 2
    neg = list(_SIDE[half]) if half else []
    pos = list(reversed(_SIDE_POSITIVE[half])) if half else []
    return neg + ([_MIDDLE] if steps % 2 else []) + pos


def oriented_shares(q: Question, rows: pd.DataFrame) -> list[float | None]:
    """The shares of a question's steps from the negative end to the positive end; ``None`` for a
    step whose count is hidden."""
    share = dict(zip(rows["answer"], rows["share"]))
    steps = list(q.steps) if q.positive == "hög" else list(reversed(q.steps))
    return [None if is_suppressed(share.get(s)) else float(share.get(s, 0.0) or 0.0) for s in steps]


def hidden_side(shares: list[float | None]) -> int | None:
    """Where a question's hidden steps lie: 0 none, -1 all on the negative side, 1 all on the positive
    side; ``None`` when they lie on both sides or in the middle (no bar can be drawn without telling
    how they split)."""
    steps = len(shares)
    half = steps // 2
    hidden = [j for j, s in enumerate(shares) if s is None]
    if not hidden:
        return 0
    if all(j < half for j in hidden):
        return -1
    if all(j >= half + steps % 2 for j in hidden):
        return 1
    return None


def drawable(q: Question, rows: pd.DataFrame) -> bool:
    """Whether a question has a bar in the chart: its hidden steps, if any, lie all on one side
    (``rows`` are the question's rows of the round's distribution)."""
    return hidden_side(oriented_shares(q, rows)) is not None


def oriented_labels(q: Question, lang: str) -> list[str]:
    labels = list(q.labels(lang))
    return labels if q.positive == "hög" else list(reversed(labels))


# the scale's steps in the legend, side by side in this many columns (five labels in one row run past the chart)
LEGEND_COLUMNS = 3


def legend_row_order(items: list, ncol: int) -> list:
    """``items`` (the scale's steps, negative end first) in the order that makes matplotlib, which fills
    a legend's columns one after another, show them row by row: the way a reader reads the legend.
    With five steps in three columns, ``[0, 3, 1, 4, 2]``, so that the rows read 'Mycket dåligt, Dåligt,
    Någorlunda' and 'Bra, Mycket bra' (filled column by column they read 'Mycket dåligt, Någorlunda,
    Mycket bra' over 'Dåligt, Bra')."""
    return [items[i] for c in range(ncol) for i in range(c, len(items), ncol)]


def _on_scale(rows: pd.DataFrame) -> int:
    """A question's answers on its scale: its steps' counts, shown or hidden (the table's shown counts
    divided by their shares give it as well)."""
    steps = rows[rows["answer"].map(lambda a: isinstance(a, (int, np.integer)))]
    shown = steps[~steps["n"].map(is_suppressed)]
    if len(shown) and (shown["share"].astype(float) > 0).any():
        first = shown[shown["share"].astype(float) > 0].iloc[0]
        return int(round(float(first["n"]) / float(first["share"])))
    return int(pd.to_numeric(steps["n"], errors="coerce").fillna(0).sum())


def plot_survey(questions: list[Question], dist: pd.DataFrame, respondents: int, group: str,
                lang: str = "sv", ax=None, k: int = 5):
    """A diverging stacked bar per question for one round.

    Parameters
    ----------
    questions
        The questions to draw, in order; they share one scale (one legend).
    dist
        The round's rows of :attr:`evaltools.analysis.survey.SurveyResult.table` (a hidden round
        never reaches here).
    respondents
        The round's respondents, for the alternative text.
    group
        The round's name as the report says it ("Personal 2025").
    k
        The privacy threshold, for the hidden answers' legend ("färre än 5").
    """
    n_q = len(questions)
    fig, (ax,) = _fig(ax, 0.55 + 0.42 * n_q + 0.45)  # (resized below, once the legend's rows are known)
    steps = len(questions[0].steps)
    colours = step_colours(steps)
    labels = oriented_labels(questions[0], lang)
    alt_parts = []
    labels_in: list[tuple[float, float, float, str, str]] = []
    beside: list = []  # the respondents beside each bar
    hatch_drawn = False
    for i, q in enumerate(questions):
        rows = dist[dist["question"] == q.code]
        shares = oriented_shares(q, rows)
        side = hidden_side(shares)
        y = n_q - 1 - i
        on_scale = _on_scale(rows)
        said_n = msg("plot.survey_n", lang, n=fmt_int(on_scale, lang))
        beside.append(ax.text(1.02, y, said_n, va="center", fontsize=QUESTION_FONT, transform=ax.get_yaxis_transform()))
        if side is None:  # hidden answers on both sides: no bar, a word at its place
            ax.text(0, y, msg("plot.survey_not_drawn", lang), ha="center", va="center", fontsize=7, color="#444444",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
            alt_parts.append(msg("plot.survey_question_hidden", lang, question=q.wording(lang), k=str(k)))
            continue
        gap = max(0.0, 1.0 - sum(s for s in shares if s is not None))  # the hidden answers together
        half = steps // 2
        middle = (shares[half] or 0.0) if steps % 2 else 0.0
        negative = sum(s for s in shares[:half] if s is not None) + (gap if side == -1 else 0.0)
        positive = sum(s for s in shares[half + (steps % 2):] if s is not None) + (gap if side == 1 else 0.0)
        left = -(negative + middle / 2)
        segments: list[tuple[float, str | None]] = [(s, c) for s, c in zip(shares, colours) if s is not None]
        hatch: list[tuple[float, str | None]] = [(gap, None)]
        segments = (hatch if side == -1 else []) + segments + (hatch if side == 1 else [])
        for s, c in segments:
            if c is None:
                ax.barh(y, s, left=left, height=0.62, **_HATCH)
                hatch_drawn = True
            else:
                ax.barh(y, s, left=left, color=c, edgecolor="white", linewidth=0.5, height=0.62)
                if s >= SEGMENT_LABEL_MIN:  # (per cent, as the axis says; printed where it fits, below)
                    labels_in.append((left + s / 2, y, s, fmt_int(100 * s, lang), c))
            left += s
        alt_parts.append(msg("plot.survey_question", lang, question=q.wording(lang), n=said_n,
                             positive=fmt_pct(positive, lang, 0), negative=fmt_pct(negative, lang, 0),
                             middle=fmt_pct(middle, lang, 0)) if steps % 2 else
                         msg("plot.survey_question_even", lang, question=q.wording(lang), n=said_n,
                             positive=fmt_pct(positive, lang, 0), negative=fmt_pct(negative, lang, 0)))
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.xaxis.set_major_locator(FixedLocator([-1, -0.5, 0, 0.5, 1]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_pct(abs(v), lang, 0)))
    ax.set_ylim(-0.6, n_q - 0.4)  # (every row, a question without a bar too: its words sit in its row)
    ax.set_yticks(range(n_q))
    ax.set_yticklabels([textwrap.fill(q.wording(lang), 42) for q in reversed(questions)], fontsize=7.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(textwrap.fill(msg("plot.survey_axis", lang), 55))  # (under the bars, not the labels)
    # every step in the legend, drawn or not (the first question's may be hidden), and the hidden answers
    handles: list = [Patch(color=c) for c in colours] + ([Patch(**_HATCH)] if hatch_drawn else [])
    texts = list(labels) + ([msg("plot.survey_hidden", lang, k=str(k))] if hatch_drawn else [])
    handles, texts = legend_row_order(handles, LEGEND_COLUMNS), legend_row_order(texts, LEGEND_COLUMNS)
    rows_of_legend = -(-len(handles) // LEGEND_COLUMNS)
    below = 0.78 + 0.2 * rows_of_legend  # the axis, its label (two lines) and the legend
    height = 0.25 + 0.42 * n_q + below
    fig.set_size_inches(WIDTH, height)
    fig.legend(handles, texts, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=LEGEND_COLUMNS, fontsize=7,
               handlelength=1.2, columnspacing=1.2)
    # the bars end where the respondents beside them still fit on the page ("212 respondents" is longer than "212 svarande")
    renderer = fig.canvas.get_renderer()
    widest = max(t.get_window_extent(renderer).width for t in beside) / fig.dpi
    right = min(0.9, 1 - (widest + 0.15) / WIDTH)
    fig.subplots_adjust(left=0.42, right=right, top=1 - 0.1 / height, bottom=below / height)
    _segment_labels(fig, ax, labels_in)
    _alt(fig, lang, "plot.alt.survey", alt_parts, group=group.lower(), n=fmt_int(respondents, lang))
    # its caption names the round and the questions: a round whose questions have different scales has one
    # chart per scale, and the charts' captions must tell them apart
    fig.et_what = (msg("plot.survey_caption", lang, group=group, questions=join([msg("plot.quoted", lang, text=q.wording(lang))
                                                                                  for q in questions], lang))
                   if n_q <= SURVEY_CAPTION_QUESTIONS else
                   msg("plot.survey_caption_many", lang, group=group, n=fmt_int(n_q, lang),
                       first=msg("plot.quoted", lang, text=questions[0].wording(lang))))
    return fig


# a chart of at most this many questions names them all in its caption; a longer one names the first and the number
SURVEY_CAPTION_QUESTIONS = 3
