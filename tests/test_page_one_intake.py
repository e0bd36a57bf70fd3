"""Page 1 gives the participants per year of intake once: where one of the application's goals counts the
participants per project year, its line gives the same figures ("Minst 5 deltagare per år: uppnått – 7 år 1 och 5
år 2"), so the sentence on who took part says the total alone; a goal counting others (a group) leaves it as it is.
"""
from __future__ import annotations

import pytest

import evaltools as et

from .conftest import write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person

INTAKE_GOAL = """\
    goals:
      - id: intag
        kind: participant_count
        label: Minst 5 deltagare per år
        label_en: At least 5 participants per year
        target: 5
        period: project_year
    """
WOMEN_GOAL = """\
    goals:
      - id: kvinnor
        kind: participant_count
        label: Minst 5 kvinnor per år
        label_en: At least 5 women per year
        target: 5
        period: project_year
        numerator: sex
        sex: [kvinna]
    """


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _page_one(tmp_path, goals: str, lang: str, men: int = 0) -> tuple[str, str]:
    """The participants sentence and the goal line of a project whose seven persons start in project year 1
    (2023-03-01) and five in year 2 (2024-03-01); the last ``men`` of the year-1 persons are men."""
    from evaltools.present.sections import summary
    rows = [_person(i, start="2023-03-01", end="2023-09-01", sex="man" if i > 7 - men else "kvinna")
            for i in range(1, 8)]
    rows += [_person(i, start="2024-03-01", end="2024-09-01") for i in range(8, 13)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, (PROJECT % "").rstrip(" ") + goals)), lang=lang)
    said = next(_plain(s) for s in summary.participation(r) if "deltagare" in s or "participants" in s)
    goal = next(_plain(s) for s in summary.goal_fulfilment(r) if "5 " in s)
    return said, goal


@pytest.mark.parametrize("lang, said, years", [
    ("sv", "Projektet har haft 12 deltagare.", "7 år 1 och 5 år 2"),
    ("en", "The project has had 12 participants.", "7 in year 1 and 5 in year 2")])
def test_an_intake_goal_per_year_gives_the_years_and_the_participants_sentence_the_total(tmp_path, lang, said,
                                                                                         years):
    # 7 persons in year 1 and 5 in year 2 (7 + 5 = 12): the goal's line gives 7 and 5, the sentence before it 12
    sentence, goal = _page_one(tmp_path, INTAKE_GOAL, lang)
    assert sentence == said
    assert years in goal, goal


def test_a_goal_counting_a_group_per_year_leaves_the_years_in_the_participants_sentence(tmp_path):
    # two of the seven year-1 persons are men: the goal counts 5 women in year 1 and 5 in year 2, not the intake
    # (7 and 5), so the sentence still gives the intake per year
    sentence, goal = _page_one(tmp_path, WOMEN_GOAL, "sv", men=2)
    assert sentence == "Projektet har haft 12 deltagare (7 under år 1 och 5 under år 2).", sentence
    assert "5 år 1 och 5 år 2" in goal, goal
