"""A board reads every page as the body that decides on the money: the evaluator's text agrees with the goal
table goal by goal, a förbund of several municipalities pays as "kommunerna", a group's goal names its group
once, and a verdict judged on one period that the report does not show says so."""
from __future__ import annotations

from evaltools.analysis.goals import GoalVerdict
from evaltools.present.narrative import check, goal_claims, parse

V = GoalVerdict
GOALS = {"egen_försörjning": ("Minst 40 % av de avslutade går till arbete", V.REACHED_UNCERTAIN),
         "deltagare": ("Minst 60 deltagare per år", V.NOT_REACHED)}


def _claims(text: str, lang: str = "sv", goals=GOALS):
    return goal_claims(parse("## Sammanfattande bedömning\n\n" + text, lang=lang), goals)


# --- (1) one goal's verdict in the evaluator's text against the goal table's -------------------------------
def test_reached_in_part_beside_reached_but_uncertain_is_caught():
    notes = _claims("Målet om egen försörjning nåddes delvis.")
    assert [(n.kind, n.goal, n.found) for n in notes] == [("goal", "egen_försörjning", "nåddes delvis")]
    assert notes[0].contradiction


def test_reached_in_part_in_english_by_citation():
    notes = _claims("The share goal ({{ mal_egen_forsorjning_ar1 }}) was reached in part.", "en")
    assert [(n.goal, n.found) for n in notes] == [("egen_försörjning", "reached in part")]


def test_reached_beside_not_reached_is_caught_and_negated_is_not():
    assert [n.goal for n in _claims("Målet Minst 60 deltagare per år uppnåddes.")] == ["deltagare"]
    assert _claims("Målet Minst 60 deltagare per år uppnåddes inte.") == []


def test_the_nearest_goal_is_the_one_the_claim_is_about():
    # the participant goal was not reached (as the table says); the share goal was reached with uncertainty
    text = ("Målet om deltagare nåddes inte, men målet om egen försörjning nåddes, om än inom felmarginalen.")
    assert _claims(text) == []
    # plain "reached" beside a share whose interval spans its target claims more than the table
    assert [n.goal for n in _claims("Målet om egen försörjning uppnåddes.")] == ["egen_försörjning"]


def test_a_sentence_naming_no_goal_is_no_claim_about_one():
    assert _claims("Samverkan med vården nåddes delvis.") == []


def test_agreeing_text_has_no_note():
    goals = {"deltagare": ("Minst 60 deltagare per år", V.PARTLY)}
    assert _claims("Målet om antal deltagare nåddes ett av tre år.", goals=goals) == []
    assert _claims("Målet om antal deltagare nåddes delvis.", goals=goals) == []
    assert [n.found for n in _claims("Målet om antal deltagare uppnåddes.", goals=goals)] == ["uppnåddes"]


def test_check_puts_goal_notes_among_the_contradictions():
    n = parse("## Sammanfattande bedömning\n\nMålet om egen försörjning nåddes delvis.\n")
    notes = check(n, {}, GOALS)
    assert [x.kind for x in notes] == ["goal"] and notes[0].line == 3


def test_the_goal_note_names_the_goal_and_the_tables_verdict_in_words():
    from types import SimpleNamespace

    import pandas as pd

    from evaltools.present.narrative import TextNote
    from evaltools.present.sections.evaluator import note_text
    from evaltools.words.text import msg

    tab = pd.DataFrame({"goal_id": ["egen_försörjning"], "label": ["Minst 40 % av de avslutade går till arbete"],
                        "verdict": ["uppnått_osäkert"], "source": ["ansökan"]})
    for lang, words in (("sv", "uppnått, men osäkert"), ("en", "achieved, but uncertain")):
        r = SimpleNamespace(lang=lang, msg=lambda key, **kw: msg(key, lang, **kw), figures={},
                            goals=SimpleNamespace(table=tab))
        said = note_text(r, TextNote("goal", None, 3, "nåddes delvis", goal="egen_försörjning")).replace("\xa0", " ")
        assert "Minst 40 % av de avslutade går till arbete" in said and "nåddes delvis" in said
        assert said.rstrip(".").endswith(words) or words + "." in said, said
        assert "{" not in said


# --- (2) a förbund of several municipalities pays as "kommunerna" ------------------------------------------
def _r(owner: str, partners: tuple[str, ...], lang: str = "sv"):
    from types import SimpleNamespace

    from evaltools.words.text import msg
    return SimpleNamespace(lang=lang, msg=lambda key, **kw: msg(key, lang, **kw),
                           params=SimpleNamespace(owner=owner, partners=partners))


def _costs(*categories: str):
    import pandas as pd
    return pd.DataFrame({"category": [*categories, "Processledare"], "funder": ["kommun"] * len(categories) + ["förbund"],
                         "used": [100_000.0] * len(categories) + [500_000.0],
                         "budget": [100_000.0] * len(categories) + [500_000.0]})


def test_three_member_municipalities_in_params_pay_as_the_municipalities_together():
    from evaltools.present.sections.budget import funder_label, named_municipalities
    from evaltools.present.sections.summary import funders_sentence

    r = _r("Samordningsförbundet Tre Kommuner", ("Härnösands kommun", "Timrå kommun", "Sundsvalls kommun",
                                                "Region Västernorrland"))
    assert named_municipalities(r.params) == 3
    costs = _costs("Handläggare, arbetstid")
    assert funder_label(r, "kommun", costs) == "Kommunernas medfinansiering"
    said = " ".join(funders_sentence(r, costs))
    assert "kommunernas medfinansiering" in said and "kommunens" not in said
    en = _r(r.params.owner, r.params.partners, "en")
    assert "Municipality's" not in funder_label(en, "kommun", costs)


def test_one_municipality_named_twice_is_one():
    from evaltools.present.sections.budget import funder_label, named_municipalities

    r = _r("Timrå kommun, Individ- och familjeomsorgen", ("Arbetsförmedlingen", "Arbetsmarknadsenheten Timrå kommun"))
    assert named_municipalities(r.params) == 1
    assert funder_label(r, "kommun", _costs("Handläggare, arbetstid")) == "Kommunens medfinansiering"


def test_a_line_naming_one_municipality_is_that_municipalitys():
    from evaltools.present.sections.budget import funder_label

    r = _r("Samordningsförbundet", ("Härnösands kommun", "Timrå kommun", "Sundsvalls kommun"))
    # the budget names the one municipality that co-finances: its co-financing, not the three's
    assert funder_label(r, "kommun", _costs("Personal, Timrå kommun")) == "Kommunens medfinansiering"


# --- (3) a goal set for a group names its group once ------------------------------------------------------
def _group_report(labels: dict[str, str], groups: dict[str, str]):
    from types import SimpleNamespace

    import pandas as pd

    from evaltools.words.text import msg

    def among(value):
        return SimpleNamespace(parts=lambda: [("municipality", value)])
    goals = [SimpleNamespace(id=gid, among=among(groups[gid])) for gid in labels]
    tab = pd.DataFrame({"goal_id": list(labels), "label": list(labels.values())})
    return SimpleNamespace(lang="sv", msg=lambda key, **kw: msg(key, "sv", **kw), params=SimpleNamespace(goals=goals),
                           goals=SimpleNamespace(table=tab))


def test_a_label_that_names_its_municipality_is_not_followed_by_it_again():
    from evaltools.present.sections.goals import group_notes

    r = _group_report({"norr": "Minst 20 deltagare per år (Norrby)", "syd": "Minst 10 deltagare per år"},
                      {"norr": "Norrby", "syd": "Sörby"})
    (note,) = group_notes(r)
    assert note.count("Norrby") == 1, note
    # a label that does not name its group still has it beside it
    assert "Minst 10 deltagare per år (från Sörby)" in note


# --- (4) a verdict on one period whose figure is withheld says so ------------------------------------------
def _two_years(suppression_ar1: str, value_ar1: float):
    import pandas as pd
    # år 1: 12 persons against a target of 10, reached; its figure withheld (secondary suppression) or shown;
    # år 2: too few to judge (hidden as small, not assessed)
    return pd.DataFrame({"goal_id": ["deltagare"] * 2, "kind": ["participant_count"] * 2,
                         "label": ["Minst 10 deltagare per år"] * 2, "period_key": ["år1", "år2"],
                         "mode": ["observed"] * 2, "status": ["uppnått", "ej_bedömt"], "note": ["", ""],
                         "suppression": [suppression_ar1, "small"], "value": [value_ar1, float("nan")],
                         "verdict": ["uppnått", "uppnått"], "verdict_so_far": [False, False]})


def test_a_verdict_on_a_year_whose_figure_is_withheld_says_the_figure_is_not_shown():
    from types import SimpleNamespace

    from evaltools.present.sections.goals import one_period_verdict, sole_period_hidden
    from evaltools.words.text import msg

    hidden, shown = _two_years("secondary", float("nan")), _two_years("", 12.0)
    assert sole_period_hidden(hidden) and not sole_period_hidden(shown)
    for lang, plain, honest in (("sv", "uppnått, bedömt enbart på år 1", "inte redovisas"),
                                ("en", "judged on year 1 alone", "not shown")):
        r = SimpleNamespace(lang=lang, msg=lambda key, **kw: msg(key, lang, **kw))
        said_hidden = one_period_verdict(r, hidden, "uppnått", "år1")
        said_shown = one_period_verdict(r, shown, "uppnått", "år1")
        assert honest in said_hidden and honest not in said_shown
        assert plain in said_shown.replace("\xa0", " ")


def test_the_portfolio_says_the_same_of_a_withheld_year():
    from types import SimpleNamespace

    from evaltools.analysis.goals import GoalVerdict
    from evaltools.present.portfolio import Portfolio
    from evaltools.words.text import msg

    me = SimpleNamespace(lang="sv", msg=lambda key, **kw: msg(key, "sv", **kw))
    said = Portfolio._verdict(me, GoalVerdict.REACHED, False, "år1", True)
    assert said == "Uppnått (bedömt enbart på år 1, vars siffra inte redovisas)"
    assert Portfolio._verdict(me, GoalVerdict.REACHED, False, "år1", False) == "Uppnått (bedömt enbart på år 1)"


# --- the samples' English reports show the evaluator's words in English --------------------------------------
def test_each_samples_swedish_evaluator_text_has_an_english_one_with_the_same_parts_and_figures():
    from pathlib import Path

    from evaltools.present.narrative import read

    text = Path(__file__).resolve().parent.parent / "params" / "text"
    for pid in ("eskilstuna-specialistteamet", "eskilstuna-ansokan"):
        sv, en = read(text / f"{pid}.sv.md", "sv"), read(text / f"{pid}.en.md", "en")
        assert list(en.parts) == list(sv.parts)
        assert sorted(n for _, n in en.citations()) == sorted(n for _, n in sv.citations())
        # (no Swedish words left in the English: the report would otherwise show them under an English heading)
        words = " ".join(en.parts.values()).split()
        assert not {"och", "att", "är", "för", "som"} & set(words)


def test_the_budget_table_names_the_member_municipalities_co_financing_in_the_plural(tiny_project):
    import evaltools as et
    from evaltools.present.sections import budget as budget_section

    from .conftest import write_csv

    write_csv(tiny_project.dir / "data" / "budget.csv", [
        {"period": "2022", "category": "Processledare", "budget": 500000, "actual": 480000, "funder": "förbund"},
        {"period": "2022", "category": "Handläggare, arbetstid", "budget": 150000, "actual": 150000, "funder": "kommun"},
    ])
    params = tiny_project("partners: [Härnösands kommun, Timrå kommun, Sundsvalls kommun]\n")
    r = et.Report(et.load_project(params), lang="sv")
    [[_, table, *_]] = budget_section.blocks(r)
    f = table.frame
    funder = f[r.msg("budget.funder")].tolist()
    # the line of the three municipalities, and their part of the total: theirs together, never one municipality's
    assert "Kommunernas medfinansiering" in funder and "Kommunens medfinansiering" not in funder
    said = " ".join(" ".join(map(str, row)) for row in f.itertuples(index=False))
    assert "varav kommunernas medfinansiering" in said and "kommunens medfinansiering" not in said
