"""Seventeenth sweep of projects unlike the samples, from files made in Excel: a project starting mid-month
(2024-03-15) whose application counts its intake per quarter ("Minst 10 nya deltagare per kvartal"), a count no
goal period holds, so its target is the year's; goals on the sex balance written as a split with a slash
("Könsfördelning 40/60 kvinnor/män") or a share in words ("åtta av tio"); and goals set for an age group with a
lower bound (the older, "deltagarna över 50 år", "50–64 år", or a youth band "16–24 år" beside a 15-year-old),
counted with ``among: {age_from: ...}``. Each fixture is a tiny project written in tmp_path; expected values are
worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.present.sections import goals as goal_section

HEAD = """\
id: sweep17
title: Sjuttonde projektet
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-03-15, planned_end: 2026-03-14}
data_as_of: 2026-06-30
data: {participants: data/deltagare.xlsx}
goals:
"""


def _person(pid: str, start: dt.date, outcome: str | None = "arbete", birth_year: int = 1990, sex: str = "kvinna",
            age: int | None = None) -> dict:
    end = start + dt.timedelta(days=120) if outcome else None
    return {"person_id": pid, "sex": sex, "birth_year": birth_year if age is None else None, "age": age,
            "household_type": "ensamstående", "start_date": start, "end_date": end, "outcome": outcome}


def _write(tmp_path, goals: str, rows: list[dict]):
    """The participants as Excel saves a workbook typed by hand: dates as date cells, an empty cell as nothing."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    keys = [k for k in rows[0] if k != "age" or any(r[k] is not None for r in rows)]
    ws.append(keys)
    for r in rows:
        ws.append([r[k] for k in keys])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "sweep17.yaml"
    p.write_text(HEAD + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return p


def _params_refusal(tmp_path, goals: str, rows: list[dict], lang: str = "sv") -> str:
    with pytest.raises(ParamsError) as e:
        et.load_project(_write(tmp_path, goals, rows))
    (note,) = e.value.in_lang(lang).messages
    return str(note)


def _data_refusal(tmp_path, goals: str, rows: list[dict], lang: str = "sv") -> str:
    with pytest.raises(DataValidationError) as e:
        et.load_project(_write(tmp_path, goals, rows))
    (p,) = e.value.problems
    return p.note(lang)


D0 = dt.date(2024, 3, 15)  # the project's first day: year 1 is 2024-03-15 – 2025-03-14


# --- 1. a count per quarter, in a project from the middle of a month --------------------------------------------
def _intake() -> list[dict]:
    # year 1: 41 persons, the first on its first day (2024-03-15), one every 8 days to A39 on day 39 * 8 = 312
    # (2025-01-21), and A40 on its last day, 2025-03-14; year 2: 3 persons from its first day, 2025-03-15
    rows = [_person(f"A{i:02d}", D0 + dt.timedelta(days=8 * i)) for i in range(40)]
    rows.append(_person("A40", dt.date(2025, 3, 14)))
    rows += [_person(f"B{i}", dt.date(2025, 3, 15) + dt.timedelta(days=30 * i)) for i in range(3)]
    return rows


def _count(label: str, target: str, kind: str = "participant_count", period: str = "project_year") -> str:
    extra = "  success_outcomes: [arbete, studier]\n" if kind == "outcome_count" else ""
    return f"- id: antal\n  kind: {kind}\n  label: {label}\n  target: {target}\n  period: {period}\n{extra}"


@pytest.mark.parametrize("label, kind, n, fix, times", [
    ("Minst 10 nya deltagare per kvartal", "participant_count", "10", "40", "4"),
    ("Minst 6 deltagare per termin ska gå till arbete eller studier", "outcome_count", "6", "12", "2"),
    ("Minst 3 nya deltagare varje månad", "participant_count", "3", "36", "12"),
    ("Minst 15 deltagare per halvår", "participant_count", "15", "30", "2"),
    ("Minst 5 nya deltagare i månaden", "participant_count", "5", "60", "12"),
])
def test_a_count_per_part_of_a_year_whose_target_is_the_part_s_is_refused_with_the_year_s(tmp_path, label, kind, n,
                                                                                           fix, times):
    # counted per project year, 10 would be reached by 10 in a year, a quarter of the 40 the application asks
    note = _params_refusal(tmp_path, _count(label, n, kind), _intake())
    words = label.removeprefix("Minst ").removesuffix(" ska gå till arbete eller studier")
    assert note.endswith(
        f"målets text säger '{words}', men ett mål räknas per år (period: project_year), aldrig per kvartal, halvår, "
        f"termin eller månad, så ett år med {n} räknas som nått: skriv årets målvärde, target: {fix} ({times} gånger "
        f"{n}), och behåll ansökans ord i label")


def test_a_count_per_quarter_over_the_whole_period_names_the_period_too(tmp_path):
    note = _params_refusal(tmp_path, _count("At least 10 new participants per quarter", "10", period="whole_period"),
                           _intake(), lang="en")
    assert note.endswith(
        "the goal's text says '10 new participants per quarter', but the goal is counted over the whole period "
        "(period: whole_period), so 10 over the whole project counts as reached: write period: project_year and the "
        "year's target, target: 40 (4 times 10), and keep the application's words in label")


def test_a_count_per_quarter_with_the_year_s_target_counts_project_years_from_the_middle_of_a_month(tmp_path):
    p = _write(tmp_path, _count("Minst 10 nya deltagare per kvartal", "40"), _intake())
    project = et.load_project(p)
    tab = et.assess_goals(project).raw
    # year 1 (2024-03-15 – 2025-03-14) holds A00..A39 and A40 on its last day: 41 >= 40; year 2 the three B
    assert tab["value"].tolist() == [41, 3]
    assert tab["target"].tolist() == [40, 40]
    assert tab["status"].iloc[0] == "uppnått"
    r = et.Report(project, lang="sv")
    notes = [n.replace("\xa0", " ") for n in goal_section.per_part_notes(r)]
    assert notes == ["Minst 10 nya deltagare per kvartal: ansökan anger ”10 nya deltagare per kvartal”, men ett mål "
                     "räknas per år, så målvärdet är årets, 40 (4 gånger 10)."]


def test_the_note_on_a_count_per_quarter_in_english(tmp_path):
    goals = _count("Minst 10 nya deltagare per kvartal", "40") + "  label_en: At least 10 new participants per quarter\n"
    r = et.Report(et.load_project(_write(tmp_path, goals, _intake())), lang="en")
    assert goal_section.per_part_notes(r) == [
        'At least 10 new participants per quarter: the application says "10 new participants per quarter", but a '
        "goal is counted per year, so the target is the year's, 40 (4 times 10)."]


@pytest.mark.parametrize("label", ["At least 10 in work within a month", "Minst 10 nya deltagare i kvartal 1 2024"])
def test_a_month_or_a_quarter_that_is_no_rate_is_read_as_written(tmp_path, label):
    # "within a month" is a time to work, "i kvartal 1" one quarter: neither a count per part of a year
    assert et.load_project(_write(tmp_path, _count(label, "10", "outcome_count"), _intake())).params.goals[0].target == 10


def test_a_count_per_quarter_with_another_target_is_read_as_written(tmp_path):
    # a target that is neither the quarter's nor four times it (35: the evaluator's own reading) is read as written,
    # without the note (a share per quarter is refused: tests/test_unseen_projects_35.py)
    goals = _count("Minst 10 nya deltagare per kvartal", "35")
    project = et.load_project(_write(tmp_path, goals, _intake()))
    assert [g.target for g in project.params.goals] == [35]
    assert goal_section.per_part_notes(et.Report(project, lang="sv")) == []


# --- 2. a share written with a slash or in words --------------------------------------------------------------
def _sex_share(label: str, sex: str = "[kvinna]", target: str = "0.4") -> str:
    return (f"- id: kon\n  kind: share\n  label: {label}\n  numerator: sex\n  sex: {sex}\n  target: {target}\n"
            "  period: whole_period\n")


def _sexes(women: int, men: int) -> list[dict]:
    return ([_person(f"K{i}", D0, sex="kvinna") for i in range(women)]
            + [_person(f"M{i}", D0, sex="man") for i in range(men)])


@pytest.mark.parametrize("label, words", [
    ("Könsfördelning 40/60 kvinnor/män", "40/60"),
    ("Könsfördelningen ska vara 60/40 (kvinnor/män)", "60/40"),
    ("Fördelningen kvinnor/män ska vara 40/60 %", "40/60 %"),
])
def test_a_split_with_a_slash_is_a_range_refused_with_the_two_goals(tmp_path, label, words):
    # 9 women and 1 man: 90 % women would reach "minst 40 % kvinnor", which a 40/60 split does not allow
    note = _params_refusal(tmp_path, _sex_share(label), _sexes(9, 1))
    assert f"'{words}'" in note
    assert ("numerator: sex, sex: [kvinna], target: 0.4 (den nedre gränsen) och det andra med numerator: sex, "
            "sex: [man, annat], target: 0.4 (de övriga, så att den övre gränsen hålls)") in note


def test_a_fifty_fifty_split_of_one_sex_is_an_even_balance(tmp_path):
    # "50/50" is the even balance itself: one share of women judges it from one side only
    with pytest.raises(ParamsError) as e:
        et.load_project(_write(tmp_path, _sex_share("Könsfördelning 50/50", target="0.5"), _sexes(9, 1)))
    note = e.value.message("sv")
    assert "(id: kon) säger '50/50' men räknar bara andelen med sex: [kvinna]" in note
    assert "skriv också ett mål med numerator: sex, sex: [man, annat], target: 0.5" in note


def test_a_slash_that_is_no_split_is_read_as_written(tmp_path):
    # "24/7" adds up to 31, not 100: no split of shares; the 40 % is the target
    goals = ("- id: g\n  kind: share\n  label: Stöd dygnet runt (24/7), minst 40 % ska gå till arbete\n"
             "  target: 0.4\n  denominator: exits\n  period: whole_period\n")
    assert et.load_project(_write(tmp_path, goals, _sexes(3, 3))).params.goals[0].target == 0.4


@pytest.mark.parametrize("label, words, fix", [
    ("Åtta av tio avslutade ska gå till arbete", "Åtta av tio", "0.8"),
    ("En av fem ska gå till arbete", "En av fem", "0.2"),
    ("Four out of ten go to work", "Four out of ten", "0.4"),
])
def test_a_share_in_words_is_checked_against_the_target(tmp_path, label, words, fix):
    goals = (f"- id: g\n  kind: share\n  label: {label}\n  target: 0.5\n  denominator: exits\n"
             "  period: whole_period\n")
    note = _params_refusal(tmp_path, goals, _sexes(3, 3))
    assert f"'{words}'" in note and f"target: {fix}" in note


def test_a_share_in_words_of_the_participants_is_counted_as_written(tmp_path):
    # "fyra av tio" = 0.4; 4 women of 10 participants: exactly 40 % (reached)
    p = _write(tmp_path, _sex_share("Minst fyra av tio deltagare ska vara kvinnor"), _sexes(4, 6))
    row = et.assess_goals(et.load_project(p)).raw.iloc[0]
    assert (row["numerator"], row["denominator"]) == (4, 10)


# --- 3. an age group with a lower bound (among: age_from) ------------------------------------------------------
def _ages() -> list[dict]:
    # starts in 2024: 6 born 1970 (54 at start: 3 to work, 3 dropped out), 4 born 1974 (50: all to work),
    # 5 born 1995 (29: all to work)
    return ([_person(f"O{i}", D0, "arbete" if i < 3 else "avbrott", birth_year=1970) for i in range(6)]
            + [_person(f"F{i}", D0, "arbete", birth_year=1974) for i in range(4)]
            + [_person(f"Y{i}", D0, "arbete", birth_year=1995) for i in range(5)])


def _older_share(label: str, among: str | None = None) -> str:
    return (f"- id: aldre\n  kind: share\n  label: {label}\n  target: 0.3\n  denominator: exits\n"
            "  success_outcomes: [arbete]\n  period: whole_period\n" + (f"  among: {among}\n" if among else ""))


@pytest.mark.parametrize("label, words, among, outside", [
    # "över 50" leaves out those aged 50, as "fler än 25" leaves out 25: the 4 aged 50 and the 5 aged 29 of 15
    ("Minst 30 % av deltagarna över 50 år ska gå till arbete", "deltagarna över 50 år", "age_from: 51", 9),
    # "50 år och äldre" takes them in: the 5 aged 29
    ("Minst 30 % av deltagarna 50 år och äldre ska gå till arbete", "50 år och äldre", "age_from: 50", 5),
    # a band of older ages: the 5 aged 29 (and none 65 or older)
    ("Minst 30 % av deltagare 50–64 år ska gå till arbete", "deltagare 50–64 år", "age_from: 50, age_below: 65", 5),
])
def test_a_goal_for_the_older_without_among_is_refused_with_age_from(tmp_path, label, words, among, outside):
    note = _data_refusal(tmp_path, _older_share(label), _ages())
    assert note.endswith(
        f"målet 'aldre' säger '{words}', men det räknar alla: {outside} av de 15 det räknar hörde inte till den "
        f"åldern vid start, så siffran vore en annan grupps. Skriv among: {{{among}}} i målet, så räknar det bara "
        "dem (age_from är den lägsta åldern som räknas, age_below den första som inte gör det), eller skriv målets "
        "text för alla det räknar")


def test_a_goal_that_takes_in_the_older_among_everyone_is_read_as_written(tmp_path):
    # "även de över 50 år": everyone, the older included; 12 of 15 to work
    p = _write(tmp_path, _older_share("Minst 30 % ska gå till arbete, även de över 50 år"), _ages())
    row = et.assess_goals(et.load_project(p)).raw.iloc[0]
    assert (row["numerator"], row["denominator"]) == (12, 15)


def test_a_goal_for_the_older_with_age_from_counts_them_only(tmp_path):
    project = et.load_project(_write(tmp_path, _older_share("Minst 30 % av deltagarna över 50 år ska gå till arbete",
                                                            "{age_from: 51}"), _ages()))
    row = et.assess_goals(project).raw.iloc[0]
    # the 6 aged 54, 3 of them to work (the 4 aged 50 and the 5 aged 29 are others: 9, not 1 to 4)
    assert (row["numerator"], row["denominator"]) == (3, 6)
    said = " ".join(et.Report(project, lang="sv").key_findings())
    assert "Målet räknar bara sin grupp av deltagarna (51 år eller äldre vid start)." in said
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "The goal counts its group of the participants only (aged 51 or older at start)." in en


def test_a_youth_band_beside_a_fifteen_year_old_is_refused_with_both_limits(tmp_path):
    # a youth project: 5 aged 20 and one aged 15 (age at start, no birth year), all to work; "16–24 år" leaves out
    # the 15-year-old, whom among: {age_below: 25} alone would count
    rows = [_person(f"U{i}", D0, age=20) for i in range(5)] + [_person("U5", D0, age=15)]
    goals = "- id: unga\n  kind: outcome_count\n  label: Minst 3 unga 16–24 år ska gå till arbete\n  target: 3\n" \
            "  success_outcomes: [arbete]\n  period: whole_period\n"
    note = _data_refusal(tmp_path, goals, rows)
    assert "1 av de 6 det räknar" in note and "Skriv among: {age_from: 16, age_below: 25} i målet" in note
    project = et.load_project(_write(tmp_path, goals + "  among: {age_from: 16, age_below: 25}\n", rows))
    assert et.assess_goals(project).raw.iloc[0]["value"] == 5
    said = " ".join(et.Report(project, lang="sv").key_findings())
    assert "Målet räknar bara sin grupp av deltagarna (16–24 år vid start)." in said
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "The goal counts its group of the participants only (aged 16–24 at start)." in en


def test_an_age_from_not_below_age_below_is_refused_with_what_to_write(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_project(_write(tmp_path, _older_share("Minst 30 % av de unga ska gå till arbete",
                                                      "{age_from: 25, age_below: 16}"), _ages()))
    assert ("among: age_from: 25 och age_below: 16 ger ingen ålder (age_from räknar dem som var 25 år eller äldre "
            "vid start, age_below dem under 16); för 16–24 år skriv among: {age_from: 16, age_below: 25}") \
        in e.value.message("sv")


# --- 4. referrals and referring actors ----------------------------------------------------------------------------
@pytest.mark.parametrize("label, kind, words", [
    ("Minst 40 remitterade per år", "participant_count", "remitterade"),
    ("Minst 10 deltagare från Försäkringskassan per år", "participant_count", "deltagare från Försäkringskassan"),
    ("Minst 20 remisser från vården per år", "participant_count", "remisser från vården"),
    ("Minst 5 deltagare från Arbetsförmedlingen ska gå till arbete per år", "outcome_count",
     "deltagare från Arbetsförmedlingen"),
])
def test_a_goal_on_referrals_or_a_referring_actor_is_refused(tmp_path, label, kind, words):
    # the file holds the 44 enrolled, none of them marked by who referred them: counted as enrolments the goal
    # would be everyone's (44 "från Försäkringskassan") or miss the referrals never enrolled
    note = _params_refusal(tmp_path, _count(label, "10", kind), _intake())
    assert note.endswith(
        f"målets text talar om '{words}', men ett mål av slaget {kind} räknar de inskrivna i deltagarfilen, som inte "
        "säger vilka som remitterades eller av vem: de remitterade som aldrig skrevs in saknas, och alla aktörers "
        "deltagare räknas som en aktörs. Skriv målet för de inskrivna (till exempel 'Minst 40 inskrivna deltagare "
        "per år'), eller som kind: qualitative med antalet remisser per aktör ur remisslistan som underlag")


def test_a_goal_on_referrals_is_refused_in_english(tmp_path):
    note = _params_refusal(tmp_path, _count("At least 10 participants referred by the Public Employment Service per "
                                            "year", "10"), _intake(), lang="en")
    assert "the goal's text speaks of 'referred by the Public Employment Service', but a goal of kind " \
           "participant_count counts those enrolled in the participant file" in note


@pytest.mark.parametrize("label", ["Minst 40 anvisade deltagare per år", "Minst 40 deltagare från kommunen per år",
                                   "Minst 40 inskrivna deltagare per år"])
def test_those_enrolled_are_read_as_written(tmp_path, label):
    # 41 enrolled in year 1 (above); "anvisade" and a home municipality describe those enrolled
    p = _write(tmp_path, _count(label, "40"), _intake())
    assert et.assess_goals(et.load_project(p)).raw["value"].tolist() == [41, 3]


def test_referrals_as_a_qualitative_goal_are_read_as_written(tmp_path):
    goals = ("- id: remisser\n  kind: qualitative\n  label: Minst 40 remitterade per år, 10 av dem från "
             "Försäkringskassan\n  assessment: delvis\n  evidence: 34 remisser 2024, 8 från Försäkringskassan "
             "(remisslistan)\n")
    project = et.load_project(_write(tmp_path, goals, _intake()))
    assert project.params.goals[0].assessment == "delvis"
