"""Twelfth sweep of projects unlike the samples, from files made in Excel on Windows: a youth project (16–29,
UVAS) of two municipalities whose budget follow-up gives each year's budget whole and its utfall quarter by
quarter, per financier; an IPS project whose participants came from Försäkringskassan's benefits, not
försörjningsstöd; and a project ending mid-year, whose last budget year is five months, with goals per calendar
year and a follow-up a year after its end. Each fixture is a tiny project written in tmp_path; expected values
are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.result import Note
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.present.sections import facts

from .test_unseen_projects import BUDGET, PROJECT, _params, _person
from .conftest import save_formula_results, write_csv

KR = PROJECT.replace("granted_sek: 1000000", "granted_sek: 2000000")


# --- a year's budget whole, its utfall quarter by quarter --------------------------------------------------
def _quarterly(tmp_path, *, kv4_2025=(150_000, 76_000), total_kv4_2025=(150_000 + 76_000 + 30_000)):
    """The follow-up of a project of two municipalities (kr): a title cell merged over the table, an empty row,
    the header on row 3, a line per municipality's staff and one for premises, a financier column and a total
    row of Excel's SUM. Budget per year, utfall per quarter.

    By hand: Personal Norrby 2024 budget 600 000, utfall 140 000 + 150 000 + 150 000 + 155 000 = 595 000;
    Personal Söderby 2024 300 000, utfall 70 000 + 75 000 + 72 000 + 80 000 = 297 000; Lokaler 2024 120 000,
    utfall 4 × 30 000 = 120 000. 2025 with Kv4 as given."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = "Ungkraft – budget och utfall (kr)"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Kostnadsslag", "Finansiär", "Budget 2024", "Utfall Kv1 2024", "Utfall Kv2 2024", "Utfall Kv3 2024",
               "Utfall Kv4 2024", "Budget 2025", "Utfall Kv1 2025", "Utfall Kv2 2025", "Utfall Kv3 2025",
               "Utfall Kv4 2025"])
    ws.append(["Personal Norrby", "förbund", 600_000, 140_000, 150_000, 150_000, 155_000,
               620_000, 150_000, 155_000, 160_000, kv4_2025[0]])
    ws.append(["Personal Söderby", "förbund", 300_000, 70_000, 75_000, 72_000, 80_000,
               310_000, 76_000, 78_000, 77_000, kv4_2025[1]])
    ws.append(["Lokaler", "kommun", 120_000, 30_000, 30_000, 30_000, 30_000, 120_000, 30_000, 30_000, 30_000, 30_000])
    ws.append(["Summa", None, *[f"=SUM({c}4:{c}6)" for c in "CDEFGHIJKL"]])
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "data/budget.xlsx"
    wb.save(path)
    sums = {"C7": 1_020_000, "D7": 240_000, "E7": 255_000, "F7": 252_000, "G7": 265_000,
            "H7": 1_050_000, "I7": 256_000, "J7": 263_000, "K7": 267_000, "L7": total_kv4_2025}
    save_formula_results(path, sums)
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    return et.load_project(_params(tmp_path, KR.replace("budget.csv", "budget.xlsx") % ""))


def test_a_years_budget_followed_up_quarter_by_quarter_is_read_with_the_quarters_summed(tmp_path):
    p = _quarterly(tmp_path)
    b = p.budget.set_index(["period", "category"])
    assert b.loc[("2024", "Personal Norrby"), "budget"] == 600_000
    assert b.loc[("2024", "Personal Norrby"), "actual"] == 595_000  # 140 + 150 + 150 + 155 tkr
    assert b.loc[("2024", "Personal Söderby"), "actual"] == 297_000  # 70 + 75 + 72 + 80 tkr
    # 2025: Norrby 150 + 155 + 160 + 150 = 615 tkr; Söderby 76 + 78 + 77 + 76 = 307 tkr
    assert b.loc[("2025", "Personal Norrby"), "actual"] == 615_000
    assert b.loc[("2025", "Personal Söderby"), "actual"] == 307_000
    assert b.loc[("2025", "Lokaler"), "funder"] == "kommun"
    notes = {w.key: w for w in p.warnings}
    # the note names the quarters added up, not the whole years beside them
    assert "(2024 Kv1, 2024 Kv2, 2024 Kv3, 2024 Kv4, 2025 Kv1, 2025 Kv2, 2025 Kv3, 2025 Kv4)" in (
        notes["budget.wide_parts"].note("sv"))
    assert "budget.wide_parts_partial" not in notes


def test_a_year_whose_last_quarters_utfall_is_not_in_yet_counts_at_its_budget(tmp_path):
    # Kv4 2025 not booked yet: the cells are empty, Excel's SUM shows 0 on the total row. 150 + 155 + 160 = 465
    # tkr is not 2025's utfall of a 620 tkr line, so the year's utfall is left empty, with a note naming 2025
    p = _quarterly(tmp_path, kv4_2025=(None, None), total_kv4_2025=30_000)
    b = p.budget.set_index(["period", "category"])
    assert b.loc[("2024", "Personal Norrby"), "actual"] == 595_000
    assert b.loc[("2025", "Personal Norrby"), "budget"] == 620_000
    assert b.loc[[("2025", "Personal Norrby"), ("2025", "Personal Söderby")], "actual"].isna().all()
    assert b.loc[("2025", "Lokaler"), "actual"] == 120_000  # its four quarters are in
    partial = {w.key: w for w in p.warnings}["budget.wide_parts_partial"]
    assert "utfallet för 2025" in partial.note("sv")


def test_budget_per_half_year_beside_the_years_utfall_is_read_too(tmp_path):
    rows = [{"Kostnadsslag": "Personal", "Budget H1 2024": 500_000, "Budget H2 2024": 500_000,
             "Utfall 2024": 990_000}]
    write_csv(tmp_path / "data/budget.csv", rows)
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    p = et.load_project(_params(tmp_path, KR % ""))
    # 500 000 + 500 000 = 1 000 000 budget; the year's utfall as written
    assert (p.budget["budget"].iloc[0], p.budget["actual"].iloc[0]) == (1_000_000, 990_000)


def test_utfall_in_half_years_beside_utfall_in_quarters_is_still_refused(tmp_path):
    rows = [{"Kostnadsslag": "Personal", "Budget 2024": 1_000_000, "Utfall H1 2024": 500_000,
             "Utfall Kv3 2024": 250_000, "Utfall Kv4 2024": 250_000}]
    write_csv(tmp_path / "data/budget.csv", rows)
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, KR % ""))
    assert [pr.key for pr in e.value.problems] == ["budget.wide_parts_mixed"]


# --- an amount said to five or six significant figures ------------------------------------------------------
def test_an_amount_a_sentence_needs_to_the_ten_kronor_is_written_in_kronor_not_in_millions_with_five_decimals():
    from evaltools.present.sections.summary import benefit_and_cost
    from evaltools.words.formats import fmt_kr_prose
    # the youth project's public financiers: benefit 1 395 480, cost 2 133 932, NPV −738 452 kr; the
    # municipalities 1 948 400, the region −475 181, the state −2 211 671 (1 948 400 − 475 181 − 2 211 671 =
    # −738 452). Rounded to 10 000 the parts add up (195 − 48 − 221 = −74) but benefit less cost does not
    # (140 − 213 = −73); to 1 000 (1 395 − 2 134 = −739 against −738) and to 100 (13 955 − 21 339 = −7 384
    # against −7 385) neither; to 10 kr both do: 139 548 − 213 393 = −73 845 and 194 840 − 47 518 − 221 167 =
    # −73 845. Six figures of a million read as kronor.
    words = benefit_and_cost(1_395_480, 2_133_932, -738_452, "sv",
                             {"kommun": 1_948_400, "region": -475_181, "stat": -2_211_671})
    plain = {k: v.replace("\xa0", " ") for k, v in words.items()}
    assert plain == {"npv": "−738 450 kr", "benefit": "1 395 480 kr", "cost": "2 133 930 kr",
                     "kommun": "1 948 400 kr", "region": "475 180 kr", "stat": "2 211 670 kr"}
    # four figures of a million read in kronor too (3 308 000 kr, not 3,308 miljoner: tests/test_prose_amounts.py),
    # three as two decimals of a million, two as ever
    assert fmt_kr_prose(3_308_000, "sv", 4).replace("\xa0", " ") == "3 308 000 kr"
    assert fmt_kr_prose(3_308_000, "sv", 3).replace("\xa0", " ") == "3,31 miljoner kronor"
    assert fmt_kr_prose(1_948_400, "en", 6).replace("\xa0", " ") == "SEK 1,948,400"
    assert fmt_kr_prose(2_200_000, "sv").replace("\xa0", " ") == "2,2 miljoner kronor"


# --- an IPS project whose participants came from Försäkringskassan ------------------------------------------
def _ips(tmp_path, supports: list[str], outcomes: list[str]):
    rows = [{**_person(i + 1, outcome=o), "support_start": s} for i, (s, o) in enumerate(zip(supports, outcomes))]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "IPS-coacher", "budget": 1_000_000,
                                              "actual": 1_000_000}])
    return et.load_project(_params(tmp_path, PROJECT % ""))


def test_work_found_by_participants_on_sickness_compensation_is_not_said_to_give_the_individual_nothing(tmp_path):
    # five on sjuk- eller aktivitetsersättning at start: three to work, two to subsidised work. No
    # försörjningsstöd to leave, so no saving is counted (0 exits in the calculation), but five found work whose
    # earnings the calculation does not value: the individual's benefit is "not valued", not 0 kr, and
    # society's figure is a lower bound
    p = _ips(tmp_path, ["sjuk_aktivitetsersättning"] * 5, ["arbete"] * 3 + ["arbete_med_stöd"] * 2)
    cba = et.cost_benefit(p)
    assert cba.summary.successes == 0
    t = cba.table.set_index("perspective")
    assert pd.isna(t.loc["individ", "pv_benefit"])
    assert t.loc["individ", "note"] == Note.of("assumption.actor_individual")
    assert bool(t.loc["samhälle", "lower_bound"])
    # nothing invented for the municipality (with no försörjningsstöd left by anyone the benefit is not valued at all)
    assert not t.loc["kommun", "pv_benefit"] > 0


def test_no_earnings_caveat_where_no_one_found_work(tmp_path):
    # five on sickness compensation at start who return to it: no work, nothing unvalued for the individual
    p = _ips(tmp_path, ["sjuk_aktivitetsersättning"] * 5, ["sjuk_aktivitetsersättning"] * 5)
    t = et.cost_benefit(p).table.set_index("perspective")
    assert t.loc["individ", "pv_benefit"] == 0
    assert not bool(t.loc["samhälle", "lower_bound"])


# --- a project ending mid-year, followed up a year after its end ---------------------------------------------
FOLLOW_UP = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2026-05-31}
    data_as_of: %s
    granted_sek: 1000000
    data: {participants: data/participants.csv, payments: data/payments.csv}
    """


def _follow_up(tmp_path, as_of: str):
    """Five participants of 2025 who left for work on 2025-06-01; their payments from 2024-01 to the data's
    day (9 000 kr a month before the exit, none after it): a follow-up evaluation a year after the end reads
    payments to 2027-05."""
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2025-01-15", end="2025-06-01") for i in range(1, 6)])
    last = pd.Period(as_of[:7], "M")
    pay = [{"person_id": f"U{i:03d}", "month": str(m), "amount": 9000 if m < pd.Period("2025-06", "M") else 0}
           for i in range(1, 6) for m in pd.period_range("2024-01", last, freq="M")]
    write_csv(tmp_path / "data/payments.csv", pay)
    return et.load_project(_params(tmp_path, FOLLOW_UP % as_of))


@pytest.mark.parametrize("as_of, shown", [
    ("2027-05-31", "2027-05-31"),  # a follow-up a year after the end: the payments run to 2027-05
    ("2026-03-31", "2026-03-31"),  # still running: the data's day
])
def test_the_facts_give_the_data_s_own_last_day_for_a_follow_up_after_the_end(tmp_path, as_of, shown, monkeypatch):
    from evaltools.data import project as loader
    # (loaded after the data were taken: a data_as_of not yet come is refused)
    monkeypatch.setattr(loader, "_today", lambda: dt.date(2027, 6, 15))
    project = _follow_up(tmp_path, as_of)
    for lang, item in (("sv", "Data till och med"), ("en", "Data up to")):
        assert dict(facts.rows(et.Report(project, lang=lang)))[item] == shown
    assert project.params.as_of == min(dt.date.fromisoformat(as_of), dt.date(2026, 5, 31))  # enrolments: to the end
    # the payments after the end are read: 2024-01 to the data's day, five persons
    months = pd.period_range("2024-01", as_of[:7], freq="M")
    assert len(project.payments) == 5 * len(months)


def test_the_facts_give_the_project_s_end_without_a_day_of_data(tmp_path):
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2023-12-31}
        data: {participants: data/participants.csv}
        """))
    assert dict(facts.rows(et.Report(project, lang="sv")))["Data till och med"] == "2023-12-31"


# --- a case system's export: a title row above Swedish headings ---------------------------------------------
def test_swedish_headings_below_a_title_row_are_found_and_named_with_the_line_to_write(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    ws["A1"] = "Uttag ur verksamhetssystemet 2026-01-15"
    ws.merge_cells("A1:F1")
    ws.append(["Deltagar-ID", "Kön", "Födelseår", "Hushållstyp", "Startdatum", "Slutdatum", "Avslutsorsak",
               "Handläggare"])
    for i in range(1, 6):
        ws.append([f"U{i:03d}", "kvinna", 2000, "ensamstående", dt.datetime(2023, 3, 1), dt.datetime(2023, 9, 1),
                   "arbete", "Coach A"])
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/participants.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, """\
            kind: individ
            period: {start: 2023-01-01, planned_end: 2024-12-31}
            data: {participants: data/participants.xlsx}
            """))
    # seven required columns headed in Swedish, found on row 2 (not the title on row 1, which was taken for the
    # only heading): one message with the line to write once, each heading with its column in the file's order
    # ('Handläggare' is no column of the contract and is not in it)
    [p] = e.value.problems
    said = p.text("sv")
    assert ("columns: {'Deltagar-ID': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushållstyp': household_type, "
            "'Startdatum': start_date, 'Slutdatum': end_date, 'Avslutsorsak': outcome}") in said
    assert "Uttag ur" not in said and "Handläggare" not in said


# --- a main goal that is a share of every participant ---------------------------------------------------------
def _share_of_participants(tmp_path):
    """15 participants from 2023-03-01: 5 left for work and 5 dropped out on 2023-09-01, 5 are still enrolled.
    The main goal counts work of every participant: 5 of 15."""
    rows = ([_person(i) for i in range(1, 6)] + [_person(i, outcome="avbrott") for i in range(6, 11)]
            + [_person(i, end="", outcome="") for i in range(11, 16)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "Personal", "budget": 1_000_000,
                                              "actual": 1_000_000}])
    return et.load_project(_params(tmp_path, (PROJECT % "").rstrip(" ") + """\
    data_as_of: 2023-12-31
    goals:
      - id: anstallning
        kind: share
        label: Minst 30 % av deltagarna ska få en anställning med eller utan lönestöd
        target: 0.3
        denominator: participants
        success_outcomes: [arbete, arbete_med_stöd]
        period: whole_period
    """))


def test_page_one_gives_the_main_goals_share_of_every_participant_once_not_a_share_of_exits_beside_it(tmp_path):
    project = _share_of_participants(tmp_path)
    sv, en = (" ".join(et.Report(project, lang=lang).key_findings()).replace("\xa0", " ") for lang in ("sv", "en"))
    # 5 of the 10 who ended (50,0 %) and 5 of all 15 (33,3 %): the goal's share is 5/15 = 33,3 %, the only one said
    assert "Av 10 avslutade deltagare fick 5 ett utfall som projektets huvudmål räknar som lyckat" in sv
    assert "50,0 %" not in sv and "33,3 %" in sv
    assert "Huvudmålet räknar dem som andel av alla deltagare" in sv
    assert "Of 10 participants who ended, 5 had an outcome the main goal counts as a success" in en
    assert "50.0%" not in en and "33.3%" in en


def test_a_share_of_participants_when_everyone_has_ended_keeps_its_share_in_the_sentence(tmp_path):
    # everyone ended (the five still enrolled leave for work): 10 of 15 = 66,7 % of those who ended and of all
    rows = ([_person(i) for i in range(1, 6)] + [_person(i, outcome="avbrott") for i in range(6, 11)]
            + [_person(i) for i in range(11, 16)])
    project = _share_of_participants(tmp_path)
    write_csv(tmp_path / "data/participants.csv", rows)
    project = et.load_project(project.params.source_path)
    sv = " ".join(et.Report(project, lang="sv").key_findings()).replace("\xa0", " ")
    assert "Av 15 avslutade deltagare fick 10 (66,7 %) ett utfall" in sv
    assert "Huvudmålet räknar dem som andel av alla deltagare" not in sv


def test_a_participant_who_ends_on_the_benefit_they_came_from_is_not_said_to_have_moved_on(tmp_path):
    # ten on sjuk- eller aktivitetsersättning at start: five to work, five back on the same compensation. No
    # saving for any of them; the five who found work moved on from it, the five on it still did not
    p = _ips(tmp_path, ["sjuk_aktivitetsersättning"] * 10, ["arbete"] * 5 + ["sjuk_aktivitetsersättning"] * 5)
    s = et.cost_benefit(p).summary
    assert s.successes == 0
    assert s.other_support == (("sjuk_aktivitetsersättning", 5),)
    sv = " ".join(et.Report(p, lang="sv").key_findings()).replace("\xa0", " ")
    # (nobody had försörjningsstöd at start: the count of those who moved on opens the plain reason)
    assert "5 deltagare avslutades till arbete, studier eller en ersättning, men ingen av deltagarna hade försörjningsstöd" in sv


# --- a goal that counts what the project does, not persons ---------------------------------------------------
@pytest.mark.parametrize("kind, label, words", [
    ("participant_count", "Minst 150 arbetsgivarkontakter per år", "150 arbetsgivarkontakter"),
    ("outcome_count", "Minst 12 möten med arbetsgivare per år", "12 möten"),
    ("participant_count", "At least 150 employer contacts a year", "150 employer contacts"),
])
def test_a_count_goal_of_employer_contacts_is_refused_with_the_kind_to_write(tmp_path, kind, label, words):
    # counted as participants, 5 enrolled would be set against 150 contacts: a wrong figure, not a verdict
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, f"""\
            kind: individ
            period: {{start: 2023-01-01, planned_end: 2024-12-31}}
            data: {{participants: data/participants.csv}}
            goals:
              - id: kontakter
                kind: {kind}
                label: {label}
                target: 150
                period: project_year
            """))
    sv = e.value.message("sv")
    assert f"'{words}'" in sv and "kind: qualitative" in sv and "Traceback" not in sv


@pytest.mark.parametrize("label", ["Minst 20 deltagare ska ha kontakt med arbetsgivare",  # (the target its words state)
                                   "Minst 20 deltagare per år ska delta i aktiviteter",
                                   "Minst 20 med aktivitetsersättning per år"])
def test_participants_described_by_contacts_or_activities_are_still_counted(tmp_path, label):
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    project = et.load_project(_params(tmp_path, f"""\
        kind: individ
        period: {{start: 2023-01-01, planned_end: 2024-12-31}}
        data: {{participants: data/participants.csv}}
        goals:
          - id: deltagare
            kind: participant_count
            label: {label}
            target: 20
            period: project_year
        """))
    table = et.assess_goals(project).table
    # five enrolled 2023-03-01, in project year 1
    assert table.loc[table["period_key"] == "år1", "value"].iloc[0] == 5


def test_a_share_of_participants_with_moves_left_out_and_everyone_ended_keeps_its_share(tmp_path):
    # 5 to work, 5 dropped out, 5 moved (left out of the denominator); everyone has ended: 5 of 10 = 50,0 % both of
    # those who ended and of the participants the goal counts, so the sentence keeps its share
    rows = ([_person(i) for i in range(1, 6)] + [_person(i, outcome="avbrott") for i in range(6, 11)]
            + [_person(i, outcome="flyttat") for i in range(11, 16)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    project = et.load_project(_params(tmp_path, (PROJECT % "").rstrip(" ") + """\
    goals:
      - id: anstallning
        kind: share
        label: Minst 30 % av deltagarna ska få en anställning
        target: 0.3
        denominator: participants
        exclude_from_denominator: [flyttat]
        success_outcomes: [arbete, arbete_med_stöd]
        period: whole_period
    """))
    sv = " ".join(et.Report(project, lang="sv").key_findings()).replace("\xa0", " ")
    assert "Av 10 avslutade deltagare fick 5 (50,0 %) ett utfall" in sv
    assert "Huvudmålet räknar dem som andel av alla deltagare" not in sv


def test_a_main_goal_counting_outcomes_keeps_the_share_of_those_who_ended_while_some_are_enrolled(tmp_path):
    # the main goal counts exits to work (no share of its own): 5 of the 10 who ended, 50,0 %, is the only share
    rows = ([_person(i) for i in range(1, 6)] + [_person(i, outcome="avbrott") for i in range(6, 11)]
            + [_person(i, end="", outcome="") for i in range(11, 16)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    project = et.load_project(_params(tmp_path, (PROJECT % "").rstrip(" ") + """\
    data_as_of: 2023-12-31
    goals:
      - id: arbete
        kind: outcome_count
        label: Minst 5 deltagare per år ska gå till arbete
        target: 5
        success_outcomes: [arbete, arbete_med_stöd]
    """))
    sv = " ".join(et.Report(project, lang="sv").key_findings()).replace("\xa0", " ")
    assert "Av 10 avslutade deltagare fick 5 (50,0 %) ett utfall" in sv
    assert "Huvudmålet räknar dem som andel av alla deltagare" not in sv
