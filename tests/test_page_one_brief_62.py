"""Page 1 at its shortest lengths says the measurable goals with their verdicts only (their figures in the goal
section). A running count goal already past its whole period's target read "Deltagare: pågår" there, while the
full length and the goal section say "7 hittills …: redan hela periodens målvärde 6" (a project with 104 enrolled
against a target of 90 read as if nothing were known). The brief line now says the target is already reached."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import goals as goals_section

from .conftest import write_csv
from .test_unseen_projects import _params, _person

BODY = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data_as_of: 2024-06-30
    data: {participants: data/participants.csv}
    goals:
      - {id: antal, kind: participant_count, label: Deltagare, target: %d, period: whole_period}
    """


@pytest.mark.parametrize("length", ["shortest", "fewest"])
@pytest.mark.parametrize("lang, said", [("sv", "(hela periodens målvärde är redan nått)"),
                                        ("en", "(the whole period's target already reached)")])
def test_a_running_count_past_its_whole_target_says_so_at_the_brief_lengths(tmp_path, lang, said, length):
    # 7 enrolled by 2024-06-30 against a target of 6 for the whole period 2023-01-01 – 2024-12-31
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 8)])
    r = et.Report(et.load_project(_params(tmp_path, BODY % 6)), lang=lang)
    assert r.goals.table.iloc[0]["status"] == "pågår"  # (not judged before the period ends)
    text = " ".join(goals_section.page_one(r, length))
    assert said in text, text
    # 7 against a target of 10: not yet reached, so nothing more than its verdict
    r = et.Report(et.load_project(_params(tmp_path, BODY % 10)), lang=lang)
    assert said not in " ".join(goals_section.page_one(r, length))


@pytest.mark.parametrize("lang, said", [
    ("sv", "Är den redan kort (ett eller två stycken) tar verktygets egna svar platsen"),
    ("en", "If it is already short (one or two paragraphs), the toolkit's own answers take the room")])
def test_the_advice_when_page_one_runs_over_does_not_blame_a_short_assessment(lang, said):
    # a report whose assessment is two sentences still ran over by a line: the advice to shorten it was all it got
    from evaltools.publish.cli import _say
    assert said in " ".join(_say("cli.page_one_runs_over", lang).split())
