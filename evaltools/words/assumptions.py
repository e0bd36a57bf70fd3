"""The cost-benefit assumptions in words: names, units, definitions and values as a reader sees them.

Every display of an assumption — the report's assumptions table, the tornado chart, the workbook's
assumption and sensitivity sheets, the notebook displays and the what-if panel — names and formats
it through these functions, from :data:`evaltools.data.assumptions.REGISTRY` and the catalog entries
``assumption.<name>.label``, ``.unit`` and ``.definition`` (one per assumption, both languages).
"""
from __future__ import annotations

import math

import pandas as pd

from ..data.assumptions import REGISTRY, Range, Unit, catalog_key
from .formats import fmt_kr, fmt_num, fmt_pct
from .labels import note_text
from .text import msg, plural


def _words(name: str, part: str, lang: str) -> str:
    return msg(catalog_key(name, part), lang) if name in REGISTRY else name


def label(name: str, lang: str = "sv") -> str:
    """What the report calls the assumption ``name`` (its code when the registry has no such name)."""
    return _words(name, "label", lang)


def unit(name: str, lang: str = "sv") -> str:
    """The unit of the assumption's value in words (``andel per år``)."""
    return _words(name, "unit", lang)


def definition(name: str, lang: str = "sv") -> str:
    """The glossary definition of the assumption: one sentence."""
    return _words(name, "definition", lang)


def _decimals(x: float, most: int) -> int:
    """The fewest decimals (up to ``most``) that show ``x`` exactly."""
    for d in range(most + 1):
        if math.isclose(x, round(x, d), abs_tol=1e-9):
            return d
    return most


def years(value: float, lang: str = "sv") -> str:
    """``5 år`` / ``2,5 years`` / ``1 year``."""
    return plural("assumption.years", lang, 1 if value == 1 else 2, n=fmt_num(value, _decimals(float(value), 1), lang))


def value_text(name: str, value: float, lang: str = "sv") -> str:
    """The value of the assumption ``name`` in the report's format (``25 %``, ``3 år``, ``9 150 kr``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    u = REGISTRY[name].unit if name in REGISTRY else None
    v = float(value)
    if u is Unit.KR_PER_MONTH:
        return fmt_kr(v, lang)
    if u is Unit.YEARS:
        return years(v, lang)
    if u in (Unit.SHARE, Unit.SHARE_PER_YEAR, Unit.RATE_PER_YEAR):
        return fmt_pct(v, lang, _decimals(v * 100, 1))
    if u is Unit.FACTOR:
        return fmt_num(v, max(1, _decimals(v, 2)), lang)
    if u is Unit.YEAR:
        return str(int(v))
    if u is Unit.PERSONS:
        return fmt_num(v, 0, lang)
    return fmt_num(v, _decimals(v, 2), lang)


def end_text(name: str, value: float, lang: str = "sv") -> str:
    """One end of the sensitivity analysis: a relative end as a change (``−25 %``, ``+10 %``),
    any other as the assumption's value."""
    a = REGISTRY.get(name)
    if a is not None and a.range is Range.RELATIVE:
        change = fmt_pct(float(value) - 1, lang, 0)
        return change if value < 1 else "+" + change
    return value_text(name, value, lang)


def range_text(name: str, lower: float, upper: float, lang: str = "sv") -> str:
    """The range the sensitivity analysis tests, compactly: ``0–75 %``, ``1–5 år``, ``1,0–1,5``,
    ``±25 %`` (a relative range around the value); ``–`` when the assumption is not varied."""
    if lower is None or upper is None or pd.isna(lower) or pd.isna(upper):
        return "–"
    a = REGISTRY.get(name)
    lo, hi = float(lower), float(upper)
    if a is not None and a.range is Range.RELATIVE:
        if math.isclose(1 - lo, hi - 1):
            return "±" + fmt_pct(hi - 1, lang, 0)
        return msg("assumption.range", lang, low=end_text(name, lo, lang), high=end_text(name, hi, lang))
    u = a.unit if a is not None else None
    if u in (Unit.SHARE, Unit.SHARE_PER_YEAR, Unit.RATE_PER_YEAR):
        first = fmt_num(lo * 100, _decimals(lo * 100, 1), lang)
    elif u is Unit.YEARS:
        first = fmt_num(lo, _decimals(lo, 1), lang)
    elif u is Unit.FACTOR:
        first = fmt_num(lo, max(1, _decimals(lo, 2), _decimals(hi, 2)), lang)
        return first + "–" + fmt_num(hi, max(1, _decimals(lo, 2), _decimals(hi, 2)), lang)
    else:
        return msg("assumption.range", lang, low=value_text(name, lo, lang), high=value_text(name, hi, lang))
    return first + "–" + value_text(name, hi, lang)


def assumptions_table(assumptions: pd.DataFrame, lang: str = "sv", *, heading=None) -> pd.DataFrame:
    """The assumptions as the report lists them: name, value, the range tested, source, uncertain.

    Parameters
    ----------
    assumptions
        :attr:`evaltools.analysis.costbenefit.CostBenefitResult.assumptions` (one row per registry
        assumption the calculation used: name, value, unit, lower, upper, source, flagged).
    lang
        ``"sv"`` or ``"en"``.
    heading
        A function from a catalog key to text, for the column headings (a report's own wording);
        default the package's catalog.
    """
    if assumptions is None or assumptions.empty:
        return pd.DataFrame()
    words = heading or (lambda key: msg(key, lang))
    lower = assumptions["lower"] if "lower" in assumptions else [None] * len(assumptions)
    upper = assumptions["upper"] if "upper" in assumptions else [None] * len(assumptions)
    ranges = [range_text(n, lo, hi, lang) for n, lo, hi in zip(assumptions["name"], lower, upper)]
    columns = {
        words("assumption.column.name"): [label(n, lang) for n in assumptions["name"]],
        words("assumption.column.value"): [value_text(n, v, lang) for n, v in zip(assumptions["name"], assumptions["value"])],
        # (no sensitivity analysis, nothing tested: no column of dashes)
        **({words("assumption.column.range"): ranges} if set(ranges) != {"–"} else {}),
        words("assumption.column.source"): [note_text(v, lang) for v in assumptions["source"]],
        words("assumption.column.uncertain"): [words("common.yes") if f else "" for f in assumptions["flagged"]],
    }
    return pd.DataFrame(columns)


__all__ = ["assumptions_table", "definition", "end_text", "label", "range_text", "unit", "value_text", "years"]
