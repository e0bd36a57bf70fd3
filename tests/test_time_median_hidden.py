"""A group's median time in the project that is not shown (``..``: the group's ways of leaving are hidden, or the
median lies beyond the last day the group publishes) has no interval shown beside it either: the workbook gave
".." for the median and 73 as its lower bound (tests/test_small_counts_22.py's project of 10, 3 of whom left
försörjningsstöd: the group's shares are hidden, tests/test_board_reading_33.py). A median that is shown keeps its
interval (Timrå's year 1)."""
from __future__ import annotations

import evaltools as et

from .conftest import sample_report
from .test_small_counts_22 import _project


def test_a_hidden_median_hides_its_interval_in_the_table_the_report_publishes(tmp_path):
    r = et.Report(_project(tmp_path, 1_500_000, 3), lang="sv")
    table = r.key_tables()["tid_i_projekt"]
    assert len(table)
    for col in ("median_days", "median_ci_low", "median_ci_high"):
        assert set(table[col]) == {".."}, (col, table[col].tolist())


def test_a_shown_median_keeps_its_interval():
    table = sample_report("timra-vagen-ut", "sv").survival.table
    first = table[table["group"] == table["group"].iloc[0]].iloc[0]
    # year 1's 37 all ended: its median is shown, and its interval beside it, around it
    m, lo, hi = first["median_days"], first["median_ci_low"], first["median_ci_high"]
    assert all(isinstance(v, float | int) for v in (m, lo, hi)), (m, lo, hi)
    assert lo <= m <= hi
