"""What a board member stumbles over when reading every sample a forty-first time, in Swedish and in English: the
sentence on the tests per group that lists its breakdowns after a colon with commas only ("inte tydlig för:
projektår för start, kön, hushållstyp"), the note on hidden groups whose breakdowns keep their capitals inside the
sentence ("…, Åldersgrupp (30–39, 40–49, 60+) och Hushållstyp (…)"), an application's page 1 that answers "what
will it cost?" with the budget alone while its key figures give the cost per expected success, and a workbook
sheet whose count column of households was headed "Personer (…)". Expected values are worked out by hand from the
samples' files, not taken from the code's output.
"""
from __future__ import annotations

import pandas as pd
import pytest

from .conftest import ROOT, sample_report, shown_chunks

SUCCESS = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning"}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _chunks(blocks) -> list[str]:
    return [_plain(c) for c in shown_chunks(blocks)]


def _outcome_sentences(pid: str, lang: str, start: tuple[str, ...]) -> list[str]:
    from evaltools.present.sections import outcomes
    return [c for c in _chunks(outcomes.blocks(sample_report(pid, lang))) if c.startswith(start)]


# --- 1. the breakdowns whose tests are shown are a list in a sentence: "a, b och c" ---------------------------------

def _sprangbradan_ended() -> pd.DataFrame:
    d = pd.read_csv(ROOT / "data" / "sprangbradan-demo" / "participants.csv")
    return d[d["end_date"].notna()]


def test_sprangbradans_hidden_age_groups_leave_three_tests_shown():
    # the facts the sentence rests on: of the 8 aged 60+ who ended, fewer than 5 succeeded, so the age breakdown's
    # test is hidden; every group of sex and of household type has at least 5 who succeeded and 5 who did not
    ended = _sprangbradan_ended().assign(success=lambda x: x["outcome"].isin(SUCCESS),
                                         age=lambda x: pd.to_datetime(x["start_date"]).dt.year - x["birth_year"])
    older = ended[ended["age"] >= 60]  # (the age at the start, by year: 60+)
    assert len(older) == 8 and older["success"].sum() < 5
    for col in ("sex", "household_type"):
        g = ended.groupby(col)["success"].agg(["size", "sum"])
        assert ((g["sum"] >= 5) & (g["size"] - g["sum"] >= 5)).all(), g


@pytest.mark.parametrize("lang, start, listed, wrong", [
    ("sv", ("Justerat",), "inte tydlig efter projektår för start, kön eller hushållstyp; skillnaderna där kan vara slumpen.",
     "för: projektår för start, kön, hushållstyp"),
    ("en", ("Adjusted",), "does not differ clearly by project year of intake, sex or household type; the differences",
     "for: project year of intake, sex, household type"),
])
def test_the_breakdowns_without_a_clear_difference_are_listed_as_a_sentence_lists(lang, start, listed, wrong):
    said = _outcome_sentences("sprangbradan-demo", lang, start)
    assert len(said) == 1, said
    assert listed in said[0], said[0]
    assert wrong not in said[0]
    assert ": " not in said[0]  # (no list after a colon: the breakdowns are part of the sentence)


def test_nasta_steg_names_its_one_shown_breakdown_without_a_colon():
    # Nästa steg: three of its four tests are hidden (test_board_reading_11), the project year's is shown
    said = _outcome_sentences("nasta-steg", "sv", ("Justerat",))
    assert said == ["Justerat för att fyra uppdelningar prövas samtidigt är skillnaden i andel lyckade utfall inte "
                    "tydlig efter projektår för start; skillnaderna där kan vara slumpen. För en uppdelning med en dold "
                    "grupp visas inget test. Kön, åldersgrupp och hushållstyp prövas också och räknas med i "
                    "justeringen, men står inte i tabellen: ingen av deras grupper kan visas utan att tal under 5 kan "
                    "räknas fram."]


# --- 2. the hidden groups' note: a breakdown after the sentence's first word is in lower case ------------------------

@pytest.mark.parametrize("pid, lang, capitalised, lower", [
    # Specialistteamet hides groups of three breakdowns (its rate table); the second and third are inside the sentence
    ("eskilstuna-specialistteamet", "sv", ("Åldersgrupp (", "Hushållstyp ("), ("åldersgrupp (", "och hushållstyp (")),
    ("eskilstuna-specialistteamet", "en", ("Age group (", "Household type ("), ("age group (", "and household type (")),
])
def test_a_hidden_groups_breakdown_inside_the_sentence_is_written_in_lower_case(pid, lang, capitalised, lower):
    from evaltools.present.sections import outcomes
    note = [c for c in _chunks(outcomes.blocks(sample_report(pid, lang)))
            if "men här visas inte andelen" in c or "but here the share is not shown" in c]
    assert len(note) == 1, note
    assert note[0].startswith(("Projektår för start (", "Project year of intake (")), note[0]
    for word in capitalised:
        assert word not in note[0], note[0]
    for word in lower:
        assert word in note[0], note[0]


def test_an_abbreviation_keeps_its_capitals_inside_a_sentence():
    from evaltools.present.sections.outcomes import _inline
    assert [_inline(w) for w in ("Kön", "Åldersgrupp", "SGI-status", "Age group")] == \
        ["kön", "åldersgrupp", "SGI-status", "age group"]


# --- 3. an application's page 1 gives the cost per success it expects, as its key figures do ------------------------

def _application_cost() -> tuple[float, int]:
    """The application's budget (its budget file's lines) and the successes it expects: 40 a project year, the
    third year of 2026-04-01 – 2026-12-31 nine months of twelve (30)."""
    b = pd.read_csv(ROOT / "data" / "eskilstuna-specialistteamet" / "budget.csv")
    # (the file as the application lays it out: a total per year and a sum row beside the cost lines)
    lines = b[~b["category"].isin(["Total årskostnad", "Summa"])]
    return float(lines["budget"].sum()), 40 + 40 + 30


@pytest.mark.parametrize("lang, expected", [
    ("sv", "Projektets budget är 3,9 miljoner kronor i löpande priser, omkring 16 000 kr per deltagare och 35 000 kr per "
           "lyckat utfall enligt projektets huvudmål med ansökans förväntade volymer."),
    ("en", "The project's budget is SEK 3.9 million in current prices, about SEK 16,000 per participant and SEK 35,000 per "
           "success as the project's main goal counts it, with the application's expected volumes."),
])
def test_an_applications_page_one_gives_the_cost_per_expected_participant_and_success(lang, expected):
    from evaltools.present.sections import summary
    total, successes = _application_cost()
    assert round(total) == 3_863_075 and successes == 110
    assert round(total / successes) == 35_119  # said "35 000 kr" on page 1, as an amount in prose
    # 90 participants a project year; the third, 2026-04-01 – 2026-12-31, 275 days of 365: 67,8, 68 persons
    participants = 90 + 90 + round(90 * 275 / 365)
    assert participants == 248 and round(total / participants) == 15_577  # said "16 000 kr"
    # the key figures' row holds the same object
    assert sample_report("eskilstuna-ansokan", lang).cba.summary.cost_per_participant == pytest.approx(total / participants)
    said = [c for c in _chunks(summary.blocks(sample_report("eskilstuna-ansokan", lang)))
            if c.startswith(("Projektets budget", "The project's budget"))]
    assert said == [expected]


# --- 4. the workbook's count of households is headed as households -------------------------------------------------

@pytest.mark.parametrize("lang, heading, sheets", [
    ("sv", "Hushåll", ("Försörjningsstöd", "Försörjningsstöd per fas")),
    ("en", "Households", ("Social assistance", "Social assistance by phase")),
])
def test_the_workbooks_count_of_households_is_headed_households(tmp_path, lang, heading, sheets):
    import openpyxl

    from evaltools.publish.workbook import report_sheets, write_workbook
    d = pd.read_csv(ROOT / "data" / "kompassen-demo" / "participants.csv")
    households = d["household_id"].nunique()
    assert (len(d), households) == (180, 159)
    r = sample_report("kompassen-demo", lang)
    path = write_workbook(tmp_path / "k.xlsx", report_sheets(r.key_tables(), r.k, lang=lang), lang, r.k)
    wb = openpyxl.load_workbook(path)
    # (the sheets of amounts before and after, and per phase; the effect sheet's "Hushåll" counts the comparison too)
    found = {t: col for t in sheets for col, c in enumerate(wb[t][1], start=1) if c.value == heading}
    assert list(found) == list(sheets), found
    for title, col in found.items():
        ws = wb[title]
        assert ws.cell(2, col).value == households  # the participants' households, as the first sheet says
        assert not any(str(c.value).startswith(("Personer", "Persons")) for c in ws[1])
