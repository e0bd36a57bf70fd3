"""A goal's label reads the same wherever an English report shows it (before: "80% av ..." on page 1 beside
"80 % av ..." in the goal table): quoted as written in every table, chart and sentence, since it is the
application's or the evaluator's words, not a figure of the toolkit's (before that, "80 % av" was rewritten "80%
av" in every place)."""
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
    ("80 % ska ha en plan", None, "en", "80 % ska ha en plan"),
    ("80 % ska ha en plan", "80 % shall have a plan", "en", "80 % shall have a plan"),
    ("80 % ska ha en plan", "80% shall have a plan", "en", "80% shall have a plan"),
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
    # (as written, the space inside its figure kept from breaking at a line's end)
    assert "80\u00a0% av de avslutade ska ha en handlingsplan" in page_one
    assert "80\u00a0% av de avslutade ska ha en handlingsplan" in table
    assert "80% av" not in page_one + table  # (never rewritten "80%" as the toolkit writes its own figures)


# --- a grouped table breaks between its groups rather than moving whole to the next page ---------------
def test_a_table_of_several_groups_may_break_between_them_and_a_short_plain_one_may_not():
    import pandas as pd

    from evaltools.present.display import Table
    frame = pd.DataFrame({"Mål": ["A"] * 3 + ["B"] * 3 + ["C"] * 3, "Period": [f"År {i}" for i in (1, 2, 3)] * 3,
                          "Utfall": ["1"] * 9})
    grouped = Table(frame, group="Mål")._repr_html_()
    assert "et-short" not in grouped and grouped.count("<tbody>") == 3  # each group one unbreakable body
    assert "et-short" in Table(frame.drop(columns="Mål"))._repr_html_()  # 9 rows, one body: kept whole
    assert "et-short" in Table(frame.iloc[:3], group="Mål")._repr_html_()  # one group: kept whole
