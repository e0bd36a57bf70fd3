"""One goal, one verdict: the same words for the same goal and period on page 1, in the goal table,
the workbook and the portfolio; running periods; one rounding rule for pro-rated targets.

Expected values are worked out by hand here (Clopper–Pearson bounds from the beta quantiles, days
counted from the calendar); the package is only asked to render.
"""
from __future__ import annotations

import datetime as dt
import math

import openpyxl
import pandas as pd
import pytest
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.goals import GoalStatus, GoalVerdict, IntervalVerdict, goal_verdict, whole_persons
from evaltools.words.text import msg

from .conftest import PARAMS, write_csv

# 20 participants, all ended: 11 to work, 9 still on försörjningsstöd. 2022: 12 start; 2023: 8 start.
ROWS = [(f"P{i:02d}", "2022-02-01" if i <= 12 else "2023-02-01", "2022-09-01" if i <= 12 else "2023-09-01",
         "arbete" if i <= 11 else "kvar_försörjningsstöd") for i in range(1, 21)]
SHARE_LABEL = "Hälften av de avslutade ska gå till arbete"
QUAL_LABEL = "Bättre samverkan med vården"
EVIDENCE = "Gemensamma möten varje månad enligt protokollen"


def _write(tmp_path, data_as_of: str | None = None, planned_end: str = "2023-12-31", actual_end: str | None = None,
           share_target: float = 0.5, share_label: str = SHARE_LABEL):
    rows = [{"person_id": p, "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
             "start_date": s, "end_date": e, "outcome": o} for p, s, e, o in ROWS]
    write_csv(tmp_path / "data" / "participants.csv", pd.DataFrame(rows))
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 100000}])
    period = f"{{start: 2022-01-01, planned_end: {planned_end}" + (f", actual_end: {actual_end}" if actual_end else "") + "}"
    (tmp_path / "v.yaml").write_text(f"""\
id: verdikt
title: Verdiktprojektet
forbund: Testförbundet
owner: Testkommun
period: {period}
{f"data_as_of: {data_as_of}" if data_as_of else ""}
data: {{participants: data/participants.csv, budget: data/budget.csv}}
goals:
  - id: arbete
    kind: share
    label: {share_label}
    target: {share_target}
    period: whole_period
    denominator: exits
    count_by: exit
    success_outcomes: [arbete]
  - id: deltagare
    kind: participant_count
    label: Minst 10 deltagare per år
    target: 10
    period: project_year
  - id: samverkan
    kind: qualitative
    label: {QUAL_LABEL}
    assessment: uppnått
    evidence: {EVIDENCE}
""", encoding="utf-8")
    return tmp_path / "v.yaml"


@pytest.fixture
def ended(tmp_path):
    return _write(tmp_path)


def _norm(s: str) -> str:
    return s.replace("\u00a0", " ").lower()


# --- the Enum covers every status -----------------------------------------------------------------
def test_every_status_the_goal_table_produces_is_a_member_with_words(ended):
    samples = [ended, *(p for p in (PARAMS / f"{x}.yaml" for x in ("timra-vagen-ut", "eskilstuna-ansokan",
                                                                   "samverkan-i-praktiken")) if p.is_file())]
    for path in samples:
        tab = et.assess_goals(et.load_project(path)).table
        assert tab["status"].map(lambda s: isinstance(s, GoalStatus)).all()
        assert tab["verdict"].map(lambda v: isinstance(v, GoalVerdict)).all()
    # every member has its words in both languages, and they differ between members
    for lang in ("sv", "en"):
        words = [msg(f"goal_status.{m.name.lower()}", lang) for m in GoalStatus]
        assert len(set(words)) == len(GoalStatus)
    assert {m.name for m in GoalVerdict} <= {m.name for m in GoalStatus}


def test_verdict_over_periods_by_hand():
    S, V = GoalStatus, GoalVerdict
    assert goal_verdict([S.REACHED, S.REACHED]) == V.REACHED
    assert goal_verdict([S.REACHED_UNCERTAIN]) == V.REACHED_UNCERTAIN
    assert goal_verdict([S.REACHED, S.REACHED_UNCERTAIN]) == V.REACHED_UNCERTAIN
    assert goal_verdict([S.REACHED, S.NOT_REACHED]) == V.PARTLY
    assert goal_verdict([S.REACHED, S.NOT_REACHED_UNCERTAIN]) == V.PARTLY_UNCERTAIN
    assert goal_verdict([S.NOT_REACHED, S.NOT_REACHED_UNCERTAIN]) == V.NOT_REACHED_UNCERTAIN
    # a running period is not judged: the verdict rests on the ended ones, or is "running" alone
    assert goal_verdict([S.REACHED, S.REACHED, S.RUNNING]) == V.REACHED
    assert goal_verdict([S.RUNNING]) == V.RUNNING
    assert goal_verdict([S.NOT_ASSESSED, S.NOT_ASSESSED]) == V.NOT_ASSESSED
    assert goal_verdict([S.VOLUMES_REACH, S.VOLUMES_SHORT]) == V.VOLUMES_PARTLY
    assert goal_verdict([S.CONTEXT]) == V.CONTEXT


# --- a share whose interval spans its target: the same words everywhere ------------------------------
def test_uncertain_share_reads_the_same_on_page_one_table_workbook_and_portfolio(ended, tmp_path):
    project = et.load_project(ended)
    tab = et.assess_goals(project).table.set_index("goal_id")
    row = tab.loc["arbete"]
    # by hand: 11 of 20 = 55 %; Clopper–Pearson from the beta quantiles spans 50 %
    lo, hi = beta.ppf(0.025, 11, 10), beta.ppf(0.975, 12, 9)
    assert round(lo, 3) == 0.315 and round(hi, 3) == 0.769 and lo < 0.5 < hi
    assert row["value"] == pytest.approx(0.55) and row["ci_low"] == pytest.approx(lo) and row["ci_high"] == pytest.approx(hi)
    assert row["ci_verdict"] == IntervalVerdict.SPANS
    assert row["status"] == GoalStatus.REACHED_UNCERTAIN and row["verdict"] == GoalVerdict.REACHED_UNCERTAIN

    for lang, words in (("sv", "Uppnått, men osäkert"), ("en", "Achieved, but uncertain")):
        r = et.Report(et.load_project(ended), lang)
        # page 1
        from evaltools.present.sections.summary import goal_fulfilment
        (line,) = [s for s in goal_fulfilment(r) if s.startswith(SHARE_LABEL)]
        assert _norm(line).startswith(_norm(f"{SHARE_LABEL}: {words}"))
        assert "kan inte avgöra" not in line and "cannot tell" not in line
        # the goal table's status cell
        shown = r.goals.display(lang)
        status_col = "Bedömning" if lang == "sv" else "Assessment"
        cells = shown.loc[shown.iloc[:, 0] == SHARE_LABEL, status_col].tolist()
        assert cells == [words]
        # the workbook's status and verdict cells, read back
        out = tmp_path / lang
        et.export_report(r, out)
        wb = openpyxl.load_workbook(next(out.glob("*.xlsx")))
        ws = wb["Mål" if lang == "sv" else "Goals"]
        header = [c.value for c in ws[1]]
        rows = [dict(zip(header, (c.value for c in xl))) for xl in ws.iter_rows(min_row=2)]
        (goal_row,) = [x for x in rows if x[header[0]] == SHARE_LABEL]
        status_head = "Bedömning för perioden" if lang == "sv" else "Assessment for the period"
        verdict_head = "Bedömning av målet (alla perioder)" if lang == "sv" else "Assessment of the goal (all periods)"
        assert goal_row[status_head] == words and goal_row[verdict_head] == words
        # the portfolio's cell
        portfolio = et.Portfolio([ended], lang=lang)
        g = portfolio.goal_table()
        assert g.loc[g.iloc[:, 1] == SHARE_LABEL].iloc[0, 2] == words


def test_qualitative_goal_rests_on_the_evaluators_assessment(ended, tmp_path):
    r = et.Report(et.load_project(ended), "sv")
    tab = r.goals.table.set_index("goal_id")
    assert tab.loc["samverkan", "mode"] == "assessed"
    et.export_report(r, tmp_path / "x")
    ws = openpyxl.load_workbook(next((tmp_path / "x").glob("*.xlsx")))["Mål"]
    header = [c.value for c in ws[1]]
    (row,) = [dict(zip(header, (c.value for c in xl))) for xl in ws.iter_rows(min_row=2) if xl[0].value == QUAL_LABEL]
    assert row["Underlag"] == "Utvärderarens bedömning"
    assert row["Underlag för utvärderarens bedömning"] == EVIDENCE
    assert not any("Uppmätt" in str(v) for v in row.values())
    # the report's qualitative table: the evaluator's words, never a measurement
    from evaltools.present.sections import goals as sg
    text = " ".join(str(b.frame.to_string()) for block in sg.blocks(r) for b in block if hasattr(b, "frame"))
    assert "Uppmätt" not in text and EVIDENCE in text and "utvärderarens bedömning" in text.lower()


# --- periods as they are --------------------------------------------------------------------------
def test_running_period_is_running_with_the_target_for_the_time_so_far(tmp_path):
    # the data end 2023-06-30; the project goes on to 2023-12-31: year 2 is running
    path = _write(tmp_path, data_as_of="2023-06-30")
    r = et.Report(et.load_project(path), "sv")
    tab = r.goals.table.set_index(["goal_id", "period_key"])
    y2 = tab.loc[("deltagare", "år2")]
    days = (dt.date(2023, 6, 30) - dt.date(2023, 1, 1)).days + 1
    assert days == 181
    # 10 * 181/365 = 4,96 -> 5 whole persons; 8 started in 2023 so far
    assert y2["running"] and not y2["cut"] and y2["status"] == GoalStatus.RUNNING
    assert y2["target_prorated"] == 5 and y2["value"] == 8
    # year 1 ended and reached (12 against 10): the goal's verdict rests on it, a period still runs
    assert tab.loc[("deltagare", "år1"), "status"] == GoalStatus.REACHED
    assert y2["verdict"] == GoalVerdict.REACHED and y2["verdict_so_far"]
    # the whole-period share is running too: shown so far, not judged
    assert tab.loc[("arbete", "hela"), "status"] == GoalStatus.RUNNING
    from evaltools.present.sections.summary import goal_fulfilment
    text = " ".join(goal_fulfilment(r)).replace("\u00a0", " ")
    assert "8 hittills år 2, som pågår" in text and "månader som gått är 5)" in text
    assert "kortades" not in text
    shown = r.goals.display("sv")
    y2_row = shown[(shown.iloc[:, 0] == "Minst 10 deltagare per år") & shown["Period"].str.startswith("År 2")].iloc[0]
    assert y2_row["Bedömning"] == "Pågår" and y2_row["Målvärde"] == "10 (5)"


def test_a_project_that_ended_early_cuts_its_period(tmp_path):
    path = _write(tmp_path, actual_end="2023-06-30")
    tab = et.assess_goals(et.load_project(path)).table.set_index(["goal_id", "period_key"])
    y2 = tab.loc[("deltagare", "år2")]
    # 8 against 10 * 181/365 -> 5: judged, reached
    assert y2["cut"] and not y2["running"] and y2["target_prorated"] == 5 and y2["status"] == GoalStatus.REACHED


@pytest.mark.parametrize("x, shown", [(23.5, 24), (23.45, 23), (30.136986, 30), (35.205, 35), (17.6, 18), (0.49, 0)])
def test_one_rounding_rule_for_prorated_targets(x, shown):
    assert whole_persons(x) == shown == math.floor(x + 0.5)


def test_value_equal_to_the_target_as_shown_is_reached(tmp_path):
    """23 against a target shown as 23 reads as reached, never as partly."""
    from evaltools.analysis.goals import _status
    target = whole_persons(40 * 214 / 365)  # 23,45 -> 23, as the table shows it
    assert target == 23 and _status(23, target, 0.8) == GoalStatus.REACHED
    # the application check rounds alike: 40 a year for 275 of 365 days against the same target
    assert whole_persons(40 * 275 / 365) == whole_persons(40 * 275 / 365) == 30


def test_share_clearly_above_its_target_reads_reached_everywhere(tmp_path):
    # 11 of 20 against 20 %: the exact lower bound beta.ppf(0.025, 11, 10) = 31,5 % lies above 20 %
    assert beta.ppf(0.025, 11, 10) > 0.2
    label = "De avslutade ska gå till arbete"  # (a label saying "hälften" is refused beside a target of 0.2)
    r = et.Report(et.load_project(_write(tmp_path, share_target=0.2, share_label=label)), "sv")
    from evaltools.present.sections.summary import goal_fulfilment
    (line,) = [s for s in goal_fulfilment(r) if s.startswith(label)]
    assert line.startswith(f"{label}: uppnått – ") and "tydligt över målet" in line
    shown = r.goals.display("sv")
    assert shown.loc[shown.iloc[:, 0] == label, "Bedömning"].tolist() == ["Uppnått"]
