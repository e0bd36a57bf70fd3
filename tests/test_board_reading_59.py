"""The English reports read as a board reads them, after the change that says an exit to another benefit neutrally
and cites the analysis plan by its heading: an application's cost-benefit section says the participants leave the
project for work, studies or a benefit (as the outturn's section does), not that they 'move on'; Kompassen's English
appendix cites its plan by an English heading, not one with Swedish words left in it; the portfolio's note on costs
'to' a date says the project is still running in a sentence that parses."""
from __future__ import annotations

import pytest

from evaltools.present import plan
from evaltools.present.display import Table
from evaltools.present.sections import costbenefit
from evaltools.words.text import msg

from .conftest import sample_portfolio, sample_report, shown_chunks


# --- 1. an application's cost-benefit section says an exit to another benefit neutrally --------------------------

@pytest.mark.parametrize("lang, neutral, moved", [
    ("en", "when participants leave the project for work, studies or another benefit", "move on"),
    ("sv", "när deltagare avslutas till arbete, studier eller en annan ersättning", "går vidare"),
])
def test_an_application_s_cost_benefit_section_says_the_exit_neutrally(lang, neutral, moved):
    # the application check of Specialistteamet is the sample counted on the application's expected volumes
    r = sample_report("eskilstuna-ansokan", lang)
    assert r.cba.summary.mode == "ex_ante"
    text = " ".join(" ".join(c.split()) for c in shown_chunks(costbenefit.blocks(r)))
    assert neutral in text
    assert moved not in text
    # the same words as the outturn's section, which says the exit in the past tense
    said = " ".join(msg("costbenefit.intro", lang).split())
    assert {"en": "left the project for work, studies or another benefit",
            "sv": "avslutades till arbete, studier eller en annan ersättning"}[lang] in said


# --- 2. the English appendix cites the analysis plan by an English heading ----------------------------------------

def test_kompassen_s_english_appendix_cites_its_plan_without_swedish_words():
    cited = plan.citation(sample_report("kompassen-demo", "en"))
    assert cited is not None
    # the report's own English title, "Kompassen (fictional example)", not the Swedish "(fiktivt exempel)"
    assert "“Analysis plan: Kompassen (fictional example)”" in cited
    assert "fiktivt" not in cited and "settled 2020-11-16" in cited
    # the Swedish report cites the Swedish plan, by its Swedish heading
    assert "Analysplan: Kompassen (fiktivt exempel)" in plan.citation(sample_report("kompassen-demo", "sv"))


def test_an_english_plan_s_smallest_fall_matters_to_the_coordination_association():
    text = plan.plan_text("Vägen", [], "en")
    assert "matters in practice to the coordination association" in text
    assert "förbund." not in text


# --- 3. the portfolio's note on a running project's costs parses ---------------------------------------------------

def test_the_portfolio_s_note_on_costs_to_a_date_says_the_project_is_still_running(monkeypatch):
    # Specialistteamet is running: its costs per person are "to" 2025-12-31, which the note explains
    pf = sample_portfolio(("eskilstuna-specialistteamet", "nasta-steg"), "en")
    shown: list = []
    monkeypatch.setattr("evaltools.present.portfolio.show", lambda *parts: shown.extend(parts))
    pf.overview()
    [table] = [p for p in shown if isinstance(p, Table) and "Cost" in p.frame.columns]
    [note] = [" ".join(n.split()) for n in table.notes if n.startswith("Per participant and per success")]
    assert "the project is still running, so the cost is the outturn of the budget years that had ended by that" \
           " date" in note
    assert "the project runs" not in note and "years over by" not in note


@pytest.mark.parametrize("key", ["workbook.summary.per_person_so_far", "workbook.column.portfolio.per_person_so_far"])
def test_the_workbook_s_column_on_costs_so_far_says_the_project_is_still_running(key):
    # a yes/no column: "Yes" where the costs per person are the outturn so far, because the project is not over
    said = msg(key, "en")
    assert said.endswith("counted on the outturn so far (project still running)")
    assert "(the project runs)" not in said


# --- 5. a goal judged on its words says what it counts in a sentence that holds for one outcome as for three -----

_HEAD = """\
id: vagen
kind: individ
title: Vägen
forbund: Samordningsförbundet Mittland
owner: Mittlands kommun
partners: [Mittlands kommun, Arbetsförmedlingen]
period: {start: 2025-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 300000
data: {participants: data/deltagare.csv}
goals:
  - {id: mal, kind: share, label: '%s', target: 0.4, period: whole_period}
"""


def _words_project(tmp_path, label, exits):
    import csv

    import evaltools as et
    (tmp_path / "data").mkdir()
    with open(tmp_path / "data" / "deltagare.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                    "support_start"])
        for i, out in enumerate(exits):
            w.writerow([f"V{i + 1:02d}", "kvinna" if i % 2 else "man", 1975 + i % 25, "ensamstående", "2025-02-01",
                        "2025-09-30", out, "försörjningsstöd"])
    (tmp_path / "vagen.yaml").write_text(_HEAD % label, encoding="utf-8")
    return et.Report(et.load_project(tmp_path / "vagen.yaml"), lang="en")


@pytest.mark.parametrize("label, exits, said", [
    # 10 to work, 4 to studies, 12 to sickness benefit, 6 to an active plan, 8 still on social assistance: the goal
    # of work or studies leaves out 12 + 6 = 18 exits to the other default successes
    ("At least 40% shall go to work or studies",
     ["arbete"] * 10 + ["studier"] * 4 + ["sjukpenning"] * 12 + ["aktiv_planering_annan_part"] * 6
     + ["kvar_försörjningsstöd"] * 8,
     "“At least 40% shall go to work or studies”, as worded, counts exits to work, subsidised work and studies; 18 "
     "exits to sickness benefit and active plan with another agency are not counted, since the goal's words do not "
     "name them."),
    # a goal of studies only counts one outcome: no "the outcomes" for it; 10 to work + 8 to sickness benefit = 18
    ("At least 40% shall go on to studies",
     ["arbete"] * 10 + ["studier"] * 6 + ["sjukpenning"] * 8 + ["kvar_försörjningsstöd"] * 16,
     "“At least 40% shall go on to studies”, as worded, counts exits to studies; 18 exits to work and sickness "
     "benefit are not counted, since the goal's words do not name them."),
])
def test_a_goal_judged_on_its_words_says_what_it_counts(tmp_path, label, exits, said):
    from evaltools.present.sections.goals import words_counted_sentences
    assert words_counted_sentences(_words_project(tmp_path, label, exits)) == [said]
