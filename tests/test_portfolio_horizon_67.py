"""The portfolio workbook gives each project's horizon beside its net present values, as the portfolio's costs table
now notes them where they differ (found: Nästa steg and the application are valued over 1 year, the others over 3,
and the workbook's NPVs read as sums over the same years)."""
from __future__ import annotations

import yaml

from evaltools.publish.workbook import portfolio_sheet

from .conftest import PARAMS, sample_portfolio


def test_the_portfolio_sheet_gives_each_projects_horizon_from_its_params():
    pids = ("nasta-steg", "timra-vagen-ut", "eskilstuna-ansokan")
    frame = portfolio_sheet(sample_portfolio(pids, "sv").table).frame.set_index("id")
    for pid in pids:
        raw = yaml.safe_load((PARAMS / f"{pid}.yaml").read_text(encoding="utf-8"))
        said = (raw.get("cost_benefit") or {}).get("horizon_years")
        assert said is not None, pid  # (each sample states its horizon)
        assert frame.loc[pid, "horizon_years"] == float(said), pid


def test_the_horizon_is_a_column_of_the_sheet_with_its_heading():
    sheet = portfolio_sheet(sample_portfolio(("nasta-steg", "timra-vagen-ut"), "sv").table)
    assert "horizon_years" in [c.source for c in sheet.columns]
