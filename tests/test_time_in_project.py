"""Time in the project: the cumulative incidence of a group with one way of leaving, the median rule,
and the cohort analyses' codes worded by the words layer."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from statsmodels.duration.survfunc import SurvfuncRight

import evaltools as et
from evaltools.analysis import cohorts
from evaltools.analysis.result import Categories, Note
from evaltools.words.breakdowns import group_label, term_label
from evaltools.words.labels import note_text

from .conftest import participants_frame, sample_project, write_csv

# six persons, every exit a success: days 10, 30, 50 and 60 exits, 20 and 40 still enrolled (censored)
TIME = np.array([10, 20, 30, 40, 50, 60.])
STATUS = np.array([1, 0, 1, 0, 1, 1])


def test_a_group_with_one_exit_type_reaches_one_by_hand():
    # with a single way of leaving, the Aalen–Johansen incidence is one minus Kaplan–Meier. By hand:
    # day 10, 6 at risk: S = 5/6; day 30, 4 at risk: S = 5/6 * 3/4 = 5/8; day 50, 2 at risk: S = 5/16;
    # day 60, the last person leaves: S = 0
    cif = cohorts._cumulative_incidence(TIME, STATUS).set_index("day")
    exits = [10, 30, 50, 60]
    assert cif.loc[exits, "success"].to_numpy() == pytest.approx([1 / 6, 3 / 8, 11 / 16, 1.0])
    assert (cif["other_exit"] == 0).all()
    assert cif.loc[60, "success"] == pytest.approx(1.0) and cif.loc[60, "surv"] == pytest.approx(0.0)
    assert list(cif.loc[exits, "at_risk"]) == [6, 4, 2, 1]


def test_a_group_with_one_exit_type_matches_lifelines():
    lifelines = pytest.importorskip("lifelines")
    ours = cohorts._cumulative_incidence(TIME, STATUS).set_index("day")
    ajf = lifelines.AalenJohansenFitter(calculate_variance=False, seed=0).fit(TIME, STATUS, event_of_interest=1)
    ref = ajf.cumulative_density_.iloc[:, 0].reindex(ours.index, method="ffill")
    assert ours["success"].to_numpy() == pytest.approx(ref.to_numpy(), abs=1e-12)
    assert ref.iloc[-1] == pytest.approx(1.0)


def test_a_group_with_only_other_exits_has_no_successes():
    cif = cohorts._cumulative_incidence(TIME, np.where(STATUS > 0, 2, 0)).set_index("day")
    assert (cif["success"] == 0).all()
    assert cif.loc[[10, 30, 50, 60], "other_exit"].to_numpy() == pytest.approx([1 / 6, 3 / 8, 11 / 16, 1.0])


def _ended_after(tiny_project, days: list[int], outcome: str = "arbete"):
    start = dt.date(2022, 2, 1)
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", str(start), str(start + dt.timedelta(days=d)), outcome)
            for i, d in enumerate(days, start=1)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    return et.load_project(tiny_project())


def test_no_one_is_left_in_the_project_when_everyone_has_left_the_same_way(tiny_project):
    # eight persons, all ended with work (a success for a project without a main goal), after 10, 20, ..., 80 days
    project = _ended_after(tiny_project, [10 * i for i in range(1, 9)])
    tte = cohorts.time_to_exit(project, by=None, days=(40, 365))
    raw = tte.raw.set_index("day")
    # by hand: 4 of 8 have left by day 40; all by day 365
    assert raw.loc[40, "success"] == pytest.approx(0.5) and raw.loc[40, "still_in_project"] == pytest.approx(0.5)
    assert raw.loc[365, "success"] == pytest.approx(1.0)
    assert raw.loc[365, "other_exit"] == 0 and raw.loc[365, "still_in_project"] == pytest.approx(0.0)


@pytest.mark.parametrize(("days", "ended", "expected"), [
    # S = 3/4, 1/2, 1/4, 0: exactly one half from day 20 to day 30, the midpoint
    ([10, 20, 30, 40], [1, 1, 1, 1], 25.0),
    # S = 2/3, 1/3, 0: steps past one half on day 20
    ([10, 20, 30], [1, 1, 1], 20.0),
    # S = 3/4, 1/2 and then only censorings: one half to the end of follow-up (day 40)
    ([10, 20, 30, 40], [1, 1, 0, 0], 30.0),
    # S = 5/6, 4/6, 3/6 (a product that is not exactly 0.5 in floating point), 2/6: midpoint of days 3 and 4
    ([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], 3.5),
    # S = 3/4 and then only censorings: never reaches one half
    ([10, 20, 30, 40], [1, 0, 0, 0], np.nan),
])
def test_median_follows_r_survival_on_a_plateau(days, ended, expected):
    time, event = np.array(days, float), np.array(ended)
    sf = SurvfuncRight(time, event)
    got = cohorts.median_time(sf.surv_times, sf.surv_prob, float(time.max()))
    assert got == pytest.approx(expected, nan_ok=True)


def test_median_agrees_with_lifelines_where_the_curve_steps_past_one_half():
    lifelines = pytest.importorskip("lifelines")
    rng = np.random.default_rng(7)
    for _ in range(20):
        time = rng.choice(np.arange(1, 400), size=15, replace=False).astype(float)  # no ties, 15 persons
        event = rng.random(15) < 0.8
        sf = SurvfuncRight(time, event.astype(int))
        if np.any(np.abs(sf.surv_prob - 0.5) < 1e-9):
            continue  # a plateau at exactly one half: the rules differ (tested by hand above)
        ref = lifelines.KaplanMeierFitter().fit(time, event).median_survival_time_
        got = cohorts.median_time(sf.surv_times, sf.surv_prob, float(time.max()))
        assert (np.isnan(got) and np.isinf(ref)) or got == ref


def test_the_report_median_uses_the_midpoint_rule(tiny_project):
    project = _ended_after(tiny_project, [10, 20, 30, 40])
    raw = cohorts.time_to_exit(project, by=None).raw
    assert raw["median_days"].iloc[0] == pytest.approx(25.0)


# --- codes in the analysis, words above it -------------------------------------------------
def test_cohort_results_hold_codes_and_notes_not_words():
    demo = sample_project("kompassen-demo")
    comp = cohorts.composition(demo)
    rates = cohorts.outcome_rates(demo)
    model = cohorts.success_model(demo)
    tte = cohorts.time_to_exit(demo)
    for r in (comp, rates, model, tte):
        assert r.notes and all(isinstance(n, Note) for n in r.notes)
    for table in (comp.table, rates.table, model.table):
        assert {"variable", "category"} <= set(table.columns)
        assert not {"variable_label", "category_label", "term"} & set(table.columns)
    assert set(tte.table["group"]) == set(demo.participants["project_year"])  # intake years as codes
    assert tte.by == "project_year"


def test_the_odds_ratio_note_names_the_reference_categories():
    demo = sample_project("kompassen-demo")
    model = cohorts.success_model(demo, covariates=("sex",))
    ended = demo.participants[demo.participants["end_date"].notna()]
    most_common = ended["sex"].value_counts().index[0]  # the reference: the most common category
    note = model.notes[0]
    assert note.key == "note.odds_ratio" and dict(note.values)["refs"] == Categories((("sex", most_common),))
    assert "Referensgrupper: Kön: " + most_common.capitalize() + "." in note_text(note, "sv")
    assert note_text(model.notes[1], "en") == f"The model rests on {len(ended)} exits."
    # a term reads as its variable and category
    assert term_label("sex", "man", "sv") == "Kön: Man" and term_label("project_year", 2, "en").endswith(": Year 2")


def test_group_names():
    assert group_label(None, cohorts.ALL, "sv") == "Deltagare" and group_label(None, cohorts.ALL, "en") == "Participants"
    assert group_label("project_year", 1, "sv") == "År 1"
    assert group_label("sex", "kvinna", "en") == "Women"


def test_a_half_day_median_is_said_as_one_whole_day_everywhere(tiny_project, tmp_path):
    # four persons who stayed 10, 20, 30 and 40 days: median 25 (whole); with 11 and 21: (21 + 30) / 2 = 25.5,
    # said in whole days as 26 (a half day rounded up) in the analysis' figures, the displays and the workbook
    from evaltools.publish.workbook import report_sheets, write_csv as sheet_csv
    from evaltools.words.breakdowns import fmt_days
    from evaltools.words.formats import fmt_num
    assert fmt_days(25.0, "sv") == "25" and fmt_days(25.5, "sv") == "25,5" and fmt_days(25.5, "en") == "25.5"
    assert fmt_days(float("inf"), "sv") == fmt_num(float("inf"), 0, "sv")  # an unbounded interval bound
    project = _ended_after(tiny_project, [11, 21, 30, 40])
    tte = cohorts.time_to_exit(project, by=None)
    assert tte.raw["median_days"].iloc[0] == 26
    # the notebook display and its headline (of the unsuppressed table: with four persons the published
    # median is hidden)
    import dataclasses
    shown = dataclasses.replace(et.time_to_exit(project, by=None, lang="sv"), table=tte.raw)
    assert shown.display()["Median, dagar"].iloc[0] == "26"
    assert "Deltagare 26" in shown.headline()
    table = tte.raw.assign(group="Deltagare")
    (sheet,) = report_sheets({"tid_i_projekt": table}, 5)
    text = sheet_csv(tmp_path / "t.csv", sheet, "sv").read_text(encoding="utf-8-sig")
    assert ";26;" in text


def test_cohort_results_serialise_to_json_with_their_notes():
    import json
    demo = sample_project("kompassen-demo")
    for r in (cohorts.composition(demo), cohorts.outcome_rates(demo), cohorts.success_model(demo),
              cohorts.time_to_exit(demo)):
        d = json.loads(r.to_json())
        assert d["notes"] and all("key" in n for n in d["notes"])
    counted = json.loads(cohorts.outcome_rates(demo).to_json())["notes"][0]
    assert counted["key"] == "note.counted" and counted["definition"]["kind"] == "goal_outcomes"
    assert "arbete" in counted["definition"]["outcomes"]
