"""Twenty-third sweep of projects unlike the samples, from files made in Excel: a project for people on sickness
benefit or activity compensation from Försäkringskassan, run by a region and two municipalities, going to work or
studies. Nobody had försörjningsstöd to leave, so the calculation has no benefit to value: the cost-benefit section
now shows the cost and what it would take to carry it (as a structural project's), never a net present value of
minus the cost, a benefit per krona of 0,00 or "negative even without deadweight". Its main goal, "minst 40 % av
deltagarna ska ha närmat sig arbete eller studier", counts job seeking as coming closer to work, as its words say,
and page 1 no longer says the goal counts outcomes its words do not name. Each fixture is a tiny project written in
tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import csv
import datetime as dt
from types import SimpleNamespace

import numpy as np
import openpyxl
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections.summary import answers, question_heading

NBSP = "\u00a0"

HEAD = """\
id: steget
kind: individ
title: Steget
forbund: Samordningsförbundet Mittland
owner: Region Mittland
partners: [Åsby kommun, Norrfors kommun, Försäkringskassan]
period: {start: 2025-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 300000
data: {participants: data/deltagare.csv, budget: data/budget.xlsx}
goals:
  - id: narmat
    kind: share
    label: %s
    target: 0.4
    period: whole_period
    denominator: participants
    success_outcomes: %s
"""
GOAL = "Minst 40 % av deltagarna ska ha närmat sig arbete eller studier"
CLOSER = "[arbete, arbete_med_stöd, studier, arbetssökande]"
COLUMNS = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "support_start"]


def _steget(tmp_path, support="sjukpenning", label=GOAL, outcomes=CLOSER):
    """Six participants, each on ``support`` at start, from 2025-02-01 to 2025-08-31: two to work, one to studies,
    two job seekers and one still on sickness benefit; a semicolon CSV in Windows-1252 as Excel saves it. The budget
    is a sheet as a förbund lays it out (a title row, Swedish headings, an empty row and a Summa row): the förbund's
    project leader, 300 000 kr budgeted and 280 000 kr spent, and Försäkringskassan's case officer, 60 000 kr both."""
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    ends = ["arbete", "arbete", "studier", "arbetssökande", "arbetssökande", "sjukpenning"]
    with open(data / "deltagare.csv", "w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(COLUMNS)
        for i, out in enumerate(ends):
            w.writerow([f"S{i + 1:02d}", "kvinna" if i % 2 else "man", 1980 + i, "ensamstående", "2025-02-01",
                        "2025-08-31", out, support])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Steget – budget och utfall (kr)"])
    ws.append(["Kostnadsslag", "Finansiär", "Budget 2025", "Utfall 2025"])
    ws.append(["Projektledare", "förbund", 300000, 280000])
    ws.append(["Handläggare Försäkringskassan", "försäkringskassan", 60000, 60000])
    ws.append([])
    ws.append(["Summa", None, 360000, 340000])
    wb.save(data / "budget.xlsx")
    p = tmp_path / "steget.yaml"
    p.write_text(HEAD % (label, outcomes), encoding="utf-8")
    return et.load_project(p)


def _labels(table) -> list[str]:
    return list(table.frame.iloc[:, 0])


# --- 1. nobody had försörjningsstöd to leave: the cost, not a net present value of minus the cost ---------------
def test_without_any_forsorjningsstod_to_leave_no_net_present_value_is_stated(tmp_path):
    s = et.cost_benefit(_steget(tmp_path)).summary
    # the five who moved on (2 arbete, 1 studier; the default leavers' codes also hold sjukpenning, but the one who
    # ended on the sickness benefit they had at start has not moved on) had sjukpenning at start: 3 left out, none saved
    assert s.successes == 0 and s.other_support == (("sjukpenning", 3),)
    assert s.total_cost_nominal == 340000  # 280 000 + 60 000 kr of utfall
    for name in ("pv_benefit", "npv", "bcr", "payback_months", "break_even_exits", "switching_deadweight"):
        assert np.isnan(getattr(s, name)), name
    assert s.pv_cost > 0
    # the same project on försörjningsstöd: its exits to work (2), studies (1) and sickness benefit (1, a benefit
    # instead of försörjningsstöd) save it, 4 leavers, and the NPV is stated
    fs = et.cost_benefit(_steget(tmp_path / "fs", support="försörjningsstöd")).summary
    assert fs.successes == 4 and not np.isnan(fs.npv)


@pytest.mark.parametrize("lang, cost_row, npv_row, bcr_row", [
    ("sv", "Kostnad för de offentliga finansiärerna", "Nettonuvärde", "Nytta per satsad krona"),
    ("en", "Cost for the public financiers", "Net present value", "Benefit per krona"),
])
def test_the_key_figures_show_the_cost_and_no_benefit_or_ratio(tmp_path, lang, cost_row, npv_row, bcr_row):
    r = et.Report(_steget(tmp_path), lang=lang)
    rows = _labels(cb_section.key_figures(r))
    assert any(x.startswith(cost_row) for x in rows)
    assert not any(x.startswith((npv_row, bcr_row)) for x in rows)
    # total cost 340 000 kr over 6 participants: 56 666,67, shown 56 667 kr
    values = dict(zip(rows, cb_section.key_figures(r).frame.iloc[:, 1]))
    per = next(v for k, v in values.items() if k.startswith(("Kostnad per deltagare", "Cost per participant")))
    assert per == (f"56{NBSP}667{NBSP}kr" if lang == "sv" else f"SEK{NBSP}56,667")
    # the table's note speaks of the cost only, not of a benefit and a net present value it does not show
    note = " ".join(cb_section.key_figures(r).notes)
    assert not note.startswith(("Nytta, kostnad och nettonuvärde", "Benefit, cost and net present value"))
    # with försörjningsstöd to leave the rows are there
    fs_rows = _labels(cb_section.key_figures(et.Report(_steget(tmp_path / "fs", support="försörjningsstöd"), lang=lang)))
    assert any(x.startswith(npv_row) for x in fs_rows) and any(x.startswith(bcr_row) for x in fs_rows)


def test_the_actors_and_assumptions_are_the_cost_only_and_the_workbook_agrees(tmp_path):
    r = et.Report(_steget(tmp_path), lang="sv")
    table = cb_section.perspective_table(r).frame
    # the cost per actor, no benefit or net column; the individual bears none of the cost and has no row
    assert list(table.columns[:2]) == ["Aktör", "Kostnad (nuvärde)"]
    assert "Netto" not in table.columns and "Nytta (+) eller förlust (−), nuvärde" not in table.columns
    assert "Individen" not in list(table["Aktör"])
    # the assumptions that enter the cost: no deadweight, horizon or drop-off, and (nobody had försörjningsstöd at
    # start, so no person-years without it are counted) no monthly level of it
    assert set(cb_section.applicable_assumptions(r.cba)["name"]) == {"price_year", "discount_rate", "skattefaktor"}
    figures = r.key_tables()["kostnad_nytta"]
    assert float(figures["total_cost_nominal"].iloc[0]) == 340000
    assert not {"npv", "bcr", "pv_benefit", "payback_months", "deadweight", "switching_deadweight"} & set(figures.columns)


# --- 2. a goal of coming closer to work or studies counts job seeking as its words do -------------------------
def _goal_answer(r) -> str:
    heading = {"sv": "Nådde projektet sina mål?", "en": "Did the project reach its goals?"}[r.lang]
    return " ".join(next(s for key, _part, s in answers(r) if question_heading(r, key) == heading))


@pytest.mark.parametrize("lang, beyond", [
    ("sv", "som dess text inte nämner"),
    ("en", "which its words do not name"),
])
def test_a_goal_of_coming_closer_to_work_or_studies_is_not_said_to_count_beyond_its_words(tmp_path, lang, beyond):
    r = et.Report(_steget(tmp_path), lang=lang)
    # 2 arbete + 1 studier + 2 arbetssökande of 6 participants: 5 of 6, 83,3 %
    assert (r.goals.table["numerator"].iloc[0], r.goals.table["denominator"].iloc[0]) == (5, 6)
    assert beyond not in _goal_answer(r)
    assert goals_section.beyond_words_sentences(r) == []
    # a goal to go to work or studies that counts job seekers too still says so, on page 1 and in the goal section
    to_work = et.Report(_steget(tmp_path / "to", label="Minst 40 % av deltagarna ska gå till arbete eller studier"),
                        lang=lang)
    assert beyond in _goal_answer(to_work)
    assert len(goals_section.beyond_words_sentences(to_work)) == 1


@pytest.mark.parametrize("label", [GOAL, "Minst 40 % ska ha närmat sig arbetsmarknaden eller studier",
                                   "At least 40% of the participants should have come closer to work or studies",
                                   "At least 40% should have moved towards work or studies"])
def test_words_of_coming_closer_name_more_than_work_and_studies(label):
    # (a goal as the params model holds it: its kind, label and success outcomes)
    g = SimpleNamespace(kind="share", numerator="outcome", label=label, label_en=None,
                        success_outcomes=("arbete", "studier", "arbetssökande"))
    assert goals_section.words_named(g) == ""
    assert goals_section.outcomes_beyond_words(g) == ()
    # the words of going to work or studies name them only: job seeking is beyond them
    g.label = "Minst 40 % ska gå till arbete eller studier"
    assert goals_section.outcomes_beyond_words(g) == ("arbetssökande",)


def test_the_excel_files_are_read_as_an_evaluator_saves_them(tmp_path):
    project = _steget(tmp_path)
    assert len(project.participants) == 6
    assert set(project.participants["support_start"]) == {"sjukpenning"}
    assert dt.date(2025, 2, 1) == project.participants["start_date"].min().date()
