"""Page by page as the board reads the samples: one figure, one precision on page 1 (an interval said at the
precision of the estimate it surrounds). Expected values are worked out by hand in the comments."""
from __future__ import annotations

import pytest

from evaltools.present.sections import costbenefit, summary

from .conftest import sample_report, shown_chunks


def _said(blocks) -> str:
    return " ".join(shown_chunks(blocks)).replace("\u00a0", " ").replace("\n", " ")


# --- 1. page 1's effect and its interval at one precision -----------------------------------------------------------

@pytest.mark.parametrize("lang, rounded, exact", [
    # Kompassen's DiD: −2 486 kr per household and month, 95 % interval −2 814 kr to −2 158 kr. Page 1 says the
    # estimate as a person says it, "omkring 2 500 kr" (two significant figures: hundreds), so its interval's ends
    # are said in hundreds too: 2 158 → 2 200, 2 814 → 2 800
    ("sv", "omkring 2 500 kr lägre per hushåll och månad i löpande priser (95 % konfidensintervall för skillnaden "
           "2 200 kr till 2 800 kr)", "2 158"),
    ("en", "about SEK 2,500 lower per household and month in current prices (95% confidence interval SEK 2,200 to "
           "SEK 2,800)", "2,158"),
])
def test_page_one_says_the_effects_interval_at_the_estimates_precision(lang, rounded, exact):
    r = sample_report("kompassen-demo", lang)
    said = _said(summary.blocks(r))
    assert rounded in said, said
    assert exact not in said
    # the cost-benefit section, which gives the estimate exactly, keeps the exact interval
    section = _said(costbenefit.blocks(r))
    assert ("−2 814 kr till −2 158 kr" if lang == "sv" else "SEK −2,814 to SEK −2,158") in section


@pytest.mark.parametrize("effect, ends, said", [
    # Språngbrädan's −174 kr (tens: "omkring 170 kr"), its interval's sizes 750 and 402 kr: 750 and 400 kr
    (-174.0, (750.0, 402.0), ["750 kr", "400 kr"]),
    # a fall of 12 345 kr ("omkring 12 000 kr", thousands) between 9 499 and 15 500 kr: 9 000 and 16 000 kr
    (-12_345.0, (9_499.0, 15_500.0), ["9 000 kr", "16 000 kr"]),
    # an end that would round to zero at the estimate's hundreds (40 kr beside 2 500 kr) is said in tens, never
    # as a zero the interval does not hold: 40 and 5 000 kr
    (2_486.0, (40.0, 4_996.0), ["40 kr", "5 000 kr"]),
    # an estimate of a few kronor keeps whole kronor
    (7.0, (2.4, 11.6), ["2 kr", "12 kr"]),
])
def test_an_interval_beside_a_rounded_estimate_takes_its_unit(effect, ends, said):
    from evaltools.words.formats import fmt_kr_beside
    assert [e.replace("\u00a0", " ") for e in fmt_kr_beside(ends, effect, "sv")] == said


# --- 2. a table whose rows are paragraphs keeps two rows with its header at a page's foot -------------------------

PAGE_TEXT_MM = 259  # A4's 297 mm less the page's margins of 18 and 20 mm (as tests/test_page_gaps_34.py)
SOURCE = ("deltagarnas egna utbetalningar månad 12 till 7 före start; försörjningsstödet betalas per hushåll, så den "
          "som lämnade i ett hushåll där någon annan också lämnade räknas inte en gång till, och delas lika mellan "
          "dem som lämnade. ") * 2


def _assumptions_section(rows: int, paragraphs: bool) -> str:
    """A subheading and a table of ``rows`` assumptions whose sources run to some ten lines each (Kompassen's
    "Antaganden")."""
    import pandas as pd

    from evaltools.present.display import Table, Text
    from evaltools.present.markup import markup, render as render_template
    frame = pd.DataFrame({"Antagande": [f"Rad{i}" for i in range(1, rows + 1)],
                          "Värde": ["10 089 kr"] * rows, "Källa": [SOURCE] * rows})
    return render_template("block.html.j2", parts=[markup(p) for p in (
        Text([], "Antaganden", 3)._repr_html_(), Table(frame, paragraphs=paragraphs)._repr_html_())])


def _row_pages(section: str, space_mm: float, rows: int) -> list[int]:
    from .conftest import page_of, page_text_boxes, printed_page
    pages = page_text_boxes(printed_page(f"<div style='height: {space_mm}mm'></div>{section}"))
    return [page_of(pages, f"Rad{i}") for i in range(1, rows + 1)]


def _foot_of_row(section: str, i: int) -> float:
    """How far (mm) below the page's top the ``i``-th row ends, the section laid out on an empty page."""
    from .conftest import page_text_boxes, printed_page
    boxes = page_text_boxes(printed_page(section))[0]
    top = min(t0 for t, t0, _ in boxes if t == "Antaganden")
    row = min(t0 for t, t0, _ in boxes if t == f"Rad{i + 1}")  # (the next row's top is this one's foot)
    return row - top


def test_a_table_of_paragraphs_keeps_two_rows_with_its_header_at_a_pages_foot():
    # Kompassen's assumptions (rows of up to ten lines): its header with three rows did not fit under the payments
    # section, so all three went to the next page and left 95 mm empty above them; the pages after were a page
    # longer, the recommendations alone on the page before the appendix. Two such rows are a block of their own.
    section = _assumptions_section(8, paragraphs=True)
    two, three = _foot_of_row(section, 2), _foot_of_row(section, 3)
    assert three - two > 20  # (a row of some seven lines)
    # a space that leaves room for the heading, the header and two rows but not three (the heading's 5 mm margin
    # above it, and a band of a few mm for the lines' rounding)
    space = PAGE_TEXT_MM - 5 - (two + three) / 2
    assert _row_pages(section, space, 8)[:3] == [0, 0, 1]
    # the same table whose rows are not paragraphs still keeps three rows with its header: it moves whole
    assert _row_pages(_assumptions_section(8, paragraphs=False), space, 8)[:3] == [1, 1, 1]


def test_a_table_of_four_paragraphs_is_never_split():
    # the rule on last rows keeps the last three together: four rows, two and two, would leave two alone
    section = _assumptions_section(4, paragraphs=True)
    space = PAGE_TEXT_MM - 5 - (_foot_of_row(section, 2) + _foot_of_row(section, 3)) / 2
    assert len(set(_row_pages(section, space, 4))) == 1


def test_the_assumptions_table_is_printed_as_paragraphs():
    from evaltools.present.display import Table
    r = sample_report("kompassen-demo", "sv")
    tables = [p for block in costbenefit.blocks(r) for p in block if isinstance(p, Table)]
    assumptions = [t for t in tables if "Källa" in t.frame.columns and "Prövas mellan" in t.frame.columns]
    assert len(assumptions) == 1 and "et-paragraphs" in assumptions[0]._repr_html_()


# --- 3. the table of payments before, during and after: its prices in its first note ------------------------------

@pytest.mark.parametrize("pid, lang, first", [
    # Specialistteamet (no comparison group): months without payment count as 0 kr, and the amounts are as paid out,
    # in current prices; a third note of one line started the next page with the second, away from the table
    ("eskilstuna-specialistteamet", "sv",
     "Månader utan utbetalning räknas som 0 kr. Beloppen står i löpande priser, så som de betalades ut."),
    ("eskilstuna-specialistteamet", "en", "Months without a payment count as SEK 0. Amounts are in current prices, "
                                          "as they were paid out."),
    # Kompassen (a comparison group): its periods measured around the comparison file's dates, then the same
    ("kompassen-demo", "sv", "(referens- och uppföljningsdatum). Månader utan utbetalning räknas som 0 kr. Beloppen "
                             "står i löpande priser, så som de betalades ut."),
])
def test_the_phase_tables_prices_are_in_its_first_note(pid, lang, first):
    from evaltools.present.display import Table
    from evaltools.present.sections import payments
    from evaltools.words.text import msg
    r = sample_report(pid, lang)
    period = msg("payments.phase_col", lang)
    tables = [p for block in payments.blocks(r) for p in block if isinstance(p, Table) and period in p.frame.columns]
    assert len(tables) == 1
    notes = [n.replace("\u00a0", " ") for n in tables[0].notes]
    # two notes: how a month counts with the prices, and which means are hidden
    assert len(notes) == 2 and notes[0].endswith(first), notes
    assert notes[1].startswith(("Ett medelbelopp döljs", "A mean amount is hidden"))


# --- 4. page 1's cost and budget read as the share of the budget said between them ---------------------------------

@pytest.mark.parametrize("pid, lang, said", [
    # Vägen ut: 1 128 000 of 1 276 000 kr, 88,4 %: "1,1 of 1,3 miljoner" is 84,6 %, which a board member works out
    # and finds at odds with the 88 %; at three figures 1,13 of 1,28 is 88,3 %
    ("timra-vagen-ut", "sv", "har kostat 1,13 miljoner kronor i löpande priser (88 % av budgeten 1,28 miljoner kronor)"),
    ("timra-vagen-ut", "en", "SEK 1.13 million in current prices (88% of the budget SEK 1.28 million)"),
    # Nästa steg: 2 415 000 of 2 450 000 kr, 98,6 %: "2,4 of 2,5" is 96 %; 2,42 of 2,45 is 98,8 %
    ("nasta-steg", "sv", "har kostat 2,42 miljoner kronor i löpande priser (99 % av budgeten 2,45 miljoner kronor)"),
    # Kompassen: 4 286 200 of 4 380 000 kr, 97,9 %: "4,3 of 4,4" is 97,7 %, which reads as the 98 % said: two figures
    ("kompassen-demo", "sv", "har kostat 4,3 miljoner kronor i löpande priser (98 % av budgeten 4,4 miljoner kronor)"),
])
def test_page_ones_cost_and_budget_read_as_the_share_between_them(pid, lang, said):
    text = " ".join(summary.cost(sample_report(pid, lang))).replace("\u00a0", " ")
    assert said in text, text


# --- 5. an application's goals in the conditional, as the rest of its page 1 ---------------------------------------

def test_an_applications_goals_are_said_in_the_conditional_in_swedish():
    # Specialistteamet's application: both measurable goals have an expected volume at or above the target in every
    # period (eskilstuna-ansokan.yaml). Page 1 said "Båda målen nås i varje period …", a statement of fact beside
    # "kommunen skulle vinna …" a few lines down: an application's expectations are not results
    said = _said(summary.blocks(sample_report("eskilstuna-ansokan", "sv")))
    assert "Med ansökans förväntade volymer skulle båda målen nås i varje period." in said
    assert "kommunen skulle vinna" in said
    assert "målen nås i varje period med" not in said


def test_the_portfolio_says_an_applications_goals_in_the_conditional_too():
    # the same application's line in the portfolio: "med ansökans volymer nås båda målen" beside "skulle
    # nettonuvärdet bli …" in the same sentence
    from .conftest import sample_portfolio
    pf = sample_portfolio(("eskilstuna-ansokan",), "sv")
    assert pf._goals_words("eskilstuna-ansokan", ex_ante=True) == "med ansökans volymer skulle båda målen nås"
