"""What a board member stumbles over when reading the samples a fifteenth time, after a count goal's share of the
exits became its share goal's (those who moved left out): the table of successes per group counting 236 ended where
every other part of Specialistteamet's report counts 242, without a word on why, and the portfolio's workbook
beside it. Expected values are worked out by hand from the small inputs built here, not taken from the code's
output.
"""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.portfolio import _row
from evaltools.present.sections.outcomes import rate_notes

from .conftest import shown_chunks, write_csv
from .test_board_reading_14 import COUNT_GOAL, SHARE_GOAL, _exits_project, _plain
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


# --- 1. the table of successes per group says which exits it leaves out of those who ended ---------------------

@pytest.mark.parametrize("lang, left_out", [
    ("sv", "; avslut med utfallet flyttat räknas inte bland de avslutade"),
    ("en", "; exits marked as moved away are not counted among those who ended")])
def test_the_rate_table_says_the_exits_its_definition_leaves_out(tmp_path, lang, left_out):
    # 25 exits: 12 to work, 8 dropped out, 5 moved; the share goal leaves the 5 who moved out, so the table of
    # successes per group counts 25 − 5 = 20 ended where the outcome table counts 25: the note says why
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL]), lang=lang)
    raw = r.rates.raw
    # persons 1–25, a woman where the 0-based index is odd: of the 20 counted (indexes 0–19) 10 women and 10 men
    assert sorted(raw[raw["variable"] == "sex"]["n"].astype(int)) == [10, 10]
    counted = _plain(rate_notes(r, "1")[0])
    assert counted.endswith(left_out + "."), counted


def test_without_exits_left_out_the_rate_table_says_nothing_of_them(tmp_path):
    # the count goal alone counts every exit (25): nothing is left out, and the note does not say so
    r = et.Report(_exits_project(tmp_path, [COUNT_GOAL]), lang="sv")
    counted = _plain(rate_notes(r, "1")[0])
    assert "räknas inte bland de avslutade" not in counted, counted


def test_the_portfolio_workbooks_definition_says_why_its_ended_are_fewer(tmp_path):
    # the portfolio's row counts 20 ended (25 − 5 who moved), 12 successes; its definition, the column beside the
    # count in the workbook, names the exits left out
    port = _row(_exits_project(tmp_path, [COUNT_GOAL, SHARE_GOAL]), "sv")
    assert (port["ended"], port["successes"]) == (20, 12)
    assert port["success_definition"].endswith("; avslut med utfallet flyttat räknas inte bland de avslutade")
    assert port["success_excluded"] == ("flyttat",)


# --- 2. the outcome section says its ended are enrolments where a person was enrolled more than once ----------

def _returned_project(tmp_path, again: bool):
    """30 persons who ended in 2023 (18 to work, 12 dropped out, half of each women); with ``again``, person 1
    (who dropped out in March) was enrolled a second time and ended in work: 31 enrolments that ended, 30 persons."""
    rows = [_person(i, sex="kvinna" if i % 2 else "man", outcome="arbete" if i > 12 else "avbrott",
                    **({"start": "2023-01-10", "end": "2023-03-01"} if i == 1 else {})) for i in range(1, 31)]
    if again:
        rows.append({**_person(1, sex="kvinna", start="2023-05-02", end="2023-10-01"), "person_id": "U001"})
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.load_project(_params(tmp_path, PROJECT.rstrip(" ") % "" + f"    goals:\n      - {COUNT_GOAL}\n"))


@pytest.mark.parametrize("lang, intro, note", [
    ("sv", "Utfall för de 31 avslutade inskrivningarna: den som skrevs in mer än en gång har ett utfall för varje "
           "inskrivning.",
     "Tabellen räknar avslutade inskrivningar, inte personer: den som skrevs in mer än en gång räknas en gång för "
     "varje avslut."),
    ("en", "Outcomes of the 31 enrolments that ended: a person enrolled more than once has an outcome for each "
           "enrolment.",
     "The table counts enrolments that ended, not persons: a person enrolled more than once counts once for each "
     "exit.")])
def test_the_outcome_section_calls_the_ended_enrolments_where_a_person_came_back(tmp_path, lang, intro, note):
    from evaltools.present.sections import outcomes
    # 30 participants (persons), 31 enrolments that ended: "de 31 som avslutat" would be 31 persons of 30
    r = et.Report(_returned_project(tmp_path, again=True), lang=lang)
    shown = [_plain(c) for c in shown_chunks(outcomes.blocks(r))]
    assert intro in shown, shown
    assert note in shown, shown


def test_the_outcome_section_speaks_of_participants_where_each_was_enrolled_once(tmp_path):
    from evaltools.present.sections import outcomes
    r = et.Report(_returned_project(tmp_path, again=False), lang="sv")
    shown = [_plain(c) for c in shown_chunks(outcomes.blocks(r))]
    assert "Utfall för de 30 som avslutat sin insats." in shown, shown  # 30 persons, each ended once
    assert not any("inskrivning" in c for c in shown), shown


# --- 3. page 1 says what the skattefaktor falls on: a net cost, or the public budgets' surplus ------------------

@pytest.mark.parametrize("budget, lang, falls_on, not_said", [
    # 12 exits to work, each saving about 9 400 kr a month (riksnorm and housing) for three years, less a quarter
    # that would have left anyway and a fifth a year dropping off: well over 2 million kr, against a cost of
    # 1 million kr: the public budgets go plus, and the skattefaktor's effect is a gain for society
    (1_000_000, "sv", "skattefaktorn 1,3 läggs på det offentliga överskottet", "nettokostnaden"),
    (1_000_000, "en", "the tax factor 1.3 is applied to the public surplus", "net cost"),
    # the same saving, at most 12 × 36 × 9 400 ≈ 4,1 million kr before anything is taken off, against a cost of
    # 10 million kr: the public budgets bear a net cost
    (10_000_000, "sv", "skattefaktorn 1,3 läggs på den offentliga nettokostnaden", "överskott"),
    (10_000_000, "en", "the tax factor 1.3 is applied to the public net cost", "surplus")])
def test_page_one_says_the_skattefaktor_falls_on_a_surplus_where_the_public_budgets_go_plus(
        tmp_path, budget, lang, falls_on, not_said):
    from evaltools.present.sections import summary
    _exits_project(tmp_path, [COUNT_GOAL])
    write_csv(tmp_path / "data/budget.csv", [{**BUDGET[0], "budget": budget, "actual": budget}])
    r = et.Report(et.load_project(tmp_path / "unseen.yaml"), lang=lang)
    society = [_plain(s) for s in summary.worth(r) if s.startswith(("För samhället", "For society"))]
    assert len(society) == 1 and falls_on in society[0] and not_said not in society[0], society


# --- 4. the portfolio names the goal whose words leave the exits out -------------------------------------------

MAIN_SHARE_GOAL = SHARE_GOAL.replace("{id: andel,", "{id: andel, main: true,")


@pytest.mark.parametrize("goals, lang, says", [
    # the main goal counts successes (Tio per år till arbete) and says nothing of those who moved; the share goal
    # (Minst hälften av de avslutade till arbete) leaves them out: the note names that goal, not the main goal
    ([COUNT_GOAL, SHARE_GOAL], "sv", "räknas inte bland de avslutade, som målet för deras andel anger."),
    ([COUNT_GOAL, SHARE_GOAL], "en", "are not counted among those who ended, as the goal for their share says."),
    # the share goal is itself the main goal: its own words leave them out
    ([MAIN_SHARE_GOAL, COUNT_GOAL], "sv", "räknas inte bland de avslutade, som huvudmålet anger.")])
def test_the_portfolio_says_whose_words_leave_the_exits_out(tmp_path, goals, lang, says):
    from evaltools.present.portfolio import Portfolio
    _exits_project(tmp_path, goals)
    [note] = Portfolio([tmp_path / "unseen.yaml"], lang=lang).definitions()
    assert _plain(note).endswith(says), note
