"""The default successes (no goal of the project's own defines success) with supports at start mixed: page 1 says
them as where they went ("gick till arbete, studier eller en ersättning"), since some had no försörjningsstöd to
leave (present/sections/summary.py ``not_all_left_fs``), beside the cost-benefit's count of those who did.

Thirty participants, all ended 2023-10-01; by hand:
  7 försörjningsstöd → arbete, 5 sjukpenning → arbete, 2 försörjningsstöd → studier, 2 försörjningsstöd → sjukpenning,
  5 sjukpenning → sjukpenning (the support they started on: no success), 9 försörjningsstöd → kvar_försörjningsstöd.
  Successes (default): 7 + 5 + 2 + 2 = 16 of 30 (53,3 %); left försörjningsstöd (on it at start): 7 + 2 + 2 = 11.
  With everyone on försörjningsstöd at start: 7 + 5 + 2 + 2 + 5 = 21 of 30 (70,0 %), and 21 left it.
The cost is 90 000 kr: 5 625 kr per success of 16, 8 182 kr per person of the 11 who left försörjningsstöd."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit, summary
from evaltools.publish.workbook import export_report

COST = 90_000


def build(tmp: Path, mixed: bool) -> Path:
    other = "sjukpenning" if mixed else "försörjningsstöd"
    spec = ([("försörjningsstöd", "arbete")] * 7 + [(other, "arbete")] * 5 + [("försörjningsstöd", "studier")] * 2
            + [("försörjningsstöd", "sjukpenning")] * 2 + [(other, "sjukpenning")] * 5
            + [("försörjningsstöd", "kvar_försörjningsstöd")] * 9)
    (tmp / "data").mkdir(parents=True, exist_ok=True)
    pd.DataFrame([{"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
                   "household_type": "ensamstående", "start_date": "2023-02-01", "end_date": "2023-10-01",
                   "outcome": outcome, "support_start": support} for i, (support, outcome) in enumerate(spec)]
                 ).to_csv(tmp / "data" / "participants.csv", index=False)
    pd.DataFrame([{"period": "2023", "category": "Lön", "budget": 100_000, "actual": COST}]).to_csv(
        tmp / "data" / "budget.csv", index=False)
    path = tmp / "blandat.yaml"
    path.write_text(textwrap.dedent("""\
        id: blandat
        title: Blandat stöd vid start
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2023-01-01, planned_end: 2023-12-31}
        data_as_of: 2023-12-31
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """), encoding="utf-8")
    return path


def _text(lines) -> str:
    return " ".join(lines).replace("\u00a0", " ").replace("\u202f", " ")


def _key(r) -> dict[str, str]:
    frame = costbenefit.key_figures(r).frame
    return {str(a): str(b).replace("\u00a0", " ").replace("\u202f", " ") for a, b in zip(frame.iloc[:, 0], frame.iloc[:, 1])}


def _kr(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


@pytest.mark.parametrize(("mixed", "successes", "left_fs"), [(True, 16, 11), (False, 21, 21)])
def test_page_one_counts_the_successes_and_the_cost_benefit_those_who_left(tmp_path, mixed, successes, left_fs):
    r = et.Report(et.load_project(build(tmp_path, mixed)))
    said = _text(summary.participation(r) + summary.cost(r))
    share = f"{100 * successes / 30:.1f}".replace(".", ",")
    if mixed:
        assert f"Av 30 avslutade deltagare gick {successes} ({share} %) till arbete, studier eller en ersättning" in said
        assert f"lämnade {successes}" not in said and "lämnat försörjningsstödet" not in said, said
        assert "5 avslutade gick till samma ersättning som de hade vid start (sjukpenning)" in said, said
        # (the cost per success in prose, to hundreds: 90 000 / 16 = 5 625)
        assert f"{round(COST / successes, -2):,.0f} kr per person som gått till arbete".replace(",", " ") in said, said
    else:
        assert f"Av 30 avslutade deltagare lämnade {successes} ({share} %) försörjningsstödet" in said, said
        assert "gick till arbete, studier" not in said
    assert _key(r)["Personer som lämnat försörjningsstödet"] == str(left_fs)
    export_report(r, tmp_path / "out")
    book = pd.read_csv(tmp_path / "out" / "tables-data" / "kostnad_nytta.csv").set_index("key")["value"]
    assert (int(book["successes"]), int(book["goal_successes"]), int(book["ended"])) == (left_fs, successes, 30)
    assert float(book["cost_per_success"]) == pytest.approx(COST / successes)
    assert float(book["cost_per_exit_from_fs"]) == pytest.approx(COST / left_fs)


@pytest.mark.xfail(strict=True, reason="the cost-benefit key figures label the cost per success (90 000 / 16) "
                                       "'Kostnad per person som lämnat försörjningsstödet' beside 11 who did: "
                                       "present/sections/costbenefit.py key_figures (costbenefit.kf.per_exit_fs)")
def test_a_cost_per_person_who_left_is_the_cost_over_those_who_left(tmp_path):
    key = _key(et.Report(et.load_project(build(tmp_path, True))))
    left = int(key["Personer som lämnat försörjningsstödet"])
    for label, value in key.items():
        if "per person som lämnat försörjningsstödet" in label:
            assert _kr(value) == round(COST / left), (label, value)  # 8 182 kr, not 5 625 kr


@pytest.mark.xfail(strict=True, reason="the workbook's success_definition calls the 16 successes 'deltagare som "
                                       "lämnat försörjningsstödet' beside its own count of 11 who did (successes): "
                                       "the words of the definition where not all had försörjningsstöd at start")
def test_the_workbooks_definition_does_not_call_the_successes_leavers(tmp_path):
    r = et.Report(et.load_project(build(tmp_path, True)))
    export_report(r, tmp_path / "out")
    book = pd.read_csv(tmp_path / "out" / "tables-data" / "kostnad_nytta.csv").set_index("key")["value"]
    assert int(book["goal_successes"]) != int(book["successes"])
    assert "lämnat försörjningsstödet" not in str(book["success_definition"]), book["success_definition"]
