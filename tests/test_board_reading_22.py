"""Readers' notes on the rendered samples: one English word for subsidised work, the abbreviation SGI
explained in the glossary, SEK in English where Swedish says kr, the workbook's ratios per perspective said
for whom they count, and a structural project's cost read as one figure with its restatements beneath it.
Expected values are worked out by hand in the comments."""
from __future__ import annotations

import contextlib
import io
import textwrap

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary
from evaltools.publish.workbook import _perspective_notes
from evaltools.words import glossary
from evaltools.words.text import msg

from .conftest import write_csv

NBSP = "\u00a0"


def _plain(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


# --- 1. English wording ----------------------------------------------------------------------------------------
def test_the_english_glossary_calls_subsidised_work_what_the_outcome_is_called():
    # the outcome arbete_med_stöd is "Subsidised work" in English (its label in the data contract); the glossary's
    # "Work or studies" said "supported work", a second word for the same thing
    definition = msg("glossary.term.arbete_eller_studier.definition", "en")
    assert definition == "An exit to work, subsidised work or studies."
    assert msg("glossary.term.arbete_eller_studier.definition", "sv") == \
        "Ett avslut till arbete, arbete med stöd eller studier."


@pytest.mark.parametrize(("lang", "shown", "name"), [
    ("en", "SGI status: No SGI 12, Has SGI 8", "SGI (sickness benefit qualifying income)"),
    ("sv", "SGI-status: Saknar SGI (nollklassad) 12", "SGI (sjukpenninggrundande inkomst)"),
])
def test_a_report_that_names_sgi_explains_it_once_in_the_glossary(lang, shown, name):
    terms = glossary.used_in(shown, lang, glossary.terms_for(True, False))
    assert [t.id for t in terms if t.id == "sgi"] == ["sgi"]
    assert glossary.name("sgi", lang) == name
    # (a report that does not name it does not explain it)
    assert "sgi" not in [t.id for t in glossary.used_in("Deltagare per kön och ålder", lang, glossary.TERMS)]


def test_the_sgi_definition_says_what_it_is_in_both_languages():
    en, sv = _plain(glossary.definition("sgi", "en")), _plain(glossary.definition("sgi", "sv"))
    assert en.startswith("The income on which the Social Insurance Agency bases sickness benefit")
    assert sv.startswith("Den inkomst som Försäkringskassan grundar sjukpenningen på")


@pytest.mark.parametrize(("key", "lang", "said"), [
    ("quality.warning.empty_budget_line", "en", "counts as SEK 0."),
    ("quality.warning.empty_budget_line", "sv", "räknas som 0 kr."),
    ("messages.budget.empty_line", "en", "counts as SEK 0"),
])
def test_an_empty_budget_line_counts_as_zero_with_its_currency(key, lang, said):
    # English writes amounts "SEK 1,276,000" (words.formats), so zero is "SEK 0", as Swedish says "0 kr"
    assert _plain(msg(key, lang)).endswith(said)


def test_no_english_message_says_0_kr():
    from evaltools.words.text import catalog
    texts = {k: v if isinstance(v, str) else " ".join(map(str, v.values())) if isinstance(v, dict) else str(v)
             for k, v in catalog("en").messages.items()}
    assert [k for k, v in texts.items() if " 0 kr" in _plain(v)] == []


# --- 2. the workbook's ratios per perspective ------------------------------------------------------------------
def _actors(society_break_even: float, earnings_unvalued: bool = True, society_benefit: float = 0.0) -> pd.DataFrame:
    return pd.DataFrame([
        {"perspective": "kommun", "pv_benefit": 3_581_999.0, "bcr": 13.07, "payback_months": 13.0,
         "break_even_exits": 1.45, "switching_deadweight": 0.94, "earnings_unvalued": False},
        {"perspective": "offentliga", "pv_benefit": 1_052_215.0, "bcr": 0.96, "payback_months": float("nan"),
         "break_even_exits": 19.8, "switching_deadweight": 0.22, "earnings_unvalued": False},
        {"perspective": "samhälle", "pv_benefit": society_benefit, "bcr": 0.22, "payback_months": float("nan"),
         "break_even_exits": society_break_even, "switching_deadweight": float("nan"),
         "earnings_unvalued": earnings_unvalued},
    ])


def test_the_sheet_per_perspective_says_whose_cost_and_benefit_its_ratios_count():
    lead = pd.DataFrame([{"perspective": "offentliga"}])
    sv = _perspective_notes(_actors(85.2), lead, "sv")
    assert len(sv) == 2
    assert "räknas på varje rad med det perspektivets egen kostnad och nytta" in _plain(sv[0])
    assert "Rapporten anger dem bara för de offentliga finansiärerna, i avsnittet Kostnad och nytta." in _plain(sv[0])
    # society's break-even of 85,2 persons is said in whole persons up, 86, as the sheet's cell shows it
    assert "Därför blir samhällets brytpunkt så hög (86 personer)" in _plain(sv[1])
    en = _perspective_notes(_actors(934.1), lead, "en")
    assert "The report states them only for the public financiers, in the section Costs and benefits." in _plain(en[0])
    assert "That is why society's break-even is so high (935 persons)" in _plain(en[1])


def test_society_is_explained_only_where_its_benefit_is_the_tax_factors_alone():
    lead = pd.DataFrame([{"perspective": "offentliga"}])
    assert len(_perspective_notes(_actors(12.0, earnings_unvalued=False, society_benefit=500_000.0), lead, "sv")) == 1
    # no ratio on any row (a structural project): nothing to explain
    empty = _actors(float("nan")).assign(bcr=float("nan"), payback_months=float("nan"),
                                        break_even_exits=float("nan"), switching_deadweight=float("nan"))
    assert _perspective_notes(empty, lead, "sv") == ()


# --- 3. a structural project's cost: one figure first -----------------------------------------------------------
STRUCTURAL = """\
    id: struktur-test
    title: Strukturtest
    forbund: Testförbundet
    owner: Testförbundet
    kind: struktur
    period: {start: 2025-01-01, planned_end: 2025-12-31}
    data: {budget: data/budget.csv}
    goals:
      - {id: rutin, kind: qualitative, label: En gemensam rutin för remisser, assessment: uppnått}
    cost_benefit: {price_year: 2025, cost_basis: budget, discount_rate: 0.035}
    """


@pytest.fixture(scope="module")
def structural(tmp_path_factory):
    root = tmp_path_factory.mktemp("struktur")
    # one year, 2025, in 2025's prices: 600 000 + 200 000 = 800 000 kr in current prices and in the price year's
    write_csv(root / "data" / "budget.csv", [
        {"period": "2025", "category": "Processledare", "budget": 600_000, "actual": ""},
        {"period": "2025", "category": "Utbildningsdagar", "budget": 200_000, "actual": ""},
    ])
    p = root / "struktur.yaml"
    p.write_text(textwrap.dedent(STRUCTURAL), encoding="utf-8")
    project = et.load_project(p)
    return {lang: et.Report(project, lang=lang) for lang in ("sv", "en")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_states_a_structural_projects_cost_once(structural, lang):
    r = structural[lang]
    (worth,) = summary.worth(r)
    requirement = _plain(worth).split(". ")[1]
    # the cost is said in "Vad kostade det?" (current prices); the requirement names only the prices it counts in
    assert ("För att bära kostnaden, räknad i 2025 års priser (samma prisnivå som försörjningsstödet), behöver"
            if lang == "sv" else
            "To cover its cost, counted in 2025 prices (the same price level as the social assistance), the change")\
        in requirement
    assert "kr" not in requirement and "SEK" not in requirement and "800" not in requirement


def test_the_cost_sections_restatements_name_the_total_they_restate(structural):
    r = structural["sv"]
    kf = cb_section.key_figures(r)
    first_label, first_value = kf.frame.iloc[0]
    assert first_label == "Total kostnad (budget; löpande priser)" and _plain(first_value) == "800 000 kr"
    # the person-years' cost in 2025 prices, named in the note beneath the total: the same 800 000 kr (one year)
    assert ("Personåren räknas med kostnaden omräknad till 2025 års priser, 800 000 kr, samma prisnivå"
            in _plain(kf.notes[0]))
    table = cb_section.perspective_table(r)
    by = dict(zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1]))
    note = _plain(table.notes[0])
    # the actors' present values are the total restated: the note names the total first, then their sum
    # (society's cost, the whole cost, as the table's last row shows it)
    assert note.startswith("Tabellen fördelar projektets kostnad, 800 000 kr i löpande priser (nyckeltalen ovan), "
                           "på aktörerna, räknad som nuvärde i 2025 års priser")
    assert f"sammanlagt {_plain(by['Samhället'])}." in note
    en = _plain(cb_section.perspective_table(structural["en"]).notes[0])
    assert en.startswith("The table shares the project's cost, SEK 800,000 in current prices (the key figures above), "
                         "among the actors, counted as a present value in 2025 prices")


def test_the_structural_workbook_has_no_ratio_note(structural, tmp_path):
    with contextlib.redirect_stdout(io.StringIO()):
        et.export_report(structural["sv"], tmp_path, None)
    book = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    if "Per perspektiv" in book.sheetnames:
        cells = [str(c.value) for row in book["Per perspektiv"].iter_rows() for c in row if c.value]
        # (the sheet of a project without exits has no ratios, and no note explaining them)
        assert cells and not any(c.startswith("Nytta/kostnad, återbetalningstid") for c in cells)


# --- 4. a wage that is not valued has no value in the assumptions -----------------------------------------------
def test_earnings_not_valued_show_no_amount_in_the_assumptions(tiny_project):
    # no wage in the params and no register data: earnings are not valued; "0 kr" in the value column read as "the
    # participants earn nothing", where the source column says "ej värderat"
    from evaltools.words.assumptions import assumptions_table
    r = et.Report(et.load_project(tiny_project()), lang="sv")
    used = r.cba.assumptions.set_index("name")
    assert used.loc["work_earnings_sek_month", "source"].key == "assumption.not_valued"
    table = assumptions_table(r.cba.assumptions, "sv").set_index("Antagande")
    row = table.loc["Arbetsinkomst per månad"]
    assert row["Värde"] == "–" and row["Källa"] == "ej värderat"
    en = assumptions_table(r.cba.assumptions, "en").set_index("Assumption").loc["Monthly earnings from work"]
    assert en["Value"] == "–" and en["Source"] == "not valued"


def test_a_wage_the_params_give_is_still_listed(tiny_project):
    # 20 000 kr a month, the evaluator's own figure, listed as given (price year = the params' amount year)
    from evaltools.words.assumptions import assumptions_table
    r = et.Report(et.load_project(tiny_project("cost_benefit: {work_earnings_sek_month: 20000}\n")), lang="sv")
    table = assumptions_table(r.cba.assumptions, "sv").set_index("Antagande")
    assert _plain(table.loc["Arbetsinkomst per månad", "Värde"]) == "20 000 kr"


def test_a_sheets_notes_stand_below_its_table_after_an_empty_row(tmp_path):
    # the notes were written on the row right under the last perspective, where a filter or a sort in Excel takes
    # them for a row of data: three rows of data (rows 2-4), an empty row 5, the notes on rows 6 and 8
    from evaltools.publish.workbook import Column, Sheet, write_workbook
    frame = pd.DataFrame({"perspective": ["kommun", "offentliga", "samhälle"], "npv": [2.0, -1.0, 1.0]})
    sheet = Sheet("aktorer", "workbook.sheets.aktorer.title", "workbook.sheets.aktorer.description", frame,
                  [Column("perspective", "workbook.column.aktorer.perspective"),
                   Column("npv", "workbook.column.aktorer.npv", "kr")], notes=("Första anmärkningen.", "Andra."))
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "t.xlsx", [sheet], "sv", 5))["Per perspektiv"]
    assert [ws.cell(r, 1).value for r in range(1, 9)] == [
        "Perspektiv", "kommun", "offentliga", "samhälle", None, "Första anmärkningen.", None, "Andra."]
