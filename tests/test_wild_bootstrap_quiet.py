"""A comparison design where nothing varies gives no bootstrap interval, and says nothing on stderr: the
wild bootstrap library's division of 0 by 0 (a RuntimeWarning a notebook's reader would see) is its own
affair, and its p-value is read as "no interval"."""
import warnings

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS

from evaltools.analysis.comparison import _wild_bootstrap_ci, _wild_bootstrap_p


def _constant_design():
    groups = np.repeat(np.arange(6), 4)  # six households of four person-months
    x = pd.DataFrame({"did": np.tile([1.0, 0.0, 0.0, 0.0], 6) - 0.25})
    return pd.Series(np.zeros(24)), x, groups


def test_nothing_to_resample_gives_no_interval_and_no_warning():
    y, x, groups = _constant_design()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        p = _wild_bootstrap_p(OLS(y, x), groups, "did", seed=1)
        low, high = _wild_bootstrap_ci(y, x, groups, "did", seed=1, effect=0.0, se=0.0, t_half=0.0)
    assert not p > 0.05  # (the library's p-value where every draw is 0/0: it rejects nothing it can tell)
    assert np.isnan(low) and np.isnan(high)
