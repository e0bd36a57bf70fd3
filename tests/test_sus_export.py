"""A SUS report (Försäkringskassan's follow-up system for samordningsförbund) as the participant file.

The workbook below is laid out as a participant list taken from SUS and saved by Excel: a title row, a
header row in Swedish, ages in groups, no household type, a 'Felregistrering' exit and a person with two
spells. The exact headings of a SUS export are not public; these follow the variables SUS's report pages
name (kön, ålder in groups, in- and utregistrering, avslutsanledning, utbildningsnivå, försörjning and
sysselsättning before and after with their omfattning). Synthetic data only.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.data.validation import age_group_bounds

D = dt.date
HEAD = ["Löpnummer", "Insats", "Kön", "Ålder", "Folkbokföringskommun", "Inregistreringsdatum",
        "Utregistreringsdatum", "Avslutsanledning", "Utbildningsnivå", "Tid i offentlig försörjning",
        "Försörjning före", "Försörjning efter", "Sysselsättning före", "Omfattning före",
        "Sysselsättning efter", "Omfattning efter"]
# Löpnummer, Kön, Ålder, kommun, in, ut, avslutsanledning, utbildning, tid, försörjning före/efter,
# sysselsättning före, omfattning före, sysselsättning efter, omfattning efter
ROWS = [
    ("S01", "Kvinna", "20–24", "Norrby", D(2023, 2, 6), D(2023, 9, 29), "Enligt plan", "Gymnasium", "1-2 år",
     "Försörjningsstöd", "Ingen offentlig försörjning", "Övriga", None, "Förvärvsarbete", 100),
    ("S02", "Man", "25-29 år", "Norrby", D(2023, 2, 6), D(2023, 6, 30), "Avbrott", "Grundskola", "3-4 år",
     "Försörjningsstöd", "Försörjningsstöd", "Övriga", None, "Övriga", None),
    ("S03", "Man", "25-29 år", "Söderå", D(2023, 3, 13), D(2023, 5, 31), "Avbrott", "Grundskola", "3-4 år",
     "Försörjningsstöd", "Försörjningsstöd", "Övriga", None, "Övriga", None),
    ("S03", "Man", "25-29 år", "Söderå", D(2023, 10, 2), D(2024, 4, 30), "Enligt plan", "Grundskola", "3-4 år",
     "Försörjningsstöd", "Aktivitetsstöd", "Övriga", None, "Studier", 50),
    ("S04", "Kvinna", "30-34 år", "Norrby", D(2023, 4, 3), D(2024, 1, 31), "Enligt plan", "Eftergymnasial",
     "5-9 år", "Sjukpenning", "Sjukpenning", "Förvärvsarbete", 25, "Förvärvsarbete", 50),
    # registered in error the day S05 started (the same person and start date as the next row: without
    # being left out it would be refused as a duplicate enrolment)
    ("S05", "Kvinna", "20–24", "Söderå", D(2023, 5, 8), D(2023, 5, 8), "Felregistrering", "", "",
     "", "", "", None, "", None),
    ("S05", "Kvinna", "20–24", "Söderå", D(2023, 5, 8), D(2024, 2, 29), "Enligt plan", "Gymnasium", "Under 1 år",
     "Försörjningsstöd", "Ingen offentlig försörjning", "Aktivt arbetssökande", None, "Förvärvsarbete", 75),
    ("S06", "Man", "50-54", "Norrby", D(2023, 8, 21), D(2024, 5, 31), "Enligt plan", "Grundskola ej fullföljd",
     "10+ år", "Försörjningsstöd", "Sjuk- och aktivitetsersättning", "Övriga", None, "Övriga", None),
    ("S07", "Kvinna", "30-34 år", "Norrby", D(2024, 1, 15), None, "", "Gymnasium", "1-2 år",
     "Försörjningsstöd", "", "Aktivt arbetssökande", None, "", None),
    ("S08", "Man", "20–24", "Söderå", D(2024, 2, 5), D(2024, 8, 30), "Enligt plan", "Gymnasium", "Under 1 år",
     "A-kassa", "Ingen offentlig försörjning", "Aktivt arbetssökande", None, "Förvärvsarbete", 100),
]

COLUMNS = ("{'Löpnummer': person_id, 'Kön': sex, 'Ålder': age, 'Folkbokföringskommun': municipality, "
           "'Inregistreringsdatum': start_date, 'Utregistreringsdatum': end_date, 'Avslutsanledning': exit_reason, "
           "'Utbildningsnivå': education, 'Försörjning före': support_start, 'Försörjning efter': support_exit, "
           "'Sysselsättning före': occupation_before, 'Omfattning före': extent_before_pct, "
           "'Sysselsättning efter': outcome, 'Omfattning efter': extent_after_pct}")
CODES = ("{outcome: {'Förvärvsarbete': arbete, 'Övriga': annat}, "
         "education: {'Gymnasium': gymnasial, 'Grundskola': förgymnasial, "
         "'Grundskola ej fullföljd': förgymnasial_ej_fullföljd}, "
         "support_start: {'A-kassa': a_kassa}, "
         "support_exit: {'Ingen offentlig försörjning': ingen_offentlig, "
         "'Sjuk- och aktivitetsersättning': sjuk_aktivitetsersättning}, "
         "occupation_before: {'Övriga': övrigt, 'Aktivt arbetssökande': arbetssökande}}")


def sus_workbook(path: Path, rows=ROWS) -> Path:
    """The list as Excel saves it: a title row and the day it was taken above the header, date cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["SUS – deltagare i insatsen Steget vidare, Testförbundet"])
    ws.append(["Uttaget 2024-11-30"])
    ws.append([])
    ws.append(HEAD)
    for r in rows:
        ws.append([r[0], "Steget vidare", *r[1:]])
    for row in ws.iter_rows(min_row=5):
        for c in row:
            if isinstance(c.value, dt.date):
                c.number_format = "yyyy-mm-dd"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def sus_project(tmp_path: Path, data_lines: str = f"  columns: {COLUMNS}\n  codes: {CODES}\n", rows=ROWS,
                extra: str = "") -> Path:
    sus_workbook(tmp_path / "data" / "sus.xlsx", rows)
    text = textwrap.dedent("""\
        id: steget
        title: Steget vidare
        forbund: Testförbundet
        owner: Norrby kommun
        period: {start: 2023-02-01, planned_end: 2024-12-31}
        data_as_of: 2024-11-30
        data:
          participants: data/sus.xlsx
        """) + data_lines + textwrap.dedent(extra)
    p = tmp_path / "steget.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def project(tmp_path):
    return et.load_project(sus_project(tmp_path))


def test_unmapped_sus_headings_are_one_message_with_the_lines_to_write(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(sus_project(tmp_path, data_lines=""))
    [p] = e.value.problems  # one message, not one per heading (and none for the missing household type)
    en = p.text("en")
    assert "data: columns:" in en
    # every SUS variable the contract has, in the file's order; the outcome suggested, exit_reason for
    # the reason for the exit; 'Insats' and 'Tid i offentlig försörjning' are not among them
    assert ("{'Löpnummer': person_id, 'Kön': sex, 'Ålder': age, 'Folkbokföringskommun': municipality, "
            "'Inregistreringsdatum': start_date, 'Utregistreringsdatum': end_date, 'Avslutsanledning': exit_reason, "
            "'Utbildningsnivå': education, 'Försörjning före': support_start, 'Försörjning efter': support_exit, "
            "'Sysselsättning före': occupation_before, 'Omfattning före': extent_before_pct, "
            "'Sysselsättning efter': outcome, 'Omfattning efter': extent_after_pct}") in en
    assert "a suggestion to confirm or change to 'Försörjning efter'" in en
    assert "'Insats'" not in en and "Tid i offentlig" not in en
    assert "SUS registrerar inget" in p.text("sv")


def test_the_lines_pasted_read_the_export_with_its_texts_translated(project):
    p = project.participants
    # 10 rows, 1 'Felregistrering' left out: 9 enrolments of 8 persons (S03 twice)
    assert len(p) == 9 and p["person_id"].nunique() == 8
    assert sorted(p.loc[p["person_id"] == "S03", "outcome"]) == ["annat", "studier"]
    # outcome from 'Sysselsättning efter': S01, S04, S05, S08 Förvärvsarbete -> arbete; S03's second
    # spell Studier -> studier; S02, S03's first, S06 Övriga -> annat; S07 still enrolled: no outcome
    assert p["outcome"].value_counts().to_dict() == {"arbete": 4, "annat": 3, "studier": 1}
    assert p.loc[p["outcome"].isna(), "person_id"].tolist() == ["S07"]
    assert p.loc[p["person_id"] == "S06", "support_exit"].tolist() == ["sjuk_aktivitetsersättning"]
    assert p.loc[p["person_id"] == "S01", "extent_after_pct"].tolist() == [100]
    assert p.loc[p["person_id"] == "S06", "education"].tolist() == ["förgymnasial_ej_fullföljd"]


def test_a_felregistrering_is_left_out_of_every_count_with_a_note_saying_how_many(project):
    p = project.participants
    assert (p["start_date"] == "2023-05-08").sum() == 1  # S05's real spell only
    [note] = [w for w in project.warnings if w.code == "misregistered"]
    assert note.row == 10  # header on row 4; the 'Felregistrering' is the sixth data row
    assert note.text("sv").endswith(
        "inskrivningar med avslutsanledningen 'Felregistrering' (registrerade av misstag): 1; de räknas inte i "
        "någon del av rapporten")
    # the participant goal counts the 8 persons S01-S08 (a person is a participant once); a share of the
    # ended enrolments counts 8 of them, not 9: S01, S02, S03 twice, S04, S05's real spell, S06, S08 (S07
    # runs on), 4 of them to work (S01, S04, S05, S08)
    goals = et.assess_goals(project.with_params(goals=[
        {"id": "deltagare", "kind": "participant_count", "label": "Deltagare under projekttiden",
         "target": 8, "period": "whole_period"},
        {"id": "arbete", "kind": "share", "label": "Minst 40 % ska gå till arbete", "target": 0.4,
         "denominator": "exits", "success_outcomes": ["arbete"], "period": "whole_period"}])).raw
    assert int(goals["value"].iloc[0]) == 8
    assert (int(goals["numerator"].iloc[1]), int(goals["denominator"].iloc[1])) == (4, 8)


def test_ages_given_as_groups_are_the_age_breakdowns_groups(project):
    p = project.participants
    # S01, S05, S08 '20–24'; S02, S03 twice '25-29 år'; S04, S07 '30-34 år'; S06 '50-54'
    assert p["age_group"].value_counts().to_dict() == {"20–24": 3, "25–29": 3, "30–34": 2, "50–54": 1}
    assert p["age_at_start"].isna().all() and p["birth_year"].isna().all()
    [note] = [w for w in project.warnings if w.code == "age_groups"]
    assert "(20–24, 25–29, 30–34, 50–54)" in note.text("sv")
    assert "a comparison group is weighted without age" in note.text("en")


@pytest.mark.parametrize(("text", "bounds"), [("20–24", (20, 24)), ("25-29 år", (25, 29)), ("16 - 19 år", (16, 19)),
                                              ("65 år och äldre", (65, 200)), ("65+", (65, 200)), ("-19", (0, 19)),
                                              ("under 20", (0, 19)), ("34", None), ("okänt", None)])
def test_an_age_group_as_written(text, bounds):
    assert age_group_bounds(text) == bounds


def test_a_column_of_ages_with_one_unknown_is_still_groups_and_a_plain_age_among_groups_is_refused(tmp_path):
    rows = [(*r[:2], "Uppgift saknas", *r[3:]) if r[0] == "S08" else r for r in ROWS]
    project = et.load_project(sus_project(tmp_path / "a", rows=rows))
    assert project.participants.loc[project.participants["person_id"] == "S08", "age_group"].tolist() == ["okänt"]
    rows = [(*r[:2], "34", *r[3:]) if r[0] == "S07" else r for r in ROWS]
    with pytest.raises(DataValidationError) as e:
        et.load_project(sus_project(tmp_path / "b", rows=rows))
    # ('20–24' is no whole number: groups or ages, not both; the cell named by the file's heading, read as age)
    assert {p.column for p in e.value.problems} == {"Ålder"}


def test_a_missing_household_type_is_unknown_never_an_error_for_the_file(project):
    assert set(project.participants["household_type"]) == {"okänt"}
    [note] = [w for w in project.warnings if w.code == "household_unknown"]
    assert note.severity == "warning"
    from evaltools.present.sections import quality
    shown = quality.report_table(et.Report(project, lang="sv")).to_string()
    assert "Deltagarfilen anger inte hushållstyp" in shown


def test_the_report_says_which_column_is_the_outcome(project):
    [note] = [w for w in project.warnings if w.code == "outcome_from"]
    assert "'Sysselsättning efter'" in note.text("sv") and "utvärderaren har bestämt" in note.text("sv")
    # the headings read are for the evaluator (validate), not the board
    assert "columns_read" in {n.code for n in project.notices}
    assert "columns_read" not in {w.code for w in project.warnings}


def test_a_heading_mapped_beside_the_contracts_own_column_is_refused(tmp_path):
    # two headings of one file read as person_id: which holds the ids is not guessed, and the file says which two
    # (another file of the project may read its own heading as person_id: each file maps its own headings)
    path = sus_project(tmp_path, data_lines=f"  columns: {COLUMNS[:-1]}, 'Insats': person_id}}\n  codes: {CODES}\n")
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    one = [p for p in e.value.problems if p.key == "column.own_headings_one_column"]
    assert len(one) == 1 and "person_id" in one[0].note("en") and "'Insats'" in one[0].note("en")


def test_a_column_mapping_to_no_column_is_refused_with_the_nearest(tmp_path):
    path = sus_project(tmp_path, data_lines="  columns: {'Kön': sexx}\n")
    with pytest.raises(et.ParamsError) as e:
        et.load_project(path)
    assert "reads the heading 'Kön' as 'sexx'" in e.value.message("en") and "did you mean 'sex'?" in e.value.message("en")


def test_a_breakdown_by_age_counts_the_groups(project):
    # the participants by age group: 8 persons (S03, enrolled twice, once in '25–29'); every group has
    # fewer than 5
    table = et.composition(project, by="age_group").raw
    assert set(table["category"]) <= {"20–24", "25–29", "30–34", "50–54"}
    assert int(table["n"].sum()) == 8


def test_comparison_persons_are_grouped_in_the_participants_age_groups(tmp_path):
    # comparison persons with birth years; their reference date 2023-06-01: born 1990 -> 33 (30–34),
    # 2001 -> 22 (20–24), 1980 -> 43 (in none of the participants' groups: unknown)
    comp = tmp_path / "data" / "comparison.csv"
    comp.parent.mkdir(parents=True, exist_ok=True)
    comp.write_text("person_id,sex,birth_year,household_type,start_date,end_date,outcome\n"
                    + "".join(f"K{i},man,{y},okänt,2023-06-01,,\n" for i, y in enumerate([1990, 2001, 1980] * 2)),
                    encoding="utf-8")
    pay = tmp_path / "data" / "comparison_payments.csv"
    pay.write_text("person_id,month,amount\n" + "".join(f"K{i},2023-05,9000\n" for i in range(6)), encoding="utf-8")
    path = sus_project(tmp_path, data_lines=f"  columns: {COLUMNS}\n  codes: {CODES}\n"
                       "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")
    c = et.load_project(path).comparison
    assert c["age_group"].tolist() == ["30–34", "20–24", "okänt"] * 2


def test_the_report_names_the_translated_columns_by_their_words(project):
    from evaltools.present.sections import quality
    shown = quality.report_table(et.Report(project, lang="sv")).to_string()
    assert "Utbildning stod i deltagarfilen" in shown and "Sysselsättning före stod i deltagarfilen" in shown
    assert "'Övriga' som Övrigt" in shown
    shown = quality.report_table(et.Report(project, lang="en")).to_string()
    assert "Education" in shown and "'Övriga' as Other" in shown


def test_a_heading_left_out_of_data_columns_is_named_with_the_line_to_add(tmp_path):
    # data.columns without 'Utbildningsnivå' (education) and 'Omfattning efter' (extent_after_pct)
    columns = COLUMNS.replace("'Utbildningsnivå': education, ", "").replace(", 'Omfattning efter': extent_after_pct", "")
    codes = CODES.replace("education: {'Gymnasium': gymnasial, 'Grundskola': förgymnasial, "
                          "'Grundskola ej fullföljd': förgymnasial_ej_fullföljd}, ", "")
    with pytest.raises(DataValidationError) as e:
        et.load_project(sus_project(tmp_path, data_lines=f"  columns: {columns}\n  codes: {codes}\n"))
    [p] = e.value.problems
    assert p.text("en").endswith("add them there: 'Utbildningsnivå': education, 'Omfattning efter': extent_after_pct "
                                 "(check each heading)")
