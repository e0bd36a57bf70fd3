"""Reading the reports as a board member: a structural project's person-years beside the present values of its
table of actors, and in the portfolio's workbook; a running share goal's figure in the portfolio said as its report
says it; a main goal set for a group naming its group once on page 1."""
from __future__ import annotations

import re
import textwrap

import pandas as pd
import pytest
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.goals import GoalVerdict
from evaltools.present import portfolio as pf_module
from evaltools.present.display import Table
from evaltools.present.portfolio import Portfolio
from evaltools.publish.workbook import portfolio_sheet

from .conftest import write_csv
from .test_unseen_projects_21 import _page_one_goals, _unga

# --- 1. a structural project: the person-years' cost, the actors' present value, the portfolio's workbook --------

# one year, 120 000 kr paid in 2022 (the price year), a level of 10 000 kr a month in 2022 prices: the person-years
# divide 120 000 kr by 12 × 10 000 = 120 000 kr, 1,0; the table of actors discounts the same cost at 3.5 % a year to
# the start, so its public financiers' present value lies between 120 000 / 1.035 = 115 942 kr and 120 000 kr
STRUCTURAL = """\
id: rutiner
title: Gemensamma rutiner
forbund: Testförbundet
owner: Testförbundet
kind: struktur
period: {start: 2022-01-01, planned_end: 2022-12-31}
granted_sek: 120000
target_population: {size: 100, description: handläggare}
data: {budget: data/budget.csv}
goals:
  - {id: rutin, kind: qualitative, label: En gemensam rutin}
cost_benefit:
  price_year: 2022
  monthly_level: {method: fixed, amount_sek: 10000, amount_year: 2022}
  discount_rate: 0.035
"""


def _structural(tmp_path):
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Processledare", "budget": 120000,
                                                  "actual": 120000}])
    p = tmp_path / "rutiner.yaml"
    p.write_text(STRUCTURAL, encoding="utf-8")
    return p


def _kr(text: str) -> int:
    """The amount in kr a cell or a clause writes (``115 942 kr``, ``SEK 115,942``)."""
    return int(re.sub(r"\D", "", text))


@pytest.mark.parametrize("lang, says", [
    ("sv", "Tabellen per aktör nedan visar i stället kostnaden som nuvärde, diskonterad till projektets start, och "
           "därför ett annat belopp, "),
    ("en", "The table by actor below shows the cost as a present value instead, discounted to the project's start, "
           "and so another amount, "),
])
def test_the_person_years_note_says_why_the_actors_cost_differs(tmp_path, lang, says):
    from evaltools.present.sections import costbenefit as cb_section
    r = et.Report(et.load_project(_structural(tmp_path)), lang=lang)
    table = cb_section.key_figures(r)
    [note] = [n for n in table.notes if says in n]
    # the note names the cost the person-years divide (120 000 kr) and the present value the actors' table shows
    assert ("120\u00a0000\u00a0kr" if lang == "sv" else "SEK\u00a0120,000") in note.replace("\u202f", "\u00a0")
    pv_said = _kr(note.split(says)[1])
    actors = cb_section.perspective_table(r).frame
    public = "De offentliga finansiärerna" if lang == "sv" else "The public financiers"
    row = actors[actors.iloc[:, 0] == public]
    assert _kr(row.iloc[0, 1]) == pv_said  # the same figure as the table beside it
    assert 115_942 <= pv_said < 120_000  # discounted: not the 120 000 kr the person-years divide


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_portfolio_workbook_has_the_person_years_its_first_page_gives(tmp_path, lang):
    pf = Portfolio([_structural(tmp_path)], lang)
    [said] = [s for s in pf.conclusions()[1].paragraphs if "Gemensamma rutiner" in s]
    # 120 000 / (12 × 10 000) = 1,0 person-years on the portfolio's first page
    assert ("minst 1,0 personår" if lang == "sv" else "1.0 person-years") in said
    sheet = portfolio_sheet(pf.table)
    row = sheet.frame.set_index("id").loc["rutiner"]
    assert row["break_even_person_years"] == pytest.approx(120_000 / (12 * 10_000))
    assert row["break_even_cost"] == pytest.approx(120_000)  # the cost they divide, in 2022 prices, not discounted
    assert row["price_year"] == 2022
    names = {c.source for c in sheet.columns}
    assert {"break_even_person_years", "break_even_cost", "price_year"} <= names


# --- 2. a running share goal: the portfolio says its figure as the report does -----------------------------------

# 29 enrolled in 2022: 10 to work, 8 still on support, 5 moved (left out of the share goal's base), 6 still enrolled at
# the data's date 2022-12-31, the project running to 2023-12-31: the share goal (whole period) runs on, "Pågår";
# its figure so far 10 / (10 + 8) = 55,6 %, 95 % exact interval from scipy's beta distribution below
RUNNING = """\
    kind: individ
    data_as_of: 2022-12-31
    goals:
      - id: antal
        kind: outcome_count
        label: Minst 5 personer per år till arbete
        target: 5
        period: project_year
        count_by: exit
        success_outcomes: [arbete]
      - id: andel
        kind: share
        label: Minst 50 % av de avslutade till arbete
        target: 0.5
        period: whole_period
        denominator: exits
        exclude_from_denominator: [flyttat]
        success_outcomes: [arbete]
    """


def _running(tiny_project):
    outcomes = ["arbete"] * 10 + ["kvar_försörjningsstöd"] * 8 + ["flyttat"] * 5 + [""] * 6
    rows = [{"person_id": f"R{i:02d}", "sex": ("kvinna", "man")[i % 2], "birth_year": 1980,
             "household_type": "ensamstående", "start_date": f"2022-{1 + i % 6:02d}-0{1 + i % 9}",
             "end_date": f"2022-{7 + i % 5:02d}-15" if o else "", "outcome": o} for i, o in enumerate(outcomes)]
    write_csv(tiny_project.dir / "data" / "participants.csv", rows)
    return tiny_project(RUNNING, data_block="data:\n  participants: data/participants.csv\n  budget: data/budget.csv\n")


@pytest.mark.parametrize("lang, verdict, so_far, pct", [
    ("sv", "Pågår", "hittills", lambda v: f"{v * 100:.1f}".replace(".", ",") + "\u00a0%"),
    ("en", "Running", "so far", lambda v: f"{v * 100:.1f}%"),
])
def test_a_running_share_goals_figure_says_pågår_in_the_portfolio_as_in_the_report(tiny_project, lang, verdict,
                                                                                    so_far, pct):
    params = _running(tiny_project)
    report = et.Report(et.load_project(params), lang=lang)
    goals = report.goals.table
    assert goals.loc[goals["goal_id"] == "andel", "verdict"].iloc[0] == GoalVerdict.RUNNING
    parts: list = []
    original = pf_module.show
    pf_module.show = lambda *p: parts.extend(p)
    try:
        pf = Portfolio([params], lang)
        pf.overview()
    finally:
        pf_module.show = original
    people = next(p for p in parts if isinstance(p, Table))
    cell = str(people.frame.iloc[0, 4]).replace("\u202f", "\u00a0")
    low, high = beta.ppf(0.025, 10, 9), beta.ppf(0.975, 11, 8)  # Clopper–Pearson for 10 of 18
    assert cell == f"{verdict} – {so_far} {pct(10 / 18)} ({pct(low)}–{pct(high)})"
    # the portfolio's goal table gives the same goal the same word
    goal_table = [p for p in parts if isinstance(p, Table)][-1]  # (project, goal, verdict)
    frame = goal_table.frame
    share_goal = frame[frame.iloc[:, 1].str.contains("av de avslutade till arbete")]
    assert share_goal.iloc[0, 2] == verdict, frame
    # and the portfolio's workbook marks the same share as the figure so far of a running goal
    assert portfolio_sheet(pf.table).frame.set_index("id").loc["tiny", "success_goal_running"] == True  # noqa: E712


def test_a_share_whose_goal_is_judged_is_shown_as_before(tiny_project):
    params = _running(tiny_project)
    text = params.read_text(encoding="utf-8").replace("data_as_of: 2022-12-31\n", "").replace(
        "planned_end: 2023-12-31", "planned_end: 2022-12-31")
    params.write_text(text, encoding="utf-8")
    pf = Portfolio([params], "sv")
    assert pf.share_goal_running() == [False]
    assert portfolio_sheet(pf.table).frame.set_index("id").loc["tiny", "success_goal_running"] == False  # noqa: E712


# --- 3. a main goal set for a group names its group once on page 1 -----------------------------------------------

@pytest.mark.parametrize("lang, group", [("sv", "(under 25 år vid start)"), ("en", "(under 25 at start)")])
def test_page_one_names_the_main_goals_group_once(tmp_path, lang, group):
    said = _page_one_goals(et.Report(et.load_project(_unga(tmp_path)), lang=lang))
    # the main goal (among: {age_below: 25}) has its own line on page 1, which names the group; the sentence on
    # the successes counted for everyone says so without naming it again
    assert sum(s.count(group) for s in said) == 1, said
    everyone = ("inte bara för gruppen som huvudmålet gäller" if lang == "sv"
                else "not only for the group the main goal is set for")
    assert any(everyone in s for s in said)


def test_the_group_is_named_where_the_main_goal_has_no_line_of_its_own(tmp_path):
    # an evaluator's goal marked main has no line among the application's goals on page 1: the sentence names it
    p = _unga(tmp_path)
    text = p.read_text(encoding="utf-8").replace("    among: {age_below: 25}\n",
                                                 "    among: {age_below: 25}\n    main: true\n    source: utvärderare\n")
    text += textwrap.indent(textwrap.dedent("""\
        - id: antal
          kind: participant_count
          label: Minst 10 deltagare
          target: 10
          period: whole_period
        """), "  ")
    p.write_text(text, encoding="utf-8")
    said = _page_one_goals(et.Report(et.load_project(p), lang="sv"))
    assert any("Huvudmålet gäller bara sin grupp av deltagarna (under 25 år vid start)" in s for s in said), said
    assert not any(isinstance(s, pd.DataFrame) for s in said)
