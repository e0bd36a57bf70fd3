"""Hidden counts whose marks give them away: two cells marked "<5" in a line whose published total leaves 8 for
them are 4 and 4 (the most "<5" allows each), and two that leave 2 are 1 and 1 (the least). The line then hides one
more count, so that the hidden sum can be split in more than one way. A questionnaire's answers to one question
at exit (Nästa steg's health question: 4, 8, 5, 10, 4 of 31, none "vet ej" or empty) showed both 4s as "<5"
beside a published 31. Expected masks are worked out by hand from the counts written here."""
from __future__ import annotations

import pandas as pd

from evaltools.data.privacy import suppression_mask


def _hidden(counts: list[int], lines, **kw) -> list[int]:
    mask = suppression_mask(pd.DataFrame({"n": counts}), 5, col_totals=False, row_totals=False, lines=lines, **kw)
    return [i for i, hide in enumerate(mask["n"].tolist()) if hide]


def test_two_small_counts_at_their_most_hide_one_more():
    # steps 1..5 then "vet ej" and empty; the scale's sum (31) and the others' (0) are published. 31 − 8 − 5 − 10 = 8
    # for the two "<5": each is 4. Hiding the 5 as well leaves 13 for "<5", "<5", ".." (1 + 1 + 5 to 4 + 4 + 11)
    counts = [4, 8, 5, 10, 4, 0, 0]
    assert _hidden(counts, [([0, 1, 2, 3, 4], 0), ([5, 6], 0)]) == [0, 2, 4]


def test_two_small_counts_at_their_least_hide_one_more():
    # 1 and 1 leave 2 for two "<5": each is 1; the smallest shown count (6) goes with them
    counts = [1, 9, 6, 7, 1]
    assert _hidden(counts, [([0, 1, 2, 3, 4], 0)]) == [0, 2, 4]


def test_two_small_counts_between_their_bounds_are_enough():
    # 3 and 4 leave 7 for two "<5": 3 + 4, 4 + 3 … several splits; nothing more is hidden
    counts = [3, 9, 6, 7, 4]
    assert _hidden(counts, [([0, 1, 2, 3, 4], 0)]) == [0, 4]


def test_a_total_withheld_below_k_gives_nothing_away():
    # the goals' totals over the project years are withheld where the hidden years hold fewer than 5 together:
    # 1 and 1 (2) then leave nothing to work out, and the 9 stays shown; published, it would not
    counts = [1, 9, 1]
    assert _hidden(counts, [([0, 1, 2], 0)], few_totals_withheld=True) == [0, 2]
    assert _hidden(counts, [([0, 1, 2], 0)]) == [0, 1, 2]
