"""Budgets made in Excel on Windows as real Finsam projects make them, of kinds not tried before: a follow-up
whose board revised a year's budget mid-project ("Reviderad budget 2025" beside "Budget 2025"), which the share
of the budget used must judge against the budget in force; a co-financed project whose municipality's and
region's staff time is written as in-kind lines ("Medfinansiering i form av arbetstid", funder "Egen insats"),
whose method appendix must not say that the partners' time is left out; and a budget with a correction row of a
negative amount and a VAT line. Each fixture is a tiny project written in tmp_path; expected values are worked
out by hand from the rows written here."""
from __future__ import annotations

import textwrap

import numpy as np
import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.costbenefit.costs import budget_use, partners_in_budget
from evaltools.data import budget_shapes
from evaltools.present.sections import method

from .conftest import load_problems, save_formula_results

HEAD = """\
id: unseen47
title: Förlängda vägen
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31, actual_end: 2026-06-30}
data_as_of: 2026-04-30
granted_sek: 2800000
"""


def _params(tmp_path, body: str):
    p = tmp_path / "unseen47.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


def _workbook(tmp_path, header: list, rows: list[list], name: str = "budget.xlsx",
              title: str = "Förlängda vägen – budgetuppföljning",
              comment: str = "Styrelsen reviderade budgeten 2025-03-14"):
    """The budget sheet as an evaluator keeps it: a merged title, 'Belopp i kronor', the header on row 4, a frozen
    pane and a comment."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A2"] = "Belopp i kronor"
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.freeze_panes = "B5"
    ws["A5"].comment = openpyxl.comments.Comment(comment, "Utvärderare")
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data" / name)
    return tmp_path / "data" / name


# --- a revised budget beside the application's --------------------------------------------------------------------
REVISED_HEADER = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Reviderad budget 2025", "Utfall 2025",
                  "Budget 2026", "Utfall 2026"]
REVISED_ROWS = [["Personal", 900000, 880000, 950000, 1100000, 1090000, 500000, 310000],
                ["Övrigt", 100000, 95000, 100000, "120 000 kr", 118000, 60000, 22000],
                ["Summa", 1000000, 975000, 1050000, 1220000, 1208000, 560000, 332000]]


def test_a_revised_budget_beside_the_original_is_the_years_budget_and_the_share_used_is_judged_against_it(tmp_path):
    """The board raised 2025's budget from 1 050 000 to 1 220 000 kr. By hand: the years that are over (2024, 2025)
    spent 975 000 + 1 208 000 = 2 183 000 kr of 1 000 000 + 1 220 000 = 2 220 000 kr, 98,3 %; against the
    application's budget it would have been 2 183 000 / 2 050 000 = 106,5 %, an overspending that never was. The
    Summa row's 1 220 000 kr under the revised column is the lines' sum, no mismatch."""
    _workbook(tmp_path, REVISED_HEADER, REVISED_ROWS)
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    b = p.budget.set_index(["period", "category"])
    assert b.loc[("2025", "Personal"), "budget"] == 1_100_000
    assert b.loc[("2025", "Övrigt"), "budget"] == 120_000  # ('120 000 kr' typed as text)
    assert b.loc[("2024", "Personal"), "budget"] == 900_000
    use = budget_use(p.budget)
    assert use.budget_with_actual == 2_220_000 and use.actual_total == 2_183_000
    assert use.share == pytest.approx(2_183_000 / 2_220_000)  # 98,3 %, not 106,5 %
    assert float(p.budget["budget"].sum()) == 2_780_000  # 1 000 000 + 1 220 000 + 560 000
    (note,) = [w for w in p.warnings if w.key == "budget.wide_revised"]
    assert "'Reviderad budget 2025'" in note.text("sv") and "'Budget 2025'" in note.text("sv")
    assert "läses inte" in note.text("sv") and "is not read" in note.text("en")


def test_a_revised_total_column_is_the_one_its_lines_are_checked_against(tmp_path):
    """'Budget totalt' holds the application's 1 000 000 + 1 050 000 = 2 050 000 kr, 'Reviderad budget totalt' the
    revised 1 000 000 + 1 220 000 = 2 220 000 kr: the lines read (the revised) are checked against the latter."""
    header = ["Kostnadsslag", "Budget 2024", "Budget 2025", "Rev. budget 2025", "Budget totalt",
              "Reviderad budget totalt", "Utfall 2024", "Utfall 2025"]
    rows = [["Personal", 900000, 950000, 1100000, 1850000, 2000000, 880000, 1090000],
            ["Övrigt", 100000, 100000, 120000, 200000, 220000, 95000, 118000]]
    _workbook(tmp_path, header, rows)
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert float(p.budget["budget"].sum()) == 2_220_000
    # a revised total that does not add up is still said, against the revised lines
    rows[0][5] = 2_100_000
    _workbook(tmp_path, header, rows)
    (pr,) = load_problems(tmp_path / "unseen47.yaml")
    assert pr.key == "budget.wide_total" and pr.column == "Reviderad budget totalt" and pr.row == 5
    assert "2 000 000" in pr.text("sv")  # 900 000 + 1 100 000


@pytest.mark.parametrize("heading, expected", [
    ("Reviderad budget 2025", ("budget", "2025")), ("Budget 2025 (rev.)", ("budget", "2025")),
    ("Rev. budget år 2", ("budget", "år 2")), ("Revised budget 2025", ("budget", "2025")),
    ("Reviderad budget totalt", ("budget", "")), ("Revisorskostnad", None)])
def test_a_revised_budgets_heading_is_read_as_the_budget_of_its_period(heading, expected):
    assert budget_shapes.wide_heading(heading) == expected
    assert budget_shapes.revised(heading) is (expected is not None)


def test_a_revised_budget_alone_is_read_as_the_budget_and_said_so(tmp_path):
    """A follow-up that kept only the revised column for 2025 (and the application's for 2024)."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Reviderad budget 2025", "Utfall 2025"]
    _workbook(tmp_path, header, [["Personal", 900000, 880000, 1100000, 1090000]])
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert p.budget.set_index("period").loc["2025", "budget"] == 1_100_000
    assert [w.key for w in p.warnings if w.key.startswith("budget.wide_revised")] == ["budget.wide_revised_alone"]


def test_two_revisions_of_one_year_are_refused_not_guessed(tmp_path):
    header = ["Kostnadsslag", "Reviderad budget 2025", "Budget 2025 (rev.)", "Utfall 2025"]
    _workbook(tmp_path, header, [["Personal", 1100000, 1150000, 1090000]])
    problems = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert [p.key for p in problems] == ["budget.wide_same"]


def test_a_revised_budget_column_in_a_row_per_line_budget_is_the_budget(tmp_path):
    """A row per line and year ('År', 'Kostnadsslag', 'Budget', 'Reviderad budget', 'Utfall'). By hand: 2025's
    revised 120 000 + 25 000 = 145 000 kr, its Summa row's; the application's 100 000 + 20 000 is not read."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_bytes(
        "År;Kostnadsslag;Budget;Reviderad budget;Utfall\r\n2025;Lön;100000;120000;118000\r\n"
        "2025;Övrigt;20000;25000;24000\r\n2025;Summa;120000;145000;142000\r\n".encode("cp1252"))
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.csv}\n"))
    assert p.budget["budget"].tolist() == [120_000, 25_000]
    assert p.budget["actual"].tolist() == [118_000, 24_000]
    assert [w.key for w in p.warnings if w.key.startswith("budget.wide_revised")] == ["budget.wide_revised"]


# --- co-financing in staff time --------------------------------------------------------------------------------
COFIN = """\
id: unseen47
title: Gemensam väg
forbund: Testförbundet
owner: Testby kommun
kind: individ
period: {start: 2025-01-01, planned_end: 2025-12-31}
data_as_of: 2025-12-31
granted_sek: 800000
data: {participants: data/participants.csv, budget: data/budget.xlsx}
"""


def _cofinanced(tmp_path, own: str = "egen"):
    """The förbund pays the project's staff, the municipality and the region put in staff time (in kind). By hand:
    förbund 640 000 + 84 000 = 724 000 kr, the municipality's own 300 000, the region's 120 000; total 1 144 000."""
    header = ["Kostnadsslag", "Finansiär", "Budget 2025", "Utfall 2025"]
    rows = [["Projektledare 100 %", "förbund", 650000, 640000],
            ["Lokal, resor, material", "förbund", 90000, "84 000 kr"],
            ["Medfinansiering i form av arbetstid, socialsekreterare 50 %", own, 300000, 300000],
            ["Medfinansiering i form av arbetstid, arbetsterapeut 20 %", "region", 120000, 120000],
            ["Summa", None, "=SUM(C5:C8)", "=SUM(D5:D8)"]]
    path = _workbook(tmp_path, header, rows)
    save_formula_results(path, {"C9": 1_160_000, "D9": 1_144_000})
    pd.DataFrame({"person_id": [f"P{i}" for i in range(1, 9)], "sex": ["kvinna", "man"] * 4,
                  "birth_year": [1985 + i for i in range(8)], "household_type": "ensamstående",
                  "start_date": [f"2025-0{1 + i // 2}-10" for i in range(8)],
                  "end_date": ["2025-09-30"] * 6 + ["", ""],
                  "outcome": ["arbete", "arbete", "avbrott", "arbete", "studier", "kvar_försörjningsstöd", "", ""],
                  "support_start": "försörjningsstöd"}).to_csv(tmp_path / "data/participants.csv", index=False)
    p = tmp_path / "unseen47.yaml"
    p.write_text(COFIN, encoding="utf-8")
    return p


def test_own_staff_time_written_egen_insats_is_answered_with_the_code_and_the_files_heading(tmp_path):
    (pr,) = load_problems(_cofinanced(tmp_path, own="Egen insats"))
    assert (pr.row, pr.column) == (7, "Finansiär")  # the file's heading, not the contract's 'funder'
    assert "'egen'" in pr.text("sv") and "'Egen insats'" in pr.text("sv")


def test_in_kind_staff_time_is_each_partners_cost_and_the_appendix_does_not_say_it_is_left_out(tmp_path):
    """By hand (current prices, the price year the project's own, 2025): the förbund's 724 000 kr is shared 50/25/25,
    so the municipality bears 181 000 + 300 000 = 481 000 kr, the region 181 000 + 120 000 = 301 000 kr and the
    state 362 000 kr; together 1 144 000 kr. The present values are discounted within the year alike, so the
    shares of the whole stay those of the current prices."""
    r = et.Report(_cofinanced(tmp_path), lang="sv")
    per = r.cba.table.set_index("perspective")
    whole = per.loc["offentliga", "pv_cost"]
    assert float(r.cba.costs["used"].sum()) == 1_144_000
    assert per.loc["kommun", "pv_cost"] / whole == pytest.approx(481_000 / 1_144_000, abs=1e-3)
    assert per.loc["region", "pv_cost"] / whole == pytest.approx(301_000 / 1_144_000, abs=1e-3)
    assert per.loc["stat", "pv_cost"] / whole == pytest.approx(362_000 / 1_144_000, abs=1e-3)
    assert partners_in_budget(r.cba.costs)
    text = " ".join(method.paragraphs(r))
    assert "samverkansparternas arbetstid utöver den som budgeten tar upp" in text
    assert "samverkansparternas arbetstid, handledning" not in text
    en = " ".join(method.paragraphs(et.Report(tmp_path / "unseen47.yaml", lang="en")))
    assert "the partners' staff time beyond what the budget names" in en


def test_partners_in_budget_counts_only_a_partners_line_that_costs_something():
    lines = pd.DataFrame({"funder": ["förbund", "region", "eu"], "used": [500.0, 0.0, 100.0]})
    assert not partners_in_budget(lines)  # (a partner's 0 kr line, and the EU's grant, are no partner's time)
    lines.loc[1, "used"] = np.float64(1.0)
    assert partners_in_budget(lines)
    assert not partners_in_budget(None)


# --- a correction row, a VAT line ---------------------------------------------------------------------------------
def test_a_negative_correction_has_one_message_not_a_second_for_the_sum_it_leaves(tmp_path):
    """'Korrigering' −12 000 kr is refused with what to write (lower the utfall of the line it corrects); the Summa
    row, 90 000 − 12 000 = 78 000 kr, adds up with it, so a total message would say 90 000 kr and send the
    evaluator to change a sum that is right."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024"]
    _workbook(tmp_path, header, [["Personal", 100000, 90000], ["Korrigering", None, "−12 000 kr"],
                                 ["Summa", 100000, 78000]])
    problems = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert [(p.key, p.row, p.column) for p in problems] == [("cell.bad", 6, "Utfall 2024")]
    assert "sänk utfallet på raden den gäller" in problems[0].text("sv")


def test_a_vat_line_is_read_as_a_cost_with_a_note_that_it_is_a_tax(tmp_path):
    """By hand: the overhead is 15 % of 1 100 000 + 236 000 + 59 000 = 1 395 000 kr, 209 250 kr (the formula's result
    saved with it), so the utfall is 1 604 250 kr."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024"]
    rows = [["Personal, två coacher", 1100000, 1100000],
            ["Köpt tjänst, arbetsträning hos socialt företag", 240000, 236000],
            ["Moms 25 % på köpt tjänst", 60000, 59000],
            ["OH-kostnad 15 %", "=0.15*SUM(B5:B7)", "=0.15*SUM(C5:C7)"]]
    path = _workbook(tmp_path, header, rows)
    save_formula_results(path, {"B8": 210000, "C8": 209250})
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert float(p.budget["actual"].sum()) == 1_604_250  # 1 100 000 + 236 000 + 59 000 + 209 250
    (note,) = [w for w in p.warnings if w.key == "budget.vat_line"]
    assert "'Moms 25 % på köpt tjänst' (rad 7)" in note.text("sv")
    assert "value-added tax" in note.text("en")


# --- a project prolonged by half a year -------------------------------------------------------------------------
@pytest.mark.parametrize("heading", ["Budget 2026 (förlängning)", "Budget förlängning 2026", "Budget jan–jun 2026"])
def test_the_prolonged_half_years_budget_is_read_as_its_year(tmp_path, heading):
    """Prolonged from 2025-12-31 to 2026-06-30, its follow-up has a column for the extension; the data were taken on
    2026-04-30, so 2026's utfall (22 000 + 310 000 = 332 000 kr of 560 000 kr) is the utfall so far. By hand: the years
    over spent 880 000 + 1 090 000 = 1 970 000 kr of 900 000 + 1 100 000 = 2 000 000 kr, 98,5 %."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025", heading, "Utfall 2026"]
    _workbook(tmp_path, header, [["Personal", 900000, 880000, 1100000, 1090000, 500000, 310000],
                                 ["Övrigt", None, None, None, None, 60000, 22000]])
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    b = p.budget.set_index(["period", "category"])
    assert b.loc[("2026", "Personal"), "budget"] == 500_000 and b.loc[("2026", "Övrigt"), "budget"] == 60_000
    assert float(b.xs("2026")["actual_so_far"].sum()) == 332_000
    assert budget_use(p.budget).share == pytest.approx(1_970_000 / 2_000_000)


def test_the_prolonged_time_without_its_year_is_refused_not_read_as_a_total(tmp_path):
    header = ["Kostnadsslag", "Budget 2025", "Utfall 2025", "Budget förlängning"]
    _workbook(tmp_path, header, [["Personal", 1100000, 1090000, 500000]])
    (pr,) = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert pr.key == "budget.wide_heading" and pr.column == "Budget förlängning"


def test_an_utfall_headed_by_the_running_years_months_is_still_asked_to_be_headed_as_the_year(tmp_path):
    """'Utfall jan–jun 2026' beside 'Budget 2026' is the running year's utfall so far far more often than a
    half-year's: its message gives 'Utfall 2026' to write, as before; only a budget's months are read as a part."""
    assert budget_shapes.wide_heading("Utfall jan–jun 2026") == ("actual", "?")
    assert budget_shapes.so_far_year("Utfall jan–jun 2026") == "2026"


# --- co-financing in columns of its own -------------------------------------------------------------------------
@pytest.mark.parametrize("header, refused", [
    (["Kostnadsslag", "Budget 2025", "Utfall 2025", "Medfinansiering kommun 2025", "Egen insats region 2025"],
     ["Medfinansiering kommun 2025", "Egen insats region 2025"]),
    (["Kostnadsslag", "Förbundet 2025", "Kommunen (arbetstid) 2025", "Utfall 2025"],
     ["Förbundet 2025", "Kommunen (arbetstid) 2025"]),
    (["Kostnadsslag", "Budget 2025", "Utfall 2025", "Varav förbundet", "Varav lön"], ["Varav förbundet"])])
def test_a_financiers_part_in_a_column_of_its_own_is_refused_with_the_lines_to_write(tmp_path, header, refused):
    """The municipality's and region's staff time kept in columns beside the förbund's amounts was left out without a
    word (the cost 50 000 + 20 000 kr too small), and 'Förbundet 2025' beside 'Utfall 2025' left the budget empty;
    'Varav förbundet' put the whole line on the förbund. Each such column is named, with the lines to write."""
    _workbook(tmp_path, header, [["Personal", 100000, 90000, 50000, 20000]])
    problems = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert [(p.key, p.column) for p in problems] == [("budget.wide_funder_column", h) for h in refused]
    assert "Finansiär" in problems[0].text("sv") and "egen, kommun, region" in problems[0].text("sv")
    assert "Finansiär" in problems[0].text("en")


def test_a_column_of_text_or_of_no_financier_beside_a_wide_budget_is_still_not_read(tmp_path):
    header = ["Kostnadsslag", "Finansiär", "Budget 2025", "Utfall 2025", "Prognos 2026", "Kommun"]
    _workbook(tmp_path, header, [["Personal", "kommun", 100000, 90000, 20000, "Sundsvall"]])
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert p.budget[["budget", "actual"]].values.tolist() == [[100_000, 90_000]]


def test_funds_paid_back_on_a_line_of_their_own_are_refused_not_added_to_the_cost(tmp_path):
    """'Återbetalning av ej förbrukade medel' 10 000 kr typed positive would have made the cost 90 000 + 10 000 =
    100 000 kr, 10 000 kr more than was spent instead of less; a 0 kr 'Korrigering' line costs nothing and is read."""
    header = ["Kostnadsslag", "Budget 2024", "Utfall 2024"]
    _workbook(tmp_path, header, [["Personal", 100000, 90000],
                                 ["Återbetalning av ej förbrukade medel till förbundet", None, 10000],
                                 ["Korrigering", 0, 0], ["Summa", 100000, 100000]])
    (pr,) = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert (pr.key, pr.row, pr.column) == ("budget.repayment_line", 6, "Kostnadsslag")
    assert "ta bort raden" in pr.text("sv") and "delete the line" in pr.text("en")


# --- subtotals per financier ------------------------------------------------------------------------------------
def test_subtotals_per_financier_are_no_cost_lines_and_the_grand_total_is_checked_against_the_lines(tmp_path):
    """The co-financed budget with a subtotal per financier, as its application laid it out. By hand: the förbund's
    640 000 + 84 000 = 724 000 kr, the co-financing 300 000 + 120 000 = 420 000 kr, in all 1 144 000 kr; read as
    lines, the two subtotals and 'Summa totalt' made the cost 2 288 000 kr, or refused the total with that sum."""
    header = ["Kostnadsslag", "Finansiär", "Budget 2025", "Utfall 2025"]
    rows = [["Projektledare", "förbund", 650000, 640000], ["Lokal, resor", "förbund", 90000, "84 000 kr"],
            ["Summa förbundet", None, 740000, 724000],
            ["Arbetstid socialsekreterare", "egen", 300000, 300000], ["Arbetstid arbetsterapeut", "region", 120000, 120000],
            ["Summa medfinansiering:", None, 420000, 420000], ["Summa totalt", None, 1160000, 1144000]]
    _workbook(tmp_path, header, rows)
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert float(p.budget["actual"].sum()) == 1_144_000 and len(p.budget) == 4
    assert p.budget.groupby("funder")["actual"].sum().to_dict() == {"egen": 300_000, "förbund": 724_000,
                                                                    "region": 120_000}
    (read,) = [n for n in p.notices if n.key == "budget.subtotals_read"]
    assert "raderna 7, 10" in read.text("sv")
    assert not [w for w in p.warnings if w.key == "budget.subtotal_unmatched"]
    # a grand total that does not add up is still refused, against the lines alone
    rows[-1][3] = 2_288_000
    _workbook(tmp_path, header, rows)
    (pr,) = load_problems(tmp_path / "unseen47.yaml")
    assert pr.key == "budget.total" and "1 144 000 kr" in pr.text("sv")


@pytest.mark.parametrize("name, kind", [("Summa", "total"), ("Summa:", "total"), ("Totalt", "total"),
                                        ("Summa totalt", "total"), ("Total kostnad", "total"),
                                        ("Totala kostnader", "total"), ("Summa kostnader", "total"),
                                        ("Delsumma", "subtotal"), ("Summa personal", "subtotal"),
                                        ("Totalt förbundet", "subtotal"), ("Lön", None),
                                        ("Summering av insatser", "subtotal"), ("Totalförsvarets kurs", None)])
def test_a_rows_name_says_whether_it_is_a_total_a_subtotal_or_a_line(name, kind):
    assert budget_shapes.total_row(name) == kind


def test_a_subtotal_that_differs_from_the_lines_above_it_is_a_note_naming_its_row(tmp_path):
    """'Summa personal' 630 000 kr over the one line above it, 640 000 kr: not refused (a subtotal may gather lines
    spread over the table), but said, with the row, the column and both sums."""
    header = ["Kostnadsslag", "Budget 2025", "Utfall 2025"]
    _workbook(tmp_path, header, [["Projektledare", 650000, 640000], ["Summa personal", 650000, 630000],
                                 ["Lokal", 50000, 50000], ["Total kostnad", 700000, 690000]])
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert float(p.budget["actual"].sum()) == 690_000
    (note,) = [w for w in p.warnings if w.key == "budget.subtotal_unmatched"]
    assert (note.row, note.column) == (6, "Utfall 2025")
    assert "630 000 kr" in note.text("sv") and "640 000 kr" in note.text("sv")


# --- the financiers under another heading -------------------------------------------------------------------------
@pytest.mark.parametrize("heading", ["Finansiär (kod)", "Part", "Betalas av"])
def test_financiers_under_a_heading_not_read_as_funder_are_refused_not_booked_on_the_forbund(tmp_path, heading):
    """Unread, the municipality's 300 000 kr of staff time was booked on the förbund's shares: the municipality bore
    25 % of it, 75 000 kr, instead of all of it."""
    header = ["Kostnadsslag", heading, "Budget 2025", "Utfall 2025"]
    _workbook(tmp_path, header, [["Projektledare", "förbund", 650000, 640000], ["Arbetstid", "egen", 300000, 300000]])
    (pr,) = load_problems(_params(tmp_path, "data: {budget: data/budget.xlsx}\n"))
    assert (pr.key, pr.column) == ("budget.funder_heading", heading) and "Finansiär" in pr.text("sv")


@pytest.mark.parametrize("heading", ["Medfinansiär", "Finansieras av", "Kostnadsbärare"])
def test_the_financiers_heading_in_other_words_is_read(tmp_path, heading):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_text(
        f"År;Kostnadsslag;{heading};Budget;Utfall\n2025;Lön;förbund;100000;90000\n2025;Arbetstid;egen;50000;50000\n",
        encoding="utf-8")
    p = et.load_project(_params(tmp_path, "data: {budget: data/budget.csv}\n"))
    assert p.budget["funder"].tolist() == ["förbund", "egen"]
