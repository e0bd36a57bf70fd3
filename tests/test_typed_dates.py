"""Dates and months typed as Excel shows them or as people write them (``1 mars 2024``, ``20240301``,
``feb-22``): refused with the date to write, never read in the cell's place."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from .conftest import participants_frame, write_csv


def _refused_start_date(tiny_project, typed: str):
    """The one problem of the tiny project whose first participant's start date is typed ``typed``."""
    df = participants_frame()
    df.loc[0, "start_date"] = typed
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    return p


@pytest.mark.parametrize(("typed", "write"), [
    ("1 mars 2024", "2024-03-01"), ("1:a mars 2024", "2024-03-01"), ("15 okt. 2023", "2023-10-15"),
    ("March 1, 2024", "2024-03-01"), ("2024-3-1", "2024-03-01"), ("20240301", "2024-03-01")])
def test_a_start_date_typed_in_words_or_without_dashes_gets_the_date_to_write(tiny_project, typed, write):
    p = _refused_start_date(tiny_project, typed)
    assert (p.row, p.column) == (2, "start_date")
    assert p.text("sv").endswith(f" – skriv {write}") and p.text("en").endswith(f" – write {write}")


@pytest.mark.parametrize("typed", ["31 februari 2024", "20241301", "mars 2024"])
def test_a_date_that_cannot_be_read_back_gets_no_date_to_write(tiny_project, typed):
    """No such day, no such month, no day at all: nothing is offered."""
    p = _refused_start_date(tiny_project, typed)
    assert " – skriv " not in p.text("sv")


@pytest.mark.parametrize(("typed", "write"), [
    ("2022-2", "2022-02"), ("2022/02", "2022-02"), ("202202", "2022-02"), ("februari 2022", "2022-02"),
    ("feb-22", "2022-02"), ("Feb 2022", "2022-02")])
def test_a_payment_month_typed_otherwise_gets_the_month_to_write(tiny_project, typed, write):
    write_csv(tiny_project.dir / "data" / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000}, {"person_id": "P2", "month": typed, "amount": 12000}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    assert (p.row, p.column) == (3, "month")
    assert p.text("sv").endswith(f" – skriv {write}")
