"""Number formats of a report, per language: numbers, amounts, percentages, dates and p-values.

Swedish uses a non-breaking space as thousands separator, a decimal comma and a true minus sign
(``1 276 000 kr``, ``48,6 %``, ``−2 000 kr``); English uses ``SEK 1,276,000``, ``48.6%`` and the same
true minus sign (``SEK −2,000``). No
system locale is needed. Written by hand rather than with Babel's CLDR formats: the two languages
need a handful of patterns, the output is the same as CLDR's for them (the tests compare), and a
formatter called tens of thousands of times per report is several times faster without a locale
lookup per call (see docs/wording.md).
"""
from __future__ import annotations

import decimal
import math
import re
from collections.abc import Mapping

import pandas as pd

NBSP = "\u00a0"
MINUS = "\u2212"


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _as_float(v: object) -> float:
    """A number-like value (int, float, numpy scalar, numeric text) as a float; the callers have
    already handled text marks and missing values."""
    return float(v)  # type: ignore[arg-type]  # any SupportsFloat; anything else is a caller's error


def fmt_num(v: object, decimals: int = 0, lang: str = "sv") -> str:
    """A number with the language's separators: 1 276 000 / 48,6 (sv), 1,276,000 / 48.6 (en); a half
    rounded away from zero, as a person and Excel round (10 108,5 kr → 10 109 kr)."""
    if isinstance(v, str):
        return v
    if _missing(v):
        return "–"
    x = round_half_up(_as_float(v), decimals)
    if x == 0:  # a floating-point residue (2.8e-09, −0.0) reads as 0, never "−0"
        x = 0.0
    s = f"{x:,.{decimals}f}"
    if lang == "sv":
        s = s.replace(",", NBSP).replace(".", ",")
    if s.startswith("-"):  # a true minus sign (U+2212) in both languages, never a hyphen
        s = MINUS + s[1:]
    return s


def fmt_int(v: object, lang: str = "sv") -> str:
    return fmt_num(v, 0, lang)


def persons_needed(x: float) -> int:
    """A number of persons who must do something (a break-even) in whole persons: the next whole
    number up (110,3 persons needed means 111 persons; 19,999 999 9 of rounding noise is 20). One
    rule for the report, the notebook display, the what-if panel and the workbook."""
    return math.ceil(round(float(x), 6))


def fmt_persons_needed(x: object, lang: str = "sv") -> str:
    """:func:`persons_needed` as the report writes it; ``–`` where there is none."""
    return "–" if _missing(x) else fmt_int(persons_needed(_as_float(x)), lang)


def fmt_persons(n: int, k: int, lang: str = "sv") -> str:
    """A number of persons as the privacy rule shows it (:func:`evaltools.data.privacy.hides`): ``<k``
    from 1 to k − 1, else the number."""
    from ..data.privacy import hides, suppressed_label  # (the rule is the data layer's)
    return suppressed_label(k) if hides(n, k) else fmt_int(n, lang)


# a count of a group's persons in running text: all of them, none of them, some of them, a hidden few of them
# ("färre än 5 av de 86"), some of a group just at the threshold (never "färre än 5 av de 5"), and a hidden
# group's few ("färre än 5")
_OF_WORDS = {"sv": ("alla {whole}", "ingen av de {whole}", "{part} av de {whole}", "färre än {k} av de {whole}",
                    "några av de {whole}", "färre än {k}"),
             "en": ("all {whole}", "none of the {whole}", "{part} of the {whole}", "fewer than {k} of the {whole}",
                    "some of the {whole}", "fewer than {k}")}


def fmt_persons_of(part: int, whole: int, k: int, lang: str = "sv") -> str:
    """A count of a group's persons as running text says it, both counts under the privacy rule and a
    hidden count in words: ``alla 86`` (not ``86 av de 86``), ``ingen av de 86``, ``40 av de 86``,
    ``färre än 5 av de 86``; ``all 86``, ``none of the 86``, ``40 of the 86``. A group of just ``k`` has
    "some" of it where the part is hidden (``några av de 5``: "färre än 5 av de 5" says nothing), and a
    hidden group is never "all" or "none": its part is ``färre än 5``.

    Examples
    --------
    >>> fmt_persons_of(86, 86, 5), fmt_persons_of(0, 86, 5, "en"), fmt_persons_of(3, 86, 5)
    ('alla 86', 'none of the 86', 'färre än 5 av de 86')
    >>> fmt_persons_of(3, 5, 5), fmt_persons_of(2, 3, 5, "en")
    ('några av de 5', 'fewer than 5')
    """
    from ..data.privacy import all_of, hides  # (the rule is the data layer's)
    every, none, some, few, some_of_k, few_only = _OF_WORDS["en" if lang == "en" else "sv"]
    if hides(whole, k):
        return few_only.format(k=k)
    whole_text = fmt_int(whole, lang)
    if all_of(part, whole, k):
        return every.format(whole=whole_text)
    if part == 0 and whole > 0:
        return none.format(whole=whole_text)
    if hides(part, k):
        return (some_of_k if whole <= k else few).format(k=k, whole=whole_text)
    return some.format(part=fmt_int(part, lang), whole=whole_text)


def fmt_kr(v: object, lang: str = "sv", decimals: int = 0) -> str:
    """Amount in kronor: ``1 276 000 kr`` (sv) or ``SEK 1,276,000`` (en)."""
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, decimals, lang)
    return f"{fmt_num(v, decimals, lang)}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{fmt_num(v, decimals, lang)}"


def fmt_pct(v: object, lang: str = "sv", decimals: int = 1) -> str:
    """A proportion (0.486) as a percentage: ``48,6 %`` (sv) or ``48.6%`` (en)."""
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, decimals, lang)
    s = fmt_num(_as_float(v) * 100, decimals, lang)
    return f"{s}{NBSP}%" if lang == "sv" else f"{s}%"


def fmt_share_count(v: object, k: object, n: object, lang: str = "sv") -> str:
    """A share with the counts it is built on, as one unit that a narrow cell never splits over two
    lines (a non-breaking space before the bracket, in the HTML, the PDF and the Word document alike):
    ``66,7 % (22/33)`` (sv), ``66.7% (22/33)`` (en); the share alone where a count is missing (an
    application's expected share has none), ``–`` where the share is.

    Examples
    --------
    >>> fmt_share_count(2 / 3, 22, 33) == "66,7" + NBSP + "%" + NBSP + "(22/33)"
    True
    """
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, 1, lang)
    share = fmt_pct(v, lang)
    if _missing(k) or _missing(n):
        return share
    return f"{share}{NBSP}({fmt_int(k, lang)}/{fmt_int(n, lang)})"


def fmt_date(d: object) -> str:
    """ISO date (the same in both languages)."""
    if _missing(d):
        return "–"
    return d.strftime("%Y-%m-%d") if hasattr(d, "strftime") else str(d)


def fmt_p(p: object, lang: str = "sv") -> str:
    """A p-value with three decimals, and ``< 0,001`` rather than a misleading ``0,000``."""
    if isinstance(p, str) or _missing(p):
        return fmt_num(p, 3, lang)
    return "< " + fmt_num(0.001, 3, lang) if _as_float(p) < 0.001 else fmt_num(p, 3, lang)


def fmt_p_relation(p: object, lang: str = "sv") -> str:
    """A p-value as it follows "p" in a sentence or a cell: ``= 0,248``, or ``< 0,001`` (never ``= < 0,001``)."""
    text = fmt_p(p, lang)
    return text if text.startswith("<") else "= " + text


_BOUND_WORDS = {"sv": ("över", "under"), "en": ("more than", "less than")}


def fmt_probability(p: float, lang: str, prose: bool = False) -> str:
    """A probability as a whole percentage, never rounded to a certainty.

    Parameters
    ----------
    p : float
        The probability, 0–1.
    lang : str
        ``"sv"`` or ``"en"``.
    prose : bool
        In running text the bounds are words, as a reader says them (``över 99 %``,
        ``under 1 %``; ``more than 99%``, ``less than 1%``); in a table cell, signs
        (``> 99 %``, ``< 1 %``).
    """
    above, below = _BOUND_WORDS["en" if lang == "en" else "sv"] if prose else (">", "<")
    if p > 0.99:
        return f"{above} {fmt_pct(0.99, lang, 0)}"
    if p < 0.01:
        return f"{below} {fmt_pct(0.01, lang, 0)}"
    return fmt_pct(p, lang, 0)


_WORDS = {"sv": ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"),
          "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve")}


def number_word(n: object, lang: str = "sv", neuter: bool = False) -> str:
    """A count as running text writes it: zero to twelve in words, larger counts in digits.

    Myndigheternas skrivregler: small whole numbers are written in words in running text
    (``fyra uppdelningar``, ``tre termer``), larger ones in digits (``13 mål``). Tables keep digits.

    Parameters
    ----------
    n : int-like
        The count; a count that is not a whole number, or is negative, is given in digits.
    lang : str
        ``"sv"`` or ``"en"``.
    neuter : bool
        Swedish only: the word for one agrees with a neuter noun (``ett mål``), else
        ``en`` (``en term``).

    Returns
    -------
    str
        ``"fyra"``, ``"ett"``, ``"13"``; ``"four"``, ``"13"``.
    """
    if isinstance(n, str) or _missing(n):
        return fmt_num(n, 0, lang)
    x = _as_float(n)
    if x != int(x) or not 0 <= x <= 12:
        return fmt_num(x, 0 if x == int(x) else 1, lang)
    words = _WORDS["en" if lang == "en" else "sv"]
    if lang != "en" and int(x) == 1 and neuter:
        return "ett"
    return words[int(x)]


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case and the rest as it is (``tre mål`` → ``Tre mål``)."""
    return text[:1].upper() + text[1:]


def fmt_amount(v: float, lang: str) -> str:
    """A mean amount, or ``..`` where the privacy rules hid it."""
    return ".." if pd.isna(v) else fmt_kr(v, lang)


def fmt_cell(v: object, fmt, *args) -> str:
    """``fmt(v, *args)`` unless the privacy rules already replaced ``v`` with a mark (a string)."""
    return v if isinstance(v, str) else fmt(v, *args)


def _significant(x: float, n: int) -> float:
    """``x`` rounded to ``n`` significant figures, a half away from zero as a person rounds
    (2 450 000 → 2 500 000 at two figures, not the even 2 400 000)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round_half_up(x, n - 1 - int(math.floor(math.log10(abs(x)))))


def _two_significant(x: float) -> float:
    """``x`` rounded to two significant figures (1 128 000 → 1 100 000; 21 692 → 22 000; 125 000 → 130 000)."""
    return _significant(x, 2)


def round_half_up(x: float, digits: int = 0) -> float:
    """``x`` rounded to ``digits`` decimals (negative: to tens, hundreds, …) with a half away from zero, as
    a person rounds (125 000 to ten thousands: 130 000; −2,45 to one decimal: −2,5); Python's ``round``
    takes a half to the even neighbour and works on the binary float (2,675 → 2,67). The float is read to 15
    significant digits, as Excel reads a cell, so that a figure rounds as the workbook shows it (10 108,499999999998
    kr, the float nearest 10 108,5 less a hair, is 10 109 kr in both)."""
    if not math.isfinite(x):
        return x
    exact = decimal.Decimal(f"{float(x):.15g}")  # (2.675, not 2.67499…; 10108.5, not 10108.499999999998)
    return float(exact.quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP))


# the units an amount in a sentence is said in, largest first: (size, Swedish one, Swedish many, English)
_PROSE_UNITS = ((1e9, "miljard", "miljarder", "billion"), (1e6, "miljon", "miljoner", "million"))


def _prose_unit(x: float) -> float | None:
    """The size of the unit a sentence says ``x`` in (a billion, a million), or ``None`` for kronor."""
    return next((size for size, *_ in _PROSE_UNITS if abs(x) >= size), None)


def _places(x: float, significant: int, size: float) -> int:
    """The decimals of ``x`` in units of ``size`` at ``significant`` figures, without trailing zeros
    (7 000 000 at two figures: 0, as ``7 miljoner``; 3 400 000: 1, as ``3,4 miljoner``)."""
    m = abs(_significant(x, significant)) / size
    d = max(0, significant - 1 - math.floor(math.log10(m))) if m else 0
    while d and round_half_up(m, d - 1) == round_half_up(m, d):
        d -= 1
    return d


def shared_places(amounts: dict[str, tuple[float, int]]) -> dict[str, int | None]:
    """The decimals each amount said together with others is written with (:func:`fmt_kr_prose`'s
    ``places``), by name, from each amount and its significant figures.

    The rule of one sentence (or of the amounts of one rounding, wherever they are said): amounts said in
    the same unit (millions, billions) are written with the same number of decimals, the most any of them
    needs, so that a whole number of millions beside one with a decimal keeps its decimal
    (``3,4 miljoner`` and ``7,0 miljoner``, never ``3,4`` beside ``7``). Where one of them would need more
    than two decimals, every amount of that unit is written in kronor, as :func:`fmt_kr_prose` writes one
    such amount. An amount under a million is written as alone (``None``).

    Examples
    --------
    >>> shared_places({"npv": (3_400_000.0, 2), "benefit": (7_000_000.0, 2), "region": (200_000.0, 2)})
    {'npv': 1, 'benefit': 1, 'region': None}
    """
    units = {name: _prose_unit(_significant(v, n)) if math.isfinite(v) else None for name, (v, n) in amounts.items()}
    most: dict[float, int] = {}
    for name, (v, n) in amounts.items():
        size = units[name]
        if size is not None:
            most[size] = max(most.get(size, 0), _places(v, n, size))
    return {name: None if (size := units[name]) is None else most[size] for name in amounts}


def fmt_kr_prose_alike(amounts: Mapping[str, float | tuple[float, int]], lang: str = "sv") -> dict[str, str]:
    """Amounts said in one sentence, by name, each as :func:`fmt_kr_prose` says it (two significant figures,
    or the figures given with it) and those in one unit with the same decimals (:func:`shared_places`):
    ``7,0 miljoner`` beside ``3,4 miljoner``, ``7 miljoner`` beside ``12 miljoner``.

    Examples
    --------
    >>> said = fmt_kr_prose_alike({"cost": 7_012_000.0, "budget": 7_420_000.0})
    >>> [a.replace("\xa0", " ") for a in said.values()]
    ['7,0 miljoner kronor', '7,4 miljoner kronor']
    """
    pairs = {name: a if isinstance(a, tuple) else (a, 2) for name, a in amounts.items()}
    finite = {name: (float(v), n) for name, (v, n) in pairs.items() if not (isinstance(v, str) or _missing(v))}
    places = shared_places(finite)
    return {name: fmt_kr_prose(v, lang, n, places.get(name)) for name, (v, n) in pairs.items()}


def fmt_kr_prose(v: object, lang: str = "sv", significant: int = 2, places: int | None = None) -> str:
    """An amount as a reader says it in a sentence, rounded to two significant figures (or
    ``significant``, where two would make different amounts read the same).

    ``2,5 miljoner kronor``, ``1,1 miljoner kronor``, ``1 miljon kronor``, ``130 000 kr``,
    ``5 500 kr`` (sv); ``SEK 2.5 million``, ``SEK 130,000`` (en). Exact amounts belong in the
    tables (:func:`fmt_kr`); a sentence gives the size. Where ``significant`` asks for more than two
    decimals of a million (a sum whose parts must add up: 3 308 000 kr), the amount is written in kronor
    (``3 308 000 kr``, ``1 948 400 kr``), never ``3,308`` or ``1,94840 miljoner kronor``, which a reader
    takes for three thousand or cannot read at all. ``places``, for an amount said beside others
    (:func:`fmt_kr_prose_alike`), is the number of decimals of its unit to write, trailing zeros kept
    (``7,0 miljoner kronor`` beside ``3,4 miljoner kronor``); more than two is written in kronor.
    """
    if isinstance(v, str) or _missing(v):
        return fmt_num(v, 0, lang)
    x = _two_significant(_as_float(v)) if significant == 2 else _significant(_as_float(v), significant)
    ax = abs(x)
    sign = MINUS if x < 0 else ""
    for size, sv_one, sv_many, en in _PROSE_UNITS:
        if ax >= size:
            m = ax / size
            decimals = (places if places is not None and size == _prose_unit(x) else
                        0 if m >= 10 ** (significant - 1) or m == int(m) else significant - 1 - int(math.log10(m)))
            if decimals > 2:  # "3,308 miljoner kronor" is read as three thousand: in the next unit
                continue  # (1 235 miljoner kronor), or in kronor
            num = fmt_num(m, decimals, lang)
            if lang == "sv":
                return f"{sign}{num}{NBSP}{sv_one if num == '1' else sv_many} kronor"
            return f"SEK{NBSP}{sign}{num}{NBSP}{en}"
    return fmt_kr(x, lang)


def fmt_kr_beside(ends: tuple[float, ...], figure: float, lang: str = "sv") -> tuple[str, ...]:
    """Amounts said beside ``figure`` as :func:`fmt_kr_prose` says it (an interval's ends around its
    estimate), rounded to the unit the figure is rounded to, so that one sentence gives one precision:
    ``omkring 2 500 kr (… 2 200 kr till 2 800 kr)``, not ``omkring 2 500 kr (… 2 158 kr till 2 814 kr)``.
    An end that is not zero is never said as zero (a finer unit is taken until none is).

    Examples
    --------
    >>> [e.replace("\\xa0", " ") for e in fmt_kr_beside((2_158.0, 2_814.0), 2_486.0)]
    ['2 200 kr', '2 800 kr']
    >>> [e.replace("\\xa0", " ") for e in fmt_kr_beside((750.0, 402.0), 174.0)]
    ['750 kr', '400 kr']
    """
    x = _as_float(figure)
    if x == 0 or not math.isfinite(x):
        return tuple(fmt_kr(e, lang) for e in ends)
    # the unit of the figure's second significant figure (2 486 → 2 500: hundreds), never finer than a krona
    digits = 1 - int(math.floor(math.log10(abs(_two_significant(x)))))
    while True:
        shown = [round_half_up(_as_float(e), min(digits, 0)) for e in ends]
        if digits >= 0 or all(s != 0 or _as_float(e) == 0 for s, e in zip(shown, ends)):
            return tuple(fmt_kr(0.0 if s == 0 else s, lang) for s in shown)
        digits += 1


def share_significant(part: float, whole: float, lang: str = "sv") -> int:
    """The significant figures (two, or up to four where two do not do) at which an amount ``part`` said beside
    ``whole`` reads as the share of it that the sentence gives (:func:`fmt_budget_share`): ``1,13 miljoner kronor
    (88 % av budgeten 1,28 miljoner kronor)``, not ``1,1 miljoner kronor (88 % av budgeten 1,3 miljoner
    kronor)``, which a reader divides to 85 %. Two where no rounding reads so (a share of something else).

    Examples
    --------
    >>> share_significant(1_128_000.0, 1_276_000.0), share_significant(4_286_200.0, 4_380_000.0)
    (3, 2)
    """
    if not (whole and math.isfinite(part) and math.isfinite(whole)):
        return 2
    shown = fmt_budget_share(part / whole, lang)
    for n in (2, 3, 4):
        rounded = _significant(whole, n)
        if rounded and fmt_budget_share(_significant(part, n) / rounded, lang) == shown:
            return n
    return 2


def one_rounding(npv: float, parts: dict[str, float] | None = None,
                 benefit_cost: tuple[float, float] | None = None,
                 beside: Mapping[str, float] | None = None) -> dict[str, tuple[float, int]]:
    """A net present value, its parts and its benefit and cost rounded to one unit, so that a sentence's own
    arithmetic holds: each amount rounded (a half away from zero) and the significant figures to say it
    with (:func:`fmt_kr_prose`), by name (``npv``, ``benefit``, ``cost`` and the parts' names).

    The unit is that of the net present value at two significant figures, or the first finer one at which
    benefit less cost reads as the net present value, benefit and cost do not read the same unless they are,
    and parts that sum to the net present value read as adding up to it, none of them zero unless under
    500 kr. Every text that says these amounts (page 1, a cited figure, the portfolio) says them in this one
    rounding.

    ``beside`` are amounts of the same kind said on the same page (other perspectives' net present values), by
    name: rounded to the same unit, so that one page gives them one precision (``4,43`` beside ``−5,37``
    miljoner, never ``−5,4``), but not part of the arithmetic that sets the unit. One with fewer than two
    figures at that unit keeps its own two (it never reads zero).

    Examples
    --------
    >>> one_rounding(-44_000.0, None, (1_052_000.0, 1_096_000.0))["benefit"]
    (1052000.0, 4)
    >>> one_rounding(-3_070_000.0, None, (1_356_000.0, 4_426_000.0), {"society": -5_372_000.0})["society"]
    (-5370000.0, 3)
    """
    parts = dict(parts or {})
    summed = bool(parts) and abs(sum(parts.values()) - npv) < 1.0  # (the actors are the whole)
    shown: dict[str, float] = {}
    digits: dict[str, int] = {}
    for k in (2, 3, 4, 5, 6):
        unit = 10.0 ** (math.floor(math.log10(abs(npv))) - k + 1) if npv and math.isfinite(npv) else 1.0
        unit = max(unit, 1.0)
        values = {"npv": npv, **parts}
        if benefit_cost is not None:
            values.update(benefit=benefit_cost[0], cost=benefit_cost[1])
        shown = {name: round_half_up(v / unit) * unit for name, v in values.items()}
        digits = {name: _digits(v, unit) for name, v in shown.items()}
        adds = benefit_cost is None or (
            round((shown["benefit"] - shown["cost"] - shown["npv"]) / unit) == 0
            and (fmt_kr_prose(shown["benefit"], "sv", digits["benefit"]) != fmt_kr_prose(shown["cost"], "sv", digits["cost"])
                 or round(benefit_cost[0]) == round(benefit_cost[1])))
        parts_add = not summed or (round((sum(shown[p] for p in parts) - shown["npv"]) / unit) == 0
                                   and all(shown[p] or abs(v) < 500 for p, v in parts.items()))
        if adds and parts_add:
            break
    out = {name: (shown[name], digits[name]) for name in shown}
    for name, v in (beside or {}).items():
        if not math.isfinite(v):
            continue
        if abs(v) >= 10 * unit:  # (two figures or more at the unit: said in it)
            rounded = round_half_up(v / unit) * unit
            out[name] = (rounded, _digits(rounded, unit))
        else:
            out[name] = (v, 2)
    return out


def _digits(v: float, unit: float) -> int:
    """The significant figures of ``v`` rounded to ``unit`` (1 052 000 to a unit of 1 000: 4), at least two."""
    if not v:
        return 2
    return max(2, math.floor(math.log10(abs(v))) - round(math.log10(unit)) + 1)


def fmt_kr_prose_range(low: float, high: float, lang: str = "sv") -> tuple[str, str]:
    """The two ends of a range of amounts as a sentence says them: in the unit of the larger end, written
    once after the second (``mellan 1,2 och 6,3 miljoner kronor``, ``between SEK 1.2 and 6.3 million``;
    ``mellan −880 000 och 130 000 kr``), except that an end below one million beside one in millions is
    said in kronor, as nobody says ``−0,64 miljoner`` (``mellan −1,3 miljoner och −640 000 kronor``,
    ``mellan −880 000 och 6,3 miljoner kronor``; ``between SEK −1.3 million and SEK −640,000``), never
    with ``kr`` beside ``kronor``.

    Each end is rounded as a person says an amount (two significant figures), with one more figure at a
    time where the two ends would otherwise read the same. In millions an end is given to at most two
    decimals; where the larger end would need more than two decimals of a million, both ends are written
    in kronor.

    Examples
    --------
    >>> [e.replace("\xa0", " ") for e in fmt_kr_prose_range(-880_123, 6_312_000)]
    ['−880 000', '6,3 miljoner kronor']
    >>> [e.replace("\xa0", " ") for e in fmt_kr_prose_range(-1_284_000, -636_000)]
    ['−1,3 miljoner', '−640 000 kronor']
    """
    a = b = ""
    for significant in (2, 3, 4, 5, 6):
        lo, hi = _significant(_as_float(low), significant), _significant(_as_float(high), significant)
        big = max(abs(lo), abs(hi))
        size, sv_one, sv_many, en = next(((z, o, m, e) for z, o, m, e in (
            (1e9, "miljard", "miljarder", "billion"), (1e6, "miljon", "miljoner", "million")) if big >= z),
            (1.0, "", "", ""))
        places = [0 if x == 0 or abs(x / size) >= 10 ** (significant - 1) or x / size == int(x / size)
                  else max(0, significant - 1 - int(math.floor(math.log10(abs(x / size))))) for x in (lo, hi)]
        larger = places[0] if abs(lo) >= abs(hi) else places[1]
        if size > 1 and larger > 2:  # (3,308 miljoner reads as three thousand: in kronor)
            size, places = 1.0, [0, 0]
        nums = []
        for x, d in zip((lo, hi), places):
            d = min(d, 2) if size > 1 else 0
            v = round_half_up(x / size, d)
            while d and round_half_up(v, d - 1) == v:  # (0,5 miljoner, not 0,50)
                d -= 1
            nums.append(fmt_num(0.0 if v == 0 else v, d, lang))
        # an end below one of the larger end's unit is said in kronor (−640 000, never −0,64 miljoner)
        small = [size > 1 and x != 0 and abs(x) < size for x in (lo, hi)]
        if any(small):
            ends = [fmt_num(x, 0, lang) if s else f"{n}{NBSP}{(sv_one if n.lstrip(MINUS) == '1' else sv_many) if lang == 'sv' else en}"
                    for x, n, s in zip((lo, hi), nums, small)]
            if lang == "sv":
                a, b = ends[0], f"{ends[1]} kronor"
            else:
                a, b = f"SEK{NBSP}{ends[0]}", f"SEK{NBSP}{ends[1]}"
            break
        if size == 1:
            a, b = (nums[0], f"{nums[1]}{NBSP}kr") if lang == "sv" else (f"SEK{NBSP}{nums[0]}", nums[1])
        elif lang == "sv":
            a, b = nums[0], f"{nums[1]}{NBSP}{sv_one if nums[1] == '1' else sv_many} kronor"
        else:
            a, b = f"SEK{NBSP}{nums[0]}", f"{nums[1]}{NBSP}{en}"
        if nums[0] != nums[1]:
            break
    return a, b


_QUARTER_MONTHS = {"sv": ("jan–mar", "apr–jun", "jul–sep", "okt–dec"), "en": ("Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec")}


def fmt_quarter(q: object, lang: str = "sv") -> str:
    """A calendar quarter as a reader names it: ``2018Q1`` → ``jan–mar 2018`` (sv), ``Jan–Mar 2018`` (en).

    Anything that is not a quarter code is returned as text unchanged.
    """
    s = str(q)
    if len(s) == 6 and s[:4].isdigit() and s[4] == "Q" and s[5] in "1234":
        return f"{_QUARTER_MONTHS['en' if lang == 'en' else 'sv'][int(s[5]) - 1]} {s[:4]}"
    return s


def fmt_budget_share(v: object, lang: str = "sv") -> str:
    """The share of the budget used (:attr:`evaltools.analysis.costbenefit.BudgetUse.share`), as every page
    shows it: a whole percentage (``94 %``), so page 1, the budget table and the portfolio agree."""
    return fmt_pct(v, lang, 0)


# Pictographs shown in colour (emoji) and the marks that join or colour them: the report's fonts (DejaVu Sans,
# Liberation Sans) have no glyph for them, and the PDF printed each as an empty box. The ranges are Unicode's
# default emoji presentation (emoji-data.txt); a symbol the fonts draw (✓, ★, ☎) is kept, its emoji variation
# selector (U+FE0F) dropped.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\U0001F1E6-\U0001F1FF\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE"
                   "\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4"
                   "\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757"
                   "\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55\uFE0E\uFE0F\u200D\u20E3\U000E0020-\U000E007F]")

# a run of them, with the space before it where a space, a line's end or a punctuation mark follows (the words
# either side keep one space between them, a full stop or the end of an HTML element none before it)
_EMOJI_RUN = re.compile(f" ?{EMOJI.pattern}+(?=[\\s.,;:!?)<]|$)|{EMOJI.pattern}+")


def without_emoji(text: str) -> str:
    """``text`` without emoji (:data:`EMOJI`), and without the space left doubled where one stood between words:
    "Bra jobb 👍 i år" → "Bra jobb i år"."""
    if not EMOJI.search(text):
        return text
    return _EMOJI_RUN.sub("", text)


def emoji_in(text: str) -> list[str]:
    """The emoji in ``text`` (:data:`EMOJI`, without the joining marks), in order, each once."""
    return list(dict.fromkeys(c for c in EMOJI.findall(text) if c not in "\uFE0E\uFE0F\u200D\u20E3"))
