"""Nineteenth sweep of projects unlike the samples, from files made in Excel: a project whose only measurable goals
are questionnaire goals ("minst 70 % ska uppleva ökad livskvalitet"), with participants but no budget file and only
the amount the förbund granted, whose page 1 still answers what it cost and whether it was worth it; a förbund of two
municipalities (Härnösand and Timrå) whose goals are set per municipality ("Timrå: 8 deltagare per år", "minst 10
deltagare från varje kommun"), counted with ``among: {municipality: ...}`` or refused with the goals to write; and a
youth project (16–19 år, some under 18) whose case system writes its exits "Återgång till skola" and "Studier på
gymnasiet" and whose goal is "minst 50 % ska börja studera". Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError


def _csv(path, lines: list[str]) -> None:
    """A CSV as Excel on Windows saves it: semicolons, Windows-1252, CRLF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def _said_under(r, question: str) -> list[str]:
    """The sentences page 1 gives under one of its three questions (its heading in the report's words)."""
    from evaltools.present.sections.summary import answers, question_heading
    return next(sentences for key, _part, sentences in answers(r) if question_heading(r, key) == question)


# --- 1. questionnaire goals only, no budget file: page 1 says what it cannot say about the cost ----------------
SURVEY = """\
id: mabra
title: Må bra-vägen
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-03-31
GRANTED
data: {participants: data/deltagare.csv, responses: data/svar.csv, questions: data/fragor.csv}
goals:
  - id: livskvalitet
    kind: survey
    measure: change
    label: Minst 70 % av deltagarna ska uppleva ökad livskvalitet
    question: F1
    target: 0.7
    period: whole_period
"""


def _survey_project(tmp_path, granted: str = "granted_sek: 1500000"):
    """Ten participants, each answering F1 at start (2) and at exit (3 for D00..D07, 2 for D08 and D09)."""
    people, answers = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"], [
        "respondent_id;respondent_group;date;question;answer"]
    for i in range(10):
        start = dt.date(2024, 2, 1) + dt.timedelta(days=14 * i)
        end = start + dt.timedelta(days=200)
        people.append(f"D{i:02d};{('kvinna', 'man')[i % 2]};{1970 + i};ensamstående;{start};{end};arbete")
        answers += [f"D{i:02d};deltagare_start;{start};F1;2", f"D{i:02d};deltagare_avslut;{end};F1;{3 if i < 8 else 2}"]
    _csv(tmp_path / "data/deltagare.csv", people)
    _csv(tmp_path / "data/svar.csv", answers)
    _csv(tmp_path / "data/fragor.csv", ["code;wording_sv;scale_min;scale_max;positive",
                                        "F1;Hur skattar du din livskvalitet just nu?;1;5;hög"])
    p = tmp_path / "mabra.yaml"
    p.write_text(SURVEY.replace("GRANTED", granted), encoding="utf-8")
    return et.load_project(p)


@pytest.mark.parametrize("lang, cost_q, worth_q, cost, worth", [
    ("sv", "Vad kostade det?", "Var det värt det – och för vem?",
     "Vad projektet har kostat redovisas inte: utvärderingen har inga uppgifter om budget och utfall. "
     "Samordningsförbundet beviljade 1,5\xa0miljoner kronor; hur mycket av det som har använts är inte känt.",
     "Om projektet lönar sig kan därför inte räknas: utan en kostnad finns ingen kalkyl av kostnad och nytta."),
    ("en", "What did it cost?", "Was it worth it – and for whom?",
     "What the project has cost is not reported: the evaluation has no budget or spending figures. The coordination "
     "association granted SEK\xa01.5\xa0million; how much of it was used is not known.",
     "Whether the project pays off therefore cannot be calculated: without a cost there is no cost-benefit "
     "calculation."),
])
def test_page_one_without_a_budget_file_says_the_cost_is_not_known_beside_the_grant(tmp_path, lang, cost_q, worth_q,
                                                                                     cost, worth):
    # before, page 1 skipped its second and third questions altogether: no heading, no sentence
    r = et.Report(_survey_project(tmp_path), lang=lang)
    assert _said_under(r, cost_q) == [cost]  # (1 500 000 kr said as a person says it: 1,5 million)
    assert _said_under(r, worth_q) == [worth]


def test_page_one_without_a_budget_or_a_grant_says_the_cost_is_not_known(tmp_path):
    r = et.Report(_survey_project(tmp_path, granted=""), lang="sv")
    assert _said_under(r, "Vad kostade det?") == [
        "Vad projektet har kostat redovisas inte: utvärderingen har inga uppgifter om budget och utfall."]


def test_the_survey_goal_of_a_project_without_a_budget_is_counted(tmp_path):
    row = et.assess_goals(_survey_project(tmp_path)).raw.iloc[0]
    # 8 of the 10 who answered both times answered better at exit (3 against 2): 80 % >= 70 %
    assert (row["numerator"], row["denominator"]) == (8, 10)


# --- 2. a förbund of two municipalities, goals set per municipality -----------------------------------------------
TWO = """\
id: tva
title: Gemensam väg
forbund: Samordningsförbundet Härnösand-Timrå
owner: Härnösands kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-06-30
data: {participants: data/deltagare.xlsx}
goals:
"""


def _two_towns(tmp_path, goals: str, municipality: bool = True):
    """Härnösand: 12 persons, H00..H11, six starting in 2024 (year 1) and six in 2025; Timrå: 8 persons, T00..T07,
    five in 2024 and three in 2025 (written 'timrå ' in one row, as a hand-typed list has it). Every one ends 100
    days after the start; the even-numbered go to work, the odd-numbered stay on försörjningsstöd."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    head = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"]
    ws.append(head + (["municipality"] if municipality else []))
    for town, n, in_2024 in (("Härnösand", 12, 6), ("Timrå", 8, 5)):
        for k in range(n):
            start = dt.date(2024 if k < in_2024 else 2025, 2, 1) + dt.timedelta(days=10 * k)
            place = "timrå " if (town, k) == ("Timrå", 7) else town
            ws.append([f"{town[0]}{k:02d}", ("kvinna", "man")[k % 2], 1980 + k, "ensamstående", start,
                       start + dt.timedelta(days=100), ("arbete", "kvar_försörjningsstöd")[k % 2]]
                      + ([place] if municipality else []))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "tva.yaml"
    p.write_text(TWO + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return p


def _refusals(tmp_path, goals: str, lang: str = "sv", **kw) -> list[str]:
    with pytest.raises(DataValidationError) as e:
        et.load_project(_two_towns(tmp_path, goals, **kw))
    return [p.note(lang) for p in e.value.problems]


TIMRA = """\
- id: timra
  kind: participant_count
  label: "Timrå: 5 deltagare per år"
  target: 5
"""


def test_a_goal_for_one_municipality_counts_its_participants_with_among(tmp_path):
    tab = et.assess_goals(et.load_project(_two_towns(tmp_path, TIMRA + "  among: {municipality: Timrå}\n"))).raw
    # Timrå: T00..T04 in year 1 (5 >= 5), T05..T07 in year 2 (3 < 0.8 * 5 = 4, the row 'timrå ' counted among them)
    assert tab["value"].tolist() == [5, 3]
    assert [str(s) for s in tab["status"]] == ["uppnått", "ej_uppnått"]


def test_a_share_for_one_municipality_counts_its_exits_only(tmp_path):
    goal = textwrap.dedent("""\
        - id: harnosand
          kind: share
          label: Minst 40 % av de avslutade från Härnösand ska gå till arbete
          target: 0.4
          denominator: exits
          success_outcomes: [arbete]
          period: whole_period
          among: {municipality: Härnösand}
        """)
    row = et.assess_goals(et.load_project(_two_towns(tmp_path, goal))).raw.iloc[0]
    # Härnösand: 12 exits, the even-numbered H00, H02, ..., H10 to work: 6 of 12 (everyone's would be 6 + 4 of 20)
    assert (row["numerator"], row["denominator"]) == (6, 12)


@pytest.mark.parametrize("lang, said", [
    ("sv", "Timrå: 5 deltagare per år: målet räknar bara sin grupp av deltagarna (från Timrå)."),
    ("en", "Timrå: 5 deltagare per år: the goal counts its group of the participants only (from Timrå)."),
])
def test_the_goal_table_names_the_municipality_the_goal_counts(tmp_path, lang, said):
    from evaltools.present.sections.goals import group_notes
    r = et.Report(et.load_project(_two_towns(tmp_path, TIMRA + "  among: {municipality: Timrå}\n")), lang=lang)
    assert group_notes(r) == [said]


def test_a_goal_naming_one_municipality_without_among_is_refused_with_the_among_to_write(tmp_path):
    # counted as written it would set all 20 participants' 11 and 9 per year against Timrå's target of 5
    (note,) = _refusals(tmp_path, TIMRA)
    assert note.endswith(
        "målet 'timra' nämner kommunen Timrå, men det räknar deltagarna från alla kommuner: 12 av de 20 det räknar "
        "kommer från en annan kommun (kolumnen municipality), så siffran vore alla kommuners. Skriv among: "
        "{municipality: Timrå} i målet, så räknar det bara deltagarna från Timrå, eller skriv målets text för alla det "
        "räknar")


def test_a_goal_naming_a_municipality_in_the_genitive_is_refused_too(tmp_path):
    (note,) = _refusals(tmp_path, TIMRA.replace('"Timrå: 5 deltagare per år"', "Minst 5 deltagare per år i Timrås kommun"))
    assert "Skriv among: {municipality: Timrå} i målet" in note


def test_a_goal_naming_both_municipalities_is_everyones_and_read_as_written(tmp_path):
    goal = TIMRA.replace('"Timrå: 5 deltagare per år"', "Minst 5 deltagare per år från Härnösand och Timrå")
    assert et.assess_goals(et.load_project(_two_towns(tmp_path, goal))).raw["value"].tolist() == [11, 9]  # 6+5, 6+3


@pytest.mark.parametrize("label", ["Minst 5 deltagare från varje kommun per år", "Minst 5 deltagare per år i "
                                   "respektive kommun", "At least 5 participants per year from each municipality"])
def test_a_goal_for_each_municipality_is_refused_with_one_goal_per_municipality(tmp_path, label):
    (note,) = _refusals(tmp_path, TIMRA.replace('"Timrå: 5 deltagare per år"', label))
    assert "ett mål räknar alla kommuners deltagare tillsammans, så en kommun som inte når målvärdet döljs av de " \
           "andra. Skriv ett mål per kommun, med samma target och kind och var sitt among: {municipality: Härnösand}; " \
           "{municipality: Timrå}; behåll ansökans ord i varje mål och lägg till kommunens namn" in note


def test_a_goal_for_each_municipality_without_the_column_asks_for_it_in_english(tmp_path):
    (note,) = _refusals(tmp_path, TIMRA.replace('"Timrå: 5 deltagare per år"', "Minst 5 deltagare från varje kommun"),
                        lang="en", municipality=False)
    assert note.endswith(
        "the goal 'timra' says 'från varje kommun', but one goal counts the participants of every municipality "
        "together, and the file has no column municipality saying where the participants come from. Add the column "
        "municipality with each participant's municipality and write one goal per municipality, with the same target "
        "and among: {municipality: <kommun>}")


@pytest.mark.parametrize("among, said", [
    ("Timra", "kommunerna i den är Härnösand, Timrå: skriv en av dem som den står där"),
    ("timrå", "kommunerna i den är Härnösand, Timrå: skriv en av dem som den står där"),
])
def test_a_municipality_the_file_does_not_write_so_is_refused_with_its_names(tmp_path, among, said):
    (note,) = _refusals(tmp_path, TIMRA + f"  among: {{municipality: {among}}}\n")
    assert note.endswith(f"målet 'timra' gäller kommunen {among} (among: municipality), men filens kolumn municipality "
                         f"skriver ingen kommun så, och målet skulle inte räkna någon; {said}")


def test_a_municipality_goal_without_the_column_is_refused(tmp_path):
    (note,) = _refusals(tmp_path, TIMRA + "  among: {municipality: Timrå}\n", municipality=False)
    assert note.endswith("målet 'timra' gäller kommunen Timrå (among: municipality), men filen har ingen kolumn "
                         "municipality; lägg till den med varje deltagares kommun, eller ta bort municipality ur among")


# --- 3. a youth project (16–19 år) whose exits are a return to school, written as the case system writes them -------
YOUTH = """\
id: skolan
title: Tillbaka till skolan
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-08-01, planned_end: 2025-07-31}
data_as_of: 2025-09-30
data:
  participants: data/deltagare.csv
  columns: {'Kod': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushållstyp': household_type,
            'Startdatum': start_date, 'Slutdatum': end_date, 'Avslutsorsak': outcome}
CODES
goals:
  - id: studera
    kind: share
    label: Minst 50 % av de unga ska börja studera
    target: 0.5
    denominator: exits
    period: whole_period
SUCCESS
"""
REASONS = ("Återgång till skola", "Studier på gymnasiet", "Fått anställning", "Avbrutit", "Återgång till skola")
CODES = ("  codes: {outcome: {'Återgång till skola': studier, 'Studier på gymnasiet': studier, 'Fått anställning': "
         "arbete, 'Avbrutit': avbrott}}")


def _youth(tmp_path, codes: str = CODES, success: str = ""):
    """Ten persons of 16 to 19 at start (born 2005 to 2008, starting in 2024), U00..U09; their exits by turns
    'Återgång till skola', 'Studier på gymnasiet', 'Fått anställning', 'Avbrutit', 'Återgång till skola': six go
    back to school (i % 5 in 0, 1, 4), two to work (U02, U07), two drop out."""
    lines = ["Kod;Kön;Födelseår;Hushållstyp;Startdatum;Slutdatum;Avslutsorsak"]
    for i in range(10):
        start = dt.date(2024, 8, 20) + dt.timedelta(days=15 * i)
        lines.append(f"U{i:02d};{('Kvinna', 'Man')[i % 2]};{2005 + i % 4};ensamstående;{start};"
                     f"{start + dt.timedelta(days=120)};{REASONS[i % 5]}")
    _csv(tmp_path / "data/deltagare.csv", lines)
    p = tmp_path / "skolan.yaml"
    p.write_text(YOUTH.replace("CODES\n", codes + "\n" if codes else "").replace("SUCCESS\n", success), encoding="utf-8")
    return p


def test_a_return_to_school_written_out_is_suggested_as_studies(tmp_path):
    # before, 'Återgång till skola' and 'Studier på gymnasiet' were suggested as '?'
    with pytest.raises(DataValidationError) as e:
        et.load_project(_youth(tmp_path, codes=""))
    # (named by the file's heading, which data.columns reads as outcome)
    (column,) = [p for p in e.value.problems if p.row is None and p.column == "Avslutsorsak"]
    assert ("{outcome: {'Återgång till skola': studier, 'Studier på gymnasiet': studier, 'Fått anställning': arbete, "
            "'Avbrutit': avbrott}}") in column.note("sv")


@pytest.mark.parametrize("lang, said", [
    ("sv", "”Minst 50\u00a0% av de unga ska börja studera” räknar studier, de utfall som målets ord nämner; avslut "
           "till arbete, arbete med stöd, sjuk- eller aktivitetsersättning, sjukpenning, annan ersättning och aktiv "
           "planering med annan part räknas inte, eftersom målets ord inte nämner dem."),
    ("en", "“Minst 50\u00a0% av de unga ska börja studera”, as worded, counts exits to studies; exits to work, "
           "subsidised work, sickness or activity compensation, sickness benefit, other benefit and active plan with "
           "another agency are not counted, since the goal's words do not name them."),
])
def test_a_goal_to_study_without_success_outcomes_counts_studies(tmp_path, lang, said):
    from evaltools.present.sections.goals import beyond_words_sentences, words_counted_sentences
    project = et.load_project(_youth(tmp_path))
    row = et.assess_goals(project).raw.iloc[0]
    # six back to school of ten who ended (before, the default successes counted the two to work too: 8 of 10)
    assert (row["numerator"], row["denominator"]) == (6, 10)
    assert beyond_words_sentences(et.Report(project, lang=lang)) == []
    # the two to work are a count under 5: not given
    assert words_counted_sentences(et.Report(project, lang=lang)) == [said]


def test_a_goal_to_study_counting_studies_is_counted_so_and_says_nothing_more(tmp_path):
    from evaltools.present.sections.goals import beyond_words_sentences
    project = et.load_project(_youth(tmp_path, success="    success_outcomes: [studier]\n"))
    row = et.assess_goals(project).raw.iloc[0]
    assert (row["numerator"], row["denominator"]) == (6, 10)  # U00, U01, U04, U05, U06, U09
    assert beyond_words_sentences(et.Report(project, lang="sv")) == []
    # the participants are 16 to 19 at start: 2024 less 2005..2008
    assert sorted(set(project.participants["age_at_start"])) == [16, 17, 18, 19]


def test_a_goal_naming_work_only_names_the_studies_it_counts(tmp_path):
    from evaltools.present.sections.goals import beyond_words_sentences
    p = _youth(tmp_path, success="    success_outcomes: [arbete, studier]\n")
    p.write_text(p.read_text(encoding="utf-8").replace("ska börja studera", "ska få ett arbete"), encoding="utf-8")
    assert beyond_words_sentences(et.Report(et.load_project(p), lang="sv")) == [
        "”Minst 50\u00a0% av de unga ska få ett arbete” nämner arbete, men målet räknar också studier."]
