"""Payments in the shapes finance systems export: one row per payment with its date, one column per
month; and the rule for participants without payment rows.

Every expected value is written out by hand or built in the test with plain Python (dicts and
sums), never with the loader's own pivoting."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections import defaultdict
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.data.payment_shapes import month_heading, payments_shape

from .conftest import ROOT, write_csv

# the tiny project's payments (conftest): P1 9 000 kr in 2022-01 and 8 500,50 in 2022-02, P2 12 000 in 2022-02
TINY_MONTHLY = {("P1", "2022-01"): 9000.0, ("P1", "2022-02"): 8500.5, ("P2", "2022-02"): 12000.0}


def _monthly(project) -> dict[tuple[str, str], float]:
    p = project.payments
    return {(str(i), f"{m:%Y-%m}"): float(a) for i, m, a in zip(p["person_id"], p["month"], p["amount"])}


def _with_data(tiny_project, payments: str, data_extra: str = "") -> Path:
    """The tiny project with ``payments`` as its payments file and more keys under ``data``."""
    block = textwrap.dedent(f"""\
        data:
          participants: data/participants.csv
          payments: data/{payments}
          budget: data/budget.csv
        """) + "".join(f"  {line}\n" for line in textwrap.dedent(data_extra).splitlines() if line)
    return tiny_project("", block)


# --- month headings ---------------------------------------------------------------------------
@pytest.mark.parametrize("heading, month", [
    ("2023-01", "2023-01"), ("2023-1", "2023-01"), ("2023-01-01", "2023-01"), ("2023-01-01 00:00:00", "2023-01"),
    ("2023/02", "2023-02"), ("202303", "2023-03"), ("44927", "2023-01"),  # Excel's serial for 2023-01-01
    ("jan-23", "2023-01"), ("okt 2023", "2023-10"), ("Oct-23", "2023-10"), ("maj-24", "2024-05"),
    ("Januari 2023", "2023-01"), ("December 2022", "2022-12"),
])
def test_month_headings_as_excel_and_systems_write_them(heading, month):
    assert month_heading(heading) == month


@pytest.mark.parametrize("heading", ["person_id", "Summa", "2023-13", "2023-02-30", "1899-12", "12345", "amount",
                                     "jun-2", "foo-23"])
def test_headings_that_are_not_months(heading):
    assert month_heading(heading) is None


@pytest.mark.parametrize("columns, declared, shape", [
    (["person_id", "month", "amount"], "auto", "monthly"),
    (["person_id", "payment_date", "amount"], "auto", "per_payment"),
    (["person_id", "2023-01", "2023-02"], "auto", "wide"),
    (["person_id", "household_id", "Summa"], "auto", "monthly"),  # nothing fits: the contract's messages
    (["person_id", "month", "amount"], "wide", "wide"),
])
def test_shape_from_columns_or_params(columns, declared, shape):
    assert payments_shape(columns, declared) == shape


# --- one row per payment ----------------------------------------------------------------------
PER_PAYMENT = [  # the tiny project's payments as a finance system lists them
    {"person_id": "P1", "payment_date": "2022-01-05", "amount": 5000},
    {"person_id": "P1", "payment_date": "2022-01-20", "amount": 4000},  # a supplementary payment
    {"person_id": "P1", "payment_date": "2022-02-03", "amount": 9000},
    {"person_id": "P1", "payment_date": "2022-02-17", "amount": "-499,50"},  # a repayment
    {"person_id": "P2", "payment_date": "2022-02-01", "amount": 12000},
]


def test_one_row_per_payment_is_summed_into_person_and_month(tiny_project):
    write_csv(tiny_project.dir / "data/pp.csv", PER_PAYMENT)
    project = et.load_project(_with_data(tiny_project, "pp.csv"), lang="en")
    assert _monthly(project) == TINY_MONTHLY
    note = next(w for w in project.warnings if w.key == "payment.per_payment_read")
    assert dict(note.values)["payments"] == "5" and dict(note.values)["months"] == "3"
    assert dict(note.values)["negative"] == "1"
    text = note.note("sv") + note.note("en")  # (what is said, without the file's temporary folder)
    assert "P1" not in text and "2022-01" not in text and "499" not in text  # counts only


def test_per_payment_from_excel_with_date_cells(tiny_project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Utbetalningar, uttag 2023-06-01"])  # a title row above the header
    ws.append(["person_id", "payment_date", "amount"])
    for r in PER_PAYMENT:
        y, m, d = map(int, r["payment_date"].split("-"))
        ws.append([r["person_id"], dt.datetime(y, m, d), float(str(r["amount"]).replace(",", "."))])
    wb.save(tiny_project.dir / "data/pp.xlsx")
    project = et.load_project(_with_data(tiny_project, "pp.xlsx"), lang="en")
    assert _monthly(project) == TINY_MONTHLY


def test_per_payment_problems_all_at_once_with_file_row_column_value(tiny_project):
    rows = [*PER_PAYMENT,
            {"person_id": "P2", "payment_date": "2022-14-01", "amount": 100},   # row 7: no such month
            {"person_id": "P2", "payment_date": "2022-03-01", "amount": "tio"},  # row 8: not a number
            {"person_id": "P2", "payment_date": "2022-04-02", "amount": 500},    # rows 9 and 10: the month
            {"person_id": "P2", "payment_date": "2022-04-20", "amount": -800}]   # nets to −300 kr
    write_csv(tiny_project.dir / "data/pp.csv", rows)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_with_data(tiny_project, "pp.csv"), lang="en")
    where = {(p.row, p.column) for p in e.value.problems}
    assert {(7, "payment_date"), (8, "amount"), (9, "payment_date")} <= where
    msg = e.value.message("en")
    assert "pp.csv, row 7, column 'payment_date': got '2022-14-01'; expected a date written YYYY-MM-DD" in msg
    assert "row 8, column 'amount': got 'tio'; expected a number" in msg
    assert "rows 9, 10" in msg and "negative" in msg
    assert "rad 9" in e.value.message("sv")


def test_a_payment_far_from_the_project_is_named_by_its_date_column(tiny_project):
    write_csv(tiny_project.dir / "data/pp.csv", [*PER_PAYMENT,
                                                 {"person_id": "P2", "payment_date": "2040-05-02", "amount": 900}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_with_data(tiny_project, "pp.csv"), lang="en")
    assert [(p.row, p.column, p.key) for p in e.value.problems] == [(7, "payment_date", "payment.month_range")]


def test_a_negative_amount_alone_in_its_month_in_the_monthly_shape_is_still_refused(tiny_project):
    # a repayment is netted within its person and month; with nothing paid that month the net is below 0
    write_csv(tiny_project.dir / "data/m.csv", [{"person_id": "P1", "month": "2022-01", "amount": -100}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_with_data(tiny_project, "m.csv"), lang="en")
    assert (2, "month") in {(p.row, p.column) for p in e.value.problems}
    assert "repayments in the month '2022-01' exceed what was paid out then" in e.value.message("en")


# --- one column per month ---------------------------------------------------------------------
def test_one_column_per_month_from_csv(tiny_project):
    (tiny_project.dir / "data/wide.csv").write_text(
        "person_id;2022-01;2022-02;Summa;Kommentar\nP1;9000;8 500,50;17500,50;x\nP2;;12000;12000;\n",
        encoding="utf-8")
    project = et.load_project(_with_data(tiny_project, "wide.csv"), lang="en")
    assert _monthly(project) == TINY_MONTHLY
    assert any(w.key == "payment.wide_read" for w in project.warnings)


def test_one_column_per_month_from_excel_with_date_headings(tiny_project):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", dt.datetime(2022, 1, 1), dt.datetime(2022, 2, 1)])  # what Excel stores for jan-22
    ws.append(["P1", 9000, 8500.5])
    ws.append(["P2", None, 12000])
    wb.save(tiny_project.dir / "data/wide.xlsx")
    project = et.load_project(_with_data(tiny_project, "wide.xlsx"), lang="en")
    assert _monthly(project) == TINY_MONTHLY


def test_wide_problems_name_the_month_column(tiny_project):
    (tiny_project.dir / "data/wide.csv").write_text(
        "person_id,2022-01,2022-02,2022-13\nP1,9000,-5,1\n,100,200,\nP1,1,1,\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_with_data(tiny_project, "wide.csv"), lang="en")
    got = {(p.row, p.column, p.key or "") for p in e.value.problems}
    assert (1, "2022-13", "payment.wide_heading") in got  # a heading with digits that is no month
    assert (2, "2022-02", "cell.bad") in got  # the negative amount, named by its month column
    empties = [p for p in e.value.problems if p.row == 3 and p.column == "person_id"]
    assert len(empties) == 1  # the row's empty id once, not once per month
    assert (4, "person_id", "payment.wide_duplicate") in got


def test_declared_wide_without_month_columns(tiny_project):
    write_csv(tiny_project.dir / "data/m.csv", [{"person_id": "P1", "month": "2022-01", "amount": 100}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_with_data(tiny_project, "m.csv", "payments_format: wide"), lang="en")
    assert "payment.wide_no_months" in {p.key for p in e.value.problems}


# --- the same analyses from each shape ----------------------------------------------------------
SAMPLE = "sprangbradan-demo"  # a sample with a comparison group: every payment analysis runs


def _sample_copy(tmp: Path, payments: str, comparison_payments: str) -> Path:
    data = tmp / "data" / SAMPLE
    data.mkdir(parents=True)
    for name in ("participants.csv", "budget.csv", "comparison.csv"):
        shutil.copy(ROOT / "data" / SAMPLE / name, data / name)
    text = (ROOT / "params" / f"{SAMPLE}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"../data/{SAMPLE}/payments.csv", f"../data/{SAMPLE}/{payments}")
    text = text.replace(f"../data/{SAMPLE}/comparison_payments.csv", f"../data/{SAMPLE}/{comparison_payments}")
    (tmp / "params").mkdir()
    path = tmp / "params" / f"{SAMPLE}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _payments_of_systems(source: Path) -> list[dict]:
    """Payments as a system lists them, made from the sample's months: each month paid in two
    payments (days 3 and 18), and every fifth month a supplementary payment of 700 kr on day 22
    with a repayment of 300 kr on day 27."""
    rows = []
    for k, r in enumerate(pd.read_csv(source, dtype=str).to_dict("records")):
        amount = int(r["amount"])
        first = amount * 6 // 10
        rows.append({"person_id": r["person_id"], "payment_date": f"{r['month']}-03", "amount": first})
        rows.append({"person_id": r["person_id"], "payment_date": f"{r['month']}-18", "amount": amount - first})
        if k % 5 == 0:
            rows.append({"person_id": r["person_id"], "payment_date": f"{r['month']}-22", "amount": 700})
            rows.append({"person_id": r["person_id"], "payment_date": f"{r['month']}-27", "amount": -300})
    return rows


def _by_hand(rows: list[dict]) -> list[dict]:
    """The person x month file an evaluator would make from ``rows``: each month's payments summed."""
    sums: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        sums[(r["person_id"], r["payment_date"][:7])] += int(r["amount"])
    return [{"person_id": p, "month": m, "amount": a} for (p, m), a in sums.items()]


def _wide_by_hand(rows: list[dict]) -> pd.DataFrame:
    """One row per person, one column per month (empty where nothing was paid), from monthly rows."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        table[r["person_id"]][r["month"]] = r["amount"]
    months = sorted({r["month"] for r in rows})
    return pd.DataFrame([{"person_id": p, **{m: by.get(m, "") for m in months}} for p, by in table.items()])


def _analyses(project) -> dict:
    from evaltools.analysis.comparison import payment_phases
    from evaltools.present.figures import report_figures
    pay = et.compare_payments(project)
    report = et.Report(project, lang="sv")
    return {"did": (pay.did.effect, pay.did.ci_low, pay.did.ci_high),
            "table": pay.table.to_dict(),
            "phases": payment_phases(project).to_dict(),
            "figures": {k: f.value for k, f in report_figures(report).items()}}


def _same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for k in a:
        if isinstance(a[k], dict):
            _same(a[k], b[k])
        elif isinstance(a[k], tuple):
            np.testing.assert_allclose(a[k], b[k], rtol=1e-9, err_msg=str(k))
        elif isinstance(a[k], float):
            assert (np.isnan(a[k]) and np.isnan(b[k])) or a[k] == pytest.approx(b[k], rel=1e-9), k
        else:
            assert a[k] == b[k], k


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    """The sample's payments in three shapes, each in a copy of the sample: per payment (as a
    system lists them), the person x month file made from those by hand, and one column per month."""
    out = {}
    system = {f: _payments_of_systems(ROOT / "data" / SAMPLE / f) for f in ("payments.csv", "comparison_payments.csv")}
    for shape in ("per_payment", "monthly", "wide"):
        tmp = tmp_path_factory.mktemp(shape)
        path = _sample_copy(tmp, f"{shape}.csv", f"comparison_{shape}.csv")
        for f, name in (("payments.csv", shape), ("comparison_payments.csv", f"comparison_{shape}")):
            target = tmp / "data" / SAMPLE / f"{name}.csv"
            if shape == "per_payment":
                write_csv(target, system[f])
            elif shape == "monthly":
                write_csv(target, _by_hand(system[f]))
            else:
                write_csv(target, _wide_by_hand(_by_hand(system[f])))
        out[shape] = et.load_project(path)
    return out


def test_the_three_shapes_load_the_same_payments(shapes):
    hand = _monthly(shapes["monthly"])
    assert _monthly(shapes["per_payment"]) == hand
    assert _monthly(shapes["wide"]) == hand


@pytest.mark.parametrize("shape", ["per_payment", "wide"])
def test_the_three_shapes_give_the_same_analyses_and_report_figures(shapes, shape):
    _same(_analyses(shapes[shape]), _analyses(shapes["monthly"]))


# --- participants without payment rows ------------------------------------------------------------
def test_participants_without_rows_are_left_out_by_default_with_a_note(tiny_project):
    project = et.load_project(tiny_project(), lang="en")  # payments for P1 and P2 of P1–P4
    note = next(w for w in project.warnings if w.key == "payment.not_covered")
    assert dict(note.values)["n"] == 2 and dict(note.values)["total"] == 4
    assert "2 of 4 participants" in note.text("en") and "2 av 4 deltagare" in note.text("sv")
    assert set(project.paid_persons()["person_id"]) == {"P1", "P2"}
    assert len(project.participants) == 4  # still counted everywhere else (goals, outcomes)


def test_participants_without_rows_count_as_zero_when_the_file_covers_everyone(tiny_project):
    project = et.load_project(_with_data(tiny_project, "payments.csv", "payments_cover_all_participants: true"),
                              lang="en")
    keys = [w.key for w in project.warnings]
    assert keys.count("payment.covered_zero") == 1 and "payment.not_covered" not in keys  # said once
    assert "count as SEK 0" in next(w for w in project.warnings if w.key == "payment.covered_zero").text("en")
    assert set(project.paid_persons()["person_id"]) == {"P1", "P2", "P3", "P4"}


def test_a_leaver_without_rows_takes_the_others_level_in_the_cost_benefit(tiny_project):
    """P1 (left for work) and P4 (left for sickness compensation) are the successful leavers; P4 has
    no payment rows and is left out, so the own-payments level is P1's alone: 9 000 kr paid in the
    six months before P1's start (2021-08 to 2022-01), 1 500 kr a month, and P4 takes that level too."""
    project = et.load_project(tiny_project("""\
        cost_benefit:
          price_year: 2022
          monthly_level: {method: own_payments, months_before_start: 6, gap_before_start: 0}
        """))
    cb = et.cost_benefit(project, monte_carlo=False, effect=False)
    assert cb.summary.monthly_level == pytest.approx(1500.0)


def test_no_note_when_every_participant_has_rows(tiny_project):
    write_csv(tiny_project.dir / "data/all.csv", [{"person_id": f"P{i}", "month": "2022-03", "amount": 5000}
                                                   for i in range(1, 5)])
    project = et.load_project(_with_data(tiny_project, "all.csv"), lang="en")
    assert not [w for w in project.warnings if w.key.startswith("payment.")]


def test_the_rule_decides_the_before_after_means(tmp_path):
    """Left out, the persons without rows do not pull the mean down; covered, they count as 0 kr.

    Four participants start 2022-07-01 (a 3-month window before: April–June); two were paid
    6 000 kr a month before the start, two have no rows. Left out: 6 000 kr a person-month; counted
    as 0 kr: (2 × 3 × 6 000) / (4 × 3) = 3 000 kr.
    """
    from evaltools.analysis.comparison import payment_phases
    data = tmp_path / "data"
    write_csv(data / "participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
         "start_date": "2022-07-01", "end_date": "", "outcome": ""} for i in range(1, 5)])
    write_csv(data / "payments.csv", [{"person_id": p, "month": m, "amount": 6000}
                                      for p in ("P1", "P2") for m in ("2022-04", "2022-05", "2022-06")])
    base = textwrap.dedent("""\
        id: rule
        title: Regeln
        forbund: F
        owner: O
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2022-07-31
        data:
          participants: data/participants.csv
          payments: data/payments.csv
        """)
    means = {}
    for covers in ("false", "true"):
        p = tmp_path / f"rule-{covers}.yaml"
        p.write_text(base + f"  payments_cover_all_participants: {covers}\nprivacy: {{min_count: 2, dominance: 1.0}}\n",
                     encoding="utf-8")
        phases = payment_phases(et.load_project(p), window=3)
        before = phases[(phases["group"] == "participants") & (phases["phase"] == "before")].iloc[0]
        means[covers] = (before["persons"], before["mean_amount"])
    assert means["false"] == (2, pytest.approx(6000.0))
    assert means["true"] == (4, pytest.approx(3000.0))


def test_the_rule_holds_for_the_comparison_group_too(tiny_project):
    data = tiny_project.dir / "data"
    write_csv(data / "comparison.csv", [
        {"person_id": f"C{i}", "sex": "man", "birth_year": 1970, "household_type": "ensamstående",
         "start_date": "2022-03-01", "end_date": "2022-12-01", "outcome": "avbrott"} for i in range(1, 6)])
    # five comparison persons: fewer than the small-count limit (5) would not be used at all
    write_csv(data / "comparison_payments.csv", [{"person_id": "C1", "month": "2022-01", "amount": 7000}])
    project = et.load_project(_with_data(tiny_project, "payments.csv",
                                         "comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}"),
                              lang="en")
    note = next(w for w in project.warnings if w.key == "payment.not_covered_comparison")
    assert "4 of 5 comparison persons" in note.text("en")
    assert set(project.paid_persons(comparison=True)["person_id"]) == {"C1"}


def test_an_own_payments_level_that_cannot_be_had_says_so(tiny_project):
    """No leaver (P1, P4) has a payment in the six months before the start: the level falls back to the
    national norm, and the assumption's note says that the params file's choice was not followed, and why."""
    path = tiny_project("""\
        cost_benefit:
          price_year: 2022
          monthly_level: {method: own_payments, months_before_start: 6, gap_before_start: 0}
        """)
    write_csv(path.parent / "data" / "payments.csv", [  # only after the starts (P1 2022-02, P4 2023-01)
        {"person_id": "P1", "month": "2022-03", "amount": 9000},
        {"person_id": "P4", "month": "2023-02", "amount": 4000},
        {"person_id": "P2", "month": "2024-05", "amount": 100},
    ])
    cb = et.cost_benefit(et.load_project(path), monte_carlo=False, effect=False)
    from evaltools.words.labels import note_text
    row = cb.assumptions.set_index("name").loc["monthly_level"]
    for lang, words, norm in (("sv", "inte deltagarnas egna utbetalningar, som parameterfilen anger", "riksnormen"),
                              ("en", "not the participants' own payments, as the params file asks", "national norm")):
        note = note_text(row["source"], lang)
        assert words in note and norm in note, (lang, note)
    assert "månad 6 till 1 före start" in note_text(row["source"], "sv")  # (the window asked for)


def test_two_reference_values_of_one_amount_are_two_rows(tiny_project):
    """A single adult's norm and the shared costs of a one-person household, both given as 3 000 kr in the
    params file: two values with one amount, year and source, listed as two rows, each named."""
    project = et.load_project(tiny_project("""\
        cost_benefit:
          price_year: 2022
          monthly_level: {method: riksnorm}
        reference:
          riksnorm: {"2022:adult_single:": 3000, "2022:shared:1": 3000}
        """))
    refs = et.cost_benefit(project, monte_carlo=False, effect=False).reference_values
    given = refs[refs["value"] == 3000.0]
    assert sorted(given["what"]) == ["riksnorm:adult_single:", "riksnorm:shared:1"]
