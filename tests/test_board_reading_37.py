"""Readers of new projects: page 1's count of the measurable goals by verdict is said as a board member says it,
each count with its verb ("Tre av de sex mätbara målen uppnåddes, två uppnåddes men osäkert och ett uppnåddes
delvis."), not as a list of numbers after one verb."""
from __future__ import annotations

import pickle
import textwrap
from types import SimpleNamespace

import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.goals import GoalVerdict as V
from evaltools.data.arguments import check_lang
from evaltools.data.errors import ParamsError
from evaltools.data.messages import echo, message
from evaltools.data.params import load_params
from evaltools.present.sections import goals as goal_section
from evaltools.present.sections import summary
from evaltools.present.sections.goals import _measurable_counted
from evaltools.publish import cli, render
from evaltools.words.text import catalog

from .conftest import participants_frame, shown_chunks, write_csv


def _counted(verdicts: list[V], lang: str) -> str:
    """The sentence for goals with these verdicts (one row per goal, in the goal table's order)."""
    words = catalog(lang)
    table = pd.DataFrame({"goal_id": [f"g{i}" for i in range(len(verdicts))],
                          "verdict": [str(v) for v in verdicts]})
    r = SimpleNamespace(goals=SimpleNamespace(table=table), lang=lang, words=words, msg=words.msg, plural=words.plural)
    return _measurable_counted(r, list(table["goal_id"]))


R, RU, P, PU, N, NU = V.REACHED, V.REACHED_UNCERTAIN, V.PARTLY, V.PARTLY_UNCERTAIN, V.NOT_REACHED, V.NOT_REACHED_UNCERTAIN

# written by hand: the most favourable verdict first, its count leading the sentence, each count with its verb
# (English singular for a count of one), "Båda"/"Both" and "Alla"/"All" where every goal has the same verdict
CASES = [
    # the readers' example: 3 reached, 2 reached but uncertain, 1 partly (n = 6)
    ([R, R, R, RU, RU, P],
     "Tre av de sex mätbara målen uppnåddes, två uppnåddes men osäkert och ett uppnåddes delvis.",
     "Three of the six measurable goals were achieved, two were achieved but uncertain and one was partly "
     "achieved."),
    # counts of one (n = 4): 1 reached, 1 reached but uncertain, 2 partly
    ([R, RU, P, P],
     "Ett av de fyra mätbara målen uppnåddes, ett uppnåddes men osäkert och två uppnåddes delvis.",
     "One of the four measurable goals was achieved, one was achieved but uncertain and two were partly "
     "achieved."),
    # two kinds, the order of the goals not the order of the sentence
    ([N, R],
     "Ett av de två mätbara målen uppnåddes och ett uppnåddes inte.",
     "One of the two measurable goals was achieved and one was not achieved."),
    ([P, N, N],
     "Ett av de tre mätbara målen uppnåddes delvis och två uppnåddes inte.",
     "One of the three measurable goals was partly achieved and two were not achieved."),
    # all four of reached, partly, not, not but uncertain (n = 5)
    ([NU, N, P, R, R],
     "Två av de fem mätbara målen uppnåddes, ett uppnåddes delvis, ett uppnåddes inte och ett uppnåddes inte "
     "men osäkert.",
     "Two of the five measurable goals were achieved, one was partly achieved, one was not achieved and one was "
     "not achieved but uncertain."),
    ([PU, RU],
     "Ett av de två mätbara målen uppnåddes men osäkert och ett uppnåddes delvis men osäkert.",
     "One of the two measurable goals was achieved but uncertain and one was partly achieved but uncertain."),
    # one kind only
    ([R, R], "Båda de mätbara målen uppnåddes.", "Both measurable goals were achieved."),
    ([P, P, P], "Alla de tre mätbara målen uppnåddes delvis.", "All three measurable goals were partly achieved."),
    ([RU, RU, RU, RU], "Alla de fyra mätbara målen uppnåddes men osäkert.",
     "All four measurable goals were achieved but uncertain."),
    # one kind, the others after a semicolon with their own verbs
    ([R, V.RUNNING], "Ett av de två mätbara målen uppnåddes; ett pågår ännu.",
     "One of the two measurable goals was achieved; one is still running."),
    ([P, P, V.NOT_ASSESSED, V.NOT_ASSESSED],
     "Två av de fyra mätbara målen uppnåddes delvis; två har inte bedömts.",
     "Two of the four measurable goals were partly achieved; two have not been assessed."),
    # none reached, not even partly: as before
    ([N, N], "Av de två mätbara målen uppnåddes inget.", "Of the two measurable goals, the project achieved none."),
    ([N, NU, V.RUNNING],
     "Av de tre mätbara målen uppnåddes inget, men för ett av dem är det osäkert; ett pågår ännu.",
     "Of the three measurable goals, the project achieved none, though for one of them this is uncertain; one "
     "is still running."),
]


@pytest.mark.parametrize("verdicts,sv,en", CASES)
def test_the_measurable_goals_are_counted_each_with_its_verb(verdicts, sv, en):
    assert _counted(verdicts, "sv") == sv
    assert _counted(verdicts, "en") == en


def test_page_one_says_the_count_at_its_fewest_words(tiny_project):
    # The tiny project's four participants (tests/conftest.py) all start in its period: a participant goal over
    # the whole period counts 4, reached where 4 >= target, partly where 4 >= 0.8 * target, else not reached:
    # targets 2 and 3 reached, 5 partly (4 >= 4), 20 not (4 < 16); a long label each, so that page 1 counts them
    long = "om att deltagarna ska få ett samordnat stöd från kommunen, regionen och Arbetsförmedlingen"
    goals = "goals:\n" + "".join(
        f"  - {{id: g{t}, kind: participant_count, label: \"Minst {t} deltagare {long}\", target: {t}, "
        f"period: whole_period}}\n" for t in (2, 3, 5, 20))
    said = {"sv": "Två av de fyra mätbara målen uppnåddes, ett uppnåddes delvis och ett uppnåddes inte.",
            "en": "Two of the four measurable goals were achieved, one was partly achieved and one was not "
                  "achieved."}
    params = tiny_project(textwrap.dedent(goals))
    for lang, sentence in said.items():
        r = et.Report(params, lang=lang)
        (sentences,) = [s for q, _part, s in summary.answers(r) if q == "summary.q_goals"]
        assert sentence in dict(summary.goal_lengths(r, sentences))["fewest"]


# --- 2. a draft whose page 1 runs on is not told to shorten an evaluator's text it does not have -----------------

@pytest.mark.parametrize("lang, draft_says, text_says", [
    ("sv", "Det här är ett utkast, utan utvärderarens text: platsen tas av utkastets banderoll och verktygets egna svar",
     "Det som tar mest plats är oftast den samlade bedömningen i utvärderarens text"),
    ("en", "This is a draft, without the evaluator's text: the room is taken by the draft banner and the toolkit's "
     "own answers", "What takes most room is usually the overall assessment in the evaluator's text"),
])
def test_render_says_what_takes_page_one_s_room_in_a_draft(tiny_project, monkeypatch, capsys, lang, draft_says,
                                                            text_says):
    params = tiny_project()
    out = tiny_project.dir / "reports"
    # two delivered reports whose page 1 ran on: a draft (no evaluator's text) and one with the evaluator's text
    results = [render.RenderResult("utkast", True, str(out / "utkast"), draft=True, page_one_held=False),
               render.RenderResult("skriven", True, str(out / "skriven"), draft=False, page_one_held=False)]
    monkeypatch.setattr(render, "render_many", lambda *a, **k: results)
    assert cli.main(["render", str(params), "--reports-dir", str(out), "--lang", lang, "--quiet"]) == 0
    lines = {line.split(": ", 1)[0].strip(): line for line in capsys.readouterr().out.splitlines() if ": " in line}
    assert draft_says in lines["utkast"] and text_says not in lines["utkast"]
    assert text_says in lines["skriven"] and draft_says not in lines["skriven"]


# --- 3. a value echoed cut short says its length in the message's language --------------------------------------

# a kind of 81 letters: its repr has 81 + 2 quotes = 83 characters, cut to the first 80 (the quote and 79 letters)
LONG_KIND = "x" * 81
CUT = "'" + "x" * 79 + "…"


def test_a_params_value_cut_short_says_its_length_in_the_message_s_language(tiny_project):
    params = tiny_project(f"kind: {LONG_KIND}\n")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    (sv,) = [line for line in e.value.message("sv").splitlines() if "projektslaget" in line]
    (en,) = [line for line in e.value.message("en").splitlines() if "project kind" in line]
    assert f"står {CUT} (83 tecken);" in sv and "characters" not in sv
    assert f"{CUT} (83 characters)" in en and "tecken" not in en


def test_an_argument_cut_short_says_its_length_in_each_language():
    with pytest.raises(ParamsError) as e:
        check_lang(LONG_KIND, "load_project")
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"{CUT} (83 tecken)" in sv and "characters" not in sv
    assert f"{CUT} (83 characters)" in en and "tecken" not in en


def test_an_echoed_value_keeps_its_length_when_pickled_and_a_short_one_is_shown_whole():
    cut = echo(LONG_KIND)
    again = pickle.loads(pickle.dumps(cut))
    assert message("characters", "sv", n="83") == "83 tecken"
    assert (again, again.length) == (CUT, 83)
    assert echo("kort") == "'kort'"
    assert echo(LONG_KIND, lang="sv") == f"{CUT} (83 tecken)"


# --- 4. a goal's label from the application is quoted as written in an English report -----------------------------

LABEL = "Minst 35 % av de avslutade ska gå till arbete"


def test_an_english_report_quotes_a_goal_s_label_as_written_and_writes_its_own_figures_in_english(tiny_project):
    # eight participants, all ended: four to work, four still on social assistance, so the share to work is
    # 4 / 8 = 50.0% in English against a target of 35% (an interval of 8 that spans it)
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-02-01", "2022-08-01",
             "arbete" if i <= 4 else "kvar_försörjningsstöd") for i in range(1, 9)]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    params = tiny_project(textwrap.dedent(f"""\
        goals:
          - {{id: arbete, kind: share, label: "{LABEL}", target: 0.35, period: whole_period, denominator: exits,
             success_outcomes: [arbete]}}
        """))
    report = et.Report(params, lang="en")
    page_one = " ".join(shown_chunks(summary.blocks(report)))
    table = shown_chunks(goal_section.blocks(report))
    # (the label as written, its space inside the figure kept from breaking at a line's end, in English too)
    shown_label = LABEL.replace(" %", "\u00a0%")
    (line,) = [s for s in page_one.split(". ") if s.startswith(shown_label)]
    # the toolkit's figures in English (the share, the target), the label as written
    assert "50.0%" in line and "the target 35% is" in line and "Minst 35% av" not in line
    assert LABEL in table and "Minst 35% av" not in page_one + " ".join(table)  # (a table cell as written)
    # the label the params give (the application's words) and the Swedish report's, a space kept from breaking
    assert report.params.goals[0].label_for("en") == LABEL
    sv = " ".join(shown_chunks(summary.blocks(et.Report(params, lang="sv"))))
    assert LABEL.replace(" %", "\u00a0%") in sv


def test_the_catalog_s_own_per_cent_signs_are_still_written_to_their_numbers_in_english():
    # "the state 50 %, region and municipality 25 % each" in the English catalog reads "50%" and "25%"
    said = catalog("en").msg("costbenefit.actor_note", basis="present value")
    assert "the state 50%, region and municipality 25% each" in said and " %" not in said
