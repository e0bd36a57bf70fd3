"""Where the payments after exit contradict the outcome code, the cost-benefit section's count of
"persons who left försörjningsstöd" says it is a count of codes, and the sentence on what the benefit
rests on says the payments showed them paid the month after; where they agree, nothing changes.
Counts are worked out by hand from the tiny project's rows (see test_outcome_codes_against_payments)."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section

from .conftest import sample_report, write_csv

# P1 leaves for work 2022-08-01 and is paid 2022-09, the month after; P4 leaves 2023-05-01 and is paid
# 2023-06; P2's row makes the payment file run to 2024-05 (as in test_outcome_codes_against_payments)
PAID_AFTER = [
    {"person_id": "P1", "month": "2022-01", "amount": 9000},
    {"person_id": "P1", "month": "2022-09", "amount": 4000},
    {"person_id": "P4", "month": "2023-06", "amount": 50},
    {"person_id": "P2", "month": "2024-05", "amount": 100},
]
NOT_PAID_AFTER = [
    {"person_id": "P1", "month": "2022-01", "amount": 9000},
    {"person_id": "P1", "month": "2022-08", "amount": 9000},  # the exit month itself: not checked
    {"person_id": "P2", "month": "2024-05", "amount": 100},
]


def _report(tiny_project, rows, lang="sv"):
    path = tiny_project("privacy: {min_count: 2}\n")
    write_csv(path.parent / "data" / "payments.csv", rows)
    return et.Report(path, lang=lang)


def _labels(report):
    return list(cb_section.key_figures(report).frame.iloc[:, 0])


def test_the_exits_row_names_the_code_when_the_payments_disagree(tiny_project):
    sv = _report(tiny_project, PAID_AFTER)
    assert "Personer som enligt avslutskoden lämnat försörjningsstödet" in _labels(sv)
    assert "Personer som lämnat försörjningsstödet" not in _labels(sv)
    en = _report(tiny_project, PAID_AFTER, "en")
    assert "Persons who left social assistance according to the exit code" in _labels(en)


@pytest.mark.parametrize("lang, words", [
    ("sv", ("bygger på avslutskoden", "fick alla 6 som kan följas försörjningsstöd redan månaden efter")),
    ("en", ("rests on the exit code", "all 6 who can be followed received social assistance the month after")),
])
def test_the_benefit_sentence_says_the_exits_are_codes(lang, words, tiny_project):
    # six coded as leaving, all six paid the month after the exit (Kompassen's sample was once such a case; its
    # regenerated payments stop after every coded exit)
    from .test_outcome_codes_against_payments import contradicting_project
    r = et.Report(contradicting_project(tiny_project), lang=lang)
    text = " ".join(cb_section.benefit_count(r)).replace("\xa0", " ")
    assert all(w in text for w in words), text
    # and Kompassen's sentence no longer says so
    k = " ".join(cb_section.benefit_count(sample_report("kompassen-demo", lang))).replace("\xa0", " ")
    assert words[0] not in k, k


def test_the_exits_row_is_plain_when_the_payments_agree(tiny_project):
    r = _report(tiny_project, NOT_PAID_AFTER)
    assert "Personer som lämnat försörjningsstödet" in _labels(r)
    assert "avslutskoden" not in " ".join(cb_section.benefit_count(r))
    assert "Personer som enligt avslutskoden lämnat försörjningsstödet" not in _labels(r)
