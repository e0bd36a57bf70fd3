"""Reading the portfolio as a board member: a share of the exits over every year of a goal that the project's report
judges year by year is no figure that report judges; the portfolio names it as what it is (all years together, not
judged against the goal) in its table, the note under it, the chart's caption and its workbook, in both languages,
while a share whose goal is judged over the whole period is shown as before."""
from __future__ import annotations

import pytest
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.goals import GoalVerdict
from evaltools.present import portfolio as pf_module
from evaltools.present.display import Table
from evaltools.present.portfolio import Portfolio
from evaltools.publish.workbook import portfolio_sheet
from evaltools.words.text import msg

from .conftest import write_csv

# Two projects with the same 24 exits over two project years (2022 and 2023) and the same share goal "at least 50 %
# to work"; one judges it per project year, the other over the whole period.
#   year 1 (2022): 13 ended, 8 to work, 5 still on support  -> 8 / 13 = 61,5 %
#   year 2 (2023): 11 ended, 6 to work, 5 still on support  -> 6 / 11 = 54,5 %
#   all years together: 14 / 24 = 58,3 %, its exact 95 % interval from scipy's beta distribution below
OUTCOMES = {2022: ["arbete"] * 8 + ["kvar_försörjningsstöd"] * 5, 2023: ["arbete"] * 6 + ["kvar_försörjningsstöd"] * 5}

PARAMS = """\
id: {pid}
title: {title}
forbund: Testförbundet
owner: Testkommun
period: {{start: 2022-01-01, planned_end: 2023-12-31}}
data_as_of: 2024-06-30
data:
  participants: data/participants.csv
  budget: data/budget.csv
goals:
  - id: andel
    kind: share
    label: Minst 50 % av de avslutade till arbete
    target: 0.5
    period: {period}
    denominator: exits
    success_outcomes: [arbete]
"""


def _project(tmp_path, pid: str, title: str, period: str):
    folder = tmp_path / pid
    rows = []
    for year, outcomes in OUTCOMES.items():
        for i, outcome in enumerate(outcomes):
            rows.append({"person_id": f"{pid[0].upper()}{year}{i:02d}", "sex": ("kvinna", "man")[i % 2],
                         "birth_year": 1980, "household_type": "ensamstående",
                         "start_date": f"{year}-0{1 + i % 5}-01", "end_date": f"{year}-{7 + i % 5:02d}-15",
                         "outcome": outcome})
    write_csv(folder / "data" / "participants.csv", rows)
    write_csv(folder / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 100000},
        {"period": "2023", "category": "Lön", "budget": 100000, "actual": 100000}])
    path = folder / f"{pid}.yaml"
    path.write_text(PARAMS.format(pid=pid, title=title, period=period), encoding="utf-8")
    return path


@pytest.fixture
def two(tmp_path):
    return [_project(tmp_path, "peryear", "Per år", "project_year"),
            _project(tmp_path, "whole", "Hela perioden", "whole_period")]


def _shown(paths, lang):
    parts: list = []
    original = pf_module.show
    pf_module.show = lambda *p: parts.extend(p)
    try:
        pf = Portfolio(paths, lang)
        pf.overview()
        pf.charts()
    finally:
        pf_module.show = original
    return pf, parts


def _pct(v: float, lang: str) -> str:
    return f"{v * 100:.1f}".replace(".", ",") + "\u00a0%" if lang == "sv" else f"{v * 100:.1f}%"


# the words the table, the note, the chart and the workbook name the pooled share with
WORDS = {"sv": {"cell": "(alla år sammantaget, ej bedömt mot målet)",
                "note": "Alla år sammantaget: för Per år bedöms målet för andelen år för år i projektets rapport (se "
                        "Måluppfyllelse nedan); andelen här räknar alla år tillsammans och är inte bedömd mot målet.",
                "chart": "För Per år räknar andelen alla år sammantaget och är inte bedömd mot målet, som bedöms år "
                         "för år.",
                "column": "Andelen räknar alla år sammantaget och är inte bedömd mot målet"},
         "en": {"cell": "(all years together, not judged against the goal)",
                "note": "All years together: for Per år the goal for the share is judged year by year in the "
                        "project's report (see Goal fulfilment below); the share here counts all years together and "
                        "is not judged against the goal.",
                "chart": "For Per år the share counts all years together and is not judged against the goal, which "
                         "is judged year by year.",
                "column": "The share counts all years together and is not judged against the goal"}}


def test_the_report_judges_the_per_year_goal_on_each_years_share(two):
    # the premise: the report's figures are each year's (8/13 and 6/11), never the 14/24 of all years together
    goals = et.assess_goals(et.load_project(two[0]), lang="sv").table
    rows = goals[goals["goal_id"] == "andel"]
    assert list(zip(rows["numerator"], rows["denominator"])) == [(8, 13), (6, 11)]
    whole = et.assess_goals(et.load_project(two[1]), lang="sv").table
    assert list(zip(whole["numerator"], whole["denominator"])) == [(14, 24)]
    assert GoalVerdict(rows["verdict"].iloc[0]) != GoalVerdict.RUNNING


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_share_over_every_year_of_a_per_year_goal_is_named_so(two, lang):
    pf, parts = _shown(two, lang)
    people = next(p for p in parts if isinstance(p, Table))
    # (a project's name in the table carries its tags in a bracket: "Per år (utkast)")
    cells = dict(zip(people.frame.iloc[:, 0].str.split(" (", regex=False).str[0],
                     people.frame.iloc[:, 4].astype(str).str.replace("\u202f", "\u00a0")))
    low, high = beta.ppf(0.025, 14, 11), beta.ppf(0.975, 15, 10)  # Clopper–Pearson for 14 of 24
    share = f"{_pct(14 / 24, lang)} ({_pct(low, lang)}–{_pct(high, lang)})"
    assert cells["Per år"] == f"{share} {WORDS[lang]['cell']}"
    assert cells["Hela perioden"] == share  # its goal is judged on this very figure: shown as before
    # the note under the table names the one project whose share pools its years, and only it
    assert WORDS[lang]["note"] in people.notes
    # the chart shows the same share and its caption names it the same way
    captions = [p for p in parts if getattr(p, "heading", None) in ("Projekten i diagram", "The projects in charts")]
    assert captions and WORDS[lang]["chart"] in captions[0].paragraphs[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_workbook_marks_the_same_share(two, lang):
    pf = Portfolio(two, lang)
    sheet = portfolio_sheet(pf.table)
    rows = sheet.frame.set_index("id")
    assert rows.loc["peryear", "success_pooled"] == True  # noqa: E712
    assert rows.loc["whole", "success_pooled"] == False  # noqa: E712
    assert rows.loc["peryear", "success_rate"] == pytest.approx(14 / 24)  # the same figure as the table's
    [column] = [c for c in sheet.columns if c.source == "success_pooled"]
    assert WORDS[lang]["column"] in msg(column.key, lang)


def test_a_first_page_never_shows_the_pooled_share(two):
    # the portfolio's first page (its conclusions) counts each project's goals by their verdicts, never the share
    pf, _ = _shown(two, "sv")
    page_one = " ".join(p for text in pf.conclusions() for p in text.paragraphs)
    assert "58,3" not in page_one.replace("\u00a0", " ") and "sammantaget" not in page_one
