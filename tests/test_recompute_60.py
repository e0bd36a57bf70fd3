"""Figures recomputed by an independent method: the cohort comparisons (each group's n, successes, share and
exact interval, the test per breakdown and its Holm adjustment, the participants per group, the odds ratios against
a binomial GLM), the difference-in-differences estimate, its placebo and their clustered standard errors
(statsmodels OLS with a dummy per household and calendar month on a panel built here from the files), the share who
left against the comparison group's, the time-to-exit section's competing-risk estimates (an Aalen–Johansen
estimator and the median's interval written out here, the estimator checked against lifelines'), and the
cost-benefit's present values per actor with the break-even (Timrå, Specialistteamet, Språngbrädan and Kompassen
from their files, and a small project). The expected values are computed from the data files and the params read
here, never from the figure under test."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
import yaml
from scipy import stats

import evaltools as et
from evaltools.analysis import cohorts

from .conftest import PARAMS

ROOT = PARAMS.parent

# ---------------------------------------------------------------------------------------------------------------
# The samples read independently: the participants file with pandas, the params with yaml, and what the main goal
# counts as a success as read from each params file by hand (docs/methods.md, *Cohorts*).
# ---------------------------------------------------------------------------------------------------------------

SIX = ("arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning")
# sample: (the outcomes a success is, or "action_plan"; the outcomes the denominator leaves out; the age bands)
ADULT = ((18, 29, "18–29"), (30, 39, "30–39"), (40, 49, "40–49"), (50, 59, "50–59"), (60, 200, "60+"))
YOUTH = ((18, 24, "18–24"), (25, 29, "25–29"), (30, 39, "30–39"), (40, 49, "40–49"), (50, 59, "50–59"),
         (60, 200, "60+"))
SUCCESS = {
    # Timrå's main goal: self-sufficient or an active plan with another party (params: success_outcomes)
    "timra-vagen-ut": (SIX + ("aktiv_planering_annan_part",), (), ADULT),
    # Specialistteamet's count goal is judged by the share goal that leaves out those who moved away
    "eskilstuna-specialistteamet": (SIX, ("flyttat",), ADULT),
    "kompassen-demo": (SIX, (), ADULT),
    # Nästa steg's main goal: a documented action plan among those who ended; young adults: 18–24 and 25–29
    "nasta-steg": ("action_plan", (), YOUTH),
    "sprangbradan-demo": (SIX, (), ADULT),
}


def _yaml(name: str) -> dict:
    return yaml.safe_load((PARAMS / f"{name}.yaml").read_text(encoding="utf-8"))


def _as_date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def _people(name: str) -> pd.DataFrame:
    """The participants file with the columns the comparisons need, derived here from the params' dates."""
    p = _yaml(name)
    df = pd.read_csv(ROOT / "data" / name / "participants.csv", dtype=str, keep_default_na=False)
    start, end = pd.to_datetime(df["start_date"]), pd.to_datetime(df["end_date"].replace("", None))
    first = _as_date(p["period"]["start"])
    period_end = _as_date(p["period"].get("actual_end") or p["period"]["planned_end"])
    as_of = min(period_end, _as_date(p["data_as_of"])) if p.get("data_as_of") else period_end
    # project year of intake: whole years from the project's first day (its anniversary starts the next)
    anniversaries = [pd.Timestamp(first.replace(year=first.year + j)) for j in range(1, 12)]
    df["project_year"] = [1 + sum(s >= a for a in anniversaries) for s in start]
    age = start.dt.year - df["birth_year"].astype(int)
    outcomes, exclude, bands = SUCCESS[name]
    df["age_group"] = [next((lab for lo, hi, lab in bands if lo <= a <= hi), "okänt") for a in age]
    df["ended"] = end.notna()
    df["time"] = (end.fillna(pd.Timestamp(as_of)) - start).dt.days.astype(float)
    df["success"] = (df["action_plan"] == "ja") if outcomes == "action_plan" else df["outcome"].isin(outcomes)
    df["counted"] = df["ended"] & ~df["outcome"].isin(exclude)
    return df


COHORT_SAMPLES = tuple(SUCCESS)
VARIABLES = ("project_year", "sex", "age_group", "household_type")


def _fisher_by_enumeration(table: np.ndarray) -> float:
    """Fisher's exact test of an r x 2 table by listing every table with its margins: each table's probability
    the product of binomial coefficients over C(N, K), the p-value the total of those no more probable than the
    observed one (R's fisher.test, with its relative tolerance 1e-7)."""
    rows, k = table.sum(axis=1), int(table[:, 0].sum())
    r = len(rows)
    # log C(n_i, x) for x = 0 … n_i, each along its own axis of an r-dimensional grid of first columns
    logc = [np.array([math.lgamma(n + 1) - math.lgamma(x + 1) - math.lgamma(n - x + 1) for x in range(n + 1)])
            .reshape([-1 if j == i else 1 for j in range(r)]) for i, n in enumerate(rows)]
    xs = [np.arange(n + 1).reshape([-1 if j == i else 1 for j in range(r)]) for i, n in enumerate(rows)]
    on_margin = sum(xs) == k
    logp = np.broadcast_to(sum(logc), on_margin.shape)[on_margin]
    observed = sum(float(logc[i].ravel()[int(x)]) for i, x in enumerate(table[:, 0]))
    n_all = int(rows.sum())
    denom = math.lgamma(n_all + 1) - math.lgamma(k + 1) - math.lgamma(n_all - k + 1)
    return float(min(1.0, np.exp(logp[logp <= observed + np.log1p(1e-7)] - denom).sum()))


def _pearson(table: np.ndarray) -> float:
    """Pearson's chi-square p-value written out, Yates-corrected for a 2 x 2 table."""
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    diff = np.abs(table - expected)
    if table.shape == (2, 2):
        diff = np.maximum(diff - 0.5, 0)
    x2 = float((diff ** 2 / expected).sum())
    return float(stats.chi2.sf(x2, (table.shape[0] - 1) * (table.shape[1] - 1)))


def _holm(p: list[float]) -> list[float]:
    """Holm's step-down adjustment by hand: the i-th smallest times (m - i + 1), made monotone, at most 1."""
    m, order = len(p), np.argsort(p)
    out, running = [0.0] * m, 0.0
    for i, j in enumerate(order):
        running = max(running, min(1.0, (m - i) * p[j]))
        out[j] = running
    return out


def _expected_rates(name: str) -> pd.DataFrame:
    df = _people(name)
    ended = df[df["counted"]]
    rows = []
    for var in VARIABLES:
        g = ended.groupby(var)["success"].agg(["size", "sum"])
        if var == "project_year" and len(g) < 2:
            continue
        known = g[g.index != "okänt"]
        table = np.column_stack([known["sum"], known["size"] - known["sum"]]).astype(np.int64)
        expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
        test, p = (("Fisher", _fisher_by_enumeration(table)) if (expected < 5).any() else ("chi2", _pearson(table)))
        for cat, r in g.iterrows():
            n, k = int(r["size"]), int(r["sum"])
            lo = 0.0 if k == 0 else float(stats.beta.ppf(0.025, k, n - k + 1))
            hi = 1.0 if k == n else float(stats.beta.ppf(0.975, k + 1, n - k))
            rows.append({"variable": var, "category": str(cat), "n": n, "successes": k, "rate": k / n,
                         "ci_low": lo, "ci_high": hi, "test": test, "p_value": p})
    out = pd.DataFrame(rows)
    per_var = out.drop_duplicates("variable")
    out["p_holm"] = out["variable"].map(dict(zip(per_var["variable"], _holm(per_var["p_value"].tolist()))))
    return out


@pytest.fixture(scope="module", params=COHORT_SAMPLES)
def rates(request):
    name = request.param
    got = cohorts.outcome_rates(et.load_project(PARAMS / f"{name}.yaml"), by=VARIABLES)
    return name, got, _expected_rates(name)


def test_every_group_s_n_successes_share_and_exact_interval_agree_with_the_data_file(rates):
    name, got, want = rates
    raw = got.raw.assign(category=got.raw["category"].astype(str))
    merged = want.merge(raw, on=["variable", "category"], how="outer", suffixes=("", "_got"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged.loc[merged["_merge"] != "both", ["variable", "category"]]
    assert (merged["n"] == merged["n_got"]).all() and (merged["successes"] == merged["successes_got"]).all()
    for col in ("rate", "ci_low", "ci_high"):
        np.testing.assert_allclose(merged[col + "_got"].astype(float), merged[col], rtol=0, atol=1e-9, err_msg=col)


def test_each_breakdown_s_test_and_p_value_agree_with_a_written_out_test(rates):
    name, got, want = rates
    g = got.raw.drop_duplicates("variable").set_index("variable")
    w = want.drop_duplicates("variable").set_index("variable")
    assert list(g.index) == list(w.index)
    assert g["test"].tolist() == w["test"].tolist()
    np.testing.assert_allclose(g["p_value"].astype(float), w["p_value"], rtol=1e-9, atol=1e-12)


def test_the_holm_adjustment_runs_over_every_breakdown_tested(rates):
    name, got, want = rates
    g = got.raw.drop_duplicates("variable").set_index("variable")
    w = want.drop_duplicates("variable").set_index("variable")
    np.testing.assert_allclose(g["p_holm"].astype(float), w["p_holm"], rtol=1e-9, atol=1e-12)
    # the note says how many tests the adjustment counts: every breakdown tested, shown or not
    (n_note,) = [dict(n.values)["n"] for n in got.notes if n.key == "note.rate_tests"]
    assert n_note == len(w)


def test_a_shown_test_is_the_raw_test_and_a_hidden_one_has_no_p_value(rates):
    name, got, want = rates
    table = got.table
    for var, g in table.groupby("variable"):
        shown = not any(isinstance(v, str) for v in g["rate"])
        w = want[want["variable"] == var].iloc[0]
        if shown:
            assert (g["test"] == w["test"]).all()
            np.testing.assert_allclose(g["p_holm"].astype(float), w["p_holm"], rtol=1e-9)
        else:
            assert (g["test"] == "–").all() and g["p_value"].isna().all() and g["p_holm"].isna().all()


def test_the_enumerated_fisher_test_agrees_with_scipy_on_2_by_2_and_with_a_hand_count_on_3_by_2():
    # 2 x 2: scipy's exact test
    t = np.array([[3, 1], [1, 3]])
    assert _fisher_by_enumeration(t) == pytest.approx(stats.fisher_exact(t).pvalue, rel=1e-12)
    # 3 x 2, rows of 2, 2, 2 and 3 successes: the first columns are the six orders of (2, 1, 0), each of weight
    # C(2,2)·C(2,1)·C(2,0) = 2, and (1, 1, 1) of weight 8, out of C(6, 3) = 20; the observed (2, 1, 0) has
    # probability 2/20, and the tables no more probable are the six of 2/20: p = 12/20
    t = np.array([[2, 0], [1, 1], [0, 2]])
    assert _fisher_by_enumeration(t) == pytest.approx(12 / 20, rel=1e-12)
    assert cohorts.fisher_r_by_2(t).pvalue == pytest.approx(12 / 20, rel=1e-12)


# ---------------------------------------------------------------------------------------------------------------
# 2. The comparison-group estimate (Kompassen, Språngbrädan): the panel built here from the four files as
# docs/methods.md describes it (one series per household: its first member's start is its reference month, its
# payment in a month the largest any member's row gives, 0 kr where no row; months −12 … 12 within the months the
# group's payments file covers; the anticipation months −3 … −1 left out), fitted by statsmodels OLS with a dummy
# per household and per calendar month and errors clustered by household.
# ---------------------------------------------------------------------------------------------------------------

def _month_number(s: pd.Series) -> np.ndarray:
    p = pd.to_datetime(s)
    return (p.dt.year * 12 + p.dt.month - 1).to_numpy()

def _own_levels(lv: pd.DataFrame, paid: dict) -> None:
    """Each leaver's start and exit month numbers and own level: the mean payment (price year) over months −12 to
    −7 before the start month, by hand (in place)."""
    lv["m0"], lv["exit_m"] = _month_number(lv["start_date"]), _month_number(lv["end_date"])
    lv["level"] = [sum(paid.get((pid, m), 0.0) for m in range(m0 - 12, m0 - 6)) / 6
                   for pid, m0 in zip(lv["person_id"], lv["m0"])]


def _kept_by_month(lv: pd.DataFrame, paid: dict, last: int) -> np.ndarray:
    """The share of the leavers' own levels still saved 1 to 12 months after the exit month, over those the
    payments cover that long (at least 20 at 12 months), clipped to 0–1."""
    kept = []
    for k in range(1, 13):
        c = lv[lv["exit_m"] + k <= last]
        kept.append(1 - sum(paid.get((pid, m + k), 0.0) for pid, m in zip(c["person_id"], c["exit_m"])) / c["level"].sum())
    assert len(c) >= 20
    return np.clip(kept, 0, 1)



def _group_panel(name: str, persons_file: str, payments_file: str, treated: int, before: int = 12, after: int = 12,
                 anticipation: int = 3) -> pd.DataFrame:
    persons = pd.read_csv(ROOT / "data" / name / persons_file, dtype={"person_id": str, "household_id": str})
    pay = pd.read_csv(ROOT / "data" / name / payments_file, dtype={"person_id": str})[["person_id", "month", "amount"]]
    persons = persons[persons["person_id"].isin(set(pay["person_id"]))].copy()  # (only the persons with payment rows)
    persons["start_m"] = _month_number(persons["start_date"])
    first = persons.sort_values("start_date", kind="stable").drop_duplicates("household_id")
    pay = pay.merge(persons[["person_id", "household_id"]].drop_duplicates("person_id"), on="person_id")
    pay["m"] = _month_number(pay["month"] + "-01")
    # a household's payment in a month: the largest of its members' rows (each member's rows are the household's)
    largest = pay.groupby(["household_id", "m"])["amount"].max()
    every_month = _month_number(pd.read_csv(ROOT / "data" / name / payments_file)["month"] + "-01")
    lo, hi = every_month.min(), every_month.max()  # (the months the file covers, as the panel keeps them)
    rows = []
    for hh, ref in zip(first["household_id"], first["start_m"]):
        for e in range(-before, after + 1):
            m = ref + e
            if lo <= m <= hi and not (-anticipation <= e < 0):
                rows.append((f"{treated}:{hh}", m, e, float(largest.get((hh, m), 0.0)), treated))
    return pd.DataFrame(rows, columns=["household", "month", "event", "amount", "treated"])


def _did_by_dummies(name: str, placebo: bool = False):
    """The DiD (or, with ``placebo``, the same model on the months before the start, −12 … −4, with a fake start at
    month −7: its later four months against its earlier five) by OLS with the dummies, clustered by household."""
    import statsmodels.api as sm  # (the reference fit)
    panel = pd.concat([_group_panel(name, "participants.csv", "payments.csv", 1),
                       _group_panel(name, "comparison.csv", "comparison_payments.csv", 0)], ignore_index=True)
    if placebo:
        panel = panel[panel["event"] < 0].reset_index(drop=True)
    panel["after"] = (panel["event"] >= (-7 if placebo else 0)).astype(float)
    panel["treated_after"] = panel["after"] * panel["treated"]
    x = pd.concat([panel[["after", "treated_after"]],
                   pd.get_dummies(panel["household"], dtype=float),
                   pd.get_dummies(panel["month"], prefix="m", drop_first=True, dtype=float)], axis=1)
    groups = pd.factorize(panel["household"])[0]
    fit = sm.OLS(panel["amount"], x).fit(method="qr", cov_type="cluster", cov_kwds={"groups": groups})
    return panel, fit


DID_SAMPLES = ("kompassen-demo", "sprangbradan-demo")


@pytest.fixture(scope="module", params=DID_SAMPLES)
def did_pair(request):
    name = request.param
    got = et.compare_payments(et.load_project(PARAMS / f"{name}.yaml")).did
    panel, fit = _did_by_dummies(name)
    return name, got, panel, fit


def test_the_did_estimate_equals_the_regression_with_household_and_month_dummies(did_pair):
    name, got, panel, fit = did_pair
    assert got.n_obs == len(panel)
    assert got.n_clusters == panel["household"].nunique()
    assert got.n_treated_clusters == panel.loc[panel["treated"] == 1, "household"].nunique()
    assert got.effect == pytest.approx(fit.params["treated_after"], rel=1e-9, abs=1e-6)


@pytest.mark.parametrize("name", DID_SAMPLES)
def test_the_placebo_estimate_equals_the_regression_with_dummies_on_the_months_before(name):
    got = et.compare_payments(et.load_project(PARAMS / f"{name}.yaml")).placebo
    panel, fit = _did_by_dummies(name, placebo=True)
    assert got.n_obs == len(panel)
    assert got.effect == pytest.approx(fit.params["treated_after"], rel=1e-9, abs=1e-6)
    assert got.se == pytest.approx(fit.bse["treated_after"] * math.sqrt(fit.df_resid / (len(panel) - 2)), rel=1e-9)


def test_the_did_standard_error_is_the_dummies_one_with_two_regressors_counted(did_pair):
    # statsmodels' cluster factor G/(G − 1)·(N − 1)/(N − K): the regression with dummies counts every dummy in K,
    # the estimate on the two-way demeaned panel counts the two regressors (docs/methods.md says so); the two
    # standard errors differ by exactly √((N − K_dummies)/(N − 2))
    name, got, panel, fit = did_pair
    n = len(panel)
    assert got.se == pytest.approx(fit.bse["treated_after"] * math.sqrt(fit.df_resid / (n - 2)), rel=1e-9)
    # and the interval is the estimate ± t(G − 1) · se
    g = panel["household"].nunique()
    half = stats.t.ppf(0.975, g - 1) * got.se
    assert (got.t_ci_low, got.t_ci_high) == pytest.approx((got.effect - half, got.effect + half), rel=1e-9)


# ---------------------------------------------------------------------------------------------------------------
# 3. The time in the project: the Aalen–Johansen cumulative incidence of a successful and of another exit, the
# share still in the project, the number at risk and the median time to any exit, written out here.
# ---------------------------------------------------------------------------------------------------------------

def _aalen_johansen(time: np.ndarray, status: np.ndarray) -> pd.DataFrame:
    """At each distinct exit time t: F_j(t) = Σ_{s ≤ t} S(s−)·d_j(s)/n(s), S the Kaplan–Meier curve of any exit and
    n(s) the persons with time ≥ s (a person censored on day s is at risk on it)."""
    rows, surv, f1, f2 = [], 1.0, 0.0, 0.0
    for t in np.unique(time[status > 0]):
        n = int((time >= t).sum())
        d1, d2 = int(((time == t) & (status == 1)).sum()), int(((time == t) & (status == 2)).sum())
        f1, f2 = f1 + surv * d1 / n, f2 + surv * d2 / n
        surv *= 1 - (d1 + d2) / n
        rows.append((float(t), f1, f2, surv, n))
    return pd.DataFrame(rows, columns=["day", "success", "other_exit", "surv", "at_risk"])


def _median_by_hand(time: np.ndarray, status: np.ndarray) -> float:
    """R survival's median: the first exit time where Kaplan–Meier is at or below one half; where it is exactly one
    half, halfway to the next exit time (or to the last time observed)."""
    aj = _aalen_johansen(time, status)
    at = np.flatnonzero(aj["surv"].to_numpy() <= 0.5 + 1e-12)
    if not len(at):
        return np.nan
    i = at[0]
    if abs(aj["surv"].iloc[i] - 0.5) > 1e-12:
        return float(aj["day"].iloc[i])
    nxt = float(aj["day"].iloc[i + 1]) if i + 1 < len(aj) else float(time.max())
    return (float(aj["day"].iloc[i]) + nxt) / 2


def _median_interval_by_hand(time: np.ndarray, status: np.ndarray) -> tuple[float, float]:
    """The 95 % interval of the median by Brookmeyer and Crowley's rule on the log-log scale (SAS LIFETEST's, which
    statsmodels follows): the exit times t where |g(S(t)) − g(½)| ≤ 1,96 · |g'(S(t))| · se(S(t)), g(x) = log(−log x),
    se by Greenwood's formula; the interval runs from the first such time to the exit time after the last (∞ if none
    follows)."""
    surv, var_sum, rows = 1.0, 0.0, []
    for t in np.unique(time[status > 0]):
        n, d = int((time >= t).sum()), int(((time == t) & (status > 0)).sum())
        surv *= 1 - d / n
        var_sum += d / (n * (n - d)) if n > d else np.inf
        rows.append((float(t), surv, surv * math.sqrt(var_sum)))
    t_, s_, se_ = (np.array(c) for c in zip(*rows))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (np.log(-np.log(s_)) - np.log(-np.log(0.5))) / (-1 / (s_ * np.log(s_)) * se_)
    inside = np.flatnonzero(np.abs(r) <= stats.norm.ppf(0.975))
    if not len(inside):
        return np.nan, np.nan
    return float(t_[inside[0]]), (float(t_[inside[-1] + 1]) if inside[-1] + 1 < len(t_) else np.inf)


def _at(aj: pd.DataFrame, day: int) -> tuple[float, float, float]:
    before = aj[aj["day"] <= day]
    if before.empty:
        return 0.0, 0.0, 1.0
    r = before.iloc[-1]
    return float(r["success"]), float(r["other_exit"]), float(r["surv"])


TIME_SAMPLES = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "nasta-steg", "sprangbradan-demo")
# the table's days, and six, twelve and eighteen months in days
DAYS = {"table": None, "months": (183, 365, 548)}


@pytest.fixture(scope="module", params=TIME_SAMPLES)
def sample(request):
    return request.param, _people(request.param), et.load_project(PARAMS / f"{request.param}.yaml")


@pytest.mark.parametrize("by", [None, "project_year"])
@pytest.mark.parametrize("days", DAYS)
def test_the_shares_by_day_agree_with_an_own_aalen_johansen_estimator(sample, by, days):
    name, people, project = sample
    got = cohorts.time_to_exit(project, by=by, days=DAYS[days]).raw
    people = people.assign(status=np.where(~people["ended"], 0, np.where(people["success"], 1, 2)))
    groups = [(cohorts.ALL, people)] if by is None else list(people.groupby(by))
    wanted_days = DAYS[days] or ((14, 30, 60, 90) if people["time"].max() < 90 else (30, 90, 180, 365))
    assert sorted(set(got["day"])) == sorted(wanted_days)
    assert sorted(got["group"].unique().tolist()) == sorted(g for g, _ in groups)
    for g, d in groups:
        time, status = d["time"].to_numpy(float), d["status"].to_numpy()
        aj = _aalen_johansen(time, status)
        mine = got[got["group"] == g].set_index("day")
        for day in wanted_days:
            succ, other, surv = _at(aj, day)
            row = mine.loc[day]
            assert (row["success"], row["other_exit"], row["still_in_project"]) == pytest.approx(
                (succ, other, surv), abs=1e-9), (g, day)
            assert row["success"] + row["other_exit"] + row["still_in_project"] == pytest.approx(1.0, abs=1e-9)
            assert row["at_risk"] == int((time >= day).sum())
        median = _median_by_hand(time, status)
        expected = np.floor(median + 0.5) if np.isfinite(median) else np.nan  # (a half day said as the next day)
        assert mine["median_days"].iloc[0] == pytest.approx(expected, nan_ok=True), g
        lo, hi = _median_interval_by_hand(time, status) if np.isfinite(median) else (np.nan, np.nan)
        assert (mine["median_ci_low"].iloc[0], mine["median_ci_high"].iloc[0]) == pytest.approx((lo, hi), nan_ok=True), g


def test_the_published_curves_are_the_own_estimator_on_every_day_they_give(sample):
    # (statsmodels' curve has a point at each time observed, a censoring too, where the incidences step nowhere)
    name, people, project = sample
    got = cohorts.time_to_exit(project, by="project_year")
    people = people.assign(status=np.where(~people["ended"], 0, np.where(people["success"], 1, 2)))
    for g, d in people.groupby("project_year"):
        time = d["time"].to_numpy(float)
        aj = _aalen_johansen(time, d["status"].to_numpy())
        curve = got.curves[g]
        assert set(aj["day"]) <= set(time) and set(curve["day"]) <= set(time)
        for r in curve.itertuples():
            assert (r.success, r.other_exit, r.surv) == pytest.approx(_at(aj, r.day), abs=1e-9), (g, r.day)
            assert r.at_risk == int((time >= r.day).sum()) >= project.params.privacy.min_count


def test_the_own_estimator_agrees_with_lifelines_on_untied_times():
    # the reference for the reference: lifelines' AalenJohansenFitter on twelve persons with distinct times
    lifelines = pytest.importorskip("lifelines")
    time = np.array([5, 12, 20, 33, 41, 47, 60, 71, 88, 95, 120, 130.])
    status = np.array([1, 2, 0, 1, 1, 2, 0, 2, 1, 0, 2, 1])
    aj = _aalen_johansen(time, status).set_index("day")
    for way, col in ((1, "success"), (2, "other_exit")):
        ref = lifelines.AalenJohansenFitter(calculate_variance=False, seed=0).fit(time, status, event_of_interest=way)
        ref_at = ref.cumulative_density_.iloc[:, 0].reindex(aj.index, method="ffill")
        np.testing.assert_allclose(aj[col], ref_at, atol=1e-12)
    # by hand at day 20 (one censored, two exits): S = 11/12 · 10/11 = 10/12, F1 = 1/12, F2 = 11/12 · 1/11 = 1/12
    assert _at(aj.reset_index(), 20) == pytest.approx((1 / 12, 1 / 12, 10 / 12))


# ---------------------------------------------------------------------------------------------------------------
# 4. The cost-benefit's present values per actor
#
# (a) Timrå: the budget's seven lines for the whole period (utfall 1 128 000 kr, the Summa row not counted), priced
# in the end year 2019, the price year (so at the price factor 1), spread evenly over the 21 months February 2018 to
# October 2019 (the project ended early, 2019-10-15), month k from the start month discounted by 1,035^(−k/12);
# the förbund's cost borne a quarter by the municipality, a quarter by the region and half by the state.
# ---------------------------------------------------------------------------------------------------------------

def _read_budget(name: str) -> float:
    b = pd.read_csv(ROOT / "data" / name / "budget.csv")
    return float(b.loc[b["category"] != "Summa", "actual"].fillna(b["budget"]).fillna(0).sum())


def test_timra_s_cost_per_actor_is_its_budget_discounted_month_by_month():
    p = _yaml("timra-vagen-ut")
    rate, start, end = p["cost_benefit"]["discount_rate"], _as_date(p["period"]["start"]), _as_date(p["period"]["actual_end"])
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    assert months == 21 and p["cost_benefit"]["price_year"] == end.year
    pv = _read_budget("timra-vagen-ut") * float(np.mean((1 + rate) ** (-np.arange(months) / 12)))
    got = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"), monte_carlo=False, effect=False)
    cost = got.table.set_index("perspective")["pv_cost"]
    assert cost["kommun"] == pytest.approx(pv / 4, rel=1e-12)
    assert cost["region"] == pytest.approx(pv / 4, rel=1e-12)
    assert cost["stat"] == pytest.approx(pv / 2, rel=1e-12)
    assert cost["offentliga"] == pytest.approx(pv, rel=1e-12) and cost["samhälle"] == pytest.approx(pv, rel=1e-12)


# Timrå's savings: no payments file, so each of the 19 who left försörjningsstöd for one of the six outcomes that
# leave it (the default success_outcomes; all 52 were on försörjningsstöd at start) saves the riksnorm of their
# household in the price year 2019 (evaltools/data/riksnorm.csv, a child at the 7–10 band) plus housing 4 300 kr
# (2023) repriced by SCB's KPI 334,26/403,7, from the month after the exit month, 36 months, year y after the
# exit at 0,8^y, times 1 − 25 % (the default deadweight without a comparison group), discounted as above. A move to
# sickness compensation or sickness benefit is paid instead by Försäkringskassan, to studies or another benefit by
# the state; a move to subsidised work costs the state a wage subsidy of 12 000 kr a month (price-year prices) for 12
# months from the same month, times the same 1 − 25 %.
FK_OUTCOMES, STATE_OUTCOMES = ("sjuk_aktivitetsersättning", "sjukpenning"), ("studier", "annan_ersättning")


def _timra_by_hand() -> dict[str, np.ndarray]:
    """Each actor's flows on the monthly grid from February 2018 (month 0), undiscounted, and the discount factors."""
    p = _yaml("timra-vagen-ut")
    cb = p["cost_benefit"]
    df = pd.read_csv(ROOT / "data/timra-vagen-ut/participants.csv", dtype=str, keep_default_na=False)
    kpi = pd.read_csv(ROOT / "evaltools/data/kpi.csv").set_index("year").iloc[:, 0]
    norm = pd.read_csv(ROOT / "evaltools/data/riksnorm.csv", dtype={"band": str}, keep_default_na=False)
    norm = norm[norm["year"] == cb["price_year"]].set_index(["component", "band"])["amount_sek_month"].astype(float)
    housing = cb["monthly_level"]["housing_sek"] * kpi[cb["price_year"]] / kpi[cb["monthly_level"]["housing_year"]]

    def level(household: str, children: int) -> float:
        couple = household.startswith("sambo")
        kids = max(children, 1) if household.endswith("med_barn") else 0
        return (norm[("adult_couple" if couple else "adult_single", "")] + kids * norm[("child", "7-10")]
                + norm[("shared", str(min((2 if couple else 1) + kids, 7)))] + housing)

    leavers = df[df["outcome"].isin(SIX) & (df["support_start"] == "försörjningsstöd")]
    assert len(leavers) == 19 and (df["support_start"] == "försörjningsstöd").all() and df["household_id"].is_unique
    # (no one reaches 65, the age of äldreförsörjningsstöd until 2022, within the horizon: the oldest, born 1958, in 2023)
    assert leavers["birth_year"].astype(int).min() + 65 > 2022
    n_grid = 21 + 48
    # each actor's cost and benefit (a benefit paid instead is a negative benefit) on the grid
    flows = {f"{kind}_{who}": np.zeros(n_grid) for kind in ("cost", "benefit") for who in ("kommun", "region", "stat", "fk")}
    for who, share in (("kommun", 0.25), ("region", 0.25), ("stat", 0.5)):
        flows[f"cost_{who}"][:21] = share * _read_budget("timra-vagen-ut") / 21
    keep = 1 - 0.25
    for r in leavers.itertuples():
        end = pd.Timestamp(r.end_date)
        first = (end.year - 2018) * 12 + end.month - 2 + 1
        j = np.arange(36)
        saved = level(r.household_type, int(r.n_children or 0)) * keep * (1 - cb["dropoff_per_year"]) ** (j // 12)
        flows["benefit_kommun"][first + j] += saved
        if r.outcome in FK_OUTCOMES:
            flows["benefit_fk"][first + j] -= saved
        elif r.outcome in STATE_OUTCOMES:
            flows["benefit_stat"][first + j] -= saved
        elif r.outcome == "arbete_med_stöd":
            flows["benefit_stat"][first + np.arange(12)] -= 12_000 * keep
    flows["benefit_stat"] += flows["benefit_fk"]  # (Försäkringskassan is within the state)
    flows["discount"] = (1 + cb["discount_rate"]) ** (-np.arange(n_grid) / 12)
    return flows


def test_timra_s_present_values_per_actor_break_even_switching_value_and_payback_agree_with_a_hand_calculation():
    f = _timra_by_hand()
    pv = {k: float((v * f["discount"]).sum()) for k, v in f.items() if k != "discount"}
    got = et.cost_benefit(et.load_project(PARAMS / "timra-vagen-ut.yaml"), monte_carlo=False, effect=False)
    t = got.table.set_index("perspective")
    for who in ("kommun", "region", "stat", "fk"):
        assert t.loc[who, "pv_benefit"] == pytest.approx(pv[f"benefit_{who}"], rel=1e-9, abs=1e-6), who
        assert t.loc[who, "pv_cost"] == pytest.approx(pv[f"cost_{who}"], rel=1e-9, abs=1e-6), who
    public_benefit = pv["benefit_kommun"] + pv["benefit_region"] + pv["benefit_stat"]
    public_cost = pv["cost_kommun"] + pv["cost_region"] + pv["cost_stat"]
    assert t.loc["offentliga", "pv_benefit"] == pytest.approx(public_benefit, rel=1e-9)
    assert t.loc["offentliga", "npv"] == pytest.approx(public_benefit - public_cost, rel=1e-9)
    assert t.loc["samhälle", "pv_skattefaktor"] == pytest.approx(0.3 * (public_benefit - public_cost), rel=1e-9)
    # the break-even: the perspective's cost over its saving per exit (19 exits of this mix)
    assert t.loc["kommun", "break_even_exits"] == pytest.approx(pv["cost_kommun"] / (pv["benefit_kommun"] / 19), rel=1e-9)
    assert t.loc["offentliga", "break_even_exits"] == pytest.approx(public_cost / (public_benefit / 19), rel=1e-9)
    # the switching deadweight: every flow of an exit scales with 1 − deadweight, so the NPV is 0 at
    # 1 − d = 0,75 · cost / saving
    assert t.loc["kommun", "switching_deadweight"] == pytest.approx(
        1 - 0.75 * pv["cost_kommun"] / pv["benefit_kommun"], rel=1e-9)
    assert t.loc["offentliga", "switching_deadweight"] == pytest.approx(1 - 0.75 * public_cost / public_benefit, rel=1e-9)
    # the payback month: from the start month as month 1, the month from which the discounted cumulative net stays ≥ 0
    cum = np.cumsum((f["benefit_kommun"] - f["cost_kommun"]) * f["discount"])
    assert cum[-1] > 0
    assert t.loc["kommun", "payback_months"] == np.flatnonzero(cum < 0)[-1] + 2


# Specialistteamet: own payments. Each of the 112 leavers (ended by the data date 2026-10-31 for one of the six
# outcomes, on försörjningsstöd at start, with payment rows) saves their own mean payment over months −12 … −7
# before the start month (the six months summed, 0 kr for a month without a row, over six), each payment in 2025
# prices by SCB's KPI of its year. The first year follows the payments: for k = 1 … 12 months after the exit month,
# among the leavers the file (to 2026-10) covers that long and who had a level, the share kept is 1 − their payments
# that month over their levels; with at least 20 covered at 12 months, month k saves that share and the drop-off
# after it is 1 − the share at 12 months (observed; replaces the params' 20 %). The saving runs 36 months from the
# month after the exit month (an exit dated the 1st too: that month is paid), times 1 − 25 % (no
# comparison group), month k from April 2024 discounted by 1,035^(−k/12), ending in the month a leaver turns 67 (the
# age of äldreförsörjningsstöd from 2026; born in the middle of the birth year: none does within the horizon). The
# costs: each year's lines (utfall, else budget; the total rows not counted), 2024's repriced by 418,47/415,15, spread
# over the year's months within the project (April 2024 to December 2026).
def _specialistteamet_by_hand() -> dict[str, float]:
    name = "eskilstuna-specialistteamet"
    df = pd.read_csv(ROOT / "data" / name / "participants.csv", dtype=str, keep_default_na=False)
    pay = pd.read_csv(ROOT / "data" / name / "payments.csv", dtype={"person_id": str})
    kpi = pd.read_csv(ROOT / "evaltools/data/kpi.csv").set_index("year").iloc[:, 0]
    pay["m"] = _month_number(pay["month"] + "-01")
    pay["fixed"] = pay["amount"] * kpi[2025] / kpi.loc[pay["month"].str[:4].astype(int)].to_numpy()
    paid = pay.set_index(["person_id", "m"])["fixed"].to_dict()
    last = int(pay["m"].max())
    lv = df[(df["end_date"] != "") & df["outcome"].isin(SIX) & df["person_id"].isin(set(pay["person_id"]))].copy()
    lv = lv[pd.to_datetime(lv["end_date"]) <= pd.Timestamp("2026-10-31")]
    assert len(lv) == 112 and (lv["support_start"] == "försörjningsstöd").all() and df["person_id"].is_unique
    _own_levels(lv, paid)
    assert (lv["level"] > 0).all()  # (no one without payments in the window: no level to impute)
    kept_arr = _kept_by_month(lv, paid, last)
    j = np.arange(36)
    share = np.where(j < 12, kept_arr[np.minimum(j, 11)], kept_arr[-1] ** (j // 12))
    first = lv["exit_m"].to_numpy() + 1 - (2024 * 12 + 3)
    out = {"kommun": 0.0, "fk": 0.0, "stat_benefit": 0.0, "subsidy": 0.0}
    for lvl, f0, outcome, by in zip(lv["level"], first, lv["outcome"], lv["birth_year"].astype(int)):
        months = f0 + j
        young = months < (by * 12 + 6 + 12 * 67) - (2024 * 12 + 3)
        pv = float((lvl * share * 0.75 * 1.035 ** (-months / 12) * young).sum())
        out["kommun"] += pv
        if outcome in FK_OUTCOMES:
            out["fk"] -= pv
        elif outcome in STATE_OUTCOMES:
            out["stat_benefit"] -= pv
        elif outcome == "arbete_med_stöd":
            out["subsidy"] -= float((12_000 * 0.75 * 1.035 ** (-(f0 + np.arange(12)) / 12)).sum())
    b = pd.read_csv(ROOT / "data" / name / "budget.csv")
    b = b[~b["category"].str.contains("Total|Summa")]
    months_of = {"2024": np.arange(0, 9), "2025": np.arange(9, 21), "2026": np.arange(21, 33)}
    price = {"2024": kpi[2025] / kpi[2024], "2025": 1.0, "2026": 1.0}  # (2026's KPI is 2025's until SCB gives it)
    out["cost"] = float(sum(a * price[str(p)] * np.mean(1.035 ** (-months_of[str(p)] / 12))
                            for p, a in zip(b["period"], b["actual"].fillna(b["budget"]))))
    out["kept"] = kept_arr
    return out


def test_specialistteamet_s_present_values_per_actor_agree_with_a_hand_calculation_from_its_payments():
    h = _specialistteamet_by_hand()
    got = et.cost_benefit(et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml"), monte_carlo=False, effect=False)
    t = got.table.set_index("perspective")
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(h["kommun"], rel=1e-9)
    assert t.loc["fk", "pv_benefit"] == pytest.approx(h["fk"], rel=1e-9)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(h["fk"] + h["stat_benefit"] + h["subsidy"], rel=1e-9)
    for who, share in (("kommun", 0.25), ("region", 0.25), ("stat", 0.5), ("offentliga", 1.0)):
        assert t.loc[who, "pv_cost"] == pytest.approx(share * h["cost"], rel=1e-9), who
    public = h["kommun"] + h["fk"] + h["stat_benefit"] + h["subsidy"]
    assert t.loc["offentliga", "npv"] == pytest.approx(public - h["cost"], rel=1e-9)
    assert t.loc["offentliga", "break_even_exits"] == pytest.approx(h["cost"] / (public / 112), rel=1e-9)
    assert t.loc["kommun", "break_even_exits"] == pytest.approx(h["cost"] / 4 / (h["kommun"] / 112), rel=1e-9)


# Språngbrädan and Kompassen: own payments as above (their first year followed in the payments too), with two rules
# more. The deadweight is the comparison group's share who left försörjningsstöd over the participants'. A household
# whose members leave leaves försörjningsstöd at its first exit: from the month after its month the
# municipality saves the level of that first leaver (of several on that day, their mean) once, divided equally
# between its leavers; a leaver's part paid instead by Försäkringskassan or the state, and a wage subsidy, run from
# their own exit. (Kompassen's benefits paid instead are measured in register data, its försörjningsstöd is not.)
HOUSEHOLD_SAMPLES = {
    # sample: (leavers, comparison leavers of persons with an outcome, households with several leavers)
    "sprangbradan-demo": (66, (167, 360), 7),
    "kompassen-demo": (86, (133, 540), 8),
}


def _household_savings_by_hand(name: str) -> dict[str, float]:
    p = _yaml(name)
    price_year, start = p["cost_benefit"]["price_year"], _month_number(pd.Series([str(p["period"]["start"])]))[0]
    df = pd.read_csv(ROOT / "data" / name / "participants.csv", dtype=str, keep_default_na=False)
    others = pd.read_csv(ROOT / "data" / name / "comparison.csv", dtype=str, keep_default_na=False)
    pay = pd.read_csv(ROOT / "data" / name / "payments.csv", dtype={"person_id": str})
    kpi = pd.read_csv(ROOT / "evaltools/data/kpi.csv").set_index("year").iloc[:, 0]
    pay["m"] = _month_number(pay["month"] + "-01")
    pay["fixed"] = pay["amount"] * kpi[price_year] / kpi.loc[pay["month"].str[:4].astype(int)].to_numpy()
    paid = pay.set_index(["person_id", "m"])["fixed"].to_dict()
    last = int(pay["m"].max())
    ended = df[(df["end_date"] != "") & (pd.to_datetime(df["end_date"].replace("", None))
                                          <= pd.Timestamp(str(p["data_as_of"])))]
    assert (ended["support_start"] == "försörjningsstöd").all() and df["person_id"].is_unique
    n_leavers, (k_c, n_c), n_households = HOUSEHOLD_SAMPLES[name]
    counted = others[others["outcome"] != ""]
    assert (int(counted["outcome"].isin(SIX).sum()), len(counted)) == (k_c, n_c)
    deadweight = (k_c / n_c) / ended["outcome"].isin(SIX).mean()
    lv = ended[ended["outcome"].isin(SIX) & ended["person_id"].isin(set(pay["person_id"]))].copy()
    assert len(lv) == n_leavers
    _own_levels(lv, paid)
    assert (lv["level"] > 0).all()
    kept_arr = _kept_by_month(lv, paid, last)
    j = np.arange(36)
    share = np.where(j < 12, kept_arr[np.minimum(j, 11)], kept_arr[-1] ** (j // 12)) * (1 - deadweight)
    lv["first"] = lv["exit_m"].to_numpy() + 1 - start
    lv["part"], lv["household_first"] = lv["level"], lv["first"]
    several = 0
    for _, g in lv.groupby("household_id"):
        if g["person_id"].nunique() > 1:
            several += 1
            lv.loc[g.index, "part"] = g.loc[g["end_date"] == g["end_date"].min(), "level"].mean() / len(g)
            lv.loc[g.index, "household_first"] = g["first"].min()
    assert several == n_households
    # the month of the age of äldreförsörjningsstöd, as in force in the year it comes (65 until 2022, 66 in
    # 2023–2025, 67 from 2026; born in the middle of the birth year): every flow of the leaver ends there
    pension = {by: (by * 12 + 6 + 12 * (65 if by + 65 < 2023 else 66 if by + 66 < 2026 else 67)) - start
               for by in lv["birth_year"].astype(int).unique()}
    out = {"kommun": 0.0, "fk": 0.0, "stat_benefit": 0.0, "subsidy": 0.0, "months_past_pension": 0}
    for x in lv.itertuples():
        end = pension[int(x.birth_year)]
        out["months_past_pension"] += int((x.household_first + j >= end).sum())
        out["kommun"] += float((x.part * share * 1.035 ** (-(x.household_first + j) / 12)
                                * (x.household_first + j < end)).sum())
        own = float((x.part * share * 1.035 ** (-(x.first + j) / 12) * (x.first + j < end)).sum())
        if x.outcome in FK_OUTCOMES:
            out["fk"] -= own
        elif x.outcome in STATE_OUTCOMES:
            out["stat_benefit"] -= own
        elif x.outcome == "arbete_med_stöd":
            jj = np.arange(12)
            out["subsidy"] -= float((12_000 * (1 - deadweight) * 1.035 ** (-(x.first + jj) / 12)
                                     * (x.first + jj < end)).sum())
    return out


def test_sprangbradan_s_savings_per_actor_with_its_households_and_comparison_deadweight_agree_with_a_hand_calculation():
    h = _household_savings_by_hand("sprangbradan-demo")
    got = et.cost_benefit(et.load_project(PARAMS / "sprangbradan-demo.yaml"), monte_carlo=False, effect=False)
    t = got.table.set_index("perspective")
    assert t.loc["kommun", "pv_benefit"] == pytest.approx(h["kommun"], rel=1e-9)
    assert t.loc["fk", "pv_benefit"] == pytest.approx(h["fk"], rel=1e-9)
    assert t.loc["stat", "pv_benefit"] == pytest.approx(h["fk"] + h["stat_benefit"] + h["subsidy"], rel=1e-9)
    public = h["kommun"] + h["fk"] + h["stat_benefit"] + h["subsidy"]
    assert t.loc["offentliga", "pv_benefit"] == pytest.approx(public, rel=1e-9)
    # docs/methods.md quotes the public financiers' NPV under the household rule: −3 070 239 kr
    assert round(t.loc["offentliga", "npv"]) == -3_070_239


def test_kompassen_s_forsorjningsstod_saved_and_wage_subsidies_agree_with_a_hand_calculation():
    h = _household_savings_by_hand("kompassen-demo")
    assert h["months_past_pension"] > 0  # (leavers who reach 66 within the three years: their saving ends there)
    got = et.cost_benefit(et.load_project(PARAMS / "kompassen-demo.yaml"), monte_carlo=False, effect=False)
    ledger = got.ledger.groupby(["item", "actor"])["pv"].sum()
    assert ledger["forsorjningsstod", "kommun"] == pytest.approx(h["kommun"], rel=1e-9)
    assert ledger["lonestod", "stat"] == pytest.approx(h["subsidy"], rel=1e-9)


# (b) A small project at the sample's rate, horizon and drop-off (3,5 %, three years, 20 % a year) with a deadweight
# of 30 %: a fixed level of 10 000 kr a month (KPI flat, so no repricing), a budget of 240 000 kr for 2023 spread
# over its twelve months. Four leave försörjningsstöd — A1 (2023-03-20) and A2 (2023-06-30) for work, S1 (2023-05-10)
# for sickness compensation (Försäkringskassan pays instead), U1 (2023-08-15) for studies (the state pays study
# support instead) — and two end still on it. Each leaver saves from the month after the exit month, 36 months,
# year y after the exit (y = 0, 1, 2) at (1 − 0,2)^y, times 0,7; month k from January 2023 discounted by 1,035^(−k/12).
SMALL_CB = """\
id: rakna60
title: Räknat för hand
forbund: Testförbundet
owner: Testkommun
period: {start: 2023-01-01, planned_end: 2023-12-31}
data_as_of: 2023-12-31
data:
  participants: data/participants.csv
  budget: data/budget.csv
cost_benefit:
  price_year: 2023
  monthly_level: {method: fixed, amount_sek: 10000, amount_year: 2023, source: testkälla}
  horizon_years: 3
  dropoff_per_year: 0.2
  deadweight: 0.3
  discount_rate: 0.035
  skattefaktor: 1.3
reference:
  kpi: {2022: 400, 2023: 400, 2024: 400}
privacy:
  min_count: 2
"""
LEAVERS = {"A1": ("2023-03-20", "arbete"), "A2": ("2023-06-30", "arbete"), "S1": ("2023-05-10", "sjuk_aktivitetsersättning"),
           "U1": ("2023-08-15", "studier"), "N1": ("2023-09-01", "kvar_försörjningsstöd"),
           "N2": ("2023-10-01", "kvar_försörjningsstöd")}


@pytest.fixture(scope="module")
def small_cb(tmp_path_factory):
    from .conftest import write_csv  # (the suite's CSV writer)
    d = tmp_path_factory.mktemp("cb60")
    write_csv(d / "data/participants.csv", [
        {"person_id": pid, "sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående",
         "start_date": "2023-01-10", "end_date": end, "outcome": outcome, "support_start": "försörjningsstöd"}
        for pid, (end, outcome) in LEAVERS.items()])
    write_csv(d / "data/budget.csv", [{"period": "2023", "category": "Personal", "budget": 240000, "actual": 240000}])
    (d / "rakna60.yaml").write_text(SMALL_CB, encoding="utf-8")
    return et.cost_benefit(et.load_project(d / "rakna60.yaml"), monte_carlo=False, effect=False)


def _stream_pv(exit_date: str, level: float = 10_000, deadweight: float = 0.3, dropoff: float = 0.2,
               rate: float = 0.035, months: int = 36) -> float:
    e = dt.date.fromisoformat(exit_date)
    first = (e.year - 2023) * 12 + e.month  # the month after the exit month, counted from January 2023 as 0
    j = np.arange(months)
    return float((level * (1 - deadweight) * (1 - dropoff) ** (j // 12) * (1 + rate) ** (-(first + j) / 12)).sum())


def test_the_present_values_per_actor_of_a_small_project_agree_with_a_hand_calculation(small_cb):
    pv = {pid: _stream_pv(LEAVERS[pid][0]) for pid in ("A1", "A2", "S1", "U1")}
    cost = 240_000 * float(np.mean(1.035 ** (-np.arange(12) / 12)))
    p = small_cb.table.set_index("perspective")
    kommun = pv["A1"] + pv["A2"] + pv["S1"] + pv["U1"]
    assert p.loc["kommun", "pv_benefit"] == pytest.approx(kommun, rel=1e-9)
    assert p.loc["fk", "pv_benefit"] == pytest.approx(-pv["S1"], rel=1e-9)
    assert p.loc["stat", "pv_benefit"] == pytest.approx(-pv["S1"] - pv["U1"], rel=1e-9)  # (the state, FK within it)
    assert p.loc["region", "pv_benefit"] == pytest.approx(0, abs=1e-6)
    public = pv["A1"] + pv["A2"]  # (the moves to a benefit are transfers within the public budgets)
    assert p.loc["offentliga", "pv_benefit"] == pytest.approx(public, rel=1e-9)
    for who, share in (("kommun", 0.25), ("region", 0.25), ("stat", 0.5), ("offentliga", 1.0), ("samhälle", 1.0)):
        assert p.loc[who, "pv_cost"] == pytest.approx(share * cost, rel=1e-9), who
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(0, abs=1e-6)
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(0.3 * (public - cost), rel=1e-9)
    assert p.loc["samhälle", "npv"] == pytest.approx(-cost + 0.3 * (public - cost), rel=1e-9)
    for who in ("kommun", "offentliga"):
        assert p.loc[who, "npv"] == pytest.approx(p.loc[who, "pv_benefit"] - p.loc[who, "pv_cost"], rel=1e-9)


def test_the_break_even_of_a_small_project_is_its_cost_over_the_saving_per_exit(small_cb):
    pv = [_stream_pv(LEAVERS[pid][0]) for pid in ("A1", "A2", "S1", "U1")]
    cost = 240_000 * float(np.mean(1.035 ** (-np.arange(12) / 12)))
    p = small_cb.table.set_index("perspective")
    # the municipality saves each of the four exits; the public financiers only the two to work
    assert p.loc["kommun", "break_even_exits"] == pytest.approx(cost / 4 / (sum(pv) / 4), rel=1e-9)
    assert p.loc["offentliga", "break_even_exits"] == pytest.approx(cost / ((pv[0] + pv[1]) / 4), rel=1e-9)


# ---------------------------------------------------------------------------------------------------------------
# 1b. The logistic regression of a successful outcome on sex, age group and intake year, where it is fitted (ten events
# of the rarer kind per parameter): statsmodels' GLM with a binomial family (iteratively reweighted least squares, not
# the Logit's Newton steps) on the same ended persons, each variable against its most common category.
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["eskilstuna-specialistteamet", "kompassen-demo"])
def test_the_success_model_s_odds_ratios_agree_with_a_binomial_glm(name):
    import statsmodels.api as sm  # (the reference fit)
    import statsmodels.formula.api as smf  # (its formula, with each variable's reference category)
    df = _people(name)
    ended = df[df["counted"]].assign(y=lambda d: d["success"].astype(int), project_year=lambda d: d["project_year"].astype(str))
    covariates = ("sex", "age_group", "project_year")
    params = 1 + sum(ended[c].nunique() - 1 for c in covariates)
    assert min(ended["y"].sum(), (1 - ended["y"]).sum()) >= 10 * params  # (so the model is fitted)
    refs = {c: ended[c].value_counts().index[0] for c in covariates}
    assert all((ended[c].value_counts() < ended[c].value_counts().iloc[0]).sum() == ended[c].nunique() - 1
               for c in covariates)  # (no tie for the most common category)
    formula = "y ~ " + " + ".join(f"C({c}, Treatment(reference='{refs[c]}'))" for c in covariates)
    fit = smf.glm(formula, ended, family=sm.families.Binomial()).fit()
    ci = fit.conf_int()
    want = {}
    for term in fit.params.index.drop("Intercept"):
        var = term.split(",")[0][2:]
        cat = term.split("[T.")[1].rstrip("]")
        want[(var, cat)] = (math.exp(fit.params[term]), math.exp(ci.loc[term, 0]), math.exp(ci.loc[term, 1]),
                            fit.pvalues[term])
    got = cohorts.success_model(et.load_project(PARAMS / f"{name}.yaml")).raw
    assert {(v, str(c)) for v, c in zip(got["variable"], got["category"])} == set(want)
    for r in got.itertuples():
        assert (r.odds_ratio, r.ci_low, r.ci_high, r.p_value) == pytest.approx(want[(r.variable, str(r.category))],
                                                                             rel=1e-6), (r.variable, r.category)


# A small project: twelve ended, four women (3 successes), four men (1) and four whose sex is not recorded (all four
# successes). The test compares the known groups only: Fisher's exact test of [[3, 1], [1, 3]] (expected counts of
# 2), by hand p = (C(4,3)C(4,1) + C(4,1)C(4,3) + C(4,4)C(4,0) + C(4,0)C(4,4)) / C(8,4) = (16 + 16 + 1 + 1) / 70;
# one test, so no adjustment. With the unknown four as a group the table would be 3 x 2 and its p-value another.
def test_a_small_project_s_test_leaves_out_the_unknown_and_needs_no_adjustment(tmp_path):
    from .conftest import write_csv  # (the suite's CSV writer)
    rows = [(f"W{i}", "kvinna", "arbete" if i < 3 else "avbrott") for i in range(4)]
    rows += [(f"M{i}", "man", "arbete" if i < 1 else "avbrott") for i in range(4)]
    rows += [(f"U{i}", "okänt", "arbete") for i in range(4)]
    write_csv(tmp_path / "data/participants.csv", [
        {"person_id": pid, "sex": sex, "birth_year": 1980, "household_type": "ensamstående", "start_date": "2023-02-01",
         "end_date": "2023-09-01", "outcome": outcome} for pid, sex, outcome in rows])
    (tmp_path / "p.yaml").write_text(
        "id: liten60\ntitle: Liten\nforbund: Testförbundet\nowner: Testkommun\n"
        "period: {start: 2023-01-01, planned_end: 2023-12-31}\ndata:\n  participants: data/participants.csv\n"
        "privacy: {min_count: 2}\n", encoding="utf-8")
    got = cohorts.outcome_rates(et.load_project(tmp_path / "p.yaml"), by="sex").raw.set_index("category")
    assert got.loc["okänt", "n"] == 4 and got.loc["okänt", "successes"] == 4
    assert (got["test"] == "Fisher").all()
    assert got["p_value"].to_numpy() == pytest.approx([34 / 70] * 3, rel=1e-12)
    assert got["p_holm"].to_numpy() == pytest.approx([34 / 70] * 3, rel=1e-12)
    # the share of the women, 3 of 4: Clopper–Pearson's ends are the 2,5 % quantile of Beta(3, 2) and the 97,5 %
    # quantile of Beta(4, 1), whose distribution function is x^4: the upper end solves x^4 = 0,975
    assert got.loc["kvinna", "ci_high"] == pytest.approx(0.975 ** 0.25, rel=1e-12)
    assert got.loc["kvinna", "ci_low"] == pytest.approx(stats.beta.ppf(0.025, 3, 2), rel=1e-12)


# The payments section's table of the two shares who left försörjningsstöd (the ratio that gives the deadweight):
# the ended participants on försörjningsstöd at start who left for one of the six outcomes that leave it, against the
# comparison persons with an outcome at follow-up; Clopper–Pearson intervals and Pearson's chi-square with Yates'
# correction (every expected count is far above 5), from the two person files.
@pytest.mark.parametrize("name", DID_SAMPLES)
def test_the_share_who_left_against_the_comparison_group_agrees_with_the_person_files(name):
    from evaltools.analysis import comparison  # (the table under test)
    people = pd.read_csv(ROOT / "data" / name / "participants.csv", dtype=str, keep_default_na=False)
    others = pd.read_csv(ROOT / "data" / name / "comparison.csv", dtype=str, keep_default_na=False)
    could = people[(people["end_date"] != "") & (people["support_start"] == "försörjningsstöd")]
    counted = others[others["outcome"] != ""]
    groups = {"participants": (len(could), int(could["outcome"].isin(SIX).sum())),
              "comparison": (len(counted), int(counted["outcome"].isin(SIX).sum()))}
    table = np.array([[k, n - k] for n, k in groups.values()])
    got = comparison.compare_exit_rates(et.load_project(PARAMS / f"{name}.yaml")).set_index("group")
    for g, (n, k) in groups.items():
        assert (got.loc[g, "n"], got.loc[g, "successes"]) == (n, k)
        assert got.loc[g, "ci_low"] == pytest.approx(stats.beta.ppf(0.025, k, n - k + 1), rel=1e-9)
        assert got.loc[g, "ci_high"] == pytest.approx(stats.beta.ppf(0.975, k + 1, n - k), rel=1e-9)
    assert (got["test"] == "chi2").all()
    assert got["p_value"].iloc[0] == pytest.approx(_pearson(table), rel=1e-9)


# The participants table beside the comparisons: each group's number of persons and share of all participants,
# counted from the file (every sample has one enrolment per person).
@pytest.mark.parametrize("name", COHORT_SAMPLES)
def test_the_participants_by_group_are_the_counts_of_the_file(name):
    df = _people(name)
    got = cohorts.composition(et.load_project(PARAMS / f"{name}.yaml"), by=VARIABLES).raw
    for var in VARIABLES:
        want = df[var].astype(str).value_counts()
        g = got[got["variable"] == var].assign(category=lambda x: x["category"].astype(str)).set_index("category")
        if var == "project_year" and len(want) < 2:
            assert g.empty
            continue
        assert g["n"].to_dict() == want.to_dict(), var
        np.testing.assert_allclose(g["share"], (want / len(df)).reindex(g.index), rtol=0, atol=1e-12)
