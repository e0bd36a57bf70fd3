"""A comparison group of fewer than k persons is not used: its mean, the difference from the participants'
and any estimate on it would show single persons' payments. The project is analysed without it, and the
data-quality section says why. The project is the small-year project of tests/test_small_counts_3.py with
a comparison group written here."""
from __future__ import annotations

import evaltools as et
from evaltools.analysis.comparison import compare_payments
from evaltools.present.sections import quality

from .test_small_counts_3 import _with_comparison


def test_a_comparison_group_of_four_is_not_used_and_the_report_says_why(tmp_path):
    project = et.load_project(_with_comparison(tmp_path, 4, 0))
    assert project.comparison is None and project.comparison_payments is None
    assert "comparison_too_few" in set(project.data_quality["code"])
    result = compare_payments(project)
    assert result.did is None and not result.has_comparison
    assert set(result.table["group"]) == {"participants"}  # no row of the four
    notes = quality.table(et.Report(project, lang="sv"))
    assert any(n.startswith("Jämförelsegruppen har färre än 5 personer och används inte") for n in notes.iloc[:, -1])


def test_a_comparison_group_of_five_is_used(tmp_path):
    project = et.load_project(_with_comparison(tmp_path, 5, 0))
    assert project.comparison is not None and len(project.comparison) == 5
    assert "comparison_too_few" not in set(project.data_quality["code"])
