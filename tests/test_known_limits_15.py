"""Known limits of the params file: a year's target with the word for year left out after a colon ("år 1: 20 och 2:
30"), a goal whose words say a total and a number per year ("totalt 90 deltagare, 30 per år") judged per year
against the total, characters a pasted text holds (a zero-width space, a no-break space, a soft hyphen) inside "år 1"
or a number, an unused entry of ``data.codes`` accepted without a word, and ``with_params``'s over-long text in
pydantic's English. Expected values are worked out by hand from the words written here."""
from __future__ import annotations

import pytest

import evaltools as et

from .conftest import PARTICIPANT_ROWS, params_refusal, participants_frame, write_csv

GOAL = """\
goals:
  - id: antal
    kind: {kind}
    label: "{label}"
    {target}
    period: {period}
"""


def _params(tiny_project, label: str, target: str = "target: 30", kind: str = "participant_count",
            period: str = "project_year"):
    """The tiny project over three project years (2022-01-01 to 2024-12-31) with one goal."""
    p = tiny_project(GOAL.format(kind=kind, label=label, target=target, period=period))
    p.write_text(p.read_text(encoding="utf-8").replace("planned_end: 2023-12-31", "planned_end: 2024-12-31"),
                 encoding="utf-8")
    return p


def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x)


# --- 1. a year after a year's target, the word for year left out -------------------------------------------------------

@pytest.mark.parametrize(("label", "words", "line"), [
    # year 2's 30 after 'och 2:' was lost ('2: 30' held no 'år'), so the line asked for year 2's target: {1: 20, 2: ?,
    # 3: ?}; year 1 20, year 2 30, year 3 not in the words
    ("år 1: 20 och 2: 30", "'år 1: 20', '2: 30'", "{1: 20, 2: 30, 3: ?}"),
    ("år 1: 20, 2: 30, 3: 40", "'år 1: 20', '2: 30', '3: 40'", "{1: 20, 2: 30, 3: 40}"),
    ("år 1: 20 deltagare och 2: 30 deltagare, år 3: 30", "'år 1: 20 deltagare', '2: 30 deltagare', 'år 3: 30'",
     "{1: 20, 2: 30, 3: 30}"),
])
def test_a_year_with_the_word_for_year_left_out_is_read(tiny_project, label, words, line):
    msg = params_refusal(_params(tiny_project, label))
    assert f"sätter olika mål för olika år ({words}), men target: 30" in _line(msg, "olika år")
    assert f"targets: {line}" in _line(msg, "olika år")


def test_a_year_left_out_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "Antal deltagare", "target: 30\n    label_en: 'year 1: 20 and 2: 30'"), "en")
    assert "targets: {1: 20, 2: 30, 3: ?} (write a number where it says ?)" in _line(msg, "years")


@pytest.mark.parametrize("label", ["år 1 och 2: 30", "år 1 och år 2: 30", "30 deltagare år 1: 30 och 2: 30"])
def test_years_joined_before_the_colon_keep_one_target(tiny_project, label):
    # 'år 1 och 2: 30' is one target (30) for years 1 and 2, as target: 30 says; so is 30 for year 1 and 30 for 2
    assert et.load_project(_params(tiny_project, label)).params.goals[0].target == 30


# --- 2. a count said in total and per year --------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "total", "year"), [
    ("totalt 90 deltagare, 30 per år", "totalt 90", "30 per år"),
    ("Minst 30 deltagare per år, sammanlagt 90", "sammanlagt 90", "30 deltagare per år"),
    ("90 deltagare totalt under projektet, 30 nya varje år", "90 deltagare totalt", "30 nya varje år"),
])
def test_a_total_as_a_years_target_is_refused(tiny_project, label, total, year):
    # the words say 90 in all and 30 a year; target: 90 counted per project year would judge each year against 90
    msg = params_refusal(_params(tiny_project, label, "target: 90"))
    assert _line(msg, "både").strip() == (
        f"- mål 1 (id: antal): målets text säger både '{total}' och '{year}', men målet räknas per år (period: "
        "project_year) med target: 90, så varje år bedöms mot hela projektets 90: skriv årets målvärde, target: 30, "
        "eller räkna målet över hela projektet med period: whole_period och target: 90, och behåll ansökans ord i label")


def test_a_total_as_a_years_target_in_english(tiny_project):
    msg = params_refusal(_params(tiny_project, "Antal deltagare", "target: 90\n    label_en: 90 participants in total, "
                                                                  "30 a year"), "en")
    line = _line(msg, "both")
    assert "says both '90 participants in total' and '30 a year', but the goal is counted per year" in line
    assert "write the year's target, target: 30, or count the goal over the whole project with period: whole_period " \
           "and target: 90" in line


@pytest.mark.parametrize("period", ["project_year", "calendar_year"])
def test_a_years_count_beside_a_total_is_accepted(tiny_project, period):
    # 30 a year counted per year is what the words say
    goal = et.load_project(_params(tiny_project, "totalt 90 deltagare, 30 per år", period=period)).params.goals[0]
    assert goal.target == 30


# --- 3. characters a pasted text holds --------------------------------------------------------------------------------

@pytest.mark.parametrize("gap", ["\u200b", "\u00ad", "\u00a0", "\u202f", " \u200b"])
def test_a_pasted_character_inside_ar_1_is_read(tiny_project, gap):
    # 'år<gap>1: 20' is year 1's 20 (with a zero-width space or soft hyphen it was no year, so 20 was lost and year 1
    # asked for with ?): year 1 20, year 2 30, year 3 30
    p = _params(tiny_project, f"år{gap}1: 20, år 2 och 3: 30")
    assert "targets: {1: 20, 2: 30, 3: 30}, och behåll" in _line(params_refusal(p), "olika år")


def test_a_soft_hyphen_inside_a_word_is_read(tiny_project):
    # 'kvar-tal' with a soft hyphen is 'kvartal': 10 per quarter is 40 a year (4 × 10), so target: 10 counted per year
    # is refused with target: 40 (before, the word was not read and 10 a year accepted)
    msg = params_refusal(_params(tiny_project, "10 nya deltagare per kvar\u00adtal", "target: 10"))
    assert "skriv årets målvärde, target: 40 (4 gånger 10)" in _line(msg, "kvartal")


@pytest.mark.parametrize("gap", ["\u200b", "\u00a0", "\u202f", "\u00ad"])
def test_a_pasted_character_inside_a_number_gets_the_number_to_write(tiny_project, gap):
    # '1<gap>200<gap>000 kr' is 1 200 000 kronor: the number to write is 1200000 (with a zero-width space or a soft
    # hyphen it was 'no number'), and the value as written shows the character by its code, so it can be found
    written = f"1{gap}200{gap}000 kr"
    msg = params_refusal(tiny_project(f'granted_sek: "{written}"\n'))
    line = _line(msg, "granted_sek")
    assert "skriv talet utan mellanrum, enhet och tusentalsavgränsare, med decimalpunkt: 1200000" in line
    assert repr(written) in line and gap not in line


# --- 4. data.codes entries that translate nothing; with_params's over-long text ---------------------------------------

def _coded_project(tiny_project, codes: str):
    """The tiny project whose participants file writes P1's sex as 'K' (the others as codes), with ``codes`` under
    data."""
    p = tiny_project(data_block="data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                                f"  budget: data/budget.csv\n  codes: {codes}\n")
    rows = [("P1", "K", *PARTICIPANT_ROWS[0][2:]), *PARTICIPANT_ROWS[1:]]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    return p


def _notes(project, code: str, lang: str = "sv") -> list[str]:
    return [w.note(lang) for w in project.warnings if w.code == code]


def test_a_code_text_in_no_row_is_noted(tiny_project):
    # 'K' is P1's sex; 'M' is in no row (P2 and P4 are written 'man'): one note naming 'm', loaded all the same
    p = et.load_project(_coded_project(tiny_project, "{sex: {K: kvinna, M: man}}"))
    assert _notes(p, "codes_unused") == [
        "params-filen översätter texten 'm' i kolumnen sex (data.codes), men den står inte i någon rad av deltagarfilen: "
        "översättningen används inte (ta bort den, eller kontrollera stavningen mot filen)"]
    assert _notes(p, "codes_unused", "en") == [
        "the params file translates the text 'm' in the column sex (data.codes), but it is in no row of the "
        "participant file: the translation is not used (remove it, or check its spelling against the file)"]
    assert (p.participants["sex"] == "kvinna").sum() == 2   # P1 ('K') and P3


def test_a_code_column_the_file_lacks_is_noted(tiny_project):
    # the file has no column education: its translation is noted, the used 'K' is not
    p = et.load_project(_coded_project(tiny_project, "{sex: {K: kvinna}, education: {Gymnasiet: gymnasial}}"))
    assert _notes(p, "codes_unused") == [
        "params-filen översätter texter i kolumnen education (data.codes), men deltagarfilen har ingen sådan kolumn: "
        "översättningen används inte (ta bort den, eller kontrollera kolumnens namn)"]


def test_an_unused_code_text_is_the_evaluators_not_the_boards(tiny_project):
    # the report's data-quality table says what the board reads was counted from; a translation not used changed
    # nothing there: the table has the note on 'K' read as kvinna and none naming 'm'
    from evaltools.present.sections import quality
    table = quality.report_table(et.Report(et.load_project(_coded_project(tiny_project, "{sex: {K: kvinna, M: man}}")),
                                           lang="sv"))
    notes = list(table.iloc[:, -1])
    assert any("'K' som Kvinna" in n for n in notes)
    assert not any("data.codes" in n or "'m'" in n for n in notes)


def test_every_code_text_used_gives_no_note(tiny_project):
    p = et.load_project(_coded_project(tiny_project, "{sex: {K: kvinna}}"))
    assert _notes(p, "codes_unused") == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_with_params_words_an_over_long_text_as_the_params_file(tiny_project, lang):
    # a project whose params file is gone is checked from its settings: a label of 6 + 400 = 406 characters against
    # the 300 a label holds was said in pydantic's English ('String should have at most 300 characters (got 406)')
    path = _params(tiny_project, "Minst 30 deltagare per år")
    project = et.load_project(path)
    path.unlink()
    from evaltools.data.errors import ParamsError
    with pytest.raises(ParamsError) as e:
        project.with_params(goals={"antal": {"label": "Minst " + "a" * 400}})
    msg = e.value.message(lang)
    start = "'Minst " + "a" * 34 + "…'"  # (the text's first 40 characters)
    assert {"sv": f"label: står en text på 406 tecken, som börjar {start}; här ryms högst 300 tecken",
            "en": f"label: got a text of 406 characters, beginning {start}; this key holds at most 300 characters"
            }[lang] in msg
    assert "String should" not in msg
