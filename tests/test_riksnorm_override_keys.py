"""A riksnorm override (``reference.riksnorm``) whose key the calculation never asks for was kept and never used,
without a word: `{2020: 5000}` was refused as "expected a text, write it in quotes ('2020')", and the quoted '2020',
like '2025:adult' or '2025:child:5-6', was then accepted and left unused. Each key is now the one the calculation
looks up ('YEAR:component:band'), read so where it is written without an adult's last colon, with spaces or with a
child's band as a person types it ('7–10 år'); any other key is refused, all of them at once, with what to write."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.reference import riksnorm

from .conftest import params_refusal


def _project(tiny_project, overrides: str):
    return tiny_project(extra=f"reference:\n  riksnorm: {overrides}\n")


def test_keys_written_as_a_person_writes_them_are_the_keys_the_calculation_asks_for(tiny_project):
    params = et.load_project(_project(tiny_project, "{'2025:adult_single': 3900, '2025 : child : 7–10 år': 2500, "
                                                    "'2025:Shared:3': 1500}")).params
    overrides = dict(params.reference.riksnorm)
    assert overrides == {"2025:adult_single:": 3900.0, "2025:child:7-10": 2500.0, "2025:shared:3": 1500.0}
    # the values the calculation then uses (the keys riksnorm() builds): the params', not the shipped table's
    assert riksnorm(2025, "adult_single", "", overrides).value == 3900.0
    assert riksnorm(2025, "child", "7-10", overrides).value == 2500.0
    assert riksnorm(2025, "shared", "3", overrides).value == 1500.0


@pytest.mark.parametrize("lang, start", [
    ("sv", "reference, riksnorm: står '2020', '2025:adult', '2025:child:5-6', som inte är någon av riksnormens delar"),
    ("en", "reference, riksnorm: got '2020', '2025:adult', '2025:child:5-6', which is none of the riksnorm's parts")])
def test_keys_the_calculation_never_asks_for_are_refused_all_at_once(tiny_project, lang, start):
    # a year alone, an adult without single or couple, a child's band the table has not (its bands: <1, 1-2, 3, 4-6,
    # 7-10, 11-14, 15-18, 19-20)
    said = params_refusal(_project(tiny_project, "{2020: 5000, '2025:adult': 3900, '2025:child:5-6': 2500}"), lang)
    assert start in said, said
    assert "'2025:adult_single:'" in said and "4-6" in said, said
