"""An evaluator's afternoon in a notebook: a changed setting is said in words wherever it is shown, the
workbook of tables is exported from the project itself, and the what-if tornado chart is the report's."""
from __future__ import annotations

import base64
import html
import io
import re
import sys
from html import unescape

import numpy as np
import pandas as pd
import pytest

import evaltools as et

from .conftest import sample_project, sample_report


@pytest.fixture
def tiny(tiny_project):
    return et.load_project(tiny_project())


def _visible(shown_html: str) -> str:
    """What a reader sees of a display: its text without tags or styles, spaces as spaces."""
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", shown_html, flags=re.S)))
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " "))


# --- a changed setting is said in words ----------------------------------------------------------------
def test_a_what_if_monthly_level_and_drop_off_are_said_as_the_assumptions_not_as_params_keys(tiny):
    """The what-if's fixed amount showed 'Sätt att värdera försörjningsstödet fixed; …;
    cost_benefit.monthly_level.amount_year = 2023; cost_benefit.monthly_level.source = what-if', and a chosen
    drop-off 'cost_benefit.dropoff_from_payments = False'."""
    result = et.whatif.evaluate(tiny, monthly_level=12000, dropoff_per_year=0.3)
    shown = _visible(result._repr_html_())
    changed = re.search(r"Beräknat med ändrade antaganden, inte parameterfilens: ([^.]*?)(?= Nettonuvärde| Ingen)", shown)
    assert changed, shown[:400]
    # the amount is in the price year's prices: by default the year the project ended, 2023 for the tiny project
    assert changed.group(1).strip() == "Försörjningsstöd per månad 12 000 kr (2023); Avtagande effekt per år 30 %"
    assert not re.search(r"cost_benefit\.|what-if|\bfixed\b|\bFalse\b", shown)
    # the amount's source in the assumptions table is the evaluator's choice, in words ('; what-if' before)
    assert "fast belopp 12 000 kr (2023); utvärderarens val" in shown


def test_the_projects_display_names_a_changed_setting_as_a_result_does(tiny):
    """A project changed with with_params showed 'cost_benefit.horizon_years = 5, cost_benefit.deadweight = 0.4'
    (the params file's keys, a decimal point in a Swedish display) where its results say 'Tidshorisont 5 år'."""
    changed = tiny.with_params(cost_benefit={"horizon_years": 5, "deadweight": 0.4})
    shown = _visible(changed._repr_html_())
    assert "med ändrade inställningar (inte parameterfilens): Tidshorisont 5 år; Dödvikt 40 %" in shown
    assert "cost_benefit" not in shown and "0.4" not in shown


@pytest.mark.parametrize("lang, expected", [
    ("sv", "Kostnadsunderlag budget; Sätt att värdera försörjningsstödet riksnormen för hushållet plus boende; "
           "Avtagande effekt mätt i utbetalningarna nej"),
    ("en", "Cost basis the budget; How social assistance is valued the riksnorm for the household plus housing; "
           "Drop-off measured in the payments no"),
])
def test_a_changed_code_or_yes_no_is_said_in_the_projects_language(tiny, lang, expected):
    """'Kostnadsunderlag budget' was right by chance; 'riksnorm', 'actual_else_budget' and False were shown as codes."""
    project = tiny.with_params(language=lang, cost_benefit={"cost_basis": "budget", "monthly_level": {"method": "riksnorm"},
                                                           "dropoff_from_payments": False})
    shown = _visible(project._repr_html_())
    assert expected in shown
    assert not re.search(r"\briksnorm\b(?! for)|\bFalse\b|cost_benefit\.", shown)


def test_a_project_read_in_english_is_not_said_to_have_changed_assumptions():
    """with_params(language="en") gave every result 'Computed with changed assumptions, not the params file's:
    language = en' over the report's own figures, under the Swedish title where the params file has an English one."""
    project = sample_project("kompassen-demo").with_params(language="en")
    shown = _visible(et.costs(project)._repr_html_())
    # the sample's params file: title 'Kompassen (fiktivt exempel)', title_en 'Kompassen (fictional example)'
    assert shown.lstrip().startswith("Budget and actual — Kompassen (fictional example)")
    assert "changed assumptions" not in shown
    # a changed assumption beside it is still said, and the project names the language it was given
    both = project.with_params(cost_benefit={"horizon_years": 5})
    assert "Computed with changed assumptions, not the params file's: Horizon 5 years" in _visible(et.costs(both)._repr_html_())
    assert "language = en" in _visible(both._repr_html_())


def test_quarters_are_written_as_the_report_writes_them(tiny):
    """et.flows(project, freq="Q") showed '2022Q1' where the report's participants section writes 'jan–mar 2022'."""
    # the tiny project's starts and ends fall in the quarters from 2022-02-01 (Q1 2022) to 2023-05-01 (Q2 2023)
    quarters = ["jan–mar 2022", "apr–jun 2022", "jul–sep 2022", "okt–dec 2022", "jan–mar 2023", "apr–jun 2023"]
    assert et.flows(tiny, freq="Q").display()["Kvartal"].tolist() == quarters
    assert et.chart_data(et.flows(tiny, freq="Q"))["Kvartal"].tolist() == quarters
    assert et.flows(tiny, freq="Q").display("en")["Quarter"].tolist()[:2] == ["Jan–Mar 2022", "Apr–Jun 2022"]


@pytest.mark.parametrize("lang, heading, evidence", [
    ("sv", "Kvalitativa mål (utvärderarens bedömning) Mål Bedömning Underlag för utvärderarens bedömning",
     "Jämn könsfördelning bland deltagarna Uppnått Fiktivt exempel; se könsfördelningen i avsnittet om deltagare."),
    ("en", "Qualitative goals (the evaluator's assessment)",
     "Even gender balance among participants Achieved Fictional example; see the gender split in the participants section."),
])
def test_a_qualitative_goal_shows_what_the_assessment_rests_on_as_the_report_does(lang, heading, evidence):
    """The goal display gave the qualitative goal '– – – Uppnått', without the evidence the report lists under its
    goal table (the sample's params file: assessment uppnått, evidence and evidence_en as quoted here)."""
    project = sample_project("kompassen-demo")
    shown = _visible(et.assess_goals(project if lang == "sv" else project.with_params(language="en"))._repr_html_())
    assert heading in shown and evidence in shown


# --- the tables exported from the project --------------------------------------------------------------
def test_the_tables_are_exported_from_the_project_itself(tiny, tmp_path):
    """et.export_report(project, folder) raised AttributeError: 'Project' object has no attribute 'lang'."""
    written = et.export_report(tiny, tmp_path / "tabeller")
    assert (tmp_path / "tabeller" / "tiny-tabeller.xlsx") in written
    budget = pd.read_csv(tmp_path / "tabeller" / "tables-data" / "budget.csv")
    # the tiny project's budget file: Lön 100 000 (utfall 90 000), Övrigt 20 000 (utfall 25 000), and a sum row
    assert budget["budget"].tolist() == [100000, 20000] and budget["actual"].tolist() == [90000, 25000]
    # a report made first, as before, writes the same files
    again = et.export_report(et.Report(tiny), tmp_path / "igen")
    assert sorted(p.relative_to(tmp_path / "igen") for p in again) == sorted(p.relative_to(tmp_path / "tabeller")
                                                                           for p in written)


# --- the tornado chart of a notebook is the report's -----------------------------------------------------
def _png(fig) -> np.ndarray:
    from evaltools.present.display import figure_html
    data = re.search(r"base64,([^'\"]+)", figure_html(fig)).group(1)
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB"))


@pytest.mark.parametrize("pid", ["kompassen-demo", "eskilstuna-ansokan"])
def test_the_what_if_tornado_chart_is_the_one_the_report_draws(pid):
    """The memo's chart, et.plots.plot_tornado(result.sensitivity), had the axis 'Nettonuvärde, kr' where the
    report's says whose net present value and its prices; an application's row of exits said those who left."""
    from evaltools.present.sections import costbenefit
    report = sample_report(pid)
    drawn = [p for block in costbenefit.blocks(report) for p in block
             if hasattr(p, "savefig") and "Tornado" in getattr(p, "et_alt", "")]
    assert len(drawn) == 1
    ours = et.whatif.tornado_chart(report.cba)
    theirs = drawn[0]
    assert ours.axes[0].get_xlabel() == theirs.axes[0].get_xlabel()
    assert "nuvärde i" in theirs.axes[0].get_xlabel().replace("\n", " ")
    assert [t.get_text() for t in ours.axes[0].get_yticklabels()] == [t.get_text() for t in theirs.axes[0].get_yticklabels()]
    assert ours.et_alt == theirs.et_alt
    assert np.array_equal(_png(ours), _png(theirs))


def test_the_static_what_if_table_carries_the_reports_tornado_chart(monkeypatch):
    """Without widgets the panel showed its key figures and a grid, but not the tornado chart the panel draws."""
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import ipywidgets now fails
    from evaltools.present.sections import costbenefit
    theirs = [p for block in costbenefit.blocks(sample_report("kompassen-demo")) for p in block
              if hasattr(p, "savefig") and "Tornado" in getattr(p, "et_alt", "")][0]
    static = et.whatif.panel(sample_project("kompassen-demo"))
    shown = static._repr_html_()
    assert shown.count("<img") == 1
    assert html.unescape(re.search(r'<img alt="([^"]*)"', shown).group(1)) == theirs.et_alt


def test_the_tornado_chart_of_another_perspective_names_it():
    result = et.whatif.evaluate(sample_project("kompassen-demo"))
    fig = et.whatif.tornado_chart(result, "kommun")
    # the sample's price year is 2023 (cost_benefit.price_year in its params file)
    assert fig.axes[0].get_xlabel().replace("\n", " ") == "Nettonuvärde för kommunen, kr (nuvärde i 2023 års priser)"
    with pytest.raises(et.ParamsError, match="perspective: står 'komun'; menade du 'kommun'"):
        et.whatif.tornado_chart(result, "komun")


def test_no_tornado_chart_where_the_report_draws_none(tiny):
    """The tiny project has two exits that count (P1 to work, P4 to sjuk- och aktivitetsersättning), fewer than
    five: the report withholds the sensitivity that would give their number, and draws no chart."""
    assert et.whatif.tornado_chart(et.whatif.evaluate(tiny)) is None


# --- the report's assumptions as a table, not a dataclass ----------------------------------------------
def test_the_baseline_assumptions_show_themselves_as_the_assumptions_table_names_them(tiny):
    """et.whatif.baseline(project) showed 'Assumptions(horizon_years=3.0, dropoff_per_year=0.2, deadweight=0.25, …)'."""
    base = et.whatif.baseline(tiny)
    shown = _visible(base._repr_html_())
    # the tiny project sets no assumption: the defaults of docs/methods.md, a horizon of 3 years, 25 % deadweight
    # (no comparison group), a discount rate of 3.5 % and a drop-off of 20 % a year
    for row in ("Tidshorisont 3 år", "Dödvikt 25 %", "Diskonteringsränta 3,5 %", "Avtagande effekt per år 20 %"):
        assert row in shown
    assert "Antagande Värde" in shown and not re.search(r"horizon_years|deadweight|0\.25|0\.035", shown)
    english = base.display("en")
    assert list(english.columns) == ["Assumption", "Value"]
    assert dict(english.to_numpy().tolist())["Deadweight"] == "25%"


# --- a result's published table as numbers, for a chart of one's own ---------------------------------------
def test_chart_data_gives_the_published_figures_as_numbers_under_the_displays_headings():
    """An evaluator had the display (text: '42,6 %') or .table (codes, and '..' among the numbers) to chart from."""
    rates = et.outcome_rates(sample_project("kompassen-demo"), by="sex")
    data = et.chart_data(rates)
    # the rendered report's table of outcomes by group: Kvinna 94 ended, 40 successes; Man 86 ended, 46 successes
    rows = data.set_index("Kategori")
    assert rows.loc["Kvinna", "Avslutade deltagare"] == 94 and rows.loc["Kvinna", "Lyckade utfall"] == 40
    assert rows.loc["Man", "Avslutade deltagare"] == 86 and rows.loc["Man", "Lyckade utfall"] == 46
    assert rows.loc["Kvinna", "Andel lyckade utfall"] == pytest.approx(40 / 94)
    assert rows.loc["Kvinna", "95\xa0% KI, nedre"] < 40 / 94 < rows.loc["Kvinna", "95\xa0% KI, övre"]
    assert list(rows["Variabel"]) == ["Kön", "Kön"]
    # the display's headings, an interval as its two ends
    shown = list(rates.display().columns)
    assert [c for c in data.columns if "nedre" not in c and "övre" not in c] == [c for c in shown if c != "95\xa0% KI"]
    english = et.chart_data(rates, "en")
    assert "95% CI, lower" in english.columns and list(english["Category"]) == ["Women", "Men"]


def test_chart_data_leaves_a_hidden_figure_empty_never_the_unsuppressed_number(tiny):
    """The tiny project's ended: P1 (kvinna, to work), P2 (man, kvar_försörjningsstöd) and P4 (man, to sjuk- och
    aktivitetsersättning): every count is under five, so the successes by sex are hidden as the report hides them."""
    rates = et.outcome_rates(tiny, by="sex")
    assert dict(zip(rates.raw["category"], rates.raw["successes"])) == {"kvinna": 1, "man": 1}
    data = et.chart_data(rates)
    assert data["Lyckade utfall"].isna().all() and data["Andel lyckade utfall"].isna().all()
    assert set(rates.display()["Lyckade utfall"]) <= {"<5", ".."}


def test_chart_data_names_the_results_it_takes(tiny):
    with pytest.raises(et.ParamsError, match="chart_data: 1 problem i argumenten"):
        et.chart_data(et.assess_goals(tiny))


# --- a breakdown the participants do not differ in ---------------------------------------------------------
def test_a_breakdown_left_out_is_not_said_to_be_a_project_without_participants_or_exits(tiny):
    """The tiny project's participants file has no municipality column (every participant's is unknown), as a
    project that leaves it empty: the breakdown is left out as the report leaves it out, and the displays said
    'Inga deltagardata.' (4 participants) and 'Ingen deltagare har avslutat ännu.' (3 have ended)."""
    composition = _visible(et.composition(tiny, by="municipality")._repr_html_())
    rates = _visible(et.outcome_rates(tiny, by="municipality")._repr_html_())
    assert "Inga deltagardata" not in composition and "Ingen deltagare har avslutat ännu" not in rates
    assert "deltagarna skiljer sig inte åt i de valda variablerna (samma eller okänt värde för alla)" in composition
    assert "deltagarna skiljer sig inte åt i de valda variablerna (samma eller okänt värde för alla)" in rates
    # a breakdown the participants differ in is shown as before
    assert et.composition(tiny, by="sex").headline() == "4 deltagare (personer)."


# --- the worked example on a project without payment data -------------------------------------------------
@pytest.mark.slow
def test_the_worked_example_runs_for_a_project_without_payment_data(tmp_path):
    """nasta-steg has no payments file (its params name none): the payments chart cell raised
    TypeError: 'NoneType' object is not subscriptable, and 'run all cells' stopped there."""
    import nbformat
    import papermill as pm

    from .conftest import ROOT
    assert "payments" not in et.load_params(ROOT / "params" / "nasta-steg.yaml").data.model_dump(exclude_none=True)
    out = tmp_path / "explore.ipynb"
    pm.execute_notebook(str(ROOT / "notebooks" / "explore.ipynb"), str(out),
                        parameters={"project_id": "nasta-steg", "memo_dir": str(tmp_path / "memo")},
                        kernel_name="python3", cwd=str(ROOT / "notebooks"), progress_bar=False)
    outputs = [o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("Inga utbetalningsdata." in o.get("data", {}).get("text/html", "") for o in outputs)
    assert sorted(p.name for p in (tmp_path / "memo").iterdir()) == ["andel_lyckade.xlsx", "tornado.png"]
