"""Known limits of a goal's per-year targets in its words: digits after "och" that go on a list of years ("år 2 och 3
30", "20 deltagare år 1 och 2 och 30 år 3", "år 1 och år 2: 30") cut into two clauses, so a year was lost or the
"3" taken for a target; digits after "och" that may be a year or a target ("20 deltagare år 1 och 2 30") read one
way without a word; and a number word before or after "år" that counts years or things per year ("sex år", "under
tre år 20 deltagare", "varje år sex grupper om 5 deltagare") taken for a project year. Expected values are worked
out by hand from the words written here."""
from __future__ import annotations

import pytest

import evaltools as et

from .conftest import params_refusal

GOAL = """\
goals:
  - id: antal
    kind: {kind}
    label: "{label}"
    {target}
    period: project_year
"""
SHARE = """\
    numerator: outcome
    success_outcomes: [arbete, studier]
    denominator: exits
"""


def _params(tiny_project, label: str, target: str = "target: 30", kind: str = "participant_count"):
    """The tiny project over three project years (2022-01-01 to 2024-12-31) with one goal."""
    p = tiny_project(GOAL.format(kind=kind, label=label, target=target) + (SHARE if kind == "share" else ""))
    p.write_text(p.read_text(encoding="utf-8").replace("planned_end: 2023-12-31", "planned_end: 2024-12-31"),
                 encoding="utf-8")
    return p


def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x)


# --- 1. digits after "och" that go on a list of years -----------------------------------------------------------------

@pytest.mark.parametrize(("label", "words"), [
    # 'år 2 och 3 30' was cut at 'och' into 'år 2' and '3 30': neither read, so year 1's 20 stood alone and
    # target: 30 judged year 1 against 30 without a word
    ("20 deltagare år 1, år 2 och 3 30", "'20 deltagare år 1', 'år 2 och 3 30'"),
    ("år 1 20 deltagare och år 2 och 3 30 deltagare", "'år 1 20 deltagare', 'år 2 och 3 30 deltagare'"),
    # 'år 1 och år 2' (the year written again) lost year 1 and gave it a ? to write
    ("år 1 och år 2: 20, år 3: 30", "'år 1 och år 2: 20', 'år 3: 30'"),
])
def test_digits_after_och_go_on_the_years_before_them(tiny_project, label, words):
    # years 1 (and 2) 20, the rest 30: every year has its number, so the line is complete
    msg = params_refusal(_params(tiny_project, label))
    line = _line(msg, "olika år")
    assert f"sätter olika mål för olika år ({words}), men target: 30" in line
    expected = "{1: 20, 2: 30, 3: 30}" if "år 2 och 3" in label else "{1: 20, 2: 20, 3: 30}"
    assert f"targets: {expected}, och behåll" in line


@pytest.mark.parametrize("label", ["år 1 och 2 20, år 3 30", "20 deltagare år 1 och 2 och 30 år 3",
                                   "Minst 20 deltagare år 1 och 2, 30 deltagare år 3",
                                   "20 deltagare år 1 och 2 30 deltagare år 3"])
def test_a_year_after_och_shares_the_target_before_it(tiny_project, label):
    # 20 for years 1 and 2, 30 for year 3; before, 'år 1 och 2 20' was cut into 'år 1' and '2 20' (no year read),
    # '... år 1 och 2 och 30 år 3' left the '2' alone and '... år 1 och 2 30 deltagare år 3' read '2 30 deltagare år
    # 3', so year 2 had a ? to write ('år 1 och 2, 30 ...', read before, is kept as it was)
    line = _line(params_refusal(_params(tiny_project, label)), "olika år")
    assert "targets: {1: 20, 2: 20, 3: 30}, och behåll" in line


@pytest.mark.parametrize("label", ["år 2 och 3 30", "år 1 och 2 30 deltagare", "30 deltagare år 1 och 2 och 3",
                                   "Minst 30 deltagare år 1 och 30 år 2 och 3"])
def test_years_after_och_with_the_one_target_are_read(tiny_project, label):
    # one target (30) for the years named, as target: 30 says
    assert et.load_project(_params(tiny_project, label)).params.goals[0].target == 30


def test_digits_after_och_that_may_be_a_year_or_a_target_are_refused(tiny_project):
    # '20 deltagare år 1 och 2 30': 20 for years 1 and 2 (and 30 for nothing), or 20 for year 1 and 30 for year 2;
    # it is not guessed: years 1 and 2 are ?, year 3 has no target in the words either
    msg = params_refusal(_params(tiny_project, "20 deltagare år 1 och 2 30"))
    line = _line(msg, "två sätt")
    assert line.strip() == (
        "- parameterfilen som helhet: mål 1 (id: antal) har target: 30, men '20 deltagare år 1 och 2 30' kan läsas på "
        "två sätt: som ett målvärde för åren 1, 2, eller med talet efter åren som målvärde för det sista av dem, och "
        "det gissas inte: skriv i stället för target ett målvärde per år, targets: {1: ?, 2: ?, 3: ?} (skriv ett tal "
        "där det står ?), och behåll ansökans ord i label")


def test_a_year_or_a_target_keeps_the_other_years_read(tiny_project):
    # year 3's 40 % is read; years 1 and 2 are not guessed
    msg = params_refusal(_params(tiny_project, "30 % år 1 och 2 35 %, 40 % år 3", "target: 0.4", kind="share"))
    assert "targets: {1: ?, 2: ?, 3: 0.4} (skriv ett tal där det står ?)" in _line(msg, "två sätt")


def test_a_year_or_a_target_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "Antal deltagare", "target: 30\n    label_en: 20 participants in "
                                                                  "years 1 and 2 30"), "en")
    line = _line(msg, "two ways")
    assert ("has target: 30, but '20 participants in years 1 and 2 30' can be read two ways: as one target for "
            "years 1, 2, or with the number after the years as the target of the last of them" in line)
    assert "targets: {1: ?, 2: ?, 3: ?} (write a number where it says ?)" in line


# --- 2. a number word that counts years or things per year is no project year -------------------------------------

@pytest.mark.parametrize("label", [
    # 'år sex' of 'Varje år sex grupper om 5 deltagare' was year 6 with the target 5
    "Varje år sex grupper om 5 deltagare, 30 deltagare år 1",
    "Per år två grupper om 8 deltagare, 30 deltagare år 1",
    # 'tre år 20' was year 20 ('år 20') with the target 4
    "Under tre år 20 deltagare med 4 handledare, 30 deltagare år 1",
])
def test_a_number_word_of_every_year_or_of_years_is_no_year(tiny_project, label):
    # the words state one target (30 for year 1), as target: 30 says
    assert et.load_project(_params(tiny_project, label)).params.goals[0].target == 30


@pytest.mark.parametrize(("label", "target", "kind"), [
    # (a time limit of six months from each participant's start, counted as such with within_months: 6)
    ("Minst 25 % ska gå vidare till arbete eller studier inom sex månader", "target: 0.25\n    within_months: 6",
     "share"),
    ("Projektet pågår i tre år och ska ta emot 30 deltagare per år", "target: 30", "participant_count"),
    ("30 % ska ha arbete eller studier sex månader efter avslut, under projektets tre år", "target: 0.3", "share"),
    ("Under sex år ska projektet ta emot 30 deltagare per år", "target: 30", "participant_count"),
])
def test_a_length_in_words_is_no_year(tiny_project, label, target, kind):
    p = et.load_project(_params(tiny_project, label, target, kind=kind))
    assert p.params.goals[0].target == float(target.split()[1])


def test_a_length_before_the_years_leaves_the_years_read(tiny_project):
    # 'pågår i tre år' is the project's length: 20 for year 1, 30 for years 2 and 3
    msg = params_refusal(_params(tiny_project, "Projektet pågår i tre år, 20 deltagare år ett och 30 år två och tre"))
    line = _line(msg, "olika år")
    assert "('20 deltagare år ett', '30 år två och tre'), men target: 30" in line
    assert "targets: {1: 20, 2: 30, 3: 30}, och behåll" in line


def test_a_year_in_words_after_under_is_a_year(tiny_project):
    # 'under år två' is project year 2: 20 for year 2, 30 for year 3, no target for year 1 in the words
    msg = params_refusal(_params(tiny_project, "Minst 20 deltagare under år två och 30 under år tre"))
    assert "targets: {1: ?, 2: 20, 3: 30} (skriv ett tal där det står ?)" in _line(msg, "olika år")


# --- 3. one year's own target beside the goal's in the words ----------------------------------------------------------

@pytest.mark.parametrize(("label", "target", "kind", "line"), [
    # 20 in year 1, 30 (the goal's, which the words say too) in years 2 and 3; before, only year 1 was read, one
    # number, so target: 30 judged year 1 against 30 without a word
    ("Minst 30 deltagare per år (20 det första året)", "target: 30", "participant_count", "{1: 20, 2: 30, 3: 30}"),
    # 30 % in year 1, 40 % (0.4) in years 2 and 3
    ("Minst 40 % ska ha påbörjat arbete eller studier vid avslut, år 1 30 %", "target: 0.4", "share",
     "{1: 0.3, 2: 0.4, 3: 0.4}"),
    # 'år 1 20 och 2 30': year 2's 30 after 'och' was lost; the goal's 30 is years 2 and 3's
    ("år 1 20 och 2 30", "target: 30", "participant_count", "{1: 20, 2: 30, 3: 30}"),
])
def test_one_years_own_target_beside_the_goals_is_refused(tiny_project, label, target, kind, line):
    msg = params_refusal(_params(tiny_project, label, target, kind=kind))
    assert f"men {target} är samma målvärde för varje år" in _line(msg, "olika år")
    assert f"targets: {line}, och behåll" in _line(msg, "olika år")


@pytest.mark.parametrize(("label", "target"), [
    ("Projektet pågår i tre år med 30 deltagare per år, varav 10 unga år 1", "target: 30"),  # a part of year 1's 30
    ("Minst 12 deltagare under 2023", "target: 10"),   # the words say no other target: read as written
    ("30 deltagare år 1", "target: 30"),                # the goal's own target
])
def test_a_years_number_that_is_no_other_target_is_read(tiny_project, label, target):
    assert et.load_project(_params(tiny_project, label, target)).params.goals[0].target == float(target.split()[1])


def test_a_whole_periods_goal_with_one_years_number_is_read(tiny_project):
    # a goal counted once over the whole period: 'år 1 20' is a step on the way, never a year judged against 60
    p = _params(tiny_project, "Totalt 60 deltagare, år 1 20", "target: 60")
    p.write_text(p.read_text(encoding="utf-8").replace("period: project_year", "period: whole_period"),
                 encoding="utf-8")
    assert et.load_project(p).params.goals[0].target == 60
