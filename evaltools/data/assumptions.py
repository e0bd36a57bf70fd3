"""The cost-benefit assumptions: one registry, read by every part that shows or varies them.

Each assumption is declared once here, as an :class:`Assumption`: its code, the kind of its value
(:class:`Unit`), its shipped default, the plausible range the sensitivity analysis tests at both
ends and the Monte Carlo draws within, where its default and range come from (a row of
``evaltools/data/defaults.csv``), how confident that source is, the glossary term that defines
it, and the step and range of its what-if control.

The cost-benefit model (:mod:`evaltools.analysis.costbenefit`: the params defaults, the one-at-a-time
sensitivity, the Monte Carlo's spreads), the tornado chart, the report's assumptions table, the
workbook's assumption and sensitivity sheets and the what-if panel's sliders are all generated from
:data:`REGISTRY`. Their words come from the catalogs by keys derived from the code
(:func:`catalog_key`: ``assumption.<name>.label``, ``.unit``, ``.definition``).

This module holds numbers and codes only: no words, no formatting, no catalog lookups.

Examples
--------
>>> from evaltools.data.assumptions import REGISTRY
>>> REGISTRY["deadweight"].lower, REGISTRY["deadweight"].upper
(0.0, 0.75)
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum

from .reference import default_assumptions


class Unit(str, Enum):
    """The kind of an assumption's value: decides how it is formatted and which words name its unit."""

    KR_PER_MONTH = "kr_per_month"  # kronor per month, in the price year's prices
    YEARS = "years"  # a length of time in years
    SHARE = "share"  # a proportion from 0 to 1
    SHARE_PER_YEAR = "share_per_year"  # a proportion lost each year
    RATE_PER_YEAR = "rate_per_year"  # a real rate per year
    FACTOR = "factor"  # a multiplier (the skattefaktor)
    MULTIPLE = "multiple"  # a multiple of the calculation's own value (cost)
    YEAR = "year"  # a calendar year (the price year)
    PERSONS = "persons"  # a number of persons


class Range(str, Enum):
    """How the sensitivity analysis's two ends relate to the assumption's value."""

    ABSOLUTE = "absolute"  # lower and upper are values of the assumption itself
    RELATIVE = "relative"  # lower and upper are multiples of the value the calculation used
    INTERVAL = "interval"  # from the data: the confidence interval of the observed count
    FIXED = "fixed"  # not varied


@dataclass(frozen=True)
class Assumption:
    """One cost-benefit assumption.

    Attributes
    ----------
    name
        Its code: the name of the setting in ``params.cost_benefit`` where it has one, and the
        last part of its catalog keys.
    unit
        The kind of its value.
    default
        The shipped default (``None`` where the value is the project's own: the monthly level,
        the price year, the number of exits).
    lower, upper
        The plausible range: the sensitivity analysis tests both ends one at a time, the Monte
        Carlo draws within it. Values of the assumption (:attr:`Range.ABSOLUTE`) or multiples of the
        calculation's value (:attr:`Range.RELATIVE`); ``None`` when it is not varied.
    range
        How ``lower`` and ``upper`` are read.
    range_setting
        The ``params.cost_benefit`` setting that overrides the range for one project, if any.
    source
        The row of ``defaults.csv`` that sources the default (and the range, when
        ``range_source`` is empty).
    range_source
        The row of ``defaults.csv`` that sources the range, when it has a row of its own.
    confidence
        The source's confidence mark (H primary, M secondary, L weak, EST estimate).
    term
        The glossary key that defines it (the catalog key of its definition).
    step
        What a what-if slider moves in; ``None`` when the panel has no control for it.
    slider
        The what-if control's (min, max): wider than the plausible range, so a board can ask
        about values the report does not expect.
    in_table
        Listed in the report's assumptions table (every assumption the model uses as a value).
    mc_sd
        The Monte Carlo's relative standard deviation, for an assumption drawn as a normal
        multiple of its value (the monthly level); ``None`` otherwise.
    """

    name: str
    unit: Unit
    default: float | None
    lower: float | None
    upper: float | None
    range: Range
    source: str
    confidence: str
    term: str
    range_setting: str | None = None
    range_source: str = ""
    step: float | None = None
    slider: tuple[float, float] | None = None
    in_table: bool = True
    mc_sd: float | None = None

    @property
    def varied(self) -> bool:
        """True when the sensitivity analysis varies it."""
        return self.range is not Range.FIXED


def catalog_key(name: str, part: str) -> str:
    """The catalog key of an assumption's words: ``part`` is ``label``, ``unit`` or ``definition``."""
    return f"assumption.{name}.{part}"


def _confidence(row: str) -> str:
    """The confidence mark of a defaults.csv row."""
    return str(default_assumptions().set_index("name").loc[row, "confidence"])


def _csv(row: str) -> tuple[float, str]:
    """(value, confidence) of a defaults.csv row holding one number."""
    return float(default_assumptions().set_index("name").loc[row, "value"]), _confidence(row)


def _csv_range(row: str) -> tuple[float, float]:
    """Both ends of a defaults.csv range row (``0–0.75``)."""
    lo, hi = str(default_assumptions().set_index("name").loc[row, "value"]).split("–")
    return float(lo), float(hi)


def _sourced(name: str, unit: Unit, source: str, range_source: str = "", **kw) -> Assumption:
    """An assumption whose default (and range) are read from defaults.csv, so they are written once."""
    value, confidence = _csv(source)
    if range_source:
        kw["lower"], kw["upper"] = _csv_range(range_source)
    return Assumption(name, unit, value, kw.pop("lower"), kw.pop("upper"), kw.pop("range", Range.ABSOLUTE), source,
                      confidence, catalog_key(name, "definition"), range_source=range_source, **kw)


_ALL: tuple[Assumption, ...] = (
    # the försörjningsstöd a person who left no longer receives: the project's own data (own payments,
    # riksnorm for the household plus housing, or a fixed amount); varied ±25 % one at a time,
    # drawn as a normal multiple with a 10 % standard deviation in the Monte Carlo
    Assumption("monthly_level", Unit.KR_PER_MONTH, None, 0.75, 1.25, Range.RELATIVE, "monthly_level_method",
               _confidence("monthly_level_method"), catalog_key("monthly_level", "definition"),
               range_source="monthly_level_range", step=100.0, slider=(0.0, 100_000.0), mc_sd=0.10),
    _sourced("horizon_years", Unit.YEARS, "horizon_years", "horizon_range", range_setting="horizon_range",
             step=0.5, slider=(0.5, 10.0)),
    # the age from which the state's äldreförsörjningsstöd replaces försörjningsstöd: each leaver's saving ends
    # there (by calendar year, defaults.csv); the project's own (the age in force when its horizon ends), not varied
    Assumption("pension_age", Unit.YEARS, None, None, None, Range.FIXED, "pension_age", _confidence("pension_age"),
               catalog_key("pension_age", "definition")),
    _sourced("dropoff_per_year", Unit.SHARE_PER_YEAR, "dropoff_per_year", "dropoff_range", step=0.01,
             slider=(0.0, 1.0)),
    # the share of the level saved in the first 12 months after exit: the whole level, or the observed
    # share kept month by month where enough leavers are followed (not varied: the drop-off varies after it)
    _sourced("first_year_kept", Unit.SHARE, "first_year_kept", lower=None, upper=None, range=Range.FIXED),
    _sourced("deadweight", Unit.SHARE, "deadweight", "deadweight_range", range_setting="deadweight_range",
             step=0.01, slider=(0.0, 0.95)),
    _sourced("discount_rate", Unit.RATE_PER_YEAR, "discount_rate", "discount_rate_range", step=0.005,
             slider=(0.0, 0.1)),
    _sourced("skattefaktor", Unit.FACTOR, "skattefaktor", "skattefaktor_range"),
    # the state's wage subsidy for an exit to subsidised work (a transfer to the employer)
    _sourced("wage_subsidy_sek_month", Unit.KR_PER_MONTH, "wage_subsidy_sek_month", "wage_subsidy_range"),
    # the part of the cost still only budgeted (settled utfall is known): varied ±10 % one at a time
    Assumption("cost", Unit.MULTIPLE, 1.0, *_csv_range("cost_range"), Range.RELATIVE, "cost_range",
               _confidence("cost_range"), catalog_key("cost", "definition"), range_source="cost_range",
               in_table=False),
    # the number who left försörjningsstöd: observed (its exact 95 % interval) or, ex ante, the
    # application's expectation times the range in ex_ante_success_range
    Assumption("successes", Unit.PERSONS, None, *_csv_range("ex_ante_success_range"), Range.INTERVAL,
               "ex_ante_success_range", _confidence("ex_ante_success_range"), catalog_key("successes", "definition"),
               range_setting="ex_ante_success_range", range_source="ex_ante_success_range", in_table=False),
    Assumption("price_year", Unit.YEAR, None, None, None, Range.FIXED, "", "H",
               catalog_key("price_year", "definition")),
    _sourced("work_earnings_sek_month", Unit.KR_PER_MONTH, "work_earnings_default", lower=None, upper=None,
             range=Range.FIXED),
    # the income tax on earnings from work and the region's part of it: used (and listed) only where
    # earnings are valued, assumed or measured; not varied
    _sourced("tax_rate", Unit.SHARE, "tax_rate", lower=None, upper=None, range=Range.FIXED),
    _sourced("tax_share_region", Unit.SHARE, "tax_share_region", lower=None, upper=None, range=Range.FIXED),
    # the participants' employment in the project (a budget line of their own wages the params declare): the gross
    # wage the params give, the employer's fee on it and the försörjningsstöd not paid during it (the level a
    # leaver saves); listed only where the line is declared, held in the sensitivity and the simulation
    Assumption("participant_wage_sek_month", Unit.KR_PER_MONTH, None, None, None, Range.FIXED, "", "H",
               catalog_key("participant_wage_sek_month", "definition")),
    _sourced("employer_fee_rate", Unit.SHARE, "employer_fee_rate", lower=None, upper=None, range=Range.FIXED),
    Assumption("employment_monthly_level", Unit.KR_PER_MONTH, None, None, None, Range.FIXED, "monthly_level_method",
               _confidence("monthly_level_method"), catalog_key("employment_monthly_level", "definition")),
    # the spread of a person-month's försörjningsstöd: only for an application's minimum detectable
    # effect (analysis.power), never in the cost-benefit calculation, its table or its sensitivity
    _sourced("payment_sd", Unit.KR_PER_MONTH, "payment_sd", lower=None, upper=None, range=Range.FIXED,
             in_table=False),
)


class Registry(Mapping):
    """The assumptions by name, in the order the report lists them."""

    def __init__(self, items: tuple[Assumption, ...]):
        self._items = {a.name: a for a in items}
        if len(self._items) != len(items):
            raise ValueError("an assumption is declared twice")

    def __getitem__(self, name: str) -> Assumption:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def table(self) -> tuple[str, ...]:
        """The names the assumptions table lists, in its order."""
        return tuple(n for n, a in self._items.items() if a.in_table)

    @property
    def varied(self) -> tuple[str, ...]:
        """The names the sensitivity analysis (and the tornado chart) varies."""
        return tuple(n for n, a in self._items.items() if a.varied)

    @property
    def sliders(self) -> tuple[str, ...]:
        """The names the what-if panel has a control for."""
        return tuple(n for n, a in self._items.items() if a.step is not None)


REGISTRY = Registry(_ALL)


def bounds(name: str, cost_benefit=None) -> tuple[float, float]:
    """The (lower, upper) ends of an assumption's range for one project: the params' range
    setting where the registry names one and the params give it, else the registry's.

    Parameters
    ----------
    name
        An assumption's code.
    cost_benefit
        The project's ``params.cost_benefit`` (a :class:`~evaltools.data.params.CostBenefit`), or ``None``
        for the shipped range.
    """
    a = REGISTRY[name]
    if a.range_setting and cost_benefit is not None:
        lo, hi = getattr(cost_benefit, a.range_setting)
        return float(lo), float(hi)
    if a.lower is None or a.upper is None:
        raise ValueError(f"assumption {name!r} is not varied")
    return a.lower, a.upper


def tested_range(name: str, value: float | None = None, cost_benefit=None) -> tuple[float, float]:
    """The ends the sensitivity analysis tests for one project: :func:`bounds`, widened to take in
    the value the calculation used when that lies outside them (an observed drop-off of 81 % is
    tested from 0 % to 81 %, not at 0 % and 50 %, which would both lie on one side of it).

    A relative range is a multiple of the value itself, so it always holds it.
    """
    lo, hi = bounds(name, cost_benefit)
    if REGISTRY[name].range is Range.ABSOLUTE and value is not None and not math.isnan(value):
        lo, hi = min(lo, float(value)), max(hi, float(value))
    return lo, hi


__all__ = ["REGISTRY", "Assumption", "Range", "Registry", "Unit", "bounds", "catalog_key", "tested_range"]
