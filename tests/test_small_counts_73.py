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


# --- an outcome goal counting one sex ---------------------------------------------------------------------------

from .test_goals_73 import WOMEN, _project as _womens_project  # noqa: E402  (the women's project of those tests)
from .conftest import load_problems, params_refusal  # noqa: E402

COUNT_WOMEN_AT_WORK = """\
  - id: arbete
    kind: outcome_count
    label: Minst 2 kvinnor per år ska gå till arbete
    target: 2
{extra}"""


def test_an_outcome_goal_counting_women_without_target_group_is_refused_naming_both_ways(tmp_path):
    """'Minst 2 kvinnor per år ska gå till arbete' counted every participant's exits to work, men's too, without a
    word; it is refused as a participant goal counting one sex is, naming the exits it counts."""
    said = params_refusal(_womens_project(tmp_path, COUNT_WOMEN_AT_WORK.format(extra="")))
    assert "2 kvinnor" in said and "avslut" in said
    assert "target_population: {sex: kvinna}" in said and "among: {sex: kvinna}" in said


def test_an_outcome_goal_counting_women_with_among_counts_the_womens_exits_only(tmp_path):
    """P1 (a woman, 2024) ended at work; a man (P7, 2024) ended at work too: with among the goal counts 1, not 2."""
    import evaltools as et
    rows = WOMEN + [("P7", "man", "2024-06-01", "2024-11-30", "arbete")]
    p = et.load_project(_womens_project(tmp_path, COUNT_WOMEN_AT_WORK.format(extra="    among: {sex: kvinna}\n"), rows))
    raw = et.assess_goals(p).raw.set_index("period_key")
    assert raw.loc["år1", "value"] == 1


def test_an_outcome_goal_counting_women_of_a_womens_project_is_refused_when_men_ended_there(tmp_path):
    """With target_population.sex kvinna the goal is read as written, and validate refuses it when a man is among
    those it counts."""
    rows = WOMEN + [("P7", "man", "2024-06-01", "2024-11-30", "arbete")]
    problems = load_problems(_womens_project(tmp_path, COUNT_WOMEN_AT_WORK.format(extra=""), rows,
                                             top="target_population: {sex: kvinna}\n"))
    said = " ".join(str(getattr(p, "message", p)) for p in problems)
    assert "among: {sex: kvinna}" in said, said
