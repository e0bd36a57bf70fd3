"""How a report names the basis of an amount (:class:`evaltools.analysis.pricebasis.PriceBasis`).

Every stated cost or benefit goes through :func:`basis_words`, so that "löpande priser",
"2023 års priser" and "nuvärde i 2023 års priser, diskonterat med 3,5 % per år" are said one way
on page 1, in the tables and in the notes.
"""
from __future__ import annotations

from ...words.formats import fmt_pct
from ...analysis.pricebasis import BasisKind, PriceBasis
from ...words.text import msg

_KEYS = {BasisKind.CURRENT: "basis.current", BasisKind.FIXED: "basis.fixed",
         BasisKind.PRESENT_VALUE: "basis.present_value"}
_SHORT = {BasisKind.PRESENT_VALUE: "basis.present_value_short"}  # (the others are short already)


def basis_words(basis: PriceBasis, lang: str = "sv", short: bool = False) -> str:
    """The basis in words: ``löpande priser``, ``2023 års priser``, ``nuvärde i 2023 års priser,
    diskonterat med 3,5 % per år`` (``short``: ``nuvärde i 2023 års priser``, for page 1 and a
    table's label, where the section's note gives the rate).

    Examples
    --------
    >>> basis_words(PriceBasis.fixed(2025), "sv")
    '2025 års priser'
    >>> basis_words(PriceBasis.current(), "en")
    'current prices'
    """
    abbreviated = short and basis.kind in _SHORT
    key = _SHORT[basis.kind] if abbreviated else _KEYS[basis.kind]
    values = {}
    if basis.year is not None:
        values["year"] = str(basis.year)
    if basis.rate is not None and not abbreviated:
        values["rate"] = fmt_pct(basis.rate, lang, 1)
    return msg(key, lang, **values)


def present_value(r) -> PriceBasis:
    """The basis of the report's present values (its price year and discount rate)."""
    cb = r.params.cost_benefit
    return PriceBasis.present_value(r.cba.summary.price_year, cb.discount_rate)


def fixed(r) -> PriceBasis:
    """The report's price year, as fixed prices."""
    return PriceBasis.fixed(r.cba.summary.price_year)


CURRENT = PriceBasis.current()
