"""Twenty-fifth sweep of projects unlike the samples: a project whose participants had no försörjningsstöd (sickness
benefit, activity compensation) values no benefit, and its method appendix now says only what the report uses: the
costs and whose they are, not the deadweight, the simulation, the break-even or the monthly level of
försörjningsstöd, and its intro does not promise the simulation's settings. Where exactly one participant had
försörjningsstöd and left it, page 1 does not give that exit away beside the goal's count of those who moved on.
Each fixture is a tiny project written in tmp_path (the helper of the twenty-fourth sweep); expected words by hand."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary
from evaltools.present.sections import appendix, method
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections.costbenefit import benefit_unvalued, no_fs_at_start
from .test_unseen_projects_24 import SP, _bron, _worth

# the rules' opening words, as the locale files give them, that the no-FS project has none of
LEFT_OUT = {"sv": ("Det som hade hänt ändå", "Osäkerhet", "Brytpunkt", "Beräknad besparing", "Diskontering",
                   "Överföringar", "Avtagande effekt"),
            "en": ("What would have happened anyway", "Uncertainty", "Break-even", "Calculated saving", "Discounting",
                   "Transfers", "Drop-off")}


@pytest.mark.parametrize("lang, costs, ledger, only_cost, intro_sim", [
    ("sv", "Kostnader:", "Vems pengar", "Här finns inget avslut från försörjningsstöd att värdera",
     "simuleringens inställningar"),
    ("en", "Costs:", "Whose money", "Here there is no exit from social assistance to value", "the simulation"),
])
def test_the_appendix_of_a_project_without_forsorjningsstod_says_only_what_the_report_uses(tmp_path, lang, costs,
                                                                                          ledger, only_cost, intro_sim):
    r = et.Report(_bron(tmp_path), lang=lang)
    cb = [p for p in method.paragraphs(r) if p.startswith((costs, ledger, *LEFT_OUT[lang]))]
    # the costs and whose they are, nothing more: two paragraphs, the second saying the cost is the only flow
    assert [p.split(" ")[0] for p in cb] == [costs.split(" ")[0], ledger.split(" ")[0]]
    assert only_cost in cb[1]
    assert not any(x in p for p in method.paragraphs(r) for x in ("Tidshorisonten är", "The horizon is"))
    assert appendix.simulation(r) == []
    assert intro_sim not in appendix.heading_html(r)
    # one participant on försörjningsstöd who went to work: a valued benefit and the full rules; being one exit, its
    # benefit is given as the range over 1 to 4 exits, without a simulation, which would give the count back
    # (tests/test_small_counts_22.py), and the intro does not promise one
    mixed = et.Report(_bron(tmp_path / "fs", first_support="försörjningsstöd"), lang=lang)
    rules = method.paragraphs(mixed)
    for opening in LEFT_OUT[lang][:4]:
        assert any(p.startswith(opening) for p in rules), opening
    assert mixed.cba.summary.exit_range is not None
    assert intro_sim not in appendix.heading_html(mixed)
    assert appendix.simulation(mixed) == []


@pytest.mark.parametrize("lang, break_even, in_persons", [
    ("sv", "Brytpunkt", "Brytpunkten i personer"), ("en", "Break-even", "The break-even in persons")])
def test_where_one_had_forsorjningsstod_but_nobody_left_it_the_appendix_keeps_the_person_years(tmp_path, lang,
                                                                                              break_even, in_persons):
    # B01 had försörjningsstöd but stayed job seeking; the others moved on from sjukpenning: no exit is valued, yet
    # the person-years without försörjningsstöd that would carry the cost are given, so their rule stays; not the
    # break-even in persons, the deadweight or the simulation
    rows = [(SP, "arbetssökande")] + [(SP, "arbete")] * 5
    r = et.Report(_bron(tmp_path, first_support="försörjningsstöd", rows=rows), lang=lang)
    assert benefit_unvalued(r.cba.summary) and not no_fs_at_start(r.cba.summary)
    paragraphs = method.paragraphs(r)
    requirement = [p for p in paragraphs if p.startswith(break_even)]
    assert len(requirement) == 1 and in_persons not in requirement[0]
    assert not any(p.startswith(LEFT_OUT[lang][:2]) for p in paragraphs)
    assert appendix.simulation(r) == []


@pytest.mark.parametrize("lang, some, count_said, few, most", [
    ("sv", "En del av de avslutade som gick vidare hade en annan försörjning än försörjningsstöd vid start",
     "5 av de avslutade som gick vidare", "de få som lämnade", "De flesta som gick vidare"),
    ("en", "Some of the participants who ended and moved on had support other than social assistance at start",
     "5 of the participants who ended and moved on", "the few who left", "Most of those who moved on"),
])
def test_one_exit_from_forsorjningsstod_is_not_given_back_by_page_one(tmp_path, lang, some, count_said, few, most):
    # B01 had försörjningsstöd and went to work; B02–B04 (sjukpenning) and B07, B08 (activity compensation) moved on
    # from another support: 5. The goal counts everyone who moved on, 1 + 5 = 6 of 10, so "5 from another support"
    # would give the one exit from försörjningsstöd (6 − 5 = 1) that the key figures hide as '..' (a count 1–4)
    r = et.Report(_bron(tmp_path, first_support="försörjningsstöd"), lang=lang)
    assert r.cba.summary.successes == 1
    assert r.disclosure.hides(Secondary.EXITS)
    worth = _worth(r)
    assert some in worth
    assert count_said not in worth and few not in worth and most not in worth
    # the key figures' row of those who left försörjningsstöd: hidden
    table = cb_section.key_figures(r).frame
    exits = [v for k, v in zip(table.iloc[:, 0], table.iloc[:, 1])
             if k.startswith(("Personer som lämnat försörjningsstödet", "Persons who left social assistance"))]
    assert exits == [".."]
    # five who left försörjningsstöd and five who moved on from sjukpenning (neither count 1–4, nor 10 − 5): both
    # are given, and the sentence keeps its count
    rows = [("försörjningsstöd", "arbete")] * 5 + [(SP, "arbete")] * 5
    shown = et.Report(_bron(tmp_path / "five", first_support="försörjningsstöd", rows=rows), lang=lang)
    assert shown.cba.summary.successes == 5 and not shown.disclosure.hides(Secondary.EXITS)
    assert count_said in _worth(shown)
