"""Thirty-ninth sweep of projects unlike the samples, from files made on Windows. A step-to-work project for persons
with activity compensation in daily activity (daglig verksamhet, LSS), whose participant list a case system (Treserva)
exported as Excel's "Unicode text" (UTF-16, tabs) or as "CSV UTF-8" with a byte-order mark: a title and a date line
above the headings, written without a separator (the whole file was read as one column, and its headings said to be on
none of its rows), the headings repeated at the top of the second page and a line "Sida 1 av 2" under each page (each
cell of them a message), sex written "K"/"M", ids "P-0012", a handläggare's initials in a column of its own. Its goals
as the application words them: an extent of work at exit or its growth ("ökat sin sysselsättningsgrad till minst 50
%", "arbeta minst 10 timmar i veckan", "öka antalet timmar i arbetsträning"), refused with the participant file's
extent columns named, never said to be missing from it, and a move to a step of the step model ("gått från daglig
verksamhet till arbetsträning"), refused as a step short of an outcome, rather than judged as exits to the default
outcomes. And a project counted in project years from 1 September, with a questionnaire at start and at exit, whose
goal words name one project year ("under projektår 1") while it is counted every year: refused with the ``targets:``
line to write, never judged in year 2 against year 1's target. Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import evaltools as et
from evaltools.analysis.goals import assess_goals
from evaltools.analysis.survey import goal_counts

from .conftest import params_refusal

# --- a case system's export, page by page ----------------------------------------------------------------------
HEAD = ["Deltagar-ID", "Kön", "Födelseår", "Hushållstyp", "Inskrivningsdatum", "Utskrivningsdatum", "Avslutsorsak",
        "Ersättning vid start", "Handläggare", "Sysselsättningsgrad start", "Sysselsättningsgrad avslut"]
PAGE_1 = [
    ["P-0001", "K", "1998", "ensamstående", "2024-03-05", "2024-12-20", "arbete_med_stöd", "sjuk_aktivitetsersättning",
     "AB", "25", "50"],
    ["P-0002", "M", "2000", "ensamstående", "2024-03-12 00:00:00", "2025-01-31 00:00:00", "studier",
     "sjuk_aktivitetsersättning", "AB", "0", "25"],
    ["P-0003", "K", "1995", "ensamstående", "2024-04-02", "", "", "sjuk_aktivitetsersättning", "CD", "25", ""],
    ["P-0004", "M", "1990", "ensamstående", "2024-04-15", "2025-02-28", "sjuk_aktivitetsersättning",
     "sjuk_aktivitetsersättning", "CD", "50", "50"],
    ["P-0005", "K", "2001", "ensamstående", "2024-05-06 00:00:00", "2025-03-14 00:00:00", "arbete",
     "sjuk_aktivitetsersättning", "EF", "25", "75"],
]
PAGE_2 = [
    ["P-0006", "M", "1997", "ensamstående", "2024-09-02", "2025-05-30", "arbete_med_stöd", "sjuk_aktivitetsersättning",
     "EF", "0", "50"],
    ["P-0007", "K", "1999", "ensamstående", "2024-10-07", "", "", "sjuk_aktivitetsersättning", "AB", "25", ""],
]
COLUMNS = ("{'Deltagar-ID': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushållstyp': household_type, "
           "'Inskrivningsdatum': start_date, 'Utskrivningsdatum': end_date, 'Avslutsorsak': outcome, "
           "'Ersättning vid start': support_start, 'Sysselsättningsgrad start': extent_before_pct, "
           "'Sysselsättningsgrad avslut': extent_after_pct}")
STEGET = """\
id: steget
kind: individ
title: Steget
forbund: Samordningsförbundet Mittland
owner: Norrby kommun, LSS-enheten
period: {{start: 2024-03-01, planned_end: 2025-12-31}}
data_as_of: 2025-06-30
granted_sek: 1800000
data:
  participants: data/{file}
  columns: {columns}
  codes: {{sex: {{K: kvinna, M: man}}}}
goals:
  - id: g
    kind: {kind}
    label: {label}
    target: {target}
    period: whole_period
    denominator: exits
"""


def _export(path: Path, sep: str, encoding: str, pages: tuple[list[list[str]], ...] = (PAGE_1, PAGE_2)) -> Path:
    """The list as Treserva's report writes it, page by page: a title and a date line above the headings (no
    separator in them), each page its headings, rows, an empty line and "Sida n av m"; CRLF line ends. The file's
    rows: 1 title, 2 date, 3 empty, 4 headings, 5-9 page 1, 10 empty, 11 "Sida 1 av 2", 12 headings, 13-14 page 2,
    15 empty, 16 "Sida 2 av 2"."""
    lines = ["Treserva – Deltagarlista Steget", "Utskriven 2025-06-30 av AB", ""]
    for n, rows in enumerate(pages, 1):
        lines += [sep.join(HEAD), *(sep.join(r) for r in rows), "", f"Sida {n} av {len(pages)}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _steget(tmp_path, file: str = "deltagare.txt", kind: str = "share", target: str = "0.3",
            label: str = "Minst 30 % av de avslutade ska gå vidare till anställning med stöd") -> Path:
    p = tmp_path / "steget.yaml"
    p.write_text(STEGET.format(file=file, columns=COLUMNS, kind=kind, label=label, target=target)
                 + "    success_outcomes: [arbete_med_stöd]\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("name", "sep", "encoding"), [
    ("deltagare.txt", "\t", "utf-16"),       # Excel's "Unicode text": UTF-16 LE with its byte-order mark, tabs
    ("deltagare.csv", ";", "utf-8-sig"),    # "CSV UTF-8": a byte-order mark, semicolons
])
def test_a_case_systems_export_page_by_page_is_read_as_its_rows(tmp_path, name, sep, encoding):
    """The title line (no separator in it) no longer decides the separator: the headings on row 4 are found, the
    page breaks (rows 11, 12 and 16) are left out with one note naming them, and the seven persons are read."""
    _export(tmp_path / "data" / name, sep, encoding)
    project = et.load_project(_steget(tmp_path, name))
    df = project.participants
    assert sorted(df["person_id"]) == [f"P-000{i}" for i in range(1, 8)]
    # K on rows 5, 7, 9 and 14 (P-0001, -0003, -0005, -0007), M on the others
    assert sorted(df.loc[df["sex"] == "kvinna", "person_id"]) == ["P-0001", "P-0003", "P-0005", "P-0007"]
    # a case system's '2024-03-12 00:00:00' is the day
    assert df.set_index("person_id").loc["P-0002", "start_date"] == pd_day("2024-03-12")
    assert "Handläggare" not in df.columns  # (the initials are never read)
    pages = [n for n in project.notices if n.key == "rows.page_breaks"]
    assert len(pages) == 1
    said = pages[0].text("sv")
    assert "raderna 11, 12, 16 är sidbrytningar" in said
    assert "'Sida 1 av 2', 'Deltagar-ID', 'Sida 2 av 2'" in said
    assert "rows 11, 12, 16 are the page breaks" in pages[0].text("en")
    # no cell of the page breaks gets a message of its own
    assert not [w for w in project.warnings if w.row in (11, 12, 16)]


def pd_day(text: str):
    import pandas as pd  # (only the dates compared need it)
    return pd.Timestamp(text)


def test_a_row_like_the_headings_with_a_cell_of_its_own_is_a_row_of_data(tmp_path):
    """Only a row whose every filled cell is the heading above it repeats the headings: one with a person's id in the
    id column ('P-0006' under 'Deltagar-ID', the other cells as the headings) is read, and checked, as a person."""
    rows = [*PAGE_1, ["P-0006", *HEAD[1:]]]
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16", pages=(rows,))
    from evaltools.data.errors import DataValidationError  # (the refusal is the test's point)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_steget(tmp_path))
    # row 10 (the sixth row under the headings on row 4): its sex 'Kön' is no code
    assert (10, "Kön") in {(p.row, p.column) for p in e.value.problems}


# --- goals on an extent of work, and on a step of the step model ------------------------------------------------
@pytest.mark.parametrize(("label", "words"), [
    ("Minst 40 % av deltagarna ska ha ökat sin sysselsättningsgrad till minst 50 %", "sysselsättningsgrad"),
    ("Minst 40 % ska arbeta minst 10 timmar i veckan vid avslut", "timmar i veckan"),
    ("Minst 40 % ska ha ökat antalet timmar i arbetsträning", "antalet timmar"),
    ("Minst 40 % ska ha en sysselsättningsgrad på minst 50 % vid avslut", "sysselsättningsgrad"),
    ("Minst 40 % ska vara sysselsatta minst halvtid vid avslut", "sysselsatta minst"),
    ("Minst 40 % ska gå upp till 75 % sysselsättning", "75 % sysselsättning"),
])
def test_a_goal_on_an_extent_of_work_names_the_files_extent_columns(tmp_path, label, words):
    """Counted as exits to its outcomes every exit to arbete_med_stöd would be an extent reached (2 of 5 exits, P-0001
    and P-0006, while the file's own columns say 3 of 5 raised it to 50 % or more: P-0001, P-0005 and P-0006; P-0004
    stayed at 50): refused, naming extent_before_pct and extent_after_pct, never saying the file does not hold it."""
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16")
    said = params_refusal(_steget(tmp_path, label=label, target="0.4"))
    assert f"talar om '{words}'" in said
    assert "extent_before_pct och extent_after_pct" in said and "kind: qualitative" in said
    assert "som inte säger om" not in said
    english = params_refusal(_steget(tmp_path, label=label, target="0.4"), "en")
    assert "extent_before_pct and extent_after_pct" in english


def test_a_move_to_a_step_of_the_step_model_is_no_outcome(tmp_path):
    """"gått från daglig verksamhet till arbetsträning" is a step short of an outcome: refused as one, not judged as
    the exits to the default outcomes; a move to an outcome ("från praktik till arbete") is read as written."""
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16")
    said = params_refusal(_steget(tmp_path, label="Minst 40 % ska ha gått från daglig verksamhet till arbetsträning",
                                  target="0.4"))
    assert "gått från daglig verksamhet till arbetsträning" in said
    ok = et.load_params(_steget(tmp_path, label="Minst 40 % ska gå från praktik till arbete med stöd", target="0.4"))
    assert ok.goals[0].target == 0.4


# --- project years from 1 September, a questionnaire at start and at exit -----------------------------------------
def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# id, start, end, outcome: project year 1 is 2024-09-01 – 2025-08-31, year 2 from 2025-09-01
PERSONS = [
    ("B01", "2024-09-09", "2025-02-28", "arbete"), ("B02", "2024-09-16", "2025-03-31", "studier"),
    ("B03", "2024-09-23", "2025-04-30", "arbete"), ("B04", "2024-10-07", "2025-05-30", "avbrott"),
    ("B05", "2024-10-14", "2025-06-13", "kvar_försörjningsstöd"), ("B06", "2024-11-04", "2025-06-27", "arbete"),
    ("B07", "2024-11-18", "2025-08-29", "studier"), ("B08", "2024-12-02", "2025-08-15", "sjukpenning"),
    ("B09", "2025-01-13", "2025-09-12", "arbete"), ("B10", "2025-02-03", "2025-10-10", "arbete"),
    ("B11", "2025-03-03", "", ""), ("B12", "2025-08-25", "", ""), ("B13", "2025-09-08", "2025-10-24", "studier"),
    ("B14", "2025-09-15", "", ""), ("B15", "2025-10-06", "", ""), ("B16", "2025-09-22", "2025-10-17", "avbrott"),
    ("B17", "2025-09-29", "2025-10-20", "avbrott"),
]
# health rated 1-5 at start and at exit; B04 (ended, avbrott) has no exit answer, B08 no start answer, B10 'vet ej'
AT_START = {"B01": 2, "B02": 3, "B03": 2, "B04": 3, "B05": 2, "B06": 1, "B07": 2, "B09": 2, "B10": 3, "B11": 2,
            "B12": 3, "B13": 2, "B14": 2}
AT_EXIT = {"B01": 4, "B02": 3, "B03": 3, "B05": 2, "B06": 3, "B07": 4, "B08": 2, "B09": 4, "B10": "vet ej", "B13": 3}
SLUSSEN = """\
id: slussen
kind: individ
title: Hälsoslussen
forbund: Samordningsförbundet Mittland
owner: Norrby kommun
period: {{start: 2024-09-01, planned_end: {end}}}
data_as_of: 2025-10-31
privacy: {{min_count: 2}}
data:
  participants: data/deltagare.xlsx
  responses: data/svar.csv
  questions: data/fragor.csv
  columns: {{'Löpnummer': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Hushållstyp': household_type,
            'Startdatum': start_date, 'Slutdatum': end_date, 'Utfall': outcome}}
goals:
  - id: vidare
    kind: share
    label: {label}
    target: 0.5
    period: project_year
    denominator: exits
    success_outcomes: [arbete, studier]
  - id: hälsa
    kind: survey
    measure: change
    label: Minst 60 % ska skatta sin hälsa högre vid avslut än vid start
    question: H1
    target: 0.6
"""


def _slussen(tmp_path, label: str = "Minst 50 % av de avslutade ska gå vidare till arbete eller studier, per projektår",
             end: str = "2026-08-31") -> Path:
    """The coordinator's workbook (Swedish headings, date cells, a start typed as text, a filter, a frozen pane, a
    comment, two empty rows under the list) and the answers saved by Swedish Excel (Windows-1252, semicolons)."""
    import openpyxl  # (only the Excel-made files need it)
    from openpyxl.comments import Comment  # (only the Excel-made files need it)
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Löpnummer", "Kön", "Födelseår", "Hushållstyp", "Startdatum", "Slutdatum", "Utfall"])
    for i, (pid, start, end_, outcome) in enumerate(PERSONS):
        begun = start if pid == "B04" else dt.datetime.fromisoformat(start)  # (B04's start typed as text)
        ws.append([pid, "kvinna" if i % 2 == 0 else "man", str(1980 + i), "ensamstående", begun,
                   dt.datetime.fromisoformat(end_) if end_ else None, outcome or None])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws["G4"].comment = Comment("Kontrollera med handläggaren", "UV")
    ws.auto_filter.ref = f"A1:G{ws.max_row}"
    ws.freeze_panes = "A2"
    ws.append([])
    ws.append([])
    wb.save(data / "deltagare.xlsx")
    days = {pid: (start, end_) for pid, start, end_, _ in PERSONS}
    lines = ["respondent_id;respondent_group;date;question;answer"]
    lines += [f"{k};deltagare_start;{days[k][0]};H1;{v}" for k, v in AT_START.items()]
    lines += [f"{k};deltagare_avslut;{days[k][1]};H1;{v}" for k, v in AT_EXIT.items()]
    (data / "svar.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    (data / "fragor.csv").write_bytes(("code;wording_sv;scale_min;scale_max;labels_sv\r\n"
                                       "H1;Hur skattar du din hälsa just nu?;1;5;Mycket dålig|Dålig|Någorlunda|Bra|"
                                       "Mycket bra\r\n").encode("cp1252"))
    p = tmp_path / "slussen.yaml"
    p.write_text(SLUSSEN.format(label=label, end=end), encoding="utf-8")
    return p


@pytest.mark.parametrize(("count_by", "expected"), [
    # by intake (the default): year 1's intake B01-B12, of whom B01-B10 ended, 7 to work or studies (B01, B02, B03,
    # B06, B07, B09, B10); year 2's intake B13-B17, of whom B13, B16 and B17 ended, B13 to studies
    ("", [(7, 10), (1, 3)]),
    # by exit: B01-B08 ended in year 1 (2024-09-01 – 2025-08-31), 5 to work or studies (B01, B02, B03, B06, B07); in
    # year 2 so far B09, B10, B13, B16, B17, three of them (B09, B10, B13). By calendar year every exit is 2025's
    ("    count_by: exit\n", [(5, 8), (3, 5)]),
])
def test_a_goal_per_project_year_from_september_counts_each_years_exits(tmp_path, count_by, expected):
    p = _slussen(tmp_path)
    p.write_text(p.read_text(encoding="utf-8").replace("    success_outcomes: [arbete, studier]\n",
                                                       "    success_outcomes: [arbete, studier]\n" + count_by),
                 encoding="utf-8")
    table = assess_goals(et.load_project(p)).table
    rows = table[table["goal_id"] == "vidare"].sort_values("period_first")
    assert [(r.numerator, r.denominator) for r in rows.itertuples()] == expected
    assert [str(r.period_first)[:10] for r in rows.itertuples()] == ["2024-09-01", "2025-09-01"]


def test_a_change_goal_counts_pairs_and_those_who_lack_one_answer(tmp_path):
    """Pairs on the scale: B01 2→4, B02 3→3, B03 2→3, B05 2→2, B06 1→3, B07 2→4, B09 2→4, B13 2→3: 6 better of 8.
    Answered both times: those 8 and B10 ('vet ej' at exit) = 9, of the 13 who ended (asked both times, fewer than the
    17 asked at start): B04 (no exit answer), B08 (no start answer), B16 and B17 (neither) lack an answer."""
    project = et.load_project(_slussen(tmp_path))
    goal = next(g for g in project.params.goals if g.id == "hälsa")
    counts = goal_counts(project, goal)
    assert (counts.successes, counts.denominator) == (6, 8)
    assert (counts.respondents, counts.invited, counts.dont_know) == (9, 13, 1)


@pytest.mark.parametrize("label", [
    "Minst 50 % av de avslutade ska gå vidare till arbete eller studier under projektår 1",
    "Minst 50 % av de avslutade ska gå vidare till arbete eller studier under det första projektåret",
])
def test_a_goal_whose_words_name_one_project_year_is_not_judged_in_the_others(tmp_path, label):
    """Counted with period: project_year, year 2 (3 of 3) would be judged against the 50 % the application set for
    year 1 alone: refused with the targets line to write, year 2's '?'."""
    said = params_refusal(_slussen(tmp_path, label))
    assert "sätter sitt mål för år 1" in said and "så också år 2 skulle bedömas mot 0.5" in said
    assert "targets: {1: 0.5, 2: ?}" in said
    english = params_refusal(_slussen(tmp_path, label), "en")
    assert "sets its target for year 1" in english and "targets: {1: 0.5, 2: ?}" in english


def test_a_goal_naming_the_projects_only_year_is_read_as_written(tmp_path):
    """A project of one project year (2024-09-01 – 2025-08-31) has no other year to judge: read as written."""
    params = et.load_params(_slussen(tmp_path, "Minst 50 % av de avslutade ska gå vidare till arbete eller studier "
                                               "under projektår 1", end="2025-08-31"))
    assert params.goals[0].target == 0.5


@pytest.mark.parametrize("heading", ["Löpnummer", "Deltagar-ID", "Respondent"])
def test_the_respondents_ids_under_a_heading_of_their_own_are_no_column_left_unread(tmp_path, heading):
    """The answers kept under the participants' löpnummer in a column headed as the coordinator heads it: left unread,
    no answer had an id, so the change goal found no pairs and said 0 answered both times of the 13 asked. Refused
    with the heading to write, in one message for the column."""
    from .conftest import load_problems  # (the refusal is the test's point)
    p = _slussen(tmp_path)
    answers = tmp_path / "data" / "svar.csv"
    answers.write_bytes(answers.read_bytes().replace(b"respondent_id;", heading.encode("cp1252") + b";", 1))
    problems = load_problems(p)
    assert [(Path(q.file).name, q.column) for q in problems] == [("svar.csv", "respondent_id")]
    said = problems[0].text("sv")
    assert f"kolumnen '{heading}' läses inte" in said and "skriv rubriken 'respondent_id'" in said


def test_a_sex_column_written_k_and_m_throughout_gets_the_codes_line_to_write_once(tmp_path):
    """Without data.codes, the seven cells 'K' and 'M' are each refused (the first five shown, rows 13 and 14 after),
    and the column gets one message with the line that reads every export: {sex: {'K': kvinna, 'M': man}}."""
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16")
    p = _steget(tmp_path)
    p.write_text(p.read_text(encoding="utf-8").replace("  codes: {sex: {K: kvinna, M: man}}\n", ""), encoding="utf-8")
    from .conftest import load_problems  # (the refusal is the test's point)
    problems = load_problems(p)
    column = [q for q in problems if q.key == "column.free_text_codes"]
    assert len(column) == 1
    assert "data: codes: {sex: {'K': kvinna, 'M': man}}" in column[0].text("sv")


def test_one_slip_among_codes_is_answered_cell_by_cell(tmp_path):
    """Two texts that are no codes among codes ('K' on row 5 and 'M' on row 6, 'kvinna' and 'man' elsewhere) are slips:
    no line for data.codes."""
    rows = [list(r) for r in PAGE_1]
    for r in rows[2:]:
        r[1] = {"K": "kvinna", "M": "man"}[r[1]]
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16", pages=(rows,))
    p = _steget(tmp_path)
    p.write_text(p.read_text(encoding="utf-8").replace("  codes: {sex: {K: kvinna, M: man}}\n", ""), encoding="utf-8")
    from .conftest import load_problems  # (the refusal is the test's point)
    problems = load_problems(p)
    assert sorted((q.row, q.value) for q in problems if q.column == "Kön") == [(5, "K"), (6, "M")]
    assert not [q for q in problems if q.key == "column.free_text_codes"]


def test_a_payments_export_page_by_page_is_read_as_its_rows(tiny_project):
    """The tiny project's payments (P1 9 000 kr in 2022-01 and 8 500,50 in 2022-02, P2 12 000 in 2022-02) exported as
    Unicode text in two pages: a title, the headings again on row 6 and 'Sida 1 av 2', 'Sida 2 av 2' under each page
    (rows 5 and 9) are left out with one note; the amounts are 29 500,50 kr in all."""
    lines = ["Utbetalningar ekonomiskt bistånd", "person_id\tmonth\tamount", "P1\t2022-01\t9000", "P1\t2022-02\t8 500,50",
             "Sida 1 av 2", "person_id\tmonth\tamount", "P2\t2022-02\t12000", "", "Sida 2 av 2"]
    (tiny_project.dir / "data" / "payments.txt").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    project = et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n"
                                                      "  payments: data/payments.txt\n"))
    assert float(project.payments["amount"].sum()) == pytest.approx(29500.5)
    pages = [n for n in project.notices if n.key == "rows.page_breaks"]
    assert len(pages) == 1 and "raderna 5, 6, 9 är sidbrytningar" in pages[0].text("sv")


def test_an_id_alone_on_its_row_is_no_pages_line(tmp_path):
    """A row with only an id that begins like a page's word ('SID12', row 10) is a person whose other cells are empty:
    read, and refused for them, never left out as a page break."""
    rows = [*PAGE_1, ["SID12", *[""] * (len(HEAD) - 1)]]
    _export(tmp_path / "data" / "deltagare.txt", "\t", "utf-16", pages=(rows,))
    from .conftest import load_problems  # (the refusal is the test's point)
    problems = load_problems(_steget(tmp_path))
    assert (10, "Kön") in {(p.row, p.column) for p in problems}
