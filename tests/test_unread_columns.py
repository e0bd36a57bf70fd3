"""Columns of the evaluator's participants file that the contract does not read: named for the evaluator
(``evaltools validate``, ``Project.notices``), never in the board's report; a heading spelt close to a
contract column names the column meant; a goal that counts action plans needs the column."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.publish import cli

from .conftest import participants_frame, write_csv

PLAN_GOAL = """\
goals:
  - {id: plan, kind: share, label: 80 % har en handlingsplan, target: 0.8, period: whole_period,
     denominator: exits, numerator: action_plan}
"""


def _with_columns(tiny_project, **columns: list[str]) -> None:
    """The tiny project's participants file with ``columns`` added (one value per participant row)."""
    df = participants_frame()
    for name, values in columns.items():
        df[name] = values
    write_csv(tiny_project.dir / "data" / "participants.csv", df)


def test_own_columns_are_named_for_the_evaluator_and_never_in_the_report(tiny_project):
    _with_columns(tiny_project, Kommentar=["a", "", "b", ""], **{"Handläggare": ["", "", "", ""]})
    project = et.load_project(tiny_project())
    assert [w.code for w in project.notices] == ["unread_columns"]
    note = project.notices[0]
    assert note.severity == "info" and Path(note.file).name == "participants.csv"
    assert "'Kommentar', 'Handläggare'" in note.text("sv") and "inte ingår i dataformatet" in note.text("sv")
    assert "'Kommentar', 'Handläggare'" in note.text("en") and "not part of the data format" in note.text("en")
    # the board's data-quality notes are the loader's warnings: the notice is not among them, nor in the report
    assert "unread_columns" not in {w.code for w in project.warnings}
    from evaltools.present.sections import quality
    shown = quality.report_table(et.Report(project)).to_string()
    assert "Kommentar" not in shown and "dataformatet" not in shown


def test_a_file_with_only_the_contracts_columns_has_no_notice(tiny_project):
    assert et.load_project(tiny_project()).notices == []


@pytest.mark.parametrize("heading", ["hushalls_typ", "Handläggare efter"])
def test_a_heading_close_to_a_column_the_file_has_or_to_none_is_an_own_column(tiny_project, heading):
    """``hushalls_typ`` is household_type in other words, but the file has household_type already;
    "Handläggare efter" is close to no column of the contract: both are the evaluator's own."""
    _with_columns(tiny_project, **{heading: ["", "", "", ""]})
    project = et.load_project(tiny_project())
    assert [w.code for w in project.notices] == ["unread_columns"]
    assert f"'{heading}'" in project.notices[0].text("en")


@pytest.mark.parametrize(("heading", "meant"), [("handlingsplann", "action_plan"), ("ocupation_after", "occupation_after"),
                                                 ("Hushallstypp", "household_type")])
def test_a_heading_spelt_close_to_an_optional_column_is_refused_with_the_heading_to_write(tiny_project, heading, meant):
    """``handlingsplann`` (one letter more than the Swedish word) and ``ocupation_after`` (one letter less)
    would be left out of the report without a word: refused as a heading in other words is."""
    df = participants_frame()
    if meant == "household_type":  # (a required column: the file has it under the misspelt heading only)
        df = df.rename(columns={"household_type": heading})
    else:
        df[heading] = ["", "", "", ""]
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    assert f"write the heading '{meant}' instead of '{heading}'" in p.text("en")


def test_a_required_column_spelt_close_is_refused_with_the_heading_to_write(tiny_project):
    df = participants_frame().rename(columns={"household_type": "hushalstyp"})
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    text = e.value.message("sv")
    assert "kolumnen 'household_type' saknas" in text
    assert "kolumnen 'hushalstyp' är troligen den: skriv rubriken 'household_type' i stället för 'hushalstyp'" in text


def test_a_goal_counting_action_plans_without_the_column_is_refused(tiny_project):
    """Without the refusal the goal would read "0 of 3 have an action plan" (three of the four have exited)."""
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project(PLAN_GOAL))
    [p] = e.value.problems
    assert (Path(p.file).name, p.column) == ("participants.csv", "action_plan")
    assert "mål 1 (id: plan) räknar den (numerator: action_plan)" in p.text("sv")
    assert "goal 1 (id: plan) counts it" in p.text("en") and "add the column" in p.text("en")


def test_a_goal_counting_action_plans_with_a_heading_spelt_close_gets_one_problem(tiny_project):
    """The heading is refused with the heading to write; the goal's missing column is not said again."""
    _with_columns(tiny_project, handlingsplann=["ja", "", "", "nej"])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project(PLAN_GOAL))
    [p] = e.value.problems
    assert "write the heading 'action_plan' instead of 'handlingsplann'" in p.text("en")


def test_a_goal_counting_action_plans_with_the_column_loads_and_counts(tiny_project):
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete") for i in range(1, 9)]
    df = participants_frame(rows)
    df["action_plan"] = ["ja", "ja", "nej", "ja", "ja", "", "ja", "nej"]
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    table = et.assess_goals(et.load_project(tiny_project(PLAN_GOAL))).table
    row = table[table["goal_id"] == "plan"].iloc[0]
    # all eight have exited; five have a plan ("ja"), an empty cell is not a plan
    assert (row["numerator"], row["denominator"]) == (5, 8)


def test_a_comparison_file_needs_no_action_plan(tiny_project):
    """The comparison group's file is not counted by the goals: its lack of the column is no problem."""
    _with_columns(tiny_project, action_plan=["ja", "nej", "", "ja"])
    comp = pd.DataFrame([(f"K{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01", "arbete")
                         for i in range(1, 6)],
                        columns=["person_id", "sex", "birth_year", "household_type", "start_date", "end_date",
                                 "outcome"])
    write_csv(tiny_project.dir / "data" / "comparison.csv", comp)
    write_csv(tiny_project.dir / "data" / "comparison_payments.csv",
              [{"person_id": "K1", "month": "2022-01", "amount": 9000}])
    block = ("data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
             "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")
    project = et.load_project(tiny_project(PLAN_GOAL, data_block=block))
    assert project.comparison is not None and len(project.comparison) == 5


def test_validate_prints_the_notice_after_the_notes(tiny_project, capsys):
    _with_columns(tiny_project, Kommentar=["a", "", "b", ""])
    code = cli.main(["validate", str(tiny_project())])
    out = capsys.readouterr().out
    assert code == 0
    assert "upplysning: " in out and "participants.csv: kolumner som inte läses" in out and "'Kommentar'" in out

