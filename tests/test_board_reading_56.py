"""The sample reports read as a board reads them after the running period's share stopped being tested
against its target: what the goal table's columns and notes still say about a test it no longer shows."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et

from .conftest import shown_chunks, write_csv
from .test_unseen_projects_55 import _comparison_without_budget

# ten ended between January and June 2022 (6 with a plan, 4 without), two still enrolled
ROWS = [(f"P{i:02d}", "2022-01-10", "2022-06-01", "kvar_försörjningsstöd", "ja" if i <= 6 else "nej") for i in range(1, 11)]
ROWS += [("P11", "2022-03-01", "", "", ""), ("P12", "2022-03-01", "", "", "")]


def _project(tmp_path, data_as_of: str, extra_rows=(), extra_goal: str = ""):
    rows = [{"person_id": p, "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
             "start_date": s, "end_date": e, "outcome": o, "action_plan": a} for p, s, e, o, a in (*ROWS, *extra_rows)]
    write_csv(tmp_path / "data" / "participants.csv", pd.DataFrame(rows))
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 70000, "actual": 60000}])
    (tmp_path / "p.yaml").write_text(f"""\
id: p
title: Handlingsplaner
forbund: Testförbundet
owner: Testkommun
period: {{start: 2022-01-01, planned_end: 2023-12-31}}
data_as_of: {data_as_of}
data: {{participants: data/participants.csv, budget: data/budget.csv}}
goals:
  - id: handlingsplan
    kind: share
    label: 80 % av dem som skrivs ut ska ha en handlingsplan
    target: 0.8
    period: whole_period
    denominator: exits
    numerator: action_plan
{extra_goal}""", encoding="utf-8")
    return tmp_path / "p.yaml"


def _goal_section(path, lang):
    from evaltools.present.display import Table
    from evaltools.present.report import Report
    from evaltools.present.sections import goals
    r = Report(et.load_project(path), lang)
    blocks = goals.blocks(r)
    table = next(p for b in blocks for p in b if isinstance(p, Table))
    return table, " ".join(shown_chunks(blocks)).replace("\u00a0", " ")


@pytest.mark.parametrize("lang,column,p_words", [
    ("sv", "Intervallet mot målet", "p säger hur troligt"),
    ("en", None, "p says how likely"),
])
def test_a_goal_table_whose_shares_all_still_run_speaks_of_no_test(tmp_path, lang, column, p_words):
    """The data end 2023-06-30 and the whole period runs to 2023-12-31: the share so far (6 of 10, exact
    interval 26,2 %–87,8 %) is not tested against its 80 %. The table kept a column of the interval against
    the target holding a dash alone, and its note explained a p that stood nowhere in the report."""
    from evaltools.words.labels import t
    table, words = _goal_section(_project(tmp_path, "2023-06-30"), lang)
    uncertainty = t("uncertainty", lang)
    if column:
        assert uncertainty == column
    assert uncertainty not in table.frame.columns
    assert p_words not in words and "p < 0" not in words
    assert ("26,2 %–87,8 %" if lang == "sv" else "26.2%–87.8%") in words  # the interval itself stays
    running = {"sv": "en period som pågår prövas inte mot målet", "en": "a running period is not tested against the target"}
    assert running[lang] in words
    # nor does the intro explain a verdict ("men osäkert") that no running share can have
    assert ("men osäkert" if lang == "sv" else "but uncertain") not in words


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_goal_table_with_a_tested_share_keeps_its_test_and_its_note(tmp_path, lang):
    """After the end (data to 2024-01-31) the same 6 of 10 is tested: one-sided exact p = P(X <= 6 | 10, 0,8)
    = 0,121, so the column and the note on p stay."""
    from scipy.stats import binom
    from evaltools.words.labels import t
    assert round(binom.cdf(6, 10, 0.8), 3) == 0.121
    table, words = _goal_section(_project(tmp_path, "2024-01-31"), lang)
    assert t("uncertainty", lang) in table.frame.columns
    assert ("p = 0,121" if lang == "sv" else "p = 0.121") in words
    assert ("p säger hur troligt" if lang == "sv" else "p says how likely") in words
    assert ("men osäkert" if lang == "sv" else "but uncertain") in words


@pytest.mark.parametrize("lang,rule", [
    ("sv", "En andel för en period som pågår får sitt intervall men prövas inte mot målet"),
    ("en", "A share for a running period keeps its interval but is not tested against the target"),
])
def test_the_appendix_says_a_running_period_is_not_tested_where_the_table_has_one(tmp_path, lang, rule):
    """The appendix said every share has a one-sided exact test against its target, while the goal table of a
    running project shows none for a running period: the method says the exception the table follows, and only
    in a report that has such a period."""
    from evaltools.present.report import Report
    from evaltools.present.sections import method
    for data_as_of, said in (("2023-06-30", True), ("2024-01-31", False)):
        r = Report(et.load_project(_project(tmp_path, data_as_of)), lang)
        words = " ".join(shown_chunks(method.blocks(r))).replace("\u00a0", " ")
        assert (rule in words) is said, data_as_of


YEARLY = """\
  - id: planer_per_år
    kind: share
    label: Hälften av de avslutade under året har en handlingsplan
    target: 0.5
    period: calendar_year
    denominator: exits
    count_by: exit
    numerator: action_plan
"""


@pytest.mark.parametrize("lang,running", [
    ("sv", "En period som pågår prövas inte mot målet"),
    ("en", "A running period is not tested against the target"),
])
def test_a_running_period_beside_a_tested_one_is_said_not_tested(tmp_path, lang, running):
    """A share per calendar year: 2022 has ended (6 of 10 ended that year with a plan, tested against 50 %:
    P(X >= 6 | 10, 0,5) = 0,377), 2023 runs (5 ended by 2023-06-30, 2 with a plan, no test). The column stays
    for 2022's test, and the note says why 2023 has none."""
    from scipy.stats import binom
    from evaltools.words.labels import t
    assert round(binom.sf(5, 10, 0.5), 3) == 0.377
    later = [(f"Q{i}", "2022-11-01", "2023-03-01", "kvar_försörjningsstöd", "ja" if i <= 2 else "nej") for i in range(1, 6)]
    table, words = _goal_section(_project(tmp_path, "2023-06-30", later, YEARLY), lang)
    assert t("uncertainty", lang) in table.frame.columns
    assert ("p = 0,377" if lang == "sv" else "p = 0.377") in words
    assert running in words


def test_the_english_budget_note_names_the_unit_of_the_blank_lines_zero():
    """Timrå's Resekostnader, blank in both columns: the Swedish note says 'räknas som 0 kr' and the appendix
    'counts as SEK 0', while the English note under the table said 'counted as 0' without its unit."""
    from evaltools.words.text import msg
    sv = msg("budget.amounts_empty", "sv", basis="löpande priser", lines="Resekostnader")
    en = msg("budget.amounts_empty", "en", basis="current prices", lines="Resekostnader")
    assert sv.replace("\u00a0", " ").endswith("räknas som 0 kr).")
    assert en.replace("\u00a0", " ").endswith("counted as SEK 0).")


def test_without_a_budget_neither_the_exit_rates_nor_the_glossary_speak_of_a_cost_benefit_calculation(tmp_path):
    """Page 1 says that without a cost there is no calculation. The note under the exit rates still said
    'Dödvikten i kostnadsnyttoanalysen, 50 %, är jämförelsegruppens andel (25 %) delad med deltagarnas (50 %)', and the
    glossary defined 'Lämnat försörjningsstödet' as 'de avsluten kostnadsnyttokalkylen räknar nyttan på'."""
    from evaltools.present.sections import method, payments
    project = et.load_project(_comparison_without_budget(tmp_path, follow_up=True))
    for lang, words in (("sv", ("kostnadsnytto", "dödvikt")), ("en", ("cost-benefit", "deadweight"))):
        r = et.Report(project, lang=lang)
        shown = " ".join(shown_chunks(payments.blocks(r))).casefold()
        # the exit rates themselves stay: 6 of 12 participants, 5 of 20 in the comparison group
        assert ("50,0 %" if lang == "sv" else "50.0%") in shown.replace("\u00a0", " ")
        assert ("25,0 %" if lang == "sv" else "25.0%") in shown.replace("\u00a0", " ")
        appendix = " ".join(shown_chunks([method.glossary_block(r)])).casefold()
        assert ("lämnat försörjningsstödet" if lang == "sv" else "left social assistance") in appendix
        for word in words:
            assert word not in shown and word not in appendix, (lang, word)
