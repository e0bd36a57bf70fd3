"""A params file written by an evaluator who writes the keys in Swedish, as the application and the report word
them ("bedömning:" and "underlag:" under a qualitative goal, "titel:" at the top): each is answered with the English
key to write, where that key belongs; and an amount in kronor that is no number is told to be an amount in whole
kronor, not "40 or 0.8", a share's example."""
from __future__ import annotations

import pytest

from .test_params_yaml_errors import _problems

HEAD = "id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\nperiod: {start: 2023-01-01, planned_end: 2023-12-31}\n"
QUALITATIVE = ("goals:\n  - id: samverkan\n    kind: qualitative\n    label: Ett hållbart samarbete\n"
               "    bedömning: delvis\n    Underlag: Mötesanteckningar\n")


def test_a_goals_keys_written_in_swedish_get_the_english_key_to_write(tmp_path):
    assert _problems(tmp_path, HEAD + QUALITATIVE) == [
        "mål 1 (id: samverkan), bedömning: okänd nyckel; nycklarna skrivs på engelska: skriv 'assessment' "
        "(nycklarna finns i docs/data-contract.md)",
        "mål 1 (id: samverkan), Underlag: okänd nyckel; nycklarna skrivs på engelska: skriv 'evidence' "
        "(nycklarna finns i docs/data-contract.md)"]
    en = _problems(tmp_path, HEAD + QUALITATIVE, "en")
    assert en[0].endswith("bedömning: unknown key; the keys are written in English: write 'assessment' (the keys are "
                          "in docs/data-contract.md)")


def test_a_swedish_key_is_answered_only_where_its_english_key_belongs(tmp_path):
    # 'titel' at the top is title; under a goal there is no title, so the goal's keys are listed instead
    (top,) = _problems(tmp_path, HEAD + "titel: Projektet\n")
    assert top.startswith("titel: okänd nyckel") and "skriv 'title'" in top
    goal = ("goals:\n  - id: g\n    kind: qualitative\n    label: L\n    assessment: delvis\n    titel: x\n")
    (line,) = _problems(tmp_path, HEAD + goal)
    assert "titel: projektparametrarna har ingen sådan inställning (tillåtna här: id, kind, label" in line


@pytest.mark.parametrize("lang, said", [
    ("sv", "granted_sek: står 'en miljon'; förväntat ett belopp i hela kronor (t.ex. 1200000)"),
    ("en", "granted_sek: got 'en miljon'; expected an amount in whole kronor (such as 1200000)"),
])
def test_an_amount_in_kronor_that_is_no_number_is_asked_for_in_whole_kronor(tmp_path, lang, said):
    assert _problems(tmp_path, HEAD + "granted_sek: en miljon\n", lang) == [said]
