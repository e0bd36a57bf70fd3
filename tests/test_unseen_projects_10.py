"""Tenth sweep of projects unlike the samples, from files made in Excel on Windows: a project whose
participants leave and come back (a row per enrolment, one person id), a participant file whose sex column
says "Vill ej uppge" or nothing, whose birth year is missing for some or written as a birth date, and whose
coordinator wrote a note under the list; goals worded in other ways (a time on försörjningsstöd, a count of
enrolments that promises studies, a target written "25 procent"); a project where no one has ended yet or no
one left försörjningsstöd; and budgets saved as Windows-1252 CSV from Excel's accounting format, with a
partner's 0 kr lines and an utfall far past the förbund's grant. Each fixture is a tiny project written in
tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import math

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.present.sections import quality
from evaltools.words.breakdowns import labelled

from .test_unseen_projects import _params
from .test_unseen_projects import _person as _person_2023


def _person(i: int, **kw):
    """A participant of 2024 (the base's default dates are 2023's)."""
    return _person_2023(i, **{"start": "2024-03-01", "end": "2024-09-01", **kw})

RUNNING = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data_as_of: 2025-06-30
    data: {participants: data/participants.csv%s}
    goals:
      - id: deltagare
        kind: participant_count
        label: Minst 5 deltagare under projektet
        target: 5
        period: whole_period
    """


def _csv(path, rows, encoding="utf-8-sig"):
    """``rows`` as Excel on Windows saves a CSV: semicolons, CRLF, a byte-order mark (or Windows-1252)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(rows[0])
    lines = [";".join(keys)] + [";".join(str(r.get(k, "")) for k in keys) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def _load(tmp_path, rows, body=RUNNING % ""):
    _csv(tmp_path / "data/participants.csv", rows)
    return et.load_project(_params(tmp_path, body))


# --- a person who left and came back: a row per enrolment, and the report says what it counts ----------------
def _came_back(ids_back: int, others: int):
    """``ids_back`` persons who ended in spring 2024 and came back in the autumn, and ``others`` enrolled once."""
    rows = []
    for i in range(1, ids_back + 1):
        rows.append(_person(i, start="2024-02-01", end="2024-05-31", outcome="avbrott"))
        rows.append(_person(i, start="2024-09-01", end="2025-03-31", outcome="arbete"))
    rows += [_person(100 + i, start="2024-03-01", end="2024-12-31", outcome="arbete") for i in range(others)]
    return rows


def test_five_persons_who_came_back_are_named_with_the_number_of_persons_they_are(tmp_path):
    # 5 persons enrolled twice and 2 once: 5 × 2 + 2 = 12 enrolments of 7 persons; a participant is a person
    project = _load(tmp_path, _came_back(5, 2))
    row = et.assess_goals(project).table.iloc[0]
    assert row["value"] == 7  # the goal counts persons (an application's "deltagare")
    sv = et.Report(project, lang="sv").key_findings()
    # (all in project year 1: the year's count would only repeat the total)
    assert "Projektet har haft 7 deltagare." in sv
    assert ("De 7 deltagarna skrevs in 12 gånger: 5 av dem mer än en gång. Varje person räknas som en deltagare, i "
            "målen och i kostnaden per deltagare; avsluten och utfallen räknas för varje inskrivning.") in sv
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "The 7 participants were enrolled 12 times: 5 of them more than once." in en
    # the evaluator's note names the three counts; the board's appendix says the same as page 1
    [note] = [w for w in project.warnings if w.code == "re_enrolled"]
    assert "12 inskrivningar av 7 olika personer (person-id som står på mer än en rad: 5)" in note.note("sv")
    assert "12 enrolments of 7 different persons" in note.note("en")
    appendix = quality.report_table(et.Report(project, lang="sv")).iloc[:, 0].tolist()
    assert any(n.startswith("De 7 deltagarna skrevs in 12 gånger") for n in appendix)


def test_fewer_than_five_who_came_back_are_some_and_the_number_of_enrolments_is_not_given(tmp_path):
    # 1 person enrolled twice and 5 once: 7 enrolments of 6 persons; the participants are the 6 persons, and
    # "7 inskrivningar" beside them would tell that one person came back
    project = _load(tmp_path, _came_back(1, 5))
    for lang in ("sv", "en"):
        r = et.Report(project, lang=lang)
        said = " ".join(r.key_findings()) + " ".join(quality.report_table(r).iloc[:, 0])
        assert ("Några personer (färre än 5) skrevs in mer än en gång" in said if lang == "sv"
                else "Some persons (fewer than 5) were enrolled more than once" in said)
        assert ("Projektet har haft 6 deltagare" in said if lang == "sv" else "The project has had 6 participants" in said)
        assert "7 inskrivningar" not in said and "7 enrolments" not in said and "7 deltagare" not in said


def test_a_project_where_no_one_came_back_says_nothing_of_it(tmp_path):
    project = _load(tmp_path, _came_back(0, 6))
    assert "re_enrolled" not in {w.code for w in project.warnings}
    assert not any("olika personer" in s for s in et.Report(project, lang="sv").key_findings())


@pytest.mark.parametrize("column, first, again, shown", [
    ("sex", "kvinna", "man", ("'man'", "'kvinna'")),
    ("birth_year", 1985, 1958, ("'1958'", "'1985'")),
])
def test_one_person_with_two_sexes_or_birth_years_is_refused_naming_both_rows(tmp_path, column, first, again, shown):
    # P001 on rows 2 and 3 (the header is row 1): one person cannot be a woman in one enrolment and a man in
    # the next; the breakdowns would count her in both groups
    rows = _came_back(1, 4)
    rows[0][column], rows[1][column] = first, again
    with pytest.raises(DataValidationError) as e:
        _load(tmp_path, rows)
    [only] = e.value.problems
    assert (only.row, only.column, only.key) == (3, column, "person.same_person")
    sv, en = only.note("sv"), only.note("en")
    assert f"står {shown[0]}, men samma person har {shown[1]} på rad 2" in sv
    assert "ge två olika personer olika person-id" in sv
    assert f"reads {shown[0]}, but the same person has {shown[1]} on row 2" in en


def test_an_unknown_sex_or_birth_year_in_one_enrolment_contradicts_nothing(tmp_path):
    rows = _came_back(2, 3)
    rows[1]["sex"] = "okänt"  # (the second enrolment of U001)
    rows[3]["birth_year"] = ""  # (the second enrolment of U002)
    project = _load(tmp_path, rows)
    assert len(project.participants) == 7


# --- sex not given, and ages not known ---------------------------------------------------------------------
def test_sex_written_as_a_coordinator_writes_it_gets_the_code_to_write(tmp_path):
    rows = [_person(i) for i in range(1, 6)]
    rows[1]["sex"] = "Vill ej uppge"
    rows[2]["sex"] = ""
    rows[3]["sex"] = "Icke-binär"
    rows[4]["sex"] = "Kvinna"  # (a code's label in Excel's capitals is read as the code)
    with pytest.raises(DataValidationError) as e:
        _load(tmp_path, rows)
    found = {p.row: p for p in e.value.problems}
    assert sorted(found) == [3, 4, 5]
    assert found[3].note("sv").endswith("menar du 'okänt'?")
    assert found[4].note("sv") == ("cellen är tom; förväntat en av kvinna, man, annat, okänt (skriv 'okänt' om "
                                   "uppgiften inte är känd)")
    assert found[4].note("en").endswith("(write 'okänt' if it is not known)")
    assert found[5].note("en").endswith("did you mean 'annat'?")


def test_participants_of_unknown_age_are_a_group_named_in_the_reports_language(tmp_path):
    # born 1980 (44 at the start in 2024) × 6, birth year missing × 5, birth year 1999 (25) × 5
    rows = ([_person(i, birth_year=1980) for i in range(1, 7)] + [_person(i, birth_year="") for i in range(7, 12)]
            + [_person(i, birth_year=1999) for i in range(12, 17)])
    project = _load(tmp_path, rows)
    for lang, unknown in [("sv", "Okänd ålder"), ("en", "Age unknown")]:
        table = labelled(et.Report(project, lang=lang).composition.table, lang)
        ages = table[table["variable"] == "age_group"]
        assert dict(zip(ages["category_label"], ages["n"])) == {"18–29": 5, "40–49": 6, unknown: 5}
        assert "okänt" not in ages["category_label"].tolist()


# --- files saved by Excel as Windows-1252: the board reads one note, not one per file -------------------------
def test_files_read_as_windows_1252_are_one_note_in_the_reports_appendix(tmp_path):
    _csv(tmp_path / "data/participants.csv", [_person(i, start="2024-03-01") for i in range(1, 6)], "cp1252")
    _csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Lönekostnad", "budget": 400000,
                                         "actual": 380000}], "cp1252")
    project = et.load_project(_params(tmp_path, RUNNING % ", budget: data/budget.csv"))
    # the evaluator gets one note per file, with the file's name (evaltools validate)
    assert [w.code for w in project.warnings].count("encoding") == 2
    for lang, note in [("sv", "Datafiler som var sparade som Windows-1252 (Excels vanliga CSV-format) lästes med "
                              "den teckenkodningen."),
                       ("en", "Data files saved as Windows-1252 (Excel's usual CSV format) were read in that encoding.")]:
        notes = quality.report_table(et.Report(project, lang=lang)).iloc[:, 0].tolist()
        assert notes.count(note) == 1
        assert not any("UTF-8" in n for n in notes)  # (the evaluator's to-do is not the board's)


# --- goals worded in other ways ------------------------------------------------------------------------------
def _goal(tmp_path, goal: str):
    # 3 to studies, 4 to work, 5 dropped out: 12 exits in 2024
    outcomes = ["studier"] * 3 + ["arbete"] * 4 + ["avbrott"] * 5
    rows = [_person(i, outcome=o) for i, o in enumerate(outcomes, start=1)]
    _csv(tmp_path / "data/participants.csv", rows)
    body = f"""\
        kind: individ
        period: {{start: 2024-01-01, planned_end: 2025-12-31}}
        data_as_of: 2025-06-30
        data: {{participants: data/participants.csv}}
        goals:
          - {goal}
        """
    return et.load_project(_params(tmp_path, body))


@pytest.mark.parametrize("goal, words", [
    ("{id: tid, kind: outcome_count, label: Genomsnittlig tid i försörjningsstöd ska minska, target: 5}",
     "Genomsnittlig tid i försörjningsstöd"),
    ("{id: tid, kind: share, label: Tiden med ekonomiskt bistånd ska minska för hälften, target: 0.5, "
     "period: whole_period, denominator: exits}", "Tiden med ekonomiskt bistånd"),
    ("{id: tid, kind: outcome_count, label: Average time on social assistance falls, target: 5}",
     "Average time on social assistance"),
])
def test_a_goal_about_time_on_social_assistance_is_refused_naming_its_words(tmp_path, goal, words):
    # an exit to work is no measure of how long persons are on försörjningsstöd: counted as one, "uppnått – 7"
    # would stand beside words about months
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as e:
        _goal(tmp_path, goal)
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"'{words}'" in sv and f"'{words}'" in en
    assert "kind: qualitative" in sv and "kind: context" in sv


def test_a_count_goal_averaged_over_the_years_is_still_counted(tmp_path):
    # "i genomsnitt ... per år" is a count per year, not a time on support: 3 + 4 = 7 to work or studies in year 1
    project = _goal(tmp_path, "{id: ut, kind: outcome_count, label: I genomsnitt ska 5 deltagare per år gå till "
                              "arbete eller studier, target: 5, success_outcomes: [arbete, studier]}")
    row = et.assess_goals(project).table.iloc[0]
    assert (row["period_key"], row["value"]) == ("år1", 7)


@pytest.mark.parametrize("target, fixed", [("'25 procent'", "skriv 0.25"), ("'25 %'", "skriv 0.25"),
                                           ("25", "skriv 0.25 för 25 %"), ("'0,25'", "0.25")])
def test_a_share_target_written_as_a_person_writes_it_gets_the_number_to_write(tmp_path, target, fixed):
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as e:
        _goal(tmp_path, "{id: arbete, kind: share, label: 'Andelen som går till arbete ska vara minst 25 %', "
                        f"target: {target}, period: whole_period, denominator: exits}}")
    sv = e.value.message("sv")
    assert fixed in sv, sv


# --- a budget whose partners' lines are 0 kr ----------------------------------------------------------------
def _funded(tmp_path, region: tuple[int, int]):
    _csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    _csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "funder": "förbund", "budget": 500000, "actual": 760000},
        {"period": "2024", "category": "Personal", "funder": "egen", "budget": 0, "actual": 0},
        {"period": "2024", "category": "Lokaler", "funder": "region", "budget": region[0], "actual": region[1]}])
    body = RUNNING.replace("    data:", "    granted_sek: 500000\n    data:") % ", budget: data/budget.csv"
    return et.Report(et.load_project(_params(tmp_path, body)), lang="sv")


def test_a_partner_whose_lines_are_0_kr_is_not_named_as_paying_on_page_one(tmp_path):
    # the förbund's 760 000 kr is the whole cost (152 % of the budget 500 000 kr); own financing and the region's
    # 0 kr rows, copied from the template, paid nothing and promised nothing: no "cost per funder" sentence
    r = _funded(tmp_path, (0, 0))
    cost = next(s for s in r.key_findings() if s.startswith("Projektet har kostat"))
    assert "760\u00a0000\u00a0kr" in cost and "152\u00a0%" in cost
    assert "finansiär" not in cost and "0\u00a0kr och" not in cost


def test_a_partner_that_budgeted_and_paid_nothing_is_still_named(tmp_path):
    # the region budgeted 100 000 kr and its utfall is 0 kr: that is news for the board
    r = _funded(tmp_path, (100000, 0))
    cost = next(s for s in r.key_findings() if s.startswith("Projektet har kostat"))
    assert ("Kostnaden per finansiär: samordningsförbundet 760\u00a0000\u00a0kr och regionens medfinansiering "
            "0\u00a0kr.") in cost


# --- a difference between the sexes is not made by those whose sex is not known ------------------------------
def test_the_test_between_the_sexes_leaves_out_those_of_unknown_sex_and_says_so(tmp_path):
    # 10 women (5 to work, 5 dropped out), 10 men (5 and 5), 20 of unknown sex (5 to work, 15 dropped out)
    from scipy.stats import chi2_contingency
    from evaltools.words.labels import note_text
    outcomes = ["arbete"] * 5 + ["avbrott"] * 5
    rows = ([_person(i, sex="kvinna", outcome=o) for i, o in enumerate(outcomes, start=1)]
            + [_person(i, sex="man", outcome=o) for i, o in enumerate(outcomes, start=11)]
            + [_person(i, sex="okänt", outcome="arbete" if i <= 25 else "avbrott") for i in range(21, 41)])
    project = _load(tmp_path, rows)
    rates = et.outcome_rates(project)
    sex = rates.table[rates.table["variable"] == "sex"].set_index("category")
    assert sex.loc["okänt", "n"] == 20  # the row is there
    # the test compares women and men only: 5 of 10 against 5 of 10, no difference at all (p = 1)
    assert sex["p_value"].iloc[0] == pytest.approx(1.0)
    # with the unknown's 5 of 20 in it, the test would compare three groups and find a p below 1: by hand, the
    # chi-square is 2 × 1,25²/3,75 + 2 × 1,25²/6,25 + 2,5²/7,5 + 2,5²/12,5 = 8/3 on 2 degrees of freedom, p = e^(−4/3)
    assert chi2_contingency([[5, 5], [5, 5], [5, 15]]).pvalue == pytest.approx(math.exp(-4 / 3))
    assert rates.raw[rates.raw["variable"] == "sex"]["p_value"].iloc[0] == pytest.approx(1.0)
    said = [note_text(n, "sv") for n in rates.notes]
    assert any(s.startswith("Grupper där uppgiften inte är känd (till exempel okänt kön") for s in said)
    assert any(note_text(n, "en").startswith("Groups whose value is not known") for n in rates.notes)
    from evaltools.present.sections.outcomes import rate_notes
    under_table = rate_notes(et.Report(project, lang="sv"), "1")
    assert any(s.startswith("Grupper där uppgiften inte är känd") for s in under_table)


# --- a birth year written as a register or a form gives it ------------------------------------------------------
@pytest.mark.parametrize("written, hint_sv, hint_en", [
    ("1985-04-12", "skriv bara födelseåret, 1985", "write the birth year only, 1985"),
    ("19850412", "skriv bara födelseåret, 1985", "write the birth year only, 1985"),
    ("85", "skriv året med fyra siffror (1985, inte 85)", "write the year with four digits"),
])
def test_a_birth_date_or_a_two_digit_year_gets_the_year_to_write(tmp_path, written, hint_sv, hint_en):
    rows = [_person(i, birth_year=1985) for i in range(1, 6)]
    rows[2]["birth_year"] = written
    with pytest.raises(DataValidationError) as e:
        _load(tmp_path, rows)
    [only] = e.value.problems
    assert (only.row, only.column) == (4, "birth_year")
    assert hint_sv in only.note("sv") and hint_en in only.note("en")


# --- nobody has ended yet, or nobody left försörjningsstöd: page 1 still answers "was it worth it" ------------
def _cost_only(tmp_path, rows):
    _csv(tmp_path / "data/participants.csv", rows)
    _csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 700000, "actual": 650000}])
    body = RUNNING.replace("    data:", "    granted_sek: 700000\n    data:") % ", budget: data/budget.csv"
    return et.load_project(_params(tmp_path, body))


def _said_under(r, question: str) -> list[str]:
    """The sentences page 1 gives under one of its three questions (its heading in the report's words)."""
    from evaltools.present.sections.summary import answers, question_heading
    return next(sentences for key, _part, sentences in answers(r) if question_heading(r, key) == question)


def test_a_project_where_everyone_is_still_enrolled_says_the_benefit_cannot_be_counted_yet(tmp_path):
    # 6 enrolled in 2025, none ended by 2025-06-30
    project = _cost_only(tmp_path, [_person(i, start="2025-02-01", end="", outcome="") for i in range(1, 7)])
    sv = _said_under(et.Report(project, lang="sv"), "Var det värt det – och för vem?")
    assert sv == ["Nyttan kan inte räknas ännu: ingen deltagare hade avslutat vid analysdatumet 2025-06-30, och "
                  "besparingen i försörjningsstöd räknas för dem som avslutat."]
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "The benefit cannot be counted yet: no participant had ended by the analysis date 2025-06-30" in en


def test_a_project_where_no_one_left_social_assistance_says_there_is_no_saving_to_count(tmp_path):
    # 6 ended in 2024: 3 still on försörjningsstöd, 3 dropped out; none counts as a success or leaves försörjningsstöd
    outcomes = ["kvar_försörjningsstöd"] * 3 + ["avbrott"] * 3
    project = _cost_only(tmp_path, [_person(i, outcome=o) for i, o in enumerate(outcomes, start=1)])
    r = et.Report(project, lang="sv")
    assert ("Ingen av de 6 avslutade deltagarna lämnade försörjningsstödet (arbete, arbete med stöd, studier, sjuk- "
            "eller aktivitetsersättning, sjukpenning, annan ersättning); projektet anger inget eget mått på lyckat "
            "utfall.") in r.key_findings()
    said = _said_under(r, "Var det värt det – och för vem?")
    assert said[0] == ("Ingen av dem som avslutat lämnade försörjningsstödet enligt avslutskoderna, så kalkylen har "
                       "ingen besparing i försörjningsstöd att räkna mot kostnaden.")
    en = " ".join(et.Report(project, lang="en").key_findings())
    assert "None of the 6 participants who ended left social assistance" in en


def test_none_of_fewer_than_five_is_not_said(tmp_path):
    # 4 ended, none to work: "none of them" would be the outcome of each of the 4
    rows = [_person(i, outcome="avbrott") for i in range(1, 5)] + [_person(i, end="", outcome="") for i in range(5, 9)]
    r = et.Report(_cost_only(tmp_path, rows), lang="sv")
    assert not any(s.startswith("Ingen av") for s in r.key_findings())


# --- a coordinator's workbook: a title above the header, a notes column, a note under the list -----------------
def test_a_note_under_the_list_in_a_notes_column_is_not_read_as_a_person(tmp_path):
    import datetime as dt

    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare 2024"
    ws.append(["Deltagarförteckning Steget vidare"])
    ws.append([])
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "Kommentar"])
    for i in range(1, 7):  # rows 4–9
        ws.append([f"S{i:02d}", "Kvinna", 1985, "ensamstående", dt.datetime(2024, 2, i), dt.datetime(2024, 9, i),
                   "Arbete", "ringde 3/9" if i == 2 else None])
    ws.append([])  # row 10
    ws.append([None] * 7 + ["Obs: S07 och S08 saknas, kommer i nästa uttag"])  # row 11
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data/deltagare.xlsx")
    project = et.load_project(_params(tmp_path, RUNNING.replace("participants.csv%s", "deltagare.xlsx")))
    assert project.participants["person_id"].tolist() == [f"S{i:02d}" for i in range(1, 7)]
    [note] = [n for n in project.notices if n.code == "note_rows"]  # (for the evaluator: not the report's)
    assert note.note("sv").startswith("rad 11 har text bara i kolumner som inte läses ('Kommentar')")
    assert "note_rows" not in {w.code for w in project.warnings}
    # a row with a value in a column of the contract is a person, and is checked as one
    ws["A11"] = "S07"
    wb.save(tmp_path / "data/deltagare.xlsx")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, RUNNING.replace("participants.csv%s", "deltagare.xlsx")))
    assert {p.row for p in e.value.problems} == {11}


# --- a budget whose utfall runs far past what the förbund granted ---------------------------------------------
def test_the_budget_table_says_by_how_much_the_forbunds_lines_exceed_its_grant(tmp_path):
    from evaltools.present.sections import budget
    # the förbund granted 500 000 kr; its line's utfall is 760 000 kr: 260 000 kr more. The region's 100 000 kr
    # line is the region's money and not compared with the förbund's grant
    r = _funded(tmp_path, (100000, 100000))
    notes = budget.note(r, r.cba.costs)
    assert ("Utfallet på samordningsförbundets rader, 760\u00a0000\u00a0kr, är 260\u00a0000\u00a0kr mer än förbundet "
            "beviljade (500\u00a0000\u00a0kr).") in notes
    en = budget.note(et.Report(r.project, lang="en"), r.cba.costs)
    assert any("SEK\u00a0260,000 more than it granted (SEK\u00a0500,000)" in n for n in en)


def test_a_budget_within_the_grant_says_nothing_of_it(tmp_path):
    from evaltools.present.sections import budget
    _csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    _csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 500000, "actual": 500000}])
    body = RUNNING.replace("    data:", "    granted_sek: 500000\n    data:") % ", budget: data/budget.csv"
    r = et.Report(et.load_project(_params(tmp_path, body)), lang="sv")
    assert not any("beviljade" in n for n in budget.note(r, r.cba.costs))


# --- a budget saved from Excel's accounting format ------------------------------------------------------------
@pytest.mark.parametrize("dash", ["-", " - kr", "–"])
def test_a_dash_in_an_amount_column_is_named_as_excels_zero(tmp_path, dash):
    # Excel's "Redovisning" format shows 0 as a dash, and a CSV saved from it holds the dash: 0, or not known yet?
    _csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 6)])
    _csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": "500\u00a0000,00", "actual": "450\u00a0000 kr"},
        {"period": "2024", "category": "Lokaler", "budget": "50 000", "actual": dash}], "cp1252")
    body = RUNNING.replace("    data:", "    granted_sek: 550000\n    data:") % ", budget: data/budget.csv"
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, body))
    [only] = e.value.problems
    assert (only.row, only.column) == (3, "actual")
    assert "ett streck är så Excels format Redovisning visar 0: skriv 0, eller lämna cellen tom" in only.note("sv")
    assert "a dash is how Excel's Accounting format shows 0" in only.note("en")


# --- a goal that counts enrolments but whose words promise an outcome ----------------------------------------
@pytest.mark.parametrize("label, words", [
    ("Minst 10 deltagare per år ska påbörja studier", "ska påbörja studier"),
    ("Minst 10 deltagare ska gå vidare till arbete", "ska gå vidare till arbete"),
    ("Minst 10 deltagare ska ha fått arbete", "ska ha fått arbete"),
    ("At least 10 participants will move on to work", "will move on to work"),
])
def test_a_participant_count_whose_words_promise_an_outcome_is_refused_with_the_kind_to_write(tmp_path, label, words):
    # 12 enrolled, 3 began studies and 4 work: counted as enrolments the goal would read "uppnått – 12"
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as e:
        _goal(tmp_path, f"{{id: ut, kind: participant_count, label: {label}, target: 10, period: whole_period}}")
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"'{words}'" in sv and f"'{words}'" in en
    assert "kind: outcome_count" in sv and "kind: outcome_count" in en


@pytest.mark.parametrize("label", [
    "Minst 10 deltagare som har svårt att få arbete ska skrivas in",  # (the target group, described)
    "Minst 10 deltagare ska få stöd mot arbete eller studier",  # (support on the way)
    "Minst 10 deltagare under projektet",
])
def test_a_participant_count_that_describes_whom_it_counts_is_read(tmp_path, label):
    project = _goal(tmp_path, f"{{id: in, kind: participant_count, label: {label}, target: 10, period: whole_period}}")
    assert et.assess_goals(project).table.iloc[0]["value"] == 12  # (12 persons, each enrolled once)


# --- an exit followed by a new enrolment of the same person saves nothing lasting ------------------------------
def test_an_exit_the_person_came_back_from_is_no_saving_and_the_report_says_so(tmp_path):
    # 5 persons left for work in April 2024, came back in September and left for work again in March 2025;
    # 5 others ended still on försörjningsstöd. The cost-benefit counts 5 exits (the later ones), not 10.
    rows = []
    for i in range(1, 6):
        rows.append(_person(i, start="2024-01-15", end="2024-04-30", outcome="arbete"))
        rows.append(_person(i, start="2024-09-01", end="2025-03-31", outcome="arbete"))
    rows += [_person(100 + i, start="2024-03-01", end="2024-12-31", outcome="kvar_försörjningsstöd") for i in range(5)]
    _csv(tmp_path / "data/participants.csv", rows)
    _csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 300000, "actual": 300000},
                                        {"period": "2025", "category": "Personal", "budget": 150000, "actual": 150000}])
    body = """\
        kind: individ
        period: {start: 2024-01-01, planned_end: 2025-06-30}
        data: {participants: data/participants.csv, budget: data/budget.csv}
        """
    project = et.load_project(_params(tmp_path, body))
    r = et.Report(project, lang="sv")
    s = r.cba.summary
    assert (s.successes, s.came_back) == (5, 5)
    assert s.cost_per_exit_from_fs == 450_000 / 5
    # each counted exit is the person's second: the saving is that of a project whose 5 persons left once, in
    # March 2025 (the same rows without the first enrolments)
    once = tmp_path / "once"
    _csv(once / "data/participants.csv", [row for row in rows if row["start_date"] != "2024-01-15"])
    _csv(once / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 300000, "actual": 300000},
                                    {"period": "2025", "category": "Personal", "budget": 150000, "actual": 150000}])
    single = et.Report(et.load_project(_params(once, body)), lang="sv").cba.summary
    assert single.came_back == 0 and s.pv_avoided_fs == pytest.approx(single.pv_avoided_fs)
    from evaltools.present.sections import summary
    said = " ".join(summary.support_at_start(r))
    assert ("5 gånger följdes ett avslut från försörjningsstödet av att samma person skrevs in i projektet igen; för "
            "de avsluten räknar kalkylen ingen besparing") in said.replace("\xa0", " ")
    # the same exits counted once everywhere: the differencing rule's count of exits is the model's
    from evaltools.analysis.disclosure import counts
    assert counts(project).exits == 5
    en = " ".join(summary.support_at_start(et.Report(project, lang="en")))
    assert "5 times an exit from social assistance was followed by the same person being enrolled" in en


def test_an_agencys_co_financing_keeps_its_capital_inside_the_sentence(tmp_path):
    """Inside "Kostnaden per finansiär: …" a funder named by a common noun is in lower case (samordningsförbundet,
    regionens medfinansiering); Arbetsförmedlingen is a name, and keeps its capital."""
    _csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    _csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "funder": "förbund", "budget": 500000, "actual": 500000},
        {"period": "2024", "category": "Handläggare", "funder": "arbetsförmedlingen", "budget": 200000, "actual": 200000}])
    body = RUNNING.replace("    data:", "    granted_sek: 500000\n    data:") % ", budget: data/budget.csv"
    r = et.Report(et.load_project(_params(tmp_path, body)), lang="sv")
    cost = next(s for s in r.key_findings() if s.startswith("Projektet har kostat"))
    assert ("Kostnaden per finansiär: samordningsförbundet 500\u00a0000\u00a0kr och Arbetsförmedlingens medfinansiering "
            "200\u00a0000\u00a0kr.") in cost
