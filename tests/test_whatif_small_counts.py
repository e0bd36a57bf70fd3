"""The what-if panel follows the report's small-count rule: the break-even's "so far" count of exits
from försörjningsstöd is the report's own, withheld where the report withholds it."""
from __future__ import annotations

import evaltools as et
from evaltools import whatif

from .test_differencing import project


def _so_far(path, lang="sv") -> str:
    p = et.load_project(path)
    table = whatif.WhatIfTable(p, lang).key_figures  # what JupyterLab shows without widgets
    return table.iloc[:, 1].str.extract(r"\((?:hittills|so far) ([^)]*)\)").dropna().iloc[0, 0]


def _no_goal(tmp_path):
    """Ten ended, eight to work, two still on försörjningsstöd, no goals (tests/test_small_counts_22.py's builder)."""
    from .test_small_counts_22 import _project
    return _project(tmp_path, 1_500_000, 8, stayed=2, ongoing=0)


def test_eight_exits_of_ten_are_not_shown_in_the_panel(tmp_path):
    # ten ended, eight to work: with the ten ended (stated elsewhere) the count tells that two persons
    # stayed on försörjningsstöd, below k = 5, so the report withholds the exits
    assert _so_far(_no_goal(tmp_path)) == ".."


def test_a_goal_that_states_the_eight_makes_them_public_in_the_panel_too(tmp_path):
    # the same with an outcome goal over the whole period that counts the eight to work: its count is the
    # project's accounting, so the report states it (docs/security.md, rule 4) and the panel does as well
    assert _so_far(project(tmp_path, n=10, ongoing=0, successes=8)) == "8"


def test_six_exits_of_twelve_are_shown(tmp_path):
    # twelve ended, six to work and six not: both at least 5, so the count is stated, in either language
    path = project(tmp_path, n=12, ongoing=0, successes=6)
    assert _so_far(path) == "6"
    assert _so_far(path, "en") == "6"


def test_the_panel_says_what_the_report_says(tmp_path):
    # the report's cost-benefit key figures withhold the same count the panel withholds
    from evaltools.present.sections import costbenefit
    for path, said in ((_no_goal(tmp_path / "a"), ".."), (project(tmp_path / "b", n=10, ongoing=0, successes=8), "8")):
        key = costbenefit.key_figures(et.Report(path)).frame
        exits = [v for label, v in zip(key.iloc[:, 0], key.iloc[:, 1]) if label.startswith("Personer som lämnat")]
        assert exits == [said] and _so_far(path) == said
