"""The basis a cost or benefit is stated on: current prices, fixed prices of a year, or a present value.

An amount alone does not say what it is: the same project cost reads 4,3 M kr in current prices,
4,4 M kr in 2023 prices and 4,4 M kr as a present value. Each figure carries its basis as a
:class:`PriceBasis`; :func:`evaltools.present.sections.basis.basis_words` names it, the same way everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..data.reference import price_factor


class BasisKind(Enum):
    CURRENT = "current"  # löpande priser: each amount in the prices of the year it was paid
    FIXED = "fixed"  # fasta priser: every amount raised or lowered to one price year (KPI)
    PRESENT_VALUE = "present_value"  # fixed prices, and discounted to the project's start


@dataclass(frozen=True)
class PriceBasis:
    """A price basis: its kind, the price year (fixed prices and present values) and the discount
    rate (present values)."""

    kind: BasisKind
    year: int | None = None
    rate: float | None = None

    @classmethod
    def current(cls) -> PriceBasis:
        return cls(BasisKind.CURRENT)

    @classmethod
    def fixed(cls, year: int) -> PriceBasis:
        return cls(BasisKind.FIXED, int(year))

    @classmethod
    def present_value(cls, year: int, rate: float) -> PriceBasis:
        return cls(BasisKind.PRESENT_VALUE, int(year), float(rate))


def restate(amount: float, basis: PriceBasis, year: int, kpi: dict[int, float] | None = None) -> tuple[float, PriceBasis]:
    """``amount`` on ``basis`` restated in ``year``'s prices with KPI (SCB), so that amounts from
    projects with different price years can stand side by side: a fixed-price amount or a present value
    is raised or lowered by the ratio of the two years' KPI (a present value keeps its discounting).
    An amount in current prices has no one year to start from and is returned as it is.

    Examples
    --------
    >>> restate(100.0, PriceBasis.fixed(2023), 2023)
    (100.0, PriceBasis(kind=<BasisKind.FIXED: 'fixed'>, year=2023, rate=None))
    """
    if basis.kind is BasisKind.CURRENT or basis.year is None or basis.year == year:
        return float(amount), basis
    factor, _ = price_factor(basis.year, int(year), kpi)
    return float(amount) * factor, PriceBasis(basis.kind, int(year), basis.rate)
