"""A budget kept a row per line in Swedish ("År", "Kostnadsslag", "Budget", "Utfall") is refused with each heading to
write; the year's column is named too ("kolumnen 'År' är troligen den"), as the cost line's is."""
from __future__ import annotations

from .conftest import load_problems, params_with_files


def test_each_swedish_heading_of_a_budget_gets_the_heading_to_write(tiny_project):
    path = params_with_files(tiny_project, budget="budget.csv")
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "År;Kostnadsslag;Budget;Utfall\n2022;Personal;100 000;90 000\n2022;Lokaler;20 000;25 000\n", encoding="utf-8")
    said = {p.column: p.note("sv") for p in load_problems(path)}
    assert "kolumnen 'År' är troligen den: skriv rubriken 'period' i stället för 'År'" in said["period"]
    assert "skriv rubriken 'category' i stället för 'Kostnadsslag'" in said["category"]
    assert "skriv rubriken 'actual' i stället för 'Utfall'" in said["actual"]
    en = {p.column: p.note("en") for p in load_problems(path, "en")}
    assert "'År'" in en["period"]
