"""Seventh sweep: a newcomer's first project, from the template to the report, and a förbund's
portfolio. The first mistakes a person makes in a params file (a goal's code written in Swedish or
spelt almost right) and in a budget (a period written "2025 (prognos)"), each answered with the
place, the value and what to write. Each fixture is a tiny project written in tmp_path; expected
values are worked out by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

from .conftest import write_csv
from .test_unseen_projects import _params, _person

# one calendar-year participant goal, one share of exits, one qualitative goal: the fields a newcomer
# writes codes into (kind, period, denominator, assessment)
GOALS = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {participants: data/participants.csv}
    goals:
      - id: deltagare
        kind: participant_count
        label: Minst 20 föräldrar per kalenderår
        target: 20
        period: calendar_year
      - id: plan
        kind: share
        numerator: action_plan
        denominator: exits
        label: Minst 70 % av de avslutade har en handlingsplan
        target: 0.7
        period: whole_period
      - id: fritid
        kind: qualitative
        label: Barnen deltar oftare i fritidsaktiviteter
        assessment: delvis
        evidence: Föräldrarnas berättelser vid avslut.
    """


def _problems(tmp_path, replace: dict[str, str], lang: str) -> list[str]:
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="2024-03-01", end="2024-09-01")])
    body = GOALS
    for old, new in replace.items():
        assert old in body
        body = body.replace(old, new)
    with pytest.raises(ParamsError) as e:
        et.load_project(_params(tmp_path, body))
    return e.value.in_lang(lang).messages


# --- a code written in Swedish, or spelt almost right, is named with the code meant ----------------
@pytest.mark.parametrize("old, new, place, meant", [
    ("period: calendar_year", "period: kalenderår", "mål 1 (id: deltagare), period", "calendar_year"),
    ("kind: participant_count", "kind: participants_count", "mål 1 (id: deltagare), kind", "participant_count"),
    ("kind: share", "kind: andel", "mål 2 (id: plan), kind", "share"),
    ("denominator: exits", "denominator: avslutade", "mål 2 (id: plan), denominator", "exits"),
    ("period: whole_period", "period: hela perioden", "mål 2 (id: plan), period", "whole_period"),
    ("assessment: delvis", "assessment: delvis uppnått", "mål 3 (id: fritid), assessment", "delvis"),
    ("assessment: delvis", "assessment: ej uppnått", "mål 3 (id: fritid), assessment", "ej_uppnått"),
    ("kind: qualitative", "kind: Kvalitativ", "mål 3 (id: fritid), kind", "qualitative"),
])
def test_a_code_written_as_a_person_writes_it_is_named_with_the_code_to_write(tmp_path, old, new, place, meant):
    (sv,) = _problems(tmp_path, {old: new}, "sv")
    written = new.split(": ", 1)[1]
    assert sv.startswith(f"{place}: står '{written}'; menade du '{meant}'?"), sv
    assert "förväntat ett av:" in sv  # the whole list is still there
    (en,) = _problems(tmp_path / "en", {old: new}, "en")
    assert f"got '{written}'; did you mean '{meant}'?" in en


def test_every_code_written_wrongly_is_named_at_once_and_a_word_far_from_every_code_gets_no_guess(tmp_path):
    problems = _problems(tmp_path, {"period: calendar_year": "period: kalenderår", "kind: share": "kind: procent"},
                         "sv")
    assert len(problems) == 2
    calendar = next(p for p in problems if "kalenderår" in p)
    assert "menade du 'calendar_year'?" in calendar
    far = next(p for p in problems if "procent" in p)
    assert "menade du" not in far and "förväntat ett av: 'participant_count'" in far


# --- a budget period the contract cannot read is refused with the period to write ------------------
BUDGET_PROJECT = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    granted_sek: 2000000
    data: {participants: data/participants.csv, budget: data/budget.csv}
    """


def _budget(tmp_path, periods: list[str]):
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="2024-03-01", end="2024-09-01")])
    write_csv(tmp_path / "data/budget.csv", [{"period": p, "category": f"Post {i}", "budget": 500_000, "actual": ""}
                                             for i, p in enumerate(periods, 1)])
    return _params(tmp_path, BUDGET_PROJECT)


def test_a_forecast_or_a_project_year_written_out_in_the_budget_period_is_refused_with_what_to_write(tmp_path):
    from evaltools.data.errors import DataValidationError
    path = _budget(tmp_path, ["2024", "2025 (prognos)", "Projektår 2", "Q1"])
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    sv = e.value.message("sv")
    # the header is row 1: "2025 (prognos)" is on row 3, "Projektår 2" on row 4, "Q1" on row 5; all at once
    assert "rad 3, kolumn 'period': står '2025 (prognos)'; skriv 2025: en prognos är periodens budget" in sv
    assert "rad 4, kolumn 'period': står 'Projektår 2'; skriv år 2 " in sv
    assert "rad 5, kolumn 'period': står 'Q1'; förväntat ett kalenderår (2024), ett projektår (år 1)" in sv
    assert "rad 2," not in sv  # 2024 is a period the contract reads
    en = e.value.message("en")
    assert "row 3, column 'period': got '2025 (prognos)'; write 2025: a forecast is the period's budget" in en
    assert "Traceback" not in sv + en


def test_the_periods_the_contract_reads_are_all_taken(tmp_path):
    # a calendar year, a project year in either letter case, the whole period: 4 × 500 000 kr read
    project = et.load_project(_budget(tmp_path, ["2024", "År 1", "år 2", "hela"]))
    assert project.budget["budget"].sum() == pytest.approx(2_000_000)

