"""Fifteenth sweep of projects unlike the samples, from files made in Excel: a project whose application sets
goals on who takes part, not on where they go ("Totalt 90 deltagare under projekttiden, varav minst 40 %
kvinnor och minst en tredjedel unga under 25 år"), counted as shares of the participants themselves
(``numerator: sex`` or ``numerator: age``) and never as an outcome share; and a project counted in project
years from 1 September (a school year, läsår), whose budget follow-up is kept in the förbund's layout with
a column pair per "Projektår 1", "Projektår 2" and an "OH-kostnader 15 %" line computed by a formula. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest
from openpyxl.styles import Font
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.disclosure import goal_successes
from evaltools.analysis.goals import GoalStatus, assess_goals, success_definition
from evaltools.data.errors import DataValidationError, ParamsError


# --- goals on who takes part --------------------------------------------------------------------------------
def _roster(tmp_path, sexes=None):
    """Vägen framåt's participant list as the coordinator keeps it: a bold title merged over the table, an empty
    row, the header on row 3, dates as date cells. 30 persons VF001-VF030: the first 12 women, the other 18 men;
    those of index 0, 3, 6, ..., 27 (10) and 1 and 29 (2) were born 2001 (12 young: 22-24 at a start in 2024 or
    2025), the others 1980-1989. Every second person (index 0, 2, ..., 28: 15) has ended, with the outcome of
    index % 5: arbete, studier, kvar_försörjningsstöd, avbrott, arbete."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Vägen framåt – deltagarförteckning"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
               "support_start"])
    d = dt.date
    for i in range(30):
        sex = (sexes or {}).get(i, "kvinna" if i < 12 else "man")
        born = 2001 if i % 3 == 0 or i in (1, 29) else 1980 + i % 10
        ended = i % 2 == 0
        outcome = ["arbete", "studier", "kvar_försörjningsstöd", "avbrott", "arbete"][i % 5] if ended else None
        ws.append([f"VF{i + 1:03d}", sex, born, "ensamstående", d(2024, 3 + i % 9, 1),
                   d(2025, 1 + i % 6, 20) if ended else None, outcome, "försörjningsstöd"])
    for row in ws.iter_rows(min_row=4, min_col=5, max_col=6):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/deltagare.xlsx")


VAGEN = """\
id: vagen
title: Vägen framåt
forbund: Samordningsförbundet Testbygd
owner: Testkommun
kind: individ
period: {start: 2024-03-01, planned_end: 2025-12-31}
data_as_of: 2025-12-31
granted_sek: 2400000
data:
  participants: data/deltagare.xlsx
goals:
"""

# the application's goals as an evaluator writes them once the toolkit's words are known
WRITTEN = """\
  - id: antal
    kind: participant_count
    label: Totalt 90 deltagare under projekttiden
    target: 90
    period: whole_period
  - id: kvinnor
    kind: share
    label: Minst 40 % av deltagarna ska vara kvinnor
    numerator: sex
    sex: [kvinna]
    target: 0.4
    period: whole_period
  - id: unga
    kind: share
    label: Minst en tredjedel av deltagarna ska vara unga under 25 år
    numerator: age
    age_below: 25
    target: 0.333
    period: whole_period
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete eller studier
    target: 0.3
    denominator: exits
    period: whole_period
    success_outcomes: [arbete, studier]
"""


def _vagen(tmp_path, goals: str = WRITTEN, sexes=None):
    _roster(tmp_path, sexes)
    p = tmp_path / "vagen.yaml"
    p.write_text(VAGEN + goals, encoding="utf-8")
    return p


def _row(table, goal_id):
    rows = table[table["goal_id"] == goal_id]
    assert len(rows) == 1
    return rows.iloc[0]


def test_the_applications_sentence_as_one_count_goal_is_refused_with_the_share_to_write_apart(tmp_path):
    # written as the application words it, the count would be judged (30 of 90) and its shares never
    goals = """\
      - id: antal
        kind: participant_count
        label: Totalt 90 deltagare under projekttiden, varav minst 40 % kvinnor och minst en tredjedel unga under 25 år
        target: 90
        period: whole_period
    """
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, textwrap.indent(textwrap.dedent(goals), "  ")))
    text = str(e.value.in_lang("sv"))
    assert "mål 1 (id: antal)" in text and "'40 % kvinnor'" in text
    assert "Totalt 90 deltagare under projekttiden" in text and "numerator: sex" in text and "age_below: 25" in text


@pytest.mark.parametrize("label, words", [
    ("Minst 40 % av deltagarna ska vara kvinnor", "40 % av deltagarna ska vara kvinnor"),
    ("Minst en tredjedel av deltagarna ska vara unga under 25 år", "en tredjedel av deltagarna ska vara unga"),
    ("Hälften av deltagarna är kvinnor", "Hälften av deltagarna är kvinnor"),
    ("Andelen kvinnor ska vara minst 40 %", "Andelen kvinnor"),
    ("At least 40% of participants should be women", "40% of participants should be women"),
])
def test_a_share_of_who_takes_part_counted_as_outcomes_is_refused(tmp_path, label, words):
    # kind: share with the default numerator would count exits to work over the participants: "40 % kvinnor"
    # judged by 9 of 30 with an outcome
    goal = f"""\
  - id: kvinnor
    kind: share
    label: {label}
    target: {0.333 if 'tredjedel' in label else 0.5 if 'Hälften' in label else 0.4}
    period: whole_period
"""
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, goal))
    text = str(e.value.in_lang("sv"))
    assert f"'{words}'" in text and "numerator: sex med sex: [kvinna]" in text, text
    assert "numerator: age med age_below: 25" in str(e.value.in_lang("sv"))
    assert "numerator: sex with sex: [kvinna]" in str(e.value.in_lang("en"))


@pytest.mark.parametrize("label", [
    "Minst 40 % av de unga deltagarna ska gå till arbete eller studier",
    "Minst 40 % av kvinnorna ska gå till arbete eller studier",
    "Minst 40 % av de avslutade ska gå till arbete",
])
def test_an_outcome_share_of_a_group_is_read_as_written(tmp_path, label):
    goal = f"""\
  - id: arbete
    kind: share
    label: {label}
    target: 0.4
    denominator: exits
    period: whole_period
"""
    assert et.load_params(_vagen(tmp_path, goal)).goals[0].numerator == "outcome"


def test_shares_of_who_takes_part_are_counted_among_everyone_enrolled(tmp_path):
    project = et.load_project(_vagen(tmp_path))
    table = assess_goals(project).table
    women, young, work = _row(table, "kvinnor"), _row(table, "unga"), _row(table, "arbete")
    # 12 women of 30 enrolled, ended or not: 12/30 = 0.4; the exact (Clopper–Pearson) interval from the beta
    # distribution: [B(0.025; 12, 19), B(0.975; 13, 18)]
    assert (women.numerator, women.denominator, women.value) == (12, 30, pytest.approx(0.4))
    assert women.ci_low == pytest.approx(beta.ppf(0.025, 12, 19)) and women.ci_high == pytest.approx(beta.ppf(0.975, 13, 18))
    # the interval spans 40 %: reached, but uncertain
    assert women.status == GoalStatus.REACHED_UNCERTAIN
    # young: index 0, 3, ..., 27 (10) and 1, 29 (2) = 12 born 2001, aged 23 or 24 in their start year < 25
    assert (young.numerator, young.denominator) == (12, 30)
    # the main goal is the outcome share, not the first share goal (a share of women is no success):
    # ended: index 0, 2, ..., 28 (15); outcome by index % 5: 0 arbete, 2 kvar, 4 arbete, 6 studier, 8 avbrott,
    # 10 arbete, 12 kvar, 14 arbete, 16 studier, 18 avbrott, 20 arbete, 22 kvar, 24 arbete, 26 studier, 28 avbrott
    # -> arbete or studier: 0, 4, 6, 10, 14, 16, 20, 24, 26 = 9 of 15
    assert (work.numerator, work.denominator) == (9, 15) and bool(work.main)
    d = success_definition(project.params)
    assert d.goal_id == "arbete" and d.outcomes == ("arbete", "studier")
    # a share of who takes part tells no outcome: the disclosure rule counts only the outcome share's 9
    assert goal_successes(table) == (9,)


def test_a_count_of_women_is_a_count_goal_of_who_takes_part(tmp_path):
    goal = """\
  - id: kvinnor
    kind: participant_count
    label: Minst 15 kvinnor under projekttiden
    numerator: sex
    sex: [kvinna]
    target: 15
    period: whole_period
"""
    row = _row(assess_goals(et.load_project(_vagen(tmp_path, goal))).table, "kvinnor")
    # 12 women against 15: 12/15 = 0.8, at the partly band (0.8)
    assert row.value == 12 and row.status == GoalStatus.PARTLY


def test_participants_of_unknown_sex_are_left_out_of_the_share_and_the_table_says_so(tmp_path):
    # two men (index 20 and 21) written "okänt": 12 women of 28 of known sex
    project = et.load_project(_vagen(tmp_path, sexes={20: "okänt", 21: "okänt"}))
    row = _row(assess_goals(project).table, "kvinnor")
    assert (row.numerator, row.denominator) == (12, 28)
    assert row.note == "unknown_sex_left_out"
    from evaltools.words.labels import goal_note
    assert goal_note(row.note, "sv") == "deltagare med okänt kön räknas inte i nämnaren"


@pytest.mark.parametrize("extra, words", [
    ("sex: [kvinna]\n", "numerator: sex"),                        # the trait without its numerator
    ("numerator: sex\nsex: [kvinnor]\n", "kvinna, man, annat, okänt"),  # a label for the code
    ("numerator: sex\n", "[kvinna]"),                              # no sex named
    ("numerator: age\n", "age_below"),                             # no age named
    ("numerator: age\nage_below: 250\n", "från 16 till 100"),
    ("numerator: sex\nsex: [kvinna]\ndenominator: exits\n", "denominator: exits"),
    ("numerator: sex\nsex: [kvinna]\nmain: true\n", "huvudmål"),
])
def test_a_goal_on_who_takes_part_written_wrong_is_refused_with_what_to_write(tmp_path, extra, words):
    goal = "  - id: kvinnor\n    kind: share\n    label: Kvinnor bland deltagarna\n    target: 0.4\n" \
           + textwrap.indent(extra, "    ")
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, goal))
    assert words in str(e.value.in_lang("sv")), str(e.value.in_lang("sv"))


def test_an_applications_share_of_women_is_not_judged_by_its_expected_successes(tmp_path):
    # an application's expected 20 successes of 40 participants a year say nothing of how many are women
    p = tmp_path / "ansokan.yaml"
    p.write_text(textwrap.dedent("""\
        id: ansokan
        title: Vägen framåt (ansökan)
        forbund: Testförbundet
        owner: Testkommun
        kind: ansökan
        period: {start: 2026-03-01, planned_end: 2027-12-31}
        expected: {participants_per_year: 40, successes_per_year: 20}
        goals:
          - id: kvinnor
            kind: share
            label: Minst 40 % av deltagarna ska vara kvinnor
            numerator: sex
            sex: [kvinna]
            target: 0.4
            period: whole_period
        """), encoding="utf-8")
    row = _row(assess_goals(et.load_project(p)).table, "kvinnor")
    assert row.note == "no_participants" and row.value != row.value  # (NaN: not 20/40 = 50 %)


# --- a project counted in school years, its budget follow-up per project year ---------------------------------
LINES = [("Personal", 620_000, 598_000, 640_000, 655_000), ("Lokaler", 60_000, 60_000, 62_000, 62_000),
         ("Resor och aktiviteter", 40_000, 31_500, 40_000, 44_200)]
# OH-kostnader 15 % of each column's three lines, rounded as the formula rounds:
# budget år 1 (620 000 + 60 000 + 40 000) × 0,15 = 108 000; utfall år 1 (598 000 + 60 000 + 31 500) × 0,15 = 103 425
# budget år 2 (640 000 + 62 000 + 40 000) × 0,15 = 111 300; utfall år 2 (655 000 + 62 000 + 44 200) × 0,15 = 114 180
OH = {"B": 108_000, "C": 103_425, "D": 111_300, "E": 114_180}
# the Summa row: år 1 budget 720 000 + 108 000 = 828 000, utfall 689 500 + 103 425 = 792 925;
# år 2 budget 742 000 + 111 300 = 853 300, utfall 761 200 + 114 180 = 875 380
SUMMA = {"B": 828_000, "C": 792_925, "D": 853_300, "E": 875_380}


def _lasar_budget(tmp_path, first="Projektår 1", second="Projektår 2"):
    """Läsårsspåret's budget follow-up as the förbund lays it out: a bold title merged over the table, the header
    on rows 3-4 (the project year merged over its Budget and Utfall, Kostnadsslag merged down, a Totalt pair),
    three cost lines, 'OH-kostnader 15 %' as a formula of the lines above it, a Summa row of SUM formulas and
    total columns of formulas, the amounts formatted as kr; formulas saved with their results, as Excel does."""
    from .conftest import save_formula_results
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = "Budgetuppföljning – Läsårsspåret"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    ws["A3"], ws["B3"], ws["D3"], ws["F3"] = "Kostnadsslag", first, second, "Totalt"
    for cells in ("B3:C3", "D3:E3", "F3:G3", "A3:A4"):
        ws.merge_cells(cells)
    for c, v in zip("BCDEFG", ["Budget", "Utfall"] * 3, strict=True):
        ws[f"{c}4"] = v
    results: dict[str, object] = {}
    for r, (name, *amounts) in enumerate(LINES, start=5):
        ws[f"A{r}"] = name
        for c, x in zip("BCDE", amounts, strict=True):
            ws[f"{c}{r}"] = x
        ws[f"F{r}"], ws[f"G{r}"] = f"=B{r}+D{r}", f"=C{r}+E{r}"
        results[f"F{r}"], results[f"G{r}"] = amounts[0] + amounts[2], amounts[1] + amounts[3]
    ws["A8"] = "OH-kostnader 15 %"
    for c in "BCDE":
        ws[f"{c}8"] = f"=ROUND(SUM({c}5:{c}7)*0.15,0)"
        ws[f"{c}9"] = f"=SUM({c}5:{c}8)"
        results[f"{c}8"], results[f"{c}9"] = OH[c], SUMMA[c]
    ws["F8"], ws["G8"] = "=B8+D8", "=C8+E8"
    results["F8"], results["G8"] = OH["B"] + OH["D"], OH["C"] + OH["E"]
    ws["A9"] = "Summa"
    ws["F9"], ws["G9"] = "=SUM(F5:F8)", "=SUM(G5:G8)"
    results["F9"], results["G9"] = SUMMA["B"] + SUMMA["D"], SUMMA["C"] + SUMMA["E"]
    for row in ws.iter_rows(min_row=5, max_row=9, min_col=2, max_col=7):
        for cell in row:
            cell.number_format = '#,##0 "kr"'
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/budget.xlsx")
    save_formula_results(tmp_path / "data/budget.xlsx", results)


def _lasar_people(tmp_path):
    """44 participants: L01-L24 start in project year 1 (September to December 2024) and end May-July 2025, L25-L44
    in year 2 (September to December 2025) and end May-July 2026; outcome by index % 5: arbete, studier,
    kvar_försörjningsstöd, arbete, avbrott."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    d = dt.date
    for i in range(44):
        first_year = i < 24
        start = d(2024, 9 + i % 4, 2) if first_year else d(2025, 9 + i % 4, 1)
        end = d(2025, 5 + i % 3, 28) if first_year else d(2026, 5 + i % 3, 29)
        ws.append([f"L{i + 1:02d}", "kvinna" if i % 2 else "man", 1985 + i % 15, "ensamstående", start, end,
                   ["arbete", "studier", "kvar_försörjningsstöd", "arbete", "avbrott"][i % 5]])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")


LASAR_GOALS = """\
goals:
  - id: antal
    kind: participant_count
    label: Minst 20 deltagare per läsår
    target: 20
  - id: arbete
    kind: share
    label: Minst 40 % av de avslutade ska gå till arbete eller studier varje läsår
    target: 0.4
    denominator: exits
    success_outcomes: [arbete, studier]
"""


def _lasar(tmp_path, first="Projektår 1", second="Projektår 2", start="2024-09-01", goals=LASAR_GOALS,
           budget="data/budget.xlsx"):
    _lasar_budget(tmp_path, first, second)
    _lasar_people(tmp_path)
    end = {"2024-09-01": "2026-08-31", "2024-01-15": "2026-01-14"}[start]
    p = tmp_path / "lasar.yaml"
    p.write_text(textwrap.dedent(f"""\
        id: lasar
        title: Läsårsspåret
        forbund: Samordningsförbundet Testbygd
        owner: Testkommun
        kind: individ
        period: {{start: {start}, planned_end: {end}}}
        data_as_of: {end}
        granted_sek: 1900000
        data:
          participants: data/deltagare.xlsx
          budget: {budget}
        """) + goals, encoding="utf-8")
    return p


def _lines(project):
    b = project.budget.set_index(["period", "category"])
    return {k: (float(v.budget), float(v.actual)) for k, v in b.iterrows()}


EXPECTED_LINES = {
    ("år 1", "Personal"): (620_000, 598_000), ("år 1", "Lokaler"): (60_000, 60_000),
    ("år 1", "Resor och aktiviteter"): (40_000, 31_500), ("år 1", "OH-kostnader 15 %"): (108_000, 103_425),
    ("år 2", "Personal"): (640_000, 655_000), ("år 2", "Lokaler"): (62_000, 62_000),
    ("år 2", "Resor och aktiviteter"): (40_000, 44_200), ("år 2", "OH-kostnader 15 %"): (111_300, 114_180),
}


@pytest.mark.parametrize("first, second", [
    ("Projektår 1", "Projektår 2"),
    ("Läsår 2024/25", "Läsår 2025/26"),
    ("2024/25", "2025/26"),
    ("Projektår 1 (2024/25)", "Projektår 2 (2025/26)"),
    ("År 1 ht24-vt25", "År 2 ht25-vt26"),
    ("Projektår 1 (sep 2024–aug 2025)", "Projektår 2 (sep 2025–aug 2026)"),
])
def test_a_follow_up_per_project_or_school_year_with_its_overhead_line_is_read_per_project_year(
        tmp_path, first, second):
    project = et.load_project(_lasar(tmp_path, first, second))
    assert _lines(project) == EXPECTED_LINES
    # the overhead line is an amount like any other; the Summa row and Totalt columns agreed with the lines
    # (1 681 300 kr budget and 1 668 305 kr utfall: 828 000 + 853 300 and 792 925 + 875 380)
    assert float(project.budget["budget"].sum()) == 1_681_300 and float(project.budget["actual"].sum()) == 1_668_305
    keys = [w.key for w in project.warnings]
    assert "budget.wide_parts" not in keys  # (a school year is no part of a calendar year)
    if first != "Projektår 1":
        note = next(w for w in project.warnings if w.key == "budget.school_year_read")
        assert note.note("sv").endswith("läsår 2024/25 som år 1 (2024-09-01 – 2025-08-31); "
                                        "läsår 2025/26 som år 2 (2025-09-01 – 2026-08-31)")
        assert "school year 2024/25 as year 1" in note.note("en")
    else:
        assert "budget.school_year_read" not in keys


def test_goals_per_school_year_are_counted_per_project_year_from_september(tmp_path):
    table = assess_goals(et.load_project(_lasar(tmp_path))).table
    counts = table[table["goal_id"] == "antal"].set_index("period_key")["value"]
    # L01-L24 started September-December 2024 (year 1: 2024-09-01 - 2025-08-31), L25-L44 in autumn 2025
    assert counts.to_dict() == {"år1": 24, "år2": 20}
    share = table[table["goal_id"] == "arbete"].set_index("period_key")
    # year 1, index 0-23 by index % 5 in (0, 1, 3): 0,1,3,5,6,8,10,11,13,15,16,18,20,21,23 = 15 of 24;
    # year 2, index 24-43: 25,26,28,30,31,33,35,36,38,40,41,43 = 12 of 20
    assert (share.loc["år1", "numerator"], share.loc["år1", "denominator"]) == (15, 24)
    assert (share.loc["år2", "numerator"], share.loc["år2", "denominator"]) == (12, 20)


def test_school_years_in_a_project_counted_from_january_are_refused_naming_the_column(tmp_path):
    goals = LASAR_GOALS.replace("per läsår", "per projektår").replace("varje läsår", "varje projektår")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_lasar(tmp_path, "Läsår 2024/25", "Läsår 2025/26", start="2024-01-15", goals=goals))
    refused = [p for p in e.value.problems if p.key == "budget.school_year_no_project_year"]
    assert [p.column for p in refused] == ["Läsår 2024/25 Budget", "Läsår 2025/26 Budget"]
    assert "projektets start 2024-01-15" in refused[0].note("sv") and "Budget år 1" in refused[0].note("sv")
    # one message per column, not one more per line for its period
    assert not [p for p in e.value.problems if p.key.startswith("budget.period")]


def test_a_project_year_beside_another_school_year_is_refused(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_lasar(tmp_path, "Projektår 1 (2023/24)", "Projektår 2 (2024/25)"))
    notes = [p.note("sv") for p in e.value.problems]
    assert len(notes) == 2, notes
    assert "projektår 1 är läsåret 2023/24, men projektår 1 löper 2024-09-01 – 2025-08-31" in notes[0]


def test_a_school_year_beside_the_same_project_year_is_refused_as_counted_twice(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_lasar(tmp_path, "Läsår 2024/25", "Projektår 1"))
    twice = [p for p in e.value.problems if p.key == "budget.school_year_twice"]
    assert len(twice) == 1 and "båda år 1" in twice[0].note("sv")


def test_a_school_year_written_in_a_budget_per_row_gets_the_project_year_to_write(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_text("period;category;budget;actual\nLäsår 2025/26;Personal;640000;655000\n",
                                              encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_lasar(tmp_path, budget="data/budget.csv"))
    (p,) = [p for p in e.value.problems if p.column == "period"]
    assert "skriv år 2" in p.note("sv")  # (not "skriv 2025": the school year 2025/26 is project year 2)


def test_a_goal_per_school_year_is_refused_where_project_years_are_no_school_years(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_params(_lasar(tmp_path, start="2024-01-15"))
    assert "'per läsår'" in str(e.value.in_lang("sv")) and "2024-01-15" in str(e.value.in_lang("sv"))
    cal = LASAR_GOALS.replace("    target: 20\n", "    target: 20\n    period: calendar_year\n")
    with pytest.raises(ParamsError) as e:
        et.load_params(_lasar(tmp_path, goals=cal))
    assert "skriv period: project_year" in str(e.value.in_lang("sv"))


# --- goal words an application uses: more than a number, a year before the project, a count of a trait --------
def _one_goal(tmp_path, kind: str, label: str, target: str):
    return _vagen(tmp_path, f"  - id: g\n    kind: {kind}\n    label: {label}\n    target: {target}\n"
                            "    period: project_year\n")


@pytest.mark.parametrize("kind, label, target, fix", [
    ("participant_count", "Fler än 25 personer per år ska skrivas in", "25", "target: 26"),
    ("outcome_count", "Mer än 10 deltagare per år ska gå till arbete", "10", "target: 11"),
    ("participant_count", "More than 25 participants per year", "25", "target: 26"),
])
def test_a_count_more_than_a_number_whose_target_is_that_number_is_refused(tmp_path, kind, label, target, fix):
    # 25 enrolled would reach a target of 25, and the application asks for more than 25
    with pytest.raises(ParamsError) as e:
        et.load_params(_one_goal(tmp_path, kind, label, target))
    assert fix in str(e.value.in_lang("sv"))


@pytest.mark.parametrize("kind, label, target", [
    ("participant_count", "Fler än 25 personer per år ska skrivas in", "26"),   # the target the words ask
    ("participant_count", "Minst 10 deltagare per år, fler än året innan", "10"),  # no number passed
    ("share", "Ökad andel till arbete jämfört med 2023 (28 %)", "0.28"),      # the level of 2023 stated
    ("participant_count", "Minst 25 unga per år", "25"),                       # a youth project's target group
    ("participant_count", "Minst 40 deltagare 16–29 år per år", "40"),
])
def test_goal_words_that_say_what_the_target_is_are_read_as_written(tmp_path, kind, label, target):
    assert et.load_params(_one_goal(tmp_path, kind, label, target)).goals[0].label == label


@pytest.mark.parametrize("kind, label, target", [
    ("share", "Ökad andel som går till arbete jämfört med 2023", "0.3"),
    ("outcome_count", "Fler till arbete än 2023", "12"),
    ("share", "A larger share in work compared with 2023", "0.3"),
])
def test_a_goal_against_a_year_before_the_project_without_its_level_is_refused(tmp_path, kind, label, target):
    # the participant file holds no 2023: "uppnått" against 0.3 would say nothing of an increase since 2023
    with pytest.raises(ParamsError) as e:
        et.load_params(_one_goal(tmp_path, kind, label, target))
    text = str(e.value.in_lang("sv"))
    assert "2023" in text and "kind: context" in text and "target: 0.28" in text


@pytest.mark.parametrize("label, words", [
    ("Minst 10 deltagare över 50 år per år", "10 deltagare över 50 år"),
    ("Totalt 90 deltagare, varav 36 kvinnor", "36 kvinnor"),
])
def test_a_count_of_participants_with_a_trait_counted_as_every_enrolment_is_refused(tmp_path, label, words):
    with pytest.raises(ParamsError) as e:
        et.load_params(_one_goal(tmp_path, "participant_count", label, "10"))
    text = str(e.value.in_lang("sv"))
    assert f"'{words}'" in text and "numerator: sex med sex: [kvinna]" in text and "age_from: 50" in text


def test_a_count_of_one_sex_counted_as_every_enrolment_is_refused(tmp_path):
    # (a women's project says so once, target_population: {sex: kvinna}; a goal for some of them says among:)
    with pytest.raises(ParamsError) as e:
        et.load_params(_one_goal(tmp_path, "participant_count", "Minst 15 kvinnor per år", "15"))
    text = str(e.value.in_lang("sv"))
    assert "'15 kvinnor'" in text and "target_population: {sex: kvinna}" in text and "among: {sex: kvinna}" in text


def test_a_count_in_a_calendar_year_is_no_trait(tmp_path):
    # "under 2024" is a year, not an age
    p = _vagen(tmp_path, "  - id: g\n    kind: participant_count\n    label: Minst 20 deltagare under 2024\n"
                         "    target: 20\n    period: calendar_year\n")
    assert et.load_params(p).goals[0].numerator == "outcome"
