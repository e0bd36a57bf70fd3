"""Four things readers of unseen projects met: a DiD the data cannot give (a tiny comparison group whose payments
file has no month after its start, or payments without variation) made the wild cluster bootstrap raise 'Singular
matrix' out of the report; the deadweight capped at 95 % was said to come from the comparison group in one place and
not from its shares in another; participants on another support at start were said to be missing from the payments;
and page 1 stated the same-support rule where no participant started on a support it could concern.

Every project is written in tmp_path; expected values are worked out by hand from the rows written."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.comparison import NotComputable, _fit, compare_exit_rates, compare_payments
from evaltools.present.display import Text
from evaltools.present.sections import goals as goal_section
from evaltools.present.sections import payments as pay_section
from evaltools.present.sections import quality
from evaltools.publish import cli
from evaltools.words.labels import note_text

from .test_small_counts_3 import _with_comparison, project
from .test_success_definition_33 import _project as success_project

MONTHS = [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)]
START = "2022-03"  # every start date is 2022-03-01 (project() with one intake year)


def _did_project(tmp: Path, comparison_months=MONTHS, participants_vary=True) -> Path:
    """Six participants and three comparison persons (privacy.min_count 3, so the group of three is used), all
    starting 2022-03-01, one household each. Every comparison person is paid 9 000 kr in each of
    ``comparison_months``; participant j (0..5) 9 000 kr a month before the start and 5 000 + 100·j kr from it
    (``participants_vary``), else 9 000 kr in every month."""
    path = project(tmp, ((6, 2),))
    data = tmp / "data"
    path.write_text(path.read_text(encoding="utf-8").replace("privacy: {min_count: 5}", "privacy: {min_count: 3}")
                    .replace("  budget: data/budget.csv\n", "  budget: data/budget.csv\n  payments: data/payments.csv\n"
                             "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n"),
                    encoding="utf-8")
    pd.DataFrame([{"person_id": f"J{i + 1}", "sex": "man", "birth_year": 1970 + i, "household_type": "ensamstående",
                   "start_date": "2022-03-01", "end_date": "2024-03-15", "outcome": "kvar_försörjningsstöd"}
                  for i in range(3)]).to_csv(data / "comparison.csv", index=False)
    pd.DataFrame([{"person_id": f"J{i + 1}", "month": m, "amount": 9000} for i in range(3) for m in comparison_months]
                 ).to_csv(data / "comparison_payments.csv", index=False)
    ids = pd.read_csv(data / "participants.csv")["person_id"].tolist()
    pd.DataFrame([{"person_id": p, "month": m,
                   "amount": 5000 + 100 * j if participants_vary and m >= START else 9000}
                  for j, p in enumerate(ids) for m in MONTHS]).to_csv(data / "payments.csv", index=False)
    return path


# --- 1. a DiD the data cannot give: said in words, never a traceback ------------------------------------------------

def test_the_did_is_computed_where_the_data_give_it(tmp_path):
    # both groups paid on both sides of the start: the comparison group stays at 9 000 kr, participant j goes from
    # 9 000 to 5 000 + 100·j kr, so the DiD is the participants' mean change, 5 250 − 9 000 = −3 750 kr
    did = compare_payments(et.load_project(_did_project(tmp_path))).did
    assert did is not None and did.not_computable is None
    assert did.effect == pytest.approx(-3750)


@pytest.mark.parametrize("months, reason", [
    ([m for m in MONTHS if m < START], "no_contrast"),    # the comparison group's file ends before its start
    ([m for m in MONTHS if m >= START], "no_contrast"),   # ... or begins at it
])
def test_a_did_without_months_on_both_sides_is_not_computable_and_the_report_says_why(tmp_path, months, reason):
    p = et.load_project(_did_project(tmp_path, months))
    result = compare_payments(p)  # (raised numpy.linalg.LinAlgError: Singular matrix)
    assert result.did is None and result.has_comparison
    assert [n.key for n in result.notes] == [f"note.did_not_computable_{reason}"]
    r = et.Report(p, lang="sv")
    text = " ".join(" ".join(x.paragraphs) for block in pay_section.blocks(r) for x in block if isinstance(x, Text))
    said = note_text(result.notes[0], "sv")
    assert said.startswith("Projektets effekt på försörjningsstödet (skillnad-i-skillnader) kan inte beräknas")
    assert said in text


def test_payments_without_variation_are_not_an_estimate(tmp_path):
    # everyone paid 9 000 kr in every month: effect 0 with a standard error of 0, which the wild bootstrap "rejected"
    # (p = 0); no estimate, and the reason
    result = compare_payments(et.load_project(_did_project(tmp_path, participants_vary=False)))
    assert result.did is None
    assert [n.key for n in result.notes] == ["note.did_not_computable_no_variation"]
    assert "varierar inte" in note_text(result.notes[0], "sv")
    assert "do not vary" in note_text(result.notes[0], "en")


def test_the_fit_itself_says_the_term_is_not_identified_and_does_not_raise():
    # two treated and two comparison persons; the comparison persons have rows before their start only, so
    # "treated × after" equals "after": no contrast (the bootstrap's X'X was singular)
    rows = [(p, h, m, e, tr) for p, h, tr in (("a", "a", 1), ("b", "b", 1), ("c", "c", 0), ("d", "d", 0))
            for m, e in ((1, -2), (2, -1), (3, 0), (4, 1)) if tr or e < 0]
    panel = pd.DataFrame(rows, columns=["person", "household", "month_idx", "event_time", "treated"])
    panel["after"] = (panel["event_time"] >= 0).astype(float)
    panel["treated_after"] = panel["after"] * panel["treated"]
    panel["amount"] = np.where(panel["treated_after"] == 1, 100.0, 200.0) + np.arange(len(panel))
    est = _fit(panel, "amount", ["after", "treated_after"], "treated_after", small_clusters=50)
    assert est.not_computable is NotComputable.NO_CONTRAST and est.wild_p_value is None


def test_validate_says_the_did_cannot_be_computed(tmp_path, capsys):
    path = _did_project(tmp_path, [m for m in MONTHS if m < START])
    cli.main(["validate", str(path)])
    out = capsys.readouterr().out
    assert "! liten: Projektets effekt på försörjningsstödet (skillnad-i-skillnader) kan inte beräknas" in out
    assert "Traceback" not in out


# --- 2. the deadweight capped at 95 %: one wording, from the assumptions table ---------------------------------------

def test_a_capped_deadweight_is_said_the_same_way_in_the_payments_section_and_the_assumptions(tmp_path):
    # 10 of 20 comparison persons left (50,0 %), 15 of 35 participants (42,9 %): 0,5 / (15/35) = 1,17, above 95 %
    p = et.load_project(_with_comparison(tmp_path, 20, 10))
    r = et.Report(p, lang="sv")
    assert r.cba.summary.deadweight == pytest.approx(0.95) and r.cba.summary.deadweight_source == "comparison"
    a = r.cba.assumptions
    source = note_text(a.loc[a["name"] == "deadweight", "source"].iloc[0], "sv")
    assert source == ("jämförelsegruppen: 50,0\u00a0% lämnade försörjningsstödet mot deltagarnas 42,9\u00a0%; "
                      "kvoten mellan andelarna är över 95\u00a0%, det högsta kalkylen använder, så dödvikten är 95\u00a0%")
    said = pay_section.deadweight_sentence(r, compare_exit_rates(p))
    assert said == [f"Dödvikten i kostnadsnyttoanalysen, 95\u00a0%, kommer från andelarna här (källan i tabellen "
                    f"Antaganden: {source})."]
    assert "räknas inte fram" not in said[0]


# --- 3. participants on another support at start are not "missing" from the payments --------------------------------

def _coverage_project(tmp: Path, supports: list[str], paid: list[bool]) -> Path:
    """Twenty participants (project()'s first year) with ``supports`` as their support at start and payment rows
    (9 000 kr in 2022-01 and 2022-02) for those ``paid``."""
    path = project(tmp, ((20, 8),))
    data = tmp / "data"
    df = pd.read_csv(data / "participants.csv")
    df["support_start"] = supports
    df.to_csv(data / "participants.csv", index=False)
    pd.DataFrame([{"person_id": pid, "month": m, "amount": 9000} for pid, ok in zip(df["person_id"], paid) if ok
                  for m in ("2022-01", "2022-02")]).to_csv(data / "payments.csv", index=False)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n", "  budget: data/budget.csv\n  payments: data/payments.csv\n"), encoding="utf-8")
    return path


def _notes(path: Path) -> list[str]:
    return quality.report_table(et.Report(et.load_project(path), lang="sv")).iloc[:, 0].tolist()


def test_only_those_expected_in_the_payments_are_said_to_be_missing(tmp_path):
    # 7 on försörjningsstöd with rows, 5 on försörjningsstöd without, 8 on sjukpenning or aktivitetsersättning
    # without: 5 of 20 missing, and 8 more not expected there
    supports = ["försörjningsstöd"] * 12 + ["sjukpenning"] * 4 + ["sjuk_aktivitetsersättning"] * 4
    paid = [True] * 7 + [False] * 13
    notes = _notes(_coverage_project(tmp_path, supports, paid))
    said = [n for n in notes if "underlaget om utbetalningar" in n]
    assert said == ["5 av 20 deltagare finns inte med i underlaget om utbetalningar av försörjningsstöd och räknas "
                    "inte med i analyserna av försörjningsstödet (före och efter start, uppföljningen efter avslut). "
                    "Ytterligare 8 hade en annan försörjning än försörjningsstöd vid start och väntas inte finnas där."]
    assert not any("13 av 20" in n for n in notes)


def test_no_one_is_missing_where_all_without_rows_had_another_support(tmp_path):
    # 12 on försörjningsstöd, all with rows; 8 on sjukpenning without
    notes = _notes(_coverage_project(tmp_path, ["försörjningsstöd"] * 12 + ["sjukpenning"] * 8, [True] * 12 + [False] * 8))
    said = [n for n in notes if "underlaget om utbetalningar" in n]
    assert said == ["8 av 20 deltagare hade en annan försörjning än försörjningsstöd vid start och väntas därför inte "
                    "finnas i underlaget om utbetalningar av försörjningsstöd; analyserna av försörjningsstödet gäller "
                    "dem som hade det."]
    assert not any("finns inte med" in n for n in notes)


# --- 4. page 1 states the same-support rule only where it concerns someone -------------------------------------------

RULE = "Avslut till samma ersättning som deltagaren hade vid start (till exempel sjukpenning till sjukpenning) räknas inte."
LABEL = "Minst 40 % av de avslutade ska gå till arbete, studier eller en aktiv planering"


def _page_one(tmp_path, rows) -> tuple[list[str], list[str]]:
    path = success_project(tmp_path, rows=rows)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "label: Minst 40 %% av de avslutade ska ha ett lyckat utfall".replace("%%", "%"), f"label: {LABEL}"),
        encoding="utf-8")
    r = et.Report(et.load_project(path), lang="sv")
    return goal_section.page_one(r), goal_section.same_support_notes(r)


def test_the_rule_is_not_stated_where_everyone_started_on_forsorjningsstod(tmp_path):
    # the goal's words name work, studies and a step; it counts the default successes, sickness benefit among them,
    # so page 1 says what more it counts; but no one started on a support one could end on again
    rows = [("försörjningsstöd", "arbete")] * 6 + [("försörjningsstöd", "sjukpenning")] * 2 + \
        [("försörjningsstöd", "avbrott")] * 7
    page, notes = _page_one(tmp_path, rows)
    assert any(line.startswith("Målet räknar också") for line in page)
    assert RULE not in page and notes == []


def test_the_rule_is_stated_where_someone_started_on_sjukpenning(tmp_path):
    rows = [("sjukpenning", "sjukpenning")] + [("försörjningsstöd", "arbete")] * 6 + [("försörjningsstöd", "avbrott")] * 8
    page, notes = _page_one(tmp_path, rows)
    assert RULE in page
    assert notes == [f"{LABEL.replace(' %', chr(0xa0) + '%')}: {RULE[0].lower()}{RULE[1:]}"]


# --- a register effect the data cannot give is left out, as one over too few persons is ---------------------------

def test_a_register_effect_the_data_cannot_give_is_not_booked_as_measured():
    from dataclasses import replace

    import evaltools as et
    import evaltools.data.schema as S
    from evaltools.analysis.register import register_effects

    from .conftest import sample_project
    kompassen = sample_project("kompassen-demo")
    ben = kompassen.benefits.copy()
    fk = ben[S.KIND].map(S.BENEFIT_PAYER) == "fk"
    # Försäkringskassan's rows (sjukpenning) at 0 kr in both groups: once the person and month effects are taken
    # out nothing is left, so the DiD has no estimate to give (its "0" would be no measurement)
    ben.loc[fk, S.AMOUNT] = 0.0
    project = replace(kompassen, benefits=ben)
    kept = {(e.outcome, e.actor) for e in register_effects(project).effects}
    assert kept == {("earnings", "individ"), ("benefits", "stat")}
    def measured(p):
        ledger = et.cost_benefit(p, monte_carlo=False).ledger
        return set(ledger.loc[ledger["source"] == "measured", "actor"])
    # Försäkringskassan's flow is measured from the file as it is, and not from the file without a contrast
    assert "fk" in measured(kompassen)
    assert "fk" not in measured(project) and {"individ", "stat"} <= measured(project)
