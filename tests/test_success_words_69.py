"""Page 1's successes without a main goal are the default ones (an exit to work, studies or a benefit). Said as
"lämnade försörjningsstödet" they contradicted the cost-benefit where the participants came from sickness benefit:
"Av 57 avslutade lämnade 36 försörjningsstödet" above "Färre än 5 av deltagarna har lämnat försörjningsstödet". Where
some of them had another support at start, they are said as where they went.

Ten participants, all ended 2022-10-01; rows 0–5 on sjukpenning at start, rows 6–9 on försörjningsstöd; rows 0, 1,
2, 6 and 7 to work (5 of 10, 50,0 %, three of them from sjukpenning), the rest kvar_försörjningsstöd (the sjukpenning
rows 3–5 are no exit to a benefit either). Budget 90 000 kr: 18 000 kr per success."""
from __future__ import annotations

import textwrap

import pandas as pd

import evaltools as et
from evaltools.present.sections import summary

from .conftest import write_csv


def _project(tmp_path, support: list[str]):
    rows = []
    for i in range(10):
        rows.append({"person_id": f"P{i + 1}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1970 + i,
                     "household_type": "ensamstående", "start_date": "2022-02-01", "end_date": "2022-10-01",
                     "outcome": "arbete" if i in (0, 1, 2, 6, 7) else "kvar_försörjningsstöd",
                     "support_start": support[i]})
    write_csv(tmp_path / "data" / "participants.csv", pd.DataFrame(rows))
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100_000,
                                                  "actual": 90_000}])
    path = tmp_path / "ord.yaml"
    path.write_text(textwrap.dedent("""\
        id: ord
        title: Från sjukpenning
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2022-12-31}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        goals:
          - {id: deltagare, kind: participant_count, label: Minst 10 deltagare, target: 10, period: whole_period}
        """), encoding="utf-8")
    return path


def _page_one(path, lang="sv") -> str:
    r = et.Report(et.load_project(path), lang=lang)
    text = " ".join(summary.participation(r)) + " " + summary.per_success(r, r.cba.summary)
    return " ".join(text.replace("\u00a0", " ").split())


def test_from_sickness_benefit_the_successes_are_said_as_where_they_went(tmp_path):
    text = _page_one(_project(tmp_path, ["sjukpenning"] * 6 + ["försörjningsstöd"] * 4))
    assert "Av 10 avslutade deltagare gick 5 (50,0 %) till arbete, studier eller en ersättning" in text, text
    assert "lämnade försörjningsstödet" not in text and "lämnat försörjningsstödet" not in text, text
    assert "18 000 kr per person som gått till arbete, studier eller en ersättning" in text, text


def test_in_english_too(tmp_path):
    text = _page_one(_project(tmp_path, ["sjukpenning"] * 6 + ["försörjningsstöd"] * 4), "en")
    assert "5 (50.0%) went to work, studies or a benefit" in text and "left social assistance" not in text, text


def test_all_on_social_assistance_at_start_they_left_it(tmp_path):
    text = _page_one(_project(tmp_path, ["försörjningsstöd"] * 10))
    assert "Av 10 avslutade deltagare lämnade 5 (50,0 %) försörjningsstödet" in text, text
    assert "18 000 kr per person som lämnat försörjningsstödet" in text, text


def test_with_the_exits_withheld_the_negative_result_is_still_said_to_be_the_calculations_reach(tmp_path):
    """Rows 0–5 from sickness benefit and rows 6 and 7 from försörjningsstöd go to work: two left försörjningsstöd
    (1 to 4: withheld, so the NPV is a range, not a number). At a cost of 2 000 000 kr no count from 1 to 4 carries
    it, so the NPV is negative whatever the count, and page 1 says that this is the calculation's reach (most who
    moved on had no försörjningsstöd to leave), not a verdict on the goals, as it does where the count is shown."""
    path = _project(tmp_path, ["sjukpenning"] * 6 + ["försörjningsstöd"] * 4)
    people = pd.read_csv(tmp_path / "data" / "participants.csv", dtype=str, keep_default_na=False)
    people.loc[[3, 4, 5], "outcome"] = "arbete"
    write_csv(tmp_path / "data" / "participants.csv", people)
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 2_000_000,
                                                  "actual": 2_000_000}])
    r = et.Report(et.load_project(path))
    assert r.cba.summary.exit_range is not None  # (the two who left are withheld)
    said = " ".join(summary.support_at_start(r))
    assert "säger alltså att de som lämnade försörjningsstödet inte bär kostnaden" in said, said
