"""Page 1 at its fewest words (evaltools.words.lengths, ``fewest``): an application with many measurable goals
with long names has them said in one sentence, counted by the verdict the goal section gives each goal, so that
page 1 holds on one page; the HTML page and the Word document say what the PDF prints."""
from __future__ import annotations

import textwrap
from collections import Counter

import docx
from pypdf import PdfReader

import evaltools as et
from evaltools.present.sections import summary
from evaltools.publish import render

from .conftest import participants_frame, write_csv

LONG = ("om att deltagarna i projektet ska få ett samordnat stöd från kommunen, regionen, Arbetsförmedlingen och "
        "Försäkringskassan och att stödet ska bli varaktigt efter projektets slut")

# The tiny project's four participants (tests/conftest.py) all start in the project's period (2022-01-01 to
# 2023-12-31): a participant goal over the whole period counts 4. Counts are judged reached when 4 reaches the
# target, partly when 4 reaches 80 % of it, else not reached (evaltools.analysis.goals):
#   target 2, 3, 4  -> reached           (4 >= t)
#   target 5, 5     -> partly            (4 < 5, 4 >= 0.8 * 5 = 4)
#   target 10, 20   -> not reached       (4 < 8, 4 < 16)
# One participant (P1) ended in work: an outcome goal over the whole period counts 1:
#   target 1        -> reached           (1 >= 1)
#   target 6        -> not reached       (1 < 0.8 * 6 = 4.8)
# so of the nine measurable goals 4 are reached, 2 partly, 3 not.
MEASURABLE = [("antal2", "participant_count", 2, "uppnått"), ("antal3", "participant_count", 3, "uppnått"),
              ("antal4", "participant_count", 4, "uppnått"), ("antal5a", "participant_count", 5, "delvis"),
              ("antal5b", "participant_count", 5, "delvis"), ("antal10", "participant_count", 10, "ej_uppnått"),
              ("antal20", "participant_count", 20, "ej_uppnått"), ("arbete1", "outcome_count", 1, "uppnått"),
              ("arbete6", "outcome_count", 6, "ej_uppnått")]
# three qualitative goals: one each way, said together as at the length "shortest"
QUALITATIVE = ["uppnått", "delvis", "ej_bedömt"]


def _goals() -> str:
    lines = ["goals:\n"]
    for i, (gid, kind, target, _verdict) in enumerate(MEASURABLE, start=1):
        outcome = "\n  success_outcomes: [arbete]" if kind == "outcome_count" else ""
        lines.append(textwrap.indent(textwrap.dedent(f"""\
            - id: {gid}
              kind: {kind}
              label: Mätbart mål {i} {LONG}
              target: {target}
              period: whole_period""") + outcome + "\n", "  "))
    for i, assessment in enumerate(QUALITATIVE, start=1):
        lines.append(textwrap.indent(textwrap.dedent(f"""\
            - id: kval{i}
              kind: qualitative
              label: Kvalitativt mål {i} {LONG}
              assessment: {assessment}
              evidence: Samverkan har utvecklats under projektet.
            """), "  "))
    return "".join(lines)


def _pages(pdf) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages]


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


# by hand (MEASURABLE): 4 reached, 2 partly, 3 not, most favourable first; the qualitative goals 1 each way
# (one paragraph each)
SAID = ["Fyra av de nio mätbara målen uppnåddes, två uppnåddes delvis och tre uppnåddes inte.",
        "De tre kvalitativa målen enligt utvärderarens bedömning: uppnått (1), delvis uppnått (1), inte bedömt (1).",
        "Varje mål står med siffrorna bakom det i avsnittet Måluppfyllelse."]


def test_the_goal_section_gives_the_verdicts_counted_by_hand(tiny_project):
    # (the sentence counts these verdicts: the goal section's, one per goal)
    r = et.Report(tiny_project(_goals()))
    tab = r.goals.table.drop_duplicates("goal_id").set_index("goal_id")["verdict"]
    assert {gid: tab[gid] for gid, *_ in MEASURABLE} == {gid: verdict for gid, _k, _t, verdict in MEASURABLE}
    assert Counter(v for *_, v in MEASURABLE) == Counter({"uppnått": 4, "delvis": 2, "ej_uppnått": 3})


def test_nine_measurable_goals_are_one_sentence_on_page_one_and_page_one_holds(tiny_project, worker_zygote):
    params = tiny_project(_goals())
    out = tiny_project.dir / "reports"
    res = render.render_project(params, out, ("html", "pdf", "docx"))
    assert res.ok, res.error
    pages = _pages(out / "tiny" / "tiny.pdf")
    assert " ".join(SAID) in pages[0]
    assert "Hur siffrorna är beräknade står i bilagan sist i rapporten." in pages[0]  # page 1's last line
    assert "Mätbart mål 1 om att" not in pages[0]  # (each goal is in the goal section)
    assert any("Mätbart mål 9 om att" in p for p in pages[1:])
    # the HTML page and the Word document say what the PDF prints, and carry no other length
    html = _words((out / "tiny" / "tiny.html").read_text(encoding="utf-8"))
    assert all(f">{s}</p>" in html for s in SAID) and "et-length" not in html and "<div hidden" not in html
    assert f"Mätbart mål 1 {LONG}: uppnått." not in html
    document = docx.Document(str(out / "tiny" / "tiny.docx"))
    paragraphs = [_words(p.text) for p in document.paragraphs]
    assert all(s in paragraphs for s in SAID)


def test_the_fewest_words_say_running_and_unassessed_goals_after_the_counted_ones_in_english(tiny_project):
    # a share of the exits to work over the whole period: 3 exits (P1, P2, P4), under the privacy threshold
    # of 5, so not assessed; the two participant goals as above (targets 3: reached, 20: not reached)
    goals = textwrap.dedent(f"""\
        goals:
          - {{id: antal3, kind: participant_count, label: "Minst 3 deltagare {LONG}", target: 3, period: whole_period}}
          - {{id: antal20, kind: participant_count, label: "Minst 20 deltagare {LONG}", target: 20, period: whole_period}}
          - {{id: andel, kind: share, label: "Hälften till arbete {LONG}", target: 0.5, period: whole_period,
             denominator: exits, success_outcomes: [arbete]}}
        """)
    r = et.Report(tiny_project(goals), lang="en")
    (sentences,) = [s for q, _part, s in summary.answers(r) if q == "summary.q_goals"]
    versions = dict(summary.goal_lengths(r, sentences))
    assert "fewest" in versions
    said = "One of the three measurable goals was achieved and one was not achieved; one has not been assessed."
    assert said in versions["fewest"]
    assert "Each goal, with the figures behind it, is in the section Goal fulfilment." in versions["fewest"]
    assert not any(s.startswith(("Minst 3 deltagare", "Minst 20 deltagare", "Hälften till arbete"))
                   for s in versions["fewest"])
    # the sentences before and after the goals are the same as at the other lengths
    assert versions["fewest"][0] == versions["full"][0]


def test_none_reached_is_said_as_none(tiny_project):
    # the participant goals over the whole period count 4 (above): 4 < 0.8 * 10 = 8 and 4 < 0.8 * 20 = 16, so
    # both are not reached, and none is reached, not even partly
    goals = textwrap.dedent(f"""\
        goals:
          - {{id: antal10, kind: participant_count, label: "Minst 10 deltagare {LONG}", target: 10, period: whole_period}}
          - {{id: antal20, kind: participant_count, label: "Minst 20 deltagare {LONG}", target: 20, period: whole_period}}
        """)
    r = et.Report(tiny_project(goals))
    (sentences,) = [s for q, _part, s in summary.answers(r) if q == "summary.q_goals"]
    fewest = dict(summary.goal_lengths(r, sentences))["fewest"]
    assert "Av de två mätbara målen uppnåddes inget." in fewest
    assert not any("uppnåddes två inte" in s for s in fewest)


def test_a_verdict_on_the_periods_that_ended_is_said_so(tiny_project):
    # twelve participants still enrolled on 2023-06-30: six started in project year 1 (2022), six in year 2 (2023)
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", f"2022-0{i + 1}-01", "", "") for i in range(1, 7)]
    rows += [(f"P{i}", "man", 1985, "ensamstående", f"2023-0{i - 6}-01", "", "") for i in range(7, 13)]
    write_csv(tiny_project.dir / "data" / "participants.csv", participants_frame(rows))
    # "per": year 1 ended with 6 >= 5, reached; year 2 runs, not judged: reached on the year that ended (so far);
    # "hela": the whole period runs: running, not judged
    goals = textwrap.dedent(f"""\
        data_as_of: 2023-06-30
        goals:
          - {{id: per, kind: participant_count, label: "Minst 5 deltagare per projektår {LONG}", target: 5,
             period: project_year}}
          - {{id: hela, kind: participant_count, label: "Minst 100 deltagare {LONG}", target: 100, period: whole_period}}
        """)
    r = et.Report(tiny_project(goals))
    (sentences,) = [s for q, _part, s in summary.answers(r) if q == "summary.q_goals"]
    fewest = dict(summary.goal_lengths(r, sentences))["fewest"]
    said = ["Ett av de två mätbara målen uppnåddes; ett pågår ännu.",
            "För ett av de bedömda målen gäller bedömningen de perioder som har slutat; en period pågår ännu."]
    assert fewest[fewest.index(said[0]) + 1] == said[1]
