"""One glossary of defined terms, and "lyckat" (successful) only for the project's main goal.

The catalogs hold each defined term once (name and a one-sentence definition); labels that name an
outcome measure use the glossary's name; and the words "lyckat/lyckade" (sv) and "success/successful"
(en) occur only in the catalog entries that speak of the main goal's definition of success, and in a
rendered sample's sections only inside the text of those entries.
"""
from __future__ import annotations

import re

import matplotlib
import pytest

import evaltools as et
from evaltools.words import glossary
from evaltools.present import sections
from evaltools.words.text import catalog

from .conftest import PARAMS, participants_frame, sample_report, shown_chunks, write_csv

matplotlib.use("Agg")

# the terms the glossary must define (issue 19): the main goal's success, the other outcome measures,
# who has ended and who has not, and the cost-benefit terms with the perspectives
REQUIRED = ("lyckat_utfall", "lamnat_forsorjningsstodet", "arbete_eller_studier", "avslut_med_handlingsplan",
            "avslutad_deltagare", "pagaende", "nettonuvarde", "dodvikt", "skattefaktor", "avtagande_effekt",
            "brytpunkt", "perspektiv", "offentliga_finansiarer", "samhallet")

# "lyckat", "lyckade", "lyckad" (and "lyckades"), not "misslyckades"; "success", "successes", "successful"
WORD = {"sv": re.compile(r"\blycka[dt]\w*", re.IGNORECASE), "en": re.compile(r"\bsuccess\w*", re.IGNORECASE)}

# The catalog entries that speak of what the project's main goal counts as a success (page 1, the
# cost per success, the portfolio, the workbook's columns for those figures, the glossary's own entry).
# No other entry may use the word. The cohort and time sections name their measure with a placeholder
# filled from the glossary (lyckat utfall, or lämnat försörjningsstödet where there is no main goal).
MAIN_GOAL_KEYS = frozenset({
    "summary.success_action_plan", "summary.success_goal", "summary.success_generic", "summary.success_too_few",
    "summary.success_action_plan_none", "summary.success_goal_none", "summary.success_generic_none",
    "summary.per_success_goal",
    # (the count without a share, where the main goal is a share of every participant)
    "summary.success_action_plan_count", "summary.success_goal_count",
    # (the same sentences where a person was enrolled more than once: the ended are enrolments)
    "summary.success_action_plan_enrolments", "summary.success_goal_enrolments", "summary.success_generic_enrolments",
    "summary.success_action_plan_count_enrolments", "summary.success_goal_count_enrolments",
    "summary.success_action_plan_none_enrolments", "summary.success_goal_none_enrolments",
    "summary.success_generic_none_enrolments",
    # (the default successes said as where they went, where some had no försörjningsstöd to leave)
    "summary.success_generic_moved", "summary.success_generic_none_moved", "summary.success_generic_moved_enrolments",
    "summary.success_generic_none_moved_enrolments",
    # (why a goal counted months after exit, or within months of the start, cannot be the main goal)
    "messages.params.after_exit_months_main", "messages.params.within_months_main",
    "portfolio.charts_so_far",  # (the portfolio chart's share of successes of a project still running)
    # (the exits to the support at start that the main goal's default leaves out, or that its outcomes count)
    "summary.success_same_support_default", "summary.success_same_support_counted",
    "method.groups", "costbenefit.kf.per_success", "costbenefit.kf.prestudy_note",
    "portfolio.through_note",  # (the portfolio's column "Per lyckat utfall": the main goal's successes)
    # the benefit's count set beside the main goal's: both counts, each named
    "costbenefit.benefit_count_same", "costbenefit.benefit_count_other", "costbenefit.benefit_count_generic",
    "costbenefit.benefit_count_other_equal", "costbenefit.benefit_count_same_through",
    "costbenefit.benefit_count_same_through_n", "costbenefit.per_success_through_n", "costbenefit.per_success_through",
    "label.successes", "label.rate",
    "plot.success_rate", "plot.alt.portfolio",
    "note.odds_ratio",
    "note.rates_one_group",  # (a breakdown not compared: the main goal's share, as the rates table counts it)
    "explore.title.rates", "explore.title.model", "explore.rates.headline",
    "portfolio.successes_ended", "portfolio.success_definition", "portfolio.success_rate", "portfolio.per_success",
    "portfolio.note", "portfolio.note_short", "portfolio.charts_caption", "portfolio.charts_definitions_differ",
    "portfolio.charts_definitions_differ_unmarked",
    "portfolio.definition",
    "portfolio.definition_excluded", "portfolio.definition_excluded_share",
    "workbook.summary.success_definition", "workbook.summary.goal_successes", "workbook.summary.cost_per_success",
    "workbook.summary.goal_successes_paid",  # (the main goal's successes a running project's cost per success divides by)
    "workbook.sheets.utfall_per_grupp.description",
    "workbook.sheets.utfall_per_grupp.description_enrolments", "workbook.sheets.tid_i_projekt.description",
    "workbook.sheets.utfall_oddskvoter.description",  # (the odds of a success as the main goal counts it)
    "workbook.column.utfall_per_grupp.successes", "workbook.column.utfall_per_grupp.rate",
    "workbook.column.tid_i_projekt.success",
    "workbook.column.portfolio.success_definition", "workbook.column.portfolio.successes",
    "workbook.column.portfolio.success_rate", "workbook.column.portfolio.cost_per_success",
    "workbook.column.portfolio.ended",  # (the exits the main goal's share of successful outcomes is of)
    # (a running project's costs per participant and per success, the main goal's: the outturn so far, up to a day)
    "workbook.column.portfolio.per_person_so_far", "workbook.column.portfolio.per_person_through",
    "glossary.term.lyckat_utfall.name", "glossary.term.lyckat_utfall.count", "glossary.term.lyckat_utfall.share",
    "glossary.term.lyckat_utfall.definition",
})

# Labels that name an outcome measure or a defined term, and the glossary form each must contain.
LABELS = {
    "label.successes": ("lyckat_utfall", "count"), "label.rate": ("lyckat_utfall", "share"),
    "plot.success_rate": ("lyckat_utfall", "share"),
    "portfolio.success_rate": ("lyckat_utfall", "share"),
    "workbook.column.utfall_per_grupp.n": ("avslutad_deltagare", "count"),
    "workbook.column.utfall_per_grupp.successes": ("lyckat_utfall", "count"),
    "workbook.column.utfall_per_grupp.rate": ("lyckat_utfall", "share"),
    "workbook.column.tid_i_projekt.success": ("lyckat_utfall", "name"),
    "workbook.column.portfolio.successes": ("lyckat_utfall", "count"),
    "workbook.column.portfolio.success_rate": ("lyckat_utfall", "share"),
    "workbook.summary.goal_successes": ("lyckat_utfall", "count"),
    "workbook.summary.ended": ("avslutad_deltagare", "count"),
    "explore.column.ended": ("avslutad_deltagare", "count"),
    "workbook.summary.successes": ("lamnat_forsorjningsstodet", "name"),
    "assumption.successes.label": ("lamnat_forsorjningsstodet", "name"),
    "costbenefit.kf.exits": ("lamnat_forsorjningsstodet", "count"),
    "payments.left": ("lamnat_forsorjningsstodet", "name"),
    "payments.exit_rates": ("lamnat_forsorjningsstodet", "share"),
    "costbenefit.kf.break_even": ("brytpunkt", "name"), "explore.whatif.break_even": ("brytpunkt", "name"),
    "workbook.column.aktorer.break_even_exits": ("brytpunkt", "name"),
    "costbenefit.kf.npv": ("nettonuvarde", "name"), "assumption.deadweight.label": ("dodvikt", "name"),
    "assumption.skattefaktor.label": ("skattefaktor", "name"),
    "assumption.dropoff_per_year.label": ("avtagande_effekt", "name"),
}

# every sample in params/ of the repository, by name (a user's own projects are not read)
SAMPLES = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan", "nasta-steg",
           "samverkan-i-praktiken", "sprangbradan-demo")


def _text(message) -> str:
    """A message's words without its placeholders (``{successes}`` is a value's name, not a word) and the params
    keys it tells the evaluator to write (``success_outcomes:``, a name in the params file, not a word)."""
    forms = message.values() if isinstance(message, dict) else (message,)
    return " ".join(re.sub(r"\{\w+\}|\b[a-z]+(?:_[a-z]+)+\b", " ", f) for f in forms)


def keys_using_the_word(messages: dict, lang: str) -> set[str]:
    return {k for k, m in messages.items() if WORD[lang].search(_text(m))}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_glossary_defines_each_required_term_once_with_a_name_and_one_sentence(lang):
    messages = catalog(lang).messages
    ids = [term.id for term in glossary.TERMS]
    assert len(ids) == len(set(ids))
    assert set(REQUIRED) <= set(ids)
    in_catalog = {k.split(".")[2] for k in messages if k.startswith("glossary.term.")}
    assert in_catalog == set(ids)  # no term in the catalog that the module does not list, and none missing
    names = [glossary.name(i, lang).casefold() for i in ids]
    assert len(names) == len(set(names))  # each term once
    for i in ids:
        d = glossary.definition(i, lang)
        assert d.endswith(".") and not re.search(r"[.!?] [A-ZÅÄÖ]", d[:-1]), (i, d)  # one sentence
        assert len(d) < 300, i


def test_the_check_finds_a_stray_use_of_the_word():
    fake = {"a.b": "Antal lyckade avslut", "c.d": "Misslyckades {when}", "e.f": "{successes} har gjort det"}
    assert keys_using_the_word(fake, "sv") == {"a.b"}
    assert keys_using_the_word({"x": "Successful exits"}, "en") == {"x"}
    # a params key to write is no use of the word; the word beside it is
    assert keys_using_the_word({"y": "with success_outcomes: [arbete]", "z": "success_outcomes: the success"},
                               "en") == {"z"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lyckat_is_used_only_by_entries_about_the_main_goal(lang):
    # exactly the listed entries: none other uses the word, and each listed one exists and uses it
    assert keys_using_the_word(catalog(lang).messages, lang) == MAIN_GOAL_KEYS


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_labels_name_their_measure_with_the_glossarys_name(lang):
    messages = catalog(lang).messages
    wrong = {}
    for key, (term, form) in LABELS.items():
        wanted = {"name": glossary.name, "count": glossary.count_label, "share": glossary.share_label}[form](term, lang)
        if wanted.casefold() not in _text(messages[key]).casefold():
            wrong[key] = (messages[key], wanted)
    assert wrong == {}


def _template_pattern(message: str) -> re.Pattern:
    """A catalog message as a pattern: its literal text, any value where a placeholder stands."""
    parts = re.split(r"\{\w+\}", " ".join(message.split()))
    return re.compile("(?si)" + ".*?".join(re.escape(p) for p in parts))


def _allowed_spans(text: str, patterns: list[re.Pattern]) -> list[tuple[int, int]]:
    return [m.span() for p in patterns for m in p.finditer(text)]


def _chunks(blocks: list[list]) -> list[str]:
    """What a section shows, chunk by chunk, each with its white space folded."""
    return [" ".join(c.split()) for c in shown_chunks(blocks) if c]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("pid", SAMPLES)
def test_a_samples_sections_say_lyckat_only_in_sentences_about_the_main_goal(pid, lang):
    import matplotlib.pyplot as plt
    path = PARAMS / f"{pid}.yaml"
    if not path.is_file():
        pytest.skip(f"{pid} is not in params/")
    r = sample_report(pid, lang)  # (shared: read, never changed)
    patterns = [_template_pattern(f) for k in MAIN_GOAL_KEYS
                for f in (r.words.messages[k].values() if isinstance(r.words.messages[k], dict) else [r.words.messages[k]])]
    modules = (sections.summary, sections.facts, sections.goals, sections.participants, sections.outcomes,
               sections.time_in_project, sections.payments, sections.budget, sections.costbenefit, sections.method)
    stray = []
    for module in modules:
        if not sections.applies(r.kind, module.__name__.rsplit(".", 1)[-1]):
            continue
        for chunk in _chunks(module.blocks(r)):
            spans = _allowed_spans(chunk, patterns)
            for m in WORD[lang].finditer(chunk):
                if not any(a <= m.start() and m.end() <= b for a, b in spans):
                    stray.append((module.__name__, chunk[max(0, m.start() - 60):m.end() + 60]))
        plt.close("all")
    assert stray == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_without_a_main_goal_the_cohort_sections_name_what_they_count_and_never_say_lyckat(tiny_project, lang):
    import matplotlib.pyplot as plt
    # a generated project with no goals: success_definition falls back to leaving social assistance,
    # which is not a main goal's success, so the comparisons are named "lämnat försörjningsstödet"
    # (eight who ended: with fewer than 5 the outcomes section lists no outcomes, see test_differencing)
    rows = [(f"P{i}", "kvinna" if i % 2 else "man", 1970 + i, "ensamstående", "2022-02-01", "2022-10-01",
             "arbete" if i % 2 else "kvar_försörjningsstöd") for i in range(1, 9)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    r = et.Report(et.load_project(tiny_project(data_block="data:\n  participants: data/participants.csv\n")), lang=lang)
    assert r.rates.definition.kind == "leaves_fs"
    words = " ".join(c for module in (sections.outcomes, sections.time_in_project)
                     for c in _chunks(module.blocks(r)))
    plt.close("all")
    assert not WORD[lang].search(words), WORD[lang].search(words)
    assert glossary.share_label(glossary.LEFT_FS, lang) in words
    assert glossary.name(glossary.LEFT_FS, lang) in words
