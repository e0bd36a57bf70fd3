"""What a board member stumbles over when reading every sample a thirteenth time, in Swedish and in English: a
blank page before the appendix of a draft (Samverkan i praktiken's page 7 of 9: the hidden places for the
evaluator's text, with nothing in them, pushed onto a page of their own by the table above them, and the appendix
then began on the next), a monthly level said to be "riksnormen för 2025 … enligt Socialstyrelsen" on page 1
where the appendix shows the value as the tool's own estimate (2024's estimate uprated by KPI), a method
appendix that describes a difference-in-differences "på person och månad" in a report whose payments section
counts households (Kompassen) or that has no comparison group at all (Specialistteamet), and the what-if panel's
break-even of "19,8" persons beside the report's 20. Expected values are worked out by hand from the samples'
files and the reference data, or from the small inputs built here, not taken from the code's output.
"""
from __future__ import annotations

import pytest


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


# --- 1. no blank page before the appendix of a draft ---------------------------------------------------------

def _draft_page(space_mm: float, rows: int = 30) -> str:
    """A draft's last section ending near the foot of a page (a space of ``space_mm`` above it), its three hidden
    places for the evaluator's text (each an output of its own, as the report writes them), then the appendix in
    the next cell."""
    import nbformat

    from evaltools.publish import render
    body = "".join(f"<tr><td class='txt'>Rad {i}</td><td class='num'>{i} kr</td></tr>" for i in range(rows))
    table = (f"<div class='et-block'><div style='height: {space_mm}mm'></div><h2>Antaganden</h2>"
             "<table class='et-table'><thead><tr><th>Antagande</th>"
             f"<th>Värde</th></tr></thead><tbody>{body}</tbody></table></div>")
    hidden = [("<div class='et-block'><section class='et-write-here' data-part='" + part + "' hidden><h2>" + part
               + "</h2><p>Skriv här.</p></section></div>") for part in ("analysis", "lessons", "recommendations")]
    appendix = "<div class='et-block'><h2 class='et-appendix' id='et-appendix'>Bilaga: teknisk redovisning</h2><p>Metod.</p></div>"
    # (page 1's place for the assessment shares its block with what page 1 says: that stays)
    page_one = ("<div class='et-block'><p>Utvärderaren har inte skrivit någon egen bedömning.</p><section "
                "class='et-write-here' data-part='assessment' hidden><p>Skriv här.</p></section></div>")

    def out(html):
        return nbformat.v4.new_output("display_data", data={"text/html": html})
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x", outputs=[out(page_one), out(table), *(out(h) for h in hidden)]),
        nbformat.v4.new_code_cell("y", outputs=[out(appendix)])])
    return render.notebook_to_html(nb, "sv", "Test", draft=True)


def test_a_drafts_hidden_places_for_the_evaluators_text_never_make_a_blank_page(tmp_path):
    pytest.importorskip("weasyprint")
    import io

    import pypdf

    from evaltools.publish import render
    blank, last_row_pages = {}, set()
    for mm in range(30, 46):  # (a space that ends the table on the first page's last millimetres, and past them)
        pdf = render.html_to_pdf(_draft_page(mm), None, tmp_path)
        texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
        # every page holds a table row or the appendix, not just the running header and the footer
        blank[mm] = [i for i, t in enumerate(texts) if "Rad " not in t and "Bilaga" not in t]
        last_row_pages.add(next(i for i, t in enumerate(texts) if "Rad 29" in t))
        assert "Bilaga" in texts[-1] and "Rad" not in texts[-1]  # (the appendix still starts a page of its own)
        assert "Utvärderaren har inte skrivit någon egen bedömning." in texts[0]
        assert "Skriv här" not in "".join(texts)
    assert last_row_pages == {0, 1}  # (the table ends on the first page for some spaces: the case that was blank)
    assert all(not pages for pages in blank.values()), blank


# --- 2. a riksnorm the reference data only estimate is not said to be Socialstyrelsen's ----------------------

def _riksnorm_rows(year: int) -> list[tuple[str, str]]:
    """(component, confidence) of the shipped riksnorm rows of ``year`` for one adult living alone."""
    import pandas as pd

    from .conftest import ROOT
    t = pd.read_csv(ROOT / "evaltools" / "data" / "riksnorm.csv", dtype={"band": str}, keep_default_na=False)
    rows = t[(t["year"] == year) & (t["component"].isin(["adult_single", "shared"]))
             & (t["band"].isin(["", "1"]))]
    return list(zip(rows["component"], rows["confidence"]))


@pytest.mark.parametrize("year, estimated", [(2025, True), (2024, True), (2019, False), (2023, False)])
def test_the_monthly_levels_source_says_whether_the_riksnorm_is_socialstyrelsens_or_an_estimate(
        tiny_project, year, estimated):
    import evaltools as et
    from evaltools.analysis.costbenefit import cost_benefit
    from evaltools.words.labels import note_text
    # evaltools/data/riksnorm.csv: 2019 is Socialstyrelsen's own text (H), 2023 a municipality's copy of it (M);
    # 2024 is the toolkit's estimate (EST: 2023 × 1,087) and 2025 has no row (2024's value uprated by KPI)
    rows = _riksnorm_rows(year)
    assert (rows == []) if year == 2025 else (len(rows) == 2)
    assert all(c == ("EST" if year == 2024 else "H" if year == 2019 else "M") for _, c in rows)
    path = tiny_project(f"""\
        cost_benefit:
          price_year: {year}
          monthly_level: {{method: riksnorm}}
        """)
    r = cost_benefit(et.load_project(path), monte_carlo=False, effect=False)
    source = r.assumptions.set_index("name").loc["monthly_level", "source"]
    sv, en = _plain(note_text(source, "sv")), _plain(note_text(source, "en"))
    # the tiny project's leavers (P1 to work, P4 to sickness compensation) live in households of their own types
    assert sv.startswith(f"riksnormen för {year} per hushållstyp") and en.startswith(f"the national norm for {year} ")
    if estimated:
        assert "enligt Socialstyrelsen" not in sv and "from the National Board" not in en
        assert "båda beloppen är verktygets uppskattningar: riksnormen eftersom verktyget saknar Socialstyrelsens " \
               "belopp för året" in sv
        assert "both amounts are the toolkit's estimates: the norm as the toolkit lacks the official amount for the " \
               "year" in en
    else:
        assert sv.startswith(f"riksnormen för {year} per hushållstyp, enligt Socialstyrelsen, plus boende 4 300 kr")
        assert en.startswith(f"the national norm for {year} by household type, from the National Board of Health and "
                                 "Welfare (Socialstyrelsen), plus housing")


def test_a_structural_projects_page_one_gives_its_estimated_riksnorm_as_an_estimate():
    from .conftest import sample_report
    # params/samverkan-i-praktiken.yaml: a structural project running 2023-09-01 – 2025-09-30, so its price year
    # is 2025, for which evaltools/data/riksnorm.csv has no row: 2024's estimate uprated by KPI (3 790 kr × 418,47
    # / 415,15 = 3 820 kr for one adult, as the appendix's table of reference values shows)
    for lang, said, not_said in (
            ("sv", "riksnormen för 2025 för en vuxen som bor ensam plus boende 4 300 kr i 2023 års priser, omräknat till 2025 års "
                   "4 457 kr; båda beloppen är verktygets uppskattningar", "enligt Socialstyrelsen"),
            ("en", "the national norm for 2025 for one adult living alone plus housing of SEK 4,300 in 2023 prices, SEK 4,457 "
                   "converted to 2025 prices; both amounts are the toolkit's estimates", "from the National Board")):
        worth = [_plain(x) for x in sample_report("samverkan-i-praktiken", lang).key_findings()]
        year = [x for x in worth if said in x]
        assert len(year) == 1, worth
        assert not_said not in year[0]


# --- 3. the method appendix describes the comparison the payments section makes, in its unit ------------------

def _method(pid: str, lang: str) -> list[str]:
    from evaltools.present.sections import method

    from .conftest import sample_report
    return [_plain(p) for p in method.paragraphs(sample_report(pid, lang))]


def test_the_method_names_households_where_the_payments_section_counts_households():
    import pandas as pd

    from .conftest import ROOT
    # data/kompassen-demo/participants.csv: 180 participants in 159 households, so the DiD's units are households
    # (the payments section: "646 hushåll, varav 159 med deltagare")
    people = pd.read_csv(ROOT / "data" / "kompassen-demo" / "participants.csv")
    assert (len(people), people["household_id"].nunique()) == (180, 159)
    for lang, said, not_said in (
            ("sv", "Jämförelsegrupp: skillnad-i-skillnader på hushåll och månad med fasta effekter för hushåll och "
                   "kalendermånad", "på person och månad"),
            ("en", "Comparison group: difference in differences on household-months with household and "
                   "calendar-month fixed effects", "person-months")):
        paras = _method("kompassen-demo", lang)
        comparison = [p for p in paras if p.startswith(("Jämförelsegrupp:", "Comparison group:"))]
        assert len(comparison) == 1 and comparison[0].startswith(said), comparison
        assert not_said not in comparison[0]


def test_a_report_without_a_comparison_group_describes_no_difference_in_differences():
    import yaml

    from .conftest import PARAMS
    # params/eskilstuna-specialistteamet.yaml has payments but no comparison group: the payments section shows the
    # amounts before and after the start only ("Det finns ingen jämförelsegrupp")
    params = yaml.safe_load((PARAMS / "eskilstuna-specialistteamet.yaml").read_text(encoding="utf-8"))
    assert params["data"].get("payments") and not params["data"].get("comparison")
    for lang, said, not_said in (
            ("sv", "Försörjningsstöd före och efter start: utan jämförelsegrupp redovisas bara medelbeloppen före och "
                   "efter start, som inte är en effekt av projektet.", "skillnad-i-skillnader"),
            ("en", "Social assistance before and after the start: without a comparison group only the mean amounts "
                   "before and after the start are shown, which are not an effect of the project.",
             "difference in differences")):
        paras = _method("eskilstuna-specialistteamet", lang)
        assert said in paras
        assert not any(not_said in p for p in paras), paras



# --- 4. the what-if panel's break-even in whole persons, as the report's key figures --------------------------

@pytest.mark.parametrize("x, sv, en", [(110.3, "111", "111"), (19.796, "20", "20"), (20.0, "20", "20"),
                                        (1234.2, "1 235", "1,235"), (float("nan"), "–", "–")])
def test_a_number_of_persons_needed_is_the_next_whole_person_up(x, sv, en):
    from evaltools.words.formats import fmt_persons_needed
    assert _plain(fmt_persons_needed(x, "sv")) == sv and fmt_persons_needed(x, "en") == en


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_what_if_break_even_is_the_reports_whole_persons(lang):
    from evaltools.present import whatif
    from evaltools.present.display import Table
    from evaltools.present.sections import costbenefit

    from .conftest import sample_project, sample_report
    # Vägen ut's key figures: the public financiers' cost 1 096 287 kr against a benefit of 1 052 215 kr from the
    # 19 who left social assistance, 55 380 kr each: 1 096 287 / 55 380 = 19,8 persons, that is 20 whole persons
    assert 1_096_287 / (1_052_215 / 19) == pytest.approx(19.8, abs=0.01)
    tables = [b for group in costbenefit.blocks(sample_report("timra-vagen-ut", lang)) for b in group
              if isinstance(b, Table)]
    key = tables[0].frame
    rows = [v for k, v in zip(key.iloc[:, 0], key.iloc[:, 1]) if "(brytpunkt)" in k or "(break-even)" in k]
    assert rows == ["20"], list(key.iloc[:, 0])
    figures = whatif.key_figures(whatif.evaluate(sample_project("timra-vagen-ut")), lang=lang)
    panel = [v for k, v in zip(figures.iloc[:, 0], figures.iloc[:, 1]) if "(brytpunkt)" in k or "(break-even)" in k]
    so_far = {"sv": "hittills", "en": "so far"}[lang]
    assert panel == [f"20 ({so_far} 19)"], figures


# --- 5. the sensitivity section says what the tornado's two lines are --------------------------------------

@pytest.mark.parametrize("lang, heading, said", [
    ("sv", "Känslighetsanalys",
     "Den svarta linjen är kalkylens nettonuvärde, −44 072 kr, och den streckade röda linjen noll: där en stapel går "
     "förbi den röda linjen räcker det antagandet ensamt för att ändra om nettonuvärdet är positivt eller negativt."),
    ("en", "Sensitivity analysis",
     "The black line is the calculation's net present value, SEK −44,072, and the dashed red line zero: where a bar "
     "crosses the red line, that assumption alone is enough to change whether the net present value is positive or "
     "negative."),
])
def test_the_sensitivity_section_says_what_the_tornados_lines_are(lang, heading, said):
    from evaltools.present.display import Text
    from evaltools.present.sections import costbenefit

    from .conftest import sample_report
    # Vägen ut's key figures: a benefit of 1 052 215 kr against a cost of 1 096 287 kr for the public financiers,
    # a net present value of 1 052 215 − 1 096 287 = −44 072 kr: the black line of the tornado (plots.plot_tornado
    # draws the base case in black, zero dashed in red)
    assert 1_052_215 - 1_096_287 == -44_072
    texts = [b for group in costbenefit.blocks(sample_report("timra-vagen-ut", lang)) for b in group
             if isinstance(b, Text) and b.heading == heading]
    assert len(texts) == 1
    assert [_plain(p) for p in texts[0].paragraphs][1] == said


# --- 6. the tax on earnings is in the table of assumptions wherever the calculation uses it ------------------

@pytest.mark.parametrize("earnings, listed", [(20000, True), (0, False)])
def test_the_tax_on_earnings_is_listed_among_the_assumptions_where_earnings_are_valued(tiny_project, earnings, listed):
    import evaltools as et
    from evaltools.analysis.costbenefit import cost_benefit
    from evaltools.words.assumptions import assumptions_table
    # evaltools/data/defaults.csv: tax_rate 0.32 ("municipal income tax, about 32 %") and tax_share_region 0.36
    # (11,7 of 32,4 percentage points go to the region), both EST: the tax on a wage the calculation counts,
    # which the section's words call "ett antagande" while its opening says every assumption is in the table
    path = tiny_project(f"""\
        cost_benefit:
          work_earnings_sek_month: {earnings}
        """)
    r = cost_benefit(et.load_project(path), monte_carlo=False, effect=False)
    for lang, rows in (("sv", {"Skatt på arbetsinkomst": "32 %", "Regionens del av skatten": "36 %"}),
                       ("en", {"Tax on earnings": "32%", "The region's part of the tax": "36%"})):
        table = assumptions_table(r.assumptions, lang)
        shown = {_plain(k): _plain(v) for k, v in zip(table.iloc[:, 0], table.iloc[:, 1])}
        if listed:
            assert {k: shown.get(k) for k in rows} == rows
            uncertain = table.set_index(table.columns[0]).iloc[:, -1]
            assert all(uncertain[k] in ("ja", "yes") for k in rows)  # (estimates, flagged as the table flags them)
        else:
            assert not set(rows) & set(shown)


def test_the_register_paragraph_gives_the_tax_as_the_table_of_assumptions_does():
    from evaltools.present.display import Table
    from evaltools.present.sections import costbenefit

    from .conftest import sample_report
    # Kompassen measures earnings in its register files: the tax on them at the calculation's 32 % (defaults.csv)
    report = sample_report("kompassen-demo", "sv")
    paras = [_plain(p) for p in costbenefit.register_part(report)[0].paragraphs]
    assert any("Skatten på lönen räknas med kalkylens skattesats (32 %), ett antagande." in p for p in paras), paras
    tables = [b for group in costbenefit.blocks(report) for b in group
              if isinstance(b, Table) and "Antagande" in b.frame.columns]
    assert len(tables) == 1
    shown = dict(zip(tables[0].frame["Antagande"], (_plain(v) for v in tables[0].frame["Värde"])))
    assert shown["Skatt på arbetsinkomst"] == "32 %"
