"""Sixty-third sweep of projects unlike the samples, from files made in Excel: a joint project of four
municipalities whose budget keeps a block of lines per municipality under a heading row ("Faluns kommun" over
"Lön coach", "Moras kommun" over another "Lön coach"); a family project whose case system writes the household
type out ("ensamstående_utan_barn", "sammanboende_utan_barn"), which a close spelling must never turn into the code
for the opposite household (with children); and a project whose six-month pre-study comes before a two-year
implementation, whose goals count "per projektår under genomförandet" while project years count from the pre-study's
first day. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

from .conftest import excel_participants, load_problems

HEAD = """\
id: unseen63
title: Tillsammans i Dalarna
forbund: Samordningsförbundet Dalarna
owner: Falu kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-03-31
granted_sek: 2000000
"""


def _params(tmp_path, body: str):
    p = tmp_path / "unseen63.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- a household type written out is never suggested as its opposite --------------------------------------------
def _households(tmp_path, types: list[str]):
    """One participant per household type in ``types``, on the Deltagare sheet under a title row, each enrolled
    2024-03-01 and ended 2024-12-31 to work."""
    excel_participants(tmp_path / "data" / "deltagare.xlsx", "Familjelyftet – inskrivna vuxna",
                       ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
                       [[f"FL{i + 1:03d}", "kvinna", 1985, t, dt.datetime(2024, 3, 1), dt.datetime(2024, 12, 31),
                         "arbete"] for i, t in enumerate(types)])
    return _params(tmp_path, "data: {participants: data/deltagare.xlsx}\n")


def _household_messages(problems) -> dict[int, str]:
    """Each row's hint, after the codes the message lists: what it suggests ('' where it suggests nothing)."""
    return {p.row: p.text("sv").split("okänt", 1)[1] for p in problems
            if p.column == "household_type" and p.row is not None}


def test_a_household_without_children_written_out_is_never_suggested_as_one_with_children(tmp_path):
    """'ensamstående_utan_barn' is one letter group from the code 'ensamstående_med_barn' (difflib's ratio 0,86)
    but is the label of 'ensamstående' (Ensamstående utan barn), a single person without children; likewise
    'sammanboende_utan_barn' is the label of 'sambo_utan_barn' and 'sammanboende_med_barn' of 'sambo_med_barn'.
    Rows 3, 4 and 5 (title, header, then the people)."""
    problems = load_problems(_households(tmp_path, ["ensamstående_utan_barn", "sammanboende_utan_barn",
                                                    "sammanboende_med_barn"]))
    said = _household_messages(problems)
    assert "'ensamstående'" in said[3] and "ensamstående_med_barn" not in said[3]
    assert "'sambo_utan_barn'" in said[4] and "sambo_med_barn" not in said[4]
    assert "'sambo_med_barn'" in said[5]
    # the one line for the params file (three texts) suggests the same codes, never the opposite household
    line = next(p.text("sv") for p in problems if p.column == "household_type" and p.row is None)
    assert "'ensamstående_utan_barn': ensamstående," in line and "'sammanboende_utan_barn': sambo_utan_barn," in line
    assert "'sammanboende_med_barn': sambo_med_barn" in line and ": ensamstående_med_barn" not in line


def test_a_married_couple_is_suggested_as_a_couple_and_a_spelling_slip_still_finds_its_code(tmp_path):
    """'Gift med barn' is a couple with children (sambo_med_barn); 'sambo_utn_barn', a letter missing, is still
    suggested as 'sambo_utan_barn' (no word in it says the opposite); 'singel utan barn' near no code gets no
    opposite either: never 'ensamstående_med_barn'."""
    problems = load_problems(_households(tmp_path, ["Gift med barn", "sambo_utn_barn", "ensamstaende utan barn"]))
    said = _household_messages(problems)
    assert "'sambo_med_barn'" in said[3]
    assert "'sambo_utan_barn'" in said[4]
    assert "ensamstående_med_barn'?" not in said[5] and "'ensamstående'" in said[5]


# --- a budget with a block of lines per municipality under a heading row ------------------------------------------
def _block_budget(tmp_path, rows: list[list]):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Budget och utfall, Tillsammans i Dalarna"])
    ws.append([])
    ws.append(["År", "Kostnadsslag", "Budget", "Utfall", "Finansiär"])
    for r in rows:
        ws.append(r)
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data" / "budget.xlsx")
    return _params(tmp_path, "data: {budget: data/budget.xlsx}\n")


BLOCKS = [[None, "Faluns kommun", None, None, None],
          [2024, "Lön coach", "620 000", "600 000", "förbund"],
          [2025, "Lön coach", "620 000", "610 000", "förbund"],
          [None, "Moras kommun", None, None, None],
          [2024, "Lön coach", "620 000", "590 000", "förbund"],
          [2025, "Lön coach", "620 000", "615 000", "förbund"]]


def test_a_municipality_heading_over_its_block_of_lines_is_one_message_with_what_to_write(tmp_path):
    """The headings stand on file rows 4 and 7 (a title, an empty row and the header above them); the line under
    the first is 'Lön coach', so the example is 'Lön coach, Faluns kommun'. No message says the heading rows'
    period is empty: the one message says what they are."""
    problems = load_problems(_block_budget(tmp_path, BLOCKS))
    heading = [p for p in problems if p.key == "budget.block_headings"]
    assert len(heading) == 1 and heading[0].row == 4
    for lang in ("sv", "en"):
        text = heading[0].text(lang)
        assert "4, 7" in text and "'Faluns kommun', 'Moras kommun'" in text and "'Lön coach, Faluns kommun'" in text
    assert not [p for p in problems if p.row in (4, 7) and p.key != "budget.block_headings"]


def test_the_same_lines_without_the_heading_rows_load_and_add_up(tmp_path):
    """Written as the message asks, the municipality in each line's name: the budget is 4 × 620 000 = 2 480 000 kr
    and the utfall 600 000 + 610 000 + 590 000 + 615 000 = 2 415 000 kr."""
    rows = [[r[0], f"{r[1]}, {'Faluns' if i < 3 else 'Moras'} kommun", *r[2:]]
            for i, r in enumerate(BLOCKS) if r[0] is not None]
    budget = et.load_project(_block_budget(tmp_path, rows)).budget
    assert budget["budget"].sum() == 2_480_000 and budget["actual"].sum() == 2_415_000
    assert set(budget["category"]) == {"Lön coach, Faluns kommun", "Lön coach, Moras kommun"}


# --- goals per project year of the implementation after a pre-study ----------------------------------------------
GOAL = """\
data: {participants: data/deltagare.xlsx}
goals:
  - id: deltagare
    kind: %s
    label: %s
    target: %s
    period: %s
"""


def _prestudy(tmp_path, kind: str, label: str, target: str, period: str):
    """Two participants of the implementation (from 2024-07-01, after a pre-study of 2024-01-01 – 2024-06-30)."""
    excel_participants(tmp_path / "data" / "deltagare.xlsx", "Genomförandefasen – deltagare",
                       ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
                       [["G001", "kvinna", 1980, "ensamstående", dt.datetime(2024, 8, 1), dt.datetime(2025, 2, 28),
                         "arbete"],
                        ["G002", "man", 1990, "ensamstående", dt.datetime(2025, 3, 1), None, None]])
    return _params(tmp_path, GOAL % (kind, label, target, period))


@pytest.mark.parametrize("kind, label, target, words", [
    ("participant_count", "Minst 40 deltagare per projektår under genomförandet", "40", "under genomförandet"),
    ("participant_count", "Minst 40 deltagare per år efter förstudien", "40", "efter förstudien"),
    ("outcome_count", "Minst 10 deltagare per år i genomförandefasen ska gå till arbete", "10", "i genomförandefasen"),
    ("participant_count", "At least 40 participants per project year during the implementation phase", "40",
     "during the implementation phase"),
])
def test_a_goal_per_project_year_of_the_implementation_after_a_pre_study_is_refused(tmp_path, kind, label, target,
                                                                                  words):
    """Project years count from period.start, 2024-01-01, the pre-study's first day: year 1 (2024) would hold the
    pre-study's six months without participants, and the implementation's first year (2024-07-01 – 2025-06-30)
    would be judged as two halves of years 1 and 2. Refused, with what to write instead."""
    with pytest.raises(ParamsError) as e:
        et.load_project(_prestudy(tmp_path, kind, label, target, "project_year"))
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"'{words}'" in sv and "förstudie" in sv and "kind: qualitative" in sv and "period.start" in sv
    assert f"'{words}'" in en and "pre-study" in en and "kind: qualitative" in en


@pytest.mark.parametrize("label, target, period", [
    ("Minst 40 deltagare per år", "40", "project_year"),  # no pre-study said: years from period.start, as before
    ("Minst 2 deltagare under genomförandet", "2", "whole_period"),  # the whole implementation: no years
    ("Minst 40 deltagare per år i genomförandeplanen", "40", "project_year"),  # a plan's word, not the phase
])
def test_a_goal_not_counted_per_year_of_the_implementation_is_read_as_written(tmp_path, label, target, period):
    """The two participants are two persons in the whole period (G001 from 2024-08-01, G002 from 2025-03-01)."""
    project = et.load_project(_prestudy(tmp_path, "participant_count", label, target, period))
    assert project.participants["person_id"].nunique() == 2


def _block_sums(tmp_path, falun_total: str):
    """The lines named with their municipality, each block closed by a 'Summa' with its period left empty, as a
    joint project's budget sums each municipality's block, and a grand total at the bottom."""
    return _block_budget(tmp_path, [
        [2024, "Lön coach, Faluns kommun", "620 000", "600 000", "förbund"],
        [2025, "Lön coach, Faluns kommun", "620 000", "610 000", "förbund"],
        ["Summa", None, falun_total, "1 210 000", None],
        [2024, "Lön coach, Moras kommun", "620 000", "590 000", "förbund"],
        [2025, "Lön coach, Moras kommun", "620 000", "615 000", "förbund"],
        ["Summa", None, "1 240 000", "1 205 000", None],
        ["Totalt", "Summa", "2 480 000", "2 415 000", None]])


def test_a_sum_under_each_municipalitys_block_is_checked_against_its_block(tmp_path):
    """Falun's block: 620 000 + 620 000 = 1 240 000 kr budget, 600 000 + 610 000 = 1 210 000 kr utfall; Mora's
    1 240 000 and 590 000 + 615 000 = 1 205 000; the grand total 2 480 000 and 2 415 000. Each block's 'Summa' is
    right for its block (not 'expected 2 480 000 kr, all periods'), and the lines are counted once."""
    budget = et.load_project(_block_sums(tmp_path, "1 240 000")).budget
    assert budget["budget"].sum() == 2_480_000 and budget["actual"].sum() == 2_415_000 and len(budget) == 4


def test_a_wrong_sum_under_a_block_is_still_refused(tmp_path):
    """Falun's 'Summa' written 1 250 000 kr matches neither its block (1 240 000) nor every line (2 480 000): it is
    refused on its row, file row 6 (a title, an empty row, the header, two lines)."""
    problems = load_problems(_block_sums(tmp_path, "1 250 000"))
    wrong = [p for p in problems if p.key == "budget.total"]
    assert len(wrong) == 1 and wrong[0].row == 6 and "1 250 000 kr" in wrong[0].text("sv")


# --- payments exported per household, with a total row under them ----------------------------------------------------
def test_a_total_row_under_payments_per_household_is_refused_as_a_row_to_delete(tmp_path):
    """Two adults of household HH001 and one of HH002; the finance system's export has a row per household and month
    and its 'Summa' under them (file row 7: a title, an empty row, the header, three payments). It was read as a
    household no participant belongs to and left out with a note on households; it is a row to delete."""
    excel_participants(tmp_path / "data" / "deltagare.xlsx", "Familjelyftet",
                       ["person_id", "household_id", "sex", "birth_year", "household_type", "start_date", "end_date",
                        "outcome"],
                       [["FL001", "HH001", "kvinna", 1985, "sambo_med_barn", dt.datetime(2024, 3, 1), None, None],
                        ["FL002", "HH001", "man", 1983, "sambo_med_barn", dt.datetime(2024, 3, 1), None, None],
                        ["FL003", "HH002", "kvinna", 1990, "ensamstående_med_barn", dt.datetime(2024, 4, 1), None,
                         None]])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Utbetalningar"
    ws.append(["Ekonomiskt bistånd per hushåll"])
    ws.append([])
    ws.append(["household_id", "month", "amount"])
    for hid, month, amount in [("HH001", "2024-02", "14 200"), ("HH001", "2024-03", "14 200"),
                               ("HH002", "2024-03", "9 800")]:
        ws.append([hid, month, amount])
    ws.append(["Summa", None, "38 200"])
    wb.save(tmp_path / "data" / "utbetalningar.xlsx")
    problems = load_problems(_params(tmp_path, "data: {participants: data/deltagare.xlsx, payments: "
                                                "data/utbetalningar.xlsx}\n"))
    assert [(p.key, p.row) for p in problems] == [("row.total_household", 7)]
    assert "hushålls utbetalning: ta bort raden" in problems[0].text("sv")
    assert "household's payment: delete the row" in problems[0].text("en")


def test_lines_alike_that_nothing_tells_apart_are_added_up_and_named_to_the_evaluator(tmp_path):
    """The blocks' lines without their headings: 'Lön coach' 2024 förbund on file rows 4 and 6, 'Lön coach' 2025
    on rows 5 and 7 (a title, an empty row, the header above), two cost lines on two rows each. The amounts are added
    up, 620 000 × 4 = 2 480 000 kr, and a note for the evaluator names the first such line's rows, since a row
    pasted twice would be counted twice."""
    p = _block_budget(tmp_path, [r for r in BLOCKS if r[0] is not None])
    project = et.load_project(p)
    assert project.budget["budget"].sum() == 2_480_000
    alike = [n for n in project.notices if n.key == "budget.lines_alike"]
    assert len(alike) == 1 and alike[0].column == "Kostnadsslag"
    assert "2 kostnadsposter" in alike[0].text("sv") and "'Lön coach' 2024 på raderna 4, 6" in alike[0].text("sv")
    assert "2 cost lines" in alike[0].text("en") and "rows 4, 6" in alike[0].text("en")
    # the lines named with their municipality are told apart: no such note
    named = _block_budget(tmp_path, [[r[0], f"{r[1]} {'Falun' if i < 3 else 'Mora'}", *r[2:]]
                                     for i, r in enumerate(BLOCKS) if r[0] is not None])
    assert not [n for n in et.load_project(named).notices if n.key == "budget.lines_alike"]


# --- a pre-study's lines with the pre-study in the period column ----------------------------------------------------
def test_a_pre_studys_period_is_answered_with_its_year_and_its_name_in_the_cost_line(tmp_path):
    """'Förstudie 2024' holds its year, 2024; 'Förstudie' alone none, so the year of period.start (2024-01-01) is
    offered. Rows 4 and 5 (a title, an empty row, the header above); each message names the cost line to write
    with the pre-study first ('Förstudie: Projektledare', 'Förstudie: Kartläggning')."""
    problems = load_problems(_block_budget(tmp_path, [
        ["Förstudie 2024", "Projektledare", "300 000", "295 000", "förbund"],
        ["Förstudie", "Kartläggning", "120 000", "118 500", "förbund"],
        [2024, "Coacher", "450 000", "440 000", "förbund"],
        [2025, "Coacher", "900 000", "870 000", "förbund"]]))
    said = {p.row: p for p in problems if p.key == "budget.period_prestudy"}
    assert set(said) == {4, 5} and len(problems) == 2
    assert "skriv 2024 (" in said[4].text("sv") and "'Förstudie: Projektledare'" in said[4].text("sv")
    assert "skriv 2024 (" in said[5].text("sv") and "'Förstudie: Kartläggning'" in said[5].text("sv")
    assert "write 2024 (" in said[5].text("en")
