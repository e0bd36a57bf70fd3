"""Third sweep of projects unlike the samples: a youth project (16–29), an IPS project whose comparison
group has no outcome at follow-up, a project run by a hand-made workbook with headings in other letter
case, and an English report of a project whose Swedish text is still the skeleton. Each fixture is a tiny
project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

from types import SimpleNamespace

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.comparison import compare_exit_rates, payment_phases
from evaltools.present import narrative
from evaltools.present.display import Text
from evaltools.present.sections import payments as pay_section
from evaltools.words.labels import note_text
from evaltools.words.text import catalog

from .conftest import write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


# --- a youth project's ages are split where they differ ------------------------------------------
def _aged(tmp_path, birth_years: list[int], comparison: list[int] | None = None):
    """One participant per birth year, each starting 2023-03-01 (age at start = 2023 − birth year)."""
    write_csv(tmp_path / "data/participants.csv", [_person(i + 1, birth_year=b) for i, b in enumerate(birth_years)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    extra = ""
    if comparison is not None:
        comp = [{**_person(100 + i, birth_year=b, end="", outcome=""), "person_id": f"J{i:03d}"}
                for i, b in enumerate(comparison)]
        write_csv(tmp_path / "data/comparison.csv", comp)
        months = pd.period_range("2022-01", "2023-12", freq="M")
        pay = [{"person_id": p["person_id"], "month": str(m), "amount": 5000} for p in comp for m in months]
        write_csv(tmp_path / "data/comparison_payments.csv", pay)
        write_csv(tmp_path / "data/payments.csv",
                  [{"person_id": f"U{i + 1:03d}", "month": str(m), "amount": 5000}
                   for i in range(len(birth_years)) for m in months])
        extra = (", payments: data/payments.csv, comparison: {persons: data/comparison.csv, "
                 "payments: data/comparison_payments.csv}")
    return et.load_project(_params(tmp_path, PROJECT % extra))


def test_a_youth_projects_18_to_29_is_split_at_25(tmp_path):
    # ages at start 16, 19, 24, 25, 29, 22, 27, 20, 18, 28: all ten under 30
    years = [2007, 2004, 1999, 1998, 1994, 2001, 1996, 2003, 2005, 1995]
    p = _aged(tmp_path, years)
    groups = dict(zip(p.participants["person_id"], p.participants["age_group"]))
    assert groups == {"U001": "0–17", "U002": "18–24", "U003": "18–24", "U004": "25–29", "U005": "25–29",
                      "U006": "18–24", "U007": "25–29", "U008": "18–24", "U009": "18–24", "U010": "25–29"}


def test_a_project_with_a_tenth_over_30_keeps_18_to_29(tmp_path):
    # nine of ten under 30 is the threshold (90 %): split; eight of ten (one aged 45, one aged 31) is not
    nine = _aged(tmp_path / "nine", [2000] * 9 + [1978])
    assert set(nine.participants["age_group"]) == {"18–24", "40–49"}
    eight = _aged(tmp_path / "eight", [2000] * 8 + [1978, 1992])
    assert set(eight.participants["age_group"]) == {"18–29", "30–39", "40–49"}


def test_comparison_persons_are_grouped_by_the_participants_bands(tmp_path):
    # participants all 23 (youth bands); comparison persons aged 23 and 27: 18–24 and 25–29, never 18–29,
    # though only two of five would be young enough to choose the youth bands by themselves
    # (five persons: a smaller comparison group is below the small-count limit and not used)
    p = _aged(tmp_path, [2000] * 6, comparison=[2000, 1996, 1970, 1960, 1980])
    groups = dict(zip(p.comparison["person_id"], p.comparison["age_group"]))
    assert groups == {"J000": "18–24", "J001": "25–29", "J002": "50–59", "J003": "60+", "J004": "40–49"}


# --- a comparison group without outcomes at follow-up -----------------------------------------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_comparison_group_without_outcomes_gives_no_exit_rate_table_and_no_claim_of_none(tmp_path, lang):
    p = _aged(tmp_path, [1990] * 6, comparison=[1990] * 6)
    assert p.comparison["outcome"].isna().all()
    assert compare_exit_rates(p).empty  # (not a row of 0 persons with a p-value of 1)
    r = et.Report(p, lang=lang)
    words = catalog(lang)
    # the deadweight is the default, and its source does not say there is no comparison group
    source = r.cba.summary.deadweight_source
    assert source == "default"
    table = r.cba.assumptions
    [note] = [v for v in table.loc[table["name"] == "deadweight"].iloc[0] if hasattr(v, "key")]
    assert note.key == "assumption.deadweight_default_no_outcomes"
    assert note_text(note, lang) == words.msg("assumption.deadweight_default_no_outcomes")
    assert note_text(note, lang) != words.msg("assumption.deadweight_default")
    # the payments section says in one sentence why the shares are not compared
    blocks = [b for part in pay_section.blocks(r) for b in part]
    said = [q for b in blocks if isinstance(b, Text) for q in b.paragraphs]
    assert words.msg("payments.exit_rates_no_outcomes") in said


def test_phases_no_one_was_in_are_not_rows(tmp_path):
    # comparison persons have no end date: no 'after' phase; participants (all ended 2023-09-01) have all three
    p = _aged(tmp_path, [1990] * 6, comparison=[1990] * 6)
    ph = payment_phases(p)
    assert set(zip(ph["group"], ph["phase"])) == {("participants", "before"), ("participants", "during"),
                                                  ("participants", "after"), ("comparison", "before"),
                                                  ("comparison", "during")}
    assert (ph["persons"] == 6).all()


def test_without_a_comparison_group_the_deadweight_source_says_so(tmp_path):
    p = _aged(tmp_path, [1990] * 6)
    note = et.cost_benefit(p).summary
    assert note.deadweight_source == "default"
    table = et.cost_benefit(p).assumptions
    [note] = [v for v in table.loc[table["name"] == "deadweight"].iloc[0] if hasattr(v, "key")]
    assert note.key == "assumption.deadweight_default"


# --- a hand-made workbook: headings in other letter case ----------------------------------------------
def test_headings_in_other_letter_case_are_the_contract_columns(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Deltagarförteckning, export 2024-12-31"])  # a title row above the header
    ws.append(["Person_ID ", "Sex", "BIRTH_YEAR", " Household_Type", "Start_Date", "END_DATE", "Outcome", "Support_Start"])
    ws.append(["U001", "kvinna", 2000, "ensamstående", "2023-03-01", "2023-09-01", "studier", "ingen_offentlig"])
    ws.append([None] * 8)  # an empty row in the middle
    ws.append(["U002", "man", 1999, "ensamstående", "2023-04-03", None, None, "försörjningsstöd"])
    b = wb.create_sheet("Budget")
    b.append(["Period", "Category ", "BUDGET", "Actual"])
    b.append(["hela", "Personal", "1 000 000 kr", "990 000"])
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data/handgjord.xlsx")
    p = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        granted_sek: 1000000
        data: {participants: data/handgjord.xlsx, budget: data/handgjord.xlsx}
        """))
    rows = p.participants.set_index("person_id")
    assert list(rows.index) == ["U001", "U002"]
    assert rows.loc["U001", "outcome"] == "studier" and rows.loc["U002", "support_start"] == "försörjningsstöd"
    assert rows.loc["U001", "end_date"] == pd.Timestamp("2023-09-01") and pd.isna(rows.loc["U002", "end_date"])
    assert p.budget["budget"].sum() == 1_000_000 and p.budget["actual"].sum() == 990_000


def test_a_heading_twice_in_two_cases_is_refused_as_a_column_given_twice(tmp_path):
    rows = [_person(1)]
    path = tmp_path / "data/participants.csv"
    path.parent.mkdir()
    cols = list(rows[0])
    path.write_text(",".join(cols + ["OUTCOME"]) + "\n" + ",".join(str(rows[0][c]) for c in cols) + ",arbete\n",
                    encoding="utf-8")
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % ""))
    assert any(q.column == "outcome" and "2" in str(q) for q in e.value.problems)


# --- an English report beside a Swedish skeleton ---------------------------------------------------
def test_a_skeleton_in_another_language_is_no_text_in_that_language(tmp_path):
    params = tmp_path / "params" / "p.yaml"
    (tmp_path / "params" / "text").mkdir(parents=True)
    params.write_text("id: p\n", encoding="utf-8")
    sv = tmp_path / "params" / "text" / "p.sv.md"
    sv.write_text(narrative.skeleton("sv"), encoding="utf-8")
    assert narrative.load(params, "en").other_languages == ()
    sv.write_text("## Sammanfattande bedömning\n\nProjektet nådde sina mål.\n", encoding="utf-8")
    assert narrative.load(params, "en").other_languages == ("sv",)


# --- an axis of negative amounts keeps its minus signs --------------------------------------------------
def test_the_simulation_chart_keeps_its_leftmost_amount_inside_the_figure():
    from evaltools.present.plots import plot_monte_carlo
    # draws from about −3,0 to −1,3 million: the axis runs from just left of −3 000 000 to just right of 0,
    # so the tick −3 000 000 sits near the left edge with no y labels to make room for it
    draws = np.linspace(-2_957_000, -1_344_000, 5000)
    fig = plot_monte_carlo(SimpleNamespace(npv_draws=draws, p_npv_positive=0.0), "sv", who="de offentliga finansiärerna")
    renderer = fig.canvas.get_renderer()
    [ax] = fig.axes
    lo, hi = ax.get_xlim()
    labels = [t for t in ax.get_xticklabels() if t.get_text() and lo <= t.get_position()[0] <= hi]
    assert labels[0].get_text() == "\u22123\u00a0000\u00a0000"  # (a true minus sign, spaces that do not break)
    assert min(t.get_window_extent(renderer).x0 for t in labels) >= 0
    # the title (its probability last) fits in the figure too, wrapped where it must be; the alt text has it on one line
    [title] = [t for t in (ax.title, ax._left_title) if t.get_text()]
    assert title.get_window_extent(renderer).x1 <= fig.bbox.width
    # ("< 1 %" kept on one line: no break between "<" and its figure)
    assert title.get_text().replace("\n", " ").endswith(": <\u00a01\u00a0%")
    assert "\n" not in fig.et_alt and ": <\u00a01\u00a0%" in fig.et_alt


# --- a date typed as text in another order: the message says how to write it ------------------------------
@pytest.mark.parametrize("written, hint_sv, hint_en", [
    ("2024.05.02", "skriv 2024-05-02", "write 2024-05-02"),
    ("2024/5/2", "skriv 2024-05-02", "write 2024-05-02"),
    ("30/9/2024", "skriv 2024-09-30", "write 2024-09-30"),       # 30 can only be the day
    ("9/30/2024", "skriv 2024-09-30", "write 2024-09-30"),       # 30 can only be the day, so 9 is the month
    ("5/3/2024", "skriv 2024-03-05 om det första talet är dagen, 2024-05-03 om det är månaden",
     "write 2024-03-05 if the first number is the day, 2024-05-03 if it is the month"),
])
def test_a_date_written_in_another_order_gets_the_date_to_write(tmp_path, written, hint_sv, hint_en):
    write_csv(tmp_path / "data/participants.csv", [_person(1, start=written), _person(2, start="2023-04-01")])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % ""))
    [q] = e.value.problems
    assert (q.row, q.column, q.value) == (2, "start_date", written)
    assert q.note("sv").endswith(hint_sv) and q.note("en").endswith(hint_en)


def test_a_date_that_exists_in_no_order_gets_no_date_to_write(tmp_path):
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="31/2/2024")])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % ""))
    [q] = e.value.problems
    assert q.column == "start_date" and "2024-" not in q.note("sv") + q.note("en")


# --- a running project's price year without a KPI yet is named among the uncertain reference values --------
def test_the_kpi_that_restates_the_costs_is_listed_where_it_is_estimated_or_missing(tmp_path):
    from evaltools.analysis.costbenefit.costs import price_references
    from evaltools.present.sections.quality import flagged_references
    write_csv(tmp_path / "data/participants.csv", [_person(i, start="2025-03-01", end="2025-09-01") for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", [{"period": "2025", "category": "Personal", "budget": 500_000, "actual": 480_000},
                                             {"period": "2026", "category": "Personal", "budget": 500_000, "actual": ""}])
    # the period ends in 2027, after the shipped KPI table's last year (2026, read from the file itself): the costs
    # are restated in 2026 prices, the latest year with a KPI, not under 2027's name with 2026's index
    last = int(pd.read_csv(Path(et.__file__).parent / "data" / "kpi.csv")["year"].max())
    assert last == 2026
    body = """\
        kind: individ
        period: {start: 2025-01-01, planned_end: 2027-02-28}
        granted_sek: 1000000
        data_as_of: 2026-11-30
        data: {participants: data/participants.csv, budget: data/budget.csv}
        """
    p = et.load_project(_params(tmp_path, body))
    assert p.params.price_year == 2026
    refs = price_references(p)
    # the 2025 line against 2026; the 2026 line is in the price year itself
    assert [(r.what, r.year) for r in refs] == [("kpi", 2025), ("kpi", 2026)]
    flagged = flagged_references(et.cost_benefit(p).reference_values)
    row = flagged[(flagged["what"] == "kpi") & (flagged["year"] == 2026)]
    assert len(row) == 1 and row.iloc[0]["confidence"] == "EST"  # (2026's index is itself an estimate, and said so)
    # a budget line of 2027, after the last KPI, is restated with the last year's index, and that is flagged
    write_csv(tmp_path / "data/budget.csv", [{"period": "2027", "category": "Personal", "budget": 500_000, "actual": ""}])
    p = et.load_project(tmp_path / "unseen.yaml")
    flagged = flagged_references(et.cost_benefit(p).reference_values)
    row = flagged[(flagged["what"] == "kpi") & (flagged["year"] == 2027)]
    assert len(row) == 1 and row.iloc[0]["confidence"] == "FALLBACK"
    # the price year said where the project set one: kept as written, its stand-in index flagged
    p = et.load_project(_params(tmp_path, body.rstrip(" ") + "        cost_benefit: {price_year: 2027}\n"))
    assert p.params.price_year == 2027


# --- a total row at the bottom of a list of persons: one message, not one per empty cell -----------------
@pytest.mark.parametrize("label", ["Summa", "Totalt:", " TOTAL "])
def test_a_total_row_in_a_file_of_persons_is_one_message_to_delete_it(tmp_path, label):
    rows = [_person(1), _person(2, start="5/3/2023"),
            {"person_id": label, "sex": "", "birth_year": "", "household_type": "", "start_date": "",
             "end_date": "", "outcome": ""}]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(_params(tmp_path, PROJECT % ""))
    # row 3 (the second person) keeps its own message; row 4 (the total) has one, without a column
    assert [(q.row, q.column) for q in e.value.problems] == [(3, "start_date"), (4, None)]
    total = e.value.problems[1]
    assert total.note("sv").startswith(f"raden ser ut som en summarad ('{label.strip()}')")
    assert total.note("en").startswith(f"the row looks like a total row ('{label.strip()}')")


def test_a_person_whose_row_is_complete_is_never_taken_for_a_total(tmp_path):
    write_csv(tmp_path / "data/participants.csv", [_person(1), {**_person(2), "person_id": "Total"}])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    p = et.load_project(_params(tmp_path, PROJECT % ""))
    assert list(p.participants["person_id"]) == ["U001", "Total"]


# --- validate says a structural project's kind, not '0 enrolments' -------------------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "✓ unseen: strukturinriktad insats (inga deltagare); anteckningar om datakvaliteten: 0"),
    ("en", "✓ unseen: structural project (no participants); data-quality notes: 0")])
def test_validate_says_a_structural_project_has_no_participants(tmp_path, capsys, lang, said):
    from evaltools.publish import cli
    params = _params(tmp_path, """\
        kind: struktur
        period: {start: 2024-01-01, planned_end: 2025-12-31}
        goals:
          - id: rutiner
            kind: qualitative
            label: Samverkansrutiner ska finnas i alla fyra kommuner
            assessment: delvis
            evidence: Antagna i tre av fyra kommuner.
        """)
    assert cli.main(["validate", str(params), "--lang", lang]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[0] == said


# --- the workbook's assumption definitions are words, never a params key -----------------------------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_assumption_is_defined_with_a_params_key(lang):
    import re
    from evaltools.data.assumptions import REGISTRY
    from evaltools.words import assumptions as words
    for name in REGISTRY:
        text = " ".join((words.label(name, lang), words.unit(name, lang), words.definition(name, lang)))
        assert not re.findall(r"\b[a-z]+_[a-z_]+\b", text), (name, text)


# --- a project that ended early: page 1 says so beside the share of the budget used ----------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "Projektet avslutades i förtid, 2024-06-30 i stället för 2024-12-31 som planerat."),
    ("en", "The project ended early, on 2024-06-30 instead of 2024-12-31 as planned.")])
def test_page_one_says_the_project_ended_early_beside_its_cost(tmp_path, lang, said):
    from evaltools.present.sections import summary
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    body = PROJECT % ""
    early = et.Report(et.load_project(_params(tmp_path, body.replace(
        "planned_end: 2024-12-31}", "planned_end: 2024-12-31, actual_end: 2024-06-30}"))), lang=lang)
    assert summary.cost(early)[1:] == [said]
    as_planned = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
    assert len(summary.cost(as_planned)) == 1


# --- a small count in a sentence is said in words, not as the table's '<5' ------------------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "Färre än 5 av dem som avslutades till arbete, studier eller en ersättning hade en annan försörjning än försörjningsstöd vid start (sjukpenning)"),
    ("en", "Fewer than 5 of those who left the project for work, studies or a benefit had support other than social assistance at start "
           "(sickness benefit)")])
def test_page_one_says_fewer_than_five_on_another_support_in_words(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # six on försörjningsstöd and three on sjukpenning at start, all nine leave for work
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(["försörjningsstöd"] * 6 + ["sjukpenning"] * 3)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang=lang)
    assert r.cba.summary.other_support == (("sjukpenning", 3),)
    [sentence] = summary.support_at_start(r)
    assert sentence.startswith(said) and "<5" not in sentence
