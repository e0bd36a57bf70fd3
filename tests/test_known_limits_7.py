"""Known limits taken to a fix: reach counts persons, timestamps read as their day, the DiD's unit the
household, a running structural project says so, a year not yet over is not "not achieved", lost
leading zeros in one message, repayments netted in the month.

Every expected value is worked out by hand in a comment beside it.
"""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.words import glossary

from .conftest import participants_frame, write_csv


def _report(path, lang: str = "sv"):
    return et.Report(et.load_project(path), lang=lang)


# --- 1. reach counts distinct persons, not enrolments --------------------------------------------------

TWICE = [*participants_frame().itertuples(index=False, name=None),
         # P1 ended 2022-08-01 and comes back: a second enrolment of the same person
         ("P1", "kvinna", 1980, "ensamstående", "2023-02-01", "2023-06-01", "arbete"),
         # a fifth person: four persons would be too few to state as the number of participants (or the reach)
         ("P5", "man", 1985, "ensamstående", "2023-02-01", "2023-06-01", "arbete")]


@pytest.mark.parametrize("lang, label", [("sv", "Räckvidd (andel av målgruppen som deltagit)"),
                                         ("en", "Reach (share of the target population who took part)")])
def test_reach_counts_a_person_enrolled_twice_once(tiny_project, lang, label):
    from evaltools.present.sections import facts
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(TWICE))
    r = _report(tiny_project("target_population: 10\n"), lang)
    assert len(r.project.participants) == 6  # six enrolments ...
    rows = dict(facts.rows(r))
    # ... of five persons (P1, P2, P3, P4, P5): 5 / 10 = 50,0 % (enrolments would give 6 / 10 = 60,0 %)
    assert rows[label] == ("50,0\u00a0%" if lang == "sv" else "50.0%")


@pytest.mark.parametrize("lang, words", [("sv", "räknas en gång"), ("en", "counts once")])
def test_the_glossary_defines_reach_as_persons(lang, words):
    label = {"sv": "Räckvidd (andel av målgruppen som deltagit)",
             "en": "Reach (share of the target population who took part)"}[lang]
    assert [t.id for t in glossary.used_in(label, lang)] == ["rackvidd"]
    assert words in glossary.definition("rackvidd", lang)


# --- 2. a date with a time of day is read as its day, with a note ----------------------------------------

TIMED = [("P1", "kvinna", 1980, "ensamstående", "2022-02-01 08:30", "2022-08-01", "arbete"),
         ("P2", "man", 1975, "sambo_med_barn", "2022-03-15T13:05:59", "2022-12-01 00:00:00", "kvar_försörjningsstöd"),
         ("P3", "kvinna", 1990, "ensamstående_med_barn", "2022-06-01 00:00", "", ""),
         ("P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01 16:45:00", "sjuk_aktivitetsersättning")]


def test_a_timestamp_is_read_as_its_day_and_noted_per_column(tiny_project):
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(TIMED))
    project = et.load_project(tiny_project())
    p = project.participants.set_index("person_id")
    assert p.loc["P1", "start_date"] == pd.Timestamp("2022-02-01")
    assert p.loc["P2", "start_date"] == pd.Timestamp("2022-03-15")
    assert p.loc["P4", "end_date"] == pd.Timestamp("2023-05-01")
    notes = {w.column: w for w in project.warnings if w.key == "date.time_read"}
    # start_date: P1 (08:30) and P2 (13:05:59) have a time, P3's 00:00 is midnight: 2 cells, rows 2 and 3
    # end_date: P4 (16:45:00) only, P2's 00:00:00 is midnight: 1 cell, row 5
    assert set(notes) == {"start_date", "end_date"}
    assert notes["start_date"].note("sv").startswith("kolumnen start_date har 2 datum med klockslag")
    assert "(rad 2, 3)" in notes["start_date"].note("sv")
    assert notes["end_date"].note("en").startswith("dates with a time of day in the column end_date: 1 ")
    assert "(row 5)" in notes["end_date"].note("en")


def test_only_midnight_gives_no_note(tiny_project):
    rows = [(*r[:4], r[4][:10] + " 00:00:00", r[5][:10] + (" 00:00" if r[5] else ""), r[6]) for r in TIMED]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    project = et.load_project(tiny_project())
    assert not [w for w in project.warnings if w.key == "date.time_read"]


@pytest.mark.parametrize("value", ["2022-02-01 25:30", "2022-02-01 08:61", "2022-02-01 kl 8", "2022-02-01 08:30 foo",
                                   "2022-02-30 08:30"])
def test_a_date_with_garbage_after_it_is_still_refused(tiny_project, value):
    rows = [(*TIMED[0][:4], value, *TIMED[0][5:]), *TIMED[1:]]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(tiny_project())
    cells = [p for p in e.value.problems if p.column == "start_date"]
    assert len(cells) == 1 and cells[0].row == 2


def test_an_excel_datetime_cell_is_read_as_its_day(tiny_project):
    import datetime as dt

    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "participants"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for r in participants_frame().itertuples(index=False):
        ws.append(list(r))
    ws.cell(2, 5, dt.datetime(2022, 2, 1, 8, 30))  # P1's start, a case system's timestamp
    path = tiny_project.dir / "data" / "participants.xlsx"
    wb.save(path)
    params = tiny_project(data_block="data:\n  participants: data/participants.xlsx\n  budget: data/budget.csv\n")
    project = et.load_project(params)
    assert project.participants.set_index("person_id").loc["P1", "start_date"] == pd.Timestamp("2022-02-01")
    (note,) = [w for w in project.warnings if w.key == "date.time_read"]
    assert note.note("sv") == ("kolumnen start_date har 1 datum med klockslag (rad 2); varje sådant datum läses som "
                               "dagen, utan klockslaget. Kontrollera att det är dagen som avses (en tidsstämpel från "
                               "ett verksamhetssystem är det)")


# --- 3. the payments DiD counts a household once ----------------------------------------------------------

def _household_project(tmp_path, seed: int = 7):
    """Six participants in five households (A and B share H1; B starts two months after A) and five
    comparison persons, every reference month 2022-04 but B's, payments 2021-04 .. 2023-04. H1's payments
    fall by 3 000 kr from A's start, the other participants' by 1 000 kr; the comparison group's do not."""
    import numpy as np
    rng = np.random.default_rng(seed)
    months = pd.period_range("2021-04", "2023-04", freq="M")
    rows_p, rows_c, pay, cpay = [], [], [], []
    people = [("A", "H1", "2022-04-05"), ("B", "H1", "2022-06-10"), ("C", "H2", "2022-04-01"),
              ("D", "H3", "2022-04-20"), ("E", "H4", "2022-04-11"), ("F", "H5", "2022-04-28")]
    series = {}
    for pid, hh, start in people:
        rows_p.append({"person_id": pid, "sex": "kvinna", "birth_year": 1980, "household_type": "sambo_utan_barn",
                       "start_date": start, "end_date": "", "outcome": "", "household_id": hh})
        if hh not in series:  # the household's payments, the same rows for each of its members
            drop = 3000 if hh == "H1" else 1000
            level = rng.integers(8000, 12000)
            series[hh] = [int(level + rng.integers(-400, 400) - (drop if m >= pd.Period("2022-04", "M") else 0))
                          for m in months]
        pay += [{"person_id": pid, "month": str(m), "amount": a, "household_id": hh} for m, a in zip(months, series[hh])]
    for i in range(5):
        pid = f"J{i}"
        rows_c.append({"person_id": pid, "sex": "man", "birth_year": 1975, "household_type": "ensamstående",
                       "start_date": "2022-04-15", "end_date": "2023-04-15", "outcome": "kvar_försörjningsstöd",
                       "household_id": f"K{i}"})
        level = rng.integers(8000, 12000)
        cpay += [{"person_id": pid, "month": str(m), "amount": int(level + rng.integers(-400, 400)), "household_id": f"K{i}"}
                 for m in months]
    data = tmp_path / "data"
    write_csv(data / "participants.csv", rows_p)
    write_csv(data / "payments.csv", pay)
    write_csv(data / "comparison.csv", rows_c)
    write_csv(data / "comparison_payments.csv", cpay)
    write_csv(data / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    params = tmp_path / "hh.yaml"
    params.write_text(
        "id: hh\ntitle: Hushåll\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
        "data_as_of: 2023-12-31\n"
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n", encoding="utf-8")
    return params, pd.DataFrame(pay), pd.DataFrame(cpay)


def test_the_did_is_the_households_difference_in_mean_changes(tmp_path):
    from evaltools.analysis import comparison
    params, pay, cpay = _household_project(tmp_path)
    res = comparison.compare_payments(et.load_project(params))
    # by hand: one unit per household, every unit's reference month 2022-04 (H1 from A's start), "before" months
    # -12..-4 (2021-04 .. 2021-12), "after" months 0..12 (2022-04 .. 2023-04); in a balanced panel with one
    # reference month the two-way fixed-effects DiD is the treated units' mean change less the comparison units'
    before = lambda m: "2021-04" <= m <= "2021-12"  # noqa: E731
    after = lambda m: "2022-04" <= m <= "2023-04"  # noqa: E731

    def changes(frame):
        out = []
        for _, g in frame.groupby("household_id"):
            one = g[g["person_id"] == g["person_id"].iloc[0]]  # one member's rows: the household's payments
            out.append(one[one["month"].map(after)]["amount"].mean() - one[one["month"].map(before)]["amount"].mean())
        return out

    treated, control = changes(pay), changes(cpay)
    assert len(treated) == 5 and len(control) == 5  # five households each, not six participants
    expected = sum(treated) / 5 - sum(control) / 5
    assert res.did.effect == pytest.approx(expected, abs=1e-6)
    assert res.households_merged
    # the table counts households: five participating, five comparison
    assert res.table.set_index("group").loc["participants", "persons"] == 5


def test_the_did_on_the_household_panel_equals_a_dummy_regression(tmp_path):
    import statsmodels.formula.api as smf

    from evaltools.analysis import comparison
    params, pay, cpay = _household_project(tmp_path, seed=11)
    # B starts later than A: a staggered household, and a comparison person with its own start
    text = (tmp_path / "data" / "comparison.csv").read_text(encoding="utf-8").replace("J4,man,1975,ensamstående,2022-04-15",
                                                                                      "J4,man,1975,ensamstående,2022-09-15")
    (tmp_path / "data" / "comparison.csv").write_text(text, encoding="utf-8")
    res = comparison.compare_payments(et.load_project(params))
    # the deduplicated panel built here: A's row stands for H1 (reference 2022-04, A's start), B's rows left out
    refs = {"A": "2022-04", "C": "2022-04", "D": "2022-04", "E": "2022-04", "F": "2022-04",
            "J0": "2022-04", "J1": "2022-04", "J2": "2022-04", "J3": "2022-04", "J4": "2022-09"}
    rows = pd.concat([pay.assign(treated=1), cpay.assign(treated=0)])
    rows = rows[rows["person_id"].isin(refs)].copy()
    m = pd.PeriodIndex(rows["month"], freq="M")
    rows["event"] = [(x - pd.Period(refs[p], "M")).n for x, p in zip(m, rows["person_id"])]
    rows = rows[rows["event"].between(-12, 12) & ~rows["event"].between(-3, -1)]
    rows["after"] = (rows["event"] >= 0).astype(float)
    rows["treated_after"] = rows["after"] * rows["treated"]
    fit = smf.ols("amount ~ after + treated_after + C(person_id) + C(month)", rows).fit()
    assert res.did.effect == pytest.approx(fit.params["treated_after"], abs=1e-6)


# --- 4. a structural project still running says so on page 1 ---------------------------------------------

@pytest.mark.parametrize("lang, said", [
    ("sv", "Insatsen pågår till 2025-09-30; detta är en delrapport med uppgifter till och med 2024-10-31, så målen "
           "och kostnaden gäller tiden hittills."),
    ("en", "The project runs until 2025-09-30; this is an interim report with data up to 2024-10-31, so the goals "
           "and the cost cover the time so far.")])
def test_a_running_structural_project_says_on_page_one_that_it_runs_on(lang, said):
    from evaltools.present.sections import summary

    from .conftest import sample_project
    # params/samverkan-i-praktiken.yaml: period 2023-09-01 .. 2025-09-30; data taken 2024-10-31
    r = et.Report(sample_project("samverkan-i-praktiken").with_params(data_as_of="2024-10-31"), lang=lang)
    assert said in summary.findings(r)


def test_an_ended_structural_project_does_not_say_it_runs_on():
    from evaltools.present.sections import summary

    from .conftest import sample_report
    findings = " ".join(summary.findings(sample_report("samverkan-i-praktiken", "sv")))
    assert "delrapport" not in findings and "pågår till" not in findings


# --- 5. a goal not reached in a year that ended, while the next runs on, is not read as final --------------

def _running_goal_project(tmp_path):
    """2022-01-01 .. 2023-12-31, data taken 2023-08-31: six enrol in year 1 (all end in work), six in year 2."""
    rows = [{"person_id": f"P{i}", "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
             "start_date": f"2022-0{i + 2}-01", "end_date": f"2022-1{i % 3}-01", "outcome": "arbete"} for i in range(6)]
    rows += [{"person_id": f"P{i}", "sex": "man", "birth_year": 1980, "household_type": "ensamstående",
              "start_date": f"2023-0{i - 5}-01", "end_date": "", "outcome": ""} for i in range(6, 12)]
    write_csv(tmp_path / "data" / "participants.csv", rows)
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    params = tmp_path / "g.yaml"
    params.write_text(
        "id: g\ntitle: Mål\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
        "data_as_of: 2023-08-31\n"
        "data:\n  participants: data/participants.csv\n  budget: data/budget.csv\n"
        "goals:\n"
        "  - {id: deltagare, kind: participant_count, label: Minst 10 deltagare per projektår, target: 10,"
        " period: project_year}\n", encoding="utf-8")
    return params


@pytest.mark.parametrize("lang, said", [
    # year 1: 6 of 10 (below 80 % of the target: not reached); year 2 runs to 2023-12-31, 6 so far after 8 months
    # (target so far 10 × 8/12 = 6,67, compared as 7 whole persons)
    ("sv", "Minst 10 deltagare per projektår: inte uppnått, bedömt enbart på år 1 – "
           "6 år 1 och 6 hittills år 2, som pågår (målet för de 8 månader som gått är 7)."),
    ("en", "Minst 10 deltagare per projektår: not achieved, judged on year 1 alone – "
           "6 in year 1 and 6 so far in year 2, still running (target 7 for the 8 months so far).")])
def test_a_goal_not_reached_in_an_ended_year_reads_as_so_far_while_a_year_runs(tmp_path, lang, said):
    from evaltools.analysis.goals import GoalStatus
    from evaltools.present.sections import summary
    project = et.load_project(_running_goal_project(tmp_path))
    table = et.assess_goals(project).table.set_index("period_key")
    assert table.loc["år1", "status"] == GoalStatus.NOT_REACHED and table.loc["år2", "status"] == GoalStatus.RUNNING
    assert said in summary.goal_fulfilment(et.Report(project, lang=lang))


# --- 6. ids that lost their leading zeros: one message for the column -----------------------------------

def test_lost_leading_zeros_give_one_message_naming_column_count_rows_and_fix(tiny_project):
    people = [(f"00{i}", *r[1:]) for i, r in enumerate(participants_frame().itertuples(index=False, name=None), 1)]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(people))
    # seven payment rows whose ids lost their zeros (1 for 001, ...), one row kept right, one unknown id
    pay = [{"person_id": pid, "month": m, "amount": 9000}
           for pid, m in (("1", "2022-01"), ("1", "2022-02"), ("2", "2022-02"), ("2", "2022-03"), ("001", "2022-03"),
                          ("3", "2022-06"), ("3", "2022-07"), ("4", "2023-01"), ("9", "2022-05"))]
    (tiny_project.dir / "data" / "payments.csv").write_text(
        "person_id,month,amount\n" + "".join(f"{p['person_id']},{p['month']},{p['amount']}\n" for p in pay),
        encoding="utf-8")
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(tiny_project())
    lost = [p for p in e.value.problems if p.key == "person.lost_zeros"]
    assert len(lost) == 1  # one message, not seven
    # file rows (header is row 1): 1 → rows 2, 3; 2 → rows 4, 5; 001 is row 6 (right); 3 → rows 7, 8; 4 → row 9
    assert lost[0].row == 2 and lost[0].column == "person_id"
    assert lost[0].note("sv") == (
        "id i kolumnen person_id som deltagarfilen bara har med inledande nollor: 7 (rad 2, 3, 4, 5, 7 …; den första: "
        "står '1', deltagarfilen har '001'); nollorna har försvunnit (Excel gör 007 till 7): formatera kolumnen som "
        "text och skriv in id:na igen, eller ta ut filen från verksamhetssystemet på nytt")


# --- 7. repayments in a file of one row per person and month: netted in their person-month ------------------

def _payments(tiny_project, lines: str):
    (tiny_project.dir / "data" / "payments.csv").write_text("person_id,month,amount\n" + lines, encoding="utf-8")
    return tiny_project()


def test_a_repayment_is_netted_within_its_person_and_month(tiny_project):
    params = _payments(tiny_project, "P1,2022-01,9000\nP1,2022-01,-1500\nP1,2022-02,8500\nP2,2022-02,12000\n"
                                     "P2,2022-02,-2000\nP2,2022-02,-1000\nP2,2022-03,11000\n")
    project = et.load_project(params)
    paid = project.payments.set_index(["person_id", project.payments["month"].dt.strftime("%Y-%m")])["amount"]
    assert paid[("P1", "2022-01")] == 7500  # 9 000 − 1 500
    assert paid[("P2", "2022-02")] == 9000  # 12 000 − 2 000 − 1 000
    assert paid[("P1", "2022-02")] == 8500 and paid[("P2", "2022-03")] == 11000  # untouched
    assert len(project.payments) == 4  # seven rows, three of them repayments folded into their month
    (note,) = [w for w in project.warnings if w.key == "payment.repayments_netted"]
    # three negative rows, netted in two person-months (P1 2022-01, P2 2022-02)
    assert note.note("sv") == ("filen har återbetalningar (negativa belopp): 3 negativa rader räknades av mot "
                               "utbetalningarna samma person och månad, i 2 person-månader")


def test_a_person_month_whose_net_is_negative_is_refused_with_its_rows(tiny_project):
    params = _payments(tiny_project, "P1,2022-01,9000\nP1,2022-02,8500\nP1,2022-02,-9000\nP2,2022-02,12000\n"
                                     "P2,2022-03,-500\nP2,2022-04,abc\n")
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(params)
    by_key = {}
    for p in e.value.problems:
        by_key.setdefault(p.key, []).append(p)
    # P1 2022-02: 8 500 − 9 000 = −500 (file rows 3 and 4); P2 2022-03: −500 with nothing paid (row 6)
    refused = by_key["payment.negative_net_month"]
    assert [(p.row, p.column) for p in refused] == [(3, "month"), (6, "month")]
    assert refused[0].note("en") == (
        "the person's repayments in the month '2022-02' exceed what was paid out then (rows 3, 4): a repayment is "
        "netted in the month it is written in and cannot exceed that month's payments; move it to the month it "
        "concerns, or remove the row")
    assert [p.row for p in e.value.problems if p.column == "amount"] == [7]  # every problem at once: 'abc' too


def test_two_rows_of_one_month_without_a_repayment_are_still_a_duplicate(tiny_project):
    params = _payments(tiny_project, "P1,2022-01,9000\nP1,2022-01,9000\nP2,2022-02,12000\nP2,2022-02,-100\n")
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(params)
    assert [(p.key, p.row) for p in e.value.problems] == [("payment.duplicate", 3)]
