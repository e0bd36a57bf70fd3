"""Known limits, round 62: a household's payments after one member leaves, an extension's own budget period in
both budget layouts, the outputs of one run kept together, and a formula workbook with a million formatted rows.
Every expected value is computed by hand in the comments."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import persistence
from evaltools.data.crosscheck import coded_exits_paid

from .conftest import participants_frame, write_csv

# --- 1. a household's payments after one member leaves ---------------------------------------------------------
# H1: A leaves for work 2022-08-15, B (same household) is still enrolled: the household is rightly still paid.
# H2: C leaves for work 2022-08-15, D (same household) ends 2022-10-20 without leaving försörjningsstöd.
# H3: E, alone, leaves for work 2022-08-15.
HOUSEHOLD_PERSONS = [
    ("A", "kvinna", 1980, "sambo_med_barn", "2022-02-01", "2022-08-15", "arbete", "H1"),
    ("B", "man", 1979, "sambo_med_barn", "2022-02-01", None, None, "H1"),
    ("C", "kvinna", 1985, "sambo_utan_barn", "2022-02-01", "2022-08-15", "arbete", "H2"),
    ("D", "man", 1984, "sambo_utan_barn", "2022-02-01", "2022-10-20", "kvar_försörjningsstöd", "H2"),
    ("E", "kvinna", 1990, "ensamstående", "2022-02-01", "2022-08-15", "arbete", "H3"),
]
# exported per household: household_id, no person_id
HOUSEHOLD_PAYMENTS = [
    {"household_id": "H1", "month": "2022-01", "amount": 9000},
    {"household_id": "H1", "month": "2022-09", "amount": 9000},   # B still enrolled: not against A
    {"household_id": "H1", "month": "2022-11", "amount": 9000},   # B still enrolled: not against A
    {"household_id": "H2", "month": "2022-01", "amount": 8000},
    {"household_id": "H2", "month": "2022-09", "amount": 8000},   # D enrolled to 2022-10: not against C
    {"household_id": "H2", "month": "2022-11", "amount": 5000},   # D ended in October: against C
    {"household_id": "H3", "month": "2022-01", "amount": 6000},
    {"household_id": "H3", "month": "2022-09", "amount": 6000},   # against E
    {"household_id": "H3", "month": "2023-08", "amount": 6000},   # E's 12th month after the exit month; the last
]


@pytest.fixture
def household_project(tiny_project):
    path = tiny_project()
    frame = participants_frame([r[:7] for r in HOUSEHOLD_PERSONS])
    frame["household_id"] = [r[7] for r in HOUSEHOLD_PERSONS]
    write_csv(path.parent / "data" / "participants.csv", frame)
    write_csv(path.parent / "data" / "payments.csv", HOUSEHOLD_PAYMENTS)
    return path


def test_a_household_still_paid_for_a_member_enrolled_is_not_the_leavers_payment(household_project):
    project = et.load_project(household_project)
    # the month after the exit month is 2022-09 for A, C and E. A's household has B enrolled then, C's has D
    # (to 2022-10): neither is followed that month. E is followed and paid 6 000 kr: 1 checked, 1 paid
    # (counting the household's payments against every leaver it was 3 of 3)
    assert coded_exits_paid(project.participants, project.payments,
                            project.params.cost_benefit.success_outcomes) == (1, 1)
    table = persistence(project, months=(1, 3, 12)).table.set_index("months_after")
    # month 1 (2022-09): E alone, paid
    assert (table.loc[1, "observed"], table.loc[1, "without_fs"]) == (1, 0)
    # month 3 (2022-11): A not followed (B enrolled); C followed, paid 5 000 kr (D ended in October);
    # E followed, no row: 0 kr. Observed 2, 1 without, mean (5 000 + 0) / 2 = 2 500 kr
    assert (table.loc[3, "observed"], table.loc[3, "without_fs"]) == (2, 1)
    assert table.loc[3, "mean_payment"] == pytest.approx(2500)
    # month 12 (2023-08): C without a row (0 kr), E paid 6 000 kr; A still not followed
    assert (table.loc[12, "observed"], table.loc[12, "without_fs"]) == (2, 1)
    assert table.loc[12, "mean_payment"] == pytest.approx(3000)


def test_the_note_and_the_persistence_table_count_the_household_leavers_alike(household_project):
    project = et.load_project(household_project)
    r = et.cost_benefit(project, monte_carlo=False, effect=False)
    checked, paid = coded_exits_paid(project.participants, project.payments, project.params.cost_benefit.success_outcomes)
    assert (r.outcome_check.checked, r.outcome_check.paid_next_month) == (checked, paid) == (1, 1)
    # the note counts the same: the one exit checked was paid ("alla 1" is below 5: "färre än 5", in words)
    (note,) = [w for w in project.warnings if w.code == "coded_exit_paid"]
    assert note.note("sv").startswith("färre än 5 avslut som kodats")


def test_without_another_member_enrolled_the_household_payment_is_the_leavers(household_project):
    # B ends 2022-08-31 (the month of A's exit, before the month checked): the household's 9 000 kr in 2022-09
    # is A's now. Checked: A, E (C's D still enrolled): 2, both paid
    frame = participants_frame([r[:7] for r in HOUSEHOLD_PERSONS])
    frame["household_id"] = [r[7] for r in HOUSEHOLD_PERSONS]
    frame.loc[frame["person_id"] == "B", ["end_date", "outcome"]] = ["2022-08-31", "kvar_försörjningsstöd"]
    write_csv(household_project.parent / "data" / "participants.csv", frame)
    project = et.load_project(household_project)
    assert coded_exits_paid(project.participants, project.payments,
                            project.params.cost_benefit.success_outcomes) == (2, 2)
    table = persistence(project, months=(1, 3)).table.set_index("months_after")
    assert (table.loc[1, "observed"], table.loc[1, "without_fs"]) == (2, 0)
    # month 3 (2022-11): A paid 9 000 kr, C 5 000 kr, E 0 kr: 3 observed, 1 without, mean 14 000 / 3
    assert (table.loc[3, "observed"], table.loc[3, "without_fs"]) == (3, 1)
    assert table.loc[3, "mean_payment"] == pytest.approx(14000 / 3)


# --- 2. an extension's own budget period, in both layouts ------------------------------------------------------
EXTENDED_PARAMS = """\
id: forlangd
title: Förlängt testprojekt
forbund: Testförbundet
owner: Testkommun
period: {start: 2025-01-01, planned_end: 2026-12-31}
data:
  budget: data/budget.csv
"""


def _budget_project(tmp_path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "budget.csv").write_text(text, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(EXTENDED_PARAMS, encoding="utf-8")
    return et.load_project(tmp_path / "p.yaml")


def _by_year(budget: pd.DataFrame) -> dict[str, tuple[float, float]]:
    sums = budget.groupby(budget["period"].astype(str))[["budget", "actual"]].sum()
    return {p: (float(r["budget"]), float(r["actual"])) for p, r in sums.iterrows()}


# 2025: Lön 100 000 / 90 000, Lokaler 20 000 / 25 000; the extension's 2026: Lön 50 000 / 40 000, Lokaler
# 10 000 / (none yet). By hand: 2025 120 000 / 115 000, 2026 60 000 / 40 000, all 180 000 / 155 000
BY_HAND = {"2025": (120000.0, 115000.0), "2026": (60000.0, 40000.0)}


@pytest.mark.parametrize("heading", ["period", "Period", "År"])
def test_an_extensions_period_is_read_as_its_year_in_the_row_layout(tmp_path, heading):
    project = _budget_project(tmp_path, f"{heading},Kostnadsslag,Budget,Utfall\n"
                                        "2025,Lön,100000,90000\n2025,Lokaler,20000,25000\n"
                                        "Förlängning 2026,Lön,50000,40000\n2026 (förlängning),Lokaler,10000,\n"
                                        "Förlängning 2026,Summa,60000,40000\n,Summa,180000,155000\n")
    assert _by_year(project.budget) == BY_HAND
    assert (project.budget["budget"].sum(), project.budget["actual"].sum()) == (180000, 155000)


def test_the_column_layout_reads_the_extension_the_same_way(tmp_path):
    project = _budget_project(tmp_path, "Kostnadsslag,Budget 2025,Utfall 2025,Budget förlängning 2026,"
                                        "Utfall förlängning 2026\nLön,100000,90000,50000,40000\n"
                                        "Lokaler,20000,25000,10000,\nSumma,120000,115000,60000,40000\n")
    assert _by_year(project.budget) == BY_HAND


def test_an_extension_without_its_year_is_still_asked_for(tmp_path):
    with pytest.raises(et.DataValidationError) as err:
        _budget_project(tmp_path, "period,category,budget,actual\n2025,Lön,100000,90000\nFörlängning,Lön,50000,\n")
    assert "Förlängning" in str(err.value) and "rad 3" in str(err.value)


# --- 3. the outputs of one run kept together --------------------------------------------------------------------
def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_tree(folder, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def _refusing(monkeypatch, final, refused) -> None:
    """The folder ``final`` cannot be renamed (a file in it open, or the folder read-only), and a file is refused
    wherever ``refused(path)`` says so, under any name (read-only, the disk full)."""
    import os
    from pathlib import Path

    rename, replace = Path.rename, os.replace

    def locked_rename(self, target):
        if Path(self) == final:
            raise PermissionError(13, "Permission denied", str(self))
        return rename(self, target)

    def locked_replace(src, dst):
        if refused(Path(dst)):
            raise PermissionError(13, "Permission denied", str(dst))
        return replace(src, dst)

    monkeypatch.setattr(Path, "rename", locked_rename)
    monkeypatch.setattr(os, "replace", locked_replace)


OLD_RUN = {"k.html": b"<old>", "k.pdf": b"old pdf", "tables/a.csv": b"old a", "tables/gone.csv": b"old gone"}
NEW_RUN = {"k.html": b"<new>", "k.pdf": b"new pdf", "tables/a.csv": b"new a", "tables/b.csv": b"new b"}


def test_a_top_folder_that_takes_no_file_leaves_the_tables_of_the_last_run_too(tmp_path, monkeypatch):
    from evaltools.data.errors import ReportError
    from evaltools.publish import render
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _write_tree(final, OLD_RUN)
    _write_tree(tmp, NEW_RUN)
    # the report folder read-only, its tables/ folder not: the report's files cannot be written, the tables could
    _refusing(monkeypatch, final, lambda dst: dst.parent == final)
    with pytest.raises(ReportError):
        render._swap_into_place(tmp, final, "k", ("html", "pdf", "csv"), "sv")
    # nothing of the new run: the tables are the last run's, as the report is (before, tables/ was the new run's)
    assert _files(final) == OLD_RUN


def test_a_format_is_written_whole_or_kept_whole_from_the_last_run(tmp_path, monkeypatch):
    from evaltools.publish import render
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _write_tree(final, OLD_RUN)
    _write_tree(tmp, NEW_RUN)
    # one table cannot be written (the disk full as it comes): the tables are all the last run's, the report this one's
    _refusing(monkeypatch, final, lambda dst: dst.name.endswith("b.csv"))
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "pdf", "csv"), "sv")
    assert _files(final) == {"k.html": b"<new>", "k.pdf": b"new pdf", "tables/a.csv": b"old a",
                             "tables/gone.csv": b"old gone"}
    # one line names the format kept from the last run, once for the folder
    assert notes == [f"tables/ kunde inte skrivas i {final} (Permission denied); det som låg där förut ligger kvar. "
                     "Stäng filen i Word eller Excel om den är öppen, kontrollera att mappen går att skriva i och att "
                     "disken har plats, och kör igen"]
    assert not tmp.exists() and not [p for p in final.rglob(".new-*")]


def test_a_leftover_of_a_stopped_run_is_cleaned_away(tmp_path):
    from evaltools.publish import render
    (tmp_path / "k" / "tables").mkdir(parents=True)
    left = tmp_path / "k" / "tables" / ".new-p999999999-0123abcd-a.csv"  # (no process has that id)
    left.write_bytes(b"half")
    assert render.clean_stale(tmp_path) == [left.name] and not left.exists()


# --- 4. a workbook with formulas and formatted rows below its data ------------------------------------------------
def test_a_formula_workbook_formatted_far_below_its_data_is_read_to_its_last_row_with_a_value(tmp_path):
    import openpyxl
    from openpyxl.styles import Font

    from evaltools.data import reading

    from .conftest import save_formula_results
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "month", "amount"])
    for i in range(1, 6):  # rows 2–6: the amount a formula, its result saved as Excel saves it
        ws.append([f"P{i}", f"2024-0{i}", f"=1000*{i}"])
    for r in range(7, 3001):  # formatted, never filled (a whole range made bold in Excel)
        for c in (1, 2, 3):
            ws.cell(row=r, column=c).font = Font(bold=True)
    path = tmp_path / "utbetalningar.xlsx"
    wb.save(path)
    save_formula_results(path, {f"C{r}": 1000 * (r - 1) for r in range(2, 7)})
    before = path.read_bytes()
    loaded = openpyxl.load_workbook(path, data_only=True).active
    assert loaded.max_row == 3000  # (openpyxl's own count: every formatted row)
    # the last value and the last formula are both on row 6: read to it, not to row 3000
    assert reading._last_filled_row(loaded, path) == 6
    table = reading.read_table(path, ["person_id", "month", "amount"])
    assert table.file_rows.tolist() == [2, 3, 4, 5, 6] and not table.errors
    # 1 000 + 2 000 + 3 000 + 4 000 + 5 000 = 15 000
    assert table.frame["amount"].tolist() == ["1000", "2000", "3000", "4000", "5000"]
    assert sum(float(v) for v in table.frame["amount"]) == 15000
    assert path.read_bytes() == before


def test_a_formula_whose_row_the_file_does_not_say_reads_every_row(tmp_path):
    import zipfile

    from evaltools.data import reading
    path = tmp_path / "utan-referens.xlsx"
    with zipfile.ZipFile(path, "w") as z:  # (only the sheet's XML is looked at)
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c>'
                                               '<c t="n"><f>2+2</f></c></row></sheetData></worksheet>')
    assert reading._last_formula_row(path) is None
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="9"><c r="B9" s="1"><f t="shared" '
                                               'si="0"/><v>2</v></c><c r="C12" s="1"/></row></sheetData>'
                                               '<dataValidations><dataValidation><formula1>"a,b"</formula1>'
                                               '</dataValidation></dataValidations></worksheet>')
    assert reading._last_formula_row(path) == 9
