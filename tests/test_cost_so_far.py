"""A running project's cost per participant and per success divide what is paid so far (the lines
with utfall) by the participants so far, not the total with the budget for what remains; the
figure says so on page 1 and in the key figures, and an ended project keeps the total. Where the
lines with utfall are whole budget years before the others, the persons are those of those years:
the participants who had started by their last day, the successes who had ended by it."""
from __future__ import annotations

import datetime as dt

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
    # (every participant started and ended in 2022, the year with utfall)
    assert ("Utfallet till och med 2022-12-31 är omkring 9 000 kr per deltagare som hade börjat då och 18 000 kr per "
            "lyckat utfall enligt projektets huvudmål fram till dess") in text
    labels = dict(zip(*[costbenefit.key_figures(r).frame.iloc[:, i] for i in (0, 1)]))
    label = "Kostnad per deltagare (utfall och personer till och med 2022-12-31; löpande priser)"
    assert labels[label].replace("\xa0", " ") == "9 000 kr"


def test_an_ended_project_divides_the_whole_cost(tmp_path):
    r = et.Report(_path(tmp_path, "2024-06-30"))  # ended; 2023's line is counted at its budget
    s = r.cba.summary
    assert not s.per_person_so_far
    assert s.cost_per_participant == pytest.approx(15_000)  # (90 000 + 60 000) / 10
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Det är omkring 15 000 kr per deltagare" in text and "hittills" not in text


def test_the_english_report_says_the_same(tmp_path):
    r = et.Report(_path(tmp_path, "2023-06-30"), lang="en")
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "The outturn up to 2022-12-31 is about SEK 9,000 per participant who had started by then" in text


def test_the_workbook_says_which_cost_the_cost_per_participant_divides(tmp_path):
    from openpyxl import load_workbook

    from evaltools.publish.workbook import export_report
    r = et.Report(_path(tmp_path, "2023-06-30"))
    out = export_report(r, tmp_path / "out")
    book = load_workbook(next(p for p in out if p.suffix == ".xlsx"))
    cells = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    flat = [(row[i], row[i + 1]) for row in cells for i in range(len(row) - 1)]
    assert ("Kostnad per person räknad på utfallet hittills (projektet pågår)", "Ja") in flat
    assert ("Kostnad per person: utfallet och personerna till och med", dt.datetime(2022, 12, 31)) in flat
    assert any(label == "Kostnad per deltagare" and value == 9000 for label, value in flat)


@pytest.mark.parametrize("as_of, cell", [("2023-06-30", "9 000 kr (t.o.m. 2022-12-31)"),
                                          ("2024-06-30", "15 000 kr")])
def test_the_portfolio_says_when_a_cost_per_participant_is_the_outturn_so_far(tmp_path, monkeypatch, as_of, cell):
    from evaltools.present import portfolio as pf_module
    shown: list = []
    monkeypatch.setattr(pf_module, "show", lambda *parts: shown.extend(parts))
    pf_module.Portfolio([_path(tmp_path, as_of)]).overview()
    money_table = [p for p in shown if hasattr(p, "frame")][1]
    assert money_table.frame.iloc[0]["Per deltagare"].replace("\xa0", " ") == cell
    # the table says what "t.o.m." a date means, where a project's cost is counted so
    said = any("budgetår som var slut det datumet" in n for n in money_table.notes)
    assert said == ("t.o.m." in cell)


# --- the persons of the budget years paid so far ---------------------------------------------------------
def _two_years(tmp_path, starts: list[tuple[str, str, str]], budget: list[dict], first_day: str = "2022-01-01") -> str:
    """A project running 2022–2023 (data as of 2023-06-30), one participant per (start, end, outcome)."""
    rows = [{"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
             "household_type": "ensamstående", "start_date": start, "end_date": end, "outcome": outcome}
            for i, (start, end, outcome) in enumerate(starts)]
    path = project(tmp_path, n=1, ongoing=0, successes=1)  # (the small project's params; its files replaced here)
    pd.DataFrame(rows).to_csv(tmp_path / "data" / "participants.csv", index=False)
    pd.DataFrame(budget).to_csv(tmp_path / "data" / "budget.csv", index=False)
    path.write_text(path.read_text(encoding="utf-8").replace("start: 2022-01-01", f"start: {first_day}"),
                    encoding="utf-8")
    return str(path)


# 2022: 12 started, of whom 6 ended to work and 5 ended still on försörjningsstöd in 2022, and 1 is still
# enrolled; 2023: 8 more started, of whom 5 ended to work in 2023-05 (after the year with utfall) and 3 are
# still enrolled. 20 participants, 11 successes in all; none of the counts is small.
STARTS = ([("2022-02-01", "2022-10-01", "arbete")] * 6 + [("2022-02-01", "2022-10-01", "kvar_försörjningsstöd")] * 5
          + [("2022-03-01", "", "")] + [("2023-01-10", "2023-05-01", "arbete")] * 5 + [("2023-02-01", "", "")] * 3)
YEARS = [{"period": "2022", "category": "Lön", "budget": 130_000, "actual": 120_000},
         {"period": "2023", "category": "Lön", "budget": 130_000, "actual": None}]


def test_the_cost_paid_for_the_years_with_utfall_is_divided_by_the_persons_of_those_years(tmp_path):
    r = et.Report(_two_years(tmp_path, STARTS, YEARS))
    s = r.cba.summary
    assert s.per_person_through == dt.date(2022, 12, 31)
    assert s.total_cost_nominal == pytest.approx(250_000)  # 120 000 paid + 130 000 budget for 2023
    assert s.participants == 20  # (all participants so far, as the participation sentence counts them)
    assert s.cost_per_participant == pytest.approx(10_000)  # 120 000 over the 12 who had started by 2022-12-31
    assert s.cost_per_success == pytest.approx(20_000)  # 120 000 over the 6 who ended to work in 2022
    assert s.cost_per_exit_from_fs == pytest.approx(20_000)
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert ("Utfallet till och med 2022-12-31 är omkring 10 000 kr per deltagare som hade börjat då och 20 000 kr per "
            "lyckat utfall enligt projektets huvudmål fram till dess") in text


def test_project_years_end_on_the_day_before_the_next_project_year(tmp_path):
    # a project starting 2022-03-01: project year 1 ends 2023-02-28; the 2023-01-10 starters belong to it
    budget = [{"period": "år 1", "category": "Lön", "budget": 130_000, "actual": 110_000},
              {"period": "år 2", "category": "Lön", "budget": 130_000, "actual": None}]
    starts = [(s if s >= "2022-03-01" else "2022-03-01", e, o) for s, e, o in STARTS]
    r = et.Report(_two_years(tmp_path, starts, budget, first_day="2022-03-01"))
    s = r.cba.summary
    assert s.per_person_through == dt.date(2023, 2, 28)
    assert s.cost_per_participant == pytest.approx(110_000 / 20)  # every one of the 20 had started by 2023-02-28
    assert s.cost_per_success == pytest.approx(110_000 / 6)  # the 5 who ended 2023-05-01 had not ended by then


@pytest.mark.parametrize("budget, paid", [
    # a line for the whole period beside years: its utfall is the utfall so far (the period is not over), so
    # the cost paid up to the data's day is 2022's and that, over the persons so far
    ([{"period": "hela perioden", "category": "Lokal", "budget": 20_000, "actual": 20_000},
      {"period": "2022", "category": "Lön", "budget": 130_000, "actual": 100_000},
      {"period": "2023", "category": "Lön", "budget": 130_000, "actual": None}], 120_000),
    # 2022 only partly settled: its other line has no utfall yet
    ([{"period": "2022", "category": "Lön", "budget": 130_000, "actual": 120_000},
      {"period": "2022", "category": "Resor", "budget": 10_000, "actual": None},
      {"period": "2023", "category": "Lön", "budget": 130_000, "actual": None}], 120_000),
])
def test_utfall_that_is_not_whole_years_before_the_rest_divides_by_the_persons_so_far(tmp_path, budget, paid):
    r = et.Report(_two_years(tmp_path, STARTS, budget))
    s = r.cba.summary
    assert s.per_person_so_far and s.per_person_through is None
    assert s.cost_per_participant == pytest.approx(paid / 20)
    assert "Utfallet hittills är" in " ".join(summary.cost(r))


def test_a_cost_per_person_of_few_persons_in_the_years_with_utfall_is_withheld(tmp_path):
    # 2022: 3 started (2 to work); 2023: 11 more — 14 participants in all, but the cost paid for 2022 over its
    # 3 participants would let a reader work out 3, and with the cost per success, who succeeded
    starts = ([("2022-02-01", "2022-10-01", "arbete")] * 2 + [("2022-03-01", "", "")]
              + [("2023-01-10", "2023-05-01", "arbete")] * 5 + [("2023-02-01", "", "")] * 6)
    r = et.Report(_two_years(tmp_path, starts, YEARS))
    from evaltools.analysis.disclosure import Secondary
    assert r.disclosure.hides(Secondary.COST_PER_PARTICIPANT) and r.disclosure.hides(Secondary.COST_PER_SUCCESS)
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "60 000 kr" not in text and "40 000 kr" not in text  # 120 000 / 2 and 120 000 / 3
    # the same project with every participant in 2022 shows them (the whole-project counts alone are not small)
    assert not et.Report(_two_years(tmp_path / "b", STARTS, YEARS)).disclosure.hides(Secondary.COST_PER_PARTICIPANT)


# --- the running year's utfall so far is no year's utfall ------------------------------------------------------
YEAR_SO_FAR = [{"period": "2022", "category": "Lön", "budget": 130_000, "actual": 120_000},
               {"period": "2023", "category": "Lön", "budget": 130_000, "actual": 55_000},  # January–June only
               {"period": "2023", "category": "Resor", "budget": 10_000, "actual": 4_000}]


def test_the_running_years_utfall_so_far_is_set_aside_and_the_year_counts_at_its_budget(tmp_path):
    path = _two_years(tmp_path, STARTS, YEAR_SO_FAR)  # data as of 2023-06-30, period to 2023-12-31
    budget_file = tmp_path / "data" / "budget.csv"
    before = budget_file.read_bytes()
    r = et.Report(path)
    s = r.cba.summary
    # 2022's utfall and 2023's budget: 120 000 + 130 000 + 10 000, not 120 000 + 55 000 + 4 000
    assert s.total_cost_nominal == pytest.approx(260_000)
    assert r.cba.budget_use.share == pytest.approx(120_000 / 130_000)  # the year that is over, against its budget
    # a cost per person: all utfall up to the data's day (2022's and 2023's so far) over all 20 participants so far
    assert s.per_person_so_far and s.per_person_through is None
    assert s.cost_per_participant == pytest.approx((120_000 + 55_000 + 4_000) / 20)
    notes = [p.note("sv") for p in r.project.warnings if p.code == "part_period_actual"]
    assert notes == ["utfallet för 2023 (59\u00a0000 kr på 2 rader) gäller bara en del av perioden, som inte var slut "
                     "när uppgifterna togs ut 2023-06-30; det räknas inte som periodens utfall: kostnaden för 2023 "
                     "räknas med budgeten (eller med utfallet hittills på en rad där det redan är större), och "
                     "andelen av budgeten som använts gäller de perioder som är slut"]
    english = next(p.note("en") for p in r.project.warnings if p.code == "part_period_actual")
    assert english.startswith("the actual amounts for 2023 (SEK 59,000 on 2 lines) cover only part of a period")
    assert budget_file.read_bytes() == before  # the file is read, never changed
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Projektet har kostat" not in text and "Projektet beräknas kosta 260 000 kr" in text
    assert "Utfallet hittills är omkring 9 000 kr per deltagare" in text  # 8 950, as a person says it


def test_an_ended_project_keeps_its_last_years_utfall(tmp_path):
    path = _two_years(tmp_path, STARTS, YEAR_SO_FAR)
    path_text = open(path, encoding="utf-8").read().replace("data_as_of: 2023-06-30", "data_as_of: 2024-03-31")
    open(path, "w", encoding="utf-8").write(path_text)
    r = et.Report(path)
    assert not [p for p in r.project.warnings if p.code == "part_period_actual"]
    assert r.cba.summary.total_cost_nominal == pytest.approx(179_000)  # every line's utfall: the period is over


def test_a_project_year_not_over_sets_its_utfall_aside(tmp_path):
    # a project from 2022-03-01: project year 2 runs 2023-03-01 – 2024-02-29 and is not over on 2023-06-30
    budget = [{"period": "år 1", "category": "Lön", "budget": 130_000, "actual": 110_000},
              {"period": "år 2", "category": "Lön", "budget": 130_000, "actual": 40_000}]
    starts = [(s if s >= "2022-03-01" else "2022-03-01", e, o) for s, e, o in STARTS]
    path = _two_years(tmp_path, starts, budget, first_day="2022-03-01")
    r = et.Report(path)
    assert [p.code for p in r.project.warnings if p.code == "part_period_actual"] == ["part_period_actual"]
    assert r.cba.summary.total_cost_nominal == pytest.approx(240_000)  # 110 000 + år 2's budget
    assert r.cba.summary.cost_per_participant == pytest.approx((110_000 + 40_000) / 20)  # the utfall so far, all


def test_a_running_years_utfall_so_far_above_its_budget_counts_as_it_is(tmp_path):
    # 2023's Lön has spent 150 000 by June against a budget of 130 000 for the year: the cost is at least that
    budget = [{"period": "2022", "category": "Lön", "budget": 130_000, "actual": 120_000},
              {"period": "2023", "category": "Lön", "budget": 130_000, "actual": 150_000},
              {"period": "2023", "category": "Resor", "budget": 10_000, "actual": 4_000}]
    r = et.Report(_two_years(tmp_path, STARTS, budget))
    assert r.cba.summary.total_cost_nominal == pytest.approx(120_000 + 150_000 + 10_000)


@pytest.mark.parametrize("lang, cells, said", [
    ("sv", ["120 000 kr", "55 000 kr (hittills)"],
     "Utfallet för 2023 är bara utfallet hittills: perioden var inte slut när uppgifterna togs ut 2023-06-30."),
    ("en", ["SEK 120,000", "SEK 55,000 (so far)"],
     "The actual costs for 2023 are the actual costs so far: the period was not over when the data were taken on "
     "2023-06-30."),
])
def test_the_budget_table_shows_the_utfall_so_far_as_such(tmp_path, lang, cells, said):
    from evaltools.present.sections import budget as budget_section
    r = et.Report(_two_years(tmp_path, STARTS, YEAR_SO_FAR), lang=lang)
    [[_, table, _]] = budget_section.blocks(r)
    lines = table.frame[table.frame.iloc[:, 1] == "Lön"]
    # 2022's utfall as it is, 2023's marked as the utfall so far
    assert [c.replace("\xa0", " ") for c in lines.iloc[:, 3]] == cells
    assert said in " ".join(n.replace("\xa0", " ") for n in table.notes)


def test_the_workbook_keeps_the_utfall_so_far_apart_from_the_actual(tmp_path):
    from openpyxl import load_workbook

    from evaltools.publish.workbook import export_report
    r = et.Report(_two_years(tmp_path, STARTS, YEAR_SO_FAR))
    out = export_report(r, tmp_path / "out")
    book = load_workbook(next(p for p in out if p.suffix == ".xlsx"))
    sheet = next(ws for ws in book.worksheets if any(
        c.value == "Utfall hittills i en period som inte var slut (inte periodens utfall)" for row in ws.iter_rows()
        for c in row))
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = next(i for i, row in enumerate(rows) if "Utfall" in row)
    at = {name: rows[head].index(name) for name in ("Utfall", "Utfall hittills i en period som inte var slut "
                                                            "(inte periodens utfall)")}
    values = [(row[at["Utfall"]], row[at["Utfall hittills i en period som inte var slut (inte periodens utfall)"]])
              for row in rows[head + 1:] if row[at["Utfall"]] is not None or any(row)]
    assert (120_000, None) in values and (None, 55_000) in values and (None, 4_000) in values


def test_a_whole_period_line_with_utfall_so_far_divides_it_by_the_participants_so_far(tmp_path):
    budget = [{"period": "hela", "category": "Personal", "budget": 300_000, "actual": 120_000}]
    r = et.Report(_two_years(tmp_path, STARTS, budget))
    s = r.cba.summary
    assert s.total_cost_nominal == pytest.approx(300_000)  # the period is not over: its budget
    assert s.cost_per_participant == pytest.approx(6_000)  # 120 000 so far over the 20 participants so far
    text = " ".join(summary.cost(r)).replace("\xa0", " ")
    assert "Utfallet hittills är omkring 6 000 kr per deltagare" in text
    from evaltools.present.sections import budget as budget_section
    [[_, table, _]] = budget_section.blocks(r)
    assert any(n.replace("\xa0", " ").startswith("Utfallet för hela perioden är bara utfallet hittills")
               for n in table.notes)
