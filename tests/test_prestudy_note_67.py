"""The appendix's note on participants who began in a pre-study, as the board reads it: how many under the
small-count rule ("färre än 5" for 1–4), never the rows of the participant file nor the evaluator's to-do (found: the
loader's own message, "2 deltagare började under förstudien … rad 2, 3 … rätta startdatumet", was printed).

The project is tests/test_recompute_67.py's: a pre-study 2023-01-01 – 2023-06-30 in which F01 and F02 began (two)."""
from __future__ import annotations

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import quality

from .conftest import write_csv
from .test_recompute_67 import _people, _write_prestudy


def _notes(path, lang: str) -> list[str]:
    r = et.Report(et.load_project(path), lang=lang)
    return [n.replace("\u00a0", " ") for n in quality.report_table(r).iloc[:, 0]]


@pytest.mark.parametrize("lang, note", [
    ("sv", "Färre än 5 deltagare började under förstudien 2023-01-01 – 2023-06-30. De räknas med i hela periodens "
           "antal, men räknas inte till något projektårs intag i målen."),
    ("en", "Fewer than 5 participants began during the pre-study 2023-01-01 – 2023-06-30. They are counted in the "
           "whole period's number, but in no project year's intake in the goals.")])
def test_two_who_began_in_the_pre_study_are_fewer_than_five_and_no_rows_are_named(tmp_path, lang, note):
    notes = _notes(_write_prestudy(tmp_path), lang)
    assert note in notes, notes
    assert not any("förstudien" in n and ("rad " in n or "2 deltagare" in n) for n in notes), notes


def test_five_who_began_in_the_pre_study_are_said_in_words(tmp_path):
    path = _write_prestudy(tmp_path)
    people = _people()
    # A01, A02 and A03 moved into the pre-study: with F01 and F02, five began there
    people.loc[people["person_id"].isin(["A01", "A02", "A03"]), "start_date"] = pd.Series(
        ["2023-04-03", "2023-05-02", "2023-06-01"], index=people.index[2:5])
    write_csv(tmp_path / "data" / "deltagare.csv", people)
    notes = _notes(path, "sv")
    assert any(n.startswith("Fem deltagare började under förstudien 2023-01-01 – 2023-06-30. De räknas med")
               for n in notes), notes
