"""Where the words still did not follow the figures: the definition of a successful outcome, the notebook's
rates display and the rates chart's alt text called ended enrolments participants where a person came back;
the portfolio workbook's "Avslutade" was the main goal's base beside a report that says how many ended; a page 1
said "utan jämförelsegrupp" twice; and the workbook named riksnormen as the monthly level's source where the
params take it from the participants' own payments. Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.present import sections
from evaltools.present.plots import plot_outcome_rates
from evaltools.present.results import display_frame
from evaltools.present.sections.outcomes import chart_rates, rate_notes
from evaltools.words.text import msg

from .conftest import write_csv
from .test_known_limits_10 import BUDGET, _row, project

# the main goal of test_known_limits_10's project, as its label is written there
GOAL = "Minst 30 % av de avslutade ska gå till arbete"
NBSP = "\u00a0"  # (the reports keep a number and its unit together: compared as plain spaces)
GOAL_EN = GOAL  # (the English report quotes the goal's label as written: its own figures write "30%")


def _workbook_rows(report: et.Report, out: Path) -> dict[str, list[tuple]]:
    from evaltools.publish.workbook import export_report
    xlsx = next(f for f in export_report(report, out) if f.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx)
    return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}


# --- 1. the definition, the notebook's rates column and the chart's alt text follow Enrolments.by_enrolment ------
@pytest.mark.parametrize("back, lang, defined, column, alt", [
    # (6 came back; 2: fewer than 5, whose number is not told: the same words, no count)
    *((back, "sv", f"Lyckat utfall räknas så här: avslutade inskrivningar med utfallen arbete (målet ”{GOAL}”).",
     "Avslutade inskrivningar",
     "Diagram över andel lyckade utfall bland avslutade inskrivningar per grupp, med 95 % konfidensintervall.")
      for back in (6, 2)),
    (6, "en", f"Successful outcome is counted as: enrolments that ended with the outcomes work (the goal “{GOAL_EN}”).",
     "Enrolments that ended",
     "Chart of the share with a successful outcome among enrolments that ended, per group, with 95% confidence "
     "intervals."),
])
def test_where_someone_came_back_the_definition_column_and_alt_text_say_enrolments(tmp_path, back, lang, defined,
                                                                                  column, alt):
    report = et.Report(project(tmp_path, back=back), lang=lang)
    # the rate table's note: the whole sentence, so it names no number of those who came back
    assert rate_notes(report, "1")[0].replace(NBSP, " ") == defined
    # the notebook's display of the same comparison: its ended column and its note
    rates = et.outcome_rates(report.project, lang=lang)
    assert column in list(display_frame(rates, lang).columns)
    assert column.lower().split()[0] in et.words.labels.note_text(rates.notes[0], lang).lower()
    # the chart's alt text leads with what it shows; its caption (et_what) is the same lead
    fig = plot_outcome_rates(chart_rates(report), lang=lang)
    assert fig.et_alt.replace(NBSP, " ").startswith(alt) and fig.et_what.replace(NBSP, " ") == alt.rstrip(".")


def test_the_time_note_workbook_and_portfolio_say_the_same_definition(tmp_path):
    report = et.Report(project(tmp_path, back=6), lang="sv")
    said = f"avslutade inskrivningar med utfallen arbete (målet ”{GOAL}”)"
    assert sections.time_in_project.note(report).replace(NBSP, " ").startswith(f"Lyckat utfall räknas så här: {said}.")
    # the time chart's curves count the same enrolments (one row each), and its alt text says so
    from evaltools.present.plots import plot_time_to_exit
    assert plot_time_to_exit(report.survival, lang="sv").et_alt.startswith(
        "Kurvor över andelen inskrivningar som har avslutats på vart och ett av två sätt")
    key_figures = dict(r[:2] for r in _workbook_rows(report, tmp_path / "out")["Kostnad och nytta"])
    assert key_figures["Lyckat utfall räknat som"].replace(NBSP, " ") == said
    from evaltools.present.portfolio import Portfolio
    [row] = Portfolio([tmp_path / "k10.yaml"], lang="sv").table.to_dict("records")
    assert row["success_definition"].replace(NBSP, " ") == said


def test_without_anyone_coming_back_the_definition_and_chart_stay_participants(tmp_path):
    report = et.Report(project(tmp_path, back=0), lang="sv")
    assert rate_notes(report, "1")[0].replace(NBSP, " ") == (f"Lyckat utfall räknas så här: avslutade deltagare med utfallen arbete "
                                          f"(målet ”{GOAL}”).")
    assert "Avslutade deltagare" in list(display_frame(et.outcome_rates(report.project), "sv").columns)
    fig = plot_outcome_rates(chart_rates(report), lang="sv")
    assert fig.et_alt.replace(NBSP, " ").startswith("Diagram över andel lyckade utfall bland avslutade deltagare per grupp")


# --- 3. page 1 says once that there is no comparison group ---------------------------------------------------
PAID = """\
id: k11
title: Egna utbetalningar
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2023-01-01, planned_end: 2024-06-30}
granted_sek: 1000000
data: {participants: data/participants.csv, budget: data/budget.csv, payments: data/payments.csv}
data_as_of: 2024-06-30
goals:
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete
    target: 0.3
    denominator: exits
    success_outcomes: [arbete]
cost_benefit:
  monthly_level: {method: own_payments, months_before_start: 6}
"""


def paid_project(root: Path, params: str = PAID) -> Path:
    """20 persons V000-V019, enrolled once 2023-02-01 to 2023-06-30, every third (7) to work and the rest to a
    drop-out; each paid 10 000 kr a month 2022-01 to 2023-01 and 6 000 kr a month 2023-02 to 2024-06 (a fall
    after the start), no comparison group."""
    rows = [dict(_row(i, "2023-02-01", "2023-06-30", "arbete" if i % 3 == 0 else "avbrott"), person_id=f"V{i:03d}")
            for i in range(20)]
    months = [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13) if f"{y}-{m:02d}" <= "2024-06"]
    pay = [{"person_id": f"V{i:03d}", "month": m, "amount": 10_000 if m < "2023-02" else 6_000}
           for i in range(20) for m in months]
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/budget.csv", BUDGET)
    write_csv(root / "data/payments.csv", pay)
    path = root / "k11.yaml"
    path.write_text(params, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, said, word", [
    ("sv", "Nyttan är en beräknad besparing som bygger på antaganden, inte en uppmätt effekt: utan jämförelsegrupp "
           "vet vi inte hur många som hade lämnat försörjningsstödet ändå, och en minskning efter start är inte i sig "
           "en effekt.",
     "jämförelsegrupp"),
    ("en", "The benefit is a calculated saving that rests on assumptions, not a measured effect: without a "
           "comparison group we do not know how many would have left social assistance anyway, and a fall after the "
           "start is not in itself an effect.",
     "comparison group"),
])
def test_page_one_says_once_that_there_is_no_comparison_group(tmp_path, lang, said, word):
    report = et.Report(paid_project(tmp_path), lang=lang)
    worth = [" ".join(c.replace(NBSP, " ").split()) for q, _, cs in sections.summary.answers(report)
             if q == "summary.q_worth" for c in cs]
    assert said in worth
    # (the payments fell from 10 000 to 6 000 kr a month: the fall is said, in the same one sentence)
    assert sum(c.count(word) for c in worth) == 1


# --- 4. the first sheet names the monthly level's source the report uses ---------------------------------------
@pytest.mark.parametrize("lang, reference, level", [
    # the params take the level from the participants' own payments, 6 months ending 6 months before the start:
    # months 6 + 6 = 12 to 6 + 1 = 7 before it; riksnormen is not used, KPI brings the payments to the price year
    ("sv", "KPI (SCB), se bladet Antaganden och rapportens metodavsnitt",
     "deltagarnas egna utbetalningar månad 12 till 7 före start (före toppen inför start)"),
    ("en", "CPI (Statistics Sweden), see the sheet Assumptions and the report's method section",
     "the participants' own payments in months 12 to 7 before the start (before the rise ahead of the start)"),
])
def test_the_workbook_names_own_payments_not_riksnormen_as_the_level_s_source(tmp_path, lang, reference, level):
    report = et.Report(paid_project(tmp_path), lang=lang)
    sheets = _workbook_rows(report, tmp_path / "out")
    about = dict(r[:2] for r in sheets[msg("workbook.about", lang)])
    assert about[msg("workbook.source_reference", lang)] == reference
    assert about[msg("workbook.summary.level_source", lang)] == level
    # the same source as the assumptions sheet's row for the monthly level
    assumptions = sheets[msg("workbook.sheets.antaganden.title", lang)]
    assert any(level in row for row in assumptions)


def test_where_the_level_is_riksnormen_the_first_sheet_names_it(tmp_path):
    report = et.Report(project(tmp_path, back=0), lang="sv")  # (no monthly_level in its params: riksnormen)
    about = dict(r[:2] for r in _workbook_rows(report, tmp_path / "out")["Om tabellerna"])
    assert about["Referensvärden"] == ("Riksnorm för försörjningsstöd (Socialstyrelsen) och KPI (SCB), se bladet "
                                       "Antaganden och rapportens metodavsnitt")
    assert about["Källa för månadsnivån"].startswith("riksnormen för ")  # (the price year's riksnorm)
    assert "per hushållstyp" in about["Källa för månadsnivån"]


# --- 2. the portfolio workbook shows the report's ended beside the main goal's base, each under its label --------
@pytest.mark.parametrize("lang, every_exit, base", [
    ("sv", "Avslutade, alla avslut (som projektets rapport räknar dem)",
     "Avslutade som andelen lyckade räknas på (utom avslut som huvudmålet inte räknar)"),
    ("en", "Ended, every exit (as the project's report counts them)",
     "Ended that the share with a successful outcome is of (without exits the main goal does not count)"),
])
def test_the_portfolio_workbook_shows_the_report_s_ended_and_the_goal_s_base(tmp_path, lang, every_exit, base):
    from evaltools.present.portfolio import Portfolio
    from evaltools.publish.workbook import export_portfolio
    from .test_known_limits_10 import MOVED
    # 40 persons, U001, U002, U004, U005, U007 and U008 moved (none a multiple of 3): 40 exits in the report, 40 - 6
    # = 34 in the main goal's base, 14 to work (U000, U003, ..., U039); 14 / 34 = 41.2 %
    path = project(tmp_path, back=0, params=MOVED, n=40, moved=(1, 2, 4, 5, 7, 8))
    report = et.Report(path, lang=lang)
    key_figures = dict(r[:2] for r in _workbook_rows(report, tmp_path / "out")[msg("workbook.sheets.kostnad_nytta.title",
                                                                                   lang)])
    assert key_figures[msg("workbook.summary.ended", lang)] == 40  # (the report's own figure)
    xlsx = next(f for f in export_portfolio(Portfolio([path], lang=lang), tmp_path / "pf") if f.suffix == ".xlsx")
    rows = list(openpyxl.load_workbook(xlsx)[msg("workbook.sheets.portfolio.title", lang)].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1]))
    assert (row[every_exit], row[base]) == (40, 34)
    assert row[msg("workbook.column.portfolio.successes", lang)] == 14
    assert row[msg("workbook.column.portfolio.success_rate", lang)] == pytest.approx(14 / 34)
