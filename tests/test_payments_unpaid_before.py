"""The means of försörjningsstöd before and after the start count every participant the payment file covers, those
without a payment before the start at 0 kr: the section says how many of them there are, since they pull the means
down (a project for people on sickness benefit has most of its participants at 0 kr)."""
from __future__ import annotations

import evaltools as et
from evaltools.analysis import comparison
from evaltools.present.sections.payments import unpaid_before_sentence

COVERS_ALL = ("data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
              "  budget: data/budget.csv\n  payments_cover_all_participants: true\n")


def test_the_analysis_counts_the_participants_without_a_payment_before_the_start(tiny_project):
    # P1 (start 2022-02) was paid 9 000 in 2022-01 and P2 (start 2022-03) 12 000 in 2022-02, both before their
    # start; P3 and P4 have no payment rows, which the params say means 0 kr: 2 of the 4 had none before
    project = et.load_project(tiny_project("", data_block=COVERS_ALL))
    assert comparison.compare_payments(project).unpaid_before == 2


def test_the_section_says_how_many_of_how_many_in_both_languages(tiny_project):
    path = tiny_project("privacy: {min_count: 2}\n", data_block=COVERS_ALL)
    sv = unpaid_before_sentence(et.Report(et.load_project(path), lang="sv"))
    assert sv.startswith(" ")  # (after the paragraph's sentence before it; the catalog keeps "0 kr" together)
    assert " ".join(sv.split()) == ("2 av de 4 deltagarna hade ingen utbetalning av försörjningsstöd under de 12 månaderna före start; "
                  "deras månader räknas som 0 kr och drar ner deltagarnas medelbelopp.")
    en = unpaid_before_sentence(et.Report(et.load_project(path), lang="en"))
    assert " ".join(en.split()).startswith("2 of the 4 participants had no payment of social assistance in the 12 "
                                           "months before")


def test_nothing_is_said_where_the_means_are_hidden(tiny_project):
    # the same 2 of 4 under the default threshold of 5: the table hides the means of 4 persons, so no sentence
    # explains what pulls them down
    r = et.Report(et.load_project(tiny_project("", data_block=COVERS_ALL)), lang="sv")
    assert r.payments.unpaid_before == 2
    assert unpaid_before_sentence(r) == ""


def test_nothing_is_said_where_every_participant_was_paid_before(tiny_project):
    # without the params' word that the file covers everyone, P3 and P4 (no rows) are not in the means at all
    r = et.Report(et.load_project(tiny_project("privacy: {min_count: 2}\n")), lang="sv")
    assert r.payments.unpaid_before == 0
    assert unpaid_before_sentence(r) == ""
