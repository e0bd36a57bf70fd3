"""Fourteenth sweep of projects unlike the samples, from files made in Excel: a project whose case system
records each exit as a Swedish reason written out ("Fått anställning", "Börjat studera", "Flyttat från
kommunen", "Avbrutit", "Sjukskriven", "Övrigt") instead of a code, translated once in the params file
(``data.codes``) and never guessed; and a return-to-work project owned by a region, for persons on sjukpenning,
whose one workbook holds everything on Swedish sheets (Deltagare, Budget, Utfall per kvartal,
Försörjningsstöd), the utfall on a sheet of its own, ``data.excel_sheet`` written for the budget alone, and a
goal set for those on sjukpenning that counts every exit. Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError

REASONS = ["Fått anställning", "Börjat studera", "Flyttat från kommunen", "Avbrutit", "Sjukskriven", "Övrigt"]


# --- exits as a case system's reasons written out ------------------------------------------------------------
def _reasons(tmp_path, codes: str = "", reasons=REASONS):
    """Steget vidare's export: a title merged over the table, an empty row, the header on row 3, dates as date
    cells. Rows 4-9 have ended with the reasons in order; rows 10-11 still run (no end, no reason)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Steget vidare – uttag ur ärendesystemet 2025-06-30"
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    d = dt.date
    for i, reason in enumerate(reasons):
        ws.append([f"S{i + 1:03d}", "kvinna" if i % 2 else "man", 1980 + i, "ensamstående", d(2024, 2 + i, 1),
                   d(2025, 1 + i, 15), reason])
    for j in range(2):
        ws.append([f"S{len(reasons) + j + 1:03d}", "kvinna", 1990, "ensamstående", d(2024, 9, 1), None, None])
    for row in ws.iter_rows(min_row=4, min_col=5, max_col=6):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "steget.yaml"
    p.write_text(textwrap.dedent("""\
        id: steget
        title: Steget vidare
        forbund: Testförbundet
        owner: Testkommun
        kind: individ
        period: {start: 2024-01-01, planned_end: 2025-12-31}
        data_as_of: 2025-06-30
        data:
          participants: data/deltagare.xlsx
        """) + textwrap.indent(textwrap.dedent(codes), "  ") + textwrap.dedent("""\
        goals:
          - id: arbete
            kind: share
            label: Minst 30 % av de avslutade ska gå till arbete eller studier
            target: 0.3
            denominator: exits
            period: whole_period
            success_outcomes: [arbete, studier]
        """), encoding="utf-8")
    return p


TRANSLATED = """\
codes:
  outcome: {'Fått anställning': Arbete, 'börjat studera ': studier, 'Flyttat från kommunen': flyttat,
            'Avbrutit': avbrott, 'Sjukskriven': sjukpenning, 'ÖVRIGT': annat}
"""


def test_reasons_written_out_are_refused_with_what_to_write_once_in_the_params_file(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_reasons(tmp_path))
    probs = e.value.problems
    # each of the six cells is named (rows 4-9), and one message for the column says what to write once
    assert sorted(p.row for p in probs if p.column == "outcome" and p.row is not None) == [4, 5, 6, 7, 8, 9]
    column = [p for p in probs if p.key == "column.free_text_codes"]
    assert len(column) == 1
    note = column[0].note("sv")
    assert "6 olika texter" in note
    # the snippet to paste, with the code each reason probably means as a suggestion to check
    assert ("data: codes: {outcome: {'Fått anställning': arbete, 'Börjat studera': studier, 'Flyttat från "
            "kommunen': flyttat, 'Avbrutit': avbrott, 'Sjukskriven': sjukpenning, 'Övrigt': annat}}") in note
    assert "förslag" in note
    assert "data: codes:" in column[0].note("en")


def test_a_reason_without_a_known_code_gets_a_question_mark_not_a_guess(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_reasons(tmp_path, reasons=["Fått anställning", "Insats avslutad enl. plan", "Övrigt"]))
    note = next(p for p in e.value.problems if p.key == "column.free_text_codes").note("sv")
    assert "{'Fått anställning': arbete, 'Insats avslutad enl. plan': ?, 'Övrigt': annat}" in note


def test_a_slip_or_two_gets_no_column_message(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_reasons(tmp_path, reasons=["arbete", "arbte", "studier", "Avbrutit"]))
    assert [p.row for p in e.value.problems] == [5, 7]
    assert not [p for p in e.value.problems if p.key == "column.free_text_codes"]


def test_reasons_translated_in_the_params_file_are_read_as_their_codes_and_said_so(tmp_path):
    p = et.load_project(_reasons(tmp_path, TRANSLATED))
    ended = p.participants.dropna(subset=["outcome"])
    # rows 4-9 in order: arbete, studier, flyttat, avbrott, sjukpenning, annat (matched whatever the case and
    # spaces: 'börjat studera ' and 'ÖVRIGT' in the params file; the code 'Arbete' in any case, as in a cell)
    assert ended["outcome"].tolist() == ["arbete", "studier", "flyttat", "avbrott", "sjukpenning", "annat"]
    assert p.participants["outcome"].isna().sum() == 2  # the two still running stay without an outcome
    note = next(n for n in p.warnings if n.key == "person.codes_read").note("sv")
    assert note == ("kolumnen outcome lästes genom översättningen i params-filen (data.codes): 'Fått anställning' "
                    "→ arbete; 'Börjat studera' → studier; 'Flyttat från kommunen' → flyttat; 'Avbrutit' → avbrott; "
                    "'Sjukskriven' → sjukpenning; 'Övrigt' → annat")
    # the goal: successes arbete + studier = 2 of 6 exits = 33,3 %
    assert p.participants.dropna(subset=["outcome"])["outcome"].isin(["arbete", "studier"]).sum() == 2


@pytest.mark.parametrize("lang, expected", [
    ("sv", "Utfall vid avslut stod i deltagarfilen som ärendesystemets texter och lästes enligt utvärderarens "
           "översättning till rapportens kategorier: 'Fått anställning' som Arbete, 'Börjat studera' som Studier, "
           "'Flyttat från kommunen' som Flyttat, 'Avbrutit' som Avbrott, 'Sjukskriven' som Sjukpenning, 'Övrigt' "
           "som Annat."),
    ("en", "Exit outcome was given in the participants file as the case system's texts and read through the "
           "evaluator's translation into the report's categories: 'Fått anställning' as Work, 'Börjat studera' as "
           "Studies, 'Flyttat från kommunen' as Moved away, 'Avbrutit' as Dropped out, 'Sjukskriven' as Sickness "
           "benefit, 'Övrigt' as Other."),
])
def test_the_report_names_each_translation_in_its_own_words_not_the_params_keys(tmp_path, lang, expected):
    from evaltools.present.sections import quality
    notes = quality.report_table(et.Report(et.load_project(_reasons(tmp_path, TRANSLATED)), lang=lang)).iloc[:, 0]
    assert expected in notes.tolist()
    assert not any("data.codes" in n for n in notes)


@pytest.mark.parametrize("codes, key", [
    ("codes: {utfall: {'Fått anställning': arbete}}\n", "params.codes_column"),
    ("codes: {outcome: {'Fått anställning': anställning}}\n", "params.codes_value"),
    ("codes: {outcome: {'arbete': studier}}\n", "params.codes_is_code"),
])
def test_a_translation_that_is_no_code_is_refused_in_the_params_file(tmp_path, codes, key):
    with pytest.raises(ParamsError) as e:
        et.load_project(_reasons(tmp_path, codes))
    text = str(e.value)
    assert {"params.codes_column": "nämner kolumnen 'utfall'; förväntat en kodkolumn i deltagarfilen",
            "params.codes_value": "översätter 'Fått anställning' till 'anställning'; förväntat en av arbete,",
            "params.codes_is_code": "översätter 'arbete', som redan är en kod"}[key] in text


# --- one workbook of everything, a region's return-to-work project ----------------------------------------
def _workbook(tmp_path, utfall_on_budget_sheet: bool = False):
    """Åter i arbete's workbook: Deltagare (title rows above the header), Budget in tkr per year with a Summa
    row, Utfall per kvartal for 2024 on a sheet of its own (or, moved, beside the budget), Försörjningsstöd per
    person and month. Four participants on sjukpenning; R001 and R002 have ended."""
    d = dt.date
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Åter i arbete – Region Testland"
    ws.merge_cells("A1:H1")
    ws.append(["Uttag 2025-06-30"])
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
               "support_start"])
    ws.append(["R001", "kvinna", 1975, "ensamstående", d(2024, 3, 1), d(2024, 11, 29), "arbete", "sjukpenning"])
    ws.append(["R002", "man", 1968, "sambo_med_barn", d(2024, 4, 2), d(2025, 2, 28), "sjukpenning", "sjukpenning"])
    ws.append(["R003", "kvinna", 1981, "ensamstående_med_barn", d(2024, 9, 2), None, None, "sjukpenning"])
    ws.append(["R004", "kvinna", 1990, "ensamstående", d(2025, 1, 13), None, None, "försörjningsstöd"])
    for row in ws.iter_rows(min_row=4, min_col=5, max_col=6):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    quarters = [["Personal", 290, 300, 280, 310], ["Lokaler", 37.5, 37.5, 37.5, 37.5], ["Utvärdering", 0, 0, 50, 50]]
    heads = ["Utfall Kv1 2024", "Utfall Kv2 2024", "Utfall Kv3 2024", "Utfall Kv4 2024"]
    b = wb.create_sheet("Budget")
    b["A1"] = "Budget (tkr)"
    b.merge_cells("A1:D1")
    b.append(["Kostnadsslag", "Budget 2024", "Budget 2025", *(heads if utfall_on_budget_sheet else [])])
    for (name, budget_24, budget_25), q in zip([("Personal", 1200, 1250), ("Lokaler", 150, 150),
                                                ("Utvärdering", 100, 120)], quarters):
        b.append([name, budget_24, budget_25, *(q[1:] if utfall_on_budget_sheet else [])])
    if not utfall_on_budget_sheet:
        u = wb.create_sheet("Utfall per kvartal")
        u["A1"] = "Utfall (tkr)"
        u.append(["Kostnadsslag", *heads])
        for q in quarters:
            u.append(q)
    f = wb.create_sheet("Försörjningsstöd")
    f.append(["person_id", "month", "amount"])
    for m in (1, 2, 3):
        f.append(["R004", d(2024, m, 1), 6500])
        f.cell(row=f.max_row, column=2).number_format = "yyyy-mm"
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/ater_i_arbete.xlsx")
    p = tmp_path / "ater.yaml"
    p.write_text(textwrap.dedent("""\
        id: ater
        title: Åter i arbete
        forbund: Testförbundet
        owner: Region Testland
        kind: individ
        period: {start: 2024-02-01, planned_end: 2025-12-31}
        data_as_of: 2025-06-30
        data:
          participants: data/ater_i_arbete.xlsx
          budget: data/ater_i_arbete.xlsx
          payments: data/ater_i_arbete.xlsx
          amount_unit: {budget: tkr, payments: kr}
        goals:
          - id: återgång
            kind: share
            label: Minst 40 % av de avslutade ska ha återgått i arbete
            target: 0.4
            denominator: exits
            period: whole_period
            success_outcomes: [arbete, arbete_med_stöd]
        """), encoding="utf-8")
    return p


def test_utfall_on_a_sheet_of_its_own_is_refused_saying_where_its_columns_go(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_workbook(tmp_path))
    (p,) = e.value.problems
    assert p.note("sv") == (
        "budgeten läses från bladet 'Budget', som inte har något utfall, men arbetsboken har bladet 'Utfall per "
        "kvartal'; ett utfall på ett eget blad läses inte. Flytta utfallets kolumner till bladet 'Budget', bredvid "
        "budgetens (rubriker som 'Utfall 2024' eller 'Utfall Kv1 2024'), annars räknas kostnaden som budgeten; ska "
        "utfallet inte räknas, ta bort bladet eller byt namn på det")


def test_the_utfall_moved_beside_the_budget_is_read_per_year(tmp_path):
    p = et.load_project(_workbook(tmp_path, utfall_on_budget_sheet=True))
    lines = p.budget.set_index(["period", "category"])
    # 2024's utfall is its four quarters added up, in tkr: Personal 290 + 300 + 280 + 310 = 1 180,
    # Lokaler 4 × 37,5 = 150, Utvärdering 0 + 0 + 50 + 50 = 100; 2025 has no utfall yet
    assert lines.loc[("2024", "Personal"), "actual"] == 1_180_000
    assert lines.loc[("2024", "Lokaler"), "actual"] == 150_000
    assert lines.loc[("2024", "Utvärdering"), "actual"] == 100_000
    assert lines.xs("2025", level="period")["actual"].isna().all()
    assert lines.loc[("2025", "Personal"), "budget"] == 1_250_000
    # the other sheets: Deltagare (4 rows under two title rows) and Försörjningsstöd (3 months of R004)
    assert p.participants["person_id"].tolist() == ["R001", "R002", "R003", "R004"]
    assert p.payments["amount"].sum() == 3 * 6500


def _group_goal(tmp_path, label: str, r002_support: str = "försörjningsstöd"):
    """The workbook with its utfall beside the budget and the main goal set for those on sjukpenning; R002's
    support at start as given (R001 and R002 are the two who have ended)."""
    p = _workbook(tmp_path, utfall_on_budget_sheet=True)
    wb = openpyxl.load_workbook(tmp_path / "data/ater_i_arbete.xlsx")
    wb["Deltagare"]["H5"] = r002_support
    wb.save(tmp_path / "data/ater_i_arbete.xlsx")
    p.write_text(p.read_text(encoding="utf-8").replace("Minst 40 % av de avslutade ska ha återgått i arbete", label),
                 encoding="utf-8")
    return p


def test_a_goal_for_those_on_sjukpenning_that_counts_everyone_is_refused(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_group_goal(tmp_path, "Minst 40 % av deltagarna med sjukpenning ska ha återgått i arbete"))
    (p,) = e.value.problems
    # the goal counts the exits, R001 (sjukpenning) and R002 (försörjningsstöd): 1 of the 2 had another support
    assert p.note("sv") == (
        "målet 'återgång' säger 'deltagarna med sjukpenning', men det räknar alla: 1 av de 2 det räknar hade en "
        "annan försörjning än sjukpenning vid start (support_start), så andelen vore en annan grupps. Skriv among: "
        "{support_start: sjukpenning} i målet, så räknar det bara gruppen, eller skriv målets text för alla det "
        "räknar (till exempel 'Minst 40 % av de avslutade ska ha arbete')")


def test_a_goal_for_those_on_sjukpenning_is_read_as_written_when_everyone_it_counts_was(tmp_path):
    # both exits had sjukpenning at start (R004, still enrolled, had försörjningsstöd but is no exit)
    p = et.load_project(_group_goal(tmp_path, "Minst 40 % av dem som hade sjukpenning ska ha återgått i arbete",
                                    r002_support="sjukpenning"))
    assert len(p.participants) == 4


def test_excel_sheet_naming_the_budget_sheet_is_refused_for_the_other_files_once_each(tmp_path):
    # data.excel_sheet holds for every file: the evaluator meant it for the budget, and the participants and
    # payments would be read from the sheet 'Budget' (a missing column each, 'Summa' offered as the amount)
    p = _workbook(tmp_path, utfall_on_budget_sheet=True)
    p.write_text(p.read_text(encoding="utf-8").replace("  amount_unit:", "  excel_sheet: Budget\n  amount_unit:"),
                 encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(p)
    assert [pr.note("sv") for pr in e.value.problems] == [
        f"data.excel_sheet i params-filen anger bladet 'Budget', som är en annan fils blad, och det gäller varje fil "
        f"som params-filen läser ur arbetsboken; ta bort data.excel_sheet, så läses varje fil från bladet med dess "
        f"namn (här '{own}')" for own in ("Deltagare", "Försörjningsstöd")]


def test_excel_sheet_naming_a_sheet_of_no_file_is_read_as_before(tmp_path):
    # a sheet named for no file ('Deltagare 2025') is the evaluator's to choose, as before
    p = _workbook(tmp_path, utfall_on_budget_sheet=True)
    wb = openpyxl.load_workbook(tmp_path / "data/ater_i_arbete.xlsx")
    wb["Deltagare"].title = "Deltagare 2025"
    wb.save(tmp_path / "data/ater_i_arbete.xlsx")
    p.write_text(p.read_text(encoding="utf-8").replace("  budget: data/ater_i_arbete.xlsx\n", "").replace(
        "  payments: data/ater_i_arbete.xlsx\n", "").replace("  amount_unit:", "  excel_sheet: Deltagare 2025\n"
                                                             "  amount_unit:"), encoding="utf-8")
    assert et.load_project(p).participants["person_id"].tolist() == ["R001", "R002", "R003", "R004"]
