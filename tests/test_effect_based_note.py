"""The note under the two ways to count the benefit gives the range the comparison persons' reference dates
span only where they were moved: without it, no "mellan −2 486 kr och −2 486 kr" of the effect itself."""
from __future__ import annotations

import dataclasses

import pytest

from evaltools.present.sections import costbenefit as cb_section

from .conftest import sample_report


class _With:
    """The report with another cost-benefit result (everything else read from the report itself)."""

    def __init__(self, report, cba):
        self._report, self.cba = report, cba

    def __getattr__(self, name):
        return getattr(self._report, name)


def _note(report) -> str:
    (table,) = [b for b in cb_section.effect_based(report) if getattr(b, "notes", None)]
    return " ".join(" ".join(table.notes).split())


@pytest.mark.parametrize("lang, dates", [("sv", "referensdatum, som när de flyttas ger skattningar mellan"),
                                         ("en", "reference dates, which, when moved, give estimates between")])
def test_the_reference_dates_range_is_said_only_where_the_dates_were_moved(lang, dates):
    r = sample_report("kompassen-demo", lang)
    eb = r.cba.effect_based
    assert eb.reference_low is not None and eb.reference_low < eb.reference_high  # (the sample moves them)
    assert dates in _note(r)
    without = dataclasses.replace(r.cba, effect_based=dataclasses.replace(eb, reference_low=None, reference_high=None))
    note = _note(_With(r, without))
    assert dates not in note
    assert ("varierar effekten inom sitt intervall; tidshorisonten" in note if lang == "sv"
            else "the effect varies within its interval; the horizon is held" in note)
