"""Where persons, enrolments, groups and the portfolio met and the words did not follow the figures: the ended
called participants where some came back, a chart of outcomes labelled as all who ended while it counts the
share goal's base, a net cost said of a surplus, a rates row of hidden marks beside a note that such rows are
left out, and the privacy of group goals and of a few who came back. Each fixture is a tiny project written in
tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import evaltools as et
from evaltools.present import sections
from evaltools.words.text import msg

from .conftest import shown_chunks, write_csv

HEAD = """\
id: k10
title: Tillbaka igen
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2023-01-01, planned_end: 2024-12-31}
granted_sek: 1000000
data: {participants: data/participants.csv, budget: data/budget.csv}
data_as_of: 2025-01-31
goals:
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete
    target: 0.3
    denominator: exits
    success_outcomes: [arbete]
"""
BUDGET = [{"period": "hela", "category": "Personal", "budget": 1_000_000, "actual": 1_000_000}]  # (``cost``)


def _row(i: int, start: str, end: str, outcome: str) -> dict:
    return {"person_id": f"U{i:03d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1990,
            "household_type": "ensamstående", "start_date": start, "end_date": end, "outcome": outcome}


def project(root: Path, back: int, params: str = HEAD, n: int = 20, moved: tuple[int, ...] = (),
            cost: int = 1_000_000) -> Path:
    """``n`` persons U000-U019 (n = 20) enrolled 2023-02-01 to 2023-06-30, every third (U000, U003, ..., U018: 7)
    to work, those numbered in ``moved`` moved away, the rest to a drop-out; the first ``back`` of them enrolled
    again 2023-09-01 to 2024-03-31, the even ones to work, the odd ones to studies. Every enrolment has ended:
    n + ``back`` ended enrolments of n persons. Odd numbers are women, even ones men."""
    rows = [_row(i, "2023-02-01", "2023-06-30", "flyttat" if i in moved else "arbete" if i % 3 == 0 else "avbrott")
            for i in range(n)]
    rows += [_row(i, "2023-09-01", "2024-03-31", "arbete" if i % 2 == 0 else "studier") for i in range(back)]
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/budget.csv", [{**BUDGET[0], "budget": cost, "actual": cost}])
    path = root / "k10.yaml"
    path.write_text(params, encoding="utf-8")
    return path


def _workbook_rows(report: et.Report, out: Path) -> dict[str, list[tuple]]:
    from evaltools.publish.workbook import export_report
    xlsx = next(f for f in export_report(report, out) if f.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx)
    return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}


# --- 1. the ended are called enrolments wherever someone came back ----------------------------------------------
@pytest.mark.parametrize("lang, ended, rates_column, described", [
    ("sv", "Avslutade inskrivningar (den som skrevs in mer än en gång räknas för varje avslut)",
     "Avslutade inskrivningar", "bland avslutade inskrivningar"),
    ("en", "Enrolments that ended (a person enrolled more than once counts for each exit)",
     "Enrolments that ended", "among enrolments that ended"),
])
def test_the_workbook_calls_the_ended_enrolments_where_some_came_back(tmp_path, lang, ended, rates_column, described):
    # 6 of the 20 persons came back: 20 + 6 = 26 ended enrolments beside 20 participants
    report = et.Report(project(tmp_path, back=6), lang=lang)
    sheets = _workbook_rows(report, tmp_path / "out")
    key_figures = dict(r[:2] for r in sheets[msg("workbook.sheets.kostnad_nytta.title", lang)])
    assert key_figures[ended] == 26
    assert key_figures["Deltagare" if lang == "sv" else "Participants"] == 20
    rates_title = msg("workbook.sheets.utfall_per_grupp.title", lang)
    assert rates_column in sheets[rates_title][0]
    about = [r[1] for r in next(iter(sheets.values())) if r[0] == rates_title]  # (the first sheet: what each holds)
    assert len(about) == 1 and described in about[0]


def test_the_report_rates_table_calls_them_enrolments_as_page_one_does(tmp_path):
    report = et.Report(project(tmp_path, back=6), lang="sv")
    page1 = [c.replace("\u00a0", " ") for c in shown_chunks(sections.summary.blocks(report))]
    # page 1: 7 + 3 (U000, U002, U004 back to work) = 10 successes of 26 ended enrolments = 38.5 %
    assert any(c.startswith("Av 26 avslutade inskrivningar slutade 10 (38,5 %)") for c in page1)
    # (every row of the rates table is hidden here, and its one age group, household type and intake year are no
    # comparison: the section says so in a sentence, and its introduction counts the enrolments)
    chunks = " ".join(shown_chunks(sections.outcomes.blocks(report)))
    assert "Utfall för de 26 avslutade inskrivningarna" in chunks and "avslutade deltagare" not in chunks.lower()


def test_without_anyone_coming_back_the_ended_stay_participants(tmp_path):
    report = et.Report(project(tmp_path, back=0), lang="sv")
    sheets = _workbook_rows(report, tmp_path / "out")
    key_figures = dict(r[:2] for r in sheets["Kostnad och nytta"])
    assert key_figures["Avslutade deltagare"] == 20
    assert "Avslutade deltagare" in sheets["Utfall per grupp"][0]
    assert "Utfall för de 20 som avslutat sin insats." in shown_chunks(sections.outcomes.blocks(report))


# --- 2. the chart's line for all who ended counts the main goal's base and says so -------------------------------
MOVED = HEAD.replace("    success_outcomes: [arbete]\n", "    success_outcomes: [arbete]\n    exclude_from_denominator: [flyttat]\n")


@pytest.mark.parametrize("lang, said", [
    ("sv", "Alla avslutade utom utfallet flyttat: 40,0 %."),
    ("en", "All who ended except those marked as moved away: 40.0%."),
])
def test_the_chart_of_outcomes_names_the_exits_its_line_leaves_out(tmp_path, lang, said):
    # 40 persons, five men U002, U004, U008, U010 and U014 moved (none a multiple of 3): the goal's base is 35 exits;
    # to work every third, U000, U003, ..., U039: 14. 14 / 35 = 40.0 %, not 14 / 40 = 35.0 %. (Five moved, all men:
    # the sexes' rows, 7 of 20 women and 7 of 15 men, give no small count of those who moved, and are drawn.)
    report = et.Report(project(tmp_path, back=0, params=MOVED, n=40, moved=(2, 4, 8, 10, 14)), lang=lang)
    (fig,) = sections.outcomes.rates_chart(report)
    assert said in fig.et_alt.replace("\u00a0", " ")
    assert any(t.get_text().replace("\u00a0", " ") == said.rstrip(".") for t in fig.axes[0].get_yticklabels())


def test_the_chart_of_a_project_that_leaves_no_exit_out_says_all_who_ended(tmp_path):
    # the same 40 without anyone who moved: 14 of 40 = 35.0 %
    report = et.Report(project(tmp_path, back=0, params=MOVED, n=40), lang="sv")
    (fig,) = sections.outcomes.rates_chart(report)
    assert "Alla avslutade: 35,0 %." in fig.et_alt.replace("\u00a0", " ")


# --- 3. the portfolio's note on society's NPV follows the sign of the public result ------------------------------
def _portfolio(tmp_path, lang: str, costs: dict[str, int]):
    from evaltools.present.portfolio import Portfolio
    paths = []
    for pid, cost in costs.items():
        paths.append(project(tmp_path / pid, back=0, cost=cost, params=HEAD.replace("id: k10\ntitle: Tillbaka igen",
                                                                                     f"id: {pid}\ntitle: Projekt {pid}")))
    return Portfolio(paths, lang=lang)


@pytest.mark.parametrize("lang, said", [
    ("sv", "skattefaktor på den offentliga nettokostnaden, eller på det offentliga överskottet för Projekt billig, "
           "där de offentliga finansiärerna går plus)."),
    ("en", "tax factor on the public net cost, or on the public surplus for Projekt billig, where the public "
           "financiers come out ahead)."),
])
def test_the_portfolio_names_the_projects_whose_public_budgets_come_out_ahead(tmp_path, monkeypatch, lang, said):
    # the same 20 persons, 7 of them to work, at 10 000 kr and at 20 million kr: 7 exits from försörjningsstöd
    # save the public far more than 10 000 kr and far less than 20 million
    pf = _portfolio(tmp_path, lang, {"billig": 10_000, "dyr": 20_000_000})
    npv = dict(zip(pf.table["id"], pf.table["npv_public"]))
    assert npv["billig"] > 0 > npv["dyr"]
    shown: list = []
    monkeypatch.setattr("evaltools.present.portfolio.show", lambda *parts: shown.extend(parts))
    pf.overview()
    notes = [n.replace("\n", " ") for n in shown_chunks([shown]) if n.startswith(("Kostnaden är utfallet", "The cost is the actual"))]
    assert len(notes) == 1 and said in notes[0]


def test_the_portfolio_of_projects_at_a_net_cost_says_net_cost(tmp_path):
    pf = _portfolio(tmp_path, "sv", {"dyr": 20_000_000})
    assert pf.skattefaktor_on() == "på den offentliga nettokostnaden"
    pf = _portfolio(tmp_path / "b", "sv", {"billig": 10_000})
    assert pf.skattefaktor_on() == "på det offentliga överskottet, där de offentliga finansiärerna går plus"


# --- 4. a row shows the number ended where hiding it protects nothing ------------------------------------------
# (changed with the rate table's rule: a row of marks only is left out, and a hidden row's number ended is shown
# where every one of its enrolments has ended; the note on rows of a lone "<5" is gone)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_row_showing_only_a_small_count_shows_its_ended_where_all_have_ended(tmp_path, lang):
    from evaltools.present.display import Table
    # 6 came back. Women (odd numbers, 10): 10 exits + U001, U003, U005 back to studies = 13 exits, to work U003,
    # U009, U015 = 3 (<5). Men (10): 10 + U000, U002, U004 back to work = 13 exits, to work U000, U006, U012, U018
    # and the three back = 7. The women's 3 is shown as <5, their share hidden beside it (..); the men's count
    # would give the women's from the total (10 - 7 = 3), so it is hidden too. Everyone has ended (none still
    # enrolled, a zero): each row's 13 ended is the group's enrolments, and hiding it would protect no count.
    report = et.Report(project(tmp_path, back=6), lang=lang)
    sex = report.rates.table[report.rates.table["variable"] == "sex"]
    assert [[str(v) for v in row] for row in sex[["category", "n", "successes", "rate"]].itertuples(index=False)] == [
        ["kvinna", "13", "<5", ".."], ["man", "13", "..", ".."]]
    # no share is shown (and the one age group, household type and intake year are no comparison): the section says
    # so in a sentence instead of a table of marks
    said = " ".join(shown_chunks(sections.outcomes.blocks(report)))
    assert msg("outcomes.none_shown", lang, k="5").split(":")[0] in said
    tables = [b for g in sections.outcomes.blocks(report) for b in g if isinstance(b, Table)]
    assert not any("<5 st" in n or "<5 stays" in n for t in tables for n in t.notes)


# --- 5a. a group's goal is part of the differencing check --------------------------------------------------------
GROUP = HEAD.replace("""goals:
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete
    target: 0.3
    denominator: exits
    success_outcomes: [arbete]
""", """goals:
  - id: arbete
    kind: outcome_count
    label: Minst 5 till arbete
    target: 5
    period: whole_period
    success_outcomes: [arbete]
  - id: kvinnor
    kind: share
    label: Minst 30 % av kvinnorna som avslutat ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
    among: {sex: kvinna}
""")


def _group_project(root: Path, men_to_work: int) -> Path:
    # women W01-W10: 4 to work, 6 drop-outs; men M01-M08: ``men_to_work`` to work, the rest drop-outs
    rows = [{**_row(i, "2023-02-01", "2023-06-30", "arbete" if i < 4 else "avbrott"), "person_id": f"W{i:02d}",
             "sex": "kvinna"} for i in range(10)]
    rows += [{**_row(i, "2023-02-01", "2023-06-30", "arbete" if i < men_to_work else "avbrott"),
              "person_id": f"M{i:02d}", "sex": "man"} for i in range(8)]
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/budget.csv", BUDGET)
    (root / "k10.yaml").write_text(GROUP, encoding="utf-8")
    return root / "k10.yaml"


def test_a_group_goal_beside_the_number_ended_withholds_it_where_few_outside_the_group_did_not_succeed(tmp_path):
    from evaltools.analysis.disclosure import Secondary
    # published goals: 9 to work (4 women + 5 men) over everyone, and the women's 4 of 10 exits. Beside them the
    # number ended (18) would give the men: 18 - 10 = 8 exits, 9 - 4 = 5 to work, so 8 - 5 = 3 did not: fewer
    # than 5 persons' outcomes. The number ended (and page 1's successes of the ended, which state it) goes.
    report = et.Report(_group_project(tmp_path, men_to_work=5), lang="sv")
    raw = report.goals.raw.set_index("goal_id")
    assert (raw.loc["kvinnor", "numerator"], raw.loc["kvinnor", "denominator"], raw.loc["arbete", "value"]) == (4, 10, 9)
    assert {Secondary.ENDED, Secondary.SUCCESSES} <= report.disclosure.withheld


def test_a_group_goal_whose_outside_is_large_enough_withholds_nothing(tmp_path):
    from evaltools.analysis.disclosure import Secondary
    # men 0 to work: 18 ended, 4 to work; outside the group 8 exits, 0 to work and 8 not (a zero tells nothing
    # of a person; 8 is not small). The number ended and the successes stay (the 4 who left försörjningsstöd,
    # the cost-benefit's count, are withheld as small on their own).
    report = et.Report(_group_project(tmp_path, men_to_work=0), lang="sv")
    assert not {Secondary.ENDED, Secondary.ONGOING, Secondary.SUCCESSES} & report.disclosure.withheld
