"""Questionnaire analysis: survey goals, paired before/after, distributions, small groups.

Expected values are worked out by hand (counts, the rank sums) or by another method (the t
interval from the differences' mean and standard deviation, the Clopper–Pearson limits from the
beta distribution), never copied from the code's output."""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

import evaltools as et
from evaltools.analysis import survey as A
from evaltools.analysis.goals import GoalStatus, assess_goals

from .conftest import write_csv
from .test_survey_data import DATA, QUESTIONS, _row

# seven pairs of answers on a 1–5 scale (F1, a high answer is good)
BEFORE = [2, 3, 3, 4, 2, 1, 3]
AFTER = [4, 3, 4, 5, 3, 3, 2]
STAFF = ["5", "4", "4", "3", "2", "vet ej", ""]  # seven staff answers to F1 in 2022


def _responses():
    rows = []
    for i, (b, a) in enumerate(zip(BEFORE, AFTER), 1):
        rows.append(_row(f"D{i}", "deltagare_start", "2022-02-01", "F1", str(b)))
        rows.append(_row(f"D{i}", "deltagare_avslut", "2022-09-01", "F1", str(a)))
    rows.append(_row("D9", "deltagare_avslut", "2022-09-01", "F1", "5"))  # no answer at start: no pair
    for i, a in enumerate(STAFF, 1):
        rows.append(_row(f"S{i}", "personal", "2022-10-01", "F1", a))
        rows.append(_row(f"S{i}", "personal", "2022-10-01", "F2", "1"))
    for i in range(1, 5):  # four board members: under the threshold of five
        rows.append(_row(f"B{i}", "styrelse", "2022-10-01", "F1", "5"))
    return rows


GOALS = """\
survey:
  invited: {personal: 20, styrelse: 6}
goals:
  - {id: kanner, kind: survey, label: Personalen instämmer, question: F1, group: personal, level: 4, target: 0.7}
  - {id: stress, kind: survey, label: Låg stress, question: F2, group: personal, level: 2, target: 0.5}
  - {id: framtid, kind: survey, measure: change, label: Ljusare framtid, question: F1, target: 0.5}
  - {id: styrelsen, kind: survey, label: Styrelsen instämmer, question: F1, group: styrelse, level: 4, target: 0.7}
"""


@pytest.fixture
def project(tiny_project):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    return et.load_project(tiny_project(GOALS, data_block=DATA))


def test_paired_difference_and_wilcoxon_against_hand_and_another_method():
    got = A.paired_test(np.array(BEFORE), np.array(AFTER))
    d = np.array(AFTER) - np.array(BEFORE)  # 2, 0, 1, 1, 1, 2, -1
    assert got["mean_difference"] == pytest.approx(6 / 7)
    half = stats.t.ppf(0.975, 6) * d.std(ddof=1) / math.sqrt(7)  # the t interval from its formula
    assert (got["ci_low"], got["ci_high"]) == pytest.approx((6 / 7 - half, 6 / 7 + half))
    # the zero difference dropped; |d| ranks: the four 1s share ranks 1–4 (2,5), the two 2s 5–6 (5,5):
    # W+ = 3 × 2,5 + 2 × 5,5 = 18,5 and W− = 2,5
    assert got["wilcoxon_statistic"] == pytest.approx(2.5)
    # ties: the normal approximation with the tie correction, by hand: mean 10,5, variance 22,75 − 66/48
    z = (2.5 - 10.5) / math.sqrt(6 * 7 * 13 / 24 - (4 ** 3 - 4 + 2 ** 3 - 2) / 48)
    assert got["wilcoxon_p"] == pytest.approx(2 * stats.norm.cdf(z), rel=1e-6)


def test_wilcoxon_is_exact_without_ties_or_zeros():
    # differences 1, 2, −3, 4, 5, 6: W− = 3; exactly, P(W ≤ 3) counts the subsets of 1..6 with a sum of
    # at most 3 ({}, {1}, {2}, {3}, {1, 2}): 5 of 64, two-sided 10/64
    got = A.paired_test(np.zeros(6), np.array([1, 2, -3, 4, 5, 6]))
    assert got["wilcoxon_statistic"] == 3 and got["wilcoxon_p"] == pytest.approx(10 / 64)


def test_the_same_persons_are_paired_and_counted_by_hand(project):
    p = A.paired(project, "F1")
    assert (p.n_pairs, p.better, p.same, p.worse) == (7, 5, 1, 1)  # D9 answered only at exit
    assert p.mean_before == pytest.approx(sum(BEFORE) / 7) and p.mean_after == pytest.approx(sum(AFTER) / 7)
    assert p.mean_difference == pytest.approx(6 / 7)
    assert [x.question for x in A.survey(project).paired] == ["F1"]  # F1 asked at start and at exit


def test_survey_goals_are_shares_with_exact_intervals_and_the_share_rule(project):
    tab = assess_goals(project).table.set_index("goal_id")
    row = tab.loc["kanner"]  # 5, 4, 4 of the five on the scale (vet ej and the empty cell left out)
    assert (row["kind"], row["mode"], row["numerator"], row["denominator"]) == ("share", "survey", 3, 5)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((stats.beta.ppf(0.025, 3, 3), stats.beta.ppf(0.975, 4, 2)))
    # 60 % against 70 %: at least 80 % of the target (56 %), the interval spans it
    assert row["status"] == GoalStatus.PARTLY_UNCERTAIN
    stress = tab.loc["stress"]  # F2's low end is good: every staff member answered 1, at or below 2
    assert (stress["numerator"], stress["denominator"]) == (7, 7)
    # 7 of 7: the exact interval's lower end is 0,025^(1/7) = 0,59, above the target of 50 %; but only
    # 7 of the 20 asked answered (35 %), so the respondents may not speak for everyone: uncertain
    assert stress["ci_low"] == pytest.approx(0.025 ** (1 / 7))
    assert stress["status"] == GoalStatus.REACHED_UNCERTAIN
    change = tab.loc["framtid"]  # better at exit: 5 of the 7 pairs
    assert (change["numerator"], change["denominator"]) == (5, 7)
    c = A.survey(project).goal("kanner")
    assert (c.respondents, c.dont_know, c.missing, c.invited) == (7, 1, 1, 20)
    assert c.response_rate == pytest.approx(7 / 20) and c.low_response  # 35 % is below 50 %


def test_a_survey_goal_most_of_those_asked_answered_keeps_its_verdict(tiny_project):
    """The same seven staff answers with 8 asked (88 % answered): 7 of 7 above the target is reached."""
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    project = et.load_project(tiny_project(GOALS.replace("personal: 20", "personal: 8"), data_block=DATA))
    tab = assess_goals(project).table.set_index("goal_id")
    assert tab.loc["stress", "status"] == GoalStatus.REACHED
    assert not A.survey(project).goal("stress").low_response


def test_a_group_under_the_threshold_is_hidden_from_goals_and_tables(project):
    row = assess_goals(project).table.set_index("goal_id").loc["styrelsen"]
    assert bool(row["too_few"]) and math.isnan(row["numerator"]) and row["status"] == GoalStatus.NOT_ASSESSED
    s = A.survey(project)
    assert "styrelse" not in set(s.table["group"]) and "styrelse" in set(s.raw["group"])
    assert [r.hidden for r in s.rounds if r.group == "styrelse"] == [True]
    assert s.goal("styrelsen").hidden


def test_distribution_counts_each_step_and_keeps_dont_know_apart(project):
    t = A.survey(project).raw  # (the counts as they are: every one of them is under five, `<5` in `table`)
    staff = t[(t["group"] == "personal") & (t["question"] == "F1")].set_index("answer")
    assert staff["n"].to_dict() == {1: 0, 2: 1, 3: 1, 4: 2, 5: 1, "vet_ej": 1, "inget_svar": 1}
    assert staff.loc[4, "share"] == pytest.approx(2 / 5) and math.isnan(staff.loc["vet_ej", "share"])
    assert set(t["question"]) == {"F1", "F2"}  # the free-text question F3 never appears
    shown = A.survey(project).table
    assert set(shown[(shown["group"] == "personal") & (shown["question"] == "F1")]["n"]) == {0, "<5"}


def test_anonymous_respondents_are_counted_by_the_most_answered_question():
    import pandas as pd
    rows = pd.DataFrame({"respondent_id": [None] * 5, "question": ["F1", "F1", "F1", "F2", "F2"]})
    assert A.count_respondents(rows) == 3


def test_participants_asked_default_to_the_participant_file(tiny_project):
    # the four persons of the participant file answer at start, three of the four who left at exit
    rows = [_row(p, "deltagare_start", "2022-06-01", "F1", "3") for p in ("P1", "P2", "P3", "P4")]
    rows += [_row(p, "deltagare_avslut", "2023-06-01", "F1", "4") for p in ("P1", "P2", "P4")]
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    p = et.load_project(tiny_project(data_block=DATA))
    got = {r.group: (r.respondents, r.invited) for r in A.rounds(p)}
    assert got == {"deltagare_start": (4, 4), "deltagare_avslut": (3, 3)}  # P3 is still enrolled


def test_a_default_below_the_respondents_leaves_the_rate_unknown(project):
    # D1–D7 are not in the participant file (P1–P4): the rate is unknown, not 175 %
    assert [r.invited for r in A.rounds(project) if r.group == "deltagare_start"] == [None]


def test_a_question_few_answered_on_its_scale_is_hidden(tiny_project):
    # seven staff answer F1; only three of them answer F2 on its scale (the others: vet ej)
    rows = [_row(f"S{i}", "personal", "2022-10-01", "F1", "4") for i in range(1, 8)]
    rows += [_row(f"S{i}", "personal", "2022-10-01", "F2", "2" if i <= 3 else "vet ej") for i in range(1, 8)]
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    s = A.survey(et.load_project(tiny_project(data_block=DATA)))
    assert set(s.table["question"]) == {"F1"} and set(s.raw["question"]) == {"F1", "F2"}
