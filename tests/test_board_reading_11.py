"""What a board member stumbles over when reading every sample an eleventh time, in Swedish and in English: one
effect said in two units (Kompassen's −2 486 kr "per hushåll och månad" in the payments section, "per deltagare
och månad" in the cost-benefit note beside it), a payments section that opens with amounts "per person" above a
table whose counts and means are households, a chart caption saying "per person" under a chart titled "per
hushåll", and a sensitivity sentence defending "the conclusion that the effect is not zero" in a report whose
main estimate cannot tell (Språngbrädan: −614 kr to 357 kr). Expected values are worked out by hand from the
samples' files or from the small inputs built here, not taken from the code's output.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit, designs, payments

from .conftest import ROOT, layout_boxes, sample_report, shown_chunks, write_csv


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _chunks(blocks) -> list[str]:
    return [_plain(c) for c in shown_chunks(blocks)]


def _kompassen_households() -> tuple[int, int]:
    """(participants, their households), counted from the sample's participants file."""
    d = pd.read_csv(ROOT / "data" / "kompassen-demo" / "participants.csv")
    return len(d), d["household_id"].nunique()


# --- 1. one effect, one unit: the cost-benefit note says per household, as the payments section does -----------

@pytest.mark.parametrize("lang, unit, wrong", [
    ("sv", "per hushåll och månad", "per deltagare och månad"),
    ("en", "per household and month", "per participant and month"),
])
def test_the_measured_effect_in_the_cost_benefit_note_is_per_household_as_in_the_payments_section(lang, unit, wrong):
    n, households = _kompassen_households()
    assert (n, households) == (180, 159)  # 180 participants in 159 households: the DiD's units are households
    r = sample_report("kompassen-demo", lang)
    # (the estimate with its method's name: the appendix's, the robustness table's first row where it has one)
    said = [_plain(payments.did_effect_sentence(r))]
    assert len(said) == 1, said
    # the payments section's estimate: "−2 486 kr per hushåll och månad" / "SEK −2,486 per household and month"
    effect = re.search(r"(−[\d ,]+ kr|SEK −[\d,]+) " + unit, said[0])
    assert effect is not None, said[0]
    notes = [c for c in _chunks(costbenefit.blocks(r)) if effect.group(1) in c and ("159" in c)]
    assert len(notes) == 1, notes
    assert f"({effect.group(1)} {unit}" in notes[0]
    assert wrong not in notes[0]


# --- 2. the payments section's opening sentence names the table's unit ------------------------------------------

def _household_params(tmp_path, share: bool):
    """The small household project of test_known_limits_7 (six participants, A and B in household H1); with
    ``share=False`` B gets a household of its own (H6), so that no two enrolments share one."""
    from .test_known_limits_7 import _household_project
    params, pay, _ = _household_project(tmp_path)
    if not share:
        data = tmp_path / "data"
        persons = pd.read_csv(data / "participants.csv")
        persons.loc[persons["person_id"] == "B", "household_id"] = "H6"
        write_csv(data / "participants.csv", persons)
        pay.loc[pay["person_id"] == "B", "household_id"] = "H6"
        write_csv(data / "payments.csv", pay)
    return params


@pytest.mark.parametrize("share, sv, en", [
    (True, "Genomsnittligt försörjningsstöd per hushåll och månad", "Average social assistance per household and month"),
    # (a person who shares no household is a household of one: the DiD's unit, named so throughout)
    (False, "Genomsnittligt försörjningsstöd per hushåll och månad", "Average social assistance per household and month"),
])
def test_the_payments_section_opens_with_the_unit_its_table_counts(tmp_path, share, sv, en):
    params = _household_params(tmp_path, share)
    project = et.load_project(params)
    for lang, expected in (("sv", sv), ("en", en)):
        first = _chunks(payments.blocks(et.Report(project, lang=lang)))[1]  # (the heading, then the opening)
        assert first.startswith(expected), first
    # the table under it: with A and B in one household, 5 participating households of 6 participants
    table = _chunks(payments.blocks(et.Report(project, lang="sv")))
    assert ("5" if share else "6") in table[table.index("Deltagare") + 1]


@pytest.mark.parametrize("lang, unit", [("sv", "per hushåll för deltagare"), ("en", "per household for participants")])
def test_the_event_study_chart_is_described_per_household_as_its_title_says(lang, unit):
    r = sample_report("kompassen-demo", lang)
    figures = [part for block in payments.blocks(r) for part in block if hasattr(part, "et_alt")]
    alts = [_plain(f.et_alt) for f in figures if f.et_alt.startswith(("Två linjediagram", "Two line charts"))]
    assert len(alts) == 1 and unit in alts[0], alts
    assert "per person för" not in alts[0] and "per person for" not in alts[0]


# --- 3. the sensitivity bounds do not defend a conclusion the main estimate does not draw --------------------

def _honest_sentence(pid: str, lang: str) -> str:
    r = sample_report(pid, lang)
    # (the full statement is the appendix's, beside the bounds' table, or its lead where the body says it in words)
    said = [c for c in _chunks([designs.honest_blocks(r)])
            if c.startswith(("Hur mycket tål", "How robust is the result"))]
    assert len(said) == 1, said
    return said[0]


def test_spranbradans_bounds_are_about_the_mean_effect_since_its_main_interval_holds_zero():
    pytest.importorskip("honestdid")
    # Språngbrädan's page 1: "omkring 130 kr lägre ..., men uppgifterna kan inte avgöra om det blev lägre eller
    # högre" (−614 kr to 357 kr): there is no conclusion "that the effect is not zero" to defend
    sv = _honest_sentence("sprangbradan-demo", "sv")
    assert "Slutsatsen att effekten inte är noll" not in sv
    assert "Huvudskattningens 95 %-intervall (−614 kr till 357 kr) rymmer noll" in sv
    assert "rapportens slutsats bygger på huvudskattningen" in sv
    en = _honest_sentence("sprangbradan-demo", "en")
    assert "The conclusion that the effect" not in en
    assert "The main estimate's 95% interval (SEK −614 to SEK 357) includes zero" in en


def test_kompassens_bounds_still_defend_its_conclusion():
    pytest.importorskip("honestdid")
    # Kompassen's main interval, −2 814 kr to −2 158 kr, excludes zero: its conclusion is there to be tested
    assert _honest_sentence("kompassen-demo", "sv").startswith(
        "Hur mycket tål resultatet att gruppernas trender inte hade följts åt? Slutsatsen att effekten inte är noll")


# --- 4. the avoided level per person beside the assumptions' level: why two figures ---------------------------

FIXED_LEVEL = """\
    cost_benefit:
      price_year: 2022
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022}
      horizon_years: 1
      dropoff_per_year: 0
      deadweight: 0
      discount_rate: 0
    """


def _key_figure_notes(report) -> list[str]:
    return [_plain(n) for n in costbenefit.key_figures(report).notes]


def test_the_key_figures_say_why_the_avoided_level_is_below_the_assumed_level_where_a_household_leaves_twice(
        tiny_project):
    # P1 (arbete, ends 2022-08-01) and P4 (sjuk- och aktivitetsersättning, ends 2023-05-01) leave social
    # assistance; put in one household, its 9 000 kr is saved once and divided between the two: the mean over the
    # two leavers is (4 500 + 4 500) / 2 = 4 500 kr, beside the assumptions table's 9 000 kr
    frame = pd.read_csv(tiny_project.dir / "data" / "participants.csv")
    frame["household_id"] = ["H1", "H2", "H3", "H1"]
    write_csv(tiny_project.dir / "data" / "participants.csv", frame)
    shared = et.load_project(tiny_project(FIXED_LEVEL))
    sv = et.Report(shared, lang="sv")
    assert round(sv.cba.summary.monthly_level) == 4500
    notes = [n for n in _key_figure_notes(sv) if n.startswith("Undvikt försörjningsstöd per person och månad")]
    assert notes == ["Undvikt försörjningsstöd per person och månad, 4 500 kr, är ett medelvärde över alla som "
                     "lämnat försörjningsstödet. Försörjningsstöd betalas per hushåll och kan bara sparas en gång: där "
                     "flera i samma hushåll lämnade delas hushållets nivå lika mellan dem. Därför är det lägre än "
                     "försörjningsstödet per månad i tabellen Antaganden, 9 000 kr, som är ett hushålls nivå."]
    en = _key_figure_notes(et.Report(shared, lang="en"))
    assert any(n.startswith("Avoided social assistance per person and month, SEK 4,500, is a mean") and
               "in the table Assumptions, SEK 9,000" in n for n in en), en


def test_no_such_note_where_every_leaver_is_a_household_of_their_own(tiny_project):
    # without household ids every person is their own household: both leavers save 9 000 kr, the mean is 9 000 kr
    report = et.Report(et.load_project(tiny_project(FIXED_LEVEL)), lang="sv")
    assert round(report.cba.summary.monthly_level) == 9000
    assert not [n for n in _key_figure_notes(report) if "medelvärde över alla som lämnat" in n]


# --- 5. the check before the start says what its amount is ----------------------------------------------------

@pytest.mark.parametrize("lang, start, unit", [
    ("sv", "Kontroll före start: ", r"(−?[\d ]+ kr) per hushåll och månad \(95 % KI (−?[\d ]+ kr) till (−?[\d ]+ kr)\)"),
    ("en", "Check before the start: ", r"(SEK −?[\d,]+) per household and month \(95% CI (SEK −?[\d,]+) to (SEK −?[\d,]+)\)"),
])
def test_the_check_before_the_start_names_its_unit_and_interval(lang, start, unit):
    # a placebo effect of "50 kr (−13 kr till 113 kr)" left the reader to guess: kronor of what, and which
    # bracket; it is the DiD's own unit, a household's payments per month, with its 95 % interval
    said = [c for c in _chunks(payments.blocks(sample_report("kompassen-demo", lang))) if c.startswith(start)]
    assert len(said) == 1, said
    m = re.match(re.escape(start) + unit, said[0])
    assert m is not None, said[0]
    value, low, high = (float(re.sub(r"[^\d−]", "", g).replace("−", "-")) for g in m.groups())
    assert low < value < high


# --- 6. a budget's closing totals do not stand alone at the top of a page ---------------------------------------

def test_a_long_tables_last_three_rows_stay_together_so_closing_totals_keep_a_row(tmp_path):
    # Samverkan i praktiken's budget: "Summa År 3" and "Summa" stood alone under the repeated header at the top
    # of a page, two totals without a line they add up; the last three rows now keep together
    pytest.importorskip("weasyprint")
    import io

    import pypdf

    from evaltools.publish import render

    from .test_board_reading_8 import _table_page
    rows = 15
    fragments = {}
    for n in range(18, 38):  # (the filler lines before the table that make it split, as in test_board_reading_8)
        pdf = render.html_to_pdf(_table_page(n, rows), None, tmp_path)
        per_page = [sum(f"Grupp{i:02d}x" in line for line in t.splitlines() for i in range(1, rows + 1))
                    for t in (p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)]
        fragments[n] = [k for k in per_page if k]
        assert sum(fragments[n]) == rows, (n, fragments[n])
    split = {n: f for n, f in fragments.items() if len(f) > 1}
    assert split  # without it the table never breaks and this test says nothing
    assert all(f[-1] >= 3 for f in split.values()), split


# --- 7. the workbook's sheet of payments before and after says its unit as its columns do ------------------------

def test_the_workbooks_payments_sheet_is_described_per_person_or_household_as_its_count_column_is(tmp_path):
    import openpyxl

    from evaltools.publish.workbook import report_sheets, write_workbook
    # Kompassen's 180 participants live in 159 households (its participants file): the sheet counts 159 units
    assert _kompassen_households() == (180, 159)
    r = sample_report("kompassen-demo", "sv")
    path = write_workbook(tmp_path / "k.xlsx", report_sheets(r.key_tables(), r.k, lang="sv"), "sv", r.k)
    wb = openpyxl.load_workbook(path)
    about = [[c.value for c in row] for row in wb["Om tabellerna"].iter_rows()]
    described = [row for row in about if row and row[0] == "Försörjningsstöd"]
    assert len(described) == 1, described
    text = " ".join(str(v) for v in described[0][1:] if v)
    assert "per hushåll och månad före och efter start" in text
    assert "per person och månad före och efter start" not in text
    sheet = wb["Försörjningsstöd"]
    assert sheet.cell(1, 2).value == "Hushåll"
    assert sheet.cell(2, 2).value == 159


# --- 8. no word on tests the reader cannot see -----------------------------------------------------------------

def _outcome_verdict(pid: str, lang: str) -> str:
    from evaltools.present.sections import outcomes
    said = [c for c in _chunks(outcomes.blocks(sample_report(pid, lang))) if c.startswith(("Justerat", "Adjusted"))]
    assert len(said) == 1, said
    return said[0]


def test_a_breakdown_whose_test_is_hidden_is_not_said_to_show_no_clear_difference():
    # Nästa steg: of the 27 men who ended, 3 had no action plan (its participants file), fewer than 5, so the
    # breakdown by sex is hidden, and with it its test; only the project year's test is shown. "No breakdown
    # shows a clear difference" spoke of four tests, three of which the reader cannot see
    d = pd.read_csv(ROOT / "data" / "nasta-steg" / "participants.csv")
    ended_men = d[d["end_date"].notna() & (d["sex"] == "man")]
    assert (len(ended_men), int((ended_men["action_plan"] == "nej").sum())) == (27, 3)
    sv = _outcome_verdict("nasta-steg", "sv")
    assert "visar ingen uppdelning" not in sv
    assert sv == ("Justerat för att fyra uppdelningar prövas samtidigt är skillnaden i andel lyckade utfall inte "
                  "tydlig efter projektår för start; skillnaderna där kan vara slumpen. För en uppdelning med en dold "
                  "grupp visas inget test. Kön, åldersgrupp och hushållstyp prövas också och räknas med i justeringen, "
                  "men står inte i tabellen: ingen av deras grupper kan visas utan att tal under 5 kan räknas fram.")
    en = _outcome_verdict("nasta-steg", "en")
    assert "no breakdown shows" not in en and "does not differ clearly by project year of intake;" in en


def test_where_every_test_is_shown_the_sentence_speaks_of_every_breakdown():
    # Kompassen: every group of every breakdown has at least 5 who succeeded and 5 who did not (its smallest,
    # the 18 aged 60+, 7 and 11): all four tests are shown
    assert _outcome_verdict("kompassen-demo", "sv").startswith(
        "Justerat för att fyra uppdelningar prövas samtidigt visar ingen uppdelning en tydlig skillnad")


# --- 9. the sensitivity charts' amount axes name their prices, as the key figures do --------------------------

@pytest.mark.parametrize("pid, year", [("kompassen-demo", "2023"), ("nasta-steg", "2024")])  # (their params' price_year)
@pytest.mark.parametrize("lang, label", [
    ("sv", "Nettonuvärde för de offentliga finansiärerna, kr (nuvärde i {year} års priser)"),
    ("en", "Net present value for the public financiers, SEK (present value in {year} prices)"),
])
def test_the_tornado_and_the_histogram_say_which_prices_their_amounts_are_in(pid, year, lang, label):
    import yaml
    params = yaml.safe_load((ROOT / "params" / f"{pid}.yaml").read_text(encoding="utf-8"))
    assert str(params["cost_benefit"]["price_year"]) == year
    figures = [p for b in costbenefit.blocks(sample_report(pid, lang)) for p in b if hasattr(p, "axes")]
    assert len(figures) == 2  # the tornado and the histogram of the simulations
    # (a label wider than its axes wraps onto two lines: the words are the same)
    assert [" ".join(f.axes[0].get_xlabel().split()) for f in figures] == [label.format(year=year)] * 2


# --- 10. a heading and its opening lines do not end a page above their chart ------------------------------------

def _chart_page(filler_lines: int) -> str:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat

    from evaltools.present.display import Text, figure_html
    from evaltools.publish import render
    fig, ax = plt.subplots(figsize=(6, 4.5))
    ax.bar(["a", "b"], [1, 2])
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    intro = ("Andel lyckade utfall bland avslutade deltagare med 95 %-intervall, och kostnad per deltagare (utfall, "
             "annars budget, i löpande priser). Ett projekt utan avslutade deltagare har ingen punkt, och ett utan "
             "deltagare ingen stapel. För ett projekt som pågår är kostnaden per deltagare utfallet hittills.")
    section = (f"<div class='et-block'>{Text([intro], 'Projekten i diagram')._repr_html_()}"
               f"{figure_html(fig)}</div>")
    plt.close(fig)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler + section})])])
    return render.notebook_to_html(nb, "sv", "Test")


def _pages_of(html: str) -> list[tuple[str, bool]]:
    """Each page's text and whether a picture (the chart) is laid out on it, from WeasyPrint's own layout."""
    import weasyprint
    out = []
    for page in weasyprint.HTML(string=html).render().pages:
        boxes = list(layout_boxes(page._page_box))
        text = " ".join(getattr(b, "text", "") for b in boxes if isinstance(getattr(b, "text", None), str))
        out.append((text.replace("\u00a0", " "), any(getattr(b, "element_tag", "") == "img" for b in boxes)))
    return out


def test_a_sections_heading_and_opening_lines_move_with_its_chart():
    # the portfolio: "Projekten i diagram" and two lines of its opening paragraph ended page 4, the rest of the
    # paragraph and the chart stood on page 5
    pytest.importorskip("weasyprint")
    moved = 0
    for n in range(20, 44, 2):
        pages = _pages_of(_chart_page(n))
        heading = [i for i, (t, _) in enumerate(pages) if "Projekten i diagram" in t]
        chart = [i for i, (_, img) in enumerate(pages) if img]
        end = [i for i, (t, _) in enumerate(pages) if "utfallet hittills" in t]
        assert len(heading) == 1 and len(chart) == 1 and len(end) == 1, (n, heading, chart, end)
        assert heading == chart == end, (n, heading, chart, end)
        moved += heading[0] > 0
    assert moved  # some fillers push the section to the second page: else this test says nothing
