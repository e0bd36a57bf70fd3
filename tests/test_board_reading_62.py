"""What a board member stumbles over, a sixty-second reading: a table's notes left at the top of the next page
(Vägen ut's time in the project); a last page holding only "Parameters used" and one sentence (Språngbrädan's
English report); an application check's method appendix explaining share intervals and breakdowns it never shows;
the goal table repeating "målet räknar bara sin grupp" once per goal; "varav Egen finansiering" capitalised in the
middle of a row; emoji printed as empty boxes.

The printed pages are laid out with the report's own template (:func:`tests.conftest.printed_page`) under an empty
box made taller step by step, so that what is checked meets the page's foot at every line. Expected words are
written by hand from the catalogs' sentences, never copied from the code's output."""
from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.display import Table
from evaltools.present.markup import render as render_template

from .conftest import layout_boxes, printed_page, write_csv
from .test_application_volumes import application_params
from .test_board_reading_61 import _three_towns


def _page_texts(html: str) -> list[str]:
    document = printed_page(html)
    return [" ".join(b.text for b in layout_boxes(p._page_box) if type(b).__name__ == "TextBox")
            for p in document.pages]


# --- 1. a table's notes stay with it ----------------------------------------------------------------------------

NOTES = ("Första anmärkningen, om hur tabellen räknar, lång nog att ta tre rader i den lilla stilen under "
         "tabellen när den skrivs ut på en A4-sida med rapportens marginaler, och lite till för att bli längre "
         "än så: den står närmast tabellen.",
         "Andra anmärkningen, om antal kvar.",
         "Tredje anmärkningen, om vad två punkter betyder i en cell.",
         "Fjärde anmärkningen, om vad ett tankstreck betyder i en cell.")


def _table_with_notes(space_mm: int) -> list[str]:
    frame = pd.DataFrame({"Dagar": [str(d) for d in range(30, 390, 30)], "Andel": ["10 %"] * 12})
    table = Table(frame, notes=NOTES)._repr_html_()
    return _page_texts(f"<div class='et-block'><div style='height: {space_mm}mm'></div>{table}</div>")


def test_a_tables_notes_are_printed_on_the_page_of_its_last_row():
    # four notes under a table of twelve rows, at every height the table meets the page's foot (the text area is
    # 297 − 18 − 20 = 259 mm high): before, a break between two of three notes or more was let through, and Vägen
    # ut's time table left three of its four notes at the top of the next page
    broke = 0
    for mm in range(150, 250, 4):
        texts = _table_with_notes(mm)
        (last_row,) = [i for i, t in enumerate(texts) if "360" in t]
        where = [[i for i, t in enumerate(texts) if note[:20] in t] for note in NOTES]
        assert where == [[last_row]] * 4, (mm, where, last_row)
        broke += len(texts) > 1 and any("30 " in t for t in texts[:1]) and last_row == 1
    assert broke  # the search did split the table across two pages


# --- 2. "Parameters used" and its note are never a last page alone ---------------------------------------------

HEADING = "Parametrar som användes"
NOTE = "Parameterfilen finns i sin helhet i HTML-rapporten."


def _checksums_and_params(space_mm: int) -> list[str]:
    frame = pd.DataFrame({"Uppgift": [f"SHA-256 fil{i}.csv" for i in range(8)],
                          "Värde": ["c1365fba7547c2b0cf4c554e17c7648194529c1ed8c7dbe72e914460df55239e"] * 8})
    params = render_template("params.html.j2", heading=HEADING, note="Parameterfilen som den skrevs.",
                             text="project_id: test\n", print_note=NOTE)
    return _page_texts(f"<div class='et-block'><div style='height: {space_mm}mm'></div>"
                       f"{Table(frame)._repr_html_()}{params}</div>")


def test_the_params_heading_and_its_note_go_with_the_checksums_above_them():
    # before, at 186–195 mm the heading and its one sentence made the last page alone (the checksum table above
    # them all on the page before), as Språngbrädan's English report ended
    moved = 0
    for mm in range(150, 250, 3):
        texts = _checksums_and_params(mm)
        (heading,) = [i for i, t in enumerate(texts) if HEADING in t]
        (note,) = [i for i, t in enumerate(texts) if NOTE in t]
        (last_row,) = [i for i, t in enumerate(texts) if "fil7.csv" in t]
        assert heading == note == last_row, (mm, heading, note, last_row)
        moved += heading > 0
    assert moved  # the block did reach a second page


# --- 3. an application's method appendix says only the methods it uses ----------------------------------------

@pytest.mark.parametrize("lang, periods, interval, privacy", [
    ("sv", "Måluppfyllelse: projektår räknas från projektets startdatum.", "Clopper", "Skydd av uppgifter"),
    ("en", "Goal fulfilment: project years count from the project's start date.", "Clopper", "Privacy:"),
])
def test_an_applications_method_names_no_share_interval_and_no_breakdowns(tmp_path, lang, periods, interval,
                                                                            privacy):
    from evaltools.present.sections import method
    goals = textwrap.dedent("""\
        - {id: deltagare, kind: participant_count, label: Minst 30 deltagare per år, target: 30}
        - {id: arbete, kind: outcome_count, label: Minst 10 till arbete per år, target: 10,
           success_outcomes: [arbete]}
        """)
    r = et.Report(et.load_project(application_params(tmp_path, "participants_per_year: 30, successes_per_year: 12",
                                                     goals)), lang=lang)
    said = method.paragraphs(r)
    # the goal table of an application shows its expected counts, no share and no interval; it has no participants,
    # so no breakdown hides a small group (before: "För andelar anges ett exakt 95 %-intervall (Clopper–Pearson)
    # …" and "Skydd av uppgifter: antal personer under 5 visas som <5 i alla uppdelningar …")
    assert periods in said
    assert not [p for p in said if interval in p or p.startswith(privacy)]


def test_a_participant_projects_method_still_explains_its_intervals_and_privacy(tiny_project):
    from evaltools.present.sections import method
    said = " ".join(method.paragraphs(et.Report(tiny_project(), lang="sv")))
    assert "Clopper–Pearson" in said and "Skydd av uppgifter: antal personer under 5" in said


# --- 4. goals each set for a group: the goal table says it once -------------------------------------------------

@pytest.mark.parametrize("lang, each, once", [
    ("sv", "målet räknar bara sin grupp",
     "Varje mål som är satt för en grupp räknar bara den gruppens deltagare: Norrby: 5 deltagare per år; "
     "Söderby: 5 deltagare per år; Västerby: 5 deltagare per år."),  # (each label names its town: said once)
    ("en", "the goal counts its group",
     "Each goal set for a group counts that group's participants only: Norrby: 5 deltagare per år; "
     "Söderby: 5 deltagare per år; Västerby: 5 deltagare per år."),
])
def test_the_goal_tables_notes_say_once_that_each_goal_counts_its_group(tmp_path, lang, each, once):
    from evaltools.present.sections.goals import group_notes
    notes = group_notes(et.Report(_three_towns(tmp_path), lang=lang))
    assert notes == [once]  # (was three notes, "…: målet räknar bara sin grupp av deltagarna (från …)" each)
    assert each not in " ".join(notes)


def test_one_goal_for_a_group_keeps_its_own_note(tmp_path):
    from evaltools.present.sections.goals import group_notes
    from .test_board_reading_61 import GOALS
    one = GOALS.split("- id: soderby")[0]
    assert group_notes(et.Report(_three_towns(tmp_path, one), lang="sv")) == [
        "Norrby: 5 deltagare per år: målet räknar bara sin grupp av deltagarna (från Norrby)."]


# --- 5. "varav" and a funder's name --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, lower, proper", [
    ("sv", ["varav egen finansiering", "varav samordningsförbundet", "varav regionens medfinansiering"],
     ["varav Försäkringskassans medfinansiering", "varav EU-medel"]),
    ("en", ["of which own financing", "of which coordination association", "of which region's co-financing"],
     ["of which Social Insurance Agency's co-financing", "of which EU funds"]),
])
def test_a_funders_part_is_lower_case_after_varav_unless_a_proper_noun(tiny_project, lang, lower, proper):
    from evaltools.present.sections import budget
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000, "funder": "förbund"},
        {"period": "2022", "category": "Lokal", "budget": 20000, "actual": 20000, "funder": "egen"},
        {"period": "2022", "category": "Handledning", "budget": 10000, "actual": 9000, "funder": "region"},
        {"period": "2022", "category": "Utbildning", "budget": 10000, "actual": 9000, "funder": "försäkringskassan"},
        {"period": "2022", "category": "Resor", "budget": 5000, "actual": 5000, "funder": "eu"}])
    [[_, table, _chart]] = budget.blocks(et.Report(tiny_project(), lang=lang))
    cells = {" ".join(str(c).split()) for c in table.frame.astype(str).to_numpy().ravel()}
    assert set(lower) <= cells and set(proper) <= cells, sorted(c for c in cells if "varav" in c or "of which" in c)


# --- 6. emoji: left out of the report, named by validate ---------------------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("Bra jobb 👍 i år", "Bra jobb i år"),
    ("Klart ✅.", "Klart."),
    ("Familjen 👨\u200d👩\u200d👧 kom", "Familjen kom"),
    ("❤\ufe0f och ✓ och ★", "❤ och ✓ och ★"),  # (symbols the report's fonts have stay; the emoji selector goes)
    ("Inga tecken alls", "Inga tecken alls"),
])
def test_emoji_are_left_out_and_the_words_keep_one_space(text, kept):
    from evaltools.words.formats import without_emoji
    assert without_emoji(text) == kept


def test_the_printed_page_has_no_emoji_and_no_empty_box():
    # the PDF printer's fonts (DejaVu Sans, Liberation Sans) have no glyph for 👍: it printed an empty box
    texts = _page_texts("<div class='et-block'><p>Samarbetet fungerade bra 👍 och alla var nöjda 🎉.</p></div>")
    page = " ".join(texts)
    assert "Samarbetet fungerade bra och alla var nöjda." in page
    assert "👍" not in page and "🎉" not in page


def test_the_budget_charts_labels_have_no_emoji():
    # the chart's font (DejaVu Sans) has no 🍰 either: the label drew an empty box
    import matplotlib.pyplot as plt

    from evaltools.present.plots import plot_budget
    costs = pd.DataFrame({"category": ["Fika 🍰", "Lön"], "budget": [1000.0, 100000.0], "actual": [900.0, 90000.0]})
    _ax = plt.figure().add_subplot()
    plot_budget(costs, "sv", ax=_ax)
    assert sorted(t.get_text() for t in _ax.get_yticklabels()) == ["Fika", "Lön"]
    plt.close("all")


def test_validate_names_the_emoji_in_the_text_and_in_a_budget_line(tiny_project, capsys):
    from evaltools.publish.cli import main
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Fika 🍰", "budget": 1000, "actual": 900},
        {"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000}])
    params = tiny_project()
    (tiny_project.dir / "text").mkdir()
    (tiny_project.dir / "text" / "tiny.sv.md").write_text(
        "## Sammanfattande bedömning\n\nProjektet gick bra.\nSamarbetet fungerade 👍.\n", encoding="utf-8")
    main(["validate", str(params), "--lang", "sv"])
    out = capsys.readouterr().out
    assert ("tiny.sv.md, rad 4: tecken som rapportens typsnitt saknar (👍) utelämnas i rapporten; skriv med ord det "
            "de ska säga") in out
    assert ("budget.csv, kostnadsposten ”Fika 🍰”: tecken som rapportens typsnitt saknar (🍰) utelämnas i "
            "rapporten") in out


# --- 3b. the break-even paragraph: the application's own terms and the structural project's clause where they apply

def _application_with_level(tmp_path, level: bool) -> et.Project:
    write_csv(tmp_path / "data" / "budget.csv", [{"period": "2026", "category": "Lön", "budget": 600000},
                                                 {"period": "2027", "category": "Lön", "budget": 600000}])
    p = application_params(tmp_path, "participants_per_year: 30, successes_per_year: 12",
                           "- {id: deltagare, kind: participant_count, label: Minst 30 deltagare per år, target: 30}\n")
    text = p.read_text(encoding="utf-8") + "data: {budget: data/budget.csv}\n"
    if level:
        text += "cost_benefit: {monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2025}}\n"
    p.write_text(text, encoding="utf-8")
    return et.load_project(p)


@pytest.mark.parametrize("level", [True, False])
def test_the_break_even_paragraph_names_the_applications_terms_only_where_it_gives_them(tmp_path, level):
    from evaltools.present.sections import method
    said = " ".join(method.paragraphs(et.Report(_application_with_level(tmp_path, level), lang="sv")))
    assert "Brytpunkt: antalet personår i arbete utan försörjningsstöd" in said
    # (before, every report's paragraph said both, whatever it was)
    assert ("Ansökan anger en egen nivå per månad, så kravet räknas också så som ansökan räknar." in said) is level
    assert "För en strukturinriktad insats redovisas bara kostnaden och detta krav." not in said


def test_a_participant_projects_break_even_paragraph_names_neither_clause(tiny_project):
    from evaltools.present.sections import method
    said = " ".join(method.paragraphs(et.Report(tiny_project(), lang="en")))
    assert "Break-even: the person-years in work without social assistance" in said
    assert "application" not in said.split("Break-even:")[1].split(".")[0]
    assert "For a structural project" not in said and "monthly level of its own" not in said


# --- 3c. the costs' rule: "utfall där det finns" only where the cost can hold an utfall ---------------------------

@pytest.mark.parametrize("lang, alone, general", [
    ("sv", "Kostnader: budgeten, omräknad till ett prisår med KPI (SCB).", "Kostnader: utfall där det finns"),
    ("en", "Costs: the budget, converted to one price year with the CPI", "Costs: actual figures where known"),
])
def test_an_applications_costs_rule_names_the_budget_alone(tmp_path, lang, alone, general):
    from evaltools.present.sections import method
    said = _plain(" ".join(method.paragraphs(et.Report(_application_with_level(tmp_path, False), lang=lang))))
    # (before: "Kostnader: utfall där det finns, annars budget", in a report of a budget that has no utfall)
    assert alone in said and general not in said


def test_a_projects_costs_rule_with_utfall_keeps_the_general_words(tiny_project):
    from evaltools.present.sections import method
    said = _plain(" ".join(method.paragraphs(et.Report(tiny_project(), lang="sv"))))  # (its budget has utfall)
    assert "Kostnader: utfall där det finns, annars budget" in said and "Kostnader: budgeten," not in said


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())
