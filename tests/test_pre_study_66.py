"""A pre-study (förstudie, 2024-01-01 – 2024-06-30) before a two-year implementation (2024-07-01 – 2026-06-30), read
from its files to the workbook: with ``period.implementation_start`` a budget's ``Förstudie`` lines are the
pre-study's own period (its six months, its year's prices, its own rows in the budget table), and the workbook's
first sheet names the pre-study as the report's facts table does. Without the key nothing changes. Each fixture is a
tiny project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.costbenefit.costs import _period_year
from evaltools.analysis.costbenefit.model import _cost_months
from evaltools.data import schema as S
from evaltools.data.errors import DataValidationError
from evaltools.words.labels import budget_period_label

from .conftest import write_csv

PRE = "period: {start: 2024-01-01, implementation_start: 2024-07-01, planned_end: 2026-06-30}"
NO_PRE = "period: {start: 2024-01-01, planned_end: 2026-06-30}"

HEAD = """\
id: prestudy66
title: Efter förstudien
forbund: Samordningsförbundet Test
owner: Test kommun
kind: individ
{period}
data_as_of: 2026-06-30
granted_sek: 2000000
data: {{participants: data/deltagare.csv, budget: data/budget.csv}}
"""

# one participant in the pre-study, two in the implementation's year 1, one in year 2; all ended
PEOPLE = [("P01", "2024-04-02", "2024-10-31", "arbete"), ("P02", "2024-08-01", "2025-03-31", "arbete"),
          ("P03", "2025-02-03", "2025-09-30", "studier"), ("P04", "2025-08-01", "2026-03-31", "arbete")]


def _line(period: str, category: str, budget: int, actual: int) -> dict:
    return {"period": period, "category": category, "budget": budget, "actual": actual, "funder": "förbund"}


# a budget kept in project years, the pre-study's two lines written as its own (300 000 kr budget, 287 500 kr utfall)
YEARS = [_line("Förstudie", "Kartläggning", 260000, 251000), _line("Förstudie", "Samverkansmöten", 40000, 36500),
         _line("år 1", "Coacher", 900000, 880000), _line("år 2", "Coacher", 450000, 440000)]


def _project(tmp_path, budget: list[dict], period: str = PRE):
    write_csv(tmp_path / "data" / "deltagare.csv",
              [{"person_id": p, "sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående",
                "start_date": s, "end_date": e, "outcome": o} for p, s, e, o in PEOPLE])
    write_csv(tmp_path / "data" / "budget.csv", budget)
    path = tmp_path / "prestudy66.yaml"
    path.write_text(HEAD.format(period=period), encoding="utf-8")
    return path


def _refusal(path, lang: str = "sv") -> str:
    with pytest.raises(DataValidationError) as e:
        et.load_project(path, lang=lang)
    return str(e.value)


def _plain(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").replace("\u202f", " ").split())


# --- reading the period ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["Förstudie", "förstudie", "Förstudien", "Förstudie 2024", "Pre-study"])
def test_a_pre_study_period_is_read_as_its_own_with_the_key(tmp_path, written):
    """Budget 260 000 + 40 000 + 900 000 + 450 000 = 1 650 000 kr, utfall 251 000 + 36 500 + 880 000 + 440 000 =
    1 607 500 kr: every line counted; no period missing (år 1, år 2 cover the implementation) and nothing 'before the
    start' (the pre-study is the project's own first months)."""
    budget = [dict(line, period=written) if line["period"] == "Förstudie" else line for line in YEARS]
    project = et.load_project(_project(tmp_path, budget))
    assert project.budget["budget"].sum() == 1_650_000 and project.budget["actual"].sum() == 1_607_500
    keys = {w.key for w in project.warnings}
    assert "budget.periods_missing" not in keys and "budget.before_start" not in keys
    assert budget_period_label(written, "sv") == "Förstudie" and budget_period_label(written, "en") == "Pre-study"


def test_without_the_key_a_pre_study_period_is_still_answered_with_the_year_to_write(tmp_path):
    """No pre-study in the params: 'Förstudie' on rows 2 and 3 is refused as before, with 2024 (the year of
    period.start) to write and the pre-study at the start of the cost line."""
    said = _refusal(_project(tmp_path, YEARS, NO_PRE))
    assert "rad 2" in said and "rad 3" in said and "skriv 2024" in said and "'Förstudie: Kartläggning'" in said
    # (and the key that reads the pre-study as a period of its own, where the project began with one)
    assert "period.implementation_start" in said
    assert "period.implementation_start" in _refusal(_project(tmp_path, YEARS, NO_PRE), "en")


@pytest.mark.parametrize("written, not_said", [("Förstudie 2023", "skriv 2023"), ("Förstudie Q1 2024", "skriv 2024")])
def test_a_pre_study_period_in_a_year_the_pre_study_does_not_run_is_refused(tmp_path, written, not_said):
    """The pre-study runs in 2024 only: 'Förstudie 2023' (row 2) is no period of it; 'Förstudie Q1 2024' is no
    period the contract reads. Both are answered with 'Förstudie' to write, never a year."""
    budget = [dict(YEARS[0], period=written)] + YEARS[2:]
    said = _refusal(_project(tmp_path, budget))
    assert "rad 2" in said and written in said and "2024-01-01 – 2024-06-30" in said
    assert "skriv Förstudie" in said and not_said not in said
    assert "write Förstudie" in _refusal(_project(tmp_path, budget), "en")


def test_the_pre_studys_lines_cost_its_own_months_at_its_years_prices(tmp_path):
    """Months from the project's first (2024-01 = 0): the pre-study 2024-01 – 2024-06 is 0–5, år 1 2024-07 – 2025-06
    is 6–17, år 2 18–29; its lines are priced as 2024's (the year it ran), år 1's as 2024's, år 2's as 2025's."""
    params = et.load_project(_project(tmp_path, YEARS)).params
    assert _cost_months("Förstudie", params) == (0, 5)
    assert _cost_months("Förstudie 2024", params) == (0, 5)
    assert _cost_months("år 1", params) == (6, 17) and _cost_months("år 2", params) == (18, 29)
    assert _period_year("Förstudie", params) == 2024 and _period_year("år 2", params) == 2025
    assert S.budget_period_end("Förstudie", params.period.years_start, params.period.end) == dt.date(2024, 6, 30)


def test_a_calendar_year_budget_with_a_pre_study_line_has_no_gap_and_dates_it_as_the_pre_study(tmp_path):
    """2024, 2025 and 2026 cover the project's calendar years; the pre-study's line beside them is no mixing of kinds
    that would leave the budget unchecked: without 2026 the gap is still named."""
    calendar = [_line("Förstudie", "Kartläggning", 300000, 290000), _line("2024", "Coacher", 400000, 400000),
                _line("2025", "Coacher", 900000, 880000)]
    project = et.load_project(_project(tmp_path, calendar))
    missing = [w for w in project.warnings if w.key == "budget.periods_missing"]
    assert len(missing) == 1 and "2026" in missing[0].text("sv")
    assert _cost_months("Förstudie", project.params) == (0, 5) and _cost_months("2024", project.params) == (0, 11)


def test_a_budget_line_of_year_0_without_a_pre_study_is_still_named_as_before_the_start(tmp_path):
    budget = [_line("år 0", "Förberedelse", 50000, 50000)] + YEARS[2:]
    said = [w for w in et.load_project(_project(tmp_path, budget, NO_PRE)).warnings if w.key == "budget.before_start"]
    assert len(said) == 1


def test_a_pre_study_line_kept_in_year_1_is_counted_and_named_with_the_period_to_write(tmp_path):
    """'Förstudie: Kartläggning' in år 1 (row 2, as a budget without a period of the pre-study's own kept it) is
    counted, 300 000 + 900 000 + 450 000 = 1 650 000 kr of budget, and named with 'Förstudie' to write; the same line
    with Förstudie as its period, and any line without the key, is not named."""
    kept = [_line("år 1", "Förstudie: Kartläggning", 300000, 287500)] + YEARS[2:]
    project = et.load_project(_project(tmp_path, kept))
    assert project.budget["budget"].sum() == 1_650_000
    said = [w for w in project.warnings if w.key == "budget.prestudy_in_year_one"]
    assert len(said) == 1 and said[0].row == 2
    assert "rad 2" in said[0].text("sv") and "Skriv Förstudie som period" in said[0].text("sv")
    assert "2024-07-01" in said[0].text("en") and "Write Förstudie as their period" in said[0].text("en")
    for budget, period in ((YEARS, PRE), (kept, NO_PRE)):
        assert not [w for w in et.load_project(_project(tmp_path, budget, period)).warnings
                    if w.key == "budget.prestudy_in_year_one"]


def test_budget_periods_in_english_name_the_pre_study():
    assert S.budget_periods_en("Förstudie, år 2") == "the pre-study, year 2"
    assert S.budget_periods_en("år 0") == "year 0"


# --- the report and the workbook -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, label, total", [("sv", "Förstudie", "Summa förstudie"),
                                                # (a no-break hyphen: the narrow column never breaks "Pre-/study")
                                                ("en", "Pre\u2011study", "Total pre-study")])
def test_the_budget_table_shows_the_pre_study_as_its_own_period_with_its_total(tmp_path, lang, label, total):
    """The pre-study's two lines under its label, then its subtotal: 300 000 kr budget, 287 500 kr utfall, −12 500 kr,
    96 % (287 500 / 300 000 = 95,8 %); then år 1 and år 2 as before."""
    from evaltools.present.sections import budget as budget_section
    from evaltools.present.display import Table
    r = et.Report(_project(tmp_path, YEARS), lang=lang)
    table = next(part for b in budget_section.blocks(r) for part in b if isinstance(part, Table))
    rows = [[_plain(c) for c in row] for row in table.frame.astype(str).values.tolist()]
    assert [row[0] for row in rows[:2]] == [label, label]
    sub = rows[2]
    assert sub[1] == total
    assert sub[2:6] == (["300 000 kr", "287 500 kr", "−12 500 kr", "96 %"] if lang == "sv"
                        else ["SEK 300,000", "SEK 287,500", "SEK −12,500", "96%"])


@pytest.mark.parametrize("period, expected", [
    (PRE, {"Förstudie": "2024-01-01 – 2024-06-30", "Genomförandets start (projektår 1)": dt.datetime(2024, 7, 1)}),
    (NO_PRE, {})])
def test_the_workbooks_first_sheet_names_the_pre_study_as_the_facts_table_does(tmp_path, period, expected):
    """The report's facts give the pre-study 2024-01-01 – 2024-06-30 and the implementation's start 2024-07-01 (a date
    cell, as the data's last day is); the workbook's first sheet gives both, and neither without the key."""
    from evaltools.publish.workbook import export_report
    budget = YEARS if period == PRE else [dict(line, period="år 1") if line["period"] == "Förstudie" else line
                                          for line in YEARS]
    path = _project(tmp_path, budget, period)
    path.write_text(path.read_text(encoding="utf-8") + "goals:\n  - {id: antal, kind: participant_count, label: Minst "
                    "1 deltagare per projektår, target: 1, period: project_year}\n", encoding="utf-8")
    r = et.Report(path, lang="sv")
    book = next(p for p in export_report(r, tmp_path / "out") if str(p).endswith(".xlsx"))
    ws = openpyxl.load_workbook(book).worksheets[0]
    about = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value}
    assert about["Period"] == "2024-01-01 – 2026-06-30"
    for label, value in expected.items():
        assert about[label] == value
    assert ("Förstudie" in about) == (period == PRE)
    # (the goal sheet says why the pre-study has no row of its own, the budget sheet that the cost counts it: as the
    # goal section's opening and the note under the budget table say it)
    said = {name: " ".join(_plain(c) for row in openpyxl.load_workbook(book)[name].iter_rows(values_only=True)
                           for c in row if isinstance(c, str)) for name in ("Mål", "Budget")}
    no_goals = "Förstudien 2024-01-01 – 2024-06-30 har inga egna mål per år"
    counted = "Kostnaden omfattar förstudien 2024-01-01 – 2024-06-30"
    assert (no_goals in said["Mål"]) == (counted in said["Budget"]) == (period == PRE)


@pytest.mark.parametrize("lang, said, not_said", [("sv", "För förstudien och år 2 visas inga andelar", "För förstudie "),
                                                  ("en", "No shares are shown for the pre-study and year 2",
                                                   "for pre-study")])
def test_the_time_in_the_project_names_the_pre_study_in_its_sentence_as_a_sentence_does(tmp_path, lang, said,
                                                                                       not_said):
    """Two who began in the pre-study and two in year 2 are too few to show shares; year 1's thirty (every other one
    to work, the others to no change, 100 to 233 days after starting) are shown. The note names the two groups as a
    sentence does."""
    first = ([dt.date(2024, 3, 1), dt.date(2024, 4, 1)] + [dt.date(2024, 7, 1) + dt.timedelta(days=5 * i)
                                                           for i in range(30)] + [dt.date(2025, 8, 1), dt.date(2025, 9, 1)])
    write_csv(tmp_path / "data" / "deltagare.csv",
              [{"person_id": f"T{i:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                "household_type": "ensamstående", "start_date": s.isoformat(),
                "end_date": (s + dt.timedelta(days=100 + 7 * (i % 20))).isoformat(),
                "outcome": "arbete" if i % 2 else "kvar_försörjningsstöd"} for i, s in enumerate(first)])
    write_csv(tmp_path / "data" / "budget.csv", YEARS)
    path = tmp_path / "prestudy66.yaml"
    path.write_text(HEAD.format(period=PRE), encoding="utf-8")
    from evaltools.present.sections import time_in_project
    from evaltools.present.display import Table
    r = et.Report(path, lang=lang)
    notes = " ".join(_plain(n) for b in time_in_project.blocks(r) for part in b if isinstance(part, Table)
                     for n in part.notes)
    assert said in notes and not_said not in notes


@pytest.mark.parametrize("lang, years, cost", [
    ("sv", "Projektåren är år 1 (2024-07-01 – 2025-06-30) och år 2 (2025-07-01 – 2026-06-30).",
     "Kostnaden omfattar förstudien 2024-01-01 – 2024-06-30."),
    ("en", "The project years are year 1 (2024-07-01 – 2025-06-30) and year 2 (2025-07-01 – 2026-06-30).",
     "The cost includes the pre-study 2024-01-01 – 2024-06-30.")])
def test_the_notes_under_the_budget_table_say_where_project_years_begin_once(tmp_path, lang, years, cost):
    """A budget of project years: the note of their dates (year 1 from 2024-07-01) says where they begin, so the
    pre-study's note says only that the cost counts it; a budget of calendar years has no such note, and the
    pre-study's note says both."""
    from evaltools.present.sections import budget as budget_section
    r = et.Report(_project(tmp_path, YEARS), lang=lang)
    notes = [_plain(n) for n in budget_section.note(r, r.cba.costs)]
    assert years in notes and cost in notes
    assert sum("2024-07-01" in n for n in notes) == 1
    calendar = [dict(line, period={"år 1": "2025", "år 2": "2026"}.get(line["period"], line["period"]))
                for line in YEARS]
    r = et.Report(_project(tmp_path, calendar), lang=lang)
    notes = [_plain(n) for n in budget_section.note(r, r.cba.costs)]
    assert any(n.startswith(cost) and "2024-07-01" in n for n in notes)


def test_a_budget_with_a_column_per_period_reads_the_pre_studys_column_as_its_own(tmp_path):
    """Headed 'Kostnadsslag | Budget Förstudie | Budget År 1 | Budget År 2', as a budget of project years is kept in
    Excel: the pre-study's 260 000 + 40 000 = 300 000 kr are its own period's, år 1's 900 000 kr and år 2's 450 000 kr
    theirs; spread over months 0–5 like a line written 'Förstudie'."""
    path = _project(tmp_path, YEARS)
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["Kostnadsslag", "Budget Förstudie", "Budget År 1", "Budget År 2"],
                ["Kartläggning", 260000, None, None], ["Samverkansmöten", 40000, None, None],
                ["Coacher", None, 900000, 450000]):
        ws.append(row)
    wb.save(tmp_path / "data" / "budget.xlsx")
    path.write_text(path.read_text(encoding="utf-8").replace("data/budget.csv", "data/budget.xlsx"), encoding="utf-8")
    project = et.load_project(path)
    by_period = project.budget.groupby(project.budget["period"].map(S.budget_period))["budget"].sum().to_dict()
    assert by_period == {("project_year", 0): 300000, ("project_year", 1): 900000, ("project_year", 2): 450000}
    pre = project.budget.loc[project.budget["period"].map(S.is_prestudy), "period"].iloc[0]
    assert _cost_months(pre, project.params) == (0, 5) and budget_period_label(pre, "sv") == "Förstudie"
