"""A hostile or careless user's params file: a goal's words of thousands of characters, an application's outcome mix
with a negative share or a share that is no number beside an unknown code, and a limit too large to read without its
thousands apart. Each ends in one clear message naming the key, the value and what to write, in the evaluator's
language, all problems at once, never a traceback. Tiny projects in tmp_path; expected words by hand."""
from __future__ import annotations

import textwrap

import pytest

from .conftest import params_refusal
from .test_application_volumes import application_params

def _line(msg: str, needle: str) -> str:
    return next(x for x in msg.splitlines() if needle in x).strip()


def _application(tmp_path, expected: str):
    return application_params(tmp_path, expected, QUALITATIVE)


QUALITATIVE = """\
- id: plan
  kind: qualitative
  label: Samverkan med Arbetsförmedlingen
"""


# --- a goal's words of thousands of characters -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_goal_label_of_thousands_of_characters_is_refused_in_the_evaluators_language(tiny_project, lang):
    # 'Minst ' (6 characters) + 5 000 x 'a' = 5 006 characters, against the 300 a label holds; the message began
    # in pydantic's English, 'String should have at most 300 characters (got 5006)', in the Swedish report too
    label = "Minst " + "a" * 5000
    msg = params_refusal(tiny_project(textwrap.dedent(f"""\
        goals:
          - id: deltagare
            kind: participant_count
            label: {label}
            target: 20
        """)), lang)
    start = "'Minst " + "a" * 34 + "…'"  # (the text's first 40 characters)
    want = {"sv": f"- mål 1 (id: deltagare), label: står en text på 5 006 tecken, som börjar {start}; här ryms "
                  "högst 300 tecken: korta texten till högst 300 tecken (en längre text hör hemma i utvärderarens "
                  "textfil)",
            "en": f"- goal 1 (id: deltagare), label: got a text of 5,006 characters, beginning {start}; this key "
                  "holds at most 300 characters: shorten the text to at most 300 characters (a longer text belongs "
                  "in the evaluator's text file)"}[lang]
    assert _line(msg, "(id: deltagare)") == want
    assert "String should" not in msg


def test_a_description_over_its_limit_names_the_limit_with_its_thousands_apart(tiny_project):
    # a description holds 5 000 characters; 5 001 is one too many
    msg = params_refusal(tiny_project("description: " + "b" * 5001 + "\n"))
    line = _line(msg, "- description:")
    assert line.startswith(f"- description: står en text på 5 001 tecken, som börjar '{'b' * 40}…'; här ryms "
                           "högst 5 000 tecken")


# --- an application's outcome mix ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_negative_share_in_the_outcome_mix_is_named_with_its_code(tmp_path, lang):
    # 1.5 + (-0.5) = 1: the sum is right, and the message said only that the sum must be 1, 'summan är 1'
    msg = params_refusal(_application(tmp_path, "outcome_mix: {arbete: 1.5, studier: -0.5}"), lang)
    want = {"sv": "- expected, outcome_mix: står arbete: 1.5 och studier: -0.5, som inte är andelar: en andel är ett "
                  "tal från 0 till 1 (0.5 för 50 %), och andelarna blir tillsammans 1 (100 %); skriv andelen för "
                  "varje kod",
            "en": "- expected, outcome_mix: got arbete: 1.5 and studier: -0.5, which are not shares: a share is a "
                  "number from 0 to 1 (0.5 for 50%), and the shares add up to 1 (100%); write each code's share"}[lang]
    assert _line(msg, "- expected, outcome_mix:") == want
    assert "summan" not in msg and "add up to 1;" not in msg


def test_a_share_that_is_no_number_does_not_hide_an_unknown_code(tmp_path):
    # .nan is a number to YAML but no share (said as the file writes it); the unknown code '=HYPERLINK(1)' beside it
    # went unsaid
    msg = params_refusal(_application(tmp_path, "outcome_mix: {arbete: .nan, '=HYPERLINK(1)': 0.5}"))
    line = _line(msg, "- expected, outcome_mix:")
    assert line.startswith("- expected, outcome_mix: okända utfallskoder, eller koder som inte lämnar "
                           "försörjningsstödet: '=HYPERLINK(1)'; använd koder ur listan arbete,")
    assert line.endswith("; står arbete: .nan, som inte är en andel: en andel är ett tal från 0 till 1 (0.5 för 50 %), "
                         "och andelarna blir tillsammans 1 (100 %); skriv andelen för koden")
    assert msg.count("- expected, outcome_mix:") == 1  # (one line for the key)


def test_a_right_outcome_mix_is_read_and_a_wrong_sum_still_said(tmp_path):
    import evaltools as et
    p = et.load_project(_application(tmp_path, "outcome_mix: {arbete: 0.5, studier: 0.5}"))
    assert p.params.expected.outcome_mix == {"arbete": 0.5, "studier": 0.5}
    # 0.5 + 0.25 = 0.75, each a share
    msg = params_refusal(_application(tmp_path, "outcome_mix: {arbete: 0.5, studier: 0.25}"))
    assert _line(msg, "- expected, outcome_mix:").endswith("summan är 0.75")


# --- a limit written with its thousands apart ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_huge_expected_volume_names_the_limit_as_the_language_writes_it(tmp_path, lang):
    # the most participants a year is 100 000 (Swedish with a space between the thousands, English a comma)
    msg = params_refusal(_application(tmp_path, "participants_per_year: 2000000"), lang)
    want = {"sv": "- expected, participants_per_year: står 2000000; förväntat ett tal som är högst 100 000",
            "en": "- expected, participants_per_year: got 2000000; expected a number of at most 100,000"}[lang]
    assert _line(msg, "participants_per_year") == want
