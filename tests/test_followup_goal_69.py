"""A share goal counted some months after exit ("Minst 50 % ska vara i arbete eller studier sex månader efter
avslut", ``after_exit_months: 6``), from the participants file's follow-up column ('Utfall 6 mån').

Twelve participants, all started in 2022 (project year 1); data to 2023-12-31. At exit every one who ended was coded
kvar_försörjningsstöd, so a count at exit would give 0; the situation six months later, in 'Utfall 6 mån':
  rows 0–7 ended 2023-03-01 (six months passed 2023-09-01): arbete, arbete, studier, kvar_försörjningsstöd, (empty),
           okänt, arbete_med_stöd, sjuk_aktivitetsersättning
  rows 8–9 ended 2023-09-01 (six months not passed by 2023-12-31): empty
  rows 10–11 still enrolled.
By hand: the base is rows 0–7 less the two with no situation (4, 5): 6; work or studies: rows 0, 1, 2, 6: 4 of 6,
66,7 %; two ended too late, two have no situation then. The interval is Clopper–Pearson (statsmodels' "beta")."""
from __future__ import annotations

import textwrap

import pytest
from statsmodels.stats.proportion import proportion_confint

import evaltools as et
from evaltools.present.sections import goals as goal_section

from .conftest import load_problems, params_refusal, write_csv

LATER = ["arbete", "arbete", "studier", "kvar_försörjningsstöd", "", "okänt", "arbete_med_stöd",
         "sjuk_aktivitetsersättning", "", "", "", ""]
LABEL = "Minst 50 % ska vara i arbete eller studier sex månader efter avslut"
GOAL = ("kind: share; target: 0.5; denominator: exits; success_outcomes: [arbete, arbete_med_stöd, studier]; "
        "after_exit_months: 6")


def _project(tmp_path, later=LATER, heading="Utfall 6 mån", label=LABEL, goal=GOAL, codes=""):
    rows = []
    for i, situation in enumerate(later):
        end = "2023-03-01" if i < 8 else "2023-09-01" if i < 10 else ""
        rows.append({"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
                     "household_type": "ensamstående", "start_date": f"2022-{i % 9 + 1:02d}-01", "end_date": end,
                     "outcome": "kvar_försörjningsstöd" if end else "", heading: situation})
    write_csv(tmp_path / "data" / "participants.csv", rows)
    path = tmp_path / "sexman.yaml"
    path.write_text(textwrap.dedent("""\
        id: sexman
        kind: individ
        title: Sex månader efter
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2023-12-31
        data:
          participants: data/participants.csv
        """) + codes + "goals:\n  - id: sexman\n" + f"    label: \"{label}\"\n"
        + "".join(f"    {line}\n" for line in goal.split("; ")), encoding="utf-8")
    return path


def test_the_share_is_counted_from_the_situation_six_months_after_exit(tmp_path):
    report = et.Report(et.load_project(_project(tmp_path)))
    row = report.goals.table.iloc[0]
    assert (row["numerator"], row["denominator"]) == (4, 6)
    low, high = proportion_confint(4, 6, alpha=0.05, method="beta")
    assert row["ci_low"] == pytest.approx(low) and row["ci_high"] == pytest.approx(high)
    assert (row["not_yet_due"], row["followup_unknown"]) == (2, 2)


def test_page_one_and_the_goal_table_say_what_is_counted_and_who_is_not(tmp_path):
    report = et.Report(et.load_project(_project(tmp_path)))
    said = " ".join(goal_section.page_one(report)).replace("\u00a0", " ")
    assert "66,7 %" in said and "4 av 6" in said, said
    assert "Målet räknas 6 månader efter avslut" in said
    assert "Färre än 5 som avslutades senare räknas inte än" in said, said
    assert "här räknas utfallet vid avslut" not in said  # (no longer the outcome at exit)
    (note,) = goal_section.followup_notes(report)
    note = note.replace("\u00a0", " ")
    assert "kolumn ’Utfall 6 mån’" in note and "2023-12-31" in note, note


def test_in_english_too(tmp_path):
    report = et.Report(et.load_project(_project(tmp_path)), lang="en")
    (note,) = goal_section.followup_notes(report)
    assert "counted 6 months after exit" in note and "'Utfall 6 mån'" in note, note


def test_a_column_named_outcome_6m_is_read_as_well(tmp_path):
    report = et.Report(et.load_project(_project(tmp_path, heading="outcome_6m")))
    assert tuple(report.goals.table.iloc[0][["numerator", "denominator"]]) == (4, 6)


def test_a_case_systems_words_are_translated_by_the_outcomes_data_codes(tmp_path):
    later = ["I arbete" if s == "arbete" else s for s in LATER]
    codes = "  codes:\n    outcome: {\"I arbete\": arbete}\n"
    path = _project(tmp_path, later=later, codes="")
    text = path.read_text(encoding="utf-8").replace("  participants: data/participants.csv\n",
                                                     "  participants: data/participants.csv\n" + codes)
    path.write_text(text, encoding="utf-8")
    assert tuple(et.Report(et.load_project(path)).goals.table.iloc[0][["numerator", "denominator"]]) == (4, 6)


def test_a_text_that_is_no_code_is_refused_with_its_rows(tmp_path):
    later = ["I jobb" if s == "arbete" else s for s in LATER]
    (p,) = [p for p in load_problems(_project(tmp_path, later=later)) if p.key == "person.followup_code"]
    said = p.note("sv")
    assert "'I jobb'" in said and "rad 2, 3" in said and "Utfall 6 mån" in said and "data.codes" in said, said


def test_no_follow_up_column_is_refused_with_what_to_add(tmp_path):
    (p,) = [p for p in load_problems(_project(tmp_path, heading="Kommentar")) if p.key == "person.followup_column_missing"]
    said = p.note("sv")
    assert "sexman" in said and "outcome_6m" in said and "Utfall 6 mån" in said, said


def test_words_naming_another_time_are_refused(tmp_path):
    path = _project(tmp_path, label="Minst 50 % ska vara i arbete eller studier tre månader efter avslut")
    (p,) = [p for p in load_problems(path) if p.key == "person.followup_months_words"]
    assert "tre månader efter avslut" in p.note("sv") and "after_exit_months: 6" in p.note("sv")


def test_a_situation_coded_before_its_months_passed_is_told_and_not_counted(tmp_path):
    later = LATER[:8] + ["arbete", "arbete"] + LATER[10:]
    project = et.load_project(_project(tmp_path, later=later))
    (w,) = [w for w in project.warnings if w.key == "person.followup_early"]
    assert "rad 10, 11" in w.note("sv")
    assert tuple(et.Report(project).goals.table.iloc[0][["numerator", "denominator"]]) == (4, 6)


@pytest.mark.parametrize("goal", [
    "kind: share; target: 0.5; denominator: participants; success_outcomes: [arbete]; after_exit_months: 6",
    "kind: outcome_count; target: 5; success_outcomes: [arbete]; after_exit_months: 6",
])
def test_only_a_share_of_the_exits_is_counted_after_exit(tmp_path, goal):
    said = params_refusal(_project(tmp_path, goal=goal))
    assert "after_exit_months gäller ett andelsmål av de avslutade" in said, said


def test_without_the_key_the_goal_still_counts_the_outcome_at_exit_and_validate_tells_how(tmp_path):
    project = et.load_project(_project(tmp_path, goal=GOAL.replace("; after_exit_months: 6", "")))
    assert tuple(et.Report(project).goals.table.iloc[0][["numerator", "denominator"]]) == (0, 10)
    (n,) = [n for n in project.notices if n.code == "followup_figures"]
    assert "after_exit_months: 6" in n.note("sv")


def test_the_goal_does_not_define_the_reports_success_which_is_counted_at_exit(tmp_path):
    """The report's "lyckat" (page 1's successes of the ended, the outcomes by group, the cost per success) is counted
    at exit: a goal counted six months later is not its main goal, so the success is the default one at exit (none of
    the ten exits here: all kvar_försörjningsstöd), never the goal's 4 of 6 under the same word."""
    from evaltools.analysis.goals import main_goal, project_successes
    project = et.load_project(_project(tmp_path))
    assert main_goal(project.params) is None
    sc = project_successes(project)
    assert (sc.successes, sc.base) == (0, 10)


def test_marking_it_main_is_refused(tmp_path):
    said = params_refusal(_project(tmp_path, goal=GOAL + "; main: true"))
    assert "kan inte vara projektets huvudmål" in said, said


WITHIN = ("kind: share; target: 0.5; denominator: exits; success_outcomes: [arbete, arbete_med_stöd, studier]; "
          "within_months: 12")


def test_a_goal_with_a_time_limit_from_the_start_does_not_define_success_either(tmp_path):
    """The same for "inom 12 månader från start": page 1's "lyckat" counts every exit however long it took, so a goal
    that counts only those in time is not its main goal (its successes would be two numbers under one word)."""
    from evaltools.analysis.goals import main_goal
    path = _project(tmp_path, label="Minst 50 % ska gå till arbete eller studier inom 12 månader från start", goal=WITHIN)
    assert main_goal(et.load_project(path).params) is None
    said = params_refusal(_project(tmp_path / "main", label="Minst 50 % ska gå till arbete eller studier inom 12 "
                                   "månader från start", goal=WITHIN + "; main: true"))
    assert "kan inte vara projektets huvudmål" in said and "within_months" in said, said
