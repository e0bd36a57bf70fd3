"""Page by page as the board reads the samples, a fiftieth time, in Swedish and in English: Specialistteamet's English
page 1 saying only "running." of two share goals whose figures the Swedish page 1 gives; its page 1 counting 242
ended where the share goal counts 236, with the reason only at the second; Språngbrädan's payments page saying three
times that the groups moved apart before the start; Samverkan's part-year budget ("år 3 med 8,2 %") said under the
budget table and again in the appendix; the payback not reached written by two rules, the key figures' and the
workbook's; the note on participants without payments naming a comparison the project does not have; and the budget
table's difference computed from the exact öre rather than from the whole kronor shown beside it. Expected values
are worked out by hand from the samples' files and the tiny projects' rows in the comments, not taken from the
code's output."""
from __future__ import annotations

import csv
import subprocess

import numpy as np
import pytest

import evaltools as et
from evaltools.present.sections import budget, costbenefit, goals, payments, quality, summary
from evaltools.publish import workbook

from .conftest import ROOT, RENDERED_SAMPLES, sample_report, shown_chunks, write_csv

NBSP = "\u00a0"


def _sentences(blocks) -> list[str]:
    return [c.replace(NBSP, " ") for c in shown_chunks(blocks)]


# --- Specialistteamet's counts, from its participants file ----------------------------------------------------------

def _specialistteamet() -> dict[str, int]:
    """Everyone who ended, those of them who moved away, the successes of the share goal's outcomes
    (params/eskilstuna-specialistteamet.yaml: arbete, arbete med stöd, studier, sjuk- eller aktivitetsersättning,
    sjukpenning, annan ersättning) and the exits with an action plan."""
    with open(ROOT / "data" / "eskilstuna-specialistteamet" / "participants.csv", encoding="utf-8") as f:
        ended = [row for row in csv.DictReader(f) if row["end_date"]]
    own = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning"}
    return {"ended": len(ended), "moved": sum(row["outcome"] == "flyttat" for row in ended),
            "successes": sum(row["outcome"] in own for row in ended),
            "plans": sum(row["action_plan"] == "ja" for row in ended)}


def test_the_counts_the_expected_texts_below_rest_on():
    # 242 ended, 6 of them moved away: the share goal counts 236; 112 successes (47,5 % of 236); 201 plans
    # (83,1 % of 242)
    c = _specialistteamet()
    assert (c["ended"], c["moved"], c["successes"], c["plans"]) == (242, 6, 112, 201)
    assert round(100 * c["successes"] / (c["ended"] - c["moved"]), 1) == 47.5
    assert round(100 * c["plans"] / c["ended"], 1) == 83.1


# --- 1. the English page 1 gives the share goals' figures, as the Swedish one does ----------------------------------

def _page_one(pdf) -> str:
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.replace(NBSP, " ").split())


@pytest.mark.parametrize("lang, share, plans", [
    # 112 of 236 (47,5 %) and 201 of 242 (83,1 %), each so far, in a period still running: not placed against the
    # target (those still enrolled have no outcome yet)
    ("sv", "hittills 47,5 % under hela perioden (112 av 236).",
     "hittills 83,1 % under hela perioden (201 av 242)."),
    ("en", "so far 47.5% over the whole period (112 of 236).",
     "so far 83.1% over the whole period (201 of 242)."),
])
def test_specialistteamets_printed_page_one_gives_the_share_goals_figures(sample_reports, sample_reports_en, lang,
                                                                          share, plans):
    rendered = sample_reports if lang == "sv" else sample_reports_en
    folder = rendered.out / "eskilstuna-specialistteamet" / ("" if lang == "sv" else "en")
    page = _page_one(folder / "eskilstuna-specialistteamet.pdf")
    assert share in page and plans in page, page
    # and every sample's page 1 still holds on one page, in both languages
    for pid in RENDERED_SAMPLES:
        assert rendered.results[pid].page_one_held is True, (pid, lang)


# --- 2. one count of ended beside the share goal's, the reason said where the first one stands ----------------------

@pytest.mark.parametrize("lang, first, why, figures", [
    ("sv", "Av 242 avslutade deltagare fick 112 ett utfall som projektets huvudmål räknar som lyckat",
     "Målet om andelen räknar 236 av dem: avslut med utfallet flyttat räknas inte.", "(112 av 236)"),
    ("en", "Of 242 participants who ended, 112 had an outcome the main goal counts as a success",
     "The share goal counts 236 of them: exits marked as moved away are not counted.", "(112 of 236)"),
])
def test_page_one_says_why_the_share_goal_counts_fewer_ended_beside_the_first_count(lang, first, why, figures):
    r = sample_report("eskilstuna-specialistteamet", lang)
    said = [s.replace(NBSP, " ") for s in summary.participation(r)]
    # the sentence right after the first count of ended (242) says the share goal's count (242 − 6 = 236) and why
    [at] = [i for i, s in enumerate(said) if s.startswith(first)]
    assert said[at + 1] == why
    # the goal's line then gives its count without saying why again
    lines = [s.replace(NBSP, " ") for s in goals.page_one(r, "full")]
    [line] = [s for s in lines if figures in s]
    assert "flyttat" not in line and "moved away" not in line


# --- 3. the groups' moving apart before the start said once on the payments page -------------------------------------

@pytest.mark.parametrize("lang, said_once, words", [
    ("sv", "Grupperna rörde sig isär redan före start, när ingenting kunde vara en effekt.",
     ("isär redan före start", "skilde sig åt redan före start", "skilde sig från deltagarna redan före start")),
    ("en", "The groups moved apart already before the start, when nothing could be an effect.",
     ("moved apart already before the start", "differed before the start", "differed from the participants before")),
])
def test_the_payments_page_says_once_that_the_groups_moved_apart_before_the_start(lang, said_once, words):
    r = sample_report("sprangbradan-demo", lang)
    # (the payments section and the appendix's detail of the same comparison: the robustness table and the bounds)
    page = " ".join(_sentences(payments.blocks(r) + payments.detail_blocks(r)))
    page = " ".join(page.split())
    assert said_once in page  # (the check before the start, where it belongs)
    assert sum(page.count(w) for w in words) == 1, page
    # the robustness table, the sensitivity bounds and the note under them point to the check instead
    check = {"sv": "kontrollen före start", "en": "the check before the start"}[lang]
    assert page.count(check) >= 2


# --- 4. Samverkan's part-year budget said once ------------------------------------------------------------------------

@pytest.mark.parametrize("lang, share", [
    # the project runs 2023-09-01 – 2025-09-30: project year 3 is 2025-09-01 – 2025-09-30, 30 of 365 days, 8,2 %
    ("sv", "år 3 med 8,2 %"), ("en", "year 3 at 8.2%"),
])
def test_the_part_year_budget_is_said_under_the_budget_table_only(lang, share):
    assert round(100 * 30 / 365, 1) == 8.2
    r = sample_report("samverkan-i-praktiken", lang)
    under_table = " ".join(_sentences(budget.blocks(r)))
    assert share in under_table, under_table
    appendix = " ".join(_sentences(quality.blocks(r)))
    assert "8,2" not in appendix and "8.2" not in appendix, appendix
    # and the appendix, with nothing else to say of the data (that note was its only one), says so, with no empty
    # table of notes
    assert {"sv": "Inläsningen hittade inga problem i data.", "en": "Loading found no problems in the data."}[lang] \
        in appendix
    assert quality.report_table(r).empty


# --- 5. one rule for a payback not reached, in the report and the workbook -------------------------------------------

@pytest.mark.parametrize("lang, never, months, one", [
    ("sv", "nås inte inom tidshorisonten", "14 månader", "1 månad"),
    ("en", "not within the horizon", "14 months", "1 month"),
])
def test_the_workbook_and_the_report_say_a_payback_in_the_same_words(lang, never, months, one):
    assert costbenefit.payback_words(float("nan"), lang) == never
    assert costbenefit.payback_words(14.0, lang) == months
    assert costbenefit.payback_words(0.6, lang) == one  # (0,6 shown as 1: the form of the figure shown)
    said = workbook._said_in_words({"payback_months": np.nan, "npv": -1.0}, lang)
    assert said["payback_months"] == never
    # Vägen ut's net present value is negative (−44 072 kr for the public financiers): its key figures say the
    # payback in the workbook's words
    values = list(costbenefit.key_figures(sample_report("timra-vagen-ut", lang)).frame.iloc[:, 1])
    assert values.count(never) == 1, values


# --- 6. participants without payments: only the analyses the project has ---------------------------------------------

LEFT_OUT = {
    "sv": ("Några deltagare finns inte med i underlaget om utbetalningar av försörjningsstöd och räknas inte med i "
           "analyserna av försörjningsstödet ({})."),
    "en": ("Some participants are not in the data on payments of social assistance and are left out of the "
           "analyses of social assistance ({})."),
}
ANALYSES = {"sv": ("före och efter start, uppföljningen efter avslut", ", jämförelsen"),
            "en": ("before and after the start, the follow-up after exit", ", the comparison")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_note_on_participants_without_payments_names_no_comparison_the_project_lacks(tiny_project, lang):
    # payments for P1 and P2 of P1–P4: two without rows, fewer than 5 on both sides, so "some"
    r = et.Report(et.load_project(tiny_project()), lang=lang)
    notes = list(quality.report_table(r).iloc[:, 0])
    assert LEFT_OUT[lang].format(ANALYSES[lang][0]) in notes, notes


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_note_names_the_comparison_where_the_project_has_one(tiny_project, lang):
    data = tiny_project.dir / "data"
    # five comparison persons (the small-count limit), as tests/test_payment_shapes.py's comparison
    write_csv(data / "comparison.csv", [
        {"person_id": f"C{i}", "sex": "man", "birth_year": 1970, "household_type": "ensamstående",
         "start_date": "2022-03-01", "end_date": "2022-12-01", "outcome": "avbrott"} for i in range(1, 6)])
    write_csv(data / "comparison_payments.csv", [{"person_id": f"C{i}", "month": "2022-01", "amount": 7000}
                                                 for i in range(1, 6)])
    params = tiny_project("", "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                              "  budget: data/budget.csv\n"
                              "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n")
    r = et.Report(et.load_project(params), lang=lang)
    notes = list(quality.report_table(r).iloc[:, 0])
    assert LEFT_OUT[lang].format("".join(ANALYSES[lang])) in notes, notes


# --- 7. the budget table's difference is that of the whole kronor shown ----------------------------------------------

@pytest.mark.parametrize("lang, actual, difference, total_actual, total_difference", [
    # Lön: 812 345,50 kr is shown 812 346 kr; 812 346 − 850 000 = −37 654 kr (the exact −37 654,50 would round to
    # −37 655). The total: 812 345,50 + 50 000 = 862 345,50, shown 862 346 kr; 862 346 − 950 000 = −87 654 kr
    ("sv", "812 346 kr", "−37 654 kr", "862 346 kr", "−87 654 kr"),
    ("en", "SEK 812,346", "SEK −37,654", "SEK 862,346", "SEK −87,654"),
])
def test_the_budget_tables_difference_subtracts_the_amounts_shown(tiny_project, lang, actual, difference,
                                                                  total_actual, total_difference):
    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Lön", "budget": 850000, "actual": 812345.50},
        {"period": "2022", "category": "Övrigt", "budget": 100000, "actual": 50000},
    ])
    r = et.Report(et.load_project(tiny_project()), lang=lang)
    [[_, table, *_]] = budget.blocks(r)
    rows = [[str(c).replace(NBSP, " ") for c in row] for row in table.frame.to_numpy()]
    [lon] = [row for row in rows if row[1] == "Lön"]
    assert lon[3:5] == [actual, difference]
    [other] = [row for row in rows if row[1] == "Övrigt"]
    assert other[4] == ("−50 000 kr" if lang == "sv" else "SEK −50,000")
    total = rows[-1]
    assert total[3:5] == [total_actual, total_difference]
