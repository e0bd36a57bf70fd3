"""A board's reading of the rendered samples in English, thirty-sixth round: the month-by-month table's intervals
written with a dash between two negative amounts ("SEK −168 (−311 – −24)", read as a subtraction) where every other
interval in the report says "to"; a structural project's page 1 that counted a goal reached "but uncertain" simply as
achieved ("two are achieved") where its portfolio row says "but uncertain for one of those reached"; and a budget's
subtotal "Total Year 1" / "Summa År 1" with the period's capital in the middle of the phrase. Each case is built
here from its own figures (no sample's params or data); expected values are written out by hand."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from evaltools.words import text


def _plain(s: str) -> str:
    return s.replace("\u00a0", " ").replace("\u202f", " ")


# --- 1. the month-by-month table says "to" between an interval's ends, as the rest of the report does -----------
@pytest.mark.parametrize("lang, said", [("en", "SEK −2,038 (−2,182 to −1,894)"),
                                        ("sv", "−2 038 kr (−2 182 till −1 894)")])
def test_an_event_study_cell_says_to_between_two_negative_ends(lang, said):
    from evaltools.present.sections.payments import event_study_cell
    # a difference of −2 038 kr a household-month with its 95 % interval −2 182 to −1 894 kr: with a dash the
    # cell read "(−2 182 – −1 894)", a minus sign on each side of a dash
    cell = event_study_cell(-2038.0, -2182.0, -1894.0, lang, lambda key, **v: text.msg(key, lang, **v))
    assert _plain(cell) == said


def test_a_hidden_event_study_cell_stays_hidden():
    from evaltools.present.sections.payments import event_study_cell
    assert event_study_cell(float("nan"), float("nan"), float("nan"), "en", lambda key, **v: text.msg(key, "en", **v)) == ".."


@pytest.mark.parametrize("lang, word", [("en", " to "), ("sv", " till ")])
def test_the_month_by_month_table_has_no_dash_between_an_intervals_ends(monkeypatch, lang, word):
    from evaltools.present.display import Table
    from evaltools.present.sections import payments
    # two months, the reference month −4 and the start month 0, each group's mean with its interval
    es = pd.DataFrame({"event_time": [-4, 0],
                       "participants": [10218.0, 9830.0], "participants_low": [9974.0, 9574.0],
                       "participants_high": [10462.0, 10087.0],
                       "comparison": [10234.0, 11885.0], "comparison_low": [10097.0, 11741.0],
                       "comparison_high": [10371.0, 12028.0],
                       "difference": [0.0, -2038.0], "difference_low": [0.0, -2182.0], "difference_high": [0.0, -1894.0]})
    r = SimpleNamespace(lang=lang, msg=lambda key, **v: text.msg(key, lang, **v),
                        payments=SimpleNamespace(event_study=es, anticipation_months=3))
    monkeypatch.setattr(payments, "plot_event_study", lambda pay, lang: None)  # (the chart is not what is read here)
    (table,) = [b for b in payments.event_study_blocks(r) if isinstance(b, Table)]
    cells = [_plain(v) for column in table.frame.columns[1:] for v in table.frame[column]]
    assert len(cells) == 6 and all(word in c and " – " not in c for c in cells), cells
    # the start month's difference: −2 038 between −2 182 and −1 894, as the analysis gave it
    assert _plain(table.frame.iloc[1, 3]) == ("SEK −2,038 (−2,182 to −1,894)" if lang == "en" else "−2 038 kr (−2 182 till −1 894)")


# --- 2. page 1's count of a project's own goals says which of the reached are reached "but uncertain" ----------
def _stub(lang: str):
    c = text.catalog(lang)
    return SimpleNamespace(msg=c.msg, plural=c.plural, words=c)


@pytest.mark.parametrize("lang, counts, n, said", [
    # Samverkan i praktiken's shape: four own goals, three judged; two reached, one of them "but uncertain"
    # (a questionnaire share whose response rate is under half), one partly; the fourth not assessed
    ("en", (3, 2, 1, 0, 1), 4,
     "Of the four goals the project set itself, two are achieved (but uncertain for one of them) and one is partly achieved; "
     "one is not assessed."),
    ("sv", (3, 2, 1, 0, 1), 4,
     "Av projektets fyra egna mål är två uppnådda (men osäkert för ett av dem) och ett delvis uppnått; "
     "ett är inte bedömt."),
    # two goals, both judged: the one reached is uncertain, the other not reached
    ("en", (2, 1, 0, 1, 1), 2, "Of the two goals the project set itself, one is achieved (but uncertain) and one is not achieved."),
    ("sv", (2, 1, 0, 1, 1), 2, "Av projektets två egna mål är ett uppnått (men osäkert) och ett inte uppnått."),
    # three goals, all reached, all of them uncertain
    ("en", (3, 3, 0, 0, 3), 3, "Of the three goals the project set itself, three are achieved (but uncertain for all of them)."),
    ("sv", (3, 3, 0, 0, 3), 3, "Av projektets tre egna mål är tre uppnådda (men osäkert för alla)."),
    # nothing uncertain: the count as before
    ("en", (3, 2, 1, 0, 0), 3, "Of the three goals the project set itself, two are achieved and one is partly achieved."),
    ("sv", (3, 2, 1, 0, 0), 3, "Av projektets tre egna mål är två uppnådda och ett delvis uppnått."),
])
def test_page_ones_goal_count_says_how_many_of_the_reached_are_uncertain(lang, counts, n, said):
    from evaltools.analysis.goals import GoalCount
    from evaltools.present.sections.kind import own_goals_sentence
    judged, reached, partly, not_reached, uncertain = counts
    count = GoalCount(judged=judged, reached=reached, partly=partly, not_reached=not_reached, uncertain=uncertain,
                      running=0)
    assert _plain(own_goals_sentence(_stub(lang), count, n)) == said


def test_page_ones_count_and_the_portfolio_count_the_same_uncertain_goals():
    # the same verdicts counted once (analysis.goals.count_goals): two reached, one of them "but uncertain", one
    # partly; page 1 and the portfolio both say the one uncertain
    from evaltools.analysis.goals import GoalVerdict, count_goals
    from evaltools.present.sections.kind import own_goals_sentence
    verdicts = [GoalVerdict.REACHED, GoalVerdict.REACHED_UNCERTAIN, GoalVerdict.PARTLY]
    count = count_goals(verdicts)
    assert (count.reached, count.uncertain, count.partly) == (2, 1, 1)
    assert "(but uncertain for one of them)" in own_goals_sentence(_stub("en"), count, 3)


# --- 3. a budget's subtotal per project year says the year in lower case, inside its phrase --------------------
@pytest.mark.parametrize("lang, period, said", [
    ("en", "år 1", "year 1"), ("sv", "år 1", "år 1"),
    ("en", "hela", "whole period"), ("sv", "hela", "hela perioden"),
    ("en", "2024", "2024"), ("sv", "2024", "2024"),
])
def test_a_budget_subtotal_names_its_period_in_lower_case(lang, period, said):
    from evaltools.present.sections.budget import _period_in_text
    assert _plain(_period_in_text(period, lang)) == said
    # the subtotal's label as the table shows it: "Total year 1", "Summa år 1", never "Summa År 1"
    label = text.msg("budget.total_period", lang, period=_period_in_text(period, lang))
    assert _plain(label) == ("Total " if lang == "en" else "Summa ") + said


def test_a_budget_table_of_project_years_shows_total_year_in_lower_case(tmp_path):
    import evaltools as et
    from evaltools.present.display import Table
    from evaltools.present.sections import budget

    from .conftest import write_csv
    from .test_unseen_projects import _params, _person
    # a two-year project with its budget per project year (år 1, år 2): each year has its subtotal row
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 11)])
    write_csv(tmp_path / "data/budget.csv",
              [{"period": "år 1", "category": "Personal", "budget": 500_000, "actual": 480_000},
               {"period": "år 2", "category": "Personal", "budget": 500_000, "actual": 490_000}])
    body = """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        granted_sek: 1000000
        data: {participants: data/participants.csv, budget: data/budget.csv}
        """
    for lang, expected in (("en", ["Total year 1", "Total year 2"]), ("sv", ["Summa år 1", "Summa år 2"])):
        r = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
        (table,) = [b for b in budget.blocks(r)[0] if isinstance(b, Table)][:1]
        labels = [_plain(v) for v in table.frame.iloc[:, 1] if _plain(str(v)).startswith(("Total", "Summa"))]
        assert labels[:2] == expected, labels
