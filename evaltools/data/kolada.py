"""A municipality's series of one Kolada key figure (KPI), fetched through Kolada's open API (v3)
and kept in the project's data folder with the day it was fetched.

Kolada (RKA, Rådet för främjande av kommunala analyser) publishes the statistics förbund cite as
context goals, such as the number of long-term recipients of försörjningsstöd (N31807)::

    GET https://api.kolada.se/v3/data/kpi/{kpi}/municipality/{municipality}

answers ``{"values": [{"kpi", "municipality", "period", "values": [{"gender", "value", ...}]}]}``,
one item per year, the total under gender ``T`` (and women ``K``, men ``M`` for some KPIs). The
series is the totals by year. It is written to ``kolada_<kpi>_<municipality>.csv`` (columns
``period`` and ``value``, as a ``series_file``, plus ``kpi``, ``municipality``, ``fetched`` and
``url``), which is read instead of the network until it is fetched again
(``evaltools kolada <kpi> <municipality>``). Plain HTTP with :mod:`urllib`; nothing else is sent.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import EvaltoolsError
from .messages import DEFAULT_LANG, message

API = "https://api.kolada.se/v3"
TIMEOUT_S = 30
MAX_PAGES = 20  # a municipality's series is one page; a runaway "next page" stops here
KPI_ID = re.compile(r"[A-Z]\d{5}")  # N31807, U30446
MUNICIPALITY_ID = re.compile(r"\d{4}")  # 0305; 0000 is the whole country
CACHE_COLUMNS = ("period", "value", "kpi", "municipality", "fetched", "url")


class KoladaError(EvaltoolsError):
    """A Kolada series could not be fetched or read; worded in Swedish and English."""

    def __init__(self, key: str, lang: str = DEFAULT_LANG, /, **values: object):
        self.key, self.values, self.lang = key, values, lang
        super().__init__(self.message(lang))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.key, lang, **self.values)


@dataclass(frozen=True)
class KoladaSeries:
    """One KPI for one municipality: (year, value) pairs, and where and when they were fetched."""

    kpi: str
    municipality: str
    points: tuple[tuple[int, float], ...]
    fetched: dt.date
    url: str

    def citation(self, lang: str = DEFAULT_LANG, source: str | None = None) -> str:
        """The source as a report cites it: Kolada, the KPI, the municipality and the day fetched;
        after the evaluator's own ``source`` text when there is one."""
        if source:
            return message("kolada.cited", lang, source=source.rstrip(". "), fetched=self.fetched.isoformat())
        return message("kolada.source", lang, kpi=self.kpi, municipality=self.municipality,
                       fetched=self.fetched.isoformat())


def check_ids(kpi: str, municipality: str) -> None:
    """Refuse a KPI id or municipality code Kolada cannot have (before anything is fetched)."""
    if not KPI_ID.fullmatch(str(kpi)):
        raise KoladaError("kolada.bad_kpi", value=kpi)
    if not MUNICIPALITY_ID.fullmatch(str(municipality)):
        raise KoladaError("kolada.bad_municipality", value=municipality)


def series_url(kpi: str, municipality: str) -> str:
    """The API address of one KPI's series for one municipality."""
    return f"{API}/data/kpi/{kpi}/municipality/{municipality}"


def parse_response(payload: dict, kpi: str, municipality: str) -> list[tuple[int, float]]:
    """The (year, total) pairs of a response, sorted by year; years without a total are left out.

    Raises
    ------
    KoladaError
        If the answer is not shaped like Kolada's (no ``values`` list).
    """
    items = payload.get("values") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        raise KoladaError("kolada.unexpected", kpi=kpi, municipality=municipality)
    out: dict[int, float] = {}
    for item in items:
        if not isinstance(item, dict) or str(item.get("kpi", kpi)) != kpi:
            continue
        if str(item.get("municipality", municipality)) != municipality:
            continue
        total = next((v.get("value") for v in item.get("values") or []
                      if isinstance(v, dict) and v.get("gender") == "T"), None)
        try:
            year = int(item["period"])
        except (KeyError, TypeError, ValueError):
            continue
        if isinstance(total, (int, float)) and not isinstance(total, bool) and total == total:
            out[year] = float(total)
    return sorted(out.items())


Opener = Callable[[str], dict]


def _get_json(url: str) -> dict:
    """One GET of the API, its JSON answer."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "evaltools"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 - a fixed https address
        return json.loads(response.read().decode("utf-8"))


def fetch_series(kpi: str, municipality: str, opener: Opener | None = None,
                 today: dt.date | None = None) -> KoladaSeries:
    """Fetch one KPI's series for one municipality from Kolada's API.

    Parameters
    ----------
    kpi, municipality
        Kolada's KPI id (``N31807``) and the municipality's four-digit code (``"0305"``).
    opener
        Turns an address into its JSON answer (default: an HTTP GET); tests give a recorded answer.
    today
        The day to record as fetched (default: today).

    Raises
    ------
    KoladaError
        If the ids are malformed, the API cannot be reached or answers something else, or the
        series has no values.
    """
    check_ids(kpi, municipality)
    get = opener or _get_json
    url = series_url(kpi, municipality)
    points: list[tuple[int, float]] = []
    page: str | None = url
    for _ in range(MAX_PAGES):
        if page is None:
            break
        try:
            payload = get(page)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
            raise KoladaError("kolada.unreachable", kpi=kpi, municipality=municipality, url=url,
                              reason=type(e).__name__) from None
        points += parse_response(payload, kpi, municipality)
        nxt = payload.get("next_page") or payload.get("next_url") if isinstance(payload, dict) else None
        page = nxt if isinstance(nxt, str) and nxt.startswith(API) else None
    if not points:
        raise KoladaError("kolada.empty", kpi=kpi, municipality=municipality)
    return KoladaSeries(kpi, municipality, tuple(sorted(dict(points).items())), today or dt.date.today(), url)


def cache_path(folder: str | Path, kpi: str, municipality: str) -> Path:
    """Where a series is kept in the project's data folder."""
    return Path(folder) / f"kolada_{kpi}_{municipality}.csv"


def write_cache(series: KoladaSeries, folder: str | Path) -> Path:
    """Write ``series`` to the project's data folder (replacing an earlier fetch); its path.

    The file is written beside its place and then moved there, so that a fetch that fails leaves
    the earlier file as it was; a name that is a link (to the participant file, or out of the
    project) or a folder is never written through or over.

    Raises
    ------
    KoladaError
        If the file's place is a link or a folder, or the folder cannot be written.
    """
    path = cache_path(folder, series.kpi, series.municipality)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise KoladaError("kolada.cannot_keep", path=str(path))
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "x", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(CACHE_COLUMNS)
            for year, value in series.points:
                w.writerow([year, repr(value), series.kpi, series.municipality, series.fetched.isoformat(),
                            series.url])
        os.replace(part, path)
    except OSError:
        if part.is_file() and not part.is_symlink():
            part.unlink()
        raise KoladaError("kolada.cannot_keep", path=str(path)) from None
    return path


def read_cache(path: str | Path, kpi: str | None = None, municipality: str | None = None) -> KoladaSeries:
    """A series written by :func:`write_cache`.

    Parameters
    ----------
    path
        The kept file.
    kpi, municipality
        The series the file must hold (every row): a file edited or copied from another KPI's or
        municipality's series is refused rather than cited under the wrong name.

    Raises
    ------
    KoladaError
        If the file is not such a series (columns missing, a year, value or date unreadable, a
        value that is not a finite number), or is the series of another KPI or municipality.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        points = tuple((int(r["period"]), float(r["value"])) for r in rows)
        first = rows[0]
        series = KoladaSeries(first["kpi"], first["municipality"], points, dt.date.fromisoformat(first["fetched"]),
                              first["url"])
    except (OSError, KeyError, IndexError, ValueError, TypeError, UnicodeDecodeError, csv.Error):
        raise KoladaError("kolada.bad_cache", path=str(path)) from None
    if not all(math.isfinite(v) for _, v in points):  # (float() reads 'nan' and 'inf')
        raise KoladaError("kolada.bad_cache", path=str(path))
    if kpi is not None and municipality is not None and any(
            r.get("kpi") != kpi or r.get("municipality") != municipality for r in rows):
        raise KoladaError("kolada.cache_other", path=str(path), kpi=kpi, municipality=municipality)
    return series


def cached_or_fetched(folder: str | Path, kpi: str, municipality: str, opener: Opener | None = None,
                      today: dt.date | None = None) -> KoladaSeries:
    """The series kept in ``folder``; fetched and kept there first when it is not."""
    path = cache_path(folder, kpi, municipality)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise KoladaError("kolada.cannot_keep", path=str(path))  # (not fetched to be thrown away)
    if path.is_file():
        return read_cache(path, kpi, municipality)
    series = fetch_series(kpi, municipality, opener, today)
    write_cache(series, folder)
    return series
