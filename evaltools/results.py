"""Shared behaviour of result objects: a tidy ``.table``, ``to_dict`` and a readable notebook display.

Every analysis returns a small result object. ``.table`` is what a report may publish (small
counts suppressed), ``.raw`` the unsuppressed numbers for the evaluator's own exploration, and
in a notebook the object shows itself as a board reads it: a headline first, then the table in
the project's language with the report's number formats (``1 276 000 kr``, ``48,6 %``), no
scientific notation, ``–`` for a missing value, and a note when the result was computed with
settings changed by :meth:`evaltools.io.Project.with_params`.

The display code for every kind of result lives here, in one place: the analysis modules only
compute.
"""
from __future__ import annotations

import functools
import html
import inspect
import json
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .labels import NBSP, budget_period_label, by_lang, code_label, fmt_int, fmt_kr, fmt_num, fmt_p, fmt_pct, t


def _jsonable(v: object) -> object:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (pd.Timestamp,)):
        return v.date().isoformat()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if v is pd.NA or v is None:
        return None
    return v


def frame_records(df: pd.DataFrame) -> list[dict]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


@dataclass(frozen=True)
class Context:
    """What a result's display needs to know about the project it was computed for.

    Attributes
    ----------
    lang
        ``"sv"`` or ``"en"``: the language of labels and number formats.
    min_count
        The privacy threshold (counts below it are shown as ``<k``).
    overrides
        Settings changed from the params file, as ``(dotted key, value)`` pairs.
    project
        The project's title.
    """

    lang: str = "sv"
    min_count: int = 5
    overrides: tuple[tuple[str, object], ...] = ()
    project: str = ""


@dataclass(frozen=True)
class Result:
    """Base for analysis results.

    ``table`` is what a report may publish (suppressed where it counts persons); ``raw`` is
    the unsuppressed table for the evaluator's own exploration; ``notes`` are plain-language
    caveats that belong next to the table; ``context`` says which project (language, privacy
    threshold, changed settings) the result was computed for.
    """

    table: pd.DataFrame
    raw: pd.DataFrame | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    context: Context | None = None

    def to_dict(self) -> dict:
        return {"table": frame_records(self.table), "notes": list(self.notes)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @property
    def lang(self) -> str:
        return self.context.lang if self.context else "sv"

    def headline(self, lang: str | None = None) -> str:
        """The result in one sentence, as the display leads with it ("" when there is none)."""
        fn = _HEADLINES.get(type(self).__name__)
        return fn(self, lang or self.lang) if fn else ""

    def display(self, lang: str | None = None) -> pd.DataFrame:
        """The table as a reader sees it: labelled columns in the project's language, formatted
        numbers as text, suppressed counts as ``<5`` / ``..``. Save it for a memo with
        ``.display().to_excel("tabell.xlsx", index=False)``."""
        lang = lang or self.lang
        spec = _COLUMNS.get(type(self).__name__)
        return format_frame(self.table, spec(lang) if spec else _generic_spec(self.table, lang), lang)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # a result subclass declared as a dataclass would get a generated repr that prints its
        # frames raw (1.265744e+07, NaN); a __repr__ of its own keeps the readable one
        cls.__repr__ = Result.__repr__

    def __repr__(self) -> str:
        """Plain text for a console: title, headline and the formatted table."""
        return result_text(self, self.lang)

    def _repr_html_(self) -> str:
        lang = self.lang
        return result_html(self, lang, self.display(lang), extra=_EXTRA_HTML.get(type(self).__name__, lambda r, l: "")(self, lang))


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
    for column, label, kind in spec:
        if isinstance(kind, tuple) and kind[0] == "interval":
            _, lo_col, hi_col, k = kind
            if lo_col not in df or hi_col not in df:
                continue
            out[label] = [_interval(lo, hi, k, lang) for lo, hi in zip(df[lo_col], df[hi_col])]
            continue
        if column not in df:
            continue
        if callable(kind):
            out[label] = [kind(v) for v in df[column]]
        else:
            out[label] = [_fmt(v, kind, lang) for v in df[column]]
    return pd.DataFrame(out, index=range(len(df)))


def _interval(lo: object, hi: object, kind: str, lang: str) -> str:
    a, b = _fmt(lo, kind, lang), _fmt(hi, kind, lang)
    if a == "–" and b == "–":
        return "–"
    if a == b and a in ("..",):
        return a
    return f"{a} till {b}" if kind == "kr" and lang == "sv" else (f"{a} to {b}" if kind == "kr" else f"{a}–{b}")


def _generic_spec(df: pd.DataFrame, lang: str) -> list[tuple]:
    return [(c, t(c, lang), "count" if pd.api.types.is_integer_dtype(df[c]) else "auto") for c in df.columns]


# --- per result type --------------------------------------------------------------------
def _sv(lang: str, sv: str, en: str) -> str:
    return by_lang(lang, sv, en)


_TITLES = {
    "GoalAssessment": ("Måluppfyllelse", "Goal fulfilment"),
    "Composition": ("Vilka som deltog", "Who took part"),
    "Flows": ("Påbörjade och avslutade per månad", "Started and ended per month"),
    "OutcomeComparison": ("Andel lyckade utfall per grupp", "Success rate by group"),
    "SuccessModel": ("Logistisk regression: chans till lyckat utfall", "Logistic regression: odds of success"),
    "TimeToExit": ("Tid i projektet (Kaplan–Meier)", "Time in the project (Kaplan–Meier)"),
    "ComparisonResult": ("Försörjningsstöd före och efter start", "Social assistance before and after the start"),
    "CostTable": ("Budget och utfall", "Budget and actual"),
    "CostBenefitResult": ("Kostnad–nytta", "Cost-benefit"),
}


def _columns_composition(lang):
    return [("variable_label", t("variable", lang), "text"), ("category_label", t("category", lang), "text"),
            ("n", t("n", lang), "count"), ("share", t("share_col", lang), "pct")]


def _columns_flows(lang):
    return [("month", t("month", lang), "text"), ("intake", t("intake", lang), "count"), ("exits", t("exits", lang), "count")]


def _columns_rates(lang):
    return [("variable_label", t("variable", lang), "text"), ("category_label", t("category", lang), "text"),
            ("n", _sv(lang, "Avslutade", "Ended"), "count"), ("successes", t("successes", lang), "count"),
            ("rate", t("rate", lang), "pct"), ("ci", t("ci", lang), ("interval", "ci_low", "ci_high", "pct")),
            ("test", t("test", lang), "text"), ("p_value", t("p_value", lang), "p")]


def _columns_model(lang):
    return [("term", _sv(lang, "Grupp (mot referensgruppen)", "Group (against the reference)"), "text"),
            ("odds_ratio", _sv(lang, "Oddskvot", "Odds ratio"), "num2"),
            ("ci", t("ci", lang), ("interval", "ci_low", "ci_high", "num2")), ("p_value", t("p_value", lang), "p")]


def _columns_tte(lang):
    return [("group", _sv(lang, "Grupp", "Group"), "text"), ("day", _sv(lang, "Dagar sedan start", "Days since start"), "count"),
            ("still_in_project", _sv(lang, "Andel kvar i projektet", "Share still in the project"), "pct"),
            ("at_risk", _sv(lang, "Antal kvar att följa", "Number still followed"), "count"),
            ("median_days", _sv(lang, "Median, dagar", "Median, days"), "num0")]


def _columns_comparison(lang):
    return [("group", _sv(lang, "Grupp", "Group"), lambda g: t(g, lang)),
            ("before", _sv(lang, "Före start, kr/mån", "Before start, SEK/month"), "kr"),
            ("after", _sv(lang, "Efter start, kr/mån", "After start, SEK/month"), "kr"),
            ("change", _sv(lang, "Förändring", "Change"), "kr"), ("persons", _sv(lang, "Personer", "Persons"), "count")]


def _columns_costs(lang):
    from . import schema as S
    return [("period", t("period", lang), lambda p: budget_period_label(p, lang)),
            ("category", t("category", lang), "text"),
            ("funder", _sv(lang, "Finansiär", "Funder"), lambda f: code_label(S.FUNDER, f, lang)),
            ("budget", t("budget", lang), "kr"), ("actual", t("actual", lang), "kr"),
            ("difference", t("difference", lang), "kr"), ("used_pct", t("used_pct", lang), "pct0"),
            ("used", _sv(lang, "Räknas i kalkylen", "Counted in the calculation"), "kr")]


def _columns_cba(lang):
    return [("perspective", _sv(lang, "Perspektiv", "Perspective"), lambda a: t(a, lang)),
            ("pv_benefit", _sv(lang, "Nytta (nuvärde)", "Benefit (PV)"),
             lambda v: _sv(lang, "ej värderad", "not valued") if pd.isna(v) else fmt_kr(v, lang)),
            ("pv_cost", _sv(lang, "Kostnad (nuvärde)", "Cost (PV)"), "kr"),
            ("npv", _sv(lang, "Netto", "Net"), "kr"), ("note", _sv(lang, "Kommentar", "Note"), "text")]


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
        return _sv(lang, "Inga mål finns angivna i parameterfilen.", "The params file names no goals.")
    counts = tab["status"].value_counts()
    parts = [f"{t(s, lang)}: {fmt_int(counts[s], lang)}" for s in ("uppnått", "delvis", "ej_uppnått", "ej_bedömt") if s in counts]
    return _sv(lang, "Bedömning per mål och period — ", "Assessment per goal and period — ") + "; ".join(parts) + "."


def _headline_composition(r, lang):
    first = _first_breakdown(r.raw)
    if first is None:
        return _sv(lang, "Inga deltagardata.", "No participant data.")
    return _sv(lang, f"{fmt_int(first['n'].sum(), lang)} deltagare (inskrivningar).",
               f"{fmt_int(first['n'].sum(), lang)} participants (enrolments).")


def _headline_flows(r, lang):
    if r.raw is None or r.raw.empty:
        return _sv(lang, "Inga deltagardata.", "No participant data.")
    return _sv(lang, f"Påbörjade totalt: {fmt_int(r.raw['intake'].sum(), lang)}; avslutade: {fmt_int(r.raw['exits'].sum(), lang)}.",
               f"Started in all: {fmt_int(r.raw['intake'].sum(), lang)}; ended: {fmt_int(r.raw['exits'].sum(), lang)}.")


def _headline_rates(r, lang):
    first = _first_breakdown(r.raw)
    if first is None or not first["n"].sum():
        return _sv(lang, "Ingen deltagare har avslutat ännu.", "No participant has ended yet.")
    n, k = int(first["n"].sum()), int(first["successes"].sum())
    return _sv(lang, f"Av {fmt_int(n, lang)} avslutade hade {fmt_int(k, lang)} ({fmt_pct(k / n, lang)}) ett lyckat utfall.",
               f"Of {fmt_int(n, lang)} who ended, {fmt_int(k, lang)} ({fmt_pct(k / n, lang)}) had a successful outcome.")


def _headline_model(r, lang):
    tab = r.table
    if tab.empty:
        return r.notes[0] if r.notes else ""
    clear = tab[(tab["ci_low"] > 1) | (tab["ci_high"] < 1)]
    if clear.empty:
        return _sv(lang, "Ingen grupp skiljer sig tydligt från sin referensgrupp (alla 95 % KI omfattar 1).",
                   "No group differs clearly from its reference group (every 95% CI includes 1).")
    items = "; ".join(f"{x.term}: {fmt_num(x.odds_ratio, 2, lang)} ({_interval(x.ci_low, x.ci_high, 'num2', lang)})"
                      for x in clear.itertuples())
    return _sv(lang, f"Oddskvoter vars 95 % KI inte omfattar 1: {items}.", f"Odds ratios whose 95% CI excludes 1: {items}.")


def _headline_tte(r, lang):
    tab = r.table
    if tab.empty:
        return _sv(lang, "Inga deltagardata.", "No participant data.")
    medians = tab.drop_duplicates("group")[["group", "median_days"]]
    days = _sv(lang, "dagar", "days")
    parts = [f"{g} {m if isinstance(m, str) else (_sv(lang, 'ej nådd', 'not reached') if pd.isna(m) else fmt_num(m, 0, lang) + NBSP + days)}"
             for g, m in medians.itertuples(index=False)]
    return _sv(lang, "Median tid i projektet: ", "Median time in the project: ") + "; ".join(parts) + "."


def _headline_comparison(r, lang):
    d = r.did
    if d is None:
        return r.notes[0] if r.notes else ""
    ci = _interval(d.ci_low, d.ci_high, "kr", lang)
    text = _sv(lang, f"Effekt (skillnad-i-skillnader): {fmt_kr(d.effect, lang)} per deltagare och månad "
                     f"(95 % KI {ci}), p {_p_phrase(d.p_value, lang)}.",
               f"Effect (difference in differences): {fmt_kr(d.effect, lang)} per participant and month "
               f"(95% CI {ci}), p {_p_phrase(d.p_value, lang)}.")
    if r.placebo is not None:
        pl = r.placebo
        text += " " + _sv(lang, f"Placebotest före start: {fmt_kr(pl.effect, lang)} (95 % KI "
                                f"{_interval(pl.ci_low, pl.ci_high, 'kr', lang)}); nära 0 talar för parallella trender.",
                          f"Placebo test before the start: {fmt_kr(pl.effect, lang)} (95% CI "
                          f"{_interval(pl.ci_low, pl.ci_high, 'kr', lang)}); near 0 supports parallel trends.")
    return text


def _p_phrase(p: float, lang: str) -> str:
    s = fmt_p(p, lang)
    return s if s.startswith("<") else "= " + s


def _headline_costs(r, lang):
    tab = r.table
    if tab.empty:
        return _sv(lang, "Ingen budgetfil.", "No budget file.")
    actual = tab["actual"].sum(min_count=1)
    return _sv(lang, f"Kostnad som räknas: {fmt_kr(tab['used'].sum(), lang)} (budget {fmt_kr(tab['budget'].sum(), lang)}, "
                     f"utfall {fmt_kr(actual, lang)}), löpande priser.",
               f"Cost counted: {fmt_kr(tab['used'].sum(), lang)} (budget {fmt_kr(tab['budget'].sum(), lang)}, "
               f"actual {fmt_kr(actual, lang)}), current prices.")


def _headline_cba(r, lang):
    s = r.summary
    if not s:
        return ""
    if pd.isna(s.get("npv")):
        return _sv(lang, "Ingen budget: kostnaden och nettonuvärdet är okända.", "No budget: the cost and the net present value are unknown.")
    who = t(s.get("perspective", "offentliga"), lang).lower()
    text = _sv(lang, f"Nettonuvärde för {who} {fmt_kr(s['npv'], lang)} ({s['price_year']} års priser); nytta per satsad krona {fmt_num(s['bcr'], 2, lang)}. Kostnaden täcks vid "
                     f"{fmt_num(s['break_even_exits'], 1, lang)} personer som lämnar försörjningsstödet (för {who}); "
                     f"{fmt_int(s['successes'], lang)} har gjort det"
                     + (" [förväntat enligt ansökan]." if s.get("mode") == "ex_ante" else "."),
               f"Net present value for {who} {fmt_kr(s['npv'], lang)} ({s['price_year']} prices); benefit-cost ratio {fmt_num(s['bcr'], 2, lang)}. The cost is covered when "
               f"{fmt_num(s['break_even_exits'], 1, lang)} persons leave social assistance (for {who}); {fmt_int(s['successes'], lang)} "
               "have done so" + (" [expected in the application]." if s.get("mode") == "ex_ante" else "."))
    return text


_HEADLINES = {"GoalAssessment": _headline_goals, "Composition": _headline_composition, "Flows": _headline_flows,
              "OutcomeComparison": _headline_rates, "SuccessModel": _headline_model, "TimeToExit": _headline_tte,
              "ComparisonResult": _headline_comparison, "CostTable": _headline_costs, "CostBenefitResult": _headline_cba}


SENSITIVITY_NAMES = {
    "monthly_level": ("Försörjningsstöd per månad", "Monthly social assistance"),
    "horizon_years": ("Tidshorisont", "Horizon"),
    "dropoff_per_year": ("Avtagande effekt per år", "Drop-off per year"),
    "deadweight": ("Dödvikt", "Deadweight"),
    "discount_rate": ("Diskonteringsränta", "Discount rate"),
    "cost": ("Kostnad", "Cost"),
    "successes": ("Antal lyckade (95 % KI)", "Successful exits (95% CI)"),
    "price_year": ("Prisår", "Price year"),
    "work_earnings_sek_month": ("Arbetsinkomst per månad", "Monthly earnings from work"),
}


def sensitivity_frame(sensitivity: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The one-at-a-time sensitivity table as a reader sees it: each assumption at its low and
    high value, with the net present value each gives."""
    from .plots import sensitivity_label
    if sensitivity is None or sensitivity.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        _sv(lang, "Antagande", "Assumption"): [SENSITIVITY_NAMES.get(p, (p, p))[lang != "sv"] for p in sensitivity["parameter"]],
        _sv(lang, "Lågt värde", "Low value"): [sensitivity_label(p, v, lang) for p, v in zip(sensitivity["parameter"], sensitivity["low_value"])],
        _sv(lang, "Nettonuvärde vid lågt", "NPV at low"): [fmt_kr(v, lang) for v in sensitivity["npv_low"]],
        _sv(lang, "Högt värde", "High value"): [sensitivity_label(p, v, lang) for p, v in zip(sensitivity["parameter"], sensitivity["high_value"])],
        _sv(lang, "Nettonuvärde vid högt", "NPV at high"): [fmt_kr(v, lang) for v in sensitivity["npv_high"]],
    })


def assumptions_frame(assumptions: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The cost-benefit assumptions as the report lists them: name, value, source, uncertain."""
    if assumptions is None or assumptions.empty:
        return pd.DataFrame()

    def value(name, v):
        if name in ("dropoff_per_year", "deadweight", "discount_rate"):
            return fmt_pct(v, lang)
        if name == "price_year":
            return str(int(v))
        if name == "horizon_years":
            return f"{fmt_num(v, 1 if v % 1 else 0, lang)} {_sv(lang, 'år', 'year' if v == 1 else 'years')}"
        return fmt_kr(v, lang)

    return pd.DataFrame({
        _sv(lang, "Antagande", "Assumption"): [SENSITIVITY_NAMES.get(n, (n, n))[lang != "sv"] for n in assumptions["name"]],
        _sv(lang, "Värde", "Value"): [value(n, v) for n, v in zip(assumptions["name"], assumptions["value"])],
        _sv(lang, "Källa", "Source"): list(assumptions["source"]),
        _sv(lang, "Osäkert", "Uncertain"): [_sv(lang, "ja", "yes") if f else "" for f in assumptions["flagged"]],
    })


def _extra_cba(r, lang):
    parts = []
    if r.assumptions is not None and len(r.assumptions):
        parts.append(f"<h4>{_sv(lang, 'Antaganden', 'Assumptions')}</h4>" + frame_html(assumptions_frame(r.assumptions, lang)))
    if r.sensitivity is not None and len(r.sensitivity) and r.summary.get("successes"):
        parts.append(f"<h4>{_sv(lang, 'Känslighetsanalys (ett antagande i taget)', 'Sensitivity (one assumption at a time)')}</h4>"
                     + frame_html(sensitivity_frame(r.sensitivity, lang)))
    mc = r.monte_carlo
    if mc:
        from .report import fmt_probability
        parts.append("<p>" + html.escape(_sv(
            lang, f"Monte Carlo ({fmt_int(mc['draws'], lang)} dragningar): sannolikheten för positivt nettonuvärde för "
                  f"{t(mc.get('perspective', 'offentliga'), lang).lower()} är "
                  f"{fmt_probability(mc['p_npv_positive'], lang)}; 90 % av utfallen ligger mellan {fmt_kr(mc['npv_p05'], lang)} "
                  f"och {fmt_kr(mc['npv_p95'], lang)}.",
            f"Monte Carlo ({fmt_int(mc['draws'], lang)} draws): the probability of a positive net present value for "
            f"{t(mc.get('perspective', 'offentliga'), lang).lower()} is "
            f"{fmt_probability(mc['p_npv_positive'], lang)}; 90% of outcomes lie between {fmt_kr(mc['npv_p05'], lang)} and "
            f"{fmt_kr(mc['npv_p95'], lang)}.")) + "</p>")
    return "".join(parts)


_EXTRA_HTML = {"CostBenefitResult": _extra_cba}


# --- HTML -----------------------------------------------------------------------------------
CSS_RESULT = ("<style>.et-result table{border-collapse:collapse;margin:.3em 0}.et-result th,.et-result td{padding:2px 8px;"
        "border-bottom:1px solid #ddd;text-align:left}.et-result td.num{text-align:right;white-space:nowrap}"
        ".et-result .et-headline{font-size:1.05em;font-weight:600}.et-result .et-changed{background:#fff4d6;"
        "border-left:4px solid #e07b00;padding:4px 8px}.et-result .et-note{color:#555;font-style:italic}</style>")


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
    numeric = {c: _is_numeric_text(frame[c]) for c in frame.columns}
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td class='{'num' if numeric[c] else 'txt'}'>{html.escape(str(v))}</td>"
                                    for c, v in zip(frame.columns, row)) + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_OVERRIDE_NAMES = {
    "cost_benefit.horizon_years": ("Tidshorisont", "Horizon", "years"),
    "cost_benefit.dropoff_per_year": ("Avtagande effekt per år", "Drop-off per year", "pct"),
    "cost_benefit.deadweight": ("Dödvikt", "Deadweight", "pct"),
    "cost_benefit.discount_rate": ("Diskonteringsränta", "Discount rate", "pct"),
    "cost_benefit.monthly_level.amount_sek": ("Försörjningsstöd per månad", "Monthly social assistance", "kr"),
    "cost_benefit.monthly_level.method": ("Sätt att värdera försörjningsstödet", "How social assistance is valued", "text"),
    "cost_benefit.work_earnings_sek_month": ("Arbetsinkomst per månad", "Monthly earnings from work", "kr"),
    "cost_benefit.cost_basis": ("Kostnadsunderlag", "Cost basis", "text"),
    "partial_band": ("Gräns för delvis uppnått", "Threshold for partly achieved", "pct"),
}


def describe_overrides(overrides: tuple[tuple[str, object], ...], lang: str = "sv") -> str:
    """The changed settings in words: "Tidshorisont 5 år; Dödvikt 40,0 %"."""
    parts = []
    for key, value in overrides:
        name = _OVERRIDE_NAMES.get(key)
        if name is None:
            if key.startswith("goals.") and key.endswith(".target"):
                parts.append(_sv(lang, f"målvärde för målet '{key.split('.')[1]}'", f"target of goal '{key.split('.')[1]}'")
                             + f" = {fmt_num(value, 2 if isinstance(value, float) and value < 1 else 0, lang)}")
            else:
                parts.append(f"{key} = {value}")
            continue
        sv, en, kind = name
        if kind == "years":
            shown = f"{fmt_num(value, 1 if float(value) % 1 else 0, lang)} {_sv(lang, 'år', 'years')}"
        elif kind in ("pct", "kr"):
            shown = _fmt(float(value), kind, lang)
        else:
            shown = str(value)
        parts.append(f"{_sv(lang, sv, en)} {shown}")
    return "; ".join(parts)


def result_html(result: Result, lang: str, frame: pd.DataFrame, extra: str = "") -> str:
    """The notebook display of a result: title, changed settings, headline, table, notes."""
    ctx = result.context
    title = _TITLES.get(type(result).__name__, (type(result).__name__,) * 2)[lang != "sv"]
    project = f" — {html.escape(ctx.project)}" if ctx and ctx.project else ""
    parts = [CSS_RESULT, f"<div class='et-result'><h3>{html.escape(title)}{project}</h3>"]
    if ctx and ctx.overrides:
        parts.append("<p class='et-changed'>" + html.escape(_sv(
            lang, "Beräknat med ändrade antaganden, inte parameterfilens: ",
            "Computed with changed assumptions, not the params file's: ") + describe_overrides(ctx.overrides, lang)) + "</p>")
    head = result.headline(lang)
    if head:
        parts.append(f"<p class='et-headline'>{html.escape(head)}</p>")
    parts.append(frame_html(frame))
    parts.append(extra)
    parts += [f"<p class='et-note'>{html.escape(n)}</p>" for n in result.notes if n and n != head]
    if result.raw is not None and result.raw is not result.table:
        k = ctx.min_count if ctx else 5
        parts.append("<p class='et-note'>" + html.escape(_sv(
            lang, f"Antal under {k} är dolda (<{k}, ..) som i rapporten. Attributet .raw har de oskyddade talen: "
                  "bara för din egen utforskning, aldrig för publicering.",
            f"Counts below {k} are hidden (<{k}, ..) as in the report. The attribute .raw holds the unsuppressed "
            "numbers: for your own exploration only, never for publishing.")) + "</p>")
    parts.append("</div>")
    return "".join(parts)


def result_text(result: Result, lang: str) -> str:
    """The display of a result as plain text (for a console and the notebook's text fallback)."""
    ctx = result.context
    title = _TITLES.get(type(result).__name__, (type(result).__name__,) * 2)[lang != "sv"]
    lines = [title + (f" — {ctx.project}" if ctx and ctx.project else "")]
    if ctx and ctx.overrides:
        lines.append(_sv(lang, "Beräknat med ändrade antaganden: ", "Computed with changed assumptions: ")
                     + describe_overrides(ctx.overrides, lang))
    head = result.headline(lang)
    if head:
        lines.append(head)
    frame = result.display(lang)
    if not frame.empty:
        lines.append(frame.to_string(index=False))
    return "\n".join(lines)


# --- results that know their project ---------------------------------------------------
def context_of(project, lang: str | None = None) -> Context:
    """The display context of a project: its language (or ``lang``), privacy threshold and
    the settings changed with ``with_params``."""
    from .io import _flatten
    p = project.params
    return Context(lang or p.language, p.privacy.min_count, tuple(_flatten(getattr(project, "overrides", {}) or {})), p.title)


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
