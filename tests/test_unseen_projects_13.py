"""Thirteenth sweep of projects unlike the samples, from files made in Excel on Windows: an SFI-and-work-placement
project for newly arrived persons whose participant list has a row per person and a group of numbered columns per
intake (``start_date 1``, ``end_date 1``, ``outcome 1``, ``start_date 2``, ...); a rehabilitation project for
persons on sickness benefit whose goal is a movement on a step model ("minst 60 % ska ha gjort minst en
stegförflyttning"), which the participant file's exit codes do not measure; and a running project whose budget
follow-up is kept in tkr with decimals, co-financing in work time and an ESF+ line. Each fixture is a tiny project
written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.survey import goal_counts
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.data.validation import enrolment_counts

HEAD = """\
id: unseen13
title: Nya vägar
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2025-01-01, planned_end: 2026-12-31}
data_as_of: 2026-06-30
"""


def _params(tmp_path, body: str):
    p = tmp_path / "unseen13.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- a row per person, numbered columns per intake ----------------------------------------------------------
def _intakes(tmp_path, headings=("start_date", "end_date", "outcome"), outcome_2="studier", plain_outcome=False):
    """The SFI project's list as kept in Excel: a title cell merged over the table, an empty row, the header on
    row 3, dates as date cells, an own column 'Intagsgrupp'. Three persons (rows 4-6); N002 came back for the
    autumn intake (the second group of columns on row 5)."""
    s, e, o = headings
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Nya vägar – deltagare per intagsgrupp"
    ws.merge_cells("A1:J1")
    ws.append([])
    head = ["person_id", "sex", "birth_year", "household_type", "Intagsgrupp", f"{s} 1", f"{e} 1", f"{o} 1",
            f"{s} 2", f"{e} 2", f"{o} 2"]
    if plain_outcome:
        head.append("outcome")
    ws.append(head)
    d = dt.date
    ws.append(["N001", "kvinna", 1990, "ensamstående", "VT25", d(2025, 2, 3), d(2025, 6, 13), "arbete"])
    ws.append(["N002", "man", 1985, "sambo_med_barn", "VT25", d(2025, 2, 3), d(2025, 6, 13), "avbrott",
               d(2025, 8, 25), d(2026, 1, 16), outcome_2])
    ws.append(["N003", "kvinna", 1998, "ensamstående_med_barn", "HT25", d(2025, 8, 25), None, None])
    for row in ws.iter_rows(min_row=4, min_col=6, max_col=10):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/deltagare.xlsx")
    return _params(tmp_path, """\
        data: {participants: data/deltagare.xlsx}
        goals:
          - id: arbete
            kind: share
            label: Minst 50 % av de avslutade ska ha arbete eller studier
            target: 0.5
            denominator: exits
            period: whole_period
            success_outcomes: [arbete, arbete_med_stöd, studier]
        """)


def test_numbered_columns_per_intake_are_read_as_one_row_per_enrolment(tmp_path):
    p = et.load_project(_intakes(tmp_path))
    got = [[pid, f"{start:%Y-%m-%d}", "" if pd.isna(end) else f"{end:%Y-%m-%d}",
            "" if pd.isna(outcome) else outcome]
           for pid, start, end, outcome in p.participants[["person_id", "start_date", "end_date", "outcome"]]
           .to_numpy().tolist()]
    # 3 rows of persons, N002 with a second intake: 4 enrolments, N002's two in the file's order
    assert got == [["N001", "2025-02-03", "2025-06-13", "arbete"],
                   ["N002", "2025-02-03", "2025-06-13", "avbrott"],
                   ["N002", "2025-08-25", "2026-01-16", "studier"],
                   ["N003", "2025-08-25", "", ""]]
    # the person's own columns hold for each enrolment
    assert p.participants.loc[p.participants["person_id"] == "N002", "household_type"].tolist() == ["sambo_med_barn"] * 2
    note = {w.key: w for w in p.warnings}["person.numbered_read"]
    assert "3 rader gav 4 inskrivningar" in note.note("sv")
    assert "3 rows gave 4 enrolments" in note.note("en")
    # the note is shown in the report's data-quality section: no column names of the contract in it
    assert "start_date" not in note.note("sv") and "start_date" not in note.note("en")
    # each enrolment's exit counts: 3 exits (N001, N002 twice), one person still enrolled (N003)
    assert int(p.participants["end_date"].notna().sum()) == 3
    counts = enrolment_counts(p.participants)
    assert (counts.enrolments, counts.persons, counts.returned) == (4, 3, 1)


def test_a_bad_cell_of_a_numbered_column_is_named_by_its_own_heading_and_row(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_intakes(tmp_path, outcome_2="SFI klar"))
    [pr] = e.value.problems
    # N002 sits on Excel row 5 (title row 1, empty row 2, header row 3)
    assert (pr.row, pr.column, pr.value) == (5, "outcome 2", "SFI klar")


def test_numbered_columns_headed_in_swedish_get_one_message_per_column_with_the_headings_to_write(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_intakes(tmp_path, headings=("Inskriven", "Avslutad", "Avslutsorsak")))
    by_column = {pr.column: pr for pr in e.value.problems}
    assert sorted(by_column) == ["end_date", "outcome", "start_date"]
    assert {pr.key for pr in e.value.problems} == {"column.numbered_heading"}
    note = by_column["start_date"].note("sv")
    assert "'Inskriven 1', 'Inskriven 2'" in note and "'start_date 1', 'start_date 2'" in note
    assert "'Avslutsorsak 1', 'Avslutsorsak 2'" in by_column["outcome"].note("en")


def test_a_column_written_both_plain_and_numbered_is_refused_not_guessed(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_intakes(tmp_path, plain_outcome=True))
    assert [pr.key for pr in e.value.problems] == ["column.numbered_and_plain"]
    assert "'outcome 1', 'outcome 2'" in e.value.problems[0].note("sv")


# --- a step model's movement is no exit code ------------------------------------------------------------------
STEPS_SHARE = """\
    data: {participants: data/deltagare.csv}
    goals:
      - id: steg
        kind: %s
        label: %s
        target: 0.6
        denominator: exits
        period: whole_period
    """


@pytest.mark.parametrize("kind, label", [
    ("share", "Minst 60 % av deltagarna ska ha gjort minst en stegförflyttning"),
    ("share", "Minst 60 % ska ha flyttat sig minst ett steg på stegmodellen"),
    ("outcome_count", "Minst 60 deltagare ska ha gjort en stegförflyttning"),
])
def test_a_goal_of_steps_on_a_scale_counted_as_exit_codes_is_refused_with_the_kind_to_write(tmp_path, kind, label):
    path = _params(tmp_path, STEPS_SHARE % (kind, label))
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    text = str(e.value)
    assert "kind: survey" in text and "measure: change" in text and "qualitative" in text


def test_a_plan_for_the_next_step_is_no_step_movement(tmp_path):
    # the common action-plan goal ("handlingsplan för nästa steg") speaks of a next step, not of a step model (it
    # counts the plans, numerator: action_plan; counting outcomes it is refused as a plan)
    (tmp_path / "data").mkdir()
    (tmp_path / "data/deltagare.csv").write_text("person_id\n", encoding="utf-8")
    path = _params(tmp_path, STEPS_SHARE % ("share", "60 % av de avslutade ska ha en handlingsplan för nästa steg")
                   + "    numerator: action_plan\n")
    assert et.load_params(path).goals[0].target == 0.6


def test_the_steps_written_as_a_survey_change_goal_count_those_who_moved_up(tmp_path):
    # five persons assessed on a step model 1-7 at start and at exit: S1 2->3, S2 1->3, S3 3->3, S4 2->4, S5 4->3.
    # Better at exit: S1, S2, S4 = 3 of 5 (S3 the same, S5 down): 3/5 = 60 %
    (tmp_path / "data").mkdir()
    rows = [f"S{i};kvinna;1980;ensamstående;2025-02-01;2025-10-01;arbetssökande" for i in range(1, 6)]
    (tmp_path / "data/deltagare.csv").write_bytes(
        ("person_id;sex;birth_year;household_type;start_date;end_date;outcome\r\n" + "\r\n".join(rows) + "\r\n")
        .encode("cp1252"))
    steps = {"S1": (2, 3), "S2": (1, 3), "S3": (3, 3), "S4": (2, 4), "S5": (4, 3)}
    lines = ["respondent_id;respondent_group;date;question;answer"]
    for pid, (before, after) in steps.items():
        lines += [f"{pid};deltagare_start;2025-02-01;STEG;{before}", f"{pid};deltagare_avslut;2025-10-01;STEG;{after}"]
    (tmp_path / "data/steg.csv").write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    (tmp_path / "data/fragor.csv").write_text(
        "\ufeffcode;wording_sv;scale_min;scale_max\r\nSTEG;Steg på stegmodellen vid bedömningen;1;7\r\n",
        encoding="utf-8")
    p = et.load_project(_params(tmp_path, """\
        data: {participants: data/deltagare.csv, responses: data/steg.csv, questions: data/fragor.csv}
        goals:
          - id: steg
            kind: survey
            measure: change
            question: STEG
            label: Minst 60 % av deltagarna ska ha gjort minst en stegförflyttning
            target: 0.6
        """))
    c = goal_counts(p, p.params.goals[0])
    assert (c.successes, c.denominator) == (3, 5)


# --- a budget follow-up in tkr, co-financing in work time, an ESF+ line -----------------------------------------
def test_a_budget_in_tkr_with_decimals_in_kind_co_financing_and_esf_is_read_in_kronor_per_financier(tmp_path):
    """The running project's follow-up: a title, 'Belopp i tkr' under it, the header on row 4, a financier column,
    Excel's '# ##0,0' format, a total row typed in. By hand (tkr): 2025 budget 412,5 + 350 + 600 = 1 362,5, utfall
    398,2 + 350 + 512,9 = 1 261,1; 2026 budget 425 + 360 + 600 = 1 385, utfall so far 310,4 + 270 + 344,2 = 924,6."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = "Kompetensbron – budget och utfall"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Belopp i tkr. Utfall 2026 t.o.m. september."
    ws.append([])
    ws.append(["Kostnadsslag", "Finansiär", "Budget 2025", "Utfall 2025", "Budget 2026", "Utfall 2026"])
    ws.append(["Projektledare 50 %", "förbund", 412.5, 398.2, 425, 310.4])
    ws.append(["Medfinansiering i form av arbetstid, socialtjänsten", "kommun", 350, 350, 360, 270])
    ws.append(["ESF+-bidrag, utbildningsinsatser", "eu", 600, 512.9, 600, 344.2])
    ws.append(["Summa", None, 1362.5, 1261.1, 1385, 924.6])
    for row in ws.iter_rows(min_row=5, max_row=8, min_col=3, max_col=6):
        for c in row:
            c.number_format = "# ##0,0"
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data/budget.xlsx")
    p = et.load_project(_params(tmp_path, """\
        granted_sek: 900000
        data: {budget: data/budget.xlsx, amount_unit: {budget: tkr}}
        """))
    b = p.budget.set_index(["period", "funder"])
    assert b.loc[("2025", "förbund"), "budget"] == pytest.approx(412_500)  # 412,5 tkr
    assert b.loc[("2025", "förbund"), "actual"] == pytest.approx(398_200)
    # 2026 was not over on data_as_of (2026-06-30): its utfall is the utfall so far, 270 tkr
    assert b.loc[("2026", "kommun"), "actual_so_far"] == pytest.approx(270_000)
    assert b.loc[("2025", "eu"), "actual"] == pytest.approx(512_900)
    assert float(p.budget["budget"].sum()) == pytest.approx(2_747_500)  # 1 362,5 + 1 385 tkr
    # without the unit declared, the budget is about 1 000 times too small against the grant: refused, with the fix
    (tmp_path / "unseen13.yaml").write_text((tmp_path / "unseen13.yaml").read_text(encoding="utf-8").replace(
        ", amount_unit: {budget: tkr}", ""), encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(tmp_path / "unseen13.yaml")
    assert "amount_unit: tkr" in e.value.problems[0].note("sv")



# --- the same data-quality sentence once per person ---------------------------------------------------------
def test_end_dates_after_the_analysis_date_are_one_note_with_their_number_not_one_sentence_each(tmp_path):
    from evaltools.present.sections import quality
    # six persons, three of whom end after data_as_of 2026-06-30 (the list written later than the data were
    # taken): one note saying three, not "Slutdatum efter analysdatum." three times
    (tmp_path / "data").mkdir()
    ends = ["2025-10-01", "2025-11-01", "2025-12-01", "2026-08-01", "2026-09-01", "2026-10-01"]
    rows = [f"P{i};kvinna;1990;ensamstående;2025-03-01;{e};arbete" for i, e in enumerate(ends, 1)]
    (tmp_path / "data/deltagare.csv").write_text(
        "person_id;sex;birth_year;household_type;start_date;end_date;outcome\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
    path = _params(tmp_path, "data: {participants: data/deltagare.csv}\n")
    notes = quality.report_table(et.Report(path, lang="sv")).iloc[:, 0].tolist()
    assert [n for n in notes if "analysdatum" in n] == ["Efter analysdatumet ligger tre slutdatum."]
    notes_en = quality.report_table(et.Report(path, lang="en")).iloc[:, 0].tolist()
    assert [n for n in notes_en if "analysis date" in n] == ["There are three end dates after the analysis date."]


# --- a goal per intake group ---------------------------------------------------------------------------------
GROUP_GOAL = """\
    data: {participants: data/deltagare.csv}
    goals:
      - id: intag
        kind: %s
        label: %s
        target: %s
        period: calendar_year
    """


@pytest.mark.parametrize("kind, label, target", [
    ("participant_count", "Varje intagsgrupp om 12 deltagare, två intag per år", 24),
    ("share", "Minst 50 % av deltagarna i varje intagsgrupp ska efter avslut ha arbete eller studier", 0.5),
    ("outcome_count", "At least 6 in each intake group find work", 12),
])
def test_a_target_per_intake_group_counted_per_calendar_year_is_refused_with_the_words_to_write(tmp_path, kind,
                                                                                               label, target):
    # two groups of a year counted together, 14 + 11 = 25 against 24, would be "uppnått" while the autumn group of
    # 11 missed its 12: refused, with a label for the year to write
    (tmp_path / "data").mkdir()
    (tmp_path / "data/deltagare.csv").write_text("person_id\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(_params(tmp_path, GROUP_GOAL % (kind, label, target)))
    assert "period: calendar_year" in str(e.value)
    # a count gets a year's count to write; a share a share of those who ended (not a count of 24 participants)
    said = "'Minst 50 % av de avslutade under projekttiden" if kind == "share" else "två intagsgrupper om 12"
    assert said in str(e.value)


def test_a_years_target_that_names_its_intake_groups_is_read_as_written(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/deltagare.csv").write_text("person_id\n", encoding="utf-8")
    path = _params(tmp_path, GROUP_GOAL % ("participant_count", "Minst 24 deltagare per kalenderår (två intagsgrupper "
                                           "om 12)", 24))
    assert et.load_params(path).goals[0].target == 24


# --- the running year's utfall headed as "so far" --------------------------------------------------------------
@pytest.mark.parametrize("heading", ["Utfall 2026 t.o.m. september", "Utfall hittills 2026", "Utfall jan–sep 2026",
                                     "Utfall t.o.m. 2026-09-30"])
def test_an_utfall_column_headed_as_the_running_years_utfall_so_far_gets_the_heading_to_write(tmp_path, heading):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_text(
        f"Kostnadsslag;Budget 2025;Utfall 2025;Budget 2026;{heading}\nPersonal;412,5;398,2;425;310,4\n",
        encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, "granted_sek: 850000\ndata: {budget: data/budget.csv, amount_unit: tkr}\n"))
    [pr] = e.value.problems
    assert pr.key == "budget.wide_heading_so_far" and pr.column == heading
    assert "skriv rubriken 'Utfall 2026'" in pr.note("sv") and "write the heading 'Utfall 2026'" in pr.note("en")


def test_the_running_years_utfall_under_its_plain_heading_is_read_as_the_utfall_so_far(tmp_path):
    # data_as_of 2026-06-30: 2026 is not over, so its 310,4 tkr is the utfall so far, 2025's 398,2 tkr the year's
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_text(
        "Kostnadsslag;Budget 2025;Utfall 2025;Budget 2026;Utfall 2026\nPersonal;412,5;398,2;425;310,4\n",
        encoding="utf-8")
    p = et.load_project(_params(tmp_path, "granted_sek: 850000\ndata: {budget: data/budget.csv, amount_unit: tkr}\n"))
    b = p.budget.set_index("period")
    assert b.loc["2025", "actual"] == pytest.approx(398_200)
    assert b.loc["2026", "actual_so_far"] == pytest.approx(310_400)


# --- the portfolio of a förbund whose rehabilitation project reached both its goals uncertainly ---------------
@pytest.mark.parametrize("lang, expected", [
    ("sv", "nådde båda de bedömda målen (men osäkert för alla de nådda)"),
    ("en", "reached both assessed goals (but uncertain for all of those reached)"),
])
def test_a_portfolio_project_whose_every_reached_goal_is_uncertain_is_worded_not_a_failed_portfolio(lang, expected):
    # Steg för hälsa: 16 of 23 moved up a step against 60 % (interval 47,1 %–86,8 %) and 11 of 23 at the labour
    # market's disposal against 30 % (26,8 %–69,4 %): both reached, both uncertain. The sentence said so with a
    # count the message has no place for, and the whole portfolio failed
    from evaltools.analysis.goals import GoalVerdict as V
    from evaltools.present.portfolio import Portfolio
    pf = Portfolio.__new__(Portfolio)  # only the goal list is needed, not projects on disk
    pf.lang = lang
    pf.goals = pd.DataFrame({"id": ["s", "s"], "verdict": [V.REACHED_UNCERTAIN.value] * 2})
    assert pf._goals_words("s", ex_ante=False) == expected
