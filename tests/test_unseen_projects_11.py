"""Eleventh sweep of projects unlike the samples, from files made in Excel on Windows: an interim report of a
running project whose budget follow-up, in the förbund's layout (a column per year, in tkr, with total columns
and a total row), has the current year's utfall so far, with the unit written at the top of the params file
where a person puts what holds for the whole project; and an application checked before it starts, its
budget per year and its expected volumes written as the application words them ("ca 40 per år", "10–15");
a structural project's questionnaire exported from Microsoft Forms to Excel; the title and facts table of a
project still running, which called it an evaluation report and said it had ended "enligt plan"; and a
participant file exported from a case system to a workbook whose first sheet is its instructions. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.present.sections import budget as budget_section
from evaltools.present.sections import facts

from .test_unseen_projects import _params

INTERIM = """\
    kind: individ
    period: {start: 2025-01-01, planned_end: 2026-12-31}
    data_as_of: 2026-10-31
    granted_sek: 2000000
    %s
    goals:
      - id: deltagare
        kind: participant_count
        label: Minst 20 deltagare under projektet
        target: 20
        period: whole_period
    """
DATA = "data: {participants: data/participants.csv, budget: data/budget.xlsx, amount_unit: tkr}"


def _interim(tmp_path, data: str = DATA):
    """12 participants of 2025, 6 of whom left for work on 2025-10-31; a follow-up in tkr whose 2026 utfall is
    January to October's."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "budget"
    ws.append(["Budgetuppföljning (tkr)"])
    ws.append(["Kostnadsslag", "Budget 2025", "Utfall 2025", "Budget 2026", "Utfall 2026", "Budget totalt",
               "Utfall totalt"])
    ws.append(["Personal", 800, 780, 800, 600, 1600, 1380])
    ws.append(["Lokaler", 100, 100, 100, 80, 200, 180])
    ws.append(["Övrigt", 100, 90, 100, 40, 200, 130])
    ws.append(["Summa", 1000, 970, 1000, 720, 2000, 1690])
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/budget.xlsx")
    rows = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"]
    for i in range(1, 13):
        end, outcome = ("2025-10-31", "arbete") if i <= 6 else ("", "")
        rows.append(f"U{i:03d};kvinna;1990;ensamstående;2025-0{1 + i % 8}-01;{end};{outcome}")
    (tmp_path / "data/participants.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8-sig"))
    return et.load_project(_params(tmp_path, INTERIM % data))


def _said(project, lang: str) -> str:
    """Page 1's sentences, with the non-breaking spaces of numbers as plain spaces."""
    return " ".join(et.Report(project, lang=lang).key_findings()).replace("\xa0", " ").replace("\u202f", " ")


# --- an interim report: the running year's utfall so far ------------------------------------------------------
def test_page_one_names_the_running_years_utfall_so_far_beside_its_budget(tmp_path):
    # 2025 is over: utfall 780 + 100 + 90 = 970 tkr of a budget of 1 000 tkr (97 %); 2026 is not over on
    # 2026-10-31: it counts at its budget, 1 000 tkr, of which 600 + 80 + 40 = 720 tkr is spent so far.
    # The cost per participant counts all utfall so far, 970 + 720 = 1 690 tkr, over 12 participants
    # (140 833 kr, said as 140 000 kr), and per person who left försörjningsstöd over 6 (281 667 kr: 280 000 kr).
    project = _interim(tmp_path)
    sv = _said(project, "sv")
    assert ("Projektet beräknas kosta 2 miljoner kronor i löpande priser: utfall 970 000 kr (97 % av budgeten för "
            "samma poster) och budget 1 miljon kronor för perioder som ännu inte är slut, av vilken 720 000 kr har "
            "använts hittills.") in sv
    assert "saknar utfall" not in sv  # (the 2026 lines have utfall so far; only not the year's)
    assert "Utfallet hittills är omkring 140 000 kr per deltagare och 280 000 kr per person" in sv
    en = _said(project, "en")
    assert ("actual costs SEK 970,000 (97% of the budget for the same lines) and the budget of SEK 1 million for "
            "periods not yet over, of which SEK 720,000 has been spent so far.") in en


def test_a_running_year_without_utfall_so_far_keeps_the_sentence_of_lines_without_utfall(tmp_path):
    project = _interim(tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "data/budget.xlsx")
    ws = wb["budget"]
    for row in range(3, 7):  # the 2026 utfall not yet filled in (and the sums of what is)
        ws.cell(row, 5).value = None
        ws.cell(row, 7).value = ws.cell(row, 3).value
    wb.save(tmp_path / "data/budget.xlsx")
    project = et.load_project(project.params.source_path)
    sv = _said(project, "sv")
    assert "och budget 1 miljon kronor för poster som ännu saknar utfall" in sv
    assert "hittills" not in sv.split("Projektet beräknas kosta")[1].split(".")[0]


def test_the_note_on_utfall_so_far_names_the_column_as_the_follow_up_heads_it(tmp_path):
    # the evaluator's file has no column 'actual': the 2026 utfall is under 'Utfall 2026' (600 + 80 + 40 tkr)
    project = _interim(tmp_path)
    [note] = [w for w in project.warnings if w.code == "part_period_actual"]
    assert note.column == "Utfall 2026"
    assert "720 000 kr på 3 rader" in note.note("sv").replace("\xa0", " ")


def test_a_follow_up_in_the_contracts_columns_still_names_actual(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/budget.csv").write_text("period;category;budget;actual\n2025;Personal;1000;970\n"
                                              "2026;Personal;1000;720\n", encoding="utf-8")
    _interim(tmp_path)  # (writes the participants)
    project = et.load_project(_params(tmp_path, INTERIM % DATA.replace("budget.xlsx", "budget.csv")))
    [note] = [w for w in project.warnings if w.code == "part_period_actual"]
    assert note.column == "actual"


@pytest.mark.parametrize("lang, subtotal, lacking", [("sv", "720 000 kr (hittills)", "saknar ännu utfall"),
                                                      ("en", "SEK 720,000 (so far)", "have no actual costs yet")])
def test_the_budget_table_sums_the_running_years_utfall_so_far_and_no_line_is_said_to_lack_utfall(
        tmp_path, lang, subtotal, lacking):
    # the 2026 lines show 600, 80 and 40 tkr (hittills); their subtotal showed '–' beside them, and the note said
    # "3 av 6 poster saknar ännu utfall" above the note on utfall so far
    r = et.Report(_interim(tmp_path), lang=lang)
    [[_, table, _]] = budget_section.blocks(r)
    cells = [[str(c).replace("\xa0", " ") for c in row] for row in table.frame.itertuples(index=False)]
    [year] = [row for row in cells if row[1] in ("Summa 2026", "Total 2026")]
    assert year[2:4] == (["1 000 000 kr", subtotal] if lang == "sv" else ["SEK 1,000,000", subtotal])
    [done] = [row for row in cells if row[1].startswith(("Summa 2025", "Total 2025"))]
    assert done[3] == ("970 000 kr" if lang == "sv" else "SEK 970,000")  # (2025 is over: its utfall as it is)
    notes = " ".join(table.notes)
    assert lacking not in notes
    assert ("Utfallet för 2026 är bara utfallet hittills" if lang == "sv"
            else "The actual costs for 2026 are the actual costs so far") in notes


@pytest.mark.parametrize("line", ["amount_unit: tkr", "amount_unit: {budget: tkr, payments: kr}",
                                  "excel_sheet: budget"])
def test_a_data_setting_written_at_the_top_of_the_params_file_is_told_to_go_under_data(tmp_path, line):
    # the unit is the whole project's to a person, so it is written beside granted_sek; the message said
    # "står 'tkr'; förväntat kr eller tkr", the very value written
    data = "data: {participants: data/participants.csv, budget: data/budget.xlsx}\n    " + line
    with pytest.raises(ParamsError) as e:
        _interim(tmp_path, data)
    key = line.split(":")[0]
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"{key}: hör hemma under data: i params-filen, inte på översta nivån" in sv
    assert "förväntat kr eller tkr" not in sv
    assert f"{key}: belongs under data: in the params file, not at the top level" in en


# --- an application's volumes written as the application words them -----------------------------------------
APPLICATION = """\
    kind: ansökan
    period: {start: 2026-01-01, planned_end: 2027-12-31}
    granted_sek: 2000000
    data: {budget: data/budget.csv}
    expected:
      participants_per_year: %s
      successes_per_year: %s
    goals:
      - id: deltagare
        kind: participant_count
        label: Minst 40 deltagare per år
        target: %s
        period: project_year
    """


def _application(tmp_path, participants="40", successes="12", target="40"):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/budget.csv").write_bytes("period;category;budget\r\nper år;Personal;900 000\r\n"
                                               "per år;Lokaler;100 000\r\n".encode("cp1252"))
    return et.load_project(_params(tmp_path, APPLICATION % (participants, successes, target)))


@pytest.mark.parametrize("written, fixed, kind", [
    ("ca 40", "40", "about"), ("cirka 40 per år", "40", "about"), ("ca. 40 personer per år", "40", "about"),
    ("40 st", "40", "about"), ("40-50", "40", "range"), ("40–50 deltagare per år", "40", "range"),
    ("ca 40 till 50", "40", "range"),
])
def test_an_expected_volume_written_in_words_gets_the_number_to_write(tmp_path, written, fixed, kind):
    with pytest.raises(ParamsError) as e:
        _application(tmp_path, participants=written)
    [line] = [x for x in e.value.message("sv").splitlines() if "participants_per_year" in x]
    if kind == "about":
        assert line.endswith(f"står '{written}'; skriv bara talet: {fixed} (orden kan stå i en kommentar efter #)")
    else:
        assert f"står '{written}'; skriv ett tal: ett spann kan inte räknas med. Det lägre, {fixed}, ger den " \
               "försiktiga kalkylen" in line
    en = e.value.message("en")
    assert (f"write the number alone: {fixed}" if kind == "about" else f"The lower, {fixed}, gives the cautious") in en


def test_a_target_of_about_40_gets_the_number_but_per_year_words_on_a_target_do_not(tmp_path):
    # a goal's target is not per year by its key (the goal's period says that): "ca 40 per år" there is not
    # simply 40, and gets the plain message
    with pytest.raises(ParamsError) as e:
        _application(tmp_path, target="ca 40")
    assert "står 'ca 40'; skriv bara talet: 40" in e.value.message("sv")
    with pytest.raises(ParamsError) as e:
        _application(tmp_path, target="ca 40 per år")
    assert "skriv bara talet" not in e.value.message("sv")


def test_the_application_with_its_volumes_written_as_numbers_is_read(tmp_path):
    # 40 a year over two whole years: 80 participants; 900 000 + 100 000 kr a year for 2 years: 2 000 000 kr, 25 000 kr
    # per participant; 12 leavers a year, 24: 83 333 kr each, said 83 000 kr
    project = _application(tmp_path)
    said = _said(project, "sv")
    assert "Med 80 deltagare och 80 jämförelsepersoner" in said
    # (the leavers are the application's expected ones: "som lämnar", in the present, never "som lämnat")
    assert ("Projektet beräknas kosta 2 miljoner kronor i löpande priser, omkring 25 000 kr per deltagare och 83 000 kr per "
            "person som lämnar försörjningsstödet med ansökans förväntade volymer.") in said
    assert ("about SEK 25,000 per participant and SEK 83,000 per person leaving social assistance, with the application's "
            "expected volumes.") in _said(project, "en").replace("\u00a0", " ")


# --- a questionnaire exported from Microsoft Forms -------------------------------------------------------------
STRUCTURAL = """\
    kind: struktur
    period: {start: 2024-09-01, planned_end: 2025-12-31}
    target_population: {size: 120, description: handläggare hos parterna}
    data: {responses: data/forms.xlsx, questions: data/questions.csv}
    survey: {invited: {personal: 40}}
    goals:
      - id: uppdrag
        kind: survey
        label: Minst 70 % av handläggarna känner till varandras uppdrag
        question: F1
        group: personal
        level: 4
        target: 0.7
    """


@pytest.mark.parametrize("head", [
    ["ID", "Starttid", "Tid för slutförande", "E-post", "Namn"],
    ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
])
def test_a_forms_export_is_named_as_such_with_what_to_write_in_one_message(tmp_path, head):
    # Forms opened in Excel: a row per respondent, the questions as columns after its own five or six; the
    # loader said 'respondent_group', 'date', 'question' and 'answer' were missing, four messages of no help
    wb = openpyxl.Workbook()
    ws = wb.active
    questions = ["Jag känner till de andra parternas uppdrag", "Jag vet vem jag ska kontakta",
                 "Samverkan har blivit bättre", "Övriga synpunkter"]
    ws.append(head + questions)
    for i in range(1, 9):
        ws.append([i, "2025-09-01 10:00", "2025-09-01 10:05", "anonymous", None]
                  + [None] * (len(head) - 5) + ["Instämmer helt", "Varken eller", "Instämmer delvis", ""])
    (tmp_path / "data").mkdir()
    wb.save(tmp_path / "data/forms.xlsx")
    (tmp_path / "data/questions.csv").write_text(
        "code;wording_sv;scale_min;scale_max\nF1;Jag känner till de andra parternas uppdrag;1;5\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, STRUCTURAL))
    [only] = e.value.problems
    sv, en = only.note("sv"), only.note("en")
    assert sv.startswith("filen ser ut som en export från Microsoft Forms: en rad per svarande och en kolumn per "
                         "fråga (4 frågor: 'Jag känner till de andra parternas uppdrag', 'Jag vet vem jag ska "
                         "kontakta', 'Samverkan har blivit bättre' …).")
    assert "en rad per svar, med kolumnerna respondent_group, date, question och answer" in sv
    assert en.startswith("the file looks like an export from Microsoft Forms: a row per respondent and a column "
                         "per question (4 questions:")
    assert "saknas" not in sv


def test_a_responses_file_in_the_contracts_columns_is_not_taken_for_a_forms_export(tmp_path):
    # the contract's columns beside Forms' own (kept from a copy) are the contract's file
    (tmp_path / "data").mkdir()
    (tmp_path / "data/questions.csv").write_text(
        "code;wording_sv;scale_min;scale_max\nF1;Jag känner till de andra parternas uppdrag;1;5\n", encoding="utf-8")
    rows = ["Starttid;Tid för slutförande;respondent_group;date;question;answer"]
    rows += [f"2025-09-0{i} 10:00;2025-09-0{i} 10:05;personal;2025-09-0{i};F1;{4 + i % 2}" for i in range(1, 9)]
    (tmp_path / "data/forms.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = et.load_project(_params(tmp_path, STRUCTURAL.replace("forms.xlsx", "forms.csv")))
    assert len(project.responses) == 8


# --- a running project has not ended "as planned" -----------------------------------------------------------
@pytest.mark.parametrize("as_of, sv, en", [
    ("2026-03-31", "pågick när uppgifterna togs ut 2026-03-31", "still running when the data were taken on 2026-03-31"),
    ("2027-01-31", "enligt plan (inget annat slut angivet)", "as planned (no other end given)"),  # (the period ended 2026-12-31 and the data were taken after it)
])
def test_the_facts_table_says_a_running_project_was_running_not_that_it_ended_as_planned(tmp_path, as_of, sv, en):
    body = f"""\
        kind: struktur
        period: {{start: 2025-01-01, planned_end: 2026-12-31}}
        data_as_of: {as_of}
        target_population: {{size: 120, description: handläggare hos parterna}}
        goals:
          - {{id: rutin, kind: qualitative, label: En gemensam rutin för remisser, assessment: uppnått}}
        """
    project = et.load_project(_params(tmp_path, body))
    for lang, said in (("sv", sv), ("en", en)):
        rows = dict(facts.rows(et.Report(project, lang=lang)))
        assert rows["Faktiskt slut" if lang == "sv" else "Actual end"] == said


def test_the_title_calls_a_running_projects_report_an_interim_report_with_the_datas_day(tmp_path):
    # data taken 2026-10-31, the period runs to 2026-12-31: the board reads an interim report, not the final one
    project = _interim(tmp_path)
    assert "Delrapport, projektet pågår (data till och med 2026-10-31) ·" in et.Report(project, lang="sv").title_html()
    assert ("Interim report: project running, data to 2026-10-31 ·"
            in et.Report(project, lang="en").title_html())
    assert "Utvärderingsrapport" not in et.Report(project, lang="sv").title_html()


def test_the_title_of_a_running_structural_project_and_of_an_ended_one(tmp_path):
    body = """\
        kind: struktur
        period: {start: 2025-01-01, planned_end: 2026-12-31}
        data_as_of: %s
        goals:
          - {id: rutin, kind: qualitative, label: En gemensam rutin för remisser, assessment: uppnått}
        """
    running = et.load_project(_params(tmp_path, body % "2026-03-31"))
    assert ("Delrapport, strukturinriktad insats som pågår (data till och med 2026-03-31) ·"
            in et.Report(running, lang="sv").title_html())
    ended = et.load_project(_params(tmp_path, body % "2027-01-31"))
    assert "Utvärderingsrapport, strukturinriktad insats ·" in et.Report(ended, lang="sv").title_html()


# --- a workbook whose first sheet is its instructions ----------------------------------------------------------
def _instructions_first(tmp_path, data_sheet: str):
    """An export with a sheet of instructions first and the 7 participants on ``data_sheet``."""
    wb = openpyxl.Workbook()
    wb.active.title = "Instruktioner"
    wb.active.append(["Så här fyller du i"])
    wb.active.append(["En rad per deltagare."])
    ws = wb.create_sheet(data_sheet)
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome", None, None])
    for i in range(1, 8):  # ids with leading zeros as text, a date cell and a date written out with its midnight
        ws.append([f"{i:04d}", "kvinna", 1990, "ensamstående", dt.datetime(2024, 3, i), f"2024-09-0{i} 00:00:00",
                   "arbete", None, None])
    (tmp_path / "data").mkdir(exist_ok=True)
    wb.save(tmp_path / "data/export.xlsx")
    return _params(tmp_path, RUNNING_EXPORT)


RUNNING_EXPORT = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data_as_of: 2025-06-30
    data: {participants: data/export.xlsx}
    """


def test_an_instructions_sheet_read_first_gives_one_message_on_where_the_data_are_not_one_per_column(tmp_path):
    # the 7 required columns were each "saknas (kolumner i filen: Så här fyller du i)", the hint on the other
    # sheets last of eight
    with pytest.raises(DataValidationError) as e:
        et.load_project(_instructions_first(tmp_path, "Export"))
    first, second = e.value.problems
    assert first.note("sv") == ("bladet som lästes har ingen av filens kolumner (person_id, sex, birth_year, "
                                "household_type, start_date, end_date, outcome); rubrikerna där: Så här fyller du i")
    assert first.note("en").startswith("the sheet read has none of the file's columns (person_id, sex,")
    assert second.note("sv").startswith("arbetsboken har också bladet 'Export';")
    assert not any("saknas" in p.note("sv") for p in e.value.problems)


def test_the_export_on_a_sheet_named_for_the_file_is_read_with_its_ids_and_dates(tmp_path):
    project = et.load_project(_instructions_first(tmp_path, "Deltagare"))
    assert project.participants["person_id"].tolist()[:2] == ["0001", "0002"]
    assert project.participants["end_date"].astype(str).tolist()[:2] == ["2024-09-01", "2024-09-02"]
