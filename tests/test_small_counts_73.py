"""The share who left försörjningsstöd beside the comparison group's is worked out over the ended participants who
had försörjningsstöd at start. Where 1 to k − 1 of the ended had another support at start (sickness or activity
compensation), that base beside the number ended, which page 1 states, told how many: the participants table
withholds that small count. The base and the share are withheld (the share beside the stated exits, or the
deadweight worked out from it, would give it back), and the deadweight is the default, saying why.

The fixture is the synthetic demo with a comparison group, 12 participants, all ended; the first two are put on
activity compensation at start and their households' payments taken out, so 12 − 2 = 10 could leave."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.comparison import compare_exit_rates, exit_base_tells_few
from evaltools.analysis.costbenefit import cost_benefit

from .conftest import demo_comparison_project, shown_chunks, write_csv


def _project(tmp_path, others: int):
    path = demo_comparison_project(tmp_path, "litet", 20260101, 12, 60, -2000.0)
    parts = pd.read_csv(tmp_path / "participants.csv")
    parts.loc[:others - 1, "support_start"] = "sjuk_aktivitetsersättning"
    parts.to_csv(tmp_path / "participants.csv", index=False)
    paid = pd.read_csv(tmp_path / "payments.csv")
    gone = parts.loc[:others - 1, "household_id"]
    paid[~paid["household_id"].isin(gone)].to_csv(tmp_path / "payments.csv", index=False)
    write_csv(tmp_path / "budget.csv", [{"period": str(y), "category": "Coacher", "budget": 600000, "actual": 580000}
                                        for y in (2021, 2022, 2023)])
    text = path.read_text(encoding="utf-8").replace("  payments: payments.csv\n",
                                                    "  payments: payments.csv\n  budget: budget.csv\n")
    path.write_text(text, encoding="utf-8")
    return et.load_project(path)


@pytest.mark.slow
def test_the_participants_base_beside_the_number_ended_does_not_tell_the_few_on_another_support(tmp_path):
    """12 ended, 2 on activity compensation: the table said 'Deltagare 10' (and 50,0 % with its interval). Now '..',
    with the note saying why; the comparison group's row stays (60 persons)."""
    from evaltools.present.sections import payments

    project = _project(tmp_path, 2)
    assert not project.participants["ongoing"].any() and len(project.participants) == 12  # (as the fixture says)
    assert exit_base_tells_few(project)
    er = compare_exit_rates(project)
    assert er.set_index("group").loc["participants", "n"] == 10  # the base: 12 − 2
    r = et.Report(project)
    blocks = payments.blocks(r)
    chunks = shown_chunks(blocks)
    assert "10" not in chunks, chunks
    assert any("Deltagarnas antal och andel visas som .." in c for c in chunks), chunks
    # the deadweight is not worked out from the share either: the default, and why
    a = r.key_tables()["antaganden"].set_index("name")
    assert a.loc["deadweight", "value"] == pytest.approx(project.params.cost_benefit.deadweight_default)
    assert "annan försörjning än försörjningsstöd vid start" in a.loc["deadweight", "source"], a.loc["deadweight"]


@pytest.mark.slow
def test_where_none_had_another_support_the_base_and_the_deadweight_are_given(tmp_path):
    """All 12 on försörjningsstöd at start: 12 − 12 = 0 tells nothing; the table gives the base 12 and the
    deadweight is the comparison group's share over the participants' (the two rates of compare_exit_rates)."""
    project = _project(tmp_path, 0)
    assert not exit_base_tells_few(project)
    er = compare_exit_rates(project).set_index("group")
    assert er.loc["participants", "n"] == 12
    res = cost_benefit(project)
    a = res.assumptions.set_index("name")
    rate_p, rate_c = er.loc["participants", "successes"] / 12, er.loc["comparison", "successes"] / er.loc["comparison", "n"]
    assert a.loc["deadweight", "value"] == pytest.approx(min(rate_c / rate_p, 0.95), abs=1e-9)


def test_five_on_another_support_is_no_small_count(tmp_path):
    """5 of 12 on activity compensation (k = 5): the difference is shown in the participants table, so the base
    of 7 tells nothing withheld."""
    assert not exit_base_tells_few(_project(tmp_path, 5))


@pytest.mark.parametrize("lang, said, not_said", [
    ("sv", "1 av 3 deltagare har inga rader i utbetalningsfilen; hen hade en annan försörjning", "alla 1"),
    ("en", "1 of 3 participants has no rows in the payments file; they had another support", "all 1")])
def test_one_participant_on_another_support_without_payments_is_said_as_one(tmp_path, lang, said, not_said):
    """Two of three on försörjningsstöd with payments, one on sickness benefit with none: the warning said "1 av 3
    deltagare … alla 1 hade en annan försörjning"; one person is now said as one."""
    write_csv(tmp_path / "p.csv", [{"person_id": f"P{i}", "sex": "kvinna", "birth_year": 1980, "start_date": "2024-02-01",
                                    "end_date": "2024-10-31", "outcome": "arbete", "support_start": s}
                                   for i, s in enumerate(["försörjningsstöd", "försörjningsstöd", "sjukpenning"])])
    write_csv(tmp_path / "u.csv", [{"person_id": f"P{i}", "month": f"2024-{m:02d}", "amount": 9000}
                                   for i in (0, 1) for m in range(1, 13)])
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: P\nforbund: F\nowner: O\nperiod: {start: 2024-01-01, planned_end: 2024-12-31}\n"
                    "data_as_of: 2025-06-30\ndata: {participants: p.csv, payments: u.csv}\n", encoding="utf-8")
    (note,) = [w for w in et.load_project(path).warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered_other_support_one"
    text = note.text(lang)
    assert said in text and not_said not in text, text
