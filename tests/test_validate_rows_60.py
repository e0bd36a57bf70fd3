"""The evaluator is told which rows to check: a coded exit from försörjningsstöd paid the month after.

The report's data-quality note counts persons only (a small count as <5, no id, date or row); ``validate``
tells the evaluator, beside it, the participants file's rows of those paid, so that each can be checked. The
rows are counted by hand from the fixture's file: the header is row 1, P1 row 2, ..., P4 row 5."""
from __future__ import annotations

import evaltools as et
from evaltools.publish import cli

from .conftest import write_csv
from .test_outcome_codes_against_payments import PAID_AFTER


def test_validate_names_the_rows_and_the_report_does_not(tiny_project, capsys):
    path = tiny_project()
    write_csv(path.parent / "data" / "payments.csv", PAID_AFTER)
    project = et.load_project(path)
    (rows,) = [n for n in project.notices if n.key == "payment.coded_exit_paid_rows"]
    # P1 (row 2) left for work 2022-08-01 and was paid in 2022-09; P4 (row 5) was paid two months after: not named
    assert dict(rows.values)["rows"] == "2"
    assert rows.severity == "info" and "rad 2 i deltagarfilen" in rows.note("sv")
    assert "rows 2 of the participants file" in rows.note("en")
    assert not [w for w in project.warnings if w.key == "payment.coded_exit_paid_rows"]
    assert "rad 2 i deltagarfilen" not in et.Report(path).quality_table().to_string()
    assert cli.main(["validate", str(path)]) == 0
    assert "står på rad 2 i deltagarfilen" in capsys.readouterr().out
