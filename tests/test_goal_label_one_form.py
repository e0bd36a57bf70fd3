"""A goal's label reads the same wherever an English report shows it: the sentences write a per cent
sign to its number ("80%"), so the goal table, charts and workbook do too (before: "80% av ..." on
page 1 beside "80 % av ..." in the goal table)."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.params import Goal
from evaltools.present.sections import goals as goal_section
from evaltools.present.sections import summary

from .conftest import participants_frame, shown_chunks, write_csv

GOAL = """\
goals:
  - {id: plan, kind: share, label: 80 % av de avslutade ska ha en handlingsplan, target: 0.8,
     period: whole_period, denominator: exits, numerator: action_plan}
"""


@pytest.mark.parametrize(("label", "label_en", "lang", "shown"), [
    ("80 % ska ha en plan", None, "en", "80% ska ha en plan"),
    ("80 % ska ha en plan", "80 % shall have a plan", "en", "80% shall have a plan"),
    ("80 % ska ha en plan", "80 % shall have a plan", "sv", "80 % ska ha en plan"),
    ("Minst 40 deltagare", None, "en", "Minst 40 deltagare")])
def test_the_label_in_each_language(label, label_en, lang, shown):
    goal = Goal(id="g", kind="share", label=label, label_en=label_en, target=0.8)
    assert goal.label_for(lang) == shown


def test_page_one_and_the_goal_table_write_the_label_alike_in_english(tiny_project):
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete") for i in range(1, 9)]
    df = participants_frame(rows)
    df["action_plan"] = ["ja"] * 6 + ["nej"] * 2
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    report = et.Report(tiny_project(GOAL), lang="en")
    page_one = " ".join(shown_chunks(summary.blocks(report)))
    table = " ".join(shown_chunks(goal_section.blocks(report)))
    assert "80% av de avslutade ska ha en handlingsplan" in page_one
    assert "80% av de avslutade ska ha en handlingsplan" in table
    assert "80 % av" not in page_one + table and "80\u00a0% av" not in page_one + table
