from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.words.labels import note_text
from evaltools.analysis import comparison
from evaltools.data import synthetic

from .conftest import PARAMS


@pytest.fixture(scope="module")
def demo_result():
    return comparison.compare_payments(et.load_project(PARAMS / "kompassen-demo.yaml"))


@pytest.fixture(scope="module")
def true_effect():
    """The sample's true effect by month from the start, per household as the DiD counts them (the sample
    files are the generator's output, test_samples.test_generator_is_deterministic): for each household,
    from its first participant's start month, what its series was paid less what it would have been paid
    without the project (no row: 0 kr), averaged over households, by dictionary look-ups."""
    from .test_sample_consistency import _add_months, _month
    frames = synthetic.demo_project(counterfactual=True)
    first = frames["participants"].sort_values(["start_date", "person_id"]).drop_duplicates("household_id")
    paid, cf = ({(p, m): a for p, m, a in frames[name][["person_id", "month", "amount"]].itertuples(index=False)}
                for name in ("payments", "counterfactual_payments"))
    return pd.Series({k: np.mean([paid.get((pid, _add_months(_month(start), k)), 0)
                                  - cf.get((pid, _add_months(_month(start), k)), 0)
                                  for pid, start in zip(first["person_id"], first["start_date"])])
                      for k in range(13)})


def test_did_recovers_the_known_true_effect(demo_result, true_effect):
    did = demo_result.did
    assert did.ci_low <= true_effect.mean() <= did.ci_high
    assert did.n_clusters < 720  # clustered by household, not by person


def test_placebo_before_start_is_near_zero(demo_result):
    p = demo_result.placebo
    assert p.ci_low <= 0 <= p.ci_high


def test_two_by_two_means_by_hand(demo_result, true_effect):
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    panel = comparison.build_panel(project)
    # independently: first-difference of group means, "before" without the 3 anticipation months (as the
    # DiD), each mean in whole kronor as the table shows it (none of them is exactly a half)
    kept = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -project.params.comparison.anticipation_months)]
    m = kept.groupby(["treated", "after"])["amount"].mean().round()
    simple = (m[1, 1] - m[1, 0]) - (m[0, 1] - m[0, 0])
    t = demo_result.table.set_index("group")
    assert t.loc["participants", "change"] - t.loc["comparison", "change"] == simple
    # the plain before/after fall of the participants is not the effect: −2 574 kr against the true −2 774 kr
    # (the comparison group's own change is small here: the need peak's fall after the reference date and
    # the comparison persons' exits nearly cancel)
    assert abs(t.loc["participants", "change"] - true_effect.mean()) > 100


def test_panel_fills_months_without_payments_with_zero():
    project = et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml")
    panel = comparison.build_panel(project)
    per_person = panel.groupby("person")["event_time"].nunique()
    assert per_person.max() <= 25
    assert (panel["amount"] == 0).any()  # months after an exit to own support


def test_without_comparison_group_the_result_says_so():
    res = comparison.compare_payments(et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml"))
    assert res.did is None and "inte i sig en effekt" in note_text(res.notes[0], "sv")


def test_within_transform_matches_dummy_regression():
    import statsmodels.formula.api as smf
    rng = np.random.default_rng(1)
    import pandas as pd
    n_p, n_m = 30, 8
    df = pd.DataFrame({"person": np.repeat(np.arange(n_p), n_m), "month_idx": np.tile(np.arange(n_m), n_p)})
    df["household"] = df["person"] // 2
    df["treated"] = (df["person"] < 12).astype(int)
    start = rng.integers(2, 7, n_p)  # staggered reference months
    df["after"] = (df["month_idx"] >= start[df["person"]]).astype(float)
    df["treated_after"] = df["treated"] * df["after"]
    df["amount"] = rng.normal(0, 1, len(df)) + df["person"] * 0.3 + df["month_idx"] * 0.2 - 1.5 * df["treated_after"]
    est = comparison._fit(df, "amount", ["after", "treated_after"], "treated_after")
    dummies = smf.ols("amount ~ after + treated_after + C(person) + C(month_idx)", df).fit()
    assert est.effect == pytest.approx(dummies.params["treated_after"], abs=1e-6)


def test_payment_phases_by_hand(tiny_project):
    # P1: 2022-02-01 .. 2022-08-01; payments 2022-01 (before) 9 000 and 2022-02 (during) 8 500.50
    # P2: 2022-03-15 .. 2022-12-01; payment 2022-02 (before) 12 000. The file covers 2022-01..2022-02 only.
    # The params say the file covers every participant: P3 and P4, without rows, were paid 0 kr.
    project = et.load_project(tiny_project("", data_block="data:\n  participants: data/participants.csv\n"
                                               "  payments: data/payments.csv\n  budget: data/budget.csv\n"
                                               "  payments_cover_all_participants: true\n"))
    t = comparison.payment_phases(project, window=12)
    t = t.set_index("phase")
    # before (12 months before the start month, inside the coverage 2022-01..2022-02): P1 1 month (2022-01),
    # P2 2, P3 (starts 2022-06) 2, P4 (starts 2023-01) 2 -> 7 person-months; months without a row are 0 kr
    assert t.loc["before", "person_months"] == 7
    # during: only P1's 2022-02 lies inside the coverage -> 1 person-month, 8 500.50
    assert t.loc["during", "person_months"] == 1
    # with fewer than 5 persons the means are hidden
    assert t["mean_amount"].isna().all()
    raw = comparison._phase_means(project.participants, project.payments, 12).set_index("phase")
    assert raw.loc["before", "mean_amount"] == pytest.approx((9000 + 12000) / 7)
    assert raw.loc["during", "mean_amount"] == pytest.approx(8500.5)
    assert raw.loc["after", "person_months"] == 0


def test_payment_phases_on_the_demo():
    t = comparison.payment_phases(et.load_project(PARAMS / "kompassen-demo.yaml")).set_index(["group", "phase"])
    # participants' payments fall by the true effect during and after, the comparison group's do not
    assert t.loc[("participants", "during"), "mean_amount"] < t.loc[("comparison", "during"), "mean_amount"] - 1000


def test_exit_rates_against_comparison_group_by_hand():
    from scipy import stats
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    t = comparison.compare_exit_rates(project).set_index("group")
    succ = set(project.params.cost_benefit.success_outcomes)
    p = project.participants[~project.participants["ongoing"]]
    c = project.comparison
    kp, kc = int(p["outcome"].isin(succ).sum()), int(c["outcome"].isin(succ).sum())
    assert (t.loc["participants", "successes"], t.loc["participants", "n"]) == (kp, len(p))
    assert (t.loc["comparison", "successes"], t.loc["comparison", "n"]) == (kc, len(c))
    table = [[kp, len(p) - kp], [kc, len(c) - kc]]
    assert t.loc["participants", "p_value"] == pytest.approx(stats.chi2_contingency(table).pvalue)
    assert comparison.compare_exit_rates(et.load_project(PARAMS / "timra-vagen-ut.yaml")).empty


def test_dominance_rule_by_hand():
    from evaltools.data.privacy import dominated, dominated_cells
    assert dominated(86, 100) and not dominated(85, 100) and not dominated(0, 0)
    frame = __import__("pandas").DataFrame({
        "cell": ["A", "A", "B", "B", "C", "C", "C"],
        "person": ["p1", "p2", "p1", "p2", "p1", "p1", "p2"],
        "amount": [90, 10, 50, 50, 40, 50, 10],  # C: p1 has two rows, 90 of 100 together
    })
    assert dominated_cells(frame, ["cell"], "person", "amount").to_dict() == {"A": True, "B": False, "C": True}


def test_means_that_one_person_dominates_are_hidden(tiny_project):
    from .conftest import participants_frame, write_csv
    # six participants, 2022-06-01 to 2022-09-01; P1 got 100 000 kr in May, the others 1 000 kr a month
    # in March-May and 500 kr in October
    rows = [(f"P{i}", "kvinna", 1980 + i, "ensamstående", "2022-06-01", "2022-09-01", "arbete") for i in range(1, 7)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    pay = [{"person_id": "P1", "month": "2022-05", "amount": 100_000}]
    pay += [{"person_id": f"P{i}", "month": m, "amount": 1000} for i in range(2, 7) for m in ("2022-03", "2022-04", "2022-05")]
    pay += [{"person_id": f"P{i}", "month": "2022-10", "amount": 500} for i in range(2, 7)]
    write_csv(tiny_project.dir / "data/payments.csv", pay)
    project = et.load_project(tiny_project())
    r = comparison.compare_payments(project)
    ev = r.event_means.set_index("event_time")["mean_amount"]
    assert np.isnan(ev[-1])  # May: 100 000 of 105 000 kr is P1's
    assert ev[-2] == pytest.approx(5000 / 6)  # April: 1 000 kr each for five of six persons
    row = r.table.iloc[0]
    assert np.isnan(row["before"]) and np.isnan(row["change"])  # before the start: 100 000 of 115 000 kr = 87 %
    assert row["after"] == 83  # June-October, 30 person-months, 2 500 kr: 83,33 kr, in whole kronor
    ph = comparison.payment_phases(project).set_index("phase")["mean_amount"]
    assert np.isnan(ph["before"])
    assert ph["after"] == pytest.approx(2500 / 6)  # October, the month after the end, within the file's coverage
    # with the rule switched off the May mean is shown: 105 000 kr over six persons
    off = project.params.model_copy(update={"privacy": project.params.privacy.model_copy(update={"dominance": 1.0})})
    project.params = off
    assert comparison.compare_payments(project).event_means.set_index("event_time")["mean_amount"][-1] == pytest.approx(105_000 / 6)


def test_a_person_enrolled_twice(tiny_project):
    from .conftest import participants_frame, write_csv
    # P1 took part twice and left for work both times; P2-P5 dropped out
    rows = [("P1", "kvinna", 1980, "ensamstående", "2022-03-01", "2022-04-01", "arbete"),
            ("P1", "kvinna", 1980, "ensamstående", "2022-08-01", "2022-10-01", "arbete")]
    rows += [(f"P{i}", "man", 1970 + i, "ensamstående", "2022-03-01", "2022-09-01", "avbrott") for i in range(2, 6)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "2022-02", "amount": 6000},
        {"person_id": "P1", "month": "2022-07", "amount": 3000},
        {"person_id": "P2", "month": "2022-12", "amount": 1000},
    ])
    # (P3–P5 have no payment rows: the params say the file covers everyone, so they were paid 0 kr)
    project = et.load_project(tiny_project("""\
        cost_benefit:
          price_year: 2022
          monthly_level: {method: own_payments, months_before_start: 6, gap_before_start: 0}
        """, data_block="data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                        "  budget: data/budget.csv\n  payments_cover_all_participants: true\n"))
    r = comparison.compare_payments(project)
    assert r.table.iloc[0]["persons"] == 5  # persons, not enrolments
    phases = comparison.payment_phases(project).set_index("phase")
    assert phases.loc["during", "persons"] == 5
    # P1 came back after the first exit: that exit saved nothing lasting and is not counted; the later one is
    # valued by the payments in the six months before its own start (August: February-July, 6 000 + 3 000 kr
    # -> 1 500 kr a month), not by those before the first (March: September-February, 1 000 kr a month)
    cb = et.cost_benefit(project, monte_carlo=False, effect=False)
    assert (cb.summary.successes, cb.summary.came_back) == (1, 1)
    assert cb.summary.monthly_level == pytest.approx(1500)


def test_the_need_peak_sample_shows_the_placebo_warning():
    # Språngbrädan: true effect 0, participants' need peaks before the start and not the comparison group's
    project = et.load_project(PARAMS / "sprangbradan-demo.yaml")
    r = comparison.compare_payments(project)
    assert r.placebo.rejects and r.parallel_trends_doubtful
    assert synthetic.NEEDPEAK_TRUE_EFFECT_SEK == 0 and r.did.effect < 0  # the spurious "effect" the placebo warns of
    eb = et.cost_benefit(project, payments=r, monte_carlo=False).effect_based
    assert eb.unreliable


def test_kompassen_placebo_holds_and_its_effect_is_trusted(demo_result):
    assert not demo_result.parallel_trends_doubtful
    assert demo_result.anticipation_months == 3


def test_event_study_contrast_by_hand(demo_result, true_effect):
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    panel = comparison.build_panel(project)
    wide = panel.pivot_table(index=["person", "treated"], columns="event_time", values="amount")
    ref = -demo_result.anticipation_months - 1
    es = demo_result.event_study.set_index("event_time")
    for e in (-10, -2, 0, 6, 12):
        change = (wide[e] - wide[ref]).dropna()
        by_group = change.groupby(level="treated").mean()
        assert es.loc[e, "difference"] == pytest.approx(by_group[1] - by_group[0])
        assert es.loc[e, "difference_low"] < es.loc[e, "difference"] < es.loc[e, "difference_high"]
        assert es.loc[e, "participants"] == pytest.approx(wide[e].xs(1, level="treated").mean())
    assert es.loc[ref, "difference"] == 0
    # after the start each month's contrast recovers that month's true effect per household (month 6: −2 545 kr)
    for e in (0, 6, 12):
        assert es.loc[e, "difference_low"] < true_effect[e] < es.loc[e, "difference_high"]


def test_anticipation_months_leave_the_did(demo_result):
    project = et.load_project(PARAMS / "kompassen-demo.yaml")
    panel = comparison.build_panel(project)
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -3)]
    assert demo_result.did.n_obs == len(used)


def _few_households_project(tiny_project, n_treated: int):
    """n_treated participants (one household each) and 40 comparison persons, 2022, no true effect."""
    from .conftest import participants_frame, write_csv
    rng = np.random.default_rng(3)
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-07-01", "2022-12-01", "arbete") for i in range(n_treated)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    comp = participants_frame([(f"C{i}", "man", 1975, "ensamstående", "2022-07-01", "2023-06-30", "kvar_försörjningsstöd")
                               for i in range(40)])
    write_csv(tiny_project.dir / "data/comparison.csv", comp)
    months = [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)][6:31]

    def pay(ids):
        return [{"person_id": p, "month": m, "amount": int(8000 + rng.normal(0, 800))} for p in ids for m in months]

    write_csv(tiny_project.dir / "data/payments.csv", pay([f"P{i}" for i in range(n_treated)]))
    write_csv(tiny_project.dir / "data/comparison_payments.csv", pay([f"C{i}" for i in range(40)]))
    return et.load_project(tiny_project(data_block=(
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")))


def test_few_participating_households_get_t_intervals_and_a_seeded_wild_bootstrap(tiny_project):
    from scipy import stats
    project = _few_households_project(tiny_project, 6)
    did = comparison.compare_payments(project).did
    assert did.n_treated_clusters == 6 and did.df == did.n_clusters - 1
    # the t interval uses t(G - 1), not the normal distribution
    assert did.t_ci_high - did.effect == pytest.approx(stats.t.ppf(0.975, did.df) * did.se)
    assert did.wild_p_value is not None and 0 < did.wild_p_value <= 1
    # below the threshold the main interval is the wild bootstrap one (tests/test_wild_interval.py checks its ends)
    assert did.ci_method.value == "wild_bootstrap" and (did.ci_low, did.ci_high) == (did.wild_ci_low, did.wild_ci_high)
    assert comparison.compare_payments(project).did.wild_p_value == did.wild_p_value  # seeded: the same every time


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the wild bootstrap divides by a zero variance on noiseless data
def test_reference_date_sensitivity_by_hand(tiny_project):
    """Participants' payments fall from 8 000 to 5 000 kr at their start; the comparison persons get
    8 000 kr every month. Wherever the comparison persons' reference dates are put, their
    before/after change is 0, so the DiD is -3 000 kr for every shift (by hand)."""
    from .conftest import participants_frame, write_csv
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-07-01", "2022-12-01", "arbete") for i in range(6)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    comp = participants_frame([(f"C{i}", "man", 1975, "ensamstående", "2022-07-01", "2023-06-30", "kvar_försörjningsstöd")
                               for i in range(20)])
    write_csv(tiny_project.dir / "data/comparison.csv", comp)
    months = [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)]
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": f"P{i}", "month": m, "amount": 8000 if m < "2022-07" else 5000} for i in range(6) for m in months])
    write_csv(tiny_project.dir / "data/comparison_payments.csv", [
        {"person_id": f"C{i}", "month": m, "amount": 8000} for i in range(20) for m in months])
    project = et.load_project(tiny_project(data_block=(
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")))
    table = comparison.reference_date_sensitivity(project)
    assert list(table["shift_months"]) == [-3, -2, -1, 0, 1, 2, 3]
    assert table["effect"].to_numpy() == pytest.approx(-3000.0, abs=1e-6)
    assert table.loc[table["shift_months"] == 0, "effect"].item() == pytest.approx(comparison.compare_payments(project).did.effect)


def test_reference_date_sensitivity_on_the_demo(demo_result):
    """On Kompassen the estimate with the file's reference dates is the report's estimate, and moving the
    comparison persons' dates changes it (their own payments move around their reference dates too),
    which is what the report shows."""
    table = comparison.reference_date_sensitivity(et.load_project(PARAMS / "kompassen-demo.yaml"))
    assert len(table) == 7 and table.loc[table["shift_months"] == 0, "effect"].item() == pytest.approx(demo_result.did.effect)
    assert table["effect"].max() - table["effect"].min() > 0
    assert comparison.reference_date_sensitivity(et.load_project(PARAMS / "timra-vagen-ut.yaml")) is None


def test_the_payments_section_states_the_reference_date_range():
    from evaltools.words.formats import fmt_kr
    from evaltools.present.report import Report
    from evaltools.present.sections import payments
    report = Report(PARAMS / "kompassen-demo.yaml")
    table = comparison.reference_date_sensitivity(report.project)
    (sentence,) = payments.reference_date_sentence(report)
    assert f"mellan {fmt_kr(table['effect'].min())} och {fmt_kr(table['effect'].max())}" in sentence
    assert payments.reference_date_sentence(Report(PARAMS / "timra-vagen-ut.yaml")) == []
