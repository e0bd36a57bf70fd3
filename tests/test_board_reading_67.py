"""Reading the sample reports as their board does, in Swedish and English.

A group of persons named inside a Swedish sentence was named as a form's category: "kön (kvinna)", "målet räknar
bara sin grupp av deltagarna (kön kvinna)", "alla deltagare hör till samma grupp (kvinna)". Running Swedish names
the persons, in the plural, as the English report does ("women"): "kvinnor", "män".
"""
from __future__ import annotations

import re

import pytest

from .conftest import sample_report

# the sexes as a Swedish and an English sentence name their persons (written here, not read from the catalogs)
PERSONS = {"sv": {"kvinna": "kvinnor", "man": "män", "annat": "annat kön", "okänt": "okänt kön"},
           "en": {"kvinna": "women", "man": "men", "annat": "other", "okänt": "unknown"}}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("code", ["kvinna", "man", "annat", "okänt"])
def test_a_sex_inside_a_sentence_names_its_persons_in_the_plural(lang, code):
    from evaltools.words.labels import group_word
    assert group_word("sex", code, lang) == PERSONS[lang][code]


def test_another_code_inside_a_sentence_is_its_label_in_lower_case():
    from evaltools.data import schema as S
    from evaltools.words.labels import code_label, group_word
    # (a household type is not a sex: its label as the table shows it, in lower case)
    assert group_word("household_type", "ensamstående", "sv") == "ensamstående utan barn"
    assert group_word("household_type", "ensamstående", "sv") == code_label(S.HOUSEHOLD_TYPE, "ensamstående").lower()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_nasta_stegs_hidden_shares_name_both_sexes_as_persons(lang):
    """Nästa steg's participants table shows both sexes (data/nasta-steg/: at least 5 of each), its rate table hides
    both: the note under it named them 'Kön (kvinna, man)'."""
    from evaltools.present.sections import outcomes
    (note,) = outcomes.hidden_note(sample_report("nasta-steg", lang))
    women, men = PERSONS[lang]["kvinna"], PERSONS[lang]["man"]
    assert note.startswith(f"{'Kön' if lang == 'sv' else 'Sex'} ({women}, {men}), "), note
    assert "kvinna" not in note and "Kvinna" not in note


def test_no_swedish_sample_names_a_sex_as_a_category_inside_a_sentence():
    """Every Swedish sample's notes under the goal and outcome tables: 'kön kvinna', '(kvinna' or 'kön (man' never
    stand in running text (the participants table's rows still say 'Kvinna', 'Man')."""
    from evaltools.present.sections import goals, outcomes
    odd = re.compile(r"\bkön \(?(?:kvinna|man)\b|\((?:kvinna|man)[,)]", re.I)
    for pid in ("nasta-steg", "kompassen-demo", "sprangbradan-demo", "timra-vagen-ut", "eskilstuna-specialistteamet"):
        r = sample_report(pid, "sv")
        said = [*outcomes.hidden_note(r), *goals.group_notes(r)]
        assert not [s for s in said if odd.search(s)], (pid, said)


GOAL_FOR_WOMEN = """
goals:
  - id: kvinnor
    kind: share
    label: Minst 30 % av kvinnorna som avslutat ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
    among: {sex: kvinna}
"""


@pytest.mark.parametrize(("lang", "group"), [("sv", "kvinnor"), ("en", "women")])
def test_a_goal_set_for_women_says_so_in_the_words_of_its_language(tiny_project, lang, group):
    """The goal table's note on a goal set for a group: Swedish said '(kön kvinna)'."""
    import evaltools as et
    from evaltools.present.sections import goals
    r = et.Report(et.load_project(tiny_project(GOAL_FOR_WOMEN)), lang=lang)
    assert goals.group_words(r, "kvinnor") == group
    (note,) = goals.group_notes(r)
    assert note.endswith(f"({group}).") or note.endswith(f"({group})"), note


# --- the agencies named one way in an English report ------------------------------------------------------------

AGENCIES = ("Public Employment Service", "Social Insurance Agency")


@pytest.mark.parametrize("pid", ["timra-vagen-ut"])
def test_the_english_sample_names_the_agencies_as_the_report_s_own_words_do(pid):
    """Vägen ut's English page 1 said 'the Social Insurance Agency' (and its facts table 'Försäkringskassan (the
    Social Insurance Agency)'), while its goal table and sections said 'the social insurance agency' and 'the
    employment service': one agency, two names, on the board's pages."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    text = " ".join([(root / "params" / "text" / f"{pid}.en.md").read_text(encoding="utf-8"),
                     (root / "params" / f"{pid}.yaml").read_text(encoding="utf-8")])
    text = re.sub(r"\s+", " ", text)
    for name in AGENCIES:
        said = re.findall(name.replace(" ", r"\s"), text, re.I)
        assert said and set(said) == {name}, (name, set(said))
    assert not re.search(r"\bthe employment service\b", text, re.I)
