"""The what-if panel's grid of net present values: each cell is computed at the values its row and column say. A
value within half a slider step of the report's (a deadweight 0,4 percentage points from the report's 25 %) was
computed at the report's own value but labelled with the grid's, so one figure stood for another. Checked against
the cost-benefit with the same setting written into the project directly (``with_params``), not through the panel."""
from __future__ import annotations

import pandas as pd

import evaltools as et
from evaltools.present import whatif
from evaltools.words.formats import fmt_kr


def test_a_grid_value_within_half_a_step_of_the_baseline_is_computed_at_that_value():
    project = et.load_project("timra-vagen-ut")
    base = whatif.baseline(project)
    near = round(base.deadweight + whatif.STEPS["deadweight"] * 0.4, 4)  # (within half a step of the report's)
    table = pd.DataFrame(whatif.grid(project, "deadweight", (near,), "horizon_years", (base.horizon_years,),
                                     lang="sv"))
    direct = fmt_kr(et.cost_benefit(project.with_params(cost_benefit={"deadweight": near})).summary.npv, "sv")
    at_base = fmt_kr(et.cost_benefit(project).summary.npv, "sv")
    assert direct != at_base  # (the two differ in kronor: the test tells them apart)
    assert table.iloc[0, 1] == direct, (table.iloc[0, 1], direct, at_base)
