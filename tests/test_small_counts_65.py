"""Small counts, a sixty-fifth time: counts a report withholds must not be worked out from any two figures it
publishes anywhere, in the sections, the workbook, the portfolio or the Word document.

Each case is a tiny table or project whose hidden cells are worked out by hand in the comments; nothing is copied
from the code's output.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary, fewest_hidden, intake_per_year
from evaltools.data import schema as S
from evaltools.present.figures import report_figures
from evaltools.present.portfolio import Portfolio
from evaltools.present.display import Table
from evaltools.present.sections import costbenefit, outcomes, participants, payments, summary, time_in_project
from evaltools.present.sections import survey as survey_section
from evaltools.publish import render
from evaltools.publish.workbook import export_portfolio, export_report

from .conftest import shown_chunks, write_csv
from .test_board_reading_16 import _exits_project
from .test_differencing import COST, assert_no_individual_outcome, published
from .test_differencing import project as differencing_project

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


# --- 2. the time in the project: a day everyone had left must not tell that no one is still enrolled ----------------

def _sheet(path, title: str) -> list[list]:
    """A workbook sheet's rows as (value, data type, comment text) per cell, the header row first."""
    ws = openpyxl.load_workbook(path)[title]
    return [[(c.value, c.data_type, c.comment.text if c.comment else None) for c in row] for row in ws.iter_rows()]


def test_a_day_by_which_all_had_left_is_kept_where_the_number_ended_is_withheld(tmp_path):
    # 12 participants who all started 2022-02-01 (page 1 and the intakes per quarter say so) and all ended on day 242,
    # 10 to work: 2 without, so the number ended (12) and still enrolled (0) are withheld. At 2023-06-30 anyone still
    # enrolled would have been in the project 514 days: the missing 365-day row told that no one was, so 12 − 0 ended
    r = et.Report(differencing_project(tmp_path, 12, 0, 10))
    assert r.disclosure.hides(Secondary.ONGOING)
    tab = r.survival.table
    assert list(tab["day"]) == [30, 90, 180, 365]
    last = tab.iloc[-1]
    assert (last["success"], last["other_exit"], last["still_in_project"], last["at_risk"]) == ("–", "..", "..", "..")
    # the note under the table no longer says that such days are left out
    said = " ".join(shown_chunks(time_in_project.blocks(r)))
    assert "Dagar då alla i gruppen hade avslutat visas inte" not in said
    # the workbook shows the same rows, the withheld cells empty with the report's marks in their notes
    export_report(r, tmp_path / "out")
    rows = _sheet(tmp_path / "out" / "liten-tabeller.xlsx", "Tid i projektet")
    head = [v for v, _, _ in rows[0]]
    day, risk = head.index("Dagar sedan start"), head.index("Antal kvar")
    assert [row[day][0] for row in rows[1:] if row[day][0] is not None] == [30, 90, 180, 365]
    for row in rows[1:5]:
        assert row[day][1] == "n"  # a number Excel sorts as one
        assert row[risk][0] is None and row[risk][2].startswith("..")


def test_with_the_number_ended_shown_a_day_all_had_left_is_still_left_out(tmp_path):
    # 12 ended, 6 to work: nothing withheld, and the day by which all had left (365) has no row, as before
    r = et.Report(differencing_project(tmp_path, 12, 0, 6))
    assert not r.disclosure.any
    assert list(r.survival.table["day"]) == [30, 90, 180]


@pytest.mark.parametrize(("ongoing", "successes"), [(4, 4), (0, 6)])
def test_every_hidden_cell_of_the_time_and_participant_sheets_is_hidden_as_in_the_report(tmp_path, ongoing, successes):
    # 12 participants; 4 still enrolled and 4 of the 8 ended to work (the number ended withheld: every figure of the
    # time table but the median hidden, the age groups "<5" and ".."), or all ended, 6 to work (the time table's
    # shares and numbers at risk shown, as numbers)
    r = et.Report(differencing_project(tmp_path, 12, ongoing, successes))
    export_report(r, tmp_path / "out")
    book = tmp_path / "out" / "liten-tabeller.xlsx"
    for title, table, columns in (("Tid i projektet", r.survival.table,
                                   ("success", "other_exit", "still_in_project", "at_risk")),
                                  ("Deltagare", r.composition.table, ("n",))):
        rows = _sheet(book, title)
        for i, (_, expected) in enumerate(table.iterrows(), start=1):
            for col in columns:
                value, kind, comment = rows[i][list(table.columns).index(col) if title != "Deltagare"
                                              else 2]
                want = expected[col]
                if isinstance(want, str):  # hidden in the report: an empty cell with the same mark
                    assert value is None and comment is not None and comment.startswith(want), (title, i, col)
                else:  # shown: the same number, typed as a number
                    assert kind == "n" and abs(float(value) - float(want)) < 1e-9, (title, i, col, value, want)


# --- 3. the attacker reads every output of one project: the Word document, the workbook's cells, the portfolio -------

def _int_of(text: str) -> int | None:
    digits = re.sub(r"[\s\u00a0\u202f]", "", str(text))
    return int(digits) if digits.isdigit() else None


def _word(path) -> tuple[list[str], list[list[list[str]]]]:
    document = docx.Document(str(path))
    return ([p.text for p in document.paragraphs],
            [[[c.text for c in row.cells] for row in t.rows] for t in document.tables])


def _sums_by_group(rows: list[list[str]], column: int) -> list[int | None]:
    """The sum of ``column`` over each group of a Word table whose group headings are rows of one repeated text (None
    where a cell of the group is no whole number)."""
    sums: list[int | None] = []
    for row in rows:
        if len(set(row)) == 1:
            sums.append(0)
            continue
        if not sums:
            sums.append(0)
        n = _int_of(row[column])
        sums[-1] = None if n is None or sums[-1] is None else sums[-1] + n
    return sums


def _add_word(add, paragraphs: list[str], tables: list[list[list[str]]]) -> None:
    for s in paragraphs:
        for pattern, name in ((r"har haft ([\d\s\u00a0]+) deltagare", "participants"),
                              (r"^([\d\s\u00a0]+) deltagare var fortfarande", "ongoing"),
                              (r"Utfall för de ([\d\s\u00a0]+) som avslutat", "ended"),
                              (r"Ingen av de ([\d\s\u00a0]+) deltagarna", "participants")):
            if m := re.search(pattern, s):
                add(name, _int_of(m.group(1)))
        if m := re.search(r"Av ([\d\s\u00a0]+) avslutade deltagare fick ([\d\s\u00a0]+)", s):
            add("ended", _int_of(m.group(1)))
            add("successes", _int_of(m.group(2)))
        for pattern, name in ((r"([\d\s\u00a0\u202f]+)\skr per deltagare", "participants"),
                              (r"([\d\s\u00a0\u202f]+)\skr per lyckat", "successes")):
            if (m := re.search(pattern, s)) and _int_of(m.group(1)):
                add(name, COST / _int_of(m.group(1)))
    for table in tables:
        head, rows = table[0], table[1:]
        if head[:2] == ["Utfall vid avslut", "Antal"]:
            add("ended", (_sums_by_group(rows, 1) or [None])[0])
        elif head[:3] == ["Kvartal", "Påbörjade", "Avslutade"]:
            add("ended", (_sums_by_group(rows, 2) or [None])[0])
            add("participants", (_sums_by_group(rows, 1) or [None])[0])
        elif head[:2] == ["Nyckeltal", "Värde"]:
            for label, v in (row[:2] for row in rows):
                if "kr" in v and "per deltagare" in label.lower() and _int_of(v.replace("kr", "")):
                    add("participants", COST / _int_of(v.replace("kr", "")))
                elif "kr" in v and "per lyckat" in label.lower() and _int_of(v.replace("kr", "")):
                    add("successes", COST / _int_of(v.replace("kr", "")))
                elif label.startswith("Personer som lämnat"):
                    add("exits", _int_of(v))
        elif "Avslutade deltagare" in head:  # the outcome rates by group: each breakdown's groups add up
            for name, heading in (("ended", "Avslutade deltagare"), ("successes", "Lyckade utfall")):
                if heading in head:
                    for total in _sums_by_group(rows, head.index(heading)):
                        add(name, total)


def _add_workbook(add, path, portfolio) -> None:
    book = openpyxl.load_workbook(path)
    for label, value in ((r[0], r[1]) for r in book["Kostnad och nytta"].iter_rows(values_only=True, min_row=2)):
        if value is None or label is None:
            continue
        for start, name in (("Deltagare", "participants"), ("Avslutade deltagare", "ended"),
                            ("Lyckade utfall", "successes"), ("Lämnat försörjningsstödet", "exits")):
            if label == start or (start == "Lyckade utfall" and label.startswith(start)):
                add(name, value)
        if label.startswith("Kostnad per deltagare"):
            add("participants", COST / value)
        elif label.startswith("Kostnad per lyckat"):
            add("successes", COST / value)
        elif label.startswith("Kostnad per person som lämnat"):
            add("exits", COST / value)
    for title, columns in (("Utfall per grupp", {"Avslutade deltagare": "ended",
                                                 "Lyckade utfall (enligt projektets huvudmål)": "successes"}),
                           ("Deltagare", {"Antal": "participants"})):
        if title not in book.sheetnames:
            continue
        rows = list(book[title].iter_rows(values_only=True))
        head = list(rows[0])
        for heading, name in columns.items():
            j = head.index(heading)
            groups: dict[object, list] = {}
            for row in rows[1:]:
                if row[0] is not None:
                    groups.setdefault(row[0], []).append(row[j])
            for values in groups.values():
                if all(isinstance(v, (int, float)) for v in values):
                    add(name, sum(values))
    rows = list(openpyxl.load_workbook(portfolio)["Projekt"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1]))
    for heading, value in row.items():
        if value is None or not isinstance(value, (int, float)) or heading is None:
            continue
        if heading == "Deltagare":
            add("participants", value)
        elif heading.startswith("Avslutade"):
            add("ended", value)
        elif heading.startswith("Lyckade utfall"):
            add("successes", value)
        elif heading == "Kostnad per deltagare":
            add("participants", COST / value)
        elif heading.startswith("Kostnad per lyckat"):
            add("successes", COST / value)


def _everything(path, out) -> dict:
    """What test_differencing's reader takes from page 1, the sections, the key figures' CSV and the portfolio's CSV,
    and what a reader takes from the Word document, every sheet of the workbook that counts persons and the
    portfolio's workbook: each count by name, with the goal's total."""
    p = published(path, out / "sections")
    seen = p["seen"]

    def add(name: str, value: object) -> None:
        if value is not None and not (isinstance(value, float) and pd.isna(value)):
            seen.setdefault(name, set()).add(int(round(float(value))))

    res = render.render_project(path, out / "reports", ("html", "xlsx", "docx"))
    assert res.ok, res.error
    folder = Path(res.output_dir)
    _add_word(add, *_word(folder / "liten.docx"))
    written = export_portfolio(Portfolio([path]), out / "portfolio")
    _add_workbook(add, folder / "liten-tabeller.xlsx", next(w for w in written if w.suffix == ".xlsx"))
    return p


@pytest.mark.parametrize(("n", "ongoing", "successes"), [(12, 0, 6), (3, 0, 3), (11, 10, 1), (12, 0, 10), (12, 4, 4)])
def test_no_two_figures_anywhere_in_one_project_s_outputs_tell_an_outcome(tmp_path, n, ongoing, successes):
    # by hand: 12 ended of whom 6 to work withholds nothing; 3 participants all to work withhold the participants and
    # everything ended; 11 with 10 still enrolled and 1 ended to work withhold the ended and still enrolled; 12 ended
    # with 10 to work leave 2 without, so the ended; 4 of 8 ended to work leave 4 without, so the ended
    p = _everything(differencing_project(tmp_path, n, ongoing, successes), tmp_path)
    assert p["goal_successes"] == successes
    assert_no_individual_outcome(p)
    seen = p["seen"]
    if (n, ongoing, successes) == (12, 0, 6):  # the reader finds what is shown, in every output
        assert seen["participants"] == {12} and seen["ended"] == {12} and seen["successes"] == {6}
    else:
        assert "ended" not in seen and "ongoing" not in seen


def test_the_attacker_catches_an_outcome_table_in_the_word_document_that_adds_up():
    # the fault of 1. as the Word document would show it: 12 participants, "Arbete 10" and "Kvar 2" add up to the 12
    # ended beside the goal's 10 to work, so 2 did not succeed
    seen: dict[str, set[int]] = {}
    _add_word(lambda name, v: v is not None and seen.setdefault(name, set()).add(int(v)),
              ["Projektet har haft 12 deltagare."],
              [[["Utfall vid avslut", "Antal", "Andel"], ["Arbete", "10", ".."], ["Kvar på försörjningsstöd", "2", ".."]]])
    assert seen == {"participants": {12}, "ended": {12}}
    with pytest.raises(AssertionError):
        assert_no_individual_outcome({"seen": seen, "goal_successes": 10})


# --- 5. the leavers who went to a benefit the state pays: a sum the outcome table must not give back ----------------

def test_two_small_counts_whose_sum_the_state_s_share_tells_are_not_shown():
    # the 30-participant sample: 29 ended; 13 left försörjningsstöd (arbete 4, arbete med stöd 4, studier 2,
    # sjukpenning 3), "5 av de 13" to a benefit the state pays (studier, sjukpenning): so 8 to arbete and arbete med
    # stöd, two "<5" that can only be 4 and 4. Whatever else is hidden, those two follow: no set protects, and every
    # count that may be hidden is
    counts = {"arbetssökande": 7, "kvar_försörjningsstöd": 4, "aktiv_planering_annan_part": 4, "arbete_med_stöd": 4,
              "arbete": 4, "sjukpenning": 3, "studier": 2, "flyttat": 1}
    leavers = {"arbete", "arbete_med_stöd", "studier", "sjukpenning"}
    state = {"studier", "sjukpenning"}
    assert _hidden(counts, [leavers, state, leavers - state], total=True) == set(counts)


def test_the_state_s_share_of_the_leavers_is_a_sum_the_outcome_table_protects(tmp_path):
    # arbete 6, arbete med stöd 3, studier 2, sjukpenning 4, kvar 9, all on försörjningsstöd at the start: 15 left it,
    # "6 av de 15" to studier and sjukpenning (paid by the state). The three "<5" hide; before, arbete 6 stood beside
    # them, and 15 − 6 (the state's) − 6 gave arbete med stöd 3. Arbete is hidden too: 9 = ".." + "<5" is 5 + 4 to 8 + 1
    exits = {"arbete": 6, "arbete_med_stöd": 3, "studier": 2, "sjukpenning": 4, "kvar_försörjningsstöd": 9}
    r = et.Report(_exits_project(tmp_path, exits), lang="sv")
    assert (r.cba.summary.successes, r.cba.summary.exits_to_state_benefit) == (15, 6)
    assert "6 av de 15" in " ".join(shown_chunks(summary.blocks(r))).replace("\xa0", " ")
    df = r.project.participants
    shown = outcomes.outcome_counts(df[~df[S.ONGOING]], r.k, outcomes.stated_sums(r), outcomes.stated_counts(r))
    assert dict(zip(shown["category"], shown["n"])) == {"kvar_försörjningsstöd": 9, "arbete": "..",
                                                         "arbete_med_stöd": "<5", "studier": "<5", "sjukpenning": "<5"}


# --- 5. the outcome codes against the payments: no share that gives the number ended, no "7 of 10" -------------------

def _coded_project(root, paid_on: int = 3) -> str:
    """12 participants on försörjningsstöd, all started 2023-02-01 and ended 2023-08-31: 10 coded to work, 2 still on
    försörjningsstöd. Payments of 9 000 kr a month to every household to its exit, and on after it to the 2 still on it
    and to ``paid_on`` of the 10 coded to work (P01–P03 by default)."""
    rows, pay = [], []
    for i in range(1, 13):
        outcome = "arbete" if i <= 10 else "kvar_försörjningsstöd"
        rows.append({"person_id": f"P{i:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                     "household_type": "ensamstående", "start_date": "2023-02-01", "end_date": "2023-08-31",
                     "outcome": outcome, "support_start": "försörjningsstöd", "household_id": f"H{i:02d}"})
        for month in pd.period_range("2022-01", "2024-12", freq="M"):
            if month <= pd.Period("2023-08", "M") or outcome != "arbete" or i <= paid_on:
                pay.append({"person_id": f"P{i:02d}", "month": str(month), "amount": 9000, "household_id": f"H{i:02d}"})
    write_csv(root / "data/participants.csv", rows)
    write_csv(root / "data/payments.csv", pay)
    write_csv(root / "data/budget.csv", [{"period": "hela", "category": "Lön", "budget": 1_000_000, "actual": 900_000}])
    path = root / "p.yaml"
    path.write_text(textwrap.dedent("""\
        id: kodat
        title: Kodat och betalt
        forbund: Testförbundet
        owner: Testkommun
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data_as_of: 2024-12-31
        data: {participants: data/participants.csv, budget: data/budget.csv, payments: data/payments.csv}
        goals:
          - {id: arbete, kind: outcome_count, label: Minst 10 ska gå till arbete, target: 10, period: whole_period,
             success_outcomes: [arbete]}
        """), encoding="utf-8")
    return str(path)


def test_the_codes_against_the_payments_give_neither_the_number_ended_nor_a_few_back_on_it(tmp_path):
    # the goal states the 10 to work; 12 ended leaves 2 without, so the number ended is withheld. "10 (83,3 % av de
    # avslutade)" gave it back (10 / 0.833 = 12); "7 av de 10" without försörjningsstöd 12 months after told the 3 paid
    r = et.Report(_coded_project(tmp_path))
    assert r.disclosure.hides(Secondary.ENDED)
    oc = r.cba.outcome_check
    assert (oc.coded, oc.checked, oc.paid_next_month, oc.followed_12, oc.without_12) == (10, 10, 3, 10, 7)
    (said,) = costbenefit.coded_against_paid(r)
    said = said.replace("\xa0", " ")
    assert "Kodade som att de lämnat försörjningsstödet: 10 (– av de avslutade)" in said
    assert "83,3" not in said and "7 av de 10" not in said
    assert "färre än 5 av de 10 som kan följas" in said
    assert "var alla utom färre än 5 av de 10 utan försörjningsstöd 12 månader efter" in said
    en = costbenefit.coded_against_paid(et.Report(_coded_project(tmp_path), lang="en"))[0]
    assert "all but fewer than 5 of the 10 were without" in en.replace("\xa0", " ")


def test_eight_of_ten_paid_on_do_not_tell_the_two_who_were_not(tmp_path):
    # 8 of the 10 coded to work paid the month after and 12 months after: "8 av de 10" told the 2 who left for good
    r = et.Report(_coded_project(tmp_path, paid_on=8))
    oc = r.cba.outcome_check
    assert (oc.checked, oc.paid_next_month, oc.followed_12, oc.without_12) == (10, 8, 10, 2)
    said = costbenefit.coded_against_paid(r)[0].replace("\xa0", " ")
    assert "fick alla utom färre än 5 av de 10 som kan följas" in said and "8 av de 10" not in said
    assert "var färre än 5 av de 10 utan försörjningsstöd" in said
    text = " ".join(shown_chunks(costbenefit.blocks(r))).replace("\xa0", " ")
    assert "Enligt utbetalningarna fick alla utom färre än 5 av dem försörjningsstöd" in text
    assert "fick 8 av dem" not in text


# --- 5. the outcome rates by group: the groups' numbers ended must not add up to a withheld number ended ------------

def test_the_groups_numbers_ended_do_not_add_up_to_a_withheld_number_ended(tmp_path):
    # 20 ended, 17 to work (the goal's count), 3 still on försörjningsstöd: the number ended is withheld. By age:
    # 18–29 6 (all to work), 30–39 7 (all to work), 40–49 7 (4 to work). The rates table showed 6, 7 and 7 ended:
    # 20, and 20 − 17 = 3 without. One number per breakdown is hidden: 18–29's (the smallest whose successes are
    # hidden already), and by sex (10 and 10, both hidden successes) the first of the two
    path = differencing_project(tmp_path, 20, 0, 17)
    df = pd.read_csv(tmp_path / "data" / "participants.csv")
    df["birth_year"] = [1995] * 6 + [1985] * 7 + [1975] * 7
    df["outcome"] = ["arbete"] * 17 + ["kvar_försörjningsstöd"] * 3
    df.to_csv(tmp_path / "data" / "participants.csv", index=False)
    r = et.Report(path)
    assert r.disclosure.hides(Secondary.ENDED)
    t = r.rates.table
    by_age = dict(zip(t.loc[t["variable"] == "age_group", "category"], t.loc[t["variable"] == "age_group", "n"]))
    assert by_age == {"18–29": "..", "30–39": 7, "40–49": 7}
    by_sex = t.loc[t["variable"] == "sex", "n"].tolist()
    assert by_sex == ["..", 10]
    assert t["p_value"].isna().all()
    # the workbook's sheet is the same object: no breakdown of it adds up to 20
    sheet = r.key_tables()["utfall_per_grupp"]
    for _, rows in sheet.groupby("variable"):
        assert any(isinstance(v, str) for v in rows["n"]) or sum(rows["n"]) != 20



# --- 5. the comparison group's table of who left försörjningsstöd: the participants' row is the number ended --------

def test_the_participants_row_beside_the_comparison_group_does_not_give_a_withheld_number_ended(tmp_path):
    # 12 ended, 10 to work (the goal's count), 2 still on försörjningsstöd: the number ended is withheld. The table of
    # who left försörjningsstöd showed the participants' 12 (and 83,3 %, which with the 10 gives 12 again); the
    # comparison group (20, 10 of whom left) keeps its row
    path = differencing_project(tmp_path, 12, 0, 10)
    rows = [{"person_id": f"J{i + 1}", "sex": "man", "birth_year": 1970 + i, "household_type": "ensamstående",
             "start_date": "2022-03-01", "end_date": "2023-03-15",
             "outcome": "arbete" if i < 10 else "kvar_försörjningsstöd"} for i in range(20)]
    write_csv(tmp_path / "data" / "comparison.csv", rows)
    months = [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)][:30]  # 2021-01 to 2023-06
    write_csv(tmp_path / "data" / "comparison_payments.csv",
              [{"person_id": r_["person_id"], "month": m, "amount": 8000 + 97 * i + 31 * j}
               for i, r_ in enumerate(rows) for j, m in enumerate(months)])
    # (the participants paid until their exit, 2022-10: those to work nothing after it, the 2 others on)
    write_csv(tmp_path / "data" / "payments.csv",
              [{"person_id": f"P{i + 1}", "month": m, "amount": 8500 + 89 * i + 23 * j}
               for i in range(12) for j, m in enumerate(months) if m <= "2022-10" or i >= 10])
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n", "  budget: data/budget.csv\n  payments: data/payments.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n"), encoding="utf-8")
    r = et.Report(path)
    assert r.disclosure.hides(Secondary.ENDED)
    tables = [part.frame for block in payments.blocks(r) for part in block
              if isinstance(part, Table) and any("lämnat" in str(c) or "Lämnat" in str(c) for c in part.frame.columns)]
    (frame,) = tables
    participants_row, comparison_row = frame.iloc[0].tolist(), frame.iloc[1].tolist()
    assert participants_row[1:4] == ["..", "..", "–"]  # (an interval hidden is a dash, as elsewhere in the table)
    assert comparison_row[1] == "20" and comparison_row[2].startswith("50,0")


# --- 5. the questionnaire at exit: the number asked is the number ended ---------------------------------------------

def test_the_number_asked_at_exit_is_not_given_where_the_number_ended_is_withheld(tmp_path):
    # 12 ended, 10 to work, 2 without: the number ended is withheld. 8 of them answered a questionnaire at exit;
    # "8 svarande av 12 tillfrågade (svarsfrekvens 67 %)" gave the 12 (those asked at exit are those who ended)
    path = differencing_project(tmp_path, 12, 0, 10)
    write_csv(tmp_path / "data" / "questions.csv", [{
        "code": "D1", "wording_sv": "Jag ser ljust på min framtid", "wording_en": "I am hopeful about my future",
        "scale_min": 1, "scale_max": 5, "labels_sv": "Inte alls|Lite|Varken eller|Ganska|Helt",
        "labels_en": "Not at all|A little|Neither|Quite|Fully", "positive": "hög"}])
    write_csv(tmp_path / "data" / "responses.csv", [
        {"respondent_id": f"P{i + 1}", "respondent_group": "deltagare_avslut", "date": "2022-10-01", "question": "D1",
         "answer": 3 + i % 3} for i in range(8)])
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  budget: data/budget.csv\n", "  budget: data/budget.csv\n  responses: data/responses.csv\n"
        "  questions: data/questions.csv\n"), encoding="utf-8")
    for lang, said, gone in (("sv", "Svarande: 8. Hur många som tillfrågades", "av 12 tillfrågade"),
                             ("en", "Respondents: 8. How many were asked", "of 12 asked")):
        r = et.Report(path, lang=lang)
        assert r.disclosure.hides(Secondary.ENDED)
        text = " ".join(shown_chunks(survey_section.blocks(r))).replace("\xa0", " ")
        assert said in text and gone not in text and "67" not in text
