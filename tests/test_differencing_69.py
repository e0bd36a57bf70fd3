"""A goal over everyone whose periods leave some persons out is a breakdown of the project's successes, as a goal
set for a group is: page 1's "S of B ended" less the goal's published totals would give the outcomes of the few it
leaves out.

1. A pre-study (tests/test_recompute_67.py's project): F01 (arbete) and F02 (studier) began in it and ended, so
   they are in no project year. The goal "Minst 60 % av de avslutade ska gå till sysselsättning" (arbete, arbete med
   stöd: the project's own success) states 6 of 13 (year 1) and 6 of 10 (year 2), 12 of 23; all 25 ended, 13 of them
   to work. Page 1's "13 of 25" beside the goal's "12 of 23" gives the pre-study's 2 ended, 1 to work: withheld.
2. Without the pre-study (F01 and F02 moved into year 1), the goal counts everyone: page 1's figures stay.
Worked out by hand from the rows below; the rule's other cases are in tests/test_differencing.py.
"""
from __future__ import annotations

import evaltools as et
from evaltools.analysis.disclosure import Secondary
from evaltools.present.sections import summary

from .test_recompute_67 import _write_prestudy


def _page_one(report) -> str:
    out = []
    for block in summary.blocks(report):
        for item in block if isinstance(block, list) else [block]:
            out.append(str(getattr(item, "data", item)))
    return " ".join(" ".join(out).replace("\u00a0", " ").split())


def test_the_pre_studys_two_outcomes_are_not_given_by_page_one_less_the_goals_years(tmp_path):
    report = et.Report(et.load_project(_write_prestudy(tmp_path)))
    assert report.disclosure.hides(Secondary.SUCCESSES)
    assert report.disclosure.hides(Secondary.ENDED)  # (25 ended beside the goal's 23 exits: the pre-study's 2)
    text = _page_one(report)
    assert "13 (52,0 %)" not in text and "Av 25 avslutade" not in text, text
    assert "6 av 13" in text and "6 av 10" in text  # (the goal's own figures stay: the project's accounting)



def test_without_a_pre_study_the_goal_counts_everyone_and_page_one_keeps_its_figures(tmp_path):
    from .conftest import write_csv
    from .test_recompute_67 import _people
    path = _write_prestudy(tmp_path)
    people = _people()
    people.loc[people["person_id"].isin(["F01", "F02"]), "start_date"] = "2023-07-03"
    write_csv(tmp_path / "data" / "deltagare.csv", people)
    report = et.Report(et.load_project(path))
    assert not report.disclosure.hides(Secondary.SUCCESSES)
    # year 1 now: 7 of 15 ended to work (6 of 13, F01 to work, F02 to studies); all 25 ended, 13 to work
    text = _page_one(report)
    assert "7 av 15" in text and "Av 25 avslutade deltagare fick 13 (52,0 %)" in text, text
