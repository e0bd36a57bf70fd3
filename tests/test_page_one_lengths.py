"""Page 1 holds on one page for an application with many goals: the report gives page 1's goal answer at
several lengths (evaltools.words.lengths) and the PDF is printed with the longest that fits, the HTML page
and the Word document saying the same words. The shorter lengths say the same verdicts: the qualitative
goals in one sentence with how many the evaluator judged each way, then the measurable goals without their
figures (which stay in the goal section)."""
from __future__ import annotations

import json
import textwrap

import docx
import pytest
from pypdf import PdfReader

import evaltools as et
from evaltools.present.sections import summary
from evaltools.publish import cli, render
from evaltools.words.lengths import at_length, at_lengths, lengths

# ten qualitative goals with long labels, as an application lists them: 3 achieved, 5 partly, 2 not assessed
ASSESSMENTS = ["uppnått"] * 3 + ["delvis"] * 5 + ["ej_bedömt"] * 2


def _qualitative_goals(n_goals: int) -> str:
    lines = ["goals:\n"]
    for i, assessment in enumerate(ASSESSMENTS[:n_goals], start=1):
        lines.append(textwrap.indent(textwrap.dedent(f"""\
            - id: kval{i}
              kind: qualitative
              label: Kvalitativt mål {i} om att samverkan mellan kommunen, regionen, Arbetsförmedlingen och
                Försäkringskassan ska utvecklas och bli varaktig efter projektets slut
              assessment: {assessment}
              evidence: Samverkan har utvecklats under projektet.
            """), "  "))
    return "".join(lines)


def _pages(pdf) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages]


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_marks_keep_one_length_and_show_the_first():
    page = "<body>" + at_lengths([("full", "<p>A B C</p>"), ("short", "<p>A</p>")]) + "<p>end</p></body>"
    assert lengths(page) == ["full", "short"]
    assert at_length(page, "full") == "<body><p>A B C</p><p>end</p></body>"
    assert at_length(page, "short") == "<body><p>A</p><p>end</p></body>"
    # the page as exported writes the hidden attribute as hidden=""
    assert at_length(page.replace("<div hidden>", '<div hidden="">'), "short") == "<body><p>A</p><p>end</p></body>"
    assert lengths("<p>no marks</p>") == [] and at_length("<p>no marks</p>", "full") == "<p>no marks</p>"
    with pytest.raises(ValueError):
        at_lengths([("longer", "<p/>")])


def test_ten_qualitative_goals_are_one_sentence_on_page_one_and_page_one_holds(tiny_project, worker_zygote):
    params = tiny_project(_qualitative_goals(10))
    out = tiny_project.dir / "reports"
    res = render.render_project(params, out, ("html", "pdf", "docx"))
    assert res.ok, res.error
    pages = _pages(out / "tiny" / "tiny.pdf")
    # by hand: 3 uppnått, 5 delvis, 2 ej_bedömt, in the order of the verdicts (most favourable first)
    said = ("De tio kvalitativa målen enligt utvärderarens bedömning: uppnått (3), delvis uppnått (5), inte bedömt (2). "
            "Varje mål står i avsnittet Måluppfyllelse.")
    assert said in pages[0]
    assert "Hur siffrorna är beräknade står i bilagan sist i rapporten." in pages[0]  # page 1's last line
    assert "Kvalitativt mål 1 om att" not in pages[0]  # (each goal is in the goal section)
    assert any("Kvalitativt mål 10 om att" in p for p in pages[1:])
    # the HTML page and the Word document say what the PDF prints, and carry no other length
    html = _words((out / "tiny" / "tiny.html").read_text(encoding="utf-8"))
    assert said in html and "et-length" not in html and "<div hidden" not in html
    assert "Kvalitativt mål 1 om att samverkan mellan kommunen, regionen, Arbetsförmedlingen och Försäkringskassan ska " \
           "utvecklas och bli varaktig efter projektets slut: uppnått" not in html
    document = docx.Document(str(out / "tiny" / "tiny.docx"))
    assert any(said in _words(p.text) for p in document.paragraphs)


def test_two_qualitative_goals_that_fit_are_said_goal_by_goal(tiny_project, worker_zygote):
    params = tiny_project(_qualitative_goals(2))
    out = tiny_project.dir / "reports"
    res = render.render_project(params, out, ("html", "pdf"))
    assert res.ok, res.error
    first = _pages(out / "tiny" / "tiny.pdf")[0]
    assert "kvalitativa målen enligt" not in first
    for i in (1, 2):  # both uppnått (ASSESSMENTS[:2])
        assert (f"Kvalitativt mål {i} om att samverkan mellan kommunen, regionen, Arbetsförmedlingen och "
                "Försäkringskassan ska utvecklas och bli varaktig efter projektets slut: uppnått") in first
    assert "et-length" not in (out / "tiny" / "tiny.html").read_text(encoding="utf-8")


def test_the_shortest_length_says_the_measurable_goals_verdicts_without_their_figures(tiny_project):
    goals = textwrap.dedent("""\
        goals:
          - {id: antal, kind: participant_count, label: Minst 2 deltagare per år, target: 2, period: project_year}
          - {id: arbete, kind: outcome_count, label: Minst 1 till arbete, target: 1, period: whole_period,
             success_outcomes: [arbete]}
          - {id: k1, kind: qualitative, label: Bättre samverkan mellan kommunen och regionen om målgruppens behov av stöd,
             assessment: uppnått, evidence: Ja.}
          - {id: k2, kind: qualitative, label: Mer kunskap hos handläggarna om målgruppen och om varandras uppdrag,
             assessment: uppnått, evidence: Ja.}
        """)
    r = et.Report(tiny_project(goals), lang="en")
    (sentences,) = [s for q, _part, s in summary.answers(r) if q == "summary.q_goals"]
    versions = dict(summary.goal_lengths(r, sentences))
    assert list(versions) == ["full", "short", "shortest"]
    full, short, shortest = versions["full"], versions["short"], versions["shortest"]
    assert any(s.startswith("Bättre samverkan mellan kommunen och regionen om målgruppens behov av stöd: achieved")
               for s in full)
    assert any(s.startswith("Mer kunskap hos handläggarna om målgruppen och om varandras uppdrag: achieved") for s in full)
    # short: the two qualitative goals in one sentence where the first stood, the measurable ones as in full
    together = "The two qualitative goals as the evaluator assesses them: achieved (2)."
    assert f"{together} Each goal is in the section Goal fulfilment." in short
    assert not any(s.startswith(("Bättre samverkan", "Mer kunskap")) for s in short)
    measurable = [s for s in full if s.startswith(("Minst 2 deltagare", "Minst 1 till arbete"))]
    assert len(measurable) == 2 and all(s in short for s in measurable)
    # shortest: the measurable goals' verdicts only ("label: verdict."), and where their figures are
    for s in measurable:
        label, verdict_and_figures = s.split(": ", 1)
        verdict = verdict_and_figures.split(" – ", 1)[0]  # (goal_line: "{label}: {verdict} – {details}.")
        assert f"{label}: {verdict}." in shortest
    # the qualitative goals' sentence without its pointer, and one sentence for where every goal and its figures are
    assert together in shortest
    assert "Each goal, with the figures behind it, is in the section Goal fulfilment." in shortest
    assert not any("Each goal is in the section" in s for s in shortest)
    # the sentences before and after the goals are the same in every length
    assert full[0] == short[0] == shortest[0]


def test_a_page_one_that_runs_on_at_every_length_is_told_after_the_render(tiny_project, worker_zygote, capsys):
    params = tiny_project(_qualitative_goals(10))
    # an overall assessment of twelve paragraphs of about 60 words: more than page 1 holds after its questions
    paragraph = " ".join(["Projektet har arbetat nära deltagarna och samverkat med parterna under hela perioden."] * 6)
    (tiny_project.dir / "text").mkdir()  # (the evaluator's text beside the params file: text/<id>.sv.md)
    (tiny_project.dir / "text" / "tiny.sv.md").write_text(
        "## Sammanfattande bedömning\n\n" + "\n\n".join([paragraph] * 12) + "\n", encoding="utf-8")
    out = tiny_project.dir / "reports"
    code = cli.main(["render", str(params), "--reports-dir", str(out), "--formats", "html,pdf", "--quiet"])
    said = capsys.readouterr().out
    assert code == 0  # (delivered: nothing is missing)
    pages = _pages(out / "tiny" / "tiny.pdf")
    assert "Hur siffrorna är beräknade står i bilagan sist i rapporten." not in pages[0]
    # printed at the shortest length, so that page 1 runs on least (the qualitative goals in one sentence), and the
    # command says so
    assert "Kvalitativt mål 1 om att" not in pages[0]
    assert "De tio kvalitativa målen enligt utvärderarens bedömning: uppnått (3), delvis uppnått (5), inte bedömt (2)." \
        in pages[0]
    assert "tiny: sida 1 i PDF:en fortsätter på sida 2" in _words(said)
    assert json.loads((out / "tiny" / "status.json").read_text(encoding="utf-8"))["page_one_held"] is False
