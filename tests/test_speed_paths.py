"""The quicker paths give the answers of the plain ones: string checks once per distinct cell, a text
file's frame built column by column, a total row found among the rows with a problem, and the Holm
adjustment without statsmodels' forced garbage collection."""
import gc
import re

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

from evaltools.analysis import cohorts
from evaltools.data.errors import DataValidationError
from evaltools.data.project import load_project
from evaltools.data.reading import RawTable, _read_text_cells, per_distinct
from evaltools.data.validation import notes_below, page_breaks

from .conftest import participants_frame, write_csv


def test_per_distinct_equals_the_operation_on_every_cell():
    s = pd.Series([" a ", "B", " a ", "", "B", "c  "] * 3, index=range(10, 28), name="x", dtype="str")
    got = per_distinct(s, lambda u: u.str.strip().str.lower())
    expected = pd.Series(["a", "b", "a", "", "b", "c"] * 3, index=range(10, 28), name="x", dtype="str")
    pd.testing.assert_series_equal(got, expected)
    flags = per_distinct(s, lambda u: u.str.strip() == "a")
    assert flags.tolist() == [True, False, True, False, False, False] * 3
    assert flags.index.tolist() == list(range(10, 28))


def test_a_text_files_short_rows_are_filled_out_with_empty_cells(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("a;b;c\n1;2\n\n4;5;6;7\n", encoding="utf-8")
    cells, notes = _read_text_cells(path, "f.csv")
    assert notes == []
    assert list(cells.columns) == [0, 1, 2, 3]
    assert cells.values.tolist() == [["a", "b", "c", ""], ["1", "2", "", ""], ["", "", "", ""], ["4", "5", "6", "7"]]
    assert all(cells[c].dtype == object for c in cells.columns)


def test_a_total_row_in_a_participants_file_is_one_message_naming_its_row(tiny_project):
    rows = participants_frame()
    total = {c: "" for c in rows.columns} | {"person_id": "Summa:"}
    write_csv(tiny_project.dir / "data" / "participants.csv", pd.concat([rows, pd.DataFrame([total])], ignore_index=True))
    with pytest.raises(DataValidationError) as e:
        load_project(tiny_project())
    about = [p for p in e.value.problems if p.file.endswith("participants.csv")]
    # the header is row 1 and the four persons rows 2-5: the total is row 6, told once, not per empty cell
    assert [(p.key, p.row) for p in about] == [("row.total", 6)]


def test_an_excel_error_value_is_refused_with_its_hint_once_per_cell(tiny_project):
    rows = participants_frame().astype(object)
    rows.loc[1, "person_id"] = " #saknas! "
    write_csv(tiny_project.dir / "data" / "participants.csv", rows)
    with pytest.raises(DataValidationError) as e:
        load_project(tiny_project())
    bad = [p for p in e.value.problems if p.column == "person_id"]
    assert [p.row for p in bad] == [3]
    hint = dict(bad[0].values)
    assert "#saknas!" in hint["hint_sv"].lower() and "#saknas!" in hint["hint_en"].lower()


def test_holm_gives_statsmodels_values_without_a_forced_collection(monkeypatch):
    raw = pd.DataFrame({"variable": ["a", "a", "b", "c", "c", "d"],
                        "p_value": [0.01, 0.01, 0.04, 0.03, 0.03, np.nan]})
    expected = multipletests([0.01, 0.04, 0.03], method="holm")[1]  # statsmodels' own, called plainly
    # by hand: sorted 0.01, 0.03, 0.04 times 3, 2, 1 -> 0.03, 0.06, then max(0.06, 0.04) = 0.06
    assert np.allclose(expected, [0.03, 0.06, 0.06])
    calls = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: calls.append(generation) or 0)
    got = cohorts.holm(raw)
    assert np.allclose(got[:5], [expected[0], expected[0], expected[1], expected[2], expected[2]])
    assert np.isnan(got[5])
    assert calls == [], "statsmodels' gc.collect() was skipped"
    gc.collect()
    assert calls == [2], "gc.collect works again after the adjustment"


def test_word_styles_set_by_id_read_back_as_the_named_styles():
    import io

    import docx

    from evaltools.publish.docx import CELL_STYLE, LINK_STYLE, NOTE_STYLE, TABLE_STYLE, html_to_docx
    html = ("<html lang='sv'><body><h1>Rubrik</h1><p>Vanlig text med <a href='https://example.org'>länk</a>.</p>"
            "<table><thead><tr><th>Mål</th><th class='num'>Utfall</th></tr></thead>"
            "<tbody><tr><td>Ett</td><td class='num'>1</td></tr></tbody></table>"
            "<blockquote><p>Citat</p></blockquote><pre>kod</pre></body></html>")
    doc = docx.Document(io.BytesIO(html_to_docx(html, None, "sv", "Titel")))
    (table,) = doc.tables
    assert table.style.name == TABLE_STYLE
    assert {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs} == {CELL_STYLE}
    by_text = {p.text: p for p in doc.paragraphs}
    plain = next(p for p in doc.paragraphs if p.text.startswith("Vanlig text med"))
    assert plain.style.name == "Normal" and (plain._p.pPr is None or plain._p.pPr.pStyle is None)
    link_runs = [r for r in plain._p.iter() if r.tag.endswith("}r") and "länk" in "".join(r.itertext())]
    assert [docx.text.run.Run(r, plain).style.name for r in link_runs] == [LINK_STYLE]
    assert by_text["Citat"].style.name == "Quote"
    assert by_text["kod"].style.name == NOTE_STYLE


@pytest.mark.parametrize("pid", ["eskilstuna-specialistteamet", "kompassen-demo"])
def test_the_success_model_takes_the_reports_rate_table_and_gives_the_same_terms(pid, monkeypatch):
    from .conftest import sample_project
    project = sample_project(pid)
    alone = cohorts.success_model(project)
    assert len(alone.table) > 0  # (Specialistteamet's hides three of its seven terms: small categories)
    rates = cohorts.outcome_rates(project)

    def not_again(*args, **kwargs):
        raise AssertionError("the rate table was given")
    monkeypatch.setattr(cohorts, "outcome_rates", not_again)
    given = cohorts.success_model(project, rates=rates)
    pd.testing.assert_frame_equal(given.table, alone.table)
    pd.testing.assert_frame_equal(given.raw, alone.raw)
    assert given.notes == alone.notes


def test_rates_for_other_outcome_codes_are_not_taken_for_the_main_goals(monkeypatch):
    from .conftest import sample_project
    project = sample_project("eskilstuna-specialistteamet")
    other = cohorts.outcome_rates(project, success_outcomes=("studier",))
    asked = []
    real = cohorts.outcome_rates
    monkeypatch.setattr(cohorts, "outcome_rates", lambda *a, **k: asked.append(k) or real(*a, **k))
    cohorts.success_model(project, rates=other)
    assert len(asked) == 1 and asked[0].get("success_outcomes") is None


def _long_list_with_breaks() -> RawTable:
    """A case system's list of 150 rows saved page by page: a page's line and the repeated headings after
    rows 60 and 120 (file rows 62-63 and 123-124), a heading typed with other spacing and case on the
    second, and a note typed under the last row."""
    head = ["Person id", "Start datum", "Utfall"]
    rows: list[list[str]] = []
    for i in range(150):
        rows.append([f"P-{i % 40}", f"2023-0{1 + i % 9}-01", "arbete" if i % 3 else " studier "])
        if i == 59:
            rows += [["Sida 1 av 3", "", ""], ["Person id", "Start datum", "Utfall"]]
        if i == 119:
            rows += [["", " Sid 2 (3) ", ""], ["person  ID", "START DATUM", " utfall"]]
    rows += [["OBS! en deltagare flyttade i maj", "", ""]]
    frame = pd.DataFrame(rows, columns=head, dtype=object)
    return RawTable(frame, np.arange(2, len(frame) + 2), "lista.csv")


def test_page_breaks_and_a_note_below_are_found_as_reading_each_row_would():
    raw = _long_list_with_breaks()
    kept, pages = page_breaks(raw, "lista.csv")
    # by hand: the page lines are file rows 62 and 124, the repeated headings 63 and 125 (header = row 1,
    # data from row 2; 60 data rows before the first break, 60 more before the second)
    assert [p.key for p in pages] == ["rows.page_breaks"]
    assert len(kept.frame) == len(raw.frame) - 4
    assert sorted(set(raw.file_rows) - set(kept.file_rows)) == [62, 63, 124, 125]
    kept2, below = notes_below(kept, "lista.csv")
    assert [(p.key, p.row) for p in below] == [("rows.note_below", 156)]
    assert len(kept2.frame) == 150
    # the same rows found by reading each row as text, one by one
    plain = []
    for r, row in zip(raw.file_rows, raw.frame.itertuples(index=False), strict=True):
        cells = [str(v).strip() for v in row]
        filled = [v for v in cells if v]
        heading = len(filled) >= 2 and all(" ".join(v.split()).casefold() == " ".join(h.split()).casefold()
                                           for v, h in zip(cells, raw.frame.columns, strict=True) if v)
        page_line = len(filled) == 1 and re.fullmatch(r"(?:sida|sid|page)\.?\s+\d+\s*(?:(?:av|of|/)\s*\d+|\(\s*\d+\s*\))?",
                                                        filled[0], re.IGNORECASE) is not None
        if heading or page_line:
            plain.append(int(r))
    assert plain == [62, 63, 124, 125]
