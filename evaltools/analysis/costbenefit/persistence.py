"""Persistence after exit: did the leavers stay off försörjningsstöd, observed in the payments."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ...data import schema as S
from ...data.crosscheck import other_member_enrolled
from ...data.project import Project
from ...data.validation import came_back, child_without_own_support, paid_by_start
from ..goals import project_successes
from ..result import Result
from .model import _month, _months, payment_rows_of



# --- persistence after exit -------------------------------------------------------------
PERSISTENCE_MONTHS = (3, 6, 12)  # the months the report's table shows
FIRST_YEAR_MONTHS = tuple(range(1, 13))  # the months the first year's saving follows, where enough are followed


class Persistence(Result):
    """Did the successful leavers stay off försörjningsstöd? Observed in the payments after exit."""


FS_SUPPORT = "försörjningsstöd"  # the support code whose end the cost-benefit values


def on_fs_at_start(project: Project, df: pd.DataFrame, comparison: bool = False) -> pd.Series:
    """Whether each participant of ``df`` could leave försörjningsstöd: their support at start
    (``support_start``) is försörjningsstöd or unknown (unknown for an adult: a child's under 18 is no support of
    their own, :func:`~evaltools.data.validation.child_without_own_support`), or the payments file shows
    försörjningsstöd paid to them in or before their start month. A participant on sickness benefit, activity
    compensation or wages at start has no försörjningsstöd to leave, whatever their exit outcome. ``comparison``:
    ``df`` holds comparison persons, their reference date as the start and their payments in the comparison group's
    file."""
    support = df[S.SUPPORT_START] if S.SUPPORT_START in df else pd.Series(S.UNKNOWN, index=df.index)
    # (a participant under 18 whose support is not given had none of their own: a child's is the parents' household's)
    ok = (support.isna() | support.isin([FS_SUPPORT, S.UNKNOWN])) & ~child_without_own_support(df)
    payments = project.comparison_payments if comparison else project.payments
    if payments is not None and not ok.all():
        ok |= paid_by_start(df, payments)
    return ok.astype(bool)


def some_had_no_fs(project: Project) -> bool:
    """Whether some of the project's successes under its definition had no försörjningsstöd to leave
    (:func:`on_fs_at_start`: another support at start, such as sickness benefit): for the default successes (an exit
    to work, studies or a benefit) the words "lämnat försörjningsstödet" would then say of them what the
    cost-benefit does not count, and they are said as where they went."""
    if not project.has_participants:
        return False
    df = project.participants
    return bool((project_successes(project).definition.is_success(df) & ~on_fs_at_start(project, df)).any())


def leavers(project: Project, df: pd.DataFrame, success_outcomes, through: dt.date | None = None) -> pd.Series:
    """Whether each participant of ``df`` left försörjningsstöd, as the cost-benefit model counts exits: ended
    (by ``through``, when given) with an outcome of ``success_outcomes``, on försörjningsstöd at start
    (:func:`on_fs_at_start`), and not enrolled again later (:func:`evaltools.data.validation.came_back`: a
    person who came back for support did not stay off it, and their later exit is the one counted)."""
    ended = df[S.END_DATE].notna()
    if through is not None:
        ended &= df[S.END_DATE] <= pd.Timestamp(through)
    back = came_back(project.participants).reindex(df.index, fill_value=False)
    return (ended & df[S.OUTCOME].isin(list(success_outcomes)) & on_fs_at_start(project, df) & ~back).astype(bool)


def successful_leavers(project: Project) -> pd.DataFrame:
    """The participants who ended with an outcome that leaves försörjningsstöd (``success_outcomes``),
    who had försörjningsstöd to leave (:func:`on_fs_at_start`) and whom the payments follow
    (:meth:`~evaltools.data.project.Project.paid_persons`)."""
    df = project.paid_persons()
    return df[~df[S.ONGOING] & df[S.OUTCOME].isin(project.params.cost_benefit.success_outcomes) & df[S.END_DATE].notna()
              & on_fs_at_start(project, df)]


@dataclass(frozen=True)
class _LeaverPayments:
    """The successful leavers' payments summed per person and month, and what every follow-up
    month needs of each leaver (one row per row of :func:`successful_leavers`): computed once for
    all follow-up months.

    The sums are keyed by one integer per (person, month), ``person code * span + month − first``,
    so the follow-up months and the own-payments window are look-ups, not joins on the ids.
    """

    keys: pd.Index | None  # the (person, month) keys with a payment row; None: every key, 0 .. persons * span − 1
    amount: np.ndarray  # per key: the payments summed, current prices (a missing amount adds 0)
    fixed: np.ndarray  # the same in the price year's prices
    code: np.ndarray  # per leaver: the person's code
    exit_m: np.ndarray  # per leaver: month index of the exit month
    level: np.ndarray  # per leaver: the own monthly level before the start, price-year prices
    first: int  # the month index of key month 0
    span: int  # months from the first to the last payment month, inclusive

    def at(self, code: np.ndarray, month: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The payments (current prices, price-year prices) of persons ``code`` in months ``month``; 0 kr without a row."""
        inside = (month >= self.first) & (month < self.first + self.span)
        key = code.astype(np.int64) * self.span + (month - self.first)
        pos = np.where(inside, key if self.keys is None else self.keys.get_indexer(key), -1)
        found = pos >= 0
        take = np.clip(pos, 0, None)
        return np.where(found, self.amount[take], 0.0), np.where(found, self.fixed[take], 0.0)


def _leaver_payments(project: Project, succ: pd.DataFrame) -> _LeaverPayments:
    """The successful leavers' payments per person and month, with their month index and price-year
    amount (:class:`_LeaverPayments`); computed once for all follow-up months (only the leavers' rows)."""
    params = project.params
    people = pd.Index(pd.unique(succ[S.PERSON_ID]))
    # (the leavers' rows, with their person codes among the leavers, months and amounts in the price year's prices)
    code, m, amount, fixed = payment_rows_of(project, people)
    first = int(m.min()) if len(m) else 0
    span = int(m.max()) - first + 1 if len(m) else 1
    key = code.astype(np.int64) * span + (m - first)
    if len(people) * span <= 4 * len(key) + 1_000_000:  # (few empty keys: every key is a position)
        key_codes, keys, n_keys = key, None, len(people) * span
    else:
        key_codes, distinct = pd.factorize(key)
        keys, n_keys = pd.Index(distinct), len(distinct)
    # (a sum skips a missing amount, as the payments' sums do; the own level keeps it missing, as a
    # sum over the rows of the window did)
    sum_amount = np.bincount(key_codes, weights=np.nan_to_num(amount), minlength=n_keys)
    sum_fixed = np.bincount(key_codes, weights=np.nan_to_num(fixed), minlength=n_keys)
    sum_level = np.bincount(key_codes, weights=fixed, minlength=n_keys)
    prepared = _LeaverPayments(keys, sum_amount, sum_fixed, people.get_indexer(succ[S.PERSON_ID].to_numpy()),
                               _months(succ[S.END_DATE]).to_numpy(), np.zeros(len(succ)), first, span)
    # the own-payments window: months_before_start months ending gap_before_start months before the
    # start (before the peak as enrolment nears); 0 kr when nothing was paid then
    ml = params.cost_benefit.monthly_level
    hi = _months(succ[S.START_DATE]).to_numpy() - ml.gap_before_start
    level = np.zeros(len(succ))
    in_level = replace(prepared, fixed=sum_level)
    for k in range(1, ml.months_before_start + 1):
        level += in_level.at(prepared.code, hi - k)[1]
    return replace(prepared, level=level / ml.months_before_start)


def _persistence_pairs(project: Project, succ: pd.DataFrame, mm: int, prepared: _LeaverPayments | None = None,
                       others: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the leavers the payments file covers ``mm`` months after their exit month: their payment
    that month (current prices), the same in the price year's prices, and their own level before the
    start (price-year prices, the own-payments window: ``months_before_start`` months ending
    ``gap_before_start`` months before the start; 0 kr when nothing was paid then). A month in which another
    member of the leaver's household is enrolled does not follow the leaver (the household is still paid for
    the member who stays: :func:`~evaltools.data.crosscheck.other_member_enrolled`, the same rule as the check
    of coded exits against the payments).

    ``prepared`` is :func:`_leaver_payments` of the same ``succ``; ``others`` is, where the caller has it,
    :func:`~evaltools.data.crosscheck.other_member_enrolled` of the leavers ``mm`` months after their exit month."""
    pay = project.payments
    assert pay is not None  # (persistence is computed only where there are payments)
    months = project.payment_months()  # (kept on the project: the month index of every payment row)
    last = int(np.nanmax(months)) if months is not None and len(months) else _month(pay[S.MONTH].max())
    lp = prepared if prepared is not None else _leaver_payments(project, succ)
    covered = lp.exit_m + mm <= last
    if others is None:
        others = _others_enrolled(project, succ, lp, (mm,))[:, 0]
    covered = covered & ~others
    amount, fixed = lp.at(lp.code[covered], lp.exit_m[covered] + mm)
    return amount, fixed, lp.level[covered]


def _others_enrolled(project: Project, succ: pd.DataFrame, lp: _LeaverPayments, months: tuple[int, ...]) -> np.ndarray:
    """:func:`~evaltools.data.crosscheck.other_member_enrolled` of the leavers ``succ`` each of ``months`` months
    after their exit month (one column per month), their households matched once for all the months."""
    households = succ[S.HOUSEHOLD_ID] if S.HOUSEHOLD_ID in succ else succ[S.PERSON_ID]
    at = lp.exit_m[:, None] + np.asarray(months, dtype=lp.exit_m.dtype)[None, :]
    return other_member_enrolled(project.participants, succ[S.PERSON_ID], households, at,
                                 shared=project.shared_households())


def persistence(project: Project, months: tuple[int, ...] = PERSISTENCE_MONTHS,
                prepared: _LeaverPayments | None = None) -> Persistence:
    """How much of the saving the successful leavers kept ``m`` months after their exit.

    For each of 3, 6 and 12 months after the exit month, among the successful leavers the payments
    file covers that long (a month without a payment row counts as 0 kr; a month in which another member of the
    leaver's household is enrolled does not follow the leaver): how many had no
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
    others = _others_enrolled(project, succ, prepared, tuple(months))
    for j, mm in enumerate(months):
        amounts, fixed, level = _persistence_pairs(project, succ, mm, prepared, others[:, j])
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

    @property
    def contradicts_codes(self) -> bool:
        """Do the payments contradict the codes for a material part of those followed: at least
        :data:`CODES_CONTRADICTED_SHARE` of them paid the month after an exit coded as leaving
        försörjningsstöd? (A few such persons are a data-quality note; this many, a finding.)"""
        return self.checked > 0 and self.paid_next_month >= CODES_CONTRADICTED_SHARE * self.checked


# The share of the coded leavers followed in the payments who were paid the month after the exit from
# which the payments, not the codes, are the account of who left försörjningsstöd (page 1 says so).
CODES_CONTRADICTED_SHARE = 0.25


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
