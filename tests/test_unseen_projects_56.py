"""Two kinds of project set up from the data contract as an evaluator reads it: an application for 2027–2029 that
expects 30, 40 and 40 participants in its three years, its budget pasted from the application as a förbund lays
it out (a title row, columns 'År 1', 'År 2', 'År 3', 'Totalt', the financing under the costs: 'Kommunen (egen
insats)', 'Region (i tjänst)', 'Sökt från förbundet'). Each year's goal is compared with that year's own volume,
the minimum detectable effect counts the three years' participants, and the budget is refused with what to write
instead of being read with every krona twice. Tiny projects in tmp_path; expected values by hand in the comments."""
from __future__ import annotations

import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.analysis.power import expected_participants
from evaltools.data.params import ParamsError

from .conftest import load_problems

HEAD = """\
id: arbetsbron
title: Arbetsbron
forbund: Testförbundet
owner: Testkommun
kind: ansökan
period: {start: 2027-01-01, planned_end: 2029-12-31}
granted_sek: 3000000
"""

GOALS = """\
goals:
  - id: deltagare
    kind: participant_count
    label: 30 deltagare år 1, 40 år 2 och 40 år 3
    targets: {1: 30, 2: 40, 3: 40}
  - id: totalt
    kind: participant_count
    label: Totalt 110 deltagare
    target: 110
    period: whole_period
"""


def _params(tmp_path, body: str) -> object:
    p = tmp_path / "arbetsbron.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- expected participants per project year ---------------------------------------------------------------------
def test_each_project_year_is_compared_with_its_own_expected_volume(tmp_path):
    """30, 40, 40 a year: each year's goal is met by its own year's volume (30 against 30, 40 against 40), not by
    their mean, 36,7, which would leave years 2 and 3 short (37 < 40) and over-promise year 1. The whole period
    holds 30 + 40 + 40 = 110 against 110, and the minimum detectable effect counts the same 110."""
    p = et.load_project(_params(tmp_path, "expected: {participants_per_year: {1: 30, 2: 40, 3: 40}, "
                                          "successes_per_year: 13}\n" + GOALS))
    assert p.params.expected.participants_by_year == {1: 30, 2: 40, 3: 40}
    assert p.params.expected.participants_per_year == pytest.approx(110 / 3)
    table = assess_goals(p).table
    yearly = table[table["goal_id"] == "deltagare"]
    assert yearly["value"].tolist() == [30, 40, 40]
    assert (yearly["status"] == GoalStatus.VOLUMES_REACH).all()
    whole = table[table["goal_id"] == "totalt"]
    assert whole["value"].tolist() == [110]
    assert expected_participants(p) == 110


def test_one_number_a_year_is_read_as_before(tmp_path):
    """40 a year over three years: each year 40, the whole period 120, and no volumes per year are kept."""
    p = et.load_project(_params(tmp_path, "expected: {participants_per_year: 40}\n" + GOALS))
    assert p.params.expected.participants_by_year is None
    table = assess_goals(p).table
    assert table[table["goal_id"] == "deltagare"]["value"].tolist() == [40, 40, 40]
    assert expected_participants(p) == 120


@pytest.mark.parametrize("written, says", [
    ("{2027: 30, 2028: 40, 2029: 40}", "{2027: 30, 2028: 40, 2029: 40}"),  # calendar years as keys
    ("{1: 30, 3: 40}", "{1: 30, 3: 40}"),  # a year skipped
    ("{1: 30, 2: many}", "many"),  # a volume that is no number
])
def test_volumes_per_year_with_other_keys_are_refused_with_what_to_write(tmp_path, written, says):
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, f"expected: {{participants_per_year: {written}}}\n"))
    text = str(e.value)
    assert "participants_per_year" in text and says in text and "{1: 30, 2: 40, 3: 40}" in text


def test_volumes_for_two_years_of_a_three_year_project_are_refused_naming_the_years(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, "expected: {participants_per_year: {1: 30, 2: 40}}\n"), lang="sv")
    text = str(e.value)
    assert "år 1, 2" in text and "projektåren 1, 2, 3" in text and "2027-01-01 – 2029-12-31" in text


# --- an application's budget as the förbund lays it out -----------------------------------------------------------
def _budget(tmp_path, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Budget Arbetsbron 2027–2029 (tkr)"])  # (a title of one cell that reads as a budget heading)
    ws.append([])
    for r in rows:
        ws.append(r)
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / "budget.xlsx")


BUDGET_BODY = "expected: {participants_per_year: 40}\ndata: {budget: data/budget.xlsx, amount_unit: tkr}\n"
COSTS = [["Personal", 1200, 1240, 1280, 3720], ["Lokaler", 120, 120, 120, 360],
         ["Summa kostnader", 1320, 1360, 1400, 4080]]


def test_columns_headed_by_the_project_years_alone_are_refused_with_the_budget_headings_to_write(tmp_path):
    """'År 1', 'År 2', 'År 3' under a title row: the header is found on the file's row 3 (not the title's row 1, the
    file then said to have no headings), and the years are told to be headed 'Budget År 1', ... – not taken for
    co-financiers' columns with a line 'Personal År 1' and 'Budget 2025' to write."""
    _budget(tmp_path, [["Kostnadsslag", "År 1", "År 2", "År 3", "Totalt"], *COSTS])
    (pr,) = load_problems(_params(tmp_path, BUDGET_BODY))
    assert pr.key == "budget.period_columns" and pr.row == 3 and pr.column == "År 1"
    sv, en = pr.text("sv"), pr.text("en")
    assert "'Budget År 1', 'Budget År 2', 'Budget År 3'" in sv and "'Budget Totalt'" in sv
    assert "2025" not in sv and "'Personal År 1'" not in sv
    assert "'Budget År 1'" in en


def test_the_financing_under_the_costs_is_refused_once_without_the_totals_said_not_to_match(tmp_path):
    """The costs add up to their 'Summa kostnader' (1 200 + 120 = 1 320, ...). Under them the financing, rows 7–11
    of the file: read as cost lines the year's lines would hold 1 320 + 1 320 = 2 640 against the stated 1 320, and
    the total column 4 080 twice. One message names the financing's rows; no total is said to be wrong."""
    _budget(tmp_path, [["Kostnadsslag", "Budget År 1", "Budget År 2", "Budget År 3", "Budget Totalt"], *COSTS,
                       ["Finansiering"],
                       ["Kommunen (egen insats)", 200, 200, 200, 600],
                       ["Region (i tjänst)", 100, 100, 100, 300],
                       ["Sökt från förbundet", 1020, 1060, 1100, 3180],
                       ["Summa finansiering", 1320, 1360, 1400, 4080]])
    (pr,) = load_problems(_params(tmp_path, BUDGET_BODY))
    assert pr.key == "budget.financing_rows" and pr.row == 7
    sv = pr.text("sv")
    assert "raderna 7–11" in sv and "'Sökt från förbundet'" in sv and "Finansiär" in sv
    assert "rows 7–11" in pr.text("en")


def test_the_budget_written_as_the_message_says_is_read_with_each_funders_part(tmp_path):
    """The same costs with the partners' time as lines of their own and the funder beside each: 1 320 + 1 360 +
    1 400 = 4 080 tkr, of which the municipality's own 3 × 200 = 600 tkr and the region's 3 × 100 = 300 tkr."""
    _budget(tmp_path, [["Kostnadsslag", "Finansiär", "Budget År 1", "Budget År 2", "Budget År 3", "Budget Totalt"],
                       ["Personal", "förbund", 900, 940, 980, 2820], ["Lokaler", "förbund", 120, 120, 120, 360],
                       ["Personal, kommunen (egen insats)", "egen", 200, 200, 200, 600],
                       ["Personal, regionen (i tjänst)", "region", 100, 100, 100, 300],
                       ["Summa kostnader", "", 1320, 1360, 1400, 4080]])
    b = et.load_project(_params(tmp_path, BUDGET_BODY)).budget
    assert float(b["budget"].sum()) == pytest.approx(4_080_000)
    assert float(b.loc[b["funder"] == "egen", "budget"].sum()) == pytest.approx(600_000)
    assert float(b.loc[b["funder"] == "region", "budget"].sum()) == pytest.approx(300_000)


def test_the_expected_share_note_gives_the_mean_it_divides_by_as_the_share_shows_it(tmp_path):
    """13 successes a year over (30 + 40 + 40) / 3 = 36,67 participants a year: 35,5 % (13 / 36,67 = 0,3545). The
    note gives the participants as 36,7, from which a reader gets the share shown, not as 37 (13 / 37 = 35,1 %)."""
    from evaltools.present.sections import goals as goals_section
    p = et.load_project(_params(tmp_path, "expected: {participants_per_year: {1: 30, 2: 40, 3: 40}, "
                                          "successes_per_year: 13}\n" + textwrap.dedent("""\
        goals:
          - id: arbete
            kind: share
            label: Minst 35 % till arbete eller studier
            target: 0.35
            period: whole_period
            denominator: exits
        """)))
    assert assess_goals(p).table["value"].round(4).tolist() == [0.3545]
    (note,) = goals_section.expected_share_notes(et.Report(p, lang="sv"))
    assert "13 förväntade avslut" in note and "i genomsnitt 36,7 förväntade deltagare per år" in note


# --- a staff survey exported from a survey tool ------------------------------------------------------------------
def test_a_survey_tools_response_number_is_no_question_of_a_row_per_respondent():
    """'Svarsid', the tool's number for each response, beside 'Datum' and two questions: the message counts the two
    questions, not three with 'Svarsid' (nor 'Response ID', as an English export heads it)."""
    from evaltools.data import survey
    head = ["Svarsid", "Datum", "Jag känner till uppdragen", "Jag vet vem jag ska kontakta"]
    assert survey.wide_questions(head) == ("wide", ["Jag känner till uppdragen", "Jag vet vem jag ska kontakta"])
    assert survey.wide_questions(["Response ID", *head[1:]])[1] == head[2:]


def test_a_calendar_year_goal_takes_the_project_years_volumes_by_their_days_in_it(tmp_path):
    """A project from 2026-07-01 to 2029-06-30 expecting 30, 40 and 40: calendar 2027 holds the end of year 1
    (2027-01-01 – 2027-06-30, 181 days) and the start of year 2 (2027-07-01 – 2027-12-31, 184 days):
    (30 × 181 + 40 × 184) / 365 = 35,04 → 35 (the years' mean, 36,7, would give 37). Calendar 2026 is year 1's
    alone, pro-rated for its 184 days: 30 × 184 / 365 = 15,1 → 15."""
    path = tmp_path / "arbetsbron.yaml"
    path.write_text(HEAD.replace("2027-01-01", "2026-07-01").replace("2029-12-31", "2029-06-30")
                    + "expected: {participants_per_year: {1: 30, 2: 40, 3: 40}}\n"
                    + "goals:\n  - {id: ny, kind: participant_count, label: Minst 30 deltagare per kalenderår, "
                    + "target: 30, period: calendar_year}\n", encoding="utf-8")
    values = assess_goals(et.load_project(path)).table["value"].tolist()
    assert values[:2] == [15, 35]


def test_ingen_asikt_from_a_survey_tool_is_refused_once_with_vet_ej_to_write(tmp_path):
    """'Ingen åsikt' on rows 3 and 5 of one question (and 'Vet ej', read as before, on row 4): one message naming
    both rows and 'vet ej' to write, not the scale's labels as for a typing error."""
    from .test_survey_48 import HEAD as RESPONSE_HEAD
    from .test_survey_48 import STAFF, _problems, _workbook
    rows = [RESPONSE_HEAD, [None, "personal", "2025-05-02", "Q2", "Instämmer helt"],
            [None, "personal", "2025-05-02", "Q2", "Ingen åsikt"], [None, "personal", "2025-05-02", "Q2", "Vet ej"],
            [None, "personal", "2025-05-02", "Q2", "Ingen åsikt"]]
    _workbook(tmp_path, {"responses": rows})
    (pr,) = _problems(tmp_path, STAFF)
    assert pr.key == "survey.answer_no_opinion" and pr.row == 3
    sv = pr.text("sv")
    assert "(rad 3, 5)" in sv and "skriv 'vet ej'" in sv and "Instämmer delvis inte" not in sv
    assert "write 'vet ej'" in pr.text("en")
