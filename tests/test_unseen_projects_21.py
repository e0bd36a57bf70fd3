"""Twenty-first sweep of projects unlike the samples, from files made in Excel: goals whose target per year an
evaluator copies from an application in the words it uses ("år 1: 20 deltagare, år 2 och 3: 30", "år 2–3: 30",
"20 deltagare första året, därefter 30 per år", "30 andra och tredje året", "från 30 % 2024 till 40 % 2026"), each
year read with its own target (a range or a list of years shares one) and refused with the whole ``targets:`` line to
write, never a year's target taken from the range's last year ("år 2–3: 30" was a target of 3 for year 2). Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

HEAD = """\
id: steg
title: Stegvis
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2026-12-31}
data_as_of: 2027-03-31
data: {participants: data/deltagare.xlsx}
goals:
"""

# 20 persons start in 2024 (project year 1), one every 17 days from 10 January; 28 in 2025 and 31 in 2026, one every
# 10 days from 10 January; each ends 120 days after the start (the last, 2026-11-06, on 2027-03-06), to work (even
# index within the year) or still on försörjningsstöd (odd index)
PER_YEAR = {2024: (20, 17), 2025: (28, 10), 2026: (31, 10)}


def _steg(tmp_path, goals: str):
    """The project's params file, its participants in a workbook saved by Excel (dates as date cells)."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for year, (n, step) in PER_YEAR.items():
        for k in range(n):
            start = dt.date(year, 1, 10) + dt.timedelta(days=step * k)
            ws.append([f"S{year}{k:02d}", ("kvinna", "man")[k % 2], 1975 + k % 20, "ensamstående", start,
                       start + dt.timedelta(days=120), ("arbete", "kvar_försörjningsstöd")[k % 2]])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "steg.yaml"
    p.write_text(HEAD + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return p


def _params_refusal(path, lang: str = "sv") -> str:
    with pytest.raises(ParamsError) as e:
        et.load_project(path, lang=lang)
    return e.value.message(lang)


def _count(label: str, target: str = "target: 30") -> str:
    return f"- id: antal\n  kind: participant_count\n  label: \"{label}\"\n  {target}\n"


# --- 1. a target per year in the application's words -------------------------------------------------------------
@pytest.mark.parametrize("label", [
    "år 1: 20 deltagare, år 2 och 3: 30 deltagare",
    "Minst 20 deltagare år 1 och 30 deltagare år 2 och 3",
    "år 1: 20 deltagare, år 2–3: 30 deltagare",
    "Antal deltagare år 1: 20, år 2-3: 30",
    "20 deltagare år 1, därefter 30 per år",
    "Projektet tar emot 20 deltagare det första året och sedan 30 per år",
    "20 deltagare första året, 30 deltagare andra och tredje året",
    "Antal deltagare år 1: 20. År 2 och 3: 30.",
    "Unga under 25 år: 20 deltagare år 1, 30 år 2 och 3",
])
def test_years_sharing_a_target_are_each_given_it_in_the_line_to_write(tmp_path, label):
    # three project years (2024-01-01 – 2026-12-31): 20 in year 1, 30 in years 2 and 3 (a range, a list, "därefter",
    # ordinals); never '?' for a year the words name, nor 3 for year 2 from 'år 2–3: 30', nor 25 from 'under 25 år'
    assert "targets: {1: 20, 2: 30, 3: 30} (skriv" in _params_refusal(_steg(tmp_path, _count(label)))


def test_the_english_words_give_the_same_line(tmp_path):
    goal = _count("Antal deltagare", "target: 30\n  label_en: 20 participants in year 1, 30 in years 2 and 3")
    said = _params_refusal(_steg(tmp_path, goal), "en")
    assert ("('20 participants in year 1', '30 in years 2 and 3'), but target: 30 is the same target for every year"
            in said and "targets: {1: 20, 2: 30, 3: 30} (write" in said)


def test_a_share_from_a_baseline_year_to_a_later_one_gives_calendar_years_to_write(tmp_path):
    goal = textwrap.dedent("""\
        - id: arbete
          kind: share
          label: Andelen som går till arbete ska öka från 30 % 2024 till 40 % 2026
          target: 0.4
          denominator: exits
          success_outcomes: [arbete]
        """)
    # 2024 30 %, 2026 40 %, 2025 no target in the words ('?'); counted per project year, so the period to write too
    assert ("('Andelen som går till arbete ska öka från 30 % 2024', '40 % 2026'), men target: 0.4 är samma målvärde "
            "för varje år" in (said := _params_refusal(_steg(tmp_path, goal))))
    assert "targets: {2024: 0.3, 2025: ?, 2026: 0.4}, period: calendar_year (skriv" in said


def test_the_years_written_as_the_words_give_them_are_each_judged_against_their_own(tmp_path):
    goal = _count("år 1: 20 deltagare, år 2 och 3: 30 deltagare", "targets: {1: 20, 2: 30, 3: 30}")
    raw = et.assess_goals(et.load_project(_steg(tmp_path, goal))).raw
    # 20, 28 and 31 started (PER_YEAR); year 1: 20 >= 20 reached; year 2: 28 < 30 but >= 0.8 * 30 = 24, partly;
    # year 3: 31 >= 30 reached (with one target of 30, year 1's 20 < 24 would not have been reached)
    assert raw["value"].tolist() == [20, 28, 31]
    assert raw["target"].tolist() == [20, 30, 30]
    assert [str(s) for s in raw["status"]] == ["uppnått", "delvis", "uppnått"]


@pytest.mark.parametrize("label", ["Minst 30 deltagare per år under projektåren 1–3", "30 deltagare per år 2024–2026",
                                   "Minst 30 deltagare år 1 och 30 år 2 och 3"])
def test_one_target_for_a_range_of_years_is_read_as_written(tmp_path, label):
    assert et.load_project(_steg(tmp_path, _count(label))).params.goals[0].target == 30
