"""What if? The cost-benefit under other assumptions, without touching the params file.

The question boards ask most — "what if only half of them stay off försörjningsstöd?" — is a
change of assumptions: the deadweight, the horizon, the drop-off, the discount rate, the monthly
försörjningsstöd avoided. Every figure here comes from :func:`evaltools.cost_benefit` run on the
project with those assumptions changed (:meth:`evaltools.data.project.Project.with_params`), so the panel
gives exactly the net present value the report would print with the same assumptions.

* :func:`baseline` — the assumptions the report uses;
* :func:`evaluate` — the cost-benefit result under changed assumptions;
* :func:`key_figures` — NPV (main calculation and per perspective), break-even and payback as a table;
* :func:`grid` — NPV for combinations of two assumptions (a static what-if table);
* :func:`tornado_data` — the one-at-a-time sensitivity for the chosen perspective (what the
  panel's tornado chart draws);
* :func:`tornado_chart` — that tornado chart as the report draws it (for a memo: ``.savefig(...)``);
* :func:`panel` — sliders in JupyterLab (ipywidgets) that update the figures and the tornado chart;
  where widgets are not available it falls back to the static table.

The sliders, their steps and ranges, their names and the tornado's rows are all generated from
:data:`evaltools.data.assumptions.REGISTRY`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import SimpleNamespace

import pandas as pd

from ..words.labels import fmt_int, fmt_kr, fmt_num, fmt_pct, note_text, t, who as who_of
from ..words.formats import fmt_persons_needed
from .markup import markup, render
from .sections.costbenefit import break_even_words, switching_words
from .results import frame_html
from ..words.text import msg, plural
from ..words import assumptions as assumption_words
from ..data.arguments import check_choice, check_grid, check_lang, check_number
from ..data.assumptions import REGISTRY, Unit
from ..data.privacy import SECONDARY
from ..analysis.disclosure import Counts, Disclosure, Secondary, counts, disclosure, published_cost_benefit
from ..analysis.goals import assess_goals
from ..analysis.costbenefit.costs import paid_through
from .sections.basis import basis_words
from .sections.costbenefit import _tornado_names, range_cell
from ..analysis.pricebasis import PriceBasis
from .plots import plot_tornado
from .report import figure_html

# the assumptions the panel varies, with the step a slider moves in (the registry's sliders)
STEPS = {name: REGISTRY[name].step for name in REGISTRY.sliders}
# each slider's (min, max), from the registry
RANGES = {name: REGISTRY[name].slider for name in REGISTRY.sliders}


def control_label(name: str, lang: str = "sv") -> str:
    """The label of the control for ``name`` (an assumption of :data:`STEPS`, or ``perspective``)."""
    return msg("explore.whatif.slider.perspective", lang) if name == "perspective" else assumption_words.label(name, lang)


def slider_specs(project=None, base: Assumptions | None = None) -> dict[str, dict]:
    """The what-if controls as plain values: for each assumption of the registry that has a
    slider, its ``min``, ``max``, ``step``, ``value`` (the baseline rounded to the step, kept within
    the range) and label key. What :class:`WhatIfPanel` builds its widgets from (and what a test
    can check without widgets).

    Parameters
    ----------
    project
        A loaded project, for the baseline values; ``None`` leaves ``value`` out.
    base
        Its :func:`baseline`, if already computed.
    """
    if project is not None and base is None:
        base = baseline(project)
    out = {}
    for name in REGISTRY.sliders:
        lo, hi = RANGES[name]
        spec = {"min": lo, "max": hi, "step": STEPS[name], "unit": REGISTRY[name].unit}
        if base is not None:
            spec["value"] = min(max(round(getattr(base, name) / STEPS[name]) * STEPS[name], lo), hi)
        out[name] = spec
    return out


@dataclass(frozen=True)
class Assumptions:
    """The cost-benefit assumptions the what-if analysis varies.

    Attributes
    ----------
    horizon_years
        Years a person who left försörjningsstöd is counted as staying off it.
    dropoff_per_year
        Share of the effect lost each year.
    deadweight
        Share who would have left anyway.
    discount_rate
        Real discount rate per year.
    monthly_level
        Försörjningsstöd avoided per person and month, kr in the price year (the mean over those
        who left, as the report's key figures show it).
    lang
        The language it shows itself in, in a notebook (the project's, from :func:`baseline`).
    """

    horizon_years: float
    dropoff_per_year: float
    deadweight: float
    discount_rate: float
    monthly_level: float
    lang: str = field(default="sv", compare=False, repr=False)

    def display(self, lang: str | None = None) -> pd.DataFrame:
        """The assumptions as the report's assumptions table names and writes them (``Dödvikt``, ``25 %``)."""
        lang = check_lang(lang, "Assumptions.display") or self.lang
        return pd.DataFrame([(assumption_words.label(name, lang), assumption_words.value_text(name, getattr(self, name), lang))
                             for name in STEPS],
                            columns=[msg("assumption.column.name", lang), msg("assumption.column.value", lang)])

    def _repr_html_(self) -> str:
        return frame_html(self.display())


@dataclass(frozen=True)
class Counted:
    """A project's goal table (:func:`~evaltools.analysis.goals.assess_goals`) and the counts of persons its report
    states beside it (:func:`~evaltools.analysis.disclosure.counts`). The what-if's assumptions change neither, so
    the panel and the table work them out once (:func:`counted`) and every calculation at other values reads them."""

    goal_table: pd.DataFrame
    counts: Counts


def counted(project) -> Counted:
    """The :class:`Counted` of ``project``: its goal table and its counts of persons, each worked out once."""
    goal_table = assess_goals(project).table
    return Counted(goal_table, counts(project, goal_table))


def _cost_benefit(project, lang=None, known: Counted | None = None):
    from .results import context_of  # (as the package's public function's: its result displays with its project)
    # (as the report publishes it: where 1 to k − 1 exits are valued, their range, never figures that give the count)
    # (and where k or more exits are withheld all the same, the range over the counts the report leaves open)
    known = known or counted(project)  # (the assumptions change no count: those of the project as its params have it)
    tab, c = known.goal_table, known.counts
    result = published_cost_benefit(project, tab, counted=c, monte_carlo=False, effect=False, lang=lang)
    return replace(result, context=context_of(project, lang))


def _range(result, perspective: str, figure: str, lang: str) -> str | None:
    """``figure`` (``npv``, ``bcr``, ``benefit``) of ``perspective`` over the counts of exits the result's range
    covers, as the report's key figures say it (:func:`~evaltools.present.sections.costbenefit.range_cell`), with
    those counts; ``None`` where the result has no range (0 or at least k exits: the exact figure is shown)."""
    er = result.summary.exit_range
    pr = er.of(perspective) if er is not None else None
    if pr is None:
        return None
    if pd.isna(getattr(pr, f"{figure}_low")) and er.one_count:  # (one count: withheld, ExitRange.one_count)
        return msg("explore.whatif.range_withheld", lang)
    return msg("explore.whatif.range_value", lang, range=range_cell(er, pr, figure, lang), low=str(er.low),
               high=str(er.high))


def baseline(project, known: Counted | None = None) -> Assumptions:
    """The assumptions the report uses for this project.

    Parameters
    ----------
    project
        A loaded :class:`~evaltools.data.project.Project`.
    known
        Its :func:`counted`, where the caller has it; worked out here otherwise.

    Returns
    -------
    Assumptions
        The horizon and discount rate from the params file; the drop-off the calculation used
        (observed persistence where the payments allow); the deadweight as the
        report derives it (params, else the comparison group, else 25 %); the mean monthly level.

    Examples
    --------
    >>> import evaltools as et
    >>> et.whatif.baseline(et.load_project("kompassen-demo")).deadweight  # doctest: +SKIP
    0.5155...
    """
    return _baseline(project, known)[0]


def _baseline(project, known: Counted | None = None, lang: str | None = None):
    """The :func:`baseline` of ``project`` and the cost-benefit at it, in ``lang`` (:func:`evaluate` at the
    project's own assumptions): the one calculation both come from."""
    r = _cost_benefit(project, lang, known)
    s = r.summary
    cb = project.params.cost_benefit
    dropoff = float(r.assumptions.set_index("name").loc["dropoff_per_year", "value"])  # observed where used
    return Assumptions(cb.horizon_years, dropoff, float(s.deadweight), cb.discount_rate,
                       float(s.monthly_level), project.params.language), r


def changes(project, base: Assumptions | None = None, *, exact: bool = False, **values: float) -> dict:
    """The ``cost_benefit`` settings to change for ``values``: only those that differ from the
    baseline by at least half a slider step, so the baseline rounded to the sliders' steps gives
    the report's own figures; with ``exact``, every value that differs from the baseline at all (a table
    of chosen values, each labelled as computed)."""
    for name in values:  # a misspelt assumption is named with the nearest one and every one to write
        check_choice("assumption", name, tuple(STEPS), "whatif", project.params.language)
    values = {name: None if v is None else check_number(name, v, "whatif") for name, v in values.items()}
    base = base or baseline(project)
    out: dict = {}
    for name, value in values.items():
        if value is None or abs(float(value) - getattr(base, name)) < (1e-12 if exact else STEPS[name] / 2):
            continue
        if name == "monthly_level":
            out["monthly_level"] = {"method": "fixed", "amount_sek": float(value),
                                    "amount_year": project.params.price_year,
                                    # (the evaluator's choice, as an amount without a source in the params file is)
                                    "source": None, "source_en": None}
        else:
            out[name] = float(value)
            if name == "dropoff_per_year":  # a chosen drop-off replaces the observed persistence
                out["dropoff_from_payments"] = False
    return out


def evaluate(project, *, base: Assumptions | None = None, lang: str | None = None, exact: bool = False,
             known: Counted | None = None, **values: float):
    """The cost-benefit analysis with some assumptions changed (no Monte Carlo, for speed).

    Parameters
    ----------
    project
        A loaded project.
    base
        Its :func:`baseline`, if already computed.
    lang
        ``"sv"`` or ``"en"``; default: the project's.
    exact
        Compute at every value given, even one within half a slider step of the baseline (which the sliders
        leave at the baseline, so that their rounded starting point gives the report's figures).
    known
        The project's :func:`counted`, where the caller has it (the assumptions change no count); worked out
        here otherwise.
    **values
        Any of ``horizon_years``, ``dropoff_per_year``, ``deadweight``, ``discount_rate``,
        ``monthly_level`` (kr per month in the price year: replaces the params' way of valuing
        it with this fixed amount for everyone).

    Returns
    -------
    CostBenefitResult
        As :func:`evaltools.cost_benefit` gives it for the project with these assumptions; its
        display says which assumptions were changed.

    Raises
    ------
    ParamsError
        For a value that is not a number or is out of range, or an assumption it does not know
        (naming the nearest one and every one to write), worded as for the params file.

    Examples
    --------
    >>> import evaltools as et
    >>> project = et.load_project("kompassen-demo")  # doctest: +SKIP
    >>> et.whatif.evaluate(project, deadweight=0.5).summary.npv  # doctest: +SKIP
    """
    check_lang(lang, "whatif")
    known = known or counted(project)
    first = None
    if base is None:
        base, first = _baseline(project, known, lang)
    change = changes(project, base, exact=exact, **values)
    if not change and first is not None:  # (the project's own assumptions: the baseline's calculation is the answer)
        return first
    return _cost_benefit(project.with_params(cost_benefit=change) if change else project, lang, known)


def tornado_data(result, perspective: str | None = None) -> pd.DataFrame:
    """The one-at-a-time sensitivity of one perspective's NPV: what the tornado chart draws.

    Parameters
    ----------
    result
        A :class:`~evaltools.analysis.costbenefit.CostBenefitResult` (e.g. from :func:`evaluate`).
    perspective
        A perspective of ``result.table``; default the result's lead perspective.

    Returns
    -------
    pandas.DataFrame
        One row per assumption of the registry that moves this perspective's NPV (parameter,
        low_value, high_value, npv_low, npv_high, range, npv_base, perspective); ``npv_base`` is
        the perspective's NPV in ``result.table``. Empty when there is no benefit to vary.

    Raises
    ------
    ParamsError
        For a perspective the result does not have, naming the nearest one and every one to write.

    Examples
    --------
    >>> et.whatif.tornado_data(et.whatif.evaluate(project), "kommun")  # doctest: +SKIP
    """
    perspective = perspective or result.summary.perspective
    by = result.sensitivity_by_perspective or {}
    return by[check_choice("perspective", perspective, tuple(by) or ("–",), "tornado_data", result.lang)]


def tornado_chart(result, perspective: str | None = None, lang: str | None = None):
    """The tornado chart of one perspective's net present value, drawn as the report draws it: its
    axis names the perspective and the basis (``nuvärde i 2025 års priser``), and an application's
    row of exits says those who leave.

    Parameters
    ----------
    result
        A :class:`~evaltools.analysis.costbenefit.CostBenefitResult` (``et.cost_benefit(project)``,
        :func:`evaluate`).
    perspective
        A perspective of ``result.table``; default the result's lead perspective, the report's.
    lang
        ``"sv"`` or ``"en"``; default: the result's.

    Returns
    -------
    matplotlib.figure.Figure or None
        The chart (``fig.savefig("tornado.png", dpi=200)``), with its alternative text; ``None`` where
        there is no sensitivity to draw, as the report draws none (no exit valued yet, or exits so few
        that the report withholds the figures that would give their number).

    Raises
    ------
    ParamsError
        For a perspective the result does not have, naming the nearest one and every one to write.

    Examples
    --------
    >>> et.whatif.tornado_chart(et.whatif.evaluate(project, deadweight=0.5))  # doctest: +SKIP
    """
    check_lang(lang, "tornado_chart")
    lang = lang or result.lang
    perspective = perspective or result.summary.perspective
    sensitivity = tornado_data(result, perspective)
    if sensitivity.empty:
        return None
    rate = float(result.assumptions.set_index("name").loc["discount_rate", "value"])
    basis = basis_words(PriceBasis.present_value(result.summary.price_year, rate), lang, short=True)
    # (the report's names for the rows: one rule, which reads the result and the words of the language)
    names = _tornado_names(SimpleNamespace(cba=result, msg=lambda key: msg(key, lang)))
    return plot_tornado(sensitivity, lang, who_of(perspective, lang), names=names, basis=basis)


def society_note(result, lang: str | None = None) -> str:
    """One sentence saying why society's NPV does not move with the sliders, when earnings from
    work are not valued (the försörjningsstöd saved is a transfer for society); otherwise ``""``."""
    lang = lang or result.lang
    s = result.summary
    if s.earnings_valued or s.mode == "structural":
        return ""
    return msg("explore.whatif.society_fixed", lang)


def key_figures(result, perspective: str = "offentliga", lang: str | None = None,
                shown: Disclosure | None = None) -> pd.DataFrame:
    """The figures the panel shows, as a table of text in the report's formats.

    Parameters
    ----------
    result
        A :class:`~evaltools.analysis.costbenefit.CostBenefitResult`.
    perspective
        A perspective of ``result.table`` (``kommun``, ``region``, ``stat``, ``fk``, ``individ``,
        ``offentliga``, ``samhälle``) whose figures are shown, beside the public financiers' and society's NPV.
    lang
        ``"sv"`` or ``"en"``; default: the result's.
    shown
        The project's small-count rule (:func:`evaltools.analysis.disclosure.disclosure`): where it
        withholds the number of exits, the break-even's "so far" count is shown as ``..``, as in the
        report. Without it the count is shown.

    Returns
    -------
    pandas.DataFrame
        Two columns, key figure and value.

    Raises
    ------
    ParamsError
        For a perspective the result does not have, naming the nearest one and every one to write.
    """
    lang = lang or result.lang
    s = result.summary
    actors = result.table.set_index("perspective")
    row = actors.loc[check_choice("perspective", perspective, tuple(actors.index), "key_figures", lang)]
    who = who_of(perspective, lang)
    note = note_text(row["note"], lang)
    net = (msg("explore.not_valued", lang) + (f" ({note})" if note else "")
           if pd.isna(row["npv"]) else fmt_kr(row["npv"], lang) + (f" ({note})" if note else ""))
    payback = row["payback_months"]
    py = s.price_year
    so_far = fmt_int(s.successes, lang) if shown is None or shown.shows(Secondary.EXITS) else SECONDARY
    # where 1 to k − 1 exits are valued, the NPVs and the ratio over them (the exact ones would give the count)
    ranged = s.exit_range is not None
    if ranged:
        net = _range(result, perspective, "npv", lang) or "–"
    rows = [
        (msg("explore.whatif.npv", lang, who=who, price_year=py), net),
        # (the value of one exit, which with the break-even says what the range is made of)
        *([(msg("explore.whatif.per_exit", lang, who=who, price_year=py), fmt_kr(s.exit_range.of(perspective).per_exit, lang))]
          if ranged and s.exit_range.of(perspective) is not None else []),
        # (the public financiers' and society's NPV beside the chosen perspective's, not twice)
        *([] if perspective == "offentliga" else
          [(msg("explore.whatif.npv_public", lang, price_year=py),
            _range(result, "offentliga", "npv", lang) or fmt_kr(actors.loc["offentliga", "npv"], lang))]),
        *([] if perspective == "samhälle" else
          [(msg("explore.whatif.npv_society", lang, price_year=py),
            _range(result, "samhälle", "npv", lang) or fmt_kr(actors.loc["samhälle", "npv"], lang))]),
        (msg("explore.whatif.bcr", lang, who=who), _range(result, perspective, "bcr", lang) or fmt_num(row["bcr"], 2, lang)),
        (msg("explore.whatif.break_even", lang, who=who), _break_even(result, perspective, row, who, so_far, lang)),
        # (no payback or switching deadweight over a range of exits: each would give the count back)
        *([] if ranged else [
            # (a perspective whose benefit is not valued has no payback to miss: "ej värderad", as its NPV says)
            (msg("explore.whatif.payback", lang, who=who),
             msg("explore.not_valued", lang) if pd.isna(row["npv"])
             else msg("explore.whatif.payback_never", lang) if pd.isna(payback)
             else plural("explore.months", lang, round(payback), n=fmt_num(payback, 0, lang))),
            (msg("explore.whatif.switching", lang, who=who),
             fmt_pct(row["switching_deadweight"], lang, 0) if 0 <= row["switching_deadweight"] <= 1
             else switching_words(row["npv"], lang))]),
    ]
    return pd.DataFrame(rows, columns=[msg("explore.column.key_figure", lang), msg("common.value", lang)])


def _break_even(result, perspective: str, row: pd.Series, who: str, so_far: str, lang: str) -> str:
    """The break-even's cell: the persons needed beside those who have left so far, or, where no number of
    exits is needed or would do, why (:func:`~evaltools.present.sections.costbenefit.break_even_words`)."""
    if not pd.isna(row["break_even_exits"]):
        # (an application's exits are the ones it expects, as its report's key figures say; not "so far")
        key = "explore.whatif.break_even_expected" if result.summary.mode == "ex_ante" else "explore.whatif.break_even_value"
        return msg(key, lang, exits=fmt_persons_needed(row["break_even_exits"], lang), successes=so_far)
    per_exit = result.per_exit.set_index("perspective") if result.per_exit is not None else None
    return break_even_words(row["break_even_exits"],
                            per_exit.loc[perspective] if per_exit is not None and perspective in per_exit.index else None,
                            who, lang)


def grid(project, rows: str = "deadweight", row_values=(0.0, 0.25, 0.5, 0.75), columns: str = "horizon_years",
         column_values=(1, 3, 5), lang: str | None = None, known: Counted | None = None,
         base: Assumptions | None = None) -> pd.DataFrame:
    """Net present value for every combination of two assumptions (the others as in the report).

    Parameters
    ----------
    project
        A loaded project.
    rows, columns
        Names of two assumptions (see :class:`Assumptions`).
    row_values, column_values
        The values to try: numbers, at most ``MAX_GRID_CELLS`` (100) combinations, since each is
        a cost-benefit calculation of its own.
    lang
        ``"sv"`` or ``"en"``; default: the project's.
    known
        The project's :func:`counted`, where the caller has it; worked out here otherwise, once for every cell.
    base
        Its :func:`baseline`, where the caller has it; worked out here otherwise.

    Returns
    -------
    pandas.DataFrame
        One row per value of ``rows``, one column per value of ``columns``, NPV as text in the
        report's format.

    Raises
    ------
    ParamsError
        For a value that is not a number, an assumption it does not know, or too many
        combinations, worded as for the params file.

    Examples
    --------
    >>> et.whatif.grid(project, "deadweight", (0.25, 0.5), "horizon_years", (3, 5))  # doctest: +SKIP
    """
    check_lang(lang, "whatif.grid")
    for name, value in (("rows", rows), ("columns", columns)):
        check_choice(name, value, tuple(STEPS), "whatif.grid", lang or project.params.language)
    row_values, column_values = check_grid(row_values, column_values, "whatif.grid")
    row_values = [check_number(rows, v, "whatif.grid") for v in row_values]
    column_values = [check_number(columns, v, "whatif.grid") for v in column_values]
    lang = lang or project.params.language
    known = known or counted(project)
    base = base or baseline(project, known)
    out = {}
    for cv in column_values:
        # (each cell at the values its labels say, not the baseline where one lies within half a slider step of it)
        results = [evaluate(project, base=base, exact=True, known=known, **{rows: rv, columns: cv})
                   for rv in row_values]
        # (where 1 to k − 1 exits are valued, the lead perspective's range over them: the NPV would give the count)
        out[_value_label(columns, cv, lang)] = [
            fmt_kr(r.summary.npv, lang) if r.summary.exit_range is None
            else range_cell(r.summary.exit_range, r.summary.exit_range.lead, "npv", lang) for r in results]
    frame = pd.DataFrame(out)
    frame.insert(0, f"{control_label(rows, lang)} \\ {control_label(columns, lang)}",
                 [_value_label(rows, v, lang) for v in row_values])
    return frame


def _value_label(name: str, value: float, lang: str) -> str:
    return assumption_words.value_text(name, value, lang)


class WhatIfTable:
    """The static what-if table: shown where widgets are not available (and in a saved notebook): the
    panel's key figures and tornado chart at the report's assumptions, and a grid of NPVs."""

    def __init__(self, project, lang: str | None = None):
        self.lang = lang or project.params.language
        known = counted(project)  # (once: every calculation below reads the same goal table and counts)
        # (the report's assumptions and the figures at them: one calculation, as evaluate(project) gives them)
        base, self.result = _baseline(project, known, self.lang)
        self.key_figures = key_figures(self.result, lang=self.lang,
                                       shown=disclosure(project, known.goal_table, counted=known.counts,
                                                        through=self.result.summary.per_person_through))
        self.grid = grid(project, lang=self.lang, known=known, base=base)
        self.note = society_note(self.result, self.lang)
        # (the panel's chart at its start: the report's tornado, where the report draws one; as an image, since
        # figure_html closes the figure)
        chart = tornado_chart(self.result, lang=self.lang) if self.result.summary.successes else None
        self.chart_html = figure_html(chart) if chart is not None else ""

    def _repr_html_(self) -> str:
        lang = self.lang
        return render("whatif_static.html.j2", title=msg("explore.whatif.static_title", lang),
                      figures=markup(frame_html(self.key_figures)), note=self.note,
                      grid_intro=msg("explore.whatif.grid", lang), grid=markup(frame_html(self.grid))) + self.chart_html


class WhatIfPanel:
    """Sliders for the cost-benefit assumptions, the key figures and the tornado chart.

    Attributes
    ----------
    controls
        The input widgets by assumption name (and ``perspective``).
    result
        The :class:`~evaltools.analysis.costbenefit.CostBenefitResult` for the current values.
    widget
        The whole panel (an ``ipywidgets.VBox``), what JupyterLab shows.
    """

    def __init__(self, project, lang: str | None = None):
        import ipywidgets as w
        self.project = project
        self.lang = lang = lang or project.params.language
        self.known = known = counted(project)  # (once: the assumptions change no count of persons)
        # (the report's assumptions and the figures at them: one calculation)
        self.base, first = _baseline(project, known)
        # (the assumptions change no count of persons; the goal table, as the report's: a count a goal publishes is public)
        self.shown = disclosure(project, known.goal_table, through=paid_through(project), counted=known.counts)
        style = {"description_width": "16em"}
        layout = w.Layout(width="34em")
        readout = {Unit.YEARS: ".1f", Unit.SHARE: ".0%", Unit.SHARE_PER_YEAR: ".0%", Unit.RATE_PER_YEAR: ".1%"}

        def control(name, spec):
            common = {"value": spec["value"], "min": spec["min"], "max": spec["max"], "step": spec["step"],
                      "style": style, "layout": layout, "description": control_label(name, lang),
                      "tooltip": assumption_words.definition(name, lang)}
            if spec["unit"] is Unit.KR_PER_MONTH:  # an amount: typed, not dragged
                return w.BoundedFloatText(**common)
            return w.FloatSlider(readout_format=readout.get(spec["unit"], ".2f"), continuous_update=False, **common)

        self.controls = {name: control(name, spec) for name, spec in slider_specs(project, self.base).items()}
        actors = list(first.table["perspective"])
        self.controls["perspective"] = w.Dropdown(options=[(t(a, lang), a) for a in actors],
                                                  value=first.summary.perspective,
                                                  description=control_label("perspective", lang), style=style, layout=layout)
        self.figures = w.HTML()
        self.chart = w.HTML()
        reset = w.Button(description=msg("explore.whatif.reset", lang))
        reset.on_click(lambda _: self.reset())
        for c in self.controls.values():
            c.observe(lambda _: self.update(), names="value")
        intro = w.HTML(render("text.html.j2", heading=None, level=4, css="", paragraphs=[msg("explore.whatif.intro", lang)]))
        self.widget = w.VBox([intro, *self.controls.values(), reset, self.figures, self.chart])
        self.update()

    def values(self) -> dict:
        """The current values of the assumptions."""
        return {name: float(self.controls[name].value) for name in STEPS}

    def reset(self) -> None:
        """Back to the report's assumptions."""
        for name, spec in slider_specs(base=self.base).items():  # (the same start values as the panel's)
            self.controls[name].value = spec["value"]

    def update(self) -> None:
        """Recompute the figures and the chart for the current values."""
        lang = self.lang
        self.result = evaluate(self.project, base=self.base, lang=lang, known=self.known, **self.values())
        table = key_figures(self.result, self.controls["perspective"].value, lang, shown=self.shown)
        changed = changes(self.project, self.base, **self.values())
        note = msg("explore.whatif.changed", lang, names=", ".join(control_label(k, lang) for k in changed if k in STEPS)) \
            if changed else msg("explore.whatif.unchanged", lang)
        society = society_note(self.result, lang)
        self.figures.value = render("whatif_figures.html.j2", note=note, table=markup(frame_html(table)), society=society)
        # the tornado of the perspective chosen, as the table beside it
        perspective = self.controls["perspective"].value
        chart = tornado_chart(self.result, perspective, lang) if self.result.summary.successes else None
        self.chart.value = figure_html(chart) if chart is not None else ""

    def _ipython_display_(self) -> None:
        from IPython.display import display
        display(self.widget)


def panel(project, lang: str | None = None, widgets: bool = True):
    """An interactive what-if panel for the cost-benefit analysis in JupyterLab.

    Sliders for deadweight, horizon, drop-off and discount rate, a field for the monthly
    försörjningsstöd avoided and a choice of perspective; the key figures (NPV, net for the
    perspective, benefit-cost ratio, break-even, payback) and the tornado chart follow them.

    Parameters
    ----------
    project
        A loaded project.
    lang
        ``"sv"`` or ``"en"``; default: the project's.
    widgets
        ``False`` gives the static table even where widgets are available (for a printed or
        exported notebook).

    Returns
    -------
    WhatIfPanel or WhatIfTable
        The panel; or, where ipywidgets is not installed, a static table with the key figures, the tornado chart
        and the NPV for several deadweights and horizons.

    Examples
    --------
    >>> import evaltools as et
    >>> et.whatif.panel(et.load_project("kompassen-demo"))  # doctest: +SKIP
    """
    if widgets:
        try:
            import ipywidgets  # noqa: F401
        except ImportError:
            widgets = False
    return WhatIfPanel(project, lang) if widgets else WhatIfTable(project, lang)


__all__ = ["Assumptions", "WhatIfPanel", "WhatIfTable", "baseline", "changes", "evaluate", "grid", "key_figures", "panel",
           "slider_specs", "society_note", "tornado_chart", "tornado_data"]
