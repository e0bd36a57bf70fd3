"""Outcome codes that leave försörjningsstöd, checked against the payments after the exit: a data-quality
note counting persons (never an id, date or amount), and the report's figures reconciled."""
from __future__ import annotations

from pathlib import Path

import pytest

import evaltools as et
from evaltools.data.crosscheck import coded_exits_paid

from .conftest import sample_project, write_csv

# P1 leaves for work 2022-08-01, P4 for sjukersättning 2023-05-01; P2's row makes the file run to 2024-05
PAID_AFTER = [
    {"person_id": "P1", "month": "2022-01", "amount": 9000},
    {"person_id": "P1", "month": "2022-09", "amount": 4000},   # the month after P1's exit month
    {"person_id": "P4", "month": "2023-07", "amount": 3000},   # two months after P4's: not the month checked
    {"person_id": "P2", "month": "2024-05", "amount": 100},
]


def contradicting_project(tiny_project) -> Path:
    """Twelve participants (A0-A11) in ``tiny_project``'s folder, enrolled 2022-02-01 and ended 2022-08-15: six
    coded as leaving for work and six as staying on försörjningsstöd, every one of them paid 9 000 kr in 2022-01
    and in 2022-09 (the month after the exit month) and A11 also in 2024-05: all six coded leavers are paid the
    month after. The samples' leavers are not (their generator stops a leaver's payments after the exit)."""
    from .conftest import participants_frame
    path = tiny_project()
    rows = [(f"A{i}", "kvinna" if i % 2 else "man", 1980, "ensamstående", "2022-02-01", "2022-08-15",
             "arbete" if i < 6 else "kvar_försörjningsstöd") for i in range(12)]
    write_csv(path.parent / "data" / "participants.csv", participants_frame(rows))
    write_csv(path.parent / "data" / "payments.csv",
              [{"person_id": f"A{i}", "month": m, "amount": 9000} for i in range(12) for m in ("2022-01", "2022-09")]
              + [{"person_id": "A11", "month": "2024-05", "amount": 9000}])
    return path


def _notes(project):
    return [w for w in project.warnings if w.code == "coded_exit_paid"]


def test_a_leaver_paid_the_month_after_is_a_counted_note(tiny_project):
    path = tiny_project()
    write_csv(path.parent / "data" / "payments.csv", PAID_AFTER)
    project = et.load_project(path)
    # two coded leavers (P1, P4), both followed the month after; only P1 was paid then
    assert coded_exits_paid(project.participants, project.payments, project.params.cost_benefit.success_outcomes) == (2, 1)
    (note,) = _notes(project)
    assert note.severity == "warning" and note.column == "outcome" and note.row is None
    # one person of two checked, both below the small-count limit of 5: the note says "fewer than 5" in words (the
    # table's "<5" in a sentence read as a mark), never 1 or 2, and names no one
    for lang, few in (("sv", "färre än 5 avslut som kodats"), ("en", "fewer than 5 exits coded")):
        text = note.note(lang)  # (what is said, without the file's temporary folder)
        assert text.startswith(few) and "<5" not in text and " 1 " not in text and " 2 " not in text
        assert "P1" not in text and "4000" not in text and "4 000" not in text and "2022" not in text
    table = et.Report(path).quality_table()
    assert "färre än 5 avslut" in table.to_string() and "P1" not in table.to_string()


def test_the_count_is_shown_when_the_rule_allows(tiny_project):
    path = tiny_project("privacy: {min_count: 2}\n")
    write_csv(path.parent / "data" / "payments.csv", [*PAID_AFTER, {"person_id": "P4", "month": "2023-06", "amount": 50}])
    (note,) = _notes(et.load_project(path))
    # both coded leavers were paid: "alla 2", not "2 av 2"
    assert note.note("sv").startswith("alla 2 avslut") and note.note("en").startswith("all 2 exits")


def test_no_note_when_nobody_is_paid_after_the_exit(tiny_project):
    path = tiny_project()
    write_csv(path.parent / "data" / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-08", "amount": 9000},  # the exit month itself: not checked
        {"person_id": "P2", "month": "2024-05", "amount": 100},
    ])
    assert not _notes(et.load_project(path))


def test_the_note_and_the_report_count_the_same_persons():
    project = sample_project("kompassen-demo")
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    checked, paid = coded_exits_paid(project.participants, project.payments, project.params.cost_benefit.success_outcomes)
    oc = r.outcome_check
    assert (oc.checked, oc.paid_next_month) == (checked, paid)
    # the persistence table's month 12 is the same count the reconciliation cites
    row12 = r.persistence.set_index("months_after").loc[12]
    assert (oc.followed_12, oc.without_12) == (row12["observed"], row12["without_fs"])
    assert oc.coded == r.summary.successes


def test_the_report_does_not_set_a_withheld_coded_count_beside_the_payments(tiny_project):
    from evaltools.analysis.disclosure import Secondary
    from evaltools.present.sections import costbenefit as cb_section
    path = tiny_project("privacy: {min_count: 2}\n")
    write_csv(path.parent / "data" / "payments.csv", [*PAID_AFTER, {"person_id": "P4", "month": "2023-06", "amount": 50}])
    report = et.Report(path)
    # 2 of the 3 who ended are coded as leaving: the 1 who did not is fewer than min_count 2, so the differencing rule
    # withholds the count of leavers, and "Kodade som att de lämnat försörjningsstödet: 2 (66,7 % av de avslutade)"
    # would state it (the sentence with its counts: tests/test_small_counts_65.py)
    assert report.disclosure.hides(Secondary.EXITS)
    assert cb_section.coded_against_paid(report) == []


def test_a_quarter_of_the_coded_leavers_paid_the_month_after_contradicts_the_codes():
    """By hand: of 8 coded leavers followed, 2 paid the month after is a quarter; 1 is a data-quality note."""
    from evaltools.analysis.costbenefit import OutcomeCheck
    assert OutcomeCheck(coded=9, checked=8, paid_next_month=2, followed_12=8, without_12=6).contradicts_codes
    assert not OutcomeCheck(coded=9, checked=8, paid_next_month=1, followed_12=8, without_12=7).contradicts_codes
    assert not OutcomeCheck(coded=3, checked=0, paid_next_month=0, followed_12=0, without_12=0).contradicts_codes


def test_page_one_says_when_the_payments_contradict_the_codes(tiny_project):
    """Page 1 gives the codes' count of successes; where the payments say most of those leavers were
    still paid, it says so right after, in both languages, with the counts of the data check."""
    from evaltools.present.sections import summary
    # (a project of its own: the samples' synthetic leavers are no longer paid after their exit)
    path = contradicting_project(tiny_project)
    sv = " ".join(summary.participation(et.Report(path))).replace("\xa0", " ")
    # (the codes that leave försörjningsstöd are the successes just counted: the short wording refers to them)
    # (every one of them paid: "alla 6", as a person says it, not "6 av de 6")
    assert "Enligt utbetalningarna fick dock alla 6 som kan följas försörjningsstöd månaden efter" in sv
    assert sv.index("fick dock") > sv.index("avslutade deltagare")  # after the codes' count
    en = " ".join(summary.participation(et.Report(path, "en"))).replace("\xa0", " ")
    assert "By the payments, however, all 6 who can be followed were paid social assistance" in en


def test_page_one_is_silent_when_the_payments_agree_with_the_codes(tiny_project):
    from evaltools.present.sections import summary
    path = tiny_project()
    write_csv(path.parent / "data" / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P2", "month": "2024-05", "amount": 100},
    ])
    assert summary.codes_contradicted(et.Report(path)) == []
    write_csv(path.parent / "data" / "payments.csv", [*PAID_AFTER, {"person_id": "P4", "month": "2023-06", "amount": 50}])
    (said,) = summary.codes_contradicted(et.Report(path))  # both coded leavers paid the month after
    # (fewer than 5 followed: said in words, not "<5 av de <5")
    assert "någon av dem som kodats som att de lämnat försörjningsstödet" in said and "<5" not in said


@pytest.mark.parametrize("checked, paid, sv, en", [
    (86, 3, "färre än 5 av 86 avslut", "fewer than 5 of 86 exits"),  # (was "<5 av 86 avslut")
    (5, 2, "några av de 5 avslut", "some of the 5 exits"),  # (was "<5 av 5": "färre än 5 av 5" says only "not all")
    (3, 2, "färre än 5 avslut", "fewer than 5 exits"),  # (was "<5 av <5")
    (86, 40, "40 av 86 avslut", "40 of 86 exits"),
    (86, 86, "alla 86 avslut", "all 86 exits"),
])
def test_the_data_quality_note_says_a_hidden_count_in_words(checked, paid, sv, en, monkeypatch):
    """The data-quality note on coded leavers paid the month after says a hidden count as running text does, by
    what the group's count allows (as page 1's sentence: tests/test_board_reading_61.py), both with and without a
    cost-benefit calculation."""
    import pandas as pd

    from evaltools.data import crosscheck
    monkeypatch.setattr(crosscheck, "_paid_after_exit", lambda *a: (checked, list(range(paid))))
    for costed in (True, False):
        note, = [p for p in crosscheck.coded_exit_paid_note("f.csv", pd.DataFrame(), None, (), 5, costed=costed)
                 if p.severity == "warning"]
        assert note.note("sv").startswith(sv) and note.note("en").startswith(en)
        assert "<5" not in note.note("sv") + note.note("en")
        assert ("kalkylen" in note.note("sv")) is costed
