"""A budget's total row that does not add up says which lines it should sum in the reader's words:
all periods, or the period named, never the loader's internal word for every period."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from .conftest import write_csv


@pytest.mark.parametrize(("period", "sv", "en"), [("alla", "(alla perioder)", "(all periods)"),
                                                  ("", "(alla perioder)", "(all periods)"),
                                                  ("2022", "(period '2022')", "(period '2022')")])
def test_a_total_that_does_not_add_up_names_the_lines_it_sums(tiny_project, period, sv, en):
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
        {"period": period, "category": "Summa", "budget": 130000, "actual": 115000}])  # 100 000 + 20 000 ≠ 130 000
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    assert p.row == 4 and p.column == "budget"
    assert "förväntat summan av raderna, 120 000 kr " + sv in p.text("sv")
    assert "expected the sum of its lines, 120 000 kr " + en in p.text("en")
    assert "'alla'" not in p.text("sv") + p.text("en")
