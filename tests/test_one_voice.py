"""One account of a project: the same goal verdicts and key figures on page 1, in the goal section, in
the workbook and its CSV files and in the portfolio, for every sample and for a generated project.

Each check reads what a reader reads (page 1's sentences, the goal table's cells, the exported
files) and compares it with the one object the analysis computed, worded by the one function that
words it."""
import re

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.goals import GoalStatus, GoalVerdict
from evaltools.present.figures import report_figures
from evaltools.present.results import goal_table_frame
from evaltools.present.sections import summary
from evaltools.present.sections.evaluator import figure_text
from evaltools.words.labels import t
from evaltools.words.verdicts import status_words, verdict_words

from .conftest import sample_portfolio, sample_report

SAMPLES = ["timra-vagen-ut", "eskilstuna-specialistteamet", "eskilstuna-ansokan", "kompassen-demo", "nasta-steg",
           "samverkan-i-praktiken", "sprangbradan-demo"]


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("\u00a0", " ")


def _page_one(report) -> list[str]:
    return [_plain(s) for _q, _part, sentences in summary.answers(report) for s in sentences]


@pytest.fixture(scope="module", params=[(pid, lang) for pid in SAMPLES for lang in ("sv", "en")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def report(request):
    pid, lang = request.param
    return sample_report(pid, lang)


@pytest.fixture(scope="module")
def exported(report, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    et.export_report(report, out)
    return out


def _own_goals(report) -> pd.DataFrame:
    tab = report.goals.table
    return tab[tab["source"] == "ansökan"] if len(tab) else tab


def test_every_goal_has_one_verdict_on_page_one(report):
    lines = _page_one(report)
    for gid, rows in _own_goals(report).groupby("goal_id", sort=False):
        verdict = GoalVerdict(rows["verdict"].iloc[0])
        assert rows["verdict"].nunique() == 1  # one verdict per goal, on every row of the goal
        label = rows["label"].iloc[0].rstrip(".")
        line = next((s for s in lines if s.startswith(label)), None)
        if report.kind == "ansökan" or line is None:  # an application's goals are counted, not listed, on page 1
            continue
        words = verdict_words(verdict, report.lang)
        assert words.lower() in line.lower(), (gid, words, line)
        others = {verdict_words(v, report.lang).lower() for v in GoalVerdict} - {words.lower()}
        # no other verdict's words after the label (e.g. "uppnått" beside "uppnått, men osäkert" is the same verdict)
        head = line[len(label):].split("–")[0].strip(" :").lower()
        assert head == words.lower() or not any(head == o for o in others), (gid, head, words)


def test_the_goal_table_shows_each_periods_status_in_the_same_words(report):
    tab = report.goals.table
    if tab.empty:
        return
    frame = goal_table_frame(report.goals, report.lang, report.params.privacy.min_count)
    status_col = t("status", report.lang)
    shown = list(frame[status_col])
    expected = [status_words(s, report.lang) for s in tab.loc[tab["kind"] != "context", "status"]]
    assert shown == expected


def test_the_workbook_and_its_csv_carry_the_same_statuses_and_verdicts(report, exported):
    tab = report.goals.table
    if tab.empty:
        return
    data = pd.read_csv(exported / "tables-data" / "mal.csv")
    assert list(data["status"]) == [str(GoalStatus(s)) for s in tab["status"]]
    assert list(data["verdict"]) == [str(GoalVerdict(v)) for v in tab["verdict"]]
    wb = openpyxl.load_workbook(next(exported.glob("*-tabeller.xlsx")), read_only=True)
    words = {status_words(s, report.lang) for s in tab["status"]}
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None}
    assert words <= cells, words - cells


def test_page_one_states_the_key_figures_as_their_figures_say(report):
    text = " ".join(_page_one(report))
    figures = report_figures(report)
    for name in ("kostnad_totalt", "kostnad_per_deltagare", "kostnad_per_lyckat_utfall", "andel_av_budget"):
        if name in figures:
            shown = figure_text(figures[name], report.lang).replace("\u00a0", " ")
            assert shown in text, (name, shown)


def test_a_probability_on_page_one_names_its_horizon(report):
    simulated = re.compile(r"simuleringarna|simulations")
    horizon = re.compile(r"\b(\d+|ett|två|tre|fyra|fem|one|two|three|four|five) (år|years?)\b")
    for sentence in _page_one(report):
        if simulated.search(sentence) and "%" in sentence:
            assert horizon.search(sentence), sentence


def test_the_portfolio_gives_each_goal_the_reports_verdict():
    portfolio = sample_portfolio(tuple(SAMPLES), "sv")
    rows = portfolio.goals
    assert len(rows)
    for pid in SAMPLES:
        own = _own_goals(sample_report(pid, "sv"))
        own = own[own["kind"] != "context"].drop_duplicates("goal_id")
        assert [str(v) for v in rows.loc[rows["id"] == pid, "verdict"]] == [str(v) for v in own["verdict"]], pid
    shown = portfolio.goal_table()
    # the report's word for each verdict, said to hold for the periods that ended where one still runs
    for cell, verdict, so_far in zip(shown.iloc[:, -1], rows["verdict"], rows["verdict_so_far"]):
        assert cell.startswith(verdict_words(verdict, "sv")) and ("pågår" in cell) == bool(so_far), cell
