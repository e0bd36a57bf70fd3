"""The per-actor ledger recomputed by hand on a tiny project: the own monthly level of försörjningsstöd from the
payments before the start (its window, the months without a payment, the price year), the benefit the state pays
instead and whose it is, the wage subsidy, the horizon with its drop-off, the deadweight, the discounting, the
project's cost shared by the Finsam act and the skattefaktor. Expected values are worked out below from the rows
written here, not read from the toolkit; the discounted case by closed-form geometric sums."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section

from .conftest import write_csv

# Six participants, all on försörjningsstöd at start. Four leave it (the success outcomes):
#   A  start 2024-01-01, ends 2024-03-15, arbete                     first month without: 2024-04 (month 3)
#   B  start 2024-01-01, ends 2024-02-01, sjuk_aktivitetsersättning  an exit on the 1st: February is paid, 2024-03 (2)
#   C  start 2024-02-01, ends 2024-05-10, studier                    2024-06 (month 5)
#   F  start 2024-01-01, ends 2024-06-30, arbete_med_stöd            2024-07 (month 6)
#   D  ends 2024-04-30 still on försörjningsstöd; E still enrolled: neither saves anything.
PARTICIPANTS = [
    ("A", "kvinna", 1980, "2024-01-01", "2024-03-15", "arbete"),
    ("B", "man", 1970, "2024-01-01", "2024-02-01", "sjuk_aktivitetsersättning"),
    ("C", "kvinna", 1995, "2024-02-01", "2024-05-10", "studier"),
    ("F", "man", 1985, "2024-01-01", "2024-06-30", "arbete_med_stöd"),
    ("D", "kvinna", 1975, "2024-01-01", "2024-04-30", "kvar_försörjningsstöd"),
    ("E", "man", 1990, "2024-03-01", "", ""),
    # G, like D, ends still on försörjningsstöd and saves nothing: with D, two who did not leave it, so that the
    # four exits are shown at the threshold of 2 (one who did not leave would be hidden, and with it the count of
    # exits, and the calculation would be a range: tests/test_small_counts_23.py)
    ("G", "man", 1982, "2024-01-01", "2024-04-30", "kvar_försörjningsstöd"),
]
# The own level: the mean over the 6 months from 12 to 7 months before the start month (a month without a
# payment counts 0 kr), in 2024 prices with the KPI set below (2023: 400, 2024: 420, a factor 1,05):
#   A (window 2023-01..2023-06): (6 000 + 6 600) / 6 = 2 100 → 2 205 kr; 2023-12's 99 000 lies in the gap
#   B (same window): (24 000 + 24 000) / 6 = 8 000 → 8 400 kr
#   C (window 2023-02..2023-07): 30 000 / 6 = 5 000 → 5 250 kr; 2023-01 is before it, 2023-08 in the gap
#   F (same as A): (12 000 + 6 000) / 6 = 3 000 → 3 150 kr
PAYMENTS = [("A", "2023-02", 6000), ("A", "2023-05", 6600), ("A", "2023-12", 99000),
            ("B", "2023-03", 24000), ("B", "2023-04", 24000),
            ("C", "2023-01", 50000), ("C", "2023-07", 30000), ("C", "2023-08", 40000),
            ("F", "2023-01", 12000), ("F", "2023-06", 6000),
            ("D", "2023-03", 10000), ("D", "2024-06", 7000)]
LEVEL = {"A": 2205.0, "B": 8400.0, "C": 5250.0, "F": 3150.0}
EXIT_MONTH = {"A": 3, "B": 2, "C": 5, "F": 6}
# Two budget lines, shared by the Finsam act (state 50 %, region and municipality 25 % each): 2024 settled, its
# utfall 120 000 kr counted (not its budget of 130 000), in the price year's prices (factor 1), 10 000 kr a month
# over the 12 months of 2024; 2025 not yet settled, its budget 60 000 kr (2025 KPI 420 too: factor 1), 5 000 kr a
# month over months 12–23. In all 180 000 kr: state 90 000, region 45 000, municipality 45 000.
COST_2024, COST_2025 = 120_000.0, 60_000.0
PARAMS = """\
    id: byhand
    title: Handräknat projekt
    forbund: Testförbundet
    owner: Testkommun
    period: {{start: 2024-01-01, planned_end: 2025-12-31}}
    data_as_of: 2025-01-31
    data:
      participants: data/participants.csv
      payments: data/payments.csv
      budget: data/budget.csv
    goals:
      - id: egen
        kind: outcome_count
        label: Egen försörjning
        target: 2
        period: whole_period
        count_by: exit
        success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning, annan_ersättning]
    cost_benefit:
      price_year: 2024
      monthly_level: {{method: own_payments, months_before_start: 6}}
      horizon_years: 2
      dropoff_per_year: 0.5
      deadweight: 0.2
      discount_rate: {rate}
      skattefaktor: 1.3
      wage_subsidy_sek_month: 4000
      wage_subsidy_months: 6
    privacy:
      min_count: 2
    reference:
      kpi: {{2023: 400, 2024: 420, 2025: 420}}
    """


def _project(tmp_path: Path, rate: float) -> Path:
    data = tmp_path / "data"
    write_csv(data / "participants.csv", [
        {"person_id": p, "sex": s, "birth_year": y, "household_type": "ensamstående", "start_date": a,
         "end_date": b, "outcome": o, "support_start": "försörjningsstöd"} for p, s, y, a, b, o in PARTICIPANTS])
    write_csv(data / "payments.csv", [{"person_id": p, "month": m, "amount": v} for p, m, v in PAYMENTS])
    write_csv(data / "budget.csv", [{"period": "2024", "category": "Personal", "budget": 130000, "actual": COST_2024},
                                    {"period": "2025", "category": "Personal", "budget": COST_2025, "actual": ""}])
    path = tmp_path / "byhand.yaml"
    path.write_text(textwrap.dedent(PARAMS.format(rate=rate)), encoding="utf-8")
    return path


def _by_hand(rate: float) -> dict[str, float]:
    """Each actor's present value, by hand: q = (1 + rate)^(−1/12) a month. A leaver saves the level in each of the
    24 months of the horizon from the first month without försörjningsstöd, the whole level in the first year (no
    payments followed 12 months after exit: the assumed first year) and half of it in the second (drop-off 50 %),
    times (1 − 0,2) for the deadweight: Σ = q^e × (1 − q^12)/(1 − q) × (1 + 0,5 q^12) × 0,8 per kr of level.
    At rate 0 that is 12 + 6 = 18 months × 0,8 = 14,4 months per kr."""
    q = (1 + rate) ** (-1 / 12)
    s = (lambda n: n) if rate == 0 else (lambda n: (1 - q ** n) / (1 - q))  # Σ_{m<n} q^m

    def saved(pid: str) -> float:
        return LEVEL[pid] * q ** EXIT_MONTH[pid] * s(12) * (1 + 0.5 * q ** 12) * 0.8

    cost = COST_2024 / 12 * s(12) + COST_2025 / 12 * q ** 12 * s(12)
    subsidy = 4000 * 0.8 * q ** EXIT_MONTH["F"] * s(6)  # 6 months of 4 000 kr to F's employer, deadweight too
    kommun = sum(saved(p) for p in LEVEL)  # the municipality saves every leaver's level
    fk = -saved("B")  # sjuk-/aktivitetsersättning: Försäkringskassan pays B instead
    stat = -saved("C") - subsidy  # studier: the state pays C's study support; and F's wage subsidy
    public = kommun + fk + stat  # the transfers among them cancel; A's and F's exits are saved for all
    return {"kommun": kommun, "fk": fk, "stat_actor": stat, "stat": stat + fk, "individ": -saved("A") - saved("F"),
            "arbetsgivare": subsidy, "offentliga": public, "cost": cost,
            "skattefaktor": -0.3 * (cost - public)}


def test_the_hand_figures_at_rate_zero_are_the_worked_example():
    h = _by_hand(0.0)
    # (2 205 + 8 400 + 5 250 + 3 150) × 14,4 = 19 005 × 14,4
    assert h["kommun"] == pytest.approx(273_672)
    assert h["fk"] == pytest.approx(-120_960)  # 8 400 × 14,4
    assert h["stat_actor"] == pytest.approx(-75_600 - 19_200)  # 5 250 × 14,4; 4 000 × 6 × 0,8
    assert h["offentliga"] == pytest.approx(273_672 - 120_960 - 94_800)  # 57 912
    assert h["cost"] == pytest.approx(180_000)
    assert h["skattefaktor"] == pytest.approx(-0.3 * (180_000 - 57_912))  # −36 626,4


@pytest.mark.parametrize("rate", [0.0, 0.035])
def test_the_ledger_per_actor_is_the_hand_computation(tmp_path, rate):
    r = et.Report(_project(tmp_path, rate)).cba  # (the object page 1, the section and the workbook read)
    h = _by_hand(rate)
    assert r.summary.successes == 4
    assert r.summary.monthly_level == pytest.approx(sum(LEVEL.values()) / 4)
    led = r.ledger.groupby(["item", "actor"])["pv"].sum()
    assert led[("forsorjningsstod", "kommun")] == pytest.approx(h["kommun"])
    assert led[("ersattning_fk", "fk")] == pytest.approx(h["fk"])
    assert led[("ersattning_stat", "stat")] + led[("lonestod", "stat")] == pytest.approx(h["stat_actor"])
    assert led[("lonestod", "arbetsgivare")] == pytest.approx(h["arbetsgivare"])
    # each transfer sums to zero over the actors
    for item in ("forsorjningsstod", "ersattning_fk", "ersattning_stat", "lonestod"):
        assert led[item].sum() == pytest.approx(0, abs=1e-6)
    assert r.ledger.loc[r.ledger["item"] == "projektkostnad", "pv"].sum() == pytest.approx(-h["cost"])
    p = r.table.set_index("perspective")
    assert p.loc["kommun", "pv_cost"] == pytest.approx(0.25 * h["cost"])
    assert p.loc["region", "pv_cost"] == pytest.approx(0.25 * h["cost"])
    assert p.loc["stat", "pv_cost"] == pytest.approx(0.5 * h["cost"])
    assert p.loc["kommun", "npv"] == pytest.approx(h["kommun"] - 0.25 * h["cost"])
    assert p.loc["region", "npv"] == pytest.approx(-0.25 * h["cost"])
    assert p.loc["stat", "npv"] == pytest.approx(h["stat"] - 0.5 * h["cost"])
    assert p.loc["fk", "npv"] == pytest.approx(h["fk"])
    assert p.loc["offentliga", "npv"] == pytest.approx(h["offentliga"] - h["cost"])
    # the individual's: earnings from work are not valued, so no figure (the ledger still books the lost support)
    assert led[("forsorjningsstod", "individ")] + led[("ersattning_fk", "individ")] + led[
        ("ersattning_stat", "individ")] == pytest.approx(h["individ"])
    assert p.loc["individ", "pv_benefit"] != p.loc["individ", "pv_benefit"]  # NaN
    # society: the transfers cancel, the whole cost, the skattefaktor on the public budgets' net result
    assert p.loc["samhälle", "pv_benefit"] == pytest.approx(0, abs=1e-6)
    assert p.loc["samhälle", "pv_skattefaktor"] == pytest.approx(h["skattefaktor"])
    assert p.loc["samhälle", "npv"] == pytest.approx(-h["cost"] + h["skattefaktor"])
    # and the lead perspective's figures page 1 states are those of the table
    assert r.summary.perspective == "offentliga"
    assert r.summary.npv == pytest.approx(h["offentliga"] - h["cost"])


# B (sjuk-/aktivitetsersättning) and C (studier) of the four leavers: the state pays them instead
WHY = {"sv": "Statens nettoresultat är sämre än bara dess andel av projektets kostnad, eftersom 2 av de 4 som lämnade försörjningsstödet "
             "gick till sjuk- eller aktivitetsersättning, sjukpenning, studier eller annan ersättning, som staten "
             "betalar i stället för kommunen.",
       "en": "The state's net result is worse than its share of the project's cost alone, because 2 of the 4 who left social assistance "
             "moved to sickness or activity compensation, sickness benefit, studies or another benefit, which the "
             "state pays instead of the municipality."}


def _actor_note(r) -> str:
    return " ".join(cb_section.perspective_table(r).notes).replace("\u00a0", " ")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_table_per_actor_says_why_the_state_pays_more_than_its_share(tmp_path, lang):
    # the state's row at rate 0: −(120 960 + 75 600 + 19 200) − 90 000 = −305 760 kr against its 90 000 kr share
    # of the cost; the note under the table says who moved to the benefits it pays
    r = et.Report(_project(tmp_path, 0.0), lang=lang)
    assert r.cba.summary.exits_to_state_benefit == 2
    assert _actor_note(r).count(WHY[lang]) == 1


def test_no_such_reason_when_nobody_left_for_a_state_benefit(tmp_path):
    path = _project(tmp_path, 0.0)
    data = tmp_path / "data" / "participants.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("sjuk_aktivitetsersättning", "arbete")
                    .replace("studier", "arbete"), encoding="utf-8")
    r = et.Report(path)
    assert r.cba.summary.exits_to_state_benefit == 0
    assert "Statens nettoresultat är sämre" not in _actor_note(r)


def test_a_hidden_count_is_not_said(tmp_path):
    # with a threshold of 3 the 2 of 4 (and the 2 others) are hidden: the reason is given without counts
    path = _project(tmp_path, 0.0)
    path.write_text(path.read_text(encoding="utf-8").replace("min_count: 2", "min_count: 3"), encoding="utf-8")
    note = _actor_note(et.Report(path))
    assert "eftersom några av dem som lämnade försörjningsstödet gick till sjuk-" in note
    assert "2 av de 4" not in note
