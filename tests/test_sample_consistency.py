"""The synthetic demo projects (kompassen-demo, sprangbradan-demo) agree with themselves.

A participant coded as leaving försörjningsstöd is not paid after the exit month, one coded as
staying is paid on, persons of one household share one series, and the difference in differences
recovers the true effect the generator knows from each participant's payments without the project.
Every project here is made from the generator in tmp_path: nothing depends on params/ or data/.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis import comparison
from evaltools.data import synthetic

ROOT = Path(__file__).resolve().parents[1]
# the outcomes that mean leaving försörjningsstöd, written out (schema.LEAVES_SOCIAL_ASSISTANCE: the default
# success_outcomes, which the payments cross-check reads)
LEAVING = ("arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning")
LAST_MONTH = "2025-06"  # the generator's payments run 2019-01 to 2025-06
GROUPS = [("participants", "payments"), ("comparison", "comparison_payments")]


@pytest.fixture(scope="module")
def kompassen() -> dict[str, pd.DataFrame]:
    return synthetic.demo_project(counterfactual=True)


@pytest.fixture(scope="module")
def sprangbradan() -> dict[str, pd.DataFrame]:
    return synthetic.needpeak_project(counterfactual=True)


@pytest.fixture(params=["kompassen", "sprangbradan"])
def frames(request, kompassen, sprangbradan) -> dict[str, pd.DataFrame]:
    return {"kompassen": kompassen, "sprangbradan": sprangbradan}[request.param]


def _month(iso: str) -> str:
    return iso[:7]


def _add_months(month: str, k: int) -> str:
    y, m = int(month[:4]), int(month[5:7])
    v = y * 12 + m - 1 + k
    return f"{v // 12}-{v % 12 + 1:02d}"


@pytest.mark.parametrize("persons_key,payments_key", GROUPS)
def test_no_one_coded_as_leaving_is_paid_after_the_exit_month(frames, persons_key, payments_key):
    persons, pay = frames[persons_key], frames[payments_key]
    last_paid = pay[pay["amount"] > 0].groupby("person_id")["month"].max()
    leavers = persons[persons["outcome"].isin(LEAVING)]
    assert len(leavers) >= 50  # kompassen 86 and sprangbradan 66 participants coded as leaving
    late = [pid for pid, end in zip(leavers["person_id"], leavers["end_date"]) if last_paid.get(pid, "") > _month(end)]
    # the stated rate: none (a leaver is paid through the exit month and never after it)
    assert late == []
    # ... and one who lives alone was paid through the exit month itself: the stop is the exit, not a gap
    alone = leavers[~leavers["household_id"].duplicated(keep=False)
                    & ~leavers["household_id"].isin(persons.loc[~persons["outcome"].isin(LEAVING), "household_id"])]
    assert len(alone) >= 40
    assert [last_paid[pid] for pid in alone["person_id"]] == [_month(end) for end in alone["end_date"]]


@pytest.mark.parametrize("persons_key,payments_key", GROUPS)
def test_everyone_coded_as_staying_is_paid_every_month_to_the_end_of_the_data(frames, persons_key, payments_key):
    persons, pay = frames[persons_key], frames[payments_key]
    stayers = persons[~persons["outcome"].isin(LEAVING)]
    assert len(stayers) >= 50
    paid = pay[pay["amount"] > 0]
    months = paid[paid["person_id"].isin(stayers["person_id"])].groupby("person_id")["month"].agg(["nunique", "max"])
    # 2019-01 to 2025-06 is 6 * 12 + 6 = 78 months, every one of them paid
    assert (months["nunique"] == 78).all() and (months["max"] == LAST_MONTH).all()
    assert set(months.index) == set(stayers["person_id"])


@pytest.mark.parametrize("persons_key,payments_key", GROUPS)
def test_persons_of_one_household_share_one_series_and_one_kind_of_exit(frames, persons_key, payments_key):
    persons, pay = frames[persons_key], frames[payments_key]
    sizes = persons.groupby("household_id")["person_id"].nunique()
    shared = sizes[sizes > 1].index
    assert len(shared) >= 5  # about a tenth of persons live with another one
    for hh in shared:
        ids = persons.loc[persons["household_id"] == hh, "person_id"].tolist()
        series = [pay.loc[pay["person_id"] == pid, ["month", "amount", "household_id"]].reset_index(drop=True)
                  for pid in ids]
        for s in series[1:]:
            pd.testing.assert_frame_equal(s, series[0])
        kinds = persons.loc[persons["household_id"] == hh, "outcome"].isin(LEAVING)
        assert kinds.nunique() == 1, hh
    # and the payments file names the same household as the persons file
    hh_of = dict(zip(persons["person_id"], persons["household_id"]))
    assert (pay["household_id"] == pay["person_id"].map(hh_of)).all()


def _true_effect(frames: dict[str, pd.DataFrame], months_after: int = 12) -> float:
    """The mean over participants and months 0..months_after from each one's start month of what they
    were paid less what they would have been paid without the project (no row: 0 kr), by dictionary
    look-ups: a method of its own, not the generator's ``true_effect``."""
    paid = {(p, m): a for p, m, a in frames["payments"][["person_id", "month", "amount"]].itertuples(index=False)}
    cf = {(p, m): a for p, m, a in frames["counterfactual_payments"][["person_id", "month", "amount"]]
          .itertuples(index=False)}
    diffs = []
    for pid, start in zip(frames["participants"]["person_id"], frames["participants"]["start_date"]):
        for k in range(months_after + 1):
            m = _add_months(_month(start), k)
            diffs.append(paid.get((pid, m), 0) - cf.get((pid, m), 0))
    return float(np.mean(diffs))


def _write_project(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("participants", "payments", "comparison", "comparison_payments"):
        frames[name].to_csv(data / f"{name}.csv", index=False)
    synthetic.kompassen_budget().to_csv(data / "budget.csv", index=False)
    pid = frames["participants"]["project_id"].iloc[0]
    params = tmp_path / f"{pid}.yaml"
    params.write_text(f"id: {pid}\n" + textwrap.dedent("""\
        title: Demo
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2021-01-01, planned_end: 2023-12-31}
        data_as_of: 2025-06-30
        data:
          participants: data/participants.csv
          payments: data/payments.csv
          budget: data/budget.csv
          comparison:
            persons: data/comparison.csv
            payments: data/comparison_payments.csv
        comparison:
          months_before: 12
          months_after: 12
        """), encoding="utf-8")
    return params


def test_kompassen_did_recovers_the_true_effect_and_no_exit_contradicts_the_payments(tmp_path, kompassen):
    truth = _true_effect(kompassen)
    # the generator's own figure agrees with the look-ups above
    assert synthetic.true_effect(kompassen).mean() == pytest.approx(truth)
    # more than the 2 000 kr a month less while paid: the project also makes more participants leave. The
    # first four months (0-3) differ by exactly -2 000 kr (no exit before 90 days, i.e. month 3's end),
    # the later ones by more as the exits come
    by_month = synthetic.true_effect(kompassen)
    assert by_month.loc[0:3].tolist() == [-2000.0] * 4 and by_month.loc[12] < -3000
    assert -3200 < truth < -2400
    project = et.load_project(_write_project(tmp_path, kompassen))
    assert "coded_exit_paid" not in [w.code for w in project.warnings]
    result = comparison.compare_payments(project)
    assert result.did.ci_low <= truth <= result.did.ci_high
    assert result.placebo.p_value > 0.05 and not result.parallel_trends_doubtful


def test_the_readme_states_kompassens_true_effect(kompassen):
    truth = _true_effect(kompassen)
    # e.g. -2 774.06 kr -> "−2 770 kr" (to the nearest ten kronor, as the README says it)
    ten = int(round(abs(truth), -1))
    stated = f"−{ten // 1000} {ten % 1000:03d} kr"
    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| `kompassen-demo`"))
    assert stated in row, (stated, row)


def test_sprangbradan_changes_nothing_and_its_check_before_the_start_fails(tmp_path, sprangbradan):
    # the project changes nothing: the payments are those without it, to the krona
    pd.testing.assert_frame_equal(sprangbradan["payments"], sprangbradan["counterfactual_payments"])
    assert _true_effect(sprangbradan) == 0.0
    # its comparison persons leave as often as its participants, by design (participants 0.18 + 0.1 + 0.07 +
    # 0.12 = 0.47, comparison 0.28 + 0.07 + 0.12 = 0.47), here within sampling error
    shares = [sprangbradan[k]["outcome"].isin(LEAVING).mean() for k in ("participants", "comparison")]
    assert abs(shares[0] - 0.47) < 0.1 and abs(shares[1] - 0.47) < 0.1
    project = et.load_project(_write_project(tmp_path, sprangbradan))
    assert "coded_exit_paid" not in [w.code for w in project.warnings]
    result = comparison.compare_payments(project)
    assert result.placebo.p_value < 0.05 and result.parallel_trends_doubtful


def _did(effect: float, low: float, high: float):
    from evaltools.analysis.comparison import DidEstimate, IntervalMethod
    return DidEstimate(effect=effect, se=1.0, ci_low=low, ci_high=high, p_value=0.5, n_obs=100, n_clusters=50,
                       n_treated_clusters=20, df=49, ci_method=IntervalMethod.CLUSTER_T)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_says_an_interval_holding_both_a_fall_and_a_rise_cannot_tell(lang):
    # Språngbrädan's estimate (−174 kr, 95 % KI −750 to 402) holds no effect: "omkring 170 kr lägre (95 %
    # konfidensintervall för skillnaden −402 kr till 750 kr)" read as a fall of between −402 and 750 kr
    from types import SimpleNamespace

    from evaltools.present.sections import summary
    from evaltools.words.text import msg
    pay = SimpleNamespace(did=_did(-174.0, -750.0, 402.0), parallel_trends_doubtful=True)
    r = SimpleNamespace(lang=lang, msg=lambda key, **v: msg(key, lang, **v), payments=pay,
                        cba=SimpleNamespace(summary=SimpleNamespace(deadweight_source="params")),
                        params=SimpleNamespace(comparison=SimpleNamespace(months_after=12)))
    said = " ".join(summary.effect(r)).replace("\xa0", " ")
    if lang == "sv":
        assert ("omkring 170 kr lägre per hushåll och månad i löpande priser, men uppgifterna kan inte avgöra om det blev lägre eller "
                "högre: 95 % konfidensintervallet för skillnaden går från 750 kr lägre till 400 kr högre.") in said
        assert "−402" not in said
    else:
        assert "from SEK 750 lower to SEK 400 higher" in said, said
    # and it says over which months: the start month and the 12 after it (months_after)
    assert ("under startmånaden och de 12 månaderna därefter" if lang == "sv"
            else "in the start month and the 12 months after it") in said, said
    # an interval on one side keeps the sentence it had: a fall of 2 142 to 2 911 kr, at the hundreds of the
    # "omkring 2 500 kr" it surrounds
    r.payments = SimpleNamespace(did=_did(-2526.0, -2911.0, -2142.0), parallel_trends_doubtful=True)
    said = " ".join(summary.effect(r)).replace("\xa0", " ")
    assert ("(95 % konfidensintervall för skillnaden 2 100 kr till 2 900 kr)" if lang == "sv"
            else "(95% confidence interval SEK 2,100 to SEK 2,900)") in said, said
