"""The values a project keeps for its payment analyses (month index, paid persons, person codes):
right by hand, and derived again when a table on the project is replaced."""
from __future__ import annotations

import numpy as np
import pandas as pd

from evaltools.data import schema as S
from evaltools.data import synthetic
from evaltools.data.params import ProjectParams
from evaltools.data.project import Project, month_index
from evaltools.data.validation import derive_person_columns


def test_month_index_counts_months_from_year_zero():
    dates = pd.Series(pd.to_datetime(["2022-01-15", "2021-12-01", None, "1999-03-31", "2022-01-01"]))
    # January 2022: 2022 * 12 + 0; December 2021: 2021 * 12 + 11; March 1999: 1999 * 12 + 2
    np.testing.assert_array_equal(month_index(dates), [24264, 24263, np.nan, 23990, 24264])
    whole = month_index(pd.Series(pd.to_datetime(["2020-02-29", "2020-03-01"])))
    assert whole.dtype.kind == "i" and whole.tolist() == [24241, 24242]


def _project() -> Project:
    frames = synthetic.national_scale(6, 4, seed=5)
    params = ProjectParams.model_validate({
        "id": "tiny", "title": "Tiny", "forbund": "-", "owner": "-",
        "period": {"start": "2020-01-01", "planned_end": "2022-12-31"}, "data_as_of": "2023-12-31",
        "goals": [{"id": "n", "kind": "participant_count", "label": "n", "target": 5, "period": "project_year"}],
    })
    pay = frames["payments"]
    pay = pay[pay[S.PERSON_ID] != "P2"].reset_index(drop=True)  # P2 has no payment rows
    return Project(params, derive_person_columns(frames["participants"], params), pay)


def test_paid_persons_codes_and_months_follow_the_tables():
    project = _project()
    pay = project.payments
    assert list(project.paid_persons()[S.PERSON_ID]) == ["P0", "P1", "P3", "P4", "P5"]
    people, codes = project.payment_persons()
    assert list(people) == ["P0", "P1", "P3", "P4", "P5"]
    assert [people[c] for c in codes] == list(pay[S.PERSON_ID])
    months = project.payment_months()
    assert months.tolist() == [d.year * 12 + d.month - 1 for d in pay[S.MONTH]]
    assert project.payment_months() is months  # kept: asked again, not computed again
    # a table replaced on the project is derived again
    project.payments = pay.iloc[4:].reset_index(drop=True)
    assert project.payment_months().tolist() == months[4:].tolist()
    # (P0's four months were the first four rows)
    assert list(project.paid_persons()[S.PERSON_ID]) == ["P1", "P3", "P4", "P5"]
    people, codes = project.payment_persons()
    assert list(people) == ["P1", "P3", "P4", "P5"]
    assert codes.tolist() == [0] * 4 + [1] * 4 + [2] * 4 + [3] * 4
