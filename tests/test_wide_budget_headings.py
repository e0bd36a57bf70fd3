"""A budget with a column per period whose heading misspells budget or utfall (``Utfal 2022``) was read
without that column: the year's actual costs were unknown and the year was counted at its budget, without
a word. Such a heading is now refused with the heading meant; other headings are read as before."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.budget_shapes import near_wide_heading
from evaltools.data.errors import DataValidationError


@pytest.mark.parametrize(("heading", "meant"), [
    ("Utfal 2022", "Utfall 2022"), ("Utfallet 2023", "Utfall 2023"), ("Budjet år 2", "Budget år 2"),
    ("Budgetår 2024", "Budget 2024"), ("Budgetpost", None), ("Kommentar 2024", None), ("Prognos 2025", None),
    ("Utfall 2022", None), ("Budget totalt", None), ("Kostnadsslag", None)])
def test_the_heading_meant(heading, meant):
    assert near_wide_heading(heading) == meant


def test_a_misspelt_utfall_column_is_refused_with_the_heading_to_write(tiny_project):
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "Kostnadsslag,Budget 2022,Utfal 2022,Budget 2023,Utfall 2023\n"
        "Lön,100000,90000,110000,105000\nÖvrigt,20000,25000,30000,28000\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    assert (p.row, p.column) == (1, "Utfal 2022")
    assert "menar du 'Utfall 2022'?" in p.text("sv") and "did you mean 'Utfall 2022'?" in p.text("en")


def test_a_wide_budget_with_its_own_comment_column_reads_as_before(tiny_project):
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "Budgetpost,Budget 2022,Utfall 2022,Kommentar\nLön,100000,90000,enligt avtal\n"
        "Övrigt,20000,25000,\n", encoding="utf-8")
    budget = et.load_project(tiny_project()).budget
    # two lines of 2022: 100 000 + 20 000 budget, 90 000 + 25 000 actual
    assert budget is not None and (budget["budget"].sum(), budget["actual"].sum()) == (120000, 115000)


def test_a_budget_by_rows_with_its_actual_column_misspelt_is_refused(tiny_project):
    """The contract's own shape (a row per period and line): ``utfal`` for the actual column was left out,
    and every line counted at its budget."""
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "period,category,budget,utfal\n2022,Lön,100000,90000\n2022,Övrigt,20000,25000\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(tiny_project())
    [p] = e.value.problems
    assert p.column == "actual" and "skriv rubriken 'actual' i stället för 'utfal'" in p.text("sv")
