"""When every person of a group is counted, a sentence says "alla 86" ("all 86"), not "86 av de 86":
the outcome codes against the payments after exit, in the payments section, the cost-benefit chapter,
page 1 and the data-quality appendix alike."""
from __future__ import annotations

import re

import pytest

from evaltools.data.crosscheck import coded_exits_paid
from evaltools.data.privacy import all_of
from evaltools.present.sections import costbenefit, payments, quality, summary

import evaltools as et

from .conftest import shown_chunks
from .test_outcome_codes_against_payments import contradicting_project


def test_all_of_counts_the_whole_of_a_shown_group():
    assert all_of(86, 86, 5) and all_of(5, 5, 5)
    assert not all_of(85, 86, 5)
    assert not all_of(4, 4, 5)  # a hidden group is "fewer than 5", never "all"
    assert not all_of(0, 0, 5)


@pytest.mark.parametrize("lang, all_word", [("sv", "alla"), ("en", "all")])
def test_a_whole_group_is_said_as_all(lang, all_word, tiny_project):
    # six coded leavers, all six paid the month after their exit (the samples' leavers no longer are)
    r = et.Report(contradicting_project(tiny_project), lang)
    project = r.project
    checked, paid = coded_exits_paid(project.participants, project.payments, project.params.cost_benefit.success_outcomes)
    assert paid == checked == 6  # (the case at hand)
    texts = (shown_chunks(payments.blocks(r)) + costbenefit.coded_against_paid(r) + summary.codes_contradicted(r)
             + list(quality.report_table(r).iloc[:, 0]))
    text = " ".join(texts)
    same = [m.group(0) for m in re.finditer(r"(\d+) (?:av de|av|of the|of) (\d+)", text) if m.group(1) == m.group(2)]
    assert same == []
    said = [t for t in texts if re.search(rf"\b{all_word} {checked}\b", t, re.IGNORECASE)]
    assert len(said) >= 3  # the payments section, the cost-benefit chapter and the appendix at least
