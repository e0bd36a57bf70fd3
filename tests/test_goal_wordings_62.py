"""Forty goal wordings as Finsam applications write them (the Timrå and Eskilstuna applications in the seed
documents, and their usual variants: shares, counts, per year, per intake, "minst/högst/ökat/minskat", "av de som
avslutat", "av inskrivna", "egen försörjning", "utan försörjningsstöd", "närmare arbetsmarknaden", a plan for all,
ranges, "var tredje", "hälften", numbers in words, a time limit), each with the params an evaluator would write for
it and what the toolkit does with it, written by hand: judged as what (its counts on the twelve rows below), refused
with what to write, or taken as qualitative.

The twelve participants, all started in 2022 (project year 1) and ended 2023-03-01 unless still enrolled:
  row  0 arbete (plan: nej)      row  6 arbete (nej)
  row  1 studier (ja)            row  7 aktiv_planering_annan_part (ja)
  row  2 kvar_försörjningsstöd   row  8 kvar_försörjningsstöd (ja)
  row  3 arbete (nej)            row  9 arbete (nej)
  row  4 sjuk_aktivitetsersättning (ja)   rows 10, 11 still enrolled (ja, ja)
  row  5 studier (ja)
so 10 ended: 4 to work, 2 to studies (6 to work or studies), 8 to the default successes (those 6, sickness
compensation, an active plan); 8 of the 12 have a plan. Starting months 1–9, 1, 2, 3 (row i in month i % 9 + 1): within
12 months of the start, an exit on 2023-03-01 is in time for a start in March 2022 or later, so rows 3, 5 and 6
reached work or studies in time (rows 0, 1 and 9 started in January or February)."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.data.params import Goal

from .conftest import write_csv

OUTCOMES = ["arbete", "studier", "kvar_försörjningsstöd", "arbete", "sjuk_aktivitetsersättning", "studier", "arbete",
            "aktiv_planering_annan_part", "kvar_försörjningsstöd", "arbete", "", ""]


def _params(tmp_path, label: str, extra: str) -> object:
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
         "household_type": "ensamstående", "start_date": f"2022-{i % 9 + 1:02d}-01",
         "end_date": "2023-03-01" if outcome else "", "outcome": outcome, "action_plan": "ja" if i % 3 else "nej"}
        for i, outcome in enumerate(OUTCOMES)])
    path = tmp_path / "ord.yaml"
    path.write_text(textwrap.dedent("""\
        id: ord
        kind: individ
        title: Ordprov
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2023-12-31
        data:
          participants: data/participants.csv
        goals:
          - id: g1
        """) + f"    label: \"{label}\"\n" + "".join(f"    {line}\n" for line in extra.split("; ")),
        encoding="utf-8")
    return path


def _reading(tmp_path, label: str, extra: str) -> tuple:
    """What the toolkit does with the goal: ("refused", message) for the params or the data refused, else its first
    period's figures ("share", successes, base), ("count", value) or ("qualitative", status)."""
    try:
        project = et.load_project(_params(tmp_path, label, extra))
    except ParamsError as e:
        return ("refused", e.message("sv"))
    except DataValidationError as e:
        return ("refused", " ".join(p.text("sv") for p in e.problems))
    row = et.assess_goals(project).table.iloc[0]
    if row["kind"] == "share":
        return ("share", int(row["numerator"]), int(row["denominator"]))
    if row["kind"] == "qualitative":
        return ("qualitative", str(row["status"]))
    return ("count", int(row["value"]))


SHARE_EXITS = "kind: share; target: {t}; denominator: exits"
SHARE_ALL = "kind: share; target: {t}"

# (label, params, expected): a share's (successes, base), a count, or the words the refusal must hold
WORDINGS = [
    # --- the seed documents' own goals (Timrå 2019, Eskilstuna 2023) ---
    ("Minst 50 personer ska handläggas av utsedd handläggare per år", "kind: participant_count; target: 50",
     ("count", 12)),
    ("Minst 25 personer ska ha blivit självförsörjande eller har en aktiv planering med annan part per år",
     "kind: outcome_count; target: 25", ("count", 8)),  # (the words name the plan: the default successes)
    ("Förbättrat samarbete angående målgruppen med berörda parter",
     "kind: qualitative; assessment: delvis; evidence: Tre nya rutiner", ("qualitative", "delvis")),
    ("Egen försörjning genom annat socialförsäkringssystem (aktivitetsersättning/sjukersättning) eller arbete/studier",
     "kind: share; target: 0.5; denominator: exits",
     ("refused", "success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning]")),
    # --- shares of those who ended, of those enrolled ---
    ("Minst 40 % av de som avslutat ska gå till arbete eller studier", SHARE_EXITS.format(t=0.4), ("share", 6, 10)),
    ("Minst 40 % av inskrivna ska gå till arbete eller studier", SHARE_ALL.format(t=0.4), ("share", 6, 12)),
    ("Minst 30 % ska gå till arbete", SHARE_EXITS.format(t=0.3), ("share", 4, 10)),
    ("Minst 40 % ska gå till arbete eller studier under projekttiden",
     SHARE_EXITS.format(t=0.4) + "; period: whole_period", ("share", 6, 10)),
    ("Andelen deltagare i arbete eller studier ska ha ökat till 40 %", SHARE_EXITS.format(t=0.4), ("share", 6, 10)),
    ("Minst 60 % ska ha kommit närmare arbetsmarknaden", SHARE_EXITS.format(t=0.6), ("share", 8, 10)),
    # (after an ended effort is at exit, no step: was counted with the default successes, 8 of 10)
    ("Minst 40 % av deltagarna ska vara i arbete eller studier efter avslutad insats", SHARE_EXITS.format(t=0.4),
     ("share", 6, 10)),
    ("Minst 40 % ska ha gått till arbete eller studier 6 månader efter avslut", SHARE_EXITS.format(t=0.4),
     ("share", 6, 10)),  # (counted at exit, and said so)
    # --- self-support, leaving försörjningsstöd: an active plan among the successes is refused ---
    ("Minst 30 % av deltagarna ska vara i egen försörjning vid avslut", SHARE_EXITS.format(t=0.3),
     ("refused", "säger 'egen försörjning', men det räknar också utfallet aktiv_planering_annan_part")),
    ("Minst hälften av deltagarna ska bli självförsörjande", SHARE_ALL.format(t=0.5),
     ("refused", "säger 'självförsörjande', men det räknar också utfallet aktiv_planering_annan_part")),
    ("Minst 40 % ska ha lämnat försörjningsstödet vid avslut", SHARE_EXITS.format(t=0.4),
     ("refused", "säger 'lämnat försörjningsstödet', men det räknar också utfallet aktiv_planering_annan_part")),
    # (was counted with the active plan, still on försörjningsstöd, as one without it: 8 of 10)
    ("Minst 30 % ska vara utan försörjningsstöd vid avslut", SHARE_EXITS.format(t=0.3),
     ("refused", "säger 'vara utan försörjningsstöd', men det räknar också utfallet aktiv_planering_annan_part")),
    ("Minst 30 % ska vara utan försörjningsstöd vid avslut", SHARE_EXITS.format(t=0.3)
     + "; success_outcomes: [arbete, studier]", ("share", 6, 10)),
    # (was counted at exit with the default successes, 8 of 10, the six months left out)
    ("Minst 30 % ska vara utan försörjningsstöd efter 6 månader", SHARE_EXITS.format(t=0.3),
     ("refused", "säger 'efter 6 månader' utan att säga från vad")),
    # --- a benefit or job seeking named as the outcome (were counted with the default successes, 8 of 10) ---
    ("Minst 25 procent ska ha fått sjukersättning eller aktivitetsersättning", SHARE_EXITS.format(t=0.25),
     ("refused", "skriv success_outcomes: [sjuk_aktivitetsersättning]")),
    ("Minst 25 procent ska ha fått sjukersättning eller aktivitetsersättning",
     SHARE_EXITS.format(t=0.25) + "; success_outcomes: [sjuk_aktivitetsersättning]", ("share", 1, 10)),
    ("Minst 25 % ska gå till sjukpenning", SHARE_EXITS.format(t=0.25),
     ("refused", "skriv success_outcomes: [sjukpenning]")),
    # (was counted as work and studies only, 6 of 10, the job seekers left out)
    ("Minst 35 % av de avslutade ska ha gått vidare till arbete, studier eller arbetssökande",
     SHARE_EXITS.format(t=0.35),
     ("refused", "skriv success_outcomes: [arbete, arbete_med_stöd, studier, arbetssökande]")),
    ("Minst 35 % ska vara inskrivna som arbetssökande vid avslut", SHARE_EXITS.format(t=0.35),
     ("refused", "skriv success_outcomes: [arbetssökande]")),
    # --- a plan for everyone ---
    ("Samtliga deltagare ska ha en handlingsplan", "kind: share; target: 1.0; numerator: action_plan",
     ("share", 8, 12)),
    ("Åtta av tio deltagare ska ha en upprättad handlingsplan", "kind: share; target: 0.8; numerator: action_plan",
     ("share", 8, 12)),
    # --- ranges, parts and numbers in words ---
    ("30–40 % av deltagarna ska gå vidare till arbete eller studier", SHARE_EXITS.format(t=0.3),
     ("refused", "sätter ett spann, '30–40 %'")),
    ("Mellan 30 och 40 procent ska gå till arbete eller studier", SHARE_EXITS.format(t=0.3),
     ("refused", "sätter ett spann, 'Mellan 30 och 40 procent'")),
    ("Var tredje deltagare ska gå vidare till arbete eller studier", SHARE_EXITS.format(t=0.333), ("share", 6, 10)),
    ("Minst en tredjedel ska gå till arbete eller studier", SHARE_EXITS.format(t=0.333), ("share", 6, 10)),
    ("Hälften av de avslutade ska ha gått till arbete eller studier", SHARE_EXITS.format(t=0.5), ("share", 6, 10)),
    ("Hälften av de avslutade ska ha gått till arbete eller studier", SHARE_EXITS.format(t=0.4),
     ("refused", "säger 'Hälften', men målvärdet är 0.4; skriv target: 0.5")),
    # (a percent in words was not read: target 0.3 was judged though the words say forty)
    ("Fyrtio procent av deltagarna ska ha gått till arbete eller studier", SHARE_EXITS.format(t=0.3),
     ("refused", "säger 'Fyrtio procent', men målvärdet är 0.3; skriv target: 0.4")),
    ("Minst tjugofem procent ska gå till arbete eller studier", SHARE_EXITS.format(t=0.25), ("share", 6, 10)),
    ("Tjugo nya deltagare per år", "kind: participant_count; target: 20", ("count", 12)),
    # --- counts, per year, per intake, a ceiling, a fall ---
    ("Minst 10 deltagare per år ska gå till arbete eller studier", "kind: outcome_count; target: 10", ("count", 6)),
    ("Totalt 90 deltagare under projekttiden", "kind: participant_count; target: 90; period: whole_period",
     ("count", 12)),
    ("Minst 15 deltagare per intag", "kind: participant_count; target: 15", ("refused", "räknar 'per intag'")),
    ("Högst 20 % av deltagarna ska avbryta insatsen", SHARE_EXITS.format(t=0.8),
     ("refused", "säger 'Högst 20 %' om dem som avbryter: ett tak som andelen avbrott ska hållas under")),
    ("Antalet deltagare med försörjningsstöd ska ha minskat med 30 %", SHARE_EXITS.format(t=0.3),
     ("refused", "talar om 'försörjningsstöd ska ha minskat med 30 %'")),
    ("Minst 80 % av deltagarna ska vara nöjda med insatsen", SHARE_ALL.format(t=0.8),
     ("refused", "talar om 'nöjda', hur deltagarna upplever något")),
    # --- a time limit from each participant's start ---
    ("Minst 40 % ska ha gått till arbete eller studier inom 12 månader från start",
     SHARE_ALL.format(t=0.4) + "; within_months: 12", ("share", 3, 12)),
    ("Minst 40 % ska ha gått till arbete eller studier inom 12 månader från start", SHARE_ALL.format(t=0.4),
     ("refused", "skriv within_months: 12,")),
    # (was judged without its year, 6 of 10)
    ("Minst 40 % ska ha gått till arbete eller studier inom ett år",
     SHARE_EXITS.format(t=0.4) + "; within_months: 12", ("share", 3, 10)),
    ("Inom sex månader efter inskrivning ska minst 40 % ha gått till arbete eller studier", SHARE_ALL.format(t=0.4),
     ("refused", "skriv within_months: 6,")),
    ("At least 40 % should be in work or studies within 12 months of enrolment",
     SHARE_ALL.format(t=0.4) + "; within_months: 12", ("share", 3, 12)),
    # (was counted at exit, the six months left out)
    ("Minst 10 deltagare ska ha arbete efter sex månader", "kind: outcome_count; target: 10",
     ("refused", "säger 'efter sex månader' utan att säga från vad")),
]


@pytest.mark.parametrize(("label", "extra", "expected"), WORDINGS)
def test_a_goal_wording_is_read_as_it_says_or_refused_with_what_to_write(tmp_path, label, extra, expected):
    got = _reading(tmp_path, label, extra)
    if expected[0] == "refused":
        assert got[0] == "refused", got
        assert expected[1] in " ".join(got[1].split()), got[1]
    else:
        assert got == expected


def test_forty_wordings_or_more():
    assert len({(label, extra) for label, extra, _ in WORDINGS}) >= 40


def test_a_satisfaction_goal_written_as_a_survey_goal_is_a_share_of_respondents_at_a_level():
    goal = Goal.model_validate({"id": "nöjd", "kind": "survey", "label": "Minst 80 % av deltagarna ska vara nöjda",
                                "target": 0.8, "question": "q1", "level": 4})
    assert (goal.measure, goal.level, goal.group, goal.target) == ("level", 4, None, 0.8)


@pytest.mark.parametrize("label", [
    # a benefit that describes the participants names no outcome: read as written (job seekers among the
    # participants, which no goal group reads, are refused: tests/test_goal_wordings_65.py)
    "Minst 40 % av deltagarna med sjukpenning ska gå till arbete eller studier",
])
def test_a_benefit_describing_the_participants_is_read_as_written(tmp_path, label):
    assert _reading(tmp_path, label, SHARE_EXITS.format(t=0.4))[0] == "share"


def test_an_english_refusal_names_the_outcomes_to_write(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, "At least 25 % should go on to sickness benefit", SHARE_EXITS.format(t=0.25)))
    assert "write success_outcomes: [sjukpenning]" in " ".join(e.value.message("en").split())
