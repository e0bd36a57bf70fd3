"""Shared behaviour of result objects: a tidy ``.table``, ``to_dict`` and a readable notebook display.

Every analysis returns a small result object. ``.table`` is what a report may publish (small
counts suppressed), ``.raw`` the unsuppressed numbers for the evaluator's own exploration, and
in a notebook the object shows itself as a board reads it: a headline first, then the table in
the project's language with the report's number formats (``1 276 000 kr``, ``48,6 %``), no
scientific notation, ``–`` for a missing value, and a note when the result was computed with
settings changed by :meth:`evaltools.data.project.Project.with_params`.

The display code for every kind of result lives here, in one place: the analysis modules only
compute (:mod:`evaltools.analysis.result`), and this module registers how their results show
themselves when it is imported (``et.assess_goals`` and the other functions of the package's
public API import it).
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import replace

import numpy as np
import pandas as pd

from ..analysis.goals import HIDDEN_SMALL, GoalAssessment, side_p
from ..analysis.result import Context, Result, register_presenter
from ..data.privacy import DEFAULT_MIN_COUNT, SECONDARY, suppressed_label
from ..words.formats import (fmt_kr_prose_range, fmt_p_relation, fmt_persons_needed, fmt_probability, fmt_quarter)
from ..words.verdicts import interval_words, status_words
from ..words.labels import (NBSP, budget_period_label, code_label, fmt_int, goal_count_words, goal_share_words, fmt_kr, fmt_num, fmt_p, fmt_pct, marked_goal_label,
                             note_text, period_label, t, who as who_of)
from ..words.text import msg
from ..words.breakdowns import fmt_days, group_labels, labelled, term_label, term_labels
from ..data.arguments import check_choice, check_lang
from ..data.assumptions import REGISTRY
from ..data import schema as S
from ..words.assumptions import label, end_text, assumptions_table, value_text
from ..data.project import Project, _flatten, register_display
from .markup import markup, render


def goal_table_frame(result: GoalAssessment, lang: str, min_count: int = 5, since: dict | None = None) -> pd.DataFrame:
    """A goal assessment's table as a board reads it: formatted values in ``lang``, the status in
    the words every other place uses (:mod:`evaltools.words.verdicts`). Context goals are left out
    (they are shown as series). ``since``: the survey goals read from one day on, by id
    (:func:`evaltools.words.labels.answered_since`), whose period names that day."""
    rows = []
    measurable = result.table[~result.table["kind"].isin(("qualitative", "context"))]
    ex_ante = bool(len(measurable)) and bool((measurable["mode"] == "ex_ante").all())
    value_col = t("expected_by_application" if ex_ante else "value", lang)
    for r in result.table.itertuples(index=False):
        if r.kind == "context":
            continue
        uncertainty = "–"
        if r.kind == "qualitative":
            value = target = ci = "–"
        elif r.kind == "share":
            if r.too_few:
                value = t("too_few", lang, k=min_count)
            elif getattr(r, "suppression", ""):  # hidden to protect another period's hidden count (analysis.goals.hide_small_periods)
                value = SECONDARY
            else:
                # (an application's expected share has no counts; the share and its counts keep together)
                value = goal_share_words(r.value, r.numerator, r.denominator, getattr(r, "counts", "persons"), lang)
            target = fmt_pct(r.target, lang, 0)
            ci = (f"{fmt_pct(r.ci_low, lang)}–{fmt_pct(r.ci_high, lang)}" if not np.isnan(r.ci_low) else "–")
            if r.ci_verdict:
                uncertainty = f"{interval_words(r.ci_verdict, lang)}, p\u00a0{fmt_p_relation(side_p(r), lang).replace(' ', NBSP)}"
        else:
            value = goal_count_words(r.value, getattr(r, "counts", "persons"), lang) if not np.isnan(r.value) else "–"
            if getattr(r, "suppression", ""):  # a period the small-count rule hides: "<k", or ".." to protect another
                value = suppressed_label(min_count) if r.suppression == HIDDEN_SMALL else SECONDARY
            target = fmt_int(r.target, lang)
            if not np.isnan(r.target_prorated) and r.target_prorated != r.target:
                # the target for the time the period ran, in whole persons, as it is compared
                target += f" ({fmt_int(r.target_prorated, lang)})"
            ci = "–"
        if r.note == "not_run" and r.kind != "qualitative":  # (a year after an early end: never run, not missing)
            value = t("never_run", lang)
        label = marked_goal_label(r.label, r.source, lang)
        rows.append({t("goal", lang): label, t("period", lang): period_label(r, lang, (since or {}).get(r.goal_id)), value_col: value,
                     t("target", lang): target, t("ci", lang): ci, t("status", lang): status_words(r.status, lang),
                     t("uncertainty", lang): uncertainty})
    return pd.DataFrame(rows)


# --- formatting ------------------------------------------------------------------------
# column kinds: how a value is written
def _fmt(value: object, kind: str, lang: str) -> str:
    if isinstance(value, str):
        return value  # suppressed marks ("<5", "..") and text stay as they are
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return "–"
    if kind == "count":
        return fmt_int(value, lang)
    if kind == "pct":
        return fmt_pct(value, lang)
    if kind == "pct0":
        return fmt_pct(value, lang, 0)
    if kind == "kr":
        return fmt_kr(value, lang)
    if kind == "p":
        return fmt_p(value, lang)
    if kind == "num0":
        return fmt_num(value, 0, lang)
    if kind == "num1":
        return fmt_num(value, 1, lang)
    if kind == "num2":
        return fmt_num(value, 2, lang)
    if isinstance(value, (float, np.floating)):
        return fmt_num(value, 2, lang)
    if isinstance(value, (int, np.integer)):
        return fmt_int(value, lang)
    return str(value)


def format_frame(df: pd.DataFrame, spec: list[tuple], lang: str) -> pd.DataFrame:
    """A frame of text cells from ``spec``: ``(column, label, kind)`` per shown column.

    ``kind`` is a value format (``count``, ``pct``, ``kr``, ``p``, ``num0``…``num2``, ``text``), a
    function of the cell value, or ``("interval", low, high, kind)`` to join two columns as
    ``lo–hi``. Columns not in ``spec`` are not shown: internal columns never reach the reader.
    """
    out = {}
    for column, heading, kind in spec:
        if isinstance(kind, tuple) and kind[0] == "interval":
            _, lo_col, hi_col, k = kind
            if lo_col not in df or hi_col not in df:
                continue
            out[heading] = [_interval(lo, hi, k, lang) for lo, hi in zip(df[lo_col], df[hi_col])]
            continue
        if column not in df:
            continue
        if callable(kind):
            out[heading] = [kind(v) for v in df[column]]
        else:
            out[heading] = [_fmt(v, kind, lang) for v in df[column]]
    return pd.DataFrame(out, index=range(len(df)))


def _interval(lo: object, hi: object, kind: str, lang: str) -> str:
    a, b = _fmt(lo, kind, lang), _fmt(hi, kind, lang)
    if a == "–" and b == "–":
        return "–"
    if a == b and a in ("..",):
        return a
    return msg("explore.interval_kr", lang, low=a, high=b) if kind == "kr" else f"{a}–{b}"


def _generic_spec(df: pd.DataFrame, lang: str) -> list[tuple]:
    return [(c, t(c, lang), "count" if pd.api.types.is_integer_dtype(df[c]) else "auto") for c in df.columns]


# --- per result type --------------------------------------------------------------------
_TITLES = {
    "GoalAssessment": "explore.title.goals",
    "Composition": "explore.title.composition",
    "Flows": "explore.title.flows",
    "OutcomeComparison": "explore.title.rates",
    "SuccessModel": "explore.title.model",
    "TimeToExit": "explore.title.time",
    "ComparisonResult": "explore.title.payments",
    "CostTable": "explore.title.costs",
    "CostBenefitResult": "explore.title.costbenefit",
}


def _title(result: Result, lang: str) -> str:
    key = _TITLES.get(type(result).__name__)
    if getattr(result, "freq", "M") == "Q":  # flows per quarter
        key = "explore.title.flows_quarter"
    return msg(key, lang) if key else type(result).__name__


def _columns_composition(lang):
    return [("variable_label", t("variable", lang), "text"), ("category_label", t("category", lang), "text"),
            ("n", t("n", lang), "count"), ("share", t("share_col", lang), "pct")]


def _columns_flows(lang):
    return [("month", t("month", lang), "text"), ("intake", t("intake", lang), "count"), ("exits", t("exits", lang), "count")]


def _columns_rates(lang):
    return [("variable_label", t("variable", lang), "text"), ("category_label", t("category", lang), "text"),
            ("n", msg("explore.column.ended", lang), "count"), ("successes", t("successes", lang), "count"),
            ("rate", t("rate", lang), "pct"), ("ci", t("ci", lang), ("interval", "ci_low", "ci_high", "pct")),
            ("test", t("test", lang), "text"), ("p_value", t("p_value", lang), "p")]


def _columns_model(lang):
    return [("term", msg("explore.column.term", lang), "text"),
            ("odds_ratio", msg("explore.column.odds_ratio", lang), "num2"),
            ("ci", t("ci", lang), ("interval", "ci_low", "ci_high", "num2")), ("p_value", t("p_value", lang), "p")]


def _number(fn):
    """``fn``, a formatter of a column of numbers: :func:`chart_data` keeps the numbers instead."""
    fn.number = True
    return fn


def _columns_tte(lang):
    return [("group", msg("common.group", lang), "text"), ("day", msg("explore.column.day", lang), "count"),
            ("still_in_project", msg("explore.column.still_in_project", lang), "pct"),
            ("at_risk", msg("explore.column.at_risk", lang), "count"),
            ("median_days", msg("explore.column.median_days", lang),
             _number(lambda v: v if isinstance(v, str) else fmt_days(v, lang)))]


def _columns_comparison(lang):
    return [("group", msg("common.group", lang), lambda g: t(g, lang)),
            ("before", msg("explore.column.before", lang), "kr"),
            ("after", msg("explore.column.after", lang), "kr"),
            ("change", msg("explore.column.change", lang), "kr"), ("persons", msg("explore.column.persons", lang), "count")]


def _columns_costs(lang):
    return [("period", t("period", lang), lambda p: budget_period_label(p, lang)),
            ("category", t("category", lang), "text"),
            ("funder", msg("explore.column.funder", lang), lambda f: code_label(S.FUNDER, f, lang)),
            ("budget", t("budget", lang), "kr"), ("actual", t("actual", lang), "kr"),
            ("difference", t("difference", lang), "kr"), ("used_pct", t("used_pct", lang), "pct0"),
            ("used", msg("explore.column.used", lang), "kr")]


def _columns_cba(lang):
    return [("perspective", msg("explore.column.perspective", lang), lambda a: t(a, lang)),
            ("pv_benefit", msg("explore.column.pv_benefit", lang),
             _number(lambda v: msg("explore.not_valued", lang) if pd.isna(v) else fmt_kr(v, lang))),
            ("pv_cost", msg("explore.column.pv_cost", lang), "kr"),
            # (society's only: "–" for the perspectives that do not carry it)
            ("pv_skattefaktor", msg("costbenefit.skattefaktor_pv", lang),
             _number(lambda v: "–" if pd.isna(v) else fmt_kr(v, lang))),
            ("npv", msg("explore.column.npv", lang), "kr"),
            ("note", msg("explore.column.note", lang), lambda n: note_text(n, lang))]


_COLUMNS = {"Composition": _columns_composition, "Flows": _columns_flows, "OutcomeComparison": _columns_rates,
            "SuccessModel": _columns_model, "TimeToExit": _columns_tte, "ComparisonResult": _columns_comparison,
            "CostTable": _columns_costs, "CostBenefitResult": _columns_cba}


def _first_breakdown(raw: pd.DataFrame | None) -> pd.DataFrame | None:
    if raw is None or raw.empty or "variable" not in raw:
        return None
    return raw[raw["variable"] == raw["variable"].iloc[0]]


def _headline_goals(r, lang):
    tab = r.table
    if tab.empty:
        return msg("explore.goals.none", lang)
    from ..analysis.goals import GoalStatus  # (goals imports results: a top-level import would be a cycle)
    from ..words.verdicts import status_words  # (imports goals)
    counts = tab["status"].value_counts()
    parts = [f"{status_words(s, lang)}: {fmt_int(counts[s], lang)}" for s in GoalStatus if s in counts]
    return msg("explore.goals.headline", lang, counts="; ".join(parts))


def _headline_composition(r, lang):
    first = _first_breakdown(r.raw)
    if first is None:  # (a project without participants raises instead: its breakdowns were left out, as the report's)
        return msg("explore.breakdown_not_shown", lang)
    # the participants (persons) the shares are of: a person enrolled in two groups (both project years) is in
    # both, so a breakdown's counts may add up to more
    some = first[(first["n"] > 0) & (first["share"] > 0)]
    n = round(float(some["n"].iloc[0] / some["share"].iloc[0])) if len(some) else int(first["n"].sum())
    return msg("explore.composition", lang, n=fmt_int(n, lang))


def _headline_flows(r, lang):
    if r.raw is None or r.raw.empty:
        return msg("explore.no_participants", lang)
    return msg("explore.flows", lang, intake=fmt_int(r.raw["intake"].sum(), lang), exits=fmt_int(r.raw["exits"].sum(), lang))


def _headline_rates(r, lang):
    first = _first_breakdown(r.raw)
    if first is None:  # (nobody ended, or every breakdown asked for was left out as the report leaves it out)
        return msg("explore.rates_not_shown", lang)
    if not first["n"].sum():
        return msg("explore.rates.none", lang)
    n, k = int(first["n"].sum()), int(first["successes"].sum())
    # (outcome codes the caller chose are not the main goal's definition: the headline must not say so)
    key = "explore.rates.headline" if getattr(r, "definition", None) is not None else "explore.rates.headline_chosen"
    return msg(key, lang, n=fmt_int(n, lang), k=fmt_int(k, lang), share=fmt_pct(k / n, lang))


def _headline_model(r, lang):
    tab = r.table
    if tab.empty:
        return note_text(r.notes[0], lang) if r.notes else ""
    clear = tab[(tab["ci_low"] > 1) | (tab["ci_high"] < 1)]
    if clear.empty:
        return msg("explore.model.none_clear", lang)
    items = "; ".join(f"{term_label(x.variable, x.category, lang)}: {fmt_num(x.odds_ratio, 2, lang)} "
                      f"({_interval(x.ci_low, x.ci_high, 'num2', lang)})" for x in clear.itertuples())
    return msg("explore.model.clear", lang, items=items)


def _headline_tte(r, lang):
    tab = r.table
    if tab.empty:
        return msg("explore.no_participants", lang)
    medians = tab.assign(group=group_labels(r, lang)).drop_duplicates("group")[["group", "median_days"]]
    days = msg("explore.time.days", lang)
    parts = [f"{g} {m if isinstance(m, str) else (msg('explore.time.not_reached', lang) if pd.isna(m) else fmt_days(m, lang) + NBSP + days)}"
             for g, m in medians.itertuples(index=False)]
    return msg("explore.time.headline", lang, medians="; ".join(parts))


def _headline_comparison(r, lang):
    d = r.did
    if d is None:
        return note_text(r.notes[0], lang) if r.notes else ""
    text = msg("explore.comparison.did", lang, effect=fmt_kr(d.effect, lang), ci=_interval(d.ci_low, d.ci_high, "kr", lang),
               p=_p_phrase(d.p_value, lang))
    if r.placebo is not None:
        pl = r.placebo
        text += " " + msg("explore.comparison.placebo", lang, effect=fmt_kr(pl.effect, lang),
                          ci=_interval(pl.ci_low, pl.ci_high, "kr", lang))
    return text


def _p_phrase(p: float, lang: str) -> str:
    return fmt_p_relation(p, lang)


def _headline_costs(r, lang):
    tab = r.table
    if tab.empty:
        return msg("explore.costs.none", lang)
    actual = tab["actual"].sum(min_count=1)
    return msg("explore.costs.headline", lang, used=fmt_kr(tab["used"].sum(), lang), budget=fmt_kr(tab["budget"].sum(), lang),
               actual=fmt_kr(actual, lang))


def _headline_cba(r, lang):
    s = r.summary
    if not s:
        return ""
    if s.exit_range is not None and pd.isna(s.npv):  # (as a report publishes it: the range over 1 to k − 1 exits)
        er = s.exit_range
        low, high = fmt_kr_prose_range(er.lead.npv_low, er.lead.npv_high, lang)
        return msg("explore.costbenefit.headline_range", lang, who=who_of(s.perspective, lang),
                   npv=msg("costbenefit.kf.range", lang, low=low, high=high), price_year=s.price_year,
                   low=str(er.low), high=str(er.high), break_even=fmt_persons_needed(s.break_even_exits, lang))
    if pd.isna(s.npv):
        return msg("explore.costbenefit.no_budget", lang)
    key = "explore.costbenefit.headline_ex_ante" if s.mode == "ex_ante" else "explore.costbenefit.headline"
    return msg(key, lang, who=who_of(s.perspective, lang), npv=fmt_kr(s.npv, lang),
               price_year=s.price_year, bcr=fmt_num(s.bcr, 2, lang),
               break_even=fmt_persons_needed(s.break_even_exits, lang), successes=fmt_int(s.successes, lang))


_HEADLINES = {"GoalAssessment": _headline_goals, "Composition": _headline_composition, "Flows": _headline_flows,
              "OutcomeComparison": _headline_rates, "SuccessModel": _headline_model, "TimeToExit": _headline_tte,
              "ComparisonResult": _headline_comparison, "CostTable": _headline_costs, "CostBenefitResult": _headline_cba}


def setting_name(name: str, lang: str = "sv") -> str:
    """What the displays call the assumption ``name`` (the registry's label; the name itself when
    it has no words)."""
    return label(name, lang)


def sensitivity_frame(sensitivity: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The one-at-a-time sensitivity table as a reader sees it: each assumption at its low and
    high value, with the net present value each gives."""
    if sensitivity is None or sensitivity.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        msg("assumption.column.name", lang): [label(p, lang) for p in sensitivity["parameter"]],
        msg("explore.column.low_value", lang): [end_text(p, v, lang) for p, v in zip(sensitivity["parameter"], sensitivity["low_value"])],
        msg("explore.column.npv_low", lang): [fmt_kr(v, lang) for v in sensitivity["npv_low"]],
        msg("explore.column.high_value", lang): [end_text(p, v, lang) for p, v in zip(sensitivity["parameter"], sensitivity["high_value"])],
        msg("explore.column.npv_high", lang): [fmt_kr(v, lang) for v in sensitivity["npv_high"]],
    })


def assumptions_frame(assumptions: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The cost-benefit assumptions as the report lists them: name, value, range tested, source, uncertain."""
    return assumptions_table(assumptions, lang)


def _extra_cba(r, lang):
    parts = []
    if r.assumptions is not None and len(r.assumptions):
        parts.append(render("section.html.j2", heading=msg("explore.costbenefit.assumptions", lang),
                            body=markup(frame_html(assumptions_frame(r.assumptions, lang)))))
    if r.sensitivity is not None and len(r.sensitivity) and r.summary.successes:
        parts.append(render("section.html.j2", heading=msg("explore.costbenefit.sensitivity", lang),
                            body=markup(frame_html(sensitivity_frame(r.sensitivity, lang)))))
    mc = r.monte_carlo
    if mc:
        parts.append(render("text.html.j2", heading=None, level=4, css="", paragraphs=[msg(
            "explore.costbenefit.monte_carlo", lang, draws=fmt_int(mc.draws, lang),
            who=who_of(mc.perspective, lang),
            probability=fmt_probability(mc.p_npv_positive, lang), low=fmt_kr(mc.npv_p05, lang),
            high=fmt_kr(mc.npv_p95, lang))]))
    return "".join(parts)


def _extra_goals(r, lang):
    """The qualitative goals as the report lists them below its goal table: the evaluator's assessment and what it
    rests on (the table above gives their status only)."""
    q = r.table[r.table["kind"] == "qualitative"]
    if q.empty:
        return ""
    frame = pd.DataFrame({t("goal", lang): q["label"], t("status", lang): [status_words(s, lang) for s in q["status"]],
                          msg("goals.evidence_column", lang): [e or "–" for e in q["evidence"]]})
    return render("section.html.j2", heading=msg("goals.qualitative", lang), body=markup(frame_html(frame)))


_EXTRA_HTML = {"CostBenefitResult": _extra_cba, "GoalAssessment": _extra_goals}


# --- HTML -----------------------------------------------------------------------------------
def _is_numeric_text(values: pd.Series) -> bool:
    """Whether a column of formatted text holds numbers (right-aligned)."""
    import re
    pattern = re.compile(r"^(?:[<>]\s?)?[−\-+]?(?:SEK\s)?[\d\s ,.]+(?:\s?(?:kr|%))?$|^\.\.$|^–$|^<\d+$")
    vals = [v for v in values if isinstance(v, str)]
    return bool(vals) and all(pattern.match(v) for v in vals) and any(ch.isdigit() for v in vals for ch in v)


def frame_html(frame: pd.DataFrame) -> str:
    """A frame of formatted text as a plain HTML table (numbers right-aligned)."""
    if frame is None or frame.empty:
        return ""
    numeric = {str(c): _is_numeric_text(frame[c]) for c in frame.columns}
    columns = [str(c) for c in frame.columns]
    rows = [[(c, str(v)) for c, v in zip(columns, row)] for row in frame.itertuples(index=False)]
    return render("frame.html.j2", columns=columns, numeric=numeric, rows=rows)


# a setting changed with with_params: its name's key and how its value is written
_OVERRIDE_NAMES = {
    "cost_benefit.monthly_level.method": ("explore.setting.monthly_level_method", "code"),
    "cost_benefit.cost_basis": ("explore.setting.cost_basis", "code"),
    "cost_benefit.dropoff_from_payments": ("explore.setting_words.dropoff_from_payments", "yes_no"),
    "partial_band": ("explore.setting.partial_band", "pct"),
}
# the params file's codes for how the monthly level is valued and which cost counts, in words
_SETTING_CODES = {"fixed": "explore.setting_words.fixed", "riksnorm": "explore.setting_words.riksnorm",
                  "own_payments": "explore.setting_words.own_payments",
                  "actual_else_budget": "explore.setting_words.actual_else_budget",
                  "budget": "explore.setting_words.budget"}


def _said_with_another(key: str, changed: dict) -> bool:
    """Whether a changed setting is said by another one beside it: a fixed monthly amount carries its
    method and source (the assumptions table names the source), and a drop-off chosen replaces the
    observed persistence, which :func:`evaltools.present.whatif.changes` switches off with it."""
    level = "cost_benefit.monthly_level."
    if key.startswith(level) and level + "amount_sek" in changed:
        return key in (level + "source", level + "source_en", level + "amount_year") or (key == level + "method" and changed[key] == "fixed")
    return key == "cost_benefit.dropoff_from_payments" and "cost_benefit.dropoff_per_year" in changed


def _setting_value(value: object, lang: str) -> str:
    """A changed setting's value that has no words of its own, in the display's language."""
    if isinstance(value, bool):
        return msg("common.yes" if value else "common.no", lang)
    if isinstance(value, (int, np.integer)):
        return fmt_int(value, lang)
    if isinstance(value, (float, np.floating)):
        return fmt_int(value, lang) if float(value).is_integer() else fmt_num(value, 2, lang)
    return str(value)


def describe_overrides(overrides: tuple[tuple[str, object], ...], lang: str = "sv") -> str:
    """The changed settings in words: "Tidshorisont 5 år; Dödvikt 40 %".

    Every setting is named and its value written as the report writes it (an assumption of the
    registry as its tables do, a code such as ``budget`` or ``riksnorm`` in words, a yes or no in
    the language); a setting with no name in the catalogs keeps its params-file key
    (``privacy.min_count = 10``). The parts of a fixed monthly amount (its year and source) are said
    with the amount, not as settings of their own.
    """
    parts = []
    assumed = {"cost_benefit.monthly_level.amount_sek": "monthly_level",
               **{f"cost_benefit.{n}": n for n in REGISTRY}}
    changed = dict(overrides)
    for key, value in overrides:
        if _said_with_another(key, changed):
            continue
        if key in assumed:  # an assumption of the registry: its name and value as every table shows them
            shown = value_text(assumed[key], value, lang)
            year = changed.get("cost_benefit.monthly_level.amount_year")
            if assumed[key] == "monthly_level" and year is not None:  # (the year of its prices, as the assumptions table says it)
                shown += f" ({year})"
            parts.append(f"{label(assumed[key], lang)} {shown}")
            continue
        name = _OVERRIDE_NAMES.get(key)
        if name is None:
            if key.startswith("goals.") and key.endswith(".target"):
                parts.append(msg("explore.setting.goal_target", lang, goal=key.split(".")[1])
                             + f" = {fmt_num(value, 2 if isinstance(value, float) and value < 1 else 0, lang)}")
            else:
                parts.append(f"{key} = {_setting_value(value, lang)}")
            continue
        name_key, kind = name
        if kind in ("pct", "kr"):
            shown = _fmt(float(value), kind, lang)
        elif kind == "code":
            shown = msg(_SETTING_CODES[value], lang) if value in _SETTING_CODES else str(value)
        else:
            shown = _setting_value(value, lang)
        parts.append(f"{msg(name_key, lang)} {shown}")
    return "; ".join(parts)


def result_html(result: Result, lang: str, frame: pd.DataFrame, extra: str = "") -> str:
    """The notebook display of a result: title, changed settings, headline, table, notes."""
    ctx = result.context
    head = result.headline(lang)
    notes = [n for n in (note_text(n, lang) for n in result.notes) if n and n != head]
    if result.raw is not None and result.raw is not result.table:
        notes.append(msg("explore.suppressed", lang, k=ctx.min_count if ctx else 5))
    changed = msg("explore.changed", lang, changes=describe_overrides(ctx.overrides, lang)) if ctx and ctx.overrides else ""
    return render("result.html.j2", title=_title(result, lang), project=ctx.project if ctx else "", changed=changed,
                  headline=head, table=markup(frame_html(frame)), extra=markup(extra), notes=notes)


def result_text(result: Result, lang: str) -> str:
    """The display of a result as plain text (for a console and the notebook's text fallback)."""
    ctx = result.context
    lines = [_title(result, lang) + (f" — {ctx.project}" if ctx and ctx.project else "")]
    if ctx and ctx.overrides:
        lines.append(msg("explore.changed_short", lang, changes=describe_overrides(ctx.overrides, lang)))
    head = result.headline(lang)
    if head:
        lines.append(head)
    frame = result.display(lang)
    if not frame.empty:
        lines.append(frame.to_string(index=False))
    return "\n".join(lines)


# --- results that know their project ---------------------------------------------------
# settings that change how a result is shown, not its figures: a result computed with them changed says nothing
# of changed assumptions (the project's own display names them all the same)
_SHOWN_ONLY = ("language",)


def context_of(project, lang: str | None = None) -> Context:
    """The display context of a project: its language (or ``lang``), privacy threshold, its title in that
    language and the settings changed with ``with_params`` that change figures."""
    p = project.params
    lang = lang or p.language
    changed = tuple((k, v) for k, v in _flatten(getattr(project, "overrides", {}) or {}) if k not in _SHOWN_ONLY)
    return Context(lang, p.privacy.min_count, changed, p.display_title(lang))


def contextual(fn):
    """Wrap an analysis function so its result knows the project it was computed for (language,
    privacy threshold, changed settings) and displays accordingly."""
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        if not isinstance(result, Result):
            return result
        bound = sig.bind_partial(*args, **kwargs).arguments
        project = bound.get("project", args[0] if args else None)
        if project is None or not hasattr(project, "params"):
            return result
        return replace(result, context=context_of(project, bound.get("lang")))

    return wrapper


def headline(result: Result, lang: str) -> str:
    """The result in one sentence, as its display leads with it ("" when there is none)."""
    fn = _HEADLINES.get(type(result).__name__)
    return fn(result, lang) if fn else ""


def display_frame(result: Result, lang: str) -> pd.DataFrame:
    """The result's table as a reader sees it (see :meth:`evaltools.analysis.result.Result.display`)."""
    if isinstance(result, GoalAssessment):
        return goal_table_frame(result, lang, result.context.min_count if result.context else DEFAULT_MIN_COUNT)
    table, columns = _display_spec(result, lang)
    return format_frame(table, columns, lang)


def _display_spec(result: Result, lang: str) -> tuple[pd.DataFrame, list[tuple]]:
    """A result's table with its codes named, and the columns its display shows (:func:`format_frame`'s spec)."""
    spec = _COLUMNS.get(type(result).__name__)
    table = _worded(result, lang)
    columns = spec(lang) if spec else _generic_spec(table, lang)
    if getattr(result, "freq", "M") == "Q":  # flows per quarter: the period column is a quarter, written as the report does
        columns = [(c, msg("participants.quarter", lang), lambda q: fmt_quarter(q, lang)) if c == "month" else (c, head, kind)
                   for c, head, kind in columns]
    if getattr(result, "by_enrolment", False):  # (someone came back: the ended are enrolments, as on page 1)
        columns = [(c, msg("explore.column.ended_enrolments", lang) if c == "n" else head, kind)
                   for c, head, kind in columns]
    return table, columns


_NUMBER_KINDS = frozenset({"count", "pct", "pct0", "kr", "p", "num0", "num1", "num2"})


def _numbers(values) -> pd.Series:
    """A column of published cells as numbers: a hidden mark (``<5``, ``..``) or ``–`` is NaN, never a number."""
    cells = pd.Series(list(values), dtype=object)
    # (+ 0.0: a residue of −0 is 0, as the display writes it)
    return pd.to_numeric(cells.where(~cells.map(lambda v: isinstance(v, str)), np.nan), errors="coerce") + 0.0


def chart_data(result: Result, lang: str | None = None) -> pd.DataFrame:
    """The table a result publishes, with its numbers as numbers: for a chart or a calculation of your own.

    The same rows and columns as ``result.display()``, headed as it is in the project's language and
    with the codes named (``Kvinna``, ``Ensamstående med barn``), but each figure a number (a share
    as 0.6, an amount in kronor as 9150.0) and an interval as two columns, its lower and upper end.
    A figure the small-count rule hides (``<5``, ``..`` in the display) is NaN: these are the
    published numbers, safe to show as the report shows them, never the unsuppressed ``.raw``.

    Parameters
    ----------
    result
        A result of :func:`evaltools.composition`, :func:`~evaltools.flows`,
        :func:`~evaltools.outcome_rates`, :func:`~evaltools.success_model`,
        :func:`~evaltools.time_to_exit`, :func:`~evaltools.compare_payments`, :func:`~evaltools.costs`
        or :func:`~evaltools.cost_benefit` (the goal table has a chart of its own,
        ``et.plots.plot_goals``).
    lang
        ``"sv"`` or ``"en"``; default: the result's (its project's).

    Returns
    -------
    pandas.DataFrame
        One row per row of the display, text columns as text and figures as floats.

    Raises
    ------
    ParamsError
        For a result of another kind, or a language other than ``sv`` and ``en``.

    Examples
    --------
    >>> rates = et.chart_data(et.outcome_rates(project, by="sex"))  # doctest: +SKIP
    >>> rates.plot.barh(x="Kategori", y="Andel lyckade utfall")  # doctest: +SKIP
    """
    lang = check_lang(lang, "chart_data") or getattr(result, "lang", None) or "sv"
    check_choice("result", type(result).__name__, tuple(_COLUMNS), "chart_data", lang)
    table, spec = _display_spec(result, lang)
    out = {}
    for column, heading, kind in spec:  # (the columns the display shows, as format_frame leaves some out)
        if isinstance(kind, tuple):  # an interval: its two ends
            _, lo, hi, _k = kind
            if lo not in table or hi not in table:
                continue
            out[msg("explore.chart_data.low", lang, heading=heading)] = _numbers(table[lo]).to_numpy()
            out[msg("explore.chart_data.high", lang, heading=heading)] = _numbers(table[hi]).to_numpy()
        elif column not in table:
            continue
        elif kind in _NUMBER_KINDS or getattr(kind, "number", False):
            out[heading] = _numbers(table[column]).to_numpy()
        elif callable(kind):
            out[heading] = [kind(v) for v in table[column]]
        else:
            out[heading] = table[column].to_numpy()
    return pd.DataFrame(out, index=range(len(table)))


def _worded(result: Result, lang: str) -> pd.DataFrame:
    """A cohort result's table with its codes named in ``lang`` (breakdown variables and categories,
    model terms, groups); any other result's table as it is."""
    name, table = type(result).__name__, result.table
    if name in ("Composition", "OutcomeComparison"):
        return labelled(table, lang)
    if name == "SuccessModel" and "variable" in table.columns:
        return table.assign(term=term_labels(table, lang))
    if name == "TimeToExit":
        return table.assign(group=group_labels(result, lang))
    return table


def display_html(result: Result, lang: str) -> str:
    """The result's notebook display."""
    extra = _EXTRA_HTML.get(type(result).__name__)
    # result.display, not display_frame: a result may have a display of its own (the goal table's)
    return result_html(result, lang, result.display(lang), extra=extra(result, lang) if extra else "")


def project_html(project: Project) -> str:
    """A project's notebook display in its params' language: title and id, period, enrolments, which
    data it has, budget lines, data-quality notes and any settings changed by ``with_params``."""
    p = project.params
    lang = p.language

    def yes_no(v: bool) -> str:
        return msg("common.yes" if v else "common.no", lang)

    # (the changed settings in the same words as every result computed from the project says them)
    changed = (msg("display.project.changed", lang, changes=describe_overrides(tuple(_flatten(project.overrides)), lang))
               if project.overrides else "")
    facts = msg("display.project.facts", lang, start=str(p.period.start), end=str(p.period.end),
                n=fmt_int(len(project.participants), lang), payments=yes_no(project.payments is not None),
                comparison=yes_no(project.comparison is not None),
                budget=fmt_int(0 if project.budget is None else len(project.budget), lang),
                notes=fmt_int(len(project.warnings), lang))
    return render("project.html.j2", title=p.display_title(lang), id=p.id, facts=facts, changed=changed)


register_presenter(headline=headline, frame=display_frame, text=result_text, html=display_html)
register_display(html=project_html)
