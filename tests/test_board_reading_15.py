"""What a board member stumbles over when reading the samples a fifteenth time, after a count goal's share of the
exits became its share goal's (those who moved left out): the table of successes per group counting 236 ended where
every other part of Specialistteamet's report counts 242, without a word on why, and the portfolio's workbook
beside it. Expected values are worked out by hand from the small inputs built here, not taken from the code's
output.
"""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.portfolio import _row
from evaltools.present.sections.outcomes import rate_notes

from .test_board_reading_14 import COUNT_GOAL, SHARE_GOAL, _exits_project, _plain


# --- 1. the table of successes per group says which exits it leaves out of those who ended ---------------------

@pytest.mark.parametrize("lang, left_out", [
    ("sv", "; avslut med utfallet flyttat räknas inte bland de avslutade"),
    ("en", "; exits marked moved away are not counted among those who ended")])
def test_the_rate_table_says_the_exits_its_definition_leaves_out(tmp_path, lang, left_out):
    # 25 exits: 12 to work, 8 dropped out, 5 moved; the share goal leaves the 5 who moved out, so the table of
    # successes per group counts 25 − 5 = 20 ended where the outcome table counts 25: the note says why
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL]), lang=lang)
    raw = r.rates.raw
    # persons 1–25, a woman where the 0-based index is odd: of the 20 counted (indexes 0–19) 10 women and 10 men
    assert sorted(raw[raw["variable"] == "sex"]["n"].astype(int)) == [10, 10]
    counted = _plain(rate_notes(r, "1")[0])
    assert counted.endswith(left_out + "."), counted


def test_without_exits_left_out_the_rate_table_says_nothing_of_them(tmp_path):
    # the count goal alone counts every exit (25): nothing is left out, and the note does not say so
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL]), lang="sv")
    counted = _plain(rate_notes(r, "1")[0])
    assert "räknas inte bland de avslutade" not in counted, counted


def test_the_portfolio_workbooks_definition_says_why_its_ended_are_fewer(tmp_path):
    # the portfolio's row counts 20 ended (25 − 5 who moved), 12 successes; its definition, the column beside the
    # count in the workbook, names the exits left out
    port = _row(_exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL]), "sv")
    assert (port["ended"], port["successes"]) == (20, 12)
    assert port["success_definition"].endswith("; avslut med utfallet flyttat räknas inte bland de avslutade")
    assert port["success_excluded"] == ("flyttat",)
