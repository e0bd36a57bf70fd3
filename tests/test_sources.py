"""Where every assumption comes from, and only what applies.

Every assumption's source says whose it is: the toolkit's default with its general source, or the
evaluator's choice; never a file of the tool, never one project's application for another project's
level. A structural project lists only the assumptions its figures rest on; a column, a sheet or an
instruction to the evaluator that says nothing to the board is left out of the report. Expectations
come from the samples' params (which set a horizon, a drop-off or a level of their own) and from the
structural project's requirement, cost / (12 × level), not from the code's output.
"""
from __future__ import annotations

import functools
import subprocess
import sys

import pytest

import evaltools as et
from evaltools.present.sections import costbenefit, quality
from evaltools.words.labels import note_text
from tests.conftest import PARAMS, sample_report, shown_chunks


@functools.cache  # (one calculation per sample for every test and language here: read, never changed)
def _cba(pid: str):
    return et.cost_benefit(et.load_project(PARAMS / f"{pid}.yaml"), monte_carlo=False, effect=False)


def _sources(pid: str, lang: str) -> dict[str, str]:
    a = _cba(pid).assumptions
    return {n: note_text(s, lang) for n, s in zip(a["name"], a["source"])}


# samples whose params give no monthly level of their own: valued at riksnorm plus housing
NO_LEVEL_OF_THEIR_OWN = ["timra-vagen-ut", "nasta-steg", "samverkan-i-praktiken"]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("pid", NO_LEVEL_OF_THEIR_OWN)
def test_the_default_monthly_level_cites_a_general_source_never_an_application(pid, lang):
    source = _sources(pid, lang)["monthly_level"]
    # the authority by name (in English by its English name), or, where the toolkit estimates a year's norm, the
    # official amount it lacks
    general = ("Socialstyrelsen",) if lang == "sv" else ("the National Board of Health and Welfare (Socialstyrelsen)",
                                                         "the toolkit lacks the official amount for the year")
    assert any(g in source for g in general), source
    assert not any(w in source.lower() for w in ("ansökan", "application", "eskilstuna", "8 900", "8\u00a0900")), source


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_riksnorm_year_and_the_housing_cost_year_are_told_apart(lang):
    # Timrå: the price year is 2019, the housing estimate is in 2023 prices: the source says both years
    # and that the housing cost was converted to the price year's prices
    source = _sources("timra-vagen-ut", lang)["monthly_level"]
    assert "2019" in source and "2023" in source
    assert ("omräknat till 2019" in source) if lang == "sv" else ("converted to 2019 prices" in source)
    assert "+" not in source and "(2023)" not in source


@pytest.mark.parametrize("pid", ["timra-vagen-ut", "nasta-steg", "kompassen-demo", "eskilstuna-ansokan"])
def test_a_source_is_the_toolkits_default_or_the_evaluators_choice_never_the_params_file(pid):
    for lang, default, chosen, tool in (("sv", "verktygets standardvärde", "utvärderarens val", "parameterfil"),
                                        ("en", "the toolkit's default", "the evaluator's choice", "params file")):
        sources = _sources(pid, lang)
        assert not any(tool in s for s in sources.values()), sources
        params = et.load_project(PARAMS / f"{pid}.yaml").params.cost_benefit
        # the shipped defaults are 3 years and 20 % a year (defaults.csv); a sample setting 1 year chose it
        expected = default if params.horizon_years == 3 else chosen
        assert sources["horizon_years"].startswith(expected), (pid, sources["horizon_years"])
        expected = default if params.dropoff_per_year == 0.2 else chosen
        if "observ" not in sources["dropoff_per_year"]:
            assert sources["dropoff_per_year"].startswith(expected), (pid, sources["dropoff_per_year"])


@pytest.fixture(scope="module")
def structural():
    return sample_report("samverkan-i-praktiken")


def test_a_structural_project_lists_only_the_assumptions_its_figures_rest_on(structural):
    # its requirement is cost / (12 × level), both in the price year's prices, and its cost per actor is a
    # present value (society's with the skattefaktor): level, price year, discount rate and skattefaktor;
    # never horizon, drop-off or deadweight, and no word of exits moving between the actors
    names = list(costbenefit.applicable_assumptions(structural.cba)["name"])
    assert sorted(names) == ["discount_rate", "monthly_level", "price_year", "skattefaktor"]
    shown = " ".join(shown_chunks(costbenefit.blocks(structural)))
    for absent in ("Tidshorisont", "Avtagande effekt", "Dödvikt", "jämförelsegrupp", "studiestödet"):
        assert absent not in shown, absent
    tables = structural.key_tables()
    assert sorted(tables["antaganden"]["name"]) == sorted(names)
    assert "kanslighet" not in tables, "no empty sensitivity sheet"


def test_a_participant_project_keeps_every_assumption_and_its_sensitivity():
    r = sample_report("timra-vagen-ut")
    names = set(costbenefit.applicable_assumptions(r.cba)["name"])
    assert {"horizon_years", "dropoff_per_year", "deadweight", "skattefaktor"} <= names
    assert len(r.key_tables()["kanslighet"]) > 0


def test_no_empty_comment_column_in_the_actor_table(structural):
    # a structural project's actors carry no comment (no earnings and no benefit to qualify)
    frame = costbenefit.perspective_table(structural).frame
    assert "Kommentar" not in frame.columns
    # society's row in a participant project says what it leaves out: the column stays
    r = sample_report("timra-vagen-ut")
    assert "Kommentar" in costbenefit.perspective_table(r).frame.columns


def test_the_appendix_gives_no_instruction_to_the_evaluator_and_no_file_coordinates():
    from evaltools.present.sections import facts
    r = sample_report("timra-vagen-ut")
    shown = " ".join([*shown_chunks(quality.blocks(r)), *facts.kind_note(r)])
    # Timrå's budget.csv row 7 has no amounts: the board reads which line and what it means, not where it is
    assert "Resekostnader: Budgetraden saknar både budget och utfall" in shown
    assert "budget.csv" not in shown and "category" not in shown and "Rad" not in shown
    assert "kind:" not in shown and "Skriv" not in shown and "parameterfilen" not in shown


def test_the_appendix_says_how_an_unstated_kind_was_decided(tiny_project):
    from evaltools.present.sections import facts
    r = et.Report(et.load_project(tiny_project()))  # its params do not state the kind
    shown = " ".join(facts.kind_note(r))
    assert "det finns deltagardata" in shown and "kind:" not in shown


def test_validate_tells_the_evaluator_how_to_state_the_kind(tiny_project):
    out = subprocess.run([sys.executable, "-m", "evaltools", "validate", str(tiny_project())],
                         capture_output=True, text=True, timeout=300)
    assert "skriv kind: individ, struktur eller ansökan" in out.stdout, out.stdout


def test_enrolments_after_the_last_intake_are_one_note_without_a_to_do():
    # Nästa steg's params end the intake on 2024-10-31 and two of its participants start later; its data are
    # taken on its last day with six enrolments still open, which have a note of their own (asking for a check)
    r = sample_report("nasta-steg")
    notes = list(quality.report_table(r).iloc[:, 0])
    # (two persons: a count under the small-count rule, said as "färre än 5")
    assert notes[1:] == ["Färre än 5 deltagare skrevs in efter sista intagsdatum 2024-10-31; de räknas med."]
    assert notes[0].startswith("Projektet slutade 2024-12-31, men 6 deltagare saknar slutdatum.")


def test_the_workbooks_key_figures_hold_only_what_applies(structural):
    # a structural project: its cost, level and requirement; no participants, benefit, NPV or deadweight
    keys = set(structural.key_tables()["kostnad_nytta"].columns)
    assert {"total_cost_nominal", "monthly_level", "break_even_person_years"} <= keys
    assert not keys & {"participants", "ended", "npv", "bcr", "deadweight", "switching_deadweight",
                       "break_even_person_years_application", "has_comparison"}
    # Timrå states no monthly level of its own: no row for the person-years "in the application's own terms"
    timra = sample_report("timra-vagen-ut").key_tables()["kostnad_nytta"]
    assert "break_even_person_years_application" not in timra.columns and "npv" in timra.columns


def test_render_lists_how_to_state_an_inferred_kind(capsys, tiny_project):
    # the tiny project's params do not state the kind; the structural sample's do (kind: struktur)
    from evaltools.publish import cli
    tiny = tiny_project()
    cli._kind_hints([tiny, PARAMS / "samverkan-i-praktiken.yaml"], "sv")
    out = capsys.readouterr().out
    assert f"{et.load_params(tiny).id}: anmärkning: projektslaget anges inte" in out and "samverkan" not in out


@pytest.mark.parametrize("pid, lang, says", [
    # the housing estimate of 4 300 kr a month in 2023 prices by the CPI (1980 = 100; SCB's annual means, the 2025
    # figure the reference data's estimate): 2019 334,26, 2023 403,7, 2025 418,47
    ("timra-vagen-ut", "sv", "4 300 kr i 2023 års priser, omräknat till 2019 års 3 560 kr"),  # 4 300 × 334,26 / 403,7 = 3 560,3
    ("samverkan-i-praktiken", "sv", "omräknat till 2025 års 4 457 kr"),  # 4 300 × 418,47 / 403,7 = 4 457,3
    ("samverkan-i-praktiken", "en", "SEK 4,457 converted to 2025 prices"),
])
def test_the_housing_cost_is_also_given_in_the_price_years_prices(pid, lang, says):
    # page 1 gives the monthly level with this source: the level is in the price year's prices, and the housing in
    # its own year's alone left the reader unable to see the level's two parts
    assert says in _sources(pid, lang)["monthly_level"].replace("\u00a0", " ")
