"""Known limits taken to a fix: reach counts persons, timestamps read as their day, the DiD's unit the
household, a running structural project says so, a year not yet over is not "not achieved", lost
leading zeros in one message, repayments netted in the month.

Every expected value is worked out by hand in a comment beside it.
"""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.words import glossary

from .conftest import participants_frame, write_csv


def _report(path, lang: str = "sv"):
    return et.Report(et.load_project(path), lang=lang)


# --- 1. reach counts distinct persons, not enrolments --------------------------------------------------

TWICE = [*participants_frame().itertuples(index=False, name=None),
         # P1 ended 2022-08-01 and comes back: a second enrolment of the same person
         ("P1", "kvinna", 1980, "ensamstående", "2023-02-01", "2023-06-01", "arbete")]


@pytest.mark.parametrize("lang, label", [("sv", "Räckvidd (andel av målgruppen som deltagit)"),
                                         ("en", "Reach (share of the target population who took part)")])
def test_reach_counts_a_person_enrolled_twice_once(tiny_project, lang, label):
    from evaltools.present.sections import facts
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(TWICE))
    r = _report(tiny_project("target_population: 8\n"), lang)
    assert len(r.project.participants) == 5  # five enrolments ...
    rows = dict(facts.rows(r))
    # ... of four persons (P1, P2, P3, P4): 4 / 8 = 50,0 % (enrolments would give 5 / 8 = 62,5 %)
    assert rows[label] == ("50,0\u00a0%" if lang == "sv" else "50.0%")


@pytest.mark.parametrize("lang, words", [("sv", "räknas en gång"), ("en", "counts once")])
def test_the_glossary_defines_reach_as_persons(lang, words):
    label = {"sv": "Räckvidd (andel av målgruppen som deltagit)",
             "en": "Reach (share of the target population who took part)"}[lang]
    assert [t.id for t in glossary.used_in(label, lang)] == ["rackvidd"]
    assert words in glossary.definition("rackvidd", lang)
