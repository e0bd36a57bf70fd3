"""A break-even is a number of persons, said in whole persons everywhere: the workbook and its CSV files give the
report's "20 personer", not "19,8" beside it. Expected values are worked out by hand from Vägen ut's key figures."""
from __future__ import annotations

import contextlib
import csv
import io
import math

import openpyxl
import pytest

from evaltools.words.formats import fmt_persons_needed, persons_needed

from .conftest import sample_report


@pytest.mark.parametrize(("x", "whole"), [(19.8, 20), (1.45, 2), (20.0, 20), (20.000_000_1, 20), (0.0, 0), (110.3, 111)])
def test_persons_needed_is_the_next_whole_person_up(x, whole):
    assert persons_needed(x) == whole
    assert fmt_persons_needed(x, "en") == str(whole)


def test_the_workbook_gives_the_break_even_in_whole_persons(tmp_path):
    import evaltools as et
    with contextlib.redirect_stdout(io.StringIO()):
        et.export_report(sample_report("timra-vagen-ut", "sv"), tmp_path, None)
    book = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    # the public financiers (the leading perspective): cost 1 096 287 kr, benefit 1 052 215 kr from 19 who left
    # social assistance: 1 096 287 / (1 052 215 / 19) = 19,8, that is 20 persons; the municipality: 274 072 kr
    # against 3 581 999 kr: 274 072 / (3 581 999 / 19) = 1,45, that is 2 persons
    assert math.ceil(1_096_287 / (1_052_215 / 19)) == 20 and math.ceil(274_072 / (3_581_999 / 19)) == 2
    summary = book["Kostnad och nytta"]
    row = next(r for r in summary.iter_rows() if str(r[0].value).startswith("Personer som behöver lämna"))
    assert row[1].value == 20 and row[1].number_format == "#,##0"
    per = book["Per perspektiv"]
    heading = [c.value for c in per[1]]
    col = next(i for i, h in enumerate(heading) if str(h).startswith("Personer som behöver lämna"))
    by_actor = {r[0].value: r[col] for r in per.iter_rows(min_row=2)}
    assert by_actor["Kommunen"].value == 2
    assert by_actor["De offentliga finansiärerna"].value == 20
    assert all(c.value is None or isinstance(c.value, int) for c in by_actor.values())
    with open(tmp_path / "tables" / "aktorer.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("Personer som behöver lämna"))
    assert {r[0]: r[col] for r in rows[1:]}["De offentliga finansiärerna"] == "20"


@pytest.mark.parametrize(("lang", "words"), [("sv", "personår i arbete utan försörjningsstöd"),
                                             ("en", "person-years in work without social assistance")])
def test_the_method_and_the_glossary_name_the_person_years_as_the_key_figures_do(lang, words):
    """The key figures and page 1 say person-years *in work* (a move to another public benefit saves the public
    financiers nothing); the method appendix and the glossary defined the same figure as person-years without
    social assistance."""
    from evaltools.words.text import msg
    assert words in msg("costbenefit.kf.break_even_years", lang, basis="x").lower()
    assert words in " ".join(msg("method.cb.requirement", lang).split())
    assert words in " ".join(msg("glossary.term.brytpunkt.definition", lang).split())
