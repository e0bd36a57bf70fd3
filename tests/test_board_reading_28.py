"""An application whose volumes cannot be compared with some of its goals (a goal of studies among expected exits
the application does not divide): the portfolio says what the application's page 1 says, the same counts of goals
that cannot be compared and of the others reached, from the same goal table, not "both goals are reached"; and the
application's workbook heads its goal values as its report's goal table does, as expected by the application, not
as a result. The fixtures are a tiny application and a tiny participant project written in tmp_path; expected words
are written out by hand."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.portfolio import Portfolio, write_entry
from evaltools.present.sections import kind
from evaltools.publish.workbook import report_sheets

from .conftest import write_csv
from .test_board_reading_27 import _application  # (the same four-goal application, no outcome mix)

# The application (tests/test_board_reading_27.py): four measurable goals and one qualitative (not assessed).
# Expected 90 participants and 40 exits to own support a year, with no outcome_mix: the main goal (40 a year against
# 40) and the participants (90 against 80) are reached in both project years; the goal of studies and the share to
# work or studies count some of the 40 exits, which the application does not divide, so those two cannot be
# compared: two of four, and both of the other two are reached.

PROJECT = """\
id: deltagarprojekt
title: Deltagarprojektet
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2022-12-31}
data_as_of: 2023-06-30
data:
  participants: data/participants.csv
  budget: data/budget.csv
goals:
  - id: andel
    kind: share
    label: Minst 50 % av de avslutade till arbete
    target: 0.5
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
"""


@pytest.fixture
def paths(tmp_path):
    app = _application(tmp_path)
    folder = tmp_path / "deltagarprojekt"
    outcomes = ["arbete"] * 8 + ["kvar_försörjningsstöd"] * 5  # 13 ended, 8 to work
    write_csv(folder / "data" / "participants.csv", [
        {"person_id": f"D{i:02d}", "sex": ("kvinna", "man")[i % 2], "birth_year": 1980,
         "household_type": "ensamstående", "start_date": f"2022-0{1 + i % 5}-01",
         "end_date": f"2022-{7 + i % 5:02d}-15", "outcome": outcome} for i, outcome in enumerate(outcomes)])
    write_csv(folder / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000,
                                               "actual": 100000}])
    project = folder / "deltagarprojekt.yaml"
    project.write_text(PROJECT, encoding="utf-8")
    return project, app


# page 1's sentences and the portfolio's words for the same counts: two of four cannot be compared, both others reached
PAGE_ONE = {"sv": ("Två av de fyra mätbara målen kan inte jämföras med ansökans volymer",
                   "Med ansökans förväntade volymer skulle båda de andra målen nås i varje period."),
            "en": ("Two of the four measurable goals cannot be compared with the application's volumes",
                   "At the volumes the application expects, both of the other goals would be met in every period.")}
PORTFOLIO = {"sv": "två av de fyra mätbara målen kan inte jämföras med ansökans volymer, och båda de andra skulle nås med dem",
             "en": "two of the four measurable goals cannot be compared with the application's volumes, and both "
                   "others would be met at those volumes"}
OLD = {"sv": "nås båda målen", "en": "both goals are reached"}


def _application_line(pf: Portfolio) -> str:
    [checks] = [text for text in pf.conclusions() if text.heading in ("Ansökningar som prövats före start",
                                                                       "Applications checked before they start")]
    [line] = checks.paragraphs
    return line


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_portfolio_counts_the_goals_the_volumes_cannot_judge_as_page_one_does(paths, lang):
    project, app = paths
    said = " ".join(kind.page_one(et.Report(app, lang=lang)))
    assert all(sentence in said for sentence in PAGE_ONE[lang])  # (the premise: what page 1 says)
    line = _application_line(Portfolio([project, app], lang))
    assert PORTFOLIO[lang] in line, line
    assert OLD[lang] not in line


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_portfolio_from_the_reports_entries_says_the_same(paths, lang, tmp_path):
    # a batch's portfolio reads each project's row and goals from the entry its report wrote
    project, app = paths
    entries = tmp_path / "entries"
    entries.mkdir()
    for path in (project, app):
        write_entry(et.load_project(path), lang, entries / f"{path.stem}.json")
    pf = Portfolio([project, app], lang, entries=entries)
    assert pf.reused == 2
    assert PORTFOLIO[lang] in _application_line(pf)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_application_whose_volumes_reach_every_goal_reads_as_before(paths, lang, tmp_path):
    # with a mix (a quarter of the 40 exits to studies = 10 against 10; half to work and a quarter to studies
    # = 30 of 90 = 33,3 % against 40 %: partly), every measurable goal is compared: no sentence of goals left out
    project, app = paths
    app = _application(tmp_path, mix=", outcome_mix: {arbete: 0.5, studier: 0.25, sjuk_aktivitetsersättning: 0.25}")
    line = _application_line(Portfolio([project, app], lang))
    expected = {"sv": "med ansökans volymer skulle tre av fyra mål nås", "en": "at the volumes the application expects, three "
                                                                       "of four goals would be met"}
    assert expected[lang] in line, line
    assert "jämföras" not in line and "compared" not in line


@pytest.mark.parametrize(("lang", "heading"), [("sv", "Förväntat enligt ansökan"),
                                               ("en", "Expected according to the application")])
def test_the_applications_goal_sheet_heads_its_values_as_expected(paths, lang, heading):
    project, app = paths
    r = et.Report(app, lang=lang)
    [sheet] = [s for s in report_sheets(r.key_tables(), r.k, lang=lang) if s.name == "mal"]
    [value] = [c for c in sheet.columns if c.source == "value"]
    assert value.heading(lang) == heading
    # a project with results keeps its heading: its values are outcomes
    r = et.Report(project, lang=lang)
    [sheet] = [s for s in report_sheets(r.key_tables(), r.k, lang=lang) if s.name == "mal"]
    [value] = [c for c in sheet.columns if c.source == "value"]
    assert value.heading(lang) == {"sv": "Utfall", "en": "Result"}[lang]
