"""Reading a tiny project as its board would: where fewer than 5 participants left försörjningsstöd, the report
hides their number on page 1, in the outcomes and in the cost-benefit analysis, so the table and curves of the
time in the project must not give it either: a share of a group times the group's size is the count.

Every project is written in tmp_path. Expected values are worked out by hand in the comments."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.present.display import Table, Text
from evaltools.present.sections import time_in_project

from .conftest import write_csv
from .test_small_counts_22 import _project as _small


def _project(root: Path, exits: int, other: int, ongoing: int) -> Path:
    """Everyone starts on 2022-01-01, the project's first day (one intake year). ``exits`` end to work on day
    100 (2022-04-11), ``other`` end still on försörjningsstöd on day 200 (2022-07-20), ``ongoing`` are still
    enrolled at the analysis date 2023-12-31. No one is censored before day 365, so each share at a day is a
    count over the group's size."""
    outcomes = [("arbete", "2022-04-11")] * exits + [("kvar_försörjningsstöd", "2022-07-20")] * other
    outcomes += [("", "")] * ongoing
    rows = [{"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i % 7,
             "household_type": "ensamstående", "start_date": "2022-01-01", "end_date": end, "outcome": outcome}
            for i, (outcome, end) in enumerate(outcomes, 1)]
    write_csv(root / "data/participants.csv", rows)
    path = root / "tiny.yaml"
    path.write_text(textwrap.dedent("""\
        id: tiny
        title: Litet testprojekt
        forbund: Testförbundet
        owner: Testkommun
        kind: individ
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data:
          participants: data/participants.csv
        """), encoding="utf-8")
    return path


def _rows(tte) -> dict[int, tuple]:
    return {int(r.day): (r.success, r.other_exit, r.still_in_project) for r in tte.table.itertuples()}


def test_a_group_with_fewer_than_5_of_one_way_shows_no_shares_or_curves(tmp_path):
    # 5 to work, 4 other, 5 ongoing: 14 persons. Shown, day 365 would read 5/14 = 35,7 %, 4/14 = 28,6 % and
    # 5/14 = 35,7 %, and 28,6 % of the 14 in the participants table is the 4 the outcomes hide
    tte = et.time_to_exit(et.load_project(_project(tmp_path, exits=5, other=4, ongoing=5)))
    rows = _rows(tte)
    # at risk on days 30, 90, 180 and 365: 14, 14, 9 (the 5 to work ended on day 100) and 5, all at least 5
    assert list(tte.table["at_risk"]) == [14, 14, 9, 5]
    assert set(rows) == {30, 90, 180, 365}
    assert all(v == ".." for shares in rows.values() for v in shares)
    assert all(len(c) == 0 for c in tte.curves.values())
    # the unprotected numbers keep the shares: 4/14 other exits by day 365
    assert tte.raw.set_index("day").loc[365, "other_exit"] == pytest.approx(4 / 14)


def test_a_group_with_at_least_5_of_each_way_shows_them(tmp_path):
    # 5 to work, 5 other, 5 ongoing: 15 persons; day 180: 5/15 to work, none other; day 365: 5/15 each
    tte = et.time_to_exit(et.load_project(_project(tmp_path, exits=5, other=5, ongoing=5)))
    rows = _rows(tte)
    assert rows[30] == pytest.approx((0.0, 0.0, 1.0))
    assert rows[180] == pytest.approx((1 / 3, 0.0, 2 / 3))
    assert rows[365] == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert all(len(c) > 0 for c in tte.curves.values())


@pytest.mark.parametrize("lang, words", [
    ("sv", ("Andelen som hade avslutat på vart och ett av två sätt", "inga kurvor: i varje grupp har färre än 5 personer "
            "avslutat på ett av de två sätten", "Tabellen visar i stället hur många som fanns kvar")),
    ("en", ("The share who had ended in each of two ways", "no curves are: in every group fewer than 5 persons ended "
            "in one of the two ways", "The table shows instead how many were still in the project")),
])
def test_the_section_says_why_instead_of_a_chart(tmp_path, lang, words):
    # 5 to work, 4 other, 5 ongoing: the median is shown (5 + 4 of 14 have ended by day 200, 5/14 < 1/2 remain,
    # and 9 were at risk then), the shares are not. A table of ".." in every share column told the board nothing: the
    # share columns are left out and one sentence says why and what the table shows instead (days, at risk, median)
    project = et.load_project(_project(tmp_path, exits=5, other=4, ongoing=5))
    [[intro, table]] = time_in_project.blocks(et.Report(project, lang=lang))
    assert isinstance(intro, Text) and isinstance(table, Table)
    said = " ".join(intro.paragraphs)
    assert all(w in said for w in words)
    assert len(table.frame.columns) == 4 and ".." not in set(table.frame.to_numpy().ravel())
    assert list(table.frame.iloc[:, 2]) == ["14", "14", "9", "5"]  # at risk on days 30, 90, 180 and 365
    assert table.frame.iloc[0, -1].startswith("200")


@pytest.mark.parametrize("lang, words", [
    ("sv", "Inga kurvor, andelar eller mediantider visas: i varje grupp har färre än 5 personer avslutat på ett av "
           "de två sätten, eller färre än 5 fanns kvar när deltagare avslutade, och siffrorna skulle visa hur många "
           "de är."),
    ("en", "No curves, shares or median times are shown: in every group fewer than 5 persons ended in one of the "
           "two ways, or fewer than 5 remained when participants ended, and the figures would show how many they "
           "are."),
])
def test_the_tiny_project_says_why_nothing_is_shown(tmp_path, lang, words):
    # 3 to work, 2 other, 5 ongoing: the tiny project of the cost-benefit range; shown, day 365 would read
    # 3/10 = 30,0 % and 2/10 = 20,0 %. Half remain from day 200 on (5 of 10), so the median lies beyond the last
    # exit and is not shown either
    project = et.load_project(_project(tmp_path, exits=3, other=2, ongoing=5))
    [[text]] = time_in_project.blocks(et.Report(project, lang=lang))
    assert isinstance(text, Text)
    assert text.paragraphs[-1] == words


def _cost_project(root: Path) -> Path:
    """The cost-benefit range's tiny project (tests/test_small_counts_22.py): 3 exits to work, 2 who stayed on
    försörjningsstöd, 5 ongoing, a cost of 1 500 000 kr (2022, actual = budget) and 9 000 kr a month over 2 years,
    no deadweight or discounting."""
    return _small(root, 1_500_000, exits=3, stayed=2, ongoing=5)


@pytest.mark.parametrize("lang, one, benefit, npv, kommun", [
    # one exit saves 9 000 × 24 = 216 000 kr; 1 to 4 exits: 216 000 to 864 000; less the cost of 1 500 000:
    # −1 284 000 to −636 000; the municipality bears a quarter, 375 000: −159 000 to 489 000
    ("sv", "216 000 kr", "216 000 till 864 000 kr", "−1 284 000 till −636 000 kr", "−159 000 till 489 000 kr"),
    ("en", "SEK 216,000", "SEK 216,000 to 864,000", "SEK −1,284,000 to −636,000", "SEK −159,000 to 489,000"),
])
def test_the_cost_tables_give_the_range_exact_as_the_value_of_one_exit(tmp_path, lang, one, benefit, npv, kommun):
    from evaltools.present.sections import costbenefit as cb_section
    r = et.Report(et.load_project(_cost_project(tmp_path)), lang=lang)
    kf = cb_section.key_figures(r).frame
    cells = [v.replace("\xa0", " ") for v in kf.iloc[:, 1]]
    # the value of one exit, the benefit from it, the net present value: one figure, one way, in one table
    assert one in cells and benefit in cells and npv in cells
    table = cb_section.perspective_table(r).frame
    assert table.iloc[0][{"sv": "Netto", "en": "Net"}[lang]].replace("\xa0", " ") == kommun


@pytest.mark.parametrize("lang, effect, net, sf_note", [
    # society's benefit is 0 kr (försörjningsstöd is a transfer, earnings are not valued); the skattefaktor's effect
    # is (1,3 − 1) × the public budgets' net: 0,3 × (216 000 − 1 500 000) = −385 200 at 1 exit and
    # 0,3 × (864 000 − 1 500 000) = −190 800 at 4; society's net 0 − 1 500 000 − 385 200 = −1 885 200 and
    # 0 − 1 500 000 − 190 800 = −1 690 800
    ("sv", "−385 200 till −190 800 kr", "−1 885 200 till −1 690 800 kr",
     "Samhällets netto är nytta minus kostnad plus skattefaktorns effekt."),
    ("en", "SEK −385,200 to −190,800", "SEK −1,885,200 to −1,690,800", "effect"),
])
def test_society_s_row_adds_up_with_the_skattefaktor_s_effect_over_the_range(tmp_path, lang, effect, net, sf_note):
    from evaltools.present.sections import costbenefit as cb_section
    r = et.Report(et.load_project(_cost_project(tmp_path)), lang=lang)
    table = cb_section.perspective_table(r)
    frame = table.frame.set_index(table.frame.columns[0])
    society = frame.iloc[-1].map(lambda v: v.replace("\xa0", " "))
    assert list(society.iloc[:4]) == [("1 500 000 kr" if lang == "sv" else "SEK 1,500,000"),
                                      ("0 kr" if lang == "sv" else "SEK 0"), effect, net]
    # the municipality has no such effect: a dash, as where the figures are exact
    assert frame.iloc[0, 2] == "–"
    assert sf_note in " ".join(table.notes)  # (the notes are points of their own)
    # printed narrower, as a table of seven columns is, so that its ranges may wrap and the comments keep within
    # the page
    assert table.wide


@pytest.mark.parametrize("text, html", [
    # in a wide table the second figure of a range may go to the next line after "till"/"to": a column of figures
    # keeps each on one line, and seven columns of ranges pushed the comments past the page's edge
    ("−1\u00a0885\u00a0200 till −1\u00a0690\u00a0800 kr",
     "−1\u00a0885\u00a0200 till<span class='et-range'> −1\u00a0690\u00a0800\u00a0kr</span>"),
    ("SEK\u00a0216,000 to 864,000", "SEK\u00a0216,000 to<span class='et-range'> 864,000</span>"),
    ("216 000 kr", "216\u00a0000\u00a0kr"),  # (one figure: whole, its unit joined to it)
])
def test_a_range_in_a_column_of_figures_may_wrap_after_its_till(text, html):
    from evaltools.present.markup import cell
    assert str(cell(text)) == html
