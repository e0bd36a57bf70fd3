"""What a board member stumbled over in the rendered samples: a portfolio name with a bracket per tag,
a share split from its counts in a narrow cell, a glossary explaining words the report never uses, and
an application's goals counted one way on page 1 and another in the portfolio. Expected values come
from the samples' files (participants, params) read by hand, not from the code's output."""
from __future__ import annotations

import matplotlib
import pytest

import evaltools as et
from evaltools.analysis.goals import GoalVerdict, assess_goals, count_goals, own_verdicts
from evaltools.present import report as report_module
from evaltools.present.portfolio import Portfolio, goal_rows, tagged_name
from evaltools.present.results import goal_table_frame
from evaltools.present.sections import kind, method, summary
from evaltools.words import glossary
from evaltools.words.formats import NBSP, fmt_share_count

from .conftest import PARAMS, sample_portfolio

matplotlib.use("Agg")


# --- a. one bracket of tags after a project's name in the portfolio ------------------------------

@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "Samverkan (strukturinriktad, pågår, utkast)"),
    ("en", "Samverkan (structural, running, draft)"),
])
def test_a_portfolio_name_has_its_tags_in_one_bracket(lang, expected):
    assert tagged_name("Samverkan", "structural", lang, running=True, draft=True) == expected


def test_a_portfolio_name_without_tags_is_the_title_and_an_application_is_tagged_once():
    assert tagged_name("Vägen ut", "results", "sv") == "Vägen ut"
    # (in Swedish the Swedish word: a board reading "ex ante" has to know the Latin)
    assert (tagged_name("Specialistteamet", "ex_ante", "sv", draft=True)
            == "Specialistteamet (förhandsbedömning, utkast)")
    assert tagged_name("Specialistteamet", "ex_ante", "en") == "Specialistteamet (before start)"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_portfolio_overview_never_shows_two_brackets_after_a_name(lang, monkeypatch):
    from evaltools.present.display import Table
    shown = []
    monkeypatch.setattr("evaltools.present.portfolio.show", lambda *parts: shown.extend(parts))
    # Samverkan is a structural project without the evaluator's text (params/text has no file for it): a draft
    pf = sample_portfolio(("samverkan-i-praktiken",), lang)
    pf.overview()
    names = [name for t in shown if isinstance(t, Table) for name in t.frame.iloc[:, 0]]
    # the params file's own title (title_en in English), whose own bracket takes the tags after a semicolon
    title, own = (("Samverkan i praktiken", "fiktivt exempel") if lang == "sv"
                  else ("Collaboration in Practice", "fictional example"))
    word, draft = ("strukturinriktad", "utkast") if lang == "sv" else ("structural", "draft")
    assert names and set(names) <= {f"{title} ({own}; {word}, {draft})", f"{title} ({own}; {word})"}  # (goal table: kind only)
    assert names[0] == f"{title} ({own}; {word}, {draft})"
    assert all(name.count("(") == 1 for name in names)


# --- b. a share and its counts keep together --------------------------------------------------------

def test_a_share_and_its_counts_are_one_unbreakable_unit():
    # 22 of 33 = 0,6667 -> 66,7 %; the only spaces are non-breaking ones
    sv, en = fmt_share_count(22 / 33, 22, 33, "sv"), fmt_share_count(22 / 33, 22, 33, "en")
    assert sv == f"66,7{NBSP}%{NBSP}(22/33)" and en == f"66.7%{NBSP}(22/33)"
    assert " " not in sv + en
    assert fmt_share_count(0.5, float("nan"), float("nan"), "sv") == f"50,0{NBSP}%"  # an expected share has no counts


def test_the_goal_table_keeps_timras_first_year_share_with_its_counts():
    # Timrå, project year 1: 18 of 37 ended with success (the seed report's figures): 48,6 %
    r = et.Report(PARAMS / "timra-vagen-ut.yaml", lang="sv")
    frame = goal_table_frame(r.goals, "sv")
    assert f"48,6{NBSP}%{NBSP}(18/37)" in set(frame["Utfall"])
    assert not frame["Utfall"].str.contains(r"% \(", regex=True).any()


# --- c. the glossary explains only the terms the report uses ----------------------------------------

def test_a_term_is_used_only_where_a_form_of_it_begins_a_word():
    ids = [t.id for t in glossary.used_in("Två deltagare pågår. Nettonuvärdet är positivt.", "sv")]
    assert ids == ["nettonuvarde"]  # "pågår" is not the term "Pågående"
    assert [t.id for t in glossary.used_in("två pågående deltagare", "sv")] == ["pagaende"]
    assert [t.id for t in glossary.used_in(f"95{NBSP}% KI", "sv")] == ["konfidensintervall"]
    assert [t.id for t in glossary.used_in("the 95% CI and the tax factor", "en")] == ["skattefaktor",
                                                                                         "konfidensintervall"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_report_where_no_one_is_still_enrolled_does_not_explain_ongoing(lang, monkeypatch):
    # Timrå: all 52 enrolments in participants.csv have an end date, so no one is still enrolled; the
    # evaluator's background says "pågående missbruk" (another sense of the word), which does not count
    monkeypatch.setattr(report_module, "_display", lambda *parts: None)
    r = et.Report(PARAMS / "timra-vagen-ut.yaml", lang=lang)
    assert r.project.participants["end_date"].notna().all()
    before = [t.id for t in method.terms(r)]  # asked before any section is shown: every term its kind can have
    assert "pagaende" in before
    r.summary()
    r.evaluator_section("background")
    for show in (r.facts, r.goal_section, r.participants_section, r.outcome_section, r.time_section,
                 r.budget_section, r.costbenefit_section):
        show()
    used = [t.id for t in method.terms(r)]
    assert "pagaende" not in used
    # the report does speak of successful outcomes and net present values: those stay explained
    assert {"lyckat_utfall", "nettonuvarde"} <= set(used)
    table = method.glossary_block(r)[1].frame
    assert glossary.name("pagaende", lang) not in set(table.iloc[:, 0])


# --- d. one count of an application's goals on page 1 and in the portfolio ----------------------------

def test_goals_are_counted_one_verdict_per_goal():
    count = count_goals([GoalVerdict.VOLUMES_REACH, GoalVerdict.VOLUMES_PARTLY, GoalVerdict.VOLUMES_SHORT,
                         GoalVerdict.NOT_ASSESSED])
    assert (count.judged, count.reached, count.partly, count.not_reached) == (3, 1, 1, 1)
    assert count.volumes_only
    assert not count_goals([GoalVerdict.REACHED, GoalVerdict.VOLUMES_REACH]).volumes_only


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_applications_page_one_and_portfolio_row_count_the_same_two_goals(lang):
    # params/eskilstuna-ansokan.yaml has two goals (egen_försörjning, deltagare), each over three project
    # years: two goals, not six goals and periods; 40 exits expected against 40 (restated) in every year
    r = et.Report(PARAMS / "eskilstuna-ansokan.yaml", lang=lang)
    count, restating = kind.ex_ante_counts(r.goals.table)
    assert (count.judged, count.reached, restating) == (2, 2, 1)
    both = r.msg("kind.ex_ante_goals_both")
    assert both in kind.page_one(r) and summary.goal_fulfilment(r) == [both]
    rows = goal_rows(r.project, lang, assess_goals(r.project, lang=lang).table)
    assert count_goals(row["verdict"] for row in rows) == count == count_goals(own_verdicts(r.goals.table))
    pf = sample_portfolio(("eskilstuna-ansokan",), lang)
    # both goals reached with the volumes: "båda", never "två av två"
    both = "med ansökans volymer skulle båda målen nås" if lang == "sv" else "at the volumes the application expects, both goals would be met"
    assert pf._goals_words("eskilstuna-ansokan", ex_ante=True) == both


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_structural_projects_page_one_counts_its_goals_as_its_portfolio_row_does(lang):
    # params/samverkan-i-praktiken.yaml: four goals of its own (the fifth is the evaluator's): a
    # questionnaire share of 164 of 212 against 70 % (reached, but uncertain), and the evaluator's
    # assessments delvis, uppnått and ej_bedömt: two reached and one partly of three judged
    r = et.Report(PARAMS / "samverkan-i-praktiken.yaml", lang=lang)
    said = ("Av projektets fyra egna mål är två uppnådda (men osäkert för ett av dem) och ett delvis uppnått; ett är inte bedömt." if lang == "sv"
            else "Of the four goals the project set itself, two are achieved (but uncertain for one of them) and one is partly achieved; one is not assessed.")
    assert said in kind.page_one(r)
    pf = sample_portfolio(("samverkan-i-praktiken",), lang)
    two = "två av tre bedömda mål" if lang == "sv" else "two of three"
    assert two in pf._goals_words("samverkan-i-praktiken", ex_ante=False)


@pytest.mark.parametrize(("lang", "title"), [("sv", "Nästa steg (fiktivt exempel)"), ("en", "Next Step (fictional example)")])
def test_the_portfolio_names_a_project_by_its_title_in_the_portfolios_language(lang, title):
    # params/nasta-steg.yaml: title "Nästa steg (fiktivt exempel)", title_en "Next Step (fictional example)",
    # the title its English report carries; the portfolio in English says the same
    pf = sample_portfolio(("nasta-steg",), lang)
    assert list(pf.table["title"]) == [title]
    assert set(pf.goals["title"]) == {title}
    assert pf.conclusions()[1].paragraphs[0].startswith(title)


# --- the goal chart's legend names a pro-rated target only where there is one -------------------------

def _legend(pid: str, lang: str) -> list[str]:
    import matplotlib.pyplot as plt
    from evaltools.present.plots import plot_goals
    r = et.Report(PARAMS / f"{pid}.yaml", lang=lang)
    fig = plot_goals(r.goals, lang)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)
    return labels


@pytest.mark.parametrize(("lang", "target"), [("sv", "Målvärde"), ("en", "Target")])
def test_a_goal_chart_without_a_cut_period_calls_its_mark_the_target(lang, target):
    # params/nasta-steg.yaml: 2023-01-01 – 2024-12-31, two whole project years and a share over the whole
    # period: no period cut short or running, so no target for "the time run"
    assert _legend("nasta-steg", lang)[1] == target


def test_a_goal_chart_with_a_cut_period_names_both_targets():
    # Timrå ended 2019-10-15, its year 2 cut to 8.5 months: the count goals' year-2 target is pro-rated
    assert _legend("timra-vagen-ut", "sv")[1] == "Målvärde (för en kortare period i proportion till längden)"


# --- the goal section names only the goal sources the report has --------------------------------------

@pytest.mark.parametrize(("pid", "has", "lacks"), [
    ("samverkan-i-praktiken", "(utvärderarens mål)", "slutrapport"),  # its one goal of another source: source: utvärderare
    ("timra-vagen-ut", "(slutrapportens förslag)", "utvärderare"),  # its two: source: slutrapport
])
def test_the_goal_section_names_only_the_other_sources_it_has(pid, has, lacks):
    from evaltools.present.sections import goals
    r = et.Report(PARAMS / f"{pid}.yaml", lang="sv")
    said = [p for p in goals.blocks(r)[0][0].paragraphs if "inte ansökans mål" in p]
    assert len(said) == 1 and has in said[0] and lacks not in said[0]


# --- the portfolio never says "N of N" ---------------------------------------------------------------

def _goal_words(verdicts: list[GoalVerdict], lang: str, ex_ante: bool = False) -> str:
    import pandas as pd
    pf = Portfolio.__new__(Portfolio)  # only the goal list is needed
    pf.lang = lang
    pf.goals = pd.DataFrame({"id": ["p"] * len(verdicts), "verdict": [v.value for v in verdicts]})
    return pf._goals_words("p", ex_ante=ex_ante)


@pytest.mark.parametrize(("verdicts", "ex_ante", "sv", "en"), [
    ([GoalVerdict.REACHED] * 2, False, "nådde båda de bedömda målen", "reached both assessed goals"),
    ([GoalVerdict.REACHED] * 4, False, "nådde alla fyra bedömda mål", "reached all four assessed goals"),
    ([GoalVerdict.REACHED, GoalVerdict.REACHED_UNCERTAIN, GoalVerdict.REACHED], False,
     "nådde alla tre bedömda mål (men osäkert för ett av de nådda)",
     "reached all three assessed goals (but uncertain for one of those reached)"),
    ([GoalVerdict.VOLUMES_REACH], True, "med ansökans volymer skulle det enda målet nås",
     "at the volumes the application expects, the one goal would be met"),
    ([GoalVerdict.VOLUMES_REACH] * 3, True, "med ansökans volymer skulle alla tre mål nås",
     "at the volumes the application expects, all three goals would be met"),
])
def test_all_goals_reached_reads_all_or_both_never_n_of_n(verdicts, ex_ante, sv, en):
    assert _goal_words(verdicts, "sv", ex_ante) == sv
    assert _goal_words(verdicts, "en", ex_ante) == en


# --- the goal section explains only the conventions its table uses -------------------------------------

@pytest.mark.parametrize(("pid", "brackets", "running"), [
    ("samverkan-i-praktiken", False, False),  # questionnaire and assessed goals only, over a period that ended
    ("eskilstuna-specialistteamet", True, True),  # year 3 runs (data to 2026-10-31): its target 40 reads 40 (23)
])
def test_the_goal_intro_explains_brackets_and_running_periods_only_where_the_table_has_them(pid, brackets, running):
    from evaltools.present.sections import goals
    r = et.Report(PARAMS / f"{pid}.yaml", lang="sv")
    intro = goals.blocks(r)[0][0].paragraphs[0]
    assert intro.startswith("Ansökans mätbara mål")
    assert ("inom parentes" in intro) is brackets
    assert ("En period som pågår bedöms inte" in intro) is running
    # both have a share goal; Specialistteamet's shares all run (not judged, so never "men osäkert"), Samverkan's
    # questionnaire share was judged over a period that ended
    assert ("men osäkert" in intro) is (pid == "samverkan-i-praktiken")
