"""The sentence that says what an interval against a goal describes holds for any project: a
structural project's goals count staff or organisations, not participants, and a share goal may
count survey answers. It speaks of "everyone the goal counts", never of participants."""
from __future__ import annotations

import pytest

from evaltools.words.text import msg

KEYS = ("goals.ci_note", "method.goals", "label.goal_ci_note")


@pytest.mark.parametrize("key", KEYS)
def test_the_interval_sentence_does_not_assume_participants(key):
    sv, en = msg(key, "sv"), msg(key, "en")
    assert "deltagar" not in sv.lower()
    assert "participant" not in en.lower()
    assert "alla som målet räknar" in sv and "inte ett urval" in sv
    assert "everyone the goal counts" in en and "not a sample" in en
