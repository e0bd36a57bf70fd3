"""Read as the board reads: a sentence that opens with a count above twelve opens with a number in digits, which
Swedish style (and English) does not do; the goal chart's legend drew a share's result as a bar where its panel
draws a point; the sensitivity bounds' English column read "Change in the drift's pace a month with each month that
passed"."""
from __future__ import annotations

import re

import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import evaltools as et
from evaltools.present import plots
from evaltools.words.text import msg, plural

from .conftest import participants_frame, write_csv

# --- 1. no sentence starts with digits ---------------------------------------------------------------------------

# each sentence with the count it opened with before, and every value it takes filled in with a count of 13
SENTENCES = [
    ("quality.late_end", True, {"n": "13"}),
    ("quality.after_last_intake", True, {"n": "13", "date": "2024-10-31"}),
    ("summary.ongoing", True, {"n": "23", "date": "2026-10-31"}),
    ("survey.round_invited", False, {"n": "198", "invited": "450", "rate": "44"}),
    ("survey.round_unknown", False, {"n": "13"}),
    ("survey.round_withheld", False, {"n": "13", "k": "5"}),
    ("survey.paired_counts", False, {"better": "19", "same": "6", "worse": "6"}),
    ("appendix.simulation_text", False, {"draws": "5000", "seed": "1", "varied": "dödvikten"}),
]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("key, plural_, values", SENTENCES)
def test_a_sentence_with_a_count_above_twelve_does_not_start_with_its_digits(key, plural_, values, lang):
    said = plural(key, lang, 13, **values) if plural_ else msg(key, lang, **values)
    assert said[:1].isupper(), said  # a sentence: a capital letter first, not "13 …" or "198 …"
    for v in values.values():  # and every count is still said
        assert v in said, (v, said)


@pytest.mark.parametrize("lang, opens", [("sv", "inskrivningar utan slutdatum"), ("en", "enrolments without an end date")])
def test_the_loaders_note_on_enrolments_left_open_opens_with_words_and_says_how_many(lang, opens):
    said = msg("messages.person.open_after_end", lang, n=13, end="2024-12-31", rows="2, 3, 4")
    assert said.startswith(opens) and ": 13 (" in said, said


def test_thirteen_end_dates_after_the_analysis_date_are_one_note_that_starts_with_a_word(tiny_project):
    from evaltools.present.sections import quality
    # 15 persons ending in 2022; 13 of them (P3–P15) with end dates in 2023, after data_as_of 2022-12-31
    rows = [(f"P{i}", "kvinna", 1980 + i, "ensamstående", "2022-02-01", "2022-06-01" if i < 3 else "2023-03-01",
             "arbete") for i in range(1, 16)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    path = tiny_project("data_as_of: 2022-12-31\n")
    for lang, words in (("sv", "analysdatumet"), ("en", "analysis date")):
        notes = [n for n in quality.report_table(et.Report(path, lang=lang)).iloc[:, 0] if words in n]
        assert len(notes) == 1 and "13" in notes[0] and not re.match(r"\d", notes[0]), notes


# --- 2. the goal chart's legend draws each result as its panel does ------------------------------------------------

def _legend_marks(fig) -> tuple[int, int, int]:
    """How many bars, points and dashed lines the legend's marks are drawn with."""
    legend = fig.legends[0]
    bars = [a for a in legend.findobj(Rectangle) if a is not legend.legendPatch and a.get_width() > 0
            and a.get_height() > 0 and a.get_facecolor()[3] > 0]
    lines = [a for a in legend.findobj(Line2D)]
    points = [a for a in lines if a.get_marker() == "o"]
    dashed = [a for a in lines if a.get_linestyle() == "--"]
    return len(bars), len(points), len(dashed)


def _goals(tiny_project, goals: str):
    rows = [(f"P{i}", "kvinna", 1980 + i, "ensamstående", "2022-02-01", "2022-06-01", "arbete" if i < 5 else "annat")
            for i in range(1, 11)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    return et.assess_goals(et.load_project(tiny_project(goals)))


SHARE = "  - {id: egen, kind: share, label: Minst 40 % till arbete, target: 0.4, period: whole_period, denominator: exits}\n"
COUNT = "  - {id: antal, kind: participant_count, label: Minst 8 deltagare, target: 8, period: whole_period}\n"


def test_a_share_goals_legend_shows_a_point_and_a_dashed_target_not_a_bar(tiny_project):
    fig = plots.plot_goals(_goals(tiny_project, "goals:\n" + SHARE), "sv")
    panel_points = [a for a in fig.axes[0].get_lines() if a.get_marker() == "o"]
    assert panel_points  # the panel draws the share as a point …
    bars, points, dashed = _legend_marks(fig)
    assert (bars, points, dashed) == (0, 1, 1)  # … and so does the legend, with the panel's dashed target


def test_a_chart_of_a_count_and_a_share_shows_both_marks_for_the_result(tiny_project):
    fig = plots.plot_goals(_goals(tiny_project, "goals:\n" + COUNT + SHARE), "sv")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert len(labels) == 2  # one entry for the result, one for the target
    bars, points, dashed = _legend_marks(fig)
    assert bars >= 1 and points == 1 and dashed == 1


# --- 3. the sensitivity bounds in English ------------------------------------------------------------------------

def test_the_sensitivity_bounds_english_column_reads_as_english_and_as_the_sentence_says_it():
    # it read "Change in the drift's pace a month with each month that passed": a heading no one says
    column = msg("payments.honest.deviation", "en")
    assert column == "Largest change in the drift's pace each month"
    sentence = msg("payments.drift.holds", "en", m="SEK 20", next="SEK 40")
    assert "pace" in sentence and "each month" in sentence


# --- 4. the portfolio chart names a running project as running and draws its share as an open point -------------

def test_the_portfolio_chart_draws_a_running_projects_share_as_an_open_point():
    import pandas as pd
    table = pd.DataFrame({"title": ["Pågående", "Avslutat"], "success_rate": [112 / 236, 31 / 52],
                          "ci_low": [0.41, 0.45], "ci_high": [0.54, 0.73], "cost_per_participant": [12_892.0, 21_692.0],
                          "running": [True, False]})
    fig = plots.plot_portfolio(table, "sv")
    points = [line for line in fig.axes[0].get_lines() if line.get_marker() == "o"]
    faces = {round(float(line.get_xdata()[0]), 4): line.get_markerfacecolor() for line in points}
    assert faces[round(112 / 236, 4)] == "white" and faces[round(31 / 52, 4)] != "white"


@pytest.mark.parametrize("lang, running, ended", [("sv", "Specialistteamet (pågår)", "Kompassen (fiktivt exempel)"),
                                                  ("en", "Specialistteamet (running)", "Kompassen (fictional example)")])
def test_the_portfolio_chart_names_a_running_project_as_its_tables_do(lang, running, ended):
    from .conftest import sample_portfolio
    # params/eskilstuna-specialistteamet.yaml runs to 2026-12-31 with data to 2026-10-31; Kompassen has ended
    pf = sample_portfolio(("eskilstuna-specialistteamet", "kompassen-demo"), lang)
    assert pf.chart_titles() == [running, ended]
    assert pf.chart_labels() is None  # (both count exit outcomes: no definition to mark, so no sentence saying so)
