"""Page by page as the board reads the samples, a fifty-fourth time, in Swedish and in English: Kompassen's sentence on
how far its conclusion survives the groups drifting apart ("så länge takten i det inte ändras med mer än 17 kr per
månad från en månad till nästa; vid 34 kr står den inte längre") asked a politician to read a second difference, and
at a breakdown of 0 kr it said "inte ändras med mer än 0 kr"; the goal chart's legend named one orange mark
"Målvärde för periodens längd / Målvärde", two names for one line; the application check's title said
"Förhandsbedömning (ex ante)", the Latin beside its own Swedish word; and the application's main goal said "till
egen försörjning" while it counts sickness and activity compensation, sickness benefit and other benefits too.
Expected words are the catalog's as a reader should see them; the figures are read from the tables the report
shows beside them, not from the code's output.
"""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import pytest

from evaltools.analysis.honest import Bound, HonestBounds
from evaltools.present.sections import facts, goals, summary, title
from evaltools.present.sections.designs import drift_sentences
from evaltools.words.text import msg

from .conftest import sample_portfolio, sample_report, shown_chunks

matplotlib.use("Agg")
NBSP = "\u00a0"


def _plain(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


# --- 1. how far the comparison's conclusion survives the groups drifting apart, in plain words -----------------------

def _drift_report(lang: str, bounds: tuple[Bound, ...]):
    # a fall of 300 kr a month, 100 to 500 kr: a conclusion for the bounds to test; the check before the start held
    did = SimpleNamespace(effect=-300.0, ci_low=-500.0, ci_high=-100.0)
    honest = HonestBounds(effect=-300.0, original_low=-500.0, original_high=-100.0, bounds=bounds, reference=-4,
                          n_pre=8, n_post=16)
    return SimpleNamespace(lang=lang, msg=lambda key, **v: msg(key, lang, **v), honest=honest,
                           payments=SimpleNamespace(did=did, parallel_trends_doubtful=False))


# (the interval at 0 excludes zero, that at 50 kr does not: the conclusion survives a straight continuation only)
STRAIGHT = (Bound(0.0, -520.0, -80.0), Bound(50.0, -900.0, 150.0), Bound(100.0, -1300.0, 600.0))


@pytest.mark.parametrize("lang, words, riddle", [
    ("sv", "Jämförelsen förutsätter att grupperna hade följts åt utan projektet. Slutsatsen står sig om de redan före "
           "start gled isär och glidningen fortsatte i samma takt, men inte om takten ändrades: redan om glidningen "
           "ökade eller minskade med 50 kr per månad för varje månad som gick kan skillnaden lika gärna vara noll.",
     "mer än 0 kr"),
    ("en", "The comparison assumes that the groups would have moved together without the project. The conclusion "
           "stands if they were already drifting apart before the start and the drift went on at the same pace, but "
           "not if that pace changed: if it grew or shrank by as little as SEK 50 a month with each month that "
           "passed, the difference could just as well be zero.",
     "no more than SEK 0"),
])
def test_a_conclusion_that_survives_only_a_straight_drift_says_so_and_not_no_more_than_zero(lang, words, riddle):
    [said] = drift_sentences(_drift_report(lang, STRAIGHT))
    assert _plain(said) == words
    assert riddle not in _plain(said)


@pytest.mark.parametrize("lang, first, holds, then", [
    ("sv", "Jämförelsen förutsätter att grupperna hade följts åt utan projektet.",
     "ökade eller minskade med högst 20 kr per månad för varje månad som gick",
     "vid 40 kr per månad kan skillnaden lika gärna vara noll"),
    ("en", "The comparison assumes that the groups would have moved together without the project.",
     "grew or shrank by at most SEK 20 a month with each month that passed",
     "at SEK 40 a month the difference could just as well be zero"),
])
def test_a_conclusion_that_survives_some_drift_says_what_is_assumed_and_how_far_it_holds(lang, first, holds, then):
    # the interval excludes zero at 0 and 20 kr and holds it at 40 kr: it stands up to 20 kr, not at 40 kr
    bounds = (Bound(0.0, -520.0, -80.0), Bound(20.0, -700.0, -10.0), Bound(40.0, -900.0, 150.0))
    [said] = drift_sentences(_drift_report(lang, bounds))
    said = _plain(said)
    assert said.startswith(first)
    assert holds in said and then in said
    # the old riddle's words are gone: no "from one month to the next", no "no longer stands"
    assert ("från en månad till nästa" if lang == "sv" else "from one month to the next") not in said
    assert ("står den inte längre" if lang == "sv" else "no longer stands") not in said


@pytest.mark.parametrize("lang, first", [
    ("sv", "Jämförelsen förutsätter att grupperna hade följts åt utan projektet. Slutsatsen står sig inte"),
    ("en", "The comparison assumes that the groups would have moved together without the project. The conclusion "
           "does not stand"),
])
def test_a_conclusion_that_fails_at_a_straight_drift_says_what_was_assumed(lang, first):
    bounds = (Bound(0.0, -600.0, 20.0), Bound(50.0, -900.0, 150.0))
    [said] = drift_sentences(_drift_report(lang, bounds))
    assert _plain(said).startswith(first)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_kompassens_payments_section_says_the_assumption_before_how_far_it_may_fail(lang):
    pytest.importorskip("honestdid")
    from evaltools.present.sections import payments
    body = _plain(" ".join(shown_chunks(payments.blocks(sample_report("kompassen-demo", lang)))))
    assumption = msg("payments.drift.holds", lang, m="X", next="Y").split(".")[0]
    assert assumption in body
    # and the check before the start, which it follows, is said first
    check = "Kontroll före start" if lang == "sv" else "Check before the start"
    assert body.index(check) < body.index(assumption)


# --- 2. the goal chart's legend: one mark, one name that says what it is --------------------------------------------

def _legend(pid: str, lang: str) -> list[str]:
    import matplotlib.pyplot as plt
    from evaltools.present.plots import plot_goals
    fig = plot_goals(sample_report(pid, lang).goals, lang)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)
    return labels


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "eskilstuna-ansokan"])
@pytest.mark.parametrize("lang, mark", [
    ("sv", "Målvärde (för en kortare period i proportion till längden)"),
    ("en", "Target (pro rata for a shorter period)"),
])
def test_a_goal_chart_with_a_shorter_period_names_its_one_target_mark_once(pid, lang, mark):
    # Timrå's year 2 cut to 8.5 months (target 50 → 35), the application's year 3 of 9 months (80 → 60): the
    # orange mark stands at the pro-rated target there and at the whole target elsewhere, one line in the legend
    labels = _legend(pid, lang)
    assert labels[1] == mark
    assert " / " not in labels[1]


# --- 3. "Förhandsbedömning", not "Förhandsbedömning (ex ante)" -------------------------------------------------------

def test_the_application_checks_title_and_facts_say_it_in_swedish_once():
    r = sample_report("eskilstuna-ansokan", "sv")
    head = title.html_block(r)
    assert "Förhandsbedömning ·" in head
    said = " ".join(shown_chunks(facts.blocks(r)) + shown_chunks(summary.blocks(r)))
    assert "prövning av ansökan före start" in said
    assert "ex ante" not in head + said


def test_the_english_title_keeps_its_own_term():
    assert "Assessment before start ·" in title.html_block(sample_report("eskilstuna-ansokan", "en"))


# --- 4. the application's main goal says what it counts ---------------------------------------------------------------

@pytest.mark.parametrize("lang, words", [
    # the application (seeds/eskilstuna_specialistteamet_ansokan_2023.txt): "egen försörjning genom annat
    # socialförsäkringssystem (aktivitetsersättning/sjukersättning) eller arbete/studier", which the goal's
    # success_outcomes count (work, work with support, studies, compensation, sickness benefit, other benefit)
    ("sv", "40–50 personer per år till egen försörjning (arbete, studier eller annat socialförsäkringssystem)"),
    ("en", "40–50 persons a year to self-sufficiency (work, studies or another insurance system)"),
])
def test_the_application_checks_main_goal_names_what_it_counts(lang, words):
    r = sample_report("eskilstuna-ansokan", lang)
    shown = [_plain(c) for c in shown_chunks(goals.blocks(r))]
    assert words in shown
    # the same goal of the same project, worded alike in its report of results (one name in the portfolio)
    assert words in [_plain(c) for c in shown_chunks(goals.blocks(sample_report("eskilstuna-specialistteamet", lang)))]


# --- 5. a budget line of dashes says why --------------------------------------------------------------------------

@pytest.mark.parametrize("lang, words", [
    ("sv", "Belopp i löpande priser (Resekostnader: inget belopp angivet, räknas som 0 kr)."),
    ("en", "Amounts in current prices (Resekostnader: no amount given, counted as SEK 0)."),
])
def test_timras_budget_line_without_amounts_is_said_in_words(lang, words):
    from evaltools.present.display import Table
    from evaltools.present.sections import budget
    # the final report's economic table (seeds/timra_vagen_ut_slutrapport_2019.txt) leaves Resekostnader blank in
    # both columns; its row of dashes, without a word, reads as a figure missing from the report
    r = sample_report("timra-vagen-ut", lang)
    [table] = [b for part in budget.blocks(r) for b in part if isinstance(b, Table)]
    row = table.frame[table.frame.iloc[:, 1] == "Resekostnader"].iloc[0]
    assert set(row.iloc[2:]) == {"–"}
    assert [n for n in table.notes if _plain(n) == words]


@pytest.mark.parametrize("pid", ["kompassen-demo", "eskilstuna-ansokan"])
def test_a_budget_whose_every_line_has_an_amount_says_nothing_of_empty_lines(pid):
    from evaltools.present.display import Table
    from evaltools.present.sections import budget
    r = sample_report(pid, "sv")
    [table] = [b for part in budget.blocks(r) for b in part if isinstance(b, Table)]
    assert not [n for n in table.notes if "inget belopp" in n]
    assert table.notes[0] == "Belopp i löpande priser."


# --- 6. the Swedish portfolio tags the application in Swedish too -----------------------------------------------------

@pytest.mark.parametrize("lang, tag, foreign", [("sv", "(förhandsbedömning)", "ex ante"), ("en", "(before start)", "förhandsbedömning")])
def test_the_portfolio_tags_the_application_check_in_its_own_language(lang, tag, foreign, monkeypatch):
    from evaltools.present import portfolio as pf_module
    from evaltools.present.display import Table, Text
    parts: list = []
    monkeypatch.setattr(pf_module, "show", lambda *p: parts.extend(p))
    sample_portfolio(("timra-vagen-ut", "eskilstuna-ansokan"), lang).overview()
    [people, *_] = [p for p in parts if isinstance(p, Table)]
    names = list(people.frame.iloc[:, 0])
    assert [n for n in names if n.endswith(tag)] == [n for n in names if "ansökan" in n or "application" in n]
    said = " ".join(x for p in parts if isinstance(p, Text) for x in [p.heading or "", *p.paragraphs])
    said += " ".join(" ".join(map(str, p.frame.astype(str).to_numpy().ravel())) for p in parts if isinstance(p, Table))
    assert tag in said and foreign not in said
