"""The basis a cost or benefit is stated on: current prices, fixed prices of a year, or a present value.

An amount alone does not say what it is: the same project cost reads 4,3 M kr in current prices,
4,4 M kr in 2023 prices and 4,4 M kr as a present value. Each figure carries its basis as a
:class:`PriceBasis`; :func:`evaltools.present.sections.basis.basis_words` names it, the same way everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
