"""A sex written as case systems write it ('K', 'M', and youth projects' words) gets its code suggested, in the
data.codes line of the first validate and beside a cell: a suggestion to write, never read in the code's place."""
from __future__ import annotations

import re

import pytest

import evaltools as et

from .conftest import load_problems, params_with_files

HEAD = "Deltagar-ID;Kön;Födelseår;Hushållstyp;Inskriven;Utskriven;Avslutsorsak"


def _export(tmp_path, sexes: list[str]):
    rows = [HEAD] + [f"D{i + 1:02d};{sex};1980;Ensamstående;2022-02-01;2022-08-01;Avbrott" for i, sex in enumerate(sexes)]
    (tmp_path / "data").mkdir(exist_ok=True)
    # as Excel saves "CSV (semikolonavgränsad)" on a Swedish Windows: Windows-1252, CR LF
    (tmp_path / "data" / "export.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))


def test_the_first_validate_suggests_kvinna_and_man_for_k_and_m(tmp_path, tiny_project):
    _export(tmp_path, ["K", "M", "K", "M"])
    [p] = load_problems(params_with_files(tiny_project, participants="export.csv"), "en")
    codes = re.search(r"under data: codes: (\{.*\}) – the texts", p.text("en")).group(1)
    assert codes.startswith("{sex: {'K': kvinna, 'M': man}")


@pytest.mark.parametrize("written, code", [("K", "kvinna"), ("m", "man"), ("Tjej", "kvinna"), ("Pojke", "man")])
def test_a_cell_in_the_contracts_sex_column_gets_its_code_suggested_and_is_not_read(tmp_path, tiny_project, written, code):
    rows = ["person_id,sex,birth_year,household_type,start_date,end_date,outcome",
            f"P1,{written},1980,ensamstående,2022-02-01,2022-08-01,arbete",
            "P2,kvinna,1981,ensamstående,2022-03-01,2022-09-01,arbete"]
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "p.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = load_problems(params_with_files(tiny_project, participants="p.csv"), "sv")
    [p] = [p for p in problems if p.column == "sex"]
    assert p.row == 2 and f"menar du '{code}'" in p.text("sv")


def test_with_the_codes_line_written_k_and_m_are_read(tmp_path, tiny_project):
    _export(tmp_path, ["K", "M", "K"])
    params = params_with_files(tiny_project, participants="export.csv")
    params.write_text(params.read_text(encoding="utf-8")
                      + "  columns: {'Deltagar-ID': person_id, 'Kön': sex, 'Födelseår': birth_year, "
                        "'Hushållstyp': household_type, 'Inskriven': start_date, 'Utskriven': end_date, "
                        "'Avslutsorsak': outcome}\n  codes: {sex: {'K': kvinna, 'M': man}}\n", encoding="utf-8")
    project = et.load_project(params)
    assert project.participants["sex"].tolist() == ["kvinna", "man", "kvinna"]
