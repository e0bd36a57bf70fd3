"""A running project's cost per participant and per success divide what is paid so far (the lines
with utfall) by the participants so far, not the total with the budget for what remains; the
figure says so on page 1 and in the key figures, and an ended project keeps the total."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit, summary

from .test_differencing import project


def _path(tmp_path, as_of: str):
    # ten participants, all ended, five to work; 2022's line paid 90 000 kr, 2023's only budgeted (60 000 kr)
    path = project(tmp_path, n=10, ongoing=0, successes=5)
    pd.DataFrame([{"period": "2022", "category": "Lön", "budget": 100_000, "actual": 90_000},
                  {"period": "2023", "category": "Lön", "budget": 60_000, "actual": None}]).to_csv(
        tmp_path / "data" / "budget.csv", index=False)
    path.write_text(path.read_text(encoding="utf-8").replace("data_as_of: 2023-06-30", f"data_as_of: {as_of}"),
                    encoding="utf-8")
    return path


def test_a_running_project_divides_what_is_paid_so_far(tmp_path):
    r = et.Report(_path(tmp_path, "2023-06-30"))  # the period runs to 2023-12-31
    s = r.cba.summary
    assert s.per_person_so_far
    assert s.total_cost_nominal == pytest.approx(150_000)  # the total still counts the budget for 2023
    assert s.cost_per_participant == pytest.approx(9_000)  # 90 000 / 10
    assert s.cost_per_success == pytest.approx(18_000)  # 90 000 / 5 to work
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Utfallet hittills är 9 000 kr per deltagare och 18 000 kr per lyckat utfall" in text
    labels = dict(zip(*[costbenefit.key_figures(r).frame.iloc[:, i] for i in (0, 1)]))
    assert labels["Kostnad per deltagare (utfall hittills; löpande priser)"].replace("\xa0", " ") == "9 000 kr"


def test_an_ended_project_divides_the_whole_cost(tmp_path):
    r = et.Report(_path(tmp_path, "2024-06-30"))  # ended; 2023's line is counted at its budget
    s = r.cba.summary
    assert not s.per_person_so_far
    assert s.cost_per_participant == pytest.approx(15_000)  # (90 000 + 60 000) / 10
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Det är 15 000 kr per deltagare" in text and "hittills" not in text


def test_the_english_report_says_the_same(tmp_path):
    r = et.Report(_path(tmp_path, "2023-06-30"), lang="en")
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Outturn so far: SEK 9,000 per participant" in text


def test_the_workbook_says_which_cost_the_cost_per_participant_divides(tmp_path):
    from openpyxl import load_workbook

    from evaltools.publish.workbook import export_report
    r = et.Report(_path(tmp_path, "2023-06-30"))
    out = export_report(r, tmp_path / "out")
    book = load_workbook(next(p for p in out if p.suffix == ".xlsx"))
    cells = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    flat = [(row[i], row[i + 1]) for row in cells for i in range(len(row) - 1)]
    assert ("Kostnad per person räknad på utfallet hittills (projektet pågår)", "Ja") in flat
    assert any(label == "Kostnad per deltagare" and value == 9000 for label, value in flat)


@pytest.mark.parametrize("as_of, cell", [("2023-06-30", "9 000 kr (utfall hittills)"), ("2024-06-30", "15 000 kr")])
def test_the_portfolio_says_when_a_cost_per_participant_is_the_outturn_so_far(tmp_path, monkeypatch, as_of, cell):
    from evaltools.present import portfolio as pf_module
    shown: list = []
    monkeypatch.setattr(pf_module, "show", lambda *parts: shown.extend(parts))
    pf_module.Portfolio([_path(tmp_path, as_of)]).overview()
    money = [p.frame for p in shown if hasattr(p, "frame")][1]
    assert money.iloc[0]["Per deltagare"].replace("\xa0", " ") == cell
