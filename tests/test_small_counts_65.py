"""Small counts, a sixty-fifth time: counts a report withholds must not be worked out from any two figures it
publishes anywhere, in the sections, the workbook, the portfolio or the Word document.

Each case is a tiny table or project whose hidden cells are worked out by hand in the comments; nothing is copied
from the code's output.
"""
from __future__ import annotations

import textwrap

import pandas as pd

import evaltools as et
from evaltools.analysis.disclosure import fewest_hidden, intake_per_year
from evaltools.data import schema as S
from evaltools.present.figures import report_figures
from evaltools.present.sections import outcomes, participants, summary

from .conftest import shown_chunks, write_csv

K = 5


def _hidden(counts: dict[str, int], sums: list[set[str]], *, total: bool) -> set[str]:
    """The outcomes hidden where the table's total (the number ended) is published (``total``) or withheld."""
    codes = list(counts)
    lines = [*([list(range(len(codes)))] if total else []), *([codes.index(c) for c in s] for s in sums)]
    withheld = [] if total else [list(range(len(codes)))]
    mask = fewest_hidden(list(counts.values()), K, lines, [], withheld)
    return {c for c, m in zip(codes, mask) if m}


# --- 1. the number ended withheld: the outcome table's counts must not add up to it ---------------------------------

def test_no_small_outcome_beside_a_withheld_number_ended_hides_the_smallest():
    # arbete 9, studier 8, kvar 6: 23 ended, withheld. Shown whole the three add up to 23; hiding kvar (the smallest)
    # leaves 17 and "..", at least 22 and no more said
    counts = {"arbete": 9, "studier": 8, "kvar_försörjningsstöd": 6}
    assert _hidden(counts, [], total=False) == {"kvar_försörjningsstöd"}
    # published, the total needs nothing hidden
    assert _hidden(counts, [], total=True) == set()


def test_a_count_inside_a_stated_sum_does_not_keep_the_number_ended_back():
    # a goal states arbete + kvar (15): hiding kvar (6) alone gives it back as 15 − 9, and the 23 with it. Studier (8),
    # in no stated sum, keeps the 23 back: 15 + ".."
    counts = {"arbete": 9, "studier": 8, "kvar_försörjningsstöd": 6}
    assert _hidden(counts, [{"arbete", "kvar_försörjningsstöd"}], total=False) == {"studier"}


def test_a_small_count_already_keeps_a_withheld_number_ended_back():
    # arbete 9, kvar 6, flyttat 3: flyttat "<5" leaves 15 + 1..4 = 16..19 ended, no exact number: nothing more
    assert _hidden({"arbete": 9, "kvar_försörjningsstöd": 6, "flyttat": 3}, [], total=False) == {"flyttat"}


def test_the_outcome_table_of_a_withheld_number_ended_does_not_add_up_to_it():
    # 14 ended: arbete 8, kvar försörjningsstöd 6. With the number ended withheld, 8 + 6 would give it: kvar (6, the
    # smaller) is "..", arbete stays
    ended = pd.DataFrame({S.OUTCOME: ["arbete"] * 8 + ["kvar_försörjningsstöd"] * 6})
    shown = outcomes.outcome_counts(ended, K, total=False)
    assert dict(zip(shown["category"], shown["n"])) == {"arbete": 8, "kvar_försörjningsstöd": ".."}
    shown = outcomes.outcome_counts(ended, K, total=True)
    assert dict(zip(shown["category"], shown["n"])) == {"arbete": 8, "kvar_försörjningsstöd": 6}


# --- 4. persons enrolled in both years: the years less the total must not tell how many ------------------------------

def _two_years(root, year_1: range, year_2: range, extra: str = "") -> str:
    """Persons P<i> for i in ``year_1`` enrolled in 2023 (project year 1), those in ``year_2`` in 2024 (year 2); a
    person in both ranges has a row in each year. All ended, to work."""
    def row(i: int, year: int) -> dict:
        return {"person_id": f"P{i:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                "household_type": "ensamstående", "start_date": f"{year}-03-01", "end_date": f"{year}-10-31",
                "outcome": "arbete"}
    write_csv(root / "data/participants.csv", [row(i, 2023) for i in year_1] + [row(i, 2024) for i in year_2])
    write_csv(root / "data/budget.csv", [{"period": "hela", "category": "Lön", "budget": 500_000, "actual": 450_000}])
    path = root / "p.yaml"
    path.write_text(textwrap.dedent("""\
        id: tva_ar
        title: Två år
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """) + textwrap.dedent(extra), encoding="utf-8")
    return str(path)


def _year_rows(r) -> dict[str, object]:
    t = r.composition.table
    return {str(c): n for c, n in zip(t.loc[t["variable"] == "project_year", "category"],
                                       t.loc[t["variable"] == "project_year", "n"])}


def test_two_in_both_years_leave_page_one_the_total_and_the_table_one_year_hidden(tmp_path):
    # P01–P07 in year 1, P06–P12 in year 2: 12 persons, 7 + 7 = 14, P06 and P07 (2) in both years. Page 1 gives 12
    # only; the participants table hides one year ("..": 7 and ".." of 12 tell neither the 2 nor the other 7)
    r = et.Report(_two_years(tmp_path, range(1, 8), range(6, 13)))
    assert intake_per_year(r.project) is None
    text = " ".join(summary.participation(r)).replace("\xa0", " ")
    assert "Projektet har haft 12 deltagare." in text and "7 under år 1" not in text
    rows = _year_rows(r)
    assert sorted(map(str, rows.values())) == ["..", "7"]
    shown = " ".join(shown_chunks(participants.blocks(r)))
    assert "År 1" in shown and "År 2" in shown
    # no citable figure per year either
    assert not any(name.startswith("antal_deltagare_ar") for name in report_figures(r))


def test_five_in_both_years_are_a_count_that_may_be_said(tmp_path):
    # P01–P09 in year 1, P05–P13 in year 2: 13 persons, 9 + 9 = 18, P05–P09 (5) in both years: years and table stay
    r = et.Report(_two_years(tmp_path, range(1, 10), range(5, 14)))
    assert dict(intake_per_year(r.project)) == {1: 9, 2: 9}
    assert _year_rows(r) == {"1": 9, "2": 9}


def test_years_without_overlap_are_shown_as_before(tmp_path):
    # P01–P06 in year 1, P07–P12 in year 2: 6 + 6 = 12, nobody in both
    r = et.Report(_two_years(tmp_path, range(1, 7), range(7, 13)))
    assert dict(intake_per_year(r.project)) == {1: 6, 2: 6}
    assert _year_rows(r) == {"1": 6, "2": 6}
