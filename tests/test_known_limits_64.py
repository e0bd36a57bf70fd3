"""Four faults a user met: page 1's years that add up to more than the participants without a word why, a budget
line after the project's end read without a note, a Word template that cannot be opened told raw in English, and a
folder of the user's named like a report file removed when the report is written.

Tiny projects written in tmp_path; the counts expected are read off the rows written, by hand."""
from __future__ import annotations

import textwrap

import evaltools as et
from evaltools.present.sections import summary as page_one

from .conftest import write_csv


def _project(root, year_1: range, year_2: range, budget: tuple[str, ...] = ("2023", "2024"), extra: str = "",
             actual: float | None = 450_000):
    """Persons P<i> for i in ``year_1`` enrolled in 2023 (project year 1) and ended, those in ``year_2`` enrolled in
    2024 (year 2): a person in both ranges has a row in each year."""
    def row(i: int, year: int) -> dict:
        return {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                "household_type": "ensamstående", "start_date": f"{year}-03-01", "end_date": f"{year}-10-31",
                "outcome": "arbete"}
    write_csv(root / "data/participants.csv", [row(i, 2023) for i in year_1] + [row(i, 2024) for i in year_2])
    write_csv(root / "data/budget.csv", [{"period": p, "category": "Lön", "budget": 500_000,
                                          "actual": "" if actual is None else actual} for p in budget])
    path = root / "p.yaml"
    path.write_text(textwrap.dedent("""\
        id: tva_ar
        title: Två år
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        """) + textwrap.dedent(extra), encoding="utf-8")
    return path


def _participation(path, lang="sv") -> str:
    return " ".join(page_one.participation(et.Report(et.load_project(path), lang=lang))).replace("\xa0", " ")


# --- 1. persons in both years -------------------------------------------------------------------------------

def test_few_persons_in_both_years_leave_the_years_unsaid(tmp_path):
    # P1–P8 in year 1, P5–P12 in year 2: 12 persons, 8 + 8 = 16, P5–P8 (4) in both years, 4 < 5. Said as "färre än 5"
    # beside 8 and 8 of 12, the years less the participants gave the 4 back: page 1 gives the total only
    path = _project(tmp_path, range(1, 9), range(5, 13))
    sv = _participation(path)
    assert "Projektet har haft 12 deltagare." in sv
    assert "8 under år 1" not in sv and "båda åren" not in sv and "4 av dem" not in sv
    en = _participation(path, "en")
    assert "The project has had 12 participants." in en and "8 in year 1" not in en


def test_many_persons_in_both_years_are_counted(tmp_path):
    # P1–P10 in year 1, P4–P13 in year 2: 13 persons, 10 + 10 = 20, P4–P10 (7) in both years
    sv = _participation(_project(tmp_path, range(1, 11), range(4, 14)))
    assert "13 deltagare (10 under år 1 och 10 under år 2; 7 av dem deltog båda åren)" in sv


def test_years_that_add_up_say_nothing_of_both_years(tmp_path):
    # P1–P6 in year 1, P7–P12 in year 2: 6 + 6 = 12 persons
    sv = _participation(_project(tmp_path, range(1, 7), range(7, 13)))
    assert "12 deltagare (6 under år 1 och 6 under år 2)" in sv and "båda åren" not in sv


# --- 2. a budget line after the project's end ----------------------------------------------------------------

def _after_end_notes(path, lang="sv") -> list[str]:
    return [p.note(lang) for p in et.load_project(path).warnings if p.key == "budget.after_end"]


def test_a_calendar_year_after_the_end_is_named_with_its_row(tmp_path):
    # header on row 1, 2023 on row 2, 2024 on row 3, 2030 on row 4; the project ends 2024-12-31
    path = _project(tmp_path, range(1, 7), range(7, 13), budget=("2023", "2024", "2030"))
    notes = _after_end_notes(path)
    assert len(notes) == 1
    assert "rad 4 har belopp för 2030" in notes[0] and "2024-12-31" in notes[0] and "räknar raderna ändå" in notes[0]
    assert "row 4 has amounts for 2030" in _after_end_notes(path, "en")[0]
    # (counted: the cost's lines hold the 2030 line)
    from evaltools.analysis.costbenefit.costs import costs
    assert "2030" in costs(et.load_project(path)).table["period"].astype(str).tolist()


def test_an_extension_without_actual_end_is_named(tmp_path):
    path = _project(tmp_path, range(1, 7), range(7, 13), budget=("2023", "2024", "Förlängning 2030", "Förlängning 2030"))
    notes = _after_end_notes(path)
    assert len(notes) == 1 and "rad 4, 5 har belopp för 2030" in notes[0] and "actual_end" in notes[0]


def test_a_project_year_after_the_end_is_named(tmp_path):
    path = _project(tmp_path, range(1, 7), range(7, 13), budget=("år 1", "år 2", "år 3"))
    assert "rad 4 har belopp för år 3" in _after_end_notes(path)[0]


def test_lines_within_the_period_or_a_prolongation_are_no_note(tmp_path):
    assert not _after_end_notes(_project(tmp_path / "a", range(1, 7), range(7, 13), budget=("2023", "2024", "hela")))
    prolonged = _project(tmp_path / "b", range(1, 7), range(7, 13), budget=("2023", "2024", "Förlängning 2025"),
                         extra="")
    text = prolonged.read_text(encoding="utf-8").replace("planned_end: 2024-12-31", "planned_end: 2024-12-31, actual_end: 2025-06-30")
    prolonged.write_text(text, encoding="utf-8")
    assert not _after_end_notes(prolonged)


def test_the_note_is_among_the_reports_data_quality_notes(tmp_path):
    path = _project(tmp_path, range(1, 7), range(7, 13), budget=("2023", "2024", "2030"))
    project = et.load_project(path)
    assert any(p.key == "budget.after_end" and p.row == 4 and p.severity == "warning" for p in project.warnings)
    from evaltools.present.sections import quality
    notes = quality.report_table(et.Report(project)).iloc[:, 0].tolist()
    assert any("belopp för 2030, som börjar efter projektets slut 2024-12-31" in n for n in notes)


# --- 3. a Word template that cannot be opened ------------------------------------------------------------------

def _macro_document(path, main_type: bytes = b"application/vnd.ms-word.document.macroEnabled.main+xml"):
    """A Word document with macros (its main part's content type a .docm's, or ``main_type``) renamed .docx: a zip
    holding [Content_Types].xml and word/document.xml, which the Word writer's reader refuses (the params check
    refuses a macro document itself; with another ``main_type`` it lets the zip through)."""
    import io
    import zipfile

    import docx
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    main_type)
            out.writestr(item, data)
    return path


def test_a_template_the_writer_cannot_open_is_told_in_the_runs_language(tmp_path):
    from evaltools.data.errors import ReportError
    from evaltools.publish.docx import html_to_docx
    template = _macro_document(tmp_path / "makromall.docx")
    page = "<html><body><main><p>Text</p></main></body></html>"
    for lang, words in (("sv", "mallen makromall.docx (word_template i params-filen) går inte att öppna"),
                        ("en", "the template makromall.docx (word_template in the params file) cannot be opened")):
        try:
            html_to_docx(page, None, lang, "Titel", template=template)
        except ReportError as e:
            assert words in str(e) and ".dotx" in str(e), str(e)
        else:
            raise AssertionError("a macro document was read as a Word template")


def test_the_other_formats_are_written_and_the_note_is_swedish(tmp_path):
    from evaltools.publish import render
    path = _project(tmp_path, range(1, 7), range(7, 13), extra="word_template: makromall.docx\n")
    # (a macro document is refused by the params check itself: here a zip whose main part is no Word document's,
    # which the params check lets through and the writer's reader refuses)
    _macro_document(tmp_path / "makromall.docx", b"application/xml")
    res = render.render_project(path, tmp_path / "reports", ("html", "docx"))
    assert res.ok, res.error
    folder = tmp_path / "reports" / "tva_ar"
    assert (folder / "tva_ar.html").is_file() and not (folder / "tva_ar.docx").exists()
    said = " ".join(res.notes)
    assert "Word-dokumentet skrevs inte: mallen makromall.docx" in said and "no Word document" not in said


# --- 4. a folder of the user's named like a report file --------------------------------------------------------

def test_a_folder_named_like_the_report_is_kept_and_the_file_written_beside(tmp_path):
    from evaltools.publish import render
    path = _project(tmp_path, range(1, 7), range(7, 13))
    folder = tmp_path / "reports" / "tva_ar"
    (folder / "tva_ar.html").mkdir(parents=True)
    (folder / "tva_ar.html" / "anteckningar.txt").write_text("mina anteckningar", encoding="utf-8")
    res = render.render_project(path, tmp_path / "reports", ("html",))
    assert res.ok, res.error
    assert (folder / "tva_ar.html" / "anteckningar.txt").read_text(encoding="utf-8") == "mina anteckningar"
    beside = [p for p in folder.iterdir() if p.name.startswith("tva_ar (ny ") and p.suffix == ".html"]
    assert len(beside) == 1 and beside[0].is_file() and "Två år" in beside[0].read_text(encoding="utf-8")
    said = " ".join(res.notes)
    assert "finns en mapp som heter tva_ar.html" in said and beside[0].name in said
    # rendered again, the folder is still kept
    assert render.render_project(path, tmp_path / "reports", ("html",)).ok
    assert (folder / "tva_ar.html" / "anteckningar.txt").is_file()
