"""Projects unlike the samples, with their files made as an evaluator makes them in Excel on a Windows laptop.

A family project whose försörjningsstöd comes from the economic-aid system as it pays it, one row per household and
month (``household_id``, no person; semicolons, Windows-1252, decimal commas), with both parents of some households
taking part: the rows are read for each participant of the household, and the household is counted once. And a
budget kept as a förbund follows it up, the year's budget whole and the utfall per quarter, for a project that ended
in February: the year's utfall is its first quarter's, since the project ran in no other. Each fixture is a tiny
project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.comparison import household_units

from .conftest import load_problems, params_refusal

FAMILY = """\
id: familj60
title: Familjekraft
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2024-12-31}
granted_sek: 900000
data:
  participants: data/deltagare.csv
  payments: data/utbetalningar.csv
"""

PEOPLE = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome;household_id",
          "F-101;kvinna;1988;sambo_med_barn;2024-02-01;2024-09-30;arbete;H-1",
          "F-102;man;1985;sambo_med_barn;2024-02-15;2024-10-31;kvar_försörjningsstöd;H-1",
          "F-103;kvinna;1990;ensamstående_med_barn;2024-03-01;2024-11-30;studier;H-2",
          "F-104;kvinna;1992;ensamstående_med_barn;2024-03-01;2024-11-30;avbrott;H-3"]

# the economic-aid system's export: a row per household and month, as Swedish Excel saves a CSV
HOUSEHOLD_PAYMENTS = ["household_id;month;amount",
                      "H-1;2024-01;10 000,50",
                      "H-1;2024-02;9 000,00",
                      "H-2;2024-01;5 000,00",
                      "H-9;2024-01;700,00"]


def _family(tmp_path, people: list[str] = PEOPLE, payments: list[str] = HOUSEHOLD_PAYMENTS):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "deltagare.csv").write_bytes("\r\n".join(people).encode("cp1252") + b"\r\n")
    (tmp_path / "data" / "utbetalningar.csv").write_bytes("\r\n".join(payments).encode("cp1252") + b"\r\n")
    p = tmp_path / "familj60.yaml"
    p.write_text(FAMILY, encoding="utf-8")
    return p


def test_payments_per_household_are_read_for_each_participant_of_the_household(tmp_path):
    """H-1 (F-101 and F-102, both parents) was paid 10 000,50 kr in January and 9 000 kr in February, H-2 (F-103)
    5 000 kr in January; H-3 (F-104) has no rows, and H-9 is no participant's household. By hand: H-1's two rows
    read for both parents give four rows, H-2's one row one, so 5 rows of 2 × 10 000,5 + 2 × 9 000 + 5 000 =
    43 001 kr; the note counts the 3 rows read of 2 households, for 3 participants, 1 household with two of them.
    H-9's one row (row 5 of the file) is left out with a note of its own."""
    p = et.load_project(_family(tmp_path))
    pay = p.payments.sort_values(["person_id", "month"])
    assert pay["person_id"].tolist() == ["F-101", "F-101", "F-102", "F-102", "F-103"]
    assert pay["amount"].tolist() == [10000.5, 9000.0, 10000.5, 9000.0, 5000.0]
    assert float(pay["amount"].sum()) == 43_001.0
    (read,) = [w for w in p.warnings if w.key == "payment.per_household_read"]
    values = dict(read.values)
    assert (values["rows"], values["households"], values["persons"], values["shared"]) == ("3", "2", "3", "1")
    assert "utbetalningarna per hushåll, utan person" in read.text("sv") and "en gång per hushåll" in read.text("sv")
    assert "the payments per household, without persons" in read.text("en")
    (unknown,) = [w for w in p.warnings if w.key == "payment.household_unknown"]
    assert unknown.row == 5 and dict(unknown.values)["households"] == "1"
    assert "H-9" not in unknown.text("sv")  # (a count and a row, never the household's id)


def test_a_household_with_both_parents_taking_part_is_paid_once_in_the_payment_analyses(tmp_path):
    """The payment analyses' units are households: H-1's two parents are one unit whose months are 10 000,50 and
    9 000 kr (not 20 001 and 18 000), beside H-2's 5 000 kr: 2 units, 3 household-months, 24 000,50 kr by hand."""
    p = et.load_project(_family(tmp_path))
    units, paid, _ = household_units(p.paid_persons(), p.payments)
    assert len(units) == 2
    assert sorted(paid["amount"].tolist()) == [5000.0, 9000.0, 10000.5]
    assert float(paid["amount"].sum()) == 24_000.5



def test_payments_per_household_with_a_column_per_month_are_read_the_same_way(tmp_path):
    """The same export with the months across (one row per household): H-1 10 000,50 and 9 000 kr in January and
    February (March empty: no row, 0 kr), H-2 5 000, 5 000 and 4 000 kr. By hand: H-1's two months for both parents and
    H-2's three for F-103, 7 rows, 2 × (10 000,5 + 9 000) + 14 000 = 52 001 kr."""
    payments = ["household_id;2024-01;2024-02;2024-03", "H-1;10 000,50;9 000;", "H-2;5 000;5 000;4 000"]
    p = et.load_project(_family(tmp_path, payments=payments))
    pay = p.payments
    assert len(pay) == 7 and float(pay["amount"].sum()) == 52_001.0
    assert sorted(set(pay["person_id"])) == ["F-101", "F-102", "F-103"]


def test_payments_per_household_without_households_in_the_participants_file_is_one_message(tmp_path):
    """Without household_id in the participants file nothing says whose a household's rows are: one message, naming
    the column to write in the participants file, instead of a missing person_id and a duplicate month for each of
    H-1's two rows."""
    people = [";".join(r.split(";")[:-1]) for r in PEOPLE]
    problems = load_problems(_family(tmp_path, people=people))
    assert [q.key for q in problems] == ["payment.household_no_link"]
    (q,) = problems
    assert q.file.endswith("utbetalningar.csv")
    assert "household_id i deltagarfilen" in q.text("sv") and "household_id in the" in q.text("en")



def test_payments_per_household_whose_ids_match_no_participants_household_are_refused(tmp_path):
    """Household ids written otherwise in the payments file ('1', '2' where the participants file has 'H-1', 'H-2'):
    no row can be read for anyone, which is one error naming the first row (row 2) and an id of each file, never a
    file read as holding no payments."""
    payments = ["household_id;month;amount", "1;2024-01;10 000,50", "2;2024-01;5 000,00"]
    problems = load_problems(_family(tmp_path, payments=payments))
    assert [q.key for q in problems] == ["payment.household_none_match"]
    (q,) = problems
    assert q.row == 2 and "'1'" in q.text("sv") and "'H-1'" in q.text("sv")
    assert "none of the file's household_id" in q.text("en")

BUDGET = """\
id: budget60
title: Kvinnor i arbete
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-03-01, planned_end: PLANNED}
granted_sek: 2000000
data: {budget: data/budget.xlsx}
"""

QUARTERS = [f"Utfall Kv{q} {y}" for y in (2024, 2025) for q in (1, 2, 3, 4)] + ["Utfall Kv1 2026"]


def _budget(tmp_path, planned: str, extra: str = ""):
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Kostnadsslag", "Finansiär", "Budget 2024", "Budget 2025", "Budget 2026", *QUARTERS])
    ws.append(["Personal", "förbund", 800000, 1000000, 200000,
               40000, 250000, 250000, 250000, 240000, 250000, 250000, 260000, 150000])
    ws.append(["Lokalhyra", "förbund", 100000, 120000, 20000,
               10000, 30000, 30000, 30000, 30000, 30000, 6000, 30000, 10000])
    wb.save(tmp_path / "data" / "budget.xlsx")
    p = tmp_path / "budget60.yaml"
    p.write_text(BUDGET.replace("PLANNED", planned) + textwrap.dedent(extra), encoding="utf-8")
    return p


def test_a_project_ending_in_february_has_its_years_utfall_in_the_first_quarter(tmp_path):
    """The project ran 2024-03-01 – 2026-02-28, so 2026's one quarter it ran in is Kv1: its utfall is 2026's,
    150 000 kr for Personal and 10 000 kr for Lokalhyra, not left empty to wait for quarters the project never had
    (2026 would then count at its budget, 220 000 kr). 2024 and 2025 sum their four quarters: Personal 40 000 +
    3 × 250 000 = 790 000 and 240 000 + 250 000 + 250 000 + 260 000 = 1 000 000 kr; Lokalhyra 100 000 and 96 000 kr
    (the 6 000 of Kv3 2025 is a quarter's rent less a credit note). By hand the cost is 790 000 + 1 000 000 + 150 000
    + 100 000 + 96 000 + 10 000 = 2 146 000 kr, and no note says 2026's utfall was left empty."""
    p = et.load_project(_budget(tmp_path, "2026-02-28"))
    actual = p.budget.set_index(["period", "category"])["actual"]
    assert actual[("2026", "Personal")] == 150_000 and actual[("2026", "Lokalhyra")] == 10_000
    assert actual[("2024", "Personal")] == 790_000 and actual[("2025", "Personal")] == 1_000_000
    assert actual[("2025", "Lokalhyra")] == 96_000
    assert float(p.budget["actual"].sum()) == 2_146_000
    assert not [w for w in p.warnings if w.key == "budget.wide_parts_partial"]


def test_a_running_project_still_waits_for_the_rest_of_the_year(tmp_path):
    """The same file for a project running to 2026-12-31, data taken 2026-04-30: Kv1 2026 is a part of a year the
    project runs on in, so 2026's utfall is left empty (counted at its budget) and the note names 2026, as before."""
    p = et.load_project(_budget(tmp_path, "2026-12-31", "data_as_of: 2026-04-30\n"))
    actual = p.budget.set_index(["period", "category"])["actual"]
    assert actual[("2026", "Personal")] != actual[("2026", "Personal")]  # (NaN: not known)
    (note,) = [w for w in p.warnings if w.key == "budget.wide_parts_partial"]
    assert "2026" in note.text("sv")


def _revised(tmp_path):
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Kostnadsslag", "Budget 2024", "Utfall 2024", "Budget 2025", "Reviderad budget 2025", "Utfall 2025"])
    ws.append(["Personal", 500000, 480000, 600000, 700000, 690000])
    ws.append(["Lokalhyra", 50000, 45000, 50000, 50000, 40000])
    ws.append(["Summa", 550000, 525000, 650000, 750000, 730000])
    wb.save(tmp_path / "data" / "budget.xlsx")
    p = tmp_path / "budget60.yaml"
    p.write_text(BUDGET.replace("2024-03-01", "2024-01-01").replace("PLANNED", "2025-12-31"), encoding="utf-8")
    return p


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_the_budget_table_and_page_one_say_the_cost_is_compared_with_the_revised_budget(tmp_path):
    """The board raised 2025's budget from the application's 600 000 + 50 000 = 650 000 kr to 700 000 + 50 000 =
    750 000 kr. The budget table's note names the year with both amounts, and page 1's share of the budget says it
    is of the revised budget: 525 000 + 730 000 = 1 255 000 kr of 550 000 + 750 000 = 1 300 000 kr, 96,5 %."""
    from evaltools.present.sections import budget, summary
    p = et.load_project(_revised(tmp_path))
    assert p.budget.attrs["revised"] == (("2025", 650_000.0, 750_000.0),)
    r = et.Report(p, lang="sv")
    (note,) = [_plain(n) for n in budget.revised_note(r)]
    assert note.startswith("Budgeten är den reviderade för 2025 (750 000 kr; ursprungligen 650 000 kr).")
    assert note in [_plain(n) for b in budget.blocks(r) for part in b if hasattr(part, "notes") for n in part.notes]
    sentence = _plain(summary.cost_sentence(r, r.cba.summary, r.cba.costs))
    assert "av den reviderade budgeten" in sentence and "1,30 miljoner kronor" in sentence, sentence
    en = et.Report(p, lang="en")
    (note_en,) = [_plain(n) for n in budget.revised_note(en)]
    assert note_en.startswith("The budget is the revised one for 2025 (SEK 750,000; originally SEK 650,000).")
    assert "of the revised budget" in _plain(summary.cost_sentence(en, en.cba.summary, en.cba.costs))
    # the workbook's budget sheet carries the same note, in one voice with the table
    written = et.export_report(r, tmp_path / "out")
    book = openpyxl.load_workbook(next(f for f in written if str(f).endswith(".xlsx")))
    cells = [_plain(v) for row in book["Budget"].iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert note in cells


WOMEN = """\
id: kvinnor60
title: Kvinnor i arbete
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-03-01, planned_end: 2025-12-31}
granted_sek: 900000
data: {participants: data/deltagare.csv}
goals:
  - id: arbete
    kind: share
    label: Minst 40 % av de avslutade ska gå till arbete eller studier
    target: 0.4
    period: whole_period
    denominator: exits
"""


def _women(tmp_path, sexes: list[str]):
    (tmp_path / "data").mkdir(exist_ok=True)
    outcomes = ["arbete", "studier", "arbete", "kvar_försörjningsstöd", "avbrott", "kvar_försörjningsstöd",
                "arbete", "kvar_försörjningsstöd", "studier", "avbrott"]
    rows = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"]
    households = ["ensamstående_med_barn", "sambo_med_barn", "ensamstående"]
    rows += [f"F-{301 + i};{sex};{1968 + 3 * i};{households[i % 3]};2024-0{3 + i % 6}-01;2025-0{1 + i % 9}-28;"
             f"{outcomes[i]}" for i, sex in enumerate(sexes)]
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    p = tmp_path / "kvinnor60.yaml"
    p.write_text(WOMEN, encoding="utf-8")
    return p


def test_a_project_for_women_only_is_not_compared_by_sex_and_says_why(tmp_path):
    """Ten women, every one ended: 5 went to work or studies (arbete, studier, arbete, arbete, studier). A breakdown
    by sex would be one row, 'Kvinna 10, 5, 50 %', the total again, compared with no one: it is left out of the
    rates (and so of their chart), and the notes under the table say that every participant is in one group."""
    from evaltools.analysis.cohorts import outcome_rates
    from evaltools.present.sections import outcomes
    p = et.load_project(_women(tmp_path, ["kvinna"] * 10))
    rates = outcome_rates(p)
    assert "sex" not in set(rates.table["variable"])
    assert "household_type" in set(rates.raw["variable"])  # (the other breakdowns are there)
    (note,) = [n for n in rates.notes if n.key == "note.rates_one_group"]
    r = et.Report(p, lang="sv")
    said = [_plain(n) for n in outcomes.rate_notes(r, "1")]
    assert ("Andelen lyckade utfall jämförs inte efter kön: alla deltagare hör till samma grupp (kvinnor), så det "
            "finns ingen annan grupp att jämföra med.") in said
    said_en = [_plain(n) for n in outcomes.rate_notes(et.Report(p, lang="en"), "1")]
    assert any(s.startswith("The share of successful outcomes is not compared by sex: every participant is in one "
                            "group (women)") for s in said_en), said_en


def test_a_project_of_both_sexes_still_compares_them(tmp_path):
    """Six women and four men: the breakdown by sex is two rows, 6 and 4 ended, and no such note."""
    from evaltools.analysis.cohorts import outcome_rates
    p = et.load_project(_women(tmp_path, ["kvinna"] * 6 + ["man"] * 4))
    rates = outcome_rates(p)
    by_sex = rates.raw[rates.raw["variable"] == "sex"].set_index("category")["n"]
    assert by_sex.to_dict() == {"kvinna": 6, "man": 4}
    assert not [n for n in rates.notes if n.key == "note.rates_one_group"]


# --- a share of persons said to be counted per household is refused, never judged on persons -------------------------
@pytest.mark.parametrize("label, words", [
    ("Minst 3 deltagare ska gå till arbete eller studier, räknat per hushåll", "räknat per hushåll"),
    ("Minst 3 deltagare ska gå till arbete eller studier (hushållsvis)", "hushållsvis"),
    ("At least 3 participants shall move to work or studies, counted by household", "counted by household"),
])
def test_a_goal_counted_per_household_is_refused_with_what_to_write(tmp_path, label, words):
    """Counted as written the goal would count the persons FL001, FL002 and FL003 (arbete, studier, arbete): 3,
    reached, though its words ask for households, of which they are two (H1 and H2)."""
    from .test_unseen_projects_31 import _familj
    sv = params_refusal(_familj(tmp_path, label=label))
    assert f"målets text räknar '{words}', hushåll eller familjer" in sv
    assert "Lägg till raden 'counts: households'" in sv  # (an outcome goal counts households so)



def test_a_project_starting_in_april_has_its_first_years_utfall_in_the_quarters_it_ran(tmp_path):
    """A project from 2024-04-01 to 2024-12-31 follows its year up in the three quarters it ran (no 'Utfall Kv1 2024'
    column): 2024's utfall is their sum, 200 000 + 250 000 + 300 000 = 750 000 kr, not left empty for a first quarter
    the project never had."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Kostnadsslag", "Budget 2024", "Utfall Kv2 2024", "Utfall Kv3 2024", "Utfall Kv4 2024"])
    ws.append(["Personal", 800000, 200000, 250000, 300000])
    wb.save(tmp_path / "data" / "budget.xlsx")
    p = tmp_path / "budget60.yaml"
    p.write_text(BUDGET.replace("2024-03-01", "2024-04-01").replace("PLANNED", "2024-12-31"), encoding="utf-8")
    project = et.load_project(p)
    assert project.budget[["period", "budget", "actual"]].values.tolist() == [["2024", 800_000, 750_000]]


def test_a_revised_budget_column_in_a_row_per_line_budget_names_the_years_it_changed(tmp_path):
    """A budget kept a row per line and year with a 'Reviderad budget' column beside 'Budget': 2024's lines are the
    same in both (500 000 kr), 2025's Personal was raised from 600 000 to 700 000 kr, so 2025 went from 600 000 +
    50 000 = 650 000 to 750 000 kr, and the note names 2025 alone."""
    from evaltools.present.sections import budget
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "budget.csv").write_bytes(
        "År;Kostnadsslag;Budget;Reviderad budget;Utfall\r\n2024;Personal;500000;500000;480000\r\n"
        "2025;Personal;600000;700000;690000\r\n2025;Lokalhyra;50000;50000;40000\r\n".encode("cp1252"))
    p = tmp_path / "budget60.yaml"
    p.write_text(BUDGET.replace("2024-03-01", "2024-01-01").replace("PLANNED", "2025-12-31")
                 .replace("data/budget.xlsx", "data/budget.csv"), encoding="utf-8")
    project = et.load_project(p)
    assert project.budget.attrs["revised"] == (("2025", 650_000.0, 750_000.0),)
    (note,) = [_plain(n) for n in budget.revised_note(et.Report(project, lang="sv"))]
    assert note.startswith("Budgeten är den reviderade för 2025 (750 000 kr; ursprungligen 650 000 kr).")
