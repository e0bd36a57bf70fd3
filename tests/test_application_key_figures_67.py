"""An application's cost per participant in its workbook, as its key-figure table gives it: its cost over the
participants it expects (the sheet's basis says "förväntat enligt ansökan"); the workbook left it out while the
report showed "15 577 kr (förväntat enligt ansökan)" (one figure, shown in one place and not the other)."""
from __future__ import annotations

import pandas as pd
import pytest

from .conftest import sample_report


def test_the_applications_workbook_gives_its_cost_per_expected_participant():
    r = sample_report("eskilstuna-ansokan", "sv")
    row = r.key_tables()["kostnad_nytta"].iloc[0]
    # 90 participants a year (params) over 2024-04-01 – 2026-12-31, the third year 275 of 365 days
    expected = 90 + 90 + round(90 * 275 / 365)
    # the application's budget, 3 863 075 kr, as its seed document (the 2023 application) gives it
    assert row["total_cost_nominal"] == 3_863_075
    assert row["cost_per_participant"] == pytest.approx(3_863_075 / expected, abs=0.01)
    for key in ("participants", "ended", "actual_total"):  # (counts and costs it does not have yet: none)
        assert key not in row.index or pd.isna(row[key])
