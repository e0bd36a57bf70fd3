"""The English reports read as English, appendices and workbook included.

A British board member who knows no Swedish stumbled over: the draft banner saying the report "holds" the toolkit's
figures; "That is another count than the 31 successful outcomes"; the simulation's share over a varied horizon that
"does not belong to the net present value at 3 years above", and a share that "belongs to the net present value it
stands beside"; the state's benefit that "also holds the wage subsidy"; society's result that "stands beside" the
public financiers'; "don't know" answers "counted apart"; a result that is "no sure lower bound"; page 1's difference
"relative to the comparison group's development"; "Kind of project"; an assumptions column "Tested between"; "How much
does the result withstand the groups' trends not moving together?" and bounds that "rest on the movement … that the
check … shows having continued"; the ledger's source "the public budgets' net" where the glossary says "net result";
NyttoSam, Socialstyrelsen and SUS named with nothing to say what they are (the application check's minimum detectable
effect cited "Socialstyrelsen's statistics" in a report whose glossary has no entry for it), and the workbook's
reference-values note "Riksnorm for social assistance". Each now reads as English and names a Swedish body or system
once in English. The Swedish reports are unchanged.
"""
from __future__ import annotations

import csv
import functools

import openpyxl
import pytest

import evaltools as et
from evaltools.present import sections

from .conftest import ONE_GOAL, sample_report, shown_chunks

NBSP = "\u00a0"
PARTS = ("summary", "facts", "goals", "survey", "participants", "outcomes", "time_in_project", "payments", "budget",
         "costbenefit", "appendix")


@functools.cache
def _text(pid: str, lang: str = "en") -> str:
    """Everything the sample's report shows in its sections (headings, paragraphs, table cells and notes), in one
    text with ordinary spaces."""
    r = sample_report(pid, lang)
    chunks = []
    for name in PARTS:
        if sections.applies(r.kind, name):
            chunks += shown_chunks(getattr(sections, name).blocks(r))
    return "\n".join(chunks).replace(NBSP, " ")


# the words that read as Swedish put into English, and what an English reader expects instead
CALQUES = [
    "That is another count than",
    "does not belong to the net present value",
    "belongs to the net present value it stands",
    "also holds the wage subsidy",
    "stands beside it",
    "counted apart",
    "no sure lower bound",
    "comparison group's development",
    "Kind of project",
    "together lead, since",
    "and stands on the group's first row",
    "how it goes if the horizon",
    "costs come on top",
    "does the result withstand",
    "shows having continued",
    "another measure than",
    "Tested between",
    "can be expected to give",
    "after so many days",
    "as the Finsam act sets;",
    "Funder says whose money a line is",
    "in the table above stand.",
]


@pytest.mark.parametrize("pid", ["sprangbradan-demo", "samverkan-i-praktiken", "timra-vagen-ut", "eskilstuna-ansokan"])
def test_the_english_report_has_none_of_the_calques(pid):
    text = _text(pid)
    assert len(text) > 5000  # (the report's sections were built, not an empty list)
    found = [c for c in CALQUES if c in text]
    assert not found, found


def test_the_draft_banner_says_the_report_contains_only_the_toolkits_figures():
    # Språngbrädan's params file has no evaluator's text: the report is a draft
    r = sample_report("sprangbradan-demo", "en")
    assert r.is_draft
    banner = sections.evaluator.draft_banner_html(r)
    assert "The report contains only the toolkit&#39;s figures and is not ready to go to the board." in banner
    assert "holds" not in banner


def test_the_horizon_varied_share_says_it_is_not_the_share_for_the_net_present_value_above():
    # Språngbrädan keeps the toolkit's default horizon, 3 years (docs/methods.md), and varies it over 1–5 years
    text = _text("sprangbradan-demo")
    assert ("That share answers another question – what the result is if the horizon is uncertain – and is not the share "
            "for the net present value at 3 years above.") in text
    assert "so that the share is the one for the net present value shown with it;" in text


def test_vagen_uts_benefit_count_says_a_different_count_from_its_successes():
    # Vägen ut's final report: 31 of the 52 who ended became self-sufficient or got an active plan (the main goal's
    # successes), while the calculation counts only those who left social assistance: another number
    text = _text("timra-vagen-ut")
    assert "That is a different count from the 31 successful outcomes under the project's main goal" in text


def test_the_states_benefit_includes_the_wage_subsidy():
    # Språngbrädan: 9 went to subsidised work (the outcome table), so the state's benefit carries a wage subsidy
    text = _text("sprangbradan-demo")
    assert ("The state's benefit also includes the wage subsidy paid to employers for those who went to subsidised "
            "work.") in text


@pytest.mark.parametrize("pid, said", [
    ("sprangbradan-demo", "society's result is shown alongside it."),
    ("samverkan-i-praktiken", "society's cost is shown alongside it."),  # (a structural project: a cost only)
])
def test_the_ledger_method_names_the_lead_perspective_and_nyttosam_in_english(pid, said):
    (ledger,) = [p for p in sections.method.paragraphs(sample_report(pid, "en")) if p.startswith("Whose money")]
    ledger = ledger.replace(NBSP, " ")
    assert ledger.startswith("Whose money (NyttoSam, Payoff's cost-benefit model for coordination associations):")
    assert "The public financiers together are the lead perspective, since they fund the association" in ledger
    assert said in ledger


def test_the_sensitivity_bounds_ask_how_robust_the_result_is_and_say_what_they_assume():
    # Språngbrädan's comparison group fails the check before the start, and its main interval includes zero
    text = _text("sprangbradan-demo")
    assert ("How robust is the result if the groups' trends did not move together? The main estimate's 95% "
            "interval") in text
    assert ("The bounds assume that the drift the check before the start shows went on in a straight line, give or "
            "take the change given; they do not make the estimate reliable.") in text


def test_the_bounds_note_says_the_allowed_change_once():
    pytest.importorskip("honestdid")
    text = _text("sprangbradan-demo")
    # the note said the change twice over: "a month with each month that passed, from one month to the next"
    assert ("by at most the given change a month with each month that passed. A change of 0 allows a straight-line "
            "difference in trends") in text
    assert "each month that passed, from one month to the next" not in text


def test_the_glossarys_national_norm_says_housing_is_added_to_it():
    # Samverkan's level is the national norm plus housing (its assumptions table), so its glossary explains the norm
    text = _text("samverkan-i-praktiken")
    assert "(the National Board of Health and Welfare); housing and some other costs are added to it." in text


def test_the_survey_intro_counts_dont_know_separately():
    text = _text("samverkan-i-praktiken")
    assert "\"don't know\" and unanswered questions are counted separately." in text


def test_the_transfers_method_says_the_result_is_not_a_safe_lower_bound():
    # no valued earnings (society's largest gain missing) and costs outside the budget not counted: not a bound
    for pid in ("sprangbradan-demo", "eskilstuna-ansokan"):
        assert "so the result is not a safe lower bound." in _text(pid)


def test_page_one_compares_with_the_trend_in_the_comparison_group():
    (said,) = [p for p in _text("sprangbradan-demo").split("\n") if "social assistance paid to participants'" in p]
    assert said.startswith("Relative to the trend in the comparison group, the social assistance paid")


def test_the_assumptions_table_heads_its_range_column_range_tested():
    # Språngbrädan: the deadweight is tested over 0–95% (its assumptions table and the method's rule)
    text = _text("sprangbradan-demo")
    assert "Range tested" in text


def test_the_time_section_and_the_goal_note_read_as_english():
    text = _text("sprangbradan-demo")
    assert "the share who had ended in each of two ways after a given number of days – successful outcome" in text
    assert "the uncertainty about what the same way of working can be expected to achieve." in text


def test_the_budget_note_names_its_column_and_what_the_act_lays_down():
    # Språngbrädan's budget has two funders (the association and the municipality's own financing)
    text = _text("sprangbradan-demo")
    assert "The column Funder says whose money each line is." in text
    assert "between the state, the region and the municipality as the Finsam act lays down; a partner's" in text


def test_too_few_for_the_model_says_the_shares_per_group_still_apply():
    # Vägen ut: 52 who ended, 31 with the outcome and 21 without, far below the model's need
    assert "and here there are 21. The shares per group in the table above still apply." in _text("timra-vagen-ut")


def test_the_facts_table_says_type_of_project():
    text = _text("samverkan-i-praktiken")
    assert "Type of project\nstructural project (no participants)" in text


def test_the_ledgers_tax_factor_row_names_the_public_budgets_net_result_as_the_glossary_does():
    text = _text("sprangbradan-demo")
    # the glossary's tax factor: "(tax factor − 1) times the public budgets' net result"
    assert "(tax factor − 1) times the public budgets' net result" in text
    from evaltools.present.sections.costbenefit import ledger_table
    frame = ledger_table(sample_report("kompassen-demo", "en")).frame
    row = frame[frame.iloc[:, 0] == "Tax factor's effect"]
    assert list(row.iloc[:, -1]) == ["the public budgets' net result"]


def test_the_application_checks_detectable_effect_names_the_national_board_in_english():
    # the application check values the saving at its own fixed amount (SEK 8,900 a month), not at the national
    # norm: the detectable effect's spread is the first place its printed report names the National Board
    text = _text("eskilstuna-ansokan")
    assert ("an estimate from the statistics on social assistance of the National Board of Health and Welfare "
            "(Socialstyrelsen; see Method in the appendix)") in text
    assert ("an estimate from the statistics on social assistance of the National Board of Health and Welfare "
            "(Socialstyrelsen), where a person-month") in text
    assert "Socialstyrelsen's statistics" not in text


@pytest.mark.parametrize("pid", ["sprangbradan-demo", "samverkan-i-praktiken", "timra-vagen-ut", "eskilstuna-ansokan"])
def test_every_swedish_body_the_english_report_names_is_said_in_english_too(pid):
    text = _text(pid)
    explained = {"Socialstyrelsen": "National Board of Health and Welfare",
                 "SGI": "sickness benefit qualifying income",
                 "samordningsförbund": "coordination association",
                 "Försäkringskassan": "Social Insurance Agency",
                 "Arbetsförmedlingen": "Public Employment Service"}
    missing = [sv for sv, en in explained.items() if sv in text and en not in text]
    assert not missing, missing


def test_the_swedish_report_keeps_its_own_words():
    # the Swedish catalog is unchanged: the same paragraphs still read as they did
    text = _text("sprangbradan-demo", "sv")
    assert "Vems pengar (NyttoSam, Payoff):" in text
    assert "National Board" not in text and "Type of project" not in text


def test_the_english_workbook_says_type_of_goal_and_the_national_norm_in_english(tiny_project):
    params = tiny_project(ONE_GOAL % ("participant_count", "At least 5 participants", 5, ""))
    out = tiny_project.dir / "out"
    et.export_report(et.Report(params, lang="en"), out)
    wb = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")
    goals = [ws for ws in wb if ws.title == "Goals"]
    assert len(goals) == 1 and "Type of goal" in [c.value for c in goals[0][1]]
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    # the tiny project gives no monthly level of its own: the saving is valued from the national norm
    assert any("National norm for social assistance (the National Board of Health and Welfare, Socialstyrelsen)"
               in c for c in cells)
    assert not any("Riksnorm" in c for c in cells)
    assert not any("Kind of" in c for c in cells)


def test_the_english_workbook_describes_its_csv_files_as_they_are_written(tiny_project):
    # the English CSV files are written as an English Excel opens them by double-click: commas between the columns
    # and decimal points (1.3, not 1,3; a point between semicolons is text to a Swedish Excel and one column to an
    # English one); the workbook said "decimal commas for Excel"
    params = tiny_project()
    out = tiny_project.dir / "out"
    et.export_report(et.Report(params, lang="en"), out)
    wb = openpyxl.load_workbook(out / "tiny-tabeller.xlsx")
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    (note,) = [c for c in cells if c.startswith("The CSV files in the folder tables")]
    assert note.endswith("with commas between the columns and decimal points, as an English Excel opens them.")
    with open(out / "tables" / "antaganden.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=","))
    # the assumptions table: the toolkit's default deadweight 25% and drop-off 20% a year (docs/methods.md), no
    # comparison group in the tiny project, written as shares with a decimal point
    firsts = [r[:2] for r in rows]
    assert ["Deadweight", "0.25"] in firsts and ["Drop-off per year", "0.2"] in firsts
