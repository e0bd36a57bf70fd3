"""An application check's page 1 names its qualitative goals: they are not assessed before the start and the goal
table lists them as "Inte bedömt", while page 1 spoke only of the measurable goals the volumes reach, so a board
member could not tell the application had any others. Written in tmp_path; counts by hand."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.present.sections import kind


def _application(tmp_path, qualitative: list[str], lang: str = "sv"):
    goals = "".join(f"  - id: kval{i}\n    kind: qualitative\n    label: Kvalitativt mål {i}\n    assessment: {assessment}\n"
                    + ("    evidence: Bedömt i förväg.\n" if assessment != "ej_bedömt" else "")
                    for i, assessment in enumerate(qualitative, start=1))
    p = tmp_path / "ansokan.yaml"
    p.write_text(textwrap.dedent("""\
        id: ansokan
        title: Vägen framåt (ansökan)
        forbund: Testförbundet
        owner: Testkommun
        kind: ansökan
        period: {start: 2026-01-01, planned_end: 2027-12-31}
        expected: {participants_per_year: 90, successes_per_year: 40}
        goals:
          - id: deltagare
            kind: participant_count
            label: Minst 80 deltagare per år
            target: 80
        """) + goals, encoding="utf-8")
    return et.Report(p, lang=lang)


@pytest.mark.parametrize("lang, said", [
    ("sv", "De tre kvalitativa målen bedöms när projektet har genomförts; de står i avsnittet Måluppfyllelse."),
    ("en", "The three qualitative goals are assessed once the project has been carried out; they are in the section "
           "Goal fulfilment.")])
def test_three_qualitative_goals_not_assessed_are_named_on_page_one(tmp_path, lang, said):
    r = _application(tmp_path, ["ej_bedömt"] * 3, lang)
    sentences = kind.page_one(r)
    assert sentences.count(said) == 1
    # after what the volumes reach: 90 expected participants a year against the target of 80
    assert sentences.index(said) == len(sentences) - 1


def test_one_qualitative_goal_is_said_in_the_singular(tmp_path):
    r = _application(tmp_path, ["ej_bedömt"])
    assert "Det kvalitativa målet bedöms när projektet har genomförts; det står i avsnittet Måluppfyllelse." \
        in kind.page_one(r)


def test_only_the_goals_not_assessed_are_counted(tmp_path):
    # two of three assessed in advance by the evaluator: one is left to be assessed after the project
    r = _application(tmp_path, ["uppnått", "ej_bedömt", "delvis"])
    assert "Det kvalitativa målet bedöms när projektet har genomförts; det står i avsnittet Måluppfyllelse." \
        in kind.page_one(r)
    r = _application(tmp_path, ["uppnått"])
    assert not any("kvalitativa mål" in s for s in kind.page_one(r))
