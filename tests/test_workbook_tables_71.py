"""The workbook carries the tables the report shows and had left out: the month-by-month table of the payments section (the event study) that the report shows:
the same months, the same amounts as the report rounds them, each month's means refitted here on its own with
statsmodels (OLS, household-clustered, t(G - 1)), and a month the privacy rules hide left empty with the workbook's
note of what is hidden (``..`` in *Dolda uppgifter*), never written as a zero; and the outcome section's odds ratios, checked against the odds ratio of a 2 x 2 table
worked out by hand."""
from __future__ import annotations

import math
import textwrap

import numpy as np
import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis import comparison
from evaltools.publish.workbook import report_sheets, write_workbook

from .conftest import sample_project, sample_report, write_csv
from .test_event_study_regressions import _per_month

SHEET = {"sv": "Försörjningsstöd per månad", "en": "Social assistance by month"}


def _sheet(r, lang: str, tmp_path) -> list[tuple]:
    path = write_workbook(tmp_path / f"{lang}.xlsx", report_sheets(r.key_tables(), r.k, lang=lang), lang, r.k)
    return list(openpyxl.load_workbook(path)[SHEET[lang]].iter_rows(values_only=True))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_workbook_has_every_month_of_the_event_study_with_the_regressions_values(lang, tmp_path):
    project = sample_project("kompassen-demo")
    r = sample_report("kompassen-demo", lang)
    rows = _sheet(r, lang, tmp_path)
    head, body = rows[0], rows[1:]
    assert len(head) == 11
    reference = -project.params.comparison.anticipation_months - 1
    want = _per_month(comparison.build_panel(project), reference)
    got = pd.DataFrame(body, columns=["event_time", "reference", "participants", "participants_low",
                                      "participants_high", "comparison", "comparison_low", "comparison_high",
                                      "difference", "difference_low", "difference_high"]).set_index("event_time")
    assert list(got.index) == list(want.index)  # every month the report's table shows, in order
    yes = {"sv": "Ja", "en": "Yes"}[lang]
    assert list(got.index[got["reference"] == yes]) == [reference]
    for column in want.columns:
        np.testing.assert_allclose(got[column].astype(float), want[column], rtol=0, atol=1e-6, err_msg=column)


def test_a_hidden_month_is_written_as_hidden_and_the_others_as_amounts(tmp_path):
    # three months; in month 0 the participants' mean is hidden by the privacy rules (fewer than k households),
    # so the difference built on it is hidden too; the comparison group's mean is shown
    frame = pd.DataFrame({"event_time": [-1, 0, 1], "reference": [True, False, False],
                          "participants": [9000.0, np.nan, 7000.0], "participants_low": [8000.0, np.nan, 6000.0],
                          "participants_high": [10000.0, np.nan, 8000.0], "comparison": [9100.0, 9050.0, 9000.0],
                          "comparison_low": [8900.0, 8850.0, 8800.0], "comparison_high": [9300.0, 9250.0, 9200.0],
                          "difference": [0.0, np.nan, -1900.0], "difference_low": [0.0, np.nan, -2500.0],
                          "difference_high": [0.0, np.nan, -1300.0]})
    path = write_workbook(tmp_path / "tiny.xlsx", report_sheets({"forsorjningsstod_manad": frame}, 5, lang="sv"),
                          "sv", 5)
    ws = openpyxl.load_workbook(path)[SHEET["sv"]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0][:3] == (-1, "Ja", 9000)
    assert rows[1][2:5] == (None, None, None) and rows[1][5] == 9050 and rows[1][8:11] == (None, None, None)
    hidden = rows[1][11]
    assert hidden.count(": ..") == 6 and hidden.startswith("Deltagare, kr per hushåll och månad: ..")
    assert rows[0][11] is None and rows[2][11] is None
    assert rows[2][8] == -1900
    assert ws.cell(2, 3).number_format.startswith("#,##0")  # an amount, in whole kronor as the report shows it


# --- the outcome section's odds ratios ---------------------------------------------------------------------------

ODDS = "Oddskvoter"


def _two_by_two_project(folder):
    """60 ended participants of one age group and one intake year: 32 women (18 to work) and 28 men (9 to work).
    Only sex varies, so the model has one term, man against the larger group, women."""
    rows = []
    for i, (sex, work) in enumerate([("kvinna", True)] * 18 + [("kvinna", False)] * 14
                                    + [("man", True)] * 9 + [("man", False)] * 19):
        rows.append({"person_id": f"P{i + 1}", "sex": sex, "birth_year": 1985, "household_type": "ensamstående",
                     "start_date": "2022-02-01", "end_date": "2022-11-30",
                     "outcome": "arbete" if work else "kvar_försörjningsstöd"})
    write_csv(folder / "data" / "participants.csv", rows)
    write_csv(folder / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000,
                                                "actual": 90000}])
    path = folder / "oddskvot.yaml"
    path.write_text(textwrap.dedent("""\
        id: oddskvot
        title: Oddskvot
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2022-12-31}
        data_as_of: 2023-01-31
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        goals:
          - {id: arbete, kind: share, label: Minst 30 % till arbete, target: 0.3, period: whole_period,
             denominator: exits, success_outcomes: [arbete], main: true}
        """), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, words", [("sv", ("Kön", "Man", "Kvinna")), ("en", ("Sex", "Men", "Women"))])
def test_the_workbook_has_the_odds_ratio_the_report_shows_worked_out_from_the_two_by_two_table(lang, words,
                                                                                                tmp_path):
    r = et.Report(_two_by_two_project(tmp_path), lang=lang)
    # by hand: the odds of work for men, 9/19, over the women's, 18/14; Woolf's standard error of the log odds
    # ratio and the normal (Wald) interval and p-value that a logistic regression with one binary term gives
    ratio = (9 / 19) / (18 / 14)
    se = math.sqrt(1 / 9 + 1 / 19 + 1 / 18 + 1 / 14)
    z = 1.959963984540054
    low, high = math.exp(math.log(ratio) - z * se), math.exp(math.log(ratio) + z * se)
    p = math.erfc(abs(math.log(ratio) / se) / math.sqrt(2))
    path = write_workbook(tmp_path / f"{lang}.xlsx", report_sheets(r.key_tables(), r.k, lang=lang), lang, r.k)
    wb = openpyxl.load_workbook(path)
    title = {"sv": ODDS, "en": "Odds ratios"}[lang]
    rows = list(wb[title].iter_rows(values_only=True))
    assert len(rows) == 2  # the heading and the one term
    assert rows[1][:3] == words
    assert rows[1][3] == pytest.approx(ratio, rel=1e-6)
    assert (rows[1][4], rows[1][5]) == (pytest.approx(low, rel=1e-5), pytest.approx(high, rel=1e-5))
    assert rows[1][6] == pytest.approx(p, rel=1e-5)
    assert wb[title].cell(2, 4).number_format == "#,##0.00"  # two decimals, as the report's table writes it


def test_no_odds_ratio_sheet_where_the_report_fits_no_model(tmp_path):
    # the same project with one group too few to fit (10 events per term needed): 9 men, 3 of them to work
    path = _two_by_two_project(tmp_path)
    frame = pd.read_csv(tmp_path / "data" / "participants.csv")
    write_csv(tmp_path / "data" / "participants.csv", frame.iloc[:20])  # 18 women to work, 2 not: 2 events
    r = et.Report(path, lang="sv")
    assert "utfall_oddskvoter" not in r.key_tables()
