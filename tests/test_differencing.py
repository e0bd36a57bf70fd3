"""Differencing protection: no combination of published counts tells the outcome of fewer than
``min_count`` persons (issue 20, cause 5).

Small projects of 1 to 12 participants are built with known outcomes; page 1, the facts table, the
cost-benefit key figures, the workbook's key figures and the portfolio (table and CSV) are read as
a reader would read them, the numbers are taken out of the text, and an "attacker" combines them.
Expected values are worked out by hand in each case.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.disclosure import Counts, Secondary, rule
from evaltools.present.portfolio import Portfolio
from evaltools.present.sections import costbenefit, facts, summary
from evaltools.publish.workbook import export_portfolio, export_report

K = 5
COST = 90_000  # the budget file's actual cost, kr


def project(tmp: Path, n: int, ongoing: int, successes: int, goals: str = "") -> Path:
    """``n`` participants, the first ``ongoing`` still enrolled, then ``successes`` ended to work and the
    rest ended still on försörjningsstöd; one outcome goal counting work over the whole period."""
    (tmp / "data").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        on = i < ongoing
        outcome = "" if on else ("arbete" if i - ongoing < successes else "kvar_försörjningsstöd")
        rows.append({"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
                     "household_type": "ensamstående", "start_date": "2022-02-01",
                     "end_date": "" if on else "2022-10-01", "outcome": outcome})
    pd.DataFrame(rows).to_csv(tmp / "data" / "participants.csv", index=False)
    pd.DataFrame([{"period": "2022", "category": "Lön", "budget": 100_000, "actual": COST}]).to_csv(
        tmp / "data" / "budget.csv", index=False)
    path = tmp / "liten.yaml"
    path.write_text(textwrap.dedent("""\
        id: liten
        title: Litet projekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2023-06-30
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        privacy: {min_count: 5}
        goals:
          - id: arbete
            kind: outcome_count
            label: Minst 10 till arbete
            target: 10
            period: whole_period
            success_outcomes: [arbete]
        """) + textwrap.dedent(goals), encoding="utf-8")
    return path


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def published(path: Path, out: Path) -> dict:
    """Every count a reader can take from page 1, the facts table, the cost-benefit key figures,
    the workbook and the portfolio, by name; the goal totals; and the raw text of page 1."""
    r = et.Report(path)
    text = summary.participation(r) + summary.cost(r)
    seen: dict[str, set[int]] = {}

    def add(name: str, value: object) -> None:
        if value is not None and not (isinstance(value, float) and pd.isna(value)):
            seen.setdefault(name, set()).add(int(round(float(value))))

    for s in text:
        if m := re.search(r"har haft (\d+) deltagare", s):
            add("participants", m.group(1))
        # ("Vid analysdatumet 2023-06-30 var 10 deltagare fortfarande inskrivna", as page 1 now says it)
        if m := re.search(r"(?:^|\bvar )(\d+) deltagare (?:var )?fortfarande", s):
            add("ongoing", m.group(1))
        if m := re.search(r"Av (\d+) avslutade deltagare fick (\d+)", s):
            add("ended", m.group(1))
            add("successes", m.group(2))
        if m := re.search(r"([\d\s\u00a0\u202f]+)\skr per deltagare", s):
            add("participants", COST / _int(m.group(1)))
        if m := re.search(r"([\d\s\u00a0\u202f]+)\skr per lyckat", s):
            add("successes", COST / _int(m.group(1)))
    if not any("fortfarande" in s for s in text):  # page 1 says nothing of those still enrolled: none is
        add("ongoing", 0)
    value = dict(facts.rows(r))["Deltagare (personer)"]
    if value.isdigit():
        add("participants", value)
    key = costbenefit.key_figures(r).frame
    for label, v in zip(key.iloc[:, 0], key.iloc[:, 1]):
        if "kr" in v and "per deltagare" in label.lower():
            add("participants", COST / _int(v))
        elif "kr" in v and "per lyckat" in label.lower():
            add("successes", COST / _int(v))
        elif label.startswith("Personer som lämnat") and v.strip().isdigit():
            add("exits", v)
    from evaltools.present.sections import outcomes, participants, time_in_project
    from .conftest import shown_chunks
    for chunk in shown_chunks(outcomes.blocks(r)) + shown_chunks(time_in_project.blocks(r)):
        if m := re.search(r"Utfall för de (\d+) som avslutat", chunk):
            add("ended", m.group(1))
        if m := re.search(r"Ingen av de (\d+) deltagarna", chunk):
            add("participants", m.group(1))
    # (quarters that all have fewer than k starts and exits are a sentence, with no counts to add up)
    for flows in [b.frame for b in participants.blocks(r)[1] if hasattr(b, "frame")]:
        exits = pd.to_numeric(flows.iloc[:, 2], errors="coerce")
        if exits.notna().all():
            add("ended", exits.sum())
    export_report(r, out / "report")
    book = pd.read_csv(out / "report" / "tables-data" / "kostnad_nytta.csv").set_index("key")["value"]
    for name in ("participants", "ended", "goal_successes"):
        add({"goal_successes": "successes"}.get(name, name), pd.to_numeric(book.get(name), errors="coerce"))
    add("exits", pd.to_numeric(book.get("successes"), errors="coerce"))
    if pd.notna(pd.to_numeric(book.get("cost_per_participant"), errors="coerce")):
        add("participants", COST / float(book["cost_per_participant"]))
    if pd.notna(pd.to_numeric(book.get("cost_per_success"), errors="coerce")):
        add("successes", COST / float(book["cost_per_success"]))
    export_portfolio(Portfolio([path]), out / "portfolio")
    row = pd.read_csv(out / "portfolio" / "portfolio-data.csv").iloc[0]
    for name in ("participants", "ended", "successes"):
        add(name, pd.to_numeric(row.get(name), errors="coerce"))
    if pd.notna(row.get("cost_per_participant")):
        add("participants", COST / float(row["cost_per_participant"]))
    if pd.notna(row.get("cost_per_success")):
        add("successes", COST / float(row["cost_per_success"]))
    goals = r.goals.table
    outcome = goals[goals["kind"] == "outcome_count"]["value"].sum()
    return {"seen": seen, "goal_successes": int(outcome), "text": text, "report": r}


def one(seen: dict, name: str) -> int | None:
    values = seen.get(name, set())
    assert len(values) <= 1, f"{name} published with different values: {values}"
    return next(iter(values)) if values else None


def small(n: int | None) -> bool:
    return n is not None and 0 < n < K


def assert_no_individual_outcome(p: dict) -> None:
    """The attacker: combine every published count; no group of 1 to k − 1 persons gets a known
    outcome count, and no group's complement (those without a success) is 1 to k − 1."""
    seen = p["seen"]
    n, on, ended, succ, exits = (one(seen, x) for x in ("participants", "ongoing", "ended", "successes", "exits"))
    if ended is None and n is not None and on is not None:
        ended = n - on  # "N deltagare var fortfarande inskrivna" beside the number of participants
    goal = p["goal_successes"]  # the outcome goal's total: always published
    # participants below k beside any count of successes (the goal's total stays)
    assert not small(n), f"{n} participants published beside the goal's {goal} successes"
    # the ended are fewer than k: the goal's count of successes is theirs
    assert not small(ended), f"{ended} ended (derivable) beside the goal's {goal} successes"
    for count in (succ, goal, exits):  # those who ended without a success, by difference
        if count is not None and ended is not None:
            assert not small(ended - count), f"{ended} ended with {count} successes: {ended - count} without"


# --- the rule on counts, by hand ---------------------------------------------------------


ALL_ENDED = {Secondary.ENDED, Secondary.ONGOING, Secondary.SUCCESSES, Secondary.COST_PER_SUCCESS, Secondary.EXITS,
             Secondary.COST_PER_EXIT}


@pytest.mark.parametrize(("counts", "expected"), [
    # 3 participants, all ended with a success (issue 20): everything but the goal's total goes
    (Counts(3, 0, 3, 3, 3, 3, goal_successes=(3,)), set(Secondary)),
    # 11 participants, 10 still enrolled, 1 ended with a success (issue 20): the number ended and
    # still enrolled, the successes and the costs per success; the participants and their cost stay
    (Counts(11, 10, 1, 1, 1, 1, goal_successes=(1,)), ALL_ENDED),
    # 12 ended, 10 successes: the 2 without one could be worked out from any of them
    (Counts(12, 0, 12, 10, 12, 10, goal_successes=(10,)), ALL_ENDED),
    # 12 ended, 6 successes, 6 exits: nothing to withhold
    (Counts(12, 0, 12, 6, 12, 6, goal_successes=(6,)), set()),
    # 12 ended, all successes: a group of k or more who all succeeded is shown (zeros are shown)
    (Counts(12, 0, 12, 12, 12, 12, goal_successes=(12,)), set()),
    # 40 participants, 35 still enrolled: 5 ended is enough, and none of them succeeded is a group of 5
    (Counts(40, 35, 5, 0, 5, 0, goal_successes=(0,)), set()),
    # ... but 2 successes of those 5 leave 3 without one
    (Counts(40, 35, 5, 2, 5, 2, goal_successes=(2,)), ALL_ENDED),
    # 20 ended, 10 successes by the main goal but 17 by another goal: 3 without, by the other goal;
    # the main goal's 10 of 20 (and its cost) would still give away the 20 ended, so it goes; the costs stay
    (Counts(20, 0, 20, 10, 20, 10, goal_successes=(10, 17)), {Secondary.ENDED, Secondary.ONGOING, Secondary.SUCCESSES}),
    # 14 participants, 2 still enrolled, all 12 ended succeeded: page 1 states 14 and 12, so 14 − 12 = 2 is public
    # already and the cost per success beside the cost per participant tells nothing more; it stays
    (Counts(14, 2, 12, 12, 12, 12, goal_successes=(12,)), set()),
    # 3 participants already stated by a participant goal: the count and the cost per participant stay
    (Counts(3, 0, 3, 1, 3, 1, participants_in_goals=True, goal_successes=(1,)), ALL_ENDED),
    # no participants (an application): nothing
    (Counts(0, 0, 0, 0, 0, 0), set()),
])
def test_rule_by_hand(counts, expected):
    assert set(rule(counts, K).withheld) == expected


def test_rule_over_counts_the_report_does_not_state():
    # the same counts by the last day of the budget periods paid so far (not stated): the cost per success of
    # those periods beside their cost per participant would give 14 and 12, and the 2 without a success; it goes
    assert set(rule(Counts(14, 2, 12, 12, 12, 12, goal_successes=(12,)), K, published=False).withheld) == {
        Secondary.COST_PER_SUCCESS}


def test_rule_threshold_is_min_count():
    # 7 ended, 4 successes: 3 without one; hidden at k = 5, shown at k = 3
    c = Counts(7, 0, 7, 4, 7, 4, goal_successes=(4,))
    assert Secondary.SUCCESSES in rule(c, 5).withheld
    assert Secondary.SUCCESSES not in rule(c, 3).withheld


# --- the cases, rendered --------------------------------------------------------------


def test_three_participants_all_successes(tmp_path):
    """Issue 20: 3 participants, all 3 succeeded; '3 deltagare' and cost per participant equal to
    cost per success told everyone's outcome."""
    p = published(project(tmp_path, 3, 0, 3), tmp_path / "out")
    assert p["goal_successes"] == 3  # the goal's total stays
    assert "participants" not in p["seen"] and "successes" not in p["seen"]
    assert "Projektet har haft färre än 5 deltagare." in p["text"]
    assert any("Kostnaden per deltagare redovisas inte" in s for s in p["text"])
    assert any("Kostnaden per person med det utfall projektet räknar redovisas inte" in s for s in p["text"])
    assert_no_individual_outcome(p)


def test_eleven_participants_ten_still_enrolled(tmp_path):
    """Issue 20: 11 participants, 10 still enrolled and an outcome goal of 1: the one who left succeeded."""
    p = published(project(tmp_path, 11, 10, 1), tmp_path / "out")
    assert p["goal_successes"] == 1
    assert one(p["seen"], "participants") == 11
    assert "ongoing" not in p["seen"] and "ended" not in p["seen"]
    assert not any("10 deltagare var fortfarande" in s or "var 10 deltagare fortfarande" in s for s in p["text"])
    # nor "fewer than 5 have ended": beside an outcome goal of 4 it would pin the number at 4
    assert not any("har avslutat" in s for s in p["text"])
    assert any(s.startswith("Hur många som fortfarande var inskrivna") for s in p["text"])
    assert_no_individual_outcome(p)


def test_two_without_success_of_twelve(tmp_path):
    """12 ended, 10 successes: '10 of 12' would tell that 2 did not succeed."""
    p = published(project(tmp_path, 12, 0, 10), tmp_path / "out")
    assert one(p["seen"], "participants") == 12
    assert "successes" not in p["seen"]
    # the 10 who left försörjningsstöd for work are the goal's own count ("Minst 10 till arbete"): public, so the
    # cost-benefit states it as the goal table does (docs/security.md, rule 4); the 12 ended are not said
    assert one(p["seen"], "exits") == 10 and "ended" not in p["seen"]
    assert any(s.startswith("Hur det gick för de avslutade, i antal och andel, redovisas inte") for s in p["text"])
    assert_no_individual_outcome(p)


def test_nothing_withheld_when_groups_are_large(tmp_path):
    """12 ended, 6 successes: every figure is published (the attacker finds them)."""
    p = published(project(tmp_path, 12, 0, 6), tmp_path / "out")
    assert one(p["seen"], "participants") == 12
    assert one(p["seen"], "ended") == 12
    assert one(p["seen"], "successes") == 6
    assert one(p["seen"], "exits") == 6
    assert "Av 12 avslutade deltagare fick 6 (50,0\u00a0%)" in " ".join(p["text"])
    assert_no_individual_outcome(p)


def test_the_attacker_finds_the_old_leak():
    """The check can fail: the numbers the issue reported (11 participants, 10 still enrolled, an
    outcome goal of 1) are caught."""
    with pytest.raises(AssertionError):
        assert_no_individual_outcome({"seen": {"participants": {11}, "ongoing": {10}}, "goal_successes": 1})
    with pytest.raises(AssertionError):
        assert_no_individual_outcome({"seen": {"participants": {12}, "ended": {12}, "successes": {10}},
                                      "goal_successes": 10})


def test_portfolio_marks_and_note(tmp_path):
    """The portfolio shows '<5' participants and '..' successes for a project of 4 who all succeeded
    (issue 20: '4 participants and 4 successes'), and says why, in both languages."""
    path = project(tmp_path, 4, 0, 4)
    for lang, note in (("sv", "visas inte för ett projekt med få deltagare"),
                       ("en", "not shown for a project with few participants")):
        pf = Portfolio([path], lang=lang)
        row = pf.table.iloc[0]
        assert pd.isna(row["participants"]) and pd.isna(row["successes"]) and pd.isna(row["cost_per_success"])
        written = export_portfolio(pf, tmp_path / f"pf-{lang}")
        csv = next(w for w in written if w.name == "portfolio.csv").read_text(encoding="utf-8-sig")
        assert "<5" in csv and ".." in csv
        xlsx = next(w for w in written if w.suffix == ".xlsx")
        about = [str(v) for v in pd.read_excel(xlsx, sheet_name=0, header=None).to_numpy().ravel()]
        assert any(note in v for v in about)


# --- every small project, 1 to 12 participants ------------------------------------------------

CASES = sorted({(n, o, s) for n in range(1, 13)
                for o, s in ((0, n), (0, n // 2), (n - 1, 1), (max(n - 6, 0), max(min(n, 6) - 1, 0)))
                if 0 <= o <= n and 0 <= s <= n - o})


@pytest.mark.parametrize(("n", "ongoing", "successes"), CASES)
def test_no_published_combination_tells_an_outcome(tmp_path, n, ongoing, successes):
    p = published(project(tmp_path, n, ongoing, successes), tmp_path / "out")
    assert p["goal_successes"] == successes  # the goal's total is always there
    assert_no_individual_outcome(p)


def test_portfolio_overview_shows_the_marks(tmp_path, capsys):
    """The overview's cells: '<5' participants, '..' for successes/ended, share and costs per person."""
    from evaltools.present import portfolio as pf_module
    shown = []
    pf = Portfolio([project(tmp_path, 4, 0, 4)])
    original = pf_module.show
    pf_module.show = lambda *parts: shown.extend(parts)
    try:
        pf.overview()
    finally:
        pf_module.show = original
    people, money = [p.frame for p in shown if hasattr(p, "frame")][:2]
    row, cost = people.iloc[0], money.iloc[0]
    assert row["Deltagare"] == "<5"
    assert row["Lyckade utfall / avslutade"] == ".."
    assert row.iloc[4] == ".."  # the share with its interval
    assert cost["Per deltagare"] == ".." and cost["Per lyckat utfall"] == ".."
    assert cost["Kostnad"] != ".."  # the total cost stays


def test_nobody_ended_yet_keeps_a_small_number_of_participants(tmp_path):
    from evaltools.present.sections import outcomes
    from .conftest import shown_chunks
    r = et.Report(project(tmp_path, 2, 2, 0))
    assert "Ingen av de färre än 5 deltagarna har avslutat sin insats ännu" in " ".join(shown_chunks(outcomes.blocks(r)))


def test_english_page_one_says_so(tmp_path):
    r = et.Report(project(tmp_path, 11, 10, 1), lang="en")
    text = " ".join(summary.participation(r) + summary.cost(r))
    assert "How many were still enrolled at the analysis date" in text
    assert "10 participants were still enrolled" not in text
    assert "The cost per person with the outcome the project counts is not reported" in text


def test_outcomes_of_few_ended_are_not_listed(tmp_path):
    """11 participants, 7 still enrolled, the 4 who ended all to work: a table listing only 'Arbete
    <5' would tell that each of them went to work."""
    from evaltools.present.display import Table
    from evaltools.present.sections import outcomes
    from .conftest import shown_chunks
    r = et.Report(project(tmp_path, 11, 7, 4))
    blocks = outcomes.blocks(r)
    assert not any(isinstance(part, Table) for block in blocks for part in block)
    assert any("Utfallen per slag och per grupp visas inte när färre än 5 har avslutat" in c
               for c in shown_chunks(blocks))
