"""What a board member stumbles over, an eighteenth reading: the assumptions table said the skattefaktor falls on
"den offentliga nettokostnaden" where page 1 and the table per actor put it on the public surplus (Specialistteamet,
Kompassen), and the method appendix gave no upper end for a deadweight's tested range that the assumptions table
states as 0–95 % (Språngbrädan), so that "95 %" read as the interval's level; and a running project's
cost-benefit section said its benefit and its cost per success rest on the same count (112 against 70)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from evaltools.present.sections import costbenefit, method
from evaltools.words import assumptions as assumption_words

from .conftest import sample_report

SOURCE = {"sv": "Källa", "en": "Source"}
NET_COST_ONLY = {"sv": "den offentliga nettokostnaden bär", "en": "the public net cost carries"}
SURPLUS = {"sv": "överskott", "en": "surplus"}
# the outcomes Specialistteamet's main goal counts as a success (its params file)
SUCCESS_OUTCOMES = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_skattefaktors_source_does_not_put_it_on_a_net_cost_where_the_public_budgets_come_out_ahead(lang):
    """Specialistteamet: benefit 6 961 117 kr − cost 3 554 516 kr = 3 406 601 kr for the public financiers, a
    surplus; page 1 says the skattefaktor falls on it ("läggs på det offentliga överskottet"), so the assumptions
    table, the workbook's unit and the glossary's definition may not say it falls on a net cost only."""
    r = sample_report("eskilstuna-specialistteamet", lang)
    persp = r.cba.table.set_index("perspective")
    assert persp.loc["offentliga", "npv"] == pytest.approx(6_961_117 - 3_554_516, abs=2)
    table = assumption_words.assumptions_table(r.cba.assumptions, lang)
    names = list(table.iloc[:, 0])
    source = table.loc[names.index(assumption_words.label("skattefaktor", lang)), SOURCE[lang]]
    assert NET_COST_ONLY[lang] not in source
    assert SURPLUS[lang] in source, source
    unit = assumption_words.unit("skattefaktor", lang)
    assert unit in ("faktor på de offentliga budgetarnas netto", "factor on the public budgets' net result"), unit
    definition = assumption_words.definition("skattefaktor", lang)
    assert ("netto sparar" if lang == "sv" else "save net") in definition, definition


@pytest.mark.parametrize(("lang", "most"), [("sv", "men högst 95\u00a0%"), ("en", "but at most 95%")])
def test_the_method_gives_the_upper_end_of_an_estimated_deadweights_tested_range(lang, most):
    """Språngbrädan's assumptions table tests its deadweight (84,3 %) over 0–95 %: the upper end of the ratio's 95 %
    interval lies above 95 % (tests/test_board_reading_17.py works it out by hand), so the range stops at the largest
    deadweight an estimate may take, 95 %. The method appendix names that end, so the table's 95 % is not read as the
    interval's level."""
    r = sample_report("sprangbradan-demo", lang)
    a = r.cba.assumptions
    (row,) = a[a["name"] == "deadweight"].to_dict("records")
    assert row["upper"] == 0.95
    (rule,) = [p for p in method.paragraphs(r) if p.startswith(("Det som hade hänt ändå", "What would have happened"))]
    assert most in rule, rule


@pytest.mark.parametrize(("lang", "same"), [("sv", "räknas på samma antal"), ("en", "rest on the same count")])
def test_a_running_projects_benefit_is_not_said_to_rest_on_the_count_its_cost_per_success_divides_by(lang, same):
    """Specialistteamet runs: its cost per success, 34 256 kr, is the outturn up to 2025-12-31 (1 128 470 kr for
    2024 + 1 269 470 kr for 2025 = 2 397 940 kr in the budget table) over the 70 successes up to then
    (2 397 940 / 70 = 34 256,29), while the benefit rests on all 112 who had left by the analysis date. The section
    said the two "räknas på samma antal"; it now says which count each takes."""
    r = sample_report("eskilstuna-specialistteamet", lang)
    s = r.cba.summary
    assert s.per_person_through == dt.date(2025, 12, 31)
    # the successes counted from the participants' rows: the main goal's outcomes, ended by 2025-12-31 or at all
    rows = r.project.participants
    success = rows["outcome"].isin(SUCCESS_OUTCOMES)
    ended_by = pd.to_datetime(rows["end_date"]) <= pd.Timestamp("2025-12-31")
    assert (int((success & ended_by).sum()), int(success.sum())) == (70, 112)
    assert s.successes == 112
    assert s.cost_per_success == pytest.approx((1_128_470 + 1_269_470) / 70, abs=0.01)
    (sentence,) = costbenefit.benefit_count(r)
    assert same not in sentence
    assert "2025-12-31" in sentence and sentence.count("112") == 2, sentence


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_finished_projects_benefit_still_rests_on_the_same_count(lang):
    # Kompassen has ended: its cost per success, 4 286 200 kr / 86 = 49 839,53 kr, divides by the 86 who left
    r = sample_report("kompassen-demo", lang)
    s = r.cba.summary
    assert s.per_person_through is None and s.successes == 86
    assert s.cost_per_success == pytest.approx(4_286_200 / 86, abs=0.01)
    (sentence,) = costbenefit.benefit_count(r)
    assert ("samma antal" if lang == "sv" else "the same count") in sentence


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_tornados_axis_label_stays_inside_the_figure(lang):
    """Språngbrädan's tornado: its axis label ("Nettonuvärde för de offentliga finansiärerna, kr (nuvärde i 2023
    års priser)"), centred under an axes narrowed by long assumption names, ran past the figure's right edge
    ("priser)" cut off in the PDF)."""
    import matplotlib.pyplot as plt

    from evaltools.present.plots import plot_tornado
    from evaltools.present.sections import costbenefit
    from evaltools.words.labels import t

    from .conftest import sample_report
    r = sample_report("sprangbradan-demo", lang)
    who = t(r.cba.summary.perspective, lang).lower()  # (as the cost-benefit section names the perspective)
    fig = plot_tornado(r.cba.sensitivity, lang, who, names=costbenefit._tornado_names(r), basis=costbenefit._axis_basis(r))
    try:
        fig.canvas.draw()
        box = fig.axes[0].xaxis.label.get_window_extent(fig.canvas.get_renderer())
        width = fig.get_figwidth() * fig.dpi
        assert box.x0 >= 0 and box.x1 <= width, (box, width, fig.axes[0].get_xlabel())
    finally:
        plt.close(fig)
