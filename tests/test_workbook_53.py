"""The workbook as an evaluator reads it beside the report, round 53: whose money a budget line is.

The Budget sheet has a *Finansiär* column on every row, and the cost-benefit sheets share the cost out between
the municipality, the region and the state. Under the report's budget table (with several funders) a note says
what the column means: the förbund's money is shared out between the state, the region and the municipality as
the law on financial coordination shares it, a partner's co-financing is that partner's cost, and EU funds are
the state's. The sheet had no such note, so that a reader of the workbook alone could not tell why the förbund's
lines turn up as the state's, the region's and the municipality's cost on the sheet per perspective. The sheet
now carries the report's note under its table, after an empty row as the other sheets' notes, and only where
the report does: a budget of one funder has none.
"""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et

from .conftest import write_csv


def _budget_sheet(tiny_project, lines: list[dict], lang: str = "sv"):
    """The tiny project with ``lines`` as its budget, exported in ``lang``: the workbook's Budget sheet."""
    write_csv(tiny_project.dir / "data" / "budget.csv", lines)
    params = tiny_project()
    out = tiny_project.dir / "out"
    et.export_report(et.Report(params, lang=lang), out)
    wb = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")
    return wb["Budget"]  # (the sheet's name in both languages)


def _rows(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def _notes(rows: list[list[object]]) -> list[object]:
    """The notes under the table (rows 2-3) and its empty row 4: each row's one text, in the first column or,
    on a sheet that keeps its first column in view, beside it."""
    return [next(v for v in r if v is not None) for r in rows[4:] if any(v is not None for v in r)]


TWO_FUNDERS = [  # kr: the förbund's staff and the municipality's own work time, as a co-financed project writes it
    {"period": "2022", "category": "Personal", "budget": 100000, "actual": 90000, "funder": "förbund"},
    {"period": "2022", "category": "Socialsekreterare (arbetstid)", "budget": 20000, "actual": 25000,
     "funder": "kommun"},
]


def test_a_budget_of_two_funders_says_under_the_sheet_whose_money_a_line_is(tiny_project):
    ws = _budget_sheet(tiny_project, TWO_FUNDERS)
    rows = _rows(ws)
    header = rows[0]
    # the two lines, each with its funder in words
    funder = header.index("Finansiär")
    assert [r[funder] for r in rows[1:3]] == ["Samordningsförbundet", "Kommunens medfinansiering"]
    # then an empty row, then the note, as the other sheets' notes stand
    assert all(v is None for v in rows[3])
    notes = _notes(rows)
    whose = [n for n in notes if n.startswith("Finansiär säger vems pengar raden är.")]
    assert len(whose) == 1
    # it says how the cost-benefit sheets book each: the förbund's money shared out by the law, a partner's
    # co-financing (its work time too) as that partner's cost
    assert "staten, regionen och kommunen enligt finsamlagen" in whose[0]
    assert "den partens kostnad" in whose[0]
    assert "EU" not in whose[0]  # (no EU line)


def test_an_eu_line_says_it_is_the_states_cost(tiny_project):
    lines = [*TWO_FUNDERS[:1],
             {"period": "2022", "category": "ESF-finansierad coach", "budget": 50000, "actual": 50000, "funder": "eu"}]
    notes = _notes(_rows(_budget_sheet(tiny_project, lines)))
    (whose,) = [n for n in notes if n.startswith("Finansiär säger vems pengar raden är.")]
    assert whose.endswith("EU-medel räknas som statens kostnad, eftersom staten betalar Sveriges avgift till EU.")


def test_a_budget_of_one_funder_has_no_such_note(tiny_project):
    lines = [{**line, "funder": "förbund"} for line in TWO_FUNDERS]
    rows = _rows(_budget_sheet(tiny_project, lines))
    assert not [v for r in rows[3:] for v in r if isinstance(v, str) and "vems pengar" in v]


@pytest.mark.parametrize("lang, start", [("en", "The column Funder says whose money each line is.")])
def test_the_note_is_in_the_reports_language(tiny_project, lang, start):
    rows = _rows(_budget_sheet(tiny_project, TWO_FUNDERS, lang))
    notes = _notes(rows)
    assert [n for n in notes if n.startswith(start)]
