"""Goal wordings whose words and numbers disagree, and a share goal's time limit wherever the goal is shown.

The wordings are run on the twelve participants of tests/test_goal_wordings_62.py (its docstring counts them by hand):
10 ended, 4 to work (rows 0, 3, 6, 9), 2 to studies (rows 1, 5), 1 to sickness compensation (row 4), 1 to an active
plan with another party (row 7), 2 still on försörjningsstöd (rows 2, 8); rows 10 and 11 still enrolled. So of the
ended: work 4 of 10, work or studies 6 of 10, the active plan 1 of 10, job seeking 0 of 10; of all twelve, work 4 of 12.

What each wording should be read as was decided from the words, as a board reads them:
* a count goal whose words state another number of persons than its target is judged against another goal than the
  words ("Minst 20 deltagare per år" with target 15); a number that is plainly another quantity (an age, a length, a
  year, a group's size) is no count;
* "av de arbetssökande deltagarna" is a group of the participants: counted as everyone it judges another group, so
  it is written with among: {occupation_before: arbetssökande} (the participants file's occupation before enrolment);
* "sysselsättning" is employment as Swedish labour-market statistics (SCB's AKU) count it: work, subsidised employment
  included; studies only where the application says so (success_outcomes with studier), never a benefit or a plan;
* a share "vid avslut" / "at exit" is a share of those who ended: the still enrolled have no outcome at exit yet;
* going on to vocational rehabilitation (arbetslivsinriktad rehabilitering) is an active plan with another party;
* a return to work after sick leave names work (the sick leave is where they came from, no benefit as an outcome);
* subsidised employment named alone (lönebidrag, nystartsjobb, extratjänst) is arbete_med_stöd, not all work.
"""
from __future__ import annotations

import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.data.params import label_counts
from evaltools.present.plan import plan_text
from evaltools.present.portfolio import goal_rows
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections import kind as kind_section
from evaltools.present.sections.summary import goal_fulfilment
from evaltools.publish.workbook import export_report

from .conftest import write_csv
from .test_application_volumes import application_params
from .test_goal_time_limit_62 import _params as time_params
from .test_goal_wordings_62 import OUTCOMES, SHARE_ALL, SHARE_EXITS, _params, _reading

COUNT = "kind: participant_count; target: {t}"
OUTCOME_COUNT = "kind: outcome_count; target: {t}"

# (label, params, expected): a share's (successes, base), a count, or words the Swedish refusal must hold
WORDINGS = [
    # --- a count whose words state another number than its target (were judged against the target silently) ---
    ("Minst 20 deltagare per år", COUNT.format(t=15),
     ("refused", "säger 'Minst 20 deltagare', 20 personer, men målvärdet är 15")),
    ("Minst 20 deltagare per år", COUNT.format(t=15), ("refused", "skriv target: 20")),
    ("Minst 20 deltagare per år", COUNT.format(t=20), ("count", 12)),
    ("Minst 10 deltagare per år ska gå till arbete eller studier", OUTCOME_COUNT.format(t=8),
     ("refused", "'Minst 10 deltagare', 10 personer, men målvärdet är 8")),
    ("Tjugo nya deltagare per år", COUNT.format(t=15), ("refused", "'Tjugo nya deltagare', 20 personer")),
    ("Två hundra deltagare under projekttiden", COUNT.format(t=100) + "; period: whole_period",
     ("refused", "'Två hundra deltagare', 200 personer")),
    ("At least 15 young people a year should start work or studies", OUTCOME_COUNT.format(t=10),
     ("refused", "'At least 15 young people', 15 personer, men målvärdet är 10")),
    ("At least 15 young people a year should start work or studies", OUTCOME_COUNT.format(t=15), ("count", 6)),
    ("Minst 10 ungdomar per år ska börja arbeta eller studera", OUTCOME_COUNT.format(t=10), ("count", 6)),
    # (a group's size, a total beside a year's count, a floor with a hope, a count to pass: read as written)
    ("Minst 40 deltagare per år i grupper om 8 deltagare", COUNT.format(t=40), ("count", 12)),
    ("Totalt 90 deltagare, 30 per år", COUNT.format(t=30), ("count", 12)),
    ("Minst 15 men helst 20 deltagare per år", COUNT.format(t=15), ("count", 12)),
    ("Minst 25, gärna 35 deltagare per år", COUNT.format(t=25), ("count", 12)),
    ("At least 25, ideally 35 participants a year", COUNT.format(t=25), ("count", 12)),
    ("Fler än 25 deltagare per år", COUNT.format(t=26), ("count", 12)),
    ("Minst 10 nya deltagare per kvartal", COUNT.format(t=40), ("count", 12)),
    # --- job seekers among the participants (were counted as every exit: 4 of 10) ---
    ("Minst 40 % av de arbetssökande deltagarna ska gå till arbete", SHARE_EXITS.format(t=0.4),
     ("refused", "skriv among: {occupation_before: arbetssökande}")),
    ("Minst 40 % av deltagarna som är arbetssökande ska gå till arbete", SHARE_EXITS.format(t=0.4),
     ("refused", "skriv among: {occupation_before: arbetssökande}")),
    ("At least 40 % of the job-seeking participants should go to work", SHARE_EXITS.format(t=0.4),
     ("refused", "säger 'of the job-seeking participants'")),
    # (job seeking as the outcome is no group: read with its own outcome)
    ("Minst 35 % ska vara inskrivna som arbetssökande vid avslut",
     SHARE_EXITS.format(t=0.35) + "; success_outcomes: [arbetssökande]", ("share", 0, 10)),
    # --- employment, sysselsättning (was counted with the default successes, 8 of 10) ---
    ("Minst 40 % ska vara i sysselsättning vid avslut", SHARE_EXITS.format(t=0.4),
     ("refused", "skriv success_outcomes: [arbete, arbete_med_stöd]")),
    ("Minst 40 % ska vara i sysselsättning vid avslut", SHARE_EXITS.format(t=0.4)
     + "; success_outcomes: [arbete, arbete_med_stöd]", ("share", 4, 10)),
    ("Minst 40 % ska vara i sysselsättning vid avslut", SHARE_EXITS.format(t=0.4)
     + "; success_outcomes: [arbete, arbete_med_stöd, studier]", ("share", 6, 10)),
    # (subsidised employment left out: a job with lönebidrag is sysselsättning too)
    ("Minst 40 % ska vara i sysselsättning vid avslut", SHARE_EXITS.format(t=0.4)
     + "; success_outcomes: [arbete, studier]", ("refused", "men målet räknar utfallen arbete, studier")),
    ("Minst 10 deltagare per år ska gå till sysselsättning", OUTCOME_COUNT.format(t=10),
     ("refused", "säger 'sysselsättning'")),
    # (words naming work and studies count them: the application counts studies as sysselsättning)
    ("Minst 40 % ska ha arbete eller studier som huvudsaklig sysselsättning vid avslut", SHARE_EXITS.format(t=0.4),
     ("share", 6, 10)),
    ("Minst 40 % ska ha arbete som huvudsaklig sysselsättning vid avslut", SHARE_EXITS.format(t=0.4), ("share", 4, 10)),
    ("At least 40 % should be in employment at exit", SHARE_EXITS.format(t=0.4), ("share", 4, 10)),
    # --- a share at exit (of all participants, the two still enrolled were counted as not reached: 4 of 12) ---
    ("Minst 35 % av deltagarna ska ha arbete vid avslut", SHARE_ALL.format(t=0.35),
     ("refused", "skriv denominator: exits")),
    ("Minst 35 % av deltagarna ska ha arbete vid avslut", SHARE_EXITS.format(t=0.35), ("share", 4, 10)),
    ("At least 35 % of participants should be in work at exit", SHARE_ALL.format(t=0.35),
     ("refused", "räknar utfallet 'at exit'")),
    ("Minst 35 % av deltagarna ska ha arbete", SHARE_ALL.format(t=0.35), ("share", 4, 12)),
    ("Minst 40 % ska ha gått vidare till arbete eller studier när de avslutas", SHARE_ALL.format(t=0.4),
     ("refused", "skriv denominator: exits")),
    # --- the base the words name against the denominator (were 6 of 12 and 6 of 10, the words' other base) ---
    ("Minst 40 % av de som avslutat ska gå till arbete eller studier", SHARE_ALL.format(t=0.4),
     ("refused", "räknar andelen 'av de som avslutat', men den räknas av alla deltagare")),
    ("At least 40 % of those who ended should go to work or studies", SHARE_ALL.format(t=0.4),
     ("refused", "skriv denominator: exits")),
    ("Minst 40 % av inskrivna ska gå till arbete eller studier", SHARE_EXITS.format(t=0.4),
     ("refused", "räknar andelen 'av inskrivna', men den räknas av de avslutade (denominator: exits)")),
    ("Minst 40 % av alla deltagare ska gå till arbete eller studier", SHARE_EXITS.format(t=0.4),
     ("refused", "skriv denominator: participants")),
    ("80 % av de avslutade ska ha en handlingsplan", "kind: share; target: 0.8; numerator: action_plan",
     ("refused", "skriv denominator: exits")),
    # (of the ten ended, rows 1, 2, 4, 5, 7 and 8 have a plan: i % 3 != 0)
    ("80 % av de avslutade ska ha en handlingsplan", "kind: share; target: 0.8; numerator: action_plan; "
     "denominator: exits", ("share", 6, 10)),
    # --- vocational rehabilitation (was counted with the default successes, 8 of 10) ---
    ("Minst 20 % ska ha gått vidare till arbetslivsinriktad rehabilitering", SHARE_EXITS.format(t=0.2),
     ("refused", "skriv success_outcomes: [aktiv_planering_annan_part]")),
    ("Minst 20 % ska ha gått vidare till arbetslivsinriktad rehabilitering",
     SHARE_EXITS.format(t=0.2) + "; success_outcomes: [aktiv_planering_annan_part]", ("share", 1, 10)),
    ("At least 20 % should go on to vocational rehabilitation", SHARE_EXITS.format(t=0.2),
     ("refused", "skriv success_outcomes: [aktiv_planering_annan_part]")),
    # --- return to work after sick leave (the sick leave was read as a benefit named: the default successes, 8 of 10) ---
    ("Minst 25 % ska ha återgått i arbete efter sjukskrivning", SHARE_EXITS.format(t=0.25), ("share", 4, 10)),
    ("At least 25 % should return to work after sick leave", SHARE_EXITS.format(t=0.25), ("share", 4, 10)),
    # (a benefit describing the participants is who they are: was read as a benefit named, the default successes)
    ("Minst 40 % av deltagarna med sjukpenning ska gå till arbete eller studier", SHARE_EXITS.format(t=0.4),
     ("share", 6, 10)),
    ("At least 40 % of the participants on sickness benefit should go to work", SHARE_EXITS.format(t=0.4),
     ("share", 4, 10)),
    # --- subsidised employment named alone (was counted as all work, 4 of 10; no one here had subsidised work) ---
    ("Minst 40 % ska ha en anställning med lönebidrag eller nystartsjobb", SHARE_EXITS.format(t=0.4),
     ("refused", "skriv success_outcomes: [arbete_med_stöd]")),
    ("At least 20 % should go on to subsidised employment", SHARE_EXITS.format(t=0.2),
     ("refused", "skriv success_outcomes: [arbete_med_stöd]")),
    ("Minst 20 % ska få en subventionerad anställning",
     SHARE_EXITS.format(t=0.2) + "; success_outcomes: [arbete_med_stöd]", ("share", 0, 10)),
    # (work besides it: work, subsidised work among it, as words naming work alone)
    ("Minst 30 % ska gå till arbete eller nystartsjobb", SHARE_EXITS.format(t=0.3), ("share", 4, 10)),
    # --- studies, health, SFI, households: read as their words say or refused as before ---
    ("Minst 25 % ska gå vidare till studier (Komvux eller folkhögskola)", SHARE_EXITS.format(t=0.25), ("share", 2, 10)),
    ("Minst 50 % av deltagarna ska ha förbättrad hälsa vid avslut", SHARE_EXITS.format(t=0.5),
     ("refused", "'förbättrad hälsa'")),
    ("Minst 60 % av deltagarna ska ha påbörjat SFI", SHARE_ALL.format(t=0.6), ("refused", "'ha påbörjat SFI'")),
    ("Minst 30 hushåll ska bli självförsörjande", OUTCOME_COUNT.format(t=30), ("refused", "'30 hushåll'")),
]


@pytest.mark.parametrize(("label", "extra", "expected"), WORDINGS)
def test_a_goal_wording_is_read_as_it_says_or_refused_with_what_to_write(tmp_path, label, extra, expected):
    got = _reading(tmp_path, label, extra)
    if expected[0] == "refused":
        assert got[0] == "refused", got
        assert expected[1] in " ".join(got[1].split()), got[1]
    else:
        assert got == expected


def test_fifteen_new_wordings_or_more():
    assert len({label for label, _, _ in WORDINGS}) >= 15


def test_the_count_refusal_names_the_goal_and_says_it_in_english(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, "At least 20 participants a year", COUNT.format(t=15)))
    said = " ".join(e.value.message("en").split())
    assert "(id: g1)" in said
    assert "the goal's text says 'At least 20 participants', 20 persons, but the target is 15" in said
    assert "write target: 20" in said


@pytest.mark.parametrize(("label", "counts"), [
    # an age, a length, a year, a group's size are no count of persons
    ("Minst 20 unga 16–29 år per år", [("Minst 20 unga", 20)]),
    ("Minst 12 månader i insatsen för 30 deltagare", [("30 deltagare", 30)]),
    ("Minst 30 deltagare per år, högst 8 deltagare per grupp", [("Minst 30 deltagare", 30)]),
    ("Grupper om 8 deltagare, totalt 40 deltagare per år", [("totalt 40 deltagare", 40)]),
    ("Minst 40 % ska gå till arbete inom 12 månader", []),
    ("Fler deltagare än 2023", []),
    ("Minst 10 av 40 deltagare ska gå till arbete", [("Minst 10", 10), ("40 deltagare", 40)]),
    # (a goal's own number is none: "Mål 2 300 deltagare" is goal 2's 300)
    ("Mål 2 300 deltagare per år", [("300 deltagare", 300)]),
])
def test_the_counts_of_persons_a_label_states(label, counts):
    assert label_counts(label) == counts


# --- job seekers written with among: {occupation_before: arbetssökande} ---------------------------------------------

def _seekers(tmp_path, among: str = "among: {occupation_before: arbetssökande}"):
    """The twelve of test_goal_wordings_62 with their occupation before enrolment: rows 0, 1, 3, 5, 6 and 9 job seekers
    (all six ended, four to work and two to studies), the other six (rows 2, 4, 7, 8 ended to no work, rows 10 and 11
    still enrolled) in no occupation: six on either side, so neither side's count is one too small to show."""
    path = _params(tmp_path, "Minst 40 % av de arbetssökande deltagarna ska gå till arbete",
                   SHARE_ALL.format(t=0.4) + (f"; {among}" if among else ""))
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
         "household_type": "ensamstående", "start_date": f"2022-{i % 9 + 1:02d}-01",
         "end_date": "2023-03-01" if outcome else "", "outcome": outcome, "action_plan": "ja" if i % 3 else "nej",
         "occupation_before": "arbetssökande" if i in (0, 1, 3, 5, 6, 9) else "ingen"}
        for i, outcome in enumerate(OUTCOMES)])
    return et.load_project(path)


def test_a_goal_for_the_job_seekers_counts_the_job_seekers_only(tmp_path):
    # of the six job seekers, four went to work (rows 0, 3, 6, 9): 4 of 6, where everyone gives 4 of 12
    row = et.assess_goals(_seekers(tmp_path)).table.iloc[0]
    assert (int(row["numerator"]), int(row["denominator"])) == (4, 6)


@pytest.mark.parametrize(("lang", "words"), [("sv", "aktivt arbetssökande före inskrivningen"),
                                            ("en", "job seeking before enrolment")])
def test_the_job_seekers_group_is_named_as_the_occupation_column_labels_it(tmp_path, lang, words):
    r = et.Report(_seekers(tmp_path), lang=lang)
    assert goals_section.group_words(r, "g1") == words


def test_an_occupation_code_the_column_does_not_know_is_refused(tmp_path):
    with pytest.raises(ParamsError) as e:
        _seekers(tmp_path, among="among: {occupation_before: jobbsökande}")
    assert "arbetssökande" in e.value.message("sv")


# --- a share goal's time limit, said the same way wherever the goal is shown ---------------------------------------

PLAIN = "Minst 40 % ska gå till arbete eller studier"  # (a label that does not say the time limit itself)


@pytest.mark.parametrize(("lang", "limit"), [("sv", "räknas inom 12 månader från start"),
                                            ("en", "counted within 12 months of the start")])
def test_page_one_the_goal_table_the_workbook_and_the_portfolio_say_the_limit_alike(tmp_path, lang, limit):
    project = et.load_project(time_params(tmp_path, label=PLAIN))
    r = et.Report(project, lang=lang)
    # page 1 and the goal table's note (their whole sentences: tests/test_goal_time_limit_62.py)
    assert any(limit in s for s in goal_fulfilment(r))
    assert limit in goals_section.within_months_notes(r)[0]
    # the workbook's goal sheet: the note of each of the goal's rows
    notes = r.key_tables()["mal"]["note"]
    assert len(notes) and all(limit in str(n) for n in notes)
    # the portfolio's goal table
    assert [g["label"] for g in goal_rows(project, lang)] == [f"{PLAIN} ({limit})"]


@pytest.mark.parametrize(("lang", "line"), [
    ("sv", "- Minst 40\u00a0% ska gå till arbete eller studier (målvärde 40\u00a0%, räknas inom 12 månader från start)"),
    ("en", "- Minst 40\u00a0% ska gå till arbete eller studier (target 40%, counted within 12 months of the start)")])
def test_the_analysis_plan_says_the_limit_beside_the_target(lang, line):
    goal = {"id": "g1", "kind": "share", "label": PLAIN, "target": 0.4, "within_months": 12}
    assert line in plan_text("Tidsprov", [goal], lang).splitlines()


def test_the_workbook_file_says_the_limit_on_the_goal_sheet(tmp_path):
    r = et.Report(et.load_project(time_params(tmp_path, label=PLAIN)), lang="sv")
    path = export_report(r, tmp_path / "out")
    sheet = openpyxl.load_workbook(next(p for p in ([path] if str(path).endswith(".xlsx") else
                                                    (tmp_path / "out").rglob("*.xlsx"))))["Mål"]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "räknas inom 12 månader från start" in cells


APPLICATION = textwrap.dedent("""\
    - id: andel
      kind: share
      label: Minst 40 % ska gå till arbete eller studier inom 12 månader från start
      target: 0.4
      success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning, annan_ersättning]
      within_months: 12
    """)


def test_an_applications_volumes_are_not_compared_with_a_share_within_some_months(tmp_path):
    # 40 successes a year over 90 participants a year (0.44) say nothing of how soon after each start they come:
    # compared with the target 0.4 the goal would be "nås", a share at exit judged as one within 12 months
    project = et.load_project(application_params(tmp_path, "participants_per_year: 90, successes_per_year: 40",
                                                 APPLICATION))
    r = et.Report(project, lang="sv")
    rows = r.goals.table
    assert rows["value"].isna().all() and (rows["note"].astype(str) == "time_not_expected").all()
    assert goals_section.unexpected_outcome_notes(r) == [
        "Minst 40\u00a0% ska gå till arbete eller studier inom 12 månader från start: inte bedömt. Målet räknas inom 12 "
        "månader från start, och ansökan anger inte hur många av de förväntade avsluten som kommer inom 12 månader från "
        "start, så målet kan inte jämföras med ansökans volymer."]
    assert "hur många av de förväntade avsluten som kommer inom målets tidsgräns från start" in \
        kind_section.unexpected_outcomes_sentence(r)
    # (no note on a base of those whose months have passed: an application has no participants yet)
    assert goals_section.within_months_notes(r) == []
