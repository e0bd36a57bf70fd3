"""Small counts in the questionnaires, the rates table and group goals.

Expected values are worked out by hand in the comments, never copied from the code's output."""
from __future__ import annotations

import pytest
from pathlib import Path

import evaltools as et
from evaltools.analysis import survey as A
from evaltools.present import report as report_module
from evaltools.present.display import Text

from .conftest import write_csv
from .test_survey_data import DATA, QUESTIONS, _row


def _staff(answers: dict[str, list[str]]) -> list[dict]:
    """One staff member per position; ``answers`` gives each question's answers in order."""
    rows = []
    for q, values in answers.items():
        rows += [_row(f"S{i}", "personal", "2025-09-01", q, a) for i, a in enumerate(values, 1)]
    return rows


def _answers(counts: dict[str, int]) -> list[str]:
    return [a for a, n in counts.items() for _ in range(n)]


# the managers' answers to F1 in Samverkan i praktiken, 2025: 1, 2, 6, 15 and 14 on the scale 1–5 (38)
CHEFER_F1 = _answers({"1": 1, "2": 2, "3": 6, "4": 15, "5": 14})
# F2 (scale 1–4, low is positive): 3 answered 1, none 2, 6 answered 3, 29 answered 4 (38)
LONE_F2 = _answers({"1": 3, "3": 6, "4": 29})


@pytest.fixture
def report(tiny_project):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _staff({"F1": CHEFER_F1, "F2": LONE_F2}))
    return et.Report(et.load_project(tiny_project(data_block=DATA)))


def _by_answer(table, question):
    rows = table[(table["group"] == "personal") & (table["question"] == question)]
    return dict(zip(rows["answer"], rows["n"])), dict(zip(rows["answer"], rows["share"]))


def test_answer_counts_under_five_are_hidden_in_the_table_and_workbook(report):
    n, share = _by_answer(report.survey.table, "F1")
    # 1 and 2 are small; the two hidden together (3 = 38 − 6 − 15 − 14) do not tell either one
    assert n == {1: "<5", 2: "<5", 3: 6, 4: 15, 5: 14, "vet_ej": 0, "inget_svar": 0}
    assert share[1] == share[2] == ".." and share[3] == pytest.approx(6 / 38)
    sheet = report.key_tables()["enkater"]
    f1 = sheet[sheet["question"] == "F1"]
    assert list(f1["n"]) == ["<5", "<5", 6, 15, 14, 0, 0]
    # a lone small count (3 answered 1 on F2) would follow from the 38 on the scale: the next smallest, 6, goes too
    n2, _ = _by_answer(report.survey.table, "F2")
    assert n2 == {1: "<5", 2: 0, 3: "..", 4: 29, "vet_ej": 0, "inget_svar": 0}
    raw = report.survey.raw  # the evaluator's own copy keeps the counts
    assert list(raw[raw["question"] == "F1"]["n"])[:5] == [1, 2, 6, 15, 14]


def _alt_texts(r, monkeypatch) -> list[str]:
    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    r.survey_section()
    return [p.et_alt for p in seen if hasattr(p, "et_alt")]


def test_the_chart_joins_hidden_answers_on_one_side_and_leaves_out_a_split_question(report, monkeypatch):
    alts = _alt_texts(report, monkeypatch)
    f1 = next(a for a in alts if "Jag ser ljust på framtiden" in a)
    # F1: the hidden answers (1 and 2) are both negative: negative (1 + 2)/38 = 7,9 % → 8 %, positive 29/38 → 76 %
    # (and the middle 6/38 = 15,8 % → 16 %, with the 38 who answered on the scale)
    assert "Jag ser ljust på framtiden (38 svarande): 76\u00a0% positiva, 16\u00a0% i mitten och 8\u00a0% negativa" in f1
    # F2 (1–4, low positive): hidden 1 (positive end) and 3 (negative side): a bar would tell their split. It is
    # alone on its scale, so its chart would have no bar at all: a sentence of the round names it instead
    assert not any("Jag känner mig stressad" in a for a in alts)
    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    report.survey_section()
    said = [p for part in seen if isinstance(part, Text) for p in part.paragraphs]
    assert any(p.startswith("Svaren på ”Jag känner mig stressad”") and "visas inte i något diagram" in p for p in said)


@pytest.mark.parametrize("goal, expected", [
    # steps 0, 7, 8, 10, 2: the 2 who answered 5 are small and the next smallest on the scale, 7, protects them
    ("", {1: 0, 2: "..", 3: 8, 4: 10, 5: "<5"}),
    # a goal "answer 4 or 5" publishes 12: with 4 shown, 5 would be 12 − 10 = 2, so 4 is hidden too
    ("goals:\n  - {id: g, kind: survey, label: Instämmer, question: F1, group: personal, level: 4, target: 0.5}\n",
     {1: 0, 2: "..", 3: 8, 4: "..", 5: "<5"}),
])
def test_a_level_goals_count_protects_the_answers_above_its_level(tiny_project, goal, expected):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _staff({"F1": _answers({"2": 7, "3": 8, "4": 10, "5": 2})}))
    s = A.survey(et.load_project(tiny_project(goal, data_block=DATA)))
    n, _ = _by_answer(s.table, "F1")
    assert {a: v for a, v in n.items() if not isinstance(a, str)} == expected


def test_dont_know_is_protected_with_the_answers(tiny_project):
    # 2, 6, 16, 12 on the scale (36), 2 "vet ej" and 7 empty (45 respondents). The scale: the 2 alone would follow
    # from 36, so 6 goes. Off the scale: 45 − 36 = 9 are "vet ej" or empty, so the 7 empty go with the 2 "vet ej"
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv",
              _staff({"F1": _answers({"2": 2, "3": 6, "4": 16, "5": 12, "vet ej": 2, "": 7})}))
    s = A.survey(et.load_project(tiny_project(data_block=DATA)))
    n, _ = _by_answer(s.table, "F1")
    assert n == {1: 0, 2: "<5", 3: "..", 4: 16, 5: 12, "vet_ej": "<5", "inget_svar": ".."}


# --- 2. the rates table: the number ended where hiding it protects nothing; one rule for a group's row ------------
RATE_GOAL = """\
goals:
  - {id: arbete, kind: share, label: Minst 40 % till arbete, target: 0.4, denominator: exits, success_outcomes: [arbete]}
"""


def _households(tiny_project) -> Path:
    """Household types as (persons, still enrolled, ended in work); the other ended stay on försörjningsstöd."""
    rows, i = [], 0
    for household, n, ongoing, work in (("ensamstående", 20, 0, 10), ("ensamstående_med_barn", 10, 2, 5),
                                        ("sambo_med_barn", 12, 0, 6), ("sambo_utan_barn", 8, 0, 3)):
        for j in range(n):
            i += 1
            ended = j >= ongoing
            rows.append({"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980,
                         "household_type": household, "start_date": "2022-02-01",
                         "end_date": "2022-10-01" if ended else "",
                         "outcome": ("arbete" if j - ongoing < work else "kvar_försörjningsstöd") if ended else ""})
    write_csv(tiny_project.dir / "data/participants.csv", rows)
    return tiny_project(RATE_GOAL)


def test_the_number_ended_is_shown_where_hiding_it_protects_nothing(tiny_project):
    from evaltools.analysis.cohorts import outcome_rates
    rates = outcome_rates(et.load_project(_households(tiny_project)), by=("household_type",))
    got = {c: (n, s) for c, n, s in zip(rates.table["category"], rates.table["n"], rates.table["successes"])}
    # cells (work, other ended, still enrolled): 10/10/0, 5/3/2, 6/6/0, 3/5/0. Small: the 3 other and 2 enrolled
    # of single parents, the 3 in work of couples without children. The work column would give 3 back from the
    # total: the next smallest, 5, goes too; the other column likewise its 5. Two rows hidden.
    # Couples without children: 8 persons, none still enrolled (a zero), so 8 ended is the participants table's 8:
    # shown (it was ".."). Single parents: 10 less 2 still enrolled: their 8 ended would give the 2, so "..".
    assert got == {"ensamstående": (20, 10), "ensamstående_med_barn": ("..", ".."),
                   "sambo_med_barn": (12, 6), "sambo_utan_barn": (8, "<5")}


def test_a_group_row_of_marks_only_is_left_out_whatever_its_marks(tiny_project):
    from evaltools.present.display import Table
    from evaltools.present.sections import outcomes
    r = et.Report(et.load_project(_households(tiny_project)))
    (table,) = [b for g in outcomes.blocks(r) for b in g if isinstance(b, Table) and "Kategori" in b.frame.columns]
    households = {row[1]: list(row[2:5]) for row in table.frame.itertuples(index=False) if row[0] == "Hushållstyp"}
    # single parents ("..", "..", "..") are left out; couples without children show their 8 ended
    assert households == {"Ensamstående utan barn": ["20", "10", "50,0\u00a0%"],
                          "Sammanboende med barn": ["12", "6", "50,0\u00a0%"],
                          "Sammanboende utan barn": ["8", "<5", ".."]}
    # (the chart above the table draws the same rows: the note speaks of both)
    assert ("Grupper där alla siffror är dolda, och uppdelningar där ingen grupps andel visas, står varken i tabellen "
            "eller i diagrammet.") in table.notes
    # both hidden rates are named as hidden here though the participants table shows them (the couples' row
    # shows its 8 ended, not its rate)
    # (named after another breakdown's groups, inside the sentence, in lower case)
    assert any("hushållstyp (ensamstående med barn, sammanboende utan barn) visas i tabellen över deltagarna, men "
               "här visas inte andelen" in n for n in table.notes)


# --- 3. a goal for a group that nobody belongs to is refused --------------------------------------------------------
def _refusals(path: Path, lang: str = "sv") -> list[str]:
    from evaltools.data.errors import DataValidationError
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    return [p.note(lang) for p in e.value.problems]


def _group_goal(among: str) -> str:
    return ("goals:\n  - {id: unga, kind: outcome_count, label: Minst 2 unga till arbete, target: 2, "
            "success_outcomes: [arbete], among: " + among + "}\n")


@pytest.mark.parametrize("lang, said", [
    # the tiny project's four were born 1968–1990 and started 2022–2023: aged 32 (2022 − 1990) to 55 (2023 − 1968)
    ("sv", "målet 'unga' gäller age_below: 18 (among), men ingen deltagare i filen hör till den gruppen, så målet "
           "skulle räkna 0 och visas som ej uppnått utan att säga att gruppen är tom; deltagarnas ålder vid start är "
           "32–55 år: rätta åldersgränsen, eller ta bort målet"),
    ("en", "the goal 'unga' is set for age_below: 18 (among), but no participant in the file is in that group, so the "
           "goal would count 0 and be shown as not reached without saying that the group is empty; the participants' "
           "ages at start are 32–55: correct the age limit, or remove the goal"),
])
def test_an_age_group_nobody_is_in_is_refused(tiny_project, lang, said):
    notes = _refusals(tiny_project(_group_goal("{age_below: 18}")), lang)
    assert [n for n in notes if "unga" in n] == [said]


def test_a_household_type_nobody_has_is_refused_with_those_the_file_holds(tiny_project):
    notes = _refusals(tiny_project(_group_goal("{household_type: sambo_utan_barn}")))
    # the four hold ensamstående (P1, P4), sambo_med_barn (P2), ensamstående_med_barn (P3)
    assert [n for n in notes if "unga" in n] == [
        "målet 'unga' gäller household_type: sambo_utan_barn (among), men ingen deltagare i filen har det värdet, så "
        "målet skulle räkna 0 och visas som ej uppnått utan att säga att gruppen är tom; kolumnen household_type har "
        "ensamstående, ensamstående_med_barn, sambo_med_barn: skriv ett värde som finns där, eller ta bort målet"]


def test_keys_each_met_but_never_together_are_refused_together(tiny_project):
    # women: P1 (born 1980, 42 at start) and P3 (1990, 32); aged 50 or more: P4 only, a man
    notes = _refusals(tiny_project(_group_goal("{sex: kvinna, age_from: 50}")))
    assert [n for n in notes if "unga" in n] == [
        "målet 'unga' gäller sex: kvinna, age_from: 50 (among), men ingen deltagare i filen uppfyller allt det på en "
        "gång, så målet skulle räkna 0 och visas som ej uppnått utan att säga att gruppen är tom: rätta among, eller "
        "ta bort målet"]


def test_a_group_somebody_is_in_and_a_project_year_not_begun_are_read(tiny_project):
    # P1 and P3 are women; project year 3 (from 2024-01-01) has not begun by the data's date (the period ends 2023)
    et.load_project(tiny_project(_group_goal("{sex: kvinna}")))
    et.load_project(tiny_project(_group_goal("{project_year: 3}")))


def test_page_one_does_not_give_dont_know_beside_a_small_number_of_empty_answers(tiny_project):
    # 40 answered F1 on its scale (20 "4", 20 "5"), 6 "vet ej", 2 empty: 48 respondents. "6 svarade vet ej" beside
    # "40 av 48" would give the 2 empty (48 − 40 − 6); with 7 empty (53 respondents) the 6 may be said
    goal = "goals:\n  - {id: g, kind: survey, label: Personalen instämmer, question: F1, group: personal, level: 4, target: 0.5}\n"
    said = {}
    for empty in (2, 7):
        write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
        write_csv(tiny_project.dir / "data/responses.csv",
                  _staff({"F1": _answers({"4": 20, "5": 20, "vet ej": 6, "": empty})}))
        r = et.Report(et.load_project(tiny_project(goal, data_block=DATA)))
        said[empty] = next(x for x in r.key_findings() if x.startswith("Personalen instämmer"))
    assert "svarade vet ej" not in said[2] and "6 svarade vet ej" in said[7]
