"""A board's reading of the rendered samples, thirty-second round: the budget note that told twice of the
lines without utfall. Each fixture is a tiny project written in tmp_path; expected values are worked out by
hand from the rows written here."""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et
from evaltools.present.sections import budget as budget_section

from .conftest import page_of, page_text_boxes, printed_page, write_csv
from .test_unseen_projects import _params, _person

PROJECT = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/%s%s}
    """


def _plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _budget_notes(project, lang: str) -> list[str]:
    [[_, table, *_]] = budget_section.blocks(et.Report(project, lang=lang))
    return [_plain(n) for n in table.notes]


def _kr_project(tmp_path):
    """Four lines in kr, one per period and category; the 2024 Lokaler line has no utfall yet.
    Utfall 400 000 + 90 000 + 380 000 = 870 000 kr of the budget of the same lines, 400 000 + 100 000 +
    400 000 = 900 000 kr: 96,7 %, said as 97 %."""
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2023", "category": "Personal", "budget": 400_000, "actual": 400_000},
        {"period": "2023", "category": "Lokaler", "budget": 100_000, "actual": 90_000},
        {"period": "2024", "category": "Personal", "budget": 400_000, "actual": 380_000},
        {"period": "2024", "category": "Lokaler", "budget": 100_000, "actual": None}])
    return et.load_project(_params(tmp_path, PROJECT % ("budget.csv", "")))


def _tkr_per_year_project(tmp_path):
    """The förbund's follow-up layout: a column per year in tkr, total columns and a total row; the 2024
    utfall of Lokaler and Övrigt not yet booked (two of six lines). Utfall 780 + 100 + 90 + 600 = 1 570 tkr of
    the budget of the same lines, 800 + 100 + 100 + 800 = 1 800 tkr: 87,2 %, said as 87 %."""
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "budget"
    ws.append(["Kostnadsslag", "Budget 2023", "Utfall 2023", "Budget 2024", "Utfall 2024", "Budget totalt",
               "Utfall totalt"])
    ws.append(["Personal", 800, 780, 800, 600, 1600, 1380])
    ws.append(["Lokaler", 100, 100, 100, None, 200, 100])
    ws.append(["Övrigt", 100, 90, 100, None, 200, 90])
    ws.append(["Summa", 1000, 970, 1000, 600, 2000, 1570])
    wb.save(tmp_path / "data/budget.xlsx")
    return et.load_project(_params(tmp_path, PROJECT % ("budget.xlsx", ", amount_unit: tkr")))


# --- 1. the lines without utfall are told of once --------------------------------------------------------------
@pytest.mark.parametrize("lang, once, twice", [
    ("sv", "Förbrukat jämför utfallet med budgeten för samma poster: 1 av 4 poster saknar ännu utfall och räknas "
           "inte i andelen (97 %); i kostnadsnyttoanalysen räknas budgeten för dem.", "Utfall saknas"),
    ("en", "Used compares the actual costs with the budget of the same lines: 1 of 4 lines have no actual costs "
           "yet and are not counted in the share (97%); the cost-benefit analysis counts their budget.",
     "Actual costs are missing")])
def test_the_budget_note_tells_of_the_lines_without_utfall_once(tmp_path, lang, once, twice):
    notes = _budget_notes(_kr_project(tmp_path), lang)
    assert once in notes
    assert not any(twice in n for n in notes)


@pytest.mark.parametrize("lang, once, twice", [
    ("sv", "2 av 6 poster saknar ännu utfall och räknas inte i andelen (87 %); i kostnadsnyttoanalysen räknas "
           "budgeten för dem.", "Utfall saknas"),
    ("en", "2 of 6 lines have no actual costs yet and are not counted in the share (87%); the cost-benefit "
           "analysis counts their budget.", "Actual costs are missing")])
def test_a_follow_up_per_year_in_tkr_with_a_total_row_tells_of_them_once_too(tmp_path, lang, once, twice):
    notes = " ".join(_budget_notes(_tkr_per_year_project(tmp_path), lang))
    assert notes.count(once) == 1
    assert twice not in notes


# --- 2. a section's heading, its opening text and its first table or chart on one page -------------------------
# Specialistteamet's "Kostnad och nytta" and its first paragraph stood at the foot of page 8, its second paragraph
# and the key figures on page 9. The page is the report's own template around a section as its displays write it
# (a heading with its opening paragraphs, then a table or a chart), under an empty box made taller step by step,
# so that the section meets the page's foot at every line.
HEADING = "Kostnad och nytta"
OPENING = [
    "Kalkylen jämför projektets kostnad med det försörjningsstöd som inte behövde betalas ut när deltagare gick "
    "vidare till arbete, studier eller annan ersättning, per perspektiv: vem som bär kostnaden och vem som får "
    "nyttan. Alla antaganden står i tabellen.",
    "Nyttan bygger på de 112 som lämnat försörjningsstödet (arbete, arbete med stöd, studier, sjuk- eller "
    "aktivitetsersättning, sjukpenning, annan ersättning); projektets huvudmål räknar samma utfall som lyckade.",
    "Projektet pågår: kostnaden per lyckat utfall delar utfallet till och med 2025-12-31 med de lyckade utfallen "
    "fram till dess, medan nyttan räknar alla som lämnat försörjningsstödet."]
FIRST_ROW = "Nyckeltal nummer 1"
PAGE_TEXT_MM = 259  # the page's text area: 297 − 18 − 20 mm


def _section(paragraphs: int, chart: bool) -> str:
    import pandas as pd

    from evaltools.present.display import Table, Text, figure_html
    from evaltools.present.markup import markup, render as render_template
    parts = [Text(OPENING[:paragraphs], HEADING)._repr_html_()]
    if chart:
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.bar(["a", "b"], [1, 2])
        fig.et_caption = FIRST_ROW
        parts.append(figure_html(fig))
        plt.close(fig)
    else:  # the key figures: more rows than a short table has, so that the table itself may break
        frame = pd.DataFrame({"Nyckeltal": [f"Nyckeltal nummer {i}" for i in range(1, 19)],
                              "Värde": [f"{i} 000 kr" for i in range(1, 19)]})
        parts.append(Table(frame, numeric=("Värde",))._repr_html_())
    return render_template("block.html.j2", parts=[markup(p) for p in parts])


def _layout(section: str, space_mm: int) -> list[list[tuple[str, float, float]]]:
    """Each page's text boxes (text, top, bottom in mm) for ``section`` under an empty box ``space_mm`` high."""
    return page_text_boxes(printed_page(f"<div style='height: {space_mm}mm'></div>{section}"))


@pytest.mark.parametrize("paragraphs, chart", [(2, False), (3, False), (2, True)])
def test_a_section_heading_stays_with_its_opening_text_and_its_first_table_or_chart(paragraphs, chart):
    section = _section(paragraphs, chart)
    # the section's height from its heading to its first row (or its chart's caption), laid out on an empty page
    free = _layout(section, 0)[0]
    top = min(t0 for t, t0, _ in free if HEADING in t)
    height = max(t1 for t, _, t1 in free if FIRST_ROW in t) - top
    last_words = OPENING[paragraphs - 1].split()[-1]
    moved = 0
    for mm in range(150, PAGE_TEXT_MM, 3):
        pages = _layout(section, mm)
        heading, opening_end, first = (page_of(pages, HEADING), page_of(pages, last_words), page_of(pages, FIRST_ROW))
        assert heading == opening_end == first, (mm, paragraphs, chart, pages)
        # ... and it moves to the next page only when it does not fit below the box: no page left half empty
        if heading == 1:
            moved += 1
            assert mm + height > PAGE_TEXT_MM - 3, (mm, height)
    assert moved  # (the box grows until the section must move)




def test_a_table_of_many_tall_rows_may_break_between_rows_and_a_short_one_is_kept_whole():
    # moving the key figures to the next page left Vägen ut's assumptions (ten rows, each with its source in a
    # sentence or two: about 1 300 characters) below the actors' table, kept whole on a page of its own and half a
    # page empty above it; a table of ten rows of figures (about 200 characters) is still kept whole
    import pandas as pd

    from evaltools.present.display import Table
    source = "verktygets standardvärde, ett antagande utan källa: andelen som fortfarande är utan stöd efter ett år (se bilagan)"
    tall = pd.DataFrame({"Antagande": [f"Antagande {i}" for i in range(10)], "Källa": [source] * 10})
    assert sum(len(str(v)) for v in tall.to_numpy().ravel()) > 1200  # 10 × (11 + 114) = 1 250 characters
    assert "et-short" not in Table(tall)._repr_html_()
    short = pd.DataFrame({"Nyckeltal": [f"Tal {i}" for i in range(10)], "Värde": ["1 000 kr"] * 10})
    assert "et-short" in Table(short)._repr_html_()
    assert "et-short" in Table(tall.iloc[:5])._repr_html_()  # five tall rows: too few to break, kept whole


# --- 3. a median time in the project in whole days ----------------------------------------------------------------
# Språngbrädan's table gave "256,5 (198–284)" days: the Kaplan–Meier curve is exactly one half between two exits,
# and the median is the midpoint. A board member counts whole days: the median is rounded to a whole day (a half day
# up), said once beside the table, and the table, the notebook display and the workbook give the same figure.
def _half_day_median(tiny_project):
    # ten persons who all ended with work after 11, 21, 31, 41, 51, 60, 70, 80, 90 and 100 days: the share still in
    # the project is 5/10, one half exactly, from day 51 until day 60, so the median is (51 + 60) / 2 = 55,5 days,
    # said as 56; six persons remain on day 51 and five on day 60, so the median is on the published curve
    import datetime as dt

    from .conftest import participants_frame
    start = dt.date(2022, 2, 1)
    days = [11, 21, 31, 41, 51, 60, 70, 80, 90, 100]
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", str(start), str(start + dt.timedelta(days=d)), "arbete")
            for i, d in enumerate(days, start=1)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    return et.load_project(tiny_project())


def test_the_median_time_is_a_whole_day_in_the_table_the_display_and_the_workbook(tiny_project, tmp_path):
    from evaltools.analysis import cohorts
    from evaltools.present.sections import time_in_project
    from evaltools.publish.workbook import report_sheets, write_csv as sheet_csv
    project = _half_day_median(tiny_project)
    tte = cohorts.time_to_exit(project, by=None)
    assert tte.table["median_days"].iloc[0] == 56 and tte.raw["median_days"].iloc[0] == 56
    for lang in ("sv", "en"):
        [[_, _, table]] = time_in_project.blocks(et.Report(project, lang=lang))
        [cell] = [c for c in table.frame.iloc[:, -1] if c]
        assert _plain(cell).startswith("56 ("), cell  # (the interval follows in brackets)
    shown = et.time_to_exit(project, by=None, lang="sv")
    assert shown.display()["Median, dagar"].iloc[0] == "56"
    assert "Deltagare 56" in _plain(shown.headline())
    (sheet,) = report_sheets({"tid_i_projekt": tte.table.assign(group="Deltagare")}, 5)
    text = sheet_csv(tmp_path / "t.csv", sheet, "sv").read_text(encoding="utf-8-sig")
    assert ";56;" in text and "55,5" not in text


@pytest.mark.parametrize("lang, said", [
    ("sv", "Medianen är tiden från start till avslut oavsett skäl i hela dagar (en halv dag avrundas uppåt), med "
           "95 % KI"),
    ("en", "The median is the time from the start to exit for any reason in whole days (half a day rounded up), "
           "with its 95% CI")])
def test_the_table_says_once_how_the_median_is_rounded(tiny_project, lang, said):
    from evaltools.present.sections import time_in_project
    [[_, _, table]] = time_in_project.blocks(et.Report(_half_day_median(tiny_project), lang=lang))
    notes = " ".join(_plain(n) for n in table.notes)
    assert notes.count(said) == 1


# --- 4. an application's page 1: the unit of the smallest effect and the work assumption ---------------------------
# Specialistteamet's application check said on page 1 that an evaluation could detect a fall "minst 1 400 kr per
# person och månad", while a participant report's payments sections count per household; and only the cost-benefit
# section said that every expected exit is counted as an exit to work.
APPLICATION = """\
    kind: ansökan
    period: {start: 2026-01-01, planned_end: 2026-12-31}
    data: {budget: data/budget.csv}
    expected: {participants_per_year: 40, successes_per_year: 20%s}
    goals:
      - id: egen
        kind: outcome_count
        label: 20 personer per år till egen försörjning
        target: 20
        count_by: exit
        success_outcomes: [arbete, studier, sjuk_aktivitetsersättning]
    cost_benefit:
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2025, source: "Ansökan"}
    """


def _application(tmp_path, extra: str = ""):
    write_csv(tmp_path / "data/budget.csv", [{"period": "2026", "category": "Personal", "budget": 1_000_000}])
    return et.load_project(_params(tmp_path, APPLICATION % extra))


def _page_one(project, lang: str) -> str:
    return _plain(" ".join(et.Report(project, lang=lang).key_findings()))


@pytest.mark.parametrize("lang, unit, work", [
    ("sv", "per person och månad (beräkningen räknar personer, inte hushåll);",
     "Kalkylen räknar varje förväntat avslut från försörjningsstödet som ett avslut till arbete."),
    ("en", "per person and month (the calculation counts persons, not households);",
     "The calculation counts every expected exit from social assistance as an exit to work.")])
def test_an_application_s_page_one_says_the_effect_s_unit_and_that_every_exit_is_counted_as_work(
        tmp_path, lang, unit, work):
    said = _page_one(_application(tmp_path), lang)
    assert unit in said
    assert said.count(work) == 1


def test_an_application_with_an_outcome_mix_says_the_mix_on_page_one_instead(tmp_path):
    # half to work, half to sjuk- eller aktivitetsersättning (the params' outcome_mix)
    said = _page_one(_application(tmp_path, ", outcome_mix: {arbete: 0.5, sjuk_aktivitetsersättning: 0.5}"), "sv")
    assert "De förväntade avsluten från försörjningsstödet räknas som 50 % arbete" in said
    assert "varje förväntat avslut" not in said
