"""What a board member reads in the body of a report: plain words for methods, no empty section, text
about a comparison group only where there is one, and a portfolio that names each kind of project
for what it is. Expectations come from the samples' construction (which sample has payments, a
comparison group, participants), not from the code's output."""
from __future__ import annotations

import re

import matplotlib
import pytest

import evaltools as et
from evaltools.present import sections
from evaltools.present.display import Table, Text
from evaltools.present.portfolio import has_participants
from tests.conftest import sample_report, shown_chunks
from .conftest import sample_portfolio

matplotlib.use("Agg")

# the method names that belong to the appendix's method section only
METHOD_NAMES = re.compile(r"Fisher|chi2|chitvå|chi-square|Kaplan|Aalen|Clopper|Wilson|Monte Carlo|Holm|binomial|"
                          r"t-fördelning|frihetsgrad|fasta effekter|klustr|bootstrap|t distribution|degrees of freedom|"
                          r"fixed effects|clustered", re.IGNORECASE)


def _report(pid: str, lang: str = "sv") -> et.Report:
    return sample_report(pid, lang)  # (shared: read, never changed)


def _words(blocks: list[list]) -> str:
    """Every word a section's blocks show: headings, paragraphs, table cells, columns and notes, chart alt texts."""
    return " ".join(shown_chunks(blocks))


@pytest.fixture(scope="module", params=["sv", "en"])
def kompassen(request):
    return _report("kompassen-demo", request.param)


@pytest.mark.parametrize("module", ["goals", "outcomes", "time_in_project", "payments", "costbenefit"])
def test_the_body_names_no_statistical_method(kompassen, module):
    words = _words(getattr(sections, module).blocks(kompassen))
    assert words.strip(), module  # the section says something
    assert not METHOD_NAMES.search(words), (module, METHOD_NAMES.search(words).group(0))


def test_the_outcome_table_keeps_both_p_values_in_plain_words():
    r = _report("timra-vagen-ut")
    table = next(p for b in sections.outcomes.blocks(r) for p in b if isinstance(p, Table) and p.group == "Variabel")
    assert "Test" not in table.frame.columns
    # Timrå, project year of intake: 18 of 37 against 13 of 15 ended with success (the seed report's
    # figures); the chi-square test with Yates' correction on [[18, 19], [13, 2]] gives p = 0,0265, and
    # the adjusted value is larger, not the same figure under another name; both on the row naming the breakdown
    heading = table.frame["Variabel"].iloc[0]
    assert heading.startswith("Projektår för start (p = 0,026, p justerat = ")
    assert "p justerat = 0,026" not in heading
    assert any("prövas samtidigt" in n for n in table.notes)


def test_the_outcome_chart_gives_the_adjusted_p_in_words():
    r = _report("timra-vagen-ut")
    chart = sections.outcomes.chart_rates(r)
    header = chart.table.drop_duplicates("variable").iloc[0]
    assert header["test"] == "justerat för flera uppdelningar"
    assert header["p_value"] == pytest.approx(r.rates.table["p_holm"].iloc[0])
    assert header["p_value"] > r.rates.table["p_value"].iloc[0]  # the adjusted one, larger than the raw 0,026


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_project_without_payments_has_no_payments_section_and_one_sentence_saying_so(lang):
    r = _report("timra-vagen-ut", lang)  # the Timrå sample has participants and a budget, no payment file
    assert r.payments.table.empty
    assert sections.payments.blocks(r) == []
    facts = _words(sections.facts.blocks(r))
    sentence = r.msg("payments.no_payments")
    assert facts.count(sentence) == 1
    assert "Avsnittet saknas" not in facts and "Section omitted" not in facts


def test_a_project_with_payments_does_not_get_the_no_payments_sentence():
    r = _report("kompassen-demo")
    assert r.msg("payments.no_payments") not in _words(sections.facts.blocks(r))


@pytest.mark.parametrize("pid, has_group", [("eskilstuna-specialistteamet", False), ("kompassen-demo", True)])
def test_payments_intro_speaks_of_a_comparison_group_only_where_there_is_one(pid, has_group):
    r = _report(pid)
    assert not r.payments.table.empty  # both samples have payment data
    intro = next(p for p in sections.payments.blocks(r)[0] if isinstance(p, Text)).paragraphs[0]
    assert ("jämförelsegrupp" in intro) is has_group


@pytest.mark.parametrize("pid, has_group", [("timra-vagen-ut", False), ("sprangbradan-demo", True)])
def test_cost_benefit_intro_says_there_is_no_comparison_group_only_when_there_is_none(pid, has_group):
    r = _report(pid)
    intro = sections.costbenefit.blocks(r)[0][0].paragraphs[0]
    assert ("ingen jämförelsegrupp" in intro) is (not has_group)
    assert "Utan jämförelsegrupp" not in intro


@pytest.fixture(scope="module", params=["sv", "en"])
def portfolio_tables(request, monkeypatch_module):
    shown = []
    monkeypatch_module.setattr("evaltools.present.portfolio.show", lambda *parts: shown.extend(parts))
    pf = sample_portfolio(("samverkan-i-praktiken", "eskilstuna-ansokan", "timra-vagen-ut"), request.param)
    pf.overview()
    return request.param, [p.frame for p in shown if isinstance(p, Table)]


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_portfolio_names_each_kind_and_counts_no_participants_it_does_not_have(portfolio_tables):
    lang, (people, money, goals) = portfolio_tables
    names = list(people.iloc[:, 0])
    # results first (the structural project, then Timrå, in the order given), the application check apart, last
    assert ("; strukturinriktad" if lang == "sv" else "; structural") in names[0]  # (in the title's own bracket)
    assert names[0].count("(") == 1
    tag = "förhandsbedömning" if lang == "sv" else "before start"
    assert names[2].endswith(f"({tag})") and tag not in names[0] + names[1]
    kinds = list(people.iloc[:, -1])
    assert kinds[0] == kinds[1] != kinds[2]
    # the goals table: each project's own goals with its report's verdict; an application's goals are
    # judged by its volumes, never "achieved"
    ex_ante = goals[goals.iloc[:, 0] == names[2]]
    assert set(ex_ante.iloc[:, 2]) == {"Nås med ansökans volymer" if lang == "sv" else
                                       "Would be met at the expected volumes"}
    # the structural sample has no evaluator's assessment: a draft here too, as on every page of its report
    assert ("utkast" if lang == "sv" else "draft") in names[0]
    assert not any(w in names[i] for w in ("utkast", "draft") for i in (1, 2))
    # the structural project and the application check have no participants of their own: "–", never "0" or "0/0";
    # the application's participants are its expected volumes, marked as its cost per participant is: 90 a year
    # from 2024-04-01 to 2026-12-31, the last year 275 of 365 days, 90 + 90 + round(67,8) = 248
    assert list(people.iloc[0, 2:5]) == ["–", "–", "–"], names[0]
    expected = "förväntat enligt ansökan" if lang == "sv" else "expected according to the application"
    assert list(people.iloc[2, 2:5]) == [f"248 ({expected})", "–", "–"], names[2]
    assert people.iloc[0, 5] == ("strukturinriktad insats: inga egna deltagare" if lang == "sv"
                                 else "structural project: no participants of its own")
    assert people.iloc[1, 2] == "52"  # the Timrå sample's 52 participants
    # an application has spent nothing yet; a structural project's budget use is shown only where known
    assert money.iloc[2, 2] == "–"
    assert not money.astype(str).apply(lambda c: c.str.contains("nan|NaN")).any().any()


def test_portfolio_kind_rule():
    assert not has_participants("ex_ante") and not has_participants("structural") and has_participants("observed")


def test_a_budget_without_any_actuals_shows_no_empty_columns_or_notes_about_actuals():
    r = _report("samverkan-i-praktiken")  # the structural sample gives its budget per year and no actual amounts
    assert r.cba.costs["actual"].isna().all()
    table = next(p for b in sections.budget.blocks(r) for p in b if isinstance(p, Table))
    assert list(table.frame.columns) == ["Period", "Kostnadsslag", "Budget"]
    assert not any("också där utfall finns" in n for n in table.notes)
    assert any("Årsbeloppen" in n for n in table.notes)  # the per-year note stays: it says how the years were counted


def test_a_budget_with_actuals_keeps_its_actual_columns():
    table = next(p for b in sections.budget.blocks(_report("timra-vagen-ut")) for p in b if isinstance(p, Table))
    assert "Utfall" in table.frame.columns and "Förbrukat" in table.frame.columns
    assert table.frame.iloc[-1]["Utfall"] == "1 128 000 kr".replace(" ", "\u00a0")  # the seed report's total


def test_structural_key_figures_have_no_empty_per_participant_rows():
    r = _report("samverkan-i-praktiken")
    kf = sections.costbenefit.key_figures(r).frame
    assert not kf.iloc[:, 1].isin(["–"]).any()
    assert not kf.iloc[:, 0].str.contains("per deltagare|per lyckat").any()


def test_title_names_a_forbund_that_owns_the_project_once():
    r = _report("samverkan-i-praktiken")  # owner and förbund are the same in this sample
    assert r.params.owner == r.params.forbund
    assert r.title_html().count(r.params.forbund) == 1
    t = _report("timra-vagen-ut").title_html()
    assert "Samordningsförbundet Härnösand Timrå · Timrå kommun" in t


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_application_check_shows_its_budget_not_amounts_booked_since(lang):
    r = _report("eskilstuna-ansokan", lang)  # shares its budget file (with actuals for 2024-25) with the running project
    assert r.cba.costs["actual"].notna().any()
    block = sections.budget.blocks(r)[0]
    table = next(p for p in block if isinstance(p, Table))
    assert len(table.frame.columns) == 3 and block[0].heading == "Budget"
    assert not any(hasattr(p, "savefig") for p in block)  # no chart with an empty actual series
    # only the amounts' price basis (said of every stated cost): nothing about actuals or the share used
    assert table.notes == (r.msg("budget.amounts", basis=r.msg("basis.current")),)


def test_an_application_check_says_its_benefit_is_an_expectation_and_has_no_empty_key_figures():
    r = _report("eskilstuna-ansokan")
    intro = sections.costbenefit.blocks(r)[0][0].paragraphs[0]
    assert "förväntade volymer" in intro and "inte ett resultat" in intro and "jämförelsegrupp" not in intro
    kf = sections.costbenefit.key_figures(r).frame
    assert "–" not in set(kf.iloc[:, 1])
    # 3 863 075 kr budget over the 110 expected exits the application gives (params: expected volumes)
    # (every cost names its price basis: the budget's, current prices)
    label = "Kostnad per lyckat utfall enligt projektets huvudmål (löpande priser)"
    # an application has no successes yet: the cost per success is per expected success and says so
    assert dict(zip(kf.iloc[:, 0], kf.iloc[:, 1]))[label] == "35\u00a0119\u00a0kr (förväntat enligt ansökan)"
