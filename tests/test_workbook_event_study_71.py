"""The workbook carries the month-by-month table of the payments section (the event study) that the report shows:
the same months, the same amounts as the report rounds them, each month's means refitted here on its own with
statsmodels (OLS, household-clustered, t(G - 1)), and a month the privacy rules hide left empty with the workbook's
note of what is hidden (``..`` in *Dolda uppgifter*), never written as a zero."""
from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

from evaltools.analysis import comparison
from evaltools.publish.workbook import report_sheets, write_workbook

from .conftest import sample_project, sample_report
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
