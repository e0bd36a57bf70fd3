"""Questionnaires as a board reads them: a figure's response rate is the one of the persons behind it
(the same persons before and after: those who answered both times out of those asked both times), and
the diverging bars say their shares and their respondents in the report's words.

Expected values are worked out by hand in the comments, never copied from the code's output."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis import survey as A
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.data import survey as SV
from evaltools.present.sections.survey import paired_sentence

from .conftest import write_csv
from .test_survey_data import DATA, QUESTIONS, _row


def _staff_twice():
    """Staff asked twice: ten (S1–S10) answer F1 with 2 in 2022; in 2023 the same ten answer 4 and five
    others (S11–S15) who did not answer in 2022 answer 5."""
    rows = [_row(f"S{i}", "personal", "2022-10-01", "F1", "2") for i in range(1, 11)]
    rows += [_row(f"S{i}", "personal", "2023-10-01", "F1", "4") for i in range(1, 11)]
    rows += [_row(f"S{i}", "personal", "2023-10-01", "F1", "5") for i in range(11, 16)]
    return rows


CHANGE_GOAL = """\
survey:
  invited: {personal: 24}
goals:
  - {id: battre, kind: survey, measure: change, label: Minst hälften av handläggarna svarar bättre än förra gången,
     question: F1, before_group: personal, group: personal, target: 0.5, answered_from: 2023-01-01}
"""


@pytest.fixture
def staff(tiny_project):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _staff_twice())
    return et.load_project(tiny_project(CHANGE_GOAL, data_block=DATA))


def test_a_change_goals_response_rate_is_of_those_who_answered_both_times(staff):
    c = A.survey(staff).goal("battre")
    # 10 of 10 pairs better; S1–S10 answered both times, of 24 asked both times (one group asked twice):
    # 10 / 24 = 41,7 %, below 50 %; the 2023 round alone (15 of 24 = 62,5 %) would not be
    assert (c.successes, c.denominator) == (10, 10)
    assert (c.respondents, c.invited) == (10, 24)
    assert c.response_rate == pytest.approx(10 / 24) and c.low_response
    # 10 of 10: the exact interval's lower limit is 0,025 ** (1/10) = 0,692, clear above 0,5; only the low
    # response rate of the persons behind it makes the verdict uncertain
    row = assess_goals(staff).table.set_index("goal_id").loc["battre"]
    assert row["ci_low"] == pytest.approx(0.025 ** 0.1, abs=1e-4)
    assert row["status"] == GoalStatus.REACHED_UNCERTAIN


def test_page_1_the_goal_section_the_survey_section_and_the_workbook_say_the_same_rate(staff):
    r = et.Report(staff)
    said = "10 av 24 tillfrågade svarade båda gångerna (svarsfrekvens 42\u00a0%)"  # 10 / 24 = 41,7 %
    line = next(x for x in r.key_findings() if x.startswith("Minst hälften av handläggarna"))
    assert said in line and "15 svarande" not in line  # (15: the 2023 round's respondents)
    from evaltools.present.sections.goals import uncertain_goal_sentences
    goal_section = next(x for x in uncertain_goal_sentences(r) if x.startswith("Minst hälften"))
    assert said in goal_section
    questions = SV.questions_by_code(staff.questions)
    paired = next(p for p in r.survey.paired if p.before_group == p.after_group == "personal")
    sentence = paired_sentence(r, paired, questions)
    assert said in sentence and "Under 50\u00a0% kan svaren inte tas för att gälla alla som tillfrågades båda" in sentence
    note = r.key_tables()["mal"].set_index("goal_id").loc["battre", "note"]
    assert said in note
    en = et.Report(staff, lang="en")
    assert "10 of 24 asked answered both times (response rate 42%)" in next(
        x for x in en.key_findings() if x.startswith("At least") or x.startswith("Minst hälften"))


def test_participants_asked_both_times_are_those_who_left(tiny_project):
    """Participants at start and at exit: asked both times are those who have left (each was asked at start
    too), the smaller of the two groups' numbers asked."""
    from .conftest import participants_frame
    # eight enrolled, six of them left (Q1–Q6), two still enrolled (Q7, Q8)
    people = [(f"Q{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-11-01" if i <= 6 else "", "arbete" if i <= 6 else "")
              for i in range(1, 9)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(people))
    rows = []
    for i in range(1, 6):  # five of those who left answer at start and at exit
        rows.append(_row(f"Q{i}", "deltagare_start", "2022-02-01", "F1", "2"))
        rows.append(_row(f"Q{i}", "deltagare_avslut", "2022-11-01", "F1", "3"))
    rows.append(_row("Q7", "deltagare_start", "2022-02-01", "F1", "4"))  # at start only: not both times
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    p = A.paired(et.load_project(tiny_project(data_block=DATA)), "F1")
    # asked: 8 at start, 6 at exit; both times the 6 who left; 5 answered both times: 5 / 6 = 83 %
    assert (p.n_pairs, p.respondents, p.invited) == (5, 5, 6)
    assert p.response_rate == pytest.approx(5 / 6) and not p.low_response


# --- the diverging bars print their shares and say their respondents as a board member reads them ------------

def _chart(shares, counts, lang="sv"):
    import matplotlib
    matplotlib.use("Agg")
    import pandas as pd

    from evaltools.data.survey import Question
    from evaltools.present.survey_plot import plot_survey
    labels = ("Instämmer inte alls", "Instämmer delvis inte", "Varken eller", "Instämmer delvis", "Instämmer helt")
    q = Question("F1", "Jag känner till de andra parternas uppdrag", "", 1, 5, labels, ())
    dist = pd.DataFrame({"question": "F1", "answer": [1, 2, 3, 4, 5], "share": shares, "n": counts})
    fig = plot_survey([q], dist, 60, "Personal 2025", lang)
    return fig, [t.get_text() for t in fig.axes[0].texts]


def test_each_segment_prints_its_share_where_it_fits_and_the_respondents_beside_the_bar():
    # 60 answers on the scale: 3, 6, 12, 24 and 15 of them, 5 %, 10 %, 20 %, 40 % and 25 %
    fig, texts = _chart([3 / 60, 6 / 60, 12 / 60, 24 / 60, 15 / 60], [3, 6, 12, 24, 15])
    assert {"10", "20", "40", "25"} <= set(texts)  # per cent, in the segments from about 8 % on
    assert "5" not in texts  # 5 % is too narrow a segment for its number
    assert "60 svarande" in texts and not any(t.startswith("n =") for t in texts)
    ax = fig.axes[0]
    beside = next(t for t in ax.texts if t.get_text() == "60 svarande")
    question = ax.get_yticklabels()[0]  # the respondents in the size and colour of the question's words
    assert beside.get_fontsize() == question.get_fontsize() and beside.get_color() == question.get_color()
    assert beside.get_fontfamily() == question.get_fontfamily()
    # the alt text says the respondents the same way, and the middle answers: 40 + 25 = 65 % positive,
    # 20 % in the middle, 5 + 10 = 15 % negative
    assert "Jag känner till de andra parternas uppdrag (60 svarande): 65\u00a0% positiva, 20\u00a0% i mitten och " \
           "15\u00a0% negativa" in fig.et_alt
    _, en = _chart([3 / 60, 6 / 60, 12 / 60, 24 / 60, 15 / 60], [3, 6, 12, 24, 15], "en")
    assert "60 respondents" in en


def test_hidden_answers_print_no_share():
    # the two negative steps hidden ('<5' and '..', protecting it): one hatched segment of 1 − (0,2 + 0,4 + 0,28)
    # = 12 % of the answers, which no number gives away; the shown steps print theirs
    fig, texts = _chart(["..", "..", 0.2, 0.4, 0.28], ["<5", "..", 10, 20, 14])
    assert {"20", "40", "28"} <= set(texts)
    assert "12" not in texts and "..<5" not in "".join(texts)
    assert "50 svarande" in texts  # 10 / 0,2 = 50 answered on the scale


def test_page_1_says_a_level_goals_response_rate_in_the_goal_sections_words(tiny_project):
    """A level goal's rate on page 1 in the words of the goal section and the workbook: one figure, one wording."""
    rows = [_row(f"S{i}", "personal", "2023-10-01", "F1", "4") for i in range(1, 11)]  # ten staff answer 4
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    goal = """\
survey:
  invited: {personal: 40}
goals:
  - {id: kanner, kind: survey, label: Minst 70 % av handläggarna instämmer, question: F1, group: personal,
     level: 4, target: 0.7}
"""
    r = et.Report(et.load_project(tiny_project(goal, data_block=DATA)))
    said = "10 av 40 tillfrågade svarade (svarsfrekvens 25\u00a0%)"  # 10 / 40 = 25 %
    line = next(x for x in r.key_findings() if x.startswith("Minst 70"))
    assert said + " – för låg" in line
    assert said in r.key_tables()["mal"].set_index("goal_id").loc["kanner", "note"]


def test_several_comparisons_all_below_the_low_rate_say_it_once(tiny_project):
    from evaltools.present.display import Text
    from evaltools.present.sections import survey as section

    from .conftest import participants_frame
    # twelve participants, all of whom have left; five answer F1 and F2 at start and at exit: 5 / 12 = 42 %
    people = [(f"Q{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-11-01", "arbete") for i in range(1, 13)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(people))
    rows = []
    for i, (before, after) in enumerate([(1, 3), (2, 4), (2, 2), (3, 5), (1, 4)], 1):
        for q, b, a in (("F1", before, after), ("F2", 5 - before, 4 - min(after, 3))):
            rows.append(_row(f"Q{i}", "deltagare_start", "2022-02-01", q, str(b)))
            rows.append(_row(f"Q{i}", "deltagare_avslut", "2022-11-01", q, str(a)))
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", rows)
    r = et.Report(et.load_project(tiny_project(data_block=DATA)))
    [block] = [b for b in section.blocks(r) if isinstance(b[0], Text) and b[0].heading == "Samma personer före och efter"]
    texts = list(block[0].paragraphs)
    assert sum("5 av 12 tillfrågade svarade båda gångerna (svarsfrekvens 42\u00a0%)" in t for t in texts) == 2
    once = [t for t in texts if "färre än 50\u00a0% av de tillfrågade båda gångerna" in t]
    assert len(once) == 1 and not any("Under 50\u00a0% kan svaren" in t for t in texts)
