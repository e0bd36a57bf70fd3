"""Goals and the words that name their successes: a women's project's count of women read as written, and the
figures page 1, the workbook and the sections name alike. Expected values by hand from tiny projects."""
from __future__ import annotations

import textwrap

from .conftest import load_problems, params_refusal, write_csv

BASE = {"birth_year": 1985, "household_type": "ensamstående", "support_start": "försörjningsstöd"}

# Six women, two intakes per project year: year 1 (2024) P1–P4, year 2 (2025) P5–P6.
WOMEN = [("P1", "kvinna", "2024-02-01", "2024-10-31", "arbete"), ("P2", "kvinna", "2024-03-01", "", ""),
         ("P3", "kvinna", "2024-04-01", "2024-12-15", "avbrott"), ("P4", "kvinna", "2024-05-01", "", ""),
         ("P5", "kvinna", "2025-02-01", "", ""), ("P6", "kvinna", "2025-03-01", "", "")]
COUNT_WOMEN = """\
  - id: kvinnor
    kind: participant_count
    label: Minst 3 kvinnor per år ska påbörja insatsen
    target: 3
{extra}"""


def _project(tmp_path, goals: str, rows=WOMEN, top: str = "") -> str:
    cols = ["person_id", "sex", "start_date", "end_date", "outcome"]
    write_csv(tmp_path / "data" / "participants.csv", [{**BASE, **dict(zip(cols, r))} for r in rows])
    path = tmp_path / "kv.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: kv
        kind: individ
        title: Kvinnoprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2024-01-01, planned_end: 2025-12-31}}
        data:
          participants: data/participants.csv
        """) + top + "goals:\n" + goals, encoding="utf-8")
    return str(path)


# --- 1. a count of women in a women's project -----------------------------------------------------------------------

def test_count_of_women_without_target_group_is_refused_naming_both_ways(tmp_path):
    said = params_refusal(_project(tmp_path, COUNT_WOMEN.format(extra="")))
    assert "3 kvinnor" in said
    assert "target_population: {sex: kvinna}" in said and "among: {sex: kvinna}" in said


def test_count_of_women_of_a_womens_project_is_read_as_written(tmp_path):
    import evaltools as et
    top = "target_population: {size: 40, description: Utrikes födda kvinnor, sex: kvinna}\n"
    p = et.load_project(_project(tmp_path, COUNT_WOMEN.format(extra=""), top=top))
    raw = et.assess_goals(p).raw.set_index("period_key")
    # by hand: four women started in 2024 (year 1), two in 2025 (year 2)
    assert (raw.loc["år1", "value"], raw.loc["år2", "value"]) == (4, 2)


def test_count_of_women_is_refused_when_men_are_counted(tmp_path):
    top = "target_population: {sex: kvinna}\n"
    rows = WOMEN + [("P7", "man", "2024-06-01", "", ""), ("P8", "man", "2025-04-01", "", "")]
    problems = load_problems(_project(tmp_path, COUNT_WOMEN.format(extra=""), rows, top=top))
    said = " ".join(str(getattr(p, "message", p)) for p in problems)
    assert "kvinnor" in said and "among: {sex: kvinna}" in said
    assert "2 av de 8" in said  # two men of the eight it counts


def test_count_of_women_with_among_counts_the_women_only(tmp_path):
    import evaltools as et
    rows = WOMEN + [("P7", "man", "2024-06-01", "", "")]
    p = et.load_project(_project(tmp_path, COUNT_WOMEN.format(extra="    among: {sex: kvinna}\n"), rows))
    raw = et.assess_goals(p).raw.set_index("period_key")
    assert (raw.loc["år1", "value"], raw.loc["år2", "value"]) == (4, 2)  # the man of year 1 not counted


def test_target_population_sex_code_is_checked(tmp_path):
    said = params_refusal(_project(tmp_path, COUNT_WOMEN.format(extra=""), top="target_population: {sex: kvinnor}\n"))
    assert "target_population.sex" in said and "kvinna" in said
