"""Goal fulfilment against the Timrå final report, computed by hand from the report."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
import pytest
from scipy.stats import beta

import evaltools as et
from evaltools.words.labels import goal_note, period_label
from evaltools.analysis import goals as goals_module

from evaltools.analysis.goals import GoalStatus, GoalVerdict, IntervalVerdict

from .conftest import PARAMS


@pytest.fixture(scope="module")
def timra_goals():
    return et.assess_goals(et.load_project(PARAMS / "timra-vagen-ut.yaml")).table.set_index(["goal_id", "period_key"])


def test_timra_counts_and_targets(timra_goals):
    g = timra_goals
    assert g.loc[("handlagda", "år1"), "value"] == 37 and g.loc[("handlagda", "år1"), "target"] == 50
    assert g.loc[("handlagda", "år2"), "value"] == 15
    assert g.loc[("självförsörjande", "år1"), "value"] == 18
    assert g.loc[("självförsörjande", "år2"), "value"] == 13
    # the report answers "Nej" to both count goals in both years
    assert set(g.loc[["handlagda", "självförsörjande"], "status"]) == {"ej_uppnått"}


def test_timra_year_two_target_is_prorated_for_the_months_run(timra_goals):
    # year 2 ran 2019-02-01..2019-10-15: 257 of 365 days
    days = (dt.date(2019, 10, 15) - dt.date(2019, 2, 1)).days + 1
    assert days == 257
    row = timra_goals.loc[("handlagda", "år2")]
    # the project really ended (actual_end 2019-10-15): cut, not running; the target for that time in
    # whole persons, halves up, as shown and compared: 50 * 257/365 = 35,2 -> 35; 25 * 257/365 = 17,6 -> 18
    assert row["cut"] and not row["running"] and row["target_prorated"] == 35
    assert timra_goals.loc[("självförsörjande", "år2"), "target_prorated"] == 18
    period = SimpleNamespace(period_key="år2", period_first=row["period_first"], period_last=row["period_last"],
                             observed_last=row["observed_last"])
    assert period_label(period, "sv") == "År 2 (2019-02-01 – 2019-10-15)"


def test_timra_shares_with_exact_intervals(timra_goals):
    y1 = timra_goals.loc[("andel_självförsörjande", "år1")]
    y2 = timra_goals.loc[("andel_självförsörjande", "år2")]
    whole = timra_goals.loc[("andel_hela_perioden", "hela")]
    # report: 48,6 %, 86,6 % (truncated; 13/15 = 86,67 % rounds to 86,7 %), 59,6 % (31 of 52)
    assert round(y1["value"] * 100, 1) == 48.6 and (y1["numerator"], y1["denominator"]) == (18, 37)
    assert round(y2["value"] * 100, 1) == 86.7
    assert round(whole["value"] * 100, 1) == 59.6 and (whole["numerator"], whole["denominator"]) == (31, 52)
    # Clopper–Pearson by its beta-quantile form (Clopper & Pearson 1934), not the library call the code uses
    for k, n, row in ((18, 37, y1), (13, 15, y2), (31, 52, whole)):
        assert row["ci_low"] == pytest.approx(beta.ppf(0.025, k, n - k + 1), abs=1e-9)
        assert row["ci_high"] == pytest.approx(beta.ppf(0.975, k + 1, n - k), abs=1e-9)
    # 48,6 % against a 50 % target: within the 80 % band -> partly, and the interval spans the target:
    # partly, but uncertain
    assert y1["status"] == GoalStatus.PARTLY_UNCERTAIN and y1["ci_verdict"] == IntervalVerdict.SPANS
    # 13 of 15: the exact interval (59,5 %–98,3 %) lies above 50 %
    assert y2["status"] == GoalStatus.REACHED and y2["ci_verdict"] == IntervalVerdict.ABOVE
    assert whole["status"] == GoalStatus.REACHED_UNCERTAIN and whole["ci_verdict"] == IntervalVerdict.SPANS
    # over the two years: partly in one (uncertain), reached in the other -> partly, but uncertain
    assert y1["verdict"] == y2["verdict"] == GoalVerdict.PARTLY_UNCERTAIN


@pytest.mark.parametrize("k, n, low, high, source", [
    # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 5 (exact, Clopper–Pearson)
    (15, 148, 0.0578, 0.1617, "Newcombe 1998"),
    (0, 20, 0.0, 0.1684, "Newcombe 1998"),
    (1, 29, 0.0009, 0.1776, "Newcombe 1998"),
    # Conover (1999), Practical Nonparametric Statistics, Table A4: 5 of 25
    (5, 25, 0.068, 0.407, "Conover 1999"),
])
def test_exact_interval_matches_published_values(k, n, low, high, source):
    from evaltools.analysis.goals import share_test
    r = share_test(k, n, 0.5)
    places = 4 if source.startswith("Newcombe") else 3
    assert round(r["ci_low"], places) == low and round(r["ci_high"], places) == high


@pytest.mark.parametrize("k, n, target", [(18, 37, 0.5), (13, 15, 0.5), (31, 52, 0.5), (2, 30, 0.2), (29, 30, 0.8),
                                          (40, 50, 0.6), (10, 50, 0.3)])
def test_interval_verdict_and_one_sided_p_never_disagree(k, n, target):
    from evaltools.analysis.goals import share_test
    r = share_test(k, n, target)
    assert (r["ci_verdict"] == "över") == (r["p_above_target"] < 0.025)
    assert (r["ci_verdict"] == "under") == (r["p_below_target"] < 0.025)
    # the one-sided exact p-values by the binomial tail sums, computed independently
    from scipy.stats import binom
    assert r["p_above_target"] == pytest.approx(binom.sf(k - 1, n, target), rel=1e-9)
    assert r["p_below_target"] == pytest.approx(binom.cdf(k, n, target), rel=1e-9)


def test_binomial_shortfall_test_matches_beta_identity(timra_goals):
    # P(X <= 18 | n=37, p=0.5) equals the regularised incomplete beta I_{0.5}(19, 37-18) complement
    y1 = timra_goals.loc[("andel_självförsörjande", "år1")]
    assert y1["p_below_target"] == pytest.approx(beta.sf(0.5, 19, 37 - 18), rel=1e-9)


def test_qualitative_goals_carry_the_assessment(timra_goals):
    q = timra_goals.loc[("samarbete", "hela")]
    assert q["status"] == "delvis" and "Försäkringskassan" in q["evidence"]
    assert timra_goals.loc[("rätt_stöd", "hela"), "status"] == "uppnått"


def test_ex_ante_mode_uses_expected_volumes():
    params = et.load_params(PARAMS / "eskilstuna-specialistteamet.yaml")
    params = params.model_copy(update={"data": params.data.model_copy(update={"participants": None}),
                                       "data_as_of": None})
    project = et.load_project(params)
    g = et.assess_goals(project).table.set_index(["goal_id", "period_key"])
    row = g.loc[("egen_försörjning", "år1")]
    assert row["mode"] == "ex_ante"
    # the application expects 40 exits a year and the goal is 40 a year: its volumes reach the goal in a
    # full project year, and the expectation only restates the target (nothing is achieved ex ante)
    assert row["value"] == 40 and row["status"] == "nås_med_volymer"
    assert goal_note(row["note"], "sv") == "förväntan = målvärdet"
    # year 3 runs 2026-04-01..2026-12-31 (275 of 365 days): expectation and target pro-rated alike and
    # rounded alike to whole persons: 40 * 275/365 = 30,1 -> 30 against 30, reached as it reads
    y3 = g.loc[("egen_försörjning", "år3")]
    assert y3["target_prorated"] == 30 and y3["value"] == 30 and y3["status"] == GoalStatus.VOLUMES_REACH
    assert not y3["cut"] and not y3["running"]  # a year shorter by plan is neither cut nor running
    assert GoalStatus.REACHED not in set(g["status"])


def test_display_uses_swedish_formatting(timra_goals):
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    shown = et.assess_goals(project).display("sv")
    values = shown["Utfall"].tolist()
    # (a share and its counts are one unit: a non-breaking space before the bracket too)
    assert "48,6\u00a0%\u00a0(18/37)" in values and "59,6\u00a0%\u00a0(31/52)" in values
    en = et.assess_goals(project, lang="en").display("en")
    assert "48.6%\u00a0(18/37)" in en["Result"].tolist()


def test_partial_band_is_validated():
    project = et.load_project(PARAMS / "timra-vagen-ut.yaml")
    with pytest.raises(ValueError, match="partial_band must be between 0 and 1, got 80"):
        et.assess_goals(project, partial_band=80)


def test_project_without_goals_gives_an_empty_table_with_columns(tiny_project):
    g = et.assess_goals(et.load_project(tiny_project()))
    assert g.table.empty and "status" in g.table.columns


def test_partial_band_from_params_changes_the_status():
    params = et.load_params(PARAMS / "timra-vagen-ut.yaml").model_copy(update={"partial_band": 0.7})
    g = et.assess_goals(et.load_project(params)).table.set_index(["goal_id", "period_key"])
    # 37 of 50 = 74 % of the target: 'delvis' with a 70 % band, 'ej uppnått' with the default 80 %
    assert g.loc[("handlagda", "år1"), "status"] == "delvis"


# --- the project's own definition of success, page 1 goal by goal, small counts, context goals ---
def _with_threshold(path, k: int):
    """A copy of a params file with the privacy threshold ``k`` (beside the original, same data)."""
    out = path.with_name(f"{path.stem}-k{k}.yaml")
    out.write_text(path.read_text(encoding="utf-8").replace("id: ap\n", f"id: ap-k{k}\n")
                   + f"privacy: {{min_count: {k}}}\n", encoding="utf-8")
    return out


def Report_with_threshold(path, k: int, lang="sv"):
    return _report(_with_threshold(path, k), lang)


def _report(path, lang="sv"):
    from evaltools.present.report import Report
    return Report(et.load_project(path), lang)


def test_timra_page_one_goal_by_goal_matches_the_final_report():
    """Slutrapport 4.1: 'Minst 50 personer ... Nej. 37 ... 15', 'Minst 25 ... Nej. 18 ... 13',
    samarbete 'Både ja och nej', stöd 'Ja'; year 2 ran 2019-02-01 to 2019-10-15 (8,5 months)."""
    from evaltools.present.sections.summary import goal_fulfilment
    lines = goal_fulfilment(_report(PARAMS / "timra-vagen-ut.yaml"))
    text = "\n".join(lines)
    # the verdict in the words of the goal table ("Inte uppnått"); year 2 was really cut short (the project
    # ended), its target for 8,5 months 50 * 257/365 = 35,2 -> 35 whole persons
    assert "Minst 50 personer ska handläggas av utsedd handläggare per år: inte uppnått – 37 år 1 och 15 år 2 " \
           "(perioden kortades till 8,5\u00a0månader; målet för den tiden var 35)" \
           in text.replace("8,5 månader", "8,5\u00a0månader")
    assert "per år: inte uppnått – 18 år 1 och 13 år 2" in text
    assert any(s.startswith("Förbättrat samarbete") and ": delvis uppnått" in s for s in lines)
    assert any(s.startswith("Att målgruppen får det stöd") and ": uppnått" in s for s in lines)
    # the final report's own suggestions (two 50 % shares) are named once, as not the application's, after its goals
    other = [s for s in lines if "inte kommer från ansökan (slutrapportens förslag)" in s]
    assert len(other) == 1 and other[0].startswith("Två mål") and lines.index(other[0]) == len(lines) - 1
    assert not any(s.startswith("Andel självförsörjande") for s in lines)
    assert not any("bedömda mätbara mål" in s for s in lines)


def test_months_run_to_a_half_month():
    from evaltools.present.sections.goals import months_run
    assert months_run(dt.date(2019, 2, 1), dt.date(2019, 10, 15)) == 8.5
    assert months_run(dt.date(2019, 2, 1), dt.date(2020, 1, 31)) == 12


ACTION_ROWS = [  # person, start, end, outcome, action_plan
    *[(f"P{i:02d}", "2022-01-10", "2022-06-01", "arbete" if i in (1, 2) else "kvar_försörjningsstöd",
       "ja" if i <= 6 else "nej") for i in range(1, 10)],
    ("P10", "2022-09-01", "2023-02-01", "kvar_försörjningsstöd", "nej"),
    ("P11", "2022-03-01", "", "", ""),
    ("P12", "2022-03-01", "", "", ""),
]


@pytest.fixture
def action_plan_project(tmp_path):
    import pandas as pd
    from .conftest import write_csv
    rows = [{"person_id": p, "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
             "start_date": s, "end_date": e, "outcome": o, "action_plan": a} for p, s, e, o, a in ACTION_ROWS]
    rows[6]["outcome"] = "arbete"  # P07: work, without a plan
    write_csv(tmp_path / "data" / "participants.csv", pd.DataFrame(rows))
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 70000, "actual": 60000},
                                                 {"period": "2022", "category": "Lokal", "budget": 30000, "actual": 30000}])
    (tmp_path / "ap.yaml").write_text("""\
id: ap
title: Handlingsplaner
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
data_as_of: 2023-06-30
data: {participants: data/participants.csv, budget: data/budget.csv}
goals:
  - id: handlingsplan
    kind: share
    label: 80 % av dem som skrivs ut ska ha en dokumenterad handlingsplan
    target: 0.8
    period: whole_period
    denominator: exits
    numerator: action_plan
  - id: arbete
    kind: share
    label: Hälften av de avslutade till arbete
    target: 0.5
    period: calendar_year
    denominator: exits
    count_by: exit
    success_outcomes: [arbete]
    source: utvärderare
  - id: långvariga
    kind: context
    label: Färre långvariga mottagare av försörjningsstöd i kommunen
    unit: hushåll
    series_source: Kolada, N31807
    municipality: '0305'
    series: [{period: 2020, value: 410}, {period: 2021, value: 395}, {period: 2022, value: 380}, {period: 2023, value: 372}]
""", encoding="utf-8")
    return tmp_path / "ap.yaml"


def test_success_is_the_main_goals_numerator_everywhere(action_plan_project):
    project = et.load_project(action_plan_project)
    sc = goals_module.project_successes(project)
    # by hand: 10 have ended (P01-P10), 6 of them with a documented plan (P01-P06)
    assert (sc.successes, sc.base, sc.definition.kind) == (6, 10, "action_plan")
    s = et.cost_benefit(project, monte_carlo=False).summary
    # 90 000 kr actual cost / 6 exits with a plan; the exit from försörjningsstöd stays its own concept:
    # 3 left for work (P01, P02, P07)
    assert s.cost_per_success == pytest.approx(90000 / 6)
    assert s.cost_per_exit_from_fs == pytest.approx(90000 / 3)
    assert s.success_definition == sc.definition  # one definition: the main goal's
    from evaltools.present.sections.summary import participation, cost
    # (at the default threshold of 5 the differencing rule withholds "6 of 10": it would tell that four
    # ended without a plan; at 3 the sentence is published and says what the main goal counts)
    r = Report_with_threshold(action_plan_project, 3)
    page = " ".join(participation(r) + cost(r))
    assert "Av 10 avslutade deltagare hade 6 (60,0\u00a0%) en dokumenterad handlingsplan" in page
    assert "15\u00a0000\u00a0kr per avslut med dokumenterad handlingsplan" in page
    assert "försörjningsstödet (" not in page  # the generic list is not used where the project defines success


def test_portfolio_counts_success_as_each_project_defines_it(action_plan_project):
    from evaltools.present.portfolio import Portfolio
    row = Portfolio([_with_threshold(action_plan_project, 3)]).table.iloc[0]  # (see above: 6 of 10 at k = 3)
    assert (row["successes"], row["ended"]) == (6, 10) and "handlingsplan" in row["success_definition"]


def test_a_running_share_keeps_its_interval_but_is_not_tested_against_its_target(action_plan_project):
    """The whole period runs to 2023-12-31 and the data end 2023-06-30: the share so far is shown with its
    interval, but neither tested against the target nor placed beside it ("tydligt under målet", a p-value)
    anywhere: those still enrolled have no outcome yet, and a running period is judged when it ends."""
    from evaltools.present.sections.goals import uncertain_goal_sentences
    from evaltools.present.sections.summary import goal_fulfilment
    r = _report(action_plan_project)
    assert not [s for s in uncertain_goal_sentences(r) if s.replace("\u00a0", " ").startswith("80 % av dem som skrivs ut")]
    # 6 of 10: exact interval 26,2 %–87,8 % (beta quantiles), shown in the goal table without a test beside it
    assert round(beta.ppf(0.025, 6, 5), 3) == 0.262 and round(beta.ppf(0.975, 7, 4), 3) == 0.878
    tab = r.goals.table
    row = tab[tab["running"].fillna(False).astype(bool) & (tab["kind"] == "share")].iloc[0]
    assert row["status"] == "pågår" and row["ci_verdict"] == "" and np.isnan(row["p_below_target"])
    shown = r.goals.display("sv").astype(str).to_string().replace("\u00a0", " ")
    assert "26,2 %–87,8 %" in shown and "p = 0,121" not in shown and "Spänner över målet" not in shown
    page = " ".join(goal_fulfilment(r)).replace("\u00a0", " ")
    said = "hittills 60,0 % under hela perioden (6 av 10)"
    assert said in page and "målet" not in page.split(said)[1][:40]


def test_small_counts_in_sentences_and_goal_table(action_plan_project):
    r = _report(action_plan_project)
    tab = r.goals.table.set_index(["goal_id", "period_key"])
    # 2023: one exit (P10): the share would tell one person's outcome; not assessed, nothing shown
    row = tab.loc[("arbete", "2023")]
    assert row["too_few"] and row["status"] == "ej_bedömt" and np.isnan(row["numerator"]) and np.isnan(row["value"])
    shown = r.goals.display("sv").astype(str).to_string()
    assert "0/1" not in shown and "(<5)" in shown
    # two still enrolled: said as the number
    from evaltools.present.sections.summary import participation
    text = " ".join(participation(r))
    # (the action-plan goal over everyone's exits states the 10 who ended, "6 av 10", beside the 12 participants: the
    # two still enrolled are public already, and a "färre än 5" would hide nothing; page 1 says the number)
    assert "var 2 deltagare fortfarande inskrivna" in text and "Färre än 5 deltagare var fortfarande" not in text
    # the evaluator's goal is named as such on page 1 and not counted as the application's
    from evaltools.present.sections.goals import page_one
    assert any("som inte kommer från ansökan (utvärderarens mål)" in s for s in page_one(r))


def test_context_goal_is_context_not_effect(action_plan_project):
    from evaltools.present.plots import alt_text
    from evaltools.present.sections.goals import context_blocks, page_one
    r = _report(action_plan_project)
    row = r.goals.table.set_index("goal_id").loc["långvariga"]
    assert row["status"] == "sammanhang" and row["value"] == 372
    line = next(s for s in page_one(r) if s.startswith("Färre långvariga"))
    assert "sammanhang, inte projektets effekt" in line and "410 hushåll år 2020" in line
    blocks = context_blocks(r)
    fig = blocks[1][1]
    alt = alt_text(fig)
    assert "2020: 410" in alt and "2023: 372" in alt and "2022-01-01" in alt
    assert fig.axes[0].get_ylim()[0] == 0  # amounts from zero


def test_context_series_from_a_csv_and_its_errors(tmp_path, action_plan_project):
    text = action_plan_project.read_text(encoding="utf-8").replace(
        "    series: [{period: 2020, value: 410}, {period: 2021, value: 395}, {period: 2022, value: 380}, "
        "{period: 2023, value: 372}]", "    series_file: data/kolada.csv")
    action_plan_project.write_text(text, encoding="utf-8")
    (action_plan_project.parent / "data" / "kolada.csv").write_text("period;value\n2021;395\n2020;410\n",
                                                                    encoding="utf-8")
    params = et.load_params(action_plan_project)
    s = goals_module.context_series(next(g for g in params.goals if g.kind == "context"), params)
    assert list(s["period"]) == [2020, 2021] and list(s["value"]) == [410, 395]
    (action_plan_project.parent / "data" / "kolada.csv").write_text("period;value\n2021;många\n20x1;3\n",
                                                                    encoding="utf-8")
    with pytest.raises(et.DataValidationError) as e:
        goals_module.context_series(next(g for g in params.goals if g.kind == "context"), params)
    msg = str(e.value)
    assert "kolada.csv" in msg and "'många'" in msg and "'20x1'" in msg and "value" in msg and "period" in msg


def test_municipality_code_must_be_four_characters_in_quotes(action_plan_project):
    text = action_plan_project.read_text(encoding="utf-8").replace("municipality: '0305'", "municipality: 305")
    action_plan_project.write_text(text, encoding="utf-8")
    with pytest.raises(et.ParamsError, match="fyra siffror inom citattecken"):  # (Swedish, the default)
        et.load_params(action_plan_project)


def test_a_share_whose_interval_spans_its_target_is_not_simply_achieved():
    """Timrå, whole period: 31 of 52 (59,6 %) against 50 %; the exact interval (about 45–73 %) spans
    the target, so the table says the point verdict is uncertain. Year 2's 13 of 15 lies clearly above."""
    import evaltools as et
    shown = et.assess_goals(et.load_project(PARAMS / "timra-vagen-ut.yaml")).display("sv")
    by_value = dict(zip(shown["Utfall"], shown["Bedömning"]))
    assert by_value["59,6\u00a0%\u00a0(31/52)"] == "Uppnått, men osäkert"
    assert by_value["86,7\u00a0%\u00a0(13/15)"] == "Uppnått"


# --- a context goal's chart keeps its title, the statistic's name, inside the chart however long the name is
# (a name as an application writes it ran past the chart's right edge, cut mid-word in the PDF) ---------------

LONG = ("Andelen unga 16–24 år i kommunen som varken arbetar eller studerar ska minska under projekttiden, "
        "jämfört med åren före projektet")


@pytest.mark.parametrize("label", [LONG, "Färre långvariga mottagare"])
def test_the_context_chart_s_title_lies_inside_the_chart(action_plan_project, label):
    params = et.load_params(action_plan_project)
    goal = next(g for g in params.goals if g.kind == "context").model_copy(update={"label": label})
    from evaltools.analysis.goals import context_series
    from evaltools.present.plots import plot_context
    fig = plot_context(goal, context_series(goal, params), params, "sv")
    fig.canvas.draw()
    box = fig.axes[0]._left_title.get_window_extent(fig.canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= fig.bbox.width, (fig.axes[0]._left_title.get_text(), box.x1, fig.bbox.width)
    # the whole name is there, over as many lines as it needs (three at most; the title set at the left)
    shown = fig.axes[0]._left_title.get_text()
    assert shown.replace("\n", " ") == label and shown.count("\n") <= 2
