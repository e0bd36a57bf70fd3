"""Synthetic questionnaires for the samples (fictional): the structural *Samverkan i praktiken* and
the participants of *Nästa steg*.

The partners' case workers answered a baseline questionnaire in October 2023 and a follow-up in
September 2025 (a pseudonymous code lets the evaluator pair those who answered both times);
managers answered in September 2025, and four board members did (a group under the small-count
threshold, which the report hides). The answer counts are fixed here, so the report's figures are
known in advance: 164 of 212 case workers agree with F1 at the follow-up (77 %), against 81 of 198
(41 %) at the baseline. No names, no personnummer; the free-text answers are generic phrases and
are never published.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from . import survey as SV

SEED = 26
AGREE_SV = "Instämmer inte alls|Instämmer delvis inte|Varken eller|Instämmer delvis|Instämmer helt"
AGREE_EN = "Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree"


def samverkan_questions() -> pd.DataFrame:
    """The questions file: three agreement questions and one free-text question."""
    rows = [
        ("F1", "Jag känner till de andra parternas uppdrag och regelverk",
         "I know the other partners' missions and rules"),
        ("F2", "Jag vet vem jag ska kontakta hos de andra parterna",
         "I know whom to contact at the other partners"),
        ("F3", "Samverkan mellan parterna gör att den enskilde får bättre stöd",
         "Collaboration between the partners gives the individual better support"),
    ]
    out = [{SV.CODE: c, SV.WORDING_SV: sv, SV.WORDING_EN: en, SV.SCALE_MIN: 1, SV.SCALE_MAX: 5,
            SV.LABELS_SV: AGREE_SV, SV.LABELS_EN: AGREE_EN, SV.POSITIVE: "hög"} for c, sv, en in rows]
    out.append({SV.CODE: "F4", SV.WORDING_SV: "Vad skulle göra samverkan bättre?",
                SV.WORDING_EN: "What would make the collaboration better?", SV.SCALE_MIN: None, SV.SCALE_MAX: None,
                SV.LABELS_SV: None, SV.LABELS_EN: None, SV.POSITIVE: None})
    return pd.DataFrame(out).astype({SV.SCALE_MIN: "Int64", SV.SCALE_MAX: "Int64"})


def _answers(rng: np.random.Generator, counts: dict[object, int]) -> list[object]:
    """A shuffled list with each answer as many times as ``counts`` says (steps 1–5, 'vet ej', '')."""
    values = [a for a, n in counts.items() for _ in range(n)]
    rng.shuffle(values)
    return values


def _dates(rng: np.random.Generator, first: dt.date, days: int, n: int) -> list[dt.date]:
    return [first + dt.timedelta(days=int(d)) for d in rng.integers(0, days, n)]


def _paired_f2(rng: np.random.Generator, n: int) -> tuple[list[int], list[int]]:
    """F2 at baseline and follow-up for the case workers who answered both times: 66 better,
    38 the same and 16 worse of 120."""
    better, same, worse = 66, 38, n - 66 - 38
    before, after = [], []
    for _ in range(better):
        b = int(rng.integers(1, 5))
        before.append(b)
        after.append(min(5, b + int(rng.integers(1, 3))))
    for _ in range(same):
        b = int(rng.integers(2, 6))
        before.append(b)
        after.append(b)
    for _ in range(worse):
        b = int(rng.integers(3, 6))
        before.append(b)
        after.append(b - 1)
    order = rng.permutation(n)
    return [before[i] for i in order], [after[i] for i in order]


FREE_TEXT = ("Fler gemensamma utbildningsdagar.", "En uppdaterad kontaktlista.", "Mer tid för samverkan.", "")


def samverkan_responses(seed: int = SEED) -> pd.DataFrame:
    """The responses file (one row per answer)."""
    rng = np.random.default_rng(seed)
    rows: list[tuple] = []

    def add(ids, group, dates, question, answers):
        rows.extend((i, group, d, question, a) for i, d, a in zip(ids, dates, answers))

    paired = 120
    base_ids = [f"H{i:03d}" for i in range(1, 199)]  # 198 case workers at baseline
    follow_ids = base_ids[:paired] + [f"H{i:03d}" for i in range(199, 291)]  # 212 at follow-up
    base_dates = _dates(rng, dt.date(2023, 10, 2), 19, len(base_ids))
    follow_dates = _dates(rng, dt.date(2025, 9, 1), 19, len(follow_ids))
    add(base_ids, "personal", base_dates, "F1", _answers(rng, {5: 25, 4: 56, 3: 52, 2: 43, 1: 22}))
    add(follow_ids, "personal", follow_dates, "F1", _answers(rng, {5: 70, 4: 94, 3: 26, 2: 15, 1: 7}))
    f2_before, f2_after = _paired_f2(rng, paired)
    rest_before = _answers(rng, {5: 6, 4: 16, 3: 24, 2: 20, 1: 8, "vet ej": 4})  # the 78 asked only at baseline
    add(base_ids, "personal", base_dates, "F2", f2_before + rest_before)
    rest_after = _answers(rng, {5: 30, 4: 34, 3: 14, 2: 8, 1: 3, "vet ej": 3})  # the 92 new at follow-up
    add(follow_ids, "personal", follow_dates, "F2", f2_after + rest_after)
    add(base_ids, "personal", base_dates, "F3", _answers(rng, {5: 30, 4: 70, 3: 55, 2: 25, 1: 8, "vet ej": 10}))
    add(follow_ids, "personal", follow_dates, "F3",
        _answers(rng, {5: 62, 4: 88, 3: 36, 2: 12, 1: 4, "vet ej": 8, "": 2}))
    add(follow_ids, "personal", follow_dates, "F4", [FREE_TEXT[i % len(FREE_TEXT)] for i in range(len(follow_ids))])
    chef_ids = [f"C{i:03d}" for i in range(1, 39)]  # 38 managers in September 2025
    chef_dates = _dates(rng, dt.date(2025, 9, 1), 19, len(chef_ids))
    add(chef_ids, "chefer", chef_dates, "F1", _answers(rng, {5: 14, 4: 15, 3: 6, 2: 2, 1: 1}))
    add(chef_ids, "chefer", chef_dates, "F2", _answers(rng, {5: 16, 4: 13, 3: 5, 2: 3, 1: 1}))
    add(chef_ids, "chefer", chef_dates, "F3", _answers(rng, {5: 12, 4: 16, 3: 6, 2: 2, "vet ej": 2}))
    board_ids = [f"B{i:03d}" for i in range(1, 5)]  # four board members: under the threshold, never shown
    add(board_ids, "styrelse", [dt.date(2025, 9, 10)] * 4, "F3", _answers(rng, {5: 2, 4: 2}))
    out = pd.DataFrame(rows, columns=[SV.RESPONDENT_ID, SV.RESPONDENT_GROUP, SV.DATE, SV.QUESTION, SV.ANSWER])
    out[SV.DATE] = pd.to_datetime(out[SV.DATE]).dt.strftime("%Y-%m-%d")
    return out.sort_values([SV.DATE, SV.RESPONDENT_ID, SV.QUESTION], kind="stable").reset_index(drop=True)


HEALTH_SV = "Mycket dåligt|Dåligt|Någorlunda|Bra|Mycket bra"
HEALTH_EN = "Very poor|Poor|Fair|Good|Very good"


def participant_questions() -> pd.DataFrame:
    """Two questions participants answer when they start and when they leave (as in ISF's
    evaluation of coordinated support: future outlook and self-rated health)."""
    rows = [
        {SV.CODE: "D1", SV.WORDING_SV: "Jag ser ljust på min framtid", SV.WORDING_EN: "I am hopeful about my future",
         SV.SCALE_MIN: 1, SV.SCALE_MAX: 5, SV.LABELS_SV: AGREE_SV, SV.LABELS_EN: AGREE_EN, SV.POSITIVE: "hög"},
        {SV.CODE: "D2", SV.WORDING_SV: "Hur bedömer du ditt allmänna hälsotillstånd?",
         SV.WORDING_EN: "How do you rate your general health?", SV.SCALE_MIN: 1, SV.SCALE_MAX: 5,
         SV.LABELS_SV: HEALTH_SV, SV.LABELS_EN: HEALTH_EN, SV.POSITIVE: "hög"},
    ]
    return pd.DataFrame(rows).astype({SV.SCALE_MIN: "Int64", SV.SCALE_MAX: "Int64"})


def participant_responses(participants: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Answers of the participants in ``participants`` (person_id, start_date, end_date): most answer
    on the day they start, fewer on the day they leave; future outlook tends to rise, health a little."""
    rng = np.random.default_rng(seed + 1)
    rows: list[tuple] = []
    for pid, start, end in zip(participants["person_id"], participants["start_date"], participants["end_date"]):
        if rng.random() < 0.85:  # answered at start
            d1 = int(rng.choice([1, 2, 3, 4, 5], p=[0.15, 0.3, 0.3, 0.18, 0.07]))
            d2 = int(rng.choice([1, 2, 3, 4, 5], p=[0.1, 0.3, 0.35, 0.2, 0.05]))
            rows.append((pid, "deltagare_start", start, "D1", d1))
            rows.append((pid, "deltagare_start", start, "D2", "vet ej" if rng.random() < 0.05 else d2))
            if isinstance(end, str) and end and rng.random() < 0.7:  # answered at exit
                rows.append((pid, "deltagare_avslut", end, "D1",
                             min(5, max(1, d1 + int(rng.choice([-1, 0, 0, 1, 1, 2]))))))
                rows.append((pid, "deltagare_avslut", end, "D2",
                             min(5, max(1, d2 + int(rng.choice([-1, 0, 0, 0, 1, 1]))))))
    out = pd.DataFrame(rows, columns=[SV.RESPONDENT_ID, SV.RESPONDENT_GROUP, SV.DATE, SV.QUESTION, SV.ANSWER])
    return out.sort_values([SV.DATE, SV.RESPONDENT_ID, SV.QUESTION], kind="stable").reset_index(drop=True)
