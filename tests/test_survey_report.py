"""The questionnaire section, page 1's survey goals and the workbook sheet: response rates beside
the figures, and a group under the small-count threshold hidden everywhere, sentences included."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present import report as report_module
from evaltools.present.display import Table, Text

from .conftest import write_csv
from .test_survey import _responses
from .test_survey_data import DATA, QUESTIONS

GOALS = """\
survey:
  invited: {personal: 20, styrelse: 6}
goals:
  - {id: kanner, kind: survey, label: Personalen instämmer, question: F1, group: personal, level: 4, target: 0.5}
  - {id: styrelsen, kind: survey, label: Styrelsen instämmer, question: F1, group: styrelse, level: 4, target: 0.7}
  - {id: framtid, kind: survey, measure: change, label: Ljusare framtid, question: F1, target: 0.5}
"""


@pytest.fixture
def report(tiny_project):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    return et.Report(et.load_project(tiny_project(GOALS, data_block=DATA)))


def _shown(r, monkeypatch, *methods) -> list[str]:
    """Every text the sections show: paragraphs, headings, tables, charts' alternative texts."""
    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    for m in methods:
        getattr(r, m)()
    out = []
    for part in seen:
        if isinstance(part, Text):
            out += list(part.paragraphs) + ([part.heading] if part.heading else [])
        elif isinstance(part, Table):
            out += [part.frame.to_string(), *part.notes]
        elif hasattr(part, "et_alt"):
            out.append(part.et_alt)
    return out


def test_a_group_under_the_threshold_is_named_nowhere(report, monkeypatch):
    texts = _shown(report, monkeypatch, "summary", "goal_section", "survey_section")
    survey_texts = _shown(report, monkeypatch, "survey_section")
    assert any("Personal" in x for x in survey_texts)  # the staff round (7 respondents) is shown
    for word in ("Styrelse", "styrelse"):  # four board members: not in any chart, table or sentence
        assert not any(word in x for x in survey_texts), word
    # its goal is named (it is the project's goal) but with no count: "too few", never "4"
    line = next(x for x in texts if x.startswith("Styrelsen instämmer"))
    assert "för få svarande för att redovisas (färre än 5)" in line and "4" not in line.split(":", 1)[1]
    sheet = report.key_tables()["enkater"]
    assert set(sheet["group"]) == {"deltagare_start", "deltagare_avslut", "personal"}


def test_response_rate_and_respondents_beside_the_survey_goal(report):
    line = next(x for x in report.key_findings() if x.startswith("Personalen instämmer"))
    # 3 of the 5 staff who answered on the scale; 7 respondents of 20 asked, 35 %: too low to generalise
    assert "60,0\u00a0% (3 av 5 som svarade på frågans skala" in line
    assert "7 av 20 tillfrågade svarade (svarsfrekvens 35\u00a0%) – för låg" in line
    # 60 % against a target of 50 %, the interval (15–95 %) spanning it: uncertain; the low response rate
    # is said to be a reason too, and the interval's words say whom they are about
    assert line.startswith("Personalen instämmer: uppnått, men osäkert")
    assert "målet 50\u00a0% ligger inom felmarginalen bland dem som svarade" in line and "därav ”men osäkert”" in line


def test_the_section_says_each_rate_and_the_paired_change(report, monkeypatch):
    texts = _shown(report, monkeypatch, "survey_section")
    assert "Svarande: 7 av 20 tillfrågade (svarsfrekvens 35\u00a0%)." in texts
    assert any(x.startswith("Svarsfrekvensen är under 50\u00a0%") for x in texts)
    # participants at start: no number asked given, so the rate is unknown
    assert "Svarande: 7; antalet tillfrågade är inte angivet, så svarsfrekvensen är okänd." in texts
    paired = next(x for x in texts if "svarade båda gångerna" in x)
    assert "7 svarade båda gångerna" in paired and "0,86 steg" in paired
    # 5 better, 1 the same, 1 worse: a breakdown with counts under five is not given
    assert "svarade bättre" not in paired


def test_english_section(report, monkeypatch):
    en = et.Report(report.project, lang="en")
    texts = _shown(en, monkeypatch, "survey_section")
    assert "Questionnaires" in texts and "Respondents: 7 of 20 asked (response rate 35%)." in texts
    assert not any("Board" in x for x in texts)


def test_a_project_without_questionnaires_has_no_section(tiny_project, monkeypatch):
    r = et.Report(et.load_project(tiny_project()))
    assert _shown(r, monkeypatch, "survey_section") == [] and "enkater" not in r.key_tables()


def test_the_structural_sample_says_its_report_holds_questionnaire_answers():
    from .conftest import PARAMS
    r = et.Report(et.load_project(PARAMS / "samverkan-i-praktiken.yaml"))
    first = r.key_findings()[0]
    assert first.startswith("Insatsen är strukturinriktad") and "enkätsvar" in first
    # the structural sample's survey section: both staff rounds and the managers; the four board members never
    rounds = [(x.group, x.round, x.respondents) for x in r.survey.rounds if not x.hidden]
    assert rounds == [("personal", 2023, 198), ("personal", 2025, 212), ("chefer", 2025, 38)]


def test_the_sections_note_says_where_the_response_rates_stand_and_that_holds(report, monkeypatch):
    texts = _shown(report, monkeypatch, "survey_section")
    note = next(x for x in texts if x.startswith("Enkätmålen i avsnittet Måluppfyllelse"))
    # the goal section gives a rate only where it is too low: the note does not say it stands beside every goal
    goal_texts = _shown(report, monkeypatch, "goal_section")
    assert not any("Ljusare framtid" in x and "svarsfrekvens" in x for x in goal_texts)
    assert "bredvid varje enkätmål" not in note and "vid varje enkätomgång nedan" in note
    # ... and every round below says its rate, or that it is unknown (the start round: no number asked)
    rounds = [x for x in texts if x.startswith("Svarande: 7")]
    assert len(rounds) >= 2 and all("svarsfrekvens" in x for x in rounds)
