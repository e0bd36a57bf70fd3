"""Reading the reports as a board member: a questionnaire round whose every question has no bar, and the
person-years that carry the cost beside the present-value cost in the key figures."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import pandas as pd
import pytest

from evaltools.analysis.survey import Round
from evaltools.data.survey import Question
from evaltools.present.display import Text
from evaltools.present.sections import survey as survey_section
from evaltools.words.text import msg

matplotlib.use("Agg")

LABELS_SV = ("Mycket dåligt", "Dåligt", "Någorlunda", "Bra", "Mycket bra")
LABELS_EN = ("Very poor", "Poor", "Fair", "Good", "Very good")
HEALTH = Question("halsa", "Hur bedömer du ditt allmänna hälsotillstånd?", "How do you rate your general health?",
                  1, 5, LABELS_SV, LABELS_EN)
HOPE = Question("hopp", "Jag känner hopp inför framtiden", "I am hopeful about my future",
                1, 5, ("Instämmer inte alls", "Instämmer inte", "Varken eller", "Instämmer", "Instämmer helt"),
                ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"))


def _rows(question: str, counts: list) -> pd.DataFrame:
    """A question's rows as the analysis publishes them: a hidden count is '<5' or '..' with share '..'."""
    return pd.DataFrame({  # (31 answered on the scale, as in Nästa steg's exit round)
        "group": "deltagare_slut", "round": 0, "question": question, "answer": [1, 2, 3, 4, 5],
        "n": counts,
        "share": [c / 31 if isinstance(c, int) else ".." for c in counts]})


def _round_block(dist: pd.DataFrame, questions: list[Question], lang: str) -> list:
    r = SimpleNamespace(lang=lang, msg=lambda key, **v: msg(key, lang, **v),
                        params=SimpleNamespace(privacy=SimpleNamespace(min_count=5)))
    rnd = Round(group="deltagare_slut", round=0, respondents=31, invited=70, hidden=False)
    return survey_section._round_block(r, SimpleNamespace(table=dist), rnd, {q.code: q for q in questions})


# Nästa steg's exit round (31 of 70 answered): each question has hidden options at both ends of the scale, so no
# bar can be drawn; the report showed two charts of empty axes, 'Figur 4' and 'Figur 5', each row reading
# 'Visas inte'. Counts (negative end first): <5, 6, 10, 9, <5 -> hidden at both ends (31 - 25 = 6 hidden).
BOTH_ENDS = [("halsa", ["<5", 6, 10, 9, "<5"]), ("hopp", ["<5", 6, 8, 7, ".."])]


@pytest.mark.parametrize("lang, said", [
    ("sv", "Svaren på ”Jag känner hopp inför framtiden” och ”Hur bedömer du ditt allmänna hälsotillstånd?” "
           "visas inte i något diagram"),
    ("en", "The answers to “I am hopeful about my future” and “How do you rate your general health?” "
           "are not shown in a chart"),
])
def test_a_round_whose_every_question_has_no_bar_gets_a_sentence_not_an_empty_chart(lang, said):
    dist = pd.concat([_rows(q, c) for q, c in BOTH_ENDS])
    block = _round_block(dist, [HOPE, HEALTH], lang)
    assert len(block) == 1 and isinstance(block[0], Text)  # no figure at all
    paragraphs = block[0].paragraphs
    # the response rate first (31 / 70 = 44 %), then the sentence on the answers not shown
    assert paragraphs[0].startswith(("Svarande: 31 ", "Respondents: 31 ")), paragraphs[0]
    assert any(p.startswith(said) for p in paragraphs), paragraphs
    assert any("5" in p and ("båda sidor" in p or "both sides" in p) for p in paragraphs)


def test_a_chart_with_one_drawable_question_is_kept():
    # two questions on one scale: general health hidden at both ends (no bar), mental health at the negative end
    # only (a hatched segment): the chart stays, with its row that says 'Visas inte'
    mental = Question("psykisk", "Hur bedömer du ditt psykiska hälsotillstånd?", "How do you rate your mental health?",
                      1, 5, LABELS_SV, LABELS_EN)
    dist = pd.concat([_rows("halsa", ["<5", 6, 10, 9, "<5"]), _rows("psykisk", ["<5", 6, 8, 9, 6])])
    block = _round_block(dist, [HEALTH, mental], "sv")
    assert isinstance(block[0], Text) and len(block) == 2
    assert not any("visas inte i något diagram" in p for p in block[0].paragraphs)


# --- the person-years that carry the cost name the cost they divide ---------------------------------------------

# all the tiny project's costs fall in 2022 (actual 90 000 + 25 000 = 115 000 kr), and the price year is 2022, so the
# cost in the price year's prices is 115 000 kr; discounted at 3.5 % a year its present value is another figure
DISCOUNTED = """\
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
      horizon_years: 2
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0.035
    """


@pytest.mark.parametrize("lang, years_label, note_start", [
    ("sv", "Personår i arbete utan försörjningsstöd",
     "Personåren räknas med kostnaden omräknad till 2022 års priser, 115\u00a0000\u00a0kr, samma prisnivå"),
    ("en", "Person-years in work without social assistance",
     "The person-years are counted with the cost converted to 2022 prices, SEK\u00a0115,000, the same price level"),
])
def test_the_person_years_note_names_the_cost_they_divide_beside_the_present_value(tiny_project, lang, years_label,
                                                                                  note_start):
    import evaltools as et
    from evaltools.present.sections import costbenefit as cb_section
    r = et.Report(et.load_project(tiny_project(DISCOUNTED)), lang=lang)
    table = cb_section.key_figures(r)
    kf = dict(table.frame.itertuples(index=False, name=None))
    years = next(v for k, v in kf.items() if k.startswith(years_label))
    # 115 000 / (12 × 9 000) = 115 000 / 108 000 = 1.065 -> 1,1 / 1.1
    assert years == ("1,1" if lang == "sv" else "1.1")
    # the cost as a present value stands above it and is not 115 000 kr: without the note a reader dividing it by
    # 12 × 9 000 kr gets another number of person-years
    pv_cost = next(v for k, v in kf.items() if k.startswith("Kostnad för" if lang == "sv" else "Cost for"))
    assert "115" not in pv_cost
    notes = [n for n in table.notes if n.startswith(note_start.split(",")[0])]
    assert len(notes) == 1 and notes[0].replace("\u202f", "\u00a0").startswith(note_start), table.notes
