"""Report language: every label and number format follows ``language`` (``"sv"`` or ``"en"``).

Swedish formatting uses a non-breaking space as thousands separator and a decimal comma
(``1 276 000 kr``, ``48,6 %``); no system locale is needed.
"""
from __future__ import annotations

import math

import pandas as pd

from . import schema as S

NBSP = "\u00a0"

_TEXT: dict[str, tuple[str, str]] = {
    # statuses
    "uppnått": ("Uppnått", "Achieved"),
    "delvis": ("Delvis uppnått", "Partly achieved"),
    "ej_uppnått": ("Ej uppnått", "Not achieved"),
    "ej_bedömt": ("Ej bedömt", "Not assessed"),
    "över": ("Över målet", "Above target"),
    "under": ("Under målet", "Below target"),
    "osäkert": ("Osäkert", "Uncertain"),
    # goal kinds and periods
    "participant_count": ("Antal deltagare", "Participants"),
    "outcome_count": ("Antal utfall", "Outcomes"),
    "share": ("Andel", "Share"),
    "qualitative": ("Kvalitativt", "Qualitative"),
    "project_year": ("Projektår", "Project year"),
    "calendar_year": ("Kalenderår", "Calendar year"),
    "whole_period": ("Hela perioden", "Whole period"),
    "year_n": ("År {n}", "Year {n}"),
    # columns
    "goal": ("Mål", "Goal"),
    "period": ("Period", "Period"),
    "value": ("Utfall", "Result"),
    "target": ("Målvärde", "Target"),
    "target_prorated": ("Målvärde för tiden som gick", "Target for the time run"),
    "ci": ("95\u00a0% KI", "95% CI"),
    "status": ("Bedömning", "Assessment"),
    "evidence": ("Underlag", "Evidence"),
    "n": ("Antal", "Number"),
    "share_col": ("Andel", "Share"),
    "variable": ("Variabel", "Variable"),
    "category": ("Kategori", "Category"),
    "successes": ("Lyckade utfall", "Successes"),
    "rate": ("Andel lyckade", "Success rate"),
    "test": ("Test", "Test"),
    "p_value": ("p-värde", "p-value"),
    "budget": ("Budget", "Budget"),
    "actual": ("Utfall", "Actual"),
    "difference": ("Differens", "Difference"),
    "used_pct": ("Förbrukat", "Used"),
    "total": ("Summa", "Total"),
    "ex_ante": ("förväntat (ansökan)", "expected (application)"),
    "not_started": ("perioden har inte börjat", "period not started"),
    "cut_short": ("förkortad period", "period cut short"),
    "no_participants": ("inga deltagardata", "no participant data"),
    "sex": ("Kön", "Sex"),
    "age_group": ("Åldersgrupp", "Age group"),
    "household_type": ("Hushållstyp", "Household type"),
    "support_start": ("Försörjning vid start", "Support at start"),
    "outcome": ("Utfall vid avslut", "Exit outcome"),
    "intake_year": ("Projektår för start", "Project year of intake"),
    "sgi_status": ("SGI-status", "SGI status"),
    "kommun": ("Kommunen", "Municipality"),
    "region": ("Regionen", "Region"),
    "stat": ("Staten", "State"),
    "individ": ("Individen", "Individual"),
    "samhälle": ("Samhället", "Society"),
    "ongoing": ("Pågår", "Ongoing"),
    "month": ("Månad", "Month"),
    "intake": ("Påbörjade", "Started"),
    "exits": ("Avslutade", "Ended"),
    "participants": ("Deltagare", "Participants"),
    "comparison": ("Jämförelsegrupp", "Comparison group"),
}

_VOCABS = {
    S.OUTCOME: S.OUTCOMES, S.SEX: S.SEXES, S.HOUSEHOLD_TYPE: S.HOUSEHOLD_TYPES,
    S.SUPPORT_START: S.SUPPORT_SOURCES, S.SUPPORT_EXIT: S.SUPPORT_SOURCES, S.SGI_STATUS: S.SGI_STATUSES,
    S.EDUCATION: S.EDUCATION_LEVELS, S.ACTION_PLAN: S.YES_NO, S.FUNDER: S.FUNDERS,
}


def by_lang(lang: str, sv: str, en: str) -> str:
    """``sv`` for a Swedish report, ``en`` for an English one."""
    return sv if lang == "sv" else en


def t(key: str, lang: str = "sv", **kw) -> str:
    """The label for ``key`` in ``lang``; unknown keys are returned as they are."""
    pair = _TEXT.get(key)
    text = key if pair is None else pair[0 if lang == "sv" else 1]
    return text.format(**kw) if kw else text


def budget_period_label(period: object, lang: str = "sv") -> str:
    """A budget file's period as a reader of the report's language reads it: ``2024`` stays,
    ``hela`` is the whole period, ``år 2`` is year 2."""
    text = str(period).strip()
    low = text.lower()
    if low == "hela":
        return t("whole_period", lang).replace(" ", NBSP)  # one line in a narrow column
    if low.startswith(("år", "year")) and any(ch.isdigit() for ch in low):
        return t("year_n", lang, n=int("".join(ch for ch in low if ch.isdigit())))
    return text


def code_label(column: str, code: object, lang: str = "sv") -> str:
    """Label of a vocabulary code (e.g. outcome 'arbete' -> 'Arbete')."""
    vocab = _VOCABS.get(column)
    if vocab is None or code not in vocab:
        return str(code)
    return vocab[code][0 if lang == "sv" else 1]


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def fmt_num(v: object, decimals: int = 0, lang: str = "sv") -> str:
    """A number with the language's separators: 1 276 000 / 48,6 (sv), 1,276,000 / 48.6 (en)."""
    if isinstance(v, str):
        return v
    if _missing(v):
        return "–"
    x = float(v)
    if round(x, decimals) == 0:  # a floating-point residue (2.8e-09, −0.0) reads as 0, never "−0"
        x = 0.0
    s = f"{x:,.{decimals}f}"
    if lang == "sv":
        s = s.replace(",", NBSP).replace(".", ",")
        if s.startswith("-"):
            s = "\u2212" + s[1:]
    return s


def fmt_int(v: object, lang: str = "sv") -> str:
    return fmt_num(v, 0, lang)


def fmt_kr(v: object, lang: str = "sv", decimals: int = 0) -> str:
    """Amount in kronor: ``1 276 000 kr`` (sv) or ``SEK 1,276,000`` (en)."""
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, decimals, lang)
    return f"{fmt_num(v, decimals, lang)}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{fmt_num(v, decimals, lang)}"


def fmt_pct(v: object, lang: str = "sv", decimals: int = 1) -> str:
    """A proportion (0.486) as a percentage: ``48,6 %`` (sv) or ``48.6%`` (en)."""
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, decimals, lang)
    s = fmt_num(float(v) * 100, decimals, lang)
    return f"{s}{NBSP}%" if lang == "sv" else f"{s}%"


def fmt_date(d: object) -> str:
    """ISO date (the same in both languages)."""
    if _missing(d):
        return "–"
    return d.strftime("%Y-%m-%d") if hasattr(d, "strftime") else str(d)


def fmt_p(p: object, lang: str = "sv") -> str:
    """A p-value with three decimals, and ``< 0,001`` rather than a misleading ``0,000``."""
    if isinstance(p, str) or _missing(p):
        return fmt_num(p, 3, lang)
    return "< " + fmt_num(0.001, 3, lang) if float(p) < 0.001 else fmt_num(p, 3, lang)
