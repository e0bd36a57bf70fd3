"""A budget kept per school term, as a project that follows the school year writes its periods ('VT 2024',
'HT 2024'): each term is read as its half of the calendar year and the halves are added up to the year, as
'2024 H1' and '2024 H2' are; never refused with a year to write that would make two rows of one year."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et

from .conftest import write_csv


def _project(tmp_path, periods: list[str]):
    rows = [f"P{i + 1},{'kvinna' if i % 2 else 'man'},{1980 + i},ensamstående,2024-02-01,2024-10-31,"
            f"{'arbete' if i < 5 else 'kvar_försörjningsstöd'}" for i in range(12)]
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "p.csv").write_text("person_id,sex,birth_year,household_type,start_date,end_date,outcome\n"
                                             + "\n".join(rows) + "\n", encoding="utf-8")
    write_csv(tmp_path / "data" / "budget.csv", [
        {"period": periods[0], "category": "Lön", "budget": 100000, "actual": 90000},
        {"period": periods[1], "category": "Lön", "budget": 100000, "actual": 95000},
        {"period": periods[2], "category": "Lön", "budget": 100000, "actual": 80000}])
    path = tmp_path / "vt.yaml"
    path.write_text(textwrap.dedent("""\
        id: vt
        title: Terminsprojektet
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2024-01-01, planned_end: 2025-06-30}
        data_as_of: 2025-06-30
        data:
          participants: data/p.csv
          budget: data/budget.csv
        goals:
          - {id: arbete, kind: share, label: Minst 30 % till arbete, target: 0.3, period: whole_period,
             denominator: exits, success_outcomes: [arbete]}
        """), encoding="utf-8")
    return path


@pytest.mark.parametrize("periods", [["VT 2024", "HT 2024", "VT 2025"], ["2024 vt", "2024 ht", "2025 vt"],
                                     ["Vårterminen 2024", "Höstterminen 2024", "Vårtermin 2025"]])
def test_terms_are_the_halves_of_their_years(tmp_path, periods):
    budget = et.load_project(_project(tmp_path, periods)).budget.set_index("period")
    # by hand: 2024 is the spring and the autumn term, 100 000 + 100 000 budgeted, 90 000 + 95 000 used
    assert list(budget.index) == ["2024", "2025"]
    assert (budget.loc["2024", "budget"], budget.loc["2024", "actual"]) == (200000, 185000)
    assert (budget.loc["2025", "budget"], budget.loc["2025", "actual"]) == (100000, 80000)
