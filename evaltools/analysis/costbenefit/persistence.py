"""Persistence after exit: did the leavers stay off försörjningsstöd, observed in the payments."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...data import schema as S
from ...data.project import Project
from ...data.reference import price_factor
from ..result import Result
from .model import _month, _months



# --- persistence after exit -------------------------------------------------------------
PERSISTENCE_MONTHS = (3, 6, 12)  # the months the report's table shows
FIRST_YEAR_MONTHS = tuple(range(1, 13))  # the months the first year's saving follows, where enough are followed


class Persistence(Result):
    """Did the successful leavers stay off försörjningsstöd? Observed in the payments after exit."""


def successful_leavers(project: Project) -> pd.DataFrame:
    """The participants who ended with an outcome that leaves försörjningsstöd (``success_outcomes``)
    and whom the payments follow (:meth:`~evaltools.data.project.Project.paid_persons`)."""
    df = project.paid_persons()
    return df[~df[S.ONGOING] & df[S.OUTCOME].isin(project.params.cost_benefit.success_outcomes) & df[S.END_DATE].notna()]


def _leaver_payments(project: Project, succ: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The successful leavers' payments with their month index and price-year amount, and the same
    summed per person and month; computed once for all follow-up months (only the leavers' rows)."""
    params = project.params
    pay = project.payments
    assert pay is not None  # (persistence is computed only where there are payments)
    pay = pay[pay[S.PERSON_ID].isin(pd.unique(succ[S.PERSON_ID]))]
    kpi_over = dict(params.reference.kpi)
    pm = pay.assign(_m=_months(pay[S.MONTH]))
    years = pm[S.MONTH].dt.year
    fac = {y: price_factor(int(y), params.price_year, kpi_over)[0] for y in years.unique()}
    pm["_fixed"] = pm[S.AMOUNT] * years.map(fac)
    return pm, pm.groupby([S.PERSON_ID, "_m"])[[S.AMOUNT, "_fixed"]].sum()


def _persistence_pairs(project: Project, succ: pd.DataFrame, mm: int,
                       prepared: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the leavers the payments file covers ``mm`` months after their exit month: their payment
    that month (current prices), the same in the price year's prices, and their own level before the
    start (price-year prices, the own-payments window: ``months_before_start`` months ending
    ``gap_before_start`` months before the start; 0 kr when nothing was paid then)."""
    ml = project.params.cost_benefit.monthly_level
    pay = project.payments
    assert pay is not None  # (persistence is computed only where there are payments)
    last = _month(pay[S.MONTH].max())
    exit_m = _months(succ[S.END_DATE]).to_numpy()
    start_m = _months(succ[S.START_DATE]).to_numpy()
    covered = exit_m + mm <= last
    ids, target, m0 = succ[S.PERSON_ID].to_numpy()[covered], exit_m[covered] + mm, start_m[covered]
    pm, by_month = prepared if prepared is not None else _leaver_payments(project, succ)
    now = by_month.reindex(pd.MultiIndex.from_arrays([ids, target])).fillna(0.0)
    hi = m0 - ml.gap_before_start  # the own-payments window, before the peak as enrolment nears
    level = np.zeros(len(ids))
    if len(ids):
        key = pd.DataFrame({S.PERSON_ID: ids, "hi": hi, "i": np.arange(len(ids))})
        w = pm[[S.PERSON_ID, "_m", "_fixed"]].merge(key, on=S.PERSON_ID)
        w = w[(w["_m"] < w["hi"]) & (w["_m"] >= w["hi"] - ml.months_before_start)]
        np.add.at(level, w["i"].to_numpy(int), w["_fixed"].to_numpy(float))
        level /= ml.months_before_start
    return now[S.AMOUNT].to_numpy(float), now["_fixed"].to_numpy(float), level


def persistence(project: Project, months: tuple[int, ...] = PERSISTENCE_MONTHS,
                prepared: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> Persistence:
    """How much of the saving the successful leavers kept ``m`` months after their exit.

    For each of 3, 6 and 12 months after the exit month, among the successful leavers the payments
    file covers that long (a month without a payment row counts as 0 kr): how many had no
    försörjningsstöd that month, their mean payment, and the **share of their own level before the
    start that was still saved** — one minus their payments that month over their own monthly level
    before the start (the own-payments window), both in the price year's prices, summed over the
    leavers who had a level (a ratio of means, so one large payment weighs as its amount). The
    share without any payment is shown but not used: a person who left for work and still gets a
    small top-up has kept most of the saving, which a yes/no count would call lost.

    Returns
    -------
    Persistence
        ``table``: months_after, observed (leavers covered that long), without_fs, share_without,
        mean_payment (kr, current prices), with_level (of them, with payments in the window before
        the start), kept_share (share of the pre-start level still saved; NaN without such leavers),
        max_months_observed (the longest follow-up any leaver has). Empty without payments or
        successful leavers.

    ``prepared`` is :func:`_leaver_payments` already computed for :func:`successful_leavers` (the
    cost-benefit computes it once for this table and the observed drop-off).
    """
    cols = ["months_after", "observed", "without_fs", "share_without", "mean_payment", "with_level", "kept_share",
            "max_months_observed"]
    pay = project.payments
    if pay is None or pay.empty or not project.has_participants:
        return Persistence(pd.DataFrame(columns=cols))
    succ = successful_leavers(project)
    if succ.empty:
        return Persistence(pd.DataFrame(columns=cols))
    longest = int(max(_month(pay[S.MONTH].max()) - _months(succ[S.END_DATE]).min(), 0))
    rows = []
    prepared = prepared if prepared is not None else _leaver_payments(project, succ)
    for mm in months:
        amounts, fixed, level = _persistence_pairs(project, succ, mm, prepared)
        n, has = len(amounts), level > 0
        rows.append({"months_after": mm, "observed": n, "without_fs": int((amounts <= 0).sum()),
                     "share_without": float((amounts <= 0).mean()) if n else np.nan,
                     "mean_payment": float(amounts.mean()) if n else np.nan,
                     "with_level": int(has.sum()),
                     "kept_share": float(1 - fixed[has].sum() / level[has].sum()) if has.any() else np.nan,
                     "max_months_observed": longest})
    return Persistence(pd.DataFrame(rows, columns=cols))


def observed_dropoff(table: pd.DataFrame, min_observed: int) -> tuple[float, float, int] | None:
    """(drop-off per year, share of the saving kept, leavers it rests on) from the 12-month
    persistence figure, when at least ``min_observed`` leavers with a pre-start level are covered
    12 months.

    The benefit model saves a leaver's whole level in the first year and (1 − drop-off) of it in the
    second; the share still saved 12 months after exit is what the data say about the second year,
    so the observed drop-off is one minus it, kept within 0–100 %.
    """
    if table is None or table.empty or "kept_share" not in table:
        return None
    row = table[table["months_after"] == 12]
    if row.empty or row["with_level"].iloc[0] < min_observed or pd.isna(row["kept_share"].iloc[0]):
        return None
    kept = float(row["kept_share"].iloc[0])
    return float(min(max(1 - kept, 0.0), 1.0)), kept, int(row["with_level"].iloc[0])




def first_year_kept(table: pd.DataFrame, min_observed: int) -> tuple[np.ndarray, int] | None:
    """(the share of the saving kept 1, 2, …, 12 months after the exit, leavers followed 12 months)
    from a :func:`persistence` table over :data:`FIRST_YEAR_MONTHS`, when at least ``min_observed``
    leavers with a pre-start level are covered 12 months (the same rule as :func:`observed_dropoff`).

    Each month's share is the table's ``kept_share`` (the one definition the report shows), kept
    within 0–100 %; a month with no leaver who had a level gives ``None`` (nothing to apply).
    """
    if table is None or table.empty or "kept_share" not in table:
        return None
    t = table.set_index("months_after")
    if not set(FIRST_YEAR_MONTHS) <= set(t.index) or t.loc[12, "with_level"] < min_observed:
        return None
    kept = t.loc[list(FIRST_YEAR_MONTHS), "kept_share"].to_numpy(float)
    if np.isnan(kept).any():
        return None
    return np.clip(kept, 0.0, 1.0), int(t.loc[12, "with_level"])


@dataclass(frozen=True)
class OutcomeCheck:
    """The outcome codes against the payments: of the ``coded`` ended participants whose outcome
    leaves försörjningsstöd, ``checked`` are covered by the payments file the month after their exit
    month and ``paid_next_month`` of them were paid försörjningsstöd that month; ``followed_12`` are
    covered 12 months after and ``without_12`` of them had no payment then. Counts of persons (the
    persistence table's rows 1 and 12: one definition); shown under the small-count rule."""

    coded: int
    checked: int
    paid_next_month: int
    followed_12: int
    without_12: int


def outcome_check(monthly: pd.DataFrame | None, coded: int) -> OutcomeCheck | None:
    """:class:`OutcomeCheck` from a :func:`persistence` table over :data:`FIRST_YEAR_MONTHS`;
    ``None`` when the payments cover nobody the month after the exit."""
    if monthly is None or monthly.empty:
        return None
    t = monthly.set_index("months_after")
    if 1 not in t.index or not t.loc[1, "observed"]:
        return None
    at12 = t.loc[12] if 12 in t.index else None
    return OutcomeCheck(int(coded), int(t.loc[1, "observed"]), int(t.loc[1, "observed"] - t.loc[1, "without_fs"]),
                        int(at12["observed"]) if at12 is not None else 0,
                        int(at12["without_fs"]) if at12 is not None else 0)
