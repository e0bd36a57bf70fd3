"""The differencing rule's case of a goal over everyone per project year after a pre-study (docs/security.md, the
differencing protection, rule 5): the goal's years leave out those who began in the pre-study, so the project's
successes of the ended (page 1) less the goal's successes are the pre-study's, and its ended less the goal's
denominators are the pre-study's ended. Built by hand: the pre-study's participants (ended, to work), year 1's 13
ended of whom 6 to work, year 2's 10 of whom 6; the goal counts work per project year by intake, the project's success
(its main goal). An "attacker" reads every count page 1, the cost-benefit key figures, the workbook and the portfolio
publish (tests/test_differencing.py's reader) and combines them with the goal's figures."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import outcomes

from .conftest import shown_chunks
from .test_differencing import COST, one, published

K = 5
YEARS = ((13, 6), (10, 6))  # (ended, to work) of project years 1 and 2


def build(tmp: Path, pre: tuple[int, int], kind: str = "share", count_by: str = "intake") -> Path:
    """``pre``: the pre-study's (ended, to work); everyone has ended by the data's date (the planned end)."""
    (tmp / "data").mkdir(parents=True, exist_ok=True)
    rows, i = [], 0
    for (ended, work), start, end in zip((pre, *YEARS), ("2023-02-01", "2023-08-01", "2024-08-01"),
                                         ("2023-06-01", "2024-05-01", "2025-05-01")):
        for j in range(ended):
            i += 1
            rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i % 30,
                         "household_type": "ensamstående", "start_date": start, "end_date": end,
                         "outcome": "arbete" if j < work else "kvar_försörjningsstöd"})
    pd.DataFrame(rows).to_csv(tmp / "data" / "participants.csv", index=False)
    pd.DataFrame([{"period": "2023", "category": "Lön", "budget": 100_000, "actual": COST}]).to_csv(
        tmp / "data" / "budget.csv", index=False)
    goal = "kind: share\n    target: 0.4\n    denominator: exits\n" if kind == "share" else \
        "kind: outcome_count\n    target: 5\n"
    path = tmp / "pre.yaml"
    path.write_text(textwrap.dedent("""\
        id: pre
        title: Med förstudie
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2023-01-01, implementation_start: 2023-07-01, planned_end: 2025-06-30}
        data_as_of: 2025-06-30
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        privacy: {min_count: 5}
        goals:
          - id: arbete
            label: Minst 40 % av de avslutade ska gå till arbete
        """) + "    " + goal + f"    period: project_year\n    count_by: {count_by}\n    success_outcomes: [arbete]\n    main: true\n",
        encoding="utf-8")
    return path


def small(n: int) -> bool:
    return 0 < n < K


def goal_figures(report) -> tuple[int, int | None]:
    """The goal's published successes over its years, and (a share) its published exits."""
    t = report.goals.table
    if (t["kind"] == "share").all():
        assert t["numerator"].notna().all(), t
        return int(t["numerator"].sum()), int(t["denominator"].sum())
    return int(t["value"].sum()), None


CASES = [
    # (pre-study ended, to work), whether the project's successes may be published beside the goal's years
    ((2, 1), False),  # 13 − 12 = 1 of the pre-study's 2 to work
    ((6, 3), False),  # 3 of 6 to work: 3 successes by difference
    ((6, 0), True),  # none of 6: a zero is shown
    ((5, 5), True),  # all 5 to work: B − d = 5, (B − d) − (S − n) = 0, a group of 5 who all succeeded is shown
    ((0, 0), True),  # no pre-study participants: the goal's years are everyone
]


@pytest.mark.parametrize(("kind", "count_by"), [("share", "intake"), ("outcome_count", "intake"), ("share", "exit")])
@pytest.mark.parametrize(("pre", "shown"), CASES)
def test_the_attacker_learns_no_pre_study_outcome(tmp_path, pre, shown, kind, count_by):
    """(By exit the pre-study's exits, all before the implementation began, are outside the years as well.)"""
    path = build(tmp_path / "p", pre, kind, count_by)
    p = published(path, tmp_path / "out")
    seen, report = p["seen"], p["report"]
    n, d = goal_figures(report)
    # by hand, the project's counts
    ended, successes = pre[0] + sum(e for e, _ in YEARS), pre[1] + sum(w for _, w in YEARS)
    assert (n, d if d is not None else sum(e for e, _ in YEARS)) == (12, 23)
    succ, exits, ended_seen = one(seen, "successes"), one(seen, "exits"), one(seen, "ended")
    for name, value in (("successes", succ), ("exits (the same persons)", exits)):
        if value is None:
            continue
        assert value == successes, (name, value)
        assert not small(value - n), f"{name} {value} beside the goal's {n}: {value - n} of the pre-study to work"
        if ended_seen is not None:
            outside = ended_seen - (d if d is not None else 23)
            assert not small(outside - (value - n)), f"{outside - (value - n)} of the pre-study without work"
    if ended_seen is not None and d is not None:
        assert ended_seen == ended
    if shown:  # nothing to protect: page 1's successes of the ended are stated, as are the exits
        assert succ == successes and exits == successes, seen
    else:
        assert succ is None and exits is None, seen


@pytest.mark.parametrize("kind", ["share", "outcome_count"])
def test_the_outcome_table_does_not_give_the_withheld_successes(tmp_path, kind):
    report = et.Report(build(tmp_path, (2, 1), kind))
    chunks = shown_chunks(outcomes.blocks(report))
    if "Arbete" not in chunks:  # (the table is not shown: its counts would give the withheld ones, the page says)
        assert any(c.startswith("Utfallen visas inte ett och ett") for c in chunks), chunks
        return
    at = chunks.index("Arbete")
    assert chunks[at + 1] != "13", chunks[at:at + 3]


def test_the_successes_by_group_do_not_add_up_to_the_withheld_successes(tmp_path):
    report = et.Report(build(tmp_path, (2, 1), "outcome_count"))
    chunks = shown_chunks(outcomes.blocks(report))
    by_sex = [int(chunks[i + 2]) for i, c in enumerate(chunks[:-2])
              if c in ("Kvinna", "Man") and chunks[i - 1].startswith("Kön") and chunks[i + 2].isdigit()]
    assert len(by_sex) < 2 or sum(by_sex) != 13, by_sex
