"""Fourth sweep of projects unlike the samples: a rehabilitation project whose participants mostly
came from sickness or activity compensation, a project for newly arrived persons with goals per
calendar year, a very small project of seven participants, and goals worded in other ways. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary, counts
from evaltools.present.sections import costbenefit as cb_section

from .conftest import write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


# --- the count of exits from försörjningsstöd is a count of persons: 1–4 is never shown ------------
def _rehab_project(tmp_path, supports: list[str]):
    """One participant per entry of ``supports`` (their support at start), each starting 2023-03-01
    and leaving for work 2023-09-01."""
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.load_project(_params(tmp_path, PROJECT % ""))


def test_three_exits_from_forsorjningsstod_among_many_on_activity_compensation_are_not_shown(tmp_path):
    # ten leave for work; seven came from sjuk- eller aktivitetsersättning, three from försörjningsstöd:
    # the cost-benefit counts the three (E = 10, X = 3, E − X = 7), and 3 is a count of 1 to 4
    project = _rehab_project(tmp_path, ["sjuk_aktivitetsersättning"] * 7 + ["försörjningsstöd"] * 3)
    c = counts(project)
    assert (c.ended, c.exits) == (10, 3)
    r = et.Report(project, lang="sv")
    assert r.cba.summary.successes == 3
    assert r.disclosure.hides(Secondary.EXITS)
    assert cb_section.benefit_count(r) == []  # "Nyttan bygger på de 3 som lämnat ..." is not said
    frame = cb_section.key_figures(r).frame
    rows = dict(zip(frame.iloc[:, 0], frame.iloc[:, 1]))
    assert rows["Personer som lämnat försörjningsstödet"] == ".."


def test_five_exits_from_forsorjningsstod_are_shown(tmp_path):
    # the same with five from försörjningsstöd and seven from activity compensation: X = 5, E − X = 7
    project = _rehab_project(tmp_path, ["sjuk_aktivitetsersättning"] * 7 + ["försörjningsstöd"] * 5)
    assert (counts(project).ended, counts(project).exits) == (12, 5)
    r = et.Report(project, lang="sv")
    assert r.disclosure.shows(Secondary.EXITS)
    assert "de 5 som lämnat försörjningsstödet" in " ".join(cb_section.benefit_count(r))


# --- a p-value below 0,001 follows "p" as "< 0,001", never "= < 0,001" ----------------------------
GOAL_HALF = """\
    goals:
      - id: halva
        kind: share
        label: Minst hälften av deltagarna ska ha tagit ett steg närmare arbetsmarknaden
        target: 0.5
        period: whole_period
    """


@pytest.mark.parametrize("lang, said", [("sv", "p\u00a0<\u00a00,001"), ("en", "p\u00a0<\u00a00.001")])
def test_a_share_far_below_its_target_says_p_below_not_p_equals_below(tmp_path, lang, said):
    from evaltools.present.results import goal_table_frame
    # 1 of 20 to work against a target of 50 %: P(X <= 1 | n = 20, p = 0.5) = 21 / 2**20, about 0.00002
    rows = [_person(i + 1, outcome="arbete" if i == 0 else "avbrott") for i in range(20)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT.rstrip(" ") % "" + GOAL_HALF)), lang=lang)
    cells = " ".join(goal_table_frame(r.goals, lang).astype(str).to_numpy().ravel())
    assert said in cells
    assert "=\u00a0<" not in cells and "= <" not in cells


# --- page 1 does not say "<5 av de <5" when few coded leavers can be followed in the payments ---------
@pytest.mark.parametrize("lang, said", [
    ("sv", "någon av dem som kodats som att de lämnat försörjningsstödet försörjningsstöd redan månaden efter "
           "avslutet (färre än 5 av dem kan följas)"),
    ("en", "some of those coded as having left social assistance were paid it the month after their exit "
           "(fewer than 5 of them can be followed)")])
def test_page_one_says_some_of_fewer_than_five_coded_leavers_were_paid_in_words(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # twelve leave for work 2023-09-01; three had försörjningsstöd at start and are in the payments file,
    # paid 8 000 kr every month 2022-09 – 2023-12, so all three are paid the month after their exit (2023-10)
    supports = ["sjuk_aktivitetsersättning"] * 9 + ["försörjningsstöd"] * 3
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    months = [f"{y}-{m:02d}" for y, m in [(2022, 9), (2022, 10), (2022, 11), (2022, 12)] + [(2023, m) for m in range(1, 13)]]
    write_csv(tmp_path / "data/payments.csv",
              [{"person_id": f"U{i:03d}", "month": m, "amount": 8000} for i in (10, 11, 12) for m in months])
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv")), lang=lang)
    oc = r.cba.outcome_check
    assert (oc.checked, oc.paid_next_month) == (3, 3)
    [sentence] = summary.codes_contradicted(r)
    assert said in sentence
    assert "<5" not in sentence


# --- a column headed in Swedish is named in the message, with the heading to write ------------------
def test_a_missing_column_headed_in_swedish_names_that_heading_and_what_to_write(tmp_path):
    rows = [{"person_id": "U001", "Kön": "kvinna", "birth_year": 1990, "household_type": "ensamstående",
             "Startdatum": "2023-03-01", "end_date": "", "outcome": ""}]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    write_csv(tmp_path / "data/payments.csv", [{"person_id": "U001", "månad": "2023-03", "amount": 5000}])
    with pytest.raises(et.DataValidationError) as err:
        et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv"))
    sv, en = err.value.message("sv"), err.value.message("en")
    assert "kolumnen 'sex' saknas" in sv and "kolumnen 'Kön' är troligen den: skriv rubriken 'sex' i stället för 'Kön'" in sv
    assert "kolumnen 'Startdatum' är troligen den: skriv rubriken 'start_date' i stället för 'Startdatum'" in sv
    # (a payments file's own headings: the one line for data.columns that reads them)
    assert "columns: {'månad': month}" in sv and "columns: {'månad': month}" in en


def test_a_missing_column_with_no_heading_like_it_gets_the_plain_message(tmp_path):
    # 'Kommentar' is no word for any column: the message lists the columns and suggests none
    rows = [{"person_id": "U001", "Kommentar": "kvinna", "birth_year": 1990, "household_type": "ensamstående",
             "start_date": "2023-03-01", "end_date": "", "outcome": ""}]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    with pytest.raises(et.DataValidationError) as err:
        et.load_project(_params(tmp_path, PROJECT % ""))
    sv = err.value.message("sv")
    assert "kolumnen 'sex' saknas (kolumner i filen: person_id, Kommentar," in sv
    assert "troligen" not in sv


# --- an Excel error value (#N/A from a lookup) is named as one, in any column ------------------------
def test_an_excel_error_value_is_refused_as_one_in_a_code_an_amount_and_an_id_column(tmp_path):
    rows = [{**_person(1), "education": "#N/A"}, {**_person(2), "person_id": "#N/A"}, _person(3)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    write_csv(tmp_path / "data/payments.csv", [{"person_id": "U003", "month": "2023-03", "amount": "#SAKNAS!"}])
    with pytest.raises(et.DataValidationError) as err:
        et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv"))
    found = {(p.row, p.column): p.note("sv") for p in err.value.problems}
    # rows as Excel shows them: the header is row 1, U001 row 2, the second person row 3
    assert "#N/A är Excels felvärde" in found[(2, "education")]
    assert "#N/A är Excels felvärde" in found[(3, "person_id")]
    assert "#SAKNAS! är Excels felvärde" in found[(2, "amount")]
    assert "is Excel's error value" in err.value.message("en")


# --- a goal's words against what it counts: the period its label names, the share it states ---------
def _goal_params(tmp_path, goal: str):
    write_csv(tmp_path / "data/participants.csv", [_person(1)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return _goal_params_rows(tmp_path, goal)


def _goal_params_rows(tmp_path, goal: str):
    """The params of a project with one goal, beside participant and budget files already written."""
    return _params(tmp_path, PROJECT.rstrip(" ") % "" + "    goals:\n      - " + goal + "\n")


@pytest.mark.parametrize("goal, said_sv, said_en", [
    # the application's words name calendar years; the goal is counted per project year (the default)
    ("{id: arbete, kind: outcome_count, label: Minst 10 deltagare per kalenderår ska gå till arbete, target: 10}",
     "målets text säger 'kalenderår', men målet räknas med period: project_year; skriv period: calendar_year",
     "the goal's text says 'kalenderår', but the goal is counted with period: project_year; write period: calendar_year"),
    # "under projekttiden" is the whole period, not each project year
    ("{id: antal, kind: participant_count, label: 100 deltagare under projekttiden, target: 100}",
     "målets text säger 'under projekttiden', men målet räknas med period: project_year; skriv period: whole_period",
     "write period: whole_period"),
    # "per år" is a year, not the whole period
    ("{id: antal, kind: participant_count, label: Minst 35 deltagare per år, target: 35, period: whole_period}",
     "målets text säger 'per år', men målet räknas med period: whole_period; skriv period: project_year",
     "write period: project_year"),
    # "var tredje" is 1/3, not 0.5
    ("{id: af, kind: share, label: Var tredje deltagare ska gå vidare till Arbetsförmedlingen, target: 0.5}",
     "målets text säger 'Var tredje', men målvärdet är 0.5; skriv target: 0.333",
     "the goal's text says 'Var tredje', but the target is 0.5; write target: 0.333"),
    # "40 av 100" is 0.4
    ("{id: steg, kind: share, label: Minst 40 av 100 deltagare ska ha arbetstränat, target: 0.04}",
     "målets text säger '40 av 100', men målvärdet är 0.04; skriv target: 0.4", "write target: 0.4"),
    # a survey goal: "70 %" is 0.7
    ("{id: lk, kind: survey, measure: change, question: LK1, label: 70 % ska uppleva ökad livskvalitet, target: 0.07}",
     "målets text säger '70 %', men målvärdet är 0.07; skriv target: 0.7", "write target: 0.7"),
])
def test_a_goal_whose_words_say_another_period_or_share_is_refused_naming_what_to_write(tmp_path, goal, said_sv, said_en):
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as err:
        et.load_params(_goal_params(tmp_path, goal))
    assert said_sv in str(err.value)
    assert said_en in err.value.message("en")


@pytest.mark.parametrize("goal", [
    "{id: a, kind: share, label: Minst hälften av deltagarna ska ha tagit ett steg närmare arbetsmarknaden, target: 0.5}",
    "{id: a, kind: share, label: Var tredje deltagare ska gå vidare till Arbetsförmedlingen, target: 0.33}",
    "{id: a, kind: share, label: Minst 40 av 100 deltagare ska ha arbetstränat, target: 0.4, period: whole_period}",
    "{id: a, kind: outcome_count, label: Minst 40 av 100 deltagare ska ha arbetstränat, target: 40, period: whole_period}",
    "{id: a, kind: share, label: 'Öka andelen i arbete från 20 % till 40 %', target: 0.4}",
    "{id: a, kind: participant_count, label: Minst 10 deltagare per kalenderår, target: 10, period: calendar_year}",
    "{id: a, kind: participant_count, label: Minst 10 deltagare per år, target: 10, period: calendar_year}",
    # both a year and the whole project: the words do not say one period, so they are not judged
    "{id: a, kind: participant_count, label: 'Totalt 100 deltagare under projekttiden, 50 per år', target: 50}",
    "{id: a, kind: share, label: Andel självförsörjande per år (minst 50 %), label_en: Share per year (at least 50%), target: 0.5}",
])
def test_a_goal_whose_words_agree_with_what_it_counts_loads(tmp_path, goal):
    et.load_params(_goal_params(tmp_path, goal))


@pytest.mark.parametrize("written", ["halvår", "half_year", "kvartal"])
def test_a_goal_per_half_year_says_how_to_write_it_per_year(tmp_path, written):
    from evaltools.data.errors import ParamsError
    goal = f"{{id: a, kind: participant_count, label: Minst 10 deltagare per halvår, target: 10, period: {written}}}"
    with pytest.raises(ParamsError) as err:
        et.load_params(_goal_params(tmp_path, goal))
    assert (f"mål 1 (id: a), period: står '{written}'; ett mål räknas per projektår (project_year), kalenderår "
            "(calendar_year) eller över hela perioden (whole_period)") in str(err.value)
    assert "with period: calendar_year and keep the application's words in the label" in err.value.message("en")


# --- a very small project: breakdowns whose every group is hidden leave the table, named ----------
def _seven(tmp_path, starts: list[str] | None = None):
    # seven participants: four women and three men; three born 1990 (33 at start, 30–39) and four born
    # 1980 (43, 40–49); every one ensamstående
    starts = starts or ["2023-03-01"] * 7
    rows = [_person(i + 1, sex="kvinna" if i < 4 else "man", birth_year=1990 if i < 3 else 1980, start=starts[i],
                    end="2024-06-01") for i in range(7)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.load_project(_params(tmp_path, PROJECT % ""))


@pytest.mark.parametrize("lang, variables, left_out", [
    ("sv", ["Hushållstyp"], "Tabellen visar inte kön och åldersgrupp: varje grupp har färre än 5"),
    ("en", ["Household type"], "The table leaves out sex and age group: every group has fewer than 5")])
def test_a_seven_person_project_shows_only_the_breakdowns_with_a_group_of_five(tmp_path, lang, variables, left_out):
    from evaltools.present.sections import participants
    r = et.Report(_seven(tmp_path), lang=lang)
    _text, _chart, table = participants.blocks(r)[0]
    assert list(dict.fromkeys(table.frame.iloc[:, 0])) == variables  # 7 ensamstående (all 7 in year 1: no intake year)
    assert any(left_out in n for n in table.notes)
    assert "<5" not in table.frame.to_numpy().ravel().tolist()


def test_quarters_that_all_have_fewer_than_five_are_a_sentence(tmp_path):
    from evaltools.present.sections import participants
    from evaltools.present.display import Table
    # starts of 3 + 4 in two quarters (jan–mar and jul–sep 2023), all ending 2024-06-01: 7 exits in apr–jun
    # 2024 would be shown, so the table stays; with the exits spread too, nothing of five is left
    starts = ["2023-02-01"] * 3 + ["2023-08-01"] * 4
    r = et.Report(_seven(tmp_path, starts), lang="sv")
    assert isinstance(participants.blocks(r)[1][1], Table)
    rows = [_person(i + 1, start=s, end=e) for i, (s, e) in enumerate(
        [("2023-02-01", "2023-06-01")] * 3 + [("2023-08-01", "2024-01-15")] * 4)]
    write_csv(tmp_path / "b/data/participants.csv", rows)
    write_csv(tmp_path / "b/data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path / "b", PROJECT % "")), lang="sv")
    [[text]] = [b for b in participants.blocks(r)[1:]]
    assert text.paragraphs == ["Påbörjade och avslutade per kvartal visas inte: inget kvartal har 5 eller fler "
                               "som påbörjade eller avslutade."]


# --- the follow-up after exit of fewer than five: sentences, not "<5 av de <5" and a table of "<5" ------
def _three_paid_after_exit(tmp_path, lang):
    # the page-one fixture above: twelve leave for work 2023-09-01, three of them had försörjningsstöd at
    # start and were paid 8 000 kr every month 2022-09 – 2023-12, so after exit in 2023-10 – 2023-12 as well
    supports = ["sjuk_aktivitetsersättning"] * 9 + ["försörjningsstöd"] * 3
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    months = [f"{y}-{m:02d}" for y, m in [(2022, 9), (2022, 10), (2022, 11), (2022, 12)] + [(2023, m) for m in range(1, 13)]]
    write_csv(tmp_path / "data/payments.csv",
              [{"person_id": f"U{i:03d}", "month": m, "amount": 8000} for i in (10, 11, 12) for m in months])
    return et.Report(et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv")), lang=lang)


@pytest.mark.parametrize("lang, coded, table_left_out", [
    ("sv", "enligt utbetalningarna fick någon av de färre än 5 som kodats som att de lämnat försörjningsstödet "
           "försörjningsstöd redan månaden efter avslutet",
     "Färre än 5 av dem som lämnat försörjningsstödet kan följas i utbetalningarna 3 månader eller längre efter "
     "avslutet"),
    ("en", "by the payments, some of the fewer than 5 coded as having left social assistance were paid it the month "
           "after their exit",
     "Fewer than 5 of those who left social assistance can be followed in the payments for 3 months or more "
     "after their exit")])
def test_a_follow_up_of_three_leavers_is_said_in_words_without_a_table(tmp_path, lang, coded, table_left_out):
    r = _three_paid_after_exit(tmp_path, lang)
    oc = r.cba.outcome_check
    assert (oc.coded, oc.checked, oc.paid_next_month) == (3, 3, 3)
    [text] = cb_section.persistence_table(r)
    said = " ".join(text.paragraphs)
    assert coded in said and table_left_out in said
    assert "<5" not in said


@pytest.mark.parametrize("lang, said", [
    ("sv", "Utfallen visas inte ett och ett: varje slags utfall har färre än 5 personer."),
    ("en", "The outcomes are not shown one by one: every kind of outcome has fewer than 5 persons.")])
def test_seven_exits_to_three_outcomes_are_a_sentence_not_a_table_of_marks(tmp_path, lang, said):
    from evaltools.present.display import Table, Text
    from evaltools.present.sections import outcomes
    # seven ended: 3 to work, 2 to studies, 2 dropped out; each kind 1–4
    kinds = ["arbete"] * 3 + ["studier"] * 2 + ["avbrott"] * 2
    write_csv(tmp_path / "data/participants.csv", [_person(i + 1, outcome=o) for i, o in enumerate(kinds)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang=lang)
    first = outcomes.blocks(r)[0]
    assert not any(isinstance(b, Table) and "<5" in b.frame.to_numpy().ravel().tolist() for b in first)
    assert any(isinstance(b, Text) and b.paragraphs == [said] for b in first)
    # with five to work and five to studies, both rows are shown and the table stays
    kinds = ["arbete"] * 5 + ["studier"] * 5
    write_csv(tmp_path / "b/data/participants.csv", [_person(i + 1, outcome=o) for i, o in enumerate(kinds)])
    write_csv(tmp_path / "b/data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path / "b", PROJECT % "")), lang=lang)
    assert isinstance(outcomes.blocks(r)[0][1], Table)


@pytest.mark.parametrize("lang, said", [
    ("sv", "Inga kurvor, andelar eller mediantider visas: i varje grupp fanns färre än 5 personer kvar"),
    ("en", "No curves, shares or median times are shown: in every group fewer than 5 persons remained")])
def test_time_in_project_of_two_intake_years_of_three_and_four_is_a_sentence(tmp_path, lang, said):
    from evaltools.present.display import Table
    from evaltools.present.sections import time_in_project
    # three start in project year 1 (2023-03-01), four in year 2 (2024-02-01); all end 2024-06-01
    r = et.Report(_seven(tmp_path, ["2023-03-01"] * 3 + ["2024-02-01"] * 4), lang=lang)
    [[text]] = time_in_project.blocks(r)
    assert not isinstance(text, Table) and said in " ".join(text.paragraphs)


def test_a_partly_verdict_reached_in_no_project_year_reads_as_swedish(tmp_path):
    from evaltools.present.sections import summary
    # ten to work a project year: year 1 (2023) has 9 -> partly (at least 80 %), year 2 (2024) has 5 -> not
    rows = ([_person(i, start="2023-03-01", end="2023-09-01") for i in range(1, 10)]
            + [_person(i, start="2024-03-01", end="2024-09-01") for i in range(10, 15)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    goal = "{id: arbete, kind: outcome_count, label: Tio till arbete per år, target: 10, success_outcomes: [arbete]}"
    r = et.Report(et.load_project(_goal_params_rows(tmp_path, goal)), lang="sv")
    text = " ".join(summary.goal_fulfilment(r))
    assert "delvis uppnått (inte uppnått fullt ut något av de två åren)" in text


@pytest.mark.parametrize("lang, said", [
    ("sv", "och här är de färre än 5."),
    ("en", "and here there are fewer than 5.")])
def test_no_model_for_two_events_says_fewer_than_five_not_two(tmp_path, lang, said):
    from evaltools.words.labels import note_text
    # seven ended: 3 to work and 2 to studies (successes), 2 dropped out: the rarer kind has 2
    kinds = ["arbete"] * 3 + ["studier"] * 2 + ["avbrott"] * 2
    rows = [_person(i + 1, outcome=o, sex="kvinna" if i % 2 else "man") for i, o in enumerate(kinds)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang=lang)
    [text] = [note_text(n, lang) for n in r.model.notes if "no_model" in n.key]
    assert said in text.replace("\n", " ")
    assert "de 2." not in text and "are 2." not in text


@pytest.mark.parametrize("goal, words", [
    ("{id: fs, kind: share, label: Minska försörjningsstödet med 10 procentenheter, target: 0.1}", "procentenheter"),
    ("{id: fs, kind: outcome_count, label: Minska försörjningsstödet med 1 miljon kr, target: 1000000}", "miljon kr"),
    ("{id: fs, kind: outcome_count, label: 'Minska kostnaden med 500 000 kr per år', target: 500000}", "500 000 kr"),
])
def test_a_reduction_in_points_or_kronor_written_as_a_participant_goal_is_refused(tmp_path, goal, words):
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as err:
        et.load_params(_goal_params(tmp_path, goal))
    assert f"målets text talar om '{words}'" in str(err.value)
    assert "write the goal as kind: qualitative" in err.value.message("en")


def test_the_same_reduction_as_a_qualitative_goal_loads_and_is_not_assessed_until_the_evaluator_does(tmp_path):
    from evaltools.analysis.goals import GoalVerdict
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    goal = "{id: fs, kind: qualitative, label: Minska försörjningsstödet med 10 procentenheter}"
    r = et.Report(et.load_project(_goal_params_rows(tmp_path, goal)), lang="sv")
    assert set(r.goals.table["verdict"]) == {GoalVerdict.NOT_ASSESSED}


@pytest.mark.parametrize("lang, said", [
    ("sv", "Minst 3 deltagare per år: inte bedömt – för få för att bedöma något av de tre åren; sammanlagt 7."),
    ("en", "Minst 3 deltagare per år: not assessed – too few to assess in any of the three years; 7 in all.")])
def test_a_count_goal_too_few_in_every_year_says_so_once(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # seven participants over three project years: 3 in 2022, 2 in 2023, 2 in 2024, each below 5
    starts = ["2022-02-01"] * 3 + ["2023-02-01"] * 2 + ["2024-02-01"] * 2
    write_csv(tmp_path / "data/participants.csv", [_person(i + 1, start=s, end="") | {"outcome": ""}
                                                   for i, s in enumerate(starts)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2022-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv, budget: data/budget.csv}
        goals:
          - {id: deltagare, kind: participant_count, label: Minst 3 deltagare per år, target: 3}
        """)), lang=lang)
    assert said in " ".join(summary.goal_fulfilment(r)).replace("\xa0", " ")


def test_the_note_on_participants_without_payment_rows_is_english_in_english(tmp_path):
    # six participants, one of them in the payments file: five are left out of the payment analyses
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    write_csv(tmp_path / "data/payments.csv", [{"person_id": "U001", "month": "2023-02", "amount": 7000}])
    project = et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv"))
    [note] = [w for w in project.warnings if w.key == "payment.not_covered"]
    assert ("5 of 6 participants have no rows in the payments file and are left out of "
            "the analyses of social assistance") in note.text("en")
    assert "försörjningsstöd" not in note.text("en") and "försörjningsstöd" in note.text("sv")


# --- a year of fewer than five against a target of ten is below it, whatever the count ----------------
@pytest.mark.parametrize("lang, said", [
    # (year 1 is hidden too: the total 15 less its 12 would give year 2)
    ("sv", "Tio till arbete per år: delvis uppnått (nått ett av två år) – år 1 redovisas inte och färre än 5 år 2 "
           "(under målvärdet); sammanlagt 15."),
    ("en", "Tio till arbete per år: partly achieved (reached in one of two years) – ")])
def test_a_year_of_three_against_a_target_of_ten_is_not_reached_and_the_goal_is_not_called_reached(tmp_path, lang, said):
    from evaltools.analysis.goals import GoalStatus, GoalVerdict
    from evaltools.present.sections import summary
    # twelve to work in project year 1 (2023), three in year 2 (2024): 3 < 8 = 80 % of 10, and so would
    # be any count from 1 to 4, so year 2 is not reached without its count being shown
    rows = ([_person(i, start="2023-03-01", end="2023-09-01") for i in range(1, 13)]
            + [_person(i, start="2024-03-01", end="2024-09-01") for i in range(13, 16)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    goal = "{id: arbete, kind: outcome_count, label: Tio till arbete per år, target: 10, success_outcomes: [arbete]}"
    r = et.Report(et.load_project(_goal_params_rows(tmp_path, goal)), lang=lang)
    t = r.goals.table.set_index("period_key")
    assert t.at["år2", "suppression"] == "small" and pd.isna(t.at["år2", "value"])
    assert t.at["år2", "status"] == GoalStatus.NOT_REACHED and t.at["år1", "status"] == GoalStatus.REACHED
    assert set(t["verdict"]) == {GoalVerdict.PARTLY}
    text = " ".join(summary.goal_fulfilment(r)).replace("\xa0", " ")
    assert said in text
    assert ("fewer than 5 in year 2 (below the target); 15 in all" in text) == (lang == "en")


def test_a_year_of_fewer_than_five_against_a_target_of_five_stays_not_assessed(tmp_path):
    from evaltools.analysis.goals import GoalStatus
    # a target of 5: 4 would be partly (at least 80 %), 3 not reached; the status would narrow "<5" down
    rows = ([_person(i, start="2023-03-01", end="2023-09-01") for i in range(1, 7)]
            + [_person(i, start="2024-03-01", end="2024-09-01") for i in range(7, 10)])
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    goal = "{id: arbete, kind: outcome_count, label: Fem till arbete per år, target: 5, success_outcomes: [arbete]}"
    t = et.assess_goals(et.load_project(_goal_params_rows(tmp_path, goal))).table.set_index("period_key")
    assert t.at["år2", "status"] == GoalStatus.NOT_ASSESSED and bool(t.at["år2", "too_few"])
