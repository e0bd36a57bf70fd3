"""A goal's count of persons where two of its features meet: a share of the participants with a trait (a goal
on who takes part) counts a person enrolled twice once, as every count of participants does; and a
participant goal set for a group, or counting a trait, totals the persons of that group or trait only. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import evaltools as et

from .test_unseen_projects import _params
from .test_unseen_projects_10 import _csv


def _person(pid: str, sex: str, start: str, end: str, birth_year: int = 1990) -> dict:
    return {"person_id": pid, "sex": sex, "birth_year": birth_year, "household_type": "ensamstående",
            "start_date": start, "end_date": end, "outcome": "arbete"}


# One project year (2024). W1-W4 women, M1-M6 men; W1 and W2 ended in the spring and came back in the autumn.
#   enrolments: 4 + 2 (women) + 6 (men) = 12; persons: 10, of whom 4 women
def _rows() -> list[dict]:
    rows = [_person(f"W{i}", "kvinna", "2024-02-01", "2024-05-31") for i in range(1, 5)]
    rows += [_person(f"W{i}", "kvinna", "2024-09-01", "2024-11-30") for i in (1, 2)]
    rows += [_person(f"M{i}", "man", "2024-02-01", "2024-10-31", birth_year=2002 if i <= 3 else 1980)
             for i in range(1, 7)]
    return rows


GOALS = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2024-12-31}
    data_as_of: 2025-03-31
    data: {participants: data/participants.csv}
    goals:
      - id: kvinnor
        kind: share
        label: Minst 40 %% av deltagarna ska vara kvinnor
        numerator: sex
        sex: [kvinna]
        target: 0.4
        period: whole_period
      - id: antal_kvinnor
        kind: participant_count
        label: Minst 4 kvinnor under projekttiden
        numerator: sex
        sex: [kvinna]
        target: 4
        period: whole_period
      - id: antal_man
        kind: participant_count
        label: Minst 5 deltagare av dem som är män
        target: 5
        period: whole_period
        among: {sex: man}
    """


def _goals(tmp_path):
    _csv(tmp_path / "data/participants.csv", _rows())
    return et.assess_goals(et.load_project(_params(tmp_path, GOALS))).raw


def test_a_share_of_who_takes_part_counts_each_person_once(tmp_path):
    row = _goals(tmp_path).set_index("goal_id").loc["kvinnor"]
    # 4 women of 10 persons (40 %), not 6 women's enrolments of 12 (50 %)
    assert (row["numerator"], row["denominator"]) == (4, 10)


def test_a_count_of_a_trait_or_a_group_totals_its_own_persons(tmp_path):
    raw = _goals(tmp_path).set_index("goal_id")
    women, men = raw.loc["antal_kvinnor"], raw.loc["antal_man"]
    # women: 4 persons (6 enrolments), in the period and in the total; men: 6 persons, 6 enrolments
    assert (women["value"], women["total_persons"], women["total_enrolments"]) == (4, 4, 6)
    assert (men["value"], men["total_persons"], men["total_enrolments"]) == (6, 6, 6)
