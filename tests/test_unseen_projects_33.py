"""Thirty-third sweep of projects unlike the samples. An application (``kind: ansökan``) for persons aged 60–64 on
försörjningsstöd has no participant file and so no ages: its target group's age is written in the params file
(``expected.age_group``), and each expected leaver's saving ends at the age of äldreförsörjningsstöd by the rule a
finished project's leavers follow (the group's middle, as for an age group in a participants file), with the age's
row in the assumptions table; a 25–40 group changes nothing. From files made in Excel: a project whose participants
are employed by the municipality for a year as a step (arbetsmarknadsanställning), its budget follow-up kept a row per
quarter ("2024 kv 1", "jan–mar 2024") with a "Summa" row after each quarter, a grand total and a note under it, its
participant list with a count and a note under it; and a project whose board changed its goals after a mid-term
review, its participants exported with a row of units under the headings. Each fixture is a tiny project written in
tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.words.labels import note_text

from .conftest import load_problems, params_refusal, write_csv

# --- an application's target group by age ---------------------------------------------------------------------
# The application runs through 2026; it expects 2 persons a year to leave försörjningsstöd (the period is 364 days,
# 0,997 years: 2 expected leavers), at a fixed 10 000 kr a month in the price year, with no deadweight, no drop-off
# and, in the first tests, no discounting, over a horizon of 5 years (60 months).
# A target group of 60–64 is taken as 62 and a half when each leaves. From 2026 the age of äldreförsörjningsstöd is
# 67 (Prop. 2021/22:181): 67 − 62,5 = 4,5 years = 54 months after the exit (66, the age of 2023–2025, would come 42
# months after an exit in 2026, in 2029 or 2030, when the age is 67: too young). So each leaver saves 54 months,
# not 60: 2 × 54 × 10 000 = 1 080 000 kr, against 2 × 60 × 10 000 = 1 200 000 kr for a group far from it.
APPLICATION = """\
    id: seniorlyftet
    kind: ansökan
    title: Seniorlyftet – prövning av ansökan
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2026-01-01, planned_end: 2026-12-31}
    granted_sek: 300000
    data: {budget: data/budget.csv}
    expected:
      participants_per_year: 10
      successes_per_year: 2
    %s
    goals:
      - id: arbete
        kind: outcome_count
        label: Minst 2 personer per år till arbete
        target: 2
        period: project_year
        count_by: exit
        success_outcomes: [arbete]
    cost_benefit:
      price_year: 2026
      cost_basis: budget
      monthly_level: {method: fixed, amount_sek: 10000, amount_year: 2026, source: "ansökan"}
      horizon_years: 5
      horizon_range: [1, 5]
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: %s
      skattefaktor: 1
    """
LEVEL = 10_000.0
COST = 300_000.0


def _application(tmp_path: Path, group: str | None, rate: float = 0.0) -> Path:
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2026", "category": "Personal", "budget": COST}])
    line = f"  age_group: '{group}'" if group is not None else ""
    path = tmp_path / "seniorlyftet.yaml"
    path.write_text(textwrap.dedent(APPLICATION) % (line, rate), encoding="utf-8")
    return path


def _benefit(params: Path, perspective: str = "kommun") -> float:
    r = et.cost_benefit(et.load_project(params), monte_carlo=False)
    return float(r.table.set_index("perspective").loc[perspective, "pv_benefit"])


def test_an_application_for_60_to_64_year_olds_saves_until_the_age_of_aldreforsorjningsstod(tmp_path):
    assert _benefit(_application(tmp_path / "a", "60–64")) == pytest.approx(2 * 54 * LEVEL)  # 1 080 000
    assert _benefit(_application(tmp_path / "b", None)) == pytest.approx(2 * 60 * LEVEL)  # 1 200 000


def test_a_group_of_25_to_40_changes_nothing_and_has_no_row(tmp_path):
    # the middle, 33 years, is 34 years from 67: far beyond the longest horizon tested (5 years)
    with_group = et.cost_benefit(et.load_project(_application(tmp_path / "a", "25-40")), monte_carlo=False)
    without = et.cost_benefit(et.load_project(_application(tmp_path / "b", None)), monte_carlo=False)
    assert with_group.table.set_index("perspective").loc["kommun", "pv_benefit"] == pytest.approx(2 * 60 * LEVEL)
    assert with_group.table["npv"].tolist() == pytest.approx(without.table["npv"].tolist(), nan_ok=True)
    assert "pension_age" not in set(with_group.assumptions["name"])


def test_with_discounting_the_saving_is_the_annuity_over_the_months_to_the_age(tmp_path):
    # both leavers keep 54 months of the horizon's 60, each discounted from their own exit month: the ratio of the
    # two savings is that of the annuities Σ_{m<54} v^m / Σ_{m<60} v^m = (1 − v^54) / (1 − v^60), v = 1,035^(−1/12)
    v = 1.035 ** (-1 / 12)
    ratio = (1 - v ** 54) / (1 - v ** 60)
    cut = _benefit(_application(tmp_path / "a", "60–64", 0.035))
    whole = _benefit(_application(tmp_path / "b", None, 0.035))
    assert cut / whole == pytest.approx(ratio, rel=1e-12)
    assert 0.9 < ratio < 0.91  # (above 54 / 60: the months cut are the last, the most discounted)


def test_the_horizon_tested_at_one_year_is_not_cut(tmp_path):
    r = et.cost_benefit(et.load_project(_application(tmp_path, "60–64")), monte_carlo=False)
    row = r.sensitivity.set_index("parameter").loc["horizon_years"]
    assert row["npv_low"] == pytest.approx(2 * 12 * LEVEL - COST)  # 12 months of 54: the whole year
    assert row["npv_high"] == pytest.approx(2 * 54 * LEVEL - COST)


def test_the_assumptions_table_lists_the_age_with_the_target_group(tmp_path):
    r = et.cost_benefit(et.load_project(_application(tmp_path, "60-64 år")), monte_carlo=False)
    row = r.assumptions.set_index("name").loc["pension_age"]
    assert row["value"] == 67  # (in force when the 5 years after the last exit end, in 2031)
    sv, en = note_text(row["source"], "sv"), note_text(row["source"], "en")
    assert "2 av de 2 som ansökan räknar med ska lämna försörjningsstödet når den inom 5 år efter avslutet" in sv
    assert "ansökans målgrupp är 60–64 år: var och en antas vara mitt i gruppen, 62,5 år" in sv
    assert "riktåldern 67 år från 2026" in sv
    assert "the application's target group is 60–64: each is taken to be in the middle of the group, 62.5" in en
    # the method appendix states the rule, as for a finished project whose leavers reach the age
    from evaltools.present.sections import method  # (the words of the appendix, read from the report)
    text = " ".join(method.paragraphs(et.Report(_application(tmp_path, "60-64 år"))))
    assert "lägsta åldern för äldreförsörjningsstöd betalar staten hens stöd" in text


@pytest.mark.parametrize("written", ["62", "äldre", "'sextio till sextiofyra'"])
def test_an_age_group_that_is_no_group_is_refused_with_what_to_write(tmp_path, written):
    path = _application(tmp_path, None)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  successes_per_year: 2\n", f"  successes_per_year: 2\n  age_group: {written}\n"), encoding="utf-8")
    text = params_refusal(path)
    assert "expected, age_group: står " in text
    assert "som inte är någon åldersgrupp" in text and "'60–64'" in text
    assert "which is no age group; write the target group's age" in params_refusal(path, "en")


# --- Jobbsteget: municipal employment as a step (arbetsmarknadsanställning), files made in Excel --------------------
# Long-term recipients of försörjningsstöd are employed by the municipality for a year as a step towards work; the
# municipality pays their wages, which its budget follow-up lists as its co-financing. The follow-up is kept a row per
# quarter and cost line, with a "Summa" row after each quarter, a grand total "Totalt | Summa" and a note under it; the
# participant list has a count under it ("Antal deltagare" beside =ANTALV) and a coordinator's note in column A.
JOBBSTEGET = """\
id: jobbsteget
kind: individ
title: Jobbsteget
forbund: Samordningsförbundet Västra Mälardalen
owner: Köpings kommun, Arbetsmarknadsenheten
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-02-10
granted_sek: 1800000
data:
  participants: data/Deltagare Jobbsteget.xlsx
  budget: data/Budgetuppföljning Jobbsteget.xlsx
  columns: {'Löpnr': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushåll': household_type,
            'Inskriven': start_date, 'Utskriven': end_date, 'Avslutsorsak': outcome}
  codes:
    outcome: {'Tillbaka till försörjningsstöd': kvar_försörjningsstöd}
goals:
  - id: arbete
    kind: share
    label: Minst 50 % av de avslutade ska gå till arbete eller studier
    target: 0.5
    denominator: exits
    success_outcomes: [arbete, studier]
"""
# (period, category, funder, budget, utfall): a supervisor's wage from the förbund, the participants' wages from
# the municipality; the quarter's utfall of the wages is the employment-months that quarter × 26 000 kr
QUARTERS = [("2024 kv 1", 210000, 205400, 182000, 104000), ("2024 kv 2", 210000, 205400, 182000, 234000),
            ("2024 kv 3", 210000, 205400, 182000, 156000), ("2024 kv 4", 210000, 205400, 182000, 260000),
            ("2025 kv 1", 210000, 205400, 182000, 286000), ("2025 kv 2", 210000, 205400, 182000, 208000),
            ("2025 kv 3", 210000, 205400, 182000, 182000), ("2025 kv 4", 210000, 205400, 182000, 130000)]


def _quarterly_budget(path: Path, quarters=QUARTERS, total: bool = True, note: bool = True,
                      wrong_sum: str | None = None) -> Path:
    """The follow-up as a förbund's economist keeps it in Excel: a title, an empty row, the headings; per quarter its
    two lines and a 'Summa' row (the wages of 2024 kv 2 typed as text with a space between the thousands); the grand
    total; three empty rows and a note in column A."""
    import openpyxl  # (only the Excel-made projects need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Uppföljning"
    ws.append(["Budgetuppföljning Jobbsteget 2024–2025 (kr)"])
    ws.append([])
    ws.append(["period", "category", "funder", "budget", "actual"])
    grand = [0, 0]
    for q, b1, u1, b2, u2 in quarters:
        ws.append([q, "Lön handledare 1,5 åa", "förbund", b1, u1])
        ws.append([q, "Lön deltagare (arbetsmarknadsanställning)", "kommun",
                   f"{b2:,}".replace(",", " ") if q == "2024 kv 2" else b2, u2])
        stated = b1 + b2 + (1000 if q == wrong_sum else 0)
        ws.append([q, "Summa", None, stated, None if u1 is None else u1 + (u2 or 0)])
        grand[0] += b1 + b2
        grand[1] += (u1 or 0) + (u2 or 0)
    if total:
        ws.append(["Totalt", "Summa", None, grand[0], grand[1]])
    if note:
        for _ in range(3):
            ws.append([])
        ws.append(["Lönekostnad deltagare = anställningsmånader × 26 000 kr inkl. PO"])
    wb.save(path)
    return path


# (Löpnr, Kön, Födelseår, Hushåll, Inskriven, Utskriven, Avslutsorsak)
JOBB_ROWS = [("JS-01", "Man", 1985, "Ensamstående", "2024-02-05", "2025-03-14", "arbete"),
             ("JS-02", "Kvinna", "1979", "Ensamstående", "2024-02-05", "2025-03-31", "arbete"),
             ("JS-03", "Man", 1992, "Ensamstående", "2024-02-19", "2025-04-30", "studier"),
             ("JS-04", "Kvinna", 1988, "Ensamstående", "2024-03-04", "2025-04-30", "Tillbaka till försörjningsstöd"),
             ("JS-05", "Man", "1970 ", "Ensamstående", "2024-03-04", "2024-07-15", "avbrott"),
             ("JS-06", "Kvinna", 1995, "Ensamstående", "2024-04-08", "2025-05-31", "arbete")]


def _jobb_participants(path: Path, rows=JOBB_ROWS, count: bool = False, note: bool = True) -> Path:
    """The participant list as the coordinator keeps it: a title row, Swedish headings, dates as date cells (one typed
    as text), birth years partly as text; under it, empty rows, optionally 'Antal deltagare' with its count beside it
    (the value Excel saved with =ANTALV), and a note in column A."""
    import datetime as dt  # (only the Excel-made projects need it)

    import openpyxl  # (only the Excel-made projects need it)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Jobbsteget – deltagare med arbetsmarknadsanställning, utdrag 2026-02-10"])
    ws.append(["Löpnr", "Kön", "Födelseår", "Hushåll", "Inskriven", "Utskriven", "Avslutsorsak", "Kommentar"])
    for pid, sex, born, household, start, end, outcome in rows:
        start_cell = start if pid == "JS-06" else dt.datetime.fromisoformat(start)
        ws.append([pid, sex, born, household, start_cell, dt.datetime.fromisoformat(end), outcome, ""])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws.append([])
    ws.append([])
    if count:
        ws.append(["Antal deltagare", None, None, None, None, None, len(rows)])
    if note:
        ws.append(["OBS! JS-05 avbröt anställningen efter tre månader och skrevs ut i juli 2024."])
    for _ in range(3):
        ws.append([])
    wb.save(path)
    return path


def _jobbsteget(tmp_path: Path, **budget) -> Path:
    _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx")
    _quarterly_budget(tmp_path / "data" / "Budgetuppföljning Jobbsteget.xlsx", **budget)
    path = tmp_path / "jobbsteget.yaml"
    path.write_text(JOBBSTEGET, encoding="utf-8")
    return path


def test_a_budget_follow_up_kept_a_row_per_quarter_is_read_per_year(tmp_path):
    project = et.load_project(_jobbsteget(tmp_path))
    b = project.budget.set_index([project.budget["period"].astype(str), "category"])
    wages, supervisor = "Lön deltagare (arbetsmarknadsanställning)", "Lön handledare 1,5 åa"
    # 2024: the supervisor 4 × 210 000 = 840 000 budgeted, 4 × 205 400 = 821 600 spent; the wages 4 × 182 000 =
    # 728 000 budgeted, 104 000 + 234 000 + 156 000 + 260 000 = 754 000 spent; 2025: 286 000 + 208 000 + 182 000 +
    # 130 000 = 806 000
    assert (b.loc[("2024", supervisor), "budget"], b.loc[("2024", supervisor), "actual"]) == (840_000, 821_600)
    assert (b.loc[("2024", wages), "budget"], b.loc[("2024", wages), "actual"]) == (728_000, 754_000)
    assert b.loc[("2025", wages), "actual"] == 806_000
    assert len(project.budget) == 4  # (two lines a year: each line's quarters added up, the Summa rows checked)
    assert b.loc[("2024", wages), "funder"] == "kommun"
    notes = " ".join(p.note("sv") for p in project.warnings)
    assert "budgeten har rader för delar av år (2024 Kv1, 2024 Kv2, 2024 Kv3, 2024 Kv4, 2025 Kv1" in notes
    assert "en anteckning under tabellen ('Lönekostnad deltagare = anställningsmånader" in " ".join(
        p.note("sv") for p in project.notices)  # (a note for the evaluator, never the report's)


def test_a_quarters_total_is_checked_against_that_quarters_lines(tmp_path):
    problems = load_problems(_jobbsteget(tmp_path, wrong_sum="2024 kv 3"))
    assert len(problems) == 1
    p = problems[0]
    # the Summa row of 2024 kv 3 is row 12 of the sheet (title, empty row, headings, then three rows a quarter)
    assert (p.row, p.column) == (12, "budget")
    assert "393 000" in p.note("sv") and "392 000" in p.note("sv") and "2024 Kv3" in p.note("sv")


def test_a_quarter_without_utfall_leaves_its_years_utfall_empty(tmp_path):
    # the last quarter's utfall not yet booked: the sum of three quarters is no year's utfall, so 2025 counts at budget
    quarters = [*QUARTERS[:-1], ("2025 kv 4", 210000, None, 182000, None)]
    project = et.load_project(_jobbsteget(tmp_path, quarters=quarters, total=False))
    b = project.budget[project.budget["period"].astype(str) == "2025"]
    assert b["actual"].isna().all() and b["budget"].sum() == 4 * 392_000
    notes = " ".join(p.note("sv") for p in project.warnings)
    assert "utfallet för 2025 har lämnats tomt" in notes


def test_a_year_written_whole_beside_its_quarters_is_refused(tmp_path):
    quarters = [("2024", 840000, 821600, 728000, 754000), *QUARTERS[4:]]
    quarters = [*quarters, ("2024 kv 4", 210000, 205400, 182000, 260000)]
    problems = load_problems(_jobbsteget(tmp_path, quarters=quarters, total=False))
    mixed = [p for p in problems if p.key == "budget.period_parts_mixed"]
    assert len(mixed) == 1
    assert mixed[0].row == 4 + 3 * 5  # (the first line of 2024 kv 4, after 2024 and the four quarters of 2025)
    assert "'2024'" in mixed[0].note("sv") and "2024 Kv4" in mixed[0].note("sv")


def test_a_count_under_the_participant_list_is_one_message_and_no_code(tmp_path):
    _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx", count=True)
    _quarterly_budget(tmp_path / "data" / "Budgetuppföljning Jobbsteget.xlsx")
    path = tmp_path / "jobbsteget.yaml"
    # three texts that are no codes, so that the column's data.codes line is offered: the count is not among them
    path.write_text(JOBBSTEGET.replace("  codes:\n    outcome: {'Tillbaka till försörjningsstöd': kvar_försörjningsstöd}\n",
                                       ""), encoding="utf-8")
    rows = [*JOBB_ROWS[:4], (*JOBB_ROWS[4][:6], "Avbröt"), (*JOBB_ROWS[5][:6], "Fått anställning")]
    _jobb_participants(tmp_path / "data" / "Deltagare Jobbsteget.xlsx", rows=rows, count=True)
    problems = load_problems(path)
    at_count = [p for p in problems if p.row == 11]  # (title, headings, six persons, two empty rows)
    assert [p.key for p in at_count] == ["row.total"]
    assert "'Antal deltagare'" in at_count[0].note("sv")
    codes = next(p for p in problems if p.key == "column.free_text_codes")
    text = codes.note("sv")
    assert "'Tillbaka till försörjningsstöd': kvar_försörjningsstöd" in text and "'6'" not in text
    assert "3 olika texter" in text


def test_a_note_under_the_participant_list_is_not_a_person(tmp_path):
    project = et.load_project(_jobbsteget(tmp_path))
    assert sorted(project.participants["person_id"]) == [f"JS-0{i}" for i in range(1, 7)]
    note = next(p for p in project.notices if p.key == "rows.note_below" and "Deltagare" in p.file)
    assert note.row == 11  # (title, headings, six persons, two empty rows)
    assert "OBS! JS-05 avbröt" in note.note("sv")


# --- Omstart: goals the board changed after a mid-term review; an export with a row of units under its headings ----
OMSTART = """\
id: omstart
kind: individ
title: Omstart Sala
forbund: Samordningsförbundet Sala-Heby
owner: Sala kommun, Individ- och familjeomsorgen
period: {start: 2023-09-01, planned_end: 2026-08-31}
data_as_of: 2026-03-31
data:
  participants: data/export.xlsx
  codes:
    sex: {K: kvinna, M: man}
goals:
  - id: deltagare
    kind: participant_count
    label: Minst 8 deltagare per år (5 från år 3 enligt styrelsebeslut 2025-06-12 § 34 efter halvtidsutvärderingen)
    targets: {1: 8, 2: 8, 3: 5}
%s"""
# (id, sex, birth year, start, end, outcome): 8 persons start in project year 1 (from 2023-09-01), 6 in year 2 and 5 in
# year 3 (from 2025-09-01), which runs on the day the data were taken, 2026-03-31
OMSTART_ROWS = ([(f"OM{i:02d}", "K", 1980 + i, f"2023-{9 + i % 3:02d}-0{1 + i % 5}", "2024-06-30", "arbete")
                 for i in range(1, 9)]
                + [(f"OM{i:02d}", "M", 1980 + i, "2024-10-01", "2025-05-31", "studier") for i in range(9, 15)]
                + [(f"OM{i:02d}", "K", 1980 + i, "2025-10-01", "", "") for i in range(15, 20)])


def _omstart(tmp_path: Path, units: bool = True, source: str = "") -> Path:
    """The participants as the case system exports them to Excel: the contract's headings, then a row of units or
    formats ('(ÅÅÅÅ)', '(ÅÅÅÅ-MM-DD)', '(kod)', 'kr/mån'), then the persons, dates as date cells."""
    import datetime as dt  # (only the Excel-made projects need it)

    import openpyxl  # (only the Excel-made projects need it)
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
               "support_start", "Försörjningsstöd före start"])
    if units:
        ws.append(["(text)", "(K/M)", "(ÅÅÅÅ)", "(kod)", "(ÅÅÅÅ-MM-DD)", "(ÅÅÅÅ-MM-DD)", "(kod)", "(kod)", "kr/mån"])
    for pid, sex, born, start, end, outcome in OMSTART_ROWS:
        ws.append([pid, sex, born, "ensamstående", dt.datetime.fromisoformat(start),
                   dt.datetime.fromisoformat(end) if end else None, outcome or None, "försörjningsstöd", "9 200"])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data" / "export.xlsx")
    path = tmp_path / "omstart.yaml"
    path.write_text(OMSTART % (f"    source: {source}\n" if source else ""), encoding="utf-8")
    return path


def test_a_row_of_units_under_the_headings_is_not_a_person(tmp_path):
    project = et.load_project(_omstart(tmp_path))
    assert len(project.participants) == 19 and project.participants["person_id"].iloc[0] == "OM01"
    note = next(p for p in project.notices if p.key == "rows.units_row")
    assert note.row == 2
    assert "raden under rubrikerna anger enheter eller format ('(text), (K/M), (ÅÅÅÅ), (kod), …')" in note.note("sv")
    # the same file without the row reads the same persons
    assert et.load_project(_omstart(tmp_path / "plain", units=False)).participants["person_id"].tolist() == \
        project.participants["person_id"].tolist()


def test_a_row_with_one_unit_and_data_is_still_read_as_a_person(tmp_path):
    # a row of data whose cells are not all units is checked as any row: the unit written in the birth year is an error
    path = _omstart(tmp_path, units=False)
    import openpyxl  # (only the Excel-made projects need it)
    wb = openpyxl.load_workbook(tmp_path / "data" / "export.xlsx")
    wb.active["C2"] = "(ÅÅÅÅ)"
    wb.save(tmp_path / "data" / "export.xlsx")
    problems = load_problems(path)
    assert [(p.row, p.column) for p in problems] == [(2, "birth_year")]


def test_the_targets_the_board_changed_from_year_3_are_judged_year_by_year(tmp_path):
    goals = et.assess_goals(et.load_project(_omstart(tmp_path))).raw
    rows = goals[goals["goal_id"] == "deltagare"].reset_index(drop=True)
    # year 1: 8 of 8 (reached); year 2: 6 of 8 = 75 %, under the 80 % of a partly reached goal; year 3 runs: 5 so far
    # against the decision's 5, pro-rated for the 212 days of 365 it has run (2025-09-01 to 2026-03-31): 5 × 212/365 =
    # 2,9, rounded 3
    assert rows["value"].tolist() == [8, 6, 5]
    assert rows["target"].tolist() == [8, 8, 5] and rows["target_prorated"].tolist() == [8, 8, 3]
    assert rows["status"].tolist() == ["uppnått", "ej_uppnått", "pågår"]


def test_a_goal_source_written_as_the_boards_decision_is_answered_with_what_to_write(tmp_path):
    text = params_refusal(_omstart(tmp_path, source="styrelsebeslut"))
    assert "mål 1 (id: deltagare), source: står 'styrelsebeslut'" in text
    assert "ta bort raden source (målet räknas då som ansökans)" in text
    assert "styrelsebeslut 2025-06-12 § 34" in text
    assert "delete the source line (the goal is then counted as the application's)" in params_refusal(
        _omstart(tmp_path / "en", source="styrelsebeslut"), "en")
    # a value that is no decision keeps the plain choice
    assert "förväntat ett av: 'ansökan', 'slutrapport', 'utvärderare'" in params_refusal(
        _omstart(tmp_path / "other", source="projektplan"))


@pytest.mark.parametrize("names", [
    ["jan–mar 2024", "apr–jun 2024", "jul–sep 2024", "okt–dec 2024", "januari-mars 2025", "april-juni 2025",
     "juli - september 2025", "oktober–december 2025"],
    ["Kvartal 1 2024", "Kvartal 2 2024", "Kvartal 3 2024", "Kvartal 4 2024", "2025-Q1", "2025-Q2", "Q3 2025", "2025 q4"],
])
def test_quarters_written_as_their_months_or_in_words_are_read_as_quarters(tmp_path, names):
    quarters = [(name, *q[1:]) for name, q in zip(names, QUARTERS, strict=True)]
    project = et.load_project(_jobbsteget(tmp_path, quarters=quarters))
    b = project.budget.set_index([project.budget["period"].astype(str), "category"])
    assert b.loc[("2025", "Lön deltagare (arbetsmarknadsanställning)"), "actual"] == 806_000  # (as counted above)
    assert len(project.budget) == 4


def test_a_quarter_with_a_two_digit_year_is_answered_with_the_whole_year(tmp_path):
    quarters = [(f"Q{k % 4 + 1}-{24 + k // 4}", *q[1:]) for k, q in enumerate(QUARTERS)]
    problems = load_problems(_jobbsteget(tmp_path, quarters=quarters))
    # one message for each of the 16 lines (the Summa rows are checked against their quarter's lines, and agree)
    assert len(problems) == 16 and {p.key for p in problems} == {"budget.period_part_write"}
    assert (problems[0].row, problems[0].column) == (4, "period")
    assert problems[0].note("sv").startswith("står 'Q1-24'; skriv Q1 2024 (en del av ett år skrivs med hela årtalet")
    assert problems[-1].note("en").startswith("got 'Q4-25'; write Q4 2025")


def test_the_participants_wages_are_named_as_what_the_calculation_leaves_out(tmp_path):
    # the municipality's line of the participants' wages (rows 5 and 17, the first quarter of each year) is counted as
    # a cost, while the försörjningsstöd not paid during the employment is not: the report's data-quality notes say so
    project = et.load_project(_jobbsteget(tmp_path))
    [note] = [p for p in project.warnings if p.key == "budget.participant_wages"]
    text = note.note("sv")
    assert text.startswith("kostnadsposten 'Lön deltagare (arbetsmarknadsanställning)' (rader: 5, 17) ser ut att vara "
                           "deltagarnas egna löner")
    assert "Lön handledare" not in text
    assert "så nyttan för kommunen underskattas" in text


def test_a_name_alone_under_the_list_is_no_note_but_a_row_to_check(tmp_path):
    # three words but no sentence: read as a row, whose empty cells are refused (a person whose data are missing is
    # never left out without a word)
    path = _jobbsteget(tmp_path)
    import openpyxl  # (only the Excel-made projects need it)
    wb = openpyxl.load_workbook(tmp_path / "data" / "Deltagare Jobbsteget.xlsx")
    wb.active["A11"] = "JS 07 B"
    wb.save(tmp_path / "data" / "Deltagare Jobbsteget.xlsx")
    problems = load_problems(path)
    assert {p.row for p in problems} == {11} and "Kön" in {p.column for p in problems}  # (the file's heading of sex)
