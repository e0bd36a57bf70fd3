"""Work done once per distinct value instead of once per row gives what the per-row work gave."""
from __future__ import annotations

import numpy as np
import pandas as pd

from evaltools.analysis.costbenefit.model import group_middles


def test_each_age_group_is_read_once_and_every_row_gets_its_groups_middle():
    # by hand: '18–29' is 18..29, middle (18 + 29 + 1) / 2 = 24; '65+' is 65 and older, 65.5; '50-59 år' 55
    groups = pd.Series(["18–29", "65+", None, "18–29", "okänt", np.nan, "50-59 år", "65+"], dtype=object)
    assert np.array_equal(group_middles(groups), [24.0, 65.5, np.nan, 24.0, np.nan, np.nan, 55.0, 65.5],
                          equal_nan=True)


def test_a_categorical_column_of_age_groups_gives_the_same_middles_as_its_text():
    text = pd.Series(["30–39", "18–29", "30–39", "60–64"])
    assert np.array_equal(group_middles(text.astype("category")), group_middles(text))
    assert group_middles(pd.Series([], dtype=object)).shape == (0,)
