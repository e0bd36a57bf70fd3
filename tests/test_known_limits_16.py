"""A params message names its place once: "mål 1 (id: g), among: anger gruppen …", not "among: among: …"."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.params import ParamsError

from .test_small_counts_22 import _project

GOAL = """goals:
  - id: g
    kind: share
    label: Minst 30 % ska gå till arbete
    target: 0.3
    period: whole_period
    among: {among}
"""


@pytest.mark.parametrize("among, sv, en", [
    ("{}", "mål 1 (id: g), among: anger gruppen målet gäller och behöver minst en nyckel",
     "names the group the goal is set for and needs at least one key"),
    ("{age_from: 25, age_below: 16}", "mål 1 (id: g), among: age_from: 25 och age_below: 16 ger ingen ålder",
     "age_from: 25 and age_below: 16 leave no age"),
])
def test_a_goals_group_is_named_once_in_its_message(tmp_path, among, sv, en):
    path = _project(tmp_path, 100_000, 6, stayed=6, extra=GOAL.format(among=among))
    with pytest.raises(ParamsError) as e:
        et.load_project(path)
    said = {lang: " ".join(e.value.message(lang).split()) for lang in ("sv", "en")}
    assert sv in said["sv"]
    assert en in said["en"]
    assert "among: among" not in said["sv"] and "among: among" not in said["en"]
