"""A förbund of three member municipalities whose participants file has no municipality column: the cost-benefit's
municipal actor is the three together on page 1, in the table per actor and in the workbook, as the budget table
already says their co-financing in the plural; one municipality named twice stays one."""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et
from evaltools.present import sections
from evaltools.present.sections.budget import municipalities_together
from evaltools.publish.workbook import report_sheets, write_workbook

from .conftest import shown_chunks, write_csv

THREE = "partners: [Härnösands kommun, Timrå kommun, Sundsvalls kommun]\n"


def _report(tiny_project, partners: str, lang: str = "sv"):
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Processledare", "budget": 500000, "actual": 480000, "funder": "förbund"},
        {"period": "2022", "category": "Handläggare, arbetstid", "budget": 150000, "actual": 150000, "funder": "kommun"},
    ])
    return et.Report(et.load_project(tiny_project(partners)), lang=lang)


@pytest.mark.parametrize("partners, together", [(THREE, True), ("partners: [Timrå kommun, Arbetsförmedlingen]\n", False),
                                                ("partners: [Timrå kommun, Arbetsmarknadsenheten Timrå kommun]\n", False)])
def test_the_municipal_actor_is_the_municipalities_together_where_the_params_name_several(tiny_project, partners,
                                                                                          together):
    r = _report(tiny_project, partners)
    assert municipalities_together(r.project) is together
    actors = [b for part in sections.costbenefit.blocks(r) for b in part if hasattr(b, "frame")
              and r.msg("costbenefit.actor") in b.frame.columns]
    assert actors, "the table per actor"
    names = actors[0].frame[r.msg("costbenefit.actor")].tolist()
    assert ("Kommunerna" in names) is together and ("Kommunen" in names) is not together
    page_one = " ".join(shown_chunks(sections.summary.blocks(r)))
    assert ("kommunerna tillsammans" in page_one) is together


def test_the_workbooks_row_per_actor_names_the_three_together(tiny_project, tmp_path):
    r = _report(tiny_project, THREE)
    path = write_workbook(tmp_path / "t.xlsx", report_sheets(r.key_tables(), r.k, lang="sv",
                                                              several_municipalities=municipalities_together(r.project)),
                          "sv", r.k)
    firsts = [row[0] for row in openpyxl.load_workbook(path)["Per perspektiv"].iter_rows(min_row=2, values_only=True)]
    assert "Kommunerna" in firsts and "Kommunen" not in firsts
