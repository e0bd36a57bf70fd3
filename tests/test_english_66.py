"""English reports read as English: a sex is a group of persons ("Women", "Men" as a table's rows, "women" in a
sentence), never "Woman" as a row or "sex Woman" in a sentence; a code's group named inside an English sentence is in
lower case and in brackets; and what the saving does to the cost is said in the glossary's term, "cover the cost",
never "carry the cost" beside it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import evaltools as et
from evaltools.data import schema as S
from evaltools.present.sections import goals as goals_section
from evaltools.present.sections.outcomes import by_variable
from evaltools.words.breakdowns import term_label
from evaltools.words.labels import category_label, value_text
from evaltools.analysis.result import Codes

from .conftest import participants_frame, write_csv


# --- a sex is a group of persons ------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "sv", "en"), [("kvinna", "Kvinna", "Women"), ("man", "Man", "Men")])
def test_a_sex_is_labelled_as_english_statistics_label_a_row(code, sv, en):
    assert category_label(S.SEX, code, "en") == en
    assert category_label(S.SEX, code, "sv") == sv  # (the Swedish label names the category, as before)
    assert term_label(S.SEX, code, "en") == "Sex: " + en


def test_no_occupation_is_never_labelled_none():
    # "None" reads as a value missing (and as Python's own word for it), in a table row and in a goal's group
    assert category_label(S.OCCUPATION_BEFORE, "ingen", "en") == "No occupation"
    # an occupation written as the English label was, or as it is now, is still told its code
    from evaltools.data.validation import _code_hint
    column = S.PARTICIPANTS[S.OCCUPATION_BEFORE]
    assert _code_hint("None", column)[1] == {"code": "ingen"} and _code_hint("No occupation", column)[1] == {"code": "ingen"}
    # and a sex written in the singular, or as the plural label, its own
    sexes = S.PARTICIPANTS[S.SEX]
    assert [_code_hint(v, sexes)[1] for v in ("Woman", "Women", "Men")] == [{"code": "kvinna"}, {"code": "kvinna"},
                                                                             {"code": "man"}]


def test_sexes_inside_an_english_sentence_are_in_lower_case():
    assert value_text(Codes(S.SEX, ("kvinna", "man")), "en") == "women, men"


def test_a_single_group_named_in_words_is_bracketed_in_english_only():
    assert by_variable([("Sex", "women")], "en") == ["Sex (women)"]
    assert by_variable([("Household type", "single parent"), ("Age group", "60+")], "en") == [
        "Household type (single parent)", "Age group 60+"]
    # Swedish keeps its form: the variable, then the group
    assert by_variable([("Kön", "Kvinna")], "sv") == ["Kön Kvinna"]


GOALS = """\
goals:
  - id: kvinnor
    kind: share
    label: Minst 30 % av kvinnorna som avslutat ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
    among: {sex: kvinna}
  - id: ensamma
    kind: share
    label: Minst 30 % av de ensamstående som avslutat ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
    among: {household_type: ensamstående}
  - id: utan
    kind: share
    label: Minst 30 % av de arbetslösa som avslutat ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
    among: {occupation_before: ingen}
"""


@pytest.mark.parametrize(("lang", "women", "singles", "idle"), [
    ("en", "women", "household type “single, no children”", "no occupation before enrolment"),
    ("sv", "kvinnor", "hushållstyp ensamstående utan barn", "ingen sysselsättning före inskrivningen"),
])
def test_a_goal_for_a_group_names_the_group_as_the_language_does(tiny_project, lang, women, singles, idle):
    # English said "sex woman", "household type single, no children" (the comma read as the list's) and "none
    # before enrolment"
    params = tiny_project(GOALS)
    people = participants_frame().assign(occupation_before=["ingen", "förvärvsarbete", "ingen", "studier"])
    write_csv(tiny_project.dir / "data" / "participants.csv", people)
    r = et.Report(et.load_project(params), lang=lang)
    assert goals_section.group_words(r, "kvinnor") == women
    assert goals_section.group_words(r, "ensamma") == singles
    assert goals_section.group_words(r, "utan") == idle


# --- the glossary's term for what the saving does to the cost -------------------------------------------------

def _strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def test_the_english_catalog_says_cover_the_cost_as_its_glossary_does():
    en = yaml.safe_load((Path(et.__file__).parent / "locales" / "en.yaml").read_text(encoding="utf-8"))
    assert "cover the cost" in en["glossary"]["term"]["brytpunkt"]["definition"]
    carried = re.compile(r"\bcarr(?:y|ies|ying)\s+(?:the\s+|its\s+)?cost|\bcarry\s+it\b|\bcost\w*\s+(?:is\s+)?carried\b|"
                         r"\bcost\s+(?:the\s+person-years|they)\s+carry\b")
    said = [text for text in _strings(en) if carried.search(" ".join(text.split()))]
    assert said == []
