"""Page by page as the board reads the samples, a seventy-second time, in Swedish and in English: the portfolio's
chart drew an application's cost per participant (its budget over the participants it expects) as a solid bar among
the outturns, under a name that did not say it was an application (the tables say "förhandsbedömning"), and its
alternative text gave that cost as if it were an outturn; the structural project's row read "–, – per deltagare".
Expected words are the catalog's as a reader should see them; figures are worked out by hand from the params files.
"""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from evaltools.present import plots
from evaltools.present.display import Text

from .conftest import sample_portfolio

matplotlib.use("Agg")
NBSP = "\u00a0"


def _plain(text: str) -> str:
    return " ".join(str(text).replace(NBSP, " ").split())


def _table() -> pd.DataFrame:
    # an ended project (Vägen ut: 31 of 52, 1 128 000 kr over 52 participants), a structural project (no participants:
    # neither a share nor a cost per participant) and an application (3 863 075 kr over the 248 participants
    # params/eskilstuna-ansokan.yaml expects: 90 + 90 + 68)
    return pd.DataFrame({
        "title": ["Avslutat", "Strukturinriktat", "Ansökan"],
        "mode": ["individ", "structural", "ex_ante"],
        "success_rate": [31 / 52, np.nan, np.nan], "ci_low": [0.451, np.nan, np.nan], "ci_high": [0.730, np.nan, np.nan],
        "cost_per_participant": [1_128_000 / 52, np.nan, 3_863_075 / 248]})


def _bar_for(fig, value: float):
    cost = fig.axes[1]
    [bar] = [b for b in cost.patches if abs(b.get_width() - value) < 0.5]
    return bar


# --- 1. an application's bar is drawn as what it is: expected, not an outturn -----------------------------------------

def test_the_portfolio_chart_hatches_an_applications_bar_and_not_an_outturns():
    fig = plots.plot_portfolio(_table(), "sv")
    applied, ended = _bar_for(fig, 3_863_075 / 248), _bar_for(fig, 1_128_000 / 52)
    assert applied.get_hatch() == "///" and not ended.get_hatch()
    assert applied.get_facecolor() != ended.get_facecolor()


@pytest.mark.parametrize("lang, expected, none", [
    ("sv", "Ansökan: –, 15 577 kr per deltagare (förväntat enligt ansökan)", "Strukturinriktat: inga egna deltagare"),
    ("en", "Ansökan: –, SEK 15,577 per participant (expected according to the application)",
     "Strukturinriktat: no participants of its own"),
])
def test_the_portfolio_charts_text_says_an_applications_cost_is_expected_and_a_structural_project_has_no_participants(
        lang, expected, none):
    fig = plots.plot_portfolio(_table(), lang)
    alt = _plain(fig.et_alt)
    assert expected in alt
    assert none in alt and "–, –" not in alt
    ended = "Avslutat: 59,6 %" if lang == "sv" else "Avslutat: 59.6%"
    assert ended in alt and ("21 692 kr per deltagare." if lang == "sv" else "SEK 21,692 per participant.") in alt


# --- 2. the chart names an application and a structural project as the tables do --------------------------------------

@pytest.mark.parametrize("lang, applied, structural", [
    ("sv", "Specialistteamet – prövning av ansökan (förhandsbedömning)",
     "Samverkan i praktiken (fiktivt exempel; strukturinriktad)"),
    ("en", "Specialistteamet – application check (before start)",
     "Collaboration in Practice (fictional example; structural)"),
])
def test_the_portfolio_chart_names_an_application_and_a_structural_project_as_its_tables_do(lang, applied, structural):
    # params/eskilstuna-ansokan.yaml is an application (kind: ansökan), samverkan-i-praktiken.yaml a structural project
    pf = sample_portfolio(("eskilstuna-ansokan", "samverkan-i-praktiken", "timra-vagen-ut"), lang)
    # (the portfolio lists the applications after the projects with results)
    assert pf.chart_titles() == [structural, "Vägen ut för sjukskrivna", applied]


@pytest.mark.parametrize("lang, words", [("sv", "En ansökans stapel är randig."),
                                         ("en", "An application's bar is hatched.")])
def test_the_portfolio_charts_caption_says_which_bar_is_hatched_only_where_one_is(lang, words, monkeypatch):
    from evaltools.present import portfolio as pf_module
    parts: list = []
    monkeypatch.setattr(pf_module, "show", lambda *p: parts.extend(p))
    sample_portfolio(("timra-vagen-ut", "eskilstuna-ansokan"), lang).charts()
    [caption] = [p.paragraphs[0] for p in parts if isinstance(p, Text) and p.heading]
    assert words in _plain(caption)
    parts.clear()
    sample_portfolio(("timra-vagen-ut",), lang).charts()
    [caption] = [p.paragraphs[0] for p in parts if isinstance(p, Text) and p.heading]
    assert words not in _plain(caption)


# --- 3. the state's EU contribution is said one way in every note on who bears the cost ---------------------------------

@pytest.mark.parametrize("key, values", [
    ("costbenefit.actor_note", {"basis": "present value"}),
    ("costbenefit.actor_note_measured", {"basis": "present value"}),
    ("costbenefit.actor_note_structural", {"basis": "present value", "total": "SEK 1", "current": "current prices",
                                           "pv": "SEK 1"}),
    ("budget.funders_note_eu", {}),
])
def test_every_english_note_on_eu_funds_names_the_states_contribution_alike(key, values):
    # the application check's table per actor said "Sweden's EU contribution", the other samples' "Sweden's
    # contribution to the EU"
    from evaltools.words.text import msg
    en = msg(key, "en", **values)
    assert "Sweden's contribution to the EU" in en and "EU contribution" not in en


# --- 4. the portfolio's workbook carries each goal's verdict, as the overview's goal table shows it ---------------------

@pytest.mark.parametrize("lang, rows", [
    ("sv", [("timra-vagen-ut", "Vägen ut för sjukskrivna",
             "Minst 50 personer ska handläggas av utsedd handläggare per år", "Inte uppnått"),
            ("timra-vagen-ut", "Vägen ut för sjukskrivna",
             "Ökad kompetens hos berörda myndigheter om målgruppen", "Inte bedömt"),
            ("samverkan-i-praktiken", "Samverkan i praktiken (fiktivt exempel)",
             "Minst 70 % av handläggarna känner till varandras uppdrag och regelverk", "Uppnått, men osäkert")]),
    ("en", [("timra-vagen-ut", "Vägen ut för sjukskrivna",
             "At least 50 persons handled by the designated case worker per year", "Not achieved"),
            ("samverkan-i-praktiken", "Collaboration in Practice (fictional example)",
             "At least 70% of case workers know each other's missions and rules", "Achieved, but uncertain")]),
])
def test_the_portfolio_workbook_has_each_goals_verdict_as_the_overview_says_it(lang, rows, tmp_path):
    """The overview's goal table gave each goal its verdict, but the portfolio's workbook had no goal at all: a
    reader of the workbook could not find what the overview says of a goal."""
    import openpyxl

    from evaltools.publish.workbook import export_portfolio
    # Vägen ut: 37 handled in year 1 (target 50) and 15 in the 8.5 months of year 2 (target 35, 80 % of it 28):
    # not achieved in either; its goal of more knowledge is not followed up (params/timra-vagen-ut.yaml).
    # Samverkan: 164 of 212 answers (77.4 %) against 70 %, from 212 of 450 asked (47 %, below half): uncertain
    pf = sample_portfolio(("timra-vagen-ut", "samverkan-i-praktiken"), lang)
    export_portfolio(pf, tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "portfolio.xlsx")
    title = "Måluppfyllelse" if lang == "sv" else "Goal fulfilment"
    assert title in wb.sheetnames
    ws = wb[title]
    found = [tuple(_plain(v) for v in row) for row in ws.iter_rows(min_row=2, values_only=True)]
    for row in rows:
        assert tuple(_plain(v) for v in row) in found
    # every goal the overview's table lists, with the same verdict
    table = pf.goal_table()
    assert [(g, v) for _, _, g, v in found] == [(_plain(g), _plain(v)) for g, v in zip(table.iloc[:, 1], table.iloc[:, 2])]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("key", ["time.intro", "time.no_shares", "time.no_shares_median"])
def test_the_two_ways_of_ending_read_as_two_where_the_measure_has_an_or_of_its_own(key, lang):
    """'Gått till arbete, studier eller en ersättning' as the measure read "– gått till arbete, studier eller en
    ersättning eller annat avslut": the list's last 'eller' ran into the second way. The two ways are set apart
    ('dels …, dels annat avslut'; ', or another exit')."""
    from evaltools.words.text import msg
    measure = {"sv": "gått till arbete, studier eller en ersättning",
               "en": "went to work, studies or a benefit"}[lang]
    said = " ".join(msg(key, lang, measure=measure, k="5").split())
    two = {"sv": f"dels {measure}, dels annat avslut", "en": f"{measure}, or another exit"}[lang]
    assert two in said, said
