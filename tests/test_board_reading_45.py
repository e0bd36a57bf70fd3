"""Page by page as the board reads the samples: an application's goals said in the conditional a board member
reads naturally, and the cost that a project employing its participants needs its exits to carry named as that
cost, not the project's whole cost. Expected values are worked out by hand in the comments."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import summary

from .conftest import sample_report, shown_chunks, write_csv


def _page_one(report) -> str:
    return " ".join(shown_chunks(summary.blocks(report))).replace("\u00a0", " ")


# --- an application's goals against its expected volumes, in English ---------------------------------------------

def test_an_applications_goals_are_said_as_what_its_expected_volumes_would_meet():
    # Specialistteamet's application: two measurable goals, each with an expected volume at or above its target in
    # every period (eskilstuna-ansokan.yaml), so both would be met; an application's expectations are not results
    said = _page_one(sample_report("eskilstuna-ansokan", "en"))
    assert "At the volumes the application expects, both goals would be met in every period." in said
    assert "are reached with the application" not in said and "reached in every period" not in said


# --- a project that employs its participants, with fewer than five exits -------------------------------------------

# the employment as tests/test_participant_wages_43.py has it: a line of 600 000 kr of participants' wages at
# 25 000 kr a month and an employer's fee of 31,42 %, a tax of 32 %, 10 000 kr of försörjningsstöd a month not paid
WAGE, FEE, TAX, LEVEL, LINE = 25_000.0, 0.3142, 0.32, 10_000.0, 600_000.0
MONTHS = LINE / (WAGE * (1 + FEE))  # 18,26 months of employment
PUBLIC = MONTHS * (LEVEL + WAGE * TAX + WAGE * FEE)  # 472 166 kr back to the municipality, the region and the state


def _employing(tiny_project, other: float, lead: str = "offentliga") -> et.Report:
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön deltagare", "budget": LINE, "actual": LINE},
        {"period": "2022", "category": "Handledare", "budget": other, "actual": other}])
    return tiny_project(f"""\
        cost_benefit:
          price_year: 2022
          discount_rate: 0.0
          tax_rate: {TAX}
          tax_share_region: 0.36
          skattefaktor: 1.0
          work_earnings_sek_month: 20000
          monte_carlo_draws: 200
          monthly_level: {{method: fixed, amount_sek: {LEVEL:.0f}, amount_year: 2022, source: test}}
          participant_wages: {{line: Lön deltagare, wage_sek_month: {WAGE:.0f}}}
          lead_perspective: {lead}
        """)


@pytest.mark.parametrize(("lang", "public", "society"), [
    # 900 000 kr less the 472 166 kr the employment brings back to the public budgets: 427 834 kr, said as
    # 430 000 kr; for society the wages are a transfer to the participants, so all 600 000 kr come back: 300 000 kr
    ("sv", "bär kostnaden på 430 000 kr (900 000 kr minus det som anställningen av deltagarna ger tillbaka) för de "
           "offentliga finansiärerna",
     "bär kostnaden på 300 000 kr (900 000 kr minus det som anställningen av deltagarna ger tillbaka) för samhället"),
    ("en", "covers the cost of SEK 430,000 (SEK 900,000 less what the employment of participants brings back) for "
           "the public financiers",
     "covers the cost of SEK 300,000 (SEK 900,000 less what the employment of participants brings back) for "
     "society"),
])
def test_the_cost_the_few_exits_must_carry_is_the_cost_less_the_employments_flows(tiny_project, lang, public,
                                                                                     society):
    assert round(LINE + 300_000 - PUBLIC, -4) == 430_000  # (the hand count behind the sentence)
    said = _page_one(et.Report(_employing(tiny_project, 300_000), lang=lang))
    assert public in said, said
    assert society in said, said
    # never the whole cost as what the exits carry, nor the employment's return taken for the tax factor's mark-up
    assert {"sv": "bär kostnaden på 900 000 kr", "en": "covers the cost of SEK 900,000 "}[lang] not in said
    assert {"sv": "skattefaktorns påslag", "en": "tax factor's mark-up"}[lang] not in said


def test_one_exit_already_carrying_the_rest_names_that_rest(tiny_project):
    # 620 000 kr less 472 166 kr: 147 834 kr left, said as 150 000 kr, under one exit's worth (some 180 000 kr)
    said = _page_one(et.Report(_employing(tiny_project, 20_000), lang="sv"))
    assert ("Redan en person bär kostnaden på 150 000 kr (620 000 kr minus det som anställningen av deltagarna ger "
            "tillbaka), så besparingen bär kostnaden för de offentliga finansiärerna") in said, said
    assert "bär kostnaden på 620 000 kr" not in said  # (one exit's 180 000 kr would not carry the whole cost)


def test_an_employment_that_carries_the_cost_alone_is_said_so(tiny_project):
    # the municipality pays a quarter of the 900 000 kr (225 000 kr) and gets back 10 000 kr of försörjningsstöd not
    # paid and 64 % of the 32 % tax on 25 000 kr for each of the 18,26 months: 18,26 × 15 120 kr = 276 122 kr, more
    # than its cost, so no exit is needed to carry it
    assert MONTHS * (LEVEL + WAGE * TAX * 0.64) > 900_000 / 4
    said = _page_one(et.Report(_employing(tiny_project, 300_000, lead="kommun"), lang="sv"))
    assert ("Det som anställningen av deltagarna ger tillbaka bär redan kostnaden på 230 000 kr för kommunen, så "
            "kalkylen går ihop hur många som än har lämnat försörjningsstödet.") in said, said


# --- a table's notes at a page's foot -------------------------------------------------------------------------------

NOTE_ROWS = 9
NOTES = ("Första anmärkningen: för jämförelsegruppen mäts perioderna kring datumen i dess fil, och månader utan "
         "utbetalning räknas som 0 kr i medelbeloppet för varje period.",
         "Andra anmärkningen: ett medelbelopp döljs när färre än 5 hushåll ingår eller när ett hushålls utbetalningar "
         "är mer än 85 % av summan.",
         "Tredje anmärkningen: beloppen står i löpande priser.")


def _noted_table() -> str:
    """A table of nine rows with three notes under it (Kompassen's "Före, under och efter deltagandet")."""
    import pandas as pd

    from evaltools.present.display import Table
    from evaltools.present.markup import markup, render as render_template
    frame = pd.DataFrame({"Period": [f"Period nummer {i}" for i in range(1, NOTE_ROWS + 1)],
                          "Antal": [str(100 + i) for i in range(1, NOTE_ROWS + 1)]})
    return render_template("block.html.j2", parts=[markup(Table(frame, numeric=("Antal",), notes=NOTES)._repr_html_())])


def test_a_tables_notes_never_start_a_page_without_its_rows_nor_the_last_alone():
    from .conftest import page_of, page_text_boxes, printed_page
    section = _noted_table()
    split_rows = 0
    for mm in range(150, 255, 3):
        pages = page_text_boxes(printed_page(f"<div style='height: {mm}mm'></div>{section}"))
        first, last = page_of(pages, "Första anmärkningen"), page_of(pages, "Tredje anmärkningen")
        last_row = page_of(pages, f"Period nummer {NOTE_ROWS}")
        # the first note on the page of the table's last row; the last note on the page of the one before it
        assert first == last_row, mm
        assert last == page_of(pages, "Andra anmärkningen"), mm
        # a note is never split: its first and last words on one page
        assert page_of(pages, "Andra anmärkningen") == page_of(pages, "av summan."), mm
        split_rows += page_of(pages, "Period nummer 1") != last_row
    assert split_rows  # (the page's foot fell inside the table too, not only below it)


# --- a share goal whose every period says the same ------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "43,6 % år 3 (17 av 39); målet 40 % ligger inom felmarginalen i varje period."),
    ("en", "43.6% in year 3 (17 of 39); the target 40% is within the margin of error in every period."),
])
def test_a_share_within_its_margin_in_every_period_is_said_in_one_clause(lang, said):
    # Kompassen's "Minst 40 % av de avslutade …": 29 of 57, 40 of 84 and 17 of 39, whose exact 95 % intervals
    # (37,3–64,4 %, 36,6–58,8 %, 27,8–60,4 % in the goal table) each hold 40 %: one clause for the three, in the
    # word order of a sentence, not "i varje period: målet …"
    text = _page_one(sample_report("kompassen-demo", lang))
    assert said in text, text
    assert "i varje period:" not in text and "in every period:" not in text
