"""A workbook whose data sit on a sheet the loader does not take for the file: the message names the
workbook's other sheets and the names it would take."""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError


def _params(tmp_path, data: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text("id: blad\ntitle: Blad\nforbund: F\nowner: K\nkind: individ\n"
                    "period: {start: 2023-01-01, planned_end: 2024-12-31}\n" + data, encoding="utf-8")
    return str(path)


def _workbook(path, sheets: dict[str, list[list]]):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


PEOPLE = [["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"],
          ["U001", "kvinna", 1990, "ensamstående", "2023-02-01", "2023-09-01", "arbete"]]


@pytest.mark.parametrize("first", [[["Projektets deltagare, se nästa blad"]], [["Namn på blad"], ["a"], ["b"]]])
def test_data_on_a_sheet_of_another_name_gets_the_other_sheets_and_the_names_read(tmp_path, first):
    # the first sheet holds a line of text (no data rows) or a column of words (no wanted column)
    _workbook(tmp_path / "d.xlsx", {"Info": first, "Data 2023": PEOPLE})
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, "data: {participants: d.xlsx}\n"))
    [said] = [p for p in e.value.problems if p.key == "sheet.others_one"]  # (one other sheet: 'bladet', not 'bladen')
    assert said.file.endswith("d.xlsx [Info]")
    assert "också bladet 'Data 2023';" in said.note("sv") and "'participants' / 'Deltagare'" in said.note("sv")
    assert "data.excel_sheet" in said.note("sv")
    assert "also has the sheet 'Data 2023';" in said.note("en") and "'participants' / 'Deltagare'" in said.note("en")


def test_the_sheet_named_for_the_file_is_read_and_a_one_sheet_workbook_gets_no_word_of_sheets(tmp_path):
    _workbook(tmp_path / "d.xlsx", {"Info": [["x"]], "Deltagare": PEOPLE})
    project = et.load_project(_params(tmp_path, "data: {participants: d.xlsx}\n"))
    assert project.participants["person_id"].tolist() == ["U001"]
    _workbook(tmp_path / "e.xlsx", {"Blad1": [["Namn"], ["a"]]})
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, "data: {participants: e.xlsx}\n"))
    keys = {p.key for p in e.value.problems}
    assert "column.no_heading_row_persons" in keys and not keys & {"sheet.others", "sheet.others_one"}


def test_a_first_sheet_that_holds_the_data_loads_beside_other_sheets(tmp_path):
    # the data on the first sheet of another name, a sheet of notes beside it: read, nothing said of sheets
    _workbook(tmp_path / "d.xlsx", {"Blad1": PEOPLE, "Anteckningar": [["Inskrivna 2023"]]})
    project = et.load_project(_params(tmp_path, "data: {participants: d.xlsx}\n"))
    assert project.participants["person_id"].tolist() == ["U001"]
