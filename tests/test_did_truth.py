"""The payments DiD against a reference implementation, and the true effect it estimates.

The reference is statsmodels OLS on explicit household and calendar-month dummies, with standard
errors clustered by household, on a household × month panel built here from the files by hand (a
household's payment in a month is the largest of its members' rows, its reference month its first
member's start), not by the toolkit's panel code.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.regression.linear_model import OLS

import evaltools as et
from evaltools.analysis import comparison
from evaltools.analysis.comparison import IntervalMethod
from evaltools.data import synthetic

from .conftest import participants_frame, write_csv

MONTHS = [f"{y}-{m:02d}" for y in range(2020, 2024) for m in range(1, 13)][11:]  # 2020-12 .. 2023-12


def _month_no(text: str) -> int:
    y, m = text[:7].split("-")
    return int(y) * 12 + int(m) - 1


def _files(folder, rng):
    """Six participant households (P1 and P2 share one, P2 starting two months later) and nine comparison
    households (C9 and C10 share one), starts over 2022; payments for every month of 2020-12..2023-12 but a
    few left out (0 kr), members of one household paid the same series, the participants' falling after
    their household's first start."""
    part = participants_frame([
        ("P1", "kvinna", 1980, "ensamstående", "2022-03-10", "2022-09-01", "arbete"),
        ("P2", "man", 1979, "ensamstående", "2022-05-02", "2022-11-01", "kvar_försörjningsstöd"),
        ("P3", "kvinna", 1990, "ensamstående_med_barn", "2022-02-01", "2022-10-01", "studier"),
        ("P4", "man", 1968, "ensamstående", "2022-06-15", "2023-01-01", "arbete"),
        ("P5", "kvinna", 1985, "sambo_utan_barn", "2022-08-01", "2023-02-01", "kvar_försörjningsstöd"),
        ("P6", "man", 1972, "ensamstående", "2022-09-20", "2023-03-01", "arbete"),
        ("P7", "kvinna", 1995, "ensamstående", "2022-04-05", "2022-12-01", "avbrott"),
    ])
    part["household_id"] = ["H1", "H1", "H3", "H4", "H5", "H6", "H7"]
    comp_starts = ["2022-01-15", "2022-02-10", "2022-03-01", "2022-05-20", "2022-06-01", "2022-07-11", "2022-08-30",
                   "2022-10-03", "2022-04-12", "2022-06-20"]
    comp = participants_frame([(f"C{i + 1}", "man", 1975, "ensamstående", s, "", "") for i, s in enumerate(comp_starts)])
    comp["household_id"] = [f"K{i + 1}" for i in range(8)] + ["K9", "K9"]

    def pay(persons, fall):
        rows = []
        for hh, members in persons.groupby("household_id", sort=False):
            first = min(_month_no(s) for s in members["start_date"])
            level = rng.uniform(6000, 11000)
            series = {m: round(level + rng.normal(0, 700) + (fall if _month_no(m) >= first else 0.0), 2) for m in MONTHS}
            for k, pid in enumerate(members["person_id"]):
                for j, m in enumerate(MONTHS):
                    if m not in (MONTHS[0], MONTHS[-1]) and (j + 3 * k + len(hh)) % 11 == 0:
                        continue  # no row this month for this member (0 kr unless another member's row has it)
                    rows.append({"person_id": pid, "month": m, "amount": series[m], "household_id": hh})
        return pd.DataFrame(rows)

    write_csv(folder / "data/participants.csv", part)
    write_csv(folder / "data/comparison.csv", comp)
    write_csv(folder / "data/payments.csv", pay(part, -1500.0))
    write_csv(folder / "data/comparison_payments.csv", pay(comp, 0.0))
    return part, comp


def _hand_panel(persons: pd.DataFrame, payments: pd.DataFrame, treated: int, before=12, after=12, anticipation=3):
    """Household x month rows by hand: months -12..12 around the household's first start, without -3..-1."""
    first = persons.groupby("household_id")["start_date"].min()
    paid: dict[tuple[str, int], float] = {}
    for hh, m, a in payments[["household_id", "month", "amount"]].itertuples(index=False):
        key = (hh, _month_no(m))
        paid[key] = max(paid.get(key, float("-inf")), float(a))
    rows = []
    for hh, start in first.items():
        ref = _month_no(start)
        for e in range(-before, after + 1):
            if -anticipation <= e < 0:
                continue
            rows.append({"household": f"{treated}{hh}", "month": ref + e, "after": float(e >= 0),
                         "treated_after": float(e >= 0 and treated), "amount": paid.get((hh, ref + e), 0.0)})
    return rows


@pytest.fixture
def small(tiny_project):
    rng = np.random.default_rng(14)
    part, comp = _files(tiny_project.dir, rng)
    project = et.load_project(tiny_project(
        extra="comparison: {small_cluster_threshold: 0}\n",
        data_block=("data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                    "  budget: data/budget.csv\n"
                    "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")))
    pay = pd.read_csv(tiny_project.dir / "data/payments.csv")
    cpay = pd.read_csv(tiny_project.dir / "data/comparison_payments.csv")
    panel = pd.DataFrame(_hand_panel(part, pay, 1) + _hand_panel(comp, cpay, 0))
    return project, panel


def test_main_estimate_and_interval_match_ols_on_explicit_dummies(small):
    project, panel = small
    did = comparison.compare_payments(project).did
    assert did.ci_method is IntervalMethod.CLUSTER_T  # (threshold 0: the t interval is the main one)
    # the reference: household and calendar-month dummies, a constant, after, treated x after
    x = pd.concat([pd.get_dummies(panel["household"], prefix="h", drop_first=True),
                   pd.get_dummies(panel["month"], prefix="m", drop_first=True), panel[["after", "treated_after"]]],
                  axis=1).astype(float)
    x.insert(0, "const", 1.0)
    assert np.linalg.matrix_rank(x.to_numpy()) == x.shape[1]
    groups = pd.factorize(panel["household"])[0]
    ref = OLS(panel["amount"].to_numpy(float), x).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    n, k_ref, g = len(panel), x.shape[1], len(set(groups))
    assert (did.n_obs, did.n_clusters, did.n_treated_clusters) == (n, g, 6) == (15 * 22, 15, 6)
    assert did.effect == pytest.approx(ref.params["treated_after"], abs=1e-6)
    # statsmodels' clustered variance has the factor G/(G − 1) · (N − 1)/(N − K); the toolkit fits the
    # within-transformed regression, where K = 2 (docs/methods.md), so its standard error is the reference's
    # times √((N − K_ref)/(N − 2)): the same sandwich, another small-sample count
    # (only treated_after's variance is read: a fixed-effect dummy's clustered variance, about 0, can come out a
    # rounding below it, and its standard error, which statsmodels takes for every coefficient at once, NaN)
    with np.errstate(invalid="ignore"):
        bse, (lo, hi) = ref.bse, ref.conf_int().loc["treated_after"]
    se = bse["treated_after"] * np.sqrt((n - k_ref) / (n - 2))
    assert did.se == pytest.approx(se, rel=1e-9, abs=1e-6)
    t = stats.t.ppf(0.975, g - 1)
    assert did.df == g - 1
    assert did.ci_low == pytest.approx(ref.params["treated_after"] - t * se, abs=1e-6)
    assert did.ci_high == pytest.approx(ref.params["treated_after"] + t * se, abs=1e-6)
    # and the reference's own interval (with its K) is the same interval, wider by that factor
    assert (did.ci_high - did.ci_low) == pytest.approx((hi - lo) * np.sqrt((n - k_ref) / (n - 2)), abs=1e-6)


def test_true_effect_per_household_counts_a_shared_household_once_from_its_first_start():
    # one household of two participants (A from 2022-01, B from 2022-03) and one of one (C from 2022-02);
    # the project's effect: A's and B's household paid 1 000 kr less from 2022-01, 3 000 less from 2022-03;
    # C's household 500 less from 2022-02 (no row without the project in 2022-04: 0 kr)
    months = [f"2022-{m:02d}" for m in range(1, 7)]
    cf = pd.DataFrame([{"person_id": p, "month": m, "amount": 9000.0} for p in "ABC" for m in months
                       if not (p == "C" and m == "2022-04")])
    fall = {"A": {"2022-01": 1000, "2022-02": 1000}, "C": {}}
    for m in months[2:]:
        fall["A"][m] = 3000
    for m in months[1:]:
        fall["C"][m] = 500
    fall["B"] = fall["A"]
    paid = cf.copy()
    paid["amount"] = [a - fall[p].get(m, 0) for p, m, a in paid.itertuples(index=False)]
    paid = pd.concat([paid, pd.DataFrame([{"person_id": "C", "month": "2022-04", "amount": 100.0}])], ignore_index=True)
    people = participants_frame([("A", "kvinna", 1980, "ensamstående", "2022-01-05", "", ""),
                                 ("B", "man", 1980, "ensamstående", "2022-03-01", "", ""),
                                 ("C", "man", 1980, "ensamstående", "2022-02-10", "", "")])
    people["household_id"] = ["H1", "H1", "H2"]
    frames = {"participants": people, "payments": paid, "counterfactual_payments": cf}
    # months 0..2. Per household: H1 from 2022-01: −1 000, −1 000, −3 000; H2 from 2022-02: −500, −500,
    # +100 (paid 100, 0 without the project) → by month −750, −750, −1 450; mean −983,33
    per_hh = synthetic.true_effect(frames, months_after=2, per="household")
    assert per_hh.tolist() == pytest.approx([-750.0, -750.0, -1450.0])
    assert per_hh.mean() == pytest.approx(-2950 / 3)
    # per participant each from their own start: A −1 000, −1 000, −3 000; B (from 2022-03) −3 000 × 3;
    # C as H2 → by month (−1 000 − 3 000 − 500)/3 = −1 500, −1 500, (−3 000 − 3 000 + 100)/3 = −1 966,67
    per_p = synthetic.true_effect(frames, months_after=2)
    assert per_p.tolist() == pytest.approx([-1500.0, -1500.0, -5900 / 3])


def test_the_samples_household_truth_and_the_readme_that_states_it():
    from .conftest import ROOT
    frames = synthetic.demo_project(counterfactual=True)
    # by look-ups: each household from its first participant's start (earliest date, then id), that
    # participant's rows (a member's rows are the household's), months 0..12, no row 0 kr
    paid, cf = ({(p, m): a for p, m, a in frames[k][["person_id", "month", "amount"]].itertuples(index=False)}
                for k in ("payments", "counterfactual_payments"))
    first: dict[str, tuple[str, str]] = {}
    for start, pid, hh in sorted(zip(frames["participants"]["start_date"], frames["participants"]["person_id"],
                                     frames["participants"]["household_id"])):
        first.setdefault(hh, (start, pid))
    diffs = []
    for start, pid in first.values():
        y, m = int(start[:4]), int(start[5:7])
        for k in range(13):
            mm = f"{y + (m - 1 + k) // 12}-{(m - 1 + k) % 12 + 1:02d}"
            diffs.append(paid.get((pid, mm), 0) - cf.get((pid, mm), 0))
    truth = float(np.mean(diffs))
    assert len(first) == 159
    assert synthetic.true_effect(frames, per="household").mean() == pytest.approx(truth)
    # to the nearest ten kronor, as the README's sample table says it (−2 643 kr → "−2 640 kr per household-month")
    ten = int(round(abs(truth), -1))
    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| `kompassen-demo`"))
    assert f"−{ten // 1000} {ten % 1000:03d} kr per household-month" in row
