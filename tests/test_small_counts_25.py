"""Ranges over a hidden count of exits (tests/test_small_counts_22.py), continued: a range must span two counts at
least (at a threshold of 2 only a count of 1 is hidden, and "1 to 1" is the exact figure).

Every project is written in tmp_path with test_small_counts_22's builder: a level of 9 000 kr a month for two years,
no drop-off, deadweight or discounting, so one exit is worth 9 000 × 24 = 216 000 kr to the municipality and the
public financiers; the cost is shared state 50 %, region and municipality 25 % each. Expected values by hand in the
comments."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import openpyxl
import pytest

import evaltools as et
from evaltools.analysis.costbenefit import RangeVerdict, cost_benefit
from evaltools.present import portfolio, whatif
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import method
from evaltools.present.sections import summary as page_one
from evaltools.publish.workbook import export_report

from .test_small_counts_22 import _project

K2 = "privacy: {min_count: 2}\n"


@pytest.fixture
def one_of_two(tmp_path):
    """1 exit (hidden at k = 2: it is 1 to 1), 2 who stayed, at a cost of 1 500 000 kr."""
    return et.Report(et.load_project(_project(tmp_path, 1_500_000, 1, extra=K2)))


def _cells(frame) -> str:
    return frame.to_string().replace("\xa0", " ")


def test_a_range_of_one_count_withholds_the_figures_it_would_give(one_of_two):
    exact = cost_benefit(one_of_two.project, monte_carlo=False, effect=False)
    # the analysis keeps the exact figures: 1 × 216 000 = 216 000 benefit, 216 000 − 1 500 000 = −1 284 000 NPV
    assert exact.summary.npv == pytest.approx(-1_284_000)
    er = one_of_two.cba.summary.exit_range
    assert (er.low, er.high) == (1, 1) and er.one_count
    lead = er.lead
    # the range's ends would be those exact figures: withheld, the value of one exit and the break-even kept
    for figure in ("benefit_low", "benefit_high", "npv_low", "npv_high", "bcr_low", "bcr_high"):
        assert np.isnan(getattr(lead, figure)), figure
    assert lead.per_exit == pytest.approx(216_000)
    assert lead.break_even_exits == pytest.approx(1_500_000 / 216_000)  # 6,94: 7 persons
    assert lead.verdict is RangeVerdict.NOT_COVERED  # (follows from the break-even: 7 > 1)
    # the municipality (216 000 − 375 000 = −159 000) and society move with the count too: society's benefit is
    # 0 kr an exit (earnings not valued) but its skattefaktor falls on the public net, 0,3 × (1 500 000 − 216 000)
    for p in ("kommun", "samhälle"):
        assert np.isnan(er.of(p).npv_low), p
    # the region and the state gain nothing from an exit: −375 000 and −750 000 at any count, said as they are
    assert er.of("region").npv_low == pytest.approx(-375_000)
    assert er.of("stat").npv_low == pytest.approx(-750_000)


@pytest.mark.parametrize("lang, withheld, break_even", [
    ("sv", "Besparingen och nettonuvärdet redovisas inte, för att skydda deltagarna",
     "Det krävs 7 personer för att bära kostnaden på 1,5 miljoner kronor"),
    ("en", "The saving and the net present value are not reported, to protect the participants",
     "It takes 7 persons to cover the cost of SEK 1.5 million"),
])
def test_page_one_says_why_and_never_one_to_one(tmp_path, lang, withheld, break_even):
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 1, extra=K2)), lang=lang)
    said = " ".join(page_one.worth(r)).replace("\xa0", " ")
    assert withheld in said and break_even in said
    # −1 284 000 (public, said −1,3 miljoner), −1 885 200 (society: −1 500 000 − 385 200, said −1,9 miljoner)
    for gives in ("1 till 1", "1 to 1", "−1,3", "−1.3", "−1,9", "−1.9", "mellan", "between"):
        assert gives not in said, gives
    assert not re.search(r"\bnan\b|–", said)  # (no unknown end said as a figure)


def test_the_section_the_panel_and_the_method_withhold_it_too(one_of_two):
    table = cb_section.key_figures(one_of_two)
    notes = " ".join(table.notes)
    assert "Nyttan, nettonuvärdet och nyttan per satsad krona redovisas inte" in notes and "1 till 1" not in notes
    kf = table.frame
    values = dict(zip(kf.iloc[:, 0], (v.replace("\xa0", " ") for v in kf.iloc[:, 1])))
    assert next(v for k, v in values.items() if k.startswith("Nettonuvärde för de offentliga")) == "–"
    assert next(v for k, v in values.items() if k.startswith("Nytta av en person")) == "216 000 kr"
    table = _cells(cb_section.perspective_table(one_of_two).frame)
    # −159 000 (kommun), −1 284 000 (public), −385 200 and −1 885 200 (society) nowhere; −375 000 (region) stays
    for exact in ("159 000", "1 284 000", "385 200", "1 885 200"):
        assert exact not in table, exact
    assert "−375 000 kr" in table
    panel = _cells(whatif.key_figures(whatif.evaluate(one_of_two.project), lang="sv"))
    assert "redovisas inte: det skulle visa hur många som har lämnat försörjningsstödet" in panel
    assert "1 till 1" not in panel and "1 284 000" not in panel
    [rule] = [p for p in method.paragraphs(one_of_two) if p.startswith("Osäkerhet")]
    assert rule.startswith("Osäkerhet: nyttan, nettonuvärdet och nyttan per satsad krona redovisas inte")
    row = portfolio._row(one_of_two.project)
    assert np.isnan(row["npv_public_low"]) and np.isnan(row["npv_society_high"])


def test_the_workbook_holds_no_figure_of_the_one_count(one_of_two, tmp_path):
    xlsx = next(p for p in export_report(one_of_two, tmp_path / "out") if p.suffix == ".xlsx")
    wb = openpyxl.load_workbook(xlsx)
    numbers = [float(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row
               if isinstance(v, (int, float)) and not isinstance(v, bool)]
    for exact in (-1_284_000, -159_000, -1_885_200, -385_200):
        assert not any(abs(v - exact) < 1 for v in numbers), exact
    texts = " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str))
    assert "Nyttan, nettonuvärdet och nytta/kostnad redovisas inte" in texts
    assert "med 1 och med 1 personer" not in texts
    # 216 000 / 1 500 000 = 0,144, the ratio at one exit
    assert not any(abs(v - 0.144) < 1e-6 for v in numbers)


def test_a_threshold_of_3_still_gives_a_range_of_two_counts(tmp_path):
    # 1 exit at k = 3: 1 to 2, both ends given (216 000 and 432 000 benefit)
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 1, extra="privacy: {min_count: 3}\n")))
    er = r.cba.summary.exit_range
    assert (er.low, er.high, er.one_count) == (1, 2, False)
    assert (er.lead.benefit_low, er.lead.benefit_high) == pytest.approx((216_000, 432_000))


@pytest.mark.parametrize("lang, said", [
    # the municipality bears a quarter, 375 000: 216 000 − 375 000 = −159 000 at 1 exit, 864 000 − 375 000 = 489 000
    # at 4 (said −160 000 and 490 000); the region −375 000 (−380 000) and the state −750 000 at any count
    ("sv", "Var för sig är nettonuvärdet mellan −160 000 och 490 000 kr för kommunen, −380 000 kr för regionen och "
           "−750 000 kr för staten."),
    ("en", "Separately, the net present value is between SEK −160,000 and 490,000 for the municipality, SEK −380,000 "
           "for the region and SEK −750,000 for the state."),
])
def test_page_one_of_a_range_says_what_each_financier_gains_or_pays(tmp_path, lang, said):
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 3)), lang=lang)
    assert (r.cba.summary.exit_range.low, r.cba.summary.exit_range.high) == (1, 4)
    worth = [s.replace("\xa0", " ") for s in page_one.worth(r)]
    assert said in worth
    # after the public financiers' verdict, before society's
    i = worth.index(said)
    assert "offentliga finansiärerna" in worth[i - 1] or "public financiers" in worth[i - 1]
    assert worth[i + 1].startswith(("För samhället", "For society"))


def test_page_one_names_no_financier_where_one_of_them_is_withheld(one_of_two):
    # one count (k = 2): the municipality's −159 000 is withheld, so no sentence of the three (the withheld one explains)
    assert not any(s.startswith("Var för sig") for s in page_one.worth(one_of_two))


def _sheet(xlsx: Path, title: str) -> list[tuple]:
    ws = openpyxl.load_workbook(xlsx)[title]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def test_the_workbook_gives_societys_skattefaktor_over_the_range(tmp_path):
    # 3 exits (1 to 4), cost 1 500 000 kr, all public; skattefaktor 1,3 on the public net cost: at 1 exit
    # −0,3 × (1 500 000 − 216 000) = −385 200, at 4 exits −0,3 × (1 500 000 − 864 000) = −190 800; society's net
    # is 0 − 1 500 000 − 385 200 = −1 885 200 and −1 690 800, as its row must add up to
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 3)))
    xlsx = next(p for p in export_report(r, tmp_path / "out") if p.suffix == ".xlsx")
    rows = _sheet(xlsx, "Per perspektiv")
    head = next(i for i, row in enumerate(rows) if row and row[0] == "Perspektiv")
    columns = rows[head]
    society = dict(zip(columns, next(row for row in rows[head + 1:] if row[0] == "Samhället")))
    low = next(c for c in columns if c and c.startswith("Skattefaktorns effekt, nuvärde, med det lägsta"))
    high = next(c for c in columns if c and c.startswith("Skattefaktorns effekt, nuvärde, med det högsta"))
    assert (society[low], society[high]) == pytest.approx((-385_200, -190_800))
    npv_low = next(c for c in columns if c and c.startswith("Nettonuvärde med det lägsta"))
    cost = next(c for c in columns if c and c.startswith("Kostnad som perspektivet bär"))
    assert society[npv_low] == pytest.approx(-1_885_200)
    assert society[npv_low] == pytest.approx(0 - society[cost] + society[low])  # (society's benefit is 0 kr)
    # the public financiers have no skattefaktor: empty, as in the report's table ("–")
    public = dict(zip(columns, next(row for row in rows[head + 1:] if row[0] == "De offentliga finansiärerna")))
    assert public[low] is None and public[high] is None
    # the report's table says the same ends
    table = cb_section.perspective_table(r).frame
    cell = table[table.iloc[:, 0] == "Samhället"].iloc[0]["Skattefaktorns effekt (nuvärde)"].replace("\xa0", " ")
    assert cell == "−385 200 till −190 800 kr"


@pytest.mark.parametrize("cost, lang, said", [
    # 5 exits × 216 000 = 1 080 000 against 1 500 000: negative with no deadweight, which is the assumption itself
    (1_500_000, "sv", "Kalkylen antar att ingen av dem som lämnade försörjningsstödet hade gjort det ändå "
                      "(utvärderarens val), och ändå är nettonuvärdet negativt för de offentliga finansiärerna."),
    (1_500_000, "en", "The calculation assumes that none of those who left social assistance would have left it anyway "
                      "(the evaluator's choice), and still the net present value is negative for the public financiers."),
    # against 500 000: zero at a deadweight of 1 − 500 000 / 1 080 000 = 0,537, said 54 %
    (500_000, "sv", "Kalkylen antar att ingen av dem som lämnade försörjningsstödet hade gjort det ändå "
                    "(utvärderarens val); för de offentliga finansiärerna blir nettonuvärdet noll vid en dödvikt på 54 %."),
])
def test_a_zero_deadweight_is_said_as_none_on_page_one(tmp_path, cost, lang, said):
    r = et.Report(et.load_project(_project(tmp_path, cost, 5, stayed=5)), lang=lang)
    assert r.cba.summary.exit_range is None and r.cba.summary.deadweight == 0
    worth = " ".join(page_one.worth(r)).replace("\xa0", " ")
    assert said in worth, worth
    assert "0 % av dem" not in worth and "0% of those" not in worth


@pytest.mark.parametrize("lang, said", [
    ("sv", "räknat på att ingen av dem som lämnar det hade gjort det ändå)"),
    ("en", "counting that none of those who leave it would have done so anyway)"),
])
def test_a_zero_deadweight_is_said_as_none_over_a_range(tmp_path, lang, said):
    r = et.Report(et.load_project(_project(tmp_path, 1_500_000, 3)), lang=lang)
    first = page_one.worth(r)[0].replace("\xa0", " ")
    assert said in first, first


def test_an_actor_that_pays_more_the_more_leave_is_said_smaller_end_first(tmp_path):
    # the 3 exits go to sjuk- och aktivitetsersättning, which the state pays in place of försörjningsstöd (assumed as
    # large): the municipality saves 216 000 an exit and the state pays as much. State: −750 000 − 216 000 = −966 000
    # at 1 exit, −750 000 − 4 × 216 000 = −1 614 000 at 4 (said −1,6 miljoner and −970 000, the smaller first)
    path = _project(tmp_path, 1_500_000, 3)
    people = tmp_path / "data/participants.csv"
    people.write_text(people.read_text(encoding="utf-8").replace(",arbete", ",sjuk_aktivitetsersättning"),
                      encoding="utf-8")
    r = et.Report(et.load_project(path))
    state = r.cba.summary.exit_range.of("stat")
    assert (state.npv_low, state.npv_high) == pytest.approx((-966_000, -1_614_000))
    said = " ".join(page_one.worth(r)).replace("\xa0", " ")
    assert "mellan −1,6 miljoner och −970 000 kronor för staten" in said, said
