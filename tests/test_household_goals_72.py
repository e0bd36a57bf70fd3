"""Goals counted per household (``counts: households``): "30 % av hushållen ska ha lämnat försörjningsstödet",
"minst 3 hushåll ska bli självförsörjande". Each household once; counted in the period its first participant
started; left when every participant of it ended with one of the goal's outcomes. Expected values by hand, the
interval from scipy's beta quantiles."""
from __future__ import annotations

import textwrap

import pytest
from scipy.stats import beta

from .conftest import load_problems, params_refusal, write_csv

BASE = {"sex": "kvinna", "birth_year": 1985, "household_type": "sambo_med_barn", "support_start": "försörjningsstöd"}

# 10 persons in 5 households, two in each. H1: both to work (left). H2: one to work, one dropped out (not left).
# H3: studies and work (left). H4: work, and one who started later and dropped out (not left). H5: one dropped out.
# So 2 of 5 households left; 7 of the 10 persons ended in work or studies.
TEN = [("P1", "H1", "2024-02-01", "2024-10-31", "arbete"), ("P2", "H1", "2024-03-01", "2024-11-30", "arbete"),
       ("P3", "H2", "2024-02-15", "2024-09-30", "arbete"), ("P4", "H2", "2024-04-01", "2024-12-15", "avbrott"),
       ("P5", "H3", "2024-05-01", "2025-03-31", "studier"), ("P6", "H3", "2024-05-01", "2025-03-31", "arbete"),
       ("P7", "H4", "2024-06-01", "2025-02-28", "arbete"), ("P8", "H4", "2025-03-01", "2025-05-31", "avbrott"),
       ("P9", "H5", "2024-07-01", "2025-01-31", "avbrott"), ("P10", "H5", "2024-07-01", "2025-01-31", "arbete")]

SHARE = """\
  - id: andel_hushall
    kind: share
    label: 30 % av hushållen ska ha lämnat försörjningsstödet
    target: 0.3
    period: whole_period
{extra}"""
COUNT = """\
  - id: antal_hushall
    kind: outcome_count
    label: Minst 3 hushåll ska bli självförsörjande
    target: 3
    period: whole_period
{extra}"""
PERSONS = """\
  - id: lyckade
    kind: share
    label: 40 % av de avslutade deltagarna ska gå till arbete eller studier
    target: 0.4
    denominator: exits
    period: whole_period
"""
HH = "    counts: households\n"


def _project(tmp_path, goals: str, rows=TEN, household_column: bool = True, end: str = "2025-06-30") -> str:
    cols = ["person_id", "household_id", "start_date", "end_date", "outcome"]
    records = [{**BASE, **dict(zip(cols, r))} for r in rows]
    if not household_column:
        for rec in records:
            del rec["household_id"]
    write_csv(tmp_path / "data" / "participants.csv", records)
    path = tmp_path / "hh.yaml"
    path.write_text(textwrap.dedent(f"""\
        id: hh
        kind: individ
        title: Hushållsprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2024-01-01, planned_end: {end}}}
        data:
          participants: data/participants.csv
        goals:
        """) + goals, encoding="utf-8")
    return str(path)


def _rows(table, gid):
    return table[table["goal_id"] == gid]


# --- the analysis -------------------------------------------------------------------------------------------------


def test_share_of_households_two_of_five_with_exact_interval(tmp_path):
    import evaltools as et
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH) + COUNT.format(extra=HH)))
    t = et.assess_goals(p).table
    share = _rows(t, "andel_hushall").iloc[0]
    assert (share["numerator"], share["denominator"]) == (2, 5)
    assert share["value"] == pytest.approx(0.4)
    # Clopper–Pearson by hand: the 2.5 % quantile of Beta(k, n − k + 1), the 97.5 % one of Beta(k + 1, n − k)
    assert share["ci_low"] == pytest.approx(beta.ppf(0.025, 2, 4))
    assert share["ci_high"] == pytest.approx(beta.ppf(0.975, 3, 3))
    assert share["ci_low"] < 0.3 < share["ci_high"]  # (0.053 to 0.853: spans the target, point above it)
    assert share["status"] == "uppnått_osäkert"
    assert share["counts"] == "households"
    count = _rows(t, "antal_hushall").iloc[0]
    assert count["value"] == 2 and count["status"] == "ej_uppnått"  # (2 against 3; 0.8 × 3 = 2.4)


def test_person_goal_beside_it_still_counts_persons(tmp_path):
    import evaltools as et
    from evaltools.analysis.goals import main_goal
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH) + PERSONS))
    t = et.assess_goals(p).table
    persons = _rows(t, "lyckade").iloc[0]
    assert (persons["numerator"], persons["denominator"], persons["counts"]) == (7, 10, "persons")
    # a household goal never defines the project's success, though it comes first
    assert main_goal(p.params).id == "lyckade"
    assert bool(persons["main"]) and not bool(_rows(t, "andel_hushall").iloc[0]["main"])


def test_household_counted_in_year_of_first_start_and_left_only_when_all_left(tmp_path):
    import evaltools as et
    rows = [("A1", "HA", "2024-11-01", "2025-01-31", "arbete"),  # HA: first start year 1, second member in year 2
            ("A2", "HA", "2025-02-01", "2025-06-30", "arbete"),
            ("B1", "HB", "2025-02-01", "2025-05-31", "arbete"),  # HB: year 2, one member still enrolled
            ("B2", "HB", "2025-03-01", "", ""),
            ("C1", "HC", "2024-03-01", "2024-09-30", "studier"),  # HC: year 1, alone, left
            ("D1", "", "2024-04-01", "2024-08-31", "arbete")]  # no household id: a household of their own, year 1
    goal = """\
  - id: per_ar
    kind: outcome_count
    label: Minst 2 hushåll per år ska bli självförsörjande
    target: 2
    period: project_year
    counts: households
"""
    p = et.load_project(_project(tmp_path, goal, rows, end="2025-12-31"))
    raw = et.assess_goals(p).raw.set_index("period_key")
    # year 1: HA (its first member started then, though the other started in year 2), HC and D1 left: 3;
    # year 2: HB has a member still enrolled, so none
    assert raw.loc["år1", "value"] == 3
    assert raw.loc["år2", "value"] == 0
    from evaltools.analysis.goals import household_goal_counts, period_windows
    goal_ = p.params.goals[0]
    counted = [household_goal_counts(goal_, p.participants, w) for w in period_windows(p.params, "project_year")]
    assert counted == [(3, 3), (0, 1)]  # (left, households counted) per year: every household once


def test_a_member_who_returned_counts_by_the_latest_enrolment(tmp_path):
    from evaltools.analysis.goals import household_goal_counts, period_windows
    import evaltools as et
    rows = [("R1", "HR", "2024-02-01", "2024-04-30", "avbrott"), ("R1", "HR", "2024-06-01", "2024-12-31", "arbete"),
            ("S1", "HS", "2024-02-01", "2024-04-30", "arbete"), ("S1", "HS", "2024-06-01", "2024-12-31", "avbrott")]
    goal = COUNT.format(extra=HH).replace("Minst 3 hushåll", "Minst 1 hushåll").replace("target: 3", "target: 1")
    p = et.load_project(_project(tmp_path, goal, rows))
    w = period_windows(p.params, "whole_period")[0]
    assert household_goal_counts(p.params.goals[0], p.participants, w) == (1, 2)  # HR left; HS came back and did not


# --- disclosure ---------------------------------------------------------------------------------------------------


def test_household_base_hidden_where_it_would_tell_how_few_share_a_household(tmp_path):
    """8 persons in 5 households: 2 of 5 would tell that 3 participants live with another (page 1 says only that
    some do); the counts are hidden, the status kept."""
    import evaltools as et
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH), EIGHT))
    result = et.assess_goals(p)
    raw = _rows(result.raw, "andel_hushall").iloc[0]
    assert (raw["numerator"], raw["denominator"]) == (2, 5)  # (H1, H3 left)
    shown = _rows(result.table, "andel_hushall").iloc[0]
    assert shown["suppression"] == "secondary" and shown["note"] == "households_withheld_note"
    assert all(shown[c] != shown[c] for c in ("value", "numerator", "denominator", "ci_low"))  # (NaN)
    assert shown["status"] == raw["status"] == "uppnått_osäkert"
    from evaltools.analysis.disclosure import HouseholdsSaid, participant_households
    assert participant_households(p).said == HouseholdsSaid.SOME  # (page 1's rule, which the goal table keeps)


EIGHT = [("P1", "H1", "2024-02-01", "2024-10-31", "arbete"), ("P2", "H1", "2024-03-01", "2024-11-30", "arbete"),
         ("P3", "H2", "2024-02-15", "2024-09-30", "arbete"), ("P4", "H2", "2024-04-01", "2024-12-15", "avbrott"),
         ("P5", "H3", "2024-05-01", "2025-03-31", "studier"), ("P6", "H4", "2024-06-01", "2025-02-28", "arbete"),
         ("P7", "H4", "2025-03-01", "2025-05-31", "avbrott"), ("P8", "H5", "2024-07-01", "2025-01-31", "avbrott")]


@pytest.mark.slow
@pytest.mark.parametrize("lang, said", [("sv", "antalen hushåll och andelen visas inte (..)"),
                                        ("en", "the numbers of households and the share are not shown (..)")])
def test_goal_table_says_why_a_household_share_is_hidden(tmp_path, lang, said):
    import evaltools as et
    from evaltools.present import sections
    from .conftest import shown_chunks
    r = et.Report(_project(tmp_path, SHARE.format(extra=HH), EIGHT), lang=lang)
    section = " ".join(shown_chunks(sections.goals.blocks(r))).replace("\u00a0", " ")
    assert f"30 % av hushållen ska ha lämnat försörjningsstödet: {said}" in section
    assert "2 av 5" not in section and "2 of 5" not in section


def test_small_household_count_in_a_year_is_hidden(tmp_path):
    import evaltools as et
    goal = """\
  - id: per_ar
    kind: outcome_count
    label: Minst 2 hushåll per år ska bli självförsörjande
    target: 2
    period: project_year
    counts: households
"""
    p = et.load_project(_project(tmp_path, goal, TEN, end="2025-12-31"))
    t = et.assess_goals(p).table.set_index("period_key")
    # year 1: H1 and H3 left (2, of 1 to 4: hidden); year 2 none began, 0, hidden beside it so the total does not
    # give it back
    assert t.loc["år1", "suppression"] == "small"
    assert t.loc["år1", "value"] != t.loc["år1", "value"]


# --- params and data checks ---------------------------------------------------------------------------------------


def test_household_words_accepted_with_counts_households(tmp_path):
    import evaltools as et
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH) + COUNT.format(extra=HH)))
    assert [g.counts for g in p.params.goals] == ["households", "households"]


@pytest.mark.parametrize("lang, line", [("sv", "Lägg till raden 'counts: households' i målet"),
                                        ("en", "Add the line 'counts: households' to the goal")])
def test_household_words_without_it_refused_naming_the_line(tmp_path, lang, line):
    said = params_refusal(_project(tmp_path, SHARE.format(extra="")), lang)
    assert "30 % av hushållen" in said and line in said


def test_participant_count_of_households_refused_with_the_line_to_add(tmp_path):
    goal = """\
  - id: deltog
    kind: participant_count
    label: Minst 20 hushåll ska ha deltagit
    target: 20
    period: whole_period
"""
    said = params_refusal(_project(tmp_path, goal))
    assert "Lägg till raden 'counts: households'" in said and "kind: qualitative" not in said


@pytest.mark.parametrize("extra, named", [("    main: true\n", "main: true"),
                                          ("    denominator: exits\n", "denominator: exits"),
                                          ("    among: {sex: kvinna}\n", "among")])
def test_household_goal_with_a_setting_it_cannot_count_refused(tmp_path, extra, named):
    said = params_refusal(_project(tmp_path, SHARE.format(extra=HH + extra)))
    assert "counts: households" in said and f"Målet har {named}" in said


def test_household_goal_of_participants_with_a_group_refused(tmp_path):
    goal = """\
  - id: deltog
    kind: participant_count
    label: Minst 20 hushåll ska ha deltagit
    target: 20
    period: whole_period
    counts: households
    among: {sex: kvinna}
"""
    said = params_refusal(_project(tmp_path, goal))
    assert "Målet har among" in said


def test_household_goal_without_household_column_refused_naming_it(tmp_path):
    problems = load_problems(_project(tmp_path, SHARE.format(extra=HH), household_column=False))
    mine = [p for p in problems if p.key == "column.goal_households_missing"]
    assert len(mine) == 1 and mine[0].column == "household_id" and mine[0].file.endswith("participants.csv")
    assert "lägg till kolumnen household_id" in mine[0].note("sv")
    assert "add the column household_id" in mine[0].note("en")


# --- words: one figure, one definition, "hushåll" wherever the goal counts households -----------------------------


@pytest.mark.parametrize("lang, share, count", [("sv", "2 av 5 hushåll (40,0 %)", "2 hushåll"),
                                                ("en", "2 of 5 households (40.0%)", "2 households")])
def test_goal_table_says_households(tmp_path, lang, share, count):
    import evaltools as et
    from evaltools.present.results import goal_table_frame
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH) + COUNT.format(extra=HH) + PERSONS))
    frame = goal_table_frame(et.assess_goals(p, lang=lang), lang)
    values = [v.replace("\u00a0", " ") for v in frame.iloc[:, 2]]
    assert values[0] == share and values[1] == count
    assert "hushåll" not in values[2] and "households" not in values[2]  # (the person goal: 70,0 % (7/10))


@pytest.mark.slow
@pytest.mark.parametrize("lang, share, count", [
    ("sv", "40,0 % under hela perioden (2 av 5 hushåll;", "inte uppnått – 2 hushåll under hela perioden"),
    ("en", "40.0% over the whole period (2 of 5 households;", "not achieved – 2 households over the whole period")])
def test_page_one_says_households(tmp_path, lang, share, count):
    import evaltools as et
    from evaltools.present.sections import summary
    r = et.Report(_project(tmp_path, SHARE.format(extra=HH) + COUNT.format(extra=HH) + PERSONS), lang=lang)
    said = " ".join(summary.goal_fulfilment(r)).replace("\u00a0", " ")
    assert share in said and count in said
    assert "(7 av 10;" in said or "(7 of 10;" in said  # (the person goal beside them counts persons)
    # the goal section's sentence on the interval says households of the same figures
    from evaltools.present import sections
    from .conftest import shown_chunks
    section = " ".join(shown_chunks(sections.goals.blocks(r))).replace("\u00a0", " ")
    assert ("40,0 % (2 av 5 hushåll)" if lang == "sv" else "40.0% (2 of 5 households)") in section


def test_workbook_goal_sheet_says_what_is_counted():
    from evaltools.publish.workbook import SHEETS
    column = next(c for c in SHEETS["mal"][2] if c.source == "counts")
    assert column.label("households", "sv") == "hushåll" and column.label("persons", "sv") == "personer"
    assert column.label("households", "en") == "households"
    assert "hushåll" in column.heading("sv") and "households" in column.heading("en")


@pytest.mark.parametrize("lang, named", [("sv", "Minst 30 % ska ha lämnat försörjningsstödet (räknat per hushåll)"),
                                         ("en", "Minst 30 % ska ha lämnat försörjningsstödet (counted per household)")])
def test_portfolio_names_a_household_goal_as_such(tmp_path, lang, named):
    import evaltools as et
    from evaltools.present.portfolio import goal_rows
    goal = SHARE.format(extra=HH).replace("30 % av hushållen ska", "Minst 30 % ska")
    p = et.load_project(_project(tmp_path, goal + PERSONS))
    labels = [g["label"] for g in goal_rows(p, lang)]
    assert labels == [named, "40 % av de avslutade deltagarna ska gå till arbete eller studier"]


def test_portfolio_keeps_a_label_that_says_households(tmp_path):
    import evaltools as et
    from evaltools.present.portfolio import goal_rows
    p = et.load_project(_project(tmp_path, SHARE.format(extra=HH)))
    assert goal_rows(p, "sv")[0]["label"] == "30 % av hushållen ska ha lämnat försörjningsstödet"


@pytest.mark.parametrize("lang, said", [("sv", "färre än 5 hushåll under perioden"),
                                        ("en", "fewer than 5 households in the period")])
def test_a_hidden_household_count_is_said_of_households(lang, said):
    from evaltools.words.labels import goal_note
    assert goal_note("too_few_count_note", lang, 5, "households").startswith(said)
    assert "hushåll" not in goal_note("too_few_count_note", lang, 5) and "households" not in goal_note(
        "too_few_count_note", lang, 5)


def test_application_volumes_are_not_compared_with_a_household_goal(tmp_path):
    """An application's expected volumes count participants: a goal of households is not judged on them."""
    import evaltools as et
    path = tmp_path / "ans.yaml"
    path.write_text(textwrap.dedent("""\
        id: ans
        kind: ansökan
        title: Hushållsprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2026-01-01, planned_end: 2027-12-31}
        expected: {participants_per_year: 20, successes_per_year: 8}
        goals:
        """) + SHARE.format(extra=HH), encoding="utf-8")
    row = et.assess_goals(et.load_project(path)).table.iloc[0]
    assert (row["mode"], row["status"], row["note"]) == ("ex_ante", "ej_bedömt", "households_ex_ante")
    from evaltools.words.labels import goal_note
    assert "inte hushåll" in goal_note(row["note"], "sv")
