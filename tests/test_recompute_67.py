"""The newest features recomputed independently: a pre-study before the implementation (project years counted from
``period.implementation_start``, the pre-study's own budget period and subtotal, its participants counted, the cost
per participant with it, the workbook's facts sheet); goal rules (a count goal and share goals of job seekers, of
employment, of those who ended, of all participants and within 18 months of the start) per project year after a
pre-study; small counts in every table of two samples' HTML report and workbook; and the cost-benefit per actor with
the first year's kept share measured from a household's payments under the rule that a month in which another member
of the leaver's household is enrolled does not follow the leaver.

Every expected value is worked out here from the rows written in the test (or the sample's files) by the rules
docs/methods.md and docs/data-contract.md state, with pandas and numpy, and statsmodels/scipy for the intervals and
tests; never taken from the function under test."""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

import evaltools as et

from .conftest import params_refusal, write_csv


def _day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _plain(text) -> str:
    return " ".join(str(text).replace("\u00a0", " ").replace("\u202f", " ").split())


# =====================================================================================================================
# 1–2. A pre-study (2023-01-01 – 2023-06-30) before a three-year implementation (2023-07-01 – 2026-06-30), data to
# 2026-03-31 (year 3 runs). Each row: person, start, end, outcome, occupation before enrolment. F = pre-study,
# A/B = implementation year 1 (A job seekers), C/D = year 2, E = year 3. "-" = still enrolled.
# =====================================================================================================================
ROWS = """\
F01 2023-02-01 2023-12-15 arbete arbetssökande
F02 2023-03-01 2024-10-31 studier ingen
A01 2023-07-03 2024-03-29 arbete arbetssökande
A02 2023-08-01 2024-04-30 arbete_med_stöd arbetssökande
A03 2023-08-15 2024-05-31 studier arbetssökande
A04 2023-09-01 2024-06-28 kvar_försörjningsstöd arbetssökande
A05 2023-09-15 2025-04-30 arbete arbetssökande
A06 2023-12-01 2024-08-30 avbrott arbetssökande
A07 2024-02-01 - - arbetssökande
A08 2024-05-02 2025-06-30 studier arbetssökande
B01 2023-10-02 2024-09-30 sjukpenning ingen
B02 2023-11-01 2024-12-20 arbete förvärvsarbete
B03 2024-01-08 2025-01-31 arbete_med_stöd ingen
B04 2024-03-01 2024-11-29 flyttat övrigt
B05 2024-04-02 2025-02-28 studier studier
B06 2024-06-03 2025-12-19 arbete ingen
C01 2024-07-01 2025-01-31 arbete arbetssökande
C02 2024-07-15 2025-05-30 arbete arbetssökande
C03 2024-08-01 2025-03-31 kvar_försörjningsstöd arbetssökande
C04 2024-11-04 - - arbetssökande
C05 2025-01-07 2025-12-31 arbete arbetssökande
C06 2025-05-05 2026-02-27 arbete_med_stöd arbetssökande
D01 2024-08-20 2026-02-27 arbete ingen
D02 2024-09-02 2025-10-31 arbete_med_stöd ingen
D03 2024-10-01 2025-09-30 studier studier
D04 2025-01-13 2025-11-28 sjuk_aktivitetsersättning ingen
D05 2025-03-03 2026-01-30 avbrott övrigt
D06 2025-06-02 - - ingen
E01 2025-07-01 - - arbetssökande
E02 2025-08-01 - - arbetssökande
E03 2025-09-01 - - arbetssökande
E04 2025-10-01 - - arbetssökande
E05 2025-11-03 - - arbetssökande
E06 2026-01-12 - - arbetssökande
"""

START, IMPLEMENTATION, PLANNED_END, AS_OF = _day("2023-01-01"), _day("2023-07-01"), _day("2026-06-30"), \
    _day("2026-03-31")

# budget in project years with the pre-study's two lines of its own; år 3 has no utfall yet
BUDGET = [("Förstudie", "Kartläggning", 200_000, 190_500), ("Förstudie", "Samverkansmöten", 50_000, 41_250),
          ("år 1", "Coacher", 1_200_000, 1_150_000), ("år 2", "Coacher", 1_200_000, 1_230_000),
          ("år 3", "Coacher", 1_200_000, None)]

WORK = ["arbete", "arbete_med_stöd"]
WORK_OR_STUDIES = ["arbete", "arbete_med_stöd", "studier"]
GOALS = [
    # (id, kind, label, target, extra keys)
    ("deltagare", "participant_count", "Minst 12 deltagare per projektår under genomförandet", 12, {}),
    ("sokande", "share", "Minst 40 % av de arbetssökande deltagarna ska gå till arbete vid avslut", 0.4,
     {"denominator": "exits", "success_outcomes": WORK, "among": {"occupation_before": "arbetssökande"}}),
    ("syss", "share", "Minst 60 % av de avslutade ska gå till sysselsättning", 0.6,
     {"denominator": "exits", "success_outcomes": WORK}),
    ("alla", "share", "Minst 30 % av alla deltagare ska ha arbete eller studier", 0.3,
     {"denominator": "participants", "success_outcomes": WORK_OR_STUDIES}),
    ("inom", "share", "Minst 85 % ska ha gått till arbete eller studier inom 18 månader från start", 0.85,
     {"denominator": "participants", "success_outcomes": WORK_OR_STUDIES, "within_months": 18}),
    ("totalt", "participant_count", "Minst 40 deltagare under hela projekttiden", 40, {"period": "whole_period"}),
]


def _people() -> pd.DataFrame:
    rows = []
    for i, line in enumerate(ROWS.splitlines()):
        pid, s, e, o, occ = line.split()
        rows.append({"person_id": pid, "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
                     "household_type": "ensamstående", "start_date": s, "end_date": "" if e == "-" else e,
                     "outcome": "" if o == "-" else o, "occupation_before": occ, "support_start": "försörjningsstöd"})
    return pd.DataFrame(rows)


def _yaml_goal(gid, kind, label, target, extra) -> str:
    keys = {"id": gid, "kind": kind, "label": label, "target": target, **extra}

    def val(v):
        if isinstance(v, list):
            return "[" + ", ".join(v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}: {x}" for k, x in v.items()) + "}"
        return str(v)
    return "  - {" + ", ".join(f"{k}: {val(v)}" for k, v in keys.items()) + "}\n"


def _write_prestudy(folder, goals: list | None = None) -> object:
    write_csv(folder / "data" / "deltagare.csv", _people())
    write_csv(folder / "data" / "budget.csv", [{"period": p, "category": c, "budget": b,
                                                "actual": "" if a is None else a, "funder": "förbund"}
                                               for p, c, b, a in BUDGET])
    path = folder / "p67.yaml"
    path.write_text(
        "id: p67\ntitle: Efter förstudien\nforbund: Samordningsförbundet Test\nowner: Test kommun\nkind: individ\n"
        f"period: {{start: {START}, implementation_start: {IMPLEMENTATION}, planned_end: {PLANNED_END}}}\n"
        f"data_as_of: {AS_OF}\ngranted_sek: 4000000\n"
        "data: {participants: data/deltagare.csv, budget: data/budget.csv}\ngoals:\n"
        + "".join(_yaml_goal(*g) for g in (GOALS if goals is None else goals)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prestudy(tmp_path_factory):
    path = _write_prestudy(tmp_path_factory.mktemp("prestudy67"))
    return path, et.load_project(path)


def _add_years(d: dt.date, n: int) -> dt.date:
    return d.replace(year=d.year + n)


def _intake_year(start: pd.Timestamp) -> int:
    """0 for the pre-study, else k where the start falls in [implementation + (k − 1) years, implementation + k)."""
    d = start.date()
    if d < IMPLEMENTATION:
        return 0
    k = 1
    while d >= _add_years(IMPLEMENTATION, k):
        k += 1
    return k


# --- 1. the pre-study -----------------------------------------------------------------------------------------------
def test_project_years_count_from_the_implementations_start_and_the_pre_study_is_year_0(prestudy):
    _, project = prestudy
    people = _people()
    expected = pd.to_datetime(people["start_date"]).map(_intake_year)
    assert expected.value_counts().sort_index().to_dict() == {0: 2, 1: 14, 2: 12, 3: 6}  # (the rows above)
    got = project.participants.set_index("person_id")["project_year"]
    assert got.reindex(people["person_id"]).tolist() == expected.tolist()


def test_the_pre_study_participants_are_counted_and_named_by_their_rows(prestudy):
    """Two began 2023-01-01 – 2023-06-30: F01 and F02, file rows 2 and 3 (row 1 is the heading); they are among the
    34 persons of the whole period."""
    _, project = prestudy
    (said,) = [w for w in project.warnings if w.key == "person.start_in_prestudy"]
    text = _plain(said.text("sv"))
    assert text.split(": ", 1)[1].startswith("2 deltagare började under förstudien (2023-01-01 – 2023-06-30)")
    assert "rad 2, 3." in text and "2023-07-01" in text
    assert project.participants["person_id"].nunique() == len(_people()) == 34


def _by_period(project) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for p, _, b, a in BUDGET:
        key = "Förstudie" if p == "Förstudie" else p
        ob, oa = out.get(key, (0, 0))
        out[key] = (ob + b, oa + (a or 0))
    return out


def test_the_budget_table_gives_the_pre_study_its_own_subtotal(prestudy):
    """Budget 200 000 + 50 000 = 250 000 kr, utfall 190 500 + 41 250 = 231 750 kr, difference −18 250 kr, used
    231 750 / 250 000 = 92,7 %, shown as 93 %; its two lines first, under 'Förstudie'."""
    from evaltools.present.display import Table
    from evaltools.present.sections import budget as budget_section
    path, project = prestudy
    b, a = _by_period(project)["Förstudie"]
    assert (b, a) == (250_000, 231_750)
    used = round(100 * a / b)
    r = et.Report(path, lang="sv")
    table = next(part for blk in budget_section.blocks(r) for part in blk if isinstance(part, Table))
    rows = [[_plain(c) for c in row] for row in table.frame.astype(str).values.tolist()]
    assert [row[0] for row in rows[:2]] == ["Förstudie", "Förstudie"]
    assert [row[1] for row in rows[:2]] == ["Kartläggning", "Samverkansmöten"]
    assert rows[2][1:6] == ["Summa förstudie", f"{b:,} kr".replace(",", " "), f"{a:,} kr".replace(",", " "),
                            f"−{b - a:,} kr".replace(",", " "), f"{used} %"]


def test_the_cost_per_participant_counts_the_pre_study_and_its_participants(prestudy):
    """The lines with utfall are the pre-study, år 1 and år 2, whole budget periods before år 3 (none yet): the cost
    paid so far, 190 500 + 41 250 + 1 150 000 + 1 230 000 = 2 611 750 kr, over the persons who had started by
    år 2's last day, 2025-06-30, the pre-study's two included: 2 + 14 + 12 = 28, so 93 276,79 kr. The total cost
    counts år 3's budget: 3 811 750 kr."""
    _, project = prestudy
    people = _people()
    paid = sum(a for _, _, _, a in BUDGET if a is not None)
    through = _add_years(IMPLEMENTATION, 2) - dt.timedelta(days=1)
    started = people.loc[pd.to_datetime(people["start_date"]) <= pd.Timestamp(through), "person_id"].nunique()
    assert (paid, through, started) == (2_611_750, dt.date(2025, 6, 30), 28)
    s = et.cost_benefit(project, monte_carlo=False, effect=False).summary
    assert s.total_cost_nominal == pytest.approx(paid + 1_200_000, abs=1e-9)
    assert s.per_person_so_far and s.per_person_through == through
    assert s.participants == 34 and s.participants_paid == started
    assert s.cost_per_participant == pytest.approx(paid / started, rel=1e-12)
    # the cost per success divides the same cost by the main goal's successes among everyone who had ended by then
    # (work or subsidised work; the pre-study's F01 included): F01, A01, A02, A05, B02, B03, C01, C02
    end = pd.to_datetime(people["end_date"].replace("", None))
    won = people["outcome"].isin(WORK) & end.notna() & (end <= pd.Timestamp(through))
    assert people.loc[won, "person_id"].tolist() == ["F01", "A01", "A02", "A05", "B02", "B03", "C01", "C02"]
    assert s.goal_successes_paid == 8 and s.cost_per_success == pytest.approx(paid / 8, rel=1e-12)


def test_the_pre_studys_lines_are_priced_in_its_year_and_discounted_over_its_months(prestudy):
    """KPI annual means (evaltools/data/kpi.csv, read here): the price year is 2026; the pre-study's and år 1's lines
    in 2023 prices (both begin in 2023), år 2's in 2024's, år 3's in 2025's. The pre-study's months are the project's
    months 0–5, år 1's 6–17, år 2's 18–29, år 3's 30–41; each line's years from start t satisfy
    (1.035)^−t = mean over its months of (1.035)^(−k/12)."""
    _, project = prestudy
    kpi = pd.read_csv(Path(et.__file__).parent / "data" / "kpi.csv").set_index("year")["kpi_1980_100"]
    year_of = {"Förstudie": 2023, "år 1": 2023, "år 2": 2024, "år 3": 2025}
    months = {"Förstudie": range(0, 6), "år 1": range(6, 18), "år 2": range(18, 30), "år 3": range(30, 42)}
    cost = et.costs(project).table
    for (p, c, b, a), (_, row) in zip(BUDGET, cost.iterrows()):
        assert (row["period"], row["category"]) == (p, c)
        used = a if a is not None else b
        factor = kpi[2026] / kpi[year_of[p]]
        assert row["used_fixed"] == pytest.approx(used * factor, rel=1e-9), (p, c)
        mean = np.mean([1.035 ** (-k / 12) for k in months[p]])
        assert row["t_years"] == pytest.approx(-math.log(mean) / math.log(1.035), abs=1e-9), (p, c)
    # the cost as a present value: each line in the price year's prices, spread evenly over its months, discounted
    # month by month (år 3's budget counted for what remains)
    pv = sum((a if a is not None else b) * kpi[2026] / kpi[year_of[p]]
             * np.mean([1.035 ** (-k / 12) for k in months[p]]) for p, _, b, a in BUDGET)
    table = et.cost_benefit(project, monte_carlo=False, effect=False).table.set_index("perspective")
    assert table.loc["samhälle", "pv_cost"] == pytest.approx(pv, rel=1e-9)
    assert table.loc["kommun", "pv_cost"] == pytest.approx(0.25 * pv, rel=1e-9)


def test_the_participants_by_year_of_intake_show_the_pre_study_as_its_own_group(prestudy):
    """Unsuppressed, the intake years are the pre-study's 2 and the implementation's 14, 12 and 6 (the rows)."""
    _, project = prestudy
    raw = et.composition(project, by=("project_year",)).raw
    expected = pd.to_datetime(_people()["start_date"]).map(_intake_year).value_counts().sort_index()
    assert dict(zip(raw["category"].astype(int), raw["n"])) == expected.to_dict()


def test_the_workbooks_facts_sheet_and_key_figures_give_the_pre_study(prestudy, tmp_path):
    """The first sheet: the period 2023-01-01 – 2026-06-30, the pre-study from its first day to the day before the
    implementation's (2023-06-30), the implementation's start 2023-07-01 and the data's last day 2026-03-31; the key
    figures: 34 participants and the cost per participant of the persons who had started by 2025-06-30,
    2 611 750 / 28 kr, as computed."""
    from evaltools.publish.workbook import export_report
    path, _ = prestudy
    book = next(p for p in export_report(et.Report(path, lang="sv"), tmp_path / "out") if str(p).endswith(".xlsx"))
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    about = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value}
    last_pre_study_day = IMPLEMENTATION - dt.timedelta(days=1)
    assert about["Period"] == f"{START} – {PLANNED_END}"
    assert about["Förstudie"] == f"{START} – {last_pre_study_day}" == "2023-01-01 – 2023-06-30"
    assert about["Genomförandets start (projektår 1)"] == dt.datetime.combine(IMPLEMENTATION, dt.time())
    assert about["Data till och med"] == dt.datetime.combine(AS_OF, dt.time())
    key = {r[0]: r[1] for r in wb["Kostnad och nytta"].iter_rows(values_only=True) if r and r[0]}
    assert key["Deltagare"] == 34
    # (written as computed, so that Excel's whole kronor are the report's; no longer rounded to öre first)
    assert key["Kostnad per deltagare"] == pytest.approx(2_611_750 / 28, rel=1e-12)


# --- 2. the goals, per project year of the implementation --------------------------------------------------------
# docs/methods.md (Goal fulfilment) and docs/data-contract.md (Goals), written out: project years from 2023-07-01,
# the pre-study in none of them; year 3 (2025-07-01 – 2026-06-30) runs at 2026-03-31, its target pro-rated to the
# days run, whole persons halves up; an enrolment counts in the year it started; a share of the exits counts those
# with an end date, a share of the participants every enrolment of the year; "bland arbetssökande" counts the group
# whose occupation_before is job seeking; "sysselsättning" counts work and subsidised work; within 18 months counts an
# exit to a success on or before the start plus 18 calendar months, over the enrolments whose 18 months had passed at
# the analysis date; Clopper–Pearson 95 % (statsmodels, method="beta") and the exact one-sided binomial tests (scipy);
# status by the share as shown (a tenth of a percentage point) against the target, 80 % of it partly, "men osäkert"
# where the interval spans it; one verdict over the periods judged.
BAND = 0.8


def _windows(unit: str) -> list[tuple[str, dt.date, dt.date, int]]:
    if unit == "whole_period":
        return [("hela", START, PLANNED_END, (PLANNED_END - START).days + 1)]
    out = []
    for k in range(1, 4):
        first, nxt = _add_years(IMPLEMENTATION, k - 1), _add_years(IMPLEMENTATION, k)
        out.append((f"år{k}", first, nxt - dt.timedelta(days=1), (nxt - first).days))
    return out


def _point(value: float, target: float) -> str:
    if value >= target - 1e-12:
        return "uppnått"
    return "delvis" if value >= BAND * target - 1e-12 else "ej_uppnått"


def _verdict(statuses: list[str]) -> str:
    judged = [s for s in statuses if s not in ("pågår", "ej_bedömt")]
    if not judged:
        return "pågår" if "pågår" in statuses else "ej_bedömt"
    if len(set(judged)) == 1:
        return judged[0]
    bases = {s.replace("_osäkert", "") for s in judged}
    uncertain = any(s.endswith("_osäkert") for s in judged)
    if len(bases) == 1:
        return f"{bases.pop()}_osäkert"
    return "delvis_osäkert" if uncertain else "delvis"


def _own_goals() -> pd.DataFrame:
    people = _people()
    start = pd.to_datetime(people["start_date"])
    end = pd.to_datetime(people["end_date"].replace("", None))
    as_of = pd.Timestamp(AS_OF)
    rows = []
    for gid, kind, _, target, extra in GOALS:
        for key, first, last, full in _windows(extra.get("period", "project_year")):
            seen = min(last, AS_OF)
            running = seen < last
            r = {"goal_id": gid, "period_key": key, "running": running}
            in_w = (start >= pd.Timestamp(first)) & (start <= pd.Timestamp(seen))
            if kind == "participant_count":
                r["value"] = float(people.loc[in_w, "person_id"].nunique())
                r["target_prorated"] = float(math.floor(target * ((seen - first).days + 1) / full + 0.5))
                r["status"] = "pågår" if running else _point(r["value"], r["target_prorated"])
                rows.append(r)
                continue
            base = in_w.copy()
            success = people["outcome"].isin(extra["success_outcomes"])
            if "among" in extra:
                base &= people["occupation_before"] == extra["among"]["occupation_before"]
            if extra["denominator"] == "exits":
                base &= end.notna()
            if "within_months" in extra:
                due = start + pd.DateOffset(months=extra["within_months"])
                r["not_yet_due"] = float((base & (due > as_of)).sum())
                base &= due <= as_of
                success &= end.notna() & (end <= due)
            k, n = int((base & success).sum()), int(base.sum())
            r.update(numerator=float(k), denominator=float(n))
            if n == 0:
                r.update(value=np.nan, status="pågår" if running else "ej_bedömt")
                rows.append(r)
                continue
            low, high = proportion_confint(k, n, alpha=0.05, method="beta")
            r.update(value=k / n, ci_low=low, ci_high=high)
            if running:
                r["status"] = "pågår"
            else:
                r["p_below_target"] = binomtest(k, n, target, alternative="less").pvalue
                r["p_above_target"] = binomtest(k, n, target, alternative="greater").pvalue
                point = _point(math.floor(1000 * k / n + 0.5) / 1000, target)
                if low > target:
                    r["ci_verdict"], r["status"] = "över", "uppnått"
                elif high < target:
                    r["ci_verdict"], r["status"] = "under", point
                else:
                    r["ci_verdict"], r["status"] = "osäkert", f"{point}_osäkert"
            rows.append(r)
    own = pd.DataFrame(rows)
    own["verdict"] = own.groupby("goal_id")["status"].transform(lambda s: _verdict(list(s)))
    return own.set_index(["goal_id", "period_key"])


@pytest.fixture(scope="module")
def goal_pair(prestudy):
    _, project = prestudy
    return _own_goals(), et.assess_goals(project).table.set_index(["goal_id", "period_key"])


def test_the_hand_counts_are_the_ones_the_rows_say():
    """A check of the hand computation itself on three figures read off the rows above: year 1's job seekers who
    ended, 7 (A01–A06, A08; A07 is still enrolled), 3 of them to work (A01, A02, A05); year 2's enrolments whose 18
    months had passed by 2026-03-31 (started by 2024-09-30): C01, C02, C03, D01, D02, of whom C01, C02 (work) and D02
    (subsidised work, 2025-10-31 before 2026-03-02) reached it in time, D01 (2026-02-27, after 2026-02-20) did not."""
    own = _own_goals()
    assert own.loc[("sokande", "år1"), ["numerator", "denominator"]].tolist() == [3, 7]
    assert own.loc[("inom", "år2"), ["numerator", "denominator", "not_yet_due"]].tolist() == [3, 5, 7]
    assert own.loc[("deltagare", "år3"), ["value", "target_prorated"]].tolist() == [6, 9]  # 12 × 274/365 = 9,0


def test_every_goal_period_is_there_and_the_pre_study_has_none(goal_pair):
    own, table = goal_pair
    assert list(table.index) == list(own.index)
    assert not any("0" == str(k).removeprefix("år") for _, k in table.index)


def test_the_counts_shares_and_intervals_agree(goal_pair):
    own, table = goal_pair
    for key, r in own.iterrows():
        got = table.loc[key]
        if pd.isna(r["value"]):
            assert pd.isna(got["value"]), key
        else:
            assert got["value"] == pytest.approx(r["value"], abs=1e-12), key
        if "numerator" in r and not pd.isna(r["numerator"]):
            assert (got["numerator"], got["denominator"]) == (r["numerator"], r["denominator"]), key
        if not pd.isna(r.get("ci_low", np.nan)):
            assert (got["ci_low"], got["ci_high"]) == pytest.approx((r["ci_low"], r["ci_high"]), abs=1e-9), key
        if not pd.isna(r.get("target_prorated", np.nan)):
            assert got["target_prorated"] == r["target_prorated"], key
        if not pd.isna(r.get("not_yet_due", np.nan)):
            assert got["not_yet_due"] == r["not_yet_due"], key
        assert bool(got["running"]) == r["running"], key


def test_the_one_sided_tests_the_statuses_and_the_verdicts_follow_the_stated_rules(goal_pair):
    own, table = goal_pair
    for key, r in own.iterrows():
        got = table.loc[key]
        assert (str(got["status"]), str(got["verdict"])) == (r["status"], r["verdict"]), key
        if not pd.isna(r.get("p_below_target", np.nan)):
            assert got["p_below_target"] == pytest.approx(r["p_below_target"], abs=1e-9), key
            assert got["p_above_target"] == pytest.approx(r["p_above_target"], abs=1e-9), key
            assert got["ci_verdict"] == r["ci_verdict"], key
    # the rows cover each rule at least once: wholly above, wholly below, spanning; a mixed verdict
    verdicts = set(own.dropna(subset=["ci_verdict"])["ci_verdict"]) if "ci_verdict" in own else set()
    assert verdicts == {"över", "under", "osäkert"}
    assert own.loc[("syss", "år1"), "verdict"] == "delvis_osäkert"


def test_the_whole_period_counts_the_pre_studys_participants_too(goal_pair):
    """34 persons, the two of the pre-study included; 2023-01-01 – 2026-03-31 is 1 186 of the period's 1 277 days:
    40 × 1 186 / 1 277 = 37,1, 37 persons so far."""
    own, table = goal_pair
    assert own.loc[("totalt", "hela"), ["value", "target_prorated"]].tolist() == [34, 37]
    assert table.loc[("totalt", "hela"), "value"] == 34 and table.loc[("totalt", "hela"), "target_prorated"] == 37
    # the project years together count the implementation's 32
    assert table.loc["deltagare", "value"].sum() == 32


# =====================================================================================================================
# 4. The cost-benefit per actor, with the first year measured from a household's payments.
# A tiny project 2022-01-01 – 2023-12-31, every KPI 100 (no price change), a fixed level of 9 000 kr a month, two
# years' horizon, deadweight 25 %, discount rate 3,5 %, skattefaktor 1,3; own payments over the 2 months just before
# each start; the first year observed where 2 leavers are followed 12 months.
#   A (household H1) leaves for work 2022-08-15; B, of the same household, ends 2022-12-20 still on support, so A's
#     months 1–4 after the exit month (2022-09 – 2022-12, B enrolled in each) do not follow A; from 2023-01 they do.
#   C (H2) leaves for sickness compensation 2022-09-30, D (H3) for studies 2022-10-10, E (H4) ends on support.
# The budget: 2022 240 000 kr and 2023 120 000 kr of utfall, the förbund's (state 50 %, region and municipality 25 %
# each), each spread evenly over its twelve months.
# =====================================================================================================================
CB_PEOPLE = [  # person, sex, birth year, household type, start, end, outcome, household
    ("A", "kvinna", 1980, "sambo_med_barn", "2022-02-01", "2022-08-15", "arbete", "H1"),
    ("B", "man", 1979, "sambo_med_barn", "2022-02-01", "2022-12-20", "kvar_försörjningsstöd", "H1"),
    ("C", "kvinna", 1985, "ensamstående", "2022-03-01", "2022-09-30", "sjuk_aktivitetsersättning", "H2"),
    ("D", "man", 1990, "ensamstående", "2022-04-01", "2022-10-10", "studier", "H3"),
    ("E", "kvinna", 1988, "ensamstående", "2022-05-01", "2023-03-31", "kvar_försörjningsstöd", "H4"),
]
CB_PAYMENTS = {  # household: {month: kr}
    # H1: 10 000 before the start (A's own level 10 000); paid on while B is enrolled (Sep–Dec 2022), then 3 000 kr in
    # January and February 2023 against A
    "H1": {"2021-12": 10000, "2022-01": 10000, "2022-02": 10000, "2022-09": 10000, "2022-10": 10000,
           "2022-11": 10000, "2022-12": 10000, "2023-01": 3000, "2023-02": 3000},
    # H2: C's level 8 000; 2 000 kr in the first month after the exit month (2022-10) and 800 kr in the twelfth (2023-09)
    "H2": {"2022-01": 8000, "2022-02": 8000, "2022-10": 2000, "2023-09": 800},
    # H3: D's level 6 000; nothing after the exit
    "H3": {"2022-02": 6000, "2022-03": 6000},
    # H4: E on support throughout; its last row (2023-10) is the file's last month, D's twelfth after the exit month
    "H4": {"2022-03": 7000, "2022-04": 7000, **{f"2023-{m:02d}": 7000 for m in range(1, 11)}},
}
CB_PARAMS = """\
id: cb67
title: Hushållens utbetalningar
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
data: {participants: data/participants.csv, payments: data/payments.csv, budget: data/budget.csv}
cost_benefit:
  price_year: 2022
  monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022, months_before_start: 2, gap_before_start: 0}
  horizon_years: 2
  dropoff_per_year: 0.2
  deadweight: 0.25
  discount_rate: 0.035
  skattefaktor: 1.3
  persistence_min_observed: 2
reference:
  kpi: {2021: 100, 2022: 100, 2023: 100, 2024: 100, 2025: 100, 2026: 100}
"""
LEVEL, DEADWEIGHT, RATE, HORIZON_MONTHS, SKATTEFAKTOR = 9000.0, 0.25, 0.035, 24, 1.3


def _month_index(month: str) -> int:
    """Months from the project's first month (2022-01 = 0)."""
    y, m = map(int, month.split("-"))
    return (y - 2022) * 12 + m - 1


def _month_name(i: int) -> str:
    return f"{2022 + i // 12}-{i % 12 + 1:02d}"


@pytest.fixture(scope="module")
def household_cb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cb67")
    write_csv(folder / "data" / "participants.csv", pd.DataFrame(
        CB_PEOPLE, columns=["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                            "household_id"]).assign(support_start="försörjningsstöd"))
    write_csv(folder / "data" / "payments.csv", [{"household_id": h, "month": m, "amount": a}
                                                 for h, months in CB_PAYMENTS.items() for m, a in months.items()])
    write_csv(folder / "data" / "budget.csv", [
        {"period": "2022", "category": "Personal", "budget": 240000, "actual": 240000, "funder": "förbund"},
        {"period": "2023", "category": "Personal", "budget": 120000, "actual": 120000, "funder": "förbund"}])
    path = folder / "cb67.yaml"
    path.write_text(CB_PARAMS, encoding="utf-8")
    project = et.load_project(path)
    return project, et.cost_benefit(project, monte_carlo=False, effect=False)


def _kept_by_hand() -> dict[int, tuple[int, float]]:
    """Month k after the exit month: (leavers followed, share of their own levels still saved). A leaver is followed in
    a month the payments file covers unless another member of the household is enrolled in it (started in or before
    the month and not ended before it)."""
    people = pd.DataFrame(CB_PEOPLE, columns=["id", "sex", "birth", "hh_type", "start", "end", "outcome", "hh"])
    last_month = max(_month_index(m) for months in CB_PAYMENTS.values() for m in months)
    leavers = people[~people["outcome"].str.startswith("kvar")]
    out = {}
    for k in range(1, 13):
        paid = level_sum = 0.0
        n = 0
        for _, p in leavers.iterrows():
            s = _month_index(p["start"][:7])
            own = np.mean([CB_PAYMENTS[p["hh"]].get(_month_name(s - j), 0) for j in (1, 2)])
            month = _month_index(p["end"][:7]) + k
            if month > last_month:
                continue
            others = people[(people["hh"] == p["hh"]) & (people["id"] != p["id"])]
            if any(_month_index(o["start"][:7]) <= month <= _month_index(o["end"][:7]) for _, o in others.iterrows()):
                continue
            n += 1
            paid += CB_PAYMENTS[p["hh"]].get(_month_name(month), 0)
            level_sum += own
        out[k] = (n, 1 - paid / level_sum)
    return out


def test_the_hand_rule_leaves_a_leaver_out_while_a_household_member_is_enrolled():
    kept = _kept_by_hand()
    # months 1–4: A left out (B enrolled to 2022-12-20); month 1: C paid 2 000 of 8 000 + 6 000
    assert [kept[k][0] for k in range(1, 13)] == [2, 2, 2, 2] + [3] * 8
    assert kept[1][1] == pytest.approx(1 - 2000 / 14000, abs=1e-15)
    # months 5 and 6: A followed, paid 3 000 of 10 000 + 8 000 + 6 000; month 12: C paid 800
    assert kept[5][1] == kept[6][1] == pytest.approx(1 - 3000 / 24000, abs=1e-15)
    assert kept[12][1] == pytest.approx(1 - 800 / 24000, abs=1e-15)


def test_the_persistence_table_month_by_month_is_the_hand_rule(household_cb):
    _, cb = household_cb
    t = cb.persistence_monthly.set_index("months_after")
    for k, (n, share) in _kept_by_hand().items():
        assert (int(t.loc[k, "observed"]), t.loc[k, "kept_share"]) == (n, pytest.approx(share, abs=1e-9)), k
    assert cb.summary.first_year_source == "observed"
    # the drop-off after the first year is the observed one, 1 − the month-12 share (800 kr of 24 000 paid)
    assert cb.summary.dropoff_source == "observed"
    # the check of the codes against the payments looks at the same month 1: C and D (A's household still has B),
    # C paid
    assert (cb.outcome_check.checked, cb.outcome_check.paid_next_month) == (2, 1)
    assert cb.summary.first_year_kept == pytest.approx(np.mean([s for _, s in _kept_by_hand().values()]), abs=1e-9)


def _flows_by_hand() -> dict[str, np.ndarray]:
    """Each actor's undiscounted monthly flows on the grid from 2022-01 (month 0): the cost (negative), and for each
    leaver from the month after the exit month for 24 months the level × (1 − deadweight) × the share kept (the
    observed month k in the first year; from month 13 the month-12 share, the observed drop-off 1 − it, raised to the
    whole years passed). Work: the municipality saves it, the individual loses it (earnings not valued); sickness
    compensation: Försäkringskassan pays it; studies: the state pays it."""
    kept = _kept_by_hand()
    first_year = np.array([kept[k][1] for k in range(1, 13)])
    keep = np.array([first_year[j] if j < 12 else kept[12][1] ** (j // 12) for j in range(HORIZON_MONTHS)])
    n = 12 * 5
    flows = {a: np.zeros(n) for a in ("kommun", "region", "stat", "fk", "individ")}
    cost = np.zeros(n)
    cost[0:12] += 240000 / 12
    cost[12:24] += 120000 / 12
    for actor, share in (("stat", 0.5), ("region", 0.25), ("kommun", 0.25)):
        flows[actor] -= share * cost
    payer = {"arbete": None, "sjuk_aktivitetsersättning": "fk", "studier": "stat"}
    for pid, _, _, _, _, end, outcome, _ in CB_PEOPLE:
        if outcome not in payer:
            continue
        first = _month_index(end[:7]) + 1
        saved = LEVEL * (1 - DEADWEIGHT) * keep
        flows["kommun"][first:first + HORIZON_MONTHS] += saved
        flows["individ"][first:first + HORIZON_MONTHS] -= saved
        if payer[outcome]:
            flows[payer[outcome]][first:first + HORIZON_MONTHS] -= saved
            flows["individ"][first:first + HORIZON_MONTHS] += saved
    flows["cost"] = cost
    return flows


def _pv(stream: np.ndarray) -> float:
    return float((stream * (1 + RATE) ** (-np.arange(len(stream)) / 12)).sum())


def test_each_actors_cost_benefit_and_npv_are_the_hand_calculation(household_cb):
    _, cb = household_cb
    f = _flows_by_hand()
    cost = _pv(f["cost"])
    shares = {"kommun": 0.25, "region": 0.25, "stat": 0.5, "offentliga": 1.0, "samhälle": 1.0}
    benefit = {"kommun": _pv(f["kommun"] + 0.25 * f["cost"]), "region": 0.0,
               "stat": _pv(f["stat"] + 0.5 * f["cost"] + f["fk"]), "fk": _pv(f["fk"])}
    benefit["offentliga"] = benefit["kommun"] + benefit["region"] + benefit["stat"]
    # (the public budgets' net: the cost less what they save; society's skattefaktor effect is −0.3 × it)
    effect = -(SKATTEFAKTOR - 1) * (cost - benefit["offentliga"])
    benefit["samhälle"] = benefit["offentliga"] + _pv(f["individ"])
    table = cb.table.set_index("perspective")
    for p, share in shares.items():
        row = table.loc[p]
        assert row["pv_cost"] == pytest.approx(share * cost, rel=1e-9), p
        assert row["pv_benefit"] == pytest.approx(benefit[p], rel=1e-9, abs=1e-6), p
        npv = benefit[p] - share * cost + (effect if p == "samhälle" else 0.0)
        assert row["npv"] == pytest.approx(npv, rel=1e-9, abs=1e-6), p
    assert table.loc["samhälle", "pv_skattefaktor"] == pytest.approx(effect, rel=1e-9)
    assert table.loc["fk", "pv_benefit"] == pytest.approx(benefit["fk"], rel=1e-9)
    # the individual's result is left empty: earnings are not valued and A left for work
    assert np.isnan(table.loc["individ", "pv_benefit"])
    # transfers cancel over the actors: society's benefit is the individual's loss and the public gain, i.e. 0 here
    assert benefit["samhälle"] == pytest.approx(0.0, abs=1e-6)


def test_the_month_a_household_member_stays_is_no_month_without_support_for_the_leaver(household_cb):
    """Counting H1's payments against A in months 1–4 too (10 000 kr each) would give month 1 a kept share of
    1 − 12 000 / 24 000 = 50 %; the rule keeps 85,7 % from C and D alone."""
    _, cb = household_cb
    t = cb.persistence_monthly.set_index("months_after")
    assert t.loc[1, "kept_share"] == pytest.approx(1 - 2000 / 14000, abs=1e-12)
    assert t.loc[1, "kept_share"] != pytest.approx(1 - 12000 / 24000)


# =====================================================================================================================
# 3. Small counts in every table of two samples' HTML report and workbook (docs/methods.md, Small-count suppression):
# no count of persons from 1 to min_count − 1 (5 in both samples' params) is shown, and none is recoverable from a
# total the report publishes less the counts it shows beside it. Totals are worked out here from the participants
# file (persons, enrolments, enrolments ended) or read from the one published figure (the main goal's successes).
# A hidden cell holds '<5' (1 to 4) or '..' (1 or more; zeros are shown), and a category the table leaves out 0 or
# more; a hidden cell is recoverable where only one value is left for it.
# =====================================================================================================================
K = 5
HIDDEN = ("<5", "..")
SUPPRESSION_SAMPLES = ("timra-vagen-ut", "nasta-steg")
# the columns (HTML headings and workbook headings) that count persons or enrolments
COUNT_COLUMNS = {"Antal", "Påbörjade", "Avslutade", "Avslutade deltagare", "Lyckade utfall",
                 "Lyckade utfall (enligt projektets huvudmål)", "Antal kvar", "Antal svar",
                 "Nämnare (alla som målet räknar: avslut, deltagare, hushåll eller svarande; se Räknar)"}
# the key-figure rows (workbook 'Kostnad och nytta' and the report's key figures) that count persons
COUNT_ROWS = ("Deltagare", "Avslutade deltagare", "Lämnat försörjningsstödet", "Personer som lämnat försörjningsstödet",
              "Lyckade utfall (enligt projektets huvudmål)")


def _int(cell) -> int | None:
    """A count as shown: an int cell, or a text of digits (with spaces between thousands)."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, np.integer)) or (isinstance(cell, float) and cell.is_integer()):
        return int(cell)
    text = _plain(cell).replace(" ", "")
    return int(text) if re.fullmatch(r"\d+", text) else None


def _html_tables(path) -> list[tuple[list[str], list[tuple[str, list[str]]]]]:
    """Each table as (its headings, [(group, cells)]): a row of one cell heads the rows under it."""
    from bs4 import BeautifulSoup
    out = []
    for t in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("table"):
        rows = [[_plain(c.get_text(" ", strip=True)) for c in tr.find_all(["th", "td"])] for tr in t.find_all("tr")]
        if not rows:
            continue
        group, body = "", []
        for r in rows[1:]:
            if len(r) == 1:
                group = re.sub(r" \(p = .*\)$", "", r[0])
            else:
                body.append((group, r))
        out.append((rows[0], body))
    return out


def _sheet_tables(path) -> list[tuple[list[str], list[tuple[str, list[str]]]]]:
    """Each sheet's first table as the HTML's: the group is the sheet's first column where it is 'Uppdelning' or
    'Grupp'; a hidden cell (empty, its reason in the last column 'Dolda uppgifter') reads as the mark given there."""
    out = []
    for ws in openpyxl.load_workbook(path, read_only=True).worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if not rows or rows[0][0] is None:
            continue
        head = [str(c) if c is not None else "" for c in rows[0]]
        body = []
        for r in rows[1:]:
            if r[0] is None:
                break  # (the notes under the table)
            cells = list(r) + [None] * (len(head) - len(r))
            if "Dolda uppgifter" in head and cells[head.index("Dolda uppgifter")]:
                for part in str(cells[head.index("Dolda uppgifter")]).split("; "):
                    name, mark = part.rsplit(": ", 1)
                    if name in head:
                        cells[head.index(name)] = mark
            grouped = head[0] in ("Uppdelning", "Grupp")
            body.append((str(cells[0]) if grouped else "", [str(cells[0]), *cells[1:]]))
        out.append((head, body))
    return out


def _small_shown(tables) -> list[str]:
    bad = []
    for head, body in tables:
        counted = [i for i, h in enumerate(head) if h in COUNT_COLUMNS]
        for group, cells in body:
            for i in counted:
                n = _int(cells[i]) if i < len(cells) else None
                if n is not None and 0 < n < K:
                    bad.append(f"{head[i]} = {n} ({group} / {cells[0]})")
            label = str(cells[0])
            if head[0] == "Nyckeltal" and label in COUNT_ROWS:
                n = _int(cells[1])
                if n is not None and 0 < n < K:
                    bad.append(f"{label} = {n}")
            if head[:2] == ["Period", "Utfall"] and label.startswith("År"):
                # a goal's period: a count, or a share with its denominator '(k/n)'
                n = _int(cells[1])
                share = re.search(r"\((\d+)/(\d+)\)", str(cells[1]))
                n = int(share.group(2)) if share else n
                if n is not None and 0 < n < K:
                    bad.append(f"goal period {label}: {cells[1]}")
    return bad


def _recoverable(total: int, shown: list[int], hidden: list[str]) -> list[str]:
    """The hidden cells of one line whose value the total less the shown counts pins down (each '<5' is 1 to 4, each
    '..' 1 or more, each left out 0 or more)."""
    rest = total - sum(shown)
    bounds = [(1, K - 1) if h == "<5" else (1, rest) if h == ".." else (0, rest) for h in hidden]
    out = []
    for i, (lo, hi) in enumerate(bounds):
        others_lo = sum(b[0] for j, b in enumerate(bounds) if j != i)
        others_hi = sum(b[1] for j, b in enumerate(bounds) if j != i)
        low, high = max(lo, rest - others_hi), min(hi, rest - others_lo)
        if low == high:
            out.append(f"{hidden[i]} = {low}")
    return out


def _line(cells: list, categories: list[str] | None = None) -> tuple[list[int], list[str]]:
    shown = [n for c in cells if (n := _int(c)) is not None]
    hidden = [str(c) for c in cells if _int(c) is None]
    return shown, hidden + ["absent"] * (len(categories or []))


def _sample_totals(pid: str) -> dict[str, object]:
    df = pd.read_csv(ROOT_DATA / pid / "participants.csv", dtype=str, keep_default_na=False)
    ended = df[df["end_date"] != ""]
    return {"persons": df["person_id"].nunique(), "enrolments": len(df), "ended": len(ended),
            "start": pd.to_datetime(df["start_date"])}


ROOT_DATA = Path(__file__).resolve().parents[1] / "data"


def _check_lines(tables, totals: dict, successes: int, year_counts: dict[str, int] | None = None,
                 checked: list[str] | None = None) -> list[str]:
    """Every line with a known total: the participants table's breakdowns (persons), the outcome table (enrolments
    ended), the outcome rates' breakdowns (ended; successes), the quarters (enrolments started and ended). A count
    the report publishes elsewhere for the same persons (``year_counts``: a participant goal's count per project year
    of intake, 'År 2': 12) stands in for the intake year's cell where it is hidden there."""
    bad: list[str] = []
    composition: dict[str, list[str]] = {}
    checked = [] if checked is None else checked

    def check(where: str, total: int, shown: list[int], hidden: list[str]) -> None:
        checked.append(where)
        if not hidden:
            if sum(shown) != total:
                bad.append(f"{where}: the counts add up to {sum(shown)}, not {total}")
            return
        bad.extend(f"{where}: {r}" for r in _recoverable(total, shown, hidden))

    for head, body in tables:
        groups: dict[str, list[list]] = {}
        for group, cells in body:
            groups.setdefault(group, []).append(cells)
        if head[1:3] == ["Antal", "Andel"] and head[0] in ("Kategori", "Grupp"):  # the participants table
            for group, rows in groups.items():
                composition[group] = [str(r[0]) for r in rows]
                cells = [(year_counts or {}).get(str(r[0]), r[1]) if group == "Projektår för start" else r[1]
                         for r in rows]
                check(f"participants/{group}", totals["persons"], *_line(cells))
        elif head[:2] == ["Uppdelning", "Grupp"] and head[2] == "Antal":  # the same in the workbook
            for group, rows in groups.items():
                composition[group] = [str(r[1]) for r in rows]
                cells = [(year_counts or {}).get(str(r[1]), r[2]) if group == "Projektår för start" else r[2]
                         for r in rows]
                check(f"Deltagare/{group}", totals["persons"], *_line(cells))
        elif head[:2] == ["Utfall vid avslut", "Antal"]:
            check("outcomes", totals["ended"], *_line([r[1] for _, r in body]))
        elif "Avslutade deltagare" in head and head[0] in ("Kategori", "Uppdelning"):
            at = head.index("Avslutade deltagare")
            for group, rows in groups.items():
                names = [str(r[1] if head[0] == "Uppdelning" else r[0]) for r in rows]
                absent = [c for c in composition.get(group, []) if c not in names]
                check(f"rates/{group}/ended", totals["ended"], *_line([r[at] for r in rows], absent))
                check(f"rates/{group}/successes", successes, *_line([r[at + 1] for r in rows], absent))
        elif head[:3] == ["Kvartal", "Påbörjade", "Avslutade"]:
            if totals["persons"] == totals["enrolments"]:
                check("quarters/started", totals["enrolments"], *_line([r[1] for _, r in body]))
            check("quarters/ended", totals["ended"], *_line([r[2] for _, r in body]))
            # a project year of whole quarters (a project starting on 1 January) adds up to its intake
            starts = totals["start"]
            if totals.get("years_from_january"):
                for year in sorted(starts.dt.year.unique()):
                    rows = [r for _, r in body if str(r[0]).endswith(str(year))]
                    check(f"quarters/{year}", int((starts.dt.year == year).sum()), *_line([r[1] for r in rows]))
    return bad


@pytest.mark.parametrize("pid", SUPPRESSION_SAMPLES)
def test_no_small_count_is_shown_in_any_table_of_the_report_or_the_workbook(sample_reports, pid):
    html = _html_tables(sample_reports.out / pid / f"{pid}.html")
    book = _sheet_tables(sample_reports.out / pid / f"{pid}-tabeller.xlsx")
    assert len(html) >= 8 and len(book) >= 6  # (the tables were read)
    assert _small_shown(html) == [] and _small_shown(book) == []


@pytest.mark.parametrize("pid", SUPPRESSION_SAMPLES)
def test_no_hidden_count_is_recoverable_from_a_published_total(sample_reports, pid):
    totals = _sample_totals(pid)
    totals["years_from_january"] = pid == "nasta-steg"  # (2023-01-01 – 2024-12-31: years of whole quarters)
    book_path = sample_reports.out / pid / f"{pid}-tabeller.xlsx"
    ws = openpyxl.load_workbook(book_path, read_only=True)["Kostnad och nytta"]
    key = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
    # (the published figures this check takes as totals are the files' own)
    assert (key["Deltagare"], key["Avslutade deltagare"]) == (totals["persons"], totals["ended"])
    successes = int(key["Lyckade utfall (enligt projektets huvudmål)"])
    years = _goal_years(book_path, sample_reports.params / f"{pid}.yaml")
    assert years  # (both samples count their participants per project year)
    for tables, lines in ((_html_tables(sample_reports.out / pid / f"{pid}.html"),
                           {"participants", "outcomes", "rates", "quarters"}),
                          (_sheet_tables(book_path), {"Deltagare", "rates"})):
        checked: list[str] = []
        assert _check_lines(tables, totals, successes, years, checked) == []
        # the lines of every kind were found and checked
        assert {w.split("/")[0] for w in checked} == lines


def _goal_years(book_path, params_path) -> dict[str, int]:
    """The counts per project year of intake the goal sheet publishes for a participant goal counted by intake
    ('År 1': 37), keyed by the participants table's label of that year."""
    import yaml
    goals = yaml.safe_load(params_path.read_text(encoding="utf-8")).get("goals", [])
    labels = {g["label"] for g in goals if g.get("kind") == "participant_count"
              and g.get("period", "project_year") == "project_year" and g.get("count_by", "intake") == "intake"}
    ws = openpyxl.load_workbook(book_path, read_only=True)["Mål"]
    out = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] in labels and isinstance(r[7], (int, float)) and (m := re.match(r"(År \d+) \(", str(r[2]))):
            out[m.group(1)] = int(r[7])
    return out


def test_the_recovery_check_catches_what_it_should():
    # one hidden cell beside a total; two '<5' summing to 2; a '<5' and a '..' summing to 2; and what it leaves
    assert _recoverable(20, [9, 8], ["<5"]) == ["<5 = 3"]
    assert _recoverable(10, [8], ["<5", "<5"]) == ["<5 = 1", "<5 = 1"]
    assert _recoverable(10, [8], ["<5", ".."]) == ["<5 = 1", ".. = 1"]
    assert _recoverable(15, [8], ["<5", ".."]) == []
    assert _recoverable(10, [8], ["<5", "absent"]) == []  # (a category left out may be 0: 2 + 0 or 1 + 1)
    assert _small_shown([(["Kategori", "Antal", "Andel"], [("Kön", ["Kvinna", "3", "..."])])]) == ["Antal = 3 (Kön / Kvinna)"]
    assert _small_shown([(["Period", "Utfall"], [("", ["År 1 ( 2023 )", "50,0 % (2/4)"])])]) == \
        ["goal period År 1 ( 2023 ): 50,0 % (2/4)"]


@pytest.mark.parametrize("goal, change, said", [
    # "vid avslut" counted over all participants: the still enrolled would count as not reaching it
    ("sokande", {"denominator": "participants"}, "skriv denominator: exits"),
    # "av alla deltagare" counted over the exits
    ("alla", {"denominator": "exits"}, "skriv denominator: participants"),
    # "av de avslutade" over all participants
    ("syss", {"denominator": "participants"}, "skriv denominator: exits"),
    # "sysselsättning" with studies and without subsidised work
    ("syss", {"success_outcomes": ["arbete", "studier"]}, "skriv success_outcomes: [arbete, arbete_med_stöd]"),
    # "av de arbetssökande deltagarna" without the group
    ("sokande", {"among": None}, "skriv among: {occupation_before: arbetssökande}"),
])
def test_a_goal_whose_keys_disagree_with_its_words_is_refused_with_the_line_to_write(tmp_path, goal, change, said):
    goals = [(g[0], g[1], g[2], g[3], {k: v for k, v in {**g[4], **change}.items() if v is not None})
             if g[0] == goal else g for g in GOALS]
    text = _plain(params_refusal(_write_prestudy(tmp_path, goals)))
    assert f"(id: {goal})" in text and said in text
