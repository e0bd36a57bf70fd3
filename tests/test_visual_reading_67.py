"""What a reader of the printed reports stumbled over, read as a board member reads them.

1. An English report says "social assistance" on every page, and the evaluator's text may be quoted in Swedish
   ("täcks kostnaden av minskat försörjningsstöd", the application check's): its terms say once which Swedish
   benefit the words mean, where a Swedish report needs no such gloss.
2. The goal section's opening line is an English sentence with a verb ("The application's measurable goals per
   project year counted from the project's start date." was a caption without one).
3. No message writes a superscript as a caret: the appendix printed "the smoothness restriction Δ^SD", code
   notation, where the reader needs a name.
4. Page 1 of a structural project counted "the project's four own goals": a calque of "egna mål" that an English
   reader knows as a goal scored against one's own side.
5. The budget's note on project years ran a year's number into its dates ("year 1 2023-09-01 – 2024-08-31"); the
   dates now stand in brackets, as the goal table writes a project year ("Year 1 (2021-01-01 – 2021-12-31)").
6. "The share goal counts 236 of them: exits marked moved away are not counted" read as exits that were marked and
   then moved away: an outcome's label after "marked" is introduced by "as".
7. The appendix's table "About this report" (the toolkit's version, the run, the checksums) is a list of facts read
   as one, printed whole: split, its last rows and the note on the params file made a last page of their own.
8. "At SEK 34 a month the difference may as well be zero" (Swedish "kan lika gärna vara noll") reads as advice;
   English says "could just as well be zero".
9. The appendix's simulation paragraph: "the uncertain inputs are drawn at random together", not "what is uncertain
   is drawn at random together".
"""
from __future__ import annotations

import re

import pytest

from evaltools.words import glossary
from evaltools.words.text import catalog

FS = "forsorjningsstod"


# --- 1. social assistance glossed with its Swedish name, once, in an English report only -----------------------

@pytest.mark.parametrize("participants, valued", [(True, True), (True, False), (False, False)])
def test_an_english_reports_terms_gloss_social_assistance_with_its_swedish_name(participants, valued):
    # a participant project, one without a cost-benefit calculation, and a structural project or an application
    # (no participants): each speaks of social assistance ("person-years in work without social assistance")
    text = "The project has cost SEK 2 million; 17.9 person-years in work without social assistance cover it."
    used = [t.id for t in glossary.used_in(text, "en", glossary.terms_for(participants, valued, "en"))]
    assert FS in used
    name, definition = glossary.name(FS, "en"), glossary.definition(FS, "en")
    assert name.startswith("Social assistance") and "(försörjningsstöd)" in name
    # glossed once: the Swedish word stands in the name, and the definition does not repeat it
    assert (name + " " + definition).count("försörjningsstöd") == 1
    assert "per household" in definition  # what the comparison by household rests on


def test_a_swedish_reports_terms_do_not_explain_forsorjningsstod():
    assert FS not in {t.id for t in glossary.terms_for(True, True, "sv")}
    assert FS not in {t.id for t in glossary.terms_for(False, False, "sv")}


def test_the_terms_explain_social_assistance_before_the_terms_built_on_it():
    # "Left social assistance" and the national norm ("the part of social assistance that the government sets")
    # are defined with it: the reader meets the benefit first
    text = ("Persons who left social assistance: 19. Monthly social assistance: the national norm for 2019. "
            "The cost is shared as the Finsam act says.")
    used = [t.id for t in glossary.used_in(text, "en", glossary.terms_for(True, True, "en"))]
    assert used.index(FS) < used.index(glossary.LEFT_FS)
    assert used.index(FS) < used.index("riksnorm")


def test_a_text_without_social_assistance_does_not_get_the_term():
    assert FS not in {t.id for t in glossary.used_in("Participants by sex and age", "en",
                                                     glossary.terms_for(True, True, "en"))}


# --- 2. the goal section opens with a sentence --------------------------------------------------------------------

def _periods(lang: str) -> list[str]:
    messages = catalog(lang).messages
    return [m for k, m in messages.items() if k.startswith("goals.periods.") and isinstance(m, str)]


@pytest.mark.parametrize("key", ["goals.intro", "goals.intro_ex_ante"])
def test_the_english_goal_intro_has_a_verb_outside_the_periods_it_names(key):
    template = catalog("en").messages[key]
    first = " ".join(template.split()).split(". ")[0]  # the sentence that names the periods
    frame = first.replace("{periods}", " ")
    assert re.search(r"\b(?:are|is|show|shows|gives|lists)\b", frame), first
    # … and every period phrase reads in it: no phrase of its own ends the sentence early
    for periods in _periods("en"):
        values = {"periods": periods, **({"partial": "80%"} if key.endswith("ex_ante") else {})}
        sentence = " ".join(catalog("en").msg(key, **values).split()).split(". ")[0]
        assert sentence.startswith("The application's measurable goals are shown below, "), sentence
        assert periods.split()[0] in sentence


# --- 3. no caret for a superscript ----------------------------------------------------------------------------------

def _texts(message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_message_writes_a_superscript_with_a_caret(lang):
    carets = {k: m for k, m in catalog(lang).messages.items() for t in _texts(m) if isinstance(t, str) and "^" in t}
    assert carets == {}


@pytest.mark.parametrize("lang, restriction", [("sv", "jämnhetsvillkoret ΔSD"), ("en", "smoothness restriction ΔSD")])
def test_the_appendix_names_the_smoothness_restriction_without_code_notation(lang, restriction):
    said = [k for k, m in catalog(lang).messages.items() for t in _texts(m) if isinstance(t, str) and restriction in t]
    assert said  # the method paragraph on the sensitivity bounds still names it


# --- 4. no "own goals" in English ------------------------------------------------------------------------------------

def test_no_english_message_speaks_of_own_goals():
    own = {k: m for k, m in catalog("en").messages.items() for t in _texts(m)
           if isinstance(t, str) and re.search(r"\bown goals?\b", t)}
    assert own == {}


def test_page_one_counts_the_goals_the_project_set_itself():
    said = catalog("en").msg("kind.structural_goals_own", n="four", tally="two are achieved")
    assert said == "Of the four goals the project set itself, two are achieved."


# --- 5. a project year's number and its dates apart ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_budgets_project_years_keep_each_years_number_apart_from_its_dates(lang):
    words = catalog(lang)
    years = words.join([words.msg("budget.project_year_dates", n=str(n), first=first, last=last)
                        for n, first, last in ((1, "2023-09-01", "2024-08-31"), (2, "2024-09-01", "2025-08-31"))])
    said = words.msg("budget.project_years", years=years)
    assert not re.search(r"\b\d+ \d{4}-\d\d-\d\d", said), said  # no "1 2023-09-01"
    assert re.search(r"\b1 \(2023-09-01 – 2024-08-31\)", said), said


# --- 6. an outcome's label after "marked" ------------------------------------------------------------------------------

def test_an_outcomes_label_after_marked_is_introduced_by_as():
    # "exits marked moved away are not counted" read as exits that were marked and then moved away
    messages = catalog("en").messages
    bare = [k for k, m in messages.items() for t in _texts(m) if isinstance(t, str) and "marked {outcomes}" in t]
    assert bare == []
    said = catalog("en").msg("summary.success_share_goal_base", base="236", outcomes="moved away")
    assert "exits marked as moved away are not counted" in said


# --- 7. the appendix's "About this report" is printed whole -------------------------------------------------------------

def test_the_table_about_the_report_is_kept_whole_on_one_page():
    # Språngbrädan's English report printed the table's first six rows at the foot of page 21 and its last three
    # checksums, under a repeated header, with the params note that calls them "above", on a page 22 of their own
    from evaltools.present.display import Table
    from evaltools.present.sections import footer
    from tests.conftest import sample_report
    r = sample_report("samverkan-i-praktiken", "en")
    [table] = [b for group in footer.blocks(r) for b in group if isinstance(b, Table)]
    assert table.whole
    assert "et-whole" in table._repr_html_()  # (the print rule that keeps it on one page)


# --- 8. "could just as well be zero", not "may as well" ----------------------------------------------------------------

def test_the_drift_sentences_say_the_difference_could_just_as_well_be_zero():
    # "may as well be zero" is "lika gärna" word for word, and reads in English as advice to make it zero
    messages = catalog("en").messages
    said = [" ".join(t.split()) for k, m in messages.items() if k.startswith("payments.drift.") for t in _texts(m)
            if isinstance(t, str) and "well be zero" in " ".join(t.split())]
    assert said and all("could just as well be zero" in t for t in said)
    assert not [k for k, m in messages.items() for t in _texts(m) if isinstance(t, str)
                and "may as well" in " ".join(t.split())]


# --- 9. the simulation's paragraph names what it draws ---------------------------------------------------------------

def test_the_simulations_method_paragraph_says_what_is_drawn_with_a_noun():
    # "what is uncertain is drawn at random together" made the reader look for the subject of the sentence
    said = [" ".join(t.split()) for m in catalog("en").messages.values() for t in _texts(m)
            if isinstance(t, str) and t.startswith("Uncertainty (WSIPP):")]
    assert said and all(t.startswith("Uncertainty (WSIPP): the uncertain inputs are drawn at random together")
                        for t in said)
