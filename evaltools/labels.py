"""Report language: labels of codes, columns and periods in ``language`` (``"sv"`` or ``"en"``).

The words are in the catalogs (``evaltools/locales/``, keys ``label.*``); the number formats are
in :mod:`evaltools.formats` and imported here for the modules that always took them from here.
"""
from __future__ import annotations

from . import schema as S
from .formats import NBSP, fmt_date, fmt_int, fmt_kr, fmt_num, fmt_p, fmt_pct  # noqa: F401 - re-exported
from .text import catalog

_VOCABS = {
    S.OUTCOME: S.OUTCOMES, S.SEX: S.SEXES, S.HOUSEHOLD_TYPE: S.HOUSEHOLD_TYPES,
    S.SUPPORT_START: S.SUPPORT_SOURCES, S.SUPPORT_EXIT: S.SUPPORT_SOURCES, S.SGI_STATUS: S.SGI_STATUSES,
    S.EDUCATION: S.EDUCATION_LEVELS, S.ACTION_PLAN: S.YES_NO, S.FUNDER: S.FUNDERS,
}


def t(key: str, lang: str = "sv", **kw) -> str:
    """The label ``label.<key>`` of the catalog in ``lang`` (:mod:`evaltools.text`); unknown keys
    are returned as they are (a status or actor code the catalog does not name)."""
    words = catalog(lang)
    full = "label." + key
    return words.msg(full, **kw) if full in words else key


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
