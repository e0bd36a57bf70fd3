"""What a board member stumbles over, a twentieth reading: Kompassen's workbook wrote "Före start" on two sheets for
two figures (the before-and-after sheet's months 12 to 4 before the start, 9 148 kr, and the phase sheet's 12 months
before it, 9 619 kr), where the report's payments section names the phase table's months ("12 mån före start");
and the portfolio's workbook gave Specialistteamet's cost per participant and per success (the outturn and the
persons up to 2025-12-31, as the overview says "t.o.m. 2025-12-31") without that date, so that they read as the
total cost over every participant; and Specialistteamet's evaluator gave 47,5 % as the share "av dem som avslutat"
beside page 1's "Av 242 avslutade deltagare fick 112" (46,3 %): the share is of the 236 who did not move."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.comparison import payment_phases
from evaltools.publish.workbook import portfolio_sheet, report_sheets, write_workbook

from .conftest import sample_portfolio, sample_project, sample_report, shown_chunks

PHASE_SHEET = {"sv": "Försörjningsstöd per fas", "en": "Social assistance by phase"}
BEFORE_AFTER_SHEET = {"sv": "Försörjningsstöd", "en": "Social assistance"}


def _sheets(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def _report_sheets(r, lang, tmp_path):
    path = write_workbook(tmp_path / f"{lang}.xlsx", report_sheets(r.key_tables(), r.k, lang=lang), lang, r.k)
    return _sheets(path)


@pytest.mark.parametrize(("lang", "phases"), [
    ("sv", ["12 mån före start", "Under deltagandet", "12 mån efter avslut"]),
    ("en", ["12 months before start", "During participation", "12 months after exit"])])
def test_the_workbooks_phases_name_their_months_as_the_payments_section_does(lang, phases, tmp_path):
    """Kompassen's params take 12 months before the start and after the exit for the phases (comparison:
    months_before: 12), and its before-and-after sheet's "before" stops 3 months short of the start (the
    anticipation window), so the two sheets' "before" for the participants are two figures: the phase sheet's
    label names its 12 months, in the words of the report's own table."""
    from evaltools.present.sections import payments
    r = sample_report("kompassen-demo", lang)
    sheets = _report_sheets(r, lang, tmp_path)
    header, *rows = sheets[PHASE_SHEET[lang]]
    col = header.index({"sv": "Fas", "en": "Phase"}[lang])
    assert [row[col] for row in rows] == phases * 2  # (participants, then the comparison group)
    shown = " ".join(shown_chunks(payments.blocks(r)))
    assert all(p in shown for p in phases)
    # the two sheets' participants' "before" are two different figures, so they may not carry one name
    before_after = sheets[BEFORE_AFTER_SHEET[lang]]
    assert round(before_after[1][2]) != round(rows[0][-1])
    assert before_after[0][2].split(",")[0] != rows[0][col]


def test_the_phases_months_follow_the_window_the_params_set(tiny_project, tmp_path):
    """A project whose params set 6 months before the start: the phases take 6 months (the analysis says so on
    every row), and the sheet says "6 mån före start", never 12."""
    project = et.load_project(tiny_project("comparison:\n  months_before: 6\n"))
    phases = payment_phases(project)
    assert set(phases["months"]) == {6}
    path = write_workbook(tmp_path / "tiny.xlsx", report_sheets({"forsorjningsstod_faser": phases}, 5, lang="sv"),
                          "sv", 5)
    header, *rows = _sheets(path)[PHASE_SHEET["sv"]]
    # (the payments file covers 2022-01..2022-02 only: no one's months after the exit are in it, so no row)
    assert [row[header.index("Fas")] for row in rows] == ["6 mån före start", "Under deltagandet"]


@pytest.mark.parametrize(("lang", "so_far", "through", "yes_no"), [
    ("sv", "Kostnad per deltagare och per lyckat utfall räknad på utfallet hittills (projektet pågår)",
     "Kostnad per deltagare och per lyckat utfall: utfallet och personerna till och med", ("Ja", "Nej")),
    ("en", "Cost per participant and per successful outcome counted on the outturn so far (project still running)",
     "Cost per participant and per successful outcome: the outturn and the persons up to", ("Yes", "No"))])
def test_the_portfolio_workbook_says_up_to_when_a_running_projects_costs_per_person_count(lang, so_far, through,
                                                                                           yes_no, tmp_path):
    """Specialistteamet runs to 2026-12-31 with data up to 2026-10-31: its budget has outturn for 2024
    (1 128 470 kr) and 2025 (1 269 470 kr) only, so its cost per participant is 2 397 940 kr over the persons who
    had started by 2025-12-31, and the overview writes "(t.o.m. 2025-12-31)" beside it. The workbook's row gives
    that date and says the figure is the outturn so far; Kompassen, finished, has no date."""
    pf = sample_portfolio(("eskilstuna-specialistteamet", "kompassen-demo"), lang)
    path = write_workbook(tmp_path / "portfolio.xlsx", [portfolio_sheet(pf.table)], lang, 5)
    header, *rows = next(v for k, v in _sheets(path).items() if k not in ("Om tabellerna", "About the tables"))
    by_id = {row[0]: dict(zip(header, row)) for row in rows}
    st, ko = by_id["eskilstuna-specialistteamet"], by_id["kompassen-demo"]
    # the persons who had started by 2025-12-31, counted from the participants' rows
    parts = sample_project("eskilstuna-specialistteamet").participants
    started = parts.loc[pd.to_datetime(parts["start_date"]) <= pd.Timestamp("2025-12-31"), "person_id"].nunique()
    per_participant = st[{"sv": "Kostnad per deltagare", "en": "Cost per participant"}[lang]]
    assert per_participant == pytest.approx((1_128_470 + 1_269_470) / started, abs=0.01)
    assert st[so_far] == yes_no[0] and st[through].date() == dt.date(2025, 12, 31)
    assert ko[so_far] == yes_no[1] and ko[through] is None


def test_the_evaluators_share_of_the_ended_says_whom_it_leaves_out():
    """Specialistteamet: 112 successes among 242 ended, 6 of whom moved (its outcome table); page 1 says "Av 242
    avslutade deltagare fick 112". The evaluator's cited share is the share goal's, 112 / (242 − 6) = 47,46 %
    (47,5 %), not 112 / 242 = 46,28 %: the sentence that cites it says that those who moved are left out."""
    r = sample_report("eskilstuna-specialistteamet", "sv")
    outcomes = r.project.participants.loc[r.project.participants["end_date"].notna(), "outcome"]
    assert (len(outcomes), int((outcomes == "flyttat").sum())) == (242, 6)
    text = " ".join(r.narrative.resolved("assessment").split())
    (sentence,) = [s for s in text.split(". ") if "47\\,5" in s]
    assert "47\\,5 \\%" in sentence and round(100 * 112 / (242 - 6), 1) == 47.5
    assert "utom dem som flyttat" in sentence, sentence
