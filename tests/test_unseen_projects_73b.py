"""Projects not seen before, their files made in Excel as case systems export them: a participants list whose ages are
written with their unit (``25 år``), whose sex is ``K``/``M``/``Vill ej uppge`` and which ends in a ``Totalt`` row with
the count under ``Kön``; and a large project with a comparison group whose budget is kept in tkr while both payments
files are in kronor. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from
the rows written here."""
from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import evaltools as et
from evaltools.data import schema as S

from .conftest import load_problems, shown_chunks, write_csv


def _case_system_project(tmp_path, ages, *, columns: bool = True, total: bool = False):
    """Three participants as a case system exports them, with Swedish headings and the ages ``ages`` (text as the
    export writes it); with ``columns`` the params file reads the headings (``data.columns``) and translates the
    sex texts (``data.codes``); with ``total`` a row ``Totalt`` with the count 3 under ``Kön`` ends the list."""
    rows = [{"Deltagar-ID": f"D{i}", "Kön": sex, "Ålder": age, "Startdatum": "2024-03-01 00:00:00",
             "Slutdatum": "2024-10-15 00:00:00", "Avslutsorsak": "arbete"}
            for i, (sex, age) in enumerate(zip(["K", "M", "Vill ej uppge"], ages), 1)]
    if total:
        rows.append({"Deltagar-ID": "Totalt", "Kön": "3", "Ålder": "", "Startdatum": "", "Slutdatum": "",
                     "Avslutsorsak": ""})
    write_csv(tmp_path / "data" / "deltagare.csv", rows)
    mapping = textwrap.indent(textwrap.dedent("""\
        columns: {'Deltagar-ID': person_id, 'Kön': sex, 'Ålder': age, 'Startdatum': start_date,
                  'Slutdatum': end_date, 'Avslutsorsak': outcome}
        codes: {sex: {'K': kvinna, 'M': man, 'Vill ej uppge': okänt}}
        """), "  ") if columns else ""
    path = tmp_path / "steg.yaml"
    path.write_text(textwrap.dedent("""\
        id: steg
        title: Steget
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2024-01-01, planned_end: 2024-12-31}
        data:
          participants: data/deltagare.csv
        """) + mapping, encoding="utf-8")
    return path


def test_an_age_written_with_its_unit_is_read_as_the_years_it_states(tmp_path):
    """A case system writes the age at start as '25 år'; the toolkit refused every row ('förväntat ett heltal från
    15 till 100') without saying what to write, though the cell says 25 as plainly as '10 441 kr' says 10 441 kronor.
    The three ages, '25 år', '31år' and '47 år.', are read as 25, 31 and 47."""
    project = et.load_project(_case_system_project(tmp_path, ["25 år", "31år", "47 år."]))
    ages = dict(zip(project.participants[S.PERSON_ID], project.participants[S.AGE]))
    assert ages == {"D1": 25, "D2": 31, "D3": 47}, ages


def test_an_age_with_another_unit_is_still_refused_at_its_cell(tmp_path):
    """Only years are read so: '25 mån' (months) is no age in years, and is refused at its row (the header is the
    file's first row, so D1 is row 2) and column, with the value."""
    problems = load_problems(_case_system_project(tmp_path, ["25 mån", "31 år", "47 år"]))
    said = [p for p in problems if p.column in ("Ålder", S.AGE)]
    assert len(said) == 1 and said[0].row == 2 and "25 mån" in said[0].note("sv"), [p.note("sv") for p in problems]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_codes_to_write_leave_out_the_count_of_a_total_row(tmp_path, lang):
    """Before the headings are read (no data.columns yet), the message gives the data.codes line for the texts under
    'Kön': K, M and 'Vill ej uppge'. The total row's count under 'Kön', 3, was listed among them as a sex to translate
    ('3': ?); it is the count of the row to delete, no text of the column."""
    problems = load_problems(_case_system_project(tmp_path, ["25", "31", "47"], columns=False, total=True), lang)
    said = " ".join(p.note(lang) for p in problems)
    assert "sex: {'K': kvinna, 'M': man, 'Vill ej uppge': okänt}" in said, said
    assert "'3'" not in said, said


def test_the_total_row_is_still_refused_once_the_headings_are_read(tmp_path):
    """With data.columns written, the row 'Totalt' (row 5: header, three persons, then it) is refused as a total row
    to delete, never read as a person."""
    problems = load_problems(_case_system_project(tmp_path, ["25", "31", "47"], total=True))
    assert [(p.key, p.row) for p in problems] == [("row.total", 5)], [p.note("sv") for p in problems]


def _tkr_project(tmp_path):
    """A project whose budget is kept in tkr (amount_unit: tkr for every file), beside the participants' and the
    comparison group's payments written in kronor: 8 000 and 9 000 kr a month, read in tkr as 8 and 9 million."""
    write_csv(tmp_path / "participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
         "start_date": "2022-03-01", "end_date": "2022-12-31", "outcome": "arbete"} for i in range(1, 6)])
    write_csv(tmp_path / "comparison.csv", [
        {"person_id": f"J{i}", "sex": "kvinna", "birth_year": 1980, "household_type": "ensamstående",
         "start_date": "2022-03-01", "end_date": "2022-12-31", "outcome": "kvar_försörjningsstöd"}
        for i in range(1, 6)])
    write_csv(tmp_path / "payments.csv", [{"person_id": f"P{i}", "month": f"2022-0{m}", "amount": 8000}
                                          for i in range(1, 6) for m in range(1, 4)])
    write_csv(tmp_path / "comparison_payments.csv", [{"person_id": f"J{i}", "month": f"2022-0{m}", "amount": 9000}
                                                     for i in range(1, 6) for m in range(1, 4)])
    write_csv(tmp_path / "budget.csv", [{"period": "2022", "category": "Personal", "budget": 900, "actual": 850}])
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent("""\
        id: tkr
        title: Storstaden
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2022-12-31}
        data:
          participants: participants.csv
          payments: payments.csv
          budget: budget.csv
          amount_unit: tkr
          comparison: {persons: comparison.csv, payments: comparison_payments.csv}
        """), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_both_payments_files_in_kronor_get_one_line_that_reads_both(tmp_path, lang):
    """Each payments file's message named the line reading that file alone in kr: the participants' said
    `{budget: tkr, payments: kr, comparison_payments: tkr}`, the comparison group's `{budget: tkr, payments: tkr,
    comparison_payments: kr}`; either written, the other file was refused on the next run. Both now name the line
    that reads the budget in tkr and both payments files in kr."""
    problems = [p for p in load_problems(_tkr_project(tmp_path), lang) if p.key == "payment.too_large_tkr"]
    assert len(problems) == 2, problems
    for p in problems:
        assert "amount_unit: {budget: tkr, payments: kr, comparison_payments: kr}" in p.note(lang), p.note(lang)


def test_the_joined_line_reads_the_project(tmp_path):
    """Written as the message says, the project loads, and the payments are kronor: 8 000 a month for P1."""
    path = _tkr_project(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "amount_unit: tkr", "amount_unit: {budget: tkr, payments: kr, comparison_payments: kr}"), encoding="utf-8")
    project = et.load_project(path)
    assert set(project.payments.loc[project.payments[S.PERSON_ID] == "P1", S.AMOUNT]) == {8000}
    assert project.budget["budget"].sum() == 900_000


# --- a tiny rural project: the households the payments follow beside the participants ---------------------------------


def _rural_project(tmp_path, n_other: int = 1):
    """A coach shared by three small municipalities: nine participants who began in 2024 and ended on 2024-11-30,
    the first 9 − ``n_other`` on försörjningsstöd at start, each paid 9 000 kr every month of 2023–2024 (so 12 months
    before start for each), the last ``n_other`` on activity compensation with no payments (as the economic-aid
    system has none of them). Each person is a household of their own."""
    rows = [{"person_id": f"R{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
             "household_type": "ensamstående", "municipality": ["Ånge", "Bräcke", "Ragunda"][i % 3],
             "start_date": f"2024-0{i}-01", "end_date": "2024-11-30",
             "outcome": "arbete" if i <= 5 else "kvar_försörjningsstöd",
             "support_start": "försörjningsstöd" if i <= 9 - n_other else "sjuk_aktivitetsersättning"}
            for i in range(1, 10)]
    write_csv(tmp_path / "data" / "participants.csv", rows)
    write_csv(tmp_path / "data" / "payments.csv",
              [{"person_id": f"R{i}", "month": f"{y}-{m:02d}", "amount": 9000}
               for i in range(1, 10 - n_other) for y in (2023, 2024) for m in range(1, 13)])
    path = tmp_path / "by.yaml"
    path.write_text(textwrap.dedent("""\
        id: by
        title: Byaleden
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2024-01-01, planned_end: 2024-12-31}
        data_as_of: 2025-06-30
        data:
          participants: data/participants.csv
          payments: data/payments.csv
        goals:
          - id: deltagare
            kind: participant_count
            label: Minst 8 deltagare
            target: 8
            period: whole_period
        """), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, note", [("sv", "Antalet hushåll visas som .."),
                                        ("en", "The number of households is shown as ..")])
def test_the_households_the_payments_follow_do_not_give_away_the_few_on_another_support(tmp_path, lang, note):
    """Nine participants (stated on page 1 and by the participant goal), eight on försörjningsstöd at start: the
    tables before and after start counted 'Deltagare 8' households, and 9 − 8 told that one participant had another
    support at start (here activity compensation), which the participants table and the data-quality notes withhold
    as a small count. The count is '..' in both tables, with the note saying why; the workbook's tables too, and a
    phase's household-months (8 households × 12 months before start = 96), which would give it back."""
    from evaltools.present.sections import payments

    r = et.Report(et.load_project(_rural_project(tmp_path)), lang=lang)
    chunks = shown_chunks(payments.blocks(r))
    assert "8" not in chunks, chunks
    assert any(c.startswith(note) for c in chunks), chunks
    tables = r.key_tables()
    for name in ("forsorjningsstod", "forsorjningsstod_faser"):
        mine = tables[name][tables[name]["group"] == "participants"]
        assert set(mine["persons"]) == {".."}, mine
    phases = tables["forsorjningsstod_faser"]
    assert 96 not in set(phases["person_months"]), phases


def test_the_households_are_shown_where_the_difference_is_no_small_count(tmp_path):
    """With all nine on försörjningsstöd at start (none on another support), 9 − 9 = 0 tells nothing: the tables say
    9 households, 12 months before start 9 × 12 = 108 household-months."""
    from evaltools.present.sections import payments

    r = et.Report(et.load_project(_rural_project(tmp_path, n_other=0)))
    chunks = shown_chunks(payments.blocks(r))
    assert "9" in chunks and not any(c.startswith("Antalet hushåll visas som ..") for c in chunks), chunks
    phases = r.key_tables()["forsorjningsstod_faser"]
    assert 108 in set(phases["person_months"]), phases


@pytest.mark.slow
def test_the_comparisons_households_do_not_give_away_the_few_on_another_support(tmp_path):
    """Twelve participants of the synthetic demo with a comparison group, the first two put on activity compensation
    at start and their households' payments taken out (as the economic-aid system has none): the DiD's sentence said
    '63 hushåll, varav 7 med deltagare', and the participants' households less 7 told how many the payments do not
    follow, beside the table's '..'. The sentence now says the number is not given, its total too (the total less
    the comparison group's households in the table gives the participants'), as the workbook's estimate table does."""
    from evaltools.present.sections import payments
    from evaltools.analysis.disclosure import payment_units_hidden

    from .conftest import demo_comparison_project

    path = demo_comparison_project(tmp_path, "litet", 20260101, 12, 60, -2000.0)
    parts = pd.read_csv(tmp_path / "participants.csv")
    parts.loc[:1, "support_start"] = "sjuk_aktivitetsersättning"
    parts.to_csv(tmp_path / "participants.csv", index=False)
    paid = pd.read_csv(tmp_path / "payments.csv")
    paid[~paid["household_id"].isin(parts.loc[:1, "household_id"])].to_csv(tmp_path / "payments.csv", index=False)
    r = et.Report(et.load_project(path))
    assert r.payments.did is not None
    assert payment_units_hidden(r.project, r.payments.did.n_treated_clusters)
    said = payments.effect_sentence(r)
    assert "varav" not in said and "antalet hushåll redovisas inte" in said, said
    effect = r.key_tables()["forsorjningsstod_effekt"]
    assert set(effect["n_clusters"]) == {".."} and set(effect["n_treated_clusters"]) == {".."}, effect


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_total_row_is_told_in_the_same_run_as_the_headings_to_read(tmp_path, lang):
    """Before data.columns is written, the one message with the lines to write came alone, and the total row (row 5)
    only on the next run, once the headings were read: both now come at once."""
    problems = load_problems(_case_system_project(tmp_path, ["25", "31", "47"], columns=False, total=True), lang)
    assert [p.key for p in problems] == ["column.own_headings", "row.total"], [p.note(lang) for p in problems]
    assert problems[1].row == 5 and "'Totalt'" in problems[1].note(lang)
