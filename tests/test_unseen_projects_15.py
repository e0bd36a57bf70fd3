"""Fifteenth sweep of projects unlike the samples, from files made in Excel: a project whose application sets
goals on who takes part, not on where they go ("Totalt 90 deltagare under projekttiden, varav minst 40 %
kvinnor och minst en tredjedel unga under 25 år"), counted as shares of the participants themselves
(``numerator: sex`` or ``numerator: age``) and never as an outcome share; and a project counted in project
years from 1 September (a school year, läsår), whose budget follow-up is kept in the förbund's layout with
a column pair per "Projektår 1", "Projektår 2" and an "OH-kostnader 15 %" line computed by a formula. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest
from openpyxl.styles import Font
from scipy.stats import beta

import evaltools as et
from evaltools.analysis.disclosure import goal_successes
from evaltools.analysis.goals import GoalStatus, assess_goals, success_definition
from evaltools.data.errors import ParamsError


# --- goals on who takes part --------------------------------------------------------------------------------
def _roster(tmp_path, sexes=None):
    """Vägen framåt's participant list as the coordinator keeps it: a bold title merged over the table, an empty
    row, the header on row 3, dates as date cells. 30 persons VF001-VF030: the first 12 women, the other 18 men;
    those of index 0, 3, 6, ..., 27 (10) and 1 and 29 (2) were born 2001 (12 young: 22-24 at a start in 2024 or
    2025), the others 1980-1989. Every second person (index 0, 2, ..., 28: 15) has ended, with the outcome of
    index % 5: arbete, studier, kvar_försörjningsstöd, avbrott, arbete."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Vägen framåt – deltagarförteckning"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
               "support_start"])
    d = dt.date
    for i in range(30):
        sex = (sexes or {}).get(i, "kvinna" if i < 12 else "man")
        born = 2001 if i % 3 == 0 or i in (1, 29) else 1980 + i % 10
        ended = i % 2 == 0
        outcome = ["arbete", "studier", "kvar_försörjningsstöd", "avbrott", "arbete"][i % 5] if ended else None
        ws.append([f"VF{i + 1:03d}", sex, born, "ensamstående", d(2024, 3 + i % 9, 1),
                   d(2025, 1 + i % 6, 20) if ended else None, outcome, "försörjningsstöd"])
    for row in ws.iter_rows(min_row=4, min_col=5, max_col=6):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    wb.save(tmp_path / "data/deltagare.xlsx")


VAGEN = """\
id: vagen
title: Vägen framåt
forbund: Samordningsförbundet Testbygd
owner: Testkommun
kind: individ
period: {start: 2024-03-01, planned_end: 2025-12-31}
data_as_of: 2025-12-31
granted_sek: 2400000
data:
  participants: data/deltagare.xlsx
goals:
"""

# the application's goals as an evaluator writes them once the toolkit's words are known
WRITTEN = """\
  - id: antal
    kind: participant_count
    label: Totalt 90 deltagare under projekttiden
    target: 90
    period: whole_period
  - id: kvinnor
    kind: share
    label: Minst 40 % av deltagarna ska vara kvinnor
    numerator: sex
    sex: [kvinna]
    target: 0.4
    period: whole_period
  - id: unga
    kind: share
    label: Minst en tredjedel av deltagarna ska vara unga under 25 år
    numerator: age
    age_below: 25
    target: 0.333
    period: whole_period
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete eller studier
    target: 0.3
    denominator: exits
    period: whole_period
    success_outcomes: [arbete, studier]
"""


def _vagen(tmp_path, goals: str = WRITTEN, sexes=None):
    _roster(tmp_path, sexes)
    p = tmp_path / "vagen.yaml"
    p.write_text(VAGEN + goals, encoding="utf-8")
    return p


def _row(table, goal_id):
    rows = table[table["goal_id"] == goal_id]
    assert len(rows) == 1
    return rows.iloc[0]


def test_the_applications_sentence_as_one_count_goal_is_refused_with_the_share_to_write_apart(tmp_path):
    # written as the application words it, the count would be judged (30 of 90) and its shares never
    goals = """\
      - id: antal
        kind: participant_count
        label: Totalt 90 deltagare under projekttiden, varav minst 40 % kvinnor och minst en tredjedel unga under 25 år
        target: 90
        period: whole_period
    """
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, textwrap.indent(textwrap.dedent(goals), "  ")))
    text = str(e.value.in_lang("sv"))
    assert "mål 1 (id: antal)" in text and "'40 % kvinnor'" in text
    assert "Totalt 90 deltagare under projekttiden" in text and "numerator: sex" in text and "age_below: 25" in text


@pytest.mark.parametrize("label, words", [
    ("Minst 40 % av deltagarna ska vara kvinnor", "40 % av deltagarna ska vara kvinnor"),
    ("Minst en tredjedel av deltagarna ska vara unga under 25 år", "en tredjedel av deltagarna ska vara unga"),
    ("Hälften av deltagarna är kvinnor", "Hälften av deltagarna är kvinnor"),
    ("Andelen kvinnor ska vara minst 40 %", "Andelen kvinnor"),
    ("At least 40% of participants should be women", "40% of participants should be women"),
])
def test_a_share_of_who_takes_part_counted_as_outcomes_is_refused(tmp_path, label, words):
    # kind: share with the default numerator would count exits to work over the participants: "40 % kvinnor"
    # judged by 9 of 30 with an outcome
    goal = f"""\
  - id: kvinnor
    kind: share
    label: {label}
    target: {0.333 if 'tredjedel' in label else 0.5 if 'Hälften' in label else 0.4}
    period: whole_period
"""
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, goal))
    text = str(e.value.in_lang("sv"))
    assert f"'{words}'" in text and "numerator: sex med sex: [kvinna]" in text, text
    assert "numerator: age med age_below: 25" in str(e.value.in_lang("sv"))
    assert "numerator: sex with sex: [kvinna]" in str(e.value.in_lang("en"))


@pytest.mark.parametrize("label", [
    "Minst 40 % av de unga deltagarna ska gå till arbete eller studier",
    "Minst 40 % av kvinnorna ska gå till arbete eller studier",
    "Minst 40 % av de avslutade ska gå till arbete",
])
def test_an_outcome_share_of_a_group_is_read_as_written(tmp_path, label):
    goal = f"""\
  - id: arbete
    kind: share
    label: {label}
    target: 0.4
    denominator: exits
    period: whole_period
"""
    assert et.load_params(_vagen(tmp_path, goal)).goals[0].numerator == "outcome"


def test_shares_of_who_takes_part_are_counted_among_everyone_enrolled(tmp_path):
    project = et.load_project(_vagen(tmp_path))
    table = assess_goals(project).table
    women, young, work = _row(table, "kvinnor"), _row(table, "unga"), _row(table, "arbete")
    # 12 women of 30 enrolled, ended or not: 12/30 = 0.4; the exact (Clopper–Pearson) interval from the beta
    # distribution: [B(0.025; 12, 19), B(0.975; 13, 18)]
    assert (women.numerator, women.denominator, women.value) == (12, 30, pytest.approx(0.4))
    assert women.ci_low == pytest.approx(beta.ppf(0.025, 12, 19)) and women.ci_high == pytest.approx(beta.ppf(0.975, 13, 18))
    # the interval spans 40 %: reached, but uncertain
    assert women.status == GoalStatus.REACHED_UNCERTAIN
    # young: index 0, 3, ..., 27 (10) and 1, 29 (2) = 12 born 2001, aged 23 or 24 in their start year < 25
    assert (young.numerator, young.denominator) == (12, 30)
    # the main goal is the outcome share, not the first share goal (a share of women is no success):
    # ended: index 0, 2, ..., 28 (15); outcome by index % 5: 0 arbete, 2 kvar, 4 arbete, 6 studier, 8 avbrott,
    # 10 arbete, 12 kvar, 14 arbete, 16 studier, 18 avbrott, 20 arbete, 22 kvar, 24 arbete, 26 studier, 28 avbrott
    # -> arbete or studier: 0, 4, 6, 10, 14, 16, 20, 24, 26 = 9 of 15
    assert (work.numerator, work.denominator) == (9, 15) and bool(work.main)
    d = success_definition(project.params)
    assert d.goal_id == "arbete" and d.outcomes == ("arbete", "studier")
    # a share of who takes part tells no outcome: the disclosure rule counts only the outcome share's 9
    assert goal_successes(table) == (9,)


def test_a_count_of_women_is_a_count_goal_of_who_takes_part(tmp_path):
    goal = """\
  - id: kvinnor
    kind: participant_count
    label: Minst 15 kvinnor under projekttiden
    numerator: sex
    sex: [kvinna]
    target: 15
    period: whole_period
"""
    row = _row(assess_goals(et.load_project(_vagen(tmp_path, goal))).table, "kvinnor")
    # 12 women against 15: 12/15 = 0.8, at the partly band (0.8)
    assert row.value == 12 and row.status == GoalStatus.PARTLY


def test_participants_of_unknown_sex_are_left_out_of_the_share_and_the_table_says_so(tmp_path):
    # two men (index 20 and 21) written "okänt": 12 women of 28 of known sex
    project = et.load_project(_vagen(tmp_path, sexes={20: "okänt", 21: "okänt"}))
    row = _row(assess_goals(project).table, "kvinnor")
    assert (row.numerator, row.denominator) == (12, 28)
    assert row.note == "unknown_sex_left_out"
    from evaltools.words.labels import goal_note
    assert goal_note(row.note, "sv") == "deltagare med okänt kön räknas inte i nämnaren"


@pytest.mark.parametrize("extra, words", [
    ("sex: [kvinna]\n", "numerator: sex"),                        # the trait without its numerator
    ("numerator: sex\nsex: [kvinnor]\n", "kvinna, man, annat, okänt"),  # a label for the code
    ("numerator: sex\n", "[kvinna]"),                              # no sex named
    ("numerator: age\n", "age_below"),                             # no age named
    ("numerator: age\nage_below: 250\n", "från 16 till 100"),
    ("numerator: sex\nsex: [kvinna]\ndenominator: exits\n", "denominator: exits"),
    ("numerator: sex\nsex: [kvinna]\nmain: true\n", "huvudmål"),
])
def test_a_goal_on_who_takes_part_written_wrong_is_refused_with_what_to_write(tmp_path, extra, words):
    goal = "  - id: kvinnor\n    kind: share\n    label: Kvinnor bland deltagarna\n    target: 0.4\n" \
           + textwrap.indent(extra, "    ")
    with pytest.raises(ParamsError) as e:
        et.load_params(_vagen(tmp_path, goal))
    assert words in str(e.value.in_lang("sv")), str(e.value.in_lang("sv"))


def test_an_applications_share_of_women_is_not_judged_by_its_expected_successes(tmp_path):
    # an application's expected 20 successes of 40 participants a year say nothing of how many are women
    p = tmp_path / "ansokan.yaml"
    p.write_text(textwrap.dedent("""\
        id: ansokan
        title: Vägen framåt (ansökan)
        forbund: Testförbundet
        owner: Testkommun
        kind: ansökan
        period: {start: 2026-03-01, planned_end: 2027-12-31}
        expected: {participants_per_year: 40, successes_per_year: 20}
        goals:
          - id: kvinnor
            kind: share
            label: Minst 40 % av deltagarna ska vara kvinnor
            numerator: sex
            sex: [kvinna]
            target: 0.4
            period: whole_period
        """), encoding="utf-8")
    row = _row(assess_goals(et.load_project(p)).table, "kvinnor")
    assert row.note == "no_participants" and row.value != row.value  # (NaN: not 20/40 = 50 %)
