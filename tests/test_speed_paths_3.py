"""Work a render does once instead of several times gives what the repeated work gave."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import evaltools
from evaltools.data.errors import ParamsError
from evaltools.data.params import load_params, load_params_once
from evaltools.publish.workbook import Column, Sheet, _rows


# --- a params file read once per command -----------------------------------------------------------
def test_an_unchanged_params_file_is_read_once_and_gives_what_a_fresh_read_gives(tiny_project):
    path = tiny_project()
    first = load_params_once(path)
    assert load_params_once(path) is first  # (not read again)
    assert first == load_params(path)  # (what a read of the file gives)


def test_a_changed_params_file_is_read_again(tiny_project):
    path = tiny_project()
    assert load_params_once(path).title == "Litet testprojekt"
    path.write_text(path.read_text(encoding="utf-8").replace("Litet testprojekt", "Annat namn"), encoding="utf-8")
    st = path.stat()  # (a later modification time too, even where the clock's steps are coarse)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert load_params_once(path).title == "Annat namn"


def test_a_params_file_that_does_not_load_is_refused_every_time(tiny_project):
    path = tiny_project(extra="nonsense_key: 1\n")
    for _ in range(2):
        with pytest.raises(ParamsError):
            load_params_once(path)


def test_a_missing_params_file_is_refused_as_load_params_refuses_it(tmp_path):
    missing = tmp_path / "none.yaml"
    with pytest.raises(ParamsError) as once:
        load_params_once(missing)
    with pytest.raises(ParamsError) as fresh:
        load_params(missing)
    assert once.value.message("en") == fresh.value.message("en")


# --- the workbook's kinds, read a column at a time -------------------------------------------------
def test_each_rows_kind_comes_from_its_kind_column_or_the_columns_kind():
    frame = pd.DataFrame({"goal": ["a", "b", "c"], "value": [3.0, 0.25, 7.0], "kind": ["count", "pct", "int"]})
    columns = [Column("goal"), Column("value", kind="num2", kind_from="kind")]
    rows, kinds = _rows(Sheet("s", "workbook.about", "workbook.about", frame, columns), "sv", columns)
    # by hand: the goal column is text in every row; the value column's kind is the row's "kind"
    assert kinds == [["text", "count"], ["text", "pct"], ["text", "int"]]
    # a count of 3.0 and an int of 7.0 are whole numbers in the workbook; a share stays a share
    assert [r[1].value for r in rows] == [3, 0.25, 7]
    assert [type(r[1].value) for r in rows] == [int, float, int]


def test_a_sheet_without_rows_has_no_kinds():
    frame = pd.DataFrame({"goal": pd.Series([], dtype=object), "kind": pd.Series([], dtype=object)})
    columns = [Column("goal", kind_from="kind")]
    assert _rows(Sheet("s", "workbook.about", "workbook.about", frame, columns), "sv", columns) == ([], [])


# --- what a kernel's zygote prepares once for every report's kernel --------------------------------
def test_the_zygotes_warm_up_compiles_every_html_template_of_the_report():
    from evaltools.present.markup import environment
    from evaltools.publish.kernels import _warm_up
    templates = environment()
    templates.cache.clear()
    _warm_up()
    compiled = {key[1] for key in templates.cache.keys()}
    # by hand: the report's templates are the .j2 files of evaltools/templates/html
    on_disk = {p.name for p in (Path(evaltools.__file__).parent / "templates" / "html").glob("*.j2")}
    assert on_disk and on_disk <= compiled
