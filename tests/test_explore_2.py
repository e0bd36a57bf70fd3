"""Exploring a project in a notebook as a newcomer does, by the README and the docstrings: an
argument written wrong says what was wrong and what to write, and a result says what it is."""
from __future__ import annotations

import pytest

import evaltools as et


@pytest.fixture
def tiny(tiny_project):
    return et.load_project(tiny_project())


# --- breakdown variables: one name is one variable, an unknown one is named with what to write ----
@pytest.mark.parametrize("call, where, name", [
    (lambda p: et.outcome_rates(p, by=("kön",)), "outcome_rates", "by"),
    (lambda p: et.composition(p, by=("kön",)), "composition", "by"),
    (lambda p: et.success_model(p, covariates=("kön",)), "success_model", "covariates"),
    (lambda p: et.time_to_exit(p, by="kön"), "time_to_exit", "by"),
])
def test_a_breakdown_the_participants_lack_is_named_with_the_variables_to_write(tiny, call, where, name):
    """These raised a bare KeyError('kön') from inside pandas."""
    with pytest.raises(et.ParamsError) as err:
        call(tiny)
    text = err.value.message("sv")
    assert text.startswith(f"{where}:")
    line = text.splitlines()[1]
    assert line.startswith(f"  - {name}: står 'kön'; förväntat ett av: ")
    assert "sex" in line and "age_group" in line and "household_type" in line


def test_a_misspelt_breakdown_gets_the_nearest_column(tiny):
    with pytest.raises(et.ParamsError) as err:
        et.outcome_rates(tiny, by=("sex", "age_grop"))
    lines = err.value.message("en").splitlines()[1:]
    assert len(lines) == 1  # "sex" is a column: only the misspelt one is named
    assert lines[0].startswith("  - by: got 'age_grop'; did you mean 'age_group'?")


def test_one_breakdown_may_be_written_as_a_name(tiny):
    """by="sex" was read letter by letter and raised KeyError('s')."""
    raw = et.outcome_rates(tiny, by="sex").raw
    # ended in the tiny project: P1 (kvinna), P2 and P4 (man); P3 is still enrolled
    assert set(raw["variable"]) == {"sex"}
    assert dict(zip(raw["category"], raw["n"])) == {"kvinna": 1, "man": 2}
    comp = et.composition(tiny, by="sex").raw
    # enrolled: P1, P3 (kvinna), P2, P4 (man)
    assert dict(zip(comp["category"], comp["n"])) == {"kvinna": 2, "man": 2}


# --- flows per quarter say quarter ------------------------------------------------------------------
def test_flows_per_quarter_are_titled_and_headed_as_quarters(tiny):
    """et.flows(project, freq="Q") showed quarters under the title 'per månad' and the heading 'Månad'."""
    q = et.flows(tiny, freq="Q")
    # starts 2022-02-01, 2022-03-15 (Q1), 2022-06-01 (Q2), 2023-01-10 (2023Q1);
    # ends 2022-08-01 (Q3), 2022-12-01 (Q4), 2023-05-01 (2023Q2)
    assert q.raw["month"].tolist() == ["2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1", "2023Q2"]
    assert q.raw["intake"].tolist() == [2, 1, 0, 0, 1, 0]
    assert q.raw["exits"].tolist() == [0, 0, 1, 1, 0, 1]
    html = q._repr_html_()
    assert "Påbörjade och avslutade per kvartal" in html and "per månad" not in html
    assert list(q.display("sv").columns)[0] == "Kvartal"
    assert list(q.display("en").columns)[0] == "Quarter"
    m = et.flows(tiny)
    assert list(m.display("sv").columns)[0] == "Månad" and "per månad" in m._repr_html_()


def test_an_unknown_frequency_names_the_two(tiny):
    with pytest.raises(et.ParamsError) as err:
        et.flows(tiny, freq="vecka")
    assert err.value.message("sv").splitlines()[1] == "  - freq: står 'vecka'; förväntat ett av: M, Q"


# --- errors about the project and its goals in the reader's language --------------------------------
def test_a_project_id_not_in_the_params_folder_is_worded_in_swedish_and_in_english(tiny_project, monkeypatch):
    """The message was English inside a Swedish error ('1 problem i projektparametrarna: no project ...')."""
    path = tiny_project()
    (path.parent / "params").mkdir()
    (path.parent / "params" / "tiny.yaml").write_text(path.read_text(encoding="utf-8").replace("data/", "../data/"),
                                                      encoding="utf-8")
    monkeypatch.setenv("EVALTOOLS_ROOT", str(path.parent))
    with pytest.raises(et.ParamsError) as err:
        et.load_project("tinny")
    folder = path.parent / "params"
    assert err.value.message("sv").splitlines()[1] == (
        f"  - inget projekt 'tinny' i {folder} (projekt där: tiny); skriv ett projekt-id eller sökvägen till en "
        "parameterfil")
    assert err.value.message("en").splitlines()[1] == (
        f"  - no project 'tinny' in {folder} (projects there: tiny); give a project id or the path to a params file")


def test_a_goal_id_that_does_not_exist_is_worded_in_swedish_and_in_english(tiny_project):
    project = et.load_project(tiny_project("""\
        goals:
          - {id: deltagare, kind: participant_count, label: Minst 2 deltagare per år, target: 2, period: project_year}
        """))
    with pytest.raises(et.ParamsError) as err:
        project.with_params(goals={"deltagre": {"target": 3}, "deltagare": 3})
    assert err.value.message("sv").splitlines()[1:] == [
        "  - goals.deltagre: inget mål med detta id (målen: deltagare)",
        "  - goals.deltagare: förväntat nycklarna som ska ändras, till exempel {'target': 50}; står 3"]
    assert err.value.message("en").splitlines()[1:] == [
        "  - goals.deltagre: no goal with this id (goals: deltagare)",
        "  - goals.deltagare: expected the keys to change, such as {'target': 50}, got 3"]
    with pytest.raises(et.ParamsError) as err:
        project.with_params(data={"participants": "x.csv"})
    assert err.value.message("sv").splitlines()[1] == (
        "  - data: kan inte ändras för utforskning; läs in en annan parameterfil i stället")


# --- the what-if functions' choices: named with the nearest one, in the project's language ----------
@pytest.fixture(scope="module")
def demo_cba():
    project = et.load_project("kompassen-demo")
    return project, et.cost_benefit(project, monte_carlo=False)


def test_a_misspelt_perspective_is_named_with_the_nearest_one(demo_cba):
    """It was an English ValueError ('perspective must be one of ...') in a Swedish notebook."""
    _, cba = demo_cba
    for call, where in ((lambda: et.whatif.key_figures(cba, perspective="kommunen"), "key_figures"),
                        (lambda: et.whatif.tornado_data(cba, "kommunen"), "tornado_data")):
        with pytest.raises(et.ParamsError) as err:
            call()
        head, line = err.value.message("sv").splitlines()
        assert head.startswith(f"{where}:")
        assert line.startswith("  - perspective: står 'kommunen'; menade du 'kommun'? (förväntat ett av: kommun, ")
    assert et.whatif.key_figures(cba, perspective="kommun").iloc[0, 0].startswith("Nettonuvärde för kommunen")


def test_a_misspelt_assumption_or_cost_basis_is_named_with_the_nearest_one(demo_cba):
    """evaluate(deadwight=...) raised an English TypeError; cost_basis='budgett' an English ValueError."""
    project, _ = demo_cba
    with pytest.raises(et.ParamsError) as err:
        et.whatif.evaluate(project, deadwight=0.5)
    assert err.value.message("sv").splitlines()[1] == (
        "  - assumption: står 'deadwight'; menade du 'deadweight'? (förväntat ett av: monthly_level, horizon_years, "
        "dropoff_per_year, deadweight, discount_rate)")
    with pytest.raises(et.ParamsError) as err:
        et.whatif.grid(project, "deadweight", (0.25, 0.5), "horizon", (3, 5))
    assert err.value.message("en").splitlines()[1].startswith("  - columns: got 'horizon'; did you mean 'horizon_years'?")
    with pytest.raises(et.ParamsError) as err:
        et.costs(project, cost_basis="budgett")
    assert err.value.message("sv").splitlines()[1] == (
        "  - cost_basis: står 'budgett'; menade du 'budget'? (förväntat ett av: actual_else_budget, budget)")


def test_setup_notebook_shows_a_table_of_text_whole(demo_cba):
    """key_figures' cells were cut at pandas' 50 characters: 'Nettonuvärde för de offentliga finansiärerna (...'."""
    import pandas as pd

    _, cba = demo_cba
    kf = et.whatif.key_figures(cba, perspective="samhälle")
    label = kf.iloc[1, 0]
    assert label == "Nettonuvärde för de offentliga finansiärerna (2023 års priser)"  # 62 characters, the demo in 2023 prices
    with pd.option_context("display.max_colwidth", 50):  # pandas' default; restored after the test
        assert label not in kf._repr_html_()
        et.setup_notebook()
        assert label in kf._repr_html_()


# --- outcome codes chosen for exploration ------------------------------------------------------------
def test_a_misspelt_outcome_code_is_refused_not_counted_as_no_one(tiny):
    """success_outcomes=("arbte",) counted 0 successes and the headline still said 'enligt projektets huvudmål'."""
    with pytest.raises(et.ParamsError) as err:
        et.outcome_rates(tiny, success_outcomes=("arbte", "studier"))
    lines = err.value.message("sv").splitlines()[1:]
    assert len(lines) == 1 and lines[0].startswith("  - success_outcomes: står 'arbte'; menade du 'arbete'?")


def test_outcomes_chosen_are_not_called_the_main_goals(tiny):
    r = et.outcome_rates(tiny, by="sex", success_outcomes="arbete")
    # ended: P1 kvinna (arbete), P2 man (kvar_försörjningsstöd), P4 man (sjuk_aktivitetsersättning)
    assert dict(zip(r.raw["category"], zip(r.raw["n"], r.raw["successes"]))) == {"kvinna": (1, 1), "man": (2, 0)}
    # 1 of 3 = 33,3 %
    assert r.headline("sv").replace("\xa0", " ") == "Av 3 avslutade hade 1 (33,3 %) ett av de valda utfallen."
    assert r.headline("en").replace("\xa0", " ") == "Of 3 who ended, 1 (33.3%) had one of the outcomes chosen."
    assert "huvudmål" in et.outcome_rates(tiny, by="sex").headline("sv")
