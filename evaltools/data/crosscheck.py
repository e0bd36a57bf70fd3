"""Cross-checks between input files that are data-quality notes, not refusals.

An outcome that leaves försörjningsstöd (``params.cost_benefit.success_outcomes``) is checked against
the payments file: a participant coded as having left who is paid försörjningsstöd the month after
the exit month either returned at once or carries a code or an end date that does not fit the
payments. A month in which another member of the leaver's household (``household_id`` in the participants file)
is enrolled does not follow the leaver: försörjningsstöd is paid per household, and the household is rightly
still paid for the member who stays (:func:`other_member_enrolled`, the persistence table's rule too). The note
counts persons only; the count follows the small-count rule
(:func:`evaltools.data.privacy.hides`), and no id, date or amount is named. The participants file's rows of
those paid are told to the evaluator alone (``validate``), so that each can be checked.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .params import support_cut_after_start
from .privacy import all_of, hides


def _month(dates: pd.Series) -> pd.Series:
    d = pd.to_datetime(dates)
    return d.dt.year * 12 + d.dt.month - 1


def coded_exits_paid(participants: pd.DataFrame, payments: pd.DataFrame | None,
                     success_outcomes: tuple[str, ...] | list[str], covers_all: bool = True) -> tuple[int, int]:
    """(ended enrolments coded as leaving försörjningsstöd whose next month the payments file
    covers, how many of them were paid försörjningsstöd that month).

    The month checked is the calendar month after the month of the end date (the same month as
    the persistence table's "1 month after exit"); a payment above 0 kr counts. A participant without a row in a
    file that does not cover every participant (``covers_all`` false: ``data.payments_cover_all_participants``) is
    not followed by it, as the payment analyses leave them out, and one who had no försörjningsstöd to leave
    (:func:`_had_support`) left none: neither is checked, so that the note counts those page 1 counts. ``(0, 0)``
    without payments or such participants. A leaver another member of whose household is enrolled that month
    (:func:`other_member_enrolled`) is not checked: the household's payment may be the other's.
    """
    checked, paid = _paid_after_exit(participants, payments, success_outcomes, covers_all)
    return checked, len(paid)


def _paid_after_exit(participants: pd.DataFrame, payments: pd.DataFrame | None,
                     success_outcomes: tuple[str, ...] | list[str], covers_all: bool = True) -> tuple[int, list[int]]:
    """:func:`coded_exits_paid`'s enrolments checked, and the positions (in ``participants``) of those paid."""
    if payments is None or payments.empty or participants.empty:
        return 0, []
    coded = participants[S.END_DATE].notna() & participants[S.OUTCOME].isin(list(success_outcomes))
    if not covers_all:
        coded &= participants[S.PERSON_ID].isin(set(payments[S.PERSON_ID]))
    ended = participants[coded]
    at = [int(i) for i in coded.to_numpy().nonzero()[0]]
    support = _had_support(ended, payments).to_numpy()
    ended, at = ended[support], [i for i, ok in zip(at, support) if ok]
    if ended.empty:
        return 0, []
    nxt = _month(ended[S.END_DATE]) + 1
    covered = (nxt <= _month(payments[S.MONTH]).max()).to_numpy()
    # (a month another member of the household is enrolled does not follow the leaver: it may be paid for them)
    covered = covered & ~other_member_enrolled(participants, ended[S.PERSON_ID], ended[S.HOUSEHOLD_ID]
                                               if S.HOUSEHOLD_ID in ended else ended[S.PERSON_ID], nxt.to_numpy())
    ids, nxt = ended[S.PERSON_ID].to_numpy()[covered], nxt.to_numpy()[covered]
    at = [i for i, ok in zip(at, covered) if ok]
    if not len(ids):
        return 0, []
    paid = payments[payments[S.AMOUNT] > 0]
    months = _month(paid[S.MONTH]).to_numpy(dtype=float)
    known = ~np.isnan(months)
    # (each payment a number, its person's and its month's: a register's million rows compared at once, not in Python)
    persons = pd.Index(paid[S.PERSON_ID].to_numpy()[known]).unique()
    shift = np.int64(1 << 24)
    paid_keys = persons.get_indexer(paid[S.PERSON_ID].to_numpy()[known]).astype(np.int64) * shift \
        + months[known].astype(np.int64)
    person = persons.get_indexer(ids).astype(np.int64)
    hit = (person >= 0) & np.isin(person * shift + nxt.astype(np.int64), paid_keys)
    return len(ids), [i for i, ok in zip(at, hit) if ok]


def shared_households(participants: pd.DataFrame) -> pd.DataFrame:
    """The enrolments of the households with more than one participant, as :func:`other_member_enrolled` reads them:
    the household (its id as text, or the person's id where it has none), the person, and the first and last month
    of the enrolment (month indexes; one not ended runs on). Empty where no household has two participants, or the
    file has no ``household_id``. The same for every month asked: computed once per participants table where a
    table of several months asks (:meth:`evaltools.data.project.Project.shared_households`)."""
    if participants.empty or S.HOUSEHOLD_ID not in participants:
        return pd.DataFrame({"hh": [], "other": [], "lo": [], "hi": []})
    hh = participants[S.HOUSEHOLD_ID].astype(object)
    text = hh.where(hh.notna(), participants[S.PERSON_ID]).astype(str).str.strip()
    enrolled = pd.DataFrame({"hh": text.to_numpy(), "other": participants[S.PERSON_ID].astype(str).to_numpy(),
                             "lo": _month(participants[S.START_DATE]).to_numpy(float),
                             "hi": _month(participants[S.END_DATE]).fillna(np.inf).to_numpy(float)})
    sizes = enrolled.groupby("hh")["other"].nunique()
    return enrolled[enrolled["hh"].isin(sizes.index[sizes > 1])]


def other_member_enrolled(participants: pd.DataFrame, person, household, month,
                          shared: pd.DataFrame | None = None) -> np.ndarray:
    """Whether another person of each leaver's household is enrolled in the month given (a month index,
    year × 12 + month − 1): one whose enrolment in ``participants`` started in or before that month and ended in
    or after it, or has not ended. ``person``, ``household`` and ``month`` are one value per leaver.

    Försörjningsstöd is paid per household, and a payments file holds the household's payments for each member (a
    row per household is read for every participant of it). After one member leaves, the household is rightly
    still paid for a member still enrolled; such a month does not follow the leaver, neither as paid nor as unpaid,
    in the check of coded exits (:func:`coded_exits_paid`) and in the persistence table alike (one rule). Where no
    other member is enrolled that month, the household's payment counts against the leaver. Without
    ``household_id`` every person is their own household, and nothing is shared. ``shared`` is
    :func:`shared_households` of ``participants``, where the caller has it already.

    ``month`` may also hold several months per leaver (one row per leaver, one column per month): the answer
    then has the same shape, each month answered as alone, and the leavers' households are matched to the other
    members once for all of them (the persistence table asks for each of its months after the exit).
    """
    months = np.asarray(month, float)
    out = np.zeros(months.shape, bool)
    if not len(out) or participants.empty or S.HOUSEHOLD_ID not in participants:
        return out
    enrolled = shared_households(participants) if shared is None else shared
    if enrolled.empty:
        return out
    asked = pd.Series(household, dtype=object).reset_index(drop=True)
    asked = asked.where(asked.notna(), pd.Series(person, dtype=object).reset_index(drop=True))
    query = pd.DataFrame({"i": np.arange(len(out)), "hh": asked.astype(str).str.strip().to_numpy(),
                          "person": pd.Series(person, dtype=object).astype(str).to_numpy()})
    both = query[query["hh"].isin(enrolled["hh"])].merge(enrolled, on="hh")
    i = both["i"].to_numpy(int)
    m = months[i]
    # (each leaver's months beside every other enrolment of the household: one row per enrolment)
    shape = (-1,) + (1,) * (months.ndim - 1)
    other = (both["other"] != both["person"]).to_numpy().reshape(shape)
    hit = other & (both["lo"].to_numpy().reshape(shape) <= m) & (m <= both["hi"].to_numpy().reshape(shape))
    np.logical_or.at(out, i, hit)
    return out


def _had_support(persons: pd.DataFrame, payments: pd.DataFrame) -> pd.Series:
    """Whether each person had försörjningsstöd to leave, as the cost-benefit's leavers and page 1 count them
    (:func:`evaltools.analysis.costbenefit.persistence.on_fs_at_start`): their support at start is försörjningsstöd
    or not known, or the payments show it paid in or before their start month. One on sickness benefit at start coded
    'arbete' left no försörjningsstöd, and counted here the note said '7 of 23' beside page 1's '7 of the 12'."""
    support = persons[S.SUPPORT_START] if S.SUPPORT_START in persons else pd.Series(pd.NA, index=persons.index)
    ok = support.isna() | support.isin(["försörjningsstöd", S.UNKNOWN])
    if not ok.all():
        first_paid = payments.loc[payments[S.AMOUNT] > 0].groupby(S.PERSON_ID)[S.MONTH].min()
        first = pd.to_datetime(persons[S.PERSON_ID].map(first_paid))
        ok |= first.notna() & (first <= persons[S.START_DATE])
    return ok.astype(bool)


def coded_exit_paid_note(source: str, participants: pd.DataFrame, payments: pd.DataFrame | None,
                         success_outcomes: tuple[str, ...] | list[str], min_count: int,
                         covers_all: bool = True, costed: bool = True, file_rows=None) -> list[Problem]:
    """The data-quality note for :func:`coded_exits_paid` (none when nobody was paid), and for the evaluator
    (``validate``; severity ``info``, never in the report) the participants file's rows of those paid.

    Counts from 1 to ``min_count`` − 1 are said in words ("färre än 5 av 86", "några av de 5"), so that the note
    never tells a few persons' payments. Without a budget (``costed`` false) the note does not speak of the
    cost-benefit calculation, which the report then does not have. ``file_rows``: each participant's row in
    its file (the loader's), for the evaluator's note.
    """
    checked, at = _paid_after_exit(participants, payments, success_outcomes, covers_all)
    paid = len(at)
    if not paid:
        return []
    rows = file_rows if file_rows is not None else participants.attrs.get("file_rows")
    said = [str(int(rows[i])) for i in at] if rows is not None and len(rows) == len(participants) else []
    where = [problem(source, None, None, None, "payment.coded_exit_paid_rows", "info", "coded_exit_paid",
                     rows=", ".join(said[:40]) + (" …" if len(said) > 40 else ""))] if said else []
    # (the outcome named by the heading the evaluator sees, 'Status', where data.columns read it so)
    column = participants.attrs.get("headings", {}).get(S.OUTCOME, S.OUTCOME)
    if all_of(paid, checked, min_count):  # "all 86 exits", not "86 of 86 exits"
        return [problem(source, None, column, None,
                        "payment.coded_exit_paid_all" if costed else "payment.coded_exit_paid_all_no_cost", "warning",
                        "coded_exit_paid", of=str(checked)), *where]
    if hides(paid, min_count):  # (a few in words, as running text says them: never the table's '<5 av 86')
        if hides(checked, min_count):  # (the group hidden too: neither count is held, only the limit)
            return [problem(source, None, column, None, _FEW_ONLY[costed], "warning", "coded_exit_paid",
                            k=str(min_count)), *where]
        return [problem(source, None, column, None, (_SOME if checked == min_count else _FEW)[costed], "warning",
                        "coded_exit_paid", k=str(min_count), of=str(checked)), *where]
    return [problem(source, None, column, None,
                    "payment.coded_exit_paid" if costed else "payment.coded_exit_paid_no_cost", "warning",
                    "coded_exit_paid", n=str(paid), of=str(checked)), *where]


# the note where the count paid is hidden, by what its group's count allows a sentence to say (as
# :func:`evaltools.words.formats.fmt_persons_of` says it): "färre än 5 av 86", "några av de 5", "färre än 5";
# each with and without the cost-benefit calculation (keyed by ``costed``)
_FEW = {True: "payment.coded_exit_paid_few", False: "payment.coded_exit_paid_few_no_cost"}
_SOME = {True: "payment.coded_exit_paid_some", False: "payment.coded_exit_paid_some_no_cost"}
_FEW_ONLY = {True: "payment.coded_exit_paid_few_only", False: "payment.coded_exit_paid_few_only_no_cost"}


def support_cut_counts(participants: pd.DataFrame, payments: pd.DataFrame | None, part: float, months: int,
                       before: int, covers_all: bool = True) -> dict[str, int] | None:
    """Each enrolment's own försörjningsstöd ``months`` months after its start month against its mean a month in the
    ``before`` months before the start month (a month without a row is 0 kr; only the months the payments file
    covers, its first to its last, count before the start), for a goal of each participant's own payments cut by
    ``part`` (0.5: at most half of it is left): ``followed`` were paid before the start and the file reaches the month
    after; ``cut`` of them were paid at most (1 − ``part``) of their mean that month, ``none`` of them nothing;
    ``not_paid`` were paid nothing before the start; ``not_yet`` started too late for the file to reach the month;
    ``unknown`` cannot be followed (no rows while the file does not cover every participant, or no month of the file
    before the start). ``None`` without payments. A measured change, no effect."""
    if payments is None or payments.empty or participants.empty:
        return None
    pay_m = _month(payments[S.MONTH]).to_numpy()
    lo, hi = int(pay_m.min()), int(pay_m.max())
    paid = pd.Series(payments[S.AMOUNT].to_numpy(float)).groupby([payments[S.PERSON_ID].to_numpy(), pay_m]).sum()
    own = {(pid, int(m)): float(v) for (pid, m), v in paid.items()}
    listed = set(payments[S.PERSON_ID])
    counts = dict.fromkeys(("followed", "cut", "none", "not_paid", "not_yet", "unknown"), 0)
    for pid, s in zip(participants[S.PERSON_ID], _month(participants[S.START_DATE]).to_numpy()):
        s = int(s)
        b0, b1 = max(s - before, lo), min(s - 1, hi)
        if (pid not in listed and not covers_all) or b1 < b0:
            counts["unknown"] += 1
            continue
        if s + months > hi:
            counts["not_yet"] += 1
            continue
        level = sum(own.get((pid, m), 0.0) for m in range(b0, b1 + 1)) / (b1 - b0 + 1)
        if level <= 0:
            counts["not_paid"] += 1
            continue
        at = own.get((pid, s + months), 0.0)
        counts["followed"] += 1
        counts["cut"] += int(at <= (1 - part) * level + 1e-9)
        counts["none"] += int(at <= 0)
    return counts


def support_cut_note(source: str, participants: pd.DataFrame, payments: pd.DataFrame | None, goals, before: int,
                     covers_all: bool = True) -> list[Problem]:
    """For the evaluator (``validate``; severity ``info``, never in the report): for each qualitative goal whose words
    state each participant's own försörjningsstöd cut by a part at a time after the start (``minskat sitt
    försörjningsstöd med minst hälften ett år efter start``), the payments file's figures its evidence may give
    (:func:`support_cut_counts`)."""
    out = []
    for goal in goals:
        said = support_cut_after_start(goal.label) or support_cut_after_start(goal.label_en) \
            if goal.kind == "qualitative" else None
        if said is None:
            continue
        part, months, words = said
        counts = support_cut_counts(participants, payments, part, months, before, covers_all)
        if counts is None:
            continue
        share = f"{counts['cut'] / counts['followed'] * 100:.1f}".replace(".", ",") if counts["followed"] else "–"
        out.append(problem(source, None, None, None, "payment.support_cut_figures", "info", "support_cut",
                           goal=goal.id, words=words, months=str(months), before=str(before),
                           left=f"{round((1 - part) * 100, 1):g} %", share=share,
                           **{k: str(v) for k, v in counts.items()}))
    return out
