"""A project whose six-month pre-study (förstudie, 2024-01-01 – 2024-06-30) comes before a two-year implementation
(2024-07-01 – 2026-06-30): with ``period.implementation_start`` project years count from the implementation's first
day, the pre-study is its own period, and without the key everything counts from ``period.start`` as before. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import pytest

import evaltools as et
from evaltools.analysis.costbenefit.model import _cost_months
from evaltools.analysis.goals import period_windows
from evaltools.data import schema as S
from evaltools.data.errors import ParamsError
from evaltools.data.params import goal_years
from evaltools.present.display import Text
from evaltools.words.labels import category_label

from .conftest import write_csv

PRE = "period: {start: 2024-01-01, implementation_start: 2024-07-01, planned_end: 2026-06-30}"
NO_PRE = "period: {start: 2024-01-01, planned_end: 2026-06-30}"

HEAD = """\
id: prestudy65
title: Vägen efter förstudien
forbund: Samordningsförbundet Test
owner: Test kommun
kind: individ
{period}
data_as_of: 2026-06-30
granted_sek: 3000000
"""

# one participant in the pre-study, two in the implementation's year 1 (its first and last day), two in year 2
PEOPLE = [("P01", "2024-05-10", "2024-12-31", "arbete"), ("P02", "2024-07-01", "2025-03-31", "arbete"),
          ("P03", "2025-06-30", "2025-12-31", "studier"), ("P04", "2025-07-01", "2026-03-31", "arbete"),
          ("P05", "2026-01-10", "", "")]

BUDGET = [{"period": "2024", "category": "Förstudie: Kartläggning", "budget": 300000, "actual": 290000,
           "funder": "förbund"},
          {"period": "2025", "category": "Coacher", "budget": 900000, "actual": 880000, "funder": "förbund"},
          {"period": "2026", "category": "Coacher", "budget": 450000, "actual": 440000, "funder": "förbund"}]


def _project(tmp_path, period: str = PRE, goals: str = "", budget: list[dict] | None = None):
    write_csv(tmp_path / "data" / "deltagare.csv",
              [{"person_id": p, "sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående",
                "start_date": s, "end_date": e, "outcome": o} for p, s, e, o in PEOPLE])
    files = "data: {participants: data/deltagare.csv" + (", budget: data/budget.csv}\n" if budget else "}\n")
    if budget:
        write_csv(tmp_path / "data" / "budget.csv", budget)
    path = tmp_path / "prestudy65.yaml"
    path.write_text(HEAD.format(period=period) + files + textwrap.dedent(goals), encoding="utf-8")
    return path


def _refusal(path, lang: str) -> str:
    with pytest.raises(ParamsError) as e:
        et.load_project(path, lang=lang)
    return e.value.message(lang)


# --- the key and its validation ----------------------------------------------------------------------------------
@pytest.mark.parametrize("day", ["2024-01-01", "2023-12-01", "2026-06-30", "2027-01-01"])
def test_an_implementation_start_outside_the_period_is_refused_with_what_to_write(tmp_path, day):
    """On the start (no pre-study), before it, on the end or after it: refused, naming the file, the key, the value,
    the period's start and end, and the line to write."""
    path = _project(tmp_path, f"period: {{start: 2024-01-01, implementation_start: {day}, planned_end: 2026-06-30}}")
    sv, en = _refusal(path, "sv"), _refusal(path, "en")
    for text in (sv, en):
        assert str(path) in text and "implementation_start" in text and day in text
        assert "2024-01-01" in text and "2026-06-30" in text
        assert "implementation_start: ÅÅÅÅ-MM-DD" in sv and "implementation_start: YYYY-MM-DD" in en


def test_an_implementation_start_after_an_early_end_is_refused(tmp_path):
    """The end that counts is the actual one: a project that ended 2025-03-31 cannot begin its implementation on
    2025-06-01."""
    path = _project(tmp_path, "period: {start: 2024-01-01, implementation_start: 2025-06-01, planned_end: 2026-06-30, "
                              "actual_end: 2025-03-31}")
    assert "2025-06-01" in _refusal(path, "sv") and "2025-03-31" in _refusal(path, "sv")


def test_project_years_start_on_the_implementations_first_day_or_on_start(tmp_path):
    with_key = et.load_project(_project(tmp_path)).params.period
    assert with_key.years_start == dt.date(2024, 7, 1)
    assert with_key.prestudy == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    without = et.load_project(_project(tmp_path, NO_PRE)).params.period
    assert without.years_start == dt.date(2024, 1, 1) and without.prestudy is None


# --- participants by project year -----------------------------------------------------------------------------------
def test_participants_count_by_the_implementations_years_and_the_pre_study_is_its_own(tmp_path):
    """Year 1 is 2024-07-01 – 2025-06-30, year 2 2025-07-01 – 2026-06-30: P01 (2024-05-10) is the pre-study's (0),
    P02 (2024-07-01) and P03 (2025-06-30) year 1, P04 (2025-07-01) and P05 (2026-01-10) year 2. Their ends: P01's
    2024-12-31 in year 1, P03's 2025-12-31 and P04's 2026-03-31 in year 2."""
    df = et.load_project(_project(tmp_path)).participants.set_index("person_id")
    assert df[S.PROJECT_YEAR].to_dict() == {"P01": 0, "P02": 1, "P03": 1, "P04": 2, "P05": 2}
    assert df[S.EXIT_PROJECT_YEAR].dropna().astype(int).to_dict() == {"P01": 1, "P02": 1, "P03": 2, "P04": 2}


def test_without_the_key_project_years_count_from_start_as_before(tmp_path):
    """From 2024-01-01: 2024-05-10 and 2024-07-01 are year 1, 2025-06-30 and 2025-07-01 year 2, 2026-01-10 year 3."""
    df = et.load_project(_project(tmp_path, NO_PRE)).participants.set_index("person_id")
    assert df[S.PROJECT_YEAR].to_dict() == {"P01": 1, "P02": 1, "P03": 2, "P04": 2, "P05": 3}
    assert not [w for w in et.load_project(_project(tmp_path, NO_PRE)).warnings if w.key == "person.start_in_prestudy"]


def test_a_participant_who_started_in_the_pre_study_is_counted_and_named(tmp_path):
    """P01, on file row 2 (the header on row 1), is the one participant who began in the pre-study."""
    project = et.load_project(_project(tmp_path))
    assert project.participants["person_id"].nunique() == 5
    said = [w for w in project.warnings if w.key == "person.start_in_prestudy"]
    assert len(said) == 1 and said[0].row == 2
    assert "1 deltagare började under förstudien (2024-01-01 – 2024-06-30)" in said[0].text("sv")
    assert "period.implementation_start" in said[0].text("en") and "row 2." in said[0].text("en")


def test_the_pre_study_is_labelled_as_such_where_intake_years_are_listed():
    assert category_label(S.PROJECT_YEAR, S.PRESTUDY_YEAR, "sv") == "Förstudie"
    assert category_label(S.PROJECT_YEAR, S.PRESTUDY_YEAR, "en") == "Pre-study"
    assert category_label(S.PROJECT_YEAR, 2, "sv") == "År 2"


# --- goals -------------------------------------------------------------------------------------------------------
GOAL = """\
privacy: {{min_count: 2}}
goals:
  - id: deltagare
    kind: participant_count
    label: {label}
    target: 2
"""


def test_a_goal_per_project_year_of_the_implementation_is_read_as_written_with_the_key(tmp_path):
    """Two windows, the implementation's years; the count per year by intake: 2 (P02, P03) and 2 (P04, P05). P01,
    of the pre-study, is in neither; the whole period has all five."""
    project = et.load_project(_project(tmp_path, goals=GOAL.format(
        label="Minst 2 deltagare per projektår under genomförandet")))
    tab = et.assess_goals(project).table
    assert tab["period_key"].tolist() == ["år1", "år2"] and tab["value"].tolist() == [2, 2]
    wins = period_windows(project.params, "project_year")
    assert [(w.first, w.last) for w in wins] == [(dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
                                                 (dt.date(2025, 7, 1), dt.date(2026, 6, 30))]
    whole = period_windows(project.params, "whole_period")
    assert [(w.first, w.last) for w in whole] == [(dt.date(2024, 1, 1), dt.date(2026, 6, 30))]
    assert goal_years(project.params.period, "project_year") == [1, 2]
    assert goal_years(project.params.period, "calendar_year") == [2024, 2025, 2026]


def test_without_the_key_a_goal_per_year_of_the_implementation_is_refused_naming_the_key(tmp_path):
    path = _project(tmp_path, NO_PRE, goals=GOAL.format(label="Minst 2 deltagare per projektår under genomförandet"))
    sv, en = _refusal(path, "sv"), _refusal(path, "en")
    assert "mål 1 (id: deltagare)" in sv and "'under genomförandet'" in sv
    assert "period.implementation_start" in sv and "implementation_start: ÅÅÅÅ-MM-DD" in sv
    assert "goal 1 (id: deltagare)" in en and "period.implementation_start" in en


def test_without_the_key_a_plain_goal_per_year_keeps_three_years_from_start(tmp_path):
    """2024-01-01 – 2026-06-30 from its start: years 1 and 2 whole, year 3 (2026-01-01 – 2026-06-30) a part year."""
    project = et.load_project(_project(tmp_path, NO_PRE, goals=GOAL.format(label="Minst 2 deltagare per år")))
    assert et.assess_goals(project).table["period_key"].tolist() == ["år1", "år2", "år3"]
    assert [(w.first, w.last) for w in period_windows(project.params, "project_year")] == [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30))]


def test_expected_participants_per_year_follow_the_implementations_years(tmp_path):
    """Two project years with the key: a volume for each of the two is read; three (as from start) are refused."""
    two = "expected: {participants_per_year: {1: 10, 2: 12}}\n"
    assert et.load_project(_project(tmp_path, goals=two)).params.expected.participants_by_year == {1: 10, 2: 12}
    three = "expected: {participants_per_year: {1: 10, 2: 12, 3: 6}}\n"
    assert "står år 1, 2, 3, men" in _refusal(_project(tmp_path, goals=three), "sv")
    assert "projektet (2024-07-01 – 2026-06-30) har projektåren 1, 2;" in _refusal(_project(tmp_path, goals=three), "sv")
    assert "har projektåren 1, 2, 3;" in _refusal(_project(tmp_path, NO_PRE, goals=two), "sv")


# --- budget ------------------------------------------------------------------------------------------------------
def test_a_budgets_project_year_is_the_implementations(tmp_path):
    """With the key, 'år 1' is 2024-07 – 2025-06: months 6 to 17 from the project's first month (2024-01), its last
    day 2025-06-30; without it months 0 to 11 and 2024-12-31."""
    with_key = et.load_project(_project(tmp_path)).params
    without = et.load_project(_project(tmp_path, NO_PRE)).params
    assert _cost_months("år 1", with_key) == (6, 17) and _cost_months("år 2", with_key) == (18, 29)
    assert _cost_months("år 1", without) == (0, 11)
    assert S.budget_period_end("år 1", with_key.period.years_start, with_key.period.end) == dt.date(2025, 6, 30)


def test_a_budget_line_before_the_projects_start_is_named(tmp_path):
    """A 2023 line (file row 2) for a project from 2024-01-01 is counted, as before, and now told: in validate's
    notes and the report's data-quality notes, naming its row and the start. The total actual: 50 000 + 290 000 +
    880 000 + 440 000 = 1 660 000 kr."""
    early = [{"period": "2023", "category": "Förberedelse", "budget": 50000, "actual": 50000, "funder": "förbund"}]
    for period in (PRE, NO_PRE):
        project = et.load_project(_project(tmp_path, period, budget=early + BUDGET))
        said = [w for w in project.warnings if w.key == "budget.before_start"]
        assert len(said) == 1 and said[0].row == 2 and said[0].severity == "warning"
        assert "rad 2 har belopp för 2023" in said[0].text("sv") and "2024-01-01" in said[0].text("sv")
        assert "row 2 has amounts for 2023" in said[0].text("en")
        assert project.budget["actual"].sum() == 1_660_000
    plain = et.load_project(_project(tmp_path, PRE, budget=BUDGET))
    assert not [w for w in plain.warnings if w.key == "budget.before_start"]


def test_a_budget_of_project_years_has_no_gap_for_the_pre_study(tmp_path):
    """With the key, 'år 1' and 'år 2' cover the project's years (the pre-study's lines written in år 1, as the
    contract says): no period is missing; without it the same budget lacks år 3 (2026-01-01 – 2026-06-30)."""
    years = [{"period": "år 1", "category": "Coacher", "budget": 900000, "actual": 880000, "funder": "förbund"},
             {"period": "år 2", "category": "Coacher", "budget": 900000, "actual": 870000, "funder": "förbund"}]
    with_key = et.load_project(_project(tmp_path, PRE, budget=years))
    assert not [w for w in with_key.warnings if w.key == "budget.periods_missing"]
    without = et.load_project(_project(tmp_path, NO_PRE, budget=years))
    missing = [w for w in without.warnings if w.key == "budget.periods_missing"]
    assert len(missing) == 1 and "år 3" in missing[0].text("sv")


# --- the report: where the pre-study stands -----------------------------------------------------------------------
def _report_project(tmp_path, period: str = PRE):
    """Five participants who began in the pre-study (2024-03-01 … 2024-06-21, ten days apart), six in the
    implementation's year 1 (from 2024-07-01, 30 days apart) and five in year 2 (from 2025-07-01, 30 days apart),
    each ended 120 days after starting to work; a budget of 2 000 000 kr of utfall in calendar years."""
    first = [dt.date(2024, 3, 1) + dt.timedelta(days=10 * i) for i in range(5)] \
        + [dt.date(2024, 7, 1) + dt.timedelta(days=30 * i) for i in range(6)] \
        + [dt.date(2025, 7, 1) + dt.timedelta(days=30 * i) for i in range(5)]
    write_csv(tmp_path / "data" / "deltagare.csv",
              [{"person_id": f"R{i:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                "household_type": "ensamstående", "start_date": s.isoformat(),
                "end_date": (s + dt.timedelta(days=120)).isoformat(), "outcome": "arbete"}
               for i, s in enumerate(first, 1)])
    write_csv(tmp_path / "data" / "budget.csv", [
        {"period": "2024", "category": "Förstudie: Kartläggning", "budget": 400000, "actual": 400000,
         "funder": "förbund"},
        {"period": "2025", "category": "Coacher", "budget": 1000000, "actual": 1000000, "funder": "förbund"},
        {"period": "2026", "category": "Coacher", "budget": 600000, "actual": 600000, "funder": "förbund"}])
    path = tmp_path / "prestudy65.yaml"
    path.write_text(HEAD.format(period=period) + "data: {participants: data/deltagare.csv, budget: data/budget.csv}\n"
                    + GOAL.format(label="Minst 2 deltagare per projektår under genomförandet"), encoding="utf-8")
    return path


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("lang, intake, cost, facts", [
    ("sv", "16 deltagare (5 under förstudien, 6 under år 1 och 5 under år 2)", "förstudien 2024-01-01 – 2024-06-30 "
     "inräknad", {"Förstudie": "2024-01-01 – 2024-06-30", "Genomförandets start (projektår 1)": "2024-07-01"}),
    ("en", "16 participants (5 in the pre-study, 6 in year 1 and 5 in year 2)", "the pre-study 2024-01-01 – "
     "2024-06-30 included", {"Pre-study": "2024-01-01 – 2024-06-30",
                             "Start of the implementation (project year 1)": "2024-07-01"})])
def test_the_report_shows_the_pre_study_as_its_own_period_and_says_the_cost_counts_it(tmp_path, lang, intake, cost,
                                                                                      facts):
    """Page 1's intake by year: 5 + 6 + 5 = 16, each year counted from 2024-07-01; the cost per participant is
    2 000 000 / 16 = 125 000 kr, with the pre-study's 400 000 kr in it, and says so; the facts table names the
    pre-study and the day project year 1 begins; the goal section and the method say where years count from."""
    from evaltools.present.sections import facts as facts_section, goals as goals_section, method, summary
    r = et.Report(_report_project(tmp_path), lang=lang)
    assert intake in _plain(" ".join(summary.participation(r)))
    said_cost = _plain(" ".join(summary.cost(r)))
    # (page 1 rounds to two figures, 125 000 up to 130 000; the key figures give 125 000 and the same note)
    assert cost in said_cost and ("130 000 kr per deltagare" in said_cost or "SEK 130,000 per participant" in said_cost)
    from evaltools.present.sections import costbenefit as cb_section
    kf = cb_section.key_figures(r)
    assert any(_plain(str(v)) in ("125 000 kr", "SEK 125,000") for v in kf.frame.iloc[:, 1])
    assert any("2024-01-01 – 2024-06-30" in _plain(n) for n in kf.notes)
    rows = dict(facts_section.rows(r))
    assert all(rows[k] == v for k, v in facts.items())
    intro = _plain(" ".join(x for b in goals_section.blocks(r) for part in b for x in (part.paragraphs if isinstance(part, Text) else [])))
    assert "2024-07-01" in intro and "2024-01-01 – 2024-06-30" in intro
    assert "projektets startdatum" not in intro and "project's start date" not in intro
    said_method = [_plain(p) for p in method.paragraphs(r)]
    assert any(p.startswith(("Måluppfyllelse: projektår räknas från genomförandets start 2024-07-01, efter förstudien "
                             "2024-01-01 – 2024-06-30.", "Goal fulfilment: project years count from the start of the "
                             "implementation, 2024-07-01, after the pre-study 2024-01-01 – 2024-06-30.")) for p in said_method)


def test_without_the_key_the_report_says_nothing_of_a_pre_study(tmp_path):
    """The same project without period.implementation_start: years from 2024-01-01, so the five of the pre-study and
    the six from 2024-07-01 (the last 2024-11-27) are year 1's 11, the five from 2025-07-01 year 2's; no pre-study
    in the facts, the intake or the cost (the goal per year of the implementation would be refused: per year here)."""
    path = _report_project(tmp_path, NO_PRE)
    path.write_text(path.read_text(encoding="utf-8").replace(" under genomförandet", ""), encoding="utf-8")
    from evaltools.present.sections import facts as facts_section, summary
    r = et.Report(path, lang="sv")
    said = _plain(" ".join(summary.participation(r) + summary.cost(r)))
    assert "förstudien" not in said.replace("Förstudie:", "")
    assert "16 deltagare (11 under år 1 och 5 under år 2)" in said
    assert "Förstudie" not in dict(facts_section.rows(r))
