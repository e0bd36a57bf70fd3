"""The cohort analyses' codes in words: breakdown tables, model terms and the groups of time in the project.

:mod:`evaltools.analysis.cohorts` returns codes (a variable such as ``sex``, a category such as
``kvinna`` or intake year ``2``, the group ``all``); these functions name them in ``lang`` for the
report's tables and charts, the notebook displays and the workbook.
"""
from __future__ import annotations

import math

import pandas as pd

from ..analysis.cohorts import ALL, SuccessModel
from ..analysis.result import Categories
from .formats import fmt_num
from .labels import category_label, t, variable_label, with_breakdown_labels


def labelled(table: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """A breakdown table (``variable``, ``category`` codes) with ``variable_label`` and
    ``category_label`` beside them (:func:`evaltools.words.labels.with_breakdown_labels`); a table
    that has them already is returned as it is."""
    if "variable_label" in table.columns or "variable" not in table.columns:
        return table
    return with_breakdown_labels(table, lang)


def term_label(variable: str, category: object, lang: str = "sv") -> str:
    """A term of the success model as its table shows it: ``Kön: Man``, ``Intagsår: År 2``."""
    return f"{variable_label(variable, lang)}: {category_label(variable, category, lang)}"


def term_labels(table: pd.DataFrame, lang: str = "sv") -> list[str]:
    """The terms of a success model's table (``variable``, ``category`` codes), in words."""
    return [term_label(v, c, lang) for v, c in zip(table["variable"], table["category"])]


def odds_ratio_frame(model: SuccessModel, lang: str = "sv") -> pd.DataFrame:
    """The success model's table as the report shows it (the terms it shows, hidden ones left out), each term's
    variable and category in words beside their codes and the category it is compared with
    (``reference_label``, from the model's note on its reference categories), for the workbook.

    Parameters
    ----------
    model : evaltools.analysis.cohorts.SuccessModel
        The fitted model (:func:`evaltools.analysis.cohorts.success_model`).
    lang : str
        ``"sv"`` or ``"en"``.
    """
    refs: dict[str, object] = {}
    for note in model.notes:
        for _, value in note.values:
            if isinstance(value, Categories):
                refs.update(value.pairs)
    table = labelled(model.table, lang)
    return table.assign(reference_label=[category_label(v, refs[v], lang) if v in refs else None
                                         for v in table["variable"]])


def days_decimals(value: object) -> int:
    """Decimals a number of days is written with: none for whole days (a report's median time in the
    project is one, :func:`evaltools.analysis.cohorts.whole_days`), one for a number that lies halfway
    between two days."""
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    return 0 if not math.isfinite(v) or v == round(v) else 1  # an interval bound may be unbounded


def fmt_days(value: object, lang: str = "sv") -> str:
    """A number of days (a median time in the project) as the report writes it: ``229``; ``256,5`` for a
    half day, which a report's median never is."""
    return fmt_num(value, days_decimals(value), lang)


def group_label(by: str | None, group: object, lang: str = "sv") -> str:
    """A group of :func:`evaltools.analysis.cohorts.time_to_exit`: a category of the variable ``by``
    (intake year ``1`` is ``År 1``), or every participant (``Deltagare``)."""
    if by is None or (isinstance(group, str) and group == ALL):
        return t("participants", lang)
    return category_label(by, group, lang)


def group_labels(result, lang: str = "sv") -> list[str]:
    """The ``group`` column of a :class:`~evaltools.analysis.cohorts.TimeToExit` table, in words."""
    return [group_label(result.by, g, lang) for g in result.table["group"]]


def with_group_labels(result, lang: str = "sv") -> pd.DataFrame:
    """A :class:`~evaltools.analysis.cohorts.TimeToExit` table with its groups in words (the
    ``group`` column holds the label instead of the code), as the workbook and the displays show it."""
    return result.table.assign(group=group_labels(result, lang))
