"""Small counts, a sixty-third time: the outcome table hid more than protects (a project of 104 whose page 1 states the
39 who went to work or subsidised work lost arbete, arbete med stöd and studier beside flyttat 3), and the time in the
project of a small project was a table of dots ("..", "–") with only the number at risk and the median left.

Which counts must hide is worked out by hand for each tiny table below; that what is shown gives no hidden count back is
checked by another method than the code's (every value the hidden cells could hold, tried against every sum of outcome
counts that any section of the report states). Nothing is copied from the code's output.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary, fewest_hidden
from evaltools.data import schema as S
from evaltools.present.display import Table, Text
from evaltools.present.sections import SECTIONS, outcomes, time_in_project

from .conftest import shown_chunks, write_csv
from .test_board_reading_16 import _exits_project
from .test_unseen_projects import BUDGET, _params, _person

K = 5


def _hidden(counts: dict[str, int], sums: list[set[str]], known: set[str] = frozenset()) -> set[str]:
    codes = list(counts)
    lines = [list(range(len(codes))), *([codes.index(c) for c in s] for s in sums)]
    mask = fewest_hidden(list(counts.values()), K, lines, [c in known for c in codes])
    return {c for c, m in zip(codes, mask) if m}


# --- 1. the fewest counts that protect, by hand ----------------------------------------------------------------

def test_the_brief_s_project_hides_flyttat_and_one_count_outside_the_stated_sums():
    # 104 participants, 63 ended: arbete 24, arbete med stöd 15, studier 8, avbrott 13, flyttat 3. The report states
    # the 63 ended, page 1's 39 who went to work or subsidised work (so also the 24 who did not: studier, avbrott,
    # flyttat), and the 47 who left försörjningsstöd (arbete, arbete med stöd, studier). Flyttat 3 is "<5"; one more
    # count must go. Arbete or arbete med stöd would stand alone hidden in the 39; studier alone in the 47; avbrott 13
    # lies only in the 63 and the 24, beside flyttat in both: 16 between them, from 1 + 5 upwards, so neither follows.
    counts = {"arbete": 24, "arbete_med_stöd": 15, "studier": 8, "avbrott": 13, "flyttat": 3}
    sums = [{"arbete", "arbete_med_stöd"}, {"studier", "avbrott", "flyttat"}, {"arbete", "arbete_med_stöd", "studier"}]
    assert _hidden(counts, sums) == {"flyttat", "avbrott"}


def test_without_the_leavers_sum_the_smallest_count_outside_page_one_s_sum_goes():
    # the same table with only the 63 and page 1's 39 stated: studier (8) is the smallest count in neither sum of 39
    # nor ... it is in the 24 beside flyttat, so both the 63 and the 24 hold two hidden counts: studier, not avbrott 13
    counts = {"arbete": 24, "arbete_med_stöd": 15, "studier": 8, "avbrott": 13, "flyttat": 3}
    assert _hidden(counts, [{"arbete", "arbete_med_stöd"}, {"studier", "avbrott", "flyttat"}]) == {"flyttat", "studier"}


def test_a_smaller_count_that_would_leave_the_small_one_alone_in_a_sum_is_passed_over():
    # a 12, b 10, c 3, e 7, f 20; stated: the total and a + b + c. Hiding e (7, the smallest) leaves c alone in a + b + c;
    # b (10) hides beside c in both sums (13 between them, rank one: neither follows); a (12) would too but is larger
    counts = {"a": 12, "b": 10, "c": 3, "e": 7, "f": 20}
    assert _hidden(counts, [{"a", "b", "c"}]) == {"c", "b"}


def test_two_small_counts_protect_each_other_unless_their_sum_tells_them():
    # c 3 and d 2 beside a 12, b 10, e 7: their sum, 5, could be 1 + 4, 2 + 3, ...: nothing more is hidden
    assert _hidden({"a": 12, "b": 10, "c": 3, "d": 2, "e": 7}, []) == {"c", "d"}
    # c 4 and d 4: their sum 8 is the most two "<5" can hold, so each is 4; the smallest other count (e, 7) goes too
    assert _hidden({"a": 12, "b": 10, "c": 4, "d": 4, "e": 7}, []) == {"c", "d", "e"}


def test_nya_vagar_s_table_keeps_arbete_and_studier():
    # 30 ended: arbete 8, studier 10 (the 18 who left, stated on page 1), kvar 9, arbetssökande 3 (the other 12).
    # Arbetssökande is "<5"; kvar hides beside it in the 12 and the 30 (12 less 1 to 4: 8 to 11). Before, all four hid.
    counts = {"arbete": 8, "studier": 10, "kvar_försörjningsstöd": 9, "arbetssökande": 3}
    sums = [{"arbete", "studier"}, {"kvar_försörjningsstöd", "arbetssökande"}]
    assert _hidden(counts, sums) == {"arbetssökande", "kvar_försörjningsstöd"}


def test_a_count_stated_elsewhere_is_never_hidden_nor_chosen():
    # arbete med stöd 6 is stated beside the wage subsidy: hiding it protects no one. Sjukpenning 4 in the leavers'
    # 32 (arbete 12, studier 10, arbete med stöd 6, sjukpenning 4) needs one more of that sum: studier (10), not 6
    counts = {"aktiv_planering_annan_part": 14, "arbete": 12, "studier": 10, "arbetssökande": 10,
              "kvar_försörjningsstöd": 9, "arbete_med_stöd": 6, "sjukpenning": 4, "flyttat": 3, "avbrott": 2}
    sums = [{"arbete", "studier", "arbete_med_stöd", "sjukpenning"}]
    assert _hidden(counts, sums, known={"arbete_med_stöd"}) == {"sjukpenning", "flyttat", "avbrott", "studier"}


def test_sums_that_each_hold_two_hidden_counts_can_still_give_one_back_together():
    # a 3, b 9, c 11, d 20; stated: the total, a + b, b + c and a + b + c. Hiding a, b and c leaves two or three in
    # each sum, but (a + b + c) − (b + c) = a. Every smaller set leaves one alone in a + b or b + c, and all four give
    # four independent sums for four counts: no set protects, so every count that may be hidden is
    counts = {"a": 3, "b": 9, "c": 11, "d": 20}
    assert _hidden(counts, [{"a", "b"}, {"b", "c"}, {"a", "b", "c"}]) == {"a", "b", "c", "d"}


def test_no_small_count_hides_nothing():
    assert _hidden({"a": 12, "b": 5, "c": 0}, [{"a", "b"}]) == set()


# --- 1b. the brief's project as a report: what it shows cannot give a hidden count back ---------------------------

# (the counts are chosen so that no sum of them holding flyttat or avbrott equals another number the report prints,
# an age band or a sex, which the attack below would read as a stated sum)
EXITS = {"arbete": 25, "arbete_med_stöd": 14, "studier": 10, "avbrott": 13, "flyttat": 3}
WORK_GOAL = ("{id: arb, kind: outcome_count, label: Minst 30 ska gå till arbete eller arbete med stöd, target: 30, "
             "period: whole_period, success_outcomes: [arbete, arbete_med_stöd]}")


@pytest.fixture(name="report")
def _report(tmp_path):
    return et.Report(_exits_project(tmp_path, EXITS, goal=WORK_GOAL), lang="sv")


def _cells(r) -> dict[str, str]:
    df = r.project.participants
    shown = outcomes.outcome_counts(df[~df[S.ONGOING]], r.k, outcomes.stated_sums(r), outcomes.stated_counts(r),
                                    r.disclosure.shows(Secondary.ENDED))
    return {c: str(n) for c, n in zip(shown["category"], shown["n"])}


def test_the_report_hides_flyttat_and_avbrott_only(report):
    # the goal states 39 (25 + 14), the cost-benefit 49 who left försörjningsstöd (25 + 14 + 10), the section 65
    # ended: as in the first test above, flyttat and avbrott hide, nothing else
    assert _cells(report) == {"arbete": "25", "arbete_med_stöd": "14", "studier": "10", "flyttat": "<5",
                              "avbrott": ".."}


UNITS = r"\s?(?:%|år\b|kr\b|kronor|miljon|dagar|månader|simuleringar)"


def _published_integers(r) -> set[int]:
    """Every whole number any section of the report shows that may count persons: not a decimal, a percentage, an
    amount, a number of years, days or simulations, a project year ("år 3") nor the footer's checksums."""
    text = []
    for name in SECTIONS:
        if name == "footer":
            continue
        module = getattr(__import__("evaltools.present.sections", fromlist=[name]), name)
        text += shown_chunks(module.blocks(r))
    joined = " ".join(text).replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    joined = re.sub(r"(?<=\d) (?=\d{3}\b)", "", joined)  # 1 000 000 as one number
    return {int(m) for m in re.findall(r"(?<![\d,.\-–])(?<!år )(?<!År )\d+(?![\d,.\-–]|" + UNITS + ")", joined)}


def test_nothing_the_report_publishes_gives_a_hidden_outcome_back(report):
    cells = _cells(report)
    ended = sum(EXITS.values())
    published = _published_integers(report)
    assert {39, 49, 65} <= published  # (the sums the attack must use are there)
    # every set of outcome kinds whose true sum the report prints anywhere is a sum the reader knows
    sums = [set(s) for n in range(1, len(EXITS) + 1) for s in itertools.combinations(EXITS, n)
            if sum(EXITS[c] for c in s) in published]
    hidden = [c for c, v in cells.items() if not v.isdigit()]
    ranges = [range(1, K) if cells[c].startswith("<") else range(K, ended + 1) for c in hidden]
    possible = []
    for values in itertools.product(*ranges):
        guess = {**EXITS, **dict(zip(hidden, values))}
        if all(sum(guess[c] for c in s) == sum(EXITS[c] for c in s) for s in sums):
            possible.append(dict(zip(hidden, values)))
    for c in hidden:
        assert len({p[c] for p in possible}) >= 2, (c, sums)


def test_where_the_number_ended_is_withheld_it_is_no_sum_to_protect_against(tmp_path):
    # 21 participants: arbete 6, studier 2, sjukpenning 1 (the 9 who left försörjningsstöd), kvar 5, flyttat 1, 6 still
    # enrolled. The share goal leaves the move out: page 1 states 9 of 14; the 15 ended are withheld (15 − 14 would
    # give the move). Stated sums: 9 and 14, so 14 − 9 = 5 states kvar already; studier and sjukpenning are 3 together
    # (1 + 2 or 2 + 1); flyttat lies in no stated sum. Kvar was hidden ("..") beside the withheld total, protecting
    # nothing that is stated: it is shown now, the three under 5 stay "<5".
    from .test_small_counts_59 import C, GOAL, _write
    r = _write(tmp_path, C, GOAL)
    assert r.disclosure.hides(Secondary.ENDED)
    assert _cells(r) == {"arbete": "6", "kvar_försörjningsstöd": "5", "studier": "<5", "sjukpenning": "<5",
                         "flyttat": "<5"}


# --- 2. the time in the project of a small project: no table of dots -----------------------------------------

def _small_project(tmp_path, years: tuple[tuple[int, int, int], ...] = ((8, 4, 11),)):
    """Per project year (works, other exits, still enrolled): persons starting a week apart from the year's
    1 February; the n-th to work stays 120 + 10n days, the others who ended 150 days."""
    rows, i = [], 0
    for y, (works, others, ongoing) in enumerate(years):
        first = dt.date(2023 + y, 2, 1)
        for j in range(works + others + ongoing):
            start = first + dt.timedelta(days=7 * j)
            stay = 120 + 10 * j if j < works else 150
            end = "" if j >= works + others else (start + dt.timedelta(days=stay)).isoformat()
            outcome = "arbete" if j < works else "kvar_försörjningsstöd" if end else ""
            rows.append(_person(i, start=start.isoformat(), end=end, outcome=outcome))
            i += 1
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.load_project(_params(tmp_path, f"""\
        kind: individ
        period: {{start: 2023-01-01, planned_end: {2022 + len(years)}-12-31}}
        data_as_of: {2023 + len(years)}-06-30
        granted_sek: 1000000
        data: {{participants: data/participants.csv, budget: data/budget.csv}}
        """))


def _time_table(r) -> tuple[list[str], Table | None]:
    blocks = time_in_project.blocks(r)
    tables = [p for b in blocks for p in b if isinstance(p, Table)]
    texts = [x for b in blocks for p in b if isinstance(p, Text) for x in p.paragraphs]
    return texts, (tables[0] if tables else None)


@pytest.mark.parametrize(("lang", "at_risk", "share"), [("sv", "Antal kvar", "Annat avslut"),
                                                         ("en", "At risk", "Other exit")])
def test_a_small_project_s_time_table_leaves_its_share_columns_out(tmp_path, lang, at_risk, share):
    # 23 participants of one year: 8 to work, 4 ended otherwise (under 5: every share of the group hidden), 11 still
    # enrolled, followed to the project's end (31 December 2023). No one ends before day 120: 23 at risk on days 30
    # and 90; on day 180, 6 to work (stays 120 to 170) and the 4 others (150) had ended, and the last to start (5 July)
    # was followed only 179 days: 23 − 10 − 1 = 12. The median of any exit: the survival after day 170 is 13/23, after
    # day 180 (1 exit of 12 at risk) 13/23 · 11/12 = 0.518, after day 190 0.518 · 10/11 = 0.471: 190 days.
    r = et.Report(_small_project(tmp_path), lang=lang)
    texts, table = _time_table(r)
    assert table is not None
    cells = table.frame.astype(str).to_numpy().ravel().tolist()
    assert ".." not in cells and "–" not in cells
    assert share not in table.frame.columns and len(table.frame.columns) == 4  # group, days, at risk, median
    by_day = dict(zip(table.frame.iloc[:, 1].astype(str), table.frame[at_risk]))
    assert (by_day["30"], by_day["90"], by_day["180"]) == ("23", "23", "12")
    assert table.frame.iloc[0, -1].startswith("190")
    said = " ".join(texts)
    assert ("Tabellen visar i stället" in said) if lang == "sv" else ("The table shows instead" in said)
    assert said.count("fewer than 5" if lang == "en" else "färre än 5") >= 1


def test_a_group_without_shares_beside_one_with_them_has_empty_share_cells(tmp_path):
    # year 1: 10 to work (stays 120 to 210), 6 otherwise (150), 2 still enrolled: every way of leaving 5 or more. By day
    # 180 (exits on the day counted) 7 of 18 to work (38,9 %), 6 otherwise (33,3 %), 5 still in (27,8 %). Year 2: 8 to
    # work, 3 otherwise (under 5: no share of year 2 may be shown), 4 still enrolled
    r = et.Report(_small_project(tmp_path, ((10, 6, 2), (8, 3, 4))), lang="sv")
    texts, table = _time_table(r)
    assert table is not None
    frame = table.frame
    year2 = frame[frame["Grupp"] == "År 2"]
    year1 = frame[frame["Grupp"] == "År 1"]
    assert len(year1) and len(year2)
    shares = [frame.columns[2], "Annat avslut", "Kvar i projektet"]
    assert all(set(year2[c]) == {""} for c in shares)
    day180 = year1[year1["Dagar"].astype(str) == "180"]
    assert [str(day180[c].iloc[0]).replace("\u00a0", " ") for c in shares] == ["38,9 %", "33,3 %", "27,8 %"]
    assert list(year2["Antal kvar"]) == ["15", "15", "6"]  # (year 2: all 15 on days 30 and 90; on day 180 the 2 to work staying 180 and 190 days and the 4 enrolled)
    assert ".." not in frame.astype(str).to_numpy().ravel().tolist()
    assert any(n.startswith("För år 2 visas inga andelar") for n in table.notes)
    # the note on dots names no group that shows them
    assert not any("(..)" in n for n in table.notes)
