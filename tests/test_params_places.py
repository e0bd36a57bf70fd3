"""A problem's place in the params file is said as the file writes it: a goal's ``targets`` keyed by a date (YAML
reads 2024-01-01 as a date) was placed at "targets, datetime.date(2024, 1, 1)", Python's form of the key."""
from __future__ import annotations

import pytest

from .conftest import params_refusal


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_date_written_as_a_key_is_placed_as_the_file_writes_it(tiny_project, lang):
    params = tiny_project(extra="""\
        goals:
          - id: g
            kind: participant_count
            label: Minst 20 deltagare per år
            period: project_year
            targets: {2024-01-01: 20}
        """)
    said = params_refusal(params, lang)
    assert "targets, 2024-01-01:" in said and "datetime" not in said, said
