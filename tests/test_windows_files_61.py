"""The files and folders of an evaluator on a Windows laptop: a report folder that takes no file (read-only,
a full disk, a folder locked by a program that holds a file open), Windows paths in a params file read on
another system. Each folder is written by hand; expected names and messages follow from what was written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaltools.data.errors import ReportError
from evaltools.publish import render


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def _locked(monkeypatch, final: Path, refused) -> None:
    """The folder ``final`` cannot be renamed (a file in it open, on Windows), and no file ``refused(name)`` names
    can be written in it, under its own name or another (read-only, the disk full)."""
    rename, replace = Path.rename, os.replace

    def locked_rename(self, target):
        if Path(self) == final:
            raise PermissionError(13, "Permission denied", str(self))
        return rename(self, target)

    def locked_replace(src, dst):
        if Path(dst).parent == final and refused(Path(dst).name):
            raise PermissionError(13, "Permission denied", str(dst))
        return replace(src, dst)

    monkeypatch.setattr(Path, "rename", locked_rename)
    monkeypatch.setattr(os, "replace", locked_replace)


def test_a_file_that_cannot_be_written_at_all_is_named_and_the_other_formats_are_written(tmp_path, monkeypatch):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _write(final, {"k.html": b"<old>", "k.docx": b"old docx"})
    _write(tmp, {"k.html": b"<new>", "k.docx": b"new docx"})
    _locked(monkeypatch, final, lambda name: name.endswith(".docx"))
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "docx"), "sv")
    assert (final / "k.html").read_bytes() == b"<new>"
    assert (final / "k.docx").read_bytes() == b"old docx"  # the last good one stays
    assert sorted(p.name for p in final.iterdir()) == ["k.docx", "k.html"]  # no half-named copy either
    assert notes == [f"k.docx kunde inte skrivas i {final} (Permission denied); det som låg där förut ligger kvar. "
                     "Stäng filen i Word eller Excel om den är öppen, kontrollera att mappen går att skriva i och att "
                     "disken har plats, och kör igen"]
    assert not tmp.exists()


def test_in_english_the_files_not_written_share_one_line_per_reason(tmp_path, monkeypatch):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    _write(final, {"k.html": b"<old>", "k.pdf": b"old", "k-tabeller.xlsx": b"old"})
    _write(tmp, {"k.html": b"<new>", "k.pdf": b"new", "k-tabeller.xlsx": b"new"})
    _locked(monkeypatch, final, lambda name: not name.endswith(".html"))
    notes, _ = render._swap_into_place(tmp, final, "k", ("html", "pdf", "xlsx"), "en")
    assert (final / "k.html").read_bytes() == b"<new>"
    assert (final / "k.pdf").read_bytes() == b"old" and (final / "k-tabeller.xlsx").read_bytes() == b"old"
    assert notes == [f"k-tabeller.xlsx, k.pdf could not be written in {final} (Permission denied); what was there "
                     "before stays. Close the file in Word or Excel if it is open, check that the folder can be "
                     "written to and that the disk has room, and run again"]


def test_a_report_folder_that_takes_no_file_fails_the_report_naming_the_folder_and_keeps_the_last_one(tmp_path,
                                                                                                     monkeypatch):
    final, tmp = tmp_path / "k", tmp_path / ".tmp"
    old = {"k.html": b"<old>", "k.pdf": b"old pdf", "k.ipynb": b"{}"}
    _write(final, old)
    _write(tmp, {"k.html": b"<new>", "k.pdf": b"new pdf", "k.ipynb": b"{new}"})
    _locked(monkeypatch, final, lambda name: True)
    with pytest.raises(ReportError) as e:
        render._swap_into_place(tmp, final, "k", ("html", "pdf"), "sv")
    assert str(e.value) == (f"Ingen fil av rapporten kunde skrivas i {final} (Permission denied); den förra rapporten "
                            "ligger kvar. Stäng dess filer i Word eller Excel om de är öppna, kontrollera att mappen "
                            "går att skriva i och att disken har plats, och kör igen")
    assert {p.name: p.read_bytes() for p in final.iterdir()} == old
    assert "Traceback" not in render._describe(e.value, "sv")


def _params(folder: Path, participants: str, budget: str) -> Path:
    """A params file written on Windows naming its two files as given (single-quoted YAML: backslashes as typed)."""
    params = folder / "params" / "win.yaml"
    params.parent.mkdir(parents=True)
    params.write_text("id: win\ntitle: Projekt win\nforbund: Testförbundet\nowner: Testkommun\n"
                      "period: {start: 2022-01-01, planned_end: 2023-12-31}\n"
                      f"data:\n  participants: '{participants}'\n  budget: '{budget}'\n", encoding="utf-8")
    return params


@pytest.mark.skipif(os.name == "nt", reason="on Windows such a path is looked up as any other")
def test_a_drive_letter_and_a_network_share_are_each_named_as_windows_paths_this_computer_cannot_reach(tmp_path):
    from evaltools.data.errors import ParamsError
    from evaltools.data.params import load_params
    params = _params(tmp_path, r"C:\Users\eva\OneDrive - Kommun\Deltagare 2024.xlsx", r"\\server\share\budget.csv")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    lines = e.value.message("sv").splitlines()[1:]
    assert lines == [  # (each after its line in the params file: participants on the 7th, budget on the 8th)
        "  - rad 7, data.participants: 'C:/Users/eva/OneDrive - Kommun/Deltagare 2024.xlsx' är en Windows-sökväg (C:), som "
        "den här datorn inte når; lägg filen i projektets mapp data/ och skriv den relativt parameterfilen "
        "(../data/Deltagare 2024.xlsx), eller kör på den Windows-dator där sökvägen finns",
        "  - rad 8, data.budget: '//server/share/budget.csv' är en Windows-sökväg (\\\\server\\share), som den här datorn "
        "inte når; lägg filen i projektets mapp data/ och skriv den relativt parameterfilen (../data/budget.csv), "
        "eller kör på den Windows-dator där sökvägen finns"]
    assert "params/C:" not in e.value.message("en") and "Windows path (C:)" in e.value.message("en")


def test_only_a_drive_or_a_share_is_a_windows_path_and_only_where_windows_is_not(monkeypatch):
    from evaltools.data import paths
    monkeypatch.setattr(paths.os, "name", "posix")
    assert paths.windows_only(r"d:\data\x.xlsx") == "D:"
    assert paths.windows_only("C:/x.csv") == "C:"
    assert paths.windows_only(r"\\fs01\Socialtjänst\x.xlsx") == "\\\\fs01\\Socialtjänst"
    assert paths.windows_only("//fs01/share/x.xlsx") == "\\\\fs01\\share"
    for plain in (r"..\data\x.xlsx", "../data/C:/x.csv", "/home/eva/x.csv", "x.csv", "C:x.csv"):
        assert paths.windows_only(plain) is None, plain
    monkeypatch.setattr(paths.os, "name", "nt")
    assert paths.windows_only(r"C:\x.csv") is None


@pytest.mark.parametrize("lang, where", [("sv", "k"), ("en", "k/en")])
def test_a_full_disk_names_the_report_file_as_the_folder_will_hold_it_not_the_temporary_folder(tmp_path, lang, where):
    made = tmp_path / "reports" / f".tmp-k-{lang}-p4242-0a1b2c3d" / "k.pdf"
    said = render._describe(OSError(28, "No space left on device", str(made)), "sv")
    assert said == (f"OSError: No space left on device ({tmp_path / 'reports' / where / 'k.pdf'}). Kontrollera att det "
                    "går att skriva i rapportmappen och att disken har plats.")
    # a project id with hyphens, and a file in a subfolder
    made = tmp_path / ".tmp-nasta-steg-sv-p1-ffffffff" / "tables" / "a.csv"
    assert str(tmp_path / "nasta-steg" / "tables" / "a.csv") in render._describe(PermissionError(13, "x", str(made)))


def test_a_workbook_renamed_csv_is_said_to_be_a_workbook_and_the_file_is_not_changed(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.append(["person_id", "start_date"])
    wb.active.append(["P1", "2024-01-10"])
    path = tmp_path / "deltagare.csv"  # an .xlsx whose suffix was changed in the Explorer
    wb.save(path)
    before = path.read_bytes()
    from evaltools.data.errors import DataValidationError
    from evaltools.data.reading import read_table
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"], table="participants")
    assert e.value.message("sv").splitlines()[1:] == [
        f"  - {path}: är en Excel-arbetsbok (.xlsx) med filändelsen .csv, inte en textfil; ge den filändelsen .xlsx "
        "och ange det namnet i params-filen, eller öppna den i Excel och spara som 'CSV UTF-8 (kommaavgränsad)'"]
    assert path.read_bytes() == before
    # an old .xls, and one saved with a password, under a .txt name
    (tmp_path / "gammal.txt").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(500))
    with pytest.raises(DataValidationError, match=r"Excel-arbetsbok \(\.xls\) med filändelsen \.txt"):
        read_table(tmp_path / "gammal.txt", ["person_id"])
    (tmp_path / "lösen.csv").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(64)
                                         + "EncryptedPackage".encode("utf-16-le") + bytes(64))
    with pytest.raises(DataValidationError, match="sparad med lösenord"):
        read_table(tmp_path / "lösen.csv", ["person_id"])


def test_a_csv_file_renamed_xlsx_is_said_to_be_text_and_a_broken_workbook_is_not(tmp_path):
    from evaltools.data.errors import DataValidationError
    from evaltools.data.reading import read_table
    path = tmp_path / "Deltagare.xlsx"
    path.write_bytes("person_id;start_date\r\nP1;2024-01-10\r\n".encode("utf-8-sig"))
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"])
    assert e.value.message("en").splitlines()[1:] == [
        f"  - {path}: is a text file (CSV) with the suffix .xlsx, not an Excel workbook; give it the suffix .csv and "
        "that name in the params file, or open it in Excel and save it as an Excel Workbook (.xlsx)"]
    path.write_bytes("person_id\tstart_date\r\nP1\t2024-01-10\r\n".encode("utf-16"))  # Excel's "Unicode text"
    with pytest.raises(DataValidationError, match="är en textfil"):
        read_table(path, ["person_id", "start_date"])
    path.write_bytes(b"PK\x03\x04" + bytes(100))  # a zip cut short: no text
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"])
    assert "text file" not in e.value.message("en") and "cannot be opened as an Excel workbook (BadZipFile)" in e.value.message("en")


def test_an_overview_that_cannot_be_written_is_named_as_it_would_be_and_said_in_the_pages_language(
        tmp_path, monkeypatch, caplog):
    reports = tmp_path / "Rapporter å"
    reports.mkdir()

    def full_disk(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(render.os, "replace", full_disk)
    # (a logging configuration made by another test in the same process, a kernel's or nbconvert's, may have
    # disabled the module's logger or stopped it propagating to the capture)
    import logging
    logger = logging.getLogger(render.__name__)
    monkeypatch.setattr(logger, "disabled", False)
    monkeypatch.setattr(logger, "propagate", True)
    with caplog.at_level("WARNING", logger=render.__name__):
        assert render.write_index(reports, "sv") is None
    assert {r.getMessage() for r in caplog.records if r.name == render.__name__} == {
        f"Översikten {reports / 'index.html'} kunde inte skrivas (No space left on device)"}
    assert list(reports.iterdir()) == []  # no half-written page left


def test_a_sheet_formatted_down_to_its_last_row_is_read_to_its_last_filled_row_only(tmp_path):
    import openpyxl
    from openpyxl.styles import Font
    from evaltools.data import reading
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "start_date"])
    ws.append(["P1", "2024-01-10"])
    ws.append(["P2", None])
    for r in range(4, 3001):  # formatted, never filled (a whole range made bold in Excel)
        ws.cell(row=r, column=1).font = Font(bold=True)
        ws.cell(row=r, column=2).font = Font(bold=True)
    path = tmp_path / "deltagare.xlsx"
    wb.save(path)
    before = path.read_bytes()
    loaded = openpyxl.load_workbook(path, data_only=True).active
    assert loaded.max_row == 3000  # (openpyxl's own count: every formatted row)
    assert reading._last_filled_row(loaded, path) == 3  # P2 on row 3 is the last value
    table = reading.read_table(path, ["person_id", "start_date"])
    assert table.frame.to_dict("list") == {"person_id": ["P1", "P2"], "start_date": ["2024-01-10", ""]}
    assert table.file_rows.tolist() == [2, 3]
    assert path.read_bytes() == before
    # with a formula saved without its result below the rows (a script's fill-down), the rows are read down to it,
    # and the formula is told of where it is
    wb.active["B2000"] = '=IF(A2000="","",1)'
    wb.save(path)
    loaded = openpyxl.load_workbook(path, data_only=True).active
    assert reading._last_filled_row(loaded, path) == 2000
    table = reading.read_table(path, ["person_id", "start_date"])
    assert [p.row for p in table.errors] == [2000]


@pytest.mark.parametrize("name", ["Deltagare.xlsx", "deltagare.csv"])
def test_a_large_workbook_saved_with_a_password_is_said_to_be_one_though_its_directory_is_at_the_end(tmp_path, name):
    from evaltools.data.errors import DataValidationError
    from evaltools.data.reading import read_table
    # a Compound File as Excel writes a large encrypted workbook: the header (512-byte sectors, 2 ** 9, at byte 30;
    # the directory's first sector, 300, at byte 48), the encrypted stream, then the directory naming it
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    header[30:32] = (9).to_bytes(2, "little")
    header[48:52] = (300).to_bytes(4, "little")
    directory = bytearray(512)
    directory[128:128 + 32] = "EncryptedPackage".encode("utf-16-le")
    data = bytes(header) + bytes([0x5A]) * (300 * 512) + bytes(directory)  # sector 300 starts at (300 + 1) * 512
    assert len(data) > 1 << 16 and data.index("EncryptedPackage".encode("utf-16-le")) == 301 * 512 + 128
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"])
    assert "arbetsboken är sparad med lösenord (krypterad) och kan inte läsas" in e.value.message("sv")
    assert "äldre format" not in e.value.message("sv")
    # the same file without the stream is an old .xls
    path.write_bytes(data.replace("EncryptedPackage".encode("utf-16-le"), "Workbook".encode("utf-16-le").ljust(32, b"\0")))
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"])
    assert "lösenord" not in e.value.message("sv") and ".xls" in e.value.message("sv")


def test_a_heading_merged_over_two_columns_names_the_column_left_without_one_and_all_problems_are_told(tmp_path):
    import openpyxl
    from evaltools.data.reading import read_table
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Deltagarlista 2024"])  # a title merged over the table, above the header: no heading of its own
    ws.merge_cells("A1:D1")
    ws.append(["person_id", "start_date", "extent_before_pct", None, "municipality", None])
    ws.append(["P1", "2024-01-10", 25, 50, "Exempelby", "x"])
    ws.append(["P2", "2024-02-01", 0, 100, "Exempelby", "y"])
    ws.merge_cells("C2:D2")  # 'extent_before_pct' shown over C and D: D holds the extent after
    ws.merge_cells("E2:F2")
    path = tmp_path / "deltagare.xlsx"
    wb.save(path)
    table = read_table(path, ["person_id", "start_date"])
    assert [(p.row, p.column) for p in table.errors] == [(2, "D"), (2, "F")]
    assert table.errors[0].note("sv") == (
        "kolumn D har ingen egen rubrik: rubriken 'extent_before_pct' i C2 är sammanfogad över C2:D2, och värdena "
        "under D skulle inte läsas; dela upp cellerna (Start > Sammanfoga och centrera) och skriv en rubrik i varje "
        "kolumn")
    assert list(table.frame.columns) == ["person_id", "start_date", "extent_before_pct", "municipality"]
    # a merged heading over an empty column is only a wide heading
    ws["D3"], ws["D4"], ws["F3"], ws["F4"] = None, None, None, None
    wb.save(path)
    assert read_table(path, ["person_id", "start_date"]).errors == []


@pytest.mark.parametrize("damage, reason", [
    (lambda xml: xml[: len(xml) // 2], "ParseError"),  # the sheet's part cut short (a sync or copy broken off)
    (lambda xml: xml.replace(b'<c r="A2"', b'<c r="A2" s="7"', 1), "IndexError"),  # a style the workbook lacks
])
def test_a_damaged_workbook_is_refused_naming_the_file_without_a_traceback(tmp_path, damage, reason):
    import zipfile

    import openpyxl
    from evaltools.data.errors import DataValidationError
    from evaltools.data.reading import read_table
    wb = openpyxl.Workbook()
    wb.active.append(["person_id", "start_date"])
    wb.active.append(["P1", "2024-01-10"])
    whole, path = tmp_path / "hel.xlsx", tmp_path / "Deltagare.xlsx"
    wb.save(whole)
    with zipfile.ZipFile(whole) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, damage(data) if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(DataValidationError) as e:
        read_table(path, ["person_id", "start_date"])
    assert e.value.message("sv").splitlines()[1:] == [
        f"  - {path}: kan inte öppnas som en Excel-arbetsbok ({reason}); öppna den i Excel och spara som .xlsx"]
