"""Charts for reports and notebooks, in one consistent style sized for an A4 page.

Every function takes a result object, draws on ``ax`` if given (else a new figure) and returns
the figure. A new figure is not left open in pyplot: a notebook shows the returned figure once
(not a second time when the cell ends), and ``fig.savefig("chart.png", dpi=200)`` saves it for a
memo. Suppressed counts (``"<5"``) are never drawn as values; they are marked instead.

Each figure carries its alternative text in ``fig.et_alt`` (see :func:`alt_text`): what the chart
shows and its key numbers in the report's language, built from the same results it draws, for
readers who cannot see it (the HTML ``alt`` attribute and the tagged PDF's ``/Alt``).
"""
from __future__ import annotations

import dataclasses
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..data.schema import OUTCOME
from ..words.formats import without_emoji
from ..words.labels import code_label, fmt_kr, fmt_num, fmt_pct, marked_goal_label, period_name, t, who as who_of
from ..data.privacy import DEFAULT_MIN_COUNT, SECONDARY, is_suppressed, suppressed_label
from ..words.text import join, msg
from ..words.glossary import measure_term, name as term_name, share_label
from ..words.assumptions import end_text, label as assumption_label
from ..analysis.goals import HIDDEN_SMALL, GoalStatus
from ..words.verdicts import status_words
from ..words.formats import fmt_p, fmt_probability
from ..words.breakdowns import group_label, labelled

WIDTH = 6.3  # inches: the text width of an A4 page with 2 cm margins
BLUE, ORANGE, GREY, GREEN, RED = "#1f5f8b", "#e07b00", "#8a8a8a", "#2e7d32", "#c62828"
# a value that is not an outturn (a running period's so far, an application's expected): a lighter blue, hatched
LIGHT_BLUE = "#7fa7c4"

STYLE = {
    "font.family": "DejaVu Sans", "font.size": 8.5, "axes.titlesize": 9.5, "axes.titleweight": "bold",
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.color": "#e5e5e5",
    "grid.linewidth": 0.6, "axes.axisbelow": True, "legend.frameon": False, "figure.dpi": 150,
    # labels are the evaluator's text: "$1200 och $300" is money, never TeX math to parse
    "text.parse_math": False,
}


def alt_text(fig) -> str | None:
    """The alternative text a chart function attached to ``fig`` (None for other figures)."""
    return getattr(fig, "et_alt", None)


def _alt(fig, lang: str, key: str, parts: list[str] | None = None, **values):
    """Attach the alternative text: the catalog's sentence ``key`` on what the chart shows, then
    its key numbers."""
    for text in fig.findobj(Text):  # (a label the project wrote with an emoji prints an empty box without an emoji font)
        if (said := text.get_text()) and (plain := without_emoji(said)) != said:
            text.set_text(plain)
    lead = msg(key, lang, **values)
    fig.et_alt = " ".join([lead.rstrip(".") + "."] + [p_.rstrip(".") + "." for p_ in (parts or []) if p_])
    fig.et_what = lead.rstrip(".")  # what the chart shows, without its numbers: its caption's words
    return fig


def _shown(v, lang: str, fmt) -> str:
    """A value as a reader hears it: hidden values say so instead of a mark."""
    if isinstance(v, str) and v.startswith("<"):
        return msg("plot.fewer_than", lang, n=v[1:])
    if isinstance(v, str) or v is None or (isinstance(v, float) and np.isnan(v)):
        return msg("plot.hidden", lang)
    return fmt(v)


def _subplots(*args, **kwargs):
    """``plt.subplots``, but the figure is closed in pyplot at once: it is the caller's to show or
    save, and Jupyter's inline backend does not draw it a second time at the end of the cell."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig, axes = plt.subplots(*args, **kwargs)
    plt.close(fig)
    FigureCanvasAgg(fig)  # closing leaves a bare canvas; an Agg one still measures, draws and saves
    return fig, axes


def _fig(ax, height: float, ncols: int = 1):
    plt.rcParams.update(STYLE)
    if ax is not None:
        return ax.figure, [ax]
    fig, axes = _subplots(1, ncols, figsize=(WIDTH, height), squeeze=False)
    return fig, list(axes[0])


def _fit(fig, ax, title=None, pad: float = 0.06) -> None:
    """Set the margins of a one-panel figure from the size of its labels.

    Does what ``tight_layout`` does for a single panel, but measures only the tick labels, axis
    labels and ``title`` (the text ``set_title`` returned) instead of every artist, which takes a
    fraction of the time.
    """
    if len(fig.axes) > 1:  # a caller's figure with several panels
        fig.tight_layout()
        return
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    width, height = fig.get_size_inches()

    def size(texts) -> tuple[float, float]:
        boxes = [t_.get_window_extent(renderer) for t_ in texts if t_.get_visible() and t_.get_text()]
        return (max((b.width for b in boxes), default=0.0) / dpi, max((b.height for b in boxes), default=0.0) / dpi)

    tick_pad = (plt.rcParams["xtick.major.size"] + plt.rcParams["xtick.major.pad"]) / 72
    yw, _ = size(ax.get_yticklabels())
    xw, xh = size(ax.get_xticklabels())
    ylabel_w = size([ax.yaxis.label])[1] if ax.get_ylabel() else 0.0  # rotated: its height is its width
    xlabel_h = size([ax.xaxis.label])[1] if ax.get_xlabel() else 0.0
    title_h = size([title])[1] if title is not None else 0.0
    left = pad + ylabel_w + (0.05 if ylabel_w else 0) + yw + (tick_pad if yw else 0)
    # an x tick label is centred on its tick: without y labels the first ("−3 000 000") would reach past
    # the figure's left edge and lose its minus sign, as the last would past the right edge
    left = max(left, pad + xw / 2)
    if title is not None:  # a title set at the axes' left edge that would run past the figure's right edge wraps
        tw = size([title])[0]
        room = width - left - pad
        if tw > room > 0:
            text = title.get_text()
            title.set_text(textwrap.fill(text, max(20, int(len(text) * room / tw))))
            title_h = size([title])[1]
    right = pad + xw / 2
    if xlabel_h:  # an axis label wider than the axes (centred under them) would run past the figure's edges: it wraps
        lw = size([ax.xaxis.label])[0]
        room = width - left - right
        if lw > room > 0:
            text = ax.get_xlabel()
            ax.set_xlabel(textwrap.fill(text, max(20, int(len(text) * room / lw))))
            xlabel_h = size([ax.xaxis.label])[1]
    bottom = pad + xlabel_h + (0.04 if xlabel_h else 0) + xh + (tick_pad if xh else 0)
    top = pad + (title_h + 0.08 if title_h else 0)
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height)


def _wrap_titles(fig, axes) -> bool:
    """Wrap each axes' left-set title that is wider than its axes, so that it never runs into the title of
    the panel beside it; True where one was wrapped (the layout then needs fitting again)."""
    renderer = fig.canvas.get_renderer()
    wrapped = False
    for ax in axes:
        text = ax.get_title(loc="left")
        if not text:
            continue
        title = ax.set_title(text, loc="left")  # (the title's artist, its text unchanged)
        room, width = ax.get_window_extent(renderer).width, title.get_window_extent(renderer).width
        if width > room > 0:
            title.set_text(textwrap.fill(text, max(10, int(len(text) * room / width))))
            wrapped = True
    return wrapped


def _kr_axis(ax, lang: str, axis: str = "y") -> None:
    f = FuncFormatter(lambda v, _: fmt_num(v, 0, lang))
    a = ax.yaxis if axis == "y" else ax.xaxis
    a.set_major_formatter(f)
    if axis == "x":  # amounts such as "1 500 000" are wide: few ticks keep them apart
        a.set_major_locator(MaxNLocator(nbins=4))


def _pct_axis(ax, lang: str, axis: str = "y", ticks: tuple[float, ...] | None = None) -> None:
    f = FuncFormatter(lambda v, _: fmt_pct(v, lang, 0))
    a = ax.yaxis if axis == "y" else ax.xaxis
    if ticks is not None:
        a.set_ticks(list(ticks))
    a.set_major_formatter(f)


def _hidden_mark(row, k: int) -> str:
    """What a goal period the small-count rule hides shows instead of its value: "<k" or ".."
    (as the goal table); empty for a period that is shown."""
    code = getattr(row, "suppression", "")
    if not code or (isinstance(code, float) and np.isnan(code)):
        return ""
    return suppressed_label(k) if code == HIDDEN_SMALL else SECONDARY


def goal_title(rows: pd.DataFrame, lang: str = "sv") -> str:
    """A goal's name in its panel of the goal chart, marked as the goal table marks it when the goal is not
    the application's ("(slutrapportens förslag)", "(utvärderarens mål)"): the chart showed Vägen ut's two
    share goals proposed by the final report as if they were the application's, beside the two that are."""
    label, source = rows["label"].iloc[0], rows["source"].iloc[0] if "source" in rows else "ansökan"
    return marked_goal_label(label, source, lang)


def result_lang(lang: str | None, result: object) -> str:
    """The language a chart of ``result`` speaks: the one asked for, else that of the project the result was computed
    for (its display context: ``et.compare_payments(project)`` of an English project draws in English), else Swedish."""
    return lang or getattr(getattr(result, "context", None), "lang", None) or "sv"


def plot_goals(assessment, lang: str | None = None, ax=None, min_count: int | None = None, since: dict | None = None):
    """One small panel per quantitative goal: result per period against its target. A period still
    running is drawn hatched (a share: an open point) and named in the legend with the goal table's
    word for it; the text alternative gives each period's status in the same words. A period the
    small-count rule hides (:func:`evaltools.analysis.goals.hide_small_periods`) has no bar or point,
    only its mark ("<5" or "..") at the foot of the axis, and its text alternative says it in words."""
    lang = result_lang(lang, assessment)
    k = min_count if min_count is not None else getattr(getattr(assessment, "context", None), "min_count", DEFAULT_MIN_COUNT)
    tab = assessment.table[~assessment.table["kind"].isin(("qualitative", "context"))]
    # an ex-ante check draws what the application expects, never an outcome
    ex_ante = bool(len(tab)) and bool((tab["mode"] == "ex_ante").all())
    # a goal the application's volumes cannot be compared with has no expected value in any period: no empty
    # panel of targets alone (the goal table says why), and the text alternative says the others are drawn
    compared = tab.groupby("goal_id", sort=False)["value"].transform(lambda v: v.notna().any()).astype(bool)
    some_left_out = ex_ante and not compared.all()
    tab = tab[compared] if ex_ante else tab
    goals = list(dict.fromkeys(tab["goal_id"]))
    if not goals:
        return None
    ncols = min(len(goals), 2)
    nrows = int(np.ceil(len(goals) / ncols))
    plt.rcParams.update(STYLE)
    fig, axes = _subplots(nrows, ncols, figsize=(WIDTH, 2.5 * nrows), squeeze=False)
    value_label = t("expected_by_application" if ex_ante else "value", lang)
    for ax_, gid in zip(axes.ravel(), goals):
        g = tab[tab["goal_id"] == gid]
        x = np.arange(len(g))
        labels = [period_name(k, lang, (since or {}).get(gid)) for k in g["period_key"]]
        running = g["running"].fillna(False).to_numpy(bool)
        if g["kind"].iloc[0] == "share":
            v = g["value"].to_numpy(float)
            ax_.errorbar(x, v, yerr=_ci_err(v, g["ci_low"], g["ci_high"]), fmt="none", color=BLUE, capsize=4,
                         clip_on=False)  # a share of 0 % or 100 % is drawn whole
            for xi, vi, run in zip(x, v, running):
                ax_.plot([xi], [vi], "o", color=BLUE, mfc="white" if run else BLUE, clip_on=False)
            if g["target"].nunique() > 1:  # a target per year (targets:): each period's own, beside its point
                ax_.hlines(g["target"].to_numpy(float), x - 0.4, x + 0.4, color=ORANGE, ls="--", lw=1.2,
                           label=t("target", lang))
            else:
                ax_.axhline(g["target"].iloc[0], color=ORANGE, ls="--", lw=1.2, label=t("target", lang))
            ax_.set_ylim(0, 1)
            ax_.set_xlim(-0.5, len(g) - 0.5)  # points clear of the axis, as the bars are
            for xi, row in zip(x, g.itertuples(index=False)):
                if mark := _hidden_mark(row, k):
                    ax_.annotate(mark, (xi, 0), ha="center", va="bottom", fontsize=8, xytext=(0, 3),
                                 textcoords="offset points")
            _pct_axis(ax_, lang)
        else:
            bars = ax_.bar(x, g["value"].to_numpy(float), color=BLUE, width=0.55, label=value_label)
            for bar, run in zip(bars, running):
                if run:  # a running period: the value so far, not judged
                    bar.set_facecolor(LIGHT_BLUE)
                    bar.set_hatch("///")
                    bar.set_edgecolor("white")
            ax_.scatter(x, g["target_prorated"].to_numpy(float), marker="_", s=900, color=ORANGE, lw=2,
                        label=t("target_prorated", lang), zorder=3)
            ax_.margins(y=0.15)  # room above the highest bar for its label, below the panel's title
            low, high = ax_.get_ylim()
            if low > 0:  # every period hidden, only the targets drawn: the axis still starts at 0 persons,
                ax_.set_ylim(0, high * 1.15)  # where the marks for the hidden periods stand
            ax_.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of persons: no 7.25 ticks
            top = ax_.get_ylim()[1]
            for xi, v, target, row, run in zip(x, g["value"], g["target_prorated"], g.itertuples(index=False), running):
                if mark := _hidden_mark(row, k):
                    ax_.annotate(mark, (xi, 0), ha="center", va="bottom", fontsize=8, xytext=(0, 3),
                                 textcoords="offset points")
                if np.isnan(v):
                    continue
                # a label above the bar would sit on a target mark just above it: put it inside the bar,
                # or above the mark when the bar is too short to hold it or is a running period's (white
                # figures on its white hatching cannot be read)
                clash = not np.isnan(target) and 0 <= target - v < 0.1 * top
                inside = clash and v > 0.15 * top and not run
                ax_.annotate(fmt_num(v, 0, lang), (xi, target if clash and not inside else v), ha="center",
                             va="top" if inside else "bottom", fontsize=8, xytext=(0, -2 if inside else 3),
                             textcoords="offset points", color="white" if inside else "black")
        ax_.set_xticks(x, labels, fontsize=7.5)
        # a panel is about 2.6 in wide when there are two: 38 characters at 8 pt fit
        ax_.set_title(_wrap(goal_title(g, lang), 38 if ncols == 2 else 80, lines=4), fontsize=8, loc="left")
    for ax_ in axes.ravel()[len(goals):]:
        ax_.set_visible(False)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    # "the target for the time run" only where a period's target was pro-rated (a period cut short or
    # still running); elsewhere the mark is simply the target
    counts = tab[(tab["kind"] != "share") & tab["goal_id"].isin(goals)]
    prorated = bool((counts["target_prorated"].notna() & (counts["target_prorated"] != counts["target"])).any())
    target_label = msg("plot.goal_target_prorated", lang) if prorated else t("target", lang)
    from matplotlib.legend_handler import HandlerTuple  # (the legend's marks only: drawn once, at the end)
    # each mark in the legend as the panels draw it: a count's result a bar, a share's a point with its interval,
    # a count's target a short solid line, a share's a dashed one; where both kinds are drawn, both side by side
    drawn = tab[tab["goal_id"].isin(goals)]
    shares, counts_drawn = bool((drawn["kind"] == "share").any()), bool((drawn["kind"] != "share").any())
    runs = drawn["running"].fillna(False).astype(bool)
    value_marks: list = []
    target_marks: list = []
    running_marks: list = []
    if counts_drawn:
        value_marks.append(Patch(facecolor=BLUE))
        target_marks.append(Line2D([], [], color=ORANGE, lw=2))
        if (runs & (drawn["kind"] != "share")).any():
            running_marks.append(Patch(facecolor=LIGHT_BLUE, hatch="///", edgecolor="white"))
    if shares:
        value_marks.append(Line2D([], [], color=BLUE, marker="o", ls="none"))
        target_marks.append(Line2D([], [], color=ORANGE, lw=1.2, ls="--"))
        if (runs & (drawn["kind"] == "share")).any():
            running_marks.append(Line2D([], [], color=BLUE, marker="o", mfc="white", ls="none"))
    marks = [(value_marks, value_label), (target_marks, target_label)]
    if running_marks:
        marks.append((running_marks, status_words(GoalStatus.RUNNING, lang)))
    handles = [m[0] if len(m) == 1 else tuple(m) for m, _ in marks]
    fig.legend(handles=handles, labels=[label for _, label in marks], loc="lower center", ncol=len(handles),
               fontsize=7.5, bbox_to_anchor=(0.5, 0.0), handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6)})
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    parts = []
    for gid in goals:
        g = tab[tab["goal_id"] == gid]
        items = []
        for r in g.itertuples():
            period = period_name(r.period_key, lang, (since or {}).get(gid))
            if r.kind == "share":
                mark = _hidden_mark(r, k)  # (said in words, as every chart's text alternative says a hidden value)
                value = _shown(mark, lang, str) if mark else ("–" if np.isnan(r.value) else fmt_pct(r.value, lang))
                ci = "" if np.isnan(r.ci_low) else f" ({t('ci', lang)} {fmt_pct(r.ci_low, lang)}–{fmt_pct(r.ci_high, lang)})"
                items.append(f"{period} {value}{ci}, {t('target', lang).lower()} {fmt_pct(r.target, lang, 0)}"
                             f" ({status_words(r.status, lang).lower()})")
            else:
                mark = _hidden_mark(r, k)
                value = _shown(mark, lang, str) if mark else ("–" if np.isnan(r.value) else fmt_num(r.value, 0, lang))
                prorated = not np.isnan(r.target_prorated) and r.target_prorated != r.target
                # the target in whole persons, as the goal table shows it and the value is compared with it
                target = fmt_num(r.target_prorated, 0, lang) if not np.isnan(r.target_prorated) else "–"
                items.append(f"{period} {value}, {(t('target_prorated', lang) if prorated else t('target', lang)).lower()} "
                             f"{target} ({status_words(r.status, lang).lower()})")
        parts.append(f"{goal_title(g, lang)}: " + "; ".join(items))
    if ex_ante:
        return _alt(fig, lang, "plot.alt.goals_ex_ante_compared" if some_left_out else "plot.alt.goals_ex_ante", parts)
    return _alt(fig, lang, "plot.alt.goals", parts)


def plot_context(goal, series, params, lang: str = "sv", ax=None):
    """A context goal's municipal statistic per year, the project period shaded, the axis from zero."""
    plt.rcParams.update(STYLE)
    fig, ax_ = _subplots(1, 1, figsize=(WIDTH * 0.62, 2.3)) if ax is None else (ax.figure, ax)
    years, values = series["period"].to_numpy(int), series["value"].to_numpy(float)
    start, end = params.period.start, params.period.end
    x0 = start.year + (start.timetuple().tm_yday - 1) / 365.25
    x1 = end.year + (end.timetuple().tm_yday - 1) / 365.25
    ax_.axvspan(x0, x1, color=ORANGE, alpha=0.15, lw=0, label=msg("goals.context_axis_project", lang))
    ax_.plot(years, values, marker="o", color=BLUE, lw=1.5, clip_on=False)
    ax_.set_ylim(0, max(values.max() * 1.15, 1) if len(values) else 1)
    ax_.set_xticks(years, [str(y) for y in years], fontsize=7.5)
    unit = goal.unit_for(lang)
    ax_.set_ylabel(unit, fontsize=7.5)
    label = goal.label_for(lang)
    # (about 48 characters of 8-point bold fit the chart's width beside the axis labels; a longer name of a
    # municipal statistic takes a third line rather than run past the chart's edge)
    ax_.set_title(_wrap(label, 48, lines=3), fontsize=8, loc="left")
    ax_.legend(loc="lower left", fontsize=7, frameon=False)
    fig.tight_layout()
    points = "; ".join(f"{y}: {fmt_num(v, 0 if float(v).is_integer() else 1, lang)}" for y, v in zip(years, values))
    period = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    source = goal.series_source_en if lang == "en" and goal.series_source_en else goal.series_source
    return _alt(fig, lang, "plot.alt.context",
                [f"{label}: {points}", msg("plot.source", lang, source=source) if source else ""],
                unit=unit, period=period)


def _lower(text: str) -> str:
    """A label's name inside a sentence: its first letter in lower case."""
    return text[:1].lower() + text[1:]


def _ci_err(value, low, high) -> np.ndarray:
    """Error-bar lengths (2 x n) for values with interval bounds. Never negative: an interval's bound at
    0 % or 100 % can lie a rounding error inside the share, and matplotlib refuses a negative bar."""
    v = np.atleast_1d(np.asarray(value, float))
    lo, hi = np.atleast_1d(np.asarray(low, float)), np.atleast_1d(np.asarray(high, float))
    return np.clip(np.nan_to_num(np.vstack([v - lo, hi - v])), 0, None)


def _wrap(text: str, width: int, lines: int = 3) -> str:
    """``text`` on at most ``lines`` lines of ``width`` characters, ending in "…" if cut."""
    import textwrap
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …"))


def _grouped_rows(tab: pd.DataFrame, header) -> tuple[list[str], list[bool], list[int | None]]:
    """Rows for a one-panel chart of several breakdowns: a bold heading per variable, then its
    categories. Returns the labels, which rows are headings, and each row's index in ``tab``."""
    labels, headers, index = [], [], []
    for var in dict.fromkeys(tab["variable"]):
        g = tab[tab["variable"] == var]
        labels.append(header(g))
        headers.append(True)
        index.append(None)
        labels += [str(c) for c in g["category_label"]]
        headers += [False] * len(g)
        index += list(g.index)
    return labels, headers, index


def _label_rows(ax, labels: list[str], headers: list[bool]) -> np.ndarray:
    y = np.arange(len(labels))[::-1].astype(float)
    ax.set_yticks(y, labels, fontsize=7.5)
    for tick, is_header in zip(ax.get_yticklabels(), headers):
        if is_header:
            tick.set_fontweight("bold")
    for tick, is_header in zip(ax.yaxis.get_major_ticks(), headers):
        if is_header:
            tick.tick1line.set_visible(False)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    ax.grid(axis="y", visible=False)
    return y


def plot_composition(composition, variables: tuple[str, ...] | None = None, lang: str | None = None):
    """Participants per category, every breakdown in one panel; suppressed categories are marked,
    not drawn."""
    lang = result_lang(lang, composition)
    tab = labelled(composition.table, lang)
    variables = variables or tuple(dict.fromkeys(tab["variable"]))
    tab = tab[tab["variable"].isin(variables)]
    labels, headers, index = _grouped_rows(tab, lambda g: g["variable_label"].iloc[0])
    plt.rcParams.update(STYLE)
    # (0,165 in a row, 11,9 pt for labels of 7,5 pt: Nästa steg's twenty rows fit below its section's heading and
    # opening text with a few millimetres to spare, where at 0,17 they lacked some)
    fig, ax = _subplots(figsize=(WIDTH, 0.165 * len(labels) + 0.7))
    y = _label_rows(ax, labels, headers)
    rows = [(yi, tab.at[i, "n"]) for yi, i in zip(y, index) if i is not None]
    values = [0.0 if is_suppressed(n) else float(n) for _, n in rows]
    ax.barh([yi for yi, _ in rows], values, color=BLUE, height=0.62)
    for (yi, n), v in zip(rows, values):
        ax.annotate(str(n) if is_suppressed(n) else fmt_num(n, 0, lang), (v, yi), va="center", fontsize=7,
                    xytext=(3, 0), textcoords="offset points", color=GREY if is_suppressed(n) else "black")
    ax.set_xlim(0, max(values + [1.0]) * 1.15)
    ax.set_xlabel(t("n", lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of persons: no 0.2 ticks
    _fit(fig, ax)
    parts = [g["variable_label"].iloc[0] + ": " + ", ".join(
        f"{c} {_shown(n, lang, lambda v: fmt_num(v, 0, lang))}" for c, n in zip(g["category_label"], g["n"]))
        for _, g in tab.groupby("variable", sort=False)]
    return _alt(fig, lang, "plot.alt.composition", parts)


def adjusted_rates(comparison, adjusted: str):
    """The rate comparison (:func:`evaltools.outcome_rates`) as its chart shows it: each breakdown's p-value the one
    adjusted for the many breakdowns tested (``adjusted`` says so in words; one breakdown tested needs no
    adjustment and no words), and a breakdown whose every group is hidden left out (its rows would be empty lines;
    the table's note names the hidden groups). A comparison already so (no ``p_holm`` column) is returned as it is."""
    tab = comparison.table
    if "p_holm" not in tab:
        return comparison
    tab = tab.copy()
    # (one breakdown *tested*, not one shown: a test hidden with a group of it still counted in the adjustment,
    # and Nästa steg's one shown test of four, adjusted to 1,000 from 0,906, is said to be adjusted)
    raw = getattr(comparison, "raw", None)
    tested = raw if isinstance(raw, pd.DataFrame) and "p_value" in raw else tab.assign(p_value=tab["p_holm"])
    one = int(tested.drop_duplicates("variable")["p_value"].notna().sum()) == 1
    tab["p_value"] = tab["p_holm"]
    tab["test"] = "" if one else adjusted
    hidden = tab["rate"].map(lambda v: isinstance(v, str) or pd.isna(v))
    tab = tab[~hidden.groupby(tab["variable"], sort=False).transform("all")]
    return dataclasses.replace(comparison, table=tab.drop(columns=["p_holm"]).reset_index(drop=True))


def plot_outcome_rates(comparison, lang: str | None = None, left_out: tuple[str, ...] = (), moved: bool = False):
    """The share with a successful outcome (the main goal's definition) with its exact
    (Clopper–Pearson) interval per category, every breakdown in one panel (a forest plot); a hidden
    category says so in a word ("dolt"). The dashed line is the share for everyone who ended, less the exits
    with an outcome in ``left_out`` (those the main goal's base leaves out, where any has one:
    Specialistteamet's 236 of 242, those who moved left out), which its label names as page 1 and the goal
    table do. The axis is labelled with the glossary's name of the measure (``moved``: the default successes,
    some of whom had another support than försörjningsstöd at start, named as where they went)."""
    lang = result_lang(lang, comparison)
    comparison = adjusted_rates(comparison, msg("outcomes.chart_adjusted", lang))  # (as the report draws it)
    tab = labelled(comparison.table, lang)

    def header(g):
        p = g["p_value"].iloc[0]
        if pd.isna(p):  # no test, or one not shown because a rate it compares is hidden
            return g["variable_label"].iloc[0]
        said = fmt_p(p, lang)  # (as the table beside it says it: three decimals, "< 0,001")
        test = str(g["test"].iloc[0])
        return g["variable_label"].iloc[0] + f"  ({test + ', ' if test else ''}p {said if said.startswith('<') else '= ' + said})"

    labels, headers, index = _grouped_rows(tab, header)
    overall = None
    raw = comparison.raw
    if raw is not None and len(raw):
        first = raw[raw["variable"] == raw["variable"].iloc[0]]
        if first["n"].sum():  # the rate for everyone who ended: the reference line, drawn as the first row
            overall = first["successes"].sum() / first["n"].sum()
            labels.insert(0, _all_ended(overall, left_out, lang))
            headers.insert(0, True)
            index.insert(0, None)
    plt.rcParams.update(STYLE)
    fig, ax = _subplots(figsize=(WIDTH, 0.17 * len(labels) + 0.8))
    y = _label_rows(ax, labels, headers)
    if overall is not None:
        ax.axvline(overall, color=ORANGE, ls="--", lw=1)
        ax.plot([overall], [y[0]], marker="D", ms=4.5, color=ORANGE, clip_on=False)  # whole at 0 % or 100 %
    for yi, i in zip(y, index):
        if i is None:
            continue
        rate = tab.at[i, "rate"]
        if isinstance(rate, str) or pd.isna(rate):
            # said in a word, darker than the grid: a grey ".." at the axis read as nothing at all on paper
            ax.annotate(msg("plot.hidden", lang), (0.015, yi), va="center", fontsize=7, color="#555555", style="italic")
            continue
        lo, hi = tab.at[i, "ci_low"], tab.at[i, "ci_high"]
        ax.errorbar([rate], [yi], xerr=_ci_err(rate, lo, hi), fmt="o", ms=3.5, color=BLUE, capsize=2.5, lw=1,
                    clip_on=False)
    ax.set_xlim(0, 1)
    _pct_axis(ax, lang, "x", (0, 0.25, 0.5, 0.75, 1))
    measure = share_label(measure_term(getattr(comparison, "definition", None), moved), lang)  # the glossary's name
    # (a long measure name is wrapped: the plot area beside long category labels is narrow)
    ax.set_xlabel(textwrap.fill(msg("plot.success_rate_ci", lang, measure=measure), 30))
    _fit(fig, ax)
    parts = [_all_ended(overall, left_out, lang) if overall is not None else ""]
    for _, g in tab.groupby("variable", sort=False):
        items = []
        for c, rate, lo, hi in zip(g["category_label"], g["rate"], g["ci_low"], g["ci_high"]):
            if isinstance(rate, str) or pd.isna(rate):
                items.append(f"{c} {_shown(rate, lang, str)}")
            else:
                items.append(f"{c} {fmt_pct(rate, lang)} ({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})")  # (the table's interval)
        parts.append(" ".join(header(g).split()) + ": " + ", ".join(items))
    # (someone came back: the ended are enrolments, as page 1 and the table beside it say)
    key = "plot.alt.outcome_rates_enrolments" if getattr(comparison, "by_enrolment", False) else "plot.alt.outcome_rates"
    return _alt(fig, lang, key, parts, measure=_lower(measure))


def _all_ended(rate: float, left_out: tuple[str, ...], lang: str) -> str:
    """The reference line's label: the share for all who ended, or for all but the exits the main goal leaves
    out of its base (``left_out``, outcome codes)."""
    if not left_out:
        return msg("plot.all_ended", lang, rate=fmt_pct(rate, lang))
    return msg("plot.all_ended_but", lang, rate=fmt_pct(rate, lang),
               outcomes=join([code_label(OUTCOME, c, lang).lower() for c in left_out], lang))


def plot_time_to_exit(tte, lang: str | None = None, ax=None, moved: bool = False):
    """Cumulative incidence of an exit with a successful outcome (the main goal's definition; left)
    and of another exit (right) by days since start, one line per group (Aalen–Johansen; cut where few remain at risk).
    ``moved`` names the default successes as where they went, where some had another support at start."""
    lang = result_lang(lang, tte)
    plt.rcParams.update(STYLE)
    both = getattr(tte, "other_exits_shown", True)  # (False: the number ended is withheld: no other-exit curve)
    if ax is not None:
        fig, axes = ax.figure, [ax, None]
    elif both:
        fig, axes = _subplots(1, 2, figsize=(WIDTH, 2.6), sharey=True)
    else:
        fig, one = _subplots(1, 1, figsize=(WIDTH / 2, 2.6))
        axes = [one, None]
    colors = [BLUE, ORANGE, GREEN, RED, GREY]
    measure = term_name(measure_term(getattr(tte, "definition", None), moved), lang)  # the glossary's name of what
    # is counted (moved: some had another support at start, 'gått till arbete, studier eller en ersättning')
    titles = {"success": measure, "other_exit": msg("plot.exit_other", lang)}
    for a, col in zip(axes, ("success", "other_exit")):
        if a is None:
            continue
        for (name, c), colour in zip(tte.curves.items(), colors):
            if len(c) == 0:
                continue
            a.step(np.concatenate([[0], c["day"].to_numpy(float)]), np.concatenate([[0], c[col].to_numpy(float)]),
                   where="post", color=colour, label=group_label(getattr(tte, "by", None), name, lang))
        a.set_ylim(0, 1.02)
        _pct_axis(a, lang)
        # (a long measure, "Gått till arbete, studier eller en ersättning", wraps within its half of the figure rather
        # than running into the other panel's title)
        a.set_title(textwrap.fill(titles[col], 34), loc="left")
        a.set_xlabel(msg("plot.days_since_start", lang))
    axes[0].set_ylabel(msg("plot.share_ended_this_way", lang))
    if axes[0].get_lines():
        axes[0].legend(fontsize=7.5, loc="upper left")
    fig.tight_layout()
    parts = []
    for name, c in tte.curves.items():
        if len(c) == 0:
            continue
        at = [(d, c[c["day"] <= d].iloc[-1] if (c["day"] <= d).any() else None) for d in (90, 180, 365)
              if d <= c["day"].max()]
        parts.append(f"{group_label(getattr(tte, 'by', None), name, lang)}: " + (", ".join(
            msg("plot.exit_after_days", lang, days=d, measure=_lower(measure),
                success=fmt_pct(0 if r is None else r["success"], lang),  # (to a tenth, as the table says it)
                other=fmt_pct(0 if r is None else r["other_exit"], lang)) if both else
            msg("plot.exit_after_days_success", lang, days=d, measure=_lower(measure),
                success=fmt_pct(0 if r is None else r["success"], lang)) for d, r in at) or "–"))
    # (someone came back: the curves count enrolments, as the definition beside them says: SuccessDefinition.by_enrolment)
    twice = getattr(getattr(tte, "definition", None), "by_enrolment", False)
    key = ("plot.alt.time_to_exit_enrolments" if twice else "plot.alt.time_to_exit") if both else (
        "plot.alt.time_to_exit_success_enrolments" if twice else "plot.alt.time_to_exit_success")
    return _alt(fig, lang, key, parts, measure=_lower(measure))


def plot_payments(result, lang: str | None = None, ax=None):
    """Mean monthly försörjningsstöd by month relative to start, participants and comparison group."""
    lang = result_lang(lang, result)
    ev = result.event_means
    if ev is None or ev.empty:  # (a project without payment data: no chart, as the report draws none)
        return None
    fig, (ax,) = _fig(ax, 2.7)
    for tr, col, key in ((1, BLUE, "participants"), (0, ORANGE, "comparison")):
        g = ev[ev["treated"] == tr]
        if len(g):
            ax.plot(g["event_time"], g["mean_amount"], marker="o", ms=3, color=col, label=t(key, lang))
    ax.axvline(-0.5, color=GREY, ls=":", lw=1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(msg("plot.months_around_start", lang))
    ax.set_ylabel(msg("plot.kr_per_household_month", lang))
    _kr_axis(ax, lang)
    ax.set_ylim(bottom=0)  # an amount axis starts at zero, so a fall looks as large as it is
    ax.legend(fontsize=7.5)
    _fit(fig, ax)
    parts = []
    for tr, key in ((1, "participants"), (0, "comparison")):
        g = ev[(ev["treated"] == tr) & ev["mean_amount"].notna()]
        if len(g):
            first, last = g.iloc[0], g.iloc[-1]
            parts.append(msg("plot.payments_first_last", lang, group=t(key, lang), first=fmt_kr(first["mean_amount"], lang),
                             first_month=month_number(first["event_time"]), last=fmt_kr(last["mean_amount"], lang),
                             last_month=month_number(last["event_time"])))
    return _alt(fig, lang, "plot.alt.payments", parts)


def month_number(month: object) -> str:
    """A month counted from the start as the tables and the chart's axis write it: ``−12``, ``0``, ``+12``, with a
    true minus sign, never the hyphen ``-12`` that a screen reader reads as a dash."""
    m = int(month)  # type: ignore[call-overload]
    return f"{m:+d}".replace("+0", "0").replace("-", "\u2212")


def plot_event_study(result, lang: str | None = None):
    """Event study: each group's mean payment by month relative to the start with 95 % intervals
    (top), and the participants' change since the reference month minus the comparison group's
    (bottom), with the anticipation window shaded. Hidden means are not drawn."""
    lang = result_lang(lang, result)
    es = result.event_study
    plt.rcParams.update(STYLE)
    fig, (top, bottom) = _subplots(2, 1, figsize=(WIDTH, 4.6), sharex=True, gridspec_kw={"height_ratios": [1.15, 1]})
    a = result.anticipation_months
    x = es["event_time"].to_numpy()
    for key, col in (("participants", BLUE), ("comparison", ORANGE)):
        top.plot(x, es[key], marker="o", ms=2.5, color=col, label=t(key, lang))
        top.fill_between(x, es[f"{key}_low"].to_numpy(float), es[f"{key}_high"].to_numpy(float), color=col, alpha=0.18, lw=0)
    bottom.plot(x, es["difference"], marker="o", ms=2.5, color=BLUE)
    bottom.fill_between(x, es["difference_low"].to_numpy(float), es["difference_high"].to_numpy(float), color=BLUE,
                        alpha=0.18, lw=0)
    bottom.axhline(0, color="black", lw=0.8)
    for ax_ in (top, bottom):
        ax_.axvline(-0.5, color=GREY, ls=":", lw=1)
        if a:
            ax_.axvspan(-a - 0.5, -0.5, color=GREY, alpha=0.12, lw=0)
        _kr_axis(ax_, lang)
    top.set_ylim(bottom=0)  # an amount axis starts at zero, so a level's change looks as large as it is
    # (room above the highest interval for the legend, one line across: drawn over the lines where they run high at
    # the left, as they do where the groups are paid most just before the start)
    highest = np.nanmax(es[["participants_high", "comparison_high"]].to_numpy(float)) if len(es) else np.nan
    if np.isfinite(highest) and highest > 0:
        top.set_ylim(0, highest * 1.3)
    top.set_title(msg("plot.event_study_top", lang), loc="left")
    ref = f"{-a - 1}".replace("-", "\u2212")
    bottom.set_title(msg("plot.event_study_bottom", lang, month=ref), loc="left")
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xlabel(msg("plot.event_study_axis", lang))
    top.legend(fontsize=7.5, loc="upper left", ncol=2)
    fig.tight_layout()
    parts = []
    for e in (-a - 1, -1, 0, 6, 12):
        row = es[es["event_time"] == e]
        if not len(row):
            continue
        r = row.iloc[0]
        month = msg("plot.month", lang, month=month_number(e))
        kr = lambda v: _shown(v, lang, lambda x: fmt_kr(x, lang))  # noqa: E731
        parts.append(f"{month}: {t('participants', lang).lower()} {kr(r['participants'])}, "
                     f"{t('comparison', lang).lower()} {kr(r['comparison'])}, "
                     + msg("plot.difference_in_change", lang, difference=kr(r["difference"]))
                     + ("" if pd.isna(r["difference_low"]) or e == -a - 1 else
                        " (" + msg("plot.range", lang, low=fmt_kr(r["difference_low"], lang),
                                   high=fmt_kr(r["difference_high"], lang)) + ")"))
    return _alt(fig, lang, "plot.alt.event_study", parts)


# the most cost categories the budget chart draws a bar for, the rest as one bar: a chart that still fits an A4 page
# (15 bars: 19 cm); a chart of 500 categories was 225 inches tall, and drawing it took 25 s and 670 MB
CATEGORIES_DRAWN = 15


def drawn_categories(by_category: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The budget chart's bars: every category where there are at most :data:`CATEGORIES_DRAWN`, else the largest
    budgets but one (in the file's order) and the others summed as one bar, named with how many they are."""
    if len(by_category) <= CATEGORIES_DRAWN:
        return by_category
    size = by_category["budget"].fillna(0).abs().combine(by_category["actual"].fillna(0).abs(), max)
    kept = by_category.index.isin(size.nlargest(CATEGORIES_DRAWN - 1, keep="first").index)
    rest = by_category[~kept]
    label = msg("plot.budget_others", lang, n=fmt_num(len(rest), 0, lang))
    # (a new frame: the grouped one carries the costs' attrs, which pandas cannot compare when it appends a row)
    return pd.DataFrame(np.vstack([by_category[kept].to_numpy(dtype=float), rest.sum(min_count=1).to_numpy(dtype=float)]),
                        index=pd.Index([*by_category.index[kept], label], name=by_category.index.name),
                        columns=by_category.columns)


def plot_budget(costs_table: pd.DataFrame, lang: str = "sv", ax=None):
    """Budget against utfall per cost category (whole period).

    Where some lines have no utfall yet (a year still to come, a project still running), their
    budget is drawn apart, stacked in a lighter shade after the budget of the lines that have one: the
    utfall bar is compared with the budget of the same lines, as the table's share used is, and the
    whole budget is still seen. Without that split a running project looks far under budget."""
    if costs_table.empty:
        return None
    ct = costs_table.assign(settled=costs_table["budget"].where(costs_table["actual"].notna()),
                            unsettled=costs_table["budget"].where(costs_table["actual"].isna()))
    g = drawn_categories(ct.groupby("category", sort=False)[["budget", "actual", "settled", "unsettled"]].sum(min_count=1),
                         lang)
    split = bool(g["unsettled"].notna().any() and g["actual"].notna().any())
    fig, (ax,) = _fig(ax, 0.45 * len(g) + 0.9)
    y = np.arange(len(g))[::-1]
    if split:
        settled = g["settled"].fillna(0)
        ax.barh(y + 0.18, settled, height=0.36, color=GREY, label=t("budget_settled", lang))
        ax.barh(y + 0.18, g["unsettled"].fillna(0), left=settled, height=0.36, color=GREY, alpha=0.35,
                hatch="///", edgecolor=GREY, linewidth=0, label=t("budget_unsettled", lang))
    else:
        ax.barh(y + 0.18, g["budget"].fillna(0), height=0.36, color=GREY, label=t("budget", lang))
    ax.barh(y - 0.18, g["actual"].fillna(0), height=0.36, color=BLUE, label=t("actual", lang))
    # (a budget line's emoji: the chart's font has none, and drew an empty box)
    ax.set_yticks(y, [_wrap(without_emoji(str(c)).strip(), 34) for c in g.index], fontsize=7.5)
    _kr_axis(ax, lang, "x")
    ax.set_xlabel(msg("plot.budget_axis", lang, basis=msg("basis.current", lang)))  # (the amounts' unit and prices)
    ax.grid(axis="y", visible=False)
    ax.legend(fontsize=7.5, loc="lower right")
    _fit(fig, ax)
    if split:
        parts = [f"{c}: {t('budget_settled', lang).lower()} {fmt_kr(s_, lang)}, {t('actual', lang).lower()} "
                 f"{fmt_kr(a, lang)}, {t('budget_unsettled', lang).lower()} {fmt_kr(u, lang)}"
                 for c, s_, a, u in zip(g.index, g["settled"], g["actual"], g["unsettled"])]
    else:
        parts = [f"{c}: {t('budget', lang).lower()} {fmt_kr(b, lang)}, {t('actual', lang).lower()} {fmt_kr(a, lang)}"
                 for c, b, a in zip(g.index, g["budget"], g["actual"])]
    return _alt(fig, lang, "plot.alt.budget", parts)


LABEL_GROUND = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}


def plot_tornado(sensitivity: pd.DataFrame, lang: str = "sv", who: str | None = None, ax=None,
                 names: dict[str, str] | None = None, basis: str | None = None):
    """Tornado chart: one perspective's NPV when each assumption is set to its low and its high value.

    One row per row of ``sensitivity`` (:attr:`~evaltools.analysis.costbenefit.CostBenefitResult.sensitivity`,
    generated from :data:`evaltools.data.assumptions.REGISTRY`); names and values from
    :mod:`evaltools.words.assumptions`, or from ``names`` where it names an assumption otherwise (an
    application's "Personer som lämnar försörjningsstödet", not those who left).

    The value labels sit on a white box above the lines, so the zero line never crosses them. None where
    ``sensitivity`` has no rows (no assumption moves the net present value)."""
    if sensitivity is None or sensitivity.empty:
        return None
    fig, (ax,) = _fig(ax, 0.38 * len(sensitivity) + 0.9)
    s = sensitivity.iloc[::-1].reset_index(drop=True)
    base = s.npv_base.iloc[0]
    y = np.arange(len(s))
    for yi, r in zip(y, s.itertuples()):
        ax.barh(yi, r.npv_low - base, left=base, color=ORANGE, height=0.6)
        ax.barh(yi, r.npv_high - base, left=base, color=BLUE, height=0.6)
        lo_lbl, hi_lbl = end_text(r.parameter, r.low_value, lang), end_text(r.parameter, r.high_value, lang)
        # the labels sit on a white ground above the base and zero lines, so no line crosses them
        ax.annotate(lo_lbl, (min(r.npv_low, r.npv_high), yi), xytext=(-3, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=7, zorder=5, bbox=LABEL_GROUND)
        ax.annotate(hi_lbl, (max(r.npv_low, r.npv_high), yi), xytext=(3, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=7, zorder=5, bbox=LABEL_GROUND)
    ax.axvline(base, color="black", lw=0.8, zorder=1)
    ax.axvline(0, color=RED, lw=0.8, ls="--", zorder=1)
    names = {p: (names or {}).get(p) or assumption_label(p, lang) for p in dict.fromkeys(s.parameter)}
    ax.set_yticks(y, [names[p] for p in s.parameter], fontsize=7.5)
    ax.set_xlabel(_npv_label(lang, who, basis))
    _kr_axis(ax, lang, "x")
    lo = min(s.npv_low.min(), s.npv_high.min(), 0)
    hi = max(s.npv_low.max(), s.npv_high.max(), 0)
    pad = (hi - lo) * 0.18
    ax.set_xlim(lo - pad, hi + pad)
    ax.grid(axis="y", visible=False)
    _fit(fig, ax)
    parts = [msg("plot.base_case", lang, npv=fmt_kr(base, lang))]
    parts += [msg("plot.tornado_row", lang, name=names[r.parameter],
                  low=end_text(r.parameter, r.low_value, lang), npv_low=fmt_kr(r.npv_low, lang),
                  high=end_text(r.parameter, r.high_value, lang), npv_high=fmt_kr(r.npv_high, lang))
              for r in sensitivity.itertuples()]
    if who and basis:  # (the caption says whose net present value and on which basis, as the axis does)
        return _alt(fig, lang, "plot.alt.tornado_for", parts, who=who, basis=basis)
    return _alt(fig, lang, "plot.alt.tornado", parts)


def _npv_label(lang: str, who: str | None, basis: str | None = None) -> str:
    """The NPV axis: whose, in kronor, and (where given) the basis, "nuvärde i 2023 års priser"."""
    if who and basis:
        return msg("costbenefit.npv_axis_basis", lang, who=who, basis=basis)
    return msg("costbenefit.npv_axis", lang, who=who) if who else msg("plot.npv_axis", lang)


def plot_monte_carlo(mc: dict, lang: str | None = None, who: str | None = None, ax=None, basis: str | None = None):
    """Distribution of one perspective's NPV over the Monte Carlo draws, with the break-even line."""
    lang = result_lang(lang, mc)
    fig, (ax,) = _fig(ax, 2.3)
    npv = mc.npv_draws
    ax.hist(npv, bins=50, color=BLUE, alpha=0.85)
    ax.axvline(0, color=RED, ls="--", lw=1)
    # "< 1 %" stays on one line where the title wraps, never "<" at a line's end
    p = fmt_probability(mc.p_npv_positive, lang).replace(" ", "\u00a0")
    who = who or who_of(mc.perspective, lang)  # (whose net present value: the simulation's perspective)
    title = ax.set_title(msg("costbenefit.mc_title", lang, who=who, p=p), loc="left", fontsize=8.5)
    ax.set_xlabel(_npv_label(lang, who, basis))
    ax.set_yticks([])
    _kr_axis(ax, lang, "x")
    _fit(fig, ax, title)
    q05, q50, q95 = np.quantile(npv, [0.05, 0.5, 0.95])
    parts = [title.get_text().replace("\n", " "), msg("plot.mc_spread", lang, median=fmt_kr(q50, lang), low=fmt_kr(q05, lang), high=fmt_kr(q95, lang))]
    if basis:  # (the caption says whose net present value and on which basis, as the axis does)
        return _alt(fig, lang, "plot.alt.monte_carlo_for", parts, n=fmt_num(len(npv), 0, lang), who=who, basis=basis)
    return _alt(fig, lang, "plot.alt.monte_carlo", parts, n=fmt_num(len(npv), 0, lang))


def _running(row) -> bool:
    """Is the portfolio row of a project still running (its ``running`` flag; a row without one is not)?"""
    v = getattr(row, "running", False)
    return bool(v) if isinstance(v, (bool, np.bool_)) else False


def plot_portfolio(table: pd.DataFrame, lang: str = "sv", labels: list[str] | None = None):
    """Success rate with its exact (Clopper–Pearson) interval and cost per participant, one row per project;
    ``labels`` names the rows where the project's title alone would not do (what its success counts)."""
    plt.rcParams.update(STYLE)
    fig, (a1, a2) = _subplots(1, 2, figsize=(WIDTH, 0.5 * len(table) + 1.2), sharey=True)
    y = np.arange(len(table))[::-1]
    names = [_wrap(n, 26) for n in (labels if labels is not None else table["title"])]
    for yi, r in zip(y, table.itertuples()):
        if not np.isnan(r.success_rate):  # a project still running: an open point, as a running share is drawn
            a1.errorbar([r.success_rate], [yi], xerr=_ci_err(r.success_rate, r.ci_low, r.ci_high),  # in its goal chart
                        fmt="o", color=BLUE, capsize=3, mfc="white" if _running(r) else BLUE)
    a1.set_xlim(0, 1)
    _pct_axis(a1, lang, "x", (0, 0.25, 0.5, 0.75, 1))
    a1.set_yticks(y, names, fontsize=7.5)
    a1.set_title(msg("plot.success_rate", lang), loc="left")
    bars = a2.barh(y, table["cost_per_participant"].fillna(0), color=BLUE, height=0.55)
    expected = _expected(table)
    for bar, ex in zip(bars, expected):
        if ex:  # an application's bar: its budget over the participants it expects, not an outturn (hatched, as
            bar.set_facecolor(LIGHT_BLUE)  # a running period's value so far is in the goal chart)
            bar.set_hatch("///")
            bar.set_edgecolor("white")
    _kr_axis(a2, lang, "x")
    a2.set_title(msg("plot.cost_per_participant", lang), loc="left")
    for ax in (a1, a2):
        ax.grid(axis="y", visible=False)
    fig.tight_layout(w_pad=2.0)  # (room between the panels: the first's "100 %" clear of the second's "0")
    if _wrap_titles(fig, (a1, a2)):  # a title longer than its panel ("Share with a successful outcome") wraps
        fig.tight_layout(w_pad=2.0)
    titles = labels if labels is not None else list(table["title"])
    parts = [f"{title}: " + _portfolio_row_words(r, ex, lang) for title, r, ex in zip(titles, table.itertuples(), expected)]
    return _alt(fig, lang, "plot.alt.portfolio", parts)


def _expected(table: pd.DataFrame) -> list[bool]:
    """Which portfolio rows are applications checked before their start (``mode`` "ex_ante"): their cost per
    participant is the budget over the participants they expect, not an outturn."""
    modes = table["mode"] if "mode" in table else pd.Series("", index=table.index)
    return [m == "ex_ante" for m in modes]


def _portfolio_row_words(r, expected: bool, lang: str) -> str:
    """What the portfolio chart shows for one project, in its alternative text: the share with its interval and
    the cost per participant, an application's said to be expected as its table says; a project with neither (a
    structural project) has no participants of its own, said in words rather than "–, – per deltagare"."""
    rate, cost = r.success_rate, r.cost_per_participant
    if np.isnan(rate) and (cost is None or pd.isna(cost)):
        return msg("plot.no_own_participants", lang)
    share = "–" if np.isnan(rate) else f"{fmt_pct(rate, lang)} ({fmt_pct(r.ci_low, lang)}–{fmt_pct(r.ci_high, lang)})"
    key = "plot.per_participant_expected" if expected and not pd.isna(cost) else "plot.per_participant"
    return f"{share}, " + msg(key, lang, cost=fmt_kr(cost, lang))
