"""What a board member stumbles over, a nineteenth reading: Språngbrädan's report says on page 1, in its payments
section and in its cost-benefit section that the comparison is not reliable (the groups already differed before the
start), but its workbook gave the same estimate, the deadweight from it and the net present values built on it
without that verdict; and the workbook's sheet per perspective answered "Arbetsinkomster ej värderade: Nej" on the
individual's row, whose note beside it (and the report's table per actor) says "arbetsinkomster ej värderade"; the
English report named the coordination association "samordningsförbund" in its glossary and the difference in
differences "DiD" in the table of the two ways to measure the benefit."""
from __future__ import annotations

import pytest

from .conftest import sample_report, shown_chunks

UNRELIABLE_EFFECT = {"sv": "Inte tillförlitlig: grupperna skilde sig åt redan före start",
                     "en": "Not reliable: the groups already differed before the start"}
UNRELIABLE_FIGURES = {"sv": "Dödvikten och nettonuvärdena som vilar på jämförelsegruppen är inte tillförlitliga",
                      "en": "The deadweight and the net present values resting on the comparison group are not reliable"}
YES_NO = {"sv": ("Ja", "Nej"), "en": ("Yes", "No")}


def _sheets(pid: str, lang: str, tmp_path):
    import openpyxl

    from evaltools.publish.workbook import report_sheets, write_workbook
    r = sample_report(pid, lang)
    path = write_workbook(tmp_path / f"{pid}.xlsx", report_sheets(r.key_tables(), r.k, lang=lang), lang, r.k)
    wb = openpyxl.load_workbook(path)
    return r, {ws.title: _table(ws) for ws in wb.worksheets}


def _table(ws) -> list[list]:
    """A sheet's table: its rows down to the first empty one (the sheet's notes follow it)."""
    rows = []
    for row in ws.iter_rows(values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return rows


def _effect_rows(sheets: dict, lang: str) -> dict:
    name = {"sv": "Effekt på försörjningsstöd", "en": "Effect on social assistance"}[lang]
    header, *rows = sheets[name]
    return {row[0]: dict(zip(header, row)) for row in rows}


def _key_figures(sheets: dict, lang: str) -> dict:
    name = {"sv": "Kostnad och nytta", "en": "Costs and benefits"}[lang]
    return {row[0]: row[1] for row in sheets[name][1:]}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_workbook_says_an_estimate_is_not_reliable_where_the_report_does(lang, tmp_path):
    """Språngbrädan's check before the start: SEK 1 132 per household and month, 95 % CI 1 060 to 1 204 (its payments
    section), an interval that lies wholly above zero, so the groups moved apart before anything could be an effect;
    page 1 calls the estimate, the deadweight and the NPVs resting on it unreliable."""
    r, sheets = _sheets("sprangbradan-demo", lang, tmp_path)
    placebo = r.payments.placebo
    assert placebo.ci_low > 0  # (the interval excludes zero: 1 060 > 0)
    rows = _effect_rows(sheets, lang)
    did, check = (rows[w] for w in ({"sv": ("Effekt (skillnad-i-skillnader)", "Kontroll före start (placebo)"),
                                     "en": ("Effect (difference in differences)",
                                            "Check before the start (placebo)")}[lang]))
    assert did[UNRELIABLE_EFFECT[lang]] == YES_NO[lang][0], did
    assert check[UNRELIABLE_EFFECT[lang]] is None  # (the verdict is the estimate's, not the check's)
    figures = _key_figures(sheets, lang)
    assert figures[UNRELIABLE_FIGURES[lang]] == YES_NO[lang][0], figures
    # the deadweight on the same sheet is the one page 1 calls unreliable: 46,4 % / 55,0 % of the participants
    # (66 of 120 who ended left social assistance)
    assert figures[{"sv": "Dödvikt", "en": "Deadweight"}[lang]] == pytest.approx(0.464 / (66 / 120), abs=0.001)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_comparison_that_held_before_the_start_is_not_called_unreliable(lang, tmp_path):
    """Kompassen's check before the start: 50 kr per household and month, 95 % CI −13 to 113 kr, holds zero."""
    r, sheets = _sheets("kompassen-demo", lang, tmp_path)
    placebo = r.payments.placebo
    assert placebo.ci_low < 0 < placebo.ci_high
    did = _effect_rows(sheets, lang)[{"sv": "Effekt (skillnad-i-skillnader)",
                                      "en": "Effect (difference in differences)"}[lang]]
    assert did[UNRELIABLE_EFFECT[lang]] == YES_NO[lang][1]
    assert _key_figures(sheets, lang)[UNRELIABLE_FIGURES[lang]] == YES_NO[lang][1]


def test_a_deadweight_without_a_comparison_group_has_no_row_on_a_comparison():
    # Timrå has no comparison group: its deadweight is an assumption (25 %), and no row speaks of a comparison
    r = sample_report("timra-vagen-ut", "sv")
    figures = r.key_tables()["kostnad_nytta"].iloc[0]
    assert figures["deadweight"] == 0.25
    assert "comparison_unreliable" not in figures.index


EARNINGS_COLUMN = {"sv": "Arbetsinkomster ej värderade", "en": "Earnings not valued"}
ACTOR_NOTE = {"sv": "arbetsinkomster ej värderade", "en": "earnings from work not valued"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_perspective_sheet_says_earnings_are_not_valued_on_every_row_whose_note_says_so(lang, tmp_path):
    """Timrå values no earnings (no wage level, no register data) while 5 of its participants left for work (its
    outcome table): the individual's benefit and society's real gain are missing, as the notes of both rows say."""
    r, sheets = _sheets("timra-vagen-ut", lang, tmp_path)
    assert int((r.project.participants["outcome"] == "arbete").sum()) == 5
    name = {"sv": "Per perspektiv", "en": "By perspective"}[lang]
    header, *rows = sheets[name]
    by = {row[0]: dict(zip(header, row)) for row in rows}
    yes, no = YES_NO[lang]
    individual, society = ({"sv": ("Individen", "Samhället"), "en": ("Individual", "Society")}[lang])
    for who in (individual, society):
        assert by[who][header[-1]].startswith(ACTOR_NOTE[lang]), by[who]
        assert by[who][EARNINGS_COLUMN[lang]] == yes, by[who]
    # a perspective whose note is silent on earnings is not said to leave them out
    for who, row in by.items():
        if not row[header[-1]]:
            assert row[EARNINGS_COLUMN[lang]] == no, row


def test_measured_earnings_are_not_said_to_be_unvalued(tmp_path):
    # Kompassen measures earnings in register data (+3 010 kr per participant and month): no row says they are unvalued
    _, sheets = _sheets("kompassen-demo", "sv", tmp_path)
    header, *rows = sheets["Per perspektiv"]
    assert [row[header.index(EARNINGS_COLUMN["sv"])] for row in rows] == ["Nej"] * len(rows)


def _rows_of(blocks) -> list:
    from evaltools.present.display import Table
    return [row for block in blocks if isinstance(block, Table) for row in block.frame.itertuples(index=False)]


@pytest.mark.parametrize("pid", ["kompassen-demo", "sprangbradan-demo"])
def test_the_english_table_of_two_ways_names_the_method_in_words(pid):
    from evaltools.present.sections import costbenefit
    rows = _rows_of(costbenefit.effect_based(sample_report(pid, "en")))
    assert len(rows) == 2, rows
    label = rows[1][0]
    # what was measured, in words: the method's name is the appendix's (its table of the estimators)
    assert label.startswith("Measured effect against the comparison group"), label
    assert "DiD" not in label


def test_the_english_glossary_calls_the_association_as_the_report_does():
    from evaltools.present.sections import method
    r = sample_report("timra-vagen-ut", "en")
    terms = {row[0]: row[1] for row in _rows_of(method.glossary_block(r))}
    definition = terms["The public financiers"]
    assert "samordningsförbund" not in definition, definition
    # the facts table's "Granted by the coordination association", in the definition's own words
    assert "fund the coordination association" in definition, definition


@pytest.mark.parametrize("lang, label, said", [("sv", "Avtagande effekt: observerad eller antagen", "Observerad"),
                                               ("en", "Drop-off: observed or assumed", "Observed")])
def test_a_drop_off_seen_in_the_payments_is_called_observed_not_a_measured_outcome(lang, label, said, tmp_path):
    """Kompassen's drop-off is read from its participants' payments after exit: its workbook answered the question
    "observed or assumed" with the goal table's word for a measured outcome ("Uppmätt utfall")."""
    r, sheets = _sheets("kompassen-demo", lang, tmp_path)
    assert r.cba.summary.dropoff_source == "observed"
    assert _key_figures(sheets, lang)[label] == said


@pytest.mark.parametrize("lang, text, defined", [
    ("en", "Did the project reach its goals? Yes: 3 of 4.", False),
    ("en", "Reach (share of the target population who took part) 25,3 %", True),
    ("sv", "Nådde projektet sina mål? Räckvidd (andel av målgruppen som deltagit) 25,3 %", True),
    ("sv", "Nådde projektet sina mål? Ja.", False),
])
def test_reach_is_explained_only_where_the_report_shows_the_reach(lang, text, defined):
    """Every English report with participants explained "Reach" in its glossary, because page 1 asks "Did the
    project reach its goals?"; none of them shows a reach unless it names a target population."""
    from evaltools.words import glossary
    assert ("rackvidd" in [t.id for t in glossary.used_in(text, lang)]) is defined


@pytest.mark.parametrize("pairs, start", [
    ([("Age group", "40–49"), ("Age group", "60+")], "Age group (40–49, 60+) is shown"),
    ([("Age group", "40–49"), ("Sex", "women")], "Age group 40–49 and sex (women) are shown"),
])
def test_the_note_on_groups_hidden_here_agrees_with_what_it_names(pairs, start, monkeypatch):
    """Språngbrädan's English rate table said "Age group (40–49, 60+) are shown in the table of participants":
    two groups of one variable are named as one phrase, whose verb is singular."""
    from evaltools.present.sections import outcomes
    r = sample_report("sprangbradan-demo", "en")
    monkeypatch.setattr(outcomes, "_hidden_pairs", lambda _r: pairs)
    (note,) = outcomes.hidden_note(r)
    assert note.startswith(start), note


@pytest.mark.parametrize("lang, title, during", [("sv", "Försörjningsstöd per fas", "Under deltagandet"),
                                                 ("en", "Social assistance by phase", "During participation")])
def test_the_workbooks_phases_say_during_participation_as_the_payments_section_does(lang, title, during, tmp_path):
    """Kompassen's payments section says "Under deltagandet" (each participant's own time in the project); its
    workbook's sheet said "Under projektet", as if the project's whole period were meant."""
    from evaltools.present.sections import payments
    r, sheets = _sheets("kompassen-demo", lang, tmp_path)
    header, *rows = sheets[title]
    phases = {row[header.index({"sv": "Fas", "en": "Phase"}[lang])] for row in rows}
    assert during in phases and {"Under projektet", "During the project"}.isdisjoint(phases), phases
    assert any(during in chunk for chunk in shown_chunks(payments.blocks(r)))
