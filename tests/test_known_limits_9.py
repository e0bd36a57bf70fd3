"""Known limits, ninth round: a person enrolled more than once is one participant (an application's
"deltagare" are persons) in the participant goals and everywhere the number of participants is shown; a goal
set for a group of the participants (``among:``); and page 1's and the method appendix's words for a saving
that is partly measured. Each fixture is a tiny project written in tmp_path; expected values are worked out
by hand from the rows written here."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import goals as goal_section

from .test_unseen_projects import _params
from .test_unseen_projects_10 import _csv


def _person(pid: str, start: str, end: str, outcome: str = "arbete") -> dict:
    return {"person_id": pid, "sex": "kvinna", "birth_year": 1990, "household_type": "ensamstående",
            "start_date": start, "end_date": end, "outcome": outcome}


# Project years: år 1 = 2023, år 2 = 2024.
#   P01–P05 enrolled twice in år 1 (ended, came back in the autumn): 10 enrolments, 5 persons in år 1
#   P06–P10 enrolled in år 1 and again in år 2:                       5 + 5 enrolments, 5 persons in each year
#   P11–P16 enrolled once in år 2:                                    6 enrolments, 6 persons
#   P17–P21 enrolled once in år 1:                                    5 enrolments, 5 persons
# år 1: persons P01–P10 and P17–P21 = 15 (enrolments 10 + 5 + 5 = 20)
# år 2: persons P06–P16 = 11 (enrolments 5 + 6 = 11)
# in all: 21 persons (P01–P21), 31 enrolments, 10 of the persons enrolled more than once (P01–P10)
def _rows() -> list[dict]:
    rows = []
    for i in range(1, 6):
        rows.append(_person(f"P{i:02d}", "2023-02-01", "2023-05-31", "avbrott"))
        rows.append(_person(f"P{i:02d}", "2023-09-01", "2023-12-15"))
    for i in range(6, 11):
        rows.append(_person(f"P{i:02d}", "2023-03-01", "2023-10-31", "avbrott"))
        rows.append(_person(f"P{i:02d}", "2024-03-01", "2024-10-31"))
    rows += [_person(f"P{i:02d}", "2024-02-01", "2024-09-30") for i in range(11, 17)]
    rows += [_person(f"P{i:02d}", "2023-04-01", "2023-11-30") for i in range(17, 22)]
    return rows


PERSONS = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data_as_of: 2025-03-31
    data: {participants: data/participants.csv, budget: data/budget.csv}
    goals:
      - id: per_ar
        kind: participant_count
        label: Minst 12 deltagare per projektår
        target: 12
      - id: totalt
        kind: participant_count
        label: Minst 20 deltagare under projekttiden
        target: 20
        period: whole_period
    """


def _persons_project(tmp_path, rows=None, body=PERSONS):
    _csv(tmp_path / "data/participants.csv", rows or _rows())
    # 1 050 000 kr used: 50 000 kr for each of the 21 persons (33 871 kr for each of 31 enrolments)
    _csv(tmp_path / "data/budget.csv", [{"period": "hela", "category": "Personal", "budget": 1_050_000,
                                         "actual": 1_050_000}])
    return et.load_project(_params(tmp_path, body))


def test_a_participant_goal_counts_persons_once_a_period_and_once_in_all(tmp_path):
    project = _persons_project(tmp_path)
    tab = et.assess_goals(project).table.set_index(["goal_id", "period_key"])
    assert tab.loc[("per_ar", "år1"), "value"] == 15  # not its 20 enrolments
    assert tab.loc[("per_ar", "år2"), "value"] == 11  # P06–P10 count in both years
    assert tab.loc[("per_ar", "år1"), "enrolments"] == 20
    assert tab.loc[("totalt", "hela"), "value"] == 21  # each person once, not 15 + 11 = 26, nor 31
    assert tab.loc[("totalt", "hela"), "total_enrolments"] == 31
    assert tab.loc[("totalt", "hela"), "returned"] == 10
    # 15 ≥ 12 reached; 11 < 12 but ≥ 0,8 × 12 = 9,6: partly
    assert tab.loc[("per_ar", "år1"), "status"] == "uppnått" and tab.loc[("per_ar", "år2"), "status"] == "delvis"
    assert tab.loc[("totalt", "hela"), "status"] == "uppnått"


def test_the_goal_table_says_how_many_enrolments_the_persons_had(tmp_path):
    project = _persons_project(tmp_path)
    sv = goal_section.enrolment_notes(et.Report(project, lang="sv"))
    assert ("Minst 20 deltagare under projekttiden: målet räknar personer. De 21 personerna skrevs in 31 gånger "
            "(10 av dem mer än en gång); var och en räknas en gång i varje period hen skrevs in och en gång "
            "sammanlagt.") in sv
    en = goal_section.enrolment_notes(et.Report(project, lang="en"))
    assert any("the goal counts persons. The 21 persons were enrolled 31 times (10 of them more than once)" in n
               for n in en)


def test_every_place_that_shows_the_number_of_participants_shows_the_persons(tmp_path):
    from openpyxl import load_workbook

    from evaltools.present.figures import report_figures
    from evaltools.present.portfolio import _row
    from evaltools.publish.workbook import export_report
    project = _persons_project(tmp_path)
    r = et.Report(project, lang="sv")
    said = " ".join(r.key_findings())
    # (15 + 11 = 26 enrolments by year, 21 persons; the years are said once, in the per-year goal's line)
    assert "Projektet har haft 21 deltagare." in said and "15 år 1 och 11 år 2" in said
    assert "De 21 deltagarna skrevs in 31 gånger: 10 av dem mer än en gång." in said
    # the participants chart: persons per intake year, each once in a year (a share of the 21)
    comp = et.composition(project, by="project_year").raw.set_index("category")
    assert comp.loc[1, "n"] == 15 and comp.loc[2, "n"] == 11
    assert comp.loc[1, "share"] == pytest.approx(15 / 21)
    assert et.composition(project, by="sex").raw.set_index("category").loc["kvinna", "n"] == 21
    # the cost per participant: 1 050 000 kr / 21 persons
    s = r.cba.summary
    assert s.participants == 21 and s.cost_per_participant == pytest.approx(50_000)
    assert "50 000 kr per deltagare" in said.replace("\xa0", " ")
    # the portfolio's row and the workbook's key figures
    assert _row(project, "sv")["participants"] == 21
    book = load_workbook(next(p for p in export_report(r, tmp_path / "out") if p.suffix == ".xlsx"))
    cells = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    pairs = [(row[i], row[i + 1]) for row in cells for i in range(len(row) - 1)]
    assert ("Deltagare", 21) in pairs
    figures = {n: f.value for n, f in report_figures(r).items()}
    assert figures["antal_deltagare"] == 21 and figures["antal_deltagare_ar1"] == 15


def test_a_hidden_year_keeps_the_goals_total_of_persons_not_the_sum_of_its_years(tmp_path):
    # Q1–Q6 enrolled in år 1; Q1–Q3 came back in år 2: år 2 has 3 persons (<5), so år 1 is hidden beside it,
    # and the goal's total is its 6 persons (not 6 + 3 = 9); 3 came back, fewer than 5: no numbers in the note
    rows = [_person(f"Q{i}", "2023-02-01", "2023-06-30", "avbrott") for i in range(1, 7)]
    rows += [_person(f"Q{i}", "2024-02-01", "2024-06-30") for i in range(1, 4)]
    project = _persons_project(tmp_path, rows)
    tab = et.assess_goals(project).table
    per_year = tab[tab["goal_id"] == "per_ar"]
    assert per_year["value"].isna().all()
    assert (per_year["total"] == 6).all()
    notes = goal_section.enrolment_notes(et.Report(project, lang="sv"))
    assert notes[0] == ("Minst 12 deltagare per projektår: målet räknar personer. Några av dem skrevs in mer än en "
                        "gång; var och en räknas en gång i varje period hen skrevs in och en gång sammanlagt.")


# --- a goal set for a group of the participants (among:) ----------------------------------------------------
def _aged(pid: str, birth_year: int, outcome: str) -> dict:
    return {**_person(pid, "2024-02-01", "2024-08-31", outcome), "birth_year": birth_year}


YOUNG_GOAL = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2024-12-31}
    data_as_of: 2025-03-31
    data: {participants: data/participants.csv}
    goals:
      - id: unga
        kind: share
        label: Minst 40 %% av de unga under 25 ska gå till arbete eller studier
        target: 0.4
        denominator: exits
        success_outcomes: [arbete, studier]
        period: whole_period
        among: %s
    """


def _young(tmp_path, older: int, among: str = "{age_below: 25}"):
    # ten born 2002 (22 at start in 2024): 4 to work, 2 to studies, 4 dropped out; ``older`` born 1980 (44),
    # every one of them dropped out
    outcomes = ["arbete"] * 4 + ["studier"] * 2 + ["avbrott"] * 4
    rows = [_aged(f"Y{i:02d}", 2002, o) for i, o in enumerate(outcomes)]
    rows += [_aged(f"O{i:02d}", 1980, "avbrott") for i in range(older)]
    _csv(tmp_path / "data/participants.csv", rows)
    return et.load_project(_params(tmp_path, YOUNG_GOAL % among))


def test_a_goal_for_the_young_counts_the_young_only_with_the_share_rule(tmp_path):
    project = _young(tmp_path, older=6)
    row = et.assess_goals(project).table.iloc[0]
    # 6 of the 10 young (4 + 2), not 6 of all 16 exits (37,5 %)
    assert (row["numerator"], row["denominator"]) == (6, 10)
    assert row["value"] == pytest.approx(0.6)
    # Clopper–Pearson 95 % for 6 of 10, from the beta quantiles Beta(0,025; 6, 5) and Beta(0,975; 7, 4):
    # 0,2624 – 0,8784 (the standard tables' values); it spans 0,40: reached, but uncertain
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(0.2624, abs=1e-4), pytest.approx(0.8784, abs=1e-4))
    assert row["status"] == "uppnått_osäkert"
    r = et.Report(project, lang="sv")
    said = " ".join(r.key_findings())
    assert "Målet räknar bara sin grupp av deltagarna (under 25 år vid start)." in said
    assert ("Minst 40 % av de unga under 25 ska gå till arbete eller studier: målet räknar bara sin grupp av "
            "deltagarna (under 25 år vid start).") in [n.replace("\xa0", " ") for n in goal_section.group_notes(r)]
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "The goal counts its group of the participants only (under 25 at start)." in en


def test_a_group_whose_others_are_few_is_not_shown(tmp_path):
    # 3 older exits: all 13 exits less the 10 young would tell the 3 older persons' outcomes
    row = et.assess_goals(_young(tmp_path, older=3)).table.iloc[0]
    assert pd.isna(row["value"]) and pd.isna(row["denominator"])
    assert row["status"] == "ej_bedömt" and row["note"] == "among_few_others_note"
    raw = et.assess_goals(_young(tmp_path, older=3)).raw.iloc[0]  # (the evaluator's own figures keep them)
    assert (raw["numerator"], raw["denominator"]) == (6, 10)


@pytest.mark.parametrize("among, group", [("{project_year: 1, age_below: 25}", 10)])
def test_other_groups_filter_on_their_column(tmp_path, among, group):
    # everyone is a woman enrolled in year 1: all 10 young in year 1 (the goal's words say the young
    # under 25, so its among: says so too)
    row = et.assess_goals(_young(tmp_path, older=6, among=among)).raw.iloc[0]
    assert row["denominator"] == group


def test_a_group_nobody_is_in_is_refused_not_counted_as_zero(tmp_path):
    # (changed: a group of no one, the men of a project of women, was counted as 0; it is now refused)
    with pytest.raises(et.DataValidationError) as e:
        _young(tmp_path, older=6, among="{sex: man, age_below: 25}")
    (p,) = e.value.problems
    assert p.column == "sex" and "kolumnen sex har kvinna" in p.note("sv")


def test_an_age_band_the_project_does_not_use_is_refused_with_what_to_write(tmp_path):
    # 10 of 16 under 30 (62,5 %, below 90 %): the bands are the ordinary ones, 18–29 not split at 25
    with pytest.raises(et.DataValidationError) as e:
        _young(tmp_path, older=6, among="{age_group: 18-24}")
    (p,) = e.value.problems
    assert p.note("sv") == ("målet 'unga' gäller åldersgruppen 18–24 (among: age_group), men deltagarna delas in i "
                            "0–17, 18–29, 30–39, 40–49, 50–59, 60+; skriv en av dem, eller among: {age_below: 25} för "
                            "dem som var under 25 år vid start")


def test_a_group_code_that_does_not_exist_is_refused_in_the_params_file(tmp_path):
    with pytest.raises(et.ParamsError) as e:
        _young(tmp_path, older=6, among="{sex: kvinnor}")
    assert "among: sex: står 'kvinnor'; förväntat en av: kvinna, man, annat" in e.value.message("sv")


def test_a_goal_for_those_on_sjukpenning_written_with_among_is_counted_for_them(tmp_path):
    from .test_unseen_projects_14 import _group_goal
    p = _group_goal(tmp_path, "Minst 40 % av deltagarna med sjukpenning ska ha återgått i arbete")
    p.write_text(p.read_text(encoding="utf-8").replace(
        "success_outcomes: [arbete, arbete_med_stöd]",
        "success_outcomes: [arbete, arbete_med_stöd]\n    among: {support_start: sjukpenning}"), encoding="utf-8")
    # of the two exits R001 had sjukpenning at start and R002 försörjningsstöd: the group's denominator is R001
    row = et.assess_goals(et.load_project(p)).raw.iloc[0]
    assert row["denominator"] == 1 and row["group_others"] == 1


# --- a saving partly measured in register data is not called calculated ---------------------------------------
def test_how_a_perspectives_benefit_is_known_follows_its_ledger_rows():
    from evaltools.analysis.costbenefit import ASSUMED, COST, MEASURED, benefit_basis, earnings_measured
    ledger = pd.DataFrame({
        "item": ["forsorjningsstod", "forsorjningsstod", "skatt", "ersattning_fk", "arbetsinkomst", "projektkostnad"],
        "actor": ["kommun", "individ", "kommun", "fk", "individ", "kommun"],
        "pv": [500.0, -500.0, 40.0, -30.0, 300.0, -200.0],
        "source": [ASSUMED, ASSUMED, MEASURED, MEASURED, MEASURED, COST]})
    # the public financiers (kommun, region, stat, fk): försörjningsstöd assumed, tax and FK measured
    assert benefit_basis(ledger, "offentliga") == "partly"
    # the state (stat, fk): only the measured FK benefit; the municipality without its tax row: calculated
    assert benefit_basis(ledger, "stat") == "measured"
    assert benefit_basis(ledger[ledger["item"] != "skatt"], "kommun") == "calculated"
    assert earnings_measured(ledger) and not earnings_measured(ledger[ledger["item"] != "arbetsinkomst"])


@pytest.mark.parametrize("lang, partly, calculated", [
    ("sv", r"för de offentliga finansiärerna .+?, en besparing på [0-9 ,]+ (?:miljoner kronor|kr), delvis uppmätt i registeruppgifter och "
           r"delvis beräknad, mot kostnaden", "en beräknad besparing på"),
    ("en", r"for the public financiers is .+?, a saving of SEK [\d.]+ million, partly measured in register data and "
           r"partly calculated, against the cost", "a calculated saving of"),
])
def test_page_one_says_the_saving_is_partly_measured_where_register_data_measure_part_of_it(lang, partly, calculated):
    from .conftest import sample_report
    # Kompassen: register files measure the tax on earnings and the state's benefits; the försörjningsstöd
    # saved is calculated from the exits
    said = " ".join(sample_report("kompassen-demo", lang).key_findings()).replace("\xa0", " ")
    assert re.search(partly, said) and calculated not in said
    # Timrå has no register data: its saving is calculated
    assert calculated in " ".join(sample_report("timra-vagen-ut", lang).key_findings()).replace("\xa0", " ")


@pytest.mark.parametrize("lang, measured, valued", [
    ("sv", "arbetsinkomster, här uppmätta i registeruppgifter för deltagarna mot jämförelsegruppen",
     "arbetsinkomster, när en lönenivå anges"),
    ("en", "earnings from work, here measured in register data for the participants against the comparison group",
     "earnings from work, when a wage level is given"),
])
def test_the_method_appendix_says_earnings_are_measured_where_they_are(lang, measured, valued):
    from evaltools.present.sections import method

    from .conftest import sample_report
    kompassen = " ".join(method.paragraphs(sample_report("kompassen-demo", lang)))
    assert measured in kompassen and valued not in kompassen
    timra = " ".join(method.paragraphs(sample_report("timra-vagen-ut", lang)))
    assert valued in timra and measured not in timra


def test_the_participants_table_says_a_person_can_count_in_two_years(tmp_path):
    from evaltools.present.sections import participants
    # P06–P10 are in år 1 and år 2: 15 + 11 = 26 of 21 persons, 71,4 % + 52,4 %
    r = et.Report(_persons_project(tmp_path), lang="sv")
    assert participants.counted_twice_note(r)[0].startswith("Tabellen räknar personer: den som skrevs in mer än en")
    # enrolled once each: no such note
    once = tmp_path / "once"
    r1 = et.Report(_persons_project(once, [_person(f"Z{i}", "2023-03-01", "2023-09-30") for i in range(6)]), lang="sv")
    assert participants.counted_twice_note(r1) == ()


def test_page_one_calls_the_ended_enrolments_what_they_are_beside_the_persons(tmp_path):
    # 31 enrolments ended (every row has an end date); 21 of them to work (P01–P10's second, P11–P21):
    # 21 / 31 = 67,7 %; the participants are 21 persons, so the 31 are not "avslutade deltagare"
    project = _persons_project(tmp_path)
    sv = " ".join(et.Report(project, lang="sv").key_findings()).replace("\xa0", " ")
    assert "Av 31 avslutade inskrivningar slutade 21 (67,7 %) med att personen lämnade försörjningsstödet" in sv
    assert "31 avslutade deltagare" not in sv
    en = " ".join(et.Report(project, lang="en").key_findings()).replace("\xa0", " ")
    assert "Of 31 enrolments that ended, 21 (67.7%) ended with the person leaving social assistance" in en
    # without anyone enrolled twice the sentence is about participants, as before
    once = tmp_path / "once"
    rows = [_person(f"Z{i}", "2023-03-01", "2023-09-30") for i in range(6)]
    said = " ".join(et.Report(_persons_project(once, rows), lang="sv").key_findings())
    assert "avslutade deltagare" in said and "avslutade inskrivningar" not in said


def test_the_notebook_headline_of_who_took_part_gives_the_persons(tmp_path):
    from evaltools.present.results import headline
    # by project year the counts are 15 + 11 = 26, but the participants are 21 persons
    comp = et.composition(_persons_project(tmp_path), by="project_year")
    assert headline(comp, "sv") == "21 deltagare (personer)."


def test_a_goal_for_the_young_written_without_among_is_refused_with_what_to_write(tmp_path):
    # the same goal without among: it would count all 16 exits; 6 of them (born 1980, 44 at start) are not under 25
    rows = [_aged(f"Y{i:02d}", 2002, "arbete") for i in range(10)] + [_aged(f"O{i}", 1980, "avbrott") for i in range(6)]
    _csv(tmp_path / "data/participants.csv", rows)
    body = YOUNG_GOAL.replace("        among: %s\n", "").replace("%%", "%")
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(_params(tmp_path, body))
    (p,) = e.value.problems
    assert p.note("sv") == (
        "målet 'unga' säger 'unga under 25', men det räknar alla: 6 av de 16 det räknar var 25 år eller äldre vid "
        "start, så siffran vore en annan grupps. Skriv among: {age_below: 25} i målet, så räknar det bara dem under "
        "25 år, eller skriv målets text för alla det räknar")
    # a project whose every participant it counts is under 25 is read as written
    young = tmp_path / "young"
    _csv(young / "data/participants.csv", rows[:10])
    assert et.assess_goals(et.load_project(_params(young, body))).table.iloc[0]["denominator"] == 10


def test_an_application_is_not_judged_on_a_groups_goal_with_everyones_volumes(tmp_path):
    body = """\
        kind: ansökan
        period: {start: 2026-01-01, planned_end: 2027-12-31}
        expected: {participants_per_year: 40, successes_per_year: 16}
        goals:
          - id: unga
            kind: share
            label: Minst 40 % av de unga under 25 ska gå till arbete eller studier
            target: 0.4
            success_outcomes: [arbete, studier]
            period: whole_period
            among: {age_below: 25}
        """
    project = et.load_project(_params(tmp_path, body))
    row = et.assess_goals(project).table.iloc[0]
    # 16 / 40 = 40 % would "reach" the target, but the volumes are everyone's, not the young's
    assert row["status"] == "ej_bedömt" and row["note"] == "among_ex_ante" and pd.isna(row["value"])
    from evaltools.words.labels import goal_note
    assert goal_note(row["note"], "sv") == "bedöms inte: ansökans volymer gäller alla deltagare, inte målets grupp"
