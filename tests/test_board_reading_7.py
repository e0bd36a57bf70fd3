"""What a board member stumbles over when reading every sample, in Swedish and in English: a chart that
cannot be pointed at ("look at figure 3"), and page 1's two net present values that disagree without a word
on why there are two. Expected values are worked out by hand from the samples' files or from the small
inputs built here, not taken from the code's output."""
from __future__ import annotations

import io
import re

import docx
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import evaltools as et  # noqa: E402
from evaltools.present import report as report_module  # noqa: E402
from evaltools.present.display import figure_html, number_figures  # noqa: E402
from evaltools.present.plots import plot_budget  # noqa: E402
from evaltools.publish.docx import html_to_docx  # noqa: E402

from .conftest import PARAMS, sample_report  # noqa: E402


# --- every chart has a numbered caption saying what it shows, the same in HTML, PDF and Word -----------------

def _chart(what: str | None = None):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["a", "b"], [1, 2])
    if what is not None:
        fig.et_what = what
    return fig


def test_charts_are_numbered_in_the_order_given_and_other_parts_are_skipped():
    first, second = _chart("Stapeldiagram över budget"), _chart("Histogram över nettonuvärdet")
    parts = [None, "en mening", first, object(), second]
    after = number_figures(parts, 3, lambda key, n, what: f"Figur {n}. {what}")
    assert after == 5  # two charts from 3: the next is 5
    assert first.et_caption == "Figur 3. Stapeldiagram över budget."
    assert second.et_caption == "Figur 4. Histogram över nettonuvärdet."
    plt.close("all")


def test_a_numbered_chart_carries_its_caption_under_the_picture_in_html_and_word():
    fig = _chart()
    fig.et_alt = "Diagram över två staplar: 1 och 2."
    fig.et_caption = "Figur 1. Diagram över två staplar."
    html = figure_html(fig)
    # the caption follows the picture inside the same figure element (so that print keeps them together)
    assert re.search(r"<figure class='et-fig'><img [^>]*>\s*<figcaption>Figur 1\. Diagram över två staplar\.</figcaption></figure>",
                     html)
    page = f"<html lang='sv'><body><main><h2>Budget</h2>{html}<p>Efter diagrammet.</p></main></body></html>"
    d = docx.Document(io.BytesIO(html_to_docx(page, None, "sv", "Test")))
    paragraphs = list(d.paragraphs)
    (pic,) = [i for i, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    caption = paragraphs[pic + 1]
    assert caption.text == "Figur 1. Diagram över två staplar."
    assert caption.style.name == "Caption"
    assert paragraphs[pic].paragraph_format.keep_with_next  # the picture stays on its caption's page
    assert paragraphs[pic + 2].text == "Efter diagrammet."


def test_a_chart_without_a_number_has_no_caption():
    html = figure_html(_chart())
    assert "<figcaption" not in html


def test_the_chart_function_says_what_the_chart_shows_as_its_caption_words():
    # the budget chart's words in each catalog, without the key numbers the alternative text adds after them
    frame = __import__("pandas").DataFrame({"category": ["Personal"], "budget": [100_000.0], "actual": [90_000.0]})
    # (the caption says whose costs and which prices, as the axis does)
    for lang, what, axis in (("sv", "Stapeldiagram över budget och utfall per kostnadspost, projektets kostnad i löpande "
                                    "priser", "Belopp i kr, löpande priser"),
                             ("en", "Bar chart of budget and actual costs per cost line, the project's costs in current prices",
                              "Amount in SEK, current prices")):
        fig = plot_budget(frame, lang)
        assert fig.et_what == what
        assert fig.et_alt.startswith(what + ".")
        # the amount axis says its unit and prices, as the budget table's note does (before: bare numbers)
        assert fig.axes[0].get_xlabel() == axis
        plt.close(fig)


@pytest.mark.parametrize("lang, word", [("sv", "Figur"), ("en", "Figure")])
def test_a_reports_charts_are_numbered_one_after_another_across_its_sections(monkeypatch, lang, word):
    shown: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: shown.extend(parts))
    r = et.Report(PARAMS / "kompassen-demo.yaml", lang=lang)  # (its own: showing sections numbers its charts)
    r.goal_section()
    r.budget_section()
    r.costbenefit_section()
    charts = [p for p in shown if hasattr(p, "savefig")]
    # Kompassen's goal section draws one chart of its measurable goals, the budget section one of budget
    # against actual costs; the cost-benefit section a tornado and the simulation's histogram: four, in order
    numbers = [int(re.match(rf"{word} (\d+)\. ", c.et_caption).group(1)) for c in charts]
    assert numbers == [1, 2, 3, 4]
    budget = charts[1].et_caption
    assert budget == ("Figur 2. Stapeldiagram över budget och utfall per kostnadspost, projektets kostnad i löpande "
                      "priser." if lang == "sv" else
                      "Figure 2. Bar chart of budget and actual costs per cost line, the project's costs in current "
                      "prices.")
    assert r.next_figure == 5
    plt.close("all")


def test_a_caption_ends_as_a_sentence_once():
    from evaltools.present.display import full_stop
    assert full_stop("Figur 1. Stapeldiagram över budget") == "Figur 1. Stapeldiagram över budget."
    assert full_stop("Figur 1. Klart.") == "Figur 1. Klart."
    # a question quoted at the end keeps its own mark, a statement quoted at the end gets the full stop after it
    assert full_stop("Figur 3. Svaren på ”Hur mår du?”") == "Figur 3. Svaren på ”Hur mår du?”"
    assert full_stop("Figur 2. Svaren på ”Jag mår bra”") == "Figur 2. Svaren på ”Jag mår bra”."


@pytest.mark.parametrize("lang, expected", [
    ("sv", ["Figur 2. Deltagare vid start: svaren på ”Jag ser ljust på min framtid”.",
            "Figur 3. Deltagare vid start: svaren på ”Hur bedömer du ditt allmänna hälsotillstånd?”"]),
    ("en", ["Figure 2. Participants at start: answers to “I am hopeful about my future”.",
            "Figure 3. Participants at start: answers to “How do you rate your general health?”"])])
def test_survey_charts_of_one_round_have_captions_that_tell_them_apart(monkeypatch, lang, expected):
    # Nästa steg's questions file: D1 (agreement) and D2 (health) on different five-step scales, asked at start
    # and at exit: one chart per scale and round, four in all after the goal chart (figure 1); before, the two
    # charts of a round had the same caption. The exit round's questions have hidden answers on both sides of the
    # middle, so they have no bar and that round has a sentence instead of two charts of empty rows
    shown: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: shown.extend(parts))
    r = et.Report(PARAMS / "nasta-steg.yaml", lang=lang)
    r.goal_section()
    r.survey_section()
    captions = [p.et_caption for p in shown if hasattr(p, "savefig")]
    assert captions[1:] == expected
    plt.close("all")


# --- page 1: two net present values that disagree say why there are two, and that they disagree -------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_says_which_question_each_calculation_answers_and_that_they_disagree(lang):
    from .test_board_reading_3 import _kompassen_with_a_high_deadweight
    r = _kompassen_with_a_high_deadweight(lang)
    eb, main = r.cba.effect_based, r.cba.summary
    # the main calculation's NPV for the public financiers is negative, the one from the measured difference
    # positive (the difference counted once per household, 159 households of the 180 participants)
    assert main.npv < 0 < eb.npv
    (said,) = __import__("evaltools.present.sections.summary", fromlist=["effect"]).effect(r)
    if lang == "sv":
        assert "huvudkalkylen på vad avsluten sparar" in said
        assert "den andra på hur deltagarnas försörjningsstöd förändrades jämfört med jämförelsegruppens" in said
        assert "går här isär" in said and "metoden väljer inte mellan dem" in said
        assert "båda står i avsnittet om kostnad och nytta" in said  # (where a reader finds the two side by side)
    else:
        assert "the main one what the exits save" in said
        assert "the other how the participants' social assistance changed relative to the comparison group's" in said
        assert "here they disagree" in said and "the method does not choose between them" in said
        assert "both are in the section on costs and benefits" in said
    # the words come after both figures: the measured one is said first in the same paragraph
    assert said.index("Räknat från den skillnaden" if lang == "sv" else "Counted from that difference") < \
        said.index("huvudkalkylen" if lang == "sv" else "main one")


def test_two_calculations_that_agree_in_sign_add_no_such_sentence():
    import dataclasses
    from types import SimpleNamespace

    from evaltools.present.sections import summary
    r = sample_report("kompassen-demo", "sv")
    fake = SimpleNamespace(lang="sv", msg=r.msg, cba=SimpleNamespace(
        effect_based=dataclasses.replace(r.cba.effect_based, npv=-100_000.0), summary=SimpleNamespace(npv=-2_400_000.0)))
    assert summary.measured_worth(fake) == []
    fake.cba.effect_based = dataclasses.replace(r.cba.effect_based, npv=810_000.0)
    (said,) = summary.measured_worth(fake)
    assert "går här isär" in said


# --- the outcome chart leaves out a breakdown whose every group is hidden -----------------------------------

def test_the_outcome_chart_leaves_out_a_breakdown_whose_every_group_is_hidden():
    from evaltools.present import sections
    from evaltools.present.plots import plot_outcome_rates
    r = sample_report("nasta-steg", "sv")
    # Nästa steg's participants file: of the 70 who ended, the men are 24 with an action plan and 3 without
    # (fewer than 5: hidden), so the women's 28 and 15 are hidden too (else the total gives the men's back);
    # the rate table keeps both rows as "..", the chart would draw two empty lines under the heading Kön
    sex = r.rates.table[r.rates.table["variable"] == "sex"]
    assert len(sex) == 2 and all(v == ".." for v in sex["rate"])
    chart = sections.outcomes.chart_rates(r)
    assert "sex" not in set(chart.table["variable"])
    # the intake years are shown: 29 of 40 and 23 of 30 with an action plan (the participants file)
    years = chart.table[chart.table["variable"] == "project_year"]
    assert [round(v, 4) for v in years["rate"]] == [round(29 / 40, 4), round(23 / 30, 4)]
    fig = plot_outcome_rates(chart, "sv")
    assert "Kön" not in fig.et_alt and "År 1 72,5\u00a0%" in fig.et_alt
    plt.close(fig)


@pytest.mark.parametrize("lang, spelled, short", [("sv", "95\u00a0% konfidensintervall för skillnaden", " KI "),
                                                  ("en", "95% confidence interval", " CI ")])
def test_page_one_spells_out_the_interval_of_the_measured_difference(lang, spelled, short):
    from evaltools.present.sections import summary
    # page 1 is the board's page: the difference's interval is named in words, as the goal lines' "felmarginal"
    # is, not by the tables' abbreviation (explained only in the goal section after it)
    (said,) = summary.effect(sample_report("kompassen-demo", lang))
    assert spelled in said and short not in said


# --- the facts about the project are printed whole, never a row or two at the foot of page 1 ------------------

def _facts_page(filler_lines: int, whole: bool) -> str:
    import nbformat
    import pandas as pd

    from evaltools.present.display import Table, Text
    from evaltools.publish import render
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    # thirteen rows: one more than a table printed whole for its length alone (the facts of Nästa steg)
    frame = pd.DataFrame({"Uppgift": [f"Uppgift {i}" for i in range(1, 14)], "Värde": [f"värde {i}" for i in range(1, 14)]})
    section = (f"<div class='et-block'>{Text(['Om projektet i en mening.'], 'Om projektet')._repr_html_()}"
               f"{Table(frame, whole=whole)._repr_html_()}</div>")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler + section})])])
    return render.notebook_to_html(nb, "sv", "Test")


def test_a_table_printed_whole_keeps_all_its_rows_on_one_page(tmp_path):
    pytest.importorskip("weasyprint")
    import pypdf

    from evaltools.present import sections
    from evaltools.publish import render

    def pages(n: int, whole: bool) -> tuple[list[int], list[int]]:
        texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render.html_to_pdf(_facts_page(n, whole), None,
                                                                                               tmp_path))).pages]
        return ([i for i, t in enumerate(texts) if "Uppgift 1\n" in t or "Uppgift 1 " in t],
                [i for i, t in enumerate(texts) if "Uppgift 13" in t])

    split = [n for n in range(22, 38, 3) if len(set(sum(pages(n, False), []))) > 1]  # (measured: 24 to 34 lines)
    assert split  # without it the table breaks at some filler length: its first rows on one page, the last on the next
    for n in split:
        first, last = pages(n, True)
        assert first == last and first[0] > 0, (n, first, last)  # whole, on the next page
    # the facts section asks for it
    (block,) = sections.facts.blocks(sample_report("nasta-steg", "en"))
    (table,) = [p for p in block if hasattr(p, "whole")]
    assert table.whole
