"""Reference data shipped with the package: riksnorm, KPI and default assumptions.

Each value carries its source (and, in column ``source_en``, the source in English where the
words are Swedish) and a confidence mark (H primary, M secondary, L weak, EST estimate). A missing value is never invented silently: a lookup that falls back to
another year says so in the returned :class:`RefValue`, and reports show it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd



@dataclass(frozen=True)
class RefValue:
    """A reference value with where it came from."""

    value: float
    year: int
    confidence: str
    source: str
    note: str = ""
    what: str = ""  # which value: "kpi", or "riksnorm:<component>:<band>" (worded by the report)
    fallback_from: int = 0  # the year whose value stands in for a missing ``year`` (0: none)
    source_en: str = ""  # the source in English where the reference data has it
    base_confidence: str = ""  # a stand-in's: the confidence of the year's value it is uprated from

    @property
    def flagged(self) -> bool:
        """True when the value is not from a primary or checked secondary source."""
        return self.confidence not in ("H", "M") or bool(self.note)


def _english(row: pd.Series) -> str:
    """A reference row's source in English (column ``source_en``), or "" where there is none."""
    v = row.get("source_en", "")
    return "" if pd.isna(v) else str(v)


def _read(name: str) -> pd.DataFrame:
    with resources.files("evaltools").joinpath("data", name).open("r", encoding="utf-8") as f:
        return pd.read_csv(f, dtype={"band": str}, keep_default_na=False, na_values=[""])


@lru_cache(maxsize=1)
def riksnorm_table() -> pd.DataFrame:
    """Socialstyrelsen's riksnorm by year, component and band (kr per month)."""
    df = _read("riksnorm.csv")
    df["band"] = df["band"].fillna("")
    return df


@lru_cache(maxsize=1)
def kpi_table() -> pd.DataFrame:
    """SCB's KPI (1980 = 100), annual means, with confidence marks."""
    return _read("kpi.csv")


@lru_cache(maxsize=1)
def last_kpi_year() -> int:
    """The last year the shipped KPI table gives (read once: a project's price year asks for it often)."""
    return int(kpi_table()["year"].max())


@lru_cache(maxsize=1)
def default_assumptions() -> pd.DataFrame:
    """The default cost-benefit assumptions with their sources."""
    return _read("defaults.csv")


def default(name: str) -> RefValue:
    """One shipped default assumption (``defaults.csv``) with its source and confidence mark.

    ``year`` is the price year named in the unit ("kr per month, 2021 prices"), else 0. A range
    such as ``0–0.75`` has its upper end as ``value``; read the row itself for both ends.
    """
    import re
    t = default_assumptions().set_index("name")
    if name not in t.index:
        raise KeyError(f"no default {name!r}; see evaltools/data/defaults.csv")
    r = t.loc[name]
    raw = str(r["value"]).split("–")[-1]
    year = re.search(r"(\d{4}) prices", str(r["unit"]))
    return RefValue(float(raw), int(year.group(1)) if year else 0, r["confidence"], r["source"])


def kpi(year: int, overrides: dict[int, float] | None = None) -> RefValue:
    """KPI annual mean for ``year``; params overrides win."""
    if overrides and year in overrides:
        return RefValue(float(overrides[year]), year, "params", "value given in params reference.kpi", what="kpi")
    return _shipped_kpi(int(year))


@lru_cache(maxsize=None)
def _shipped_kpi(year: int) -> RefValue:
    """``year``'s KPI from the shipped table (read once per year: a cost-benefit analysis asks for a
    few years some hundred times)."""
    t = kpi_table()
    row = t[t["year"] == year]
    if row.empty:
        near = int(t["year"].iloc[(t["year"] - year).abs().argmin()])
        r = t[t["year"] == near].iloc[0]
        return RefValue(float(r["kpi_1980_100"]), year, "FALLBACK", r["source"],
                        f"KPI {year} not in reference data; {near} used (set reference.kpi in params)",
                        what="kpi", fallback_from=near, source_en=_english(r))
    r = row.iloc[0]
    return RefValue(float(r["kpi_1980_100"]), year, r["confidence"], r["source"], what="kpi", source_en=_english(r))


def price_factor(from_year: int, to_year: int, overrides: dict[int, float] | None = None) -> tuple[float, list[RefValue]]:
    """Factor that converts amounts in ``from_year`` prices to ``to_year`` prices (KPI ratio)."""
    a, b = kpi(from_year, overrides), kpi(to_year, overrides)
    return b.value / a.value, [a, b]


def riksnorm(year: int, component: str, band: str = "", overrides: dict[str, float] | None = None) -> RefValue:
    """One riksnorm amount (kr per month).

    ``component`` is ``adult_single``, ``adult_couple``, ``child`` (band e.g. ``"7-10"``) or
    ``shared`` (band = household size 1–7). A year missing from the reference data falls
    back to the latest earlier year, uprated by KPI, and is flagged.
    """
    key = f"{year}:{component}:{band}"
    if overrides and key in overrides:
        return RefValue(float(overrides[key]), year, "params", "value given in params reference.riksnorm",
                        what=f"riksnorm:{component}:{band}")
    return _shipped_riksnorm(int(year), component, band)


@lru_cache(maxsize=None)
def _shipped_riksnorm(year: int, component: str, band: str) -> RefValue:
    """One riksnorm amount from the shipped table, or its KPI-uprated stand-in (read once per key)."""
    what = f"riksnorm:{component}:{band}"
    t = riksnorm_table()
    sel = t[(t["component"] == component) & (t["band"] == band)]
    if sel.empty:
        raise KeyError(f"no riksnorm component {component!r} band {band!r}; see evaltools/data/riksnorm.csv")
    exact = sel[sel["year"] == year]
    if not exact.empty:
        r = exact.iloc[0]
        return RefValue(float(r["amount_sek_month"]), year, r["confidence"], r["source"], what=what, source_en=_english(r))
    earlier = sel[sel["year"] < year]
    base = earlier.iloc[earlier["year"].argmax()] if not earlier.empty else sel.iloc[sel["year"].argmin()]
    factor, _ = price_factor(int(base["year"]), year)
    return RefValue(round(float(base["amount_sek_month"]) * factor, -1), year, "FALLBACK", base["source"],
                    f"riksnormen för {year} saknas; {int(base['year'])} års värde uppräknat med KPI",
                    what=what, fallback_from=int(base["year"]), source_en=_english(base),
                    base_confidence=str(base["confidence"]))
    # (the params' reference.riksnorm gives the year's value: docs/data-contract.md says how; the report,
    # which shows this note, gives the board no instruction to the evaluator)


# the size of a young adult's parents' household where the riksnorm's shared costs are divided (two parents
# and the young person; the participants file gives no size); docs/methods.md, the monthly level
PARENTS_HOUSEHOLD = 3


def household_norm(year: int, household_type: str, n_children: int = 0, child_band: str = "7-10",
                   overrides: dict[str, float] | None = None) -> tuple[float, list[RefValue]]:
    """Riksnorm for a whole household of the given type (kr per month), with the values used.

    A young adult living with their parents (``bor_med_föräldrar``) is a case of their own in a shared
    household: the personal costs of an adult living alone plus their share of the household's shared
    costs (Socialstyrelsen's rule for an adult in a household without being its partner), the household
    taken as :data:`PARENTS_HOUSEHOLD` persons (two parents and the young person).
    """
    if household_type == "bor_med_föräldrar":
        own, shared = (riksnorm(year, "adult_single", "", overrides),
                       riksnorm(year, "shared", str(PARENTS_HOUSEHOLD), overrides))
        return own.value + shared.value / PARENTS_HOUSEHOLD, [own, shared]
    couple = household_type in ("sambo_utan_barn", "sambo_med_barn")
    kids = n_children if household_type in ("ensamstående_med_barn", "sambo_med_barn") else 0
    if household_type in ("ensamstående_med_barn", "sambo_med_barn") and kids == 0:
        kids = 1
    used = [riksnorm(year, "adult_couple" if couple else "adult_single", "", overrides)]
    used += [riksnorm(year, "child", child_band, overrides)] * kids
    size = min((2 if couple else 1) + kids, 7)
    used.append(riksnorm(year, "shared", str(size), overrides))
    return sum(v.value for v in used), used


def pension_ages() -> tuple[tuple[int, int], ...]:
    """The age from which äldreförsörjningsstöd (the state's) replaces försörjningsstöd, by calendar year:
    ``(first year, age)`` pairs in order, from the ``pension_age`` row of ``defaults.csv`` (written there
    once, with its source)."""
    raw = str(default_assumptions().set_index("name").loc["pension_age", "value"])
    pairs = (part.split(":") for part in raw.split(";"))
    return tuple(sorted((int(year), int(age)) for year, age in pairs))


def pension_age(years: np.ndarray) -> np.ndarray:
    """The age in force (:func:`pension_ages`) in each calendar year of ``years``."""
    firsts, ages = zip(*pension_ages())
    return np.asarray(ages)[np.searchsorted(firsts, np.asarray(years), side="right") - 1]


__all__ = ["RefValue", "riksnorm_table", "kpi_table", "default_assumptions", "default", "kpi", "price_factor",
           "riksnorm", "household_norm", "PARENTS_HOUSEHOLD", "pension_age", "pension_ages"]
