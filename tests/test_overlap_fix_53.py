"""Two enrolments of one person that overlap in time are refused with what to do, not only what is wrong: delete
one row if they are the same enrolment, else correct the dates so that the earlier ends before the later starts."""
from __future__ import annotations

import pytest

from .conftest import PARTICIPANT_ROWS, load_problems, participants_frame, write_csv

# P1 enrolled 2022-02-01 – 2022-08-01 (row 2 of the file, under its heading), and again from 2022-05-01 (row 6)
OVERLAP = ("P1", "kvinna", 1980, "ensamstående", "2022-05-01", "2022-10-01", "arbete")


@pytest.mark.parametrize("lang, wrong, fix", [
    ("sv", "en person kan inte vara inskriven två gånger samtidigt",
     "ta bort den ena raden om de är samma inskrivning, annars rätta datumen så att den tidigare slutar före den "
     "senares start"),
    ("en", "a person cannot be enrolled twice at the same time",
     "delete one of the rows if they are the same enrolment, else correct the dates so that the earlier one ends "
     "before the later one starts"),
])
def test_an_overlapping_enrolment_is_told_what_to_do(tiny_project, lang, wrong, fix):
    params = tiny_project()
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame([*PARTICIPANT_ROWS, OVERLAP]))
    said = [p.text(lang) if hasattr(p, "text") else str(p) for p in load_problems(params, lang)]
    (line,) = [s for s in said if wrong in s]
    assert fix in line
    assert "2022-05-01" in line and "2022-08-01" in line  # the two enrolments' dates, as the file has them
