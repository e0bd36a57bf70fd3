"""A budget kept a row per line in Swedish ("År", "Kostnadsslag", "Budget", "Utfall") is read as the contract's columns;
an amount headed "Belopp", which says neither budget nor utfall, is refused with the heading to write."""
from __future__ import annotations

import evaltools as et

from .conftest import load_problems, params_with_files


def test_each_swedish_heading_of_a_budget_is_read_as_its_column(tiny_project):
    path = params_with_files(tiny_project, budget="budget.csv")
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "År;Kostnadsslag;Budget;Utfall\n2022;Personal;100 000;90 000\n2022;Lokaler;20 000;25 000\n", encoding="utf-8")
    b = et.load_project(path).budget.set_index("category")
    assert list(b.index) == ["Personal", "Lokaler"]
    assert b.loc["Personal", ["budget", "actual"]].tolist() == [100_000, 90_000]
    assert b.loc["Lokaler", ["budget", "actual"]].tolist() == [20_000, 25_000]
    assert set(b["period"].astype(str)) == {"2022"}


def test_an_amount_headed_belopp_is_named_with_the_heading_to_write(tiny_project):
    path = params_with_files(tiny_project, budget="budget.csv")
    (tiny_project.dir / "data" / "budget.csv").write_text(
        "År;Kostnadsslag;Belopp\n2022;Personal;100 000\n2022;Lokaler;20 000\n", encoding="utf-8")
    said = {p.column: p.note("sv") for p in load_problems(path)}
    assert "kolumnen 'Belopp' är troligen den: skriv rubriken 'budget' i stället för 'Belopp'" in said["budget"]
    assert set(said) == {"budget"}
    # the file's own headings are listed, not the columns they were read as
    assert "(kolumner i filen: År, Kostnadsslag, Belopp)" in said["budget"]
