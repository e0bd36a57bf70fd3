"""A goal's English text (``label_en``) is read as its Swedish ``label`` is; where the English words are refused, the
message says they are in ``label_en``, since an evaluator reading a Swedish message looks for them in ``label``
(found: "målets text talar om '20 meetings'" for a goal whose Swedish text has no such words)."""
from __future__ import annotations

from .test_goal_wordings_62 import _reading

COUNT = "kind: participant_count; target: 12"


def test_words_refused_in_label_en_are_said_to_be_in_label_en(tmp_path):
    kind, text = _reading(tmp_path, "Minst 12 deltagare per år",
                          COUNT + '; label_en: "At least 12 participants a year, 20 meetings each"')
    assert kind == "refused"
    assert "i label_en" in text and "'20 meetings'" in text


def test_words_refused_in_the_swedish_label_name_no_other_field(tmp_path):
    kind, text = _reading(tmp_path, "Minst 12 deltagare per år, 20 träffar var", COUNT)
    assert kind == "refused"
    assert "'20 träffar'" in text and "label_en" not in text


def test_a_goal_whose_two_texts_agree_loads(tmp_path):
    # the twelve participants of tests/test_goal_wordings_62.py all started in project year 1
    assert _reading(tmp_path, "Minst 12 deltagare per år", COUNT + '; label_en: "At least 12 participants a year"') \
        == ("count", 12)
