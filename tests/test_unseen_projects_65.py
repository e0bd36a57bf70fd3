"""Sixty-fifth sweep of projects unlike the samples, from files made in Excel: a project for newly arrived women whose
economic-aid system exports its payments a row per household and a column per month (the months date cells shown
`jan-24`) under a title row, as the workbook's sheet `Utbetalningar`. Each fixture is a tiny project written in
tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et

from .conftest import load_problems

HEAD = """\
id: unseen65
title: Nya vägar
forbund: Samordningsförbundet Norrdal
owner: Västby kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-01-31
granted_sek: 500000
"""


def _params(tmp_path, body: str):
    p = tmp_path / "unseen65.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- payments a column per month and a row per household, under a title row --------------------------------------
def _household_months(tmp_path, id_heading: str, title: bool):
    """Two women of households H1 and H2 on the sheet Deltagare; on Utbetalningar (under a title row and an empty row
    when ``title``) a header of ``id_heading`` and the months January to March 2024 as date cells shown `mmm-yy`,
    then H1 paid 10 000, 10 000 and 9 000 kr and H2 8 000 kr a month, written as text with 'kr'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "household_id", "start_date", "end_date",
               "outcome"])
    ws.append(["NV1", "kvinna", 1990, "sambo_med_barn", "H1", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30),
               "studier"])
    ws.append(["NV2", "kvinna", 1985, "ensamstående_med_barn", "H2", dt.datetime(2024, 4, 1),
               dt.datetime(2024, 10, 31), "arbete"])
    pay = wb.create_sheet("Utbetalningar")
    if title:
        pay.append(["Ekonomiskt bistånd per hushåll och månad"])
        pay.append([])
    pay.append([id_heading] + [dt.datetime(2024, m, 1) for m in (1, 2, 3)])
    for cell in pay[pay.max_row][1:]:
        cell.number_format = "mmm-yy"
    pay.append(["H1" if id_heading == "household_id" else "NV1", "10 000 kr", "10 000 kr", "9 000 kr"])
    pay.append(["H2" if id_heading == "household_id" else "NV2", "8 000 kr", "8 000 kr", "8 000 kr"])
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data" / "nya.xlsx")
    return _params(tmp_path, "data: {participants: data/nya.xlsx, payments: data/nya.xlsx}\n")


def _paid(project) -> dict[tuple[str, str], float]:
    pay = project.payments
    return {(str(r.person_id), f"{r.month:%Y-%m}"): float(r.amount) for r in pay.itertuples()}


def test_payments_a_column_per_month_and_a_row_per_household_under_a_title_row_are_read(tmp_path):
    """The header row (row 3, below the title and an empty row) holds `household_id` and three date cells: it has
    neither `person_id` nor `month`, `amount` or `payment_date`, and was never found (the title row was taken for the
    header and the file refused). Read, NV1 gets household H1's 10 000 + 10 000 + 9 000 = 29 000 kr over the three
    months and NV2 household H2's 3 x 8 000 = 24 000 kr."""
    project = et.load_project(_household_months(tmp_path, "household_id", title=True))
    paid = _paid(project)
    assert paid == {("NV1", "2024-01"): 10000.0, ("NV1", "2024-02"): 10000.0, ("NV1", "2024-03"): 9000.0,
                    ("NV2", "2024-01"): 8000.0, ("NV2", "2024-02"): 8000.0, ("NV2", "2024-03"): 8000.0}
    assert sum(v for (p, _), v in paid.items() if p == "NV1") == 29000.0


def test_the_same_sheet_a_row_per_person_or_without_the_title_reads_the_same_amounts(tmp_path):
    """The shapes that were read before, each the same six amounts: a row per person under the title, and a row per
    household without it."""
    for i, (heading, title) in enumerate((("person_id", True), ("household_id", False))):
        folder = tmp_path / str(i)
        folder.mkdir()
        paid = _paid(et.load_project(_household_months(folder, heading, title=title)))
        assert paid[("NV1", "2024-03")] == 9000.0 and paid[("NV2", "2024-01")] == 8000.0 and len(paid) == 6


# --- a hidden column of the evaluator's own notes is no column "read like the others" ----------------------------
def _hidden(tmp_path, hide: list[str]):
    """Two women on the sheet Deltagare under a title row, columns A-H the contract's and I a coordinator's 'Anteckning'
    (not a column of the contract); the columns ``hide`` hidden."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Hälsa och arbete – deltagarförteckning"])
    ws.append(["person_id", "sex", "birth_year", "household_type", "household_id", "start_date", "end_date",
               "outcome", "Anteckning"])
    ws.append(["HA1", "kvinna", 1980, "ensamstående", "H1", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30),
               "arbete", "ringer tisdagar"])
    ws.append(["HA2", "man", 1975, "sambo_med_barn", "H2", dt.datetime(2024, 4, 1), None, None, "tolk behövs"])
    for letter in hide:
        ws.column_dimensions[letter].hidden = True
    (tmp_path / "data").mkdir(parents=True)
    wb.save(tmp_path / "data" / "deltagare.xlsx")
    return et.load_project(_params(tmp_path, "data: {participants: data/deltagare.xlsx}\n"))


def _hidden_note(project) -> list[str]:
    return [w.note("sv") for w in project.warnings if w.code == "hidden_columns"]


def test_a_hidden_column_the_contract_does_not_read_is_not_said_to_be_read(tmp_path):
    """Column I, 'Anteckning', hidden: it is named among the columns not read (for the evaluator), and the report's
    note "dolda kolumner i Excel lästes som de andra (I)" said the opposite of it. No note on hidden columns now."""
    project = _hidden(tmp_path, ["I"])
    assert _hidden_note(project) == []
    (unread,) = [w for w in project.notices if w.code == "unread_columns"]
    assert "'Anteckning'" in unread.note("sv")


def test_a_hidden_column_that_is_read_is_still_named_and_only_it(tmp_path):
    """Columns E (household_id, read) and I ('Anteckning', not read) hidden: the note names E alone; E hidden alone
    is named as before."""
    assert _hidden_note(_hidden(tmp_path / "a", ["E", "I"])) == [
        "dolda kolumner i Excel lästes som de andra (E); visa dem, och ta bort en kolumn som inte ska vara med"]
    project = _hidden(tmp_path / "b", ["E"])
    assert list(project.participants["household_id"]) == ["H1", "H2"]
    assert len(_hidden_note(project)) == 1 and "(E)" in _hidden_note(project)[0]


# --- a comparison group of persons on sickness or activity compensation ------------------------------------------
IPS = """\
id: unseen65
title: IPS Jobbspåret
forbund: Samordningsförbundet Norrdal
owner: Region Norrdal
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-03-31
granted_sek: 1000000
data:
  participants: data/deltagare.csv
  payments: data/utbetalningar.csv
  comparison: {persons: data/jamforelse.csv, payments: data/jamforelse_utbet.csv}
"""


def _person(pid: str, support: str, outcome: str, start: str = "2024-03-01", end: str = "2025-03-01") -> str:
    return f"{pid},kvinna,1985,ensamstående,{start},{end},{outcome},{support}"


def _ips_with_comparison(tmp_path):
    """Ten participants on försörjningsstöd at start, five ended to work and five still on it (5/10 left); a comparison
    group of fifteen on försörjningsstöd at the reference date, six of them at work at follow-up and nine still on it
    (6/15 = 40 %), and ten more on activity compensation at the reference date still on it at follow-up, who had no
    försörjningsstöd to leave (but whose status, sjuk_aktivitetsersättning, is among the outcomes that leave it)."""
    head = "person_id,sex,birth_year,household_type,start_date,end_date,outcome,support_start"
    (tmp_path / "data").mkdir()
    people = [_person(f"P{i}", "försörjningsstöd", "arbete" if i < 5 else "kvar_försörjningsstöd") for i in range(10)]
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([head, *people]) + "\n", encoding="utf-8")
    comp = ([_person(f"J{i}", "försörjningsstöd", "arbete" if i < 6 else "kvar_försörjningsstöd") for i in range(15)]
            + [_person(f"S{i}", "sjuk_aktivitetsersättning", "sjuk_aktivitetsersättning") for i in range(10)])
    (tmp_path / "data" / "jamforelse.csv").write_text("\n".join([head, *comp]) + "\n", encoding="utf-8")
    months = [f"2023-{m:02d}" for m in range(3, 13)] + [f"2024-{m:02d}" for m in range(1, 13)]
    for name, ids in (("utbetalningar", [f"P{i}" for i in range(10)]), ("jamforelse_utbet", [f"J{i}" for i in range(15)])):
        rows = [f"{pid},{m},7000" for pid in ids for m in months]
        (tmp_path / "data" / f"{name}.csv").write_text("person_id,month,amount\n" + "\n".join(rows) + "\n",
                                                       encoding="utf-8")
    p = tmp_path / "unseen65.yaml"
    p.write_text(IPS, encoding="utf-8")
    return et.load_project(p)


def test_the_comparison_groups_share_who_left_counts_those_who_had_försörjningsstöd_only(tmp_path):
    """The participants' share counts those who had försörjningsstöd at start (5 of 10); the comparison group's counted
    everyone with an outcome, the ten on activity compensation as leavers: (6 + 10) / 25 = 64 %, a deadweight of 64/50,
    clipped at 95 %, as if nearly every participant would have left anyway. Counted as the participants are, it is
    6 of 15 = 40 %, and the deadweight 40 % / 50 % = 80 %."""
    from evaltools.analysis.comparison import compare_exit_rates, comparison_success_rates
    from evaltools.analysis.costbenefit import _deadweight

    project = _ips_with_comparison(tmp_path)
    codes = project.params.cost_benefit.success_outcomes
    assert comparison_success_rates(project, codes) == (0.5, 0.4, 10, 15)
    table = compare_exit_rates(project).set_index("group")
    assert (table.loc["comparison", "n"], table.loc["comparison", "successes"]) == (15, 6)
    assert (table.loc["participants", "n"], table.loc["participants", "successes"]) == (10, 5)
    deadweight, _note, assumed = _deadweight(project, {})
    assert deadweight == pytest.approx(0.8) and not assumed


def test_a_comparison_group_without_anyone_on_försörjningsstöd_gives_the_default_and_says_why(tmp_path):
    """Only the ten on activity compensation: no comparison person could leave försörjningsstöd, so the deadweight is
    the default, 25 %, with the reason, not "the file has no outcomes at follow-up" (it has ten)."""
    from evaltools.analysis.costbenefit import _deadweight
    from evaltools.words.labels import note_text

    project = _ips_with_comparison(tmp_path)
    project.comparison = project.comparison[project.comparison["person_id"].str.startswith("S")]
    deadweight, note, assumed = _deadweight(project, {})
    assert deadweight == pytest.approx(0.25) and assumed
    assert note.key == "assumption.deadweight_default_no_fs"
    assert "ingen i jämförelsegruppen med utfall vid uppföljning hade försörjningsstöd" in note_text(note, "sv")


def _hidden_in_budget_and_payments(tmp_path, budget_hidden: list[str], payments_hidden: list[str]):
    """A workbook of three sheets: two women on Deltagare; a Budget of 2024 with the columns År, Kostnadsslag,
    Finansiär, Tjänstgöringsgrad (staff time as a share of full time, 100 % for the coach), Budget, Utfall and
    Kommentar (A-G); Utbetalningar with person_id, month, amount and Handläggare (A-D). The columns named hidden."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    ws.append(["P1", "kvinna", 1980, "ensamstående", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30), "arbete"])
    ws.append(["P2", "kvinna", 1985, "ensamstående", dt.datetime(2024, 4, 1), None, None])
    budget = wb.create_sheet("Budget")
    budget.append(["År", "Kostnadsslag", "Finansiär", "Tjänstgöringsgrad", "Budget", "Utfall", "Kommentar"])
    budget.append([2024, "IPS-coach", "förbund", 1.0, "600 000 kr", "590 000 kr", "heltid"])
    budget.append([2024, "Lokaler", "förbund", None, "50 000 kr", "40 000 kr", "hyra"])
    budget["D2"].number_format = "0%"
    pay = wb.create_sheet("Utbetalningar")
    pay.append(["person_id", "month", "amount", "Handläggare"])
    for pid in ("P1", "P2"):
        for m in range(1, 13):
            pay.append([pid, f"2024-{m:02d}", "5 000 kr", "H7"])
    for sheet, letters in ((budget, budget_hidden), (pay, payments_hidden)):
        for letter in letters:
            sheet.column_dimensions[letter].hidden = True
    (tmp_path / "data").mkdir(parents=True)
    wb.save(tmp_path / "data" / "ips.xlsx")
    return et.load_project(_params(tmp_path, "data: {participants: data/ips.xlsx, payments: data/ips.xlsx, "
                                             "budget: data/ips.xlsx}\n"))


def test_hidden_columns_a_budget_or_payments_sheet_does_not_read_are_not_said_to_be_read(tmp_path):
    """Tjänstgöringsgrad and Kommentar (D, G) of the budget and Handläggare (D) of the payments are read by no reader;
    each sheet's note said "dolda kolumner i Excel lästes som de andra (D, G)" and "(D)", in the report too. None now;
    the budget is 600 000 + 50 000 = 650 000 kr, its utfall 590 000 + 40 000 = 630 000 kr, as before."""
    project = _hidden_in_budget_and_payments(tmp_path, ["D", "G"], ["D"])
    assert _hidden_note(project) == []
    assert project.budget["budget"].sum() == 650000 and project.budget["actual"].sum() == 630000


def test_a_hidden_column_a_budget_or_payments_sheet_reads_is_named_with_its_sheet(tmp_path):
    """Utfall (F) hidden beside Kommentar (G), and amount (C) beside Handläggare (D): each note names the column read
    alone, and the sheet it is on (two notes of one workbook were told apart by nothing)."""
    project = _hidden_in_budget_and_payments(tmp_path, ["F", "G"], ["C", "D"])
    notes = {w.file.rsplit("[", 1)[-1]: w.note("sv") for w in project.warnings if w.code == "hidden_columns"}
    assert set(notes) == {"Budget]", "Utbetalningar]"}
    assert "(F);" in notes["Budget]"] and "(C);" in notes["Utbetalningar]"]


# --- participants on sickness benefit at start have no payment rows, and are expected to have none ---------------
def _sick_and_fs(tmp_path, supports: list[str]):
    """One participant per support at start in ``supports`` (H1, H2, ...); payments (12 months of 2024 at 6 000 kr)
    for H1 alone."""
    head = "person_id,sex,birth_year,household_type,start_date,end_date,outcome,support_start"
    rows = [_person(f"H{i + 1}", s, "arbete") for i, s in enumerate(supports)]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    (tmp_path / "data" / "utbetalningar.csv").write_text(
        "person_id,month,amount\n" + "\n".join(f"H1,2024-{m:02d},6000" for m in range(1, 13)) + "\n", encoding="utf-8")
    return et.load_project(_params(tmp_path, "data: {participants: data/deltagare.csv, "
                                             "payments: data/utbetalningar.csv}\n"))


def test_participants_on_another_support_at_start_are_not_advised_to_count_as_paid_nothing(tmp_path):
    """H1 on försörjningsstöd has rows; H2 and H3 on sickness benefit and activity compensation have none, as expected:
    the note advised writing payments_cover_all_participants: true "if the file covers every participant", which would
    count the two as 0 kr in the means of those who had försörjningsstöd. It now says the 2 of 3 had another support
    and not to write it; the report's sentence (the same code) is unchanged."""
    project = _sick_and_fs(tmp_path, ["försörjningsstöd", "sjukpenning", "sjuk_aktivitetsersättning"])
    (note,) = [w for w in project.warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered_other_support"
    text = note.text("sv")
    assert "2 av 3 deltagare har inga rader" in text and "alla 2 hade en annan försörjning" in text
    assert "Skriv inte payments_cover_all_participants: true" in text


def test_some_without_rows_on_another_support_and_some_unknown_are_both_said(tmp_path):
    """H2 on sickness benefit and H3, H4 with their support unknown: 3 without rows, 1 of them on another support, and
    the advice is kept for the other 2."""
    project = _sick_and_fs(tmp_path, ["försörjningsstöd", "sjukpenning", "okänt", "okänt"])
    (note,) = [w for w in project.warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered_some_other_support"
    text = note.text("sv")
    assert "3 av 4 deltagare" in text and "1 av dem hade en annan försörjning" in text and "de andra 2" in text
    # all of unknown support: the note as before
    folder = tmp_path / "b"
    folder.mkdir()
    (plain,) = [w for w in _sick_and_fs(folder, ["försörjningsstöd", "okänt"]).warnings
                if w.code == "payment_not_covered"]
    assert plain.key == "payment.not_covered"


# --- a comparison group exported from the case system with its own headings --------------------------------------
def test_a_comparison_files_own_headings_are_named_as_its_and_its_dates_and_status_suggested(tmp_path):
    """The comparison group's export heads its columns Löpnummer, Kön, Födelseår, Hushållstyp, Referensdatum,
    Uppföljningsdatum, Status vid uppföljning: the one message called it "deltagarfilen" and had no column for the
    reference date, the follow-up or the status (three more messages, 'start_date', 'end_date', 'outcome' missing).
    It now names the comparison group's file, with the reference date as start_date, the follow-up as end_date and
    the status as outcome, as the contract reads a comparison person; the participants' own message is unchanged."""
    _ips_with_comparison(tmp_path)  # (writes the files; the comparison's are replaced below)
    head = "Löpnummer;Kön;Födelseår;Hushållstyp;Referensdatum;Uppföljningsdatum;Status vid uppföljning"
    rows = [f"J{i};kvinna;1985;ensamstående;2024-03-01;2025-03-01;arbete" for i in range(6)]
    (tmp_path / "data" / "jamforelse.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    problems = load_problems(tmp_path / "unseen65.yaml")
    (said,) = [p for p in problems if p.key.startswith("column.own_headings")]
    text = said.text("sv")
    assert "jämförelsegruppens fil har ett annat systems rubriker" in text and "deltagarfilen" not in text
    assert ("'Referensdatum': start_date, 'Uppföljningsdatum': end_date, 'Status vid uppföljning': outcome"
            in text)
    assert "the comparison group's file has another system's headings" in said.text("en")
    assert not [p for p in problems if p.key == "column.missing"]
    # the same headings in the participants file (its dates as a case system heads them) are the participants file's
    (tmp_path / "data" / "deltagare.csv").write_text(
        "Löpnummer;Kön;Födelseår;Hushållstyp;Startdatum;Slutdatum;Utfall\n"
        "P1;kvinna;1985;ensamstående;2024-03-01;2025-03-01;arbete\n", encoding="utf-8")
    said = {p.file.rsplit("/", 1)[-1]: p.text("sv") for p in load_problems(tmp_path / "unseen65.yaml")
            if p.key.startswith("column.own_headings")}
    assert said["deltagare.csv"].split(" har ", 1)[0].endswith("deltagarfilen")
    assert said["jamforelse.csv"].split(" har ", 1)[0].endswith("jämförelsegruppens fil")


# --- a share of full time where the budget's amount goes ------------------------------------------------------
def _fte_budget(tmp_path, header: list[str], rows: list[list], percent_format: bool = True):
    """Deltagare (one woman) and a Budget sheet of ``header`` and ``rows``; every number below 1 formatted '0%', as
    Excel shows a post's share of full time (0,2 as 20 %)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    ws.append(["P1", "kvinna", 1980, "ensamstående", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30), "arbete"])
    budget = wb.create_sheet("Budget")
    budget.append(header)
    for row in rows:
        budget.append(row)
        for cell in budget[budget.max_row]:
            if percent_format and isinstance(cell.value, float) and cell.value < 1:
                cell.number_format = "0%"
    (tmp_path / "data").mkdir(parents=True)
    wb.save(tmp_path / "data" / "ips.xlsx")
    return _params(tmp_path, "data: {participants: data/ips.xlsx, budget: data/ips.xlsx}\n")


def _percent_cells(problems) -> dict[tuple[int, str], str]:
    return {(p.row, p.column): p.text("sv") for p in problems if "det är en andel" in p.text("sv")}


def test_a_share_of_full_time_in_a_percent_cell_of_the_budget_is_refused_not_read_as_kronor(tmp_path):
    """The nurse's 20 % of a post (0,2 under the format 0%) in Budget and Utfall of row 3 was read as 20 kr: the
    budget's total 610 020 kr, without a word. Both cells are refused with the share and what to write; so is the same
    share typed '20 %' (row 4), which got no more than "expected a number"."""
    params = _fte_budget(tmp_path, ["År", "Kostnadsslag", "Finansiär", "Budget", "Utfall"],
                         [[2024, "IPS-coach", "förbund", 610000, 604000],
                          [2024, "Sjuksköterska (arbetstid)", "region", 0.2, 0.2],
                          [2024, "Arbetsterapeut (arbetstid)", "region", "20 %", "20 %"]])
    said = _percent_cells(load_problems(params))
    assert {row for row, _ in said} == {3, 4} and len(said) == 4
    text = said[(3, "Budget")]  # (the file's heading, as written)
    assert "det är en andel (20 %), inte ett belopp" in text and "tjänstgöringsgraden gånger årslönen" in text


def test_a_share_in_a_percent_cell_of_a_budget_of_a_column_per_year_is_refused(tmp_path):
    """The förbund's layout, Budget 2024 and Utfall 2024 beside the cost line: the nurse's 0,2 under 0% in both is
    named by its column, row 3."""
    params = _fte_budget(tmp_path, ["Kostnadsslag", "Finansiär", "Budget 2024", "Utfall 2024"],
                         [["IPS-coach", "förbund", 610000, 604000], ["Sjuksköterska", "region", 0.2, 0.2]])
    assert set(_percent_cells(load_problems(params))) == {(3, "Budget 2024"), (3, "Utfall 2024")}


def test_a_budget_with_its_share_of_full_time_beside_the_amounts_is_read(tmp_path):
    """The share in a column of its own (Tjänstgöringsgrad, 100 % and 20 %, formatted 0%) is not read, and the
    amounts are: 610 000 + 140 000 = 750 000 kr budget, 604 000 + 140 000 = 744 000 kr utfall."""
    params = _fte_budget(tmp_path, ["År", "Kostnadsslag", "Finansiär", "Tjänstgöringsgrad", "Budget", "Utfall"],
                         [[2024, "IPS-coach", "förbund", 1.0, 610000, 604000],
                          [2024, "Sjuksköterska", "region", 0.2, 140000, 140000]])
    budget = et.load_project(params).budget
    assert (budget["budget"].sum(), budget["actual"].sum()) == (750000, 744000)


def test_a_payment_in_a_percent_cell_is_refused(tmp_path):
    """A payments file's amount 0,5 under 0% (shown 50 %) was read as 50 kr; it is refused as a share."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    ws.append(["P1", "kvinna", 1980, "ensamstående", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30), "arbete"])
    pay = wb.create_sheet("Utbetalningar")
    pay.append(["person_id", "month", "amount"])
    pay.append(["P1", "2024-01", 6000])
    pay.append(["P1", "2024-02", 0.5])
    pay["C3"].number_format = "0%"
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data" / "p.xlsx")
    problems = load_problems(_params(tmp_path, "data: {participants: data/p.xlsx, payments: data/p.xlsx}\n"))
    (said,) = [p for p in problems if "det är en andel" in p.text("sv")]
    assert (said.row, said.column) == (3, "amount") and "(50 %), inte ett belopp i kronor" in said.text("sv")


# --- the comparison group's payments on a sheet of the participants' workbook ----------------------------------
def _workbook_with_comparison(tmp_path, payments_sheet: str):
    """Six participants (three to work) and their payments on Deltagare and Utbetalningar; eight comparison persons
    (two at work at follow-up) on Jämförelsegrupp and their payments, 6 000 kr a month through 2024, on the sheet
    ``payments_sheet`` with the same headings as Utbetalningar."""
    heads = ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", "support_start"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(heads)
    for i in range(6):
        ws.append([f"P{i}", "kvinna", 1980, "ensamstående", dt.datetime(2024, 3, 1), dt.datetime(2024, 9, 30),
                   "arbete" if i < 3 else "kvar_försörjningsstöd", "försörjningsstöd"])
    comparison = wb.create_sheet("Jämförelsegrupp")
    comparison.append(heads)
    for i in range(8):
        comparison.append([f"J{i}", "kvinna", 1980, "ensamstående", dt.datetime(2024, 3, 1), dt.datetime(2025, 3, 1),
                           "arbete" if i < 2 else "kvar_försörjningsstöd", "försörjningsstöd"])
    for title, who, amount in (("Utbetalningar", "P", 7000), (payments_sheet, "J", 6000)):
        sheet = wb.create_sheet(title)
        sheet.append(["person_id", "month", "amount"])
        for i in range(6 if who == "P" else 8):
            for m in range(1, 13):
                sheet.append([f"{who}{i}", f"2024-{m:02d}", amount])
    (tmp_path / "data").mkdir(parents=True)
    wb.save(tmp_path / "data" / "p.xlsx")
    return _params(tmp_path, "data: {participants: data/p.xlsx, payments: data/p.xlsx, comparison: {persons: "
                             "data/p.xlsx, payments: data/p.xlsx}}\n")


def test_the_comparison_groups_payments_on_a_sheet_of_their_own_are_not_the_participants_kept_twice(tmp_path):
    """'Utbetalningar jämförelse' beside 'Utbetalningar', the same headings: the participants' payments were refused
    as a list kept on two sheets, saying to copy the comparison group's rows under the participants' (which would
    have counted them as participants' payments), and the comparison's payments were looked for on the first sheet.
    Now the sheet is the comparison group's: 8 persons x 12 months at 6 000 kr, and the participants' 6 x 12 at
    7 000 kr."""
    project = et.load_project(_workbook_with_comparison(tmp_path, "Utbetalningar jämförelse"))
    assert (len(project.comparison_payments), project.comparison_payments["amount"].sum()) == (96, 96 * 6000)
    assert (len(project.payments), project.payments["amount"].sum()) == (72, 72 * 7000)


def test_a_comparison_sheet_by_another_name_is_never_said_to_be_the_participants_list_and_names_fit_excel(tmp_path):
    """'Jämf. utbetalningar', a name the loader does not read: the participants' payments are not refused as a list
    on two sheets; the comparison's message names the sheets to use, each one Excel can name (at most 31 characters:
    never 'Jämförelsegruppens utbetalningar', 32)."""
    problems = load_problems(_workbook_with_comparison(tmp_path, "Jämf. utbetalningar"))
    assert not [p for p in problems if p.key == "sheet.alike"]
    (said,) = [p for p in problems if "för den här filen läses bladet som heter" in p.text("sv")]
    names = said.text("sv").split("heter ", 1)[1].split(" (annars", 1)[0].split(" / ")
    assert "'Utbetalningar jämförelse'" in names and all(len(n.strip("'")) <= 31 for n in names)


def test_payments_a_column_per_month_with_the_household_headed_in_swedish_name_the_column_to_write(tmp_path):
    """The household column headed 'Hushålls-id' (under the title row): every row was refused as "row 4, column
    'person_id': the cell is empty", a column the file does not have. One message now names the column missing,
    household_id, and the file's heading that is probably it, with what to write; 'Löpnummer' likewise for person_id."""
    params = _household_months(tmp_path, "household_id", title=True)
    wb = openpyxl.load_workbook(tmp_path / "data" / "nya.xlsx")
    wb["Utbetalningar"]["A3"] = "Hushålls-id"
    wb.save(tmp_path / "data" / "nya.xlsx")
    problems = [p for p in load_problems(params) if "Utbetalningar" in p.file]
    (said,) = problems
    assert (said.key, said.column) == ("column.missing_heading", "household_id")
    assert "skriv rubriken 'household_id' i stället för 'Hushålls-id'" in said.text("sv")
    wb["Utbetalningar"]["A3"] = "Löpnummer"
    wb["Utbetalningar"]["A4"], wb["Utbetalningar"]["A5"] = "NV1", "NV2"
    wb.save(tmp_path / "data" / "nya.xlsx")
    (said,) = [p for p in load_problems(params) if "Utbetalningar" in p.file]
    assert "skriv rubriken 'person_id' i stället för 'Löpnummer'" in said.text("sv")


# --- a household written with its number of children -------------------------------------------------------------
def test_a_household_written_with_its_number_of_children_is_told_where_the_number_goes(tmp_path):
    """'Ensamstående med 5 barn' is suggested as ensamstående_med_barn, a code without the number; the riksnorm's level
    counts each child (n_children), so the message says to write 5 there too. 'Sammanboende med barn', no number,
    gets its code alone; so does a row whose n_children is filled in."""
    head = "person_id,sex,birth_year,household_type,n_children,start_date,end_date,outcome"
    rows = ["NV1,kvinna,1985,Ensamstående med 5 barn,,2024-03-01,2024-09-30,studier",
            "NV2,kvinna,1990,Sammanboende med barn,,2024-03-01,2024-09-30,studier",
            "NV3,kvinna,1992,Sammanboende med 3 barn,3,2024-03-01,2024-09-30,studier"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    problems = load_problems(_params(tmp_path, "data: {participants: data/deltagare.csv}\n"))
    said = {p.row: p.text("sv") for p in problems if p.column == "household_type" and p.row is not None}
    assert "'ensamstående_med_barn'" in said[2] and "skriv också antalet barn, 5, i kolumnen n_children" in said[2]
    assert "'sambo_med_barn'" in said[3] and "antalet barn" not in said[3]
    assert "'sambo_med_barn'" in said[4] and "antalet barn" not in said[4]
