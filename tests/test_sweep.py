"""The rest of the hostile-input sweep: no person's value in a data-quality note, reports never
written over the input, Excel sheets and payment scales read as meant, and every oversized,
malformed or invisible input refused with a message instead of a traceback. Each test reproduces
a case that once got through."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from evaltools.data import schema as S
from evaltools.data.errors import DataValidationError, ParamsError
from evaltools.data.params import load_params
from evaltools.data.project import load_project
from evaltools.data.reading import read_table
from evaltools.publish import cli, render

from .conftest import SAMPLE_PROJECTS, participants_frame, write_csv

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# columns whose cell, quoted in a note, would tell something about one person
PERSONAL = (S.PERSON_ID, S.HOUSEHOLD_ID, S.START_DATE, S.END_DATE, S.MONTH, S.BIRTH_YEAR, S.AGE, S.AMOUNT)


# two persons' payments, P2's written in tkr with a decimal comma (10,24 meant 10 240 kr; written with three
# decimals, 10,242, or with a point, 10.242, it is refused naming the cell, since it may be 10 242 or 10,242)
SCALED_PAYMENTS = [
    {"person_id": "P1", "month": "2022-01", "amount": 9000},
    {"person_id": "P1", "month": "2022-02", "amount": 8700},
    {"person_id": "P2", "month": "2022-03", "amount": "10,24"},
    {"person_id": "P2", "month": "2022-04", "amount": "9,82"},
]


def _row_cells(file: str, row: int) -> list[str]:
    """The personal cells of one row of a data file, as written in the file."""
    path = Path(file.split(" [")[0])
    raw = read_table(path, [S.PERSON_ID, S.START_DATE])
    at = list(raw.file_rows).index(row)
    return [str(raw.frame[c].iloc[at]) for c in raw.frame.columns if c in PERSONAL and raw.frame[c].iloc[at]]


def _params_dates(params) -> set[str]:
    """Dates the params file gives (period, last intake, extraction): a note may name these."""
    p = params.period
    found = {p.start, p.planned_end, p.end, params.as_of, params.last_intake, params.data_as_of}
    return {d.isoformat() for d in found if d is not None}


# --- 1. no person-level value in a note ----------------------------------------------------------
@pytest.mark.parametrize("pid", SAMPLE_PROJECTS)
def test_no_note_in_a_sample_quotes_a_persons_cell(pid):
    """nasta-steg's note read "inskriven '2024-11-12', efter sista intagsdatum": one person's date."""
    project = load_project(pid)
    allowed = _params_dates(project.params)
    for w in project.warnings:
        for lang in ("sv", "en"):
            note = w.note(lang)
            assert set(ISO_DATE.findall(note)) <= allowed, (w.code, note)
            if w.row is not None:
                for cell in _row_cells(w.file, w.row):
                    if len(cell) >= 4:
                        assert cell not in note, (w.code, lang)


def test_the_notes_a_tiny_project_triggers_name_rows_not_values(tiny_project):
    """Every person-level note: after the last intake, an end after the analysis date, a payment to
    an unknown id, payments on another scale. None may carry the person's date, id or amount."""
    d = tiny_project.dir / "data"
    write_csv(d / "payments.csv", [
        *SCALED_PAYMENTS,
        {"person_id": "P77", "month": "2022-04", "amount": 6100},
    ])
    project = load_project(tiny_project("last_intake: 2022-12-31\ndata_as_of: 2023-04-30\n"))
    codes = {w.code for w in project.warnings}
    assert {"after_last_intake", "late_end", "unknown_person", "person_scale"} <= codes
    persons = participants_frame()
    personal = {*persons["start_date"], *persons["end_date"], *map(str, persons["birth_year"]), "P77", "10.24",
                "10,24", "9.82", "9,82", "6100", "6 100"} - {""}
    for w in project.warnings:
        for lang in ("sv", "en"):
            text = w.text(lang)
            assert not [v for v in personal if v in text], (w.code, text)


# --- 2. outputs never over inputs ----------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("where", ["data", ".", "data/sub"])
def test_a_reports_folder_over_the_input_is_refused_and_the_input_survives(where, tiny_project, capsys):
    """``evaltools render rt --reports-dir data`` replaced data/rt/ with the report."""
    params = tiny_project()
    root = tiny_project.dir
    before = _snapshot(root)
    out = (root / where).resolve()
    with pytest.raises(SystemExit) as e:
        cli.main(["render", str(params), "--reports-dir", str(out), "--formats", "html", "--cold-kernels", "--quiet"])
    assert e.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--reports-dir" in err and "Traceback" not in err
    res = render.render_project(params, out, formats=("html",))
    assert not res.ok and "reports folder" in res.error
    with pytest.raises(render.ReportError):
        render.render_many([params], out, formats=("html",), progress=False, warm=False)
    assert _snapshot(root) == before, "nothing was written, nothing replaced"


def test_the_project_folders_data_and_params_are_never_a_reports_folder(tmp_path, monkeypatch):
    from evaltools.data.paths import reports_dir_problem
    monkeypatch.setenv("EVALTOOLS_ROOT", str(tmp_path))
    for name in ("data", "params"):
        (tmp_path / name).mkdir()
        assert reports_dir_problem(tmp_path / name)
        assert reports_dir_problem(tmp_path / name / "x")
    assert reports_dir_problem(tmp_path)  # holds both
    assert reports_dir_problem(tmp_path / "reports") is None
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "data")  # a link into the data is the data
    assert reports_dir_problem(link)


# --- 3. Excel: hidden sheets, and amounts on another scale -----------------------------------------
def _workbook(path: Path, sheets: list[tuple[str, pd.DataFrame, bool]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, frame, hidden in sheets:
        ws = wb.create_sheet(title)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([None if v == "" else v for v in row])
        if hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def test_a_hidden_first_sheet_is_not_read_and_the_note_says_which_was(tiny_project):
    """A workbook whose hidden first sheet held old data was read: 49 participants instead of 265."""
    old = participants_frame()[:1]
    _workbook(tiny_project.dir / "data" / "deltagare.xlsx",
              [("gammal", old, True), ("aktuell", participants_frame(), False)])
    block = "data:\n  participants: data/deltagare.xlsx\n  budget: data/budget.csv\n"
    project = load_project(tiny_project(data_block=block))
    assert len(project.participants) == 4
    (note,) = [w for w in project.warnings if w.code == "first_sheet_hidden"]
    assert "'gammal'" in note.text("sv") and "'aktuell'" in note.text("en")
    named = load_project(tiny_project(data_block=block.replace("budget.csv\n", "budget.csv\n  excel_sheet: gammal\n")))
    assert len(named.participants) == 1, "a hidden sheet named in the params is read"


def test_a_hidden_sheet_named_after_the_table_is_not_read(tiny_project):
    _workbook(tiny_project.dir / "data" / "deltagare.xlsx",
              [("data", participants_frame(), False), ("participants", participants_frame()[:2], True)])
    block = "data:\n  participants: data/deltagare.xlsx\n"
    project = load_project(tiny_project(data_block=block))
    assert len(project.participants) == 4
    assert not [w for w in project.warnings if w.code == "first_sheet_hidden"]


def test_one_persons_payments_a_thousandth_of_the_others_are_a_note_with_rows(tiny_project):
    """10,24 (ten thousand, written in tkr) was read as 10,24 kr, unnoticed."""
    d = tiny_project.dir / "data"
    write_csv(d / "payments.csv", [
        *SCALED_PAYMENTS,
        {"person_id": "P3", "month": "2022-07", "amount": 7900},
    ])
    project = load_project(tiny_project())
    (note,) = [w for w in project.warnings if w.code == "person_scale"]
    assert note.column == S.AMOUNT and note.row == 4
    assert "4, 5" in note.text("sv") and "4, 5" in note.text("en")


def test_ordinary_differences_between_persons_are_no_note(tiny_project):
    d = tiny_project.dir / "data"
    write_csv(d / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 14000},
        {"person_id": "P2", "month": "2022-03", "amount": 350},  # a small top-up: 40 times less, not 1 000
        {"person_id": "P3", "month": "2022-07", "amount": 7900},
    ])
    project = load_project(tiny_project())
    assert not [w for w in project.warnings if w.code == "person_scale"]


# --- 4. bounded and typed ---------------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["x" * 200_000, '"unclosed quote, then the rest of the file' + "\nP9,x" * 40_000])
def test_an_overlong_csv_cell_is_refused_naming_the_row(cell, tiny_project):
    d = tiny_project.dir / "data"
    text = (d / "participants.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines.insert(3, "P5,kvinna,1980,ensamstående,2022-02-01,," + cell)
    (d / "participants.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        load_project(tiny_project())
    (p,) = e.value.problems
    assert p.file.endswith("participants.csv") and p.row == 4
    assert "131 072" in e.value.message("sv") and "131 072" in e.value.message("en")


@pytest.mark.parametrize("nested", ["extra: " + "[" * 20_000 + "]" * 20_000,
                                    "".join(" " * i + f"k{i}:\n" for i in range(200))])
def test_a_deeply_nested_params_file_is_refused_with_a_message(nested, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\ntitle: T\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
                    + nested + "\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        load_params(path)
    assert "32 levels" in e.value.message("en") and "32 nivåer" in e.value.message("sv")


@pytest.mark.parametrize("field", ["title", "owner", "description"])
def test_a_control_character_in_a_params_text_is_refused_at_validate(field, tiny_project, capsys):
    """A BEL in the title passed validate and killed render in openpyxl."""
    params = tiny_project()
    text = params.read_text(encoding="utf-8")
    text = (text.replace("title: Litet testprojekt", 'title: "Litet\\a testprojekt"') if field == "title"
            else text.replace("owner: Testkommun", 'owner: "Test\\akommun"') if field == "owner"
            else text + 'description: "Rad ett\\nrad\\x07 två"\n')
    params.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    assert f"{field}: " in e.value.message("en") and "U+0007" in e.value.message("sv")
    assert cli.main(["validate", str(params)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "U+0007" in err and "Traceback" not in err and "\a" not in err


def test_a_control_character_in_a_data_cell_is_refused_naming_row_and_column(tiny_project):
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön\x07", "budget": 100000, "actual": 90000},
        {"period": "2022", "category": "Övrigt", "budget": 20000, "actual": 25000},
    ])
    with pytest.raises(DataValidationError) as e:
        load_project(tiny_project())
    (p,) = e.value.problems
    assert (p.row, p.column) == (2, "category") and "U+0007" in p.text("sv") and "\x07" not in str(e.value)


def test_direction_changing_characters_are_removed_from_titles(tiny_project):
    """A right-to-left override in a title reached index.html unchanged."""
    params = tiny_project("title_en: \"abc\\u202Edcba\"\n")
    params.write_text(params.read_text(encoding="utf-8").replace(
        "title: Litet testprojekt", 'title: "Litet \\u202Etestprojekt\\u2066"'), encoding="utf-8")
    prm = load_params(params)
    assert prm.title == "Litet testprojekt" and prm.display_title("en") == "abcdcba"


def test_the_what_if_functions_check_their_arguments_as_the_params_file_does(tiny_project):
    from evaltools.data.arguments import MAX_GRID_CELLS
    from evaltools.present import whatif
    project = load_project(tiny_project())
    with pytest.raises(ParamsError) as e:
        whatif.evaluate(project, deadweight="0.5; import os")
    # the params file's own words for a value that is not a number
    assert "deadweight: står '0.5; import os'; förväntat ett tal" in e.value.message("sv")
    assert "deadweight: got '0.5; import os'; expected a number" in e.value.message("en")
    with pytest.raises(ParamsError) as e:
        whatif.grid(project, "deadweight", [i / 1000 for i in range(1000)], "horizon_years", range(1, 200))
    assert "1000 × 199" in str(e.value) and str(MAX_GRID_CELLS) in str(e.value)
    with pytest.raises(ParamsError):
        whatif.grid(project, "deadweight", (0.25, "x"), "horizon_years", (3,))


@pytest.mark.parametrize("lang", ["../../x", "de", 3])
def test_load_project_and_what_if_check_their_language(lang, tiny_project):
    from evaltools.present import whatif
    with pytest.raises(ParamsError) as e:
        load_project(tiny_project(), lang=lang)
    assert "lang: " in str(e.value) and "sv, en" in str(e.value)
    project = load_project(tiny_project())
    for call in (lambda: whatif.evaluate(project, lang=lang), lambda: whatif.grid(project, lang=lang)):
        with pytest.raises(ParamsError) as e:
            call()
        assert "lang: " in str(e.value)


def test_a_sheet_named_like_a_personnummer_is_never_quoted(tiny_project):
    _workbook(tiny_project.dir / "data" / "deltagare.xlsx",
              [("811218-9876", participants_frame()[:1], True), ("aktuell", participants_frame(), False)])
    project = load_project(tiny_project(data_block="data:\n  participants: data/deltagare.xlsx\n"))
    (note,) = [w for w in project.warnings if w.code == "first_sheet_hidden"]
    assert "9876" not in note.text("sv") and "9876" not in note.text("en")


def test_with_params_refuses_a_value_that_is_no_number(tiny_project):
    project = load_project(tiny_project())
    with pytest.raises(ParamsError) as e:
        project.with_params(cost_benefit={"deadweight": "0.5; import os"})
    assert "förväntat ett tal" in str(e.value)


def test_the_notes_are_worded_in_both_catalogs():
    from evaltools.data.messages import message
    for key, values in (("payment.person_scale", {"rows": "4, 5"}),
                        ("sheet.first_hidden", {"hidden": "'a'", "read": "'b'"}),
                        ("csv.field_too_long", {"row": 4, "limit": "131 072"}),
                        ("cell.control", {"code": "U+0007"}),
                        ("params.control", {"place": "title", "code": "U+0007"}),
                        ("params.grid_size", {"rows": 1, "columns": 2, "limit": 3})):
        sv, en = message(key, "sv", **values), message(key, "en", **values)
        assert sv != en and "{" not in sv + en


def test_the_reports_data_quality_table_shows_rows_not_values(tiny_project):
    """The appendix's table: no person's date or amount, and no 'nan' or 'None' for a note about a
    whole file."""
    import evaltools as et
    d = tiny_project.dir / "data"
    write_csv(d / "payments.csv", [
        *SCALED_PAYMENTS,
    ])
    _workbook(d / "deltagare.xlsx", [("gammal", participants_frame()[:1], True), ("aktuell", participants_frame(), False)])
    block = "data:\n  participants: data/deltagare.xlsx\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
    table = et.Report(load_project(tiny_project("last_intake: 2022-12-31\n", data_block=block))).quality_table()
    shown = table.to_string()
    for value in ("2023-01-10", "10.24", "10,24", "9.82", "9,82", "nan", "None"):
        assert value not in shown, value
    scale = table[table["Kolumn"] == "amount"].iloc[0]
    assert scale["Värde"] == "(visas inte)" and scale["Rad"] == "4"
    assert (table[table["Kolumn"] == "–"]["Rad"] == "–").all()


def test_a_control_character_in_a_wording_file_is_refused_by_key(tmp_path):
    from evaltools.words.text import TextError, load_overrides
    path = tmp_path / "p.sv.yaml"
    path.write_text('summary: {heading: "Sammanfattning\\a"}\n', encoding="utf-8")
    with pytest.raises(TextError) as e:
        load_overrides(path, "sv")
    assert "summary.heading" in str(e.value) and "U+0007" in str(e.value) and "\a" not in str(e.value)


def test_a_control_character_in_the_evaluators_text_is_refused_by_line(tmp_path):
    from evaltools.present.narrative import NarrativeError, read
    path = tmp_path / "p.sv.md"
    path.write_text("## Bedömning\n\nProjektet nådde\x1b[31m sina mål.\n", encoding="utf-8")
    with pytest.raises(NarrativeError) as e:
        read(path, "sv")
    assert "rad 3" in str(e.value) and "U+001B" in str(e.value) and "\x1b" not in str(e.value)
