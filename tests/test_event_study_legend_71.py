"""The event-study chart's legend is never drawn over its lines: the upper panel keeps room above the highest
interval for it, also where both groups are paid most at the left of the chart (the months before the start)."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import numpy as np
import pandas as pd
import pytest

from evaltools.present.plots import plot_event_study

matplotlib.use("Agg")


def _study(level_left: float) -> SimpleNamespace:
    months = np.arange(-12, 13)
    # paid most at the far left, falling towards the end: the corner where the legend sits
    part = level_left - 250.0 * (months + 12)
    comp = part + 300.0
    frame = pd.DataFrame({"event_time": months, "participants": part, "participants_low": part - 400,
                          "participants_high": part + 400, "comparison": comp, "comparison_low": comp - 300,
                          "comparison_high": comp + 300, "difference": 0.0, "difference_low": -100.0,
                          "difference_high": 100.0})
    return SimpleNamespace(event_study=frame, anticipation_months=3, lang="sv")


@pytest.mark.parametrize("level_left", [10_000.0, 15_000.0, 900.0])
def test_no_point_of_a_line_lies_under_the_legend(level_left):
    fig = plot_event_study(_study(level_left), "sv")
    top = fig.axes[0]
    fig.canvas.draw()
    box = top.get_legend().get_window_extent()
    for line in top.get_lines():
        xy = top.transData.transform(np.column_stack(line.get_data()).astype(float))
        inside = (xy[:, 0] >= box.x0) & (xy[:, 0] <= box.x1) & (xy[:, 1] >= box.y0) & (xy[:, 1] <= box.y1)
        assert not inside.any(), (line.get_label(), xy[inside])
