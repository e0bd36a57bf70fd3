"""A qualitative goal that counts households leaving försörjningsstöd (``minst 30 % av hushållen ska ha lämnat
försörjningsstödet vid avslut``): a participant goal counts persons and refuses such words, so the goal is written as
qualitative, and its evidence is the households the participants file and the payments give. For the evaluator
(``validate``; severity ``info``, never in the report): those figures, each household counted once."""
from __future__ import annotations

import re

import pandas as pd

from . import schema as S
from .crosscheck import _month
from .errors import Problem, problem
from .params import DEFAULT_SUCCESS, households_counted, read_label

# words saying the household left försörjningsstöd or supports itself
_LEFT = re.compile(
    r"lämna\w*\s+(?:det\s+)?(?:ekonomiska\s+)?(?:försörjningsstöd|bistånd)|\butan\s+(?:försörjningsstöd|ekonomiskt\s+"
    r"bistånd)|\bur\s+försörjningsstöd|självförsörj|\begen\s+försörjning|oberoende\s+av\s+(?:försörjningsstöd|"
    r"ekonomiskt\s+bistånd)|left\s+social\s+assistance|off\s+social\s+assistance|self-supporting", re.I)

# the outcomes that leave försörjningsstöd: the default successes without an active plan, which may stay on it
LEAVING = tuple(c for c in DEFAULT_SUCCESS if c != "aktiv_planering_annan_part")


def household_keys(participants: pd.DataFrame) -> pd.Series:
    """Each row's household, as one key: its ``household_id``, or for a participant without one (or a file without
    the column) the person's own, so that they are a household of their own. The one rule every household count
    uses (the evidence :func:`household_counts` gives, and a goal counted per household)."""
    df = participants
    hid = df[S.HOUSEHOLD_ID] if S.HOUSEHOLD_ID in df else pd.Series(pd.NA, index=df.index)
    return hid.astype(object).where(hid.notna(), "\x00" + df[S.PERSON_ID].astype(str)).astype(str)


def household_counts(participants: pd.DataFrame, payments: pd.DataFrame | None,
                     covers_all: bool = False) -> dict[str, int]:
    """Each household once (``household_id``; a participant without one is their own): ``households``; ``ended``,
    those whose every enrolment has ended; of them ``all_left``, those whose every participant's latest enrolment
    ended in an outcome that leaves försörjningsstöd (:data:`LEAVING`), and ``some_left``, those where some but not
    all did. From the payments, where given: ``followed``, the ended households the file has rows for (every one
    under ``covers_all``) and covers to the month after their last exit month, and ``none_after``, those of them
    paid nothing that month (a month without a row is 0 kr; a household read for each of its members counts once)."""
    df = participants
    hh = household_keys(df)
    latest = df.assign(_hh=hh).sort_values(S.START_DATE, kind="stable").groupby(S.PERSON_ID, sort=False).tail(1)
    ended_hh = df[S.END_DATE].notna().groupby(hh).all()
    left = latest[S.OUTCOME].isin(LEAVING).groupby(latest["_hh"]).agg(["all", "any"])
    ended = ended_hh[ended_hh].index
    counts = {"households": int(hh.nunique()), "ended": len(ended),
              "all_left": int(left.loc[ended, "all"].sum()),
              "some_left": int((left.loc[ended, "any"] & ~left.loc[ended, "all"]).sum())}
    if payments is None or payments.empty:
        return counts
    of_person = dict(zip(df[S.PERSON_ID], hh))
    pay_hh = payments[S.PERSON_ID].map(of_person)
    pay_m = _month(payments[S.MONTH])
    paid = {(h, int(m)) for h, m, a in zip(pay_hh, pay_m, payments[S.AMOUNT]) if isinstance(h, str) and a > 0}
    listed = set(pay_hh.dropna())
    last_exit = _month(df[S.END_DATE]).groupby(hh).max()
    top = int(pay_m.max())
    followed = [h for h in ended if (covers_all or h in listed) and int(last_exit[h]) + 1 <= top]
    counts["followed"] = len(followed)
    counts["none_after"] = sum((h, int(last_exit[h]) + 1) not in paid for h in followed)
    return counts


def household_sizes(participants: pd.DataFrame) -> tuple[int, int]:
    """The households the participants live in, each once (``household_id``; a participant without one is their
    own), and how many of them have more than one participant (a person enrolled twice is one)."""
    df = participants
    hh = household_keys(df)
    persons = df[S.PERSON_ID].astype(str).groupby(hh).nunique()
    return len(persons), int((persons > 1).sum())


def household_goal_note(source: str, participants: pd.DataFrame, payments: pd.DataFrame | None, goals,
                        covers_all: bool = False) -> list[Problem]:
    """For each qualitative goal whose words count households leaving försörjningsstöd, the figures for its evidence
    (:func:`household_counts`), each household once; for one whose words count households otherwise (those taking
    part: ``minst 80 hushåll ska ha deltagit``, ``20 nya familjer``), the households and how many have more than one
    participant (:func:`household_sizes`)."""
    out = []
    for goal in goals:
        if goal.kind != "qualitative":
            continue
        label = goal.label if households_counted(goal.label) else goal.label_en if households_counted(goal.label_en) \
            else None
        if label is None:
            continue
        if not _LEFT.search(read_label(label)):  # a count of households taking part ("minst 80 hushåll ska ha deltagit")
            n, shared = household_sizes(participants)
            out.append(problem(source, None, S.HOUSEHOLD_ID, None, "person.household_count_figures", "info",
                               "household_figures", goal=goal.id, words=households_counted(label) or "",
                               households=str(n), shared=str(shared)))
            continue
        c = household_counts(participants, payments, covers_all)
        key = "person.household_figures_paid" if "followed" in c else "person.household_figures"
        out.append(problem(source, None, S.HOUSEHOLD_ID, None, key, "info", "household_figures", goal=goal.id,
                           words=households_counted(label) or "", outcomes=", ".join(LEAVING),
                           **{k: str(v) for k, v in c.items()}))
    return out
