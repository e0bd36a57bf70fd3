"""A hostile or careless user's input on the newest paths: ``render --watch`` when a data folder disappears
and comes back or the params file is deleted; a goal whose ``among:`` counts another age than its words say;
an amount typed with a point and a space between its thousands. Each ends in the right figure or one clear
message naming file, key or row, the value and what to write, never a traceback."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from evaltools.publish import cli, watch


# --- 1. render --watch: a data folder that disappears, a params file deleted --------------------------------

def test_a_data_folder_that_is_away_is_still_watched_and_its_return_noticed(tmp_path, tiny_project):
    params = tiny_project()
    data = tmp_path / "data"
    named = {(data / f).resolve() for f in ("participants.csv", "payments.csv", "budget.csv")}
    data.rename(tmp_path / "data-away")  # (a network drive away, or the folder renamed)
    what = watch.watched([params])  # the params file now fails to load: its files are missing
    assert named <= what.files
    before = watch.snapshot(what)
    assert set(before) == {params.resolve()}
    (tmp_path / "data-away").rename(data)
    assert set(watch.changed(before, watch.snapshot(watch.watched([params])))) == named


def test_a_params_file_that_cannot_be_read_names_no_files(tmp_path):
    params = tmp_path / "broken.yaml"
    params.write_text("id: [unclosed\n", encoding="utf-8")
    assert watch.watched([params]).files == frozenset()


def _watch_lines(monkeypatch, capsys, files: list[Path], after: dict) -> list[str]:
    """The lines ``render --watch`` prints for one change of ``files`` (``after``: the new snapshot)."""
    calls = iter([(files, after)])

    def fake_wait(paths, before, **how):  # (how: the command's Ctrl+C check)
        try:
            return next(calls)
        except StopIteration:
            raise KeyboardInterrupt from None
    monkeypatch.setattr(watch, "wait_for_change", fake_wait)
    monkeypatch.setattr(cli, "_render", lambda args, parser, paths: 0)
    cli._watch(SimpleNamespace(lang="sv"), None, [], {}, 0)
    return capsys.readouterr().out.splitlines()


def test_a_deleted_file_is_said_to_be_gone_not_saved(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    gone, saved = tmp_path / "tiny.yaml", tmp_path / "text.md"
    lines = _watch_lines(monkeypatch, capsys, [saved, gone], {saved: (1, 1)})
    assert ("Finns inte längre: tiny.yaml (borttagen, flyttad eller omdöpt; bevakas ändå, så rapporten görs om när "
            "den är tillbaka) – gör om rapporten …") in lines
    assert "Sparad: text.md – gör om rapporten …" in lines
    assert not [line for line in lines if line.startswith("Sparad:") and "tiny.yaml" in line]
    assert lines[-1] == "Bevakningen avslutad."


# --- 2. a goal whose among: counts another age than its words ----------------------------------------------

def _goal_refusal(tmp_path: Path, label: str, among: str) -> list:
    from .test_unseen_projects_17 import _ages, _older_share, _write
    with pytest.raises(DataValidationError) as e:
        et.load_project(_write(tmp_path, _older_share(label, among), _ages()))
    return [p for p in e.value.problems if p.key == "params.among_other_age"]


@pytest.mark.parametrize("label, among, words, given, fix", [
    # "över 50" leaves out those aged 50 (the contract: age_from: 51); age_from: 50 takes them in
    ("Minst 30 % av deltagarna över 50 år ska gå till arbete", "{age_from: 50}", "deltagarna över 50 år",
     "age_from: 50", "age_from: 51"),
    # "50 år och äldre" takes them in: age_from: 51 leaves them out
    ("Minst 30 % av deltagarna 50 år och äldre ska gå till arbete", "{age_from: 51}", "50 år och äldre",
     "age_from: 51", "age_from: 50"),
    # a group by sex only, under words for the older: the age is added to what is given
    ("Minst 30 % av deltagarna över 50 år ska gå till arbete", "{sex: kvinna}", "deltagarna över 50 år",
     "sex: kvinna", "sex: kvinna, age_from: 51"),
    # a band 50–64 år: from 50, the first age not counted 65
    ("Minst 30 % av deltagare 50–64 år ska gå till arbete", "{age_from: 50}", "deltagare 50–64 år",
     "age_from: 50", "age_from: 50, age_below: 65"),
    # the young under 25: age_below 25, not 30
    ("Minst 30 % av de unga under 25 ska gå till arbete", "{age_below: 30}", "unga under 25",
     "age_below: 30", "age_below: 25"),
])
def test_among_that_counts_another_age_than_the_words_is_refused(tmp_path, label, among, words, given, fix):
    (p,) = _goal_refusal(tmp_path, label, among)
    assert Path(p.file).name == "sweep17.yaml"
    assert p.note("sv") == (
        f"målet 'aldre' säger '{words}', men among: {{{given}}} räknar en annan ålder vid start, så siffran vore en "
        f"annan grupps under målets ord. Skriv among: {{{fix}}} i målet (age_from är den lägsta åldern som räknas, "
        "age_below den första som inte gör det), eller skriv målets text för dem det räknar")
    assert f"Write among: {{{fix}}} in the goal" in p.note("en")


def test_among_that_counts_the_age_the_words_say_is_counted(tmp_path):
    from .test_unseen_projects_17 import _ages, _older_share, _write
    # "50–64 år" = {age_from: 50, age_below: 65}: the 6 aged 54 (3 to work) and the 4 aged 50 (all to work)
    project = et.load_project(_write(tmp_path, _older_share("Minst 30 % av deltagare 50–64 år ska gå till arbete",
                                                            "{age_from: 50, age_below: 65}"), _ages()))
    row = et.assess_goals(project).raw.iloc[0]
    assert (row["numerator"], row["denominator"]) == (3 + 4, 6 + 4)


# --- 3. an amount with a point (comma) and a space between its thousands ------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1.000 000", None),      # a million, or 1,000000 = 1: without the space it was read as 1
    ("1,000 000", None),      # the same with a comma
    ("1.234.567 890", None),
    ("1 234,50", 1234.5),     # spaces before the decimal comma only: as before
    ("1 234.50", 1234.5),     # ... and before a decimal point
    ("1.234.567,89 kr", 1234567.89),
    ("-1.234,50", -1234.5),
    ("\u00a01.234,50\u00a0", 1234.5),
])
def test_a_space_after_the_point_or_comma_is_not_read_away(text, number):
    from evaltools.data.validation import _parse_amount
    (got,) = _parse_amount(pd.Series([text])).tolist()
    assert (pd.isna(got) if number is None else got == number)


def test_a_million_written_with_a_point_and_a_space_is_refused_with_both_readings(tiny_project):
    from .conftest import write_csv
    params = tiny_project()
    write_csv(tiny_project.dir / "data" / "payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "P1", "month": "2022-02", "amount": "1.000 000"},
        {"person_id": "P2", "month": "2022-02", "amount": 12000},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    (p,) = e.value.problems
    # the second data row is the file's row 3 (the header is row 1); read without the space it was 1 kr
    assert (Path(p.file).name, p.row, p.column) == ("payments.csv", 3, "amount")
    assert p.note("sv").endswith(
        "ett mellanslag står bland siffrorna efter punkten eller kommat, så det kan skilja tusental (1000000) eller "
        "stå bland decimaler (1); det gissas inte: skriv 1000000 om det är tusental, 1 om det är decimaler")


def test_an_insats_typed_with_a_no_break_space_in_the_file_is_matched(tmp_path):
    """The file's cells hold 'Steget\\xa0vidare' (a no-break space, as a case system or Word puts it) where the
    params say 'Steget vidare': the two looked identical in the message that refused them."""
    import openpyxl

    import evaltools as et

    from .test_excel_made_15 import CODES, COLUMNS, _two_insatser
    path = _two_insatser(tmp_path, f"  columns: {COLUMNS}\n  codes: {CODES}\n  insats: Steget vidare\n")
    book = tmp_path / "data" / "sus.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    changed = 0
    for row in ws.iter_rows():
        for c in row:
            if c.value == "Steget vidare":
                c.value = "Steget\u00a0 vidare"  # a no-break space and a space
                changed += 1
    assert changed == 10
    wb.save(book)
    project = et.load_project(path)
    # the 10 rows of 'Steget vidare' less its 1 'Felregistrering' (tests/test_excel_made_15.py): 9 enrolments
    assert len(project.participants) == 9
